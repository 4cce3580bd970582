// Annotations of reasoning failures and bookmarks, kept in the project file next to the runs they
// describe (schema v4), the way a capture file keeps its notes. Every call that changes something
// commits before it returns, so a process killed at any moment loses nothing already returned.
#pragma once

#include "ProjectStore.h"
#include "Result.h"
#include "Taxonomy.h"
#include "Trace.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace r2p {

// What an annotation is about.
enum class AnnotationTarget {
    Invalid = 0,
    Run,     // the whole run of one user and system
    Stage,   // one step (stage + candidate) of that run
    Span,    // a piece of text inside one step
    Verdict, // the cross-reference verdict of one candidate
};
// "run", "stage", "span", "verdict"
std::string_view annotationTargetName(AnnotationTarget t);
std::optional<AnnotationTarget> parseAnnotationTarget(std::string_view name);

// How bad a failure is. (Named apart from Finding.h's Severity, which every model header already
// brings in: two enums named Severity in r2p cannot both exist.)
enum class AnnotationSeverity {
    Invalid = 0,
    Minor,
    Major,
    Critical,
};
// "minor", "major", "critical"
std::string_view annotationSeverityName(AnnotationSeverity s);
std::optional<AnnotationSeverity> parseAnnotationSeverity(std::string_view name);

// One label on one item by one annotator. Several labels on an item are several annotations.
struct Annotation {
    std::int64_t id = 0; // set by the store
    std::int64_t runId = 0;
    std::string userId;
    SystemId system = SystemId::R2P;
    AnnotationTarget target = AnnotationTarget::Invalid;
    StageId stage = StageId::Invalid; // Stage, Span; CrossReference for Verdict; Invalid for Run
    int candidate = 0;                // Stage, Span: the step's candidate; Verdict: the candidate
    std::string spanField;            // Span: "reasoning", "answer" or "raw" of the step
    int spanStart = 0;                // Span: [start, end) in UTF-8 bytes of that field
    int spanEnd = 0;
    std::string spanText; // Span: the selected text, as it was
    std::string label;    // a taxonomy id, e.g. "retrieval-unused"
    AnnotationSeverity severity = AnnotationSeverity::Minor;
    std::string note;
    std::string annotator;
    std::string createdAt;   // ISO 8601 UTC, set by the store when empty
    std::string templateId;  // the run's HRT template, set by the store from the run
    int templateVersion = 0; // likewise
};

// The item an annotation is about, as agreement counts items: a span counts as its step.
struct AnnotationItem {
    std::int64_t runId = 0;
    std::string userId;
    SystemId system = SystemId::Invalid;
    AnnotationTarget target = AnnotationTarget::Invalid; // Run, Stage or Verdict (never Span)
    StageId stage = StageId::Invalid;
    int candidate = 0;
    auto operator<=>(const AnnotationItem&) const = default;
};
AnnotationItem annotationItem(const Annotation& a);
// "run", "task_analysis", "candidates#2", "verdict#1": how exports and the CLI name an item.
std::string annotationItemName(const AnnotationItem& item);

// A place to come back to: a user's run, optionally one stage of it.
struct Bookmark {
    std::int64_t id = 0;
    std::int64_t runId = 0;
    std::string userId;
    SystemId system = SystemId::R2P;
    StageId stage = StageId::Invalid; // Invalid: the user as a whole
    int candidate = 0;
    std::string note;
    std::string createdAt;
};

// Thread-safe through the project's connection lock.
class AnnotationStore {
public:
    explicit AnnotationStore(ProjectStore& store) : store_(store) {}

    // Checks the annotation (the run exists and covers the user; for Stage, Span and Verdict the
    // user's stored trace has that step or verdict; the label is in `taxonomy`; an annotator is
    // named; a span lies inside its field and its text matches) and commits it. Returns its id.
    // On any Error nothing is written; the message names the run, user, stage or label.
    Result<std::int64_t> add(const Annotation& annotation, const Taxonomy& taxonomy);
    // Several at once (e.g. two labels on one stage), all or none, in one transaction.
    Result<std::vector<std::int64_t>> addAll(const std::vector<Annotation>& annotations,
                                             const Taxonomy& taxonomy);
    // The checks add() makes, without writing: an Error here is bad input (the CLI's exit 2),
    // while add() may also fail on I/O.
    Status check(const Annotation& annotation, const Taxonomy& taxonomy) const;
    // Changes severity and note of a stored annotation.
    Status update(std::int64_t id, AnnotationSeverity severity, const std::string& note);
    Status remove(std::int64_t id);

    Result<Annotation> annotation(std::int64_t id) const;
    // In the order they were made.
    Result<std::vector<Annotation>> ofRun(std::int64_t runId) const;
    Result<std::vector<Annotation>> ofUser(std::int64_t runId, const std::string& userId) const;
    Result<std::vector<Annotation>> all() const;
    // How many annotations each user of a run has (users without any are absent).
    Result<std::unordered_map<std::string, int>> countsByUser(std::int64_t runId) const;
    // How often each user of a run got each label: the Users view's counts and label filter,
    // without reading every annotation.
    struct LabelCount {
        std::string userId;
        std::string label;
        int count = 0;
    };
    Result<std::vector<LabelCount>> labelCounts(std::int64_t runId) const;
    // Users annotated on another run of the run's questions file.
    Result<std::vector<std::string>> usersAnnotatedOnOtherRuns(std::int64_t runId) const;
    // Annotations on the same user made on other runs of the same questions file, newest run
    // first: what a newer run shows as "annotated on an earlier run".
    Result<std::vector<Annotation>> onOtherRuns(std::int64_t runId,
                                                const std::string& userId) const;

    Result<std::int64_t> addBookmark(const Bookmark& bookmark);
    Status removeBookmark(std::int64_t id);
    Result<std::vector<Bookmark>> bookmarks(std::int64_t runId) const;

private:
    ProjectStore& store_;
};

} // namespace r2p
