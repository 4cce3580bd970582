// LaMP's query and corpus extraction per task (rank_profiles.py), with the fallbacks.
#include "pipeline/retrieval/LampQuery.h"

#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::retrieval;

namespace {

ProfileItem item(std::string id, std::vector<std::pair<std::string, std::string>> fields) {
    ProfileItem p;
    p.id = std::move(id);
    p.fields = std::move(fields);
    return p;
}

} // namespace

TEST(LampQuery, QuotedStringsToggleOnEveryQuote) {
    const auto q = quotedStrings(R"(t "a "b" c" x "" "d)");
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0], "a ");
    EXPECT_EQ(q[1], " c");
    EXPECT_EQ(q[2], "");
}

TEST(LampQuery, LaMP1UsesTheTwoCandidateReferences) {
    const std::string input =
        R"(For an author who has written the paper with the title "Deep nets", which reference )"
        R"(is related? Just answer with [1] or [2] without explanation. [1]: "Graph cuts" [2]: )"
        R"("Neural  nets ")";
    std::vector<Finding> findings;
    EXPECT_EQ(lampQuery(TaskId::LaMP1, input, "7", &findings), "Graph cuts Neural  nets ");
    EXPECT_TRUE(findings.empty());
}

TEST(LampQuery, LaMP1WithQuotesInsideTheTitleFollowsTheNaiveWalk) {
    // The title itself holds quotes, so the "2nd and 3rd" strings are not the references:
    // LaMP does exactly this, so the workbench does too.
    const std::string input = R"(the title "a "q" b", which? [1]: "r1" [2]: "r2")";
    EXPECT_EQ(lampQuery(TaskId::LaMP1, input, "1", nullptr), " b r1");
}

TEST(LampQuery, LaMP1WithTooFewQuotesFallsBackWithAFinding) {
    std::vector<Finding> findings;
    EXPECT_EQ(lampQuery(TaskId::LaMP1, R"(title "T" [1]: "R1")", "u9", &findings), "R1");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].recordId, "u9");
    EXPECT_EQ(findings[0].severity, Severity::Warning);
    findings.clear();
    EXPECT_EQ(lampQuery(TaskId::LaMP1, "  no quotes at all ", "u9", &findings), "no quotes at all");
    EXPECT_EQ(findings.size(), 1u);
}

TEST(LampQuery, MarkersPerTaskTakeTheFirstOccurrenceAndStripUnicodeSpace) {
    EXPECT_EQ(lampQuery(TaskId::LaMP2, "Which tag? description: \u3000A man. description: again\n",
                        "1", nullptr),
              "A man. description: again");
    EXPECT_EQ(lampQuery(TaskId::LaMP2N, "Which category? article: \u00a0news\u2003", "1", nullptr),
              "news");
    EXPECT_EQ(lampQuery(TaskId::LaMP3, "score 1 to 5: review: great  stuff ", "1", nullptr),
              "great  stuff");
    EXPECT_EQ(lampQuery(TaskId::LaMP4, "Generate a headline for the following article: body", "1",
                        nullptr),
              "body");
    // LaMP-5, 6, 7: after the first colon, wherever it is.
    EXPECT_EQ(lampQuery(TaskId::LaMP5,
                        "Generate a title for the following abstract of a paper: x: y", "1",
                        nullptr),
              "x: y");
    EXPECT_EQ(lampQuery(TaskId::LaMP7, "Paraphrase the following tweet: a:b", "1", nullptr), "a:b");
    EXPECT_EQ(
        lampQuery(TaskId::LaMP6, "Generate a subject for the following email: hi", "1", nullptr),
        "hi");
}

TEST(LampQuery, MissingMarkerUsesTheWholeInputAndSaysSo) {
    std::vector<Finding> findings;
    EXPECT_EQ(lampQuery(TaskId::LaMP3, "  rate this thing  ", "42", &findings), "rate this thing");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].recordId, "42");
    EXPECT_NE(findings[0].detail.find("review:"), std::string::npos);
}

TEST(LampQuery, CorpusTextPerTaskWithOptionalDate) {
    const auto paper = item("p", {{"title", "T"}, {"abstract", "A b"}, {"date", "2019"}});
    EXPECT_EQ(lampCorpusText(TaskId::LaMP1, paper, false), "T A b");
    EXPECT_EQ(lampCorpusText(TaskId::LaMP5, paper, true), "T A b date: 2019");
    const auto news = item("n", {{"text", "body"}, {"title", "head"}, {"category", "c"}});
    EXPECT_EQ(lampCorpusText(TaskId::LaMP4, news, false), "head body");
    EXPECT_EQ(lampCorpusText(TaskId::LaMP2N, news, false), "head body");
    const auto movie = item("m", {{"description", "d"}, {"tag", "comedy"}});
    EXPECT_EQ(lampCorpusText(TaskId::LaMP2, movie, false), "d");
    const auto review = item("r", {{"text", "ok"}, {"score", "4"}, {"date", "2020-01-02"}});
    EXPECT_EQ(lampCorpusText(TaskId::LaMP3, review, true), "ok date: 2020-01-02");
    EXPECT_EQ(lampCorpusText(TaskId::LaMP7, item("t", {{"text", "tw"}}), false), "tw");
    EXPECT_EQ(lampCorpusText(TaskId::LaMP6, item("e", {{"text", "x"}, {"title", "y"}}), false),
              "x");
}

TEST(LampQuery, MissingFieldsCountAsEmptyWithOneFindingPerRecord) {
    UserRecord r;
    r.id = "u1";
    r.input = "Generate a headline for the following article: q";
    r.profile = {item("a", {{"text", "x"}}), item("b", {{"title", "t"}}),
                 item("c", {{"title", "t"}, {"text", "y"}})};
    const auto qc = lampQueryCorpus(TaskId::LaMP4, r, false);
    EXPECT_EQ(qc.query, "q");
    ASSERT_EQ(qc.corpus.size(), 3u);
    EXPECT_EQ(qc.corpus[0], " x");
    EXPECT_EQ(qc.corpus[1], "t ");
    EXPECT_EQ(qc.corpus[2], "t y");
    ASSERT_EQ(qc.findings.size(), 1u);
    EXPECT_EQ(qc.findings[0].count, 2u);
    EXPECT_EQ(qc.findings[0].recordId, "u1");
}
