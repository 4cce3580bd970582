#include "BackendChoice.h"

#include "OfflineBackend.h"
#include "model/ResponseCache.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <algorithm>

namespace r2p::engine {

std::string primaryBaseUrl(const BackendOptions& options) {
    if (options.baseUrl.empty() && !options.endpoints.empty())
        return options.endpoints.front().baseUrl;
    return options.baseUrl;
}

llm::EndpointConfig endpointConfig(const BackendOptions& options) {
    llm::EndpointConfig config;
    config.baseUrl = primaryBaseUrl(options);
    config.apiKeyEnv = options.apiKeyEnv;
    config.maxConcurrent = std::max(4, options.concurrency * 2);
    if (options.totalTimeoutMs > 0)
        config.totalTimeoutMs = options.totalTimeoutMs;
    if (options.idleTimeoutMs > 0)
        config.idleTimeoutMs = options.idleTimeoutMs;
    if (options.firstTokenTimeoutMs > 0)
        config.firstTokenTimeoutMs = options.firstTokenTimeoutMs;
    if (options.maxReplyBytes > 0)
        config.maxReplyBytes = options.maxReplyBytes;
    return config;
}

Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const BackendOptions& options) {
    return makeBackend(name, &store, options);
}

Result<BackendChoice> makeBackend(const std::string& name, ProjectStore* store,
                                  const BackendOptions& options) {
    BackendChoice choice;
    if (name == "offline") {
        OfflineOptions offline;
        offline.tokensPerSecond = options.offlineTokensPerSecond;
        choice.backend = std::make_shared<OfflineBackend>(offline);
        choice.offline = true;
        return choice;
    }
    if (name == "openai" && !options.endpoints.empty()) {
        llm::PoolOptions poolOptions;
        const llm::EndpointConfig config = endpointConfig(options);
        poolOptions.defaultMaxInFlight = config.maxConcurrent;
        poolOptions.model = options.model;
        auto pool = std::make_shared<llm::EndpointPool>(options.endpoints, config, poolOptions);
        choice.pool = pool;
        if (!store) {
            choice.backend = std::move(pool);
            return choice;
        }
        auto cached = std::make_shared<llm::CachingBackend>(pool, ResponseCache(*store), "openai",
                                                            llm::CacheMode::ReadWrite);
        cached->setEndpoint(kReplicasEndpoint, options.sharedCache);
        choice.backend = std::move(cached);
        return choice;
    }
    if (name == "openai") {
        if (options.baseUrl.empty())
            return Error{"--backend openai needs --base-url (e.g. http://127.0.0.1:8000/v1)"};
        auto url = llm::checkBaseUrl(options.baseUrl);
        if (!url)
            return url.error();
        llm::EndpointConfig config = endpointConfig(options);
        config.baseUrl = *url;
        auto inner = std::make_shared<llm::OpenAiBackend>(config);
        if (!store) {
            choice.backend = std::move(inner);
            return choice;
        }
        auto cached = std::make_shared<llm::CachingBackend>(inner, ResponseCache(*store), "openai",
                                                            llm::CacheMode::ReadWrite);
        cached->setEndpoint(llm::normalizeBaseUrl(*url), options.sharedCache);
        choice.backend = std::move(cached);
        return choice;
    }
    if (name == "replay") {
        if (!store)
            return Error{"--backend replay answers from a project's response cache: give "
                         "--project"};
        auto cached =
            std::make_shared<llm::CachingBackend>(nullptr, ResponseCache(*store), "openai",
                                                  llm::CacheMode::ReplayOnly, options.replaySpeed);
        // With the run's endpoint: that endpoint's answers; without: any endpoint's.
        if (!options.endpoints.empty())
            cached->setEndpoint(kReplicasEndpoint, options.sharedCache);
        else if (!options.baseUrl.empty())
            cached->setEndpoint(llm::normalizeBaseUrl(llm::redactUrl(options.baseUrl)),
                                options.sharedCache);
        choice.backend = std::move(cached);
        return choice;
    }
    if (name == "batch") {
        if (!store)
            return Error{"--backend batch keeps its rounds in a project: give --project"};
        // Answers from the cache (a batch engine's, or any endpoint's to the same request);
        // the rest waits for the next round.
        // Every answer is known at once (the cache's, or deferral): delivered on the user's own
        // thread, no hand-off per request.
        auto deferring = std::make_shared<llm::DeferringBackend>(true);
        // A pass only reads answers stored before it: each worker looks them up on a read-only
        // connection of its own, not behind the lock of the groups of users being stored.
        ResponseCache cache(*store);
        if (auto readers = ProjectReaders::open(
                store->path(), static_cast<std::size_t>(std::max(1, options.concurrency))))
            cache.readOn(std::move(*readers));
        cache.readRecentFirst(options.recentAnswers);
        auto cached = std::make_shared<llm::CachingBackend>(deferring, std::move(cache), "openai",
                                                            llm::CacheMode::ReadWrite);
        cached->setEndpoint(kBatchEndpoint, true);
        cached->setDeliverInline(true);
        choice.deferred = std::move(deferring);
        choice.backend = std::move(cached);
        return choice;
    }
    return Error{"unknown backend \"" + name + "\" (use offline, openai, replay or batch)"};
}

Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const std::string& baseUrl, const std::string& apiKeyEnv,
                                  int concurrency, double replaySpeed) {
    BackendOptions options;
    options.baseUrl = baseUrl;
    options.apiKeyEnv = apiKeyEnv;
    options.concurrency = concurrency;
    options.replaySpeed = replaySpeed;
    return makeBackend(name, store, options);
}

} // namespace r2p::engine
