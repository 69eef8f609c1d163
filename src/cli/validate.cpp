// `kamcanvas validate FILE...`: checks portfolio files against format 1 and lists
// every error and warning as FILE:PLACE: message, one a line.
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "core/format.hpp"

namespace kc::cli {
namespace {

const char* kValidateHelp =
    "usage: kamcanvas validate FILE...\n"
    "\n"
    "Checks each FILE against the portfolio format, version 1 ('-' reads standard input).\n"
    "\n"
    "Output:\n"
    "  stdout, per valid file:   FILE: ok (N accounts, K warnings)\n"
    "  stderr, per error:        FILE:PLACE: message\n"
    "  stderr, per warning:      FILE:PLACE: warning: message\n"
    "PLACE is LINE:COLUMN (both from 1) for a JSON syntax error, else the JSON Pointer\n"
    "of the value concerned (/accounts/3/revenue/2025; / is the whole file).\n"
    "Warnings do not make a file invalid.\n"
    "\n"
    "Exit status: 0 when every file is valid, 1 when any is not (or cannot be read),\n"
    "2 for a usage error.\n";

void print_problems(const std::string& file, const Problems& problems) {
    for (const Problem& p : problems)
        std::fprintf(stderr, "%s:%s: %s%s\n", file.c_str(), p.place.c_str(),
                     p.severity == Severity::warning ? "warning: " : "", p.message.c_str());
}

// True when the file is valid.
bool validate_one(const std::string& file) {
    std::string bytes, read_error;
    if (!read_file(file, bytes, read_error)) {
        std::fprintf(stderr, "%s: cannot read: %s\n", file.c_str(), read_error.c_str());
        return false;
    }
    ReadResult result = read_portfolio(bytes);
    print_problems(file, result.errors);
    if (!result.ok()) return false;
    print_problems(file, result.warnings);
    const std::size_t accounts = result.portfolio->accounts.size();
    const std::size_t warnings = result.warnings.size();
    std::printf("%s: ok (%zu account%s, %zu warning%s)\n", file.c_str(), accounts, accounts == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
    return true;
}

}  // namespace

int validate(const Args& args) {
    if (wants_help(args)) {
        std::fputs(kValidateHelp, stdout);
        return 0;
    }
    if (args.empty()) {
        std::fputs(kValidateHelp, stderr);
        return 2;
    }
    for (const auto& a : args)
        if (a.size() > 1 && a[0] == '-') {
            std::fprintf(stderr, "kamcanvas validate: unknown option '%s'\n\n%s", a.c_str(), kValidateHelp);
            return 2;
        }
    bool all_valid = true;
    for (const auto& file : args) all_valid = validate_one(file) && all_valid;
    std::fflush(stdout);
    return all_valid ? 0 : 1;
}

}  // namespace kc::cli
