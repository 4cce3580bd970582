// Scoring one prediction, agreement between candidates, the offline lexical judge and reading
// a model judge's reply.
#include "Judge.h"

#include "model/InputParts.h"
#include "pipeline/metrics/LampMetrics.h"
#include "pipeline/metrics/Rouge.h"
#include "pipeline/offline/TextUtil.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace r2p::engine {

namespace {

using offline::contentWords;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The judge counts each retrieved item once: retrieval scores are the reasoner's weights, and
// a judge that weighed the history the same way would only repeat the reasoner's vote.
std::vector<double> itemWeights(const std::vector<PromptItem>& items) {
    return std::vector<double>(items.size(), 1.0 / static_cast<double>(items.size()));
}

std::string_view itemField(const PromptItem& item, std::string_view name) {
    for (const auto& [k, v] : item.fields)
        if (k == name)
            return v;
    return {};
}

std::string itemText(const PromptItem& item) {
    std::string text;
    for (const auto& [k, v] : item.fields) {
        if (!text.empty())
            text += ' ';
        text += v;
    }
    return text;
}

std::size_t overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::size_t n = 0;
    for (const auto& t : a)
        n += b.count(t);
    return n;
}

std::string citeList(const std::vector<int>& ns) {
    std::string out;
    for (int n : ns) {
        if (!out.empty())
            out += ", ";
        out += "P" + std::to_string(n);
    }
    return out;
}

std::string percent(double share) {
    return std::to_string(static_cast<int>(std::lround(share * 100))) + "%";
}

LexicalVerdict judgeLabel(TaskId task, std::string_view cand,
                          const std::vector<PromptItem>& items) {
    const std::string_view labelField = task == TaskId::LaMP2N ? "category" : "tag";
    const auto w = itemWeights(items);
    LexicalVerdict v;
    double support = 0;
    std::map<std::string, double> byLabel;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto label = std::string(text::pyStrip(itemField(items[i], labelField)));
        if (label.empty())
            continue;
        byLabel[label] += w[i];
        if (label == cand) {
            support += w[i];
            v.evidence.push_back(items[i].n);
        }
    }
    // The most frequent other label.
    std::string top;
    double topWeight = 0;
    for (const auto& [label, weight] : byLabel)
        if (label != cand && weight > topWeight)
            top = label, topWeight = weight;
    auto carriersOfTop = [&] {
        std::vector<int> ns;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (text::pyStrip(itemField(items[i], labelField)) == top)
                ns.push_back(items[i].n);
        return ns;
    };
    if (support >= 0.4 && support >= topWeight) {
        v.verdict = Verdict::Supported;
        v.reason = citeList(v.evidence) + " carry \"" + std::string(cand) + "\" (" +
                   percent(support) + " of the retrieved items)";
    } else if (support > 0) {
        v.verdict = Verdict::Partial;
        v.reason =
            citeList(v.evidence) + " carry \"" + std::string(cand) + "\", " + percent(support) +
            " of the retrieved items" +
            (topWeight > support ? "; more carry \"" + top + "\" (" + percent(topWeight) + ")"
                                 : std::string());
    } else if (topWeight >= 0.5) {
        v.verdict = Verdict::Contradicted;
        v.evidence = carriersOfTop();
        v.reason = "no retrieved item carries \"" + std::string(cand) + "\"; " +
                   citeList(v.evidence) + " point to \"" + top + "\" (" + percent(topWeight) + ")";
    } else {
        v.verdict = Verdict::Unsupported;
        v.reason = "no retrieved item carries \"" + std::string(cand) + "\"";
    }
    return v;
}

LexicalVerdict judgeCitation(std::string_view input, std::string_view cand,
                             const std::vector<PromptItem>& items) {
    LexicalVerdict v;
    const auto quoted = quotedStrings(input);
    if (quoted.size() < 3 || (cand != "[1]" && cand != "[2]")) {
        v.verdict = Verdict::Unsupported;
        v.reason = quoted.size() < 3 ? "the input does not quote two candidate references"
                                     : "the answer names neither [1] nor [2]";
        return v;
    }
    const std::size_t mine = cand == "[1]" ? 1 : 2;
    const std::size_t other = mine == 1 ? 2 : 1;
    const auto refMine = contentWords(quoted[mine]);
    const auto refOther = contentWords(quoted[other]);
    const auto w = itemWeights(items);
    double sMine = 0, sOther = 0;
    std::vector<int> forOther;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto words = contentWords(itemText(items[i]));
        const auto a = overlap(refMine, words), b = overlap(refOther, words);
        sMine += w[i] * static_cast<double>(a);
        sOther += w[i] * static_cast<double>(b);
        if (a > 0 && a >= b)
            v.evidence.push_back(items[i].n);
        else if (b > a)
            forOther.push_back(items[i].n);
    }
    const std::string other_s = other == 1 ? "[1]" : "[2]";
    if (sMine > 0 && sMine >= 1.1 * sOther) {
        v.verdict = Verdict::Supported;
        v.reason = citeList(v.evidence) + " share more words with " + std::string(cand) +
                   " than with " + other_s;
    } else if (sOther > 0 && sOther >= 2 * sMine) {
        v.verdict = Verdict::Contradicted;
        v.evidence = forOther;
        v.reason = citeList(forOther) + " are closer to " + other_s;
    } else if (sMine > 0) {
        v.verdict = Verdict::Partial;
        v.reason = "both references share words with the user's papers; " + std::string(cand) +
                   " only slightly less or no more than " + other_s;
    } else {
        v.verdict = Verdict::Unsupported;
        v.reason = "no retrieved paper shares a content word with " + std::string(cand);
    }
    return v;
}

LexicalVerdict judgeRating(std::string_view cand, const std::vector<PromptItem>& items) {
    LexicalVerdict v;
    const auto value = text::pyFloat(cand);
    if (!value || !std::isfinite(*value)) {
        v.verdict = Verdict::Unsupported;
        v.reason = "\"" + std::string(cand) + "\" is not a rating";
        return v;
    }
    const auto w = itemWeights(items);
    double support = 0, against = 0;
    std::vector<int> contra;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto r = text::pyFloat(text::pyStrip(itemField(items[i], "score")));
        if (!r)
            continue;
        const double d = std::fabs(*r - *value);
        if (d <= 1.0) {
            support += w[i] * (d < 0.5 ? 1.0 : 0.5);
            v.evidence.push_back(items[i].n);
        } else if (d >= 2.0) {
            against += w[i];
            contra.push_back(items[i].n);
        }
    }
    if (support >= 0.5 && support > against) {
        v.verdict = Verdict::Supported;
        v.reason = citeList(v.evidence) + " rate within one star of " + std::string(cand);
    } else if (against > support && against >= 0.5) {
        v.verdict = Verdict::Contradicted;
        v.evidence = contra;
        v.reason = citeList(contra) + " rate two or more stars away from " + std::string(cand) +
                   " (" + percent(against) + " of the weight)";
    } else if (support > 0) {
        v.verdict = Verdict::Partial;
        v.reason = "only " + citeList(v.evidence) + " rate near " + std::string(cand);
    } else {
        v.verdict = Verdict::Unsupported;
        v.reason = "no retrieved review carries a rating near " + std::string(cand);
    }
    return v;
}

std::size_t wordCount(std::string_view text) {
    std::size_t n = 0;
    bool inWord = false;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        n += !space && !inWord ? 1 : 0;
        inWord = !space;
    }
    return n;
}

// The user's own past outputs: what a text answer should read like.
std::string_view outputField(TaskId task) {
    return task == TaskId::LaMP7 ? "text" : "title";
}

LexicalVerdict judgeText(TaskId task, std::string_view cand, const std::vector<PromptItem>& items) {
    LexicalVerdict v;
    const auto words = contentWords(cand);
    if (words.empty()) {
        v.verdict = Verdict::Unsupported;
        v.reason = "the answer has no content words to check";
        return v;
    }
    // Against what the user wrote (their headlines, titles, tweets), not the articles and
    // abstracts the answer was cut from: words they use, and a length like theirs.
    std::vector<std::size_t> lengths;
    std::set<std::string> used;
    for (const auto& item : items) {
        std::string_view out = text::pyStrip(itemField(item, outputField(task)));
        if (out.empty())
            continue;
        lengths.push_back(wordCount(out));
        const auto shared = contentWords(out);
        bool any = false;
        for (const auto& t : words)
            if (shared.count(t)) {
                used.insert(t);
                any = true;
            }
        if (any)
            v.evidence.push_back(item.n);
    }
    if (lengths.empty()) {
        v.verdict = Verdict::Unsupported;
        v.reason = "no retrieved item carries the user's own " +
                   std::string(task == TaskId::LaMP7 ? "tweet" : "title") + " to compare with";
        return v;
    }
    std::sort(lengths.begin(), lengths.end());
    const std::size_t typical = lengths[lengths.size() / 2];
    const std::size_t length = wordCount(cand);
    const bool lengthFits = length * 2 >= typical && length <= typical * 2;
    const double share = static_cast<double>(used.size()) / static_cast<double>(words.size());
    const std::string lengths_s =
        std::to_string(length) + " words against the user's typical " + std::to_string(typical);
    if (share >= 0.3 && lengthFits) {
        v.verdict = Verdict::Supported;
        v.reason = citeList(v.evidence) + " use " + percent(share) +
                   " of the answer's content words; " + lengths_s;
    } else if (share == 0 && !lengthFits) {
        v.verdict = Verdict::Contradicted;
        v.reason = "the user's own texts share no content word with the answer, and its length "
                   "is off: " +
                   lengths_s;
    } else if (share == 0) {
        v.verdict = Verdict::Unsupported;
        v.reason = "the user's own texts share no content word with the answer";
    } else {
        v.verdict = Verdict::Partial;
        v.reason = citeList(v.evidence) + " use " + percent(share) +
                   " of the answer's content words; " + lengths_s;
    }
    return v;
}

} // namespace

ScoreList scorePrediction(TaskId task, std::string_view prediction, std::string_view gold) {
    const auto& spec = taskSpec(task);
    switch (spec.kind) {
    case TaskKind::Classification: {
        const int p = metrics::lampLabelIndex(task, prediction);
        const int g = metrics::lampLabelIndex(task, gold);
        return {{"accuracy", p == g ? 1.0 : 0.0}};
    }
    case TaskKind::Rating: {
        const auto g = text::pyFloat(gold);
        if (!g)
            return {};
        const auto p32 = static_cast<float>(metrics::lampRatingValue(prediction, *g));
        const float diff = p32 - static_cast<float>(*g);
        return {{"MAE", static_cast<double>(std::fabs(diff))},
                {"squared_error", static_cast<double>(diff * diff)}};
    }
    case TaskKind::Generation: {
        const auto r = metrics::rougeScores(text::pyStrip(prediction), text::pyStrip(gold));
        return {{"rouge-1", r.rouge1},
                {"rouge-2", r.rouge2},
                {"rouge-L", r.rougeL},
                {"rouge-Lsum", r.rougeLsum}};
    }
    case TaskKind::Invalid:
        break;
    }
    return {};
}

std::vector<double> candidateAgreement(AnswerKind kind, const std::vector<std::string>& answers) {
    const std::size_t m = answers.size();
    std::vector<double> out(m, 1.0);
    if (m <= 1)
        return out;
    if (kind == AnswerKind::Text) {
        for (std::size_t i = 0; i < m; ++i) {
            double sum = 0;
            for (std::size_t j = 0; j < m; ++j)
                if (i != j)
                    sum += metrics::rougeScores(answers[i], answers[j]).rougeL;
            out[i] = sum / static_cast<double>(m - 1);
        }
        return out;
    }
    for (std::size_t i = 0; i < m; ++i) {
        std::size_t same = 0;
        for (std::size_t j = 0; j < m; ++j)
            same += text::pyStrip(answers[i]) == text::pyStrip(answers[j]) ? 1 : 0;
        out[i] = static_cast<double>(same) / static_cast<double>(m);
    }
    return out;
}

LexicalVerdict lexicalJudge(TaskId task, const HrtTemplate& hrt, std::string_view candidate,
                            const std::vector<PromptItem>& items, std::string_view input) {
    const std::string_view cand = text::pyStrip(candidate);
    if (items.empty()) {
        LexicalVerdict v;
        v.verdict = Verdict::Unsupported;
        v.reason = "nothing was retrieved to check the answer against";
        return v;
    }
    if (task == TaskId::LaMP1)
        return judgeCitation(input, cand, items);
    switch (hrt.answer.kind) {
    case AnswerKind::Label:
        return judgeLabel(task, cand, items);
    case AnswerKind::Rating:
        return judgeRating(cand, items);
    case AnswerKind::Text:
    case AnswerKind::Invalid:
        break;
    }
    return judgeText(task, cand, items);
}

std::optional<LexicalVerdict> parseJudgeReply(std::string_view reply) {
    LexicalVerdict v;
    bool ambiguous = false; // two VERDICT lines that disagree
    std::size_t pos = 0;
    while (pos <= reply.size()) {
        std::size_t end = reply.find('\n', pos);
        if (end == std::string_view::npos)
            end = reply.size();
        std::string_view line = reply.substr(pos, end - pos);
        pos = end + 1;
        // Tolerate markdown decoration: "- **VERDICT:** supported".
        while (!line.empty() && (line.front() == ' ' || line.front() == '-' ||
                                 line.front() == '*' || line.front() == '#'))
            line.remove_prefix(1);
        const std::string low = lower(line);
        auto after = [&](std::string_view key) -> std::optional<std::string_view> {
            if (low.rfind(key, 0) != 0)
                return std::nullopt;
            std::string_view rest = line.substr(key.size());
            while (!rest.empty() &&
                   (rest.front() == '*' || rest.front() == ' ' || rest.front() == ':'))
                rest.remove_prefix(1);
            return text::pyStrip(rest);
        };
        if (auto rest = after("verdict")) {
            // Strict: the value is exactly one verdict word (bold or a full stop around it
            // allowed). "partially supported" or the format line echoed back are no verdict.
            std::string_view value = *rest;
            while (!value.empty() && (value.back() == '*' || value.back() == '.' ||
                                      value.back() == ' ' || value.back() == '\r'))
                value.remove_suffix(1);
            while (!value.empty() && value.front() == '*')
                value.remove_prefix(1);
            const auto word = parseVerdict(lower(value));
            if (word && *word != Verdict::Unparsed) {
                if (v.verdict != Verdict::Invalid && v.verdict != *word)
                    ambiguous = true;
                v.verdict = *word;
            }
        } else if (auto ev = after("evidence")) {
            for (std::size_t i = 0; i + 1 < ev->size(); ++i)
                if ((*ev)[i] == 'P' && std::isdigit(static_cast<unsigned char>((*ev)[i + 1]))) {
                    int n = 0;
                    std::size_t j = i + 1;
                    while (j < ev->size() && std::isdigit(static_cast<unsigned char>((*ev)[j])) &&
                           n < 100000)
                        n = n * 10 + ((*ev)[j++] - '0');
                    if (std::find(v.evidence.begin(), v.evidence.end(), n) == v.evidence.end())
                        v.evidence.push_back(n);
                    i = j - 1;
                }
        } else if (auto reason = after("reason")) {
            v.reason = std::string(*reason);
        }
    }
    if (v.verdict == Verdict::Invalid || ambiguous)
        return std::nullopt;
    return v;
}

} // namespace r2p::engine
