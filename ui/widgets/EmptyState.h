// What a pane shows when it has nothing yet: a title, what to do next, and buttons for it.
#pragma once

#include <QWidget>

class QLabel;
class QHBoxLayout;

namespace r2p::ui {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget* parent = nullptr);
    void setTitle(const QString& title);
    void setHint(const QString& hint);
    // Adds a button that triggers `action` (its text and shortcut are shown).
    void addAction(QAction* action);

private:
    QLabel* title_;
    QLabel* hint_;
    QHBoxLayout* buttons_;
};

} // namespace r2p::ui
