// The App of app.hpp: owns the document and the views, lays out one full-window frame,
// turns menus, buttons and shortcuts into commands, and applies the edits views emit.
//
// Order within a frame: shortcuts, then every piece draws against the document as it
// is, then the emitted edits are applied, then the commands run. So no view ever sees
// the model change while it draws, and the next frame shows the result.
#include "app.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <memory>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/format.hpp"
#include "core/plan_html.hpp"
#include "core/read_stream.hpp"
#include "file_tools.hpp"
#include "i18n.hpp"
#include "imgui.h"
#include "open_progress.hpp"
#include "views.hpp"

namespace kc::ui {

namespace {

constexpr const char* kOpenAccept = ".json,application/json";
constexpr const char* kSaveMime = "application/json";
constexpr const char* kHtmlMime = "text/html";

bool ends_with_folded(std::string_view text, std::string_view suffix) {
    if (text.size() < suffix.size()) return false;
    for (std::size_t i = 0; i < suffix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[text.size() - suffix.size() + i])) != suffix[i]) return false;
    return true;
}

// "Q3/klanten.kamcanvas.json" → "klanten".
std::string file_stem(std::string_view file_name) {
    const std::size_t slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    if (ends_with_folded(file_name, ".json")) file_name.remove_suffix(5);
    if (ends_with_folded(file_name, ".kamcanvas")) file_name.remove_suffix(10);
    return std::string(file_name);
}

// A name every operating system accepts: no path or reserved characters, no control
// characters, no leading or trailing dots and spaces. UTF-8 letters stay.
std::string safe_file_base(std::string_view name) {
    std::string out;
    for (char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool reserved = std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
        out += (byte < 0x20 || byte == 0x7F || reserved) ? '-' : c;
    }
    const std::size_t first = out.find_first_not_of(" .");
    if (first == std::string::npos) return "";
    out.erase(0, first);
    out.erase(out.find_last_not_of(" .") + 1);
    return out;
}

}  // namespace

// The local calendar day; the browser's C library takes the time zone from the page.
Date Platform::today() const {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

// [SECTION] state ----------------------------------------------------------------------------

struct App::State {
    explicit State(Platform& host) : platform(host), file_tools(host) {
        // The charts exist once: in their own tabs and in the dashboard's cells.
        std::vector<std::unique_ptr<ChartView>> charts;
        charts.push_back(std::make_unique<PyramidView>());
        charts.push_back(std::make_unique<MigrationView>());
        charts.push_back(std::make_unique<ParetoView>());
        charts.push_back(std::make_unique<WalletView>());
        charts.push_back(std::make_unique<RetentionView>());
        charts.push_back(std::make_unique<BreakdownsView>());
        charts.push_back(std::make_unique<MatrixView>());
        std::vector<ChartView*> dashboard;
        for (const auto& chart : charts) dashboard.push_back(chart.get());
        views.push_back(std::make_unique<DashboardView>(std::move(dashboard)));
        views.push_back(std::make_unique<AccountsView>());
        views.push_back(std::make_unique<CriteriaView>());
        views.push_back(std::make_unique<RatingView>());
        for (auto& chart : charts) views.push_back(std::move(chart));
        views.push_back(std::make_unique<KeyAccountsView>());
        auto account = std::make_unique<AccountView>();
        account_view = account.get();
        views.push_back(std::make_unique<PlanView>(*account));
        views.push_back(std::move(account));
        active_view = std::string(views.front()->name());
    }

    Platform& platform;
    Document document;
    std::string file_name;
    bool opened_any = false;   // false until the first successful open

    std::vector<std::unique_ptr<View>> views;
    AccountView* account_view = nullptr;   // the account page: which account the account plan is of
    std::string active_view;      // the tab shown in the last frame
    std::string requested_view;   // a tab to bring to the front in the next frame
    Toolbar toolbar;
    StatusLine status_line;
    ProblemsPanel problems;
    AboutWindow about;
    SelectionPanel selection_panel;
    Selection selection;          // the chart part whose accounts are listed
    Frame frame;                  // what the views asked for in the frame being drawn
    std::vector<Part> last_parts; // the clickable parts of the last frame
    bool confirm_discard = false;   // ask before Open throws unsaved changes away
    FileTools file_tools;           // CSV import, exports, share links, notices
    FileToolsRequests tools_requests;   // what those asked for in the frame being drawn
    std::string example_text;       // the bundled example, for "open the example instead"
    // The example as save_text() would write it, to tell restored work from it: made when
    // first asked (a restore), not at start, where every millisecond delays the first frame.
    mutable std::optional<std::string> example_saved;
    const std::string& example_saved_text() const {
        if (!example_saved) {
            ReadResult example = read_portfolio_fast(example_text);
            example_saved = example.ok() ? write_portfolio(*example.portfolio) : std::string();
        }
        return *example_saved;
    }

    // check_warnings() of the portfolio as it is, recomputed once per change that can move
    // it (not for weights, axes or thresholds: Document::version_beyond_weighting).
    Problems warnings;
    std::uint64_t warnings_version = ~std::uint64_t{0};

    std::string shown_file_name() const {
        if (!file_name.empty()) return file_name;
        return opened_any ? tr(Key::example_file_name) : "—";
    }

    std::string save_file_name() const {
        std::string base = safe_file_base(document.portfolio().info.name);
        if (base.empty()) base = safe_file_base(file_stem(file_name));
        if (base.empty()) base = "portfolio";
        return base + ".kamcanvas.json";
    }

    void refresh_warnings() {
        if (warnings_version == document.version_beyond_weighting()) return;
        warnings = check_warnings(document.portfolio());
        warnings_version = document.version_beyond_weighting();
    }

    Command shortcut() const {
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_O)) return Command::open;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_S)) return Command::save;
        // While text is being typed, Ctrl+Z belongs to the text field.
        if (ImGui::GetIO().WantTextInput) return Command::none;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Z)) return Command::undo;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiMod_Shift | ImGuiKey_Z)) return Command::redo;
        if (ImGui::IsKeyChordPressed(ImGuiMod_Shortcut | ImGuiKey_Y)) return Command::redo;
        return Command::none;
    }

    void run(Command command) {
        switch (command) {
            case Command::none: break;
            case Command::open:
                if (document.dirty()) confirm_discard = true;
                else platform.pick_file(kOpenAccept);
                break;
            case Command::save:
                platform.download(save_file_name(), kSaveMime, write_portfolio(document.portfolio()));
                document.mark_saved();
                break;
            case Command::undo: document.undo(); break;
            case Command::redo: document.redo(); break;
            case Command::show_about: about.open = true; break;
            case Command::show_problems: problems.open = true; break;
            case Command::use_dutch: ui::set_language(Language::nl); break;
            case Command::use_english: ui::set_language(Language::en); break;
            case Command::import_csv:
            case Command::export_accounts_csv:
            case Command::export_report_json:
            case Command::copy_share_link:
            case Command::forget_local_data: file_tools.run(command, document, download_base()); break;
            case Command::export_account_plan:
            case Command::export_portfolio_plan: export_plan(command); break;
        }
    }

    // A printable plan as an HTML download, in the UI language, dated today.
    void export_plan(Command command) {
        const Portfolio& portfolio = document.portfolio();
        const PlanPrint print{platform.today(), ui::language() == Language::nl ? PlanLanguage::nl : PlanLanguage::en};
        if (command == Command::export_portfolio_plan) {
            platform.download(download_base() + "-plan.html", kHtmlMime,
                              portfolio_plan_html(portfolio, document.report(), print));
            return;
        }
        const int account = account_view->current_account(portfolio);
        std::string id = account >= 0 ? safe_file_base(portfolio.accounts[static_cast<std::size_t>(account)].id) : "";
        platform.download(download_base() + "-account-plan" + (id.empty() ? "" : "-" + id) + ".html", kHtmlMime,
                          account_plan_html(portfolio, document.report(), account, print));
    }

    const View* find_view(std::string_view name) const {
        for (const auto& view : views)
            if (view->name() == name) return view.get();
        return nullptr;
    }

    // Everything the views asked for, in one place after they have all drawn.
    void carry_out_frame() {
        for (EditRequest& request : frame.edits) {
            if (request.kind == EditRequest::seal) {
                document.seal();
                continue;
            }
            ApplyResult result = document.apply(request.change, request.merge_key);
            if (!result.ok()) problems.show_refusal(std::move(result.problems));
        }
        if (frame.selection) selection = *frame.selection;
        if (frame.copy_text) platform.copy_to_clipboard(*frame.copy_text);
        if (frame.snapshot) platform.download_png(snapshot_file_name(frame.snapshot->file_name), frame.snapshot->rect);
        if (frame.show_view) requested_view = *frame.show_view;
        last_parts = std::move(frame.parts);
        frame = Frame{};
    }

    // "Zuivelhoeve-pyramid-2025.png": the portfolio's name, then what the view said.
    std::string snapshot_file_name(const std::string& what) const {
        std::string base = safe_file_base(document.portfolio().info.name);
        if (base.empty()) base = safe_file_base(file_stem(file_name));
        if (base.empty()) base = "kamcanvas";
        return base + "-" + what + ".png";
    }

    void draw_frame(const Context& context, Command& command);
    void draw_views(const Context& context);
    void draw_confirm_discard();
    // Reads `bytes` as a portfolio and, when it reads, opens it (see App::open_file).
    OpenResult open_bytes(std::string_view file_name, std::string_view bytes) {
        return open_read(file_name, read_portfolio_fast(bytes));
    }
    OpenResult open_read(std::string_view file_name, ReadResult read);
    // A file being read in pieces (App::show_progress).
    struct Progress {
        std::string file_name;
        std::size_t bytes = 0;
        std::size_t total = 0;
    };
    std::optional<Progress> progress;

    // [SECTION] file tools (file_tools.hpp)
    // The start of an export's file name: the portfolio's name, else the file's.
    std::string download_base() const {
        std::string base = safe_file_base(document.portfolio().info.name);
        if (base.empty()) base = safe_file_base(file_stem(file_name));
        return base.empty() ? "kamcanvas" : base;
    }
    // Another portfolio replaces the open one, as Open does.
    void adopt(Portfolio portfolio, std::string name) {
        document.replace(std::move(portfolio));
        file_name = std::move(name);
        opened_any = true;
        selection = Selection{};   // its groups and layers belonged to the other portfolio
        problems.forget_notice();
        problems.open = false;
        file_tools.portfolio_replaced();
    }
    void carry_out_tools_requests(App& app) {
        FileToolsRequests requests = std::move(tools_requests);
        tools_requests = {};
        if (requests.imported) {
            CsvImported& imported = *requests.imported;
            const std::size_t accounts = imported.portfolio.accounts.size();
            adopt(std::move(imported.portfolio), imported.file_name);
            document.mark_unsaved();   // it exists only here until saved as a portfolio
            file_tools.imported(imported.file_name, accounts, imported.refused);
        }
        if (requests.open_example) app.open_file("", example_text);
    }
};

// [SECTION] layout -----------------------------------------------------------------------------

void App::State::draw_frame(const Context& context, Command& command) {
    // One window covering the whole canvas, without decorations: the app is the page.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    const ImGuiWindowFlags host_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("kamcanvas", nullptr, host_flags);
    ImGui::PopStyleVar(2);

    const Command from_toolbar = toolbar.draw(context, views);
    if (from_toolbar != Command::none) command = from_toolbar;
    file_tools.draw_notices(context, tools_requests);
    problems.draw(context, warnings);

    // The views take everything between the toolbar (and problems) and the status line.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float status_height = ImGui::GetFrameHeight() + 2 * style.ItemSpacing.y + 1.0f;
    ImGui::BeginChild("views", ImVec2(0, -status_height));
    draw_views(context);
    ImGui::EndChild();

    const Command from_status = status_line.draw(context, {shown_file_name(), warnings.size()});
    if (from_status != Command::none) command = from_status;
    ImGui::End();

    about.draw();
    draw_confirm_discard();
    file_tools.draw_dialogs(context, tools_requests);
}

void App::State::draw_views(const Context& context) {
    if (!ImGui::BeginTabBar("views", ImGuiTabBarFlags_Reorderable | ImGuiTabBarFlags_FittingPolicyScroll)) return;
    const View* shown = nullptr;
    for (const auto& view : views) {
        if (view->name() == requested_view) view->open = true;
        if (!view->open) continue;
        const std::string label = std::string(tr(view->title())) + "###" + std::string(view->name());
        const ImGuiTabItemFlags flags = view->name() == requested_view ? ImGuiTabItemFlags_SetSelected : 0;
        if (ImGui::BeginTabItem(label.c_str(), &view->open, flags)) {
            shown = view.get();
            active_view = std::string(view->name());
            view->draw(context);
            ImGui::EndTabItem();
        }
    }
    requested_view.clear();
    ImGui::EndTabBar();
    // The accounts behind a clicked part, beside the charts (the accounts table filters
    // by them itself).
    if (shown && shown->lists_selection() && selection_panel.draw(context)) frame.selection = Selection{};
}

void App::State::draw_confirm_discard() {
    if (confirm_discard) {
        ImGui::OpenPopup("###confirm_discard");
        confirm_discard = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr(Key::confirm_discard_title)) + "###confirm_discard";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    ImGui::TextUnformatted(tr(Key::confirm_discard_text));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    if (ImGui::Button((std::string(tr(Key::confirm_discard_open)) + "###open_anyway").c_str())) {
        platform.pick_file(kOpenAccept);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(Key::confirm_cancel)) + "###cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] the interface of app.hpp -------------------------------------------------------------

namespace {

// A light theme with slightly rounded controls: calm for tables of figures. Sizes are
// ImGui's defaults; the platform scales the whole style to the screen's pixel ratio.
void apply_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.FrameRounding = 3.0f;
    style.GrabRounding = 3.0f;
    style.TabRounding = 3.0f;
    style.PopupRounding = 3.0f;
    style.ChildRounding = 3.0f;
    style.FrameBorderSize = 1.0f;
}

}  // namespace

App::App(Platform& platform, std::string_view language) : state_(std::make_unique<State>(platform)) {
    set_language(language);
    if (ImGui::GetCurrentContext()) apply_style();
}

App::~App() = default;

OpenResult App::open_file(std::string_view file_name, std::string_view bytes) {
    State& s = *state_;
    OpenResult result = s.open_bytes(file_name, bytes);
    if (result.ok && file_name.empty()) {
        s.example_text = std::string(bytes);
        s.example_saved.reset();
    }
    return result;
}

OpenResult App::open_read(std::string_view file_name, ReadResult read) {
    return state_->open_read(file_name, std::move(read));
}

OpenResult App::State::open_read(std::string_view file_name, ReadResult read) {
    State& s = *this;
    OpenResult result;
    result.ok = read.ok();
    result.errors = read.errors;
    result.warnings = read.warnings;
    const std::string shown = file_name.empty() ? std::string(tr(Key::example_file_name)) : std::string(file_name);
    if (!read.ok()) {
        // Nothing changes: the open portfolio stays, the panel says why the file was refused.
        s.problems.show_open_failure(shown, std::move(read.errors));
        return result;
    }
    s.adopt(std::move(*read.portfolio), std::string(file_name));
    if (!read.warnings.empty()) s.problems.show_opened_with_warnings(shown, read.warnings.size());
    return result;
}

const Document& App::document() const { return state_->document; }

const std::string& App::file_name() const { return state_->file_name; }

std::string App::save_text() const { return write_portfolio(state_->document.portfolio()); }

// [SECTION] files beyond Open and Save ----------------------------------------------------------

void App::open_user_file(std::string_view file_name, std::string_view bytes) {
    if (is_csv_file(file_name, bytes)) state_->file_tools.begin_csv_import(std::string(file_name), std::string(bytes));
    else open_file(file_name, bytes);
}

OpenResult App::restore_work(std::string_view file_name, std::string_view text, std::string saved_at, bool unsaved) {
    State& s = *state_;
    if (text == s.example_saved_text()) return {true, {}, {}};   // nothing of the user's: the example stays
    return restore_read(file_name, read_portfolio_fast(text), std::move(saved_at), unsaved);
}

OpenResult App::restore_read(std::string_view file_name, ReadResult read, std::string saved_at, bool unsaved) {
    State& s = *state_;
    OpenResult result = s.open_read(file_name, std::move(read));
    if (!result.ok) return result;
    if (unsaved) s.document.mark_unsaved();
    s.file_tools.work_restored(std::move(saved_at));
    return result;
}

void App::report_open_failure(std::string_view source, Problems errors) {
    state_->problems.show_open_failure(std::string(source), std::move(errors));
}

bool App::run_command(std::string_view name) {
    const std::optional<Command> command = FileTools::command_named(name);
    if (command) state_->run(*command);
    return command.has_value();
}

FileTools& App::file_tools() { return state_->file_tools; }

const FileTools& App::file_tools() const { return state_->file_tools; }

void App::show_progress(std::string_view file_name, std::size_t bytes, std::size_t total) {
    state_->progress = State::Progress{std::string(file_name), bytes, total};
}

void App::end_progress() { state_->progress.reset(); }

void App::draw() {
    State& s = *state_;
    if (s.progress) {
        draw_open_progress(s.progress->file_name, s.progress->bytes, s.progress->total);
        return;
    }
    Command command = s.shortcut();
    // A change of weights, axes or thresholds at many accounts is worked into the report
    // a few milliseconds a frame: a dragged weight keeps the frames short.
    constexpr auto kReportBudget = std::chrono::milliseconds(4);
    const Report& report = s.document.report_by(std::chrono::steady_clock::now() + kReportBudget);
    s.refresh_warnings();
    {
        const Context context(s.document, report, s.frame, s.selection, s.platform.today());
        s.draw_frame(context, command);
    }
    s.carry_out_frame();
    s.carry_out_tools_requests(*this);
    s.run(command);
}

void App::set_language(std::string_view language) { ui::set_language(language_from_code(language)); }

std::string_view App::language() const { return language_code(ui::language()); }

// [SECTION] for scripts and browser tests ----------------------------------------------------------

std::vector<std::string> App::view_names() const {
    std::vector<std::string> names;
    for (const auto& view : state_->views) names.emplace_back(view->name());
    return names;
}

const std::string& App::active_view() const { return state_->active_view; }

bool App::show_view(std::string_view name) {
    if (!state_->find_view(name)) return false;
    state_->requested_view = std::string(name);
    return true;
}

std::optional<Figures> App::figures(std::string_view name) const {
    const View* view = state_->find_view(name);
    if (!view || !view->has_figures()) return std::nullopt;
    Frame scratch;   // figures() asks for nothing, but a Context needs somewhere to put requests
    const Context context(state_->document, state_->document.report(), scratch, state_->selection);
    return view->figures(context);
}

const std::vector<Part>& App::parts() const { return state_->last_parts; }

const Selection& App::selection() const { return state_->selection; }

std::vector<int> App::selected_accounts() const {
    return ui::selected_accounts(state_->selection, state_->document.portfolio(), state_->document.report());
}

}  // namespace kc::ui
