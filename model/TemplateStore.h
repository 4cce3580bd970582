// HRT templates kept in the project file, so a run can be re-made anywhere the project goes:
// each stored text is named by its SHA-256, and carries the template's id, version and task for
// listing. Runs name the text they used by that hash (their config's "template_sha256"). The
// texts are canonical JSON written by pipeline/engine (this layer does not parse them).
#pragma once

#include "ProjectStore.h"
#include "Result.h"
#include "Task.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace r2p {

struct StoredTemplate {
    std::string sha256; // of `text`, lower-case hex
    std::string templateId;
    int version = 0;
    TaskId task = TaskId::Invalid;
    std::string source; // "built-in", "edited" (the window) or "imported" (r2p template import)
    std::string createdAt;
    std::string text; // empty when listed without texts
};

class TemplateStore {
public:
    explicit TemplateStore(ProjectStore& store) : store_(store) {}

    // Stores `t` (its sha256 is computed here) unless a text with that hash is stored already;
    // returns what is stored under the hash.
    Result<StoredTemplate> put(StoredTemplate t) const;
    // Every stored template, oldest first, without texts.
    Result<std::vector<StoredTemplate>> list() const;
    // By hash (a unique prefix of at least 8 hex digits is enough), with its text.
    Result<std::optional<StoredTemplate>> byHash(const std::string& shaOrPrefix) const;
    // By id and version, with its text; the newest stored when several texts share them.
    Result<std::optional<StoredTemplate>> byVersion(const std::string& templateId,
                                                    int version) const;
    // The highest version stored for `templateId` (0 when none).
    Result<int> highestVersion(const std::string& templateId) const;

private:
    ProjectStore& store_;
};

std::string sha256Hex(const std::string& text);

} // namespace r2p
