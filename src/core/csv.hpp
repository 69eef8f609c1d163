// Reading CSV text into rows of text fields: RFC 4180 plus what spreadsheets and CRM
// exports write in practice (docs/csv-import.md).
//
// - Separator: comma, semicolon or tab, detected from the header line (or an Excel
//   "sep=;" first line), or given.
// - Quotes: a field that starts with '"' may hold separators, line ends and doubled
//   quotes ("" for one "). Line ends inside quotes are kept as they are.
// - Line ends: CRLF, LF or CR alone, mixed freely. Lines with nothing on them are skipped.
// - Encoding: UTF-8 with or without a byte order mark. A field that is not UTF-8 is an
//   error of its row (its bad bytes become U+FFFD); a UTF-16 file is refused as a whole.
//
// Any bytes are input: nothing here throws, recurses or takes more than linear time, so
// read_csv is the single entry point a fuzzer needs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "problem.hpp"

namespace kc {

struct CsvOptions {
    // The field separator; 0 detects it: an Excel "sep=X" first line, else whichever of
    // ',' ';' and tab occurs most often outside quotes in the header line (ties and
    // none: comma first, then semicolon).
    char separator = 0;
};

struct CsvRow {
    int line = 0;                      // the line the row starts on, counted from 1
    std::vector<std::string> fields;   // unquoted text, valid UTF-8
    // What is wrong with this row, placed "line N, column C". An error means its
    // fields cannot be trusted (bad UTF-8, a quote never closed, text after a
    // closing quote).
    Problems problems;

    bool has_error() const;
};

struct CsvTable {
    char separator = ',';        // the one used
    bool had_bom = false;
    CsvRow header;               // the first row; no fields for an empty file
    std::vector<CsvRow> rows;    // the rows after it
    Problems problems;           // about the text as a whole (empty, UTF-16)
};

CsvTable read_csv(std::string_view text, CsvOptions options = {});

// Where a cell is, for problems: "line 12, column revenue_2024". The column is named by
// its header text, or by its number (from 1) where the header has no text for it.
std::string csv_place(int line, const std::vector<std::string>& header, std::size_t column);
std::string csv_place(int line);   // "line 12": the row as a whole
std::string csv_column_name(const std::vector<std::string>& header, std::size_t column);

// "comma", "semicolon", "tab", or the character in quotes: for messages.
std::string separator_name(char separator);

}  // namespace kc
