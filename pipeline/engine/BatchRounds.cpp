#include "BatchRounds.h"

#include "Batch.h"
#include "RunService.h"
#include "model/ProjectReaders.h"
#include "model/ResponseCache.h"
#include "model/StepTextCodec.h"
#include "model/Utf8.h"
#include "pipeline/llm/BatchRound.h"
#include "pipeline/llm/CachingBackend.h"
#include "pipeline/util/WorkerPool.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <thread>
#include <unordered_set>

namespace r2p::engine {

namespace {

// The response cache's keys of a batch request's answer (what the online path stores it under,
// and the key a lookup shared by every endpoint uses).
void setCacheKeys(BatchRequest& r) {
    r.cacheKey = ResponseCache::endpointKey("openai", kBatchEndpoint, r.model, r.onlineBody);
    r.sharedKey = ResponseCache::key("openai", r.model, r.onlineBody);
}

// Runs `each(i)` for i in [from, to) on the pool, a slice per job.
Status forEachIndex(util::WorkerPool& pool, std::size_t from, std::size_t to,
                    const std::function<void(std::size_t)>& each) {
    constexpr std::size_t kSlice = 64;
    const std::size_t jobs = (to - from + kSlice - 1) / kSlice;
    const auto report = pool.run(jobs, [&](std::size_t job, std::size_t) {
        for (std::size_t i = from + job * kSlice; i < std::min(to, from + (job + 1) * kSlice); ++i)
            each(i);
    });
    if (report.failedJob)
        return Error{report.failure};
    return Ok{};
}

// The round's custom ids (a hash of each body), its answers' cache keys and compressed bodies
// are made on a pool: on the main thread they were most of a 100,000-request prepare. `next`
// gets each request once; the keys and compressed bodies are made a chunk at a time as the
// chunk is stored, and let go once it is.
Status storeNextRound(RunStore& runs, std::int64_t runId, std::vector<BatchRequest> collected,
                      std::vector<BatchRequest>& next) {
    util::WorkerPool pool(std::max(1U, std::min(4U, std::thread::hardware_concurrency())));
    if (auto s = forEachIndex(pool, 0, collected.size(),
                              [&](std::size_t i) {
                                  BatchRequest& r = collected[i];
                                  r.customId = llm::batchCustomId(runId, r.label, r.onlineBody);
                              });
        !s)
        return s;
    std::unordered_set<std::string> ids; // the same request asked twice goes out once
    ids.reserve(collected.size());
    for (auto& r : collected)
        if (ids.insert(r.customId).second)
            next.push_back(std::move(r));
    collected = {};
    ids = {};
    return runs.replaceBatchRequests(
        runId, next, [&](std::vector<BatchRequest>& rs, std::size_t from, std::size_t to) {
            return forEachIndex(pool, from, to, [&](std::size_t i) {
                setCacheKeys(rs[i]); // made a chunk at a time: written, they are let go
                steptext::Stored body = steptext::encode(rs[i].onlineBody);
                body.bytes.shrink_to_fit(); // made in a buffer of the body's size
                rs[i].storedBody = std::move(body);
            });
        });
}

} // namespace

Result<RoundOutcome> advanceBatchRun(ProjectStore& store, const RunInfo& run,
                                     const DatasetIndex& index, int concurrency,
                                     std::shared_ptr<const RecentAnswers> recent) {
    const std::string name = "run " + std::to_string(run.id);
    if (run.backend != "batch")
        return Error{name + " uses the " + run.backend +
                     " backend, not batch: batch rounds are for runs made with --backend batch"};
    StoredRunOverrides overrides;
    overrides.backend = "batch";
    overrides.concurrency = concurrency;
    overrides.recentAnswers = std::move(recent);
    auto prepared = RunService(store).prepareStored(run, overrides);
    if (!prepared)
        return Error{name + ": " + prepared.error().message};
    auto deferred = prepared->backend.deferred;
    if (!deferred)
        return Error{name + ": the batch backend could not be set up"};

    BatchSpec spec;
    spec.systems = run.systems;
    spec.concurrency = concurrency;
    // Every answer a user can use is in the cache: users are stored in groups (a killed pass
    // loses at most the unsaved group, advanced again next time with no request). Groups of
    // 1,024: at 256 every commit wrote most of run_texts' index again (its keys are hashes);
    // at 2,048 the 100k ingest wrote a fifth less but held 370 MiB instead of 235.
    spec.storeEvery = 1024;
    std::map<std::string, std::size_t> byId;
    for (std::size_t i = 0; i < index.users.size(); ++i)
        byId.emplace(index.users[i].id, i);
    for (const auto& id : run.users) {
        const auto it = byId.find(id);
        if (it == byId.end())
            return Error{name + " covers user " + id + ", which " + run.questionsPath +
                         " no longer holds"};
        spec.users.push_back(it->second);
    }
    RunStore runs(store);
    BatchRunner runner(prepared->context, runs, run.id, index);
    auto result = runner.run(spec);
    if (!result)
        return Error{name + ": " + result.error().message};

    RoundOutcome out;
    out.usersStored = result->done - result->failed;
    out.usersFailed = result->failed;
    out.usersWaiting = result->waiting;
    out.usersSkipped = result->skipped;
    out.errors = result->errors;
    if (auto s = storeNextRound(runs, run.id, deferred->takeCollected(), out.next); !s)
        return s.error();
    if (out.next.empty() && out.usersWaiting == 0)
        if (auto s = runs.setRunStatus(run.id, RunStatus::Done); !s)
            return s.error();
    return out;
}

namespace {

// The answer of one usable output line, as the response cache keeps it under the request's keys;
// the request's bodies are moved into it.
Result<ResponseCache::Entry> cacheEntry(BatchRequest& request, const llm::BatchOutputLine& line) {
    auto result = llm::resultFromCompletionBody(
        line.body, static_cast<llm::ThinkSplitter::Start>(request.thinkStart));
    if (!result)
        return result.error();
    ResponseCache::Entry e;
    e.key = std::move(request.cacheKey);
    e.sharedKey = std::move(request.sharedKey);
    e.storedRequest = std::move(request.storedBody); // compressed already: stored as it is
    CachedResponse& c = e.response;
    c.backend = "openai";
    c.endpoint = kBatchEndpoint;
    c.model = request.model;
    c.request = std::move(request.onlineBody);
    c.reasoning = result->reasoning;
    c.answer = result->answer;
    c.finishReason = result->finishReason;
    c.usage = llm::usageJson(result->usage);
    c.deltas.push_back({0, result->reasoning, result->answer});
    e.deltas = ResponseCache::deltasJson(c); // here, on a worker: not on the thread that stores
    return e;
}

// One non-blank line of an output file on its way into the response cache. Lines are taken in
// chunks: parsed, looked up and judged on the worker threads (looked up here when there are no
// read-only connections for them), and stored here in line order.
struct IngestLine {
    std::size_t lineNo = 0;
    std::string text;
    Result<llm::BatchOutputLine> parsed = Error{""};
    Result<std::optional<BatchRequest>> request = std::optional<BatchRequest>{};
    std::optional<std::string> like;           // the round's request the unknown id stands in for
    std::optional<ResponseCache::Entry> entry; // set: store it
    std::string problem;                       // set (no entry): report it
    bool unknown = false;                      // the problem is an unknown custom_id
    bool judged = false;                       // entry or problem is set
};

// What a line whose request is known holds: its cache entry, or why it goes to the next round.
void judge(IngestLine& l, std::int64_t runId) {
    const llm::BatchOutputLine& line = *l.parsed;
    const std::string id = clipUtf8(line.customId, 80);
    if (!*l.request && l.like) {
        l.problem = "custom_id " + id +
                    " does not match the hash of its request body: the round asks " +
                    clipUtf8(*l.like, 80) +
                    " for this user, system and stage (an answer to an earlier request; "
                    "ignored)";
        l.unknown = true;
        return;
    }
    if (!*l.request) {
        l.unknown = true;
        l.problem =
            "custom_id " + id + " is not in run " + std::to_string(runId) + "'s round (ignored)";
        return;
    }
    BatchRequest& r = **l.request;
    if (r.cacheKey.empty()) { // a round stored before the keys were: made from its body
        if (!line.customId.ends_with("-" + llm::batchBodyHash(r.onlineBody))) {
            l.problem = "custom_id " + id + " does not match the hash of its stored request body";
            return;
        }
        setCacheKeys(r);
    }
    if (!line.error.empty() || line.statusCode != 200 || line.body.empty()) {
        l.problem = "custom_id " + id + ": " +
                    (!line.error.empty()      ? line.error
                     : line.statusCode != 200 ? "status " + std::to_string(line.statusCode)
                                              : std::string("no response body")) +
                    " (in the next round again)";
        return;
    }
    auto entry = cacheEntry(r, line);
    if (!entry) {
        l.problem = "custom_id " + id + ": " + entry.error().message + " (in the next round again)";
        return;
    }
    l.entry = std::move(*entry);
}

// Runs `each` over the chunk's lines on the pool, a slice per job.
Status forEachLine(util::WorkerPool& pool, std::vector<IngestLine>& chunk,
                   const std::function<void(IngestLine&)>& each) {
    constexpr std::size_t kSlice = 64;
    const std::size_t jobs = (chunk.size() + kSlice - 1) / kSlice;
    const auto report = pool.run(jobs, [&](std::size_t job, std::size_t) {
        for (std::size_t i = job * kSlice; i < std::min(chunk.size(), (job + 1) * kSlice); ++i)
            each(chunk[i]);
    });
    if (report.failedJob)
        return Error{"cannot read line " +
                     std::to_string(chunk[*report.failedJob * kSlice].lineNo) + ": " +
                     report.failure};
    return Ok{};
}

// Reads up to `max` non-blank lines into `chunk` (emptied first); false at the end of the file.
bool readChunk(std::ifstream& in, std::size_t& lineNo, std::vector<IngestLine>& chunk,
               std::size_t max) {
    chunk.clear();
    std::string text;
    while (chunk.size() < max && std::getline(in, text)) {
        ++lineNo;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (text.find_first_not_of(" \t") == std::string::npos)
            continue;
        IngestLine& l = chunk.emplace_back();
        l.lineNo = lineNo;
        l.text = std::move(text);
    }
    return !chunk.empty();
}

// Looks up the request of a parsed line on `db`, and for an unknown id the round's request it
// may be an answer to an earlier body of.
void lookUp(IngestLine& l, const ProjectStore& db, std::int64_t runId) {
    l.request = RunStore::batchRequestOn(db, runId, l.parsed->customId);
    if (!l.request || *l.request)
        return;
    auto like = RunStore::batchRequestLike(db, runId, l.parsed->customId);
    if (!like)
        l.request = like.error();
    else
        l.like = std::move(*like);
}

// Parses each line of the chunk on the pool; with `readers`, also looks up its request (on a
// connection lent to the worker) and judges it.
Status prepareChunk(util::WorkerPool& pool, std::vector<IngestLine>& chunk, std::int64_t runId,
                    ProjectReaders* readers) {
    return forEachLine(pool, chunk, [&](IngestLine& l) {
        l.parsed = llm::parseBatchOutputLine(l.text);
        l.text = {};
        if (!l.parsed) {
            l.problem = l.parsed.error().message;
            return;
        }
        if (!readers)
            return;
        auto reader = readers->lend();
        lookUp(l, *reader, runId);
        if (l.request)
            judge(l, runId);
        l.judged = true;
    });
}

// Without readers: the chunk's requests looked up here (the project's one connection), then
// judged on the pool.
Status lookUpAndJudge(util::WorkerPool& pool, std::vector<IngestLine>& chunk,
                      const ProjectStore& store, std::int64_t runId) {
    for (auto& l : chunk)
        if (l.parsed && !l.judged)
            lookUp(l, store, runId);
    return forEachLine(pool, chunk, [&](IngestLine& l) {
        if (l.parsed && !l.judged && l.request)
            judge(l, runId);
        l.judged = true;
    });
}

// Puts the chunk's answers into the writer's transaction, in line order (each also remembered
// in `recent`, when given), and counts the rest; a request that could not be read stops the
// ingest.
Status storeChunk(ResponseCache::Writer& writer, const std::vector<IngestLine>& chunk,
                  const std::string& path, IngestReport& report, RecentAnswers* recent) {
    std::vector<const ResponseCache::Entry*> answers;
    answers.reserve(chunk.size());
    for (const auto& l : chunk) {
        if (l.parsed && !l.request)
            return l.request.error();
        ++report.lines;
        if (!l.entry) {
            ++(l.unknown ? report.unknown : report.retried);
            if (report.problems.size() < 50)
                report.problems.push_back(path + ":" + std::to_string(l.lineNo) + ": " + l.problem);
            continue;
        }
        answers.push_back(&*l.entry);
    }
    // Put in the order of their keys: the key index is written at neighbouring places rather
    // than at random ones. Stable: of two answers to one request, the later line still wins.
    std::stable_sort(answers.begin(), answers.end(),
                     [](const auto* a, const auto* b) { return a->key < b->key; });
    for (const ResponseCache::Entry* e : answers) {
        if (auto s = writer.put(*e); !s)
            return s;
        if (recent)
            recent->add(e->sharedKey, e->response);
        ++report.stored;
    }
    return Ok{};
}

} // namespace

Result<IngestReport> ingestBatchOutput(ProjectStore& store, std::int64_t runId,
                                       const std::string& path, bool useReaders,
                                       RecentAnswers* recentOut) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot read " + path};
    const std::size_t workers = std::max(1U, std::min(4U, std::thread::hardware_concurrency()));
    // The workers look up their lines' requests on read-only connections of their own, while
    // this thread puts the previous chunk's answers; without them (the file cannot be opened
    // again), the lookups are made here, between the workers' parsing and judging.
    std::shared_ptr<ProjectReaders> readers;
    if (useReaders)
        if (auto opened = ProjectReaders::open(store.path(), workers))
            readers = std::move(*opened);
    IngestReport report;
    // Remembered here until the file is committed: a failed ingest leaves `recentOut` as it was.
    std::optional<RecentAnswers> recent;
    if (recentOut)
        recent.emplace();
    RecentAnswers* remember = recent ? &*recent : nullptr;
    // Each answer is stored as its chunk is read, all in one transaction committed at the end.
    ResponseCache cache(store);
    ResponseCache::Writer writer(cache);
    if (!writer.begun())
        return writer.begun().error();
    util::WorkerPool pool(workers);
    constexpr std::size_t kChunk = 4096;
    std::vector<IngestLine> chunk, next;
    std::size_t lineNo = 0;
    bool more = readChunk(in, lineNo, chunk, kChunk);
    if (more)
        if (auto s = prepareChunk(pool, chunk, runId, readers.get()); !s)
            return s.error();
    while (more) {
        // The next chunk is read and made ready on the pool while this one is stored (with
        // readers: the pool needs nothing of this thread's connection). This thread only puts.
        bool haveNext = false;
        std::future<Status> preparing;
        if (readers)
            preparing = std::async(std::launch::async, [&]() -> Status {
                haveNext = readChunk(in, lineNo, next, kChunk);
                return haveNext ? prepareChunk(pool, next, runId, readers.get()) : Status(Ok{});
            });
        else
            haveNext = readChunk(in, lineNo, next, kChunk);
        if (!readers)
            if (auto s = lookUpAndJudge(pool, chunk, store, runId); !s)
                return s.error();
        if (auto s = storeChunk(writer, chunk, path, report, remember); !s)
            return s.error(); // the writer rolls back: nothing of the file is stored
        if (preparing.valid()) {
            if (auto s = preparing.get(); !s)
                return s.error();
        } else if (haveNext) {
            if (auto s = prepareChunk(pool, next, runId, readers.get()); !s)
                return s.error();
        }
        std::swap(chunk, next);
        more = haveNext;
    }
    if (in.bad())
        return Error{"cannot read " + path + " to its end"};
    if (auto s = writer.commit(); !s)
        return s.error();
    if (recentOut)
        recentOut->merge(std::move(*recent));
    return report;
}

} // namespace r2p::engine
