// Batch engines (vLLM run-batch, the OpenAI/Azure Batch API, Ray Data's LLM processors) run a
// run in rounds: every user's next request goes into one JSONL file in the OpenAI Batch input
// format, the engine answers them all, the answers go into the response cache, and the run
// advances as far as the cache allows. The pieces: a backend that records what a round must
// hold instead of sending it, the lines of the input file, and the lines of the output file.
#pragma once

#include "Backend.h"
#include "OpenAiBackend.h"
#include "model/Result.h"
#include "model/RunStore.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace r2p::llm {

// What the batch engine is sent for a request: the online body without streaming.
std::string batchRequestBody(const GenerationRequest& request);
// The same from the online body requestBody() made.
std::string batchRequestBody(std::string_view onlineBody);
// The same, appended to `out` (a round's file is written a buffer at a time, no line copied).
void appendBatchRequestBody(std::string& out, std::string_view onlineBody);
// The request's line id: "r<run>-<user, system and stage from the label>-<hash of the online
// body>", at most 64 characters, the same for the same request of the same run.
std::string batchCustomId(std::int64_t runId, std::string_view label, std::string_view onlineBody);
// The hash part a custom_id ends with.
std::string batchBodyHash(std::string_view onlineBody);
// One line of the round's input file: {"custom_id", "method", "url", "body"}.
std::string batchInputLine(const BatchRequest& request);
void appendBatchInputLine(std::string& out, const BatchRequest& request);

// Answers every request with ErrorKind::Deferred and records it for the next round (put it
// behind the response cache: what the cache holds is answered from there).
class DeferringBackend : public Backend {
public:
    // deliverInline: each request is answered on the submitting thread before submit() returns
    // (behind a CachingBackend set to deliver inline); otherwise by a thread of its own.
    explicit DeferringBackend(bool deliverInline = false);
    ~DeferringBackend() override;
    DeferringBackend(const DeferringBackend&) = delete;
    DeferringBackend& operator=(const DeferringBackend&) = delete;

    std::string name() const override { return "batch"; }
    RequestId submit(GenerationRequest request, DeltaHandler onDelta, DoneHandler onDone) override;
    void cancel(RequestId) override {}
    void cancelAll() override {}

    // What was asked so far, custom ids not yet set (they need the run), in order; handed over
    // (the backend forgets them).
    std::vector<BatchRequest> takeCollected();

private:
    void deliverLoop();
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::pair<DoneHandler, BackendError>> due_; // guarded by mutex_
    std::vector<BatchRequest> collected_;                  // guarded by mutex_
    bool stopping_ = false;                                // guarded by mutex_
    RequestId nextId_ = 1;                                 // guarded by mutex_
    bool inline_ = false;
    std::thread thread_; // not started when delivering inline
};

// One line of a batch engine's output file, read: the OpenAI Batch API's
// {"id", "custom_id", "response": {"status_code", "request_id", "body"}, "error"}, and vLLM
// run-batch's, whose "response" may be the chat response itself (no "body").
struct BatchOutputLine {
    std::string customId;
    int statusCode = 0;    // 0: none given (an error line)
    std::string body;      // the response body as JSON text ("" when none)
    std::string requestId; // the engine's request id, if any
    std::string error;     // the line's "error" (message), if any
};
Result<BatchOutputLine> parseBatchOutputLine(std::string_view line);

} // namespace r2p::llm
