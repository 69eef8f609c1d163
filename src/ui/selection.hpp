// What the user clicked on a chart: a part of an analysis (a pyramid layer, a migration
// cell, an ABC class, a retention status, a group of a breakdown …) and the accounts
// behind it. A Selection names the part, not the accounts, so after an edit the list
// follows the analysis as it is then. Plain C++ (no ImGui): tested natively.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "core/model.hpp"

namespace kc::ui {

struct Selection {
    enum class Kind { none, layer, migration, abc, retention, segment, region, product, above_wallet, growth_goal,
                      quadrant };
    Kind kind = Kind::none;
    // layer: the Layer; migration: the layer in Y − 1 (first) and in Y (second);
    // abc: the AbcClass; retention: the RetentionStatus; quadrant: the Quadrant of the matrix.
    int first = 0, second = 0;
    // segment, region, product: the group's value; nullopt is "without a value".
    std::optional<std::string> group;

    static Selection of_layer(Layer layer) { return {Kind::layer, static_cast<int>(layer), 0, {}}; }
    static Selection of_migration(Layer from, Layer to) {
        return {Kind::migration, static_cast<int>(from), static_cast<int>(to), {}};
    }
    static Selection of_abc(AbcClass value) { return {Kind::abc, static_cast<int>(value), 0, {}}; }
    static Selection of_retention(RetentionStatus status) { return {Kind::retention, static_cast<int>(status), 0, {}}; }
    static Selection of_quadrant(Quadrant quadrant) { return {Kind::quadrant, static_cast<int>(quadrant), 0, {}}; }

    bool empty() const { return kind == Kind::none; }
    friend bool operator==(const Selection&, const Selection&) = default;
};

// The accounts behind `selection`, in the report's order (customers by rank, then the
// others in file order).
std::vector<int> selected_accounts(const Selection& selection, const Portfolio& portfolio, const Report& report);

// What the list is called, in the UI language: "Laag top", "Groot → middelgroot", "Klasse A" …
// (a quadrant by the name the portfolio gives it).
std::string selection_title(const Selection& selection, const Portfolio& portfolio);

// A stable name for scripts and tests, the same in every language: "layer:top",
// "migration:large>top", "abc:A", "retention:lost", "segment:Retail", "segment:" (no value),
// "above_wallet", "growth_goal", "quadrant:key_development"; "" for none.
std::string selection_key(const Selection& selection);

}  // namespace kc::ui
