#include "EndpointPool.h"

#include "model/Utf8.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <random>
#include <thread>

namespace r2p::llm {

namespace {

using Clock = std::chrono::steady_clock;

std::string trimSpaces(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    return std::string(s);
}

std::string formatWeight(double w) {
    std::string s = std::to_string(w);
    while (!s.empty() && s.back() == '0')
        s.pop_back();
    if (!s.empty() && s.back() == '.')
        s.pop_back();
    return s;
}

} // namespace

Result<PoolEndpoint> parseEndpointSpec(std::string_view spec) {
    const std::string shown = clipUtf8(redactUrl(spec), 200);
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
        const auto comma = spec.find(',', start);
        parts.push_back(trimSpaces(spec.substr(start, comma - start)));
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    auto url = checkBaseUrl(parts.front());
    if (!url)
        return Error{"--endpoint " + shown + ": " + url.error().message};
    PoolEndpoint e;
    e.baseUrl = *url;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string& p = parts[i];
        const auto eq = p.find('=');
        const std::string key = p.substr(0, eq);
        const std::string value = eq == std::string::npos ? std::string() : p.substr(eq + 1);
        char* end = nullptr;
        if (key == "max") {
            const long n = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end || n < 1 || n > 1024)
                return Error{"--endpoint " + shown + ": max takes a number from 1 to 1024"};
            e.maxInFlight = static_cast<int>(n);
        } else if (key == "weight") {
            const double w = std::strtod(value.c_str(), &end);
            if (value.empty() || *end || !std::isfinite(w) || w <= 0 || w > 1000)
                return Error{"--endpoint " + shown +
                             ": weight takes a number above 0 and at most 1000"};
            e.weight = w;
        } else if (key == "models") {
            std::size_t from = 0;
            for (;;) {
                const auto bar = value.find('|', from);
                std::string m = trimSpaces(std::string_view(value).substr(from, bar - from));
                if (m.empty() || !isValidUtf8(m))
                    return Error{"--endpoint " + shown +
                                 ": models takes model names separated by |"};
                if (std::find(e.models.begin(), e.models.end(), m) == e.models.end())
                    e.models.push_back(std::move(m));
                if (bar == std::string::npos)
                    break;
                from = bar + 1;
            }
        } else {
            return Error{"--endpoint " + shown + ": unknown option \"" + clipUtf8(key, 40) +
                         "\" (use max=N, weight=W and models=A|B)"};
        }
    }
    return e;
}

std::string endpointSpecText(const PoolEndpoint& endpoint) {
    std::string s = endpoint.baseUrl;
    if (endpoint.maxInFlight > 0)
        s += ",max=" + std::to_string(endpoint.maxInFlight);
    if (endpoint.weight != 1)
        s += ",weight=" + formatWeight(endpoint.weight);
    for (std::size_t i = 0; i < endpoint.models.size(); ++i)
        s += (i == 0 ? ",models=" : "|") + endpoint.models[i];
    return s;
}

namespace {

bool servesModel(const PoolEndpoint& e, std::string_view model) {
    return e.models.empty() || model.empty() ||
           std::find(e.models.begin(), e.models.end(), model) != e.models.end();
}

std::string quotedList(const std::vector<std::string>& names, std::size_t max = 5) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < max; ++i)
        out += (i ? ", \"" : "\"") + clipUtf8(names[i], 80) + "\"";
    if (names.size() > max)
        out += ", …";
    return out;
}

} // namespace

Status checkEndpointModels(std::vector<PoolEndpoint>& endpoints, const EndpointConfig& base,
                           const std::vector<std::string>& models,
                           std::vector<std::string>* unreachable) {
    std::vector<bool> reached(endpoints.size(), false);
    std::vector<std::string> idle; // endpoints that serve none of the models
    for (std::size_t i = 0; i < endpoints.size(); ++i) {
        PoolEndpoint& e = endpoints[i];
        EndpointConfig config = base;
        config.baseUrl = e.baseUrl;
        auto served = fetchModels(config, 10000);
        if (!served) {
            if (unreachable)
                unreachable->push_back(e.baseUrl + ": " + served.error().message);
            continue;
        }
        reached[i] = true;
        auto isServed = [&](const std::string& m) {
            return std::find(served->begin(), served->end(), m) != served->end();
        };
        const std::string servedText =
            served->empty() ? std::string("no model") : quotedList(*served);
        for (const auto& named : e.models)
            if (!isServed(named))
                return Error{"endpoint " + e.baseUrl + " is given models=" + clipUtf8(named, 80) +
                             " but does not serve it (it serves " + servedText + ")"};
        std::vector<std::string> mine;
        for (const auto& m : models)
            if (isServed(m) && (e.models.empty() || servesModel(e, m)))
                mine.push_back(m);
        if (mine.empty())
            idle.push_back("endpoint " + e.baseUrl + " serves none of the run's models (" +
                           quotedList(models) + "; it serves " + servedText + ")");
        e.models = std::move(mine);
    }
    for (const auto& m : models) {
        bool somewhere = false;
        for (std::size_t i = 0; i < endpoints.size() && !somewhere; ++i)
            somewhere = reached[i]
                            ? std::find(endpoints[i].models.begin(), endpoints[i].models.end(),
                                        m) != endpoints[i].models.end()
                            : servesModel(endpoints[i], m);
        if (!somewhere)
            return Error{"no endpoint serves the model \"" + clipUtf8(m, 120) +
                         "\" (give an --endpoint that serves it)"};
    }
    if (!idle.empty())
        return Error{idle.front()};
    return Ok{};
}

Status checkEndpointModels(const std::vector<PoolEndpoint>& endpoints, const EndpointConfig& base,
                           const std::string& model, std::vector<std::string>* unreachable) {
    std::vector<PoolEndpoint> copy = endpoints;
    return checkEndpointModels(copy, base, std::vector<std::string>{model}, unreachable);
}

struct EndpointPool::Impl {
    struct Endpoint {
        PoolEndpoint spec;
        std::unique_ptr<OpenAiBackend> backend;
        int max = 1;
        int inFlight = 0;
        bool up = true;
        int consecutiveFailures = 0;
        Clock::time_point pausedUntil{}; // a 429's Retry-After
        Clock::time_point nextProbe{};
        long probeDelayMs = 0;
        EndpointStats stats;
    };

    struct Request {
        RequestId id = 0;
        GenerationRequest request;
        DeltaHandler onDelta;
        DoneHandler onDone;
        Clock::time_point submitted, retryAt;
        int attempts = 0;
        int endpoint = -1;   // where the current attempt runs
        int lastFailed = -1; // where the previous attempt failed
        RequestId innerId = 0;
        bool cancelled = false;
        // The text passed to the caller so far, and how much of it the current attempt has
        // repeated: a retry passes on only what goes past it. Guarded by streamMutex.
        std::mutex streamMutex;
        std::string sentReasoning, sentAnswer;
        std::size_t seenReasoning = 0, seenAnswer = 0;
        int streamAttempt = 0;
    };

    Impl(std::vector<PoolEndpoint> specs, EndpointConfig base, PoolOptions o)
        : options(std::move(o)), baseConfig(std::move(base)) {
        for (auto& spec : specs) {
            auto e = std::make_unique<Endpoint>();
            e->max =
                spec.maxInFlight > 0 ? spec.maxInFlight : std::max(1, options.defaultMaxInFlight);
            EndpointConfig config = baseConfig;
            config.baseUrl = spec.baseUrl;
            config.maxConcurrent = e->max;
            config.maxAttempts = 1; // the pool retries, on another endpoint where it can
            e->backend = std::make_unique<OpenAiBackend>(config);
            e->stats.endpoint = normalizeBaseUrl(spec.baseUrl);
            e->spec = std::move(spec);
            endpoints.push_back(std::move(e));
        }
        rng.seed(static_cast<std::uint64_t>(Clock::now().time_since_epoch().count()));
        dispatcher = std::thread([this] { dispatchLoop(); });
        prober = std::thread([this] { probeLoop(); });
    }

    ~Impl() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            cancelEverything();
        }
        wake.notify_all();
        dispatcher.join();
        prober.join();
        // The endpoints' backends end their transfers (cancelled) while the pool still exists.
        for (auto& e : endpoints)
            e->backend.reset();
        std::unique_lock lock(mutex);
        auto done = takeFinished();
        lock.unlock();
        deliver(std::move(done));
    }

    PoolOptions options;
    EndpointConfig baseConfig;
    std::vector<std::unique_ptr<Endpoint>> endpoints;
    mutable std::mutex mutex;
    std::condition_variable wake;
    std::deque<std::shared_ptr<Request>> pending;                            // guarded by mutex
    std::map<RequestId, std::shared_ptr<Request>> inFlight;                  // guarded by mutex
    std::vector<std::pair<std::shared_ptr<Request>, BackendError>> finished; // guarded by mutex
    bool stopping = false;                                                   // guarded by mutex
    std::atomic<RequestId> nextId{1};
    std::mt19937_64 rng; // guarded by mutex
    std::thread dispatcher, prober;

    // ---- choosing an endpoint (mutex held) ------------------------------------------------
    int choose(const Request& r, Clock::time_point now) const {
        int best = -1;
        double bestLoad = 0;
        bool anyUp = false;
        for (std::size_t i = 0; i < endpoints.size(); ++i)
            anyUp = anyUp || (endpoints[i]->up && servesModel(endpoints[i]->spec, r.request.model));
        for (int pass = 0; pass < 2 && best < 0; ++pass) {
            // First pass: anywhere but where the request just failed; second: there too.
            for (std::size_t i = 0; i < endpoints.size(); ++i) {
                const Endpoint& e = *endpoints[i];
                if (pass == 0 && static_cast<int>(i) == r.lastFailed && endpoints.size() > 1)
                    continue;
                if (!servesModel(e.spec, r.request.model))
                    continue;
                // With every endpoint out, the request still tries one (its attempts are
                // bounded), as a single endpoint would be retried.
                if ((anyUp && !e.up) || e.inFlight >= e.max || e.pausedUntil > now)
                    continue;
                const double load = (e.inFlight + 1) / e.spec.weight;
                if (best < 0 || load < bestLoad) {
                    best = static_cast<int>(i);
                    bestLoad = load;
                }
            }
        }
        return best;
    }

    // ---- the dispatcher -------------------------------------------------------------------
    void dispatchLoop() {
        std::unique_lock lock(mutex);
        for (;;) {
            if (!finished.empty()) {
                auto done = takeFinished();
                lock.unlock();
                deliver(std::move(done));
                lock.lock();
                continue;
            }
            if (stopping && pending.empty())
                return;
            const auto now = Clock::now();
            Clock::time_point nextDue = now + std::chrono::seconds(1);
            for (auto it = pending.begin(); it != pending.end();) {
                Request& r = **it;
                if (r.retryAt > now) {
                    nextDue = std::min(nextDue, r.retryAt);
                    ++it;
                    continue;
                }
                const int e = choose(r, now);
                if (e < 0) {
                    // Full (or paused): a slot frees with a finished request, which wakes us.
                    for (const auto& ep : endpoints)
                        if (ep->pausedUntil > now)
                            nextDue = std::min(nextDue, ep->pausedUntil);
                    break;
                }
                auto req = std::move(*it);
                it = pending.erase(it);
                start(std::move(req), e);
            }
            wake.wait_until(lock, nextDue);
        }
    }

    std::vector<std::pair<std::shared_ptr<Request>, BackendError>> takeFinished() {
        std::vector<std::pair<std::shared_ptr<Request>, BackendError>> out;
        out.swap(finished);
        return out;
    }

    static void deliver(std::vector<std::pair<std::shared_ptr<Request>, BackendError>> done) {
        for (auto& [r, error] : done)
            if (r->onDone)
                r->onDone(GenerationOutcome(std::move(error)));
    }

    void start(std::shared_ptr<Request> r, int index) {
        Endpoint& e = *endpoints[static_cast<std::size_t>(index)];
        ++e.inFlight;
        ++e.stats.requests;
        ++r->attempts;
        r->endpoint = index;
        const int attempt = r->attempts;
        DeltaHandler onDelta = [r, attempt](std::string_view reasoning, std::string_view answer) {
            passOn(*r, attempt, reasoning, answer);
        };
        DoneHandler onDone = [this, r, index](GenerationOutcome&& outcome) {
            attemptDone(r, index, std::move(outcome));
        };
        inFlight[r->id] = r;
        r->innerId = e.backend->submit(r->request, std::move(onDelta), std::move(onDone));
    }

    // Passes an attempt's text on, skipping what earlier attempts already passed on.
    static void passOn(Request& r, int attempt, std::string_view reasoning,
                       std::string_view answer) {
        std::lock_guard lock(r.streamMutex);
        if (attempt != r.streamAttempt) {
            r.streamAttempt = attempt;
            r.seenReasoning = r.seenAnswer = 0;
        }
        auto fresh = [](std::string_view in, std::size_t& seen, std::string& sent) {
            if (seen < sent.size()) {
                const std::size_t skip = std::min(in.size(), sent.size() - seen);
                seen += skip;
                in.remove_prefix(skip);
            }
            sent.append(in);
            seen += in.size();
            return in;
        };
        const std::string_view newReasoning = fresh(reasoning, r.seenReasoning, r.sentReasoning);
        const std::string_view newAnswer = fresh(answer, r.seenAnswer, r.sentAnswer);
        if ((!newReasoning.empty() || !newAnswer.empty()) && r.onDelta)
            r.onDelta(newReasoning, newAnswer);
    }

    void attemptDone(const std::shared_ptr<Request>& r, int index, GenerationOutcome&& outcome) {
        std::unique_lock lock(mutex);
        Endpoint& e = *endpoints[static_cast<std::size_t>(index)];
        --e.inFlight;
        inFlight.erase(r->id);
        if (auto* result = std::get_if<GenerationResult>(&outcome)) {
            ++e.stats.succeeded;
            e.consecutiveFailures = 0;
            e.up = true; // it answered (a request tries an endpoint taken out when all are)
            if (result->usage) {
                e.stats.promptTokens += result->usage->promptTokens;
                e.stats.completionTokens += result->usage->completionTokens;
            }
            result->attempts = r->attempts;
            result->totalMs =
                std::chrono::duration<double, std::milli>(Clock::now() - r->submitted).count();
            lock.unlock();
            wake.notify_all();
            if (r->onDone)
                r->onDone(std::move(outcome));
            return;
        }
        auto& error = std::get<BackendError>(outcome);
        error.attempts = r->attempts;
        if (error.kind != ErrorKind::Cancelled)
            noteFailure(e, error);
        if (!r->cancelled && !stopping && error.transient && retry(*r, index, error)) {
            pending.push_front(r);
            lock.unlock();
            wake.notify_all();
            return;
        }
        lock.unlock();
        wake.notify_all();
        if (r->onDone)
            r->onDone(std::move(outcome));
    }

    // Counts a failed attempt against its endpoint; takes the endpoint out when it looks down.
    void noteFailure(Endpoint& e, const BackendError& error) {
        ++e.stats.failures;
        e.stats.lastError = clipUtf8(error.message(), 300);
        if (!error.transient)
            return; // the request was at fault, not the endpoint
        if (error.kind == ErrorKind::Http && error.httpStatus == 429) {
            const double seconds = error.retryAfterSeconds.value_or(1.0);
            e.pausedUntil = Clock::now() + std::chrono::milliseconds(static_cast<long long>(
                                               std::clamp(seconds, 0.0, 600.0) * 1000));
            return;
        }
        ++e.consecutiveFailures;
        const bool down = error.kind == ErrorKind::Connect ||
                          (error.kind == ErrorKind::Http && error.httpStatus == 503) ||
                          e.consecutiveFailures >= std::max(1, options.failuresToTakeOut);
        if (down && e.up)
            takeOut(e);
    }

    void takeOut(Endpoint& e) {
        e.up = false;
        ++e.stats.takenOut;
        e.probeDelayMs = std::max(1L, options.probeBaseMs);
        e.nextProbe = Clock::now() + std::chrono::milliseconds(e.probeDelayMs);
    }

    // Schedules another attempt; false when the request has had its attempts or its time.
    bool retry(Request& r, int failedAt, const BackendError& error) {
        if (r.attempts >= std::max(1, options.maxAttempts))
            return false;
        r.lastFailed = failedAt;
        bool elsewhere = false;
        for (std::size_t i = 0; i < endpoints.size(); ++i)
            elsewhere = elsewhere || (static_cast<int>(i) != failedAt && endpoints[i]->up);
        double delayMs = 0;
        if (!elsewhere) {
            if (error.retryAfterSeconds) {
                delayMs = *error.retryAfterSeconds * 1000.0;
            } else {
                const double exp =
                    double(options.backoffBaseMs) * std::pow(2.0, std::max(0, r.attempts - 1));
                std::uniform_real_distribution<double> jitter(0.5, 1.0);
                delayMs = std::min(double(options.backoffMaxMs), exp) * jitter(rng);
            }
        }
        const double spentMs =
            std::chrono::duration<double, std::milli>(Clock::now() - r.submitted).count();
        if (spentMs + delayMs > double(baseConfig.totalTimeoutMs))
            return false;
        r.retryAt = Clock::now() + std::chrono::milliseconds(static_cast<long long>(delayMs));
        return true;
    }

    // ---- probing endpoints taken out ------------------------------------------------------
    void probeLoop() {
        std::unique_lock lock(mutex);
        while (!stopping) {
            const auto now = Clock::now();
            Endpoint* due = nullptr;
            Clock::time_point next = now + std::chrono::seconds(1);
            for (auto& e : endpoints) {
                if (e->up)
                    continue;
                if (e->nextProbe <= now && !due)
                    due = e.get();
                else
                    next = std::min(next, e->nextProbe);
            }
            if (!due) {
                wake.wait_until(lock, next);
                continue;
            }
            EndpointConfig config = baseConfig;
            config.baseUrl = due->spec.baseUrl;
            lock.unlock();
            auto models = fetchModels(config, 3000);
            auto lists = [&](const std::string& m) {
                return std::find(models->begin(), models->end(), m) != models->end();
            };
            // Healthy: it answers with a model it is there for.
            const bool healthy =
                models && (due->spec.models.empty() ? options.model.empty() || lists(options.model)
                                                    : std::any_of(due->spec.models.begin(),
                                                                  due->spec.models.end(), lists));
            lock.lock();
            if (healthy) {
                due->up = true;
                due->consecutiveFailures = 0;
                due->pausedUntil = {};
                wake.notify_all();
            } else {
                due->probeDelayMs =
                    std::min(std::max(1L, options.probeMaxMs), due->probeDelayMs * 2);
                due->nextProbe = Clock::now() + std::chrono::milliseconds(due->probeDelayMs);
            }
        }
    }

    // ---- cancelling (mutex held) ----------------------------------------------------------
    void cancelRequest(const std::shared_ptr<Request>& r) {
        r->cancelled = true;
        if (r->endpoint >= 0 && inFlight.count(r->id))
            endpoints[static_cast<std::size_t>(r->endpoint)]->backend->cancel(r->innerId);
    }

    void finishPending(std::deque<std::shared_ptr<Request>>::iterator it) {
        BackendError e{ErrorKind::Cancelled, (*it)->request.label, 0, {}, {}};
        e.attempts = std::max(1, (*it)->attempts);
        finished.emplace_back(*it, std::move(e));
        pending.erase(it);
    }

    void cancelEverything() {
        while (!pending.empty())
            finishPending(pending.begin());
        for (auto& [id, r] : inFlight)
            cancelRequest(r);
    }
};

EndpointPool::EndpointPool(std::vector<PoolEndpoint> endpoints, EndpointConfig base,
                           PoolOptions options)
    : impl_(std::make_unique<Impl>(std::move(endpoints), std::move(base), std::move(options))) {}

EndpointPool::~EndpointPool() = default;

RequestId EndpointPool::submit(GenerationRequest request, DeltaHandler onDelta,
                               DoneHandler onDone) {
    auto r = std::make_shared<Impl::Request>();
    r->id = impl_->nextId++;
    r->request = std::move(request);
    r->onDelta = std::move(onDelta);
    r->onDone = std::move(onDone);
    r->submitted = r->retryAt = Clock::now();
    const RequestId id = r->id;
    {
        std::lock_guard lock(impl_->mutex);
        const bool served =
            std::any_of(impl_->endpoints.begin(), impl_->endpoints.end(),
                        [&](const auto& e) { return servesModel(e->spec, r->request.model); });
        if (impl_->endpoints.empty()) {
            impl_->finished.emplace_back(
                r, BackendError{ErrorKind::Config, r->request.label, 0, {}, "no endpoint given"});
        } else if (!served) {
            impl_->finished.emplace_back(r,
                                         BackendError{ErrorKind::Config,
                                                      r->request.label,
                                                      0,
                                                      {},
                                                      "no endpoint serves the model \"" +
                                                          clipUtf8(r->request.model, 120) + "\""});
        } else {
            impl_->pending.push_back(std::move(r));
        }
    }
    impl_->wake.notify_all();
    return id;
}

void EndpointPool::cancel(RequestId id) {
    {
        std::lock_guard lock(impl_->mutex);
        auto& pending = impl_->pending;
        auto it = std::find_if(pending.begin(), pending.end(),
                               [id](const auto& r) { return r->id == id; });
        if (it != pending.end())
            impl_->finishPending(it);
        else if (auto f = impl_->inFlight.find(id); f != impl_->inFlight.end())
            impl_->cancelRequest(f->second);
    }
    impl_->wake.notify_all();
}

void EndpointPool::cancelAll() {
    {
        std::lock_guard lock(impl_->mutex);
        impl_->cancelEverything();
    }
    impl_->wake.notify_all();
}

std::vector<EndpointStats> EndpointPool::stats() const {
    std::lock_guard lock(impl_->mutex);
    std::vector<EndpointStats> out;
    for (const auto& e : impl_->endpoints) {
        EndpointStats s = e->stats;
        s.healthy = e->up;
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<PoolEndpoint> EndpointPool::endpoints() const {
    std::vector<PoolEndpoint> out;
    for (const auto& e : impl_->endpoints)
        out.push_back(e->spec);
    return out;
}

} // namespace r2p::llm
