// Small helpers that build portfolios in memory for the analysis tests, so that each
// test states its accounts in a line or two instead of a JSON file.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/model.hpp"

namespace kc::test {

inline Account account(std::string id, std::initializer_list<std::pair<int, double>> revenue = {},
                       Status status = Status::none) {
    Account a;
    a.name = "Account " + id;
    a.id = std::move(id);
    a.status = status;
    for (const auto& [year, amount] : revenue) a.revenue.set(year, amount);
    return a;
}

inline Criterion criterion(std::string id, double weight = 1, double min = 1, double max = 5,
                           Axis axis = Axis::none) {
    Criterion c;
    c.id = std::move(id);
    c.weight = weight;
    c.min = min;
    c.max = max;
    c.axis = axis;
    return c;
}

// Sets an account's scores by criterion id; the others stay kNoScore.
inline void score(const Portfolio& p, Account& a, std::initializer_list<std::pair<const char*, double>> scores) {
    a.scores.assign(p.criteria.size(), kNoScore);
    for (const auto& [id, value] : scores) {
        const int c = p.criterion_index(id);
        if (c >= 0) a.scores[static_cast<std::size_t>(c)] = value;
    }
}

// Gives every account a full-size scores vector (kNoScore) as the reader would.
inline void align_scores(Portfolio& p) {
    for (Account& a : p.accounts)
        if (a.scores.size() != p.criteria.size()) a.scores.resize(p.criteria.size(), kNoScore);
}

inline Portfolio portfolio_of(std::vector<Account> accounts) {
    Portfolio p;
    p.accounts = std::move(accounts);
    return p;
}

}  // namespace kc::test
