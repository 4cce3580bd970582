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

namespace {
// The server figures as they were built before: an ordered_json, dumped.
std::string treeFigures(const GenerationResult& r) {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    if (r.usage) {
        j["usage"] = {{"prompt_tokens", r.usage->promptTokens},
                      {"completion_tokens", r.usage->completionTokens},
                      {"reasoning_tokens", r.usage->reasoningTokens},
                      {"total_tokens", r.usage->totalTokens}};
        if (r.reasoningTokensEstimated)
            j["usage"]["reasoning_tokens_estimated"] = true;
        if (r.usage->cachedPromptTokens)
            j["usage"]["cached_tokens"] = *r.usage->cachedPromptTokens;
    }
    if (r.timings)
        j["timings"] = {{"prompt_n", r.timings->promptTokens},
                        {"prompt_ms", r.timings->promptMs},
                        {"prompt_per_second", r.timings->promptPerSecond},
                        {"predicted_n", r.timings->predictedTokens},
                        {"predicted_ms", r.timings->predictedMs},
                        {"predicted_per_second", r.timings->predictedPerSecond}};
    if (!r.requestId.empty())
        j["request_id"] = r.requestId;
    if (!r.systemFingerprint.empty())
        j["system_fingerprint"] = r.systemFingerprint;
    if (!r.endpoint.empty())
        j["endpoint"] = r.endpoint;
    if (r.fromCache)
        j["cached"] = true;
    j["first_token_ms"] = r.firstTokenMs;
    j["total_ms"] = r.totalMs;
    if (r.attempts > 1)
        j["attempts"] = r.attempts;
    return dumpJson(j);
}
} // namespace

TEST(ServerFigures, WrittenAsTheJsonTreeWroteThem) {
    GenerationResult batch; // a batch answer from the cache, as a stored step keeps it
    batch.usage = TokenUsage{120, 6, 0, 126, std::nullopt};
    batch.endpoint = "batch";
    batch.fromCache = true;
    EXPECT_EQ(serverFiguresJson(batch),
              "{\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":6,\"reasoning_tokens\":0,"
              "\"total_tokens\":126},\"endpoint\":\"batch\",\"cached\":true,\"first_token_ms\":0.0,"
              "\"total_ms\":0.0}");

    GenerationResult bare;
    EXPECT_EQ(serverFiguresJson(bare), "{\"first_token_ms\":0.0,\"total_ms\":0.0}");

    GenerationResult full;
    full.usage = TokenUsage{-3, 7, 5, 2147483647, 11};
    full.reasoningTokensEstimated = true;
    full.timings = ServerTimings{12, 0.1, 1234.5678, 0, 1e-7, 1e21};
    full.requestId = "chatcmpl-\"q\"\\\n\x01";
    full.systemFingerprint = std::string("fp-\xff\xfe-\xc3\xa9");
    full.endpoint = "http://127.0.0.1:8000/v1";
    full.fromCache = true;
    full.firstTokenMs = 12.25;
    full.totalMs = 1.0 / 3.0;
    full.attempts = 3;
    EXPECT_EQ(serverFiguresJson(full), treeFigures(full));
    for (double ms : {0.0, -0.0, 5.0, 1e-300, 123456789.125, std::numeric_limits<double>::max()}) {
        GenerationResult r;
        r.totalMs = ms;
        r.firstTokenMs = -ms;
        r.attempts = 2;
        EXPECT_EQ(serverFiguresJson(r), treeFigures(r)) << ms;
    }
}
