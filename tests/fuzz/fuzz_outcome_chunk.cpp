// Fuzz target: a packed-outcomes chunk as run_outcomes holds it (OutcomeSnapshot), before zstd.
// The first byte is the row count the table claims. Whatever the bytes, reading never crashes
// and adds rows only when it accepts them all; what it accepts packs and reads back the same.
#include "FuzzSupport.h"
#include "model/OutcomeSnapshot.h"

#include <bit>
#include <cstdint>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    if (size == 0)
        return 0;
    const std::size_t rows = bytes[0];
    const std::string_view raw(reinterpret_cast<const char*>(bytes) + 1, size - 1);
    std::vector<r2p::UserOutcome> out(2); // rows already there stay untouched
    out[0].userId = "kept";
    if (!r2p::outcomesnapshot::unpackRaw(raw, rows, out)) {
        R2P_FUZZ_CHECK(out.size() == 2 && out[0].userId == "kept");
        return 0;
    }
    R2P_FUZZ_CHECK(out.size() == 2 + rows && out[0].userId == "kept");
    const std::span<const r2p::UserOutcome> read(out.data() + 2, rows);
    // What was read packs and reads back to the same rows (the bytes may differ: a varint may
    // have been written longer than it needs, and unknown names read as Invalid).
    const std::string again = r2p::outcomesnapshot::packRaw(read);
    std::vector<r2p::UserOutcome> twice;
    R2P_FUZZ_CHECK(r2p::outcomesnapshot::unpackRaw(again, rows, twice) && twice.size() == rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const r2p::UserOutcome &a = read[i], &b = twice[i];
        R2P_FUZZ_CHECK(a.userId == b.userId && a.system == b.system && a.status == b.status &&
                       a.prediction == b.prediction && a.gold == b.gold &&
                       a.formatOk == b.formatOk && a.reasoningTokens == b.reasoningTokens &&
                       a.interventions == b.interventions && a.contradicted == b.contradicted &&
                       a.error == b.error && a.scores.size() == b.scores.size());
        for (std::size_t k = 0; k < a.scores.size(); ++k)
            R2P_FUZZ_CHECK(a.scores[k].first == b.scores[k].first &&
                           std::bit_cast<std::uint64_t>(a.scores[k].second) ==
                               std::bit_cast<std::uint64_t>(b.scores[k].second));
    }
    return 0;
}
