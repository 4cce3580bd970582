#include "ModelScripts.h"

#include <nlohmann/json.hpp>

namespace r2p::test {

std::string jsonEscaped(std::string_view text) {
    const std::string quoted = nlohmann::json(std::string(text)).dump();
    return quoted.substr(1, quoted.size() - 2);
}

std::string levelRequestKey(const engine::HrtTemplate& t, StageId stage) {
    const auto* level = t.level(stage);
    return jsonEscaped("Now write only the level \"" + (level ? level->title : std::string()) +
                       "\"");
}

std::string judgeRequestKey(const engine::HrtTemplate& t) {
    // The longest stretch of the judge instruction without placeholders or line breaks.
    std::string best, current;
    for (char c : t.judge) {
        if (c == '{' || c == '}' || c == '\n' || c == '"' || c == '\\') {
            if (current.size() > best.size())
                best = current;
            current.clear();
            continue;
        }
        current += c;
    }
    if (current.size() > best.size())
        best = current;
    return jsonEscaped(best);
}

Script levelReply(const engine::HrtTemplate& t, StageId stage, const std::string& body) {
    Script s;
    s.reasoningStyle = ReasoningStyle::None;
    const auto* level = t.level(stage);
    s.answer = (level ? level->marker : std::string()) + "\n" + body;
    s.wordsPerChunk = 4;
    return s;
}

Script judgeReply(std::string_view verdict, std::string_view evidence, std::string_view reason) {
    Script s;
    s.reasoning = "Checking the candidate against the cited items.";
    s.answer = "VERDICT: " + std::string(verdict) + "\nEVIDENCE: " + std::string(evidence) +
               "\nREASON: " + std::string(reason);
    s.wordsPerChunk = 8;
    return s;
}

void scriptCompliantModel(OpenAiTestServer& server, const engine::HrtTemplate& t,
                          const std::string& answer) {
    server.when(judgeRequestKey(t), judgeReply("supported", "P1", "P1 agrees with the answer."));
    server.when(levelRequestKey(t, StageId::TaskAnalysis),
                levelReply(t, StageId::TaskAnalysis,
                           "The task asks for one answer in the exact format; the user's own "
                           "items matter most."));
    server.when(levelRequestKey(t, StageId::ProfileSynthesis),
                levelReply(t, StageId::ProfileSynthesis,
                           "- The user's closest item points the same way [P1].\n- A second "
                           "item agrees [P2]."));
    server.when(levelRequestKey(t, StageId::AnswerPlan),
                levelReply(t, StageId::AnswerPlan, "Follow [P1]: answer " + answer + "."));
    server.when(levelRequestKey(t, StageId::Answer), levelReply(t, StageId::Answer, answer));
    Script baseline;
    baseline.reasoning = "The user's history points one way.";
    baseline.answer = answer;
    baseline.wordsPerChunk = 8;
    server.setDefaultScript(baseline);
}

} // namespace r2p::test
