// The RPI effect of a run with R2P and its shadow (r2p-no-rpi), on hand-made outcomes.
#include "pipeline/engine/RunSummary.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace r2p;
using namespace r2p::engine;

namespace {

UserOutcome outcome(const std::string& user, SystemId system, double mae, int interventions) {
    UserOutcome o;
    o.userId = user;
    o.system = system;
    o.status = UserStatus::Done;
    o.gold = "3";
    o.scores = {{"MAE", mae}, {"RMSE", mae * mae}};
    o.interventions = interventions;
    return o;
}

TEST(RpiEffect, EachIntervenedUserHelpedHurtOrUnchanged) {
    // u1: RPI fixed it (1 -> 0), u2: made it worse (0 -> 2), u3: intervened, same score,
    // u4: no intervention, same; u5: a failed shadow is not paired.
    std::vector<UserOutcome> outcomes = {
        outcome("u1", SystemId::R2P, 0, 2),     outcome("u1", SystemId::R2PNoRpi, 1, 0),
        outcome("u2", SystemId::R2P, 2, 1),     outcome("u2", SystemId::R2PNoRpi, 0, 0),
        outcome("u3", SystemId::R2P, 1, 1),     outcome("u3", SystemId::R2PNoRpi, 1, 0),
        outcome("u4", SystemId::R2P, 1, 0),     outcome("u4", SystemId::R2PNoRpi, 1, 0),
        outcome("u5", SystemId::R2P, 0, 1),     outcome("u5", SystemId::R2PNoRpi, 0, 0),
        outcome("u1", SystemId::LampRag, 4, 0),
    };
    outcomes[9].status = UserStatus::Failed;
    const auto e = rpiEffectOf(outcomes, "MAE");
    ASSERT_TRUE(e);
    EXPECT_TRUE(e->lowerIsBetter);
    EXPECT_EQ(e->users, 4u);
    EXPECT_EQ(e->intervened, 3u);
    EXPECT_EQ(e->helped, 1u);
    EXPECT_EQ(e->hurt, 1u);
    EXPECT_EQ(e->unchanged, 1u);
    EXPECT_EQ(e->differWithoutIntervention, 0u);
    EXPECT_DOUBLE_EQ(e->meanWithRpi, (0 + 2 + 1 + 1) / 4.0);
    EXPECT_DOUBLE_EQ(e->meanWithoutRpi, (1 + 0 + 1 + 1) / 4.0);
    ASSERT_EQ(e->perUser.size(), 4u);
    EXPECT_EQ(e->perUser[0].effect, 1);
    EXPECT_EQ(e->perUser[1].effect, -1);
    EXPECT_EQ(e->perUser[2].effect, 0);
    // Without the shadow, or without a metric, there is nothing to say.
    outcomes.erase(std::remove_if(outcomes.begin(), outcomes.end(),
                                  [](const UserOutcome& o) { return o.system != SystemId::R2P; }),
                   outcomes.end());
    EXPECT_FALSE(rpiEffectOf(outcomes, "MAE"));
}

TEST(RpiEffect, HigherIsBetterForAccuracy) {
    std::vector<UserOutcome> outcomes = {outcome("u1", SystemId::R2P, 1, 1),
                                         outcome("u1", SystemId::R2PNoRpi, 0, 0)};
    for (auto& o : outcomes)
        o.scores = {{"accuracy", o.scores[0].second}};
    const auto e = rpiEffectOf(outcomes, "accuracy");
    ASSERT_TRUE(e);
    EXPECT_FALSE(e->lowerIsBetter);
    EXPECT_EQ(e->helped, 1u);
}

} // namespace
