// SSE reader throughput on a vLLM-shaped stream (target >= 200 MB/s), fed in network-sized
// pieces, and the cost of decoding each event's JSON chunk.
//
//   bench_sse [--mb 256] [--smoke]
#include "pipeline/llm/OpenAiProtocol.h"
#include "pipeline/llm/SseReader.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace r2p::llm;

namespace {
double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string vllmStream(std::size_t targetBytes) {
    std::string s;
    s.reserve(targetBytes + 512);
    const char* words[] = {" the",     " user", " rates", " battery", " life",
                           " harshly", " [P2]", " so",    " 2"};
    std::size_t i = 0;
    while (s.size() < targetBytes) {
        const bool reasoning = (i / 40) % 2 == 0;
        s +=
            "data: "
            "{\"id\":\"chatcmpl-8f3a\",\"object\":\"chat.completion.chunk\",\"created\":1732200000,"
            "\"model\":\"deepseek-r1-distill-qwen-7b\",\"choices\":[{\"index\":0,\"delta\":{\"";
        s += reasoning ? "reasoning_content" : "content";
        s += "\":\"";
        s += words[i % 9];
        s += "\"},\"logprobs\":null,\"finish_reason\":null}]}\n\n";
        if (i % 500 == 0)
            s += ": keep-alive\n\n";
        ++i;
    }
    s += "data: [DONE]\n\n";
    return s;
}
} // namespace

int main(int argc, char** argv) {
    std::size_t mb = 256;
    bool smoke = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--smoke"))
            smoke = true;
        else if (!std::strcmp(argv[i], "--mb") && i + 1 < argc)
            mb = std::stoul(argv[++i]);
    }
    if (smoke)
        mb = 4;
    const std::string stream = vllmStream(mb << 20);
    const std::size_t piece = 16 * 1024; // what a socket read typically hands over

    double best = 1e9;
    std::size_t events = 0;
    std::vector<std::string> datas;
    for (int run = 0; run < (smoke ? 1 : 5); ++run) {
        SseReader reader;
        events = 0;
        const double t0 = now();
        for (std::size_t at = 0; at < stream.size(); at += piece)
            reader.feed(std::string_view(stream).substr(at, piece), [&](SseEvent&& e) {
                ++events;
                if (run == 0 && datas.size() < 200000)
                    datas.push_back(std::move(e.data));
            });
        reader.finish();
        best = std::min(best, now() - t0);
    }
    const double t0 = now();
    std::size_t decoded = 0;
    for (const auto& d : datas)
        decoded += decodeStreamEvent(d).ok();
    const double decodeSeconds = now() - t0;

    const double mib = double(stream.size()) / double(1 << 20);
    std::printf("SSE reader: %.0f MiB, %zu events, best %.3f s -> %.0f MB/s (target >= 200 MB/s)\n",
                mib, events, best, double(stream.size()) / best / 1e6);
    std::printf("chunk JSON decode: %.2f us per event (%zu events)\n",
                decodeSeconds / double(datas.size()) * 1e6, decoded);
    return events > 0 && decoded == datas.size() ? 0 : 1;
}
