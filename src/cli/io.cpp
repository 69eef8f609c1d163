// File reading and argument helpers shared by the subcommands.
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "commands.hpp"

namespace kc::cli {

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!f) {
        error = std::strerror(errno);
        return false;
    }
    out.clear();
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) out.append(buffer, n);
    bool failed = std::ferror(f);
    if (f != stdin) std::fclose(f);
    if (failed) error = "read error";
    return !failed;
}

bool wants_help(const Args& args) {
    for (const auto& a : args)
        if (a == "--help" || a == "-h") return true;
    return false;
}

}  // namespace kc::cli
