// Fuzz target: the tag parser (TagPR chains) over the shipped tag set. The input is split into a
// reasoning field and a content field (its first byte says where), then each field is fed whole,
// in random chunks and one byte at a time, the fields interleaved: the parsed chain must not
// depend on the chunking, every span and problem must lie inside the chain, and a snapshot taken
// mid-stream must never crash. Unknown, unclosed, stray and interleaved tags are all fine input.
#include "FuzzSupport.h"
#include "pipeline/tags/TagParser.h"
#include "pipeline/tags/TagSet.h"

#include <algorithm>
#include <string_view>
#include <vector>

namespace {

using r2p::tags::ChainField;
using r2p::tags::ParsedChain;
using r2p::tags::TagParser;

ParsedChain parseChunked(const std::vector<std::string_view>& reasoning,
                         const std::vector<std::string_view>& content) {
    TagParser parser(r2p::tags::builtinTagSet());
    const std::size_t n = std::max(reasoning.size(), content.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (i < reasoning.size())
            parser.feed(ChainField::Reasoning, reasoning[i]);
        if (i < content.size())
            parser.feed(ChainField::Content, content[i]);
        if (i % 7 == 3)
            (void)parser.snapshot();
    }
    return parser.finish();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string_view all(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    const std::size_t cut = std::min<std::size_t>(all.size(), bytes[0] * all.size() / 255);
    const std::string_view reasoning = all.substr(0, cut);
    const std::string_view content = all.substr(cut);

    const ParsedChain whole = r2p::tags::parseTags(r2p::tags::builtinTagSet(), reasoning, content);
    R2P_FUZZ_CHECK(whole.complete);
    R2P_FUZZ_CHECK(whole.reasoningBytes == reasoning.size());
    R2P_FUZZ_CHECK(whole.contentBytes == content.size());
    for (const auto& s : whole.spans) {
        R2P_FUZZ_CHECK(s.outerStart <= s.start && s.start <= s.end && s.end <= s.outerEnd);
        R2P_FUZZ_CHECK(s.outerEnd <= all.size());
    }
    for (std::size_t i = 0; i < whole.problems.size(); ++i) {
        R2P_FUZZ_CHECK(whole.problems[i].at <= whole.problems[i].end);
        R2P_FUZZ_CHECK(whole.problems[i].end <= all.size());
        R2P_FUZZ_CHECK(i == 0 || whole.problems[i - 1].at <= whole.problems[i].at);
    }
    R2P_FUZZ_CHECK(parseChunked(r2p::fuzz::randomChunks(reasoning),
                                r2p::fuzz::randomChunks(content)) == whole);
    R2P_FUZZ_CHECK(parseChunked(r2p::fuzz::byteChunks(reasoning), r2p::fuzz::byteChunks(content)) ==
                   whole);
    return 0;
}
