#include "Rouge.h"

#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace r2p::metrics {

namespace {

// A tokenized text: token bytes back to back in `chars`, token i spanning
// [starts[i], starts[i + 1]); sentence s holding tokens [sentenceStarts[s],
// sentenceStarts[s + 1]). Only sentences with at least one character count (rouge_score drops
// empty lines before tokenizing).
struct Tokens {
    std::string chars;
    std::vector<std::uint32_t> starts{0};
    std::vector<std::uint32_t> sentenceStarts{0};
    std::vector<std::uint32_t> ids; // filled by assignIds
    bool multiLine = false;

    void clear() {
        chars.clear();
        starts.assign(1, 0);
        sentenceStarts.assign(1, 0);
        ids.clear();
        multiLine = false;
    }
    std::size_t size() const { return starts.size() - 1; }
    std::size_t sentences() const { return sentenceStarts.size() - 1; }
    std::string_view token(std::size_t i) const {
        return std::string_view(chars).substr(starts[i], starts[i + 1] - starts[i]);
    }
};

void tokenizeInto(std::string_view text, Tokens& out) {
    out.clear();
    bool inToken = false;
    bool sentenceHasChars = false;
    auto endToken = [&] {
        if (inToken) {
            out.starts.push_back(static_cast<std::uint32_t>(out.chars.size()));
            inToken = false;
        }
    };
    auto put = [&](char c) {
        out.chars.push_back(c);
        inToken = true;
    };
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto byte = static_cast<unsigned char>(text[pos]);
        if (byte < 0x80) {
            ++pos;
            if (byte == '\n') {
                endToken();
                out.multiLine = true;
                if (sentenceHasChars)
                    out.sentenceStarts.push_back(static_cast<std::uint32_t>(out.size()));
                sentenceHasChars = false;
                continue;
            }
            sentenceHasChars = true;
            if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9'))
                put(static_cast<char>(byte));
            else if (byte >= 'A' && byte <= 'Z')
                put(static_cast<char>(byte - 'A' + 'a'));
            else
                endToken();
            continue;
        }
        sentenceHasChars = true;
        const char32_t c = text::decodeUtf8(text, pos);
        if (c == 0x0130) { // 'İ'.lower() == "i\u0307": an 'i', then a non-alphanumeric
            put('i');
            endToken();
        } else if (c == 0x212A) { // KELVIN SIGN lowercases to ASCII 'k'
            put('k');
        } else {
            endToken();
        }
    }
    endToken();
    if (sentenceHasChars)
        out.sentenceStarts.push_back(static_cast<std::uint32_t>(out.size()));
}

// Gives equal tokens of both texts the same small id.
std::uint32_t assignIds(Tokens& a, Tokens& b,
                        std::vector<std::pair<std::string_view, std::uint32_t>>& all) {
    all.clear();
    for (std::uint32_t i = 0; i < a.size(); ++i)
        all.emplace_back(a.token(i), i);
    for (std::uint32_t i = 0; i < b.size(); ++i)
        all.emplace_back(b.token(i), static_cast<std::uint32_t>(a.size() + i));
    std::sort(all.begin(), all.end());
    a.ids.assign(a.size(), 0);
    b.ids.assign(b.size(), 0);
    std::uint32_t next = 0;
    for (std::size_t k = 0; k < all.size(); ++k) {
        if (k > 0 && all[k].first != all[k - 1].first)
            ++next;
        const std::uint32_t where = all[k].second;
        if (where < a.size())
            a.ids[where] = next;
        else
            b.ids[where - a.size()] = next;
    }
    return all.empty() ? 0 : next + 1;
}

double fmeasure(double precision, double recall) {
    if (precision + recall > 0)
        return 2 * precision * recall / (precision + recall);
    return 0.0;
}

double ngramF(std::uint64_t overlap, std::size_t predCount, std::size_t targetCount) {
    const double precision =
        static_cast<double>(overlap) / static_cast<double>(std::max<std::size_t>(predCount, 1));
    const double recall =
        static_cast<double>(overlap) / static_cast<double>(std::max<std::size_t>(targetCount, 1));
    return fmeasure(precision, recall);
}

// Σ over distinct keys of min(count in a, count in b), for sorted key lists.
std::uint64_t sortedOverlap(const std::vector<std::uint64_t>& a,
                            const std::vector<std::uint64_t>& b) {
    std::uint64_t overlap = 0;
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] < b[j]) {
            ++i;
        } else if (b[j] < a[i]) {
            ++j;
        } else {
            const std::uint64_t key = a[i];
            std::size_t ca = 0, cb = 0;
            while (i < a.size() && a[i] == key)
                ++i, ++ca;
            while (j < b.size() && b[j] == key)
                ++j, ++cb;
            overlap += std::min(ca, cb);
        }
    }
    return overlap;
}

struct Scratch {
    Tokens prediction, target;
    std::vector<std::pair<std::string_view, std::uint32_t>> all;
    std::vector<std::uint64_t> ga, gb;
    std::vector<std::uint32_t> row, prev, table;
    std::vector<std::uint32_t> unionMarks;
    std::vector<std::int64_t> countsR, countsC;
};

// LCS length of two id sequences.
std::uint32_t lcsLength(const std::uint32_t* a, std::size_t n, const std::uint32_t* b,
                        std::size_t m, Scratch& s) {
    s.prev.assign(m + 1, 0);
    s.row.assign(m + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j)
            s.row[j] = a[i - 1] == b[j - 1] ? s.prev[j - 1] + 1 : std::max(s.prev[j], s.row[j - 1]);
        std::swap(s.prev, s.row);
    }
    return s.prev[m];
}

// rouge_score's lcs_ind: the table, then _backtrack_norec; calls mark(i) for each index of
// `ref` on the LCS it picks.
template <typename Mark>
void lcsIndices(const std::uint32_t* ref, std::size_t n, const std::uint32_t* can, std::size_t m,
                Scratch& s, Mark&& mark) {
    const std::size_t w = m + 1;
    s.table.assign((n + 1) * w, 0);
    auto t = [&](std::size_t i, std::size_t j) -> std::uint32_t& {
        return s.table[i * w + j];
    };
    for (std::size_t i = 1; i <= n; ++i)
        for (std::size_t j = 1; j <= m; ++j)
            t(i, j) =
                ref[i - 1] == can[j - 1] ? t(i - 1, j - 1) + 1 : std::max(t(i - 1, j), t(i, j - 1));
    std::size_t i = n, j = m;
    while (i > 0 && j > 0) {
        if (ref[i - 1] == can[j - 1]) {
            mark(i - 1);
            --i;
            --j;
        } else if (t(i, j - 1) > t(i - 1, j)) {
            --j;
        } else {
            --i;
        }
    }
}

// rouge_score's _summary_level_lcs with its double-counting guard.
double summaryLevelLcs(const Tokens& target, const Tokens& prediction, std::uint32_t vocabulary,
                       Scratch& s) {
    if (target.sentences() == 0 || prediction.sentences() == 0)
        return 0;
    const std::size_t m = target.size(), n = prediction.size();
    if (m == 0 || n == 0)
        return 0;
    s.countsR.assign(vocabulary, 0);
    s.countsC.assign(vocabulary, 0);
    for (auto id : target.ids)
        ++s.countsR[id];
    for (auto id : prediction.ids)
        ++s.countsC[id];
    std::uint64_t hits = 0;
    for (std::size_t r = 0; r < target.sentences(); ++r) {
        const std::uint32_t rb = target.sentenceStarts[r], re = target.sentenceStarts[r + 1];
        const std::uint32_t* ref = target.ids.data() + rb;
        const std::size_t refLen = re - rb;
        s.unionMarks.assign(refLen, 0);
        for (std::size_t c = 0; c < prediction.sentences(); ++c) {
            const std::uint32_t cb = prediction.sentenceStarts[c],
                                ce = prediction.sentenceStarts[c + 1];
            lcsIndices(ref, refLen, prediction.ids.data() + cb, ce - cb, s,
                       [&](std::size_t i) { s.unionMarks[i] = 1; });
        }
        // The union, in index order (sorted(set().union(...))).
        for (std::size_t i = 0; i < refLen; ++i) {
            if (!s.unionMarks[i])
                continue;
            const std::uint32_t t = ref[i];
            if (s.countsC[t] > 0 && s.countsR[t] > 0) {
                ++hits;
                --s.countsC[t];
                --s.countsR[t];
            }
        }
    }
    const double recall = static_cast<double>(hits) / static_cast<double>(m);
    const double precision = static_cast<double>(hits) / static_cast<double>(n);
    return fmeasure(precision, recall);
}

} // namespace

std::vector<std::string> rougeTokenize(std::string_view text) {
    Tokens t;
    tokenizeInto(text, t);
    std::vector<std::string> out;
    out.reserve(t.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        out.emplace_back(t.token(i));
    return out;
}

RougeScores rougeScores(std::string_view prediction, std::string_view target) {
    thread_local Scratch scratch;
    Scratch& s = scratch;
    tokenizeInto(prediction, s.prediction);
    tokenizeInto(target, s.target);
    Tokens& p = s.prediction;
    Tokens& t = s.target;
    const std::uint32_t vocabulary = assignIds(t, p, s.all);
    RougeScores out;

    // ROUGE-1: unigram counts by id.
    {
        s.ga.assign(t.ids.begin(), t.ids.end());
        s.gb.assign(p.ids.begin(), p.ids.end());
        std::sort(s.ga.begin(), s.ga.end());
        std::sort(s.gb.begin(), s.gb.end());
        out.rouge1 = ngramF(sortedOverlap(s.ga, s.gb), p.size(), t.size());
    }
    // ROUGE-2: bigrams as id pairs packed in 64 bits.
    {
        auto bigrams = [&](const Tokens& x, std::vector<std::uint64_t>& g) {
            g.clear();
            for (std::size_t i = 0; i + 1 < x.size(); ++i)
                g.push_back(static_cast<std::uint64_t>(x.ids[i]) * vocabulary + x.ids[i + 1]);
            std::sort(g.begin(), g.end());
        };
        bigrams(t, s.ga);
        bigrams(p, s.gb);
        out.rouge2 = ngramF(sortedOverlap(s.ga, s.gb), s.gb.size(), s.ga.size());
    }
    // ROUGE-L over the whole texts.
    if (t.size() > 0 && p.size() > 0) {
        const std::uint32_t lcs = lcsLength(t.ids.data(), t.size(), p.ids.data(), p.size(), s);
        const double precision = static_cast<double>(lcs) / static_cast<double>(p.size());
        const double recall = static_cast<double>(lcs) / static_cast<double>(t.size());
        out.rougeL = fmeasure(precision, recall);
    }
    // ROUGE-Lsum: with one sentence per side it is ROUGE-L (the union is that LCS).
    if (!t.multiLine && !p.multiLine)
        out.rougeLsum = out.rougeL;
    else
        out.rougeLsum = summaryLevelLcs(t, p, vocabulary, s);
    return out;
}

} // namespace r2p::metrics
