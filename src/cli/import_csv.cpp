// `kamcanvas import-csv FILE.csv [--map COLUMN=FIELD ...] [--separator S] [--decimal D]
// [--name NAME] [--currency CODE]`: a CSV export (spreadsheet, CRM) as a format-1
// portfolio on stdout; what went wrong on stderr as FILE:PLACE: message. The columns are
// guessed from the header (core/csv_import.hpp), --map corrects the guess.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "core/csv_import.hpp"
#include "core/format.hpp"

namespace kc::cli {
namespace {

const char* kImportCsvHelp =
    "usage: kamcanvas import-csv FILE.csv [--map COLUMN=FIELD ...] [--separator S]\n"
    "                            [--decimal D] [--name NAME] [--currency CODE]\n"
    "\n"
    "Reads a CSV file ('-' reads standard input) with a header line and prints it as a\n"
    "portfolio (format 1) on standard output: one account per row. The columns are\n"
    "guessed from the header (id, name, segment, region, status, key, revenue_YYYY or\n"
    "omzet_YYYY, wallet_YYYY or potentieel_YYYY, score_<criterion>); other columns are\n"
    "ignored. The mapping used is printed on standard error.\n"
    "\n"
    "Options:\n"
    "  --map COLUMN=FIELD  feed column COLUMN (its header text) to FIELD: id, name, segment,\n"
    "                      region, status, key, revenue_YYYY, wallet_YYYY, score_ID, or\n"
    "                      ignore; may be given more than once\n"
    "  --separator S       ',' ';' or 'tab' (default: detected from the header line)\n"
    "  --decimal D         '.' or ',' (default: detected from the numbers; a number such\n"
    "                      as 1.234 that reads both ways is refused when nothing tells)\n"
    "  --name NAME         the portfolio's name (default: the file name without .csv)\n"
    "  --currency CODE     the portfolio's currency, e.g. USD (default: EUR)\n"
    "\n"
    "A row with a problem (a bad number, a duplicate id, ...) is left out and each of its\n"
    "problems is printed as FILE:line N, column C: message; the other rows are imported.\n"
    "See docs/csv-import.md.\n"
    "\n"
    "Exit status: 0 when every row was imported, 1 when rows were refused (the others are\n"
    "still printed) or the file cannot be read or mapped, 2 for a usage error.\n";

struct Options {
    std::string file;
    std::vector<std::pair<std::string, std::string>> maps;   // column, field
    char separator = 0;
    DecimalMark decimal = DecimalMark::detect;
    std::string name;
    bool has_name = false;
    std::string currency;
};

int usage_error(const std::string& message) {
    std::fprintf(stderr, "kamcanvas import-csv: %s\n\n%s", message.c_str(), kImportCsvHelp);
    return 2;
}

bool parse_separator(const std::string& text, char& out) {
    if (text == "," || text == "comma") out = ',';
    else if (text == ";" || text == "semicolon") out = ';';
    else if (text == "tab" || text == "\\t" || text == "\t") out = '\t';
    else return false;
    return true;
}

bool parse_decimal(const std::string& text, DecimalMark& out) {
    if (text == "." || text == "point") out = DecimalMark::point;
    else if (text == "," || text == "comma") out = DecimalMark::comma;
    else return false;
    return true;
}

bool is_currency_code(const std::string& text) {
    if (text.size() != 3) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

// "data/klanten.csv" -> "klanten".
std::string file_stem(const std::string& path) {
    if (path == "-") return "";
    std::string name = path.substr(path.find_last_of('/') + 1);
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".csv") == 0) name.resize(name.size() - 4);
    return name;
}

// One option with its value, as "--opt VALUE" or "--opt=VALUE": true when `args[i]` is
// `option`; `value` set and `i` moved past it. `missing` is set when the value is absent.
bool option_value(const Args& args, std::size_t& i, const std::string& option, std::string& value, bool& missing) {
    const std::string& a = args[i];
    if (a == option) {
        missing = i + 1 == args.size();
        if (!missing) value = args[++i];
        return true;
    }
    if (a.rfind(option + "=", 0) == 0) {
        value = a.substr(option.size() + 1);
        return true;
    }
    return false;
}

// Fills `options`; returns -1 when the arguments are fine, else the exit status.
int parse_arguments(const Args& args, Options& options) {
    bool have_file = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string value;
        bool missing = false;
        if (option_value(args, i, "--map", value, missing)) {
            const std::size_t eq = value.rfind('=');
            if (missing || eq == std::string::npos) return usage_error("--map needs COLUMN=FIELD");
            options.maps.emplace_back(value.substr(0, eq), value.substr(eq + 1));
        } else if (option_value(args, i, "--separator", value, missing)) {
            if (missing || !parse_separator(value, options.separator))
                return usage_error("--separator must be ',', ';' or 'tab'");
        } else if (option_value(args, i, "--decimal", value, missing)) {
            if (missing || !parse_decimal(value, options.decimal)) return usage_error("--decimal must be '.' or ','");
        } else if (option_value(args, i, "--name", value, missing)) {
            if (missing) return usage_error("--name needs a name");
            options.name = value;
            options.has_name = true;
        } else if (option_value(args, i, "--currency", value, missing)) {
            if (missing || !is_currency_code(value))
                return usage_error("--currency must be three capital letters (ISO 4217), e.g. USD");
            options.currency = value;
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            return usage_error("unknown option '" + args[i] + "'");
        } else {
            if (have_file) return usage_error("one FILE only, got '" + options.file + "' and '" + args[i] + "'");
            options.file = args[i];
            have_file = true;
        }
    }
    if (!have_file) return usage_error("FILE is missing");
    return -1;
}

// The --map corrections on top of the guess; -1 when all apply, else the exit status.
int apply_maps(const Options& options, const std::vector<std::string>& header, CsvMapping& mapping) {
    for (const auto& [column_name, field] : options.maps) {
        const int column = find_column(header, column_name);
        if (column < 0) {
            std::string columns;
            for (const auto& h : header) columns += (columns.empty() ? "" : ", ") + h;
            return usage_error("--map: no column '" + column_name + "' in " + options.file + " (its columns: " +
                               columns + ")");
        }
        ColumnTarget target;
        if (!parse_column_target(field, target))
            return usage_error("--map: unknown field '" + field + "' (id, name, segment, region, status, key, " +
                               "revenue_YYYY, wallet_YYYY, score_ID, ignore)");
        assign(mapping, static_cast<std::size_t>(column), target);
    }
    return -1;
}

void print_problems(const std::string& file, const Problems& problems) {
    for (const Problem& p : problems)
        std::fprintf(stderr, "%s:%s: %s%s\n", file.c_str(), p.place.c_str(),
                     p.severity == Severity::warning ? "warning: " : "", p.message.c_str());
}

// "FILE: mapping: customer_id=id, customer_name=name, ..." in --map's spelling.
void print_mapping(const std::string& file, const std::vector<std::string>& header, const CsvMapping& mapping) {
    std::string line;
    for (std::size_t column = 0; column < header.size() && column < mapping.columns.size(); ++column) {
        if (mapping.columns[column].field == CsvField::ignore) continue;
        line += (line.empty() ? "" : ", ") + csv_column_name(header, column) + "=" + to_string(mapping.columns[column]);
    }
    std::fprintf(stderr, "%s: mapping: %s\n", file.c_str(), line.empty() ? "(no column recognised)" : line.c_str());
}

const char* decimal_words(DecimalMark mark) {
    switch (mark) {
        case DecimalMark::point: return "decimal point";
        case DecimalMark::comma: return "decimal comma";
        case DecimalMark::detect: break;
    }
    return "decimal mark not decided";
}

void print_summary(const std::string& file, const CsvTable& table, const CsvImportResult& result) {
    std::fprintf(stderr, "%s: %zu accounts imported, %d rows refused (%s-separated, %s)\n", file.c_str(),
                 result.portfolio.accounts.size(), result.refused, separator_name(table.separator).c_str(),
                 decimal_words(result.decimal));
}

bool write_stdout(const std::string& text) {
    return std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0;
}

}  // namespace

int import_csv(const Args& args) {
    if (wants_help(args)) {
        std::fputs(kImportCsvHelp, stdout);
        return 0;
    }
    Options options;
    if (int status = parse_arguments(args, options); status >= 0) return status;

    std::string bytes, read_error;
    if (!read_file(options.file, bytes, read_error)) {
        std::fprintf(stderr, "%s: cannot read: %s\n", options.file.c_str(), read_error.c_str());
        return 1;
    }
    const CsvTable table = read_csv(bytes, {.separator = options.separator});
    const std::vector<std::string>& header = table.header.fields;
    CsvMapping mapping = guess_mapping(header);
    if (int status = apply_maps(options, header, mapping); status >= 0) return status;
    if (!header.empty()) print_mapping(options.file, header, mapping);

    CsvImportResult result = kc::import_csv(table, mapping, {.decimal = options.decimal});
    print_problems(options.file, result.errors);
    print_problems(options.file, result.warnings);
    if (!result.usable) return 1;
    print_summary(options.file, table, result);

    Portfolio& portfolio = result.portfolio;
    portfolio.info.name = options.has_name ? options.name : file_stem(options.file);
    if (!options.currency.empty()) portfolio.info.currency = options.currency;
    portfolio.has_info = !portfolio.info.name.empty() || !options.currency.empty();
    if (!write_stdout(write_portfolio(portfolio))) {
        std::fprintf(stderr, "kamcanvas import-csv: cannot write the portfolio to standard output\n");
        return 1;
    }
    return result.ok() ? 0 : 1;
}

}  // namespace kc::cli
