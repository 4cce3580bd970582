// r2p study report: the paper-style table of a study from its stored runs.
#include "Cost.h"
#include "RunComparison.h"
#include "Study.h"
#include "TableText.h"
#include "model/JsonText.h"
#include "model/RunStore.h"
#include "model/Utf8.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/metrics/LampEvaluation.h"
#include "pipeline/metrics/Spread.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace r2p::analysis {

namespace {

using OrderedJson = nlohmann::ordered_json;
using metrics::Better;

// The metrics a study table shows per task (the R2P paper's: accuracy and F1, MAE and RMSE,
// ROUGE-1 and ROUGE-L); the first is the one the paired test is on.
std::vector<std::string> studyMetrics(TaskId task) {
    switch (taskSpec(task).kind) {
    case TaskKind::Classification:
        return {"accuracy", "f1"};
    case TaskKind::Rating:
        return {"MAE", "RMSE"};
    case TaskKind::Generation:
        return {"rouge-1", "rouge-L"};
    case TaskKind::Invalid:
        break;
    }
    return {};
}

struct Column {
    std::size_t dataset = 0;
    std::string metric;
    Better better = Better::Higher;
};

struct Entry {
    std::vector<double> values; // one per finished repeat
    metrics::Interval ci;       // repeat 0's bootstrap interval
    bool hasCi = false;
    std::size_t users = 0; // scored users of repeat 0
    bool best = false;
    double mean() const { return metrics::spreadOf(values).mean; }
    // The sample standard deviation between repeats (0 for one).
    double spread() const { return metrics::spreadOf(values).sd; }
};

struct Test {
    bool present = false;
    std::string name;
    std::size_t n = 0;
    double delta = 0, p = 1, pHolm = 1;
};

struct CostCell {
    bool present = false;
    std::int64_t requests = 0, promptTokens = 0, completionTokens = 0, reasoningTokens = 0;
    double seconds = 0;
    std::optional<double> money = 0.0;
};

struct ReportData {
    const Study* study = nullptr;
    std::vector<StudyRow> rows;
    std::vector<Column> columns;
    std::vector<std::vector<Entry>> entries;  // [row][column]
    std::vector<std::vector<Test>> tests;     // [row][dataset]
    std::vector<std::vector<CostCell>> costs; // [row][dataset]
    std::vector<std::string> missing;         // cells without a finished run
    std::vector<std::string> backends;        // "llm: offline (no LLM)", ...
    std::string currency = "USD";
    std::string prices;
    std::optional<std::size_t> referenceRow;
    std::size_t runCount = 0;
};

std::string fixed(double v, int digits) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string pText(double p) {
    if (p < 0.0001)
        return "<0.0001";
    return fixed(p, 4);
}

std::size_t rowIndex(const ReportData& d, const StudyRow& row) {
    return static_cast<std::size_t>(std::find(d.rows.begin(), d.rows.end(), row) - d.rows.begin());
}

// Each cell's run: the stored one with the cell's fingerprint, finished.
Result<std::vector<std::optional<std::int64_t>>> cellRuns(ProjectStore& store, const Study& study,
                                                          const std::vector<StudyCell>& cells,
                                                          bool partial, ReportData& d) {
    auto stored = loadStudyRuns(store, study.name);
    if (!stored)
        return stored.error();
    RunStore runStore(store);
    std::vector<std::optional<std::int64_t>> out(cells.size());
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const auto it = stored->find(cells[i].key);
        std::string why;
        if (it == stored->end() || it->second.fingerprint != cells[i].fingerprint) {
            why = it == stored->end() ? "not run" : "its settings changed since it ran";
        } else {
            auto run = runStore.run(it->second.run);
            if (!run)
                why = "its run " + std::to_string(it->second.run) + " is gone";
            else if (run->status != RunStatus::Done)
                why = "run " + std::to_string(run->id) + " is " +
                      std::string(runStatusName(run->status));
            else
                out[i] = run->id;
        }
        if (!out[i])
            d.missing.push_back(cells[i].key + " (" + why + ")");
    }
    if (!d.missing.empty() && !partial)
        return Error{"study \"" + study.name + "\": " + std::to_string(d.missing.size()) + " of " +
                     std::to_string(cells.size()) + " cells have no finished run, e.g. " +
                     d.missing.front() + "; run r2p study run " + study.file + " --project " +
                     validUtf8(store.path()) + " (or report with --partial)"};
    return out;
}

Status collectMetrics(ProjectStore& store, const std::vector<StudyCell>& cells,
                      const std::vector<std::optional<std::int64_t>>& runs, ReportData& d) {
    const Study& study = *d.study;
    const engine::RunService service(store);
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!runs[i])
            continue;
        ++d.runCount;
        auto summary = service.summarize(*runs[i]);
        if (!summary)
            return summary.error();
        const StudyModel& model = study.models[cells[i].model];
        for (const auto& sys : summary->systems) {
            const std::size_t row = rowIndex(d, {model.id, sys.system, cells[i].k});
            if (row >= d.rows.size())
                continue;
            for (std::size_t c = 0; c < d.columns.size(); ++c) {
                if (d.columns[c].dataset != cells[i].dataset)
                    continue;
                Entry& e = d.entries[row][c];
                for (const auto& [name, value] : sys.metrics)
                    if (name == d.columns[c].metric && sys.scored > 0)
                        e.values.push_back(value);
                if (cells[i].repeat != 0)
                    continue;
                e.users = sys.scored;
                for (const auto& [name, ci] : sys.intervals)
                    if (name == d.columns[c].metric && sys.scored > 0) {
                        e.ci = ci;
                        e.hasCi = true;
                    }
            }
        }
    }
    // The best mean per column.
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
        std::optional<double> best;
        for (std::size_t r = 0; r < d.rows.size(); ++r) {
            if (d.entries[r][c].values.empty())
                continue;
            const double v = d.entries[r][c].mean();
            if (!best || (d.columns[c].better == Better::Lower ? v < *best : v > *best))
                best = v;
        }
        for (std::size_t r = 0; r < d.rows.size(); ++r)
            d.entries[r][c].best = best && !d.entries[r][c].values.empty() &&
                                   std::abs(d.entries[r][c].mean() - *best) < 1e-12;
    }
    return Ok{};
}

// The repeat-0 run of (dataset, model, k), if finished.
std::optional<std::int64_t> runOf(const std::vector<StudyCell>& cells,
                                  const std::vector<std::optional<std::int64_t>>& runs,
                                  const Study& study, std::size_t dataset, const StudyRow& row) {
    for (std::size_t i = 0; i < cells.size(); ++i)
        if (cells[i].dataset == dataset && cells[i].repeat == 0 && cells[i].k == row.k &&
            study.models[cells[i].model].id == row.model)
            return runs[i];
    return std::nullopt;
}

Status collectTests(ProjectStore& store, const std::vector<StudyCell>& cells,
                    const std::vector<std::optional<std::int64_t>>& runs, ReportData& d) {
    const Study& study = *d.study;
    if (!study.reference)
        return Ok{};
    d.referenceRow = rowIndex(d, *study.reference);
    for (std::size_t ds = 0; ds < study.datasets.size(); ++ds) {
        const auto refRun = runOf(cells, runs, study, ds, *study.reference);
        if (!refRun)
            continue;
        CompareRequest request;
        request.metric = studyMetrics(study.datasets[ds].task).front();
        request.bootstrap = {1000, study.seed, 0.95};
        request.listed = 0;
        std::vector<std::size_t> rowsAsked;
        for (std::size_t r = 0; r < d.rows.size(); ++r) {
            if (r == *d.referenceRow)
                continue;
            const auto run = runOf(cells, runs, study, ds, d.rows[r]);
            if (!run)
                continue;
            request.pairs.push_back({*refRun, study.reference->system, *run, d.rows[r].system});
            rowsAsked.push_back(r);
        }
        if (request.pairs.empty())
            continue;
        bool badInput = false;
        auto cmp = compareRuns(store, request, badInput);
        if (!cmp)
            return cmp.error();
        for (std::size_t i = 0; i < rowsAsked.size(); ++i) {
            const Comparison& c = cmp->comparisons[i];
            Test& t = d.tests[rowsAsked[i]][ds];
            t.present = c.n > 0;
            t.name = c.test == PairedTest::McNemar ? "exact McNemar" : "Wilcoxon signed-rank";
            t.n = c.n;
            t.delta = c.delta;
            t.p = c.p;
            t.pHolm = c.pHolm;
        }
    }
    return Ok{};
}

Status collectCosts(ProjectStore& store, const std::vector<StudyCell>& cells,
                    const std::vector<std::optional<std::int64_t>>& runs, ReportData& d) {
    auto prices = projectPriceTable(store);
    if (!prices)
        return prices.error();
    d.currency = prices->currency;
    d.prices = prices->source;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (!runs[i])
            continue;
        auto cost = runCost(store, *runs[i], *prices);
        if (!cost)
            return cost.error();
        const StudyModel& model = d.study->models[cells[i].model];
        for (const auto& sc : cost->systems) {
            const std::size_t row = rowIndex(d, {model.id, sc.system, cells[i].k});
            if (row >= d.rows.size())
                continue;
            CostCell& c = d.costs[row][cells[i].dataset]; // summed over repeats
            const CostFigures& f = sc.figures;
            c.present = true;
            c.requests += f.requests;
            c.promptTokens += f.promptTokens;
            c.completionTokens += f.completionTokens;
            c.reasoningTokens += f.reasoningTokens;
            c.seconds += f.requestSeconds;
            if (c.money && f.money)
                *c.money += *f.money;
            else
                c.money.reset();
        }
    }
    return Ok{};
}

std::string rowLabel(const ReportData& d, const StudyRow& row) {
    const StudyModel* m = d.study->findModel(row.model);
    return (m ? m->label : row.model) + ", " + std::string(systemName(row.system)) +
           ", k=" + std::to_string(row.k);
}

std::string arrow(Better b) {
    return b == Better::Lower ? " ↓" : " ↑";
}

// "0.7500 [0.55, 0.90] ±0.02 *": mean, repeat 0's interval, spread between repeats, the mark.
std::string entryText(const ReportData& d, std::size_t r, std::size_t c, bool markBest) {
    const Entry& e = d.entries[r][c];
    if (e.values.empty())
        return "-";
    std::string s = fixed(e.mean(), 4);
    if (markBest && e.best)
        s = "**" + s + "**";
    if (e.hasCi)
        s += " [" + fixed(e.ci.lo, 3) + ", " + fixed(e.ci.hi, 3) + "]";
    if (e.values.size() > 1)
        s += " ±" + fixed(e.spread(), 3);
    const std::size_t ds = d.columns[c].dataset;
    const bool firstOfTask = c == 0 || d.columns[c - 1].dataset != ds;
    if (firstOfTask && d.referenceRow) {
        if (r == *d.referenceRow)
            s += " (ref)";
        else if (d.tests[r][ds].present && d.tests[r][ds].pHolm < 0.01)
            s += " **†**";
        else if (d.tests[r][ds].present && d.tests[r][ds].pHolm < 0.05)
            s += " †";
    }
    return s;
}

TextTable metricTable(const ReportData& d, bool markdownMarks) {
    TextTable t;
    t.header = {"Model", "System", "k"};
    t.align = "llr";
    for (const auto& col : d.columns) {
        t.header.push_back(std::string(taskSpec(d.study->datasets[col.dataset].task).name) + " " +
                           col.metric + arrow(col.better));
        t.align += 'r';
    }
    std::string lastModel;
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        const StudyRow& row = d.rows[r];
        const StudyModel* m = d.study->findModel(row.model);
        if (row.model != lastModel && r > 0)
            t.ruleBefore.push_back(r);
        lastModel = row.model;
        std::vector<std::string> cells{m ? m->label : row.model,
                                       std::string(systemName(row.system)), std::to_string(row.k)};
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            std::string text = entryText(d, r, c, markdownMarks);
            if (!markdownMarks) {
                // Other formats mark the best with a trailing "(best)" and † without bold.
                text.erase(std::remove(text.begin(), text.end(), '*'), text.end());
                if (d.entries[r][c].best)
                    text += " (best)";
            }
            cells.push_back(text);
        }
        t.rows.push_back(std::move(cells));
    }
    return t;
}

TextTable testTable(const ReportData& d) {
    TextTable t;
    t.header = {"Model", "System", "k"};
    t.align = "llr";
    for (const auto& ds : d.study->datasets) {
        t.header.push_back(std::string(taskSpec(ds.task).name) + " " +
                           studyMetrics(ds.task).front() + ": Δ, test, p (Holm)");
        t.align += 'l';
    }
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        if (d.referenceRow && r == *d.referenceRow)
            continue;
        const StudyModel* m = d.study->findModel(d.rows[r].model);
        std::vector<std::string> cells{m ? m->label : d.rows[r].model,
                                       std::string(systemName(d.rows[r].system)),
                                       std::to_string(d.rows[r].k)};
        for (std::size_t ds = 0; ds < d.study->datasets.size(); ++ds) {
            const Test& test = d.tests[r][ds];
            cells.push_back(test.present
                                ? (test.delta >= 0 ? "+" : "") + fixed(test.delta, 4) + ", " +
                                      test.name + ", n=" + std::to_string(test.n) +
                                      ", p=" + pText(test.p) + " (" + pText(test.pHolm) + ")"
                                : "-");
        }
        t.rows.push_back(std::move(cells));
    }
    return t;
}

std::string moneyText(const CostCell& c, const std::string& currency) {
    if (!c.money)
        return "unpriced";
    return fixed(*c.money, 4) + " " + currency;
}

TextTable costTable(const ReportData& d) {
    TextTable t;
    t.header = {"Model", "System", "k"};
    t.align = "llr";
    for (const auto& ds : d.study->datasets) {
        t.header.push_back(std::string(taskSpec(ds.task).name) +
                           ": requests, prompt + completion tokens, cost");
        t.align += 'l';
    }
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        const StudyModel* m = d.study->findModel(d.rows[r].model);
        std::vector<std::string> cells{m ? m->label : d.rows[r].model,
                                       std::string(systemName(d.rows[r].system)),
                                       std::to_string(d.rows[r].k)};
        for (std::size_t ds = 0; ds < d.study->datasets.size(); ++ds) {
            const CostCell& c = d.costs[r][ds];
            cells.push_back(c.present ? std::to_string(c.requests) + ", " +
                                            std::to_string(c.promptTokens) + " + " +
                                            std::to_string(c.completionTokens) + ", " +
                                            moneyText(c, d.currency)
                                      : "-");
        }
        t.rows.push_back(std::move(cells));
    }
    return t;
}

std::string notesText(const ReportData& d) {
    const Study& s = *d.study;
    std::string notes =
        "Each entry: the metric over the run's users, mean over " + std::to_string(s.repeats) +
        (s.repeats == 1 ? " repeat" : " repeats (± the standard deviation between them)") +
        ", with repeat 1's 95% bootstrap interval (1,000 resamples, the run's seed). "
        "Best per column marked.";
    if (s.reference)
        notes += " Paired tests against " + rowLabel(d, *s.reference) +
                 " on each task's first metric, over the users both answered (repeat 1): exact "
                 "McNemar on correctness for classification, Wilcoxon signed-rank on per-user "
                 "scores otherwise; p adjusted by Holm-Bonferroni across the rows of each task. "
                 "† adjusted p < 0.05, bold † < 0.01.";
    notes += " Cost: summed over repeats, at the " + d.prices + " prices (" + d.currency + ").";
    return notes;
}

std::string headerText(const ReportData& d) {
    const Study& s = *d.study;
    std::string out = "Study " + s.name + " (" + s.file +
                      "): " + std::to_string(s.datasets.size()) + " datasets x " +
                      std::to_string(s.models.size()) + " models x " + std::to_string(s.k.size()) +
                      " k x " + std::to_string(s.repeats) + " repeats; " +
                      std::to_string(d.runCount) + " runs.";
    for (const auto& b : d.backends)
        out += " " + b + ".";
    if (!d.missing.empty())
        out += " Partial: " + std::to_string(d.missing.size()) + " cells have no finished run.";
    return out;
}

std::string markdownReport(const ReportData& d) {
    const Study& s = *d.study;
    std::string out = "# " + s.title + "\n\n";
    if (!s.description.empty())
        out += s.description + "\n\n";
    out += headerText(d) + "\n\n";
    out += renderTable(metricTable(d, true), TableFormat::Markdown) + "\n";
    out += notesText(d) + "\n";
    if (s.reference) {
        out += "\n## Paired tests against " + rowLabel(d, *s.reference) + "\n\n";
        out += renderTable(testTable(d), TableFormat::Markdown);
    }
    out += "\n## Cost\n\n" + renderTable(costTable(d), TableFormat::Markdown);
    return out;
}

std::string htmlReport(const ReportData& d) {
    const Study& s = *d.study;
    std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                      htmlEscape(s.title) +
                      "</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-"
                      "collapse:collapse;margin:1em 0}td,th{border-bottom:1px solid "
                      "#ccc;padding:4px 8px}tr.group td{border-top:2px solid "
                      "#555}</style></head><body>\n<h1>" +
                      htmlEscape(s.title) + "</h1>\n";
    if (!s.description.empty())
        out += "<p>" + htmlEscape(s.description) + "</p>\n";
    out += "<p>" + htmlEscape(headerText(d)) + "</p>\n";
    out += renderTable(metricTable(d, false), TableFormat::Html);
    out += "<p>" + htmlEscape(notesText(d)) + "</p>\n";
    if (s.reference)
        out += "<h2>Paired tests against " + htmlEscape(rowLabel(d, *s.reference)) + "</h2>\n" +
               renderTable(testTable(d), TableFormat::Html);
    out += "<h2>Cost</h2>\n" + renderTable(costTable(d), TableFormat::Html);
    return out + "</body></html>\n";
}

std::string latexReport(const ReportData& d) {
    TextTable t = metricTable(d, false);
    t.caption = d.study->title + ". " + notesText(d);
    std::string out = "% " + headerText(d) + "\n" + renderTable(t, TableFormat::Latex);
    TextTable c = costTable(d);
    c.caption = d.study->title + ": cost";
    return out + "\n" + renderTable(c, TableFormat::Latex);
}

// One line per (row, task, metric): everything the other formats show, machine-readable.
std::string csvReport(const ReportData& d) {
    TextTable t;
    t.header = {"model",         "label",
                "system",        "k",
                "task",          "metric",
                "better",        "mean",
                "ci_lo",         "ci_hi",
                "spread",        "repeats",
                "users",         "best",
                "test",          "n",
                "delta",         "p",
                "p_holm",        "requests",
                "prompt_tokens", "completion_tokens",
                "cost"};
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        const StudyModel* m = d.study->findModel(d.rows[r].model);
        for (std::size_t c = 0; c < d.columns.size(); ++c) {
            const Entry& e = d.entries[r][c];
            const std::size_t ds = d.columns[c].dataset;
            const Test& test = d.tests[r][ds];
            const CostCell& cost = d.costs[r][ds];
            const bool first = c == 0 || d.columns[c - 1].dataset != ds;
            auto num = [](bool has, double v) {
                return has ? fixed(v, 6) : std::string();
            };
            t.rows.push_back({d.rows[r].model,
                              m ? m->label : d.rows[r].model,
                              std::string(systemName(d.rows[r].system)),
                              std::to_string(d.rows[r].k),
                              std::string(taskSpec(d.study->datasets[ds].task).name),
                              d.columns[c].metric,
                              d.columns[c].better == Better::Lower ? "lower" : "higher",
                              num(!e.values.empty(), e.mean()),
                              num(e.hasCi, e.ci.lo),
                              num(e.hasCi, e.ci.hi),
                              num(e.values.size() > 1, e.spread()),
                              std::to_string(e.values.size()),
                              std::to_string(e.users),
                              e.best ? "1" : "0",
                              first && test.present ? test.name : "",
                              first && test.present ? std::to_string(test.n) : "",
                              num(first && test.present, test.delta),
                              num(first && test.present, test.p),
                              num(first && test.present, test.pHolm),
                              cost.present ? std::to_string(cost.requests) : "",
                              cost.present ? std::to_string(cost.promptTokens) : "",
                              cost.present ? std::to_string(cost.completionTokens) : "",
                              cost.present && cost.money ? fixed(*cost.money, 6) : ""});
        }
    }
    return renderTable(t, TableFormat::Csv);
}

std::string jsonReport(const ReportData& d) {
    const Study& s = *d.study;
    OrderedJson rows = OrderedJson::array();
    for (std::size_t r = 0; r < d.rows.size(); ++r) {
        OrderedJson tasks = OrderedJson::object();
        for (std::size_t ds = 0; ds < s.datasets.size(); ++ds) {
            OrderedJson metricsJson = OrderedJson::object();
            for (std::size_t c = 0; c < d.columns.size(); ++c) {
                if (d.columns[c].dataset != ds)
                    continue;
                const Entry& e = d.entries[r][c];
                OrderedJson m{{"mean", nullptr},    {"ci", nullptr},    {"spread", nullptr},
                              {"values", e.values}, {"users", e.users}, {"best", e.best}};
                if (!e.values.empty())
                    m["mean"] = e.mean();
                if (e.hasCi)
                    m["ci"] = {e.ci.lo, e.ci.hi};
                if (e.values.size() > 1)
                    m["spread"] = e.spread();
                metricsJson[d.columns[c].metric] = std::move(m);
            }
            const Test& t = d.tests[r][ds];
            OrderedJson test = nullptr;
            if (t.present)
                test = {{"name", t.name},
                        {"n", t.n},
                        {"delta", t.delta},
                        {"p", t.p},
                        {"p_holm", t.pHolm}};
            const CostCell& c = d.costs[r][ds];
            OrderedJson cost = nullptr;
            if (c.present)
                cost = {{"requests", c.requests},
                        {"prompt_tokens", c.promptTokens},
                        {"completion_tokens", c.completionTokens},
                        {"reasoning_tokens", c.reasoningTokens},
                        {"request_seconds", c.seconds},
                        {"cost", c.money ? OrderedJson(*c.money) : OrderedJson(nullptr)}};
            tasks[std::string(taskSpec(s.datasets[ds].task).name)] = {
                {"metrics", metricsJson}, {"test", test}, {"cost", cost}};
        }
        rows.push_back({{"model", d.rows[r].model},
                        {"system", systemName(d.rows[r].system)},
                        {"k", d.rows[r].k},
                        {"reference", d.referenceRow && *d.referenceRow == r},
                        {"tasks", tasks}});
    }
    OrderedJson reference = nullptr;
    if (s.reference)
        reference = {{"model", s.reference->model},
                     {"system", systemName(s.reference->system)},
                     {"k", s.reference->k}};
    return dumpJson(OrderedJson{{"study", s.name},
                                {"title", s.title},
                                {"file", s.file},
                                {"repeats", s.repeats},
                                {"runs", d.runCount},
                                {"missing", d.missing},
                                {"reference", reference},
                                {"currency", d.currency},
                                {"prices", d.prices},
                                {"rows", rows}},
                    2) +
           "\n";
}

} // namespace

Result<std::string> studyReport(ProjectStore& store, const Study& study, StudyFormat format,
                                bool partial) {
    ReportData d;
    d.study = &study;
    d.rows = study.rows();
    for (std::size_t ds = 0; ds < study.datasets.size(); ++ds)
        for (const auto& metric : studyMetrics(study.datasets[ds].task))
            d.columns.push_back({ds, metric, metrics::metricDirection(metric)});
    d.entries.assign(d.rows.size(), std::vector<Entry>(d.columns.size()));
    d.tests.assign(d.rows.size(), std::vector<Test>(study.datasets.size()));
    d.costs.assign(d.rows.size(), std::vector<CostCell>(study.datasets.size()));
    for (const auto& m : study.models)
        d.backends.push_back(
            m.label + ": " +
            (m.backend == "offline" ? std::string("offline (no LLM)") : m.backend + " " + m.model));

    const auto cells = studyCells(study);
    auto runs = cellRuns(store, study, cells, partial, d);
    if (!runs)
        return runs.error();
    if (auto s = collectMetrics(store, cells, *runs, d); !s)
        return s.error();
    if (auto s = collectTests(store, cells, *runs, d); !s)
        return s.error();
    if (auto s = collectCosts(store, cells, *runs, d); !s)
        return s.error();
    switch (format) {
    case StudyFormat::Markdown:
        return markdownReport(d);
    case StudyFormat::Latex:
        return latexReport(d);
    case StudyFormat::Html:
        return htmlReport(d);
    case StudyFormat::Csv:
        return csvReport(d);
    case StudyFormat::Json:
        return jsonReport(d);
    case StudyFormat::Invalid:
        break;
    }
    return Error{"unknown report format"};
}

} // namespace r2p::analysis
