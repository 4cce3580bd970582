#include "CompareRunsWindow.h"

#include "model/Annotation.h"
#include "model/RunStore.h"
#include "pipeline/metrics/WordDiff.h"
#include "ui/AnnotationText.h"
#include "ui/RunText.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/models/PairedUsersModel.h"
#include "ui/widgets/ChartAxes.h"
#include "ui/widgets/ChartExport.h"
#include "ui/widgets/DeltaText.h"
#include "ui/widgets/TagChainView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScreen>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>
#include <set>

namespace r2p::ui {

namespace {

const QString kCompareTag = QStringLiteral("compare-runs");

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString clipped(const std::string& s, int chars) {
    QString t = QString::fromStdString(s);
    if (t.size() > chars)
        t = t.left(chars) + QChar(0x2026);
    return t.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString sideName(const analysis::ComparedSide& s) {
    return CompareRunsWindow::tr("Run %1 · %2").arg(s.run).arg(StageText::system(s.system));
}

QString number(double v, int decimals) {
    return QLocale().toString(v, 'f', decimals);
}

// "p = 0.031" or "p < 0.001".
QString pText(double p) {
    return p < 0.001 ? CompareRunsWindow::tr("< 0.001") : number(p, 3);
}

QString testName(const analysis::Comparison& c) {
    return c.test == analysis::PairedTest::McNemar ? CompareRunsWindow::tr("exact McNemar")
                                                   : CompareRunsWindow::tr("Wilcoxon signed-rank");
}

QTableWidgetItem* item(const QString& text, bool number = false) {
    auto* i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    if (number)
        i->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return i;
}

} // namespace

CompareRunsWindow::CompareRunsWindow(Session* session, QWidget* parent)
    : QWidget(parent, Qt::Window), session_(session) {
    setObjectName(QStringLiteral("CompareRunsWindow"));
    setWindowTitle(tr("Compare Runs"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildChooser());
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("CompareRunsStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(status_);

    comparisons_ = new QTableWidget(0, 9, this);
    comparisons_->setObjectName(QStringLiteral("CompareRunsComparisons"));
    comparisons_->setHorizontalHeaderLabels(
        {tr("A"), tr("B"), tr("Users"), tr("A's value"), tr("B's value"), tr("Δ (B − A) [95% CI]"),
         tr("B wins / ties / losses"), tr("Paired test"), tr("p (Holm)")});
    comparisons_->setSelectionBehavior(QAbstractItemView::SelectRows);
    comparisons_->setSelectionMode(QAbstractItemView::SingleSelection);
    comparisons_->verticalHeader()->hide();
    comparisons_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    comparisons_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    comparisons_->horizontalHeader()->setStretchLastSection(false);
    connect(comparisons_, &QTableWidget::currentCellChanged, this,
            [this](int row) { showComparison(row); });

    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(comparisons_);
    vertical->addWidget(buildUsersPane());
    auto* both = new QSplitter(Qt::Horizontal, vertical);
    both->addWidget(buildSidePane(SideA));
    both->addWidget(buildSidePane(SideB));
    vertical->addWidget(both);
    const int line = fontMetrics().height();
    vertical->setSizes({line * 9, line * 26, line * 18}); // the comparisons: five rows in view
    layout->addWidget(vertical, 1);

    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        filter_->setFocus();
        filter_->selectAll();
    });
    connect(session_, &Session::runsChanged, this, &CompareRunsWindow::reloadRuns);
    connect(session_, &Session::datasetChanged, this, &CompareRunsWindow::reloadRuns);
    connect(session_, &Session::annotationsChanged, this, [this] {
        renderSide(SideA);
        renderSide(SideB);
    });
    // 1280 × 860, or what the screen leaves (a 1366 × 768 laptop).
    QSize size(1280, 860);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.95);
    resize(size);
    reloadRuns();
    fillLabels();
}

QWidget* CompareRunsWindow::buildChooser() {
    auto* box = new QWidget(this);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    runs_ = new QListWidget(box);
    runs_->setObjectName(QStringLiteral("CompareRunsList"));
    runs_->setMaximumHeight(fontMetrics().height() * 5 + 8); // four runs in view
    runs_->setToolTip(tr("Check two or more runs of this dataset, or one run to compare its "
                         "systems with each other."));
    auto* runsLabel = new QLabel(tr("&Runs:"), box);
    runsLabel->setBuddy(runs_);
    row->addWidget(runsLabel, 0, Qt::AlignTop);
    row->addWidget(runs_, 1);
    auto* form = new QFormLayout;
    systems_ = new QComboBox(box);
    systems_->setObjectName(QStringLiteral("CompareRunsSystems"));
    metric_ = new QComboBox(box);
    metric_->setObjectName(QStringLiteral("CompareRunsMetric"));
    form->addRow(tr("&Systems:"), systems_);
    form->addRow(tr("&Metric:"), metric_);
    compareButton_ = new QPushButton(tr("&Compare"), box);
    compareButton_->setObjectName(QStringLiteral("CompareRunsButton"));
    compareButton_->setDefault(true);
    form->addRow(QString(), compareButton_);
    row->addLayout(form);
    connect(runs_, &QListWidget::itemChanged, this, [this] { updateChoices(); });
    connect(compareButton_, &QPushButton::clicked, this, &CompareRunsWindow::compare);
    return box;
}

QWidget* CompareRunsWindow::buildUsersPane() {
    auto* split = new QSplitter(Qt::Horizontal, this);
    auto* left = new QWidget(split);
    auto* lv = new QVBoxLayout(left);
    lv->setContentsMargins(0, 0, 0, 0);
    filter_ = new QLineEdit(left);
    filter_->setObjectName(QStringLiteral("CompareRunsFilter"));
    filter_->setPlaceholderText(
        tr("Filter users: is:regression, is:improvement, is:tie or words (Ctrl+F)"));
    filter_->setClearButtonEnabled(true);
    lv->addWidget(filter_);
    users_ = new PairedUsersModel(this);
    usersView_ = new QTableView(left);
    usersView_->setObjectName(QStringLiteral("CompareRunsUsers"));
    usersView_->setModel(users_);
    usersView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    usersView_->setSelectionMode(QAbstractItemView::SingleSelection);
    usersView_->setSortingEnabled(true);
    usersView_->sortByColumn(-1, Qt::AscendingOrder);
    usersView_->verticalHeader()->hide();
    usersView_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    usersView_->horizontalHeader()->setStretchLastSection(true);
    usersView_->setWordWrap(false);
    lv->addWidget(usersView_, 1);
    connect(filter_, &QLineEdit::textChanged, this, &CompareRunsWindow::applyFilter);
    connect(usersView_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& now) { showUser(now.row()); });
    // Columns fit what a new comparison or filter shows (Qt measures the rows in view only).
    connect(users_, &QAbstractItemModel::modelReset, this,
            [this] { usersView_->resizeColumnsToContents(); });

    auto* right = new QWidget(split);
    auto* rv = new QVBoxLayout(right);
    rv->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(right);
    summary_->setObjectName(QStringLiteral("CompareRunsSummary"));
    summary_->setWordWrap(true);
    summary_->setMinimumHeight(fontMetrics().lineSpacing() * 4 + 4); // three lines, one wrapped
    rv->addWidget(summary_);
    agreement_ = new QTableWidget(2, 2, right);
    agreement_->setObjectName(QStringLiteral("CompareRunsAgreement"));
    agreement_->setHorizontalHeaderLabels({tr("B right"), tr("B wrong")});
    agreement_->setVerticalHeaderLabels({tr("A right"), tr("A wrong")});
    agreement_->setToolTip(tr("Users by correctness on each side; the off-diagonal cells are the "
                              "discordant pairs McNemar's test counts."));
    agreement_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    agreement_->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    agreement_->setFixedHeight(agreement_->horizontalHeader()->sizeHint().height() +
                               2 * agreement_->verticalHeader()->defaultSectionSize() +
                               2 * agreement_->frameWidth());
    agreement_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    agreement_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    agreement_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rv->addWidget(agreement_);
    chart_ = new QChartView(right);
    chart_->setObjectName(QStringLiteral("CompareRunsChart"));
    chart_->setRenderHint(QPainter::Antialiasing);
    chart_->setMinimumHeight(fontMetrics().height() * 14); // room for five count ticks
    rv->addWidget(chart_, 1);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    return split;
}

QWidget* CompareRunsWindow::buildSidePane(Side side) {
    auto* box = new QWidget(this);
    auto* v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    SidePane& p = sides_[side];
    const QString suffix = side == SideA ? QStringLiteral("A") : QStringLiteral("B");
    p.title = new QLabel(box);
    p.title->setObjectName(QStringLiteral("CompareRunsTitle") + suffix);
    p.title->setTextFormat(Qt::RichText);
    v->addWidget(p.title);
    p.trace = new QTextBrowser(box);
    p.trace->setObjectName(QStringLiteral("CompareRunsTrace") + suffix);
    v->addWidget(p.trace, 1);
    auto* row = new QHBoxLayout;
    p.label = new QComboBox(box);
    p.label->setObjectName(QStringLiteral("CompareRunsLabel") + suffix);
    p.severity = new QComboBox(box);
    p.severity->setObjectName(QStringLiteral("CompareRunsSeverity") + suffix);
    for (auto s :
         {AnnotationSeverity::Minor, AnnotationSeverity::Major, AnnotationSeverity::Critical})
        p.severity->addItem(AnnotationText::severity(s), static_cast<int>(s));
    p.note = new QLineEdit(box);
    p.note->setObjectName(QStringLiteral("CompareRunsNote") + suffix);
    p.note->setPlaceholderText(tr("Note (optional)"));
    p.add = new QPushButton(side == SideA ? tr("Label &A") : tr("Label &B"), box);
    p.add->setObjectName(QStringLiteral("CompareRunsAdd") + suffix);
    p.add->setToolTip(tr("Adds the failure label to this side's run of the shown user."));
    p.add->setEnabled(false);
    row->addWidget(p.label, 2);
    row->addWidget(p.severity);
    row->addWidget(p.note, 3);
    row->addWidget(p.add);
    v->addLayout(row);
    auto add = [this, side] {
        QString error;
        if (!addLabel(side, &error))
            status_->setText(error);
    };
    connect(p.add, &QPushButton::clicked, this, add);
    connect(p.note, &QLineEdit::returnPressed, this, add);
    return box;
}

void CompareRunsWindow::fillLabels() {
    for (SidePane& p : sides_) {
        p.label->clear();
        for (const auto& l : session_->taxonomy().labels)
            p.label->addItem(AnnotationText::labelName(session_->taxonomy(), l.id),
                             QString::fromStdString(l.id));
    }
}

void CompareRunsWindow::reloadRuns() {
    const auto checked = checkedRuns();
    const QSignalBlocker block(runs_);
    runs_->clear();
    for (const RunInfo& info : session_->runsOfDataset()) {
        auto* i = new QListWidgetItem(RunText::title(info), runs_);
        i->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(info.id));
        i->setToolTip(RunText::toolTip(info));
        i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        const bool on = std::find(checked.begin(), checked.end(), info.id) != checked.end();
        i->setCheckState(on ? Qt::Checked : Qt::Unchecked);
    }
    updateChoices();
}

void CompareRunsWindow::checkRuns(const std::vector<std::int64_t>& runs) {
    {
        const QSignalBlocker block(runs_);
        for (int r = 0; r < runs_->count(); ++r) {
            QListWidgetItem* i = runs_->item(r);
            const auto id = i->data(Qt::UserRole).toLongLong();
            i->setCheckState(std::find(runs.begin(), runs.end(), id) != runs.end() ? Qt::Checked
                                                                                   : Qt::Unchecked);
        }
    }
    updateChoices();
}

std::vector<std::int64_t> CompareRunsWindow::checkedRuns() const {
    std::vector<std::int64_t> out; // oldest first, as r2p compare takes them
    for (int r = runs_->count() - 1; r >= 0; --r)
        if (runs_->item(r)->checkState() == Qt::Checked)
            out.push_back(runs_->item(r)->data(Qt::UserRole).toLongLong());
    return out;
}

// The systems of the checked runs and the task's metrics; the choices made stay if they can.
void CompareRunsWindow::updateChoices() {
    const auto checked = checkedRuns();
    const int system = systems_->currentData().isValid() ? systems_->currentData().toInt() : -1;
    const QString metric = metric_->currentData().toString();
    systems_->clear();
    systems_->addItem(tr("Every system the runs share"), -1);
    std::vector<SystemId> seen;
    TaskId task = TaskId::Invalid;
    for (const RunInfo& info : session_->runsOfDataset()) {
        if (std::find(checked.begin(), checked.end(), info.id) == checked.end())
            continue;
        task = info.task;
        for (SystemId s : info.systems)
            if (std::find(seen.begin(), seen.end(), s) == seen.end()) {
                seen.push_back(s);
                systems_->addItem(StageText::system(s), static_cast<int>(s));
            }
    }
    systems_->setCurrentIndex(std::max(0, systems_->findData(system)));
    metric_->clear();
    if (task != TaskId::Invalid)
        for (const auto& m : analysis::taskMetrics(taskSpec(task).kind))
            metric_->addItem(QString::fromStdString(m), QString::fromStdString(m));
    metric_->setCurrentIndex(std::max(0, metric_->findData(metric)));
    compareButton_->setEnabled(!checked.empty());
    if (checked.empty())
        status_->setText(tr("Check two or more runs (or one run with two or more systems), "
                            "then Compare."));
    else if (checked.size() == 1)
        status_->setText(tr("One run: its systems are compared with each other."));
    else
        status_->setText(tr("%n run(s) checked.", nullptr, static_cast<int>(checked.size())));
}

void CompareRunsWindow::compare() {
    if (!session_->store())
        return;
    analysis::CompareRequest request;
    request.runs = checkedRuns();
    if (const int s = systems_->currentData().toInt(); s > 0)
        request.systems = {static_cast<SystemId>(s)};
    request.metric = metric_->currentData().toString().toStdString();
    request.keepUsers = true;
    status_->setText(tr("Comparing…"));
    compareButton_->setEnabled(false);
    tasks_.start(
        kCompareTag, LatestTask::Pool::Short,
        [path = session_->store()->path(),
         request](const std::atomic<bool>&) -> Result<analysis::RunComparison> {
            auto store = ProjectStore::open(path, ProjectStore::OpenMode::ReadOnly);
            if (!store)
                return store.error();
            bool badInput = false;
            return analysis::compareRuns(**store, request, badInput);
        },
        [this](Result<analysis::RunComparison> r) { deliver(std::move(r)); });
}

bool CompareRunsWindow::isComparing() const {
    return tasks_.isPending(kCompareTag);
}

void CompareRunsWindow::deliver(Result<analysis::RunComparison> result) {
    compareButton_->setEnabled(!checkedRuns().empty());
    if (!result) {
        status_->setText(tr("Cannot compare: %1").arg(esc(result.error().message)));
        emit compared(false);
        return;
    }
    result_ = std::make_shared<const analysis::RunComparison>(std::move(*result));
    const auto& r = *result_;
    status_->setText(
        tr("%1 · %2 (%3) · per user: %4 · %n comparison(s); p-values Holm-adjusted across them; "
           "intervals: %5 seeded paired bootstrap resamples.",
           nullptr, static_cast<int>(r.comparisons.size()))
            .arg(QString::fromLatin1(taskSpec(r.task).name), QString::fromStdString(r.metric),
                 DeltaText::direction(r.better == metrics::Better::Lower),
                 PairedUsersModel::itemScoreText(r.itemScore),
                 QLocale().toString(r.bootstrap.resamples)));
    fillComparisons();
    emit compared(true);
}

void CompareRunsWindow::fillComparisons() {
    const auto& r = *result_;
    const bool lower = r.better == metrics::Better::Lower;
    const int decimals = taskSpec(r.task).kind == TaskKind::Generation ? 4 : 3;
    const QSignalBlocker block(comparisons_);
    comparisons_->setRowCount(static_cast<int>(r.comparisons.size()));
    for (int row = 0; row < comparisons_->rowCount(); ++row) {
        const auto& c = r.comparisons[static_cast<std::size_t>(row)];
        comparisons_->setItem(row, 0, item(sideName(c.a)));
        comparisons_->setItem(row, 1, item(sideName(c.b)));
        comparisons_->setItem(row, 2, item(QLocale().toString(static_cast<qlonglong>(c.n)), true));
        comparisons_->setItem(row, 3, item(number(c.a.value, decimals), true));
        comparisons_->setItem(row, 4, item(number(c.b.value, decimals), true));
        auto* delta =
            item(QStringLiteral("%1 [%2, %3]")
                     .arg(DeltaText::value(c.delta, decimals), DeltaText::value(c.ci.lo, decimals),
                          DeltaText::value(c.ci.hi, decimals)),
                 true);
        const auto side = DeltaText::side(c.delta, lower);
        if (side != DeltaText::Side::Same)
            delta->setForeground(DeltaText::colour(c.delta, lower));
        delta->setToolTip(side == DeltaText::Side::Same     ? tr("no difference")
                          : side == DeltaText::Side::Better ? tr("B better")
                                                            : tr("B worse"));
        comparisons_->setItem(row, 5, delta);
        comparisons_->setItem(
            row, 6, item(QStringLiteral("%1 / %2 / %3").arg(c.wins).arg(c.ties).arg(c.losses)));
        comparisons_->setItem(row, 7, item(testName(c)));
        comparisons_->setItem(
            row, 8, item(QStringLiteral("%1 (%2)").arg(pText(c.p), pText(c.pHolm)), true));
    }
    shownComparison_ = -1;
    if (comparisons_->rowCount() > 0) {
        comparisons_->setCurrentCell(0, 0);
        showComparison(0);
    } else {
        users_->setComparison(nullptr, 0);
        summary_->clear();
    }
}

void CompareRunsWindow::showComparison(int row) {
    if (!result_ || row < 0 || row >= static_cast<int>(result_->comparisons.size()) ||
        row == shownComparison_)
        return;
    shownComparison_ = row;
    const auto& c = result_->comparisons[static_cast<std::size_t>(row)];
    users_->setComparison(result_, static_cast<std::size_t>(row));
    QString unpaired;
    if (c.unpaired.total() > 0)
        unpaired = tr(" · %n user(s) not paired (not in both runs, unfinished, failed or "
                      "without a score)",
                      nullptr, static_cast<int>(c.unpaired.total()));
    QString test;
    if (c.test == analysis::PairedTest::McNemar)
        test = tr("Exact McNemar on %1 discordant users (A only right: %2, B only right: %3): "
                  "p = %4, Holm %5.")
                   .arg(c.onlyACorrect + c.onlyBCorrect)
                   .arg(c.onlyACorrect)
                   .arg(c.onlyBCorrect)
                   .arg(pText(c.p), pText(c.pHolm));
    else
        test = tr("Wilcoxon signed-rank on the per-user %1 (%2 non-zero differences): p = %3, "
                  "Holm %4.")
                   .arg(PairedUsersModel::itemScoreText(result_->itemScore))
                   .arg(c.wilcoxon.used)
                   .arg(pText(c.p), pText(c.pHolm));
    const QString changes =
        QStringList{tr("%n improvement(s)", nullptr, static_cast<int>(c.improvementCount)),
                    tr("%n regression(s)", nullptr, static_cast<int>(c.regressionCount)),
                    tr("%n tie(s)", nullptr, static_cast<int>(c.ties))}
            .join(QStringLiteral(" · "));
    summary_->setText(
        tr("<b>%1</b> against <b>%2</b>: %n paired user(s)%3.", nullptr, static_cast<int>(c.n))
            .arg(sideName(c.a).toHtmlEscaped(), sideName(c.b).toHtmlEscaped(),
                 unpaired.toHtmlEscaped()) +
        QStringLiteral("<br>%1<br>%2.").arg(test.toHtmlEscaped(), changes.toHtmlEscaped()));
    const bool classification = taskSpec(result_->task).kind == TaskKind::Classification;
    agreement_->setVisible(classification);
    if (classification)
        fillAgreement(c);
    fillChart(c);
    sides_[SideA].title->setText(tr("<b>A:</b> %1").arg(sideName(c.a).toHtmlEscaped()));
    sides_[SideB].title->setText(tr("<b>B:</b> %1").arg(sideName(c.b).toHtmlEscaped()));
    // The user shown stays if this comparison pairs it too.
    int keep = -1;
    for (int r = 0; r < users_->rowCount() && !shownUser_.empty(); ++r)
        if (users_->userAt(r)->userId == shownUser_) {
            keep = r;
            break;
        }
    if (keep < 0 && users_->rowCount() > 0)
        keep = 0;
    if (keep >= 0)
        usersView_->setCurrentIndex(users_->index(keep, 0));
    else
        showUser(-1);
}

void CompareRunsWindow::fillAgreement(const analysis::Comparison& c) {
    std::size_t both = 0, onlyA = 0, onlyB = 0, neither = 0;
    for (const auto& u : c.users) {
        const bool a = u.a > 0.5, b = u.b > 0.5;
        (a && b ? both : a ? onlyA : b ? onlyB : neither)++;
    }
    const std::size_t cells[2][2] = {{both, onlyA}, {onlyB, neither}};
    for (int r = 0; r < 2; ++r)
        for (int col = 0; col < 2; ++col) {
            auto* i = item(QLocale().toString(static_cast<qlonglong>(cells[r][col])), true);
            if (r != col)
                i->setFont([f = font()]() mutable {
                    f.setBold(true);
                    return f;
                }());
            agreement_->setItem(r, col, i);
        }
}

// The per-user changes as a histogram: B − A in the user's score, by the metric's direction
// (right of zero is better for B) — three bars (−1, 0, +1) for correctness.
void CompareRunsWindow::fillChart(const analysis::Comparison& c) {
    const bool lower = result_->better == metrics::Better::Lower;
    const TaskKind kind = taskSpec(result_->task).kind;
    std::vector<double> d;
    d.reserve(c.users.size());
    double maxAbs = 0;
    for (const auto& u : c.users) {
        d.push_back((lower ? -1.0 : 1.0) * (u.b - u.a));
        maxAbs = std::max(maxAbs, std::fabs(d.back()));
    }
    QStringList labels;
    std::vector<int> counts;
    if (kind == TaskKind::Classification) {
        labels = {tr("only A right"), tr("same"), tr("only B right")};
        counts.assign(3, 0);
        for (double v : d)
            ++counts[v < 0 ? 0 : v > 0 ? 2 : 1];
    } else {
        // Symmetric bins around zero, zero in a bin of its own (ties are common).
        const double top = maxAbs > 0 ? maxAbs : 1;
        const int half = 5;
        const double width = top / half;
        const int decimals = width >= 1 ? 0 : width >= 0.1 ? 1 : 2;
        for (int b = -half; b < 0; ++b)
            labels << QStringLiteral("%1…%2").arg(axisNumber(b * width, decimals),
                                                  axisNumber((b + 1) * width, decimals));
        labels << QStringLiteral("0");
        for (int b = 0; b < half; ++b)
            labels << QStringLiteral("%1…%2").arg(axisNumber(b * width, decimals),
                                                  axisNumber((b + 1) * width, decimals));
        counts.assign(static_cast<std::size_t>(labels.size()), 0);
        for (double v : d) {
            if (v == 0) {
                ++counts[half];
                continue;
            }
            int b = static_cast<int>(std::ceil(std::fabs(v) / width)) - 1;
            b = std::clamp(b, 0, half - 1);
            ++counts[static_cast<std::size_t>(v < 0 ? half - 1 - b : half + 1 + b)];
        }
    }
    auto* set = new QBarSet(tr("Users"));
    int maxCount = 0;
    for (int n : counts) {
        *set << n;
        maxCount = std::max(maxCount, n);
    }
    set->setColor(QColor(0x5c, 0x6b, 0xc0));
    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.9);
    auto* chart = new QChart;
    chart->setTitle(tr("Per-user change, B against A (right of the middle: B better)"));
    chart->legend()->hide();
    chart->addSeries(series);
    auto* x = new QBarCategoryAxis;
    x->append(labels);
    auto* y = new QValueAxis;
    setCountAxis(y, maxCount);
    y->setTitleText(tr("Users"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    replaceChart(chart_, chart);
}

void CompareRunsWindow::applyFilter() {
    QString error;
    if (!users_->setFilter(filter_->text(), &error)) {
        filter_->setToolTip(error);
        filter_->setStyleSheet(QStringLiteral("QLineEdit { color: #c62828; }"));
        return;
    }
    filter_->setToolTip(QString());
    filter_->setStyleSheet(QString());
    for (int r = 0; r < users_->rowCount(); ++r)
        if (users_->userAt(r)->userId == shownUser_) {
            usersView_->setCurrentIndex(users_->index(r, 0));
            return;
        }
    if (users_->rowCount() > 0)
        usersView_->setCurrentIndex(users_->index(0, 0));
    else
        showUser(-1);
}

void CompareRunsWindow::showUser(int row) {
    const analysis::UserChange* u = users_->userAt(row);
    shownUser_ = u ? u->userId : std::string();
    renderSide(SideA);
    renderSide(SideB);
}

namespace {

// One side's trace: its answer marked against the gold, its scores, every stage (reasoning in
// grey, the stage's text, interventions flagged), the cross-reference verdicts, and the labels
// this side's run already has for the user.
QString traceHtml(ProjectStore* store, const UserTrace& t, const std::vector<Annotation>& labels,
                  const Taxonomy& taxonomy) {
    if (t.status != UserStatus::Done)
        return CompareRunsWindow::tr("<p style='color:#b71c1c'>Failed: %1</p>").arg(esc(t.error));
    QStringList scores;
    for (const auto& [k, v] : t.scores)
        if (k != "squared_error")
            scores << QStringLiteral("%1 %2").arg(QString::fromStdString(k), number(v, 3));
    QString html = QStringLiteral("<p>%1 %2</p>")
                       .arg(StageText::correctMark(t), scores.join(QStringLiteral(" · ")));
    QStringList answer;
    for (const auto& w : metrics::wordDiff(t.prediction, t.gold.value_or(std::string())).answer)
        answer << (w.matched ? QStringLiteral("<span style='background:#c8e6c9; "
                                              "color:#1b5e20'>%1</span>")
                                   .arg(esc(w.text))
                             : esc(w.text));
    html += CompareRunsWindow::tr("<p><b>Answer:</b> %1</p>").arg(answer.join(QLatin1Char(' ')));
    for (const auto& step : t.steps) {
        if (step.stage == StageId::Score)
            continue;
        const bool numbered = step.stage == StageId::Candidates ||
                              step.stage == StageId::CrossReference || step.candidate > 0;
        html += QStringLiteral("<p><b>%1</b>")
                    .arg(numbered ? StageText::stage(step.stage, step.candidate)
                                  : StageText::stage(step.stage));
        if (step.attempts > 1)
            html +=
                CompareRunsWindow::tr(" <span style='color:#e65100'>⚑ %n intervention(s)</span>",
                                      nullptr, step.attempts - 1);
        // A tagged chain (TagPR's, or tags stored) shows its segments on their tags' colours.
        if (const QString tagged = taggedStepHtml(store, t, step, 1400); !tagged.isEmpty()) {
            html += QStringLiteral("<br>%1</p>").arg(tagged);
            continue;
        }
        if (!step.reasoning.empty())
            html += QStringLiteral("<br><span style='color:#616161'><i>%1</i></span>")
                        .arg(clipped(step.reasoning, 600));
        html += QStringLiteral("<br>%1</p>").arg(clipped(step.answer, 800));
    }
    for (const auto& v : t.verdicts)
        html += CompareRunsWindow::tr("<p>Candidate %1: <b>%2</b>%3</p>")
                    .arg(v.candidate + 1)
                    .arg(StageText::verdict(v.verdict),
                         v.chosen ? CompareRunsWindow::tr(" · chosen") : QString());
    if (!labels.empty()) {
        html += CompareRunsWindow::tr("<p><b>Labels:</b></p><ul>");
        for (const auto& a : labels)
            html += QStringLiteral("<li>%1 (%2)%3</li>")
                        .arg(AnnotationText::labelName(taxonomy, a.label).toHtmlEscaped(),
                             AnnotationText::severity(a.severity),
                             a.note.empty() ? QString() : QStringLiteral(": ") + esc(a.note));
        html += QStringLiteral("</ul>");
    }
    return html;
}

} // namespace

void CompareRunsWindow::renderSide(Side side) {
    SidePane& p = sides_[side];
    const analysis::Comparison* c = users_->comparison();
    p.add->setEnabled(c && !shownUser_.empty());
    if (!c || shownUser_.empty() || !session_->store()) {
        p.trace->setHtml(c ? tr("<p><i>No user shown: pick one in the table.</i></p>")
                           : tr("<p><i>Nothing compared yet.</i></p>"));
        return;
    }
    const analysis::ComparedSide& s = side == SideA ? c->a : c->b;
    auto trace = RunStore(*session_->store()).userTrace(s.run, shownUser_, s.system);
    if (!trace) {
        p.trace->setHtml(tr("<p style='color:#b71c1c'>Cannot read user %1 of run %2: %3</p>")
                             .arg(esc(shownUser_))
                             .arg(s.run)
                             .arg(esc(trace.error().message)));
        return;
    }
    std::vector<Annotation> labels;
    for (auto& a : session_->annotationsOfUser(s.run, shownUser_))
        if (a.system == s.system)
            labels.push_back(std::move(a));
    p.trace->setHtml(tr("<h3>User %1</h3>").arg(esc(shownUser_)) +
                     traceHtml(session_->store(), *trace, labels, session_->taxonomy()));
}

bool CompareRunsWindow::addLabel(Side side, QString* error) {
    const analysis::Comparison* c = users_->comparison();
    SidePane& p = sides_[side];
    if (!c || shownUser_.empty() || p.label->currentIndex() < 0) {
        if (error)
            *error = tr("Pick a user and a label first.");
        return false;
    }
    const analysis::ComparedSide& s = side == SideA ? c->a : c->b;
    Annotation a;
    a.runId = s.run;
    a.userId = shownUser_;
    a.system = s.system;
    a.target = AnnotationTarget::Run;
    a.label = p.label->currentData().toString().toStdString();
    a.severity = static_cast<AnnotationSeverity>(p.severity->currentData().toInt());
    a.note = p.note->text().toStdString();
    a.annotator = session_->annotator().toStdString();
    if (!session_->addAnnotations({a}, error))
        return false;
    p.note->clear();
    return true;
}

} // namespace r2p::ui
