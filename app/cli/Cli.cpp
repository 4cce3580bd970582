#include "Cli.h"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace r2p::cli {

namespace {
std::vector<Command>& registry() {
    static std::vector<Command> all;
    return all;
}
} // namespace

Registrar::Registrar(Command command) {
    registry().push_back(command);
}

const std::vector<Command>& commands() {
    auto& all = registry();
    std::sort(all.begin(), all.end(),
              [](const Command& a, const Command& b) { return std::string(a.name) < b.name; });
    return all;
}

Args::Args(std::vector<std::string> valueOptions, std::vector<std::string> flagOptions)
    : valueOptions_(std::move(valueOptions)), flagOptions_(std::move(flagOptions)) {}

bool Args::parse(const std::vector<std::string>& args) {
    auto contains = [](const std::vector<std::string>& v, const std::string& s) {
        return std::find(v.begin(), v.end(), s) != v.end();
    };
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a.size() > 2 && a.rfind("--", 0) == 0) {
            std::string name = a.substr(2), inlineValue;
            const bool hasInline = name.find('=') != std::string::npos;
            if (hasInline) {
                inlineValue = name.substr(name.find('=') + 1);
                name = name.substr(0, name.find('='));
            }
            if (contains(valueOptions_, name)) {
                if (hasInline || i + 1 < args.size()) {
                    values_[name] = hasInline ? inlineValue : args[++i];
                    all_[name].push_back(values_[name]);
                } else {
                    error_ = "option --" + name + " needs a value";
                    return false;
                }
            } else if (contains(flagOptions_, name) && !hasInline) {
                flags_.push_back(name);
            } else {
                error_ = "unknown option " + a;
                return false;
            }
        } else {
            positional_.push_back(a);
        }
    }
    return true;
}

bool Args::has(const std::string& name) const {
    return values_.count(name) || std::find(flags_.begin(), flags_.end(), name) != flags_.end();
}

std::optional<std::string> Args::value(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end())
        return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::values(const std::string& name) const {
    auto it = all_.find(name);
    return it == all_.end() ? std::vector<std::string>{} : it->second;
}

std::string Args::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

int fail(const char* command, const std::string& message, int code) {
    std::cerr << "r2p " << command << ": " << message << "\n";
    return code;
}

namespace {

// Temporaries of open Outputs, for the signal handler: fixed buffers, no allocation there.
constexpr int kTempSlots = 8;
char gTempPaths[kTempSlots][4096];
volatile std::sig_atomic_t gTempUsed[kTempSlots];

extern "C" void removeTemporariesAndDie(int sig) {
    for (int i = 0; i < kTempSlots; ++i)
        if (gTempUsed[i])
            ::unlink(gTempPaths[i]);
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

int claimSlot(const std::string& path) {
    if (path.size() >= sizeof gTempPaths[0])
        return -1;
    for (int i = 0; i < kTempSlots; ++i) {
        if (!gTempUsed[i]) {
            std::memcpy(gTempPaths[i], path.c_str(), path.size() + 1);
            gTempUsed[i] = 1;
            return i;
        }
    }
    return -1;
}

void installHandlersOnce() {
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_DFL) // a command's own handler (r2p run) stays
            std::signal(sig, removeTemporariesAndDie);
    }
}

} // namespace

Output::~Output() {
    if (file_ && file_ != stdout)
        discard();
}

void Output::discard() {
    if (file_ && file_ != stdout)
        std::fclose(file_);
    file_ = nullptr;
    if (!temp_.empty())
        ::unlink(temp_.c_str());
    if (slot_ >= 0)
        gTempUsed[slot_] = 0;
    slot_ = -1;
}

bool Output::open(const std::optional<std::string>& path) {
    if (!path) {
        file_ = stdout;
        return true;
    }
    installHandlersOnce();
    target_ = *path;
    const std::filesystem::path target(*path);
    std::filesystem::path folder = target.parent_path();
    if (folder.empty())
        folder = ".";
    // Hidden, random, created with O_CREAT|O_EXCL: nothing that already exists is written to.
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        error_ = std::strerror(errno);
        return false;
    }
    temp_ = pattern;
    slot_ = claimSlot(temp_);
    // mkstemp makes the file 0600; an export gets the usual 0666 less the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        error_ = std::strerror(errno);
        ::close(fd);
        discard();
        return false;
    }
    return true;
}

void Output::flushIfFull() {
    if (buffer_.size() >= (1u << 20))
        flush();
}

void Output::flush() {
    if (!buffer_.empty() && !failed_ &&
        std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
        failed_ = true;
        error_ = std::strerror(errno);
    }
    buffer_.clear();
}

bool Output::finish() {
    flush();
    if (file_ == stdout)
        return std::fflush(stdout) == 0 && !failed_;
    if (!file_)
        return false;
    if (!failed_ && std::fflush(file_) != 0) {
        failed_ = true;
        error_ = std::strerror(errno);
    }
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed && !failed_) {
        failed_ = true;
        error_ = std::strerror(errno);
    }
    if (failed_) {
        discard();
        return false;
    }
    // rename() replaces a symlink at the target itself; it never writes through it.
    if (::rename(temp_.c_str(), target_.c_str()) != 0) {
        error_ = std::strerror(errno);
        discard();
        return false;
    }
    temp_.clear();
    discard();
    return true;
}

std::vector<std::string> splitCommas(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(part);
    return out;
}

} // namespace r2p::cli
