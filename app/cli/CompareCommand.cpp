// r2p compare: stored runs (or systems of one run) user by user — each side's metric, the paired
// delta with a seeded bootstrap interval, win/tie/loss, exact McNemar or Wilcoxon signed-rank
// with Holm-adjusted p-values, and the users that got worse or better. JSON on stdout, or the
// same as a Markdown, LaTeX or CSV table.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Utf8.h"
#include "pipeline/analysis/RunComparison.h"

#include <cstdint>

namespace r2p::cli {
namespace {

int runCompare(const std::vector<std::string>& argv) {
    Args args({"project", "runs", "systems", "metric", "format", "seed", "resamples", "top", "out"},
              {"json"});
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
                                "\" (systems: r2p, no-profile, lamp-rag, lrm-rag)",
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

    int code = kExitOk;
    auto store = openExistingProject("compare", *args.value("project"), code);
    if (!store)
        return code;
    bool badInput = false;
    auto result = analysis::compareRuns(*store, request, badInput);
    if (!result)
        return fail("compare", result.error().message, badInput ? kExitUsage : kExitRuntime);

    Output out;
    const auto path = args.value("out");
    if (!out.open(path))
        return fail("compare", "cannot write " + path.value_or("stdout"), kExitRuntime);
    out.buffer() = format == analysis::TableFormat::Invalid
                       ? analysis::comparisonJson(*result)
                       : analysis::comparisonTable(*result, format);
    if (!out.finish())
        return fail("compare", "cannot write " + path.value_or("stdout") + " (disk full?)",
                    kExitRuntime);
    return kExitOk;
}

const Registrar registrar{
    {"compare",
     "--project P.r2p --runs A,B[,C...] [--systems S,...] [--metric M] [--json | --format "
     "md|latex|csv] [--seed N] [--resamples N] [--top N] [--out FILE]",
     "Compares stored runs user by user on the users they share: with two or more runs each "
     "system between each pair of runs, with one run each pair of its systems. Per comparison: "
     "n and the unpaired users by reason, both sides' metric, the delta B-A with a seeded "
     "bootstrap 95% interval, win/tie/loss, exact McNemar (LaMP-1/2/2N) or Wilcoxon "
     "signed-rank (LaMP-3..7) with Holm-adjusted p, and the regressions and improvements.",
     runCompare}};

} // namespace
} // namespace r2p::cli
