// The keyboard-driven triage queue: number keys label the current target, N / Shift+N go to the
// next / previous user of the filtered list without annotations on the shown run, M bookmarks
// the user (and stage), B / Shift+B jump between bookmarks, 0 targets the whole run, S cycles
// the severity of the label just made, Ctrl+M types its note, Ctrl+Z undoes the last label,
// removal or note, ? shows the cheat-sheet. Works on Session's selection and filtered list;
// the Annotations dock labels whatever the selection picked last.
#pragma once

#include "model/Annotation.h"

#include <QList>
#include <QObject>
#include <optional>

class QAction;
class QWidget;

namespace r2p::ui {

class AnnotationsDock;
class RunController;
class Session;

class Triage : public QObject {
    Q_OBJECT
public:
    Triage(QWidget* window, Session* session, RunController* controller,
           AnnotationsDock* annotations);

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
    void applyPendingStage();

    QWidget* window_;
    Session* session_;
    RunController* controller_;
    AnnotationsDock* annotations_; // what the label keys act on
    QList<QAction*> actions_;
    int bookmarkCursor_ = -1;
    struct PendingStage {
        std::string userId;
        StageId stage = StageId::Invalid;
        int candidate = 0;
    };
    std::optional<PendingStage> pending_;
};

} // namespace r2p::ui
