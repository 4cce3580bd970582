#include "Triage.h"

#include "RunController.h"
#include "Session.h"
#include "SpanSelection.h"
#include "models/UsersModel.h"
#include "models/UsersProxyModel.h"
#include "windows/AnnotationsDock.h"
#include "windows/ReasoningDock.h"
#include "windows/UsersDock.h"
#include "windows/VerdictsDock.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace r2p::ui {

Triage::Triage(QWidget* window, Session* session, RunController* controller, UsersDock* users,
               ReasoningDock* reasoning, VerdictsDock* verdicts, AnnotationsDock* annotations)
    : QObject(window), window_(window), session_(session), controller_(controller), users_(users),
      reasoning_(reasoning), verdicts_(verdicts), annotations_(annotations) {
    for (int n = 1; n <= 9; ++n) {
        const QString key = QString::number(n);
        QAction* a =
            make(QStringLiteral("label%1").arg(n), tr("Label %1").arg(n), QKeySequence(key));
        connect(a, &QAction::triggered, annotations_, [this, key] {
            annotations_->show();
            annotations_->applyShortcut(key);
        });
    }
    connect(make(QStringLiteral("targetRun"), tr("Label the &Whole Run"), QKeySequence(Qt::Key_0)),
            &QAction::triggered, this, [this] {
                Annotation whole;
                whole.target = AnnotationTarget::Run;
                annotations_->setTarget(whole);
            });
    connect(make(QStringLiteral("nextUnannotated"), tr("&Next Unannotated User"),
                 QKeySequence(Qt::Key_N)),
            &QAction::triggered, this, [this] { nextUnannotated(1); });
    connect(make(QStringLiteral("previousUnannotated"), tr("&Previous Unannotated User"),
                 QKeySequence(Qt::SHIFT | Qt::Key_N)),
            &QAction::triggered, this, [this] { nextUnannotated(-1); });
    connect(make(QStringLiteral("cycleSeverity"), tr("Cycle &Severity"), QKeySequence(Qt::Key_S)),
            &QAction::triggered, this, [this] { annotations_->cycleSeverity(); });
    connect(make(QStringLiteral("undoAnnotation"), tr("&Undo Label, Removal or Note"),
                 QKeySequence(Qt::CTRL | Qt::Key_Z)),
            &QAction::triggered, this, [this] { annotations_->undo(); });
    connect(
        make(QStringLiteral("focusNote"), tr("Write a N&ote"), QKeySequence(Qt::CTRL | Qt::Key_M)),
        &QAction::triggered, this, [this] {
            beforeNote_ = QApplication::focusWidget();
            annotations_->show();
            annotations_->raise();
            annotations_->noteLine()->setFocus();
        });
    // Return leaves the note for where the keys were, so the next number key labels again.
    connect(annotations_->noteLine(), &QLineEdit::returnPressed, this, [this] {
        annotations_->commitNote(); // on the label just made; else kept for the next label
        if (beforeNote_)
            beforeNote_->setFocus();
        else
            window_->setFocus();
    });
    connect(make(QStringLiteral("addBookmark"), tr("&Bookmark This"), QKeySequence(Qt::Key_M)),
            &QAction::triggered, this, [this] { addBookmark(); });
    connect(make(QStringLiteral("nextBookmark"), tr("Ne&xt Bookmark"), QKeySequence(Qt::Key_B)),
            &QAction::triggered, this, [this] { jumpToBookmark(1); });
    connect(make(QStringLiteral("previousBookmark"), tr("Pre&vious Bookmark"),
                 QKeySequence(Qt::SHIFT | Qt::Key_B)),
            &QAction::triggered, this, [this] { jumpToBookmark(-1); });
    QAction* sheet = make(QStringLiteral("cheatSheet"), tr("Triage &Cheat-Sheet"),
                          QKeySequence(QStringLiteral("?")));
    // "?" comes with Shift on most layouts; which form arrives depends on the platform.
    sheet->setShortcuts(
        {QKeySequence(QStringLiteral("?")), QKeySequence(Qt::SHIFT | Qt::Key_Question)});
    connect(sheet, &QAction::triggered, this, &Triage::showCheatSheet);

    // The target follows the latest selection.
    connect(reasoning_, &ReasoningDock::stepSelected, this, &Triage::targetStep);
    connect(reasoning_->streamView(), &QTextBrowser::selectionChanged, this, &Triage::targetSpan);
    connect(verdicts_->view()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    targetVerdict(current.row());
            });
    connect(annotations_, &AnnotationsDock::bookmarkActivated, this, &Triage::jumpTo);
    connect(controller_, &RunController::traceChanged, this, &Triage::applyPendingStage);
}

QAction* Triage::make(const QString& name, const QString& text, const QKeySequence& key) {
    auto* a = new QAction(text, window_);
    a->setObjectName(name);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WindowShortcut);
    window_->addAction(a);
    actions_ << a;
    return a;
}

void Triage::targetStep(int stepIndex) {
    const auto& steps = controller_->trace().steps;
    Annotation t;
    t.target = AnnotationTarget::Run;
    if (stepIndex >= 0 && stepIndex < static_cast<int>(steps.size())) {
        t.target = AnnotationTarget::Stage;
        t.stage = steps[static_cast<std::size_t>(stepIndex)].stage;
        t.candidate = steps[static_cast<std::size_t>(stepIndex)].candidate;
    }
    annotations_->setTarget(t);
}

void Triage::targetSpan() {
    const int step = reasoning_->selectedStep();
    const auto& steps = controller_->trace().steps;
    if (step < 0 || step >= static_cast<int>(steps.size()))
        return;
    const StepRecord& s = steps[static_cast<std::size_t>(step)];
    if (auto span = spanOfSelection(s, reasoning_->streamView()->textCursor()))
        annotations_->setTarget(*span);
    else
        targetStep(step); // the selection went away: back to the stage
}

void Triage::targetVerdict(int row) {
    const auto& verdicts = controller_->trace().verdicts;
    if (row < 0 || row >= static_cast<int>(verdicts.size()))
        return;
    Annotation t;
    t.target = AnnotationTarget::Verdict;
    t.stage = StageId::CrossReference;
    t.candidate = verdicts[static_cast<std::size_t>(row)].candidate;
    annotations_->setTarget(t);
}

bool Triage::nextUnannotated(int direction) {
    const auto run = session_->runResults();
    const auto counts = session_->annotationCounts();
    const auto dataset = session_->dataset();
    if (!run || !dataset)
        return false;
    QTableView* view = users_->view();
    const int rows = users_->proxy()->rowCount();
    const int current = view->currentIndex().isValid() ? view->currentIndex().row() : -1;
    for (int r = current + direction; r >= 0 && r < rows; r += direction) {
        const QModelIndex index = users_->proxy()->index(r, UsersModel::ColumnId);
        const auto row = static_cast<std::size_t>(index.data(UsersModel::DatasetRowRole).toInt());
        const std::string& id = dataset->users[row].id;
        if (run->row(id) && counts->onRunOf(id) == 0) {
            view->setCurrentIndex(index);
            view->scrollTo(index);
            return true;
        }
    }
    annotations_->show();
    return false;
}

bool Triage::addBookmark() {
    if (controller_->annotatedRunId() <= 0) {
        annotations_->showMessage(tr("Bookmarks mark users of a stored run."), true);
        return false;
    }
    Bookmark b;
    b.runId = controller_->annotatedRunId();
    b.userId = controller_->trace().userId;
    const Annotation& t = annotations_->target();
    if (t.target == AnnotationTarget::Stage || t.target == AnnotationTarget::Span ||
        t.target == AnnotationTarget::Verdict) {
        b.stage = t.stage;
        b.candidate = t.candidate;
    }
    b.note = annotations_->noteLine()->text().toStdString();
    QString error;
    if (!session_->addBookmark(b, &error)) {
        annotations_->showMessage(error, true);
        return false;
    }
    annotations_->noteLine()->clear(); // the note went with the bookmark
    annotations_->showMessage(tr("Bookmarked user %1.").arg(QString::fromStdString(b.userId)),
                              false);
    return true;
}

bool Triage::jumpToBookmark(int direction) {
    const auto marks = session_->bookmarks();
    if (marks.empty())
        return false;
    const int n = static_cast<int>(marks.size());
    bookmarkCursor_ =
        ((bookmarkCursor_ < 0 && direction < 0 ? 0 : bookmarkCursor_) + direction + n) % n;
    jumpTo(marks[static_cast<std::size_t>(bookmarkCursor_)]);
    return true;
}

void Triage::jumpTo(const Bookmark& bookmark) {
    if (!session_->runResults() || session_->runResults()->runId != bookmark.runId)
        session_->setRun(bookmark.runId);
    pending_ = PendingStage{bookmark.userId, bookmark.stage, bookmark.candidate};
    const UserIndexEntry* shown = session_->selectedEntry();
    if (shown && shown->id == bookmark.userId && controller_->storedRunId() == bookmark.runId)
        applyPendingStage();
    else
        session_->selectUserById(QString::fromStdString(bookmark.userId));
}

void Triage::applyPendingStage() {
    if (!pending_ || controller_->trace().userId != pending_->userId ||
        controller_->storedRunId() == 0)
        return;
    const PendingStage p = *pending_;
    pending_.reset();
    if (p.stage != StageId::Invalid)
        reasoning_->selectStage(p.stage, p.candidate);
}

QString Triage::cheatSheetHtml() const {
    QString rows;
    auto row = [&rows](const QString& key, const QString& what) {
        rows += QStringLiteral("<tr><td style='padding-right:16px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(key.toHtmlEscaped(), what.toHtmlEscaped());
    };
    for (const FailureLabel& l : session_->taxonomy().labels)
        if (!l.shortcut.empty())
            row(QString::fromStdString(l.shortcut),
                QCoreApplication::translate("r2p::FailureLabel", l.name.c_str()));
    for (QAction* a : actions_) {
        if (a->objectName().startsWith(QLatin1String("label")) || a->shortcut().isEmpty())
            continue;
        row(a->shortcut().toString(QKeySequence::NativeText), a->text().remove(QLatin1Char('&')));
    }
    row(tr("Select text"), tr("in the Reasoning stream, then a number: label that span"));
    row(tr("Click a stage or verdict"), tr("then a number: label that stage or verdict"));
    row(tr("Delete"), tr("in the annotation list: remove the selected annotation"));
    return QStringLiteral("<table>%1</table>").arg(rows);
}

void Triage::showCheatSheet() {
    QDialog dialog(window_);
    dialog.setObjectName(QStringLiteral("CheatSheet"));
    dialog.setWindowTitle(tr("Triage Shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* text = new QLabel(cheatSheetHtml(), &dialog);
    text->setTextFormat(Qt::RichText);
    layout->addWidget(text);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.exec();
}

} // namespace r2p::ui
