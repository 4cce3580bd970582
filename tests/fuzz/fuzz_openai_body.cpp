// Fuzz target: non-streamed OpenAI-compatible responses (chat.completion and text_completion
// bodies) and error bodies, as any server may send them.
#include "FuzzSupport.h"
#include "pipeline/llm/OpenAiProtocol.h"

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    auto body = r2p::llm::decodeCompletionBody(data);
    if (body) {
        if (body->usage)
            (void)body->usage->totalTokens;
    } else {
        R2P_FUZZ_CHECK(!body.error().message.empty());
    }
    const auto error = r2p::llm::decodeErrorBody(data);
    (void)error.message.size();
    return 0;
}
