// Makes the loopback test server answer the engine like a model that follows an HRT template:
// one rule per level (matched by the engine's chat-mode request for that level), one for the
// cross-reference judge, and a default answer for the baselines. Tests override single rules
// (added first, so they win) to break a rule or make candidates disagree.
#pragma once

#include "model/Trace.h"
#include "pipeline/engine/HrtTemplate.h"
#include "support/OpenAiTestServer.h"

#include <string>
#include <string_view>

namespace r2p::test {

// `text` as it appears inside a JSON string of a request body.
std::string jsonEscaped(std::string_view text);

// A body substring found only in the engine's chat-mode request for `stage` (an HRT level).
std::string levelRequestKey(const engine::HrtTemplate& t, StageId stage);
// A body substring found only in the cross-reference judge's requests.
std::string judgeRequestKey(const engine::HrtTemplate& t);

// A reply that writes `body` as the level `stage` (its marker line first).
Script levelReply(const engine::HrtTemplate& t, StageId stage, const std::string& body);
// A judge reply.
Script judgeReply(std::string_view verdict, std::string_view evidence, std::string_view reason);

// Rules for a model that follows the template and answers `answer`; the judge says supported
// by P1; baselines (the default script) answer `answer` too.
void scriptCompliantModel(OpenAiTestServer& server, const engine::HrtTemplate& t,
                          const std::string& answer);

} // namespace r2p::test
