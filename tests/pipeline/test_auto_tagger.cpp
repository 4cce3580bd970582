// Reading a tagger model's reply back onto the chain it tagged: offsets on the chain's bytes
// (UTF-8 included), whitespace differences forgiven, a changed, added or dropped word refused,
// unknown or unclosed tags refused; the request names every tag and asks for an exact copy.
#include "pipeline/tags/AutoTagger.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::tags;

namespace {

std::vector<std::string> texts(std::string_view chain, const std::vector<TagSpan>& spans) {
    std::vector<std::string> out;
    for (const auto& s : spans)
        out.push_back(s.tag + "=" + std::string(chain.substr(s.start, s.end - s.start)));
    return out;
}

} // namespace

TEST(AutoTagger, SpansLandOnTheChainsBytes) {
    const std::string chain = "Sie mag Cafés [P1].\n\nAlso passt es.5";
    auto spans = readTaggerReply(
        builtinTagSet(), chain,
        "<preference>Sie mag Cafés [P1].</preference>\n<relate> Also passt es. </relate>"
        "\n<answer>5</answer>",
        "m via r2p-tagger v1");
    ASSERT_TRUE(spans.ok()) << spans.error().message;
    EXPECT_EQ(texts(chain, *spans),
              (std::vector<std::string>{"preference=Sie mag Cafés [P1].", "relate=Also passt es.",
                                        "answer=5"}));
    EXPECT_EQ((*spans)[0].start, 0u);
    EXPECT_EQ((*spans)[0].end, 20u); // "Cafés": é is two bytes
    EXPECT_EQ((*spans)[1].source, TagSource::Auto);
    EXPECT_EQ((*spans)[1].annotator, "m via r2p-tagger v1");
}

TEST(AutoTagger, ARewrittenChainIsRefusedWithWhere) {
    const std::string chain = "Likes tea [P1]. Fits.4";
    auto changed =
        readTaggerReply(builtinTagSet(), chain,
                        "<preference>Likes coffee [P1].</preference><answer>4</answer>", "m");
    ASSERT_FALSE(changed.ok());
    EXPECT_NE(changed.error().message.find("changed the text"), std::string::npos);
    auto dropped =
        readTaggerReply(builtinTagSet(), chain, "<preference>Likes tea [P1].</preference>", "m");
    ASSERT_FALSE(dropped.ok());
    EXPECT_NE(dropped.error().message.find("leaves out"), std::string::npos);
    auto added = readTaggerReply(builtinTagSet(), chain,
                                 "<preference>Likes tea [P1]. Fits.</preference><answer>4 "
                                 "stars</answer>",
                                 "m");
    ASSERT_FALSE(added.ok());
    EXPECT_NE(added.error().message.find("adds text"), std::string::npos);
    auto unknown = readTaggerReply(builtinTagSet(), chain,
                                   "<mood>Likes tea [P1].</mood> Fits.<answer>4</answer>", "m");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("unknown-tag"), std::string::npos);
}

TEST(AutoTagger, TheRequestAsksForAnExactTaggedCopy) {
    const auto r = taggerRequest(builtinTagSet(), "Likes tea.4", "m", "tagger · user 1");
    EXPECT_EQ(r.model, "m");
    EXPECT_EQ(r.temperature, 0.0);
    ASSERT_EQ(r.messages.size(), 2u);
    for (const auto& t : builtinTagSet().tags)
        EXPECT_NE(r.messages[1].content.find("<" + t.id + ">"), std::string::npos) << t.id;
    EXPECT_NE(r.messages[1].content.find("Likes tea.4"), std::string::npos);
    EXPECT_EQ(taggerAnnotator("m"), "m via r2p-tagger v1");
}
