// A batch run (--backend batch) in rounds: advance every user as far as the response cache
// allows (finished systems are stored as any run's are; the requests the rest wait for become
// the next round, kept in the project), and ingest a batch engine's output into the cache.
// Because R2P's decisions (RPI interventions, candidates, the judge) are made by the engine as
// it reads the cached answers, they happen between rounds exactly as they would online.
#pragma once

#include "model/Dataset.h"
#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/RunStore.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace r2p {
class RecentAnswers; // model/ResponseCache.h
}

namespace r2p::engine {

struct RoundOutcome {
    std::size_t usersStored = 0;    // users whose every system finished in this pass
    std::size_t usersWaiting = 0;   // users with a system waiting for the next round
    std::size_t usersFailed = 0;    // stored as failed (a request error that is not the round's)
    std::size_t usersSkipped = 0;   // finished before this pass
    std::vector<BatchRequest> next; // the next round, custom ids set; empty: the run is done
    std::vector<std::string> errors;
};

// Advances the run and keeps its next round in the project (replacing the previous one).
// `recent`: the answers an ingest just stored (ingestBatchOutput), found without a lookup.
Result<RoundOutcome> advanceBatchRun(ProjectStore& store, const RunInfo& run,
                                     const DatasetIndex& index, int concurrency = 4,
                                     std::shared_ptr<const RecentAnswers> recent = {});

struct IngestReport {
    std::size_t lines = 0;
    std::size_t stored = 0;  // answers put into the response cache
    std::size_t retried = 0; // lines with an error or a status other than 200: in the next round
    std::size_t unknown = 0; // custom_ids the run's round does not hold
    std::vector<std::string> problems; // each naming its file and line
};

// Reads a batch engine's output (or error) file and stores every usable answer in the response
// cache, all in one transaction (a killed ingest stores nothing of the file). Ingesting a file
// twice stores the same answers again: nothing changes. The lines' requests are looked up on
// read-only connections of the workers' own; `readers` false looks them up on the project's
// connection (what happens when the file cannot be opened again). With `recent`, each answer
// stored is also remembered there (for advanceBatchRun right after); it holds them only once
// the ingest returned Ok.
Result<IngestReport> ingestBatchOutput(ProjectStore& store, std::int64_t runId,
                                       const std::string& path, bool readers = true,
                                       RecentAnswers* recent = nullptr);

} // namespace r2p::engine
