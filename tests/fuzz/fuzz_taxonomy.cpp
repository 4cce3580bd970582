// Fuzz target: the failure-taxonomy loader. A taxonomy that parses must survive its own JSON
// (taxonomyJson) unchanged.
#include "FuzzSupport.h"
#include "model/Taxonomy.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    auto parsed = r2p::parseTaxonomy(data, "fuzz.json");
    if (!parsed) {
        R2P_FUZZ_CHECK(!parsed.error().message.empty());
        return 0;
    }
    auto again = r2p::parseTaxonomy(r2p::taxonomyJson(*parsed), "fuzz.json (written)");
    R2P_FUZZ_CHECK(again.ok());
    R2P_FUZZ_CHECK(again->id == parsed->id && again->version == parsed->version);
    R2P_FUZZ_CHECK(again->labels.size() == parsed->labels.size());
    for (std::size_t i = 0; i < parsed->labels.size(); ++i) {
        const auto &a = again->labels[i], &b = parsed->labels[i];
        R2P_FUZZ_CHECK(a.id == b.id && a.name == b.name && a.description == b.description &&
                       a.shortcut == b.shortcut);
        R2P_FUZZ_CHECK(parsed->find(b.id) != nullptr);
    }
    return 0;
}
