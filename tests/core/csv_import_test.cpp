// The CSV import: numbers with either decimal mark, the mapping guessed from headers
// (English, Dutch, CRM exports) and corrected, and import_csv on small tables: bad cells
// reported by line and column while the good rows are kept, duplicate and missing ids,
// criteria from score columns. Every imported portfolio must read back as format 1.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/csv_import.hpp"
#include "core/format.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

CsvImportResult import_text(std::string_view text, CsvImportOptions options = {}) {
    const CsvTable table = read_csv(text);
    return import_csv(table, guess_mapping(table.header.fields, options.criteria), options);
}

// The guessed targets in --map spelling, one per column.
std::vector<std::string> guessed(const std::vector<std::string>& header, const std::vector<Criterion>& criteria = {}) {
    std::vector<std::string> out;
    for (const ColumnTarget& target : guess_mapping(header, criteria).columns) out.push_back(to_string(target));
    return out;
}

std::vector<std::string> ids(const Portfolio& p) {
    std::vector<std::string> out;
    for (const Account& a : p.accounts) out.push_back(a.id);
    return out;
}

std::vector<std::string> places(const Problems& problems) {
    std::vector<std::string> out;
    for (const Problem& p : problems) out.push_back(p.place);
    return out;
}

// The imported portfolio is a valid format-1 file that reads back unchanged.
void check_round_trip(const Portfolio& portfolio) {
    const std::string text = write_portfolio(portfolio);
    ReadResult back = read_portfolio(text);
    REQUIRE_MESSAGE(back.ok(), listing(back.errors));
    CHECK(write_portfolio(*back.portfolio) == text);
}

Criterion criterion(std::string id, std::string name, double min, double max) {
    Criterion c;
    c.id = std::move(id);
    c.name = std::move(name);
    c.min = min;
    c.max = max;
    return c;
}

}  // namespace

// [SECTION] numbers -----------------------------------------------------------------

TEST_CASE("numbers: each decimal mark with its thousands separators") {
    CHECK(parse_csv_number("1234.56", DecimalMark::point) == 1234.56);
    CHECK(parse_csv_number("1,234.56", DecimalMark::point) == 1234.56);
    CHECK(parse_csv_number("1,234,567", DecimalMark::point) == 1234567);
    CHECK(parse_csv_number("1.234,56", DecimalMark::comma) == 1234.56);
    CHECK(parse_csv_number("1.234.567,8", DecimalMark::comma) == 1234567.8);
    CHECK(parse_csv_number("12,5", DecimalMark::comma) == 12.5);
    CHECK(parse_csv_number("1 234,56", DecimalMark::comma) == 1234.56);
    CHECK(parse_csv_number("1\xC2\xA0" "234,56", DecimalMark::comma) == 1234.56);   // no-break space
    CHECK(parse_csv_number("1'234.50", DecimalMark::point) == 1234.5);
    CHECK(parse_csv_number("  -5 ", DecimalMark::point) == -5);
    CHECK(parse_csv_number("\xE2\x82\xAC 1.234,50", DecimalMark::comma) == 1234.5);   // € 1.234,50
    CHECK(parse_csv_number("-$12.5", DecimalMark::point) == -12.5);
    CHECK(parse_csv_number("12.5 EUR", DecimalMark::point) == 12.5);
    CHECK(parse_csv_number(",5", DecimalMark::comma) == 0.5);
    CHECK(parse_csv_number("1,5E+3", DecimalMark::comma) == 1500);
    CHECK(parse_csv_number("2.5e-1", DecimalMark::point) == 0.25);
}

TEST_CASE("numbers: wrong grouping, stray text and the other mark are refused") {
    for (const char* bad : {"12,50", "1,23,456", "1.234,56", "12.3.4", "1,2345", "0,123", "abc", "12a", "1.", "-",
                            "1 2", "1,234 567", "--5", "1e", "(5)", "5%", "1.500E3x"})
        CHECK_MESSAGE(!parse_csv_number(bad, DecimalMark::point), bad);
    for (const char* bad : {"12.50", "1.234.56", "1,234.56", "1,5,6", ""})
        CHECK_MESSAGE(!parse_csv_number(bad, DecimalMark::comma), bad);
    // Groups and an exponent never go together: "1.500E3" is 1500 in scientific notation.
    CHECK(parse_csv_number("1.500E3", DecimalMark::point) == 1500);
    CHECK_FALSE(parse_csv_number("1.500E3", DecimalMark::comma));
    CHECK_FALSE(parse_csv_number("1e999", DecimalMark::point));
}

TEST_CASE("numbers: what a cell tells about the decimal mark") {
    CHECK(decimal_mark_hint("") == MarkHint::blank);
    CHECK(decimal_mark_hint("  ") == MarkHint::blank);
    CHECK(decimal_mark_hint("1234") == MarkHint::either);
    CHECK(decimal_mark_hint("12 345") == MarkHint::either);
    CHECK(decimal_mark_hint("12.50") == MarkHint::point);
    CHECK(decimal_mark_hint("0.123") == MarkHint::point);     // 0 cannot start a thousands group
    CHECK(decimal_mark_hint("1234.567") == MarkHint::point);  // nor can four digits
    CHECK(decimal_mark_hint("1,234,567") == MarkHint::point);
    CHECK(decimal_mark_hint("12,50") == MarkHint::comma);
    CHECK(decimal_mark_hint("1.234,56") == MarkHint::comma);
    CHECK(decimal_mark_hint("1.234") == MarkHint::ambiguous);
    CHECK(decimal_mark_hint("1,000") == MarkHint::ambiguous);
    CHECK(decimal_mark_hint("n/a") == MarkHint::not_a_number);
    CHECK(parse_csv_number("1234", DecimalMark::detect) == 1234);
    CHECK_FALSE(parse_csv_number("1.234", DecimalMark::detect));
}

// [SECTION] mapping -----------------------------------------------------------------

TEST_CASE("mapping: the format's own words and their Dutch versions") {
    CHECK(guessed({"id", "name", "segment", "region", "status", "key", "revenue_2024", "wallet_2024", "score_fit"}) ==
          std::vector<std::string>{"id", "name", "segment", "region", "status", "key", "revenue_2024", "wallet_2024",
                                   "score_fit"});
    CHECK(guessed({"Klantnummer", "Naam", "Branche", "Regio", "Omzet 2023", "omzet_2024", "Potentieel 2024"}) ==
          std::vector<std::string>{"id", "name", "segment", "region", "revenue_2023", "revenue_2024", "wallet_2024"});
}

TEST_CASE("mapping: case, spaces, underscores and punctuation do not matter") {
    CHECK(guessed({"Customer ID", "CUSTOMER_NAME", "Revenue (2024)", "Sales FY2023", "omzet-2022 excl. btw",
                   "Wallet 2024 EUR", "Key Account"}) ==
          std::vector<std::string>{"id", "name", "revenue_2024", "revenue_2023", "revenue_2022", "wallet_2024", "key"});
    CHECK(guessed({"Bedrijfsnaam", "Debiteurnummer", "Account Name", "Industry"}) ==
          std::vector<std::string>{"name", "id", "ignore", "segment"});   // one column per field: the first name
}

TEST_CASE("mapping: the most specific header wins a field, then the leftmost") {
    // Superstore's columns: region beats state and country; totals and counts are no years.
    CHECK(guessed({"customer_id", "customer_name", "segment", "region", "country", "state", "city", "revenue_2016",
                   "revenue_total", "order_count_2016", "profit_total", "primary_region_revenue_share"}) ==
          std::vector<std::string>{"id", "name", "segment", "region", "ignore", "ignore", "ignore", "revenue_2016",
                                   "ignore", "ignore", "ignore", "ignore"});
    CHECK(guessed({"Country", "Land", "Sales Region"}) == std::vector<std::string>{"ignore", "ignore", "region"});
    CHECK(guessed({"Klant", "Klantnaam"}) == std::vector<std::string>{"ignore", "name"});
    CHECK(guessed({"Omzet 2024", "Revenue 2024"}) == std::vector<std::string>{"revenue_2024", "ignore"});
}

TEST_CASE("mapping: unknown columns, years out of shape and empty headers are ignored") {
    CHECK(guessed({"", "Telefoon", "revenue", "revenue_24", "revenue_20245", "revenue_0999", "2024",
                   "revenue_2024_target", "Omzet 2023 2024"}) ==
          std::vector<std::string>(9, "ignore"));
}

TEST_CASE("mapping: score columns, and headers that name an existing criterion") {
    CHECK(guessed({"Score Innovatie", "rating: Fit", "score_prijs/kwaliteit", "Beoordeling - Financiële positie",
                   "Score"}) ==
          std::vector<std::string>{"score_innovatie", "score_fit", "score_prijs_kwaliteit",
                                   "score_financiele_positie", "ignore"});
    const std::vector<Criterion> criteria = {criterion("fit", "Strategische fit", 1, 5), criterion("size", "", 0, 10)};
    CHECK(guessed({"Strategische Fit", "SIZE", "score_strategische_fit", "Score size"}, criteria) ==
          std::vector<std::string>{"score_fit", "score_size", "ignore", "ignore"});
    CHECK(criterion_name_from_header("Score: Innovatie ") == "Innovatie");
    CHECK(criterion_id_from_header("Score: Innovatie ") == "innovatie");
    CHECK(criterion_id_from_header("Klanttevredenheid") == "klanttevredenheid");
    CHECK(criterion_id_from_header("score_中文").empty());
}

TEST_CASE("mapping: targets are spelled and read back the same way") {
    for (const char* text : {"id", "name", "segment", "region", "status", "key", "revenue_2024", "wallet_1999",
                             "score_fit-2", "ignore"}) {
        ColumnTarget target;
        REQUIRE_MESSAGE(parse_column_target(text, target), text);
        CHECK(to_string(target) == text);
    }
    ColumnTarget target;
    REQUIRE(parse_column_target(" Omzet_2024 ", target));
    CHECK(target == ColumnTarget{CsvField::revenue, 2024, {}});
    REQUIRE(parse_column_target("potentieel_2025", target));
    CHECK(target == ColumnTarget{CsvField::wallet, 2025, {}});
    REQUIRE(parse_column_target("-", target));
    CHECK(target.field == CsvField::ignore);
    target = ColumnTarget{CsvField::name, 0, {}};
    for (const char* bad : {"revenue", "revenue_24", "revenue_0999", "score_", "score_a b", "total", "wallet_abcd"})
        CHECK_MESSAGE(!parse_column_target(bad, target), bad);
    CHECK(target.field == CsvField::name);   // untouched
}

TEST_CASE("mapping: a correction takes the target from the column that had it") {
    const std::vector<std::string> header = {"region", "country", "omzet 2024"};
    CsvMapping mapping = guess_mapping(header);
    assign(mapping, 1, ColumnTarget{CsvField::region, 0, {}});
    CHECK(mapping.columns[0].field == CsvField::ignore);
    CHECK(mapping.columns[1].field == CsvField::region);
    assign(mapping, 2, ColumnTarget{CsvField::revenue, 2023, {}});
    CHECK(to_string(mapping.columns[2]) == "revenue_2023");
    assign(mapping, 0, ColumnTarget{});
    assign(mapping, 1, ColumnTarget{});
    CHECK(mapping.columns[0].field == CsvField::ignore);   // ignore takes nothing from others
    CHECK(find_column(header, "omzet 2024") == 2);
    CHECK(find_column(header, "Omzet_2024") == 2);
    CHECK(find_column(header, "city") == -1);
}

// [SECTION] import ------------------------------------------------------------------

TEST_CASE("import: a Dutch Excel export (semicolons, decimal comma, BOM, CRLF, quotes)") {
    const CsvImportResult r = import_text(
        "\xEF\xBB\xBFKlantnummer;Bedrijfsnaam;Branche;Regio;Status;Omzet 2023;Omzet 2024;Potentieel 2024\r\n"
        "K1;\"Bakkerij \"\"De Hoek\"\"\";Retail;Noord;actief;1.234,56;2.000;10.000\r\n"
        "K2;\"Zuivel; en meer\";;Zuid;Prospect;;;\r\n"
        "K3;\"Caf\xC3\xA9\r\nDe Gouden Leeuw\";Horeca;;inactief;950,5;0;\r\n");
    INFO(listing(r.errors));
    CHECK(r.ok());
    CHECK(r.decimal == DecimalMark::comma);
    CHECK(r.rows == 3);
    REQUIRE(r.portfolio.accounts.size() == 3);
    const Account& a = r.portfolio.accounts[0];
    CHECK(a.id == "K1");
    CHECK(a.name == "Bakkerij \"De Hoek\"");
    CHECK(a.segment == "Retail");
    CHECK(a.region == "Noord");
    CHECK(a.status == Status::active);
    CHECK(a.revenue.get(2023) == 1234.56);
    CHECK(a.revenue.get(2024) == 2000);   // "2.000" with a decimal comma is two thousand
    CHECK(a.wallet.get(2024) == 10000);
    const Account& b = r.portfolio.accounts[1];
    CHECK(b.name == "Zuivel; en meer");
    CHECK_FALSE(b.segment.has_value());
    CHECK(b.status == Status::prospect);
    CHECK(b.revenue.empty());
    const Account& c = r.portfolio.accounts[2];
    CHECK(c.name == "Caf\xC3\xA9\r\nDe Gouden Leeuw");
    CHECK(c.status == Status::inactive);
    CHECK(c.revenue.items == std::vector<std::pair<int, double>>{{2023, 950.5}});   // the 0 is left out
    check_round_trip(r.portfolio);
}

TEST_CASE("import: bad numbers are reported by line and column, the good rows are kept") {
    const CsvImportResult r = import_text(
        "id,name,revenue_2024,wallet_2024\n"
        "A,Alpha,100.5,200\n"
        "B,\"Beta\nTwo lines\",abc,300\n"
        "C,Gamma,-5,12.5.5\n"
        "D,Delta,2e16,\n"
        "E,Epsilon,7.25,\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"A", "E"});
    CHECK(r.rows == 5);
    CHECK(r.refused == 3);
    CHECK(places(r.errors) == std::vector<std::string>{"line 3, column revenue_2024", "line 5, column revenue_2024",
                                                       "line 5, column wallet_2024", "line 6, column revenue_2024"});
    CHECK(r.errors[0].message == "not a number: \"abc\"");
    CHECK(r.errors[1].message == "must be a number ≥ 0, got -5");
    CHECK(r.errors[3].message.find("too large") != std::string::npos);
    for (const Problem& p : r.errors) CHECK(p.severity == Severity::error);
    CHECK(r.usable);
    check_round_trip(r.portfolio);
}

TEST_CASE("import: the decimal mark comes from the numbers; ambiguous ones are refused, not guessed") {
    // Only "1.234"-like numbers: nothing tells, so they are refused; whole numbers pass.
    const CsvImportResult unsure = import_text("id;name;omzet_2024\n1;A;1.234\n2;B;500\n3;C;2.500\n");
    CHECK(unsure.decimal == DecimalMark::detect);
    CHECK(ids(unsure.portfolio) == std::vector<std::string>{"2"});
    REQUIRE(unsure.errors.size() == 2);
    CHECK(unsure.errors[0].place == "line 2, column omzet_2024");
    CHECK(unsure.errors[0].message.find("choose the decimal mark") != std::string::npos);
    // One number with a comma settles it for the whole file.
    const CsvImportResult comma = import_text("id;name;omzet_2024\n1;A;1.234\n2;B;500\n3;C;2.500\n4;D;7,5\n");
    CHECK(comma.ok());
    CHECK(comma.decimal == DecimalMark::comma);
    CHECK(comma.portfolio.accounts[0].revenue.get(2024) == 1234);
    CHECK(comma.portfolio.accounts[3].revenue.get(2024) == 7.5);
    // So does the user.
    const CsvImportResult told = import_text("id;name;omzet_2024\n1;A;1.234\n", {.decimal = DecimalMark::point});
    CHECK(told.ok());
    CHECK(told.portfolio.accounts[0].revenue.get(2024) == 1.234);
}

TEST_CASE("import: numbers against the file's decimal mark are refused with both marks named") {
    const CsvTable table = read_csv("id,name,revenue_2024\n1,A,10.5\n2,B,\"12,50\"\n3,C,7.25\n");
    const CsvMapping mapping = guess_mapping(table.header.fields);
    const DecimalDetection found = detect_decimal_mark(table, mapping);
    CHECK(found.point_cells == 2);
    CHECK(found.comma_cells == 1);
    CHECK(found.mark == DecimalMark::point);
    const CsvImportResult r = import_csv(table, mapping);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].place == "line 3, column revenue_2024");
    CHECK(r.errors[0].message == "\"12,50\" is written with a decimal comma, the file's numbers with a decimal point");
    // As many of each: no mark is decided and neither kind is taken.
    const CsvImportResult tie = import_text("id,name,revenue_2024\n1,A,10.5\n2,B,\"12,50\"\n3,C,8\n");
    CHECK(tie.decimal == DecimalMark::detect);
    CHECK(ids(tie.portfolio) == std::vector<std::string>{"3"});
}

TEST_CASE("import: duplicate ids are refused after the first; missing ids are generated") {
    const CsvImportResult r = import_text(
        "id,name\n"
        "acc-001,First\n"
        ",No id\n"
        "X,Second\n"
        "acc-001,Again\n"
        " ,Blank id\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"acc-001", "acc-002", "X", "acc-003"});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].place == "line 5, column id");
    CHECK(r.errors[0].code == "csv_duplicate_id");
    CHECK(r.errors[0].message.find("line 2") != std::string::npos);
    check_round_trip(r.portfolio);
    // Without an id column every account gets one.
    const CsvImportResult no_ids = import_text("Naam\nA\nB\n");
    CHECK(ids(no_ids.portfolio) == std::vector<std::string>{"acc-001", "acc-002"});
    CHECK(no_ids.ok());
}

TEST_CASE("import: names come from the id when there is no name, never from nothing") {
    const CsvImportResult r = import_text("id,name,revenue_2024\nA,,\n,,5\nB,Bee,\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"A", "B"});
    CHECK(r.portfolio.accounts[0].name == "A");
    CHECK(places(r.warnings) == std::vector<std::string>{"line 2"});
    CHECK(places(r.errors) == std::vector<std::string>{"line 3"});
    const CsvImportResult only_ids = import_text("customer_id\nA\nB\n");
    CHECK(only_ids.ok());
    CHECK(only_ids.portfolio.accounts[1].name == "B");
    CHECK(only_ids.warnings.size() == 1);
}

TEST_CASE("import: a mapping without a name, or with a field twice, imports nothing") {
    const CsvImportResult nameless = import_text("Telefoon,Omzet 2024\n1,5\n");
    CHECK_FALSE(nameless.usable);
    CHECK(nameless.portfolio.accounts.empty());
    REQUIRE(nameless.errors.size() == 1);
    CHECK(nameless.errors[0].code == "csv_mapping");

    const CsvTable table = read_csv("id,name,a,b\n1,A,2,3\n");
    CsvMapping twice = guess_mapping(table.header.fields);
    twice.columns[2] = ColumnTarget{CsvField::revenue, 2024, {}};
    twice.columns[3] = ColumnTarget{CsvField::revenue, 2024, {}};
    const CsvImportResult r = import_csv(table, twice);
    CHECK_FALSE(r.usable);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].place == "line 1, column b");
    CHECK(r.errors[0].message.find("revenue_2024") != std::string::npos);

    const CsvImportResult empty = import_text("");
    CHECK_FALSE(empty.usable);
    CHECK(empty.errors.size() == 1);
}

TEST_CASE("import: status and key words, and the cells that are neither") {
    const CsvImportResult r = import_text(
        "id,name,status,key account\n"
        "1,A,Active,ja\n"
        "2,B,lead,no\n"
        "3,C,Former customer,X\n"
        "4,D,,\n"
        "5,E,maybe,yes\n"
        "6,F,suspect,perhaps\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"1", "2", "3", "4"});
    CHECK(r.portfolio.accounts[0].status == Status::active);
    CHECK(r.portfolio.accounts[0].key);
    CHECK(r.portfolio.accounts[1].status == Status::suspect);
    CHECK_FALSE(r.portfolio.accounts[1].key);
    CHECK(r.portfolio.accounts[2].status == Status::inactive);
    CHECK(r.portfolio.accounts[2].key);
    CHECK(r.portfolio.accounts[3].status == Status::none);
    CHECK(places(r.errors) == std::vector<std::string>{"line 6, column status", "line 7, column key account"});
}

TEST_CASE("import: scores check the range of given criteria; new criteria take their column's") {
    const std::vector<Criterion> given = {criterion("fit", "Strategische fit", 1, 5)};
    const CsvImportResult r = import_text(
        "id,name,Strategische fit,Score Innovatie\n"
        "1,A,4,8\n"
        "2,B,6,0\n"
        "3,C,\"2,5\",\n",
        {.criteria = given});
    CHECK(ids(r.portfolio) == std::vector<std::string>{"1", "3"});
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0].place == "line 3, column Strategische fit");
    CHECK(r.errors[0].code == "csv_score_range");
    REQUIRE(r.portfolio.criteria.size() == 2);
    const Criterion& added = r.portfolio.criteria[1];
    CHECK(added.id == "innovatie");
    CHECK(added.name == "Innovatie");
    CHECK(added.min == 1);   // the refused row's 0 does not count
    CHECK(added.max == 8);
    CHECK(places(r.warnings) == std::vector<std::string>{"line 1, column Score Innovatie"});
    CHECK(r.portfolio.accounts[0].scores == std::vector<double>{4, 8});
    CHECK(r.portfolio.accounts[1].scores[0] == 2.5);
    CHECK(std::isnan(r.portfolio.accounts[1].scores[1]));
    check_round_trip(r.portfolio);
}

TEST_CASE("import: short rows are filled with empty cells, long rows are refused") {
    const CsvImportResult r = import_text(
        "id,name,revenue_2024,segment\n"
        "1,A,5\n"
        "2,B,6,Retail,,\n"
        "3,C,7,Retail,oops\n"
        ",,,\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"1", "2"});
    CHECK(places(r.warnings) == std::vector<std::string>{"line 2"});
    CHECK(places(r.errors) == std::vector<std::string>{"line 4"});
    CHECK(r.errors[0].code == "csv_long_row");
    CHECK(r.rows == 3);   // a line of separators only is no row
    // Spreadsheets end their exports with such lines.
    const CsvImportResult excel = import_text("id;name\r\n1;A\r\n;\r\n;;;\r\n \r\n");
    CHECK(excel.ok());
    CHECK(excel.rows == 1);
}

TEST_CASE("import: rows the reader found broken are refused with the reader's problem") {
    const CsvImportResult r = import_text("id,name\n1,Caf\xE9\n2,Bar\n3,\"Open\n4,Four\n");
    CHECK(ids(r.portfolio) == std::vector<std::string>{"2", "4"});
    CHECK(places(r.errors) == std::vector<std::string>{"line 2, column name", "line 4, column name"});
    CHECK(r.refused == 2);
}
