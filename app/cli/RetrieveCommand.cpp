// r2p retrieve: ranks every user's profile like LaMP's rank_profiles.py and writes
// {question id: [profile ids, best first]}, streaming record by record.
#include "Cli.h"
#include "model/Dataset.h"
#include "pipeline/retrieval/Retriever.h"
#include "pipeline/text/PyText.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

namespace r2p::cli {
namespace {

constexpr std::size_t kPrintedFindings = 20;

std::string describe(const Finding& f) {
    return f.message();
}

// One record's entry: "id": [profile ids] (or [[id, score], ...] with --scores), as
// rank_profiles.py's json.dump writes it.
template <typename Items>
void appendRanking(std::string& buf, const std::string& recordId, const Items& items,
                   bool withScores) {
    text::appendPyJsonString(buf, recordId);
    buf += ": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = items[i];
        if (i)
            buf += ", ";
        if (withScores) {
            buf += '[';
            text::appendPyJsonString(buf, item.profileId);
            buf += ", ";
            buf += std::isfinite(item.score) ? text::pyFloatRepr(item.score) : "null";
            buf += ']';
        } else {
            text::appendPyJsonString(buf, item.profileId);
        }
    }
    buf += ']';
}

// The loading findings, then the first retrieval findings and how many more there were.
void printFindings(const std::vector<Finding>& loadFindings,
                   const std::vector<Finding>& retrievalFindings,
                   std::size_t retrievalFindingCount) {
    for (const auto& f : loadFindings)
        std::cerr << severityName(f.severity) << ": " << describe(f) << "\n";
    for (const auto& f : retrievalFindings)
        std::cerr << severityName(f.severity) << ": " << describe(f) << "\n";
    if (retrievalFindingCount > retrievalFindings.size())
        std::cerr << "… and " << retrievalFindingCount - retrievalFindings.size()
                  << " more retrieval finding(s)\n";
}

int runRetrieve(const std::vector<std::string>& argv) {
    Args args({"task", "questions", "ranker", "seed", "k", "out"}, {"use-date", "scores"});
    if (!args.parse(argv))
        return fail("retrieve", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("retrieve", "unexpected argument '" + args.positional()[0] + "'", kExitUsage);
    const auto questions = args.value("questions");
    if (!questions)
        return fail("retrieve", "--questions FILE is required", kExitUsage);

    std::optional<TaskId> task;
    if (auto name = args.value("task")) {
        task = parseTaskName(*name);
        if (!task)
            return fail("retrieve", "unknown task '" + *name + "' (use LaMP-1 … LaMP-7 or LaMP-2N)",
                        kExitUsage);
    }
    std::uint64_t seed = 0;
    if (auto s = args.value("seed")) {
        const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), seed);
        if (ec != std::errc() || end != s->data() + s->size())
            return fail("retrieve", "--seed must be a non-negative integer, not '" + *s + "'",
                        kExitUsage);
    }
    retrieval::RetrievalOptions options;
    options.k = 0; // the whole profile, as rank_profiles.py writes it
    options.useDate = args.has("use-date");
    options.matchedTerms = false;
    if (auto k = args.value("k")) {
        const auto [end, ec] = std::from_chars(k->data(), k->data() + k->size(), options.k);
        if (ec != std::errc() || end != k->data() + k->size())
            return fail("retrieve", "--k must be a non-negative integer, not '" + *k + "'",
                        kExitUsage);
    }
    const std::string rankerName = args.valueOr("ranker", "bm25");
    const auto retriever = retrieval::makeRetriever(rankerName, seed);
    if (!retriever)
        return fail("retrieve", "unknown ranker '" + rankerName + "' (use bm25, recency or random)",
                    kExitUsage);
    const bool withScores = args.has("scores");

    Output out;
    if (!out.open(args.value("out")))
        return fail("retrieve", "cannot write " + *args.value("out") + ": " + out.error(),
                    kExitUsage);

    std::vector<Finding> retrievalFindings;
    std::size_t retrievalFindingCount = 0;
    std::string runtimeError;
    bool first = true;
    std::string& buf = out.buffer();
    buf += '{';
    std::vector<Finding> loadFindings;
    const Status status = forEachUserRecord(
        *questions,
        [&](UserRecord&& record) {
            if (!runtimeError.empty())
                return;
            if (first) {
                const auto detected = detectTaskFromInput(record.input);
                if (!task && !detected) {
                    runtimeError = "cannot tell the task from the input of record " + record.id +
                                   "; give --task";
                    return;
                }
                if (!task)
                    task = detected;
                else if (detected && *detected != *task)
                    std::cerr << "warning: --task " << taskSpec(*task).name
                              << " but the first input looks like " << taskSpec(*detected).name
                              << "\n";
            }
            auto ranking = retriever->rank(record, *task, options);
            if (!ranking) {
                runtimeError = ranking.error().message;
                return;
            }
            for (auto& f : ranking->findings) {
                if (retrievalFindingCount++ < kPrintedFindings)
                    retrievalFindings.push_back(std::move(f));
            }
            if (!first)
                buf += ", ";
            first = false;
            appendRanking(buf, record.id, ranking->items, withScores);
            out.flushIfFull();
        },
        &loadFindings);
    if (!status)
        return fail("retrieve", status.error().message, kExitUsage);
    if (!runtimeError.empty())
        return fail("retrieve", runtimeError, task ? kExitRuntime : kExitUsage);
    buf += '}';
    // rank_profiles.py's json.dump ends without a newline; keep files byte-identical to it.
    if (!args.value("out"))
        buf += '\n';

    printFindings(loadFindings, retrievalFindings, retrievalFindingCount);
    if (!out.finish())
        return fail("retrieve", "writing the ranking failed: " + out.error(), kExitRuntime);
    // A syntax error or truncation in the questions file means users are missing.
    return worstSeverity(loadFindings) == Severity::Error ? kExitUsage : kExitOk;
}

const Registrar registrar{
    {"retrieve",
     "--task LaMP-N --questions FILE [--ranker bm25|recency|random] [--seed S] [--use-date] "
     "[--k K] [--out FILE] [--scores]",
     "Rank every user's profile as LaMP's rank_profiles.py does and write {question id: "
     "[profile ids, best first]} (whole profile unless --k; --scores adds each score).",
     &runRetrieve}};

} // namespace
} // namespace r2p::cli
