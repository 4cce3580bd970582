// The offline reasoner's word lists: label keywords, a small sentiment lexicon, the phrases
// that state a paper's contribution, and the words that cannot end or open a title. Data only.
#pragma once

#include <array>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::engine::offline {

using WordSet = std::set<std::string, std::less<>>;

// Words that point to a label when nothing in the profile does (the label's own words count
// too); empty for a label the lexicon does not know.
const std::vector<std::string_view>& labelKeywords(std::string_view label);

// The sentiment lexicon over reviews; a negator just before a word flips it.
const WordSet& positiveWords();
const WordSet& negativeWords();
const WordSet& negatorWords();

// The phrases that introduce a paper's contribution (LaMP-5).
inline constexpr std::array<std::string_view, 14> kContributionCues = {
    "in this paper, we ",    "in this paper we ",
    "in this work, we ",     "we propose ",
    "we present ",           "we introduce ",
    "we describe ",          "we develop ",
    "we examine ",           "we study ",
    "this paper presents ",  "this paper proposes ",
    "this paper describes ", "this paper introduces "};

// Title-case words that stay lowercase inside a title ("of", "the", "vs"); `lower` lowercased.
bool minorWord(std::string_view lower);
// Words that open a title in a way that fits any topic ("Towards X", "On the X", "Rethinking X").
bool openingWord(std::string_view word);
// Nouns of a vague opening ("approach to", "a framework for") that names no topic; lowercased.
bool fluffWord(std::string_view lower);
// Words a cut text must not end on ("of", "the", "which"); lowercased.
bool danglingWord(std::string_view lower);
// Words after which a cut moves on rather than leave the phrase open ("new", "has"); lowercased.
bool weakWord(std::string_view lower);

} // namespace r2p::engine::offline
