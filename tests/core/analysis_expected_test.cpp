// The analysis against the shared reference reports: every portfolio in
// ../shared/data/examples gives exactly expected/NAME.report.json, and the real
// portfolios in data/real give their .report.json — keys and their order, orders of
// every list, nulls, and numbers within a relative 1e-9 (in fact to the last bit).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"
#include "json_compare.hpp"

using namespace kc;

namespace {

const std::string kData = std::string(KC_SHARED_DIR) + "/data/";

std::string read_text(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

struct Case {
    std::string portfolio;   // relative to kData
    std::string expected;
};

std::vector<Case> all_cases() {
    std::vector<Case> cases;
    for (const char* name : {"empty", "fractional-pyramid", "matrix", "no-year", "one-customer", "retention",
                             "synthetic-40", "synthetic-400", "ties", "unicode", "wallet", "weights-zero"})
        cases.push_back({std::string("examples/") + name + ".json", std::string("expected/") + name + ".report.json"});
    for (const char* name : {"northwind", "superstore"})
        cases.push_back({std::string("real/") + name + ".kamcanvas.json", std::string("real/") + name + ".report.json"});
    return cases;
}

struct Analysed {
    std::optional<Portfolio> portfolio;
    Report report;
};

Analysed analyse_file(const std::string& path) {
    Analysed result;
    ReadResult read = read_portfolio(read_text(kData + path));
    REQUIRE_MESSAGE(read.ok(), path << ": " << (read.errors.empty() ? "" : read.errors[0].message));
    result.portfolio = std::move(read.portfolio);
    result.report = analyze(*result.portfolio);
    return result;
}

Json expected_report(const std::string& path) {
    Json expected = Json::parse(read_text(kData + path), nullptr, false);
    REQUIRE_MESSAGE(expected.is_object(), path << " is not a JSON object");
    return expected;
}

}  // namespace

TEST_CASE("every example and real portfolio gives its expected report") {
    for (const Case& c : all_cases()) {
        CAPTURE(c.portfolio);
        const Analysed a = analyse_file(c.portfolio);
        const Json expected = expected_report(c.expected);
        const Json actual = report_to_json(a.report, *a.portfolio, {.include_extensions = false});
        CHECK(test::json_difference(expected, actual) == "");
        // The sums run in the reference's order, so the figures agree to the last bit.
        CHECK(test::json_difference(expected, actual, 0.0) == "");
    }
}

TEST_CASE("with the extensions the spec's keys come first and unchanged") {
    for (const Case& c : all_cases()) {
        CAPTURE(c.portfolio);
        const Analysed a = analyse_file(c.portfolio);
        Json full = report_to_json(a.report, *a.portfolio);
        REQUIRE(full.size() == 11);
        auto last = full.end();
        CHECK((--last).key() == "weighting");
        CHECK((--last).key() == "breakdowns");
        CHECK((--last).key() == "migration");
        for (const char* extension : {"migration", "breakdowns", "weighting"}) full.erase(extension);
        CHECK(test::json_difference(expected_report(c.expected), full) == "");
    }
}

TEST_CASE("counts are JSON integers, as in the expected reports") {
    const Analysed a = analyse_file("examples/retention.json");
    const Json j = report_to_json(a.report, *a.portfolio);
    CHECK(j["year"].is_number_integer());
    CHECK(j["accounts"].is_number_integer());
    for (const auto& layer : j["pyramid"]["layers"]) CHECK(layer["count"].is_number_integer());
    for (const char* key : {"customers", "accounts_for_80", "top20_count"}) CHECK(j["pareto"][key].is_number_integer());
    for (const char* key : {"previous_year", "customers_previous", "retained", "lost", "new", "reactivated"})
        CHECK(j["retention"][key].is_number_integer());
    CHECK(j["pareto"]["total_revenue"].is_number_float());
    CHECK(j["retention"]["retention_rate"].is_number_float());
}

TEST_CASE("a requested year overrides the file's: retention example seen from 2024") {
    const Analysed a = analyse_file("examples/retention.json");
    const Report r = analyze(*a.portfolio, 2024);
    CHECK(r.year == 2024);
    CHECK(r.retention.previous_year == 2023);
    CHECK(r.retention.customers_previous == 1);   // back (70 in 2023)
    CHECK(r.retention.lost == 1);
    CHECK(r.retention.new_customers == 2);        // kept and lost both start in 2024
    CHECK(r.pareto.customers == 2);
    CHECK(years_in(*a.portfolio) == std::vector<int>{2022, 2023, 2024, 2025});
}

TEST_CASE("the real portfolios: figures the data's README states") {
    // Superstore 2019: 693 active customers, 80 % of revenue needs 260 of them, and the
    // top 20 % (139) hold 60.2 %; 2018→2019: 638 active in 2018, 558 of them still in 2019.
    const Analysed s = analyse_file("real/superstore.kamcanvas.json");
    CHECK(s.report.year == 2019);
    CHECK(s.report.pareto.customers == 693);
    CHECK(s.report.pareto.accounts_for_80 == 260);
    CHECK(s.report.pareto.top20_count == 139);
    CHECK(s.report.pareto.top20_revenue_share == doctest::Approx(0.602).epsilon(0.001));
    CHECK(s.report.pareto.total_revenue == doctest::Approx(733215.26));
    CHECK(s.report.retention.customers_previous == 638);
    CHECK(s.report.retention.retained == 558);
    // Segment revenue in 2019, from the README's table.
    for (const GroupFigures& g : s.report.breakdowns.segment.groups) {
        CAPTURE(*g.key);
        if (g.key == "Consumer") CHECK(g.revenue == doctest::Approx(331904.70));
        else if (g.key == "Corporate") CHECK(g.revenue == doctest::Approx(241847.82));
        else if (g.key == "Home Office") CHECK(g.revenue == doctest::Approx(159462.73));
        else FAIL("unexpected segment");
    }
    // Northwind 1998: 81 active customers, 27 needed for 80 %; 1997→1998: 86 → 79 kept.
    const Analysed n = analyse_file("real/northwind.kamcanvas.json");
    CHECK(n.report.year == 1998);
    CHECK(n.report.pareto.customers == 81);
    CHECK(n.report.pareto.accounts_for_80 == 27);
    CHECK(n.report.retention.customers_previous == 86);
    CHECK(n.report.retention.retained == 79);
    CHECK(n.report.retention.new_customers + n.report.retention.reactivated == 2);
}
