// The rating views driven as a user drives them, headless (headless.hpp): scores typed
// into the rating grid with the keyboard, a weight dragged and typed in the criteria
// editor, a threshold dragged on the portfolio matrix, a quadrant clicked, an account
// marked as key account; each checked against the model, the report analyze() makes of
// it, and the undo history. The widgets are found through the parts the views record
// for scripts (App::parts), as the browser tests find them.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app.hpp"
#include "core/analysis.hpp"
#include "core/document.hpp"
#include "core/format.hpp"
#include "headless.hpp"
#include "imgui.h"

using kc::ui::App;
using kc::ui::testing::FakePlatform;
using kc::ui::testing::Headless;
using kc::ui::testing::OpenedView;
using kc::ui::testing::read_text;

namespace {

const std::filesystem::path kSynthetic = std::filesystem::path(KC_SHARED_DIR) / "data/examples/synthetic-40.json";

std::optional<kc::ui::PixelRect> find_part(const App& app, std::string_view name) {
    for (const kc::ui::Part& part : app.parts())
        if (part.name == name) return part.rect;
    return std::nullopt;
}

kc::ui::PixelRect part(const App& app, std::string_view name) {
    const std::optional<kc::ui::PixelRect> found = find_part(app, name);
    INFO("part " << name);
    REQUIRE(found.has_value());
    return *found;
}

ImVec2 middle(const kc::ui::PixelRect& r) { return ImVec2((r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2); }

// The account of the `n`-th row drawn in the rating grid, from the top (after scrolling,
// the first drawn row may be half behind the header).
std::string row_account(const App& app, const std::string& criterion, std::size_t n = 0) {
    const std::string prefix = "rating/cell:" + criterion + ":";
    std::vector<std::pair<float, std::string>> rows;
    for (const kc::ui::Part& part : app.parts())
        if (part.name.rfind(prefix, 0) == 0) rows.emplace_back(part.rect.y0, part.name.substr(prefix.size()));
    std::sort(rows.begin(), rows.end());
    return n < rows.size() ? rows[n].second : std::string();
}

int account_index(const kc::Portfolio& portfolio, const std::string& id) {
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (portfolio.accounts[i].id == id) return static_cast<int>(i);
    return -1;
}

double score(const App& app, int account, int criterion) {
    return app.document().portfolio().accounts[static_cast<std::size_t>(account)].scores[static_cast<std::size_t>(
        criterion)];
}

// The cached report the screen shows equals a fresh analysis of the portfolio.
void check_report_is_fresh(const App& app) {
    const kc::Report fresh = kc::analyze(app.document().portfolio());
    const kc::Report& shown = app.document().report();
    CHECK(shown.rating.ranking == fresh.rating.ranking);
    CHECK(shown.rating.unweighted_ranking == fresh.rating.unweighted_ranking);
    for (std::size_t i = 0; i < fresh.matrix.of.size(); ++i)
        CHECK(shown.matrix.of[i].quadrant == fresh.matrix.of[i].quadrant);
}

}  // namespace

// [SECTION] the rating grid ------------------------------------------------------------------

TEST_CASE("rating grid: digits, Enter, Tab, arrows, Delete and Escape edit scores") {
    OpenedView opened("en", kSynthetic, "rating");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    const std::string original = app.save_text();
    // Sorted by rank: the first two rows are the first two of the weighted ranking.
    const int first = app.document().report().rating.ranking[0];
    const int second = app.document().report().rating.ranking[1];
    const std::string first_id = portfolio.accounts[static_cast<std::size_t>(first)].id;
    CHECK(row_account(app, "revenue") == first_id);
    const int revenue = portfolio.criterion_index("revenue"), potential = portfolio.criterion_index("potential");

    // Click a score, type a digit, Enter: the score is set and the cursor goes down.
    const double new_score = score(app, first, revenue) == 1 ? 2 : 1;
    imgui.click(app, middle(part(app, "rating/cell:revenue:" + first_id)));
    imgui.type(app, new_score == 1 ? "1" : "2");
    imgui.frames(app);   // io.WantTextInput tells what the last frame had
    CHECK(ImGui::GetIO().WantTextInput);
    imgui.press(app, ImGuiKey_Enter);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK(score(app, first, revenue) == new_score);
    check_report_is_fresh(app);
    // The rows stay where they were while typing down a column.
    CHECK(row_account(app, "revenue") == first_id);

    // Two digits and a decimal, then Tab: the next row's score, cursor to the right.
    imgui.type(app, "3");
    imgui.type(app, ".5");
    imgui.press(app, ImGuiKey_Tab);
    CHECK(score(app, second, revenue) == 3.5);
    // Delete clears the score under the cursor (second row, next criterion).
    REQUIRE(kc::has_score(score(app, second, potential)));
    imgui.press(app, ImGuiKey_Delete);
    CHECK_FALSE(kc::has_score(score(app, second, potential)));

    // Up, Enter edits the score there (selected, so typing replaces it), Down takes it.
    const double replaced = score(app, first, potential) == 4 ? 3 : 4;
    imgui.press(app, ImGuiKey_UpArrow);
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app);
    CHECK(ImGui::GetIO().WantTextInput);
    imgui.type(app, replaced == 4 ? "4" : "3");
    imgui.press(app, ImGuiKey_DownArrow);
    imgui.frames(app);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK(score(app, first, potential) == replaced);

    // A score off the scale is not taken: the field stays open; Escape cancels.
    imgui.type(app, "9");
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);
    CHECK(ImGui::GetIO().WantTextInput);
    CHECK_FALSE(kc::has_score(score(app, second, potential)));
    imgui.press(app, ImGuiKey_Escape);
    imgui.frames(app, 2);
    CHECK_FALSE(ImGui::GetIO().WantTextInput);
    CHECK_FALSE(kc::has_score(score(app, second, potential)));

    // Each score was one undo step: four undos give the file back.
    for (int step = 0; step < 4; ++step) imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(app.save_text() == original);
    CHECK_FALSE(app.document().dirty());
}

TEST_CASE("rating grid: a digit and Enter typed before the field has the focus are not lost") {
    OpenedView opened("en", kSynthetic, "rating");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    const int first = app.document().report().rating.ranking[0];
    const int second = app.document().report().rating.ranking[1];
    const std::string first_id = portfolio.accounts[static_cast<std::size_t>(first)].id;
    const int revenue = portfolio.criterion_index("revenue");
    imgui.click(app, middle(part(app, "rating/cell:revenue:" + first_id)));

    // "4⏎2⇥" queued at once, as a browser delivers fast typing: ImGui hands them out a
    // frame apart, before the field that the digit opens has taken the focus.
    const double new_score = score(app, first, revenue) == 4 ? 3 : 4;
    const double next_score = score(app, second, revenue) == 2 ? 1 : 2;
    ImGuiIO& io = ImGui::GetIO();
    auto key = [&](ImGuiKey k, char typed) {
        io.AddKeyEvent(k, true);
        if (typed) io.AddInputCharacter(static_cast<unsigned>(typed));
        io.AddKeyEvent(k, false);
    };
    key(new_score == 4 ? ImGuiKey_4 : ImGuiKey_3, new_score == 4 ? '4' : '3');
    key(ImGuiKey_Enter, 0);
    key(next_score == 2 ? ImGuiKey_2 : ImGuiKey_1, next_score == 2 ? '2' : '1');
    key(ImGuiKey_Tab, 0);
    imgui.frames(app, 12);
    CHECK_FALSE(io.WantTextInput);
    CHECK(score(app, first, revenue) == new_score);
    CHECK(score(app, second, revenue) == next_score);
}

TEST_CASE("rating grid: the unweighted toggle orders by the unweighted ranking") {
    OpenedView opened("nl", kSynthetic, "rating");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Report& report = app.document().report();
    const kc::Portfolio& portfolio = app.document().portfolio();
    // The synthetic portfolio's weights do reorder it (else this test would prove nothing).
    REQUIRE(report.rating.ranking != report.rating.unweighted_ranking);
    CHECK(row_account(app, "revenue") == portfolio.accounts[static_cast<std::size_t>(report.rating.ranking[0])].id);
    imgui.click(app, middle(part(app, "rating/mode:unweighted")));
    imgui.frames(app, 2);
    CHECK(row_account(app, "revenue") ==
          portfolio.accounts[static_cast<std::size_t>(report.rating.unweighted_ranking[0])].id);
    imgui.click(app, middle(part(app, "rating/mode:weighted")));
    imgui.frames(app, 2);
    CHECK(row_account(app, "revenue") == portfolio.accounts[static_cast<std::size_t>(report.rating.ranking[0])].id);
}

TEST_CASE("rating grid: 10,000 accounts draw only the visible rows and edit after scrolling") {
    kc::Portfolio big;
    for (const char* id : {"a", "b", "c", "d", "e", "f"}) {
        kc::Criterion c;
        c.id = id;
        c.weight = 1 + (id[0] - 'a') % 3;
        c.axis = id[0] < 'd' ? kc::Axis::attractiveness : kc::Axis::position;
        big.criteria.push_back(c);
    }
    for (int i = 0; i < 10000; ++i) {
        kc::Account a;
        char id[16];
        std::snprintf(id, sizeof id, "A%05d", i);
        a.id = id;
        a.name = "Klant " + std::to_string(i);
        a.revenue.set(2025, static_cast<double>((i * 7919) % 100000));
        for (int c = 0; c < 6; ++c) a.scores.push_back((i * (c + 3)) % 7 == 0 ? kc::kNoScore : 1 + (i * (c + 5)) % 5);
        big.accounts.push_back(std::move(a));
    }
    Headless imgui(1366, 768);
    FakePlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("big.json", kc::write_portfolio(big)).ok);
    REQUIRE(app.show_view("rating"));
    imgui.frames(app, 3);
    const auto start = std::chrono::steady_clock::now();
    imgui.frames(app, 20);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / 20;
    MESSAGE("rating grid, 10,000 accounts: " << ms << " ms per frame, " << ImGui::GetDrawData()->TotalVtxCount
                                             << " vertices");
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 80000);
    CHECK(ms < 100);

    // Far down with the wheel, then a score typed there.
    ImGui::GetIO().AddMousePosEvent(700, 400);
    imgui.frames(app, 1);
    ImGui::GetIO().AddMouseWheelEvent(0, -2000);
    imgui.frames(app, 3);
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 80000);
    const std::string id = row_account(app, "c", 2);
    const int account = account_index(app.document().portfolio(), id);
    REQUIRE(account >= 0);
    CHECK(app.document().report().rating.place_of[static_cast<std::size_t>(account)] > 100);
    const double new_score = score(app, account, 2) == 5 ? 4 : 5;
    imgui.click(app, middle(part(app, "rating/cell:c:" + id)));
    imgui.type(app, new_score == 5 ? "5" : "4");
    imgui.press(app, ImGuiKey_Enter);
    CHECK(score(app, account, 2) == new_score);
    // Page Down and End move the cursor on and keep it in sight: no stall, still one screenful.
    const auto keys = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) imgui.press(app, ImGuiKey_PageDown);
    imgui.press(app, ImGuiKey_End, ImGuiMod_Ctrl);
    const double key_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - keys).count() / 12;
    MESSAGE("rating grid, 10,000 accounts, paging: " << key_ms << " ms per frame");
    CHECK(key_ms < 100);
    CHECK(ImGui::GetDrawData()->TotalVtxCount < 80000);
}

// [SECTION] the criteria editor ------------------------------------------------------------

TEST_CASE("criteria editor: a weight dragged is one undo step, a typed weight takes a decimal comma") {
    OpenedView opened("nl", kSynthetic, "criteria");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    const int revenue = portfolio.criterion_index("revenue");
    const double before = portfolio.criteria[static_cast<std::size_t>(revenue)].weight;
    REQUIRE(before == 3);

    // The slider runs 0..10: from 30% of its width to 70% makes about 7, in tenths.
    const kc::ui::PixelRect slider = part(app, "criteria/weight:revenue");
    const float width = slider.x1 - slider.x0;
    const float y = (slider.y0 + slider.y1) / 2;
    imgui.drag(app, ImVec2(slider.x0 + width * 0.3f, y), ImVec2(slider.x0 + width * 0.7f, y));
    const double dragged = portfolio.criteria[static_cast<std::size_t>(revenue)].weight;
    CHECK(dragged > 5.5);
    CHECK(dragged < 8.5);
    CHECK(std::round(dragged * 10) == dragged * 10);
    check_report_is_fresh(app);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.criteria[static_cast<std::size_t>(revenue)].weight == before);
    CHECK_FALSE(app.document().dirty());

    // Typed, in Dutch: 2,5.
    imgui.click(app, middle(part(app, "criteria/weight_value:revenue")));
    REQUIRE(ImGui::GetIO().WantTextInput);
    imgui.type(app, "2,5");
    imgui.press(app, ImGuiKey_Enter);
    CHECK(portfolio.criteria[static_cast<std::size_t>(revenue)].weight == 2.5);
    check_report_is_fresh(app);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.criteria[static_cast<std::size_t>(revenue)].weight == before);
}

TEST_CASE("criteria editor: a ready-made list adds its criteria as one undo step; rename and move") {
    OpenedView opened("en", kSynthetic, "criteria");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    const std::size_t count = portfolio.criteria.size();

    // The broad list, in English: its eight names are all new to this Dutch-named file;
    // ids are made from the names, and unique ("revenue" is taken: "revenue_2").
    imgui.click(app, middle(part(app, "criteria/lists")));
    imgui.click(app, middle(part(app, "criteria/list:1")));
    REQUIRE(portfolio.criteria.size() == count + 8);
    CHECK(portfolio.criteria[count].name == "Revenue");
    CHECK(portfolio.criteria[count].id == "revenue_2");
    CHECK(portfolio.criteria[count].weight == 3);
    CHECK(portfolio.criteria[count].axis == kc::Axis::attractiveness);
    CHECK(portfolio.criteria.back().name == "Cost to serve (low = high score)");
    CHECK(portfolio.criterion_index("credit_worthiness") >= 0);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.criteria.size() == count);

    // In Dutch the file's own Omzet, Marge, Strategische fit, Relatie and Referentiewaarde
    // are there already: only the other three are added.
    app.set_language("nl");
    imgui.frames(app, 2);
    imgui.click(app, middle(part(app, "criteria/lists")));
    imgui.click(app, middle(part(app, "criteria/list:1")));
    REQUIRE(portfolio.criteria.size() == count + 3);
    CHECK(portfolio.criteria[count].name == "Groeipotentieel");
    CHECK(portfolio.criteria[count + 1].name == "Kredietwaardigheid");
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.criteria.size() == count);
    app.set_language("en");
    imgui.frames(app, 2);

    // Rename: click the name, type, Enter.
    imgui.click(app, middle(part(app, "criteria/name:margin")));
    REQUIRE(ImGui::GetIO().WantTextInput);
    imgui.type(app, "Gross margin");
    imgui.press(app, ImGuiKey_Enter);
    CHECK(portfolio.criteria[static_cast<std::size_t>(portfolio.criterion_index("margin"))].name == "Gross margin");

    // Move: the first criterion one down, its scores along.
    const double first_score = app.document().portfolio().accounts[0].scores[0];
    imgui.click(app, middle(part(app, "criteria/down:revenue")));
    CHECK(portfolio.criterion_index("revenue") == 1);
    CHECK(portfolio.criterion_index("potential") == 0);
    CHECK((portfolio.accounts[0].scores[1] == first_score ||
           (!kc::has_score(first_score) && !kc::has_score(portfolio.accounts[0].scores[1]))));
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.criterion_index("revenue") == 0);
}

// [SECTION] the portfolio matrix ---------------------------------------------------------

TEST_CASE("portfolio matrix: a dragged threshold is one undo step and is saved; a quadrant lists its accounts") {
    OpenedView opened("en", kSynthetic, "matrix");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    REQUIRE(portfolio.info.matrix.x_threshold == 50);

    // Position is high at the left: dragging the line right lowers the threshold.
    const kc::ui::PixelRect line = part(app, "matrix/threshold:x");
    const kc::ui::PixelRect key = part(app, "matrix/quadrant:key");
    const kc::ui::PixelRect weak = part(app, "matrix/quadrant:key_development");
    const float plot_width = weak.x1 - key.x0;
    const ImVec2 from = middle(line);
    imgui.drag(app, from, ImVec2(from.x + plot_width * 0.2f, from.y));
    const double moved = portfolio.info.matrix.x_threshold;
    CHECK(moved < 35);
    CHECK(moved > 25);
    CHECK(moved == std::round(moved));
    check_report_is_fresh(app);
    CHECK(app.document().report().matrix.x_threshold == moved);
    const kc::ReadResult saved = kc::read_portfolio(app.save_text());
    REQUIRE(saved.ok());
    CHECK(saved.portfolio->info.matrix.x_threshold == moved);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(portfolio.info.matrix.x_threshold == 50);

    // A click in an empty corner of the key quadrant lists its accounts, also one straight
    // from the threshold line (the line was hovered on the frame before).
    const kc::ui::PixelRect key_now = part(app, "matrix/quadrant:key");
    imgui.drag(app, middle(line), middle(line));
    imgui.click_at_once(app, ImVec2(key_now.x0 + 3, key_now.y0 + (key_now.y1 - key_now.y0) * 0.5f));
    CHECK(kc::ui::selection_key(app.selection()) == "quadrant:key");
    const kc::Report& report = app.document().report();
    const std::vector<int> listed = app.selected_accounts();
    CHECK(static_cast<int>(listed.size()) ==
          report.matrix.quadrant_counts[static_cast<std::size_t>(kc::Quadrant::key)]);
    for (int i : listed) CHECK(report.matrix.of[static_cast<std::size_t>(i)].quadrant == kc::Quadrant::key);
}

// [SECTION] key accounts -------------------------------------------------------------------

TEST_CASE("key accounts: a tick marks an account, as one undo step saved in the file") {
    OpenedView opened("en", kSynthetic, "keyaccounts");
    REQUIRE(opened.ok);
    Headless& imgui = opened.imgui;
    App& app = opened.app;
    const kc::Portfolio& portfolio = app.document().portfolio();
    const int first = app.document().report().rating.ranking[0];
    const kc::Account& account = portfolio.accounts[static_cast<std::size_t>(first)];
    const bool before = account.key;
    imgui.click(app, middle(part(app, "keyaccounts/all/key:" + account.id)));
    CHECK(account.key == !before);
    const kc::ReadResult saved = kc::read_portfolio(app.save_text());
    REQUIRE(saved.ok());
    CHECK(saved.portfolio->accounts[static_cast<std::size_t>(first)].key == !before);
    imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
    CHECK(account.key == before);
}
