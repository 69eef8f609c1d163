// Sensitivity of the weighted ranking to one criterion's weight (docs/analysis-extensions.md,
// section 9): how far that weight can move down and up, the other weights fixed, before
// the top of the ranking changes.
//
// The top: the first `top` places (10 by default) of the weighted ranking of
// ../shared/spec/analysis.md (weighted_index desc, ties by id), counting only accounts
// that have a weighted index; with fewer such accounts, all of them. It changes when
// its members or their order change: an account passes another inside the top, an
// account from outside passes the last one, or an account gains or loses its index
// (that happens only at weight 0).
//
// Computed exactly, not by trying weights: with w the criterion's weight, an account's
// weighted index is 100·(a + w·x)/(b + w·h): a and b sum weight·normalised score and
// weight over its other scored criteria, x is its normalised score on this criterion and
// h is 1 when it has one (else x = h = 0, and the index does not depend on w). Two such
// indexes are equal where a quadratic in w is 0, so the top can change only at those
// roots (or at w = 0); between them it stays as it is.
#pragma once

#include "analysis.hpp"
#include "model.hpp"

namespace kc {

inline constexpr int kSensitivityTop = 10;

// One side (down or up) of the range of weights that keep the top as it is.
struct WeightLimit {
    // False: the top never changes on this side (the weight can go down to 0 included,
    // or up to any weight a file can hold, 1e15). The rest is then meaningless.
    bool changes = false;
    // The weight where the top changes.
    double weight = 0;
    // Whether the top is still the current one at `weight` itself (the change comes just
    // beyond it) or not (the change comes at `weight`, where two indexes tie and the
    // ids decide). In exact arithmetic; at `weight` itself the rounding of the
    // analysis may tip an exact tie either way.
    bool included = false;
    // What happens there: account `rising` moves ahead of account `falling`. One is -1
    // when an index appears or disappears at weight 0: `falling` leaves the top without
    // a `rising` (its index becomes null), or `rising` enters a top that had fewer than
    // `top` places without a `falling`.
    int rising = -1;
    int falling = -1;
};

struct WeightSensitivity {
    int criterion = -1;
    double weight = 0;     // the criterion's current weight
    int top = 0;           // places in the top: the `top` asked for, or fewer rated accounts
    WeightLimit down;      // lowering the weight
    WeightLimit up;        // raising it
};

// For criterion `criterion` of `portfolio`; `report` must be its current analysis (any
// year: the rating does not depend on it). The current top is the report's ranking.
WeightSensitivity weight_sensitivity(const Portfolio& portfolio, const Report& report, int criterion,
                                     int top = kSensitivityTop);

}  // namespace kc
