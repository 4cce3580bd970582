// The SSE reader: WHATWG line and field rules, with bytes split at every possible point.
#include "pipeline/llm/SseReader.h"

#include <gtest/gtest.h>
#include <vector>

using r2p::llm::SseEvent;
using r2p::llm::SseReader;

namespace {
std::vector<SseEvent> parse(const std::vector<std::string>& pieces, bool* unfinished = nullptr) {
    SseReader reader;
    std::vector<SseEvent> events;
    for (const auto& piece : pieces)
        reader.feed(piece, [&](SseEvent&& e) { events.push_back(std::move(e)); });
    const bool u = reader.finish();
    if (unfinished)
        *unfinished = u;
    return events;
}

void expectSame(const std::vector<SseEvent>& a, const std::vector<SseEvent>& b,
                const std::string& why) {
    ASSERT_EQ(a.size(), b.size()) << why;
    for (std::size_t i = 0; i < a.size(); ++i) {
        EXPECT_EQ(a[i].data, b[i].data) << why;
        EXPECT_EQ(a[i].type, b[i].type) << why;
        EXPECT_EQ(a[i].id, b[i].id) << why;
    }
}

const std::string kStream = "\xEF\xBB\xBF: keep-alive\r\n"
                            "data: {\"a\": 1}\r\n\r\n"
                            "event: update\nid: 7\ndata: first\ndata:second\n\n"
                            "data\n\n"
                            ": comment\rdata: cr only\r\r"
                            "retry: 1000\nunknown: x\ndata:  two spaces\n\n"
                            "\n\n"
                            "data: [DONE]\n\n";
} // namespace

TEST(SseReader, FollowsTheFieldRules) {
    bool unfinished = true;
    const auto events = parse({kStream}, &unfinished);
    EXPECT_FALSE(unfinished);
    ASSERT_EQ(events.size(), 6u);
    EXPECT_EQ(events[0].data, "{\"a\": 1}");
    EXPECT_EQ(events[1].type, "update");
    EXPECT_EQ(events[1].id, "7");
    EXPECT_EQ(events[1].data, "first\nsecond"); // multi-line data joins with "\n"
    EXPECT_EQ(events[2].data, "");              // "data" with no colon is an empty data line
    EXPECT_EQ(events[3].data, "cr only");
    EXPECT_EQ(events[3].id, "7");             // the last event id persists
    EXPECT_EQ(events[4].data, " two spaces"); // only one leading space is removed
    EXPECT_EQ(events[5].data, "[DONE]");
}

TEST(SseReader, AnySplitGivesTheSameEvents) {
    const auto whole = parse({kStream});
    for (std::size_t at = 0; at <= kStream.size(); ++at)
        expectSame(parse({kStream.substr(0, at), kStream.substr(at)}), whole,
                   "split at " + std::to_string(at));
    std::vector<std::string> bytes;
    for (char c : kStream)
        bytes.emplace_back(1, c);
    expectSame(parse(bytes), whole, "byte by byte");
}

TEST(SseReader, AnUnfinishedEventAtTheEndIsDroppedAndReported) {
    bool unfinished = false;
    const auto events = parse({"data: one\n\ndata: {\"partial\": tr"}, &unfinished);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(unfinished);
    parse({"data: one\n\n"}, &unfinished);
    EXPECT_FALSE(unfinished);
}

TEST(SseReader, ABomIsOnlySkippedAtTheStart) {
    auto events = parse({"\xEF", "\xBB", "\xBF", "data: x\n\n"});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data, "x");
    events = parse({"\xEF\xBB", "data: y\n\n"}); // a broken BOM stays as text of the first line
    EXPECT_TRUE(events.empty());
    events = parse({"data: \xEF\xBB\xBF"
                    "z\n\n"});
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].data, "\xEF\xBB\xBF"
                              "z");
}
