// kamcanvas — the command line: read, check, normalise and analyse portfolio files.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.hpp"

namespace {

const char* kUsage =
    "usage: kamcanvas COMMAND [ARGS]\n"
    "\n"
    "commands:\n"
    "  validate FILE...          check portfolio files (format 1); exit 0 when all are valid\n"
    "  fmt FILE                  print the file normalised (known keys in spec order)\n"
    "  analyze FILE [--year Y]   print the analysis report as JSON\n"
    "  import-csv FILE.csv       print a CSV export (spreadsheet, CRM) as a portfolio\n"
    "\n"
    "`kamcanvas COMMAND --help` tells more about one command.\n";

struct Command {
    const char* name;
    int (*run)(const kc::cli::Args&);
};

constexpr Command kCommands[] = {
    {"validate", kc::cli::validate},
    {"fmt", kc::cli::fmt},
    {"analyze", kc::cli::analyze},
    {"import-csv", kc::cli::import_csv},
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
        !std::strcmp(argv[1], "help")) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    kc::cli::Args args(argv + 2, argv + argc);
    for (const auto& command : kCommands)
        if (!std::strcmp(argv[1], command.name)) return command.run(args);
    std::fprintf(stderr, "kamcanvas: unknown command '%s'\n\n%s", argv[1], kUsage);
    return 2;
}
