// Numbers in CSV cells (see csv_number.hpp).
//
// The text is taken apart by hand into sign, digits, fraction and exponent, checked for
// the grouping rules, and put together again as plain C-locale text for std::strtod
// (Emscripten's libc++ has no floating-point std::from_chars). The program never calls
// setlocale, so strtod always reads a point.
#include "csv_number.hpp"

#include <array>
#include <cmath>
#include <cstdlib>
#include <string>

namespace kc {
namespace {

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";         // U+00A0
constexpr std::string_view kNarrowNoBreakSpace = "\xE2\x80\xAF";   // U+202F
constexpr std::string_view kMinusSign = "\xE2\x88\x92";            // U+2212

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Length of the space at the start of `text` (ASCII space or tab, U+00A0, U+202F), or 0.
std::size_t space_length(std::string_view text) {
    if (text.empty()) return 0;
    if (text[0] == ' ' || text[0] == '\t') return 1;
    if (text.substr(0, 2) == kNoBreakSpace) return 2;
    if (text.substr(0, 3) == kNarrowNoBreakSpace) return 3;
    return 0;
}

// Same, for the space at the end.
std::size_t trailing_space_length(std::string_view text) {
    if (text.empty()) return 0;
    if (text.back() == ' ' || text.back() == '\t') return 1;
    if (text.size() >= 2 && text.substr(text.size() - 2) == kNoBreakSpace) return 2;
    if (text.size() >= 3 && text.substr(text.size() - 3) == kNarrowNoBreakSpace) return 3;
    return 0;
}

constexpr std::array<std::string_view, 6> kCurrencies = {"\xE2\x82\xAC", "$", "\xC2\xA3", "EUR", "USD", "GBP"};

bool strip_prefix(std::string_view& text, std::string_view prefix) {
    if (text.substr(0, prefix.size()) != prefix) return false;
    text.remove_prefix(prefix.size());
    return true;
}

bool strip_suffix(std::string_view& text, std::string_view suffix) {
    if (text.size() < suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return false;
    text.remove_suffix(suffix.size());
    return true;
}

void strip_currency(std::string_view& text) {
    for (std::string_view currency : kCurrencies)
        if (strip_prefix(text, currency) || strip_suffix(text, currency)) {
            text = trim_spaces(text);
            return;
        }
}

// A '-' or '+' (or U+2212) at the start: true for a minus.
bool strip_sign(std::string_view& text, bool& negative, bool& had_sign) {
    if (had_sign) return false;
    if (strip_prefix(text, "-") || strip_prefix(text, kMinusSign)) negative = true;
    else if (!strip_prefix(text, "+")) return false;
    had_sign = true;
    return true;
}

// Length of the thousands separator at the start of `text` when it is allowed with
// this decimal mark: the other mark, a space or an apostrophe; 0 otherwise.
std::size_t group_separator_length(std::string_view text, char decimal) {
    if (text.empty()) return 0;
    if (text[0] == (decimal == '.' ? ',' : '.') || text[0] == '\'') return 1;
    return space_length(text);
}

std::size_t digit_run(std::string_view text) {
    std::size_t n = 0;
    while (n < text.size() && is_digit(text[n])) ++n;
    return n;
}

// The integer part with optional thousands groups, appended to `out` as plain digits;
// `grouped` tells whether it had groups. False when grouping is used wrongly.
bool read_integer_part(std::string_view& text, char decimal, std::string& out, bool& grouped) {
    const std::size_t first = digit_run(text);
    out.append(text.substr(0, first));
    text.remove_prefix(first);
    std::string_view separator;   // the one the number uses; all groups must agree
    for (;;) {
        const std::size_t length = group_separator_length(text, decimal);
        if (length == 0) return true;
        const std::string_view candidate = text.substr(0, length);
        if (!separator.empty() && candidate != separator) return false;
        const std::string_view rest = text.substr(length);
        if (digit_run(rest) != 3) return false;
        if (separator.empty() && (first == 0 || first > 3 || out[out.size() - first] == '0')) return false;
        separator = candidate;
        grouped = true;
        out.append(rest.substr(0, 3));
        text = rest.substr(3);
    }
}

// "e5", "E+05", "e-3" at the start of `text`, appended to `out`.
bool read_exponent(std::string_view& text, std::string& out) {
    if (text.empty() || (text[0] != 'e' && text[0] != 'E')) return true;
    std::size_t i = 1;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t digits = digit_run(text.substr(i));
    if (digits == 0) return false;
    out += 'e';
    out.append(text.substr(1, i - 1 + digits));
    text.remove_prefix(i + digits);
    return true;
}

std::optional<double> parse_with_mark(std::string_view text, char decimal) {
    text = trim_spaces(text);
    bool negative = false, had_sign = false;
    strip_sign(text, negative, had_sign);
    strip_currency(text);
    strip_sign(text, negative, had_sign);

    std::string plain = negative ? "-" : "";
    const std::size_t integer_start = plain.size();
    bool grouped = false;
    if (!read_integer_part(text, decimal, plain, grouped)) return std::nullopt;
    const bool has_integer = plain.size() > integer_start;
    bool has_fraction = false;
    if (!text.empty() && text[0] == decimal) {
        const std::size_t digits = digit_run(text.substr(1));
        if (digits == 0) return std::nullopt;
        plain += '.';
        plain.append(text.substr(1, digits));
        text.remove_prefix(1 + digits);
        has_fraction = true;
    }
    if (!has_integer && !has_fraction) return std::nullopt;
    // "1.500E3" is 1500 in scientific notation, never 1,5 million: no groups with an exponent.
    const std::size_t before_exponent = plain.size();
    if (!read_exponent(text, plain) || !text.empty()) return std::nullopt;
    if (grouped && plain.size() != before_exponent) return std::nullopt;
    const double value = std::strtod(plain.c_str(), nullptr);
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

}  // namespace

std::string_view trim_spaces(std::string_view text) {
    while (std::size_t n = space_length(text)) text.remove_prefix(n);
    while (std::size_t n = trailing_space_length(text)) text.remove_suffix(n);
    return text;
}

bool is_blank(std::string_view text) { return trim_spaces(text).empty(); }

std::optional<double> parse_csv_number(std::string_view text, DecimalMark mark) {
    switch (mark) {
        case DecimalMark::point: return parse_with_mark(text, '.');
        case DecimalMark::comma: return parse_with_mark(text, ',');
        case DecimalMark::detect: break;
    }
    const auto with_point = parse_with_mark(text, '.');
    const auto with_comma = parse_with_mark(text, ',');
    if (with_point && with_comma && *with_point == *with_comma) return with_point;
    return std::nullopt;
}

MarkHint decimal_mark_hint(std::string_view text) {
    if (is_blank(text)) return MarkHint::blank;
    const auto with_point = parse_with_mark(text, '.');
    const auto with_comma = parse_with_mark(text, ',');
    if (with_point && with_comma) return *with_point == *with_comma ? MarkHint::either : MarkHint::ambiguous;
    if (with_point) return MarkHint::point;
    if (with_comma) return MarkHint::comma;
    return MarkHint::not_a_number;
}

}  // namespace kc
