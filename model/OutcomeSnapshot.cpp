#include "OutcomeSnapshot.h"

#include "Util.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <optional>
#include <zstd.h>

namespace r2p::outcomesnapshot {
namespace {

// The form's version, the chunk's first byte: a later form gets another and older readers fall
// back to run_users.
constexpr char kVersion = 1;
// zstd's fastest level: a chunk is packed once per finished run and read on every open.
constexpr int kLevel = 1;
// No chunk of kRowsPerChunk rows unpacks to more (stored texts are capped far below it).
constexpr unsigned long long kMaxUnpacked = 1ull << 30;

void putText(std::string& out, std::string_view text) {
    putVarint(out, text.size());
    out.append(text);
}

// Signed values as zigzag varints: small negatives stay short.
void putSigned(std::string& out, std::int64_t v) {
    putVarint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void putDouble(std::string& out, double v) {
    auto bits = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i, bits >>= 8)
        out.push_back(static_cast<char>(bits & 0xff));
}

// Reads off the front of a chunk; every getter fails, leaving `ok` false, once the bytes end.
struct Reader {
    std::string_view in;
    bool ok = true;

    std::uint64_t varint() {
        std::uint64_t v = 0;
        ok = ok && getVarint(in, v);
        return ok ? v : 0;
    }
    std::string_view text() {
        const std::uint64_t n = varint();
        if (!ok || n > in.size()) {
            ok = false;
            return {};
        }
        const std::string_view t = in.substr(0, n);
        in.remove_prefix(n);
        return t;
    }
    std::int64_t signedValue() {
        const std::uint64_t v = varint();
        return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1);
    }
    double number() {
        if (!ok || in.size() < 8) {
            ok = false;
            return 0;
        }
        std::uint64_t bits = 0;
        for (int i = 7; i >= 0; --i)
            bits = (bits << 8) | static_cast<unsigned char>(in[static_cast<std::size_t>(i)]);
        in.remove_prefix(8);
        return std::bit_cast<double>(bits);
    }
    int count() {
        const std::int64_t v = signedValue();
        if (v < INT32_MIN || v > INT32_MAX)
            ok = false;
        return ok ? static_cast<int>(v) : 0;
    }
};

// The last name seen and what it parsed to: a chunk names a handful of systems and statuses.
template <typename T> struct NameCache {
    std::string name;
    std::optional<T> value;
    template <typename Parse> std::optional<T> of(std::string_view text, Parse parse) {
        if (!value || text != name) {
            name.assign(text);
            value = parse(text);
        }
        return value;
    }
};

} // namespace

std::string packRaw(std::span<const UserOutcome> rows) {
    std::string raw;
    raw.push_back(kVersion);
    for (const UserOutcome& o : rows) {
        putText(raw, o.userId);
        putText(raw, systemName(o.system));
        putText(raw, userStatusName(o.status));
        putText(raw, o.prediction);
        raw.push_back(o.gold ? 1 : 0);
        if (o.gold)
            putText(raw, *o.gold);
        putVarint(raw, o.scores.size());
        for (const auto& [key, value] : o.scores) {
            putText(raw, key);
            putDouble(raw, value);
        }
        raw.push_back(o.formatOk ? 1 : 0);
        putSigned(raw, o.reasoningTokens);
        putSigned(raw, o.interventions);
        putSigned(raw, o.contradicted);
        putText(raw, o.error);
    }
    return raw;
}

std::string pack(std::span<const UserOutcome> rows) {
    const std::string raw = packRaw(rows);
    std::string packed(ZSTD_compressBound(raw.size()), '\0');
    const std::size_t n =
        ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), kLevel);
    if (ZSTD_isError(n))
        return {};
    packed.resize(n);
    return packed;
}

bool unpack(std::string_view bytes, std::size_t rows, std::vector<UserOutcome>& out,
            std::string& raw) {
    const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxUnpacked ||
        size == 0)
        return false;
    raw.resize(static_cast<std::size_t>(size));
    const std::size_t n = ZSTD_decompress(raw.data(), raw.size(), bytes.data(), bytes.size());
    return !ZSTD_isError(n) && n == raw.size() && unpackRaw(raw, rows, out);
}

bool unpackRaw(std::string_view raw, std::size_t rows, std::vector<UserOutcome>& out) {
    // No chunk pack() writes holds more rows: a larger count is damage, and believing it would
    // let a few bytes of minimal rows ask for gigabytes of outcomes.
    if (raw.empty() || raw.front() != kVersion || rows > kRowsPerChunk)
        return false;
    Reader r{raw.substr(1)};
    const std::size_t before = out.size();
    NameCache<SystemId> systems;
    NameCache<UserStatus> statuses;
    for (std::size_t i = 0; i < rows && r.ok; ++i) {
        UserOutcome& o = out.emplace_back();
        o.userId = r.text();
        o.system = systems.of(r.text(), parseSystemName).value_or(SystemId::Invalid);
        o.status = statuses.of(r.text(), parseUserStatus).value_or(UserStatus::Invalid);
        o.prediction = r.text();
        const std::uint64_t hasGold = r.varint();
        if (hasGold > 1)
            r.ok = false;
        if (hasGold == 1)
            o.gold = std::string(r.text());
        const std::uint64_t scores = r.varint();
        if (scores > r.in.size()) // each score takes at least 9 bytes
            r.ok = false;
        if (r.ok)
            o.scores.reserve(scores);
        for (std::uint64_t k = 0; k < scores && r.ok; ++k) {
            const std::string_view key = r.text();
            o.scores.emplace_back(std::string(key), r.number());
        }
        const std::uint64_t formatOk = r.varint();
        r.ok = r.ok && formatOk <= 1;
        o.formatOk = formatOk == 1;
        o.reasoningTokens = r.signedValue();
        o.interventions = r.count();
        o.contradicted = r.count();
        o.error = r.text();
    }
    // Exactly the rows said, and nothing after them.
    if (!r.ok || !r.in.empty() || out.size() - before != rows) {
        out.resize(before);
        return false;
    }
    return true;
}

} // namespace r2p::outcomesnapshot
