#include "ReasoningDock.h"

#include "model/RunStore.h"
#include "pipeline/engine/HrtTemplate.h"
#include "pipeline/tags/OfflineTagger.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/SpanSelection.h"
#include "ui/StageText.h"
#include "ui/models/StageTimelineModel.h"
#include "ui/models/StagesModel.h"
#include "ui/util/FlowLayout.h"
#include "ui/widgets/StageBarDelegate.h"
#include "ui/widgets/TagChainView.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

namespace r2p::ui {

ReasoningDock::ReasoningDock(Session* session, RunController* controller, QWidget* parent)
    : QDockWidget(tr("Reasoning"), parent), session_(session), controller_(controller) {
    setObjectName(QStringLiteral("ReasoningDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(2, 2, 2, 2);

    layout->addWidget(buildRunBar(body));

    status_ = new QLabel(body);
    status_->setObjectName(QStringLiteral("RunStatus"));
    status_->setTextFormat(Qt::RichText);
    status_->setWordWrap(true); // a long answer must not widen the dock
    layout->addWidget(status_);

    auto* split = new QSplitter(Qt::Horizontal, body);
    buildStageViews(split);
    tabs_ = new QTabWidget(split);
    tabs_->setObjectName(QStringLiteral("StageTabs"));
    prompt_ = new QPlainTextEdit(tabs_);
    prompt_->setReadOnly(true);
    prompt_->setObjectName(QStringLiteral("PromptView"));
    stream_ = new QTextBrowser(tabs_);
    stream_->setObjectName(QStringLiteral("StreamView"));
    parsed_ = new QPlainTextEdit(tabs_);
    parsed_->setReadOnly(true);
    parsed_->setObjectName(QStringLiteral("ParsedView"));
    interventions_ = new QTextBrowser(tabs_);
    interventions_->setObjectName(QStringLiteral("InterventionsView"));
    tabs_->addTab(stream_, tr("Stream"));
    tabs_->addTab(prompt_, tr("Prompt"));
    tabs_->addTab(parsed_, tr("Parsed"));
    tabs_->addTab(interventions_, tr("Interventions"));
    tabs_->addTab(buildTagsTab(tabs_), tr("Tags"));
    split->addWidget(views_);
    split->addWidget(tabs_);
    split->setStretchFactor(0, 3); // the timeline's bars need the room
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});
    layout->addWidget(split, 1);
    setWidget(body);

    connect(step_, &QAction::triggered, controller_, &RunController::step);
    connect(run_, &QAction::triggered, controller_, &RunController::runToEnd);
    connect(pause_, &QAction::triggered, controller_, &RunController::pause);
    connect(cancel_, &QAction::triggered, controller_, &RunController::cancel);
    connect(rerun_, &QAction::triggered, this, &ReasoningDock::rerunSelected);
    connect(edit_, &QAction::triggered, this, &ReasoningDock::editSelected);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReasoningDock::onTableRowChanged);
    // A stage picked in the timeline is the table's current stage (a group only opens).
    connect(timeline_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const int row = timelineModel_->sourceRow(current);
                if (syncing_ || row < 0)
                    return;
                syncing_ = true;
                table_->setCurrentIndex(model_->index(row, 0));
                syncing_ = false;
            });
    connect(timelineModel_, &QAbstractItemModel::modelReset, this, [this] {
        timeline_->expandAll();
        syncTimelineToTable();
    });
    connect(tableView_, &QAction::toggled, this, &ReasoningDock::showTable);
    connect(barsByTokens_, &QAction::toggled, this, [this](bool tokens) {
        timelineModel_->setMeasure(tokens ? StageTimelineModel::Measure::Tokens
                                          : StageTimelineModel::Measure::Time);
    });
    // A span selected in the stream is what the next label applies to.
    connect(stream_, &QTextBrowser::selectionChanged, this, &ReasoningDock::publishSpan);
    connect(session_, &Session::selectionChanged, this, &ReasoningDock::onSelectionChanged);
    connect(model_, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { keptStep_ = selectedStep(); });
    connect(model_, &QAbstractItemModel::modelReset, this, &ReasoningDock::followRunning);
    connect(controller_, &RunController::streamChanged, this, &ReasoningDock::showStream);
    connect(controller_, &RunController::runningChanged, this, [this](bool running) {
        if (running)
            follow_ = true;
        updateActions();
        updateStatus();
    });
    connect(controller_, &RunController::traceChanged, this, [this] {
        updateActions();
        updateStatus();
    });
    updateActions();
    updateStatus();
}

// The run's buttons wrap onto a second row when the dock is narrow or a translation long; none
// hides behind an overflow arrow.
QWidget* ReasoningDock::buildRunBar(QWidget* parent) {
    auto* bar = new QWidget(parent);
    bar->setObjectName(QStringLiteral("RunToolBar"));
    auto* flow = new FlowLayout(bar);
    auto make = [this, bar, flow](const QString& name, const QString& text,
                                  const QKeySequence& key) {
        auto* a = new QAction(text, this);
        a->setObjectName(name);
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        if (!key.isEmpty())
            a->setToolTip(
                QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        auto* button = new QToolButton(bar);
        button->setObjectName(name + QStringLiteral("Button"));
        button->setAutoRaise(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setDefaultAction(a);
        flow->addWidget(button);
        return a;
    };
    step_ = make(QStringLiteral("runStep"), tr("Step"), QKeySequence(Qt::Key_F10));
    run_ = make(QStringLiteral("runToEnd"), tr("Run to End"), QKeySequence(Qt::Key_F5));
    pause_ = make(QStringLiteral("runPause"), tr("Pause"), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    cancel_ = make(QStringLiteral("runCancel"), tr("Cancel Stage"),
                   QKeySequence(Qt::CTRL | Qt::Key_Period));
    flow->addSeparator();
    rerun_ = make(QStringLiteral("runRerun"), tr("Re-run from Here"),
                  QKeySequence(Qt::CTRL | Qt::Key_R));
    edit_ = make(QStringLiteral("runEdit"), tr("Edit Output…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    flow->addSeparator();
    tableView_ = make(QStringLiteral("stagesTable"), tr("Table"), QKeySequence());
    tableView_->setCheckable(true);
    tableView_->setToolTip(tr("Show every stage as a table instead of the timeline"));
    barsByTokens_ = make(QStringLiteral("barsByTokens"), tr("Bars by Tokens"), QKeySequence());
    barsByTokens_->setCheckable(true);
    barsByTokens_->setToolTip(tr("Bar lengths by tokens generated instead of elapsed time"));
    return bar;
}

// The timeline (stages by kind, with bars) and the table of every stage, on one stack.
void ReasoningDock::buildStageViews(QWidget* parent) {
    views_ = new QStackedWidget(parent);
    model_ = new StagesModel(controller_, this);
    timelineModel_ = new StageTimelineModel(model_, controller_, this);
    timeline_ = new QTreeView(views_);
    timeline_->setObjectName(QStringLiteral("StageTimeline"));
    timeline_->setModel(timelineModel_);
    timeline_->setItemDelegateForColumn(StageTimelineModel::ColumnBar,
                                        new StageBarDelegate(timeline_));
    timeline_->setSelectionBehavior(QAbstractItemView::SelectRows);
    timeline_->setSelectionMode(QAbstractItemView::SingleSelection);
    timeline_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    timeline_->setUniformRowHeights(true);
    timeline_->setAllColumnsShowFocus(true);
    timeline_->header()->setStretchLastSection(true);
    timeline_->header()->setSectionResizeMode(StageTimelineModel::ColumnName,
                                              QHeaderView::ResizeToContents);
    timeline_->header()->setMinimumSectionSize(60);
    table_ = new QTableView(views_);
    table_->setObjectName(QStringLiteral("StageTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->setWordWrap(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(StagesModel::ColumnStage,
                                                     QHeaderView::Stretch);
    views_->addWidget(timeline_);
    views_->addWidget(table_);
}

void ReasoningDock::onTableRowChanged(const QModelIndex& current) {
    if (!current.isValid())
        return;
    syncTimelineToTable();
    // Picking a stage by hand stops following the live one, until the next run.
    const bool runningRow = current.row() == model_->runningRow();
    if (!selecting_ && !runningRow)
        follow_ = false;
    showSelected();
    publishRow(!selecting_);
}

// The timeline shows the table's current stage.
void ReasoningDock::syncTimelineToTable() {
    const QModelIndex target = timelineModel_->indexOfSourceRow(table_->currentIndex().row());
    if (!target.isValid() || target == timeline_->currentIndex())
        return;
    const bool was = syncing_;
    syncing_ = true;
    timeline_->setCurrentIndex(target);
    syncing_ = was;
}

QModelIndex ReasoningDock::timelineIndexOf(StageId stage, int candidate) const {
    for (int r = 0; r < model_->rowCount(); ++r) {
        const QModelIndex i = model_->index(r, 0);
        if (i.data(StagesModel::StageRole).toInt() == static_cast<int>(stage) &&
            i.data(StagesModel::CandidateRole).toInt() == candidate)
            return timelineModel_->indexOfSourceRow(r);
    }
    return {};
}

void ReasoningDock::showTable(bool on) {
    views_->setCurrentWidget(on ? static_cast<QWidget*>(table_) : timeline_);
    if (tableView_->isChecked() != on)
        tableView_->setChecked(on);
}

bool ReasoningDock::tableShown() const {
    return views_->currentWidget() == table_;
}

void ReasoningDock::setPresentation(bool on) {
    tabs_->setTabVisible(tabs_->indexOf(prompt_), !on);
    tabs_->setTabVisible(tabs_->indexOf(parsed_), !on);
    if (on)
        tabs_->setCurrentWidget(stream_);
}

QList<QAction*> ReasoningDock::runActions() const {
    return {step_, run_, pause_, cancel_, rerun_, edit_};
}

int ReasoningDock::selectedStep() const {
    const QModelIndex current = table_->currentIndex();
    return current.isValid() ? current.data(StagesModel::StepIndexRole).toInt() : -1;
}

void ReasoningDock::updateActions() {
    const bool has = controller_->hasRun();
    const bool running = controller_->isRunning();
    // A stored run's trace is finished, but Step and Run start the engine on this user afresh.
    const bool stored = controller_->storedRunId() != 0;
    const bool more = has && (!controller_->finished() || stored);
    step_->setEnabled(more && !running);
    run_->setEnabled(more && !running);
    pause_->setEnabled(running);
    cancel_->setEnabled(running);
    const int step = selectedStep();
    rerun_->setEnabled(has && !running && !stored && table_->currentIndex().isValid() &&
                       table_->currentIndex().data(StagesModel::StateRole).toInt() !=
                           static_cast<int>(StagesModel::State::Pending));
    bool editable = false;
    if (has && !running && !stored && step >= 0 &&
        step < static_cast<int>(controller_->trace().steps.size())) {
        const StageId s = controller_->trace().steps[static_cast<std::size_t>(step)].stage;
        editable = s != StageId::Retrieve && s != StageId::Score && s != StageId::CrossReference;
    }
    edit_->setEnabled(editable);
}

void ReasoningDock::updateStatus() {
    if (!controller_->hasRun()) {
        status_->setText(controller_->lastError().isEmpty()
                             ? tr("Select a user to run R2P on it.")
                             : controller_->lastError().toHtmlEscaped());
        return;
    }
    const UserTrace& t = controller_->trace();
    QString text = tr("User <b>%1</b> · backend <b>%2</b>")
                       .arg(QString::fromStdString(t.userId).toHtmlEscaped(),
                            controller_->backendLabel().toHtmlEscaped());
    if (controller_->isRunning())
        text += tr(" · running <b>%1</b>")
                    .arg(StageText::stage(controller_->runningStage(),
                                          controller_->runningCandidate()));
    else if (controller_->storedRunId() != 0)
        text += tr(" · answer <b>%1</b> (F10 runs the engine on this user afresh)")
                    .arg(QString::fromStdString(t.prediction).toHtmlEscaped());
    else if (controller_->finished())
        text += tr(" · finished: answer <b>%1</b>")
                    .arg(QString::fromStdString(t.prediction).toHtmlEscaped());
    else
        text += tr(" · next: <b>%1</b> (F10 steps, F5 runs to the end)")
                    .arg(StageText::stage(controller_->nextStage()));
    if (controller_->interactiveRunId() != 0 && controller_->storedRunId() == 0)
        text += tr(" · stored as run %1").arg(controller_->interactiveRunId());
    if (t.interventions > 0)
        text += tr(" · ⚑ %n intervention(s)", nullptr, t.interventions);
    if (!controller_->lastError().isEmpty())
        text += QStringLiteral(" · <span style='color:#d23c3c'>%1</span>")
                    .arg(controller_->lastError().toHtmlEscaped());
    status_->setText(text);
}

void ReasoningDock::followRunning() {
    const int running = model_->runningRow();
    int row = -1;
    if (follow_ && running >= 0) {
        row = running;
    } else if (follow_) {
        // The last finished step, or the first pending stage.
        for (int r = model_->rowCount() - 1; r >= 0; --r)
            if (model_->index(r, 0).data(StagesModel::StepIndexRole).toInt() >= 0) {
                row = r;
                break;
            }
        if (row < 0 && model_->rowCount() > 0)
            row = 0;
    } else if (keptStep_ >= 0) {
        row = model_->rowOfStep(keptStep_); // the stage the user picked stays picked
    }
    if (row >= 0) {
        selecting_ = true;
        table_->setCurrentIndex(model_->index(row, 0));
        selecting_ = false;
    }
    showSelected();
    updateActions();
}

bool ReasoningDock::selectStage(StageId stage, int candidate) {
    const int step = controller_->stepOf(stage, candidate);
    if (step < 0 || model_->rowOfStep(step) < 0)
        return false;
    session_->selectStage(stage, candidate, controller_->citedByStep(step));
    return true;
}

// Tells Session which stage is shown: picked by hand (what a label applies to) or followed.
void ReasoningDock::publishRow(bool picked) {
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid())
        return;
    const auto stage = static_cast<StageId>(current.data(StagesModel::StageRole).toInt());
    const int candidate = current.data(StagesModel::CandidateRole).toInt();
    const QStringList cited = controller_->citedByStep(selectedStep());
    if (picked)
        session_->selectStage(stage, candidate, cited);
    else
        session_->showStage(stage, candidate, cited);
}

void ReasoningDock::publishSpan() {
    const int step = selectedStep();
    const auto& steps = controller_->trace().steps;
    if (step < 0 || step >= static_cast<int>(steps.size()))
        return;
    const auto span = spanOfSelection(steps[static_cast<std::size_t>(step)], stream_->textCursor());
    if (!span) {
        session_->selectSpan(std::nullopt);
        return;
    }
    session_->selectSpan(TextSpan{span->spanField, span->spanStart, span->spanEnd, span->spanText});
}

// A stage picked elsewhere (a bookmark, the triage keys): show it.
void ReasoningDock::onSelectionChanged(const Selection& now, const Selection& before) {
    if (now.picked != AnnotationTarget::Stage || now.stage == StageId::Invalid ||
        (now.stage == before.stage && now.candidate == before.candidate &&
         before.picked == AnnotationTarget::Stage))
        return;
    const QModelIndex current = table_->currentIndex();
    if (current.isValid() &&
        current.data(StagesModel::StageRole).toInt() == static_cast<int>(now.stage) &&
        current.data(StagesModel::CandidateRole).toInt() == now.candidate) {
        follow_ = false;
        return;
    }
    const int row = model_->rowOfStep(controller_->stepOf(now.stage, now.candidate));
    if (row < 0)
        return;
    follow_ = false;
    table_->setCurrentIndex(model_->index(row, 0));
}

void ReasoningDock::showSelected() {
    updateActions();
    const int step = selectedStep();
    const auto& steps = controller_->trace().steps;
    if (step < 0 || step >= static_cast<int>(steps.size())) {
        prompt_->clear();
        parsed_->clear();
        interventions_->clear();
        showStream();
        return;
    }
    const StepRecord& s = steps[static_cast<std::size_t>(step)];
    prompt_->setPlainText(QString::fromStdString(s.prompt));
    parsed_->setPlainText(QString::fromStdString(toReadableJson(s.output)));
    QString rpi;
    for (const auto& e : controller_->trace().events) {
        if (e.stepSeq != s.seq)
            continue;
        if (e.kind == EventKind::Intervention)
            rpi += tr("<p><b>⚑ %1</b> (%2 mode) — %3<br>%4<br><i>Injected:</i> %5<br>"
                      "<i>Outcome:</i> %6</p>")
                       .arg(StageText::rule(e.rule).toHtmlEscaped(),
                            StageText::mode(e.mode).toHtmlEscaped(),
                            StageText::ruleExplained(e.rule).toHtmlEscaped(),
                            QString::fromStdString(e.evidence).toHtmlEscaped(),
                            QString::fromStdString(e.injected).toHtmlEscaped(),
                            StageText::outcome(e.outcome).toHtmlEscaped());
        else
            rpi += QStringLiteral("<p>%1</p>")
                       .arg(QString::fromStdString(e.detail.empty() ? e.evidence : e.detail)
                                .toHtmlEscaped());
    }
    // A level whose template marks its sub-steps: which ones the text worked through.
    QString coverage;
    if (s.output.steps && s.output.stepsCovered) {
        QStringList missing;
        const auto& covered = *s.output.stepsCovered;
        for (int n = 1; n <= *s.output.steps; ++n)
            if (std::find(covered.begin(), covered.end(), n) == covered.end())
                missing << QString::number(n);
        coverage =
            QStringLiteral("<p>") +
            tr("Sub-steps covered: %1 of %2").arg(covered.size()).arg(*s.output.steps) +
            (missing.isEmpty() ? QString()
                               : QStringLiteral(" · ") +
                                     tr("missing: %1").arg(missing.join(QStringLiteral(", ")))) +
            QStringLiteral("</p>");
    }
    interventions_->setHtml(coverage +
                            (rpi.isEmpty() ? tr("<p>No interventions in this stage.</p>") : rpi));
    tabs_->setTabText(3, rpi.isEmpty() ? tr("Interventions") : tr("Interventions ⚑"));
    showStream();
}

void ReasoningDock::showStream() {
    showTags();
    const QModelIndex current = table_->currentIndex();
    const bool runningRow = current.isValid() && current.row() == model_->runningRow();
    if (runningRow) {
        stream_->setHtml(stepStreamHtml(controller_->liveReasoning(), controller_->liveAnswer(),
                                        true, controller_->liveRounds()));
        stream_->moveCursor(QTextCursor::End);
        return;
    }
    const int step = selectedStep();
    const auto& steps = controller_->trace().steps;
    if (step < 0 || step >= static_cast<int>(steps.size())) {
        stream_->setHtml(current.isValid() ? tr("<p><i>Not run yet.</i></p>") : QString());
        return;
    }
    const StepRecord& s = steps[static_cast<std::size_t>(step)];
    if (s.stage == StageId::Score) {
        showScore(s);
        return;
    }
    stream_->setHtml(stepStreamHtml(QString::fromStdString(s.reasoning),
                                    QString::fromStdString(s.answer), false,
                                    interventionRounds(controller_->trace(), s.seq)));
}

// The Score stage: the scores and whether the answer is right, not the answer again.
void ReasoningDock::showScore(const StepRecord& step) {
    const UserTrace& t = controller_->trace();
    const QString mark = StageText::correctMark(t);
    const QString color = mark == QStringLiteral("✔")   ? QStringLiteral("#2e9e4f")
                          : mark == QStringLiteral("✖") ? QStringLiteral("#d23c3c")
                                                        : QStringLiteral("#808080");
    QString html = QStringLiteral("<p style='font-size:x-large; color:%1'>%2</p>")
                       .arg(color, StageText::scoreSummary(t).toHtmlEscaped());
    for (const auto& [name, value] : t.scores)
        html += QStringLiteral("<div>%1: <b>%2</b></div>")
                    .arg(QString::fromStdString(name).toHtmlEscaped(),
                         QLocale().toString(value, 'f', 3));
    if (t.gold)
        html += tr("<p style='color:#808080'>Gold: %1 · %2</p>")
                    .arg(QString::fromStdString(*t.gold).toHtmlEscaped(),
                         step.output.inFormat.value_or(false) ? tr("answer in the task's format")
                                                              : tr("answer not in the format"));
    stream_->setHtml(html);
}

// Ctrl+R: forget the selected stage and what follows, and run them again to the end.
void ReasoningDock::rerunSelected() {
    const QModelIndex current = table_->currentIndex();
    if (!current.isValid())
        return;
    follow_ = true;
    if (controller_->rerunFrom(static_cast<StageId>(current.data(StagesModel::StageRole).toInt())))
        controller_->runToEnd();
}

void ReasoningDock::editSelected() {
    const int step = selectedStep();
    const auto& steps = controller_->trace().steps;
    if (step < 0 || step >= static_cast<int>(steps.size()))
        return;
    const StepRecord s = steps[static_cast<std::size_t>(step)];
    // A real editor: the text wraps, the dialog resizes, the size grip shows it can.
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("EditOutputDialog"));
    dialog.setWindowTitle(tr("Edit Output"));
    dialog.setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(&dialog);
    auto* label = new QLabel(tr("Replace the output of %1; everything after it runs again.")
                                 .arg(StageText::stage(s.stage, s.candidate)),
                             &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    auto* editor = new QPlainTextEdit(&dialog);
    editor->setObjectName(QStringLiteral("EditOutputText"));
    editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    editor->setPlainText(QString::fromStdString(s.answer));
    layout->addWidget(editor, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(720, 480);
    if (dialog.exec() != QDialog::Accepted)
        return;
    follow_ = true;
    controller_->replaceOutput(s.stage, s.candidate, editor->toPlainText());
}

// The Tags tab: which chain, then the chain.
QWidget* ReasoningDock::buildTagsTab(QWidget* parent) {
    tagsPage_ = new QWidget(parent);
    tagsPage_->setObjectName(QStringLiteral("TagsPage"));
    auto* layout = new QVBoxLayout(tagsPage_);
    layout->setContentsMargins(2, 2, 2, 2);
    auto* row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Chain:"), tagsPage_));
    tagSource_ = new QComboBox(tagsPage_);
    tagSource_->setObjectName(QStringLiteral("TagChainSource"));
    tagSource_->setToolTip(tr("The selected stage's text, or a tagged system's chain for this "
                              "user in the shown run"));
    tagSource_->addItem(tr("Selected stage"), -1);
    row->addWidget(tagSource_, 1);
    layout->addLayout(row);
    tagView_ = new TagChainView(tagsPage_);
    layout->addWidget(tagView_, 1);
    connect(tagSource_, &QComboBox::currentIndexChanged, this, &ReasoningDock::showTags);
    connect(tagView_, &TagChainView::tagRequested, this, &ReasoningDock::correctTags);
    connect(session_, &Session::runChanged, this, &ReasoningDock::showTags);
    connect(tabs_, &QTabWidget::currentChanged, this, &ReasoningDock::showTags);
    return tagsPage_;
}

// "Selected stage", then the shown stored run's systems that reason in one chain.
void ReasoningDock::fillTagSources() {
    const QVariant kept = tagSource_->currentData();
    const QSignalBlocker block(tagSource_);
    tagSource_->clear();
    tagSource_->addItem(tr("Selected stage"), -1);
    if (const auto run = session_->runResults())
        for (const SystemId s : run->info.systems)
            if (s == SystemId::TagPR || s == SystemId::LrmRag)
                tagSource_->addItem(
                    tr("%1 chain (run %2)").arg(StageText::system(s)).arg(run->runId),
                    static_cast<int>(s));
    const int at = tagSource_->findData(kept);
    tagSource_->setCurrentIndex(at >= 0 ? at : 0);
}

namespace {

// A step's chain and where its spans come from: the tagpr system's or stored spans; tags the
// model wrote by itself; else the offline tagger's. `live`: a stream still going.
std::pair<tags::CheckedChain, QString> chainOfStep(const tags::TagSet& set,
                                                   const engine::HrtTemplate* hrt,
                                                   const UserTrace& trace, const StepRecord& step,
                                                   bool live) {
    const QString model = ReasoningDock::tr("the model's own tags");
    const std::string text = tags::chainText(step.reasoning, step.answer);
    if (!live && tags::isTaggedStep(trace, step)) {
        const std::string source = tags::preferredSpanSource(step);
        return {
            tags::checkChain(set, hrt, trace, text, tags::storedChain(set, step), false),
            source.empty() || source == "model"
                ? model
                : ReasoningDock::tr("spans as stored (%1)").arg(QString::fromStdString(source))};
    }
    tags::TagParser parser(set);
    parser.feed(tags::ChainField::Reasoning, step.reasoning);
    parser.feed(tags::ChainField::Content, step.answer);
    tags::ParsedChain parsed = live ? parser.snapshot() : parser.finish();
    if (!parsed.spans.empty())
        return {tags::checkChain(set, hrt, trace, text, std::move(parsed), false), model};
    tags::ParsedChain tagged = tags::autoTaggedChain(set, hrt, step);
    tagged.complete = !live; // a stage still streaming: what it has so far
    return {tags::checkChain(set, hrt, trace, text, std::move(tagged), true),
            ReasoningDock::tr("auto-tagged by the %1: rules, not a language model")
                .arg(QString::fromUtf8(tags::kOfflineTaggerName.data(),
                                       static_cast<qsizetype>(tags::kOfflineTaggerName.size())))};
}

} // namespace

void ReasoningDock::showTags() {
    if (!tagsPage_ || tabs_->currentWidget() != tagsPage_)
        return; // parsing and checking only for a tab one can see
    fillTagSources();
    shownChain_ = ShownChain{};
    tagView_->setEditable(false);
    // A stored step on screen: what a correction applies to.
    auto remember = [this](std::int64_t runId, const UserTrace& t, const StepRecord& st,
                           const tags::CheckedChain& chain) {
        shownChain_ = ShownChain{runId, t.userId, t.system, st.seq, chain.text, st.tagSpans, {}};
        for (const auto& sp : chain.chain.spans)
            shownChain_.shown.push_back({static_cast<std::int64_t>(sp.start),
                                         static_cast<std::int64_t>(sp.end), sp.tag, "", "", 1, "",
                                         0});
        tagView_->setEditable(runId != 0);
    };
    ProjectStore* store = session_->store();
    if (!store) {
        tagView_->clear(tr("Open a dataset to see tagged chains."));
        return;
    }
    const auto set = tags::projectTagSet(*store);
    if (!set) {
        tagView_->clear(QString::fromStdString(set.error().message).toHtmlEscaped());
        return;
    }
    const engine::HrtTemplate* hrt = engine::builtinHrtTemplate(session_->task());
    const int source = tagSource_->currentData().toInt();
    if (source >= 0) {
        const auto run = session_->runResults();
        const UserIndexEntry* entry = session_->selectedEntry();
        if (!run || !entry) {
            tagView_->clear(tr("Select a user of the shown run."));
            return;
        }
        RunStore runs(*store);
        auto trace = runs.userTrace(run->runId, entry->id, static_cast<SystemId>(source));
        const StepRecord* generate = nullptr;
        if (trace)
            for (const auto& st : trace->steps)
                if (st.stage == StageId::Generate && st.status == StepStatus::Done)
                    generate = &st;
        if (!generate) {
            tagView_->clear(tr("Run %1 has no finished %2 chain for user %3.")
                                .arg(run->runId)
                                .arg(StageText::system(static_cast<SystemId>(source)),
                                     QString::fromStdString(entry->id).toHtmlEscaped()));
            return;
        }
        const auto [chain, origin] = chainOfStep(*set, hrt, *trace, *generate, false);
        tagView_->setChain(*set, chain, origin);
        remember(run->runId, *trace, *generate, chain);
        return;
    }
    const QModelIndex current = table_->currentIndex();
    const UserTrace& t = controller_->trace();
    StepRecord step;
    bool live = false;
    if (current.isValid() && current.row() == model_->runningRow()) {
        step.stage = controller_->runningStage();
        step.reasoning = controller_->liveReasoning().toStdString();
        step.answer = controller_->liveAnswer().toStdString();
        live = true;
    } else if (const int i = selectedStep(); i >= 0 && i < static_cast<int>(t.steps.size())) {
        step = t.steps[static_cast<std::size_t>(i)];
    } else {
        tagView_->clear(current.isValid() ? tr("Not run yet.") : QString());
        return;
    }
    if (step.stage == StageId::Retrieve || step.stage == StageId::Score ||
        step.stage == StageId::CrossReference || (step.reasoning.empty() && step.answer.empty())) {
        tagView_->clear(tr("%1 has no reasoning chain to tag.").arg(StageText::stage(step.stage)));
        return;
    }
    // A stored trace's step: the spans as stored now (a correction made since included).
    const std::int64_t runId = live ? 0 : controller_->annotatedRunId();
    if (runId != 0) {
        TagSpanQuery q;
        q.system = t.system;
        q.userId = t.userId;
        q.stepSeq = step.seq;
        if (auto spans = RunStore(*store).tagSpans(runId, q)) {
            step.tagSpans.clear();
            for (auto& sp : *spans)
                step.tagSpans.push_back(std::move(sp.span));
        }
    }
    const auto [chain, origin] = chainOfStep(*set, hrt, t, step, live);
    tagView_->setChain(*set, chain, origin);
    if (runId != 0)
        remember(runId, t, step, chain);
}

void ReasoningDock::correctTags(int tag, std::size_t start, std::size_t end) {
    ProjectStore* store = session_->store();
    if (!store || shownChain_.runId == 0)
        return;
    const auto set = tags::projectTagSet(*store);
    if (!set || tag >= static_cast<int>(set->tags.size()))
        return;
    const std::string me = session_->annotator().trimmed().toStdString();
    if (me.empty()) {
        tagView_->summary()->setText(tr("Name the annotator first (Annotations dock)."));
        return;
    }
    // The selection without the whitespace at its edges.
    const std::string& text = shownChain_.text;
    auto space = [](char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    };
    end = std::min(end, text.size());
    while (start < end && space(text[start]))
        ++start;
    while (end > start && space(text[end - 1]))
        --end;
    if (start >= end)
        return;
    // This person's spans, or (a first correction) the spans on screen, with the selection cut out.
    std::vector<TagSpanRecord> mine;
    for (const auto& r : shownChain_.stored)
        if (r.source == "human" && r.annotator == me)
            mine.push_back(r);
    if (mine.empty())
        mine = shownChain_.shown;
    std::vector<TagSpanRecord> out;
    const auto s = static_cast<std::int64_t>(start), e = static_cast<std::int64_t>(end);
    for (const auto& r : mine) {
        if (r.end <= s || r.start >= e) {
            out.push_back(r);
            continue;
        }
        if (r.start < s)
            out.push_back({r.start, s, r.tag, "", "", 1, "", 0});
        if (r.end > e)
            out.push_back({e, r.end, r.tag, "", "", 1, "", 0});
    }
    if (tag >= 0)
        out.push_back({s, e, set->tags[static_cast<std::size_t>(tag)].id, "", "", 1, "", 0});
    std::sort(out.begin(), out.end(),
              [](const TagSpanRecord& a, const TagSpanRecord& b) { return a.start < b.start; });
    for (auto& r : out) {
        r.source = "human";
        r.annotator = me;
        r.confidence = 1;
        r.tagSetId = set->id;
        r.tagSetVersion = set->version;
    }
    const auto stored = RunStore(*store).replaceTagSpans(
        shownChain_.runId, {{shownChain_.userId, shownChain_.system, shownChain_.stepSeq, "human",
                             me, std::move(out)}});
    if (!stored) {
        tagView_->summary()->setText(
            QString::fromStdString(stored.error().message).toHtmlEscaped());
        return;
    }
    showTags();
}

} // namespace r2p::ui
