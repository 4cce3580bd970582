#include "RunStore.h"

#include "OutcomeSnapshot.h"
#include "RunUsage.h"
#include "Sqlite.h"
#include "StepTextCodec.h"
#include "Util.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <span>
#include <sqlite3.h>
#include <tuple>
#include <unordered_map>

namespace r2p {

namespace {

// Binds a step text as StepTextCodec stored it: plain TEXT or an encoded BLOB.
void bindStored(sql::Statement& st, int index, const steptext::Stored& value) {
    if (value.blob)
        st.bindBlob(index, value.bytes);
    else
        st.bind(index, value.bytes);
}

using Json = nlohmann::json;

std::int64_t i64(std::int64_t v) {
    return v;
}

std::string taskName(TaskId id) {
    return id == TaskId::Invalid ? std::string() : std::string(taskSpec(id).name);
}

TaskId taskFromName(const std::string& name) {
    return name.empty() ? TaskId::Invalid : parseTaskName(name).value_or(TaskId::Invalid);
}

// JSON has no NaN or infinity; scores that are not finite are kept as these strings.
Json number(double v) {
    if (std::isnan(v))
        return "nan";
    if (std::isinf(v))
        return v > 0 ? "inf" : "-inf";
    return v;
}

double numberFrom(const Json& j) {
    if (j.is_number())
        return j.get<double>();
    if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (s == "inf")
            return std::numeric_limits<double>::infinity();
        if (s == "-inf")
            return -std::numeric_limits<double>::infinity();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

// Text that is not UTF-8 is stored with U+FFFD in its place (never throws).
std::string scoresJson(const ScoreList& scores) {
    Json a = Json::array();
    for (const auto& [key, value] : scores)
        a.push_back(Json::array({key, number(value)}));
    return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The form scoresJson() writes, [["key",number],...] with keys without escapes, read without
// a JSON parser (a run's users are read whole when it is shown: 400,000 rows at 100,000 users
// and four systems); false for anything else, which the full parse reads.
bool parseStoredScores(std::string_view text, ScoreList& scores) {
    std::size_t i = 0;
    const auto eat = [&](char c) {
        if (i >= text.size() || text[i] != c)
            return false;
        ++i;
        return true;
    };
    if (!eat('['))
        return false;
    if (eat(']'))
        return i == text.size();
    do {
        if (!eat('[') || !eat('"'))
            return false;
        const std::size_t close = text.find('"', i);
        if (close == std::string_view::npos)
            return false;
        const std::string_view key = text.substr(i, close - i);
        if (key.find('\\') != std::string_view::npos)
            return false;
        i = close + 1;
        if (!eat(','))
            return false;
        double v = 0;
        const auto [ptr, ec] = std::from_chars(text.data() + i, text.data() + text.size(), v);
        if (ec != std::errc())
            return false;
        i = static_cast<std::size_t>(ptr - text.data());
        if (!eat(']'))
            return false;
        scores.emplace_back(std::string(key), v);
    } while (eat(','));
    return eat(']') && i == text.size();
}

// An array of [key, value] pairs (stored order); an object is read too, in key order.
ScoreList parseScores(const std::string& text) {
    ScoreList scores;
    if (parseStoredScores(text, scores))
        return scores;
    scores.clear();
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_array()) {
        for (const auto& pair : j)
            if (pair.is_array() && pair.size() == 2 && pair[0].is_string())
                scores.emplace_back(pair[0].get<std::string>(), numberFrom(pair[1]));
    } else if (j.is_object()) {
        for (const auto& [key, value] : j.items())
            scores.emplace_back(key, numberFrom(value));
    }
    return scores;
}

std::string systemsJson(const std::vector<SystemId>& systems) {
    Json a = Json::array();
    for (SystemId s : systems)
        a.push_back(std::string(systemName(s)));
    return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<SystemId> parseSystems(const std::string& text) {
    std::vector<SystemId> systems;
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& s : j)
            systems.push_back(
                s.is_string() ? parseSystemName(s.get<std::string>()).value_or(SystemId::Invalid)
                              : SystemId::Invalid);
    return systems;
}

std::vector<std::string> parseStrings(const std::string& text) {
    std::vector<std::string> out;
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& s : j)
            out.push_back(s.is_string()
                              ? s.get<std::string>()
                              : s.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return out;
}

std::vector<int> parseInts(const std::string& text) {
    std::vector<int> out;
    const Json j = Json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& v : j)
            if (v.is_number_integer())
                out.push_back(v.get<int>());
    return out;
}

// REAL columns are NULL when the value was NaN (SQLite binds NaN as NULL).
double realOrNan(const sql::Statement& st, int column) {
    return st.isNull(column) ? std::numeric_limits<double>::quiet_NaN() : st.real(column);
}

std::string name(std::string_view n) {
    return std::string(n);
}

// A trace's step and event texts as StepTextCodec stores them, made with `dict` (the project's
// writer dictionary when they were made). They are made before the project lock is taken, so
// workers saving at once compress in parallel; under the lock a trace made with another
// dictionary than the writer's is made again, so the stored bytes are what they would be if
// they were made there.
struct EncodedTrace {
    const steptext::Dictionary* dict = nullptr;
    bool share = true;               // the texts other systems repeat kept once per run
    std::vector<std::string> parsed; // each step's output as JSON
    std::vector<std::array<steptext::Stored, 5>> steps;  // prompt, raw, reasoning, answer, parsed
    std::vector<std::array<steptext::Stored, 4>> events; // evidence, injected, detail, violating
    std::vector<steptext::SharedText> shared;            // kept once per run (run_texts)
};

// Whether a prompt was stored on its own (not as a reference to an earlier prompt of its trace):
// a chain's first prompt, which other systems of the user may send as well.
bool standalone(const steptext::Stored& prompt) {
    return !prompt.blob || prompt.bytes.empty() || prompt.bytes.front() == 'Z' ||
           prompt.bytes.front() == 'D';
}

EncodedTrace encodeTrace(std::int64_t runId, const UserTrace& t, const steptext::Dictionary* dict,
                         bool share) {
    EncodedTrace out;
    out.dict = dict;
    out.share = share;
    out.parsed.reserve(t.steps.size());
    out.steps.reserve(t.steps.size());
    // Prompts already encoded for this trace, which a later prompt may refer to.
    steptext::EarlierPrompts earlier;
    for (const auto& st : t.steps) {
        std::string parsed = toJson(st.output);
        auto& texts = out.steps.emplace_back(std::array<steptext::Stored, 5>{
            steptext::encodePrompt(st.prompt, earlier, dict),
            steptext::encodeRaw(st.raw, st.answer, dict), steptext::encode(st.reasoning, dict),
            steptext::encode(st.answer, dict), steptext::encode(parsed, dict)});
        // What the user's other systems repeat is kept once per run: the retrieval step (the
        // same for every system that retrieves) and a chain's first prompt. A raw stream
        // stored as "the answer" stays in its row.
        const bool retrieval = st.stage == StageId::Retrieve;
        const std::string_view plain[5] = {st.prompt, st.raw, st.reasoning, st.answer, parsed};
        for (std::size_t k = 0; share && k < texts.size(); ++k) {
            const bool rawAsAnswer = k == 1 && texts[k].blob && texts[k].bytes == "A";
            if ((retrieval && !rawAsAnswer) || (k == 0 && standalone(texts[0])))
                texts[k] = steptext::shared(runId, plain[k], std::move(texts[k]), out.shared);
        }
        out.parsed.push_back(std::move(parsed));
        // Only a prompt of a lower seq can be referred to: steps are read back by seq.
        if (earlier.empty() || st.seq > earlier.rbegin()->first)
            earlier.emplace(st.seq, st.prompt);
    }
    out.events.reserve(t.events.size());
    for (const auto& e : t.events)
        out.events.push_back({steptext::encode(e.evidence, dict),
                              steptext::encode(e.injected, dict), steptext::encode(e.detail, dict),
                              steptext::encode(e.violating, dict)});
    return out;
}

std::vector<EncodedTrace> encodeTraces(const ProjectStore& store, std::int64_t runId,
                                       std::span<const UserTrace> traces, bool share) {
    const steptext::Dictionary* dict = store.stepDictionaries().writer();
    std::vector<EncodedTrace> out;
    out.reserve(traces.size());
    for (const auto& t : traces)
        out.push_back(encodeTrace(runId, t, dict, share));
    return out;
}

// The statements that write traces, prepared once per connection (ProjectStore's cache).
class TraceWriter {
public:
    explicit TraceWriter(const ProjectStore& db)
        : dictionaries_(db.stepDictionaries()),
          runExists_(db.cachedStatement("SELECT 1 FROM runs WHERE id = ?1")),
          delOutcomes_(db.cachedStatement("DELETE FROM run_outcomes WHERE run_id = ?1")),
          delUser_(db.cachedStatement(
              "DELETE FROM run_users WHERE run_id = ?1 AND user_id = ?2 AND system = ?3")),
          delSteps_(db.cachedStatement(
              "DELETE FROM run_steps WHERE run_id = ?1 AND user_id = ?2 AND system = ?3")),
          delEvents_(db.cachedStatement(
              "DELETE FROM run_events WHERE run_id = ?1 AND user_id = ?2 AND system = ?3")),
          delVerdicts_(db.cachedStatement(
              "DELETE FROM run_verdicts WHERE run_id = ?1 AND user_id = ?2 AND system = ?3")),
          delSpans_(db.cachedStatement(
              "DELETE FROM tag_spans WHERE run_id = ?1 AND user_id = ?2 AND system = ?3")),
          user_(db.cachedStatement(
              "INSERT INTO run_users(run_id, user_id, system, status, prediction, gold, "
              "scores, format_ok, reasoning_tokens, interventions, contradicted, error, "
              "saved_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
              "ON CONFLICT(run_id, user_id, system) DO NOTHING")),
          step_(db.cachedStatement(
              "INSERT INTO run_steps(run_id, user_id, system, seq, stage, candidate, "
              "attempts, status, prompt, raw, reasoning, answer, parsed, prompt_tokens, "
              "completion_tokens, reasoning_tokens, first_token_ms, latency_ms, "
              "backend_mode, error, server) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
              "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)")),
          event_(db.cachedStatement(
              "INSERT INTO run_events(run_id, user_id, system, seq, step_seq, kind, rule, "
              "evidence, injected, mode, outcome, detail, violating) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")),
          verdict_(db.cachedStatement(
              "INSERT INTO run_verdicts(run_id, user_id, system, candidate, answer, "
              "verdict, evidence, agreement, chosen, reason, judge) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")),
          text_(db.cachedStatement(
              "INSERT OR IGNORE INTO run_texts(run_id, key, bytes) VALUES(?1, ?2, ?3)")),
          span_(db.cachedStatement(
              "INSERT INTO tag_spans(run_id, user_id, system, step_seq, seq, span_start, "
              "span_end, tag, source, annotator, confidence, tagset_id, tagset_version) "
              "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)")) {}

    // Empty when every statement compiled, otherwise why not.
    std::string prepareError() const {
        for (const sql::Statement* st :
             {&runExists_, &delOutcomes_, &delUser_, &delSteps_, &delEvents_, &delVerdicts_,
              &delSpans_, &user_, &step_, &event_, &verdict_, &text_, &span_})
            if (!st->prepared())
                return st->prepareError();
        return {};
    }

    // Whether the run exists; an empty error when it was answered.
    bool runExists(std::int64_t runId, std::string& error) {
        runExists_.reset();
        runExists_.bind(1, runId);
        const bool found = runExists_.step();
        error = runExists_.error();
        runExists_.reset();
        return found;
    }

    // Deletes the run's packed outcomes (OutcomeSnapshot), which saving a trace makes stale.
    Status forgetOutcomes(std::int64_t runId) {
        delOutcomes_.reset();
        delOutcomes_.bind(1, runId);
        return delOutcomes_.run();
    }

    // Replaces the stored trace of (run, trace.userId, trace.system), its texts as `enc` holds
    // them. Throws nothing; returns the first failure's message.
    Status write(std::int64_t runId, const UserTrace& t, const EncodedTrace& enc,
                 const std::string& savedAt) {
        const std::string system = name(systemName(t.system));
        if (auto s = writeUser(runId, t, system, savedAt); !s)
            return s;

        // The texts as encodeTrace() made them, with the writer dictionary (saveTraces saw to
        // it); while there is none, they are samples to train one on.
        const bool sampling = dictionaries_.writer() == nullptr;
        for (std::size_t i = 0; i < t.steps.size(); ++i) {
            const StepRecord& st = t.steps[i];
            step_.reset();
            step_.bind(1, runId)
                .bind(2, t.userId)
                .bind(3, system)
                .bind(4, i64(st.seq))
                .bind(5, name(stageName(st.stage)))
                .bind(6, i64(st.candidate))
                .bind(7, i64(st.attempts))
                .bind(8, name(stepStatusName(st.status)))
                .bind(14, st.tokens.prompt)
                .bind(15, st.tokens.completion)
                .bind(16, st.tokens.reasoning)
                .bind(17, st.firstTokenMs)
                .bind(18, st.latencyMs)
                .bind(19, stepModeName(st.backendMode))
                .bind(20, st.error)
                .bind(21, st.server);
            if (sampling)
                for (const std::string* text :
                     {&st.prompt, &st.raw, &st.reasoning, &st.answer, &enc.parsed[i]})
                    dictionaries_.sample(*text);
            for (int k = 0; k < 5; ++k)
                bindStored(step_, 9 + k, enc.steps[i][static_cast<std::size_t>(k)]);
            if (auto s = step_.run(); !s)
                return Error{"step " + std::to_string(st.seq) + ": " + s.error().message};
            if (auto s = writeSpans(runId, t.userId, system, st); !s)
                return s;
        }

        for (std::size_t i = 0; i < t.events.size(); ++i) {
            const EventRecord& e = t.events[i];
            event_.reset();
            event_.bind(1, runId)
                .bind(2, t.userId)
                .bind(3, system)
                .bind(4, i64(e.seq))
                .bind(5, i64(e.stepSeq))
                .bind(6, name(eventKindName(e.kind)))
                .bind(7, e.rule == RpiRule::Invalid ? std::string() : name(rpiRuleName(e.rule)))
                .bind(10, stepModeName(e.mode))
                .bind(11, e.outcome == InterventionOutcome::Invalid
                              ? std::string()
                              : name(interventionOutcomeName(e.outcome)));
            const auto& texts = enc.events[i];
            bindStored(event_, 8, texts[0]);
            bindStored(event_, 9, texts[1]);
            bindStored(event_, 12, texts[2]);
            bindStored(event_, 13, texts[3]);
            if (auto s = event_.run(); !s)
                return Error{"event " + std::to_string(e.seq) + ": " + s.error().message};
        }

        if (auto s = writeShared(runId, enc); !s)
            return s;
        for (const auto& v : t.verdicts) {
            verdict_.reset();
            verdict_.bind(1, runId)
                .bind(2, t.userId)
                .bind(3, system)
                .bind(4, i64(v.candidate))
                .bind(5, v.answer)
                .bind(6, name(verdictName(v.verdict)))
                .bind(
                    7,
                    Json(v.evidence).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace))
                .bind(8, v.agreement)
                .bind(9, i64(v.chosen ? 1 : 0))
                .bind(10, v.reason)
                .bind(11, v.judge);
            if (auto s = verdict_.run(); !s)
                return Error{"verdict of candidate " + std::to_string(v.candidate) + ": " +
                             s.error().message};
        }
        return Ok{};
    }

private:
    // The user's row of the trace. A trace stored before is replaced whole: its rows go, then
    // the user's row goes in. A new one (most saves) costs no deletes: a step, event, verdict or
    // span is only ever stored with its user's row, so without that row there is none to delete.
    Status writeUser(std::int64_t runId, const UserTrace& t, const std::string& system,
                     const std::string& savedAt) {
        std::string scores;
        try {
            scores = scoresJson(t.scores);
        } catch (const Json::exception&) {
            return Error{"a score name is not valid UTF-8"};
        }
        int contradicted = 0;
        for (const auto& v : t.verdicts)
            contradicted += v.verdict == Verdict::Contradicted ? 1 : 0;
        user_.reset();
        user_.bind(1, runId)
            .bind(2, t.userId)
            .bind(3, system)
            .bind(4, name(userStatusName(t.status)))
            .bind(5, t.prediction)
            .bindOptional(6, t.gold)
            .bind(7, scores)
            .bind(8, i64(t.formatOk ? 1 : 0))
            .bind(9, t.reasoningTokens)
            .bind(10, i64(t.interventions))
            .bind(11, i64(contradicted))
            .bind(12, t.error)
            .bind(13, savedAt);
        if (auto s = user_.run(); !s)
            return s;
        if (user_.changes() == 0) {
            for (sql::Statement* del :
                 {&delUser_, &delSteps_, &delEvents_, &delVerdicts_, &delSpans_}) {
                del->reset();
                del->bind(1, runId).bind(2, t.userId).bind(3, system);
                if (auto s = del->run(); !s)
                    return s;
            }
            user_.rewind();
            if (auto s = user_.run(); !s)
                return s;
            if (user_.changes() != 1)
                return Error{"the user's row was not replaced"};
        }
        return Ok{};
    }

    // The texts the trace keeps once per run; one another trace kept already stays as it is
    // (the same text: its key is the text's hash).
    Status writeShared(std::int64_t runId, const EncodedTrace& enc) {
        for (const steptext::SharedText& kept : enc.shared) {
            text_.reset();
            text_.bind(1, runId).bindBlob(2, kept.key);
            bindStored(text_, 3, kept.value);
            if (auto s = text_.run(); !s)
                return Error{"a text kept once per run: " + s.error().message};
        }
        return Ok{};
    }

    Status writeSpans(std::int64_t runId, const std::string& userId, const std::string& system,
                      const StepRecord& st) {
        for (std::size_t i = 0; i < st.tagSpans.size(); ++i) {
            const TagSpanRecord& sp = st.tagSpans[i];
            span_.reset();
            span_.bind(1, runId)
                .bind(2, userId)
                .bind(3, system)
                .bind(4, i64(st.seq))
                .bind(5, i64(static_cast<int>(i)))
                .bind(6, sp.start)
                .bind(7, sp.end)
                .bind(8, sp.tag)
                .bind(9, sp.source)
                .bind(10, sp.annotator)
                .bind(11, sp.confidence)
                .bind(12, sp.tagSetId)
                .bind(13, i64(sp.tagSetVersion));
            if (auto s = span_.run(); !s)
                return Error{"tag span " + std::to_string(i) + " of step " +
                             std::to_string(st.seq) + ": " + s.error().message};
        }
        return Ok{};
    }

    steptext::Dictionaries& dictionaries_; // declared first: initialised first
    sql::Statement &runExists_, &delOutcomes_, &delUser_, &delSteps_, &delEvents_, &delVerdicts_,
        &delSpans_, &user_, &step_, &event_, &verdict_, &text_, &span_;
};

const char* const kRunColumns =
    "SELECT id, created_at, finished_at, task, questions_path, outputs_path, systems, backend, "
    "model, base_url, template_id, template_version, config, status, users FROM runs";

RunInfo runFromRow(const sql::Statement& st) {
    RunInfo r;
    r.id = st.int64(0);
    r.createdAt = st.text(1);
    r.finishedAt = st.text(2);
    r.task = taskFromName(st.text(3));
    r.questionsPath = st.text(4);
    r.outputsPath = st.text(5);
    r.systems = parseSystems(st.text(6));
    r.backend = st.text(7);
    r.model = st.text(8);
    r.baseUrl = st.text(9);
    r.templateId = st.text(10);
    r.templateVersion = static_cast<int>(st.int64(11));
    r.config = st.text(12);
    // A status this version does not know reads as Invalid (shown, never resumed as running).
    r.status = parseRunStatus(st.text(13)).value_or(RunStatus::Invalid);
    r.users = parseStrings(st.text(14));
    return r;
}

std::string where(const ProjectStore& store) {
    return "project " + store.path() + ": ";
}

// Writes the traces in one transaction, their texts as encodeTraces() made them (before the
// locks); the caller holds the locks.
Status saveTraces(ProjectStore& store, std::int64_t runId, std::span<const UserTrace> traces,
                  std::vector<EncodedTrace> encoded) {
    if (traces.empty())
        return Ok{};
    auto what = [&](const UserTrace& t) {
        return where(store) + "cannot save run " + std::to_string(runId) + ", user " + t.userId +
               ", system " + name(systemName(t.system)) + ": ";
    };
    // Errors that are not about one trace name the first and last (and how many there were).
    auto whole = [&] {
        if (traces.size() == 1)
            return what(traces.front());
        return where(store) + "cannot save run " + std::to_string(runId) + ", users " +
               traces.front().userId + " to " + traces.back().userId + " (" +
               std::to_string(traces.size()) + " traces): ";
    };
    for (const auto& t : traces)
        if (t.system == SystemId::Invalid)
            return Error{what(t) + "the trace names no system"};

    sqlite3* db = store.handle();
    TraceWriter writer(store);
    if (auto e = writer.prepareError(); !e.empty())
        return Error{whole() + e};
    sql::Transaction tx(db);
    if (!tx.begun())
        return Error{whole() + tx.begun().error().message};
    std::string error;
    if (!writer.runExists(runId, error))
        return Error{whole() +
                     (error.empty() ? "there is no run " + std::to_string(runId) : error)};
    if (auto s = writer.forgetOutcomes(runId); !s)
        return Error{whole() + s.error().message};
    // A dictionary trained now is stored with these traces and used from the next save on, so a
    // save that rolls back takes it along and no kept text can name a dictionary that is gone.
    auto trained = store.insertTrainedStepDictionary();
    const std::string savedAt = nowIsoUtc();
    // Texts made with a dictionary that is no longer the writer's (another save trained one
    // since) are made again with the writer's, as they would have been under the lock.
    const steptext::Dictionary* dict = store.stepDictionaries().writer();
    for (std::size_t i = 0; i < traces.size(); ++i) {
        if (encoded[i].dict != dict)
            encoded[i] = encodeTrace(runId, traces[i], dict, encoded[i].share);
        if (auto s = writer.write(runId, traces[i], encoded[i], savedAt); !s)
            return Error{what(traces[i]) + s.error().message};
    }
    if (auto s = tx.commit(); !s)
        return Error{whole() + s.error().message};
    if (trained)
        store.stepDictionaries().add(trained->first, std::move(trained->second));
    return Ok{};
}

// The run's packed outcomes (OutcomeSnapshot) when it has them and each chunk unpacks; nothing
// when it has none, a chunk is damaged or missing, or the file has no run_outcomes (a read-only
// file of an older schema). The caller holds the locks.
std::optional<std::vector<UserOutcome>> readKeptOutcomes(const ProjectStore& store,
                                                         std::int64_t runId) {
    sqlite3* db = store.handle();
    sql::Statement total(db, "SELECT count(*), sum(rows) FROM run_outcomes WHERE run_id = ?1");
    total.bind(1, runId);
    if (!total.step() || total.int64(0) == 0)
        return std::nullopt;
    // Room for the rows the chunks say they hold, but never more than so many chunks can (a
    // damaged count must not reserve, and map, gigabytes).
    const std::int64_t most =
        total.int64(0) * static_cast<std::int64_t>(outcomesnapshot::kRowsPerChunk);
    std::vector<UserOutcome> out;
    out.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(total.int64(1), 0, most)));
    prefault(out.data(), out.capacity() * sizeof(UserOutcome));
    sql::Statement st(db, "SELECT chunk, rows, data FROM run_outcomes WHERE run_id = ?1 "
                          "ORDER BY chunk");
    st.bind(1, runId);
    std::string scratch;
    for (std::int64_t chunk = 0; st.step(); ++chunk) {
        const std::int64_t rows = st.int64(1);
        if (st.int64(0) != chunk || rows < 0 ||
            !outcomesnapshot::unpack(st.bytes(2), static_cast<std::size_t>(rows), out, scratch))
            return std::nullopt;
    }
    if (st.failed())
        return std::nullopt;
    return out;
}

// A run's per-user rows in the run's user order, then system order; the caller holds the locks.
Result<std::vector<UserOutcome>> readOutcomes(const ProjectStore& store, std::int64_t runId,
                                              bool finishedOnly,
                                              std::optional<SystemId> system = {}) {
    sqlite3* db = store.handle();
    auto fail = [&](const std::string& why) -> Result<std::vector<UserOutcome>> {
        return Error{where(store) + "cannot read the users of run " + std::to_string(runId) + ": " +
                     why};
    };
    sql::Statement head(db, "SELECT systems, users FROM runs WHERE id = ?1");
    head.bind(1, runId);
    if (!head.step())
        return head.failed() ? fail(head.error())
                             : Error{where(store) + "there is no run " + std::to_string(runId)};
    const auto systems = parseSystems(head.text(0));
    const auto users = parseStrings(head.text(1));
    head.reset();

    std::unordered_map<std::string, std::size_t> userOrder;
    userOrder.reserve(users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
        userOrder.emplace(users[i], i);
    std::size_t nextUserKey = users.size();
    auto systemOrder = [&](SystemId s) {
        const auto it = std::find(systems.begin(), systems.end(), s);
        return static_cast<std::size_t>(it - systems.begin());
    };

    // Room for every row up front, and the rows put in order in place: a 100,000-user run of
    // four systems has 400,000 rows, and a second copy of them (or a vector grown by doubling)
    // would cost more memory than the rows themselves.
    std::vector<UserOutcome> out;
    {
        sql::Statement count(db, std::string("SELECT count(*) FROM run_users WHERE run_id = ?1") +
                                     (finishedOnly ? " AND status IN ('done', 'failed')" : "") +
                                     (system ? " AND system = ?2" : ""));
        count.bind(1, runId);
        if (system)
            count.bind(2, systemName(*system));
        if (count.step())
            out.reserve(static_cast<std::size_t>(std::max<std::int64_t>(0, count.int64(0))));
        prefault(out.data(), out.capacity() * sizeof(UserOutcome));
    }
    // Users the run does not list (none, normally) come last, by id and system name.
    sql::Statement st(db, std::string("SELECT user_id, system, status, prediction, gold, scores, "
                                      "format_ok, reasoning_tokens, interventions, contradicted, "
                                      "error FROM run_users WHERE run_id = ?1") +
                              (finishedOnly ? " AND status IN ('done', 'failed')" : "") +
                              (system ? " AND system = ?2" : "") + " ORDER BY user_id, system");
    st.bind(1, runId);
    if (system)
        st.bind(2, systemName(*system));
    std::vector<std::pair<std::size_t, std::size_t>> keys; // (user, system) of each row
    keys.reserve(out.capacity());
    while (st.step()) {
        UserOutcome& o = out.emplace_back();
        o.userId = st.text(0);
        o.system = parseSystemName(st.text(1)).value_or(SystemId::Invalid);
        o.status = parseUserStatus(st.text(2)).value_or(UserStatus::Invalid);
        o.prediction = st.text(3);
        if (!st.isNull(4))
            o.gold = st.text(4);
        o.scores = parseScores(st.text(5));
        o.formatOk = st.int64(6) != 0;
        o.reasoningTokens = st.int64(7);
        o.interventions = static_cast<int>(st.int64(8));
        o.contradicted = static_cast<int>(st.int64(9));
        o.error = st.text(10);
        // (Rows come by user id, so an unlisted user gets the next key when first seen.)
        const auto [u, unlisted] = userOrder.try_emplace(o.userId, nextUserKey);
        nextUserKey += unlisted ? 1 : 0;
        keys.emplace_back(u->second, systemOrder(o.system));
    }
    if (st.failed())
        return fail(st.error());
    // order[j]: the row that goes to position j; then each cycle of it moved along in place.
    std::vector<std::size_t> order(out.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (order[i] == i)
            continue;
        UserOutcome held = std::move(out[i]);
        std::size_t j = i;
        for (;;) {
            const std::size_t from = order[j];
            order[j] = j;
            if (from == i) {
                out[j] = std::move(held);
                break;
            }
            out[j] = std::move(out[from]);
            j = from;
        }
    }
    // The pages of every row were read once and are rarely read again soon (the callers keep
    // the rows): their memory is better used by what is made of them.
    sqlite3_db_release_memory(db);
    return out;
}

// The value of `key` in stored scores. The stored form is [["key",number],...] as written by
// scoresJson; anything else (an object, "nan", escapes) goes through the full parse.
// `pattern` is "[\"key\"," (made once per read).
std::optional<double> scoreNamed(std::string_view text, std::string_view pattern,
                                 const std::string& key) {
    const auto at = text.find(pattern);
    if (at != std::string_view::npos) {
        const char* begin = text.data() + at + pattern.size();
        const char* end = text.data() + text.size();
        double v = 0;
        const auto [ptr, ec] = std::from_chars(begin, end, v);
        if (ec == std::errc() && ptr != end && *ptr == ']')
            return v;
    }
    for (const auto& [k, v] : parseScores(std::string(text)))
        if (k == key)
            return v;
    return std::nullopt;
}

std::string_view columnText(sqlite3_stmt* st, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, column)))
             : std::string_view();
}

// A step text column as StepTextCodec stored it.
Result<std::string> storedText(const sql::Statement& row, int column,
                               const steptext::Dictionaries& dicts,
                               const std::map<int, std::string>* earlier = nullptr) {
    return steptext::decode(row.bytes(column), row.isBlob(column), earlier, &dicts);
}

// One row of the run_steps query in userTrace; `prompts` holds the trace's earlier prompts by
// seq (a stored prompt may refer to one) and gets this one.
Result<StepRecord> readStep(const sql::Statement& row, std::map<int, std::string>& prompts,
                            const steptext::Dictionaries& dicts) {
    StepRecord s;
    s.seq = static_cast<int>(row.int64(0));
    s.stage = parseStageName(row.text(1)).value_or(StageId::Invalid);
    s.candidate = static_cast<int>(row.int64(2));
    s.attempts = static_cast<int>(row.int64(3));
    s.status = parseStepStatus(row.text(4)).value_or(StepStatus::Invalid);
    auto prompt = storedText(row, 5, dicts, &prompts);
    auto answer = storedText(row, 8, dicts);
    auto raw = answer ? steptext::decode(row.bytes(6), row.isBlob(6), nullptr, &dicts, &*answer)
                      : Result<std::string>(answer.error());
    auto reasoning = storedText(row, 7, dicts);
    auto parsed = storedText(row, 9, dicts);
    for (const auto* r : {&prompt, &answer, &raw, &reasoning, &parsed})
        if (!*r)
            return Error{"step " + std::to_string(s.seq) + ": " + r->error().message};
    s.prompt = std::move(*prompt);
    s.raw = std::move(*raw);
    s.reasoning = std::move(*reasoning);
    s.answer = std::move(*answer);
    s.output = readStepOutput(*parsed);
    prompts[s.seq] = s.prompt;
    s.tokens.prompt = row.int64(10);
    s.tokens.completion = row.int64(11);
    s.tokens.reasoning = row.int64(12);
    s.firstTokenMs = realOrNan(row, 13);
    s.latencyMs = realOrNan(row, 14);
    s.backendMode = parseStepMode(row.text(15)).value_or(StepMode::None);
    s.error = row.text(16);
    s.server = row.text(17);
    return s;
}

constexpr const char* kSpanColumns = "user_id, system, step_seq, span_start, span_end, tag, "
                                     "source, annotator, confidence, tagset_id, tagset_version";

// One row of a tag_spans query selecting kSpanColumns.
StoredTagSpan readSpan(const sql::Statement& row) {
    StoredTagSpan out;
    out.userId = row.text(0);
    out.system = parseSystemName(row.text(1)).value_or(SystemId::Invalid);
    out.stepSeq = static_cast<int>(row.int64(2));
    TagSpanRecord& sp = out.span;
    sp.start = row.int64(3);
    sp.end = row.int64(4);
    sp.tag = row.text(5);
    sp.source = row.text(6);
    sp.annotator = row.text(7);
    sp.confidence = realOrNan(row, 8);
    sp.tagSetId = row.text(9);
    sp.tagSetVersion = static_cast<int>(row.int64(10));
    return out;
}

// The tag spans of one trace, onto its steps by seq.
Status readStepSpans(sqlite3* db, std::int64_t runId, const std::string& userId,
                     const std::string& system, std::vector<StepRecord>& steps) {
    sql::Statement spans(db, std::string("SELECT ") + kSpanColumns +
                                 " FROM tag_spans WHERE run_id = ?1 AND user_id = ?2 AND "
                                 "system = ?3 ORDER BY step_seq, seq");
    spans.bind(1, runId).bind(2, userId).bind(3, system);
    while (spans.step()) {
        StoredTagSpan sp = readSpan(spans);
        for (auto& st : steps)
            if (st.seq == sp.stepSeq)
                st.tagSpans.push_back(std::move(sp.span));
    }
    if (spans.failed())
        return Error{spans.error()};
    return Ok{};
}

// One row of the run_events query in userTrace.
Result<EventRecord> readEvent(const sql::Statement& row, const steptext::Dictionaries& dicts) {
    EventRecord e;
    e.seq = static_cast<int>(row.int64(0));
    e.stepSeq = static_cast<int>(row.int64(1));
    e.kind = parseEventKind(row.text(2)).value_or(EventKind::Invalid);
    e.rule = parseRpiRule(row.text(3)).value_or(RpiRule::Invalid);
    e.mode = parseStepMode(row.text(6)).value_or(StepMode::None);
    e.outcome = parseInterventionOutcome(row.text(7)).value_or(InterventionOutcome::Invalid);
    for (auto [column, field] : {std::pair{4, &e.evidence}, std::pair{5, &e.injected},
                                 std::pair{8, &e.detail}, std::pair{9, &e.violating}}) {
        auto text = storedText(row, column, dicts);
        if (!text)
            return Error{"event " + std::to_string(e.seq) + ": " + text.error().message};
        *field = std::move(*text);
    }
    return e;
}

// One row of the run_verdicts query in userTrace.
VerdictRecord readVerdict(const sql::Statement& row) {
    VerdictRecord v;
    v.candidate = static_cast<int>(row.int64(0));
    v.answer = row.text(1);
    v.verdict = parseVerdict(row.text(2)).value_or(Verdict::Invalid);
    v.evidence = parseInts(row.text(3));
    v.agreement = realOrNan(row, 4);
    v.chosen = row.int64(5) != 0;
    v.reason = row.text(6);
    v.judge = row.text(7);
    return v;
}

} // namespace

Result<std::int64_t> RunStore::createRun(const RunInfo& info) {
    std::string systems, users;
    try {
        systems = systemsJson(info.systems);
        users = Json(info.users).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } catch (const Json::exception&) {
        return Error{where(store_) + "cannot create a run: a question id is not valid UTF-8"};
    }
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sharesTexts_.clear(); // a run made again under a deleted run's id
    sql::Statement st(store_.handle(),
                      "INSERT INTO runs(created_at, finished_at, task, questions_path, "
                      "outputs_path, systems, backend, model, base_url, template_id, "
                      "template_version, config, status, users) "
                      "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
                      "RETURNING id");
    st.bind(1, info.createdAt.empty() ? nowIsoUtc() : info.createdAt)
        .bind(2, info.finishedAt)
        .bind(3, taskName(info.task))
        .bind(4, info.questionsPath)
        .bind(5, info.outputsPath)
        .bind(6, systems)
        .bind(7, info.backend)
        .bind(8, info.model)
        .bind(9, info.baseUrl)
        .bind(10, info.templateId)
        .bind(11, i64(info.templateVersion))
        .bind(12, info.config)
        .bind(13, std::string(runStatusName(info.status == RunStatus::Invalid ? RunStatus::Running
                                                                              : info.status)))
        .bind(14, users);
    if (!st.step())
        return Error{where(store_) + "cannot create a run: " +
                     (st.failed() ? st.error() : std::string("no id returned"))};
    const std::int64_t id = st.int64(0);
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot create a run: " + s.error().message};
    return id;
}

Result<RunInfo> RunStore::run(std::int64_t runId) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), std::string(kRunColumns) + " WHERE id = ?1");
    st.bind(1, runId);
    if (!st.step())
        return Error{where(store_) +
                     (st.failed() ? "cannot read run " + std::to_string(runId) + ": " + st.error()
                                  : "there is no run " + std::to_string(runId))};
    return runFromRow(st);
}

Result<std::vector<RunInfo>> RunStore::runs() const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      std::string(kRunColumns) + " ORDER BY created_at DESC, id DESC");
    std::vector<RunInfo> all;
    while (st.step())
        all.push_back(runFromRow(st));
    if (st.failed())
        return Error{where(store_) + "cannot list the runs: " + st.error()};
    return all;
}

Status RunStore::setRunStatus(std::int64_t runId, RunStatus runStatus) {
    if (runStatus == RunStatus::Invalid)
        return Error{where(store_) + "run " + std::to_string(runId) +
                     " cannot be set to no status"};
    const std::string status(runStatusName(runStatus));
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    // A finished run gets its finish time; a resumed one ("running") loses it.
    sql::Statement st(store_.handle(),
                      "UPDATE runs SET status = ?2, finished_at = CASE WHEN ?2 = 'running' THEN '' "
                      "ELSE ?3 END WHERE id = ?1 RETURNING id");
    st.bind(1, runId).bind(2, status).bind(3, nowIsoUtc());
    const bool found = st.step();
    if (st.failed())
        return Error{where(store_) + "cannot set the status of run " + std::to_string(runId) +
                     ": " + st.error()};
    if (!found)
        return Error{where(store_) + "there is no run " + std::to_string(runId)};
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot set the status of run " + std::to_string(runId) +
                     ": " + s.error().message};
    return Ok{};
}

bool RunStore::sharesTexts(std::int64_t runId) {
    std::lock_guard guard(mutex_);
    if (const auto known = sharesTexts_.find(runId); known != sharesTexts_.end())
        return known->second;
    std::lock_guard lock(store_.mutex());
    sql::Statement& st = store_.cachedStatement("SELECT systems FROM runs WHERE id = ?1");
    st.bind(1, runId);
    // Unknown (no such run, or it cannot be read): shared, as always before; the save says why.
    const bool found = st.step();
    const bool share = !found || parseSystems(st.text(0)).size() != 1;
    st.reset();
    if (found)
        sharesTexts_.emplace(runId, share);
    return share;
}

Status RunStore::saveUserTrace(std::int64_t runId, const UserTrace& trace) {
    const std::span<const UserTrace> one(&trace, 1);
    // The compression, before the locks.
    auto encoded = encodeTraces(store_, runId, one, sharesTexts(runId));
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    return saveTraces(store_, runId, one, std::move(encoded));
}

Status RunStore::saveUserTraces(std::int64_t runId, const std::vector<UserTrace>& traces) {
    // The compression, before the locks.
    auto encoded = encodeTraces(store_, runId, traces, sharesTexts(runId));
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    return saveTraces(store_, runId, traces, std::move(encoded));
}

Result<UserTrace> RunStore::userTrace(std::int64_t runId, const std::string& userId,
                                      SystemId system) const {
    const std::string sys = name(systemName(system));
    auto fail = [&](const std::string& why) -> Result<UserTrace> {
        return Error{where(store_) + "cannot read run " + std::to_string(runId) + ", user " +
                     userId + ", system " + sys + ": " + why};
    };
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    // One read transaction, so the trace is not mixed with a save from another connection.
    // (Unless a transaction is open already: then that one holds the reads together.)
    const bool ownRead = sqlite3_get_autocommit(db) != 0;
    if (ownRead)
        if (auto s = sql::exec(db, "BEGIN"); !s)
            return fail(s.error().message);
    struct EndRead {
        sqlite3* db;
        bool own;
        ~EndRead() {
            if (own)
                (void)sql::exec(db, "COMMIT");
        }
    } endRead{db, ownRead};

    sql::Statement head(db, "SELECT status, prediction, gold, scores, format_ok, "
                            "reasoning_tokens, interventions, error FROM run_users "
                            "WHERE run_id = ?1 AND user_id = ?2 AND system = ?3");
    head.bind(1, runId).bind(2, userId).bind(3, sys);
    if (!head.step()) {
        if (head.failed())
            return fail(head.error());
        return Error{where(store_) + "run " + std::to_string(runId) + " has no trace for user " +
                     userId + " (system " + sys + ")"};
    }
    UserTrace t;
    t.userId = userId;
    t.system = system;
    t.status = parseUserStatus(head.text(0)).value_or(UserStatus::Invalid);
    t.prediction = head.text(1);
    if (!head.isNull(2))
        t.gold = head.text(2);
    t.scores = parseScores(head.text(3));
    t.formatOk = head.int64(4) != 0;
    t.reasoningTokens = head.int64(5);
    t.interventions = static_cast<int>(head.int64(6));
    t.error = head.text(7);

    sql::Statement steps(db,
                         "SELECT seq, stage, candidate, attempts, status, prompt, raw, "
                         "reasoning, answer, parsed, prompt_tokens, completion_tokens, "
                         "reasoning_tokens, first_token_ms, latency_ms, backend_mode, error, "
                         "server FROM run_steps WHERE run_id = ?1 AND user_id = ?2 AND system = ?3 "
                         "ORDER BY seq");
    steps.bind(1, runId).bind(2, userId).bind(3, sys);
    std::map<int, std::string> prompts;
    while (steps.step()) {
        auto step = readStep(steps, prompts, store_.stepDictionaries());
        if (!step)
            return fail(step.error().message);
        t.steps.push_back(std::move(*step));
    }
    if (steps.failed())
        return fail(steps.error());
    if (auto s = readStepSpans(db, runId, userId, sys, t.steps); !s)
        return fail(s.error().message);

    sql::Statement events(db, "SELECT seq, step_seq, kind, rule, evidence, injected, mode, "
                              "outcome, detail, violating FROM run_events "
                              "WHERE run_id = ?1 AND user_id = ?2 AND system = ?3 ORDER BY seq");
    events.bind(1, runId).bind(2, userId).bind(3, sys);
    while (events.step()) {
        auto e = readEvent(events, store_.stepDictionaries());
        if (!e)
            return fail(e.error().message);
        t.events.push_back(std::move(*e));
    }
    if (events.failed())
        return fail(events.error());

    sql::Statement verdicts(db, "SELECT candidate, answer, verdict, evidence, agreement, chosen, "
                                "reason, judge FROM run_verdicts "
                                "WHERE run_id = ?1 AND user_id = ?2 AND system = ?3 "
                                "ORDER BY candidate");
    verdicts.bind(1, runId).bind(2, userId).bind(3, sys);
    while (verdicts.step()) {
        t.verdicts.push_back(readVerdict(verdicts));
    }
    if (verdicts.failed())
        return fail(verdicts.error());
    return t;
}

Result<std::vector<UserOutcome>> RunStore::outcomes(std::int64_t runId,
                                                    std::optional<SystemId> system) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    // The whole run from its packed outcomes when it has them (one system: from the rows).
    if (!system)
        if (auto kept = readKeptOutcomes(store_, runId))
            return std::move(*kept);
    return readOutcomes(store_, runId, false, system);
}

Status RunStore::keepOutcomes(std::int64_t runId) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot keep the outcomes of run " + std::to_string(runId) +
                     ": " + why};
    };
    // Read and replaced in one transaction, so no save comes between them; deferred, so other
    // connections may write while the rows are read (the replace then fails, and nothing is
    // changed) instead of waiting for it.
    sql::Transaction tx(db, sql::Transaction::Begin::Deferred);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    auto rows = readOutcomes(store_, runId, false);
    if (!rows)
        return rows.error();
    sql::Statement del(db, "DELETE FROM run_outcomes WHERE run_id = ?1");
    del.bind(1, runId);
    if (auto s = del.run(); !s)
        return fail(s.error().message);
    sql::Statement put(db, "INSERT INTO run_outcomes(run_id, chunk, rows, data) "
                           "VALUES(?1, ?2, ?3, ?4)");
    const std::span<const UserOutcome> all(*rows);
    for (std::size_t at = 0, chunk = 0; at < all.size();
         at += outcomesnapshot::kRowsPerChunk, ++chunk) {
        const auto part =
            all.subspan(at, std::min(outcomesnapshot::kRowsPerChunk, all.size() - at));
        const std::string packed = outcomesnapshot::pack(part);
        if (packed.empty())
            return fail("the rows could not be compressed");
        put.reset();
        put.bind(1, runId)
            .bind(2, static_cast<std::int64_t>(chunk))
            .bind(3, static_cast<std::int64_t>(part.size()))
            .bindBlob(4, packed);
        if (auto s = put.run(); !s)
            return fail(s.error().message);
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

bool RunStore::keepsOutcomes(std::int64_t runId) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "SELECT 1 FROM run_outcomes WHERE run_id = ?1 LIMIT 1");
    st.bind(1, runId);
    return st.step();
}

Result<std::vector<OutcomeScore>>
RunStore::outcomeScores(std::int64_t runId, const std::string& scoreKey, bool texts) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    auto fail = [&](const char* why) -> Result<std::vector<OutcomeScore>> {
        return Error{where(store_) + "cannot read the users of run " + std::to_string(runId) +
                     ": " + why};
    };
    const std::string_view sql =
        texts ? "SELECT user_id, system, status, gold IS NOT NULL, scores, prediction, gold "
                "FROM run_users WHERE run_id = ?1"
              : "SELECT user_id, system, status, gold IS NOT NULL, scores FROM run_users "
                "WHERE run_id = ?1";
    // Raw statements: the text columns are read in place, without a copy per column.
    sqlite3_stmt* raw = nullptr;
    sqlite3* db = store_.handle();
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        return fail(sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    sqlite3_bind_int64(raw, 1, runId);
    // The few distinct system and status names, each parsed once.
    std::vector<std::pair<std::string, SystemId>> systems;
    std::vector<std::pair<std::string, UserStatus>> statuses;
    auto lookup = [](auto& cache, std::string_view text, auto parse) {
        for (const auto& [k, v] : cache)
            if (k == text)
                return v;
        cache.emplace_back(std::string(text), parse(std::string(text)));
        return cache.back().second;
    };
    auto systemOf = [](const std::string& t) {
        return parseSystemName(t).value_or(SystemId::Invalid);
    };
    auto statusOf = [](const std::string& t) {
        return parseUserStatus(t).value_or(UserStatus::Invalid);
    };
    const std::string pattern = "[\"" + scoreKey + "\",";
    std::vector<OutcomeScore> out;
    {
        // Room for every listed (user, system) up front: growing the vector row by row costs
        // more than the read itself at 80,000 rows.
        sql::Statement size(db, "SELECT json_array_length(users) * json_array_length(systems) "
                                "FROM runs WHERE id = ?1");
        size.bind(1, runId);
        if (size.step())
            out.reserve(
                static_cast<std::size_t>(std::clamp<std::int64_t>(size.int64(0), 0, 1 << 24)));
    }
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        OutcomeScore& o = out.emplace_back();
        o.userId = columnText(raw, 0);
        o.system = lookup(systems, columnText(raw, 1), systemOf);
        o.status = lookup(statuses, columnText(raw, 2), statusOf);
        o.hasGold = sqlite3_column_int(raw, 3) != 0;
        if (!scoreKey.empty())
            o.score = scoreNamed(columnText(raw, 4), pattern, scoreKey);
        if (texts) {
            o.prediction = columnText(raw, 5);
            o.gold = columnText(raw, 6);
        }
    }
    if (rc != SQLITE_DONE)
        return fail(sqlite3_errmsg(db));
    return out;
}

Result<std::vector<std::pair<std::string, SystemId>>> RunStore::finished(std::int64_t runId) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    auto rows = readOutcomes(store_, runId, true);
    if (!rows)
        return rows.error();
    std::vector<std::pair<std::string, SystemId>> pairs;
    pairs.reserve(rows->size());
    for (auto& o : *rows)
        pairs.emplace_back(std::move(o.userId), o.system);
    return pairs;
}

Result<std::map<SystemId, std::map<Verdict, std::size_t>>>
RunStore::verdictCounts(std::int64_t runId) const {
    using Counts = std::map<SystemId, std::map<Verdict, std::size_t>>;
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Result<Counts> {
        return Error{where(store_) + "cannot count the verdicts of run " + std::to_string(runId) +
                     ": " + why};
    };
    sql::Statement exists(db, "SELECT 1 FROM runs WHERE id = ?1");
    exists.bind(1, runId);
    if (!exists.step())
        return exists.failed() ? fail(exists.error())
                               : Error{where(store_) + "there is no run " + std::to_string(runId)};
    exists.reset();
    sql::Statement st(db, "SELECT system, verdict, COUNT(*) FROM run_verdicts WHERE run_id = ?1 "
                          "GROUP BY system, verdict");
    st.bind(1, runId);
    Counts counts;
    while (st.step()) {
        const auto system = parseSystemName(st.text(0)).value_or(SystemId::Invalid);
        const auto verdict = parseVerdict(st.text(1)).value_or(Verdict::Invalid);
        counts[system][verdict] += static_cast<std::size_t>(st.int64(2));
    }
    if (st.failed())
        return fail(st.error());
    return counts;
}

Result<std::map<SystemId, std::map<InterventionOutcome, std::size_t>>>
RunStore::interventionOutcomeCounts(std::int64_t runId) const {
    using Counts = std::map<SystemId, std::map<InterventionOutcome, std::size_t>>;
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT system, outcome, COUNT(*) FROM run_events WHERE run_id = ?1 AND "
                      "kind = 'intervention' GROUP BY system, outcome");
    st.bind(1, runId);
    Counts counts;
    while (st.step()) {
        const auto system = parseSystemName(st.text(0)).value_or(SystemId::Invalid);
        const auto outcome =
            parseInterventionOutcome(st.text(1)).value_or(InterventionOutcome::Invalid);
        counts[system][outcome] += static_cast<std::size_t>(st.int64(2));
    }
    if (st.failed())
        return Error{where(store_) + "cannot count the interventions of run " +
                     std::to_string(runId) + ": " + st.error()};
    return counts;
}

Status RunStore::forEachStepUsage(std::int64_t runId,
                                  const std::function<void(const StepUsage&)>& each) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT system, stage, attempts, status, prompt_tokens, completion_tokens, "
                      "reasoning_tokens, latency_ms, backend_mode, server, seq, user_id, "
                      "candidate FROM run_steps WHERE run_id = ?1");
    st.bind(1, runId);
    StepUsage u;
    while (st.step()) {
        u.system = parseSystemName(st.text(0)).value_or(SystemId::Invalid);
        u.stage = parseStageName(st.text(1)).value_or(StageId::Invalid);
        u.attempts = static_cast<int>(st.int64(2));
        u.status = parseStepStatus(st.text(3)).value_or(StepStatus::Invalid);
        u.tokens.prompt = st.int64(4);
        u.tokens.completion = st.int64(5);
        u.tokens.reasoning = st.int64(6);
        u.latencyMs = st.real(7);
        u.mode = parseStepMode(st.text(8)).value_or(StepMode::None);
        u.server = st.text(9);
        u.seq = static_cast<int>(st.int64(10));
        u.userId = st.text(11);
        u.candidate = static_cast<int>(st.int64(12));
        each(u);
    }
    if (st.failed())
        return Error{where(store_) + "cannot read the steps of run " + std::to_string(runId) +
                     ": " + st.error()};
    return Ok{};
}

Result<std::vector<StepUsageSum>>
RunStore::stepUsageSums(std::int64_t runId,
                        const std::function<void(const StepUsage&)>& withServer) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Result<std::vector<StepUsageSum>> {
        return Error{where(store_) + "cannot read the steps of run " + std::to_string(runId) +
                     ": " + why};
    };
    // The steps without the server's figures as run_usage keeps them summed; the steps with
    // them (none in an offline run) read one by one.
    auto kept = runusage::read(db, runId);
    if (!kept)
        return fail(kept.error().message);
    if (!kept->withServer)
        return std::move(kept->sums);
    // The run's rowids first (from the index alone), then one pass over that stretch of the
    // table in storage order: looking each step's row up from the index takes about twice as
    // long.
    std::int64_t first = 0, last = -1;
    {
        sql::Statement range(db, "SELECT min(rowid), max(rowid) FROM run_steps WHERE run_id = ?1");
        range.bind(1, runId);
        if (range.step() && !range.isNull(0)) {
            first = range.int64(0);
            last = range.int64(1);
        }
        if (range.failed())
            return fail(range.error());
    }
    const std::string_view sql =
        "SELECT system, stage, backend_mode, server, seq, latency_ms, attempts, prompt_tokens, "
        "completion_tokens, reasoning_tokens FROM run_steps "
        "WHERE rowid BETWEEN ?2 AND ?3 AND +run_id = ?1";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        return fail(sqlite3_errmsg(db));
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    sqlite3_bind_int64(raw, 1, runId);
    sqlite3_bind_int64(raw, 2, first);
    sqlite3_bind_int64(raw, 3, last);
    StepUsage one;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        if (columnText(raw, 3).empty())
            continue; // summed in run_usage
        one.system = parseSystemName(columnText(raw, 0)).value_or(SystemId::Invalid);
        one.stage = parseStageName(columnText(raw, 1)).value_or(StageId::Invalid);
        one.mode = parseStepMode(columnText(raw, 2)).value_or(StepMode::None);
        one.server = columnText(raw, 3);
        one.seq = sqlite3_column_int(raw, 4);
        one.latencyMs = sqlite3_column_double(raw, 5);
        one.attempts = sqlite3_column_int(raw, 6);
        one.tokens = {sqlite3_column_int64(raw, 7), sqlite3_column_int64(raw, 8),
                      sqlite3_column_int64(raw, 9)};
        withServer(one);
    }
    if (rc != SQLITE_DONE)
        return fail(sqlite3_errmsg(db));
    return std::move(kept->sums);
}

Status RunStore::forEachChainStep(
    std::int64_t runId,
    const std::function<void(const std::string& userId, SystemId system, StepRecord& step)>& each)
    const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot read the steps of run " + std::to_string(runId) +
                     ": " + why};
    };
    const bool ownRead = sqlite3_get_autocommit(db) != 0; // steps and spans read as one
    if (ownRead)
        if (auto s = sql::exec(db, "BEGIN"); !s)
            return fail(s.error().message);
    struct EndRead {
        sqlite3* db;
        bool own;
        ~EndRead() {
            if (own)
                (void)sql::exec(db, "COMMIT");
        }
    } endRead{db, ownRead};
    // The spans first, by (user, system, step).
    std::map<std::tuple<std::string, std::string, int>, std::vector<TagSpanRecord>> spans;
    sql::Statement sp(db, std::string("SELECT ") + kSpanColumns +
                              " FROM tag_spans WHERE run_id = ?1 ORDER BY user_id, system, "
                              "step_seq, seq");
    sp.bind(1, runId);
    while (sp.step()) {
        StoredTagSpan one = readSpan(sp);
        spans[{one.userId, sp.text(1), one.stepSeq}].push_back(std::move(one.span));
    }
    if (sp.failed())
        return fail(sp.error());
    sql::Statement st(db, "SELECT user_id, system, seq, stage, candidate, status, reasoning, "
                          "answer, parsed FROM run_steps s WHERE run_id = ?1 AND (stage IN "
                          "('retrieve', 'generate') OR EXISTS (SELECT 1 FROM tag_spans t WHERE "
                          "t.run_id = s.run_id AND t.user_id = s.user_id AND t.system = s.system "
                          "AND t.step_seq = s.seq)) ORDER BY user_id, system, seq");
    st.bind(1, runId);
    const steptext::Dictionaries& dicts = store_.stepDictionaries();
    StepRecord step;
    while (st.step()) {
        const std::string userId = st.text(0);
        const std::string system = st.text(1);
        step = StepRecord{};
        step.seq = static_cast<int>(st.int64(2));
        step.stage = parseStageName(st.text(3)).value_or(StageId::Invalid);
        step.candidate = static_cast<int>(st.int64(4));
        step.status = parseStepStatus(st.text(5)).value_or(StepStatus::Invalid);
        auto reasoning = storedText(st, 6, dicts);
        auto answer = storedText(st, 7, dicts);
        auto parsed = storedText(st, 8, dicts);
        for (const auto* r : {&reasoning, &answer, &parsed})
            if (!*r)
                return fail("user " + userId + ", system " + system + ", step " +
                            std::to_string(step.seq) + ": " + r->error().message);
        step.reasoning = std::move(*reasoning);
        step.answer = std::move(*answer);
        step.output = readStepOutput(*parsed);
        if (auto it = spans.find({userId, system, step.seq}); it != spans.end())
            step.tagSpans = std::move(it->second);
        each(userId, parseSystemName(system).value_or(SystemId::Invalid), step);
    }
    if (st.failed())
        return fail(st.error());
    return Ok{};
}

Result<std::vector<RunStore::CandidateVerdict>> RunStore::candidateVerdicts(std::int64_t runId,
                                                                            SystemId system) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    sql::Statement st(db, "SELECT v.user_id, v.candidate, v.answer, v.verdict, u.gold, u.status "
                          "FROM run_verdicts v JOIN run_users u ON u.run_id = v.run_id AND "
                          "u.user_id = v.user_id AND u.system = v.system "
                          "WHERE v.run_id = ?1 AND v.system = ?2 ORDER BY v.user_id, v.candidate");
    st.bind(1, runId).bind(2, std::string(systemName(system)));
    std::vector<CandidateVerdict> out;
    while (st.step()) {
        CandidateVerdict c;
        c.userId = st.text(0);
        c.candidate = static_cast<int>(st.int64(1));
        c.answer = st.text(2);
        c.verdict = parseVerdict(st.text(3)).value_or(Verdict::Invalid);
        if (!st.isNull(4))
            c.gold = st.text(4);
        c.status = parseUserStatus(st.text(5)).value_or(UserStatus::Invalid);
        out.push_back(std::move(c));
    }
    if (st.failed())
        return Error{where(store_) + "cannot read the verdicts of run " + std::to_string(runId) +
                     ": " + st.error()};
    return out;
}

Result<std::vector<StoredTagSpan>> RunStore::tagSpans(std::int64_t runId,
                                                      const TagSpanQuery& query) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    std::string sql = std::string("SELECT ") + kSpanColumns + " FROM tag_spans WHERE run_id = ?1";
    if (query.system)
        sql += " AND system = ?2";
    if (query.userId)
        sql += " AND user_id = ?3";
    if (query.stepSeq)
        sql += " AND step_seq = ?4";
    sql += " ORDER BY user_id, system, step_seq, seq";
    sql::Statement st(store_.handle(), sql);
    st.bind(1, runId);
    if (query.system)
        st.bind(2, name(systemName(*query.system)));
    if (query.userId)
        st.bind(3, *query.userId);
    if (query.stepSeq)
        st.bind(4, i64(*query.stepSeq));
    std::vector<StoredTagSpan> out;
    while (st.step())
        out.push_back(readSpan(st));
    if (st.failed())
        return Error{where(store_) + "cannot read the tag spans of run " + std::to_string(runId) +
                     ": " + st.error()};
    return out;
}

Status RunStore::replaceTagSpans(std::int64_t runId, const std::vector<StepSpans>& steps) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot store tag spans in run " + std::to_string(runId) +
                     ": " + why};
    };
    sql::Transaction tx(db);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    sql::Statement exists(db, "SELECT 1 FROM run_steps WHERE run_id = ?1 AND user_id = ?2 AND "
                              "system = ?3 AND seq = ?4");
    sql::Statement drop(db, "DELETE FROM tag_spans WHERE run_id = ?1 AND user_id = ?2 AND "
                            "system = ?3 AND step_seq = ?4 AND source = ?5 AND annotator = ?6");
    sql::Statement next(db, "SELECT COALESCE(MAX(seq) + 1, 0) FROM tag_spans WHERE run_id = ?1 "
                            "AND user_id = ?2 AND system = ?3 AND step_seq = ?4");
    sql::Statement add(db, "INSERT INTO tag_spans(run_id, user_id, system, step_seq, seq, "
                           "span_start, span_end, tag, source, annotator, confidence, tagset_id, "
                           "tagset_version) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                           "?12, ?13)");
    for (const auto& step : steps) {
        const std::string sys(systemName(step.system));
        const std::string which =
            "user " + step.userId + ", system " + sys + ", step " + std::to_string(step.stepSeq);
        exists.reset();
        exists.bind(1, runId)
            .bind(2, step.userId)
            .bind(3, sys)
            .bind(4, static_cast<std::int64_t>(step.stepSeq));
        if (!exists.step())
            return fail(exists.failed() ? exists.error() : which + " is not stored");
        drop.reset();
        drop.bind(1, runId)
            .bind(2, step.userId)
            .bind(3, sys)
            .bind(4, static_cast<std::int64_t>(step.stepSeq))
            .bind(5, step.source)
            .bind(6, step.annotator);
        if (auto s = drop.run(); !s)
            return fail(which + ": " + s.error().message);
        next.reset();
        next.bind(1, runId)
            .bind(2, step.userId)
            .bind(3, sys)
            .bind(4, static_cast<std::int64_t>(step.stepSeq));
        if (!next.step())
            return fail(next.error());
        std::int64_t seq = next.int64(0);
        for (const auto& sp : step.spans) {
            add.reset();
            add.bind(1, runId)
                .bind(2, step.userId)
                .bind(3, sys)
                .bind(4, static_cast<std::int64_t>(step.stepSeq))
                .bind(5, seq++)
                .bind(6, sp.start)
                .bind(7, sp.end)
                .bind(8, sp.tag)
                .bind(9, step.source)
                .bind(10, step.annotator)
                .bind(11, sp.confidence)
                .bind(12, sp.tagSetId)
                .bind(13, static_cast<std::int64_t>(sp.tagSetVersion));
            if (auto s = add.run(); !s)
                return fail(which + ": " + s.error().message);
        }
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

Status RunStore::setChainRewards(std::int64_t runId, const std::vector<ChainReward>& rewards) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot store reward scores in run " + std::to_string(runId) +
                     ": " + why};
    };
    sql::Transaction tx(db);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    sql::Statement st(db, "INSERT OR REPLACE INTO chain_rewards(run_id, user_id, system, "
                          "step_seq, model, endpoint, score, created_at) "
                          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& r : rewards) {
        st.reset();
        st.bind(1, runId)
            .bind(2, r.userId)
            .bind(3, name(systemName(r.system)))
            .bind(4, i64(r.stepSeq))
            .bind(5, r.model)
            .bind(6, r.endpoint)
            .bind(7, r.score)
            .bind(8, r.createdAt);
        if (auto s = st.run(); !s)
            return fail("user " + r.userId + ": " + s.error().message);
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

Result<std::vector<RunStore::ChainReward>> RunStore::chainRewards(std::int64_t runId) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT user_id, system, step_seq, model, endpoint, score, created_at FROM "
                      "chain_rewards WHERE run_id = ?1 ORDER BY user_id, system, step_seq, model");
    st.bind(1, runId);
    std::vector<ChainReward> out;
    while (st.step())
        out.push_back({st.text(0), parseSystemName(st.text(1)).value_or(SystemId::Invalid),
                       static_cast<int>(st.int64(2)), st.text(3), st.text(4), st.real(5),
                       st.text(6)});
    if (st.failed())
        return Error{where(store_) + "cannot read the reward scores of run " +
                     std::to_string(runId) + ": " + st.error()};
    return out;
}

Status RunStore::addEndpointUse(std::int64_t runId, const std::vector<EndpointUse>& use) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot store the endpoints of run " + std::to_string(runId) +
                     ": " + why};
    };
    sql::Transaction tx(db);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    for (const auto& u : use) {
        sql::Statement st(
            db, "INSERT INTO run_endpoints(run_id, endpoint, requests, succeeded, failures, "
                "prompt_tokens, completion_tokens, taken_out, last_error) "
                "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                "ON CONFLICT(run_id, endpoint) DO UPDATE SET "
                "requests = requests + excluded.requests, "
                "succeeded = succeeded + excluded.succeeded, "
                "failures = failures + excluded.failures, "
                "prompt_tokens = prompt_tokens + excluded.prompt_tokens, "
                "completion_tokens = completion_tokens + excluded.completion_tokens, "
                "taken_out = taken_out + excluded.taken_out, "
                "last_error = CASE WHEN excluded.last_error = '' THEN last_error "
                "ELSE excluded.last_error END");
        st.bind(1, runId)
            .bind(2, u.endpoint)
            .bind(3, u.requests)
            .bind(4, u.succeeded)
            .bind(5, u.failures)
            .bind(6, u.promptTokens)
            .bind(7, u.completionTokens)
            .bind(8, u.takenOut)
            .bind(9, u.lastError);
        if (auto s = st.run(); !s)
            return fail(s.error().message);
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

Result<std::vector<EndpointUse>> RunStore::endpointUse(std::int64_t runId) const {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT endpoint, requests, succeeded, failures, prompt_tokens, "
                      "completion_tokens, taken_out, last_error FROM run_endpoints "
                      "WHERE run_id = ?1 ORDER BY rowid");
    st.bind(1, runId);
    std::vector<EndpointUse> out;
    while (st.step()) {
        EndpointUse u;
        u.endpoint = st.text(0);
        u.requests = st.int64(1);
        u.succeeded = st.int64(2);
        u.failures = st.int64(3);
        u.promptTokens = st.int64(4);
        u.completionTokens = st.int64(5);
        u.takenOut = st.int64(6);
        u.lastError = st.text(7);
        out.push_back(std::move(u));
    }
    if (st.failed())
        return Error{where(store_) + "cannot read the endpoints of run " + std::to_string(runId) +
                     ": " + st.error()};
    return out;
}

Status RunStore::replaceBatchRequests(std::int64_t runId,
                                      const std::vector<BatchRequest>& requests) {
    std::vector<BatchRequest> copy = requests;
    return replaceBatchRequests(runId, copy, {});
}

namespace {
// Foreign keys off on the connection while it lives, then back as they were. Made outside a
// transaction (inside one the pragma does nothing, and the keys stay as they are).
class ForeignKeysOff {
public:
    explicit ForeignKeysOff(sqlite3* db) : db_(db) {
        sql::Statement on(db, "PRAGMA foreign_keys");
        wereOn_ = on.step() && on.int64(0) != 0;
        on.reset();
        if (wereOn_)
            (void)sql::exec(db, "PRAGMA foreign_keys=OFF");
    }
    ~ForeignKeysOff() {
        if (wereOn_)
            (void)sql::exec(db_, "PRAGMA foreign_keys=ON");
    }
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    sqlite3* db_;
    bool wereOn_ = false;
};

// A batch request's two cache keys (64 hex digits each) as the 64 bytes cache_keys keeps; none
// unless both are such keys.
std::optional<std::string> packCacheKeys(const std::string& cacheKey,
                                         const std::string& sharedKey) {
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(64);
    for (const std::string* key : {&cacheKey, &sharedKey}) {
        if (key->size() != 64)
            return std::nullopt;
        for (std::size_t i = 0; i < 64; i += 2) {
            const int hi = nibble((*key)[i]);
            const int lo = nibble((*key)[i + 1]);
            if (hi < 0 || lo < 0)
                return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
        }
    }
    return out;
}

// The keys packCacheKeys() made, back as hex; false (keys left empty) for anything else.
bool unpackCacheKeys(std::string_view bytes, bool isBlob, std::string& cacheKey,
                     std::string& sharedKey) {
    if (!isBlob || bytes.size() != 64)
        return false;
    cacheKey = hexOf(bytes.substr(0, 32));
    sharedKey = hexOf(bytes.substr(32));
    return true;
}

// Whether the batch_requests table holds rows of another run than `runId` (two index seeks).
Result<bool> otherRounds(sqlite3* db, std::int64_t runId) {
    sql::Statement st(db, "SELECT EXISTS(SELECT 1 FROM batch_requests WHERE run_id < ?1) OR "
                          "EXISTS(SELECT 1 FROM batch_requests WHERE run_id > ?1)");
    st.bind(1, runId);
    if (!st.step())
        return Error{st.failed() ? st.error() : "no answer"};
    return st.int64(0) != 0;
}

// Deletes a run's batch round with secure_delete at FAST (where it was on), then sets it back.
// When no other run has a round, the table is emptied whole (SQLite's truncate: the pages are
// let go without visiting their rows).
Status deleteRound(sqlite3* db, std::int64_t runId) {
    auto others = otherRounds(db, runId);
    if (!others)
        return others.error();
    sql::Statement mode(db, "PRAGMA secure_delete");
    const std::int64_t was = mode.step() ? mode.int64(0) : 0;
    mode.reset();
    const bool lower = was == 1;
    if (lower)
        if (auto s = sql::exec(db, "PRAGMA secure_delete=FAST"); !s)
            return s;
    sql::Statement del(db, *others ? "DELETE FROM batch_requests WHERE run_id = ?1"
                                   : "DELETE FROM batch_requests");
    if (*others)
        del.bind(1, runId);
    auto deleted = del.run();
    if (lower)
        if (auto s = sql::exec(db, "PRAGMA secure_delete=ON"); !s && deleted)
            return s;
    return deleted;
}
} // namespace

Status RunStore::replaceBatchRequests(std::int64_t runId, std::vector<BatchRequest>& requests,
                                      const BatchBodyEncoder& encode) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot store the batch round of run " +
                     std::to_string(runId) + ": " + why};
    };
    // Foreign keys are off for the replacement (SQLite empties a table whole only without
    // them); the one this table has, its run, is checked here instead.
    const ForeignKeysOff keysOff(db);
    sql::Transaction tx(db);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    sql::Statement run(db, "SELECT 1 FROM runs WHERE id = ?1");
    run.bind(1, runId);
    if (!run.step())
        return fail(run.failed() ? run.error() : "there is no such run");
    run.reset();
    // The old round's pages are freed without zeroing them first (secure_delete FAST for this
    // statement, where the connection's is on): zeroed, a round of 100,000 requests was written
    // once more to the WAL and once more by the checkpoint, for bodies the response cache keeps
    // anyway. Rows' cells are still cleared on the pages that stay in use.
    if (auto s = deleteRound(db, runId); !s)
        return fail(s.error().message);
    sql::Statement ins(db, "INSERT OR REPLACE INTO batch_requests(run_id, custom_id, url, "
                           "online_body, model, think_start, label, cache_keys) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    constexpr std::size_t kChunk = 2048;
    for (std::size_t from = 0; from < requests.size(); from += kChunk) {
        const std::size_t to = std::min(requests.size(), from + kChunk);
        if (encode)
            if (auto s = encode(requests, from, to); !s)
                return fail(s.error().message);
        for (std::size_t i = from; i < to; ++i) {
            BatchRequest& r = requests[i];
            // The body compressed as a step's texts are (a TEXT value is the body itself): a
            // round of 100,000 requests is otherwise most of the project, and every page of it
            // is written here and read again when ingest looks its answers up and the next
            // round replaces it.
            if (!r.storedBody)
                r.storedBody = steptext::encode(r.onlineBody);
            const steptext::Stored& body = *r.storedBody;
            ins.reset();
            ins.bind(1, runId)
                .bind(2, r.customId)
                .bind(3, r.url)
                .bind(5, r.model)
                .bind(6, static_cast<std::int64_t>(r.thinkStart))
                .bind(7, r.label);
            if (body.blob)
                ins.bindBlob(4, body.bytes);
            else
                ins.bind(4, body.bytes);
            if (const auto keys = packCacheKeys(r.cacheKey, r.sharedKey))
                ins.bindBlob(8, *keys);
            if (auto s = ins.run(); !s)
                return fail(s.error().message);
            r.storedBody.reset(); // written: not held for the rest of the round
            std::string().swap(r.cacheKey);
            std::string().swap(r.sharedKey);
        }
    }
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

Result<std::optional<BatchRequest>> RunStore::batchRequest(std::int64_t runId,
                                                           const std::string& customId) const {
    std::lock_guard guard(mutex_);
    return batchRequestOn(store_, runId, customId);
}

Result<std::optional<BatchRequest>>
RunStore::batchRequestOn(const ProjectStore& db, std::int64_t runId, const std::string& customId) {
    std::lock_guard lock(db.mutex());
    // Prepared once: ingest asks this for every line of a 100,000-line output file.
    sql::Statement& st = db.cachedStatement("SELECT url, online_body, model, think_start, "
                                            "label, cache_keys FROM batch_requests WHERE "
                                            "run_id = ?1 AND custom_id = ?2");
    st.bind(1, runId).bind(2, customId);
    if (!st.step()) {
        if (st.failed())
            return Error{where(db) + "cannot read the batch round of run " + std::to_string(runId) +
                         ": " + st.error()};
        st.reset();
        return std::optional<BatchRequest>{};
    }
    BatchRequest r;
    // With its answer's keys the body is not decompressed: they are what it was read for.
    if (!unpackCacheKeys(st.bytes(5), st.isBlob(5), r.cacheKey, r.sharedKey)) {
        auto body = steptext::decode(st.bytes(1), st.isBlob(1));
        if (!body) {
            st.reset();
            return Error{where(db) + "cannot read the batch round of run " + std::to_string(runId) +
                         ": the request " + customId + ": " + body.error().message};
        }
        r.onlineBody = std::move(*body);
    }
    r.customId = customId;
    r.url = st.text(0);
    r.model = st.text(2);
    r.thinkStart = static_cast<int>(st.int64(3));
    r.label = st.text(4);
    r.storedBody = steptext::Stored{st.isBlob(1), std::string(st.bytes(1))};
    st.reset(); // a cached statement left mid-read would hold a read snapshot open
    return std::optional<BatchRequest>(std::move(r));
}

Result<std::optional<std::string>> RunStore::batchRequestLike(const ProjectStore& db,
                                                              std::int64_t runId,
                                                              const std::string& customId) {
    const std::size_t dash = customId.rfind('-');
    if (dash == std::string::npos || dash == 0)
        return std::optional<std::string>{};
    // Ids of the same length that share everything up to the last '-': between "prefix-" and
    // "prefix." in byte order.
    const std::string from = customId.substr(0, dash + 1);
    std::string to = from;
    to.back() = '.';
    std::lock_guard lock(db.mutex());
    sql::Statement& st = db.cachedStatement(
        "SELECT custom_id FROM batch_requests WHERE run_id = ?1 AND custom_id > ?2 AND "
        "custom_id < ?3 AND length(custom_id) = ?4 AND custom_id <> ?5 LIMIT 1");
    st.bind(1, runId)
        .bind(2, from)
        .bind(3, to)
        .bind(4, static_cast<std::int64_t>(customId.size()))
        .bind(5, customId);
    std::optional<std::string> like;
    if (st.step()) {
        std::string id = st.text(0);
        if (id.find('-', from.size()) == std::string::npos)
            like = std::move(id);
    } else if (st.failed()) {
        const std::string why = st.error();
        st.reset();
        return Error{where(db) + "cannot read the batch round of run " + std::to_string(runId) +
                     ": " + why};
    }
    st.reset();
    return like;
}

Status RunStore::deleteRun(std::int64_t runId) {
    std::lock_guard guard(mutex_);
    std::lock_guard lock(store_.mutex());
    sharesTexts_.erase(runId); // a later run may get its id
    sqlite3* db = store_.handle();
    auto fail = [&](const std::string& why) -> Status {
        return Error{where(store_) + "cannot delete run " + std::to_string(runId) + ": " + why};
    };
    sql::Transaction tx(db);
    if (!tx.begun())
        return fail(tx.begun().error().message);
    // The children go with the run by ON DELETE CASCADE; deleting them here as well keeps that
    // true when a file is edited with foreign keys off.
    // run_usage before run_steps: the steps' delete trigger then finds no row to change.
    for (const char* table :
         {"run_outcomes", "tag_spans", "run_endpoints", "batch_requests", "run_usage", "run_steps",
          "run_texts", "run_events", "run_verdicts", "run_users"}) {
        sql::Statement del(db, std::string("DELETE FROM ") + table + " WHERE run_id = ?1");
        del.bind(1, runId);
        if (auto s = del.run(); !s)
            return fail(s.error().message);
    }
    sql::Statement del(db, "DELETE FROM runs WHERE id = ?1 RETURNING id");
    del.bind(1, runId);
    const bool found = del.step();
    if (del.failed())
        return fail(del.error());
    if (!found)
        return Error{where(store_) + "there is no run " + std::to_string(runId)};
    if (auto s = del.run(); !s)
        return fail(s.error().message);
    if (auto s = tx.commit(); !s)
        return fail(s.error().message);
    return Ok{};
}

} // namespace r2p
