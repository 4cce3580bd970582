#include "ThinkSplitter.h"

namespace r2p::llm {

namespace {
constexpr std::string_view kOpen = "<think>";
constexpr std::string_view kClose = "</think>";

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

// Length of the longest suffix of `text` that is a proper prefix of `tag`.
std::size_t partialTagSuffix(std::string_view text, std::string_view tag) {
    for (std::size_t n = std::min(text.size(), tag.size() - 1); n > 0; --n)
        if (text.substr(text.size() - n) == tag.substr(0, n))
            return n;
    return 0;
}
} // namespace

ThinkSplitter::ThinkSplitter(Start start)
    : state_(start == Start::InReasoning ? State::Reasoning : State::Detecting),
      holdForClosingTag_(start != Start::OpenTagOnly), sawReasoning_(start == Start::InReasoning) {}

void ThinkSplitter::emitAnswer(std::string_view text, std::string& answer) {
    if (!answerStarted_) {
        std::size_t i = 0;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        text.remove_prefix(i);
        if (text.empty())
            return;
        answerStarted_ = true;
    }
    answer.append(text);
}

void ThinkSplitter::reasoningIsSeparate() {
    if (state_ == State::Detecting && held_.empty()) {
        state_ = State::Answer;
        answerStarted_ = true;
    }
}

void ThinkSplitter::feed(std::string_view content, std::string& reasoning, std::string& answer) {
    if (content.empty())
        return;
    held_.append(content);
    if (state_ == State::Detecting) {
        std::size_t i = 0;
        while (i < held_.size() && isSpace(held_[i]))
            ++i;
        const std::string_view rest = std::string_view(held_).substr(i);
        if (rest.size() < kOpen.size() && kOpen.substr(0, rest.size()) == rest)
            return; // could still become "<think>"
        if (rest.substr(0, kOpen.size()) == kOpen) {
            state_ = State::Reasoning;
            sawReasoning_ = true;
            held_.erase(0, i + kOpen.size());
        } else if (holdForClosingTag_) {
            state_ = State::Undecided; // reasoning if a "</think>" follows, else the answer
            searched_ = 0;
        } else {
            state_ = State::Answer;
            answerStarted_ = true; // no reasoning block: the content is the answer as it is
        }
    }
    if (state_ == State::Undecided) {
        // Only the new bytes (and a tag split before them) need searching: linear overall.
        const std::size_t from = searched_ > kClose.size() ? searched_ - kClose.size() : 0;
        const auto close = held_.find(kClose, from);
        if (close == std::string::npos) {
            searched_ = held_.size();
            return;
        }
        sawReasoning_ = true;
        reasoning.append(held_, 0, close);
        held_.erase(0, close + kClose.size());
        state_ = State::Answer;
    }
    if (state_ == State::Reasoning) {
        const auto close = held_.find(kClose);
        if (close == std::string::npos) {
            const std::size_t keep = partialTagSuffix(held_, kClose);
            reasoning.append(held_, 0, held_.size() - keep);
            held_.erase(0, held_.size() - keep);
            return;
        }
        reasoning.append(held_, 0, close);
        held_.erase(0, close + kClose.size());
        state_ = State::Answer;
    }
    emitAnswer(held_, answer);
    held_.clear();
}

void ThinkSplitter::finish(std::string& reasoning, std::string& answer) {
    if (held_.empty())
        return;
    if (state_ == State::Reasoning) {
        reasoning.append(held_);
    } else {
        if (state_ == State::Undecided)
            answerStarted_ = true; // no tag came: the content is the answer as it is
        state_ = State::Answer;
        emitAnswer(held_, answer);
    }
    held_.clear();
}

bool splitLoneClosingTag(std::string& reasoning, std::string& answer) {
    if (!reasoning.empty())
        return false;
    const auto close = answer.find(kClose);
    if (close == std::string::npos || answer.rfind(kOpen, close) != std::string::npos)
        return false;
    reasoning.assign(answer, 0, close);
    std::size_t from = close + kClose.size();
    while (from < answer.size() && isSpace(answer[from]))
        ++from;
    answer.erase(0, from);
    return true;
}

} // namespace r2p::llm
