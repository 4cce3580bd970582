// The LLM backend by the name a run records ("offline", "openai", "replay"): shared by r2p run,
// the CLI's analysis commands and the GUI's Analysis dock so all build it the same way.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "pipeline/llm/Backend.h"
#include "pipeline/llm/BatchRound.h"
#include "pipeline/llm/EndpointPool.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace r2p {
class RecentAnswers; // model/ResponseCache.h
}

namespace r2p::engine {

struct BackendChoice {
    std::shared_ptr<llm::Backend> backend;
    bool offline = false;
    // Set when the run spreads over several endpoints (--endpoint): their health and counts.
    std::shared_ptr<llm::EndpointPool> pool;
    // Set for --backend batch: the requests the next round must hold.
    std::shared_ptr<llm::DeferringBackend> deferred;
};

// How the openai (and replay) backend is set up; zero keeps the backend's default.
struct BackendOptions {
    std::string baseUrl;
    // --endpoint, repeated: replicas of one model, used instead of baseUrl when given. The
    // response cache treats them as one endpoint ("replicas"), so any set of replicas of the
    // model finds the answers another set stored.
    std::vector<llm::PoolEndpoint> endpoints;
    std::string model; // the endpoints must serve it (probes check); "" skips the check
    std::string apiKeyEnv;
    int concurrency = 4;
    double replaySpeed = 0;
    bool sharedCache = false; // --cache-scope shared: answers of any endpoint are reused
    long totalTimeoutMs = 0;  // per request, retries included
    long idleTimeoutMs = 0;   // silence between bytes once the answer streams
    long firstTokenTimeoutMs = 0;
    std::size_t maxReplyBytes = 0;
    double offlineTokensPerSecond = 0; // the offline reasoner's streaming pace (0: at once)
    // batch: answers a batch ingest just stored, found without a lookup (ResponseCache).
    std::shared_ptr<const RecentAnswers> recentAnswers;
};

// The response cache's name for answers a batch engine gave (r2p batch ingest).
inline constexpr const char* kBatchEndpoint = "batch";
// The response cache's name for the endpoints of a run made over --endpoint replicas.
inline constexpr const char* kReplicasEndpoint = "replicas";

// The first endpoint: baseUrl, or the first of `endpoints` (for probes that ask one server).
std::string primaryBaseUrl(const BackendOptions& options);

// The HTTP client's settings from these options (defaults where they are zero).
llm::EndpointConfig endpointConfig(const BackendOptions& options);

// openai goes through the project's response cache (read and write), keyed by the endpoint;
// replay answers from the cache only. An Error names an unknown backend, a missing --base-url
// or one that cannot be used (credentials in it, a scheme other than http/https).
Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const BackendOptions& options);
// The same where there may be no project (`store` nullptr): openai then talks to the server
// without the response cache, and replay is an error.
Result<BackendChoice> makeBackend(const std::string& name, ProjectStore* store,
                                  const BackendOptions& options);
Result<BackendChoice> makeBackend(const std::string& name, ProjectStore& store,
                                  const std::string& baseUrl, const std::string& apiKeyEnv,
                                  int concurrency, double replaySpeed);

} // namespace r2p::engine
