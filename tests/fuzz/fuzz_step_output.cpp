// Fuzz target: the step-output serializer. Whatever text a project holds, reading it never
// crashes; text it refuses is kept verbatim, and what it reads survives its own JSON unchanged.
#include "FuzzSupport.h"
#include "model/StepOutput.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    auto parsed = r2p::parseStepOutput(data);
    if (!parsed) {
        R2P_FUZZ_CHECK(!parsed.error().message.empty());
        const r2p::StepOutput kept = r2p::readStepOutput(data);
        R2P_FUZZ_CHECK(!kept.hasFields() && r2p::toJson(kept) == data);
        return 0;
    }
    const std::string stored = r2p::toJson(*parsed);
    R2P_FUZZ_CHECK(stored.empty() == !parsed->hasFields());
    auto again = r2p::parseStepOutput(stored);
    R2P_FUZZ_CHECK(again.ok());
    R2P_FUZZ_CHECK(r2p::toJson(*again) == stored);
    R2P_FUZZ_CHECK(again->extra.size() == parsed->extra.size());
    (void)r2p::toReadableJson(*again);
    return 0;
}
