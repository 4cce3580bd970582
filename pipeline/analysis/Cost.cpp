#include "Cost.h"

#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/Utf8.h"
#include "model/Util.h"
#include "pipeline/engine/Engine.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace r2p::llm::data {
extern const char* const kPricesJson;
}

namespace r2p::analysis {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

constexpr std::string_view kMetaKey = "prices";

// A price field: a finite number, zero or more.
Result<std::optional<double>> priceField(const json& model, const char* key,
                                         const std::string& where) {
    const auto it = model.find(key);
    if (it == model.end())
        return std::optional<double>();
    if (!it->is_number() || !std::isfinite(it->get<double>()) || it->get<double>() < 0)
        return Error{where + ": \"" + key + "\" takes a price of 0 or more (per million tokens)"};
    return std::optional<double>(it->get<double>());
}

Result<ModelPrice> parseModelPrice(const std::string& name, const json& model,
                                   const std::string& source) {
    const std::string where = source + ": model \"" + validUtf8(name) + "\"";
    if (!model.is_object())
        return Error{where + " is not an object of prices"};
    for (const auto& [key, value] : model.items())
        if (key != "input" && key != "output" && key != "cached_input" && key != "reasoning" &&
            key != "as_of" && key != "note")
            return Error{where + ": unknown field \"" + validUtf8(key) +
                         "\" (use input, output, cached_input, reasoning, as_of, note)"};
    ModelPrice p;
    auto input = priceField(model, "input", where);
    auto output = priceField(model, "output", where);
    auto cached = priceField(model, "cached_input", where);
    auto reasoning = priceField(model, "reasoning", where);
    for (const auto* r : {&input, &output, &cached, &reasoning})
        if (!*r)
            return r->error();
    if (!*input || !*output)
        return Error{where + " needs both \"input\" and \"output\""};
    p.input = **input;
    p.output = **output;
    p.cachedInput = *cached;
    p.reasoning = *reasoning;
    if (auto it = model.find("as_of"); it != model.end() && it->is_string())
        p.asOf = it->get<std::string>();
    return p;
}

struct Accumulator {
    CostFigures f;
    double money = 0;
    bool priced = true;
};

std::int64_t numberIn(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

// One step's requests as the server reported them (the step's `server` list).
struct RequestFigures {
    std::size_t entries = 0;
    std::size_t withUsage = 0;
    std::int64_t cacheReplays = 0;
    std::optional<std::int64_t> serverReasoning, cachedPrompt;
    std::int64_t laterPrompt = 0, laterCompletion = 0; // requests after the first
};

RequestFigures requestFigures(const std::string& server) {
    RequestFigures r;
    if (server.empty())
        return r;
    const json list = json::parse(server, nullptr, false);
    if (!list.is_array())
        return r;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json& e = list[i];
        if (!e.is_object())
            continue;
        ++r.entries;
        if (e.value("cached", false))
            ++r.cacheReplays;
        const auto usage = e.find("usage");
        if (usage == e.end() || !usage->is_object())
            continue;
        ++r.withUsage;
        if (!usage->value("reasoning_tokens_estimated", false) &&
            usage->contains("reasoning_tokens"))
            r.serverReasoning =
                r.serverReasoning.value_or(0) + numberIn(*usage, "reasoning_tokens");
        if (usage->contains("cached_tokens"))
            r.cachedPrompt = r.cachedPrompt.value_or(0) + numberIn(*usage, "cached_tokens");
        if (i > 0) {
            r.laterPrompt += numberIn(*usage, "prompt_tokens");
            r.laterCompletion += numberIn(*usage, "completion_tokens");
        }
    }
    return r;
}

bool makesRequests(StepMode mode) {
    return mode == StepMode::Offline || mode == StepMode::Chat || mode == StepMode::Prefill;
}

void addOptional(std::optional<std::int64_t>& to, const std::optional<std::int64_t>& v) {
    if (v)
        to = to.value_or(0) + *v;
}

// A step or group of a model without a price: the total is not priced, and the model is named.
void markUnpriced(Accumulator& a, const std::string& model) {
    a.priced = false;
    auto& models = a.f.unpricedModels;
    if (std::find(models.begin(), models.end(), model) == models.end())
        models.push_back(model);
}

void addStep(Accumulator& a, const StepUsage& u, const ModelPrice* price,
             const std::string& model) {
    CostFigures& f = a.f;
    ++f.steps;
    f.users += u.seq == 0 ? 1 : 0;
    f.requestSeconds += u.latencyMs / 1000.0;
    if (!makesRequests(u.mode))
        return;
    const RequestFigures r = requestFigures(u.server);
    const int attempts = std::max(1, u.attempts);
    f.requests += r.entries > 0 ? static_cast<std::int64_t>(r.entries) : attempts;
    f.cacheReplays += r.cacheReplays;
    f.promptTokens += u.tokens.prompt;
    f.completionTokens += u.tokens.completion;
    f.reasoningTokens += u.tokens.reasoning;
    addOptional(f.serverReasoningTokens, r.serverReasoning);
    addOptional(f.cachedPromptTokens, r.cachedPrompt);
    if (attempts > 1) {
        if (r.entries == static_cast<std::size_t>(attempts) && r.withUsage == r.entries) {
            f.extraPromptTokens += r.laterPrompt;
            f.extraCompletionTokens += r.laterCompletion;
        } else {
            // No per-request usage (offline, or a server without usage): an even share.
            f.extraPromptTokens += u.tokens.prompt * (attempts - 1) / attempts;
            f.extraCompletionTokens += u.tokens.completion * (attempts - 1) / attempts;
            f.extraEstimated = true;
        }
    }
    if (!price) {
        markUnpriced(a, model);
        return;
    }
    const std::int64_t cached =
        std::clamp<std::int64_t>(r.cachedPrompt.value_or(0), 0, u.tokens.prompt);
    // Reasoning is part of the completion; the server's count where it gave one.
    const std::int64_t reasoning = std::clamp<std::int64_t>(
        r.serverReasoning.value_or(u.tokens.reasoning), 0, u.tokens.completion);
    a.money += (static_cast<double>(u.tokens.prompt - cached) * price->input +
                static_cast<double>(cached) * price->cachedInput.value_or(price->input) +
                static_cast<double>(u.tokens.completion - reasoning) * price->output +
                static_cast<double>(reasoning) * price->reasoning.value_or(price->output)) /
               1e6;
}

// Steps without the server's figures, summed (RunStore::stepUsageSums): what addStep adds for
// each of them, added at once.
void addGroup(Accumulator& a, const StepUsageSum& g, const ModelPrice* price,
              const std::string& model) {
    CostFigures& f = a.f;
    f.steps += g.steps;
    f.users += g.firstSteps;
    f.requestSeconds += g.latencyMs / 1000.0;
    if (!makesRequests(g.mode))
        return;
    f.requests += g.attempts;
    f.promptTokens += g.tokens.prompt;
    f.completionTokens += g.tokens.completion;
    f.reasoningTokens += g.tokens.reasoning;
    // No per-request usage: the attempts after the first get an even share of each step.
    f.extraPromptTokens += g.laterPrompt;
    f.extraCompletionTokens += g.laterCompletion;
    f.extraEstimated = f.extraEstimated || g.retried > 0;
    if (!price) {
        markUnpriced(a, model);
        return;
    }
    // Nothing served from the server's prefix cache; the run's own reasoning count.
    a.money += (static_cast<double>(g.tokens.prompt) * price->input +
                static_cast<double>(g.tokens.completion - g.cappedReasoning) * price->output +
                static_cast<double>(g.cappedReasoning) * price->reasoning.value_or(price->output)) /
               1e6;
}

void addFigures(CostFigures& to, const CostFigures& f) {
    to.users = std::max(to.users, f.users); // the systems ran on the same users
    to.steps += f.steps;
    to.requests += f.requests;
    to.cacheReplays += f.cacheReplays;
    to.promptTokens += f.promptTokens;
    to.completionTokens += f.completionTokens;
    to.reasoningTokens += f.reasoningTokens;
    addOptional(to.serverReasoningTokens, f.serverReasoningTokens);
    addOptional(to.cachedPromptTokens, f.cachedPromptTokens);
    to.extraPromptTokens += f.extraPromptTokens;
    to.extraCompletionTokens += f.extraCompletionTokens;
    to.extraEstimated = to.extraEstimated || f.extraEstimated;
    to.requestSeconds += f.requestSeconds;
    for (const auto& m : f.unpricedModels)
        if (std::find(to.unpricedModels.begin(), to.unpricedModels.end(), m) ==
            to.unpricedModels.end())
            to.unpricedModels.push_back(m);
}

ordered_json figuresJson(const CostFigures& f) {
    auto optional = [](const auto& v) {
        return v ? ordered_json(*v) : ordered_json(nullptr);
    };
    return ordered_json{{"users", f.users},
                        {"requests", f.requests},
                        {"cache_replays", f.cacheReplays},
                        {"prompt_tokens", f.promptTokens},
                        {"completion_tokens", f.completionTokens},
                        {"reasoning_tokens", f.reasoningTokens},
                        {"server_reasoning_tokens", optional(f.serverReasoningTokens)},
                        {"cached_prompt_tokens", optional(f.cachedPromptTokens)},
                        {"intervention_prompt_tokens", f.extraPromptTokens},
                        {"intervention_completion_tokens", f.extraCompletionTokens},
                        {"intervention_estimated", f.extraEstimated},
                        {"request_seconds", std::round(f.requestSeconds * 1000) / 1000},
                        {"cost", optional(f.money)},
                        {"unpriced_models", f.unpricedModels}};
}

} // namespace

const ModelPrice* PriceTable::find(std::string_view model) const {
    if (const auto it = models.find(std::string(model)); it != models.end())
        return &it->second;
    const ModelPrice* best = nullptr;
    std::size_t bestLength = 0;
    for (const auto& [name, price] : models)
        if (name.size() < model.size() && model.substr(0, name.size()) == name &&
            (model[name.size()] == '-' || model[name.size()] == ':' || model[name.size()] == '/') &&
            name.size() > bestLength) {
            best = &price;
            bestLength = name.size();
        }
    return best;
}

Result<PriceTable> parsePriceTable(std::string_view text, const std::string& source) {
    json root;
    try {
        root = json::parse(text);
    } catch (const json::parse_error& e) {
        const auto where = describeParseError(text, e);
        return Error{source + ":" + std::to_string(where.line) + ":" +
                     std::to_string(where.column) + ": malformed JSON: " + where.detail};
    }
    if (!root.is_object())
        return Error{source + ": a price table is a JSON object with \"version\" and \"models\""};
    if (root.value("version", 0) != 1)
        return Error{source + ": \"version\" must be 1"};
    const auto models = root.find("models");
    if (models == root.end() || !models->is_object())
        return Error{source + ": \"models\" must be an object of model name -> prices"};
    PriceTable table;
    table.source = source;
    if (auto c = root.find("currency"); c != root.end()) {
        if (!c->is_string() || c->get<std::string>().empty())
            return Error{source + ": \"currency\" must be a name such as \"USD\""};
        table.currency = c->get<std::string>();
    }
    for (const auto& [name, model] : models->items()) {
        auto price = parseModelPrice(name, model, source);
        if (!price)
            return price.error();
        table.models.emplace(name, *price);
    }
    return table;
}

Result<PriceTable> readPriceTableFile(const std::string& path, std::string* text) {
    auto content = readSettingsFile(path, "a price table (JSON)", std::uintmax_t{1} << 20);
    if (!content)
        return content.error();
    if (text)
        *text = *content;
    return parsePriceTable(*content, validUtf8(path));
}

const PriceTable& builtinPriceTable() {
    static const PriceTable table = [] {
        auto parsed = parsePriceTable(llm::data::kPricesJson, "resources/llm/prices.json");
        return parsed ? *parsed : PriceTable{};
    }();
    return table;
}

Result<PriceTable> projectPriceTable(ProjectStore& store) {
    auto text = store.metaValue(kMetaKey);
    if (!text)
        return text.error();
    if (!*text) {
        PriceTable table = builtinPriceTable();
        table.source = "built-in";
        return table;
    }
    auto table = parsePriceTable(**text, store.path() + " (project price table)");
    if (table)
        table->source = "project";
    return table;
}

Status setProjectPriceTable(ProjectStore& store, std::string_view text) {
    if (!text.empty())
        if (auto table = parsePriceTable(text, "the price table"); !table)
            return table.error();
    return store.setMetaValue(kMetaKey, text);
}

Result<RunCost> runCost(ProjectStore& store, std::int64_t runId, const PriceTable& prices) {
    RunStore runs(store);
    auto info = runs.run(runId);
    if (!info)
        return info.error();
    const auto config = engine::engineConfigFromJson(info->config, info->model);
    const std::string judgeModel = config.effectiveJudgeModel();
    const ModelPrice* judgePrice = prices.find(judgeModel);
    // Each system's model (its own with --system-model) and price.
    std::map<SystemId, std::pair<std::string, const ModelPrice*>> modelOf;
    for (SystemId s : info->systems) {
        std::string model = config.modelOf(s);
        const ModelPrice* price = prices.find(model);
        modelOf.emplace(s, std::pair{std::move(model), price});
    }
    // The judge's model and price for cross-reference steps, else the system's.
    auto priceOf = [&](SystemId system,
                       StageId stage) -> std::pair<std::string, const ModelPrice*> {
        if (stage == StageId::CrossReference)
            return {judgeModel, judgePrice};
        auto it = modelOf.find(system);
        if (it == modelOf.end()) { // a step of a system the run does not list: its model
            std::string model = config.modelOf(system);
            const ModelPrice* price = prices.find(model);
            it = modelOf.emplace(system, std::pair{std::move(model), price}).first;
        }
        return it->second;
    };
    std::map<SystemId, Accumulator> bySystem;
    // Steps with the server's figures one at a time; the others summed by the store.
    auto sums = runs.stepUsageSums(runId, [&](const StepUsage& u) {
        const auto [model, price] = priceOf(u.system, u.stage);
        addStep(bySystem[u.system], u, price, model);
    });
    if (!sums)
        return sums.error();
    for (const StepUsageSum& g : *sums) {
        const auto [model, price] = priceOf(g.system, g.stage);
        addGroup(bySystem[g.system], g, price, model);
    }
    RunCost out;
    out.run = runId;
    out.currency = prices.currency;
    out.prices = prices.source;
    double total = 0;
    bool allPriced = true;
    for (SystemId s : info->systems) {
        SystemCost c;
        c.system = s;
        c.model = modelOf[s].first;
        c.judgeModel = judgeModel != c.model ? judgeModel : std::string();
        if (const auto it = bySystem.find(s); it != bySystem.end()) {
            c.figures = it->second.f;
            if (it->second.priced)
                c.figures.money = it->second.money;
            allPriced = allPriced && it->second.priced;
            total += it->second.money;
        } else {
            c.figures.money = 0.0;
        }
        addFigures(out.total, c.figures);
        out.systems.push_back(std::move(c));
    }
    if (allPriced)
        out.total.money = total;
    return out;
}

std::string runCostJson(const RunCost& cost, int indent) {
    ordered_json systems = ordered_json::object();
    for (const auto& s : cost.systems) {
        ordered_json entry = figuresJson(s.figures);
        entry["model"] = s.model;
        if (!s.judgeModel.empty())
            entry["judge_model"] = s.judgeModel;
        systems[std::string(systemName(s.system))] = std::move(entry);
    }
    ordered_json root{{"run", cost.run},
                      {"currency", cost.currency},
                      {"prices", cost.prices},
                      {"systems", std::move(systems)},
                      {"total", figuresJson(cost.total)}};
    return dumpJson(root, indent);
}

std::string priceTableJson(const PriceTable& table) {
    ordered_json models = ordered_json::object();
    for (const auto& [name, p] : table.models) {
        ordered_json m{{"input", p.input}, {"output", p.output}};
        if (p.cachedInput)
            m["cached_input"] = *p.cachedInput;
        if (p.reasoning)
            m["reasoning"] = *p.reasoning;
        if (!p.asOf.empty())
            m["as_of"] = p.asOf;
        models[name] = std::move(m);
    }
    return dumpJson(ordered_json{{"version", 1},
                                 {"currency", table.currency},
                                 {"source", table.source},
                                 {"unit", "per million tokens"},
                                 {"models", std::move(models)}},
                    2);
}

std::string runCostTable(const RunCost& cost, std::string_view format) {
    const bool md = format == "md";
    const std::vector<std::string> header = {"system",
                                             "users",
                                             "requests",
                                             "cache replays",
                                             "prompt tokens",
                                             "completion tokens",
                                             "reasoning tokens",
                                             "cached prompt tokens",
                                             "intervention tokens",
                                             "request seconds",
                                             "cost (" + cost.currency + ")"};
    auto cell = [md](std::string s) {
        if (md) {
            std::string out;
            for (char c : s)
                out += c == '|' ? std::string("\\|") : std::string(1, c);
            return out;
        }
        if (s.find_first_of(",\"\n") == std::string::npos)
            return s;
        std::string out = "\"";
        for (char c : s)
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        return out + "\"";
    };
    auto row = [&](const std::vector<std::string>& cells) {
        std::string line = md ? "|" : "";
        for (std::size_t i = 0; i < cells.size(); ++i)
            line += md ? " " + cell(cells[i]) + " |" : (i ? "," : "") + cell(cells[i]);
        return line + "\n";
    };
    auto money = [](const std::optional<double>& v) {
        if (!v)
            return std::string("-");
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.6f", *v);
        return std::string(buffer);
    };
    auto figures = [&](const std::string& name, const CostFigures& f) {
        std::string reasoning = std::to_string(f.reasoningTokens);
        if (f.serverReasoningTokens)
            reasoning += " (server " + std::to_string(*f.serverReasoningTokens) + ")";
        char seconds[64];
        std::snprintf(seconds, sizeof seconds, "%.1f", f.requestSeconds);
        return row({name, std::to_string(f.users), std::to_string(f.requests),
                    std::to_string(f.cacheReplays), std::to_string(f.promptTokens),
                    std::to_string(f.completionTokens), reasoning,
                    f.cachedPromptTokens ? std::to_string(*f.cachedPromptTokens) : "-",
                    std::to_string(f.extraPromptTokens + f.extraCompletionTokens) +
                        (f.extraEstimated ? " (est.)" : ""),
                    seconds, money(f.money)});
    };
    std::string out = row(header);
    if (md) {
        out += "|";
        for (std::size_t i = 0; i < header.size(); ++i)
            out += i ? " ---: |" : " --- |";
        out += "\n";
    }
    for (const auto& s : cost.systems)
        out += figures(std::string(systemName(s.system)), s.figures);
    out += figures("total", cost.total);
    return out;
}

} // namespace r2p::analysis
