// SHA-256 (FIPS 180-4), for the response cache's keys.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace r2p {

class Sha256 {
public:
    Sha256();
    void update(std::string_view bytes);
    std::array<std::uint8_t, 32> digest(); // finishes; the object is spent afterwards
    static std::string hex(std::string_view bytes);
    // Whether blocks are hashed with the CPU's SHA extensions (x86 SHA-NI), detected once. Tests
    // can switch them off to check both paths against the same vectors; true only where the
    // CPU has them.
    static bool accelerated();
    static void setAccelerated(bool on);

private:
    void block(const std::uint8_t* p);
    void portableBlock(const std::uint8_t* p);
    std::array<std::uint32_t, 8> h_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;
};

} // namespace r2p
