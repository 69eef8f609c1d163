// plan_html.hpp: the printable account plan and portfolio plan. Text from the file is
// escaped wherever it appears (a hostile name in every place a file can put text), the
// page needs nothing from outside, and the bundled example's plan shows what its data
// says: the contacts and their coverage, the gaps, the CORE steps and the verdict.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/analysis.hpp"
#include "core/html.hpp"
#include "core/plan_html.hpp"
#include "plan_support.hpp"

using namespace kc;
using kc::test::account_of;
using kc::test::read_bundled_example;
using kc::test::read_json;

namespace {

constexpr const char* kHostile = "<script>alert(1)</script>";
constexpr const char* kHostileEscaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// A portfolio with the hostile text in every place the plans print file text.
Portfolio hostile_portfolio() {
    const std::string h = R"(<script>alert(1)<\/script>)";
    return read_json(R"({"kamcanvas": 1,
      "portfolio": {"name": ")" + h + R"(", "supplier": ")" + h + R"(",
        "matrix": {"labels": {"key": ")" + h + R"("}}},
      "criteria": [{"id": "c", "axis": "attractiveness"}, {"id": "d", "axis": "position"}],
      "accounts": [{"id": ")" + h + R"(", "name": ")" + h + R"(", "segment": ")" + h + R"(", "region": ")" + h + R"(",
        "products": [")" + h + R"("], "revenue": {"2024": 100, "2025": 120}, "wallet": {"2025": 1000},
        "scores": {"c": 5, "d": 5}, "key": true, "goal": "growth", "targets": {"2026": {"revenue": 150}},
        "notes": ")" + h + R"(",
        "contacts": [{"name": ")" + h + R"(", "function": ")" + h + R"(", "role": "decider", "attitude": "opponent",
                      "covered_by": [")" + h + R"("]}],
        "team": [{"name": ")" + h + R"(", "function": ")" + h + R"(", "role": "account manager"}],
        "evaluations": [{"date": "2025-06-01", "note": ")" + h + R"(", "status": "at_risk"}]}],
      "organisation": {"level": "line", "form": "dedicated", "basis": "market", "notes": ")" + h + R"("},
      "core": {"choice": {"notes": ")" + h + R"(", "done": true, "checks": {")" + h + R"(": false}},
               "evaluation": {"interval_months": 6, "notes": ")" + h + R"("}}})");
}

void check_no_markup_from_file(const std::string& html) {
    CHECK(lower(html).find("<script") == std::string::npos);
    CHECK(html.find(kHostileEscaped) != std::string::npos);
    // What the page needs is in it: no scripts, links, images or addresses to fetch.
    const std::string l = lower(html);
    for (const char* outside : {"<link", "src=", "href=", "url(", "@import", "http:", "https:"})
        CHECK_MESSAGE(l.find(outside) == std::string::npos, outside);
}

}  // namespace

TEST_CASE("plan html: a hostile name prints as text everywhere") {
    const Portfolio portfolio = hostile_portfolio();
    REQUIRE(portfolio.accounts[0].name == kHostile);
    const Report report = analyze(portfolio);
    const PlanPrint print{Date{2026, 3, 1}, PlanLanguage::en};

    const std::string account = account_plan_html(portfolio, report, 0, print);
    check_no_markup_from_file(account);
    // Title, meta line (name, supplier), facts (id, name, segment, region), notes, contact
    // (name, function, covered by), member (name, function, role is ours), evaluation note,
    // gaps: every place shows the escaped text.
    CHECK(count(account, kHostileEscaped) >= 12);

    const std::string plan = portfolio_plan_html(portfolio, report, print);
    check_no_markup_from_file(plan);
    // Own check, step notes, organisation notes, group key, unit, person, review list,
    // quadrant label, the account's name in the matrix picture.
    CHECK(count(plan, kHostileEscaped) >= 10);
    CHECK(plan.find("<title>" + std::string(kHostileEscaped) + "</title>") != std::string::npos);
}

TEST_CASE("plan html: the bundled example's account plan shows its map and its gaps") {
    const Portfolio portfolio = read_bundled_example();
    const Report report = analyze(portfolio);
    const int versland = account_of(portfolio, "versland");
    const std::string html = account_plan_html(portfolio, report, versland, {Date{2026, 2, 1}, PlanLanguage::nl});
    CHECK(html.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(html.find("Accountplan: Versland Supermarkten") != std::string::npos);
    // Every contact with its coverage in one row, every team member, every evaluation date.
    CHECK(html.find("<td>Peter van Leeuwen</td><td>Directeur Inkoop Vers</td><td>beslisser</td><td>neutraal</td>"
                    "<td>Henk-Jan de Weide, Marloes Verhoeven</td>") != std::string::npos);
    for (const Member& m : portfolio.accounts[static_cast<std::size_t>(versland)].team)
        CHECK(html.find("<td>" + m.name + "</td>") != std::string::npos);
    for (const Evaluation& e : portfolio.accounts[static_cast<std::size_t>(versland)].evaluations)
        CHECK(html.find("<td>" + e.date + "</td>") != std::string::npos);
    CHECK(html.find("afgedrukt 2026-02-01") != std::string::npos);

    // Brinkman is a key account with a goal but neither contacts nor team: both gaps printed.
    const int brinkman = account_of(portfolio, "brinkman");
    const std::string gaps = account_plan_html(portfolio, report, brinkman, {Date{2026, 2, 1}, PlanLanguage::en});
    CHECK(gaps.find("Key account without contacts") != std::string::npos);
    CHECK(gaps.find("Key account without a team") != std::string::npos);
    CHECK(gaps.find("No contacts.") != std::string::npos);
}

TEST_CASE("plan html: the portfolio plan has the four CORE steps, the pictures and the verdict") {
    const Portfolio portfolio = read_bundled_example();
    const Report report = analyze(portfolio);
    const std::string html = portfolio_plan_html(portfolio, report, {Date{2026, 2, 1}, PlanLanguage::en});
    const std::size_t choice = html.find("<h2>1. Choice"), organisation = html.find("<h2>2. Organisation"),
                      results = html.find("<h2>3. Results"), evaluation = html.find("<h2>4. Evaluation");
    REQUIRE(choice != std::string::npos);
    CHECK(choice < organisation);
    CHECK(organisation < results);
    CHECK(results < evaluation);
    CHECK(evaluation != std::string::npos);
    // Choice and Organisation are done in the example, Results and Evaluation are not.
    CHECK(html.find("<h2>1. Choice <span class=\"done ok\">✓ done</span>") != std::string::npos);
    CHECK(html.find("<h2>3. Results <span class=\"warn\">(open)</span>") != std::string::npos);
    // The three conditions are met and the own check "ict_integratie" is not.
    CHECK(html.find("Verdict: </b>") == std::string::npos);
    CHECK(html.find("Verdict: go, with reservations") != std::string::npos);
    CHECK(html.find("<td>ict_integratie</td><td>no</td>") != std::string::npos);
    // Pyramid, Pareto curve and matrix.
    CHECK(count(html, "<svg") == 3);
    CHECK(html.find("Customer pyramid (Curry)") != std::string::npos);
    // The review round of 2026-01-15 is past on 2026-02-01.
    CHECK(html.find("next round: 2026-01-15 <span class=\"warn\">(overdue)</span>") != std::string::npos);
    // Every account with a goal is in the Results table.
    for (const Account& a : portfolio.accounts)
        if (a.goal != Goal::none) CHECK(html.find("<td>" + html_text(a.name) + "</td>") != std::string::npos);
}

TEST_CASE("plan html: no account, or a portfolio without data, still gives a page") {
    const Portfolio empty = read_json(R"({"kamcanvas": 1, "accounts": []})");
    const Report report = analyze(empty);
    const std::string account = account_plan_html(empty, report, 0, {Date{2026, 1, 1}, PlanLanguage::en});
    CHECK(account.find("No account.") != std::string::npos);
    const std::string plan = portfolio_plan_html(empty, report, {Date{2026, 1, 1}, PlanLanguage::nl});
    CHECK(plan.find("<h2>4. Evaluatie") != std::string::npos);
    CHECK(plan.find("verdict") == std::string::npos);
    CHECK(plan.find("Oordeel: nog geen antwoorden") != std::string::npos);
}
