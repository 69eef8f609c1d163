// The shared pieces of plan_widgets.hpp.
#include "plan_widgets.hpp"

#include <algorithm>
#include <cstring>

#include "chart.hpp"
#include "text_match.hpp"

namespace kc::ui {
namespace {

constexpr ImU32 rgb(unsigned hex) { return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF); }

constexpr Bilingual kNoGoal("—", "—");
constexpr Bilingual kRetention("behoud", "retention");
constexpr Bilingual kGrowth("groei", "growth");
constexpr Bilingual kNoRole("geen rol", "no role");
constexpr Bilingual kInitiator("initiatiefnemer", "initiator");
constexpr Bilingual kUser("gebruiker", "user");
constexpr Bilingual kInfluencer("beïnvloeder", "influencer");
constexpr Bilingual kDecider("beslisser", "decider");
constexpr Bilingual kBuyer("inkoper", "buyer");
constexpr Bilingual kGatekeeper("poortwachter", "gatekeeper");
constexpr Bilingual kUnknownAttitude("onbekend", "unknown");
constexpr Bilingual kSupporter("voorstander", "supporter");
constexpr Bilingual kNeutral("neutraal", "neutral");
constexpr Bilingual kOpponent("tegenstander", "opponent");
constexpr Bilingual kNoStatus("geen status", "no status");
constexpr Bilingual kOnTrack("op koers", "on track");
constexpr Bilingual kAtRisk("risico", "at risk");
constexpr Bilingual kOffTrack("uit koers", "off track");
constexpr Bilingual kNotSet("niet gekozen", "not chosen");
constexpr Bilingual kStaff("staf", "staff");
constexpr Bilingual kLine("lijn", "line");
constexpr Bilingual kDecentral("decentraal", "decentral");
constexpr Bilingual kCentral("centraal", "central");
constexpr Bilingual kDedicated("eigen eenheid", "dedicated");
constexpr Bilingual kProduct("product (P)", "product (P)");
constexpr Bilingual kMarket("markt (M)", "market (M)");
constexpr Bilingual kGeography("gebied (G)", "geography (G)");
constexpr Bilingual kChoice("Keuze", "Choice");
constexpr Bilingual kOrganisation("Organisatie", "Organisation");
constexpr Bilingual kResults("Resultaten", "Results");
constexpr Bilingual kEvaluation("Evaluatie", "Evaluation");
constexpr Bilingual kFitsStrategy("Accountmanagement past in onze strategie", "Account management fits our strategy");
constexpr Bilingual kInternalSupport("Er is intern draagvlak", "There is internal support");
constexpr Bilingual kLongTerm("We zijn bereid voor de lange termijn samen te werken",
                              "We are ready to work with customers for the long term");
constexpr Bilingual kAboveWallet("target boven de wallet (share of wallet > 100%)",
                                 "target above the wallet (share of wallet > 100%)");
constexpr Bilingual kGrowthNotAbove("groeidoel, maar target niet boven de huidige waarde",
                                    "growth goal, but the target is not above the current value");
constexpr Bilingual kRetentionBelow("behouddoel, maar target onder de huidige omzet",
                                    "retention goal, but the target is below the current revenue");
constexpr Bilingual kGoalWithoutTarget("doel zonder target voor het komende jaar",
                                       "goal without a target for the coming year");

constexpr Bilingual kFilter("Zoeken…", "Search…");
constexpr Bilingual kNoMatch("Geen account gevonden.", "No account found.");
constexpr Bilingual kDate("Datum", "Date");
constexpr Bilingual kStatus("Status", "Status");
constexpr Bilingual kNote("Notitie", "Note");
constexpr Bilingual kAddEvaluation("+ Evaluatie van vandaag", "+ Evaluation dated today");
constexpr Bilingual kRemove("Verwijderen", "Remove");
constexpr Bilingual kBadDate("Geen datum (JJJJ-MM-DD).", "Not a date (YYYY-MM-DD).");
constexpr Bilingual kNoEvaluations("Nog geen evaluaties.", "No evaluations yet.");
constexpr Bilingual kTimelineEmpty("Geen omzet, wallet, target of evaluatie om te tonen.",
                                   "No revenue, wallet, target or evaluation to show.");
constexpr Bilingual kLegendRevenue("omzet", "revenue");
constexpr Bilingual kLegendTarget("target", "target");
constexpr Bilingual kLegendShare("share of wallet", "share of wallet");

}  // namespace

// [SECTION] text fields ---------------------------------------------------------------------

std::optional<std::string> TextFields::line(const char* id, const std::string& shown, float width, const char* hint) {
    ImGui::SetNextItemWidth(width);
    return field(id, shown, false, ImVec2(width, 0), hint);
}

std::optional<std::string> TextFields::lines(const char* id, const std::string& shown, ImVec2 size) {
    return field(id, shown, true, size, nullptr);
}

std::optional<std::string> TextFields::field(const char* id, const std::string& shown, bool multiline, ImVec2 size,
                                             const char* hint) {
    const ImGuiID widget = ImGui::GetID(id);
    const bool mine = active_ == widget;
    // Room for what is there and a good deal more typing; notes are short texts.
    const std::size_t room = std::max<std::size_t>(shown.size() + 4096, 8192);
    std::vector<char> scratch;
    if (!mine) {
        scratch.assign(room, '\0');
        std::memcpy(scratch.data(), shown.data(), shown.size());
    } else if (buffer_.size() < room) {
        buffer_.resize(room, '\0');
    }
    std::vector<char>& buffer = mine ? buffer_ : scratch;
    // The focus is asked for until the field has it: a row just added may be laid out a
    // frame late, and a request on a frame the item is not focusable is dropped.
    const bool wants_focus = focus_ == widget && focus_tries_-- > 0;
    if (wants_focus) ImGui::SetKeyboardFocusHere();
    if (multiline) ImGui::InputTextMultiline(id, buffer.data(), buffer.size(), size);
    else if (hint) ImGui::InputTextWithHint(id, hint, buffer.data(), buffer.size());
    else ImGui::InputText(id, buffer.data(), buffer.size());
    if (focus_ == widget && (ImGui::IsItemActive() || focus_tries_ <= 0)) focus_ = 0;
    if (ImGui::IsItemActivated() && !mine) {
        active_ = widget;
        buffer_ = scratch;
    }
    if (!ImGui::IsItemDeactivated()) return std::nullopt;
    const bool edited = ImGui::IsItemDeactivatedAfterEdit();
    std::string text(buffer.data());
    if (active_ == widget) active_ = 0;
    if (!edited || text == shown) return std::nullopt;
    return text;
}

// [SECTION] names ------------------------------------------------------------------------------

const char* goal_text(Goal goal) {
    switch (goal) {
        case Goal::retention: return tr(kRetention);
        case Goal::growth: return tr(kGrowth);
        case Goal::none: break;
    }
    return tr(kNoGoal);
}

const char* role_text(BuyingRole role) {
    switch (role) {
        case BuyingRole::initiator: return tr(kInitiator);
        case BuyingRole::user: return tr(kUser);
        case BuyingRole::influencer: return tr(kInfluencer);
        case BuyingRole::decider: return tr(kDecider);
        case BuyingRole::buyer: return tr(kBuyer);
        case BuyingRole::gatekeeper: return tr(kGatekeeper);
        case BuyingRole::none: break;
    }
    return tr(kNoRole);
}

const char* attitude_text(Attitude attitude) {
    switch (attitude) {
        case Attitude::supporter: return tr(kSupporter);
        case Attitude::neutral: return tr(kNeutral);
        case Attitude::opponent: return tr(kOpponent);
        case Attitude::none: break;
    }
    return tr(kUnknownAttitude);
}

const char* eval_status_text(EvalStatus status) {
    switch (status) {
        case EvalStatus::on_track: return tr(kOnTrack);
        case EvalStatus::at_risk: return tr(kAtRisk);
        case EvalStatus::off_track: return tr(kOffTrack);
        case EvalStatus::none: break;
    }
    return tr(kNoStatus);
}

const char* org_level_text(OrgLevel level) {
    switch (level) {
        case OrgLevel::staff: return tr(kStaff);
        case OrgLevel::line: return tr(kLine);
        case OrgLevel::none: break;
    }
    return tr(kNotSet);
}

const char* org_form_text(OrgForm form) {
    switch (form) {
        case OrgForm::decentral: return tr(kDecentral);
        case OrgForm::central: return tr(kCentral);
        case OrgForm::dedicated: return tr(kDedicated);
        case OrgForm::none: break;
    }
    return tr(kNotSet);
}

const char* org_basis_text(OrgBasis basis) {
    switch (basis) {
        case OrgBasis::product: return tr(kProduct);
        case OrgBasis::market: return tr(kMarket);
        case OrgBasis::geography: return tr(kGeography);
        case OrgBasis::none: break;
    }
    return tr(kNotSet);
}

const char* step_text(CoreStepId step) {
    switch (step) {
        case CoreStepId::choice: return tr(kChoice);
        case CoreStepId::organisation: return tr(kOrganisation);
        case CoreStepId::results: return tr(kResults);
        case CoreStepId::evaluation: return tr(kEvaluation);
    }
    return "";
}

const char* step_id(CoreStepId step) {
    switch (step) {
        case CoreStepId::choice: return "choice";
        case CoreStepId::organisation: return "organisation";
        case CoreStepId::results: return "results";
        case CoreStepId::evaluation: return "evaluation";
    }
    return "";
}

const char* choice_check_text(std::string_view name) {
    if (name == "fits_strategy") return tr(kFitsStrategy);
    if (name == "internal_support") return tr(kInternalSupport);
    if (name == "long_term") return tr(kLongTerm);
    return nullptr;
}

const char* target_issue_text(TargetIssue issue) {
    switch (issue) {
        case TargetIssue::above_wallet: return tr(kAboveWallet);
        case TargetIssue::growth_not_above_current: return tr(kGrowthNotAbove);
        case TargetIssue::retention_below_current: return tr(kRetentionBelow);
        case TargetIssue::goal_without_target: return tr(kGoalWithoutTarget);
    }
    return "";
}

std::string date_text(const std::optional<Date>& date) { return date ? to_string(*date) : std::string("—"); }

// [SECTION] colours ----------------------------------------------------------------------------
// Okabe & Ito: blue for support, vermillion for opposition, grey for neutral; never red
// against green, and the word is always written beside or inside.

ImU32 attitude_colour(Attitude attitude) {
    switch (attitude) {
        case Attitude::supporter: return rgb(0x56B4E9);
        case Attitude::neutral: return rgb(0xD9D9D9);
        case Attitude::opponent: return rgb(0xE69F00);
        case Attitude::none: break;
    }
    return rgb(0xFFFFFF);
}

ImU32 eval_status_colour(EvalStatus status) {
    switch (status) {
        case EvalStatus::on_track: return rgb(0x0072B2);
        case EvalStatus::at_risk: return rgb(0xE69F00);
        case EvalStatus::off_track: return rgb(0xD55E00);
        case EvalStatus::none: break;
    }
    return rgb(0xBDBDBD);
}

// [SECTION] shared parts --------------------------------------------------------------------------

PixelRect item_pixels() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x, max.y};
}

std::string account_label(const Account& account) {
    return account.name.empty() ? account.id : account.name + "  (" + account.id + ")";
}

std::optional<int> account_combo(const Context& context, const char* prefix, int current, float width,
                                 char (&filter)[128]) {
    const Portfolio& portfolio = context.portfolio();
    const std::string preview = current >= 0 && current < static_cast<int>(portfolio.accounts.size())
                                    ? account_label(portfolio.accounts[static_cast<std::size_t>(current)])
                                    : std::string("—");
    const std::string p(prefix);
    std::optional<int> chosen;
    ImGui::SetNextItemWidth(width);
    const bool open = ImGui::BeginCombo("##account", preview.c_str(), ImGuiComboFlags_HeightLarge);
    context.record_part(p + "/choose", item_pixels());
    if (!open) return chosen;
    // The filter takes the keyboard as the list opens (asked until it has it: the first
    // frame of a popup only measures it).
    static int focus_frames = 0;
    if (ImGui::IsWindowAppearing()) {
        filter[0] = '\0';
        focus_frames = 10;
    }
    if (focus_frames > 0) {
        --focus_frames;
        ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    ImGui::InputTextWithHint("##filter", tr(kFilter), filter, sizeof filter);
    if (ImGui::IsItemActive()) focus_frames = 0;
    context.record_part(p + "/filter", item_pixels());
    const std::string needle = fold_case(filter);
    std::string scratch;
    const auto matches = [&](const Account& a) {
        return contains_folded(a.name, needle, scratch) || contains_folded(a.id, needle, scratch);
    };
    int shown = 0;
    for (std::size_t i = 0; i < portfolio.accounts.size() && shown < 500; ++i) {
        const Account& a = portfolio.accounts[i];
        if (!matches(a)) continue;
        ++shown;
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(account_label(a).c_str(), static_cast<int>(i) == current)) chosen = static_cast<int>(i);
        context.record_part(p + "/option:" + a.id, item_pixels());
        ImGui::PopID();
    }
    if (shown == 0) ImGui::TextDisabled("%s", tr(kNoMatch));
    // Enter takes the first match, as in a search box.
    if (shown > 0 && ImGui::IsKeyPressed(ImGuiKey_Enter, false)) {
        for (std::size_t i = 0; i < portfolio.accounts.size(); ++i)
            if (matches(portfolio.accounts[i])) {
                chosen = static_cast<int>(i);
                break;
            }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndCombo();
    return chosen;
}

void draw_evaluations(const Context& context, const char* prefix, int account, TextFields& fields) {
    const Account& a = context.portfolio().accounts[static_cast<std::size_t>(account)];
    const std::string p(prefix);
    const float em = ImGui::GetFontSize();
    if (ImGui::Button(tr(kAddEvaluation))) {
        Evaluation evaluation;
        evaluation.date = to_string(context.today());
        context.emit(AddEvaluation{account, evaluation_index_for(a, evaluation.date), std::move(evaluation)});
    }
    context.record_part(p + "/eval_add", item_pixels());
    if (a.evaluations.empty()) {
        ImGui::TextDisabled("%s", tr(kNoEvaluations));
        return;
    }
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("evaluations", 4, flags)) return;
    ImGui::TableSetupColumn(tr(kDate), 0, 6.5f * em);
    ImGui::TableSetupColumn(tr(kStatus), 0, 7 * em);
    ImGui::TableSetupColumn(tr(kNote), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("", 0, 1.6f * em);
    ImGui::TableHeadersRow();
    for (int e = static_cast<int>(a.evaluations.size()) - 1; e >= 0; --e) {   // newest first
        const Evaluation& evaluation = a.evaluations[static_cast<std::size_t>(e)];
        ImGui::TableNextRow();
        ImGui::PushID(e);
        ImGui::TableSetColumnIndex(0);
        if (auto typed = fields.line("##date", evaluation.date, -1)) {
            if (parse_date(*typed)) {
                Evaluation changed = evaluation;
                changed.date = *typed;
                context.emit(SetEvaluation{account, e, std::move(changed)});
            }
        }
        if (!parse_date(evaluation.date)) ImGui::SetItemTooltip("%s", tr(kBadDate));
        context.record_part(p + "/eval_date:" + std::to_string(e), item_pixels());
        ImGui::TableSetColumnIndex(1);
        ImGui::SetNextItemWidth(-1);
        ImGui::PushStyleColor(ImGuiCol_Text, chart::ink());
        if (ImGui::BeginCombo("##status", eval_status_text(evaluation.status))) {
            for (EvalStatus s : {EvalStatus::none, EvalStatus::on_track, EvalStatus::at_risk, EvalStatus::off_track}) {
                if (ImGui::Selectable(eval_status_text(s), s == evaluation.status) && s != evaluation.status) {
                    Evaluation changed = evaluation;
                    changed.status = s;
                    context.emit(SetEvaluation{account, e, std::move(changed)});
                }
            }
            ImGui::EndCombo();
        }
        ImGui::PopStyleColor();
        context.record_part(p + "/eval_status:" + std::to_string(e), item_pixels());
        // A stripe in the status colour at the left of the combo (the word says it too).
        const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
        ImGui::GetWindowDrawList()->AddRectFilled(min, ImVec2(min.x + 4, max.y), eval_status_colour(evaluation.status));
        ImGui::TableSetColumnIndex(2);
        if (auto typed = fields.line("##note", evaluation.note.value_or(""), -1)) {
            Evaluation changed = evaluation;
            if (typed->empty()) changed.note.reset();
            else changed.note = *typed;
            context.emit(SetEvaluation{account, e, std::move(changed)});
        }
        ImGui::TableSetColumnIndex(3);
        if (ImGui::SmallButton("×")) context.emit(RemoveEvaluation{account, e});
        ImGui::SetItemTooltip("%s", tr(kRemove));
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_timeline(const Account& account, const std::string& currency, ImVec2 size) {
    const std::vector<TimelineYear> years = account_timeline(account);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (years.empty()) {
        ImGui::SetCursorScreenPos(origin);
        ImGui::TextDisabled("%s", tr(kTimelineEmpty));
        ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
        return;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    // Legend on top, year labels and status marks below, bars between.
    float x = origin.x;
    const auto legend = [&](ImU32 colour, const char* text, bool dot) {
        if (dot) draw->AddCircleFilled(ImVec2(x + 4, origin.y + line / 2), 4, colour);
        else draw->AddRectFilled(ImVec2(x, origin.y + 2), ImVec2(x + 8, origin.y + line - 2), colour);
        x += 12 + chart::text(draw, ImVec2(x + 12, origin.y), chart::ink(), text, origin.x + size.x - x - 12) + em;
    };
    legend(chart::layer_colour(Layer::large), tr(kLegendRevenue), false);
    legend(chart::ink(), tr(kLegendTarget), false);
    legend(chart::accent(), tr(kLegendShare), true);
    const float top = origin.y + line + 4;
    const float bottom = origin.y + size.y - 2 * line - 4;
    if (bottom - top < 2 * line) return;
    double most = 0;
    for (const TimelineYear& y : years)
        most = std::max({most, y.revenue.value_or(0), y.target_revenue.value_or(0)});
    const float column = size.x / static_cast<float>(years.size());
    const float bar = std::min(column * 0.5f, 3 * em);
    std::optional<ImVec2> last_share;
    for (std::size_t i = 0; i < years.size(); ++i) {
        const TimelineYear& y = years[i];
        const float mid = origin.x + column * (static_cast<float>(i) + 0.5f);
        const auto at = [&](double value) {
            return bottom - static_cast<float>(most > 0 ? value / most : 0) * (bottom - top - line);
        };
        if (y.revenue) {
            const ImVec2 min(mid - bar / 2, at(*y.revenue)), max(mid + bar / 2, bottom);
            draw->AddRectFilled(min, max, chart::layer_colour(Layer::large));
            chart::text_centred(draw, ImVec2(mid - column / 2, min.y - line), ImVec2(mid + column / 2, min.y),
                                chart::ink(), format_money_short(*y.revenue, currency));
            if (chart::hovered(min, max))
                chart::tooltip({std::to_string(y.year), format_money(*y.revenue, currency, 0),
                                y.wallet ? "wallet " + format_money(*y.wallet, currency, 0) : std::string()});
        }
        if (y.target_revenue) {
            const float ty = at(*y.target_revenue);
            draw->AddLine(ImVec2(mid - bar / 2 - 4, ty), ImVec2(mid + bar / 2 + 4, ty), chart::ink(), 2.0f);
        }
        if (y.share_of_wallet) {
            const ImVec2 point(mid, bottom - static_cast<float>(std::clamp(*y.share_of_wallet, 0.0, 1.0)) *
                                                 (bottom - top - line));
            if (last_share) draw->AddLine(*last_share, point, chart::accent(), 2.0f);
            draw->AddCircleFilled(point, 4, chart::accent());
            last_share = point;
        }
        draw->AddLine(ImVec2(mid - column / 2 + 2, bottom), ImVec2(mid + column / 2 - 2, bottom), chart::grid_colour());
        chart::text_centred(draw, ImVec2(mid - column / 2, bottom + 2), ImVec2(mid + column / 2, bottom + 2 + line),
                            chart::ink(), std::to_string(y.year));
        if (y.status != EvalStatus::none) {
            const ImVec2 min(mid - column / 2 + 2, bottom + line + 4), max(mid + column / 2 - 2, bottom + 2 * line + 4);
            draw->AddRectFilled(min, max, eval_status_colour(y.status), 3.0f);
            chart::text_centred(draw, min, max, chart::ink_on(eval_status_colour(y.status)), eval_status_text(y.status));
        }
    }
}

}  // namespace kc::ui
