// Fuzz target: the HRT template loader. A template that parses must survive its own
// serialisation unchanged (parse(serialize(t)) == t) and render every prompt without failing.
#include "FuzzSupport.h"
#include "pipeline/engine/HrtTemplate.h"

#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    using namespace r2p::engine;
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    auto parsed = parseHrtTemplate(data, "fuzz.json");
    if (!parsed) {
        R2P_FUZZ_CHECK(!parsed.error().message.empty());
        return 0;
    }
    const HrtTemplate& t = *parsed;
    auto again = parseHrtTemplate(serializeHrtTemplate(t), "fuzz.json (serialised)");
    R2P_FUZZ_CHECK(again && *again == t);

    const std::vector<PromptItem> items{
        {1, "p1", 0.5, {{"title", "A {title} with {n}"}, {"text", "line\nbreak"}}},
        {2, "p2", 12.345, {}}};
    (void)renderTaskPrompt(t, "the {input}", items);
    (void)renderTaskPrompt(t, "", {});
    (void)renderJudgePrompt(t, "input", items, "facts {facts}", "[1]");
    for (const auto rule : {r2p::RpiRule::MarkerOrder, r2p::RpiRule::TokenBudget,
                            r2p::RpiRule::Citations, r2p::RpiRule::AnswerFormat})
        for (const auto& level : t.levels) {
            (void)renderCorrection(t, rule, level.stage, 0);
            (void)renderCorrection(t, rule, level.stage, items.size());
        }
    return 0;
}
