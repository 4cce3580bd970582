#include "Scrollable.h"

#include <QFrame>
#include <QScrollArea>

namespace r2p::ui {

QWidget* scrollable(QWidget* body, QWidget* parent) {
    auto* area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(body);
    return area;
}

} // namespace r2p::ui
