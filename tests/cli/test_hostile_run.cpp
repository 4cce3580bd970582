// Issue 13, cases 2 and 12 for `r2p run`: a user whose input is too large fails alone ("too
// large") and the others run; SIGINT cancels from a normal thread, keeps the finished users and
// the run resumes to the end.
#include "HostileSupport.h"
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "support/TestSupport.h"

#include <csignal>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::test;
using nlohmann::json;

namespace {

std::string record(const std::string& id, const std::string& article) {
    return R"({"id": ")" + id + R"(", "input": "Generate a headline for the following article: )" +
           article + R"(", "profile": [{"id": ")" + id +
           R"(_1", "title": "Cats win", "text": "cats and dogs"}, {"id": ")" + id +
           R"(_2", "title": "Dogs lose", "text": "dogs and birds"}]})";
}

TEST(HostileRun, AnInputOverTheFieldCapFailsThatUserAloneAsTooLarge) {
    TempDir dir;
    const std::string big(2u << 20, 'a'); // 2 MiB: over the 1 MiB field cap, under the record's
    const auto q = dir.write("q.json", "[" + record("1", "cats") + ", " + record("2", big) + ", " +
                                           record("3", "dogs") + "]");
    const std::string project = dir.file("p.r2p");
    const auto r = runCli({"run", "--project", project, "--questions", q, "--task", "LaMP-4",
                           "--systems", "no-profile,r2p", "--backend", "offline", "--quiet"});
    EXPECT_EQ(r.exitCode, 1) << "a user failed: " << r.err;
    EXPECT_NE(r.err.find("user 2 (no-profile): " + q +
                         ", record 2: the input is too large (2.1 MB; at most 1 MiB per field is "
                         "run and stored)"),
              std::string::npos)
        << r.err;
    const json j = json::parse(r.out);
    EXPECT_EQ(j["users"]["total"], 3);
    EXPECT_EQ(j["users"]["failed"], 1);
    auto store = ProjectStore::open(project, ProjectStore::OpenMode::ReadOnly);
    ASSERT_TRUE(store.ok());
    auto outcomes = RunStore(**store).outcomes(1);
    ASSERT_TRUE(outcomes.ok());
    int done = 0;
    for (const auto& o : *outcomes)
        done += o.status == UserStatus::Done;
    EXPECT_EQ(done, 4); // users 1 and 3, both systems
    // Nothing of the 2 MiB input was stored.
    EXPECT_LT(std::filesystem::file_size(project), 1u << 20);
}

TEST(HostileRun, SigintCancelsKeepsFinishedUsersAndTheRunResumes) {
    TempDir dir;
    std::string text = "[";
    constexpr int kUsers = 400;
    for (int i = 0; i < kUsers; ++i)
        text += (i ? ",\n" : "") +
                record(std::to_string(i), "cats and dogs number " + std::to_string(i));
    const auto q = dir.write("q.json", text + "]");
    const std::string project = dir.file("p.r2p");
    ChildLimits limits;
    limits.timeoutMs = 120000;
    limits.signal = SIGINT;
    // The first progress line ("3/400 users · 0 failed · ..."): the batch is running and the
    // handler is installed. " users · " alone also matches the header printed before that.
    limits.signalWhenStderrHas = " failed · ";
    const auto r =
        runCliLimited({"run", "--project", project, "--questions", q, "--task", "LaMP-4",
                       "--systems", "r2p,lamp-rag", "--backend", "offline", "--concurrency", "2"},
                      limits);
    ASSERT_FALSE(r.timedOut) << r.err;
    ASSERT_TRUE(r.signalSent) << r.err;
    if (r.exitCode == 0)
        GTEST_SKIP() << "the run finished before SIGINT arrived";
    EXPECT_EQ(r.exitCode, 1) << "cancelled cleanly, not killed (130): " << r.err;
    EXPECT_NE(r.err.find("cancelled; finished users are stored. Continue with: r2p run"),
              std::string::npos)
        << r.err;
    const json cancelled = json::parse(r.out);
    EXPECT_EQ(cancelled["status"], "cancelled");
    const int doneBefore = cancelled["users"]["done_now"];
    EXPECT_LT(doneBefore, kUsers);

    const auto resumed =
        runCliLimited({"run", "--project", project, "--resume", "1", "--quiet"}, ChildLimits{});
    ASSERT_EQ(resumed.exitCode, 0) << resumed.err;
    const json done = json::parse(resumed.out);
    EXPECT_EQ(done["status"], "done");
    EXPECT_EQ(done["users"]["skipped"], doneBefore);
    EXPECT_EQ(done["users"]["done_now"].get<int>() + doneBefore, kUsers);
}

} // namespace
