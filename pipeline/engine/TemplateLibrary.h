// HRT templates in the project file (model/TemplateStore) as the engine uses them: an edited
// template is saved under a new version of its id, every run records the exact text it used,
// and a stored run gets that text back, so a project copied to another machine re-runs
// identically.
#pragma once

#include "HrtTemplate.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/TemplateStore.h"
#include "model/Trace.h"

#include <memory>
#include <string>

namespace r2p::engine {

struct ProjectTemplate {
    StoredTemplate stored; // as kept in the project (text included)
    std::shared_ptr<const HrtTemplate> parsed;
};

// Keeps `t` in the project. A text the project holds already is found by its hash; a built-in
// template is kept as it is; any other text whose id and version the project or the built-in
// set already use for another text gets the next free version of its id (the returned
// template carries it). `source`: "edited" or "imported".
Result<ProjectTemplate> keepTemplate(ProjectStore& store, const HrtTemplate& t,
                                     const std::string& source);

// The template a stored run used: the text its config names ("template_sha256"); for runs
// stored before templates were kept, the built-in template when its id and version match.
Result<std::shared_ptr<const HrtTemplate>> templateOfRun(ProjectStore& store, const RunInfo& run);

// "template_sha256" of a run's config ("" when it names none).
std::string runTemplateHash(const RunInfo& run);

// A template named on the command line: a file, "ID@VERSION" or a hash (prefix) stored in the
// project.
Result<std::shared_ptr<const HrtTemplate>> findTemplate(ProjectStore& store,
                                                        const std::string& name);

} // namespace r2p::engine
