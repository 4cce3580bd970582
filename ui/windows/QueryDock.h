// The Query dock: the selected user's input split into its parts for the task (LaMP-1's paper
// title and both candidates, LaMP-3's review, ...), with the gold answer.
#pragma once

#include <QDockWidget>

class QStackedWidget;
class QTextBrowser;

namespace r2p::ui {

class EmptyState;
class Session;

class QueryDock : public QDockWidget {
    Q_OBJECT
public:
    QueryDock(Session* session, QWidget* parent = nullptr);
    QTextBrowser* browser() const { return browser_; }
    // The plain text currently shown (for tests).
    QString shownText() const;

private:
    void render();

    Session* session_;
    QStackedWidget* stack_;
    EmptyState* empty_;
    QTextBrowser* browser_;
};

} // namespace r2p::ui
