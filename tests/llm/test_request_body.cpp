// requestBody() writes the JSON itself; its bytes are the response cache's keys and a batch
// round's custom ids, so they must stay what dumping the nlohmann tree wrote before.
#include "model/JsonText.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <gtest/gtest.h>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace r2p;
using namespace r2p::llm;
using nlohmann::json;

namespace {

// The body as it was built before: a json tree (keys in std::map order), dumped.
std::string treeBody(const GenerationRequest& r) {
    json body;
    body["model"] = r.model;
    if (r.endpoint == Endpoint::Completions) {
        body["prompt"] = r.prompt;
    } else {
        json messages = json::array();
        for (const auto& m : r.messages) {
            const char* role = m.role == Role::System      ? "system"
                               : m.role == Role::Assistant ? "assistant"
                                                           : "user";
            messages.push_back({{"role", role}, {"content", m.content}});
        }
        body["messages"] = std::move(messages);
    }
    body["stream"] = r.stream;
    if (r.stream)
        body["stream_options"] = {{"include_usage", true}};
    if (r.maxTokens)
        body["max_tokens"] = *r.maxTokens;
    if (r.temperature)
        body["temperature"] = *r.temperature;
    if (r.topP)
        body["top_p"] = *r.topP;
    if (r.seed)
        body["seed"] = *r.seed;
    if (!r.stop.empty())
        body["stop"] = r.stop;
    return dumpJson(body);
}

// Texts a prompt may hold: quotes, backslashes, every control character, DEL, non-ASCII, and
// ill-formed UTF-8 (a lone continuation byte, a truncated sequence, a surrogate, an overlong).
std::vector<std::string> texts() {
    std::string controls;
    for (int c = 0; c < 0x20; ++c)
        controls += static_cast<char>(c);
    return {"",
            "plain words",
            "Rate \"it\" 1–5.\nThen \\ explain\t<think>",
            controls + "\x7f/",
            "<｜User｜>Rate it.<｜Assistant｜><think>\n😀 é ü",
            std::string("a\0b", 3),
            "bad \x80 byte",
            "cut \xE2\x82",
            "surrogate \xED\xA0\x80 here",
            "overlong \xC0\xAF and \xF4\x90\x80\x80",
            "mixed \"\x80\"\n\xFF"};
}

} // namespace

TEST(RequestBody, IsByteForByteWhatTheJsonTreeDumped) {
    int compared = 0;
    for (const std::string& text : texts()) {
        for (Endpoint e : {Endpoint::Chat, Endpoint::Completions}) {
            for (int variant = 0; variant < 4; ++variant) {
                GenerationRequest r;
                r.endpoint = e;
                r.model = variant == 3 ? text : "deepseek-r1-distill-qwen-7b";
                r.prompt = text;
                r.messages = {
                    {Role::System, "Be brief."}, {Role::User, text}, {Role::Assistant, text + "!"}};
                if (variant == 1)
                    r.messages.clear();
                r.stream = variant != 2;
                if (variant != 1) {
                    r.maxTokens = variant == 2 ? 0 : 512;
                    r.temperature = variant == 2 ? 1.0 : 0.6;
                    r.topP = variant == 0 ? 0.95 : 1e-7;
                    r.seed = variant == 2 ? std::numeric_limits<std::uint64_t>::max() : 42;
                    r.stop = {"</answer>", text};
                }
                if (variant == 3)
                    r.temperature = std::numeric_limits<double>::quiet_NaN();
                EXPECT_EQ(requestBody(r), treeBody(r))
                    << "variant " << variant << ", text "
                    << json(text).dump(-1, ' ', true, json::error_handler_t::replace);
                ++compared;
            }
        }
    }
    EXPECT_EQ(compared, static_cast<int>(texts().size()) * 8);
}
