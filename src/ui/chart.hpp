// Drawing helpers shared by the chart views: a palette that colour-blind readers can
// tell apart (Okabe & Ito's colours and one blue ramp, never red against green alone),
// text that never runs past its room, and tooltips of figures.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/analysis.hpp"
#include "imgui.h"

namespace kc::ui::chart {

// [SECTION] colours -------------------------------------------------------------------
// Customer layers on one blue ramp, dark at the top (lightness alone tells them apart);
// the three lower layers in grey and two light oranges.
ImU32 layer_colour(Layer layer);
ImU32 abc_colour(AbcClass value);
ImU32 retention_colour(RetentionStatus status);
// Moves between layers: up in blue, down in orange, staying in grey; `strength` 0..1.
ImU32 move_colour(int direction, float strength);
// A score on its scale (0 = the minimum, 1 = the maximum) on the blue ramp, light to dark.
ImU32 score_colour(double fraction);
// Black or white, whichever reads better on `fill`.
ImU32 ink_on(ImU32 fill);
ImU32 ink();          // the style's text colour
ImU32 faint_ink();    // secondary text and guides
ImU32 grid_colour();
ImU32 accent();       // highlights: the 80% point, a growth goal (blue)
ImU32 alert();        // revenue above wallet (vermillion, with a sign, never colour alone)

// [SECTION] text ------------------------------------------------------------------------
// Draws `text` at `pos`, cut to `max_width` with "…" when it is wider; draws nothing when
// not even "…" fits. Returns the width drawn.
float text(ImDrawList* draw, ImVec2 pos, ImU32 colour, std::string_view text, float max_width);
// Draws `text` centred in [min, max] when it fits entirely; returns whether it did.
bool text_centred(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour, std::string_view text);
// Right-aligned at x_right (numbers line up by their last digit), only when it fits
// between x_left and x_right.
bool text_right(ImDrawList* draw, float x_left, float x_right, float y, ImU32 colour, std::string_view text);
float text_width(std::string_view text);
// `text` as an item flush right in the current cell or line (numbers line up by their
// last digit); as it is where it does not fit.
void right_aligned(std::string_view text);
// The current table's sort order, once the user changed it (ImGui marks it dirty): true
// then, with `column` (the first sort column's user id) and `descending` set if any.
bool take_sort_change(ImGuiID& column, bool& descending);

// A tooltip of a few lines; the first is the heading.
void tooltip(std::initializer_list<std::string> lines);
void tooltip_lines(const std::string* lines, std::size_t count);

// [SECTION] hit testing -----------------------------------------------------------------
// Whether the mouse is over [min, max] in the window being drawn (not over a popup).
bool hovered(ImVec2 min, ImVec2 max);
bool clicked(ImVec2 min, ImVec2 max);

}  // namespace kc::ui::chart
