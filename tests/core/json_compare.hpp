// Compares two JSON values the way the analysis tests need: same keys in the same
// order, same array lengths and orders, same strings, booleans and nulls, numbers
// equal within a relative tolerance, 1e-9 unless told (an integer 0 and a float 0.0
// are the same number).
// Returns the JSON Pointer and a description of the first difference, "" when equal.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "core/model.hpp"

namespace kc::test {

// `tolerance` 0 asks for the very same double.
inline bool numbers_near(double expected, double actual, double tolerance) {
    const double scale = std::max(std::fabs(expected), std::fabs(actual));
    return std::fabs(expected - actual) <= tolerance * scale;
}

inline std::string json_difference(const Json& expected, const Json& actual, double tolerance = 1e-9,
                                   const std::string& place = "") {
    auto where = [&] { return (place.empty() ? std::string("/") : place) + ": "; };
    auto shown = [](const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); };
    if (expected.is_number() && actual.is_number()) {
        if (numbers_near(expected.get<double>(), actual.get<double>(), tolerance)) return "";
        return where() + "expected " + shown(expected) + ", got " + shown(actual);
    }
    if (expected.type() != actual.type())
        return where() + "expected " + shown(expected) + ", got " + shown(actual);
    if (expected.is_object()) {
        auto e = expected.begin();
        auto a = actual.begin();
        for (; e != expected.end() && a != actual.end(); ++e, ++a) {
            if (e.key() != a.key()) return where() + "expected key \"" + e.key() + "\", got \"" + a.key() + "\"";
            std::string d = json_difference(e.value(), a.value(), tolerance, place + "/" + e.key());
            if (!d.empty()) return d;
        }
        if (e != expected.end()) return where() + "missing key \"" + e.key() + "\"";
        if (a != actual.end()) return where() + "unexpected key \"" + a.key() + "\"";
        return "";
    }
    if (expected.is_array()) {
        if (expected.size() != actual.size())
            return where() + "expected " + std::to_string(expected.size()) + " items, got " +
                   std::to_string(actual.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            std::string d = json_difference(expected[i], actual[i], tolerance, place + "/" + std::to_string(i));
            if (!d.empty()) return d;
        }
        return "";
    }
    if (expected != actual) return where() + "expected " + shown(expected) + ", got " + shown(actual);
    return "";
}

}  // namespace kc::test
