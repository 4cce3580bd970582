// The pieces of a batch round: the body a batch engine is sent (the online one, not streamed),
// custom ids, input lines, and the output lines of the OpenAI Batch API and vLLM run-batch.
#include "pipeline/llm/BatchRound.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::llm;
using nlohmann::json;

namespace {
GenerationRequest request(Endpoint endpoint) {
    GenerationRequest r;
    r.label = "user 3107 · r2p · profile synthesis";
    r.endpoint = endpoint;
    r.model = "deepseek-r1-distill-qwen-7b";
    r.messages = {{Role::System, "Be brief."}, {Role::User, "Rate \"it\" 1–5."}};
    r.prompt = "<｜User｜>Rate it.<｜Assistant｜><think>\n";
    r.maxTokens = 512;
    r.temperature = 0.6;
    r.seed = 42;
    r.stop = {"</answer>"};
    return r;
}
} // namespace

TEST(BatchRound, TheBodyIsTheOnlineOneWithoutStreaming) {
    for (Endpoint e : {Endpoint::Chat, Endpoint::Completions}) {
        const GenerationRequest r = request(e);
        const std::string online = requestBody(r);
        const json a = json::parse(batchRequestBody(r));
        EXPECT_EQ(batchRequestBody(online), batchRequestBody(r));
        json expected = json::parse(online);
        expected["stream"] = false;
        expected.erase("stream_options");
        EXPECT_EQ(a, expected);
        EXPECT_FALSE(a.contains("stream_options"));
    }
}

TEST(BatchRound, CustomIdsAreShortStableAndNameTheRequest) {
    const std::string body = requestBody(request(Endpoint::Chat));
    const std::string id = batchCustomId(12, "user 3107 · r2p · profile synthesis", body);
    EXPECT_EQ(id, "r12-user-3107-r2p-profile-synthesis-" + batchBodyHash(body));
    EXPECT_EQ(batchBodyHash(body).size(), 16u);
    EXPECT_EQ(batchCustomId(12, "user 3107 · r2p · profile synthesis", body), id);
    EXPECT_NE(batchCustomId(12, "user 3107 · r2p · profile synthesis", body + " "), id);
    const std::string longId = batchCustomId(123456, std::string(300, 'u'), body);
    EXPECT_LE(longId.size(), 64u);
    EXPECT_TRUE(longId.ends_with("-" + batchBodyHash(body)));
    for (char c : batchCustomId(1, "user \"x\" \\ é · r2p", body))
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << c;
}

TEST(BatchRound, AnInputLineIsOpenAiBatchInput) {
    BatchRequest r;
    r.customId = "r1-user-1-r2p-answer-0123456789abcdef";
    r.url = "/v1/chat/completions";
    r.onlineBody = requestBody(request(Endpoint::Chat));
    const json line = json::parse(batchInputLine(r));
    EXPECT_EQ(line["custom_id"], r.customId);
    EXPECT_EQ(line["method"], "POST");
    EXPECT_EQ(line["url"], "/v1/chat/completions");
    EXPECT_EQ(line["body"]["model"], "deepseek-r1-distill-qwen-7b");
    EXPECT_EQ(line["body"]["stream"], false);
    EXPECT_EQ(line["body"]["messages"][1]["content"], "Rate \"it\" 1–5.");
}

TEST(BatchRound, ReadsTheOpenAiAndTheVllmOutputForms) {
    const std::string chat =
        R"({"id":"c1","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop",)"
        R"("message":{"role":"assistant","content":"4"}}]})";
    auto openai = parseBatchOutputLine(
        R"({"id":"batch_req_1","custom_id":"r1-a","response":{"status_code":200,)"
        R"("request_id":"req-9","body":)" +
        chat + R"(},"error":null})");
    ASSERT_TRUE(openai) << openai.error().message;
    EXPECT_EQ(openai->customId, "r1-a");
    EXPECT_EQ(openai->statusCode, 200);
    EXPECT_EQ(openai->requestId, "req-9");
    EXPECT_EQ(json::parse(openai->body), json::parse(chat));
    EXPECT_TRUE(openai->error.empty());

    auto vllm = parseBatchOutputLine(R"({"id":"v","custom_id":"r1-b","response":)" + chat + "}");
    ASSERT_TRUE(vllm);
    EXPECT_EQ(vllm->statusCode, 200);
    EXPECT_EQ(json::parse(vllm->body), json::parse(chat));

    auto failed = parseBatchOutputLine(
        R"({"id":"x","custom_id":"r1-c","response":null,)"
        R"("error":{"code":"batch_expired","message":"This request could not be executed"}})");
    ASSERT_TRUE(failed);
    EXPECT_EQ(failed->error, "This request could not be executed");
    EXPECT_TRUE(failed->body.empty());

    EXPECT_FALSE(parseBatchOutputLine("{\"custom_id\": \"r1-"));
    EXPECT_FALSE(parseBatchOutputLine("[1,2]"));
    EXPECT_FALSE(parseBatchOutputLine(R"({"response":{"status_code":200}})"));
    EXPECT_FALSE(parseBatchOutputLine(R"({"custom_id":"a","response":{"status_code":"200"}})"));
}

TEST(BatchRound, AnInlineDeferringBackendAnswersBeforeSubmitReturns) {
    DeferringBackend deferring(true);
    bool answered = false;
    deferring.submit(request(Endpoint::Chat), nullptr, [&](GenerationOutcome&& outcome) {
        const auto* e = std::get_if<BackendError>(&outcome);
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->kind, ErrorKind::Deferred);
        answered = true;
    });
    EXPECT_TRUE(answered);
    const auto collected = deferring.takeCollected();
    ASSERT_EQ(collected.size(), 1u);
    EXPECT_EQ(collected[0].onlineBody, requestBody(request(Endpoint::Chat)));
}
