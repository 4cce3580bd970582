// Writes LaMP-4-shaped questions files of a chosen size for benchmarks: records with an id, a
// headline-generation input and a profile of {"text", "title", "id"} items, streamed to disk.
#pragma once

#include <cstdint>
#include <string>

namespace r2p::bench {

struct GeneratedFile {
    std::string path;
    std::uint64_t bytes = 0;
    std::uint64_t users = 0;
};

// Profile sizes vary between minItems and maxItems (LaMP-4 train averages about 200).
GeneratedFile writeLamp4File(const std::string& path, std::uint64_t targetBytes, std::uint32_t seed,
                             std::uint32_t minItems = 20, std::uint32_t maxItems = 400);

// Exactly `users` users (ids 100000, 100001, ...), profiles as above.
GeneratedFile writeLamp4Users(const std::string& path, std::uint64_t users, std::uint32_t seed,
                              std::uint32_t minItems, std::uint32_t maxItems);

// One user whose profile has exactly `items` items.
GeneratedFile writeLamp4SingleUser(const std::string& path, std::uint32_t items,
                                   std::uint32_t seed);

// The outputs file (golds) of the first `users` users of such a questions file: a LaMP_4
// {"task", "golds": [{"id", "output"}]} with a headline of 6-13 vocabulary words each.
std::uint64_t writeLamp4Outputs(const std::string& path, std::uint64_t users, std::uint32_t seed);

// The file at `path` if it exists with at least `targetBytes`, else a fresh one there.
GeneratedFile cachedLamp4File(const std::string& path, std::uint64_t targetBytes);

} // namespace r2p::bench
