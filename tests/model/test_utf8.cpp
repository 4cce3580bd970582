// The UTF-8 helpers against hand-made byte sequences; the replacement counts follow the
// Unicode "maximal subpart" practice (the same counts Python's bytes.decode(errors="replace")
// gives, checked by hand for each case below).
#include "model/JsonText.h"
#include "model/Utf8.h"

#include <gtest/gtest.h>

using namespace r2p;

namespace {
const std::string kFffd = "\xEF\xBF\xBD";
}

TEST(Utf8, ValidTextIsUnchanged) {
    const std::string text = "plain ASCII, Ümlaut, 中文, emoji 😀 and U+10FFFF \xF4\x8F\xBF\xBF";
    EXPECT_TRUE(isValidUtf8(text));
    EXPECT_EQ(firstInvalidUtf8(text), text.size());
    EXPECT_EQ(validUtf8(text), text);
}

TEST(Utf8, IllFormedSequencesAreReplacedOnePerMaximalSubpart) {
    struct Case {
        std::string in, out;
        std::size_t firstBad;
    };
    const Case cases[] = {
        {"a\xFF"
         "b",
         "a" + kFffd + "b", 1},                                 // never a lead byte
        {"\x80\x80", kFffd + kFffd, 0},                         // lone continuations
        {"\xC0\xAF", kFffd + kFffd, 0},                         // overlong '/': C0 never leads
        {"\xE0\x80\xAF", kFffd + kFffd + kFffd, 0},             // overlong 3-byte form
        {"\xED\xA0\x80", kFffd + kFffd + kFffd, 0},             // a surrogate (U+D800)
        {"\xF4\x90\x80\x80", kFffd + kFffd + kFffd + kFffd, 0}, // above U+10FFFF
        {"x\xE4\xB8", "x" + kFffd, 1},                          // 中 cut short at the end
        {"\xE4\xB8"
         "a",
         kFffd + "a", 0}, // 中 cut short before ASCII
        {"\xF0\x9F\x98"
         "\xF0\x9F\x98\x80",
         kFffd + "😀", 0},                             // truncated emoji, then emoji
        {"abcdefghij\xC3", "abcdefghij" + kFffd, 10}, // past the 8-byte fast path
    };
    for (const auto& c : cases) {
        EXPECT_FALSE(isValidUtf8(c.in)) << c.out;
        EXPECT_EQ(firstInvalidUtf8(c.in), c.firstBad) << c.out;
        EXPECT_EQ(validUtf8(c.in), c.out);
        EXPECT_TRUE(isValidUtf8(validUtf8(c.in)));
    }
}

TEST(Utf8, PrefixNeverEndsInsideACharacter) {
    const std::string text = "ab中文"; // 2 + 3 + 3 bytes
    EXPECT_EQ(utf8Prefix(text, 100), text);
    EXPECT_EQ(utf8Prefix(text, 8), text);
    EXPECT_EQ(utf8Prefix(text, 7), "ab中");
    EXPECT_EQ(utf8Prefix(text, 5), "ab中");
    EXPECT_EQ(utf8Prefix(text, 4), "ab");
    EXPECT_EQ(utf8Prefix(text, 2), "ab");
    EXPECT_EQ(utf8Prefix(text, 0), "");
}

TEST(Utf8, ClipCutsLongCjkTextAtACharacterAndSaysSo) {
    std::string cjk;
    for (int i = 0; i < 400; ++i)
        cjk += "错误";
    const std::string clipped = clipUtf8(cjk, 301);
    EXPECT_LE(clipped.size(), 301u);
    EXPECT_TRUE(isValidUtf8(clipped));
    // 298 bytes of room for text: 99 characters of 3 bytes, then the ellipsis.
    EXPECT_EQ(clipped.size(), 99u * 3 + 3);
    EXPECT_EQ(clipped.substr(clipped.size() - 3), "\xE2\x80\xA6");
    EXPECT_EQ(clipUtf8("short", 301), "short");
    EXPECT_EQ(clipUtf8("bad \xFF", 301), "bad " + kFffd);
}

TEST(Utf8, DumpJsonReplacesInvalidBytesInsteadOfThrowing) {
    nlohmann::json j;
    j["id"] = std::string("user\xFF\xFE");
    j["ok"] = "中";
    std::string out;
    ASSERT_NO_THROW(out = dumpJson(j));
    EXPECT_EQ(out, "{\"id\":\"user" + kFffd + kFffd + "\",\"ok\":\"中\"}");
    nlohmann::ordered_json o;
    o["z"] = std::string("\xC3");
    EXPECT_EQ(dumpJson(o, 1), "{\n \"z\": \"" + kFffd + "\"\n}");
}
