// Property tests of the analysis engine on generated portfolios: whatever the accounts,
// the layers add up, the shares sum to 1, ABC agrees with Pareto, the ranking is sorted,
// quadrants follow the thresholds, migration and breakdowns account for everyone.
// The generator is a fixed-seed splitmix64 so native and wasm test the same portfolios.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string>

#include "core/analysis.hpp"
#include "core/report_json.hpp"
#include "json_compare.hpp"

using namespace kc;

namespace {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t state_;
};

const char* const kSegments[] = {"Retail", "Groothandel", "Foodservice", "Export"};
const char* const kRegions[] = {"Noord", "Zuid", "Randstad"};
const char* const kProducts[] = {"Kaas", "Melk", "Boter", "Room"};
// Ids from several scripts, so that the byte order of ties is exercised.
const char* const kIdPrefixes[] = {"ACC-", "acc-", "\xC3\xA9-", "\xE4\xB8\xAD-", "Z"};

// Revenue from a small set of amounts now and then, so that ties happen.
double amount(Random& rng) {
    if (rng.chance(0.3)) return 100.0 * (1 + rng.below(5));
    return std::round(std::pow(1 - rng.unit(), -1 / 1.16) * 5000.0 * 100.0) / 100.0;
}

Portfolio generate(std::uint64_t seed, int accounts) {
    Random rng(seed);
    Portfolio p;
    const int criteria = rng.below(5);
    for (int c = 0; c < criteria; ++c) {
        Criterion cr;
        cr.id = "c" + std::to_string(c);
        cr.weight = rng.chance(0.2) ? 0 : 1 + rng.below(3);
        cr.min = rng.chance(0.5) ? 1 : 0;
        cr.max = cr.min + 1 + rng.below(9);
        cr.axis = static_cast<Axis>(rng.below(3));
        p.criteria.push_back(cr);
    }
    // Integral or fractional pyramid percentages, summing to at most 100.
    p.info.pyramid.top = rng.chance(0.5) ? 1 + rng.below(5) : 0.5 * (1 + rng.below(9)) + 0.1;
    p.info.pyramid.large = rng.chance(0.5) ? rng.below(10) : 2.7;
    p.info.pyramid.medium = rng.below(40);
    // Thresholds an index can hit exactly (50 = score 3 of 1..5), to test "≥".
    const double thresholds[] = {50, 25, 0, 100, 37.5, static_cast<double>(rng.below(101))};
    p.info.matrix.x_threshold = thresholds[rng.below(6)];
    p.info.matrix.y_threshold = rng.chance(0.5) ? 50 : 37.5;
    const int first_year = 2021, last_year = 2025;
    for (int i = 0; i < accounts; ++i) {
        Account a;
        a.id = std::string(kIdPrefixes[rng.below(5)]) + std::to_string(i);
        a.name = "Account " + a.id;
        a.status = static_cast<Status>(rng.below(5));
        if (rng.chance(0.9)) a.segment = kSegments[rng.below(4)];
        if (rng.chance(0.8)) a.region = kRegions[rng.below(3)];
        for (int k = rng.below(4); k > 0; --k) a.products.push_back(kProducts[rng.below(4)]);
        const double kind = rng.unit();
        for (int y = first_year; y <= last_year; ++y) {
            if (kind < 0.7 && rng.chance(0.8)) a.revenue.set(y, amount(rng));   // customer, gaps
            else if (kind < 0.8 && y < last_year && rng.chance(0.5)) a.revenue.set(y, amount(rng));
            else if (rng.chance(0.05)) a.revenue.set(y, 0);                       // explicit zero
        }
        if (rng.chance(0.6)) a.wallet.set(last_year, rng.chance(0.1) ? 0 : amount(rng) * 3);
        a.scores.assign(p.criteria.size(), kNoScore);
        for (std::size_t c = 0; c < p.criteria.size(); ++c)
            if (rng.chance(0.85))
                a.scores[c] = p.criteria[c].min + rng.below(static_cast<int>(p.criteria[c].max - p.criteria[c].min) + 1);
        p.accounts.push_back(std::move(a));
    }
    return p;
}

bool has_any_score(const Account& a) {
    return std::any_of(a.scores.begin(), a.scores.end(), [](double s) { return has_score(s); });
}

bool at_least(double value, double target) { return value >= target - 1e-9 * std::fabs(target); }

void check_pyramid(const Portfolio& p, const Report& r) {
    int counted = 0;
    double account_shares = 0, revenue_shares = 0;
    for (const auto& layer : r.pyramid.layers) {
        counted += layer.count;
        account_shares += layer.account_share;
        revenue_shares += layer.revenue_share;
    }
    CHECK(counted == r.accounts);
    if (r.accounts > 0) CHECK(account_shares == doctest::Approx(1.0).epsilon(1e-12));
    if (r.pareto.total_revenue > 0) CHECK(revenue_shares == doctest::Approx(1.0).epsilon(1e-12));
    // Rank order: revenue never rises, equal revenue by id.
    const auto& order = r.pyramid.by_revenue;
    for (std::size_t k = 1; k < order.size(); ++k) {
        const double before = r.revenue_of[order[k - 1]], now = r.revenue_of[order[k]];
        CHECK(before >= now);
        if (before == now) CHECK(p.accounts[order[k - 1]].id < p.accounts[order[k]].id);
    }
    // The layers are the spec's exact ceilings, and an upper layer is never below a lower one.
    const int n = static_cast<int>(order.size());
    const Pyramid& pyr = p.info.pyramid;
    // Each last rank k is the smallest whole number with k ≥ n·p/100 (up to 1e-9).
    const double percents[] = {pyr.top, pyr.top + pyr.large, pyr.top + pyr.large + pyr.medium};
    for (int layer = 0; layer < 3; ++layer) {
        const int k = r.pyramid.last_rank[layer];
        const double exact = n * percents[layer] / 100;
        CHECK(k >= exact - 1e-9);
        CHECK(k - 1 < exact - 1e-9);
    }
    for (std::size_t k = 1; k < order.size(); ++k)
        CHECK(r.pyramid.layer_of[order[k - 1]] <= r.pyramid.layer_of[order[k]]);
    for (std::size_t i = 0; i < p.accounts.size(); ++i)
        CHECK(is_customer_layer(r.pyramid.layer_of[i]) == (r.revenue_of[i] > 0));
}

void check_pareto(const Report& r) {
    const ParetoReport& pa = r.pareto;
    const auto& order = r.pyramid.by_revenue;
    CHECK(pa.customers == static_cast<int>(order.size()));
    int a_count = 0;
    AbcClass previous = AbcClass::a;
    for (int account : order) {
        const AbcClass abc = pa.abc_of[account];
        CHECK(abc != AbcClass::none);
        CHECK(abc >= previous);   // A, then B, then C in rank order
        previous = abc;
        a_count += abc == AbcClass::a;
    }
    CHECK(a_count == pa.accounts_for_80);
    CHECK(pa.gini >= 0);
    CHECK(pa.gini < 1);
    if (pa.customers == 0) return;
    const double total = pa.total_revenue;
    double before = 0;
    for (int k = 0; k + 1 < pa.accounts_for_80; ++k) before += r.revenue_of[order[k]];
    CHECK_FALSE(at_least(before, 0.8 * total));
    CHECK(at_least(before + r.revenue_of[order[pa.accounts_for_80 - 1]], 0.8 * total));
    // B runs to the smallest k with C(k) ≥ 0.95·T.
    double cumulative = 0;
    int k95 = 0;
    for (int k = 1; k <= pa.customers && k95 == 0; ++k) {
        cumulative += r.revenue_of[order[k - 1]];
        if (at_least(cumulative, 0.95 * total)) k95 = k;
    }
    CHECK(pa.accounts_for_95 == k95);
    for (int k = 1; k <= pa.customers; ++k)
        CHECK((pa.abc_of[order[k - 1]] == AbcClass::c) == (k > k95));
    CHECK(pa.cumulative_share.back() == doctest::Approx(1.0).epsilon(1e-12));
}

void check_rating_and_matrix(const Portfolio& p, const Report& r) {
    const auto& ranking = r.rating.ranking;
    std::vector<int> sorted = ranking;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> all(p.accounts.size());
    std::iota(all.begin(), all.end(), 0);
    CHECK(sorted == all);   // every account exactly once
    for (std::size_t k = 1; k < ranking.size(); ++k) {
        const auto& a = r.rating.of[ranking[k - 1]].weighted_index;
        const auto& b = r.rating.of[ranking[k]].weighted_index;
        CHECK((a.has_value() || !b.has_value()));   // null last
        if (a && b) CHECK(*a >= *b);
        if (a == b) CHECK(p.accounts[ranking[k - 1]].id < p.accounts[ranking[k]].id);
    }
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        const MatrixPlacement& m = r.matrix.of[i];
        const RatingFigures& f = r.rating.of[i];
        CHECK(f.unweighted_index.has_value() == (f.unweighted_total != 0 || has_any_score(p.accounts[i])));
        if (f.weighted_index) CHECK((*f.weighted_index >= 0 && *f.weighted_index <= 100));
        if (!m.attractiveness || !m.position) {
            CHECK(m.quadrant == Quadrant::none);
            continue;
        }
        const bool attractive = *m.attractiveness >= p.info.matrix.y_threshold;
        const bool strong = *m.position >= p.info.matrix.x_threshold;
        const Quadrant expected = attractive ? (strong ? Quadrant::key : Quadrant::key_development)
                                             : (strong ? Quadrant::maintenance : Quadrant::opportunistic);
        CHECK(m.quadrant == expected);
    }
}

void check_wallet_and_retention(const Portfolio& p, const Report& r) {
    double revenue = 0, wallet = 0;
    std::size_t with_wallet = 0;
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        const double w = r.year ? p.accounts[i].wallet.get(*r.year) : 0;
        CHECK(r.wallet.of[i].has_wallet() == (w > 0));
        if (w > 0) ++with_wallet;
    }
    CHECK(r.wallet.accounts.size() == with_wallet);
    for (int account : r.wallet.accounts) {
        const WalletFigures& f = r.wallet.of[account];
        CHECK(f.room >= 0);
        revenue += r.revenue_of[account];
        wallet += p.accounts[account].wallet.get(*r.year);
    }
    if (r.wallet.accounts.empty()) CHECK_FALSE(r.wallet.share_of_wallet.has_value());
    else CHECK(*r.wallet.share_of_wallet == doctest::Approx(revenue / wallet));

    const RetentionReport& t = r.retention;
    CHECK(t.retained + t.lost == t.customers_previous);
    CHECK(t.retained + t.new_customers + t.reactivated == r.pareto.customers);
    if (t.customers_previous > 0) {
        CHECK(*t.retention_rate >= 0);
        CHECK(*t.retention_rate <= 1);
    } else {
        CHECK_FALSE(t.net_revenue_retention.has_value());
    }
}

// The migration's "from" layers are exactly the pyramid of Y − 1.
void check_migration(const Portfolio& p, const Report& r) {
    const MigrationReport& m = r.migration;
    int total = 0;
    for (const auto& row : m.counts)
        for (int count : row) total += count;
    CHECK(total == r.accounts);
    int up = 0, down = 0;
    for (int from = 0; from < kLayerCount; ++from)
        for (int to = 0; to < kLayerCount; ++to) {
            if (to < from) up += m.counts[from][to];     // a smaller layer is higher
            if (to > from) down += m.counts[from][to];
        }
    CHECK(m.up == up);
    CHECK(m.down == down);
    CHECK(m.up + m.down + m.unchanged == r.accounts);
    const Report previous = analyze(p, *r.year - 1);
    CHECK(m.previous_layer_of == previous.pyramid.layer_of);
    for (int from = 0; from < kLayerCount; ++from)
        for (int to = 0; to < kLayerCount; ++to)
            CHECK(static_cast<int>(m.accounts_in(static_cast<Layer>(from), static_cast<Layer>(to)).size()) ==
                  m.counts[from][to]);
}

void check_breakdown(const Breakdown& b, const Report& r, bool one_group_each) {
    double revenue = 0;
    int accounts = 0, customers = 0;
    for (std::size_t g = 0; g < b.groups.size(); ++g) {
        revenue += b.groups[g].revenue;
        accounts += b.groups[g].accounts;
        customers += b.groups[g].customers;
        if (g > 0 && b.groups[g].key && b.groups[g - 1].key) CHECK(b.groups[g - 1].revenue >= b.groups[g].revenue);
        if (g + 1 < b.groups.size()) CHECK(b.groups[g].key.has_value());   // null group last
    }
    if (!one_group_each) {
        CHECK(accounts >= r.accounts);
        return;
    }
    CHECK(accounts == r.accounts);
    CHECK(customers == r.pareto.customers);
    CHECK(revenue == doctest::Approx(r.pareto.total_revenue).epsilon(1e-12));
    for (std::size_t i = 0; i < b.group_of.size(); ++i) CHECK(b.group_of[i] < static_cast<int>(b.groups.size()));
}

void check_everything(const Portfolio& p, const Report& r) {
    check_pyramid(p, r);
    check_pareto(r);
    check_rating_and_matrix(p, r);
    check_wallet_and_retention(p, r);
    if (r.year) check_migration(p, r);
    check_breakdown(r.breakdowns.segment, r, true);
    check_breakdown(r.breakdowns.region, r, true);
    check_breakdown(r.breakdowns.product, r, false);
    const Json j = report_to_json(r, p);
    CHECK(report_json_text(r, p) == j.dump(2));   // the text writer and the Json value agree
    CHECK(j["pyramid"]["layer_of"].size() == p.accounts.size());
    CHECK(j["pareto"]["abc"].size() == static_cast<std::size_t>(r.pareto.customers));
    CHECK(j["matrix"]["accounts"].size() == p.accounts.size());
}

}  // namespace

TEST_CASE("properties hold on generated portfolios of many sizes and seeds") {
    const int sizes[] = {0, 1, 2, 3, 7, 40, 101, 500, 2500};
    for (int size : sizes) {
        for (std::uint64_t seed = 1; seed <= 6; ++seed) {
            CAPTURE(size);
            CAPTURE(seed);
            const Portfolio p = generate(seed * 7919 + static_cast<std::uint64_t>(size), size);
            check_everything(p, analyze(p));
            check_everything(p, analyze(p, 2023));   // a year in the middle, with gaps around it
        }
    }
}

TEST_CASE("recompute_rating gives the same report as a full analysis after weight changes") {
    Portfolio p = generate(42, 800);
    Report report = analyze(p);
    for (std::size_t c = 0; c < p.criteria.size(); ++c) p.criteria[c].weight = static_cast<double>((c * 7) % 4);
    p.info.matrix.y_threshold = 61.5;
    recompute_rating(p, report);
    CHECK(report_to_json(report, p) == report_to_json(analyze(p), p));
}

TEST_CASE("the analysis does not depend on the order of the accounts in the file") {
    const Portfolio p = generate(7, 600);
    Portfolio reversed = p;
    std::reverse(reversed.accounts.begin(), reversed.accounts.end());
    const Report a = analyze(p), b = analyze(reversed);
    const Json ja = report_to_json(a, p), jb = report_to_json(b, reversed);
    // Everything listed in rank order is the same (sums in file order may differ in
    // their last bits); lists in file order come out reversed.
    CHECK(test::json_difference(ja["pyramid"]["layers"], jb["pyramid"]["layers"]) == "");
    CHECK(test::json_difference(ja["pareto"], jb["pareto"]) == "");
    CHECK(test::json_difference(ja["rating"], jb["rating"]) == "");
    CHECK(test::json_difference(ja["retention"], jb["retention"]) == "");
    CHECK(ja["migration"]["up"] == jb["migration"]["up"]);
}

TEST_CASE("ceil_percent_of is the smallest k with k ≥ n·p/100, for every n up to 2000") {
    for (int n = 0; n <= 2000; ++n) {
        for (int p = 0; p <= 100; ++p) {
            // Integral: the smallest k with 100·k ≥ n·p, counted up in integers.
            int k = 0;
            while (100 * k < n * p) ++k;
            CAPTURE(n);
            CAPTURE(p);
            REQUIRE(ceil_percent_of(n, p) == k);
        }
        for (double p : {0.5, 1.1, 2.5, 2.7, 4.4, 12.25, 33.3}) {
            const double exact = n * p / 100 - 1e-9;
            const int k = ceil_percent_of(n, p);
            CAPTURE(n);
            CAPTURE(p);
            REQUIRE(k >= exact);
            REQUIRE((k == 0 || k - 1 < exact));
        }
    }
}
