// r2p template: the HRT templates a project keeps (every text a run used or an edit saved,
// named by its hash) and which runs used which version; show or export one, or import a file as
// a new version of its id.
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/RunStore.h"
#include "model/TemplateStore.h"
#include "pipeline/engine/TemplateLibrary.h"

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

namespace r2p::cli {
namespace {

constexpr const char* kCommand = "template";

std::string joinRuns(const std::vector<std::int64_t>& ids) {
    std::string out;
    for (std::int64_t id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out.empty() ? "-" : out;
}

int listTemplates(ProjectStore& store) {
    auto stored = TemplateStore(store).list();
    if (!stored)
        return fail(kCommand, stored.error().message, kExitRuntime);
    auto runs = RunStore(store).runs();
    if (!runs)
        return fail(kCommand, runs.error().message, kExitRuntime);
    // Which runs used which text; runs stored before texts were kept name only id and version.
    std::map<std::string, std::vector<std::int64_t>> byHash;
    std::map<std::pair<std::string, int>, std::vector<std::int64_t>> unnamed;
    for (const RunInfo& run : *runs) {
        const std::string hash = engine::runTemplateHash(run);
        if (hash.empty())
            unnamed[{run.templateId, run.templateVersion}].push_back(run.id);
        else
            byHash[hash].push_back(run.id);
    }
    std::printf("%-12s  %-16s  %7s  %-8s  %-9s  %-20s  %s\n", "HASH", "TEMPLATE", "VERSION", "TASK",
                "SOURCE", "KEPT", "RUNS");
    for (const StoredTemplate& t : *stored)
        std::printf("%-12s  %-16s  %7d  %-8s  %-9s  %-20s  %s\n", t.sha256.substr(0, 12).c_str(),
                    t.templateId.c_str(), t.version,
                    t.task == TaskId::Invalid ? "?" : std::string(taskSpec(t.task).name).c_str(),
                    t.source.c_str(), t.createdAt.c_str(), joinRuns(byHash[t.sha256]).c_str());
    for (const auto& [idVersion, ids] : unnamed)
        std::printf("%-12s  %-16s  %7d  %-8s  %-9s  %-20s  %s\n", "(not kept)",
                    idVersion.first.c_str(), idVersion.second, "", "", "", joinRuns(ids).c_str());
    std::fflush(stdout);
    return std::ferror(stdout) ? kExitRuntime : kExitOk;
}

// The template NAME or --run names; without a project only built-in ID@VERSION.
Result<std::shared_ptr<const engine::HrtTemplate>> chosen(ProjectStore* store, const Args& args) {
    if (const auto run = args.value("run")) {
        if (!store)
            return Error{"--run needs --project"};
        const auto id = parseWholeNumber(*run, 1, INT64_MAX);
        if (!id)
            return Error{"--run must be a run id (a positive number), not \"" + *run + "\""};
        auto info = RunStore(*store).run(*id);
        if (!info)
            return info.error();
        return engine::templateOfRun(*store, *info);
    }
    if (args.positional().size() < 2)
        return Error{"name a template: ID@VERSION, a hash from r2p template list, or --run N"};
    const std::string& name = args.positional()[1];
    if (store)
        return engine::findTemplate(*store, name);
    for (const auto& b : engine::builtinHrtTemplates())
        if (b.id + "@" + std::to_string(b.version) == name)
            return std::make_shared<const engine::HrtTemplate>(b);
    return Error{"\"" + name +
                 "\" is not a built-in template (ID@VERSION); give --project for "
                 "the templates a project keeps"};
}

int importTemplate(ProjectStore& store, const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
        return fail(kCommand, "cannot read " + file, kExitUsage);
    auto parsed = engine::parseHrtTemplate(text.str(), file);
    if (!parsed)
        return fail(kCommand, parsed.error().message, kExitUsage);
    auto kept = engine::keepTemplate(store, *parsed, "imported");
    if (!kept)
        return fail(kCommand, kept.error().message, kExitRuntime);
    const StoredTemplate& s = kept->stored;
    std::cout << s.templateId << "@" << s.version << " " << s.sha256.substr(0, 12) << " ("
              << s.source << ")\n";
    if (s.version != parsed->version)
        std::cerr << "r2p template: " << file << ": version " << parsed->version
                  << " is taken by another text; kept as version " << s.version << "\n";
    return kExitOk;
}

int runTemplate(const std::vector<std::string>& argv) {
    Args args({"project", "run", "out", "file"}, {});
    if (!args.parse(argv))
        return fail(kCommand, args.error(), kExitUsage);
    const std::string action = args.positional().empty() ? "" : args.positional().front();
    if (action != "list" && action != "show" && action != "export" && action != "import")
        return fail(kCommand, "say what to do: list, show, export or import", kExitUsage);
    if (args.positional().size() > (action == "show" || action == "export" ? 2u : 1u))
        return fail(kCommand, "unexpected argument \"" + args.positional().back() + "\"",
                    kExitUsage);
    if ((action == "list" || action == "import") && !args.value("project"))
        return fail(kCommand, action + " needs --project", kExitUsage);
    if (action == "import" && !args.value("file"))
        return fail(kCommand, "import needs --file FILE", kExitUsage);
    if (action == "export" && !args.value("out"))
        return fail(kCommand, "export needs --out FILE", kExitUsage);

    std::unique_ptr<ProjectStore> store;
    if (const auto project = args.value("project")) {
        int code = kExitOk;
        store = openExistingProject(kCommand, *project, code,
                                    action == "import" ? ProjectStore::OpenMode::Existing
                                                       : ProjectStore::OpenMode::ReadOnly);
        if (!store)
            return code;
    }
    if (action == "list")
        return listTemplates(*store);
    if (action == "import")
        return importTemplate(*store, *args.value("file"));
    auto t = chosen(store.get(), args);
    if (!t)
        return fail(kCommand, t.error().message, kExitUsage);
    Output out;
    if (!out.open(action == "export" ? args.value("out") : std::nullopt))
        return fail(kCommand, "cannot write " + *args.value("out") + ": " + out.error(),
                    kExitRuntime);
    out.buffer() = engine::serializeHrtTemplate(**t);
    if (out.buffer().empty() || out.buffer().back() != '\n')
        out.buffer() += "\n";
    if (!out.finish())
        return fail(kCommand, "cannot write: " + out.error(), kExitRuntime);
    return kExitOk;
}

const Registrar registrar{
    {kCommand,
     "list --project P.r2p | show [--project P.r2p] (ID@VERSION | HASH | --run N) | export "
     "--project P.r2p (ID@VERSION | HASH | --run N) --out FILE | import --project P.r2p --file "
     "FILE",
     "The HRT templates a project keeps (every text a run used, every saved edit) and the runs "
     "that used each; print or export one as JSON, or import a file as a new version of its id "
     "(r2p run --template ID@VERSION then runs it).",
     &runTemplate}};

} // namespace
} // namespace r2p::cli
