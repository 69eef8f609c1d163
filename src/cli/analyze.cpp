// `kamcanvas analyze FILE [--year Y] [--spec-only]`: reads a portfolio and prints its
// analysis report (../shared/spec/analysis.md, plus docs/analysis-extensions.md) as JSON
// with a 2-space indent on stdout. A file that cannot be read gives its errors as
// FILE:PLACE: message on stderr, exactly as `validate` does, and exit status 1.
#include <charconv>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "commands.hpp"
#include "core/analysis.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"

namespace kc::cli {
namespace {

const char* kAnalyzeHelp =
    "usage: kamcanvas analyze FILE [--year Y] [--spec-only]\n"
    "\n"
    "Prints the analysis report of the portfolio in FILE ('-' reads standard input) as\n"
    "JSON on stdout: customer pyramid, Pareto and ABC, rating, portfolio matrix, share of\n"
    "wallet, retention, then the pyramid migration, the breakdowns per segment, region\n"
    "and product group, and the weighting (rank changes, sensitivity of the top 10 to\n"
    "each weight).\n"
    "\n"
    "Options:\n"
    "  --year Y      analyse year Y (four digits) instead of the file's year, or, when the\n"
    "                file has none, the latest year with revenue\n"
    "  --spec-only   leave out `migration`, `breakdowns` and `weighting`: only the keys of\n"
    "                analysis.md\n"
    "\n"
    "Errors and warnings go to stderr as FILE:PLACE: message (warnings with 'warning: ').\n"
    "Exit status: 0 with a report, 1 when the file is not a valid portfolio (or cannot be\n"
    "read), 2 for a usage error.\n";

struct Options {
    std::string file;
    std::optional<int> year;
    bool spec_only = false;
};

int usage_error(const std::string& message) {
    std::fprintf(stderr, "kamcanvas analyze: %s\n\n%s", message.c_str(), kAnalyzeHelp);
    return 2;
}

// A four-digit year, as the format's year keys are.
std::optional<int> parse_year(const std::string& text) {
    int year = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, year);
    if (ec != std::errc() || ptr != end || text.size() != 4 || year < 1000) return std::nullopt;
    return year;
}

// Fills `options`; returns -1 when the arguments are fine, else the exit status.
int parse_arguments(const Args& args, Options& options) {
    bool have_file = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string year_text;
        if (a == "--year") {
            if (i + 1 == args.size()) return usage_error("--year needs a year");
            year_text = args[++i];
        } else if (a.rfind("--year=", 0) == 0) {
            year_text = a.substr(7);
        } else if (a == "--spec-only") {
            options.spec_only = true;
            continue;
        } else if (a.size() > 1 && a[0] == '-') {
            return usage_error("unknown option '" + a + "'");
        } else {
            if (have_file) return usage_error("one FILE only, got '" + options.file + "' and '" + a + "'");
            options.file = a;
            have_file = true;
            continue;
        }
        options.year = parse_year(year_text);
        if (!options.year) return usage_error("--year must be a four-digit year, got '" + year_text + "'");
    }
    if (!have_file) return usage_error("FILE is missing");
    return -1;
}

void print_problems(const std::string& file, const Problems& problems) {
    for (const Problem& p : problems)
        std::fprintf(stderr, "%s:%s: %s%s\n", file.c_str(), p.place.c_str(),
                     p.severity == Severity::warning ? "warning: " : "", p.message.c_str());
}

}  // namespace

int analyze(const Args& args) {
    if (wants_help(args)) {
        std::fputs(kAnalyzeHelp, stdout);
        return 0;
    }
    Options options;
    if (int status = parse_arguments(args, options); status >= 0) return status;

    std::string bytes, read_error;
    if (!read_file(options.file, bytes, read_error)) {
        std::fprintf(stderr, "%s: cannot read: %s\n", options.file.c_str(), read_error.c_str());
        return 1;
    }
    ReadResult result = read_portfolio(bytes);
    bytes = std::string();   // the text is not needed any more: give its memory back
    print_problems(options.file, result.errors);
    if (!result.ok()) return 1;
    print_problems(options.file, result.warnings);

    const Portfolio& portfolio = *result.portfolio;
    const Report report = kc::analyze(portfolio, options.year);
    // Streamed: a million accounts give a few hundred MB of text, never held at once.
    bool written = true;
    write_report_json(report, portfolio, {.include_extensions = !options.spec_only}, [&](std::string_view chunk) {
        written = written && std::fwrite(chunk.data(), 1, chunk.size(), stdout) == chunk.size();
    });
    written = written && std::fputc('\n', stdout) != EOF && std::fflush(stdout) == 0;
    if (!written) {
        std::fprintf(stderr, "kamcanvas analyze: cannot write the report to standard output\n");
        return 1;
    }
    return 0;
}

}  // namespace kc::cli
