// Edits of the account-management plan: the CORE steps, the organisation, and per
// account the goal, targets, contacts (DMIU), team (PSU), evaluations and notes.
//
// Part of the Edit variant (edit.hpp) like every other kind: apply() checks, performs and
// hands back the inverse. Indices are positions in the file's arrays; places in refusals
// are JSON Pointers into the file as it would be saved ("/accounts/3/contacts/1/name").
//
// Inverses. A value that stands alone is given back by the same kind with the old value.
// Where an edit may create containers the file did not have (the `core` object, a step) or
// touches several places at once (renaming a team member renames its coverage), the
// inverse puts back the whole part as it was: SetCorePlan, SetOrganisation,
// SetAccountPeople. These parts are small (a few strings), and exact by construction.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "model.hpp"

namespace kc {

// [SECTION] the CORE plan ------------------------------------------------------------
// Every CORE kind's inverse is SetCorePlan with the plan as it was, so undo also removes
// a `core` or step object the edit had to create.

// `done` of a step; nullopt removes the key.
struct SetCoreStepDone {
    CoreStepId step = CoreStepId::choice;
    std::optional<bool> done;
};

// `notes` of a step; nullopt removes the key ("" is kept as an empty note).
struct SetCoreStepNotes {
    CoreStepId step = CoreStepId::choice;
    std::optional<std::string> notes;
};

// One answer in `core.choice.checks`, found by its name: a name not there yet is added
// after the others (the user's own check: the name is its text); nullopt removes it.
// A name is any non-empty UTF-8 text.
struct SetChoiceCheck {
    std::string name;
    std::optional<bool> answer;
};

// Gives a check another name, keeping its answer and its place; the new name must not be
// another check's.
struct RenameChoiceCheck {
    std::string name;
    std::string new_name;
};

// `core.evaluation.interval_months` (≥ 1); nullopt removes it.
struct SetReviewInterval {
    std::optional<int> months;
};

// `core.evaluation.next`, a real day written YYYY-MM-DD; nullopt removes it.
struct SetNextReview {
    std::optional<std::string> date;
};

// The whole `core` object; nullopt removes it.
struct SetCorePlan {
    std::optional<CorePlan> core;
};

// [SECTION] the organisation ----------------------------------------------------------
// Each kind's inverse is SetOrganisation with the object as it was. `none` removes a key.

struct SetOrganisationLevel {
    OrgLevel level = OrgLevel::none;
};

struct SetOrganisationForm {
    OrgForm form = OrgForm::none;
};

struct SetOrganisationBasis {
    OrgBasis basis = OrgBasis::none;
};

struct SetOrganisationNotes {
    std::optional<std::string> notes;
};

// The whole `organisation` object; nullopt removes it.
struct SetOrganisation {
    std::optional<Organisation> organisation;
};

// [SECTION] an account's goal, targets and notes ---------------------------------------

// Goal::none removes the key.
struct SetAccountGoal {
    int account = 0;
    Goal goal = Goal::none;
};

// The account's free text ("" is the default: written only when the file had the key).
struct SetAccountNotes {
    int account = 0;
    std::string notes;
};

// The targets of one year, replaced whole (kept unknown members included): revenue ≥ 0,
// share_of_wallet 0..1, either may be absent. nullopt removes the year. Use
// set_target_value() to change one of the two values and keep the rest.
struct SetTarget {
    int account = 0;
    int year = 0;
    std::optional<Target> target;
};

enum class TargetValue { revenue, share_of_wallet };

// [SECTION] an account's contacts (DMIU) -----------------------------------------------

// Inserts `contact` before position `index` (== number of contacts appends). Its name
// must be non-empty; `covered_by` is taken as it is (use CoverContact to add coverage
// with the team checked).
struct AddContact {
    int account = 0;
    int index = 0;
    Contact contact;
};

// Its inverse is the AddContact that puts the same contact back.
struct RemoveContact {
    int account = 0;
    int contact = 0;
};

// A contact's name (required, non-empty) or function (nullopt removes the key).
enum class ContactText { name, function };
struct SetContactText {
    int account = 0;
    int contact = 0;
    ContactText field = ContactText::name;
    std::optional<std::string> value;
};

// BuyingRole::none removes the key.
struct SetContactRole {
    int account = 0;
    int contact = 0;
    BuyingRole role = BuyingRole::none;
};

// Attitude::none removes the key.
struct SetContactAttitude {
    int account = 0;
    int contact = 0;
    Attitude attitude = Attitude::none;
};

// `member` (a name in the account's team) covers the contact: added at the end of its
// `covered_by`; nothing changes when it covers it already. Inverse: SetAccountPeople.
struct CoverContact {
    int account = 0;
    int contact = 0;
    std::string member;
};

// `member`'s name taken out of the contact's `covered_by` (every time it occurs; it need
// not be in the team, so a name the file has but the team lacks can be cleared).
// Inverse: SetAccountPeople.
struct UncoverContact {
    int account = 0;
    int contact = 0;
    std::string member;
};

// [SECTION] an account's team (PSU) ----------------------------------------------------
// A member is known to the contacts by name (`covered_by`), so names are unique within a
// team: adding or renaming to a name another member has is refused.

// Inserts `member` before position `index` (== team size appends). Inverse: SetAccountPeople
// (a name the contacts already mention, without a member, becomes covered; undo gives back
// the file with the name and without the member).
struct AddMember {
    int account = 0;
    int index = 0;
    Member member;
};

// Removes the member, and its name from every contact's `covered_by` unless another member
// has the same name (a file may have such twins). Inverse: SetAccountPeople.
struct RemoveMember {
    int account = 0;
    int member = 0;
};

// A member's name (required, non-empty, not another member's), function or role (nullopt
// removes the key). A new name is carried into every `covered_by` that named the member
// (unless another member has the old name too); inverse then SetAccountPeople, else the
// same kind with the old value.
enum class MemberText { name, function, role };
struct SetMemberText {
    int account = 0;
    int member = 0;
    MemberText field = MemberText::name;
    std::optional<std::string> value;
};

// The account's contacts and team, replaced whole; the inverse of the kinds above that
// touch more than one value. Contacts and members need their names; nothing else is
// checked (a `covered_by` name outside the team is what a file may have, a warning).
struct SetAccountPeople {
    int account = 0;
    std::vector<Contact> contacts;
    std::vector<Member> team;
};

// [SECTION] an account's evaluations ----------------------------------------------------
// A date is a real day written YYYY-MM-DD. The file keeps them oldest first: use
// evaluation_index_for() to find where a new one belongs. Positions are never changed by
// an edit of a date.

// Inserts `evaluation` before position `index` (== count appends). Inverse: RemoveEvaluation.
struct AddEvaluation {
    int account = 0;
    int index = 0;
    Evaluation evaluation;
};

// Inverse: the AddEvaluation that puts it back.
struct RemoveEvaluation {
    int account = 0;
    int evaluation = 0;
};

// Replaces the evaluation whole (date, note, status, kept members). Inverse: the same kind.
struct SetEvaluation {
    int account = 0;
    int evaluation = 0;
    Evaluation value;
};

// [SECTION] the list of plan kinds ------------------------------------------------------

template <typename... Kinds>
struct EditKinds {
    template <typename Kind>
    static constexpr bool has = (std::is_same_v<Kind, Kinds> || ...);
};

using PlanEditKinds =
    EditKinds<SetCoreStepDone, SetCoreStepNotes, SetChoiceCheck, RenameChoiceCheck, SetReviewInterval,
              SetNextReview, SetCorePlan, SetOrganisationLevel, SetOrganisationForm, SetOrganisationBasis,
              SetOrganisationNotes, SetOrganisation, SetAccountGoal, SetAccountNotes, SetTarget, AddContact,
              RemoveContact, SetContactText, SetContactRole, SetContactAttitude, CoverContact, UncoverContact,
              AddMember, RemoveMember, SetMemberText, SetAccountPeople, AddEvaluation, RemoveEvaluation,
              SetEvaluation>;

// True for the kinds of this file. None of them changes anything the analysis report reads.
template <typename Kind>
inline constexpr bool is_plan_edit = PlanEditKinds::has<Kind>;

// [SECTION] helpers ----------------------------------------------------------------------

// The SetTarget that sets one value of the year's targets (nullopt: removes that value)
// and keeps the other and any kept members; when nothing is left the year is removed.
SetTarget set_target_value(const Portfolio& portfolio, int account, int year, TargetValue which,
                           std::optional<double> value);

// Where an evaluation dated `date` belongs so the list stays oldest first: after every
// evaluation dated on or before it.
int evaluation_index_for(const Account& account, std::string_view date);

// Index of the team member with this name, or -1.
int member_index(const Account& account, std::string_view name);

}  // namespace kc
