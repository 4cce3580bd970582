// The interface language: the system's by default, or the one chosen in View ▸ Language.
#pragma once

#include <QString>
#include <QStringList>

class QApplication;

namespace r2p::ui {

// Language codes offered in the menu ("" = follow the system).
QStringList availableLanguages();
QString languageDisplayName(const QString& code);
QString savedLanguage();
void saveLanguage(const QString& code);
// Installs the translators for `code` (or the system locale when empty). Returns the code used.
QString installTranslators(QApplication& app, const QString& code);

} // namespace r2p::ui
