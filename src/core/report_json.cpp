// Builds the report JSON from a Report (see report_json.hpp).
//
// Objects are filled by appending members: every key is new (ids are unique), and
// nlohmann's ordered object would otherwise search all earlier keys on each insert,
// which is quadratic for `layer_of` and `abc` with a million accounts.
#include "report_json.hpp"

#include <string>
#include <utility>

namespace kc {

namespace {

// Appends a member without the duplicate-key search of Json::operator[].
void add(Json& object, std::string key, Json value) {
    object.get_ref<Json::object_t&>().emplace_back(std::move(key), std::move(value));
}

Json number_or_null(const std::optional<double>& value) { return value ? Json(*value) : Json(nullptr); }
Json number_or_null(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }
Json string_or_null(const std::optional<std::string>& value) { return value ? Json(*value) : Json(nullptr); }
// A count that only means something when the analysis has a year.
Json count_if(bool has_year, int count) { return has_year ? Json(count) : Json(nullptr); }
Json figure_if(bool has_year, double figure) { return has_year ? Json(figure) : Json(nullptr); }

const std::string& id_of(const Portfolio& portfolio, int account) { return portfolio.accounts[account].id; }

Json pyramid_json(const Report& report, const Portfolio& portfolio, const std::vector<int>& layer_order) {
    Json layers = Json::array();
    for (Layer layer : kAllLayers) {
        const LayerFigures& f = report.pyramid.layers[static_cast<std::size_t>(layer)];
        Json row = Json::object();
        add(row, "layer", std::string(to_string(layer)));
        add(row, "count", f.count);
        add(row, "revenue", f.revenue);
        add(row, "revenue_share", f.revenue_share);
        add(row, "account_share", f.account_share);
        layers.push_back(std::move(row));
    }
    Json layer_of = Json::object();
    for (int account : layer_order)
        add(layer_of, id_of(portfolio, account), std::string(to_string(report.pyramid.layer_of[account])));
    Json out = Json::object();
    add(out, "layers", std::move(layers));
    add(out, "layer_of", std::move(layer_of));
    return out;
}

Json pareto_json(const Report& report, const Portfolio& portfolio) {
    const ParetoReport& p = report.pareto;
    Json abc = Json::object();
    for (int account : report.pyramid.by_revenue)
        add(abc, id_of(portfolio, account), std::string(to_string(p.abc_of[account])));
    Json out = Json::object();
    add(out, "customers", p.customers);
    add(out, "total_revenue", p.total_revenue);
    add(out, "accounts_for_80", p.accounts_for_80);
    add(out, "share_of_accounts_for_80", p.share_of_accounts_for_80);
    add(out, "top20_count", p.top20_count);
    add(out, "top20_revenue_share", p.top20_revenue_share);
    add(out, "gini", p.gini);
    add(out, "abc", std::move(abc));
    return out;
}

Json rating_json(const Report& report, const Portfolio& portfolio) {
    Json ranking = Json::array();
    ranking.get_ref<Json::array_t&>().reserve(report.rating.ranking.size());
    for (int account : report.rating.ranking) {
        const RatingFigures& f = report.rating.of[account];
        Json row = Json::object();
        add(row, "id", id_of(portfolio, account));
        add(row, "unweighted_total", f.unweighted_total);
        add(row, "weighted_total", f.weighted_total);
        add(row, "unweighted_index", number_or_null(f.unweighted_index));
        add(row, "weighted_index", number_or_null(f.weighted_index));
        add(row, "complete", f.complete);
        ranking.push_back(std::move(row));
    }
    Json out = Json::object();
    add(out, "ranking", std::move(ranking));
    return out;
}

Json matrix_json(const Report& report, const Portfolio& portfolio) {
    const MatrixReport& m = report.matrix;
    Json accounts = Json::array();
    accounts.get_ref<Json::array_t&>().reserve(m.of.size());
    for (std::size_t i = 0; i < m.of.size(); ++i) {
        const MatrixPlacement& p = m.of[i];
        Json row = Json::object();
        add(row, "id", portfolio.accounts[i].id);
        add(row, "attractiveness", number_or_null(p.attractiveness));
        add(row, "position", number_or_null(p.position));
        add(row, "quadrant", p.quadrant == Quadrant::none ? Json(nullptr) : Json(std::string(to_string(p.quadrant))));
        accounts.push_back(std::move(row));
    }
    Json out = Json::object();
    add(out, "x_threshold", m.x_threshold);
    add(out, "y_threshold", m.y_threshold);
    add(out, "accounts", std::move(accounts));
    return out;
}

Json wallet_json(const Report& report, const Portfolio& portfolio) {
    Json accounts = Json::array();
    for (int account : report.wallet.accounts) {
        const WalletFigures& f = report.wallet.of[account];
        Json row = Json::object();
        add(row, "id", id_of(portfolio, account));
        add(row, "share_of_wallet", f.share_of_wallet);
        add(row, "room", f.room);
        accounts.push_back(std::move(row));
    }
    Json out = Json::object();
    add(out, "share_of_wallet", number_or_null(report.wallet.share_of_wallet));
    add(out, "accounts", std::move(accounts));
    return out;
}

Json retention_json(const Report& report) {
    const RetentionReport& r = report.retention;
    const bool has_year = report.year.has_value();
    Json out = Json::object();
    add(out, "previous_year", number_or_null(r.previous_year));
    add(out, "customers_previous", count_if(has_year, r.customers_previous));
    add(out, "retained", count_if(has_year, r.retained));
    add(out, "lost", count_if(has_year, r.lost));
    add(out, "new", count_if(has_year, r.new_customers));
    add(out, "reactivated", count_if(has_year, r.reactivated));
    add(out, "retention_rate", number_or_null(r.retention_rate));
    add(out, "net_revenue_retention", number_or_null(r.net_revenue_retention));
    return out;
}

// [SECTION] extensions ---------------------------------------------------------------

Json migration_json(const Report& report, const Portfolio& portfolio) {
    const MigrationReport& m = report.migration;
    const bool has_year = report.year.has_value();
    Json flows = Json::array();
    if (has_year) {
        for (Layer from : kAllLayers) {
            for (Layer to : kAllLayers) {
                const auto f = static_cast<std::size_t>(from), t = static_cast<std::size_t>(to);
                Json ids = Json::array();
                ids.get_ref<Json::array_t&>().reserve(m.accounts[f][t].size());
                for (int account : m.accounts[f][t]) ids.push_back(id_of(portfolio, account));
                Json row = Json::object();
                add(row, "from", std::string(to_string(from)));
                add(row, "to", std::string(to_string(to)));
                add(row, "count", m.counts[f][t]);
                add(row, "accounts", std::move(ids));
                flows.push_back(std::move(row));
            }
        }
    }
    Json out = Json::object();
    add(out, "from_year", number_or_null(m.from_year));
    add(out, "to_year", number_or_null(m.to_year));
    add(out, "up", count_if(has_year, m.up));
    add(out, "down", count_if(has_year, m.down));
    add(out, "unchanged", count_if(has_year, m.unchanged));
    add(out, "flows", std::move(flows));
    return out;
}

Json breakdown_json(const Breakdown& breakdown, bool has_year) {
    Json groups = Json::array();
    for (const GroupFigures& g : breakdown.groups) {
        Json row = Json::object();
        add(row, "key", string_or_null(g.key));
        add(row, "accounts", g.accounts);
        add(row, "customers", count_if(has_year, g.customers));
        add(row, "revenue", figure_if(has_year, g.revenue));
        add(row, "revenue_share", figure_if(has_year, g.revenue_share));
        add(row, "wallet", figure_if(has_year, g.wallet));
        add(row, "share_of_wallet", number_or_null(g.share_of_wallet));
        groups.push_back(std::move(row));
    }
    return groups;
}

Json breakdowns_json(const Report& report) {
    const bool has_year = report.year.has_value();
    Json out = Json::object();
    add(out, "segment", breakdown_json(report.breakdowns.segment, has_year));
    add(out, "region", breakdown_json(report.breakdowns.region, has_year));
    add(out, "product", breakdown_json(report.breakdowns.product, has_year));
    return out;
}

}  // namespace

Json report_to_json(const Report& report, const Portfolio& portfolio, ReportJsonOptions options) {
    const std::vector<int> layer_order = report_layer_order(report);
    Json out = Json::object();
    add(out, "year", number_or_null(report.year));
    add(out, "accounts", report.accounts);
    add(out, "pyramid", pyramid_json(report, portfolio, layer_order));
    add(out, "pareto", pareto_json(report, portfolio));
    add(out, "rating", rating_json(report, portfolio));
    add(out, "matrix", matrix_json(report, portfolio));
    add(out, "wallet", wallet_json(report, portfolio));
    add(out, "retention", retention_json(report));
    if (options.include_extensions) {
        add(out, "migration", migration_json(report, portfolio));
        add(out, "breakdowns", breakdowns_json(report));
    }
    return out;
}

}  // namespace kc
