// The account page (see views.hpp). At the top a searchable choice of the account. Left:
// its figures from the report (revenue, wallet, share, layer, ABC class, rating, quadrant),
// goal and targets per year, notes and dated evaluations. Right: the relationship map and
// the editors of contacts and team.
//
// The map: the customer's DMIU above, one column per buying-centre role in the order of
// the buying process (initiator, user, influencer, decider, buyer, gatekeeper; contacts
// without a role last), each contact a box filled by attitude with the attitude written
// in it; our PSU in a band below; a line from a member to every contact it covers. The
// gaps of docs/plan.md §1 are marked with "!" and an orange-red border, and listed under
// the map. A line can be drawn by dragging from a member to a contact.
#include <algorithm>
#include <array>

#include "chart.hpp"
#include "imgui.h"
#include "quadrants.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kNoAccounts("Deze portfolio heeft geen accounts.", "This portfolio has no accounts.");
constexpr Bilingual kAccount("Account", "Account");
constexpr Bilingual kKey("Key account", "Key account");
constexpr Bilingual kGoal("Doel", "Goal");
constexpr Bilingual kRevenue("Omzet {}", "Revenue {}");
constexpr Bilingual kWallet("Wallet {}", "Wallet {}");
constexpr Bilingual kShare("Share of wallet", "Share of wallet");
constexpr Bilingual kLayer("Laag", "Layer");
constexpr Bilingual kAbc("ABC", "ABC");
constexpr Bilingual kRating("Rating", "Rating");
constexpr Bilingual kRatingValue("{} (plaats {})", "{} (place {})");
constexpr Bilingual kQuadrant("Kwadrant", "Quadrant");
constexpr Bilingual kSegmentRegion("Segment · regio", "Segment · region");
constexpr Bilingual kTargets("Targets", "Targets");
constexpr Bilingual kYear("Jaar", "Year");
constexpr Bilingual kTargetRevenue("Omzet", "Revenue");
constexpr Bilingual kTargetShare("SoW %", "SoW %");
constexpr Bilingual kAddYear("+ Jaar", "+ Year");
constexpr Bilingual kNotes("Notities", "Notes");
constexpr Bilingual kEvaluations("Evaluaties", "Evaluations");
constexpr Bilingual kMap("Relatiekaart: DMIU van de klant, PSU van ons", "Relationship map: the customer's DMIU, our PSU");
constexpr Bilingual kCustomerSide("Klant (DMIU)", "Customer (DMIU)");
constexpr Bilingual kOurSide("Wij (PSU)", "Us (PSU)");
constexpr Bilingual kNoRoleColumn("zonder rol", "no role");
constexpr Bilingual kEmptyMap("Nog geen contactpersonen of team: voeg ze hieronder toe.",
                              "No contacts or team yet: add them below.");
constexpr Bilingual kDragHint("Sleep van een teamlid naar een contactpersoon om een dekking te trekken.",
                              "Drag from a team member to a contact to draw a coverage line.");
constexpr Bilingual kIdle("geen contact", "no contact");
constexpr Bilingual kGapsNone("Geen gaten in de dekking.", "No gaps in the coverage.");
constexpr Bilingual kGapDecider("! Beslisser of inkoper zonder dekking: {}", "! Decider or buyer not covered: {}");
constexpr Bilingual kGapOpponent("! Tegenstander zonder dekking: {}", "! Opponent not covered: {}");
constexpr Bilingual kGapIdle("! Teamlid zonder contact: {}", "! Team member without a contact: {}");
constexpr Bilingual kGapUnknown("! {} wordt gedekt door {}, die niet in het team zit",
                                "! {} is covered by {}, who is not in the team");
constexpr Bilingual kGapNoContacts("! Key account zonder contactpersonen (DMIU onbekend)",
                                   "! Key account without contacts (DMIU unknown)");
constexpr Bilingual kGapNoTeam("! Key account zonder team (geen PSU)", "! Key account without a team (no PSU)");
constexpr Bilingual kContacts("Contactpersonen (DMIU)", "Contacts (DMIU)");
constexpr Bilingual kTeam("Team (PSU)", "Team (PSU)");
constexpr Bilingual kName("Naam", "Name");
constexpr Bilingual kFunction("Functie", "Function");
constexpr Bilingual kRole("Rol", "Role");
constexpr Bilingual kAttitude("Houding", "Attitude");
constexpr Bilingual kCoveredBy("Gedekt door", "Covered by");
constexpr Bilingual kNobody("niemand", "nobody");
constexpr Bilingual kNotInTeam("{} (niet in het team)", "{} (not in the team)");
constexpr Bilingual kNoTeamToCover("Het team is leeg: voeg eerst teamleden toe.", "The team is empty: add team members first.");
constexpr Bilingual kAddContact("+ Contactpersoon", "+ Contact");
constexpr Bilingual kAddMember("+ Teamlid", "+ Team member");
constexpr Bilingual kNewContact("Nieuwe contactpersoon", "New contact");
constexpr Bilingual kNewMember("Nieuw teamlid", "New member");
constexpr Bilingual kRemove("Verwijderen", "Remove");
constexpr Bilingual kMemberRoleHint("bijv. accountmanager", "e.g. account manager");

constexpr std::array<BuyingRole, 7> kRoleColumns = {BuyingRole::initiator, BuyingRole::user,     BuyingRole::influencer,
                                                    BuyingRole::decider,   BuyingRole::buyer,    BuyingRole::gatekeeper,
                                                    BuyingRole::none};

// The role's word in the file, for part names.
const char* role_id(BuyingRole role) {
    static constexpr const char* kIds[] = {"none", "initiator", "user", "influencer", "decider", "buyer", "gatekeeper"};
    return kIds[static_cast<int>(role)];
}

bool contains(const std::vector<int>& list, int value) { return std::find(list.begin(), list.end(), value) != list.end(); }

// "New contact", else "New contact 2", … : a name no one of `taken` has.
template <typename People>
std::string fresh_name(const Bilingual& base, const People& taken) {
    for (int n = 1;; ++n) {
        const std::string name = n == 1 ? std::string(tr(base)) : std::string(tr(base)) + " " + std::to_string(n);
        if (std::none_of(taken.begin(), taken.end(), [&](const auto& p) { return p.name == name; })) return name;
    }
}

std::optional<std::string> optional_text(const std::string& typed) {
    return typed.empty() ? std::nullopt : std::optional<std::string>(typed);
}

}  // namespace

// [SECTION] the frame -----------------------------------------------------------------------------

int AccountView::current_account(const Portfolio& portfolio) const {
    if (portfolio.accounts.empty()) return -1;
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (portfolio.accounts[i].id == account_id_) return static_cast<int>(i);
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (portfolio.accounts[i].key) return static_cast<int>(i);
    return 0;
}

void AccountView::draw(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const int account = current_account(portfolio);
    if (account < 0) {
        ImGui::TextDisabled("%s", tr(kNoAccounts));
        return;
    }
    ImGui::PushID(account);   // fields of one account never carry over to another
    draw_header(context, account);
    const float em = ImGui::GetFontSize();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = std::clamp(avail.x * 0.33f, std::min(avail.x, 20 * em), 32 * em);
    ImGui::BeginChild("about", ImVec2(left, 0));
    draw_facts(context, account);
    draw_targets(context, account);
    ImGui::SeparatorText(tr(kNotes));
    const Account& a = portfolio.accounts[static_cast<std::size_t>(account)];
    if (auto typed = fields_.lines("##notes", a.notes, ImVec2(-1, 4 * ImGui::GetTextLineHeight())))
        context.emit(SetAccountNotes{account, *typed});
    context.record_part("account/notes", item_pixels());
    ImGui::SeparatorText(tr(kEvaluations));
    draw_evaluations(context, "account", account, fields_);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("people", ImVec2(0, 0));
    const float map_height = std::max(14 * ImGui::GetTextLineHeight(), ImGui::GetContentRegionAvail().y * 0.5f);
    draw_map(context, account, ImVec2(ImGui::GetContentRegionAvail().x, map_height));
    draw_gaps(context, account);
    if (ImGui::BeginTabBar("people_tabs")) {
        if (ImGui::BeginTabItem(tr(kContacts))) {
            draw_contacts(context, account);
            ImGui::EndTabItem();
        }
        context.record_part("account/tab:contacts", item_pixels());
        if (ImGui::BeginTabItem(tr(kTeam))) {
            draw_team(context, account);
            ImGui::EndTabItem();
        }
        context.record_part("account/tab:team", item_pixels());
        ImGui::EndTabBar();
    }
    ImGui::EndChild();
    ImGui::PopID();
}

void AccountView::draw_header(const Context& context, int account) {
    const Portfolio& portfolio = context.portfolio();
    const Account& a = portfolio.accounts[static_cast<std::size_t>(account)];
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(kAccount));
    ImGui::SameLine();
    if (std::optional<int> chosen = account_combo(context, "account", account, 26 * em, filter_))
        account_id_ = portfolio.accounts[static_cast<std::size_t>(*chosen)].id;
    ImGui::SameLine(0, em);
    bool key = a.key;
    if (ImGui::Checkbox(tr(kKey), &key)) context.emit(SetKeyAccount{account, key});
    context.record_part("account/key", item_pixels());
    ImGui::SameLine(0, em);
    ImGui::TextUnformatted(tr(kGoal));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(8 * em);
    if (ImGui::BeginCombo("##goal", goal_text(a.goal))) {
        for (Goal g : {Goal::none, Goal::retention, Goal::growth})
            if (ImGui::Selectable(goal_text(g), g == a.goal) && g != a.goal) context.emit(SetAccountGoal{account, g});
        ImGui::EndCombo();
    }
    context.record_part("account/goal", item_pixels());
    ImGui::Separator();
}

// The report's figures of the account in the analysis year.
void AccountView::draw_facts(const Context& context, int account) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const auto at = static_cast<std::size_t>(account);
    const Account& a = portfolio.accounts[at];
    const std::string& currency = portfolio.info.currency;
    const std::string y = report.year ? std::to_string(*report.year) : "—";
    if (!ImGui::BeginTable("facts", 2, ImGuiTableFlags_RowBg)) return;
    ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, 9 * ImGui::GetFontSize());
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    const auto row = [&](const std::string& label, const std::string& value) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextDisabled("%s", label.c_str());
        ImGui::TableSetColumnIndex(1);
        chart::text(ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(), chart::ink(), value,
                    ImGui::GetContentRegionAvail().x);
        ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));
    };
    const double* wallet = report.year ? a.wallet.find(*report.year) : nullptr;
    row(fill(tr(kRevenue), {y}), report.year ? format_money(report.revenue_of[at], currency, 0) : "—");
    row(fill(tr(kWallet), {y}), wallet ? format_money(*wallet, currency, 0) : "—");
    row(tr(kShare), wallet && *wallet > 0 ? format_percent(report.revenue_of[at] / *wallet, 1) : "—");
    row(tr(kLayer), capitalised(layer_text(report.pyramid.layer_of[at])));
    const AbcClass abc = report.pareto.abc_of[at];
    row(tr(kAbc), abc == AbcClass::none ? "—" : std::string(to_string(abc)));
    const RatingFigures& rating = report.rating.of[at];
    row(tr(kRating), rating.weighted_index ? fill(tr(kRatingValue), {format_number(*rating.weighted_index, 1),
                                                                     std::to_string(report.rating.place_of[at])})
                                           : "—");
    const Quadrant q = report.matrix.of[at].quadrant;
    row(tr(kQuadrant), q == Quadrant::none ? "—" : quadrant_label(q, portfolio.info.matrix.labels));
    row(tr(kSegmentRegion), a.segment.value_or("—") + " · " + a.region.value_or("—"));
    ImGui::EndTable();
}

// The targets per year: revenue and share of wallet typed, a year removed, a year added.
void AccountView::draw_targets(const Context& context, int account) {
    const Portfolio& portfolio = context.portfolio();
    const Account& a = portfolio.accounts[static_cast<std::size_t>(account)];
    const float em = ImGui::GetFontSize();
    ImGui::SeparatorText(tr(kTargets));
    if (!a.targets.empty() &&
        ImGui::BeginTable("targets", 4, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(tr(kYear), 0, 3 * em);
        ImGui::TableSetupColumn(tr(kTargetRevenue), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(kTargetShare), 0, 4.5f * em);
        ImGui::TableSetupColumn("", 0, 1.6f * em);
        ImGui::TableHeadersRow();
        for (const auto& [year, target] : a.targets) {
            ImGui::TableNextRow();
            ImGui::PushID(year);
            ImGui::TableSetColumnIndex(0);
            ImGui::AlignTextToFramePadding();
            ImGui::Text("%d", year);
            ImGui::TableSetColumnIndex(1);
            if (auto typed = fields_.line("##revenue", target.revenue ? amount_for_editing(*target.revenue) : "", -1)) {
                const ParsedAmount parsed = parse_amount(*typed);
                if (parsed.outcome == ParsedAmount::empty)
                    context.emit(set_target_value(portfolio, account, year, TargetValue::revenue, std::nullopt));
                else if (parsed.outcome == ParsedAmount::number && parsed.value >= 0)
                    context.emit(set_target_value(portfolio, account, year, TargetValue::revenue, parsed.value));
            }
            context.record_part("account/target_revenue:" + std::to_string(year), item_pixels());
            ImGui::TableSetColumnIndex(2);
            const std::string share = target.share_of_wallet ? amount_for_editing(*target.share_of_wallet * 100) : "";
            if (auto typed = fields_.line("##share", share, -1)) {
                const ParsedAmount parsed = parse_amount(*typed);
                if (parsed.outcome == ParsedAmount::empty)
                    context.emit(set_target_value(portfolio, account, year, TargetValue::share_of_wallet, std::nullopt));
                else if (parsed.outcome == ParsedAmount::number && parsed.value >= 0 && parsed.value <= 100)
                    context.emit(
                        set_target_value(portfolio, account, year, TargetValue::share_of_wallet, parsed.value / 100));
            }
            ImGui::TableSetColumnIndex(3);
            if (ImGui::SmallButton("×")) context.emit(SetTarget{account, year, std::nullopt});
            ImGui::SetItemTooltip("%s", tr(kRemove));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    // A year after the last target (or after the analysis year) is offered to add.
    if (new_target_year_ == 0 || std::any_of(a.targets.begin(), a.targets.end(),
                                             [&](const auto& t) { return t.first == new_target_year_; })) {
        const std::optional<int> y = context.report().year;
        new_target_year_ = a.targets.empty() ? (y ? *y + 1 : 2026) : a.targets.back().first + 1;
    }
    ImGui::SetNextItemWidth(6 * em);
    if (ImGui::InputInt("##new_year", &new_target_year_)) new_target_year_ = std::clamp(new_target_year_, 1000, 9999);
    ImGui::SameLine();
    if (ImGui::Button(tr(kAddYear))) {
        Target target;
        const double* last = context.report().year ? a.revenue.find(*context.report().year) : nullptr;
        target.revenue = last ? *last : 0.0;   // a start to edit: this year's revenue
        context.emit(SetTarget{account, new_target_year_, std::move(target)});
    }
    context.record_part("account/add_target", item_pixels());
}

// [SECTION] the relationship map -------------------------------------------------------------------

void AccountView::draw_map(const Context& context, int account, ImVec2 size) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const CoverageGaps gaps = coverage_gaps(a);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImGui::TextUnformatted(tr(kMap));
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    const ImVec2 end(origin.x + size.x, origin.y + size.y);
    draw->AddRect(origin, end, chart::grid_colour(), 4.0f);
    if (a.contacts.empty() && a.team.empty()) {
        chart::text(draw, ImVec2(origin.x + em / 2, origin.y + em / 2), chart::faint_ink(), tr(kEmptyMap), size.x - em);
        return;
    }
    draw->PushClipRect(origin, end, true);

    // The PSU band at the bottom, the DMIU columns above it.
    const float box_height = 2 * line + 6;
    const float band_top = end.y - box_height - line - 12;
    draw->AddRectFilled(ImVec2(origin.x + 1, band_top), ImVec2(end.x - 1, end.y - 1), chart::grid_colour(), 4.0f);
    chart::text(draw, ImVec2(origin.x + 6, band_top + 2), chart::ink(), tr(kOurSide), size.x - 12);
    chart::text(draw, ImVec2(origin.x + 6, origin.y + 2), chart::ink(), tr(kCustomerSide), size.x / 3);

    const bool any_without_role = std::any_of(a.contacts.begin(), a.contacts.end(),
                                              [](const Contact& c) { return c.role == BuyingRole::none; });
    const std::size_t columns = any_without_role ? kRoleColumns.size() : kRoleColumns.size() - 1;
    const float column_width = (size.x - 8) / static_cast<float>(columns);
    const float header_y = origin.y + line + 6;
    std::vector<ImVec2> contact_min(a.contacts.size()), contact_max(a.contacts.size());
    for (std::size_t c = 0; c < columns; ++c) {
        const BuyingRole role = kRoleColumns[c];
        const float x = origin.x + 4 + column_width * static_cast<float>(c);
        const char* header = role == BuyingRole::none ? tr(kNoRoleColumn) : role_text(role);
        chart::text_centred(draw, ImVec2(x, header_y), ImVec2(x + column_width, header_y + line), chart::faint_ink(),
                            header) ||
            chart::text(draw, ImVec2(x + 2, header_y), chart::faint_ink(), header, column_width - 4);
        float y = header_y + line + 4;
        for (std::size_t i = 0; i < a.contacts.size(); ++i) {
            if (a.contacts[i].role != role) continue;
            contact_min[i] = ImVec2(x + 3, y);
            contact_max[i] = ImVec2(x + column_width - 3, y + box_height);
            y += box_height + 4;
        }
    }
    // Contacts that do not fit above the band are stacked into it (still visible, clipped).
    std::vector<ImVec2> member_min(a.team.size()), member_max(a.team.size());
    const float member_width = a.team.empty() ? 0 : std::min(12 * em, (size.x - 8) / static_cast<float>(a.team.size()));
    const float members_left = origin.x + (size.x - member_width * static_cast<float>(a.team.size())) / 2;
    for (std::size_t m = 0; m < a.team.size(); ++m) {
        member_min[m] = ImVec2(members_left + member_width * static_cast<float>(m) + 3, end.y - box_height - 6);
        member_max[m] = ImVec2(member_min[m].x + member_width - 6, end.y - 6);
    }

    // Which box the mouse is over: its lines are drawn in the accent colour.
    int hovered_contact = -1, hovered_member = -1;
    for (std::size_t i = 0; i < a.contacts.size(); ++i)
        if (chart::hovered(contact_min[i], contact_max[i])) hovered_contact = static_cast<int>(i);
    for (std::size_t m = 0; m < a.team.size(); ++m)
        if (chart::hovered(member_min[m], member_max[m])) hovered_member = static_cast<int>(m);

    // Lines first, boxes over them.
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        for (const std::string& name : a.contacts[i].covered_by) {
            const int m = member_index(a, name);
            if (m < 0) continue;
            const bool lit = hovered_contact == static_cast<int>(i) || hovered_member == m;
            const ImVec2 from((member_min[m].x + member_max[m].x) / 2, member_min[m].y);
            const ImVec2 to((contact_min[i].x + contact_max[i].x) / 2, contact_max[i].y);
            draw->AddLine(from, to, lit ? chart::accent() : chart::faint_ink(), lit ? 2.5f : 1.2f);
        }
    }
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        const Contact& contact = a.contacts[i];
        const int index = static_cast<int>(i);
        const bool gap = contains(gaps.uncovered_deciders, index) || contains(gaps.uncovered_opponents, index);
        const ImU32 fill_colour = attitude_colour(contact.attitude);
        draw->AddRectFilled(contact_min[i], contact_max[i], fill_colour, 4.0f);
        draw->AddRect(contact_min[i], contact_max[i], gap ? chart::alert() : chart::faint_ink(), 4.0f, 0,
                      gap ? 3.0f : 1.0f);
        const float room = contact_max[i].x - contact_min[i].x - 8;
        const ImU32 ink = chart::ink_on(fill_colour);
        chart::text(draw, ImVec2(contact_min[i].x + 4, contact_min[i].y + 3), ink, (gap ? "! " : "") + contact.name, room);
        chart::text(draw, ImVec2(contact_min[i].x + 4, contact_min[i].y + 3 + line), ink, attitude_text(contact.attitude),
                    room);
        context.record_part("account/map_contact:" + std::to_string(i),
                            {contact_min[i].x, contact_min[i].y, contact_max[i].x, contact_max[i].y});
        if (hovered_contact == index && dragging_member_ < 0)
            chart::tooltip({contact.name, contact.function.value_or(""),
                            std::string(role_text(contact.role)) + " · " + attitude_text(contact.attitude)});
    }
    for (std::size_t m = 0; m < a.team.size(); ++m) {
        const Member& member = a.team[m];
        const bool idle = contains(gaps.idle_members, static_cast<int>(m));
        const ImU32 fill_colour = chart::layer_colour(Layer::large);
        draw->AddRectFilled(member_min[m], member_max[m], fill_colour, 4.0f);
        if (idle) draw->AddRect(member_min[m], member_max[m], chart::alert(), 4.0f, 0, 3.0f);
        const float room = member_max[m].x - member_min[m].x - 8;
        const ImU32 ink = chart::ink_on(fill_colour);
        chart::text(draw, ImVec2(member_min[m].x + 4, member_min[m].y + 3), ink, (idle ? "! " : "") + member.name, room);
        chart::text(draw, ImVec2(member_min[m].x + 4, member_min[m].y + 3 + line), ink,
                    idle ? std::string(tr(kIdle)) : member.role.value_or(member.function.value_or("")), room);
        context.record_part("account/map_member:" + std::to_string(m),
                            {member_min[m].x, member_min[m].y, member_max[m].x, member_max[m].y});
        if (hovered_member == static_cast<int>(m) && dragging_member_ < 0)
            chart::tooltip({member.name, member.function.value_or(""), member.role.value_or(""), tr(kDragHint)});
    }

    // Drawing a line: press on a member, release on a contact.
    if (hovered_member >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging_member_ = hovered_member;
    if (dragging_member_ >= 0 && dragging_member_ < static_cast<int>(a.team.size())) {
        const auto m = static_cast<std::size_t>(dragging_member_);
        draw->AddLine(ImVec2((member_min[m].x + member_max[m].x) / 2, member_min[m].y), ImGui::GetMousePos(),
                      chart::accent(), 2.5f);
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (hovered_contact >= 0) context.emit(CoverContact{account, hovered_contact, a.team[m].name});
            dragging_member_ = -1;
        }
    } else {
        dragging_member_ = -1;
    }
    draw->PopClipRect();
}

// The gaps of docs/plan.md §1 as plain lines.
void AccountView::draw_gaps(const Context& context, int account) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const CoverageGaps gaps = coverage_gaps(a);
    if (!gaps.any()) {
        ImGui::TextDisabled("%s", tr(kGapsNone));
        return;
    }
    const auto names = [](const auto& people, const std::vector<int>& indices) {
        std::string out;
        for (int i : indices) out += (out.empty() ? "" : ", ") + people[static_cast<std::size_t>(i)].name;
        return out;
    };
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(chart::alert()));
    ImGui::PushTextWrapPos(0);
    if (gaps.no_contacts) ImGui::TextUnformatted(tr(kGapNoContacts));
    if (gaps.no_team) ImGui::TextUnformatted(tr(kGapNoTeam));
    if (!gaps.uncovered_deciders.empty())
        ImGui::TextUnformatted(fill(tr(kGapDecider), {names(a.contacts, gaps.uncovered_deciders)}).c_str());
    if (!gaps.uncovered_opponents.empty())
        ImGui::TextUnformatted(fill(tr(kGapOpponent), {names(a.contacts, gaps.uncovered_opponents)}).c_str());
    if (!gaps.idle_members.empty())
        ImGui::TextUnformatted(fill(tr(kGapIdle), {names(a.team, gaps.idle_members)}).c_str());
    for (const UnknownCover& unknown : gaps.unknown_covers)
        ImGui::TextUnformatted(
            fill(tr(kGapUnknown), {a.contacts[static_cast<std::size_t>(unknown.contact)].name, unknown.name}).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// [SECTION] contacts and team ----------------------------------------------------------------------

void AccountView::draw_contacts(const Context& context, int account) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const float em = ImGui::GetFontSize();
    if (ImGui::Button(tr(kAddContact))) {
        Contact contact;
        contact.name = fresh_name(kNewContact, a.contacts);
        const int index = static_cast<int>(a.contacts.size());
        context.emit(AddContact{account, index, std::move(contact)});
    }
    context.record_part("account/add_contact", item_pixels());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (a.contacts.empty() || !ImGui::BeginTable("contacts", 6, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(kName), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(tr(kFunction), ImGuiTableColumnFlags_WidthStretch, 2);
    // Wide enough for the longest Dutch words ("initiatiefnemer", "tegenstander").
    ImGui::TableSetupColumn(tr(kRole), 0, 8.5f * em);
    ImGui::TableSetupColumn(tr(kAttitude), 0, 8 * em);
    ImGui::TableSetupColumn(tr(kCoveredBy), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("", 0, 1.6f * em);
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < a.contacts.size(); ++i) {
        const Contact& contact = a.contacts[i];
        const int index = static_cast<int>(i);
        const std::string n = std::to_string(i);
        ImGui::TableNextRow();
        ImGui::PushID(index);
        ImGui::TableSetColumnIndex(0);
        if (auto typed = fields_.line("##name", contact.name, -1))
            if (!typed->empty()) context.emit(SetContactText{account, index, ContactText::name, *typed});
        context.record_part("account/contact_name:" + n, item_pixels());
        ImGui::TableSetColumnIndex(1);
        if (auto typed = fields_.line("##function", contact.function.value_or(""), -1))
            context.emit(SetContactText{account, index, ContactText::function, optional_text(*typed)});
        ImGui::TableSetColumnIndex(2);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##role", role_text(contact.role))) {
            for (BuyingRole role : {BuyingRole::none, BuyingRole::initiator, BuyingRole::user, BuyingRole::influencer,
                                    BuyingRole::decider, BuyingRole::buyer, BuyingRole::gatekeeper}) {
                if (ImGui::Selectable(role_text(role), role == contact.role) && role != contact.role)
                    context.emit(SetContactRole{account, index, role});
                context.record_part(std::string("account/role_option:") + role_id(role), item_pixels());
            }
            ImGui::EndCombo();
        }
        context.record_part("account/contact_role:" + n, item_pixels());
        ImGui::TableSetColumnIndex(3);
        ImGui::SetNextItemWidth(-1);
        if (ImGui::BeginCombo("##attitude", attitude_text(contact.attitude))) {
            for (Attitude attitude : {Attitude::none, Attitude::supporter, Attitude::neutral, Attitude::opponent}) {
                if (ImGui::Selectable(attitude_text(attitude), attitude == contact.attitude) &&
                    attitude != contact.attitude)
                    context.emit(SetContactAttitude{account, index, attitude});
            }
            ImGui::EndCombo();
        }
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + 4, max.y), attitude_colour(contact.attitude));
        context.record_part("account/contact_attitude:" + n, item_pixels());
        ImGui::TableSetColumnIndex(4);
        draw_cover_popup(context, account, index);
        ImGui::TableSetColumnIndex(5);
        if (ImGui::SmallButton("×")) context.emit(RemoveContact{account, index});
        ImGui::SetItemTooltip("%s", tr(kRemove));
        context.record_part("account/remove_contact:" + n, item_pixels());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

// The coverage of one contact: a button with the names, and a list of the team to tick.
void AccountView::draw_cover_popup(const Context& context, int account, int contact) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const Contact& c = a.contacts[static_cast<std::size_t>(contact)];
    std::string names;
    for (const std::string& name : c.covered_by) names += (names.empty() ? "" : ", ") + name;
    if (names.empty()) names = tr(kNobody);
    const std::string n = std::to_string(contact);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    if (ImGui::Button("##cover", ImVec2(width, 0))) ImGui::OpenPopup("cover");
    context.record_part("account/cover:" + n, item_pixels());
    const float pad = ImGui::GetStyle().FramePadding.x;
    chart::text(ImGui::GetWindowDrawList(), ImVec2(at.x + pad, at.y + ImGui::GetStyle().FramePadding.y), chart::ink(),
                names, width - 2 * pad);
    if (!ImGui::BeginPopup("cover")) return;
    if (a.team.empty()) ImGui::TextDisabled("%s", tr(kNoTeamToCover));
    for (const Member& member : a.team) {
        bool covers = std::find(c.covered_by.begin(), c.covered_by.end(), member.name) != c.covered_by.end();
        ImGui::PushID(member.name.c_str());
        if (ImGui::Checkbox(member.name.c_str(), &covers)) {
            if (covers) context.emit(CoverContact{account, contact, member.name});
            else context.emit(UncoverContact{account, contact, member.name});
        }
        context.record_part("account/cover_option:" + member.name, item_pixels());
        ImGui::PopID();
    }
    // Names the file has that are no member: they can be taken out.
    for (const std::string& name : c.covered_by) {
        if (member_index(a, name) >= 0) continue;
        bool covers = true;
        ImGui::PushID(name.c_str());
        if (ImGui::Checkbox(fill(tr(kNotInTeam), {name}).c_str(), &covers) && !covers)
            context.emit(UncoverContact{account, contact, name});
        ImGui::PopID();
    }
    ImGui::EndPopup();
}

void AccountView::draw_team(const Context& context, int account) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const float em = ImGui::GetFontSize();
    if (ImGui::Button(tr(kAddMember))) {
        Member member;
        member.name = fresh_name(kNewMember, a.team);
        const int index = static_cast<int>(a.team.size());
        context.emit(AddMember{account, index, std::move(member)});
    }
    context.record_part("account/add_member", item_pixels());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (a.team.empty() || !ImGui::BeginTable("team", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(kName), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(tr(kFunction), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(tr(kRole), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn("", 0, 1.6f * em);
    ImGui::TableHeadersRow();
    for (std::size_t m = 0; m < a.team.size(); ++m) {
        const Member& member = a.team[m];
        const int index = static_cast<int>(m);
        const std::string n = std::to_string(m);
        ImGui::TableNextRow();
        ImGui::PushID(index);
        ImGui::TableSetColumnIndex(0);
        if (auto typed = fields_.line("##name", member.name, -1))
            if (!typed->empty()) context.emit(SetMemberText{account, index, MemberText::name, *typed});
        context.record_part("account/member_name:" + n, item_pixels());
        ImGui::TableSetColumnIndex(1);
        if (auto typed = fields_.line("##function", member.function.value_or(""), -1))
            context.emit(SetMemberText{account, index, MemberText::function, optional_text(*typed)});
        ImGui::TableSetColumnIndex(2);
        if (auto typed = fields_.line("##role", member.role.value_or(""), -1, tr(kMemberRoleHint)))
            context.emit(SetMemberText{account, index, MemberText::role, optional_text(*typed)});
        context.record_part("account/member_role:" + n, item_pixels());
        ImGui::TableSetColumnIndex(3);
        if (ImGui::SmallButton("×")) context.emit(RemoveMember{account, index});
        ImGui::SetItemTooltip("%s", tr(kRemove));
        context.record_part("account/remove_member:" + n, item_pixels());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace kc::ui
