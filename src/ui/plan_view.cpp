// The CORE plan (see views.hpp): a row of four steps — Choice, Organisation, Results,
// Evaluation — and the chosen step below it: at the left its done mark and notes (the
// file's `core`), at the right what the step is about, with the portfolio's own data.
//
// Choice: the chapter's three conditions and the user's own checks, answered yes or no,
// the reasons account management pays as guidance, and the verdict (docs/plan.md §6).
// Organisation: level, form and basis, the portfolio drawn in that form (§7), and the
// account teams as people × accounts with each person's workload (§5).
// Results: goal and targets per account in a table, progress and the target checks (§3).
// Evaluation: the review interval and next date, the reviewed accounts overdue and off
// track first (§2), and per account its evaluations and timeline (§4).
//
// Every change is an edit of edit_plan.hpp through context.emit (undo, redo, autosave).
#include <algorithm>
#include <cstdio>
#include <map>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kStepsDone("{} van 4 stappen klaar", "{} of 4 steps done");
constexpr Bilingual kDone("Stap klaar", "Step done");
constexpr Bilingual kNotes("Notities bij deze stap", "Notes on this step");

// Choice
constexpr Bilingual kChoiceIntro(
    "Voert u accountmanagement in? Het loont waar afnemers groot en geconcentreerd zijn. Redenen die het hoofdstuk "
    "noemt: de concentratie van de retailketens (weinig afnemers, veel omzet), ICT-integratie (EDI, gedeelde "
    "systemen), category management (samen met de afnemer een categorie sturen) en de voorkeur van retailers voor "
    "één aanspreekpunt. Drie voorwaarden zijn nodig; voeg uw eigen punten toe.",
    "Do we introduce account management? It pays where customers are large and concentrated. Reasons the chapter "
    "gives: the concentration of retail chains (few customers, much revenue), ICT integration (EDI, shared "
    "systems), category management (steering a category together with the customer) and retailers' preference for "
    "one contact. Three conditions are necessary; add your own points.");
constexpr Bilingual kCheck("Punt", "Check");
constexpr Bilingual kAnswer("Antwoord", "Answer");
constexpr Bilingual kYes("ja", "yes");
constexpr Bilingual kNo("nee", "no");
constexpr Bilingual kOpen("open", "open");
constexpr Bilingual kOwn("eigen punt", "own check");
constexpr Bilingual kNewCheck("Eigen punt toevoegen (Enter)…", "Add your own check (Enter)…");
constexpr Bilingual kRemoveCheck("Dit punt verwijderen", "Remove this check");
constexpr Bilingual kVerdictUnanswered("Nog geen antwoorden: beantwoord de drie voorwaarden.",
                                       "No answers yet: answer the three conditions.");
constexpr Bilingual kVerdictNotReady("Niet klaar: een noodzakelijke voorwaarde ontbreekt ({}).",
                                     "Not ready: a necessary condition is missing ({}).");
constexpr Bilingual kVerdictIncomplete("Nog niet compleet: beantwoord ook {}.", "Not complete yet: answer {} too.");
constexpr Bilingual kVerdictGo("Ja: accountmanagement invoeren. Alle voorwaarden en eigen punten zijn vervuld.",
                               "Go: introduce account management. Every condition and own check is met.");
constexpr Bilingual kVerdictReservations("Ja, met voorbehoud: de voorwaarden zijn vervuld, maar niet: {}.",
                                         "Go, with reservations: the conditions are met, but not: {}.");
constexpr Bilingual kVerdict("Oordeel", "Verdict");

// Organisation
constexpr Bilingual kLevel("Niveau", "Level");
constexpr Bilingual kForm("Vorm", "Form");
constexpr Bilingual kBasis("Indeling", "Basis");
constexpr Bilingual kBasisCentral("(centraal: altijd per productgroep)", "(central: always by product group)");
constexpr Bilingual kOrgNotes("Toelichting organisatie", "About the organisation");
constexpr Bilingual kCompany("Onderneming · accountmanagement als {}functie", "Company · account management as {} function");
constexpr Bilingual kCompanyNoLevel("Onderneming · accountmanagement", "Company · account management");
constexpr Bilingual kNoKey("(zonder)", "(none)");
constexpr Bilingual kGroupFacts("{} accounts · {} key · {}", "{} accounts · {} key · {}");
constexpr Bilingual kAms("AM: {}", "AM: {}");
constexpr Bilingual kNoAm("geen accountmanager", "no account manager");
constexpr Bilingual kCentralUnits("Centraal accountmanagement: accounts die meerdere productgroepen delen ({})",
                                  "Central account management: accounts several product groups share ({})");
constexpr Bilingual kDedicatedUnits("Een eigen eenheid per key account ({})", "A unit of its own per key account ({})");
constexpr Bilingual kNoUnits("Geen.", "None.");
constexpr Bilingual kMore("+{} meer", "+{} more");
constexpr Bilingual kTeams("Accountteams: mensen × accounts", "Account teams: people × accounts");
constexpr Bilingual kNoTeams("Nog geen teams: voeg ze toe op de pagina Account.",
                             "No teams yet: add them on the Account page.");
constexpr Bilingual kPerson("Persoon", "Person");
constexpr Bilingual kWorkAccounts("Acc.", "Acc.");
constexpr Bilingual kWorkRevenue("Omzet", "Revenue");
constexpr Bilingual kWorkKeys("Key", "Key");
constexpr Bilingual kWorkManaged("AM", "AM");
constexpr Bilingual kWorkContacts("Dekt", "Covers");
constexpr Bilingual kMatrixHint("• lid van het team; AM: accountmanager. Klik op een account voor zijn pagina.",
                                "• member of the team; AM: account manager. Click an account for its page.");
constexpr Bilingual kTooManyColumns("De eerste {} accounts met een team.", "The first {} accounts with a team.");

// Results
constexpr Bilingual kGoals("{} accounts met behouddoel, {} met groeidoel", "{} accounts with a retention goal, {} with a growth goal");
constexpr Bilingual kTargetYear("Targetjaar", "Target year");
constexpr Bilingual kAllAccounts("Alle accounts", "All accounts");
constexpr Bilingual kColAccount("Account", "Account");
constexpr Bilingual kColGoal("Doel", "Goal");
constexpr Bilingual kColRevenueY("Omzet {}", "Revenue {}");
constexpr Bilingual kColWallet("Wallet {}", "Wallet {}");
constexpr Bilingual kColTargetRevenue("Target omzet", "Target revenue");
constexpr Bilingual kColTargetShare("Target SoW %", "Target SoW %");
constexpr Bilingual kColActual("Werkelijk", "Actual");
constexpr Bilingual kColAttained("Behaald", "Attained");
constexpr Bilingual kColChecks("Controle", "Check");
constexpr Bilingual kTotals("Totalen per targetjaar", "Totals per target year");
constexpr Bilingual kTotalsLine("{}: {} accounts · target {} · vorig jaar {} ({}) · werkelijk {}",
                                "{}: {} accounts · target {} · year before {} ({}) · actual {}");
constexpr Bilingual kChecksTitle("Controles op de targets ({})", "Checks on the targets ({})");
constexpr Bilingual kCheckLine("{} · {}: {} (target {}, {} {})", "{} · {}: {} (target {}, {} {})");
constexpr Bilingual kWalletWord("wallet", "wallet");
constexpr Bilingual kCurrentWord("nu", "now");
constexpr Bilingual kNoChecks("Geen opmerkingen bij de targets.", "No remarks on the targets.");
constexpr Bilingual kNotANumber("Geen getal.", "Not a number.");
constexpr Bilingual kNoneUnderReview("Geen account met een doel of key-markering: zet 'Alle accounts' aan.",
                                     "No account with a goal or key mark: turn on 'All accounts'.");

// Evaluation
constexpr Bilingual kInterval("Review elke", "Review every");
constexpr Bilingual kMonths("maanden", "months");
constexpr Bilingual kNext("Volgende reviewronde", "Next review round");
constexpr Bilingual kNextOverdue("verlopen", "overdue");
constexpr Bilingual kToday("Vandaag: {}", "Today: {}");
constexpr Bilingual kReviewSummary("{} te laat · {} uit koers · {} risico", "{} overdue · {} off track · {} at risk");
constexpr Bilingual kColLast("Laatste", "Last");
constexpr Bilingual kColDue("Volgende", "Due");
constexpr Bilingual kColStatus("Status", "Status");
constexpr Bilingual kOverdueDays("{} d te laat", "{} d overdue");
constexpr Bilingual kNeverReviewed("nooit", "never");
constexpr Bilingual kNoReviewed("Geen accounts onder review (key accounts, accounts met een doel of met evaluaties).",
                                "No accounts under review (key accounts, accounts with a goal or with evaluations).");
constexpr Bilingual kPickReview("Kies links een account.", "Choose an account on the left.");
constexpr Bilingual kOpenAccount("Accountpagina", "Account page");

std::string percent_for_editing(double fraction) { return amount_for_editing(fraction * 100); }

void wrapped(const char* text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
}

void right_aligned(const std::string& text) {
    const float width = ImGui::CalcTextSize(text.c_str()).x;
    const float room = ImGui::GetContentRegionAvail().x;
    if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    ImGui::TextUnformatted(text.c_str());
}

std::string joined(const std::vector<std::string>& names, bool translate_checks) {
    std::string out;
    for (const std::string& name : names) {
        if (!out.empty()) out += ", ";
        const char* word = translate_checks ? choice_check_text(name) : nullptr;
        out += word ? word : name;
    }
    return out;
}

// A row of radio buttons over an enum; the value clicked, if another.
template <typename Enum>
std::optional<Enum> radio_row(const Context& context, const char* part, Enum current, std::initializer_list<Enum> values,
                              const char* (*text)(Enum), const char* (*id)(Enum)) {
    std::optional<Enum> chosen;
    for (Enum value : values) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(value));
        if (ImGui::RadioButton(text(value), current == value) && current != value) chosen = value;
        context.record_part(std::string(part) + ":" + id(value), item_pixels());
        ImGui::PopID();
    }
    return chosen;
}

const char* level_id(OrgLevel v) { return v == OrgLevel::staff ? "staff" : v == OrgLevel::line ? "line" : "none"; }
const char* form_id(OrgForm v) {
    return v == OrgForm::decentral ? "decentral" : v == OrgForm::central ? "central" : v == OrgForm::dedicated ? "dedicated" : "none";
}
const char* basis_id(OrgBasis v) {
    return v == OrgBasis::product ? "product" : v == OrgBasis::market ? "market" : v == OrgBasis::geography ? "geography" : "none";
}

}  // namespace

// [SECTION] the frame ------------------------------------------------------------------------------

void PlanView::draw(const Context& context) {
    draw_stepper(context);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float em = ImGui::GetFontSize();
    const float notes_width = std::clamp(avail.x * 0.24f, std::min(avail.x, 14 * em), 24 * em);
    ImGui::BeginChild("step_notes", ImVec2(notes_width, 0));
    draw_step_notes(context);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("step", ImVec2(0, 0));
    ImGui::PushID(step_id(step));
    switch (step) {
        case CoreStepId::choice: draw_choice(context); break;
        case CoreStepId::organisation: draw_organisation(context); break;
        case CoreStepId::results: draw_results(context); break;
        case CoreStepId::evaluation: draw_evaluation(context); break;
    }
    ImGui::PopID();
    ImGui::EndChild();
}

// Four numbered steps in a row, each with ✓ when done; the chosen one highlighted.
void PlanView::draw_stepper(const Context& context) {
    const std::optional<CorePlan>& core = context.portfolio().core;
    int done = 0;
    int number = 1;
    for (CoreStepId id : kCoreSteps) {
        const CoreStep* s = core ? core->step(id) : nullptr;
        const bool is_done = s && s->done.value_or(false);
        done += is_done ? 1 : 0;
        char label[96];
        std::snprintf(label, sizeof label, "%d  %s%s###step_%s", number++, step_text(id), is_done ? "  ✓" : "", step_id(id));
        const bool chosen = id == step;
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(label)) step = id;
        if (chosen) ImGui::PopStyleColor();
        context.record_part(std::string("plan/step:") + step_id(id), item_pixels());
        ImGui::SameLine();
        if (id != CoreStepId::evaluation) {
            ImGui::TextDisabled("→");
            ImGui::SameLine();
        }
    }
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", fill(tr(kStepsDone), {std::to_string(done)}).c_str());
    ImGui::Separator();
}

void PlanView::draw_step_notes(const Context& context) {
    const std::optional<CorePlan>& core = context.portfolio().core;
    const CoreStep* s = core ? core->step(step) : nullptr;
    bool done = s && s->done.value_or(false);
    if (ImGui::Checkbox(tr(kDone), &done)) context.emit(SetCoreStepDone{step, done});
    context.record_part("plan/done", item_pixels());
    ImGui::TextUnformatted(tr(kNotes));
    const float height = std::max(ImGui::GetContentRegionAvail().y, 4 * ImGui::GetTextLineHeight());
    if (auto typed = fields_.lines("##step_notes", s && s->notes ? *s->notes : std::string(), ImVec2(-1, height)))
        context.emit(SetCoreStepNotes{step, *typed});
    context.record_part("plan/notes", item_pixels());
}

// [SECTION] Choice ---------------------------------------------------------------------------------

void PlanView::draw_choice(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    wrapped(tr(kChoiceIntro));
    ImGui::Spacing();
    // The three conditions always show (unanswered ones too), then the user's own checks.
    std::vector<std::pair<std::string, std::optional<bool>>> rows;
    const CoreChoice* choice = portfolio.core && portfolio.core->choice ? &*portfolio.core->choice : nullptr;
    const auto answer_of = [&](std::string_view name) -> std::optional<bool> {
        std::optional<bool> answer;
        if (choice)
            for (const auto& [n, a] : choice->checks)
                if (n == name) answer = a;   // a name twice counts with its later answer
        return answer;
    };
    for (std::string_view name : kStandardChoiceChecks) rows.emplace_back(std::string(name), answer_of(name));
    if (choice)
        for (const auto& check : choice->checks) {
            const std::string& name = check.first;
            if (!choice_check_text(name) &&
                std::none_of(rows.begin(), rows.end(), [&](const auto& row) { return row.first == name; }))
                rows.emplace_back(name, answer_of(name));
        }

    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("checks", 3, flags)) {
        ImGui::TableSetupColumn(tr(kCheck), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(tr(kAnswer), 0, 12 * em);
        ImGui::TableSetupColumn("", 0, 1.6f * em);
        ImGui::TableHeadersRow();
        int row_index = 0;
        for (const auto& [name, answer] : rows) {
            ImGui::TableNextRow();
            ImGui::PushID(row_index++);
            ImGui::TableSetColumnIndex(0);
            const char* standard = choice_check_text(name);
            if (standard) {
                ImGui::AlignTextToFramePadding();
                ImGui::TextUnformatted(standard);
            } else if (auto typed = fields_.line("##name", name, -1)) {
                if (!typed->empty()) context.emit(RenameChoiceCheck{name, *typed});
            }
            ImGui::TableSetColumnIndex(1);
            const std::string part = "plan/check:" + name;
            if (ImGui::RadioButton(tr(kYes), answer == true) && answer != true) context.emit(SetChoiceCheck{name, true});
            context.record_part(part + ":yes", item_pixels());
            ImGui::SameLine();
            if (ImGui::RadioButton(tr(kNo), answer == false) && answer != false) context.emit(SetChoiceCheck{name, false});
            context.record_part(part + ":no", item_pixels());
            if (standard) {
                ImGui::SameLine();
                if (ImGui::RadioButton(tr(kOpen), !answer) && answer) context.emit(SetChoiceCheck{name, std::nullopt});
            }
            ImGui::TableSetColumnIndex(2);
            if (!standard) {
                if (ImGui::SmallButton("×")) context.emit(SetChoiceCheck{name, std::nullopt});
                ImGui::SetItemTooltip("%s", tr(kRemoveCheck));
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputTextWithHint("##new_check", tr(kNewCheck), new_check_, sizeof new_check_,
                                 ImGuiInputTextFlags_EnterReturnsTrue) &&
        new_check_[0] != '\0') {
        // An own check starts as met; the user answers no where it is not.
        context.emit(SetChoiceCheck{new_check_, true});
        new_check_[0] = '\0';
    }
    context.record_part("plan/new_check", item_pixels());

    ImGui::Spacing();
    const ChoiceAssessment assessment = assess_choice(portfolio);
    std::string verdict;
    ImU32 colour = chart::ink();
    switch (assessment.verdict) {
        case ChoiceVerdict::unanswered: verdict = tr(kVerdictUnanswered); break;
        case ChoiceVerdict::not_ready:
            verdict = fill(tr(kVerdictNotReady), {joined(assessment.failed, true)});
            colour = chart::alert();
            break;
        case ChoiceVerdict::incomplete: verdict = fill(tr(kVerdictIncomplete), {joined(assessment.unanswered, true)}); break;
        case ChoiceVerdict::go: verdict = tr(kVerdictGo); colour = chart::accent(); break;
        case ChoiceVerdict::go_with_reservations:
            verdict = fill(tr(kVerdictReservations), {joined(assessment.own_failed, false)});
            colour = chart::accent();
            break;
    }
    ImGui::SeparatorText(tr(kVerdict));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(colour));
    wrapped(verdict.c_str());
    ImGui::PopStyleColor();
    context.record_part(std::string("plan/verdict:") + std::string(to_string(assessment.verdict)), item_pixels());
}

// [SECTION] Organisation -------------------------------------------------------------------------

void PlanView::draw_organisation(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const Organisation organisation = portfolio.organisation.value_or(Organisation{});
    const float label_width = 5 * ImGui::GetFontSize();
    const auto label = [&](const Bilingual& text) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(tr(text));
        ImGui::SameLine(label_width);
    };
    label(kLevel);
    if (auto v = radio_row(context, "plan/level", organisation.level, {OrgLevel::staff, OrgLevel::line}, org_level_text,
                           level_id))
        context.emit(SetOrganisationLevel{*v});
    label(kForm);
    if (auto v = radio_row(context, "plan/form", organisation.form,
                           {OrgForm::decentral, OrgForm::central, OrgForm::dedicated}, org_form_text, form_id))
        context.emit(SetOrganisationForm{*v});
    label(kBasis);
    if (auto v = radio_row(context, "plan/basis", organisation.basis,
                           {OrgBasis::product, OrgBasis::market, OrgBasis::geography}, org_basis_text, basis_id))
        context.emit(SetOrganisationBasis{*v});
    if (organisation.form == OrgForm::central) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", tr(kBasisCentral));
    }
    label(kOrgNotes);
    if (auto typed = fields_.line("##org_notes", organisation.notes.value_or(""), -1))
        context.emit(SetOrganisationNotes{typed->empty() ? std::nullopt : std::optional<std::string>(*typed)});

    const OrganisationPlan plan = organisation_plan(portfolio, context.report());
    const float rest = ImGui::GetContentRegionAvail().y;
    draw_org_diagram(context, plan, std::max(rest * 0.5f, 12 * ImGui::GetTextLineHeightWithSpacing()));
    draw_team_matrix(context);
}

// The company on top, its business units (groups) below it, and the accounts the form
// takes out of the groups (central's shared accounts, dedicated units) in a band of their
// own. Each box: name, revenue, accounts and key accounts, account managers, the largest
// accounts.
void PlanView::draw_org_diagram(const Context& context, const OrganisationPlan& plan, float height) {
    const Portfolio& portfolio = context.portfolio();
    const std::string& currency = portfolio.info.currency;
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, height));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->PushClipRect(origin, ImVec2(origin.x + width, origin.y + height), true);

    const Organisation organisation = portfolio.organisation.value_or(Organisation{});
    const std::string company = organisation.level == OrgLevel::none
                                    ? std::string(tr(kCompanyNoLevel))
                                    : fill(tr(kCompany), {org_level_text(organisation.level)});
    const float company_width = std::min(width, chart::text_width(company) + 2 * em);
    const ImVec2 company_min(origin.x + (width - company_width) / 2, origin.y + 4);
    const ImVec2 company_max(company_min.x + company_width, company_min.y + line + 8);
    draw->AddRectFilled(company_min, company_max, chart::layer_colour(Layer::top), 4.0f);
    chart::text_centred(draw, company_min, company_max, chart::ink_on(chart::layer_colour(Layer::top)), company);

    const bool has_units = plan.form != OrgForm::decentral;
    const float units_height = has_units ? 4 * line + 12 : 0;
    const float groups_top = company_max.y + em;
    const float groups_bottom = origin.y + height - units_height - (has_units ? em : 0);
    const std::size_t group_count = plan.groups.size();
    const float min_box = 11 * em;
    const std::size_t fits = std::max<std::size_t>(1, static_cast<std::size_t>(width / (min_box + em / 2)));
    const std::size_t shown = std::min(group_count, fits);
    const float box_width = shown > 0 ? (width - em / 2 * static_cast<float>(shown - 1)) / static_cast<float>(shown) : 0;
    const ImU32 box_fill = chart::layer_colour(Layer::small);
    for (std::size_t g = 0; g < shown; ++g) {
        const OrgGroup& group = plan.groups[g];
        const bool last_with_more = g + 1 == shown && shown < group_count;
        const ImVec2 min(origin.x + static_cast<float>(g) * (box_width + em / 2), groups_top);
        const ImVec2 max(min.x + box_width, groups_bottom);
        draw->AddLine(ImVec2((company_min.x + company_max.x) / 2, company_max.y), ImVec2((min.x + max.x) / 2, min.y),
                      chart::faint_ink());
        draw->AddRectFilled(min, max, box_fill, 4.0f);
        float y = min.y + 4;
        const float room = box_width - 8;
        const auto put = [&](const std::string& text, ImU32 colour) {
            if (y + line > max.y - 2) return;
            chart::text(draw, ImVec2(min.x + 4, y), colour, text, room);
            y += line;
        };
        if (last_with_more) {
            put(fill(tr(kMore), {std::to_string(group_count - shown + 1)}), chart::ink());
            continue;
        }
        put(group.key ? *group.key : tr(kNoKey), chart::ink());
        put(format_money_short(group.revenue, currency), chart::ink());
        put(fill(tr(kGroupFacts), {std::to_string(group.accounts.size()), std::to_string(group.key_accounts), ""}),
            chart::faint_ink());
        std::string ams;
        for (const std::string& am : group.account_managers) ams += (ams.empty() ? "" : ", ") + am;
        put(ams.empty() ? std::string(tr(kNoAm)) : fill(tr(kAms), {ams}), chart::faint_ink());
        for (std::size_t i = 0; i < group.accounts.size(); ++i) {
            if (y + 2 * line > max.y - 2 && i + 1 < group.accounts.size()) {
                put(fill(tr(kMore), {std::to_string(group.accounts.size() - i)}), chart::faint_ink());
                break;
            }
            const Account& a = portfolio.accounts[static_cast<std::size_t>(group.accounts[i])];
            put((a.key ? "• " : "  ") + a.name, chart::ink());
        }
        if (chart::hovered(min, max))
            chart::tooltip({group.key ? *group.key : tr(kNoKey), format_money(group.revenue, currency, 0),
                            fill(tr(kGroupFacts), {std::to_string(group.accounts.size()),
                                                   std::to_string(group.key_accounts), ""})});
    }
    if (has_units) {
        const float top = groups_bottom + em;
        const std::string title = fill(tr(plan.form == OrgForm::central ? kCentralUnits : kDedicatedUnits),
                                       {std::to_string(plan.units.size())});
        chart::text(draw, ImVec2(origin.x, top), chart::ink(), title, width);
        const float unit_top = top + line + 2;
        const float unit_width = 10 * em;
        const std::size_t unit_fits = std::max<std::size_t>(1, static_cast<std::size_t>(width / (unit_width + em / 2)));
        if (plan.units.empty()) chart::text(draw, ImVec2(origin.x, unit_top), chart::faint_ink(), tr(kNoUnits), width);
        for (std::size_t u = 0; u < plan.units.size() && u < unit_fits; ++u) {
            const OrgUnit& unit = plan.units[u];
            const ImVec2 min(origin.x + static_cast<float>(u) * (unit_width + em / 2), unit_top);
            const ImVec2 max(min.x + unit_width, unit_top + 3 * line + 6);
            draw->AddRectFilled(min, max, chart::accent(), 4.0f);
            const ImU32 ink = chart::ink_on(chart::accent());
            if (u + 1 == unit_fits && unit_fits < plan.units.size()) {
                chart::text(draw, ImVec2(min.x + 4, min.y + 3), ink,
                            fill(tr(kMore), {std::to_string(plan.units.size() - u)}), unit_width - 8);
                break;
            }
            const Account& a = portfolio.accounts[static_cast<std::size_t>(unit.account)];
            chart::text(draw, ImVec2(min.x + 4, min.y + 3), ink, a.name, unit_width - 8);
            chart::text(draw, ImVec2(min.x + 4, min.y + 3 + line), ink, format_money_short(unit.revenue, currency),
                        unit_width - 8);
            std::string ams;
            for (const std::string& am : unit.account_managers) ams += (ams.empty() ? "" : ", ") + am;
            chart::text(draw, ImVec2(min.x + 4, min.y + 3 + 2 * line), ink,
                        ams.empty() ? std::string(tr(kNoAm)) : fill(tr(kAms), {ams}), unit_width - 8);
        }
    }
    draw->PopClipRect();
}

// People × accounts with a team, and each person's workload (docs/plan.md §5).
void PlanView::draw_team_matrix(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    ImGui::SeparatorText(tr(kTeams));
    const std::vector<MemberWorkload> people = team_workload(portfolio, context.report());
    if (people.empty()) {
        ImGui::TextDisabled("%s", tr(kNoTeams));
        return;
    }
    std::vector<int> accounts;
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
        if (!portfolio.accounts[i].team.empty()) accounts.push_back(static_cast<int>(i));
    constexpr std::size_t kMostColumns = 40;   // a laptop shows about this many narrow columns
    const bool cut = accounts.size() > kMostColumns;
    if (cut) accounts.resize(kMostColumns);
    ImGui::TextDisabled("%s", tr(kMatrixHint));
    if (cut) ImGui::TextDisabled("%s", fill(tr(kTooManyColumns), {std::to_string(kMostColumns)}).c_str());
    const float em = ImGui::GetFontSize();
    const int columns = 6 + static_cast<int>(accounts.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("team_matrix", columns, flags, ImVec2(0, 0))) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(kPerson), 0, 10 * em);
    ImGui::TableSetupColumn(tr(kWorkAccounts), 0, 2.5f * em);
    ImGui::TableSetupColumn(tr(kWorkRevenue), 0, 5 * em);
    ImGui::TableSetupColumn(tr(kWorkKeys), 0, 2.2f * em);
    ImGui::TableSetupColumn(tr(kWorkManaged), 0, 2.2f * em);
    ImGui::TableSetupColumn(tr(kWorkContacts), 0, 3 * em);
    for (int a : accounts) ImGui::TableSetupColumn(portfolio.accounts[static_cast<std::size_t>(a)].name.c_str(), 0, 5 * em);
    // Headers: the account names cut to the column, full on hover, a click opens the page.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < columns; ++c) {
        ImGui::TableSetColumnIndex(c);
        if (c < 6) {
            ImGui::TableHeader(ImGui::TableGetColumnName(c));
            continue;
        }
        account_link(context, accounts[static_cast<std::size_t>(c - 6)], ImGui::GetContentRegionAvail().x);
    }
    const std::string& currency = portfolio.info.currency;
    for (const MemberWorkload& person : people) {
        ImGui::TableNextRow();
        ImGui::PushID(person.name.c_str());
        ImGui::TableSetColumnIndex(0);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        chart::text(ImGui::GetWindowDrawList(), at, chart::ink(), person.name, ImGui::GetContentRegionAvail().x);
        ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, ImGui::GetTextLineHeight()));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", person.name.c_str());
        ImGui::TableSetColumnIndex(1);
        right_aligned(std::to_string(person.accounts.size()));
        ImGui::TableSetColumnIndex(2);
        right_aligned(format_money_short(person.revenue, currency));
        ImGui::TableSetColumnIndex(3);
        right_aligned(std::to_string(person.key_accounts));
        ImGui::TableSetColumnIndex(4);
        right_aligned(std::to_string(person.managed));
        ImGui::TableSetColumnIndex(5);
        right_aligned(std::to_string(person.contacts_covered));
        for (std::size_t k = 0; k < person.accounts.size(); ++k) {
            const auto column = std::find(accounts.begin(), accounts.end(), person.accounts[k]);
            if (column == accounts.end()) continue;
            ImGui::TableSetColumnIndex(6 + static_cast<int>(column - accounts.begin()));
            const Account& a = portfolio.accounts[static_cast<std::size_t>(person.accounts[k])];
            const Member& m = a.team[static_cast<std::size_t>(person.team_index[k])];
            ImGui::TextUnformatted(is_account_manager(m) ? "• AM" : "•");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s\n%s", m.role.value_or("").c_str(), m.function.value_or("").c_str());
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void PlanView::account_link(const Context& context, int account, float width) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    ImGui::PushID(account);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const bool clicked = ImGui::InvisibleButton("##link", ImVec2(std::max(width, 1.0f), ImGui::GetTextLineHeight()));
    const ImU32 colour = ImGui::IsItemHovered() ? chart::accent() : chart::ink();
    chart::text(ImGui::GetWindowDrawList(), at, colour, a.name, width);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s (%s)\n%s", a.name.c_str(), a.id.c_str(), tr(kOpenAccount));
    context.record_part("plan/account:" + a.id, item_pixels());
    if (clicked) {
        account_view_.show_account(a.id);
        context.show_view("account");
    }
    ImGui::PopID();
}

// [SECTION] Results --------------------------------------------------------------------------------

void PlanView::draw_results(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const ResultsPlan results = results_plan(portfolio, report);
    const std::string& currency = portfolio.info.currency;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(
        fill(tr(kGoals), {std::to_string(results.retention), std::to_string(results.growth)}).c_str());
    ImGui::SameLine(0, 2 * ImGui::GetFontSize());
    if (target_year_ == 0) target_year_ = report.year ? *report.year + 1 : 2026;
    ImGui::TextUnformatted(tr(kTargetYear));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(6 * ImGui::GetFontSize());
    if (ImGui::InputInt("##target_year", &target_year_)) target_year_ = std::clamp(target_year_, 1000, 9999);
    ImGui::SameLine(0, 2 * ImGui::GetFontSize());
    ImGui::Checkbox(tr(kAllAccounts), &all_accounts_);

    const float rest = ImGui::GetContentRegionAvail().y;
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float below = std::min(rest * 0.4f, (3 + static_cast<float>(results.totals.size() + results.checks.size())) * line);
    ImGui::BeginChild("targets_table", ImVec2(0, std::max(rest - below, 6 * line)));
    draw_results_table(context, results);
    ImGui::EndChild();

    ImGui::SeparatorText(tr(kTotals));
    for (const TargetTotals& t : results.totals) {
        const std::string growth =
            t.previous_revenue > 0 ? format_percent(t.target_revenue / t.previous_revenue - 1, 1) : std::string("—");
        ImGui::TextUnformatted(fill(tr(kTotalsLine), {std::to_string(t.year), std::to_string(t.accounts),
                                                      format_money(t.target_revenue, currency, 0),
                                                      format_money(t.previous_revenue, currency, 0), growth,
                                                      t.actual_revenue ? format_money(*t.actual_revenue, currency, 0)
                                                                       : std::string("—")})
                                   .c_str());
    }
    ImGui::SeparatorText(fill(tr(kChecksTitle), {std::to_string(results.checks.size())}).c_str());
    if (results.checks.empty()) ImGui::TextDisabled("%s", tr(kNoChecks));
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(chart::alert()));
    for (const TargetCheck& check : results.checks) {
        const Account& a = portfolio.accounts[static_cast<std::size_t>(check.account)];
        const bool share = check.value == TargetValue::share_of_wallet;
        const auto shown = [&](double v) { return share ? format_percent(v, 1) : format_money(v, currency, 0); };
        const char* reference = check.issue == TargetIssue::above_wallet ? tr(kWalletWord) : tr(kCurrentWord);
        const std::string text =
            check.issue == TargetIssue::goal_without_target
                ? "! " + a.name + " · " + std::to_string(check.year) + ": " + target_issue_text(check.issue)
                : "! " + fill(tr(kCheckLine), {a.name, std::to_string(check.year), target_issue_text(check.issue),
                                               shown(check.target), reference,
                                               shown(check.reference) + " (" + std::to_string(check.reference_year) + ")"});
        wrapped(text.c_str());
        context.record_part(std::string("plan/target_check:") + a.id + ":" + std::string(to_string(check.issue)),
                            item_pixels());
    }
    ImGui::PopStyleColor();
}

// Per account: goal, revenue and wallet of Y, the target of the chosen year (revenue and
// share of wallet typed), the actual of that year, attained, and the checks of that year.
void PlanView::draw_results_table(const Context& context, const ResultsPlan& results) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const std::string& currency = portfolio.info.currency;
    std::vector<int> rows;
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const Account& a = portfolio.accounts[i];
        if (all_accounts_ || a.key || a.goal != Goal::none || !a.targets.empty()) rows.push_back(static_cast<int>(i));
    }
    if (rows.empty()) {
        ImGui::TextDisabled("%s", tr(kNoneUnderReview));
        return;
    }
    const float em = ImGui::GetFontSize();
    const std::string y = report.year ? std::to_string(*report.year) : "—";
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuter;
    if (!ImGui::BeginTable("targets", 9, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(kColAccount), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(kColGoal), 0, 6 * em);
    ImGui::TableSetupColumn(fill(tr(kColRevenueY), {y}).c_str(), 0, 5.5f * em);
    ImGui::TableSetupColumn(fill(tr(kColWallet), {y}).c_str(), 0, 5.5f * em);
    ImGui::TableSetupColumn((std::string(tr(kColTargetRevenue)) + " " + std::to_string(target_year_)).c_str(), 0, 7 * em);
    ImGui::TableSetupColumn(tr(kColTargetShare), 0, 5 * em);
    ImGui::TableSetupColumn(tr(kColActual), 0, 5.5f * em);
    ImGui::TableSetupColumn(tr(kColAttained), 0, 4.5f * em);
    ImGui::TableSetupColumn(tr(kColChecks), 0, 3 * em);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int i = rows[static_cast<std::size_t>(r)];
            const auto at = static_cast<std::size_t>(i);
            const Account& a = portfolio.accounts[at];
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableSetColumnIndex(0);
            account_link(context, i, ImGui::GetContentRegionAvail().x);
            ImGui::TableSetColumnIndex(1);
            ImGui::SetNextItemWidth(-1);
            if (ImGui::BeginCombo("##goal", goal_text(a.goal))) {
                for (Goal g : {Goal::none, Goal::retention, Goal::growth})
                    if (ImGui::Selectable(goal_text(g), g == a.goal) && g != a.goal) context.emit(SetAccountGoal{i, g});
                ImGui::EndCombo();
            }
            context.record_part("plan/goal:" + a.id, item_pixels());
            ImGui::TableSetColumnIndex(2);
            right_aligned(report.year ? format_money_short(report.revenue_of[at], currency) : std::string("—"));
            ImGui::TableSetColumnIndex(3);
            const double* wallet = report.year ? a.wallet.find(*report.year) : nullptr;
            right_aligned(wallet ? format_money_short(*wallet, currency) : std::string("—"));

            const Target* target = nullptr;
            for (const auto& [year, t] : a.targets)
                if (year == target_year_) target = &t;
            ImGui::TableSetColumnIndex(4);
            const std::string revenue_shown = target && target->revenue ? amount_for_editing(*target->revenue) : "";
            if (auto typed = fields_.line("##target_revenue", revenue_shown, -1)) {
                const ParsedAmount parsed = parse_amount(*typed);
                if (parsed.outcome == ParsedAmount::empty)
                    context.emit(set_target_value(portfolio, i, target_year_, TargetValue::revenue, std::nullopt));
                else if (parsed.outcome == ParsedAmount::number && parsed.value >= 0)
                    context.emit(set_target_value(portfolio, i, target_year_, TargetValue::revenue, parsed.value));
            }
            context.record_part("plan/target_revenue:" + a.id, item_pixels());
            ImGui::TableSetColumnIndex(5);
            const std::string share_shown =
                target && target->share_of_wallet ? percent_for_editing(*target->share_of_wallet) : "";
            if (auto typed = fields_.line("##target_share", share_shown, -1)) {
                const ParsedAmount parsed = parse_amount(*typed);
                if (parsed.outcome == ParsedAmount::empty)
                    context.emit(set_target_value(portfolio, i, target_year_, TargetValue::share_of_wallet, std::nullopt));
                else if (parsed.outcome == ParsedAmount::number && parsed.value >= 0 && parsed.value <= 100)
                    context.emit(
                        set_target_value(portfolio, i, target_year_, TargetValue::share_of_wallet, parsed.value / 100));
            }
            context.record_part("plan/target_share:" + a.id, item_pixels());

            const std::vector<TargetProgress>& progress = results.progress[at];
            const TargetProgress* p = nullptr;
            for (const TargetProgress& each : progress)
                if (each.year == target_year_) p = &each;
            ImGui::TableSetColumnIndex(6);
            right_aligned(p && p->actual_revenue ? format_money_short(*p->actual_revenue, currency) : std::string("—"));
            ImGui::TableSetColumnIndex(7);
            right_aligned(p && p->revenue_attained ? format_percent(*p->revenue_attained, 0) : std::string("—"));
            ImGui::TableSetColumnIndex(8);
            std::string issues;
            for (const TargetCheck& check : results.checks)
                if (check.account == i && check.year == target_year_)
                    issues += std::string(issues.empty() ? "" : "\n") + target_issue_text(check.issue);
            if (!issues.empty()) {
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(chart::alert()), "!");
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", issues.c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

// [SECTION] Evaluation -------------------------------------------------------------------------

void PlanView::draw_evaluation(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const ReviewPlan reviews = review_plan(portfolio, context.today());
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(kInterval));
    ImGui::SameLine();
    const std::string interval = reviews.interval_months ? std::to_string(*reviews.interval_months) : "";
    if (auto typed = fields_.line("##interval", interval, 3 * em)) {
        const ParsedAmount parsed = parse_amount(*typed);
        if (parsed.outcome == ParsedAmount::empty) context.emit(SetReviewInterval{std::nullopt});
        else if (parsed.outcome == ParsedAmount::number && parsed.value >= 1 && parsed.value <= 120 &&
                 parsed.value == static_cast<int>(parsed.value))
            context.emit(SetReviewInterval{static_cast<int>(parsed.value)});
    }
    context.record_part("plan/interval", item_pixels());
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(kMonths));
    ImGui::SameLine(0, 2 * em);
    ImGui::TextUnformatted(tr(kNext));
    ImGui::SameLine();
    const std::string next = reviews.next ? to_string(*reviews.next) : "";
    if (auto typed = fields_.line("##next", next, 6.5f * em, "JJJJ-MM-DD")) {
        if (typed->empty()) context.emit(SetNextReview{std::nullopt});
        else if (parse_date(*typed)) context.emit(SetNextReview{*typed});
    }
    context.record_part("plan/next", item_pixels());
    if (reviews.next_overdue) {
        ImGui::SameLine();
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(chart::alert()), "! %s", tr(kNextOverdue));
    }
    ImGui::SameLine(0, 2 * em);
    ImGui::TextDisabled("%s", fill(tr(kToday), {to_string(context.today())}).c_str());
    ImGui::TextUnformatted(fill(tr(kReviewSummary), {std::to_string(reviews.overdue.size()),
                                                     std::to_string(reviews.off_track.size()),
                                                     std::to_string(reviews.at_risk.size())})
                               .c_str());

    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("review_list", ImVec2(std::min(width * 0.45f, 34 * em), 0));
    draw_review_list(context, reviews);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("review_account", ImVec2(0, 0));
    if (review_account_ < 0 || review_account_ >= static_cast<int>(portfolio.accounts.size())) {
        review_account_ = reviews.order.empty() ? -1 : reviews.order.front();
    }
    if (review_account_ < 0) {
        ImGui::TextDisabled("%s", tr(kPickReview));
    } else {
        const Account& a = portfolio.accounts[static_cast<std::size_t>(review_account_)];
        ImGui::PushID(review_account_);
        account_link(context, review_account_, ImGui::GetContentRegionAvail().x);
        const float timeline_height = std::max(8 * ImGui::GetTextLineHeight(), ImGui::GetContentRegionAvail().y * 0.42f);
        draw_timeline(a, portfolio.info.currency, ImVec2(ImGui::GetContentRegionAvail().x, timeline_height));
        draw_evaluations(context, "plan", review_account_, fields_);
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// The reviewed accounts in the order of attention: status, last review, due date.
void PlanView::draw_review_list(const Context& context, const ReviewPlan& reviews) {
    const Portfolio& portfolio = context.portfolio();
    if (reviews.order.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", tr(kNoReviewed));
        ImGui::PopTextWrapPos();
        return;
    }
    const float em = ImGui::GetFontSize();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("reviews", 4, flags)) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(tr(kColAccount), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(kColStatus), 0, 5.5f * em);
    ImGui::TableSetupColumn(tr(kColLast), 0, 5.5f * em);
    ImGui::TableSetupColumn(tr(kColDue), 0, 7.5f * em);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(reviews.order.size()));
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            const int i = reviews.order[static_cast<std::size_t>(r)];
            const Account& a = portfolio.accounts[static_cast<std::size_t>(i)];
            const AccountReview& review = reviews.of[static_cast<std::size_t>(i)];
            ImGui::TableNextRow();
            ImGui::PushID(i);
            ImGui::TableSetColumnIndex(0);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##row", review_account_ == i, ImGuiSelectableFlags_SpanAllColumns)) review_account_ = i;
            context.record_part("plan/review:" + a.id, item_pixels());
            chart::text(ImGui::GetWindowDrawList(), at, chart::ink(), a.name, ImGui::GetColumnWidth());
            if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetTooltip("%s", a.name.c_str());
            ImGui::TableSetColumnIndex(1);
            if (review.status != EvalStatus::none) {
                const ImVec2 min = ImGui::GetCursorScreenPos();
                const ImVec2 max(min.x + ImGui::GetColumnWidth(), min.y + ImGui::GetTextLineHeight());
                const ImU32 colour = eval_status_colour(review.status);
                ImGui::GetWindowDrawList()->AddRectFilled(min, max, colour, 3.0f);
                chart::text_centred(ImGui::GetWindowDrawList(), min, max, chart::ink_on(colour),
                                    eval_status_text(review.status));
            }
            ImGui::Dummy(ImVec2(1, ImGui::GetTextLineHeight()));
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(review.last ? to_string(*review.last).c_str() : tr(kNeverReviewed));
            ImGui::TableSetColumnIndex(3);
            if (review.overdue) {
                const std::string text = review.due ? fill(tr(kOverdueDays), {std::to_string(review.days_overdue)})
                                                    : std::string(tr(kNextOverdue));
                ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(chart::alert()), "! %s", text.c_str());
                if (ImGui::IsItemHovered() && review.due) ImGui::SetTooltip("%s", to_string(*review.due).c_str());
            } else {
                ImGui::TextUnformatted(date_text(review.due).c_str());
            }
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace kc::ui
