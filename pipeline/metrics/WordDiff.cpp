#include "WordDiff.h"

#include "Rouge.h"
#include "pipeline/text/PyText.h"

namespace r2p::metrics {

namespace {

struct Keyed {
    std::vector<DiffWord> words;
    std::vector<std::string> keys;
};

Keyed split(std::string_view text) {
    Keyed out;
    for (std::string_view w : text::pySplit(text)) {
        out.words.push_back({std::string(w), false});
        std::string key;
        for (const auto& t : rougeTokenize(w)) {
            if (!key.empty())
                key += ' ';
            key += t;
        }
        out.keys.push_back(std::move(key));
    }
    return out;
}

} // namespace

WordDiff wordDiff(std::string_view answer, std::string_view gold) {
    Keyed a = split(answer), g = split(gold);
    const std::size_t n = a.keys.size(), m = g.keys.size();
    // LCS table over word keys; empty keys never match.
    std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] = !a.keys[i].empty() && a.keys[i] == g.keys[j]
                            ? lcs[i + 1][j + 1] + 1
                            : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    WordDiff d;
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (!a.keys[i].empty() && a.keys[i] == g.keys[j]) {
            a.words[i++].matched = true;
            g.words[j++].matched = true;
            ++d.common;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    d.answer = std::move(a.words);
    d.gold = std::move(g.words);
    return d;
}

} // namespace r2p::metrics
