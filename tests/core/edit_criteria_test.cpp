// edit.hpp, the criteria: add, remove, rename, move, scale and axis. Each changes what it
// should (scores travel with their criterion), its inverse gives back exactly the file
// that was there, and what format 1 forbids (a bad or taken id, max ≤ min, a scale that
// would strand a score) is refused at the right place without changing anything.
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

Criterion new_criterion(const std::string& id, const std::string& name = "", double min = 1, double max = 5) {
    Criterion c;
    c.id = id;
    c.name = name;
    c.min = min;
    c.max = max;
    return c;
}

// The scores of one criterion over all accounts, NaN where an account has none.
std::vector<double> column(const Portfolio& p, int criterion) {
    std::vector<double> scores;
    for (const Account& a : p.accounts) scores.push_back(a.scores[static_cast<std::size_t>(criterion)]);
    return scores;
}

// Equal, with "no score" equal to "no score".
bool same_scores(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (has_score(a[i]) != has_score(b[i]) || (has_score(a[i]) && a[i] != b[i])) return false;
    return true;
}

std::vector<std::string> ids(const Portfolio& p) {
    std::vector<std::string> out;
    for (const Criterion& c : p.criteria) out.push_back(c.id);
    return out;
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

// [SECTION] what each kind does --------------------------------------------------------

TEST_CASE("edit criteria: inverse restores the saved file exactly, for every kind") {
    Portfolio p = read_example("synthetic-40.json");
    const int last = static_cast<int>(p.criteria.size()) - 1;
    std::vector<double> scores(p.accounts.size(), kNoScore);
    scores[0] = 2;
    scores[39] = 4.5;

    check_round_trip(p, AddCriterion{0, new_criterion("cost_to_serve", "Kosten"), {}});
    check_round_trip(p, AddCriterion{3, new_criterion("credit", "", 0, 10), scores});
    check_round_trip(p, AddCriterion{last + 1, new_criterion("last"), {}});
    for (int c : {0, 3, last}) check_round_trip(p, RemoveCriterion{c});
    check_round_trip(p, RenameCriterion{0, "Revenue"});
    check_round_trip(p, RenameCriterion{1, ""});
    check_round_trip(p, RenameCriterion{2, "Marge — €, 中"});
    for (auto [from, to] : {std::pair{0, 5}, {5, 0}, {2, 3}, {3, 2}, {1, 4}, {4, 4}})
        check_round_trip(p, MoveCriterion{from, to});
    check_round_trip(p, SetCriterionRange{0, 1, 10});
    check_round_trip(p, SetCriterionRange{0, 0, 5});
    check_round_trip(p, SetCriterionRange{5, -1e15, 1e15});
    check_round_trip(p, SetCriterionRange{5, 0.5, 10.25});
    for (Axis axis : {Axis::none, Axis::attractiveness, Axis::position}) {
        check_round_trip(p, SetCriterionAxis{0, axis});
        check_round_trip(p, SetCriterionAxis{5, axis});   // "reference" has no axis in the file
    }
}

TEST_CASE("edit criteria: a portfolio without criteria gets its first and loses it again") {
    Portfolio p = read_example("one-customer.json");
    REQUIRE(p.criteria.empty());
    check_round_trip(p, AddCriterion{0, new_criterion("fit"), {}});
    check_round_trip(p, AddCriterion{0, new_criterion("fit"), {3}});

    REQUIRE(kc::apply(p, AddCriterion{0, new_criterion("fit", "Strategische fit"), {3}}).ok());
    ReadResult back = read_portfolio(saved(p));
    REQUIRE(back.ok());
    REQUIRE(back.portfolio->criteria.size() == 1);
    CHECK(back.portfolio->criteria[0].name == "Strategische fit");
    CHECK(back.portfolio->accounts[0].scores == std::vector<double>{3});
}

TEST_CASE("edit criteria: a new criterion has no scores, or the ones it came with, at its place") {
    Portfolio p = read_example("synthetic-40.json");
    const std::vector<double> before_1 = column(p, 1);
    const std::vector<double> before_2 = column(p, 2);

    REQUIRE(kc::apply(p, AddCriterion{2, new_criterion("growth"), {}}).ok());
    CHECK(ids(p) == std::vector<std::string>{"revenue", "potential", "growth", "margin", "fit", "relationship",
                                             "reference"});
    for (const Account& a : p.accounts) {
        REQUIRE(a.scores.size() == 7);
        CHECK_FALSE(has_score(a.scores[2]));
    }
    CHECK(same_scores(column(p, 1), before_1));
    CHECK(same_scores(column(p, 3), before_2));   // margin moved one place on

    std::vector<double> given(p.accounts.size(), kNoScore);
    given[7] = 1;
    given[8] = 5;
    REQUIRE(kc::apply(p, AddCriterion{7, new_criterion("service"), given}).ok());
    CHECK(same_scores(column(p, 7), given));
    CHECK(saved(p).find("\"service\": 5") != std::string::npos);
}

TEST_CASE("edit criteria: remove takes every score along and its inverse brings all back") {
    Portfolio p = read_example("synthetic-40.json");
    const std::string original = saved(p);
    const Criterion margin = p.criteria[2];
    const std::vector<double> margin_scores = column(p, 2);

    ApplyResult removed = kc::apply(p, RemoveCriterion{2});
    REQUIRE(removed.ok());
    CHECK(p.criterion_index("margin") == -1);
    for (const Account& a : p.accounts) CHECK(a.scores.size() == 5);
    CHECK(saved(p).find("\"margin\"") == std::string::npos);
    CHECK(reads_back(p));

    const auto* add = std::get_if<AddCriterion>(&*removed.inverse);
    REQUIRE(add);
    CHECK(add->index == 2);
    CHECK(add->criterion.id == "margin");
    CHECK(add->criterion.weight == margin.weight);
    CHECK(same_scores(add->scores, margin_scores));

    REQUIRE(kc::apply(p, *removed.inverse).ok());
    CHECK(saved(p) == original);

    // A criterion nobody scored comes back from an inverse without a score vector.
    REQUIRE(kc::apply(p, AddCriterion{0, new_criterion("empty"), {}}).ok());
    ApplyResult removed_empty = kc::apply(p, RemoveCriterion{0});
    REQUIRE(removed_empty.ok());
    CHECK(std::get<AddCriterion>(*removed_empty.inverse).scores.empty());
    CHECK(saved(p) == original);
}

TEST_CASE("edit criteria: a move reorders the criteria and every account's scores with them") {
    Portfolio p = read_example("synthetic-40.json");
    std::vector<std::vector<double>> columns;
    for (int c = 0; c < 6; ++c) columns.push_back(column(p, c));

    REQUIRE(kc::apply(p, MoveCriterion{0, 4}).ok());
    CHECK(ids(p) == std::vector<std::string>{"potential", "margin", "fit", "relationship", "revenue", "reference"});
    const int was[] = {1, 2, 3, 4, 0, 5};
    for (int c = 0; c < 6; ++c) CHECK(same_scores(column(p, c), columns[was[c]]));

    ApplyResult back = kc::apply(p, MoveCriterion{5, 1});
    REQUIRE(back.ok());
    CHECK(ids(p) == std::vector<std::string>{"potential", "reference", "margin", "fit", "relationship", "revenue"});
    const auto* inverse = std::get_if<MoveCriterion>(&*back.inverse);
    REQUIRE(inverse);
    CHECK(inverse->from == 1);
    CHECK(inverse->to == 5);
    // The file keys scores by id, so the saved scores follow the criteria's new order.
    const std::string text = saved(p);
    CHECK(text.find("\"potential\": 2,\n        \"reference\": 1") != std::string::npos);
}

TEST_CASE("edit criteria: name, scale and axis change only themselves") {
    Portfolio p = read_example("synthetic-40.json");
    const std::vector<double> scores = column(p, 5);
    REQUIRE(kc::apply(p, RenameCriterion{5, "Referentiewaarde"}).ok());
    CHECK(p.criteria[5].display_name() == "Referentiewaarde");
    CHECK(p.criteria[5].id == "reference");
    REQUIRE(kc::apply(p, RenameCriterion{5, ""}).ok());
    CHECK(p.criteria[5].display_name() == "reference");

    REQUIRE(kc::apply(p, SetCriterionRange{5, 0, 20}).ok());
    CHECK(p.criteria[5].min == 0);
    CHECK(p.criteria[5].max == 20);
    CHECK(same_scores(column(p, 5), scores));   // scores keep their values

    REQUIRE(kc::apply(p, SetCriterionAxis{5, Axis::position}).ok());
    CHECK(p.criteria[5].axis == Axis::position);
    CHECK(saved(p).find("\"axis\": \"position\"") != std::string::npos);
}

TEST_CASE("edit criteria: an axis set back to none writes the null the file had") {
    ReadResult read = read_portfolio(R"({"kamcanvas": 1, "criteria": [{"id": "fit", "axis": null}],
                                         "accounts": [{"id": "A", "name": "A", "scores": {"fit": 3}}]})");
    REQUIRE(read.ok());
    Portfolio p = std::move(*read.portfolio);
    const std::string original = saved(p);
    REQUIRE(original.find("\"axis\": null") != std::string::npos);
    REQUIRE(kc::apply(p, SetCriterionAxis{0, Axis::attractiveness}).ok());
    CHECK(saved(p).find("\"axis\": \"attractiveness\"") != std::string::npos);
    REQUIRE(kc::apply(p, SetCriterionAxis{0, Axis::none}).ok());
    CHECK(saved(p) == original);
}

TEST_CASE("edit criteria: setting what is already there is performed but not a change") {
    Portfolio p = read_example("synthetic-40.json");
    const Criterion& c = p.criteria[1];
    CHECK_FALSE(kc::apply(p, RenameCriterion{1, c.name}).changed);
    CHECK_FALSE(kc::apply(p, MoveCriterion{3, 3}).changed);
    CHECK_FALSE(kc::apply(p, SetCriterionRange{1, c.min, c.max}).changed);
    CHECK_FALSE(kc::apply(p, SetCriterionAxis{1, c.axis}).changed);
    CHECK(kc::apply(p, SetCriterionAxis{1, Axis::position}).changed);
}

// [SECTION] refusals -------------------------------------------------------------------

TEST_CASE("edit criteria: values the format forbids are refused and change nothing") {
    Portfolio p = read_example("synthetic-40.json");
    const int n = static_cast<int>(p.criteria.size());
    const std::size_t accounts = p.accounts.size();

    // Places that do not exist.
    check_refused(p, AddCriterion{n + 1, new_criterion("x"), {}}, "/criteria/7");
    check_refused(p, AddCriterion{-1, new_criterion("x"), {}}, "/criteria/-1");
    check_refused(p, RemoveCriterion{n}, "/criteria/6");
    check_refused(p, RenameCriterion{-1, "x"}, "/criteria/-1");
    check_refused(p, MoveCriterion{n, 0}, "/criteria/6");
    check_refused(p, MoveCriterion{0, n}, "/criteria/6");
    check_refused(p, SetCriterionRange{n, 1, 5}, "/criteria/6");
    check_refused(p, SetCriterionAxis{n, Axis::position}, "/criteria/6");

    // Ids: the spec's shape, unique.
    check_refused(p, AddCriterion{0, new_criterion(""), {}}, "/criteria/0/id");
    check_refused(p, AddCriterion{0, new_criterion("Groei"), {}}, "/criteria/0/id");
    check_refused(p, AddCriterion{0, new_criterion("groei potentieel"), {}}, "/criteria/0/id");
    check_refused(p, AddCriterion{0, new_criterion(std::string(65, 'a')), {}}, "/criteria/0/id");
    check_refused(p, AddCriterion{2, new_criterion("margin"), {}}, "/criteria/2/id");

    // Name, weight and scale of a new criterion.
    check_refused(p, AddCriterion{0, new_criterion("x", "bad \xC3("), {}}, "/criteria/0/name");
    Criterion heavy = new_criterion("x");
    heavy.weight = -1;
    check_refused(p, AddCriterion{0, heavy, {}}, "/criteria/0/weight");
    check_refused(p, AddCriterion{0, new_criterion("x", "", 5, 5), {}}, "/criteria/0/max");
    check_refused(p, AddCriterion{0, new_criterion("x", "", kNaN, 5), {}}, "/criteria/0/min");
    check_refused(p, AddCriterion{0, new_criterion("x", "", 1, 2e15), {}}, "/criteria/0/max");

    // Scores that come with it: one per account, within its scale.
    check_refused(p, AddCriterion{0, new_criterion("x"), {1, 2, 3}}, "/criteria/0");
    std::vector<double> scores(accounts, kNoScore);
    scores[4] = 6;
    check_refused(p, AddCriterion{1, new_criterion("x"), scores}, "/accounts/4/scores/x");

    // Renames and scales of existing criteria.
    check_refused(p, RenameCriterion{0, "\xED\xA0\x80"}, "/criteria/0/name");
    check_refused(p, SetCriterionRange{0, 5, 1}, "/criteria/0/max");
    check_refused(p, SetCriterionRange{0, 3, 3}, "/criteria/0/max");
    check_refused(p, SetCriterionRange{0, 1, std::numeric_limits<double>::infinity()}, "/criteria/0/max");
    // ACC-000002 scores revenue 4: a scale up to 3 would strand it.
    check_refused(p, SetCriterionRange{0, 1, 3}, "/accounts/1/scores/revenue");
    check_refused(p, SetCriterionRange{5, 2, 10}, "/accounts/1/scores/reference");
}

TEST_CASE("edit criteria: a scale that strands scores names each, up to a limit, then counts the rest") {
    Portfolio p = read_example("synthetic-400.json");
    int outside = 0;
    for (const Account& a : p.accounts)
        if (has_score(a.scores[0]) && a.scores[0] > 2) ++outside;
    REQUIRE(outside > kMaxListedScores);

    const Problems problems = check(p, SetCriterionRange{0, 1, 2});
    REQUIRE(problems.size() == static_cast<std::size_t>(kMaxListedScores) + 1);
    for (int i = 0; i < kMaxListedScores; ++i) {
        CHECK(problems[i].code == "score_out_of_range");
        CHECK(problems[i].place.find("/scores/revenue") != std::string::npos);
        CHECK(problems[i].message.find("must be a number from 1 to 2, got ") == 0);
    }
    CHECK(problems.back().place == "/criteria/0");
    CHECK(problems.back().message ==
          "and " + std::to_string(outside - kMaxListedScores) + " more scores outside 1 to 2");

    // A scale that keeps every score is fine, however tight.
    CHECK(check(p, SetCriterionRange{0, 1, 5}).empty());
}

TEST_CASE("edit criteria: refusal messages say what was expected and what was found") {
    Portfolio p = read_example("synthetic-40.json");
    Problems problems = check(p, AddCriterion{0, new_criterion("Groei"), {}});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "bad_criterion_id");
    CHECK(problems[0].message == "must be 1 to 64 characters of a-z, 0-9, '_' and '-', got \"Groei\"");

    problems = check(p, AddCriterion{0, new_criterion("fit"), {}});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "duplicate_id");

    problems = check(p, SetCriterionRange{0, 5, 1});
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].code == "max_not_above_min");
    CHECK(problems[0].message == "max must be above min, got min 5 and max 1");

    problems = check(p, SetCriterionRange{0, 1, 3});
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].message == "must be a number from 1 to 3, got 4");
}

// [SECTION] ids for new criteria ---------------------------------------------------------

TEST_CASE("free_criterion_id: the spec's shape, made from the name, never taken") {
    Portfolio p = read_example("synthetic-40.json");
    CHECK(free_criterion_id(p, "Growth potential") == "growth_potential");
    CHECK(free_criterion_id(p, "  Omzet (€) 2025 ") == "omzet_2025");
    CHECK(free_criterion_id(p, "Kredietwaardigheid") == "kredietwaardigheid");
    CHECK(free_criterion_id(p, "中文") == "criterion");
    CHECK(free_criterion_id(p, "") == "criterion");
    CHECK(free_criterion_id(p, "Revenue") == "revenue_2");

    REQUIRE(kc::apply(p, AddCriterion{0, new_criterion("revenue_2"), {}}).ok());
    CHECK(free_criterion_id(p, "revenue") == "revenue_3");

    const std::string long_name(100, 'x');
    const std::string id = free_criterion_id(p, long_name);
    CHECK(id == std::string(64, 'x'));
    REQUIRE(kc::apply(p, AddCriterion{0, new_criterion(id), {}}).ok());
    const std::string next = free_criterion_id(p, long_name);
    CHECK(next == std::string(62, 'x') + "_2");

    // Whatever the name, the id is accepted by AddCriterion.
    for (const char* name : {"A/B test", "--", "Relatie_sterkte", "ÉÉN", "x y z"}) {
        CAPTURE(name);
        CHECK(check(p, AddCriterion{0, new_criterion(free_criterion_id(p, name)), {}}).empty());
    }
}
