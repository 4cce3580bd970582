// Decoding vLLM-style stream chunks, whole responses and error bodies.
#include "pipeline/llm/OpenAiProtocol.h"

#include <gtest/gtest.h>

using namespace r2p::llm;

TEST(OpenAiProtocol, ChatDeltasWithReasoningInEitherField) {
    auto a = decodeStreamEvent(
        R"({"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,)"
        R"("delta":{"reasoning_content":"think ","content":null},"finish_reason":null}]})");
    ASSERT_TRUE(a.ok()) << a.error().message;
    EXPECT_EQ(a->reasoning, "think ");
    EXPECT_EQ(a->content, "");
    EXPECT_EQ(a->finishReason, "");
    auto b =
        decodeStreamEvent(R"({"choices":[{"delta":{"reasoning":"alt"},"finish_reason":null}]})");
    EXPECT_EQ(b->reasoning, "alt");
    auto c = decodeStreamEvent(R"({"choices":[{"delta":{"content":"4"},"finish_reason":"stop"}]})");
    EXPECT_EQ(c->content, "4");
    EXPECT_EQ(c->finishReason, "stop");
    EXPECT_FALSE(c->usage.has_value());
}

TEST(OpenAiProtocol, CompletionsTextUsageDoneAndErrors) {
    auto text = decodeStreamEvent(
        R"({"object":"text_completion","choices":[{"text":" more","finish_reason":"length"}]})");
    EXPECT_EQ(text->content, " more");
    EXPECT_EQ(text->finishReason, "length");
    auto usage = decodeStreamEvent(
        R"({"choices":[],"usage":{"prompt_tokens":12,"completion_tokens":30,)"
        R"("total_tokens":42,"completion_tokens_details":{"reasoning_tokens":20}}})");
    ASSERT_TRUE(usage->usage.has_value());
    EXPECT_EQ(usage->usage->promptTokens, 12);
    EXPECT_EQ(usage->usage->completionTokens, 30);
    EXPECT_EQ(usage->usage->reasoningTokens, 20);
    EXPECT_EQ(usage->usage->totalTokens, 42);
    EXPECT_TRUE(decodeStreamEvent("[DONE]")->done);
    auto error = decodeStreamEvent(
        R"({"error":{"message":"CUDA out of memory","type":"InternalServerError","code":500}})");
    ASSERT_TRUE(error->error.has_value());
    EXPECT_EQ(error->error->message, "CUDA out of memory");
    EXPECT_EQ(error->error->code, "500");
    auto bad = decodeStreamEvent(R"({"choices":[{"delta":{"content":"x"})");
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().message.find("malformed JSON"), std::string::npos);
    EXPECT_FALSE(decodeStreamEvent("[1, 2]").ok());
}

TEST(OpenAiProtocol, WholeResponses) {
    auto body = decodeCompletionBody(
        R"({"object":"chat.completion","choices":[{"index":0,"message":)"
        R"({"role":"assistant","content":"comedy","reasoning_content":"P2 says so"},)"
        R"("finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":7}})");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(body->content, "comedy");
    EXPECT_EQ(body->reasoning, "P2 says so");
    EXPECT_EQ(body->usage->totalTokens, 12);
    EXPECT_FALSE(decodeCompletionBody(R"({"choices":[]})").ok());
    EXPECT_FALSE(decodeCompletionBody("<html>502 Bad Gateway</html>").ok());
}

// Prompt tokens the server's prefix cache served: vLLM (--enable-prompt-tokens-details) and
// OpenAI send usage.prompt_tokens_details.cached_tokens; vLLM without the flag sends null.
TEST(OpenAiProtocol, CachedPromptTokensAreReadWhereTheServerGivesThem) {
    auto streamed = decodeStreamEvent(
        R"({"id":"c1","object":"chat.completion.chunk","choices":[],"usage":{"prompt_tokens":)"
        R"(1200,"total_tokens":1250,"completion_tokens":50,"prompt_tokens_details":)"
        R"({"cached_tokens":1024}}})");
    ASSERT_TRUE(streamed.ok()) << streamed.error().message;
    ASSERT_TRUE(streamed->usage.has_value());
    EXPECT_EQ(streamed->usage->cachedPromptTokens, 1024);
    auto none = decodeStreamEvent(R"({"choices":[],"usage":{"prompt_tokens":12,)"
                                  R"("completion_tokens":3,"prompt_tokens_details":null}})");
    ASSERT_TRUE(none->usage.has_value());
    EXPECT_FALSE(none->usage->cachedPromptTokens.has_value());
    auto body = decodeCompletionBody(
        R"({"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant",)"
        R"("content":"4"},"finish_reason":"stop"}],"usage":{"prompt_tokens":300,)"
        R"("completion_tokens":2,"total_tokens":302,"prompt_tokens_details":)"
        R"({"cached_tokens":256,"audio_tokens":0}}})");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(body->usage->cachedPromptTokens, 256);
    auto absent =
        decodeCompletionBody(R"({"choices":[{"message":{"content":"4"},"finish_reason":"stop"}],)"
                             R"("usage":{"prompt_tokens":3,"completion_tokens":1}})");
    EXPECT_FALSE(absent->usage->cachedPromptTokens.has_value());
}

// Found by the openai_body fuzz target: a usage count that is a string or beyond int (1e30)
// threw type_error 302 (abort) or converted with undefined behaviour. Such a count is 0, as
// if absent, in bodies and streams alike.
TEST(OpenAiProtocol, UsageCountsThatAreNotTokenCountsAreZero) {
    const std::string usage =
        R"("usage":{"prompt_tokens":"5","completion_tokens":1e30,"total_tokens":-3,)"
        R"("completion_tokens_details":{"reasoning_tokens":3000000000}})";
    auto body = decodeCompletionBody(R"({"choices":[{"message":{"content":"x"}}],)" + usage + "}");
    ASSERT_TRUE(body.ok()) << body.error().message;
    ASSERT_TRUE(body->usage.has_value());
    EXPECT_EQ(body->usage->promptTokens, 0);
    EXPECT_EQ(body->usage->completionTokens, 0);
    EXPECT_EQ(body->usage->totalTokens, 0);
    EXPECT_EQ(body->usage->reasoningTokens, 0);
    auto chunk = decodeStreamEvent(R"({"choices":[],)" + usage + "}");
    ASSERT_TRUE(chunk.ok()) << chunk.error().message;
    ASSERT_TRUE(chunk->usage.has_value());
    EXPECT_EQ(chunk->usage->promptTokens, 0);
    EXPECT_EQ(chunk->usage->completionTokens, 0);
    EXPECT_EQ(chunk->usage->totalTokens, 0);
    EXPECT_EQ(chunk->usage->reasoningTokens, 0);
    // Counts in range still count, also as 7.0.
    body = decodeCompletionBody(
        R"({"choices":[{"message":{"content":"x"}}],"usage":{"prompt_tokens":2147483647,)"
        R"("completion_tokens":7.0}})");
    ASSERT_TRUE(body.ok()) << body.error().message;
    EXPECT_EQ(body->usage->promptTokens, 2147483647);
    EXPECT_EQ(body->usage->completionTokens, 7);
}

TEST(OpenAiProtocol, ErrorBodiesInTheirUsualShapes) {
    EXPECT_EQ(decodeErrorBody(R"({"error":{"message":"model not found","type":"NotFoundError"}})")
                  .message,
              "model not found");
    EXPECT_EQ(decodeErrorBody(R"({"object":"error","message":"max_tokens too large"})").message,
              "max_tokens too large");
    EXPECT_EQ(decodeErrorBody(R"({"detail":"Not Found"})").message, "Not Found");
    EXPECT_EQ(decodeErrorBody("upstream timed out").message, "upstream timed out");
    // Cut at a character boundary to 300 bytes, the "…" included.
    EXPECT_EQ(decodeErrorBody(std::string(2000, 'x')).message,
              std::string(300 - std::string("…").size(), 'x') + "…");
}
