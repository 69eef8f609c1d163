// The customer rating (see views.hpp): a row per account with its rank, how many places
// the weighting moves it, its score per criterion, and the totals and indexes of the
// analysis spec (section 3); cells coloured by score, missing scores marked.
//
// Editing works as in a spreadsheet. A click puts the cursor on a score; the arrow keys,
// Tab and Page Up/Down move it; a digit starts typing a new score, Enter or F2 edits the
// one there, Delete clears it. While typing, Enter and the arrow keys take the score and
// move down or up, Tab moves right, Escape cancels. Double-click edits with the mouse,
// right-click offers the scale's values. The keys are taken from ImGui's keyboard
// navigation while the grid has the focus (key ownership, imgui_internal.h of 1.90.1),
// since the grid's cursor is not an ImGui item.
//
// Only visible rows are drawn (ImGuiListClipper) and the row order is cached per document
// version, so 10,000 accounts scroll and edit without a stall.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "chart.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "palette.hpp"
#include "text_match.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kWeighted("Gewogen", "Weighted");
constexpr Bilingual kUnweighted("Ongewogen", "Unweighted");
constexpr Bilingual kModeHint(
    "Rang en volgorde naar de gewogen of de ongewogen index. De pijlen tonen hoeveel plaatsen elk account "
    "daardoor verschuift ten opzichte van de andere ranking.",
    "Rank and order by the weighted or the unweighted index. The arrows show how many places each "
    "account moves by that, against the other ranking.");
constexpr Bilingual kFilterHint("Zoeken op id of naam", "Search id or name");
constexpr Bilingual kCount("{} van {} accounts", "{} of {} accounts");
constexpr Bilingual kSortAgain("Opnieuw sorteren", "Sort again");
constexpr Bilingual kSortAgainHint(
    "Na het typen blijven de rijen staan waar ze stonden; de rangen zijn wel bijgewerkt.",
    "After typing, the rows stay where they were; the ranks are up to date.");
constexpr Bilingual kKeysHint(
    "Klik op een score. Pijltjes, Tab, Page Up/Down: verplaatsen. Een cijfer: nieuwe score typen; Enter of F2: score "
    "wijzigen; "
    "Delete: score wissen. Tijdens het typen: Enter of pijltje bevestigt en gaat verder, Tab naar rechts, Esc "
    "annuleert. "
    "Dubbelklik om te typen, rechtsklik voor de waarden van de schaal.",
    "Click a score. Arrows, Tab, Page Up/Down: move. A digit: type a new score; Enter or F2: change the score; Delete: "
    "clear it. "
    "While typing: Enter or an arrow confirms and moves on, Tab moves right, Esc cancels. Double-click to type, "
    "right-click for "
    "the values of the scale.");
constexpr Bilingual kNoCriteria("Nog geen criteria: voeg ze toe in het tabblad Criteria.",
                                "No criteria yet: add them in the Criteria tab.");
constexpr Bilingual kNoAccounts("Deze portfolio heeft nog geen accounts.", "This portfolio has no accounts yet.");
constexpr Bilingual kColRank("Rang", "Rank");
constexpr Bilingual kColMovedWeighted("Door weging", "By weights");
constexpr Bilingual kColMovedUnweighted("Zonder weging", "No weights");
constexpr Bilingual kMovedHintWeighted("Plaatsen die de weging het account omhoog (▲) of omlaag (▼) brengt.",
                                       "Places the weighting moves the account up (▲) or down (▼).");
constexpr Bilingual kMovedHintUnweighted("Plaatsen die het account zonder weging omhoog (▲) of omlaag (▼) gaat.",
                                         "Places the account moves up (▲) or down (▼) without the weighting.");
constexpr Bilingual kColName("Naam", "Name");
constexpr Bilingual kColUnweightedTotal("Totaal", "Total");
constexpr Bilingual kColWeightedTotal("Gew. totaal", "Wtd. total");
constexpr Bilingual kColUnweightedIndex("Index", "Index");
constexpr Bilingual kColWeightedIndex("Gew. index", "Wtd. index");
constexpr Bilingual kColComplete("Volledig", "Complete");
constexpr Bilingual kMissing("{} ontbreken", "{} missing");
constexpr Bilingual kMissingOne("1 ontbreekt", "1 missing");
constexpr Bilingual kCriterionHint("{}\nSchaal {} – {} · gewicht {} · {}", "{}\nScale {} – {} · weight {} · {}");
constexpr Bilingual kTotalHint("Som van de scores (ongewogen).", "Sum of the scores (unweighted).");
constexpr Bilingual kWeightedTotalHint("Som van gewicht × score.", "Sum of weight × score.");
constexpr Bilingual kIndexHint("0–100: het gemiddelde van de scores, elk op zijn eigen schaal.",
                               "0–100: the average of the scores, each on its own scale.");
constexpr Bilingual kWeightedIndexHint("0–100: het gewogen gemiddelde van de scores, elk op zijn eigen schaal.",
                                       "0–100: the weighted average of the scores, each on its own scale.");
constexpr Bilingual kNotAScore("Geen score: typ een getal van {} tot {}.", "Not a score: type a number from {} to {}.");
constexpr Bilingual kClearScore("Score wissen", "Clear score");
constexpr Bilingual kAxisNames[] = {
    {"geen as", "no axis"}, {"aantrekkelijkheid", "attractiveness"}, {"positie", "position"}};

// Column user ids (stable while criteria come and go): the fixed columns, then one per
// criterion from kColCriterion on.
enum : int {
    kColRankId = 1, kColMovedId, kColNameId, kColUnweightedTotalId, kColWeightedTotalId, kColUnweightedIndexId,
    kColWeightedIndexId, kColCompleteId, kColCriterionId = 100
};
constexpr int kFixedBefore = 3;   // rank, moved, name: frozen at the left
constexpr int kFixedAfter = 5;    // totals, indexes, complete

const char* const kNoScoreMark = "—";

bool is_digit_start(ImWchar c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; }

int score_filter(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    return ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == ' ') ? 0 : 1;
}

// Puts the text cursor at the end once (a digit typed on the grid starts the text, and
// the next digit must follow it rather than replace it).
int cursor_to_end(ImGuiInputTextCallbackData* data) {
    bool* pending = static_cast<bool*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && *pending) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        *pending = false;
        return 0;
    }
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) return score_filter(data);
    return 0;
}

int missing_scores(const Account& account) {
    int missing = 0;
    for (double score : account.scores) missing += has_score(score) ? 0 : 1;
    return missing;
}

std::string score_text(double score) { return has_score(score) ? amount_for_editing(score) : std::string(); }

std::string index_text(OptionalDouble index) { return index ? format_number(*index, 1) : std::string(kNoScoreMark); }

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// The header cell of a column with a tooltip (criteria names are often cut by the width).
void header(int column, const char* label, const std::string& tip) {
    ImGui::TableSetColumnIndex(column);
    ImGui::PushID(column);   // two criteria may have the same name
    ImGui::TableHeader(label);
    ImGui::PopID();
    if (!tip.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24.0f);
        ImGui::TextUnformatted(tip.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// The keys the grid takes from ImGui's navigation while it has the focus: all of them
// when moving, only those a text field does not use while a score is being typed.
constexpr ImGuiKey kGridKeys[] = {ImGuiKey_UpArrow,  ImGuiKey_DownArrow, ImGuiKey_LeftArrow, ImGuiKey_RightArrow,
                                  ImGuiKey_Tab,      ImGuiKey_PageUp,    ImGuiKey_PageDown,  ImGuiKey_Home,
                                  ImGuiKey_End,      ImGuiKey_Enter,     ImGuiKey_KeypadEnter, ImGuiKey_F2,
                                  ImGuiKey_Delete,   ImGuiKey_Backspace};
constexpr ImGuiKey kEditorKeys[] = {ImGuiKey_UpArrow, ImGuiKey_DownArrow, ImGuiKey_Tab, ImGuiKey_PageUp,
                                    ImGuiKey_PageDown};

}  // namespace

// [SECTION] the frame ----------------------------------------------------------------------

void RatingView::draw(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    // An edit in progress belongs to the portfolio as it was: after an undo or another
    // file its indices may mean something else.
    if (editor_.cell.account >= 0 && editor_.version != context.document().version()) editor_ = Editor{};
    if (cursor_.account >= static_cast<int>(portfolio.accounts.size()) ||
        cursor_.criterion >= static_cast<int>(portfolio.criteria.size()))
        cursor_ = Cell{};
    draw_tools(context);
    if (portfolio.accounts.empty()) {
        ImGui::TextDisabled("%s", tr(kNoAccounts));
        return;
    }
    if (portfolio.criteria.empty()) ImGui::TextDisabled("%s", tr(kNoCriteria));

    const int criteria = static_cast<int>(portfolio.criteria.size());
    const int columns = kFixedBefore + criteria + kFixedAfter;
    const ImGuiTableFlags flags = ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("rating", columns, flags)) return;
    setup_columns(context);

    auto sorted_by = static_cast<ImGuiID>(sort_column_);
    const bool sort_changed = chart::take_sort_change(sorted_by, sort_descending_);
    sort_column_ = static_cast<int>(sorted_by);
    update_rows(context, sort_changed);

    // Keys: the grid (the table's scrolling window) owns them while it has the focus.
    const float row_height = ImGui::GetFrameHeight();
    const float visible = ImGui::GetWindowHeight() - rows_top_;
    const int page_rows = std::max(1, static_cast<int>(visible / row_height) - 1);
    handle_keys(context, ImGui::GetID("grid"), page_rows);
    if (scroll_to_cursor_) scroll_to_cursor(row_height, rows_top_);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()), row_height);
    // The row being typed in is always drawn, even scrolled away, so its field lives on.
    if (editor_.cell.account >= 0) {
        const int row = row_of_[static_cast<std::size_t>(editor_.cell.account)];
        if (row >= 0) clipper.IncludeItemByIndex(row);
        else editor_ = Editor{};   // filtered away
    }
    // The cursor's row too while it is being brought into sight (horizontally, its cell does that).
    if (scroll_to_cursor_ && cursor_.account >= 0 && row_of_[static_cast<std::size_t>(cursor_.account)] >= 0)
        clipper.IncludeItemByIndex(row_of_[static_cast<std::size_t>(cursor_.account)]);
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) draw_row(context, row, row_height);

    draw_score_menu(context);
    ImGui::EndTable();
}

// The columns (rank, places moved and name frozen at the left; a column per criterion;
// totals, indexes, completeness) and the header row, which explains each on hover.
void RatingView::setup_columns(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const int criteria = static_cast<int>(portfolio.criteria.size());
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupScrollFreeze(kFixedBefore, 1);
    ImGui::TableSetupColumn(tr(kColRank), ImGuiTableColumnFlags_DefaultSort, 3.2f * em, kColRankId);
    ImGui::TableSetupColumn(tr(unweighted_ ? kColMovedUnweighted : kColMovedWeighted),
                            ImGuiTableColumnFlags_PreferSortDescending, 6.5f * em, kColMovedId);
    ImGui::TableSetupColumn(tr(kColName), 0, 12 * em, kColNameId);
    for (int c = 0; c < criteria; ++c)
        ImGui::TableSetupColumn(portfolio.criteria[static_cast<std::size_t>(c)].display_name().c_str(),
                                ImGuiTableColumnFlags_PreferSortDescending, 4 * em,
                                static_cast<ImGuiID>(kColCriterionId + c));
    ImGui::TableSetupColumn(tr(kColUnweightedTotal), ImGuiTableColumnFlags_PreferSortDescending, 4 * em,
                            kColUnweightedTotalId);
    ImGui::TableSetupColumn(tr(kColWeightedTotal), ImGuiTableColumnFlags_PreferSortDescending, 5.5f * em,
                            kColWeightedTotalId);
    ImGui::TableSetupColumn(tr(kColUnweightedIndex), ImGuiTableColumnFlags_PreferSortDescending, 4 * em,
                            kColUnweightedIndexId);
    ImGui::TableSetupColumn(tr(kColWeightedIndex), ImGuiTableColumnFlags_PreferSortDescending, 5.5f * em,
                            kColWeightedIndexId);
    ImGui::TableSetupColumn(tr(kColComplete), 0, 5.5f * em, kColCompleteId);

    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    header(0, tr(kColRank), "");
    header(1, tr(unweighted_ ? kColMovedUnweighted : kColMovedWeighted),
           tr(unweighted_ ? kMovedHintUnweighted : kMovedHintWeighted));
    header(2, tr(kColName), "");
    for (int c = 0; c < criteria; ++c) {
        const Criterion& k = portfolio.criteria[static_cast<std::size_t>(c)];
        header(kFixedBefore + c, k.display_name().c_str(),
               fill(tr(kCriterionHint), {k.display_name(), amount_for_editing(k.min), amount_for_editing(k.max),
                                         amount_for_editing(k.weight), tr(kAxisNames[static_cast<int>(k.axis)])}));
    }
    const int after = kFixedBefore + criteria;
    header(after, tr(kColUnweightedTotal), tr(kTotalHint));
    header(after + 1, tr(kColWeightedTotal), tr(kWeightedTotalHint));
    header(after + 2, tr(kColUnweightedIndex), tr(kIndexHint));
    header(after + 3, tr(kColWeightedIndex), tr(kWeightedIndexHint));
    header(after + 4, tr(kColComplete), "");

}

// The right-click menu of a score: the values of its scale, and clearing it.
void RatingView::draw_score_menu(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const int criteria = static_cast<int>(portfolio.criteria.size());
    if (ImGui::BeginPopup("score_menu")) {
        const Cell cell = menu_cell_;
        if (cell.account >= 0 && cell.criterion < criteria) {
            const Criterion& k = portfolio.criteria[static_cast<std::size_t>(cell.criterion)];
            const double now = portfolio.accounts[static_cast<std::size_t>(cell.account)]
                                   .scores[static_cast<std::size_t>(cell.criterion)];
            for (double value = std::ceil(k.min); value <= k.max && value - k.min <= 20; value += 1)
                if (ImGui::MenuItem(amount_for_editing(value).c_str(), nullptr, value == now) && value != now) {
                    context.emit(SetScore{cell.account, cell.criterion, value});
                    keep_order_ = true;
                }
            ImGui::Separator();
            if (ImGui::MenuItem(tr(kClearScore), nullptr, false, has_score(now))) {
                context.emit(SetScore{cell.account, cell.criterion, kNoScore});
                keep_order_ = true;
            }
        }
        ImGui::EndPopup();
    }
}

void RatingView::draw_tools(const Context& context) {
    const float em = ImGui::GetFontSize();
    const Portfolio& portfolio = context.portfolio();
    ImGui::AlignTextToFramePadding();
    int mode = unweighted_ ? 1 : 0;
    ImGui::RadioButton(tr(kWeighted), &mode, 0);
    context.record_part("rating/mode:weighted", {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                                 ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
    ImGui::SameLine();
    ImGui::RadioButton(tr(kUnweighted), &mode, 1);
    context.record_part("rating/mode:unweighted", {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                                   ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
    ImGui::SameLine();
    help_marker(tr(kModeHint));
    unweighted_ = mode == 1;

    ImGui::SameLine(0, 1.5f * em);
    ImGui::SetNextItemWidth(16 * em);
    ImGui::InputTextWithHint("##filter", tr(kFilterHint), filter_, sizeof filter_);
    ImGui::SameLine();
    const std::size_t total = portfolio.accounts.size();
    const std::size_t shown = rows_version_ == context.version() ? rows_.size() : total;
    ImGui::TextDisabled("%s", fill(tr(kCount), {format_integer(static_cast<long long>(shown)),
                                                format_integer(static_cast<long long>(total))})
                                  .c_str());
    if (order_outdated_) {
        ImGui::SameLine();
        if (ImGui::SmallButton(tr(kSortAgain))) rows_version_ = ~std::uint64_t{0};
        if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetItemTooltip("%s", tr(kSortAgainHint));
    }
    ImGui::SameLine();
    help_marker(tr(kKeysHint));
}

// [SECTION] filter and sort ------------------------------------------------------------------

void RatingView::update_rows(const Context& context, bool sort_changed) {
    const std::uint64_t version = context.version();
    const Portfolio& portfolio = context.portfolio();
    const bool same_view = rows_filter_ == filter_ && rows_unweighted_ == unweighted_ && !sort_changed;
    const bool own_edit = keep_order_;
    keep_order_ = false;
    if (same_view && rows_version_ == version) return;
    // A score typed here: the rows stay put (the figures in them follow).
    if (same_view && own_edit && row_of_.size() == portfolio.accounts.size()) {
        rows_version_ = version;
        order_outdated_ = true;
        return;
    }
    rows_version_ = version;
    rows_filter_ = filter_;
    rows_unweighted_ = unweighted_;
    order_outdated_ = false;

    const Report& report = context.report();
    const std::string needle = fold_case(rows_filter_);
    std::string scratch;
    rows_.clear();
    for (int i = 0; i < static_cast<int>(portfolio.accounts.size()); ++i) {
        const Account& a = portfolio.accounts[static_cast<std::size_t>(i)];
        if (needle.empty() || contains_folded(a.name, needle, scratch) || contains_folded(a.id, needle, scratch))
            rows_.push_back(i);
    }

    // One number per account to sort by (NaN: no figure, always last), ties by rank.
    const auto n = portfolio.accounts.size();
    std::vector<double> key(n, 0);
    const int criterion = sort_column_ - kColCriterionId;
    for (std::size_t i = 0; i < n; ++i) {
        const RatingFigures& f = report.rating.of[i];
        const Account& a = portfolio.accounts[i];
        const int account = static_cast<int>(i);
        switch (sort_column_) {
            case kColMovedId: key[i] = (unweighted_ ? -1 : 1) * report.rating.places_moved(account); break;
            case kColUnweightedTotalId: key[i] = f.unweighted_total; break;
            case kColWeightedTotalId: key[i] = f.weighted_total; break;
            case kColUnweightedIndexId: key[i] = f.unweighted_index.value_or(kNoScore); break;
            case kColWeightedIndexId: key[i] = f.weighted_index.value_or(kNoScore); break;
            case kColCompleteId: key[i] = missing_scores(a); break;
            case kColNameId: break;
            default:
                key[i] = criterion >= 0 && criterion < static_cast<int>(a.scores.size())
                             ? a.scores[static_cast<std::size_t>(criterion)]
                             : static_cast<double>(place_of(report, account));
        }
    }
    const bool descending = sort_descending_;
    std::vector<std::string> names;
    if (sort_column_ == kColNameId) {
        names.resize(n);
        for (int i : rows_)
            names[static_cast<std::size_t>(i)] = fold_case(portfolio.accounts[static_cast<std::size_t>(i)].name);
    }
    std::stable_sort(rows_.begin(), rows_.end(), [&](int x, int y) {
        const auto a = static_cast<std::size_t>(x), b = static_cast<std::size_t>(y);
        if (sort_column_ == kColNameId) {
            if (names[a] != names[b]) return descending ? names[a] > names[b] : names[a] < names[b];
        } else if (sort_column_ != kColRankId) {
            const bool a_none = std::isnan(key[a]), b_none = std::isnan(key[b]);
            if (a_none != b_none) return b_none;
            if (!a_none && key[a] != key[b]) return descending ? key[a] > key[b] : key[a] < key[b];
        }
        const int pa = place_of(report, x), pb = place_of(report, y);
        return sort_column_ == kColRankId && descending ? pa > pb : pa < pb;
    });
    row_of_.assign(n, -1);
    for (std::size_t r = 0; r < rows_.size(); ++r) row_of_[static_cast<std::size_t>(rows_[r])] = static_cast<int>(r);
}

int RatingView::place_of(const Report& report, int account) const {
    const auto at = static_cast<std::size_t>(account);
    return unweighted_ ? report.rating.unweighted_place_of[at] : report.rating.place_of[at];
}

// [SECTION] rows and cells --------------------------------------------------------------------

void RatingView::draw_row(const Context& context, int row, float row_height) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const int account = rows_[static_cast<std::size_t>(row)];
    const auto at = static_cast<std::size_t>(account);
    const Account& a = portfolio.accounts[at];
    const RatingFigures& f = report.rating.of[at];
    ImGui::TableNextRow(ImGuiTableRowFlags_None, row_height);
    // Where row 0 starts in the grid's content (just below the frozen header), for
    // keeping the cursor in sight and for paging.
    rows_top_ = ImGui::GetCursorPosY() - ImGui::GetStyle().CellPadding.y - row_height * static_cast<float>(row);

    ImGui::TableSetColumnIndex(0);
    ImGui::AlignTextToFramePadding();
    chart::right_aligned(std::to_string(place_of(report, account)));

    ImGui::TableSetColumnIndex(1);
    draw_moved(context, account);

    // The name, cut with "…" where the column is narrower; the id on hover.
    ImGui::TableSetColumnIndex(2);
    const ImVec2 name_at = ImGui::GetCursorScreenPos();
    const float name_room = ImGui::GetContentRegionAvail().x;
    chart::text(ImGui::GetWindowDrawList(), ImVec2(name_at.x, name_at.y + ImGui::GetStyle().FramePadding.y),
                chart::ink(), a.name, name_room);
    ImGui::Dummy(ImVec2(name_room, row_height - 2 * ImGui::GetStyle().CellPadding.y));
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetItemTooltip("%s\n%s", a.name.c_str(), a.id.c_str());
    frozen_right_ = name_at.x + name_room + ImGui::GetStyle().CellPadding.x;

    for (int c = 0; c < static_cast<int>(portfolio.criteria.size()); ++c) {
        ImGui::TableSetColumnIndex(kFixedBefore + c);
        draw_score_cell(context, account, c, row_height);
    }
    const int after = kFixedBefore + static_cast<int>(portfolio.criteria.size());
    ImGui::TableSetColumnIndex(after);
    ImGui::AlignTextToFramePadding();
    chart::right_aligned(amount_for_editing(f.unweighted_total));
    ImGui::TableSetColumnIndex(after + 1);
    chart::right_aligned(amount_for_editing(f.weighted_total));
    ImGui::TableSetColumnIndex(after + 2);
    chart::right_aligned(index_text(f.unweighted_index));
    ImGui::TableSetColumnIndex(after + 3);
    chart::right_aligned(index_text(f.weighted_index));
    ImGui::TableSetColumnIndex(after + 4);
    const int missing = missing_scores(a);
    if (missing == 0) {
        ImGui::TextUnformatted("✓");
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
        ImGui::TextUnformatted(missing == 1 ? tr(kMissingOne) : fill(tr(kMissing), {std::to_string(missing)}).c_str());
        ImGui::PopStyleColor();
    }
}

// ▲ n in blue when the account stands higher in this ranking than in the other, ▼ n in
// orange when lower; the arrows are drawn, so they show in any font.
void RatingView::draw_moved(const Context& context, int account) {
    const int moved = (unweighted_ ? -1 : 1) * context.report().rating.places_moved(account);
    ImGui::AlignTextToFramePadding();
    if (moved == 0) {
        ImGui::TextDisabled("=");
        return;
    }
    const float em = ImGui::GetFontSize();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    const float y_mid = at.y + ImGui::GetStyle().FramePadding.y + line / 2;
    const ImU32 colour = chart::move_colour(moved > 0 ? 1 : -1, 1.0f);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float half = 0.32f * em;
    if (moved > 0)
        draw->AddTriangleFilled(ImVec2(at.x + half, y_mid - half), ImVec2(at.x + 2 * half, y_mid + half * 0.8f),
                                ImVec2(at.x, y_mid + half * 0.8f), colour);
    else
        draw->AddTriangleFilled(ImVec2(at.x, y_mid - half * 0.8f), ImVec2(at.x + 2 * half, y_mid - half * 0.8f),
                                ImVec2(at.x + half, y_mid + half), colour);
    ImGui::SetCursorScreenPos(ImVec2(at.x + 2 * half + 0.3f * em, at.y));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(std::to_string(std::abs(moved)).c_str());
}

void RatingView::draw_score_cell(const Context& context, int account, int c, float row_height) {
    const Portfolio& portfolio = context.portfolio();
    const Criterion& k = portfolio.criteria[static_cast<std::size_t>(c)];
    const double score = portfolio.accounts[static_cast<std::size_t>(account)].scores[static_cast<std::size_t>(c)];
    const Cell cell{account, c};
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const ImVec2 min(at.x - style.CellPadding.x, at.y - style.CellPadding.y);
    const ImVec2 max(at.x + ImGui::GetContentRegionAvail().x + style.CellPadding.x, min.y + row_height);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (ImGui::IsRectVisible(min, max))
        context.record_part("rating/cell:" + k.id + ":" + portfolio.accounts[static_cast<std::size_t>(account)].id,
                            {min.x, min.y, max.x, max.y});
    if (cursor_ == cell && scroll_to_cursor_) {
        // Horizontally: the cell must not hide behind the frozen columns or the right edge.
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowWidth() - style.ScrollbarSize;
        if (min.x < frozen_right_) ImGui::SetScrollX(ImGui::GetScrollX() - (frozen_right_ - min.x));
        else if (max.x > right) ImGui::SetScrollX(ImGui::GetScrollX() + (max.x - right));
        scroll_to_cursor_ = false;
    }

    if (editor_.cell == cell) {
        draw_editor(context);
        return;
    }
    if (has_score(score)) {
        const ImU32 fill_colour = chart::score_colour((score - k.min) / (k.max - k.min));
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, fill_colour);
        chart::text_centred(draw, min, max, chart::ink_on(fill_colour), amount_for_editing(score));
    } else {
        // A missing score: no fill, a dash (visible without colour).
        chart::text_centred(draw, min, max, chart::faint_ink(), kNoScoreMark);
    }
    if (cursor_ == cell)
        draw->AddRect(ImVec2(min.x + 1, min.y + 1), ImVec2(max.x - 1, max.y - 1), chart::accent(), 0, 0, 2.5f);

    // The mouse: a click puts the cursor here, a double-click types, a right-click offers values.
    if (!ImGui::IsWindowHovered() || !ImGui::IsMouseHoveringRect(min, max) || ImGui::IsAnyItemHovered()) return;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) cursor_ = cell;
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) start_edit(context, cell, score_text(score), true);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) {
        cursor_ = cell;
        menu_cell_ = cell;
        ImGui::OpenPopup("score_menu");
    }
}

// [SECTION] typing a score ------------------------------------------------------------------------

void RatingView::start_edit(const Context& context, Cell cell, std::string initial, bool select_all) {
    cursor_ = cell;
    editor_ = Editor{};
    editor_.cell = cell;
    editor_.version = context.document().version();
    std::snprintf(editor_.buffer, sizeof editor_.buffer, "%s", initial.c_str());
    editor_.focus_pending = true;
    editor_.select_all = select_all;
    editor_.cursor_to_end = !select_all;
    scroll_to_cursor_ = true;
}

void RatingView::draw_editor(const Context& context) {
    const Criterion& k = context.portfolio().criteria[static_cast<std::size_t>(editor_.cell.criterion)];
    ++editor_.frames;
    // Digits typed after the edit began but before the field had the focus belong to it
    // too (the field ignores what arrives on the frame it takes the focus).
    if (editor_.frames > 1 && !editor_.was_active) {
        for (ImWchar ch : ImGui::GetIO().InputQueueCharacters) {
            const std::size_t length = std::strlen(editor_.buffer);
            if (is_digit_start(ch) && length + 1 < sizeof editor_.buffer) {
                editor_.buffer[length] = static_cast<char>(ch);
                editor_.buffer[length + 1] = '\0';
            }
        }
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (editor_.focus_pending) {
        ImGui::SetKeyboardFocusHere();
        editor_.focus_pending = false;
    }
    const ImGuiInputTextFlags flags = ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackAlways |
                                      (editor_.select_all ? ImGuiInputTextFlags_AutoSelectAll : 0);
    ImGui::InputText("##score", editor_.buffer, sizeof editor_.buffer, flags, cursor_to_end, &editor_.cursor_to_end);
    const bool active = ImGui::IsItemActive();
    if (editor_.invalid) {   // why the field stays open, beside the mouse
        ImGui::BeginTooltip();
        ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
        ImGui::TextUnformatted(fill(tr(kNotAScore), {amount_for_editing(k.min), amount_for_editing(k.max)}).c_str());
        ImGui::PopStyleColor();
        ImGui::EndTooltip();
    }
    // The field does not see an Enter that arrives on the frame it takes the focus.
    // (Keys count from the frame after the one that opened the field: that one's key opened it.)
    const bool keys_count = editor_.frames > 1;
    const bool enter_unseen = keys_count && active && !editor_.was_active &&
                              (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false));
    if (active) editor_.was_active = true;
    const ImGuiID owner = editor_owner_;
    int rows = 0, columns = 0;
    bool take = false;
    if (active) {
        // The keys that take the score and move on (ImGui's field leaves them to us).
        if (enter_unseen) take = true, rows = 1;
        else if (ImGui::IsKeyPressed(ImGuiKey_Tab, owner, ImGuiInputFlags_Repeat))
            take = true, columns = ImGui::GetIO().KeyShift ? -1 : 1;
        else if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, owner, ImGuiInputFlags_Repeat)) take = true, rows = 1;
        else if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, owner, ImGuiInputFlags_Repeat)) take = true, rows = -1;
        if (!take) return;
    } else {
        const bool left = editor_.was_active;
        if (!left) {
            // Keys typed before the field has the focus (a fast typist: "4⏎" within a
            // frame or two) do what they would do in the field, instead of getting lost.
            if (keys_count && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
                editor_ = Editor{};
                return;
            }
            if (!keys_count) return;
            if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false))
                take = true, rows = 1;
            else if (ImGui::IsKeyPressed(ImGuiKey_Tab, owner, ImGuiInputFlags_Repeat))
                take = true, columns = ImGui::GetIO().KeyShift ? -1 : 1;
            else if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, owner, ImGuiInputFlags_Repeat)) take = true, rows = 1;
            else if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, owner, ImGuiInputFlags_Repeat)) take = true, rows = -1;
            if (take) {
                commit_edit(context, rows, columns);
                return;
            }
            if (editor_.frames > 3) editor_ = Editor{};   // never got the focus
            return;
        }
        if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
            editor_ = Editor{};   // cancelled: nothing changes
            return;
        }
        // Enter moves down, as in a spreadsheet; a click elsewhere just takes the score.
        if (ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false)) rows = 1;
    }
    commit_edit(context, rows, columns);
}

// Takes what was typed: empty clears the score, a number on the scale sets it; anything
// else keeps the field open and says why. Then moves the cursor.
void RatingView::commit_edit(const Context& context, int rows, int columns) {
    const Cell cell = editor_.cell;
    const Criterion& k = context.portfolio().criteria[static_cast<std::size_t>(cell.criterion)];
    const double before = context.portfolio()
                              .accounts[static_cast<std::size_t>(cell.account)]
                              .scores[static_cast<std::size_t>(cell.criterion)];
    const ParsedAmount typed = parse_amount(editor_.buffer);
    double value = kNoScore;
    if (typed.outcome == ParsedAmount::number) value = typed.value;
    const bool valid = typed.outcome == ParsedAmount::empty ||
                       (typed.outcome == ParsedAmount::number && value >= k.min && value <= k.max);
    if (!valid) {
        editor_.invalid = true;
        editor_.focus_pending = true;
        editor_.was_active = false;
        editor_.frames = 1;
        editor_.select_all = true;
        return;
    }
    const bool same = has_score(before) ? has_score(value) && value == before : !has_score(value);
    if (!same) {
        context.emit(SetScore{cell.account, cell.criterion, value});
        keep_order_ = true;
    }
    editor_ = Editor{};
    if (rows != 0 || columns != 0) move_cursor(context, rows, columns);
}

// [SECTION] the keyboard ------------------------------------------------------------------------

void RatingView::handle_keys(const Context& context, ImGuiID owner, int page_rows) {
    editor_owner_ = owner;
    if (!ImGui::IsWindowFocused()) return;
    const bool editing = editor_.cell.account >= 0;
    if (editing) {
        for (ImGuiKey key : kEditorKeys) ImGui::SetKeyOwner(key, owner);
        return;
    }
    for (ImGuiKey key : kGridKeys) ImGui::SetKeyOwner(key, owner);
    if (rows_.empty() || context.portfolio().criteria.empty()) return;
    const bool valid =
        cursor_.account >= 0 && row_of_[static_cast<std::size_t>(cursor_.account)] >= 0 && cursor_.criterion >= 0;
    auto pressed = [&](ImGuiKey key) { return ImGui::IsKeyPressed(key, owner, ImGuiInputFlags_Repeat); };
    const ImGuiIO& io = ImGui::GetIO();
    // Digits start a new score. A key that takes a score on the same frame (fast typing:
    // "4⇥" can arrive at once) came after them, and takes it at once.
    std::string typed;
    if (!io.KeyCtrl)
        for (ImWchar ch : io.InputQueueCharacters)
            if (is_digit_start(ch)) typed += static_cast<char>(ch);
    if (valid && !typed.empty()) {
        start_edit(context, cursor_, typed, false);
        int rows = 0, columns = 0;
        if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter) || pressed(ImGuiKey_DownArrow)) rows = 1;
        else if (pressed(ImGuiKey_UpArrow)) rows = -1;
        else if (pressed(ImGuiKey_Tab)) columns = io.KeyShift ? -1 : 1;
        if (rows != 0 || columns != 0) commit_edit(context, rows, columns);
        return;
    }
    int rows = 0, columns = 0;
    if (pressed(ImGuiKey_UpArrow)) rows = -1;
    else if (pressed(ImGuiKey_DownArrow)) rows = 1;
    else if (pressed(ImGuiKey_LeftArrow)) columns = -1;
    else if (pressed(ImGuiKey_RightArrow)) columns = 1;
    else if (pressed(ImGuiKey_Tab)) columns = io.KeyShift ? -1 : 1;
    else if (pressed(ImGuiKey_PageUp)) rows = -page_rows;
    else if (pressed(ImGuiKey_PageDown)) rows = page_rows;
    else if (pressed(ImGuiKey_Home)) (io.KeyCtrl ? rows : columns) = -1000000;
    else if (pressed(ImGuiKey_End)) (io.KeyCtrl ? rows : columns) = 1000000;
    if (rows != 0 || columns != 0) {
        if (!valid) cursor_ = Cell{rows_.front(), 0};
        else move_cursor(context, rows, columns);
        return;
    }
    if (!valid) return;
    const double score = context.portfolio()
                             .accounts[static_cast<std::size_t>(cursor_.account)]
                             .scores[static_cast<std::size_t>(cursor_.criterion)];
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeypadEnter) || pressed(ImGuiKey_F2)) {
        start_edit(context, cursor_, score_text(score), true);
    } else if (pressed(ImGuiKey_Delete) || pressed(ImGuiKey_Backspace)) {
        if (has_score(score)) {
            context.emit(SetScore{cursor_.account, cursor_.criterion, kNoScore});
            keep_order_ = true;
        }
    }
}

void RatingView::move_cursor(const Context& context, int rows, int columns) {
    if (rows_.empty() || cursor_.account < 0) return;
    const int criteria = static_cast<int>(context.portfolio().criteria.size());
    const int row = row_of_[static_cast<std::size_t>(cursor_.account)];
    if (row < 0) return;
    const int last_row = static_cast<int>(rows_.size()) - 1;
    cursor_.account = rows_[static_cast<std::size_t>(std::clamp(row + rows, 0, last_row))];
    cursor_.criterion = std::clamp(cursor_.criterion + columns, 0, criteria - 1);
    scroll_to_cursor_ = true;
}

// Vertically, from the row's place (it may not be drawn this frame); horizontally when
// the cursor's cell is drawn (draw_score_cell).
void RatingView::scroll_to_cursor(float row_height, float rows_top) {
    if (cursor_.account < 0) return;
    const int row = row_of_[static_cast<std::size_t>(cursor_.account)];
    if (row < 0) return;
    const float top = rows_top + row_height * static_cast<float>(row);
    const float scroll = ImGui::GetScrollY();
    const float bottom_room = ImGui::GetWindowHeight() - ImGui::GetStyle().ScrollbarSize;
    if (top - rows_top < scroll) ImGui::SetScrollY(top - rows_top);
    else if (top + row_height > scroll + bottom_room) ImGui::SetScrollY(top + row_height - bottom_room);
}

}  // namespace kc::ui
