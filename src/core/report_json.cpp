// Builds the report JSON from a Report (see report_json.hpp), as a Json value or as
// text. Both come from one description of the report (write_report) played into one
// of two outputs, so they cannot disagree: JsonBuilder builds the DOM, TextWriter
// writes exactly what Json::dump(2) would, without holding the DOM (which for a million
// accounts would take gigabytes).
#include "report_json.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "sensitivity.hpp"

namespace kc {

namespace {

// [SECTION] outputs -----------------------------------------------------------------------

// Builds a Json value. Members are appended without the duplicate-key search of
// Json::operator[] (every key is new: ids are unique), which would be quadratic for
// `layer_of` and `abc`.
class JsonBuilder {
public:
    void begin_object() { open(Json::object()); }
    void begin_array() { open(Json::array()); }
    void end() {
        Open done = std::move(stack_.back());
        stack_.pop_back();
        key_ = std::move(done.key);
        place(std::move(done.container));
    }
    void key(std::string_view name) { key_.assign(name); }
    void value(int number) { place(Json(number)); }
    void value(double number) { place(Json(number)); }
    void value(bool flag) { place(Json(flag)); }
    void value(std::string_view text) { place(Json(std::string(text))); }
    void null() { place(Json(nullptr)); }
    Json result() { return std::move(result_); }

private:
    // A container being filled, and the key it will go under in its parent.
    struct Open {
        Json container;
        std::string key;
    };
    void open(Json container) { stack_.push_back({std::move(container), std::move(key_)}); }
    void place(Json value) {
        if (stack_.empty()) {
            result_ = std::move(value);
        } else if (stack_.back().container.is_array()) {
            stack_.back().container.get_ref<Json::array_t&>().push_back(std::move(value));
        } else {
            stack_.back().container.get_ref<Json::object_t&>().emplace_back(std::move(key_), std::move(value));
        }
        key_.clear();
    }
    std::vector<Open> stack_;
    std::string key_;
    Json result_;
};

// Writes the text of Json::dump(2): members and items one a line, two spaces per level,
// empty containers as {} and [], numbers as nlohmann writes them.
class TextWriter {
public:
    explicit TextWriter(const std::function<void(std::string_view)>& sink) : sink_(sink) {}
    ~TextWriter() { flush(); }

    void begin_object() { open('{'); }
    void begin_array() { open('['); }
    void end() {
        const bool had_items = !first_.back();
        first_.pop_back();
        if (had_items) new_line();
        buffer_ += closers_.back();
        closers_.pop_back();
        after_value();
    }
    void key(std::string_view name) {
        next_item();
        string(name);
        buffer_ += ": ";
        key_written_ = true;
    }
    void value(int number) {
        before_value();
        char digits[16];
        const char* end = std::to_chars(digits, digits + sizeof digits, number).ptr;
        buffer_.append(digits, static_cast<std::size_t>(end - digits));
        after_value();
    }
    void value(double number) {
        before_value();
        if (!std::isfinite(number)) {
            buffer_ += "null";
        } else {
            char digits[64];
            const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, number);
            buffer_.append(digits, static_cast<std::size_t>(end - digits));
        }
        after_value();
    }
    void value(bool flag) {
        before_value();
        buffer_ += flag ? "true" : "false";
        after_value();
    }
    void value(std::string_view text) {
        before_value();
        string(text);
        after_value();
    }
    void null() {
        before_value();
        buffer_ += "null";
        after_value();
    }

private:
    static constexpr std::size_t kFlushAt = 1 << 20;

    void open(char opener) {
        before_value();
        buffer_ += opener;
        closers_.push_back(opener == '{' ? '}' : ']');
        first_.push_back(true);
    }
    // In an array each value starts a new item; after a key it follows on the line.
    void before_value() {
        if (key_written_) key_written_ = false;
        else if (!first_.empty()) next_item();
    }
    void after_value() {
        if (buffer_.size() >= kFlushAt) flush();
    }
    void next_item() {
        if (!first_.back()) buffer_ += ',';
        first_.back() = false;
        new_line();
    }
    void new_line() {
        buffer_ += '\n';
        buffer_.append(2 * first_.size(), ' ');
    }
    // Plain printable ASCII is written as is; anything else (non-ASCII, quotes,
    // backslashes, control characters) goes through nlohmann's own escaping.
    void string(std::string_view text) {
        bool plain = true;
        for (char c : text)
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') plain = false;
        if (plain) {
            buffer_ += '"';
            buffer_ += text;
            buffer_ += '"';
        } else {
            buffer_ += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
        }
    }
    void flush() {
        if (buffer_.empty()) return;
        sink_(buffer_);
        buffer_.clear();
    }

    const std::function<void(std::string_view)>& sink_;
    std::string buffer_;
    std::vector<char> closers_;
    std::vector<bool> first_;   // per open container: nothing written in it yet
    bool key_written_ = false;
};

// [SECTION] the report ------------------------------------------------------------------

template <typename Out>
void optional_value(Out& out, const std::optional<double>& value) {
    if (value) out.value(*value);
    else out.null();
}
template <typename Out>
void optional_value(Out& out, OptionalDouble value) {
    if (value) out.value(*value);
    else out.null();
}
template <typename Out>
void optional_value(Out& out, const std::optional<int>& value) {
    if (value) out.value(*value);
    else out.null();
}
template <typename Out>
void optional_value(Out& out, const std::optional<std::string>& value) {
    if (value) out.value(std::string_view(*value));
    else out.null();
}
// A figure that only means something when the analysis has a year.
template <typename Out, typename Number>
void value_if(Out& out, bool has_year, Number value) {
    if (has_year) out.value(value);
    else out.null();
}

template <typename Out, typename Value>
void member(Out& out, std::string_view key, const Value& value) {
    out.key(key);
    out.value(value);
}

std::string_view id_of(const Portfolio& portfolio, int account) { return portfolio.accounts[account].id; }

template <typename Out>
void write_pyramid(Out& out, const Report& report, const Portfolio& portfolio) {
    out.begin_object();
    out.key("layers");
    out.begin_array();
    for (Layer layer : kAllLayers) {
        const LayerFigures& f = report.pyramid.layers[static_cast<std::size_t>(layer)];
        out.begin_object();
        member(out, "layer", to_string(layer));
        member(out, "count", f.count);
        member(out, "revenue", f.revenue);
        member(out, "revenue_share", f.revenue_share);
        member(out, "account_share", f.account_share);
        out.end();
    }
    out.end();
    out.key("layer_of");
    out.begin_object();
    for (int account : report_layer_order(report))
        member(out, id_of(portfolio, account), to_string(report.pyramid.layer_of[account]));
    out.end();
    out.end();
}

template <typename Out>
void write_pareto(Out& out, const Report& report, const Portfolio& portfolio) {
    const ParetoReport& p = report.pareto;
    out.begin_object();
    member(out, "customers", p.customers);
    member(out, "total_revenue", p.total_revenue);
    member(out, "accounts_for_80", p.accounts_for_80);
    member(out, "share_of_accounts_for_80", p.share_of_accounts_for_80);
    member(out, "top20_count", p.top20_count);
    member(out, "top20_revenue_share", p.top20_revenue_share);
    member(out, "gini", p.gini);
    out.key("abc");
    out.begin_object();
    for (int account : report.pyramid.by_revenue) member(out, id_of(portfolio, account), to_string(p.abc_of[account]));
    out.end();
    out.end();
}

template <typename Out>
void write_rating(Out& out, const Report& report, const Portfolio& portfolio) {
    out.begin_object();
    out.key("ranking");
    out.begin_array();
    for (int account : report.rating.ranking) {
        const RatingFigures& f = report.rating.of[account];
        out.begin_object();
        member(out, "id", id_of(portfolio, account));
        member(out, "unweighted_total", f.unweighted_total);
        member(out, "weighted_total", f.weighted_total);
        out.key("unweighted_index");
        optional_value(out, f.unweighted_index);
        out.key("weighted_index");
        optional_value(out, f.weighted_index);
        member(out, "complete", f.complete);
        out.end();
    }
    out.end();
    out.end();
}

template <typename Out>
void write_matrix(Out& out, const Report& report, const Portfolio& portfolio) {
    const MatrixReport& m = report.matrix;
    out.begin_object();
    member(out, "x_threshold", m.x_threshold);
    member(out, "y_threshold", m.y_threshold);
    out.key("accounts");
    out.begin_array();
    for (std::size_t i = 0; i < m.of.size(); ++i) {
        const MatrixPlacement& p = m.of[i];
        out.begin_object();
        member(out, "id", id_of(portfolio, static_cast<int>(i)));
        out.key("attractiveness");
        optional_value(out, p.attractiveness);
        out.key("position");
        optional_value(out, p.position);
        out.key("quadrant");
        if (p.quadrant == Quadrant::none) out.null();
        else out.value(to_string(p.quadrant));
        out.end();
    }
    out.end();
    out.end();
}

template <typename Out>
void write_wallet(Out& out, const Report& report, const Portfolio& portfolio) {
    out.begin_object();
    out.key("share_of_wallet");
    optional_value(out, report.wallet.share_of_wallet);
    out.key("accounts");
    out.begin_array();
    for (int account : report.wallet.accounts) {
        const WalletFigures& f = report.wallet.of[account];
        out.begin_object();
        member(out, "id", id_of(portfolio, account));
        member(out, "share_of_wallet", *f.share_of_wallet);
        member(out, "room", f.room);
        out.end();
    }
    out.end();
    out.end();
}

template <typename Out>
void write_retention(Out& out, const Report& report) {
    const RetentionReport& r = report.retention;
    const bool has_year = report.year.has_value();
    out.begin_object();
    out.key("previous_year");
    optional_value(out, r.previous_year);
    out.key("customers_previous");
    value_if(out, has_year, r.customers_previous);
    out.key("retained");
    value_if(out, has_year, r.retained);
    out.key("lost");
    value_if(out, has_year, r.lost);
    out.key("new");
    value_if(out, has_year, r.new_customers);
    out.key("reactivated");
    value_if(out, has_year, r.reactivated);
    out.key("retention_rate");
    optional_value(out, r.retention_rate);
    out.key("net_revenue_retention");
    optional_value(out, r.net_revenue_retention);
    out.end();
}

// [SECTION] extensions ---------------------------------------------------------------------

template <typename Out>
void write_migration(Out& out, const Report& report, const Portfolio& portfolio) {
    const MigrationReport& m = report.migration;
    const bool has_year = report.year.has_value();
    out.begin_object();
    out.key("from_year");
    optional_value(out, m.from_year);
    out.key("to_year");
    optional_value(out, m.to_year);
    out.key("up");
    value_if(out, has_year, m.up);
    out.key("down");
    value_if(out, has_year, m.down);
    out.key("unchanged");
    value_if(out, has_year, m.unchanged);
    out.key("flows");
    out.begin_array();
    for (Layer from : kAllLayers) {
        for (Layer to : kAllLayers) {
            if (!has_year) break;   // no year: no flows
            out.begin_object();
            member(out, "from", to_string(from));
            member(out, "to", to_string(to));
            member(out, "count", m.counts[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)]);
            out.key("accounts");
            out.begin_array();
            for (int account : m.accounts_in(from, to)) out.value(id_of(portfolio, account));
            out.end();
            out.end();
        }
    }
    out.end();
    out.end();
}

template <typename Out>
void write_breakdown(Out& out, const Breakdown& breakdown, bool has_year) {
    out.begin_array();
    for (const GroupFigures& g : breakdown.groups) {
        out.begin_object();
        out.key("key");
        optional_value(out, g.key);
        member(out, "accounts", g.accounts);
        out.key("customers");
        value_if(out, has_year, g.customers);
        out.key("revenue");
        value_if(out, has_year, g.revenue);
        out.key("revenue_share");
        value_if(out, has_year, g.revenue_share);
        out.key("wallet");
        value_if(out, has_year, g.wallet);
        out.key("share_of_wallet");
        optional_value(out, g.share_of_wallet);
        out.end();
    }
    out.end();
}

template <typename Out>
void write_breakdowns(Out& out, const Report& report) {
    const bool has_year = report.year.has_value();
    out.begin_object();
    out.key("segment");
    write_breakdown(out, report.breakdowns.segment, has_year);
    out.key("region");
    write_breakdown(out, report.breakdowns.region, has_year);
    out.key("product");
    write_breakdown(out, report.breakdowns.product, has_year);
    out.end();
}

// An account's id, or null for -1 (no such account).
template <typename Out>
void account_or_null(Out& out, const Portfolio& portfolio, int account) {
    if (account >= 0) out.value(id_of(portfolio, account));
    else out.null();
}

template <typename Out>
void write_weight_limit(Out& out, const Portfolio& portfolio, const WeightLimit& limit) {
    if (!limit.changes) {
        out.null();
        return;
    }
    out.begin_object();
    member(out, "weight", limit.weight);
    member(out, "included", limit.included);
    out.key("rising");
    account_or_null(out, portfolio, limit.rising);
    out.key("falling");
    account_or_null(out, portfolio, limit.falling);
    out.end();
}

template <typename Out>
void write_weighting(Out& out, const Report& report, const Portfolio& portfolio) {
    const RatingReport& rating = report.rating;
    out.begin_object();
    out.key("places");
    out.begin_array();
    for (int account : rating.ranking) {
        out.begin_object();
        member(out, "id", id_of(portfolio, account));
        member(out, "weighted", rating.place_of[account]);
        member(out, "unweighted", rating.unweighted_place_of[account]);
        member(out, "moved", rating.places_moved(account));
        out.end();
    }
    out.end();
    out.key("sensitivity");
    out.begin_array();
    for (std::size_t c = 0; c < portfolio.criteria.size(); ++c) {
        const WeightSensitivity s = weight_sensitivity(portfolio, report, static_cast<int>(c));
        out.begin_object();
        member(out, "criterion", std::string_view(portfolio.criteria[c].id));
        member(out, "weight", s.weight);
        member(out, "top", s.top);
        out.key("down");
        write_weight_limit(out, portfolio, s.down);
        out.key("up");
        write_weight_limit(out, portfolio, s.up);
        out.end();
    }
    out.end();
    out.end();
}

template <typename Out>
void write_report(Out& out, const Report& report, const Portfolio& portfolio, ReportJsonOptions options) {
    out.begin_object();
    out.key("year");
    optional_value(out, report.year);
    member(out, "accounts", report.accounts);
    out.key("pyramid");
    write_pyramid(out, report, portfolio);
    out.key("pareto");
    write_pareto(out, report, portfolio);
    out.key("rating");
    write_rating(out, report, portfolio);
    out.key("matrix");
    write_matrix(out, report, portfolio);
    out.key("wallet");
    write_wallet(out, report, portfolio);
    out.key("retention");
    write_retention(out, report);
    if (options.include_extensions) {
        out.key("migration");
        write_migration(out, report, portfolio);
        out.key("breakdowns");
        write_breakdowns(out, report);
        out.key("weighting");
        write_weighting(out, report, portfolio);
    }
    out.end();
}

}  // namespace

Json report_to_json(const Report& report, const Portfolio& portfolio, ReportJsonOptions options) {
    JsonBuilder builder;
    write_report(builder, report, portfolio, options);
    return builder.result();
}

void write_report_json(const Report& report, const Portfolio& portfolio, ReportJsonOptions options,
                       const std::function<void(std::string_view)>& sink) {
    TextWriter writer(sink);
    write_report(writer, report, portfolio, options);
}

std::string report_json_text(const Report& report, const Portfolio& portfolio, ReportJsonOptions options) {
    std::string text;
    write_report_json(report, portfolio, options, [&](std::string_view chunk) { text += chunk; });
    return text;
}

}  // namespace kc
