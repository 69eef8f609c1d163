// The UI, headless: ImGui's core without a backend (as in ImGui's example_null), a
// fake platform, every shared example opened and drawn in both languages, and the edit
// path driven the way a user drives it — double-click a cell, type, Enter or Escape,
// Ctrl+Z, Ctrl+S. Any IM_ASSERT aborts the run (see imgui_smoke_config.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "app.hpp"
#include "core/document.hpp"
#include "core/format.hpp"
#include "headless.hpp"
#include "imgui.h"
#include "imgui_internal.h"

using kc::ui::App;
using kc::ui::testing::FakePlatform;
using kc::ui::testing::Headless;
using kc::ui::testing::read_text;

namespace {

// The accounts table of the last frame (the only table with seven columns).
ImGuiTable* accounts_table() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (int i = 0; i < g.Tables.GetMapSize(); ++i)
        if (ImGuiTable* table = g.Tables.TryGetMapData(i))
            if (table->ColumnsCount == 7) return table;
    return nullptr;
}

// The middle of the cell in data row `row` (0 = first row under the header).
ImVec2 cell_centre(int row, int column) {
    ImGuiTable* table = accounts_table();
    REQUIRE(table != nullptr);
    const ImGuiTableColumn& c = table->Columns[column];
    const float row_height = ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y;
    // The header row is as tall as a data row (one line of text plus cell padding).
    return ImVec2((c.MinX + c.MaxX) / 2, table->OuterRect.Min.y + row_height * (static_cast<float>(row) + 1.5f));
}

std::vector<std::filesystem::path> files_in(const std::string& folder, const std::string& suffix) {
    std::vector<std::filesystem::path> out;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(KC_SHARED_DIR) + "/data/" + folder)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

constexpr int kName = 1, kSegment = 2, kStatus = 4, kRevenue = 5;

}  // namespace

// [SECTION] every file, both languages --------------------------------------------------------

TEST_CASE("smoke: every shared example and real portfolio opens and draws, in Dutch and English") {
    Headless imgui(1366, 768);   // a laptop screen
    FakePlatform platform;
    App app(platform, "nl");
    CHECK(app.language() == "nl");
    imgui.frames(app, 2);   // nothing open yet: an empty portfolio draws too

    std::vector<std::filesystem::path> files = files_in("examples", ".json");
    for (const auto& real : files_in("real", ".kamcanvas.json")) files.push_back(real);
    files.push_back(std::filesystem::path(KC_REPO_DIR) / "web/examples/zuivelhoeve.kamcanvas.json");
    REQUIRE(files.size() >= 12);
    for (const auto& path : files) {
        CAPTURE(path.string());
        const kc::ui::OpenResult opened = app.open_file(path.filename().string(), read_text(path));
        CHECK(opened.ok);
        CHECK(opened.errors.empty());
        CHECK(app.file_name() == path.filename().string());
        CHECK_FALSE(app.document().dirty());
        // Every view, in both languages (the first frame of a tab lays it out, the next draws).
        for (const std::string& view : app.view_names()) {
            CAPTURE(view);
            REQUIRE(app.show_view(view));
            app.set_language("nl");
            imgui.frames(app, 3);
            CHECK(app.active_view() == view);
            app.set_language("en");
            imgui.frames(app, 2);
        }
        CHECK(app.language() == "en");
        // What Save writes is the portfolio, readable again.
        CHECK(kc::read_portfolio(app.save_text()).ok());
    }
}

TEST_CASE("smoke: a file that does not open leaves the open portfolio as it was") {
    Headless imgui;
    FakePlatform platform;
    App app(platform, "en");
    const auto good = std::filesystem::path(KC_SHARED_DIR) / "data/examples/synthetic-40.json";
    REQUIRE(app.open_file("synthetic-40.json", read_text(good)).ok);
    imgui.frames(app, 2);
    const std::string before = app.save_text();
    const std::uint64_t version = app.document().version();

    const auto bad_files = files_in("bad", ".json");
    REQUIRE(bad_files.size() >= 10);
    for (const auto& path : bad_files) {
        CAPTURE(path.string());
        const kc::ui::OpenResult opened = app.open_file(path.filename().string(), read_text(path));
        CHECK_FALSE(opened.ok);
        CHECK_FALSE(opened.errors.empty());
        for (const kc::Problem& error : opened.errors) CHECK_FALSE(error.message.empty());
        CHECK(app.document().version() == version);
        CHECK(app.file_name() == "synthetic-40.json");
        app.set_language(path.filename().string().size() % 2 ? "nl" : "en");
        imgui.frames(app, 2);   // the problems panel lists the errors
    }
    CHECK(app.save_text() == before);
    CHECK(platform.downloads.empty());
}

// [SECTION] the edit path, as a user drives it -----------------------------------------------

TEST_CASE("smoke: edit a name in the table; Enter commits, Escape cancels; undo, redo, save") {
    Headless imgui;
    FakePlatform platform;
    App app(platform, "en");
    const auto path = std::filesystem::path(KC_SHARED_DIR) / "data/examples/synthetic-40.json";
    REQUIRE(app.open_file("synthetic-40.json", read_text(path)).ok);
    REQUIRE(app.show_view("accounts"));
    imgui.frames(app, 3);
    const kc::Portfolio& portfolio = app.document().portfolio();
    const std::string original_name = portfolio.accounts[0].name;   // first row: sorted by id
    const std::string original_segment = *portfolio.accounts[0].segment;

    // Double-click the name, type, Enter.
    imgui.double_click(app, cell_centre(0, kName));
    REQUIRE(ImGui::GetIO().WantTextInput);
    imgui.type(app, "Kaasboer Zoë");
    imgui.press(app, ImGuiKey_Enter);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK(portfolio.accounts[0].name == "Kaasboer Zoë");
    CHECK(app.document().dirty());

    // Escape leaves the segment as it was and adds no undo step.
    imgui.double_click(app, cell_centre(0, kSegment));
    REQUIRE(ImGui::GetIO().WantTextInput);
    imgui.type(app, "Overheid");
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK(*portfolio.accounts[0].segment == original_segment);

    // An empty name is not taken: the field stays open.
    imgui.double_click(app, cell_centre(0, kName));
    imgui.press(app, ImGuiKey_Delete);
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);   // the field takes the focus back
    CHECK(ImGui::GetIO().WantTextInput);
    CHECK(portfolio.accounts[0].name == "Kaasboer Zoë");
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);

    // Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y.
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.accounts[0].name == original_name);
    CHECK_FALSE(app.document().dirty());
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl | ImGuiMod_Shift);
    CHECK(portfolio.accounts[0].name == "Kaasboer Zoë");
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    imgui.press(app, ImGuiKey_Y, ImGuiMod_Ctrl);
    CHECK(portfolio.accounts[0].name == "Kaasboer Zoë");

    // Ctrl+S downloads <portfolio name>.kamcanvas.json with what save_text() gives.
    imgui.press(app, ImGuiKey_S, ImGuiMod_Ctrl);
    REQUIRE(platform.downloads.size() == 1);
    CHECK(platform.downloads[0].name == "Synthetic portfolio.kamcanvas.json");
    CHECK(platform.downloads[0].mime == "application/json");
    CHECK(platform.downloads[0].bytes == app.save_text());
    CHECK(platform.downloads[0].bytes.find("\"Kaasboer Zoë\"") != std::string::npos);
    CHECK_FALSE(app.document().dirty());
}

TEST_CASE("smoke: edit revenue and status in the table") {
    Headless imgui;
    FakePlatform platform;
    App app(platform, "nl");
    const auto path = std::filesystem::path(KC_SHARED_DIR) / "data/examples/synthetic-40.json";
    REQUIRE(app.open_file("synthetic-40.json", read_text(path)).ok);
    REQUIRE(app.show_view("accounts"));
    imgui.frames(app, 3);
    const kc::Account& first = app.document().portfolio().accounts[0];
    REQUIRE(first.revenue.find(2025));
    const double original = *first.revenue.find(2025);

    // A negative amount is refused in the field; Escape then cancels.
    imgui.double_click(app, cell_centre(0, kRevenue));
    REQUIRE(ImGui::GetIO().WantTextInput);
    imgui.type(app, "-5");
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);
    CHECK(ImGui::GetIO().WantTextInput);
    CHECK(*first.revenue.find(2025) == original);
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);

    // Dutch decimal comma.
    imgui.double_click(app, cell_centre(0, kRevenue));
    imgui.type(app, "12500,75");
    imgui.press(app, ImGuiKey_Enter);
    REQUIRE(first.revenue.find(2025));
    CHECK(*first.revenue.find(2025) == 12500.75);

    // "1.234" could be 1234 or 1,234 in Dutch: refused, not guessed.
    imgui.double_click(app, cell_centre(0, kRevenue));
    imgui.type(app, "1.234");
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);
    CHECK(ImGui::GetIO().WantTextInput);
    CHECK(*first.revenue.find(2025) == 12500.75);
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);

    // Emptying the field clears the year.
    imgui.double_click(app, cell_centre(0, kRevenue));
    imgui.press(app, ImGuiKey_Delete);
    imgui.press(app, ImGuiKey_Enter);
    CHECK_FALSE(first.revenue.find(2025));
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    REQUIRE(first.revenue.find(2025));
    CHECK(*first.revenue.find(2025) == 12500.75);

    // Status: double-click opens the choice; arrow down + Enter picks the next one.
    const kc::Status status_before = first.status;
    imgui.double_click(app, cell_centre(0, kStatus));
    imgui.press(app, ImGuiKey_DownArrow);
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);
    CHECK(first.status != status_before);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(first.status == status_before);
}

TEST_CASE("smoke: Open asks before unsaved changes are thrown away") {
    Headless imgui;
    FakePlatform platform;
    App app(platform, "en");
    const auto path = std::filesystem::path(KC_SHARED_DIR) / "data/examples/synthetic-40.json";
    REQUIRE(app.open_file("synthetic-40.json", read_text(path)).ok);
    REQUIRE(app.show_view("accounts"));
    imgui.frames(app, 2);

    imgui.press(app, ImGuiKey_O, ImGuiMod_Ctrl);
    CHECK(platform.picks == 1);
    CHECK(platform.accept.find(".json") != std::string::npos);

    imgui.frames(app, 1);
    imgui.double_click(app, cell_centre(0, kName));
    imgui.type(app, "Gewijzigd");
    imgui.press(app, ImGuiKey_Enter);
    REQUIRE(app.document().dirty());
    imgui.press(app, ImGuiKey_O, ImGuiMod_Ctrl);
    imgui.frames(app, 2);
    CHECK(platform.picks == 1);   // a question first, no file picker
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);
    CHECK(platform.picks == 1);
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId));
    CHECK(app.document().dirty());
}

// [SECTION] size ------------------------------------------------------------------------------

TEST_CASE("smoke: 100,000 accounts draw only the visible rows") {
    kc::Portfolio big;
    big.accounts.reserve(100000);
    for (int i = 0; i < 100000; ++i) {
        kc::Account a;
        char id[16];
        std::snprintf(id, sizeof id, "A%06d", i);
        a.id = id;
        a.name = "Klant " + std::to_string(i);
        a.segment = i % 3 ? "Retail" : "Foodservice";
        a.revenue.set(2025, static_cast<double>((i * 7919) % 100000));
        big.accounts.push_back(std::move(a));
    }
    const std::string text = kc::write_portfolio(big);

    Headless imgui;
    FakePlatform platform;
    App app(platform, "nl");
    REQUIRE(app.open_file("groot.json", text).ok);
    REQUIRE(app.show_view("accounts"));
    // First frames: analysis; the tab comes to the front; filter and sort.
    imgui.frames(app, 3);
    const auto start = std::chrono::steady_clock::now();
    imgui.frames(app, 20);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 20;
    MESSAGE("100,000 accounts: " << ms << " ms per frame after the first, "
                                 << ImGui::GetDrawData()->TotalVtxCount << " vertices");
    // Drawing 100,000 rows would take millions of vertices; the clipper keeps it to a screenful.
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 60000);
    CHECK(ms < 100);

    // Scroll to the end: still a screenful.
    ImGui::GetIO().AddMousePosEvent(640, 400);
    imgui.frames(app, 1);
    ImGui::GetIO().AddMouseWheelEvent(0, -100000);
    imgui.frames(app, 3);
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 60000);
}
