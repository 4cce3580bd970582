#include "Report.h"

#include "ReportCharts.h"
#include "model/Annotation.h"
#include "model/RunStore.h"
#include "model/Taxonomy.h"
#include "pipeline/analysis/Cost.h"
#include "pipeline/analysis/Slices.h"
#include "pipeline/analysis/TagStatistics.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunService.h"
#include "pipeline/engine/RunSummary.h"
#include "ui/RunResults.h"
#include "ui/RunText.h"
#include "ui/StageText.h"
#include "ui/TaskText.h"
#include "ui/widgets/DeltaText.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPalette>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextFrameFormat>
#include <QUrl>
#include <algorithm>
#include <map>

namespace r2p::ui {

namespace {

// The translation context of everything the report says.
class Report {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::Report)
};

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}
QString esc(const QString& s) {
    return s.toHtmlEscaped();
}

QString number(double v, int decimals = 3) {
    return QLocale().toString(v, 'f', decimals);
}
// "[lo, hi]", kept on one line.
QString interval(const metrics::Interval& ci) {
    return QStringLiteral("[%1,&nbsp;%2]").arg(number(ci.lo), number(ci.hi));
}
QString percent(double share, int decimals = 0) {
    return number(share * 100, decimals) + QStringLiteral(" %");
}

// Multi-line model text, kept as written and wrapped to the page.
QString textBlock(const std::string& s) {
    return QStringLiteral("<pre>%1</pre>").arg(esc(s));
}

// A table of HTML cells (escaped by the caller); header texts are escaped here.
class HtmlTable {
public:
    explicit HtmlTable(const QStringList& headers, bool fullWidth = false) {
        html_ = fullWidth
                    ? QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">")
                    : QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">");
        // A header row: repeated on every page a long table spans.
        html_ += QStringLiteral("<thead><tr>");
        for (const QString& h : headers)
            html_ += QStringLiteral("<th>%1</th>").arg(esc(h));
        html_ += QStringLiteral("</tr></thead><tbody>");
    }
    // Cells starting with '\x1f' are numbers: right-aligned.
    void row(const QStringList& cells) {
        html_ += QStringLiteral("<tr>");
        for (const QString& c : cells)
            if (c.startsWith(QChar(0x1f)))
                html_ += QStringLiteral("<td class=\"num\" align=\"right\">%1</td>").arg(c.mid(1));
            else
                html_ += QStringLiteral("<td>%1</td>").arg(c);
        html_ += QStringLiteral("</tr>");
        ++rows_;
    }
    int rows() const { return rows_; }
    QString html() const { return html_ + QStringLiteral("</tbody></table>"); }

private:
    QString html_;
    int rows_ = 0;
};

QString num(const QString& s) {
    return QChar(0x1f) + s;
}

// A right-aligned delta that says which side it favours, in its colour (see DeltaText).
QString deltaCell(double delta, bool lowerIsBetter) {
    const QColor c = DeltaText::colour(delta, lowerIsBetter);
    const QString text = esc(DeltaText::full(delta, lowerIsBetter))
                             .replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    return num(c.isValid()
                   ? QStringLiteral("<span style=\"color: %1\">%2</span>").arg(c.name(), text)
                   : text);
}

QString heading(int level, const QString& text, const QString& id = QString()) {
    return QStringLiteral("<h%1%3>%2</h%1>")
        .arg(level)
        .arg(esc(text), id.isEmpty() ? QString() : QStringLiteral(" id=\"%1\"").arg(id));
}

QString paragraph(const QString& escapedHtml, const QString& cls = QString()) {
    return cls.isEmpty() ? QStringLiteral("<p>%1</p>").arg(escapedHtml)
                         : QStringLiteral("<p class=\"%1\">%2</p>").arg(cls, escapedHtml);
}

QString backendText(const RunInfo& info) {
    if (info.backend == "offline")
        return Report::tr("offline (no LLM)");
    if (info.backend == "replay")
        return Report::tr("replay (response cache)");
    return QString::fromStdString(info.backend);
}

QString systemsText(const std::vector<SystemId>& systems) {
    QStringList names;
    for (SystemId s : systems)
        names << StageText::system(s);
    return names.join(QStringLiteral(", "));
}

// "2026-12-01 21:51:12Z": breaks between date and time rather than inside either.
QString dateText(const std::string& iso) {
    if (iso.empty())
        return Report::tr("—");
    return esc(QString::fromStdString(iso).replace(QLatin1Char('T'), QLatin1Char(' ')));
}

QString verdictBadge(Verdict v) {
    const QColor c = StageText::verdictColor(v);
    return QStringLiteral("<span style=\"color: %1; font-weight: bold\">%2</span>")
        .arg(c.name(), esc(StageText::verdict(v)));
}

QString severityText(AnnotationSeverity s) {
    switch (s) {
    case AnnotationSeverity::Minor:
        return Report::tr("minor");
    case AnnotationSeverity::Major:
        return Report::tr("major");
    case AnnotationSeverity::Critical:
        return Report::tr("critical");
    case AnnotationSeverity::Invalid:
        break;
    }
    return {};
}

QString labelText(const Taxonomy& taxonomy, const std::string& label) {
    if (const FailureLabel* l = taxonomy.find(label))
        return esc(l->name);
    return esc(label);
}

// What an annotation is about, as a reader would say it.
QString annotationItemText(const Annotation& a) {
    QString item;
    switch (a.target) {
    case AnnotationTarget::Run:
        item = Report::tr("whole answer");
        break;
    case AnnotationTarget::Stage:
        item = esc(StageText::stage(a.stage, a.candidate));
        break;
    case AnnotationTarget::Span:
        item = Report::tr("%1: “%2”")
                   .arg(esc(StageText::stage(a.stage, a.candidate)), esc(a.spanText));
        break;
    case AnnotationTarget::Verdict:
        item = Report::tr("verdict of candidate %1").arg(a.candidate + 1);
        break;
    case AnnotationTarget::Invalid:
        break;
    }
    return item;
}

QString scoresText(const ScoreList& scores) {
    QStringList parts;
    for (const auto& [key, value] : scores)
        if (key != "squared_error")
            parts << QStringLiteral("%1 %2").arg(esc(key), number(value));
    return parts.join(QStringLiteral(" · "));
}

std::optional<double> scoreOf(const ScoreList& scores, const std::string& metric) {
    for (const auto& [key, value] : scores)
        if (key == metric)
            return value;
    return std::nullopt;
}

QString page(const QString& title, const QString& body) {
    // A subset of CSS that browsers and QTextDocument (the PDF) both understand.
    static const QString kStyle = QStringLiteral(
        "body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 9.5pt; "
        "color: #1f2328; }\n"
        "h1 { font-size: 17pt; margin-bottom: 2px; }\n"
        "h2 { font-size: 13pt; margin-top: 16px; margin-bottom: 4px; color: #24476b; }\n"
        "h3 { font-size: 10.5pt; margin-top: 10px; margin-bottom: 3px; }\n"
        "table { border-collapse: collapse; margin-top: 3px; margin-bottom: 6px; }\n"
        "th { background-color: #e8edf3; border: 1px solid #b9c2cc; text-align: left; "
        "font-weight: bold; padding: 3px; }\n"
        "td { border: 1px solid #c9d0d8; vertical-align: top; padding: 3px; }\n"
        "td.num { text-align: right; }\n"
        "pre { white-space: pre-wrap; font-family: 'DejaVu Sans Mono', monospace; "
        "font-size: 8pt; background-color: #f4f6f8; margin-top: 2px; margin-bottom: 6px; }\n"
        "p.input { white-space: pre-wrap; background-color: #f4f6f8; font-size: 10pt; }\n"
        ".muted { color: #5f6b76; }\n"
        ".better { color: #1e7b3a; }\n"
        ".worse { color: #b3261e; }\n"
        ".chart { margin-top: 4px; margin-bottom: 8px; }\n");
    return QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                          "<meta name=\"generator\" content=\"R2P Workbench\">"
                          "<title>%1</title>\n<style>\n%2</style></head>\n<body>\n%3\n"
                          "</body></html>\n")
        .arg(esc(title), kStyle, body);
}

QString generatedLine() {
    return paragraph(Report::tr("Generated by R2P Workbench on %1 (UTC).")
                         .arg(esc(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))),
                     QStringLiteral("muted"));
}

struct RunContext {
    RunInfo info;
    engine::EngineConfig config;
};

Result<RunContext> loadRun(ProjectStore& store, RunStore& runs, std::int64_t runId) {
    auto info = runs.run(runId);
    if (!info) {
        auto all = runs.runs();
        const bool known = all && std::any_of(all->begin(), all->end(),
                                              [runId](const RunInfo& r) { return r.id == runId; });
        if (!known)
            return Error{Report::tr("The project %1 has no run %2.")
                             .arg(QString::fromStdString(store.path()), QString::number(runId))
                             .toStdString()};
        return Error{Report::tr("Cannot read run %1: %2")
                         .arg(runId)
                         .arg(QString::fromStdString(info.error().message))
                         .toStdString()};
    }
    RunContext c;
    c.config = engine::engineConfigFromJson(info->config, info->model);
    c.info = std::move(*info);
    return c;
}

QString settingsTable(const RunInfo& info, const engine::EngineConfig& config) {
    HtmlTable t({Report::tr("Setting"), Report::tr("Value")});
    auto add = [&t](const QString& k, const QString& v) {
        t.row({esc(k), v});
    };
    add(Report::tr("Task"), esc(taskTitle(info.task)));
    add(Report::tr("Systems"), esc(systemsText(info.systems)));
    add(Report::tr("Backend"), esc(backendText(info)));
    add(Report::tr("Model"), esc(info.model));
    if (!info.baseUrl.empty())
        add(Report::tr("Endpoint"), esc(info.baseUrl));
    add(Report::tr("HRT template"),
        Report::tr("%1, version %2")
            .arg(esc(info.templateId), QString::number(info.templateVersion)));
    add(Report::tr("Retrieval"),
        Report::tr("%1, k = %2")
            .arg(esc(config.ranker), QLocale().toString(static_cast<qulonglong>(config.k))));
    add(Report::tr("Candidates (M)"), QString::number(config.candidates));
    add(Report::tr("Candidate chains"), config.candidateMode == engine::CandidateMode::AnswerOnly
                                            ? Report::tr("answer only, on the main chain's levels")
                                            : Report::tr("independent, each from the first level"));
    add(Report::tr("Final answer"), config.finalMode == engine::FinalMode::Combine
                                        ? Report::tr("combined by the model from the verdicts")
                                        : Report::tr("the best-supported candidate"));
    add(Report::tr("Judge"),
        Report::tr("%1, temperature %2, at most %3 tokens")
            .arg(esc(config.effectiveJudgeModel()), QString::number(config.judgeTemperature),
                 QString::number(config.judgeMaxTokens)));
    // A system's own sampling or model (--sampling, --system-model, the batch dialog).
    for (const auto& [system, sampling] : config.sampling)
        if (const QString own = RunText::samplingText(sampling); !own.isEmpty())
            add(Report::tr("%1's own settings").arg(StageText::system(system)),
                own.toHtmlEscaped());
    add(Report::tr("RPI interventions per stage (at most)"),
        QString::number(config.maxInterventions));
    add(Report::tr("Seed"), QLocale().toString(static_cast<qulonglong>(config.seed)));
    add(Report::tr("Users"), QLocale().toString(static_cast<qulonglong>(info.users.size())));
    add(Report::tr("Status"), esc(StageText::runStatus(info.status)));
    add(Report::tr("Created"), dateText(info.createdAt));
    add(Report::tr("Finished"), dateText(info.finishedAt));
    add(Report::tr("Questions file"), esc(info.questionsPath));
    if (!info.outputsPath.empty())
        add(Report::tr("Outputs file"), esc(info.outputsPath));
    return t.html();
}

// What each replica of a run over several endpoints did (empty for a run over one).
QString endpointsSection(RunStore& runs, std::int64_t runId) {
    auto use = runs.endpointUse(runId);
    if (!use || use->empty())
        return {};
    QString body = heading(3, Report::tr("Endpoints"));
    body += paragraph(esc(Report::tr("The run was spread over %n replica(s) of its model. "
                                     "Requests count every attempt sent; a failed one was "
                                     "retried on another replica.",
                                     nullptr, static_cast<int>(use->size()))));
    HtmlTable t({Report::tr("Endpoint"), Report::tr("Requests"), Report::tr("Answered"),
                 Report::tr("Failed"), Report::tr("Prompt tokens"), Report::tr("Completion tokens"),
                 Report::tr("Taken out"), Report::tr("Last error")});
    const QLocale locale;
    for (const auto& u : *use)
        t.row({esc(u.endpoint), num(locale.toString(static_cast<qlonglong>(u.requests))),
               num(locale.toString(static_cast<qlonglong>(u.succeeded))),
               num(locale.toString(static_cast<qlonglong>(u.failures))),
               num(locale.toString(static_cast<qlonglong>(u.promptTokens))),
               num(locale.toString(static_cast<qlonglong>(u.completionTokens))),
               num(locale.toString(static_cast<qlonglong>(u.takenOut))), esc(u.lastError)});
    return body + t.html();
}

// What the run cost per system at the project's prices (as r2p cost counts it).
QString costSection(ProjectStore& store, std::int64_t runId) {
    auto prices = analysis::projectPriceTable(store);
    if (!prices)
        return {};
    auto cost = analysis::runCost(store, runId, *prices);
    if (!cost)
        return {};
    QString body = heading(3, Report::tr("Cost"));
    body += paragraph(esc(
        Report::tr("Requests count every attempt, interventions and re-asks included; "
                   "intervention tokens are those of the requests after a step's first (each "
                   "sends the whole context again). Money in %1 at the %2 price table's prices "
                   "per million tokens.")
            .arg(QString::fromStdString(cost->currency),
                 cost->prices == "project" ? Report::tr("project's own") : Report::tr("shipped"))));
    HtmlTable t({Report::tr("System"), Report::tr("Requests"), Report::tr("From cache"),
                 Report::tr("Prompt tokens"), Report::tr("Completion tokens"),
                 Report::tr("Reasoning tokens"), Report::tr("Intervention tokens"),
                 Report::tr("Request time"), Report::tr("Cost")});
    const QLocale locale;
    auto count = [&locale](std::int64_t n) {
        return num(locale.toString(static_cast<qlonglong>(n)));
    };
    auto row = [&](const QString& name, const analysis::CostFigures& f) {
        t.row({esc(name), count(f.requests), count(f.cacheReplays), count(f.promptTokens),
               count(f.completionTokens), count(f.reasoningTokens),
               count(f.extraPromptTokens + f.extraCompletionTokens),
               num(Report::tr("%1 s").arg(locale.toString(f.requestSeconds, 'f', 1))),
               num(f.money ? QStringLiteral("%1 %2").arg(
                                 locale.toString(*f.money, 'f', *f.money < 1 ? 4 : 2),
                                 QString::fromStdString(cost->currency))
                           : Report::tr("no price"))});
    };
    for (const auto& sc : cost->systems)
        row(StageText::system(sc.system), sc.figures);
    row(Report::tr("Total"), cost->total);
    return body + t.html();
}

QString chartImage(ReportDocument& doc, const QString& name, QChart& chart, const QString& alt) {
    constexpr int kWidth = 640, kHeight = 330;
    doc.images.emplace_back(name, ReportCharts::render(chart, QSize(kWidth, kHeight)));
    return QStringLiteral("<p class=\"chart\"><img src=\"%1\" width=\"%2\" height=\"%3\" "
                          "alt=\"%4\"></p>")
        .arg(name, QString::number(kWidth), QString::number(kHeight), esc(alt));
}

QString annotationsTable(const std::vector<Annotation>& annotations, const Taxonomy& taxonomy,
                         bool withUser) {
    QStringList headers;
    if (withUser)
        headers << Report::tr("User");
    headers << Report::tr("System") << Report::tr("Item") << Report::tr("Label")
            << Report::tr("Severity") << Report::tr("Annotator") << Report::tr("Note")
            << Report::tr("Created");
    HtmlTable t(headers, true);
    for (const auto& a : annotations) {
        QStringList cells;
        if (withUser)
            cells << esc(a.userId);
        cells << esc(StageText::system(a.system)) << annotationItemText(a)
              << labelText(taxonomy, a.label) << esc(severityText(a.severity)) << esc(a.annotator)
              << esc(a.note) << dateText(a.createdAt);
        t.row(cells);
    }
    return t.html();
}

Taxonomy taxonomyOf(ProjectStore& store) {
    auto t = projectTaxonomy(store);
    return t ? std::move(*t) : builtinTaxonomy();
}

// ---------------------------------------------------------------------------------------------
// The run report.

// Each system's metrics, its users, format and reasoning, and R2P against each baseline.
QString metricsSection(const RunInfo& info, const engine::RunSummary& summary) {
    QString body;
    // Metrics, straight from RunSummary.
    body += heading(2, Report::tr("Metrics"), QStringLiteral("metrics"));
    body += paragraph(
        esc(Report::tr("Each system's LaMP metrics over the users it finished. Intervals: %1.")
                .arg(DeltaText::intervalMethod(taskSpec(info.task).kind ==
                                               TaskKind::Classification))),
        QStringLiteral("muted"));
    {
        HtmlTable t({Report::tr("System"), Report::tr("Metric"), Report::tr("Value"),
                     Report::tr("95% interval")});
        for (const auto& s : summary.systems)
            for (std::size_t m = 0; m < s.metrics.size(); ++m) {
                const auto& [key, value] = s.metrics[m];
                const auto ci =
                    m < s.intervals.size() ? s.intervals[m].second : metrics::Interval{};
                t.row({m == 0 ? QStringLiteral("<b>%1</b>").arg(esc(StageText::system(s.system)))
                              : QString(),
                       esc(key), num(number(value)), num(interval(ci))});
            }
        body += t.html();
    }
    body += heading(3, Report::tr("Users, format and reasoning"));
    {
        HtmlTable t({Report::tr("System"), Report::tr("Users"), Report::tr("Failed"),
                     Report::tr("Scored"), Report::tr("In format"),
                     Report::tr("Reasoning tokens per answer"),
                     Report::tr("Interventions per user")});
        for (const auto& s : summary.systems)
            t.row({QStringLiteral("<b>%1</b>").arg(esc(StageText::system(s.system))),
                   num(QLocale().toString(static_cast<qulonglong>(s.users))),
                   num(QLocale().toString(static_cast<qulonglong>(s.failed))),
                   num(QLocale().toString(static_cast<qulonglong>(s.scored))),
                   num(percent(s.formatAdherence)), num(number(s.reasoningTokensPerAnswer, 0)),
                   num(number(s.interventionsPerUser, 2))});
        body += t.html();
    }
    body += heading(3, Report::tr("R2P against each baseline"));
    if (summary.deltas.empty()) {
        body += paragraph(esc(Report::tr("The run has no baseline to compare R2P with.")),
                          QStringLiteral("muted"));
    } else {
        body += paragraph(esc(Report::tr("Paired over the users both systems scored: Δ = R2P − "
                                         "baseline in the metric's units (for MAE and RMSE a "
                                         "negative Δ means R2P is better), with a paired "
                                         "bootstrap interval and the users won, tied and "
                                         "lost.")),
                          QStringLiteral("muted"));
        HtmlTable t({Report::tr("Baseline"), Report::tr("Metric"), Report::tr("Users"),
                     Report::tr("Δ (R2P − baseline)"), Report::tr("95% interval"),
                     Report::tr("Win"), Report::tr("Tie"), Report::tr("Loss"),
                     Report::tr("P(R2P better)")},
                    true);
        for (const auto& d : summary.deltas) {
            const auto& c = d.comparison;
            t.row({esc(StageText::system(d.baseline)), esc(d.metric),
                   num(QLocale().toString(static_cast<qulonglong>(d.users))),
                   deltaCell(c.delta, DeltaText::lowerIsBetter(QString::fromStdString(d.metric))),
                   num(interval(c.ci)), num(QLocale().toString(static_cast<qulonglong>(c.wins))),
                   num(QLocale().toString(static_cast<qulonglong>(c.ties))),
                   num(QLocale().toString(static_cast<qulonglong>(c.losses))),
                   num(percent(c.aBetterShare))});
        }
        body += t.html();
    }
    return body;
}

// The cross-reference verdicts per system.
QString verdictsSection(const engine::RunSummary& summary) {
    QString body;
    body += heading(2, Report::tr("Cross-reference verdicts"), QStringLiteral("verdicts"));
    {
        const Verdict kinds[] = {Verdict::Supported, Verdict::Partial, Verdict::Contradicted,
                                 Verdict::Unsupported, Verdict::Unparsed};
        QStringList headers{Report::tr("System")};
        for (Verdict v : kinds)
            headers << StageText::verdict(v);
        headers << Report::tr("All");
        HtmlTable t(headers);
        for (const auto& systemSummary : summary.systems) {
            const auto& byVerdict = systemSummary.verdicts;
            if (byVerdict.empty())
                continue;
            QStringList cells{esc(StageText::system(systemSummary.system))};
            std::size_t all = 0;
            for (Verdict v : kinds) {
                const auto it = byVerdict.find(v);
                const std::size_t n = it == byVerdict.end() ? 0 : it->second;
                all += n;
                cells << num(QLocale().toString(static_cast<qulonglong>(n)));
            }
            cells << num(QLocale().toString(static_cast<qulonglong>(all)));
            t.row(cells);
        }
        if (t.rows() == 0)
            body += paragraph(esc(Report::tr("No verdicts are stored for this run.")),
                              QStringLiteral("muted"));
        else
            body += t.html();
    }
    return body;
}

// Tagged reasoning (TagPR), when the run has tagged chains: per system the constraint score
// with its interval, the chains breaking each rule, and per tag its segments and the metric with
// and without it (what Analysis › Tags and r2p tags show).
QString tagsSection(ProjectStore& store, std::int64_t runId) {
    bool bad = false;
    auto stats = analysis::tagStatistics(store, {runId, {}, {}}, bad);
    if (!stats || stats->systems.empty())
        return {};
    QString body = heading(2, Report::tr("Tagged reasoning"), QStringLiteral("tags"));
    body += paragraph(esc(Report::tr("Chains checked against the tag set %1; intervals are 95% "
                                     "bootstrap intervals over the chains.")
                              .arg(QString::fromStdString(stats->tagSet.name))));
    for (const auto& s : stats->systems) {
        const QString metric = QString::fromStdString(s.metric);
        QStringList breaking;
        for (const auto& [rule, n] : s.violationsByRule)
            breaking << QStringLiteral("%1 %2").arg(QString::fromStdString(rule)).arg(n);
        body += heading(3, Report::tr("%1: %n chain(s)", nullptr, static_cast<int>(s.chains))
                               .arg(StageText::system(s.system)));
        body += paragraph(Report::tr("Mean constraint score %1 %2; chains breaking a rule: %3.")
                              .arg(number(s.constraintScore.mean), interval(s.constraintScore.ci),
                                   esc(breaking.isEmpty() ? Report::tr("none")
                                                          : breaking.join(QStringLiteral(", ")))));
        HtmlTable t({Report::tr("Tag"), Report::tr("Segments"), Report::tr("Chains with"),
                     Report::tr("%1 with the tag").arg(metric),
                     Report::tr("%1 without").arg(metric)});
        auto mean = [](const analysis::MeanCi& m) {
            return m.n ? num(number(m.mean) + QStringLiteral(" ") + interval(m.ci))
                       : num(QStringLiteral("–"));
        };
        for (const auto& row : s.tags)
            t.row({esc(QString::fromStdString(row.tag)),
                   num(QLocale().toString(static_cast<qulonglong>(row.spans))),
                   num(QLocale().toString(static_cast<qulonglong>(row.chainsWith))),
                   mean(row.metricWith), mean(row.metricWithout)});
        body += t.html();
    }
    return body;
}

// The run's annotations: counts per label and per annotator, then every one.
QString annotationsSection(const std::vector<Annotation>& annotations, const Taxonomy& taxonomy) {
    QString body;
    // Annotations: counts per label and per annotator, then every annotation.
    // What people found starts a page of its own, after the numbers and charts.
    body += QStringLiteral("<h2 id=\"annotations\" style=\"page-break-before: always\">%1</h2>")
                .arg(esc(Report::tr("Annotations")));
    if (annotations.empty()) {
        body += paragraph(esc(Report::tr("Nobody has annotated this run yet.")),
                          QStringLiteral("muted"));
    } else {
        std::map<std::string, int> byLabel, byAnnotator;
        for (const auto& a : annotations) {
            ++byLabel[a.label];
            ++byAnnotator[a.annotator];
        }
        body += paragraph(esc(Report::tr("%n annotation(s) on this run.", nullptr,
                                         static_cast<int>(annotations.size()))));
        body += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\" "
                               "style=\"border: none\"><tr><td style=\"border: none\">");
        HtmlTable labels({Report::tr("Failure label"), Report::tr("Annotations")});
        // Taxonomy order first, then labels the taxonomy no longer has.
        for (const auto& l : taxonomy.labels)
            if (const auto it = byLabel.find(l.id); it != byLabel.end())
                labels.row({esc(l.name), num(QString::number(it->second))});
        for (const auto& [label, n] : byLabel)
            if (!taxonomy.find(label))
                labels.row({esc(label), num(QString::number(n))});
        body += labels.html();
        body += QStringLiteral("</td><td style=\"border: none\">&nbsp;&nbsp;&nbsp;</td>"
                               "<td style=\"border: none\">");
        HtmlTable people({Report::tr("Annotator"), Report::tr("Annotations")});
        for (const auto& [who, n] : byAnnotator)
            people.row({esc(who), num(QString::number(n))});
        body += people.html();
        body += QStringLiteral("</td></tr></table>");
        body += annotationsTable(annotations, taxonomy, true);
    }
    return body;
}

// The users where R2P did worst against the chosen baseline.
QString worstUsersSection(const RunInfo& info, const RunResults& results) {
    QString body;
    // Where R2P did worst against the chosen baseline.
    body +=
        heading(2, Report::tr("Worst users against %1").arg(StageText::system(results.baseline)),
                QStringLiteral("worst"));
    {
        struct Worst {
            std::string userId;
            double badness = 0; // > 0: R2P worse, in the metric's units
        };
        std::vector<Worst> worst;
        for (const auto& id : info.users)
            if (const UserRunRow* row = results.row(id); row && results.worse(*row))
                worst.push_back({id, results.lowerIsBetter ? row->delta() : -row->delta()});
        std::stable_sort(worst.begin(), worst.end(),
                         [](const Worst& a, const Worst& b) { return a.badness > b.badness; });
        if (worst.size() > 10)
            worst.resize(10);
        if (worst.empty()) {
            body += paragraph(esc(Report::tr("R2P was worse than %1 for no user.")
                                      .arg(StageText::system(results.baseline))),
                              QStringLiteral("muted"));
        } else {
            body += paragraph(
                esc(Report::tr("The users where R2P lost most against %1 on %2 (at most 10).")
                        .arg(StageText::system(results.baseline),
                             QString::fromStdString(results.metric))),
                QStringLiteral("muted"));
            HtmlTable t({Report::tr("User"), Report::tr("Gold"), Report::tr("R2P answer"),
                         Report::tr("R2P"),
                         Report::tr("%1 answer").arg(StageText::system(results.baseline)),
                         StageText::system(results.baseline), Report::tr("Δ (R2P − baseline)")},
                        true);
            for (const auto& w : worst) {
                const UserRunRow* row = results.row(w.userId);
                std::string gold;
                for (const UserOutcome& o : results.outcomesOf(w.userId))
                    if (o.gold)
                        gold = *o.gold;
                t.row({esc(w.userId), esc(gold), esc(results.r2pAnswer(*row)),
                       num(number(row->r2pScore)), esc(results.baselineAnswer(*row)),
                       num(number(row->baselineScore)),
                       deltaCell(row->delta(), results.lowerIsBetter)});
            }
            body += t.html();
        }
    }
    return body;
}

// A run with R2P's shadow (--shadow): R2P with and without RPI on the compared metric, and the
// users RPI intervened on where it changed the score (at most 20, the largest changes first).
QString rpiEffectSection(const RunResults& results) {
    const auto effect = engine::rpiEffectOf(results.outcomes, results.metric);
    if (!effect)
        return {};
    const auto& e = *effect;
    QString body = heading(2, Report::tr("What RPI changed"), QStringLiteral("rpi-effect"));
    body += paragraph(esc(
        Report::tr("R2P was also run with interventions off (the same users and seed). On %1 "
                   "over %2 users both scored: %3 with RPI, %4 without. RPI intervened on %5 "
                   "of them: it helped %6, hurt %7 and changed nothing for %8.")
            .arg(QString::fromStdString(e.metric), QString::number(e.users), number(e.meanWithRpi),
                 number(e.meanWithoutRpi), QString::number(e.intervened), QString::number(e.helped),
                 QString::number(e.hurt), QString::number(e.unchanged))));
    if (e.differWithoutIntervention > 0)
        body += paragraph(esc(Report::tr("%1 users without any intervention still score "
                                         "differently: part of each difference is sampling.")
                                  .arg(e.differWithoutIntervention)),
                          QStringLiteral("muted"));
    std::vector<const engine::RpiEffectUser*> changed;
    for (const auto* u : engine::intervenedByChange(e))
        if (u->effect != 0)
            changed.push_back(u);
    if (changed.size() > 20)
        changed.resize(20);
    if (changed.empty())
        return body;
    HtmlTable t({Report::tr("User"), Report::tr("Interventions"), Report::tr("With RPI"),
                 Report::tr("Without RPI"), Report::tr("Effect")});
    for (const auto* u : changed)
        t.row({esc(u->userId), num(QString::number(u->interventions)), num(number(u->withRpi)),
               num(number(u->withoutRpi)),
               esc(u->effect > 0 ? Report::tr("helped") : Report::tr("hurt"))});
    body += t.html();
    return body;
}

Result<ReportDocument> runReport(ProjectStore& store, const ReportRequest& request) {
    RunStore runs(store);
    auto run = loadRun(store, runs, request.runId);
    if (!run)
        return run.error();
    const RunInfo& info = run->info;
    auto results = loadRunResults(runs, request.runId, request.baseline, request.metric);
    if (!results)
        return results.error();
    // The run service's summary: the numbers r2p run printed and the Metrics view shows.
    auto summary = engine::RunService(store).summarize(request.runId);
    if (!summary)
        return summary.error();
    auto annotations = AnnotationStore(store).ofRun(request.runId);
    if (!annotations)
        return annotations.error();
    const Taxonomy taxonomy = taxonomyOf(store);

    ReportDocument doc;
    doc.title = Report::tr("R2P run %1 — %2").arg(request.runId).arg(taskTitle(info.task));
    QString body;
    body += heading(1, doc.title);
    body += paragraph(Report::tr("Stakeholder report of a stored run: how it was set up, how "
                                 "each system scored, where R2P won and lost against the "
                                 "baselines, and what annotators found."));
    body += generatedLine();

    body += heading(2, Report::tr("Run settings"), QStringLiteral("settings"));
    body += settingsTable(info, run->config);
    body += endpointsSection(runs, request.runId);
    body += costSection(store, request.runId);

    body += metricsSection(info, *summary);
    body += heading(2, Report::tr("Charts"), QStringLiteral("charts"));
    {
        auto histogram = ReportCharts::deltaHistogram(*results);
        body += chartImage(doc, QStringLiteral("chart-deltas.png"), *histogram,
                           Report::tr("Histogram of per-user deltas"));
        if (!summary->deltas.empty()) {
            auto wtl = ReportCharts::winTieLoss(*results, *summary);
            body += chartImage(doc, QStringLiteral("chart-win-tie-loss.png"), *wtl,
                               Report::tr("Win, tie and loss against each baseline"));
        }
    }

    body += rpiEffectSection(*results);
    body += verdictsSection(*summary);
    body += tagsSection(store, request.runId);

    body += annotationsSection(*annotations, taxonomy);

    body += worstUsersSection(info, *results);
    doc.html = page(doc.title, body);
    return doc;
}

// ---------------------------------------------------------------------------------------------
// The user report.

struct UserInput {
    std::optional<UserRecord> record;
    QString unavailable; // why the record could not be read
};

// The user's record from the run's questions file, through the project's index cache: only that
// one record is parsed. Missing or changed files leave the report with the retrieval query.
UserInput readUserRecord(ProjectStore& store, const RunInfo& info, const std::string& userId) {
    UserInput in;
    auto index = store.loadFreshIndex(info.questionsPath, info.outputsPath);
    if (!index || !*index) {
        in.unavailable = Report::tr("The questions file %1 is not available unchanged, so the "
                                    "input is not shown; the query retrieval used is.")
                             .arg(QString::fromStdString(info.questionsPath));
        return in;
    }
    const auto& users = (*index)->users;
    const auto it = std::find_if(users.begin(), users.end(),
                                 [&](const UserIndexEntry& e) { return e.id == userId; });
    if (it == users.end()) {
        in.unavailable = Report::tr("The questions file has no record of this user.");
        return in;
    }
    auto record = RecordReader((*index)->questions).read(*it);
    if (!record) {
        in.unavailable = QString::fromStdString(record.error().message);
        return in;
    }
    in.record = std::move(*record);
    return in;
}

QString profileText(const ProfileItem& item) {
    QStringList parts;
    for (const auto& [key, value] : item.fields)
        parts << QStringLiteral("%1: %2").arg(QString::fromStdString(key),
                                              QString::fromStdString(value));
    QString text = parts.join(QStringLiteral(" · "));
    if (text.size() > 400)
        text = text.left(400) + QStringLiteral("…");
    return text;
}

QString stepMeta(const StepRecord& step) {
    QStringList parts;
    parts << (step.status == StepStatus::Done ? StageText::done()
              : step.status == StepStatus::Failed
                  ? StageText::failed()
                  : QString::fromStdString(std::string(stepStatusName(step.status))));
    parts << Report::tr("%1 prompt + %2 completion tokens")
                 .arg(step.tokens.prompt)
                 .arg(step.tokens.completion);
    if (step.tokens.reasoning > 0)
        parts << Report::tr("%1 reasoning").arg(step.tokens.reasoning);
    parts << Report::tr("%1 s").arg(number(step.latencyMs / 1000.0, 2));
    if (step.attempts > 1)
        parts << Report::tr("%n attempt(s)", nullptr, step.attempts);
    if (step.backendMode != StepMode::None)
        parts << Report::tr("mode %1").arg(StageText::mode(step.backendMode));
    return esc(parts.join(QStringLiteral(" · ")));
}

QString stagesHtml(const UserTrace& trace) {
    QString html;
    int n = 0;
    for (const auto& step : trace.steps) {
        ++n;
        html += heading(
            3, Report::tr("%1. %2").arg(n).arg(StageText::stage(step.stage, step.candidate)));
        html += paragraph(stepMeta(step), QStringLiteral("muted"));
        if (!step.error.empty())
            html +=
                paragraph(QStringLiteral("<span class=\"worse\">%1</span>").arg(esc(step.error)));
        HtmlTable interventions({Report::tr("RPI rule"), Report::tr("Evidence"),
                                 Report::tr("Injected thought"), Report::tr("Outcome")},
                                true);
        QStringList notes;
        for (const auto& e : trace.events) {
            if (e.stepSeq != step.seq)
                continue;
            if (e.kind == EventKind::Intervention)
                interventions.row({esc(StageText::rule(e.rule)), esc(e.evidence), esc(e.injected),
                                   e.mode == StepMode::None ? esc(StageText::outcome(e.outcome))
                                                            : esc(Report::tr("%1 (%2)").arg(
                                                                  StageText::outcome(e.outcome),
                                                                  StageText::mode(e.mode)))});
            else if (!e.detail.empty())
                notes << (e.kind == EventKind::Error ? Report::tr("Error: %1")
                                                     : Report::tr("Note: %1"))
                             .arg(QString::fromStdString(e.detail));
        }
        if (interventions.rows() > 0)
            html += interventions.html();
        for (const QString& note : notes)
            html += paragraph(esc(note), QStringLiteral("muted"));
        if (!step.reasoning.empty()) {
            html += paragraph(QStringLiteral("<b>%1</b>").arg(esc(Report::tr("Reasoning"))));
            html += textBlock(step.reasoning);
        }
        if (!step.answer.empty()) {
            if (!step.reasoning.empty())
                html += paragraph(QStringLiteral("<b>%1</b>").arg(esc(Report::tr("Text"))));
            html += textBlock(step.answer);
        } else if (step.reasoning.empty() &&
                   (step.output.hasFields() || !step.output.verbatim.empty())) {
            html += textBlock(toJson(step.output));
        }
    }
    return html;
}

QString verdictsHtml(const UserTrace& trace) {
    HtmlTable t({Report::tr("Candidate"), Report::tr("Answer"), Report::tr("Verdict"),
                 Report::tr("Evidence"), Report::tr("Agreement"), Report::tr("Chosen"),
                 Report::tr("Reason"), Report::tr("Judge")},
                true);
    QString chosen;
    for (const auto& v : trace.verdicts) {
        QStringList evidence;
        for (int item : v.evidence)
            evidence << QStringLiteral("[P%1]").arg(item);
        t.row({num(QString::number(v.candidate + 1)), esc(v.answer), verdictBadge(v.verdict),
               esc(evidence.join(QLatin1Char(' '))), num(percent(v.agreement)),
               v.chosen ? QStringLiteral("<b>✔</b>") : QString(), esc(v.reason), esc(v.judge)});
        if (v.chosen)
            chosen = Report::tr("Final answer: candidate %1 — %2")
                         .arg(v.candidate + 1)
                         .arg(QString::fromStdString(v.reason));
    }
    QString html = t.html();
    if (!chosen.isEmpty())
        html += paragraph(esc(chosen));
    return html;
}

// What retrieval picked (from R2P's trace, else any system's); empty without a Retrieve step.
QString retrievalSection(const std::vector<UserTrace>& traces, const UserTrace* r2p,
                         const UserInput& input) {
    QString body;
    // What retrieval picked (from R2P's trace, else any system's).
    const StepRecord* retrieve = nullptr;
    std::vector<const UserTrace*> order{r2p};
    for (const auto& t : traces)
        order.push_back(&t);
    for (const UserTrace* t : order)
        for (std::size_t i = 0; t && !retrieve && i < t->steps.size(); ++i)
            if (t->steps[i].stage == StageId::Retrieve)
                retrieve = &t->steps[i];
    if (retrieve) {
        body += heading(3, Report::tr("Retrieved history"));
        if (!retrieve->prompt.empty())
            body += paragraph(
                QStringLiteral("<b>%1</b> %2")
                    .arg(esc(Report::tr("Query used for retrieval:")), esc(retrieve->prompt)));
        if (const auto& items = retrieve->output.items) {
            HtmlTable t({Report::tr("Item"), Report::tr("Profile id"), Report::tr("Score"),
                         Report::tr("Matched terms"), Report::tr("Text")},
                        true);
            for (const StepItem& item : *items) {
                QStringList matched;
                for (const auto& m : item.matched)
                    matched << QString::fromStdString(m);
                QString text;
                if (input.record)
                    for (const auto& p : input.record->profile)
                        if (p.id == item.id)
                            text = profileText(p);
                t.row({QStringLiteral("[P%1]").arg(item.n), esc(item.id),
                       num(number(item.score, 3)), esc(matched.join(QStringLiteral(", "))),
                       esc(text)});
            }
            body += t.html();
        }
    }
    return body;
}

// Every system's answer and scores, and R2P's delta against each baseline on the metric.
QString answersSection(const RunInfo& info, const std::vector<UserTrace>& traces,
                       const UserTrace* r2p, const std::string& metric) {
    QString body;
    // Every system's answer and score.
    body += heading(2, Report::tr("Answers"), QStringLiteral("answers"));
    {
        HtmlTable t({Report::tr("System"), Report::tr("Status"), Report::tr("Answer"),
                     Report::tr("Scores"), Report::tr("In format"), Report::tr("Reasoning tokens"),
                     Report::tr("Interventions")},
                    true);
        for (SystemId system : info.systems) {
            const auto it =
                std::find_if(traces.begin(), traces.end(),
                             [system](const UserTrace& u) { return u.system == system; });
            if (it == traces.end()) {
                t.row({esc(StageText::system(system)), esc(Report::tr("not run")), QString(),
                       QString(), QString(), QString(), QString()});
                continue;
            }
            const bool done = it->status == UserStatus::Done;
            t.row({QStringLiteral("<b>%1</b>").arg(esc(StageText::system(system))),
                   esc(done ? StageText::done() : StageText::failed()),
                   done ? esc(it->prediction)
                        : QStringLiteral("<span class=\"worse\">%1</span>").arg(esc(it->error)),
                   scoresText(it->scores), esc(it->formatOk ? Report::tr("yes") : Report::tr("no")),
                   num(QString::number(it->reasoningTokens)),
                   num(QString::number(it->interventions))});
        }
        body += t.html();
        if (r2p) {
            const auto mine = scoreOf(r2p->scores, metric);
            QStringList deltas;
            for (const auto& t2 : traces) {
                if (t2.system == SystemId::R2P || !mine || t2.status != UserStatus::Done ||
                    r2p->status != UserStatus::Done)
                    continue;
                if (const auto theirs = scoreOf(t2.scores, metric))
                    deltas << Report::tr("R2P − %1: %2")
                                  .arg(StageText::system(t2.system),
                                       DeltaText::full(*mine - *theirs,
                                                       DeltaText::lowerIsBetter(
                                                           QString::fromStdString(metric))));
            }
            if (!deltas.isEmpty())
                body += paragraph(esc(
                    Report::tr("R2P on %1: %2")
                        .arg(QString::fromStdString(metric), deltas.join(QStringLiteral(" · ")))));
        }
    }
    return body;
}

Result<ReportDocument> userReport(ProjectStore& store, const ReportRequest& request) {
    RunStore runs(store);
    auto run = loadRun(store, runs, request.runId);
    if (!run)
        return run.error();
    const RunInfo& info = run->info;
    const std::string& userId = *request.userId;
    const bool inRun = std::find(info.users.begin(), info.users.end(), userId) != info.users.end();
    std::vector<UserTrace> traces;
    for (SystemId system : info.systems)
        if (auto trace = runs.userTrace(request.runId, userId, system))
            traces.push_back(std::move(*trace));
    if (!inRun && traces.empty())
        return Error{Report::tr("Run %1 has no user \"%2\".")
                         .arg(request.runId)
                         .arg(QString::fromStdString(userId))
                         .toStdString()};
    auto annotations = AnnotationStore(store).ofUser(request.runId, userId);
    if (!annotations)
        return annotations.error();
    const Taxonomy taxonomy = taxonomyOf(store);
    const std::string metric = comparedMetric(info, request.metric);
    const UserTrace* r2p = nullptr;
    for (const auto& t : traces)
        if (t.system == SystemId::R2P)
            r2p = &t;

    ReportDocument doc;
    doc.title = Report::tr("User %1 — R2P run %2")
                    .arg(QString::fromStdString(userId), QString::number(request.runId));
    QString body;
    body += heading(1, doc.title);
    body += paragraph(esc(
        Report::tr("%1 · backend %2 · model %3 · HRT template %4 v%5")
            .arg(taskTitle(info.task), backendText(info), QString::fromStdString(info.model),
                 QString::fromStdString(info.templateId), QString::number(info.templateVersion))));
    body += generatedLine();

    // The input and the gold.
    body += heading(2, Report::tr("Query"), QStringLiteral("query"));
    const UserInput input = readUserRecord(store, info, userId);
    if (input.record) {
        body += QStringLiteral("<p class=\"input\">%1</p>").arg(esc(input.record->input));
    } else {
        body += paragraph(esc(input.unavailable), QStringLiteral("muted"));
    }
    std::optional<std::string> gold;
    for (const auto& t : traces)
        if (t.gold)
            gold = t.gold;
    body +=
        paragraph(QStringLiteral("<b>%1</b> %2")
                      .arg(esc(Report::tr("Gold:")), gold ? esc(*gold)
                                                          : esc(Report::tr("none (the split has no "
                                                                           "outputs)"))));

    body += retrievalSection(traces, r2p, input);

    body += answersSection(info, traces, r2p, metric);

    body += heading(2, Report::tr("R2P stages"), QStringLiteral("stages"));
    if (!r2p)
        body += paragraph(esc(Report::tr("R2P has no stored trace for this user.")),
                          QStringLiteral("muted"));
    else
        body += stagesHtml(*r2p);

    body += heading(2, Report::tr("Cross-reference verdicts"), QStringLiteral("verdicts"));
    if (!r2p || r2p->verdicts.empty())
        body += paragraph(esc(Report::tr("No verdicts are stored for this user.")),
                          QStringLiteral("muted"));
    else
        body += verdictsHtml(*r2p);

    body += heading(2, Report::tr("Annotations"), QStringLiteral("annotations"));
    if (annotations->empty())
        body += paragraph(esc(Report::tr("Nobody has annotated this user on this run yet.")),
                          QStringLiteral("muted"));
    else
        body += annotationsTable(*annotations, taxonomy, false);

    doc.html = page(doc.title, body);
    return doc;
}

constexpr qreal kMarginMm = 14;
constexpr qreal kFooterPx = 26; // below each page's text: the title and "page n of N"

// Draws the paginated document page by page onto the PDF, each with a footer.
bool printPdf(const QTextDocument& doc, const QString& title, QPdfWriter& writer) {
    QPainter painter;
    if (!painter.begin(&writer))
        return false;
    const qreal scale = writer.resolution() / 96.0;
    const QSizeF page = doc.pageSize();
    const int pages = doc.pageCount();
    QFont footerFont = doc.defaultFont();
    footerFont.setPixelSize(10); // in the page's 96-dpi pixels (scaled up): 7.5 pt
    for (int p = 0; p < pages; ++p) {
        if (p > 0 && !writer.newPage())
            return false;
        painter.save();
        painter.scale(scale, scale);
        painter.save();
        const QRectF view(0, p * page.height(), page.width(), page.height());
        painter.translate(0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = view;
        ctx.palette.setColor(QPalette::Text, Qt::black);
        doc.documentLayout()->draw(&painter, ctx);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(QColor(0x5f, 0x6b, 0x76));
        const QRectF footer(0, page.height() + 8, page.width(), kFooterPx - 8);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, title);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                         Report::tr("page %1 of %2").arg(p + 1).arg(pages));
        painter.restore();
    }
    return painter.end();
}

} // namespace

ReportFormat reportFormat(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return ReportFormat::Html;
    if (suffix == QLatin1String("pdf"))
        return ReportFormat::Pdf;
    return ReportFormat::Invalid;
}

QString ReportDocument::selfContainedHtml() const {
    QString out = html;
    for (const auto& [name, image] : images) {
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        out.replace(QStringLiteral("src=\"%1\"").arg(name),
                    QStringLiteral("src=\"data:image/png;base64,%1\"")
                        .arg(QString::fromLatin1(png.toBase64())));
    }
    return out;
}

std::unique_ptr<QTextDocument> ReportDocument::textDocument() const {
    auto doc = std::make_unique<QTextDocument>();
    for (const auto& [name, image] : images)
        doc->addResource(QTextDocument::ImageResource, QUrl(name), image);
    doc->setHtml(html);
    doc->setMetaInformation(QTextDocument::DocumentTitle, title);
    // Pages of A4's printable area at 96 dpi (what the PDF scales up), less a footer line, so a
    // preview breaks pages where the PDF does.
    const QSizeF a4 = QPageSize(QPageSize::A4).size(QPageSize::Millimeter);
    const qreal pxPerMm = 96.0 / 25.4;
    doc->setPageSize(QSizeF((a4.width() - 2 * kMarginMm) * pxPerMm,
                            (a4.height() - 2 * kMarginMm) * pxPerMm - kFooterPx));
    QTextFrameFormat frame = doc->rootFrame()->frameFormat();
    frame.setMargin(0);
    doc->rootFrame()->setFrameFormat(frame);
    return doc;
}

Result<ReportDocument> buildReport(ProjectStore& store, const ReportRequest& request) {
    if (request.userId)
        return userReport(store, request);
    return runReport(store, request);
}

Result<QString> reportHtml(ProjectStore& store, const ReportRequest& request) {
    auto doc = buildReport(store, request);
    if (!doc)
        return doc.error();
    return doc->selfContainedHtml();
}

Status writeReport(ProjectStore& store, const ReportRequest& request, const QString& path) {
    const ReportFormat format = reportFormat(path);
    if (format == ReportFormat::Invalid)
        return Error{Report::tr("Cannot write the report %1: the file must end in .html or .pdf.")
                         .arg(path)
                         .toStdString()};
    auto doc = buildReport(store, request);
    if (!doc)
        return doc.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{Report::tr("Cannot write the report %1: %2")
                         .arg(path, file.errorString())
                         .toStdString()};
    if (format == ReportFormat::Html) {
        const QByteArray bytes = doc->selfContainedHtml().toUtf8();
        if (file.write(bytes) != bytes.size()) {
            file.cancelWriting();
            return Error{Report::tr("Cannot write the report %1: %2")
                             .arg(path, file.errorString())
                             .toStdString()};
        }
    } else {
        QPdfWriter writer(&file);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm),
                              QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(doc->title);
        writer.setCreator(QStringLiteral("R2P Workbench"));
        auto text = doc->textDocument();
        if (!printPdf(*text, doc->title, writer)) {
            file.cancelWriting();
            return Error{Report::tr("Cannot write the report %1: the PDF could not be drawn.")
                             .arg(path)
                             .toStdString()};
        }
    }
    if (!file.commit())
        return Error{Report::tr("Cannot write the report %1: %2")
                         .arg(path, file.errorString())
                         .toStdString()};
    return Ok{};
}

} // namespace r2p::ui
