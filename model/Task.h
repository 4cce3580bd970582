// The LaMP tasks: names, output kinds, label sets and profile item fields.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace r2p {

enum class TaskId {
    Invalid = 0,
    LaMP1 = 1, // citation identification
    LaMP2,     // movie tagging (current LaMP-2)
    LaMP2N,    // news categorization (older LaMP-2)
    LaMP3,     // product rating
    LaMP4,     // news headline
    LaMP5,     // scholarly title
    LaMP6,     // email subject
    LaMP7,     // tweet paraphrase
};

enum class TaskKind {
    Invalid = 0,
    Classification, // LaMP-1, 2, 2N: accuracy and macro-F1 over a fixed label set
    Rating,         // LaMP-3: MAE and RMSE over 1..5
    Generation,     // LaMP-4..7: ROUGE
};

struct TaskSpec {
    TaskId id = TaskId::Invalid;
    std::string_view name;        // "LaMP-1", "LaMP-2N"
    std::string_view outputsName; // the "task" field of outputs files: "LaMP_1"
    TaskKind kind = TaskKind::Invalid;
    std::string_view summary;                 // "citation identification"
    std::vector<std::string_view> labels;     // in LaMP's order; empty for generation
    std::vector<std::string_view> itemFields; // profile item text fields, display order
};

// All tasks in display order.
std::span<const TaskSpec> allTasks();
const TaskSpec& taskSpec(TaskId id);

// Accepts "LaMP-3", "LaMP_3", "lamp3", "3", "2N"; nullopt for anything else.
std::optional<TaskId> parseTaskName(std::string_view name);

// Guesses the task from a record's input template (the instruction text LaMP puts first).
std::optional<TaskId> detectTaskFromInput(std::string_view input);

} // namespace r2p
