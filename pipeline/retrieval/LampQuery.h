// The retrieval query and corpus LaMP's rank_profiles.py builds for each task: which part of the
// input is the query and which profile fields make up each item's text.
#pragma once

#include "model/Finding.h"
#include "model/InputParts.h"
#include "model/Record.h"
#include "model/Task.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p::retrieval {

struct QueryCorpus {
    std::string query;
    std::vector<std::string> corpus; // one text per profile item, profile order
    // The input lacked the task's marker (or LaMP-1 quotes), items lacked fields, or the task is
    // unknown. Retrieval still runs on the fallback described at lampQueryCorpus.
    std::vector<Finding> findings;
};

// LaMP-1's quoted strings: the one walker lives with the input parsing in model/.
using r2p::quotedStrings;

// The text after the first `marker`, stripped like Python's str.strip(); nullopt-like empty
// result with found=false when the marker is absent.
struct AfterMarker {
    bool found = false;
    std::string_view text;
};
AfterMarker textAfter(std::string_view input, std::string_view marker);

// The query LaMP uses for this task. Fallbacks where LaMP would crash or use None: a missing
// marker uses the whole stripped input; LaMP-1 with fewer than three quoted strings joins the
// quoted strings after the first (or the whole input if there are none). Each fallback adds a
// warning finding about `recordId`.
std::string lampQuery(TaskId task, std::string_view input, std::string_view recordId,
                      std::vector<Finding>* findings);

// One item's corpus text: LaMP's field concatenation for the task, plus " date: <date>" when
// useDate. A missing field counts as empty (LaMP would raise KeyError); `missingField` is set.
std::string lampCorpusText(TaskId task, const ProfileItem& item, bool useDate,
                           bool* missingField = nullptr);

// Query and corpus for a whole record, with findings for the fallbacks used.
QueryCorpus lampQueryCorpus(TaskId task, const UserRecord& record, bool useDate);

} // namespace r2p::retrieval
