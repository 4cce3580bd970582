#include "TemplateLibrary.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace r2p::engine {

namespace {

Result<ProjectTemplate> parsedOf(StoredTemplate stored) {
    auto parsed =
        parseHrtTemplate(stored.text, "template " + stored.templateId + " version " +
                                          std::to_string(stored.version) + " in the project");
    if (!parsed)
        return parsed.error();
    ProjectTemplate out;
    out.parsed = std::make_shared<const HrtTemplate>(std::move(parsed).value());
    out.stored = std::move(stored);
    return out;
}

StoredTemplate storedOf(const HrtTemplate& t, const std::string& source) {
    StoredTemplate s;
    s.templateId = t.id;
    s.version = t.version;
    s.task = t.task;
    s.source = source;
    s.text = serializeHrtTemplate(t);
    return s;
}

// A stored template of `t`'s id whose text is `t`'s but for the version.
Result<std::optional<StoredTemplate>> sameContent(const TemplateStore& templates,
                                                  const HrtTemplate& t) {
    auto all = templates.list();
    if (!all)
        return all.error();
    for (const StoredTemplate& listed : *all) {
        if (listed.templateId != t.id || listed.task != t.task)
            continue;
        auto stored = templates.byHash(listed.sha256);
        if (!stored)
            return stored.error();
        if (!stored->has_value())
            continue;
        auto parsed = parseHrtTemplate((*stored)->text, "stored template");
        if (!parsed)
            continue;
        HrtTemplate other = std::move(parsed).value();
        other.version = t.version;
        if (other == t)
            return std::move(*stored);
    }
    return std::optional<StoredTemplate>();
}

} // namespace

Result<ProjectTemplate> keepTemplate(ProjectStore& store, const HrtTemplate& t,
                                     const std::string& source) {
    TemplateStore templates(store);
    const HrtTemplate* builtin = builtinHrtTemplate(t.task);
    const bool isBuiltin = builtin && *builtin == t;
    StoredTemplate wanted = storedOf(t, isBuiltin ? "built-in" : source);
    if (auto same = templates.byHash(sha256Hex(wanted.text)); !same)
        return same.error();
    else if (same->has_value())
        return parsedOf(std::move(**same));
    if (!isBuiltin) {
        // The same text under another version (a file imported twice, an edit saved again).
        auto kept = sameContent(templates, t);
        if (!kept)
            return kept.error();
        if (kept->has_value())
            return parsedOf(std::move(**kept));
        auto taken = templates.byVersion(t.id, t.version);
        if (!taken)
            return taken.error();
        const bool builtinHasIt = builtin && builtin->id == t.id && builtin->version >= t.version;
        if (taken->has_value() || builtinHasIt) {
            auto highest = templates.highestVersion(t.id);
            if (!highest)
                return highest.error();
            HrtTemplate next = t;
            next.version =
                std::max(*highest, builtin && builtin->id == t.id ? builtin->version : 0) + 1;
            wanted = storedOf(next, source);
        }
    }
    auto put = templates.put(std::move(wanted));
    if (!put)
        return put.error();
    return parsedOf(std::move(put).value());
}

std::string runTemplateHash(const RunInfo& run) {
    const auto j = nlohmann::json::parse(run.config, nullptr, false);
    if (!j.is_object() || !j.contains("template_sha256") || !j["template_sha256"].is_string())
        return {};
    return j["template_sha256"].get<std::string>();
}

Result<std::shared_ptr<const HrtTemplate>> templateOfRun(ProjectStore& store, const RunInfo& run) {
    const std::string hash = runTemplateHash(run);
    const std::string what = "run " + std::to_string(run.id) + " used template \"" +
                             run.templateId + "\" version " + std::to_string(run.templateVersion);
    if (hash.empty()) {
        const HrtTemplate* builtin = builtinHrtTemplate(run.task);
        if (builtin && builtin->id == run.templateId && builtin->version == run.templateVersion)
            return std::make_shared<const HrtTemplate>(*builtin);
        return Error{what + ", which is not built in and was not kept in the project (runs "
                            "stored before templates were kept name no text)"};
    }
    auto stored = TemplateStore(store).byHash(hash);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error{what + " (sha256 " + hash.substr(0, 12) +
                     "…), which this project does not hold"};
    auto parsed = parsedOf(std::move(**stored));
    if (!parsed)
        return parsed.error();
    return parsed->parsed;
}

Result<std::shared_ptr<const HrtTemplate>> findTemplate(ProjectStore& store,
                                                        const std::string& name) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(name, ec)) {
        std::ifstream in(name, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in)
            return Error{name + ": cannot read the template file"};
        auto parsed = parseHrtTemplate(text.str(), name);
        if (!parsed)
            return parsed.error();
        return std::make_shared<const HrtTemplate>(std::move(parsed).value());
    }
    TemplateStore templates(store);
    std::optional<StoredTemplate> found;
    if (const auto at = name.rfind('@'); at != std::string::npos && at > 0) {
        int version = 0;
        try {
            std::size_t used = 0;
            version = std::stoi(name.substr(at + 1), &used);
            if (used != name.size() - at - 1)
                version = 0;
        } catch (...) {
            version = 0;
        }
        if (version <= 0)
            return Error{"\"" + name + "\": the version after @ must be a positive number"};
        const std::string id = name.substr(0, at);
        auto stored = templates.byVersion(id, version);
        if (!stored)
            return stored.error();
        if (!stored->has_value()) {
            for (const HrtTemplate& b : builtinHrtTemplates())
                if (b.id == id && b.version == version)
                    return std::make_shared<const HrtTemplate>(b);
            return Error{"template \"" + id + "\" version " + std::to_string(version) +
                         " is neither built in nor kept in " + store.path() +
                         " (see r2p template list)"};
        }
        found = std::move(**stored);
    } else {
        auto stored = templates.byHash(name);
        if (!stored)
            return Error{"\"" + name +
                         "\" is not a template file, ID@VERSION or a stored template's hash"};
        if (!stored->has_value())
            return Error{"no template with hash " + name + " in " + store.path()};
        found = std::move(**stored);
    }
    auto parsed = parsedOf(std::move(*found));
    if (!parsed)
        return parsed.error();
    return parsed->parsed;
}

} // namespace r2p::engine
