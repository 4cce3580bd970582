// Separates reasoning from the answer when a model writes both into the content stream:
// "<think>…</think>answer", or "…</think>answer" when the chat template already opened the tag
// in the prompt. Tags may be split across chunks at any byte.
#pragma once

#include <string>
#include <string_view>

namespace r2p::llm {

class ThinkSplitter {
public:
    enum class Start {
        Invalid = 0,
        Detect,      // reasoning only if the content opens with "<think>"
        InReasoning, // the prompt opened "<think>": content is reasoning until "</think>"
    };
    explicit ThinkSplitter(Start start = Start::Detect);

    // Appends the reasoning and answer parts of `content` to the outputs. Bytes that might be
    // the start of a tag are held back until the next call or finish().
    void feed(std::string_view content, std::string& reasoning, std::string& answer);
    // End of stream: releases held-back bytes.
    void finish(std::string& reasoning, std::string& answer);
    // True once "</think>" was seen (or content started without "<think>" in Detect mode).
    bool inAnswer() const { return state_ == State::Answer; }
    bool sawReasoning() const { return sawReasoning_; }

private:
    enum class State { Detecting, Reasoning, Answer };
    void emitAnswer(std::string_view text, std::string& answer);

    State state_;
    std::string held_;
    bool answerStarted_ = false; // leading whitespace after "</think>" is dropped
    bool sawReasoning_ = false;
};

} // namespace r2p::llm
