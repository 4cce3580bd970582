// A study: the runs behind a paper-style table, declared in one JSON file (format documented in
// docs/studies/README.md, examples beside it). Datasets × models × k × repeats make the cells;
// each cell is one stored run of the model's systems. `r2p study run` runs the cells that are
// not finished yet (resuming an interrupted one) and `r2p study report` writes the table: tasks
// as columns, (model, system, k) as rows, each task's LaMP metrics with intervals, the best per
// column marked, a paired test against a reference row with Holm-adjusted p, and the cost.
#pragma once

#include "model/ProjectStore.h"
#include "model/Result.h"
#include "model/Trace.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace r2p::analysis {

inline constexpr int kStudyFormatVersion = 1;

struct StudyDataset {
    TaskId task = TaskId::Invalid;
    std::string questionsPath; // resolved against the study file's folder
    std::string outputsPath;   // "" when the questions carry no golds file
    std::string users = "all"; // what r2p run --users takes: all, N or id,id,...
};

// A run option as r2p run takes it: "--name value", or "--name" alone for a flag.
struct StudyOption {
    std::string name;
    std::string value;
    bool flag = false;
};

struct StudyModel {
    std::string id;    // short, unique: the rows' key ("llm", "lrm")
    std::string label; // as the table shows it ("Qwen2.5-7B-Instruct (LLM)"); default: id
    std::string backend = "offline";
    std::string model;                  // the name the server knows; "" for offline
    std::vector<std::string> endpoints; // r2p run --endpoint values (one or more replicas)
    std::string baseUrl;                // or one server
    std::vector<SystemId> systems;      // empty: the study's
    std::vector<StudyOption> options;   // after the study's own, so they win
};

struct StudyRow {
    std::string model; // StudyModel::id
    SystemId system = SystemId::Invalid;
    int k = 0;
    bool operator==(const StudyRow&) const = default;
};

struct Study {
    int version = kStudyFormatVersion;
    std::string name; // the key its cells are stored under in a project
    std::string title;
    std::string description;
    std::uint64_t seed = 42; // repeat r runs with seed + r
    int repeats = 1;
    std::vector<StudyDataset> datasets;
    std::vector<StudyModel> models;
    std::vector<SystemId> systems; // every model's, unless the model lists its own
    std::vector<int> k;
    std::optional<StudyRow> reference; // the row every other row is tested against
    std::vector<StudyOption> options;  // for every run
    std::string file;                  // where it was read from

    const StudyModel* findModel(std::string_view id) const;
    // The model's systems (its own, else the study's).
    const std::vector<SystemId>& systemsOf(const StudyModel& m) const;
    // Every row in table order: model by model, then system, then k.
    std::vector<StudyRow> rows() const;
};

// One stored run of the study: a dataset, a model, a k and a repeat.
struct StudyCell {
    std::size_t dataset = 0;
    std::size_t model = 0;
    int k = 0;
    int repeat = 0;
    std::string key;                  // "LaMP-2/lrm/k4/r0": unique in the study
    std::vector<std::string> runArgs; // r2p run's arguments, --project excepted
    std::string fingerprint;          // of runArgs: a cell whose settings change is a new cell
};

// Parses and checks a study. Errors read "SOURCE: line L, column C: what is wrong" and name
// the key or value at fault; the dataset files must be regular files. Paths in the study are
// relative to `baseDir` unless absolute.
Result<Study> parseStudy(std::string_view json, const std::string& source,
                         const std::string& baseDir);
// Reads a study file (a regular file of at most 1 MiB).
Result<Study> readStudyFile(const std::string& path);

std::vector<StudyCell> studyCells(const Study& study);

// Which stored run answers each cell, kept in the project under the study's name.
struct StudyCellRun {
    std::int64_t run = 0;
    std::string fingerprint;
};
using StudyRuns = std::map<std::string, StudyCellRun>; // cell key -> run

Result<StudyRuns> loadStudyRuns(ProjectStore& store, const std::string& studyName);
Status saveStudyRun(ProjectStore& store, const std::string& studyName, const StudyCell& cell,
                    std::int64_t runId);

enum class StudyFormat { Invalid = 0, Markdown, Latex, Html, Csv, Json };
std::optional<StudyFormat> studyFormatFromName(std::string_view name);

// The table from the stored runs of every cell. An unfinished or missing cell is an error that
// names it (and the command that runs it), unless `partial`, which leaves its entries empty.
Result<std::string> studyReport(ProjectStore& store, const Study& study, StudyFormat format,
                                bool partial = false);

} // namespace r2p::analysis
