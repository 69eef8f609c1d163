// The two real CSV exports of ../shared/data/real imported as they are, with the guessed
// mapping: account counts and revenue per year checked against the CSV text itself (summed
// here by a plain split: the files have no quotes), against the README's figures, and
// account by account against the portfolios made from the same tables
// (*.kamcanvas.json: id, name, segment, region and the revenue of every year above 0).
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/csv_import.hpp"
#include "core/format.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts(1);
    for (char c : text) {
        if (c == separator) parts.emplace_back();
        else parts.back() += c;
    }
    return parts;
}

struct PlainTotals {
    int rows = 0;
    std::map<int, double> revenue;   // year -> sum of that revenue_YYYY column
};

// Reads the file without the CSV reader: lines, commas, strtod.
PlainTotals plain_totals(const std::string& text) {
    PlainTotals totals;
    std::vector<std::string> lines = split(text, '\n');
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    REQUIRE_FALSE(lines.empty());
    const std::vector<std::string> header = split(lines[0], ',');
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::vector<std::string> cells = split(lines[i], ',');
        REQUIRE(cells.size() == header.size());
        ++totals.rows;
        for (std::size_t c = 0; c < header.size(); ++c)
            if (header[c].rfind("revenue_", 0) == 0 && header[c] != "revenue_total")
                totals.revenue[std::atoi(header[c].c_str() + 8)] += std::strtod(cells[c].c_str(), nullptr);
    }
    return totals;
}

std::map<int, double> imported_totals(const Portfolio& portfolio) {
    std::map<int, double> totals;
    for (const Account& account : portfolio.accounts)
        for (const auto& [year, amount] : account.revenue.items) totals[year] += amount;
    return totals;
}

CsvImportResult import_file(const std::string& path) {
    const CsvTable table = read_csv(test::slurp(path));
    return import_csv(table, guess_mapping(table.header.fields));
}

// The imported accounts as JSON, to compare with the accounts of the expected portfolio.
Json accounts_json(const Portfolio& portfolio) {
    const Json written = Json::parse(write_portfolio(portfolio), nullptr, false);
    return written.is_object() ? written["accounts"] : Json();
}

void check_real_file(const std::string& csv_name, const std::string& portfolio_name,
                     const std::map<int, double>& readme_totals, int accounts) {
    INFO(csv_name);
    const std::string csv_path = test::shared_path("data/real/" + csv_name);
    const std::string text = test::slurp(csv_path);
    REQUIRE_FALSE(text.empty());
    const CsvImportResult r = import_file(csv_path);
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    CHECK_MESSAGE(r.warnings.empty(), listing(r.warnings));
    CHECK(r.decimal == DecimalMark::point);

    // Against the CSV itself.
    const PlainTotals plain = plain_totals(text);
    CHECK(plain.rows == accounts);
    CHECK(static_cast<int>(r.portfolio.accounts.size()) == accounts);
    const std::map<int, double> imported = imported_totals(r.portfolio);
    REQUIRE(imported.size() == plain.revenue.size());
    for (const auto& year_total : plain.revenue) {
        const int year = year_total.first;   // not a structured binding: INFO captures it
        const double total = year_total.second;
        INFO(year);
        REQUIRE(imported.count(year));
        CHECK(std::fabs(imported.at(year) - total) < 0.005);
        // The README's totals are exact sums; the cells are rounded each on its own.
        CHECK(std::fabs(imported.at(year) - readme_totals.at(year)) < 0.15);
    }

    // Against the portfolio made from the same table.
    const std::string expected_text = test::slurp(test::shared_path("data/real/" + portfolio_name));
    const Json expected = Json::parse(expected_text, nullptr, false);
    REQUIRE(expected.is_object());
    const Json actual = accounts_json(r.portfolio);
    REQUIRE(actual.size() == expected["accounts"].size());
    for (std::size_t i = 0; i < actual.size(); ++i) {
        INFO(i);
        CHECK(actual[i] == expected["accounts"][i]);
    }
    ReadResult back = read_portfolio(write_portfolio(r.portfolio));
    CHECK_MESSAGE(back.ok(), listing(back.errors));
}

}  // namespace

TEST_CASE("real CSV: superstore-customers.csv imports as superstore.kamcanvas.json") {
    check_real_file("superstore-customers.csv", "superstore.kamcanvas.json",
                    {{2016, 484247.50}, {2017, 470532.51}, {2018, 609205.60}, {2019, 733215.26}}, 793);
}

TEST_CASE("real CSV: northwind-customers.csv imports as northwind.kamcanvas.json") {
    check_real_file("northwind-customers.csv", "northwind.kamcanvas.json",
                    {{1996, 208083.97}, {1997, 617085.20}, {1998, 440623.87}}, 91);
    // The two customers without orders are kept, without revenue.
    const CsvImportResult r = import_file(test::shared_path("data/real/northwind-customers.csv"));
    int without_revenue = 0;
    for (const Account& account : r.portfolio.accounts) without_revenue += account.revenue.empty();
    CHECK(without_revenue == 2);
}

TEST_CASE("real CSV: the same files as a Dutch Excel export (semicolons, decimal comma, BOM, CRLF)") {
    // Turned into what Excel in a Dutch locale writes: a BOM, ';' between fields, ','
    // as decimal mark, '.' grouping thousands, CRLF. The import must not change.
    const std::string original = test::slurp(test::shared_path("data/real/superstore-customers.csv"));
    std::string dutch = "\xEF\xBB\xBF";
    for (std::size_t i = 0; i < original.size(); ++i) {
        const char c = original[i];
        if (c == ',') dutch += ';';
        else if (c == '\n') dutch += "\r\n";
        else if (c == '.' && i + 1 < original.size() && original[i + 1] >= '0' && original[i + 1] <= '9') {
            // The decimal point of an amount: group the thousands of the digits before it.
            std::size_t start = dutch.size();
            while (start > 0 && dutch[start - 1] >= '0' && dutch[start - 1] <= '9') --start;
            std::string digits = dutch.substr(start);
            std::string grouped;
            for (std::size_t k = 0; k < digits.size(); ++k) {
                if (k > 0 && (digits.size() - k) % 3 == 0) grouped += '.';
                grouped += digits[k];
            }
            dutch.resize(start);
            dutch += grouped + ",";
        } else {
            dutch += c;
        }
    }
    const CsvTable table = read_csv(dutch);
    CHECK(table.separator == ';');
    CHECK(table.had_bom);
    const CsvImportResult r = import_csv(table, guess_mapping(table.header.fields));
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    CHECK(r.decimal == DecimalMark::comma);
    const CsvImportResult plain = import_file(test::shared_path("data/real/superstore-customers.csv"));
    CHECK(write_portfolio(r.portfolio) == write_portfolio(plain.portfolio));
}
