// A run's per-user outcomes kept packed (schema 18's run_outcomes): chunks of rows in the order
// RunStore::outcomes returns them, each one zstd frame. Reading a 100,000-user run of four
// systems this way takes a fraction of reading its 400,000 run_users rows, which is what the
// window waits for before it shows the run. The chunks are derived data: saving a trace of the
// run deletes them, and a chunk that does not unpack is read from run_users instead.
#pragma once

#include "RunStore.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace r2p::outcomesnapshot {

// Rows per chunk: about 1 MB unpacked at LaMP-4's sizes.
inline constexpr std::size_t kRowsPerChunk = 4096;

// The rows packed into one chunk; empty when zstd failed.
std::string pack(std::span<const UserOutcome> rows);

// Appends the `rows` rows of a chunk to `out`. False when `bytes` is not a chunk of exactly that
// many rows in the form pack() writes (damaged, cut short, from a later version, or claiming more
// than kRowsPerChunk rows); `out` then
// holds what it held before. `scratch` holds the unpacked bytes: one kept across the chunks of
// a run spares a fresh megabyte (and its page faults) per chunk.
bool unpack(std::string_view bytes, std::size_t rows, std::vector<UserOutcome>& out,
            std::string& scratch);

// The same without the compression: the chunk's bytes as zstd holds them (for the fuzz target).
std::string packRaw(std::span<const UserOutcome> rows);
bool unpackRaw(std::string_view raw, std::size_t rows, std::vector<UserOutcome>& out);

} // namespace r2p::outcomesnapshot
