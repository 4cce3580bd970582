// A streaming, validating JSON scanner for LaMP questions files: it finds each record's byte
// range, id, user id and profile size without building a DOM, fed one chunk at a time.
#pragma once

#include "Dataset.h"

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

namespace r2p {

struct QuestionsScan {
    std::vector<UserIndexEntry> users;
    std::vector<Finding> findings;
    bool anyUserId = false;
};

class QuestionsScanner {
public:
    explicit QuestionsScanner(std::string file);

    // Scans the next chunk, which starts at file offset `base`. Returns false once scanning has
    // stopped (a syntax error, or the top level is not an array); further chunks are ignored.
    bool feed(const char* data, std::size_t size, std::uint64_t base);
    // Call at end of file; reports truncation if the JSON is not complete.
    void finish(std::uint64_t fileSize);

    QuestionsScan& result() { return scan_; }
    std::size_t usersFound() const { return scan_.users.size(); }

private:
    enum class Mode : std::uint8_t {
        Structural,
        String,
        StringEscape,
        StringUnicode,
        Number,
        Literal,
        Failed
    };
    enum class Expect : std::uint8_t { Value, ValueOrEnd, Key, KeyOrEnd, Colon, CommaOrEnd, End };
    enum class RecordKey : std::uint8_t { Other, Id, Input, Profile, UserId };
    enum class Container : std::uint8_t { Object, Array };

    void fail(std::uint64_t pos, const std::string& what);
    bool scanString(const char*& p, const char* end, const char* data, std::uint64_t base);
    bool scanEscape(const char*& p, std::uint64_t pos);
    bool scanUnicode(const char*& p, std::uint64_t pos);
    bool structural(char c, std::uint64_t pos);
    void beginValue(char c, std::uint64_t pos);
    void endValue();
    void closeContainer(std::uint64_t pos);
    void endString();
    void endNumber();
    void storeCapturedValue(); // the captured id / user id value
    void shapeError(const std::string& what);
    void finishRecord(std::uint64_t endPos);
    void appendCodePoint(std::uint32_t cp);
    // Checks the UTF-8 of a run of string bytes (a sequence may continue from the last run).
    void checkUtf8(const char* p, const char* end, const char* chunk, std::uint64_t base);
    void utf8Error(std::uint64_t pos, unsigned char byte);

    std::string file_;
    QuestionsScan scan_;
    std::unordered_set<std::string> seenIds_;
    std::vector<std::string> duplicateIds_;
    std::uint64_t duplicateCount_ = 0;
    std::uint64_t shapeErrorCount_ = 0;

    Mode mode_ = Mode::Structural;
    Expect expect_ = Expect::Value;
    std::vector<Container> stack_;
    std::uint64_t line_ = 1;
    std::uint64_t lineStart_ = 0;
    bool bomChecked_ = false;
    std::size_t bomMatched_ = 0; // bytes of a leading BOM seen so far

    // String state.
    bool stringIsKey_ = false;
    bool capture_ = false;
    std::string captured_;
    std::uint32_t unicodeValue_ = 0;
    int unicodeDigits_ = 0;
    std::uint32_t highSurrogate_ = 0;
    // UTF-8 state inside strings: continuation bytes still due and the second byte's range.
    std::uint8_t utf8Need_ = 0;
    std::uint8_t utf8Lo_ = 0x80;
    std::uint8_t utf8Hi_ = 0xBF;
    std::uint64_t utf8SeqStart_ = 0;
    std::uint8_t utf8Lead_ = 0;

    // Number / literal state.
    std::uint8_t numberState_ = 0;
    bool captureNumber_ = false;
    const char* literal_ = nullptr;
    std::uint8_t literalPos_ = 0;

    // The record being scanned (an element of the top-level array).
    std::uint64_t recordIndex_ = 0;
    std::uint64_t recordStart_ = 0;
    bool recordIsObject_ = false;
    bool recordHasInput_ = false;
    bool recordHasProfile_ = false;
    bool recordHasId_ = false;
    RecordKey recordKey_ = RecordKey::Other;
    RecordKey captureTarget_ = RecordKey::Other;
    std::string recordId_;
    std::string recordUserId_;
    std::string recordShapeError_;
    bool recordUtf8Error_ = false; // recordShapeError_ is about invalid UTF-8 at this position
    std::uint64_t recordErrorLine_ = 0;
    std::uint64_t recordErrorColumn_ = 0;
    bool inProfile_ = false;
    std::uint32_t profileCount_ = 0;
    bool itemIsObject_ = false;
    bool itemHasId_ = false;
};

} // namespace r2p
