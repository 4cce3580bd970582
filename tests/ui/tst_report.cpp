// Stakeholder reports, offscreen: a stored offline run of the LaMP-3 demo reported as HTML and
// PDF, for the whole run and for one user, with model text that must come out escaped.
// R2P_REPORT_SNAPSHOTS=DIR also leaves the reports and PNG renderings of their HTML there.
#include "model/Annotation.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Taxonomy.h"
#include "model/Util.h"
#include "pipeline/engine/Batch.h"
#include "pipeline/engine/Engine.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/engine/RunSummary.h"
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

using namespace r2p;
using namespace r2p::ui;

namespace {

const std::string kHostile = "<script>alert(1)</script> & \"quotes\"";

QString number(double v) {
    return QLocale().toString(v, 'f', 3);
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

    QString path(const QString& name) const { return dir_.filePath(name); }

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
        info.status = "running";
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
        QVERIFY(runs.setRunStatus(runId_, "done"));

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
        e.mode = "offline";
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
    }

    // With R2P_REPORT_SNAPSHOTS, the project too, to try `r2p-workbench --report` on.
    void cleanupTestCase() {
        store_.reset();
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

        // Every metric and delta as RunSummary has them (the same bootstrap as `r2p run`).
        auto outcomes = runs.outcomes(runId_);
        auto verdicts = runs.verdictCounts(runId_);
        QVERIFY(outcomes && verdicts);
        const auto config = engine::engineConfigFromJson(info->config, info->model);
        auto summary = engine::summarizeRun(runId_, info->task, info->systems, *outcomes, *verdicts,
                                            {1000, config.seed, 0.95});
        QVERIFY(summary);
        QCOMPARE(summary->systems.size(), std::size_t{3});
        for (const auto& s : summary->systems)
            for (std::size_t m = 0; m < s.metrics.size(); ++m) {
                QVERIFY(html->contains(QStringLiteral(">%1<").arg(number(s.metrics[m].second))));
                const auto& ci = s.intervals[m].second;
                QVERIFY(html->contains(
                    QStringLiteral("[%1,&nbsp;%2]").arg(number(ci.lo), number(ci.hi))));
            }
        QCOMPARE(summary->deltas.size(), std::size_t{2 * 2}); // MAE and RMSE, two baselines
        for (const auto& d : summary->deltas) {
            const auto& c = d.comparison;
            QVERIFY(html->contains(
                QStringLiteral("[%1,&nbsp;%2]").arg(number(c.ci.lo), number(c.ci.hi))));
            QVERIFY(html->contains(QStringLiteral(">%1<").arg(c.wins)));
            // Each delta says which side it favours: MAE and RMSE, so negative is R2P better.
            if (c.delta != 0) {
                const QString cell =
                    QStringLiteral("%1%2&nbsp;·&nbsp;R2P&nbsp;%3")
                        .arg(c.delta > 0 ? QStringLiteral("+") : QStringLiteral("−"),
                             number(std::fabs(c.delta)),
                             c.delta < 0 ? QStringLiteral("better") : QStringLiteral("worse"));
                QVERIFY2(html->contains(cell), qPrintable(cell));
            }
        }
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
