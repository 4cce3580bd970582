// LaMP's personalized prompts per task and the word budget that stands in for tokenizer
// truncation.
#include "pipeline/prompt/LampPrompt.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::prompt;

namespace {

ProfileItem item(std::string id, std::vector<std::pair<std::string, std::string>> fields) {
    ProfileItem p;
    p.id = std::move(id);
    p.fields = std::move(fields);
    return p;
}

} // namespace

TEST(LampPrompt, LaMP4JoinsItemsBeforeTheInput) {
    const auto a = item("1", {{"title", "Storm hits"}, {"text", "a storm hit"}});
    const auto b = item("2", {{"title", "Fair"}, {"text", "the fair"}});
    const auto p = buildLampPrompt(TaskId::LaMP4, "Generate a headline: x", {&a, &b});
    EXPECT_EQ(p.text, R"("Storm hits" is the title for "a storm hit" , and "Fair" is the title )"
                      R"(for "the fair" . Generate a headline: x)");
    EXPECT_EQ(p.wordsCut, 0u);
    ASSERT_EQ(p.items.size(), 2u);
    EXPECT_EQ(p.items[0].words, 3u);
}

TEST(LampPrompt, LaMP1InsertsTitlesAfterTheFirstTitle) {
    const auto a = item("1", {{"title", "Graph cuts"}, {"abstract", "x"}});
    const auto b = item("2", {{"title", "Nets"}, {"abstract", "y"}});
    const std::string input = R"(the paper with the title "T", which reference? title)";
    const auto p = buildLampPrompt(TaskId::LaMP1, input, {&a, &b});
    EXPECT_EQ(
        p.text,
        R"(the paper with the title, and "Graph cuts", and "Nets" "T", which reference? title)");
    EXPECT_TRUE(p.profileInserted);
    const auto none = buildLampPrompt(TaskId::LaMP1, "no such word", {&a});
    EXPECT_EQ(none.text, "no such word");
    EXPECT_FALSE(none.profileInserted);
}

TEST(LampPrompt, OtherTaskTemplates) {
    const auto movie = item("m", {{"description", "A heist"}, {"tag", "comedy"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP2, "IN", {&movie}).text,
              R"(the tag for the movie: "A heist" is "comedy" . IN)");
    const auto news = item("n", {{"title", "t"}, {"text", "body"}, {"category", "sports"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP2N, "IN", {&news}).text,
              R"(the category for the article: "body" is "sports" . IN)");
    const auto review = item("r", {{"text", "Great"}, {"score", "5"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP3, "IN", {&review}).text,
              R"(5 is the score for "Great" . IN)");
    const auto paper = item("p", {{"title", "T"}, {"abstract", "Abs"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP5, "IN", {&paper}).text,
              R"("T" is a title for "Abs" . Following the given patterns IN)");
    const auto mail = item("e", {{"text", "hi all"}, {"title", "Lunch"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP6, "IN", {&mail}).text,
              R"("Lunch" is the title for "hi all" . IN)");
    const auto tweet = item("t", {{"text", "so good"}});
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP7, "IN", {&tweet, &tweet}).text,
              R"("so good" , and "so good"  are written by a person. Following the given )"
              R"(patterns IN)");
    EXPECT_EQ(buildLampPrompt(TaskId::LaMP7, "IN", {}).text, "IN");
}

TEST(LampPrompt, WordBudgetCutsAndCarriesOver) {
    // 6 words for 2 items: 3 each. The first uses 1 and passes 2 on; the second may use 5.
    const auto shortItem = item("1", {{"text", "one"}, {"title", "a"}});
    const auto longItem = item("2", {{"text", "w1  w2 w3\tw4 w5 w6 w7"}, {"title", "b"}});
    PromptOptions options;
    options.maxProfileWords = 6;
    const auto p = buildLampPrompt(TaskId::LaMP4, "IN", {&shortItem, &longItem}, options);
    EXPECT_EQ(
        p.text,
        R"("a" is the title for "one" , and "b" is the title for "w1  w2 w3	w4 w5" . IN)");
    ASSERT_EQ(p.items.size(), 2u);
    EXPECT_EQ(p.items[0].wordsCut, 0u);
    EXPECT_EQ(p.items[1].words, 7u);
    EXPECT_EQ(p.items[1].wordsCut, 2u);
    EXPECT_EQ(p.wordsCut, 2u);
    // Reversed, the long item is cut to 3 and nothing is left to carry.
    const auto q = buildLampPrompt(TaskId::LaMP4, "IN", {&longItem, &shortItem}, options);
    EXPECT_EQ(q.items[0].wordsCut, 4u);
    EXPECT_EQ(q.wordsCut, 4u);
}

TEST(LampPrompt, FirstWordsKeepsOriginalSpacing) {
    std::size_t cut = 0, total = 0;
    EXPECT_EQ(firstWords(" a\u3000b  c ", 2, cut, total), " a\u3000b");
    EXPECT_EQ(cut, 1u);
    EXPECT_EQ(total, 3u);
    EXPECT_EQ(firstWords("a b", 5, cut, total), "a b");
    EXPECT_EQ(cut, 0u);
    EXPECT_EQ(firstWords("a b", 0, cut, total), "");
    EXPECT_EQ(cut, 2u);
}
