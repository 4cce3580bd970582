#include "Annotation.h"

#include "Sqlite.h"
#include "StepTextCodec.h"
#include "Util.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace r2p {

namespace {

std::string where(const ProjectStore& store) {
    return "project " + store.path() + ": ";
}

std::string stageText(StageId stage) {
    return stage == StageId::Invalid ? std::string() : std::string(stageName(stage));
}

// "task_analysis", "candidates#2": a step as messages name it.
std::string stepName(StageId stage, int candidate) {
    std::string name = stageText(stage);
    if (candidate != 0)
        name += "#" + std::to_string(candidate);
    return name;
}

// The field of a step that a span points into.
const std::string* spanSource(const std::string& field, const std::string& reasoning,
                              const std::string& answer, const std::string& raw) {
    if (field == "reasoning")
        return &reasoning;
    if (field == "answer")
        return &answer;
    if (field == "raw")
        return &raw;
    return nullptr;
}

bool utf8Boundary(const std::string& text, std::size_t pos) {
    return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

constexpr const char* kColumns =
    "SELECT id, run_id, user_id, system, target, stage, candidate, span_field, span_start, "
    "span_end, span_text, label, severity, note, annotator, created_at, template_id, "
    "template_version FROM annotations";

Annotation fromRow(const sql::Statement& st) {
    Annotation a;
    a.id = st.int64(0);
    a.runId = st.int64(1);
    a.userId = st.text(2);
    a.system = parseSystemName(st.text(3)).value_or(SystemId::Invalid);
    a.target = parseAnnotationTarget(st.text(4)).value_or(AnnotationTarget::Invalid);
    const std::string stage = st.text(5);
    a.stage = stage.empty() ? StageId::Invalid : parseStageName(stage).value_or(StageId::Invalid);
    a.candidate = static_cast<int>(st.int64(6));
    a.spanField = st.text(7);
    a.spanStart = static_cast<int>(st.int64(8));
    a.spanEnd = static_cast<int>(st.int64(9));
    a.spanText = st.text(10);
    a.label = st.text(11);
    a.severity = parseAnnotationSeverity(st.text(12)).value_or(AnnotationSeverity::Invalid);
    a.note = st.text(13);
    a.annotator = st.text(14);
    a.createdAt = st.text(15);
    a.templateId = st.text(16);
    a.templateVersion = static_cast<int>(st.int64(17));
    return a;
}

Result<std::vector<Annotation>> readAll(const ProjectStore& store, const std::string& sql,
                                        std::int64_t runId, const std::string* userId) {
    std::lock_guard lock(store.mutex());
    sql::Statement st(store.handle(), sql);
    if (runId != 0)
        st.bind(1, runId);
    if (userId)
        st.bind(2, *userId);
    std::vector<Annotation> out;
    while (st.step())
        out.push_back(fromRow(st));
    if (st.failed())
        return Error{where(store) + "cannot read the annotations: " + st.error()};
    return out;
}

struct RunRow {
    std::string templateId;
    int templateVersion = 0;
};

// The run `runId`, checked to cover `userId` and `system`; the caller holds the lock. An Error
// names what the run lacks.
Result<RunRow> checkRunAndUser(const ProjectStore& store, std::int64_t runId,
                               const std::string& userId, SystemId system) {
    sqlite3* db = store.handle();
    sql::Statement run(
        db, "SELECT template_id, template_version, users, systems FROM runs WHERE id = ?1");
    run.bind(1, runId);
    if (!run.step())
        return Error{where(store) +
                     (run.failed() ? "cannot read run " + std::to_string(runId) + ": " + run.error()
                                   : "there is no run " + std::to_string(runId))};
    RunRow row;
    row.templateId = run.text(0);
    row.templateVersion = static_cast<int>(run.int64(1));
    const auto systems = nlohmann::json::parse(run.text(3), nullptr, false);
    if (systems.is_array() && !systems.empty() &&
        std::find(systems.begin(), systems.end(), std::string(systemName(system))) == systems.end())
        return Error{where(store) + "run " + std::to_string(runId) + " has no system " +
                     std::string(systemName(system))};
    bool covered = false;
    const auto users = nlohmann::json::parse(run.text(2), nullptr, false);
    if (users.is_array())
        for (const auto& u : users)
            covered |= u.is_string() && u.get_ref<const std::string&>() == userId;
    if (!covered) { // a run made before its user list was kept still has the user's trace
        sql::Statement trace(db, "SELECT 1 FROM run_users WHERE run_id = ?1 AND user_id = ?2");
        trace.bind(1, runId).bind(2, userId);
        covered = trace.step();
        if (trace.failed())
            return Error{where(store) + "cannot read run " + std::to_string(runId) + ": " +
                         trace.error()};
    }
    if (!covered)
        return Error{where(store) + "run " + std::to_string(runId) + " has no user \"" + userId +
                     "\""};
    return row;
}

// A step's reasoning, answer and raw stream, as StepTextCodec stored them (columns 0, 1, 2).
struct StepTexts {
    std::string reasoning, answer, raw;
};
Result<StepTexts> storedStepTexts(const sql::Statement& step, const steptext::Dictionaries& dicts) {
    auto reasoning = steptext::decode(step.bytes(0), step.isBlob(0), nullptr, &dicts);
    auto answer = steptext::decode(step.bytes(1), step.isBlob(1), nullptr, &dicts);
    if (!reasoning || !answer)
        return (reasoning ? answer : reasoning).error();
    auto raw = steptext::decode(step.bytes(2), step.isBlob(2), nullptr, &dicts, &*answer);
    if (!raw)
        return raw.error();
    return StepTexts{std::move(*reasoning), std::move(*answer), std::move(*raw)};
}

// Checks one annotation against the store and the taxonomy and fills what the store sets
// (span text when empty, template, time). The caller holds the lock.
Result<Annotation> checked(const ProjectStore& store, Annotation a, const Taxonomy& taxonomy) {
    auto bad = [&](const std::string& what) -> Result<Annotation> {
        return Error{where(store) + what};
    };
    if (a.target == AnnotationTarget::Invalid)
        return bad("an annotation needs a target (run, stage, span or verdict)");
    if (a.system == SystemId::Invalid)
        return bad("an annotation needs a system");
    if (a.severity == AnnotationSeverity::Invalid)
        return bad("an annotation needs a severity (minor, major or critical)");
    if (a.annotator.find_first_not_of(" \t\r\n") == std::string::npos)
        return bad("an annotation needs an annotator's name");
    if (a.label.empty())
        return bad("an annotation needs a label");
    if (!taxonomy.find(a.label)) {
        std::string known;
        for (const auto& l : taxonomy.labels)
            known += (known.empty() ? "" : ", ") + l.id;
        return bad("unknown label \"" + a.label + "\" (taxonomy " + taxonomy.id + " has " + known +
                   ")");
    }
    auto run = checkRunAndUser(store, a.runId, a.userId, a.system);
    if (!run)
        return run.error();
    const std::string sys(systemName(a.system));
    const std::string who =
        "run " + std::to_string(a.runId) + ", user \"" + a.userId + "\" (" + sys + ")";
    sqlite3* db = store.handle();

    switch (a.target) {
    case AnnotationTarget::Run:
        // The whole run: nothing of a step applies.
        a.stage = StageId::Invalid;
        a.candidate = 0;
        a.spanField.clear();
        a.spanStart = a.spanEnd = 0;
        a.spanText.clear();
        break;
    case AnnotationTarget::Stage:
    case AnnotationTarget::Span: {
        if (a.stage == StageId::Invalid)
            return bad(who + ": a " + std::string(annotationTargetName(a.target)) +
                       " annotation needs a stage");
        // The newest step of that stage and candidate is the one a view shows.
        sql::Statement step(db, "SELECT reasoning, answer, raw FROM run_steps WHERE run_id = ?1 "
                                "AND user_id = ?2 AND system = ?3 AND stage = ?4 AND "
                                "candidate = ?5 ORDER BY seq DESC LIMIT 1");
        step.bind(1, a.runId)
            .bind(2, a.userId)
            .bind(3, sys)
            .bind(4, stageText(a.stage))
            .bind(5, static_cast<std::int64_t>(a.candidate));
        if (!step.step())
            return bad(step.failed() ? "cannot read " + who + ": " + step.error()
                                     : who + " has no stage " + stepName(a.stage, a.candidate));
        if (a.target == AnnotationTarget::Stage) {
            a.spanField.clear();
            a.spanStart = a.spanEnd = 0;
            a.spanText.clear();
            break;
        }
        auto texts = storedStepTexts(step, store.stepDictionaries());
        if (!texts)
            return bad("cannot read " + who + ", stage " + stepName(a.stage, a.candidate) + ": " +
                       texts.error().message);
        const std::string* field =
            spanSource(a.spanField, texts->reasoning, texts->answer, texts->raw);
        if (!field)
            return bad(who + ", stage " + stepName(a.stage, a.candidate) + ": a span is in \"" +
                       "reasoning\", \"answer\" or \"raw\", not \"" + a.spanField + "\"");
        if (a.spanStart < 0 || a.spanEnd <= a.spanStart ||
            static_cast<std::size_t>(a.spanEnd) > field->size())
            return bad(who + ", stage " + stepName(a.stage, a.candidate) + ": the span [" +
                       std::to_string(a.spanStart) + ", " + std::to_string(a.spanEnd) +
                       ") is not inside its " + a.spanField + " (" + std::to_string(field->size()) +
                       " bytes)");
        const auto start = static_cast<std::size_t>(a.spanStart);
        const auto end = static_cast<std::size_t>(a.spanEnd);
        if (!utf8Boundary(*field, start) || !utf8Boundary(*field, end))
            return bad(who + ", stage " + stepName(a.stage, a.candidate) +
                       ": the span cuts a UTF-8 character in two");
        const std::string text = field->substr(start, end - start);
        if (a.spanText.empty())
            a.spanText = text;
        else if (a.spanText != text)
            return bad(who + ", stage " + stepName(a.stage, a.candidate) +
                       ": the span's text does not match the stored " + a.spanField);
        break;
    }
    case AnnotationTarget::Verdict: {
        a.stage = StageId::CrossReference;
        a.spanField.clear();
        a.spanStart = a.spanEnd = 0;
        a.spanText.clear();
        sql::Statement verdict(db, "SELECT 1 FROM run_verdicts WHERE run_id = ?1 AND "
                                   "user_id = ?2 AND system = ?3 AND candidate = ?4");
        verdict.bind(1, a.runId)
            .bind(2, a.userId)
            .bind(3, sys)
            .bind(4, static_cast<std::int64_t>(a.candidate));
        if (!verdict.step())
            return bad(verdict.failed()
                           ? "cannot read " + who + ": " + verdict.error()
                           : who + " has no verdict for candidate " + std::to_string(a.candidate));
        break;
    }
    case AnnotationTarget::Invalid:
        break;
    }
    a.templateId = run->templateId;
    a.templateVersion = run->templateVersion;
    if (a.createdAt.empty())
        a.createdAt = nowIsoUtc();
    return a;
}

Status insert(const ProjectStore& store, const Annotation& a, std::int64_t& id) {
    sql::Statement& st = store.cachedStatement(
        "INSERT INTO annotations(run_id, user_id, system, target, stage, candidate, span_field, "
        "span_start, span_end, span_text, label, severity, note, annotator, created_at, "
        "template_id, template_version) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
        "RETURNING id");
    st.bind(1, a.runId)
        .bind(2, a.userId)
        .bind(3, systemName(a.system))
        .bind(4, annotationTargetName(a.target))
        .bind(5, stageText(a.stage))
        .bind(6, static_cast<std::int64_t>(a.candidate))
        .bind(7, a.spanField)
        .bind(8, static_cast<std::int64_t>(a.spanStart))
        .bind(9, static_cast<std::int64_t>(a.spanEnd))
        .bind(10, a.spanText)
        .bind(11, a.label)
        .bind(12, annotationSeverityName(a.severity))
        .bind(13, a.note)
        .bind(14, a.annotator)
        .bind(15, a.createdAt)
        .bind(16, a.templateId)
        .bind(17, static_cast<std::int64_t>(a.templateVersion));
    if (!st.step()) {
        const std::string error = st.failed() ? st.error() : "no id returned";
        st.reset();
        return Error{error};
    }
    id = st.int64(0);
    auto s = st.run();
    st.reset();
    return s;
}

} // namespace

std::string_view annotationTargetName(AnnotationTarget t) {
    switch (t) {
    case AnnotationTarget::Run:
        return "run";
    case AnnotationTarget::Stage:
        return "stage";
    case AnnotationTarget::Span:
        return "span";
    case AnnotationTarget::Verdict:
        return "verdict";
    case AnnotationTarget::Invalid:
        break;
    }
    return "";
}

std::optional<AnnotationTarget> parseAnnotationTarget(std::string_view name) {
    for (auto t : {AnnotationTarget::Run, AnnotationTarget::Stage, AnnotationTarget::Span,
                   AnnotationTarget::Verdict})
        if (name == annotationTargetName(t))
            return t;
    return std::nullopt;
}

std::string_view annotationSeverityName(AnnotationSeverity s) {
    switch (s) {
    case AnnotationSeverity::Minor:
        return "minor";
    case AnnotationSeverity::Major:
        return "major";
    case AnnotationSeverity::Critical:
        return "critical";
    case AnnotationSeverity::Invalid:
        break;
    }
    return "";
}

std::optional<AnnotationSeverity> parseAnnotationSeverity(std::string_view name) {
    for (auto s :
         {AnnotationSeverity::Minor, AnnotationSeverity::Major, AnnotationSeverity::Critical})
        if (name == annotationSeverityName(s))
            return s;
    return std::nullopt;
}

AnnotationItem annotationItem(const Annotation& a) {
    AnnotationItem item;
    item.runId = a.runId;
    item.userId = a.userId;
    item.system = a.system;
    switch (a.target) {
    case AnnotationTarget::Run:
        item.target = AnnotationTarget::Run;
        break;
    case AnnotationTarget::Stage:
    case AnnotationTarget::Span:
        item.target = AnnotationTarget::Stage;
        item.stage = a.stage;
        item.candidate = a.candidate;
        break;
    case AnnotationTarget::Verdict:
        item.target = AnnotationTarget::Verdict;
        item.stage = StageId::CrossReference;
        item.candidate = a.candidate;
        break;
    case AnnotationTarget::Invalid:
        break;
    }
    return item;
}

std::string annotationItemName(const AnnotationItem& item) {
    switch (item.target) {
    case AnnotationTarget::Run:
        return "run";
    case AnnotationTarget::Stage:
    case AnnotationTarget::Span:
        return stepName(item.stage, item.candidate);
    case AnnotationTarget::Verdict:
        return "verdict#" + std::to_string(item.candidate);
    case AnnotationTarget::Invalid:
        break;
    }
    return "";
}

Status AnnotationStore::check(const Annotation& annotation, const Taxonomy& taxonomy) const {
    std::lock_guard lock(store_.mutex());
    // One read transaction, so the checks see one state of the file.
    sqlite3* db = store_.handle();
    const bool ownRead = sqlite3_get_autocommit(db) != 0;
    if (ownRead)
        if (auto s = sql::exec(db, "BEGIN"); !s)
            return Error{where(store_) + "cannot read the project: " + s.error().message};
    auto a = checked(store_, annotation, taxonomy);
    if (ownRead)
        (void)sql::exec(db, "COMMIT");
    if (!a)
        return a.error();
    return Ok{};
}

Result<std::int64_t> AnnotationStore::add(const Annotation& annotation, const Taxonomy& taxonomy) {
    auto ids = addAll({annotation}, taxonomy);
    if (!ids)
        return ids.error();
    return ids->front();
}

Result<std::vector<std::int64_t>>
AnnotationStore::addAll(const std::vector<Annotation>& annotations, const Taxonomy& taxonomy) {
    std::lock_guard lock(store_.mutex());
    sql::Transaction tx(store_.handle());
    if (!tx.begun())
        return Error{where(store_) + "cannot add annotations: " + tx.begun().error().message};
    std::vector<std::int64_t> ids;
    ids.reserve(annotations.size());
    for (const auto& raw : annotations) {
        auto a = checked(store_, raw, taxonomy);
        if (!a)
            return a.error();
        std::int64_t id = 0;
        if (auto s = insert(store_, *a, id); !s)
            return Error{where(store_) + "cannot add an annotation: " + s.error().message};
        ids.push_back(id);
    }
    if (auto s = tx.commit(); !s)
        return Error{where(store_) + "cannot add annotations: " + s.error().message};
    return ids;
}

Status AnnotationStore::update(std::int64_t id, AnnotationSeverity severity,
                               const std::string& note) {
    if (severity == AnnotationSeverity::Invalid)
        return Error{where(store_) + "an annotation needs a severity (minor, major or critical)"};
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "UPDATE annotations SET severity = ?2, note = ?3 WHERE id = ?1 RETURNING id");
    st.bind(1, id).bind(2, annotationSeverityName(severity)).bind(3, note);
    const bool found = st.step();
    if (st.failed())
        return Error{where(store_) + "cannot change annotation " + std::to_string(id) + ": " +
                     st.error()};
    if (!found)
        return Error{where(store_) + "there is no annotation " + std::to_string(id)};
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot change annotation " + std::to_string(id) + ": " +
                     s.error().message};
    return Ok{};
}

Status AnnotationStore::remove(std::int64_t id) {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "DELETE FROM annotations WHERE id = ?1 RETURNING id");
    st.bind(1, id);
    const bool found = st.step();
    if (st.failed())
        return Error{where(store_) + "cannot remove annotation " + std::to_string(id) + ": " +
                     st.error()};
    if (!found)
        return Error{where(store_) + "there is no annotation " + std::to_string(id)};
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot remove annotation " + std::to_string(id) + ": " +
                     s.error().message};
    return Ok{};
}

Result<Annotation> AnnotationStore::annotation(std::int64_t id) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), std::string(kColumns) + " WHERE id = ?1");
    st.bind(1, id);
    if (!st.step())
        return Error{where(store_) +
                     (st.failed()
                          ? "cannot read annotation " + std::to_string(id) + ": " + st.error()
                          : "there is no annotation " + std::to_string(id))};
    return fromRow(st);
}

Result<std::vector<Annotation>> AnnotationStore::ofRun(std::int64_t runId) const {
    return readAll(store_, std::string(kColumns) + " WHERE run_id = ?1 ORDER BY id", runId,
                   nullptr);
}

Result<std::vector<Annotation>> AnnotationStore::ofUser(std::int64_t runId,
                                                        const std::string& userId) const {
    return readAll(store_,
                   std::string(kColumns) + " WHERE run_id = ?1 AND user_id = ?2 ORDER BY id", runId,
                   &userId);
}

Result<std::vector<Annotation>> AnnotationStore::all() const {
    return readAll(store_, std::string(kColumns) + " ORDER BY id", 0, nullptr);
}

Result<std::unordered_map<std::string, int>>
AnnotationStore::countsByUser(std::int64_t runId) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "SELECT user_id, COUNT(*) FROM annotations "
                                       "WHERE run_id = ?1 GROUP BY user_id");
    st.bind(1, runId);
    std::unordered_map<std::string, int> counts;
    while (st.step())
        counts[st.text(0)] = static_cast<int>(st.int64(1));
    if (st.failed())
        return Error{where(store_) + "cannot count the annotations of run " +
                     std::to_string(runId) + ": " + st.error()};
    return counts;
}

Result<std::vector<AnnotationStore::LabelCount>>
AnnotationStore::labelCounts(std::int64_t runId) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "SELECT user_id, label, COUNT(*) FROM annotations "
                                       "WHERE run_id = ?1 GROUP BY user_id, label");
    st.bind(1, runId);
    std::vector<LabelCount> out;
    while (st.step())
        out.push_back({st.text(0), st.text(1), static_cast<int>(st.int64(2))});
    if (st.failed())
        return Error{where(store_) + "cannot count the labels of run " + std::to_string(runId) +
                     ": " + st.error()};
    return out;
}

Result<std::vector<std::string>>
AnnotationStore::usersAnnotatedOnOtherRuns(std::int64_t runId) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(),
                      "SELECT DISTINCT a.user_id FROM annotations a JOIN runs r ON r.id = a.run_id "
                      "WHERE a.run_id != ?1 AND r.questions_path = "
                      "(SELECT questions_path FROM runs WHERE id = ?1)");
    st.bind(1, runId);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    if (st.failed())
        return Error{where(store_) + "cannot read the annotations of other runs than run " +
                     std::to_string(runId) + ": " + st.error()};
    return out;
}

Result<std::vector<Annotation>> AnnotationStore::onOtherRuns(std::int64_t runId,
                                                             const std::string& userId) const {
    {
        std::lock_guard lock(store_.mutex());
        sql::Statement run(store_.handle(), "SELECT 1 FROM runs WHERE id = ?1");
        run.bind(1, runId);
        if (!run.step())
            return Error{where(store_) +
                         (run.failed()
                              ? "cannot read run " + std::to_string(runId) + ": " + run.error()
                              : "there is no run " + std::to_string(runId))};
    }
    const std::string sql =
        "SELECT a.id, a.run_id, a.user_id, a.system, a.target, a.stage, a.candidate, "
        "a.span_field, a.span_start, a.span_end, a.span_text, a.label, a.severity, a.note, "
        "a.annotator, a.created_at, a.template_id, a.template_version "
        "FROM annotations a JOIN runs r ON r.id = a.run_id "
        "WHERE a.run_id != ?1 AND a.user_id = ?2 AND r.questions_path = "
        "(SELECT questions_path FROM runs WHERE id = ?1) "
        "ORDER BY r.created_at DESC, r.id DESC, a.id";
    return readAll(store_, sql, runId, &userId);
}

Result<std::int64_t> AnnotationStore::addBookmark(const Bookmark& bookmark) {
    std::lock_guard lock(store_.mutex());
    sql::Transaction tx(store_.handle());
    if (!tx.begun())
        return Error{where(store_) + "cannot add a bookmark: " + tx.begun().error().message};
    if (bookmark.system == SystemId::Invalid)
        return Error{where(store_) + "a bookmark needs a system"};
    auto run = checkRunAndUser(store_, bookmark.runId, bookmark.userId, bookmark.system);
    if (!run)
        return run.error();
    const std::string sys(systemName(bookmark.system));
    if (bookmark.stage != StageId::Invalid) {
        sql::Statement step(store_.handle(),
                            "SELECT 1 FROM run_steps WHERE run_id = ?1 AND user_id = ?2 AND "
                            "system = ?3 AND stage = ?4 AND candidate = ?5");
        step.bind(1, bookmark.runId)
            .bind(2, bookmark.userId)
            .bind(3, sys)
            .bind(4, stageText(bookmark.stage))
            .bind(5, static_cast<std::int64_t>(bookmark.candidate));
        if (!step.step())
            return Error{where(store_) +
                         (step.failed() ? "cannot read run " + std::to_string(bookmark.runId) +
                                              ": " + step.error()
                                        : "run " + std::to_string(bookmark.runId) + ", user \"" +
                                              bookmark.userId + "\" (" + sys + ") has no stage " +
                                              stepName(bookmark.stage, bookmark.candidate))};
    }
    sql::Statement st(store_.handle(),
                      "INSERT INTO bookmarks(run_id, user_id, system, stage, candidate, note, "
                      "created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
    st.bind(1, bookmark.runId)
        .bind(2, bookmark.userId)
        .bind(3, sys)
        .bind(4, stageText(bookmark.stage))
        .bind(5, static_cast<std::int64_t>(bookmark.stage == StageId::Invalid ? 0
                                                                              : bookmark.candidate))
        .bind(6, bookmark.note)
        .bind(7, bookmark.createdAt.empty() ? nowIsoUtc() : bookmark.createdAt);
    if (!st.step())
        return Error{where(store_) + "cannot add a bookmark: " +
                     (st.failed() ? st.error() : std::string("no id returned"))};
    const std::int64_t id = st.int64(0);
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot add a bookmark: " + s.error().message};
    if (auto s = tx.commit(); !s)
        return Error{where(store_) + "cannot add a bookmark: " + s.error().message};
    return id;
}

Status AnnotationStore::removeBookmark(std::int64_t id) {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "DELETE FROM bookmarks WHERE id = ?1 RETURNING id");
    st.bind(1, id);
    const bool found = st.step();
    if (st.failed())
        return Error{where(store_) + "cannot remove bookmark " + std::to_string(id) + ": " +
                     st.error()};
    if (!found)
        return Error{where(store_) + "there is no bookmark " + std::to_string(id)};
    if (auto s = st.run(); !s)
        return Error{where(store_) + "cannot remove bookmark " + std::to_string(id) + ": " +
                     s.error().message};
    return Ok{};
}

Result<std::vector<Bookmark>> AnnotationStore::bookmarks(std::int64_t runId) const {
    std::lock_guard lock(store_.mutex());
    sql::Statement st(store_.handle(), "SELECT id, run_id, user_id, system, stage, candidate, "
                                       "note, created_at FROM bookmarks WHERE run_id = ?1 "
                                       "ORDER BY id");
    st.bind(1, runId);
    std::vector<Bookmark> out;
    while (st.step()) {
        Bookmark b;
        b.id = st.int64(0);
        b.runId = st.int64(1);
        b.userId = st.text(2);
        b.system = parseSystemName(st.text(3)).value_or(SystemId::Invalid);
        const std::string stage = st.text(4);
        b.stage =
            stage.empty() ? StageId::Invalid : parseStageName(stage).value_or(StageId::Invalid);
        b.candidate = static_cast<int>(st.int64(5));
        b.note = st.text(6);
        b.createdAt = st.text(7);
        out.push_back(std::move(b));
    }
    if (st.failed())
        return Error{where(store_) + "cannot read the bookmarks of run " + std::to_string(runId) +
                     ": " + st.error()};
    return out;
}

} // namespace r2p
