// Edits: the only way an open portfolio changes.
//
// An Edit is a small value, one struct per kind. apply() checks it against the format
// (a value format 1 forbids is refused with a Problem and changes nothing), performs it
// and hands back its inverse, so the portfolio is always a valid format-1 portfolio and
// every change can be undone exactly. Document (document.hpp) keeps the history.
//
// Adding a kind: a struct here, its name in the Edit variant, and one `check` and one
// `perform` overload in edit.cpp; the compiler points at every place that must know it.
// A kind of the plan (edit_plan.hpp) goes in PlanEditKinds too, its overloads in edit_plan.cpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "edit_plan.hpp"
#include "model.hpp"
#include "problem.hpp"

namespace kc {

// [SECTION] the kinds ---------------------------------------------------------------
// Indices are positions in Portfolio::accounts / Portfolio::criteria.

// The account's free-text fields. `name` is required and non-empty; for segment and
// region an absent value (nullopt) removes the key. Use set_account_text() to turn
// what a user typed into this edit (it maps "" to absent).
enum class AccountText { name, segment, region };
struct SetAccountText {
    int account = 0;
    AccountText field = AccountText::name;
    std::optional<std::string> value;
};

// Status::none removes the key.
struct SetAccountStatus {
    int account = 0;
    Status status = Status::none;
};

// Revenue of one year. A value (0 included) is written for that year; nullopt
// removes the year from the account's revenue.
struct SetRevenue {
    int account = 0;
    int year = 0;
    std::optional<double> amount;
};

struct SetKeyAccount {
    int account = 0;
    bool key = false;
};

// Inserts `account` before position `index` (== number of accounts appends). An
// empty `scores` is taken as "no scores"; otherwise it must match the criteria.
struct AddAccount {
    int index = 0;
    Account account;
};

// Its inverse is the AddAccount that puts the same account back at `index`.
struct RemoveAccount {
    int index = 0;
};

// portfolio.year; nullopt removes it (the analyses then take the latest year with revenue).
struct SetAnalysisYear {
    std::optional<int> year;
};

// portfolio.pyramid: each ≥ 0 and top + large + medium ≤ 100.
struct SetPyramid {
    double top = 1, large = 4, medium = 15;
};

// portfolio.matrix: each 0..100.
struct SetMatrixThresholds {
    double x_threshold = 50, y_threshold = 50;
};

struct SetCriterionWeight {
    int criterion = 0;
    double weight = 1;
};

// A score within the criterion's min..max, or kNoScore to remove it.
struct SetScore {
    int account = 0;
    int criterion = 0;
    double value = kNoScore;
};

// Inserts `criterion` before position `index` (== number of criteria appends). Its id
// must be new and of the spec's shape (free_criterion_id() makes one from a name);
// weight ≥ 0, max > min. `scores` holds one score per account in account order
// (kNoScore where there is none), or is empty: no account has a score yet.
struct AddCriterion {
    int index = 0;
    Criterion criterion;
    std::vector<double> scores;
};

// Removes the criterion and every account's score on it. Its inverse is the AddCriterion
// that puts both back (with empty `scores` when no account had one).
struct RemoveCriterion {
    int index = 0;
};

// The display name (any text; "" shows the id, as an absent name does). The id, which
// the file's scores are keyed by, stays.
struct RenameCriterion {
    int criterion = 0;
    std::string name;
};

// Moves the criterion at `from` so that it ends up at position `to`; every account's
// score moves along. Its inverse is the move from `to` back to `from`.
struct MoveCriterion {
    int from = 0;
    int to = 0;
};

// The scale: finite, max > min, and every existing score within it (the format forbids a
// score outside its criterion's range, so a range that would strand one is refused, with
// a Problem per stranded score, up to kMaxListedScores of them).
struct SetCriterionRange {
    int criterion = 0;
    double min = 1, max = 5;
};

// Which axis of the portfolio matrix the criterion feeds; Axis::none for neither.
struct SetCriterionAxis {
    int criterion = 0;
    Axis axis = Axis::none;
};

// The quadrant names of the portfolio matrix (extension, docs/format-extensions.md);
// nullopt removes the setting (McDonald & Woodburn's names).
struct SetQuadrantLabels {
    std::optional<QuadrantLabels> labels;
};

// The plan kinds (CORE, organisation, goal, targets, contacts, team, evaluations, notes)
// are declared in edit_plan.hpp.
using Edit = std::variant<SetAccountText, SetAccountStatus, SetRevenue, SetKeyAccount,
                          AddAccount, RemoveAccount, SetAnalysisYear, SetPyramid,
                          SetMatrixThresholds, SetCriterionWeight, SetScore,
                          AddCriterion, RemoveCriterion, RenameCriterion, MoveCriterion,
                          SetCriterionRange, SetCriterionAxis, SetQuadrantLabels,
                          SetCoreStepDone, SetCoreStepNotes, SetChoiceCheck, RenameChoiceCheck,
                          SetReviewInterval, SetNextReview, SetCorePlan,
                          SetOrganisationLevel, SetOrganisationForm, SetOrganisationBasis,
                          SetOrganisationNotes, SetOrganisation,
                          SetAccountGoal, SetAccountNotes, SetTarget,
                          AddContact, RemoveContact, SetContactText, SetContactRole,
                          SetContactAttitude, CoverContact, UncoverContact,
                          AddMember, RemoveMember, SetMemberText, SetAccountPeople,
                          AddEvaluation, RemoveEvaluation, SetEvaluation>;

// [SECTION] applying ------------------------------------------------------------------

struct ApplyResult {
    // Set exactly when the edit was performed: applying it undoes the edit.
    std::optional<Edit> inverse;
    // False when the edit was performed but left the portfolio as it was (setting a
    // value it already had): nothing to record, nothing to recompute.
    bool changed = false;
    // Why the edit was refused (empty when it was performed).
    Problems problems;

    bool ok() const { return inverse.has_value(); }
};

// The problems that would refuse `edit` on `portfolio`; empty when it may be applied.
// Places are JSON Pointers into the file as it would be saved ("/accounts/3/name").
Problems check(const Portfolio& portfolio, const Edit& edit);

// Checks, then performs `edit` and returns its inverse; a refused edit changes nothing.
ApplyResult apply(Portfolio& portfolio, const Edit& edit);

// [SECTION] helpers -------------------------------------------------------------------

// What a user typed into a text field as an edit: "" becomes "absent" for segment and
// region (name stays "" and is refused by check, as the format requires a name).
SetAccountText set_account_text(int account, AccountText field, std::string_view text);

// A criterion id of the spec's shape (1–64 of a-z 0-9 _ -) made from a display name
// ("Growth potential" → "growth_potential"), not used by any criterion of `portfolio`
// ("growth_potential_2" when it is). A name without such characters gives "criterion".
std::string free_criterion_id(const Portfolio& portfolio, std::string_view name);

// SetCriterionRange lists at most this many stranded scores, then says how many more.
inline constexpr int kMaxListedScores = 10;

// Years the format can hold as a key: four digits.
inline constexpr int kMinYear = 1000;
inline constexpr int kMaxYear = 9999;

// Largest magnitude the reader accepts for a number; edits keep to it too, so every
// saved file opens again.
inline constexpr double kMaxMagnitude = 1e15;

}  // namespace kc
