// A dock's body in a frameless scroll area: what the dock must show at least (rows of controls,
// a grid of label buttons) no longer sets the dock's minimum size, so on a small screen
// (1366×768) one wide dock does not squeeze its neighbours; it scrolls instead.
#pragma once

class QWidget;

namespace r2p::ui {

// Takes `body` into a new scroll area (parented to `parent`) and returns the area.
QWidget* scrollable(QWidget* body, QWidget* parent);

} // namespace r2p::ui
