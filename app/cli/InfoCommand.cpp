// r2p info: what a LaMP questions file (and its outputs) holds, as JSON.
#include "Cli.h"
#include "model/Dataset.h"
#include "model/JsonText.h"

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

namespace r2p::cli {
namespace {

std::string splitName(const std::string& path) {
    const std::string name = std::filesystem::path(path).filename().string();
    for (const char* split : {"train", "dev", "test"})
        if (name.rfind(split, 0) == 0)
            return split;
    return "";
}

int runInfo(const std::vector<std::string>& argv) {
    Args args({"outputs", "task"}, {});
    if (!args.parse(argv))
        return fail("info", args.error(), kExitUsage);
    if (args.positional().size() != 1)
        return fail("info", "expected exactly one questions file", kExitUsage);
    IndexOptions options;
    if (auto t = args.value("task")) {
        auto task = parseTaskName(*t);
        if (!task)
            return fail("info", "unknown task '" + *t + "' (use LaMP-1 … LaMP-7 or LaMP-2N)",
                        kExitUsage);
        options.taskOverride = task;
    }
    const std::string questions = args.positional()[0];
    auto index = indexDataset(questions, args.valueOr("outputs", ""), options);
    if (!index)
        return fail("info", index.error().message, kExitUsage);

    nlohmann::ordered_json out;
    out["questions"] = index->questions.path;
    out["outputs"] = index->outputs ? nlohmann::ordered_json(index->outputs->path) : nullptr;
    out["task"] = index->task == TaskId::Invalid
                      ? nlohmann::ordered_json(nullptr)
                      : nlohmann::ordered_json(taskSpec(index->task).name);
    out["task_source"] = taskSourceName(index->taskSource);
    out["split"] = {{"name", splitName(questions)}, {"shape", splitShapeName(index->shape)}};
    out["users"] = index->users.size();
    out["golds"] = index->goldCount();
    const auto stats = profileSizeStats(index->users);
    out["profile_size"] = {{"min", stats.min}, {"median", stats.median}, {"max", stats.max}};
    out["bytes"] = index->questions.size;
    auto findings = nlohmann::ordered_json::array();
    for (const auto& f : index->findings) {
        nlohmann::ordered_json j;
        j["severity"] = severityName(f.severity);
        j["code"] = findingCodeName(f.code);
        j["message"] = f.message();
        if (!f.file.empty())
            j["file"] = f.file;
        if (!f.recordId.empty())
            j["record_id"] = f.recordId;
        if (f.line > 0) {
            j["line"] = f.line;
            j["column"] = f.column;
        }
        if (f.count > 0)
            j["count"] = f.count;
        if (!f.ids.empty())
            j["ids"] = f.ids;
        findings.push_back(std::move(j));
        std::cerr << severityName(f.severity) << ": " << f.message() << "\n";
    }
    out["findings"] = std::move(findings);
    std::cout << dumpJson(out, 2) << "\n";
    return index->usable() ? kExitOk : kExitUsage;
}

const Registrar registrar{{"info", "QUESTIONS [--outputs OUTPUTS] [--task LaMP-N]",
                           "Index a LaMP questions file and print its task, split shape, users, "
                           "profile sizes and findings as JSON.",
                           &runInfo}};

} // namespace
} // namespace r2p::cli
