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
    // A chart needs about 28 em across and 18 em down to keep its labels apart.
    const float min_width = 28 * em, min_height = 18 * em;
    const int columns = std::clamp(static_cast<int>((avail.x + style.ItemSpacing.x) / (min_width + style.ItemSpacing.x)), 1, count);
    const int rows = (count + columns - 1) / columns;
    const float cell_width = std::floor((avail.x - style.ItemSpacing.x * static_cast<float>(columns - 1)) / columns);
    const float fitting_height = (avail.y - style.ItemSpacing.y * static_cast<float>(rows - 1)) / rows;
    const float cell_height = std::floor(std::max(min_height, fitting_height));

    ImGui::BeginChild("grid", ImVec2(0, 0), ImGuiChildFlags_None, fitting_height >= min_height ? ImGuiWindowFlags_NoScrollbar : 0);
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
