// The scalar values the reader meets, and the small checks on their text
// (dates, years, criterion ids, currency codes). Internal to the reader.
//
// A Scalar is a view of what the SAX parser just handed over; it does not own text
// and must not outlive the callback that made it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kc::detail {

struct Scalar {
    enum class Kind { null, boolean, integer, unsigned_integer, floating, string, object, array };
    Kind kind = Kind::null;
    bool boolean = false;
    std::int64_t integer = 0;
    std::uint64_t unsigned_integer = 0;
    double number = 0;        // every numeric kind, as a double
    std::string_view text;    // string contents, or a float's text as written in the file

    bool is_number() const {
        return kind == Kind::integer || kind == Kind::unsigned_integer || kind == Kind::floating;
    }
    bool is_integral() const;   // a number without a fractional part (2 and 2.0 alike)
};

// What a value is, for "got ..." in messages: "-5", "\"abc\"", "true", "null",
// "an object", "an array".
std::string describe(const Scalar& value);

// "2025" -> 2025; anything but exactly four ASCII digits -> -1.
int parse_year_key(std::string_view key);

// YYYY-MM-DD naming a real day of the Gregorian calendar.
bool is_calendar_date(std::string_view text);

// 1–64 characters of a-z, 0-9, '_' and '-'.
bool is_criterion_id(std::string_view text);

// Three capital letters A–Z, the shape of an ISO 4217 code.
bool is_currency_code(std::string_view text);

}  // namespace kc::detail
