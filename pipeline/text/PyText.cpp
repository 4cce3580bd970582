#include "PyText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace r2p::text {

namespace {

// The "0" of every run of ten Unicode decimal digits (category Nd), Unicode 14 as in Python
// 3.11; float() and int() accept all of them.
constexpr std::array<char32_t, 66> kDigitZeros = {
    0x30,    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,
    0xc66,   0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,
    0x1810,  0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,
    0xa8d0,  0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066,
    0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0,
    0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2,
    0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0};

int decimalValue(char32_t c) {
    if (c >= '0' && c <= '9')
        return static_cast<int>(c - '0');
    if (c < 0x80 || c == kInvalidCodePoint)
        return -1;
    auto it = std::upper_bound(kDigitZeros.begin(), kDigitZeros.end(), c);
    if (it == kDigitZeros.begin())
        return -1;
    const char32_t zero = *(it - 1);
    return c - zero < 10 ? static_cast<int>(c - zero) : -1;
}

// Python first maps Unicode digits to ASCII and strips whitespace; any other non-ASCII
// character makes the literal invalid. nullopt in that case.
std::optional<std::string> asciiLiteral(std::string_view s) {
    s = pyStrip(s);
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto byte = static_cast<unsigned char>(s[pos]);
        if (byte < 0x80) {
            out.push_back(static_cast<char>(byte));
            ++pos;
            continue;
        }
        const int d = decimalValue(decodeUtf8(s, pos));
        if (d < 0)
            return std::nullopt;
        out.push_back(static_cast<char>('0' + d));
    }
    return out;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// digitpart ::= digit (["_"] digit)*, appended to `out` without underscores. Returns false when
// no digit starts at `i` or an underscore is not between two digits.
bool digitPart(const std::string& s, std::size_t& i, std::string& out) {
    if (i >= s.size() || !isDigit(s[i]))
        return false;
    out.push_back(s[i++]);
    while (i < s.size()) {
        if (isDigit(s[i])) {
            out.push_back(s[i++]);
        } else if (s[i] == '_' && i + 1 < s.size() && isDigit(s[i + 1])) {
            out.push_back(s[i + 1]);
            i += 2;
        } else {
            break;
        }
    }
    return true;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char c = a[i];
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
        if (c != b[i])
            return false;
    }
    return true;
}

} // namespace

char32_t decodeUtf8(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t len = 0;
    char32_t cp = 0, min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1F, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0F, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        ++pos;
        return kInvalidCodePoint;
    }
    if (pos + len > s.size()) {
        ++pos;
        return kInvalidCodePoint;
    }
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[pos + k]);
        if ((b & 0xC0) != 0x80) {
            ++pos;
            return kInvalidCodePoint;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return kInvalidCodePoint;
    }
    pos += len;
    return cp;
}

bool isPySpace(char32_t c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x1C:
    case 0x1D:
    case 0x1E:
    case 0x1F:
    case 0x20:
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

std::string_view pyStrip(std::string_view s) {
    std::size_t begin = 0;
    while (begin < s.size()) {
        const std::size_t w = pySpaceAt(s, begin);
        if (w == 0)
            break;
        begin += w;
    }
    std::size_t end = s.size();
    while (end > begin) {
        // The last character starts at most 3 continuation bytes before the end.
        std::size_t start = end - 1;
        while (start > begin && end - start < 4 &&
               (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
            --start;
        if (pySpaceAt(s, start) != end - start)
            break;
        end = start;
    }
    return s.substr(begin, end - begin);
}

std::vector<std::string_view> pySplit(std::string_view s) {
    std::vector<std::string_view> tokens;
    pySplit(s, [&](std::string_view t) { tokens.push_back(t); });
    return tokens;
}

std::optional<double> pyFloat(std::string_view input) {
    const auto ascii = asciiLiteral(input);
    if (!ascii || ascii->empty())
        return std::nullopt;
    const std::string& s = *ascii;
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-')
        negative = s[i++] == '-';
    const std::string_view rest = std::string_view(s).substr(i);
    if (equalsIgnoreCase(rest, "inf") || equalsIgnoreCase(rest, "infinity"))
        return negative ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity();
    if (equalsIgnoreCase(rest, "nan"))
        return negative ? -std::numeric_limits<double>::quiet_NaN()
                        : std::numeric_limits<double>::quiet_NaN();

    std::string clean;
    bool intDigits = digitPart(s, i, clean);
    bool fracDigits = false;
    if (i < s.size() && s[i] == '.') {
        clean.push_back('.');
        ++i;
        fracDigits = digitPart(s, i, clean);
    }
    if (!intDigits && !fracDigits)
        return std::nullopt;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        clean.push_back('e');
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            clean.push_back(s[i++]);
        if (!digitPart(s, i, clean))
            return std::nullopt;
    }
    if (i != s.size())
        return std::nullopt;

    double value = 0;
    const auto [ptr, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (ec == std::errc::result_out_of_range) {
        // Python rounds like strtod: too large is infinity, too small is zero. Where the first
        // non-zero digit sits (its power of ten) tells which.
        const std::size_t ePos = std::min(clean.find('e'), clean.size());
        const std::string_view mantissa = std::string_view(clean).substr(0, ePos);
        const std::size_t point = std::min(mantissa.find('.'), mantissa.size());
        long long exp10 = 0;
        if (ePos < clean.size()) {
            std::string_view e = std::string_view(clean).substr(ePos + 1);
            const bool expNegative = !e.empty() && e[0] == '-';
            if (!e.empty() && (e[0] == '-' || e[0] == '+'))
                e.remove_prefix(1);
            for (char c : e)
                exp10 = std::min<long long>(exp10 * 10 + (c - '0'), 1000000000LL);
            if (expNegative)
                exp10 = -exp10;
        }
        const std::size_t first = mantissa.find_first_of("123456789");
        bool huge = false;
        if (first != std::string_view::npos) {
            // Digits before the point count up from 1, those after it down from 0.
            const long long position = first < point ? static_cast<long long>(point - first)
                                                     : -static_cast<long long>(first - point - 1);
            huge = position + exp10 > 0;
        }
        value = huge ? std::numeric_limits<double>::infinity() : 0.0;
    } else if (ec != std::errc() || ptr != clean.data() + clean.size()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::optional<std::int64_t> pyInt(std::string_view input) {
    const auto ascii = asciiLiteral(input);
    if (!ascii || ascii->empty())
        return std::nullopt;
    const std::string& s = *ascii;
    std::size_t i = 0;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-')
        negative = s[i++] == '-';
    std::string digits;
    if (!digitPart(s, i, digits) || i != s.size())
        return std::nullopt;
    std::uint64_t magnitude = 0;
    for (char c : digits) {
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (magnitude > (std::numeric_limits<std::uint64_t>::max() - d) / 10)
            return std::nullopt;
        magnitude = magnitude * 10 + d;
    }
    const auto limit = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    if (negative) {
        if (magnitude > limit + 1)
            return std::nullopt;
        return magnitude == limit + 1 ? std::numeric_limits<std::int64_t>::min()
                                      : -static_cast<std::int64_t>(magnitude);
    }
    if (magnitude > limit)
        return std::nullopt;
    return static_cast<std::int64_t>(magnitude);
}

void appendPyJsonString(std::string& out, std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    auto unit = [&](std::uint32_t u) {
        out += "\\u";
        out += kHex[(u >> 12) & 0xF];
        out += kHex[(u >> 8) & 0xF];
        out += kHex[(u >> 4) & 0xF];
        out += kHex[u & 0xF];
    };
    out.push_back('"');
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto byte = static_cast<unsigned char>(s[pos]);
        if (byte < 0x80) {
            ++pos;
            switch (byte) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            default:
                if (byte < 0x20)
                    unit(byte);
                else
                    out.push_back(static_cast<char>(byte));
            }
            continue;
        }
        char32_t c = decodeUtf8(s, pos);
        if (c == kInvalidCodePoint)
            c = 0xFFFD;
        if (c >= 0x10000) {
            const std::uint32_t v = static_cast<std::uint32_t>(c) - 0x10000;
            unit(0xD800 | (v >> 10));
            unit(0xDC00 | (v & 0x3FF));
        } else {
            unit(static_cast<std::uint32_t>(c));
        }
    }
    out.push_back('"');
}

std::string pyFloatRepr(double value) {
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    if (value == 0)
        return std::signbit(value) ? "-0.0" : "0.0";
    // Shortest round-trip digits and the decimal exponent, then Python's layout rules.
    char buf[64];
    const auto [end, ec] =
        std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    if (ec != std::errc())
        return "nan";
    std::string_view sci(buf, static_cast<std::size_t>(end - buf));
    const bool negative = sci.front() == '-';
    if (negative)
        sci.remove_prefix(1);
    const std::size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.')
            digits.push_back(c);
    int exponent = 0;
    std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exponent);
    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
        if (exponent < 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-exponent - 1), '0');
            out += digits;
        } else if (digits.size() <= static_cast<std::size_t>(exponent) + 1) {
            out += digits;
            out.append(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
            out += ".0";
        } else {
            out += digits.substr(0, static_cast<std::size_t>(exponent) + 1);
            out += '.';
            out += digits.substr(static_cast<std::size_t>(exponent) + 1);
        }
        return out;
    }
    out += digits.substr(0, 1);
    if (digits.size() > 1) {
        out += '.';
        out += digits.substr(1);
    }
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += exp;
    return out;
}

} // namespace r2p::text
