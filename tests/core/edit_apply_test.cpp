// edit.hpp: each kind of edit changes what it should, its inverse gives back exactly the
// file that was there (the writer's output is compared), and every edit the format
// forbids is refused with a Problem at the right place and changes nothing.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/edit.hpp"
#include "core/format.hpp"
#include "edit_support.hpp"

using namespace kc;
using kc::test::check_refused;
using kc::test::check_round_trip;
using kc::test::read_example;
using kc::test::reads_back;
using kc::test::saved;

namespace {

int account_index(const Portfolio& portfolio, const std::string& id) {
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (portfolio.accounts[i].id == id) return static_cast<int>(i);
    return -1;
}

Account new_account(const std::string& id, const std::string& name) {
    Account account;
    account.id = id;
    account.name = name;
    return account;
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

// [SECTION] what each kind does --------------------------------------------------------

TEST_CASE("edit: account text fields; empty segment and region mean absent") {
    Portfolio p = read_example("synthetic-40.json");
    const Account& first = p.accounts[0];
    REQUIRE(first.segment.has_value());

    REQUIRE(kc::apply(p, set_account_text(0, AccountText::name, "Café Zoë 中 🧀")).ok());
    CHECK(first.name == "Café Zoë 中 🧀");
    CHECK(saved(p).find("\"Café Zoë 中 🧀\"") != std::string::npos);

    ApplyResult cleared = kc::apply(p, set_account_text(0, AccountText::segment, ""));
    REQUIRE(cleared.ok());
    CHECK_FALSE(first.segment.has_value());
    REQUIRE(kc::apply(p, *cleared.inverse).ok());
    CHECK(first.segment == std::optional<std::string>("Foodservice"));

    REQUIRE(kc::apply(p, set_account_text(0, AccountText::region, "Zuid")).ok());
    CHECK(first.region == std::optional<std::string>("Zuid"));
    CHECK(set_account_text(0, AccountText::name, "").value == std::optional<std::string>(""));
}

TEST_CASE("edit: inverse restores the saved file exactly, for every kind") {
    Portfolio p = read_example("synthetic-40.json");
    const int last = static_cast<int>(p.accounts.size()) - 1;
    const Account& first = p.accounts[0];
    REQUIRE(first.revenue.find(2025));
    REQUIRE(has_score(first.scores[0]));
    REQUIRE_FALSE(has_score(first.scores[1]));

    check_round_trip(p, set_account_text(0, AccountText::name, "Nieuwe naam"));
    check_round_trip(p, set_account_text(0, AccountText::segment, ""));
    check_round_trip(p, set_account_text(0, AccountText::segment, "Retail"));
    check_round_trip(p, set_account_text(3, AccountText::region, ""));
    check_round_trip(p, set_account_text(3, AccountText::region, "Oost"));
    for (Status status : {Status::none, Status::active, Status::inactive, Status::prospect, Status::suspect})
        check_round_trip(p, SetAccountStatus{1, status});
    check_round_trip(p, SetRevenue{0, 2025, 12345.67});
    check_round_trip(p, SetRevenue{0, 2025, 0.0});
    check_round_trip(p, SetRevenue{0, 2025, std::nullopt});
    check_round_trip(p, SetRevenue{0, 2030, 1.0});
    check_round_trip(p, SetRevenue{0, 1999, 1e15});
    check_round_trip(p, SetKeyAccount{0, true});
    check_round_trip(p, SetKeyAccount{0, false});
    check_round_trip(p, AddAccount{0, new_account("NEW-1", "Nieuw account")});
    check_round_trip(p, AddAccount{20, new_account("NEW-2", "Nieuw account 2")});
    check_round_trip(p, AddAccount{last + 1, new_account("NEW-3", "Achteraan")});
    check_round_trip(p, RemoveAccount{0});
    check_round_trip(p, RemoveAccount{17});
    check_round_trip(p, RemoveAccount{last});
    check_round_trip(p, SetAnalysisYear{2024});
    check_round_trip(p, SetAnalysisYear{std::nullopt});
    check_round_trip(p, SetPyramid{2, 8, 30});
    check_round_trip(p, SetPyramid{0, 0, 100});
    check_round_trip(p, SetPyramid{1.5, 3.25, 15});
    check_round_trip(p, SetMatrixThresholds{0, 100});
    check_round_trip(p, SetMatrixThresholds{62.5, 40});
    check_round_trip(p, SetCriterionWeight{0, 0});
    check_round_trip(p, SetCriterionWeight{5, 2.5});
    check_round_trip(p, SetScore{0, 0, 5});
    check_round_trip(p, SetScore{0, 0, kNoScore});
    check_round_trip(p, SetScore{0, 1, 3.5});
    check_round_trip(p, SetScore{0, 5, 10});   // criterion "reference" runs 1..10
}

TEST_CASE("edit: a portfolio without the `portfolio` object or criteria saves the new values") {
    Portfolio p = read_example("one-customer.json");
    REQUIRE_FALSE(p.has_info);
    check_round_trip(p, SetPyramid{5, 10, 20});
    check_round_trip(p, SetMatrixThresholds{30, 70});
    check_round_trip(p, SetAnalysisYear{2024});

    REQUIRE(kc::apply(p, SetPyramid{5, 10, 20}).ok());
    REQUIRE(kc::apply(p, SetAnalysisYear{2024}).ok());
    ReadResult back = read_portfolio(saved(p));
    REQUIRE(back.ok());
    CHECK(back.portfolio->info.pyramid.top == 5);
    CHECK(back.portfolio->info.pyramid.large == 10);
    CHECK(back.portfolio->info.pyramid.medium == 20);
    CHECK(back.portfolio->info.year == std::optional<int>(2024));
}

TEST_CASE("edit: revenue — a value is written, 0 included; clear removes the year") {
    Portfolio p = read_example("one-customer.json");
    Account& a = p.accounts[0];
    REQUIRE(kc::apply(p, SetRevenue{0, 2024, 0.0}).ok());
    REQUIRE(a.revenue.find(2024));
    CHECK(*a.revenue.find(2024) == 0.0);
    CHECK(saved(p).find("\"2024\": 0") != std::string::npos);

    ApplyResult cleared = kc::apply(p, SetRevenue{0, 2024, std::nullopt});
    REQUIRE(cleared.ok());
    CHECK(cleared.changed);
    CHECK_FALSE(a.revenue.find(2024));
    CHECK(saved(p).find("\"2024\"") == std::string::npos);
    // Its inverse writes the 0 back, not "nothing".
    const auto* inverse = std::get_if<SetRevenue>(&*cleared.inverse);
    REQUIRE(inverse);
    CHECK(inverse->amount == std::optional<double>(0.0));

    // Clearing a year that is not there is performed but changes nothing.
    ApplyResult nothing = kc::apply(p, SetRevenue{0, 2020, std::nullopt});
    CHECK(nothing.ok());
    CHECK_FALSE(nothing.changed);
    // Years stay sorted whatever order they are set in.
    REQUIRE(kc::apply(p, SetRevenue{0, 2023, 7.0}).ok());
    REQUIRE(kc::apply(p, SetRevenue{0, 2026, 8.0}).ok());
    std::vector<int> years;
    for (const auto& [year, amount] : a.revenue.items) years.push_back(year);
    CHECK(years == std::vector<int>{2023, 2025, 2026});
}

TEST_CASE("edit: add and remove keep the account's place and everything in it") {
    Portfolio p = read_example("synthetic-40.json");
    const std::string original = saved(p);
    const std::string removed_id = p.accounts[7].id;

    ApplyResult removed = kc::apply(p, RemoveAccount{7});
    REQUIRE(removed.ok());
    CHECK(account_index(p, removed_id) == -1);
    CHECK(p.accounts.size() == 39);
    const auto* add = std::get_if<AddAccount>(&*removed.inverse);
    REQUIRE(add);
    CHECK(add->index == 7);
    CHECK(add->account.id == removed_id);

    REQUIRE(kc::apply(p, *removed.inverse).ok());
    CHECK(account_index(p, removed_id) == 7);
    CHECK(saved(p) == original);

    // A new account gets one (empty) score slot per criterion.
    REQUIRE(kc::apply(p, AddAccount{40, new_account("Z-1", "Zuivelhandel Zeeland")}).ok());
    CHECK(p.accounts.back().scores.size() == p.criteria.size());
    for (double score : p.accounts.back().scores) CHECK_FALSE(has_score(score));
    CHECK(reads_back(p));
}

TEST_CASE("edit: setting a value the portfolio already has is performed but not a change") {
    Portfolio p = read_example("synthetic-40.json");
    const Account& first = p.accounts[0];
    CHECK_FALSE(kc::apply(p, set_account_text(0, AccountText::name, first.name)).changed);
    CHECK_FALSE(kc::apply(p, SetAccountStatus{0, first.status}).changed);
    CHECK_FALSE(kc::apply(p, SetKeyAccount{0, first.key}).changed);
    CHECK_FALSE(kc::apply(p, SetRevenue{0, 2025, *first.revenue.find(2025)}).changed);
    CHECK_FALSE(kc::apply(p, SetScore{0, 1, kNoScore}).changed);   // already missing
    CHECK_FALSE(kc::apply(p, SetScore{0, 0, first.scores[0]}).changed);
    CHECK_FALSE(kc::apply(p, SetAnalysisYear{p.info.year}).changed);
    CHECK_FALSE(kc::apply(p, SetCriterionWeight{0, p.criteria[0].weight}).changed);
    CHECK(kc::apply(p, SetScore{0, 0, first.scores[0] == 5 ? 4.0 : 5.0}).changed);
}

// [SECTION] refusals -------------------------------------------------------------------

TEST_CASE("edit: values the format forbids are refused and change nothing") {
    Portfolio p = read_example("synthetic-40.json");
    const int n = static_cast<int>(p.accounts.size());
    const std::string first_id = p.accounts[0].id;

    // Accounts that do not exist.
    check_refused(p, SetAccountStatus{-1, Status::active}, "/accounts/-1");
    check_refused(p, SetKeyAccount{n, true}, "/accounts/40");
    check_refused(p, set_account_text(n, AccountText::name, "x"), "/accounts/40");
    check_refused(p, RemoveAccount{n}, "/accounts/40");
    check_refused(p, AddAccount{n + 1, new_account("X", "X")}, "/accounts/41");
    check_refused(p, AddAccount{-1, new_account("X", "X")}, "/accounts/-1");

    // Names.
    check_refused(p, set_account_text(2, AccountText::name, ""), "/accounts/2/name");
    check_refused(p, SetAccountText{2, AccountText::name, std::nullopt}, "/accounts/2/name");
    check_refused(p, set_account_text(2, AccountText::segment, "bad \xC3("), "/accounts/2/segment");
    check_refused(p, set_account_text(2, AccountText::name, "\xED\xA0\x80"), "/accounts/2/name");

    // Revenue.
    check_refused(p, SetRevenue{3, 2025, -5.0}, "/accounts/3/revenue/2025");
    check_refused(p, SetRevenue{3, 2025, -0.01}, "/accounts/3/revenue/2025");
    check_refused(p, SetRevenue{3, 2025, kNaN}, "/accounts/3/revenue/2025");
    check_refused(p, SetRevenue{3, 2025, kInfinity}, "/accounts/3/revenue/2025");
    check_refused(p, SetRevenue{3, 2025, 2e15}, "/accounts/3/revenue/2025");
    check_refused(p, SetRevenue{3, 999, 1.0}, "/accounts/3/revenue/999");
    check_refused(p, SetRevenue{3, 10000, std::nullopt}, "/accounts/3/revenue/10000");

    // New accounts: id and name required, ids unique, values within the format.
    check_refused(p, AddAccount{0, new_account(first_id, "Dubbel")}, "/accounts/0/id");
    check_refused(p, AddAccount{0, new_account("", "Zonder id")}, "/accounts/0/id");
    check_refused(p, AddAccount{5, new_account("Q", "")}, "/accounts/5/name");
    Account bad_revenue = new_account("Q", "Q");
    bad_revenue.revenue.set(2025, -1);
    check_refused(p, AddAccount{0, bad_revenue}, "/accounts/0/revenue/2025");
    Account bad_scores = new_account("Q", "Q");
    bad_scores.scores = {1, 2};
    check_refused(p, AddAccount{0, bad_scores}, "/accounts/0/scores");
    Account out_of_range = new_account("Q", "Q");
    out_of_range.scores.assign(p.criteria.size(), kNoScore);
    out_of_range.scores[0] = 6;
    check_refused(p, AddAccount{0, out_of_range}, "/accounts/0/scores/revenue");

    // Portfolio settings.
    check_refused(p, SetAnalysisYear{999}, "/portfolio/year");
    check_refused(p, SetPyramid{-1, 4, 15}, "/portfolio/pyramid/top");
    check_refused(p, SetPyramid{1, 4, kNaN}, "/portfolio/pyramid/medium");
    check_refused(p, SetPyramid{50, 40, 11}, "/portfolio/pyramid");
    check_refused(p, SetMatrixThresholds{101, 50}, "/portfolio/matrix/x_threshold");
    check_refused(p, SetMatrixThresholds{50, -0.5}, "/portfolio/matrix/y_threshold");

    // Criteria and scores.
    check_refused(p, SetCriterionWeight{0, -1}, "/criteria/0/weight");
    check_refused(p, SetCriterionWeight{6, 1}, "/criteria/6");
    check_refused(p, SetScore{0, 0, 0.5}, "/accounts/0/scores/revenue");
    check_refused(p, SetScore{0, 0, 5.5}, "/accounts/0/scores/revenue");
    check_refused(p, SetScore{0, 5, 11}, "/accounts/0/scores/reference");
    check_refused(p, SetScore{0, 0, kInfinity}, "/accounts/0/scores/revenue");
    check_refused(p, SetScore{0, 6, 3}, "/criteria/6");
}

TEST_CASE("edit: refusal messages say what was expected and what was found") {
    Portfolio p = read_example("synthetic-40.json");
    Problems problems = check(p, SetRevenue{3, 2025, -5.0});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "must be a number ≥ 0, got -5");
    CHECK(problems[0].code == "out_of_range");

    problems = check(p, SetScore{0, 0, 7});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "must be a number from 1 to 5, got 7");
    CHECK(problems[0].code == "score_out_of_range");

    problems = check(p, SetPyramid{50, 40, 11});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message == "top + large + medium must be at most 100, got 101");
    CHECK(problems[0].code == "pyramid_over_100");

    problems = check(p, AddAccount{0, new_account(p.accounts[4].id, "")});
    REQUIRE(problems.size() == 2);   // every problem, not only the first
    CHECK(problems[0].code == "empty");
    CHECK(problems[1].code == "duplicate_id");

    Portfolio none = read_example("one-customer.json");
    problems = check(none, SetScore{0, 0, 3});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].place == "/criteria/0");
    CHECK(problems[0].message == "there is no criterion at index 0 (the portfolio has 0)");
}
