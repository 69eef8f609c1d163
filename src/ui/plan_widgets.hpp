// Pieces the Plan and Account views share: text fields over values of the model that hand
// back what was typed when the user leaves them, the names of the plan's values in both
// languages, the colours of attitudes and review statuses, the dated evaluations of an
// account (list, add, edit, remove) and its timeline. No figure is computed here: they
// come from core/plan.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/model.hpp"
#include "core/plan.hpp"
#include "imgui.h"
#include "view.hpp"

namespace kc::ui {

// Text fields whose edit goes out once, when the user leaves the field after typing
// (Enter, Tab or a click elsewhere), so one change is one undo step. One field is typed
// in at a time: its text lives here while it has the focus.
class TextFields {
public:
    // A one-line field showing `shown`; the text typed, once the field is left.
    std::optional<std::string> line(const char* id, const std::string& shown, float width, const char* hint = nullptr);
    // A field of several lines (Enter starts a new line).
    std::optional<std::string> lines(const char* id, const std::string& shown, ImVec2 size);
    // Gives the field `id` the keyboard focus in the next frame it is drawn.
    void focus(const char* id) {
        focus_ = ImGui::GetID(id);
        focus_tries_ = 10;
    }

private:
    std::optional<std::string> field(const char* id, const std::string& shown, bool multiline, ImVec2 size,
                                     const char* hint);
    ImGuiID active_ = 0;          // the field being typed in
    std::vector<char> buffer_;    // its text
    ImGuiID focus_ = 0;
    int focus_tries_ = 0;
};

// [SECTION] names of the plan's values, in the UI language ----------------------------

const char* goal_text(Goal goal);               // "—" for none
const char* role_text(BuyingRole role);         // "no role" for none
const char* attitude_text(Attitude attitude);   // "unknown" for none
const char* eval_status_text(EvalStatus status);   // "no status" for none
const char* org_level_text(OrgLevel level);
const char* org_form_text(OrgForm form);
const char* org_basis_text(OrgBasis basis);
const char* step_text(CoreStepId step);
const char* step_id(CoreStepId step);           // "choice" … for part names
const char* choice_check_text(std::string_view name);   // the standard checks' words; else the name itself
const char* target_issue_text(TargetIssue issue);
std::string date_text(const std::optional<Date>& date);   // "—" when none

// [SECTION] colours (colour-blind safe, always with a word beside them) ----------------

ImU32 attitude_colour(Attitude attitude);
ImU32 eval_status_colour(EvalStatus status);

// [SECTION] shared parts ------------------------------------------------------------------

// The last item's rectangle, for context.record_part.
PixelRect item_pixels();
// The account's name with its id, for lists and combos.
std::string account_label(const Account& account);

// A searchable list of the accounts: a combo whose popup has a filter field. Returns the
// account chosen this frame. Parts: "<prefix>/choose", "<prefix>/filter",
// "<prefix>/option:<id>".
std::optional<int> account_combo(const Context& context, const char* prefix, int current, float width,
                                 char (&filter)[128]);

// The account's evaluations, newest first: date, status, note, each editable; a row to add
// one (dated today). Parts under "<prefix>/": "eval_add", "eval_date:<i>", "eval_status:<i>".
void draw_evaluations(const Context& context, const char* prefix, int account, TextFields& fields);

// Revenue (bars), share of wallet (a line) and the review statuses per year, with the
// targets marked, in a box of `size`.
void draw_timeline(const Account& account, const std::string& currency, ImVec2 size);

}  // namespace kc::ui
