#include "Language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace r2p::ui {

QStringList availableLanguages() {
    return {QString(), QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("zh_CN")};
}

QString languageDisplayName(const QString& code) {
    if (code.isEmpty())
        return QApplication::translate("r2p::ui::Language", "System default");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    if (code == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return code;
}

QString savedLanguage() {
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void saveLanguage(const QString& code) {
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

QString installTranslators(QApplication& app, const QString& code) {
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    QString used = QStringLiteral("en");
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("r2p"), QStringLiteral("_"), QStringLiteral(":/i18n")) &&
        !ours->language().startsWith(QLatin1String("en"))) {
        app.installTranslator(ours);
        used = locale.name();
        // Qt's own strings (standard buttons, file dialogs) in the same language.
        auto* qt = new QTranslator(&app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app.installTranslator(qt);
        QLocale::setDefault(locale);
    } else {
        // English needs its file too: it holds the plural forms ("1 user", "2 users").
        delete ours;
        auto* english = new QTranslator(&app);
        if (english->load(QStringLiteral(":/i18n/r2p_en.qm")))
            app.installTranslator(english);
        else
            delete english;
    }
    return used;
}

} // namespace r2p::ui
