#include "RunText.h"

#include "RunResults.h"
#include "Session.h"
#include "StageText.h"
#include "pipeline/engine/RunService.h"

#include <QDateTime>
#include <QLocale>
#include <QStringList>

namespace r2p::ui {

namespace {

// "2026-12-05 14:03" in local time (short: "5 Dec 14:03", in the user's language); the stored
// text when it is not a date.
QString when(const std::string& iso, bool brief = false) {
    const QDateTime t = QDateTime::fromString(QString::fromStdString(iso), Qt::ISODate);
    if (!t.isValid())
        return QString::fromStdString(iso);
    return brief ? QLocale().toString(t.toLocalTime(), QStringLiteral("d MMM HH:mm"))
                 : t.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString systemsOf(const RunInfo& run) {
    QStringList names;
    for (SystemId s : run.systems)
        names << StageText::system(s);
    return names.join(QStringLiteral(", "));
}

} // namespace

QString RunText::title(const RunInfo& run) {
    // What tells runs apart first (number, size, backend, date); the systems last, where a
    // narrow picker may cut them (the tooltip has everything).
    QString base = QStringLiteral("%1 · %2").arg(QString::fromStdString(run.backend),
                                                 when(run.createdAt, true));
    if (const auto repeat = engine::runRepeatOf(run)) // before the systems: never cut off
        base +=
            QStringLiteral(" · ") + tr("repeat %1 of %2").arg(repeat->index + 1).arg(repeat->count);
    QString text;
    if (Session::isInteractiveRun(run))
        text = tr("Run %1 · interactive, user %2")
                   .arg(run.id)
                   .arg(QString::fromStdString(run.users.front())) +
               QStringLiteral(" · ") + base;
    else
        text = tr("Run %1 · %2 · %3")
                   .arg(run.id)
                   // The Users view's own words for a count of users (translated there).
                   .arg(QCoreApplication::translate("r2p::ui::UsersDock", "%n user(s)", nullptr,
                                                    static_cast<int>(run.users.size())),
                        base) +
               QStringLiteral(" · ") + systemsOf(run);
    if (run.status != RunStatus::Done)
        text += QStringLiteral(" · %1").arg(StageText::runStatus(run.status));
    return text;
}

QString RunText::toolTip(const RunInfo& run) {
    QStringList lines;
    if (Session::isInteractiveRun(run))
        lines << tr("A one-user R2P run stored by the Reasoning dock (interactive).");
    lines << tr("Systems: %1").arg(systemsOf(run));
    lines << tr("Users: %1").arg(QLocale().toString(static_cast<qlonglong>(run.users.size())));
    lines << tr("Backend: %1 · model: %2")
                 .arg(QString::fromStdString(run.backend), QString::fromStdString(run.model));
    const engine::EngineConfig config = engine::engineConfigFromJson(run.config, run.model);
    if (!run.config.empty()) {
        lines << tr("Retrieval: %1, k = %2 · seed %3")
                     .arg(QString::fromStdString(config.ranker))
                     .arg(config.k)
                     .arg(config.seed);
        if (config.effectiveJudgeModel() != run.model)
            lines
                << tr("Judge model: %1").arg(QString::fromStdString(config.effectiveJudgeModel()));
        for (const auto& [system, sampling] : config.sampling)
            if (const QString own = samplingText(sampling); !own.isEmpty())
                lines << QStringLiteral("%1: %2").arg(StageText::system(system), own);
    }
    if (const auto repeat = engine::runRepeatOf(run))
        lines << tr("repeat %1 of %2").arg(repeat->index + 1).arg(repeat->count);
    lines << tr("Status: %1").arg(StageText::runStatus(run.status));
    lines << tr("Created: %1").arg(when(run.createdAt));
    if (!run.finishedAt.empty())
        lines << tr("Finished: %1").arg(when(run.finishedAt));
    return lines.join(QLatin1Char('\n'));
}

QString RunText::samplingText(const engine::Sampling& sampling) {
    QStringList parts;
    if (sampling.model)
        parts << tr("model %1").arg(QString::fromStdString(*sampling.model));
    if (sampling.temperature)
        parts << tr("temperature %1").arg(QString::number(*sampling.temperature));
    if (sampling.topP)
        parts << tr("top-p %1").arg(QString::number(*sampling.topP));
    if (sampling.maxTokens)
        parts << tr("at most %1 tokens").arg(QString::number(*sampling.maxTokens));
    return parts.join(QStringLiteral(", "));
}

std::vector<RunFinding> runFindings(const RunResults& run) {
    // In the run's user order, so the first user a finding names is the first one in the list.
    std::vector<std::string> failed, contradicted, format, interventions;
    for (const std::string& id : run.info.users) {
        const UserRunRow* row = run.row(id);
        if (!row)
            continue;
        if (row->failed)
            failed.push_back(id);
        if (row->contradicted > 0)
            contradicted.push_back(id);
        if (row->hasR2p && !row->failed && !row->r2pFormatOk)
            format.push_back(id);
        if (row->interventions > 0)
            interventions.push_back(id);
    }
    auto n = [](const std::vector<std::string>& users) {
        return static_cast<int>(users.size());
    };
    // The status bar's words from before the Findings dock listed them (their translations too).
    std::vector<RunFinding> out;
    auto add = [&out](Severity severity, const QString& text, const char* filter,
                      const std::vector<std::string>& users) {
        if (!users.empty())
            out.push_back({severity, text, QString::fromLatin1(filter), users});
    };
    add(Severity::Error,
        QCoreApplication::translate("r2p::ui::MainWindow",
                                    "%n user(s) with a backend or input failure", nullptr,
                                    n(failed)),
        "has:failed", failed);
    add(Severity::Warning,
        QCoreApplication::translate("r2p::ui::MainWindow",
                                    "%n user(s) with a contradicted candidate", nullptr,
                                    n(contradicted)),
        "has:contradicted", contradicted);
    add(Severity::Warning,
        QCoreApplication::translate("r2p::ui::MainWindow",
                                    "%n user(s) whose R2P answer is not in the task's format",
                                    nullptr, n(format)),
        "has:format-failure", format);
    add(Severity::Info,
        QCoreApplication::translate("r2p::ui::MainWindow", "%n user(s) with RPI interventions",
                                    nullptr, n(interventions)),
        "has:intervention", interventions);
    return out;
}

} // namespace r2p::ui
