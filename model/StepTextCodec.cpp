#include "StepTextCodec.h"

#include <algorithm>
#include <zstd.h>

namespace r2p::steptext {
namespace {

// Fast enough to keep a batch's storing rate (level 3 is zstd's default).
constexpr int kLevel = 3;
// A reply larger than this after decompression is not one we wrote (stored fields are capped
// far below it); refusing it keeps a damaged frame from asking for gigabytes.
constexpr unsigned long long kMaxDecoded = 1ull << 30;

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool getVarint(std::string_view& in, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty())
            return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

// One compression context per thread: creating one per value would cost more than compressing.
ZSTD_CCtx* context() {
    thread_local struct Holder {
        ZSTD_CCtx* cctx = ZSTD_createCCtx();
        ~Holder() { ZSTD_freeCCtx(cctx); }
    } holder;
    return holder.cctx;
}

// Appends the zstd frame of `text` to `out`; false when zstd failed.
bool appendFrame(std::string& out, std::string_view text) {
    const std::size_t at = out.size();
    out.resize(at + ZSTD_compressBound(text.size()));
    const std::size_t n = ZSTD_compressCCtx(context(), out.data() + at, out.size() - at,
                                            text.data(), text.size(), kLevel);
    if (ZSTD_isError(n)) {
        out.resize(at);
        return false;
    }
    out.resize(at + n);
    return true;
}

Result<std::string> decompress(std::string_view frame) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxDecoded)
        return Error{"a stored text is damaged (not a compressed frame we wrote)"};
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = ZSTD_decompress(out.data(), out.size(), frame.data(), frame.size());
    if (ZSTD_isError(n) || n != out.size())
        return Error{std::string("a stored text is damaged: ") + ZSTD_getErrorName(n)};
    return out;
}

Stored plain(std::string_view text) {
    return Stored{false, std::string(text)};
}

} // namespace

Stored encode(std::string_view text) {
    if (text.size() < kMinEncodedBytes)
        return plain(text);
    Stored s{true, "Z"};
    if (!appendFrame(s.bytes, text) || s.bytes.size() >= text.size())
        return plain(text);
    return s;
}

Stored encodePrompt(std::string_view prompt, const EarlierPrompts& earlier) {
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
        return encode(prompt);
    const std::string_view rest = prompt.substr(best);
    Stored s{true, "P"};
    putVarint(s.bytes, static_cast<std::uint64_t>(bestSeq));
    putVarint(s.bytes, best);
    const std::size_t head = s.bytes.size();
    if (rest.size() >= kMinEncodedBytes && appendFrame(s.bytes, rest) &&
        s.bytes.size() - head < rest.size())
        return s;
    s.bytes.resize(head);
    s.bytes[0] = 'p';
    s.bytes.append(rest);
    return s;
}

Result<std::string> decode(std::string_view bytes, bool isBlob,
                           const std::map<int, std::string>* earlier) {
    if (!isBlob)
        return std::string(bytes);
    if (bytes.empty())
        return Error{"a stored text is damaged (empty)"};
    const char tag = bytes.front();
    bytes.remove_prefix(1);
    if (tag == 'Z')
        return decompress(bytes);
    if (tag != 'P' && tag != 'p')
        return Error{"a stored text is damaged (unknown form)"};
    std::uint64_t seq = 0, prefix = 0;
    if (!getVarint(bytes, seq) || !getVarint(bytes, prefix))
        return Error{"a stored text is damaged (a cut reference)"};
    const std::map<int, std::string>::const_iterator base =
        earlier && seq <= INT32_MAX ? earlier->find(static_cast<int>(seq))
                                    : std::map<int, std::string>::const_iterator{};
    if (!earlier || base == earlier->end())
        return Error{"a stored prompt refers to step " + std::to_string(seq) +
                     ", which its trace does not have before it"};
    if (prefix > base->second.size())
        return Error{"a stored prompt refers past the end of step " + std::to_string(seq)};
    std::string out = base->second.substr(0, static_cast<std::size_t>(prefix));
    if (tag == 'p') {
        out.append(bytes);
        return out;
    }
    auto rest = decompress(bytes);
    if (!rest)
        return rest.error();
    out += *rest;
    return out;
}

} // namespace r2p::steptext
