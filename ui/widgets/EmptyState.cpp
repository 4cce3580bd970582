#include "EmptyState.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace r2p::ui {

EmptyState::EmptyState(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    title_ = new QLabel(this);
    title_->setAlignment(Qt::AlignCenter);
    QFont f = title_->font();
    f.setPointSizeF(f.pointSizeF() * 1.25);
    f.setBold(true);
    title_->setFont(f);
    title_->setWordWrap(true);
    hint_ = new QLabel(this);
    hint_->setAlignment(Qt::AlignCenter);
    hint_->setWordWrap(true);
    hint_->setForegroundRole(QPalette::PlaceholderText);
    buttons_ = new QHBoxLayout;
    buttons_->addStretch(1);
    buttons_->addStretch(1);
    layout->addWidget(title_);
    layout->addWidget(hint_);
    layout->addSpacing(8);
    layout->addLayout(buttons_);
    layout->addStretch(2);
}

void EmptyState::setTitle(const QString& title) {
    title_->setText(title);
}
void EmptyState::setHint(const QString& hint) {
    hint_->setText(hint);
}

void EmptyState::addAction(QAction* action) {
    auto* button = new QPushButton(this);
    auto sync = [button, action] {
        QString text = action->text().remove(QLatin1Char('&'));
        if (text.endsWith(QStringLiteral("…")))
            text.chop(1);
        if (!action->shortcut().isEmpty())
            text +=
                QStringLiteral("  (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
        button->setText(text);
        button->setEnabled(action->isEnabled());
    };
    sync();
    connect(action, &QAction::changed, button, sync);
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    buttons_->insertWidget(buttons_->count() - 1, button);
}

} // namespace r2p::ui
