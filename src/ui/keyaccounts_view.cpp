// The key-account selection (see views.hpp). Left: the selected set (its revenue and its
// share, how it spreads over the pyramid's layers and the matrix's quadrants) and two
// lists that question it: accounts the rating or the matrix points at that are not
// selected, and selected ones that rate low. Right: every account in the order of the
// weighted ranking, to mark or unmark. Marking is the account's `key` flag of format 1,
// one edit (and one undo step) per click.
//
// "High-rated": among the first N places of the weighted ranking (N set here, 10 at
// first, as the sensitivity's top). "In the key quadrant": quadrant `key` of the matrix.
// "Rates low": in the lower half of the accounts that have a weighted index, or without one.
#include <algorithm>

#include "chart.hpp"
#include "imgui.h"
#include "quadrants.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kSummary("{} key accounts · {} omzet · {} van de omzet van de klanten",
                             "{} key accounts · {} revenue · {} of the customers' revenue");
constexpr Bilingual kSummaryNoYear("{} key accounts (geen analysejaar: geen omzet)",
                                   "{} key accounts (no analysis year: no revenue)");
constexpr Bilingual kSummaryHint(
    "Key accounts krijgen key-accountmanagement. Vink accounts aan of uit; het wordt in het bestand bewaard (\"key\": "
    "true).",
    "Key accounts get key account management. Tick or untick accounts; it is saved in the file (\"key\": true).");
constexpr Bilingual kColLayer("Laag", "Layer");
constexpr Bilingual kColQuadrant("Kwadrant", "Quadrant");
constexpr Bilingual kColKeys("Key", "Key");
constexpr Bilingual kColAll("Alle", "All");
constexpr Bilingual kNotPlaced("Zonder plaats", "Not placed");
constexpr Bilingual kTop("Hoog gewaardeerd: top", "High-rated: top");
constexpr Bilingual kTopHint("Hoeveel eerste plaatsen van de gewogen ranking als hoog gewaardeerd gelden.",
                             "How many first places of the weighted ranking count as high-rated.");
constexpr Bilingual kCandidates("Niet geselecteerd, maar hoog gewaardeerd of in kwadrant {} ({})",
                                "Not selected, but high-rated or in quadrant {} ({})");
constexpr Bilingual kLowRated("Geselecteerd, maar laag gewaardeerd ({})", "Selected, but rated low ({})");
constexpr Bilingual kLowRatedHint(
    "In de onderste helft van de accounts met een gewogen index, of zonder gewogen index.",
    "In the lower half of the accounts with a weighted index, or without a weighted index.");
constexpr Bilingual kNone("Geen.", "None.");
constexpr Bilingual kAll("Alle accounts, in de volgorde van de gewogen ranking",
                         "All accounts, in the order of the weighted ranking");
constexpr Bilingual kOnlyKeys("Alleen key accounts", "Key accounts only");
constexpr Bilingual kColName("Naam", "Name");
constexpr Bilingual kColRank("Rang", "Rank");
constexpr Bilingual kColIndex("Index", "Index");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kMarkHint("Key account: aanvinken of uitvinken.", "Key account: tick or untick.");

PixelRect item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x, max.y};
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// The account's name, cut with "…" where the column is narrower; name and id on hover.
void name_cell(const Account& account) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float room = ImGui::GetContentRegionAvail().x;
    chart::text(ImGui::GetWindowDrawList(), ImVec2(at.x, at.y + ImGui::GetStyle().FramePadding.y), chart::ink(),
                account.name, room);
    ImGui::Dummy(ImVec2(room, ImGui::GetFrameHeight()));
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetItemTooltip("%s\n%s", account.name.c_str(), account.id.c_str());
}

// A small two-number table: a name, the key accounts, all accounts.
bool begin_count_table(const char* id, const char* first_column) {
    const float em = ImGui::GetFontSize();
    if (!ImGui::BeginTable(id, 3,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit,
                           ImVec2(0, 0)))
        return false;
    ImGui::TableSetupColumn(first_column, ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(kColKeys), 0, 3 * em);
    ImGui::TableSetupColumn(tr(kColAll), 0, 4 * em);
    ImGui::TableHeadersRow();
    return true;
}

void count_row(const std::string& name, int keys, int all) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(name.c_str());
    ImGui::TableSetColumnIndex(1);
    if (keys > 0) chart::right_aligned(format_integer(keys));
    else chart::right_aligned("–");
    ImGui::TableSetColumnIndex(2);
    chart::right_aligned(format_integer(all));
}

}  // namespace

// [SECTION] the frame ----------------------------------------------------------------------

void KeyAccountsView::draw(const Context& context) {
    refresh(context);
    draw_summary(context);
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left_width = std::clamp(avail.x * 0.5f, std::min(avail.x, 26 * em), 46 * em);
    ImGui::BeginChild("set", ImVec2(left_width, 0));
    draw_advice(context);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("all", ImVec2(0, 0));
    draw_all(context);
    ImGui::EndChild();
}

// The selected set and the two lists, computed once per document version and top size.
void KeyAccountsView::refresh(const Context& context) {
    if (summary_version_ == context.version() && summary_top_ == top_) return;
    summary_version_ = context.version();
    summary_top_ = top_;
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    Summary s;
    int rated = 0;
    for (const RatingFigures& f : report.rating.of) rated += f.weighted_index ? 1 : 0;
    for (int i : report.rating.ranking) {   // every account, by weighted place
        const auto at = static_cast<std::size_t>(i);
        const Account& a = portfolio.accounts[at];
        const Layer layer = report.pyramid.layer_of[at];
        const Quadrant quadrant = report.matrix.of[at].quadrant;
        const int place = report.rating.place_of[at];
        const bool has_index = report.rating.of[at].weighted_index.has_value();
        ++s.layer_total[static_cast<std::size_t>(layer)];
        if (!a.key) {
            if ((has_index && place <= top_) || quadrant == Quadrant::key) s.candidates.push_back(i);
            continue;
        }
        s.keys.push_back(i);
        s.revenue += report.revenue_of[at];
        ++s.per_layer[static_cast<std::size_t>(layer)];
        ++s.per_quadrant[static_cast<std::size_t>(quadrant)];
        if (!has_index || place > (rated + 1) / 2) s.low_rated.push_back(i);
    }
    summary_ = std::move(s);
}

void KeyAccountsView::draw_summary(const Context& context) {
    const Report& report = context.report();
    const std::string count = format_integer(static_cast<long long>(summary_.keys.size()));
    const double total = report.pareto.total_revenue;
    const std::string line =
        report.year ? fill(tr(kSummary), {count, format_money(summary_.revenue, context.portfolio().info.currency, 0),
                                          total > 0 ? format_percent(summary_.revenue / total, 1) : std::string("—")})
                    : fill(tr(kSummaryNoYear), {count});
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(line.c_str());
    help_marker(tr(kSummaryHint));
}

// [SECTION] the selected set and what questions it ---------------------------------------------

void KeyAccountsView::draw_advice(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const float em = ImGui::GetFontSize();

    // Where the key accounts are: per layer and per quadrant, beside all accounts there.
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
    if (ImGui::BeginChild("layers", ImVec2(half, 0), ImGuiChildFlags_AutoResizeY) &&
        begin_count_table("per_layer", tr(kColLayer))) {
        for (Layer layer : kAllLayers) {
            const auto l = static_cast<std::size_t>(layer);
            count_row(capitalised(layer_text(layer)), summary_.per_layer[l], summary_.layer_total[l]);
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    if (ImGui::BeginChild("quadrants", ImVec2(half, 0), ImGuiChildFlags_AutoResizeY) &&
        begin_count_table("per_quadrant", tr(kColQuadrant))) {
        for (Quadrant q : kPlacedQuadrants)
            count_row(quadrant_label(q, portfolio.info.matrix.labels),
                      summary_.per_quadrant[static_cast<std::size_t>(q)],
                      report.matrix.quadrant_counts[static_cast<std::size_t>(q)]);
        count_row(tr(kNotPlaced), summary_.per_quadrant[0], report.matrix.quadrant_counts[0]);
        ImGui::EndTable();
    }
    ImGui::EndChild();

    ImGui::Spacing();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(kTop));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(6 * em);
    if (ImGui::InputInt("##top", &top_, 1, 10))
        top_ = std::clamp(top_, 1, std::max(1, static_cast<int>(portfolio.accounts.size())));
    help_marker(tr(kTopHint));
    refresh(context);   // the top may just have changed

    const float rest = ImGui::GetContentRegionAvail().y;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const std::string key_label = quadrant_label(Quadrant::key, portfolio.info.matrix.labels);
    ImGui::SeparatorText(
        fill(tr(kCandidates), {key_label, format_integer(static_cast<long long>(summary_.candidates.size()))}).c_str());
    draw_list(context, "candidates", summary_.candidates, std::max(4 * line, rest * 0.55f - 2 * line));
    ImGui::SeparatorText(
        fill(tr(kLowRated), {format_integer(static_cast<long long>(summary_.low_rated.size()))}).c_str());
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(kLowRatedHint));
    draw_list(context, "low_rated", summary_.low_rated, 0);
}

// A list of accounts with their key mark, rank, index, quadrant, layer and revenue.
// `height` 0: the rest of the space.
void KeyAccountsView::draw_list(const Context& context, const char* id, const std::vector<int>& accounts,
                                float height) {
    if (accounts.empty()) {
        ImGui::TextDisabled("%s", tr(kNone));
        return;
    }
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable(id, 7, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(kColKeys), 0, 2.2f * em);
    ImGui::TableSetupColumn(tr(kColName), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(kColRank), 0, 3 * em);
    ImGui::TableSetupColumn(tr(kColIndex), 0, 3.2f * em);
    ImGui::TableSetupColumn(tr(kColQuadrant), 0, 6.5f * em);
    ImGui::TableSetupColumn(tr(kColLayer), 0, 5.5f * em);
    ImGui::TableSetupColumn(tr(kColRevenue), 0, 6 * em);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(accounts.size()));
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const int i = accounts[static_cast<std::size_t>(row)];
            const auto at = static_cast<std::size_t>(i);
            const Account& a = portfolio.accounts[at];
            const RatingFigures& f = report.rating.of[at];
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableSetColumnIndex(0);
            bool key = a.key;
            if (ImGui::Checkbox("##key", &key)) context.emit(SetKeyAccount{i, key});
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetItemTooltip("%s", tr(kMarkHint));
            context.record_part(std::string("keyaccounts/") + id + "/key:" + a.id, item_rect());
            ImGui::TableSetColumnIndex(1);
            name_cell(a);
            ImGui::TableSetColumnIndex(2);
            chart::right_aligned(f.weighted_index ? std::to_string(report.rating.place_of[at]) : std::string("—"));
            ImGui::TableSetColumnIndex(3);
            chart::right_aligned(f.weighted_index ? format_number(*f.weighted_index, 1) : std::string("—"));
            ImGui::TableSetColumnIndex(4);
            const Quadrant q = report.matrix.of[at].quadrant;
            ImGui::TextUnformatted(q == Quadrant::none ? "—" : quadrant_label(q, portfolio.info.matrix.labels).c_str());
            ImGui::TableSetColumnIndex(5);
            ImGui::TextUnformatted(capitalised(layer_text(report.pyramid.layer_of[at])).c_str());
            ImGui::TableSetColumnIndex(6);
            chart::right_aligned(report.year ? format_money_short(report.revenue_of[at], portfolio.info.currency)
                                      : std::string("—"));
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// [SECTION] every account ----------------------------------------------------------------

const std::vector<int>& KeyAccountsView::all_rows(const Context& context) {
    if (all_rows_version_ == context.version() && all_rows_only_keys_ == only_keys_) return all_rows_;
    all_rows_version_ = context.version();
    all_rows_only_keys_ = only_keys_;
    const Portfolio& portfolio = context.portfolio();
    all_rows_.clear();
    for (int i : context.report().rating.ranking)
        if (!only_keys_ || portfolio.accounts[static_cast<std::size_t>(i)].key) all_rows_.push_back(i);
    return all_rows_;
}

void KeyAccountsView::draw_all(const Context& context) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(kAll));
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::Checkbox(tr(kOnlyKeys), &only_keys_);
    draw_list(context, "all", all_rows(context), 0);
}

}  // namespace kc::ui
