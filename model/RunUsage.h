// A run's step usage kept summed (schema 16): table run_usage holds, per run, system, stage,
// backend mode and whether the steps carry the server's own figures, what StepUsageSum sums
// of those steps. Triggers on run_steps keep it exact on every insert, delete and update, so a
// run's cost reads a few rows instead of every step (2,600,000 at 100,000 users). The integer
// sums are exact; latency_ms is a float sum, the same as a pass over the steps while steps are
// only added (in storage order), within a few ulps once a re-stored step was subtracted.
#pragma once

#include "Result.h"

#include <cstdint>
#include <string>
#include <vector>

struct sqlite3;

namespace r2p {

struct StepUsageSum;

namespace runusage {

// The schema-16 statements: the run_usage table and the triggers on run_steps that keep it.
const std::string& schemaSql();

// Fills run_usage from every stored step, each summed as stepUsageSums always summed it (the
// migration to schema 16; the triggers keep it from then on). Run inside the migration's
// transaction.
Status fill(sqlite3* db);

// The summed usage of a run's steps without the server's figures, by system, stage and mode,
// in the order their first steps were stored; and whether the run has any step with them.
struct RunSums {
    std::vector<StepUsageSum> sums;
    bool withServer = false;
};
Result<RunSums> read(sqlite3* db, std::int64_t runId);

} // namespace runusage
} // namespace r2p
