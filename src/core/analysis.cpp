// The analysis engine: one pass from a Portfolio to a Report (see analysis.hpp).
//
// Built for a million accounts: each account's revenue is read once into flat arrays,
// the only sorts are index sorts on precomputed keys (the id is compared on ties
// only), and the formulas mirror the spec term by term so results match the
// reference reports to the last bits the tolerance allows.
#include "analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace kc {

// [SECTION] strings ---------------------------------------------------------------------

std::string_view to_string(Layer value) {
    switch (value) {
        case Layer::top: return "top";
        case Layer::large: return "large";
        case Layer::medium: return "medium";
        case Layer::small: return "small";
        case Layer::inactive: return "inactive";
        case Layer::prospect: return "prospect";
        case Layer::suspect: return "suspect";
    }
    return "";
}

std::string_view to_string(AbcClass value) {
    switch (value) {
        case AbcClass::a: return "A";
        case AbcClass::b: return "B";
        case AbcClass::c: return "C";
        case AbcClass::none: break;
    }
    return "";
}

std::string_view to_string(Quadrant value) {
    switch (value) {
        case Quadrant::key: return "key";
        case Quadrant::key_development: return "key_development";
        case Quadrant::maintenance: return "maintenance";
        case Quadrant::opportunistic: return "opportunistic";
        case Quadrant::none: break;
    }
    return "";
}

std::string_view to_string(RetentionStatus value) {
    switch (value) {
        case RetentionStatus::retained: return "retained";
        case RetentionStatus::lost: return "lost";
        case RetentionStatus::new_customer: return "new";
        case RetentionStatus::reactivated: return "reactivated";
        case RetentionStatus::none: break;
    }
    return "";
}

// [SECTION] small rules -------------------------------------------------------------------

namespace {

// Section 2: "≥" with a relative tolerance, so that C(k) that should equal 0.8·T but
// came out a rounding step below still counts.
constexpr double kRelativeTolerance = 1e-9;
bool at_least(double value, double target) {
    return value >= target - kRelativeTolerance * std::fabs(target);
}

double share(double part, double whole) { return whole != 0 ? part / whole : 0.0; }

// Each account keeps its revenue, wallet, scores and products in small blocks of their
// own, and reading one is a cache miss that the processor cannot foresee. Asking for
// the block of an account a few places ahead hides most of that wait; a hint only (a
// no-op where the compiler has no such builtin, and in WebAssembly).
constexpr std::size_t kLookAhead = 8;
inline void prefetch(const void* address) {
#if defined(__GNUC__) || defined(__clang__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

// What the year-dependent sections need of every account, read in one pass over the
// accounts (each account's revenue and wallet live in their own small heap blocks).
struct YearColumns {
    std::vector<double> revenue;                  // rev(a, Y)
    std::vector<double> previous;                 // rev(a, Y − 1)
    std::vector<double> wallet;                   // wallet(a, Y)
    std::vector<std::uint8_t> sold_before;        // rev(a, y) > 0 for some y < Y
    std::vector<std::uint8_t> sold_before_previous;   // ... for some y < Y − 1
};

// With no year every column is 0. Years compare as 64-bit so that Y − 1 cannot
// overflow whatever year a caller passes.
YearColumns year_columns(const Portfolio& portfolio, std::optional<int> year) {
    const std::size_t count = portfolio.accounts.size();
    YearColumns c;
    c.revenue.assign(count, 0.0);
    c.previous.assign(count, 0.0);
    c.wallet.assign(count, 0.0);
    c.sold_before.assign(count, 0);
    c.sold_before_previous.assign(count, 0);
    if (!year) return c;
    const std::int64_t previous_year = std::int64_t{*year} - 1;
    for (std::size_t i = 0; i < count; ++i) {
        if (i + kLookAhead < count) {
            prefetch(portfolio.accounts[i + kLookAhead].revenue.items.data());
            prefetch(portfolio.accounts[i + kLookAhead].wallet.items.data());
        }
        const Account& a = portfolio.accounts[i];
        for (const auto& [y, amount] : a.revenue.items) {
            if (y == *year) c.revenue[i] = amount;
            else if (y == previous_year) c.previous[i] = amount;
            else if (y < previous_year && amount > 0) c.sold_before_previous[i] = 1;
        }
        c.sold_before[i] = c.sold_before_previous[i] || c.previous[i] > 0;
        c.wallet[i] = a.wallet.get(*year);
    }
    return c;
}

// Section 1, steps 2–4: where a non-customer goes.
Layer lower_layer(Status status, bool sold_before) {
    if (status == Status::inactive || sold_before) return Layer::inactive;
    if (status == Status::suspect) return Layer::suspect;
    return Layer::prospect;
}

Layer customer_layer(int rank, const std::array<int, 3>& last_rank) {
    if (rank <= last_rank[0]) return Layer::top;
    if (rank <= last_rank[1]) return Layer::large;
    if (rank <= last_rank[2]) return Layer::medium;
    return Layer::small;
}

// The first 16 bytes of an id as two big-endian numbers: comparing them is comparing
// the ids in byte order, as far as those bytes go.
struct IdPrefix {
    std::uint64_t high = 0, low = 0;
    explicit IdPrefix(const std::string& id) {
        for (std::size_t j = 0; j < 16; ++j) {
            const std::uint64_t byte = j < id.size() ? static_cast<unsigned char>(id[j]) : 0;
            std::uint64_t& half = j < 8 ? high : low;
            half = (half << 8) | byte;
        }
    }
};

// Every account's place among all ids in byte order. The sorts below break ties with
// it, an integer at hand, instead of fetching two ids from the accounts (a cache miss
// each, which made the rating sort with its many equal indexes slow).
std::vector<int> id_ranks(const Portfolio& portfolio) {
    struct Key { std::uint64_t high, low; int account; };
    const std::size_t count = portfolio.accounts.size();
    std::vector<Key> keys(count);
    for (std::size_t i = 0; i < count; ++i) {
        const IdPrefix prefix(portfolio.accounts[i].id);
        keys[i] = {prefix.high, prefix.low, static_cast<int>(i)};
    }
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
        if (a.high != b.high) return a.high < b.high;
        if (a.low != b.low) return a.low < b.low;
        const std::string& x = portfolio.accounts[a.account].id;   // std::string compares bytes unsigned
        const std::string& y = portfolio.accounts[b.account].id;
        if (x != y) return x < y;
        return a.account < b.account;
    });
    std::vector<int> ranks(count);
    for (std::size_t k = 0; k < count; ++k) ranks[keys[k].account] = static_cast<int>(k);
    return ranks;
}

// A sort key: a figure, and the id's rank to break ties.
struct RankKey {
    double figure;
    int id_rank;
    int account;
};

// Figure desc, ties by id in byte order; gives the accounts in that order.
std::vector<int> sorted_accounts(std::vector<RankKey>& keys) {
    std::sort(keys.begin(), keys.end(), [](const RankKey& a, const RankKey& b) {
        if (a.figure != b.figure) return a.figure > b.figure;
        return a.id_rank < b.id_rank;
    });
    std::vector<int> order;
    order.reserve(keys.size());
    for (const auto& key : keys) order.push_back(key.account);
    return order;
}

// The customers (revenue > 0) by revenue desc, ties by id in byte order.
std::vector<int> customers_by_revenue(const std::vector<double>& revenue, const std::vector<int>& id_rank) {
    std::vector<RankKey> keys;
    keys.reserve(revenue.size());
    for (std::size_t i = 0; i < revenue.size(); ++i)
        if (revenue[i] > 0) keys.push_back({revenue[i], id_rank[i], static_cast<int>(i)});
    return sorted_accounts(keys);
}

// The layers of one year: Y for the pyramid, Y − 1 for the migration.
struct LayerAssignment {
    std::vector<Layer> layer_of;
    std::vector<int> rank_of;
    std::vector<int> by_revenue;
    std::array<int, 3> last_rank{};
};

LayerAssignment assign_layers(const Portfolio& portfolio, const std::vector<double>& revenue,
                              const std::vector<std::uint8_t>& sold_before, const std::vector<int>& id_rank) {
    LayerAssignment result;
    const std::size_t count = portfolio.accounts.size();
    result.by_revenue = customers_by_revenue(revenue, id_rank);
    const int n = static_cast<int>(result.by_revenue.size());
    const Pyramid& pyramid = portfolio.info.pyramid;
    const double top_large = pyramid.top + pyramid.large;
    result.last_rank = {ceil_percent_of(n, pyramid.top), ceil_percent_of(n, top_large),
                        ceil_percent_of(n, top_large + pyramid.medium)};

    result.layer_of.resize(count);
    result.rank_of.assign(count, 0);
    for (int r = 1; r <= n; ++r) {
        const int account = result.by_revenue[r - 1];
        result.rank_of[account] = r;
        result.layer_of[account] = customer_layer(r, result.last_rank);
    }
    for (std::size_t i = 0; i < count; ++i)
        if (result.rank_of[i] == 0)
            result.layer_of[i] = lower_layer(portfolio.accounts[i].status, sold_before[i] != 0);
    return result;
}

// T, the customers' total, summed in rank order (biggest first).
double rank_order_total(const std::vector<int>& by_revenue, const std::vector<double>& revenue) {
    double total = 0;
    for (int account : by_revenue) total += revenue[account];
    return total;
}

// [SECTION] sections -----------------------------------------------------------------------

void fill_pyramid(const Portfolio& portfolio, LayerAssignment layers,
                  const std::vector<double>& revenue, PyramidReport& out) {
    // Layer sums run in file order and the total in rank order, as in the reference
    // reports, so that even the last bits agree.
    for (std::size_t i = 0; i < layers.layer_of.size(); ++i) {
        LayerFigures& figures = out.layers[static_cast<std::size_t>(layers.layer_of[i])];
        ++figures.count;
        if (layers.rank_of[i] != 0) figures.revenue += revenue[i];
    }
    const double customers_total = rank_order_total(layers.by_revenue, revenue);
    const double accounts = static_cast<double>(portfolio.accounts.size());
    for (auto& figures : out.layers) {
        figures.revenue_share = share(figures.revenue, customers_total);
        figures.account_share = share(figures.count, accounts);
    }
    out.layer_of = std::move(layers.layer_of);
    out.rank_of = std::move(layers.rank_of);
    out.by_revenue = std::move(layers.by_revenue);
    out.last_rank = layers.last_rank;
}

void fill_pareto(const std::vector<int>& by_revenue, const std::vector<double>& revenue,
                 std::size_t account_count, ParetoReport& out) {
    const int n = static_cast<int>(by_revenue.size());
    out.customers = n;
    const double total = rank_order_total(by_revenue, revenue);
    out.total_revenue = total;

    out.abc_of.assign(account_count, AbcClass::none);
    out.cumulative_share.resize(n);
    out.top20_count = ceil_percent_of(n, 20);
    double cumulative = 0;
    for (int k = 1; k <= n; ++k) {
        cumulative += revenue[by_revenue[k - 1]];
        out.cumulative_share[k - 1] = cumulative / total;
        if (out.accounts_for_80 == 0 && at_least(cumulative, 0.8 * total)) out.accounts_for_80 = k;
        if (out.accounts_for_95 == 0 && at_least(cumulative, 0.95 * total)) out.accounts_for_95 = k;
        if (k == out.top20_count) out.top20_revenue_share = cumulative / total;
    }
    for (int k = 1; k <= n; ++k)
        out.abc_of[by_revenue[k - 1]] = k <= out.accounts_for_80 ? AbcClass::a
                                      : k <= out.accounts_for_95 ? AbcClass::b : AbcClass::c;
    out.share_of_accounts_for_80 = share(out.accounts_for_80, n);

    // Gini over the revenues ascending: x_i is the customer of rank n + 1 − i.
    if (n > 1 && total > 0) {
        double weighted = 0, sum = 0;
        for (int i = 1; i <= n; ++i) {
            const double x = revenue[by_revenue[n - i]];
            weighted += (2.0 * i - n - 1) * x;
            sum += x;
        }
        out.gini = weighted / (n * sum);
    }
}

// What the rating needs of one criterion, read once instead of once per account.
struct CriterionTerms {
    double weight, min, range;
    Axis axis;
};

// Running sums of a weighted index over some criteria.
struct IndexSums {
    double weighted = 0, weights = 0;
    void add(double weight, double normalised_weighted) { weighted += normalised_weighted; weights += weight; }
    OptionalDouble index() const {
        if (weights == 0) return std::nullopt;
        return 100.0 * weighted / weights;
    }
};

struct AccountRating {
    RatingFigures figures;
    MatrixPlacement placement;
};

AccountRating rate_account(const Account& account, const std::vector<CriterionTerms>& criteria,
                           const MatrixReport& matrix) {
    AccountRating result;
    RatingFigures& f = result.figures;
    double normalised_sum = 0;
    int scored = 0;
    IndexSums all, attractiveness, position;
    for (std::size_t c = 0; c < criteria.size(); ++c) {
        const double s = c < account.scores.size() ? account.scores[c] : kNoScore;
        if (!has_score(s)) {
            f.complete = false;
            continue;
        }
        const CriterionTerms& t = criteria[c];
        f.unweighted_total += s;
        f.weighted_total += t.weight * s;
        normalised_sum += (s - t.min) / t.range;
        ++scored;
        // w·(s − min)/(max − min), in the spec's order of operations.
        const double weighted_term = t.weight * (s - t.min) / t.range;
        all.add(t.weight, weighted_term);
        if (t.axis == Axis::attractiveness) attractiveness.add(t.weight, weighted_term);
        else if (t.axis == Axis::position) position.add(t.weight, weighted_term);
    }
    if (scored > 0) f.unweighted_index = 100.0 * normalised_sum / scored;
    f.weighted_index = all.index();

    MatrixPlacement& m = result.placement;
    m.attractiveness = attractiveness.index();
    m.position = position.index();
    if (m.attractiveness && m.position) {
        const bool attractive = *m.attractiveness >= matrix.y_threshold;
        const bool strong = *m.position >= matrix.x_threshold;
        m.quadrant = attractive ? (strong ? Quadrant::key : Quadrant::key_development)
                                : (strong ? Quadrant::maintenance : Quadrant::opportunistic);
    }
    return result;
}

// One index desc, null last, ties by id. A null sorts as −∞: a real index is always finite.
std::vector<int> rating_order(const std::vector<RatingFigures>& rating, const std::vector<int>& id_rank,
                              OptionalDouble RatingFigures::*index) {
    constexpr double kNullLast = -std::numeric_limits<double>::infinity();
    std::vector<RankKey> keys(rating.size());
    for (std::size_t i = 0; i < rating.size(); ++i)
        keys[i] = {(rating[i].*index).value_or(kNullLast), id_rank[i], static_cast<int>(i)};
    return sorted_accounts(keys);
}

// Each account's 1-based place in `order`.
void places_in(const std::vector<int>& order, std::vector<int>& place_of) {
    place_of.resize(order.size());
    for (std::size_t p = 0; p < order.size(); ++p) place_of[order[p]] = static_cast<int>(p) + 1;
}

void fill_wallet(const std::vector<double>& revenue, const std::vector<double>& wallet, WalletReport& out) {
    out.of.assign(revenue.size(), WalletFigures{});
    out.accounts.reserve(revenue.size());   // untouched pages cost nothing; no regrowth copies
    for (std::size_t i = 0; i < revenue.size(); ++i) {
        if (!(wallet[i] > 0)) continue;
        WalletFigures& f = out.of[i];
        f.share_of_wallet = revenue[i] / wallet[i];
        f.room = std::max(0.0, wallet[i] - revenue[i]);
        out.accounts.push_back(static_cast<int>(i));
        out.revenue += revenue[i];
        out.wallet += wallet[i];
        out.room += f.room;
    }
    if (!out.accounts.empty()) out.share_of_wallet = out.revenue / out.wallet;
}

void fill_retention(int year, const YearColumns& c, RetentionReport& out) {
    out.previous_year = year - 1;
    out.status_of.assign(c.revenue.size(), RetentionStatus::none);
    for (std::size_t i = 0; i < c.revenue.size(); ++i) {
        RetentionStatus status = RetentionStatus::none;
        if (c.previous[i] > 0) {
            ++out.customers_previous;
            out.revenue_previous += c.previous[i];
            out.revenue_of_previous_now += c.revenue[i];
            status = c.revenue[i] > 0 ? RetentionStatus::retained : RetentionStatus::lost;
        } else if (c.revenue[i] > 0) {
            status = c.sold_before_previous[i] ? RetentionStatus::reactivated : RetentionStatus::new_customer;
        }
        switch (status) {
            case RetentionStatus::retained: ++out.retained; break;
            case RetentionStatus::lost: ++out.lost; break;
            case RetentionStatus::new_customer: ++out.new_customers; break;
            case RetentionStatus::reactivated: ++out.reactivated; break;
            case RetentionStatus::none: break;
        }
        out.status_of[i] = status;
    }
    if (out.customers_previous > 0) {
        out.retention_rate = static_cast<double>(out.retained) / out.customers_previous;
        out.net_revenue_retention = out.revenue_of_previous_now / out.revenue_previous;
    }
}

void fill_migration(int year, LayerAssignment previous, const PyramidReport& now,
                    const std::vector<int>& layer_order, MigrationReport& out) {
    out.from_year = year - 1;
    out.to_year = year;
    auto cell = [&](int account) {
        return static_cast<std::size_t>(previous.layer_of[account]) * kLayerCount +
               static_cast<std::size_t>(now.layer_of[account]);
    };
    // A counting sort by cell keeps each cell's accounts in layer order in one array.
    std::array<int, kLayerCount * kLayerCount> counts{};
    for (int account : layer_order) ++counts[cell(account)];
    for (std::size_t c = 0; c < counts.size(); ++c) {
        const std::size_t from = c / kLayerCount, to = c % kLayerCount;
        out.counts[from][to] = counts[c];
        out.cell_begin[c + 1] = out.cell_begin[c] + counts[c];
        if (to < from) out.up += counts[c];          // a smaller Layer is higher in the pyramid
        else if (to > from) out.down += counts[c];
        else out.unchanged += counts[c];
    }
    std::array<int, kLayerCount * kLayerCount> next{};
    std::copy(out.cell_begin.begin(), out.cell_begin.end() - 1, next.begin());
    out.cell_accounts.resize(layer_order.size());
    for (int account : layer_order) out.cell_accounts[next[cell(account)]++] = account;
    out.previous_layer_of = std::move(previous.layer_of);
}

// [SECTION] breakdowns ------------------------------------------------------------------

// Collects groups by key. Keys are views into the portfolio's strings, which outlive it.
class GroupCollector {
public:
    // Segments, regions and product groups are usually a handful: comparing with each
    // key is then faster than hashing. Past kFewGroups a hash map takes over.
    int group_for(std::string_view key) {
        if (index_of_.empty()) {
            for (std::size_t g = 0; g < keyed_.size(); ++g)
                if (keyed_[g].first == key) return keyed_[g].second;
            if (keyed_.size() < kFewGroups) {
                const int group = add_group(std::string(key));
                keyed_.emplace_back(key, group);
                return group;
            }
            for (const auto& [known, group] : keyed_) index_of_.emplace(known, group);
        }
        auto [it, inserted] = index_of_.try_emplace(key, 0);
        if (inserted) it->second = add_group(std::string(key));
        return it->second;
    }
    int group_for(const std::optional<std::string>& key) {
        if (key) return group_for(std::string_view(*key));
        if (null_group_ < 0) null_group_ = add_group(std::nullopt);
        return null_group_;
    }
    void count(int group, double revenue, double wallet) {
        GroupFigures& g = groups_[group];
        ++g.accounts;
        if (revenue > 0) ++g.customers;
        g.revenue += revenue;
        g.wallet += wallet;
        if (wallet > 0) g.revenue_with_wallet += revenue;
    }
    // Finishes the shares, sorts the groups and renumbers `group_of` to match.
    Breakdown finish(double customers_total, std::vector<int> group_of) {
        for (auto& g : groups_) {
            g.revenue_share = share(g.revenue, customers_total);
            if (g.wallet > 0) g.share_of_wallet = g.revenue_with_wallet / g.wallet;
        }
        std::vector<int> order(groups_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            const GroupFigures& x = groups_[a];
            const GroupFigures& y = groups_[b];
            if (x.key.has_value() != y.key.has_value()) return x.key.has_value();
            if (x.revenue != y.revenue) return x.revenue > y.revenue;
            return x.key.value_or("") < y.key.value_or("");
        });
        std::vector<int> new_index(order.size());
        Breakdown result;
        result.groups.reserve(order.size());
        for (std::size_t i = 0; i < order.size(); ++i) {
            new_index[order[i]] = static_cast<int>(i);
            result.groups.push_back(std::move(groups_[order[i]]));
        }
        for (int& g : group_of) g = new_index[g];
        result.group_of = std::move(group_of);
        return result;
    }

private:
    int add_group(std::optional<std::string> key) {
        groups_.push_back(GroupFigures{});
        groups_.back().key = std::move(key);
        return static_cast<int>(groups_.size()) - 1;
    }
    static constexpr std::size_t kFewGroups = 16;
    std::vector<std::pair<std::string_view, int>> keyed_;   // while there are few groups
    std::unordered_map<std::string_view, int> index_of_;    // once there are many
    std::vector<GroupFigures> groups_;
    int null_group_ = -1;
};

// The same product listed twice counts once.
bool listed_earlier(const std::vector<std::string>& products, std::size_t i) {
    for (std::size_t j = 0; j < i; ++j)
        if (products[j] == products[i]) return true;
    return false;
}

void fill_breakdowns(const Portfolio& portfolio, const std::vector<double>& revenue,
                     const std::vector<double>& wallet, double customers_total, BreakdownsReport& out) {
    GroupCollector segments, regions, products;
    const std::size_t count = portfolio.accounts.size();
    std::vector<int> segment_of(count), region_of(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i + kLookAhead < count) prefetch(portfolio.accounts[i + kLookAhead].products.data());
        const Account& a = portfolio.accounts[i];
        const double w = wallet[i];
        segment_of[i] = segments.group_for(a.segment);
        segments.count(segment_of[i], revenue[i], w);
        region_of[i] = regions.group_for(a.region);
        regions.count(region_of[i], revenue[i], w);
        if (a.products.empty()) products.count(products.group_for(std::nullopt), revenue[i], w);
        for (std::size_t p = 0; p < a.products.size(); ++p)
            if (!listed_earlier(a.products, p))
                products.count(products.group_for(std::string_view(a.products[p])), revenue[i], w);
    }
    out.segment = segments.finish(customers_total, std::move(segment_of));
    out.region = regions.finish(customers_total, std::move(region_of));
    out.product = products.finish(customers_total, {});
}

std::vector<CriterionTerms> criterion_terms(const Portfolio& portfolio) {
    std::vector<CriterionTerms> terms;
    terms.reserve(portfolio.criteria.size());
    for (const Criterion& c : portfolio.criteria) terms.push_back({c.weight, c.min, c.max - c.min, c.axis});
    return terms;
}

}  // namespace

// [SECTION] public -------------------------------------------------------------------------

int ceil_percent_of(int n, double percent) {
    if (n <= 0 || !(percent > 0)) return 0;
    if (percent >= 100) return n;
    std::int64_t result;
    if (percent == std::floor(percent)) {
        const std::int64_t product = std::int64_t{n} * static_cast<std::int64_t>(percent);
        result = (product + 99) / 100;
    } else {
        result = static_cast<std::int64_t>(std::ceil(static_cast<double>(n) * percent / 100.0 - 1e-9));
    }
    return static_cast<int>(std::clamp<std::int64_t>(result, 0, n));
}

std::vector<int> years_in(const Portfolio& portfolio) {
    // Few distinct years, many entries: a sorted set in a vector, found by binary search.
    std::vector<int> years;
    auto note = [&](const YearValues& values) {
        for (const auto& kv : values.items) {
            auto it = std::lower_bound(years.begin(), years.end(), kv.first);
            if (it == years.end() || *it != kv.first) years.insert(it, kv.first);
        }
    };
    for (const Account& a : portfolio.accounts) {
        note(a.revenue);
        note(a.wallet);
    }
    return years;
}

std::optional<int> analysis_year(const Portfolio& portfolio, std::optional<int> requested) {
    if (requested) return requested;
    if (portfolio.info.year) return portfolio.info.year;
    std::optional<int> latest;
    for (const Account& a : portfolio.accounts)
        for (const auto& [y, amount] : a.revenue.items)
            if (amount > 0 && (!latest || y > *latest)) latest = y;
    return latest;
}

std::vector<int> report_layer_order(const Report& report) {
    std::vector<int> order = report.pyramid.by_revenue;
    order.reserve(report.pyramid.rank_of.size());
    for (std::size_t i = 0; i < report.pyramid.rank_of.size(); ++i)
        if (report.pyramid.rank_of[i] == 0) order.push_back(static_cast<int>(i));
    return order;
}

void recompute_rating(const Portfolio& portfolio, Report& report, RatingChange change) {
    const std::size_t count = portfolio.accounts.size();
    const std::vector<CriterionTerms> criteria = criterion_terms(portfolio);
    MatrixReport& matrix = report.matrix;
    matrix.x_threshold = portfolio.info.matrix.x_threshold;
    matrix.y_threshold = portfolio.info.matrix.y_threshold;
    matrix.of.resize(count);
    matrix.quadrant_counts = {};
    report.rating.of.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (i + kLookAhead < count) prefetch(portfolio.accounts[i + kLookAhead].scores.data());
        AccountRating r = rate_account(portfolio.accounts[i], criteria, matrix);
        report.rating.of[i] = r.figures;
        matrix.of[i] = r.placement;
        ++matrix.quadrant_counts[static_cast<std::size_t>(r.placement.quadrant)];
    }
    if (report.id_rank.size() != count) report.id_rank = id_ranks(portfolio);
    RatingReport& rating = report.rating;
    rating.ranking = rating_order(rating.of, report.id_rank, &RatingFigures::weighted_index);
    places_in(rating.ranking, rating.place_of);
    if (change == RatingChange::weights && rating.unweighted_ranking.size() == count) return;
    rating.unweighted_ranking = rating_order(rating.of, report.id_rank, &RatingFigures::unweighted_index);
    places_in(rating.unweighted_ranking, rating.unweighted_place_of);
}

Report analyze(const Portfolio& portfolio, std::optional<int> requested_year) {
    Report report;
    const std::size_t count = portfolio.accounts.size();
    report.year = analysis_year(portfolio, requested_year);
    report.accounts = static_cast<int>(count);
    YearColumns columns = year_columns(portfolio, report.year);
    report.id_rank = id_ranks(portfolio);

    fill_pyramid(portfolio, assign_layers(portfolio, columns.revenue, columns.sold_before, report.id_rank),
                 columns.revenue, report.pyramid);
    fill_pareto(report.pyramid.by_revenue, columns.revenue, count, report.pareto);
    recompute_rating(portfolio, report);
    fill_wallet(columns.revenue, columns.wallet, report.wallet);
    if (report.year) {
        fill_retention(*report.year, columns, report.retention);
        fill_migration(*report.year,
                       assign_layers(portfolio, columns.previous, columns.sold_before_previous, report.id_rank),
                       report.pyramid, report_layer_order(report), report.migration);
    } else {
        report.retention.status_of.assign(count, RetentionStatus::none);
        report.migration.previous_layer_of = report.pyramid.layer_of;
    }
    fill_breakdowns(portfolio, columns.revenue, columns.wallet, report.pareto.total_revenue, report.breakdowns);
    report.revenue_of = std::move(columns.revenue);
    return report;
}

// [SECTION] the weighting, a slice at a time ---------------------------------------------

struct WeightingUpdate::State {
    enum class Phase { rate, sort_blocks, merge, place, done };
    // Accounts (or keys) per slice: well under a millisecond each.
    static constexpr std::size_t kSlice = 4096;

    const Portfolio& portfolio;
    std::vector<CriterionTerms> criteria;
    MatrixReport matrix;                      // thresholds now; of and counts filled
    std::vector<int> id_rank;
    std::vector<RatingFigures> rating;
    std::vector<RankKey> keys, scratch;       // sorted in blocks, then merged pairwise
    std::vector<int> ranking, place_of;
    std::size_t count;
    Phase phase = Phase::rate;
    std::size_t next = 0;                     // the account, block or place the phase is at
    // The merge: runs of `width` in `keys`, the pair that starts at `pair` going to `scratch`.
    std::size_t width = kSlice, pair = 0, left = 0, left_end = 0, right = 0, right_end = 0, out = 0;
    bool merging = false;

    State(const Portfolio& p, const Report& report)
        : portfolio(p), criteria(criterion_terms(p)), id_rank(report.id_rank), count(p.accounts.size()) {
        matrix.x_threshold = p.info.matrix.x_threshold;
        matrix.y_threshold = p.info.matrix.y_threshold;
        matrix.of.resize(count);
        rating.resize(count);
        keys.resize(count);
        if (id_rank.size() != count) id_rank = id_ranks(p);
    }

    // sorted_accounts' order: figure desc, ties by id in byte order (a total order, so any
    // correct sort gives the same sequence).
    static bool before(const RankKey& a, const RankKey& b) {
        if (a.figure != b.figure) return a.figure > b.figure;
        return a.id_rank < b.id_rank;
    }

    void slice() {
        switch (phase) {
            case Phase::rate: rate_slice(); break;
            case Phase::sort_blocks: sort_block(); break;
            case Phase::merge: merge_slice(); break;
            case Phase::place: place_slice(); break;
            case Phase::done: break;
        }
    }

    void rate_slice() {
        constexpr double kNullLast = -std::numeric_limits<double>::infinity();
        const std::size_t end = std::min(count, next + kSlice);
        for (std::size_t i = next; i < end; ++i) {
            AccountRating r = rate_account(portfolio.accounts[i], criteria, matrix);
            rating[i] = r.figures;
            matrix.of[i] = r.placement;
            ++matrix.quadrant_counts[static_cast<std::size_t>(r.placement.quadrant)];
            keys[i] = {r.figures.weighted_index.value_or(kNullLast), id_rank[i], static_cast<int>(i)};
        }
        next = end;
        if (next == count) start(Phase::sort_blocks);
    }

    void sort_block() {
        const std::size_t end = std::min(count, next + kSlice);
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(next), keys.begin() + static_cast<std::ptrdiff_t>(end), before);
        next = end;
        if (next < count) return;
        if (count <= kSlice) {
            start(Phase::place);
        } else {
            scratch.resize(count);
            start(Phase::merge);
        }
    }

    // Moves up to a slice of keys of the current pair of runs into `scratch`.
    void merge_slice() {
        if (!merging) {
            left = pair;
            left_end = right = std::min(count, pair + width);
            right_end = std::min(count, pair + 2 * width);
            out = pair;
            merging = true;
        }
        for (std::size_t moved = 0; moved < kSlice && out < right_end; ++moved) {
            const bool take_left = left < left_end && (right >= right_end || !before(keys[right], keys[left]));
            scratch[out++] = take_left ? keys[left++] : keys[right++];
        }
        if (out < right_end) return;
        merging = false;
        pair = right_end;
        if (pair < count) return;
        keys.swap(scratch);   // a pass is over: runs twice as long
        width *= 2;
        pair = 0;
        if (width >= count) start(Phase::place);
    }

    void place_slice() {
        if (next == 0) {
            ranking.resize(count);
            place_of.resize(count);
        }
        const std::size_t end = std::min(count, next + kSlice);
        for (std::size_t p = next; p < end; ++p) {
            ranking[p] = keys[p].account;
            place_of[static_cast<std::size_t>(keys[p].account)] = static_cast<int>(p) + 1;
        }
        next = end;
        if (next == count) start(Phase::done);
    }

    void start(Phase next_phase) {
        phase = next_phase;
        next = 0;
    }
};

WeightingUpdate::WeightingUpdate(const Portfolio& portfolio, const Report& report)
    : state_(std::make_unique<State>(portfolio, report)) {
    if (state_->count == 0) state_->phase = State::Phase::done;
}
WeightingUpdate::~WeightingUpdate() = default;
WeightingUpdate::WeightingUpdate(WeightingUpdate&&) noexcept = default;
WeightingUpdate& WeightingUpdate::operator=(WeightingUpdate&&) noexcept = default;

bool WeightingUpdate::advance(std::chrono::steady_clock::time_point deadline) {
    do state_->slice();
    while (!done() && std::chrono::steady_clock::now() < deadline);
    return done();
}

bool WeightingUpdate::done() const { return state_->phase == State::Phase::done; }

void WeightingUpdate::finish(Report& report) {
    State& s = *state_;
    report.matrix = std::move(s.matrix);
    report.rating.of = std::move(s.rating);
    report.rating.ranking = std::move(s.ranking);
    report.rating.place_of = std::move(s.place_of);
    if (report.id_rank.size() != s.count) report.id_rank = std::move(s.id_rank);
}

}  // namespace kc
