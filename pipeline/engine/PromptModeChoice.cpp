#include "PromptModeChoice.h"

#include "model/Sqlite.h"
#include "pipeline/llm/ChatTemplate.h"

#include <mutex>

namespace r2p::engine {

namespace {

std::string memoKey(const llm::EndpointConfig& endpoint, const std::string& model) {
    return "prompt_mode_probe\t" + llm::normalizeBaseUrl(endpoint.baseUrl) + "\t" + model;
}

std::optional<std::string> recall(ProjectStore* store, const std::string& key) {
    if (!store)
        return std::nullopt;
    std::lock_guard lock(store->mutex());
    sql::Statement st(store->handle(), "SELECT value FROM project_meta WHERE key = ?1");
    st.bind(1, key);
    if (!st.step())
        return std::nullopt;
    return st.text(0);
}

Status remember(ProjectStore* store, const std::string& key, const std::string& value) {
    if (!store)
        return Ok{};
    std::lock_guard lock(store->mutex());
    sql::Statement st(store->handle(),
                      "INSERT OR REPLACE INTO project_meta(key, value) VALUES(?1, ?2)");
    st.bind(1, key).bind(2, value);
    return st.run();
}

} // namespace

Result<PromptModeChoice> choosePromptMode(const EngineConfig& config, const std::string& presetId,
                                          const llm::EndpointConfig& endpoint,
                                          ProjectStore* store) {
    PromptModeChoice choice;
    if (config.mode != PromptMode::Auto) {
        choice.mode = config.mode;
        choice.reason = config.mode == PromptMode::Prefill ? "prefill, as asked" : "chat, as asked";
        return choice;
    }
    const llm::EndpointPreset* preset = nullptr;
    if (!presetId.empty()) {
        for (const auto& p : llm::builtinEndpointPresets())
            if (p.id == presetId)
                preset = &p;
        if (!preset) {
            std::string ids;
            for (const auto& p : llm::builtinEndpointPresets())
                ids += (ids.empty() ? "" : ", ") + p.id;
            return Error{"unknown endpoint preset \"" + presetId + "\" (use " + ids + ")"};
        }
    }
    if (!llm::chooseChatTemplate(llm::builtinChatTemplates(), config.model, config.chatTemplate)) {
        choice.reason = "chat: no chat template fits the model \"" + config.model + "\"";
        return choice;
    }
    if (preset && !preset->prefill) {
        choice.reason = "chat: the " + preset->name + " preset does not continue raw prompts";
        return choice;
    }
    const std::string key = memoKey(endpoint, config.model);
    if (auto known = recall(store, key)) {
        const auto tab = known->find('\t');
        choice.mode = known->substr(0, tab) == "prefill" ? PromptMode::Prefill : PromptMode::Chat;
        choice.reason = (tab == std::string::npos ? *known : known->substr(tab + 1)) +
                        " (remembered from an earlier probe)";
        return choice;
    }
    // One token through /v1/completions, not streamed, and never cached.
    llm::EndpointConfig probeConfig = endpoint;
    probeConfig.maxAttempts = 2;
    probeConfig.totalTimeoutMs = std::min(endpoint.totalTimeoutMs, 60000L);
    probeConfig.maxConcurrent = 1;
    llm::OpenAiBackend backend(probeConfig);
    llm::GenerationRequest probe;
    probe.label = "probe of /v1/completions";
    probe.endpoint = llm::Endpoint::Completions;
    probe.model = config.model;
    probe.prompt = "Hello";
    probe.maxTokens = 1;
    probe.stream = false;
    auto outcome = backend.generate(std::move(probe));
    choice.probed = true;
    bool definite = true; // a transport failure is not remembered: the next run asks again
    if (const auto* error = std::get_if<llm::BackendError>(&outcome)) {
        if (error->kind == llm::ErrorKind::Http &&
            (error->httpStatus == 404 || error->httpStatus == 405))
            choice.reason = "chat: the server has no /v1/completions (HTTP " +
                            std::to_string(error->httpStatus) + ")";
        else {
            choice.reason = "chat: the probe of /v1/completions failed: " + error->message();
            definite = false;
        }
    } else if (std::get<llm::GenerationResult>(outcome).systemFingerprint == "fp_ollama") {
        choice.reason = "chat: Ollama's /v1/completions wraps the prompt in the model's template";
    } else {
        choice.mode = PromptMode::Prefill;
        choice.reason = "prefill: /v1/completions continues raw prompts";
    }
    if (definite) {
        const std::string memo =
            std::string(choice.mode == PromptMode::Prefill ? "prefill" : "chat") + "\t" +
            choice.reason;
        // The choice stands; the next run probes again (a read-only project, a full disk).
        if (auto s = remember(store, key, memo); !s)
            choice.reason += " (not remembered in the project: " + s.error().message + ")";
    }
    return choice;
}

} // namespace r2p::engine
