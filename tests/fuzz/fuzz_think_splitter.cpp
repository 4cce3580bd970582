// Fuzz target: the <think>…</think> splitter, in both start modes, fed whole, one byte at a time
// and in random chunks: reasoning and answer must not depend on where the stream was split, and
// no byte may be lost or duplicated beyond the tags and the whitespace the splitter drops.
#include "FuzzSupport.h"
#include "pipeline/llm/ThinkSplitter.h"

#include <string>
#include <string_view>
#include <vector>

namespace {

using r2p::llm::ThinkSplitter;

struct Split {
    std::string reasoning, answer;
    bool inAnswer = false, sawReasoning = false;
    bool operator==(const Split&) const = default;
};

Split split(ThinkSplitter::Start start, const std::vector<std::string_view>& chunks) {
    ThinkSplitter splitter(start);
    Split out;
    for (const auto chunk : chunks)
        splitter.feed(chunk, out.reasoning, out.answer);
    splitter.finish(out.reasoning, out.answer);
    out.inAnswer = splitter.inAnswer();
    out.sawReasoning = splitter.sawReasoning();
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    for (const auto start : {ThinkSplitter::Start::Detect, ThinkSplitter::Start::InReasoning}) {
        const Split whole = split(start, {data});
        R2P_FUZZ_CHECK(split(start, r2p::fuzz::randomChunks(data)) == whole);
        R2P_FUZZ_CHECK(split(start, r2p::fuzz::byteChunks(data)) == whole);
        R2P_FUZZ_CHECK(whole.reasoning.size() + whole.answer.size() <= data.size());
        // Whatever is not reasoning ends the input (the answer is a suffix of it).
        R2P_FUZZ_CHECK(data.ends_with(whole.answer));
    }
    return 0;
}
