// What a run cost, per system: requests, prompt/completion/reasoning tokens (the run's counter
// and the server's own count where it gave one), prompt tokens the server's prefix cache served,
// the tokens interventions added (every re-ask and every prefill continuation sends the whole
// context again), answers replayed from the project's response cache, the time the requests
// took, and money from a price table (resources/llm/prices.json, replaceable per project).
// `r2p cost`, `r2p run` and `r2p compare` print it; the Metrics view shows it.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::analysis {

// Prices per million tokens. Unset: cached prompt tokens cost as input, reasoning as output
// (as the hosted APIs bill them).
struct ModelPrice {
    double input = 0;
    double output = 0;
    std::optional<double> cachedInput;
    std::optional<double> reasoning;
    std::string asOf; // when the price was read off the provider's page
};

struct PriceTable {
    std::string currency = "USD";
    std::string source; // "built-in" or "project" (set with r2p cost --set-prices)
    std::map<std::string, ModelPrice> models;
    // The model's price: its exact name, else the longest key that is a prefix of the name
    // followed by '-', ':' or '/' ("deepseek-reasoner" matches "deepseek-reasoner:free" too).
    const ModelPrice* find(std::string_view model) const;
};

// Parses a price table. Errors name `source` and the line and column of malformed JSON, or the
// model and field that is wrong (a negative or non-numeric price).
Result<PriceTable> parsePriceTable(std::string_view json, const std::string& source);
// Reads a price table file (a regular file of at most 1 MiB).
Result<PriceTable> readPriceTableFile(const std::string& path, std::string* text = nullptr);
// The table shipped in resources/llm/prices.json.
const PriceTable& builtinPriceTable();
// The project's table where one was set, else the built-in one.
Result<PriceTable> projectPriceTable(ProjectStore& store);
// Stores `json` (validated first) as the project's table; an empty text removes it.
Status setProjectPriceTable(ProjectStore& store, std::string_view json);

struct CostFigures {
    std::int64_t users = 0;
    std::int64_t steps = 0;
    std::int64_t requests = 0;     // model requests (offline: the reasoner's answers)
    std::int64_t cacheReplays = 0; // of those, answered from the project's response cache
    std::int64_t promptTokens = 0; // the server's usage where given, else the run's counter
    std::int64_t completionTokens = 0;
    std::int64_t reasoningTokens = 0; // the run's counter, the same for every system
    std::optional<std::int64_t> serverReasoningTokens; // sum of the server's own counts
    std::optional<std::int64_t> cachedPromptTokens;    // where the server reported them
    // Tokens of the attempts after the first: what interventions (and judge re-asks) added.
    std::int64_t extraPromptTokens = 0;
    std::int64_t extraCompletionTokens = 0;
    bool extraEstimated = false; // some steps had no per-request usage: shared out evenly
    double requestSeconds = 0;   // the steps' latencies summed (not the run's wall clock)
    std::optional<double> money; // unset: no price for a model the system used
    std::vector<std::string> unpricedModels;
};

struct SystemCost {
    SystemId system = SystemId::Invalid;
    std::string model; // the run's model (the judge's, where it differs, in judgeModel)
    std::string judgeModel;
    CostFigures figures;
};

struct RunCost {
    std::int64_t run = 0;
    std::string currency;
    std::string prices;              // the table's source
    std::vector<SystemCost> systems; // in the run's order
    CostFigures total;
};

Result<RunCost> runCost(ProjectStore& store, std::int64_t runId, const PriceTable& prices);

// {"run", "currency", "prices", "systems": {name: figures}, "total": figures}; figures are
// {"users", "requests", "cache_replays", "prompt_tokens", "completion_tokens",
// "reasoning_tokens", "server_reasoning_tokens", "cached_prompt_tokens",
// "intervention_prompt_tokens", "intervention_completion_tokens", "intervention_estimated",
// "request_seconds", "cost", "unpriced_models"} (null where unknown).
std::string runCostJson(const RunCost& cost, int indent = 2);
// The same as a table: "md" (Markdown) or "csv", one row per system and a total row.
std::string runCostTable(const RunCost& cost, std::string_view format);
// The price table as JSON (what r2p cost --show-prices prints).
std::string priceTableJson(const PriceTable& table);

} // namespace r2p::analysis
