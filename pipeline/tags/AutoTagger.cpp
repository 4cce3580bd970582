#include "AutoTagger.h"

#include "pipeline/engine/Rpi.h"

#include <algorithm>
#include <cctype>

namespace r2p::tags {

namespace {

bool space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string excerpt(std::string_view text, std::size_t at) {
    const std::size_t from = at > 20 ? at - 20 : 0;
    std::string out(text.substr(from, 40));
    std::replace(out.begin(), out.end(), '\n', ' ');
    return "\"" + out + "\"";
}

} // namespace

std::string taggerAnnotator(const std::string& model) {
    return model + " via " + std::string(kTaggerPromptId) + " v" +
           std::to_string(kTaggerPromptVersion);
}

llm::GenerationRequest taggerRequest(const TagSet& set, std::string_view chain,
                                     const std::string& model, const std::string& label) {
    std::string tags;
    for (const auto& t : set.tags)
        tags += "- <" + t.id + ">: " + t.name + ". " + t.description + "\n";
    llm::GenerationRequest r;
    r.label = label;
    r.endpoint = llm::Endpoint::Chat;
    r.model = model;
    r.messages = {
        {llm::Role::System,
         "You label the segments of reasoning chains for research on personalized generation. "
         "You never change the text you label."},
        {llm::Role::User,
         "Copy the reasoning below exactly, character for character, and wrap each segment of it "
         "in one of these tags, written <id>...</id>:\n" +
             tags + "\n" +
             (set.answerTag.empty() ? std::string()
                                    : "Wrap the final answer in <" + set.answerTag + ">.\n") +
             "Every part of the text belongs to one segment; tags do not nest; add nothing, "
             "leave nothing out, change no word. Reply with the tagged copy only.\n\n"
             "Reasoning to label:\n<<<\n" +
             std::string(chain) + "\n>>>"}};
    r.temperature = 0.0;
    r.maxTokens = 2 * engine::approxTokens(chain) + 64 * static_cast<int>(set.tags.size()) + 256;
    r.stream = true;
    return r;
}

Result<std::vector<TagSpan>> readTaggerReply(const TagSet& set, std::string_view chain,
                                             std::string_view reply, const std::string& annotator) {
    const ParsedChain parsed = parseTags(set, "", reply);
    for (const auto& p : parsed.problems)
        return Error{"the tagger's reply has " + std::string(tagProblemName(p.kind)) + " <" +
                     p.tag + "> at " + excerpt(reply, p.at)};
    // The reply's bytes that are text, not markup.
    std::vector<char> markup(reply.size(), 0);
    for (const auto& s : parsed.spans) {
        std::fill(markup.begin() + static_cast<std::ptrdiff_t>(s.outerStart),
                  markup.begin() + static_cast<std::ptrdiff_t>(s.start), 1);
        std::fill(markup.begin() + static_cast<std::ptrdiff_t>(s.end),
                  markup.begin() + static_cast<std::ptrdiff_t>(s.outerEnd), 1);
    }
    // Each non-space text byte of the reply matched to the chain's next non-space byte.
    std::vector<std::size_t> toChain(reply.size() + 1, std::string_view::npos);
    std::size_t c = 0;
    for (std::size_t r = 0; r < reply.size(); ++r) {
        if (markup[r] || space(reply[r]))
            continue;
        while (c < chain.size() && space(chain[c]))
            ++c;
        if (c >= chain.size())
            return Error{"the tagger's reply adds text the chain does not have at " +
                         excerpt(reply, r)};
        if (chain[c] != reply[r])
            return Error{"the tagger changed the text: the chain has " + excerpt(chain, c) +
                         ", the reply " + excerpt(reply, r)};
        toChain[r] = c++;
    }
    while (c < chain.size() && space(chain[c]))
        ++c;
    if (c < chain.size())
        return Error{"the tagger's reply leaves out the chain's text from " + excerpt(chain, c)};
    std::vector<TagSpan> out;
    for (const auto& s : parsed.spans) {
        std::size_t first = std::string_view::npos, last = std::string_view::npos;
        for (std::size_t r = s.start; r < s.end; ++r)
            if (toChain[r] != std::string_view::npos) {
                if (first == std::string_view::npos)
                    first = toChain[r];
                last = toChain[r];
            }
        if (first == std::string_view::npos)
            continue;
        TagSpan span;
        span.start = span.outerStart = first;
        // Past the last byte's whole UTF-8 character (its continuation bytes match too).
        span.end = span.outerEnd = last + 1;
        span.tag = s.tag;
        span.source = TagSource::Auto;
        span.annotator = annotator;
        span.confidence = 1;
        out.push_back(std::move(span));
    }
    return out;
}

} // namespace r2p::tags
