// import_csv: a CSV table and its mapping -> a format-1 Portfolio and the problems of
// the rows it refused (see csv_import.hpp).
//
// Order of work: check the mapping (a broken one imports nothing), settle the criteria
// and the decimal mark, read each row into an Account (a row with any error is refused
// as a whole), refuse later rows with an id seen before, then give ids to the rows
// that had none and widen the ranges of the criteria the file created.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "csv_import.hpp"
#include "json_text.hpp"

namespace kc {
namespace {

// The format's readers may refuse larger magnitudes (portfolio-format.md, numbers).
constexpr double kLargestAmount = 1e15;

bool is_number_field(CsvField field) {
    return field == CsvField::revenue || field == CsvField::wallet || field == CsvField::score;
}

ColumnTarget target_of(const CsvMapping& mapping, std::size_t column) {
    return column < mapping.columns.size() ? mapping.columns[column] : ColumnTarget{};
}

std::string_view cell(const CsvRow& row, std::size_t column) {
    return column < row.fields.size() ? std::string_view(row.fields[column]) : std::string_view();
}

bool is_blank_row(const CsvRow& row) {
    return std::all_of(row.fields.begin(), row.fields.end(), [](const std::string& f) { return is_blank(f); });
}

std::string lower_letters_and_digits(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

// [SECTION] cell values ---------------------------------------------------------------

// The spec's statuses, their Dutch words and what CRMs commonly say for them.
bool parse_status_cell(std::string_view text, Status& out) {
    static const std::map<std::string, Status, std::less<>> kWords = {
        {"active", Status::active},       {"actief", Status::active},         {"customer", Status::active},
        {"klant", Status::active},        {"inactive", Status::inactive},     {"inactief", Status::inactive},
        {"nietactief", Status::inactive}, {"formercustomer", Status::inactive}, {"exklant", Status::inactive},
        {"oudklant", Status::inactive},   {"lost", Status::inactive},         {"verloren", Status::inactive},
        {"prospect", Status::prospect},   {"suspect", Status::suspect},       {"lead", Status::suspect}};
    const auto it = kWords.find(lower_letters_and_digits(text));
    if (it == kWords.end()) return false;
    out = it->second;
    return true;
}

bool parse_flag_cell(std::string_view text, bool& out) {
    static const std::map<std::string, bool, std::less<>> kWords = {
        {"true", true},  {"yes", true},  {"ja", true},  {"j", true},     {"y", true},      {"1", true},
        {"x", true},     {"waar", true}, {"key", true}, {"false", false}, {"no", false},   {"nee", false},
        {"n", false},    {"0", false},   {"onwaar", false}};
    const auto it = kWords.find(lower_letters_and_digits(text));
    if (it == kWords.end()) return false;
    out = it->second;
    return true;
}

const char* mark_words(DecimalMark mark) { return mark == DecimalMark::comma ? "a decimal comma" : "a decimal point"; }

// Why `text` is not a number with `mark` (`detect`: no mark was decided for the file).
std::string number_problem(std::string_view text, DecimalMark mark) {
    const std::string shown = quote_for_message(trim_spaces(text));
    const MarkHint hint = decimal_mark_hint(text);
    if (hint == MarkHint::ambiguous)
        return shown + " could be written with a decimal point or a decimal comma, and no other number in "
                       "the file tells which: choose the decimal mark";
    if (hint != MarkHint::point && hint != MarkHint::comma) return "not a number: " + shown;
    const char* written = mark_words(hint == MarkHint::point ? DecimalMark::point : DecimalMark::comma);
    if (mark == DecimalMark::detect)
        return shown + " is written with " + written + ", other numbers in the file with the other mark: " +
               "choose the decimal mark";
    return shown + " is written with " + written + ", the file's numbers with " + mark_words(mark);
}

// [SECTION] one row ---------------------------------------------------------------------

struct ImportContext {
    const std::vector<std::string>& header;
    const CsvMapping& mapping;
    const std::vector<Criterion>& criteria;   // existing ones first, then the new ones
    std::size_t existing_criteria = 0;
    DecimalMark mark = DecimalMark::detect;
    bool has_name_column = false;
    std::size_t id_column = 0;   // for the place of a duplicate id
};

// Reads the mapped cells of one row into an Account, collecting the row's problems.
class RowReader {
public:
    RowReader(const ImportContext& context, const CsvRow& row) : c_(context), row_(row) {
        account_.scores.assign(c_.criteria.size(), kNoScore);
    }

    Account read() {
        check_field_count();
        for (std::size_t column = 0; column < c_.header.size(); ++column) read_cell(column);
        settle_name();
        return std::move(account_);
    }
    Problems& errors() { return errors_; }
    Problems& warnings() { return warnings_; }

private:
    void error(std::size_t column, std::string message, const char* code) {
        errors_.push_back({Severity::error, csv_place(row_.line, c_.header, column), std::move(message), code});
    }

    // Fewer fields than the header: the rest are empty. More: only empty ones may follow,
    // else a value probably held an unquoted separator and the columns have shifted.
    void check_field_count() {
        const std::size_t have = row_.fields.size(), want = c_.header.size();
        if (have == want) return;
        const std::string counts = std::to_string(have) + " fields where the header has " + std::to_string(want);
        if (have < want) {
            warnings_.push_back({Severity::warning, csv_place(row_.line),
                                 counts + "; the missing ones are taken as empty", "csv_short_row"});
            return;
        }
        for (std::size_t i = want; i < have; ++i)
            if (!is_blank(row_.fields[i])) {
                errors_.push_back({Severity::error, csv_place(row_.line),
                                   counts + " (a separator inside a value that is not quoted?)", "csv_long_row"});
                return;
            }
    }

    void read_cell(std::size_t column) {
        const ColumnTarget target = target_of(c_.mapping, column);
        const std::string_view raw = cell(row_, column);
        const std::string text(trim_spaces(raw));
        switch (target.field) {
            case CsvField::ignore: return;
            case CsvField::id: account_.id = text; return;
            case CsvField::name: account_.name = text; return;
            case CsvField::segment: if (!text.empty()) account_.segment = text; return;
            case CsvField::region: if (!text.empty()) account_.region = text; return;
            case CsvField::status:
                if (!text.empty() && !parse_status_cell(text, account_.status))
                    error(column, "unknown status " + quote_for_message(text) +
                                      ": use active, inactive, prospect or suspect (actief, inactief)", "csv_status");
                return;
            case CsvField::key:
                if (!text.empty() && !parse_flag_cell(text, account_.key))
                    error(column, "not a yes/no value: " + quote_for_message(text) + " (use yes, no, ja, nee, 1, 0)",
                          "csv_flag");
                return;
            case CsvField::revenue: amount(column, raw, account_.revenue, target.year); return;
            case CsvField::wallet: amount(column, raw, account_.wallet, target.year); return;
            case CsvField::score: score(column, raw, target.criterion); return;
        }
    }

    std::optional<double> number(std::size_t column, std::string_view raw) {
        if (is_blank(raw)) return std::nullopt;
        const auto value = parse_csv_number(raw, c_.mark);
        if (!value) {
            error(column, number_problem(raw, c_.mark), "csv_number");
            return std::nullopt;
        }
        if (std::fabs(*value) > kLargestAmount) {
            error(column, "too large: " + json_number(*value) + " (at most 1e15)", "csv_number");
            return std::nullopt;
        }
        return value;
    }

    // A year's revenue or wallet. 0 is left out: every analysis reads an absent year as 0.
    void amount(std::size_t column, std::string_view raw, YearValues& values, int year) {
        const auto value = number(column, raw);
        if (!value) return;
        if (*value < 0) {
            error(column, "must be a number ≥ 0, got " + json_number(*value), "csv_negative");
            return;
        }
        if (*value > 0) values.set(year, *value);
    }

    void score(std::size_t column, std::string_view raw, const std::string& criterion_id) {
        const auto value = number(column, raw);
        if (!value) return;
        std::size_t index = 0;
        while (index < c_.criteria.size() && c_.criteria[index].id != criterion_id) ++index;
        if (index == c_.criteria.size()) return;   // cannot happen: import_csv made them all
        const Criterion& criterion = c_.criteria[index];
        // The ranges of new criteria are set from their columns afterwards.
        if (index < c_.existing_criteria && (*value < criterion.min || *value > criterion.max)) {
            error(column, "must be between " + json_number(criterion.min) + " and " + json_number(criterion.max) +
                              " (criterion \"" + criterion.id + "\"), got " + json_number(*value), "csv_score_range");
            return;
        }
        account_.scores[index] = *value;
    }

    // Without a name column every account is named by its id; an empty name cell is
    // filled from the id too, with a warning.
    void settle_name() {
        if (!account_.name.empty()) return;
        if (account_.id.empty()) {
            errors_.push_back(
                {Severity::error, csv_place(row_.line), "the row has neither a name nor an id", "csv_no_name"});
            return;
        }
        if (c_.has_name_column)
            warnings_.push_back({Severity::warning, csv_place(row_.line),
                                 "the name is empty; the account is named by its id " + quote_for_message(account_.id),
                                 "csv_name_from_id"});
        account_.name = account_.id;
    }

    const ImportContext& c_;
    const CsvRow& row_;
    Account account_;
    Problems errors_;
    Problems warnings_;
};

// [SECTION] the whole table ---------------------------------------------------------------

// Two columns with one target, or nothing to name the accounts by: nothing is imported.
bool check_mapping(const CsvTable& table, const CsvMapping& mapping, CsvImportResult& result) {
    const std::vector<std::string>& header = table.header.fields;
    const int line = table.header.line;
    std::map<std::string, std::size_t> first_with;
    bool has_id = false, has_name = false, ok = true;
    for (std::size_t column = 0; column < header.size(); ++column) {
        const ColumnTarget target = target_of(mapping, column);
        if (target.field == CsvField::ignore) continue;
        has_id = has_id || target.field == CsvField::id;
        has_name = has_name || target.field == CsvField::name;
        const auto [it, fresh] = first_with.emplace(to_string(target), column);
        if (fresh) continue;
        result.errors.push_back({Severity::error, csv_place(line, header, column),
                                 to_string(target) + " is fed by column " + csv_column_name(header, it->second) +
                                     " already: one column per field",
                                 "csv_mapping"});
        ok = false;
    }
    if (!has_id && !has_name) {
        result.errors.push_back({Severity::error, csv_place(line),
                                 "no column is mapped to name (or id): the accounts need a name", "csv_mapping"});
        ok = false;
    } else if (!has_name) {
        result.warnings.push_back({Severity::warning, csv_place(line),
                                   "no column is mapped to name: each account is named by its id", "csv_mapping"});
    }
    return ok;
}

// The criteria the import scores on: the given ones, then one per score column whose id
// is not among them.
void settle_criteria(const CsvTable& table, const CsvMapping& mapping, Portfolio& portfolio) {
    const std::vector<std::string>& header = table.header.fields;
    for (std::size_t column = 0; column < header.size(); ++column) {
        const ColumnTarget target = target_of(mapping, column);
        if (target.field != CsvField::score || portfolio.criterion_index(target.criterion) >= 0) continue;
        Criterion criterion;
        criterion.id = target.criterion;
        const std::string name = criterion_name_from_header(header[column]);
        if (name != criterion.id) criterion.name = name;
        portfolio.criteria.push_back(std::move(criterion));
    }
    portfolio.has_criteria = !portfolio.criteria.empty();
}

// A criterion the file created gets 1–5, or wider when its column's scores need it.
void widen_new_criteria(const CsvTable& table, const CsvMapping& mapping, std::size_t existing,
                        CsvImportResult& result) {
    Portfolio& portfolio = result.portfolio;
    for (std::size_t i = existing; i < portfolio.criteria.size(); ++i) {
        Criterion& criterion = portfolio.criteria[i];
        double low = criterion.min, high = criterion.max;
        for (const Account& account : portfolio.accounts)
            if (has_score(account.scores[i])) {
                low = std::min(low, std::floor(account.scores[i]));
                high = std::max(high, std::ceil(account.scores[i]));
            }
        if (low == criterion.min && high == criterion.max) continue;
        criterion.min = low;
        criterion.max = high;
        std::size_t column = 0;
        while (column < mapping.columns.size() && !(mapping.columns[column].field == CsvField::score &&
                                                    mapping.columns[column].criterion == criterion.id))
            ++column;
        result.warnings.push_back({Severity::warning, csv_place(table.header.line, table.header.fields, column),
                                   "criterion \"" + criterion.id + "\" gets the range " + json_number(low) + " to " +
                                       json_number(high) + " to hold every score in its column (1 to 5 otherwise)",
                                   "csv_criterion_range"});
    }
}

// "acc-001", "acc-002", ... for the accounts without an id, skipping ids in use.
void generate_ids(std::vector<Account>& accounts, const std::set<std::string>& used) {
    const std::size_t width = std::max<std::size_t>(3, std::to_string(accounts.size()).size());
    std::size_t next = 1;
    for (Account& account : accounts) {
        if (!account.id.empty()) continue;
        for (;; ++next) {
            std::string number = std::to_string(next);
            std::string id = "acc-" + std::string(width - std::min(width, number.size()), '0') + number;
            if (!used.count(id)) {
                account.id = std::move(id);
                ++next;
                break;
            }
        }
    }
}

void append(Problems& to, const Problems& from) { to.insert(to.end(), from.begin(), from.end()); }

void append_by_severity(CsvImportResult& result, const Problems& problems) {
    for (const Problem& p : problems) (p.severity == Severity::error ? result.errors : result.warnings).push_back(p);
}

// The row's account joins the portfolio, or the row is refused with all its problems:
// those the reader found (then its cells are not looked at: they cannot be trusted), or
// those of its cells, or a duplicate id.
void import_row(const ImportContext& context, const CsvRow& row, std::map<std::string, int>& first_line_of,
                CsvImportResult& result) {
    append_by_severity(result, row.problems);
    if (row.has_error()) {
        ++result.refused;
        return;
    }
    RowReader reader(context, row);
    Account account = reader.read();
    Problems& errors = reader.errors();
    if (errors.empty() && !account.id.empty()) {
        const auto [first, fresh] = first_line_of.emplace(account.id, row.line);
        if (!fresh)
            errors.push_back({Severity::error, csv_place(row.line, context.header, context.id_column),
                              "duplicate id " + quote_for_message(account.id) + ": line " +
                                  std::to_string(first->second) + " has it already",
                              "csv_duplicate_id"});
    }
    if (!errors.empty()) {
        append(result.errors, errors);
        ++result.refused;
        return;
    }
    append(result.warnings, reader.warnings());
    result.portfolio.accounts.push_back(std::move(account));
}

}  // namespace

DecimalDetection detect_decimal_mark(const CsvTable& table, const CsvMapping& mapping) {
    DecimalDetection found;
    for (const CsvRow& row : table.rows) {
        if (row.has_error()) continue;
        for (std::size_t column = 0; column < row.fields.size(); ++column) {
            if (!is_number_field(target_of(mapping, column).field)) continue;
            switch (decimal_mark_hint(row.fields[column])) {
                case MarkHint::point: ++found.point_cells; break;
                case MarkHint::comma: ++found.comma_cells; break;
                case MarkHint::ambiguous: ++found.ambiguous_cells; break;
                default: break;
            }
        }
    }
    if (found.point_cells > found.comma_cells) found.mark = DecimalMark::point;
    else if (found.comma_cells > found.point_cells) found.mark = DecimalMark::comma;
    return found;
}

CsvImportResult import_csv(const CsvTable& table, const CsvMapping& mapping, const CsvImportOptions& options) {
    CsvImportResult result;
    append(result.errors, table.problems);
    if (table.header.fields.empty()) return result;
    append_by_severity(result, table.header.problems);
    if (!check_mapping(table, mapping, result)) return result;
    result.usable = true;

    Portfolio& portfolio = result.portfolio;
    portfolio.criteria = options.criteria;
    settle_criteria(table, mapping, portfolio);
    result.decimal = options.decimal;
    if (result.decimal == DecimalMark::detect) result.decimal = detect_decimal_mark(table, mapping).mark;

    ImportContext context{table.header.fields, mapping, portfolio.criteria, options.criteria.size(), result.decimal};
    for (std::size_t column = 0; column < table.header.fields.size(); ++column) {
        const CsvField field = target_of(mapping, column).field;
        if (field == CsvField::name) context.has_name_column = true;
        if (field == CsvField::id) context.id_column = column;
    }
    std::map<std::string, int> first_line_of;   // id -> line of the row that has it
    for (const CsvRow& row : table.rows) {
        if (is_blank_row(row) && !row.has_error()) continue;   // ";;;;" lines of spreadsheets
        ++result.rows;
        import_row(context, row, first_line_of, result);
    }

    std::set<std::string> used;
    for (const auto& [id, line] : first_line_of) used.insert(id);
    generate_ids(portfolio.accounts, used);
    widen_new_criteria(table, mapping, options.criteria.size(), result);
    return result;
}

}  // namespace kc
