// Calendar dates as the file writes them (YYYY-MM-DD): evaluation dates, the next review
// date of the CORE plan, and the "today" the plan analyses (plan.hpp) are given.
//
// Proleptic Gregorian calendar, years 1000–9999 like the file's year keys. No time zones:
// a date is a day, and "today" is whatever day the caller says it is.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kc {

struct Date {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..days_in_month

    friend auto operator<=>(const Date&, const Date&) = default;
};

// The date `text` names: exactly YYYY-MM-DD, a real day ("2025-02-29" is none), year ≥ 1000.
std::optional<Date> parse_date(std::string_view text);

// YYYY-MM-DD.
std::string to_string(Date date);

int days_in_month(int year, int month);

// `months` calendar months later (earlier when negative); a day the target month does not
// have becomes its last day: 2025-08-31 + 6 months = 2026-02-28.
Date add_months(Date date, int months);

// Days from `from` to `to`: positive when `to` is later.
long days_between(Date from, Date to);

}  // namespace kc
