// Tests of the scripted OpenAI-compatible test server, with libcurl as the client (what the real
// client uses), so that what the server puts on the wire is checked byte for byte.
#include "support/OpenAiTestServer.h"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <curl/curl.h>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <memory>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace r2p::test {
namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    ~CurlGlobal() { curl_global_cleanup(); }
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};
const CurlGlobal curlGlobal;

long msSince(Clock::time_point t) {
    return static_cast<long>(
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t).count());
}

// ---- A small libcurl client ------------------------------------------------------------------

struct Response {
    CURLcode code = CURLE_OK;
    long status = 0;
    std::vector<std::string> statusLines;       // "HTTP/1.1 100 Continue" included
    std::map<std::string, std::string> headers; // of the final response, names lowercased
    std::string body;
    int writeCalls = 0;
    long elapsedMs = 0;
    json parsed() const { return json::parse(body); }
};

struct Transfer {
    std::string method = "GET";
    std::string url;
    std::string body;
    std::vector<std::string> headers;
    long timeoutMs = 5000;
    std::function<bool(const Transfer&)> cancel; // asked by the xferinfo callback
    Response res;
    curl_slist* list = nullptr;
    Clock::time_point started;

    Transfer() = default;
    Transfer(const Transfer&) = delete;
    Transfer& operator=(const Transfer&) = delete;
    ~Transfer() { curl_slist_free_all(list); }
};

std::size_t onWrite(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    t->res.body.append(data, size * n);
    ++t->res.writeCalls;
    return size * n;
}

std::size_t onHeader(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(data, size * n);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n'))
        line.pop_back();
    if (line.starts_with("HTTP/")) {
        t->res.statusLines.push_back(line);
        t->res.headers.clear();
    } else if (const auto colon = line.find(':'); colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        t->res.headers[name] = value;
    }
    return size * n;
}

int onProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel(*t) ? 1 : 0;
}

void setUp(CURL* h, Transfer& t) {
    curl_easy_setopt(h, CURLOPT_URL, t.url.c_str());
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_NOPROXY, "*"); // loopback only, whatever the environment says
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, t.timeoutMs);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, onWrite);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
    if (t.cancel) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, onProgress);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, &t);
    }
    if (t.method == "POST") {
        curl_easy_setopt(h, CURLOPT_POST, 1L);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, t.body.data());
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t.body.size()));
        t.headers.push_back("Content-Type: application/json");
    } else if (t.method != "GET") {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, t.method.c_str());
    }
    for (const auto& header : t.headers)
        t.list = curl_slist_append(t.list, header.c_str());
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, t.list);
    t.started = Clock::now();
}

void finish(CURL* h, Transfer& t, CURLcode code) {
    t.res.code = code;
    t.res.elapsedMs = msSince(t.started);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &t.res.status);
}

// One easy handle, reused so keep-alive connections are reused too.
class Client {
public:
    Client() : h_(curl_easy_init()) {}
    ~Client() { curl_easy_cleanup(h_); }
    Client(const Client&) = delete;
    Client& operator=(const Client&) = delete;

    Response run(Transfer& t) {
        curl_easy_reset(h_);
        setUp(h_, t);
        finish(h_, t, curl_easy_perform(h_));
        return t.res;
    }
    Response get(const std::string& url) {
        Transfer t;
        t.url = url;
        return run(t);
    }
    Response post(const std::string& url, const std::string& body,
                  std::vector<std::string> headers = {}) {
        Transfer t;
        t.method = "POST";
        t.url = url;
        t.body = body;
        t.headers = std::move(headers);
        t.timeoutMs = timeoutMs;
        return run(t);
    }
    long timeoutMs = 5000; // posts'; a guard against a hang, not a measure

private:
    CURL* h_ = nullptr;
};

Response post(const std::string& url, const std::string& body) {
    Client c;
    return c.post(url, body);
}

// ---- SSE --------------------------------------------------------------------------------------

// The data of each event, per the SSE rules: LF, CRLF or CR line ends, comments ignored, several
// data lines joined with "\n", an optional space after "data:".
std::vector<std::string> sseData(const std::string& raw) {
    std::vector<std::string> events;
    std::string data;
    bool hasData = false;
    std::size_t i = 0;
    while (i < raw.size()) {
        const std::size_t end = raw.find_first_of("\r\n", i);
        if (end == std::string::npos)
            break; // an unfinished line is not an event
        const std::string line = raw.substr(i, end - i);
        i = end + (raw[end] == '\r' && end + 1 < raw.size() && raw[end + 1] == '\n' ? 2 : 1);
        if (line.empty()) {
            if (hasData)
                events.push_back(data);
            data.clear();
            hasData = false;
            continue;
        }
        if (line[0] == ':')
            continue;
        const auto colon = line.find(':');
        const std::string field = line.substr(0, colon);
        std::string value = colon == std::string::npos ? std::string() : line.substr(colon + 1);
        if (value.starts_with(' '))
            value.erase(0, 1);
        if (field == "data") {
            if (hasData)
                data += '\n';
            data += value;
            hasData = true;
        }
    }
    return events;
}

struct Streamed {
    std::string content;
    std::string reasoningContent;           // delta.reasoning_content
    std::string reasoning;                  // delta.reasoning
    std::vector<json> chunks;               // parsed, error events excluded
    std::vector<json> errors;               // {"error": ...} events
    std::vector<std::string> finishReasons; // non-null ones, in order
    std::optional<json> usage;
    int malformed = 0;
    int dataEvents = 0;
    bool done = false;
    bool doneIsLast = false;
};

Streamed reassemble(const std::string& raw) {
    Streamed s;
    const auto events = sseData(raw);
    for (std::size_t i = 0; i < events.size(); ++i) {
        ++s.dataEvents;
        if (events[i] == "[DONE]") {
            s.done = true;
            s.doneIsLast = i + 1 == events.size();
            continue;
        }
        json j = json::parse(events[i], nullptr, false);
        if (j.is_discarded()) {
            ++s.malformed;
            continue;
        }
        if (j.contains("error")) {
            s.errors.push_back(j);
            continue;
        }
        if (j.contains("usage") && !j["usage"].is_null())
            s.usage = j["usage"];
        for (const auto& c : j["choices"]) {
            if (c.contains("delta")) {
                const auto& d = c["delta"];
                if (d.contains("content") && d["content"].is_string())
                    s.content += d["content"].get<std::string>();
                if (d.contains("reasoning_content") && d["reasoning_content"].is_string())
                    s.reasoningContent += d["reasoning_content"].get<std::string>();
                if (d.contains("reasoning") && d["reasoning"].is_string())
                    s.reasoning += d["reasoning"].get<std::string>();
            }
            if (c.contains("text"))
                s.content += c["text"].get<std::string>();
            if (!c["finish_reason"].is_null())
                s.finishReasons.push_back(c["finish_reason"].get<std::string>());
        }
        s.chunks.push_back(std::move(j));
    }
    return s;
}

std::string chatBody(bool stream, json extra = json::object()) {
    json body = {{"model", "r2p-test-model"},
                 {"messages",
                  {{{"role", "system"}, {"content", "You are terse."}},
                   {{"role", "user"}, {"content", "Say hello to me"}}}},
                 {"stream", stream}};
    body.update(extra);
    return body.dump();
}

const std::string kReasoning = "The user greets me.\nI should greet back,  politely.";
const std::string kAnswer = "Hello!  How can I help you today?\n";
const int kReasoningWords = 9;
const int kAnswerWords = 7;

Script scriptWith(ReasoningStyle style) {
    Script s;
    s.reasoning = kReasoning;
    s.answer = kAnswer;
    s.reasoningStyle = style;
    return s;
}

const std::vector<ReasoningStyle> kStyles = {
    ReasoningStyle::ReasoningField, ReasoningStyle::ReasoningAltField, ReasoningStyle::ThinkTags,
    ReasoningStyle::ClosingTagOnly, ReasoningStyle::None};

// What a client that knows the style reads from the content channel.
std::string expectedContent(ReasoningStyle style) {
    switch (style) {
    case ReasoningStyle::ThinkTags:
        return "<think>" + kReasoning + "</think>" + kAnswer;
    case ReasoningStyle::ClosingTagOnly:
        return kReasoning + "</think>" + kAnswer;
    default:
        return kAnswer;
    }
}

// ---- Basics -----------------------------------------------------------------------------------

TEST(OpenAiTestServer, SplitWordsKeepsEveryCharacter) {
    const auto words = OpenAiTestServer::splitWords("  one two\n\nthree  ");
    EXPECT_EQ(words, (std::vector<std::string>{"  one ", "two\n\n", "three  "}));
    EXPECT_TRUE(OpenAiTestServer::splitWords("").empty());
    EXPECT_EQ(OpenAiTestServer::splitWords(kReasoning).size(), std::size_t{kReasoningWords});
    EXPECT_EQ(OpenAiTestServer::splitWords(kAnswer).size(), std::size_t{kAnswerWords});
}

TEST(OpenAiTestServer, ListsModelsOverOneKeepAliveConnection) {
    ServerOptions options;
    options.models = {"qwen3-8b", "llama-3.1-8b"};
    OpenAiTestServer server(options);
    EXPECT_EQ(server.baseUrl(), "http://127.0.0.1:" + std::to_string(server.port()) + "/v1");
    EXPECT_NE(server.port(), 0);

    Client client;
    const Response r = client.get(server.baseUrl() + "/models");
    ASSERT_EQ(r.code, CURLE_OK);
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.headers.at("content-type"), "application/json");
    const json j = r.parsed();
    EXPECT_EQ(j["object"], "list");
    ASSERT_EQ(j["data"].size(), 2u);
    EXPECT_EQ(j["data"][0]["id"], "qwen3-8b");
    EXPECT_EQ(j["data"][0]["object"], "model");
    EXPECT_EQ(j["data"][0]["owned_by"], "r2p-test");
    EXPECT_EQ(j["data"][1]["id"], "llama-3.1-8b");

    server.setModels({"other"});
    const Response again = client.get(server.baseUrl() + "/models");
    EXPECT_EQ(again.parsed()["data"][0]["id"], "other");
    EXPECT_EQ(server.connectionCount(), 1u);
    const auto reqs = server.requests();
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[0].connectionId, reqs[1].connectionId);
}

TEST(OpenAiTestServer, RecordsEveryRequest) {
    OpenAiTestServer server;
    Client client;
    const auto before = Clock::now();
    client.post(server.baseUrl() + "/chat/completions?trace=1", chatBody(false),
                {"Authorization: Bearer sk-test", "X-Custom-Header: Yes"});
    client.get(server.baseUrl() + "/models");
    ASSERT_TRUE(server.waitForRequests(2, 1s));
    EXPECT_FALSE(server.waitForRequests(3, 20ms));
    EXPECT_EQ(server.requestCount(), 2u);

    const auto reqs = server.requests();
    const RecordedRequest& chat = reqs[0];
    EXPECT_EQ(chat.method, "POST");
    EXPECT_EQ(chat.path, "/v1/chat/completions");
    EXPECT_EQ(chat.query, "trace=1");
    EXPECT_EQ(chat.headers.at("authorization"), "Bearer sk-test");
    EXPECT_EQ(chat.headers.at("x-custom-header"), "Yes");
    EXPECT_EQ(chat.headers.at("content-type"), "application/json");
    EXPECT_EQ(chat.body, chatBody(false));
    ASSERT_TRUE(chat.json.has_value());
    EXPECT_EQ((*chat.json)["messages"][1]["content"], "Say hello to me");
    EXPECT_GE(chat.receivedAt, before);
    EXPECT_EQ(reqs[1].method, "GET");
    EXPECT_FALSE(reqs[1].json.has_value());

    server.clear();
    EXPECT_EQ(server.requestCount(), 0u);
    EXPECT_EQ(server.connectionCount(), 1u);
}

TEST(OpenAiTestServer, ScriptsComeFromRulesThenQueueThenDefault) {
    OpenAiTestServer server;
    Script fallback;
    fallback.answer = "default";
    server.setDefaultScript(fallback);
    Script first, second, rule;
    first.answer = "first";
    second.answer = "second";
    rule.answer = "synthesised";
    server.enqueue(first);
    server.enqueue(second);
    server.when("synthesis", rule);
    EXPECT_EQ(server.queuedScripts(), 2u);

    const auto ask = [&](const std::string& prompt) {
        const json body = {{"messages", {{{"role", "user"}, {"content", prompt}}}}};
        return post(server.baseUrl() + "/chat/completions", body.dump())
            .parsed()["choices"][0]["message"]["content"]
            .get<std::string>();
    };
    EXPECT_EQ(ask("please do the synthesis"), "synthesised");
    EXPECT_EQ(ask("a"), "first");
    EXPECT_EQ(ask("again the synthesis step"), "synthesised"); // rules stay
    EXPECT_EQ(ask("b"), "second");
    EXPECT_EQ(ask("c"), "default");
    server.clearScripts();
    EXPECT_EQ(ask("synthesis"), "default");
}

// ---- Chat, completions, embeddings -----------------------------------------------------------

TEST(OpenAiTestServer, NonStreamingChatForEachReasoningStyle) {
    OpenAiTestServer server;
    for (const ReasoningStyle style : kStyles) {
        SCOPED_TRACE(static_cast<int>(style));
        server.enqueue(scriptWith(style));
        const Response r = post(server.baseUrl() + "/chat/completions", chatBody(false));
        ASSERT_EQ(r.status, 200);
        EXPECT_EQ(r.headers.at("content-type"), "application/json");
        const json j = r.parsed();
        EXPECT_EQ(j["object"], "chat.completion");
        EXPECT_TRUE(j["id"].get<std::string>().starts_with("chatcmpl-"));
        EXPECT_EQ(j["model"], "r2p-test-model");
        const json& choice = j["choices"][0];
        EXPECT_EQ(choice["index"], 0);
        EXPECT_EQ(choice["finish_reason"], "stop");
        const json& message = choice["message"];
        EXPECT_EQ(message["role"], "assistant");
        EXPECT_EQ(message["content"], expectedContent(style));
        EXPECT_EQ(message.contains("reasoning_content"), style == ReasoningStyle::ReasoningField);
        EXPECT_EQ(message.contains("reasoning"), style == ReasoningStyle::ReasoningAltField);
        if (style == ReasoningStyle::ReasoningField) {
            EXPECT_EQ(message["reasoning_content"], kReasoning);
        }
        if (style == ReasoningStyle::ReasoningAltField) {
            EXPECT_EQ(message["reasoning"], kReasoning);
        }

        const json& usage = j["usage"];
        const bool reasons = style != ReasoningStyle::None;
        EXPECT_EQ(usage["prompt_tokens"], 7); // "You are terse." + "Say hello to me"
        EXPECT_EQ(usage["completion_tokens"], kAnswerWords + (reasons ? kReasoningWords : 0));
        EXPECT_EQ(usage["total_tokens"],
                  usage["prompt_tokens"].get<int>() + usage["completion_tokens"].get<int>());
        EXPECT_EQ(usage.contains("completion_tokens_details"), reasons);
        if (reasons) {
            EXPECT_EQ(usage["completion_tokens_details"]["reasoning_tokens"], kReasoningWords);
        }
    }
}

TEST(OpenAiTestServer, StreamingChatReassemblesTheExactTextForEachReasoningStyle) {
    OpenAiTestServer server;
    for (const int perChunk : {1, 3}) {
        for (const ReasoningStyle style : kStyles) {
            SCOPED_TRACE(std::to_string(static_cast<int>(style)) + " words/chunk " +
                         std::to_string(perChunk));
            Script script = scriptWith(style);
            script.wordsPerChunk = perChunk;
            server.enqueue(script);
            const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
            ASSERT_EQ(r.code, CURLE_OK);
            ASSERT_EQ(r.status, 200);
            EXPECT_EQ(r.headers.at("content-type"), "text/event-stream; charset=utf-8");
            EXPECT_EQ(r.headers.at("transfer-encoding"), "chunked");

            const Streamed s = reassemble(r.body);
            EXPECT_EQ(s.content, expectedContent(style));
            EXPECT_EQ(s.reasoningContent,
                      style == ReasoningStyle::ReasoningField ? kReasoning : "");
            EXPECT_EQ(s.reasoning, style == ReasoningStyle::ReasoningAltField ? kReasoning : "");
            EXPECT_TRUE(s.doneIsLast);
            EXPECT_EQ(s.malformed, 0);
            EXPECT_FALSE(s.usage.has_value());
            EXPECT_EQ(s.finishReasons, std::vector<std::string>{"stop"});

            ASSERT_GE(s.chunks.size(), 2u);
            const json& first = s.chunks.front();
            EXPECT_EQ(first["object"], "chat.completion.chunk");
            EXPECT_TRUE(first["id"].get<std::string>().starts_with("chatcmpl-"));
            EXPECT_EQ(first["choices"][0]["delta"], json({{"role", "assistant"}, {"content", ""}}));
            EXPECT_TRUE(first["choices"][0]["logprobs"].is_null());
            EXPECT_TRUE(first["choices"][0]["finish_reason"].is_null());
            EXPECT_EQ(s.chunks.back()["choices"][0]["finish_reason"], "stop");
            for (const auto& c : s.chunks)
                EXPECT_EQ(c["id"], first["id"]);
            // Words per chunk: the role chunk, then ceil(words / perChunk) (+ tags).
            const auto groups = [&](int words) {
                return (words + perChunk - 1) / perChunk;
            };
            std::size_t expected = 1 + static_cast<std::size_t>(groups(kAnswerWords));
            if (style == ReasoningStyle::ThinkTags)
                expected += static_cast<std::size_t>(groups(kReasoningWords)) + 2;
            else if (style == ReasoningStyle::ClosingTagOnly)
                expected += static_cast<std::size_t>(groups(kReasoningWords)) + 1;
            else if (style != ReasoningStyle::None)
                expected += static_cast<std::size_t>(groups(kReasoningWords));
            EXPECT_EQ(s.chunks.size(), expected);
        }
    }
    // The SSE framing itself, as vLLM writes it.
    Script plain;
    plain.answer = "Hi";
    plain.reasoningStyle = ReasoningStyle::None;
    server.enqueue(plain);
    const std::string raw = post(server.baseUrl() + "/chat/completions", chatBody(true)).body;
    EXPECT_TRUE(raw.starts_with("data: {\"id\":\"chatcmpl-")) << raw;
    EXPECT_NE(raw.find("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
                       "\"\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n"),
              std::string::npos)
        << raw;
    EXPECT_TRUE(raw.ends_with("}\n\ndata: [DONE]\n\n")) << raw;
}

TEST(OpenAiTestServer, UsageChunkOnlyWhenAsked) {
    OpenAiTestServer server;
    server.setDefaultScript(scriptWith(ReasoningStyle::ReasoningField));
    const Streamed without =
        reassemble(post(server.baseUrl() + "/chat/completions", chatBody(true)).body);
    EXPECT_FALSE(without.usage.has_value());
    const Streamed withFalse =
        reassemble(post(server.baseUrl() + "/chat/completions",
                        chatBody(true, {{"stream_options", {{"include_usage", false}}}}))
                       .body);
    EXPECT_FALSE(withFalse.usage.has_value());

    const Streamed with =
        reassemble(post(server.baseUrl() + "/chat/completions",
                        chatBody(true, {{"stream_options", {{"include_usage", true}}}}))
                       .body);
    ASSERT_TRUE(with.usage.has_value());
    EXPECT_TRUE(with.doneIsLast);
    const json& last = with.chunks.back();
    EXPECT_TRUE(last["choices"].is_array());
    EXPECT_TRUE(last["choices"].empty());
    EXPECT_EQ(last["object"], "chat.completion.chunk");
    EXPECT_EQ((*with.usage)["prompt_tokens"], 7);
    EXPECT_EQ((*with.usage)["completion_tokens"], kReasoningWords + kAnswerWords);
    EXPECT_EQ((*with.usage)["total_tokens"], 7 + kReasoningWords + kAnswerWords);
    EXPECT_EQ((*with.usage)["completion_tokens_details"]["reasoning_tokens"], kReasoningWords);
    // The finish reason rides on the last content chunk, before the usage chunk.
    EXPECT_EQ(with.chunks[with.chunks.size() - 2]["choices"][0]["finish_reason"], "stop");

    Script counted = scriptWith(ReasoningStyle::None);
    counted.promptTokens = 1000;
    counted.completionTokens = 20;
    server.enqueue(counted);
    const Streamed overridden =
        reassemble(post(server.baseUrl() + "/chat/completions",
                        chatBody(true, {{"stream_options", {{"include_usage", true}}}}))
                       .body);
    ASSERT_TRUE(overridden.usage.has_value());
    EXPECT_EQ(*overridden.usage,
              json({{"prompt_tokens", 1000}, {"completion_tokens", 20}, {"total_tokens", 1020}}));
}

TEST(OpenAiTestServer, CompletionsEndpoint) {
    OpenAiTestServer server;
    server.setDefaultScript(scriptWith(ReasoningStyle::ThinkTags));
    const json request = {{"model", "base"}, {"prompt", "Once upon a time"}};
    const Response r = post(server.baseUrl() + "/completions", request.dump());
    ASSERT_EQ(r.status, 200);
    const json j = r.parsed();
    EXPECT_EQ(j["object"], "text_completion");
    EXPECT_TRUE(j["id"].get<std::string>().starts_with("cmpl-"));
    EXPECT_EQ(j["model"], "base");
    EXPECT_EQ(j["choices"][0]["text"], expectedContent(ReasoningStyle::ThinkTags));
    EXPECT_EQ(j["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(j["usage"]["prompt_tokens"], 4);

    json streaming = request;
    streaming["stream"] = true;
    streaming["stream_options"] = {{"include_usage", true}};
    const Streamed s = reassemble(post(server.baseUrl() + "/completions", streaming.dump()).body);
    EXPECT_EQ(s.content, expectedContent(ReasoningStyle::ThinkTags));
    EXPECT_TRUE(s.doneIsLast);
    ASSERT_TRUE(s.usage.has_value());
    EXPECT_EQ(s.finishReasons, std::vector<std::string>{"stop"});
    for (const auto& c : s.chunks) {
        EXPECT_EQ(c["object"], "text_completion");
        for (const auto& choice : c["choices"])
            EXPECT_FALSE(choice.contains("delta"));
    }

    // Completions have no reasoning field: field styles send only the answer.
    server.enqueue(scriptWith(ReasoningStyle::ReasoningField));
    EXPECT_EQ(
        post(server.baseUrl() + "/completions", request.dump()).parsed()["choices"][0]["text"],
        kAnswer);
}

TEST(OpenAiTestServer, EmbeddingsAreDeterministicWithTheConfiguredDimension) {
    ServerOptions options;
    options.embeddingDimension = 24;
    OpenAiTestServer server(options);
    const json request = {{"model", "embedder"}, {"input", {"alpha", "beta", "alpha"}}};
    const json a = post(server.baseUrl() + "/embeddings", request.dump()).parsed();
    const json b = post(server.baseUrl() + "/embeddings", request.dump()).parsed();
    EXPECT_EQ(a["object"], "list");
    EXPECT_EQ(a["model"], "embedder");
    ASSERT_EQ(a["data"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_EQ(a["data"][i]["object"], "embedding");
        EXPECT_EQ(a["data"][i]["index"], i);
        EXPECT_EQ(a["data"][i]["embedding"].size(), 24u);
        EXPECT_EQ(a["data"][i]["embedding"], b["data"][i]["embedding"]);
    }
    EXPECT_EQ(a["data"][0]["embedding"], a["data"][2]["embedding"]);
    EXPECT_NE(a["data"][0]["embedding"], a["data"][1]["embedding"]);
    const auto alpha = a["data"][0]["embedding"].get<std::vector<float>>();
    EXPECT_EQ(alpha, OpenAiTestServer::embeddingFor("alpha", 24));
    double norm = 0;
    for (const float x : alpha)
        norm += double{x} * double{x};
    EXPECT_NEAR(norm, 1.0, 1e-5);
    EXPECT_EQ(a["usage"]["prompt_tokens"], 3);

    const json single = {{"input", "alpha"}, {"dimensions", 5}};
    const json c = post(server.baseUrl() + "/embeddings", single.dump()).parsed();
    ASSERT_EQ(c["data"].size(), 1u);
    EXPECT_EQ(c["data"][0]["embedding"].get<std::vector<float>>(),
              OpenAiTestServer::embeddingFor("alpha", 5));
    server.setEmbeddingDimension(3);
    EXPECT_EQ(post(server.baseUrl() + "/embeddings", json({{"input", "x"}}).dump())
                  .parsed()["data"][0]["embedding"]
                  .size(),
              3u);
    EXPECT_EQ(post(server.baseUrl() + "/embeddings", json({{"input", 5}}).dump()).status, 400);
}

// /tokenize byte for byte as each server sends it: vLLM (root only, pydantic's field order, a
// null token_strs), SGLang (root and /v1, its own order), llama-server ({"tokens"} only, no
// tokens without "content"); Ollama and hosted APIs have no such route.
TEST(OpenAiTestServer, TokenizeAnswersAsEachServerDoes) {
    OpenAiTestServer server;
    const std::string root = "http://127.0.0.1:" + std::to_string(server.port());
    EXPECT_EQ(OpenAiTestServer::tokenPieces("Hi, you!  ok"),
              (std::vector<std::string>{"Hi", ",", "you", "!", "ok"}));
    const auto ids = OpenAiTestServer::tokenIds("Hi, you!");
    ASSERT_EQ(ids.size(), 4u);
    std::string list;
    for (int id : ids)
        list += (list.empty() ? "" : ",") + std::to_string(id);
    const std::string openAiBody = R"({"model":"m","prompt":"Hi, you!"})";

    Response vllm = post(root + "/tokenize", openAiBody);
    EXPECT_EQ(vllm.status, 200);
    EXPECT_EQ(vllm.headers["content-type"], "application/json");
    EXPECT_EQ(vllm.body,
              R"({"count":4,"max_model_len":32768,"tokens":[)" + list + R"(],"token_strs":null})");
    EXPECT_EQ(post(root + "/v1/tokenize", openAiBody).status, 404);
    EXPECT_EQ(post(root + "/tokenize", R"({"model":"m"})").status, 400);

    server.setFlavor(ServerFlavor::Sglang);
    for (const char* path : {"/tokenize", "/v1/tokenize"}) {
        Response sglang = post(root + path, openAiBody);
        EXPECT_EQ(sglang.status, 200);
        EXPECT_EQ(sglang.body, R"({"tokens":[)" + list + R"(],"count":4,"max_model_len":32768})");
    }

    server.setFlavor(ServerFlavor::LlamaServer);
    Response llama = post(root + "/tokenize", R"({"content":"Hi, you!"})");
    EXPECT_EQ(llama.status, 200);
    EXPECT_EQ(llama.headers["content-type"], "application/json; charset=utf-8");
    EXPECT_EQ(llama.body, R"({"tokens":[)" + list + "]}");
    EXPECT_EQ(post(root + "/tokenize", openAiBody).body, R"({"tokens":[]})");

    for (ServerFlavor f : {ServerFlavor::Ollama, ServerFlavor::Hosted}) {
        server.setFlavor(f);
        EXPECT_EQ(post(root + "/tokenize", openAiBody).status, 404);
    }
}

TEST(OpenAiTestServer, ErrorsHaveOpenAiBodies) {
    OpenAiTestServer server;
    Client client;
    const Response notFound = client.get(server.baseUrl() + "/nope");
    EXPECT_EQ(notFound.status, 404);
    const json nf = notFound.parsed();
    EXPECT_EQ(nf["error"]["type"], "invalid_request_error");
    EXPECT_EQ(nf["error"]["code"], 404);
    EXPECT_FALSE(nf["error"]["message"].get<std::string>().empty());

    const Response malformed = client.post(server.baseUrl() + "/chat/completions", "{\"model\": ");
    EXPECT_EQ(malformed.status, 400);
    const json mf = malformed.parsed();
    EXPECT_EQ(mf["error"]["type"], "invalid_request_error");
    EXPECT_EQ(mf["error"]["code"], 400);

    EXPECT_EQ(client.post(server.baseUrl() + "/chat/completions", "{}").status, 400);
    EXPECT_EQ(client.post(server.baseUrl() + "/completions", "{}").status, 400);
    EXPECT_EQ(client.get(server.baseUrl() + "/chat/completions").status, 405);
    EXPECT_EQ(client.post(server.baseUrl() + "/models", "{}").status, 405);
    // Errors keep the connection; no script was used up by them.
    EXPECT_EQ(server.connectionCount(), 1u);
    EXPECT_EQ(client.post(server.baseUrl() + "/chat/completions", chatBody(false)).status, 200);
}

TEST(OpenAiTestServer, ApiKeyAndUnknownModelsCanBeEnforced) {
    ServerOptions options;
    options.apiKey = "sk-local";
    options.rejectUnknownModels = true;
    OpenAiTestServer server(options);
    Client client;
    const Response missing = client.post(server.baseUrl() + "/chat/completions", chatBody(false));
    EXPECT_EQ(missing.status, 401);
    EXPECT_EQ(missing.parsed()["error"]["code"], 401);
    const Response ok = client.post(server.baseUrl() + "/chat/completions", chatBody(false),
                                    {"Authorization: Bearer sk-local"});
    EXPECT_EQ(ok.status, 200);
    const Response unknown =
        client.post(server.baseUrl() + "/chat/completions", chatBody(false, {{"model", "gpt-9"}}),
                    {"Authorization: Bearer sk-local"});
    EXPECT_EQ(unknown.status, 404);
    EXPECT_NE(unknown.parsed()["error"]["message"].get<std::string>().find("gpt-9"),
              std::string::npos);
}

TEST(OpenAiTestServer, StopSequencesAndMaxTokens) {
    OpenAiTestServer server;
    Script s;
    s.answer = "alpha beta gamma delta epsilon";
    s.reasoningStyle = ReasoningStyle::None;
    server.setDefaultScript(s);
    const auto chat = [&](json extra) {
        return post(server.baseUrl() + "/chat/completions", chatBody(false, std::move(extra)))
            .parsed();
    };

    json j = chat({{"stop", {"delta", "gamma"}}});
    EXPECT_EQ(j["choices"][0]["message"]["content"], "alpha beta ");
    EXPECT_EQ(j["choices"][0]["finish_reason"], "stop");
    EXPECT_EQ(j["choices"][0]["stop_reason"], "gamma");
    EXPECT_EQ(j["usage"]["completion_tokens"], 2);
    j = chat({{"stop", "zeta"}}); // no match
    EXPECT_EQ(j["choices"][0]["message"]["content"], s.answer);
    EXPECT_TRUE(j["choices"][0]["stop_reason"].is_null());

    j = chat({{"max_tokens", 2}});
    EXPECT_EQ(j["choices"][0]["message"]["content"], "alpha beta ");
    EXPECT_EQ(j["choices"][0]["finish_reason"], "length");
    j = chat({{"max_completion_tokens", 4}, {"stop", "gamma"}}); // the stop comes first
    EXPECT_EQ(j["choices"][0]["message"]["content"], "alpha beta ");
    EXPECT_EQ(j["choices"][0]["finish_reason"], "stop");

    // Reasoning words count toward max_tokens; cut inside the reasoning, no answer follows.
    Script thinking;
    thinking.reasoning = "r1 r2 r3";
    thinking.answer = "a1 a2";
    thinking.reasoningStyle = ReasoningStyle::ReasoningField;
    server.enqueue(thinking);
    j = chat({{"max_tokens", 2}});
    EXPECT_EQ(j["choices"][0]["message"]["reasoning_content"], "r1 r2 ");
    EXPECT_EQ(j["choices"][0]["message"]["content"], "");
    EXPECT_EQ(j["choices"][0]["finish_reason"], "length");
    thinking.reasoningStyle = ReasoningStyle::ThinkTags;
    server.enqueue(thinking);
    const Streamed st = reassemble(
        post(server.baseUrl() + "/chat/completions", chatBody(true, {{"max_tokens", 4}})).body);
    EXPECT_EQ(st.content, "<think>r1 r2 r3</think>a1 ");
    EXPECT_EQ(st.finishReasons, std::vector<std::string>{"length"});

    const Streamed stopped = reassemble(
        post(server.baseUrl() + "/chat/completions", chatBody(true, {{"stop", {"delta"}}})).body);
    EXPECT_EQ(stopped.content, "alpha beta gamma ");
    EXPECT_EQ(stopped.finishReasons, std::vector<std::string>{"stop"});

    Script longer = s;
    longer.finishReason = "length";
    server.enqueue(longer);
    EXPECT_EQ(chat(json::object())["choices"][0]["finish_reason"], "length");
}

// ---- Faults -----------------------------------------------------------------------------------

TEST(OpenAiTestServerFaults, RateLimitTwiceThenSuccess) {
    OpenAiTestServer server;
    Script limited;
    limited.fault = Fault::Status429;
    limited.retryAfterSeconds = 3;
    server.enqueue(limited);
    server.enqueue(limited);
    server.enqueue(scriptWith(ReasoningStyle::None));
    Client client;
    for (int i = 0; i < 2; ++i) {
        const Response r = client.post(server.baseUrl() + "/chat/completions", chatBody(true));
        EXPECT_EQ(r.status, 429);
        EXPECT_EQ(r.headers.at("retry-after"), "3");
        const json j = r.parsed();
        EXPECT_EQ(j["error"]["code"], 429);
        EXPECT_EQ(j["error"]["type"], "rate_limit_error");
    }
    const Response ok = client.post(server.baseUrl() + "/chat/completions", chatBody(true));
    EXPECT_EQ(ok.status, 200);
    EXPECT_EQ(reassemble(ok.body).content, kAnswer);
    EXPECT_EQ(server.connectionCount(), 1u);
    EXPECT_EQ(server.queuedScripts(), 0u);
}

TEST(OpenAiTestServerFaults, ServerAndRequestErrors) {
    OpenAiTestServer server;
    Script s500;
    s500.fault = Fault::Status500;
    Script s400;
    s400.fault = Fault::Status400;
    s400.errorMessage = "This model's maximum context length is 4096 tokens.";
    server.enqueue(s500);
    server.enqueue(s400);
    const Response r500 = post(server.baseUrl() + "/chat/completions", chatBody(true));
    EXPECT_EQ(r500.status, 500);
    EXPECT_EQ(r500.parsed()["error"]["type"], "server_error");
    EXPECT_EQ(r500.parsed()["error"]["code"], 500);
    EXPECT_EQ(r500.headers.count("retry-after"), 0u);
    const Response r400 = post(server.baseUrl() + "/chat/completions", chatBody(false));
    EXPECT_EQ(r400.status, 400);
    EXPECT_EQ(r400.parsed()["error"]["type"], "invalid_request_error");
    EXPECT_EQ(r400.parsed()["error"]["message"], s400.errorMessage);
}

TEST(OpenAiTestServerFaults, MalformedChunkMidStream) {
    OpenAiTestServer server;
    Script s = scriptWith(ReasoningStyle::None);
    s.fault = Fault::MalformedChunk;
    s.faultAfterEvents = 2;
    server.enqueue(s);
    const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
    ASSERT_EQ(r.code, CURLE_OK);
    const auto events = sseData(r.body);
    ASSERT_GT(events.size(), 3u);
    EXPECT_TRUE(json::parse(events[2], nullptr, false).is_discarded()) << events[2];
    const Streamed st = reassemble(r.body);
    EXPECT_EQ(st.malformed, 1);
    EXPECT_EQ(st.content, kAnswer); // the good chunks still carry all of it
    EXPECT_TRUE(st.doneIsLast);

    s.fault = Fault::MalformedChunk;
    server.enqueue(s);
    const Response plain = post(server.baseUrl() + "/chat/completions", chatBody(false));
    EXPECT_EQ(plain.status, 200);
    EXPECT_TRUE(json::parse(plain.body, nullptr, false).is_discarded());
}

TEST(OpenAiTestServerFaults, ErrorEventInStream) {
    OpenAiTestServer server;
    Script s = scriptWith(ReasoningStyle::ReasoningField);
    s.fault = Fault::ErrorInStream;
    s.faultAfterEvents = 3;
    s.errorMessage = "CUDA out of memory";
    server.enqueue(s);
    const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
    ASSERT_EQ(r.code, CURLE_OK);
    EXPECT_EQ(r.status, 200);
    const auto events = sseData(r.body);
    ASSERT_EQ(events.size(), 4u);
    const json error = json::parse(events[3]);
    EXPECT_EQ(error["error"]["message"], "CUDA out of memory");
    EXPECT_EQ(error["error"]["type"], "server_error");
    EXPECT_EQ(error["error"]["code"], 500);
    EXPECT_FALSE(reassemble(r.body).done);

    s.doneAfterError = true; // vLLM sends [DONE] after its error event
    server.enqueue(s);
    const Streamed st =
        reassemble(post(server.baseUrl() + "/chat/completions", chatBody(true)).body);
    EXPECT_EQ(st.errors.size(), 1u);
    EXPECT_TRUE(st.doneIsLast);
}

TEST(OpenAiTestServerFaults, DisconnectMidStreamWithoutDone) {
    OpenAiTestServer server;
    Script s = scriptWith(ReasoningStyle::None);
    s.fault = Fault::DisconnectMidStream;
    s.faultAfterEvents = 3;
    server.enqueue(s);
    const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
    EXPECT_EQ(r.code, CURLE_PARTIAL_FILE); // the chunked body never ended
    EXPECT_EQ(r.status, 200);
    const Streamed st = reassemble(r.body);
    EXPECT_EQ(st.dataEvents, 3);
    EXPECT_FALSE(st.done);
    EXPECT_TRUE(st.finishReasons.empty());
    EXPECT_TRUE(r.body.ends_with("\n\n"));

    server.enqueue(s);
    const Response plain = post(server.baseUrl() + "/chat/completions", chatBody(false));
    EXPECT_EQ(plain.code, CURLE_PARTIAL_FILE);
    EXPECT_EQ(server.connectionCount(), 2u); // the server closed the first connection
}

TEST(OpenAiTestServerFaults, DripDeliversTheSameBytesOneAtATime) {
    OpenAiTestServer server;
    for (const bool crlf : {false, true}) {
        SCOPED_TRACE(crlf ? "CRLF" : "LF");
        Script s;
        s.reasoning = "Short thought.";
        s.answer = "Short answer here.";
        s.crlf = crlf;
        s.responseId = "chatcmpl-fixed";
        s.created = 1700000000;
        s.dripPauseUs = 20;
        server.enqueue(s);
        s.fault = Fault::DripByteByByte;
        server.enqueue(s);
        const std::string body = chatBody(true, {{"stream_options", {{"include_usage", true}}}});
        const Response whole = post(server.baseUrl() + "/chat/completions", body);
        const Response drip = post(server.baseUrl() + "/chat/completions", body);
        ASSERT_EQ(drip.code, CURLE_OK);
        EXPECT_EQ(drip.body, whole.body);
        EXPECT_EQ(drip.body.find("\r\n") != std::string::npos, crlf);
        // One HTTP chunk per byte: libcurl hands over about one byte per call.
        EXPECT_GT(drip.writeCalls, static_cast<int>(drip.body.size() / 2));
        EXPECT_LT(whole.writeCalls, static_cast<int>(whole.body.size() / 10));
        const Streamed st = reassemble(drip.body);
        EXPECT_EQ(st.reasoningContent, "Short thought.");
        EXPECT_EQ(st.content, "Short answer here.");
        EXPECT_TRUE(st.doneIsLast);
    }
}

TEST(OpenAiTestServerFaults, NeverEndingStreamIsCancelledByTheClientQuickly) {
    auto server = std::make_unique<OpenAiTestServer>();
    Script s = scriptWith(ReasoningStyle::None);
    s.fault = Fault::NeverEnds;
    s.faultAfterEvents = 3;
    server->enqueue(s);

    // As the real client does: a multi handle and a cancel flag the xferinfo callback reads.
    std::atomic<bool> cancel{false};
    Transfer t;
    t.method = "POST";
    t.url = server->baseUrl() + "/chat/completions";
    t.body = chatBody(true);
    t.cancel = [&](const Transfer&) {
        return cancel.load();
    };
    CURL* h = curl_easy_init();
    CURLM* m = curl_multi_init();
    setUp(h, t);
    curl_multi_add_handle(m, h);
    Clock::time_point cancelledAt;
    std::optional<CURLcode> result;
    while (!result && msSince(t.started) < 5000) {
        int running = 0;
        curl_multi_perform(m, &running);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(m, &queued))
            if (msg->msg == CURLMSG_DONE)
                result = msg->data.result;
        if (!cancel && sseData(t.res.body).size() == 3) {
            // The stream has gone quiet; give it a moment so the cancel lands in the silence.
            std::this_thread::sleep_for(30ms);
            cancel = true;
            cancelledAt = Clock::now();
        }
        if (!result)
            curl_multi_poll(m, nullptr, 0, 10, nullptr);
    }
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(*result, CURLE_ABORTED_BY_CALLBACK);
    EXPECT_LT(msSince(cancelledAt), 1000); // promptly, not never; bench_llm measures latency
    EXPECT_EQ(sseData(t.res.body).size(), 3u);
    curl_multi_remove_handle(m, h);
    curl_easy_cleanup(h); // closes the connection
    curl_multi_cleanup(m);

    // The server notices the client went away and ends that connection on its own.
    const auto waitStart = Clock::now();
    while (server->openConnections() > 0 && msSince(waitStart) < 1000)
        std::this_thread::sleep_for(1ms);
    EXPECT_EQ(server->openConnections(), 0u);
    const auto destroyStart = Clock::now();
    server.reset();
    EXPECT_LT(msSince(destroyStart), 1000); // promptly, not never; bench_llm measures latency
}

TEST(OpenAiTestServerFaults, StopIsPromptWithAStreamInProgressAndAnIdleConnection) {
    auto server = std::make_unique<OpenAiTestServer>();
    Script s = scriptWith(ReasoningStyle::None);
    s.fault = Fault::NeverEnds;
    s.faultAfterEvents = 2;
    server->enqueue(s);
    const std::string url = server->baseUrl() + "/chat/completions";

    // A client that connects and never sends anything.
    const int idle = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(server->port());
    ASSERT_EQ(::connect(idle, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);

    std::atomic<int> events{0};
    Response streamed;
    std::thread client([&] {
        Transfer t;
        t.method = "POST";
        t.url = url;
        t.body = chatBody(true);
        t.cancel = [&](const Transfer& tr) {
            events = static_cast<int>(sseData(tr.res.body).size());
            return false;
        };
        Client c;
        streamed = c.run(t);
    });
    const auto waitStart = Clock::now();
    while (events < 2 && msSince(waitStart) < 3000)
        std::this_thread::sleep_for(1ms);
    ASSERT_EQ(events, 2);
    EXPECT_EQ(server->openConnections(), 2u);

    const auto stopStart = Clock::now();
    server.reset();
    EXPECT_LT(msSince(stopStart), 1000); // promptly, not never; bench_llm measures latency
    client.join();
    EXPECT_EQ(streamed.code, CURLE_PARTIAL_FILE);
    char byte = 0;
    EXPECT_EQ(::recv(idle, &byte, 1, 0), 0); // the idle connection was closed too
    ::close(idle);
}

TEST(OpenAiTestServerFaults, CommentsAndMultilineEvents) {
    OpenAiTestServer server;
    Script s = scriptWith(ReasoningStyle::ReasoningField);
    s.fault = Fault::CommentsAndMultiline;
    s.faultAfterEvents = 2;
    server.enqueue(s);
    const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
    ASSERT_EQ(r.code, CURLE_OK);
    EXPECT_TRUE(r.body.starts_with(": keep-alive\n\n"));
    const auto events = sseData(r.body);
    const auto multi = std::count_if(events.begin(), events.end(), [](const std::string& e) {
        return e.find('\n') != std::string::npos;
    });
    EXPECT_EQ(multi, 1);
    EXPECT_NE(events[2].find('\n'), std::string::npos); // event #2 is the split one
    // Two data lines in a row, split between JSON tokens, after a comment line.
    EXPECT_NE(r.body.find(",\ndata: \"choices\":"), std::string::npos) << r.body;
    const Streamed st = reassemble(r.body);
    EXPECT_EQ(st.malformed, 0);
    EXPECT_EQ(st.reasoningContent, kReasoning);
    EXPECT_EQ(st.content, kAnswer);
    EXPECT_TRUE(st.doneIsLast);
    std::size_t comments = 0;
    for (std::size_t pos = 0; (pos = r.body.find(": keep-alive\n", pos)) != std::string::npos;
         ++pos)
        ++comments;
    EXPECT_GT(comments, 3u);
}

TEST(OpenAiTestServerFaults, CrlfLineEndings) {
    OpenAiTestServer server;
    Script s = scriptWith(ReasoningStyle::ThinkTags);
    s.fault = Fault::Crlf;
    server.enqueue(s);
    const Response r = post(server.baseUrl() + "/chat/completions", chatBody(true));
    ASSERT_EQ(r.code, CURLE_OK);
    EXPECT_TRUE(r.body.ends_with("data: [DONE]\r\n\r\n"));
    for (std::size_t i = 0; i < r.body.size(); ++i) {
        if (r.body[i] == '\n') {
            ASSERT_TRUE(i > 0 && r.body[i - 1] == '\r') << "bare LF at " << i;
        }
    }
    const Streamed st = reassemble(r.body);
    EXPECT_EQ(st.content, expectedContent(ReasoningStyle::ThinkTags));
    EXPECT_TRUE(st.doneIsLast);
}

TEST(OpenAiTestServerFaults, DelaysBeforeTheFirstChunkAndBetweenChunks) {
    OpenAiTestServer server;
    Script s;
    s.answer = "one two three four five";
    s.reasoningStyle = ReasoningStyle::None;
    s.fault = Fault::Delay;
    s.firstChunkDelayMs = 60;
    s.chunkDelayMs = 10;
    server.enqueue(s);
    server.enqueue(s);
    const Response streamed = post(server.baseUrl() + "/chat/completions", chatBody(true));
    EXPECT_EQ(reassemble(streamed.body).content, s.answer);
    EXPECT_GE(streamed.elapsedMs, 60 + 4 * 10);
    EXPECT_LT(streamed.elapsedMs, 1000);
    const Response whole = post(server.baseUrl() + "/chat/completions", chatBody(false));
    EXPECT_GE(whole.elapsedMs, 60 + 4 * 10);
}

// ---- Load and HTTP details --------------------------------------------------------------------

TEST(OpenAiTestServer, SixtyFourConcurrentStreams) {
    OpenAiTestServer server;
    Script s;
    s.reasoning = "thinking in parallel";
    s.answer = "one two three four five six seven eight";
    s.chunkDelayMs = 15;
    // Every stream waits long enough for all 64 to connect, also on a slow machine (under
    // ThreadSanitizer connecting them takes over half a second): they must overlap.
    s.firstChunkDelayMs = 1500;
    server.setDefaultScript(s);
    constexpr int kStreams = 64;
    std::vector<std::unique_ptr<Transfer>> transfers;
    std::vector<CURL*> handles;
    CURLM* m = curl_multi_init();
    for (int i = 0; i < kStreams; ++i) {
        auto t = std::make_unique<Transfer>();
        t->method = "POST";
        t->url = server.baseUrl() + "/chat/completions";
        t->body = chatBody(true, {{"user", "stream-" + std::to_string(i)}});
        CURL* h = curl_easy_init();
        setUp(h, *t);
        curl_easy_setopt(h, CURLOPT_PRIVATE, t.get());
        curl_multi_add_handle(m, h);
        handles.push_back(h);
        transfers.push_back(std::move(t));
    }
    int running = kStreams;
    int finished = 0;
    const auto start = Clock::now();
    while (finished < kStreams && msSince(start) < 15000) {
        curl_multi_perform(m, &running);
        int queued = 0;
        while (CURLMsg* msg = curl_multi_info_read(m, &queued)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer* t = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &t);
            finish(msg->easy_handle, *t, msg->data.result);
            ++finished;
        }
        if (finished < kStreams)
            curl_multi_poll(m, nullptr, 0, 50, nullptr);
    }
    EXPECT_EQ(finished, kStreams);
    for (const auto& t : transfers) {
        EXPECT_EQ(t->res.code, CURLE_OK);
        const Streamed st = reassemble(t->res.body);
        EXPECT_EQ(st.content, s.answer);
        EXPECT_EQ(st.reasoningContent, s.reasoning);
        EXPECT_TRUE(st.doneIsLast);
    }
    for (CURL* h : handles) {
        curl_multi_remove_handle(m, h);
        curl_easy_cleanup(h);
    }
    curl_multi_cleanup(m);
    EXPECT_EQ(server.requestCount(), std::size_t{kStreams});
    EXPECT_EQ(server.connectionCount(), std::uint64_t{kStreams});
    EXPECT_GE(server.peakActiveRequests(), std::size_t{kStreams / 2}); // they really overlapped
    // A handler counts its request done just after the last bytes leave: under load the client
    // can read them first.
    EXPECT_TRUE(server.waitUntilIdle(std::chrono::seconds(10)));
    EXPECT_EQ(server.activeRequests(), 0u);
}

TEST(OpenAiTestServer, ExpectContinueWithALargeBodyDoesNotStall) {
    OpenAiTestServer server;
    const std::string big(2 << 20, 'x'); // libcurl sends "Expect: 100-continue" above 1 MiB
    const json request = {{"messages", {{{"role", "user"}, {"content", big}}}}};
    Client client;
    // 2 MiB twice through AddressSanitizer on a busy machine took over 5 s (the default guard).
    client.timeoutMs = 60000;
    // The same request without the Expect header times the rest (slow under sanitizers).
    const Response plain =
        client.post(server.baseUrl() + "/chat/completions", request.dump(), {"Expect:"});
    const Response r = client.post(server.baseUrl() + "/chat/completions", request.dump());
    EXPECT_EQ(plain.status, 200);
    EXPECT_EQ(r.status, 200);
    // Without "100 Continue" libcurl would wait a full second before sending the body.
    EXPECT_LT(r.elapsedMs, plain.elapsedMs + 500);
    ASSERT_FALSE(r.statusLines.empty());
    EXPECT_EQ(r.statusLines.front(), "HTTP/1.1 100 Continue");
    const auto reqs = server.requests();
    ASSERT_EQ(reqs.size(), 2u);
    EXPECT_EQ(reqs[0].headers.count("expect"), 0u);
    EXPECT_EQ(reqs[1].headers.at("expect"), "100-continue");
    EXPECT_EQ(reqs[1].body.size(), request.dump().size());
}

std::size_t readFrom(char* buffer, std::size_t size, std::size_t n, void* user) {
    auto* source = static_cast<std::string*>(user);
    const std::size_t count = std::min(size * n, std::min<std::size_t>(source->size(), 1000));
    std::copy_n(source->begin(), count, buffer);
    source->erase(0, count);
    return count;
}

TEST(OpenAiTestServer, ChunkedRequestBody) {
    OpenAiTestServer server;
    const std::string body = chatBody(false, {{"padding", std::string(5000, 'p')}});
    std::string source = body;
    CURL* h = curl_easy_init();
    Transfer t;
    t.url = server.baseUrl() + "/chat/completions";
    t.headers = {"Transfer-Encoding: chunked", "Content-Type: application/json"};
    setUp(h, t);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, readFrom);
    curl_easy_setopt(h, CURLOPT_READDATA, &source);
    finish(h, t, curl_easy_perform(h));
    curl_easy_cleanup(h);
    EXPECT_EQ(t.res.status, 200);
    const auto reqs = server.requests();
    ASSERT_EQ(reqs.size(), 1u);
    EXPECT_EQ(reqs[0].headers.at("transfer-encoding"), "chunked");
    EXPECT_EQ(reqs[0].body, body);
}

TEST(OpenAiTestServer, StandaloneProgramServesUntilSigterm) {
    int out[2] = {-1, -1};
    ASSERT_EQ(::pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::vector<std::string> args = {
        R2P_TEST_SERVER,       "--port",     "0", "--models", "m1,m2", "--default-answer",
        "Standalone says hi.", "--chunk-ms", "0"};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, R2P_TEST_SERVER, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);

    std::string line;
    const auto start = Clock::now();
    while (line.find('\n') == std::string::npos && msSince(start) < 5000) {
        pollfd p{out[0], POLLIN, 0};
        if (::poll(&p, 1, 100) > 0) {
            char buf[256];
            const ssize_t n = ::read(out[0], buf, sizeof buf);
            if (n <= 0)
                break;
            line.append(buf, static_cast<std::size_t>(n));
        }
    }
    const std::string prefix = "listening on http://127.0.0.1:";
    ASSERT_TRUE(line.starts_with(prefix)) << line;
    const std::string url = line.substr(std::string("listening on ").size(),
                                        line.find('\n') - std::string("listening on ").size());
    EXPECT_TRUE(url.ends_with("/v1"));

    Client client;
    const json models = client.get(url + "/models").parsed();
    EXPECT_EQ(models["data"].size(), 2u);
    EXPECT_EQ(models["data"][1]["id"], "m2");
    const Streamed st = reassemble(client.post(url + "/chat/completions", chatBody(true)).body);
    EXPECT_EQ(st.content, "Standalone says hi.");
    EXPECT_FALSE(st.reasoningContent.empty());

    ::kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
    ::close(out[0]);
}

} // namespace
} // namespace r2p::test
