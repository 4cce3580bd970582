#include "Lexicons.h"

#include "TextUtil.h"

#include <map>

namespace r2p::engine::offline {

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

const WordSet& positiveWords() {
    static const WordSet words = {
        "great",   "excellent", "love",     "loved",     "perfect",   "best",        "amazing",
        "awesome", "good",      "nice",     "happy",     "recommend", "wonderful",   "fantastic",
        "works",   "easy",      "favorite", "beautiful", "sturdy",    "comfortable", "pleased"};
    return words;
}

const WordSet& negativeWords() {
    static const WordSet words = {
        "bad",    "poor",         "terrible",      "awful",   "worst",    "broke",
        "broken", "disappointed", "disappointing", "waste",   "returned", "useless",
        "cheap",  "hate",         "problem",       "stopped", "junk",     "refund",
        "flimsy", "horrible",     "defective"};
    return words;
}

const WordSet& negatorWords() {
    static const WordSet words = {"not", "no", "never", "t", "nothing", "hardly"};
    return words;
}

bool minorWord(std::string_view lower) {
    static const WordSet minor = {"a",   "an",   "the", "and", "but",  "or", "nor",
                                  "for", "on",   "at",  "to",  "from", "by", "of",
                                  "in",  "with", "as",  "vs",  "via"};
    return minor.count(lower) > 0;
}

bool openingWord(std::string_view word) {
    static const WordSet openers = {
        "towards",    "toward",        "on",        "beyond",    "rethinking",
        "revisiting", "understanding", "improving", "exploring", "learning",
        "inside",     "breaking",      "watch",     "exclusive", "update",
        "report",     "analysis",      "opinion",   "review",    "live"};
    return openers.count(lowerAscii(word)) > 0;
}

bool fluffWord(std::string_view lower) {
    static const WordSet fluff = {"approach",  "method",   "framework", "system",   "technique",
                                  "model",     "recipe",   "tool",      "pipeline", "architecture",
                                  "algorithm", "strategy", "scheme"};
    return fluff.count(lower) > 0;
}

bool danglingWord(std::string_view lower) {
    static const WordSet dangling = {"of",    "the",  "and",   "to",  "a",   "an",   "in",
                                     "for",   "with", "on",    "at",  "by",  "from", "that",
                                     "which", "as",   "is",    "are", "was", "were", "or",
                                     "but",   "its",  "their", "our"};
    return dangling.count(lower) > 0;
}

bool weakWord(std::string_view lower) {
    static const WordSet weak = {
        "new",  "first", "last",  "big",   "top",  "more",  "other",   "his",  "her",  "my",
        "your", "this",  "these", "those", "very", "most",  "several", "many", "some", "has",
        "have", "had",   "will",  "would", "can",  "could", "be",      "been", "not",  "no"};
    return weak.count(lower) > 0;
}

} // namespace r2p::engine::offline
