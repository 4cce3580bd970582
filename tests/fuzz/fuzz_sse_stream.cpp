// Fuzz target: the SSE reader and the OpenAI stream-event decoder (chat and completions chunks,
// usage, in-stream errors). The stream is read whole, one byte at a time and in random chunks:
// the events must not depend on where the bytes were split. Every event's data is decoded.
#include "FuzzSupport.h"
#include "pipeline/llm/OpenAiProtocol.h"
#include "pipeline/llm/SseReader.h"

#include <string>
#include <string_view>
#include <vector>

namespace {

struct Read {
    std::vector<r2p::llm::SseEvent> events;
    bool unfinished = false;
};

Read read(const std::vector<std::string_view>& chunks) {
    r2p::llm::SseReader reader;
    Read out;
    for (const auto chunk : chunks)
        reader.feed(chunk, [&](r2p::llm::SseEvent&& e) { out.events.push_back(std::move(e)); });
    out.unfinished = reader.finish();
    return out;
}

bool same(const Read& a, const Read& b) {
    if (a.unfinished != b.unfinished || a.events.size() != b.events.size())
        return false;
    for (std::size_t i = 0; i < a.events.size(); ++i)
        if (a.events[i].type != b.events[i].type || a.events[i].data != b.events[i].data ||
            a.events[i].id != b.events[i].id)
            return false;
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    const Read whole = read({data});
    R2P_FUZZ_CHECK(same(whole, read(r2p::fuzz::randomChunks(data))));
    R2P_FUZZ_CHECK(same(whole, read(r2p::fuzz::byteChunks(data))));

    for (const auto& event : whole.events) {
        auto chunk = r2p::llm::decodeStreamEvent(event.data);
        if (!chunk) {
            R2P_FUZZ_CHECK(!chunk.error().message.empty());
            continue;
        }
        if (chunk->error)
            (void)chunk->error->message.size();
    }
    // The whole input as one event's data too, so the decoder also sees bytes the SSE framing
    // would have split.
    if (auto chunk = r2p::llm::decodeStreamEvent(data); chunk && chunk->usage)
        (void)chunk->usage->totalTokens;
    return 0;
}
