// SHA-256 against the FIPS 180-4 example vectors, including inputs fed in pieces.
#include "model/Sha256.h"

#include <gtest/gtest.h>

using r2p::Sha256;

// The vectors with the CPU's SHA extensions when it has them, and without.
class Sha256Paths : public ::testing::TestWithParam<bool> {
protected:
    void SetUp() override { Sha256::setAccelerated(GetParam()); }
    void TearDown() override { Sha256::setAccelerated(true); }
};

TEST_P(Sha256Paths, KnownVectors) {
    EXPECT_EQ(Sha256::hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(Sha256::hex("abc"),
              "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(Sha256::hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(Sha256::hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

INSTANTIATE_TEST_SUITE_P(Sha256, Sha256Paths, ::testing::Values(false, true),
                         [](const auto& p) { return p.param ? "Accelerated" : "Portable"; });

// Both paths agree on every length around the block and padding boundaries, with bytes of
// every value. (Where the CPU lacks the extensions, both runs take the portable path.)
TEST(Sha256, BothPathsAgreeOnEveryLengthUpTo300) {
    std::string text;
    for (int i = 0; i < 300; ++i)
        text.push_back(static_cast<char>((i * 131 + 7) & 0xff));
    for (std::size_t n = 0; n <= text.size(); ++n) {
        Sha256::setAccelerated(false);
        const std::string portable = Sha256::hex(std::string_view(text).substr(0, n));
        Sha256::setAccelerated(true);
        EXPECT_EQ(Sha256::hex(std::string_view(text).substr(0, n)), portable) << n;
    }
}

TEST(Sha256, PiecesGiveTheSameDigest) {
    const std::string text = "The user rates battery life harshly [P2]; the answer is 2. 多语言 ✓";
    const std::string whole = Sha256::hex(text);
    for (std::size_t a = 0; a <= text.size(); a += 5) {
        Sha256 s;
        s.update(std::string_view(text).substr(0, a));
        s.update(std::string_view(text).substr(a));
        const auto d = s.digest();
        std::string hex;
        for (auto b : d) {
            char buf[3];
            std::snprintf(buf, sizeof buf, "%02x", b);
            hex += buf;
        }
        EXPECT_EQ(hex, whole) << a;
    }
}
