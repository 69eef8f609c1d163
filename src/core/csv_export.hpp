// The accounts with their analysis figures as a CSV file for spreadsheets
// (docs/csv-import.md, "Export"). Pure text out: the app offers it as a download.
//
// - Separator comma or semicolon, decimal mark point or comma (Dutch Excel wants ';' and
//   ','); numbers without thousands grouping, shortest exact digits.
// - UTF-8 with a byte order mark (Excel reads UTF-8 only with one), CRLF line ends.
// - Quotes (RFC 4180) around a cell holding the separator, a quote, CR or LF; quotes in
//   it doubled.
// - Formula injection: a text cell (id, name, segment, region) starting with = + - @, tab
//   or CR gets a leading ' so a spreadsheet shows it as text instead of running it.
//   Number cells are written by the program and never start with anything but a digit
//   or a minus sign before a digit.
//
// The account columns use the import's names (id, name, segment, region, status, key,
// revenue_YYYY, wallet_YYYY, score_ID), so `kamcanvas import-csv` reads an export back.
#pragma once

#include <string>
#include <string_view>

#include "analysis.hpp"
#include "csv_number.hpp"
#include "model.hpp"

namespace kc {

struct CsvExportOptions {
    char separator = ',';                       // ',' or ';' (tab also works)
    DecimalMark decimal = DecimalMark::point;   // point or comma; detect counts as point
    bool byte_order_mark = true;
};

// One row per account, in file order: the account's own fields, then the analysis of
// `report` (its year in column analysis_year): layer, rank, abc, weighted_index,
// unweighted_index, index_place, attractiveness, position, quadrant, share_of_wallet,
// room_to_grow, retention, previous_layer. Empty cells where a figure is null.
std::string accounts_csv(const Portfolio& portfolio, const Report& report, const CsvExportOptions& options = {});

// One cell as written: guarded against formulas when `is_text`, quoted when needed.
std::string csv_cell(std::string_view value, char separator, bool is_text);

// A number as a cell: shortest exact digits with `decimal` as the mark, no grouping.
std::string csv_number_cell(double value, DecimalMark decimal);

}  // namespace kc
