// r2p tagset: the tag set (TagPR) a project checks tagged chains with, printed as JSON, or
// replaced by a file's after checking it (nothing is written when the file has an error).
#include "Cli.h"
#include "ProjectArgs.h"
#include "pipeline/tags/TagSet.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace r2p::cli {
namespace {

int runTagset(const std::vector<std::string>& argv) {
    Args args({"project", "set"}, {});
    if (!args.parse(argv))
        return fail("tagset", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("tagset", "unexpected argument \"" + args.positional().front() + "\"",
                    kExitUsage);
    if (args.value("set") && !args.value("project"))
        return fail("tagset", "--set needs --project (the project that keeps the tag set)",
                    kExitUsage);
    // Read and check the new tag set before the project is opened.
    std::optional<tags::TagSet> replacement;
    if (const auto file = args.value("set")) {
        std::ifstream in(*file, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in)
            return fail("tagset", "cannot read " + *file, kExitUsage);
        auto parsed = tags::parseTagSet(text.str(), *file);
        if (!parsed)
            return fail("tagset", parsed.error().message, kExitUsage);
        replacement = std::move(parsed).value();
    }
    std::string json;
    if (const auto project = args.value("project")) {
        int code = kExitOk;
        auto store = openExistingProject("tagset", *project, code);
        if (!store)
            return code;
        if (replacement) {
            // One (id, version) names one set, so spans made under it keep their meaning.
            auto same = tags::projectTagSetVersion(*store, replacement->id, replacement->version);
            if (same && !(*same == *replacement))
                return fail("tagset",
                            *args.value("set") + ": tag set \"" + replacement->id + "\" version " +
                                std::to_string(replacement->version) +
                                " is already in the project (or shipped) with other content: "
                                "raise its version (nothing was changed)",
                            kExitUsage);
            if (auto s = tags::setProjectTagSet(*store, *replacement); !s)
                return fail("tagset", s.error().message, kExitRuntime);
        }
        auto set = tags::projectTagSet(*store);
        if (!set)
            return fail("tagset", set.error().message, kExitRuntime);
        json = tags::tagSetJson(*set);
    } else {
        json = tags::tagSetJson(tags::builtinTagSet());
    }
    std::cout << json;
    std::cout.flush();
    return std::cout ? kExitOk : kExitRuntime;
}

const Registrar registrar{
    {"tagset", "[--project P.r2p [--set FILE]]",
     "Print the tag set tagged reasoning chains (TagPR) are checked with -- the project's own, "
     "or the shipped one -- as JSON, or replace the project's with FILE's after checking it.",
     &runTagset}};

} // namespace
} // namespace r2p::cli
