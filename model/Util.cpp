#include "Util.h"

#include "Utf8.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace r2p {

std::string absolutePath(const std::string& path) {
    if (path.empty())
        return {};
    std::error_code ec;
    const auto abs = std::filesystem::absolute(path, ec);
    return ec ? path : abs.lexically_normal().string();
}

std::string hexOf(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 15]);
    }
    return out;
}

void prefault(void* data, std::size_t bytes) {
#if defined(__linux__)
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    const auto begin = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t from = (begin + page - 1) & ~(page - 1);
    const std::uintptr_t to = (begin + bytes) & ~(page - 1);
    if (to <= from)
        return;
    void* start = reinterpret_cast<void*>(from);
    (void)madvise(start, to - from, MADV_HUGEPAGE);
#if defined(MADV_POPULATE_WRITE)
    (void)madvise(start, to - from, MADV_POPULATE_WRITE);
#endif
#else
    (void)data;
    (void)bytes;
#endif
}

void putVarint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

bool getVarint(std::string_view& in, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (in.empty())
            return false;
        const auto byte = static_cast<unsigned char>(in.front());
        in.remove_prefix(1);
        v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
        if ((byte & 0x80) == 0)
            return true;
    }
    return false;
}

std::string nowIsoUtc() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < offset; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    return {line, offset - lineStart + 1};
}

Result<std::string> readSettingsFile(const std::string& path, std::string_view what,
                                     std::uintmax_t maxBytes) {
    namespace fs = std::filesystem;
    const std::string shown = validUtf8(path);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status))
        return Error{shown + ": cannot open: no such file"};
    if (fs::is_directory(status))
        return Error{shown + ": is a directory, not " + std::string(what)};
    if (!fs::is_regular_file(status))
        return Error{shown + ": is not a regular file (a FIFO or device?); give " +
                     std::string(what)};
    if (fs::file_size(path, ec) > maxBytes)
        return Error{shown + ": is larger than " + std::to_string(maxBytes >> 20) + " MiB; " +
                     std::string(what) + " is small"};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in)
        return Error{shown + ": cannot read the file"};
    return text.str();
}

} // namespace r2p
