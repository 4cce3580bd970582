#include "RunUsage.h"

#include "RunStore.h"
#include "Sqlite.h"

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <sqlite3.h>
#include <string_view>
#include <tuple>

namespace r2p::runusage {

namespace {

// One summed column of run_usage and what one step of run_steps adds to it, '%' standing for
// the step's row (NEW or OLD). The same arithmetic as addStepUsage below, in SQL: attempts at
// least 1, integer division (both truncate toward zero), reasoning within 0..completion.
struct Term {
    const char* column;
    const char* added;
};
constexpr std::array<Term, 11> kTerms{{
    {"steps", "1"},
    {"first_steps", "(%.seq = 0)"},
    {"latency_ms", "coalesce(%.latency_ms, 0.0)"},
    {"attempts", "max(1, %.attempts)"},
    {"retried", "(%.attempts > 1)"},
    {"prompt_tokens", "%.prompt_tokens"},
    {"completion_tokens", "%.completion_tokens"},
    {"reasoning_tokens", "%.reasoning_tokens"},
    {"later_prompt", "%.prompt_tokens * (max(1, %.attempts) - 1) / max(1, %.attempts)"},
    {"later_completion", "%.completion_tokens * (max(1, %.attempts) - 1) / max(1, %.attempts)"},
    {"capped_reasoning", "min(max(%.reasoning_tokens, 0), %.completion_tokens)"},
}};

std::string forRow(std::string_view expr, std::string_view row) {
    std::string out;
    for (const char c : expr)
        if (c == '%')
            out += row;
        else
            out += c;
    return out;
}

// The run_usage row a step of run_steps counts in.
std::string keyOf(std::string_view row) {
    return forRow("run_id = %.run_id AND with_server = (%.server <> '') AND system = %.system AND "
                  "stage = %.stage AND backend_mode = %.backend_mode",
                  row);
}

// The step `row` added to its run_usage row (made when it has none).
std::string addStatement(std::string_view row) {
    std::string columns = "run_id, with_server, system, stage, backend_mode";
    std::string values = forRow("%.run_id, %.server <> '', %.system, %.stage, %.backend_mode", row);
    std::string update;
    for (const Term& t : kTerms) {
        columns += std::string(", ") + t.column;
        values += ", " + forRow(t.added, row);
        update += std::string(update.empty() ? "" : ", ") + t.column + " = " + t.column +
                  " + excluded." + t.column;
    }
    return "INSERT INTO run_usage(" + columns + ") VALUES(" + values +
           ") ON CONFLICT(run_id, with_server, system, stage, backend_mode) DO UPDATE SET " +
           update + ";";
}

// The step `row` taken off its run_usage row, which goes when no step is left in it.
std::string subtractStatements(std::string_view row) {
    std::string update;
    for (const Term& t : kTerms)
        update += std::string(update.empty() ? "" : ", ") + t.column + " = " + t.column + " - " +
                  forRow(t.added, row);
    return "UPDATE run_usage SET " + update + " WHERE " + keyOf(row) +
           ";\nDELETE FROM run_usage WHERE " + keyOf(row) + " AND steps = 0;";
}

std::string_view columnText(sqlite3_stmt* st, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, column));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st, column)))
             : std::string_view();
}

// Adds the step `row` (seq, latency_ms, attempts and the three token counts from column
// `first` on): what stepUsageSums summed each step by before schema 16.
void addStepUsage(StepUsageSum& g, sqlite3_stmt* row, int first) {
    const std::int64_t attempts = std::max<std::int64_t>(1, sqlite3_column_int64(row, first + 2));
    const std::int64_t prompt = sqlite3_column_int64(row, first + 3);
    const std::int64_t completion = sqlite3_column_int64(row, first + 4);
    const std::int64_t reasoning = sqlite3_column_int64(row, first + 5);
    ++g.steps;
    g.firstSteps += sqlite3_column_int64(row, first) == 0 ? 1 : 0;
    g.latencyMs += sqlite3_column_double(row, first + 1);
    g.attempts += attempts;
    g.retried += attempts > 1 ? 1 : 0;
    g.tokens.prompt += prompt;
    g.tokens.completion += completion;
    g.tokens.reasoning += reasoning;
    g.laterPrompt += prompt * (attempts - 1) / attempts;
    g.laterCompletion += completion * (attempts - 1) / attempts;
    g.cappedReasoning += std::min(std::max<std::int64_t>(reasoning, 0), completion);
}

using Key = std::tuple<std::int64_t, bool, std::string, std::string, std::string>;

// Every stored step summed by run_usage's key, in the order each key's first step was stored.
Result<std::vector<std::pair<Key, StepUsageSum>>> sumEveryStep(sqlite3* db) {
    const std::string_view sql =
        "SELECT run_id, server <> '', system, stage, backend_mode, seq, latency_ms, attempts, "
        "prompt_tokens, completion_tokens, reasoning_tokens FROM run_steps ORDER BY rowid";
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &raw, nullptr) !=
        SQLITE_OK)
        return Error{sqlite3_errmsg(db)};
    std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
    std::vector<std::pair<Key, StepUsageSum>> groups;
    std::map<Key, std::size_t> index;
    Key key;
    std::size_t last = 0; // a user's steps come together: the previous row's group first
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        key = {sqlite3_column_int64(raw, 0), sqlite3_column_int(raw, 1) != 0,
               std::string(columnText(raw, 2)), std::string(columnText(raw, 3)),
               std::string(columnText(raw, 4))};
        if (last >= groups.size() || groups[last].first != key) {
            const auto [at, added] = index.try_emplace(key, groups.size());
            if (added)
                groups.emplace_back(key, StepUsageSum{});
            last = at->second;
        }
        addStepUsage(groups[last].second, raw, 5);
    }
    if (rc != SQLITE_DONE)
        return Error{sqlite3_errmsg(db)};
    return groups;
}

} // namespace

const std::string& schemaSql() {
    static const std::string sql = [] {
        std::string s = R"sql(
        CREATE TABLE IF NOT EXISTS run_usage(
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            with_server INTEGER NOT NULL,
            system TEXT NOT NULL,
            stage TEXT NOT NULL,
            backend_mode TEXT NOT NULL,
            steps INTEGER NOT NULL DEFAULT 0,
            first_steps INTEGER NOT NULL DEFAULT 0,
            latency_ms REAL NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            retried INTEGER NOT NULL DEFAULT 0,
            prompt_tokens INTEGER NOT NULL DEFAULT 0,
            completion_tokens INTEGER NOT NULL DEFAULT 0,
            reasoning_tokens INTEGER NOT NULL DEFAULT 0,
            later_prompt INTEGER NOT NULL DEFAULT 0,
            later_completion INTEGER NOT NULL DEFAULT 0,
            capped_reasoning INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY(run_id, with_server, system, stage, backend_mode));
        )sql";
        s += "CREATE TRIGGER IF NOT EXISTS run_usage_insert AFTER INSERT ON run_steps BEGIN\n" +
             addStatement("NEW") + "\nEND;\n";
        s += "CREATE TRIGGER IF NOT EXISTS run_usage_delete AFTER DELETE ON run_steps BEGIN\n" +
             subtractStatements("OLD") + "\nEND;\n";
        // Every column a sum or the key is made of: the step moves out of its row, then in.
        s += "CREATE TRIGGER IF NOT EXISTS run_usage_update AFTER UPDATE OF run_id, system, "
             "stage, backend_mode, server, seq, latency_ms, attempts, prompt_tokens, "
             "completion_tokens, reasoning_tokens ON run_steps BEGIN\n" +
             subtractStatements("OLD") + "\n" + addStatement("NEW") + "\nEND;\n";
        return s;
    }();
    return sql;
}

Status fill(sqlite3* db) {
    auto groups = sumEveryStep(db);
    if (!groups)
        return groups.error();
    if (auto s = sql::exec(db, "DELETE FROM run_usage"); !s) // a file rolled back by hand
        return s;
    sql::Statement ins(db, "INSERT INTO run_usage(run_id, with_server, system, stage, "
                           "backend_mode, steps, first_steps, latency_ms, attempts, retried, "
                           "prompt_tokens, completion_tokens, reasoning_tokens, later_prompt, "
                           "later_completion, capped_reasoning) VALUES(?1, ?2, ?3, ?4, ?5, ?6, "
                           "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
    for (const auto& [key, g] : *groups) {
        ins.reset();
        ins.bind(1, std::get<0>(key))
            .bind(2, std::int64_t{std::get<1>(key) ? 1 : 0})
            .bind(3, std::get<2>(key))
            .bind(4, std::get<3>(key))
            .bind(5, std::get<4>(key))
            .bind(6, g.steps)
            .bind(7, g.firstSteps)
            .bind(8, g.latencyMs)
            .bind(9, g.attempts)
            .bind(10, g.retried)
            .bind(11, g.tokens.prompt)
            .bind(12, g.tokens.completion)
            .bind(13, g.tokens.reasoning)
            .bind(14, g.laterPrompt)
            .bind(15, g.laterCompletion)
            .bind(16, g.cappedReasoning);
        if (auto s = ins.run(); !s)
            return s;
    }
    return Ok{};
}

Result<RunSums> read(sqlite3* db, std::int64_t runId) {
    RunSums out;
    // By rowid: a group's row was made when its first step was stored (and goes with its last).
    sql::Statement st(db, "SELECT system, stage, backend_mode, steps, first_steps, latency_ms, "
                          "attempts, retried, prompt_tokens, completion_tokens, "
                          "reasoning_tokens, later_prompt, later_completion, capped_reasoning "
                          "FROM run_usage WHERE run_id = ?1 AND with_server = 0 AND steps > 0 "
                          "ORDER BY rowid");
    st.bind(1, runId);
    while (st.step()) {
        StepUsageSum& g = out.sums.emplace_back();
        g.system = parseSystemName(st.text(0)).value_or(SystemId::Invalid);
        g.stage = parseStageName(st.text(1)).value_or(StageId::Invalid);
        g.mode = parseStepMode(st.text(2)).value_or(StepMode::None);
        g.steps = st.int64(3);
        g.firstSteps = st.int64(4);
        g.latencyMs = st.real(5);
        g.attempts = st.int64(6);
        g.retried = st.int64(7);
        g.tokens = {st.int64(8), st.int64(9), st.int64(10)};
        g.laterPrompt = st.int64(11);
        g.laterCompletion = st.int64(12);
        g.cappedReasoning = st.int64(13);
    }
    if (st.failed())
        return Error{st.error()};
    sql::Statement server(db, "SELECT EXISTS(SELECT 1 FROM run_usage WHERE run_id = ?1 AND "
                              "with_server = 1 AND steps > 0)");
    server.bind(1, runId);
    if (!server.step())
        return Error{server.failed() ? server.error() : std::string("no answer")};
    out.withServer = server.int64(0) != 0;
    return out;
}

} // namespace r2p::runusage
