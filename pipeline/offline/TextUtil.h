// Text utilities shared by the offline reasoner and the lexical judge: ASCII case, words,
// joining, number formatting, citations, item fields and one notion of a "content word", so the
// judge checks an answer with the words the reasoner wrote it from.
#pragma once

#include "pipeline/engine/HrtTemplate.h"

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::engine::offline {

inline bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}

inline bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}

inline bool isAlpha(char c) {
    return isUpper(c) || isLower(c);
}

inline char toLower(char c) {
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}

inline char toUpper(char c) {
    return isLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string lowerAscii(std::string_view s);
std::string strip(std::string_view s);
std::vector<std::string> splitWords(std::string_view s);
std::string joinWords(const std::vector<std::string>& words, std::size_t count);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Two decimals without the C locale's help (the GUI sets LC_ALL from the environment).
std::string fixed2(double x);
// The first `maxWords` words of `text` on one line, with an ellipsis when cut.
std::string shortQuote(std::string_view text, std::size_t maxWords);
// A sentence ends with punctuation.
std::string sentence(std::string s);
// "[P1, P3]"
std::string cite(const std::vector<int>& ns);

// Content words: ROUGE tokens of three letters or more that are not common function words,
// ordered so every listing is deterministic.
std::set<std::string> contentWords(std::string_view text);
std::vector<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b);

// The value of an item's field; empty when the item has none.
std::string_view field(const PromptItem& item, std::string_view name);
// The item's text fields joined (dates and ids are no evidence).
std::string itemText(const PromptItem& item);

} // namespace r2p::engine::offline
