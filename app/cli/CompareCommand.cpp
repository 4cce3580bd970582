// r2p compare: stored runs (or systems of one run) user by user — each side's metric, the paired
// delta with a seeded bootstrap interval, win/tie/loss, exact McNemar or Wilcoxon signed-rank
// with Holm-adjusted p-values, and the users that got worse or better. JSON on stdout, or the
// same as a Markdown, LaTeX or CSV table.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/JsonText.h"
#include "model/Utf8.h"
#include "pipeline/analysis/Cost.h"
#include "pipeline/analysis/ReasoningLength.h"
#include "pipeline/analysis/RunComparison.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>

namespace r2p::cli {
namespace {

// What each compared run cost, for the systems compared: {"RUN": {system: figures}} as JSON,
// or a Markdown table per run.
Result<std::string> costOfRuns(ProjectStore& store, const analysis::RunComparison& cmp,
                               analysis::TableFormat format) {
    auto prices = analysis::projectPriceTable(store);
    if (!prices)
        return prices.error();
    std::set<std::pair<std::int64_t, SystemId>> compared;
    for (const auto& c : cmp.comparisons) {
        compared.insert({c.a.run, c.a.system});
        compared.insert({c.b.run, c.b.system});
    }
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    std::string tables;
    for (const auto& run : cmp.runs) {
        auto cost = analysis::runCost(store, run.id, *prices);
        if (!cost)
            return cost.error();
        std::erase_if(cost->systems, [&](const analysis::SystemCost& s) {
            return !compared.count({run.id, s.system});
        });
        if (format == analysis::TableFormat::Invalid) {
            auto one = nlohmann::ordered_json::parse(analysis::runCostJson(*cost, -1));
            one.erase("run");
            one.erase("total"); // of every system the run has, not only the compared ones
            json[std::to_string(run.id)] = std::move(one);
        } else {
            tables += "\n### Cost of run " + std::to_string(run.id) + " (" + cost->currency +
                      ", prices: " + cost->prices + ")\n\n" + analysis::runCostTable(*cost, "md");
        }
    }
    if (format == analysis::TableFormat::Invalid)
        return dumpJson(json);
    return tables;
}

// Writes `text` to --out (or stdout).
int writeOut(const Args& args, std::string text) {
    Output out;
    const auto path = args.value("out");
    if (!out.open(path))
        return fail("compare", "cannot write " + path.value_or("stdout"), kExitRuntime);
    out.buffer() = std::move(text);
    if (!out.finish())
        return fail("compare", "cannot write " + path.value_or("stdout") + " (disk full?)",
                    kExitRuntime);
    return kExitOk;
}

// --by reasoning-length: each (run, system)'s metric over bins of reasoning tokens, and the
// HRT levels' tokens for right and wrong answers.
int compareByReasoningLength(const Args& args, const analysis::CompareRequest& compare,
                             analysis::TableFormat format) {
    if (args.valueOr("by", "reasoning-length") != "reasoning-length")
        return fail("compare",
                    "--by takes reasoning-length, not \"" + validUtf8(*args.value("by")) + "\"",
                    kExitUsage);
    if (format == analysis::TableFormat::Latex || format == analysis::TableFormat::Csv ||
        args.has("cost"))
        return fail("compare", "--by reasoning-length writes JSON or --format md", kExitUsage);
    analysis::ReasoningLengthRequest request;
    request.runs = compare.runs;
    request.systems = compare.systems;
    request.metric = compare.metric;
    request.bootstrap.seed = compare.bootstrap.seed;
    if (args.value("resamples"))
        request.bootstrap.resamples = compare.bootstrap.resamples;
    if (auto bins = args.value("bins")) {
        const auto n = parseWholeNumber(*bins, 1, 20);
        if (!n)
            return fail("compare", "--bins takes a number from 1 to 20", kExitUsage);
        request.bins = static_cast<std::size_t>(*n);
    }
    int code = kExitOk;
    auto store = openExistingProject("compare", *args.value("project"), code);
    if (!store)
        return code;
    bool badInput = false;
    auto result = analysis::reasoningLength(*store, request, badInput);
    if (!result)
        return fail("compare", result.error().message, badInput ? kExitUsage : kExitRuntime);
    return writeOut(args, format == analysis::TableFormat::Markdown
                              ? analysis::reasoningLengthMarkdown(*result)
                              : analysis::reasoningLengthJson(*result));
}

int runCompare(const std::vector<std::string>& argv) {
    Args args({"project", "runs", "systems", "metric", "format", "seed", "resamples", "top", "out",
               "by", "bins"},
              {"json", "cost"});
    if (!args.parse(argv))
        return fail("compare", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("compare",
                    "unexpected argument \"" + validUtf8(args.positional().front()) + "\"",
                    kExitUsage);
    for (const char* required : {"project", "runs"})
        if (!args.value(required))
            return fail("compare", std::string("--") + required + " is required", kExitUsage);

    analysis::CompareRequest request;
    for (const auto& text : splitCommas(*args.value("runs"))) {
        const auto id = parseWholeNumber(text, 1, INT64_MAX / 16);
        if (!id)
            return fail("compare",
                        "--runs takes run ids separated by commas; \"" + validUtf8(text) +
                            "\" is not a run id",
                        kExitUsage);
        request.runs.push_back(*id);
    }
    if (request.runs.empty())
        return fail("compare", "--runs names no run", kExitUsage);
    if (auto systems = args.value("systems")) {
        for (const auto& name : splitCommas(*systems)) {
            const auto id = parseSystemName(name);
            if (!id)
                return fail("compare",
                            "unknown system \"" + validUtf8(name) +
                                "\" (systems: " + systemNameList() + ")",
                            kExitUsage);
            request.systems.push_back(*id);
        }
        if (request.systems.empty())
            return fail("compare", "--systems names no system", kExitUsage);
    }
    request.metric = args.valueOr("metric", "");
    if (auto seed = args.value("seed")) {
        const auto n = parseWholeNumber(*seed, 0, INT64_MAX);
        if (!n)
            return fail("compare", "--seed takes a non-negative whole number", kExitUsage);
        request.bootstrap.seed = static_cast<std::uint64_t>(*n);
    }
    if (auto resamples = args.value("resamples")) {
        const auto n = parseWholeNumber(*resamples, 1, 1000000);
        if (!n)
            return fail("compare", "--resamples takes a number from 1 to 1000000", kExitUsage);
        request.bootstrap.resamples = static_cast<std::size_t>(*n);
    }
    if (auto top = args.value("top")) {
        const auto n = parseWholeNumber(*top, 0, 1000000);
        if (!n)
            return fail("compare", "--top takes a number from 0 to 1000000", kExitUsage);
        request.listed = static_cast<std::size_t>(*n);
    }
    auto format = analysis::TableFormat::Invalid; // JSON
    if (auto f = args.value("format")) {
        if (*f == "md" || *f == "markdown")
            format = analysis::TableFormat::Markdown;
        else if (*f == "latex")
            format = analysis::TableFormat::Latex;
        else if (*f == "csv")
            format = analysis::TableFormat::Csv;
        else if (*f != "json")
            return fail("compare",
                        "--format takes json, md, latex or csv, not \"" + validUtf8(*f) + "\"",
                        kExitUsage);
        if (args.has("json") && format != analysis::TableFormat::Invalid)
            return fail("compare", "--json and --format " + *f + " ask for different outputs",
                        kExitUsage);
    }
    if (args.has("cost") &&
        (format == analysis::TableFormat::Latex || format == analysis::TableFormat::Csv))
        return fail("compare",
                    "--cost goes with JSON or --format md; r2p cost --run N --format csv writes "
                    "a run's cost as CSV",
                    kExitUsage);

    if (args.value("by") || args.value("bins"))
        return compareByReasoningLength(args, request, format);

    int code = kExitOk;
    auto store = openExistingProject("compare", *args.value("project"), code);
    if (!store)
        return code;
    bool badInput = false;
    auto result = analysis::compareRuns(*store, request, badInput);
    if (!result)
        return fail("compare", result.error().message, badInput ? kExitUsage : kExitRuntime);

    std::string text = format == analysis::TableFormat::Invalid
                           ? analysis::comparisonJson(*result)
                           : analysis::comparisonTable(*result, format);
    if (args.has("cost")) {
        auto cost = costOfRuns(*store, *result, format);
        if (!cost)
            return fail("compare", cost.error().message, kExitRuntime);
        if (format == analysis::TableFormat::Invalid) {
            auto root = nlohmann::ordered_json::parse(text);
            root["cost"] = nlohmann::ordered_json::parse(*cost);
            text = dumpJson(root, 2) + "\n";
        } else {
            text += *cost;
        }
    }
    return writeOut(args, std::move(text));
}

const Registrar registrar{
    {"compare",
     "--project P.r2p --runs A,B[,C...] [--systems S,...] [--metric M] [--json | --format "
     "md|latex|csv] [--seed N] [--resamples N] [--top N] [--cost] [--out FILE] | --project "
     "P.r2p --runs A[,B...] --by reasoning-length [--bins N] [--systems S,...] [--metric M] "
     "[--format json|md]",
     "Compares stored runs user by user on the users they share: with two or more runs each "
     "system between each pair of runs, with one run each pair of its systems. Per comparison: "
     "n and the unpaired users by reason, both sides' metric, the delta B-A with a seeded "
     "bootstrap 95% interval, win/tie/loss, exact McNemar (LaMP-1/2/2N) or Wilcoxon "
     "signed-rank (LaMP-3..7) with Holm-adjusted p, and the regressions and improvements. "
     "--cost adds what each compared (run, system) cost, as r2p cost counts it. --by "
     "reasoning-length bins each system's users by their answer's reasoning tokens (quantile "
     "bins of the system's own lengths) and gives each bin's metric with a bootstrap interval, and "
     "each HRT "
     "level's tokens for right and wrong answers.",
     runCompare}};

} // namespace
} // namespace r2p::cli
