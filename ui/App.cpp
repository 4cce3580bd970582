#include "App.h"

#include "Language.h"
#include "Theme.h"

#include <QApplication>
#include <QIcon>

namespace r2p::ui {

QString setUpApplication(QApplication& app, const QString& languageOverride) {
    initResources();
    QApplication::setOrganizationName(QStringLiteral("R2P"));
    QApplication::setOrganizationDomain(QStringLiteral("r2p.invalid"));
    QApplication::setApplicationName(QStringLiteral("R2P Workbench"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/r2p-workbench.svg")));
    QApplication::setDesktopFileName(QStringLiteral("r2p-workbench"));
    if (savedTheme() != QLatin1String("system"))
        applyTheme(savedTheme());
    return installTranslators(app, languageOverride.isNull() ? savedLanguage() : languageOverride);
}

} // namespace r2p::ui
