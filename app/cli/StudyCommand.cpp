// r2p study run|report: every cell of a study file as a stored run, and the paper-style table
// from them. A study that stops (Ctrl+C, a failed cell, a killed process) is run again with the
// same command: finished cells are skipped, an interrupted one is resumed.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/Utf8.h"
#include "pipeline/analysis/Study.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

// What to do with a cell: nothing (its run is finished), resume its run, or make a new one.
struct CellPlan {
    const analysis::StudyCell* cell = nullptr;
    std::int64_t run = 0; // the stored run to skip or resume
    enum class Action { Skip, Resume, New } action = Action::New;
    std::string note; // why a new run although one was stored
};

std::vector<CellPlan> planCells(ProjectStore* store, const analysis::Study& study,
                                const std::vector<analysis::StudyCell>& cells, std::string& error) {
    analysis::StudyRuns stored;
    if (store) {
        auto loaded = analysis::loadStudyRuns(*store, study.name);
        if (!loaded) {
            error = loaded.error().message;
            return {};
        }
        stored = std::move(*loaded);
    }
    std::vector<CellPlan> plans;
    for (const auto& cell : cells) {
        CellPlan p;
        p.cell = &cell;
        const auto it = stored.find(cell.key);
        if (it != stored.end() && it->second.fingerprint != cell.fingerprint) {
            p.note = "its settings changed since run " + std::to_string(it->second.run) +
                     " (kept as it is)";
        } else if (it != stored.end()) {
            auto run = RunStore(*store).run(it->second.run);
            if (!run) {
                p.note = "its run " + std::to_string(it->second.run) + " is gone";
            } else {
                p.run = run->id;
                p.action = run->status == RunStatus::Done ? CellPlan::Action::Skip
                                                          : CellPlan::Action::Resume;
            }
        }
        plans.push_back(std::move(p));
    }
    return plans;
}

const char* actionName(CellPlan::Action a) {
    switch (a) {
    case CellPlan::Action::Skip:
        return "done before";
    case CellPlan::Action::Resume:
        return "resume";
    case CellPlan::Action::New:
        break;
    }
    return "new";
}

// Every new cell's arguments, files and dataset checked before any cell runs.
int checkCells(const std::string& project, const std::vector<CellPlan>& plans) {
    for (const auto& p : plans) {
        if (p.action != CellPlan::Action::New)
            continue;
        std::vector<std::string> argv{"--project", project};
        argv.insert(argv.end(), p.cell->runArgs.begin(), p.cell->runArgs.end());
        RunHooks hooks;
        hooks.checkOnly = true;
        std::cerr << "r2p study: checking " << p.cell->key << "\n";
        if (const int code = runOneRun(argv, hooks); code != kExitOk)
            return fail("study",
                        "cell " + p.cell->key + " does not check out (above); nothing was run",
                        code);
    }
    return kExitOk;
}

int runCells(const Args& args, const analysis::Study& study, std::vector<CellPlan>& plans) {
    const std::string project = *args.value("project");
    int exitCode = kExitOk;
    auto store = openExistingProject("study", project, exitCode);
    if (!store)
        return exitCode;
    ordered_json cellsJson = ordered_json::array();
    std::size_t ran = 0, skipped = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        CellPlan& p = plans[i];
        const analysis::StudyCell& cell = *p.cell;
        std::cerr << "r2p study: cell " << i + 1 << "/" << plans.size() << " " << cell.key << ": "
                  << actionName(p.action)
                  << (p.run ? " (run " + std::to_string(p.run) + ")" : std::string())
                  << (p.note.empty() ? "" : " — " + p.note) << "\n";
        if (p.action == CellPlan::Action::Skip) {
            ++skipped;
            cellsJson.push_back({{"cell", cell.key}, {"run", p.run}, {"status", "done before"}});
            continue;
        }
        std::vector<std::string> argv{"--project", project};
        if (p.action == CellPlan::Action::Resume)
            argv.insert(argv.end(), {"--resume", std::to_string(p.run)});
        else
            argv.insert(argv.end(), cell.runArgs.begin(), cell.runArgs.end());
        if (args.has("quiet"))
            argv.push_back("--quiet");
        std::string summary;
        RunHooks hooks;
        hooks.summaryJson = &summary;
        std::string storeError;
        hooks.created = [&](std::int64_t runId) {
            p.run = runId;
            if (auto s = analysis::saveStudyRun(*store, study.name, cell, runId); !s)
                storeError = s.error().message;
        };
        const int code = runOneRun(argv, hooks);
        if (!storeError.empty())
            return fail("study",
                        "cell " + cell.key + ": run " + std::to_string(p.run) +
                            " is stored, but not as the cell's run: " + storeError,
                        kExitRuntime);
        if (code != kExitOk) {
            std::cerr << "r2p study: cell " << cell.key << " stopped"
                      << (p.run ? " (run " + std::to_string(p.run) + ")" : std::string())
                      << "; run the same command again to go on from there\n";
            return code;
        }
        ++ran;
        cellsJson.push_back({{"cell", cell.key},
                             {"run", p.run},
                             {"status", p.action == CellPlan::Action::Resume ? "resumed" : "ran"}});
    }
    const std::string file = args.positional().at(1);
    std::cout << dumpJson(ordered_json{{"study", study.name},
                                       {"cells", plans.size()},
                                       {"ran", ran},
                                       {"done_before", skipped},
                                       {"runs", cellsJson},
                                       {"report", "r2p study report " + file + " --project " +
                                                      project + " --format md"}},
                          2)
              << "\n";
    return kExitOk;
}

int studyRun(const Args& args, const analysis::Study& study) {
    const std::string project = *args.value("project");
    const auto cells = analysis::studyCells(study);
    std::unique_ptr<ProjectStore> store;
    std::error_code ec;
    if (std::filesystem::exists(project, ec)) {
        int exitCode = kExitOk;
        store = openExistingProject("study", project, exitCode);
        if (!store)
            return exitCode;
    }
    std::string error;
    auto plans = planCells(store.get(), study, cells, error);
    if (!error.empty())
        return fail("study", error, kExitRuntime);
    store.reset();
    if (args.has("dry-run")) {
        ordered_json list = ordered_json::array();
        for (const auto& p : plans) {
            ordered_json args_ = p.cell->runArgs;
            list.push_back({{"cell", p.cell->key},
                            {"action", actionName(p.action)},
                            {"run", p.run ? ordered_json(p.run) : ordered_json(nullptr)},
                            {"r2p_run", args_}});
        }
        if (const int code = checkCells(project, plans); code != kExitOk)
            return code;
        std::cout << dumpJson(ordered_json{{"study", study.name}, {"cells", list}}, 2) << "\n";
        return kExitOk;
    }
    if (const int code = checkCells(project, plans); code != kExitOk)
        return code;
    return runCells(args, study, plans);
}

int studyReport(const Args& args, const analysis::Study& study) {
    const auto format = analysis::studyFormatFromName(args.valueOr("format", "md"));
    if (!format)
        return fail("study",
                    "--format takes md, latex, html, csv or json, not \"" +
                        validUtf8(*args.value("format")) + "\"",
                    kExitUsage);
    int exitCode = kExitOk;
    auto store = openExistingProject("study", *args.value("project"), exitCode,
                                     ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return exitCode;
    auto report = analysis::studyReport(*store, study, *format, args.has("partial"));
    if (!report)
        return fail("study", report.error().message, kExitUsage);
    Output out;
    const auto path = args.value("out");
    if (!out.open(path))
        return fail("study", "cannot write " + path.value_or("stdout") + ": " + out.error(),
                    kExitRuntime);
    out.buffer() = std::move(*report);
    if (!out.finish())
        return fail("study", "cannot write " + path.value_or("stdout") + ": " + out.error(),
                    kExitRuntime);
    return kExitOk;
}

int runStudy(const std::vector<std::string>& argv) {
    Args args({"project", "format", "out"}, {"quiet", "dry-run", "partial"});
    if (!args.parse(argv))
        return fail("study", args.error(), kExitUsage);
    const auto& pos = args.positional();
    if (pos.size() != 2 || (pos[0] != "run" && pos[0] != "report"))
        return fail("study", "usage: r2p study run|report FILE --project P", kExitUsage);
    if (!args.value("project"))
        return fail("study", "--project is required", kExitUsage);
    auto study = analysis::readStudyFile(pos[1]);
    if (!study)
        return fail("study", study.error().message + " (nothing was run)", kExitUsage);
    if (pos[0] == "run") {
        if (args.value("format") || args.value("out") || args.has("partial"))
            return fail("study", "--format, --out and --partial are for study report", kExitUsage);
        return studyRun(args, *study);
    }
    if (args.has("dry-run") || args.has("quiet"))
        return fail("study", "--dry-run and --quiet are for study run", kExitUsage);
    return studyReport(args, *study);
}

const Registrar registrar{
    {"study",
     "run|report FILE --project P.r2p [--dry-run] [--quiet] [--format md|latex|html|csv|json] "
     "[--out F] [--partial]",
     "A study file (docs/studies/) declares datasets, models with their endpoints, systems, k "
     "values, repeats and a seed. 'study run' checks every cell first (nothing runs if one is "
     "wrong), then makes each cell a stored run, skipping finished cells and resuming an "
     "interrupted one; --dry-run lists the cells. 'study report' writes the paper-style table: "
     "tasks as columns, (model, system, k) as rows, each task's LaMP metrics with intervals, the "
     "best marked, paired tests against the reference row with Holm-adjusted p, and the cost.",
     &runStudy}};

} // namespace
} // namespace r2p::cli
