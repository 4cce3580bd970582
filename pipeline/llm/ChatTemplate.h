// Chat templates as data (resources/llm/chat_templates.json): how a model's conversation is
// written as one prompt, so an assistant turn can be continued from given text through
// /v1/completions (prefill), as the R2P interventions need.
#pragma once

#include "Backend.h"
#include "model/Result.h"

#include <string>
#include <string_view>
#include <vector>

namespace r2p::llm {

struct ChatTemplate {
    std::string id;
    std::string name;
    std::vector<std::string> match; // lowercase substrings of model names this template fits
    std::string bos;
    std::string system; // each holds "{content}"
    std::string user;
    std::string assistant;   // a finished assistant turn
    std::string generation;  // opens the assistant turn to be generated
    bool opensThink = false; // generation already writes "<think>"
    std::vector<std::string> stop;
};

// The templates shipped in resources/llm/chat_templates.json.
const std::vector<ChatTemplate>& builtinChatTemplates();
// Parses and checks a templates file; errors name `where`, the template and the field.
Result<std::vector<ChatTemplate>> parseChatTemplates(std::string_view json, std::string_view where);

// The template for `model`: `overrideId` when given (nullptr if unknown), else the first whose
// match occurs in the lowercased model name, else nullptr (the backend then re-asks in chat).
const ChatTemplate* chooseChatTemplate(const std::vector<ChatTemplate>& templates,
                                       std::string_view model, std::string_view overrideId = {});

// The conversation, the assistant turn opened, and `prefill` appended: the prompt from which
// the model continues its own turn.
std::string renderPrefill(const ChatTemplate& t, const std::vector<Message>& messages,
                          std::string_view prefill);

// A chat request turned into a /v1/completions request that continues the assistant turn from
// `prefill` (reasoning written so far, a corrective thought, ...). Reasoning is told apart by
// where the template left the think block. The template's literal BOS is left out: the server
// adds its own when it tokenizes the prompt, and two would change the model's output.
GenerationRequest prefillRequest(const ChatTemplate& t, const GenerationRequest& chat,
                                 std::string_view prefill);

// Where a server is, for the settings' presets (resources/llm/endpoint_presets.json).
struct EndpointPreset {
    std::string id;
    std::string name;
    std::string baseUrl;   // empty: the user enters it
    std::string apiKeyEnv; // the environment variable's NAME
    bool prefill = false;  // serves /v1/completions with raw prompts
    std::string note;
};
const std::vector<EndpointPreset>& builtinEndpointPresets();

} // namespace r2p::llm
