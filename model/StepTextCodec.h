// How a step's large texts are kept in the project file. A trace's prompts mostly repeat an
// earlier prompt of the same trace (prefill re-sends the whole context for every level, the
// judge's prompts differ only in the candidate), so a prompt is stored as "the first N bytes of
// the prompt of step S, then this": the stored rest is zstd-compressed. Other long texts (the
// raw output, reasoning, answer, parsed output) are zstd-compressed on their own. Short texts, and
// texts that do not get smaller, stay plain TEXT, as every project before schema 7 stored them.
//
// Once a project has stored about a megabyte of such texts, a zstd dictionary is trained on them
// and kept in the project (step_dicts); later texts are compressed with it, which is what makes
// short texts small (the template's phrasing, the output format, the user's vocabulary repeat
// across steps and users).
//
// Stored form (a BLOB; a TEXT value is always the text itself). Frames made with a dictionary
// do not name it; the 'D' and 'Q' forms do:
//   'Z' zstd-frame(text)
//   'D' varint(dictionary id) zstd-frame(text)
//   'P' varint(step seq) varint(prefix bytes) zstd-frame(rest)
//   'Q' varint(step seq) varint(prefix bytes) varint(dictionary id) zstd-frame(rest)
//   'p' varint(step seq) varint(prefix bytes) rest
//   'R' varint(step seq) varint(prefix bytes) zstd-frame(rest, made with that step's whole
//       prompt as its prefix dictionary: the rest's repeats of the earlier prompt, such as a
//       re-asked level re-sending the whole context, cost almost nothing)
//   'A' (nothing more): a raw stream equal to its step's answer
//   'S' varint(run id) key (16 bytes): a text kept once per run in run_texts under this key
//       (the first 16 bytes of its SHA-256), in one of the forms above that need no earlier
//       step or answer. What the systems of one user repeat is kept there: the retrieval step
//       (the same for every system that retrieves) and the first prompt of each chain (LaMP
//       RAG and LRM RAG send the same one).
// Reading never trusts the bytes: a damaged value (bad frame, unknown tag, a reference to a step
// not read yet or past its end) is an error naming the value, not a crash.
#pragma once

#include "Result.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace r2p::steptext {

// A value to bind: plain text, or the encoded bytes for a BLOB.
struct Stored {
    bool blob = false;
    std::string bytes;
};

// Texts shorter than this stay plain; with a dictionary, texts shorter than the second (a
// dictionary makes even a one-line answer smaller; below this the tag, the dictionary id and
// the frame's header outweigh what it saves).
inline constexpr std::size_t kMinEncodedBytes = 96;
inline constexpr std::size_t kMinDictionaryBytes = 32;

// A zstd dictionary kept in the project, ready to compress and decompress with.
class Dictionary {
public:
    Dictionary(int id, std::string bytes);
    ~Dictionary();
    Dictionary(const Dictionary&) = delete;
    Dictionary& operator=(const Dictionary&) = delete;
    int id() const { return id_; }
    bool usable() const { return compress_ && decompress_; }
    const void* compressDict() const { return compress_; }
    const void* decompressDict() const { return decompress_; }

private:
    int id_;
    std::string bytes_;
    void* compress_ = nullptr;   // ZSTD_CDict
    void* decompress_ = nullptr; // ZSTD_DDict
};

// Where 'S' values are read from: the stored form of the text kept for (run, key), or an
// error naming why not (no such text: the value is damaged).
using SharedTextLookup = std::function<Result<Stored>(std::int64_t run, std::string_view key)>;

// A text to keep once per run, under its key, as encode() stored it.
struct SharedText {
    std::string key;
    Stored value;
};

// Values this short stay in their row: the 'S' form and run_texts' row would cost as much.
inline constexpr std::size_t kMinSharedBytes = 64;

// A project's dictionaries: any can be read with, the newest is written with. Before the first
// exists, samples of the texts being stored are collected until there are enough to train one.
// Thread-safe; dictionaries are never removed, so pointers stay valid.
class Dictionaries {
public:
    // Enough sample text to train on, and at most this much is kept.
    static constexpr std::size_t kTrainBytes = 1 << 20;
    static constexpr std::size_t kDictionaryBytes = 64 << 10;

    void add(int id, std::string bytes);
    const Dictionary* writer() const;
    const Dictionary* find(int id) const;
    // Keeps a copy of `text` as a training sample while there is no dictionary yet.
    void sample(std::string_view text);
    bool readyToTrain() const;
    // A dictionary trained on the samples (which are dropped), or nullopt when zstd could not
    // make one from them (sampling then starts over, so a later try has other texts).
    std::optional<std::string> train();

    // How 'S' values are read (set once by the project, before any value is decoded).
    void setSharedTexts(SharedTextLookup lookup) { shared_ = std::move(lookup); }
    const SharedTextLookup& sharedTexts() const { return shared_; }

private:
    SharedTextLookup shared_;
    mutable std::mutex mutex_;
    std::map<int, std::unique_ptr<Dictionary>> all_;
    const Dictionary* writer_ = nullptr;
    std::string samples_;
    std::vector<std::size_t> sampleSizes_;
};

// `text` compressed on its own, with `dict` when given (or plain).
Stored encode(std::string_view text, const Dictionary* dict = nullptr);

// The prompts of the steps already written for this trace, by seq.
using EarlierPrompts = std::map<int, std::string_view>;
// `prompt` as a reference to the earlier prompt it shares the longest prefix with (at least
// kMinEncodedBytes of it), or compressed on its own.
Stored encodePrompt(std::string_view prompt, const EarlierPrompts& earlier,
                    const Dictionary* dict = nullptr);

// `encoded` (encode()'s form of `text`) as an 'S' reference to the text kept once in run
// `runId`, which is added to `shared`; `encoded` itself when it is too short to be worth it.
Stored shared(std::int64_t runId, std::string_view text, Stored encoded,
              std::vector<SharedText>& shared);

// A step's raw stream: the 'A' form when it is its answer exactly (a model that wrote no
// reasoning and needed no correction), else as encode() stores it.
Stored encodeRaw(std::string_view raw, std::string_view answer, const Dictionary* dict = nullptr);

// The text of a stored value. `isBlob` says how SQLite holds it; `earlier` holds the decoded
// prompts of the trace's earlier steps (only a prompt may refer to one); `dicts` the project's
// dictionaries; `answer` the step's decoded answer (only a raw stream may be stored as "the
// answer").
Result<std::string> decode(std::string_view bytes, bool isBlob,
                           const std::map<int, std::string>* earlier = nullptr,
                           const Dictionaries* dicts = nullptr,
                           const std::string* answer = nullptr);

} // namespace r2p::steptext
