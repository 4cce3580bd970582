// r2p tags: the tagged chains (TagPR) of a stored run, per system, as JSON — how often each tag
// occurs, which tag follows which, tokens per tag for correct and wrong answers, the task metric
// with and without each tag, the mean constraint score, and every chain's violations. Each
// chain is re-checked with the tag set version its spans were stored under.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/ProjectStore.h"
#include "pipeline/analysis/TagStatistics.h"

#include <iostream>

namespace r2p::cli {
namespace {

int runTags(const std::vector<std::string>& argv) {
    Args args({"project", "run", "system"}, {});
    if (!args.parse(argv))
        return fail("tags", args.error(), kExitUsage);
    for (const char* required : {"project", "run"})
        if (!args.value(required))
            return fail("tags", std::string("--") + required + " is required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("tags", "--run takes a run id (a number), not \"" + *args.value("run") + "\"",
                    kExitUsage);
    int code = kExitOk;
    auto store =
        openExistingProject("tags", *args.value("project"), code, ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    analysis::TagStatisticsRequest request;
    request.runId = *runId;
    if (const auto name = args.value("system")) {
        const auto system = parseSystemName(*name);
        if (!system)
            return fail("tags",
                        "run " + std::to_string(*runId) + " has no system \"" + *name + "\"",
                        kExitUsage);
        request.systems = {*system};
    }
    bool badInput = false;
    auto stats = analysis::tagStatistics(*store, request, badInput);
    if (!stats)
        return fail("tags", stats.error().message, badInput ? kExitUsage : kExitRuntime);
    std::cout << analysis::tagStatisticsJson(*stats) << "\n";
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"tags", "--project P.r2p --run ID [--system S]",
     "Print the tagged chains (TagPR) of a stored run per system as JSON: tag frequency, "
     "tag-to-tag transitions, tokens per tag for correct and wrong answers, the task metric with "
     "and without each tag, the mean constraint score, and every chain's violations (rule, "
     "span, evidence).",
     &runTags}};

} // namespace
} // namespace r2p::cli
