#include "UsersDock.h"

#include "ui/RunText.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/TaskText.h"
#include "ui/models/UsersModel.h"
#include "ui/models/UsersProxyModel.h"
#include "ui/widgets/EmptyState.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace r2p::ui {

UsersDock::UsersDock(Session* session, QWidget* parent)
    : QDockWidget(tr("Users"), parent), session_(session) {
    setObjectName(QStringLiteral("UsersDock"));
    stack_ = new QStackedWidget(this);
    empty_ = new EmptyState(stack_);
    empty_->setTitle(tr("No dataset open"));
    empty_->setHint(tr("Open a LaMP questions file (with its outputs file, if you have it), drop "
                       "one on the window, or try the bundled demo."));
    stack_->addWidget(empty_);

    auto* page = new QWidget(stack_);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    datasets_ = new QComboBox(page);
    datasets_->setToolTip(tr("Datasets in this project"));
    datasets_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    filter_ = new QLineEdit(page);
    filter_->setClearButtonEnabled(true);
    filter_->setPlaceholderText(tr("Filter: words, id:, gold:, profile>50"));
    filter_->setToolTip(tr("Plain words match id or gold. id:, gold:, user: match one column; "
                           "profile>N, profile<=N compare profile sizes; has:gold, no:gold. With "
                           "a run shown: is:worse, is:better, is:tie, delta<X, has:intervention, "
                           "has:contradicted, has:failed, has:format-failure."));
    view_ = new QTableView(page);
    view_->setObjectName(QStringLiteral("UsersView"));
    count_ = new QLabel(page);
    count_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(datasets_);
    layout->addLayout(buildRunPicker(page));
    layout->addWidget(runError_);
    layout->addWidget(runStatus_);
    layout->addWidget(filter_);
    layout->addWidget(view_, 1);
    layout->addWidget(count_);
    stack_->addWidget(page);
    setWidget(stack_);

    model_ = new UsersModel(this);
    proxy_ = new UsersProxyModel(this);
    proxy_->setSourceModel(model_);
    view_->setModel(proxy_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(UsersModel::ColumnOrder, Qt::AscendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setHighlightSections(false);
    // The annotation state sits beside the gold, where triage looks, not past the answers.
    view_->horizontalHeader()->moveSection(UsersModel::ColumnNotes, UsersModel::ColumnR2p);

    filterTimer_ = new QTimer(this);
    filterTimer_->setSingleShot(true);
    filterTimer_->setInterval(300); // apply once typing pauses
    connect(filter_, &QLineEdit::textChanged, filterTimer_, qOverload<>(&QTimer::start));
    connect(filterTimer_, &QTimer::timeout, this, &UsersDock::applyFilter);
    connect(filter_, &QLineEdit::returnPressed, this, [this] {
        filterTimer_->stop();
        applyFilter();
        view_->setFocus();
        if (!view_->currentIndex().isValid() && proxy_->rowCount() > 0)
            view_->setCurrentIndex(proxy_->index(0, UsersModel::ColumnId));
    });

    connect(view_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (syncing_ || !current.isValid())
                    return;
                session_->selectUser(current.data(UsersModel::DatasetRowRole).toInt());
            });
    connect(datasets_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        const QStringList paths = datasets_->itemData(i).toStringList();
        if (paths.size() == 2)
            session_->openDataset(paths[0], paths[1]);
    });
    connect(session_, &Session::datasetChanged, this, &UsersDock::onDatasetChanged);
    connect(session_, &Session::runChanged, this, &UsersDock::onRunChanged);
    connect(session_, &Session::runsChanged, this, &UsersDock::rebuildRunPicker);
    connect(session_, &Session::userFilterRequested, this, [this](const QString& text) {
        setFilterText(text);
        show();
        raise();
    });
    connect(session_, &Session::annotationsChanged, this, [this] {
        model_->setAnnotationCounts(session_->annotationCounts());
        if (proxy_->userFilter().mentionsAnnotations())
            applyFilter();
    });
    connect(session_, &Session::taskChanged, this, &UsersDock::onDatasetsChanged);
    connect(session_, &Session::datasetsChanged, this, &UsersDock::onDatasetsChanged);
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection& before) {
                if (now.user != before.user)
                    onUserSelected(now.user);
            });
    // The count, and the filtered list Session keeps for the triage queue, batches and sweeps.
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, &UsersDock::updateCount);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, &UsersDock::updateCount);
    connect(proxy_, &QAbstractItemModel::modelReset, this, &UsersDock::updateCount);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, &UsersDock::updateCount);
    onDatasetChanged();
    onRunChanged();
}

// The run picker: the dataset's stored runs (one-user interactive runs marked) and, beside it,
// the baseline R2P is compared with. Both are Session's choice; the combos only show it.
QLayout* UsersDock::buildRunPicker(QWidget* page) {
    auto* rows = new QVBoxLayout;
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    runs_ = new QComboBox(page);
    runs_->setObjectName(QStringLiteral("RunPicker"));
    runs_->setToolTip(tr("The stored run whose answers and deltas the users show (F6)"));
    runs_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    runs_->setMinimumContentsLength(12);
    runs_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    // Its own line: a run's title is long, and the Users dock is narrow.
    baselineRow_ = new QWidget(page);
    auto* row = new QHBoxLayout(baselineRow_);
    row->setContentsMargins(0, 0, 0, 0);
    auto* against = new QLabel(tr("R2P against:"), baselineRow_);
    baselines_ = new QComboBox(baselineRow_);
    baselines_->setObjectName(QStringLiteral("BaselinePicker"));
    baselines_->setToolTip(tr("The baseline R2P is compared with: the Δ column, Metrics, "
                              "Compare, Slices and reports follow it (Shift+F6)"));
    baselines_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // An interactive run holds R2P alone: say so instead of an empty box.
    baselines_->setPlaceholderText(tr("none in this run"));
    against->setBuddy(baselines_);
    row->addWidget(against);
    row->addWidget(baselines_);
    // A generation run's ROUGE variant (LaMP-4/5/6/7); hidden for the other tasks.
    metricLabel_ = new QLabel(tr("on:"), baselineRow_);
    metrics_ = new QComboBox(baselineRow_);
    metrics_->setObjectName(QStringLiteral("MetricPicker"));
    metrics_->setToolTip(tr("The metric R2P is compared on: the scores and Δ here, Metrics' "
                            "comparison and charts, Slices and reports follow it. A run's own "
                            "main metric until you pick one (ROUGE-1 unless it was run with "
                            "another)."));
    metrics_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    metricLabel_->setBuddy(metrics_);
    row->addWidget(metricLabel_);
    row->addWidget(metrics_);
    row->addStretch(1);
    rows->addWidget(runs_);
    rows->addWidget(baselineRow_);
    runError_ = new QLabel(page);
    runError_->setObjectName(QStringLiteral("RunPickerError"));
    runError_->setWordWrap(true);
    runError_->setStyleSheet(QStringLiteral("color:#d23c3c"));
    runError_->hide();
    runStatus_ = new QLabel(page);
    runStatus_->setObjectName(QStringLiteral("RunLoadingStatus"));
    runStatus_->setForegroundRole(QPalette::PlaceholderText);
    runStatus_->hide();
    // A large run is read off the GUI thread: the list stays usable and says so meanwhile.
    connect(session_, &Session::runLoading, this, [this](qint64 id) {
        runStatus_->setText(tr("Reading run %1…").arg(id));
        runStatus_->show();
    });
    connect(session_, &Session::runLoadFailed, this, [this](qint64 id, const QString& message) {
        runStatus_->hide();
        runError_->setText(tr("Run %1 cannot be shown: %2").arg(id).arg(message));
        runError_->show();
        rebuildRunPicker(); // back to the run shown
    });
    connect(runs_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        QString error;
        const auto id = runs_->itemData(i).toLongLong();
        if (id > 0 && !session_->selectRun(id, &error)) {
            runError_->setText(tr("Run %1 cannot be shown: %2").arg(id).arg(error));
            runError_->show();
            rebuildRunPicker(); // back to the run shown
        }
    });
    connect(baselines_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0)
            return;
        QString error;
        if (!session_->selectBaseline(static_cast<SystemId>(baselines_->itemData(i).toInt()),
                                      &error)) {
            runError_->setText(error);
            runError_->show();
            rebuildBaselinePicker();
        }
    });
    connect(metrics_, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (i < 0)
            return;
        QString error;
        if (!session_->selectMetric(metrics_->itemData(i).toString().toStdString(), &error)) {
            runError_->setText(error);
            runError_->show();
            rebuildBaselinePicker();
        }
    });
    return rows;
}

void UsersDock::rebuildRunPicker() {
    const QSignalBlocker block(runs_);
    runs_->clear();
    const auto run = session_->runResults(); // announced before the selection follows it
    const std::int64_t shown = run ? run->runId : 0;
    int current = -1;
    for (const RunInfo& info : session_->runsOfDataset()) {
        runs_->addItem(RunText::title(info), static_cast<qlonglong>(info.id));
        const int i = runs_->count() - 1;
        runs_->setItemData(i, RunText::toolTip(info), Qt::ToolTipRole);
        if (Session::isInteractiveRun(info)) // set apart from the batches
            runs_->setItemData(i, runs_->palette().brush(QPalette::PlaceholderText),
                               Qt::ForegroundRole);
        if (info.id == shown)
            current = i;
    }
    if (runs_->count() == 0) {
        runs_->addItem(tr("No stored run: Run ▸ Run Batch… (Ctrl+B)"), qlonglong(0));
        current = 0;
    }
    runs_->setEnabled(runs_->count() > 1 || runs_->itemData(0).toLongLong() > 0);
    runs_->setCurrentIndex(current);
}

void UsersDock::rebuildBaselinePicker() {
    const QSignalBlocker block(baselines_);
    baselines_->clear();
    for (SystemId s : session_->baselinesOfRun())
        baselines_->addItem(StageText::system(s), static_cast<int>(s));
    const auto run = session_->runResults();
    baselines_->setCurrentIndex(run ? baselines_->findData(static_cast<int>(run->baseline)) : -1);
    baselines_->setEnabled(baselines_->count() > 1);
    baselineRow_->setVisible(run != nullptr);
    const QSignalBlocker blockMetrics(metrics_);
    metrics_->clear();
    for (const std::string& m : session_->metricsOfRun())
        metrics_->addItem(QString::fromStdString(m), QString::fromStdString(m));
    metrics_->setCurrentIndex(run ? metrics_->findData(QString::fromStdString(run->metric)) : -1);
    metricLabel_->setVisible(metrics_->count() > 1);
    metrics_->setVisible(metrics_->count() > 1);
}

// A stored run adds its columns (answers, scores, delta, interventions, contradictions); the
// filter is applied again since run terms depend on it.
void UsersDock::onRunChanged() {
    runError_->hide();
    runStatus_->setVisible(session_->isRunLoading()); // a newer read is still under way
    rebuildRunPicker();
    rebuildBaselinePicker();
    const auto run = session_->runResults();
    model_->setRun(run);
    model_->setAnnotationCounts(session_->annotationCounts());
    for (int c = UsersModel::ColumnR2p; c < UsersModel::ColumnCount; ++c)
        view_->setColumnHidden(c, !run);
    if (run) {
        for (int c : {UsersModel::ColumnDelta, UsersModel::ColumnRpi, UsersModel::ColumnVerdicts,
                      UsersModel::ColumnNotes})
            view_->resizeColumnToContents(c);
        const int answer = view_->fontMetrics().horizontalAdvance(QStringLiteral("0")) * 10;
        view_->setColumnWidth(UsersModel::ColumnR2p, answer);
        view_->setColumnWidth(UsersModel::ColumnBaseline, answer);
    }
    applyFilter();
}

void UsersDock::onDatasetChanged() {
    auto dataset = session_->dataset();
    syncing_ = true;
    model_->setDataset(dataset);
    syncing_ = false;
    const bool timeBased = dataset && dataset->shape == SplitShape::TimeBased;
    view_->setColumnHidden(UsersModel::ColumnUser, !timeBased);
    view_->resizeColumnToContents(UsersModel::ColumnOrder);
    view_->setColumnWidth(UsersModel::ColumnId,
                          view_->fontMetrics().horizontalAdvance(QStringLiteral("00000000")) + 16);
    view_->resizeColumnToContents(UsersModel::ColumnProfile);
    stack_->setCurrentIndex(dataset ? 1 : 0);
    onDatasetsChanged();
    updateCount();
}

void UsersDock::onDatasetsChanged() {
    datasets_->clear();
    int current = -1;
    for (const auto& row : session_->datasets()) {
        const QString task = row.task == TaskId::Invalid ? tr("unknown task") : taskName(row.task);
        const QString file = QFileInfo(QString::fromStdString(row.questionsPath)).fileName();
        const QString dir = QFileInfo(QString::fromStdString(row.questionsPath)).dir().dirName();
        datasets_->addItem(tr("%1 · %2/%3 · %n user(s)", nullptr, static_cast<int>(row.userCount))
                               .arg(task, dir, file),
                           QStringList{QString::fromStdString(row.questionsPath),
                                       QString::fromStdString(row.outputsPath)});
        datasets_->setItemData(datasets_->count() - 1, QString::fromStdString(row.questionsPath),
                               Qt::ToolTipRole);
        if (row.id == session_->datasetId())
            current = datasets_->count() - 1;
    }
    datasets_->setCurrentIndex(current);
}

void UsersDock::onUserSelected(int row) {
    if (row < 0) {
        view_->clearSelection();
        return;
    }
    const QModelIndex src = model_->index(row, UsersModel::ColumnId);
    const QModelIndex idx = proxy_->mapFromSource(src);
    if (!idx.isValid() || view_->currentIndex().row() == idx.row())
        return;
    syncing_ = true;
    view_->setCurrentIndex(idx);
    view_->scrollTo(idx);
    syncing_ = false;
}

void UsersDock::applyFilter() {
    const UserFilter f = UserFilter::parse(filter_->text());
    if (!f.valid()) {
        // Like an analyzer's display filter: red while it cannot be applied.
        filter_->setStyleSheet(
            QStringLiteral("QLineEdit { background: #f8d7da; color: #58151c; }"));
        filter_->setToolTip(f.error());
        return;
    }
    filter_->setStyleSheet(
        f.isEmpty() ? QString()
                    : QStringLiteral("QLineEdit { background: #d1e7dd; color: #0a3622; }"));
    filter_->setToolTip(tr("Plain words match id or gold. id:, gold:, user: match one column; "
                           "profile>N, profile<=N compare profile sizes; has:gold, no:gold. With "
                           "a run shown: is:worse, is:better, is:tie, delta<X, has:intervention, "
                           "has:contradicted, has:failed, has:format-failure; on tagged chains: "
                           "has:tag-violation, missing-tag:ID, tag-score<X."));
    // Tag terms read the run's checked chains, once per run.
    if (f.mentionsTags() && session_->runResults() && !model_->tagFacts()) {
        QString error;
        model_->setTagFacts(session_->tagFacts(&error));
        if (!error.isEmpty())
            filter_->setToolTip(error);
    }
    proxy_->setUserFilter(f);
    updateCount();
}

void UsersDock::setFilterText(const QString& text) {
    filter_->setText(text);
    filterTimer_->stop();
    applyFilter();
}

std::vector<std::size_t> UsersDock::visibleRows() const {
    std::vector<std::size_t> rows;
    rows.reserve(static_cast<std::size_t>(proxy_->rowCount()));
    // The source row is the dataset row (UsersModel lists the dataset in file order).
    for (int r = 0; r < proxy_->rowCount(); ++r)
        rows.push_back(static_cast<std::size_t>(proxy_->mapToSource(proxy_->index(r, 0)).row()));
    return rows;
}

QString UsersDock::visibleCountText() const {
    return count_->text();
}

void UsersDock::updateCount() {
    session_->setFilteredUsers(visibleRows());
    const int total = model_->rowCount();
    const int shown = proxy_->rowCount();
    count_->setText(shown == total ? tr("%n user(s)", nullptr, total)
                                   : tr("%1 of %n user(s)", nullptr, total).arg(shown));
}

void UsersDock::step(int delta) {
    const int rows = proxy_->rowCount();
    if (rows == 0)
        return;
    const int current = view_->currentIndex().isValid() ? view_->currentIndex().row() : -1;
    const int next = std::clamp(current < 0 ? 0 : current + delta, 0, rows - 1);
    view_->setCurrentIndex(proxy_->index(next, UsersModel::ColumnId));
    view_->scrollTo(view_->currentIndex());
}

} // namespace r2p::ui
