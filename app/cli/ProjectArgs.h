// Argument helpers the commands on an existing project share (annotate, agreement, taxonomy,
// export): whole-number options, and opening a project file without ever creating one.
#pragma once

#include "Cli.h"
#include "model/ProjectStore.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace r2p::cli {

// The whole decimal number `text` is, if it is one and within [min, max].
inline std::optional<std::int64_t> parseWholeNumber(const std::string& text, std::int64_t min,
                                                    std::int64_t max) {
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    std::size_t i = 0;
    const bool negative = text[0] == '-';
    if (negative)
        i = 1;
    if (i == text.size())
        return std::nullopt;
    for (; i < text.size(); ++i) {
        if (text[i] < '0' || text[i] > '9')
            return std::nullopt;
        v = v * 10 + (text[i] - '0');
    }
    if (negative)
        v = -v;
    if (v < min || v > max)
        return std::nullopt;
    return v;
}

// Opens the project at `path` if the file exists, read-only for commands that only read. On
// failure prints why and sets `exitCode`: 2 when there is no such file or it is not a project
// (nothing is created), 1 when it cannot be opened.
inline std::unique_ptr<ProjectStore>
openExistingProject(const char* command, const std::string& path, int& exitCode,
                    ProjectStore::OpenMode mode = ProjectStore::OpenMode::Existing) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        exitCode = fail(command, "no project file " + path, kExitUsage);
        return nullptr;
    }
    auto store = ProjectStore::open(path, mode);
    if (!store) {
        const bool notAProject =
            store.error().message.find("not an R2P project") != std::string::npos;
        exitCode = fail(command, store.error().message, notAProject ? kExitUsage : kExitRuntime);
        return nullptr;
    }
    return std::move(store).value();
}

} // namespace r2p::cli
