// Stakeholder reports, offscreen: a stored offline run of the LaMP-3 demo reported as HTML and
// PDF, for the whole run and for one user, with model text that must come out escaped; and a
// small run whose answers are chosen by hand, whose report tables must say exactly what an
// independent oracle (data/report_fixture_oracle.py) computed.
// R2P_REPORT_SNAPSHOTS=DIR also leaves the reports and PNG renderings of their HTML there.
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Taxonomy.h"
#include "model/Util.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/OfflineBackend.h"
#include "support/UiTestSupport.h"
#include "ui/DemoData.h"
#include "ui/RunResults.h"
#include "ui/report/Report.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <cmath>
#include <memory>
#include <optional>

using namespace r2p;
using namespace r2p::ui;

namespace {

const std::string kHostile = "<script>alert(1)</script> & \"quotes\"";

// The known fixture: the same literals as GOLD, FIXTURE and VERDICTS in
// tests/ui/data/report_fixture_oracle.py, whose output the checks below paste.
struct KnownAnswer {
    std::optional<int> prediction; // none: the user failed
    bool formatOk = false;
    std::int64_t reasoningTokens = 0;
    int interventions = 0;
};
const std::vector<std::pair<std::string, std::optional<int>>> kKnownGolds = {
    {"u1", 5}, {"u2", 3}, {"u3", 1}, {"u4", 4}, {"u5", 2}, {"u6", 5}, {"u7", std::nullopt}};
const std::vector<std::pair<SystemId, std::vector<KnownAnswer>>> kKnownAnswers = {
    {SystemId::R2P,
     {{5, true, 100, 1},
      {2, true, 200, 0},
      {1, true, 300, 2},
      {4, true, 400, 0},
      {4, false, 500, 0},
      {4, true, 600, 1},
      {3, true, 700, 0}}},
    {SystemId::LampRag,
     {{4, true, 0, 0},
      {3, true, 0, 0},
      {2, true, 0, 0},
      {4, true, 0, 0},
      {3, true, 0, 0},
      {5, true, 0, 0},
      {2, true, 0, 0}}},
    {SystemId::NoProfile,
     {{3, true, 0, 0},
      {1, false, 0, 0},
      {5, true, 0, 0},
      {2, false, 0, 0},
      {2, true, 0, 0},
      {std::nullopt, false, 0, 0},
      {1, false, 0, 0}}},
};
// R2P's verdicts, per user (3 supported, 1 partial, 1 contradicted, 1 unsupported in all).
const std::vector<std::pair<std::string, std::vector<Verdict>>> kKnownVerdicts = {
    {"u1", {Verdict::Supported, Verdict::Supported, Verdict::Partial}},
    {"u2", {Verdict::Contradicted, Verdict::Unsupported, Verdict::Supported}}};

// One table of a report: its header texts and its rows' cell texts (tags stripped, entities
// decoded, &nbsp; as a space).
struct HtmlTableText {
    QStringList headers;
    QList<QStringList> rows;
};

QString cellText(QString html) {
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    html.remove(tag);
    html.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "))
        .replace(QStringLiteral("&lt;"), QStringLiteral("<"))
        .replace(QStringLiteral("&gt;"), QStringLiteral(">"))
        .replace(QStringLiteral("&quot;"), QStringLiteral("\""))
        .replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return html.trimmed();
}

QList<HtmlTableText> tablesOf(const QString& html) {
    static const QRegularExpression table(
        QStringLiteral("<thead><tr>(.*?)</tr></thead><tbody>(.*?)</tbody>"),
        QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression th(QStringLiteral("<th[^>]*>(.*?)</th>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tr(QStringLiteral("<tr>(.*?)</tr>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression td(QStringLiteral("<td[^>]*>(.*?)</td>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    QList<HtmlTableText> out;
    for (const auto& t : table.globalMatch(html)) {
        HtmlTableText text;
        for (const auto& h : th.globalMatch(t.captured(1)))
            text.headers << cellText(h.captured(1));
        for (const auto& r : tr.globalMatch(t.captured(2))) {
            QStringList cells;
            for (const auto& c : td.globalMatch(r.captured(1)))
                cells << cellText(c.captured(1));
            text.rows << cells;
        }
        out << text;
    }
    return out;
}

// The one table whose header row is `headers`; an empty table (no headers) when there is none.
HtmlTableText tableWithHeaders(const QString& html, const QStringList& headers) {
    HtmlTableText found;
    int matches = 0;
    for (const auto& t : tablesOf(html))
        if (t.headers == headers) {
            found = t;
            ++matches;
        }
    return matches == 1 ? found : HtmlTableText{};
}

// Each row as "cell | cell | ...", so QCOMPARE names the row that differs and shows both.
QStringList rowTexts(const QList<QStringList>& rows) {
    QStringList out;
    for (const auto& r : rows)
        out << r.join(QStringLiteral(" | "));
    return out;
}

// "[lo, hi]" as the report writes an interval.
std::optional<std::pair<double, double>> parseInterval(const QString& cell) {
    static const QRegularExpression re(QStringLiteral("^\\[(−?-?[0-9.,]+), (−?-?[0-9.,]+)\\]$"));
    const auto m = re.match(cell);
    if (!m.hasMatch())
        return std::nullopt;
    auto value = [](QString s) {
        s.replace(QStringLiteral("−"), QStringLiteral("-"));
        bool ok = false;
        const double v = QLocale().toDouble(s, &ok);
        return ok ? std::optional<double>(v) : std::nullopt;
    };
    const auto lo = value(m.captured(1));
    const auto hi = value(m.captured(2));
    if (!lo || !hi)
        return std::nullopt;
    return std::pair{*lo, *hi};
}

// The interval cell holds an interval inside [lowest, highest] (the oracle's bounds: a
// resample's statistic cannot leave the range of the values it is made of).
bool intervalWithin(const QString& cell, double lowest, double highest) {
    const auto ci = parseInterval(cell);
    if (!ci) {
        qWarning("not an interval: %s", qPrintable(cell));
        return false;
    }
    const bool ok =
        ci->first <= ci->second && ci->first >= lowest - 1e-9 && ci->second <= highest + 1e-9;
    if (!ok)
        qWarning("interval %s is not inside [%g, %g]", qPrintable(cell), lowest, highest);
    return ok;
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

int pdfPages(const QByteArray& pdf) {
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

// Renders every page of the report's HTML as QTextDocument lays it out for the PDF.
void snapshotPages(const ReportDocument& doc, const QString& stem) {
    auto text = doc.textDocument();
    const QSizeF pageSize = text->pageSize();
    const int pages = std::min(text->pageCount(), 3);
    for (int p = 0; p < pages; ++p) {
        QImage image((pageSize * 1.5).toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.scale(1.5, 1.5);
        painter.translate(0, -p * pageSize.height());
        QAbstractTextDocumentLayout::PaintContext ctx;
        ctx.clip = QRectF(0, p * pageSize.height(), pageSize.width(), pageSize.height());
        text->documentLayout()->draw(&painter, ctx);
        painter.end();
        image.save(QStringLiteral("%1-page%2.png").arg(stem).arg(p + 1));
    }
}

} // namespace

class TestReport : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    std::unique_ptr<ProjectStore> store_;
    std::int64_t runId_ = 0;
    std::string hostileUser_; // a user whose R2P trace carries kHostile everywhere
    std::string plainUser_;
    QString snapshots_;

    std::unique_ptr<ProjectStore> known_; // the hand-made run the oracle computed
    std::int64_t knownRunId_ = 0;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // Stores the known fixture (kKnownGolds, kKnownAnswers, kKnownVerdicts) as a finished run
    // in a project of its own.
    void writeKnownFixture() {
        auto store = ProjectStore::open(path(QStringLiteral("known.r2p")).toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        known_ = std::move(*store);
        RunStore runs(*known_);
        RunInfo info;
        info.task = TaskId::LaMP3;
        info.questionsPath = path(QStringLiteral("known_questions.json")).toStdString();
        info.systems = {SystemId::R2P, SystemId::LampRag, SystemId::NoProfile};
        info.backend = "offline";
        info.model = "offline";
        info.templateId = "known-fixture";
        info.templateVersion = 1;
        info.config = engine::engineConfigJson(engine::EngineConfig{}, 1);
        info.createdAt = nowIsoUtc();
        info.status = RunStatus::Done;
        for (const auto& [user, gold] : kKnownGolds)
            info.users.push_back(user);
        auto created = runs.createRun(info);
        QVERIFY2(created, created ? "" : created.error().message.c_str());
        knownRunId_ = *created;
        std::vector<UserTrace> traces;
        for (const auto& [system, answers] : kKnownAnswers) {
            QCOMPARE(answers.size(), kKnownGolds.size());
            for (std::size_t u = 0; u < answers.size(); ++u) {
                const auto& [user, gold] = kKnownGolds[u];
                const KnownAnswer& a = answers[u];
                UserTrace t;
                t.userId = user;
                t.system = system;
                if (gold)
                    t.gold = std::to_string(*gold);
                if (!a.prediction) {
                    t.status = UserStatus::Failed;
                    t.error = "the server went away";
                    traces.push_back(std::move(t));
                    continue;
                }
                t.status = UserStatus::Done;
                t.prediction = std::to_string(*a.prediction);
                t.formatOk = a.formatOk;
                t.reasoningTokens = a.reasoningTokens;
                t.interventions = a.interventions;
                if (gold) {
                    const double error = std::abs(*a.prediction - *gold);
                    t.scores = {{"MAE", error}, {"squared_error", error * error}};
                }
                if (system == SystemId::R2P)
                    for (const auto& [verdictUser, verdicts] : kKnownVerdicts)
                        if (verdictUser == user)
                            for (std::size_t c = 0; c < verdicts.size(); ++c) {
                                VerdictRecord v;
                                v.candidate = static_cast<int>(c);
                                v.answer = t.prediction;
                                v.verdict = verdicts[c];
                                v.chosen = c == 0;
                                v.judge = "model";
                                t.verdicts.push_back(v);
                            }
                traces.push_back(std::move(t));
            }
        }
        auto saved = runs.saveUserTraces(knownRunId_, traces);
        QVERIFY2(saved, saved ? "" : saved.error().message.c_str());
    }

private slots:
    void initTestCase() {
        test::setUpUiTestApplication();
        QVERIFY(dir_.isValid());
        snapshots_ = qEnvironmentVariable("R2P_REPORT_SNAPSHOTS");
        auto store = ProjectStore::open(path(QStringLiteral("report.r2p")).toStdString());
        QVERIFY2(store, store ? "" : store.error().message.c_str());
        store_ = std::move(*store);

        QString error;
        const DemoFiles demo = extractDemo(TaskId::LaMP3, &error);
        QVERIFY2(!demo.questions.isEmpty(), qPrintable(error));
        auto opened =
            openDataset(*store_, demo.questions.toStdString(), demo.outputs.toStdString());
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        const DatasetIndex& index = opened->index;

        engine::EngineConfig config;
        config.model = "offline";
        config.candidates = 3;
        auto ctx = engine::EngineContext::make(
            index.task, config, std::make_shared<engine::OfflineBackend>(), nullptr, true);
        QVERIFY2(ctx, ctx ? "" : ctx.error().message.c_str());
        RunStore runs(*store_);
        RunInfo info;
        info.task = index.task;
        info.questionsPath = index.questions.path;
        info.outputsPath = index.outputs ? index.outputs->path : std::string();
        info.systems = {SystemId::R2P, SystemId::LampRag, SystemId::NoProfile};
        info.backend = "offline";
        info.model = config.model;
        info.templateId = (*ctx)->hrt->id;
        info.templateVersion = (*ctx)->hrt->version;
        info.config = engine::engineConfigJson(config, 2);
        info.createdAt = nowIsoUtc();
        info.status = RunStatus::Running;
        engine::BatchSpec spec;
        spec.systems = info.systems;
        spec.concurrency = 2;
        for (std::size_t i = 0; i < index.users.size(); ++i) {
            info.users.push_back(index.users[i].id);
            spec.users.push_back(i);
        }
        auto created = runs.createRun(info);
        QVERIFY(created);
        runId_ = *created;
        engine::BatchRunner runner(*ctx, runs, runId_, index);
        auto result = runner.run(spec);
        QVERIFY2(result, result ? "" : result.error().message.c_str());
        QCOMPARE(result->failed, std::size_t{0});
        QVERIFY(runs.setRunStatus(runId_, RunStatus::Done));

        // One user's R2P trace rewritten to carry markup in every text the report shows.
        hostileUser_ = info.users[1];
        plainUser_ = info.users[2];
        auto trace = runs.userTrace(runId_, hostileUser_, SystemId::R2P);
        QVERIFY(trace);
        trace->prediction = "4 " + kHostile;
        for (auto& step : trace->steps)
            if (step.stage == StageId::ProfileSynthesis)
                step.answer += "\n" + kHostile;
        EventRecord e;
        e.seq = static_cast<int>(trace->events.size());
        e.stepSeq = 1;
        e.kind = EventKind::Intervention;
        e.rule = RpiRule::Citations;
        e.evidence = "evidence " + kHostile;
        e.injected = "injected " + kHostile;
        e.mode = StepMode::Offline;
        e.outcome = InterventionOutcome::Complied;
        trace->events.push_back(e);
        QVERIFY(!trace->verdicts.empty());
        trace->verdicts.front().reason = "reason " + kHostile;
        QVERIFY(runs.saveUserTrace(runId_, *trace));

        // Annotations: two labels by two annotators, one note with markup.
        const Taxonomy& taxonomy = builtinTaxonomy();
        QVERIFY(taxonomy.labels.size() >= 2);
        Annotation a;
        a.runId = runId_;
        a.userId = hostileUser_;
        a.system = SystemId::R2P;
        a.target = AnnotationTarget::Run;
        a.label = taxonomy.labels[0].id;
        a.severity = AnnotationSeverity::Major;
        a.note = "note " + kHostile;
        a.annotator = "ann & <b>co</b>";
        auto added = AnnotationStore(*store_).add(a, taxonomy);
        QVERIFY2(added, added ? "" : added.error().message.c_str());
        a.userId = plainUser_;
        a.target = AnnotationTarget::Stage;
        a.stage = StageId::ProfileSynthesis;
        a.label = taxonomy.labels[1].id;
        a.note = "plain note";
        a.annotator = "bea";
        added = AnnotationStore(*store_).add(a, taxonomy);
        QVERIFY2(added, added ? "" : added.error().message.c_str());

        writeKnownFixture();
    }

    // With R2P_REPORT_SNAPSHOTS, the project too, to try `r2p-workbench --report` on.
    void cleanupTestCase() {
        store_.reset();
        known_.reset();
        if (!snapshots_.isEmpty()) {
            QFile::remove(snapshots_ + QStringLiteral("/report.r2p"));
            QFile::copy(path(QStringLiteral("report.r2p")),
                        snapshots_ + QStringLiteral("/report.r2p"));
        }
    }

    void runReportHasEverySectionAndRunSummarysNumbers() {
        auto html = reportHtml(*store_, {runId_, std::nullopt, SystemId::Invalid});
        QVERIFY2(html, html ? "" : html.error().message.c_str());
        for (const char* section :
             {"Run settings", "Metrics", "R2P against each baseline", "Charts",
              "Cross-reference verdicts", "Annotations", "Worst users against LaMP RAG"})
            QVERIFY2(html->contains(QLatin1String(section)), section);
        QVERIFY(html->contains(QStringLiteral("offline (no LLM)")));
        QVERIFY(html->contains(QStringLiteral("LaMP-3")));
        RunStore runs(*store_);
        auto info = runs.run(runId_);
        QVERIFY(info);
        QVERIFY(html->contains(QString::fromStdString(info->templateId)));

        // The tables have a row per system and metric, and R2P against each baseline (the
        // numbers themselves are checked on the known fixture, knownRunReportSaysTheOracles...).
        const auto metrics =
            tableWithHeaders(*html, {QStringLiteral("System"), QStringLiteral("Metric"),
                                     QStringLiteral("Value"), QStringLiteral("95% interval")});
        QCOMPARE(metrics.rows.size(), 3 * 2);
        const auto deltas = tableWithHeaders(
            *html, {QStringLiteral("Baseline"), QStringLiteral("Metric"), QStringLiteral("Users"),
                    QStringLiteral("Δ (R2P − baseline)"), QStringLiteral("95% interval"),
                    QStringLiteral("Win"), QStringLiteral("Tie"), QStringLiteral("Loss"),
                    QStringLiteral("P(R2P better)")});
        QCOMPARE(deltas.rows.size(), 2 * 2); // MAE and RMSE, two baselines
        // What it cost: a row per system and the total; the baselines ask once per user.
        const auto cost = tableWithHeaders(
            *html,
            {QStringLiteral("System"), QStringLiteral("Requests"), QStringLiteral("From cache"),
             QStringLiteral("Prompt tokens"), QStringLiteral("Completion tokens"),
             QStringLiteral("Reasoning tokens"), QStringLiteral("Intervention tokens"),
             QStringLiteral("Request time"), QStringLiteral("Cost")});
        QCOMPARE(cost.rows.size(), 3 + 1);
        QCOMPARE(cost.rows[1][0], QStringLiteral("LaMP RAG"));
        QCOMPARE(cost.rows[1][1], QLocale().toString(static_cast<qlonglong>(info->users.size())));
        QCOMPARE(cost.rows[3][0], QStringLiteral("Total"));
        QVERIFY2(cost.rows[3][8].endsWith(QStringLiteral(" USD")), qPrintable(cost.rows[3][8]));
        // And how the intervals were made (LaMP-3: over the users).
        QVERIFY(html->contains(QStringLiteral("95% percentile bootstrap over the users")));
        // Charts embedded, the file needs nothing else.
        QCOMPARE(html->count(QStringLiteral("src=\"data:image/png;base64,")), 2);
        QVERIFY(!html->contains(QStringLiteral("src=\"chart-")));
        // Annotations: per label, per annotator, and the table; every text escaped.
        QVERIFY(html->contains(QString::fromStdString(builtinTaxonomy().labels[0].name)));
        QVERIFY(html->contains(QStringLiteral("ann &amp; &lt;b&gt;co&lt;/b&gt;")));
        QVERIFY(html->contains(QStringLiteral("plain note")));
        QVERIFY(!html->contains(QStringLiteral("<script>")));
        QVERIFY(!html->contains(QStringLiteral("<b>co</b>")));
        QVERIFY(html->contains(QStringLiteral("note &lt;script&gt;alert(1)&lt;/script&gt; "
                                              "&amp; &quot;quotes&quot;")));

        if (!snapshots_.isEmpty()) {
            QDir().mkpath(snapshots_);
            QVERIFY(writeReport(*store_, {runId_, std::nullopt, SystemId::Invalid},
                                snapshots_ + QStringLiteral("/run.html")));
            QVERIFY(writeReport(*store_, {runId_, std::nullopt, SystemId::Invalid},
                                snapshots_ + QStringLiteral("/run.pdf")));
            auto doc = buildReport(*store_, {runId_, std::nullopt, SystemId::Invalid});
            QVERIFY(doc);
            snapshotPages(*doc, snapshots_ + QStringLiteral("/run-html"));
        }
    }

    // Every number below is pasted from the output of
    //   /usr/bin/python3 tests/ui/data/report_fixture_oracle.py
    // which computes them with numpy from the same fixture, without the workbench's code.
    void knownRunReportSaysTheOraclesNumbers() {
        QVERIFY(knownRunId_ > 0);
        auto html = reportHtml(*known_, {knownRunId_, std::nullopt, SystemId::Invalid});
        QVERIFY2(html, html ? "" : html.error().message.c_str());

        // Metrics: value per system and metric; each interval within the oracle's bounds.
        const auto metrics =
            tableWithHeaders(*html, {QStringLiteral("System"), QStringLiteral("Metric"),
                                     QStringLiteral("Value"), QStringLiteral("95% interval")});
        struct MetricRow {
            QString system, metric, value;
            double lowest, highest;
        };
        const QList<MetricRow> expectedMetrics = {
            {QStringLiteral("R2P"), QStringLiteral("MAE"), QStringLiteral("0.667"), 0, 2},
            {QString(), QStringLiteral("RMSE"), QStringLiteral("1.000"), 0, 2},
            {QStringLiteral("LaMP RAG"), QStringLiteral("MAE"), QStringLiteral("0.500"), 0, 1},
            {QString(), QStringLiteral("RMSE"), QStringLiteral("0.707"), 0, 1},
            {QStringLiteral("No profile"), QStringLiteral("MAE"), QStringLiteral("2.000"), 0, 4},
            {QString(), QStringLiteral("RMSE"), QStringLiteral("2.366"), 0, 4}};
        QCOMPARE(metrics.rows.size(), expectedMetrics.size());
        for (qsizetype r = 0; r < expectedMetrics.size(); ++r) {
            const QStringList& row = metrics.rows[r];
            const MetricRow& e = expectedMetrics[r];
            QCOMPARE(row.size(), 4);
            QCOMPARE(row[0], e.system);
            QCOMPARE(row[1], e.metric);
            QCOMPARE(row[2], e.value);
            QVERIFY2(intervalWithin(row[3], e.lowest, e.highest), qPrintable(row.join(u'|')));
        }

        // Users, failures, format adherence, reasoning tokens and interventions.
        const auto users = tableWithHeaders(
            *html, {QStringLiteral("System"), QStringLiteral("Users"), QStringLiteral("Failed"),
                    QStringLiteral("Scored"), QStringLiteral("In format"),
                    QStringLiteral("Reasoning tokens per answer"),
                    QStringLiteral("Interventions per user")});
        const QList<QStringList> expectedUsers = {
            {QStringLiteral("R2P"), QStringLiteral("7"), QStringLiteral("0"), QStringLiteral("6"),
             QStringLiteral("86 %"), QStringLiteral("400"), QStringLiteral("0.57")},
            {QStringLiteral("LaMP RAG"), QStringLiteral("7"), QStringLiteral("0"),
             QStringLiteral("6"), QStringLiteral("100 %"), QStringLiteral("0"),
             QStringLiteral("0.00")},
            {QStringLiteral("No profile"), QStringLiteral("7"), QStringLiteral("1"),
             QStringLiteral("5"), QStringLiteral("50 %"), QStringLiteral("0"),
             QStringLiteral("0.00")}};
        QCOMPARE(rowTexts(users.rows), rowTexts(expectedUsers));

        // R2P against each baseline: paired users, delta and its side, win/tie/loss; the
        // interval within the oracle's bounds and P(R2P better) a share.
        const auto deltas = tableWithHeaders(
            *html, {QStringLiteral("Baseline"), QStringLiteral("Metric"), QStringLiteral("Users"),
                    QStringLiteral("Δ (R2P − baseline)"), QStringLiteral("95% interval"),
                    QStringLiteral("Win"), QStringLiteral("Tie"), QStringLiteral("Loss"),
                    QStringLiteral("P(R2P better)")});
        struct DeltaRow {
            QStringList cells; // baseline, metric, users, delta
            QStringList winTieLoss;
            double lowest, highest;
        };
        const QList<DeltaRow> expectedDeltas = {
            {{QStringLiteral("LaMP RAG"), QStringLiteral("MAE"), QStringLiteral("6"),
              QStringLiteral("+0.167 · R2P worse")},
             {QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3")},
             -1,
             1},
            {{QStringLiteral("LaMP RAG"), QStringLiteral("RMSE"), QStringLiteral("6"),
              QStringLiteral("+0.293 · R2P worse")},
             {QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("3")},
             -1,
             2},
            {{QStringLiteral("No profile"), QStringLiteral("MAE"), QStringLiteral("5"),
              QStringLiteral("−1.400 · R2P better")},
             {QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("1")},
             -4,
             2},
            {{QStringLiteral("No profile"), QStringLiteral("RMSE"), QStringLiteral("5"),
              QStringLiteral("−1.366 · R2P better")},
             {QStringLiteral("4"), QStringLiteral("0"), QStringLiteral("1")},
             -4,
             2}};
        QCOMPARE(deltas.rows.size(), expectedDeltas.size());
        static const QRegularExpression share(QStringLiteral("^([0-9]+) %$"));
        for (qsizetype r = 0; r < expectedDeltas.size(); ++r) {
            const QStringList& row = deltas.rows[r];
            const DeltaRow& e = expectedDeltas[r];
            QCOMPARE(row.size(), 9);
            QCOMPARE(row.mid(0, 4), e.cells);
            QVERIFY2(intervalWithin(row[4], e.lowest, e.highest), qPrintable(row.join(u'|')));
            QCOMPARE(row.mid(5, 3), e.winTieLoss);
            const auto m = share.match(row[8]);
            QVERIFY2(m.hasMatch() && m.captured(1).toInt() <= 100, qPrintable(row[8]));
        }

        // Cross-reference verdicts: R2P's counts; the baselines have none and no row.
        const auto verdicts =
            tableWithHeaders(*html, {QStringLiteral("System"), QStringLiteral("supported"),
                                     QStringLiteral("partial"), QStringLiteral("contradicted"),
                                     QStringLiteral("unsupported"), QStringLiteral("unparsed"),
                                     QStringLiteral("All")});
        const QList<QStringList> expectedVerdicts = {
            {QStringLiteral("R2P"), QStringLiteral("3"), QStringLiteral("1"), QStringLiteral("1"),
             QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("6")}};
        QCOMPARE(rowTexts(verdicts.rows), rowTexts(expectedVerdicts));

        // Worst users against LaMP RAG: every user R2P lost, largest loss first.
        const auto worst = tableWithHeaders(
            *html, {QStringLiteral("User"), QStringLiteral("Gold"), QStringLiteral("R2P answer"),
                    QStringLiteral("R2P"), QStringLiteral("LaMP RAG answer"),
                    QStringLiteral("LaMP RAG"), QStringLiteral("Δ (R2P − baseline)")});
        const QList<QStringList> expectedWorst = {
            {QStringLiteral("u2"), QStringLiteral("3"), QStringLiteral("2"),
             QStringLiteral("1.000"), QStringLiteral("3"), QStringLiteral("0.000"),
             QStringLiteral("+1.000 · R2P worse")},
            {QStringLiteral("u5"), QStringLiteral("2"), QStringLiteral("4"),
             QStringLiteral("2.000"), QStringLiteral("3"), QStringLiteral("1.000"),
             QStringLiteral("+1.000 · R2P worse")},
            {QStringLiteral("u6"), QStringLiteral("5"), QStringLiteral("4"),
             QStringLiteral("1.000"), QStringLiteral("5"), QStringLiteral("0.000"),
             QStringLiteral("+1.000 · R2P worse")}};
        QCOMPARE(rowTexts(worst.rows), rowTexts(expectedWorst));
    }

    void userReportHasInputAnswersStagesVerdictsAndAnnotations() {
        auto html = reportHtml(*store_, {runId_, hostileUser_, SystemId::Invalid});
        QVERIFY2(html, html ? "" : html.error().message.c_str());
        RunStore runs(*store_);
        auto r2p = runs.userTrace(runId_, hostileUser_, SystemId::R2P);
        auto lamp = runs.userTrace(runId_, hostileUser_, SystemId::LampRag);
        QVERIFY(r2p && lamp && r2p->gold);
        QVERIFY(html->contains(QString::fromStdString(hostileUser_)));
        for (const char* section :
             {"Query", "Retrieved history", "Answers", "R2P stages", "Task analysis",
              "Profile synthesis", "Answer plan", "Cross-reference verdicts", "Annotations"})
            QVERIFY2(html->contains(QLatin1String(section)), section);
        // The input from the questions file; the gold; each system's answer.
        QVERIFY(html->contains(QStringLiteral("What is the score of the following review")));
        QVERIFY(html->contains(QStringLiteral("Gold:")));
        QVERIFY(html->contains(QString::fromStdString(lamp->prediction).toHtmlEscaped()));
        QVERIFY(html->contains(QStringLiteral("No profile")) ||
                html->contains(QStringLiteral("no-profile")));
        // The intervention with its rule, evidence and injected text; verdicts with evidence.
        QVERIFY(html->contains(QStringLiteral("injected &lt;script&gt;")));
        QVERIFY(html->contains(QStringLiteral("evidence &lt;script&gt;")));
        QVERIFY(html->contains(QStringLiteral("reason &lt;script&gt;")));
        QVERIFY(html->contains(QStringLiteral("[P")));
        QVERIFY(html->contains(QStringLiteral("supported")) ||
                html->contains(QStringLiteral("partial")) ||
                html->contains(QStringLiteral("unsupported")) ||
                html->contains(QStringLiteral("contradicted")));
        // This user's annotation only.
        QVERIFY(html->contains(QStringLiteral("note &lt;script&gt;")));
        QVERIFY(!html->contains(QStringLiteral("plain note")));
        QVERIFY(!html->contains(QStringLiteral("<script>")));
        QVERIFY(html->contains(QStringLiteral("&amp; &quot;quotes&quot;")));

        if (!snapshots_.isEmpty()) {
            QVERIFY(writeReport(*store_, {runId_, hostileUser_, SystemId::Invalid},
                                snapshots_ + QStringLiteral("/user.html")));
            QVERIFY(writeReport(*store_, {runId_, hostileUser_, SystemId::Invalid},
                                snapshots_ + QStringLiteral("/user.pdf")));
            auto doc = buildReport(*store_, {runId_, hostileUser_, SystemId::Invalid});
            QVERIFY(doc);
            snapshotPages(*doc, snapshots_ + QStringLiteral("/user-html"));
        }
    }

    void pdfsAreWrittenWholeAndARunReportHasSeveralPages() {
        const QString run = path(QStringLiteral("run.pdf"));
        auto written = writeReport(*store_, {runId_, std::nullopt, SystemId::Invalid}, run);
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        const QByteArray pdf = readAll(run);
        QVERIFY(pdf.startsWith("%PDF"));
        QVERIFY2(pdfPages(pdf) > 1, qPrintable(QString::number(pdfPages(pdf))));
        const QString user = path(QStringLiteral("user.PDF"));
        QVERIFY(writeReport(*store_, {runId_, plainUser_, SystemId::Invalid}, user));
        QVERIFY(readAll(user).startsWith("%PDF"));
        // HTML by extension too, and another baseline on request.
        const QString html = path(QStringLiteral("run.htm"));
        QVERIFY(writeReport(*store_, {runId_, std::nullopt, SystemId::NoProfile}, html));
        const QString text = QString::fromUtf8(readAll(html));
        QVERIFY(text.startsWith(QStringLiteral("<!DOCTYPE html>")));
        QVERIFY(text.contains(QStringLiteral("Worst users against No profile")) ||
                text.contains(QStringLiteral("Worst users against")));
    }

    void unknownRunsAndUsersAreErrorsThatNameThemAndWriteNothing() {
        const QString file = path(QStringLiteral("missing.html"));
        auto noRun = writeReport(*store_, {987654, std::nullopt, SystemId::Invalid}, file);
        QVERIFY(!noRun);
        QVERIFY2(QString::fromStdString(noRun.error().message).contains(QStringLiteral("987654")),
                 noRun.error().message.c_str());
        QVERIFY(!QFile::exists(file));
        QVERIFY(!reportHtml(*store_, {987654, std::nullopt, SystemId::Invalid}));

        const QString pdf = path(QStringLiteral("missing.pdf"));
        auto noUser =
            writeReport(*store_, {runId_, std::string("no-such-user"), SystemId::Invalid}, pdf);
        QVERIFY(!noUser);
        QVERIFY2(
            QString::fromStdString(noUser.error().message).contains(QStringLiteral("no-such-user")),
            noUser.error().message.c_str());
        QVERIFY(!QFile::exists(pdf));
    }

    void unwritablePathsAndOtherFormatsAreErrors() {
        QFile blocker(path(QStringLiteral("plain-file")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        for (const QString& target : {path(QStringLiteral("plain-file/report.html")),
                                      path(QStringLiteral("no/such/dir/report.pdf"))}) {
            auto r = writeReport(*store_, {runId_, std::nullopt, SystemId::Invalid}, target);
            QVERIFY2(!r, qPrintable(target));
            QVERIFY2(QString::fromStdString(r.error().message).contains(target),
                     r.error().message.c_str());
            QVERIFY(!QFile::exists(target));
        }
        const QString docx = path(QStringLiteral("report.docx"));
        auto r = writeReport(*store_, {runId_, std::nullopt, SystemId::Invalid}, docx);
        QVERIFY(!r);
        QVERIFY(QString::fromStdString(r.error().message).contains(QStringLiteral(".pdf")));
        QVERIFY(!QFile::exists(docx));
        // Nothing half-written was left beside the targets either.
        const QStringList left = QDir(dir_.path()).entryList(QDir::Files);
        for (const QString& name : left)
            QVERIFY2(!name.startsWith(QStringLiteral("missing")) &&
                         !name.startsWith(QStringLiteral("report.docx")),
                     qPrintable(name));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
