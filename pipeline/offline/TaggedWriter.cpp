#include "TaggedWriter.h"

#include "TextUtil.h"
#include "pipeline/engine/OfflineReasoner.h"

#include <string>

namespace r2p::engine::offline {

TaggedFlaw taggedFlawOf(std::string_view userId, int attempt) {
    const std::uint64_t draw = stableHash(std::string(userId) + "\x1ftagpr") % 10;
    if (draw < 2)
        return TaggedFlaw::UnclosedAnswer;
    if (draw == 2 && attempt == 0)
        return TaggedFlaw::MisorderedFirst;
    return TaggedFlaw::None;
}

namespace {

// The first fact that cites an item, else a sentence citing every item.
std::string preferenceText(const Chain& c, const Decision& d, const std::string& allCited) {
    for (const auto& f : d.facts)
        if (f.find("[P") != std::string::npos)
            return "This user's own items decide it: " + f + ".";
    if (allCited.empty())
        return "No history items were retrieved, so no preference of this user shows.";
    return "The user's items " + allCited + " show what this user tends to choose, weighted by " +
           "how well each matches the input" + (c.items.empty() ? "." : ".");
}

} // namespace

std::string taggedChain(const Chain& c, const Decision& d, TaggedFlaw flaw) {
    std::vector<int> ns;
    for (std::size_t i = 0; i < c.items.size(); ++i)
        ns.push_back(c.items[i].n > 0 ? c.items[i].n : static_cast<int>(i) + 1);
    const std::string allCited = ns.empty() ? std::string() : cite(ns);
    const std::string query = "<query>The query asks for " + c.hrt->answer.description +
                              ", decided by this user's own history.</query>\n";
    const std::string history =
        "<history>" +
        (ns.empty() ? std::string("No history items were retrieved for this user.")
                    : "Reading the retrieved items " + allCited + ": " + factsSentence(d.facts)) +
        "</history>\n";
    const std::string preference =
        "<preference>" + preferenceText(c, d, allCited) + "</preference>\n";
    const std::string relate = "<relate>Applied to this input: " + d.plan + "</relate>\n";
    const std::string answer =
        "<answer>" + d.answer + (flaw == TaggedFlaw::UnclosedAnswer ? "" : "</answer>");
    if (flaw == TaggedFlaw::MisorderedFirst)
        return query + relate + history + preference + answer;
    return query + history + preference + relate + answer;
}

} // namespace r2p::engine::offline
