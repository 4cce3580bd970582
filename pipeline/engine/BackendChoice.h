// The LLM backend by the name a run records ("offline", "openai", "replay"): shared by r2p run,
// the CLI's analysis commands and the GUI's Analysis dock so all build it the same way.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "pipeline/llm/Backend.h"

#include <memory>
#include <string>

namespace r2p::engine {

struct BackendChoice {
    std::shared_ptr<llm::Backend> backend;
    bool offline = false;
};

// openai goes through the project's response cache (read and write); replay answers from the
// cache only. An Error names an unknown backend or a missing --base-url.
Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const std::string& baseUrl, const std::string& apiKeyEnv,
                                  int concurrency, double replaySpeed);

} // namespace r2p::engine
