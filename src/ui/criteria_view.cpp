// The criteria editor (see views.hpp): a row per criterion with its place, name, weight
// (a slider and a typed field, and its share of all weights), scale, matrix axis and how
// many accounts have a score on it; buttons to add one or start from a ready-made list;
// under the table the sensitivity of the selected criterion's weight (sensitivity.hpp).
//
// Every change is an edit on the undo path. A weight follows the slider or the typing at
// once (one undo step per drag or per field, through a merge key), so a workshop sees the
// ranking move while it drags; names and scales are taken when the field is left, since
// half-typed values of those mean nothing.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <span>

#include "chart.hpp"
#include "imgui.h"
#include "text_match.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kAdd("+ Criterium", "+ Criterion");
constexpr Bilingual kAddHint("Een nieuw criterium onderaan toevoegen.", "Add a new criterion at the bottom.");
constexpr Bilingual kNewCriterion("Nieuw criterium", "New criterion");
constexpr Bilingual kLists("Uit een lijst…", "From a list…");
constexpr Bilingual kListsHint(
    "Kant-en-klare criteria toevoegen om mee te beginnen. Criteria met dezelfde naam worden overgeslagen.",
    "Add ready-made criteria to start from. Criteria with a name already present are skipped.");
constexpr Bilingual kNoCriteria("Deze portfolio heeft nog geen criteria. Voeg er een toe of begin met een lijst.",
                                "This portfolio has no criteria yet. Add one, or start from a list.");
constexpr Bilingual kColPlace("#", "#");
constexpr Bilingual kColName("Naam", "Name");
constexpr Bilingual kColWeight("Gewicht", "Weight");
constexpr Bilingual kColShare("Aandeel", "Share");
constexpr Bilingual kColScale("Schaal", "Scale");
constexpr Bilingual kColAxis("As in de matrix", "Matrix axis");
constexpr Bilingual kColScores("Scores", "Scores");
constexpr Bilingual kShareHint("Het gewicht als deel van alle gewichten samen.",
                               "The weight as a share of all weights together.");
constexpr Bilingual kScoresHint("{} van de {} accounts hebben een score op dit criterium.",
                                "{} of the {} accounts have a score on this criterion.");
constexpr Bilingual kWeightHint("Slepen, of typen in het vak ernaast. De ranking volgt meteen.",
                                "Drag, or type in the field beside it. The ranking follows at once.");
constexpr Bilingual kScaleHint(
    "Laagste en hoogste score. Een schaal die bestaande scores buitensluit, wordt geweigerd.",
    "Lowest and highest score. A scale that would leave existing scores outside is refused.");
constexpr Bilingual kMoveUp("Omhoog", "Move up");
constexpr Bilingual kMoveDown("Omlaag", "Move down");
constexpr Bilingual kRemove("Criterium verwijderen", "Remove criterion");
constexpr Bilingual kRemoveQuestion(
    "{} verwijderen? De scores van {} accounts op dit criterium gaan mee (ongedaan maken zet ze terug).",
    "Remove {}? The scores of {} accounts on this criterion go with it (Undo brings them back).");
constexpr Bilingual kRemoveYes("Verwijderen", "Remove");
constexpr Bilingual kCancel("Annuleren", "Cancel");
constexpr Bilingual kAxisNames[] = {{"Geen", "None"}, {"Aantrekkelijkheid", "Attractiveness"}, {"Positie", "Position"}};

constexpr Bilingual kSensitivityTitle("Gevoeligheid van het gewicht van {}", "Sensitivity of the weight of {}");
constexpr Bilingual kNoTop("Geen account heeft een gewogen index: er is nog geen top om te vergelijken.",
                           "No account has a weighted index: there is no top to compare yet.");
constexpr Bilingual kStableBoth(
    "De top {} van de klantwaardering blijft gelijk zolang het gewicht tussen {} en {} ligt (nu {}).",
    "The top {} of the customer rating stays the same while the weight stays between {} and {} (now {}).");
constexpr Bilingual kStableUp("De top {} van de klantwaardering blijft gelijk bij elk gewicht vanaf {} (nu {}).",
                              "The top {} of the customer rating stays the same at any weight from {} up (now {}).");
constexpr Bilingual kStableDown("De top {} van de klantwaardering blijft gelijk bij elk gewicht tot {} (nu {}).",
                                "The top {} of the customer rating stays the same at any weight up to {} (now {}).");
constexpr Bilingual kStableAll(
    "De top {} van de klantwaardering verandert bij geen enkel gewicht van dit criterium (nu {}).",
    "The top {} of the customer rating changes at no weight of this criterion (now {}).");
constexpr Bilingual kAtWeight("bij {}", "at {}");
constexpr Bilingual kBelowWeight("onder {}", "below {}");
constexpr Bilingual kAboveWeight("boven {}", "above {}");
constexpr Bilingual kPasses("Lager, {}: {} komt vóór {}.", "Lower, {}: {} moves ahead of {}.");
constexpr Bilingual kPassesUp("Hoger, {}: {} komt vóór {}.", "Higher, {}: {} moves ahead of {}.");
constexpr Bilingual kLoses("Lager, {}: {} verliest zijn gewogen index (zijn andere criteria wegen 0).",
                           "Lower, {}: {} loses its weighted index (its other criteria weigh 0).");
constexpr Bilingual kEnters("Hoger, {}: {} komt de top binnen.", "Higher, {}: {} enters the top.");
constexpr Bilingual kNoChangeDown("Lager: tot 0 verandert de top niet.", "Lower: down to 0 the top does not change.");
constexpr Bilingual kNoChangeUp("Hoger: de top verandert niet, hoe hoog ook.",
                                "Higher: the top does not change, however high.");
constexpr Bilingual kSelectHint("Klik op een rij om de gevoeligheid van dat criterium te zien.",
                                "Click a row to see the sensitivity of that criterion.");

// [SECTION] ready-made lists ------------------------------------------------------------

struct ReadyCriterion {
    Bilingual name;
    double weight;
    Axis axis;
};

struct ReadyList {
    Bilingual name;
    std::span<const ReadyCriterion> criteria;
};

constexpr ReadyCriterion kBasic[] = {
    {{"Omzet", "Revenue"}, 3, Axis::attractiveness},
    {{"Groeipotentieel", "Growth potential"}, 3, Axis::attractiveness},
    {{"Marge", "Margin"}, 2, Axis::attractiveness},
    {{"Strategische fit", "Strategic fit"}, 2, Axis::attractiveness},
    {{"Relatie", "Relationship"}, 2, Axis::position},
};
constexpr ReadyCriterion kBroad[] = {
    {{"Omzet", "Revenue"}, 3, Axis::attractiveness},
    {{"Groeipotentieel", "Growth potential"}, 3, Axis::attractiveness},
    {{"Marge", "Margin"}, 2, Axis::attractiveness},
    {{"Strategische fit", "Strategic fit"}, 2, Axis::attractiveness},
    {{"Relatie", "Relationship"}, 2, Axis::position},
    {{"Referentiewaarde", "Reference value"}, 1, Axis::attractiveness},
    {{"Kredietwaardigheid", "Credit-worthiness"}, 1, Axis::attractiveness},
    {{"Kosten om te bedienen (laag = hoge score)", "Cost to serve (low = high score)"}, 1, Axis::attractiveness},
};
constexpr ReadyCriterion kMatrixList[] = {
    {{"Omzetpotentieel", "Revenue potential"}, 3, Axis::attractiveness},
    {{"Groeipotentieel", "Growth potential"}, 2, Axis::attractiveness},
    {{"Marge", "Margin"}, 2, Axis::attractiveness},
    {{"Kredietwaardigheid", "Credit-worthiness"}, 1, Axis::attractiveness},
    {{"Relatie", "Relationship"}, 2, Axis::position},
    {{"Leveranciersstatus (share of wallet)", "Supplier status (share of wallet)"}, 2, Axis::position},
    {{"Imago bij de klant", "Our image with the customer"}, 1, Axis::position},
    {{"Fit met ons aanbod", "Fit with our offer"}, 1, Axis::position},
};
constexpr ReadyList kReadyLists[] = {
    {{"Basis: vijf criteria", "Basic: five criteria"}, kBasic},
    {{"Uitgebreid: acht criteria", "Broad: eight criteria"}, kBroad},
    {{"Portfoliomatrix: aantrekkelijkheid en onze positie", "Portfolio matrix: attractiveness and our position"},
     kMatrixList},
};

// [SECTION] helpers ----------------------------------------------------------------------

// Up to `decimals` decimals, without trailing zeros ("2,25", "3", "0,5").
std::string trimmed(double value, int decimals) {
    std::string text = format_number(value, decimals);
    const std::string zero = format_number(0, 1);   // "0,0" or "0.0": its second char is the mark
    const char mark = zero[1];
    if (text.find(mark) == std::string::npos) return text;
    while (!text.empty() && text.back() == '0') text.pop_back();
    if (!text.empty() && text.back() == mark) text.pop_back();
    return text;
}

int number_filter(ImGuiInputTextCallbackData* data) {
    const ImWchar c = data->EventChar;
    return ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == ' ') ? 0 : 1;
}

// A weight a file can hold, from what was typed.
std::optional<double> typed_weight(const std::string& text) {
    const ParsedAmount typed = parse_amount(text);
    if (typed.outcome != ParsedAmount::number || typed.value < 0 || typed.value > kMaxMagnitude) return std::nullopt;
    return typed.value;
}

std::optional<double> typed_number(const std::string& text) {
    const ParsedAmount typed = parse_amount(text);
    if (typed.outcome != ParsedAmount::number || std::fabs(typed.value) > kMaxMagnitude) return std::nullopt;
    return typed.value;
}

void hint(const Bilingual& text) {
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetItemTooltip("%s", tr(text));
}

PixelRect item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x, max.y};
}

const std::string& account_name(const Portfolio& portfolio, int account) {
    return portfolio.accounts[static_cast<std::size_t>(account)].name;
}

// The sentence about one side of the sensitivity.
std::string limit_text(const Portfolio& portfolio, const WeightLimit& limit, bool up) {
    if (!limit.changes) return tr(up ? kNoChangeUp : kNoChangeDown);
    const std::string at =
        fill(tr(limit.included ? (up ? kAboveWeight : kBelowWeight) : kAtWeight), {trimmed(limit.weight, 2)});
    if (limit.rising >= 0 && limit.falling >= 0)
        return fill(tr(up ? kPassesUp : kPasses),
                    {at, account_name(portfolio, limit.rising), account_name(portfolio, limit.falling)});
    if (limit.falling >= 0) return fill(tr(kLoses), {at, account_name(portfolio, limit.falling)});
    if (limit.rising >= 0) return fill(tr(kEnters), {at, account_name(portfolio, limit.rising)});
    return at;
}

}  // namespace

// [SECTION] the frame ----------------------------------------------------------------------

void CriteriaView::draw(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    // A field left without this view seeing it (its row went away) is over.
    if (!ImGui::IsAnyItemActive()) field_id_ = 0;
    // Counted over every account: not again for a dragged weight, which changes no score.
    if (scored_version_ != context.document().version_beyond_weighting()) {
        scored_.assign(portfolio.criteria.size(), 0);
        for (const Account& account : portfolio.accounts)
            for (std::size_t c = 0; c < account.scores.size() && c < scored_.size(); ++c)
                if (has_score(account.scores[c])) ++scored_[c];
        scored_version_ = context.document().version_beyond_weighting();
    }
    draw_tools(context);
    if (portfolio.criteria.empty()) {
        ImGui::TextDisabled("%s", tr(kNoCriteria));
        return;
    }
    draw_table(context);
    draw_sensitivity(context);
}

void CriteriaView::draw_tools(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    if (ImGui::Button((std::string(tr(kAdd)) + "###add").c_str())) {
        Criterion criterion;
        criterion.name = tr(kNewCriterion);
        criterion.id = free_criterion_id(portfolio, criterion.name);
        context.emit(AddCriterion{static_cast<int>(portfolio.criteria.size()), criterion, {}});
        selected_id_ = criterion.id;
        focus_name_of_ = criterion.id;
    }
    hint(kAddHint);
    context.record_part("criteria/add", item_rect());
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(kLists)) + "###lists").c_str())) ImGui::OpenPopup("ready_lists");
    hint(kListsHint);
    context.record_part("criteria/lists", item_rect());
    draw_lists_popup(context);
}

void CriteriaView::draw_lists_popup(const Context& context) {
    if (!ImGui::BeginPopup("ready_lists")) return;
    for (std::size_t l = 0; l < std::size(kReadyLists); ++l) {
        const ReadyList& list = kReadyLists[l];
        ImGui::PushID(static_cast<int>(l));
        const bool chosen = ImGui::Selectable(tr(list.name));
        context.record_part("criteria/list:" + std::to_string(l), item_rect());
        if (ImGui::BeginItemTooltip()) {
            for (const ReadyCriterion& c : list.criteria)
                ImGui::Text("%s · %s · %s", tr(c.name), trimmed(c.weight, 2).c_str(),
                            tr(kAxisNames[static_cast<int>(c.axis)]));
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        if (!chosen) continue;
        // Appended in the list's order, as one undo step; names already present are skipped.
        // The criteria as they will be after each addition: ids must stay unique.
        Portfolio future;
        future.criteria = context.portfolio().criteria;
        for (const ReadyCriterion& ready : list.criteria) {
            const std::string name = tr(ready.name);
            const bool present = std::any_of(future.criteria.begin(), future.criteria.end(), [&](const Criterion& c) {
                return fold_case(c.display_name()) == fold_case(name);
            });
            if (present) continue;
            Criterion criterion;
            criterion.name = name;
            criterion.id = free_criterion_id(future, name);
            criterion.weight = ready.weight;
            criterion.axis = ready.axis;
            context.emit(AddCriterion{static_cast<int>(future.criteria.size()), criterion, {}}, "ready-list");
            future.criteria.push_back(criterion);
        }
        context.seal();
    }
    ImGui::EndPopup();
}

// [SECTION] the table ----------------------------------------------------------------------

void CriteriaView::draw_table(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const float em = ImGui::GetFontSize();
    double total_weight = 0;
    for (const Criterion& c : portfolio.criteria) total_weight += c.weight;

    // As tall as its rows, up to what the sensitivity below leaves (then it scrolls).
    const float sensitivity_height = ImGui::GetTextLineHeightWithSpacing() * 7.5f;
    const float row_height = ImGui::GetFrameHeightWithSpacing() + 2 * ImGui::GetStyle().CellPadding.y;
    const float rows_height = row_height * static_cast<float>(portfolio.criteria.size() + 1) + 2;
    const float room =
        std::max(ImGui::GetFrameHeightWithSpacing() * 3, ImGui::GetContentRegionAvail().y - sensitivity_height);
    const float height = std::min(rows_height, room);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("criteria", 8, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    // The place, then the two arrows that move the criterion.
    ImGui::TableSetupColumn(tr(kColPlace), 0, 1.4f * em + 2 * ImGui::GetFrameHeight() + 2);
    ImGui::TableSetupColumn(tr(kColName), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr(kColWeight), 0, 14 * em);
    ImGui::TableSetupColumn(tr(kColShare), 0, 4 * em);
    ImGui::TableSetupColumn(tr(kColScale), 0, 7.5f * em);
    ImGui::TableSetupColumn(tr(kColAxis), 0, 9.5f * em);
    ImGui::TableSetupColumn(tr(kColScores), 0, 5.5f * em);
    ImGui::TableSetupColumn("", 0, 1.6f * em);
    ImGui::TableHeadersRow();
    for (int c = 0; c < static_cast<int>(portfolio.criteria.size()); ++c)
        draw_row(context, c, total_weight,
                 c < static_cast<int>(scored_.size()) ? scored_[static_cast<std::size_t>(c)] : 0);
    ImGui::EndTable();
}

void CriteriaView::draw_row(const Context& context, int c, double total_weight, int scored) {
    const Portfolio& portfolio = context.portfolio();
    const Criterion& criterion = portfolio.criteria[static_cast<std::size_t>(c)];
    const int count = static_cast<int>(portfolio.criteria.size());
    const float em = ImGui::GetFontSize();
    ImGui::TableNextRow();
    ImGui::PushID(criterion.id.c_str());

    // Place and order: the row is one selectable (it picks the criterion of the
    // sensitivity below); the arrows move it.
    ImGui::TableSetColumnIndex(0);
    const bool selected = c == selected_index(context);
    const std::string place = std::to_string(c + 1);
    ImGui::AlignTextToFramePadding();
    if (ImGui::Selectable((place + "##row").c_str(), selected,
                          ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap,
                          ImVec2(0, ImGui::GetFrameHeight())))
        selected_id_ = criterion.id;
    context.record_part("criteria/row:" + criterion.id, item_rect());
    ImGui::SameLine(1.4f * em);
    ImGui::BeginDisabled(c == 0);
    if (ImGui::ArrowButton("up", ImGuiDir_Up)) context.emit(MoveCriterion{c, c - 1});
    hint(kMoveUp);
    context.record_part("criteria/up:" + criterion.id, item_rect());
    ImGui::EndDisabled();
    ImGui::SameLine(0, 1);
    ImGui::BeginDisabled(c + 1 == count);
    if (ImGui::ArrowButton("down", ImGuiDir_Down)) context.emit(MoveCriterion{c, c + 1});
    hint(kMoveDown);
    context.record_part("criteria/down:" + criterion.id, item_rect());
    ImGui::EndDisabled();

    ImGui::TableSetColumnIndex(1);
    if (focus_name_of_ == criterion.id) {
        ImGui::SetKeyboardFocusHere();
        focus_name_of_.clear();
    }
    if (field("##name", criterion.name, -FLT_MIN, false) == FieldEvent::committed && field_text_ != criterion.name)
        context.emit(RenameCriterion{c, field_text_});
    if (ImGui::IsItemActivated()) selected_id_ = criterion.id;
    context.record_part("criteria/name:" + criterion.id, item_rect());

    ImGui::TableSetColumnIndex(2);
    draw_weight(context, c);

    ImGui::TableSetColumnIndex(3);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(total_weight > 0 ? format_percent(criterion.weight / total_weight, 1).c_str() : "—");
    hint(kShareHint);

    ImGui::TableSetColumnIndex(4);
    draw_range(context, c);

    ImGui::TableSetColumnIndex(5);
    const int axis = static_cast<int>(criterion.axis);
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##axis", tr(kAxisNames[axis]))) {
        for (Axis choice : {Axis::attractiveness, Axis::position, Axis::none})
            if (ImGui::Selectable(tr(kAxisNames[static_cast<int>(choice)]), choice == criterion.axis) &&
                choice != criterion.axis)
                context.emit(SetCriterionAxis{c, choice});
        ImGui::EndCombo();
    }
    context.record_part("criteria/axis:" + criterion.id, item_rect());

    ImGui::TableSetColumnIndex(6);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("%s / %s", format_integer(scored).c_str(),
                format_integer(static_cast<long long>(portfolio.accounts.size())).c_str());
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort))
        ImGui::SetItemTooltip(
            "%s", fill(tr(kScoresHint),
                       {format_integer(scored), format_integer(static_cast<long long>(portfolio.accounts.size()))})
                      .c_str());

    ImGui::TableSetColumnIndex(7);
    draw_remove(context, c, scored);
    ImGui::PopID();
}

// The weight: a slider for dragging (0 to 10, or further when the weight is larger) and
// a field for typing, both live, one undo step per drag or per visit of the field.
void CriteriaView::draw_weight(const Context& context, int c) {
    const Criterion& criterion = context.portfolio().criteria[static_cast<std::size_t>(c)];
    const std::string merge_key = "weight:" + criterion.id;
    const float em = ImGui::GetFontSize();
    const float field_width = 4 * em;
    ImGui::SetNextItemWidth(
        std::max(2 * em, ImGui::GetContentRegionAvail().x - field_width - ImGui::GetStyle().ItemSpacing.x));
    double value = criterion.weight;
    const double zero = 0, most = std::max(10.0, std::ceil(criterion.weight));
    // No text on the slider (the field beside it shows the number) and rounding to tenths
    // here: a dragged weight is 2.3, not 2.2987.
    if (ImGui::SliderScalar("##weight", ImGuiDataType_Double, &value, &zero, &most, "",
                            ImGuiSliderFlags_NoRoundToFormat | ImGuiSliderFlags_NoInput)) {
        const double rounded = std::round(value * 10) / 10;
        if (rounded != criterion.weight) context.emit(SetCriterionWeight{c, rounded}, merge_key);
    }
    if (ImGui::IsItemActivated()) selected_id_ = criterion.id;
    if (ImGui::IsItemDeactivated()) context.seal();
    hint(kWeightHint);
    context.record_part("criteria/weight:" + criterion.id, item_rect());

    ImGui::SameLine();
    switch (field("##weight_value", amount_for_editing(criterion.weight), field_width, true)) {
        case FieldEvent::typed:
            if (const std::optional<double> typed = typed_weight(field_text_); typed && *typed != criterion.weight)
                context.emit(SetCriterionWeight{c, *typed}, merge_key);
            break;
        case FieldEvent::committed: context.seal(); break;
        case FieldEvent::none: break;
    }
    if (ImGui::IsItemActivated()) selected_id_ = criterion.id;
    context.record_part("criteria/weight_value:" + criterion.id, item_rect());
}

// The scale: min and max, taken when a field is left (a half-typed bound would strand
// scores and be refused).
void CriteriaView::draw_range(const Context& context, int c) {
    const Criterion& criterion = context.portfolio().criteria[static_cast<std::size_t>(c)];
    const float em = ImGui::GetFontSize();
    const float width = 2.8f * em;
    if (field("##min", amount_for_editing(criterion.min), width, true) == FieldEvent::committed)
        if (const std::optional<double> min = typed_number(field_text_); min && *min != criterion.min)
            context.emit(SetCriterionRange{c, *min, criterion.max});
    hint(kScaleHint);
    ImGui::SameLine(0, 0.3f * em);
    ImGui::TextUnformatted("–");
    ImGui::SameLine(0, 0.3f * em);
    if (field("##max", amount_for_editing(criterion.max), width, true) == FieldEvent::committed)
        if (const std::optional<double> max = typed_number(field_text_); max && *max != criterion.max)
            context.emit(SetCriterionRange{c, criterion.min, *max});
    hint(kScaleHint);
}

void CriteriaView::draw_remove(const Context& context, int c, int scored) {
    const Criterion& criterion = context.portfolio().criteria[static_cast<std::size_t>(c)];
    if (ImGui::SmallButton("×")) {
        // Scores are work: ask first. Without any, undo is enough of a safety net.
        if (scored > 0) ImGui::OpenPopup("remove");
        else context.emit(RemoveCriterion{c});
    }
    hint(kRemove);
    context.record_part("criteria/remove:" + criterion.id, item_rect());
    if (!ImGui::BeginPopup("remove")) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 26);
    ImGui::TextUnformatted(fill(tr(kRemoveQuestion), {criterion.display_name(), format_integer(scored)}).c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr(kRemoveYes))) {
        context.emit(RemoveCriterion{c});
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(tr(kCancel))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// A text field over a value of the model. It shows the model's text until it gets the
// focus; from then on it shows what is typed (kept here, as ImGui writes into the
// caller's buffer only on a change) until the focus leaves. `typed`: the text changed
// this frame; `committed`: the field was left (Enter, Tab, a click elsewhere) after a
// change. Either way field_text_ holds the text. Escape puts the original text back.
CriteriaView::FieldEvent CriteriaView::field(const char* id, const std::string& shown, float width, bool numeric) {
    const ImGuiID widget = ImGui::GetID(id);
    char scratch[sizeof field_buffer_];
    const bool mine = field_id_ == widget;
    char* buffer = mine ? field_buffer_ : scratch;
    if (!mine) std::snprintf(scratch, sizeof scratch, "%s", shown.c_str());
    ImGui::SetNextItemWidth(width);
    const ImGuiInputTextFlags flags =
        ImGuiInputTextFlags_AutoSelectAll | (numeric ? ImGuiInputTextFlags_CallbackCharFilter : 0);
    const bool changed = ImGui::InputText(id, buffer, sizeof field_buffer_, flags, numeric ? number_filter : nullptr);
    if (ImGui::IsItemActivated() && !mine) {
        field_id_ = widget;
        std::snprintf(field_buffer_, sizeof field_buffer_, "%s", scratch);
    }
    field_text_ = buffer;
    if (ImGui::IsItemDeactivated()) {
        const bool edited = ImGui::IsItemDeactivatedAfterEdit();
        if (field_id_ == widget) field_id_ = 0;
        return edited ? FieldEvent::committed : FieldEvent::none;
    }
    return changed ? FieldEvent::typed : FieldEvent::none;
}

// [SECTION] sensitivity --------------------------------------------------------------------

int CriteriaView::selected_index(const Context& context) const {
    const int found = context.portfolio().criterion_index(selected_id_);
    return found >= 0 ? found : 0;
}

const WeightSensitivity& CriteriaView::sensitivity(const Context& context, int criterion) {
    // 100,000 accounts take some 20 ms: once per version and criterion, not per frame. While
    // a weight is being dragged (every step a new version) the figures of the drag's start
    // stay, and follow once it is let go.
    const bool same_criterion = sensitivity_ && sensitivity_->criterion == criterion;
    const bool dragging = same_criterion && ImGui::IsAnyItemActive() && ImGui::IsMouseDown(ImGuiMouseButton_Left);
    if (!same_criterion || (sensitivity_version_ != context.version() && !dragging)) {
        sensitivity_ = weight_sensitivity(context.portfolio(), context.report(), criterion);
        sensitivity_version_ = context.version();
    }
    return *sensitivity_;
}

void CriteriaView::draw_sensitivity(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const int c = selected_index(context);
    const Criterion& criterion = portfolio.criteria[static_cast<std::size_t>(c)];
    const WeightSensitivity& s = sensitivity(context, c);
    ImGui::Spacing();
    ImGui::SeparatorText(fill(tr(kSensitivityTitle), {criterion.display_name()}).c_str());
    ImGui::PushTextWrapPos(0);
    if (s.top == 0) {
        ImGui::TextDisabled("%s", tr(kNoTop));
        ImGui::PopTextWrapPos();
        return;
    }
    const std::string top = std::to_string(s.top), now = trimmed(s.weight, 2);
    const std::string low = trimmed(s.down.weight, 2), high = trimmed(s.up.weight, 2);
    std::string summary;
    if (s.down.changes && s.up.changes) summary = fill(tr(kStableBoth), {top, low, high, now});
    else if (s.down.changes) summary = fill(tr(kStableUp), {top, low, now});
    else if (s.up.changes) summary = fill(tr(kStableDown), {top, high, now});
    else summary = fill(tr(kStableAll), {top, now});
    ImGui::TextUnformatted(summary.c_str());
    ImGui::PopTextWrapPos();

    // The weights as a line: the range that keeps the top in blue, the weight now marked.
    const float em = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::min(ImGui::GetContentRegionAvail().x, 40 * em);
    const double end = std::max(
        {1.0, s.weight * 2, s.up.changes ? s.up.weight * 1.25 : 0.0, s.down.changes ? s.down.weight * 1.25 : 0.0});
    auto x_of = [&](double w) { return origin.x + static_cast<float>(std::clamp(w / end, 0.0, 1.0)) * (width - 1); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float y = origin.y + 0.6f * em;
    draw->AddLine(ImVec2(origin.x, y), ImVec2(origin.x + width, y), chart::grid_colour(), 2);
    const float band_from = x_of(s.down.changes ? s.down.weight : 0),
                band_to = s.up.changes ? x_of(s.up.weight) : origin.x + width;
    draw->AddRectFilled(ImVec2(band_from, y - 0.3f * em), ImVec2(band_to, y + 0.3f * em), chart::accent(), 2);
    const float now_x = x_of(s.weight);
    draw->AddTriangleFilled(ImVec2(now_x, y - 0.35f * em), ImVec2(now_x - 0.4f * em, y - 0.95f * em),
                            ImVec2(now_x + 0.4f * em, y - 0.95f * em), chart::ink());
    // The limits under the ends of the band, the lower one ending there, the upper one
    // starting there, so the two never meet; "0" at the start when it has room.
    const float label_y = y + 0.45f * em;
    float zero_room = width;
    if (s.down.changes) {
        const float w = chart::text_width(low);
        const float x = std::max(origin.x, band_from - w);
        chart::text(draw, ImVec2(x, label_y), chart::ink(), low, w + 1);
        zero_room = x - origin.x - 0.5f * em;
    }
    if (chart::text_width("0") <= zero_room)
        chart::text(draw, ImVec2(origin.x, label_y), chart::faint_ink(), "0", zero_room);
    if (s.up.changes) {
        const float w = chart::text_width(high);
        chart::text(draw, ImVec2(std::min(band_to, origin.x + width - w), label_y), chart::ink(), high, w + 1);
    }
    ImGui::Dummy(ImVec2(width, 2.2f * em));

    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(limit_text(portfolio, s.down, false).c_str());
    ImGui::TextUnformatted(limit_text(portfolio, s.up, true).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s", tr(kSelectHint));
}

}  // namespace kc::ui
