// Scalar description and text checks for the reader (see read_values.hpp).
//
// Numbers are described as the file wrote them (a float's own text) so that the
// user can find the value again: "got 1e400", not "got inf".
#include "read_values.hpp"

#include <cmath>

#include "json_text.hpp"

namespace kc::detail {

bool Scalar::is_integral() const {
    if (kind == Kind::integer || kind == Kind::unsigned_integer) return true;
    return kind == Kind::floating && std::isfinite(number) && number == std::floor(number);
}

std::string describe(const Scalar& value) {
    switch (value.kind) {
        case Scalar::Kind::null: return "null";
        case Scalar::Kind::boolean: return value.boolean ? "true" : "false";
        case Scalar::Kind::integer: return std::to_string(value.integer);
        case Scalar::Kind::unsigned_integer: return std::to_string(value.unsigned_integer);
        case Scalar::Kind::floating:
            return value.text.empty() ? json_number(value.number) : std::string(value.text);
        case Scalar::Kind::string: return quote_for_message(value.text);
        case Scalar::Kind::object: return "an object";
        case Scalar::Kind::array: return "an array";
    }
    return "?";
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int digits_value(std::string_view text) {
    int value = 0;
    for (char c : text) value = value * 10 + (c - '0');
    return value;
}

}  // namespace

int parse_year_key(std::string_view key) {
    if (key.size() != 4) return -1;
    for (char c : key)
        if (!is_digit(c)) return -1;
    return digits_value(key);
}

bool is_calendar_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!is_digit(text[i])) return false;
    const int year = digits_value(text.substr(0, 4));
    const int month = digits_value(text.substr(5, 2));
    const int day = digits_value(text.substr(8, 2));
    if (month < 1 || month > 12 || day < 1) return false;
    static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDaysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

bool is_criterion_id(std::string_view text) {
    if (text.empty() || text.size() > 64) return false;
    for (char c : text)
        if (!((c >= 'a' && c <= 'z') || is_digit(c) || c == '_' || c == '-')) return false;
    return true;
}

bool is_currency_code(std::string_view text) {
    if (text.size() != 3) return false;
    for (char c : text)
        if (c < 'A' || c > 'Z') return false;
    return true;
}

}  // namespace kc::detail
