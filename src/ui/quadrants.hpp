// The four quadrants of the portfolio matrix as the screen names them: McDonald &
// Woodburn's names (Strategic, Star, Status, Streamline), the earlier Cranfield names, or
// the user's own (portfolio.matrix.labels, docs/format-extensions.md), and the strategy
// each quadrant calls for. The quadrant ids of the report never change. No ImGui here.
#pragma once

#include <array>
#include <optional>
#include <string>

#include "core/analysis.hpp"
#include "core/model.hpp"

namespace kc::ui {

// The placed quadrants, in the order of kQuadrantIds and QuadrantLabels::own.
inline constexpr std::array<Quadrant, kQuadrantCount> kPlacedQuadrants = {
    Quadrant::key, Quadrant::key_development, Quadrant::maintenance, Quadrant::opportunistic};

// Position of a placed quadrant in kPlacedQuadrants (0..3); -1 for Quadrant::none.
int quadrant_slot(Quadrant quadrant);

// The quadrant's name in a named set, in the UI language (`own` gives McDonald &
// Woodburn's, the name shown where the user typed none).
const char* quadrant_name(Quadrant quadrant, QuadrantNaming naming);
// What the screen calls the quadrant under `labels` (nullopt: McDonald & Woodburn).
std::string quadrant_label(Quadrant quadrant, const std::optional<QuadrantLabels>& labels);
// The strategy the quadrant calls for, one short word ("Invest") and a sentence.
const char* quadrant_strategy_word(Quadrant quadrant);
const char* quadrant_strategy(Quadrant quadrant);
// The name of a set of names ("McDonald & Woodburn", "Cranfield", "Own names").
const char* naming_name(QuadrantNaming naming);

}  // namespace kc::ui
