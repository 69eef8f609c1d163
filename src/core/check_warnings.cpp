// check_warnings: the spec's warnings for a portfolio in memory (the file opens, the
// user is told). Run by the reader after a successful read and by anyone after edits.
//
// Places are JSON Pointers into the file as write_portfolio would write it.
#include <algorithm>
#include <string>

#include "format.hpp"
#include "json_text.hpp"
#include "names.hpp"

namespace kc {
namespace {

std::string account_place(std::size_t index) { return "/accounts/" + std::to_string(index); }

void warn(Problems& out, std::string place, std::string message, const char* code) {
    out.push_back({Severity::warning, std::move(place), std::move(message), code});
}

void revenue_above_wallet(Problems& out, const Account& a, std::size_t index) {
    for (const auto& [year, wallet] : a.wallet.items) {
        const double revenue = a.revenue.get(year);
        if (revenue <= wallet) continue;
        warn(out, account_place(index) + "/revenue/" + std::to_string(year),
             "revenue " + json_number(revenue) + " is above the wallet " + json_number(wallet) + " in " +
                 std::to_string(year) + " (share of wallet over 100%)",
             "revenue_above_wallet");
    }
}

void prospect_with_revenue(Problems& out, const Account& a, std::size_t index) {
    if (a.status != Status::prospect && a.status != Status::suspect) return;
    for (const auto& [year, revenue] : a.revenue.items) {
        if (revenue <= 0) continue;
        warn(out, account_place(index) + "/status",
             "status is \"" + std::string(to_string(a.status)) + "\" but the account has revenue (" +
                 json_number(revenue) + " in " + std::to_string(year) + ")",
             "prospect_with_revenue");
        return;   // once an account is enough
    }
}

void no_scores(Problems& out, const Account& a, std::size_t index, std::size_t criteria) {
    if (criteria == 0 || std::any_of(a.scores.begin(), a.scores.end(), has_score)) return;
    warn(out, account_place(index), "has no scores, while the portfolio has " + std::to_string(criteria) +
                                        (criteria == 1 ? " criterion" : " criteria"),
         "no_scores");
}

void covered_by_outside_team(Problems& out, const Account& a, std::size_t index) {
    for (std::size_t c = 0; c < a.contacts.size(); ++c) {
        const auto& covered_by = a.contacts[c].covered_by;
        for (std::size_t k = 0; k < covered_by.size(); ++k) {
            const bool in_team = std::any_of(a.team.begin(), a.team.end(),
                                             [&](const Member& m) { return m.name == covered_by[k]; });
            if (in_team) continue;
            warn(out, account_place(index) + "/contacts/" + std::to_string(c) + "/covered_by/" + std::to_string(k),
                 quote_for_message(covered_by[k]) + " is not in this account's team", "covered_by_not_in_team");
        }
    }
}

// A `labels` the reader could not use stays in `extra` (see MatrixThresholds); a set
// one replaces it on save, so only an unused one left alone is worth a word.
void unused_quadrant_labels(Problems& out, const MatrixThresholds& matrix) {
    if (matrix.labels || !matrix.extra.is_object() || !matrix.extra.contains("labels")) return;
    warn(out, "/portfolio/matrix/labels",
         "is not a quadrant naming this program knows (\"mcdonald_woodburn\", \"cranfield\", or an object of "
         "labels by quadrant id): kept as it is, not used",
         "unused_labels");
}

}  // namespace

Problems check_warnings(const Portfolio& portfolio) {
    Problems warnings;
    unused_quadrant_labels(warnings, portfolio.info.matrix);
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const Account& a = portfolio.accounts[i];
        revenue_above_wallet(warnings, a, i);
        prospect_with_revenue(warnings, a, i);
        no_scores(warnings, a, i, portfolio.criteria.size());
        covered_by_outside_team(warnings, a, i);
    }
    return warnings;
}

}  // namespace kc
