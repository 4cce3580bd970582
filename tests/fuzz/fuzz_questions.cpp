// Fuzz target: the LaMP questions-file scanner and the record parser. The same bytes are
// scanned whole, one byte at a time and in random chunks, and must give the same index; every
// record the scanner found is then parsed on its own.
#include "FuzzSupport.h"
#include "model/Dataset.h"
#include "model/QuestionsScanner.h"

#include <string>
#include <string_view>

namespace {

std::string describe(const r2p::QuestionsScan& scan) {
    std::string out;
    for (const auto& u : scan.users)
        out += u.id + '\x1f' + u.userId + '\x1f' + std::to_string(u.offset) + '\x1f' +
               std::to_string(u.length) + '\x1f' + std::to_string(u.profileSize) + '\x1e';
    for (const auto& f : scan.findings)
        out += f.message() + '\x1f' + std::to_string(f.offset) + '\x1e';
    return out + (scan.anyUserId ? "U" : "-");
}

std::string scan(std::string_view data, const std::vector<std::string_view>& chunks,
                 r2p::QuestionsScan* keep = nullptr) {
    r2p::QuestionsScanner scanner("fuzz.json");
    std::uint64_t offset = 0;
    for (const auto chunk : chunks) {
        if (!scanner.feed(chunk.data(), chunk.size(), offset))
            break;
        offset += chunk.size();
    }
    scanner.finish(data.size());
    if (keep)
        *keep = scanner.result();
    return describe(scanner.result());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
    const std::string_view data(reinterpret_cast<const char*>(bytes), size);
    r2p::QuestionsScan whole;
    const std::string expected = scan(data, {data}, &whole);
    R2P_FUZZ_CHECK(scan(data, r2p::fuzz::randomChunks(data)) == expected);
    R2P_FUZZ_CHECK(scan(data, r2p::fuzz::byteChunks(data)) == expected);

    for (const auto& user : whole.users) {
        R2P_FUZZ_CHECK(user.offset <= size && user.length <= size - user.offset);
        auto record = r2p::parseUserRecord(data.substr(user.offset, user.length), "fuzz.json");
        if (!record)
            (void)record.error().message.size();
    }
    auto record = r2p::parseUserRecord(data, "fuzz.json");
    if (record)
        for (const auto& item : record->profile)
            (void)item.field("text");
    return 0;
}
