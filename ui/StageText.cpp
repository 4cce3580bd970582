#include "StageText.h"

#include <QLocale>

namespace r2p::ui {

QString StageText::stage(StageId stage) {
    switch (stage) {
    case StageId::Retrieve:
        return tr("Retrieve");
    case StageId::TaskAnalysis:
        return tr("Task analysis");
    case StageId::ProfileSynthesis:
        return tr("Profile synthesis");
    case StageId::AnswerPlan:
        return tr("Answer plan");
    case StageId::Answer:
        return tr("Answer");
    case StageId::Candidates:
        return tr("Candidates");
    case StageId::CrossReference:
        return tr("Cross-reference");
    case StageId::Final:
        return tr("Final answer");
    case StageId::Score:
        return tr("Score");
    case StageId::Generate:
        return tr("Generate");
    case StageId::Invalid:
        break;
    }
    return {};
}

QString StageText::stage(StageId s, int candidate) {
    if (s == StageId::Candidates)
        return tr("Candidate %1").arg(candidate + 1);
    if (s == StageId::CrossReference)
        return tr("Cross-reference %1").arg(candidate + 1);
    // A further candidate's own HRT level (independent chains).
    if (candidate > 0)
        return tr("%1 · candidate %2").arg(stage(s)).arg(candidate + 1);
    return stage(s);
}

QString StageText::verdict(Verdict v) {
    switch (v) {
    case Verdict::Supported:
        return tr("supported");
    case Verdict::Partial:
        return tr("partial");
    case Verdict::Contradicted:
        return tr("contradicted");
    case Verdict::Unsupported:
        return tr("unsupported");
    case Verdict::Unparsed:
        return tr("unparsed");
    case Verdict::Invalid:
        break;
    }
    return {};
}

QString StageText::rule(RpiRule r) {
    switch (r) {
    case RpiRule::MarkerOrder:
        return tr("markers and order");
    case RpiRule::TokenBudget:
        return tr("token budget");
    case RpiRule::Citations:
        return tr("citations");
    case RpiRule::AnswerFormat:
        return tr("answer format");
    case RpiRule::Repetition:
        return tr("repetition");
    case RpiRule::StepCoverage:
        return tr("sub-step coverage");
    case RpiRule::Invalid:
        break;
    }
    return {};
}

QString StageText::ruleExplained(RpiRule r) {
    switch (r) {
    case RpiRule::MarkerOrder:
        return tr("The level starts with its marker and no other level's marker appears in it.");
    case RpiRule::TokenBudget:
        return tr("The level stays within its token budget (no divergent thinking).");
    case RpiRule::Citations:
        return tr("The synthesis cites retrieved items that exist, as [P1]…[Pk].");
    case RpiRule::AnswerFormat:
        return tr("The answer is in the task's exact format.");
    case RpiRule::Repetition:
        return tr("No span of words repeats in a loop (divergent rambling).");
    case RpiRule::StepCoverage:
        return tr("Every sub-step the template marks opens a line of the level with its marker.");
    case RpiRule::Invalid:
        break;
    }
    return {};
}

QString StageText::outcome(InterventionOutcome o) {
    switch (o) {
    case InterventionOutcome::Pending:
        return tr("pending");
    case InterventionOutcome::Complied:
        return tr("complied");
    case InterventionOutcome::ViolatedAgain:
        return tr("violated again");
    case InterventionOutcome::GaveUp:
        return tr("gave up: still violated");
    case InterventionOutcome::Invalid:
        break;
    }
    return {};
}

QString StageText::mode(StepMode m) {
    switch (m) {
    case StepMode::Offline:
        return tr("offline");
    case StepMode::Chat:
        return tr("chat");
    case StepMode::Prefill:
        return tr("prefill");
    case StepMode::Local:
        return tr("local");
    case StepMode::Lexical:
        return tr("lexical");
    case StepMode::Edited:
        return tr("edited");
    case StepMode::None:
        break;
    }
    return {};
}

QString StageText::system(SystemId s) {
    switch (s) {
    case SystemId::R2P:
        return tr("R2P");
    case SystemId::NoProfile:
        return tr("No profile");
    case SystemId::LampRag:
        return tr("LaMP RAG");
    case SystemId::LrmRag:
        return tr("LRM RAG");
    case SystemId::R2PNoRpi:
        return tr("R2P without RPI");
    case SystemId::TagPR:
        return tr("TagPR");
    case SystemId::R2PNoHrt:
        return tr("R2P without HRT");
    case SystemId::R2PNoCr:
        return tr("R2P without cross-reference");
    case SystemId::Invalid:
        break;
    }
    return {};
}

QString StageText::pending() {
    return tr("pending");
}
QString StageText::running() {
    return tr("running…");
}
QString StageText::done() {
    return tr("done");
}
QString StageText::failed() {
    return tr("failed");
}
QString StageText::runStatus(RunStatus status) {
    switch (status) {
    case RunStatus::Running:
        return tr("running (or stopped without a word: resumable)");
    case RunStatus::Done:
        return tr("done");
    case RunStatus::Cancelled:
        return tr("cancelled (resumable)");
    case RunStatus::Invalid:
        break;
    }
    return tr("unknown");
}

QString StageText::correctMark(const UserTrace& trace) {
    if (!trace.gold)
        return {};
    for (const auto& [name, value] : trace.scores) {
        if (name == "accuracy")
            return value > 0.5 ? QStringLiteral("✔") : QStringLiteral("✖");
        if (name == "MAE")
            return value == 0 ? QStringLiteral("✔") : QStringLiteral("✖");
    }
    return {};
}

QString StageText::scoreSummary(const UserTrace& trace) {
    if (!trace.gold)
        return tr("no gold output");
    if (trace.scores.empty())
        return tr("not scored");
    const auto& [name, value] = trace.scores.front();
    QString text = QStringLiteral("%1 %2").arg(QString::fromStdString(name),
                                               QLocale().toString(value, 'f', 3));
    const QString mark = correctMark(trace);
    if (!mark.isEmpty())
        text += QLatin1Char(' ') + mark;
    return text;
}

QColor StageText::verdictColor(Verdict v) {
    switch (v) {
    case Verdict::Supported:
        return QColor(0x2e, 0x9e, 0x4f);
    case Verdict::Partial:
        return QColor(0xd9, 0x8e, 0x04);
    case Verdict::Contradicted:
        return QColor(0xd2, 0x3c, 0x3c);
    case Verdict::Unsupported:
        return QColor(0x80, 0x80, 0x80);
    case Verdict::Unparsed:
        return QColor(0x6a, 0x4c, 0x9c);
    case Verdict::Invalid:
        break;
    }
    return {};
}

} // namespace r2p::ui
