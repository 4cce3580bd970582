// The tagpr system (TagPR, "Tagging the Thought"): LaMP's prompt plus the tag set's
// instructions, one request whose chain is read as <tag>…</tag> segments. While the chain
// streams, an unclosed, stray, interleaved or misordered tag stops it like a missing HRT marker
// stops an R2P level; a corrective thought is appended to the question and the chain is asked
// again, at most maxInterventions times. The chain that stands is stored as the model wrote it,
// with its spans and every constraint it breaks.
#include "Engine.h"
#include "Rpi.h"
#include "pipeline/prompt/LampPrompt.h"
#include "pipeline/tags/TagConstraints.h"
#include "pipeline/tags/TagParser.h"
#include "pipeline/tags/TagSet.h"
#include "pipeline/text/PyText.h"

#include <algorithm>
#include <chrono>
#include <memory>

namespace r2p::engine {

namespace {

using Clock = std::chrono::steady_clock;

double msSinceTagged(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string renderChat(const std::vector<llm::Message>& messages) {
    std::string out;
    for (const auto& m : messages) {
        if (!out.empty())
            out += "\n\n";
        out += m.role == llm::Role::System ? "[system]\n" : "[user]\n";
        out += m.content;
    }
    return out;
}

std::string tagList(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids)
        out += (out.empty() ? "<" : ", <") + id + ">";
    return out;
}

// The instructions that ask for a tagged chain, written from the tag set.
std::string tagInstructions(const tags::TagSet& set, const AnswerFormat& format) {
    std::string out = "Reason step by step in tagged segments before you answer. Write each "
                      "segment as <tag>...</tag> with one of these tags, and close each tag "
                      "before the next one starts:\n";
    for (const auto& t : set.tags) {
        out += "- <" + t.id + "> " + t.name + ": " + t.description;
        if (t.required)
            out += " (required)";
        out += "\n";
    }
    if (set.first)
        out += "Start with " + tagList(*set.first) + ".\n";
    for (const auto& t : set.tags)
        if (t.next && !t.next->empty())
            out += "After <" + t.id + "> comes " + tagList(*t.next) + ".\n";
    out += "Cite the history items you use as [P1], [P2] and so on. End with <" + set.answerTag +
           ">...</" + set.answerTag + "> holding only the answer: " + format.description + ".";
    return out;
}

// The first streaming problem of a chain so far: a tag left open when another starts (without
// nesting), a stray close, crossing tags, or a tag where the set does not allow it.
std::optional<RpiViolation> streamingTagProblem(const tags::TagSet& set,
                                                const tags::ParsedChain& chain) {
    for (const auto& p : chain.problems)
        if (p.kind == tags::TagProblemKind::StrayClose ||
            p.kind == tags::TagProblemKind::Interleaved)
            return RpiViolation{RpiRule::MarkerOrder, "tags: " + p.detail, p.at};
    const tags::TagSpan* previous = nullptr;
    std::size_t topEnd = 0;
    for (std::size_t i = 0; i < chain.spans.size(); ++i) {
        const tags::TagSpan& s = chain.spans[i];
        if (!set.nesting && !s.closed && i + 1 < chain.spans.size())
            return RpiViolation{RpiRule::MarkerOrder,
                                "tags: <" + s.tag + "> is not closed before <" +
                                    chain.spans[i + 1].tag + "> starts",
                                chain.spans[i + 1].outerStart};
        if (previous && s.outerStart < topEnd)
            continue; // nested: not part of the top-level order
        const auto allowed = [&](const std::optional<std::vector<std::string>>& ids) {
            return !ids || std::find(ids->begin(), ids->end(), s.tag) != ids->end();
        };
        const tags::TagDef* before = previous ? set.find(previous->tag) : nullptr;
        if (!previous && !allowed(set.first))
            return RpiViolation{RpiRule::MarkerOrder,
                                "tags: the chain starts with <" + s.tag + ">, not with " +
                                    tagList(*set.first),
                                s.outerStart};
        if (before && !allowed(before->next))
            return RpiViolation{RpiRule::MarkerOrder,
                                "tags: <" + s.tag + "> follows <" + before->id +
                                    ">, which allows only " +
                                    (before->next->empty() ? std::string("the end of the chain")
                                                           : tagList(*before->next)),
                                s.outerStart};
        previous = &s;
        topEnd = s.outerEnd;
    }
    return std::nullopt;
}

// Feeds the stream's growth to one parser, so each check reads only the new bytes.
struct TagStreamWatch {
    explicit TagStreamWatch(const tags::TagSet& tagSet) : set(tagSet), parser(tagSet) {}
    std::optional<RpiViolation> check(std::string_view reasoning, std::string_view answer) {
        if (reasoning.size() > fedReasoning)
            parser.feed(tags::ChainField::Reasoning, reasoning.substr(fedReasoning));
        if (answer.size() > fedAnswer)
            parser.feed(tags::ChainField::Content, answer.substr(fedAnswer));
        fedReasoning = reasoning.size();
        fedAnswer = answer.size();
        return streamingTagProblem(set, parser.snapshot());
    }
    const tags::TagSet& set;
    tags::TagParser parser;
    std::size_t fedReasoning = 0, fedAnswer = 0;
};

std::string tagCorrection(const tags::TagSet& set, const RpiViolation& v) {
    return "Wait, my tags are off (" + v.evidence.substr(v.evidence.find(": ") + 2) +
           "). I should write each segment as <tag>...</tag>, close it before the next one, keep "
           "the allowed order" +
           (set.first ? ", start with " + tagList(*set.first) : std::string()) +
           ", and end with <" + set.answerTag + ">the answer</" + set.answerTag + ">.";
}

std::string violationLine(const tags::TagViolation& v) {
    return "tag " + std::string(tags::tagRuleName(v.rule)) + " [" + std::to_string(v.start) + ", " +
           std::to_string(v.end) + ")" + (v.tag.empty() ? std::string() : " <" + v.tag + ">") +
           ": " + v.evidence;
}

} // namespace

struct UserRun::TagAttempt {
    llm::GenerationResult result;
    std::optional<RpiViolation> violation; // a streaming tag problem that stopped it
};

Result<UserRun::TagAttempt> UserRun::askTagged(const std::string& prompt,
                                               const std::string& corrections, int attempt,
                                               StepRecord& step) {
    const auto& cfg = ctx_->config;
    const tags::TagSet& set = ctx_->tagSet ? *ctx_->tagSet : tags::builtinTagSet();
    const Sampling sampling = cfg.samplingOf(trace_.system);
    llm::GenerationRequest request;
    request.label = "user " + record_.id + " · tagpr";
    request.model = cfg.modelOf(trace_.system);
    request.temperature = sampling.temperature.value_or(cfg.temperature);
    request.topP = sampling.topP;
    request.seed = cfg.seed;
    const HrtLevel* answer = ctx_->hrt->level(StageId::Answer);
    request.maxTokens = sampling.maxTokens ? *sampling.maxTokens
                                           : std::max(0, cfg.baselineReasoningTokens) +
                                                 (answer ? answer->budgetTokens : 64);
    request.messages.push_back({llm::Role::User, prompt + corrections});
    auto hint = makeHint(StageId::Generate, 0);
    hint->temperature = request.temperature;
    hint->topP = request.topP;
    hint->attempt = attempt;
    hint->correcting = attempt > 0 ? RpiRule::MarkerOrder : RpiRule::Invalid;
    request.hint = std::move(hint);
    const std::string rendered = renderChat(request.messages);
    step.prompt += attempt == 0
                       ? rendered
                       : "\n\n--- attempt " + std::to_string(attempt + 1) + " ---\n\n" + rendered;
    auto watch = std::make_shared<TagStreamWatch>(set);
    TagAttempt out;
    const StreamCheck check = [watch, &out](std::string_view reasoning, std::string_view text) {
        if (out.violation)
            return true;
        out.violation = watch->check(reasoning, text);
        return out.violation.has_value();
    };
    const auto attemptStart = Clock::now();
    auto result = generate(std::move(request), StageId::Generate, 0, &step.raw, check);
    if (!result)
        return result.error();
    if (attempt == 0)
        step.firstTokenMs =
            result->firstTokenMs > 0 ? result->firstTokenMs : msSinceTagged(attemptStart);
    addUsage(step, *result, rendered);
    step.attempts = attempt + 1;
    out.result = std::move(*result);
    return out;
}

Status UserRun::runTagged() {
    const auto& cfg = ctx_->config;
    const tags::TagSet& set = ctx_->tagSet ? *ctx_->tagSet : tags::builtinTagSet();
    StepRecord step;
    step.stage = StageId::Generate;
    step.backendMode = ctx_->offline ? StepMode::Offline : StepMode::Chat;
    const auto start = Clock::now();
    stepTokenSource_ = llm::TokenSource::Invalid;
    std::vector<const ProfileItem*> items;
    if (ranking_)
        items = retrieval::retrievedItems(record_, *ranking_);
    prompt::PromptOptions options;
    options.maxProfileWords = cfg.maxProfileWords;
    const std::string prompt =
        prompt::buildLampPrompt(ctx_->task, record_.input, items, options).text + "\n\n" +
        tagInstructions(set, ctx_->hrt->answer);
    std::string corrections;
    std::vector<std::size_t> pending;
    int interventions = 0;
    for (int attempt = 0;; ++attempt) {
        auto a = askTagged(prompt, corrections, attempt, step);
        if (!a) {
            step.latencyMs = msSinceTagged(start);
            if (cancelled_)
                return a.error();
            return fail(std::move(step), a.error().message);
        }
        std::vector<RpiViolation> violations;
        if (a->violation)
            violations.push_back(*a->violation);
        settleInterventions(pending, violations);
        if (violations.empty() || interventions >= cfg.maxInterventions) {
            giveUp(pending, interventions == 0 ? violations : std::vector<RpiViolation>{});
            finishTagged(step, *a, interventions);
            break;
        }
        ++interventions;
        EventRecord e;
        e.kind = EventKind::Intervention;
        e.stepSeq = static_cast<int>(trace_.steps.size());
        e.rule = RpiRule::MarkerOrder;
        e.evidence = a->violation->evidence;
        e.injected = tagCorrection(set, *a->violation);
        e.mode = step.backendMode;
        e.outcome = InterventionOutcome::Pending;
        corrections += "\n\n" + e.injected;
        step.raw += "\n[RPI: " + e.injected + "]\n";
        pending = {trace_.events.size()};
        addEvent(std::move(e));
        if (observer_)
            observer_->stageStarted(trace_.system, StageId::Generate, 0);
    }
    step.latencyMs = msSinceTagged(start);
    addStep(std::move(step));
    return Ok{};
}

// The chain that stands: stored as written, its answer the answer tag's, its spans and every
// constraint it breaks kept with the step.
void UserRun::finishTagged(StepRecord& step, const TagAttempt& attempt, int interventions) {
    const tags::TagSet& set = ctx_->tagSet ? *ctx_->tagSet : tags::builtinTagSet();
    const llm::GenerationResult& r = attempt.result;
    step.reasoning = r.reasoning;
    step.answer = r.answer;
    const tags::ParsedChain chain = tags::parseTags(set, r.reasoning, r.answer);
    const std::string text = tags::chainText(r.reasoning, r.answer);
    std::string answer;
    bool answered = false;
    for (const auto& s : chain.spans)
        if (s.tag == set.answerTag) {
            answer =
                std::string(text::pyStrip(std::string_view(text).substr(s.start, s.end - s.start)));
            answered = true;
        }
    if (!answered) // no answer tag: the content as written is all there is
        answer = std::string(text::pyStrip(r.answer));
    tags::ChainContext context;
    context.answerFormat = &ctx_->hrt->answer;
    context.itemCount = items_.size();
    const tags::ConstraintReport report = tags::checkTagConstraints(set, text, chain, context);
    for (const auto& s : chain.spans) {
        TagSpanRecord rec;
        rec.start = static_cast<std::int64_t>(s.start);
        rec.end = static_cast<std::int64_t>(s.end);
        rec.tag = s.tag;
        rec.source = std::string(tags::tagSourceName(tags::TagSource::Model));
        rec.confidence = 1.0;
        rec.tagSetId = set.id;
        rec.tagSetVersion = set.version;
        step.tagSpans.push_back(std::move(rec));
    }
    StepOutput& out = step.output;
    out.answer = answer;
    out.inFormat = answerInFormat(ctx_->hrt->answer, answer);
    out.finishReason = r.finishReason;
    out.interventions = interventions;
    out.findings.emplace();
    for (const auto& v : report.violations)
        out.findings->push_back(violationLine(v));
    out.tokenCounter = std::string(llm::tokenSourceName(stepTokenSource_));
    step.status = StepStatus::Done;
    trace_.prediction = answer;
}

} // namespace r2p::engine
