// Breakdowns (see views.hpp): revenue, customers and share of wallet per segment (the
// market principle, M), region (geography, G) or product group (P): the three ways a
// decentral account management can be organised. A small bar per row shows the revenue
// share; a click on a row lists the group's accounts.
#include <algorithm>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kSegment("Segment (M)", "Segment (M)");
constexpr Bilingual kRegion("Regio (G)", "Region (G)");
constexpr Bilingual kProduct("Product (P)", "Product (P)");
constexpr Bilingual kPrinciple(
    "De drie indelingen van decentraal accountmanagement: naar markt of segment (M), naar regio (G, geografie) "
    "en naar productgroep (P). Een account met meerdere productgroepen telt in elk ervan mee.",
    "The three ways to organise decentral account management: by market or segment (M), by region "
    "(G, geography) and by product group (P). An account with several product groups counts in each.");
constexpr Bilingual kWithout("(zonder)", "(none)");
constexpr Bilingual kColGroup("Groep", "Group");
constexpr Bilingual kColAccounts("Accounts", "Accounts");
constexpr Bilingual kColCustomers("Klanten", "Customers");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kColShare("Aandeel", "Share");
constexpr Bilingual kColShareLong("Omzetaandeel", "Revenue share");
constexpr Bilingual kColWallet("Potentieel", "Wallet");
constexpr Bilingual kColSow("SoW", "SoW");
constexpr Bilingual kColSowLong("Share of wallet", "Share of wallet");
constexpr Bilingual kNoGroups("Geen accounts.", "No accounts.");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");


const Breakdown& breakdown_of(const Report& report, int dimension) {
    const BreakdownsReport& b = report.breakdowns;
    return dimension == 0 ? b.segment : dimension == 1 ? b.region : b.product;
}

Selection::Kind kind_of(int dimension) {
    return dimension == 0 ? Selection::Kind::segment : dimension == 1 ? Selection::Kind::region : Selection::Kind::product;
}

const char* dimension_key(int dimension) { return dimension == 0 ? "segment" : dimension == 1 ? "region" : "product"; }

}  // namespace

Figures BreakdownsView::figures(const Context& context) const {
    const Report& report = context.report();
    const int dimension = static_cast<int>(dimension_);
    const Bilingual& name = dimension == 0 ? kSegment : dimension == 1 ? kRegion : kProduct;
    Figures out;
    out.title = std::string(tr(title())) + " · " + tr(name) + (report.year ? " " + std::to_string(*report.year) : std::string());
    out.columns = {{"group", tr(kColGroup)},     {"accounts", tr(kColAccounts)}, {"customers", tr(kColCustomers)},
                   {"revenue", tr(kColRevenue)}, {"revenue_share", tr(kColShareLong)}, {"wallet", tr(kColWallet)},
                   {"share_of_wallet", tr(kColSowLong)}};
    for (const GroupFigures& g : breakdown_of(report, dimension).groups)
        out.rows.push_back({g.key ? FigureValue(*g.key) : FigureValue(), static_cast<double>(g.accounts),
                            static_cast<double>(g.customers), g.revenue, g.revenue_share, g.wallet,
                            g.share_of_wallet ? FigureValue(*g.share_of_wallet) : FigureValue()});
    out.add_fact("dimension", tr(kColGroup), std::string(dimension_key(dimension)));
    return out;
}

void BreakdownsView::draw_header_tools(const Context&) {
    const Bilingual* names[3] = {&kSegment, &kRegion, &kProduct};
    const int current = static_cast<int>(dimension_);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.5f);
    if (ImGui::BeginCombo("##dimension", tr(*names[current]))) {
        for (int d = 0; d < 3; ++d)
            if (ImGui::Selectable(tr(*names[d]), d == current)) dimension_ = static_cast<Dimension>(d);
        ImGui::EndCombo();
    }
    ImGui::SetItemTooltip("%s", tr(kPrinciple));
}

void BreakdownsView::draw_body(const Context& context) {
    const Report& report = context.report();
    const int dimension = static_cast<int>(dimension_);
    const Breakdown& breakdown = breakdown_of(report, dimension);
    if (breakdown.groups.empty()) {
        ImGui::TextDisabled("%s", tr(kNoGroups));
        return;
    }
    const std::string& currency = context.portfolio().info.currency;
    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_Hideable;
    // As tall as its rows (the column lines end with them), scrolling beyond the room left.
    const float row_height = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    const float rows_height = row_height * static_cast<float>(breakdown.groups.size() + 1) + 2;
    const float height = std::min(rows_height, ImGui::GetContentRegionAvail().y);
    if (!ImGui::BeginTable("groups", 6, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(kColGroup), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(tr(kColCustomers), ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn(tr(kColRevenue), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(tr(kColShare), ImGuiTableColumnFlags_WidthStretch, 2.6f);
    ImGui::TableSetupColumn(tr(kColSow), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn(tr(kColAccounts), ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultHide, 1.3f);
    ImGui::TableHeadersRow();

    double largest_share = 0;
    for (const GroupFigures& g : breakdown.groups) largest_share = std::max(largest_share, g.revenue_share);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(breakdown.groups.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const GroupFigures& g = breakdown.groups[static_cast<std::size_t>(row)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(row);
            const std::string name = g.key ? *g.key : tr(kWithout);
            const bool chosen = context.selection() == Selection{kind_of(dimension), 0, 0, g.key};
            if (ImGui::Selectable("##group", chosen, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
                context.select(Selection{kind_of(dimension), 0, 0, g.key});
            const ImVec2 row_min = ImGui::GetItemRectMin(), row_max = ImGui::GetItemRectMax();
            record_part(context, std::string("group:") + (g.key ? *g.key : ""), {row_min.x, row_min.y, row_max.x, row_max.y});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s\n%s", name.c_str(), tr(kClickToList));
            ImGui::SameLine(0, 0);
            if (g.key) ImGui::TextUnformatted(name.c_str());
            else ImGui::TextDisabled("%s", name.c_str());

            ImGui::TableSetColumnIndex(1);
            chart::right_aligned(format_integer(g.customers));
            ImGui::TableSetColumnIndex(2);
            chart::right_aligned(format_money_short(g.revenue, currency));
            ImGui::TableSetColumnIndex(3);
            {
                // The bar takes what the percentage leaves of the cell.
                const std::string share = format_percent(g.revenue_share, 0);
                const ImVec2 at = ImGui::GetCursorScreenPos();
                const float cell = ImGui::GetContentRegionAvail().x;
                const float text_w = chart::text_width("100%") + em * 0.3f;
                const float bar_room = std::max(0.0f, cell - text_w);
                const float h = ImGui::GetTextLineHeight();
                const float w = largest_share > 0 ? bar_room * static_cast<float>(g.revenue_share / largest_share) : 0;
                draw->AddRectFilled(ImVec2(at.x, at.y + h * 0.2f), ImVec2(at.x + w, at.y + h * 0.8f), chart::layer_colour(Layer::large));
                chart::text_right(draw, at.x + bar_room, at.x + cell, at.y, chart::ink(), share);
                ImGui::Dummy(ImVec2(cell, h));
            }
            ImGui::TableSetColumnIndex(4);
            chart::right_aligned(g.share_of_wallet ? format_percent(*g.share_of_wallet, 0) : std::string("—"));
            ImGui::TableSetColumnIndex(5);
            chart::right_aligned(format_integer(g.accounts));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace kc::ui
