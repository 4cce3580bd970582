// r2p-test-server: the scripted OpenAI-compatible test server as a program, for trying the GUI
// without an LLM server. Serves on 127.0.0.1 until SIGINT or SIGTERM.
#include "support/OpenAiTestServer.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <pthread.h>
#include <string>
#include <vector>

namespace {

const char* const kUsage =
    "usage: r2p-test-server [--port N] [--default-answer TEXT] [--default-reasoning TEXT]\n"
    "                       [--chunk-words N] [--first-token-ms N] [--chunk-ms N]\n"
    "                       [--reasoning-style field|alt|think|closing|none] [--models a,b]\n"
    "                       [--embedding-dim N] [--api-key KEY] [--verbose]\n"
    "                       [--flavor vllm|sglang|llama-server|ollama|hosted]\n"
    "                       [--fault none|429|500|400|503-loading|html|malformed|error-in-stream|\n"
    "                                error-event|empty-done|disconnect|reset|never-ends|drip|\n"
    "                                huge-line|invalid-utf8] [--fault-after N] [--huge-mb N]\n"
    "                       [--error-code N] [--error-message TEXT] [--answer-mb N]\n";

std::vector<std::string> splitCommas(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto comma = s.find(',', start);
        const auto item =
            s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!item.empty())
            out.push_back(item);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return out;
}

bool parseInt(const std::string& s, int& out) {
    char* end = nullptr;
    const long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v < 0 || v > 1000000000)
        return false;
    out = static_cast<int>(v);
    return true;
}

} // namespace

int main(int argc, char** argv) {
    using r2p::test::ReasoningStyle;
    r2p::test::ServerOptions options;
    options.defaultScript.reasoning = "Let me think about this request step by step.";
    options.defaultScript.answer = "This is a scripted answer from the R2P test server.";
    options.defaultScript.chunkDelayMs = 30;

    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--help" || a == "-h") {
            std::cout << kUsage;
            return 0;
        }
        if (a == "--verbose" || a == "-v") {
            options.logRequests = true;
            continue;
        }
        if (i + 1 >= args.size()) {
            std::cerr << "missing value for " << a << "\n" << kUsage;
            return 2;
        }
        const std::string& v = args[++i];
        int n = 0;
        bool ok = true;
        if (a == "--port") {
            ok = parseInt(v, n) && n <= 65535;
            options.port = static_cast<std::uint16_t>(n);
        } else if (a == "--default-answer") {
            options.defaultScript.answer = v;
        } else if (a == "--default-reasoning") {
            options.defaultScript.reasoning = v;
        } else if (a == "--chunk-words") {
            ok = parseInt(v, n) && n > 0;
            options.defaultScript.wordsPerChunk = n;
        } else if (a == "--first-token-ms") {
            ok = parseInt(v, n);
            options.defaultScript.firstChunkDelayMs = n;
        } else if (a == "--chunk-ms") {
            ok = parseInt(v, n);
            options.defaultScript.chunkDelayMs = n;
        } else if (a == "--embedding-dim") {
            ok = parseInt(v, n) && n > 0;
            options.embeddingDimension = n;
        } else if (a == "--api-key") {
            options.apiKey = v;
        } else if (a == "--models") {
            options.models = splitCommas(v);
            ok = !options.models.empty();
        } else if (a == "--flavor") {
            using r2p::test::ServerFlavor;
            const std::pair<const char*, ServerFlavor> names[] = {
                {"vllm", ServerFlavor::Vllm},
                {"sglang", ServerFlavor::Sglang},
                {"llama-server", ServerFlavor::LlamaServer},
                {"ollama", ServerFlavor::Ollama},
                {"hosted", ServerFlavor::Hosted}};
            ok = false;
            for (const auto& [name, flavor] : names)
                if (v == name) {
                    options.flavor = flavor;
                    ok = true;
                }
        } else if (a == "--fault") {
            using r2p::test::Fault;
            const std::pair<const char*, Fault> names[] = {
                {"none", Fault::None},
                {"429", Fault::Status429},
                {"500", Fault::Status500},
                {"400", Fault::Status400},
                {"503-loading", Fault::Status503Loading},
                {"html", Fault::HtmlError},
                {"malformed", Fault::MalformedChunk},
                {"error-in-stream", Fault::ErrorInStream},
                {"error-event", Fault::ErrorEvent},
                {"empty-done", Fault::EmptyDone},
                {"disconnect", Fault::DisconnectMidStream},
                {"reset", Fault::Reset},
                {"never-ends", Fault::NeverEnds},
                {"drip", Fault::DripByteByByte},
                {"huge-line", Fault::HugeLine},
                {"invalid-utf8", Fault::InvalidUtf8}};
            ok = false;
            for (const auto& [name, fault] : names)
                if (v == name) {
                    options.defaultScript.fault = fault;
                    ok = true;
                }
        } else if (a == "--fault-after") {
            ok = parseInt(v, n);
            options.defaultScript.faultAfterEvents = n;
        } else if (a == "--huge-mb") {
            ok = parseInt(v, n) && n > 0 && n <= 4096;
            options.defaultScript.hugeBytes = static_cast<std::size_t>(n) << 20;
        } else if (a == "--answer-mb") {
            // A valid answer of N MiB ("word " repeated), for memory benchmarks of the client.
            ok = parseInt(v, n) && n > 0 && n <= 4096;
            options.defaultScript.answer.clear();
            const std::size_t bytes = static_cast<std::size_t>(n) << 20;
            options.defaultScript.answer.reserve(bytes);
            while (options.defaultScript.answer.size() + 5 <= bytes)
                options.defaultScript.answer += "word ";
        } else if (a == "--error-code") {
            ok = parseInt(v, n) && n >= 100 && n <= 599;
            options.defaultScript.errorCode = n;
        } else if (a == "--error-message") {
            options.defaultScript.errorMessage = v;
        } else if (a == "--reasoning-style") {
            auto& style = options.defaultScript.reasoningStyle;
            if (v == "field")
                style = ReasoningStyle::ReasoningField;
            else if (v == "alt")
                style = ReasoningStyle::ReasoningAltField;
            else if (v == "think")
                style = ReasoningStyle::ThinkTags;
            else if (v == "closing")
                style = ReasoningStyle::ClosingTagOnly;
            else if (v == "none")
                style = ReasoningStyle::None;
            else
                ok = false;
        } else {
            std::cerr << "unknown option " << a << "\n" << kUsage;
            return 2;
        }
        if (!ok) {
            std::cerr << "bad value for " << a << ": " << v << "\n" << kUsage;
            return 2;
        }
    }

    // Block the signals before the server starts its threads, then wait for them here.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    try {
        r2p::test::OpenAiTestServer server(options);
        std::cout << "listening on " << server.baseUrl() << std::endl;
        int received = 0;
        sigwait(&signals, &received);
        server.stop();
        std::cout << "stopped (" << server.connectionCount() << " connections)" << std::endl;
    } catch (const std::exception& e) {
        std::cerr << "r2p-test-server: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
