// Helpers shared by the plan tests (edit_plan_test.cpp, plan_test.cpp): the bundled
// example, which has a CORE plan, an organisation, contacts, teams and evaluations, and
// small portfolios typed in the test.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "core/format.hpp"
#include "core/model.hpp"
#include "edit_support.hpp"

namespace kc::test {

inline const char* kBundledExample = KC_REPO_DIR "/web/examples/zuivelhoeve.kamcanvas.json";

inline std::string bundled_example_text() {
    const std::string text = read_text(kBundledExample);
    REQUIRE_MESSAGE(!text.empty(), "cannot read " << kBundledExample);
    return text;
}

inline Portfolio read_bundled_example() {
    ReadResult result = read_portfolio(bundled_example_text());
    REQUIRE_MESSAGE(result.ok(), "the bundled example does not read");
    return std::move(*result.portfolio);
}

// A portfolio from JSON text that must read.
inline Portfolio read_json(const std::string& text) {
    ReadResult result = read_portfolio(text);
    REQUIRE_MESSAGE(result.ok(), (result.errors.empty() ? text
                                                         : result.errors[0].place + ": " + result.errors[0].message));
    return std::move(*result.portfolio);
}

inline int account_of(const Portfolio& portfolio, const std::string& id) {
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (portfolio.accounts[i].id == id) return static_cast<int>(i);
    FAIL("no account " << id);
    return -1;
}

}  // namespace kc::test
