// The quadrant labels of the portfolio matrix (docs/format-extensions.md): read from
// `portfolio.matrix.labels`, written back as they were, set and undone by
// SetQuadrantLabels; a `labels` of another shape is kept untouched, unused, with a warning.
#include <doctest/doctest.h>

#include <string>

#include "core/edit.hpp"
#include "core/format.hpp"
#include "edit_support.hpp"

using namespace kc;
using kc::test::check_refused;
using kc::test::check_round_trip;
using kc::test::read_example;
using kc::test::saved;

namespace {

// A small portfolio whose `matrix` object holds `matrix_members` (JSON text).
std::string with_matrix(const std::string& matrix_members) {
    return "{\n  \"kamcanvas\": 1,\n  \"portfolio\": {\n    \"matrix\": {\n" + matrix_members +
           "\n    }\n  },\n  \"accounts\": []\n}\n";
}

Portfolio read_text(const std::string& text) {
    ReadResult read = read_portfolio(text);
    REQUIRE_MESSAGE(read.ok(), text);
    return std::move(*read.portfolio);
}

bool has_warning(const std::string& text, const std::string& code) {
    for (const Problem& w : read_portfolio(text).warnings)
        if (w.code == code && w.place == "/portfolio/matrix/labels") return true;
    return false;
}

QuadrantLabels own(std::optional<std::string> key, std::optional<std::string> development,
                   std::optional<std::string> maintenance, std::optional<std::string> opportunistic) {
    QuadrantLabels labels;
    labels.naming = QuadrantNaming::own;
    labels.own = {std::move(key), std::move(development), std::move(maintenance), std::move(opportunistic)};
    return labels;
}

QuadrantLabels named(QuadrantNaming naming) {
    QuadrantLabels labels;
    labels.naming = naming;
    return labels;
}

}  // namespace

TEST_CASE("labels: a named set or the user's own are read into the model and written back as they were") {
    const std::string cranfield = with_matrix("      \"x_threshold\": 40,\n      \"labels\": \"cranfield\"");
    Portfolio p = read_text(cranfield);
    REQUIRE(p.info.matrix.labels.has_value());
    CHECK(p.info.matrix.labels->naming == QuadrantNaming::cranfield);
    CHECK_FALSE(p.info.matrix.extra.contains("labels"));
    CHECK(saved(p) == cranfield);
    CHECK_FALSE(has_warning(cranfield, "unused_labels"));

    const std::string mine = with_matrix(
        "      \"labels\": {\n        \"key\": \"Partners\",\n        \"opportunistic\": \"Webshop\",\n"
        "        \"colour\": \"blue\"\n      },\n      \"note\": 1");
    p = read_text(mine);
    REQUIRE(p.info.matrix.labels.has_value());
    const QuadrantLabels& labels = *p.info.matrix.labels;
    CHECK(labels.naming == QuadrantNaming::own);
    CHECK(labels.own[0] == std::optional<std::string>("Partners"));
    CHECK_FALSE(labels.own[1].has_value());
    CHECK_FALSE(labels.own[2].has_value());
    CHECK(labels.own[3] == std::optional<std::string>("Webshop"));
    CHECK(labels.extra == Json{{"colour", "blue"}});
    CHECK(p.info.matrix.extra == Json{{"note", 1}});
    CHECK(saved(p) == mine);

    const std::string explicit_default = with_matrix("      \"labels\": \"mcdonald_woodburn\"");
    p = read_text(explicit_default);
    REQUIRE(p.info.matrix.labels.has_value());
    CHECK(p.info.matrix.labels->naming == QuadrantNaming::mcdonald_woodburn);
    CHECK(saved(p) == explicit_default);
}

TEST_CASE("labels: another shape is no error: kept where it was, unused, with a warning") {
    for (const char* value : {"5", "\"mine\"", "null", "[\"a\"]", "{\n        \"key\": 3\n      }"}) {
        CAPTURE(value);
        const std::string text =
            with_matrix("      \"labels\": " + std::string(value) + ",\n      \"y_threshold\": 70");
        ReadResult read = read_portfolio(text);
        REQUIRE(read.ok());
        CHECK_FALSE(read.portfolio->info.matrix.labels.has_value());
        CHECK(read.portfolio->info.matrix.y_threshold == 70);
        CHECK(has_warning(text, "unused_labels"));
    }
    // Saved again, the unknown member keeps its value (the known keys come first, as always).
    const std::string text = with_matrix("      \"y_threshold\": 70,\n      \"labels\": 5");
    CHECK(saved(read_text(text)) == text);
}

TEST_CASE("labels: set, changed and removed by an edit whose inverse restores the file") {
    Portfolio p = read_example("synthetic-40.json");   // no matrix object at all
    check_round_trip(p, SetQuadrantLabels{named(QuadrantNaming::cranfield)});
    check_round_trip(p, SetQuadrantLabels{named(QuadrantNaming::mcdonald_woodburn)});
    check_round_trip(p, SetQuadrantLabels{own("Strategisch", std::nullopt, "Status", "Stroomlijnen")});
    check_round_trip(p, SetQuadrantLabels{own(std::nullopt, std::nullopt, std::nullopt, std::nullopt)});
    check_round_trip(p, SetQuadrantLabels{std::nullopt});

    Portfolio m = read_example("matrix.json");   // thresholds in the file
    check_round_trip(m, SetQuadrantLabels{own("Key", "Star 中", "Status", "Streamline")});
    REQUIRE(kc::apply(m, SetQuadrantLabels{own("Key", "Star 中", "Status", std::nullopt)}).ok());
    check_round_trip(m, SetQuadrantLabels{named(QuadrantNaming::cranfield)});
    check_round_trip(m, SetQuadrantLabels{std::nullopt});

    ReadResult back = read_portfolio(saved(m));
    REQUIRE(back.ok());
    REQUIRE(back.portfolio->info.matrix.labels.has_value());
    CHECK(*back.portfolio->info.matrix.labels == own("Key", "Star 中", "Status", std::nullopt));
    CHECK(back.portfolio->info.matrix.x_threshold == 40);
}

TEST_CASE("labels: an edit over an unused `labels` writes the new one once; undo brings the old back") {
    const std::string text = with_matrix("      \"labels\": 5,\n      \"note\": true");
    Portfolio p = read_text(text);
    ApplyResult set = kc::apply(p, SetQuadrantLabels{named(QuadrantNaming::cranfield)});
    REQUIRE(set.ok());
    const std::string edited = saved(p);
    CHECK(edited.find("\"labels\": \"cranfield\"") != std::string::npos);
    CHECK(edited.find("\"labels\": 5") == std::string::npos);
    CHECK(read_portfolio(edited).ok());
    REQUIRE(kc::apply(p, *set.inverse).ok());
    CHECK(saved(p) == text);
}

TEST_CASE("labels: unchanged settings are no change; text must be UTF-8") {
    Portfolio p = read_example("matrix.json");
    CHECK_FALSE(kc::apply(p, SetQuadrantLabels{std::nullopt}).changed);
    REQUIRE(kc::apply(p, SetQuadrantLabels{own("A", "B", std::nullopt, std::nullopt)}).changed);
    CHECK_FALSE(kc::apply(p, SetQuadrantLabels{own("A", "B", std::nullopt, std::nullopt)}).changed);
    CHECK(kc::apply(p, SetQuadrantLabels{own("A", "B", "", std::nullopt)}).changed);
    check_refused(p, SetQuadrantLabels{own("ok", "bad \xC3(", std::nullopt, std::nullopt)},
                  "/portfolio/matrix/labels/key_development");
}
