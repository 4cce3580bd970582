// The keyboard-driven triage queue: number keys label the current target, N / Shift+N go to the
// next / previous user of the filtered list without annotations on the shown run, M bookmarks
// the user (and stage), B / Shift+B jump between bookmarks, 0 targets the whole run, S cycles
// the severity of the label just made, Ctrl+M types its note, Ctrl+Z undoes the last label,
// removal or note, ? shows the cheat-sheet. Keeps the Annotations dock's target
// on whatever was selected last: the user, a stage, a span of a stage's text, or a verdict.
#pragma once

#include "model/Annotation.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <optional>

class QAction;
class QWidget;

namespace r2p::ui {

class AnnotationsDock;
class ReasoningDock;
class RunController;
class Session;
class UsersDock;
class VerdictsDock;

class Triage : public QObject {
    Q_OBJECT
public:
    Triage(QWidget* window, Session* session, RunController* controller, UsersDock* users,
           ReasoningDock* reasoning, VerdictsDock* verdicts, AnnotationsDock* annotations);

    // Every triage action, in menu order (they carry window-wide shortcuts).
    QList<QAction*> actions() const { return actions_; }
    // Moves to the next (+1) or previous (-1) unannotated user of the filtered list; false when
    // there is none.
    bool nextUnannotated(int direction);
    bool addBookmark();
    bool jumpToBookmark(int direction);
    void jumpTo(const Bookmark& bookmark);
    // The cheat-sheet's text (HTML table), for the dialog and tests.
    QString cheatSheetHtml() const;
    void showCheatSheet();

private:
    QAction* make(const QString& name, const QString& text, const QKeySequence& key);
    void targetStep(int stepIndex);
    void targetSpan();
    void targetVerdict(int row);
    void applyPendingStage();

    QWidget* window_;
    Session* session_;
    RunController* controller_;
    UsersDock* users_;
    ReasoningDock* reasoning_;
    VerdictsDock* verdicts_;
    AnnotationsDock* annotations_;
    QList<QAction*> actions_;
    int bookmarkCursor_ = -1;
    struct PendingStage {
        std::string userId;
        StageId stage = StageId::Invalid;
        int candidate = 0;
    };
    std::optional<PendingStage> pending_;
    QPointer<QWidget> beforeNote_; // focus before Ctrl+M, given back on Return
};

} // namespace r2p::ui
