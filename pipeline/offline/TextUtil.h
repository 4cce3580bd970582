// Text utilities shared by the offline reasoner and the lexical judge: one notion of a
// "content word", so the judge checks an answer with the words the reasoner wrote it from.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace r2p::engine::offline {

// Content words: ROUGE tokens of three letters or more that are not common function words,
// ordered so every listing is deterministic.
std::set<std::string> contentWords(std::string_view text);

} // namespace r2p::engine::offline
