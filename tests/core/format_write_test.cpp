// write_portfolio: layout rules, and the round-trip properties over every shared file
// and generated portfolios: read(write(read(f))) keeps every value of f, and writing
// is a fixed point after one pass.
#include <doctest/doctest.h>

#include <string>

#include "core/format.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

// The two properties for one input text.
void check_round_trip(const std::string& label, const std::string& text) {
    INFO(label);
    ReadResult first = read_portfolio(text);
    REQUIRE_MESSAGE(first.ok(), listing(first.errors));
    const std::string written = write_portfolio(*first.portfolio);
    const auto original = test::as_value(text);
    REQUIRE_FALSE(original.is_discarded());
    const auto rewritten = test::as_value(written);
    REQUIRE_FALSE(rewritten.is_discarded());
    CHECK(rewritten == original);

    ReadResult second = read_portfolio(written);
    REQUIRE_MESSAGE(second.ok(), listing(second.errors));
    CHECK(write_portfolio(*second.portfolio) == written);
    CHECK(second.warnings.size() == first.warnings.size());
}

}  // namespace

TEST_CASE("write: round trip of every shared example and real file") {
    auto files = test::files_in(test::shared_path("data/examples"), ".json");
    for (const auto& path : test::files_in(test::shared_path("data/real"), ".kamcanvas.json")) files.push_back(path);
    REQUIRE(files.size() >= 14);
    for (const auto& path : files) check_round_trip(path, test::slurp(path));
}

TEST_CASE("write: round trip of generated portfolios using every field") {
    check_round_trip("generated, criteria first", test::generated_portfolio({.accounts = 300, .seed = 3}));
    check_round_trip("generated, criteria last",
                     test::generated_portfolio({.accounts = 300, .seed = 4, .criteria_after_accounts = true}));
    check_round_trip("generated, compact", test::generated_portfolio({.accounts = 300, .seed = 5, .compact = true}));
}

TEST_CASE("write: layout, order and number forms") {
    ReadResult r = read_portfolio(R"({"x_first": {"b": [1, 2.50, -0.0, 1e300, 12345678901234567890]},
        "accounts": [{"notes": "tab\there \"q\" \\ é 中 🍀 \u0001", "name": "N", "id": "A",
                      "revenue": {"2025": 100.0, "2024": 0.1}, "scores": {}}],
        "kamcanvas": 1})");
    REQUIRE_MESSAGE(r.ok(), listing(r.errors));
    const std::string text = write_portfolio(*r.portfolio);
    const std::string expected = R"({
  "kamcanvas": 1,
  "accounts": [
    {
      "id": "A",
      "name": "N",
      "revenue": {
        "2024": 0.1,
        "2025": 100
      },
      "scores": {},
      "notes": "tab\there \"q\" \\ é 中 🍀 \u0001"
    }
  ],
  "x_first": {
    "b": [
      1,
      2.5,
      0,
      1e+300,
      12345678901234567890
    ]
  }
}
)";
    CHECK(text == expected);
}

TEST_CASE("write: defaults appear only when the file had them or they changed") {
    ReadResult r = read_portfolio(R"({"kamcanvas": 1, "portfolio": {"currency": "EUR", "pyramid": {}},
        "criteria": [{"id": "a", "weight": 1, "axis": null}, {"id": "b"}],
        "accounts": [{"id": "A", "name": "a", "key": false, "products": []}, {"id": "B", "name": "b"}]})");
    REQUIRE(r.ok());
    Portfolio p = *r.portfolio;
    std::string text = write_portfolio(p);
    CHECK(text.find("\"currency\": \"EUR\"") != std::string::npos);
    CHECK(text.find("\"pyramid\": {}") != std::string::npos);
    CHECK(text.find("\"matrix\"") == std::string::npos);
    CHECK(text.find("\"axis\": null") != std::string::npos);
    CHECK(text.find("\"key\": false") != std::string::npos);
    CHECK(text.find("\"products\": []") != std::string::npos);
    CHECK(text.find("\"organisation\"") == std::string::npos);
    // An edit away from the default shows; an account without the key stays without.
    p.accounts[1].key = true;
    p.info.matrix.x_threshold = 30;
    p.criteria[1].axis = Axis::position;
    text = write_portfolio(p);
    CHECK(text.find("\"x_threshold\": 30") != std::string::npos);
    CHECK(text.find("\"y_threshold\"") == std::string::npos);
    CHECK(text.find("\"axis\": \"position\"") != std::string::npos);
    ReadResult again = read_portfolio(text);
    REQUIRE(again.ok());
    CHECK(again.portfolio->accounts[1].key);

    // A portfolio built in code (no file) writes only what it holds.
    Portfolio fresh;
    fresh.accounts.emplace_back();
    fresh.accounts[0].id = "X";
    fresh.accounts[0].name = "Y";
    CHECK(write_portfolio(fresh) ==
          "{\n  \"kamcanvas\": 1,\n  \"accounts\": [\n    {\n      \"id\": \"X\",\n      \"name\": \"Y\"\n    }\n  ]\n}\n");
}

TEST_CASE("write: text that is not UTF-8 still gives valid JSON") {
    Portfolio p;
    p.accounts.emplace_back();
    p.accounts[0].id = "A";
    p.accounts[0].name = "bad \xFF byte";
    const std::string text = write_portfolio(p);
    CHECK(text.find("bad \xEF\xBF\xBD byte") != std::string::npos);
    CHECK(read_portfolio(text).ok());
}
