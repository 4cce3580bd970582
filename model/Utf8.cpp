#include "Utf8.h"

#include <cstdint>

namespace r2p {

namespace {

// Length of the well-formed sequence starting at text[i], or 0 when it is ill-formed. `subpart`
// gets the length of the maximal subpart to replace by one U+FFFD (at least 1).
std::size_t sequenceLength(std::string_view text, std::size_t i, std::size_t& subpart) {
    const auto byte = [&](std::size_t k) {
        return static_cast<std::uint8_t>(text[k]);
    };
    const std::uint8_t b0 = byte(i);
    subpart = 1;
    if (b0 < 0x80)
        return 1;
    const Utf8Lead lead = utf8Lead(b0);
    if (lead.need == 0)
        return 0;
    const std::size_t need = lead.need;
    const std::uint8_t lo = lead.lo, hi = lead.hi; // the allowed range of the second byte
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= text.size())
            return 0;
        const std::uint8_t b = byte(i + k);
        const std::uint8_t min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
        if (b < min || b > max)
            return 0;
        subpart = k + 1;
    }
    return need + 1;
}

} // namespace

Utf8Lead utf8Lead(unsigned char b0) {
    Utf8Lead lead;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        lead.need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        lead.need = 2;
        if (b0 == 0xE0)
            lead.lo = 0xA0; // no overlongs
        if (b0 == 0xED)
            lead.hi = 0x9F; // no surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        lead.need = 3;
        if (b0 == 0xF0)
            lead.lo = 0x90;
        if (b0 == 0xF4)
            lead.hi = 0x8F; // nothing above U+10FFFF
    }
    return lead;
}

std::size_t firstInvalidUtf8(std::string_view text) {
    std::size_t i = 0, subpart = 0;
    while (i < text.size()) {
        // Fast path over ASCII, eight bytes at a time.
        while (i + 8 <= text.size()) {
            std::uint64_t word = 0;
            for (std::size_t k = 0; k < 8; ++k)
                word |= static_cast<std::uint64_t>(static_cast<std::uint8_t>(text[i + k]))
                        << (8 * k);
            if (word & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= text.size())
            break;
        const std::size_t n = sequenceLength(text, i, subpart);
        if (n == 0)
            return i;
        i += n;
    }
    return text.size();
}

bool isValidUtf8(std::string_view text) {
    return firstInvalidUtf8(text) == text.size();
}

std::string validUtf8(std::string_view text) {
    std::size_t bad = firstInvalidUtf8(text);
    if (bad == text.size())
        return std::string(text);
    std::string out;
    out.reserve(text.size() + 16);
    out.append(text.substr(0, bad));
    std::size_t i = bad, subpart = 0;
    while (i < text.size()) {
        const std::size_t n = sequenceLength(text, i, subpart);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            i += subpart;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes) {
    if (text.size() <= maxBytes)
        return text;
    std::size_t end = maxBytes;
    // Step back over continuation bytes to the start of the character that would be cut.
    while (end > 0 && (static_cast<std::uint8_t>(text[end]) & 0xC0) == 0x80)
        --end;
    return text.substr(0, end);
}

std::string clipUtf8(std::string_view text, std::size_t maxBytes) {
    std::string valid = validUtf8(text);
    if (valid.size() <= maxBytes)
        return valid;
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    const std::size_t room = maxBytes > kEllipsis.size() ? maxBytes - kEllipsis.size() : 0;
    std::string out(utf8Prefix(valid, room));
    out += kEllipsis;
    return out;
}

} // namespace r2p
