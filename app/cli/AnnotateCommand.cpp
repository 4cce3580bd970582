// r2p annotate: one failure label on a stored run, one of its stages or one verdict, checked
// against the run and the project's taxonomy, committed before its id is printed.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Annotation.h"
#include "model/JsonText.h"
#include "model/Taxonomy.h"
#include "model/Utf8.h"

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

std::string stageList() {
    std::string out;
    for (auto s : {StageId::Retrieve, StageId::TaskAnalysis, StageId::ProfileSynthesis,
                   StageId::AnswerPlan, StageId::Answer, StageId::Candidates,
                   StageId::CrossReference, StageId::Final, StageId::Score, StageId::Generate})
        out += (out.empty() ? "" : ", ") + std::string(stageName(s));
    return out;
}

int runAnnotate(const std::vector<std::string>& argv) {
    // --repeat N (not in the synopsis): N annotations, each committed and printed on its own;
    // the kill test interrupts such a loop.
    Args args({"project", "run", "user", "system", "stage", "candidate", "verdict", "label",
               "severity", "note", "annotator", "repeat"},
              {});
    if (!args.parse(argv))
        return fail("annotate", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("annotate", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    for (const char* required : {"project", "run", "user", "label", "annotator"})
        if (!args.value(required))
            return fail("annotate", std::string("--") + required + " is required", kExitUsage);

    Annotation a;
    const auto runId = parseWholeNumber(*args.value("run"), 1, INT64_MAX / 16);
    if (!runId)
        return fail("annotate", "--run takes a run id (a number)", kExitUsage);
    a.runId = *runId;
    a.userId = *args.value("user");
    const std::string system = args.valueOr("system", "r2p");
    const auto sys = parseSystemName(system);
    if (!sys)
        return fail("annotate",
                    "unknown system \"" + system + "\" (r2p, no-profile, lamp-rag, lrm-rag)",
                    kExitUsage);
    a.system = *sys;
    if (args.value("stage") && args.value("verdict"))
        return fail("annotate", "give --stage or --verdict, not both", kExitUsage);
    if (args.value("candidate") && !args.value("stage"))
        return fail("annotate", "--candidate goes with --stage", kExitUsage);
    a.target = AnnotationTarget::Run;
    if (const auto stage = args.value("stage")) {
        const auto id = parseStageName(*stage);
        if (!id)
            return fail("annotate", "unknown stage \"" + *stage + "\" (" + stageList() + ")",
                        kExitUsage);
        a.target = AnnotationTarget::Stage;
        a.stage = *id;
        if (const auto c = args.value("candidate")) {
            const auto n = parseWholeNumber(*c, 0, 1'000'000);
            if (!n)
                return fail("annotate", "--candidate takes a number (0 for the main chain)",
                            kExitUsage);
            a.candidate = static_cast<int>(*n);
        }
    }
    if (const auto v = args.value("verdict")) {
        const auto n = parseWholeNumber(*v, 0, 1'000'000);
        if (!n)
            return fail("annotate", "--verdict takes a candidate number", kExitUsage);
        a.target = AnnotationTarget::Verdict;
        a.stage = StageId::CrossReference;
        a.candidate = static_cast<int>(*n);
    }
    const std::string severity = args.valueOr("severity", "minor");
    const auto sev = parseAnnotationSeverity(severity);
    if (!sev)
        return fail("annotate", "unknown severity \"" + severity + "\" (minor, major, critical)",
                    kExitUsage);
    a.severity = *sev;
    a.label = *args.value("label");
    a.note = args.valueOr("note", "");
    a.annotator = *args.value("annotator");
    std::int64_t repeat = 1;
    if (const auto r = args.value("repeat")) {
        const auto n = parseWholeNumber(*r, 1, 100'000'000);
        if (!n)
            return fail("annotate", "--repeat takes a positive number", kExitUsage);
        repeat = *n;
    }
    // Refuse text that is not UTF-8 before storing it (it would come back as U+FFFD).
    for (const std::string* text : {&a.userId, &a.label, &a.note, &a.annotator})
        if (!isValidUtf8(*text))
            return fail("annotate", "--user, --label, --note and --annotator must be UTF-8 text",
                        kExitUsage);

    int code = kExitOk;
    auto store = openExistingProject("annotate", *args.value("project"), code);
    if (!store)
        return code;
    auto taxonomy = projectTaxonomy(*store);
    if (!taxonomy)
        return fail("annotate", taxonomy.error().message, kExitRuntime);
    AnnotationStore annotations(*store);
    if (auto s = annotations.check(a, *taxonomy); !s)
        return fail("annotate", s.error().message, kExitUsage);
    for (std::int64_t i = 0; i < repeat; ++i) {
        auto id = annotations.add(a, *taxonomy);
        if (!id)
            return fail("annotate", id.error().message, kExitRuntime);
        // Printed only once committed, and flushed at once: a printed id is in the file.
        const std::string line = dumpJson(nlohmann::json{{"id", *id}}) + "\n";
        if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size() ||
            std::fflush(stdout) != 0)
            return fail("annotate", "cannot write to stdout", kExitRuntime);
    }
    return kExitOk;
}

const Registrar registrar{
    {"annotate",
     "--project P.r2p --run ID --user UID [--system r2p] [--stage NAME [--candidate N]] "
     "[--verdict N] --label LABEL [--severity minor|major|critical] [--note TEXT] "
     "--annotator NAME",
     "Label a reasoning failure on a stored run (the whole run, one stage, or the verdict of "
     "one candidate) with a label of the project's taxonomy; prints {\"id\": N}. An unknown "
     "run, user, stage or label is refused (exit 2) and nothing is written.",
     &runAnnotate}};

} // namespace
} // namespace r2p::cli
