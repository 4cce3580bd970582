#include "RewardClient.h"

#include <nlohmann/json.hpp>

namespace r2p::tags {

namespace {

using nlohmann::json;

// The last number in nested arrays, depth first.
std::optional<double> lastNumber(const json& j) {
    if (j.is_number())
        return j.get<double>();
    if (!j.is_array())
        return std::nullopt;
    for (auto it = j.rbegin(); it != j.rend(); ++it)
        if (auto n = lastNumber(*it))
            return n;
    return std::nullopt;
}

} // namespace

std::string rewardRequestBody(const std::string& model, std::string_view question,
                              std::string_view chain) {
    json body = {
        {"model", model},
        {"messages", json::array({{{"role", "user"}, {"content", std::string(question)}},
                                  {{"role", "assistant"}, {"content", std::string(chain)}}})}};
    return body.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<double> readRewardResponse(std::string_view body) {
    const json j = json::parse(body, nullptr, false);
    if (j.is_discarded())
        return Error{"the reward server's reply is not JSON"};
    const auto data = j.find("data");
    if (data == j.end() || !data->is_array() || data->empty() || !(*data)[0].is_object())
        return Error{"the reward server's reply has no data[0] (not a /pooling response)"};
    const auto inner = (*data)[0].find("data");
    if (inner == (*data)[0].end())
        return Error{"the reward server's reply has no data[0].data"};
    if (auto n = lastNumber(*inner))
        return *n;
    return Error{"the reward server's data[0].data holds no number"};
}

Result<double> rewardScore(const llm::EndpointConfig& endpoint, const std::string& model,
                           std::string_view question, std::string_view chain, long timeoutMs) {
    auto reply = llm::postToServer(endpoint, "/pooling", rewardRequestBody(model, question, chain),
                                   timeoutMs);
    if (!reply)
        return Error{"reward server " + endpoint.baseUrl + ": " + reply.error().message};
    if (reply->status != 200) {
        std::string message;
        const json j = json::parse(reply->body, nullptr, false);
        if (!j.is_discarded() && j.contains("error")) {
            const json& e = j["error"];
            message = e.is_object() && e.contains("message") && e["message"].is_string()
                          ? e["message"].get<std::string>()
                          : e.dump();
        } else if (!j.is_discarded() && j.contains("message") && j["message"].is_string()) {
            message = j["message"].get<std::string>();
        } else {
            message = reply->body.substr(0, 200);
        }
        return Error{"reward server " + endpoint.baseUrl + ": HTTP " +
                     std::to_string(reply->status) + " from POST /pooling: " + message};
    }
    return readRewardResponse(reply->body);
}

} // namespace r2p::tags
