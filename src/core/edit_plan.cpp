// Checking and performing the plan's edit kinds (edit_plan.hpp): CORE steps, organisation,
// and per account goal, targets, contacts, team, evaluations and notes.
//
// Like edit.cpp: one `check_kind` and one `perform` overload per kind; perform runs only
// after check found nothing. edit.cpp hands the plan kinds over through check_plan_edit and
// perform_plan_edit (edit_rules.hpp).
#include "edit_plan.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>

#include "edit.hpp"
#include "edit_rules.hpp"
#include "json_text.hpp"
#include "read_values.hpp"

namespace kc {

using namespace edit_rules;

namespace {

// [SECTION] places -------------------------------------------------------------------------

std::string item_place(int account, const char* list, int index) {
    return account_place(account) + "/" + list + "/" + std::to_string(index);
}
std::string contact_place(int account, int contact) { return item_place(account, "contacts", contact); }
std::string member_place(int account, int member) { return item_place(account, "team", member); }
std::string evaluation_place(int account, int evaluation) { return item_place(account, "evaluations", evaluation); }

const char* step_key(CoreStepId step) {
    switch (step) {
        case CoreStepId::choice: return "choice";
        case CoreStepId::organisation: return "organisation";
        case CoreStepId::results: return "results";
        case CoreStepId::evaluation: return "evaluation";
    }
    return "choice";
}
std::string step_place(CoreStepId step) { return std::string("/core/") + step_key(step); }
std::string check_place(std::string_view name) { return "/core/choice/checks/" + pointer_token(name); }

const char* contact_text_key(ContactText field) { return field == ContactText::name ? "name" : "function"; }

const char* member_text_key(MemberText field) {
    switch (field) {
        case MemberText::name: return "name";
        case MemberText::function: return "function";
        case MemberText::role: return "role";
    }
    return "name";
}

// [SECTION] rules ----------------------------------------------------------------------------

// One of an account's lists of people and reviews, for the rules on positions in it.
template <typename T>
struct AccountList {
    std::vector<T> Account::*items;
    const char* key;    // in the file
    const char* what;   // one element, in messages
    const char* code;   // the refusal's code
};
constexpr AccountList<Contact> kContacts{&Account::contacts, "contacts", "contact", "no_such_contact"};
constexpr AccountList<Member> kTeam{&Account::team, "team", "member", "no_such_member"};
constexpr AccountList<Evaluation> kEvaluations{&Account::evaluations, "evaluations", "evaluation",
                                               "no_such_evaluation"};

// An element at `index` (`can_append`: or the position after the last, to insert at).
template <typename T>
bool position_ok(const Portfolio& p, int account, const AccountList<T>& list, int index, bool can_append,
                 Problems& out) {
    if (!account_exists(p, account, out)) return false;
    const std::size_t count = (p.accounts[account].*list.items).size();
    const std::size_t end = can_append ? count + 1 : count;
    if (index >= 0 && static_cast<std::size_t>(index) < end) return true;
    const std::string message =
        can_append ? "a " + std::string(list.what) + " can be inserted at 0 to " + std::to_string(count) +
                         ", not at " + std::to_string(index)
                   : "there is no " + std::string(list.what) + " at index " + std::to_string(index) +
                         " (the account has " + std::to_string(count) + ")";
    refuse(out, list.code, item_place(account, list.key, index), message);
    return false;
}

template <typename T>
bool item_exists(const Portfolio& p, int account, const AccountList<T>& list, int index, Problems& out) {
    return position_ok(p, account, list, index, false, out);
}

template <typename T>
bool insert_position_ok(const Portfolio& p, int account, const AccountList<T>& list, int index, Problems& out) {
    return position_ok(p, account, list, index, true, out);
}

void check_optional_text(const std::optional<std::string>& text, const std::string& place, Problems& out) {
    if (text) check_text(*text, place, false, out);
}

void check_date(std::string_view date, const std::string& place, Problems& out) {
    if (!detail::is_calendar_date(date))
        refuse(out, "bad_date", place,
               "must be a date written YYYY-MM-DD (a real day), got " + quote_for_message(date));
}

void check_interval(int months, const std::string& place, Problems& out) {
    if (months < 1) refuse(out, "out_of_range", place, "must be an integer ≥ 1, got " + std::to_string(months));
}

void check_target(const Target& target, const std::string& place, Problems& out) {
    if (target.revenue) check_amount(*target.revenue, place + "/revenue", out);
    if (target.share_of_wallet) check_number(*target.share_of_wallet, place + "/share_of_wallet", 0, 1, out);
}

void check_contact(const Contact& contact, const std::string& place, Problems& out) {
    check_text(contact.name, place + "/name", true, out);
    check_optional_text(contact.function, place + "/function", out);
    for (std::size_t i = 0; i < contact.covered_by.size(); ++i)
        check_text(contact.covered_by[i], place + "/covered_by/" + std::to_string(i), false, out);
}

void check_member(const Member& member, const std::string& place, Problems& out) {
    check_text(member.name, place + "/name", true, out);
    check_optional_text(member.function, place + "/function", out);
    check_optional_text(member.role, place + "/role", out);
}

void check_evaluation(const Evaluation& evaluation, const std::string& place, Problems& out) {
    check_date(evaluation.date, place + "/date", out);
    check_optional_text(evaluation.note, place + "/note", out);
}

// True when a member other than the one at `except` (-1: any member) is called `name`.
bool other_member_named(const Account& account, std::string_view name, int except) {
    for (std::size_t m = 0; m < account.team.size(); ++m)
        if (static_cast<int>(m) != except && account.team[m].name == name) return true;
    return false;
}

// Members are known to the contacts by name: two of one name would be one to them.
void check_name_free(const Account& account, std::string_view name, int except, const std::string& place,
                     Problems& out) {
    if (other_member_named(account, name, except))
        refuse(out, "duplicate_name", place, "another member of the team is already called " + quote_for_message(name));
}

void check_core_plan(const CorePlan& plan, Problems& out) {
    for (CoreStepId id : kCoreSteps)
        if (const CoreStep* step = plan.step(id)) check_optional_text(step->notes, step_place(id) + "/notes", out);
    if (plan.choice)
        for (const auto& [name, answer] : plan.choice->checks) check_text(name, check_place(name), true, out);
    if (plan.evaluation) {
        if (plan.evaluation->interval_months)
            check_interval(*plan.evaluation->interval_months, "/core/evaluation/interval_months", out);
        if (plan.evaluation->next) check_date(*plan.evaluation->next, "/core/evaluation/next", out);
    }
}

// [SECTION] finding and making parts ----------------------------------------------------------

// The step, made (with `core` when needed) if the file had none.
CoreStep& step_of(Portfolio& p, CoreStepId id) {
    CorePlan& core = p.core ? *p.core : p.core.emplace();
    switch (id) {
        case CoreStepId::choice: return core.choice ? *core.choice : core.choice.emplace();
        case CoreStepId::organisation: return core.organisation ? *core.organisation : core.organisation.emplace();
        case CoreStepId::results: return core.results ? *core.results : core.results.emplace();
        case CoreStepId::evaluation: return core.evaluation ? *core.evaluation : core.evaluation.emplace();
    }
    return core.choice ? *core.choice : core.choice.emplace();
}
CoreChoice& choice_of(Portfolio& p) { return static_cast<CoreChoice&>(step_of(p, CoreStepId::choice)); }
CoreEvaluation& evaluation_of(Portfolio& p) {
    return static_cast<CoreEvaluation&>(step_of(p, CoreStepId::evaluation));
}

using Checks = std::vector<std::pair<std::string, bool>>;

const Checks* checks_of(const Portfolio& p) { return p.core && p.core->choice ? &p.core->choice->checks : nullptr; }

const std::pair<std::string, bool>* find_check(const Portfolio& p, std::string_view name) {
    if (const Checks* checks = checks_of(p))
        for (const auto& check : *checks)
            if (check.first == name) return &check;
    return nullptr;
}

// [SECTION] check, one overload per kind -----------------------------------------------------

void check_kind(const Portfolio&, const SetCoreStepDone&, Problems&) {}

void check_kind(const Portfolio&, const SetCoreStepNotes& e, Problems& out) {
    check_optional_text(e.notes, step_place(e.step) + "/notes", out);
}

void check_kind(const Portfolio&, const SetChoiceCheck& e, Problems& out) {
    check_text(e.name, check_place(e.name), true, out);
}

void check_kind(const Portfolio& p, const RenameChoiceCheck& e, Problems& out) {
    if (!find_check(p, e.name)) {
        refuse(out, "no_such_check", check_place(e.name), "there is no check named " + quote_for_message(e.name));
        return;
    }
    check_text(e.new_name, check_place(e.new_name), true, out);
    if (e.new_name != e.name && find_check(p, e.new_name))
        refuse(out, "duplicate_name", check_place(e.new_name),
               "there is already a check named " + quote_for_message(e.new_name));
}

void check_kind(const Portfolio&, const SetReviewInterval& e, Problems& out) {
    if (e.months) check_interval(*e.months, "/core/evaluation/interval_months", out);
}

void check_kind(const Portfolio&, const SetNextReview& e, Problems& out) {
    if (e.date) check_date(*e.date, "/core/evaluation/next", out);
}

void check_kind(const Portfolio&, const SetCorePlan& e, Problems& out) {
    if (e.core) check_core_plan(*e.core, out);
}

void check_kind(const Portfolio&, const SetOrganisationLevel&, Problems&) {}
void check_kind(const Portfolio&, const SetOrganisationForm&, Problems&) {}
void check_kind(const Portfolio&, const SetOrganisationBasis&, Problems&) {}

void check_kind(const Portfolio&, const SetOrganisationNotes& e, Problems& out) {
    check_optional_text(e.notes, "/organisation/notes", out);
}

void check_kind(const Portfolio&, const SetOrganisation& e, Problems& out) {
    if (e.organisation) check_optional_text(e.organisation->notes, "/organisation/notes", out);
}

void check_kind(const Portfolio& p, const SetAccountGoal& e, Problems& out) { account_exists(p, e.account, out); }

void check_kind(const Portfolio& p, const SetAccountNotes& e, Problems& out) {
    if (account_exists(p, e.account, out)) check_text(e.notes, account_place(e.account) + "/notes", false, out);
}

void check_kind(const Portfolio& p, const SetTarget& e, Problems& out) {
    if (!account_exists(p, e.account, out)) return;
    const std::string place = account_place(e.account) + "/targets/" + std::to_string(e.year);
    check_year(e.year, place, out);
    if (e.target) check_target(*e.target, place, out);
}

void check_kind(const Portfolio& p, const AddContact& e, Problems& out) {
    if (insert_position_ok(p, e.account, kContacts, e.index, out))
        check_contact(e.contact, contact_place(e.account, e.index), out);
}

void check_kind(const Portfolio& p, const RemoveContact& e, Problems& out) {
    item_exists(p, e.account, kContacts, e.contact, out);
}

void check_kind(const Portfolio& p, const SetContactText& e, Problems& out) {
    if (!item_exists(p, e.account, kContacts, e.contact, out)) return;
    const std::string place = contact_place(e.account, e.contact) + "/" + contact_text_key(e.field);
    if (e.field == ContactText::name && !e.value) refuse(out, "empty", place, "must be a non-empty string");
    else if (e.value) check_text(*e.value, place, e.field == ContactText::name, out);
}

void check_kind(const Portfolio& p, const SetContactRole& e, Problems& out) {
    item_exists(p, e.account, kContacts, e.contact, out);
}

void check_kind(const Portfolio& p, const SetContactAttitude& e, Problems& out) {
    item_exists(p, e.account, kContacts, e.contact, out);
}

void check_kind(const Portfolio& p, const CoverContact& e, Problems& out) {
    if (!item_exists(p, e.account, kContacts, e.contact, out)) return;
    if (member_index(p.accounts[e.account], e.member) < 0)
        refuse(out, "not_in_team", contact_place(e.account, e.contact) + "/covered_by",
               quote_for_message(e.member) + " is not in this account's team");
}

void check_kind(const Portfolio& p, const UncoverContact& e, Problems& out) {
    item_exists(p, e.account, kContacts, e.contact, out);
}

void check_kind(const Portfolio& p, const AddMember& e, Problems& out) {
    if (!insert_position_ok(p, e.account, kTeam, e.index, out)) return;
    const std::string place = member_place(e.account, e.index);
    check_member(e.member, place, out);
    check_name_free(p.accounts[e.account], e.member.name, -1, place + "/name", out);
}

void check_kind(const Portfolio& p, const RemoveMember& e, Problems& out) {
    item_exists(p, e.account, kTeam, e.member, out);
}

void check_kind(const Portfolio& p, const SetMemberText& e, Problems& out) {
    if (!item_exists(p, e.account, kTeam, e.member, out)) return;
    const std::string place = member_place(e.account, e.member) + "/" + member_text_key(e.field);
    if (e.field != MemberText::name) return check_optional_text(e.value, place, out);
    if (!e.value) return refuse(out, "empty", place, "must be a non-empty string");
    const std::size_t before = out.size();
    check_text(*e.value, place, true, out);
    if (out.size() == before) check_name_free(p.accounts[e.account], *e.value, e.member, place, out);
}

void check_kind(const Portfolio& p, const SetAccountPeople& e, Problems& out) {
    if (!account_exists(p, e.account, out)) return;
    for (std::size_t c = 0; c < e.contacts.size(); ++c)
        check_contact(e.contacts[c], contact_place(e.account, static_cast<int>(c)), out);
    for (std::size_t m = 0; m < e.team.size(); ++m)
        check_member(e.team[m], member_place(e.account, static_cast<int>(m)), out);
}

void check_kind(const Portfolio& p, const AddEvaluation& e, Problems& out) {
    if (insert_position_ok(p, e.account, kEvaluations, e.index, out))
        check_evaluation(e.evaluation, evaluation_place(e.account, e.index), out);
}

void check_kind(const Portfolio& p, const RemoveEvaluation& e, Problems& out) {
    item_exists(p, e.account, kEvaluations, e.evaluation, out);
}

void check_kind(const Portfolio& p, const SetEvaluation& e, Problems& out) {
    if (item_exists(p, e.account, kEvaluations, e.evaluation, out))
        check_evaluation(e.value, evaluation_place(e.account, e.evaluation), out);
}

// [SECTION] perform: the CORE plan and the organisation ----------------------------------
// Setting "absent" where the file has no object to remove it from changes nothing and
// makes no object; setting a value makes the objects it needs.

// Runs `change` on the portfolio and records SetCorePlan with the plan as it was.
template <typename Change>
void edit_core(Portfolio& p, ApplyResult& result, Change change) {
    SetCorePlan inverse{p.core};
    change();
    const bool changed = p.core != inverse.core;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetCoreStepDone& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        const bool has_step = p.core && p.core->step(e.step);
        if (e.done || has_step) step_of(p, e.step).done = e.done;
    });
}

void perform(Portfolio& p, const SetCoreStepNotes& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        const bool has_step = p.core && p.core->step(e.step);
        if (e.notes || has_step) step_of(p, e.step).notes = e.notes;
    });
}

void perform(Portfolio& p, const SetChoiceCheck& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        const bool known = find_check(p, e.name) != nullptr;
        if (!e.answer && !known) return;
        Checks& checks = choice_of(p).checks;
        auto found = std::find_if(checks.begin(), checks.end(), [&](const auto& c) { return c.first == e.name; });
        if (!e.answer) checks.erase(found);
        else if (found != checks.end()) found->second = *e.answer;
        else checks.emplace_back(e.name, *e.answer);
    });
}

void perform(Portfolio& p, const RenameChoiceCheck& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        for (auto& check : choice_of(p).checks)
            if (check.first == e.name) check.first = e.new_name;
    });
}

void perform(Portfolio& p, const SetReviewInterval& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        if (e.months || (p.core && p.core->evaluation)) evaluation_of(p).interval_months = e.months;
    });
}

void perform(Portfolio& p, const SetNextReview& e, ApplyResult& result) {
    edit_core(p, result, [&] {
        if (e.date || (p.core && p.core->evaluation)) evaluation_of(p).next = e.date;
    });
}

void perform(Portfolio& p, const SetCorePlan& e, ApplyResult& result) {
    edit_core(p, result, [&] { p.core = e.core; });
}

// Runs `change` on the organisation and records SetOrganisation with it as it was.
template <typename Change>
void edit_organisation(Portfolio& p, ApplyResult& result, bool sets_value, Change change) {
    SetOrganisation inverse{p.organisation};
    if (sets_value || p.organisation) change(p.organisation ? *p.organisation : p.organisation.emplace());
    const bool changed = p.organisation != inverse.organisation;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetOrganisationLevel& e, ApplyResult& result) {
    edit_organisation(p, result, e.level != OrgLevel::none, [&](Organisation& o) { o.level = e.level; });
}

void perform(Portfolio& p, const SetOrganisationForm& e, ApplyResult& result) {
    edit_organisation(p, result, e.form != OrgForm::none, [&](Organisation& o) { o.form = e.form; });
}

void perform(Portfolio& p, const SetOrganisationBasis& e, ApplyResult& result) {
    edit_organisation(p, result, e.basis != OrgBasis::none, [&](Organisation& o) { o.basis = e.basis; });
}

void perform(Portfolio& p, const SetOrganisationNotes& e, ApplyResult& result) {
    edit_organisation(p, result, e.notes.has_value(), [&](Organisation& o) { o.notes = e.notes; });
}

void perform(Portfolio& p, const SetOrganisation& e, ApplyResult& result) {
    SetOrganisation inverse{p.organisation};
    const bool changed = p.organisation != e.organisation;
    p.organisation = e.organisation;
    done(result, std::move(inverse), changed);
}

// [SECTION] perform: goal, notes, targets ---------------------------------------------------

void perform(Portfolio& p, const SetAccountGoal& e, ApplyResult& result) {
    Goal& goal = p.accounts[e.account].goal;
    done(result, SetAccountGoal{e.account, goal}, goal != e.goal);
    goal = e.goal;
}

void perform(Portfolio& p, const SetAccountNotes& e, ApplyResult& result) {
    std::string& notes = p.accounts[e.account].notes;
    SetAccountNotes inverse{e.account, notes};
    const bool changed = notes != e.notes;
    notes = e.notes;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetTarget& e, ApplyResult& result) {
    auto& targets = p.accounts[e.account].targets;   // sorted by year
    auto at = std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return t.first >= e.year; });
    const bool found = at != targets.end() && at->first == e.year;
    SetTarget inverse{e.account, e.year, found ? std::optional<Target>(at->second) : std::nullopt};
    const bool changed = inverse.target != e.target;
    if (e.target && found) at->second = *e.target;
    else if (e.target) targets.insert(at, {e.year, *e.target});
    else if (found) targets.erase(at);
    done(result, std::move(inverse), changed);
}

// [SECTION] perform: contacts and team ------------------------------------------------------

// Runs `change` on the account and records SetAccountPeople with its contacts and team as
// they were.
template <typename Change>
void edit_people(Portfolio& p, int account, ApplyResult& result, Change change) {
    Account& a = p.accounts[account];
    SetAccountPeople inverse{account, a.contacts, a.team};
    change(a);
    const bool changed = a.contacts != inverse.contacts || a.team != inverse.team;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const AddContact& e, ApplyResult& result) {
    auto& contacts = p.accounts[e.account].contacts;
    contacts.insert(contacts.begin() + e.index, e.contact);
    done(result, RemoveContact{e.account, e.index}, true);
}

void perform(Portfolio& p, const RemoveContact& e, ApplyResult& result) {
    auto& contacts = p.accounts[e.account].contacts;
    AddContact inverse{e.account, e.contact, std::move(contacts[e.contact])};
    contacts.erase(contacts.begin() + e.contact);
    done(result, std::move(inverse), true);
}

void perform(Portfolio& p, const SetContactText& e, ApplyResult& result) {
    Contact& contact = p.accounts[e.account].contacts[e.contact];
    if (e.field == ContactText::name) {
        SetContactText inverse{e.account, e.contact, e.field, contact.name};
        const bool changed = contact.name != *e.value;
        contact.name = *e.value;
        return done(result, std::move(inverse), changed);
    }
    SetContactText inverse{e.account, e.contact, e.field, contact.function};
    const bool changed = contact.function != e.value;
    contact.function = e.value;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetContactRole& e, ApplyResult& result) {
    BuyingRole& role = p.accounts[e.account].contacts[e.contact].role;
    done(result, SetContactRole{e.account, e.contact, role}, role != e.role);
    role = e.role;
}

void perform(Portfolio& p, const SetContactAttitude& e, ApplyResult& result) {
    Attitude& attitude = p.accounts[e.account].contacts[e.contact].attitude;
    done(result, SetContactAttitude{e.account, e.contact, attitude}, attitude != e.attitude);
    attitude = e.attitude;
}

void perform(Portfolio& p, const CoverContact& e, ApplyResult& result) {
    edit_people(p, e.account, result, [&](Account& a) {
        auto& covered_by = a.contacts[e.contact].covered_by;
        if (std::find(covered_by.begin(), covered_by.end(), e.member) == covered_by.end())
            covered_by.push_back(e.member);
    });
}

void perform(Portfolio& p, const UncoverContact& e, ApplyResult& result) {
    edit_people(p, e.account, result, [&](Account& a) { std::erase(a.contacts[e.contact].covered_by, e.member); });
}

void perform(Portfolio& p, const AddMember& e, ApplyResult& result) {
    edit_people(p, e.account, result, [&](Account& a) { a.team.insert(a.team.begin() + e.index, e.member); });
}

void perform(Portfolio& p, const RemoveMember& e, ApplyResult& result) {
    edit_people(p, e.account, result, [&](Account& a) {
        const std::string name = a.team[e.member].name;
        if (!other_member_named(a, name, e.member))
            for (Contact& contact : a.contacts) std::erase(contact.covered_by, name);
        a.team.erase(a.team.begin() + e.member);
    });
}

void perform(Portfolio& p, const SetMemberText& e, ApplyResult& result) {
    Member& member = p.accounts[e.account].team[e.member];
    if (e.field == MemberText::name) {
        return edit_people(p, e.account, result, [&](Account& a) {
            if (!other_member_named(a, member.name, e.member))
                for (Contact& contact : a.contacts)
                    std::replace(contact.covered_by.begin(), contact.covered_by.end(), member.name, *e.value);
            member.name = *e.value;
        });
    }
    std::optional<std::string>& slot = e.field == MemberText::function ? member.function : member.role;
    SetMemberText inverse{e.account, e.member, e.field, slot};
    const bool changed = slot != e.value;
    slot = e.value;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetAccountPeople& e, ApplyResult& result) {
    edit_people(p, e.account, result, [&](Account& a) {
        a.contacts = e.contacts;
        a.team = e.team;
    });
}

// [SECTION] perform: evaluations --------------------------------------------------------------

void perform(Portfolio& p, const AddEvaluation& e, ApplyResult& result) {
    auto& evaluations = p.accounts[e.account].evaluations;
    evaluations.insert(evaluations.begin() + e.index, e.evaluation);
    done(result, RemoveEvaluation{e.account, e.index}, true);
}

void perform(Portfolio& p, const RemoveEvaluation& e, ApplyResult& result) {
    auto& evaluations = p.accounts[e.account].evaluations;
    AddEvaluation inverse{e.account, e.evaluation, std::move(evaluations[e.evaluation])};
    evaluations.erase(evaluations.begin() + e.evaluation);
    done(result, std::move(inverse), true);
}

void perform(Portfolio& p, const SetEvaluation& e, ApplyResult& result) {
    Evaluation& evaluation = p.accounts[e.account].evaluations[e.evaluation];
    SetEvaluation inverse{e.account, e.evaluation, evaluation};
    const bool changed = evaluation != e.value;
    evaluation = e.value;
    done(result, std::move(inverse), changed);
}

}  // namespace

// [SECTION] the dispatch from edit.cpp --------------------------------------------------------

namespace edit_rules {

void check_plan_edit(const Portfolio& portfolio, const Edit& edit, Problems& out) {
    std::visit(
        [&](const auto& kind) {
            if constexpr (is_plan_edit<std::decay_t<decltype(kind)>>) check_kind(portfolio, kind, out);
        },
        edit);
}

void perform_plan_edit(Portfolio& portfolio, const Edit& edit, ApplyResult& result) {
    std::visit(
        [&](const auto& kind) {
            if constexpr (is_plan_edit<std::decay_t<decltype(kind)>>) perform(portfolio, kind, result);
        },
        edit);
}

}  // namespace edit_rules

// [SECTION] helpers -----------------------------------------------------------------------------

SetTarget set_target_value(const Portfolio& portfolio, int account, int year, TargetValue which,
                           std::optional<double> value) {
    Target target;
    if (account >= 0 && static_cast<std::size_t>(account) < portfolio.accounts.size())
        for (const auto& [y, existing] : portfolio.accounts[static_cast<std::size_t>(account)].targets)
            if (y == year) target = existing;
    (which == TargetValue::revenue ? target.revenue : target.share_of_wallet) = value;
    const bool keeps_members = target.extra.is_object() && !target.extra.empty();
    SetTarget edit{account, year, std::nullopt};
    if (target.revenue || target.share_of_wallet || keeps_members) edit.target = std::move(target);
    return edit;
}

int evaluation_index_for(const Account& account, std::string_view date) {
    for (std::size_t i = account.evaluations.size(); i > 0; --i)
        if (account.evaluations[i - 1].date <= date) return static_cast<int>(i);
    return 0;
}

int member_index(const Account& account, std::string_view name) {
    for (std::size_t m = 0; m < account.team.size(); ++m)
        if (account.team[m].name == name) return static_cast<int>(m);
    return -1;
}

}  // namespace kc
