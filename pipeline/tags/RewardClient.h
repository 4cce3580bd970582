// An external reward model's score of a reasoning chain, from the user's own server: vLLM's
// pooling API (`vllm serve MODEL --runner pooling` with a reward model), POST /pooling at the
// server's root with the conversation — the question as the user's message, the chain as the
// assistant's — answered as {"object": "list", "data": [{"index": 0, "object": "pooling", "data":
// [...]}], "usage": ...}. A reward model pooled over every token returns one score per token
// ([[r1], [r2], ...]); one pooled at the last token returns [r] or [[r]]: the score is the last
// number either way (the reward at the end of the chain). The workbench neither trains nor
// reproduces a reward model (TagPR's PRMU); it stores what the server says beside the chain.
#pragma once

#include "model/Result.h"
#include "pipeline/llm/OpenAiBackend.h"

#include <string>
#include <string_view>

namespace r2p::tags {

// The request body sent to /pooling.
std::string rewardRequestBody(const std::string& model, std::string_view question,
                              std::string_view chain);

// The score in a /pooling response body: the last number of data[0].data; an Error naming what
// is missing when the body is not a pooling response.
Result<double> readRewardResponse(std::string_view body);

// Asks the server: the score, or an Error with the HTTP status and the server's message.
Result<double> rewardScore(const llm::EndpointConfig& endpoint, const std::string& model,
                           std::string_view question, std::string_view chain, long timeoutMs);

} // namespace r2p::tags
