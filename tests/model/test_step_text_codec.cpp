// StepTextCodec: how a step's long texts are kept. Round trips of hand-made texts, the exact
// stored form of a prompt that repeats an earlier one (tag, step, prefix length, rest), the
// stored size of a trace whose prompts grow as prefill's do, and damaged values refused with a
// message instead of a crash. Also through RunStore: a trace saved and read back is unchanged,
// and a project with plain TEXT rows (as schema 6 wrote them) still reads; a zstd dictionary
// trained on a project's texts shrinks short ones, is named in their stored form, and a reopened
// project reads them with it.
#include "model/ProjectStore.h"
#include "model/RunStore.h"
#include "model/Sqlite.h"
#include "model/StepTextCodec.h"
#include "support/TestSupport.h"

#include <gtest/gtest.h>
#include <map>

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

// A re-asked level re-sends the whole conversation: the prompt is the earlier one, a marker, and
// the earlier one again twice. Against the earlier prompt as a prefix dictionary, that rest costs
// a few dozen bytes; compressed on its own (the 'P' form) it costs about the earlier prompt's
// compressed size again.
TEST(StepTextCodec, ARestRepeatingItsEarlierPromptIsCompressedAgainstIt) {
    std::string base;
    for (int i = 0; i < 200; ++i) // 200 distinct words: zstd alone cannot shrink much of it
        base += "w" + std::to_string(i * 7919 % 10007) + " ";
    const std::string second =
        base + "\n--- attempt 2 ---\n" + base + "\n--- attempt 3 ---\n" + base;
    steptext::EarlierPrompts earlier{{4, base}};
    const auto stored = steptext::encodePrompt(second, earlier);
    ASSERT_TRUE(stored.blob);
    EXPECT_EQ(stored.bytes.front(), 'R');
    EXPECT_EQ(stored.bytes[1], 4); // step 4
    // The prefix is all of `base` (two varint bytes), then a frame of the rest.
    ASSERT_LT(base.size(), 16384u);
    EXPECT_EQ(static_cast<unsigned char>(stored.bytes[2]), (base.size() & 0x7f) | 0x80);
    EXPECT_EQ(static_cast<std::size_t>(stored.bytes[3]), base.size() >> 7);
    EXPECT_LT(stored.bytes.size(), 80u) << "of " << second.size() << " bytes";
    const auto alone = steptext::encode(second.substr(base.size()));
    EXPECT_GT(alone.bytes.size(), 5 * stored.bytes.size());

    std::map<int, std::string> decoded{{4, base}};
    auto back = steptext::decode(stored.bytes, true, &decoded);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, second);
    // Against another text than the one it was made with, the frame does not decode silently.
    std::map<int, std::string> wrong{{4, std::string(base.size(), 'x')}};
    auto bad = steptext::decode(stored.bytes, true, &wrong);
    EXPECT_TRUE(!bad || *bad != second);
}

TEST(StepTextCodec, ARawStreamEqualToItsAnswerIsOneByte) {
    const std::string answer = "## Task analysis\nThe input asks for a rating of the review.";
    const auto same = steptext::encodeRaw(answer, answer);
    ASSERT_TRUE(same.blob);
    EXPECT_EQ(same.bytes, "A");
    auto back = steptext::decode(same.bytes, true, nullptr, nullptr, &answer);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, answer);
    // Where no answer is given (any column but raw), the form is refused.
    auto refused = steptext::decode(same.bytes, true);
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("answer"), std::string::npos);
    // A raw stream that differs (reasoning, a correction) is stored as any text; empty stays "".
    const auto other = steptext::encodeRaw(answer + " [RPI: cite]", answer);
    EXPECT_FALSE(other.blob);
    EXPECT_EQ(other.bytes, answer + " [RPI: cite]");
    const auto empty = steptext::encodeRaw("", "");
    EXPECT_FALSE(empty.blob);
    EXPECT_EQ(empty.bytes, "");
}

TEST(StepTextCodec, DamagedValuesAreRefusedWithAMessage) {
    const std::map<int, std::string> earlier{{1, "short"}};
    for (const std::string& bad :
         {std::string(), std::string("Q123"), std::string("Zgarbage-not-a-frame"),
          std::string("p\x05\x02rest"),                    // step 5 is not there
          std::string("p\x01\x09rest"),                    // 9 bytes of a 5-byte prompt
          std::string("p\x81\x81\x81", 4),                 // a cut varint
          std::string("P\x01\x02\x28\xb5\x2f\xfd\x00", 8), // a cut frame
          std::string("R\x01\x02\x28\xb5\x2f\xfd\x00", 8), // a cut frame against step 1
          std::string("R\x07\x02rest"),                    // step 7 is not there
          std::string("A")}) {                             // the answer form outside a raw column
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
        s.answer = i == 2 ? s.raw : "4"; // step 2 wrote no reasoning: its raw is its answer
        t.steps.push_back(s);
    }
    EventRecord cut;
    cut.seq = 0;
    cut.stepSeq = 1;
    cut.kind = EventKind::Intervention;
    cut.rule = RpiRule::Repetition;
    cut.evidence = "an 8-word span repeated 3 times: " + words(8, "span-");
    cut.injected = "Wait — I am repeating myself; I should move on to the next level.";
    cut.violating = words(60, "again-");
    cut.mode = StepMode::Chat;
    cut.outcome = InterventionOutcome::Complied;
    t.events = {cut};
    ASSERT_TRUE(runs.saveUserTrace(*id, t).ok());
    {
        // Step 2's raw is the one-byte answer form; the cut text is compressed.
        sql::Statement raw((*store)->handle(), "SELECT raw FROM run_steps WHERE seq = 2");
        ASSERT_TRUE(raw.step());
        EXPECT_TRUE(raw.isBlob(0));
        EXPECT_EQ(raw.bytes(0), "A");
        sql::Statement event((*store)->handle(),
                             "SELECT typeof(violating), length(violating) FROM run_events");
        ASSERT_TRUE(event.step());
        EXPECT_EQ(event.text(0), "blob");
        EXPECT_LT(event.int64(1), static_cast<std::int64_t>(cut.violating.size() / 2));
    }
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
        EXPECT_EQ(back->steps[i].answer, t.steps[i].answer) << i;
    }
    ASSERT_EQ(back->events.size(), 1u);
    EXPECT_EQ(back->events[0].evidence, cut.evidence);
    EXPECT_EQ(back->events[0].injected, cut.injected);
    EXPECT_EQ(back->events[0].violating, cut.violating);

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

namespace {

// Text as a model writes it, for dictionary training: words from a 300-word vocabulary in a
// pseudo-random order (so no two texts are alike, but their words and phrasing repeat).
std::string wordSoup(std::uint32_t seed, std::size_t bytes) {
    static const std::vector<std::string> vocabulary = [] {
        std::vector<std::string> v;
        const char* stems[] = {"user",  "rating", "review", "profile", "history",  "answer",
                               "movie", "genre",  "title",  "paper",   "citation", "style",
                               "tweet", "topic",  "score",  "reason",  "product",  "summary",
                               "tone",  "writes", "often",  "prefers", "positive", "negative"};
        for (const char* stem : stems)
            for (int i = 0; i < 12; ++i)
                v.push_back(std::string(stem) + (i ? std::to_string(i) : ""));
        return v;
    }();
    std::string s = "TASK ANALYSIS: ";
    std::uint32_t x = seed * 2654435761u + 1;
    while (s.size() < bytes) {
        x = x * 1103515245u + 12345u;
        s += vocabulary[(x >> 8) % vocabulary.size()];
        s += (x >> 4) % 11 == 0 ? ". " : " ";
    }
    s.resize(bytes);
    return s;
}

// A project's dictionaries with one trained on word soup, kept as id 7.
void trainInto(steptext::Dictionaries& dicts) {
    for (std::uint32_t i = 0; !dicts.readyToTrain(); ++i)
        dicts.sample(wordSoup(i, 3000));
    auto trained = dicts.train();
    ASSERT_TRUE(trained);
    EXPECT_LE(trained->size(), steptext::Dictionaries::kDictionaryBytes);
    dicts.add(7, std::move(*trained));
}

} // namespace

TEST(StepTextCodec, ADictionaryMakesShortTextsSmallAndIsNamedInTheStoredForm) {
    steptext::Dictionaries dicts;
    EXPECT_EQ(dicts.writer(), nullptr);
    trainInto(dicts);
    const steptext::Dictionary* dict = dicts.writer();
    ASSERT_NE(dict, nullptr);
    EXPECT_EQ(dict->id(), 7);

    // A 400-byte text the dictionary has not seen (another seed): 'D', id 7 as one varint
    // byte, then the frame; at least a third smaller than zstd alone makes it (measured: 132
    // against 240 bytes).
    const std::string text = wordSoup(100000, 400);
    const auto alone = steptext::encode(text);
    const auto withDict = steptext::encode(text, dict);
    ASSERT_TRUE(withDict.blob);
    ASSERT_GE(withDict.bytes.size(), 2u);
    EXPECT_EQ(withDict.bytes[0], 'D');
    EXPECT_EQ(withDict.bytes[1], '\x07');
    EXPECT_LT(withDict.bytes.size() * 3, alone.bytes.size() * 2)
        << withDict.bytes.size() << " with, " << alone.bytes.size() << " without";
    auto back = steptext::decode(withDict.bytes, true, nullptr, &dicts);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, text);

    // A prompt sharing a prefix with an earlier one: 'Q' with the step, the prefix and the id.
    const std::string first = wordSoup(5, 300);
    const std::string second = first + wordSoup(6, 500);
    const auto ref = steptext::encodePrompt(second, {{2, first}}, dict);
    ASSERT_TRUE(ref.blob);
    // 'Q', step 2, prefix 300 (varint 0xac 0x02), dictionary 7.
    EXPECT_EQ(ref.bytes.substr(0, 5), std::string("Q\x02\xac\x02\x07", 5));
    const std::map<int, std::string> earlier{{2, first}};
    back = steptext::decode(ref.bytes, true, &earlier, &dicts);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, second);

    // Without the dictionary (another project, a lost table) the read fails naming it.
    steptext::Dictionaries none;
    for (const auto* stored : {&withDict, &ref}) {
        auto r = steptext::decode(stored->bytes, true, &earlier, &none);
        ASSERT_FALSE(r);
        EXPECT_NE(r.error().message.find("dictionary 7"), std::string::npos) << r.error().message;
    }
    // Once there is a dictionary, no more samples are kept.
    dicts.sample(wordSoup(1, 3000));
    EXPECT_FALSE(dicts.readyToTrain());
}

TEST(StepTextCodec, ARunStoreTrainsOneDictionaryAndAReopenedProjectReadsWithIt) {
    test::TempDir dir;
    const std::string path = dir.file("p.r2p");
    std::int64_t runId = 0;
    std::vector<UserTrace> traces;
    // 150 users of 4 steps, each step's texts 3,000 bytes: 1.8 MB of samples in all, so the
    // dictionary is trained during the saves (at 1 MiB) and used by the ones after it.
    for (int u = 0; u < 150; ++u) {
        UserTrace t;
        t.userId = "u" + std::to_string(u);
        t.system = SystemId::R2P;
        t.status = UserStatus::Done;
        for (int i = 0; i < 4; ++i) {
            StepRecord s;
            s.seq = i;
            s.stage = StageId::TaskAnalysis;
            s.candidate = i;
            s.status = StepStatus::Done;
            const auto seed = static_cast<std::uint32_t>(u * 10 + i);
            s.prompt = wordSoup(seed, 1500);
            s.raw = wordSoup(seed + 50000, 1500);
            s.answer = "4";
            t.steps.push_back(s);
        }
        traces.push_back(std::move(t));
    }
    {
        auto store = ProjectStore::open(path);
        ASSERT_TRUE(store) << store.error().message;
        RunStore runs(**store);
        RunInfo info;
        info.task = TaskId::LaMP3;
        info.systems = {SystemId::R2P};
        info.backend = "offline";
        info.templateId = "hrt-LaMP-3";
        info.templateVersion = 1;
        info.config = "{}";
        for (const auto& t : traces)
            info.users.push_back(t.userId);
        auto id = runs.createRun(info);
        ASSERT_TRUE(id);
        runId = *id;
        for (const auto& t : traces)
            ASSERT_TRUE(runs.saveUserTrace(runId, t).ok());
        sql::Statement dicts((*store)->handle(), "SELECT COUNT(*) FROM step_dicts");
        ASSERT_TRUE(dicts.step());
        EXPECT_EQ(dicts.int64(0), 1);
        // Users saved before the dictionary: 'Z'; after it: 'D'.
        sql::Statement forms((*store)->handle(),
                             "SELECT substr(raw, 1, 1), COUNT(*) FROM run_steps "
                             "WHERE typeof(raw) = 'blob' GROUP BY 1 ORDER BY 1");
        std::map<std::string, std::int64_t> count;
        while (forms.step())
            count[std::string(forms.text(0))] = forms.int64(1);
        EXPECT_GT(count["Z"], 0);
        EXPECT_GT(count["D"], 0);
        EXPECT_EQ(count["Z"] + count["D"], 600);
    }
    auto reopened = ProjectStore::open(path);
    ASSERT_TRUE(reopened) << reopened.error().message;
    RunStore runs(**reopened);
    for (const auto& t : traces) {
        auto back = runs.userTrace(runId, t.userId, SystemId::R2P);
        ASSERT_TRUE(back) << back.error().message;
        ASSERT_EQ(back->steps.size(), 4u);
        for (std::size_t i = 0; i < 4; ++i) {
            ASSERT_EQ(back->steps[i].prompt, t.steps[i].prompt) << t.userId << " " << i;
            ASSERT_EQ(back->steps[i].raw, t.steps[i].raw) << t.userId << " " << i;
        }
    }
}

TEST(StepTextCodec, ASharedTextIsNamedByItsRunAndTheFirst16BytesOfItsSha256) {
    const std::string text = words(60);
    std::vector<steptext::SharedText> kept;
    const auto ref = steptext::shared(7, text, steptext::encode(text), kept);
    ASSERT_TRUE(ref.blob);
    // 'S', varint 7, then the key: hashlib.sha256(text).hexdigest()[:32] by Python.
    ASSERT_EQ(ref.bytes.size(), 1u + 1u + 16u);
    EXPECT_EQ(ref.bytes.substr(0, 2), std::string("S\x07"));
    std::string hex;
    for (const char c : ref.bytes.substr(2)) {
        const auto b = static_cast<unsigned char>(c);
        hex += "0123456789abcdef"[b >> 4];
        hex += "0123456789abcdef"[b & 15];
    }
    EXPECT_EQ(hex, "af00b7fbd1bdd2ea06ec726aeceee30b");
    ASSERT_EQ(kept.size(), 1u);
    EXPECT_EQ(kept[0].key, ref.bytes.substr(2));
    EXPECT_EQ(kept[0].value.bytes.front(), 'Z');

    // A value shorter than the reference would be stays in its row.
    const auto small = steptext::shared(7, "4", steptext::encode("4"), kept);
    EXPECT_FALSE(small.blob);
    EXPECT_EQ(small.bytes, "4");
    EXPECT_EQ(kept.size(), 1u);

    steptext::Dictionaries dicts;
    // Without a project to look in: refused, not guessed.
    auto back = steptext::decode(ref.bytes, true, nullptr, &dicts);
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().message.find("no project"), std::string::npos);

    std::map<std::pair<std::int64_t, std::string>, steptext::Stored> table;
    table[{7, kept[0].key}] = kept[0].value;
    dicts.setSharedTexts([&](std::int64_t run, std::string_view key) -> Result<steptext::Stored> {
        auto it = table.find({run, std::string(key)});
        if (it == table.end())
            return Error{"no such kept text"};
        return it->second;
    });
    back = steptext::decode(ref.bytes, true, nullptr, &dicts);
    ASSERT_TRUE(back) << back.error().message;
    EXPECT_EQ(*back, text);

    // Damaged references: a cut key, another run's, a kept text that is itself a reference.
    EXPECT_FALSE(steptext::decode(ref.bytes.substr(0, 10), true, nullptr, &dicts));
    std::string otherRun = ref.bytes;
    otherRun[1] = 8;
    back = steptext::decode(otherRun, true, nullptr, &dicts);
    ASSERT_FALSE(back);
    EXPECT_EQ(back.error().message, "no such kept text");
    table[{7, kept[0].key}] = steptext::Stored{true, ref.bytes};
    back = steptext::decode(ref.bytes, true, nullptr, &dicts);
    ASSERT_FALSE(back);
    EXPECT_NE(back.error().message.find("not a text on its own"), std::string::npos);
}

namespace {
// Each trace read back from the run has the texts it was saved with.
void expectSavedTexts(const RunStore& runs, std::int64_t runId,
                      const std::vector<UserTrace>& traces) {
    for (const UserTrace& t : traces) {
        auto back = runs.userTrace(runId, t.userId, t.system);
        ASSERT_TRUE(back) << back.error().message;
        ASSERT_EQ(back->steps.size(), t.steps.size());
        for (std::size_t i = 0; i < t.steps.size(); ++i) {
            EXPECT_EQ(back->steps[i].prompt, t.steps[i].prompt);
            EXPECT_EQ(back->steps[i].raw, t.steps[i].raw);
            EXPECT_EQ(back->steps[i].answer, t.steps[i].answer);
        }
    }
}
} // namespace

TEST(StepTextCodec, TheSystemsOfAUserKeepTheirRetrievalAndSharedPromptOnce) {
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store) << store.error().message;
    sqlite3* db = (*store)->handle();
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP4;
    info.systems = {SystemId::LampRag, SystemId::LrmRag, SystemId::NoProfile};
    info.backend = "offline";
    info.config = "{}";
    info.users = {"u1", "u2"};
    auto id = runs.createRun(info);
    ASSERT_TRUE(id);
    // LaMP RAG and LRM RAG retrieve the same items and send the same prompt; no-profile sends
    // only the input.
    std::vector<UserTrace> traces;
    for (const std::string user : {"u1", "u2"})
        for (SystemId system : info.systems) {
            UserTrace t;
            t.userId = user;
            t.system = system;
            t.status = UserStatus::Done;
            if (system != SystemId::NoProfile) {
                StepRecord r;
                r.seq = 0;
                r.stage = StageId::Retrieve;
                r.status = StepStatus::Done;
                r.prompt = "query of " + user + ": " + words(60, "query-");
                r.answer = "[P1] 11 [P2] 12"; // short: stays in its row
                t.steps.push_back(r);
            }
            StepRecord g;
            g.seq = static_cast<int>(t.steps.size());
            g.stage = StageId::Generate;
            g.status = StepStatus::Done;
            g.prompt = system == SystemId::NoProfile ? "input of " + user + ": " + words(40)
                                                     : "rag prompt of " + user + ": " + words(80);
            g.answer = "a headline for " + user;
            g.raw = system == SystemId::LrmRag ? words(50, "thinking-") : g.answer;
            t.steps.push_back(g);
            traces.push_back(std::move(t));
        }
    ASSERT_TRUE(runs.saveUserTraces(*id, traces).ok());
    const auto count = [db](const char* sql) {
        sql::Statement st(db, sql);
        return st.step() ? st.int64(0) : -1;
    };
    // Per user: the retrieval prompt, the RAG prompt, no-profile's prompt. LRM RAG's thinking
    // (a raw stream, not a first prompt) stays in its row.
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_texts"), 6);
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_steps WHERE typeof(prompt) = 'blob' AND "
                    "length(prompt) = 18 AND hex(substr(prompt, 1, 1)) = '53'"),
              10);
    // Saved again (a resumed run): nothing kept twice.
    ASSERT_TRUE(runs.saveUserTraces(*id, traces).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_texts"), 6);
    expectSavedTexts(runs, *id, traces);
    // A kept text gone (a damaged file): the traces naming it fail with a message naming the
    // step; the other user's still read.
    sql::Statement key(db, "SELECT prompt FROM run_steps WHERE user_id = 'u1' AND system = "
                           "'lrm-rag' AND stage = 'generate'");
    ASSERT_TRUE(key.step());
    const std::string ref(key.bytes(0));
    sql::Statement drop(db, "DELETE FROM run_texts WHERE key = ?1");
    drop.bindBlob(1, std::string_view(ref).substr(2));
    ASSERT_TRUE(drop.run().ok());
    auto lost = runs.userTrace(*id, "u1", SystemId::LampRag);
    ASSERT_FALSE(lost);
    EXPECT_NE(lost.error().message.find("step 1"), std::string::npos) << lost.error().message;
    EXPECT_NE(lost.error().message.find("kept once"), std::string::npos) << lost.error().message;
    EXPECT_TRUE(runs.userTrace(*id, "u2", SystemId::LampRag));
    // Deleting the run deletes what it kept.
    ASSERT_TRUE(runs.deleteRun(*id).ok());
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_texts"), 0);
}

TEST(StepTextCodec, ARunOfOneSystemKeepsEveryTextInItsRow) {
    // Nothing to share: no other system sends the same retrieval or prompt. Kept once per run,
    // each text cost a row of run_texts and a write at a random place of its index.
    test::TempDir dir;
    auto store = ProjectStore::open(dir.file("p.r2p"));
    ASSERT_TRUE(store) << store.error().message;
    sqlite3* db = (*store)->handle();
    RunStore runs(**store);
    RunInfo info;
    info.task = TaskId::LaMP4;
    info.systems = {SystemId::LampRag};
    info.backend = "batch";
    info.config = "{}";
    info.users = {"u1", "u2"};
    auto id = runs.createRun(info);
    ASSERT_TRUE(id);
    std::vector<UserTrace> traces;
    for (const std::string user : {"u1", "u2"}) {
        UserTrace t;
        t.userId = user;
        t.system = SystemId::LampRag;
        t.status = UserStatus::Done;
        StepRecord r;
        r.seq = 0;
        r.stage = StageId::Retrieve;
        r.status = StepStatus::Done;
        r.prompt = "query of " + user + ": " + words(60, "query-");
        r.answer = "[P1] 11 [P2] 12 " + words(30, "item-");
        t.steps.push_back(r);
        StepRecord g;
        g.seq = 1;
        g.stage = StageId::Generate;
        g.status = StepStatus::Done;
        g.prompt = "rag prompt of " + user + ": " + words(80);
        g.answer = "a headline for " + user;
        g.raw = g.answer;
        t.steps.push_back(g);
        traces.push_back(std::move(t));
    }
    ASSERT_TRUE(runs.saveUserTraces(*id, traces).ok());
    const auto count = [db](const char* sql) {
        sql::Statement st(db, sql);
        return st.step() ? st.int64(0) : -1;
    };
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_texts"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_steps WHERE typeof(prompt) = 'blob' AND "
                    "hex(substr(prompt, 1, 1)) = '53'"),
              0);
    expectSavedTexts(runs, *id, traces);
    // A run of two systems made after it still keeps them once (the choice is per run).
    info.systems = {SystemId::LampRag, SystemId::LrmRag};
    auto two = runs.createRun(info);
    ASSERT_TRUE(two);
    ASSERT_TRUE(runs.saveUserTraces(*two, traces).ok());
    // Each user's retrieval prompt and RAG prompt, and the retrieved items once: the same text
    // for both users.
    EXPECT_EQ(count("SELECT COUNT(*) FROM run_texts"), 5);
}
