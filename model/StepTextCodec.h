// How a step's large texts are kept in the project file. A trace's prompts mostly repeat an
// earlier prompt of the same trace (prefill re-sends the whole context for every level, the
// judge's prompts differ only in the candidate), so a prompt is stored as "the first N bytes of
// the prompt of step S, then this": the stored rest is zstd-compressed. Other long texts (the
// raw output, reasoning, parsed output) are zstd-compressed on their own. Short texts, and texts
// that do not get smaller, stay plain TEXT, as every project before schema 7 stored them.
//
// Stored form (a BLOB; a TEXT value is always the text itself):
//   'Z' zstd-frame(text)
//   'P' varint(step seq) varint(prefix bytes) zstd-frame(rest)
//   'p' varint(step seq) varint(prefix bytes) rest
// Reading never trusts the bytes: a damaged value (bad frame, unknown tag, a reference to a step
// not read yet or past its end) is an error naming the value, not a crash.
#pragma once

#include "Result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <variant>

namespace r2p::steptext {

// A value to bind: plain text, or the encoded bytes for a BLOB.
struct Stored {
    bool blob = false;
    std::string bytes;
};

// Texts shorter than this stay plain.
inline constexpr std::size_t kMinEncodedBytes = 96;

// `text` compressed on its own (or plain).
Stored encode(std::string_view text);

// The prompts of the steps already written for this trace, by seq.
using EarlierPrompts = std::map<int, std::string_view>;
// `prompt` as a reference to the earlier prompt it shares the longest prefix with (at least
// kMinEncodedBytes of it), or compressed on its own.
Stored encodePrompt(std::string_view prompt, const EarlierPrompts& earlier);

// The text of a stored value. `isBlob` says how SQLite holds it; `earlier` holds the decoded
// prompts of the trace's earlier steps (only a prompt may refer to one).
Result<std::string> decode(std::string_view bytes, bool isBlob,
                           const std::map<int, std::string>* earlier = nullptr);

} // namespace r2p::steptext
