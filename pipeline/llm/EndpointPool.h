// Several OpenAI-compatible endpoints serving one model (vLLM or SGLang replicas, llama.cpp
// servers) as one backend. Requests go to the endpoint with the most free capacity for its
// weight; an endpoint that fails (connection refused, 503 "loading", repeated 5xx or timeouts)
// is taken out, probed with backoff on GET /models and put back once it answers with the model.
// A request whose endpoint failed is retried elsewhere; when text had already streamed, the
// retry's text is passed on only past what the caller already has, so a deterministic server's
// retry reads as one uninterrupted stream.
#pragma once

#include "Backend.h"
#include "OpenAiBackend.h"
#include "model/Result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::llm {

struct PoolEndpoint {
    std::string baseUrl;
    int maxInFlight = 0; // 0: the pool's default
    double weight = 1;
    // The models it serves, so that a run whose systems name different models (--system-model,
    // --judge-model) sends each request to an endpoint serving its model. Given as
    // models=A|B, or learned from GET /models by the startup check; empty: any model.
    std::vector<std::string> models;
};

// "URL[,max=N][,weight=W][,models=A|B]" as --endpoint takes it; the URL checked as --base-url
// is.
Result<PoolEndpoint> parseEndpointSpec(std::string_view spec);
// The same written back ("http://a:8000/v1,max=32,weight=2"; defaults left out).
std::string endpointSpecText(const PoolEndpoint& endpoint);

struct EndpointStats {
    std::string endpoint;          // the normalized base URL
    std::uint64_t requests = 0;    // attempts sent to it
    std::uint64_t succeeded = 0;   // attempts that brought a complete answer
    std::uint64_t failures = 0;    // attempts that failed (moved elsewhere or given up)
    std::int64_t promptTokens = 0; // from the usage of its answers
    std::int64_t completionTokens = 0;
    int takenOut = 0;      // times it was taken out of the pool
    bool healthy = true;   // in the pool right now
    std::string lastError; // the most recent failure, for the user
};

struct PoolOptions {
    int defaultMaxInFlight = 16;
    int maxAttempts = 4;       // per request, over every endpoint
    int failuresToTakeOut = 3; // consecutive 5xx, timeouts or cut streams
    long probeBaseMs = 250;    // the first probe of an endpoint taken out; doubles up to probeMaxMs
    long probeMaxMs = 15000;
    long backoffBaseMs = 500; // before a retry on the endpoint that just failed (the only one)
    long backoffMaxMs = 30000;
    std::string model; // probes require it among the endpoint's models (empty: any answer)
};

class EndpointPool : public Backend {
public:
    // `base` holds what every endpoint shares (key variable, timeouts, reply limit); its base
    // URL and concurrency are replaced by each endpoint's.
    EndpointPool(std::vector<PoolEndpoint> endpoints, EndpointConfig base, PoolOptions options);
    ~EndpointPool() override;
    EndpointPool(const EndpointPool&) = delete;
    EndpointPool& operator=(const EndpointPool&) = delete;

    std::string name() const override { return "openai"; }
    RequestId submit(GenerationRequest request, DeltaHandler onDelta, DoneHandler onDone) override;
    void cancel(RequestId id) override;
    void cancelAll() override;

    // In the order the endpoints were given.
    std::vector<EndpointStats> stats() const;
    std::vector<PoolEndpoint> endpoints() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The startup check of a run whose requests name `models` (its model, each system's own, the
// judge's): each endpoint must serve at least one of them (on GET /models), and each of them
// must be served by an endpoint. What each endpoint serves of them goes into its `models`
// (models=... given in the spec must all be served), so the pool routes by model. An endpoint
// that cannot be reached is reported in `unreachable` (the pool starts it taken out); a model
// only such endpoints could serve is an error unless one of them named it or names nothing.
Status checkEndpointModels(std::vector<PoolEndpoint>& endpoints, const EndpointConfig& base,
                           const std::vector<std::string>& models,
                           std::vector<std::string>* unreachable);

// The startup check: every endpoint lists `model` on GET /models. An endpoint serving other
// models is an error naming it and what it serves; one that cannot be reached is reported in
// `unreachable` (the pool starts it taken out and probes it).
Status checkEndpointModels(const std::vector<PoolEndpoint>& endpoints, const EndpointConfig& base,
                           const std::string& model, std::vector<std::string>* unreachable);

} // namespace r2p::llm
