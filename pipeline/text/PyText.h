// Python `str` semantics that LaMP's scripts rely on, over UTF-8 bytes: str.isspace(),
// str.strip(), str.split(), float() and int(), so queries, tokens and numbers match exactly.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::text {

// Decodes one UTF-8 sequence at `pos` and advances it. A malformed or truncated sequence yields
// kInvalidCodePoint and consumes one byte, so any byte string can be walked without failing.
inline constexpr char32_t kInvalidCodePoint = 0xFFFFFFFF;
char32_t decodeUtf8(std::string_view s, std::size_t& pos);

// Python's str.isspace() (Unicode 14): the separators of str.split() and str.strip().
bool isPySpace(char32_t c);

// Byte length of the Python whitespace character starting at s[pos], or 0 if none starts there.
// Inline because tokenizing profiles calls it for every byte.
inline std::size_t pySpaceAt(std::string_view s, std::size_t pos) {
    const auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80)
        return (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) ? 1 : 0;
    const std::size_t left = s.size() - pos;
    auto at = [&](std::size_t k) {
        return static_cast<unsigned char>(s[pos + k]);
    };
    switch (c) {
    case 0xC2: // U+0085, U+00A0
        return left >= 2 && (at(1) == 0x85 || at(1) == 0xA0) ? 2 : 0;
    case 0xE1: // U+1680
        return left >= 3 && at(1) == 0x9A && at(2) == 0x80 ? 3 : 0;
    case 0xE2: // U+2000..U+200A, U+2028, U+2029, U+202F, U+205F
        if (left < 3)
            return 0;
        if (at(1) == 0x80)
            return (at(2) >= 0x80 && at(2) <= 0x8A) || at(2) == 0xA8 || at(2) == 0xA9 ||
                           at(2) == 0xAF
                       ? 3
                       : 0;
        return at(1) == 0x81 && at(2) == 0x9F ? 3 : 0;
    case 0xE3: // U+3000
        return left >= 3 && at(1) == 0x80 && at(2) == 0x80 ? 3 : 0;
    default:
        return 0;
    }
}

// str.strip() with no argument.
std::string_view pyStrip(std::string_view s);

namespace detail {
// Byte classes for splitting: 0 never starts whitespace, 1 is ASCII whitespace, 2 may lead a
// multi-byte Unicode space (0xC2, 0xE1, 0xE2, 0xE3) and needs pySpaceAt to tell.
inline constexpr std::array<unsigned char, 256> kSplitClass = [] {
    std::array<unsigned char, 256> t{};
    for (int c : {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20})
        t[static_cast<std::size_t>(c)] = 1;
    for (int c : {0xC2, 0xE1, 0xE2, 0xE3})
        t[static_cast<std::size_t>(c)] = 2;
    return t;
}();
} // namespace detail

// str.split() with no argument: runs of whitespace separate, no empty tokens. Calls
// `visit(std::string_view token)` for each token, in order; the views point into `s`.
template <typename Visit> void pySplit(std::string_view s, Visit&& visit) {
    const std::size_t n = s.size();
    std::size_t i = 0;
    auto byteClass = [&](std::size_t k) {
        return detail::kSplitClass[static_cast<unsigned char>(s[k])];
    };
    while (i < n) {
        for (;;) { // skip whitespace
            if (i >= n)
                return;
            const unsigned char c = byteClass(i);
            if (c == 0)
                break;
            const std::size_t w = c == 1 ? 1 : pySpaceAt(s, i);
            if (w == 0)
                break;
            i += w;
        }
        const std::size_t start = i++;
        while (i < n) {
            const unsigned char c = byteClass(i);
            if (c == 1 || (c == 2 && pySpaceAt(s, i) != 0))
                break;
            ++i;
        }
        visit(s.substr(start, i - start));
    }
}
std::vector<std::string_view> pySplit(std::string_view s);

// Python's float(s): surrounding whitespace, sign, digits with single underscores between them,
// any Unicode decimal digit, exponent, and "inf"/"infinity"/"nan" in any case. nullopt where
// Python raises ValueError.
std::optional<double> pyFloat(std::string_view s);

// Python's int(s) in base 10, for values that fit in 64 bits; nullopt where Python raises
// ValueError or the value does not fit.
std::optional<std::int64_t> pyInt(std::string_view s);

// Appends `s` as a JSON string the way Python's json.dumps writes it (ensure_ascii: non-ASCII
// as lowercase \uXXXX escapes, surrogate pairs above U+FFFF), so files diff cleanly against
// LaMP's. Malformed UTF-8 bytes become \ufffd.
void appendPyJsonString(std::string& out, std::string_view s);

// repr(float) as Python prints it: shortest round-trip digits, "1.0" for integral values,
// scientific ("1e-05", "1e+16") outside 1e-4 <= |x| < 1e16. Infinities and NaN as "inf",
// "-inf", "nan".
std::string pyFloatRepr(double value);

} // namespace r2p::text
