#include "Lamp4Generator.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string_view>

namespace r2p::bench {

namespace {

constexpr std::array<std::string_view, 64> kWords = {
    "city",    "council", "voted",    "budget", "transit",  "river",   "school",  "board",
    "plan",    "housing", "market",   "prices", "rose",     "storm",   "coast",   "residents",
    "said",    "report",  "found",    "data",   "study",    "shows",   "health",  "workers",
    "union",   "strike",  "ends",     "after",  "talks",    "new",     "rules",   "energy",
    "solar",   "farm",    "opens",    "near",   "village",  "police",  "arrest",  "suspect",
    "museum",  "exhibit", "draws",    "crowds", "festival", "returns", "summer",  "winter",
    "team",    "wins",    "title",    "coach",  "season",   "fans",    "startup", "raises",
    "funding", "café",    "“quoted”", "mayor",  "election", "debate",  "bridge",  "repairs"};

class Writer {
public:
    explicit Writer(const std::string& path) : f_(std::fopen(path.c_str(), "wb")) {
        buffer_.reserve(1 << 20);
    }
    ~Writer() {
        flush();
        if (f_)
            std::fclose(f_);
    }
    bool ok() const { return f_ != nullptr; }
    void put(std::string_view s) {
        buffer_.append(s);
        if (buffer_.size() >= (1 << 20))
            flush();
    }
    std::uint64_t written() const { return written_ + buffer_.size(); }

private:
    void flush() {
        if (f_ && !buffer_.empty())
            std::fwrite(buffer_.data(), 1, buffer_.size(), f_);
        written_ += buffer_.size();
        buffer_.clear();
    }
    std::FILE* f_;
    std::string buffer_;
    std::uint64_t written_ = 0;
};

// Words from the vocabulary; now and then a JSON escape, as real scraped text has.
void words(Writer& w, std::mt19937& rng, int count) {
    for (int i = 0; i < count; ++i) {
        if (i)
            w.put(" ");
        const auto& word = kWords[rng() % kWords.size()];
        if (rng() % 97 == 0)
            w.put("\\\"");
        w.put(word);
        if (rng() % 211 == 0)
            w.put("\\u00e9");
    }
}

void record(Writer& w, std::mt19937& rng, std::uint64_t userIndex, std::uint32_t items,
            std::uint64_t& itemId) {
    w.put("{\"id\": \"");
    w.put(std::to_string(100000 + userIndex));
    w.put("\", \"input\": \"Generate a headline for the following article: ");
    words(w, rng, 30 + static_cast<int>(rng() % 50));
    w.put("\", \"profile\": [");
    for (std::uint32_t i = 0; i < items; ++i) {
        w.put(i ? ", {\"text\": \"" : "{\"text\": \"");
        words(w, rng, 20 + static_cast<int>(rng() % 50));
        w.put("\", \"title\": \"");
        words(w, rng, 6 + static_cast<int>(rng() % 8));
        w.put("\", \"id\": \"");
        w.put(std::to_string(itemId++));
        w.put("\"}");
    }
    w.put("]}");
}

} // namespace

namespace {

// Users until the file has `targetBytes` or `maxUsers` users, whichever comes first.
GeneratedFile writeUntil(const std::string& path, std::uint64_t targetBytes, std::uint64_t maxUsers,
                         std::uint32_t seed, std::uint32_t minItems, std::uint32_t maxItems) {
    std::mt19937 rng(seed);
    GeneratedFile out{path, 0, 0};
    {
        Writer w(path);
        if (!w.ok())
            return out;
        std::uint64_t itemId = 1;
        w.put("[");
        while (w.written() < targetBytes && out.users < maxUsers) {
            if (out.users)
                w.put(", ");
            record(w, rng, out.users,
                   minItems + static_cast<std::uint32_t>(rng() % (maxItems - minItems + 1)),
                   itemId);
            ++out.users;
        }
        w.put("]\n");
    }
    out.bytes = std::filesystem::file_size(path);
    return out;
}

} // namespace

GeneratedFile writeLamp4File(const std::string& path, std::uint64_t targetBytes, std::uint32_t seed,
                             std::uint32_t minItems, std::uint32_t maxItems) {
    return writeUntil(path, targetBytes, UINT64_MAX, seed, minItems, maxItems);
}

GeneratedFile writeLamp4Users(const std::string& path, std::uint64_t users, std::uint32_t seed,
                              std::uint32_t minItems, std::uint32_t maxItems) {
    return writeUntil(path, UINT64_MAX, users, seed, minItems, maxItems);
}

GeneratedFile writeLamp4SingleUser(const std::string& path, std::uint32_t items,
                                   std::uint32_t seed) {
    std::mt19937 rng(seed);
    GeneratedFile out{path, 0, 1};
    {
        Writer w(path);
        std::uint64_t itemId = 1;
        w.put("[");
        record(w, rng, 0, items, itemId);
        w.put("]\n");
    }
    out.bytes = std::filesystem::file_size(path);
    return out;
}

std::uint64_t writeLamp4Outputs(const std::string& path, std::uint64_t users, std::uint32_t seed) {
    std::mt19937 rng(seed);
    {
        Writer w(path);
        if (!w.ok())
            return 0;
        w.put("{\"task\": \"LaMP_4\", \"golds\": [");
        for (std::uint64_t u = 0; u < users; ++u) {
            w.put(u ? ", {\"id\": \"" : "{\"id\": \"");
            w.put(std::to_string(100000 + u));
            w.put("\", \"output\": \"");
            words(w, rng, 6 + static_cast<int>(rng() % 8));
            w.put("\"}");
        }
        w.put("]}\n");
    }
    return std::filesystem::file_size(path);
}

GeneratedFile cachedLamp4File(const std::string& path, std::uint64_t targetBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size >= targetBytes && size < targetBytes + (8u << 20))
        return {path, size, 0};
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    return writeLamp4File(path, targetBytes, 42);
}

} // namespace r2p::bench
