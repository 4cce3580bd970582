// r2p agreement: how far the annotators of a stored run agree, per failure label (Cohen's kappa
// for two annotators, Fleiss' for more), as JSON on stdout.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "model/Taxonomy.h"
#include "pipeline/metrics/Agreement.h"

#include <cstdint>
#include <iostream>

namespace r2p::cli {
namespace {

int runAgreement(const std::vector<std::string>& argv) {
    Args args({"project", "run"}, {});
    if (!args.parse(argv))
        return fail("agreement", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("agreement", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    for (const char* required : {"project", "run"})
        if (!args.value(required))
            return fail("agreement", std::string("--") + required + " is required", kExitUsage);
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("agreement", "--run takes a run id (a number)", kExitUsage);
    int code = kExitOk;
    auto store = openExistingProject("agreement", *args.value("project"), code,
                                     ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    RunStore runs(*store);
    if (auto info = runs.run(*runId); !info)
        return fail("agreement", info.error().message, kExitUsage);
    auto taxonomy = projectTaxonomy(*store);
    if (!taxonomy)
        return fail("agreement", taxonomy.error().message, kExitRuntime);
    auto annotations = AnnotationStore(*store).ofRun(*runId);
    if (!annotations)
        return fail("agreement", annotations.error().message, kExitRuntime);
    auto report = metrics::computeAgreement(*annotations, metrics::labelIds(*taxonomy));
    report.runId = *runId;
    std::cout << metrics::agreementJson(report);
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"agreement", "--project P.r2p --run ID",
     "Inter-annotator agreement on a run's annotations as JSON: for two annotators Cohen's kappa "
     "per label with its confusion matrix and a label x label matrix; for three or more Fleiss' "
     "kappa per label. An item counts for an annotator who annotated anything on its user.",
     &runAgreement}};

} // namespace
} // namespace r2p::cli
