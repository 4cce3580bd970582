// Helpers shared by the fuzz targets: a deterministic chunking of the input (so "bytes may arrive
// split anywhere" is tested on every input) and a check that aborts with a message, which
// libFuzzer reports as a crash and the replay driver as a failed test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace r2p::fuzz {

// Splits `data` into chunks of 1..32 bytes chosen by a small PRNG seeded from the bytes
// themselves: the same input always gets the same chunking, a mutated one a different one.
inline std::vector<std::string_view> randomChunks(std::string_view data) {
    std::uint32_t state = 2166136261u;
    for (const char c : data)
        state = (state ^ static_cast<unsigned char>(c)) * 16777619u;
    std::vector<std::string_view> chunks;
    std::size_t at = 0;
    while (at < data.size()) {
        state = state * 1664525u + 1013904223u;
        const std::size_t size = 1 + (state >> 24) % 32;
        chunks.push_back(data.substr(at, size));
        at += chunks.back().size();
    }
    return chunks;
}

// Every byte alone: each split point once.
inline std::vector<std::string_view> byteChunks(std::string_view data) {
    std::vector<std::string_view> chunks;
    chunks.reserve(data.size());
    for (std::size_t i = 0; i < data.size(); ++i)
        chunks.push_back(data.substr(i, 1));
    return chunks;
}

[[noreturn]] inline void fail(const char* file, int line, const char* what) {
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    std::abort();
}

} // namespace r2p::fuzz

#define R2P_FUZZ_CHECK(cond)                                                                       \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::r2p::fuzz::fail(__FILE__, __LINE__, #cond);                                          \
    } while (false)
