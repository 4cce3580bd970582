#include "AnnotationsDock.h"

#include "ui/AnnotationText.h"
#include "ui/RunController.h"
#include "ui/Session.h"
#include "ui/StageText.h"
#include "ui/models/AnnotationsModel.h"
#include "ui/util/FlowLayout.h"
#include "ui/util/Scrollable.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <functional>
#include <map>
#include <optional>

namespace r2p::ui {

AnnotationsDock::AnnotationsDock(Session* session, RunController* controller, QWidget* parent)
    : QDockWidget(tr("Annotations"), parent), session_(session), controller_(controller) {
    setObjectName(QStringLiteral("AnnotationsDock"));
    target_.target = AnnotationTarget::Run;
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    targetLabel_ = new QLabel(body);
    targetLabel_->setObjectName(QStringLiteral("AnnotationTarget"));
    targetLabel_->setTextFormat(Qt::RichText);
    targetLabel_->setWordWrap(true);
    layout->addWidget(targetLabel_);

    auto* who = new QHBoxLayout;
    who->setContentsMargins(0, 0, 0, 0);
    annotator_ = new QLineEdit(session_->annotator(), body);
    annotator_->setObjectName(QStringLiteral("AnnotatorLine"));
    annotator_->setPlaceholderText(tr("your name"));
    annotator_->setToolTip(tr("Who annotates: kept with every label"));
    who->addWidget(new QLabel(tr("Annotator:"), body));
    who->addWidget(annotator_, 1);
    severity_ = new QComboBox(body);
    severity_->setObjectName(QStringLiteral("SeverityBox"));
    severity_->setToolTip(
        tr("Severity of the label just made, or of the next one (S cycles; Ctrl+Z undoes)"));
    for (AnnotationSeverity s :
         {AnnotationSeverity::Minor, AnnotationSeverity::Major, AnnotationSeverity::Critical})
        severity_->addItem(AnnotationText::severity(s), static_cast<int>(s));
    severity_->setCurrentIndex(1);
    who->addWidget(new QLabel(tr("Severity:"), body));
    who->addWidget(severity_);
    layout->addLayout(who);
    note_ = new QLineEdit(body);
    note_->setObjectName(QStringLiteral("NoteLine"));
    note_->setPlaceholderText(
        tr("Note for the label just made (Ctrl+M; Return saves it and goes back)"));
    note_->setClearButtonEnabled(true);
    layout->addWidget(note_);

    // As many columns of label buttons as the dock's width holds, one when narrow: no label
    // is cut off (German names are long) and none needs a sideways scroll.
    labelGrid_ = new FlowLayout(nullptr, FlowLayout::Widths::Columns);
    layout->addLayout(labelGrid_);

    status_ = new QLabel(body);
    status_->setObjectName(QStringLiteral("AnnotationStatus"));
    status_->setWordWrap(true);
    layout->addWidget(status_);

    buildView(body);
    layout->addWidget(view_, 1);

    earlier_ = new QLabel(body);
    earlier_->setObjectName(QStringLiteral("EarlierAnnotations"));
    earlier_->setWordWrap(true);
    earlier_->setTextFormat(Qt::RichText);
    layout->addWidget(earlier_);
    layout->addWidget(new QLabel(tr("Bookmarks (M adds, B / Shift+B jump):"), body));
    bookmarks_ = new QListWidget(body);
    bookmarks_->setObjectName(QStringLiteral("BookmarksList"));
    bookmarks_->setMaximumHeight(bookmarks_->fontMetrics().height() * 4 + 8);
    layout->addWidget(bookmarks_);
    setWidget(scrollable(body, this)); // the label grid must not widen the Users column

    connect(annotator_, &QLineEdit::editingFinished, this,
            [this] { session_->setAnnotator(annotator_->text()); });
    connect(bookmarks_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int row = bookmarks_->row(item);
        if (row >= 0 && row < static_cast<int>(bookmarkRows_.size()))
            emit bookmarkActivated(bookmarkRows_[static_cast<std::size_t>(row)]);
    });
    // Return leaves the note for where the keys were, so the next number key labels again.
    connect(note_, &QLineEdit::returnPressed, this, [this] {
        commitNote(); // on the label just made; else kept for the next label
        if (beforeNote_)
            beforeNote_->setFocus();
        else
            window()->setFocus();
    });
    // The target follows the selection: the user's run, a stage, a span or a verdict.
    connect(session_, &Session::selectionChanged, this,
            [this](const Selection& now, const Selection&) { setTarget(now.annotationTarget()); });
    connect(session_, &Session::projectChanged, this, &AnnotationsDock::rebuildLabels);
    connect(session_, &Session::annotationsChanged, this, &AnnotationsDock::refresh);
    connect(session_, &Session::bookmarksChanged, this, &AnnotationsDock::refreshBookmarks);
    connect(session_, &Session::runChanged, this, &AnnotationsDock::refreshBookmarks);
    connect(controller_, &RunController::traceChanged, this, [this] {
        // Another user or another trace: the target goes back to the whole run.
        if (controller_->trace().userId != shownUser_) {
            shownUser_ = controller_->trace().userId;
            target_ = Annotation{};
            setTarget(session_->selection().annotationTarget());
            // S and Ctrl+M never reach back to another user's label; messages do not outlive
            // the user they were about.
            lastId_ = 0;
            undo_.clear();
            setSeverityBox(AnnotationSeverity::Major);
            showMessage(QString(), false);
        }
        refresh();
    });
    rebuildLabels();
    refresh();
    refreshBookmarks();
}

// The table of the target's annotations: notes edited in place, Delete removes one.
void AnnotationsDock::buildView(QWidget* body) {
    view_ = new QTableView(body);
    view_->setObjectName(QStringLiteral("AnnotationsView"));
    model_ = new AnnotationsModel(this);
    model_->setNoteCommitter([this](const Annotation& a, const QString& note) {
        QString error;
        if (!session_->updateAnnotation(a.id, a.severity, note, &error)) {
            showMessage(error, true);
            return false;
        }
        undo_.push_back({UndoStep::Kind::Edited, a});
        return true;
    });
    view_->setModel(model_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->setWordWrap(false);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setStretchLastSection(true);
    auto* remove = new QAction(tr("Remove Annotation"), view_);
    remove->setObjectName(QStringLiteral("removeAnnotation"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    view_->addAction(remove);
    view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(remove, &QAction::triggered, this, [this] { removeSelected(); });
}

void AnnotationsDock::rebuildLabels() {
    for (QToolButton* b : buttons_)
        delete b;
    buttons_.clear();
    for (const FailureLabel& label : session_->taxonomy().labels) {
        auto* b = new QToolButton(widget());
        b->setObjectName(QStringLiteral("label-") + QString::fromStdString(label.id));
        const QString name = AnnotationText::labelName(session_->taxonomy(), label.id);
        b->setText(label.shortcut.empty() ? name
                                          : QStringLiteral("%1  %2").arg(
                                                QString::fromStdString(label.shortcut), name));
        b->setToolTip(AnnotationText::labelDescription(session_->taxonomy(), label.id));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        const std::string id = label.id;
        connect(b, &QToolButton::clicked, this, [this, id] { applyLabel(id); });
        labelGrid_->addWidget(b);
        buttons_ << b;
    }
    refresh();
}

bool AnnotationsDock::canAnnotate() const {
    return controller_->annotatedRunId() > 0 && !controller_->trace().userId.empty();
}

QString AnnotationsDock::message() const {
    return message_;
}

void AnnotationsDock::showMessage(const QString& text, bool error) {
    message_ = text;
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color:#d23c3c") : QString());
    if (!messageTimer_) {
        messageTimer_ = new QTimer(this);
        messageTimer_->setSingleShot(true);
        connect(messageTimer_, &QTimer::timeout, this, [this] { showMessage(QString(), false); });
    }
    if (text.isEmpty())
        messageTimer_->stop();
    else
        messageTimer_->start(error ? 15000 : 8000);
}

void AnnotationsDock::focusNote(QWidget* returnTo) {
    beforeNote_ = returnTo;
    show();
    raise();
    note_->setFocus();
}

QString AnnotationsDock::pendingNote() const {
    return note_->text();
}

void AnnotationsDock::clearNote() {
    note_->clear();
}

void AnnotationsDock::setTarget(const Annotation& target) {
    target_.target = target.target;
    target_.stage = target.stage;
    target_.candidate = target.candidate;
    target_.spanField = target.spanField;
    target_.spanStart = target.spanStart;
    target_.spanEnd = target.spanEnd;
    target_.spanText = target.spanText;
    updateTargetText();
}

void AnnotationsDock::updateTargetText() {
    if (!canAnnotate()) {
        targetLabel_->setText(
            tr("<i>Annotations attach to a stored run: pick a user of the run the Users view "
               "shows, or run a batch (Ctrl+B).</i>"));
        for (QToolButton* b : buttons_)
            b->setEnabled(false);
        return;
    }
    for (QToolButton* b : buttons_)
        b->setEnabled(true);
    targetLabel_->setText(
        tr("Run #%1 · user <b>%2</b> · labelling: <b>%3</b>")
            .arg(controller_->annotatedRunId())
            .arg(QString::fromStdString(controller_->trace().userId).toHtmlEscaped(),
                 AnnotationText::item(target_).toHtmlEscaped()));
}

bool AnnotationsDock::applyShortcut(const QString& key) {
    for (const FailureLabel& label : session_->taxonomy().labels)
        if (QString::fromStdString(label.shortcut) == key)
            return applyLabel(label.id);
    return false;
}

bool AnnotationsDock::applyLabel(const std::string& labelId) {
    if (!canAnnotate()) {
        showMessage(tr("Nothing to annotate: select a user of a stored run first."), true);
        return false;
    }
    const QString annotator = annotator_->text().trimmed();
    if (annotator.isEmpty()) {
        showMessage(tr("Name the annotator first."), true);
        annotator_->setFocus();
        return false;
    }
    session_->setAnnotator(annotator);
    Annotation a = target_;
    a.runId = controller_->annotatedRunId();
    a.userId = controller_->trace().userId;
    a.system = SystemId::R2P;
    a.label = labelId;
    // The box's severity was chosen for this label only when no label was just made (after a
    // label, S edits that label); otherwise a new label starts at the default, never sticking
    // at whatever the previous label was given.
    a.severity = lastId_ == 0 ? static_cast<AnnotationSeverity>(severity_->currentData().toInt())
                              : AnnotationSeverity::Major;
    a.note = note_->text().toStdString();
    a.annotator = annotator.toStdString();
    QString error;
    if (!session_->addAnnotations({a}, &error)) {
        showMessage(error, true);
        return false;
    }
    note_->clear();
    // The label just made: the newest annotation of this user on the run. S and Ctrl+M now act
    // on it; the next label starts from the default severity again.
    lastId_ = 0;
    for (const Annotation& made : session_->annotationsOfUser(a.runId, a.userId))
        lastId_ = std::max(lastId_, made.id);
    setSeverityBox(a.severity); // the box shows the label just made
    if (lastId_ > 0) {
        Annotation added = a;
        added.id = lastId_;
        undo_.push_back({UndoStep::Kind::Added, added});
    }
    showMessage(tr("Saved “%1” (%2) on %3. S changes its severity, Ctrl+M adds a note, Ctrl+Z "
                   "undoes.")
                    .arg(AnnotationText::labelName(session_->taxonomy(), labelId),
                         AnnotationText::severity(a.severity), AnnotationText::item(a)),
                false);
    return true;
}

void AnnotationsDock::setSeverityBox(AnnotationSeverity severity) {
    const int index = severity_->findData(static_cast<int>(severity));
    if (index >= 0)
        severity_->setCurrentIndex(index);
}

namespace {

const Annotation* findAnnotation(const std::vector<Annotation>& list, std::int64_t id) {
    for (const Annotation& a : list)
        if (a.id == id)
            return &a;
    return nullptr;
}

} // namespace

void AnnotationsDock::cycleSeverity() {
    severity_->setCurrentIndex((severity_->currentIndex() + 1) % severity_->count());
    if (lastId_ <= 0)
        return;
    const auto list = session_->annotationsOfUser(controller_->annotatedRunId(), shownUser_);
    const Annotation* last = findAnnotation(list, lastId_);
    if (!last)
        return;
    const auto severity = static_cast<AnnotationSeverity>(severity_->currentData().toInt());
    QString error;
    const Annotation before = *last;
    if (!session_->updateAnnotation(lastId_, severity, QString::fromStdString(before.note),
                                    &error)) {
        showMessage(error, true);
        return;
    }
    undo_.push_back({UndoStep::Kind::Edited, before});
    showMessage(tr("Severity of “%1”: %2.")
                    .arg(AnnotationText::labelName(session_->taxonomy(), before.label),
                         AnnotationText::severity(severity)),
                false);
}

bool AnnotationsDock::commitNote() {
    if (lastId_ <= 0 || note_->text().trimmed().isEmpty())
        return false; // kept for the next label
    const auto list = session_->annotationsOfUser(controller_->annotatedRunId(), shownUser_);
    const Annotation* last = findAnnotation(list, lastId_);
    if (!last)
        return false;
    const Annotation before = *last;
    QString error;
    if (!session_->updateAnnotation(lastId_, before.severity, note_->text(), &error)) {
        showMessage(error, true);
        return false;
    }
    undo_.push_back({UndoStep::Kind::Edited, before});
    note_->clear();
    showMessage(tr("Note saved on “%1”.")
                    .arg(AnnotationText::labelName(session_->taxonomy(), before.label)),
                false);
    return true;
}

bool AnnotationsDock::undo() {
    if (undo_.empty()) {
        showMessage(tr("Nothing to undo."), false);
        return false;
    }
    const UndoStep step = undo_.back();
    undo_.pop_back();
    QString error;
    bool ok = false;
    switch (step.kind) {
    case UndoStep::Kind::Added:
        ok = session_->removeAnnotation(step.annotation.id, &error);
        if (ok && lastId_ == step.annotation.id)
            lastId_ = 0;
        break;
    case UndoStep::Kind::Removed:
        ok = session_->addAnnotations({step.annotation}, &error);
        break;
    case UndoStep::Kind::Edited:
        ok = session_->updateAnnotation(step.annotation.id, step.annotation.severity,
                                        QString::fromStdString(step.annotation.note), &error);
        if (ok && step.annotation.id == lastId_)
            setSeverityBox(step.annotation.severity);
        break;
    }
    if (!ok) {
        showMessage(error, true);
        return false;
    }
    showMessage(tr("Undone."), false);
    return true;
}

bool AnnotationsDock::removeSelected() {
    const QModelIndex current = view_->currentIndex();
    if (!current.isValid())
        return false;
    const std::int64_t id = current.data(AnnotationsModel::IdRole).toLongLong();
    const auto list = session_->annotationsOfUser(controller_->annotatedRunId(), shownUser_);
    const Annotation* removed = findAnnotation(list, id);
    const std::optional<Annotation> copy =
        removed ? std::optional<Annotation>(*removed) : std::nullopt;
    QString error;
    if (!session_->removeAnnotation(id, &error)) {
        showMessage(error, true);
        return false;
    }
    if (copy)
        undo_.push_back({UndoStep::Kind::Removed, *copy});
    if (id == lastId_)
        lastId_ = 0;
    showMessage(tr("Annotation removed (Ctrl+Z undoes)."), false);
    return true;
}

void AnnotationsDock::refresh() {
    updateTargetText();
    const std::int64_t runId = controller_->annotatedRunId();
    const std::string user = controller_->trace().userId;
    model_->setAnnotations(canAnnotate() ? session_->annotationsOfUser(runId, user)
                                         : std::vector<Annotation>{},
                           &session_->taxonomy());
    const auto earlier =
        canAnnotate() ? session_->annotationsOnOtherRuns(runId, user) : std::vector<Annotation>{};
    if (earlier.empty()) {
        earlier_->clear();
        earlier_->hide();
        return;
    }
    std::map<std::int64_t, int, std::greater<>> perRun;
    for (const Annotation& a : earlier)
        ++perRun[a.runId];
    QStringList runs;
    for (const auto& [run, n] : perRun)
        runs << tr("run #%1 (%n)", nullptr, n).arg(run);
    earlier_->setText(tr("◷ This user was also annotated on other runs: %1.")
                          .arg(runs.join(QStringLiteral(", "))));
    earlier_->show();
}

void AnnotationsDock::refreshBookmarks() {
    bookmarkRows_ = session_->bookmarks();
    bookmarks_->clear();
    for (const Bookmark& b : bookmarkRows_) {
        QString text = tr("user %1").arg(QString::fromStdString(b.userId));
        if (b.stage != StageId::Invalid)
            text += QStringLiteral(" · ") + StageText::stage(b.stage, b.candidate);
        if (!b.note.empty())
            text += QStringLiteral(" — ") + QString::fromStdString(b.note);
        bookmarks_->addItem(text);
    }
}

} // namespace r2p::ui
