// plan.hpp: the account-management plan read from the portfolio (docs/plan.md). Small
// portfolios typed out here with the figures worked out by hand, and the bundled example,
// whose gaps, reviews and targets are deliberate (its notes say which).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/plan.hpp"
#include "plan_support.hpp"

using namespace kc;
using kc::test::account_of;
using kc::test::read_bundled_example;
using kc::test::read_json;

namespace {

Date day(const char* text) {
    const std::optional<Date> date = parse_date(text);
    REQUIRE_MESSAGE(date.has_value(), text);
    return *date;
}

std::vector<std::string> ids(const Portfolio& p, const std::vector<int>& accounts) {
    std::vector<std::string> out;
    for (int a : accounts) out.push_back(p.accounts[static_cast<std::size_t>(a)].id);
    return out;
}

// [SECTION] small portfolios --------------------------------------------------------------

const char* kCoverage = R"({"kamcanvas": 1, "accounts": [
  {"id": "a", "name": "A", "key": true,
   "contacts": [
     {"name": "Dee", "role": "decider", "covered_by": ["Ann", "Bob"]},
     {"name": "Bea", "role": "buyer", "covered_by": ["Ghost"]},
     {"name": "Ola", "role": "user", "attitude": "opponent", "covered_by": []},
     {"name": "Ivo", "role": "influencer", "attitude": "opponent", "covered_by": ["Bob"]},
     {"name": "Una", "role": "user"},
     {"name": "Dan", "role": "decider", "attitude": "opponent"}],
   "team": [{"name": "Ann"}, {"name": "Bob"}, {"name": "Cy"}]},
  {"id": "b", "name": "B", "key": true},
  {"id": "c", "name": "C"}
]})";

// Today 2026-01-20 in the review cases; interval 6 months.
const char* kReviews = R"({"kamcanvas": 1, "accounts": [
  {"id": "due-later", "name": "1", "key": true,
   "evaluations": [{"date": "2025-09-30", "status": "off_track"}, {"date": "2025-12-01"}]},
  {"id": "overdue", "name": "2", "goal": "growth",
   "evaluations": [{"date": "2025-03-31", "status": "on_track"}]},
  {"id": "never", "name": "3", "key": true},
  {"id": "at-risk", "name": "4",
   "evaluations": [{"date": "2025-10-01", "status": "on_track"}, {"date": "2025-10-01", "status": "at_risk"}]},
  {"id": "not-reviewed", "name": "5"},
  {"id": "overdue-more", "name": "6", "key": true, "evaluations": [{"date": "2024-12-31", "status": "on_track"}]}
],
"core": {"evaluation": {"interval_months": 6}}})";

const char* kTargets = R"({"kamcanvas": 1, "portfolio": {"year": 2025}, "accounts": [
  {"id": "g", "name": "G", "goal": "growth",
   "revenue": {"2024": 90, "2025": 60}, "wallet": {"2025": 80},
   "targets": {"2026": {"revenue": 100, "share_of_wallet": 0.2}, "2027": {"revenue": 61}}},
  {"id": "r", "name": "R", "goal": "retention",
   "revenue": {"2024": 50, "2025": 60}, "wallet": {"2024": 200},
   "targets": {"2024": {"revenue": 100, "share_of_wallet": 0.5}, "2026": {"revenue": 55}}},
  {"id": "n", "name": "N", "goal": "growth", "revenue": {"2025": 10}, "targets": {"2025": {"revenue": 20}}},
  {"id": "ok", "name": "OK", "revenue": {"2025": 10}, "wallet": {"2026": 0, "2025": 100},
   "targets": {"2026": {"revenue": 90}}}
]})";

const char* kOrganisation = R"({"kamcanvas": 1, "portfolio": {"year": 2025}, "accounts": [
  {"id": "a", "name": "A", "key": true, "segment": "Retail", "region": "Noord", "products": ["x", "y", "x"],
   "revenue": {"2025": 100}, "team": [{"name": "Ann", "role": "Key Account Manager"}, {"name": "Bo"}]},
  {"id": "b", "name": "B", "segment": "Retail", "products": ["x"], "revenue": {"2025": 300},
   "team": [{"name": "Cas", "function": "Accountmanager Retail"}, {"name": "Ann", "role": "KAM"}]},
  {"id": "c", "name": "C", "segment": "Food", "region": "Zuid", "products": ["y", "z"], "revenue": {"2025": 50},
   "team": [{"name": "Dirk", "role": "service", "function": "account manager"}]},
  {"id": "d", "name": "D", "revenue": {"2025": 50}}
]})";

}  // namespace

// [SECTION] coverage ------------------------------------------------------------------------

TEST_CASE("plan coverage: uncovered deciders and buyers, uncovered opponents, idle members, unknown names") {
    const Portfolio p = read_json(kCoverage);
    const Account& a = p.accounts[0];
    const CoverageGaps gaps = coverage_gaps(a);
    // Bea is covered only by a name outside the team: not covered. Dan decides and opposes.
    CHECK(gaps.uncovered_deciders == std::vector<int>{1, 5});
    CHECK(gaps.uncovered_opponents == std::vector<int>{2, 5});
    CHECK(gaps.idle_members == std::vector<int>{2});
    CHECK(gaps.unknown_covers == std::vector<UnknownCover>{{1, "Ghost"}});
    CHECK_FALSE(gaps.no_contacts);
    CHECK_FALSE(gaps.no_team);
    CHECK(gaps.any());
    CHECK(is_covered(a, a.contacts[0]));
    CHECK_FALSE(is_covered(a, a.contacts[1]));
    CHECK(is_covered(a, a.contacts[3]));

    const CoverageGaps empty_key = coverage_gaps(p.accounts[1]);
    CHECK(empty_key.no_contacts);
    CHECK(empty_key.no_team);
    CHECK_FALSE(coverage_gaps(p.accounts[2]).any());   // not a key account: nothing expected of it
}

TEST_CASE("plan coverage: the bundled example's deliberate gaps") {
    const Portfolio p = read_bundled_example();
    std::vector<std::string> with_gaps;
    for (std::size_t i = 0; i < p.accounts.size(); ++i)
        if (coverage_gaps(p.accounts[i]).any()) with_gaps.push_back(p.accounts[i].id);
    CHECK(with_gaps == std::vector<std::string>{"buurtsuper", "marktplein", "brinkman", "mueller"});

    const Account& buurtsuper = p.accounts[static_cast<std::size_t>(account_of(p, "buurtsuper"))];
    const CoverageGaps b = coverage_gaps(buurtsuper);
    REQUIRE(b.uncovered_deciders.size() == 1);
    CHECK(buurtsuper.contacts[static_cast<std::size_t>(b.uncovered_deciders[0])].name == "Gerard Mulder");
    CHECK(b.uncovered_opponents.empty());   // Dirk Hoekstra opposes, but Ruud Schouten covers him

    const Account& mueller = p.accounts[static_cast<std::size_t>(account_of(p, "mueller"))];
    const CoverageGaps m = coverage_gaps(mueller);
    REQUIRE(m.uncovered_opponents.size() == 1);
    CHECK(mueller.contacts[static_cast<std::size_t>(m.uncovered_opponents[0])].name == "Dr. Ulrike Groß");
    CHECK(m.uncovered_deciders.empty());

    const Account& marktplein = p.accounts[static_cast<std::size_t>(account_of(p, "marktplein"))];
    const CoverageGaps k = coverage_gaps(marktplein);
    REQUIRE(k.idle_members.size() == 1);
    CHECK(marktplein.team[static_cast<std::size_t>(k.idle_members[0])].name == "Femke Jansen");

    const CoverageGaps brinkman = coverage_gaps(p.accounts[static_cast<std::size_t>(account_of(p, "brinkman"))]);
    CHECK(brinkman.no_contacts);
    CHECK(brinkman.no_team);
}

// [SECTION] reviews ---------------------------------------------------------------------------

TEST_CASE("plan reviews: due dates from the interval, overdue given today, the order of attention") {
    const Portfolio p = read_json(kReviews);
    const ReviewPlan plan = review_plan(p, day("2026-01-20"));
    REQUIRE(plan.of.size() == 6);
    CHECK(plan.interval_months == 6);
    CHECK_FALSE(plan.next.has_value());

    const AccountReview& later = plan.of[0];
    CHECK(later.reviewed);
    CHECK(later.last == day("2025-12-01"));
    CHECK(later.status == EvalStatus::off_track);   // the latest review with a status
    CHECK(later.due == day("2026-06-01"));
    CHECK_FALSE(later.overdue);

    const AccountReview& overdue = plan.of[1];
    CHECK(overdue.due == day("2025-09-30"));   // 31 March + 6 months: the last day of September
    CHECK(overdue.overdue);
    CHECK(overdue.days_overdue == 112);        // 1 Oct to 20 Jan: 31 + 30 + 31 + 20

    const AccountReview& never = plan.of[2];
    CHECK(never.reviewed);
    CHECK_FALSE(never.last.has_value());
    CHECK_FALSE(never.due.has_value());
    CHECK(never.overdue);                      // a cycle is set and it never had a review

    CHECK(plan.of[3].status == EvalStatus::at_risk);   // same day: the later in the file
    CHECK(plan.of[3].due == day("2026-04-01"));
    CHECK_FALSE(plan.of[4].reviewed);
    CHECK_FALSE(plan.of[4].due.has_value());
    CHECK(plan.of[5].due == day("2025-06-30"));
    CHECK(plan.of[5].days_overdue == 204);

    CHECK(ids(p, plan.overdue) == std::vector<std::string>{"never", "overdue-more", "overdue"});
    CHECK(ids(p, plan.off_track) == std::vector<std::string>{"due-later"});
    CHECK(ids(p, plan.at_risk) == std::vector<std::string>{"at-risk"});
    CHECK(ids(p, plan.order) ==
          std::vector<std::string>{"never", "overdue-more", "overdue", "due-later", "at-risk"});
}

TEST_CASE("plan reviews: without an interval the next review date is everyone's due date") {
    Portfolio p = read_json(kReviews);
    p.core->evaluation->interval_months.reset();
    p.core->evaluation->next = "2026-01-15";
    const ReviewPlan plan = review_plan(p, day("2026-01-15"));
    CHECK_FALSE(plan.next_overdue);   // due today is not overdue yet
    for (const AccountReview& review : plan.of)
        if (review.reviewed) CHECK(review.due == day("2026-01-15"));
    CHECK(plan.overdue.empty());
    CHECK(review_plan(p, day("2026-01-16")).overdue.size() == 5);
    CHECK(review_plan(p, day("2026-01-16")).next_overdue);

    p.core.reset();   // no schedule at all: nothing is ever overdue
    const ReviewPlan none = review_plan(p, day("2099-01-01"));
    CHECK(none.overdue.empty());
    CHECK(none.order.size() == 5);
}

TEST_CASE("plan reviews: the bundled example on 20 January 2026") {
    const Portfolio p = read_bundled_example();
    const ReviewPlan plan = review_plan(p, day("2026-01-20"));
    CHECK(plan.next == day("2026-01-15"));
    CHECK(plan.next_overdue);
    const AccountReview& brinkman = plan.of[static_cast<std::size_t>(account_of(p, "brinkman"))];
    CHECK(brinkman.due == day("2026-02-28"));   // 29 August + 6 months
    const AccountReview& tafelzorg = plan.of[static_cast<std::size_t>(account_of(p, "tafelzorg"))];
    CHECK(tafelzorg.due == day("2026-01-11"));
    CHECK(tafelzorg.days_overdue == 9);
    CHECK(ids(p, plan.overdue) == std::vector<std::string>{"tafelzorg"});
    CHECK(plan.off_track.empty());   // BuurtSuper was off track in June, at risk since November
    CHECK(ids(p, plan.at_risk) == std::vector<std::string>{"buurtsuper", "tafelzorg", "brinkman"});
    CHECK(ids(p, plan.order) == std::vector<std::string>{"tafelzorg", "brinkman", "buurtsuper", "marktplein",
                                                          "mueller", "versland"});
    CHECK(plan.of[static_cast<std::size_t>(account_of(p, "dagvers"))].reviewed == false);
}

// [SECTION] results ----------------------------------------------------------------------------

TEST_CASE("plan targets: the checks, worked out by hand") {
    const Portfolio p = read_json(kTargets);
    const Report report = analyze(p);
    const ResultsPlan plan = results_plan(p, report);
    CHECK(plan.growth == 2);
    CHECK(plan.retention == 1);

    struct Expected {
        const char* account;
        int year;
        TargetIssue issue;
        TargetValue value;
        double target, reference;
        int reference_year;
    };
    const std::vector<Expected> expected = {
        // g 2026: 100 above the 2025 wallet of 80; 100 is above 60, fine; share 0.2 not above 60/80.
        {"g", 2026, TargetIssue::above_wallet, TargetValue::revenue, 100, 80, 2025},
        {"g", 2026, TargetIssue::growth_not_above_current, TargetValue::share_of_wallet, 0.2, 0.75, 2025},
        // g 2027: 61 grows on the latest actual before 2027 (60 in 2025) and fits the 2025
        // wallet, the latest there is. r 2024: no actual before 2024 to compare with, and
        // 100 fits the 2024 wallet of 200. r 2026: 55 is below the 60 of 2025.
        {"r", 2026, TargetIssue::retention_below_current, TargetValue::revenue, 55, 60, 2025},
        // n: growth with only a 2025 target, none after Y = 2025. Its 2025 target has no
        // actual before 2025 to compare with.
        {"n", 2026, TargetIssue::goal_without_target, TargetValue::revenue, 0, 0, 0},
    };
    REQUIRE(plan.checks.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        const TargetCheck& check = plan.checks[i];
        CHECK(p.accounts[static_cast<std::size_t>(check.account)].id == expected[i].account);
        CHECK(check.year == expected[i].year);
        CHECK(check.issue == expected[i].issue);
        CHECK(check.value == expected[i].value);
        CHECK(check.target == doctest::Approx(expected[i].target));
        CHECK(check.reference == doctest::Approx(expected[i].reference));
        CHECK(check.reference_year == expected[i].reference_year);
    }
    CHECK(to_string(TargetIssue::above_wallet) == "above_wallet");
}

TEST_CASE("plan targets: progress against actuals and the totals per year") {
    const Portfolio p = read_json(kTargets);
    const ResultsPlan plan = results_plan(p, analyze(p));
    const std::vector<TargetProgress>& r = plan.progress[1];
    REQUIRE(r.size() == 2);
    CHECK(r[0].year == 2024);
    CHECK(r[0].actual_revenue == 50);
    CHECK(*r[0].revenue_attained == doctest::Approx(0.5));
    CHECK(*r[0].actual_share == doctest::Approx(0.25));   // 50 of a 200 wallet
    CHECK(*r[0].share_gap == doctest::Approx(-0.25));
    CHECK(r[1].year == 2026);
    CHECK_FALSE(r[1].actual_revenue.has_value());
    CHECK_FALSE(r[1].revenue_attained.has_value());
    CHECK_FALSE(r[1].target_share.has_value());

    // ok 2026: its wallet that year is 0, so no share; the revenue target stands.
    const std::vector<TargetProgress>& ok = plan.progress[3];
    REQUIRE(ok.size() == 1);
    CHECK_FALSE(ok[0].actual_share.has_value());

    REQUIRE(plan.totals.size() == 4);   // 2024, 2025, 2026, 2027
    CHECK(plan.totals[0].year == 2024);
    CHECK(plan.totals[0].accounts == 1);
    CHECK(plan.totals[0].actual_revenue == 50);
    const TargetTotals& y2026 = plan.totals[2];
    CHECK(y2026.year == 2026);
    CHECK(y2026.accounts == 3);                         // g, r, ok
    CHECK(y2026.target_revenue == 100 + 55 + 90);
    CHECK(y2026.previous_revenue == 60 + 60 + 10);
    CHECK_FALSE(y2026.actual_revenue.has_value());
    CHECK(plan.totals[1].actual_revenue == 10);          // n in 2025
}

TEST_CASE("plan targets: the bundled example's targets are sound and add up") {
    const Portfolio p = read_bundled_example();
    const ResultsPlan plan = results_plan(p, analyze(p));
    CHECK(plan.checks.empty());
    CHECK(plan.retention == 2);
    CHECK(plan.growth == 4);
    REQUIRE(plan.totals.size() == 1);
    CHECK(plan.totals[0].year == 2026);
    CHECK(plan.totals[0].accounts == 6);
    CHECK(plan.totals[0].target_revenue == doctest::Approx(16350000));
    CHECK(plan.totals[0].previous_revenue == doctest::Approx(15327512.15));
    CHECK_FALSE(plan.totals[0].actual_revenue.has_value());

    // A growth target below this year's revenue is caught.
    Portfolio q = p;
    const int mueller = account_of(q, "mueller");
    q.accounts[static_cast<std::size_t>(mueller)].targets[0].second.revenue = 1.5e6;
    q.accounts[static_cast<std::size_t>(mueller)].targets[0].second.share_of_wallet = 0.9;
    q.accounts[static_cast<std::size_t>(mueller)].targets.push_back({2027, Target{9e6, std::nullopt, Json::object()}});
    const ResultsPlan changed = results_plan(q, analyze(q));
    REQUIRE(changed.checks.size() == 2);
    CHECK(changed.checks[0].issue == TargetIssue::growth_not_above_current);
    CHECK(changed.checks[0].reference == 1764310);
    CHECK(changed.checks[1].issue == TargetIssue::above_wallet);   // 9 million, the wallet is 7.6
    CHECK(changed.checks[1].year == 2027);
    CHECK(changed.checks[1].reference == 7.6e6);
}

// [SECTION] timeline -----------------------------------------------------------------------------

TEST_CASE("plan timeline: revenue, share of wallet, targets and review statuses per year") {
    const Portfolio p = read_json(R"({"kamcanvas": 1, "accounts": [{"id": "a", "name": "A",
        "revenue": {"2023": 10, "2024": 30}, "wallet": {"2024": 120},
        "targets": {"2026": {"share_of_wallet": 0.4}},
        "evaluations": [{"date": "2024-09-01", "status": "at_risk"}, {"date": "2024-03-01", "status": "on_track"},
                        {"date": "2025-02-01", "note": "no status"}]}]})");
    const std::vector<TimelineYear> timeline = account_timeline(p.accounts[0]);
    REQUIRE(timeline.size() == 4);
    CHECK(timeline[0].year == 2023);
    CHECK(timeline[0].revenue == 10);
    CHECK_FALSE(timeline[0].share_of_wallet.has_value());
    CHECK(timeline[1].year == 2024);
    CHECK(*timeline[1].share_of_wallet == doctest::Approx(0.25));
    CHECK(timeline[1].evaluations == std::vector<int>{1, 0});   // by date
    CHECK(timeline[1].status == EvalStatus::at_risk);            // September's
    CHECK(timeline[2].year == 2025);
    CHECK_FALSE(timeline[2].revenue.has_value());
    CHECK(timeline[2].evaluations == std::vector<int>{2});
    CHECK(timeline[2].status == EvalStatus::none);
    CHECK(timeline[3].year == 2026);
    CHECK(timeline[3].target_share == 0.4);
    CHECK_FALSE(timeline[3].target_revenue.has_value());
}

// [SECTION] workload ------------------------------------------------------------------------------

TEST_CASE("plan workload: accounts, revenue, key accounts and coverage per person of the PSU") {
    const Portfolio p = read_bundled_example();
    const std::vector<MemberWorkload> people = team_workload(p, analyze(p));
    REQUIRE(people.size() == 9);
    CHECK(people[0].name == "Bram Kuipers");   // versland, buurtsuper and marktplein
    CHECK(ids(p, people[0].accounts) == std::vector<std::string>{"versland", "buurtsuper", "marktplein"});
    CHECK(people[0].revenue == doctest::Approx(5961390.5 + 3241905.2 + 2624640.75));
    CHECK(people[0].key_accounts == 3);
    CHECK(people[0].managed == 0);
    CHECK(people[0].contacts_covered == 5);
    CHECK(people[1].name == "Femke Jansen");   // versland, marktplein, tafelzorg: more than Marloes
    CHECK(people[1].contacts_covered == 2);
    CHECK(people[1].team_index == std::vector<int>{2, 2, 2});
    CHECK(people[2].name == "Marloes Verhoeven");
    CHECK(people[2].managed == 2);
    CHECK(people[2].contacts_covered == 5);
    CHECK(people[3].name == "Henk-Jan de Weide");
    for (std::size_t i = 1; i < people.size(); ++i) CHECK(people[i - 1].revenue >= people[i].revenue);
}

TEST_CASE("plan workload: account managers by role, else by function; twins count once") {
    Member m;
    for (const char* role : {"account manager", "Key Account Manager", "key-accountmanager", "KAM", "am",
                             "Senior Accountmanager Retail"}) {
        m.role = role;
        CHECK_MESSAGE(is_account_manager(m), role);
    }
    for (const char* role : {"category manager", "accounting", "manager", "", "team"}) {
        m.role = role;
        m.function.reset();
        CHECK_FALSE_MESSAGE(is_account_manager(m), role);
    }
    m.role = "";
    m.function = "Accountmanager Retail Zuid";
    CHECK(is_account_manager(m));   // an empty role says nothing: the function does
    m.role = "service";
    CHECK_FALSE(is_account_manager(m));   // the role decides when there is one

    const Portfolio twins = read_json(R"({"kamcanvas": 1, "portfolio": {"year": 2025}, "accounts": [
        {"id": "a", "name": "A", "revenue": {"2025": 10}, "key": true,
         "team": [{"name": "Kim"}, {"name": "Kim", "role": "account manager"}, {"name": "Kim", "role": "KAM"}],
         "contacts": [{"name": "C", "covered_by": ["Kim"]}]}]})");
    const std::vector<MemberWorkload> people = team_workload(twins, analyze(twins));
    REQUIRE(people.size() == 1);
    CHECK(people[0].accounts == std::vector<int>{0});
    CHECK(people[0].revenue == 10);
    CHECK(people[0].key_accounts == 1);
    CHECK(people[0].managed == 1);
    CHECK(people[0].contacts_covered == 1);
}

// [SECTION] the Choice verdict ---------------------------------------------------------------------

TEST_CASE("plan choice: the verdict follows from the answers") {
    struct Case {
        const char* checks;
        ChoiceVerdict verdict;
    };
    const std::vector<Case> cases = {
        {"", ChoiceVerdict::unanswered},
        {R"("fits_strategy": true)", ChoiceVerdict::incomplete},
        {R"("EDI": true)", ChoiceVerdict::incomplete},
        {R"("fits_strategy": true, "internal_support": false, "EDI": true)", ChoiceVerdict::not_ready},
        {R"("long_term": false)", ChoiceVerdict::not_ready},
        {R"("fits_strategy": true, "internal_support": true, "long_term": true)", ChoiceVerdict::go},
        {R"("fits_strategy": true, "internal_support": true, "long_term": true, "EDI": true)", ChoiceVerdict::go},
        {R"("fits_strategy": true, "internal_support": true, "long_term": true, "EDI": false, "CM": false)",
         ChoiceVerdict::go_with_reservations},
    };
    for (const Case& c : cases) {
        CAPTURE(c.checks);
        const Portfolio p =
            read_json(std::string(R"({"kamcanvas": 1, "accounts": [], "core": {"choice": {"checks": {)") + c.checks +
                      "}}}}");
        CHECK(assess_choice(p).verdict == c.verdict);
    }
    const ChoiceAssessment none = assess_choice(read_json(R"({"kamcanvas": 1, "accounts": []})"));
    CHECK(none.verdict == ChoiceVerdict::unanswered);
    CHECK(none.unanswered.size() == 3);

    const ChoiceAssessment mixed = assess_choice(read_json(R"({"kamcanvas": 1, "accounts": [],
        "core": {"choice": {"checks": {"long_term": false, "x": false, "y": true}}}})"));
    CHECK(mixed.failed == std::vector<std::string>{"long_term"});
    CHECK(mixed.unanswered == std::vector<std::string>{"fits_strategy", "internal_support"});
    CHECK(mixed.own_failed == std::vector<std::string>{"x"});
    CHECK(mixed.own == 2);
    CHECK(to_string(mixed.verdict) == "not_ready");
}

TEST_CASE("plan choice: the bundled example says go, with its own ICT check as a reservation") {
    const ChoiceAssessment choice = assess_choice(read_bundled_example());
    CHECK(choice.verdict == ChoiceVerdict::go_with_reservations);
    CHECK(choice.own_failed == std::vector<std::string>{"ict_integratie"});
    CHECK(choice.own == 1);
    CHECK(choice.unanswered.empty());
}

// [SECTION] organisation forms ---------------------------------------------------------------------

TEST_CASE("plan organisation: decentral groups by market, region or product, with revenue and account managers") {
    const Portfolio p = read_json(kOrganisation);
    const Report report = analyze(p);

    const OrganisationPlan market = organisation_plan(p, report, OrgForm::decentral, OrgBasis::market);
    REQUIRE(market.groups.size() == 3);
    CHECK(market.groups[0].key == std::optional<std::string>("Retail"));
    CHECK(market.groups[0].revenue == 400);
    CHECK(ids(p, market.groups[0].accounts) == std::vector<std::string>{"b", "a"});
    CHECK(market.groups[0].key_accounts == 1);
    CHECK(market.groups[0].account_managers == std::vector<std::string>{"Ann", "Cas"});
    CHECK(market.groups[1].key == std::optional<std::string>("Food"));
    CHECK(market.groups[1].account_managers == std::vector<std::string>{});   // Dirk's role is service
    CHECK_FALSE(market.groups[2].key.has_value());                              // d: no segment, last
    CHECK(market.units.empty());

    const OrganisationPlan region = organisation_plan(p, report, OrgForm::decentral, OrgBasis::geography);
    REQUIRE(region.groups.size() == 3);
    CHECK(region.groups[0].key == std::optional<std::string>("Noord"));
    CHECK(region.groups[1].key == std::optional<std::string>("Zuid"));
    CHECK(ids(p, region.groups[2].accounts) == std::vector<std::string>{"b", "d"});

    const OrganisationPlan product = organisation_plan(p, report, OrgForm::decentral, OrgBasis::product);
    REQUIRE(product.groups.size() == 4);   // x 400, y 150, z 50, none 50
    CHECK(product.groups[0].key == std::optional<std::string>("x"));
    CHECK(product.groups[0].revenue == 400);   // a lists x twice: counted once
    CHECK(product.groups[1].key == std::optional<std::string>("y"));
    CHECK(product.groups[1].revenue == 150);
    CHECK(product.groups[2].key == std::optional<std::string>("z"));
    CHECK_FALSE(product.groups[3].key.has_value());
}

TEST_CASE("plan organisation: central shows the accounts shared by product groups, dedicated the key accounts") {
    const Portfolio p = read_json(kOrganisation);
    const Report report = analyze(p);

    const OrganisationPlan central = organisation_plan(p, report, OrgForm::central, OrgBasis::market);
    CHECK(central.basis == OrgBasis::product);
    REQUIRE(central.units.size() == 2);   // a (x, y) and c (y, z)
    CHECK(p.accounts[static_cast<std::size_t>(central.units[0].account)].id == "a");
    CHECK(central.units[0].revenue == 100);
    CHECK(central.units[0].account_managers == std::vector<std::string>{"Ann"});
    CHECK(central.units[0].groups == std::vector<int>{0, 1});   // x and y
    CHECK(central.units[1].groups == std::vector<int>{1, 2});   // y and z

    const OrganisationPlan dedicated = organisation_plan(p, report, OrgForm::dedicated, OrgBasis::none);
    CHECK(dedicated.basis == OrgBasis::market);
    REQUIRE(dedicated.units.size() == 1);
    CHECK(dedicated.units[0].account == 0);
    CHECK(dedicated.units[0].groups.empty());
    REQUIRE(dedicated.groups.size() == 3);
    CHECK(dedicated.groups[0].revenue == 300);   // Retail without a
    CHECK(dedicated.groups[0].account_managers == std::vector<std::string>{"Ann", "Cas"});   // Ann is KAM at b

    const OrganisationPlan none = organisation_plan(p, report);   // the file has no organisation
    CHECK(none.form == OrgForm::decentral);
    CHECK(none.basis == OrgBasis::market);
}

TEST_CASE("plan organisation: the bundled example, against the analysis' breakdowns") {
    const Portfolio p = read_bundled_example();
    const Report report = analyze(p);
    const OrganisationPlan plan = organisation_plan(p, report);
    CHECK(plan.form == OrgForm::decentral);
    CHECK(plan.basis == OrgBasis::market);
    REQUIRE(plan.groups.size() == report.breakdowns.segment.groups.size());
    for (std::size_t g = 0; g < plan.groups.size(); ++g) {
        CAPTURE(g);
        CHECK(plan.groups[g].key == report.breakdowns.segment.groups[g].key);
        CHECK(plan.groups[g].revenue == doctest::Approx(report.breakdowns.segment.groups[g].revenue));
        CHECK(static_cast<int>(plan.groups[g].accounts.size()) == report.breakdowns.segment.groups[g].accounts);
    }
    CHECK(plan.groups[0].key == std::optional<std::string>("Retail"));
    CHECK(plan.groups[0].revenue == doctest::Approx(13039015.35));
    CHECK(plan.groups[0].account_managers == std::vector<std::string>{"Marloes Verhoeven", "Sander Vos"});

    const OrganisationPlan product = organisation_plan(p, report, OrgForm::decentral, OrgBasis::product);
    REQUIRE(product.groups.size() == report.breakdowns.product.groups.size());
    for (std::size_t g = 0; g < product.groups.size(); ++g) {
        CHECK(product.groups[g].key == report.breakdowns.product.groups[g].key);
        CHECK(product.groups[g].revenue == doctest::Approx(report.breakdowns.product.groups[g].revenue));
    }

    const OrganisationPlan central = organisation_plan(p, report, OrgForm::central, OrgBasis::none);
    CHECK(central.units.size() == 26);   // all but the four that buy one product group
    CHECK(ids(p, {central.units[0].account, central.units[1].account}) ==
          std::vector<std::string>{"versland", "buurtsuper"});

    const OrganisationPlan dedicated = organisation_plan(p, report, OrgForm::dedicated, OrgBasis::market);
    std::vector<int> units;
    for (const OrgUnit& unit : dedicated.units) units.push_back(unit.account);
    CHECK(ids(p, units) ==
          std::vector<std::string>{"versland", "buurtsuper", "marktplein", "mueller", "brinkman", "tafelzorg"});
    CHECK(dedicated.units[3].account_managers == std::vector<std::string>{"Tobias Meijer"});
    CHECK(dedicated.units[4].account_managers.empty());   // Brinkman has no team yet
    CHECK(dedicated.groups[0].key == std::optional<std::string>("Groothandel"));
    CHECK(dedicated.groups[0].revenue == doctest::Approx(1911950.85));
}

// [SECTION] dates ---------------------------------------------------------------------------------

TEST_CASE("plan dates: parsing, adding months, days between") {
    CHECK(parse_date("2024-02-29").has_value());
    for (const char* bad : {"2025-02-29", "2025-13-01", "2025-00-01", "2025-01-00", "2025-1-01", "0999-01-01",
                            "2025-01-01 ", "abcd-ef-gh", ""})
        CHECK_FALSE_MESSAGE(parse_date(bad).has_value(), bad);
    CHECK(to_string(day("2025-03-09")) == "2025-03-09");
    CHECK(add_months(day("2025-08-31"), 6) == day("2026-02-28"));
    CHECK(add_months(day("2023-08-31"), 6) == day("2024-02-29"));
    CHECK(add_months(day("2025-01-31"), -2) == day("2024-11-30"));
    CHECK(add_months(day("2025-12-15"), 1) == day("2026-01-15"));
    CHECK(add_months(day("2025-12-15"), 24) == day("2027-12-15"));
    CHECK(days_between(day("2025-12-31"), day("2026-01-01")) == 1);
    CHECK(days_between(day("2024-01-01"), day("2025-01-01")) == 366);
    CHECK(days_between(day("2026-01-20"), day("2025-10-01")) == -111);
    CHECK(day("2025-10-01") < day("2025-10-02"));
}
