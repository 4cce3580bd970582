// Schema 5: a schema-4 project keeps its cached answers (found by the shared key they were
// stored under), gains the endpoint columns, and its steps gain the server figures.
#include "model/ProjectStore.h"
#include "model/ResponseCache.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

using namespace r2p;

TEST(CacheSchema5, MigratesASchema4ProjectAndKeepsItsAnswers) {
    test::TempDir dir;
    const std::string path = dir.file("v4.r2p");
    const std::string oldKey = ResponseCache::key("openai", "m", R"({"model":"m"})");
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store);
        // Back to schema 4 as that version wrote it: no endpoint, shared_key or server columns
        // (and none of the later tables, such as schema 16's run_usage and its triggers).
        ASSERT_TRUE(sql::exec((*store)->handle(),
                              "DROP TRIGGER run_usage_insert; DROP TRIGGER run_usage_delete;"
                              "DROP TRIGGER run_usage_update; DROP TABLE run_usage;"
                              "DROP INDEX response_cache_shared;"
                              "ALTER TABLE response_cache DROP COLUMN endpoint;"
                              "ALTER TABLE response_cache DROP COLUMN shared_key;"
                              "ALTER TABLE run_steps DROP COLUMN server;"
                              "INSERT INTO response_cache(key, backend, model, request, reasoning, "
                              "answer, finish_reason, created_at) VALUES('" +
                                  oldKey +
                                  R"(', 'openai', 'm', '{"model":"m"}', 'r', 'old answer', )"
                                  "'stop', '2026-01-01T00:00:00Z');"
                                  "PRAGMA user_version=4;")
                        .ok());
    }
    auto store = ProjectStore::open(path);
    ASSERT_TRUE(store.ok()) << store.error().message;
    EXPECT_EQ((*store)->schemaVersion(), ProjectStore::kSchemaVersion); // 5, then later ones
    ResponseCache cache(**store);
    // Found where the old key is the shared one; not taken for an endpoint's own answer.
    auto shared = cache.getShared(oldKey);
    ASSERT_TRUE(shared);
    ASSERT_TRUE(shared->has_value());
    EXPECT_EQ((*shared)->answer, "old answer");
    EXPECT_EQ((*shared)->endpoint, "");
    auto scoped = cache.get(
        ResponseCache::endpointKey("openai", "http://127.0.0.1:8000/v1", "m", R"({"model":"m"})"));
    ASSERT_TRUE(scoped);
    EXPECT_FALSE(scoped->has_value());

    // Steps keep the server figures.
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP2;
    info.questionsPath = "q.json";
    info.systems = {SystemId::LampRag};
    info.backend = "openai";
    info.model = "m";
    info.createdAt = "2026-01-01T00:00:00Z";
    info.status = RunStatus::Running;
    auto runId = runs.createRun(info);
    ASSERT_TRUE(runId) << runId.error().message;
    UserTrace t;
    t.userId = "7";
    t.system = SystemId::LampRag;
    t.status = UserStatus::Done;
    StepRecord step;
    step.stage = StageId::Generate;
    step.status = StepStatus::Done;
    step.server = R"([{"request_id":"abc"}])";
    t.steps.push_back(step);
    ASSERT_TRUE(runs.saveUserTrace(*runId, t).ok());
    auto back = runs.userTrace(*runId, "7", SystemId::LampRag);
    ASSERT_TRUE(back);
    ASSERT_EQ(back->steps.size(), 1u);
    EXPECT_EQ(test::stepOf(back->steps, "generate").server, R"([{"request_id":"abc"}])");
}
