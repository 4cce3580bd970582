#include "ChatTemplate.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace r2p::llm {

namespace data {
extern const char* const kChatTemplatesJson;
extern const char* const kEndpointPresetsJson;
} // namespace data

namespace {
using nlohmann::json;

std::string fill(const std::string& pattern, std::string_view content) {
    std::string out = pattern;
    const auto at = out.find("{content}");
    if (at != std::string::npos)
        out.replace(at, 9, content);
    return out;
}
} // namespace

Result<std::vector<ChatTemplate>> parseChatTemplates(std::string_view text,
                                                     std::string_view where) {
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object() || !root.contains("templates") ||
        !root["templates"].is_array())
        return Error{std::string(where) + ": not a chat templates file ({\"templates\": [...]})"};
    std::vector<ChatTemplate> out;
    for (const auto& t : root["templates"]) {
        ChatTemplate c;
        const std::string label = t.is_object() && t.contains("id") && t["id"].is_string()
                                      ? t["id"].get<std::string>()
                                      : "#" + std::to_string(out.size() + 1);
        auto field = [&](const char* key, bool needsContent) -> Result<std::string> {
            if (!t.is_object() || !t.contains(key) || !t[key].is_string())
                return Error{std::string(where) + ": template " + label + ": \"" + key +
                             "\" must be a string"};
            std::string v = t[key].get<std::string>();
            if (needsContent && v.find("{content}") == std::string::npos)
                return Error{std::string(where) + ": template " + label + ": \"" + key +
                             "\" needs {content}"};
            return v;
        };
        for (auto [key, target, needs] :
             {std::tuple{"id", &c.id, false}, std::tuple{"name", &c.name, false},
              std::tuple{"bos", &c.bos, false}, std::tuple{"system", &c.system, true},
              std::tuple{"user", &c.user, true}, std::tuple{"assistant", &c.assistant, true},
              std::tuple{"generation", &c.generation, false}}) {
            auto v = field(key, needs);
            if (!v)
                return v.error();
            *target = std::move(*v);
        }
        c.opensThink = t.value("opens_think", false);
        if (t.contains("match") && t["match"].is_array())
            for (const auto& m : t["match"])
                if (m.is_string()) {
                    std::string s = m.get<std::string>();
                    std::transform(s.begin(), s.end(), s.begin(),
                                   [](unsigned char ch) { return std::tolower(ch); });
                    c.match.push_back(std::move(s));
                }
        if (t.contains("stop") && t["stop"].is_array())
            for (const auto& s : t["stop"])
                if (s.is_string())
                    c.stop.push_back(s.get<std::string>());
        for (const auto& other : out)
            if (other.id == c.id)
                return Error{std::string(where) + ": template id " + c.id + " appears twice"};
        out.push_back(std::move(c));
    }
    return out;
}

const std::vector<ChatTemplate>& builtinChatTemplates() {
    static const std::vector<ChatTemplate> templates = [] {
        auto parsed =
            parseChatTemplates(data::kChatTemplatesJson, "resources/llm/chat_templates.json");
        if (!parsed) // the build's own data: a broken file is a bug, caught by the tests
            throw std::logic_error(parsed.error().message);
        return std::move(parsed).value();
    }();
    return templates;
}

const ChatTemplate* chooseChatTemplate(const std::vector<ChatTemplate>& templates,
                                       std::string_view model, std::string_view overrideId) {
    if (!overrideId.empty()) {
        for (const auto& t : templates)
            if (t.id == overrideId)
                return &t;
        return nullptr;
    }
    std::string lower(model);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    for (const auto& t : templates)
        for (const auto& m : t.match)
            if (lower.find(m) != std::string::npos)
                return &t;
    return nullptr;
}

std::string renderPrefill(const ChatTemplate& t, const std::vector<Message>& messages,
                          std::string_view prefill) {
    std::string out = t.bos;
    for (const auto& m : messages) {
        switch (m.role) {
        case Role::System:
            out += fill(t.system, m.content);
            break;
        case Role::Assistant:
            out += fill(t.assistant, m.content);
            break;
        case Role::User:
        case Role::Invalid:
            out += fill(t.user, m.content);
            break;
        }
    }
    out += t.generation;
    out += prefill;
    return out;
}

GenerationRequest prefillRequest(const ChatTemplate& t, const GenerationRequest& chat,
                                 std::string_view prefill) {
    GenerationRequest r = chat;
    r.endpoint = Endpoint::Completions;
    r.prompt = renderPrefill(t, chat.messages, prefill);
    // Servers tokenize a raw prompt with the tokenizer's own BOS (vLLM, SGLang, llama-server
    // all add it for Llama 3 and the R1 distills): the template's literal BOS would be a second.
    if (!t.bos.empty() && r.prompt.starts_with(t.bos))
        r.prompt.erase(0, t.bos.size());
    r.messages.clear();
    for (const auto& s : t.stop)
        if (std::find(r.stop.begin(), r.stop.end(), s) == r.stop.end())
            r.stop.push_back(s);
    // Inside an open think block the continuation is reasoning until "</think>".
    const bool thinkOpen = t.opensThink && prefill.find("</think>") == std::string_view::npos;
    r.thinkStart = thinkOpen ? ThinkSplitter::Start::InReasoning : ThinkSplitter::Start::Detect;
    return r;
}

const std::vector<EndpointPreset>& builtinEndpointPresets() {
    static const std::vector<EndpointPreset> presets = [] {
        std::vector<EndpointPreset> out;
        const json root = json::parse(data::kEndpointPresetsJson, nullptr, false);
        if (root.is_discarded() || !root.contains("presets"))
            throw std::logic_error("resources/llm/endpoint_presets.json is broken");
        for (const auto& p : root["presets"])
            out.push_back({p.value("id", ""), p.value("name", ""), p.value("base_url", ""),
                           p.value("api_key_env", ""), p.value("prefill", false),
                           p.value("note", "")});
        return out;
    }();
    return presets;
}

} // namespace r2p::llm
