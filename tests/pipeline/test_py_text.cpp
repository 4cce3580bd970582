// Python str semantics: isspace/split/strip over every Unicode whitespace, float() and int()
// literals, repr(float), and json.dumps string escaping.
#include "pipeline/text/PyText.h"

#include <cmath>
#include <gtest/gtest.h>

using namespace r2p::text;

namespace {

// Every character Python 3.11 (Unicode 14) treats as whitespace, as UTF-8.
const std::vector<std::string> kPythonWhitespace = {
    "\t",     "\n",     "\v",     "\f",     "\r",     "\x1c",   "\x1d",   "\x1e",
    "\x1f",   " ",      "\u0085", "\u00a0", "\u1680", "\u2000", "\u2001", "\u2002",
    "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a",
    "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"};

} // namespace

TEST(PyText, EveryPythonWhitespaceSplitsTokens) {
    for (const auto& ws : kPythonWhitespace) {
        const std::string s = ws + "alpha" + ws + ws + "beta" + ws;
        const auto tokens = pySplit(s);
        ASSERT_EQ(tokens.size(), 2u) << "separator bytes " << ws.size();
        EXPECT_EQ(tokens[0], "alpha");
        EXPECT_EQ(tokens[1], "beta");
        EXPECT_EQ(pyStrip(s), "alpha" + ws + ws + "beta");
    }
}

TEST(PyText, LookalikesOfWhitespaceAreNotSeparators) {
    // Zero-width space, Mongolian vowel separator (not space since Unicode 6.3), BOM, and
    // characters sharing the lead bytes of real spaces.
    for (const std::string s : {"a\u200bb", "a\u180eb", "a\ufeffb", "a\u00a1b", "a\u2010b",
                                "a\u205eb", "a\u3001b", "a\u1681b"}) {
        EXPECT_EQ(pySplit(s).size(), 1u) << s;
        EXPECT_EQ(pyStrip(" " + s + " "), s);
    }
}

TEST(PyText, SplitAndStripOfEmptyAndBlankText) {
    EXPECT_TRUE(pySplit("").empty());
    EXPECT_TRUE(pySplit(" \u3000\n\u00a0 ").empty());
    EXPECT_EQ(pyStrip(" \u3000\n\u00a0 "), "");
    EXPECT_EQ(pyStrip(""), "");
    EXPECT_EQ(pyStrip("x"), "x");
}

TEST(PyText, MalformedUtf8NeverCrashesAndStaysInTokens) {
    const std::string s = "a\xff b\xc2 \xe2\x80 c\xe3\x80";
    const auto tokens = pySplit(s);
    ASSERT_EQ(tokens.size(), 4u);
    EXPECT_EQ(tokens[0], "a\xff");
    EXPECT_EQ(tokens[1], "b\xc2");
    EXPECT_EQ(tokens[2], "\xe2\x80");
    EXPECT_EQ(tokens[3], "c\xe3\x80");
    EXPECT_EQ(pyStrip("\x80\x80 "), "\x80\x80");
    std::size_t pos = 0;
    EXPECT_EQ(decodeUtf8("\xed\xa0\x80", pos), kInvalidCodePoint); // a surrogate
    EXPECT_EQ(pos, 1u);
}

TEST(PyText, FloatAcceptsWhatPythonAccepts) {
    const std::vector<std::pair<std::string, double>> cases = {
        {"4.5", 4.5},
        {" 4.5 ", 4.5},
        {"\u00a04.5\u3000", 4.5},
        {"4e0", 4.0},
        {"4E+1", 40.0},
        {"1_0", 10.0},
        {"1_0.5_5", 10.55},
        {"1e1_0", 1e10},
        {".5", 0.5},
        {"5.", 5.0},
        {"+3", 3.0},
        {"-2.25", -2.25},
        {"007", 7.0},
        {"\u0664", 4.0},
        {"\uff11\uff10", 10.0},
        {"1e999", INFINITY},
        {"-1e999", -INFINITY},
        {"1e-999", 0.0},
        {"0.000e99999", 0.0},
        {"9" + std::string(400, '9'), INFINITY}};
    for (const auto& [text, expected] : cases) {
        const auto v = pyFloat(text);
        ASSERT_TRUE(v.has_value()) << text;
        EXPECT_EQ(*v, expected) << text;
    }
    for (const std::string s : {"inf", "INF", "+Infinity", "iNfInItY"})
        EXPECT_EQ(pyFloat(s), INFINITY) << s;
    EXPECT_EQ(pyFloat("-inf"), -INFINITY);
    for (const std::string s : {"nan", "NaN", "-nan", "+NAN"}) {
        ASSERT_TRUE(pyFloat(s).has_value()) << s;
        EXPECT_TRUE(std::isnan(*pyFloat(s))) << s;
    }
}

TEST(PyText, FloatRejectsWhatPythonRejects) {
    for (const std::string s :
         {"",        " ",    "five", "1__0", "_1",     "1_",     "1_.5", "1._5",
          "1e",      "e5",   ".",    "+",    "1e_5",   "0x10",   "4 5",  "4,5",
          "infinit", "nanx", "1.5.", "--1",  "\u00bd", "4\u200b"})
        EXPECT_FALSE(pyFloat(s).has_value()) << s;
}

TEST(PyText, IntFollowsPythonInt) {
    EXPECT_EQ(pyInt("2019"), 2019);
    EXPECT_EQ(pyInt(" 05 "), 5);
    EXPECT_EQ(pyInt("+3"), 3);
    EXPECT_EQ(pyInt("-3"), -3);
    EXPECT_EQ(pyInt("1_000"), 1000);
    EXPECT_EQ(pyInt("9223372036854775807"), INT64_MAX);
    EXPECT_EQ(pyInt("-9223372036854775808"), INT64_MIN);
    for (const std::string s : {"", "-", "2019.0", "1e3", "n/a", "None", "9223372036854775808"})
        EXPECT_FALSE(pyInt(s).has_value()) << s;
}

TEST(PyText, FloatReprMatchesPython) {
    const std::vector<std::pair<double, std::string>> cases = {
        {1.0, "1.0"},
        {0.1, "0.1"},
        {-0.0, "-0.0"},
        {12.5, "12.5"},
        {1e16, "1e+16"},
        {1e15, "1000000000000000.0"},
        {0.0001, "0.0001"},
        {1e-5, "1e-05"},
        {1.5e-7, "1.5e-07"},
        {123456789012345678.0, "1.2345678901234568e+17"},
        {2.220446049250313e-16, "2.220446049250313e-16"},
        {5e-324, "5e-324"},
        {1.7976931348623157e308, "1.7976931348623157e+308"},
        {3.0000000000000004, "3.0000000000000004"}};
    for (const auto& [value, expected] : cases)
        EXPECT_EQ(pyFloatRepr(value), expected);
}

TEST(PyText, JsonStringsAreEscapedLikeJsonDumps) {
    std::string out;
    appendPyJsonString(out, "a\"b\\c\nd\te\x01\x7f caf\u00e9 \U0001F600");
    EXPECT_EQ(out, R"("a\"b\\c\nd\te\u0001)"
                   "\x7f"
                   R"( caf\u00e9 \ud83d\ude00")");
    out.clear();
    appendPyJsonString(out, "bad\xff");
    EXPECT_EQ(out, R"("bad\ufffd")");
}
