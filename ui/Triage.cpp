#include "Triage.h"

#include "RunController.h"
#include "Session.h"
#include "windows/AnnotationsDock.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace r2p::ui {

Triage::Triage(QWidget* window, Session* session, RunController* controller,
               AnnotationsDock* annotations)
    : QObject(window), window_(window), session_(session), controller_(controller),
      annotations_(annotations) {
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
            &QAction::triggered, session_, &Session::selectWholeRun);
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
        &QAction::triggered, this,
        [this] { annotations_->focusNote(QApplication::focusWidget()); });
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

// Walks Session's filtered list (the Users view's order) from the selected user.
bool Triage::nextUnannotated(int direction) {
    const auto run = session_->runResults();
    const auto counts = session_->annotationCounts();
    const auto dataset = session_->dataset();
    if (!run || !dataset)
        return false;
    const auto& rows = session_->filteredUsers();
    const int count = static_cast<int>(rows.size());
    int current = -1; // the selected user's place in the list, if it is listed
    if (const int selected = session_->selectedUser(); selected >= 0) {
        const auto at = std::find(rows.begin(), rows.end(), static_cast<std::size_t>(selected));
        if (at != rows.end())
            current = static_cast<int>(at - rows.begin());
    }
    for (int r = current + direction; r >= 0 && r < count; r += direction) {
        const std::size_t row = rows[static_cast<std::size_t>(r)];
        const std::string& id = dataset->users[row].id;
        if (run->row(id) && counts->onRunOf(id) == 0) {
            session_->selectUser(static_cast<int>(row));
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
    b.note = annotations_->pendingNote().toStdString();
    QString error;
    if (!session_->addBookmark(b, &error)) {
        annotations_->showMessage(error, true);
        return false;
    }
    annotations_->clearNote(); // the note went with the bookmark
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
        session_->selectRun(bookmark.runId);
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
    const int step = controller_->stepOf(p.stage, p.candidate);
    if (p.stage != StageId::Invalid && step >= 0)
        session_->selectStage(p.stage, p.candidate, controller_->citedByStep(step));
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
