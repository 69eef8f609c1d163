// Pyramid migration (see views.hpp): a grid of the layers in Y − 1 (rows) against the
// layers in Y (columns), each cell the number of accounts that moved that way. Cells
// above the diagonal are moves up (blue), below it moves down (orange), the diagonal
// stayed (grey); the stronger the colour, the more accounts. A click lists the cell's
// accounts. Curry: a few percent moving up is worth a lot.
#include <algorithm>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kShortLayer[kLayerCount] = {{"Top", "Top"}, {"Grt", "Lrg"}, {"Mid", "Med"}, {"Kln", "Sml"},
                                                {"Ina", "Ina"}, {"Pro", "Pro"}, {"Sus", "Sus"}};
constexpr Bilingual kNoPrevious("Geen vorig jaar: er is geen analysejaar.", "No previous year: there is no analysis year.");
constexpr Bilingual kAxes("Rijen: laag in {} · kolommen: laag in {}", "Rows: layer in {} · columns: layer in {}");
constexpr Bilingual kUp("↑ {} omhoog ({})", "↑ {} up ({})");
constexpr Bilingual kDown("↓ {} omlaag ({})", "↓ {} down ({})");
constexpr Bilingual kSame("{} gelijk", "{} unchanged");
constexpr Bilingual kCellTip("{} accounts van {} ({}) naar {} ({})", "{} accounts from {} ({}) to {} ({})");
constexpr Bilingual kMovedUp("Omhoog: een hogere laag dan vorig jaar.", "Up: a higher layer than last year.");
constexpr Bilingual kMovedDown("Omlaag: een lagere laag dan vorig jaar.", "Down: a lower layer than last year.");
constexpr Bilingual kStayed("Gelijk gebleven.", "Stayed in the same layer.");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");
constexpr Bilingual kColFrom("Laag vorig jaar", "Layer last year");
constexpr Bilingual kColTo("Naar {}", "To {}");
constexpr Bilingual kFactFrom("Van jaar", "From year");
constexpr Bilingual kFactTo("Naar jaar", "To year");
constexpr Bilingual kFactUp("Omhoog", "Up");
constexpr Bilingual kFactDown("Omlaag", "Down");
constexpr Bilingual kFactSame("Gelijk", "Unchanged");

// +1 up (a higher layer: a smaller index), −1 down, 0 the same.
int direction(int from, int to) { return to < from ? 1 : (to > from ? -1 : 0); }

// The layer names at the width there is: full when all fit, else three letters.
std::array<std::string, kLayerCount> layer_labels(float width) {
    std::array<std::string, kLayerCount> labels;
    bool full_fits = true;
    for (int i = 0; i < kLayerCount; ++i) {
        labels[static_cast<std::size_t>(i)] = capitalised(layer_text(static_cast<Layer>(i)));
        if (chart::text_width(labels[static_cast<std::size_t>(i)]) > width) full_fits = false;
    }
    if (!full_fits)
        for (int i = 0; i < kLayerCount; ++i) labels[static_cast<std::size_t>(i)] = tr(kShortLayer[i]);
    return labels;
}

std::string percent_of(int part, int whole) {
    return format_percent(whole > 0 ? static_cast<double>(part) / whole : 0.0, 0);
}

}  // namespace

Figures MigrationView::figures(const Context& context) const {
    const MigrationReport& m = context.report().migration;
    Figures out;
    out.title = std::string(tr(title())) +
                (m.from_year ? " " + std::to_string(*m.from_year) + " → " + std::to_string(*m.to_year) : std::string());
    out.columns.push_back({"from", tr(kColFrom)});
    for (Layer to : kAllLayers)
        out.columns.push_back({"to_" + std::string(to_string(to)), fill(tr(kColTo), {layer_text(to)})});
    for (Layer from : kAllLayers) {
        std::vector<FigureValue> row{std::string(to_string(from))};
        for (Layer to : kAllLayers)
            row.emplace_back(static_cast<double>(m.counts[static_cast<std::size_t>(from)][static_cast<std::size_t>(to)]));
        out.rows.push_back(std::move(row));
    }
    auto year = [](std::optional<int> y) { return y ? FigureValue(static_cast<double>(*y)) : FigureValue(); };
    out.add_fact("from_year", tr(kFactFrom), year(m.from_year));
    out.add_fact("to_year", tr(kFactTo), year(m.to_year));
    out.add_fact("up", tr(kFactUp), static_cast<double>(m.up));
    out.add_fact("down", tr(kFactDown), static_cast<double>(m.down));
    out.add_fact("unchanged", tr(kFactSame), static_cast<double>(m.unchanged));
    return out;
}

void MigrationView::draw_body(const Context& context) {
    const MigrationReport& m = context.report().migration;
    if (!m.from_year) {
        ImGui::TextDisabled("%s", tr(kNoPrevious));
        return;
    }
    const std::string from_year = std::to_string(*m.from_year), to_year = std::to_string(*m.to_year);
    ImGui::TextDisabled("%s", fill(tr(kAxes), {from_year, to_year}).c_str());

    const float line = ImGui::GetTextLineHeight();
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float summary_height = line + ImGui::GetStyle().ItemSpacing.y * 2;

    // Row labels take what the longest name needs (or three letters when room is short).
    const float pad = em * 0.4f;
    float label_width = 0;
    const auto row_labels = layer_labels(avail.x * 0.22f);
    for (const auto& label : row_labels) label_width = std::max(label_width, chart::text_width(label));
    label_width += pad;
    const float cell_w = std::max(1.0f, (avail.x - label_width) / kLayerCount);
    const float cell_h = std::max(line, (avail.y - line - summary_height - pad) / kLayerCount);
    const auto column_labels = layer_labels(cell_w - 2);

    int strongest_move = 1, strongest_stay = 1;
    for (int f = 0; f < kLayerCount; ++f)
        for (int t = 0; t < kLayerCount; ++t) {
            const int n = m.counts[static_cast<std::size_t>(f)][static_cast<std::size_t>(t)];
            (f == t ? strongest_stay : strongest_move) = std::max(f == t ? strongest_stay : strongest_move, n);
        }

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float grid_x = origin.x + label_width, grid_y = origin.y + line + pad / 2;
    for (int t = 0; t < kLayerCount; ++t)
        chart::text_centred(draw, ImVec2(grid_x + cell_w * static_cast<float>(t), origin.y),
                            ImVec2(grid_x + cell_w * static_cast<float>(t + 1), origin.y + line), chart::ink(),
                            column_labels[static_cast<std::size_t>(t)]);
    const int total = m.up + m.down + m.unchanged;
    for (int f = 0; f < kLayerCount; ++f) {
        const float y0 = grid_y + cell_h * static_cast<float>(f);
        chart::text(draw, ImVec2(origin.x, y0 + (cell_h - line) / 2), chart::ink(), row_labels[static_cast<std::size_t>(f)],
                    label_width - pad);
        for (int t = 0; t < kLayerCount; ++t) {
            const int n = m.counts[static_cast<std::size_t>(f)][static_cast<std::size_t>(t)];
            const int dir = direction(f, t);
            const ImVec2 min(grid_x + cell_w * static_cast<float>(t), y0);
            const ImVec2 max(min.x + cell_w, y0 + cell_h);
            const float strength = n == 0 ? 0.0f : static_cast<float>(n) / static_cast<float>(dir == 0 ? strongest_stay : strongest_move);
            const ImU32 fill_colour = n == 0 ? IM_COL32(248, 248, 248, 255) : chart::move_colour(dir, strength);
            draw->AddRectFilled(ImVec2(min.x + 1, min.y + 1), ImVec2(max.x - 1, max.y - 1), fill_colour);
            if (n > 0) chart::text_centred(draw, min, max, chart::ink_on(fill_colour), format_integer(n));

            const Layer from = static_cast<Layer>(f), to = static_cast<Layer>(t);
            record_part(context, "cell:" + std::string(to_string(from)) + ">" + std::string(to_string(to)),
                        {min.x, min.y, max.x, max.y});
            if (!chart::hovered(min, max)) continue;
            draw->AddRect(min, max, chart::accent(), 0, 0, 2.0f);
            chart::tooltip({fill(tr(kCellTip), {format_integer(n), layer_text(from), from_year, layer_text(to), to_year}),
                            tr(dir > 0 ? kMovedUp : dir < 0 ? kMovedDown : kStayed), percent_of(n, total),
                            tr(kClickToList)});
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_migration(from, to));
        }
    }

    // The sums under the grid, up and down each with its share of all accounts.
    ImGui::SetCursorScreenPos(ImVec2(origin.x, grid_y + cell_h * kLayerCount + pad));
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(chart::move_colour(1, 1)), "%s",
                       fill(tr(kUp), {format_integer(m.up), percent_of(m.up, total)}).c_str());
    ImGui::SameLine(0, em);
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(chart::move_colour(-1, 1)), "%s",
                       fill(tr(kDown), {format_integer(m.down), percent_of(m.down, total)}).c_str());
    ImGui::SameLine(0, em);
    ImGui::TextDisabled("%s", fill(tr(kSame), {format_integer(m.unchanged)}).c_str());
}

}  // namespace kc::ui
