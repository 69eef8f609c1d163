// account_rows.hpp: the accounts table's filter and sort, on the shared examples.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "account_rows.hpp"
#include "core/analysis.hpp"
#include "core/format.hpp"

using namespace kc;
using kc::ui::account_rows;
using kc::ui::AccountColumn;

namespace {

Portfolio example(const std::string& name) {
    std::ifstream in(std::string(KC_SHARED_DIR) + "/data/examples/" + name, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    ReadResult read = read_portfolio(text.str());
    REQUIRE(read.ok());
    return std::move(*read.portfolio);
}

std::vector<std::string> ids(const Portfolio& p, const std::vector<int>& rows) {
    std::vector<std::string> out;
    for (int i : rows) out.push_back(p.accounts[i].id);
    return out;
}

}  // namespace

TEST_CASE("account rows: no filter, by id, both directions") {
    const Portfolio p = example("synthetic-40.json");
    const Report report = analyze(p);
    const std::vector<int> up = account_rows(p, report, "", AccountColumn::id, false);
    REQUIRE(up.size() == 40);
    for (std::size_t i = 1; i < up.size(); ++i) CHECK(p.accounts[up[i - 1]].id < p.accounts[up[i]].id);
    std::vector<int> down = account_rows(p, report, "", AccountColumn::id, true);
    std::reverse(down.begin(), down.end());
    CHECK(down == up);
}

TEST_CASE("account rows: revenue of the analysis year, ties in file order, no figure lowest") {
    const Portfolio p = example("synthetic-40.json");
    const Report report = analyze(p);
    REQUIRE(report.year == std::optional<int>(2025));
    const std::vector<int> rows = account_rows(p, report, "", AccountColumn::revenue, true);
    auto key = [&](int i) {
        const double* v = p.accounts[i].revenue.find(2025);
        return v ? *v : -1.0;
    };
    for (std::size_t i = 1; i < rows.size(); ++i) {
        CHECK(key(rows[i - 1]) >= key(rows[i]));
        if (key(rows[i - 1]) == key(rows[i])) CHECK(rows[i - 1] < rows[i]);
    }
    // The biggest customer heads the list, and it is the report's rank 1.
    CHECK(rows.front() == report.pyramid.by_revenue.front());
}

TEST_CASE("account rows: layer and status sort by their order, not by their names") {
    const Portfolio p = example("synthetic-40.json");
    const Report report = analyze(p);
    const std::vector<int> rows = account_rows(p, report, "", AccountColumn::layer, false);
    for (std::size_t i = 1; i < rows.size(); ++i)
        CHECK(report.pyramid.layer_of[rows[i - 1]] <= report.pyramid.layer_of[rows[i]]);
    CHECK(report.pyramid.layer_of[rows.front()] == Layer::top);

    const std::vector<int> by_status = account_rows(p, report, "", AccountColumn::status, false);
    auto rank = [&](int i) { return p.accounts[i].status == Status::none ? 99 : static_cast<int>(p.accounts[i].status); };
    for (std::size_t i = 1; i < by_status.size(); ++i) CHECK(rank(by_status[i - 1]) <= rank(by_status[i]));
}

TEST_CASE("account rows: the filter matches id, name, segment and region, case-insensitively") {
    const Portfolio p = example("unicode.json");
    const Report report = analyze(p);
    for (const Account& a : p.accounts) {
        // Each account is found by its own name in capitals.
        std::string upper;
        for (char c : a.name) upper += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        const std::vector<int> rows = account_rows(p, report, upper, AccountColumn::id, false);
        CHECK(std::find_if(rows.begin(), rows.end(), [&](int i) { return p.accounts[i].id == a.id; }) != rows.end());
    }
    CHECK(ids(p, account_rows(p, report, "ACCOUNT É", AccountColumn::id, false)) == std::vector<std::string>{"é"});

    const Portfolio s = example("synthetic-40.json");
    const Report sr = analyze(s);
    const std::vector<int> noord = account_rows(s, sr, "NOORD", AccountColumn::id, false);
    REQUIRE_FALSE(noord.empty());
    for (int i : noord) {
        const Account& a = s.accounts[i];
        const bool found = a.region == std::optional<std::string>("Noord") ||
                           a.name.find("Noord") != std::string::npos ||
                           (a.segment && a.segment->find("Noord") != std::string::npos);
        CHECK(found);
    }
    std::size_t in_noord = 0;
    for (const Account& a : s.accounts) in_noord += a.region == std::optional<std::string>("Noord");
    CHECK(noord.size() >= in_noord);
    CHECK(account_rows(s, sr, "no such text anywhere", AccountColumn::id, false).empty());
    CHECK(ids(s, account_rows(s, sr, "acc-000007", AccountColumn::id, false)) == std::vector<std::string>{"ACC-000007"});
}
