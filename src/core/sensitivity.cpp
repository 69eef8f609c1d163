// weight_sensitivity (see sensitivity.hpp): the pairs of accounts whose order makes the
// top, the weights where each pair's indexes cross, and on each side of the current
// weight the nearest crossing that changes the order.
//
// The top is unchanged exactly while (1) each member keeps the one after it behind,
// (2) the last member keeps every rated account outside the top behind, and (3) no
// member loses its index and no outsider gains one where the top has room: the pairs of
// neighbours in the top plus one pair per outsider, so the work is linear in the accounts.
#include "sensitivity.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "edit.hpp"   // kMaxMagnitude: the largest weight a file can hold

namespace kc {
namespace {

// [SECTION] an account's index as a function of the weight ---------------------------

// (a + w·x)/(b + w·h): the weighted index without its factor 100, which changes no
// comparison. h = 1 when the account has a score on the criterion, x that score
// normalised; h = x = 0 otherwise.
struct IndexLine {
    double a = 0, b = 0, x = 0, h = 0;
    bool rated_at(double w) const { return b + w * h > 0; }
};

std::vector<IndexLine> index_lines(const Portfolio& p, int criterion) {
    std::vector<IndexLine> lines(p.accounts.size());
    for (std::size_t i = 0; i < p.accounts.size(); ++i) {
        const std::vector<double>& scores = p.accounts[i].scores;
        IndexLine& line = lines[i];
        for (std::size_t c = 0; c < p.criteria.size() && c < scores.size(); ++c) {
            if (!has_score(scores[c])) continue;
            const Criterion& k = p.criteria[c];
            const double normalised = (scores[c] - k.min) / (k.max - k.min);
            if (static_cast<int>(c) == criterion) {
                line.x = normalised;
                line.h = 1;
            } else {
                line.a += k.weight * normalised;
                line.b += k.weight;
            }
        }
    }
    return lines;
}

// [SECTION] one pair -------------------------------------------------------------------

// Where the order of two accounts changes, seen from the current weight.
struct Candidate {
    double weight;
    bool included;   // the order at `weight` itself is still the current one
    int rising, falling;
};

// Two accounts, `ahead` before `behind` in the current ranking.
struct Pair {
    const IndexLine& ahead;
    const IndexLine& behind;
    int ahead_account, behind_account;
    bool ahead_wins_tie;   // its id comes first in byte order

    // The sign of ahead's index minus behind's at w (both denominators are positive
    // where both are rated); differences within rounding of the products count as a tie.
    int lead(double w) const {
        const double first = (ahead.a + w * ahead.x) * (behind.b + w * behind.h);
        const double second = (behind.a + w * behind.x) * (ahead.b + w * ahead.h);
        const double difference = first - second;
        if (std::fabs(difference) <= 1e-12 * (std::fabs(first) + std::fabs(second))) return 0;
        return difference > 0 ? 1 : -1;
    }

    // The weights where the two indexes are equal: the real roots of lead's quadratic
    // q2·w² + q1·w + q0, ascending. None when it is 0 everywhere (the same index for
    // every weight, so the ids keep the order) or nowhere.
    std::array<double, 2> crossings(int& count) const {
        const IndexLine& p = ahead;
        const IndexLine& q = behind;
        // A coefficient whose terms cancel exactly in real arithmetic (two accounts with
        // the same score on the criterion, say) comes out as rounding noise, which would
        // put a crossing far away where there is none: within rounding of its terms it is 0.
        auto coefficient = [](double plus_1, double plus_2, double minus_1, double minus_2) {
            const double value = (plus_1 + plus_2) - (minus_1 + minus_2);
            const double size = std::fabs(plus_1) + std::fabs(plus_2) + std::fabs(minus_1) + std::fabs(minus_2);
            return std::fabs(value) <= 1e-12 * size ? 0.0 : value;
        };
        const double q2 = coefficient(p.x * q.h, 0, q.x * p.h, 0);
        const double q1 = coefficient(p.a * q.h, p.x * q.b, q.a * p.h, q.x * p.b);
        const double q0 = coefficient(p.a * q.b, 0, q.a * p.b, 0);
        count = 0;
        if (q2 == 0) {
            if (q1 == 0) return {};
            count = 1;
            return {-q0 / q1, 0};
        }
        // Two indexes that touch without crossing have a double root; rounding must not
        // split it into two roots a square root of the noise apart.
        const double discriminant = coefficient(q1 * q1, 0, 4 * q2 * q0, 0);
        if (discriminant < 0) return {};
        if (discriminant == 0) {
            count = 1;
            return {-q1 / (2 * q2), 0};
        }
        // The stable form: no cancellation between q1 and the square root.
        const double t = -0.5 * (q1 + std::copysign(std::sqrt(discriminant), q1));
        const double first = t / q2;
        const double second = t != 0 ? q0 / t : first;
        count = 2;
        return {std::min(first, second), std::max(first, second)};
    }

    // Whether `behind` is first at w: it leads, or the two tie and its id comes first.
    bool behind_first(double w) const {
        const int sign = lead(w);
        return sign < 0 || (sign == 0 && !ahead_wins_tie);
    }

    // The same for the open interval (from, to), which holds no crossing: the order is
    // the same all through, except at a point where the indexes touch without crossing,
    // so a tie at one probe is only believed when the others tie too (the same index
    // for every weight).
    bool behind_first_between(double from, double to) const {
        for (double t : {0.5, 0.381966, 0.618034}) {
            const int sign = lead(from + t * (to - from));
            if (sign != 0) return sign < 0;
        }
        return !ahead_wins_tie;
    }

    Candidate at(double weight, bool included) const { return {weight, included, behind_account, ahead_account}; }
};

// Walking from w0 in one direction: at each crossing a tie the ids decide against the
// order (a change at the crossing itself), or beyond it `behind` leads (a change just
// after it). Crossings within `tolerance` of w0 are w0 itself, whose order is given.
std::optional<Candidate> first_change_up(const Pair& pair, double w0, double tolerance) {
    int count = 0;
    const std::array<double, 2> roots = pair.crossings(count);
    std::array<double, 3> points{w0};
    int n = 1;
    for (int r = 0; r < count; ++r)
        if (roots[r] > w0 + tolerance) points[n++] = roots[r];
    for (int i = 0; i < n; ++i) {
        if (i > 0 && !pair.ahead_wins_tie) return pair.at(points[i], false);
        const double end = i + 1 < n ? points[i + 1] : points[i] + std::max(1.0, points[i]);
        if (pair.behind_first_between(points[i], end)) return pair.at(points[i], true);
    }
    return std::nullopt;
}

// The same towards 0, stopping short of it: at 0 itself indexes may vanish, which
// change_at_zero looks at.
std::optional<Candidate> first_change_down(const Pair& pair, double w0, double tolerance) {
    int count = 0;
    const std::array<double, 2> roots = pair.crossings(count);
    std::array<double, 3> points{w0};
    int n = 1;
    for (int r = count - 1; r >= 0; --r)
        if (roots[r] < w0 - tolerance && roots[r] > tolerance) points[n++] = roots[r];
    for (int i = 0; i < n; ++i) {
        if (i > 0 && !pair.ahead_wins_tie) return pair.at(points[i], false);
        const double end = i + 1 < n ? points[i + 1] : 0.0;
        if (pair.behind_first_between(points[i], end)) return pair.at(points[i], true);
    }
    return std::nullopt;
}

// At weight 0, for two accounts that both keep an index there: a tie the ids decide
// against the order, or behind ahead outright.
std::optional<Candidate> change_at_zero(const Pair& pair) {
    if (pair.behind_first(0)) return pair.at(0, false);
    return std::nullopt;
}

// [SECTION] the whole top ----------------------------------------------------------------

// Whether `a` is a nearer limit than `b` (`up`: a lower weight; down: a higher one). At
// the same weight (within `tolerance`: several pairs often tie at one weight, and each
// pair's root carries its own rounding) a change at the weight itself comes before one
// just beyond it.
bool nearer(const Candidate& a, const Candidate& b, bool up, double tolerance) {
    if (std::fabs(a.weight - b.weight) > tolerance) return up ? a.weight < b.weight : a.weight > b.weight;
    return !a.included && b.included;
}

void keep_nearest(std::optional<Candidate>& best, const std::optional<Candidate>& found, bool up,
                  double tolerance) {
    if (found && (!best || nearer(*found, *best, up, tolerance))) best = found;
}

WeightLimit limit_of(const std::optional<Candidate>& found) {
    WeightLimit limit;
    if (!found) return limit;
    limit.changes = true;
    limit.weight = found->weight;
    limit.included = found->included;
    limit.rising = found->rising;
    limit.falling = found->falling;
    return limit;
}

// The top of the current ranking, the accounts outside it, and the scans of both sides.
class TopScan {
public:
    TopScan(const Portfolio& portfolio, const Report& report, int criterion, int top)
        : report_(report), lines_(index_lines(portfolio, criterion)),
          w0_(portfolio.criteria[static_cast<std::size_t>(criterion)].weight) {
        double scale = w0_;
        for (const Criterion& c : portfolio.criteria) scale = std::max(scale, c.weight);
        tolerance_ = 1e-9 * (scale > 0 ? scale : 1.0);
        split_ranking(top);
        // Above weight 0 an account scored only on this criterion (its other weights all
        // 0) gains an index; at weight 0 it has none, so it is not in the ranking yet.
        if (w0_ == 0)
            for (std::size_t i = 0; i < lines_.size(); ++i)
                if (!lines_[i].rated_at(0) && lines_[i].h > 0) arriving_.push_back(static_cast<int>(i));
    }

    int top() const { return static_cast<int>(members_.size()); }

    WeightLimit up(int places) const {
        // A top with room takes any account that gains an index just above 0.
        if (!arriving_.empty() && top() < places) return limit_of(Candidate{0, true, best_arriving(), -1});
        std::optional<Candidate> best;
        for_each_pair(arriving_, [&](const Pair& pair) {
            keep_nearest(best, first_change_up(pair, w0_, tolerance_), true, tolerance_);
        });
        if (best && best->weight > kMaxMagnitude) best.reset();   // no file can hold that weight
        return limit_of(best);
    }

    WeightLimit down() const {
        if (w0_ == 0) return {};   // nowhere to go
        std::optional<Candidate> best;
        for_each_pair({}, [&](const Pair& pair) {
            keep_nearest(best, first_change_down(pair, w0_, tolerance_), false, tolerance_);
        });
        if (best) return limit_of(best);
        // Down to just above 0 nothing changes; at 0 a member may lose its index, or
        // two indexes that stay may tie there.
        for (int member : members_)
            if (!line(member).rated_at(0)) return limit_of(Candidate{0, false, -1, member});
        for_each_pair({}, [&](const Pair& pair) {
            if (pair.ahead.rated_at(0) && pair.behind.rated_at(0))
                keep_nearest(best, change_at_zero(pair), false, tolerance_);
        });
        return limit_of(best);
    }

private:
    const IndexLine& line(int account) const { return lines_[static_cast<std::size_t>(account)]; }
    double index_of(int account) const { return *report_.rating.of[static_cast<std::size_t>(account)].weighted_index; }
    bool id_before(int a, int b) const {
        return report_.id_rank[static_cast<std::size_t>(a)] < report_.id_rank[static_cast<std::size_t>(b)];
    }
    static bool same_index(double x, double y) { return std::fabs(x - y) <= 1e-12 * std::max(1.0, std::fabs(x)); }

    // The report's rated accounts into the top and the rest. Indexes equal in exact
    // arithmetic can differ in their last bits, and the ranking follows the bits; here a
    // run of such ties is a tie, put in id order like every tie of the spec, so that the
    // current top agrees with the crossings computed below.
    void split_ranking(int top) {
        const std::vector<int>& ranking = report_.rating.ranking;
        std::size_t rated = 0;   // nulls come last
        while (rated < ranking.size() && report_.rating.of[static_cast<std::size_t>(ranking[rated])].weighted_index)
            ++rated;
        std::size_t next = 0;
        while (next < rated && static_cast<int>(members_.size()) < top) {
            std::size_t end = next + 1;
            while (end < rated && same_index(index_of(ranking[end - 1]), index_of(ranking[end]))) ++end;
            std::vector<int> run(ranking.begin() + static_cast<std::ptrdiff_t>(next),
                                 ranking.begin() + static_cast<std::ptrdiff_t>(end));
            std::sort(run.begin(), run.end(), [&](int a, int b) { return id_before(a, b); });
            for (int account : run)
                (static_cast<int>(members_.size()) < top ? members_ : outsiders_).push_back(account);
            next = end;
        }
        outsiders_.insert(outsiders_.end(), ranking.begin() + static_cast<std::ptrdiff_t>(next),
                          ranking.begin() + static_cast<std::ptrdiff_t>(rated));
    }

    Pair pair_of(int ahead, int behind) const {
        return {line(ahead), line(behind), ahead, behind, id_before(ahead, behind)};
    }

    // Neighbours in the top, then the last member with each outsider (and with `extra`).
    template <typename Visit>
    void for_each_pair(const std::vector<int>& extra, Visit visit) const {
        for (std::size_t m = 1; m < members_.size(); ++m) visit(pair_of(members_[m - 1], members_[m]));
        if (members_.empty()) return;
        for (int outsider : outsiders_) visit(pair_of(members_.back(), outsider));
        for (int outsider : extra) visit(pair_of(members_.back(), outsider));
    }

    // Of the accounts that gain an index above 0, the one that ranks first there.
    int best_arriving() const {
        int best = arriving_.front();
        for (int i : arriving_)
            if (line(i).x > line(best).x || (line(i).x == line(best).x && id_before(i, best))) best = i;
        return best;
    }

    const Report& report_;
    std::vector<IndexLine> lines_;
    double w0_;
    double tolerance_ = 0;
    std::vector<int> members_;     // the top, in order
    std::vector<int> outsiders_;   // every other account with an index
    std::vector<int> arriving_;    // at weight 0: accounts that gain an index above it
};

}  // namespace

WeightSensitivity weight_sensitivity(const Portfolio& portfolio, const Report& report, int criterion, int top) {
    WeightSensitivity result;
    if (criterion < 0 || static_cast<std::size_t>(criterion) >= portfolio.criteria.size()) return result;
    top = std::max(top, 1);
    const TopScan scan(portfolio, report, criterion, top);
    result.criterion = criterion;
    result.weight = portfolio.criteria[static_cast<std::size_t>(criterion)].weight;
    result.top = scan.top();
    result.down = scan.down();
    result.up = scan.up(top);
    return result;
}

}  // namespace kc
