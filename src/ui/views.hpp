// The pieces of the window: toolbar and menus, problems panel, status line, the views
// in the tabs (dashboard, accounts table, the charts), the list of selected accounts and
// the About window. One .cpp per piece.
//
// The frame pieces return a Command instead of acting: the app runs commands after the
// frame, in one place, whether they came from a menu, a button or a shortcut.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "account_rows.hpp"
#include "core/plan.hpp"
#include "core/sensitivity.hpp"
#include "imgui.h"
#include "plan_widgets.hpp"
#include "view.hpp"

namespace kc::ui {

enum class Command {
    none, open, save, undo, redo, show_about, show_problems, use_dutch, use_english,
    // file_tools.hpp: the File menu's import, exports, share link and forgetting local data
    import_csv, export_accounts_csv, export_report_json, copy_share_link, forget_local_data,
    // the printable plans (core/plan_html.hpp): the account page's account, the whole portfolio
    export_account_plan, export_portfolio_plan,
};

// [SECTION] year_choice.cpp ------------------------------------------------------------
// The analysis year: a combo of "Automatic" and every year in the file (an edit of
// portfolio.year). In the toolbar and in the pyramid's header.
class YearChoice {
public:
    void draw(const Context& context, const char* id, float width);

private:
    void refresh(const Context& context);
    std::uint64_t years_version_ = ~std::uint64_t{0};
    std::vector<int> years_;   // years_in() of the portfolio, cached per version beyond weighting
};

// [SECTION] toolbar.cpp ----------------------------------------------------------------
// The menu bar (File, Edit, View, Language, Help) and the row of buttons under it.
class Toolbar {
public:
    Command draw(const Context& context, std::span<const std::unique_ptr<View>> views);

private:
    Command draw_menus(const Context& context, std::span<const std::unique_ptr<View>> views);
    Command draw_buttons(const Context& context);

    YearChoice year_choice_;
};

// [SECTION] status_line.cpp ------------------------------------------------------------
struct StatusFacts {
    std::string file_name;      // as shown (the example's name already translated)
    std::size_t warnings = 0;
};

class StatusLine {
public:
    // One line at the bottom; clicking the warnings count asks to show the problems.
    Command draw(const Context& context, const StatusFacts& facts);
};

// [SECTION] problems_panel.cpp ---------------------------------------------------------
// Every error of a failed open, the refusal of an edit, and the warnings of the
// portfolio as it is now, each with its place and message. Closable.
class ProblemsPanel {
public:
    void show_open_failure(std::string file_name, Problems errors);
    void show_opened_with_warnings(std::string file_name, std::size_t warning_count);
    void show_refusal(Problems problems);
    // Another file was opened fine: an old failure is no longer news.
    void forget_notice();

    void draw(const Context& context, const Problems& warnings_now);

    bool open = false;

private:
    enum class Notice { none, open_failed, opened_with_warnings, edit_refused };
    Notice notice_ = Notice::none;
    std::string file_name_;
    Problems notice_problems_;
    std::size_t warnings_at_open_ = 0;
};

// [SECTION] accounts_view.cpp ----------------------------------------------------------
// The accounts table: filter, sort by any column, edit cells, 100,000 rows scroll freely.
class AccountsView : public View {
public:
    std::string_view name() const override { return "accounts"; }
    Key title() const override { return Key::view_accounts; }
    void draw(const Context& context) override;

private:
    using Column = AccountColumn;
    static constexpr int kColumnCount = 7;

    void draw_filter(const Context& context);
    void update_rows(const Context& context, bool sort_changed);
    void draw_row(const Context& context, int account);
    void draw_text_cell(const Context& context, int account, Column column, const std::string& text);
    void draw_status_cell(const Context& context, int account);
    void draw_revenue_cell(const Context& context, int account);
    bool begin_edit_on_request(const Context& context, int account, Column column);
    void start_edit(int account, Column column, std::uint64_t version);
    void end_edit();
    void prepare_cell_editor(const std::string& initial);

    // Rows shown: account indices after filter and sort (account_rows.hpp), rebuilt
    // only when the document, the filter or the sort changed.
    std::vector<int> rows_;
    std::uint64_t rows_version_ = ~std::uint64_t{0};
    std::string rows_filter_;
    Selection rows_selection_;
    Column sort_column_ = Column::id;
    bool sort_descending_ = false;

    char filter_[256] = "";
    int selected_account_ = -1;

    // The cell being edited, if any (only one at a time).
    struct CellEdit {
        int account = -1;
        Column column = Column::id;
        std::uint64_t version = 0;    // the document's version when the edit began
        char buffer[1024] = "";
        bool focus_pending = false;   // give the input keyboard focus on its first frame
        bool was_active = false;      // it had focus at least once (so losing it means something)
        int frames = 0;
        Key error = Key::count;       // why the typed value cannot be used (count: none)
    } edit_;
};

// [SECTION] pyramid_view.cpp -----------------------------------------------------------
// Curry's customer pyramid: the seven layers with their figures beside Curry's typical
// revenue shares, the layer percentages editable, a click lists a layer's accounts.
class PyramidView : public ChartView {
public:
    std::string_view name() const override { return "pyramid"; }
    Key title() const override { return Key::view_pyramid; }
    Figures figures(const Context& context) const override;

protected:
    void draw_header_tools(const Context& context) override;
    void draw_body(const Context& context) override;

private:
    void draw_percentages(const Context& context);
    YearChoice year_choice_;
    // The percentages as they are being dragged or typed (the edit goes out as they change).
    double top_ = 0, large_ = 0, medium_ = 0;
};

// [SECTION] migration_view.cpp ---------------------------------------------------------
// How the accounts of Y − 1 moved between layers in Y: a 7 × 7 grid, up and down summed.
class MigrationView : public ChartView {
public:
    std::string_view name() const override { return "migration"; }
    Key title() const override { return Key::view_migration; }
    Figures figures(const Context& context) const override;

protected:
    void draw_body(const Context& context) override;
};

// [SECTION] pareto_view.cpp ------------------------------------------------------------
// The Pareto curve (cumulative revenue over ranked customers) with the 80/20 guides and
// the ABC classes, or the Lorenz curve with the Gini coefficient.
class ParetoView : public ChartView {
public:
    std::string_view name() const override { return "pareto"; }
    Key title() const override { return Key::view_pareto; }
    Figures figures(const Context& context) const override;

protected:
    void draw_header_tools(const Context& context) override;
    void draw_body(const Context& context) override;

private:
    bool lorenz_ = false;
};

// [SECTION] wallet_view.cpp ------------------------------------------------------------
// Share of wallet: per account its revenue inside its wallet, sorted by room to grow.
class WalletView : public ChartView {
public:
    std::string_view name() const override { return "wallet"; }
    Key title() const override { return Key::view_wallet; }
    Figures figures(const Context& context) const override;

protected:
    void draw_body(const Context& context) override;

private:
    // Accounts with a wallet, by room (largest first), rebuilt per document version.
    std::vector<int> rows_;
    std::uint64_t rows_version_ = ~std::uint64_t{0};
    const std::vector<int>& rows(const Context& context);
};

// [SECTION] retention_view.cpp ---------------------------------------------------------
// Retained, lost, new and reactivated customers of Y against Y − 1, with the rates.
class RetentionView : public ChartView {
public:
    std::string_view name() const override { return "retention"; }
    Key title() const override { return Key::view_retention; }
    Figures figures(const Context& context) const override;

protected:
    void draw_body(const Context& context) override;
};

// [SECTION] breakdowns_view.cpp --------------------------------------------------------
// Revenue, customers and share of wallet per segment (M), region (G) or product group (P).
class BreakdownsView : public ChartView {
public:
    std::string_view name() const override { return "breakdowns"; }
    Key title() const override { return Key::view_breakdowns; }
    Figures figures(const Context& context) const override;

protected:
    void draw_header_tools(const Context& context) override;
    void draw_body(const Context& context) override;

private:
    enum class Dimension { segment, region, product } dimension_ = Dimension::segment;
};

// [SECTION] criteria_view.cpp ---------------------------------------------------------
// The rating criteria: add, remove, rename, reorder; weight by slider or typed, with its
// share of all weights; scale; matrix axis; ready-made lists to start from; and how far
// the selected criterion's weight can move before the top 10 of the rating changes.
class CriteriaView : public View {
public:
    std::string_view name() const override { return "criteria"; }
    Key title() const override { return Key::view_criteria; }
    void draw(const Context& context) override;

private:
    void draw_tools(const Context& context);
    void draw_lists_popup(const Context& context);
    void draw_table(const Context& context);
    void draw_row(const Context& context, int criterion, double total_weight, int scored);
    void draw_weight(const Context& context, int criterion);
    void draw_range(const Context& context, int criterion);
    void draw_remove(const Context& context, int criterion, int scored);
    void draw_sensitivity(const Context& context);
    const WeightSensitivity& sensitivity(const Context& context, int criterion);
    int selected_index(const Context& context) const;

    // A text field over a value of the model (see criteria_view.cpp).
    enum class FieldEvent { none, typed, committed };
    FieldEvent field(const char* id, const std::string& shown, float width, bool numeric);

    std::string selected_id_;   // the criterion whose sensitivity is shown (ids survive moves)
    std::string focus_name_of_; // a criterion just added: its name field takes the focus
    // The field being typed in: its id and text (one at a time).
    ImGuiID field_id_ = 0;
    char field_buffer_[256] = "";
    std::string field_text_;    // what the field held when it was left or typed in

    // How many accounts have a score per criterion, per document version.
    std::vector<int> scored_;
    std::uint64_t scored_version_ = ~std::uint64_t{0};
    // The sensitivity of one criterion, per document version.
    std::optional<WeightSensitivity> sensitivity_;
    std::uint64_t sensitivity_version_ = ~std::uint64_t{0};
};

// [SECTION] rating_view.cpp ------------------------------------------------------------
// The customer rating: accounts × criteria, each score edited in place by mouse or
// keyboard; unweighted and weighted totals and indexes, the rank, and with the
// weighted/unweighted toggle how many places each account moves. 10,000 rows scroll
// freely: only the visible ones are drawn, the order is rebuilt per document version.
class RatingView : public View {
public:
    std::string_view name() const override { return "rating"; }
    Key title() const override { return Key::view_rating; }
    void draw(const Context& context) override;

private:
    struct Cell {
        int account = -1;
        int criterion = -1;
        friend bool operator==(const Cell&, const Cell&) = default;
    };

    void draw_tools(const Context& context);
    void setup_columns(const Context& context);
    void draw_score_menu(const Context& context);
    void update_rows(const Context& context, bool sort_changed);
    void draw_row(const Context& context, int row, float row_height);
    void draw_score_cell(const Context& context, int account, int criterion, float row_height);
    void draw_editor(const Context& context);
    void draw_moved(const Context& context, int account);
    void handle_keys(const Context& context, ImGuiID owner, int page_rows);
    void move_cursor(const Context& context, int rows, int columns);
    void start_edit(const Context& context, Cell cell, std::string initial, bool select_all);
    void commit_edit(const Context& context, int rows, int columns);
    void scroll_to_cursor(float row_height, float header_height);
    int place_of(const Report& report, int account) const;

    bool unweighted_ = false;    // rank and order by the unweighted index
    char filter_[256] = "";

    // Rows shown: account indices after filter and sort, and each account's row (-1:
    // filtered away). Rebuilt when the document, the filter, the sort or the mode
    // changed, except after a score typed here: the rows stay where they are while the
    // user goes down a column (the figures follow at once; "Sort again" reorders).
    std::vector<int> rows_;
    std::vector<int> row_of_;
    std::uint64_t rows_version_ = ~std::uint64_t{0};
    std::string rows_filter_;
    bool rows_unweighted_ = false;
    int sort_column_ = 0;          // a column user id (rating_view.cpp)
    bool sort_descending_ = false;
    bool keep_order_ = false;      // the next version change came from a score typed here
    bool order_outdated_ = false;  // the rows are not in the sort order any more

    Cell cursor_;                  // the cell the keyboard works on
    bool scroll_to_cursor_ = false;
    // The score being typed, if any.
    struct Editor {
        Cell cell;
        std::uint64_t version = 0;
        char buffer[64] = "";
        bool focus_pending = false;
        bool select_all = false;   // Enter / F2 / double-click select the score; a digit starts anew
        bool cursor_to_end = false;   // after a digit: the text cursor goes after it, once
        bool was_active = false;
        int frames = 0;
        bool invalid = false;      // what was typed is not a score on the scale
    } editor_;
    Cell menu_cell_;               // the cell whose right-click menu is open
    ImGuiID editor_owner_ = 0;     // the grid's id as owner of the keys it takes
    float rows_top_ = 0;           // where row 0 starts in the grid's content (below the header)
    float frozen_right_ = 0;       // right edge of the frozen columns, screen pixels
};

// [SECTION] matrix_view.cpp ------------------------------------------------------------
// The portfolio matrix: attractiveness up, our position across (high at the left, as in
// McDonald & Woodburn), a bubble per placed account sized by revenue and coloured by
// layer; quadrants named and explained, thresholds dragged on the chart.
class MatrixView : public ChartView {
public:
    std::string_view name() const override { return "matrix"; }
    Key title() const override { return Key::view_matrix; }
    Figures figures(const Context& context) const override;

protected:
    void draw_header_tools(const Context& context) override;
    void draw_body(const Context& context) override;

private:
    void draw_thresholds(const Context& context);
    void draw_labels_popup(const Context& context);
    // The placed accounts, largest revenue first (the drawing order), per document version.
    const std::vector<int>& placed_accounts(const Context& context);
    std::vector<int> placed_;
    std::uint64_t placed_version_ = ~std::uint64_t{0};
    // The thresholds as they are being dragged or typed (the edit goes out as they change).
    double x_threshold_ = 50, y_threshold_ = 50;
    bool open_labels_ = false;     // open the own-labels popup in this frame
    char own_labels_[kQuadrantCount][128] = {};
};

// [SECTION] keyaccounts_view.cpp -------------------------------------------------------
// Which accounts get key-account treatment: mark and unmark them, and see the selected
// set (its share of revenue, layers and quadrants) beside the accounts the rating and
// the matrix point at that are not selected, and the selected ones that rate low.
class KeyAccountsView : public View {
public:
    std::string_view name() const override { return "keyaccounts"; }
    Key title() const override { return Key::view_keyaccounts; }
    void draw(const Context& context) override;

private:
    struct Summary {
        std::vector<int> keys;                       // key accounts, by weighted place
        double revenue = 0;
        std::array<int, kLayerCount> per_layer{};
        std::array<int, kLayerCount> layer_total{};
        std::array<int, 5> per_quadrant{};           // indexed by Quadrant
        std::vector<int> candidates;                 // high-rated or in `key`, not selected
        std::vector<int> low_rated;                  // selected, lower half or no rating
    };
    void refresh(const Context& context);
    void draw_summary(const Context& context);
    void draw_advice(const Context& context);
    void draw_list(const Context& context, const char* id, const std::vector<int>& accounts, float height);
    void draw_all(const Context& context);
    const std::vector<int>& all_rows(const Context& context);

    int top_ = 10;   // "high-rated": this many first places of the weighted ranking
    Summary summary_;
    std::uint64_t summary_version_ = ~std::uint64_t{0};
    int summary_top_ = 0;
    bool only_keys_ = false;
    std::vector<int> all_rows_;
    std::uint64_t all_rows_version_ = ~std::uint64_t{0};
    bool all_rows_only_keys_ = false;
};

// [SECTION] account_view.cpp ---------------------------------------------------------
// One account on one screen: its figures, layer, ABC class, rating, quadrant, goal,
// targets, notes and evaluations, and the relationship map: the customer's DMIU by
// buying-centre role and attitude, our PSU below, a line per coverage, the gaps flagged.
// Contacts and team are edited here.
class AccountView : public View {
public:
    std::string_view name() const override { return "account"; }
    Key title() const override { return Key::view_account; }
    void draw(const Context& context) override;

    // Shows this account from the next frame on (a click on an account elsewhere).
    void show_account(std::string id) { account_id_ = std::move(id); }
    // The account shown: the one chosen, else the first key account, else the first; -1
    // for a portfolio without accounts.
    int current_account(const Portfolio& portfolio) const;

private:
    void draw_header(const Context& context, int account);
    void draw_facts(const Context& context, int account);
    void draw_targets(const Context& context, int account);
    void draw_map(const Context& context, int account, ImVec2 size);
    void draw_gaps(const Context& context, int account);
    void draw_contacts(const Context& context, int account);
    void draw_team(const Context& context, int account);
    void draw_cover_popup(const Context& context, int account, int contact);

    std::string account_id_;
    int dragging_member_ = -1;      // a line being dragged from a team member on the map
    char filter_[128] = "";
    int new_target_year_ = 0;
    TextFields fields_;
};

// [SECTION] plan_view.cpp ------------------------------------------------------------
// The CORE plan as a stepper: Choice, Organisation, Results, Evaluation, each with its
// done mark and notes and the portfolio's own figures (core/plan.hpp).
class PlanView : public View {
public:
    explicit PlanView(AccountView& account_view) : account_view_(account_view) {}
    std::string_view name() const override { return "plan"; }
    Key title() const override { return Key::view_plan; }
    void draw(const Context& context) override;

    CoreStepId step = CoreStepId::choice;

private:
    void draw_stepper(const Context& context);
    void draw_step_notes(const Context& context);
    void draw_choice(const Context& context);
    void draw_organisation(const Context& context);
    void draw_org_diagram(const Context& context, const OrganisationPlan& plan, float height);
    void draw_team_matrix(const Context& context);
    void draw_results(const Context& context);
    void draw_results_table(const Context& context, const ResultsPlan& results);
    void draw_evaluation(const Context& context);
    void draw_review_list(const Context& context, const ReviewPlan& reviews);
    // A link to the account page.
    void account_link(const Context& context, int account, float width);

    AccountView& account_view_;
    TextFields fields_;
    char new_check_[256] = "";
    int target_year_ = 0;           // the year the Results table edits (0: Y + 1)
    bool all_accounts_ = false;     // Results: every account, not only those under review
    int review_account_ = -1;       // Evaluation: the account whose evaluations are shown
};

// [SECTION] dashboard_view.cpp ---------------------------------------------------------
// The charts side by side, as many columns as the width allows.
class DashboardView : public View {
public:
    explicit DashboardView(std::vector<ChartView*> charts) : charts_(std::move(charts)) {}
    std::string_view name() const override { return "dashboard"; }
    Key title() const override { return Key::view_dashboard; }
    void draw(const Context& context) override;
    bool lists_selection() const override { return true; }

private:
    std::vector<ChartView*> charts_;
};

// [SECTION] selection_panel.cpp --------------------------------------------------------
// The accounts behind the chart part the user clicked, in a window beside the charts.
class SelectionPanel {
public:
    // Returns true when the user closed it (the app then clears the selection).
    bool draw(const Context& context);

private:
    std::vector<int> accounts_;
    std::uint64_t accounts_version_ = ~std::uint64_t{0};
    Selection accounts_of_;
};

// [SECTION] about_window.cpp -----------------------------------------------------------
class AboutWindow {
public:
    void draw();
    bool open = false;
};

}  // namespace kc::ui
