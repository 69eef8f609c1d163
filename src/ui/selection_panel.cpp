// The accounts behind a clicked chart part (see views.hpp): a window at the right of the
// charts with the part's name, the number of accounts, their revenue and layer, and a
// button that shows the same accounts in the accounts table. It follows the analysis:
// after an edit or another analysis year the list is that of the part as it is now.
#include <algorithm>

#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kCount("{} accounts · {} omzet", "{} accounts · {} revenue");
constexpr Bilingual kNone("Geen accounts.", "No accounts.");
constexpr Bilingual kShowInTable("In de accounttabel tonen", "Show in the accounts table");
constexpr Bilingual kClose("Sluiten", "Close");
constexpr Bilingual kColName("Naam", "Name");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kColLayer("Laag", "Layer");

}  // namespace

bool SelectionPanel::draw(const Context& context) {
    const Selection& selection = context.selection();
    if (selection.empty()) return false;
    if (accounts_version_ != context.version() || !(accounts_of_ == selection)) {
        accounts_ = selected_accounts(selection, context.portfolio(), context.report());
        accounts_version_ = context.version();
        accounts_of_ = selection;
    }
    const Report& report = context.report();
    const Portfolio& portfolio = context.portfolio();

    // On the half of the screen away from the click, so it never hides what was clicked;
    // a third of the width at most. The user may move and size it.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float em = ImGui::GetFontSize();
    const float width = std::min(26 * em, viewport->WorkSize.x / 3);
    const bool clicked_right = ImGui::GetIO().MousePos.x > viewport->WorkPos.x + viewport->WorkSize.x / 2;
    const float x = clicked_right ? viewport->WorkPos.x + em * 0.5f : viewport->WorkPos.x + viewport->WorkSize.x - width - em * 0.5f;
    ImGui::SetNextWindowPos(ImVec2(x, viewport->WorkPos.y + viewport->WorkSize.y * 0.18f), ImGuiCond_Appearing);
    ImGui::SetNextWindowSize(ImVec2(width, viewport->WorkSize.y * 0.62f), ImGuiCond_Appearing);
    bool open = true;
    const std::string title = selection_title(selection, portfolio) + "###selection";
    if (!ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::End();
        return !open;
    }
    double revenue = 0;
    for (int i : accounts_) revenue += report.revenue_of[static_cast<std::size_t>(i)];
    ImGui::TextUnformatted(fill(tr(kCount), {format_integer(static_cast<long long>(accounts_.size())),
                                             format_money(revenue, portfolio.info.currency, 0)})
                               .c_str());
    if (ImGui::Button(tr(kShowInTable))) context.show_view("accounts");
    ImGui::SameLine();
    if (ImGui::Button(tr(kClose))) open = false;
    const ImVec2 close_min = ImGui::GetItemRectMin(), close_max = ImGui::GetItemRectMax();
    context.record_part("selection/close", {close_min.x, close_min.y, close_max.x, close_max.y});
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) && ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        open = false;

    if (accounts_.empty()) {
        ImGui::TextDisabled("%s", tr(kNone));
    } else if (ImGui::BeginTable("selected", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn(tr(kColName), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(kColRevenue), ImGuiTableColumnFlags_WidthFixed, 7 * em);
        ImGui::TableSetupColumn(tr(kColLayer), ImGuiTableColumnFlags_WidthFixed, 5.5f * em);
        ImGui::TableHeadersRow();
        ImGuiListClipper clipper;
        clipper.Begin(static_cast<int>(accounts_.size()));
        while (clipper.Step()) {
            for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
                const auto i = static_cast<std::size_t>(accounts_[static_cast<std::size_t>(row)]);
                ImGui::TableNextRow();
                ImGui::TableSetColumnIndex(0);
                ImGui::TextUnformatted(portfolio.accounts[i].name.c_str());
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", portfolio.accounts[i].id.c_str());
                ImGui::TableSetColumnIndex(1);
                const std::string amount = format_money_short(report.revenue_of[i], portfolio.info.currency);
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(amount.c_str()).x);
                ImGui::TextUnformatted(amount.c_str());
                ImGui::TableSetColumnIndex(2);
                ImGui::TextUnformatted(layer_text(report.pyramid.layer_of[i]));
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
    return !open;
}

}  // namespace kc::ui
