// Outside text (LaMP files, server replies, command-line arguments) may hold bytes that are not
// UTF-8, and messages are cut to a length: these helpers make such text safe to print, store and
// put into JSON, so no invalid byte or half character ever reaches a JSON dump or a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace r2p {

// What a byte >= 0x80 at the start of a character allows next: `need` continuation bytes (0:
// the byte cannot start one), the first of them within [lo, hi], the rest within [0x80, 0xBF].
// For checkers that see text a piece at a time (the questions scanner).
struct Utf8Lead {
    unsigned need = 0;
    unsigned char lo = 0x80, hi = 0xBF;
};
Utf8Lead utf8Lead(unsigned char byte);

// True if `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool isValidUtf8(std::string_view text);
// Byte offset of the first ill-formed sequence, or text.size() when there is none.
std::size_t firstInvalidUtf8(std::string_view text);
// `text` with every ill-formed sequence replaced by U+FFFD, one per maximal subpart (the
// Unicode "best practice" that WHATWG's decoder and Python's errors="replace" follow).
std::string validUtf8(std::string_view text);
// The longest prefix of `text` of at most `maxBytes` bytes that does not end inside a
// character (the text itself should be valid UTF-8; see clipUtf8 for outside text).
std::string_view utf8Prefix(std::string_view text, std::size_t maxBytes);
// For messages: validUtf8(text), cut at a character boundary so that it plus "…" fits in
// `maxBytes`, with "…" appended when something was cut.
std::string clipUtf8(std::string_view text, std::size_t maxBytes);

} // namespace r2p
