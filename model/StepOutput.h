// What the engine read from one stage (the retrieved items, a level's body and citations, a
// verdict, the chosen candidate, the scores, ...), typed. The project stores it as one JSON
// object per step (the steps' "parsed" column); toJson and parseStepOutput are the one
// serializer, so no view parses step JSON. Keys this version does not know are kept and written
// back, and a stored step is written back byte for byte.
#pragma once

#include "Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p {

// Defined in Trace.h (which includes this header).
enum class Verdict;
enum class RpiRule;
enum class RuleOutcome;

// One retrieved item as the Retrieve step lists it.
struct StepItem {
    int n = 0;                        // 1 = [P1]
    std::string id;                   // the profile item's id
    double score = 0;                 // the ranker's score (NaN when it had none)
    std::vector<std::string> matched; // the query words found in the item
};

// Every field is absent unless the stage wrote it; which stage writes which is noted. The fields
// are in the order the engine writes them (one order fits every stage).
struct StepOutput {
    // retrieve
    std::optional<std::string> ranker; // "bm25", "recency", ...
    std::optional<int> k;
    std::optional<std::string> query; // the query retrieval used
    std::optional<std::vector<StepItem>> items;
    std::optional<std::vector<std::string>> findings; // notes on the query (e.g. it was cut)

    // final
    std::optional<std::string> mode; // "select", "combine" or "single" (r2p-no-cr)
    std::optional<int> chosen;       // the chosen candidate, 0-based; -1: combine wrote a new one

    // score
    std::optional<std::string> prediction;
    std::optional<std::optional<std::string>> gold; // stored as null when the user has no gold

    // cross_reference
    std::optional<Verdict> verdict;
    std::optional<std::vector<int>> evidence; // the items the verdict rests on: 1 = [P1]
    std::optional<double> agreement;          // with the other candidates, 0..1

    // HRT levels and candidates
    std::optional<std::string> body;           // the level's text without its marker
    std::optional<std::vector<int>> citations; // [P#] cited (profile synthesis, answer plan)

    // answer, candidates, final, generate
    std::optional<std::string> answer;
    std::optional<std::string> reason; // cross_reference: the judge's; final: why this answer
    std::optional<std::string> judge;  // cross_reference: "model" or "lexical (offline)"
    std::optional<std::string> judgeModel;
    std::optional<bool> inFormat; // the answer is in the task's exact format

    // generate (a baseline's single request)
    std::optional<std::string> finishReason;
    std::optional<int> answerBudget; // tokens; only no-profile and lamp-rag have budgets
    std::optional<int> reasoningBudget;
    std::optional<bool> truncated;

    // HRT levels and candidates
    std::optional<int> tokens; // tokens of the level's text, as the run's counter counts
    // Which counter counted the step's budgets: "server" (the server's tokenizer), "estimate"
    // (code points ÷ 4: no tokenizer, or a count fell back) or "offline".
    std::optional<std::string> tokenCounter;
    std::optional<int> interventions;
    std::optional<std::vector<std::pair<RpiRule, RuleOutcome>>> rules; // every rule's outcome
    // A level whose template marks its sub-steps: how many it has, and the sub-steps (1-based)
    // whose marker opens a line of the level's text or reasoning.
    std::optional<int> steps;
    std::optional<std::vector<int>> stepsCovered;

    // score
    std::optional<std::vector<std::pair<std::string, double>>> scores; // {"accuracy", 1}, ...

    // any stage whose output the user replaced
    std::optional<bool> edited;

    // Keys this version does not know, or known keys holding a value of another shape than the
    // engine writes, each with its value as compact JSON, in stored order.
    std::vector<std::pair<std::string, std::string>> extra;
    // The order the keys were read in, so that a stored step is written back unchanged; keys
    // not listed (new ones) follow in the order the engine writes them.
    std::vector<std::string> keyOrder;
    // Stored text that is no JSON object (a damaged project), kept as it was: written back
    // unchanged and shown as it is.
    std::string verbatim;

    // Whether any key is set (a stage that failed stores none).
    bool hasFields() const;
};

// The stored form: a compact JSON object ("" when no key is set, the verbatim text when set).
// Ill-formed UTF-8 in strings becomes U+FFFD.
std::string toJson(const StepOutput& output);
// The same object indented by four spaces, for people to read.
std::string toReadableJson(const StepOutput& output);
// Reads what toJson wrote: "" is an output without keys; text that is not a JSON object is an
// error that says where and why.
Result<StepOutput> parseStepOutput(std::string_view text);
// As the project reads a step: text parseStepOutput refuses is kept verbatim.
StepOutput readStepOutput(std::string_view text);

} // namespace r2p
