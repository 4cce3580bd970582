// Application-wide setup shared by the GUI's main() and the UI tests.
#pragma once

class QApplication;
class QString;

namespace r2p::ui {

// Registers the compiled-in resources (icons, demo data, translations).
void initResources();
// Names the application (QSettings, data folders) and installs translators; returns the
// language in use.
QString setUpApplication(QApplication& app, const QString& languageOverride);

} // namespace r2p::ui
