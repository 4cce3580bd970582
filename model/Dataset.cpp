#include "Dataset.h"

#include "QuestionsScanner.h"
#include "Utf8.h"
#include "Util.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>
#include <unordered_set>

namespace r2p {

namespace {

constexpr std::size_t kChunkBytes = 4u << 20;        // read size while scanning
constexpr std::size_t kFingerprintBytes = 64u << 10; // head and tail hashed into the stamp
constexpr std::size_t kMaxListedIds = 20;

std::string osError(int err) {
    return std::strerror(err);
}

// Closes a file descriptor on scope exit.
class Fd {
public:
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

// What a path is when it is not a regular file, for the refusal message.
const char* fileKind(mode_t mode) {
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

// Opens a file for reading only if it is a regular file. O_NONBLOCK keeps open() itself from
// waiting for a FIFO's writer; a pipe or device would also be read more than once (stamp, scan,
// records), so anything but a regular file is refused with a message saying what it is.
Result<int> openRegularFile(const std::string& path, struct stat& st) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return Error{path + ": cannot open: " + std::strerror(errno)};
    if (::fstat(fd, &st) != 0) {
        const int err = errno;
        ::close(fd);
        return Error{path + ": cannot stat: " + std::strerror(err)};
    }
    if (!S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{path + ": is " + std::string(fileKind(st.st_mode)) +
                     ", not a file; give a regular file (copy a pipe's output to one first)"};
    }
    return fd;
}

std::string megabytes(std::uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
    return buf;
}

bool preadAll(int fd, char* out, std::size_t size, std::uint64_t offset) {
    while (size > 0) {
        const ssize_t n = ::pread(fd, out, size, static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        out += n;
        size -= static_cast<std::size_t>(n);
        offset += static_cast<std::uint64_t>(n);
    }
    return true;
}

std::uint64_t fnv1a(const char* data, std::size_t size, std::uint64_t h) {
    for (std::size_t i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ULL;
    }
    return h;
}

Finding fileFinding(FindingCode code, const std::string& file, std::string detail,
                    Severity severity = Severity::Error) {
    Finding f;
    f.severity = severity;
    f.code = code;
    f.file = file;
    f.detail = std::move(detail);
    return f;
}

struct ScanOutcome {
    QuestionsScan scan;
    std::uint64_t bytes = 0;
};

Result<ScanOutcome> scanQuestionsFile(const std::string& path, const IndexOptions& options) {
    struct stat st {};
    auto opened = openRegularFile(path, st);
    if (!opened)
        return opened.error();
    Fd fd(*opened);
    ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);

    const auto total = static_cast<std::uint64_t>(st.st_size);
    QuestionsScanner scanner(path);
    std::vector<char> buffer(kChunkBytes);
    std::uint64_t offset = 0;
    for (;;) {
        if (options.cancel && options.cancel->load(std::memory_order_relaxed))
            return Error{path + ": indexing cancelled"};
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Error{path + ": read error at byte " + std::to_string(offset) + ": " +
                         osError(errno)};
        if (n == 0)
            break;
        const bool more = scanner.feed(buffer.data(), static_cast<std::size_t>(n), offset);
        offset += static_cast<std::uint64_t>(n);
        if (options.onProgress)
            options.onProgress({offset, std::max(total, offset), scanner.usersFound()});
        if (!more)
            break;
    }
    scanner.finish(offset);
    return ScanOutcome{std::move(scanner.result()), offset};
}

// Non-string scalars keep a JSON-like text: 2019 stays "2019".
std::string scalarText(simdjson::dom::element value) {
    switch (value.type()) {
    case simdjson::dom::element_type::STRING:
        return std::string(std::string_view(value.get_string()));
    case simdjson::dom::element_type::INT64:
        return std::to_string(int64_t(value.get_int64()));
    case simdjson::dom::element_type::UINT64:
        return std::to_string(uint64_t(value.get_uint64()));
    case simdjson::dom::element_type::DOUBLE: {
        char buf[32];
        const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, double(value.get_double()));
        return ec == std::errc() ? std::string(buf, end) : std::string();
    }
    case simdjson::dom::element_type::BOOL:
        return bool(value.get_bool()) ? "true" : "false";
    case simdjson::dom::element_type::NULL_VALUE:
        return "null";
    case simdjson::dom::element_type::ARRAY:
    case simdjson::dom::element_type::OBJECT:
        return simdjson::minify(value);
    }
    return {};
}

// The DOM parser picks the fastest kernel for this CPU at run time (On-Demand would be fixed
// to the baseline kernel at compile time).
Result<UserRecord> parsePadded(const char* data, std::size_t size, std::string_view where) {
    thread_local simdjson::dom::parser parser;
    UserRecord record;
    auto fail = [&](std::string what) -> Result<UserRecord> {
        std::string who(where);
        if (!record.id.empty())
            who += ", record " + record.id;
        return Error{who + ": " + what};
    };
    simdjson::dom::element doc;
    if (auto err = parser.parse(data, size, false).get(doc))
        return fail(std::string("cannot parse the record: ") + simdjson::error_message(err));
    simdjson::dom::object object;
    if (doc.get_object().get(object))
        return fail("the record is not a JSON object");
    bool hasInput = false, hasProfile = false;
    for (auto [key, value] : object) {
        if (key == "id") {
            record.id = scalarText(value);
        } else if (key == "input") {
            std::string_view input;
            if (value.get_string().get(input))
                return fail("\"input\" is not a string");
            if (input.size() > kMaxFieldBytes)
                return fail("the input is too large (" + megabytes(input.size()) +
                            "; at most 1 MiB per field is run and stored)");
            record.input = std::string(input);
            hasInput = true;
        } else if (key == "user_id") {
            record.userId = scalarText(value);
        } else if (key == "profile") {
            simdjson::dom::array items;
            if (value.get_array().get(items))
                return fail("\"profile\" is not an array");
            hasProfile = true;
            record.profile.reserve(items.size());
            for (auto itemValue : items) {
                simdjson::dom::object itemObject;
                if (itemValue.get_object().get(itemObject))
                    return fail("profile item " + std::to_string(record.profile.size() + 1) +
                                " is not an object");
                ProfileItem item;
                item.fields.reserve(itemObject.size());
                for (auto [itemKey, itemField] : itemObject) {
                    std::string_view text;
                    if (!itemField.get_string().get(text) && text.size() > kMaxFieldBytes)
                        return fail("profile item " + std::to_string(record.profile.size() + 1) +
                                    " has a field that is too large (" + megabytes(text.size()) +
                                    "; at most 1 MiB per field is run and stored)");
                    if (itemKey == "id")
                        item.id = scalarText(itemField);
                    else
                        item.fields.emplace_back(std::string(itemKey), scalarText(itemField));
                }
                record.profile.push_back(std::move(item));
            }
        }
    }
    if (record.id.empty())
        return fail("the record has no \"id\"");
    if (!hasInput)
        return fail("the record has no \"input\"");
    if (!hasProfile)
        return fail("the record has no \"profile\"");
    return record;
}

} // namespace

const char* splitShapeName(SplitShape s) {
    switch (s) {
    case SplitShape::UserBased:
        return "user-based";
    case SplitShape::TimeBased:
        return "time-based";
    case SplitShape::Invalid:
        break;
    }
    return "unknown";
}

const char* taskSourceName(TaskSource s) {
    switch (s) {
    case TaskSource::OutputsFile:
        return "outputs-file";
    case TaskSource::InputTemplate:
        return "input-template";
    case TaskSource::UserOverride:
        return "user";
    case TaskSource::Invalid:
        break;
    }
    return "unknown";
}

std::size_t DatasetIndex::goldCount() const {
    return static_cast<std::size_t>(std::count_if(
        users.begin(), users.end(), [](const UserIndexEntry& u) { return u.hasGold; }));
}

ProfileSizeStats profileSizeStats(const std::vector<UserIndexEntry>& users) {
    ProfileSizeStats s;
    if (users.empty())
        return s;
    std::vector<std::uint32_t> sizes;
    sizes.reserve(users.size());
    for (const auto& u : users)
        sizes.push_back(u.profileSize);
    std::sort(sizes.begin(), sizes.end());
    s.min = sizes.front();
    s.max = sizes.back();
    const std::size_t n = sizes.size();
    s.median = n % 2 ? sizes[n / 2] : (double(sizes[n / 2 - 1]) + double(sizes[n / 2])) / 2.0;
    return s;
}

Result<FileStamp> stampFile(const std::string& path) {
    FileStamp stamp;
    stamp.path = absolutePath(path);
    struct stat st {};
    auto opened = openRegularFile(stamp.path, st);
    if (!opened)
        return opened.error();
    Fd fd(*opened);
    stamp.size = static_cast<std::uint64_t>(st.st_size);
    stamp.mtimeNs =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    std::vector<char> buf(std::min<std::uint64_t>(kFingerprintBytes, stamp.size));
    std::uint64_t h = 0xcbf29ce484222325ULL;
    if (!buf.empty()) {
        if (!preadAll(fd.get(), buf.data(), buf.size(), 0))
            return Error{stamp.path + ": cannot read: " + osError(errno)};
        h = fnv1a(buf.data(), buf.size(), h);
        if (stamp.size > buf.size()) {
            const std::uint64_t tailOffset = stamp.size - buf.size();
            if (!preadAll(fd.get(), buf.data(), buf.size(), tailOffset))
                return Error{stamp.path + ": cannot read: " + osError(errno)};
            h = fnv1a(buf.data(), buf.size(), h);
        }
    }
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    stamp.fingerprint = hex;
    return stamp;
}

std::string guessOutputsPath(const std::string& questionsPath) {
    const std::filesystem::path p(questionsPath);
    std::string name = p.filename().string();
    const auto at = name.rfind("questions");
    if (at == std::string::npos)
        return {};
    name.replace(at, 9, "outputs");
    const auto candidate = p.parent_path() / name;
    std::error_code ec;
    return std::filesystem::is_regular_file(candidate, ec) ? candidate.string() : std::string();
}

JsonFileKind sniffJsonFile(const std::string& path) {
    struct stat st {};
    auto opened = openRegularFile(path, st);
    if (!opened)
        return JsonFileKind::Invalid;
    Fd fd(*opened);
    char buf[4096];
    const ssize_t n = ::read(fd.get(), buf, sizeof buf);
    for (ssize_t i = 0; i < n; ++i) {
        const char c = buf[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
            continue;
        if (i == 0 && n >= 3 && std::memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
            i += 2;
            continue;
        }
        if (c == '[')
            return JsonFileKind::Questions;
        if (c == '{')
            return JsonFileKind::Outputs;
        return JsonFileKind::Unknown;
    }
    return JsonFileKind::Unknown;
}

struct RecordReader::OpenFile {
    std::mutex mutex;
    std::optional<Fd> fd; // set once opened; a failed open is tried again next time
};

RecordReader::RecordReader(FileStamp questions)
    : stamp_(std::move(questions)), file_(std::make_shared<OpenFile>()) {}

Result<UserRecord> RecordReader::read(const UserIndexEntry& entry) const {
    struct stat st {};
    int fd = -1;
    {
        std::lock_guard lock(file_->mutex);
        if (!file_->fd) {
            auto opened = openRegularFile(stamp_.path, st);
            if (!opened)
                return opened.error();
            file_->fd.emplace(*opened);
        }
        fd = file_->fd->get();
    }
    if (::fstat(fd, &st) != 0)
        return Error{stamp_.path + ": cannot stat: " + osError(errno)};
    const std::int64_t mtime =
        static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    if (static_cast<std::uint64_t>(st.st_size) != stamp_.size || mtime != stamp_.mtimeNs)
        return Error{stamp_.path + " changed since it was indexed; open it again to re-index"};
    if (entry.offset + entry.length > stamp_.size)
        return Error{stamp_.path + ": record " + entry.id + " lies outside the file"};
    if (entry.length > kMaxRecordBytes)
        return Error{stamp_.path + ", record " + entry.id + ": the record is too large (" +
                     megabytes(entry.length) + "; at most 32 MiB per record is read)"};
    simdjson::padded_string buffer(entry.length);
    if (!preadAll(fd, buffer.data(), entry.length, entry.offset))
        return Error{stamp_.path + ": cannot read record " + entry.id + ": " + osError(errno)};
    auto record = parsePadded(buffer.data(), entry.length, stamp_.path);
    if (record.ok() && record->id != entry.id)
        return Error{stamp_.path + ": expected record " + entry.id + " at byte " +
                     std::to_string(entry.offset) + " but found " + record->id +
                     "; open the file again to re-index"};
    return record;
}

Result<UserRecord> parseUserRecord(std::string_view json, std::string_view where) {
    simdjson::padded_string padded(json);
    return parsePadded(padded.data(), json.size(), where);
}

namespace {
// readOutputsFile, with why it failed as a finding: the file cannot be read, is empty, is not
// JSON (where), or is JSON of another shape. Each says what is really wrong.
Result<OutputsFile> readOutputsFileAs(const std::string& path, Finding& why) {
    const std::string abs = absolutePath(path);
    why = fileFinding(FindingCode::FileUnreadable, abs, {});
    std::string content;
    {
        struct stat st {};
        auto opened = openRegularFile(abs, st);
        if (!opened) {
            why.detail = opened.error().message.substr(abs.size() + 2);
            return opened.error();
        }
        Fd fd(*opened);
        content.resize(static_cast<std::size_t>(st.st_size));
        if (!content.empty() && !preadAll(fd.get(), content.data(), content.size(), 0)) {
            why.detail = osError(errno);
            return Error{abs + ": cannot read: " + why.detail};
        }
    }
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(content);
    } catch (const nlohmann::json::parse_error& e) {
        const std::uint64_t at = e.byte > 0 ? e.byte - 1 : 0;
        const auto [line, column] = lineColumn(content, at);
        why.line = line;
        why.column = column;
        why.offset = at;
        if (content.find_first_not_of(" \t\r\n") == std::string::npos) {
            why.code = FindingCode::JsonTruncated;
            why.line = 0;
            why.detail = "the file is empty";
            return Error{abs + ": the file is empty"};
        }
        if (at >= content.size()) {
            why.code = FindingCode::JsonTruncated;
            return Error{abs + ":" + std::to_string(line) + ":" + std::to_string(column) +
                         ": the file ends in the middle of the JSON (truncated?)"};
        }
        why.code = FindingCode::JsonSyntax;
        why.detail = "in the outputs file";
        return Error{abs + ":" + std::to_string(line) + ":" + std::to_string(column) +
                     ": malformed JSON"};
    } catch (const nlohmann::json::exception& e) { // out_of_range 406: a number beyond double's
        std::string detail = e.what();             // range, which has no position
        if (const auto bracket = detail.find("] "); bracket != std::string::npos)
            detail = detail.substr(bracket + 2);
        return Error{abs + ": malformed JSON: " + validUtf8(detail)};
    }
    if (!doc.is_object() || !doc.contains("golds") || !doc["golds"].is_array()) {
        why.code = FindingCode::OutputsNotObject;
        return Error{abs + ": not a LaMP outputs file: expected {\"task\": ..., \"golds\": [...]}"};
    }

    OutputsFile out;
    if (doc.contains("task") && doc["task"].is_string())
        out.task = doc["task"].get<std::string>();
    std::unordered_set<std::string> seen;
    std::vector<std::string> duplicates;
    std::uint64_t duplicateCount = 0;
    std::size_t index = 0;
    for (const auto& g : doc["golds"]) {
        ++index;
        auto scalar = [](const nlohmann::json& v) -> std::optional<std::string> {
            if (v.is_string())
                return v.get<std::string>();
            if (v.is_number())
                return v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            return std::nullopt;
        };
        std::optional<std::string> id, output;
        if (g.is_object()) {
            if (g.contains("id"))
                id = scalar(g["id"]);
            if (g.contains("output"))
                output = scalar(g["output"]);
        }
        if (!id || !output) {
            Finding f = fileFinding(FindingCode::RecordWrongShape, abs,
                                    !g.is_object() ? "the entry is not an object"
                                    : !id          ? "it has no string \"id\""
                                                   : "it has no string \"output\"",
                                    Severity::Warning);
            f.recordId = id ? *id : "#" + std::to_string(index);
            out.findings.push_back(std::move(f));
            continue;
        }
        if (!seen.insert(*id).second) {
            ++duplicateCount;
            if (duplicates.size() < kMaxListedIds)
                duplicates.push_back(*id);
            continue;
        }
        out.golds.push_back({std::move(*id), std::move(*output)});
    }
    if (duplicateCount > 0) {
        Finding f = fileFinding(FindingCode::DuplicateId, abs, {}, Severity::Warning);
        f.count = duplicateCount;
        f.ids = std::move(duplicates);
        out.findings.push_back(std::move(f));
    }
    return out;
}
} // namespace

Result<OutputsFile> readOutputsFile(const std::string& path) {
    Finding why;
    return readOutputsFileAs(path, why);
}

Result<DatasetIndex> indexDataset(const std::string& questionsPath, const std::string& outputsPath,
                                  const IndexOptions& options) {
    auto stamp = stampFile(questionsPath);
    if (!stamp)
        return stamp.error();
    DatasetIndex index;
    index.questions = *stamp;
    const std::string& qpath = index.questions.path;

    auto scanned = scanQuestionsFile(qpath, options);
    if (!scanned)
        return scanned.error();
    index.users = std::move(scanned->scan.users);
    index.findings = std::move(scanned->scan.findings);
    index.shape = scanned->scan.anyUserId ? SplitShape::TimeBased : SplitShape::UserBased;
    for (const auto& u : index.users) {
        if (u.profileSize == 0) {
            Finding f = fileFinding(FindingCode::ProfileEmpty, qpath, {}, Severity::Info);
            f.recordId = u.id;
            index.findings.push_back(std::move(f));
        }
    }

    // Golds.
    std::optional<TaskId> outputsTask;
    if (!outputsPath.empty()) {
        if (auto ostamp = stampFile(outputsPath)) {
            index.outputs = *ostamp;
        }
        Finding why;
        auto outputs = readOutputsFileAs(outputsPath, why);
        if (!outputs) {
            index.findings.push_back(std::move(why));
        } else {
            const std::string opath = index.outputs ? index.outputs->path : outputsPath;
            for (auto& f : outputs->findings)
                index.findings.push_back(std::move(f));
            index.outputsTaskField = outputs->task;
            if (!outputs->task.empty()) {
                outputsTask = parseTaskName(outputs->task);
                if (!outputsTask) {
                    index.findings.push_back(fileFinding(
                        FindingCode::TaskMismatch, opath,
                        "the outputs file names an unknown task \"" + outputs->task + "\"",
                        Severity::Warning));
                }
            }
            std::unordered_map<std::string, std::size_t> byId;
            byId.reserve(index.users.size());
            for (std::size_t i = 0; i < index.users.size(); ++i)
                byId.emplace(index.users[i].id, i);
            Finding orphans = fileFinding(FindingCode::OrphanGold, opath, {}, Severity::Warning);
            for (auto& g : outputs->golds) {
                auto it = byId.find(g.id);
                if (it == byId.end()) {
                    ++orphans.count;
                    if (orphans.ids.size() < kMaxListedIds)
                        orphans.ids.push_back(g.id);
                    continue;
                }
                auto& u = index.users[it->second];
                u.gold = std::move(g.output);
                u.hasGold = true;
            }
            Finding missing = fileFinding(FindingCode::MissingGold, qpath, {}, Severity::Warning);
            for (const auto& u : index.users) {
                if (!u.hasGold) {
                    ++missing.count;
                    if (missing.ids.size() < kMaxListedIds)
                        missing.ids.push_back(u.id);
                }
            }
            if (missing.count)
                index.findings.push_back(std::move(missing));
            if (orphans.count)
                index.findings.push_back(std::move(orphans));
        }
    }

    // Task: the user's choice, else the outputs file (LaMP_2 is both movies and news, so the
    // inputs decide between 2 and 2N), else the inputs' template.
    std::optional<TaskId> inputTask;
    if (!index.users.empty()) {
        RecordReader reader(index.questions);
        for (std::size_t i = 0; i < std::min<std::size_t>(index.users.size(), 5) && !inputTask;
             ++i) {
            if (auto rec = reader.read(index.users[i]))
                inputTask = detectTaskFromInput(rec->input);
        }
    }
    if (options.taskOverride) {
        index.task = *options.taskOverride;
        index.taskSource = TaskSource::UserOverride;
    } else if (outputsTask) {
        index.task = *outputsTask;
        if (index.task == TaskId::LaMP2 && inputTask == TaskId::LaMP2N)
            index.task = TaskId::LaMP2N;
        index.taskSource = TaskSource::OutputsFile;
    } else if (inputTask) {
        index.task = *inputTask;
        index.taskSource = TaskSource::InputTemplate;
    }
    if (outputsTask && inputTask && index.task != *inputTask &&
        !(*outputsTask == TaskId::LaMP2 && *inputTask == TaskId::LaMP2N)) {
        index.findings.push_back(fileFinding(
            FindingCode::TaskMismatch, qpath,
            std::string("the outputs file says ") + std::string(taskSpec(*outputsTask).name) +
                " but the inputs look like " + std::string(taskSpec(*inputTask).name),
            Severity::Warning));
    }
    if (index.task == TaskId::Invalid && !index.users.empty())
        index.findings.push_back(
            fileFinding(FindingCode::TaskUndetected, qpath, {}, Severity::Warning));
    if (index.users.empty())
        index.findings.push_back(fileFinding(FindingCode::EmptyDataset, qpath, {}));
    return index;
}

Status forEachUserRecord(const std::string& questionsPath,
                         const std::function<void(UserRecord&&)>& visit,
                         std::vector<Finding>* findings) {
    auto stamp = stampFile(questionsPath);
    if (!stamp)
        return stamp.error();
    auto scanned = scanQuestionsFile(stamp->path, {});
    if (!scanned)
        return scanned.error();
    if (findings)
        for (auto& f : scanned->scan.findings)
            findings->push_back(std::move(f));
    RecordReader reader(*stamp);
    for (const auto& entry : scanned->scan.users) {
        auto record = reader.read(entry);
        if (!record) {
            if (findings) {
                Finding f = fileFinding(FindingCode::RecordWrongShape, stamp->path,
                                        record.error().message, Severity::Warning);
                f.recordId = entry.id;
                findings->push_back(std::move(f));
            }
            continue;
        }
        visit(std::move(record).value());
    }
    return Ok{};
}

} // namespace r2p
