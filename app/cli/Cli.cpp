#include "Cli.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

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
                if (hasInline) {
                    values_[name] = inlineValue;
                } else if (i + 1 < args.size()) {
                    values_[name] = args[++i];
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

std::string Args::valueOr(const std::string& name, const std::string& fallback) const {
    return value(name).value_or(fallback);
}

int fail(const char* command, const std::string& message, int code) {
    std::cerr << "r2p " << command << ": " << message << "\n";
    return code;
}

Output::~Output() {
    if (file_ && file_ != stdout) {
        std::fclose(file_);
        std::remove(temp_.c_str());
    }
}

bool Output::open(const std::optional<std::string>& path) {
    if (!path) {
        file_ = stdout;
        return true;
    }
    target_ = *path;
    temp_ = *path + ".part";
    file_ = std::fopen(temp_.c_str(), "wb");
    return file_ != nullptr;
}

void Output::flushIfFull() {
    if (buffer_.size() >= (1u << 20))
        flush();
}

void Output::flush() {
    if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size())
        failed_ = true;
    buffer_.clear();
}

bool Output::finish() {
    flush();
    if (file_ == stdout)
        return std::fflush(stdout) == 0 && !failed_;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!closed || failed_) {
        std::remove(temp_.c_str());
        return false;
    }
    std::error_code ec;
    std::filesystem::rename(temp_, target_, ec);
    return !ec;
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
