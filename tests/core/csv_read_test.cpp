// read_csv: the csv-spectrum suite against its expected JSON, then the cases of real
// exports (BOM, CRLF and CR, quotes with newlines, semicolons and tabs, Excel's "sep="
// line), the problems it reports by line and column, and garbage and mutated input that
// must never crash, hang or give invalid UTF-8.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "core/json_text.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

using Fields = std::vector<std::string>;

// The data rows as csv-spectrum writes them: one object per row, keyed by the header.
nlohmann::json rows_as_objects(const CsvTable& table) {
    nlohmann::json rows = nlohmann::json::array();
    for (const CsvRow& row : table.rows) {
        nlohmann::json object = nlohmann::json::object();
        for (std::size_t i = 0; i < row.fields.size() && i < table.header.fields.size(); ++i)
            object[table.header.fields[i]] = row.fields[i];
        rows.push_back(std::move(object));
    }
    return rows;
}

std::vector<int> lines_of(const CsvTable& table) {
    std::vector<int> lines;
    for (const CsvRow& row : table.rows) lines.push_back(row.line);
    return lines;
}

std::vector<Fields> fields_of(const CsvTable& table) {
    std::vector<Fields> all;
    for (const CsvRow& row : table.rows) all.push_back(row.fields);
    return all;
}

}  // namespace

TEST_CASE("csv-spectrum: every file gives exactly the rows of its JSON") {
    const std::string dir = test::shared_path("data/peers/csv-spectrum");
    const auto files = test::files_in(dir + "/csvs", ".csv");
    REQUIRE(files.size() == 11);
    for (const std::string& path : files) {
        const std::string name = test::file_name(path);
        INFO(name);
        const std::string text = test::slurp(path);
        REQUIRE_FALSE(text.empty());
        const std::string expected_text = test::slurp(dir + "/json/" + name.substr(0, name.size() - 4) + ".json");
        const nlohmann::json expected = test::as_value(expected_text);
        REQUIRE(expected.is_array());

        const CsvTable table = read_csv(text);
        CHECK_MESSAGE(table.problems.empty(), listing(table.problems));
        for (const CsvRow& row : table.rows) CHECK_MESSAGE(row.problems.empty(), listing(row.problems));
        CHECK(table.separator == ',');
        CHECK(rows_as_objects(table) == expected);
    }
}

TEST_CASE("csv-spectrum: line numbers count the lines inside quoted fields") {
    const CsvTable table = read_csv(test::slurp(test::shared_path("data/peers/csv-spectrum/csvs/newlines_crlf.csv")));
    CHECK(table.header.line == 1);
    CHECK(lines_of(table) == std::vector<int>{2, 3, 5});
    const CsvTable quotes =
        read_csv(test::slurp(test::shared_path("data/peers/csv-spectrum/csvs/quotes_and_newlines.csv")));
    CHECK(lines_of(quotes) == std::vector<int>{2, 5});
}

TEST_CASE("read: a UTF-8 byte order mark is taken off the first header") {
    const CsvTable table = read_csv("\xEF\xBB\xBFid,name\n1,Caf\xC3\xA9\n");
    CHECK(table.had_bom);
    CHECK(table.header.fields == Fields{"id", "name"});
    CHECK(fields_of(table) == std::vector<Fields>{{"1", "Caf\xC3\xA9"}});
    CHECK_FALSE(read_csv("id,name\n").had_bom);
}

TEST_CASE("read: CRLF, LF and CR alone end lines, mixed in one file") {
    const CsvTable table = read_csv("a,b\r\n1,2\n3,4\r5,6\r\n");
    CHECK(fields_of(table) == std::vector<Fields>{{"1", "2"}, {"3", "4"}, {"5", "6"}});
    CHECK(lines_of(table) == std::vector<int>{2, 3, 4});
    // No line end after the last row, and empty lines (in any style) are skipped but counted.
    const CsvTable gaps = read_csv("a,b\r\n\r\n1,2\n\n\r3,4");
    CHECK(fields_of(gaps) == std::vector<Fields>{{"1", "2"}, {"3", "4"}});
    CHECK(lines_of(gaps) == std::vector<int>{3, 6});
}

TEST_CASE("read: quotes hold separators, doubled quotes and line ends as written") {
    const CsvTable table =
        read_csv("name;note;n\r\n\"Bakkerij \"\"De Hoek\"\"\";\"regel 1\r\nregel 2;\n3\";1\r\nx;\"\";2\r\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.separator == ';');
    CHECK(table.rows[0].fields == Fields{"Bakkerij \"De Hoek\"", "regel 1\r\nregel 2;\n3", "1"});
    CHECK(table.rows[1].fields == Fields{"x", "", "2"});
    CHECK(lines_of(table) == std::vector<int>{2, 5});
    // A quote inside an unquoted field is an ordinary character.
    CHECK(read_csv("a,b\n5\" disk,x\n").rows[0].fields == Fields{"5\" disk", "x"});
    // Spaces after a closing quote are dropped.
    CHECK(read_csv("a,b\n\"x\"  ,y\n").rows[0].fields == Fields{"x", "y"});
}

TEST_CASE("read: empty fields and a separator at the end of a line") {
    const CsvTable table = read_csv("a,b,c\n,,\n1,,\n");
    CHECK(fields_of(table) == std::vector<Fields>{{"", "", ""}, {"1", "", ""}});
    CHECK(read_csv("a\n\"\"\n").rows[0].fields == Fields{""});
}

TEST_CASE("read: the separator is detected from the header line, outside quotes") {
    CHECK(read_csv("Klant;Omzet 2024;Regio\n1;2,5;Noord\n").separator == ';');
    CHECK(read_csv("a\tb\tc\n1\t2\t3\n").separator == '\t');
    CHECK(read_csv("a,b\n1;2;3;4;5\n").separator == ',');                  // only the header counts
    CHECK(read_csv("\"a;b;c\",d,e\n").separator == ',');                    // quoted ones do not
    CHECK(read_csv("\"Naam, voluit\";Omzet\n").separator == ';');
    CHECK(read_csv("single\n1\n").separator == ',');                        // none: comma
    CHECK(read_csv("a,b;c\n").separator == ',');                            // a tie: comma first
    const CsvTable tabbed = read_csv("id\tname\n1\tA, B; C\n");
    CHECK(tabbed.rows[0].fields == Fields{"1", "A, B; C"});
}

TEST_CASE("read: a given separator overrides detection; Excel's sep= line sets it") {
    const CsvTable given = read_csv("a;b,c\n1;2,3\n", {.separator = ','});
    CHECK(given.header.fields == Fields{"a;b", "c"});
    const CsvTable excel = read_csv("sep=;\r\nid;name,x\r\n1;A,B\r\n");
    CHECK(excel.separator == ';');
    CHECK(excel.header.fields == Fields{"id", "name,x"});
    CHECK(excel.header.line == 2);
    CHECK(lines_of(excel) == std::vector<int>{3});
    CHECK(read_csv("sep=x,y\n").header.fields == Fields{"sep=x", "y"});   // not a sep= line
    // A quote or a line end cannot separate: detection takes over.
    CHECK(read_csv("a;b\n", {.separator = '"'}).separator == ';');
}

TEST_CASE("read: bytes that are not UTF-8 are an error of their row, at the field") {
    const CsvTable table = read_csv("id,name\n1,Caf\xE9\n2,Bar\n");
    REQUIRE(table.rows.size() == 2);
    const CsvRow& bad = table.rows[0];
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.has_error());
    CHECK(bad.problems[0].place == "line 2, column name");
    CHECK(bad.problems[0].message.find("0xE9") != std::string::npos);
    CHECK(bad.problems[0].code == "csv_encoding");
    CHECK(bad.fields[1] == "Caf\xEF\xBF\xBD");
    CHECK_FALSE(table.rows[1].has_error());
    // The header names columns; where it has none, the number does.
    const CsvTable beyond = read_csv("id\n1,\xFF\n");
    CHECK(beyond.rows[0].problems[0].place == "line 2, column 2");
}

TEST_CASE("read: UTF-16 and empty files are refused as a whole") {
    const CsvTable utf16 = read_csv(std::string("\xFF\xFE" "i\0d\0", 6));
    REQUIRE(utf16.problems.size() == 1);
    CHECK(utf16.problems[0].code == "csv_encoding");
    CHECK(utf16.header.fields.empty());
    for (const char* empty : {"", "\n\n", "\r\n", "\xEF\xBB\xBF"}) {
        const CsvTable table = read_csv(empty);
        REQUIRE(table.problems.size() == 1);
        CHECK(table.problems[0].code == "csv_empty");
        CHECK(table.rows.empty());
    }
    // A header alone is a table without rows, not a problem.
    const CsvTable header_only = read_csv("id,name\n");
    CHECK(header_only.problems.empty());
    CHECK(header_only.rows.empty());
}

TEST_CASE("read: a quote never closed costs its own row only") {
    const CsvTable table = read_csv("id,name\n1,\"Open\n2,Two\n3,Three\n");
    REQUIRE(table.rows.size() == 3);
    CHECK(table.rows[0].fields == Fields{"1", "\"Open"});
    REQUIRE(table.rows[0].problems.size() == 1);
    CHECK(table.rows[0].problems[0].place == "line 2, column name");
    CHECK(table.rows[0].problems[0].code == "csv_quote");
    CHECK(fields_of(table)[1] == Fields{"2", "Two"});
    CHECK(fields_of(table)[2] == Fields{"3", "Three"});
    CHECK(lines_of(table) == std::vector<int>{2, 3, 4});
}

TEST_CASE("read: text after a closing quote is an error of the row, kept in the field") {
    const CsvTable table = read_csv("a,b\n\"He said \"hi\" ok\",2\n3,4\n");
    REQUIRE(table.rows.size() == 2);
    CHECK(table.rows[0].has_error());
    CHECK(table.rows[0].problems[0].place == "line 2, column a");
    CHECK(table.rows[0].fields[0] == "He said hi\" ok\"");
    CHECK_FALSE(table.rows[1].has_error());
}

// [SECTION] hostile input ----------------------------------------------------------

namespace {

// What must hold for any input: fields are UTF-8, rows come in line order from the
// header's line on, and every problem has a place and a message.
void check_sane(const CsvTable& table, std::string_view input) {
    int previous = table.header.line;
    int lines = 1;
    for (char c : input) lines += (c == '\n' || c == '\r');
    for (const auto& p : table.problems) CHECK_FALSE(p.message.empty());
    for (const std::string& f : table.header.fields) CHECK(is_valid_utf8(f));
    for (const CsvRow& row : table.rows) {
        CHECK(row.line > previous);
        CHECK(row.line <= lines);
        previous = row.line;
        CHECK_FALSE(row.fields.empty());
        for (const std::string& f : row.fields) CHECK(is_valid_utf8(f));
        for (const auto& p : row.problems) {
            CHECK(p.place.rfind("line ", 0) == 0);
            CHECK_FALSE(p.message.empty());
        }
    }
}

}  // namespace

TEST_CASE("hostile: random bytes from a CSV-heavy alphabet never break the reader") {
    static const char kAlphabet[] = {'a',    '1',    ',',    ';',    '\t',   '"',  '"', '\r', '\n', ' ', '\xC3',
                                     '\xA9', '\xFF', '\xEF', '\xBB', '\xBF', '\0', 's', 'e',  'p',  '='};
    test::Lcg rng(7);
    for (int round = 0; round < 3000; ++round) {
        std::string input;
        const std::size_t length = rng.below(200);
        for (std::size_t i = 0; i < length; ++i) input += kAlphabet[rng.below(sizeof kAlphabet)];
        for (char separator : {'\0', ',', ';', '\t', '"', '\n'}) {
            const CsvTable table = read_csv(input, {.separator = separator});
            check_sane(table, input);
        }
    }
}

TEST_CASE("hostile: mutations of the csv-spectrum files never break the reader") {
    const auto files = test::files_in(test::shared_path("data/peers/csv-spectrum/csvs"), ".csv");
    REQUIRE_FALSE(files.empty());
    test::Lcg rng(11);
    for (const std::string& path : files) {
        const std::string original = test::slurp(path);
        for (int round = 0; round < 300; ++round) {
            std::string input = original;
            const int edits = 1 + static_cast<int>(rng.below(4));
            for (int e = 0; e < edits && !input.empty(); ++e) {
                const std::size_t at = rng.below(static_cast<std::uint32_t>(input.size()));
                switch (rng.below(4)) {
                    case 0: input[at] = static_cast<char>(rng.below(256)); break;
                    case 1: input.insert(at, 1, '"'); break;
                    case 2: input.erase(at, 1); break;
                    default: input.resize(at); break;
                }
            }
            check_sane(read_csv(input), input);
        }
    }
}

TEST_CASE("hostile: long runs stay linear") {
    // A quote never closed (the later pair does not close it) before 50,000 lines:
    // the text is read twice at most, and only the rows with the quotes have errors.
    std::string open = "a,b\n\"\n";
    for (int i = 0; i < 50000; ++i) open += "x,y\n";
    open += "\"\"q\n";
    const CsvTable table = read_csv(open);
    check_sane(table, open);
    REQUIRE(table.rows.size() == 50002);
    CHECK(table.rows.front().has_error());
    CHECK(table.rows.back().has_error());
    CHECK(table.rows.back().fields == Fields{"q"});
    CHECK_FALSE(table.rows[1].has_error());

    const std::string quotes(1 << 20, '"');
    check_sane(read_csv(quotes), quotes);
    const std::string separators = "a\n" + std::string(1 << 20, ';');
    const CsvTable wide = read_csv(separators, {.separator = ';'});
    REQUIRE(wide.rows.size() == 1);
    CHECK(wide.rows[0].fields.size() == (1u << 20) + 1);
    const std::string line_ends(1 << 20, '\r');
    CHECK(read_csv(line_ends).problems.size() == 1);
}
