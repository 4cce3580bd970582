// r2p eval: LaMP's eval/evaluation.py metrics for a prediction file against a gold file, as
// JSON on stdout, with seeded bootstrap intervals and optional per-item scores.
#include "Cli.h"
#include "model/Dataset.h"
#include "model/JsonText.h"
#include "pipeline/metrics/LampEvaluation.h"

#include <charconv>
#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

// Metric values are finite unless a LaMP-3 prediction parses as inf or nan; JSON has neither.
nlohmann::ordered_json number(double v) {
    return std::isfinite(v) ? nlohmann::ordered_json(v) : nlohmann::ordered_json(nullptr);
}

int runEval(const std::vector<std::string>& argv) {
    Args args({"task", "golds", "preds", "per-item", "seed"}, {});
    if (!args.parse(argv))
        return fail("eval", args.error(), kExitUsage);
    if (!args.positional().empty())
        return fail("eval", "unexpected argument '" + args.positional()[0] + "'", kExitUsage);
    const auto goldsPath = args.value("golds");
    const auto predsPath = args.value("preds");
    if (!goldsPath || !predsPath)
        return fail("eval", "--golds FILE and --preds FILE are required", kExitUsage);

    metrics::BootstrapOptions bootstrap;
    if (auto s = args.value("seed")) {
        const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), bootstrap.seed);
        if (ec != std::errc() || end != s->data() + s->size())
            return fail("eval", "--seed must be a non-negative integer, not '" + *s + "'",
                        kExitUsage);
    }

    auto golds = readOutputsFile(*goldsPath);
    if (!golds)
        return fail("eval", golds.error().message, kExitUsage);
    auto preds = readOutputsFile(*predsPath);
    if (!preds)
        return fail("eval", preds.error().message, kExitUsage);
    // Entries without an id or output, or repeated ids, would silently change the metrics.
    for (const auto* file : {&*golds, &*preds}) {
        for (const auto& f : file->findings) {
            if (f.code == FindingCode::RecordWrongShape || f.code == FindingCode::DuplicateId)
                return fail("eval", f.message(), kExitUsage);
            std::cerr << severityName(f.severity) << ": " << f.message() << "\n";
        }
    }

    std::optional<TaskId> task;
    if (auto name = args.value("task")) {
        task = parseTaskName(*name);
        if (!task)
            return fail("eval", "unknown task '" + *name + "' (use LaMP-1 … LaMP-7 or LaMP-2N)",
                        kExitUsage);
    } else if (!golds->task.empty()) {
        task = parseTaskName(golds->task);
        if (!task)
            return fail("eval", *goldsPath + ": unknown task \"" + golds->task + "\"; give --task",
                        kExitUsage);
    } else {
        return fail("eval", *goldsPath + " names no task; give --task", kExitUsage);
    }
    for (const auto& [path, file] : {std::pair{*goldsPath, &*golds}, {*predsPath, &*preds}}) {
        const auto named = parseTaskName(file->task);
        // LaMP_2 files are shared by the movie and the news variants.
        const bool compatible =
            !named || *named == *task || (*named == TaskId::LaMP2 && *task == TaskId::LaMP2N);
        if (!file->task.empty() && !compatible)
            std::cerr << "warning: " << path << " says task \"" << file->task
                      << "\" but scoring as " << taskSpec(*task).name << "\n";
    }

    auto evaluation = metrics::evaluateLamp(*task, golds->golds, preds->golds, bootstrap);
    if (!evaluation)
        return fail("eval", *predsPath + " vs " + *goldsPath + ": " + evaluation.error().message,
                    kExitUsage);

    if (auto perItem = args.value("per-item")) {
        Output items;
        if (!items.open(*perItem))
            return fail("eval", "cannot write " + *perItem + ": " + items.error(), kExitUsage);
        for (const auto& item : evaluation->items) {
            nlohmann::ordered_json line;
            line["id"] = item.id;
            for (const auto& [key, value] : item.values)
                line[key] = number(value);
            items.buffer() += dumpJson(line);
            items.buffer() += '\n';
            items.flushIfFull();
        }
        if (!items.finish())
            return fail("eval", "writing " + *perItem + " failed: " + items.error(), kExitRuntime);
    }

    nlohmann::ordered_json out;
    out["task"] = taskSpec(*task).name;
    out["n"] = evaluation->items.size();
    for (const auto& [key, value] : evaluation->metrics)
        out[key] = number(value);
    nlohmann::ordered_json ci = nlohmann::ordered_json::object();
    for (const auto& [key, interval] : evaluation->intervals)
        ci[key] = {number(interval.lo), number(interval.hi)};
    out["ci"] = std::move(ci);
    out["bootstrap"] = {{"resamples", bootstrap.resamples},
                        {"seed", bootstrap.seed},
                        {"confidence", bootstrap.confidence}};
    std::cout << dumpJson(out, 2) << "\n";
    return kExitOk;
}

const Registrar registrar{
    {"eval", "--task LaMP-N --golds FILE --preds FILE [--per-item FILE] [--seed S]",
     "Score predictions against golds with LaMP's metrics (accuracy/f1, MAE/RMSE or ROUGE) "
     "as JSON: plain means, n, and seeded 95% bootstrap intervals (1000 resamples).",
     &runEval}};

} // namespace
} // namespace r2p::cli
