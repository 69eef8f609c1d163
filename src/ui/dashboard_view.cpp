// The dashboard (see views.hpp): every chart in a grid cell of its own, as many columns
// as fit at a readable width (three on a 1366-pixel laptop screen, three or four on a
// projector), rows sharing the height; when the window is too low for that, the grid
// scrolls instead of squeezing the charts.
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "views.hpp"

namespace kc::ui {

void DashboardView::draw(const Context& context) {
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImGuiStyle& style = ImGui::GetStyle();
    const int count = static_cast<int>(charts_.size());
    if (count == 0) return;
    // A chart needs about 28 em across and 18 em down to keep its labels apart. Two rows
    // share the height of the window; a chart beyond them (a seventh on a laptop screen)
    // is one scroll away, so the ones above stay side by side without shrinking.
    const float min_width = 28 * em, min_height = 18 * em;
    const auto columns_for = [&](float width) {
        return std::clamp(static_cast<int>((width + style.ItemSpacing.x) / (min_width + style.ItemSpacing.x)), 1, count);
    };
    int columns = columns_for(avail.x);
    int rows = (count + columns - 1) / columns;
    const float two_rows_height = std::floor((avail.y - style.ItemSpacing.y) / 2);
    const bool scrolls = rows > 2 || two_rows_height < min_height;
    const float width = scrolls ? avail.x - style.ScrollbarSize : avail.x;
    columns = columns_for(width);
    rows = (count + columns - 1) / columns;
    const float cell_width = std::floor((width - style.ItemSpacing.x * static_cast<float>(columns - 1)) / columns);
    const float cell_height = rows == 1 ? std::max(min_height, avail.y) : std::max(min_height, two_rows_height);

    ImGui::BeginChild("grid", ImVec2(0, 0), ImGuiChildFlags_None, scrolls ? 0 : ImGuiWindowFlags_NoScrollbar);
    for (int i = 0; i < count; ++i) {
        if (i % columns != 0) ImGui::SameLine();
        ChartView& chart = *charts_[static_cast<std::size_t>(i)];
        ImGui::PushID(i);
        ImGui::BeginChild("cell", ImVec2(cell_width, cell_height), ImGuiChildFlags_Border,
                          ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
        chart.draw(context);
        ImGui::EndChild();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

}  // namespace kc::ui
