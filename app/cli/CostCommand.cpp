// r2p cost: what a stored run cost per system (requests, tokens, cached prompt tokens, the
// tokens interventions added, request time, money from the price table), as JSON or a table;
// and the project's price table: shown, replaced by a file's (validated first) or reset to the
// shipped one.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Utf8.h"
#include "pipeline/analysis/Cost.h"

#include <cstdint>

namespace r2p::cli {
namespace {

int changePrices(const Args& args, ProjectStore& store) {
    std::string text;
    if (const auto file = args.value("set-prices")) {
        auto table = analysis::readPriceTableFile(*file, &text);
        if (!table)
            return fail("cost", table.error().message + " (nothing was changed)", kExitUsage);
    }
    if (auto s = analysis::setProjectPriceTable(store, text); !s)
        return fail("cost", s.error().message, kExitRuntime);
    return kExitOk;
}

int runCostCommand(const std::vector<std::string>& argv) {
    Args args({"project", "run", "format", "prices", "set-prices", "out"},
              {"reset-prices", "show-prices"});
    if (!args.parse(argv))
        return fail("cost", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("cost", "unexpected argument \"" + validUtf8(args.positional().front()) + "\"",
                    kExitUsage);
    if (!args.value("project"))
        return fail("cost", "--project is required", kExitUsage);
    const bool change = args.value("set-prices") || args.has("reset-prices");
    if (args.value("set-prices") && args.has("reset-prices"))
        return fail("cost", "--set-prices and --reset-prices ask for different tables", kExitUsage);
    if (!change && !args.has("show-prices") && !args.value("run"))
        return fail("cost", "--run is required (or --show-prices, --set-prices, --reset-prices)",
                    kExitUsage);
    const std::string format = args.valueOr("format", "json");
    if (format != "json" && format != "md" && format != "csv")
        return fail("cost", "--format takes json, md or csv, not \"" + validUtf8(format) + "\"",
                    kExitUsage);
    std::optional<std::int64_t> runId;
    if (auto r = args.value("run")) {
        runId = parseWholeNumber(*r, 1, INT64_MAX / 2);
        if (!runId)
            return fail("cost", "--run takes a run number, not \"" + validUtf8(*r) + "\"",
                        kExitUsage);
    }
    // A table given for this call only is read before the project is opened.
    std::optional<analysis::PriceTable> given;
    if (auto file = args.value("prices")) {
        auto table = analysis::readPriceTableFile(*file);
        if (!table)
            return fail("cost", table.error().message, kExitUsage);
        given = std::move(*table);
    }
    int code = kExitOk;
    auto store = openExistingProject("cost", *args.value("project"), code,
                                     change ? ProjectStore::OpenMode::Existing
                                            : ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    if (change)
        if (int c = changePrices(args, *store); c != kExitOk)
            return c;
    auto prices =
        given ? Result<analysis::PriceTable>(*given) : analysis::projectPriceTable(*store);
    if (!prices)
        return fail("cost", prices.error().message, kExitRuntime);
    Output out;
    if (!out.open(args.value("out")))
        return fail("cost", out.error(), kExitRuntime);
    auto finish = [&out] {
        return out.finish() ? kExitOk : fail("cost", out.error(), kExitRuntime);
    };
    if (!runId) {
        out.buffer() += analysis::priceTableJson(*prices) + "\n";
        return finish();
    }
    auto cost = analysis::runCost(*store, *runId, *prices);
    if (!cost) {
        const bool unknown = cost.error().message.find("there is no run") != std::string::npos;
        return fail("cost", cost.error().message, unknown ? kExitUsage : kExitRuntime);
    }
    out.buffer() += format == "json" ? analysis::runCostJson(*cost) + "\n"
                                     : analysis::runCostTable(*cost, format);
    return finish();
}

const Registrar registrar{
    {"cost",
     "--project P.r2p (--run RUN [--format json|md|csv] [--prices FILE] [--out PATH] | "
     "--show-prices | --set-prices FILE | --reset-prices)",
     "What a run cost per system: requests, answers replayed from the response cache, prompt, "
     "completion and reasoning tokens (the server's reasoning count too where it gave one), "
     "prompt tokens the server's prefix cache served, the tokens interventions and re-asks "
     "added, the requests' time and money from the price table (per million tokens; the "
     "project's own, set with --set-prices, or the shipped resources/llm/prices.json).",
     &runCostCommand}};

} // namespace
} // namespace r2p::cli
