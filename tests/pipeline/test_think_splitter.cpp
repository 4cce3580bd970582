// Reasoning vs answer in the content stream, with tags split at every byte.
#include "pipeline/llm/ThinkSplitter.h"

#include <gtest/gtest.h>

using r2p::llm::ThinkSplitter;

namespace {
struct Split {
    std::string reasoning, answer;
};

Split run(ThinkSplitter::Start start, const std::vector<std::string>& pieces) {
    ThinkSplitter s(start);
    Split out;
    for (const auto& p : pieces)
        s.feed(p, out.reasoning, out.answer);
    s.finish(out.reasoning, out.answer);
    return out;
}

void expectAllSplits(ThinkSplitter::Start start, const std::string& text,
                     const std::string& reasoning, const std::string& answer) {
    for (std::size_t a = 0; a <= text.size(); ++a) {
        for (std::size_t b = a; b <= text.size(); b += 3) {
            const auto r = run(start, {text.substr(0, a), text.substr(a, b - a), text.substr(b)});
            ASSERT_EQ(r.reasoning, reasoning) << "splits " << a << "," << b;
            ASSERT_EQ(r.answer, answer) << "splits " << a << "," << b;
        }
    }
}
} // namespace

TEST(ThinkSplitter, ThinkTagsAtTheStart) {
    expectAllSplits(ThinkSplitter::Start::Detect, "\n<think>I weigh [P1] and [P3].</think>\n\n4",
                    "I weigh [P1] and [P3].", "4");
}

TEST(ThinkSplitter, OnlyTheClosingTagWhenThePromptOpenedIt) {
    expectAllSplits(ThinkSplitter::Start::InReasoning,
                    "The user likes <b>bold</b> claims.</think>  comedy",
                    "The user likes <b>bold</b> claims.", "comedy");
}

TEST(ThinkSplitter, NoReasoningBlockMeansTheContentIsTheAnswer) {
    expectAllSplits(ThinkSplitter::Start::Detect, "  [2] because <think> is quoted", "",
                    "  [2] because <think> is quoted");
    expectAllSplits(ThinkSplitter::Start::Detect, "<thinking>not a tag</thinking>", "",
                    "<thinking>not a tag</thinking>");
    const auto r = run(ThinkSplitter::Start::Detect, {"<th"});
    EXPECT_EQ(r.answer, "<th");
}

TEST(ThinkSplitter, ReasoningThatNeverClosesStaysReasoning) {
    ThinkSplitter s(ThinkSplitter::Start::Detect);
    std::string reasoning, answer;
    s.feed("<think>still going </th", reasoning, answer);
    EXPECT_EQ(reasoning, "still going "); // "</th" is held back: it may be the closing tag
    EXPECT_FALSE(s.inAnswer());
    s.finish(reasoning, answer);
    EXPECT_EQ(reasoning, "still going </th");
    EXPECT_TRUE(answer.empty());
    EXPECT_TRUE(s.sawReasoning());
}

TEST(ThinkSplitter, LaterTagsInTheAnswerAreText) {
    const auto r = run(ThinkSplitter::Start::Detect, {"<think>a</think>b </think> <think>c"});
    EXPECT_EQ(r.reasoning, "a");
    EXPECT_EQ(r.answer, "b </think> <think>c");
}
