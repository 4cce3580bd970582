// Tagged-chain benchmark: parse and check 10,000 stored chains of about 1,000 tokens each with
// the shipped tag set (TagParser + every constraint rule, a rating answer format, 5 retrieved
// items), as the Analysis page would. One chain in ten is broken (unclosed, unknown or
// interleaved tags, a repeated segment). Target: at most 1 s.
//
// Then the same chains stored as a tagpr run of a project (a trace per user with its spans) and
// read back by analysis::tagStatistics, as the Analysis › Tags page does: every trace read, every
// chain parsed and checked, the statistics with their bootstrap intervals.
//
//   bench_tags [--chains 10000] [--tokens 1000] [--smoke]
#include "BenchSupport.h"
#include "model/RunStore.h"
#include "pipeline/analysis/TagStatistics.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/tags/TagConstraints.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace {

constexpr std::array<std::string_view, 40> kWords = {
    "the",     "user",   "rated",   "similar", "gadgets", "highly", "and",     "prefers",
    "short",   "titles", "with",    "a",       "calm",    "tone",   "battery", "review",
    "praises", "screen", "but",     "notes",   "delays",  "in",     "support", "which",
    "matches", "past",   "history", "items",   "usually", "four",   "stars",   "when",
    "café",    "naïve",  "résumé",  "quality", "price",   "value",  "fits",    "query"};

std::string sentence(std::mt19937& rng, int words, bool cite) {
    std::string s;
    for (int i = 0; i < words; ++i) {
        if (i)
            s += ' ';
        s += kWords[rng() % kWords.size()];
    }
    if (cite)
        s += " [P" + std::to_string(1 + rng() % 5) + "]";
    return s + ".";
}

// A segment of about `tokens` tokens.
std::string segment(std::mt19937& rng, int tokens, bool cite) {
    std::string s;
    while (r2p::engine::approxTokens(s) < tokens)
        s += (s.empty() ? "" : " ") + sentence(rng, 8 + static_cast<int>(rng() % 8), cite);
    return s;
}

struct Chain {
    std::string reasoning, content;
};

Chain makeChain(std::mt19937& rng, int tokens, bool broken) {
    // query, history, preference, relate, draft, check, then the answer; about the share of
    // tokens each gets in a personalization chain.
    static const std::array<std::pair<std::string_view, double>, 6> kPlan = {{{"query", 0.08},
                                                                              {"history", 0.30},
                                                                              {"preference", 0.25},
                                                                              {"relate", 0.17},
                                                                              {"draft", 0.10},
                                                                              {"check", 0.10}}};
    Chain c;
    for (const auto& [tag, share] : kPlan) {
        const bool cite = tag == "history" || tag == "preference";
        c.reasoning += "<" + std::string(tag) + ">\n" +
                       segment(rng, static_cast<int>(share * tokens), cite) + "\n</" +
                       std::string(tag) + ">\n";
    }
    c.content = "<answer>" + std::to_string(1 + rng() % 5) + "</answer>";
    if (broken) {
        switch (rng() % 4) {
        case 0: // a close tag lost
            c.reasoning.erase(c.reasoning.find("</relate>"), 9);
            break;
        case 1: // an unknown tag
            c.reasoning.insert(c.reasoning.find("<draft>"), "<thinking>");
            break;
        case 2: // interleaved
            std::swap(c.reasoning[c.reasoning.find("</draft>") + 2],
                      c.reasoning[c.reasoning.find("</check>") + 2]);
            break;
        default: // the check repeats the draft
            c.reasoning += "<check>ok</check><check>ok</check>";
            break;
        }
    }
    return c;
}

// The chains as a stored tagpr run; its id, or 0.
std::int64_t storeChains(r2p::ProjectStore& store, const std::vector<Chain>& data) {
    using namespace r2p;
    RunStore runs(store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::TagPR};
    info.backend = "offline";
    info.status = RunStatus::Done;
    for (std::size_t i = 0; i < data.size(); ++i)
        info.users.push_back("u" + std::to_string(i));
    auto id = runs.createRun(info);
    if (!id)
        return 0;
    std::vector<UserTrace> batch;
    for (std::size_t i = 0; i < data.size(); ++i) {
        UserTrace t;
        t.userId = info.users[i];
        t.system = SystemId::TagPR;
        t.status = UserStatus::Done;
        const auto parsed =
            tags::parseTags(tags::builtinTagSet(), data[i].reasoning, data[i].content);
        t.prediction = std::to_string(1 + i % 5);
        t.gold = std::to_string(1 + (i / 3) % 5);
        t.scores = {
            {"MAE", std::abs(static_cast<double>(i % 5) - static_cast<double>((i / 3) % 5))}};
        StepRecord retrieve;
        retrieve.seq = 0;
        retrieve.stage = StageId::Retrieve;
        retrieve.status = StepStatus::Done;
        std::vector<StepItem> items;
        for (int k = 1; k <= 5; ++k)
            items.push_back({k, "p" + std::to_string(k), 1.0 / k, {}});
        retrieve.output.items = items;
        StepRecord g;
        g.seq = 1;
        g.stage = StageId::Generate;
        g.status = StepStatus::Done;
        g.reasoning = data[i].reasoning;
        g.answer = data[i].content;
        for (const auto& sp : parsed.spans) {
            TagSpanRecord r;
            r.start = static_cast<std::int64_t>(sp.start);
            r.end = static_cast<std::int64_t>(sp.end);
            r.tag = sp.tag;
            r.source = "model";
            r.tagSetId = tags::builtinTagSet().id;
            r.tagSetVersion = tags::builtinTagSet().version;
            g.tagSpans.push_back(std::move(r));
        }
        t.steps = {retrieve, g};
        batch.push_back(std::move(t));
        if (batch.size() == 500 || i + 1 == data.size()) {
            if (!runs.saveUserTraces(*id, batch))
                return 0;
            batch.clear();
        }
    }
    return *id;
}

// Times tagStatistics on the stored chains: best of 3.
void benchStored(const std::vector<Chain>& data) {
    char dir[] = "/tmp/r2p-bench-tags-XXXXXX";
    if (!::mkdtemp(dir)) {
        std::fprintf(stderr, "bench_tags: cannot make a temp dir\n");
        return;
    }
    const std::string path = std::string(dir) + "/tags.r2p";
    {
        auto store = r2p::ProjectStore::open(path);
        const std::int64_t runId = store ? storeChains(**store, data) : 0;
        if (!runId) {
            std::fprintf(stderr, "bench_tags: cannot store the chains\n");
            std::filesystem::remove_all(dir);
            return;
        }
        double best = 1e300;
        std::size_t chains = 0;
        for (int run = 0; run < 3; ++run) {
            const double t0 = r2p::bench::nowSeconds();
            bool bad = false;
            r2p::analysis::TagStatisticsRequest request{runId, {}, {}};
            if (const char* b = std::getenv("R2P_BENCH_RESAMPLES"))
                request.bootstrap.resamples = std::stoul(b);
            auto stats = r2p::analysis::tagStatistics(**store, request, bad);
            best = std::min(best, r2p::bench::nowSeconds() - t0);
            if (!stats || stats->systems.empty()) {
                std::fprintf(stderr, "bench_tags: %s\n",
                             stats ? "no tagged chains read" : stats.error().message.c_str());
                break;
            }
            chains = stats->systems.front().chains;
        }
        std::printf("bench_tags: stored run of %zu chains (%.0f MB project): tagStatistics (read "
                    "every trace, parse, check, intervals) best of 3 %.3f s; target <= 1 s\n",
                    chains, static_cast<double>(std::filesystem::file_size(path)) / 1e6, best);
    }
    std::filesystem::remove_all(dir);
}

} // namespace

int main(int argc, char** argv) {
    std::size_t chains = 10000;
    int tokens = 1000;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--smoke")
            chains = 300;
        else if (a == "--chains" && i + 1 < argc)
            chains = std::stoul(argv[++i]);
        else if (a == "--tokens" && i + 1 < argc)
            tokens = std::stoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_tags [--chains N] [--tokens T] [--smoke]\n");
            return 2;
        }
    }
    const r2p::tags::TagSet& set = r2p::tags::builtinTagSet();
    r2p::engine::AnswerFormat format;
    format.kind = r2p::engine::AnswerKind::Rating;
    format.labels = {"1", "2", "3", "4", "5"};
    format.description = "a single digit from 1 to 5";
    const r2p::tags::ChainContext context{&format, 5};

    std::mt19937 rng(11);
    std::vector<Chain> data;
    data.reserve(chains);
    std::size_t bytes = 0, chainTokens = 0;
    for (std::size_t i = 0; i < chains; ++i) {
        data.push_back(makeChain(rng, tokens, i % 10 == 9));
        bytes += data.back().reasoning.size() + data.back().content.size();
        chainTokens += static_cast<std::size_t>(r2p::engine::approxTokens(data.back().reasoning) +
                                                r2p::engine::approxTokens(data.back().content));
    }

    // What the checks find, once, outside the timing: violations per rule on healthy and broken
    // chains (the healthy ones should have none).
    std::array<std::size_t, r2p::tags::kTagRuleCount> healthy{}, broken{};
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto parsed = r2p::tags::parseTags(set, data[i].reasoning, data[i].content);
        const auto report = r2p::tags::checkTagConstraints(
            set, r2p::tags::chainText(data[i].reasoning, data[i].content), parsed, context);
        for (const auto& v : report.violations)
            ++(i % 10 == 9 ? broken : healthy)[static_cast<std::size_t>(v.rule) - 1];
    }
    std::string found;
    for (r2p::tags::TagRule r : r2p::tags::allTagRules()) {
        const auto k = static_cast<std::size_t>(r) - 1;
        if (healthy[k] + broken[k] > 0)
            found += " " + std::string(r2p::tags::tagRuleName(r)) + " " +
                     std::to_string(healthy[k]) + "/" + std::to_string(broken[k]);
    }
    std::printf("bench_tags: violations per rule (healthy/broken chains):%s\n",
                found.empty() ? " none" : found.c_str());

    double best = 1e300, scoreSum = 0;
    std::size_t violations = 0, spans = 0;
    for (int run = 0; run < 3; ++run) {
        const double t0 = r2p::bench::nowSeconds();
        double sum = 0;
        std::size_t v = 0, s = 0;
        std::string text;
        for (const Chain& c : data) {
            const r2p::tags::ParsedChain parsed = r2p::tags::parseTags(set, c.reasoning, c.content);
            text.assign(c.reasoning).append(c.content); // chainText, without a new allocation
            const auto report = r2p::tags::checkTagConstraints(set, text, parsed, context);
            sum += report.score;
            v += report.violations.size();
            s += parsed.spans.size();
        }
        best = std::min(best, r2p::bench::nowSeconds() - t0);
        scoreSum = sum;
        violations = v;
        spans = s;
    }
    std::printf("bench_tags: %zu chains, %.0f tokens (%.0f bytes) per chain on average, %zu spans, "
                "%zu violations, mean constraint score %.4f; parse + check: best of 3 %.3f s = "
                "%.1f us per chain, %.0f MB/s; target 10,000 chains of ~1,000 tokens <= 1 s\n",
                chains, static_cast<double>(chainTokens) / static_cast<double>(chains),
                static_cast<double>(bytes) / static_cast<double>(chains), spans, violations,
                scoreSum / static_cast<double>(chains), best,
                best / static_cast<double>(chains) * 1e6, static_cast<double>(bytes) / best / 1e6);
    benchStored(data);
    return 0;
}
