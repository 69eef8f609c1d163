// Checking and performing each kind of Edit (see edit.hpp).
//
// Every kind has one `check_kind` overload (adds a Problem per rule of the format it
// would break) and one `perform` overload (changes the portfolio, records the inverse).
// perform runs only after check found nothing, so it may index without fear.
#include "edit.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

#include "json_text.hpp"

namespace kc {
namespace {

// [SECTION] messages and places -------------------------------------------------------

// A number as the file would hold it ("5", "0.25"); the values JSON cannot hold by name.
std::string number_text(double value) {
    if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "infinity" : "-infinity");
    return json_number(value);
}

// One reference token of a JSON Pointer, escaped ("a/b" → "a~1b").
std::string pointer_token(std::string_view text) {
    std::string out;
    append_pointer_segment(out, text);
    return out.substr(1);   // without the leading "/"
}

std::string account_place(int account) { return "/accounts/" + std::to_string(account); }

const char* text_key(AccountText field) {
    switch (field) {
        case AccountText::name: return "name";
        case AccountText::segment: return "segment";
        case AccountText::region: return "region";
    }
    return "name";
}

// `code` names the rule (see Problem::code), so the UI can word the refusal itself.
void refuse(Problems& out, const char* code, std::string place, std::string message) {
    out.push_back({Severity::error, std::move(place), std::move(message), code});
}

// [SECTION] rules shared by several kinds -------------------------------------------

bool account_exists(const Portfolio& portfolio, int account, Problems& out) {
    if (account >= 0 && static_cast<std::size_t>(account) < portfolio.accounts.size()) return true;
    refuse(out, "no_such_account", account_place(account),
           "there is no account at index " + std::to_string(account) + " (the portfolio has " +
               std::to_string(portfolio.accounts.size()) + ")");
    return false;
}

bool criterion_exists(const Portfolio& portfolio, int criterion, Problems& out) {
    if (criterion >= 0 && static_cast<std::size_t>(criterion) < portfolio.criteria.size()) return true;
    refuse(out, "no_such_criterion", "/criteria/" + std::to_string(criterion),
           "there is no criterion at index " + std::to_string(criterion) + " (the portfolio has " +
               std::to_string(portfolio.criteria.size()) + ")");
    return false;
}

void check_text(std::string_view text, const std::string& place, bool required, Problems& out) {
    if (required && text.empty()) refuse(out, "empty", place, "must be a non-empty string");
    else if (!is_valid_utf8(text)) refuse(out, "invalid_utf8", place, "must be valid UTF-8 text");
}

void check_year(int year, const std::string& place, Problems& out) {
    if (year < kMinYear || year > kMaxYear)
        refuse(out, "bad_year", place, "year must have four digits (1000–9999), got " + std::to_string(year));
}

// A finite number in low..high (a high of kMaxMagnitude reads "≥ low").
void check_number(double value, const std::string& place, double low, double high, Problems& out,
                  const char* code = "out_of_range") {
    if (!std::isfinite(value) || value < low || value > high) {
        const std::string range = high >= kMaxMagnitude
                                      ? "a number ≥ " + number_text(low)
                                      : "a number from " + number_text(low) + " to " + number_text(high);
        refuse(out, code, place, "must be " + range + ", got " + number_text(value));
    }
}

void check_amount(double value, const std::string& place, Problems& out) {
    check_number(value, place, 0, kMaxMagnitude, out);
}

void check_score(const Criterion& criterion, double value, const std::string& place, Problems& out) {
    if (!has_score(value)) return;   // "no score" is always allowed
    check_number(value, place, criterion.min, criterion.max, out, "score_out_of_range");
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

bool valid_date(std::string_view date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (date[i] < '0' || date[i] > '9') return false;
    return true;
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
        if (!valid_date(account.evaluations[i].date))
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
    check_score(criterion, e.value,
                account_place(e.account) + "/scores/" + pointer_token(criterion.id), out);
}

// [SECTION] perform, one overload per kind -------------------------------------------
// Each records the inverse and whether anything changed. Present bits are never touched:
// the writer writes a key when it was in the file or differs from its default, so
// leaving them alone is what makes an edit followed by its inverse save identically.

template <typename Kind>
void done(ApplyResult& result, Kind inverse, bool changed) {
    result.inverse = Edit{std::move(inverse)};
    result.changed = changed;
}

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

}  // namespace

// [SECTION] the interface ---------------------------------------------------------------

Problems check(const Portfolio& portfolio, const Edit& edit) {
    Problems problems;
    std::visit([&](const auto& kind) { check_kind(portfolio, kind, problems); }, edit);
    return problems;
}

ApplyResult apply(Portfolio& portfolio, const Edit& edit) {
    ApplyResult result;
    result.problems = check(portfolio, edit);
    if (!result.problems.empty()) return result;
    std::visit([&](const auto& kind) { perform(portfolio, kind, result); }, edit);
    return result;
}

SetAccountText set_account_text(int account, AccountText field, std::string_view text) {
    SetAccountText edit{account, field, std::string(text)};
    if (text.empty() && field != AccountText::name) edit.value.reset();
    return edit;
}

}  // namespace kc
