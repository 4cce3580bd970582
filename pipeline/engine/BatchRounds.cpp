#include "BatchRounds.h"

#include "Batch.h"
#include "RunService.h"
#include "model/ResponseCache.h"
#include "model/Utf8.h"
#include "pipeline/llm/BatchRound.h"
#include "pipeline/llm/CachingBackend.h"

#include <fstream>
#include <map>
#include <set>

namespace r2p::engine {

Result<RoundOutcome> advanceBatchRun(ProjectStore& store, const RunInfo& run,
                                     const DatasetIndex& index, int concurrency) {
    const std::string name = "run " + std::to_string(run.id);
    if (run.backend != "batch")
        return Error{name + " uses the " + run.backend +
                     " backend, not batch: batch rounds are for runs made with --backend batch"};
    StoredRunOverrides overrides;
    overrides.backend = "batch";
    overrides.concurrency = concurrency;
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
    // loses at most the unsaved group, advanced again next time with no request).
    spec.storeEvery = 256;
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
    std::set<std::string> ids; // the same request asked twice goes out once
    for (auto& r : deferred->takeCollected()) {
        r.customId = llm::batchCustomId(run.id, r.label, r.onlineBody);
        if (ids.insert(r.customId).second)
            out.next.push_back(std::move(r));
    }
    if (auto s = runs.replaceBatchRequests(run.id, out.next); !s)
        return s.error();
    if (out.next.empty() && out.usersWaiting == 0)
        if (auto s = runs.setRunStatus(run.id, RunStatus::Done); !s)
            return s.error();
    return out;
}

namespace {

// The answer of one usable output line, as the response cache keeps it.
Result<ResponseCache::Entry> cacheEntry(const BatchRequest& request,
                                        const llm::BatchOutputLine& line) {
    auto result = llm::resultFromCompletionBody(
        line.body, static_cast<llm::ThinkSplitter::Start>(request.thinkStart));
    if (!result)
        return result.error();
    ResponseCache::Entry e;
    CachedResponse& c = e.response;
    c.backend = "openai";
    c.endpoint = kBatchEndpoint;
    c.model = request.model;
    c.request = request.onlineBody;
    c.reasoning = result->reasoning;
    c.answer = result->answer;
    c.finishReason = result->finishReason;
    c.usage = llm::usageJson(result->usage);
    c.deltas.push_back({0, result->reasoning, result->answer});
    e.key = ResponseCache::endpointKey("openai", kBatchEndpoint, request.model, request.onlineBody);
    e.sharedKey = ResponseCache::key("openai", request.model, request.onlineBody);
    return e;
}

} // namespace

Result<IngestReport> ingestBatchOutput(ProjectStore& store, std::int64_t runId,
                                       const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Error{"cannot read " + path};
    RunStore runs(store);
    IngestReport report;
    // Each answer is stored as its line is read, all in one transaction committed at the end.
    ResponseCache cache(store);
    ResponseCache::Writer writer(cache);
    if (!writer.begun())
        return writer.begun().error();
    std::string text;
    std::size_t lineNo = 0;
    auto problem = [&](const std::string& what) {
        if (report.problems.size() < 50)
            report.problems.push_back(path + ":" + std::to_string(lineNo) + ": " + what);
    };
    while (std::getline(in, text)) {
        ++lineNo;
        if (!text.empty() && text.back() == '\r')
            text.pop_back();
        if (text.find_first_not_of(" \t") == std::string::npos)
            continue;
        ++report.lines;
        auto line = llm::parseBatchOutputLine(text);
        if (!line) {
            ++report.retried;
            problem(line.error().message);
            continue;
        }
        const std::string id = clipUtf8(line->customId, 80);
        auto request = runs.batchRequest(runId, line->customId);
        if (!request)
            return request.error();
        if (!*request) {
            ++report.unknown;
            problem("custom_id " + id + " is not in run " + std::to_string(runId) +
                    "'s round (ignored)");
            continue;
        }
        const BatchRequest& r = **request;
        if (!line->customId.ends_with("-" + llm::batchBodyHash(r.onlineBody))) {
            ++report.retried;
            problem("custom_id " + id + " does not match the hash of its request body");
            continue;
        }
        if (!line->error.empty() || line->statusCode != 200 || line->body.empty()) {
            ++report.retried;
            problem("custom_id " + id + ": " +
                    (!line->error.empty()      ? line->error
                     : line->statusCode != 200 ? "status " + std::to_string(line->statusCode)
                                               : std::string("no response body")) +
                    " (in the next round again)");
            continue;
        }
        auto entry = cacheEntry(r, *line);
        if (!entry) {
            ++report.retried;
            problem("custom_id " + id + ": " + entry.error().message +
                    " (in the next round again)");
            continue;
        }
        if (auto s = writer.put(*entry); !s)
            return s.error(); // the writer rolls back: nothing of the file is stored
        ++report.stored;
    }
    if (in.bad())
        return Error{"cannot read " + path + " to its end"};
    if (auto s = writer.commit(); !s)
        return s.error();
    return report;
}

} // namespace r2p::engine
