// The accounts table: id, name, segment, region, status, revenue of the analysis year
// and pyramid layer; filter, sort by any column, edit a cell in place.
//
// Only the visible rows are drawn (ImGuiListClipper), and the filtered, sorted list of
// rows is rebuilt only when the document, the filter or the sort changed, so 100,000
// accounts scroll as smoothly as 40. Edits go out through Context::emit.
#include <algorithm>
#include <cstdio>

#include "chart.hpp"
#include "core/names.hpp"
#include "imgui.h"
#include "palette.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

const std::string kNothing;

const std::string& text_of(const Account& account, AccountColumn column) {
    switch (column) {
        case AccountColumn::name: return account.name;
        case AccountColumn::segment: return account.segment ? *account.segment : kNothing;
        case AccountColumn::region: return account.region ? *account.region : kNothing;
        default: return account.id;
    }
}

AccountText text_field(AccountColumn column) {
    return column == AccountColumn::segment ? AccountText::segment
           : column == AccountColumn::region ? AccountText::region
                                             : AccountText::name;
}

int index_of(AccountColumn column) { return static_cast<int>(column); }

// Amount fields take digits, one separator, a sign and spaces; everything else is
// dropped as it is typed.
int amount_character_filter(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    const bool allowed = (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == ' ';
    return allowed ? 0 : 1;
}

void help_marker(const char* text) {
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// Why a typed value cannot be used, next to the mouse while the field stays open.
void show_error(const char* message) {
    ImGui::BeginTooltip();
    ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
    ImGui::TextUnformatted(message);
    ImGui::PopStyleColor();
    ImGui::EndTooltip();
}

bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
}

}  // namespace

// [SECTION] the frame ----------------------------------------------------------------------

void AccountsView::draw(const Context& context) {
    // A cell edit belongs to the portfolio as it was when it began: after an undo, a
    // redo or another file, its account index may mean another account.
    if (edit_.account >= 0 && edit_.version != context.document().version()) end_edit();
    draw_filter(context);
    const Portfolio& portfolio = context.portfolio();
    if (portfolio.accounts.empty()) {
        ImGui::TextDisabled("%s", context.tr(Key::no_accounts));
        return;
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Resizable | ImGuiTableFlags_Reorderable |
                                  ImGuiTableFlags_Hideable | ImGuiTableFlags_Sortable |
                                  ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                  ImGuiTableFlags_BordersV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("accounts", kColumnCount, flags)) return;   // fills the rest of the tab

    const float em = ImGui::GetFontSize();
    const Report& report = context.report();
    const std::string revenue_title =
        report.year ? fill(context.tr(Key::column_revenue), {std::to_string(*report.year)})
                    : std::string(context.tr(Key::column_revenue_no_year));
    ImGui::TableSetupScrollFreeze(0, 1);
    // Widths in font units: the platform renders in physical pixels at any DPI.
    auto column = [](const char* label, ImGuiTableColumnFlags flags, float width, Column id) {
        ImGui::TableSetupColumn(label, flags, width, static_cast<ImGuiID>(id));
    };
    column(context.tr(Key::column_id), ImGuiTableColumnFlags_DefaultSort, 10 * em, Column::id);
    column(context.tr(Key::column_name), ImGuiTableColumnFlags_WidthStretch, 0, Column::name);
    column(context.tr(Key::column_segment), 0, 9 * em, Column::segment);
    column(context.tr(Key::column_region), 0, 8 * em, Column::region);
    column(context.tr(Key::column_status), 0, 6 * em, Column::status);
    column(revenue_title.c_str(), ImGuiTableColumnFlags_PreferSortDescending, 9 * em, Column::revenue);
    column(context.tr(Key::column_layer), 0, 8 * em, Column::layer);
    ImGui::TableHeadersRow();

    auto sorted_by = static_cast<ImGuiID>(sort_column_);
    const bool sort_changed = chart::take_sort_change(sorted_by, sort_descending_);
    sort_column_ = static_cast<Column>(sorted_by);
    update_rows(context, sort_changed);

    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows_.size()));
    // The row being edited is always drawn, even scrolled out of sight, so its input
    // keeps living and Enter / Escape / clicking elsewhere still reach it.
    if (edit_.account >= 0) {
        const auto at = std::find(rows_.begin(), rows_.end(), edit_.account);
        if (at != rows_.end()) clipper.IncludeItemByIndex(static_cast<int>(at - rows_.begin()));
        else end_edit();   // filtered away
    }
    while (clipper.Step())
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) draw_row(context, rows_[row]);
    ImGui::EndTable();
}

void AccountsView::draw_filter(const Context& context) {
    const float em = ImGui::GetFontSize();
    // A chart part the user clicked narrows the table too, until it is cleared here.
    if (!context.selection().empty()) {
        ImGui::AlignTextToFramePadding();
        const std::string title = selection_title(context.selection(), context.portfolio());
        ImGui::TextUnformatted(fill(context.tr(Key::filter_selection), {title}).c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton((std::string(context.tr(Key::filter_clear)) + "###clear_selection").c_str()))
            context.select(Selection{});
        ImGui::SameLine(0, em);
    }
    ImGui::SetNextItemWidth(22 * em);
    ImGui::InputTextWithHint("##filter", context.tr(Key::filter_hint), filter_, sizeof filter_);
    if (filter_[0] != '\0') {
        ImGui::SameLine();
        if (ImGui::SmallButton(context.tr(Key::filter_clear))) filter_[0] = '\0';
    }
    ImGui::SameLine();
    const std::size_t total = context.portfolio().accounts.size();
    const std::size_t shown = rows_version_ == context.version() ? rows_.size() : total;
    ImGui::TextDisabled("%s", fill(context.tr(Key::filter_count),
                                   {format_integer(static_cast<long long>(shown)),
                                    format_integer(static_cast<long long>(total))})
                                  .c_str());
    ImGui::SameLine();
    help_marker(context.tr(Key::edit_hint));
}

// [SECTION] filter and sort ----------------------------------------------------------------

void AccountsView::update_rows(const Context& context, bool sort_changed) {
    const std::uint64_t version = context.version();
    if (!sort_changed && rows_version_ == version && rows_filter_ == filter_ && rows_selection_ == context.selection())
        return;
    rows_version_ = version;
    rows_filter_ = filter_;
    rows_selection_ = context.selection();
    rows_ = account_rows(context.portfolio(), context.report(), rows_filter_, sort_column_, sort_descending_);
    if (rows_selection_.empty()) return;
    std::vector<char> selected(context.portfolio().accounts.size(), 0);
    for (int i : selected_accounts(rows_selection_, context.portfolio(), context.report()))
        selected[static_cast<std::size_t>(i)] = 1;
    std::erase_if(rows_, [&](int i) { return !selected[static_cast<std::size_t>(i)]; });
}

// [SECTION] rows and cells -----------------------------------------------------------------

void AccountsView::draw_row(const Context& context, int account) {
    const Account& a = context.portfolio().accounts[account];
    const Report& report = context.report();
    ImGui::TableNextRow();
    ImGui::PushID(account);

    // The whole row is one selectable (keyboard navigation, selection, double-click);
    // the cell under the mouse tells which field a double-click edits.
    ImGui::TableSetColumnIndex(index_of(Column::id));
    const ImVec2 cell_start = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::Selectable("##row", account == selected_account_,
                                           ImGuiSelectableFlags_SpanAllColumns |
                                               ImGuiSelectableFlags_AllowOverlap |
                                               ImGuiSelectableFlags_AllowDoubleClick);
    if (pressed) {
        selected_account_ = account;
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            for (int c = index_of(Column::name); c < kColumnCount; ++c)
                if (ImGui::TableGetColumnFlags(c) & ImGuiTableColumnFlags_IsHovered)
                    begin_edit_on_request(context, account, static_cast<Column>(c));
        } else if (enter_pressed()) {
            begin_edit_on_request(context, account, Column::name);
        }
    }
    ImGui::SetCursorScreenPos(cell_start);
    ImGui::TextUnformatted(a.id.c_str());

    for (Column column : {Column::name, Column::segment, Column::region}) {
        ImGui::TableSetColumnIndex(index_of(column));
        draw_text_cell(context, account, column, text_of(a, column));
    }
    ImGui::TableSetColumnIndex(index_of(Column::status));
    draw_status_cell(context, account);
    ImGui::TableSetColumnIndex(index_of(Column::revenue));
    draw_revenue_cell(context, account);
    ImGui::TableSetColumnIndex(index_of(Column::layer));
    if (report.year) ImGui::TextUnformatted(layer_text(report.pyramid.layer_of[account]));
    ImGui::PopID();
}

bool AccountsView::begin_edit_on_request(const Context& context, int account, Column column) {
    // The id is the account's identity and the layer is computed: neither is typed in.
    // Revenue needs an analysis year to say which year is meant.
    if (column == Column::id || column == Column::layer || (column == Column::revenue && !context.report().year))
        return false;
    start_edit(account, column, context.document().version());
    return true;
}

void AccountsView::start_edit(int account, Column column, std::uint64_t version) {
    edit_.account = account;
    edit_.version = version;
    edit_.column = column;
    edit_.buffer[0] = '\0';   // filled from the model on the cell's first frame
    edit_.focus_pending = true;
    edit_.was_active = false;
    edit_.frames = 0;
    edit_.error = Key::count;
}

void AccountsView::end_edit() {
    edit_.account = -1;
    edit_.error = Key::count;
}

// The cell editor's first frame takes the model's text; every frame it fills the
// cell and, once, takes the keyboard focus.
void AccountsView::prepare_cell_editor(const std::string& initial) {
    if (edit_.frames == 0) std::snprintf(edit_.buffer, sizeof edit_.buffer, "%s", initial.c_str());
    ++edit_.frames;
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (edit_.focus_pending) {
        ImGui::SetKeyboardFocusHere();
        edit_.focus_pending = false;
    }
}

void AccountsView::draw_text_cell(const Context& context, int account, Column column, const std::string& text) {
    if (edit_.account != account || edit_.column != column) {
        ImGui::TextUnformatted(text.c_str());
        return;
    }
    prepare_cell_editor(text);
    const bool entered = ImGui::InputText("##edit", edit_.buffer, sizeof edit_.buffer,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
    const bool active = ImGui::IsItemActive();
    if (edit_.error != Key::count) show_error(context.tr(edit_.error));
    if (active) edit_.was_active = true;
    const bool left = edit_.was_active && !active;
    if (left && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return end_edit();   // cancel
    if (!entered && !left) {
        if (!edit_.was_active && edit_.frames > 3) end_edit();   // never got the focus
        return;
    }
    // Enter, or the focus went elsewhere: both commit, as in a spreadsheet.
    if (column == Column::name && edit_.buffer[0] == '\0') {
        edit_.error = Key::name_required;
        edit_.focus_pending = true;
        edit_.was_active = false;
        edit_.frames = 1;
        return;
    }
    if (text != edit_.buffer) context.emit(set_account_text(account, text_field(column), edit_.buffer));
    end_edit();
}

void AccountsView::draw_status_cell(const Context& context, int account) {
    const Status current = context.portfolio().accounts[account].status;
    const ImVec2 cell = ImGui::GetCursorScreenPos();
    ImGui::TextUnformatted(status_text(current));
    if (edit_.account != account || edit_.column != Column::status) return;

    ++edit_.frames;
    if (edit_.focus_pending) {
        ImGui::OpenPopup("status_choice");
        edit_.focus_pending = false;
    }
    ImGui::SetNextWindowPos(ImVec2(cell.x, cell.y + ImGui::GetTextLineHeightWithSpacing()), ImGuiCond_Appearing);
    if (ImGui::BeginPopup("status_choice")) {
        edit_.was_active = true;
        for (Status choice : {Status::none, Status::active, Status::inactive, Status::prospect, Status::suspect}) {
            if (ImGui::Selectable(status_text(choice), choice == current)) {
                if (choice != current) context.emit(SetAccountStatus{account, choice});
                end_edit();
            }
            // What the file will say, for those who also read the JSON.
            if (choice != Status::none)
                ImGui::SetItemTooltip("\"status\": \"%.*s\"", static_cast<int>(to_string(choice).size()),
                                      to_string(choice).data());
            if (choice == current && ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
        }
        ImGui::EndPopup();
    } else if (edit_.was_active || edit_.frames > 3) {
        end_edit();   // closed with Escape or a click elsewhere: nothing changes
    }
}

void AccountsView::draw_revenue_cell(const Context& context, int account) {
    const Report& report = context.report();
    if (!report.year) {   // no analysis year: no revenue to show or edit
        if (edit_.account == account && edit_.column == Column::revenue) end_edit();
        return;
    }
    const int year = *report.year;
    const Account& a = context.portfolio().accounts[account];
    const double* value = a.revenue.find(year);
    const std::string& currency = context.portfolio().info.currency;

    if (edit_.account != account || edit_.column != Column::revenue) {
        if (!value) return;
        chart::right_aligned(format_money(*value, currency, 2));
        if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right)) ImGui::OpenPopup("revenue_menu");
        if (ImGui::BeginPopup("revenue_menu")) {
            if (ImGui::MenuItem(fill(context.tr(Key::revenue_clear), {std::to_string(year)}).c_str()))
                context.emit(SetRevenue{account, year, std::nullopt});
            ImGui::EndPopup();
        }
        return;
    }

    prepare_cell_editor(value ? amount_for_editing(*value) : std::string());
    const bool entered = ImGui::InputText("##edit", edit_.buffer, sizeof edit_.buffer,
                                          ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                              ImGuiInputTextFlags_CallbackCharFilter,
                                          amount_character_filter);
    const bool active = ImGui::IsItemActive();
    if (edit_.error != Key::count) show_error(context.tr(edit_.error));
    if (active) edit_.was_active = true;
    const bool left = edit_.was_active && !active;
    if (left && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) return end_edit();
    if (!entered && !left) {
        if (!edit_.was_active && edit_.frames > 3) end_edit();
        return;
    }

    // Empty clears the year (an explicit act: the field had a value and the user emptied it).
    const ParsedAmount typed = parse_amount(edit_.buffer);
    Key error = Key::count;
    if (typed.outcome == ParsedAmount::invalid) error = Key::revenue_invalid;
    else if (typed.outcome == ParsedAmount::ambiguous) error = Key::revenue_ambiguous;
    else if (typed.outcome == ParsedAmount::number && typed.value < 0) error = Key::revenue_negative;
    else if (typed.outcome == ParsedAmount::number && typed.value > kMaxMagnitude) error = Key::revenue_too_large;
    if (error != Key::count) {
        // Keep the field open with what was typed, and say why it cannot be used.
        edit_.error = error;
        edit_.focus_pending = true;
        edit_.was_active = false;
        edit_.frames = 1;
        return;
    }
    const std::optional<double> amount =
        typed.outcome == ParsedAmount::number ? std::optional<double>(typed.value) : std::nullopt;
    const std::optional<double> before = value ? std::optional<double>(*value) : std::nullopt;
    if (amount != before) context.emit(SetRevenue{account, year, amount});
    end_edit();
}

}  // namespace kc::ui
