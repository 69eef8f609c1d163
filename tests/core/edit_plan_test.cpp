// edit_plan.hpp: the plan's edits (CORE steps, organisation, goal, targets, notes,
// contacts, team, evaluations). Each changes what it should, its inverse gives back the
// saved file byte for byte, team changes keep `covered_by` consistent (and undo restores
// it), and what the format forbids is refused at the right place without changing anything.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/document.hpp"
#include "core/edit.hpp"
#include "core/format.hpp"
#include "edit_support.hpp"
#include "plan_support.hpp"

using namespace kc;
using kc::test::account_of;
using kc::test::check_refused;
using kc::test::check_round_trip;
using kc::test::read_bundled_example;
using kc::test::read_example;
using kc::test::read_json;
using kc::test::saved;

namespace {

Contact contact(const std::string& name, BuyingRole role = BuyingRole::none, Attitude attitude = Attitude::none) {
    Contact c;
    c.name = name;
    c.role = role;
    c.attitude = attitude;
    return c;
}

Member member(const std::string& name, std::optional<std::string> role = std::nullopt) {
    Member m;
    m.name = name;
    m.role = std::move(role);
    return m;
}

Evaluation evaluation(const std::string& date, EvalStatus status = EvalStatus::none,
                      std::optional<std::string> note = std::nullopt) {
    Evaluation e;
    e.date = date;
    e.status = status;
    e.note = std::move(note);
    return e;
}

Target target(std::optional<double> revenue, std::optional<double> share) {
    Target t;
    t.revenue = revenue;
    t.share_of_wallet = share;
    return t;
}

const std::vector<std::string>& covered_by(const Portfolio& p, int account, int contact) {
    return p.accounts[static_cast<std::size_t>(account)].contacts[static_cast<std::size_t>(contact)].covered_by;
}

// An account with a small DMIU and PSU, typed out so the expected coverage is plain.
const char* kPeople = R"({
  "kamcanvas": 1,
  "accounts": [
    {
      "id": "a",
      "name": "A",
      "contacts": [
        {"name": "Dee", "role": "decider", "covered_by": ["Ann", "Bob"]},
        {"name": "Bea", "role": "buyer", "covered_by": ["Bob"], "x": 1},
        {"name": "Ola", "attitude": "opponent", "covered_by": ["Ghost"]}
      ],
      "team": [
        {"name": "Ann", "role": "account manager"},
        {"name": "Bob"}
      ]
    }
  ]
})";

const double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

// [SECTION] the CORE plan --------------------------------------------------------------

TEST_CASE("edit plan: the bundled example opens and saves byte for byte") {
    const std::string text = kc::test::bundled_example_text();
    CHECK(saved(read_bundled_example()) == text);
}

TEST_CASE("edit plan: CORE steps, checks and the review schedule, each undone exactly") {
    for (const char* file : {"bundled", "matrix.json"}) {
        CAPTURE(file);
        Portfolio p = std::string(file) == "bundled" ? read_bundled_example() : read_example(file);
        for (CoreStepId step : kCoreSteps) {
            check_round_trip(p, SetCoreStepDone{step, true});
            check_round_trip(p, SetCoreStepDone{step, false});
            check_round_trip(p, SetCoreStepNotes{step, "Besluit: ‘ja’ — 中 🧀"});
            check_round_trip(p, SetCoreStepNotes{step, ""});
        }
        check_round_trip(p, SetChoiceCheck{"fits_strategy", false});
        check_round_trip(p, SetChoiceCheck{"Klanten vragen om EDI", true});
        check_round_trip(p, SetReviewInterval{3});
        check_round_trip(p, SetNextReview{"2026-02-28"});
        check_round_trip(p, SetCorePlan{std::nullopt});
        check_round_trip(p, SetCorePlan{CorePlan{}});
    }
    Portfolio p = read_bundled_example();
    check_round_trip(p, SetCoreStepDone{CoreStepId::results, std::nullopt});
    check_round_trip(p, SetCoreStepNotes{CoreStepId::choice, std::nullopt});
    check_round_trip(p, SetChoiceCheck{"ict_integratie", std::nullopt});
    check_round_trip(p, RenameChoiceCheck{"ict_integratie", "ICT-koppeling met de klant"});
    check_round_trip(p, SetReviewInterval{std::nullopt});
    check_round_trip(p, SetNextReview{std::nullopt});
}

TEST_CASE("edit plan: a CORE value set where there was no plan makes the objects it needs; "
          "removing one that is not there changes nothing") {
    Portfolio p = read_example("matrix.json");
    REQUIRE_FALSE(p.core.has_value());
    for (CoreStepId step : kCoreSteps) {
        CHECK_FALSE(kc::apply(p, SetCoreStepDone{step, std::nullopt}).changed);
        CHECK_FALSE(kc::apply(p, SetCoreStepNotes{step, std::nullopt}).changed);
    }
    CHECK_FALSE(kc::apply(p, SetChoiceCheck{"long_term", std::nullopt}).changed);
    CHECK_FALSE(kc::apply(p, SetReviewInterval{std::nullopt}).changed);
    CHECK_FALSE(kc::apply(p, SetNextReview{std::nullopt}).changed);
    CHECK_FALSE(p.core.has_value());

    ApplyResult set = kc::apply(p, SetChoiceCheck{"long_term", true});
    REQUIRE(set.ok());
    CHECK(saved(p).find("\"core\": {\n    \"choice\": {\n      \"checks\": {\n        \"long_term\": true") !=
          std::string::npos);
    REQUIRE(kc::apply(p, *set.inverse).ok());
    CHECK_FALSE(p.core.has_value());
}

TEST_CASE("edit plan: choice checks keep their order; the user's own are added after the others") {
    Portfolio p = read_bundled_example();
    REQUIRE(kc::apply(p, SetChoiceCheck{"internal_support", false}).ok());
    REQUIRE(kc::apply(p, SetChoiceCheck{"Categoriemanagement bij de klant", true}).ok());
    REQUIRE(kc::apply(p, RenameChoiceCheck{"fits_strategy", "past in de strategie"}).ok());
    REQUIRE(kc::apply(p, SetChoiceCheck{"ict_integratie", std::nullopt}).ok());
    const std::vector<std::pair<std::string, bool>> expected = {
        {"past in de strategie", true}, {"internal_support", false}, {"long_term", true},
        {"Categoriemanagement bij de klant", true}};
    CHECK(p.core->choice->checks == expected);
    CHECK_FALSE(kc::apply(p, SetChoiceCheck{"long_term", true}).changed);
    CHECK_FALSE(kc::apply(p, RenameChoiceCheck{"long_term", "long_term"}).changed);
    // Read back, the same answers in the same order.
    CHECK(read_json(saved(p)).core->choice->checks == expected);
}

TEST_CASE("edit plan: CORE refusals") {
    Portfolio p = read_bundled_example();
    check_refused(p, SetChoiceCheck{"", true}, "/core/choice/checks/");
    check_refused(p, SetChoiceCheck{"bad \xC3(", true}, "/core/choice/checks/bad \xC3(");
    check_refused(p, RenameChoiceCheck{"nope", "x"}, "/core/choice/checks/nope");
    check_refused(p, RenameChoiceCheck{"long_term", "fits_strategy"}, "/core/choice/checks/fits_strategy");
    check_refused(p, RenameChoiceCheck{"long_term", ""}, "/core/choice/checks/");
    check_refused(p, SetReviewInterval{0}, "/core/evaluation/interval_months");
    check_refused(p, SetReviewInterval{-6}, "/core/evaluation/interval_months");
    for (const char* date : {"2026-02-30", "2026-1-15", "15-01-2026", "", "2026-13-01", "0999-01-01x"})
        check_refused(p, SetNextReview{date}, "/core/evaluation/next");
    check_refused(p, SetCoreStepNotes{CoreStepId::results, "\xFF"}, "/core/results/notes");
    CorePlan bad;
    bad.evaluation.emplace().interval_months = 0;
    check_refused(p, SetCorePlan{bad}, "/core/evaluation/interval_months");
}

// [SECTION] the organisation --------------------------------------------------------------

TEST_CASE("edit plan: organisation level, form, basis and notes, each undone exactly") {
    for (const char* file : {"bundled", "matrix.json"}) {
        CAPTURE(file);
        Portfolio p = std::string(file) == "bundled" ? read_bundled_example() : read_example(file);
        check_round_trip(p, SetOrganisationLevel{OrgLevel::staff});
        check_round_trip(p, SetOrganisationForm{OrgForm::central});
        check_round_trip(p, SetOrganisationForm{OrgForm::dedicated});
        check_round_trip(p, SetOrganisationBasis{OrgBasis::geography});
        check_round_trip(p, SetOrganisationNotes{"Staf <b>&</b> \"lijn\""});
        check_round_trip(p, SetOrganisation{std::nullopt});
        check_round_trip(p, SetOrganisation{Organisation{}});
    }
    Portfolio p = read_bundled_example();
    check_round_trip(p, SetOrganisationLevel{OrgLevel::none});
    check_round_trip(p, SetOrganisationBasis{OrgBasis::none});
    check_round_trip(p, SetOrganisationNotes{std::nullopt});
    CHECK_FALSE(kc::apply(p, SetOrganisationForm{OrgForm::decentral}).changed);
    check_refused(p, SetOrganisationNotes{"\xC0\xAF"}, "/organisation/notes");

    Portfolio none = read_example("matrix.json");
    CHECK_FALSE(kc::apply(none, SetOrganisationForm{OrgForm::none}).changed);
    CHECK_FALSE(none.organisation.has_value());
    REQUIRE(kc::apply(none, SetOrganisationForm{OrgForm::central}).ok());
    CHECK(none.organisation->form == OrgForm::central);
}

// [SECTION] goal, notes, targets ------------------------------------------------------------

TEST_CASE("edit plan: goal, notes and targets per year, each undone exactly") {
    Portfolio p = read_bundled_example();
    const int versland = account_of(p, "versland");
    const int dagvers = account_of(p, "dagvers");   // no goal, no targets
    for (int a : {versland, dagvers}) {
        check_round_trip(p, SetAccountGoal{a, Goal::growth});
        check_round_trip(p, SetAccountGoal{a, Goal::none});
        check_round_trip(p, SetAccountNotes{a, "Nieuwe inkoper <script>alert(1)</script>"});
        check_round_trip(p, SetAccountNotes{a, ""});
        check_round_trip(p, SetTarget{a, 2026, target(7e6, std::nullopt)});
        check_round_trip(p, SetTarget{a, 2024, target(std::nullopt, 0.25)});
        check_round_trip(p, SetTarget{a, 2027, target(8e6, 1)});
        check_round_trip(p, SetTarget{a, 2026, std::nullopt});
        check_round_trip(p, SetTarget{a, 2026, Target{}});
        check_round_trip(p, set_target_value(p, a, 2026, TargetValue::revenue, 1.5e6));
        check_round_trip(p, set_target_value(p, a, 2026, TargetValue::share_of_wallet, std::nullopt));
    }
}

TEST_CASE("edit plan: set_target_value keeps the other value and removes an emptied year") {
    Portfolio p = read_bundled_example();
    const int versland = account_of(p, "versland");   // 2026: revenue 6050000, share 0.245
    REQUIRE(kc::apply(p, set_target_value(p, versland, 2026, TargetValue::revenue, 6.2e6)).ok());
    const auto& targets = p.accounts[static_cast<std::size_t>(versland)].targets;
    REQUIRE(targets.size() == 1);
    CHECK(targets[0].second == target(6.2e6, 0.245));
    REQUIRE(kc::apply(p, set_target_value(p, versland, 2026, TargetValue::revenue, std::nullopt)).ok());
    CHECK(targets[0].second == target(std::nullopt, 0.245));
    REQUIRE(kc::apply(p, set_target_value(p, versland, 2026, TargetValue::share_of_wallet, std::nullopt)).ok());
    CHECK(targets.empty());
    CHECK(saved(p).find("\"targets\": {}") != std::string::npos);   // the file had the key

    // A new year goes in year order.
    REQUIRE(kc::apply(p, set_target_value(p, versland, 2028, TargetValue::revenue, 1)).ok());
    REQUIRE(kc::apply(p, set_target_value(p, versland, 2027, TargetValue::revenue, 2)).ok());
    CHECK(targets[0].first == 2027);
    CHECK(targets[1].first == 2028);
}

TEST_CASE("edit plan: goal, notes and target refusals") {
    Portfolio p = read_bundled_example();
    check_refused(p, SetAccountGoal{30, Goal::growth}, "/accounts/30");
    check_refused(p, SetAccountNotes{-1, "x"}, "/accounts/-1");
    check_refused(p, SetAccountNotes{0, "\xE2\x82"}, "/accounts/0/notes");
    check_refused(p, SetTarget{0, 999, target(1, std::nullopt)}, "/accounts/0/targets/999");
    check_refused(p, SetTarget{0, 2026, target(-1, std::nullopt)}, "/accounts/0/targets/2026/revenue");
    check_refused(p, SetTarget{0, 2026, target(kNaN, std::nullopt)}, "/accounts/0/targets/2026/revenue");
    check_refused(p, SetTarget{0, 2026, target(2e15, std::nullopt)}, "/accounts/0/targets/2026/revenue");
    check_refused(p, SetTarget{0, 2026, target(1, 1.01)}, "/accounts/0/targets/2026/share_of_wallet");
    check_refused(p, SetTarget{0, 2026, target(1, -0.1)}, "/accounts/0/targets/2026/share_of_wallet");
}

// [SECTION] contacts ----------------------------------------------------------------------

TEST_CASE("edit plan: contacts added, removed, renamed, typed, covered and uncovered, each undone exactly") {
    Portfolio p = read_json(kPeople);
    Portfolio bundled = read_bundled_example();
    const int brinkman = account_of(bundled, "brinkman");   // a key account without contacts or team
    for (auto [portfolio, a] : {std::pair{&p, 0}, std::pair{&bundled, account_of(bundled, "mueller")}}) {
        Portfolio& q = *portfolio;
        check_round_trip(q, AddContact{a, 0, contact("Zoë Ünal", BuyingRole::initiator, Attitude::supporter)});
        check_round_trip(q, AddContact{a, static_cast<int>(q.accounts[a].contacts.size()), contact("Last")});
        check_round_trip(q, RemoveContact{a, 0});
        check_round_trip(q, RemoveContact{a, 1});
        check_round_trip(q, SetContactText{a, 0, ContactText::name, "Dr. <i>Groß</i>"});
        check_round_trip(q, SetContactText{a, 1, ContactText::function, "Inkoper & \"categorie\""});
        check_round_trip(q, SetContactText{a, 0, ContactText::function, std::nullopt});
        for (BuyingRole role : {BuyingRole::gatekeeper, BuyingRole::none, BuyingRole::decider})
            check_round_trip(q, SetContactRole{a, 1, role});
        for (Attitude attitude : {Attitude::opponent, Attitude::none, Attitude::supporter})
            check_round_trip(q, SetContactAttitude{a, 2, attitude});
        check_round_trip(q, CoverContact{a, 2, q.accounts[a].team[0].name});
        check_round_trip(q, UncoverContact{a, 0, covered_by(q, a, 0).front()});
    }
    check_round_trip(bundled, AddContact{brinkman, 0, contact("Inkoper")});
    check_round_trip(p, UncoverContact{0, 2, "Ghost"});   // a name outside the team can be cleared
}

TEST_CASE("edit plan: cover adds a team member once; uncover takes the name out") {
    Portfolio p = read_json(kPeople);
    REQUIRE(kc::apply(p, CoverContact{0, 1, "Ann"}).ok());
    CHECK(covered_by(p, 0, 1) == std::vector<std::string>{"Bob", "Ann"});
    ApplyResult again = kc::apply(p, CoverContact{0, 1, "Ann"});
    CHECK(again.ok());
    CHECK_FALSE(again.changed);
    REQUIRE(kc::apply(p, UncoverContact{0, 1, "Bob"}).ok());
    CHECK(covered_by(p, 0, 1) == std::vector<std::string>{"Ann"});
    CHECK_FALSE(kc::apply(p, UncoverContact{0, 1, "Bob"}).changed);
    // The new coverage is in the file and reads back without warnings about it.
    ReadResult back = read_portfolio(saved(p));
    REQUIRE(back.ok());
    CHECK(back.portfolio->accounts[0].contacts[1].covered_by == std::vector<std::string>{"Ann"});
}

TEST_CASE("edit plan: contact refusals") {
    Portfolio p = read_json(kPeople);
    check_refused(p, AddContact{0, 4, contact("X")}, "/accounts/0/contacts/4");
    check_refused(p, AddContact{0, -1, contact("X")}, "/accounts/0/contacts/-1");
    check_refused(p, AddContact{0, 0, contact("")}, "/accounts/0/contacts/0/name");
    check_refused(p, AddContact{1, 0, contact("X")}, "/accounts/1");
    check_refused(p, RemoveContact{0, 3}, "/accounts/0/contacts/3");
    check_refused(p, SetContactText{0, 0, ContactText::name, ""}, "/accounts/0/contacts/0/name");
    check_refused(p, SetContactText{0, 0, ContactText::name, std::nullopt}, "/accounts/0/contacts/0/name");
    check_refused(p, SetContactText{0, 1, ContactText::function, "\xED\xA0\x80"}, "/accounts/0/contacts/1/function");
    check_refused(p, SetContactRole{0, 7, BuyingRole::user}, "/accounts/0/contacts/7");
    check_refused(p, SetContactAttitude{0, -2, Attitude::neutral}, "/accounts/0/contacts/-2");
    check_refused(p, CoverContact{0, 0, "Ghost"}, "/accounts/0/contacts/0/covered_by");
    check_refused(p, CoverContact{0, 0, "ann"}, "/accounts/0/contacts/0/covered_by");
    check_refused(p, UncoverContact{0, 3, "Ann"}, "/accounts/0/contacts/3");
}

// [SECTION] team ----------------------------------------------------------------------------

TEST_CASE("edit plan: team members added, removed, renamed and typed, each undone exactly") {
    Portfolio p = read_json(kPeople);
    Portfolio bundled = read_bundled_example();
    for (auto [portfolio, a] : {std::pair{&p, 0}, std::pair{&bundled, account_of(bundled, "versland")},
                                std::pair{&bundled, account_of(bundled, "brinkman")}}) {
        Portfolio& q = *portfolio;
        check_round_trip(q, AddMember{a, 0, member("Céline", "account manager")});
        check_round_trip(q, AddMember{a, static_cast<int>(q.accounts[a].team.size()), member("Last")});
        if (q.accounts[a].team.empty()) continue;
        check_round_trip(q, RemoveMember{a, 0});
        check_round_trip(q, SetMemberText{a, 0, MemberText::name, "Anna-Lena"});
        check_round_trip(q, SetMemberText{a, 0, MemberText::function, "Key accountmanager"});
        check_round_trip(q, SetMemberText{a, 0, MemberText::role, std::nullopt});
        check_round_trip(q, SetMemberText{a, 0, MemberText::role, "KAM"});
    }
    check_round_trip(p, AddMember{0, 1, member("Ghost")});   // the name the contacts already mention
    check_round_trip(p, SetAccountPeople{0, {}, {}});
}

TEST_CASE("edit plan: removing a member removes its coverage, renaming renames it, undo restores it") {
    Portfolio p = read_json(kPeople);
    const std::string before = saved(p);

    ApplyResult removed = kc::apply(p, RemoveMember{0, 1});   // Bob
    REQUIRE(removed.ok());
    CHECK(covered_by(p, 0, 0) == std::vector<std::string>{"Ann"});
    CHECK(covered_by(p, 0, 1).empty());
    CHECK(covered_by(p, 0, 2) == std::vector<std::string>{"Ghost"});   // not Bob's: untouched
    REQUIRE(kc::apply(p, *removed.inverse).ok());
    CHECK(saved(p) == before);

    ApplyResult renamed = kc::apply(p, SetMemberText{0, 1, MemberText::name, "Robert"});
    REQUIRE(renamed.ok());
    CHECK(p.accounts[0].team[1].name == "Robert");
    CHECK(covered_by(p, 0, 0) == std::vector<std::string>{"Ann", "Robert"});
    CHECK(covered_by(p, 0, 1) == std::vector<std::string>{"Robert"});
    CHECK(check_warnings(p).size() == check_warnings(read_json(before)).size());   // no new warning
    REQUIRE(kc::apply(p, *renamed.inverse).ok());
    CHECK(saved(p) == before);

    // Adding the member the contacts already name fixes the warning; undo brings it back.
    const std::size_t warnings = check_warnings(p).size();
    ApplyResult added = kc::apply(p, AddMember{0, 2, member("Ghost")});
    REQUIRE(added.ok());
    CHECK(check_warnings(p).size() == warnings - 1);
    REQUIRE(kc::apply(p, *added.inverse).ok());
    CHECK(saved(p) == before);
}

TEST_CASE("edit plan: twin member names keep their coverage while one of them remains") {
    Portfolio p = read_json(R"({"kamcanvas": 1, "accounts": [{"id": "a", "name": "A",
        "contacts": [{"name": "C", "covered_by": ["Kim"]}],
        "team": [{"name": "Kim", "function": "sales"}, {"name": "Kim", "function": "service"}]}]})");
    const std::string before = saved(p);
    check_round_trip(p, RemoveMember{0, 0});
    REQUIRE(kc::apply(p, RemoveMember{0, 0}).ok());
    CHECK(covered_by(p, 0, 0) == std::vector<std::string>{"Kim"});   // the other Kim still covers
    p = read_json(before);
    check_refused(p, SetMemberText{0, 0, MemberText::name, "Kim"}, "/accounts/0/team/0/name");
    REQUIRE(kc::apply(p, SetMemberText{0, 0, MemberText::name, "Kim S."}).ok());
    CHECK(covered_by(p, 0, 0) == std::vector<std::string>{"Kim"});   // ambiguous: left as it was
    REQUIRE(kc::apply(p, RemoveMember{0, 1}).ok());                   // the last Kim: coverage goes
    CHECK(covered_by(p, 0, 0).empty());
}

TEST_CASE("edit plan: team refusals") {
    Portfolio p = read_json(kPeople);
    check_refused(p, AddMember{0, 0, member("Ann")}, "/accounts/0/team/0/name");
    check_refused(p, AddMember{0, 0, member("")}, "/accounts/0/team/0/name");
    check_refused(p, AddMember{0, 3, member("Cy")}, "/accounts/0/team/3");
    check_refused(p, RemoveMember{0, 2}, "/accounts/0/team/2");
    check_refused(p, RemoveMember{3, 0}, "/accounts/3");
    check_refused(p, SetMemberText{0, 1, MemberText::name, "Ann"}, "/accounts/0/team/1/name");
    check_refused(p, SetMemberText{0, 1, MemberText::name, ""}, "/accounts/0/team/1/name");
    check_refused(p, SetMemberText{0, 1, MemberText::name, std::nullopt}, "/accounts/0/team/1/name");
    check_refused(p, SetMemberText{0, 1, MemberText::role, "\x80"}, "/accounts/0/team/1/role");
    check_refused(p, SetAccountPeople{0, {contact("")}, {}}, "/accounts/0/contacts/0/name");
    check_refused(p, SetAccountPeople{0, {}, {member("")}}, "/accounts/0/team/0/name");
}

// [SECTION] evaluations -----------------------------------------------------------------------

TEST_CASE("edit plan: evaluations added, edited and removed, each undone exactly") {
    Portfolio p = read_bundled_example();
    const int buurtsuper = account_of(p, "buurtsuper");
    const int dagvers = account_of(p, "dagvers");   // none yet
    const Account& a = p.accounts[static_cast<std::size_t>(buurtsuper)];
    check_round_trip(p, AddEvaluation{buurtsuper, evaluation_index_for(a, "2026-01-20"),
                                      evaluation("2026-01-20", EvalStatus::at_risk, "Kennismaking G. Mulder")});
    check_round_trip(p, AddEvaluation{buurtsuper, 0, evaluation("2024-02-29")});
    check_round_trip(p, AddEvaluation{dagvers, 0, evaluation("2025-12-31", EvalStatus::on_track)});
    check_round_trip(p, SetEvaluation{buurtsuper, 2, evaluation("2025-06-13", EvalStatus::at_risk, "Tender verloren")});
    check_round_trip(p, SetEvaluation{buurtsuper, 0, evaluation("2024-05-17")});
    check_round_trip(p, RemoveEvaluation{buurtsuper, 0});
    check_round_trip(p, RemoveEvaluation{buurtsuper, 3});
    CHECK_FALSE(kc::apply(p, SetEvaluation{buurtsuper, 1, a.evaluations[1]}).changed);
}

TEST_CASE("edit plan: evaluation_index_for keeps the list oldest first") {
    Portfolio p = read_bundled_example();
    const Account& a = p.accounts[static_cast<std::size_t>(account_of(p, "buurtsuper"))];
    // 2024-05-17, 2024-11-22, 2025-06-13, 2025-11-14
    CHECK(evaluation_index_for(a, "2024-01-01") == 0);
    CHECK(evaluation_index_for(a, "2024-05-17") == 1);   // after one of the same day
    CHECK(evaluation_index_for(a, "2025-01-01") == 2);
    CHECK(evaluation_index_for(a, "2026-01-20") == 4);
    CHECK(evaluation_index_for(p.accounts[static_cast<std::size_t>(account_of(p, "dagvers"))], "2025-01-01") == 0);
}

TEST_CASE("edit plan: evaluation refusals: dates are real days written YYYY-MM-DD") {
    Portfolio p = read_bundled_example();
    const int a = account_of(p, "buurtsuper");
    const std::string place = "/accounts/" + std::to_string(a) + "/evaluations/";
    for (const char* date : {"2025-02-29", "2025-04-31", "2025-00-10", "25-06-13", "2025/06/13", "2025-6-13",
                             "", "2025-06-13T10:00", "０２０２-01-01"}) {
        CAPTURE(date);
        check_refused(p, AddEvaluation{a, 0, evaluation(date)}, place + "0/date");
        check_refused(p, SetEvaluation{a, 1, evaluation(date)}, place + "1/date");
    }
    check_refused(p, AddEvaluation{a, 0, evaluation("2025-01-01", EvalStatus::none, "\xC3")}, place + "0/note");
    check_refused(p, AddEvaluation{a, 5, evaluation("2025-01-01")}, place + "5");
    check_refused(p, SetEvaluation{a, 4, evaluation("2025-01-01")}, place + "4");
    check_refused(p, RemoveEvaluation{a, -1}, place + "-1");
}

// [SECTION] unknown members ------------------------------------------------------------------

TEST_CASE("edit plan: members the format does not name survive every plan edit") {
    Portfolio p = read_json(R"({"kamcanvas": 1, "accounts": [{"id": "a", "name": "A", "u_account": 1,
        "targets": {"2026": {"revenue": 5, "u_target": 2}},
        "contacts": [{"name": "C", "covered_by": ["M"], "u_contact": 3}],
        "team": [{"name": "M", "u_member": 4}, {"name": "N"}],
        "evaluations": [{"date": "2025-01-01", "u_evaluation": 5}]}],
      "organisation": {"form": "central", "u_organisation": 6},
      "core": {"choice": {"checks": {"long_term": true}, "u_choice": 7}, "evaluation": {"u_step": 8},
               "u_core": 9},
      "u_root": 10})");
    Evaluation edited = p.accounts[0].evaluations[0];
    edited.status = EvalStatus::on_track;
    const std::vector<Edit> edits = {
        SetCoreStepDone{CoreStepId::choice, true}, SetChoiceCheck{"own", false}, SetReviewInterval{4},
        SetNextReview{"2026-05-01"}, SetOrganisationForm{OrgForm::dedicated}, SetOrganisationNotes{"n"},
        set_target_value(p, 0, 2026, TargetValue::share_of_wallet, 0.5), SetAccountGoal{0, Goal::growth},
        SetContactRole{0, 0, BuyingRole::decider}, CoverContact{0, 0, "N"},
        SetMemberText{0, 0, MemberText::name, "M2"}, RemoveMember{0, 1}, SetEvaluation{0, 0, edited},
        AddEvaluation{0, 1, evaluation("2025-06-01")}, SetAccountNotes{0, "notes"},
    };
    for (const Edit& edit : edits) REQUIRE(kc::apply(p, edit).ok());
    const std::string text = saved(p);
    int n = 0;
    for (const char* key : {"u_account", "u_target", "u_contact", "u_member", "u_evaluation", "u_organisation",
                            "u_choice", "u_step", "u_core", "u_root"}) {
        const std::string member = "\"" + std::string(key) + "\": " + std::to_string(++n);
        CHECK_MESSAGE(text.find(member) != std::string::npos, member);
    }
    CHECK(p.accounts[0].contacts[0].covered_by == std::vector<std::string>{"M2"});
}

// [SECTION] through the document ---------------------------------------------------------------

TEST_CASE("edit plan: through the document, a session of plan edits is undone to the opened file") {
    const std::string text = kc::test::bundled_example_text();
    Document doc(read_json(text));
    const Report& before = doc.report();
    const double total = before.pareto.total_revenue;
    const int mueller = account_of(doc.portfolio(), "mueller");
    const std::vector<Edit> session = {
        SetCoreStepDone{CoreStepId::results, true},
        SetChoiceCheck{"Retailers willen minder leveranciers", true},
        SetOrganisationForm{OrgForm::central},
        SetAccountGoal{mueller, Goal::retention},
        SetTarget{mueller, 2027, target(2.4e6, 0.3)},
        AddContact{mueller, 5, contact("Nina Vogel", BuyingRole::user)},
        CoverContact{mueller, 5, "Tobias Meijer"},
        CoverContact{mueller, 2, "Henk-Jan de Weide"},
        AddMember{mueller, 2, member("Pieter Smit", "category manager")},
        SetMemberText{mueller, 0, MemberText::name, "Tobias M. Meijer"},
        RemoveMember{mueller, 1},
        AddEvaluation{mueller, 3, evaluation("2026-01-16", EvalStatus::on_track, "Kwartaaloverleg")},
        SetAccountNotes{mueller, "DACH-groei"},
    };
    for (const Edit& edit : session) REQUIRE(doc.apply(edit).ok());
    CHECK(doc.report_updates().full == 1);   // plan edits never recompute the analysis
    CHECK(doc.report().pareto.total_revenue == total);
    CHECK(doc.report_updates().full == 1);
    const Account& m = doc.portfolio().accounts[static_cast<std::size_t>(mueller)];
    CHECK(m.contacts[0].covered_by == std::vector<std::string>{"Tobias M. Meijer"});   // directeur removed
    CHECK(m.contacts[5].covered_by == std::vector<std::string>{"Tobias M. Meijer"});
    CHECK(read_portfolio(saved(doc.portfolio())).ok());
    while (doc.can_undo()) REQUIRE(doc.undo());
    CHECK(saved(doc.portfolio()) == text);
    CHECK_FALSE(doc.dirty());
}
