// Helpers shared by the edit and document tests: reading the shared examples,
// comparing portfolios by what the writer makes of them (the file is the truth), and
// applying an edit and its inverse or seeing it refused.
#pragma once

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "core/edit.hpp"
#include "core/format.hpp"
#include "core/model.hpp"

namespace kc::test {

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

inline Portfolio read_example(const std::string& name) {
    const std::string text = read_text(std::string(KC_SHARED_DIR) + "/data/examples/" + name);
    REQUIRE_MESSAGE(!text.empty(), "cannot read example " << name);
    ReadResult result = read_portfolio(text);
    REQUIRE_MESSAGE(result.ok(), "example " << name << " does not read");
    return std::move(*result.portfolio);
}

// The portfolio as the user would save it.
inline std::string saved(const Portfolio& portfolio) { return write_portfolio(portfolio); }

// True when what the writer produces is a valid format-1 file again.
inline bool reads_back(const Portfolio& portfolio) {
    return read_portfolio(write_portfolio(portfolio)).ok();
}

// Applies `edit`, checks it was performed and the result is a valid file, then applies
// the inverse and checks the saved text is back to what it was.
inline void check_round_trip(Portfolio& portfolio, const Edit& edit) {
    const std::string before = saved(portfolio);
    ApplyResult result = kc::apply(portfolio, edit);
    REQUIRE_MESSAGE(result.ok(), "refused: " << (result.problems.empty() ? "" : result.problems[0].message));
    CHECK(result.problems.empty());
    const std::string after = saved(portfolio);
    CHECK(result.changed == (after != before));
    CHECK(reads_back(portfolio));
    ApplyResult undone = kc::apply(portfolio, *result.inverse);
    REQUIRE(undone.ok());
    CHECK(undone.changed == result.changed);
    CHECK(saved(portfolio) == before);
}

// Applies `edit`, which must be refused with a problem at `place`, leaving the file as it was.
inline void check_refused(Portfolio& portfolio, const Edit& edit, const std::string& place) {
    const std::string before = saved(portfolio);
    ApplyResult result = kc::apply(portfolio, edit);
    CHECK_FALSE(result.ok());
    CHECK_FALSE(result.changed);
    REQUIRE_FALSE(result.problems.empty());
    CHECK(result.problems[0].severity == Severity::error);
    CHECK(result.problems[0].place == place);
    CHECK_FALSE(result.problems[0].message.empty());
    CHECK(check(portfolio, edit).size() == result.problems.size());
    CHECK(saved(portfolio) == before);
}

}  // namespace kc::test
