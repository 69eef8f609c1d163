// Turning a CSV table (csv.hpp) into a format-1 Portfolio: the column mapping, its
// guess from the header, and the import itself (docs/csv-import.md).
//
// The steps are separate so a dialog can show and correct the guess:
//   CsvTable table = read_csv(text);
//   CsvMapping mapping = guess_mapping(table.header.fields);
//   assign(mapping, column, target);             // the user's corrections, if any
//   CsvImportResult result = import_csv(table, mapping);
//
// A row with a problem is refused as a whole and each of its problems is listed by
// line and column ("line 12, column revenue_2024"); the other rows are imported.
// Nothing throws.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "csv.hpp"
#include "csv_number.hpp"
#include "model.hpp"
#include "problem.hpp"

namespace kc {

// [SECTION] the mapping -----------------------------------------------------------

enum class CsvField { ignore, id, name, segment, region, status, key, revenue, wallet, score };

// What one CSV column feeds.
struct ColumnTarget {
    CsvField field = CsvField::ignore;
    int year = 0;             // revenue and wallet: the calendar year (1000–9999)
    std::string criterion;    // score: the criterion id (an existing one, or one to create)

    bool operator==(const ColumnTarget&) const = default;
};

// The spelling used by `--map` and shown to users: "id", "name", "segment", "region",
// "status", "key", "revenue_2024", "wallet_2024", "score_fit", "ignore".
std::string to_string(const ColumnTarget& target);

// Those spellings back; also accepts omzet_YYYY, potentieel_YYYY and "-" or "" for
// ignore, any case. False (and `out` untouched) for anything else, including a score
// whose id is not a criterion id (1–64 of a-z 0-9 _ -).
bool parse_column_target(std::string_view text, ColumnTarget& out);

// One target per header column, in the header's order. A plain value: the guess is
// one, and so is the user's correction of it.
struct CsvMapping {
    std::vector<ColumnTarget> columns;
};

// Recognises, regardless of case, spaces, underscores and punctuation:
//  - id, name, segment, region, status, key: the English and Dutch words and common
//    CRM headers ("Customer ID", "Klantnummer", "Bedrijfsnaam", "Account Name",
//    "Branche", "Country", ...). Where several columns fit one field, the most
//    specific header wins ("region" over "state" over "country"), then the leftmost.
//  - revenue_YYYY: revenue, omzet, sales, turnover, verkoop with a four-digit year
//    ("Omzet 2024", "revenue_2024", "Sales FY2024"); wallet_YYYY likewise with wallet,
//    potentieel, potential. A header without a year ("revenue_total") is not one.
//  - scores: "score_<criterion>" ("Score Innovatie", "rating: fit"), or the id or name
//    of one of `criteria`.
// Every other column is ignored. No two columns get the same target.
CsvMapping guess_mapping(const std::vector<std::string>& header, const std::vector<Criterion>& criteria = {});

// Gives `column` the target; any other column that had the same target is set to
// ignore (one column per target).
void assign(CsvMapping& mapping, std::size_t column, const ColumnTarget& target);

// The column whose header is `name`: the same text, else the same after the
// normalisation guess_mapping uses; -1 when none is.
int find_column(const std::vector<std::string>& header, std::string_view name);

// What a score column's header says about a criterion the import creates: its name is
// the header without a score prefix ("Score Innovatie" -> "Innovatie"), its id that
// name made into an id ("innovatie"; "" when no letter or digit is left).
std::string criterion_name_from_header(std::string_view header);
std::string criterion_id_from_header(std::string_view header);

// [SECTION] the import ------------------------------------------------------------

struct DecimalDetection {
    DecimalMark mark = DecimalMark::detect;   // detect: the numbers do not tell
    int point_cells = 0;                      // cells that are numbers only with a point
    int comma_cells = 0;                      // ... only with a comma
    int ambiguous_cells = 0;                  // numbers with either, not the same one
};

// The decimal mark of the file's number columns (revenue, wallet, scores): the one the
// cells that are numbers with only one mark agree on; the larger group when both occur;
// `detect` when none occurs or the groups are as large.
DecimalDetection detect_decimal_mark(const CsvTable& table, const CsvMapping& mapping);

struct CsvImportOptions {
    DecimalMark decimal = DecimalMark::detect;
    // Criteria the accounts are scored on (those of an open portfolio, say): score
    // columns for them check the range. A score column for any other id adds a
    // criterion, range 1–5 widened to take the column's values.
    std::vector<Criterion> criteria;
};

struct CsvImportResult {
    // False when the text or the mapping could not be used at all (empty file, UTF-16,
    // two columns for one field, no name column): nothing was imported.
    bool usable = false;
    Portfolio portfolio;     // the good rows, in file order
    Problems errors;         // each refused row's problems; or why nothing could be read
    Problems warnings;       // imported, but the user should know
    DecimalMark decimal = DecimalMark::detect;   // the mark used; detect: none was decided
    int rows = 0;            // data rows with something in them
    int refused = 0;         // rows not imported

    bool ok() const { return errors.empty(); }
};

CsvImportResult import_csv(const CsvTable& table, const CsvMapping& mapping, const CsvImportOptions& options = {});

}  // namespace kc
