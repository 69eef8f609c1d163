// Calendar dates (date.hpp).
#include "date.hpp"

#include <cstdio>

namespace kc {
namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// Days since 1970-01-01 (Howard Hinnant's days_from_civil), exact for every Gregorian date.
long days_from_civil(Date date) {
    const long y = date.year - (date.month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long year_of_era = y - era * 400;
    const long month_from_march = date.month > 2 ? date.month - 3 : date.month + 9;
    const long day_of_year = (153 * month_from_march + 2) / 5 + date.day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

int digits(std::string_view text) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return kDays[month - 1] + (month == 2 && is_leap_year(year) ? 1 : 0);
}

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    const Date date{digits(text.substr(0, 4)), digits(text.substr(5, 2)), digits(text.substr(8, 2))};
    if (date.year < 1000 || date.day < 1 || date.day > days_in_month(date.year, date.month)) return std::nullopt;
    return date;
}

std::string to_string(Date date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", date.year, date.month, date.day);
    return text;
}

Date add_months(Date date, int months) {
    const long index = static_cast<long>(date.year) * 12 + (date.month - 1) + months;
    Date moved;
    moved.year = static_cast<int>(index >= 0 ? index / 12 : (index - 11) / 12);
    moved.month = static_cast<int>(index - static_cast<long>(moved.year) * 12) + 1;
    const int last_day = days_in_month(moved.year, moved.month);
    moved.day = date.day < last_day ? date.day : last_day;
    return moved;
}

long days_between(Date from, Date to) { return days_from_civil(to) - days_from_civil(from); }

}  // namespace kc
