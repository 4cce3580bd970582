// Light and dark themes. "system" keeps the platform's style and palette (a dark desktop gives a
// dark workbench); "light" and "dark" use Fusion with a matching palette. Saved in QSettings.
#pragma once

#include <QString>
#include <QStringList>

namespace r2p::ui {

QStringList availableThemes(); // "system", "light", "dark"
QString savedTheme();
void saveTheme(const QString& theme);
// Applies a theme to the running application at once.
void applyTheme(const QString& theme);
// True when the current palette is dark (text lighter than the window).
bool darkPalette();

} // namespace r2p::ui
