// The accounts CSV export (see csv_export.hpp): a header, then one row per account.
#include "csv_export.hpp"

#include <set>
#include <vector>

#include "json_text.hpp"
#include "names.hpp"

namespace kc {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr std::string_view kLineEnd = "\r\n";

// What a spreadsheet may take for the start of a formula (OWASP's list: = + - @, and tab
// and CR, which some spreadsheets skip before looking).
bool starts_like_formula(std::string_view text) {
    return !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
}

bool needs_quotes(std::string_view text, char separator) {
    for (char c : text)
        if (c == separator || c == '"' || c == '\r' || c == '\n') return true;
    return false;
}

// The cells of one line, joined as they are added.
class Line {
public:
    Line(std::string& out, const CsvExportOptions& options) : out_(out), options_(options) {}

    void text(std::string_view value) { next() += csv_cell(value, options_.separator, true); }
    // Names made by the program (headers, layer and quadrant ids): never formulas.
    void word(std::string_view value) { next() += csv_cell(value, options_.separator, false); }
    void number(double value) { next() += csv_cell(csv_number_cell(value, options_.decimal), options_.separator, false); }
    void number(OptionalDouble value) {
        if (value) number(*value);
        else empty();
    }
    void integer(long long value) { next() += std::to_string(value); }
    void empty() { next(); }
    void end() { out_ += kLineEnd; }

private:
    std::string& next() {
        if (!first_) out_ += options_.separator;
        first_ = false;
        return out_;
    }
    std::string& out_;
    const CsvExportOptions& options_;
    bool first_ = true;
};

struct Years {
    std::vector<int> revenue, wallet;
};

Years years_of(const Portfolio& portfolio) {
    std::set<int> revenue, wallet;
    for (const Account& a : portfolio.accounts) {
        for (const auto& item : a.revenue.items) revenue.insert(item.first);
        for (const auto& item : a.wallet.items) wallet.insert(item.first);
    }
    return {{revenue.begin(), revenue.end()}, {wallet.begin(), wallet.end()}};
}

constexpr std::string_view kAnalysisColumns[] = {
    "analysis_year",    "layer",    "rank",     "abc",             "weighted_index", "unweighted_index",
    "index_place",      "attractiveness", "position", "quadrant",  "share_of_wallet", "room_to_grow",
    "retention",        "previous_layer"};

void write_header(std::string& out, const Portfolio& portfolio, const Years& years, const CsvExportOptions& options) {
    Line line(out, options);
    for (std::string_view column : {"id", "name", "status", "segment", "region", "key"}) line.word(column);
    for (int year : years.revenue) line.word("revenue_" + std::to_string(year));
    for (int year : years.wallet) line.word("wallet_" + std::to_string(year));
    // Criterion ids are 1-64 of a-z 0-9 _ -, so these stay words.
    for (const Criterion& c : portfolio.criteria) line.word("score_" + c.id);
    for (std::string_view column : kAnalysisColumns) line.word(column);
    line.end();
}

void write_account_fields(Line& line, const Portfolio& portfolio, const Account& a, const Years& years) {
    line.text(a.id);
    line.text(a.name);
    line.word(to_string(a.status));
    line.text(a.segment.value_or(""));
    line.text(a.region.value_or(""));
    line.word(a.key ? "yes" : "no");
    for (int year : years.revenue) {
        if (const double* value = a.revenue.find(year)) line.number(*value);
        else line.empty();
    }
    for (int year : years.wallet) {
        if (const double* value = a.wallet.find(year)) line.number(*value);
        else line.empty();
    }
    for (std::size_t c = 0; c < portfolio.criteria.size(); ++c) {
        if (c < a.scores.size() && has_score(a.scores[c])) line.number(a.scores[c]);
        else line.empty();
    }
}

// `values[i]` when the report has it (a report of another portfolio would not).
template <typename T>
const T* at(const std::vector<T>& values, std::size_t i) {
    return i < values.size() ? &values[i] : nullptr;
}

void write_analysis(Line& line, const Report& report, std::size_t i) {
    const bool has_year = report.year.has_value();
    if (has_year) line.integer(*report.year);
    else line.empty();
    const Layer* layer = at(report.pyramid.layer_of, i);
    if (has_year && layer) line.word(to_string(*layer));
    else line.empty();
    const int* rank = at(report.pyramid.rank_of, i);
    if (rank && *rank > 0) line.integer(*rank);
    else line.empty();
    const AbcClass* abc = at(report.pareto.abc_of, i);
    line.word(abc ? to_string(*abc) : "");

    const RatingFigures* rating = at(report.rating.of, i);
    line.number(rating ? rating->weighted_index : OptionalDouble{});
    line.number(rating ? rating->unweighted_index : OptionalDouble{});
    const int* place = at(report.rating.place_of, i);
    if (place && *place > 0) line.integer(*place);
    else line.empty();

    const MatrixPlacement* placement = at(report.matrix.of, i);
    line.number(placement ? placement->attractiveness : OptionalDouble{});
    line.number(placement ? placement->position : OptionalDouble{});
    line.word(placement ? to_string(placement->quadrant) : "");

    const WalletFigures* wallet = at(report.wallet.of, i);
    line.number(wallet ? wallet->share_of_wallet : OptionalDouble{});
    if (wallet && wallet->has_wallet()) line.number(wallet->room);
    else line.empty();

    const RetentionStatus* retention = at(report.retention.status_of, i);
    line.word(retention ? to_string(*retention) : "");
    const Layer* previous = at(report.migration.previous_layer_of, i);
    if (report.migration.from_year && previous) line.word(to_string(*previous));
    else line.empty();
}

}  // namespace

std::string csv_cell(std::string_view value, char separator, bool is_text) {
    std::string cell;
    if (is_text && starts_like_formula(value)) cell += '\'';
    cell += value;
    if (!needs_quotes(cell, separator)) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csv_number_cell(double value, DecimalMark decimal) {
    std::string text = json_number(value);   // shortest digits that read back the same
    if (decimal == DecimalMark::comma)
        for (char& c : text)
            if (c == '.') c = ',';
    return text;
}

std::string accounts_csv(const Portfolio& portfolio, const Report& report, const CsvExportOptions& options) {
    const Years years = years_of(portfolio);
    std::string out;
    if (options.byte_order_mark) out += kByteOrderMark;
    write_header(out, portfolio, years, options);
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        Line line(out, options);
        write_account_fields(line, portfolio, portfolio.accounts[i], years);
        write_analysis(line, report, i);
        line.end();
    }
    return out;
}

}  // namespace kc
