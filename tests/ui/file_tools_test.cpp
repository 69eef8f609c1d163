// The File menu's tools, headless: a CSV file opens the import dialog, its Import button
// replaces the portfolio (asking first over unsaved changes), the exports download what
// the core writes, restored work comes with a notice whose button brings the example
// back. Buttons are clicked where the last frame drew them (App::parts()).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "app.hpp"
#include "core/csv_export.hpp"
#include "core/document.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"
#include "file_tools.hpp"
#include "headless.hpp"

using kc::ui::App;
using kc::ui::testing::FakePlatform;
using kc::ui::testing::Headless;
using kc::ui::testing::read_text;

namespace {

const std::filesystem::path kExample = std::filesystem::path(KC_REPO_DIR) / "web/examples/zuivelhoeve.kamcanvas.json";

const std::string kNastyCsv =
    "\xEF\xBB\xBF"
    "Klantnummer;Bedrijfsnaam;Omzet 2024\r\n"
    "K1;\"Jansen; Zonen\";1.234,56\r\n"
    "K2;\"Regel een\r\nregel twee\";n.v.t.\r\n"
    "K3;Gewoon BV;500,5\r\n";

bool click_part(Headless& imgui, App& app, const std::string& name) {
    const auto& parts = app.parts();
    const auto part = std::find_if(parts.begin(), parts.end(), [&](const kc::ui::Part& p) { return p.name == name; });
    if (part == parts.end()) return false;
    imgui.click(app, ImVec2((part->rect.x0 + part->rect.x1) / 2, (part->rect.y0 + part->rect.y1) / 2));
    return true;
}

bool has_notice(const App& app, kc::ui::FileTools::NoticeKind kind) {
    const auto& notices = app.file_tools().notices();
    return std::any_of(notices.begin(), notices.end(), [&](const auto& n) { return n.kind == kind; });
}

}  // namespace

TEST_CASE("file tools: which files go to the CSV import") {
    using kc::ui::is_csv_file;
    CHECK(is_csv_file("klanten.csv", "{}"));
    CHECK(is_csv_file("EXPORT.CSV", ""));
    CHECK(is_csv_file("data.tsv", "a\tb"));
    CHECK_FALSE(is_csv_file("p.json", "id,name"));
    CHECK_FALSE(is_csv_file("portfolio", "\xEF\xBB\xBF  {\"kamcanvas\": 1}"));
    CHECK(is_csv_file("portfolio", "id,name\n"));
    CHECK_FALSE(is_csv_file("empty", "  \n"));
}

TEST_CASE("file tools: a CSV opens the dialog; Import replaces the portfolio, asking over unsaved changes") {
    Headless imgui(1366, 768);
    FakePlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("", read_text(kExample)).ok);
    imgui.frames(app, 2);

    app.open_user_file("klanten.csv", kNastyCsv);
    imgui.frames(app, 3);
    const kc::ui::CsvImportDialog& dialog = app.file_tools().csv_import();
    REQUIRE(dialog.is_open());
    CHECK(dialog.table().separator == ';');
    CHECK(dialog.result().decimal == kc::DecimalMark::comma);
    CHECK(dialog.result().portfolio.accounts.size() == 2);
    REQUIRE(dialog.result().errors.size() == 1);
    CHECK(dialog.result().errors[0].place == "line 3, column Omzet 2024");

    // Cancel leaves everything as it was.
    const std::string example = app.save_text();
    REQUIRE(click_part(imgui, app, "csv_import/cancel"));
    CHECK_FALSE(dialog.is_open());
    CHECK(app.save_text() == example);

    // An unsaved change: Import asks, Confirm imports.
    app.open_user_file("klanten.csv", kNastyCsv);
    imgui.frames(app, 3);
    app.file_tools().csv_import().set_target(2, kc::ColumnTarget{});   // leave Omzet 2024 out
    CHECK(dialog.result().portfolio.accounts.size() == 3);
    REQUIRE(app.restore_work("", kc::write_portfolio(kc::Portfolio{}), "10:00", true).ok);   // now dirty
    imgui.frames(app, 2);   // the buttons move up: no problems are listed any more
    REQUIRE(click_part(imgui, app, "csv_import/import"));
    CHECK(dialog.is_open());
    REQUIRE(click_part(imgui, app, "csv_import/confirm"));
    CHECK_FALSE(dialog.is_open());
    const kc::Portfolio& imported = app.document().portfolio();
    REQUIRE(imported.accounts.size() == 3);
    CHECK(imported.accounts[1].name == "Regel een\r\nregel twee");
    CHECK(imported.info.name == "klanten");
    CHECK(app.file_name() == "klanten.csv");
    CHECK(app.document().dirty());
    CHECK(has_notice(app, kc::ui::FileTools::NoticeKind::imported));
    CHECK_FALSE(has_notice(app, kc::ui::FileTools::NoticeKind::restored));
    imgui.frames(app, 2);
}

TEST_CASE("file tools: the exports download the core's CSV and the report JSON") {
    Headless imgui(1366, 768);
    FakePlatform platform;
    App app(platform, "nl");
    REQUIRE(app.open_file("", read_text(kExample)).ok);
    imgui.frames(app, 2);

    REQUIRE(app.run_command("export-json"));
    REQUIRE(platform.downloads.size() == 1);
    CHECK(platform.downloads[0].name == "Accountportfolio 2025-report.json");
    CHECK(platform.downloads[0].bytes ==
          kc::report_json_text(app.document().report(), app.document().portfolio()) + "\n");

    REQUIRE(app.run_command("export-csv"));
    imgui.frames(app, 3);
    REQUIRE(click_part(imgui, app, "csv_export/download"));
    REQUIRE(platform.downloads.size() == 2);
    CHECK(platform.downloads[1].name == "Accountportfolio 2025-accounts.csv");
    // Dutch: semicolon and decimal comma unless chosen otherwise.
    CHECK(platform.downloads[1].bytes ==
          kc::accounts_csv(app.document().portfolio(), app.document().report(), {';', kc::DecimalMark::comma, true}));

    CHECK_FALSE(app.run_command("no-such-command"));
}

TEST_CASE("file tools: restored work comes with a notice; its button opens the example again") {
    Headless imgui(1366, 768);
    FakePlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("", read_text(kExample)).ok);
    const std::string example = app.save_text();

    // The example itself, autosaved untouched: nothing to restore, no notice.
    REQUIRE(app.restore_work("", example, "14:32", false).ok);
    CHECK(app.file_tools().notices().empty());

    kc::Portfolio changed = app.document().portfolio();
    changed.accounts[0].name = "Renamed";
    REQUIRE(app.restore_work("work.kamcanvas.json", kc::write_portfolio(changed), "14:32", true).ok);
    CHECK(app.document().portfolio().accounts[0].name == "Renamed");
    CHECK(app.document().dirty());
    REQUIRE(app.file_tools().notices().size() == 1);
    CHECK(kc::ui::FileTools::notice_text(app.file_tools().notices()[0]) ==
          "Restored your work from 14:32 — open the example instead?");
    imgui.frames(app, 2);

    REQUIRE(click_part(imgui, app, "notice/open_example"));
    CHECK(app.save_text() == example);
    CHECK_FALSE(app.document().dirty());
    CHECK(app.file_tools().notices().empty());
}

TEST_CASE("file tools: storage trouble is told once; a share link too big says its size") {
    Headless imgui(1366, 768);
    FakePlatform platform;
    App app(platform, "en");
    app.file_tools().storage_failed("QuotaExceededError: full");
    app.file_tools().storage_failed("QuotaExceededError: full");
    REQUIRE(app.file_tools().notices().size() == 1);
    CHECK(kc::ui::FileTools::notice_text(app.file_tools().notices()[0]).find("QuotaExceededError") != std::string::npos);

    kc::ui::ShareLinkOutcome too_big;
    too_big.size = 40000;
    too_big.limit = 32000;
    app.file_tools().share_link_made(too_big);
    CHECK(kc::ui::FileTools::notice_text(app.file_tools().notices().back()) ==
          "This portfolio is too big for a link (40,000 characters, at most 32,000). Save it and share the file instead.");
    kc::ui::ShareLinkOutcome made;
    made.ok = true;
    made.link = "https://example.test/#p=abc";
    made.size = 3;
    app.file_tools().share_link_made(made);
    imgui.frames(app, 2);   // the link field draws
    CHECK(app.file_tools().notices().size() == 2);
}
