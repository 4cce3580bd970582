#include "BackendChoice.h"

#include "OfflineBackend.h"
#include "model/ResponseCache.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <algorithm>

namespace r2p::engine {

Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const std::string& baseUrl, const std::string& apiKeyEnv,
                                  int concurrency, double replaySpeed) {
    BackendChoice choice;
    if (name == "offline") {
        choice.backend = std::make_shared<OfflineBackend>();
        choice.offline = true;
        return choice;
    }
    if (name == "openai") {
        if (baseUrl.empty())
            return Error{"--backend openai needs --base-url (e.g. http://127.0.0.1:8000/v1)"};
        llm::EndpointConfig config;
        config.baseUrl = baseUrl;
        config.apiKeyEnv = apiKeyEnv;
        config.maxConcurrent = std::max(4, concurrency * 2);
        auto inner = std::make_shared<llm::OpenAiBackend>(config);
        choice.backend = std::make_shared<llm::CachingBackend>(inner, ResponseCache(store),
                                                               "openai", llm::CacheMode::ReadWrite);
        return choice;
    }
    if (name == "replay") {
        choice.backend = std::make_shared<llm::CachingBackend>(
            nullptr, ResponseCache(store), "openai", llm::CacheMode::ReplayOnly, replaySpeed);
        return choice;
    }
    return Error{"unknown backend \"" + name + "\" (use offline, openai or replay)"};
}

} // namespace r2p::engine
