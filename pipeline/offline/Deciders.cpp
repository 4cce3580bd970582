#include "Deciders.h"

#include "Lexicons.h"
#include "TextGenerator.h"
#include "TextUtil.h"
#include "model/InputParts.h"
#include "pipeline/metrics/Rouge.h"
#include "pipeline/retrieval/LampQuery.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace r2p::engine::offline {

namespace {

struct KeywordMatch {
    std::size_t label = 0; // index into the labels
    std::vector<std::string> hits;
};

// The label whose keywords (its own words and the lexicon's) occur most in `text`; nullopt if
// none occurs. Ties go to the earlier label.
std::optional<KeywordMatch> keywordLabel(const std::vector<std::string>& labels,
                                         std::string_view text) {
    std::set<std::string> tokens;
    for (auto& t : metrics::rougeTokenize(text))
        tokens.insert(std::move(t));
    std::optional<KeywordMatch> best;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        std::set<std::string> keys;
        for (auto& t : metrics::rougeTokenize(labels[i]))
            if (t.size() >= 3 && t != "and" && t != "based" && t != "book" && t != "ending")
                keys.insert(std::move(t));
        for (auto k : labelKeywords(labels[i]))
            keys.emplace(k);
        KeywordMatch m;
        m.label = i;
        for (const auto& k : keys)
            if (tokens.count(k))
                m.hits.push_back(k);
        if (!m.hits.empty() && (!best || m.hits.size() > best->hits.size()))
            best = std::move(m);
    }
    return best;
}

struct Sentiment {
    std::vector<std::string> positive, negative;
    int rating = 3;
};

// A tiny sentiment lexicon over the review (a negator just before a word flips it).
Sentiment sentimentRating(std::string_view review) {
    const auto& pos = positiveWords();
    const auto& neg = negativeWords();
    const auto& negators = negatorWords();
    Sentiment s;
    const auto tokens = metrics::rougeTokenize(review);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool p = pos.count(tokens[i]) > 0, n = neg.count(tokens[i]) > 0;
        if (!p && !n)
            continue;
        bool flipped = false;
        for (std::size_t back = 1; back <= 2 && back <= i; ++back)
            flipped = flipped || negators.count(tokens[i - back]) > 0;
        ((p != flipped) ? s.positive : s.negative).push_back(tokens[i]);
    }
    const double p = static_cast<double>(s.positive.size());
    const double n = static_cast<double>(s.negative.size());
    if (p + n > 0) {
        const double balance = (p - n) / (p + n);
        s.rating = balance >= 0.6   ? 5
                   : balance >= 0.2 ? 4
                   : balance > -0.2 ? 3
                   : balance > -0.6 ? 2
                                    : 1;
    }
    return s;
}

Decision decideCitation(std::string_view input, const std::vector<Weighted>& items) {
    Decision d;
    const auto quoted = quotedStrings(input);
    if (quoted.size() < 3) {
        if (!items.empty())
            d.facts.push_back(cite(numbers(items)) +
                              " are the user's papers, but the input quotes no two candidate "
                              "references to compare them with");
        d.uncited = "The input quotes no two candidate references.";
        d.answer = "[1]";
        d.plan = "No two quoted references to compare → [1].";
        return d;
    }
    const auto title = contentWords(quoted[0]);
    const std::array<std::set<std::string>, 2> refs = {contentWords(quoted[1]),
                                                       contentWords(quoted[2])};
    std::array<double, 2> score = {0, 0};
    std::array<std::vector<int>, 2> carriers;
    std::array<std::map<std::string, double>, 2> sharedWeight;
    for (const auto& x : items) {
        const auto words = contentWords(itemText(*x.item));
        for (std::size_t r = 0; r < 2; ++r) {
            const auto shared = intersect(refs[r], words);
            if (shared.empty())
                continue;
            score[r] += x.w * static_cast<double>(shared.size());
            carriers[r].push_back(x.n);
            for (const auto& s : shared)
                sharedWeight[r][s] += x.w;
        }
    }
    for (std::size_t r = 0; r < 2; ++r) {
        const std::string name = r == 0 ? "[1]" : "[2]";
        const std::string ref = "\"" + shortQuote(quoted[r + 1], 8) + "\"";
        if (carriers[r].empty()) {
            d.facts.push_back("no retrieved paper shares a content word with " + name + " " + ref);
            continue;
        }
        std::vector<std::pair<std::string, double>> words(sharedWeight[r].begin(),
                                                          sharedWeight[r].end());
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        std::vector<std::string> top;
        for (std::size_t i = 0; i < words.size() && i < 5; ++i)
            top.push_back(words[i].first);
        d.facts.push_back(cite(carriers[r]) + " share words with " + name + " " + ref + ": " +
                          join(top, ", ") + " (weighted overlap " + fixed2(score[r]) + ")");
    }
    if (!items.empty())
        d.facts.push_back(cite(numbers(items)) +
                          " are the user's own papers (title and abstract), weighted by "
                          "retrieval score");
    if (score[0] != score[1]) {
        const bool first = score[0] > score[1];
        d.answer = first ? "[1]" : "[2]";
        d.plan = "Weighted overlap with the user's papers: [1] " + fixed2(score[0]) + ", [2] " +
                 fixed2(score[1]) + " → " + d.answer + ".";
        d.uncited = "The user's papers are closer to " + d.answer +
                    " than to the other "
                    "reference.";
        return d;
    }
    const std::size_t t1 = intersect(refs[0], title).size();
    const std::size_t t2 = intersect(refs[1], title).size();
    d.answer = t2 > t1 ? "[2]" : "[1]";
    d.plan = (items.empty() ? std::string("No profile to compare with")
                            : "The user's papers do not separate the references (overlap " +
                                  fixed2(score[0]) + " each)") +
             "; words shared with the paper's title: [1] " + std::to_string(t1) + ", [2] " +
             std::to_string(t2) + " → " + d.answer + ".";
    d.uncited = "The references are about equally close to the user's papers.";
    return d;
}

Decision decideLabel(TaskId task, const AnswerFormat& format, std::string_view input,
                     const std::vector<Weighted>& items) {
    Decision d;
    const std::string noun = labelNoun(task);
    const std::string fieldName = task == TaskId::LaMP2N ? "category" : "tag";
    const auto& labels = format.labels;
    std::vector<double> votes(labels.size(), 0.0);
    std::vector<std::vector<int>> carriers(labels.size());
    std::map<std::string, std::vector<int>> unknown;
    std::vector<int> unlabelled;
    for (const auto& x : items) {
        const std::string label = strip(field(*x.item, fieldName));
        if (label.empty()) {
            unlabelled.push_back(x.n);
            continue;
        }
        const auto at = std::find(labels.begin(), labels.end(), label);
        if (at == labels.end()) {
            unknown[label].push_back(x.n);
            continue;
        }
        const auto i = static_cast<std::size_t>(at - labels.begin());
        votes[i] += x.w;
        carriers[i].push_back(x.n);
    }
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (!carriers[i].empty())
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return votes[a] > votes[b]; });
    for (std::size_t i : order)
        d.facts.push_back(cite(carriers[i]) + (carriers[i].size() == 1 ? " carries" : " carry") +
                          " the " + noun + " \"" + labels[i] + "\" (" + fixed2(votes[i]) +
                          " of the retrieval weight)");
    for (const auto& [label, ns] : unknown)
        d.facts.push_back(cite(ns) + (ns.size() == 1 ? " carries" : " carry") + " \"" + label +
                          "\", which is not one of the " + noun + "s");
    if (!unlabelled.empty())
        d.facts.push_back(cite(unlabelled) + (unlabelled.size() == 1 ? " has" : " have") + " no " +
                          noun);
    if (!order.empty()) {
        const std::size_t win = order.front();
        d.answer = labels[win];
        std::vector<std::string> shown;
        for (std::size_t i = 0; i < order.size() && i < 3; ++i)
            shown.push_back(labels[order[i]] + " " + fixed2(votes[order[i]]));
        d.plan = "Weighted vote: " + join(shown, ", ") + " → " + d.answer + ".";
        d.uncited = "The user mostly gives the " + noun + " \"" + d.answer + "\" to similar " +
                    (task == TaskId::LaMP2N ? "articles." : "movies.");
        return d;
    }
    const std::string source = retrieval::lampQuery(task, input, {}, nullptr);
    const std::string what = task == TaskId::LaMP2N ? "article's" : "description's";
    if (auto match = keywordLabel(labels, source)) {
        d.answer = labels[match->label];
        d.plan = std::string(items.empty() ? "No profile to vote"
                                           : "No retrieved item carries a " + noun) +
                 "; the " + what + " words match \"" + d.answer + "\" (" + join(match->hits, ", ") +
                 ") → " + d.answer + ".";
    } else {
        d.answer = labels.empty() ? std::string() : labels.front();
        d.plan = std::string(items.empty() ? "No profile to vote"
                                           : "No retrieved item carries a " + noun) +
                 "; no " + noun + "'s keywords occur in the " + what.substr(0, what.size() - 2) +
                 " → " + d.answer + ", the first " + noun + ".";
    }
    d.uncited = "The user's history does not settle the " + noun + ".";
    return d;
}

Decision decideRating(std::string_view input, const std::vector<Weighted>& items) {
    Decision d;
    std::map<int, std::vector<int>, std::greater<>> byRating;
    std::map<int, double, std::greater<>> weightByRating;
    std::vector<int> unrated, rated;
    double sum = 0, weight = 0;
    for (const auto& x : items) {
        const auto r = text::pyFloat(field(*x.item, "score"));
        if (!r || !std::isfinite(*r)) {
            unrated.push_back(x.n);
            continue;
        }
        const int bucket = static_cast<int>(std::floor(*r + 0.5));
        byRating[bucket].push_back(x.n);
        weightByRating[bucket] += x.w;
        rated.push_back(x.n);
        sum += x.w * *r;
        weight += x.w;
    }
    for (const auto& [rating, ns] : byRating)
        d.facts.push_back(cite(ns) + " rated " + std::to_string(rating) + " (" +
                          fixed2(weightByRating[rating]) + " of the retrieval weight)");
    if (!unrated.empty())
        d.facts.push_back(cite(unrated) + (unrated.size() == 1 ? " has" : " have") + " no rating");
    if (!rated.empty()) {
        // Equal weights when the rated items carry none (all scores zero).
        double mean = 0;
        if (weight > 0) {
            mean = sum / weight;
        } else {
            double plain = 0;
            for (const auto& x : items)
                if (auto r = text::pyFloat(field(*x.item, "score")); r && std::isfinite(*r))
                    plain += *r;
            mean = plain / static_cast<double>(rated.size());
        }
        const int rating = std::clamp(static_cast<int>(std::floor(mean + 0.5)), 1, 5);
        d.facts.push_back(cite(rated) + " give a score-weighted mean rating of " + fixed2(mean));
        d.answer = std::to_string(rating);
        d.plan =
            "Score-weighted mean of the user's ratings " + fixed2(mean) + " → " + d.answer + ".";
        d.uncited = "The user tends to rate similar products about " + d.answer + ".";
        return d;
    }
    const Sentiment s = sentimentRating(retrieval::lampQuery(TaskId::LaMP3, input, {}, nullptr));
    d.answer = std::to_string(s.rating);
    std::string words;
    if (s.positive.empty() && s.negative.empty())
        words = "no sentiment word in the review, the scale's middle";
    else
        words = "the review's sentiment words (" + std::to_string(s.positive.size()) + " positive" +
                (s.positive.empty() ? "" : ": " + join(s.positive, ", ")) + "; " +
                std::to_string(s.negative.size()) + " negative" +
                (s.negative.empty() ? "" : ": " + join(s.negative, ", ")) + ")";
    d.plan =
        std::string(items.empty() ? "No profile ratings" : "No retrieved item carries a rating") +
        "; " + words + " → " + d.answer + ".";
    d.uncited = "The user's ratings do not settle the score.";
    return d;
}

} // namespace

std::string labelNoun(TaskId task) {
    return task == TaskId::LaMP2N ? "category" : "tag";
}

Decision decide(TaskId task, const AnswerFormat& format, std::string_view input,
                const std::vector<Weighted>& items) {
    switch (task) {
    case TaskId::LaMP1:
        return decideCitation(input, items);
    case TaskId::LaMP2:
    case TaskId::LaMP2N:
        return decideLabel(task, format, input, items);
    case TaskId::LaMP3:
        return decideRating(input, items);
    case TaskId::LaMP4:
    case TaskId::LaMP5:
    case TaskId::LaMP6:
    case TaskId::LaMP7:
        return decideText(task, format, input, items);
    case TaskId::Invalid:
        break;
    }
    Decision d;
    d.answer = "I can only answer LaMP task inputs offline.";
    d.plan = "The task is unknown → no answer.";
    return d;
}

} // namespace r2p::engine::offline
