#include "FindingText.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStyle>

namespace r2p::ui {

// Gives the free functions below a translation context of their own.
class FindingText {
    Q_DECLARE_TR_FUNCTIONS(r2p::ui::FindingText)
};

namespace {

// The model layer's fixed detail phrases, so they can be shown translated.
const char* const kDetails[] = {
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "the record is not a JSON object"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "\"id\" is not a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "\"user_id\" is not a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "\"input\" is not a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "\"profile\" is not an array"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "it has no \"id\""),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "it has no \"input\""),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "it has no \"profile\""),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "the entry is not an object"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "it has no string \"id\""),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "it has no string \"output\""),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "a control character inside a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "an invalid escape sequence in a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "an invalid \\u escape in a string"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "an incomplete number"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "an invalid literal (expected true, false or null)"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected a key in double quotes or '}'"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected a key in double quotes"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected ':' after a key"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected ',' or '}'"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected ',' or ']'"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText", "expected a value"),
    QT_TRANSLATE_NOOP("r2p::ui::FindingText",
                      "unexpected data after the end of the top-level array"),
};

QString detailText(const std::string& raw) {
    const QString d = QString::fromStdString(raw);
    for (const char* known : kDetails)
        if (raw == known)
            return FindingText::tr(known);
    static const QRegularExpression item(
        QStringLiteral(R"(^profile item (\d+) is not an object$)"));
    if (const auto m = item.match(d); m.hasMatch())
        return FindingText::tr("profile item %1 is not an object").arg(m.captured(1));
    static const QRegularExpression itemId(QStringLiteral(R"(^profile item (\d+) has no "id"$)"));
    if (const auto m = itemId.match(d); m.hasMatch())
        return FindingText::tr("profile item %1 has no \"id\"").arg(m.captured(1));
    static const QRegularExpression says(
        QStringLiteral(R"(^the outputs file says (\S+) but the inputs look like (\S+)$)"));
    if (const auto m = says.match(d); m.hasMatch())
        return FindingText::tr("the outputs file says %1 but the inputs look like %2")
            .arg(m.captured(1), m.captured(2));
    static const QRegularExpression unknown(
        QStringLiteral(R"re(^the outputs file names an unknown task "(.*)"$)re"));
    if (const auto m = unknown.match(d); m.hasMatch())
        return FindingText::tr("the outputs file names an unknown task “%1”").arg(m.captured(1));
    return d; // library messages (I/O errors, parser internals) stay as they are
}

QString idList(const Finding& f) {
    QStringList ids;
    for (const auto& id : f.ids)
        ids << QString::fromStdString(id);
    QString s = ids.join(QStringLiteral(", "));
    if (f.count > f.ids.size())
        s += QStringLiteral(", …");
    return s;
}
} // namespace

QString severityText(Severity severity) {
    switch (severity) {
    case Severity::Info:
        return FindingText::tr("Info");
    case Severity::Warning:
        return FindingText::tr("Warning");
    case Severity::Error:
        return FindingText::tr("Error");
    case Severity::Invalid:
        break;
    }
    return {};
}

QIcon severityIcon(Severity severity) {
    QStyle* style = QApplication::style();
    switch (severity) {
    case Severity::Error:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Severity::Warning:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Info:
        return style->standardIcon(QStyle::SP_MessageBoxInformation);
    case Severity::Invalid:
        break;
    }
    return {};
}

QString findingLocation(const Finding& f) {
    if (f.file.empty())
        return {};
    QString s = QFileInfo(QString::fromStdString(f.file)).fileName();
    if (f.line > 0)
        s += QStringLiteral(":%1:%2").arg(f.line).arg(f.column);
    return s;
}

QString findingText(const Finding& f) {
    const QString record = QString::fromStdString(f.recordId);
    const QString detail = detailText(f.detail);
    const int count = static_cast<int>(f.count);
    switch (f.code) {
    case FindingCode::FileUnreadable:
        return FindingText::tr("Cannot read the file: %1").arg(detail);
    case FindingCode::JsonSyntax:
        return FindingText::tr(
                   "Malformed JSON at line %1, column %2 (%3). The %n record(s) before it were "
                   "kept.",
                   nullptr, count)
            .arg(f.line)
            .arg(f.column)
            .arg(detail);
    case FindingCode::JsonTruncated:
        if (!detail.isEmpty())
            return FindingText::tr("The file is empty.");
        return FindingText::tr(
            "The file ends in the middle of the JSON (truncated?). The %n complete "
            "record(s) were kept.",
            nullptr, count);
    case FindingCode::TopLevelNotArray:
        return FindingText::tr(
            "Not a LaMP questions file: the top level must be a JSON array of records.");
    case FindingCode::OutputsNotObject:
        return FindingText::tr("The outputs file could not be used: %1").arg(detail);
    case FindingCode::RecordWrongShape:
        if (record == QStringLiteral("…"))
            return FindingText::tr("%n more record(s) with a wrong shape were skipped.", nullptr,
                                   count);
        return FindingText::tr("Record %1 skipped: %2").arg(record, detail);
    case FindingCode::DuplicateId:
        return FindingText::tr("%n duplicate id(s); later copies were skipped: %1", nullptr, count)
            .arg(idList(f));
    case FindingCode::MissingGold:
        return FindingText::tr("%n question(s) have no output: %1", nullptr, count).arg(idList(f));
    case FindingCode::OrphanGold:
        return FindingText::tr("%n output(s) have no question: %1", nullptr, count).arg(idList(f));
    case FindingCode::TaskMismatch:
        return FindingText::tr("Task mismatch: %1").arg(detail);
    case FindingCode::TaskUndetected:
        return FindingText::tr(
            "Cannot tell the LaMP task from the outputs file or the inputs; choose it in "
            "Dataset ▸ Task.");
    case FindingCode::EmptyDataset:
        return FindingText::tr("No usable records were found.");
    case FindingCode::ProfileEmpty:
        return FindingText::tr("User %1 has an empty profile.").arg(record);
    case FindingCode::QueryFallback:
    case FindingCode::FieldMissing:
    case FindingCode::DateUnparsable:
    case FindingCode::ProfileTextEmpty:
        return FindingText::tr("Retrieval for user %1: %2").arg(record, detail);
    case FindingCode::Invalid:
        break;
    }
    return detail;
}

} // namespace r2p::ui
