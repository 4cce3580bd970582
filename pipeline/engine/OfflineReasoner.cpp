// The offline reasoner: HRT stage texts, baselines and the no-profile answer, all derived from
// the retrieved items and their scores. See OfflineReasoner.h.
#include "OfflineReasoner.h"

#include "Judge.h"
#include "Rpi.h"
#include "model/InputParts.h"
#include "pipeline/metrics/Rouge.h"
#include "pipeline/offline/TextUtil.h"
#include "pipeline/retrieval/LampQuery.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::engine {

namespace {

using offline::contentWords;

// ---- text helpers ------------------------------------------------------------------------

bool isUpper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool isLower(char c) {
    return c >= 'a' && c <= 'z';
}
bool isAlpha(char c) {
    return isUpper(c) || isLower(c);
}
char toLower(char c) {
    return isUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
char toUpper(char c) {
    return isLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

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

// Two decimals without the C locale's help (the GUI sets LC_ALL from the environment).
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

// The first `maxWords` words of `text` on one line, with an ellipsis when cut.
std::string shortQuote(std::string_view text, std::size_t maxWords) {
    const auto words = splitWords(text);
    std::string out = joinWords(words, maxWords);
    if (words.size() > maxWords)
        out += " …";
    return out;
}

// A sentence ends with punctuation.
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

// The item's text fields joined (dates and ids are no evidence).
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

// ---- hashing and weights -----------------------------------------------------------------

std::uint64_t mix64(std::uint64_t x) { // splitmix64's finaliser: spreads FNV's low bits
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ULL;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return x;
}

double unitFromHash(std::uint64_t h) { // [0, 1)
    return static_cast<double>(mix64(h) >> 11) * 0x1.0p-53;
}

struct Weighted {
    const PromptItem* item = nullptr;
    int n = 0; // cited as [Pn]
    double w = 0;
};

// Scores normalised to sum 1; equal weights when the scores say nothing (all zero or equal).
std::vector<Weighted> weigh(const std::vector<PromptItem>& items) {
    std::vector<Weighted> out;
    double sum = 0;
    bool allEqual = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        Weighted x;
        x.item = &items[i];
        x.n = items[i].n > 0 ? items[i].n : static_cast<int>(i) + 1;
        x.w = std::max(0.0, items[i].score);
        if (i > 0 && items[i].score != items[0].score)
            allEqual = false;
        sum += x.w;
        out.push_back(x);
    }
    for (auto& x : out)
        x.w = sum > 0 && !allEqual ? x.w / sum : 1.0 / static_cast<double>(out.size());
    return out;
}

// Temperature-like variation: each weight scaled by seeded noise in [0.2, 1.8), renormalised.
// mt19937_64's output is fixed by the standard; the arithmetic after it is explicit.
void perturb(std::vector<Weighted>& items, std::uint64_t seed, int candidate) {
    std::mt19937_64 rng(mix64(seed * 0x9E3779B97F4A7C15ULL +
                              static_cast<std::uint64_t>(candidate) * 0xD1B54A32D192ED03ULL));
    double sum = 0;
    for (auto& x : items) {
        const double u = static_cast<double>(rng() >> 11) * 0x1.0p-53;
        x.w *= 0.2 + 1.6 * u;
        sum += x.w;
    }
    for (auto& x : items)
        x.w = sum > 0 ? x.w / sum : 1.0 / static_cast<double>(items.size());
}

std::vector<int> numbers(const std::vector<Weighted>& items) {
    std::vector<int> ns;
    for (const auto& x : items)
        ns.push_back(x.n);
    return ns;
}

// ---- the fallback template ----------------------------------------------------------------

// Used when neither the hint nor the built-in set has a template for the task (a template
// being edited away, or a build without resources): the four levels with plain markers.
const HrtTemplate& fallbackTemplate(TaskId task) {
    static const std::vector<HrtTemplate> all = [] {
        std::vector<HrtTemplate> out;
        for (const auto& spec : allTasks()) {
            HrtTemplate t;
            t.id = "offline-fallback-" + std::string(spec.name);
            t.task = spec.id;
            const std::array<std::tuple<StageId, const char*, int, bool>, 4> levels = {{
                {StageId::TaskAnalysis, "Task analysis", 160, false},
                {StageId::ProfileSynthesis, "Profile synthesis", 320, true},
                {StageId::AnswerPlan, "Plan", 160, false},
                {StageId::Answer, "Answer", 64, false},
            }};
            for (const auto& [stage, title, budget, cites] : levels) {
                HrtLevel l;
                l.stage = stage;
                l.title = title;
                l.marker = std::string("## ") + title;
                l.budgetTokens = budget;
                l.requiresCitations = cites;
                t.levels.push_back(std::move(l));
            }
            for (auto label : spec.labels)
                t.answer.labels.emplace_back(label);
            if (spec.kind == TaskKind::Generation) {
                t.answer.kind = AnswerKind::Text;
                t.answer.description = "one line of text, nothing else";
            } else {
                t.answer.kind =
                    spec.kind == TaskKind::Rating ? AnswerKind::Rating : AnswerKind::Label;
                t.answer.description =
                    "exactly one of " + join(t.answer.labels, ", ") + ", nothing else";
            }
            out.push_back(std::move(t));
        }
        return out;
    }();
    for (const auto& t : all)
        if (t.task == task)
            return t;
    return all.front();
}

const HrtTemplate& templateFor(const HrtTemplate* given, TaskId task) {
    if (given)
        return *given;
    if (const HrtTemplate* builtin = builtinHrtTemplate(task))
        return *builtin;
    return fallbackTemplate(task);
}

// ---- lexicons ------------------------------------------------------------------------------

// Words that point to a label when nothing in the profile does (the label's own words count
// too).
const std::vector<std::string_view>& labelKeywords(std::string_view label) {
    static const std::map<std::string_view, std::vector<std::string_view>, std::less<>> lexicon = {
        // LaMP-2 movie tags
        {"sci-fi", {"space", "alien", "aliens", "future", "robot", "planet", "scientist"}},
        {"based on a book", {"novel", "book", "adaptation", "author"}},
        {"comedy", {"funny", "comedy", "hilarious", "comic", "laughs"}},
        {"action", {"fight", "chase", "mission", "explosive", "agent", "action"}},
        {"twist ending", {"twist", "mystery", "secret", "revealed", "truth"}},
        {"dystopia", {"dystopian", "totalitarian", "apocalyptic", "regime", "dystopia"}},
        {"dark comedy", {"satire", "satirical", "absurd", "darkly"}},
        {"classic", {"classic", "legendary", "timeless"}},
        {"psychology", {"mind", "psychological", "obsession", "mental", "madness"}},
        {"fantasy", {"magic", "magical", "wizard", "dragon", "kingdom", "fairy"}},
        {"romance", {"love", "romance", "romantic", "marriage", "lovers"}},
        {"thought-provoking", {"explores", "meaning", "philosophical", "existence"}},
        {"social commentary", {"society", "social", "class", "racism", "poverty"}},
        {"violence", {"kill", "killer", "murder", "violent", "gang", "war", "revenge"}},
        {"true story", {"true", "real", "biography", "biographical", "life"}},
        // LaMP-2N news categories
        {"food & drink", {"food", "recipe", "recipes", "restaurant", "wine", "cooking"}},
        {"sports", {"game", "team", "season", "player", "coach", "nfl", "nba", "league"}},
        {"education", {"school", "schools", "students", "teachers", "college", "education"}},
        {"parents", {"kids", "parents", "children", "parenting", "mom", "dad", "baby"}},
        {"religion", {"church", "pope", "faith", "god", "religious", "muslim", "christian"}},
        {"travel", {"travel", "trip", "hotel", "vacation", "flight", "tourists"}},
        {"business", {"company", "market", "economy", "ceo", "stock", "business", "jobs"}},
        {"crime", {"police", "arrested", "shooting", "murder", "charged", "suspect"}},
        {"science & technology",
         {"science", "technology", "scientists", "research", "tech", "apple", "google"}},
        {"culture & arts", {"art", "museum", "artist", "culture", "theater", "painting"}},
        {"entertainment",
         {"movie", "film", "star", "music", "show", "celebrity", "album", "actor"}},
        {"politics",
         {"trump", "president", "congress", "senate", "election", "obama", "republican",
          "democrats", "government", "clinton"}},
        {"women", {"women", "woman", "female", "feminist", "gender"}},
        {"style & beauty", {"fashion", "style", "beauty", "dress", "makeup", "hair"}},
        {"healthy living", {"health", "healthy", "exercise", "sleep", "stress", "diet"}},
    };
    static const std::vector<std::string_view> none;
    const auto it = lexicon.find(label);
    return it == lexicon.end() ? none : it->second;
}

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
    static const std::set<std::string, std::less<>> pos = {
        "great",   "excellent", "love",     "loved",     "perfect",   "best",        "amazing",
        "awesome", "good",      "nice",     "happy",     "recommend", "wonderful",   "fantastic",
        "works",   "easy",      "favorite", "beautiful", "sturdy",    "comfortable", "pleased"};
    static const std::set<std::string, std::less<>> neg = {
        "bad",    "poor",         "terrible",      "awful",   "worst",    "broke",
        "broken", "disappointed", "disappointing", "waste",   "returned", "useless",
        "cheap",  "hate",         "problem",       "stopped", "junk",     "refund",
        "flimsy", "horrible",     "defective"};
    static const std::set<std::string, std::less<>> negators = {"not", "no",      "never",
                                                                "t",   "nothing", "hardly"};
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

// ---- decisions ------------------------------------------------------------------------------

struct Decision {
    std::vector<std::string> facts; // synthesis lines, each led by the items it rests on
    std::string uncited;            // the same gist without any [P#] (the citation flaw)
    std::string plan;               // how the facts decide, ending in "→ answer"
    std::string answer;             // in the task's format
};

std::string labelNoun(TaskId task) {
    return task == TaskId::LaMP2N ? "category" : "tag";
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

// ---- generation --------------------------------------------------------------------------

enum class Casing { Sentence, Title, Lower, Upper };

const char* casingName(Casing c) {
    switch (c) {
    case Casing::Title:
        return "Title Case";
    case Casing::Lower:
        return "lowercase";
    case Casing::Upper:
        return "ALL CAPS";
    case Casing::Sentence:
        break;
    }
    return "sentence case";
}

Casing casingOf(std::string_view s) {
    const auto words = splitWords(s);
    std::size_t upper = 0, letters = 0;
    for (char c : s) {
        upper += isUpper(c) ? 1 : 0;
        letters += isAlpha(c) ? 1 : 0;
    }
    if (letters > 0 && upper == 0)
        return Casing::Lower;
    if (letters >= 4 && upper * 5 >= letters * 4)
        return Casing::Upper;
    int considered = 0, capital = 0;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const auto& w = words[i];
        if (w.size() < 4 || !isAlpha(w[0]))
            continue;
        ++considered;
        capital += isUpper(w[0]) ? 1 : 0;
    }
    return considered > 0 && capital * 4 >= considered * 3 ? Casing::Title : Casing::Sentence;
}

bool minorWord(std::string_view lower) {
    static const std::set<std::string, std::less<>> minor = {
        "a",  "an",   "the", "and", "but", "or",   "nor", "for", "on", "at",
        "to", "from", "by",  "of",  "in",  "with", "as",  "vs",  "via"};
    return minor.count(lower) > 0;
}

// `capitalFirst`: the first word is capitalised (a text's start); false after an opening the
// user writes, whose case stays as written.
std::string recase(const std::vector<std::string>& words, Casing casing, bool capitalFirst = true) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string w = words[i];
        const bool first = i == 0 && capitalFirst;
        switch (casing) {
        case Casing::Lower:
            w = lowerAscii(w);
            break;
        case Casing::Upper:
            for (char& c : w)
                c = toUpper(c);
            break;
        case Casing::Title:
            if (!first && minorWord(lowerAscii(w)))
                w = lowerAscii(w);
            else if (!w.empty())
                w[0] = toUpper(w[0]);
            break;
        case Casing::Sentence:
            if (first && !w.empty())
                w[0] = toUpper(w[0]);
            break;
        }
        out.push_back(std::move(w));
    }
    return join(out, " ");
}

bool isEmoji(char32_t c) {
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF);
}

struct Habits {
    std::vector<std::string> hashtags, mentions;
    bool emoji = false;
};

Habits habitsOf(std::string_view s) {
    Habits h;
    for (const auto& w : splitWords(s)) {
        if (w.size() > 1 && w[0] == '#')
            h.hashtags.push_back(w);
        if (w.size() > 1 && w[0] == '@')
            h.mentions.push_back(w);
    }
    for (std::size_t pos = 0; pos < s.size();)
        h.emoji = isEmoji(text::decodeUtf8(s, pos)) || h.emoji;
    return h;
}

struct Style {
    std::size_t words = 10;
    Casing casing = Casing::Sentence;
    std::string hashtag;     // added at the end when the user habitually uses hashtags
    std::string opening;     // the words the user's outputs habitually start with ("Towards")
    std::string fixedPrefix; // a recurring "Prefix:" the user's outputs start with ("Transit")
    bool namePrefix = false; // the outputs habitually start with a name and a colon
};

std::size_t defaultLength(TaskId task) {
    switch (task) {
    case TaskId::LaMP4:
        return 10;
    case TaskId::LaMP5:
        return 9;
    case TaskId::LaMP6:
        return 5;
    case TaskId::LaMP7:
        return 18;
    default:
        break;
    }
    return 10;
}

const char* outputNoun(TaskId task) {
    switch (task) {
    case TaskId::LaMP4:
        return "headlines";
    case TaskId::LaMP5:
        return "titles";
    case TaskId::LaMP6:
        return "subjects";
    case TaskId::LaMP7:
        return "tweets";
    default:
        break;
    }
    return "texts";
}

const char* sourceNoun(TaskId task) {
    switch (task) {
    case TaskId::LaMP4:
        return "article";
    case TaskId::LaMP5:
        return "abstract";
    case TaskId::LaMP6:
        return "email";
    case TaskId::LaMP7:
        return "tweet";
    default:
        break;
    }
    return "text";
}

std::vector<std::string> splitSentences(std::string_view text) {
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        std::string s = strip(cur);
        if (!s.empty())
            out.push_back(std::move(s));
        cur.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n' || c == '\r') {
            flush();
            continue;
        }
        cur += c;
        if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() && text[i + 1] == ' ') {
            const char next = text[i + 2];
            if (isUpper(next) || (next >= '0' && next <= '9') || next == '"')
                flush();
        }
    }
    flush();
    return out;
}

// The phrases that introduce a paper's contribution (LaMP-5).
constexpr std::array<std::string_view, 14> kCues = {
    "in this paper, we ",    "in this paper we ",
    "in this work, we ",     "we propose ",
    "we present ",           "we introduce ",
    "we describe ",          "we develop ",
    "we examine ",           "we study ",
    "this paper presents ",  "this paper proposes ",
    "this paper describes ", "this paper introduces "};

bool hasCue(std::string_view sentence) {
    const std::string lower = lowerAscii(sentence);
    for (auto cue : kCues)
        if (lower.find(cue) != std::string::npos)
            return true;
    return false;
}

// Removes a leading "we propose" / "this paper presents" style cue (LaMP-5) or a greeting
// (LaMP-6), and a leading article.
std::string stripLead(TaskId task, std::string s) {
    const std::string lower = lowerAscii(s);
    if (task == TaskId::LaMP5) {
        for (auto cue : kCues) {
            const auto at = lower.find(cue);
            if (at != std::string::npos && at < 60) {
                s = s.substr(at + cue.size());
                // "in this paper, we study X" → "X" after the verb
                if (cue.find(", we") != std::string_view::npos ||
                    cue.find("paper we") != std::string_view::npos) {
                    const auto space = s.find(' ');
                    if (space != std::string::npos)
                        s = s.substr(space + 1);
                }
                break;
            }
        }
    }
    if (task == TaskId::LaMP6) {
        static const std::array<std::string_view, 4> greetings = {"hi ", "hello ", "dear ", "hey "};
        for (auto g : greetings)
            if (lower.rfind(g, 0) == 0) {
                const auto comma = s.find_first_of(",\n");
                if (comma != std::string::npos && comma < 40)
                    s = strip(s.substr(comma + 1));
                break;
            }
    }
    for (std::string_view article : {"a ", "an ", "the "})
        if (lowerAscii(s.substr(0, article.size())) == article && s.size() > article.size() + 3) {
            s = s.substr(article.size());
            break;
        }
    return s;
}

// A name the text gives its subject: an acronym in parentheses ("(RLSAE)") or a capitalised
// word after a naming verb ("We introduce Bittern, ...").
std::string findName(std::string_view text, bool namingVerbs) {
    for (std::size_t p = text.find('('); p != std::string_view::npos; p = text.find('(', p + 1)) {
        const auto q = text.find(')', p);
        if (q == std::string_view::npos || q - p > 12)
            continue;
        const std::string_view inner = text.substr(p + 1, q - p - 1);
        std::size_t upper = 0;
        bool ok = inner.size() >= 2;
        for (char c : inner) {
            upper += isUpper(c) ? 1 : 0;
            ok = ok && (isUpper(c) || (c >= '0' && c <= '9') || c == '-');
        }
        if (ok && upper >= 2)
            return std::string(inner);
    }
    if (!namingVerbs) // news "named" people to posts; only papers name their systems so
        return {};
    for (std::string_view verb : {"introduce ", "present ", "propose ", "called ", "named "}) {
        const auto at = text.find(verb);
        if (at == std::string_view::npos)
            continue;
        const auto words = splitWords(text.substr(at + verb.size()));
        if (words.empty())
            continue;
        std::string w = words.front();
        while (!w.empty() && std::string_view(",.;:").find(w.back()) != std::string_view::npos)
            w.pop_back();
        static const std::set<std::string, std::less<>> common = {"A",    "An",  "The", "We",
                                                                  "This", "Our", "It"};
        if (w.size() >= 2 && isUpper(w[0]) && !common.count(w))
            return w;
    }
    return {};
}

// Drops the name's own tokens ("Bittern,", "(RLSAE),"), keeping their clause punctuation.
std::vector<std::string> withoutName(std::vector<std::string> words, const std::string& name) {
    std::vector<std::string> out;
    for (auto& w : words) {
        std::string bare = w;
        std::string tail;
        while (!bare.empty() &&
               std::string_view(",.;:)").find(bare.back()) != std::string_view::npos) {
            if (bare.back() != ')')
                tail.insert(tail.begin(), bare.back());
            bare.pop_back();
        }
        if (!bare.empty() && bare.front() == '(')
            bare.erase(0, 1);
        if (bare == name) {
            if (!out.empty())
                out.back() += tail;
            continue;
        }
        out.push_back(std::move(w));
    }
    return out;
}

// Drops an opening "approach to" / "a framework for" / "which combines" that names no topic.
std::vector<std::string> withoutFluff(std::vector<std::string> words) {
    static const std::set<std::string, std::less<>> fluff = {
        "approach", "method",   "framework",    "system",    "technique", "model", "recipe",
        "tool",     "pipeline", "architecture", "algorithm", "strategy",  "scheme"};
    if (words.empty())
        return words;
    const std::string first = lowerAscii(words.front());
    if ((first == "which" || first == "that" || first == "who") && words.size() > 3)
        return std::vector<std::string>(words.begin() + 2, words.end());
    for (std::size_t k = 1; k < words.size() && k <= 4; ++k) {
        const std::string l = lowerAscii(words[k]);
        if ((l == "to" || l == "for" || l == "that") && fluff.count(lowerAscii(words[k - 1])) &&
            k + 2 < words.size())
            return std::vector<std::string>(words.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                            words.end());
    }
    return words;
}

// "Despite sustained interest in X, ..." → "X": the concession's topic.
std::vector<std::string> withoutConcession(std::vector<std::string> words) {
    if (words.empty())
        return words;
    const std::string first = lowerAscii(words.front());
    if (first != "despite" && first != "although" && first != "though")
        return words;
    for (std::size_t k = 1; k < words.size() && k <= 5; ++k) {
        if (words[k].find(',') != std::string::npos)
            break;
        const std::string l = lowerAscii(words[k]);
        if ((l == "in" || l == "of" || l == "on") && k + 1 < words.size()) {
            std::vector<std::string> topic;
            for (std::size_t i = k + 1; i < words.size(); ++i) {
                topic.push_back(words[i]);
                if (words[i].back() == ',')
                    break;
            }
            return topic;
        }
    }
    return words;
}

// "Quillbase, a Calder-based startup that ..., has raised" → "Quillbase has raised".
std::vector<std::string> withoutAppositive(std::vector<std::string> words) {
    for (std::size_t i = 0; i + 2 < words.size() && i < 4; ++i) {
        if (words[i].empty() || words[i].back() != ',')
            continue;
        const std::string next = lowerAscii(words[i + 1]);
        if (next != "a" && next != "an" && next != "the" && next != "who" && next != "which")
            return words;
        for (std::size_t j = i + 2; j < words.size() && j <= i + 16; ++j)
            if (!words[j].empty() && words[j].back() == ',' && j + 1 < words.size()) {
                std::vector<std::string> out(words.begin(),
                                             words.begin() + static_cast<std::ptrdiff_t>(i) + 1);
                out.back().pop_back();
                out.insert(out.end(), words.begin() + static_cast<std::ptrdiff_t>(j) + 1,
                           words.end());
                return out;
            }
        return words;
    }
    return words;
}

struct Extract {
    std::string text;
    std::string how;    // "the lead sentence" / "sentence 3 (it shares ... with [P1, P2])"
    std::string prefix; // the "Name:" or opening actually used
};

// Words of the input's text (after the task's instruction) shaped to the style.
Extract extractAnswer(TaskId task, std::string_view input, const Style& style,
                      const std::vector<Weighted>& items, std::string_view outField,
                      std::size_t maxWords) {
    Extract e;
    std::string source = retrieval::lampQuery(task, input, {}, nullptr);
    if (strip(source).empty())
        source = strip(input);
    std::vector<std::string> sentences =
        task == TaskId::LaMP7 ? std::vector<std::string>{strip(source)} : splitSentences(source);
    if (sentences.empty())
        sentences.push_back(strip(source));

    // The lead sentence unless another shares clearly more of the user's own wording (their
    // past outputs), or states a paper's contribution (LaMP-5).
    std::size_t chosen = 0;
    std::vector<std::string> chosenShared;
    std::vector<int> chosenBy;
    if (sentences.size() > 1) {
        std::map<std::string, double> vocab;
        std::map<std::string, std::vector<int>> carriers;
        for (const auto& x : items)
            for (const auto& w : contentWords(field(*x.item, outField))) {
                vocab[w] += x.w;
                carriers[w].push_back(x.n);
            }
        double best = -1;
        for (std::size_t i = 0; i < sentences.size() && i < 12; ++i) {
            if (splitWords(sentences[i]).size() < 3)
                continue;
            const auto words = contentWords(sentences[i]);
            double s = i == 0 ? 1.0 : 0.0;
            if (task == TaskId::LaMP5 && hasCue(sentences[i]))
                s += 1.0;
            std::vector<std::pair<double, std::string>> shared;
            for (const auto& w : words)
                if (auto it = vocab.find(w); it != vocab.end()) {
                    s += it->second / std::sqrt(static_cast<double>(words.size()));
                    shared.emplace_back(it->second, w);
                }
            if (s > best) {
                best = s;
                chosen = i;
                std::stable_sort(shared.begin(), shared.end(),
                                 [](const auto& a, const auto& b) { return a.first > b.first; });
                chosenShared.clear();
                std::set<int> by;
                for (std::size_t k = 0; k < shared.size() && k < 3; ++k) {
                    chosenShared.push_back(shared[k].second);
                    for (int n : carriers[shared[k].second])
                        by.insert(n);
                }
                chosenBy.assign(by.begin(), by.end());
            }
        }
    }
    if (chosen == 0)
        e.how = sentences.size() > 1 ? std::string("the lead sentence of the ") + sourceNoun(task)
                                     : std::string("the ") + sourceNoun(task);
    else if (task == TaskId::LaMP5 && hasCue(sentences[chosen]))
        e.how = "sentence " + std::to_string(chosen + 1) +
                " of the abstract (it states the contribution)";
    else
        e.how = "sentence " + std::to_string(chosen + 1) + " of the " + sourceNoun(task) +
                " (it shares " + join(chosenShared, ", ") + " with " + cite(chosenBy) + ")";

    // A habitual "Prefix:" or opening takes words of the budget.
    std::string prefix;
    std::vector<std::string> words = splitWords(stripLead(task, sentences[chosen]));
    if (!style.fixedPrefix.empty()) {
        prefix = style.fixedPrefix + ":";
    } else if (style.namePrefix) {
        std::string name = findName(sentences[chosen], task == TaskId::LaMP5);
        if (name.empty())
            name = findName(source, task == TaskId::LaMP5);
        if (!name.empty()) {
            prefix = name + ":";
            words = withoutFluff(withoutName(std::move(words), name));
        }
    }
    if (task == TaskId::LaMP5)
        words = withoutFluff(std::move(words));
    words = withoutConcession(std::move(words));
    if (prefix.empty() && (task == TaskId::LaMP4 || task == TaskId::LaMP6))
        words = withoutAppositive(std::move(words));
    std::vector<std::string> opening;
    if (prefix.empty() && !style.opening.empty()) {
        opening = splitWords(style.opening);
        bool already = words.size() >= opening.size();
        for (std::size_t i = 0; already && i < opening.size(); ++i)
            already = lowerAscii(words[i]) == lowerAscii(opening[i]);
        if (already)
            opening.clear();
        else
            prefix = style.opening;
    }
    e.prefix = prefix;
    const std::size_t used = prefix.empty() ? 0 : splitWords(prefix).size();

    std::size_t target = std::max<std::size_t>(1, style.words);
    const std::size_t reserve = style.hashtag.empty() ? 0 : 1;
    const std::size_t room = maxWords > reserve + used ? maxWords - reserve - used : 1;
    target = target > used ? target - used : 1;
    if (maxWords > 0)
        target = std::min(target, room);
    // The leading clause, when the sentence is too long and the clause is a fair length.
    if (words.size() > target) {
        const std::string joined = join(words, " ");
        const auto comma = joined.find_first_of(",;");
        if (comma != std::string::npos) {
            const auto clause = splitWords(joined.substr(0, comma));
            if (clause.size() >= std::max<std::size_t>(3, target / 2) &&
                clause.size() <= target + 2)
                words = clause;
        }
    }
    static const std::set<std::string, std::less<>> dangling = {
        "of",  "the",  "and", "to",   "a",    "an",    "in", "for", "with",
        "on",  "at",   "by",  "from", "that", "which", "as", "is",  "are",
        "was", "were", "or",  "but",  "its",  "their", "our"};
    // A cut after a word that cannot end a phrase ("a", "new", "is") moves up to two words on
    // rather than leave the phrase open.
    static const std::set<std::string, std::less<>> weak = {
        "new",  "first", "last",  "big",   "top",  "more",  "other",   "his",  "her",  "my",
        "your", "this",  "these", "those", "very", "most",  "several", "many", "some", "has",
        "have", "had",   "will",  "would", "can",  "could", "be",      "been", "not",  "no"};
    auto isWeak = [&](const std::string& w) {
        const std::string l = lowerAscii(w);
        return dangling.count(l) > 0 || weak.count(l) > 0;
    };
    if (words.size() > target) {
        std::size_t cut = target;
        const std::size_t limit = maxWords > 0 ? std::min(target + 2, room) : target + 2;
        while (cut < words.size() && cut < limit && isWeak(words[cut - 1]))
            ++cut;
        words.resize(cut);
    }
    auto trailing = [&](std::string& w) {
        while (!w.empty() && std::string_view(",;:-–—(").find(w.back()) != std::string_view::npos)
            w.pop_back();
        if (task != TaskId::LaMP7)
            while (!w.empty() && w.back() == '.')
                w.pop_back();
    };
    while (!words.empty()) {
        trailing(words.back());
        if (words.back().empty() ||
            (words.size() > 1 && dangling.count(lowerAscii(words.back())) > 0))
            words.pop_back();
        else
            break;
    }
    if (words.empty()) {
        words = splitWords(strip(input));
        if (words.size() > target)
            words.resize(target);
    }
    if (!prefix.empty() && !opening.empty())
        e.text = prefix + " " + recase(words, style.casing, false);
    else if (!prefix.empty())
        e.text = prefix + " " + recase(words, style.casing);
    else
        e.text = recase(words, style.casing);
    if (!style.hashtag.empty() && e.text.find(style.hashtag) == std::string::npos)
        e.text += (e.text.empty() ? "" : " ") + style.hashtag;
    if (strip(e.text).empty())
        e.text = std::string(taskSpec(task).name) + " input without text";
    return e;
}

// Words that open a title in a way that fits any topic ("Towards X", "On the X", "Rethinking X").
bool openingWord(std::string_view word) {
    static const std::set<std::string, std::less<>> openers = {
        "towards",    "toward",        "on",        "beyond",    "rethinking",
        "revisiting", "understanding", "improving", "exploring", "learning",
        "inside",     "breaking",      "watch",     "exclusive", "update",
        "report",     "analysis",      "opinion",   "review",    "live"};
    return openers.count(lowerAscii(word)) > 0;
}

// The share of the weight whose outputs agree on a key, the best key (first seen on ties).
struct Habit {
    std::string key;     // lowercased
    std::string written; // as the best-weighted item wrote it
    double share = 0;
    std::vector<int> items;
};

Habit commonKey(const std::vector<std::tuple<std::string, std::string, const Weighted*>>& keyed,
                double total) {
    std::vector<std::string> order;
    std::map<std::string, Habit> byKey;
    for (const auto& [key, written, x] : keyed) {
        if (key.empty())
            continue;
        auto [it, fresh] = byKey.try_emplace(key);
        if (fresh) {
            order.push_back(key);
            it->second.key = key;
            it->second.written = written;
        }
        it->second.share += x->w / (total > 0 ? total : 1);
        it->second.items.push_back(x->n);
    }
    Habit best;
    for (const auto& k : order)
        if (byKey[k].share > best.share)
            best = byKey[k];
    return best;
}

Decision decideText(TaskId task, const AnswerFormat& format, std::string_view input,
                    const std::vector<Weighted>& items) {
    Decision d;
    const std::string_view outField = task == TaskId::LaMP7 ? "text" : "title";
    Style style;
    style.words = defaultLength(task);
    double lengthSum = 0, weight = 0;
    std::size_t shortest = 0, longest = 0;
    std::vector<int> withOutput, hashtagUsers, mentionUsers, emojiUsers;
    std::array<double, 4> casingVotes = {0, 0, 0, 0};
    std::array<std::vector<int>, 4> casingBy;
    double hashtagWeight = 0, mentionWeight = 0, emojiWeight = 0;
    std::map<std::string, double> tagWeight;
    std::vector<std::string> tagOrder;
    std::map<std::string, std::set<int>> wordItems;
    std::vector<std::tuple<std::string, std::string, const Weighted*>> firstWords, prefixes;
    std::vector<std::tuple<std::string, std::string, const Weighted*>> colons;
    for (const auto& x : items) {
        const std::string out = strip(field(*x.item, outField));
        if (out.empty())
            continue;
        const auto outWords = splitWords(out);
        const std::size_t n = outWords.size();
        shortest = withOutput.empty() ? n : std::min(shortest, n);
        longest = std::max(longest, n);
        withOutput.push_back(x.n);
        lengthSum += x.w * static_cast<double>(n);
        weight += x.w;
        const auto c = static_cast<std::size_t>(casingOf(out));
        casingVotes[c] += x.w;
        casingBy[c].push_back(x.n);
        const Habits h = habitsOf(out);
        if (!h.hashtags.empty()) {
            hashtagUsers.push_back(x.n);
            hashtagWeight += x.w;
            for (const auto& t : h.hashtags) {
                if (!tagWeight.count(t))
                    tagOrder.push_back(t);
                tagWeight[t] += x.w;
            }
        }
        if (!h.mentions.empty()) {
            mentionUsers.push_back(x.n);
            mentionWeight += x.w;
        }
        if (h.emoji) {
            emojiUsers.push_back(x.n);
            emojiWeight += x.w;
        }
        if (task == TaskId::LaMP7)
            continue;
        for (const auto& w : contentWords(out))
            wordItems[w].insert(x.n);
        // "Prefix: ..." within the first four words, or the opening word(s).
        std::size_t colonAt = n;
        for (std::size_t i = 0; i < n && i < 4; ++i)
            if (outWords[i].size() > 1 && outWords[i].back() == ':' && i + 1 < n) {
                colonAt = i;
                break;
            }
        if (colonAt < n) {
            std::string p = joinWords(outWords, colonAt + 1);
            p.pop_back();
            colons.emplace_back("colon", "", &x);
            prefixes.emplace_back(lowerAscii(p), p, &x);
        } else if (n >= 3 && openingWord(outWords[0])) {
            std::string opening = outWords[0];
            if (minorWord(lowerAscii(outWords[1])))
                opening += " " + outWords[1];
            firstWords.emplace_back(lowerAscii(opening), opening, &x);
        }
    }
    const std::string noun = outputNoun(task);
    if (!withOutput.empty()) {
        const double mean = weight > 0 ? lengthSum / weight : 0;
        style.words = static_cast<std::size_t>(std::clamp(std::floor(mean + 0.5), 2.0, 40.0));
        d.facts.push_back(cite(withOutput) + " are the user's " + noun + ": " +
                          std::to_string(shortest) + "–" + std::to_string(longest) + " words, " +
                          fixed2(mean) + " on average by retrieval weight");
        std::size_t win = 0;
        for (std::size_t c = 1; c < casingVotes.size(); ++c)
            if (casingVotes[c] > casingVotes[win])
                win = c;
        style.casing = static_cast<Casing>(win);
        d.facts.push_back(cite(casingBy[win]) + (casingBy[win].size() == 1 ? " is" : " are") +
                          " in " + casingName(style.casing) + " (" +
                          fixed2(casingVotes[win] / (weight > 0 ? weight : 1)) + " of the weight)");
        if (task == TaskId::LaMP7) {
            if (!hashtagUsers.empty()) {
                std::vector<std::string> tags;
                std::string top;
                double topWeight = 0;
                for (const auto& t : tagOrder) {
                    if (tags.size() < 3)
                        tags.push_back(t);
                    if (tagWeight[t] > topWeight)
                        top = t, topWeight = tagWeight[t];
                }
                const double share = hashtagWeight / (weight > 0 ? weight : 1);
                d.facts.push_back(cite(hashtagUsers) + " use hashtags (" + fixed2(share) +
                                  " of the weight): " + join(tags, " "));
                if (share >= 0.5)
                    style.hashtag = top;
            } else {
                d.facts.push_back(cite(withOutput) + " use no hashtags");
            }
            if (!mentionUsers.empty())
                d.facts.push_back(cite(mentionUsers) + " mention other users (" +
                                  fixed2(mentionWeight / (weight > 0 ? weight : 1)) +
                                  " of the weight)");
            if (!emojiUsers.empty())
                d.facts.push_back(cite(emojiUsers) + " use emoji (" +
                                  fixed2(emojiWeight / (weight > 0 ? weight : 1)) +
                                  " of the weight)");
            // A paraphrase keeps the content: up to twice the user's typical length.
            style.words = std::max<std::size_t>(style.words * 2, 8);
        } else {
            const Habit colon = commonKey(colons, weight);
            const Habit prefix = commonKey(prefixes, weight);
            const Habit opening = commonKey(firstWords, weight);
            if (colon.share >= 0.5 && colon.items.size() >= 2) {
                if (prefix.share >= 0.5 && prefix.items.size() >= 2) {
                    style.fixedPrefix = prefix.written;
                    d.facts.push_back(cite(prefix.items) + " start with \"" + prefix.written +
                                      ":\" (" + fixed2(prefix.share) + " of the weight)");
                } else {
                    style.namePrefix = true;
                    const std::string example =
                        prefixes.empty() ? std::string() : std::get<1>(prefixes.front());
                    d.facts.push_back(cite(colon.items) +
                                      " start with a name and a colon, like \"" + example +
                                      ": …\" (" + fixed2(colon.share) + " of the weight)");
                }
            } else if (opening.share >= 0.5 && opening.items.size() >= 2) {
                style.opening = opening.written;
                d.facts.push_back(cite(opening.items) + " open with \"" + opening.written + "\" (" +
                                  fixed2(opening.share) + " of the weight)");
            }
            std::vector<std::pair<std::string, std::set<int>>> recurring;
            for (const auto& [w, ns] : wordItems)
                if (ns.size() >= 2)
                    recurring.emplace_back(w, ns);
            std::stable_sort(recurring.begin(), recurring.end(), [](const auto& a, const auto& b) {
                return a.second.size() > b.second.size();
            });
            if (!recurring.empty()) {
                std::set<int> by;
                std::vector<std::string> ws;
                for (std::size_t i = 0; i < recurring.size() && i < 3; ++i) {
                    ws.push_back(recurring[i].first);
                    by.insert(recurring[i].second.begin(), recurring[i].second.end());
                }
                d.facts.push_back(cite(std::vector<int>(by.begin(), by.end())) + " reuse " +
                                  join(ws, ", "));
            }
        }
    } else if (!items.empty()) {
        d.facts.push_back(cite(numbers(items)) + " carry no " + std::string(noun) +
                          " to learn the user's style from");
    }
    if (format.maxWords > 0)
        style.words = std::min(style.words, format.maxWords);
    const Extract e = extractAnswer(task, input, style, items, outField, format.maxWords);
    d.answer = e.text;
    std::string shape = (task == TaskId::LaMP7 ? "keep up to " : "keep about ") +
                        std::to_string(style.words) + " words" +
                        (withOutput.empty() ? std::string(" (no profile to learn a length from)")
                         : task == TaskId::LaMP7 ? std::string(" (a paraphrase keeps the content)")
                                                 : std::string(" (the user's typical length)")) +
                        ", " + casingName(style.casing);
    if (!e.prefix.empty())
        shape += ", start with \"" + e.prefix + "\"";
    if (!style.hashtag.empty())
        shape += ", add " + style.hashtag;
    d.plan = "Take " + e.how + ", " + shape + " → \"" + d.answer + "\"";
    d.uncited = "The user writes " + std::string(noun) + " of about " +
                std::to_string(style.words) + " words in " + casingName(style.casing) + ".";
    return d;
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

// ---- stage texts ------------------------------------------------------------------------

std::string whatIsAsked(TaskId task, std::string_view input) {
    switch (task) {
    case TaskId::LaMP1: {
        const auto q = quotedStrings(input);
        const std::string title = q.empty() ? "the paper" : "\"" + shortQuote(q[0], 8) + "\"";
        return "which of two candidate references the author of " + title +
               " would cite, [1] or [2]";
    }
    case TaskId::LaMP2:
        return "the one tag, out of LaMP's 15 movie tags, this user gives the movie described";
    case TaskId::LaMP2N:
        return "the one category, out of 15 news categories, this user gives the article";
    case TaskId::LaMP3:
        return "the score from 1 to 5 this user gave with the review";
    case TaskId::LaMP4:
        return "a headline for the article, as this user writes headlines";
    case TaskId::LaMP5:
        return "a title for the paper's abstract, as this author titles papers";
    case TaskId::LaMP6:
        return "a subject line for the email, as this user writes subjects";
    case TaskId::LaMP7:
        return "the tweet paraphrased the way this user tweets";
    case TaskId::Invalid:
        break;
    }
    return "an answer to an input of no known task";
}

std::string signalsFor(TaskId task) {
    switch (task) {
    case TaskId::LaMP1:
        return "the words each reference shares with the user's own papers, weighted by "
               "retrieval score";
    case TaskId::LaMP2:
        return "the tags the user gave the most similar movies, weighted by retrieval score";
    case TaskId::LaMP2N:
        return "the categories of the user's most similar articles, weighted by retrieval score";
    case TaskId::LaMP3:
        return "the ratings the user gave the most similar reviews, weighted by retrieval score";
    case TaskId::LaMP4:
    case TaskId::LaMP5:
    case TaskId::LaMP6:
        return std::string("the user's past ") + outputNoun(task) +
               ": length in words, casing and recurring words";
    case TaskId::LaMP7:
        return "the user's past tweets: length in words, casing, hashtags, mentions and emoji";
    case TaskId::Invalid:
        break;
    }
    return "none";
}

// The stage text: the marker line, then as many body lines as the budget allows (whole lines
// from the end go first, then words of the first line). The first line always stays.
std::string fitted(const HrtLevel& level, std::vector<std::string> lines) {
    auto render = [&] {
        return level.marker + "\n" + join(lines, "\n");
    };
    if (lines.empty())
        lines.push_back("(nothing to add)");
    std::string text = render();
    if (level.budgetTokens <= 0)
        return text;
    while (approxTokens(text) > level.budgetTokens && lines.size() > 1) {
        lines.pop_back();
        text = render();
    }
    if (approxTokens(text) > level.budgetTokens) {
        auto words = splitWords(lines.front());
        while (words.size() > 1 && approxTokens(text) > level.budgetTokens) {
            words.pop_back();
            lines.front() = joinWords(words, words.size()) + " …";
            text = render();
        }
    }
    return text;
}

// Thinking that wanders past the level's budget (the "divergent thinking" failure).
std::string rambling(const HrtLevel& level, const std::vector<std::string>& lines) {
    static const std::array<std::string_view, 6> detours = {
        "Wait, before going on, let me restate what the task is really asking.",
        "Maybe the format matters less than I think; then again, it could matter a lot.",
        "Let me reconsider the input once more from the beginning, word by word.",
        "On second thought, the profile might say something different, so I should keep "
        "weighing every possibility before deciding anything.",
        "Hmm, there are several ways to read this, and each of them deserves a closer look.",
        "Actually, let me think about what a typical reader would expect here, and why."};
    std::string text = level.marker + "\n" + join(lines, "\n");
    const int limit = std::max(level.budgetTokens, 16) * 3 / 2 + 16;
    for (std::size_t i = 0; approxTokens(text) <= limit; ++i)
        text += (i % 3 == 0 ? "\n" : " ") + std::string(detours[i % detours.size()]);
    return text;
}

// The answer out of format, as reasoning models write it.
std::string drifted(TaskId task, const AnswerFormat& format, const std::string& answer,
                    std::uint64_t variant) {
    switch (format.kind) {
    case AnswerKind::Label:
        if (variant % 2 == 0)
            return task == TaskId::LaMP1 ? "The answer is " + answer + "."
                                         : "The " + labelNoun(task) + " is " + answer + ".";
        return answer + ", because the retrieved items point to it.";
    case AnswerKind::Rating:
        return variant % 2 == 0 ? "Rating: " + answer : "I would rate it " + answer + " out of 5.";
    case AnswerKind::Text:
    case AnswerKind::Invalid:
        break;
    }
    const std::string label = task == TaskId::LaMP4   ? "Headline"
                              : task == TaskId::LaMP6 ? "Subject"
                              : task == TaskId::LaMP7 ? "Tweet"
                                                      : "Title";
    return variant % 2 == 0
               ? label + ": " + answer + "\n\nThis follows the user's usual length and casing."
               : "\"" + answer + "\"\n(I kept it in the user's style.)";
}

// The answer the plan arrived at ("... → X." or "... → \"X\""), if it is in the format: an
// edited plan decides the answer as a model following it would.
std::optional<std::string> plannedAnswer(const AnswerFormat& format, std::string_view plan) {
    const std::string_view arrow = "→ ";
    const auto at = plan.rfind(arrow);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = plan.substr(at + arrow.size());
    rest = rest.substr(0, rest.find('\n'));
    std::string value;
    if (format.kind == AnswerKind::Text) {
        const auto open = rest.find('"');
        const auto close = rest.rfind('"');
        if (open == std::string_view::npos || close <= open)
            return std::nullopt;
        value = strip(rest.substr(open + 1, close - open - 1));
    } else {
        value = strip(rest);
        const auto comma = value.find(',');
        if (comma != std::string::npos)
            value.resize(comma);
        while (!value.empty() && value.back() == '.')
            value.pop_back();
        value = strip(value);
    }
    if (value.empty() || !answerInFormat(format, value))
        return std::nullopt;
    return value;
}

std::vector<std::string> factLines(const std::vector<std::string>& facts) {
    std::vector<std::string> lines;
    for (const auto& f : facts)
        lines.push_back("- " + f);
    // The first line cites, so trimming to the budget (which keeps the first line) keeps one.
    const auto citing = std::find_if(lines.begin(), lines.end(),
                                     [](const std::string& l) { return !citedItems(l).empty(); });
    if (citing != lines.end())
        std::rotate(lines.begin(), citing, citing + 1);
    return lines;
}

struct Chain {
    const HrtTemplate* hrt = nullptr;
    TaskId task = TaskId::Invalid;
    std::string input;
    std::vector<PromptItem> items;
    std::vector<Weighted> weighted;
};

std::string stageText(const Chain& c, const Decision& d, StageId stage, bool flawed,
                      std::uint64_t variant) {
    const HrtLevel* level = c.hrt->level(stage);
    HrtLevel plain;
    if (!level) { // a template without this level: plain marker
        plain.stage = stage;
        plain.marker = "## " + std::string(stageName(stage));
        level = &plain;
    }
    switch (stage) {
    case StageId::TaskAnalysis: {
        std::vector<std::string> lines = {
            "The input asks for " + whatIsAsked(c.task, c.input) + ".",
            "Output format: " + sentence(c.hrt->answer.description.empty()
                                             ? std::string("the task's exact format")
                                             : c.hrt->answer.description),
            "Signals: " + signalsFor(c.task) + ".",
            c.items.empty() ? std::string("No profile items were given, so only the input "
                                          "can decide.")
                            : std::to_string(c.items.size()) +
                                  " profile items were retrieved, best first; their retrieval "
                                  "scores weight them."};
        return flawed ? rambling(*level, lines) : fitted(*level, lines);
    }
    case StageId::ProfileSynthesis: {
        if (c.items.empty())
            return fitted(*level, {"- no profile items were given; the answer rests on the "
                                   "input alone"});
        if (flawed)
            return fitted(*level, {d.uncited});
        return fitted(*level, factLines(d.facts));
    }
    case StageId::AnswerPlan:
        return fitted(*level, {d.plan});
    case StageId::Answer:
    default:
        return level->marker + "\n" +
               (flawed ? drifted(c.task, c.hrt->answer, d.answer, variant) : d.answer);
    }
}

// The four levels in order, no flaws: the whole walk-through (CLI, stage Invalid).
std::string walkThrough(const Chain& c, const Decision& d) {
    std::vector<std::string> parts;
    for (StageId s :
         {StageId::TaskAnalysis, StageId::ProfileSynthesis, StageId::AnswerPlan, StageId::Answer})
        parts.push_back(stageText(c, d, s, false, 0));
    return join(parts, "\n\n");
}

std::string factsSentence(const std::vector<std::string>& facts) {
    std::vector<std::string> sentences;
    for (const auto& f : facts)
        sentences.push_back(sentence(f));
    return join(sentences, " ");
}

} // namespace

// ---------------------------------------------------------------------------------------------

std::uint64_t stableHash(std::string_view text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (char c : text) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001B3ULL;
    }
    return h;
}

bool offlineFlawed(std::string_view userId, StageId stage, int candidate, double rate) {
    if (rate <= 0)
        return false;
    if (stage != StageId::TaskAnalysis && stage != StageId::ProfileSynthesis &&
        stage != StageId::Answer && stage != StageId::Generate)
        return false;
    std::string key(userId);
    key += '\x1f';
    key += stageName(stage);
    if (candidate > 0)
        key += '#' + std::to_string(candidate);
    return unitFromHash(stableHash(key)) < rate;
}

OfflineAnswer offlineReason(const StageHint& hint, const OfflineOptions& options) {
    TaskId task = hint.task;
    if (task == TaskId::Invalid)
        task = detectTaskFromInput(hint.input).value_or(TaskId::Invalid);
    if (task == TaskId::Invalid)
        return offlineReasonInput(hint.input);

    Chain c;
    c.hrt = &templateFor(hint.hrt, task);
    c.task = task;
    c.input = hint.input;
    c.items = hint.items;
    // Candidate j under retrieval variation leaves [Pj] out (the engine may have done so).
    if (hint.candidate > 0 && hint.variation == Variation::Retrieval)
        for (std::size_t i = 0; i < c.items.size(); ++i)
            if ((c.items[i].n > 0 ? c.items[i].n : static_cast<int>(i) + 1) == hint.candidate) {
                c.items.erase(c.items.begin() + static_cast<std::ptrdiff_t>(i));
                break;
            }
    c.weighted = weigh(c.items);
    if (hint.candidate > 0 && hint.variation == Variation::Temperature && !c.weighted.empty())
        perturb(c.weighted, hint.seed, hint.candidate);
    const AnswerFormat& format = c.hrt->answer;

    const bool mayFlaw = hint.attempt == 0 && hint.correcting == RpiRule::Invalid;
    const bool flawed =
        mayFlaw && offlineFlawed(hint.userId, hint.stage, hint.candidate, options.flawRate);
    const std::uint64_t variant =
        mix64(stableHash(hint.userId) ^ static_cast<std::uint64_t>(hint.candidate));

    OfflineAnswer out;
    switch (hint.stage) {
    case StageId::TaskAnalysis:
    case StageId::ProfileSynthesis:
    case StageId::AnswerPlan:
    case StageId::Answer:
    case StageId::Candidates: {
        const StageId stage = hint.stage == StageId::Candidates ? StageId::Answer : hint.stage;
        Decision d = decide(task, format, c.input, c.weighted);
        if (stage == StageId::Answer && hint.candidate == 0 && !hint.plan.empty())
            if (auto planned = plannedAnswer(format, hint.plan))
                d.answer = *planned;
        out.answer = stageText(c, d, stage, flawed, variant);
        return out;
    }
    case StageId::Generate: {
        if (hint.system == SystemId::NoProfile) {
            out.answer = decide(task, format, c.input, {}).answer;
            return out;
        }
        if (hint.system == SystemId::LampRag) {
            std::vector<Weighted> top;
            if (!c.weighted.empty()) {
                top.push_back(c.weighted.front());
                top.front().w = 1;
            }
            out.answer = decide(task, format, c.input, top).answer;
            return out;
        }
        const Decision d = decide(task, format, c.input, c.weighted);
        if (hint.system == SystemId::LrmRag) {
            out.reasoning =
                "The user's history should decide this. " +
                (d.facts.empty() ? std::string("No profile items were given.")
                                 : "Looking at the retrieved items: " + factsSentence(d.facts)) +
                " So: " + d.plan;
            out.answer = flawed ? drifted(task, format, d.answer, variant) : d.answer;
            return out;
        }
        out.reasoning = walkThrough(c, d);
        out.answer = d.answer;
        return out;
    }
    case StageId::Final: {
        // Combine: a vote over the candidates' answers, each weighted by its verdict.
        std::vector<std::pair<std::string, int>> votes;
        for (std::size_t i = 0; i < hint.candidates.size(); ++i) {
            const Verdict v = i < hint.verdicts.size() ? hint.verdicts[i] : Verdict::Invalid;
            const int weight = v == Verdict::Supported                               ? 3
                               : v == Verdict::Partial                               ? 2
                               : v == Verdict::Unparsed || v == Verdict::Unsupported ? 1
                                                                                     : 0;
            const std::string answer(text::pyStrip(hint.candidates[i]));
            auto it = std::find_if(votes.begin(), votes.end(),
                                   [&](const auto& p) { return p.first == answer; });
            if (it == votes.end())
                votes.emplace_back(answer, weight);
            else
                it->second += weight;
        }
        const auto best =
            std::max_element(votes.begin(), votes.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        out.answer =
            best == votes.end() ? decide(task, format, c.input, c.weighted).answer : best->first;
        return out;
    }
    case StageId::CrossReference: {
        // A judge's reply: the lexical check of this candidate's answer.
        StageHint answerHint = hint;
        answerHint.stage = StageId::Answer;
        answerHint.attempt = 1; // the judged answer is the one that passed RPI
        const OfflineAnswer a = offlineReason(answerHint, options);
        const std::string candidate = stageBody(*c.hrt, StageId::Answer, a.answer);
        const std::string facts =
            hint.synthesis.empty()
                ? join(factLines(decide(task, format, c.input, c.weighted).facts), "\n")
                : stageBody(*c.hrt, StageId::ProfileSynthesis, hint.synthesis);
        const LexicalVerdict v = lexicalJudge(task, *c.hrt, candidate, hint.items, facts, c.input);
        std::string evidence;
        for (int n : v.evidence)
            evidence += (evidence.empty() ? "P" : ", P") + std::to_string(n);
        out.answer = "VERDICT: " + std::string(verdictName(v.verdict)) + "\nEVIDENCE: " + evidence +
                     "\nREASON: " + v.reason;
        return out;
    }
    default:
        break;
    }
    const Decision d = decide(task, format, c.input, c.weighted);
    out.reasoning = walkThrough(c, d);
    out.answer = d.answer;
    return out;
}

OfflineAnswer offlineReasonInput(std::string_view input) {
    OfflineAnswer out;
    const auto task = detectTaskFromInput(input);
    if (!task) {
        out.reasoning = "This input does not start with the instruction of any LaMP task "
                        "(LaMP-1 to LaMP-7, LaMP-2N), so the offline reasoner cannot tell what "
                        "is asked. It has no language model: it only answers LaMP task inputs.";
        out.answer = "I can only answer LaMP task inputs offline.";
        return out;
    }
    Chain c;
    c.hrt = &templateFor(nullptr, *task);
    c.task = *task;
    c.input = std::string(input);
    const Decision d = decide(*task, c.hrt->answer, input, {});
    out.reasoning = walkThrough(c, d);
    out.answer = d.answer;
    return out;
}

OfflineAnswer offlineAnswer(const llm::GenerationRequest& request, const OfflineOptions& options) {
    if (request.hint)
        return offlineReason(*request.hint, options);
    if (request.endpoint == llm::Endpoint::Completions)
        return offlineReasonInput(request.prompt);
    for (auto it = request.messages.rbegin(); it != request.messages.rend(); ++it)
        if (it->role == llm::Role::User)
            return offlineReasonInput(it->content);
    return offlineReasonInput({});
}

} // namespace r2p::engine
