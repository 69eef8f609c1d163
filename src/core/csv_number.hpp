// Numbers as spreadsheets and CRMs write them in CSV cells: "1234.56", "1.234,56" (Dutch
// Excel), "1,234.56", "1 234,56", "€ 1.234", "-5", "1,5E+3".
//
// The decimal mark is a point or a comma. The other one, a space (also U+00A0 and
// U+202F) or an apostrophe may group thousands, in groups of exactly three digits after
// a first group of one to three that does not start with 0. A currency sign (€ $ £) or
// code (EUR USD GBP) before or after the number is allowed. Where a text reads as a
// number with either mark and gives two different values ("1.234": 1234 or 1.234), it is
// ambiguous; the import refuses such a cell unless the rest of the file, or the user,
// says which mark is meant.
#pragma once

#include <optional>
#include <string_view>

namespace kc {

// `detect`: look at the numbers themselves (see detect_decimal_mark in csv_import.hpp).
enum class DecimalMark { detect, point, comma };

// The value of `text` read with `mark` (point or comma) as decimal mark; nullopt when it
// is not a number written that way (or is blank). `detect` reads a text only when both
// marks give the same value (an integer such as "1234" or "12 345").
std::optional<double> parse_csv_number(std::string_view text, DecimalMark mark);

// What one cell tells about the decimal mark of its file.
enum class MarkHint {
    blank,          // nothing in the cell
    either,         // the same number with either mark ("1234", "-5", "12 345")
    point,          // a number only with a decimal point ("12.50", "1,234,567")
    comma,          // a number only with a decimal comma ("12,50", "1.234,56")
    ambiguous,      // a number with either mark, but not the same one ("1.234", "1,234")
    not_a_number,   // no number with either mark ("abc", "12,50.3.4")
};
MarkHint decimal_mark_hint(std::string_view text);

// True when `text` holds only spaces (ASCII, U+00A0, U+202F) and tabs, or nothing.
bool is_blank(std::string_view text);

// `text` without those spaces and tabs at either end.
std::string_view trim_spaces(std::string_view text);

}  // namespace kc
