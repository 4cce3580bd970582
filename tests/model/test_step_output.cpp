// Typed step output: every shape the engine stores reads into the typed fields and writes back
// byte for byte (also through the project file), outputs built in code come out in the engine's
// key order, unknown keys and odd values are kept, and damaged text is an error, not a crash.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/StepOutput.h"
#include "model/StepOutputJson.h"
#include "model/StepTextCodec.h"
#include "model/Trace.h"
#include "support/TestSupport.h"

#include <cmath>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <string>
#include <vector>

using namespace r2p;
using r2p::test::TempDir;

namespace {

// Stored by `r2p run` on the bundled demo data (offline and against r2p-test-server), shortened
// where a list was long; the edited, truncated and older shapes follow the engine's code.
struct Fixture {
    const char* name;
    StageId stage;
    const char* json;
};

const std::vector<Fixture>& fixtures() {
    static const std::vector<Fixture>
        all{
            {"retrieve", StageId::Retrieve,
             R"j({"ranker":"bm25","k":5,"query":"The air fryer is fine for the price. It cleans up in seconds under the tap.","items":[{"n":1,"id":"31016","score":12.160540822659744,"matched":["The","is","fine","for","the","price.","It"]},{"n":2,"id":"31004","score":12.065567064069763,"matched":[]}],"findings":[]})j"},
            {"retrieve_findings", StageId::Retrieve,
             R"j({"ranker":"recency","k":2,"query":"","items":[],"findings":["user 7: the input has no query text"]})j"},
            {"task_analysis", StageId::TaskAnalysis,
             R"j({"body":"The input asks for the one tag.\nOutput format: exactly one tag.","tokens":137,"interventions":0,"rules":{"marker-order":"complied","token-budget":"complied","citations":"not-applicable","answer-format":"not-applicable","repetition":"complied"}})j"},
            {"profile_synthesis", StageId::ProfileSynthesis,
             R"j({"body":"- [P1, P2, P3, P4, P5] carry the tag \"sci-fi\" (1.00 of the retrieval weight)","citations":[1,2,3,4,5],"tokens":25,"interventions":1,"rules":{"marker-order":"complied","token-budget":"complied","citations":"complied","answer-format":"not-applicable","repetition":"complied"}})j"},
            {"answer_plan", StageId::AnswerPlan,
             R"j({"body":"Weighted vote: sci-fi 1.00 → sci-fi.","citations":[],"tokens":11,"interventions":0,"rules":{"marker-order":"complied","token-budget":"complied","citations":"not-applicable","answer-format":"not-applicable","repetition":"complied"}})j"},
            {"answer", StageId::Answer,
             R"j({"body":"sci-fi","answer":"sci-fi","in_format":true,"tokens":4,"interventions":1,"rules":{"marker-order":"complied","token-budget":"complied","citations":"not-applicable","answer-format":"complied","repetition":"complied"}})j"},
            {"candidates_chat", StageId::Candidates,
             R"j({"body":"sci-fi","answer":"sci-fi","in_format":true,"tokens":2,"interventions":2,"rules":{"marker-order":"violated","token-budget":"complied","citations":"not-applicable","answer-format":"complied","repetition":"complied"}})j"},
            {"cross_reference_offline", StageId::CrossReference,
             R"j({"verdict":"supported","evidence":[1,2,3,4,5],"agreement":1.0,"reason":"P1, P2, P3, P4, P5 carry \"sci-fi\" (100% of the retrieval weight)","judge":"lexical (offline)"})j"},
            {"cross_reference_model", StageId::CrossReference,
             R"j({"verdict":"unparsed","evidence":[],"agreement":0.6666666666666666,"reason":"the judge's reply has no line \"VERDICT: \" with exactly one of supported, partial, contradicted, unsupported (asked twice)","judge":"model","judge_model":"test-model"})j"},
            {"final_select", StageId::Final,
             R"j({"mode":"select","chosen":0,"answer":"sci-fi","reason":"#1 is supported by P1, P2, P3, P4, P5; 3 of 3 candidates agree"})j"},
            {"final_combine_new", StageId::Final, R"j({"mode":"combine","chosen":-1,"answer":"5","reason":"written by the model from 3 candidates and their verdicts; none of the candidates","in_format":true})j"},
            {"final_before_modes", StageId::Final,
             R"j({"chosen":1,"answer":"4","reason":"#2 is partial by P3; 2 of 3 candidates agree"})j"},
            {"generate_budgeted", StageId::Generate,
             R"j({"answer":"sci-fi","in_format":true,"finish_reason":"stop","answer_budget":40,"reasoning_budget":4096,"truncated":false})j"},
            {"generate_truncated", StageId::Generate,
             R"j({"answer":"","in_format":false,"finish_reason":"length","answer_budget":40,"reasoning_budget":20,"truncated":true})j"},
            {"generate_lrm_rag", StageId::Generate,
             R"j({"answer":"sci-fi","in_format":true,"finish_reason":"stop"})j"},
            {"score", StageId::Score,
             R"j({"prediction":"sci-fi","gold":"sci-fi","in_format":true,"scores":{"accuracy":1.0}})j"},
            {"score_text", StageId::Score,
             R"j({"prediction":"Long-delayed Green Line extension opens to passengers on Thursday","gold":"Millbrook's Green Line extension opens after 19-month delay","in_format":true,"scores":{"rouge-1":0.4000000000000001,"rouge-2":0.3333333333333333,"rouge-L":0.4000000000000001,"rouge-Lsum":0.4000000000000001}})j"},
            {"score_no_gold", StageId::Score,
             R"j({"prediction":"2","gold":null,"in_format":true,"scores":{}})j"},
            {"edited_synthesis", StageId::ProfileSynthesis,
             R"j({"body":"[P2] likes drama","citations":[2],"tokens":25,"interventions":0,"rules":{"marker-order":"complied","token-budget":"complied","citations":"complied","answer-format":"not-applicable","repetition":"complied"},"edited":true})j"},
            {"edited_final", StageId::Final,
             R"j({"mode":"select","chosen":0,"answer":"drama","reason":"#1 is supported by P1; 3 of 3 candidates agree","edited":true})j"},
            {"failed", StageId::TaskAnalysis, ""},
        };
    return all;
}

const char* fixture(std::string_view name) {
    for (const auto& f : fixtures())
        if (f.name == name)
            return f.json;
    ADD_FAILURE() << "no fixture " << name;
    return "";
}

TEST(StepOutput, EveryStoredShapeRoundTripsByteForByte) {
    for (const auto& f : fixtures()) {
        SCOPED_TRACE(f.name);
        auto out = parseStepOutput(f.json);
        ASSERT_TRUE(out.ok()) << out.error().message;
        EXPECT_TRUE(out->extra.empty()) << out->extra.front().first; // every key typed
        EXPECT_EQ(toJson(*out), f.json);
        // Also after a second trip.
        EXPECT_EQ(toJson(*parseStepOutput(toJson(*out))), f.json);
    }
}

TEST(StepOutput, RetrieveReadsItsItems) {
    const auto out = *parseStepOutput(fixture("retrieve"));
    EXPECT_EQ(out.ranker, std::optional<std::string>("bm25"));
    EXPECT_EQ(out.k, std::optional<int>(5));
    EXPECT_EQ(out.query.value_or("").substr(0, 12), "The air frye");
    ASSERT_TRUE(out.items);
    ASSERT_EQ(out.items->size(), 2u);
    const StepItem& first = (*out.items)[0];
    EXPECT_EQ(first.n, 1);
    EXPECT_EQ(first.id, "31016");
    EXPECT_EQ(first.score, 12.160540822659744);
    EXPECT_EQ(first.matched,
              (std::vector<std::string>{"The", "is", "fine", "for", "the", "price.", "It"}));
    EXPECT_EQ((*out.items)[1].n, 2);
    EXPECT_TRUE((*out.items)[1].matched.empty());
    EXPECT_EQ(out.findings, std::optional<std::vector<std::string>>(std::vector<std::string>{}));
    EXPECT_FALSE(out.body || out.answer || out.verdict || out.chosen || out.scores);

    const auto other = *parseStepOutput(fixture("retrieve_findings"));
    EXPECT_EQ(other.findings.value_or(std::vector<std::string>{}),
              (std::vector<std::string>{"user 7: the input has no query text"}));
}

TEST(StepOutput, LevelsReadBodyCitationsAndRuleOutcomes) {
    const auto synthesis = *parseStepOutput(R"({"body":"- [P1] likes drama","citations":[1,3],)"
                                            R"("tokens":25,"interventions":1,"rules":)"
                                            R"({"citations":"violated","marker-order":)"
                                            R"("not-applicable"}})");
    EXPECT_EQ(synthesis.body, std::optional<std::string>("- [P1] likes drama"));
    EXPECT_EQ(synthesis.citations.value_or(std::vector<int>{}), (std::vector<int>{1, 3}));
    EXPECT_EQ(synthesis.tokens, std::optional<int>(25));
    EXPECT_EQ(synthesis.interventions, std::optional<int>(1));
    ASSERT_TRUE(synthesis.rules);
    ASSERT_EQ(synthesis.rules->size(), 2u);
    EXPECT_EQ((*synthesis.rules)[0], std::make_pair(RpiRule::Citations, RuleOutcome::Violated));
    EXPECT_EQ((*synthesis.rules)[1],
              std::make_pair(RpiRule::MarkerOrder, RuleOutcome::NotApplicable));
    EXPECT_FALSE(synthesis.answer.has_value());
    EXPECT_FALSE(synthesis.edited.has_value());

    const auto answer =
        *parseStepOutput(R"({"body":"sci-fi","answer":"sci-fi","in_format":false})");
    EXPECT_EQ(answer.answer, std::optional<std::string>("sci-fi"));
    EXPECT_EQ(answer.inFormat, std::optional<bool>(false));
}

TEST(StepOutput, VerdictsFinalGenerateAndScoreReadTheirFields) {
    const auto verdict = *parseStepOutput(
        R"({"verdict":"contradicted","evidence":[2],"agreement":0.5,"reason":"P2 says otherwise",)"
        R"("judge":"model","judge_model":"judge-8b"})");
    EXPECT_EQ(verdict.verdict, std::optional<Verdict>(Verdict::Contradicted));
    EXPECT_EQ(verdict.evidence.value_or(std::vector<int>{}), (std::vector<int>{2}));
    EXPECT_EQ(verdict.agreement, std::optional<double>(0.5));
    EXPECT_EQ(verdict.reason, std::optional<std::string>("P2 says otherwise"));
    EXPECT_EQ(verdict.judge, std::optional<std::string>("model"));
    EXPECT_EQ(verdict.judgeModel, std::optional<std::string>("judge-8b"));

    const auto combine = *parseStepOutput(fixture("final_combine_new"));
    EXPECT_EQ(combine.mode, std::optional<std::string>("combine"));
    EXPECT_EQ(combine.chosen, std::optional<int>(-1));
    EXPECT_EQ(combine.answer, std::optional<std::string>("5"));
    EXPECT_EQ(combine.inFormat, std::optional<bool>(true));

    const auto generate = *parseStepOutput(fixture("generate_truncated"));
    EXPECT_EQ(generate.finishReason, std::optional<std::string>("length"));
    EXPECT_EQ(generate.answerBudget, std::optional<int>(40));
    EXPECT_EQ(generate.reasoningBudget, std::optional<int>(20));
    EXPECT_EQ(generate.truncated, std::optional<bool>(true));
    EXPECT_FALSE(parseStepOutput(fixture("generate_lrm_rag"))->truncated.has_value());

    const auto score = *parseStepOutput(fixture("score_text"));
    EXPECT_EQ(score.prediction.value_or("").substr(0, 12), "Long-delayed");
    ASSERT_TRUE(score.gold);
    EXPECT_EQ(score.gold->value_or("").substr(0, 9), "Millbrook");
    using Scores = std::vector<std::pair<std::string, double>>;
    EXPECT_EQ(score.scores.value_or(Scores{}), (Scores{{"rouge-1", 0.4000000000000001},
                                                       {"rouge-2", 0.3333333333333333},
                                                       {"rouge-L", 0.4000000000000001},
                                                       {"rouge-Lsum", 0.4000000000000001}}));
    const auto noGold = *parseStepOutput(fixture("score_no_gold"));
    ASSERT_TRUE(noGold.gold);               // the key is there ...
    EXPECT_FALSE(noGold.gold->has_value()); // ... and null
    EXPECT_EQ(noGold.scores, std::optional<Scores>(Scores{}));
}

// What the engine builds in code comes out in the order it always wrote the keys in.
TEST(StepOutput, OutputsBuiltInCodeUseTheEnginesKeyOrder) {
    StepOutput verdict;
    verdict.judgeModel = "test-model";
    verdict.judge = "model";
    verdict.reason = "the judge's reply has no line \"VERDICT: \" with exactly one of supported, "
                     "partial, contradicted, unsupported (asked twice)";
    verdict.agreement = 0.6666666666666666;
    verdict.evidence = std::vector<int>{};
    verdict.verdict = Verdict::Unparsed;
    EXPECT_EQ(toJson(verdict), fixture("cross_reference_model"));

    StepOutput combine;
    combine.inFormat = true;
    combine.mode = "combine";
    combine.reason = "written by the model from 3 candidates and their verdicts; none of the "
                     "candidates";
    combine.answer = "5";
    combine.chosen = -1;
    EXPECT_EQ(toJson(combine), fixture("final_combine_new"));

    StepOutput score;
    score.scores = std::vector<std::pair<std::string, double>>{};
    score.inFormat = true;
    score.gold.emplace(std::nullopt);
    score.prediction = "2";
    EXPECT_EQ(toJson(score), fixture("score_no_gold"));

    StepOutput retrieve;
    retrieve.findings = std::vector<std::string>{"user 7: the input has no query text"};
    retrieve.items = std::vector<StepItem>{};
    retrieve.query = "";
    retrieve.k = 2;
    retrieve.ranker = "recency";
    EXPECT_EQ(toJson(retrieve), fixture("retrieve_findings"));

    StepOutput level;
    level.edited = true;
    level.rules = std::vector<std::pair<RpiRule, RuleOutcome>>{
        {RpiRule::MarkerOrder, RuleOutcome::Complied},
        {RpiRule::TokenBudget, RuleOutcome::Complied},
        {RpiRule::Citations, RuleOutcome::Complied},
        {RpiRule::AnswerFormat, RuleOutcome::NotApplicable},
        {RpiRule::Repetition, RuleOutcome::Complied}};
    level.interventions = 0;
    level.tokens = 25;
    level.citations = std::vector<int>{2};
    level.body = "[P2] likes drama";
    EXPECT_EQ(toJson(level), fixture("edited_synthesis"));

    EXPECT_EQ(toJson(StepOutput{}), ""); // a failed stage stores nothing
    EXPECT_FALSE(StepOutput{}.hasFields());
}

// Editing a stored step (as "edit and re-run" does) keeps its keys where they were and adds new
// ones after them.
TEST(StepOutput, ChangedStoredOutputKeepsItsKeyOrder) {
    auto out = *parseStepOutput(R"({"answer":"4","reason":"r","chosen":2,"x-note":"kept"})");
    out.answer = "5";
    out.edited = true;
    out.mode = "select";
    EXPECT_EQ(
        toJson(out),
        R"({"answer":"5","reason":"r","chosen":2,"x-note":"kept","mode":"select","edited":true})");
    out.reason.reset(); // a removed field leaves no key behind
    EXPECT_EQ(toJson(out),
              R"({"answer":"5","chosen":2,"x-note":"kept","mode":"select","edited":true})");
}

TEST(StepOutput, UnknownKeysAndOddValuesAreKept) {
    const std::string text =
        R"({"marker":"## Plan","body":"x","cites":[1,{"deep":[true,null]}],"chosen":"first",)"
        R"("agreement":1,"evidence":[1,"P2"],"verdict":"maybe","rules":{"politeness":"complied"},)"
        R"("items":[{"n":1,"id":"a","score":1.5}],"tokens":12345678901,"gold":3})";
    const auto out = parseStepOutput(text);
    ASSERT_TRUE(out.ok()) << out.error().message;
    EXPECT_EQ(out->body, std::optional<std::string>("x"));
    // A known key with a value of another shape than the engine writes is not read as a value.
    EXPECT_FALSE(out->chosen || out->agreement || out->evidence || out->verdict || out->rules ||
                 out->items || out->tokens || out->gold);
    ASSERT_EQ(out->extra.size(), 10u);
    EXPECT_EQ(out->extra[0], std::make_pair(std::string("marker"), std::string("\"## Plan\"")));
    EXPECT_EQ(out->extra[1],
              std::make_pair(std::string("cites"), std::string(R"([1,{"deep":[true,null]}])")));
    EXPECT_EQ(out->extra[2].first, "chosen");
    EXPECT_EQ(toJson(*out), text);
    EXPECT_TRUE(out->hasFields());

    // Extras alone are fields too, and a typed value set later wins over an extra of its key.
    auto only = *parseStepOutput(R"({"chosen":"first","note":"n"})");
    EXPECT_EQ(toJson(only), R"({"chosen":"first","note":"n"})");
    only.chosen = 1;
    EXPECT_EQ(toJson(only), R"({"chosen":1,"note":"n"})");
}

TEST(StepOutput, NonFiniteDoublesStoredAsNullReadAsNaN) {
    const std::string text =
        R"({"items":[{"n":1,"id":"a","score":null,"matched":[]}],"agreement":null,)"
        R"("scores":{"rouge-1":null}})";
    const auto out = *parseStepOutput(text);
    ASSERT_TRUE(out.items && out.agreement && out.scores);
    EXPECT_TRUE(std::isnan((*out.items)[0].score));
    EXPECT_TRUE(std::isnan(*out.agreement));
    EXPECT_TRUE(std::isnan((*out.scores)[0].second));
    EXPECT_EQ(toJson(out), text);
    StepOutput inf;
    inf.agreement = std::numeric_limits<double>::infinity();
    EXPECT_EQ(toJson(inf), R"({"agreement":null})");
}

TEST(StepOutput, IllFormedUtf8BecomesReplacementCharacters) {
    StepOutput out;
    out.answer = std::string("dr\xff"
                             "ama");
    EXPECT_EQ(toJson(out), "{\"answer\":\"dr\xEF\xBF\xBD"
                           "ama\"}");
}

// toJson writes the stored form directly; it must be what dumping stepOutputJson() (the value
// r2p export embeds) writes, for every kind of value, key and string.
TEST(StepOutput, DirectlyWrittenFormIsTheDumpedJsonValue) {
    auto dumped = [](const StepOutput& o) {
        return stepOutputJson(o).dump(-1, ' ', false,
                                      nlohmann::ordered_json::error_handler_t::replace);
    };
    const std::vector<std::string> strings = {"",
                                              "plain",
                                              "quote \" backslash \\ slash /",
                                              "\b\f\n\r\t \x01\x1f\x7f",
                                              "Zürich – 北京 😀",
                                              "bad \xff byte",
                                              "surrogate \xED\xA0\x80",
                                              "overlong \xC0\xAF",
                                              "cut \xE2\x82",
                                              std::string("nul \0 inside", 13)};
    for (const auto& s : strings) {
        StepOutput o;
        o.ranker = s;
        o.k = -3;
        o.query = s;
        o.items = std::vector<StepItem>{{1, s, 0.1 + 0.2, {s, "x"}},
                                        {2, "b", std::nan(""), {}},
                                        {3, "c", 1e300, {"y"}},
                                        {4, "d", -0.0, {}},
                                        {5, "e", 2.0, {}}};
        o.findings = std::vector<std::string>{};
        o.gold = std::optional<std::string>{};
        o.verdict = Verdict::Partial;
        o.evidence = std::vector<int>{1, 3};
        o.agreement = std::numeric_limits<double>::infinity();
        o.answer = s;
        o.inFormat = false;
        o.truncated = true;
        o.rules = std::vector<std::pair<RpiRule, RuleOutcome>>{
            {RpiRule::MarkerOrder, RuleOutcome::Complied},
            {RpiRule::Citations, RuleOutcome::Violated},
            {RpiRule::MarkerOrder, RuleOutcome::Violated}}; // a repeated key: first place
        o.scores = std::vector<std::pair<std::string, double>>{
            {"rouge-1", 0.5}, {s, 1.0 / 3.0}, {"rouge-1", 0.25}, {"mae", 12345678.9}};
        o.extra = {{"note", R"({"a":[1,2.50,"\u00e9"]})"}, {s + "k", "not json"}, {"ranker", "1"}};
        o.keyOrder = {"answer", "note", s + "k", "answer", "missing", "ranker"};
        EXPECT_EQ(toJson(o), dumped(o)) << s;
        o.keyOrder.clear();
        EXPECT_EQ(toJson(o), dumped(o)) << s;
        StepOutput gold;
        gold.gold = std::optional<std::string>(s);
        EXPECT_EQ(toJson(gold), dumped(gold)) << s;
    }
    for (const auto& f : fixtures()) {
        const auto out = parseStepOutput(f.json);
        ASSERT_TRUE(out) << f.name;
        if (out->hasFields()) { // else "" (nothing stored), as before
            EXPECT_EQ(toJson(*out), dumped(*out)) << f.name;
        }
    }
}

TEST(StepOutput, ReadableFormIsIndentedByFourSpaces) {
    StepOutput out;
    out.mode = "select";
    out.chosen = 0;
    out.evidence = std::vector<int>{1};
    EXPECT_EQ(toReadableJson(out),
              "{\n    \"mode\": \"select\",\n    \"chosen\": 0,\n    \"evidence\": [\n        1\n"
              "    ]\n}");
    EXPECT_EQ(toReadableJson(StepOutput{}), "");
    EXPECT_EQ(toReadableJson(readStepOutput("not json")), "not json");
}

TEST(StepOutput, DamagedTextIsAClearErrorAndKeptVerbatimByTheProject) {
    const auto cut = parseStepOutput(R"({"body":"x",)");
    ASSERT_FALSE(cut.ok());
    // Column 13: just past the 12 characters, where the text ended.
    EXPECT_EQ(cut.error().message.rfind("step output: line 1, column 13: malformed JSON: ", 0), 0u)
        << cut.error().message;

    const auto twoLines = parseStepOutput("{\n\"body\": tru}");
    ASSERT_FALSE(twoLines.ok());
    EXPECT_NE(twoLines.error().message.find("line 2, column"), std::string::npos)
        << twoLines.error().message;

    const auto array = parseStepOutput("[1,2]");
    ASSERT_FALSE(array.ok());
    EXPECT_EQ(array.error().message, "step output: a JSON array, not an object");
    EXPECT_EQ(parseStepOutput("\"text\"").error().message,
              "step output: a JSON string, not an object");

    const auto huge = parseStepOutput(R"({"agreement":1e999})"); // beyond double's range
    ASSERT_FALSE(huge.ok());
    EXPECT_EQ(huge.error().message.rfind("step output: ", 0), 0u);

    const auto nul = parseStepOutput(std::string_view("{\"body\":\"a\0b\"}", 14));
    EXPECT_FALSE(nul.ok());

    for (const std::string damaged : {R"({"body":"x",)", "[1,2]", "\xff\xfe", "{}}"}) {
        const StepOutput kept = readStepOutput(damaged);
        EXPECT_FALSE(kept.hasFields());
        EXPECT_EQ(kept.verbatim, damaged);
        EXPECT_EQ(toJson(kept), damaged);
    }
    // An edit replaces damaged text with fields.
    StepOutput edited = readStepOutput("[1,2]");
    edited.answer = "4";
    edited.edited = true;
    EXPECT_EQ(toJson(edited), R"({"answer":"4","edited":true})");
}

// Through the project file: the stored column, read by RunStore and saved again, is unchanged.
TEST(StepOutput, ProjectFileKeepsEveryShapeByteForByte) {
    TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP2;
    info.systems = {SystemId::R2P};
    info.backend = "offline";
    info.users = {"u1"};
    const auto id = runs.createRun(info);
    ASSERT_TRUE(id.ok()) << id.error().message;

    std::vector<std::string> stored;
    for (const auto& f : fixtures())
        stored.push_back(f.json);
    stored.push_back(R"({"marker":"## Plan","cites":[1,2],"body":"x"})");
    stored.push_back(R"({"body":"x",)"); // damaged

    UserTrace t;
    t.userId = "u1";
    t.system = SystemId::R2P;
    t.status = UserStatus::Done;
    for (std::size_t i = 0; i < stored.size(); ++i) {
        StepRecord s;
        s.seq = static_cast<int>(i);
        s.stage = i < fixtures().size() ? fixtures()[i].stage : StageId::TaskAnalysis;
        s.status = StepStatus::Done;
        s.output = readStepOutput(stored[i]);
        t.steps.push_back(std::move(s));
    }
    ASSERT_TRUE(runs.saveUserTrace(*id, t).ok());

    auto column = [&] {
        std::vector<std::string> texts;
        sqlite3* db = nullptr;
        EXPECT_EQ(sqlite3_open_v2(dir.file("p.r2p").c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
                  SQLITE_OK);
        sqlite3_stmt* q = nullptr;
        EXPECT_EQ(
            sqlite3_prepare_v2(
                db,
                // A retrieval step's output is kept once per run (run_texts, StepTextCodec's 'S'
                // form: 'S', the run id, the key in the last 16 bytes): read what it names.
                "SELECT s.parsed, t.bytes FROM run_steps s LEFT JOIN run_texts t ON t.run_id = "
                "s.run_id AND typeof(s.parsed) = 'blob' AND substr(s.parsed, 1, 1) = X'53' AND "
                "t.key = substr(s.parsed, -16) ORDER BY s.seq",
                -1, &q, nullptr),
            SQLITE_OK);
        while (sqlite3_step(q) == SQLITE_ROW) {
            // As stored: a long text compressed (StepTextCodec), a short one plain.
            const int c = sqlite3_column_type(q, 1) == SQLITE_NULL ? 0 : 1;
            const bool blob = sqlite3_column_type(q, c) == SQLITE_BLOB;
            const std::string_view bytes(static_cast<const char*>(sqlite3_column_blob(q, c)),
                                         static_cast<std::size_t>(sqlite3_column_bytes(q, c)));
            auto text = steptext::decode(bytes, blob);
            EXPECT_TRUE(text) << text.error().message;
            texts.push_back(text ? *text : std::string());
        }
        sqlite3_finalize(q);
        sqlite3_close(db);
        return texts;
    };
    EXPECT_EQ(column(), stored);

    auto back = runs.userTrace(*id, "u1", SystemId::R2P);
    ASSERT_TRUE(back.ok()) << back.error().message;
    ASSERT_EQ(back->steps.size(), stored.size());
    for (std::size_t i = 0; i < fixtures().size(); ++i) {
        if (std::string_view(fixtures()[i].name) == "final_select") {
            EXPECT_EQ(back->steps[i].output.chosen, std::optional<int>(0)); // typed
        }
    }
    EXPECT_EQ(back->steps[stored.size() - 1].output.verbatim, stored.back());
    ASSERT_TRUE(runs.saveUserTrace(*id, *back).ok());
    EXPECT_EQ(column(), stored);
}

} // namespace
