// The accounts CSV export: cells quoted and guarded against formulas, separator and
// decimal mark as chosen, BOM and CRLF; the analysis columns hold the figures of the
// shared expected reports; and the CSV reader plus the import's guessed mapping read an
// export back to the same accounts, with either separator and decimal mark.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/csv_export.hpp"
#include "core/csv_import.hpp"
#include "core/format.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

Portfolio read_shared(const std::string& relative) {
    ReadResult read = read_portfolio(test::slurp(test::shared_path(relative)));
    REQUIRE_MESSAGE(read.ok(), relative << ": " << listing(read.errors));
    return std::move(*read.portfolio);
}

Account account(std::string id, std::string name) {
    Account a;
    a.id = std::move(id);
    a.name = std::move(name);
    return a;
}

// The export of `portfolio` read back by the CSV reader: header and rows of cells.
struct ReadBack {
    CsvTable table;
    std::map<std::string, std::size_t> column;   // header text -> index

    const std::string& cell(std::size_t row, const std::string& header) const {
        const auto found = column.find(header);
        REQUIRE_MESSAGE(found != column.end(), "no column " << header);
        return table.rows[row].fields[found->second];
    }
};

ReadBack read_back(const std::string& csv, char separator) {
    ReadBack back;
    back.table = read_csv(csv, {separator});
    REQUIRE(back.table.problems.empty());
    for (const CsvRow& row : back.table.rows) REQUIRE_MESSAGE(row.problems.empty(), listing(row.problems));
    for (std::size_t i = 0; i < back.table.header.fields.size(); ++i) back.column[back.table.header.fields[i]] = i;
    return back;
}

double number_in(const std::string& cell, DecimalMark mark) {
    const std::optional<double> value = parse_csv_number(cell, mark);
    REQUIRE_MESSAGE(value.has_value(), "not a number: " << cell);
    return *value;
}

}  // namespace

TEST_CASE("cells: quotes around separators, quotes and line ends; formulas guarded in text only") {
    CHECK(csv_cell("Jansen BV", ',', true) == "Jansen BV");
    CHECK(csv_cell("Jansen, Zn.", ',', true) == "\"Jansen, Zn.\"");
    CHECK(csv_cell("Jansen, Zn.", ';', true) == "Jansen, Zn.");
    CHECK(csv_cell("De \"Gouden\" Koe", ';', true) == "\"De \"\"Gouden\"\" Koe\"");
    CHECK(csv_cell("regel 1\nregel 2", ',', true) == "\"regel 1\nregel 2\"");
    CHECK(csv_cell("a\rb", ',', true) == "\"a\rb\"");

    CHECK(csv_cell("=HYPERLINK(\"http://x\")", ',', true) == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_cell("+31 20 123", ',', true) == "'+31 20 123");
    CHECK(csv_cell("-min", ',', true) == "'-min");
    CHECK(csv_cell("@SUM(A1)", ',', true) == "'@SUM(A1)");
    CHECK(csv_cell("\tcmd", ',', true) == "'\tcmd");
    CHECK(csv_cell("a=b", ',', true) == "a=b");   // only the first character counts
    CHECK(csv_cell("-12.5", ',', false) == "-12.5");
    CHECK(csv_cell("", ',', true) == "");
}

TEST_CASE("numbers: shortest exact digits, the chosen decimal mark, no grouping") {
    CHECK(csv_number_cell(1234567.89, DecimalMark::point) == "1234567.89");
    CHECK(csv_number_cell(1234567.89, DecimalMark::comma) == "1234567,89");
    CHECK(csv_number_cell(0.1, DecimalMark::comma) == "0,1");
    CHECK(csv_number_cell(100, DecimalMark::comma) == "100");
    CHECK(csv_number_cell(1.0 / 3, DecimalMark::point) == "0.3333333333333333");
    CHECK(std::strtod(csv_number_cell(1.0 / 3, DecimalMark::point).c_str(), nullptr) == 1.0 / 3);
}

TEST_CASE("the file: BOM, CRLF, header and separator as chosen; a comma decimal inside comma cells is quoted") {
    Portfolio p;
    p.accounts.push_back(account("a1", "Alfa, BV"));
    p.accounts.back().revenue.set(2024, 1250.5);
    const Report report = analyze(p);

    const std::string plain = accounts_csv(p, report, {',', DecimalMark::point, false});
    CHECK(plain.rfind("id,name,status,segment,region,key,revenue_2024,analysis_year,layer,", 0) == 0);
    CHECK(plain.find("\r\na1,\"Alfa, BV\",,,,no,1250.5,2024,top,1,A,") != std::string::npos);
    CHECK(plain.substr(plain.size() - 2) == "\r\n");
    CHECK(plain.find('\n') == plain.find("\r\n") + 1);

    const std::string excel = accounts_csv(p, report, {';', DecimalMark::comma, true});
    CHECK(excel.rfind("\xEF\xBB\xBFid;name;status;", 0) == 0);
    CHECK(excel.find("\r\na1;Alfa, BV;;;;no;1250,5;2024;top;1;A;") != std::string::npos);

    const std::string mixed = accounts_csv(p, report, {',', DecimalMark::comma, false});
    CHECK(mixed.find(",\"1250,5\",") != std::string::npos);
}

TEST_CASE("hostile names survive the export and read back as written, with the guard") {
    Portfolio p;
    p.accounts.push_back(account("x1", "=cmd|' /C calc'!A0"));
    p.accounts.push_back(account("x2", "Line one\r\nline \"two\"; three, four"));
    p.accounts.push_back(account("x3", "Ünïcødé 中文 🙂"));
    p.accounts.back().segment = "@risk";
    for (char separator : {',', ';'}) {
        const ReadBack back = read_back(accounts_csv(p, analyze(p), {separator, DecimalMark::point, true}), separator);
        CHECK(back.table.had_bom);
        REQUIRE(back.table.rows.size() == 3);
        CHECK(back.cell(0, "name") == "'=cmd|' /C calc'!A0");
        CHECK(back.cell(1, "name") == "Line one\r\nline \"two\"; three, four");
        CHECK(back.cell(2, "name") == "Ünïcødé 中文 🙂");
        CHECK(back.cell(2, "segment") == "'@risk");
    }
}

TEST_CASE("the analysis columns hold the figures of the expected report") {
    for (const char* name : {"synthetic-40", "wallet", "matrix", "retention", "no-year"}) {
        INFO(name);
        const Portfolio p = read_shared(std::string("data/examples/") + name + ".json");
        const Json expected = Json::parse(test::slurp(test::shared_path(std::string("data/expected/") + name +
                                                                        ".report.json")),
                                          nullptr, false);
        REQUIRE(expected.is_object());
        for (DecimalMark mark : {DecimalMark::point, DecimalMark::comma}) {
            const char separator = mark == DecimalMark::comma ? ';' : ',';
            const ReadBack back = read_back(accounts_csv(p, analyze(p), {separator, mark, true}), separator);
            REQUIRE(back.table.rows.size() == p.accounts.size());

            std::map<std::string, std::size_t> place;   // id -> place in the rating
            for (std::size_t i = 0; i < expected["rating"]["ranking"].size(); ++i)
                place[expected["rating"]["ranking"][i]["id"].get<std::string>()] = i + 1;
            std::map<std::string, Json> rated, placed, wallet;
            for (const Json& r : expected["rating"]["ranking"]) rated[r["id"].get<std::string>()] = r;
            for (const Json& m : expected["matrix"]["accounts"]) placed[m["id"].get<std::string>()] = m;
            for (const Json& w : expected["wallet"]["accounts"]) wallet[w["id"].get<std::string>()] = w;

            for (std::size_t row = 0; row < p.accounts.size(); ++row) {
                const std::string id = back.cell(row, "id");
                INFO(id);
                CHECK(id == p.accounts[row].id);
                if (expected["year"].is_null()) {
                    CHECK(back.cell(row, "analysis_year") == "");
                    CHECK(back.cell(row, "layer") == "");
                } else {
                    CHECK(back.cell(row, "analysis_year") == std::to_string(expected["year"].get<int>()));
                    CHECK(back.cell(row, "layer") == expected["pyramid"]["layer_of"][id].get<std::string>());
                    const Json& abc = expected["pareto"]["abc"];
                    CHECK(back.cell(row, "abc") == (abc.contains(id) ? abc[id].get<std::string>() : ""));
                }
                CHECK(back.cell(row, "index_place") == std::to_string(place[id]));
                const Json& weighted = rated[id]["weighted_index"];
                if (weighted.is_null()) CHECK(back.cell(row, "weighted_index") == "");
                else CHECK(number_in(back.cell(row, "weighted_index"), mark) == doctest::Approx(weighted.get<double>()));
                const Json& attractiveness = placed[id]["attractiveness"];
                if (attractiveness.is_null()) CHECK(back.cell(row, "attractiveness") == "");
                else CHECK(number_in(back.cell(row, "attractiveness"), mark) ==
                           doctest::Approx(attractiveness.get<double>()));
                const Json& quadrant = placed[id]["quadrant"];
                CHECK(back.cell(row, "quadrant") == (quadrant.is_null() ? "" : quadrant.get<std::string>()));
                const Json& share = wallet[id]["share_of_wallet"];
                if (share.is_null()) {
                    CHECK(back.cell(row, "share_of_wallet") == "");
                } else {
                    CHECK(number_in(back.cell(row, "share_of_wallet"), mark) == doctest::Approx(share.get<double>()));
                    CHECK(number_in(back.cell(row, "room_to_grow"), mark) ==
                          doctest::Approx(wallet[id]["room"].get<double>()));
                }
            }
        }
    }
}

TEST_CASE("an export reads back through the CSV import to the same accounts") {
    for (const char* file : {"data/examples/synthetic-400.json", "data/examples/unicode.json",
                             "data/real/superstore.kamcanvas.json"}) {
        INFO(file);
        const Portfolio p = read_shared(file);
        for (DecimalMark mark : {DecimalMark::point, DecimalMark::comma}) {
            for (char separator : {',', ';'}) {
                INFO(separator << (mark == DecimalMark::comma ? " decimal comma" : " decimal point"));
                const std::string csv = accounts_csv(p, analyze(p), {separator, mark, true});
                const CsvTable table = read_csv(csv);
                CHECK(table.separator == separator);
                const CsvImportResult imported =
                    import_csv(table, guess_mapping(table.header.fields), {mark, {}});
                REQUIRE_MESSAGE(imported.ok(), listing(imported.errors));
                REQUIRE(imported.portfolio.accounts.size() == p.accounts.size());
                for (std::size_t i = 0; i < p.accounts.size(); ++i) {
                    const Account& a = p.accounts[i];
                    const Account& b = imported.portfolio.accounts[i];
                    INFO(a.id);
                    CHECK(b.id == a.id);
                    // A name the guard changed comes back with its quote; none of these has one.
                    CHECK(b.name == a.name);
                    CHECK(b.status == a.status);
                    CHECK(b.segment.value_or("") == a.segment.value_or(""));
                    CHECK(b.region.value_or("") == a.region.value_or(""));
                    CHECK(b.key == a.key);
                    for (const auto& [year, amount] : a.revenue.items)
                        if (amount != 0) CHECK(b.revenue.get(year) == amount);
                    for (const auto& [year, amount] : a.wallet.items)
                        if (amount != 0) CHECK(b.wallet.get(year) == amount);
                    for (std::size_t c = 0; c < p.criteria.size(); ++c) {
                        REQUIRE(c < b.scores.size());
                        if (has_score(a.scores[c])) CHECK(b.scores[c] == a.scores[c]);
                        else CHECK_FALSE(has_score(b.scores[c]));
                    }
                }
            }
        }
    }
}
