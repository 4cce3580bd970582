// The retrieval sweep with the offline backend on the demo: a point per (system, k), k = 0 gives
// the prompts no item and every system still answers, a point equals a plain engine run with
// that k, results do not depend on the concurrency, and a cancel stops early.
#include "model/Dataset.h"
#include "pipeline/analysis/RetrievalSweep.h"
#include "pipeline/engine/OfflineBackend.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace r2p;
using namespace r2p::analysis;
using namespace r2p::engine;

namespace {

struct SweepFixture {
    DatasetIndex index;
    std::shared_ptr<const EngineContext> ctx;

    explicit SweepFixture(TaskId task) {
        const std::string demo = test::demoDir() + "/" + std::string(taskSpec(task).name);
        auto scanned = indexDataset(demo + "/dev_questions.json", demo + "/dev_outputs.json");
        EXPECT_TRUE(scanned);
        index = *scanned;
        auto made =
            EngineContext::make(task, {}, std::make_shared<OfflineBackend>(), nullptr, true);
        EXPECT_TRUE(made);
        ctx = *made;
    }

    SweepSpec spec(std::vector<SystemId> systems, std::size_t users, int concurrency = 2) const {
        SweepSpec s;
        s.systems = std::move(systems);
        for (std::size_t i = 0; i < users && i < index.users.size(); ++i)
            s.users.push_back(i);
        s.concurrency = concurrency;
        return s;
    }
};

const SweepPoint& pointOf(const SweepResult& r, SystemId system, std::size_t k) {
    for (const auto& p : r.points)
        if (p.system == system && p.k == k)
            return p;
    throw std::runtime_error("no point");
}

TEST(RetrievalSweep, APointPerSystemAndK) {
    SweepFixture f(TaskId::LaMP3);
    RetrievalSweep sweep(f.ctx, f.index);
    std::size_t reports = 0;
    sweep.setProgressHandler([&](const SweepProgress& p) {
        ++reports;
        EXPECT_LE(p.usersDone, p.usersTotal);
    });
    auto r = sweep.run(f.spec({SystemId::R2P, SystemId::LampRag, SystemId::NoProfile}, 4));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(reports, 4u);
    EXPECT_FALSE(r->cancelled);
    EXPECT_EQ(r->usersDone, 4u);
    EXPECT_EQ(r->metric, "MAE");
    EXPECT_TRUE(r->lowerIsBetter);
    ASSERT_EQ(r->points.size(), 3u * 5u);
    const std::vector<std::size_t> ks = {0, 1, 2, 4, 8};
    for (std::size_t i = 0; i < r->points.size(); ++i) {
        const auto& p = r->points[i];
        EXPECT_EQ(p.k, ks[i % 5]);
        EXPECT_EQ(p.users, 4u);
        EXPECT_EQ(p.failed, 0u) << systemName(p.system) << " k=" << p.k;
        EXPECT_EQ(p.scored, 4u);
        ASSERT_EQ(p.metrics.size(), 2u);
        EXPECT_EQ(p.metrics[0].first, "MAE");
        EXPECT_EQ(p.metrics[1].first, "RMSE");
        const double expectedItems = p.system == SystemId::NoProfile ? 0.0 : double(p.k);
        EXPECT_DOUBLE_EQ(p.meanItems, expectedItems) << systemName(p.system) << " k=" << p.k;
    }
    EXPECT_TRUE(r->errors.empty());
    // No-profile ignores k.
    for (std::size_t k : ks)
        EXPECT_EQ(pointOf(*r, SystemId::NoProfile, k).metrics,
                  pointOf(*r, SystemId::NoProfile, 0).metrics);
    const auto j = nlohmann::json::parse(sweepJson(*r));
    EXPECT_EQ(j["points"].size(), 15u);
    EXPECT_EQ(j["points"][0]["system"], "r2p");
    EXPECT_EQ(j["points"][0]["k"], 0);
    EXPECT_TRUE(j["points"][0]["metrics"].contains("MAE"));
    EXPECT_EQ(j["users"], 4);
}

class SweepKZero : public ::testing::TestWithParam<TaskId> {};

TEST_P(SweepKZero, EverySystemAnswersWithNoItem) {
    SweepFixture f(GetParam());
    RetrievalSweep sweep(f.ctx, f.index);
    auto spec =
        f.spec({SystemId::R2P, SystemId::LampRag, SystemId::LrmRag, SystemId::NoProfile}, 3);
    spec.ks = {0};
    auto r = sweep.run(spec);
    ASSERT_TRUE(r) << r.error().message;
    ASSERT_EQ(r->points.size(), 4u);
    for (const auto& p : r->points) {
        EXPECT_EQ(p.failed, 0u) << systemName(p.system);
        EXPECT_EQ(p.scored, 3u) << systemName(p.system);
        EXPECT_EQ(p.meanItems, 0.0);
        EXPECT_FALSE(p.metrics.empty());
    }
    for (const auto& e : r->errors)
        ADD_FAILURE() << e;
}

INSTANTIATE_TEST_SUITE_P(Demo, SweepKZero,
                         ::testing::Values(TaskId::LaMP1, TaskId::LaMP2, TaskId::LaMP3,
                                           TaskId::LaMP4),
                         [](const auto& param) {
                             std::string n(taskSpec(param.param).name);
                             std::erase(n, '-');
                             return n;
                         });

TEST(RetrievalSweep, APointEqualsAPlainRunWithThatK) {
    SweepFixture f(TaskId::LaMP1);
    RetrievalSweep sweep(f.ctx, f.index);
    auto spec = f.spec({SystemId::R2P, SystemId::LampRag}, 1);
    spec.ks = {2, 5};
    auto r = sweep.run(spec);
    ASSERT_TRUE(r) << r.error().message;
    const UserIndexEntry& entry = f.index.users[0];
    auto record = RecordReader(f.index.questions).read(entry);
    ASSERT_TRUE(record);
    for (SystemId system : spec.systems)
        for (std::size_t k : spec.ks) {
            EngineConfig config;
            config.k = k;
            auto ctx = EngineContext::make(TaskId::LaMP1, config, f.ctx->backend, nullptr, true);
            ASSERT_TRUE(ctx);
            UserRun run(*ctx, *record, entry.gold, system);
            ASSERT_TRUE(run.run());
            double accuracy = -1;
            for (const auto& [key, v] : run.trace().scores)
                if (key == "accuracy")
                    accuracy = v;
            EXPECT_EQ(pointOf(*r, system, k).metric("accuracy"), accuracy)
                << systemName(system) << " k=" << k;
            EXPECT_EQ(pointOf(*r, system, k).meanItems, double(run.items().size()));
        }
}

TEST(RetrievalSweep, DeterministicWhateverTheConcurrency) {
    SweepFixture f(TaskId::LaMP4);
    auto spec = f.spec({SystemId::R2P, SystemId::LampRag, SystemId::NoProfile}, 5, 1);
    RetrievalSweep one(f.ctx, f.index);
    auto a = one.run(spec);
    ASSERT_TRUE(a) << a.error().message;
    spec.concurrency = 3;
    RetrievalSweep two(f.ctx, f.index);
    auto b = two.run(spec);
    ASSERT_TRUE(b) << b.error().message;
    EXPECT_EQ(sweepJson(*a), sweepJson(*b));
    EXPECT_EQ(a->metric, "rouge-1"); // the paper's headline metric by default
    EXPECT_GT(pointOf(*a, SystemId::R2P, 8).metric("rouge-1"), 0.0);
}

TEST(RetrievalSweep, CancelStopsEarly) {
    SweepFixture f(TaskId::LaMP2);
    RetrievalSweep sweep(f.ctx, f.index);
    sweep.setProgressHandler([&](const SweepProgress& p) {
        if (p.usersDone >= 2)
            sweep.cancel();
    });
    auto r = sweep.run(f.spec({SystemId::R2P, SystemId::LampRag}, 20, 1));
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(r->usersDone, 2u);
    for (const auto& p : r->points)
        EXPECT_EQ(p.users, 2u);

    // Cancelled before it starts: nothing runs.
    RetrievalSweep early(f.ctx, f.index);
    early.cancel();
    auto e = early.run(f.spec({SystemId::R2P}, 20, 2));
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->cancelled);
    EXPECT_EQ(e->usersDone, 0u);
    EXPECT_TRUE(nlohmann::json::parse(sweepJson(*e))["cancelled"].get<bool>());
}

TEST(RetrievalSweep, RejectsBadSpecs) {
    SweepFixture f(TaskId::LaMP3);
    RetrievalSweep sweep(f.ctx, f.index);
    auto spec = f.spec({}, 2);
    EXPECT_FALSE(sweep.run(spec));
    spec = f.spec({SystemId::R2P}, 2);
    spec.ks.clear();
    EXPECT_FALSE(sweep.run(spec));
    spec = f.spec({SystemId::R2P}, 2);
    spec.users.push_back(999);
    auto r = sweep.run(spec);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("999"), std::string::npos);
    spec = f.spec({SystemId::R2P}, 2);
    spec.users.push_back(0);
    EXPECT_FALSE(sweep.run(spec));
}

} // namespace
