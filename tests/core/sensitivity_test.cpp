// sensitivity.hpp and the rank changes of analysis.hpp (docs/analysis-extensions.md,
// section 9): hand-computed cases whose crossings are known exactly (lines that cross
// once, quadratics that cross twice, ties the ids decide, accounts whose index appears
// or vanishes at weight 0, fewer rated accounts than places), then a property over
// random portfolios: just inside each reported limit the analysis gives the same top,
// just outside it another.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "analysis_fixtures.hpp"
#include "core/analysis.hpp"
#include "core/report_json.hpp"
#include "core/sensitivity.hpp"

using namespace kc;
using kc::test::account;
using kc::test::criterion;
using kc::test::portfolio_of;
using kc::test::score;

namespace {

// The top as sensitivity.hpp defines it, from analyze()'s ranking: the first `top` rated
// accounts. Two indexes that are equal in exact arithmetic may come out of the division a
// bit apart, and the ranking follows those bits (as the reference reports do); the
// sensitivity counts them as the tie they are, ordered by id. So here too: where two
// neighbours agree to 1e-12, the ids order them.
std::vector<std::string> top_of(const Portfolio& p, int top = kSensitivityTop) {
    const Report r = analyze(p);
    std::vector<int> order = r.rating.ranking;
    auto tied = [&](int a, int b) {
        const OptionalDouble x = r.rating.of[a].weighted_index, y = r.rating.of[b].weighted_index;
        return x && y && std::fabs(*x - *y) <= 1e-12 * std::max(1.0, std::fabs(*x));
    };
    for (bool swapped = true; swapped;) {
        swapped = false;
        for (std::size_t i = 1; i < order.size(); ++i)
            if (tied(order[i - 1], order[i]) && p.accounts[order[i]].id < p.accounts[order[i - 1]].id) {
                std::swap(order[i - 1], order[i]);
                swapped = true;
            }
    }
    std::vector<std::string> ids;
    for (int account : order) {
        if (static_cast<int>(ids.size()) == top || !r.rating.of[account].weighted_index) break;
        ids.push_back(p.accounts[account].id);
    }
    return ids;
}

std::vector<std::string> top_at(Portfolio p, int criterion, double weight, int top = kSensitivityTop) {
    p.criteria[static_cast<std::size_t>(criterion)].weight = weight;
    return top_of(p, top);
}

WeightSensitivity sensitivity(const Portfolio& p, int criterion, int top = kSensitivityTop) {
    return weight_sensitivity(p, analyze(p), criterion, top);
}

std::string id_or_none(const Portfolio& p, int account) { return account >= 0 ? p.accounts[account].id : "-"; }

// Adds an account with these scores (by criterion id) to `p`.
void add(Portfolio& p, const std::string& id, std::initializer_list<std::pair<const char*, double>> scores) {
    Account a = account(id);
    score(p, a, scores);
    p.accounts.push_back(std::move(a));
}

// Criteria A and B (weight 1) and C (weight `c_weight`), each scored 0..10.
Portfolio three_criteria(double c_weight = 1) {
    Portfolio p;
    p.criteria = {criterion("a", 1, 0, 10), criterion("b", 1, 0, 10), criterion("c", c_weight, 0, 10)};
    return p;
}

}  // namespace

// [SECTION] hand-computed cases --------------------------------------------------------

TEST_CASE("sensitivity: twelve accounts on three criteria, one crossing each way") {
    // Every account scores all three, so with w the weight of c each index is
    // 100·(S + w·C)/10/(2 + w), S = a + b, C = c: the order is that of the lines S + w·C.
    // T01..T10 are S = 18..9 with C = 10..1: neighbours differ by 1 + w, never cross.
    // X11 (S 3, C 5) meets T10 (9 + w) where 3 + 5w = 9 + w: w = 1.5.
    // O12 (S 9.5, C 0) meets T10 where 9.5 = 9 + w: w = 0.5.
    Portfolio p = three_criteria();
    for (int i = 1; i <= 10; ++i) {
        const double s = 19 - i;
        add(p, (i < 10 ? "T0" : "T") + std::to_string(i), {{"a", s / 2}, {"b", s / 2}, {"c", 11.0 - i}});
    }
    add(p, "X11", {{"a", 2}, {"b", 1}, {"c", 5}});
    add(p, "O12", {{"a", 5}, {"b", 4.5}, {"c", 0}});
    REQUIRE(top_of(p).size() == 10);
    CHECK(top_of(p).back() == "T10");

    const WeightSensitivity s = sensitivity(p, 2);
    CHECK(s.criterion == 2);
    CHECK(s.weight == 1);
    CHECK(s.top == 10);
    // Up: at 1.5 the two tie and T10's id comes first, so 1.5 itself still has T10.
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == doctest::Approx(1.5).epsilon(1e-12));
    CHECK(s.up.included);
    CHECK(id_or_none(p, s.up.rising) == "X11");
    CHECK(id_or_none(p, s.up.falling) == "T10");
    // Down: at 0.5 they tie and O12's id comes first ('O' < 'T'): the change is at 0.5.
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == doctest::Approx(0.5).epsilon(1e-12));
    CHECK_FALSE(s.down.included);
    CHECK(id_or_none(p, s.down.rising) == "O12");
    CHECK(id_or_none(p, s.down.falling) == "T10");

    // The analysis agrees on either side of both limits.
    const std::vector<std::string> now = top_of(p);
    CHECK(top_at(p, 2, 1.49) == now);
    CHECK(top_at(p, 2, 1.51) != now);
    CHECK(top_at(p, 2, 0.51) == now);
    CHECK(top_at(p, 2, 0.49) != now);

    // The weight of a moves other lines; the analysis agrees with the limits reported.
    const WeightSensitivity for_a = sensitivity(p, 0);
    CHECK(for_a.top == 10);
    if (for_a.up.changes) CHECK(top_at(p, 0, for_a.up.weight * 1.000001) != now);
    if (for_a.down.changes) CHECK(top_at(p, 0, for_a.down.weight * 0.999999) != now);
}

TEST_CASE("sensitivity: a pair whose indexes cross twice; the nearer crossing on each side counts") {
    // Weights a 1, b 3, c w. U scores a 0 and c 3: index 0.3w/(1 + w). V scores a 2, b 0
    // and c 5: (0.2 + 0.5w)/(4 + w). Equal where 0.3w(4 + w) = (0.2 + 0.5w)(1 + w), that
    // is 0.2w² − 0.5w + 0.2 = 0: w = 0.5 and w = 2. U leads between them, V outside.
    Portfolio p;
    p.criteria = {criterion("a", 1, 0, 10), criterion("b", 3, 0, 10), criterion("c", 1, 0, 10)};
    add(p, "U", {{"a", 0}, {"c", 3}});
    add(p, "V", {{"a", 2}, {"b", 0}, {"c", 5}});

    // At 1, U leads: down to 0.5 and up to 2, the ties going to U (its id comes first).
    WeightSensitivity s = sensitivity(p, 2, 1);
    CHECK(top_of(p, 1) == std::vector<std::string>{"U"});
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == doctest::Approx(0.5).epsilon(1e-12));
    CHECK(s.down.included);
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == doctest::Approx(2).epsilon(1e-12));
    CHECK(s.up.included);
    CHECK(id_or_none(p, s.up.rising) == "V");

    // At 3, V leads: down the nearer crossing is 2, where U takes the tie at once.
    p.criteria[2].weight = 3;
    s = sensitivity(p, 2, 1);
    CHECK(top_of(p, 1) == std::vector<std::string>{"V"});
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == doctest::Approx(2).epsilon(1e-12));
    CHECK_FALSE(s.down.included);
    CHECK_FALSE(s.up.changes);   // both crossings are below

    // At 0.25, V leads too: up the nearer crossing is 0.5; down, at 0, V still leads (0.05 to 0).
    p.criteria[2].weight = 0.25;
    s = sensitivity(p, 2, 1);
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == doctest::Approx(0.5).epsilon(1e-12));
    CHECK_FALSE(s.up.included);
    CHECK_FALSE(s.down.changes);
}

TEST_CASE("sensitivity: fewer rated accounts than places, constants, and indexes that vanish at 0") {
    // Weights a 1 and c w. P (a 10) is 1 whatever w; Q (a 5, c 10) is (0.5 + w)/(1 + w),
    // rising towards 1; R (a 8, c 0) is 0.8/(1 + w); Z (only c 6) is 0.6 for every w > 0
    // and null at 0; N has no score at all and is never rated.
    Portfolio p;
    p.criteria = {criterion("a", 1, 0, 10), criterion("c", 1, 0, 10)};
    add(p, "P", {{"a", 10}});
    add(p, "Q", {{"a", 5}, {"c", 10}});
    add(p, "R", {{"a", 8}, {"c", 0}});
    add(p, "Z", {{"c", 6}});
    add(p, "N", {});
    CHECK(top_of(p) == std::vector<std::string>{"P", "Q", "Z", "R"});

    // Four rated accounts make the whole top. Down: Z and R meet at 1/3 (0.6 = 0.8/(1 + w))
    // and R's id wins the tie, before Q and Z meet at 1/4. Up: nothing ever crosses.
    WeightSensitivity s = sensitivity(p, 1);
    CHECK(s.top == 4);
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == doctest::Approx(1.0 / 3).epsilon(1e-12));
    CHECK_FALSE(s.down.included);
    CHECK(id_or_none(p, s.down.rising) == "R");
    CHECK(id_or_none(p, s.down.falling) == "Z");
    CHECK_FALSE(s.up.changes);
    CHECK(top_at(p, 1, 1e12) == top_of(p));

    // A top of 2 (P, Q): R passes Q below 0.3 (0.5 + w = 0.8), Z below 0.25; ties go to Q.
    s = sensitivity(p, 1, 2);
    CHECK(s.top == 2);
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == doctest::Approx(0.3).epsilon(1e-12));
    CHECK(s.down.included);
    CHECK(id_or_none(p, s.down.rising) == "R");
    CHECK(id_or_none(p, s.down.falling) == "Q");

    // A top of 1 (P): nobody reaches 1, not even at weight 0, where Z has no index.
    s = sensitivity(p, 1, 1);
    CHECK_FALSE(s.down.changes);
    CHECK_FALSE(s.up.changes);

    // Weight of c at 1 but a top member scored on c alone: at 0 Z loses its index.
    Portfolio only_z = p;
    only_z.accounts = {only_z.accounts[3], only_z.accounts[4]};
    s = sensitivity(only_z, 1);
    CHECK(s.top == 1);
    REQUIRE(s.down.changes);
    CHECK(s.down.weight == 0);
    CHECK_FALSE(s.down.included);
    CHECK(s.down.rising == -1);
    CHECK(id_or_none(only_z, s.down.falling) == "Z");
    CHECK(top_at(only_z, 1, 0).empty());

    // At weight 0 Z has no index and the top (P, R, Q) has room: any weight above 0 lets Z in.
    p.criteria[1].weight = 0;
    CHECK(top_of(p) == std::vector<std::string>{"P", "R", "Q"});
    s = sensitivity(p, 1);
    CHECK(s.top == 3);
    CHECK_FALSE(s.down.changes);   // nowhere to go
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == 0);
    CHECK(s.up.included);
    CHECK(id_or_none(p, s.up.rising) == "Z");
    CHECK(s.up.falling == -1);
    CHECK(top_at(p, 1, 1e-9).size() == 4);

    // A full top of 2 (P, R) has no room: Z would pass R at 1/3 (0.6 = 0.8/(1 + w)), but Q
    // meets R first, at 0.3 (0.5 + w = 0.8), and takes the tie ('Q' < 'R').
    s = sensitivity(p, 1, 2);
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == doctest::Approx(0.3).epsilon(1e-12));
    CHECK_FALSE(s.up.included);
    CHECK(id_or_none(p, s.up.rising) == "Q");
    CHECK(id_or_none(p, s.up.falling) == "R");
}

TEST_CASE("sensitivity: a tie at the current weight, and accounts that are always equal") {
    // Weights a 1, c 1. P (a 10, c 0) and Q (a 0, c 10) are both 0.5 at weight 1; P's id
    // puts it first. Any higher weight of c puts Q ahead; any lower keeps P.
    Portfolio p;
    p.criteria = {criterion("a", 1, 0, 10), criterion("c", 1, 0, 10)};
    add(p, "P", {{"a", 10}, {"c", 0}});
    add(p, "Q", {{"a", 0}, {"c", 10}});
    WeightSensitivity s = sensitivity(p, 1, 1);
    REQUIRE(s.up.changes);
    CHECK(s.up.weight == 1);
    CHECK(s.up.included);
    CHECK(id_or_none(p, s.up.rising) == "Q");
    CHECK_FALSE(s.down.changes);

    // Three twins: the same index for every weight, the ids keep their order.
    Portfolio twins;
    twins.criteria = p.criteria;
    for (const char* id : {"K1", "K2", "K3"}) add(twins, id, {{"a", 3}, {"c", 7}});
    s = sensitivity(twins, 1, 2);
    CHECK(s.top == 2);
    CHECK_FALSE(s.down.changes);
    CHECK_FALSE(s.up.changes);
}

TEST_CASE("sensitivity: no rated accounts, no such criterion") {
    Portfolio p = three_criteria();
    add(p, "A", {});
    WeightSensitivity s = sensitivity(p, 0);
    CHECK(s.top == 0);
    CHECK_FALSE(s.down.changes);
    CHECK_FALSE(s.up.changes);
    CHECK(sensitivity(p, 3).criterion == -1);
    CHECK(sensitivity(p, -1).criterion == -1);
}

// [SECTION] the property ------------------------------------------------------------------

namespace {

struct Random {
    std::uint32_t state;
    std::uint32_t next() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        return state;
    }
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint32_t>(n)); }
};

// Three or four criteria with small weights (0 now and then; in half the portfolios
// whole and half steps, which make many exact ties, in the others any fraction) and
// scales, 8 to 40 accounts with whole scores, a fifth of them missing.
Portfolio random_portfolio(Random& random, bool round_weights) {
    Portfolio p;
    const int criteria = 3 + random.below(2);
    for (int c = 0; c < criteria; ++c) {
        const double min = random.below(2);
        const double weight =
            round_weights ? random.below(9) / 2.0 : random.below(9) * (random.below(1000) / 997.0);
        p.criteria.push_back(criterion("c" + std::to_string(c), weight, min, min + 4 + random.below(7)));
    }
    const int accounts = 8 + random.below(33);
    for (int i = 0; i < accounts; ++i) {
        Account a = account("A" + std::to_string(100 + random.below(900)) + "-" + std::to_string(i));
        for (const Criterion& c : p.criteria) {
            const double score = c.min + random.below(static_cast<int>(c.max - c.min) + 1);
            a.scores.push_back(random.below(5) == 0 ? kNoScore : score);
        }
        p.accounts.push_back(std::move(a));
    }
    return p;
}

// Checks one side's limit against the analysis: the same top just inside it, another
// just outside it (or no change anywhere out to the far end, when there is no limit).
//
// Where the change comes at the limit itself (two indexes tie there and the ids decide),
// "outside" is the limit: its two indexes may only touch there, not cross. Where it
// comes just beyond, the limit itself is inside. Either way the points near the limit
// are chosen so that two indexes that part slowly (touching indexes part with the square
// of the distance) are not mistaken for a tie.
void check_side(const Portfolio& p, int c, const WeightLimit& limit, bool up, const std::vector<std::string>& now) {
    const double w0 = p.criteria[static_cast<std::size_t>(c)].weight;
    if (!limit.changes) {
        // Not too far: indexes that only meet at infinity come within rounding of each other.
        for (double w : up ? std::vector<double>{w0 * 1.5 + 0.1, w0 * 10 + 1, w0 * 100 + 10}
                           : std::vector<double>{w0 / 2, 0.0})
            CHECK(top_at(p, c, w) == now);
        return;
    }
    CHECK(limit.falling != limit.rising);
    if (!limit.included) {
        CHECK(top_at(p, c, limit.weight) != now);
        if (limit.weight != w0) CHECK(top_at(p, c, limit.weight + 1e-3 * (w0 - limit.weight)) == now);
        return;
    }
    CHECK(top_at(p, c, limit.weight) == now);
    const double scale = std::max(1.0, limit.weight);
    bool changed = false;
    for (double margin : {1e-7, 1e-6, 1e-5})
        changed = changed || top_at(p, c, limit.weight + (up ? margin : -margin) * scale) != now;
    CHECK(changed);
}

}  // namespace

TEST_CASE("sensitivity property: the same top just inside each limit, another just outside") {
    Random random{0x5e1517u};
    int limits_checked = 0;
    for (int round = 0; round < 600; ++round) {
        const Portfolio p = random_portfolio(random, round % 2 == 0);
        const std::vector<std::string> now = top_of(p);
        for (int c = 0; c < static_cast<int>(p.criteria.size()); ++c) {
            CAPTURE(round);
            CAPTURE(c);
            const WeightSensitivity s = sensitivity(p, c);
            CHECK(s.top == static_cast<int>(now.size()));
            CAPTURE(s.down.weight);
            CAPTURE(s.up.weight);
            check_side(p, c, s.down, false, now);
            check_side(p, c, s.up, true, now);
            // Anywhere between the limits the top is the same.
            const double low = s.down.changes ? s.down.weight : 0.0;
            const double high = s.up.changes ? s.up.weight : s.weight * 4 + 4;
            for (double t : {0.2, 0.5, 0.8}) {
                const double w = low + t * (high - low);
                if (w != low && w != high) CHECK(top_at(p, c, w) == now);
            }
            limits_checked += s.down.changes + s.up.changes;
        }
    }
    MESSAGE(limits_checked << " limits checked");
    CHECK(limits_checked > 1500);   // the random portfolios do have limits to check
}

// [SECTION] rank changes -------------------------------------------------------------------

TEST_CASE("rank changes: places in the weighted and the unweighted ranking, ties by id, nulls last") {
    // Weights a 3, b 1, z 0; scale 1..5. Unweighted and weighted index (see the places below):
    //   U: z 5           100 / null     V: a 5        100 / 100
    //   X: a 5, b 1       50 / 75       Y: a 1, b 5    50 / 25
    //   Z: a 3, b 3       50 / 50       W: no scores  null / null
    Portfolio p;
    p.criteria = {criterion("a", 3), criterion("b", 1), criterion("z", 0)};
    for (const char* id : {"W", "Z", "Y", "X", "V", "U"}) p.accounts.push_back(account(id));
    score(p, p.accounts[0], {});
    score(p, p.accounts[1], {{"a", 3}, {"b", 3}});
    score(p, p.accounts[2], {{"a", 1}, {"b", 5}});
    score(p, p.accounts[3], {{"a", 5}, {"b", 1}});
    score(p, p.accounts[4], {{"a", 5}});
    score(p, p.accounts[5], {{"z", 5}});
    const Report r = analyze(p);
    const RatingReport& rating = r.rating;

    auto ids_of = [&](const std::vector<int>& order) {
        std::vector<std::string> ids;
        for (int i : order) ids.push_back(p.accounts[i].id);
        return ids;
    };
    CHECK(ids_of(rating.unweighted_ranking) == std::vector<std::string>{"U", "V", "X", "Y", "Z", "W"});
    CHECK(ids_of(rating.ranking) == std::vector<std::string>{"V", "X", "Z", "Y", "U", "W"});
    //                        W  Z  Y  X  V   U
    const int moved[] = {0, 2, 0, 1, 1, -4};
    for (int i = 0; i < 6; ++i) {
        CAPTURE(p.accounts[i].id);
        CHECK(rating.places_moved(i) == moved[i]);
        CHECK(rating.unweighted_ranking[rating.unweighted_place_of[i] - 1] == i);
    }

    // In the report JSON: one entry per account, in ranking order.
    const Json places = report_to_json(r, p)["weighting"]["places"];
    REQUIRE(places.size() == 6);
    CHECK(places[1] == Json{{"id", "X"}, {"weighted", 2}, {"unweighted", 3}, {"moved", 1}});
    CHECK(places[4] == Json{{"id", "U"}, {"weighted", 5}, {"unweighted", 1}, {"moved", -4}});
}

TEST_CASE("report JSON: the weighting extension lists every criterion's sensitivity") {
    Portfolio p = three_criteria();
    for (int i = 1; i <= 10; ++i) {
        const double s = 19 - i;
        add(p, (i < 10 ? "T0" : "T") + std::to_string(i), {{"a", s / 2}, {"b", s / 2}, {"c", 11.0 - i}});
    }
    add(p, "X11", {{"a", 2}, {"b", 1}, {"c", 5}});
    add(p, "O12", {{"a", 5}, {"b", 4.5}, {"c", 0}});
    const Json j = report_to_json(analyze(p), p);
    const Json& sensitivity = j["weighting"]["sensitivity"];
    REQUIRE(sensitivity.size() == 3);
    const Json& c = sensitivity[2];
    CHECK(c["criterion"] == "c");
    CHECK(c["weight"] == 1.0);
    CHECK(c["top"] == 10);
    CHECK(c["up"]["weight"].get<double>() == doctest::Approx(1.5));
    CHECK(c["up"]["included"] == true);
    CHECK(c["up"]["rising"] == "X11");
    CHECK(c["up"]["falling"] == "T10");
    CHECK(c["down"]["rising"] == "O12");

    // A side without a limit is null; a missing account in a limit is null.
    Portfolio q;
    q.criteria = {criterion("a", 1, 0, 10), criterion("c", 0, 0, 10)};
    add(q, "P", {{"a", 10}});
    add(q, "Z", {{"c", 6}});
    const Json k = report_to_json(analyze(q), q)["weighting"]["sensitivity"];
    CHECK(k[1]["down"].is_null());
    CHECK(k[1]["up"]["rising"] == "Z");
    CHECK(k[1]["up"]["falling"].is_null());
    CHECK(k[0]["up"].is_null());
}
