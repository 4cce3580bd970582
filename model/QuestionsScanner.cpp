#include "QuestionsScanner.h"

#include "Utf8.h"

#include <cstdio>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace r2p {

namespace {

constexpr std::size_t kMaxCapture = 4096;         // ids longer than this are cut (never seen)
constexpr std::uint64_t kMaxShapeFindings = 1000; // beyond this, only a count

#if defined(__SSE2__)
inline __m128i specialBytes(__m128i v) {
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i control = _mm_set1_epi8(0x1F);
    // max(v, 0x1F) == 0x1F exactly for the control bytes 0x00..0x1F (unsigned).
    return _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)),
                        _mm_cmpeq_epi8(_mm_max_epu8(v, control), control));
}
#endif

// The next byte that ends the plain run of a JSON string: '"', '\\' or a control byte.
// String bodies are nearly all of a LaMP file, so this is the scanner's hot loop.
inline const char* findStringSpecial(const char* p, const char* end) {
#if defined(__SSE2__)
    while (end - p >= 32) {
        const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(specialBytes(a))) |
                              (static_cast<unsigned>(_mm_movemask_epi8(specialBytes(b))) << 16);
        if (mask != 0)
            return p + __builtin_ctz(mask);
        p += 32;
    }
#endif
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20)
            return p;
        ++p;
    }
    return end;
}

inline int hexValue(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

inline bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

// JSON number grammar: the states after each accepted byte.
enum NumberState : std::uint8_t {
    kAfterMinus,
    kLeadingZero,
    kIntDigits,
    kAfterDot,
    kFracDigits,
    kAfterE,
    kAfterExpSign,
    kExpDigits,
};

// Advances the number state machine; false when `c` cannot continue the number.
inline bool numberStep(std::uint8_t& state, char c) {
    switch (state) {
    case kAfterMinus:
        if (!isDigit(c))
            return false;
        state = c == '0' ? kLeadingZero : kIntDigits;
        return true;
    case kLeadingZero:
        if (c == '.')
            state = kAfterDot;
        else if (c == 'e' || c == 'E')
            state = kAfterE;
        else
            return false;
        return true;
    case kIntDigits:
        if (isDigit(c))
            return true;
        if (c == '.')
            state = kAfterDot;
        else if (c == 'e' || c == 'E')
            state = kAfterE;
        else
            return false;
        return true;
    case kAfterDot:
        if (!isDigit(c))
            return false;
        state = kFracDigits;
        return true;
    case kFracDigits:
        if (isDigit(c))
            return true;
        if (c == 'e' || c == 'E') {
            state = kAfterE;
            return true;
        }
        return false;
    case kAfterE:
        if (c == '+' || c == '-')
            state = kAfterExpSign;
        else if (isDigit(c))
            state = kExpDigits;
        else
            return false;
        return true;
    case kAfterExpSign:
        if (!isDigit(c))
            return false;
        state = kExpDigits;
        return true;
    case kExpDigits:
        return isDigit(c);
    default:
        return false;
    }
}

inline bool numberComplete(std::uint8_t state) {
    return state == kLeadingZero || state == kIntDigits || state == kFracDigits ||
           state == kExpDigits;
}

} // namespace

QuestionsScanner::QuestionsScanner(std::string file) : file_(std::move(file)) {
    stack_.reserve(32);
    captured_.reserve(64);
}

void QuestionsScanner::fail(std::uint64_t pos, const std::string& what) {
    Finding f;
    f.severity = Severity::Error;
    f.code = FindingCode::JsonSyntax;
    f.file = file_;
    f.line = line_;
    f.column = pos >= lineStart_ ? pos - lineStart_ + 1 : 1;
    f.offset = pos;
    f.count = scan_.users.size();
    f.detail = what;
    if (stack_.size() >= 2 && !recordId_.empty())
        f.recordId = validUtf8(recordId_);
    scan_.findings.push_back(std::move(f));
    mode_ = Mode::Failed;
}

void QuestionsScanner::shapeError(const std::string& what) {
    if (recordShapeError_.empty())
        recordShapeError_ = what;
}

void QuestionsScanner::appendCodePoint(std::uint32_t cp) {
    if (captured_.size() + 4 > kMaxCapture)
        return;
    if (cp < 0x80) {
        captured_.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        captured_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        captured_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        captured_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        captured_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        captured_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        captured_.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        captured_.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        captured_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        captured_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void QuestionsScanner::utf8Error(std::uint64_t pos, unsigned char byte) {
    if (!recordShapeError_.empty())
        return; // one finding per record: the first thing wrong with it
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(byte));
    recordShapeError_ = "invalid UTF-8 in a string (byte " + std::string(hex) + ")";
    recordUtf8Error_ = true;
    recordErrorLine_ = line_;
    recordErrorColumn_ = pos >= lineStart_ ? pos - lineStart_ + 1 : 1;
}

// The one UTF-8 check of a questions file: every byte of every string (keys included), so that
// info, retrieve and run all skip and report the same record at the same line and column.
void QuestionsScanner::checkUtf8(const char* p, const char* end, const char* chunk,
                                 std::uint64_t base) {
    while (p < end) {
        if (utf8Need_ == 0) {
#if defined(__SSE2__)
            while (end - p >= 16 &&
                   _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))) == 0)
                p += 16;
#endif
            while (p < end && static_cast<unsigned char>(*p) < 0x80)
                ++p;
            if (p == end)
                return;
            const auto b0 = static_cast<unsigned char>(*p);
            utf8SeqStart_ = base + static_cast<std::uint64_t>(p - chunk);
            utf8Lead_ = b0;
            const Utf8Lead lead = utf8Lead(b0);
            utf8Need_ = static_cast<std::uint8_t>(lead.need);
            utf8Lo_ = lead.lo;
            utf8Hi_ = lead.hi;
            if (lead.need == 0)
                utf8Error(utf8SeqStart_, b0);
            ++p;
            continue;
        }
        const auto b = static_cast<unsigned char>(*p);
        if (b < utf8Lo_ || b > utf8Hi_) {
            // Reported at the sequence's first byte: that is where the bad character starts.
            utf8Error(utf8SeqStart_, utf8Lead_);
            utf8Need_ = 0;
            continue; // the byte may start the next sequence
        }
        utf8Lo_ = 0x80;
        utf8Hi_ = 0xBF;
        --utf8Need_;
        ++p;
    }
}

// String bytes up to the next quote, escape or control byte; false once failed.
bool QuestionsScanner::scanString(const char*& p, const char* end, const char* data,
                                  std::uint64_t base) {
    const char* q = findStringSpecial(p, end);
    if (capture_ && captured_.size() < kMaxCapture)
        captured_.append(p, std::min<std::size_t>(static_cast<std::size_t>(q - p),
                                                  kMaxCapture - captured_.size()));
    checkUtf8(p, q, data, base);
    p = q;
    if (p == end)
        return true;
    if (utf8Need_ != 0) { // a quote, escape or control byte inside a UTF-8 sequence
        utf8Error(utf8SeqStart_, utf8Lead_);
        utf8Need_ = 0;
    }
    if (*p == '"') {
        ++p;
        endString();
    } else if (*p == '\\') {
        ++p;
        mode_ = Mode::StringEscape;
    } else {
        fail(base + static_cast<std::uint64_t>(p - data), "a control character inside a string");
        return false;
    }
    return true;
}

// The byte after a backslash (`pos` its offset); false once failed.
bool QuestionsScanner::scanEscape(const char*& p, std::uint64_t pos) {
    const char c = *p;
    char decoded = 0;
    switch (c) {
    case '"':
    case '\\':
    case '/':
        decoded = c;
        break;
    case 'b':
        decoded = '\b';
        break;
    case 'f':
        decoded = '\f';
        break;
    case 'n':
        decoded = '\n';
        break;
    case 'r':
        decoded = '\r';
        break;
    case 't':
        decoded = '\t';
        break;
    case 'u':
        mode_ = Mode::StringUnicode;
        unicodeDigits_ = 0;
        unicodeValue_ = 0;
        ++p;
        return true;
    default:
        fail(pos, "an invalid escape sequence in a string");
        return false;
    }
    if (capture_ && captured_.size() < kMaxCapture)
        captured_.push_back(decoded);
    mode_ = Mode::String;
    ++p;
    return true;
}

// One hex digit of a \u escape (`pos` its offset); false once failed.
bool QuestionsScanner::scanUnicode(const char*& p, std::uint64_t pos) {
    const int h = hexValue(*p);
    if (h < 0) {
        fail(pos, "an invalid \\u escape in a string");
        return false;
    }
    unicodeValue_ = unicodeValue_ * 16 + static_cast<std::uint32_t>(h);
    ++p;
    if (++unicodeDigits_ == 4) {
        mode_ = Mode::String;
        if (capture_) {
            const std::uint32_t u = unicodeValue_;
            if (u >= 0xD800 && u <= 0xDBFF) {
                highSurrogate_ = u;
            } else if (u >= 0xDC00 && u <= 0xDFFF && highSurrogate_ != 0) {
                appendCodePoint(0x10000 + ((highSurrogate_ - 0xD800) << 10) + (u - 0xDC00));
                highSurrogate_ = 0;
            } else {
                appendCodePoint(u);
                highSurrogate_ = 0;
            }
        }
    }
    return true;
}

bool QuestionsScanner::feed(const char* data, std::size_t size, std::uint64_t base) {
    if (mode_ == Mode::Failed)
        return false;
    const char* p = data;
    const char* const end = data + size;
    if (!bomChecked_) {
        // A UTF-8 BOM opening the file is skipped; its bytes may arrive in separate chunks.
        static constexpr char kBom[] = "\xEF\xBB\xBF";
        while (p < end && bomMatched_ < 3 && *p == kBom[bomMatched_]) {
            ++p;
            ++bomMatched_;
        }
        if (p == end && bomMatched_ < 3)
            return true; // all so far may still be a BOM
        bomChecked_ = true;
        // Not a BOM after all: the bytes held back are scanned as text (at offsets 0..n-1).
        if (bomMatched_ < 3 && bomMatched_ > 0 && !feed(kBom, bomMatched_, 0))
            return false;
    }
    auto posOf = [&](const char* q) {
        return base + static_cast<std::uint64_t>(q - data);
    };

    while (p < end) {
        switch (mode_) {
        case Mode::String:
            if (!scanString(p, end, data, base))
                return false;
            break;
        case Mode::StringEscape:
            if (!scanEscape(p, posOf(p)))
                return false;
            break;
        case Mode::StringUnicode:
            if (!scanUnicode(p, posOf(p)))
                return false;
            break;
        case Mode::Number: {
            if (numberStep(numberState_, *p)) {
                if (captureNumber_ && captured_.size() < kMaxCapture)
                    captured_.push_back(*p);
                ++p;
                break;
            }
            if (!numberComplete(numberState_)) {
                fail(posOf(p), "an incomplete number");
                return false;
            }
            endNumber(); // the byte that ended the number is read again as structure
            break;
        }
        case Mode::Literal: {
            if (*p != literal_[literalPos_]) {
                fail(posOf(p), "an invalid literal (expected true, false or null)");
                return false;
            }
            ++p;
            if (literal_[++literalPos_] == '\0') {
                mode_ = Mode::Structural;
                endValue();
            }
            break;
        }
        case Mode::Structural: {
            const char c = *p;
            if (c == ' ' || c == '\t' || c == '\r') {
                ++p;
                break;
            }
            if (c == '\n') {
                ++p;
                ++line_;
                lineStart_ = posOf(p);
                break;
            }
            if (!structural(c, posOf(p)))
                return false;
            ++p;
            break;
        }
        case Mode::Failed:
            return false;
        }
    }
    return mode_ != Mode::Failed;
}

bool QuestionsScanner::structural(char c, std::uint64_t pos) {
    switch (expect_) {
    case Expect::Value:
    case Expect::ValueOrEnd:
        if (c == ']' && expect_ == Expect::ValueOrEnd) {
            closeContainer(pos);
            return true;
        }
        if (stack_.empty() && c != '[') {
            Finding f;
            f.severity = Severity::Error;
            f.code = FindingCode::TopLevelNotArray;
            f.file = file_;
            f.line = line_;
            f.column = pos - lineStart_ + 1;
            f.offset = pos;
            scan_.findings.push_back(std::move(f));
            mode_ = Mode::Failed;
            return false;
        }
        beginValue(c, pos);
        return mode_ != Mode::Failed;
    case Expect::Key:
    case Expect::KeyOrEnd:
        if (c == '"') {
            const std::size_t depth = stack_.size();
            stringIsKey_ = true;
            capture_ =
                (depth == 2 && recordIsObject_) || (depth == 4 && inProfile_ && itemIsObject_);
            captured_.clear();
            mode_ = Mode::String;
            return true;
        }
        if (c == '}' && expect_ == Expect::KeyOrEnd) {
            closeContainer(pos);
            return true;
        }
        fail(pos, expect_ == Expect::KeyOrEnd ? "expected a key in double quotes or '}'"
                                              : "expected a key in double quotes");
        return false;
    case Expect::Colon:
        if (c == ':') {
            expect_ = Expect::Value;
            return true;
        }
        fail(pos, "expected ':' after a key");
        return false;
    case Expect::CommaOrEnd: {
        const Container top = stack_.back();
        if (c == ',') {
            expect_ = top == Container::Object ? Expect::Key : Expect::Value;
            return true;
        }
        if ((c == '}' && top == Container::Object) || (c == ']' && top == Container::Array)) {
            closeContainer(pos);
            return true;
        }
        fail(pos, top == Container::Object ? "expected ',' or '}'" : "expected ',' or ']'");
        return false;
    }
    case Expect::End:
        fail(pos, "unexpected data after the end of the top-level array");
        return false;
    }
    return false;
}

void QuestionsScanner::beginValue(char c, std::uint64_t pos) {
    const std::size_t depth = stack_.size();
    bool captureThis = false;
    if (depth == 1) {
        // A new record: an element of the top-level array.
        ++recordIndex_;
        recordStart_ = pos;
        recordIsObject_ = c == '{';
        recordHasInput_ = recordHasProfile_ = recordHasId_ = false;
        recordKey_ = RecordKey::Other;
        recordId_.clear();
        recordUserId_.clear();
        recordShapeError_.clear();
        recordUtf8Error_ = false;
        inProfile_ = false;
        profileCount_ = 0;
        if (!recordIsObject_)
            shapeError("the record is not a JSON object");
    } else if (depth == 2 && recordIsObject_) {
        const bool scalarId = c == '"' || c == '-' || isDigit(c);
        switch (recordKey_) {
        case RecordKey::Id:
        case RecordKey::UserId:
            if (scalarId) {
                captureThis = true;
                captureTarget_ = recordKey_;
                if (recordKey_ == RecordKey::Id)
                    recordHasId_ = true;
            } else {
                shapeError(recordKey_ == RecordKey::Id ? "\"id\" is not a string"
                                                       : "\"user_id\" is not a string");
            }
            break;
        case RecordKey::Input:
            if (c == '"')
                recordHasInput_ = true;
            else
                shapeError("\"input\" is not a string");
            break;
        case RecordKey::Profile:
            if (c == '[') {
                inProfile_ = true;
                recordHasProfile_ = true;
                profileCount_ = 0;
            } else {
                shapeError("\"profile\" is not an array");
            }
            break;
        case RecordKey::Other:
            break;
        }
    } else if (depth == 3 && inProfile_) {
        ++profileCount_;
        itemIsObject_ = c == '{';
        itemHasId_ = false;
        if (!itemIsObject_)
            shapeError("profile item " + std::to_string(profileCount_) + " is not an object");
    }

    switch (c) {
    case '{':
        stack_.push_back(Container::Object);
        expect_ = Expect::KeyOrEnd;
        break;
    case '[':
        stack_.push_back(Container::Array);
        expect_ = Expect::ValueOrEnd;
        break;
    case '"':
        stringIsKey_ = false;
        capture_ = captureThis;
        captured_.clear();
        mode_ = Mode::String;
        break;
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
        mode_ = Mode::Number;
        numberState_ = c == '-' ? kAfterMinus : (c == '0' ? kLeadingZero : kIntDigits);
        captureNumber_ = captureThis;
        captured_.clear();
        if (captureThis)
            captured_.push_back(c);
        break;
    case 't':
        literal_ = "true";
        literalPos_ = 1;
        mode_ = Mode::Literal;
        break;
    case 'f':
        literal_ = "false";
        literalPos_ = 1;
        mode_ = Mode::Literal;
        break;
    case 'n':
        literal_ = "null";
        literalPos_ = 1;
        mode_ = Mode::Literal;
        break;
    default:
        fail(pos, "expected a value");
        break;
    }
}

void QuestionsScanner::endString() {
    mode_ = Mode::Structural;
    if (stringIsKey_) {
        stringIsKey_ = false;
        expect_ = Expect::Colon;
        if (capture_) {
            const std::size_t depth = stack_.size();
            if (depth == 2) {
                if (captured_ == "id")
                    recordKey_ = RecordKey::Id;
                else if (captured_ == "input")
                    recordKey_ = RecordKey::Input;
                else if (captured_ == "profile")
                    recordKey_ = RecordKey::Profile;
                else if (captured_ == "user_id")
                    recordKey_ = RecordKey::UserId;
                else
                    recordKey_ = RecordKey::Other;
            } else if (depth == 4 && captured_ == "id") {
                itemHasId_ = true;
            }
        }
        capture_ = false;
        return;
    }
    if (capture_)
        storeCapturedValue();
    capture_ = false;
    endValue();
}

void QuestionsScanner::endNumber() {
    mode_ = Mode::Structural;
    if (captureNumber_)
        storeCapturedValue();
    captureNumber_ = false;
    endValue();
}

void QuestionsScanner::storeCapturedValue() {
    if (captureTarget_ == RecordKey::Id)
        recordId_ = captured_;
    else if (captureTarget_ == RecordKey::UserId)
        recordUserId_ = captured_;
}

void QuestionsScanner::endValue() {
    if (stack_.empty()) {
        expect_ = Expect::End;
        return;
    }
    expect_ = Expect::CommaOrEnd;
    if (stack_.size() == 1) { // a scalar where a record should be
        finishRecord(recordStart_);
        return;
    }
    if (stack_.size() == 2 && recordIsObject_)
        recordKey_ = RecordKey::Other; // the value of this key is done
}

void QuestionsScanner::closeContainer(std::uint64_t pos) {
    const std::size_t depth = stack_.size();
    if (depth == 4 && inProfile_ && itemIsObject_) {
        if (!itemHasId_)
            shapeError("profile item " + std::to_string(profileCount_) + " has no \"id\"");
        itemIsObject_ = false;
    } else if (depth == 3 && inProfile_) {
        inProfile_ = false;
    }
    stack_.pop_back();
    if (stack_.size() == 1) {
        finishRecord(pos);
        expect_ = Expect::CommaOrEnd;
        return;
    }
    endValue();
}

void QuestionsScanner::finishRecord(std::uint64_t endPos) {
    if (recordShapeError_.empty()) {
        if (!recordHasId_)
            shapeError("it has no \"id\"");
        else if (!recordHasInput_)
            shapeError("it has no \"input\"");
        else if (!recordHasProfile_)
            shapeError("it has no \"profile\"");
    }
    if (!recordShapeError_.empty()) {
        ++shapeErrorCount_;
        if (shapeErrorCount_ <= kMaxShapeFindings) {
            Finding f;
            f.severity = Severity::Warning;
            f.code = FindingCode::RecordWrongShape;
            f.file = file_;
            f.recordId =
                recordId_.empty() ? "#" + std::to_string(recordIndex_) : validUtf8(recordId_);
            f.offset = recordStart_;
            f.detail = recordShapeError_;
            if (recordUtf8Error_) {
                f.line = recordErrorLine_;
                f.column = recordErrorColumn_;
            }
            scan_.findings.push_back(std::move(f));
        }
        return;
    }
    if (!seenIds_.insert(recordId_).second) {
        ++duplicateCount_;
        if (duplicateIds_.size() < 20)
            duplicateIds_.push_back(recordId_);
        return;
    }
    UserIndexEntry e;
    e.id = recordId_;
    e.offset = recordStart_;
    e.length = endPos - recordStart_ + 1;
    e.profileSize = profileCount_;
    e.userId = recordUserId_;
    if (!recordUserId_.empty())
        scan_.anyUserId = true;
    scan_.users.push_back(std::move(e));
}

void QuestionsScanner::finish(std::uint64_t fileSize) {
    if (!bomChecked_) { // the file is the start of a BOM and nothing else
        bomChecked_ = true;
        if (bomMatched_ > 0)
            feed("\xEF\xBB\xBF", bomMatched_, 0);
    }
    // A scalar record at the top level ends without a closing bracket of its own.
    if (mode_ != Mode::Failed && !(mode_ == Mode::Structural && expect_ == Expect::End)) {
        Finding f;
        f.severity = Severity::Error;
        f.code = FindingCode::JsonTruncated;
        f.file = file_;
        f.line = line_;
        f.column = fileSize >= lineStart_ ? fileSize - lineStart_ + 1 : 1;
        f.offset = fileSize;
        f.count = scan_.users.size();
        if (stack_.empty() && mode_ == Mode::Structural)
            f.detail = "the file is empty";
        scan_.findings.push_back(std::move(f));
        mode_ = Mode::Failed;
    }
    if (shapeErrorCount_ > kMaxShapeFindings) {
        Finding f;
        f.severity = Severity::Warning;
        f.code = FindingCode::RecordWrongShape;
        f.file = file_;
        f.recordId = "…";
        f.count = shapeErrorCount_ - kMaxShapeFindings;
        f.detail = std::to_string(f.count) + " more records with a wrong shape were skipped";
        scan_.findings.push_back(std::move(f));
    }
    if (duplicateCount_ > 0) {
        Finding f;
        f.severity = Severity::Warning;
        f.code = FindingCode::DuplicateId;
        f.file = file_;
        f.count = duplicateCount_;
        f.ids = duplicateIds_;
        scan_.findings.push_back(std::move(f));
    }
}

} // namespace r2p
