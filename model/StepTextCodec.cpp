#include "StepTextCodec.h"

#include "Sha256.h"
#include "Util.h"

#include <algorithm>
#include <zdict.h>
#include <zstd.h>

namespace r2p::steptext {
namespace {

// Fast enough to keep a batch's storing rate (level 3 is zstd's default).
constexpr int kLevel = 3;
// A text larger than this after decompression is not one we wrote (stored fields are capped far
// below it); refusing it keeps a damaged frame from asking for gigabytes.
constexpr unsigned long long kMaxDecoded = 1ull << 30;
// An 'S' value's key: the first bytes of the text's SHA-256.
constexpr std::size_t kSharedKeyBytes = 16;

// One (de)compression context per thread: creating one per value would cost more than the work.
ZSTD_CCtx* compressContext() {
    thread_local struct Holder {
        ZSTD_CCtx* cctx = ZSTD_createCCtx();
        ~Holder() { ZSTD_freeCCtx(cctx); }
    } holder;
    return holder.cctx;
}

ZSTD_DCtx* decompressContext() {
    thread_local struct Holder {
        ZSTD_DCtx* dctx = ZSTD_createDCtx();
        ~Holder() { ZSTD_freeDCtx(dctx); }
    } holder;
    return holder.dctx;
}

// Appends the zstd frame of `text` (with `dict` when given) to `out`; false when zstd failed.
// A frame made with a dictionary leaves out the dictionary's id (the stored form names it), so
// short texts do not pay four bytes for it twice.
bool appendFrame(std::string& out, std::string_view text, const Dictionary* dict) {
    const std::size_t at = out.size();
    out.resize(at + ZSTD_compressBound(text.size()));
    ZSTD_CCtx* cctx = compressContext();
    std::size_t n = 0;
    if (dict) {
        ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
        n = ZSTD_CCtx_refCDict(cctx, static_cast<const ZSTD_CDict*>(dict->compressDict()));
        if (!ZSTD_isError(n))
            n = ZSTD_CCtx_setParameter(cctx, ZSTD_c_dictIDFlag, 0);
        if (!ZSTD_isError(n))
            n = ZSTD_compress2(cctx, out.data() + at, out.size() - at, text.data(), text.size());
        ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters); // no dictionary kept on it
    } else {
        n = ZSTD_compressCCtx(cctx, out.data() + at, out.size() - at, text.data(), text.size(),
                              kLevel);
    }
    if (ZSTD_isError(n)) {
        out.resize(at);
        return false;
    }
    out.resize(at + n);
    return true;
}

// Appends the zstd frame of `text` made with `prefix` as its (content-only) dictionary.
bool appendFrameAgainst(std::string& out, std::string_view text, std::string_view prefix) {
    const std::size_t at = out.size();
    out.resize(at + ZSTD_compressBound(text.size()));
    ZSTD_CCtx* cctx = compressContext();
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
    std::size_t n = ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kLevel);
    if (!ZSTD_isError(n))
        n = ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0);
    if (!ZSTD_isError(n))
        n = ZSTD_CCtx_refPrefix(cctx, prefix.data(), prefix.size());
    if (!ZSTD_isError(n))
        n = ZSTD_compress2(cctx, out.data() + at, out.size() - at, text.data(), text.size());
    ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters); // the prefix is used once anyway
    if (ZSTD_isError(n)) {
        out.resize(at);
        return false;
    }
    out.resize(at + n);
    return true;
}

Result<std::string> decompressAgainst(std::string_view frame, std::string_view prefix) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecoded)
        return Error{"a stored text is damaged (not a compressed frame we wrote)"};
    std::string out(static_cast<std::size_t>(size), '\0');
    ZSTD_DCtx* dctx = decompressContext();
    ZSTD_DCtx_reset(dctx, ZSTD_reset_session_and_parameters);
    std::size_t n = ZSTD_DCtx_refPrefix(dctx, prefix.data(), prefix.size());
    if (!ZSTD_isError(n))
        n = ZSTD_decompressDCtx(dctx, out.data(), out.size(), frame.data(), frame.size());
    ZSTD_DCtx_reset(dctx, ZSTD_reset_session_and_parameters);
    if (ZSTD_isError(n) || n != out.size())
        return Error{std::string("a stored text is damaged: ") +
                     (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "its length is wrong")};
    return out;
}

Result<std::string> decompress(std::string_view frame, const Dictionary* dict) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecoded)
        return Error{"a stored text is damaged (not a compressed frame we wrote)"};
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n =
        dict ? ZSTD_decompress_usingDDict(decompressContext(), out.data(), out.size(), frame.data(),
                                          frame.size(),
                                          static_cast<const ZSTD_DDict*>(dict->decompressDict()))
             : ZSTD_decompressDCtx(decompressContext(), out.data(), out.size(), frame.data(),
                                   frame.size());
    if (ZSTD_isError(n) || n != out.size())
        return Error{std::string("a stored text is damaged: ") +
                     (ZSTD_isError(n) ? ZSTD_getErrorName(n) : "its length is wrong")};
    return out;
}

// The dictionary a 'D' or 'Q' value names, read off the front of `bytes`.
Result<const Dictionary*> dictionaryOf(std::string_view& bytes, const Dictionaries* dicts) {
    std::uint64_t id = 0;
    if (!getVarint(bytes, id))
        return Error{"a stored text is damaged (a cut dictionary id)"};
    const Dictionary* dict = dicts && id <= INT32_MAX ? dicts->find(static_cast<int>(id)) : nullptr;
    if (!dict)
        return Error{"a stored text needs compression dictionary " + std::to_string(id) +
                     ", which the project does not have"};
    return dict;
}

Stored plain(std::string_view text) {
    return Stored{false, std::string(text)};
}

} // namespace

Dictionary::Dictionary(int id, std::string bytes) : id_(id), bytes_(std::move(bytes)) {
    compress_ = ZSTD_createCDict(bytes_.data(), bytes_.size(), kLevel);
    decompress_ = ZSTD_createDDict(bytes_.data(), bytes_.size());
}

Dictionary::~Dictionary() {
    ZSTD_freeCDict(static_cast<ZSTD_CDict*>(compress_));
    ZSTD_freeDDict(static_cast<ZSTD_DDict*>(decompress_));
}

void Dictionaries::add(int id, std::string bytes) {
    auto dict = std::make_unique<Dictionary>(id, std::move(bytes));
    std::lock_guard lock(mutex_);
    if (all_.count(id))
        return;
    const Dictionary* added = all_.emplace(id, std::move(dict)).first->second.get();
    if (added->usable() && (!writer_ || id > writer_->id()))
        writer_ = added;
    if (writer_) {
        samples_.clear();
        sampleSizes_.clear();
    }
}

const Dictionary* Dictionaries::writer() const {
    std::lock_guard lock(mutex_);
    return writer_;
}

const Dictionary* Dictionaries::find(int id) const {
    std::lock_guard lock(mutex_);
    const auto it = all_.find(id);
    return it == all_.end() || !it->second->usable() ? nullptr : it->second.get();
}

void Dictionaries::sample(std::string_view text) {
    std::lock_guard lock(mutex_);
    if (writer_ || samples_.size() >= kTrainBytes || text.size() < kMinEncodedBytes)
        return;
    // The start of a long text only: many different samples train better than a few long ones.
    const std::string_view part = text.substr(0, 4096);
    samples_.append(part);
    sampleSizes_.push_back(part.size());
}

bool Dictionaries::readyToTrain() const {
    std::lock_guard lock(mutex_);
    return !writer_ && samples_.size() >= kTrainBytes;
}

std::optional<std::string> Dictionaries::train() {
    std::string samples;
    std::vector<std::size_t> sizes;
    {
        std::lock_guard lock(mutex_);
        samples.swap(samples_);
        sizes.swap(sampleSizes_);
    }
    if (sizes.size() < 16)
        return std::nullopt;
    std::string dict(kDictionaryBytes, '\0');
    const std::size_t n = ZDICT_trainFromBuffer(dict.data(), dict.size(), samples.data(),
                                                sizes.data(), static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(n))
        return std::nullopt;
    dict.resize(n);
    return dict;
}

Stored encode(std::string_view text, const Dictionary* dict) {
    if (text.size() < (dict ? kMinDictionaryBytes : kMinEncodedBytes))
        return plain(text);
    Stored s{true, dict ? "D" : "Z"};
    if (dict)
        putVarint(s.bytes, static_cast<std::uint64_t>(dict->id()));
    if (!appendFrame(s.bytes, text, dict) || s.bytes.size() >= text.size())
        return plain(text);
    return s;
}

namespace {
// The 'P', 'Q' or 'p' form of a prompt sharing `prefix` bytes with step `seq`'s.
Stored prefixForm(int seq, std::size_t prefix, std::string_view rest, const Dictionary* dict) {
    Stored s{true, dict ? "Q" : "P"};
    putVarint(s.bytes, static_cast<std::uint64_t>(seq));
    putVarint(s.bytes, prefix);
    const std::size_t head = s.bytes.size();
    if (dict)
        putVarint(s.bytes, static_cast<std::uint64_t>(dict->id()));
    const std::size_t frameAt = s.bytes.size();
    if (rest.size() >= kMinEncodedBytes && appendFrame(s.bytes, rest, dict) &&
        s.bytes.size() - frameAt < rest.size())
        return s;
    s.bytes.resize(head);
    s.bytes[0] = 'p';
    s.bytes.append(rest);
    return s;
}
} // namespace

Stored encodePrompt(std::string_view prompt, const EarlierPrompts& earlier,
                    const Dictionary* dict) {
    int bestSeq = -1;
    std::size_t best = 0;
    for (const auto& [seq, other] : earlier) {
        const std::size_t limit = std::min(other.size(), prompt.size());
        const auto diff =
            std::mismatch(prompt.begin(), prompt.begin() + static_cast<long>(limit), other.begin());
        const auto shared = static_cast<std::size_t>(diff.first - prompt.begin());
        if (shared > best) {
            best = shared;
            bestSeq = seq;
        }
    }
    if (bestSeq < 0 || best < kMinEncodedBytes)
        return encode(prompt, dict);
    const std::string_view rest = prompt.substr(best);
    // The rest compressed against the whole earlier prompt; kept when it beats the other forms.
    Stored against{true, "R"};
    putVarint(against.bytes, static_cast<std::uint64_t>(bestSeq));
    putVarint(against.bytes, best);
    const bool haveAgainst =
        !rest.empty() && appendFrameAgainst(against.bytes, rest, earlier.at(bestSeq));
    Stored other = prefixForm(bestSeq, best, rest, dict);
    return haveAgainst && against.bytes.size() < other.bytes.size() ? against : other;
}

Stored shared(std::int64_t runId, std::string_view text, Stored encoded,
              std::vector<SharedText>& shared) {
    if (encoded.bytes.size() < kMinSharedBytes || runId < 0)
        return encoded;
    Sha256 sha;
    sha.update(text);
    const auto digest = sha.digest();
    std::string key(reinterpret_cast<const char*>(digest.data()), kSharedKeyBytes);
    Stored ref{true, "S"};
    putVarint(ref.bytes, static_cast<std::uint64_t>(runId));
    ref.bytes += key;
    shared.push_back({std::move(key), std::move(encoded)});
    return ref;
}

Stored encodeRaw(std::string_view raw, std::string_view answer, const Dictionary* dict) {
    if (!raw.empty() && raw == answer)
        return Stored{true, "A"};
    return encode(raw, dict);
}

Result<std::string> decode(std::string_view bytes, bool isBlob,
                           const std::map<int, std::string>* earlier, const Dictionaries* dicts,
                           const std::string* answer) {
    if (!isBlob)
        return std::string(bytes);
    if (bytes.empty())
        return Error{"a stored text is damaged (empty)"};
    const char tag = bytes.front();
    bytes.remove_prefix(1);
    if (tag == 'Z')
        return decompress(bytes, nullptr);
    if (tag == 'D') {
        auto dict = dictionaryOf(bytes, dicts);
        if (!dict)
            return dict.error();
        return decompress(bytes, *dict);
    }
    if (tag == 'S') {
        std::uint64_t run = 0;
        if (!getVarint(bytes, run) || run > INT64_MAX || bytes.size() != kSharedKeyBytes)
            return Error{"a stored text is damaged (a cut shared-text reference)"};
        if (!dicts || !dicts->sharedTexts())
            return Error{"a stored text is kept once per run, and there is no project to read "
                         "it from"};
        auto kept = dicts->sharedTexts()(static_cast<std::int64_t>(run), bytes);
        if (!kept)
            return kept.error();
        // What is kept is a text on its own: never another reference.
        if (kept->blob && !kept->bytes.empty() && kept->bytes.front() != 'Z' &&
            kept->bytes.front() != 'D')
            return Error{"a text kept once for run " + std::to_string(run) +
                         " is damaged (not a text on its own)"};
        return decode(kept->bytes, kept->blob, nullptr, dicts, nullptr);
    }
    if (tag == 'A') {
        if (!answer)
            return Error{"a stored text says it is its step's answer, but it is not a raw stream"};
        if (!bytes.empty())
            return Error{"a stored text is damaged (bytes after the answer form)"};
        return *answer;
    }
    if (tag != 'P' && tag != 'Q' && tag != 'p' && tag != 'R')
        return Error{"a stored text is damaged (unknown form)"};
    std::uint64_t seq = 0, prefix = 0;
    if (!getVarint(bytes, seq) || !getVarint(bytes, prefix))
        return Error{"a stored text is damaged (a cut reference)"};
    const auto base = earlier && seq <= INT32_MAX ? earlier->find(static_cast<int>(seq))
                                                  : std::map<int, std::string>::const_iterator{};
    if (!earlier || base == earlier->end())
        return Error{"a stored prompt refers to step " + std::to_string(seq) +
                     ", which its trace does not have before it"};
    if (prefix > base->second.size())
        return Error{"a stored prompt refers past the end of step " + std::to_string(seq)};
    std::string out = base->second.substr(0, static_cast<std::size_t>(prefix));
    if (tag == 'R') {
        auto rest = decompressAgainst(bytes, base->second);
        if (!rest)
            return rest.error();
        out += *rest;
        return out;
    }
    if (tag == 'p') {
        out.append(bytes);
        return out;
    }
    const Dictionary* dict = nullptr;
    if (tag == 'Q') {
        auto named = dictionaryOf(bytes, dicts);
        if (!named)
            return named.error();
        dict = *named;
    }
    auto rest = decompress(bytes, dict);
    if (!rest)
        return rest.error();
    out += *rest;
    return out;
}

} // namespace r2p::steptext
