// The account-management plan read from the portfolio: what the CORE steps and the account
// page show beyond the file's own values. Coverage of each account's DMIU by its PSU,
// reviews due and overdue, accounts off track, checks on the targets and progress against
// them, a timeline per account, the workload of each team member, the verdict of the Choice
// checks, and the portfolio redrawn in an organisation form.
//
// Pure functions of the portfolio, its analysis report (for the analysis year Y and each
// account's revenue in Y) and the day it is today (passed in: the core has no clock).
// Every rule is written out in docs/plan.md. Per-account results are vectors indexed like
// Portfolio::accounts; lists hold account indices.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.hpp"
#include "date.hpp"
#include "edit_plan.hpp"
#include "model.hpp"

namespace kc {

// [SECTION] coverage: the DMIU against the PSU ----------------------------------------------

// A `covered_by` name that is no member of the account's team.
struct UnknownCover {
    int contact = 0;
    std::string name;
    friend bool operator==(const UnknownCover&, const UnknownCover&) = default;
};

// Indices into the account's `contacts` and `team`, in file order.
struct CoverageGaps {
    std::vector<int> uncovered_deciders;    // role decider or buyer, covered by no team member
    std::vector<int> uncovered_opponents;   // attitude opponent, covered by no team member
    std::vector<int> idle_members;          // team members who cover no contact
    std::vector<UnknownCover> unknown_covers;
    bool no_contacts = false;               // a key account without contacts (no DMIU known)
    bool no_team = false;                   // a key account without a team (no PSU)

    bool any() const {
        return !uncovered_deciders.empty() || !uncovered_opponents.empty() || !idle_members.empty() ||
               !unknown_covers.empty() || no_contacts || no_team;
    }
};

// True when at least one name in the contact's `covered_by` is a member of the team.
bool is_covered(const Account& account, const Contact& contact);

CoverageGaps coverage_gaps(const Account& account);

// [SECTION] reviews ------------------------------------------------------------------------

struct AccountReview {
    // Under review: a key account, an account with a goal, or one with evaluations.
    bool reviewed = false;
    std::optional<Date> last;               // the latest evaluation date
    EvalStatus status = EvalStatus::none;   // of the latest evaluation that has a status
    std::optional<Date> due;                // when the next review is due; null: no schedule
    bool overdue = false;                   // due before today
    long days_overdue = 0;                  // today − due when overdue, else 0
};

struct ReviewPlan {
    std::optional<int> interval_months;     // core.evaluation.interval_months
    std::optional<Date> next;               // core.evaluation.next
    bool next_overdue = false;              // next before today
    std::vector<AccountReview> of;          // per account
    std::vector<int> overdue;               // never reviewed first, then most days overdue; ties: file order
    std::vector<int> off_track;             // status off_track, file order
    std::vector<int> at_risk;               // status at_risk, file order
    // The reviewed accounts in the order the Evaluation step lists them: off track or
    // overdue first, then at risk, then the rest; within each, the earliest due first
    // (no due date last), ties in file order.
    std::vector<int> order;
};

ReviewPlan review_plan(const Portfolio& portfolio, Date today);

// [SECTION] results: targets, progress, checks ----------------------------------------------

// Target against actual for one year of an account's `targets`. Actuals are the file's
// revenue and wallet of that year; null where the file has none (a year still to come).
struct TargetProgress {
    int year = 0;
    std::optional<double> target_revenue;
    std::optional<double> actual_revenue;
    std::optional<double> revenue_attained;   // actual / target; null without both or target 0
    std::optional<double> target_share;
    std::optional<double> actual_share;       // revenue / wallet; null when the wallet is 0 or absent
    std::optional<double> share_gap;          // actual − target share; null without both
};

std::vector<TargetProgress> target_progress(const Account& account);

// What a target check found (docs/plan.md, "Target checks").
enum class TargetIssue {
    above_wallet,               // revenue target above the wallet: a share of wallet over 100%
    growth_not_above_current,   // growth goal, target not above the latest actual
    retention_below_current,    // retention goal, revenue target below the latest actual revenue
    goal_without_target,        // a goal but no target for a year after Y
};
std::string_view to_string(TargetIssue issue);

struct TargetCheck {
    int account = 0;
    int year = 0;                  // the target's year (goal_without_target: Y + 1, or 0 without Y)
    TargetIssue issue = TargetIssue::above_wallet;
    TargetValue value = TargetValue::revenue;   // which of the target's values
    double target = 0;             // that value
    double reference = 0;          // the wallet, or the latest actual it is compared with
    int reference_year = 0;        // the year of `reference`
};

// Per target year over all accounts: what the targets add up to.
struct TargetTotals {
    int year = 0;
    int accounts = 0;                     // accounts with a revenue target that year
    double target_revenue = 0;            // Σ their revenue targets
    double previous_revenue = 0;          // Σ their revenue of the year before (what the targets build on)
    std::optional<double> actual_revenue; // Σ their revenue that year; null when none has any recorded
};

struct ResultsPlan {
    int retention = 0, growth = 0;                    // accounts per goal
    std::vector<std::vector<TargetProgress>> progress; // per account
    std::vector<TargetTotals> totals;                 // target years ascending
    std::vector<TargetCheck> checks;                  // by account, then year, then issue
};

ResultsPlan results_plan(const Portfolio& portfolio, const Report& report);

// [SECTION] timeline -------------------------------------------------------------------------

// One year of an account's history and plan, for the Evaluation step's timeline.
struct TimelineYear {
    int year = 0;
    std::optional<double> revenue;
    std::optional<double> wallet;
    std::optional<double> share_of_wallet;   // revenue / wallet (0 without revenue); null without a wallet > 0
    std::optional<double> target_revenue;
    std::optional<double> target_share;
    std::vector<int> evaluations;            // indices of the evaluations dated in that year, by date
    EvalStatus status = EvalStatus::none;    // of the latest of them that has a status
};

// Every year that has revenue, a wallet, a target or an evaluation, ascending.
std::vector<TimelineYear> account_timeline(const Account& account);

// [SECTION] team workload -----------------------------------------------------------------------

// A person of the PSU, known by name across accounts (the same name in two teams is the
// same person).
struct MemberWorkload {
    std::string name;
    std::vector<int> accounts;        // ascending
    std::vector<int> team_index;      // per entry of `accounts`: their (first) index in that account's team
    double revenue = 0;               // Σ rev(a, Y) over `accounts`
    int key_accounts = 0;
    int managed = 0;                  // accounts where they are an account manager
    int contacts_covered = 0;         // contacts they cover over all their accounts
};

// Everyone in any team: revenue descending, ties by name (byte order).
std::vector<MemberWorkload> team_workload(const Portfolio& portfolio, const Report& report);

// An account manager by `role` (or, without a role, by `function`): the text, lower-cased
// with spaces, '-', '_' and '.' taken out, contains "accountmanager" or is "kam" or "am".
bool is_account_manager(const Member& member);

// The names of the account's account managers, in team order.
std::vector<std::string> account_managers(const Account& account);

// [SECTION] the Choice verdict -----------------------------------------------------------------

// The three checks the chapter asks for, by their names in `core.choice.checks`. Any other
// name is one of the user's own checks.
inline constexpr std::array<std::string_view, 3> kStandardChoiceChecks = {"fits_strategy", "internal_support",
                                                                           "long_term"};

enum class ChoiceVerdict {
    unanswered,             // no check answered
    not_ready,              // a standard check answered no
    incomplete,             // no standard check answered no, but one is unanswered
    go,                     // every standard check and every own check yes
    go_with_reservations,   // every standard check yes, an own check no
};
std::string_view to_string(ChoiceVerdict verdict);

struct ChoiceAssessment {
    ChoiceVerdict verdict = ChoiceVerdict::unanswered;
    std::vector<std::string> unanswered;   // standard checks without an answer, in standard order
    std::vector<std::string> failed;       // standard checks answered no, in standard order
    std::vector<std::string> own_failed;   // own checks answered no, in file order
    int own = 0;                           // own checks
};

ChoiceAssessment assess_choice(const Portfolio& portfolio);

// [SECTION] organisation forms ------------------------------------------------------------------

// Accounts that share a segment, region or product group: one business unit of a
// decentral organisation.
struct OrgGroup {
    std::optional<std::string> key;             // null: the accounts without a value
    std::vector<int> accounts;                  // rev(a, Y) descending, ties by id
    double revenue = 0;                         // Σ rev(a, Y)
    int key_accounts = 0;
    std::vector<std::string> account_managers;  // of its accounts, byte order, once each
};

// An account the form takes out of the groups: central, an account several groups share;
// dedicated, a key account with a unit of its own.
struct OrgUnit {
    int account = 0;
    double revenue = 0;                         // rev(a, Y)
    std::vector<std::string> account_managers;  // in team order
    std::vector<int> groups;                    // indices into `groups` the account belongs to
};

struct OrganisationPlan {
    OrgForm form = OrgForm::decentral;   // the form drawn
    OrgBasis basis = OrgBasis::market;   // what the groups are made by
    // Revenue descending, ties by key in byte order, the null group last (the order of the
    // report's breakdowns). Decentral: every account; central: every account by product
    // group; dedicated: the accounts without a unit of their own.
    std::vector<OrgGroup> groups;
    // Central: the accounts in two or more product groups; dedicated: the key accounts;
    // decentral: none. Revenue descending, ties by id.
    std::vector<OrgUnit> units;
};

// The portfolio drawn in `form` with groups by `basis`; none for either takes the
// defaults of docs/plan.md (decentral, by market; central always groups by product).
OrganisationPlan organisation_plan(const Portfolio& portfolio, const Report& report, OrgForm form, OrgBasis basis);

// The same in the file's own form and basis.
OrganisationPlan organisation_plan(const Portfolio& portfolio, const Report& report);

}  // namespace kc
