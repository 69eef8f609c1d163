// `kamcanvas fmt FILE`: prints the file as kamcanvas would save it (known keys in the
// spec's order, unknown keys kept after them, 2-space indent).
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "core/format.hpp"

namespace kc::cli {
namespace {

const char* kFmtHelp =
    "usage: kamcanvas fmt FILE\n"
    "\n"
    "Prints FILE normalised on standard output ('-' reads standard input): known keys\n"
    "in the order of the format description, unknown keys kept after them in their\n"
    "order, 2-space indent, UTF-8, a newline at the end. The values are not changed.\n"
    "\n"
    "When FILE is not a valid portfolio nothing is printed on standard output; the\n"
    "errors go to standard error as FILE:PLACE: message (see `kamcanvas validate --help`).\n"
    "\n"
    "Exit status: 0 when printed, 1 when FILE is invalid or cannot be read, 2 for a usage error.\n";

}  // namespace

int fmt(const Args& args) {
    if (wants_help(args)) {
        std::fputs(kFmtHelp, stdout);
        return 0;
    }
    if (args.size() != 1 || (args[0].size() > 1 && args[0][0] == '-')) {
        std::fputs(kFmtHelp, stderr);
        return 2;
    }
    const std::string& file = args[0];
    std::string bytes, read_error;
    if (!read_file(file, bytes, read_error)) {
        std::fprintf(stderr, "%s: cannot read: %s\n", file.c_str(), read_error.c_str());
        return 1;
    }
    ReadResult result = read_portfolio(bytes);
    if (!result.ok()) {
        for (const Problem& p : result.errors)
            std::fprintf(stderr, "%s:%s: %s\n", file.c_str(), p.place.c_str(), p.message.c_str());
        return 1;
    }
    bytes.clear();
    bytes.shrink_to_fit();   // a large file need not be held twice
    const std::string text = write_portfolio(*result.portfolio);
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() || std::fflush(stdout) != 0) {
        std::fprintf(stderr, "kamcanvas fmt: cannot write the output\n");
        return 1;
    }
    return 0;
}

}  // namespace kc::cli
