// The Annotations dock: label what went wrong in the selected user's stored run. The target is
// what was selected last (the whole run, a stage, a span of a stage's text, or a verdict); a
// number key or a label button commits a label with the severity and note given here. Lists
// every annotator's annotations of the run, those made on earlier runs, and the bookmarks.
#pragma once

#include "model/Annotation.h"

#include <QDockWidget>
#include <QPointer>
#include <string>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTableView;
class QTimer;
class QToolButton;

namespace r2p::ui {

class AnnotationsModel;
class FlowLayout;
class RunController;
class Session;

class AnnotationsDock : public QDockWidget {
    Q_OBJECT
public:
    AnnotationsDock(Session* session, RunController* controller, QWidget* parent = nullptr);

    // What the next label applies to: what Session's selection picked last.
    const Annotation& target() const { return target_; }
    // Commits `labelId` on the target; false (and the reason shown) when it cannot be stored.
    bool applyLabel(const std::string& labelId);
    // The label with this number key ("1".."9"), if the taxonomy has one.
    bool applyShortcut(const QString& key);
    // Removes the annotation selected in the table.
    bool removeSelected();
    // The label just made on the shown user (0 when none): S and Ctrl+M act on it.
    std::int64_t lastLabelId() const { return lastId_; }
    // S: the next severity for the label just made, or for the next label when none was made.
    void cycleSeverity();
    // Return in the note line: the note of the label just made (kept for the next label when
    // none was made).
    bool commitNote();
    // Ctrl+Z: takes back the last label, removal or note/severity edit; false when none.
    bool undo();
    bool canUndo() const { return !undo_.empty(); }
    bool canAnnotate() const;
    QString message() const;
    // The dock's status line (red when `error`), also for the triage keys' outcomes.
    void showMessage(const QString& text, bool error);
    // Ctrl+M: the note line gets the keys; Return saves the note and gives them back.
    void focusNote(QWidget* returnTo);
    // The note typed and not yet saved (a bookmark takes it).
    QString pendingNote() const;
    void clearNote();

    AnnotationsModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLineEdit* annotatorLine() const { return annotator_; }
    QLineEdit* noteLine() const { return note_; }
    QComboBox* severityBox() const { return severity_; }
    QListWidget* bookmarksList() const { return bookmarks_; }
    QLabel* earlierLabel() const { return earlier_; }
    QLabel* targetLabel() const { return targetLabel_; }
    QList<QToolButton*> labelButtons() const { return buttons_; }

signals:
    void bookmarkActivated(const Bookmark& bookmark);

private:
    void setTarget(const Annotation& target);
    void buildView(QWidget* body);
    void rebuildLabels();
    void refresh();
    void refreshBookmarks();
    void updateTargetText();

    Session* session_;
    RunController* controller_;
    Annotation target_;
    QLabel* targetLabel_;
    QLabel* status_;
    QLineEdit* annotator_;
    QComboBox* severity_;
    QLineEdit* note_;
    FlowLayout* labelGrid_;
    QList<QToolButton*> buttons_;
    AnnotationsModel* model_;
    QTableView* view_;
    QLabel* earlier_;
    QListWidget* bookmarks_;
    std::vector<Bookmark> bookmarkRows_;
    QString message_;
    QTimer* messageTimer_ = nullptr; // a message passes (errors stay longer)
    QPointer<QWidget> beforeNote_;   // focus before Ctrl+M, given back on Return
    std::string shownUser_;
    std::int64_t lastId_ = 0;
    struct UndoStep {
        enum class Kind { Added, Removed, Edited } kind = Kind::Added;
        Annotation annotation; // Added: its id; Removed: all of it; Edited: id, old severity, note
    };
    std::vector<UndoStep> undo_;
    void setSeverityBox(AnnotationSeverity severity);
};

} // namespace r2p::ui
