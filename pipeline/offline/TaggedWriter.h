// The offline reasoner's tagged chains for the tagpr system: the decision written as
// <query>, <history>, <preference>, <relate> and <answer> segments of the default tag set.
// Most users get a well-formed chain; some, decided from the user id alone, get the ways a
// tag-trained model breaks its format, so the checks have something real to find:
//  - an answer tag never closed (the chain just stops): only the finished chain shows it;
//  - a misordered first attempt (<relate> right after <query>), which the streaming check
//    catches and intervenes on; the corrected attempt is well-formed.
#pragma once

#include "Deciders.h"
#include "StageWriter.h"

#include <string>
#include <string_view>

namespace r2p::engine::offline {

enum class TaggedFlaw {
    Invalid = 0,
    None,
    UnclosedAnswer,  // "<answer>X" with no "</answer>"
    MisorderedFirst, // <relate> straight after <query> (query allows history or preference)
};

// How `userId`'s chain is written: 2 in 10 users UnclosedAnswer, 1 in 10 MisorderedFirst (on
// the first attempt only), the rest None; a stable hash of the id decides.
TaggedFlaw taggedFlawOf(std::string_view userId, int attempt);

// The tagged chain; `flaw` as taggedFlawOf says.
std::string taggedChain(const Chain& c, const Decision& d, TaggedFlaw flaw);

} // namespace r2p::engine::offline
