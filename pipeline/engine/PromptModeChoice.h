// --mode auto, decided by asking the server rather than by the model's name: prefill only where
// a chat template fits the model, the endpoint preset allows prefill, and a one-token probe of
// /v1/completions succeeds on a server that does not template raw prompts again (Ollama's
// /v1/completions does). A 404/405 there means chat for the whole run, said once.
#pragma once

#include "Engine.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <string>

namespace r2p::engine {

struct PromptModeChoice {
    PromptMode mode = PromptMode::Chat;
    std::string reason;  // one line for the user: why this mode
    bool probed = false; // a request was sent (false: decided without one, or remembered)
};

// Resolves config.mode when it is Auto (other modes are returned as they are). `presetId`
// names an entry of resources/llm/endpoint_presets.json ("" when the user gave a URL only);
// an unknown id is an Error. The probe's outcome is remembered in the project (project_meta,
// per endpoint and model), so a second identical run sends nothing; `store` may be null.
Result<PromptModeChoice> choosePromptMode(const EngineConfig& config, const std::string& presetId,
                                          const llm::EndpointConfig& endpoint, ProjectStore* store);

} // namespace r2p::engine
