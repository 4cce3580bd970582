// Tagged-chain benchmark: parse and check 10,000 stored chains of about 1,000 tokens each with
// the shipped tag set (TagParser + every constraint rule, a rating answer format, 5 retrieved
// items), as the Analysis page would. One chain in ten is broken (unclosed, unknown or
// interleaved tags, a repeated segment). Target: at most 1 s.
//
//   bench_tags [--chains 10000] [--tokens 1000] [--smoke]
#include "BenchSupport.h"
#include "pipeline/engine/Rpi.h"
#include "pipeline/tags/TagConstraints.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
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
    return 0;
}
