// Share of wallet (see views.hpp): per account with a wallet in Y, a bar as long as the
// wallet with the revenue inside it, so the room to grow is the empty part; sorted by
// room, largest first. Accounts with a growth goal are marked ▲; revenue above the
// wallet runs past the bar's end in orange with a "!" (never by colour alone).
#include <algorithm>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kHeadline("Share of wallet {} · ruimte {}", "Share of wallet {} · room {}");
constexpr Bilingual kHeadlineDetail("Omzet {} van een potentieel van {} (accounts met potentieel)",
                                    "Revenue {} of a wallet of {} (accounts with a wallet)");
constexpr Bilingual kCaptionName("Account", "Account");
constexpr Bilingual kCaptionBar("Omzet binnen potentieel", "Revenue within wallet");
constexpr Bilingual kCaptionShare("SoW", "SoW");
constexpr Bilingual kCaptionRoom("Ruimte", "Room");
constexpr Bilingual kNoWallets("Geen account heeft een potentieel (wallet) in het analysejaar.",
                               "No account has a wallet in the analysis year.");
constexpr Bilingual kGrowthChip("▲ {} met groeidoel", "▲ {} with a growth goal");
constexpr Bilingual kAboveChip("! {} boven potentieel", "! {} above wallet");
constexpr Bilingual kRowTip("{}: omzet {} van potentieel {}", "{}: revenue {} of wallet {}");
constexpr Bilingual kRowShare("Share of wallet {} · ruimte {}", "Share of wallet {} · room {}");
constexpr Bilingual kGrowthGoal("Doel: groei", "Goal: growth");
constexpr Bilingual kRetentionGoal("Doel: behoud", "Goal: retention");
constexpr Bilingual kAboveWallet("! De omzet is hoger dan het potentieel: klopt het potentieel nog?",
                                 "! Revenue is above the wallet: is the wallet still right?");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");
constexpr Bilingual kColId("Id", "Id");
constexpr Bilingual kColName("Naam", "Name");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kColWallet("Potentieel", "Wallet");
constexpr Bilingual kColShare("Share of wallet", "Share of wallet");
constexpr Bilingual kColRoom("Ruimte", "Room");
constexpr Bilingual kColGoal("Doel", "Goal");
constexpr Bilingual kColAbove("Boven potentieel", "Above wallet");
constexpr Bilingual kYes("ja", "yes");
constexpr Bilingual kFactShare("Share of wallet (portfolio)", "Share of wallet (portfolio)");
constexpr Bilingual kFactRevenue("Omzet (accounts met potentieel)", "Revenue (accounts with a wallet)");
constexpr Bilingual kFactWallet("Potentieel", "Wallet");
constexpr Bilingual kFactRoom("Ruimte", "Room");
constexpr Bilingual kFactAccounts("Accounts met potentieel", "Accounts with a wallet");

bool above_wallet(const WalletFigures& w) { return w.has_wallet() && *w.share_of_wallet > 1.0; }

double wallet_of(const Account& account, const Report& report) {
    return report.year ? account.wallet.get(*report.year) : 0.0;
}

// The accounts with a wallet, most room first; equal room by revenue (larger first),
// then as the report lists them.
std::vector<int> accounts_by_room(const Report& report) {
    std::vector<int> rows = report.wallet.accounts;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const double room_a = report.wallet.of[static_cast<std::size_t>(a)].room;
        const double room_b = report.wallet.of[static_cast<std::size_t>(b)].room;
        if (room_a != room_b) return room_a > room_b;
        return report.revenue_of[static_cast<std::size_t>(a)] > report.revenue_of[static_cast<std::size_t>(b)];
    });
    return rows;
}

const char* goal_key(Goal goal) { return goal == Goal::growth ? "growth" : goal == Goal::retention ? "retention" : ""; }

}  // namespace

const std::vector<int>& WalletView::rows(const Context& context) {
    if (rows_version_ != context.document().version() || rows_.size() != context.report().wallet.accounts.size()) {
        rows_ = accounts_by_room(context.report());
        rows_version_ = context.document().version();
    }
    return rows_;
}

Figures WalletView::figures(const Context& context) const {
    const Report& report = context.report();
    const WalletReport& w = report.wallet;
    const Portfolio& portfolio = context.portfolio();
    Figures out;
    out.title = std::string(tr(title())) + (report.year ? " " + std::to_string(*report.year) : std::string());
    out.columns = {{"id", tr(kColId)},         {"name", tr(kColName)},   {"revenue", tr(kColRevenue)},
                   {"wallet", tr(kColWallet)}, {"share_of_wallet", tr(kColShare)}, {"room", tr(kColRoom)},
                   {"goal", tr(kColGoal)},     {"above_wallet", tr(kColAbove)}};
    for (int i : accounts_by_room(report)) {
        const auto at = static_cast<std::size_t>(i);
        const Account& account = portfolio.accounts[at];
        out.rows.push_back({account.id, account.name, report.revenue_of[at], wallet_of(account, report),
                            *w.of[at].share_of_wallet, w.of[at].room, std::string(goal_key(account.goal)),
                            above_wallet(w.of[at]) ? FigureValue(std::string(tr(kYes))) : FigureValue()});
    }
    out.add_fact("share_of_wallet", tr(kFactShare), w.share_of_wallet ? FigureValue(*w.share_of_wallet) : FigureValue());
    out.add_fact("revenue", tr(kFactRevenue), w.revenue);
    out.add_fact("wallet", tr(kFactWallet), w.wallet);
    out.add_fact("room", tr(kFactRoom), w.room);
    out.add_fact("accounts", tr(kFactAccounts), static_cast<double>(w.accounts.size()));
    return out;
}

void WalletView::draw_body(const Context& context) {
    const Report& report = context.report();
    const WalletReport& w = report.wallet;
    const Portfolio& portfolio = context.portfolio();
    const std::string& currency = portfolio.info.currency;
    if (!w.share_of_wallet) {
        ImGui::TextDisabled("%s", tr(kNoWallets));
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    const float width = ImGui::GetContentRegionAvail().x;
    chart::text(draw, ImGui::GetCursorScreenPos(), chart::ink(),
                fill(tr(kHeadline), {format_percent(*w.share_of_wallet, 0), format_money_short(w.room, currency)}), width);
    ImGui::Dummy(ImVec2(width, line));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", fill(tr(kHeadlineDetail), {format_money(w.revenue, currency, 0),
                                                           format_money(w.wallet, currency, 0)})
                                    .c_str());

    // Chips: the accounts with a growth goal, and those above their wallet, as lists.
    int growth = 0, above = 0;
    for (int i : w.accounts) {
        if (portfolio.accounts[static_cast<std::size_t>(i)].goal == Goal::growth) ++growth;
        if (above_wallet(w.of[static_cast<std::size_t>(i)])) ++above;
    }
    auto chip = [&](const std::string& label, ImU32 colour, const char* part, Selection::Kind kind) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
        const bool pressed = ImGui::SmallButton((label + "###" + part).c_str());
        ImGui::PopStyleColor();
        record_part(context, part, {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                                    ImGui::GetItemRectMax().y});
        ImGui::SetItemTooltip("%s", tr(kClickToList));
        if (pressed) context.select(Selection{kind, 0, 0, {}});
    };
    chip(fill(tr(kGrowthChip), {format_integer(growth)}), chart::accent(), "growth_goal", Selection::Kind::growth_goal);
    ImGui::SameLine();
    chip(fill(tr(kAboveChip), {format_integer(above)}), chart::alert(), "above_wallet", Selection::Kind::above_wallet);

    // Columns: name, bar, share of wallet and room (right-aligned, so digits line up).
    const std::vector<int>& list = rows(context);
    const float scrollbar = ImGui::GetStyle().ScrollbarSize;
    const float share_width = chart::text_width("! 100%") + em * 0.5f;
    const float room_width = chart::text_width(format_money_short(-123456789, currency)) + em * 0.5f;
    const float name_width = std::min(16 * em, (width - scrollbar) * 0.36f);
    auto columns_at = [&](float x0, float inner) {
        struct Columns {
            float bar, bar_end, share_end, room_end;
        };
        const float room_end = x0 + inner;
        const float share_end = room_end - room_width;
        return Columns{x0 + name_width, share_end - share_width, share_end, room_end};
    };
    {
        const ImVec2 at = ImGui::GetCursorScreenPos();
        const auto c = columns_at(at.x, width - scrollbar);
        chart::text(draw, at, chart::faint_ink(), tr(kCaptionName), name_width - em * 0.3f);
        chart::text(draw, ImVec2(c.bar, at.y), chart::faint_ink(), tr(kCaptionBar), c.bar_end - c.bar);
        chart::text_right(draw, c.bar_end, c.share_end, at.y, chart::faint_ink(), tr(kCaptionShare));
        chart::text_right(draw, c.share_end, c.room_end, at.y, chart::faint_ink(), tr(kCaptionRoom));
        ImGui::Dummy(ImVec2(width, line));
    }

    double widest = 1;
    for (int i : list)
        widest = std::max({widest, wallet_of(portfolio.accounts[static_cast<std::size_t>(i)], report),
                           report.revenue_of[static_cast<std::size_t>(i)]});
    const float row_height = std::floor(line * 1.35f);
    ImGui::BeginChild("rows");
    draw = ImGui::GetWindowDrawList();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.size()), row_height);
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const int i = list[static_cast<std::size_t>(row)];
            const auto index = static_cast<std::size_t>(i);
            const Account& account = portfolio.accounts[index];
            const WalletFigures& f = w.of[index];
            const double revenue = report.revenue_of[index], wallet = wallet_of(account, report);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            const float inner = ImGui::GetContentRegionAvail().x;
            const auto c = columns_at(at.x, inner);
            const float text_y = at.y + (row_height - line) / 2;
            const bool growth_goal = account.goal == Goal::growth;
            float x = at.x;
            if (growth_goal) x += chart::text(draw, ImVec2(x, text_y), chart::accent(), "▲ ", name_width);
            chart::text(draw, ImVec2(x, text_y), growth_goal ? chart::accent() : chart::ink(), account.name,
                        c.bar - x - em * 0.3f);

            // The bar: the wallet's length, the revenue inside it, anything above it past the end.
            const float bar_room = std::max(em, c.bar_end - c.bar - em * 0.5f);
            const auto scale = [&](double v) { return static_cast<float>(v / widest) * bar_room; };
            const float y0 = at.y + row_height * 0.2f, y1 = at.y + row_height * 0.8f;
            draw->AddRectFilled(ImVec2(c.bar, y0), ImVec2(c.bar + scale(wallet), y1), IM_COL32(232, 238, 245, 255));
            draw->AddRectFilled(ImVec2(c.bar, y0), ImVec2(c.bar + scale(std::min(revenue, wallet)), y1),
                                chart::layer_colour(Layer::large));
            if (revenue > wallet)
                draw->AddRectFilled(ImVec2(c.bar + scale(wallet), y0), ImVec2(c.bar + scale(revenue), y1), chart::alert());
            draw->AddRect(ImVec2(c.bar, y0), ImVec2(c.bar + scale(wallet), y1), chart::faint_ink());

            const bool above = above_wallet(f);
            chart::text_right(draw, c.bar_end, c.share_end, text_y, above ? chart::alert() : chart::ink(),
                              (above ? "! " : "") + format_percent(*f.share_of_wallet, 0));
            chart::text_right(draw, c.share_end, c.room_end, text_y, chart::ink(), format_money_short(f.room, currency));

            ImGui::Dummy(ImVec2(inner, row_height));
            if (ImGui::IsItemHovered()) {
                std::vector<std::string> tip = {
                    fill(tr(kRowTip), {account.name, format_money(revenue, currency, 0), format_money(wallet, currency, 0)}),
                    fill(tr(kRowShare), {format_percent(*f.share_of_wallet, 1), format_money(f.room, currency, 0)})};
                if (account.goal != Goal::none) tip.push_back(tr(growth_goal ? kGrowthGoal : kRetentionGoal));
                if (above) tip.push_back(tr(kAboveWallet));
                chart::tooltip_lines(tip.data(), tip.size());
            }
        }
    }
    ImGui::EndChild();
}

}  // namespace kc::ui
