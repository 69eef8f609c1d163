// The pieces of the window: toolbar and menus, problems panel, status line, the views
// in the tabs (dashboard, accounts table, the charts), the list of selected accounts and
// the About window. One .cpp per piece.
//
// The frame pieces return a Command instead of acting: the app runs commands after the
// frame, in one place, whether they came from a menu, a button or a shortcut.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "account_rows.hpp"
#include "view.hpp"

namespace kc::ui {

enum class Command {
    none, open, save, undo, redo, show_about, show_problems, use_dutch, use_english,
    // file_tools.hpp: the File menu's import, exports, share link and forgetting local data
    import_csv, export_accounts_csv, export_report_json, copy_share_link, forget_local_data,
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
    std::vector<int> years_;   // years_in() of the portfolio, cached per version
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
