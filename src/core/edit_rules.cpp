// The rules several edit kinds share (edit_rules.hpp).
#include "edit_rules.hpp"

#include <cmath>
#include <cstddef>

#include "json_text.hpp"

namespace kc::edit_rules {

std::string number_text(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "infinity" : "-infinity");
    return json_number(value);
}

std::string pointer_token(std::string_view text) {
    std::string out;
    append_pointer_segment(out, text);
    return out.substr(1);   // without the leading "/"
}

std::string account_place(int account) { return "/accounts/" + std::to_string(account); }

void refuse(Problems& out, const char* code, std::string place, std::string message) {
    out.push_back({Severity::error, std::move(place), std::move(message), code});
}

bool account_exists(const Portfolio& portfolio, int account, Problems& out) {
    if (account >= 0 && static_cast<std::size_t>(account) < portfolio.accounts.size()) return true;
    refuse(out, "no_such_account", account_place(account),
           "there is no account at index " + std::to_string(account) + " (the portfolio has " +
               std::to_string(portfolio.accounts.size()) + ")");
    return false;
}

void check_text(std::string_view text, const std::string& place, bool required, Problems& out) {
    if (required && text.empty()) refuse(out, "empty", place, "must be a non-empty string");
    else if (!is_valid_utf8(text)) refuse(out, "invalid_utf8", place, "must be valid UTF-8 text");
}

void check_year(int year, const std::string& place, Problems& out) {
    if (year < kMinYear || year > kMaxYear)
        refuse(out, "bad_year", place, "year must have four digits (1000–9999), got " + std::to_string(year));
}

void check_number(double value, const std::string& place, double low, double high, Problems& out,
                  const char* code) {
    if (!std::isfinite(value) || value < low || value > high) {
        const std::string range = high >= kMaxMagnitude
                                      ? "a number ≥ " + number_text(low)
                                      : "a number from " + number_text(low) + " to " + number_text(high);
        refuse(out, code, place, "must be " + range + ", got " + number_text(value));
    }
}

void check_amount(double value, const std::string& place, Problems& out) {
    check_number(value, place, 0, kMaxMagnitude, out);
}

}  // namespace kc::edit_rules
