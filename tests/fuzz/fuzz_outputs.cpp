// Fuzz target: the LaMP outputs / predictions reader ({"task": ..., "golds": [...]}). It reads a
// path, so each input is written to one temporary file of this process first.
#include "FuzzSupport.h"
#include "model/Dataset.h"

#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace {

const std::string& scratchPath() {
    static const std::string path = (std::filesystem::temp_directory_path() /
                                     ("r2p-fuzz-outputs-" + std::to_string(::getpid()) + ".json"))
                                        .string();
    return path;
}

struct RemoveAtExit {
    ~RemoveAtExit() { std::remove(scratchPath().c_str()); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    static RemoveAtExit cleanup;
    const std::string& path = scratchPath();
    std::FILE* file = std::fopen(path.c_str(), "wb");
    R2P_FUZZ_CHECK(file != nullptr);
    R2P_FUZZ_CHECK(size == 0 || std::fwrite(bytes, 1, size, file) == size);
    R2P_FUZZ_CHECK(std::fclose(file) == 0);

    auto outputs = r2p::readOutputsFile(path);
    if (!outputs) {
        R2P_FUZZ_CHECK(!outputs.error().message.empty());
        return 0;
    }
    for (const auto& f : outputs->findings)
        R2P_FUZZ_CHECK(!f.message().empty());
    for (const auto& g : outputs->golds)
        (void)g.output.size();
    return 0;
}
