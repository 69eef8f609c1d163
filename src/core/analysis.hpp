// The analyses of ../shared/spec/analysis.md (pyramid, Pareto/ABC, rating, matrix,
// wallet, retention) plus the extensions of docs/analysis-extensions.md (pyramid
// migration, breakdowns per segment/region/product), computed in one pass into one
// Report value. Per-account results are vectors indexed like Portfolio::accounts, so a
// view finds account i in O(1); ordered lists (ranking, rank order) hold account indices.
#pragma once

#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model.hpp"

namespace kc {

// [SECTION] enums of the report ----------------------------------------------------

// The seven layers in Curry's order, top of the pyramid first. The order is also the
// "higher/lower" of the migration summary (see docs/analysis-extensions.md).
enum class Layer : std::uint8_t { top, large, medium, small, inactive, prospect, suspect };
inline constexpr int kLayerCount = 7;
inline constexpr std::array<Layer, kLayerCount> kAllLayers = {
    Layer::top, Layer::large, Layer::medium, Layer::small,
    Layer::inactive, Layer::prospect, Layer::suspect};
inline bool is_customer_layer(Layer layer) { return layer <= Layer::small; }

enum class AbcClass : std::uint8_t { none, a, b, c };          // none: not a customer
enum class Quadrant : std::uint8_t { none, key, key_development, maintenance, opportunistic };
enum class RetentionStatus : std::uint8_t { none, retained, lost, new_customer, reactivated };

// The report's strings: "top", "A", "key_development", "reactivated"; "" for none.
std::string_view to_string(Layer value);
std::string_view to_string(AbcClass value);
std::string_view to_string(Quadrant value);
std::string_view to_string(RetentionStatus value);

// A per-account figure that may be null, in 8 bytes instead of std::optional's 16:
// NaN stands for null (an index, axis or share is never NaN otherwise). Reads like
// std::optional<double>. With a million accounts the smaller rows are tens of MB less.
class OptionalDouble {
public:
    OptionalDouble() = default;
    OptionalDouble(std::nullopt_t) {}
    OptionalDouble(double value) : value_(value) {}
    bool has_value() const { return !std::isnan(value_); }
    explicit operator bool() const { return has_value(); }
    double operator*() const { return value_; }
    double value_or(double fallback) const { return has_value() ? value_ : fallback; }
    friend bool operator==(OptionalDouble a, OptionalDouble b) {
        return a.has_value() ? b.has_value() && a.value_ == b.value_ : !b.has_value();
    }

private:
    double value_ = std::numeric_limits<double>::quiet_NaN();
};

// [SECTION] the sections ------------------------------------------------------------

struct LayerFigures {
    int count = 0;
    double revenue = 0;          // 0 for the three lower layers
    double revenue_share = 0;    // of the customers' total; 0 when that is 0
    double account_share = 0;    // of all accounts; 0 when there are none
};

struct PyramidReport {
    std::array<LayerFigures, kLayerCount> layers{};   // indexed by Layer
    std::vector<Layer> layer_of;                      // per account
    std::vector<int> rank_of;                         // per account: 1..n, 0 for non-customers
    std::vector<int> by_revenue;                      // customers, rank order (rev desc, id asc)
    // Last rank of top, large and medium: the exact ceilings of section 1.
    std::array<int, 3> last_rank{};
};

struct ParetoReport {
    int customers = 0;
    double total_revenue = 0;
    int accounts_for_80 = 0;
    double share_of_accounts_for_80 = 0;
    int top20_count = 0;
    double top20_revenue_share = 0;
    double gini = 0;
    int accounts_for_95 = 0;                 // last rank of class B
    std::vector<AbcClass> abc_of;            // per account; none for non-customers
    std::vector<double> cumulative_share;    // C(k)/T for k = 1..n (the Pareto curve)
};

struct RatingFigures {
    double unweighted_total = 0;
    double weighted_total = 0;
    OptionalDouble unweighted_index;         // null: no scores
    OptionalDouble weighted_index;           // null: no scores or all their weights 0
    bool complete = true;                    // a score for every criterion
};

struct RatingReport {
    std::vector<RatingFigures> of;   // per account
    std::vector<int> ranking;        // weighted_index desc, null last, ties by id
    std::vector<int> place_of;       // per account: 1-based place in `ranking`
    // Extension (docs/analysis-extensions.md, section 9): the same ranking by
    // unweighted_index (desc, null last, ties by id), so a view can show what weighting does.
    std::vector<int> unweighted_ranking;
    std::vector<int> unweighted_place_of;   // per account: 1-based place in `unweighted_ranking`

    // How many places the weighting moves the account up (negative: down, 0: the same).
    int places_moved(int account) const {
        return unweighted_place_of[static_cast<std::size_t>(account)] - place_of[static_cast<std::size_t>(account)];
    }
};

struct MatrixPlacement {
    OptionalDouble attractiveness;
    OptionalDouble position;
    Quadrant quadrant = Quadrant::none;      // none when either axis is null
};

struct MatrixReport {
    double x_threshold = 50;                 // position
    double y_threshold = 50;                 // attractiveness
    std::vector<MatrixPlacement> of;         // per account
    std::array<int, 5> quadrant_counts{};    // indexed by Quadrant (none = not placed)
};

struct WalletFigures {
    OptionalDouble share_of_wallet;          // null: no wallet in Y (wallet(a, Y) = 0)
    double room = 0;
    bool has_wallet() const { return share_of_wallet.has_value(); }
};

struct WalletReport {
    std::optional<double> share_of_wallet;   // Σ rev / Σ wallet over accounts with a wallet
    double revenue = 0;                      // Σ rev over accounts with a wallet
    double wallet = 0;                       // Σ wallet
    double room = 0;                         // Σ room
    std::vector<int> accounts;               // accounts with a wallet, file order
    std::vector<WalletFigures> of;           // per account
};

struct RetentionReport {
    std::optional<int> previous_year;        // Y − 1; null with Y
    int customers_previous = 0;              // |P|
    int retained = 0, lost = 0, new_customers = 0, reactivated = 0;
    std::optional<double> retention_rate;
    std::optional<double> net_revenue_retention;
    double revenue_previous = 0;             // Σ_{a∈P} rev(a, Y−1)
    double revenue_of_previous_now = 0;      // Σ_{a∈P} rev(a, Y)
    std::vector<RetentionStatus> status_of;  // per account
};

// Extension: how accounts moved between the layers of Y − 1 and of Y.
struct MigrationReport {
    std::optional<int> from_year, to_year;                // null with Y
    std::vector<Layer> previous_layer_of;                 // per account: layer in Y − 1
    std::array<std::array<int, kLayerCount>, kLayerCount> counts{};   // [from][to]
    int up = 0, down = 0, unchanged = 0;
    // The accounts of all cells in one array, cell [from][to] at index from·7 + to
    // running from cell_begin[cell] to cell_begin[cell + 1]; within a cell in the order
    // of report_layer_order (Y's ranks first). accounts_in() gives one cell.
    std::vector<int> cell_accounts;
    std::array<int, kLayerCount * kLayerCount + 1> cell_begin{};

    std::span<const int> accounts_in(Layer from, Layer to) const {
        const auto cell = static_cast<std::size_t>(from) * kLayerCount + static_cast<std::size_t>(to);
        return std::span<const int>(cell_accounts).subspan(static_cast<std::size_t>(cell_begin[cell]),
                                                           static_cast<std::size_t>(cell_begin[cell + 1] - cell_begin[cell]));
    }
};

// Extension: figures per segment, region or product group.
struct GroupFigures {
    std::optional<std::string> key;          // null: accounts without a value
    int accounts = 0;
    int customers = 0;                       // rev(a, Y) > 0
    double revenue = 0;                      // Σ rev(a, Y)
    double revenue_share = 0;                // of the customers' total; 0 when that is 0
    double wallet = 0;                       // Σ wallet(a, Y)
    double revenue_with_wallet = 0;          // Σ rev(a, Y) over accounts with wallet(a, Y) > 0
    std::optional<double> share_of_wallet;   // revenue_with_wallet / wallet; null when wallet 0
};

struct Breakdown {
    // Revenue desc, ties by key (byte order), the null-key group last.
    std::vector<GroupFigures> groups;
    // Per account: index into `groups` (segment and region only; an account may be in
    // several product groups, see Account::products).
    std::vector<int> group_of;
};

struct BreakdownsReport {
    Breakdown segment, region, product;
};

// [SECTION] the report ----------------------------------------------------------------

struct Report {
    std::optional<int> year;                 // Y; null when no year can be found
    int accounts = 0;
    std::vector<double> revenue_of;          // rev(a, Y) per account; 0 when Y is null
    std::vector<int> id_rank;                // per account: place of its id in byte order, from 0
    PyramidReport pyramid;
    ParetoReport pareto;
    RatingReport rating;
    MatrixReport matrix;
    WalletReport wallet;
    RetentionReport retention;
    MigrationReport migration;
    BreakdownsReport breakdowns;
};

// Every figure of the spec and the extensions for `year` (see analysis_year). Any
// year works, also one without data; only INT_MIN is out (it has no Y − 1).
Report analyze(const Portfolio& portfolio, std::optional<int> year = {});

// What changed since `report` was made, for recompute_rating: `weights` when only
// criterion weights, axes or matrix thresholds did (the unweighted figures, and so their
// ranking, stay as they are: one sort of all accounts less), `scores` for anything else
// of the rating (scores, ranges, criteria added, removed or moved).
enum class RatingChange { scores, weights };

// Recomputes only rating and matrix: enough after an edit of scores, weights, ranges,
// axes, criteria or matrix thresholds (nothing else of the report depends on them), and
// then exactly what analyze() would give. Not after adding, removing or renaming
// accounts: that needs analyze.
void recompute_rating(const Portfolio& portfolio, Report& report, RatingChange change = RatingChange::scores);

// recompute_rating(…, RatingChange::weights) done a slice at a time, for a caller that
// must not stop for all of it at once (a frame of the app at 100,000 accounts): rating
// every account, sorting them by weighted index and placing them, a few thousand
// accounts a slice. It ends with exactly what recompute_rating gives.
class WeightingUpdate {
public:
    // Takes what it needs of `portfolio` now (the criteria's weights, scales and axes, the
    // matrix thresholds), so those may change meanwhile; the accounts and their scores must
    // not. `report`: the portfolio's report as it was before the change (its id ranks).
    WeightingUpdate(const Portfolio& portfolio, const Report& report);
    ~WeightingUpdate();
    WeightingUpdate(WeightingUpdate&&) noexcept;
    WeightingUpdate& operator=(WeightingUpdate&&) noexcept;

    // Works slice by slice until `deadline` has passed (one slice at least). True when done.
    bool advance(std::chrono::steady_clock::time_point deadline);
    bool done() const;
    // Puts the new rating and matrix into `report` (the one it started from); once done.
    void finish(Report& report);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Every year that occurs in any account's revenue or wallet, ascending, once.
std::vector<int> years_in(const Portfolio& portfolio);

// Y: `requested`, else portfolio.year, else the latest year with revenue > 0 in any
// account; null when none of these exists.
std::optional<int> analysis_year(const Portfolio& portfolio, std::optional<int> requested);

// ceil(n · percent / 100), exactly: in integers when `percent` is integral, else with
// 1e-9 taken off before rounding up (section 1). Clamped to 0..n.
int ceil_percent_of(int n, double percent);

// Every account once: the customers in rank order, then the others in file order
// (the order of `layer_of` in the report JSON).
std::vector<int> report_layer_order(const Report& report);

}  // namespace kc
