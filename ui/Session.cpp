#include "Session.h"

#include "StageText.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSettings>
#include <algorithm>
#include <filesystem>

namespace r2p::ui {

namespace {
const QString kIndex = QStringLiteral("index");
const QString kRecord = QStringLiteral("record");
const QString kRanking = QStringLiteral("ranking");
const QString kRun = QStringLiteral("run");
const QString kKeepOutcomes = QStringLiteral("keep-outcomes");
} // namespace

Session::Session(QObject* parent) : QObject(parent), taxonomy_(builtinTaxonomy()) {
    connect(&tasks_, &LatestTask::settled, this, &Session::updateBusy);
    connect(this, &Session::datasetChanged, this, [this] {
        const auto runs = runsOfDataset();
        selectRun(runs.empty() ? 0 : runs.front().id);
        emit runsChanged();
    });
}

std::vector<RunInfo> Session::runsOfDataset() const {
    std::vector<RunInfo> out;
    if (!store_ || !dataset_)
        return out;
    RunStore runs(*store_);
    auto all = runs.runs();
    if (!all)
        return out;
    for (auto& r : *all)
        if (r.questionsPath == dataset_->questions.path)
            out.push_back(std::move(r));
    return out;
}

bool Session::isInteractiveRun(const RunInfo& run) {
    return run.users.size() == 1 && run.systems.size() == 1 && run.systems.front() == SystemId::R2P;
}

bool Session::selectRun(std::int64_t runId, QString* error) {
    return showRun(runId, error);
}

const RunInfo* Session::runInfo() const {
    if (loadingRun_)
        return &loadingInfo_;
    return run_ ? &run_->info : nullptr;
}

bool Session::selectBaseline(SystemId baseline, QString* error) {
    const auto systems = baselinesOfRun();
    if (std::find(systems.begin(), systems.end(), baseline) == systems.end()) {
        if (error)
            *error = runInfo() ? tr("Run %1 has no %2 answers to compare with.")
                                     .arg(runInfo()->id)
                                     .arg(StageText::system(baseline))
                               : tr("No run is shown.");
        return false;
    }
    baselineChoice_ = baseline;
    if (!loadingRun_ && run_->baseline == baseline)
        return true;
    return showRun(runInfo()->id, error);
}

std::vector<SystemId> Session::baselinesOfRun() const {
    std::vector<SystemId> out;
    if (const RunInfo* info = runInfo())
        for (SystemId s : info->systems)
            if (s != SystemId::R2P)
                out.push_back(s);
    return out;
}

bool Session::selectMetric(const std::string& metric, QString* error) {
    const auto metrics = metricsOfRun();
    if (std::find(metrics.begin(), metrics.end(), metric) == metrics.end()) {
        if (error)
            *error = runInfo() ? tr("Run %1 cannot be compared on %2.")
                                     .arg(runInfo()->id)
                                     .arg(QString::fromStdString(metric))
                               : tr("No run is shown.");
        return false;
    }
    metricChoice_ = metric;
    if (!loadingRun_ && run_->metric == metric)
        return true;
    return showRun(runInfo()->id, error);
}

std::vector<std::string> Session::metricsOfRun() const {
    const RunInfo* info = runInfo();
    return info ? comparableMetrics(info->task) : std::vector<std::string>{};
}

void Session::refreshRuns() {
    const RunInfo* info = runInfo();
    if (info && store_ && !RunStore(*store_).run(info->id)) {
        const auto runs = runsOfDataset(); // the shown run was deleted: the newest instead
        selectRun(runs.empty() ? 0 : runs.front().id);
    }
    emit runsChanged();
}

std::shared_ptr<const TagFacts> Session::tagFacts(QString* error) {
    if (tagFacts_ || !run_ || !store_)
        return tagFacts_ ? tagFacts_ : std::make_shared<const TagFacts>();
    auto facts = loadTagFacts(*store_, run_->runId);
    if (!facts) {
        if (error)
            *error = QString::fromStdString(facts.error().message);
        return std::make_shared<const TagFacts>();
    }
    tagFacts_ = std::make_shared<const TagFacts>(std::move(*facts));
    return tagFacts_;
}

// Reads the run with the chosen baseline (when it has one) off the GUI thread: a 100,000-user
// run is 400,000 rows, seconds the window must not stand still for. The run is announced when
// it is there; a newer choice drops an older read.
bool Session::showRun(std::int64_t runId, QString* error) {
    if (runId <= 0 || !store_) {
        tasks_.cancel(kRun);
        loadingRun_ = 0;
        updateBusy();
        if (run_)
            applyRun(nullptr);
        return true;
    }
    RunStore runs(*store_);
    auto info = runs.run(runId);
    if (!info) {
        if (error)
            *error = QString::fromStdString(info.error().message);
        return false;
    }
    const auto& systems = info->systems;
    const SystemId baseline =
        std::find(systems.begin(), systems.end(), baselineChoice_) != systems.end()
            ? baselineChoice_
            : SystemId::Invalid;
    loadingRun_ = runId;
    loadingInfo_ = std::move(*info);
    loadingInfo_.id = runId;
    ProjectStore* store = store_.get(); // stopAllJobs() waits for the read before it goes
    tasks_.start(
        kRun, LatestTask::Pool::Short,
        [store, runId, baseline, metric = metricChoice_,
         known = loadingInfo_](const std::atomic<bool>&) mutable {
            // On a connection of its own: 400,000 rows read under the shared connection's lock
            // would hold up every other use of the project (the window's) for seconds.
            auto own = ProjectStore::open(store->path(), ProjectStore::OpenMode::ReadOnly);
            RunStore reader(own ? **own : *store);
            const bool packed = reader.keepsOutcomes(runId);
            return std::make_pair(loadRunResults(reader, runId, baseline, metric, std::move(known)),
                                  packed);
        },
        [this, runId](std::pair<Result<RunResults>, bool> loaded) {
            const std::int64_t read = std::exchange(loadingRun_, 0);
            if (!loaded.first) {
                emit runLoadFailed(read, QString::fromStdString(loaded.first.error().message));
                return;
            }
            applyRun(std::make_shared<const RunResults>(std::move(*loaded.first)));
            if (!loaded.second)
                keepOutcomes(runId);
        });
    updateBusy();
    emit runLoading(runId);
    return true;
}

// A run read from its rows is packed (RunStore::keepOutcomes) for the next time it is shown, at
// background priority on a connection of its own. Not for a read-only file; failing (another
// process wrote meanwhile) changes nothing, and the next showing reads the rows again.
void Session::keepOutcomes(std::int64_t runId) {
    if (!store_ || store_->readOnly())
        return;
    ProjectStore* store = store_.get(); // stopAllJobs() waits for this before the store goes
    tasks_.start(
        kKeepOutcomes, LatestTask::Pool::Background,
        [store, runId](const std::atomic<bool>& cancelled) {
            if (cancelled.load())
                return false;
            auto own = ProjectStore::open(store->path(), ProjectStore::OpenMode::Existing);
            return own && RunStore(**own).keepOutcomes(runId).ok();
        },
        [](bool) {});
}

void Session::applyRun(std::shared_ptr<const RunResults> loaded) {
    run_ = std::move(loaded);
    tagFacts_.reset();
    reloadAnnotationCounts();
    announceRun();
    Selection next = selection_;
    next.run = run_ ? run_->runId : 0;
    next.baseline = run_ ? run_->baseline : SystemId::Invalid;
    select(next);
    emit bookmarksChanged();
}

void Session::announceRun() {
    emit runReady();
    emit runChanged();
}

void Session::reloadAnnotationCounts() {
    auto counts = std::make_shared<AnnotationCounts>();
    if (store_ && run_) {
        AnnotationStore notes(*store_);
        // Grouped in SQLite: after every label, so it must stay cheap with thousands of them.
        if (auto on = notes.labelCounts(run_->runId))
            for (const auto& c : *on) {
                counts->onRun[c.userId] += c.count;
                counts->labels[c.userId].push_back(c.label);
            }
        if (auto elsewhere = notes.usersAnnotatedOnOtherRuns(run_->runId))
            counts->onOtherRuns.insert(elsewhere->begin(), elsewhere->end());
    }
    counts_ = std::move(counts);
}

QString Session::annotator() const {
    QSettings settings;
    QString name = settings.value(QStringLiteral("annotation/annotator")).toString();
    if (name.isEmpty())
        name = qEnvironmentVariable("USER", QStringLiteral("annotator"));
    return name;
}

void Session::setAnnotator(const QString& name) {
    QSettings().setValue(QStringLiteral("annotation/annotator"), name.trimmed());
}

bool Session::addAnnotations(const std::vector<Annotation>& annotations, QString* error) {
    if (!store_) {
        if (error)
            *error = tr("No project is open.");
        return false;
    }
    auto added = AnnotationStore(*store_).addAll(annotations, taxonomy_);
    if (!added) {
        if (error)
            *error = QString::fromStdString(added.error().message);
        return false;
    }
    reloadAnnotationCounts();
    emit annotationsChanged();
    return true;
}

bool Session::updateAnnotation(std::int64_t id, AnnotationSeverity severity, const QString& note,
                               QString* error) {
    if (!store_)
        return false;
    if (auto s = AnnotationStore(*store_).update(id, severity, note.toStdString()); !s) {
        if (error)
            *error = QString::fromStdString(s.error().message);
        return false;
    }
    emit annotationsChanged();
    return true;
}

bool Session::removeAnnotation(std::int64_t id, QString* error) {
    if (!store_)
        return false;
    if (auto s = AnnotationStore(*store_).remove(id); !s) {
        if (error)
            *error = QString::fromStdString(s.error().message);
        return false;
    }
    reloadAnnotationCounts();
    emit annotationsChanged();
    return true;
}

std::vector<Annotation> Session::annotationsOfUser(std::int64_t runId,
                                                   const std::string& userId) const {
    if (!store_ || runId <= 0)
        return {};
    auto got = AnnotationStore(*store_).ofUser(runId, userId);
    return got ? std::move(*got) : std::vector<Annotation>{};
}

std::vector<Annotation> Session::annotationsOnOtherRuns(std::int64_t runId,
                                                        const std::string& userId) const {
    if (!store_ || runId <= 0)
        return {};
    auto got = AnnotationStore(*store_).onOtherRuns(runId, userId);
    return got ? std::move(*got) : std::vector<Annotation>{};
}

bool Session::addBookmark(const Bookmark& bookmark, QString* error) {
    if (!store_)
        return false;
    if (auto s = AnnotationStore(*store_).addBookmark(bookmark); !s) {
        if (error)
            *error = QString::fromStdString(s.error().message);
        return false;
    }
    emit bookmarksChanged();
    return true;
}

bool Session::removeBookmark(std::int64_t id, QString* error) {
    if (!store_)
        return false;
    if (auto s = AnnotationStore(*store_).removeBookmark(id); !s) {
        if (error)
            *error = QString::fromStdString(s.error().message);
        return false;
    }
    emit bookmarksChanged();
    return true;
}

std::vector<Bookmark> Session::bookmarks() const {
    if (!store_ || !run_)
        return {};
    auto got = AnnotationStore(*store_).bookmarks(run_->runId);
    return got ? std::move(*got) : std::vector<Bookmark>{};
}

Session::~Session() {
    stopAllJobs();
}

void Session::stopAllJobs() {
    // Jobs hold a pointer to the store: stop and wait for every one before it goes away.
    tasks_.cancelAll();
    tasks_.waitForDone();
    loadingRun_ = 0; // its read was dropped
}

bool Session::openProject(const QString& path, QString* error) {
    // A project that cannot be written (read-only file or folder) is still shown, read-only.
    const std::string file = path.toStdString();
    std::error_code ec;
    const bool readOnly = std::filesystem::exists(file, ec) && !ProjectStore::writable(file);
    auto opened = ProjectStore::open(file, readOnly ? ProjectStore::OpenMode::ReadOnly
                                                    : ProjectStore::OpenMode::CreateOrOpen);
    if (!opened) {
        if (error)
            *error = QString::fromStdString(opened.error().message);
        return false;
    }
    stopAllJobs();
    store_ = std::move(opened).value();
    {
        auto taxonomy = projectTaxonomy(*store_);
        taxonomy_ = taxonomy ? std::move(*taxonomy) : builtinTaxonomy();
    }
    dataset_.reset();
    run_.reset();
    counts_ = std::make_shared<AnnotationCounts>();
    datasetId_ = 0;
    findings_.clear();
    clearUser();
    emit projectChanged();
    emit datasetsChanged();
    emit datasetChanged();
    announceRun(); // the old project's run is gone
    emit findingsChanged();
    emit recordChanged();
    return true;
}

QString Session::projectPath() const {
    return store_ ? QString::fromStdString(store_->path()) : QString();
}

std::vector<DatasetRow> Session::datasets() const {
    if (!store_)
        return {};
    auto rows = store_->datasets();
    return rows ? std::move(rows).value() : std::vector<DatasetRow>{};
}

void Session::openDataset(const QString& questions, const QString& outputs,
                          std::optional<TaskId> task) {
    if (!store_)
        return;
    QPointer<Session> self(this);
    IndexOptions options;
    options.taskOverride = task;
    auto lastReport = std::make_shared<QElapsedTimer>();
    lastReport->start();
    ProjectStore* store = store_.get();
    const std::string q = questions.toStdString(), o = outputs.toStdString();
    // The newest request wins; an older one still running is cancelled.
    tasks_.start(
        kIndex, LatestTask::Pool::Short,
        [self, store, q, o, options, lastReport](const std::atomic<bool>& cancelled) mutable {
            options.cancel = &cancelled;
            options.onProgress = [self, lastReport, &cancelled](const ScanProgress& p) {
                // At most ~30 updates a second cross to the GUI thread; none once superseded.
                if (cancelled.load() || (lastReport->elapsed() < 33 && p.bytesDone < p.bytesTotal))
                    return;
                lastReport->restart();
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, p] {
                        if (self && self->isIndexing())
                            emit self->indexingProgress(static_cast<qint64>(p.bytesDone),
                                                        static_cast<qint64>(p.bytesTotal),
                                                        static_cast<qint64>(p.users));
                    },
                    Qt::QueuedConnection);
            };
            return r2p::openDataset(*store, q, o, options);
        },
        [this](Result<OpenedDataset> result) { finishIndexing(std::move(result)); });
    emit indexingStarted(questions);
    updateBusy();
}

bool Session::isIndexing() const {
    return tasks_.isPending(kIndex);
}

void Session::cancelIndexing() {
    tasks_.interrupt(kIndex); // it still reports, as cancelled
}

void Session::finishIndexing(Result<OpenedDataset> result) {
    if (!result) {
        emit indexingFinished(false, QString::fromStdString(result.error().message));
        updateBusy();
        return;
    }
    auto opened = std::move(result).value();
    dataset_ = std::make_shared<const DatasetIndex>(std::move(opened.index));
    datasetId_ = opened.datasetId;
    fromCache_ = opened.fromCache;
    findings_ = dataset_->findings;
    clearUser();
    emit datasetsChanged();
    emit datasetChanged();
    emit findingsChanged();
    emit recordChanged();
    emit indexingFinished(true, QString());
    updateBusy();
}

Status Session::setTask(TaskId task) {
    if (!dataset_ || !store_ || task == dataset_->task)
        return Ok{};
    auto copy = std::make_shared<DatasetIndex>(*dataset_);
    copy->task = task;
    copy->taskSource = TaskSource::UserOverride;
    Status kept = store_->setDatasetTask(datasetId_, task, TaskSource::UserOverride);
    dataset_ = std::move(copy);
    emit taskChanged();
    emit datasetsChanged();
    emit recordChanged(); // panes re-render the record in the new task's terms
    rerank();             // the retrieval query depends on the task
    return kept;
}

const UserIndexEntry* Session::selectedEntry() const {
    const int row = selection_.user;
    if (!dataset_ || row < 0 || static_cast<std::size_t>(row) >= dataset_->users.size())
        return nullptr;
    return &dataset_->users[static_cast<std::size_t>(row)];
}

void Session::clearUser() {
    tasks_.cancel(kRecord);
    tasks_.cancel(kRanking);
    record_.reset();
    ranking_.reset();
    recordError_.clear();
    filtered_.clear();
    Selection next;
    next.run = run_ ? run_->runId : 0;
    next.baseline = run_ ? run_->baseline : SystemId::Invalid;
    const Selection before = std::exchange(selection_, next);
    if (before != selection_)
        emit selectionChanged(selection_, before);
}

void Session::select(const Selection& next) {
    if (next == selection_)
        return;
    const Selection before = std::exchange(selection_, next);
    if (selection_.user != before.user)
        loadSelectedUser();
    emit selectionChanged(selection_, before);
    if (selection_.user != before.user) {
        if (selection_.user < 0)
            emit recordChanged();
        updateBusy();
    }
}

void Session::selectUser(int row) {
    if (!dataset_ || row < -1 || row >= static_cast<int>(dataset_->users.size()))
        row = -1;
    if (row == selection_.user && (record_ || tasks_.isPending(kRecord)))
        return;
    Selection next;
    next.run = selection_.run;
    next.baseline = selection_.baseline;
    next.user = row;
    if (next == selection_) { // the same user again, its record gone: read it again
        loadSelectedUser();
        updateBusy();
        return;
    }
    select(next);
}

void Session::loadSelectedUser() {
    record_.reset();
    ranking_.reset();
    recordError_.clear();
    // The read starts before the old ranking is dropped, so busy never blinks off in between.
    if (selection_.user < 0)
        tasks_.cancel(kRecord);
    else
        startRecordRead();
    tasks_.cancel(kRanking);
}

void Session::selectStage(StageId stage, int candidate, const QStringList& cited) {
    Selection next = selection_;
    next.stage = stage;
    next.candidate = candidate;
    next.verdict = -1;
    next.span.reset();
    next.picked = stage == StageId::Invalid ? AnnotationTarget::Run : AnnotationTarget::Stage;
    next.cited = cited;
    select(next);
}

void Session::showStage(StageId stage, int candidate, const QStringList& cited) {
    Selection next = selection_;
    if (next.stage != stage || next.candidate != candidate) {
        next.stage = stage;
        next.candidate = candidate;
        next.span.reset(); // a span belongs to the stage it was picked in
        if (next.picked == AnnotationTarget::Span || next.picked == AnnotationTarget::Stage)
            next.picked =
                stage == StageId::Invalid ? AnnotationTarget::Run : AnnotationTarget::Stage;
    }
    next.cited = cited;
    select(next);
}

void Session::selectVerdict(int candidate, const QStringList& cited) {
    Selection next = selection_;
    next.verdict = candidate;
    next.span.reset();
    next.picked = candidate >= 0 ? AnnotationTarget::Verdict : AnnotationTarget::Run;
    next.cited = cited;
    select(next);
}

void Session::selectSpan(const std::optional<TextSpan>& span) {
    Selection next = selection_;
    if (span) {
        next.span = span;
        next.verdict = -1;
        next.picked = AnnotationTarget::Span;
    } else if (next.picked == AnnotationTarget::Span) {
        next.span.reset();
        next.picked = AnnotationTarget::Stage;
    } else {
        return;
    }
    select(next);
}

void Session::selectWholeRun() {
    Selection next = selection_;
    next.verdict = -1;
    next.span.reset();
    next.picked = AnnotationTarget::Run;
    select(next);
}

void Session::setFilteredUsers(std::vector<std::size_t> rows) {
    if (rows == filtered_)
        return;
    filtered_ = std::move(rows);
    emit filteredUsersChanged();
}

// One read runs at a time; a newer selection replaces the one waiting, so scrolling through
// thousands of users never queues thousands of reads.
void Session::startRecordRead() {
    const RecordReader reader(dataset_->questions);
    const UserIndexEntry entry = dataset_->users[static_cast<std::size_t>(selection_.user)];
    tasks_.start(
        kRecord, LatestTask::Pool::Short,
        [reader, entry, started = recordReadsStarted_](const std::atomic<bool>&) {
            ++*started;
            return reader.read(entry);
        },
        [this, entry](Result<UserRecord> result) { finishRecordRead(std::move(result), entry); });
}

void Session::finishRecordRead(Result<UserRecord> result, const UserIndexEntry& entry) {
    if (result) {
        record_ = std::make_shared<const UserRecord>(std::move(result).value());
        rerank();
    } else {
        recordError_ = QString::fromStdString(result.error().message);
        Finding f;
        f.severity = Severity::Error;
        f.code = FindingCode::RecordWrongShape;
        f.file = dataset_ ? dataset_->questions.path : std::string();
        f.recordId = entry.id;
        f.detail = result.error().message;
        findings_.push_back(std::move(f));
        emit findingsChanged();
    }
    emit recordChanged();
    updateBusy();
}

void Session::setRanker(const QString& name) {
    if (name == ranker_ || !retrieval::makeRetriever(name.toStdString()))
        return;
    ranker_ = name;
    rerank();
}

void Session::setRetrievalK(int k) {
    if (k == k_ || k < 0)
        return;
    k_ = k;
    emit rankingChanged(); // a cutoff only: the ranking itself stays
}

// Ranks the whole profile off the GUI thread; a newer record or ranker wins.
void Session::rerank() {
    ranking_.reset();
    emit rankingChanged();
    if (!record_) {
        tasks_.cancel(kRanking);
        updateBusy();
        return;
    }
    const auto record = record_;
    const TaskId task = this->task();
    const std::string ranker = ranker_.toStdString();
    tasks_.start(
        kRanking, LatestTask::Pool::Short,
        [record, task, ranker](const std::atomic<bool>&) {
            retrieval::RetrievalOptions options;
            options.k = 0; // the whole profile; the view cuts at k
            return retrieval::makeRetriever(ranker, 1)->rank(*record, task, options);
        },
        [this](Result<retrieval::Ranking> result) {
            if (result)
                ranking_ = std::make_shared<const retrieval::Ranking>(std::move(result).value());
            emit rankingChanged();
            updateBusy();
        });
    updateBusy();
}

bool Session::selectUserById(const QString& id) {
    if (!dataset_)
        return false;
    const std::string key = id.toStdString();
    for (std::size_t i = 0; i < dataset_->users.size(); ++i) {
        if (dataset_->users[i].id == key) {
            selectUser(static_cast<int>(i));
            return true;
        }
    }
    return false;
}

bool Session::isBusy() const {
    return tasks_.isPending(kIndex) || tasks_.isPending(kRecord) || tasks_.isPending(kRanking) ||
           tasks_.isPending(kRun);
}

void Session::updateBusy() {
    const bool busy = isBusy();
    if (busy != busy_) {
        busy_ = busy;
        emit busyChanged(busy);
    }
}

} // namespace r2p::ui
