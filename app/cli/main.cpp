// r2p: the workbench's engine from the command line (retrieve, eval, info, run, export).
#include "Cli.h"

#include <csignal>
#include <cstring>
#include <iostream>

using namespace r2p::cli;

namespace {
void usage(std::ostream& out) {
    out << "usage: r2p COMMAND [options]\n\ncommands:\n";
    for (const auto& c : commands())
        out << "  " << c.name << " " << c.synopsis << "\n      " << c.summary << "\n";
    out << "\nexit codes: 0 ok, 1 runtime failure, 2 usage or bad input\n";
}
} // namespace

int main(int argc, char** argv) {
    // Over RLIMIT_FSIZE a write fails with EFBIG (a message, temporaries removed) instead of
    // the process being killed half-way.
    std::signal(SIGXFSZ, SIG_IGN);
    if (argc < 2) {
        usage(std::cerr);
        return kExitUsage;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        usage(std::cout);
        return kExitOk;
    }
    if (name == "--version") {
        std::cout << "r2p 0.1.0\n";
        return kExitOk;
    }
    std::vector<std::string> args(argv + 2, argv + argc);
    for (const auto& c : commands()) {
        if (name == c.name) {
            for (const auto& a : args) {
                if (a == "--help" || a == "-h") {
                    std::cout << "usage: r2p " << c.name << " " << c.synopsis << "\n"
                              << c.summary << "\n";
                    return kExitOk;
                }
            }
            return c.run(args);
        }
    }
    std::cerr << "r2p: unknown command '" << name << "'\n";
    usage(std::cerr);
    return kExitUsage;
}
