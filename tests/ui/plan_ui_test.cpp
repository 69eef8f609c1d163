// The Plan and Account views driven as a user drives them, headless (headless.hpp): the
// four CORE steps walked on the bundled example with an answer, a done mark, a form, a
// target and an evaluation changed by mouse and keyboard; on the account page a contact
// added, named, given a role and covered by a team member, and a coverage line dragged
// on the map; the printable plans exported through the File menu's commands. Each change
// is checked in the model and in the saved text, and undo gives back the file byte for
// byte. Widgets are found through the parts the views record (App::parts).
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "core/document.hpp"
#include "core/format.hpp"
#include "core/html.hpp"
#include "headless.hpp"
#include "imgui.h"

using kc::ui::App;
using kc::ui::testing::FakePlatform;
using kc::ui::testing::Headless;
using kc::ui::testing::read_text;

namespace {

const std::filesystem::path kExample = std::filesystem::path(KC_REPO_DIR) / "web/examples/zuivelhoeve.kamcanvas.json";

// A platform whose today is fixed: the example's review round of 2026-01-15 is then past.
struct DatedPlatform : FakePlatform {
    kc::Date today() const override { return kc::Date{2026, 2, 1}; }
};

std::optional<kc::ui::PixelRect> find_part(const App& app, std::string_view name) {
    for (const kc::ui::Part& part : app.parts())
        if (part.name == name) return part.rect;
    return std::nullopt;
}

ImVec2 middle(const App& app, std::string_view name) {
    const std::optional<kc::ui::PixelRect> found = find_part(app, name);
    INFO("part " << name);
    REQUIRE(found.has_value());
    return ImVec2((found->x0 + found->x1) / 2, (found->y0 + found->y1) / 2);
}

bool has_part(const App& app, std::string_view name) { return find_part(app, name).has_value(); }

const kc::Account& account(const App& app, std::string_view id) {
    for (const kc::Account& a : app.document().portfolio().accounts)
        if (a.id == id) return a;
    FAIL("no account " << id);
    return app.document().portfolio().accounts.front();
}

// Clicks a text field, selects what is there, types `text` and presses Enter.
void type_into(Headless& imgui, App& app, std::string_view part, const char* text) {
    imgui.click(app, middle(app, part));
    imgui.press(app, ImGuiKey_A, ImGuiMod_Ctrl);
    imgui.type(app, text);
    imgui.press(app, ImGuiKey_Enter);
}

void undo(Headless& imgui, App& app, int times) {
    for (int i = 0; i < times; ++i) imgui.press(app, ImGuiKey_Z, ImGuiMod_Ctrl);
}

}  // namespace

// [SECTION] the CORE steps -----------------------------------------------------------------------

TEST_CASE("plan: the four CORE steps of the bundled example, edited by mouse and keyboard, undone byte for byte") {
    Headless imgui(1366, 768);
    DatedPlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("zuivelhoeve.kamcanvas.json", read_text(kExample)).ok);
    const std::string original = app.save_text();
    REQUIRE(app.show_view("plan"));
    imgui.frames(app, 3);
    const kc::Portfolio& portfolio = app.document().portfolio();

    // 1 Choice: the example answers its own check "ict_integratie" no; yes makes it a go.
    imgui.click(app, middle(app, "plan/step:choice"));
    CHECK(has_part(app, "plan/verdict:go_with_reservations"));
    imgui.click(app, middle(app, "plan/check:ict_integratie:yes"));
    CHECK(portfolio.core->choice->checks.back() == std::pair<std::string, bool>("ict_integratie", true));
    CHECK(has_part(app, "plan/verdict:go"));
    // An own check typed in and entered is added, answered yes.
    imgui.click(app, middle(app, "plan/new_check"));
    imgui.type(app, "EDI ready");
    imgui.press(app, ImGuiKey_Enter);
    CHECK(portfolio.core->choice->checks.back() == std::pair<std::string, bool>("EDI ready", true));

    // 2 Organisation: the portfolio drawn centrally.
    imgui.click(app, middle(app, "plan/step:organisation"));
    CHECK(has_part(app, "plan/form:decentral"));
    imgui.click(app, middle(app, "plan/form:central"));
    CHECK(portfolio.organisation->form == kc::OrgForm::central);
    // A click on an account in the team matrix opens its page.
    imgui.click(app, middle(app, "plan/account:mueller"));
    imgui.frames(app, 2);
    CHECK(app.active_view() == "account");
    REQUIRE(app.show_view("plan"));
    imgui.frames(app, 3);

    // 3 Results: marked done; Versland's 2026 revenue target typed.
    imgui.click(app, middle(app, "plan/step:results"));
    imgui.click(app, middle(app, "plan/done"));
    CHECK(portfolio.core->results->done == true);
    type_into(imgui, app, "plan/target_revenue:versland", "6100000");
    CHECK(account(app, "versland").targets.front().second.revenue == 6100000.0);
    CHECK(account(app, "versland").targets.front().second.share_of_wallet == 0.245);   // the other value kept

    // 4 Evaluation: the round of 2026-01-15 is overdue on 2026-02-01; an evaluation added today.
    imgui.click(app, middle(app, "plan/step:evaluation"));
    CHECK(has_part(app, "plan/interval"));
    imgui.click(app, middle(app, "plan/review:versland"));
    const std::size_t evaluations = account(app, "versland").evaluations.size();
    imgui.click(app, middle(app, "plan/eval_add"));
    REQUIRE(account(app, "versland").evaluations.size() == evaluations + 1);
    CHECK(account(app, "versland").evaluations.back().date == "2026-02-01");
    type_into(imgui, app, "plan/next", "2026-07-15");
    CHECK(portfolio.core->evaluation->next == "2026-07-15");

    const std::string saved = app.save_text();
    CHECK(saved.find("\"EDI ready\": true") != std::string::npos);
    CHECK(saved.find("\"form\": \"central\"") != std::string::npos);
    CHECK(saved.find("\"revenue\": 6100000") != std::string::npos);
    CHECK(saved.find("\"date\": \"2026-02-01\"") != std::string::npos);
    CHECK(kc::read_portfolio(saved).ok());

    // Seven edits, seven undo steps: the file as it was, byte for byte.
    undo(imgui, app, 7);
    CHECK(app.save_text() == original);
    CHECK_FALSE(app.document().can_undo());
}

TEST_CASE("plan and account page: every step and the account page draw for every shared example") {
    Headless imgui(1366, 768);
    DatedPlatform platform;
    App app(platform, "nl");
    std::vector<std::filesystem::path> files{kExample};
    for (const auto& entry : std::filesystem::directory_iterator(std::string(KC_SHARED_DIR) + "/data/examples"))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    for (const auto& path : files) {
        CAPTURE(path.string());
        REQUIRE(app.open_file(path.filename().string(), read_text(path)).ok);
        REQUIRE(app.show_view("plan"));
        imgui.frames(app, 3);
        for (const char* step : {"choice", "organisation", "results", "evaluation"}) {
            imgui.click(app, middle(app, std::string("plan/step:") + step));
            imgui.frames(app, 2);
        }
        REQUIRE(app.show_view("account"));
        imgui.frames(app, 3);
        CHECK(app.active_view() == "account");
        CHECK_FALSE(app.document().dirty());   // looking changes nothing
    }
}

// [SECTION] the account page -----------------------------------------------------------------------

TEST_CASE("account page: a contact added, named, given a role and covered by a team member; undo restores") {
    Headless imgui(1366, 768);
    DatedPlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("zuivelhoeve.kamcanvas.json", read_text(kExample)).ok);
    const std::string original = app.save_text();
    REQUIRE(app.show_view("account"));
    imgui.frames(app, 3);

    // The searchable combo: "marktpl" and Enter choose Marktplein Supermarkten.
    imgui.click(app, middle(app, "account/choose"));
    imgui.click(app, middle(app, "account/filter"));
    imgui.type(app, "marktpl");
    CHECK(has_part(app, "account/option:marktplein"));
    CHECK_FALSE(has_part(app, "account/option:versland"));
    imgui.press(app, ImGuiKey_Enter);
    imgui.frames(app, 2);
    const std::size_t contacts = account(app, "marktplein").contacts.size();
    const kc::Member member = account(app, "marktplein").team.front();

    // Add: a new contact, named in its row.
    imgui.click(app, middle(app, "account/add_contact"));
    REQUIRE(account(app, "marktplein").contacts.size() == contacts + 1);
    const std::string n = std::to_string(contacts);
    CHECK(account(app, "marktplein").contacts.back().name == "New contact");
    type_into(imgui, app, "account/contact_name:" + n, "Sanne de Vries");
    CHECK(account(app, "marktplein").contacts.back().name == "Sanne de Vries");
    // A decider nobody covers is a gap on the map.
    imgui.click(app, middle(app, "account/contact_role:" + n));
    imgui.click(app, middle(app, "account/role_option:decider"));
    CHECK(account(app, "marktplein").contacts.back().role == kc::BuyingRole::decider);
    CHECK(account(app, "marktplein").contacts.back().covered_by.empty());
    // Covered by the first team member, chosen from the list.
    imgui.click(app, middle(app, "account/cover:" + n));
    imgui.click(app, middle(app, "account/cover_option:" + member.name));
    CHECK(account(app, "marktplein").contacts.back().covered_by == std::vector<std::string>{member.name});
    imgui.press(app, ImGuiKey_Escape);

    const std::string saved = app.save_text();
    const std::size_t at = saved.find("\"name\": \"Sanne de Vries\"");
    REQUIRE(at != std::string::npos);
    CHECK(saved.find("\"role\": \"decider\"", at) != std::string::npos);
    CHECK(saved.find("\"covered_by\": [\n            \"" + member.name + "\"", at) != std::string::npos);

    // A line dragged from the second member to the new contact covers it too.
    const kc::Member second = account(app, "marktplein").team[1];
    imgui.drag(app, middle(app, "account/map_member:1"), middle(app, "account/map_contact:" + n));
    CHECK(account(app, "marktplein").contacts.back().covered_by ==
          std::vector<std::string>{member.name, second.name});

    // Five edits, five undo steps: the file as it was, byte for byte.
    undo(imgui, app, 5);
    CHECK(app.save_text() == original);
}

TEST_CASE("account page: team members added and renamed carry their name into the coverage") {
    Headless imgui(1366, 768);
    DatedPlatform platform;
    App app(platform, "en");
    REQUIRE(app.open_file("zuivelhoeve.kamcanvas.json", read_text(kExample)).ok);
    const std::string original = app.save_text();
    REQUIRE(app.show_view("account"));
    imgui.frames(app, 3);   // the first key account: Versland
    const kc::Account& versland = account(app, "versland");
    imgui.click(app, middle(app, "account/tab:team"));
    // Renaming Bram Kuipers (member 1) renames him in the contacts he covers.
    type_into(imgui, app, "account/member_name:1", "Bram de Kuiper");
    CHECK(versland.team[1].name == "Bram de Kuiper");
    CHECK(versland.contacts[1].covered_by == std::vector<std::string>{"Marloes Verhoeven", "Bram de Kuiper"});
    // A new member covers nobody: flagged idle on the map.
    imgui.click(app, middle(app, "account/add_member"));
    REQUIRE(versland.team.size() == 5);
    type_into(imgui, app, "account/member_name:4", "Jan Smit");
    CHECK(versland.team.back().name == "Jan Smit");
    undo(imgui, app, 3);
    CHECK(app.save_text() == original);
}

// [SECTION] the printable plans ----------------------------------------------------------------------

TEST_CASE("plan export: the account plan of the account page and the portfolio plan download as HTML, escaped") {
    Headless imgui(1366, 768);
    DatedPlatform platform;
    App app(platform, "en");
    const std::string hostile = "<script>alert(1)</script>";
    REQUIRE(app.open_file("hostile.json", R"({"kamcanvas": 1, "portfolio": {"name": "Q1"},
        "accounts": [{"id": "a", "name": "Plain"},
                     {"id": "h", "name": "<script>alert(1)</script>", "key": true, "revenue": {"2025": 10},
                      "contacts": [{"name": "<script>alert(1)</script>", "role": "buyer"}]}]})")
                .ok);
    REQUIRE(app.show_view("account"));
    imgui.frames(app, 3);   // the first key account is shown: the hostile one
    REQUIRE(app.run_command("export-account-plan"));
    REQUIRE(platform.downloads.size() == 1);
    const FakePlatform::Download& plan = platform.downloads.back();
    CHECK(plan.name == "Q1-account-plan-h.html");
    CHECK(plan.mime == "text/html");
    CHECK(plan.bytes.find("<script") == std::string::npos);
    CHECK(plan.bytes.find("Account plan: " + kc::html_text(hostile)) != std::string::npos);
    CHECK(plan.bytes.find("printed 2026-02-01") != std::string::npos);

    app.set_language("nl");
    REQUIRE(app.run_command("export-portfolio-plan"));
    REQUIRE(platform.downloads.size() == 2);
    CHECK(platform.downloads.back().name == "Q1-plan.html");
    CHECK(platform.downloads.back().bytes.find("<html lang=\"nl\">") != std::string::npos);
    CHECK(platform.downloads.back().bytes.find("<script") == std::string::npos);
}
