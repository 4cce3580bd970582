// r2p llm: talk to an OpenAI-compatible server from the command line (models, one completion).
#include "Cli.h"
#include "model/JsonText.h"
#include "model/Utf8.h"
#include "pipeline/engine/BackendChoice.h"
#include "pipeline/engine/OfflineBackend.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string_view>

namespace r2p::cli {
namespace {

using nlohmann::ordered_json;

bool parseNumber(const std::optional<std::string>& text, double& out) {
    if (!text)
        return true;
    try {
        std::size_t used = 0;
        out = std::stod(*text, &used);
        return used == text->size();
    } catch (...) {
        return false;
    }
}

int runModels(const std::vector<std::string>& argv) {
    Args args({"base-url", "api-key-env"}, {});
    if (!args.parse(argv))
        return fail("llm models", args.error(), kExitUsage);
    if (!args.value("base-url"))
        return fail("llm models", "--base-url is required (e.g. http://127.0.0.1:8000/v1)",
                    kExitUsage);
    auto url = llm::checkBaseUrl(*args.value("base-url"));
    if (!url)
        return fail("llm models", url.error().message, kExitUsage);
    llm::EndpointConfig config;
    config.baseUrl = *url;
    config.apiKeyEnv = args.valueOr("api-key-env", "");
    config.totalTimeoutMs = 30000;
    llm::OpenAiBackend backend(config);
    auto models = backend.listModels();
    if (!models)
        return fail("llm models", models.error().message, kExitRuntime);
    if (models->empty()) // e.g. Ollama with nothing pulled answers {"data": null}
        std::cerr << "r2p llm models: no models at " << config.baseUrl << "\n";
    std::cout << dumpJson(ordered_json{{"base_url", config.baseUrl}, {"models", *models}}, 2)
              << "\n";
    return kExitOk;
}

int runComplete(const std::vector<std::string>& argv) {
    Args args({"backend", "base-url", "model", "prompt", "system", "max-tokens", "temperature",
               "top-p", "seed", "api-key-env", "stop", "timeout-ms", "idle-timeout-ms",
               "max-reply-mb"},
              {"stream", "completions", "think-open"});
    if (!args.parse(argv))
        return fail("llm complete", args.error(), kExitUsage);
    const std::string backendName = args.valueOr("backend", "openai");
    if (backendName != "openai" && backendName != "offline")
        return fail("llm complete",
                    "unknown backend \"" + backendName + "\" (use openai or offline)", kExitUsage);
    const bool offline = backendName == "offline";
    // The offline backend needs no server and no model: it answers LaMP inputs by itself.
    for (const char* required : {"base-url", "model", "prompt"})
        if (!args.value(required) && (!offline || std::string_view(required) == "prompt"))
            return fail("llm complete", std::string("--") + required + " is required", kExitUsage);
    llm::GenerationRequest request;
    request.label = "r2p llm complete";
    request.model = offline ? "offline" : *args.value("model");
    request.stream = args.has("stream");
    if (args.has("completions")) {
        request.endpoint = llm::Endpoint::Completions;
        request.prompt = *args.value("prompt");
    } else {
        if (auto system = args.value("system"))
            request.messages.push_back({llm::Role::System, *system});
        request.messages.push_back({llm::Role::User, *args.value("prompt")});
    }
    if (args.has("think-open"))
        request.thinkStart = llm::ThinkSplitter::Start::InReasoning;
    double maxTokens = -1, temperature = -1, topP = -1, seed = -1, timeout = -1, idle = -1,
           maxReplyMb = -1;
    if (!parseNumber(args.value("max-tokens"), maxTokens) ||
        !parseNumber(args.value("temperature"), temperature) ||
        !parseNumber(args.value("top-p"), topP) || !parseNumber(args.value("seed"), seed) ||
        !parseNumber(args.value("timeout-ms"), timeout) ||
        !parseNumber(args.value("idle-timeout-ms"), idle) ||
        !parseNumber(args.value("max-reply-mb"), maxReplyMb) ||
        (args.value("max-reply-mb") && !(maxReplyMb > 0)))
        return fail("llm complete",
                    "--max-tokens, --temperature, --top-p, --seed, --timeout-ms, "
                    "--idle-timeout-ms and --max-reply-mb take numbers",
                    kExitUsage);
    if (maxTokens >= 0)
        request.maxTokens = static_cast<int>(maxTokens);
    if (temperature >= 0)
        request.temperature = temperature;
    if (topP >= 0)
        request.topP = topP;
    if (seed >= 0)
        request.seed = static_cast<std::uint64_t>(seed);
    if (auto stop = args.value("stop"))
        request.stop.push_back(*stop);

    // The run service's backend builder, without a project (no response cache).
    engine::BackendOptions options;
    if (!offline)
        options.baseUrl = *args.value("base-url");
    options.apiKeyEnv = args.valueOr("api-key-env", "");
    options.concurrency = 1;
    if (timeout > 0)
        options.totalTimeoutMs = static_cast<long>(timeout);
    if (idle > 0)
        options.idleTimeoutMs = static_cast<long>(idle);
    if (maxReplyMb > 0)
        options.maxReplyBytes = static_cast<std::size_t>(maxReplyMb * 1024.0 * 1024.0);
    auto built = engine::makeBackend(offline ? "offline" : "openai", nullptr, options);
    if (!built)
        return fail("llm complete", built.error().message, kExitUsage);
    const std::shared_ptr<llm::Backend> backend = built->backend;
    const std::string model = request.model;
    // Streamed text goes to stderr as it arrives; the JSON result to stdout at the end.
    const bool live = request.stream;
    auto outcome = backend->generate(std::move(request),
                                     [live](std::string_view reasoning, std::string_view answer) {
                                         if (live) {
                                             std::cerr << validUtf8(reasoning) << validUtf8(answer);
                                             std::cerr.flush();
                                         }
                                     });
    if (live)
        std::cerr << "\n";
    if (const auto* e = std::get_if<llm::BackendError>(&outcome)) {
        ordered_json error{{"kind", llm::errorKindName(e->kind)},
                           {"request", e->request},
                           {"http_status", e->httpStatus},
                           {"server_message", e->serverMessage},
                           {"detail", e->detail},
                           {"attempts", e->attempts},
                           {"message", e->message()}};
        std::cout << dumpJson(ordered_json{{"error", error}}, 2) << "\n";
        return fail("llm complete", e->message(), kExitRuntime);
    }
    const auto& r = std::get<llm::GenerationResult>(outcome);
    ordered_json out{
        {"reasoning", r.reasoning}, {"answer", r.answer}, {"finish_reason", r.finishReason}};
    if (r.usage)
        out["usage"] = {{"prompt_tokens", r.usage->promptTokens},
                        {"completion_tokens", r.usage->completionTokens},
                        {"reasoning_tokens", r.usage->reasoningTokens},
                        {"total_tokens", r.usage->totalTokens}};
    else
        out["usage"] = nullptr;
    out["timings"] = {{"first_token_ms", r.firstTokenMs}, {"total_ms", r.totalMs}};
    out["attempts"] = r.attempts;
    out["backend"] = offline ? engine::kOfflineLabel : "openai";
    out["model"] = model;
    if (!offline)
        out["server"] = ordered_json::parse(llm::serverFiguresJson(r), nullptr, false);
    std::cout << dumpJson(out, 2) << "\n";
    return kExitOk;
}

int runLlm(const std::vector<std::string>& argv) {
    if (argv.empty())
        return fail("llm", "expected a subcommand: models or complete", kExitUsage);
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (argv[0] == "models")
        return runModels(rest);
    if (argv[0] == "complete")
        return runComplete(rest);
    return fail("llm", "unknown subcommand '" + argv[0] + "' (use models or complete)", kExitUsage);
}

const Registrar registrar{
    {"llm",
     "models --base-url URL [--api-key-env NAME] | complete [--backend openai|offline] "
     "--base-url URL --model M --prompt TEXT [--system TEXT] [--stream] [--max-tokens N] "
     "[--temperature T] [--top-p P] [--seed S] [--stop S] [--completions] [--think-open] "
     "[--api-key-env NAME] [--timeout-ms N] [--idle-timeout-ms N] [--max-reply-mb MB]",
     "List a server's models, or send one request and print reasoning, answer, finish reason, "
     "usage and timings as JSON (exit 1 with the typed error on failure). --backend offline "
     "needs no server or model: a deterministic reasoner answers LaMP task inputs without an "
     "LLM.",
     &runLlm}};

} // namespace
} // namespace r2p::cli
