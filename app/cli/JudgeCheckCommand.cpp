// r2p judge-check: can a run's cross-reference verdicts be trusted? Each R2P candidate's verdict
// against whether its answer is right, and against annotators' own verdicts, as JSON.
#include "Cli.h"
#include "ProjectArgs.h"
#include "pipeline/analysis/JudgeCheck.h"

#include <iostream>

namespace r2p::cli {
namespace {

int runJudgeCheck(const std::vector<std::string>& argv) {
    Args args({"project", "run"}, {});
    if (!args.parse(argv))
        return fail("judge-check", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("judge-check", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    if (!args.value("project") || !args.value("run"))
        return fail("judge-check", "--project and --run are required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX);
    if (!runId)
        return fail("judge-check", "--run must be a run id (a positive number)", kExitUsage);
    int code = kExitOk;
    auto store = openExistingProject("judge-check", *args.value("project"), code,
                                     ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    auto check = analysis::checkJudge(*store, *runId);
    if (!check)
        return fail("judge-check", check.error().message, kExitUsage);
    if (check->usersWithGold == 0)
        std::cerr << "r2p judge-check: run " << *runId
                  << " has no R2P user with verdicts and a gold: nothing to check against\n";
    std::cout << analysis::judgeCheckJson(*check) << "\n";
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"judge-check", "--project P.r2p --run ID",
     "Judge validation: per cross-reference verdict, how many R2P candidates got it and how many "
     "of those were right (label and rating tasks) with their mean main metric; and the judge "
     "against annotators' own verdicts (verdict annotations labelled supported, partial, "
     "contradicted or unsupported, optionally prefixed verdict-) with Cohen's kappa.",
     &runJudgeCheck}};

} // namespace
} // namespace r2p::cli
