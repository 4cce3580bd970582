// StepTextCodec: how a step's long texts are kept. Round trips of hand-made texts, the exact
// stored form of a prompt that repeats an earlier one (tag, step, prefix length, rest), the
// stored size of a trace whose prompts grow as prefill's do, and damaged values refused with a
// message instead of a crash. Also through RunStore: a trace saved and read back is unchanged,
// and a project with plain TEXT rows (as schema 6 wrote them) still reads.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "model/StepTextCodec.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>

using namespace r2p;

namespace {

std::string words(int n, const char* word = "history ") {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += word + std::to_string(i) + " ";
    return s;
}

} // namespace

TEST(StepTextCodec, ShortTextsStayPlainAndLongOnesRoundTrip) {
    const auto shortText = steptext::encode("TASK ANALYSIS: rating 4");
    EXPECT_FALSE(shortText.blob);
    EXPECT_EQ(shortText.bytes, "TASK ANALYSIS: rating 4");

    const std::string longText = words(400);
    const auto stored = steptext::encode(longText);
    ASSERT_TRUE(stored.blob);
    EXPECT_EQ(stored.bytes.front(), 'Z');
    EXPECT_LT(stored.bytes.size(), longText.size() / 3); // repetitive text compresses well
    auto back = steptext::decode(stored.bytes, true);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, longText);

    // Text that does not get smaller (no repetition at all) stays plain.
    std::string noise;
    std::uint32_t x = 12345;
    for (int i = 0; i < 300; ++i) {
        x = x * 1103515245u + 12345u;
        noise.push_back(static_cast<char>(x >> 24)); // every byte value about equally often
    }
    const auto noisy = steptext::encode(noise);
    EXPECT_FALSE(noisy.blob);
    EXPECT_EQ(noisy.bytes, noise);
}

TEST(StepTextCodec, APromptRepeatingAnEarlierOneIsStoredAsAReference) {
    const std::string base = words(50); // 50 words, well over kMinEncodedBytes
    const std::string first = base + "TASK ANALYSIS:";
    const std::string second = base + "TASK ANALYSIS: done. PROFILE SYNTHESIS:";
    const std::string other = "something else entirely " + words(30, "x");
    steptext::EarlierPrompts earlier{{0, other}, {3, first}};
    const auto stored = steptext::encodePrompt(second, earlier);
    ASSERT_TRUE(stored.blob);
    // 'p' (rest stored plain: 25 bytes are too few to compress), step 3, prefix = all of
    // `first` (base + "TASK ANALYSIS:"), then the rest.
    const std::size_t prefix = first.size();
    ASSERT_LT(prefix, 16384u); // two varint bytes below
    std::string expected = "p";
    expected.push_back(3);
    expected.push_back(static_cast<char>((prefix & 0x7f) | 0x80));
    expected.push_back(static_cast<char>(prefix >> 7));
    expected += " done. PROFILE SYNTHESIS:";
    EXPECT_EQ(stored.bytes, expected);

    std::map<int, std::string> decoded{{0, other}, {3, first}};
    auto back = steptext::decode(stored.bytes, true, &decoded);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, second);
}

TEST(StepTextCodec, PrefillPromptsOfATraceShrinkToAboutTheirNewText) {
    // Ten levels, each prompt the previous one plus exactly 600 bytes of new text: 33,000
    // bytes in all, of which 6,000 are new.
    std::vector<std::string> prompts;
    std::string p;
    for (int level = 0; level < 10; ++level) {
        p += words(100, ("level" + std::to_string(level) + "-").c_str()).substr(0, 600);
        prompts.push_back(p);
    }
    steptext::EarlierPrompts earlier;
    std::map<int, std::string> decoded;
    std::size_t storedBytes = 0, plainBytes = 0;
    for (int i = 0; i < 10; ++i) {
        const auto s = steptext::encodePrompt(prompts[static_cast<std::size_t>(i)], earlier);
        storedBytes += s.bytes.size();
        plainBytes += prompts[static_cast<std::size_t>(i)].size();
        auto back = steptext::decode(s.bytes, s.blob, &decoded);
        ASSERT_TRUE(back) << back.error().message;
        EXPECT_EQ(*back, prompts[static_cast<std::size_t>(i)]);
        earlier.emplace(i, prompts[static_cast<std::size_t>(i)]);
        decoded.emplace(i, *back);
    }
    EXPECT_EQ(plainBytes, 33000u);
    EXPECT_LT(storedBytes, 6000u);
}

TEST(StepTextCodec, DamagedValuesAreRefusedWithAMessage) {
    const std::map<int, std::string> earlier{{1, "short"}};
    for (const std::string& bad :
         {std::string(), std::string("Q123"), std::string("Zgarbage-not-a-frame"),
          std::string("p\x05\x02rest"),                       // step 5 is not there
          std::string("p\x01\x09rest"),                       // 9 bytes of a 5-byte prompt
          std::string("p\x81\x81\x81", 4),                    // a cut varint
          std::string("P\x01\x02\x28\xb5\x2f\xfd\x00", 8)}) { // a cut frame
        auto r = steptext::decode(bad, true, &earlier);
        EXPECT_FALSE(r) << "accepted " << bad.size() << " bytes";
        if (!r) {
            EXPECT_NE(r.error().message.find("stored"), std::string::npos) << r.error().message;
        }
    }
    // Not a BLOB: the text itself, whatever it starts with.
    auto plain = steptext::decode("Zebra crossing", false);
    ASSERT_TRUE(plain);
    EXPECT_EQ(*plain, "Zebra crossing");
}

TEST(StepTextCodec, RunStoreReadsBackWhatItStoredAndOldPlainRows) {
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store) << store.error().message;
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP3;
    info.systems = {SystemId::R2P};
    info.backend = "offline";
    info.templateId = "hrt-LaMP-3";
    info.templateVersion = 1;
    info.config = "{}";
    info.users = {"u1"};
    auto id = runs.createRun(info);
    ASSERT_TRUE(id);
    UserTrace t;
    t.userId = "u1";
    t.system = SystemId::R2P;
    t.status = UserStatus::Done;
    std::string prompt = words(40);
    for (int i = 0; i < 6; ++i) {
        StepRecord s;
        s.seq = i;
        s.stage = StageId::TaskAnalysis;
        s.candidate = i;
        s.status = StepStatus::Done;
        prompt += words(20, ("step" + std::to_string(i)).c_str());
        s.prompt = prompt;
        s.raw = words(30, "raw-");
        s.reasoning = i % 2 ? words(30, "thinking-") : "brief";
        s.answer = "4";
        t.steps.push_back(s);
    }
    ASSERT_TRUE(runs.saveUserTrace(*id, t).ok());
    {
        sql::Statement blobs((*store)->handle(),
                             "SELECT COUNT(*) FROM run_steps WHERE typeof(prompt) = 'blob'");
        ASSERT_TRUE(blobs.step());
        EXPECT_EQ(blobs.int64(0), 6);
    }
    auto back = runs.userTrace(*id, "u1", SystemId::R2P);
    ASSERT_TRUE(back) << back.error().message;
    ASSERT_EQ(back->steps.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(back->steps[i].prompt, t.steps[i].prompt) << i;
        EXPECT_EQ(back->steps[i].raw, t.steps[i].raw) << i;
        EXPECT_EQ(back->steps[i].reasoning, t.steps[i].reasoning) << i;
    }

    // A row as schema 6 wrote it (plain TEXT) reads as it is: the last step's, which no later
    // prompt refers to.
    ASSERT_TRUE(sql::exec((*store)->handle(),
                          "UPDATE run_steps SET prompt = 'plain old prompt', raw = 'old raw' "
                          "WHERE seq = 5")
                    .ok());
    back = runs.userTrace(*id, "u1", SystemId::R2P);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(back->steps[5].prompt, "plain old prompt");
    EXPECT_EQ(back->steps[5].raw, "old raw");
    EXPECT_EQ(back->steps[4].prompt, t.steps[4].prompt);

    // A damaged stored prompt: the read fails naming the step, nothing crashes.
    ASSERT_TRUE(
        sql::exec((*store)->handle(), "UPDATE run_steps SET prompt = X'5A0102' WHERE seq = 3")
            .ok());
    back = runs.userTrace(*id, "u1", SystemId::R2P);
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().message.find("step 3"), std::string::npos) << back.error().message;
}
