// r2p export: a stored run as LaMP prediction files (one per system, plus the golds, all
// evaluable by `r2p eval` and LaMP's evaluation script), as the full trace in JSON lines, or as
// a per-user CSV table; or the annotations of a run (or of all runs) as JSON lines or CSV.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Annotation.h"
#include "model/JsonText.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/StepOutputJson.h"

#include <cstdint>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

// Text a spreadsheet would run as a formula when it opens the CSV (OWASP "CSV Injection"):
// a cell that starts with = + - @, a tab or a carriage return.
bool looksLikeFormula(std::string_view text) {
    return !text.empty() &&
           std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

// One CSV field per RFC 4180. Unless `raw`, model text and notes that start like a formula get a
// leading ' so that a spreadsheet shows them as text (--raw-csv keeps them verbatim).
std::string csvField(std::string_view text, bool raw) {
    std::string value;
    if (!raw && looksLikeFormula(text))
        value = "'";
    value += text;
    if (value.find_first_of(",\"\n\r") == std::string::npos)
        return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// A failed stage stored no fields and a damaged project's text is no object: both as the text.
ordered_json parsedObject(const StepOutput& output) {
    return output.hasFields() ? stepOutputJson(output) : ordered_json(toJson(output));
}

int writeLamp(const RunStore& runs, const RunInfo& info, const std::vector<UserOutcome>& outcomes,
              const std::string& outDir) {
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec)
        return fail("export", "cannot create " + outDir + ": " + ec.message(), kExitRuntime);
    (void)runs;
    // LaMP's evaluation.py reads "LaMP_2" as movie tagging: news categories (LaMP-2N) would all
    // map to -1 and score accuracy 1.0, F1 0. "LaMP_2N" makes that script stop with an unknown
    // task instead; `r2p eval --task LaMP-2N` scores the files with the news label set.
    const bool news = info.task == TaskId::LaMP2N;
    const std::string taskField = news ? "LaMP_2N" : std::string(taskSpec(info.task).outputsName);
    if (news)
        std::cerr << "r2p export: LaMP-2N is written with task \"LaMP_2N\": LaMP's "
                     "evaluation.py would score \"LaMP_2\" against the movie tags (accuracy 1.0, "
                     "F1 0 for news); score these files with r2p eval --task LaMP-2N\n";
    std::size_t failed = 0;
    ordered_json golds = ordered_json::array();
    bool haveGolds = false;
    for (const auto& id : info.users)
        for (const auto& o : outcomes)
            if (o.userId == id && o.gold) {
                golds.push_back({{"id", id}, {"output", *o.gold}});
                haveGolds = true;
                break;
            }
    for (SystemId system : info.systems) {
        ordered_json preds = ordered_json::array();
        for (const auto& o : outcomes) {
            if (o.system != system)
                continue;
            if (o.status != UserStatus::Done)
                ++failed;
            preds.push_back({{"id", o.userId}, {"output", o.prediction}});
        }
        Output out;
        const std::string path =
            (std::filesystem::path(outDir) / (std::string(systemName(system)) + ".json")).string();
        if (!out.open(path))
            return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
        out.buffer() = dumpJson(ordered_json{{"task", taskField}, {"golds", preds}}, 1) + "\n";
        if (!out.finish())
            return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
        std::cerr << "r2p export: " << path << " (" << preds.size() << " predictions)\n";
    }
    if (haveGolds) {
        Output out;
        const std::string path = (std::filesystem::path(outDir) / "golds.json").string();
        if (!out.open(path))
            return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
        out.buffer() = dumpJson(ordered_json{{"task", taskField}, {"golds", golds}}, 1) + "\n";
        if (!out.finish())
            return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
        std::cerr << "r2p export: " << path << " (" << golds.size() << " golds)\n";
    }
    if (failed > 0)
        std::cerr << "r2p export: " << failed
                  << " predictions belong to users that failed; they are exported as stored\n";
    return kExitOk;
}

int writeSteps(const RunStore& runs, std::int64_t runId, const std::vector<UserOutcome>& outcomes,
               const std::string& path) {
    Output out;
    if (!out.open(path))
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    for (const auto& o : outcomes) {
        auto trace = runs.userTrace(runId, o.userId, o.system);
        if (!trace)
            return fail("export", trace.error().message, kExitRuntime);
        for (const auto& s : trace->steps) {
            ordered_json events = ordered_json::array();
            for (const auto& e : trace->events)
                if (e.stepSeq == s.seq)
                    events.push_back(
                        {{"kind", eventKindName(e.kind)},
                         {"rule", e.rule == RpiRule::Invalid ? ordered_json()
                                                             : ordered_json(rpiRuleName(e.rule))},
                         {"evidence", e.evidence},
                         {"injected", e.injected},
                         {"violating", e.violating},
                         {"mode", stepModeName(e.mode)},
                         {"outcome", e.outcome == InterventionOutcome::Invalid
                                         ? std::string()
                                         : std::string(interventionOutcomeName(e.outcome))},
                         {"detail", e.detail}});
            ordered_json line{{"run", runId},
                              {"user", o.userId},
                              {"system", systemName(o.system)},
                              {"seq", s.seq},
                              {"stage", stageName(s.stage)},
                              {"candidate", s.candidate},
                              {"status", stepStatusName(s.status)},
                              {"attempts", s.attempts},
                              {"backend_mode", stepModeName(s.backendMode)},
                              {"prompt", s.prompt},
                              {"raw", s.raw},
                              {"reasoning", s.reasoning},
                              {"answer", s.answer},
                              {"parsed", parsedObject(s.output)},
                              {"tokens",
                               {{"prompt", s.tokens.prompt},
                                {"completion", s.tokens.completion},
                                {"reasoning", s.tokens.reasoning}}},
                              {"first_token_ms", s.firstTokenMs},
                              {"latency_ms", s.latencyMs},
                              {"error", s.error},
                              {"events", events}};
            if (s.stage == StageId::CrossReference)
                for (const auto& v : trace->verdicts)
                    if (v.candidate == s.candidate)
                        line["verdict"] = {{"verdict", verdictName(v.verdict)},
                                           {"evidence", v.evidence},
                                           {"agreement", v.agreement},
                                           {"chosen", v.chosen},
                                           {"reason", v.reason},
                                           {"judge", v.judge}};
            // Invalid UTF-8 from a model is replaced rather than failing the export.
            out.buffer() += dumpJson(line);
            out.buffer() += '\n';
            out.flushIfFull();
        }
    }
    if (!out.finish())
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    return kExitOk;
}

int writeCsv(const std::vector<UserOutcome>& outcomes, const std::string& path, bool raw) {
    std::vector<std::string> metricKeys;
    for (const auto& o : outcomes)
        for (const auto& [k, v] : o.scores)
            if (std::find(metricKeys.begin(), metricKeys.end(), k) == metricKeys.end())
                metricKeys.push_back(k);
    Output out;
    if (!out.open(path))
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    std::string& b = out.buffer();
    b += "user,system,status,prediction,gold,format_ok,reasoning_tokens,interventions,"
         "contradicted";
    for (const auto& k : metricKeys)
        b += "," + csvField(k, raw);
    b += ",error\n";
    for (const auto& o : outcomes) {
        b += csvField(o.userId, raw) + "," + std::string(systemName(o.system)) + "," +
             std::string(userStatusName(o.status)) + "," + csvField(o.prediction, raw) + "," +
             (o.gold ? csvField(*o.gold, raw) : "") + "," + (o.formatOk ? "1" : "0") + "," +
             std::to_string(o.reasoningTokens) + "," + std::to_string(o.interventions) + "," +
             std::to_string(o.contradicted);
        for (const auto& k : metricKeys) {
            b += ",";
            for (const auto& [key, v] : o.scores)
                if (key == k)
                    b += number(v);
        }
        b += "," + csvField(o.error, raw) + "\n";
        out.flushIfFull();
    }
    if (!out.finish())
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    return kExitOk;
}

// The columns of an annotation export, in order; the JSON lines use the same keys.
const std::vector<std::string>& annotationColumns() {
    static const std::vector<std::string> columns = {"id",
                                                     "run",
                                                     "user",
                                                     "system",
                                                     "target",
                                                     "stage",
                                                     "label",
                                                     "severity",
                                                     "note",
                                                     "annotator",
                                                     "time",
                                                     "span_field",
                                                     "span_start",
                                                     "span_end",
                                                     "span_text",
                                                     "template",
                                                     "template_version"};
    return columns;
}

ordered_json annotationRow(const Annotation& a) {
    return {{"id", a.id},
            {"run", a.runId},
            {"user", a.userId},
            {"system", systemName(a.system)},
            {"target", annotationTargetName(a.target)},
            {"stage", annotationItemName(annotationItem(a))},
            {"label", a.label},
            {"severity", annotationSeverityName(a.severity)},
            {"note", a.note},
            {"annotator", a.annotator},
            {"time", a.createdAt},
            {"span_field", a.spanField},
            {"span_start", a.spanStart},
            {"span_end", a.spanEnd},
            {"span_text", a.spanText},
            {"template", a.templateId},
            {"template_version", a.templateVersion}};
}

// JSON lines, or CSV per RFC 4180 (CRLF between records, fields quoted when they hold a comma,
// a quote or a line break).
int writeAnnotations(const std::vector<Annotation>& annotations, bool csv, const std::string& path,
                     bool raw) {
    Output out;
    if (!out.open(path))
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    std::string& b = out.buffer();
    if (csv) {
        for (std::size_t i = 0; i < annotationColumns().size(); ++i)
            b += (i ? "," : "") + annotationColumns()[i];
        b += "\r\n";
    }
    for (const auto& a : annotations) {
        const ordered_json row = annotationRow(a);
        if (csv) {
            for (std::size_t i = 0; i < annotationColumns().size(); ++i) {
                const auto& v = row[annotationColumns()[i]];
                b += i ? "," : "";
                b += v.is_string() ? csvField(v.get_ref<const std::string&>(), raw) : dumpJson(v);
            }
            b += "\r\n";
        } else {
            b += dumpJson(row);
            b += '\n';
        }
        out.flushIfFull();
    }
    if (!out.finish())
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    std::cerr << "r2p export: " << path << " (" << annotations.size() << " annotations)\n";
    return kExitOk;
}

// Every tag span of the run (TagPR), one JSON object a line, by user, system, step and position.
int writeTagSpans(const RunStore& runs, std::int64_t runId, const std::string& path) {
    auto spans = runs.tagSpans(runId);
    if (!spans)
        return fail("export", spans.error().message, kExitRuntime);
    Output out;
    if (!out.open(path))
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    for (const auto& s : *spans) {
        ordered_json row;
        row["run"] = runId;
        row["user"] = s.userId;
        row["system"] = systemName(s.system);
        row["step"] = s.stepSeq;
        row["start"] = s.span.start;
        row["end"] = s.span.end;
        row["tag"] = s.span.tag;
        row["source"] = s.span.source;
        row["annotator"] = s.span.annotator;
        row["confidence"] = s.span.confidence;
        row["tag_set"] = s.span.tagSetId;
        row["tag_set_version"] = s.span.tagSetVersion;
        out.buffer() += dumpJson(row);
        out.buffer() += '\n';
        out.flushIfFull();
    }
    if (!out.finish())
        return fail("export", "cannot write " + path + ": " + out.error(), kExitRuntime);
    std::cerr << "r2p export: " << path << " (" << spans->size() << " tag spans)\n";
    return kExitOk;
}

int exportAnnotations(const Args& args, const std::string& format) {
    std::optional<std::int64_t> runId;
    if (const auto run = args.value("run")) {
        runId = parseWholeNumber(*run, 1, INT64_MAX / 16);
        if (!runId)
            return fail("export", "--run takes a run id (a number)", kExitUsage);
    }
    int code = kExitOk;
    auto store = openExistingProject("export", *args.value("project"), code,
                                     ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    if (runId)
        if (auto info = RunStore(*store).run(*runId); !info)
            return fail("export", info.error().message, kExitUsage);
    AnnotationStore annotations(*store);
    auto rows = runId ? annotations.ofRun(*runId) : annotations.all();
    if (!rows)
        return fail("export", rows.error().message, kExitRuntime);
    return writeAnnotations(*rows, format == "annotations-csv", *args.value("out"),
                            args.has("raw-csv"));
}

int runExport(const std::vector<std::string>& argv) {
    Args args({"project", "run", "format", "out"}, {"raw-csv"});
    if (!args.parse(argv))
        return fail("export", args.error(), kExitUsage);
    for (const char* required : {"project", "format", "out"})
        if (!args.value(required))
            return fail("export", std::string("--") + required + " is required", kExitUsage);
    const std::string format = *args.value("format");
    if (args.has("raw-csv") && format != "csv" && format != "annotations-csv")
        return fail("export", "--raw-csv applies to --format csv and annotations-csv", kExitUsage);
    if (format == "annotations-jsonl" || format == "annotations-csv")
        return exportAnnotations(args, format);
    if (format != "lamp" && format != "steps-jsonl" && format != "csv" && format != "tags-jsonl")
        return fail("export",
                    "unknown format \"" + format +
                        "\" (use lamp, steps-jsonl, csv, tags-jsonl, annotations-jsonl or "
                        "annotations-csv)",
                    kExitUsage);
    if (!args.value("run"))
        return fail("export", "--run is required", kExitUsage);
    std::int64_t runId = 0;
    try {
        std::size_t used = 0;
        runId = std::stoll(*args.value("run"), &used);
        if (used != args.value("run")->size())
            throw std::invalid_argument("run");
    } catch (...) {
        return fail("export", "--run takes a run id (a number)", kExitUsage);
    }
    int code = kExitOk;
    auto store = openExistingProject("export", *args.value("project"), code,
                                     ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    RunStore runs(*store);
    auto info = runs.run(runId);
    if (!info)
        return fail("export", info.error().message, kExitUsage);
    auto outcomes = runs.outcomes(runId);
    if (!outcomes)
        return fail("export", outcomes.error().message, kExitRuntime);
    const std::string out = *args.value("out");
    if (format == "lamp")
        return writeLamp(runs, *info, *outcomes, out);
    if (format == "steps-jsonl")
        return writeSteps(runs, runId, *outcomes, out);
    if (format == "tags-jsonl")
        return writeTagSpans(runs, runId, out);
    return writeCsv(*outcomes, out, args.has("raw-csv"));
}

const Registrar registrar{
    {"export",
     "--project P.r2p --run ID --format "
     "lamp|steps-jsonl|csv|tags-jsonl|annotations-jsonl|annotations-csv --out PATH [--raw-csv]",
     "Write a stored run: LaMP prediction files per system plus golds.json into the directory "
     "PATH (lamp), every step with its events and verdicts as JSON lines (steps-jsonl), one "
     "CSV row per user and system (csv), or every tag span (TagPR) as JSON lines (tags-jsonl); or "
     "one row per annotation of the run (of every run "
     "without --run) as JSON lines or CSV. CSV cells that start with = + - @, a tab or a carriage "
     "return get a leading ' so spreadsheets do not run them as formulas; --raw-csv keeps them "
     "verbatim.",
     &runExport}};

} // namespace
} // namespace r2p::cli
