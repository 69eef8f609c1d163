// Filter and sort of the accounts table (see account_rows.hpp). One key per account is
// computed once, then indices are sorted: 100,000 accounts sort in a few milliseconds.
#include "account_rows.hpp"

#include <algorithm>
#include <string>

#include "text_match.hpp"

namespace kc::ui {
namespace {

const std::string kNothing;

const std::string& text_of(const Account& account, AccountColumn column) {
    switch (column) {
        case AccountColumn::id: return account.id;
        case AccountColumn::name: return account.name;
        case AccountColumn::segment: return account.segment ? *account.segment : kNothing;
        case AccountColumn::region: return account.region ? *account.region : kNothing;
        default: return kNothing;
    }
}

bool matches(const Account& account, const std::string& needle, std::string& scratch) {
    return needle.empty() || contains_folded(account.id, needle, scratch) ||
           contains_folded(account.name, needle, scratch) ||
           (account.segment && contains_folded(*account.segment, needle, scratch)) ||
           (account.region && contains_folded(*account.region, needle, scratch));
}

double number_key(const Portfolio& portfolio, const Report& report, int i, AccountColumn column) {
    const Account& account = portfolio.accounts[i];
    switch (column) {
        case AccountColumn::revenue: {
            const double* value = report.year ? account.revenue.find(*report.year) : nullptr;
            return value ? *value : -1;
        }
        case AccountColumn::status:
            return account.status == Status::none ? 99 : static_cast<double>(account.status);
        case AccountColumn::layer:
            return report.year && static_cast<std::size_t>(i) < report.pyramid.layer_of.size()
                       ? static_cast<double>(report.pyramid.layer_of[i])
                       : 0;
        default: return 0;
    }
}

}  // namespace

std::vector<int> account_rows(const Portfolio& portfolio, const Report& report, std::string_view filter,
                              AccountColumn column, bool descending) {
    const int count = static_cast<int>(portfolio.accounts.size());
    std::vector<int> rows;
    rows.reserve(count);
    const std::string needle = fold_case(filter);
    std::string scratch;
    for (int i = 0; i < count; ++i)
        if (matches(portfolio.accounts[i], needle, scratch)) rows.push_back(i);

    const bool numeric = column == AccountColumn::revenue || column == AccountColumn::status ||
                         column == AccountColumn::layer;
    std::vector<double> numbers;
    std::vector<std::string> texts;
    if (numeric) {
        numbers.resize(count);
        for (int i : rows) numbers[i] = number_key(portfolio, report, i, column);
    } else {
        texts.resize(count);
        for (int i : rows) {
            const std::string& text = text_of(portfolio.accounts[i], column);
            texts[i] = column == AccountColumn::id ? text : fold_case(text);
        }
    }
    std::sort(rows.begin(), rows.end(), [&](int a, int b) {
        const int order = numeric ? (numbers[a] < numbers[b] ? -1 : (numbers[a] > numbers[b] ? 1 : 0))
                                  : texts[a].compare(texts[b]);
        if (order != 0) return descending ? order > 0 : order < 0;
        return a < b;
    });
    return rows;
}

}  // namespace kc::ui
