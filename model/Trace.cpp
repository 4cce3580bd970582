#include "Trace.h"

#include <array>

namespace r2p {

namespace {

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [e, name] : table)
        if (e == value)
            return name;
    return "invalid";
}

template <typename E, std::size_t N>
std::optional<E> parseName(const std::array<std::pair<E, std::string_view>, N>& table,
                           std::string_view name) {
    for (const auto& [e, n] : table)
        if (n == name)
            return e;
    return std::nullopt;
}

constexpr std::array<std::pair<SystemId, std::string_view>, 8> kSystems{{
    {SystemId::R2P, "r2p"},
    {SystemId::NoProfile, "no-profile"},
    {SystemId::LampRag, "lamp-rag"},
    {SystemId::LrmRag, "lrm-rag"},
    {SystemId::R2PNoRpi, "r2p-no-rpi"},
    {SystemId::TagPR, "tagpr"},
    {SystemId::R2PNoHrt, "r2p-no-hrt"},
    {SystemId::R2PNoCr, "r2p-no-cr"},
}};

constexpr std::array<std::pair<StageId, std::string_view>, 10> kStages{{
    {StageId::Retrieve, "retrieve"},
    {StageId::TaskAnalysis, "task_analysis"},
    {StageId::ProfileSynthesis, "profile_synthesis"},
    {StageId::AnswerPlan, "answer_plan"},
    {StageId::Answer, "answer"},
    {StageId::Candidates, "candidates"},
    {StageId::CrossReference, "cross_reference"},
    {StageId::Final, "final"},
    {StageId::Score, "score"},
    {StageId::Generate, "generate"},
}};

constexpr std::array<std::pair<StepStatus, std::string_view>, 3> kStepStatuses{{
    {StepStatus::Done, "done"},
    {StepStatus::Failed, "failed"},
    {StepStatus::Cancelled, "cancelled"},
}};

constexpr std::array<std::pair<StepMode, std::string_view>, 7> kStepModes{{
    {StepMode::None, ""},
    {StepMode::Offline, "offline"},
    {StepMode::Chat, "chat"},
    {StepMode::Prefill, "prefill"},
    {StepMode::Local, "local"},
    {StepMode::Lexical, "lexical"},
    {StepMode::Edited, "edited"},
}};

constexpr std::array<std::pair<RpiRule, std::string_view>, 6> kRules{{
    {RpiRule::MarkerOrder, "marker-order"},
    {RpiRule::TokenBudget, "token-budget"},
    {RpiRule::Citations, "citations"},
    {RpiRule::AnswerFormat, "answer-format"},
    {RpiRule::Repetition, "repetition"},
    {RpiRule::StepCoverage, "step-coverage"},
}};

constexpr std::array<std::pair<RuleOutcome, std::string_view>, 3> kRuleOutcomes{{
    {RuleOutcome::Complied, "complied"},
    {RuleOutcome::Violated, "violated"},
    {RuleOutcome::NotApplicable, "not-applicable"},
}};

constexpr std::array<std::pair<InterventionOutcome, std::string_view>, 4> kInterventionOutcomes{{
    {InterventionOutcome::Pending, "pending"},
    {InterventionOutcome::Complied, "complied"},
    {InterventionOutcome::ViolatedAgain, "violated-again"},
    {InterventionOutcome::GaveUp, "gave-up"},
}};

constexpr std::array<std::pair<EventKind, std::string_view>, 3> kEventKinds{{
    {EventKind::Intervention, "intervention"},
    {EventKind::Error, "error"},
    {EventKind::Note, "note"},
}};

constexpr std::array<std::pair<Verdict, std::string_view>, 5> kVerdicts{{
    {Verdict::Supported, "supported"},
    {Verdict::Partial, "partial"},
    {Verdict::Contradicted, "contradicted"},
    {Verdict::Unsupported, "unsupported"},
    {Verdict::Unparsed, "unparsed"},
}};

constexpr std::array<std::pair<UserStatus, std::string_view>, 2> kUserStatuses{{
    {UserStatus::Done, "done"},
    {UserStatus::Failed, "failed"},
}};

constexpr std::array<std::pair<RunStatus, std::string_view>, 3> kRunStatuses{{
    {RunStatus::Running, "running"},
    {RunStatus::Done, "done"},
    {RunStatus::Cancelled, "cancelled"},
}};

} // namespace

std::string_view systemName(SystemId id) {
    return nameOf(kSystems, id);
}
std::string systemNameList() {
    std::string out;
    for (const auto& [id, name] : kSystems)
        out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

bool walksHrtLevels(SystemId id) {
    return id == SystemId::R2P || id == SystemId::R2PNoRpi || id == SystemId::R2PNoCr;
}

bool crossReferences(SystemId id) {
    return id == SystemId::R2P || id == SystemId::R2PNoRpi || id == SystemId::R2PNoHrt;
}

std::optional<SystemId> parseSystemName(std::string_view name) {
    return parseName(kSystems, name);
}
std::string_view stageName(StageId id) {
    return nameOf(kStages, id);
}
std::optional<StageId> parseStageName(std::string_view name) {
    return parseName(kStages, name);
}
std::string_view stepStatusName(StepStatus s) {
    return nameOf(kStepStatuses, s);
}
std::optional<StepStatus> parseStepStatus(std::string_view name) {
    return parseName(kStepStatuses, name);
}
std::string_view stepModeName(StepMode m) {
    return nameOf(kStepModes, m);
}
std::optional<StepMode> parseStepMode(std::string_view name) {
    return parseName(kStepModes, name);
}
std::string_view rpiRuleName(RpiRule r) {
    return nameOf(kRules, r);
}
std::optional<RpiRule> parseRpiRule(std::string_view name) {
    return parseName(kRules, name);
}
std::string_view ruleOutcomeName(RuleOutcome o) {
    return nameOf(kRuleOutcomes, o);
}
std::optional<RuleOutcome> parseRuleOutcome(std::string_view name) {
    return parseName(kRuleOutcomes, name);
}
std::string_view interventionOutcomeName(InterventionOutcome o) {
    return nameOf(kInterventionOutcomes, o);
}
std::optional<InterventionOutcome> parseInterventionOutcome(std::string_view name) {
    if (auto o = parseName(kInterventionOutcomes, name))
        return o;
    if (name.starts_with("violated again"))
        return InterventionOutcome::ViolatedAgain;
    if (name.starts_with("gave up"))
        return InterventionOutcome::GaveUp;
    return std::nullopt;
}
std::string_view eventKindName(EventKind k) {
    return nameOf(kEventKinds, k);
}
std::optional<EventKind> parseEventKind(std::string_view name) {
    return parseName(kEventKinds, name);
}
std::string_view verdictName(Verdict v) {
    return nameOf(kVerdicts, v);
}
std::optional<Verdict> parseVerdict(std::string_view name) {
    return parseName(kVerdicts, name);
}
std::string_view userStatusName(UserStatus s) {
    return nameOf(kUserStatuses, s);
}
std::optional<UserStatus> parseUserStatus(std::string_view name) {
    return parseName(kUserStatuses, name);
}
std::string_view runStatusName(RunStatus s) {
    return nameOf(kRunStatuses, s);
}
std::optional<RunStatus> parseRunStatus(std::string_view name) {
    return parseName(kRunStatuses, name);
}

} // namespace r2p
