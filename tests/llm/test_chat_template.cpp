// Chat templates as data: loading, choice by model name, prompt rendering, and a prefill
// continuation end to end against the test server.
#include "pipeline/llm/ChatTemplate.h"
#include "pipeline/llm/OpenAiBackend.h"
#include "support/OpenAiTestServer.h"

#include <gtest/gtest.h>

using namespace r2p::llm;

TEST(ChatTemplate, TheShippedTemplatesLoad) {
    const auto& all = builtinChatTemplates();
    ASSERT_EQ(all.size(), 3u);
    EXPECT_EQ(all[0].id, "deepseek-r1");
    EXPECT_EQ(all[1].id, "chatml-think");
    EXPECT_EQ(all[2].id, "llama3");
    EXPECT_TRUE(all[0].opensThink);
    EXPECT_FALSE(all[2].opensThink);
}

TEST(ChatTemplate, ChosenFromTheModelNameOrByHand) {
    const auto& all = builtinChatTemplates();
    auto id = [&](std::string_view model, std::string_view override = {}) {
        const ChatTemplate* t = chooseChatTemplate(all, model, override);
        return t ? t->id : std::string("none");
    };
    EXPECT_EQ(id("deepseek-ai/DeepSeek-R1-Distill-Qwen-7B"), "deepseek-r1");
    EXPECT_EQ(id("deepseek-r1-distill-llama-8b"), "deepseek-r1");
    EXPECT_EQ(id("Qwen/Qwen3-8B"), "chatml-think");
    EXPECT_EQ(id("Qwen/QwQ-32B"), "chatml-think");
    EXPECT_EQ(id("meta-llama/Meta-Llama-3.1-8B-Instruct"), "llama3");
    EXPECT_EQ(id("mistral-7b-instruct"), "none");
    EXPECT_EQ(id("Qwen/Qwen3-8B", "llama3"), "llama3");
    EXPECT_EQ(id("Qwen/Qwen3-8B", "no-such-template"), "none");
}

TEST(ChatTemplate, RendersTheConversationAndContinuesTheAssistantTurn) {
    const ChatTemplate* chatml = chooseChatTemplate(builtinChatTemplates(), "qwen3-8b");
    ASSERT_NE(chatml, nullptr);
    const std::vector<Message> messages = {{Role::System, "Be terse."}, {Role::User, "Rate it."}};
    EXPECT_EQ(renderPrefill(*chatml, messages, "The user rates low. I should cite [P1]."),
              "<|im_start|>system\nBe terse.<|im_end|>\n<|im_start|>user\nRate it.<|im_end|>\n"
              "<|im_start|>assistant\n<think>\nThe user rates low. I should cite [P1].");
    const ChatTemplate* r1 =
        chooseChatTemplate(builtinChatTemplates(), "DeepSeek-R1-Distill-Qwen-7B");
    EXPECT_EQ(renderPrefill(*r1, messages, ""),
              "<｜begin▁of▁sentence｜>Be terse.<｜User｜>Rate it.<｜Assistant｜><think>\n");

    GenerationRequest chat;
    chat.label = "user 7 · synthesis";
    chat.model = "qwen3-8b";
    chat.messages = messages;
    chat.stop = {"[END]"};
    auto r = prefillRequest(*chatml, chat, "so far");
    EXPECT_EQ(r.endpoint, Endpoint::Completions);
    EXPECT_TRUE(r.messages.empty());
    EXPECT_EQ(r.stop, (std::vector<std::string>{"[END]", "<|im_end|>", "<|endoftext|>"}));
    EXPECT_EQ(r.thinkStart, ThinkSplitter::Start::InReasoning);
    EXPECT_EQ(prefillRequest(*chatml, chat, "done thinking</think>\n").thinkStart,
              ThinkSplitter::Start::Detect);
}

TEST(ChatTemplate, BrokenTemplateFilesNameTheProblem) {
    auto bad =
        parseChatTemplates(R"({"templates": [{"id": "x", "name": "X", "bos": "", "system": "S",)"
                           R"( "user": "{content}", "assistant": "{content}", "generation": ""}]})",
                           "mine.json");
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().message, "mine.json: template x: \"system\" needs {content}");
    const std::string one =
        R"({"id": "a", "name": "A", "bos": "", "system": "{content}", "user": "{content}",)"
        R"( "assistant": "{content}", "generation": ""})";
    auto twice = parseChatTemplates(R"({"templates": [)" + one + "," + one + "]}", "dup.json");
    ASSERT_FALSE(twice.ok());
    EXPECT_NE(twice.error().message.find("appears twice"), std::string::npos);
    EXPECT_FALSE(parseChatTemplates("[1]", "x.json").ok());
}

TEST(ChatTemplate, APrefillContinuationStreamsReasoningThenAnswer) {
    r2p::test::OpenAiTestServer server;
    r2p::test::Script s;
    s.reasoning = "and [P2] agrees with it.";
    s.answer = "2";
    s.reasoningStyle = r2p::test::ReasoningStyle::ClosingTagOnly;
    server.enqueue(s);
    EndpointConfig config;
    config.baseUrl = server.baseUrl();
    OpenAiBackend backend(config);
    GenerationRequest chat;
    chat.label = "user 7 · synthesis";
    chat.model = "qwen3-8b";
    chat.messages = {{Role::User, "Rate it."}};
    const ChatTemplate* t = chooseChatTemplate(builtinChatTemplates(), chat.model);
    auto outcome = backend.generate(prefillRequest(*t, chat, "I should ground this in [P1] "));
    ASSERT_TRUE(succeeded(outcome)) << std::get<BackendError>(outcome).message();
    const auto& r = std::get<GenerationResult>(outcome);
    EXPECT_EQ(r.reasoning, "and [P2] agrees with it.");
    EXPECT_EQ(r.answer, "2");
    const auto sent = server.requests().back();
    EXPECT_EQ(sent.path, "/v1/completions");
    const std::string prompt = (*sent.json)["prompt"];
    EXPECT_TRUE(prompt.size() > 30 &&
                prompt.substr(prompt.size() - 29) == "I should ground this in [P1] ")
        << prompt;
}

TEST(EndpointPresets, CoverTheCommonServers) {
    const auto& presets = builtinEndpointPresets();
    ASSERT_EQ(presets.size(), 5u);
    EXPECT_EQ(presets[0].id, "vllm");
    EXPECT_EQ(presets[0].baseUrl, "http://127.0.0.1:8000/v1");
    EXPECT_EQ(presets[3].baseUrl, "http://127.0.0.1:11434/v1");
    EXPECT_EQ(presets[4].apiKeyEnv, "OPENAI_API_KEY");
    EXPECT_FALSE(presets[4].prefill);
}
