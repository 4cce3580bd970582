// HRT templates: the shipped files, validation errors, canonical JSON and prompt rendering.
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/engine/Rpi.h"
#include "support/TestSupport.h"

#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::engine;
using nlohmann::json;

namespace {

// A small valid LaMP-3 template; tests change one thing at a time.
json baseJson() {
    return json::parse(R"j({
      "id": "hrt-test",
      "version": 2,
      "task": "LaMP-3",
      "system": "Be brief.",
      "instructions": "Q: {input}\n{items}\n{levels}\nFormat: {format} (k={k})",
      "item": "[P{n}] ({score}) {field:score}/5 {field:text} #{id}",
      "no_items": "(none)",
      "levels": [
        {"stage": "task_analysis", "title": "Task analysis", "marker": "## Task analysis",
         "budget_tokens": 50, "steps": ["What is asked?", "Which format?"]},
        {"stage": "profile_synthesis", "title": "Profile synthesis",
         "marker": "## Profile synthesis", "budget_tokens": 100, "cite": true,
         "steps": ["Facts with [P#]."]},
        {"stage": "answer_plan", "title": "Answer plan", "marker": "## Plan",
         "budget_tokens": 60, "steps": ["Apply the facts."]},
        {"stage": "answer", "title": "Answer", "marker": "## Answer", "budget_tokens": 10,
         "steps": ["Only the digit."]}
      ],
      "answer": {"kind": "rating", "labels": ["1", "2", "3", "4", "5"],
                 "description": "one digit 1-5"},
      "corrections": {
        "marker-order": "Wait: {title} starts with {marker}.",
        "token-budget": "Wait: {title} within {budget} tokens.",
        "citations": "Wait: cite P1 to {last} ({k} items).",
        "answer-format": "Wait: the answer is {format}."
      },
      "judge": "In: {input}\nItems:\n{items}\nFacts: {facts}\nCandidate: {candidate}\nFormat: {format}"
    })j");
}

HrtTemplate parseOk(const json& j) {
    auto r = parseHrtTemplate(j.dump(), "t.json");
    if (!r)
        ADD_FAILURE() << r.error().message;
    return r ? r.value() : HrtTemplate{};
}

// The error for `base` changed by `change`; empty (and a failure) if it parsed.
std::string errorFor(const std::function<void(json&)>& change) {
    json j = baseJson();
    change(j);
    auto r = parseHrtTemplate(j.dump(), "t.json");
    if (r) {
        ADD_FAILURE() << "parsed: " << j.dump();
        return {};
    }
    return r.error().message;
}

// Whether the template changed by `change` fails with a message naming t.json and `expected`.
testing::AssertionResult failsWith(const std::function<void(json&)>& change,
                                   const std::string& expected) {
    const std::string message = errorFor(change);
    if (message.rfind("t.json: ", 0) != 0 || message.find(expected) == std::string::npos)
        return testing::AssertionFailure() << "error: \"" << message << "\"";
    return testing::AssertionSuccess();
}

std::string sourceFile(const std::string& relative) {
    return r2p::test::readFile(r2p::test::sourceDir() + "/" + relative);
}

// A compliant walk-through of every level.
std::string levelText(const HrtTemplate& t, const HrtLevel& level) {
    std::string body = "Short text.";
    if (level.requiresCitations)
        body = "A fact [P1]. Another [P2, P3].";
    if (level.stage == StageId::Answer)
        body = t.answer.kind == AnswerKind::Text ? "A short answer" : t.answer.labels.front();
    return level.marker + "\n" + body + "\n";
}

} // namespace

// --- The shipped templates -------------------------------------------------------------------

TEST(HrtBuiltin, OneValidTemplatePerTask) {
    ASSERT_EQ(builtinHrtTemplates().size(), allTasks().size());
    for (const auto& spec : allTasks()) {
        SCOPED_TRACE(std::string(spec.name));
        const HrtTemplate* t = builtinHrtTemplate(spec.id);
        ASSERT_NE(t, nullptr);
        EXPECT_EQ(t->task, spec.id);
        EXPECT_EQ(t->id, "hrt-" + std::string(spec.name));
        EXPECT_GE(t->version, 1);
        ASSERT_EQ(t->levels.size(), 4u);
        EXPECT_EQ(t->levels[0].stage, StageId::TaskAnalysis);
        EXPECT_EQ(t->levels[1].stage, StageId::ProfileSynthesis);
        EXPECT_EQ(t->levels[2].stage, StageId::AnswerPlan);
        EXPECT_EQ(t->levels[3].stage, StageId::Answer);
        EXPECT_TRUE(t->levels[1].requiresCitations);
        for (const auto& l : t->levels) {
            EXPECT_GT(l.budgetTokens, 0);
            EXPECT_FALSE(l.steps.empty());
        }
        EXPECT_EQ(t->corrections.size(), 4u);
        // The answer format matches the task: its label set, in LaMP's order, or a text limit.
        std::vector<std::string> labels(spec.labels.begin(), spec.labels.end());
        EXPECT_EQ(t->answer.labels, labels);
        switch (spec.kind) {
        case TaskKind::Classification:
            EXPECT_EQ(t->answer.kind, AnswerKind::Label);
            break;
        case TaskKind::Rating:
            EXPECT_EQ(t->answer.kind, AnswerKind::Rating);
            EXPECT_EQ(labels, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
            break;
        default:
            EXPECT_EQ(t->answer.kind, AnswerKind::Text);
            EXPECT_GT(t->answer.maxWords, 0u);
        }
        // The item line shows every profile field of the task.
        for (auto f : spec.itemFields)
            EXPECT_NE(t->item.find("{field:" + std::string(f) + "}"), std::string::npos) << f;
    }
    EXPECT_EQ(builtinHrtTemplate(TaskId::LaMP4)->answer.maxWords, 20u);
    EXPECT_EQ(builtinHrtTemplate(TaskId::LaMP5)->answer.maxWords, 25u);
    EXPECT_EQ(builtinHrtTemplate(TaskId::LaMP6)->answer.maxWords, 15u);
    EXPECT_EQ(builtinHrtTemplate(TaskId::LaMP7)->answer.maxWords, 50u);
    EXPECT_EQ(builtinHrtTemplate(TaskId::Invalid), nullptr);
}

TEST(HrtBuiltin, FilesAreCanonicalAndRoundTrip) {
    for (const auto& t : builtinHrtTemplates()) {
        const std::string name(taskSpec(t.task).name);
        SCOPED_TRACE(name);
        const std::string path = "resources/hrt/" + name + ".json";
        const std::string file = sourceFile(path);
        auto fromFile = parseHrtTemplate(file, path);
        ASSERT_TRUE(fromFile) << fromFile.error().message;
        EXPECT_TRUE(*fromFile == t); // the compiled-in copy is the file
        const std::string canonical = serializeHrtTemplate(t);
        EXPECT_EQ(canonical, file); // what the template editor would save
        auto again = parseHrtTemplate(canonical, "serialized");
        ASSERT_TRUE(again) << again.error().message;
        EXPECT_TRUE(*again == t);
    }
}

TEST(HrtBuiltin, ACompliantWalkThroughPassesEveryRule) {
    for (const auto& t : builtinHrtTemplates()) {
        SCOPED_TRACE(t.id);
        for (const auto& level : t.levels) {
            const std::string text = levelText(t, level);
            EXPECT_FALSE(checkStreaming(t, level.stage, text, approxTokens(text)));
            const auto v = checkStageEnd(t, level.stage, text, approxTokens(text), 5);
            EXPECT_FALSE(v) << level.marker << ": " << (v ? v->evidence : "");
        }
        // The corrections themselves never trip the rules they are injected under.
        for (const auto& [rule, text] : t.corrections)
            for (const auto& level : t.levels) {
                const std::string c = renderCorrection(t, rule, level.stage, 5);
                EXPECT_TRUE(citedItems(c).empty()) << c;
                EXPECT_EQ(c.find('{'), std::string::npos) << c;
                const std::string injected = level.marker + "\nx [P1]\n" + c + "\nmore [P2]";
                EXPECT_FALSE(checkStreaming(t, level.stage, injected, 1)) << c;
            }
        // The prompts are fully filled.
        const std::vector<PromptItem> items{{1, "p1", 0.5, {{"text", "t"}}}};
        EXPECT_EQ(renderTaskPrompt(t, "in", items).find("{"), std::string::npos);
        EXPECT_EQ(renderJudgePrompt(t, "in", items, "f", "c").find("{"), std::string::npos);
    }
}

// --- Canonical JSON --------------------------------------------------------------------------

TEST(HrtSerialize, RoundTripsAndKeepsKeyOrder) {
    const HrtTemplate t = parseOk(baseJson());
    const std::string s = serializeHrtTemplate(t);
    auto again = parseHrtTemplate(s, "s");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_TRUE(*again == t);
    EXPECT_EQ(s.rfind("{\n  \"id\": \"hrt-test\",\n  \"version\": 2,\n  \"task\": \"LaMP-3\",", 0),
              0u)
        << s;
    std::size_t last = 0;
    for (const char* key :
         {"\"id\"", "\"version\"", "\"task\"", "\"system\"", "\"instructions\"", "\"item\"",
          "\"no_items\"", "\"levels\"", "\"answer\"", "\"corrections\"", "\"judge\""}) {
        const auto at = s.find(key);
        ASSERT_NE(at, std::string::npos) << key;
        EXPECT_GT(at, last) << key;
        last = at;
    }
    EXPECT_NE(s.find("\"budget_tokens\": 100,\n      \"cite\": true,"), std::string::npos) << s;
    EXPECT_EQ(s.find("\"cite\": false"), std::string::npos);
    EXPECT_NE(s.find("\"marker-order\": \"Wait: {title} starts with {marker}.\",\n    "
                     "\"token-budget\""),
              std::string::npos)
        << s;
    EXPECT_EQ(s.back(), '\n');

    // A text template writes max_words and no labels.
    HrtTemplate text = *builtinHrtTemplate(TaskId::LaMP5);
    const std::string ts = serializeHrtTemplate(text);
    EXPECT_NE(ts.find("\"max_words\": 25"), std::string::npos);
    EXPECT_EQ(ts.find("\"labels\""), std::string::npos);

    // Edits survive the round trip.
    text.version = 7;
    text.levels[2].requiresCitations = true;
    text.levels[0].steps.push_back("A new step with \"quotes\" and \xE2\x80\x93 a dash.");
    text.answer.maxWords = 0;
    auto edited = parseHrtTemplate(serializeHrtTemplate(text), "edited");
    ASSERT_TRUE(edited) << edited.error().message;
    EXPECT_TRUE(*edited == text);
}

// --- Validation ------------------------------------------------------------------------------

TEST(HrtValidate, BaseIsValidAndLenientOnNonPlaceholderBraces) {
    const HrtTemplate t = parseOk(baseJson());
    EXPECT_EQ(t.id, "hrt-test");
    EXPECT_EQ(t.version, 2);
    EXPECT_EQ(t.task, TaskId::LaMP3);
    EXPECT_EQ(t.levels[1].marker, "## Profile synthesis");
    EXPECT_TRUE(t.levels[1].requiresCitations);
    EXPECT_FALSE(t.levels[0].requiresCitations);
    EXPECT_EQ(t.levels[2].budgetTokens, 60);
    EXPECT_EQ(t.answer.kind, AnswerKind::Rating);
    EXPECT_EQ(t.corrections.at(RpiRule::Citations), "Wait: cite P1 to {last} ({k} items).");
    ASSERT_NE(t.level(StageId::AnswerPlan), nullptr);
    EXPECT_EQ(t.level(StageId::AnswerPlan)->title, "Answer plan");
    EXPECT_EQ(t.level(StageId::Retrieve), nullptr);

    json j = baseJson();
    j["instructions"] = "{input} {items} {levels} {format} JSON like {\"a\": 1} or { } or {}";
    j["task"] = "lamp3"; // any spelling parseTaskName accepts
    EXPECT_EQ(parseOk(j).task, TaskId::LaMP3);
}

TEST(HrtValidate, MalformedJsonNamesLineAndColumn) {
    const std::string text = "{\n  \"id\": \"x\",\n  oops\n}";
    auto r = parseHrtTemplate(text, "resources/hrt/LaMP-3.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message.rfind("resources/hrt/LaMP-3.json: line 3, column 3: malformed "
                                      "JSON: ",
                                      0),
              0u)
        << r.error().message;
    auto empty = parseHrtTemplate("", "e.json");
    ASSERT_FALSE(empty);
    EXPECT_NE(empty.error().message.find("e.json: line 1, column 1: malformed JSON"),
              std::string::npos)
        << empty.error().message;
    // The parser quotes what it read; a malformed UTF-8 byte does not reach the message.
    auto bytes = parseHrtTemplate("{\"id\": \"\xFF\"}", "b.json");
    ASSERT_FALSE(bytes);
    EXPECT_EQ(bytes.error().message.rfind("b.json: line 1, column 9: malformed JSON: ", 0), 0u)
        << bytes.error().message;
    EXPECT_EQ(bytes.error().message.find('\xFF'), std::string::npos);
    // Found by the hrt_template fuzz target: a number beyond double's range throws out_of_range
    // (not parse_error) from the parser, which aborted the program.
    auto huge = parseHrtTemplate("{\"id\": \"x\", \"version\": 1e400}", "h.json");
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error().message, "h.json: malformed JSON: number overflow parsing '1e400'");
    auto notObject = parseHrtTemplate("[1, 2]", "a.json");
    ASSERT_FALSE(notObject);
    EXPECT_NE(notObject.error().message.find("a.json: not an HRT template"), std::string::npos);
}

TEST(HrtValidate, TopLevelFields) {
    EXPECT_TRUE(failsWith([](json& j) { j["judg"] = "x"; }, "t.json: unknown key \"judg\""));
    EXPECT_TRUE(failsWith([](json& j) { j.erase("id"); }, "t.json: id is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j["id"] = ""; }, "t.json: id is empty"));
    EXPECT_TRUE(failsWith([](json& j) { j["id"] = 3; }, "t.json: id must be a string"));
    EXPECT_TRUE(failsWith([](json& j) { j["version"] = 0; }, "t.json: version must be 1 or more"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["version"] = "1"; }, "t.json: version must be an integer"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["version"] = 1.5; }, "t.json: version must be an integer"));
    EXPECT_TRUE(failsWith([](json& j) { j["task"] = "LaMP-9"; },
                          "t.json: task \"LaMP-9\" is not a LaMP task"));
    EXPECT_TRUE(failsWith([](json& j) { j["system"] = ""; }, "t.json: system is empty"));
    EXPECT_TRUE(failsWith([](json& j) { j.erase("no_items"); }, "t.json: no_items is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j.erase("judge"); }, "t.json: judge is missing"));
}

TEST(HrtValidate, Levels) {
    EXPECT_TRUE(failsWith([](json& j) { j["levels"].erase(2); },
                          "t.json: levels has 3 entries, expected 4"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"] = json::object(); },
                          "t.json: levels must be an array"));
    EXPECT_TRUE(
        failsWith([](json& j) { std::swap(j["levels"][1], j["levels"][2]); },
                  "t.json: levels[1].stage is \"answer_plan\", expected \"profile_synthesis\""));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["stage"] = "retrieve"; },
                          "t.json: levels[0].stage \"retrieve\" is not an HRT level"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["stage"] = "analysis"; },
                          "t.json: levels[0].stage \"analysis\" is not an HRT level"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][1]["cites"] = true; },
                          "t.json: levels[1]: unknown key \"cites\""));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][1]["cite"] = "yes"; },
                          "t.json: levels[1].cite must be true or false"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][3].erase("title"); },
                          "t.json: levels[3].title is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][2] = "answer_plan"; },
                          "t.json: levels[2] must be an object"));
}

TEST(HrtValidate, Markers) {
    EXPECT_EQ(errorFor([](json& j) { j["levels"][1]["marker"] = ""; }),
              "t.json: levels[1].marker is empty");
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][2]["marker"] = "## Profile synthesis"; },
                          "t.json: levels[2].marker \"## Profile synthesis\" is the same as "
                          "levels[1].marker"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][2]["marker"] = "## Answer plan"; },
                          "t.json: levels[3].marker \"## Answer\" is a prefix of levels[2].marker "
                          "\"## Answer plan\""));
    EXPECT_TRUE(
        failsWith([](json& j) { j["levels"][0]["marker"] = "## Answer analysis"; },
                  "t.json: levels[3].marker \"## Answer\" is a prefix of levels[0].marker"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["marker"] = "## Task\nanalysis"; },
                          "t.json: levels[0].marker must be a single line"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["marker"] = " ## Task analysis"; },
                          "t.json: levels[0].marker must not start or end with whitespace"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["marker"] = "## {title}"; },
                          "t.json: levels[0].marker: unknown placeholder {title} (allowed: none)"));
}

TEST(HrtValidate, BudgetsAndSteps) {
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["budget_tokens"] = 0; },
                          "t.json: levels[0].budget_tokens must be greater than 0"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][3]["budget_tokens"] = -5; },
                          "t.json: levels[3].budget_tokens must be greater than 0"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][3]["budget_tokens"] = 2.5; },
                          "t.json: levels[3].budget_tokens must be an integer"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][3]["budget_tokens"] = 1e12; },
                          "t.json: levels[3].budget_tokens must be an integer"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][3]["budget_tokens"] = 99999999999LL; },
                          "t.json: levels[3].budget_tokens is too large"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][2]["steps"] = json::array(); },
                          "t.json: levels[2].steps is empty"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["steps"][1] = ""; },
                          "t.json: levels[0].steps[1] is empty"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["steps"][1] = 2; },
                          "t.json: levels[0].steps[1] must be a string"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["steps"] = "one"; },
                          "t.json: levels[0].steps must be an array of strings"));
    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["steps"][0] = "cite up to [P{k}]"; },
                          "t.json: levels[0].steps[0]: unknown placeholder {k} (allowed: none)"));
}

// Sub-step markers are optional, one per sub-step, distinct, and never read as a level marker.
TEST(HrtValidate, StepMarkers) {
    json marked = baseJson();
    marked["levels"][0]["step_markers"] = {"(a)", "(b)"};
    const HrtTemplate t = parseOk(marked);
    EXPECT_EQ(t.levels[0].stepMarkers, (std::vector<std::string>{"(a)", "(b)"}));
    EXPECT_TRUE(t.levels[1].stepMarkers.empty());
    auto again = parseHrtTemplate(serializeHrtTemplate(t), "again.json");
    ASSERT_TRUE(again) << again.error().message;
    EXPECT_EQ(*again, t);
    EXPECT_NE(serializeHrtTemplate(t).find("\"step_markers\""), std::string::npos);
    EXPECT_EQ(serializeHrtTemplate(parseOk(baseJson())).find("step_markers"), std::string::npos);

    EXPECT_TRUE(failsWith([](json& j) { j["levels"][0]["step_markers"] = {"(a)"}; },
                          "t.json: levels[0].step_markers must be an array of 2 strings, one "
                          "per sub-step"));
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["levels"][0]["step_markers"] = {"(a)", "(a)"};
        },
        "t.json: levels[0].step_markers[1] \"(a)\" is listed twice"));
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["levels"][0]["step_markers"] = {"(a)", " (b)"};
        },
        "t.json: levels[0].step_markers[1] must be one non-empty line without "
        "surrounding spaces"));
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["levels"][0]["step_markers"] = {"(a)", 2};
        },
        "t.json: levels[0].step_markers[1] must be a string"));
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["levels"][0]["step_markers"] = {"## Task analysis 1", "(b)"};
        },
        "t.json: levels[0].step_markers[0] \"## Task analysis 1\" would be read as the "
        "level's marker \"## Task analysis\""));
    // A correction may not open a line with a sub-step marker: it would count as coverage.
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["levels"][0]["step_markers"] = {"(a)", "(b)"};
            j["corrections"]["step-coverage"] = "Wait.\n(a) again";
        },
        "t.json: corrections.step-coverage starts a line with the sub-step marker \"(a)\""));
}

TEST(HrtValidate, AnswerFormat) {
    EXPECT_TRUE(
        failsWith([](json& j) { j["answer"]["kind"] = "text"; },
                  "t.json: answer.kind \"text\" does not fit LaMP-3 (a rating task): expected "
                  "\"rating\""));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"]["kind"] = "score"; },
                          "t.json: answer.kind \"score\" is not label, rating or text"));
    EXPECT_TRUE(failsWith(
        [](json& j) {
            j["answer"]["labels"] = {"1", "2", "3", "4"};
        },
        "t.json: answer.labels has 4 labels, expected 5"));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"]["labels"][0] = "1.0"; },
                          "t.json: answer.labels[0] is \"1.0\", expected \"1\""));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"].erase("labels"); },
                          "t.json: answer.labels is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"]["max_words"] = 5; },
                          "t.json: answer.max_words is only for text answers"));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"]["lables"] = json::array(); },
                          "t.json: answer: unknown key \"lables\""));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"].erase("description"); },
                          "t.json: answer.description is missing"));

    // Classification: exactly the task's label set, in LaMP's order.
    auto asLamp2 = [](json& j) {
        j["task"] = "LaMP-2";
        j["item"] = "[P{n}] {field:tag}: {field:description}";
        j["answer"] = {{"kind", "label"}, {"description", "one tag"}};
        j["answer"]["labels"] = json::array();
        for (auto l : taskSpec(TaskId::LaMP2).labels)
            j["answer"]["labels"].push_back(std::string(l));
    };
    json lamp2 = baseJson();
    asLamp2(lamp2);
    EXPECT_EQ(parseOk(lamp2).answer.labels.size(), 15u);
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp2(j);
            j["answer"]["labels"][2] = "Comedy";
        },
        "t.json: answer.labels[2] is \"Comedy\", expected \"comedy\" (LaMP-2's label set is "
        "sci-fi, based on a book, comedy,"));
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp2(j);
            std::swap(j["answer"]["labels"][0], j["answer"]["labels"][1]);
        },
        "t.json: answer.labels[0] is \"based on a book\", expected \"sci-fi\""));
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp2(j);
            j["answer"]["labels"].erase(14);
        },
        "t.json: answer.labels has 14 labels, expected 15"));
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp2(j);
            j["answer"]["kind"] = "rating";
        },
        "t.json: answer.kind \"rating\" does not fit LaMP-2 (a classification task): expected "
        "\"label\""));

    // Generation: text, with an optional word limit and no labels.
    auto asLamp4 = [](json& j) {
        j["task"] = "LaMP-4";
        j["item"] = "[P{n}] {field:title}: {field:text}";
        j["answer"] = {{"kind", "text"}, {"max_words", 20}, {"description", "a headline"}};
    };
    json lamp4 = baseJson();
    asLamp4(lamp4);
    EXPECT_EQ(parseOk(lamp4).answer.maxWords, 20u);
    lamp4["answer"].erase("max_words");
    EXPECT_EQ(parseOk(lamp4).answer.maxWords, 0u);
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp4(j);
            j["answer"]["labels"] = {"a"};
        },
        "t.json: answer.labels is only for label and rating answers"));
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp4(j);
            j["answer"]["max_words"] = -1;
        },
        "t.json: answer.max_words must not be negative"));
    EXPECT_TRUE(failsWith(
        [&](json& j) {
            asLamp4(j);
            j["answer"]["kind"] = "label";
        },
        "t.json: answer.kind \"label\" does not fit LaMP-4 (a generation task): expected "
        "\"text\""));
}

TEST(HrtValidate, Corrections) {
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"].erase("citations"); },
                          "t.json: corrections.citations is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"]["token-budget"] = ""; },
                          "t.json: corrections.token-budget is empty"));
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"]["marker_order"] = "x"; },
                          "t.json: corrections: unknown rule \"marker_order\""));
    EXPECT_TRUE(
        failsWith([](json& j) { j.erase("corrections"); }, "t.json: corrections is missing"));
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"] = "x"; },
                          "t.json: corrections must be an object"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["corrections"]["citations"] = "Cite {items}."; },
                  "t.json: corrections.citations: unknown placeholder {items} (allowed: {marker}, "
                  "{title}, {k}, {last}, {budget}, {format}, {steps})"));
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"]["citations"] = "Cite [P1] to [{last}]."; },
                          "t.json: corrections.citations contains a [P#] citation"));
    EXPECT_TRUE(failsWith([](json& j) { j["corrections"]["marker-order"] = "{marker}\nagain"; },
                          "t.json: corrections.marker-order starts a line with the marker"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["corrections"]["marker-order"] = "Stop.\n## Plan now"; },
                  "t.json: corrections.marker-order starts a line with the marker \"## Plan\""));
}

TEST(HrtValidate, Placeholders) {
    EXPECT_TRUE(failsWith([](json& j) { j["instructions"] = "{input} {items} {format}"; },
                          "t.json: instructions must contain {levels}"));
    EXPECT_TRUE(failsWith([](json& j) { j["instructions"] = "{items} {levels} {format}"; },
                          "t.json: instructions must contain {input}"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["instructions"] = "{inptu} {input} {items} {levels} {format}"; },
                  "t.json: instructions: unknown placeholder {inptu} (allowed: {input}, {items}, "
                  "{levels}, {format}, {k})"));
    EXPECT_TRUE(
        failsWith([](json& j) { j["item"] = "[P{n}] {field:rating}"; },
                  "t.json: item: {field:rating} is not a field of LaMP-3 items (text, score)"));
    EXPECT_TRUE(failsWith([](json& j) { j["item"] = "[P{n}] {text}"; },
                          "t.json: item: unknown placeholder {text} (allowed: {n}, {score}, {id}, "
                          "{field:NAME})"));
    EXPECT_TRUE(failsWith([](json& j) { j["judge"] = "Judge {input}."; },
                          "t.json: judge must contain {candidate}"));
    EXPECT_TRUE(failsWith([](json& j) { j["judge"] = "{candidate} of {k}"; },
                          "t.json: judge: unknown placeholder {k}"));
    EXPECT_TRUE(failsWith([](json& j) { j["system"] = "You answer {input}."; },
                          "t.json: system: unknown placeholder {input} (allowed: none)"));
    EXPECT_TRUE(failsWith([](json& j) { j["no_items"] = "none of {k}"; },
                          "t.json: no_items: unknown placeholder {k}"));
    EXPECT_TRUE(failsWith([](json& j) { j["answer"]["description"] = "a digit {k}"; },
                          "t.json: answer.description: unknown placeholder {k}"));
}

// --- Rendering -------------------------------------------------------------------------------

TEST(HrtRender, FillPlaceholders) {
    const std::vector<std::pair<std::string, std::string>> v{
        {"a", "{b}"}, {"b", "B"}, {"field:text", "T"}};
    EXPECT_EQ(fillPlaceholders("{a}{b} {a} {field:text} {c} {} { a } {\"a\"} {a", v),
              "{b}B {b} T {c} {} { a } {\"a\"} {a");
    EXPECT_EQ(fillPlaceholders("", v), "");
    EXPECT_EQ(fillPlaceholders("no braces", {}), "no braces");
    EXPECT_EQ(fillPlaceholders("{{b}}", v), "{B}");
}

TEST(HrtRender, Items) {
    const HrtTemplate t = parseOk(baseJson());
    const std::vector<PromptItem> items{
        {1, "u1-7", 12.3456, {{"text", "Great\nproduct,\r\nworks"}, {"score", "5"}}},
        {2, "u1-3", 7, {{"text", "Broke after a day"}}}, // no score field: renders empty
    };
    EXPECT_EQ(renderItems(t, items), "[P1] (12.35) 5/5 Great product, works #u1-7\n"
                                     "[P2] (7.00) /5 Broke after a day #u1-3");
    EXPECT_EQ(renderItems(t, {}), "(none)");
}

TEST(HrtRender, LevelsAndTaskPrompt) {
    const HrtTemplate t = parseOk(baseJson());
    const std::string levels =
        "Level 1: Task analysis\n"
        "Start with the line \"## Task analysis\". At most about 50 tokens.\n"
        "1. What is asked?\n"
        "2. Which format?\n"
        "\n"
        "Level 2: Profile synthesis\n"
        "Start with the line \"## Profile synthesis\". At most about 100 tokens. Cite the items "
        "each point rests on, like [P1] or [P2, P4].\n"
        "1. Facts with [P#].\n"
        "\n"
        "Level 3: Answer plan\n"
        "Start with the line \"## Plan\". At most about 60 tokens.\n"
        "1. Apply the facts.\n"
        "\n"
        "Level 4: Answer\n"
        "Start with the line \"## Answer\". At most about 10 tokens.\n"
        "1. Only the digit.";
    EXPECT_EQ(renderLevels(t), levels);

    const std::vector<PromptItem> items{{1, "a", 0.5, {{"text", "Fine"}, {"score", "4"}}}};
    // The input is inserted as is, placeholders in it included.
    EXPECT_EQ(renderTaskPrompt(t, "review: {items} ok", items),
              "Q: review: {items} ok\n[P1] (0.50) 4/5 Fine #a\n" + levels +
                  "\nFormat: one digit 1-5 (k=1)");
    EXPECT_EQ(renderTaskPrompt(t, "x", {}),
              "Q: x\n(none)\n" + levels + "\nFormat: one digit 1-5 (k=0)");
}

// With sub-step markers the prompt shows each sub-step by its marker and asks for them.
TEST(HrtRender, LevelsWithStepMarkers) {
    json j = baseJson();
    j["levels"][0]["step_markers"] = {"(a)", "(b)"};
    const HrtTemplate t = parseOk(j);
    const std::string levels = renderLevels(t);
    EXPECT_NE(levels.find("Start with the line \"## Task analysis\". At most about 50 tokens. "
                          "Open each sub-step with its marker on a line of its own.\n"
                          "(a) What is asked?\n"
                          "(b) Which format?\n\nLevel 2"),
              std::string::npos)
        << levels;
    EXPECT_NE(levels.find("\n1. Facts with [P#]."), std::string::npos); // unmarked: numbered
    // The built-in step-coverage thought names the level's markers.
    EXPECT_EQ(renderCorrection(t, RpiRule::StepCoverage, StageId::TaskAnalysis, 5),
              "Wait, I have not worked through every sub-step of \"Task analysis\". I should take "
              "(a) and (b) in turn, each opened with its marker.");
}

TEST(HrtRender, Corrections) {
    const HrtTemplate t = parseOk(baseJson());
    EXPECT_EQ(renderCorrection(t, RpiRule::MarkerOrder, StageId::ProfileSynthesis, 5),
              "Wait: Profile synthesis starts with ## Profile synthesis.");
    EXPECT_EQ(renderCorrection(t, RpiRule::TokenBudget, StageId::AnswerPlan, 5),
              "Wait: Answer plan within 60 tokens.");
    EXPECT_EQ(renderCorrection(t, RpiRule::Citations, StageId::ProfileSynthesis, 3),
              "Wait: cite P1 to P3 (3 items).");
    EXPECT_EQ(renderCorrection(t, RpiRule::AnswerFormat, StageId::Answer, 3),
              "Wait: the answer is one digit 1-5.");
    EXPECT_EQ(renderCorrection(t, RpiRule::Invalid, StageId::Answer, 3), "");

    // A template built in code without corrections still gets a thought.
    HrtTemplate bare = t;
    bare.corrections.clear();
    const std::string c = renderCorrection(bare, RpiRule::TokenBudget, StageId::TaskAnalysis, 2);
    EXPECT_NE(c.find("Task analysis"), std::string::npos) << c;
    EXPECT_NE(c.find("50 tokens"), std::string::npos) << c;
}

TEST(HrtRender, JudgePrompt) {
    const HrtTemplate t = parseOk(baseJson());
    const std::vector<PromptItem> items{{1, "a", 1, {{"text", "Meh"}, {"score", "2"}}},
                                        {2, "b", 0.25, {{"text", "Love it"}, {"score", "5"}}}};
    EXPECT_EQ(renderJudgePrompt(t, "review: ok", items, "Harsh rater [P1].", "2"),
              "In: review: ok\nItems:\n[P1] (1.00) 2/5 Meh #a\n[P2] (0.25) 5/5 Love it #b\n"
              "Facts: Harsh rater [P1].\nCandidate: 2\nFormat: one digit 1-5");
}
