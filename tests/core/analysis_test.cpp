// Unit tests of the analysis engine on small in-memory portfolios: each rule of
// ../shared/spec/analysis.md with the figures worked out by hand, plus the edge cases
// (exact ceilings, ties, no year, gaps in years, zero weights) and the extensions.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "analysis_fixtures.hpp"
#include "core/analysis.hpp"
#include "core/report_json.hpp"

using namespace kc;
using kc::test::account;
using kc::test::criterion;
using kc::test::portfolio_of;

namespace {

std::vector<std::string> ids(const Portfolio& p, const std::vector<int>& accounts) {
    std::vector<std::string> out;
    for (int a : accounts) out.push_back(p.accounts[a].id);
    return out;
}

int layer_count(const Report& r, Layer layer) { return r.pyramid.layers[static_cast<int>(layer)].count; }

Portfolio customers_with_revenues(int n) {
    std::vector<Account> accounts;
    for (int i = 1; i <= n; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "C%03d", i);
        accounts.push_back(account(id, {{2025, 1000.0 - i}}));
    }
    return portfolio_of(std::move(accounts));
}

}  // namespace

TEST_CASE("ceil rule: integral percentages are exact in integers") {
    CHECK(ceil_percent_of(40, 1) == 1);
    CHECK(ceil_percent_of(40, 5) == 2);
    CHECK(ceil_percent_of(40, 20) == 8);
    CHECK(ceil_percent_of(7, 15) == 2);      // 1.05 rounds up
    CHECK(ceil_percent_of(100, 15) == 15);   // exactly 15, not 16
    CHECK(ceil_percent_of(1000000, 1) == 10000);
    CHECK(ceil_percent_of(0, 20) == 0);
    CHECK(ceil_percent_of(5, 0) == 0);
    CHECK(ceil_percent_of(5, 100) == 5);
}

TEST_CASE("ceil rule: fractional percentages take 1e-9 off before rounding up") {
    // 3000 · 1.1 / 100 is 33.00000000000001 in doubles; a plain ceil would give 34.
    CHECK(ceil_percent_of(3000, 1.1) == 33);
    CHECK(ceil_percent_of(750, 4.4) == 33);
    CHECK(ceil_percent_of(3000, 2.7) == 81);
    CHECK(ceil_percent_of(40, 2.5) == 1);
    CHECK(ceil_percent_of(41, 2.5) == 2);    // 1.025
    CHECK(ceil_percent_of(10, 0.5) == 1);    // 0.05
}

TEST_CASE("pyramid: n = 40 with the default percentages gives 1, 1, 6, 32") {
    const Portfolio p = customers_with_revenues(40);
    const Report r = analyze(p);
    CHECK(r.year == 2025);
    CHECK(layer_count(r, Layer::top) == 1);
    CHECK(layer_count(r, Layer::large) == 1);
    CHECK(layer_count(r, Layer::medium) == 6);
    CHECK(layer_count(r, Layer::small) == 32);
    CHECK(r.pyramid.last_rank == std::array<int, 3>{1, 2, 8});
    CHECK(r.pyramid.layer_of[0] == Layer::top);
    CHECK(r.pyramid.layer_of[1] == Layer::large);
    CHECK(r.pyramid.layer_of[7] == Layer::medium);
    CHECK(r.pyramid.layer_of[8] == Layer::small);
}

TEST_CASE("pyramid: fractional percentages 2.5, 7.5, 10 over 40 customers give 1, 3, 4, 32") {
    Portfolio p = customers_with_revenues(40);
    p.info.pyramid.top = 2.5;
    p.info.pyramid.large = 7.5;
    p.info.pyramid.medium = 10;
    const Report r = analyze(p);
    CHECK(layer_count(r, Layer::top) == 1);
    CHECK(layer_count(r, Layer::large) == 3);
    CHECK(layer_count(r, Layer::medium) == 4);
    CHECK(layer_count(r, Layer::small) == 32);
}

TEST_CASE("pyramid: equal revenue is ranked by id in byte order") {
    // The ties example: five accounts at 100, one at 500.
    const Portfolio p = portfolio_of({account("D", {{2025, 100}}), account("C", {{2025, 100}}),
                                      account("B", {{2025, 100}}), account("A", {{2025, 100}}),
                                      account("E", {{2025, 100}}), account("F", {{2025, 500}})});
    const Report r = analyze(p);
    CHECK(ids(p, r.pyramid.by_revenue) == std::vector<std::string>{"F", "A", "B", "C", "D", "E"});
    CHECK(r.pyramid.layer_of[5] == Layer::top);      // F
    CHECK(r.pyramid.layer_of[3] == Layer::medium);   // A: rank 2, ceil(6·20/100) = 2
    CHECK(r.pyramid.layer_of[2] == Layer::small);    // B
    CHECK(layer_count(r, Layer::large) == 0);
    CHECK(r.pyramid.layers[0].revenue_share == doctest::Approx(0.5));
    CHECK(r.pareto.accounts_for_80 == 4);
    CHECK(r.pareto.gini == doctest::Approx(1.0 / 3));
    CHECK(r.pareto.abc_of[4] == AbcClass::b);        // E: rank 6, C(6) reaches 95 %
}

TEST_CASE("pyramid: byte order puts upper case and ASCII before accented and CJK ids") {
    const Portfolio p = portfolio_of({account("\xC3\xA9", {{2025, 3}}), account("e", {{2025, 3}}),
                                      account("Z", {{2025, 3}})});
    const Report r = analyze(p);
    CHECK(ids(p, r.pyramid.by_revenue) == std::vector<std::string>{"Z", "e", "\xC3\xA9"});
}

TEST_CASE("pyramid: non-customers go to inactive, suspect or prospect") {
    const Portfolio p = portfolio_of({
        account("sold-2022", {{2022, 10}}, Status::active),
        account("flagged", {}, Status::inactive),
        account("suspect", {}, Status::suspect),
        account("prospect", {}, Status::prospect),
        account("no-status"),
        account("zero-only", {{2024, 0}}),
        account("customer", {{2025, 5}}, Status::prospect),   // revenue first: a customer
        account("later", {{2026, 9}}, Status::suspect),       // revenue after Y does not count
    });
    const Report r = analyze(p, 2025);
    const std::vector<Layer> expected = {Layer::inactive, Layer::inactive, Layer::suspect, Layer::prospect,
                                         Layer::prospect, Layer::prospect, Layer::top, Layer::suspect};
    CHECK(r.pyramid.layer_of == expected);
    CHECK(layer_count(r, Layer::inactive) == 2);
    double shares = 0;
    for (const auto& layer : r.pyramid.layers) shares += layer.account_share;
    CHECK(shares == doctest::Approx(1.0));
    CHECK(r.pyramid.layers[static_cast<int>(Layer::inactive)].revenue == 0);
}

TEST_CASE("year: --year, then portfolio.year, then the latest year with revenue above 0") {
    Portfolio p = portfolio_of({account("A", {{2021, 5}, {2023, 7}, {2024, 0}}), account("B")});
    p.accounts[1].wallet.set(2030, 100);
    CHECK(analysis_year(p, std::nullopt) == 2023);   // 2024 has only a zero, 2030 only a wallet
    CHECK(analysis_year(p, 2019) == 2019);
    p.info.year = 2022;
    CHECK(analysis_year(p, std::nullopt) == 2022);
    CHECK(analysis_year(p, 2024) == 2024);
    CHECK(years_in(p) == std::vector<int>{2021, 2023, 2024, 2030});
    CHECK(years_in(portfolio_of({})).empty());
}

TEST_CASE("year: none found gives a null year, no customers and null retention") {
    const Portfolio p = portfolio_of({account("P1", {}, Status::prospect), account("S1", {}, Status::suspect),
                                      account("X"), account("I", {{2024, 0}}, Status::inactive)});
    const Report r = analyze(p);
    CHECK_FALSE(r.year.has_value());
    CHECK(r.pareto.customers == 0);
    CHECK(layer_count(r, Layer::prospect) == 2);
    CHECK(layer_count(r, Layer::suspect) == 1);
    CHECK(layer_count(r, Layer::inactive) == 1);
    const Json j = report_to_json(r, p);
    CHECK(j["year"].is_null());
    CHECK(j["retention"]["previous_year"].is_null());
    CHECK(j["retention"]["retained"].is_null());
    CHECK(j["retention"]["retention_rate"].is_null());
    CHECK(j["wallet"]["share_of_wallet"].is_null());
    CHECK(j["migration"]["from_year"].is_null());
    CHECK(j["migration"]["up"].is_null());
    CHECK(j["migration"]["flows"].empty());
    CHECK(j["breakdowns"]["segment"][0]["key"].is_null());
    CHECK(j["breakdowns"]["segment"][0]["accounts"] == 4);
    CHECK(j["breakdowns"]["segment"][0]["revenue"].is_null());
}

TEST_CASE("retention: retained, lost, new and reactivated over years with gaps") {
    const Portfolio p = portfolio_of({
        account("kept", {{2024, 100}, {2025, 150}}),
        account("lost", {{2024, 200}}),
        account("new", {{2025, 50}}),
        account("back", {{2023, 70}, {2025, 30}}),
        account("back-long", {{2019, 1}, {2025, 20}}),
        account("gone-long", {{2022, 10}}, Status::active),
        account("pros", {}, Status::prospect),
    });
    const Report r = analyze(p);
    const RetentionReport& t = r.retention;
    CHECK(t.previous_year == 2024);
    CHECK(t.customers_previous == 2);
    CHECK(t.retained == 1);
    CHECK(t.lost == 1);
    CHECK(t.new_customers == 1);
    CHECK(t.reactivated == 2);
    CHECK(t.retention_rate == doctest::Approx(0.5));
    CHECK(t.net_revenue_retention == doctest::Approx(0.5));   // 150 / (100 + 200)
    CHECK(t.status_of[3] == RetentionStatus::reactivated);
    CHECK(t.status_of[5] == RetentionStatus::none);
    CHECK(r.pyramid.layer_of[1] == Layer::inactive);
    CHECK(r.pyramid.layer_of[5] == Layer::inactive);
}

TEST_CASE("retention: no customers in Y − 1 gives null rates and zero counts") {
    const Portfolio p = portfolio_of({account("A", {{2025, 10}})});
    const Report r = analyze(p);
    CHECK(r.retention.customers_previous == 0);
    CHECK_FALSE(r.retention.retention_rate.has_value());
    CHECK_FALSE(r.retention.net_revenue_retention.has_value());
    const Json j = report_to_json(r, p);
    CHECK(j["retention"]["customers_previous"] == 0);
    CHECK(j["retention"]["new"] == 1);
}

TEST_CASE("pareto: the 80 % comparison has a relative tolerance of 1e-9") {
    // T = 1.5 and 0.8·T = 1.2000000000000002 in doubles, while C(3) = 0.7 + 0.3 + 0.2 = 1.2.
    const Portfolio p = portfolio_of({account("a", {{2025, 0.7}}), account("b", {{2025, 0.3}}),
                                      account("c", {{2025, 0.2}}), account("d", {{2025, 0.2}}),
                                      account("e", {{2025, 0.1}})});
    const Report r = analyze(p);
    CHECK(r.pareto.accounts_for_80 == 3);
    CHECK(r.pareto.share_of_accounts_for_80 == doctest::Approx(0.6));
    CHECK(r.pareto.top20_count == 1);
    CHECK(r.pareto.top20_revenue_share == doctest::Approx(0.7 / 1.5));
    CHECK(r.pareto.abc_of[2] == AbcClass::a);
    CHECK(r.pareto.abc_of[3] == AbcClass::b);   // C(4) = 1.4 < 0.95·T = 1.425: B runs to rank 5
    CHECK(r.pareto.cumulative_share.back() == doctest::Approx(1.0));
}

TEST_CASE("pareto: one customer and equal revenues give a Gini of 0") {
    CHECK(analyze(portfolio_of({account("A", {{2025, 10}})})).pareto.gini == 0);
    const Report equal = analyze(portfolio_of({account("A", {{2025, 4}}), account("B", {{2025, 4}})}));
    CHECK(equal.pareto.gini == 0);
    CHECK(equal.pareto.accounts_for_80 == 2);
    // Σ(2i − n − 1)·x_i / (n·Σx) for 1, 2 (ascending): (−1·1 + 1·2) / (2·3).
    const Report two = analyze(portfolio_of({account("A", {{2025, 1}}), account("B", {{2025, 2}})}));
    CHECK(two.pareto.gini == doctest::Approx(1.0 / 6));
}

TEST_CASE("rating: totals and indexes, weighted and unweighted") {
    Portfolio p;
    p.criteria = {criterion("size", 2, 1, 5, Axis::attractiveness), criterion("fit", 1, 0, 10, Axis::position)};
    p.accounts = {account("K"), account("D"), account("U"), account("none")};
    kc::test::score(p, p.accounts[0], {{"size", 5}, {"fit", 8}});
    kc::test::score(p, p.accounts[1], {{"size", 4}, {"fit", 1}});
    kc::test::score(p, p.accounts[2], {{"fit", 9}});
    kc::test::score(p, p.accounts[3], {});
    const Report r = analyze(p);
    const RatingFigures& d = r.rating.of[1];
    CHECK(d.unweighted_total == 5);
    CHECK(d.weighted_total == 9);
    CHECK(*d.unweighted_index == doctest::Approx(42.5));        // (0.75 + 0.1) / 2
    CHECK(*d.weighted_index == doctest::Approx(160.0 / 3));     // (1.5 + 0.1) / 3
    CHECK(d.complete);
    CHECK_FALSE(r.rating.of[2].complete);
    CHECK_FALSE(r.rating.of[3].unweighted_index.has_value());
    CHECK_FALSE(r.rating.of[3].weighted_index.has_value());
    CHECK(r.rating.of[3].unweighted_total == 0);
    CHECK(ids(p, r.rating.ranking) == std::vector<std::string>{"K", "U", "D", "none"});
    CHECK(r.rating.place_of[3] == 4);
}

TEST_CASE("rating: all weights 0 gives a null weighted index, the unweighted one stays") {
    Portfolio p;
    p.criteria = {criterion("a", 0), criterion("b", 0)};
    p.accounts = {account("A", {{2025, 1}}), account("B", {{2025, 2}})};
    kc::test::score(p, p.accounts[0], {{"a", 5}, {"b", 1}});
    kc::test::score(p, p.accounts[1], {{"a", 3}});
    const Report r = analyze(p);
    CHECK_FALSE(r.rating.of[0].weighted_index.has_value());
    CHECK(*r.rating.of[0].unweighted_index == doctest::Approx(50));
    CHECK(r.rating.of[0].weighted_total == 0);
    CHECK(r.rating.of[0].unweighted_total == 6);
    CHECK_FALSE(r.rating.of[1].complete);
    CHECK(ids(p, r.rating.ranking) == std::vector<std::string>{"A", "B"});   // both null: by id
}

TEST_CASE("rating: a zero weight next to others counts in the unweighted index only") {
    Portfolio p;
    p.criteria = {criterion("a", 0), criterion("b", 2)};
    p.accounts = {account("A")};
    kc::test::score(p, p.accounts[0], {{"a", 5}, {"b", 1}});
    const Report r = analyze(p);
    CHECK(*r.rating.of[0].weighted_index == 0);
    CHECK(*r.rating.of[0].unweighted_index == doctest::Approx(50));
}

TEST_CASE("matrix: axes over their own criteria, thresholds inclusive, null when an axis has no score") {
    Portfolio p;
    p.info.matrix.x_threshold = 40;
    p.info.matrix.y_threshold = 60;
    p.criteria = {criterion("size", 2, 1, 5, Axis::attractiveness), criterion("fit", 1, 0, 10, Axis::position),
                  criterion("other", 5, 1, 5)};
    p.accounts = {account("K"), account("D"), account("M"), account("O"), account("U")};
    kc::test::score(p, p.accounts[0], {{"size", 5}, {"fit", 8}, {"other", 1}});
    kc::test::score(p, p.accounts[1], {{"size", 4}, {"fit", 1}});
    kc::test::score(p, p.accounts[2], {{"size", 2}, {"fit", 4}});   // position 40 = threshold
    kc::test::score(p, p.accounts[3], {{"size", 1}, {"fit", 0}});
    kc::test::score(p, p.accounts[4], {{"fit", 9}});
    const Report r = analyze(p);
    CHECK(*r.matrix.of[0].attractiveness == doctest::Approx(100));   // `other` is on no axis
    CHECK(*r.matrix.of[0].position == doctest::Approx(80));
    CHECK(r.matrix.of[0].quadrant == Quadrant::key);
    CHECK(r.matrix.of[1].quadrant == Quadrant::key_development);
    CHECK(r.matrix.of[2].quadrant == Quadrant::maintenance);
    CHECK(r.matrix.of[3].quadrant == Quadrant::opportunistic);
    CHECK(r.matrix.of[4].quadrant == Quadrant::none);
    CHECK_FALSE(r.matrix.of[4].attractiveness.has_value());
    CHECK(r.matrix.quadrant_counts == std::array<int, 5>{1, 1, 1, 1, 1});
    const Json j = report_to_json(r, p);
    CHECK(j["matrix"]["accounts"][4]["quadrant"].is_null());
    CHECK(j["matrix"]["accounts"][1]["quadrant"] == "key_development");
}

TEST_CASE("wallet: accounts with a wallet in Y, room never negative") {
    Portfolio p = portfolio_of({account("A", {{2025, 30}}), account("B", {{2025, 80}}),
                                account("C", {}, Status::prospect), account("D", {{2025, 5}})});
    p.accounts[0].wallet.set(2025, 100);
    p.accounts[1].wallet.set(2025, 40);
    p.accounts[2].wallet.set(2025, 60);
    p.accounts[3].wallet.set(2024, 10);
    const Report r = analyze(p);
    CHECK(r.wallet.accounts == std::vector<int>{0, 1, 2});
    CHECK(*r.wallet.of[0].share_of_wallet == doctest::Approx(0.3));
    CHECK(*r.wallet.of[1].share_of_wallet == doctest::Approx(2.0));
    CHECK(r.wallet.of[1].room == 0);
    CHECK(r.wallet.of[2].room == 60);
    CHECK_FALSE(r.wallet.of[3].has_wallet());
    CHECK(*r.wallet.share_of_wallet == doctest::Approx(110.0 / 200));
}

TEST_CASE("recompute_rating after a weight change equals a full analysis") {
    Portfolio p;
    p.criteria = {criterion("a", 1, 1, 5, Axis::attractiveness), criterion("b", 1, 1, 5, Axis::position)};
    p.accounts = {account("X", {{2025, 1}}), account("Y", {{2025, 2}})};
    kc::test::score(p, p.accounts[0], {{"a", 5}, {"b", 1}});
    kc::test::score(p, p.accounts[1], {{"a", 1}, {"b", 4}});
    Report r = analyze(p);
    CHECK(ids(p, r.rating.ranking) == std::vector<std::string>{"X", "Y"});   // 50 vs 37.5
    p.criteria[1].weight = 3;
    p.info.matrix.x_threshold = 70;
    recompute_rating(p, r);
    CHECK(ids(p, r.rating.ranking) == std::vector<std::string>{"Y", "X"});
    CHECK(report_to_json(r, p) == report_to_json(analyze(p), p));
}

TEST_CASE("migration: each account's layer in Y − 1 by the same rules, moves counted in Curry's order") {
    const Portfolio p = portfolio_of({
        account("rising", {{2024, 1}, {2025, 100}}),    // small → top
        account("falling", {{2024, 100}, {2025, 1}}),   // top → small
        account("gone", {{2024, 50}}),                  // small → inactive (down)
        account("fresh", {{2025, 10}}),                 // prospect → small (up)
        account("won-back", {{2023, 5}, {2025, 5}}),    // inactive → small (up)
        account("lead", {}, Status::suspect),           // suspect → suspect
    });
    const Report r = analyze(p);
    const MigrationReport& m = r.migration;
    CHECK(m.from_year == 2024);
    CHECK(m.to_year == 2025);
    auto count = [&](Layer from, Layer to) { return m.counts[static_cast<int>(from)][static_cast<int>(to)]; };
    CHECK(count(Layer::small, Layer::top) == 1);
    CHECK(count(Layer::top, Layer::small) == 1);
    CHECK(count(Layer::small, Layer::inactive) == 1);
    CHECK(count(Layer::prospect, Layer::small) == 1);
    CHECK(count(Layer::inactive, Layer::small) == 1);
    CHECK(count(Layer::suspect, Layer::suspect) == 1);
    CHECK(m.up == 3);
    CHECK(m.down == 2);
    CHECK(m.unchanged == 1);
    CHECK(m.previous_layer_of[2] == Layer::small);
    const Json j = report_to_json(r, p);
    const Json& flows = j["migration"]["flows"];
    REQUIRE(flows.size() == 49);
    CHECK(flows[0]["from"] == "top");
    CHECK(flows[0]["to"] == "top");
    CHECK(flows[3]["to"] == "small");
    CHECK(flows[3]["accounts"] == Json::array({"falling"}));
}

TEST_CASE("breakdowns: per segment, region and product, null group last, products counted once each") {
    Portfolio p = portfolio_of({account("a", {{2025, 60}}), account("b", {{2025, 30}}), account("c", {{2025, 10}}),
                                account("d", {}, Status::prospect)});
    p.accounts[0].segment = "Retail";
    p.accounts[1].segment = "Export";
    p.accounts[2].segment = "Retail";
    p.accounts[0].region = "Noord";
    p.accounts[0].products = {"Kaas", "Melk", "Kaas"};
    p.accounts[1].products = {"Melk"};
    p.accounts[0].wallet.set(2025, 120);
    p.accounts[3].wallet.set(2025, 50);
    const Report r = analyze(p);

    const auto& segments = r.breakdowns.segment.groups;
    REQUIRE(segments.size() == 3);
    CHECK(segments[0].key == "Retail");
    CHECK(segments[0].accounts == 2);
    CHECK(segments[0].customers == 2);
    CHECK(segments[0].revenue == 70);
    CHECK(segments[0].revenue_share == doctest::Approx(0.7));
    CHECK(segments[0].wallet == 120);
    CHECK(*segments[0].share_of_wallet == doctest::Approx(0.5));   // only a has a wallet
    CHECK(segments[1].key == "Export");
    CHECK_FALSE(segments[1].share_of_wallet.has_value());
    CHECK_FALSE(segments[2].key.has_value());
    CHECK(segments[2].customers == 0);
    CHECK(*segments[2].share_of_wallet == 0);
    CHECK(r.breakdowns.segment.group_of == std::vector<int>{0, 1, 0, 2});

    const auto& regions = r.breakdowns.region.groups;
    REQUIRE(regions.size() == 2);
    CHECK(regions[0].key == "Noord");
    CHECK_FALSE(regions[1].key.has_value());
    CHECK(regions[1].accounts == 3);

    const auto& products = r.breakdowns.product.groups;
    REQUIRE(products.size() == 3);
    CHECK(products[0].key == "Melk");   // 90 = a + b
    CHECK(products[0].revenue == 90);
    CHECK(products[1].key == "Kaas");
    CHECK(products[1].accounts == 1);   // listed twice by a, counted once
    CHECK_FALSE(products[2].key.has_value());
    CHECK(products[2].accounts == 2);
    CHECK(products[0].revenue_share + products[1].revenue_share + products[2].revenue_share ==
          doctest::Approx(1.6));   // an account in two groups counts twice
}

TEST_CASE("report JSON: spec keys in the spec's order, extensions after them or left out") {
    const Portfolio p = portfolio_of({account("A", {{2025, 10}})});
    const Report r = analyze(p);
    const Json full = report_to_json(r, p);
    std::vector<std::string> keys;
    for (const auto& item : full.items()) keys.push_back(item.key());
    CHECK(keys == std::vector<std::string>{"year", "accounts", "pyramid", "pareto", "rating", "matrix", "wallet",
                                           "retention", "migration", "breakdowns", "weighting"});
    const Json spec_only = report_to_json(r, p, {.include_extensions = false});
    CHECK(spec_only.size() == 8);
    CHECK_FALSE(spec_only.contains("migration"));
    CHECK(full["pareto"]["customers"].is_number_integer());
    CHECK(full["pyramid"]["layers"][0]["count"].is_number_integer());
    CHECK(full["pyramid"]["layers"][0]["revenue"].is_number_float());
    CHECK(full["retention"]["previous_year"] == 2024);
    CHECK(full["pyramid"]["layers"].size() == 7);
}

TEST_CASE("an empty portfolio analyses to zeros and nulls without dividing by zero") {
    const Portfolio p;
    const Report r = analyze(p);
    CHECK_FALSE(r.year.has_value());
    CHECK(r.accounts == 0);
    for (const auto& layer : r.pyramid.layers) {
        CHECK(layer.count == 0);
        CHECK(layer.account_share == 0);
    }
    const Json j = report_to_json(r, p);
    CHECK(j["pyramid"]["layer_of"].empty());
    CHECK(j["rating"]["ranking"].empty());
    CHECK(j["breakdowns"]["product"].empty());
}

TEST_CASE("report text: exactly Json::dump(2), escapes and all, with and without extensions") {
    Portfolio p = portfolio_of({account("quote\"d", {{2025, 1.5}}), account("back\\slash", {{2024, 2}}),
                                account("tab\there", {{2025, 1e-7}}), account("caf\xC3\xA9", {{2025, 1e15}}),
                                account("del\x7F", {}, Status::suspect), account("bad\xFFutf8", {{2025, 3}}),
                                account("nul\x01", {{2023, 0.1}})});
    p.accounts[0].segment = "line\nbreak";
    p.accounts[1].products = {"", "\xE4\xB8\xAD"};
    p.criteria = {criterion("c")};
    kc::test::align_scores(p);
    p.accounts[2].scores[0] = 3;
    const Report r = analyze(p);
    for (bool extensions : {true, false}) {
        const ReportJsonOptions options{.include_extensions = extensions};
        const std::string dumped = report_to_json(r, p, options).dump(2, ' ', false, Json::error_handler_t::replace);
        CHECK(report_json_text(r, p, options) == dumped);
    }
    const Portfolio empty;
    CHECK(report_json_text(analyze(empty), empty) == report_to_json(analyze(empty), empty).dump(2));
    // Chunks arrive in order and add up to the whole text.
    std::string chunks;
    int calls = 0;
    write_report_json(r, p, {}, [&](std::string_view chunk) {
        chunks += chunk;
        ++calls;
    });
    CHECK(chunks == report_json_text(r, p));
    CHECK(calls >= 1);
}

TEST_CASE("breakdowns: many distinct segments are grouped as well as a few") {
    // 60 accounts over 25 segments: past the short list the collector switches to hashing.
    std::vector<Account> accounts;
    for (int i = 0; i < 60; ++i) {
        Account a = account("A" + std::to_string(i), {{2025, 1.0 + i}});
        a.segment = "segment-" + std::to_string(i % 25);
        accounts.push_back(std::move(a));
    }
    const Portfolio p = portfolio_of(std::move(accounts));
    const Report r = analyze(p);
    const auto& groups = r.breakdowns.segment.groups;
    REQUIRE(groups.size() == 25);
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        const GroupFigures& g = groups[r.breakdowns.segment.group_of[i]];
        CHECK(g.key == p.accounts[i].segment);
        CHECK(g.accounts == (i % 25 < 10 ? 3 : 2));
    }
    // segment-9 holds accounts 9, 34 and 59: revenue 10 + 35 + 60, the most.
    CHECK(groups[0].key == "segment-9");
    CHECK(groups[0].revenue == 105);
}
