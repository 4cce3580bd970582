// Outside text (LaMP files, server replies, command-line arguments) may hold bytes that are not
// UTF-8, and messages are cut to a length: these helpers make such text safe to print, store and
// put into JSON, so no invalid byte or half character ever reaches a JSON dump or a terminal.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace r2p {

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
