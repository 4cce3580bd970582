// Separates reasoning from the answer when a model writes both into the content stream:
// "<think>…</think>answer", or "…</think>answer" when the chat template already opened the tag
// in the prompt (DeepSeek-R1 distills, QwQ, Qwen3 served without a reasoning parser). A closing
// tag with no opening tag means everything before it was reasoning, so in Detect mode content
// that does not open with "<think>" is held until "</think>" shows up or the stream ends. Tags
// may be split across chunks at any byte.
#pragma once

#include <string>
#include <string_view>

namespace r2p::llm {

class ThinkSplitter {
public:
    enum class Start {
        Invalid = 0,
        Detect,      // "<think>" first opens reasoning; a lone "</think>" ends it; neither: answer
        InReasoning, // the prompt opened "<think>": content is reasoning until "</think>"
        OpenTagOnly, // reasoning only after a leading "<think>"; other content streams as the
                     // answer at once (models whose template never opens the tag)
    };
    explicit ThinkSplitter(Start start = Start::Detect);

    // Appends the reasoning and answer parts of `content` to the outputs. Bytes that might be
    // the start of a tag, and in Detect mode content that may still turn out to be reasoning,
    // are held back until the next call or finish().
    void feed(std::string_view content, std::string& reasoning, std::string& answer);
    // End of stream: releases held-back bytes (held Detect-mode content is the answer).
    void finish(std::string& reasoning, std::string& answer);
    // The server sends reasoning in a field of its own: the content is the answer, nothing to
    // hold back (a no-op once reasoning or the answer has begun).
    void reasoningIsSeparate();
    // True once "</think>" was seen (or content started without "<think>" in Detect mode).
    bool inAnswer() const { return state_ == State::Answer; }
    bool sawReasoning() const { return sawReasoning_; }
    std::size_t heldBytes() const { return held_.size(); }

private:
    enum class State { Detecting, Undecided, Reasoning, Answer };
    void emitAnswer(std::string_view text, std::string& answer);

    State state_;
    bool holdForClosingTag_ = true; // Detect: content without "<think>" waits for "</think>"
    std::string held_;
    std::size_t searched_ = 0;   // Undecided: held_ before this holds no "</think>"
    bool answerStarted_ = false; // leading whitespace after "</think>" is dropped
    bool sawReasoning_ = false;
};

// For a reply whose content streamed as the answer (a model no template is known to open
// "<think>" for): a lone "</think>" in `answer`, with no "<think>" before it and no reasoning
// split off yet, makes everything before it the reasoning; the answer is what follows, leading
// whitespace dropped. Returns whether it moved anything.
bool splitLoneClosingTag(std::string& reasoning, std::string& answer);

} // namespace r2p::llm
