// The account-management plan read from the portfolio (plan.hpp); the rules are those of
// docs/plan.md, section by section.
#include "plan.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

namespace kc {
namespace {

bool in_team(const Account& account, std::string_view name) {
    return std::any_of(account.team.begin(), account.team.end(), [&](const Member& m) { return m.name == name; });
}

bool covers(const Contact& contact, std::string_view name) {
    return std::find(contact.covered_by.begin(), contact.covered_by.end(), name) != contact.covered_by.end();
}

// rev(a, Y) from the report; 0 for an account the report does not know.
double revenue_in_y(const Report& report, int account) {
    const auto a = static_cast<std::size_t>(account);
    return a < report.revenue_of.size() ? report.revenue_of[a] : 0.0;
}

// Index of the evaluation with the latest date among those `counts`, ties to the later in
// the file; -1 when none counts.
template <typename Counts>
int latest_evaluation(const Account& account, Counts counts) {
    int latest = -1;
    std::optional<Date> latest_date;
    for (std::size_t i = 0; i < account.evaluations.size(); ++i) {
        const Evaluation& e = account.evaluations[i];
        const std::optional<Date> date = parse_date(e.date);
        if (!date || !counts(e)) continue;
        if (!latest_date || *date >= *latest_date) {
            latest = static_cast<int>(i);
            latest_date = date;
        }
    }
    return latest;
}

// The latest year before `year` for which `values` has an entry satisfying `accept`.
template <typename Accept>
std::optional<std::pair<int, double>> latest_before(const YearValues& values, int year, Accept accept) {
    std::optional<std::pair<int, double>> found;
    for (const auto& [y, v] : values.items)
        if (y < year && accept(v)) found = std::pair{y, v};
    return found;
}

bool positive(double value) { return value > 0; }
bool any_value(double) { return true; }

}  // namespace

// [SECTION] coverage ---------------------------------------------------------------------------

bool is_covered(const Account& account, const Contact& contact) {
    return std::any_of(contact.covered_by.begin(), contact.covered_by.end(),
                       [&](const std::string& name) { return in_team(account, name); });
}

CoverageGaps coverage_gaps(const Account& account) {
    CoverageGaps gaps;
    for (std::size_t c = 0; c < account.contacts.size(); ++c) {
        const Contact& contact = account.contacts[c];
        const bool covered = is_covered(account, contact);
        const bool decides = contact.role == BuyingRole::decider || contact.role == BuyingRole::buyer;
        if (decides && !covered) gaps.uncovered_deciders.push_back(static_cast<int>(c));
        if (contact.attitude == Attitude::opponent && !covered) gaps.uncovered_opponents.push_back(static_cast<int>(c));
        for (const std::string& name : contact.covered_by)
            if (!in_team(account, name)) gaps.unknown_covers.push_back({static_cast<int>(c), name});
    }
    for (std::size_t m = 0; m < account.team.size(); ++m) {
        const std::string& name = account.team[m].name;
        const bool covers_someone = std::any_of(account.contacts.begin(), account.contacts.end(),
                                                [&](const Contact& contact) { return covers(contact, name); });
        if (!covers_someone) gaps.idle_members.push_back(static_cast<int>(m));
    }
    gaps.no_contacts = account.key && account.contacts.empty();
    gaps.no_team = account.key && account.team.empty();
    return gaps;
}

// [SECTION] reviews ---------------------------------------------------------------------------

namespace {

AccountReview review_of(const Account& account, const ReviewPlan& plan, Date today) {
    AccountReview review;
    review.reviewed = account.key || account.goal != Goal::none || !account.evaluations.empty();
    if (!review.reviewed) return review;
    if (int last = latest_evaluation(account, [](const Evaluation&) { return true; }); last >= 0)
        review.last = parse_date(account.evaluations[static_cast<std::size_t>(last)].date);
    auto has_status = [](const Evaluation& e) { return e.status != EvalStatus::none; };
    const int with_status = latest_evaluation(account, has_status);
    if (with_status >= 0) review.status = account.evaluations[static_cast<std::size_t>(with_status)].status;

    if (review.last && plan.interval_months) review.due = add_months(*review.last, *plan.interval_months);
    else review.due = plan.next;
    if (review.due) {
        review.overdue = *review.due < today;
        if (review.overdue) review.days_overdue = days_between(*review.due, today);
    } else {
        // Never reviewed while the plan has a review cycle: owed a first review since always.
        review.overdue = !review.last && plan.interval_months.has_value();
    }
    return review;
}

// Where an account stands in the Evaluation step's list: lower first.
int attention_rank(const AccountReview& review) {
    if (review.status == EvalStatus::off_track || review.overdue) return 0;
    if (review.status == EvalStatus::at_risk) return 1;
    return 2;
}

// The date an account is sorted by within its rank: overdue without a due date (never
// reviewed) first, no due date otherwise last.
Date sort_date(const AccountReview& review) {
    if (review.due) return *review.due;
    return review.overdue ? Date{0, 1, 1} : Date{99999, 12, 31};
}

}  // namespace

ReviewPlan review_plan(const Portfolio& portfolio, Date today) {
    ReviewPlan plan;
    if (portfolio.core && portfolio.core->evaluation) {
        const CoreEvaluation& evaluation = *portfolio.core->evaluation;
        plan.interval_months = evaluation.interval_months;
        if (evaluation.next) plan.next = parse_date(*evaluation.next);
    }
    plan.next_overdue = plan.next && *plan.next < today;

    plan.of.reserve(portfolio.accounts.size());
    for (const Account& account : portfolio.accounts) plan.of.push_back(review_of(account, plan, today));
    for (std::size_t i = 0; i < plan.of.size(); ++i) {
        const AccountReview& review = plan.of[i];
        const int a = static_cast<int>(i);
        if (!review.reviewed) continue;
        if (review.overdue) plan.overdue.push_back(a);
        if (review.status == EvalStatus::off_track) plan.off_track.push_back(a);
        if (review.status == EvalStatus::at_risk) plan.at_risk.push_back(a);
        plan.order.push_back(a);
    }
    // Never reviewed (no due date) first, then the most days overdue; stable: file order.
    std::stable_sort(plan.overdue.begin(), plan.overdue.end(), [&](int x, int y) {
        const AccountReview& rx = plan.of[static_cast<std::size_t>(x)];
        const AccountReview& ry = plan.of[static_cast<std::size_t>(y)];
        if (rx.due.has_value() != ry.due.has_value()) return !rx.due.has_value();
        return rx.days_overdue > ry.days_overdue;
    });
    std::stable_sort(plan.order.begin(), plan.order.end(), [&](int x, int y) {
        const AccountReview& rx = plan.of[static_cast<std::size_t>(x)];
        const AccountReview& ry = plan.of[static_cast<std::size_t>(y)];
        if (attention_rank(rx) != attention_rank(ry)) return attention_rank(rx) < attention_rank(ry);
        return sort_date(rx) < sort_date(ry);
    });
    return plan;
}

// [SECTION] results ---------------------------------------------------------------------------

std::string_view to_string(TargetIssue issue) {
    switch (issue) {
        case TargetIssue::above_wallet: return "above_wallet";
        case TargetIssue::growth_not_above_current: return "growth_not_above_current";
        case TargetIssue::retention_below_current: return "retention_below_current";
        case TargetIssue::goal_without_target: return "goal_without_target";
    }
    return "";
}

namespace {

// revenue / wallet of `year` when the wallet is above 0 (no revenue recorded counts as 0).
std::optional<double> share_in(const Account& account, int year) {
    const double* wallet = account.wallet.find(year);
    if (!wallet || *wallet <= 0) return std::nullopt;
    return account.revenue.get(year) / *wallet;
}

void check_target(const Account& account, int a, int year, const Target& target, std::vector<TargetCheck>& out) {
    auto add = [&](TargetIssue issue, TargetValue value, double wanted, std::pair<int, double> reference) {
        out.push_back({a, year, issue, value, wanted, reference.second, reference.first});
    };
    if (target.revenue) {
        // The wallet of the target year, or the latest one before it: what the customer spends.
        if (auto wallet = latest_before(account.wallet, year + 1, positive); wallet && *target.revenue > wallet->second)
            add(TargetIssue::above_wallet, TargetValue::revenue, *target.revenue, *wallet);
        if (auto current = latest_before(account.revenue, year, any_value)) {
            if (account.goal == Goal::growth && *target.revenue <= current->second)
                add(TargetIssue::growth_not_above_current, TargetValue::revenue, *target.revenue, *current);
            if (account.goal == Goal::retention && *target.revenue < current->second)
                add(TargetIssue::retention_below_current, TargetValue::revenue, *target.revenue, *current);
        }
    }
    if (target.share_of_wallet && account.goal == Goal::growth) {
        std::optional<std::pair<int, double>> current;
        for (const auto& [y, wallet] : account.wallet.items)
            if (y < year && wallet > 0) current = std::pair{y, account.revenue.get(y) / wallet};
        if (current && *target.share_of_wallet <= current->second)
            add(TargetIssue::growth_not_above_current, TargetValue::share_of_wallet, *target.share_of_wallet, *current);
    }
}

void check_goal_has_target(const Account& account, int a, std::optional<int> y, std::vector<TargetCheck>& out) {
    if (account.goal == Goal::none) return;
    const bool has_target = std::any_of(account.targets.begin(), account.targets.end(),
                                        [&](const auto& t) { return !y || t.first > *y; });
    if (!has_target)
        out.push_back({a, y ? *y + 1 : 0, TargetIssue::goal_without_target, TargetValue::revenue, 0, 0, 0});
}

std::vector<TargetTotals> totals_of(const Portfolio& portfolio) {
    std::map<int, TargetTotals> by_year;
    for (const Account& account : portfolio.accounts)
        for (const auto& [year, target] : account.targets) {
            if (!target.revenue) continue;
            TargetTotals& totals = by_year[year];
            totals.year = year;
            ++totals.accounts;
            totals.target_revenue += *target.revenue;
            totals.previous_revenue += account.revenue.get(year - 1);
            if (const double* actual = account.revenue.find(year))
                totals.actual_revenue = totals.actual_revenue.value_or(0) + *actual;
        }
    std::vector<TargetTotals> totals;
    for (auto& [year, t] : by_year) totals.push_back(t);
    return totals;
}

}  // namespace

std::vector<TargetProgress> target_progress(const Account& account) {
    std::vector<TargetProgress> progress;
    for (const auto& [year, target] : account.targets) {
        TargetProgress p;
        p.year = year;
        p.target_revenue = target.revenue;
        if (const double* actual = account.revenue.find(year)) p.actual_revenue = *actual;
        if (p.target_revenue && p.actual_revenue && *p.target_revenue > 0)
            p.revenue_attained = *p.actual_revenue / *p.target_revenue;
        p.target_share = target.share_of_wallet;
        p.actual_share = share_in(account, year);
        if (p.target_share && p.actual_share) p.share_gap = *p.actual_share - *p.target_share;
        progress.push_back(p);
    }
    return progress;
}

ResultsPlan results_plan(const Portfolio& portfolio, const Report& report) {
    ResultsPlan plan;
    plan.progress.reserve(portfolio.accounts.size());
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const Account& account = portfolio.accounts[i];
        const int a = static_cast<int>(i);
        if (account.goal == Goal::retention) ++plan.retention;
        if (account.goal == Goal::growth) ++plan.growth;
        plan.progress.push_back(target_progress(account));
        const std::size_t first = plan.checks.size();
        for (const auto& [year, target] : account.targets) check_target(account, a, year, target, plan.checks);
        check_goal_has_target(account, a, report.year, plan.checks);
        std::stable_sort(plan.checks.begin() + static_cast<long>(first), plan.checks.end(),
                         [](const TargetCheck& x, const TargetCheck& y) {
                             return x.year != y.year ? x.year < y.year : x.issue < y.issue;
                         });
    }
    plan.totals = totals_of(portfolio);
    return plan;
}

// [SECTION] timeline ---------------------------------------------------------------------------

std::vector<TimelineYear> account_timeline(const Account& account) {
    std::set<int> years;
    for (const auto& [y, v] : account.revenue.items) years.insert(y);
    for (const auto& [y, v] : account.wallet.items) years.insert(y);
    for (const auto& [y, t] : account.targets) years.insert(y);
    for (const Evaluation& e : account.evaluations)
        if (auto date = parse_date(e.date)) years.insert(date->year);

    std::vector<TimelineYear> timeline;
    for (int year : years) {
        TimelineYear entry;
        entry.year = year;
        if (const double* revenue = account.revenue.find(year)) entry.revenue = *revenue;
        if (const double* wallet = account.wallet.find(year)) entry.wallet = *wallet;
        entry.share_of_wallet = share_in(account, year);
        for (const auto& [y, target] : account.targets)
            if (y == year) {
                entry.target_revenue = target.revenue;
                entry.target_share = target.share_of_wallet;
            }
        for (std::size_t i = 0; i < account.evaluations.size(); ++i)
            if (auto date = parse_date(account.evaluations[i].date); date && date->year == year)
                entry.evaluations.push_back(static_cast<int>(i));
        std::stable_sort(entry.evaluations.begin(), entry.evaluations.end(), [&](int x, int y) {
            return account.evaluations[static_cast<std::size_t>(x)].date <
                   account.evaluations[static_cast<std::size_t>(y)].date;
        });
        for (int i : entry.evaluations)
            if (EvalStatus s = account.evaluations[static_cast<std::size_t>(i)].status; s != EvalStatus::none)
                entry.status = s;
        timeline.push_back(std::move(entry));
    }
    return timeline;
}

// [SECTION] team workload ---------------------------------------------------------------------

bool is_account_manager(const Member& member) {
    const std::optional<std::string>& text = member.role && !member.role->empty() ? member.role : member.function;
    if (!text) return false;
    std::string folded;
    for (char c : *text) {
        if (c == ' ' || c == '-' || c == '_' || c == '.') continue;
        folded += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return folded.find("accountmanager") != std::string::npos || folded == "kam" || folded == "am";
}

std::vector<std::string> account_managers(const Account& account) {
    std::vector<std::string> names;
    for (const Member& member : account.team)
        if (is_account_manager(member) && std::find(names.begin(), names.end(), member.name) == names.end())
            names.push_back(member.name);
    return names;
}

std::vector<MemberWorkload> team_workload(const Portfolio& portfolio, const Report& report) {
    std::vector<MemberWorkload> people;
    std::map<std::string, std::size_t, std::less<>> index_of;
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const Account& account = portfolio.accounts[i];
        const int a = static_cast<int>(i);
        for (std::size_t m = 0; m < account.team.size(); ++m) {
            const std::string& name = account.team[m].name;
            // A name twice in one team is one person: the first entry stands for both.
            if (member_index(account, name) != static_cast<int>(m)) continue;
            auto [at, added] = index_of.try_emplace(name, people.size());
            if (added) people.push_back(MemberWorkload{name, {}, {}, 0, 0, 0, 0});
            MemberWorkload& person = people[at->second];
            person.accounts.push_back(a);
            person.team_index.push_back(static_cast<int>(m));
            person.revenue += revenue_in_y(report, a);
            if (account.key) ++person.key_accounts;
            if (std::any_of(account.team.begin(), account.team.end(),
                            [&](const Member& entry) { return entry.name == name && is_account_manager(entry); }))
                ++person.managed;
            for (const Contact& contact : account.contacts)
                if (covers(contact, name)) ++person.contacts_covered;
        }
    }
    std::sort(people.begin(), people.end(), [](const MemberWorkload& x, const MemberWorkload& y) {
        return x.revenue != y.revenue ? x.revenue > y.revenue : x.name < y.name;
    });
    return people;
}

// [SECTION] the Choice verdict ----------------------------------------------------------------

std::string_view to_string(ChoiceVerdict verdict) {
    switch (verdict) {
        case ChoiceVerdict::unanswered: return "unanswered";
        case ChoiceVerdict::not_ready: return "not_ready";
        case ChoiceVerdict::incomplete: return "incomplete";
        case ChoiceVerdict::go: return "go";
        case ChoiceVerdict::go_with_reservations: return "go_with_reservations";
    }
    return "";
}

ChoiceAssessment assess_choice(const Portfolio& portfolio) {
    static const std::vector<std::pair<std::string, bool>> kNoChecks;
    const auto& checks = portfolio.core && portfolio.core->choice ? portfolio.core->choice->checks : kNoChecks;
    ChoiceAssessment assessment;
    for (std::string_view standard : kStandardChoiceChecks) {
        // A name the file has twice: the later answer counts, as in JSON.
        std::optional<bool> answer;
        for (const auto& [name, yes] : checks)
            if (name == standard) answer = yes;
        if (!answer) assessment.unanswered.emplace_back(standard);
        else if (!*answer) assessment.failed.emplace_back(standard);
    }
    for (const auto& [name, yes] : checks) {
        const bool standard = std::find(kStandardChoiceChecks.begin(), kStandardChoiceChecks.end(), name) !=
                              kStandardChoiceChecks.end();
        if (standard) continue;
        ++assessment.own;
        if (!yes) assessment.own_failed.push_back(name);
    }
    const bool any_standard = assessment.unanswered.size() < kStandardChoiceChecks.size();
    if (!any_standard && assessment.own == 0) assessment.verdict = ChoiceVerdict::unanswered;
    else if (!assessment.failed.empty()) assessment.verdict = ChoiceVerdict::not_ready;
    else if (!assessment.unanswered.empty()) assessment.verdict = ChoiceVerdict::incomplete;
    else if (!assessment.own_failed.empty()) assessment.verdict = ChoiceVerdict::go_with_reservations;
    else assessment.verdict = ChoiceVerdict::go;
    return assessment;
}

// [SECTION] organisation forms ------------------------------------------------------------------

namespace {

// The group keys of an account by `basis`: its segment, its region, or its products (each
// once); one null key when it has none.
std::vector<std::optional<std::string>> group_keys(const Account& account, OrgBasis basis) {
    std::vector<std::optional<std::string>> keys;
    if (basis == OrgBasis::product) {
        for (const std::string& product : account.products)
            if (std::find(keys.begin(), keys.end(), product) == keys.end()) keys.emplace_back(product);
    } else {
        const std::optional<std::string>& value = basis == OrgBasis::geography ? account.region : account.segment;
        if (value) keys.push_back(value);
    }
    if (keys.empty()) keys.emplace_back(std::nullopt);
    return keys;
}

// Revenue descending, ties by id.
void sort_by_revenue(std::vector<int>& accounts, const Portfolio& portfolio, const Report& report) {
    std::sort(accounts.begin(), accounts.end(), [&](int x, int y) {
        const double rx = revenue_in_y(report, x), ry = revenue_in_y(report, y);
        if (rx != ry) return rx > ry;
        return portfolio.accounts[static_cast<std::size_t>(x)].id < portfolio.accounts[static_cast<std::size_t>(y)].id;
    });
}

template <typename Include>
std::vector<OrgGroup> make_groups(const Portfolio& portfolio, const Report& report, OrgBasis basis, Include include) {
    std::vector<OrgGroup> groups;
    std::map<std::optional<std::string>, std::size_t> index_of;
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const int a = static_cast<int>(i);
        if (!include(a)) continue;
        for (auto& key : group_keys(portfolio.accounts[i], basis)) {
            auto [at, added] = index_of.try_emplace(key, groups.size());
            if (added) groups.push_back(OrgGroup{key, {}, 0, 0, {}});
            groups[at->second].accounts.push_back(a);
        }
    }
    for (OrgGroup& group : groups) {
        sort_by_revenue(group.accounts, portfolio, report);
        std::set<std::string> managers;
        for (int a : group.accounts) {
            const Account& account = portfolio.accounts[static_cast<std::size_t>(a)];
            group.revenue += revenue_in_y(report, a);
            if (account.key) ++group.key_accounts;
            for (std::string& name : account_managers(account)) managers.insert(std::move(name));
        }
        group.account_managers.assign(managers.begin(), managers.end());
    }
    std::sort(groups.begin(), groups.end(), [](const OrgGroup& x, const OrgGroup& y) {
        if (x.key.has_value() != y.key.has_value()) return x.key.has_value();
        if (x.revenue != y.revenue) return x.revenue > y.revenue;
        return x.key < y.key;
    });
    return groups;
}

OrgUnit unit_of(const Portfolio& portfolio, const Report& report, int account, const std::vector<OrgGroup>& groups) {
    OrgUnit unit;
    unit.account = account;
    unit.revenue = revenue_in_y(report, account);
    unit.account_managers = account_managers(portfolio.accounts[static_cast<std::size_t>(account)]);
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (std::find(groups[g].accounts.begin(), groups[g].accounts.end(), account) != groups[g].accounts.end())
            unit.groups.push_back(static_cast<int>(g));
    return unit;
}

}  // namespace

OrganisationPlan organisation_plan(const Portfolio& portfolio, const Report& report, OrgForm form, OrgBasis basis) {
    OrganisationPlan plan;
    plan.form = form == OrgForm::none ? OrgForm::decentral : form;
    // Central account management takes over the accounts that several product divisions share.
    if (plan.form == OrgForm::central) plan.basis = OrgBasis::product;
    else plan.basis = basis == OrgBasis::none ? OrgBasis::market : basis;
    const auto& accounts = portfolio.accounts;
    std::vector<int> units;
    if (plan.form == OrgForm::dedicated) {
        plan.groups = make_groups(portfolio, report, plan.basis,
                                  [&](int a) { return !accounts[static_cast<std::size_t>(a)].key; });
        for (std::size_t i = 0; i < accounts.size(); ++i)
            if (accounts[i].key) units.push_back(static_cast<int>(i));
    } else {
        plan.groups = make_groups(portfolio, report, plan.basis, [](int) { return true; });
    }
    if (plan.form == OrgForm::central)
        for (std::size_t i = 0; i < accounts.size(); ++i)
            if (group_keys(accounts[i], OrgBasis::product).size() >= 2) units.push_back(static_cast<int>(i));
    sort_by_revenue(units, portfolio, report);
    for (int a : units) plan.units.push_back(unit_of(portfolio, report, a, plan.groups));
    return plan;
}

OrganisationPlan organisation_plan(const Portfolio& portfolio, const Report& report) {
    const Organisation organisation = portfolio.organisation.value_or(Organisation{});
    return organisation_plan(portfolio, report, organisation.form, organisation.basis);
}

}  // namespace kc
