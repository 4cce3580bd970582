// The failure taxonomy annotators label with: editable data (resources/taxonomy/failures.json,
// embedded at build time), which a project may replace with its own copy kept in the project
// file. Display names and descriptions are English here; the UI translates them.
#pragma once

#include "ProjectStore.h"
#include "Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p {

struct FailureLabel {
    std::string id;          // "divergent-thinking": lower-case letters, digits and '-'
    std::string name;        // "Divergent thinking"
    std::string description; // one or two sentences shown in the UI
    std::string shortcut;    // "1".."9" or "" (the triage queue's number key)
};

struct Taxonomy {
    std::string id = "r2p-failures";
    int version = 1;
    std::vector<FailureLabel> labels;

    const FailureLabel* find(std::string_view labelId) const;
};

// Parses and validates a taxonomy file: unique, well-formed ids, a name for each label, unique
// shortcuts. Errors name `sourceName` and the line, column or label at fault.
Result<Taxonomy> parseTaxonomy(std::string_view json, const std::string& sourceName);
// Reads and parses a taxonomy file; a directory, FIFO or device is refused by what it is.
Result<Taxonomy> readTaxonomyFile(const std::string& path);
std::string taxonomyJson(const Taxonomy& taxonomy);

// The taxonomy shipped with the workbench.
const Taxonomy& builtinTaxonomy();
// The project's own taxonomy if it has one, else the built-in one.
Result<Taxonomy> projectTaxonomy(const ProjectStore& store);
// Stores `taxonomy` as the project's own (validated first); labels already used by annotations
// must stay, or nothing is changed and the Error names them.
Status setProjectTaxonomy(ProjectStore& store, const Taxonomy& taxonomy);
// The labels the project's annotations use, sorted: those a new taxonomy must keep.
Result<std::vector<std::string>> labelsInUse(const ProjectStore& store);

} // namespace r2p
