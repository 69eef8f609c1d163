// read_portfolio against the spec: the shared good and bad files, then every error
// rule and warning of portfolio-format.md on small hand-written documents.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/format.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::at_place;
using kc::test::listing;

namespace {

// Expects exactly one error, at `place`, whose message contains `words`.
void check_single_error(std::string_view text, std::string_view place, std::string_view words) {
    ReadResult r = read_portfolio(text);
    INFO(text);
    INFO(listing(r.errors));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].place == place);
    CHECK(r.errors[0].message.find(words) != std::string::npos);
    CHECK(r.errors[0].severity == Severity::error);
    CHECK_FALSE(r.portfolio.has_value());
}

// A valid document with one account carrying `account_members` (already comma-led).
std::string with_account(std::string_view account_members, std::string_view top_members = "") {
    return std::string("{\"kamcanvas\": 1, ") + std::string(top_members) +
           "\"accounts\": [{\"id\": \"A\", \"name\": \"Account A\"" + std::string(account_members) + "}]}";
}

const std::string kFitCriterion = "\"criteria\": [{\"id\": \"fit\"}], ";

}  // namespace

TEST_CASE("read: every shared example and real file reads without errors") {
    auto files = test::files_in(test::shared_path("data/examples"), ".json");
    for (const auto& path : test::files_in(test::shared_path("data/real"), ".kamcanvas.json")) files.push_back(path);
    REQUIRE(files.size() >= 14);
    for (const auto& path : files) {
        INFO(path);
        const std::string bytes = test::slurp(path);
        REQUIRE_FALSE(bytes.empty());
        ReadResult r = read_portfolio(bytes);
        CHECK_MESSAGE(r.ok(), listing(r.errors));
        CHECK(r.portfolio.has_value() == r.ok());
    }
}

TEST_CASE("read: every shared bad file fails with an error at the expected place") {
    const auto files = test::files_in(test::shared_path("data/bad"), ".json");
    REQUIRE(files.size() >= 12);
    for (const auto& path : files) {
        std::string expect = test::slurp(path.substr(0, path.size() - 5) + ".expect");
        while (!expect.empty() && (expect.back() == '\n' || expect.back() == '\r')) expect.pop_back();
        INFO(path << " expects " << expect);
        REQUIRE_FALSE(expect.empty());
        ReadResult r = read_portfolio(test::slurp(path));
        INFO(listing(r.errors));
        REQUIRE_FALSE(r.ok());
        // "a|b": one of them; "a&b": all of them; each must be contained in some place.
        auto found = [&](std::string_view part) {
            for (const auto& e : r.errors)
                if (e.place.find(part) != std::string::npos) return true;
            return false;
        };
        const bool any = expect.find('|') != std::string::npos;
        const char separator = any ? '|' : '&';
        bool all_found = true, one_found = false;
        for (std::size_t start = 0; start <= expect.size();) {
            std::size_t end = expect.find(separator, start);
            if (end == std::string::npos) end = expect.size();
            const bool here = found(std::string_view(expect).substr(start, end - start));
            all_found = all_found && here;
            one_found = one_found || here;
            start = end + 1;
        }
        CHECK((any ? one_found : all_found));
    }
}

TEST_CASE("read: the model is filled as the spec says") {
    const std::string text = R"({
  "kamcanvas": 1,
  "portfolio": {"name": "P", "supplier": "S", "currency": "USD", "year": 2024,
                "pyramid": {"top": 2}, "matrix": {"y_threshold": 70}},
  "accounts": [
    {"id": "A", "name": "Alpha", "status": "prospect", "segment": "Retail", "products": [],
     "revenue": {"2025": 10, "2023": 5.5}, "wallet": {"2025": 100}, "scores": {"fit": 4},
     "key": true, "goal": "growth",
     "targets": {"2026": {"revenue": 20, "x": 1}, "2025": {"share_of_wallet": 0.5}},
     "team": [{"name": "Sanne", "role": "account manager"}],
     "contacts": [{"name": "C", "role": "decider", "attitude": "supporter", "covered_by": ["Sanne"]}],
     "evaluations": [{"date": "2024-02-29", "status": "at_risk", "extra": [1]}],
     "notes": ""}
  ],
  "criteria": [{"id": "size", "axis": null}, {"id": "fit", "weight": 2, "min": 0, "max": 10, "axis": "position"}],
  "organisation": {"level": "line", "form": "central"},
  "core": {"choice": {"done": true, "checks": {"b": false, "a": true}}, "evaluation": {"interval_months": 6, "next": "2026-01-31"}}
})";
    ReadResult r = read_portfolio(text);
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    const Portfolio& p = *r.portfolio;
    CHECK(p.has_info);
    CHECK(p.info.currency == "USD");
    CHECK(p.info.year == 2024);
    CHECK(p.info.pyramid.top == 2);
    CHECK(p.info.pyramid.large == 4);   // default kept
    CHECK(p.info.pyramid.present.has(Pyramid::kTop));
    CHECK_FALSE(p.info.pyramid.present.has(Pyramid::kLarge));
    CHECK(p.info.matrix.x_threshold == 50);
    CHECK(p.info.matrix.y_threshold == 70);
    REQUIRE(p.criteria.size() == 2);
    CHECK(p.criteria[0].axis_is_null);
    CHECK(p.criteria[0].max == 5);
    CHECK(p.criteria[1].axis == Axis::position);
    REQUIRE(p.accounts.size() == 1);
    const Account& a = p.accounts[0];
    CHECK(a.status == Status::prospect);
    CHECK(a.segment == "Retail");
    CHECK_FALSE(a.region.has_value());
    CHECK(a.present.has(Account::kProducts));
    CHECK(a.products.empty());
    REQUIRE(a.revenue.items.size() == 2);
    CHECK(a.revenue.items[0].first == 2023);   // sorted by year
    CHECK(a.revenue.get(2023) == 5.5);
    // Scores come before the criteria in this file: resolved at the end, aligned.
    REQUIRE(a.scores.size() == 2);
    CHECK_FALSE(has_score(a.scores[0]));
    CHECK(a.scores[1] == 4);
    CHECK(a.key);
    CHECK(a.goal == Goal::growth);
    REQUIRE(a.targets.size() == 2);
    CHECK(a.targets[0].first == 2025);
    CHECK(a.targets[0].second.share_of_wallet == 0.5);
    CHECK_FALSE(a.targets[0].second.revenue.has_value());
    CHECK(a.targets[1].second.extra["x"] == 1);
    CHECK(a.contacts[0].role == BuyingRole::decider);
    CHECK(a.contacts[0].covered_by == std::vector<std::string>{"Sanne"});
    CHECK(a.team[0].role == "account manager");
    CHECK(a.evaluations[0].status == EvalStatus::at_risk);
    CHECK(a.evaluations[0].extra["extra"][0] == 1);
    CHECK(a.present.has(Account::kNotes));
    REQUIRE(p.organisation.has_value());
    CHECK(p.organisation->form == OrgForm::central);
    CHECK(p.organisation->basis == OrgBasis::none);
    REQUIRE(p.core.has_value());
    REQUIRE(p.core->choice.has_value());
    CHECK(p.core->choice->has_checks);
    REQUIRE(p.core->choice->checks.size() == 2);
    CHECK(p.core->choice->checks[0].first == "b");   // file order
    CHECK(p.core->evaluation->interval_months == 6);
    CHECK_FALSE(p.core->results.has_value());
    // Warnings: revenue with status prospect; no other.
    INFO(listing(r.warnings));
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].place == "/accounts/0/status");
}

TEST_CASE("read: unknown members are kept in file order at every level") {
    ReadResult r = read_portfolio(test::slurp(test::shared_path("data/examples/unicode.json")));
    REQUIRE(r.ok());
    const Portfolio& p = *r.portfolio;
    CHECK(p.extra["x_top"]["keep"][2]["me"] == true);
    CHECK(p.info.extra["x_port"] == "kept");
    CHECK(p.info.name == "Café Ålesund — 中文 ✓");
    CHECK(p.accounts[0].extra["x_acc"]["a"].is_null());
    CHECK(p.accounts[0].notes == "Geëvalueerd 🍀");

    ReadResult ordered = read_portfolio(R"({"z": 1, "kamcanvas": 1, "a": 2, "accounts": [], "m": {"y": 1, "b": 2}})");
    REQUIRE(ordered.ok());
    const Json& extra = ordered.portfolio->extra;
    REQUIRE(extra.size() == 3);
    auto it = extra.begin();
    CHECK(it.key() == "z");
    CHECK((++it).key() == "a");
    CHECK((++it).key() == "m");
    CHECK(it->begin().key() == "y");
}

TEST_CASE("read: keys a kind of object does not have are kept, even the empty key") {
    ReadResult r = read_portfolio(R"({"kamcanvas": 1, "accounts": [], "": 0,
        "core": {"evaluation": {"": 1, "checks": {"a": 2}}, "results": {"next": "x", "interval_months": "y"}}})");
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    const CorePlan& core = *r.portfolio->core;
    CHECK(core.evaluation->extra[""] == 1);
    CHECK(core.evaluation->extra["checks"]["a"] == 2);   // checks belong to choice only
    CHECK(core.results->extra["next"] == "x");
    CHECK(r.portfolio->extra[""] == 0);
}

TEST_CASE("read: the format version") {
    check_single_error(R"({"kamcanvas": 2, "accounts": []})", "/kamcanvas",
                       "format 2 is newer than this program understands (1)");
    // A newer file is never half-read: its other problems are not reported.
    check_single_error(R"({"accounts": [{"id": 5}], "portfolio": 3, "kamcanvas": 7, "x": 1e400})", "/kamcanvas",
                       "format 7 is newer");
    check_single_error(R"({"accounts": []})", "/kamcanvas", "missing required key \"kamcanvas\"");
    check_single_error(R"({"kamcanvas": "1", "accounts": []})", "/kamcanvas", "got \"1\"");
    check_single_error(R"({"kamcanvas": 0, "accounts": []})", "/kamcanvas", "integer ≥ 1");
    check_single_error(R"({"kamcanvas": 1.5, "accounts": []})", "/kamcanvas", "got 1.5");
    CHECK(read_portfolio(R"({"kamcanvas": 1.0, "accounts": []})").ok());
}

TEST_CASE("read: required keys, places name the object") {
    check_single_error(R"({"kamcanvas": 1})", "/", "missing required key \"accounts\"");
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"name": "x"}]})", "/accounts/0", "\"id\"");
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"id": "x"}]})", "/accounts/0", "\"name\"");
    check_single_error(R"({"kamcanvas": 1, "criteria": [{"name": "x"}], "accounts": []})", "/criteria/0", "\"id\"");
    check_single_error(with_account(R"(, "contacts": [{"role": "user"}])"), "/accounts/0/contacts/0", "\"name\"");
    check_single_error(with_account(R"(, "team": [{}])"), "/accounts/0/team/0", "\"name\"");
    check_single_error(with_account(R"(, "evaluations": [{"note": "n"}])"), "/accounts/0/evaluations/0", "\"date\"");
}

TEST_CASE("read: wrong types name the value found") {
    check_single_error(with_account(R"(, "revenue": {"2025": -5})"), "/accounts/0/revenue/2025",
                       "must be a number ≥ 0, got -5");
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"id": "A", "name": 42}]})", "/accounts/0/name",
                       "must be a string, got 42");
    check_single_error(with_account(R"(, "revenue": {"2025": "12"})"), "/accounts/0/revenue/2025", "got \"12\"");
    check_single_error(with_account(R"(, "products": "Kaas")"), "/accounts/0/products", "must be an array, got \"Kaas\"");
    check_single_error(with_account(R"(, "products": ["Kaas", 3])"), "/accounts/0/products/1", "must be a string, got 3");
    check_single_error(with_account(R"(, "revenue": [1, 2])"), "/accounts/0/revenue", "must be an object, got an array");
    check_single_error(with_account(R"(, "key": "yes")"), "/accounts/0/key", "true or false");
    check_single_error(with_account(R"(, "segment": null)"), "/accounts/0/segment", "got null");
    check_single_error(R"({"kamcanvas": 1, "accounts": {}})", "/accounts", "must be an array, got an object");
    check_single_error(R"({"kamcanvas": 1, "accounts": [7]})", "/accounts/0", "must be an object, got 7");
    check_single_error(R"({"kamcanvas": 1, "portfolio": [], "accounts": []})", "/portfolio", "must be an object");
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"year": 2025.5}, "accounts": []})", "/portfolio/year",
                       "got 2025.5");
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"currency": "euro"}, "accounts": []})", "/portfolio/currency",
                       "got \"euro\"");
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"id": "A", "name": "x", "id": "B"}]})", "/accounts/0/id",
                       "appears twice");
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"id": "", "name": "x"}]})", "/accounts/0/id", "must not be empty");
    // A wrong container is reported once, not once per member inside it.
    check_single_error(with_account(R"(, "contacts": {"a": {"name": 1}, "b": [1, 2]})"), "/accounts/0/contacts",
                       "must be an array, got an object");
}

TEST_CASE("read: enumerations list what is allowed") {
    check_single_error(with_account(R"(, "status": "Active")"), "/accounts/0/status",
                       "must be one of \"active\", \"inactive\", \"prospect\" or \"suspect\", got \"Active\"");
    check_single_error(with_account(R"(, "goal": "keep")"), "/accounts/0/goal", "\"retention\" or \"growth\"");
    check_single_error(with_account(R"(, "contacts": [{"name": "c", "role": "boss"}])"), "/accounts/0/contacts/0/role",
                       "\"gatekeeper\"");
    check_single_error(with_account(R"(, "contacts": [{"name": "c", "attitude": 1}])"),
                       "/accounts/0/contacts/0/attitude", "\"opponent\"");
    check_single_error(with_account(R"(, "evaluations": [{"date": "2025-01-01", "status": "late"}])"),
                       "/accounts/0/evaluations/0/status", "\"on_track\"");
    check_single_error(R"({"kamcanvas": 1, "organisation": {"level": "top"}, "accounts": []})", "/organisation/level",
                       "\"staff\" or \"line\"");
    check_single_error(R"({"kamcanvas": 1, "organisation": {"form": "x"}, "accounts": []})", "/organisation/form",
                       "\"dedicated\"");
    check_single_error(R"({"kamcanvas": 1, "organisation": {"basis": "x"}, "accounts": []})", "/organisation/basis",
                       "\"geography\"");
    check_single_error(R"({"kamcanvas": 1, "criteria": [{"id": "a", "axis": "x"}], "accounts": []})",
                       "/criteria/0/axis", "or null");
}

TEST_CASE("read: ids, years, dates") {
    check_single_error(R"({"kamcanvas": 1, "accounts": [{"id": "A", "name": "a"}, {"id": "B", "name": "b"}, {"id": "A", "name": "c"}]})",
                       "/accounts/2/id", "already used by /accounts/0");
    check_single_error(R"({"kamcanvas": 1, "criteria": [{"id": "fit"}, {"id": "fit"}], "accounts": []})",
                       "/criteria/1/id", "already used by /criteria/0");
    check_single_error(R"({"kamcanvas": 1, "criteria": [{"id": "Fit"}], "accounts": []})", "/criteria/0/id", "a-z");
    check_single_error(R"({"kamcanvas": 1, "criteria": [{"id": ""}], "accounts": []})", "/criteria/0/id", "1 to 64");
    CHECK(read_portfolio(R"({"kamcanvas": 1, "criteria": [{"id": "a_b-9"}], "accounts": []})").ok());
    check_single_error(
        std::string(R"({"kamcanvas": 1, "criteria": [{"id": ")") + std::string(65, 'a') + R"("}], "accounts": []})",
        "/criteria/0/id", "1 to 64");
    check_single_error(with_account(R"(, "revenue": {"2025": 1, "25": 5})"), "/accounts/0/revenue/25", "four digits");
    check_single_error(with_account(R"(, "wallet": {"20251": 1})"), "/accounts/0/wallet/20251", "four digits");
    check_single_error(with_account(R"(, "targets": {"year": {}})"), "/accounts/0/targets/year", "four digits");
    check_single_error(with_account(R"(, "revenue": {"2025": 1, "2025": 2})"), "/accounts/0/revenue/2025",
                       "appears twice");
    check_single_error(with_account(R"(, "evaluations": [{"date": "2025-02-29"}])"), "/accounts/0/evaluations/0/date",
                       "YYYY-MM-DD");
    check_single_error(with_account(R"(, "evaluations": [{"date": "2025-1-01"}])"), "/accounts/0/evaluations/0/date",
                       "got \"2025-1-01\"");
    CHECK(read_portfolio(with_account(R"(, "evaluations": [{"date": "2000-02-29"}])")).ok());
    check_single_error(R"({"kamcanvas": 1, "accounts": [], "core": {"evaluation": {"next": "2025-13-01"}}})",
                       "/core/evaluation/next", "YYYY-MM-DD");
}

TEST_CASE("read: scores, criteria ranges, in either member order") {
    for (bool criteria_first : {true, false}) {
        auto doc = [&](std::string_view scores, std::string_view criteria = R"({"id": "fit"})") {
            std::string c = "\"criteria\": [" + std::string(criteria) + "]";
            std::string a = R"("accounts": [{"id": "A", "name": "a", "scores": )" + std::string(scores) + "}]";
            return "{\"kamcanvas\": 1, " + (criteria_first ? c + ", " + a : a + ", " + c) + "}";
        };
        INFO("criteria first: " << criteria_first);
        check_single_error(doc(R"({"fit": 6})"), "/accounts/0/scores/fit", "must be from 1 to 5");
        check_single_error(doc(R"({"fit": 0.5})"), "/accounts/0/scores/fit", "got 0.5");
        check_single_error(doc(R"({"nope": 3})"), "/accounts/0/scores/nope", "no criterion with id \"nope\"");
        check_single_error(doc(R"({"a/b~c": 3})"), "/accounts/0/scores/a~1b~0c", "no criterion");
        check_single_error(doc(R"({"fit": "3"})"), "/accounts/0/scores/fit", "must be a number");
        check_single_error(doc(R"({"fit": 3})", R"({"id": "fit", "min": 5, "max": 5})"), "/criteria/0/max",
                           "max must be above min");
        check_single_error(doc(R"({"fit": 3})", R"({"id": "fit", "min": 7})"), "/criteria/0/min",
                           "max must be above min");
        ReadResult ok = read_portfolio(doc(R"({"fit": -2.5})", R"({"id": "fit", "min": -10, "max": 0})"));
        REQUIRE(ok.ok());
        CHECK(ok.portfolio->accounts[0].scores == std::vector<double>{-2.5});
    }
}

TEST_CASE("read: places stay right after array elements that are not objects") {
    ReadResult r = read_portfolio(R"({"kamcanvas": 1, "criteria": [5, {"id": "fit", "min": 3, "max": 1}, {"id": "ok"}],
        "accounts": [[], {"id": "A", "name": "a", "scores": {"ok": 9}}, {"id": "A", "name": "b"}]})");
    INFO(listing(r.errors));
    CHECK(at_place(r.errors, "/criteria/0"));
    CHECK(at_place(r.errors, "/criteria/1/max"));
    CHECK(at_place(r.errors, "/accounts/0"));
    CHECK(at_place(r.errors, "/accounts/1/scores/ok"));
    const Problem* duplicate = at_place(r.errors, "/accounts/2/id");
    REQUIRE(duplicate);
    CHECK(duplicate->message.find("/accounts/1") != std::string::npos);
    CHECK(r.errors.size() == 5);

    ReadResult late = read_portfolio(R"({"kamcanvas": 1, "accounts": [7, {"id": "A", "name": "a", "scores": {"x": 1}}],
        "criteria": [null, {"id": "x", "max": 0.5, "min": 0}]})");
    INFO(listing(late.errors));
    CHECK(at_place(late.errors, "/accounts/1/scores/x"));
    CHECK(late.errors.size() == 3);
}

TEST_CASE("read: pyramid and matrix ranges") {
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"pyramid": {"top": 50, "large": 40, "medium": 20}}, "accounts": []})",
                       "/portfolio/pyramid", "= 110");
    // Defaults count in the sum: 90 + 4 + 15.
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"pyramid": {"top": 90}}, "accounts": []})",
                       "/portfolio/pyramid", "at most 100");
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"pyramid": {"large": -1}}, "accounts": []})",
                       "/portfolio/pyramid/large", "≥ 0, got -1");
    CHECK(read_portfolio(R"({"kamcanvas": 1, "portfolio": {"pyramid": {"top": 80, "large": 5, "medium": 15}}, "accounts": []})").ok());
    check_single_error(R"({"kamcanvas": 1, "portfolio": {"matrix": {"x_threshold": 101}}, "accounts": []})",
                       "/portfolio/matrix/x_threshold", "from 0 to 100");
    check_single_error(with_account(R"(, "targets": {"2025": {"share_of_wallet": 1.5}})"),
                       "/accounts/0/targets/2025/share_of_wallet", "from 0 to 1");
    check_single_error(with_account(R"(, "targets": {"2025": {"revenue": -1}})"), "/accounts/0/targets/2025/revenue",
                       "≥ 0");
    check_single_error(R"({"kamcanvas": 1, "accounts": [], "core": {"evaluation": {"interval_months": 0}}})",
                       "/core/evaluation/interval_months", "integer ≥ 1");
    check_single_error(R"({"kamcanvas": 1, "accounts": [], "core": {"evaluation": {"interval_months": 1.5}}})",
                       "/core/evaluation/interval_months", "got 1.5");
    check_single_error(R"({"kamcanvas": 1, "accounts": [], "core": {"choice": {"checks": {"a": 1}}}})",
                       "/core/choice/checks/a", "true or false");
}

TEST_CASE("read: numbers above 1e15 or not finite are refused where the spec types a number") {
    check_single_error(with_account(R"(, "revenue": {"2025": 1e16})"), "/accounts/0/revenue/2025", "got 1e16");
    check_single_error(with_account(R"(, "revenue": {"2025": 1e400})"), "/accounts/0/revenue/2025", "got 1e400");
    check_single_error(with_account(R"(, "wallet": {"2025": -1e400})"), "/accounts/0/wallet/2025", "too large");
    CHECK(read_portfolio(with_account(R"(, "revenue": {"2025": 1e15})")).ok());
    // Integers beyond int64 arrive as doubles; in unknown members they are simply kept.
    ReadResult big = read_portfolio(with_account(R"(, "x": 123456789012345678901234567890)"));
    REQUIRE(big.ok());
    CHECK(big.portfolio->accounts[0].extra["x"].is_number_float());
}

TEST_CASE("read: all errors are listed, up to the cap") {
    ReadResult r = read_portfolio(R"({"kamcanvas": 1, "portfolio": {"name": 1, "currency": 2},
        "accounts": [{"id": 1}, {"name": "x", "revenue": {"1": -1}}]})");
    INFO(listing(r.errors));
    CHECK(at_place(r.errors, "/portfolio/name"));
    CHECK(at_place(r.errors, "/portfolio/currency"));
    CHECK(at_place(r.errors, "/accounts/0/id"));
    CHECK(at_place(r.errors, "/accounts/0"));   // missing name
    CHECK(at_place(r.errors, "/accounts/1"));   // missing id
    CHECK(at_place(r.errors, "/accounts/1/revenue/1"));
    CHECK(r.errors.size() == 6);

    std::string many = R"({"kamcanvas": 1, "accounts": [)";
    for (int i = 0; i < 500; ++i) many += std::string(i ? "," : "") + R"({"id": "a", "name": 1})";
    many += "]}";
    ReadResult capped = read_portfolio(many);
    REQUIRE(capped.errors.size() == kMaxErrors + 1);
    CHECK(capped.errors[0].place == "/accounts/0/name");
    CHECK(capped.errors.back().code == "too_many_errors");
    CHECK(capped.errors.back().message.find("only the first 100") != std::string::npos);

    // Once the list is full the model is no longer built, yet a newer version found
    // later still wins; millions of broken accounts cost neither memory nor errors.
    std::string late_version = R"({"accounts": [)";
    for (int i = 0; i < 300; ++i) late_version += std::string(i ? "," : "") + "{}";
    late_version += R"(], "kamcanvas": 3})";
    check_single_error(late_version, "/kamcanvas", "format 3 is newer");
    std::string broken = R"({"kamcanvas": 1, "accounts": [)";
    for (int i = 0; i < 2000000; ++i) broken += i ? ",{}" : "{}";
    broken += "]}";
    ReadResult many_broken = read_portfolio(broken);
    CHECK(many_broken.errors.size() == kMaxErrors + 1);
    CHECK(many_broken.errors[0].place == "/accounts/0");
}

TEST_CASE("read: syntax errors have LINE:COLUMN places, columns in characters") {
    check_single_error(test::slurp(test::shared_path("data/bad/truncated.json")), "3:26",
                       "unexpected end of input; expected ',' or '}'");
    check_single_error("{\n  \"kamcanvas\": 1,\n  \"accounts\": [],\n}", "4:1", "expected a key in double quotes");
    // "é" and "中" are one column each.
    check_single_error("{\"naïve 中\": tru}", "1:16", "invalid value");
    check_single_error("", "1:1", "empty file");
    check_single_error(" \n\t\r\n", "1:1", "empty file");
    check_single_error("\xEF\xBB\xBF", "1:1", "empty file");
    check_single_error("{\"kamcanvas\": 1, \"accounts\": []} x", "1:34", "after the JSON value");
    const char with_nul[] = "{\"kamcanvas\": 1,\0 \"accounts\": []}";
    check_single_error(std::string(with_nul, sizeof with_nul - 1), "1:17", "NUL");
    check_single_error("{\"kamcanvas\": 1, \"accounts\": [{\"id\": \"A\", \"name\": \"x\xE9y\"}]}", "1:53", "not valid UTF-8");
    CHECK(read_portfolio("\xEF\xBB\xBF{\"kamcanvas\": 1, \"accounts\": []}").ok());
}

TEST_CASE("read: warnings are reported and do not stop the file opening") {
    ReadResult r = read_portfolio(std::string(R"({"kamcanvas": 1, )") + kFitCriterion + R"("accounts": [
        {"id": "A", "name": "a", "revenue": {"2025": 80, "2024": 5}, "wallet": {"2025": 40, "2024": 10}, "scores": {"fit": 3}},
        {"id": "B", "name": "b", "status": "suspect", "revenue": {"2025": 1}, "scores": {"fit": 3}},
        {"id": "C", "name": "c", "status": "prospect", "revenue": {"2025": 0}},
        {"id": "D", "name": "d", "scores": {"fit": 1}, "team": [{"name": "Sanne"}],
         "contacts": [{"name": "x", "covered_by": ["Sanne", "Joost"]}]}
    ]})");
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    INFO(listing(r.warnings));
    CHECK(r.warnings.size() == 4);
    const Problem* above = at_place(r.warnings, "/accounts/0/revenue/2025");
    REQUIRE(above);
    CHECK(above->severity == Severity::warning);
    CHECK(above->code == "revenue_above_wallet");
    CHECK(above->message.find("80") != std::string::npos);
    CHECK_FALSE(at_place(r.warnings, "/accounts/0/revenue/2024"));
    CHECK(at_place(r.warnings, "/accounts/1/status"));
    CHECK_FALSE(at_place(r.warnings, "/accounts/2/status"));   // revenue 0 is no revenue
    const Problem* unscored = at_place(r.warnings, "/accounts/2");
    REQUIRE(unscored);
    CHECK(unscored->code == "no_scores");
    const Problem* outside = at_place(r.warnings, "/accounts/3/contacts/0/covered_by/1");
    REQUIRE(outside);
    CHECK(outside->message.find("\"Joost\"") != std::string::npos);

    // check_warnings works on a model changed after reading, too.
    Portfolio p = *r.portfolio;
    p.accounts[0].wallet.set(2025, 1000);
    CHECK(check_warnings(p).size() == 3);
}
