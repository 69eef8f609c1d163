// Checking and performing each kind of Edit (see edit.hpp).
//
// Every kind has one `check_kind` overload (adds a Problem per rule of the format it
// would break) and one `perform` overload (changes the portfolio, records the inverse).
// perform runs only after check found nothing, so it may index without fear.
#include "edit.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

#include "edit_rules.hpp"
#include "json_text.hpp"
#include "read_values.hpp"

namespace kc {

using namespace edit_rules;

namespace {

// [SECTION] messages and places -------------------------------------------------------

std::string criterion_place(int criterion) { return "/criteria/" + std::to_string(criterion); }
std::string score_place(int account, const Criterion& criterion) {
    return account_place(account) + "/scores/" + pointer_token(criterion.id);
}

const char* text_key(AccountText field) {
    switch (field) {
        case AccountText::name: return "name";
        case AccountText::segment: return "segment";
        case AccountText::region: return "region";
    }
    return "name";
}

// [SECTION] rules shared by several kinds -------------------------------------------

bool criterion_exists(const Portfolio& portfolio, int criterion, Problems& out) {
    if (criterion >= 0 && static_cast<std::size_t>(criterion) < portfolio.criteria.size()) return true;
    refuse(out, "no_such_criterion", criterion_place(criterion),
           "there is no criterion at index " + std::to_string(criterion) + " (the portfolio has " +
               std::to_string(portfolio.criteria.size()) + ")");
    return false;
}

void check_score(const Criterion& criterion, double value, const std::string& place, Problems& out) {
    if (!has_score(value)) return;   // "no score" is always allowed
    check_number(value, place, criterion.min, criterion.max, out, "score_out_of_range");
}

// One end of a criterion's scale: any finite number the reader accepts.
void check_scale_end(double value, const std::string& place, Problems& out) {
    if (std::isfinite(value) && std::fabs(value) <= kMaxMagnitude) return;
    refuse(out, "out_of_range", place, "must be a finite number of at most 1e15 in size, got " + number_text(value));
}

void check_scale(double min, double max, const std::string& place, Problems& out) {
    const std::size_t before = out.size();
    check_scale_end(min, place + "/min", out);
    check_scale_end(max, place + "/max", out);
    if (out.size() == before && !(max > min))
        refuse(out, "max_not_above_min", place + "/max",
               "max must be above min, got min " + number_text(min) + " and max " + number_text(max));
}

// Every score `score_of(account)` outside min..max of `criterion`, one Problem each up to
// kMaxListedScores, then one that counts the rest (10,000 accounts need not mean 10,000 lines).
template <typename ScoreOf>
void check_scores_within(const Portfolio& p, const Criterion& criterion, int criterion_index, ScoreOf score_of,
                         Problems& out) {
    int stranded = 0;
    for (std::size_t a = 0; a < p.accounts.size(); ++a) {
        const double s = score_of(a);
        if (!has_score(s) || (s >= criterion.min && s <= criterion.max)) continue;
        if (++stranded <= kMaxListedScores)
            check_score(criterion, s, score_place(static_cast<int>(a), criterion), out);
    }
    if (stranded > kMaxListedScores)
        refuse(out, "score_out_of_range", criterion_place(criterion_index),
               "and " + std::to_string(stranded - kMaxListedScores) + " more scores outside " +
                   number_text(criterion.min) + " to " + number_text(criterion.max));
}

// Everything a criterion can carry that the format restricts, for one that enters the
// portfolio whole (AddCriterion).
void check_criterion(const Portfolio& p, const Criterion& c, const std::string& place, Problems& out) {
    if (!detail::is_criterion_id(c.id))
        refuse(out, "bad_criterion_id", place + "/id",
               "must be 1 to 64 characters of a-z, 0-9, '_' and '-', got " + quote_for_message(c.id));
    else if (p.criterion_index(c.id) >= 0)
        refuse(out, "duplicate_id", place + "/id", "another criterion already has the id \"" + c.id + "\"");
    check_text(c.name, place + "/name", false, out);
    check_amount(c.weight, place + "/weight", out);
    check_scale(c.min, c.max, place, out);
}

void check_year_values(const YearValues& values, const std::string& place, Problems& out) {
    int previous = 0;
    for (const auto& [year, amount] : values.items) {
        const std::string year_place = place + "/" + std::to_string(year);
        check_year(year, year_place, out);
        if (year <= previous) refuse(out, "year_order", year_place, "years must be unique and in order");
        check_amount(amount, year_place, out);
        previous = year;
    }
}

// Everything an account can carry that the format restricts. Used when an account
// enters the portfolio whole (AddAccount), so a wrong one can never get in.
void check_account(const Portfolio& portfolio, const Account& account, const std::string& place,
                   Problems& out) {
    check_text(account.id, place + "/id", true, out);
    check_text(account.name, place + "/name", true, out);
    if (account.segment) check_text(*account.segment, place + "/segment", false, out);
    if (account.region) check_text(*account.region, place + "/region", false, out);
    check_text(account.notes, place + "/notes", false, out);
    for (std::size_t i = 0; i < account.products.size(); ++i)
        check_text(account.products[i], place + "/products/" + std::to_string(i), false, out);
    for (const auto& other : portfolio.accounts)
        if (other.id == account.id) {
            refuse(out, "duplicate_id", place + "/id", "another account already has the id \"" + account.id + "\"");
            break;
        }
    check_year_values(account.revenue, place + "/revenue", out);
    check_year_values(account.wallet, place + "/wallet", out);
    if (!account.scores.empty() && account.scores.size() != portfolio.criteria.size()) {
        refuse(out, "scores_count", place + "/scores",
               "has " + std::to_string(account.scores.size()) + " entries for " +
                   std::to_string(portfolio.criteria.size()) + " criteria");
    } else {
        for (std::size_t c = 0; c < account.scores.size(); ++c)
            check_score(portfolio.criteria[c], account.scores[c],
                        place + "/scores/" + pointer_token(portfolio.criteria[c].id), out);
    }
    int previous_target_year = 0;
    for (const auto& [year, target] : account.targets) {
        const std::string target_place = place + "/targets/" + std::to_string(year);
        check_year(year, target_place, out);
        if (year <= previous_target_year) refuse(out, "year_order", target_place, "years must be unique and in order");
        previous_target_year = year;
        if (target.revenue) check_amount(*target.revenue, target_place + "/revenue", out);
        if (target.share_of_wallet)
            check_number(*target.share_of_wallet, target_place + "/share_of_wallet", 0, 1, out);
    }
    for (std::size_t i = 0; i < account.contacts.size(); ++i)
        check_text(account.contacts[i].name, place + "/contacts/" + std::to_string(i) + "/name", true, out);
    for (std::size_t i = 0; i < account.team.size(); ++i)
        check_text(account.team[i].name, place + "/team/" + std::to_string(i) + "/name", true, out);
    for (std::size_t i = 0; i < account.evaluations.size(); ++i)
        if (!detail::is_calendar_date(account.evaluations[i].date))
            refuse(out, "bad_date", place + "/evaluations/" + std::to_string(i) + "/date",
                   "must be a date YYYY-MM-DD, got \"" + account.evaluations[i].date + "\"");
}

// [SECTION] check, one overload per kind ---------------------------------------------

void check_kind(const Portfolio& p, const SetAccountText& e, Problems& out) {
    if (!account_exists(p, e.account, out)) return;
    const std::string place = account_place(e.account) + "/" + text_key(e.field);
    if (e.field == AccountText::name && !e.value) refuse(out, "empty", place, "must be a non-empty string");
    else if (e.value) check_text(*e.value, place, e.field == AccountText::name, out);
}

void check_kind(const Portfolio& p, const SetAccountStatus& e, Problems& out) {
    account_exists(p, e.account, out);
}

void check_kind(const Portfolio& p, const SetRevenue& e, Problems& out) {
    if (!account_exists(p, e.account, out)) return;
    const std::string place = account_place(e.account) + "/revenue/" + std::to_string(e.year);
    check_year(e.year, place, out);
    if (e.amount) check_amount(*e.amount, place, out);
}

void check_kind(const Portfolio& p, const SetKeyAccount& e, Problems& out) {
    account_exists(p, e.account, out);
}

void check_kind(const Portfolio& p, const AddAccount& e, Problems& out) {
    if (e.index < 0 || static_cast<std::size_t>(e.index) > p.accounts.size()) {
        refuse(out, "no_such_account", account_place(e.index),
               "an account can be inserted at 0 to " + std::to_string(p.accounts.size()) + ", not at " +
                   std::to_string(e.index));
        return;
    }
    check_account(p, e.account, account_place(e.index), out);
}

void check_kind(const Portfolio& p, const RemoveAccount& e, Problems& out) {
    account_exists(p, e.index, out);
}

void check_kind(const Portfolio&, const SetAnalysisYear& e, Problems& out) {
    if (e.year) check_year(*e.year, "/portfolio/year", out);
}

void check_kind(const Portfolio&, const SetPyramid& e, Problems& out) {
    const std::size_t before = out.size();
    check_number(e.top, "/portfolio/pyramid/top", 0, 100, out);
    check_number(e.large, "/portfolio/pyramid/large", 0, 100, out);
    check_number(e.medium, "/portfolio/pyramid/medium", 0, 100, out);
    const double sum = e.top + e.large + e.medium;
    if (out.size() == before && sum > 100)
        refuse(out, "pyramid_over_100", "/portfolio/pyramid",
               "top + large + medium must be at most 100, got " + number_text(sum));
}

void check_kind(const Portfolio&, const SetMatrixThresholds& e, Problems& out) {
    check_number(e.x_threshold, "/portfolio/matrix/x_threshold", 0, 100, out);
    check_number(e.y_threshold, "/portfolio/matrix/y_threshold", 0, 100, out);
}

void check_kind(const Portfolio& p, const SetCriterionWeight& e, Problems& out) {
    if (!criterion_exists(p, e.criterion, out)) return;
    check_amount(e.weight, "/criteria/" + std::to_string(e.criterion) + "/weight", out);
}

void check_kind(const Portfolio& p, const SetScore& e, Problems& out) {
    const bool account_ok = account_exists(p, e.account, out);
    if (!criterion_exists(p, e.criterion, out) || !account_ok) return;
    const Criterion& criterion = p.criteria[e.criterion];
    check_score(criterion, e.value, score_place(e.account, criterion), out);
}

void check_kind(const Portfolio& p, const AddCriterion& e, Problems& out) {
    if (e.index < 0 || static_cast<std::size_t>(e.index) > p.criteria.size()) {
        refuse(out, "no_such_criterion", criterion_place(e.index),
               "a criterion can be inserted at 0 to " + std::to_string(p.criteria.size()) + ", not at " +
                   std::to_string(e.index));
        return;
    }
    const std::size_t before = out.size();
    check_criterion(p, e.criterion, criterion_place(e.index), out);
    if (e.scores.empty() || out.size() != before) return;   // scores need a sound range and id
    if (e.scores.size() != p.accounts.size()) {
        refuse(out, "scores_count", criterion_place(e.index),
               "comes with " + std::to_string(e.scores.size()) + " scores for " +
                   std::to_string(p.accounts.size()) + " accounts");
        return;
    }
    check_scores_within(p, e.criterion, e.index, [&](std::size_t a) { return e.scores[a]; }, out);
}

void check_kind(const Portfolio& p, const RemoveCriterion& e, Problems& out) {
    criterion_exists(p, e.index, out);
}

void check_kind(const Portfolio& p, const RenameCriterion& e, Problems& out) {
    if (criterion_exists(p, e.criterion, out)) check_text(e.name, criterion_place(e.criterion) + "/name", false, out);
}

void check_kind(const Portfolio& p, const MoveCriterion& e, Problems& out) {
    if (criterion_exists(p, e.from, out)) criterion_exists(p, e.to, out);
}

void check_kind(const Portfolio& p, const SetCriterionRange& e, Problems& out) {
    if (!criterion_exists(p, e.criterion, out)) return;
    const std::size_t before = out.size();
    check_scale(e.min, e.max, criterion_place(e.criterion), out);
    if (out.size() != before) return;
    Criterion rescaled = p.criteria[e.criterion];
    rescaled.min = e.min;
    rescaled.max = e.max;
    check_scores_within(p, rescaled, e.criterion,
                        [&](std::size_t a) { return p.accounts[a].scores[e.criterion]; }, out);
}

void check_kind(const Portfolio& p, const SetCriterionAxis& e, Problems& out) {
    criterion_exists(p, e.criterion, out);
}

void check_kind(const Portfolio&, const SetQuadrantLabels& e, Problems& out) {
    if (!e.labels) return;
    for (std::size_t q = 0; q < e.labels->own.size(); ++q)
        if (e.labels->own[q])
            check_text(*e.labels->own[q], std::string("/portfolio/matrix/labels/") + kQuadrantIds[q], false, out);
}

// [SECTION] perform, one overload per kind -------------------------------------------
// Each records the inverse and whether anything changed. Present bits are never touched:
// the writer writes a key when it was in the file or differs from its default, so
// leaving them alone is what makes an edit followed by its inverse save identically.

void perform(Portfolio& p, const SetAccountText& e, ApplyResult& result) {
    Account& account = p.accounts[e.account];
    if (e.field == AccountText::name) {
        SetAccountText inverse{e.account, e.field, account.name};
        const bool changed = account.name != *e.value;
        account.name = *e.value;
        return done(result, std::move(inverse), changed);
    }
    std::optional<std::string>& slot = e.field == AccountText::segment ? account.segment : account.region;
    SetAccountText inverse{e.account, e.field, slot};
    const bool changed = slot != e.value;
    slot = e.value;
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetAccountStatus& e, ApplyResult& result) {
    Status& status = p.accounts[e.account].status;
    done(result, SetAccountStatus{e.account, status}, status != e.status);
    status = e.status;
}

void perform(Portfolio& p, const SetRevenue& e, ApplyResult& result) {
    YearValues& revenue = p.accounts[e.account].revenue;
    const double* old = revenue.find(e.year);
    SetRevenue inverse{e.account, e.year, old ? std::optional<double>(*old) : std::nullopt};
    // Compared as optionals: 0 written and "no value" are different files.
    const bool changed = inverse.amount != e.amount;
    if (e.amount) revenue.set(e.year, *e.amount);
    else revenue.erase(e.year);
    done(result, std::move(inverse), changed);
}

void perform(Portfolio& p, const SetKeyAccount& e, ApplyResult& result) {
    bool& key = p.accounts[e.account].key;
    done(result, SetKeyAccount{e.account, key}, key != e.key);
    key = e.key;
}

void perform(Portfolio& p, const AddAccount& e, ApplyResult& result) {
    Account account = e.account;
    // Invariant of the model: one score slot per criterion.
    if (account.scores.empty()) account.scores.assign(p.criteria.size(), kNoScore);
    p.accounts.insert(p.accounts.begin() + e.index, std::move(account));
    done(result, RemoveAccount{e.index}, true);
}

void perform(Portfolio& p, const RemoveAccount& e, ApplyResult& result) {
    AddAccount inverse{e.index, std::move(p.accounts[e.index])};
    p.accounts.erase(p.accounts.begin() + e.index);
    done(result, std::move(inverse), true);
}

void perform(Portfolio& p, const SetAnalysisYear& e, ApplyResult& result) {
    std::optional<int>& year = p.info.year;
    done(result, SetAnalysisYear{year}, year != e.year);
    year = e.year;
}

void perform(Portfolio& p, const SetPyramid& e, ApplyResult& result) {
    Pyramid& pyramid = p.info.pyramid;
    SetPyramid inverse{pyramid.top, pyramid.large, pyramid.medium};
    const bool changed = pyramid.top != e.top || pyramid.large != e.large || pyramid.medium != e.medium;
    pyramid.top = e.top;
    pyramid.large = e.large;
    pyramid.medium = e.medium;
    done(result, inverse, changed);
}

void perform(Portfolio& p, const SetMatrixThresholds& e, ApplyResult& result) {
    MatrixThresholds& matrix = p.info.matrix;
    SetMatrixThresholds inverse{matrix.x_threshold, matrix.y_threshold};
    const bool changed = matrix.x_threshold != e.x_threshold || matrix.y_threshold != e.y_threshold;
    matrix.x_threshold = e.x_threshold;
    matrix.y_threshold = e.y_threshold;
    done(result, inverse, changed);
}

void perform(Portfolio& p, const SetCriterionWeight& e, ApplyResult& result) {
    double& weight = p.criteria[e.criterion].weight;
    done(result, SetCriterionWeight{e.criterion, weight}, weight != e.weight);
    weight = e.weight;
}

void perform(Portfolio& p, const SetScore& e, ApplyResult& result) {
    double& score = p.accounts[e.account].scores[e.criterion];
    // NaN marks "no score": two missing scores are the same, whatever NaN payload they carry.
    const bool same = has_score(score) ? (has_score(e.value) && score == e.value) : !has_score(e.value);
    done(result, SetScore{e.account, e.criterion, score}, !same);
    score = e.value;
}

void perform(Portfolio& p, const AddCriterion& e, ApplyResult& result) {
    p.criteria.insert(p.criteria.begin() + e.index, e.criterion);
    for (std::size_t a = 0; a < p.accounts.size(); ++a) {
        std::vector<double>& scores = p.accounts[a].scores;
        scores.insert(scores.begin() + e.index, e.scores.empty() ? kNoScore : e.scores[a]);
    }
    done(result, RemoveCriterion{e.index}, true);
}

void perform(Portfolio& p, const RemoveCriterion& e, ApplyResult& result) {
    AddCriterion inverse{e.index, std::move(p.criteria[e.index]), {}};
    inverse.scores.reserve(p.accounts.size());
    bool any_score = false;
    for (Account& account : p.accounts) {
        const double score = account.scores[e.index];
        any_score = any_score || has_score(score);
        inverse.scores.push_back(score);
        account.scores.erase(account.scores.begin() + e.index);
    }
    if (!any_score) inverse.scores = {};   // "no scores" needs no vector of a million NaNs
    p.criteria.erase(p.criteria.begin() + e.index);
    done(result, std::move(inverse), true);
}

void perform(Portfolio& p, const RenameCriterion& e, ApplyResult& result) {
    std::string& name = p.criteria[e.criterion].name;
    RenameCriterion inverse{e.criterion, name};
    const bool changed = name != e.name;
    name = e.name;
    done(result, std::move(inverse), changed);
}

// Moves items[from] to position `to`, keeping the order of the others.
template <typename T>
void move_item(std::vector<T>& items, int from, int to) {
    const auto first = items.begin();
    if (from < to) std::rotate(first + from, first + from + 1, first + to + 1);
    else if (from > to) std::rotate(first + to, first + from, first + from + 1);
}

void perform(Portfolio& p, const MoveCriterion& e, ApplyResult& result) {
    move_item(p.criteria, e.from, e.to);
    for (Account& account : p.accounts) move_item(account.scores, e.from, e.to);
    done(result, MoveCriterion{e.to, e.from}, e.from != e.to);
}

void perform(Portfolio& p, const SetCriterionRange& e, ApplyResult& result) {
    Criterion& c = p.criteria[e.criterion];
    SetCriterionRange inverse{e.criterion, c.min, c.max};
    const bool changed = c.min != e.min || c.max != e.max;
    c.min = e.min;
    c.max = e.max;
    done(result, inverse, changed);
}

void perform(Portfolio& p, const SetCriterionAxis& e, ApplyResult& result) {
    // axis_is_null stays: setting the axis back to none writes the `null` the file had.
    Axis& axis = p.criteria[e.criterion].axis;
    done(result, SetCriterionAxis{e.criterion, axis}, axis != e.axis);
    axis = e.axis;
}

void perform(Portfolio& p, const SetQuadrantLabels& e, ApplyResult& result) {
    std::optional<QuadrantLabels>& labels = p.info.matrix.labels;
    SetQuadrantLabels inverse{labels};
    const bool changed = labels != e.labels;
    labels = e.labels;
    done(result, std::move(inverse), changed);
}

// [SECTION] criterion ids --------------------------------------------------------------

constexpr std::size_t kMaxCriterionId = 64;

// Lower-case ASCII letters and digits of `name`, every other run of characters one '_'.
std::string criterion_id_base(std::string_view name) {
    std::string id;
    for (char c : name) {
        const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) id += lower;
        else if (!id.empty() && id.back() != '_') id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    return id.empty() ? "criterion" : id;
}

}  // namespace

// [SECTION] the interface ---------------------------------------------------------------

Problems check(const Portfolio& portfolio, const Edit& edit) {
    Problems problems;
    std::visit(
        [&](const auto& kind) {
            if constexpr (is_plan_edit<std::decay_t<decltype(kind)>>) check_plan_edit(portfolio, edit, problems);
            else check_kind(portfolio, kind, problems);
        },
        edit);
    return problems;
}

ApplyResult apply(Portfolio& portfolio, const Edit& edit) {
    ApplyResult result;
    result.problems = check(portfolio, edit);
    if (!result.problems.empty()) return result;
    std::visit(
        [&](const auto& kind) {
            if constexpr (is_plan_edit<std::decay_t<decltype(kind)>>) perform_plan_edit(portfolio, edit, result);
            else perform(portfolio, kind, result);
        },
        edit);
    return result;
}

std::string free_criterion_id(const Portfolio& portfolio, std::string_view name) {
    const std::string base = criterion_id_base(name);
    std::string id = base.substr(0, kMaxCriterionId);
    for (int n = 2; portfolio.criterion_index(id) >= 0; ++n) {
        std::string suffix(1, '_');
        suffix += std::to_string(n);
        id.assign(base, 0, kMaxCriterionId - suffix.size());
        id += suffix;
    }
    return id;
}

SetAccountText set_account_text(int account, AccountText field, std::string_view text) {
    SetAccountText edit{account, field, std::string(text)};
    if (text.empty() && field != AccountText::name) edit.value.reset();
    return edit;
}

}  // namespace kc
