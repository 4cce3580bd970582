#include "TextUtil.h"

#include "pipeline/metrics/Rouge.h"

#include <functional>

namespace r2p::engine::offline {

std::set<std::string> contentWords(std::string_view text) {
    static const std::set<std::string, std::less<>> stop = {
        "the",   "and",    "for",   "with",  "from",  "that", "this",  "are",  "was",
        "were",  "has",    "have",  "had",   "but",   "not",  "you",   "your", "our",
        "its",   "his",    "her",   "their", "they",  "them", "which", "what", "when",
        "who",   "how",    "into",  "over",  "than",  "then", "also",  "can",  "will",
        "would", "should", "about", "these", "those", "some", "such",  "more", "most",
        "very",  "been",   "being", "all",   "any",   "one",  "two",   "out",  "use",
        "using", "based",  "new",   "said",  "says",  "just", "after", "first"};
    std::set<std::string> out;
    for (auto& t : metrics::rougeTokenize(text))
        if (t.size() >= 3 && !stop.count(t))
            out.insert(std::move(t));
    return out;
}

} // namespace r2p::engine::offline
