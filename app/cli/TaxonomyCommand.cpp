// r2p taxonomy: the failure labels a project annotates with, printed as JSON, or replaced by a
// file's (validated; labels that annotations use must stay).
#include "Cli.h"
#include "ProjectArgs.h"
#include "model/Taxonomy.h"

#include <iostream>

namespace r2p::cli {
namespace {

int runTaxonomy(const std::vector<std::string>& argv) {
    Args args({"project", "set"}, {});
    if (!args.parse(argv))
        return fail("taxonomy", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("taxonomy", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    if (!args.value("project"))
        return fail("taxonomy", "--project is required", kExitUsage);
    // Read and check the new taxonomy before the project is opened.
    std::optional<Taxonomy> replacement;
    if (const auto file = args.value("set")) {
        auto parsed = readTaxonomyFile(*file);
        if (!parsed)
            return fail("taxonomy", parsed.error().message, kExitUsage);
        replacement = std::move(parsed).value();
    }
    int code = kExitOk;
    auto store = openExistingProject("taxonomy", *args.value("project"), code,
                                     replacement ? ProjectStore::OpenMode::Existing
                                                 : ProjectStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    if (replacement) {
        auto used = labelsInUse(*store);
        if (!used)
            return fail("taxonomy", used.error().message, kExitRuntime);
        std::string missing;
        for (const auto& label : *used)
            if (!replacement->find(label))
                missing += (missing.empty() ? "" : ", ") + label;
        if (!missing.empty())
            return fail("taxonomy",
                        *args.value("set") + " drops labels that annotations use: " + missing +
                            " (nothing was changed)",
                        kExitUsage);
        if (auto s = setProjectTaxonomy(*store, *replacement); !s)
            return fail("taxonomy", s.error().message, kExitRuntime);
    }
    auto taxonomy = projectTaxonomy(*store);
    if (!taxonomy)
        return fail("taxonomy", taxonomy.error().message, kExitRuntime);
    std::cout << taxonomyJson(*taxonomy);
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"taxonomy", "--project P.r2p [--set FILE]",
     "Print the failure taxonomy the project annotates with (its own, or the shipped one) as "
     "JSON, or replace it with FILE's after checking it; labels in use must stay.",
     &runTaxonomy}};

} // namespace
} // namespace r2p::cli
