#include "TextGenerator.h"

#include "Lexicons.h"
#include "TextUtil.h"
#include "pipeline/retrieval/LampQuery.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <utility>

namespace r2p::engine::offline {

namespace {

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

bool hasCue(std::string_view sentence) {
    const std::string lower = lowerAscii(sentence);
    for (auto cue : kContributionCues)
        if (lower.find(cue) != std::string::npos)
            return true;
    return false;
}

// Removes a leading "we propose" / "this paper presents" style cue (LaMP-5) or a greeting
// (LaMP-6), and a leading article.
std::string stripLead(TaskId task, std::string s) {
    const std::string lower = lowerAscii(s);
    if (task == TaskId::LaMP5) {
        for (auto cue : kContributionCues) {
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
    if (words.empty())
        return words;
    const std::string first = lowerAscii(words.front());
    if ((first == "which" || first == "that" || first == "who") && words.size() > 3)
        return std::vector<std::string>(words.begin() + 2, words.end());
    for (std::size_t k = 1; k < words.size() && k <= 4; ++k) {
        const std::string l = lowerAscii(words[k]);
        if ((l == "to" || l == "for" || l == "that") && fluffWord(lowerAscii(words[k - 1])) &&
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
// The sentence an answer is made of and, when it is not the lead, the user's words it shares
// and the items that carry them.
struct ChosenSentence {
    std::size_t index = 0;
    std::vector<std::string> shared;
    std::vector<int> by;
};

// The lead sentence unless another shares clearly more of the user's own wording (their past
// outputs), or states a paper's contribution (LaMP-5).
ChosenSentence chooseSentence(TaskId task, const std::vector<std::string>& sentences,
                              const std::vector<Weighted>& items, std::string_view outField) {
    ChosenSentence c;
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
                c.index = i;
                std::stable_sort(shared.begin(), shared.end(),
                                 [](const auto& a, const auto& b) { return a.first > b.first; });
                c.shared.clear();
                std::set<int> by;
                for (std::size_t k = 0; k < shared.size() && k < 3; ++k) {
                    c.shared.push_back(shared[k].second);
                    for (int n : carriers[shared[k].second])
                        by.insert(n);
                }
                c.by.assign(by.begin(), by.end());
            }
        }
    }
    return c;
}

// Cuts `words` to about `target`: the leading clause when it is a fair length, else a cut
// that may move on up to `limit` words past a weak word; no dangling word or punctuation at the
// end.
void fitWords(TaskId task, std::vector<std::string>& words, std::size_t target, std::size_t limit) {
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
    // A cut after a word that cannot end a phrase ("a", "new", "is") moves up to two words on
    // rather than leave the phrase open.
    auto isWeak = [&](const std::string& w) {
        const std::string l = lowerAscii(w);
        return danglingWord(l) || weakWord(l);
    };
    if (words.size() > target) {
        std::size_t cut = target;
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
        if (words.back().empty() || (words.size() > 1 && danglingWord(lowerAscii(words.back()))))
            words.pop_back();
        else
            break;
    }
}

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

    const ChosenSentence pick = chooseSentence(task, sentences, items, outField);
    const std::size_t chosen = pick.index;
    if (chosen == 0)
        e.how = sentences.size() > 1 ? std::string("the lead sentence of the ") + sourceNoun(task)
                                     : std::string("the ") + sourceNoun(task);
    else if (task == TaskId::LaMP5 && hasCue(sentences[chosen]))
        e.how = "sentence " + std::to_string(chosen + 1) +
                " of the abstract (it states the contribution)";
    else
        e.how = "sentence " + std::to_string(chosen + 1) + " of the " + sourceNoun(task) +
                " (it shares " + join(pick.shared, ", ") + " with " + cite(pick.by) + ")";

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
    fitWords(task, words, target, maxWords > 0 ? std::min(target + 2, room) : target + 2);
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

// What the user's past outputs show: lengths, casing, hashtags, mentions, emoji, recurring
// words and how they start, each with the items and retrieval weight behind it.
struct OutputStats {
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
};

OutputStats gatherOutputs(TaskId task, const std::vector<Weighted>& items,
                          std::string_view outField) {
    OutputStats o;
    for (const auto& x : items) {
        const std::string out = strip(field(*x.item, outField));
        if (out.empty())
            continue;
        const auto outWords = splitWords(out);
        const std::size_t n = outWords.size();
        o.shortest = o.withOutput.empty() ? n : std::min(o.shortest, n);
        o.longest = std::max(o.longest, n);
        o.withOutput.push_back(x.n);
        o.lengthSum += x.w * static_cast<double>(n);
        o.weight += x.w;
        const auto c = static_cast<std::size_t>(casingOf(out));
        o.casingVotes[c] += x.w;
        o.casingBy[c].push_back(x.n);
        const Habits h = habitsOf(out);
        if (!h.hashtags.empty()) {
            o.hashtagUsers.push_back(x.n);
            o.hashtagWeight += x.w;
            for (const auto& t : h.hashtags) {
                if (!o.tagWeight.count(t))
                    o.tagOrder.push_back(t);
                o.tagWeight[t] += x.w;
            }
        }
        if (!h.mentions.empty()) {
            o.mentionUsers.push_back(x.n);
            o.mentionWeight += x.w;
        }
        if (h.emoji) {
            o.emojiUsers.push_back(x.n);
            o.emojiWeight += x.w;
        }
        if (task == TaskId::LaMP7)
            continue;
        for (const auto& w : contentWords(out))
            o.wordItems[w].insert(x.n);
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
            o.colons.emplace_back("colon", "", &x);
            o.prefixes.emplace_back(lowerAscii(p), p, &x);
        } else if (n >= 3 && openingWord(outWords[0])) {
            std::string opening = outWords[0];
            if (minorWord(lowerAscii(outWords[1])))
                opening += " " + outWords[1];
            o.firstWords.emplace_back(lowerAscii(opening), opening, &x);
        }
    }
    return o;
}

// LaMP-7: hashtags (one the user habitually adds), mentions and emoji; a paraphrase keeps the
// content, so up to twice the user's typical length.
void tweetHabits(OutputStats& o, Style& style, Decision& d) {
    if (!o.hashtagUsers.empty()) {
        std::vector<std::string> tags;
        std::string top;
        double topWeight = 0;
        for (const auto& t : o.tagOrder) {
            if (tags.size() < 3)
                tags.push_back(t);
            if (o.tagWeight[t] > topWeight)
                top = t, topWeight = o.tagWeight[t];
        }
        const double share = o.hashtagWeight / (o.weight > 0 ? o.weight : 1);
        d.facts.push_back(cite(o.hashtagUsers) + " use hashtags (" + fixed2(share) +
                          " of the weight): " + join(tags, " "));
        if (share >= 0.5)
            style.hashtag = top;
    } else {
        d.facts.push_back(cite(o.withOutput) + " use no hashtags");
    }
    if (!o.mentionUsers.empty())
        d.facts.push_back(cite(o.mentionUsers) + " mention other users (" +
                          fixed2(o.mentionWeight / (o.weight > 0 ? o.weight : 1)) +
                          " of the weight)");
    if (!o.emojiUsers.empty())
        d.facts.push_back(cite(o.emojiUsers) + " use emoji (" +
                          fixed2(o.emojiWeight / (o.weight > 0 ? o.weight : 1)) +
                          " of the weight)");
    // A paraphrase keeps the content: up to twice the user's typical length.
    style.words = std::max<std::size_t>(style.words * 2, 8);
}

// LaMP-4..6: a habitual "Prefix:", a name and a colon, or an opening word, and recurring words.
void titleHabits(const OutputStats& o, Style& style, Decision& d) {
    const Habit colon = commonKey(o.colons, o.weight);
    const Habit prefix = commonKey(o.prefixes, o.weight);
    const Habit opening = commonKey(o.firstWords, o.weight);
    if (colon.share >= 0.5 && colon.items.size() >= 2) {
        if (prefix.share >= 0.5 && prefix.items.size() >= 2) {
            style.fixedPrefix = prefix.written;
            d.facts.push_back(cite(prefix.items) + " start with \"" + prefix.written + ":\" (" +
                              fixed2(prefix.share) + " of the weight)");
        } else {
            style.namePrefix = true;
            const std::string example =
                o.prefixes.empty() ? std::string() : std::get<1>(o.prefixes.front());
            d.facts.push_back(cite(colon.items) + " start with a name and a colon, like \"" +
                              example + ": …\" (" + fixed2(colon.share) + " of the weight)");
        }
    } else if (opening.share >= 0.5 && opening.items.size() >= 2) {
        style.opening = opening.written;
        d.facts.push_back(cite(opening.items) + " open with \"" + opening.written + "\" (" +
                          fixed2(opening.share) + " of the weight)");
    }
    std::vector<std::pair<std::string, std::set<int>>> recurring;
    for (const auto& [w, ns] : o.wordItems)
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

} // namespace

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

Decision decideText(TaskId task, const AnswerFormat& format, std::string_view input,
                    const std::vector<Weighted>& items) {
    Decision d;
    const std::string_view outField = task == TaskId::LaMP7 ? "text" : "title";
    Style style;
    style.words = defaultLength(task);
    OutputStats o = gatherOutputs(task, items, outField);
    const std::string noun = outputNoun(task);
    if (!o.withOutput.empty()) {
        const double mean = o.weight > 0 ? o.lengthSum / o.weight : 0;
        style.words = static_cast<std::size_t>(std::clamp(std::floor(mean + 0.5), 2.0, 40.0));
        d.facts.push_back(cite(o.withOutput) + " are the user's " + noun + ": " +
                          std::to_string(o.shortest) + "–" + std::to_string(o.longest) +
                          " words, " + fixed2(mean) + " on average by retrieval weight");
        std::size_t win = 0;
        for (std::size_t c = 1; c < o.casingVotes.size(); ++c)
            if (o.casingVotes[c] > o.casingVotes[win])
                win = c;
        style.casing = static_cast<Casing>(win);
        d.facts.push_back(cite(o.casingBy[win]) + (o.casingBy[win].size() == 1 ? " is" : " are") +
                          " in " + casingName(style.casing) + " (" +
                          fixed2(o.casingVotes[win] / (o.weight > 0 ? o.weight : 1)) +
                          " of the weight)");
        if (task == TaskId::LaMP7)
            tweetHabits(o, style, d);
        else
            titleHabits(o, style, d);
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
                        (o.withOutput.empty() ? std::string(" (no profile to learn a length from)")
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

} // namespace r2p::engine::offline
