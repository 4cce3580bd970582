// Resources compiled into a static library must be registered by hand.
#include <QtGlobal>

static void initR2pResources() {
    Q_INIT_RESOURCE(resources);
}

namespace r2p::ui {
void initResources() {
    initR2pResources();
}
} // namespace r2p::ui
