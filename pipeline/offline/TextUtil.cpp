#include "TextUtil.h"

#include "pipeline/metrics/Rouge.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>

namespace r2p::engine::offline {

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = toLower(c);
    return out;
}

std::string strip(std::string_view s) {
    return std::string(text::pyStrip(s));
}

std::vector<std::string> splitWords(std::string_view s) {
    std::vector<std::string> out;
    text::pySplit(s, [&](std::string_view w) { out.emplace_back(w); });
    return out;
}

std::string joinWords(const std::vector<std::string>& words, std::size_t count) {
    std::string out;
    for (std::size_t i = 0; i < words.size() && i < count; ++i) {
        if (i)
            out += ' ';
        out += words[i];
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i)
            out += sep;
        out += parts[i];
    }
    return out;
}

std::string fixed2(double x) {
    const long long v = std::llround(x * 100);
    const long long a = v < 0 ? -v : v;
    std::string out = v < 0 ? "-" : "";
    out += std::to_string(a / 100) + ".";
    const long long frac = a % 100;
    if (frac < 10)
        out += '0';
    out += std::to_string(frac);
    return out;
}

std::string shortQuote(std::string_view text, std::size_t maxWords) {
    const auto words = splitWords(text);
    std::string out = joinWords(words, maxWords);
    if (words.size() > maxWords)
        out += " …";
    return out;
}

std::string sentence(std::string s) {
    if (!s.empty() && s.back() != '.' && s.back() != '!' && s.back() != '?')
        s += '.';
    return s;
}

std::string cite(const std::vector<int>& ns) {
    std::string out = "[";
    for (std::size_t i = 0; i < ns.size(); ++i) {
        if (i)
            out += ", ";
        out += "P" + std::to_string(ns[i]);
    }
    return out + "]";
}

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

std::vector<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::vector<std::string> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::string_view field(const PromptItem& item, std::string_view name) {
    for (const auto& [k, v] : item.fields)
        if (k == name)
            return v;
    return {};
}

std::string itemText(const PromptItem& item) {
    std::string out;
    for (const auto& [k, v] : item.fields) {
        if (k == "date" || k == "id")
            continue;
        if (!out.empty())
            out += ' ';
        out += v;
    }
    return out;
}

} // namespace r2p::engine::offline
