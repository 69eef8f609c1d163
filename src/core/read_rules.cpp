// The reader's rules that need more than one value: scores against their criterion
// (criteria may follow the accounts in the file), required keys and whole-object rules
// when an object closes, and duplicate account ids at the end.
#include <algorithm>
#include <string>

#include "read_handler.hpp"

namespace kc::detail {

// [SECTION] scores ------------------------------------------------------------------

void PortfolioReader::read_score(Frame& f, const Scalar& v) {
    double value;
    if (!read_number(v, value, kAnyNumber)) return;
    const auto account_index = static_cast<std::uint32_t>(portfolio_.accounts.size() - 1);
    if (!criteria_done_) {
        auto [at, added] = pending_id_index_.emplace(f.key, static_cast<std::uint32_t>(pending_ids_.size()));
        if (added) pending_ids_.push_back(f.key);
        pending_scores_.push_back({account_index, at->second, value});
        return;
    }
    auto found = criterion_index_.find(f.key);
    if (found == criterion_index_.end()) {
        error(pointer_of_value(), "there is no criterion with id " + quote_for_message(f.key),
              "unknown_criterion");
        return;
    }
    check_score(found->second, value, [this] { return pointer_of_value(); });
    account().scores[static_cast<std::size_t>(found->second)] = value;
}

template <typename Place>
void PortfolioReader::check_score(int index, double value, Place place) {
    if (!criterion_range_ok_[static_cast<std::size_t>(index)]) return;   // its max ≤ min is reported
    const Criterion& c = portfolio_.criteria[static_cast<std::size_t>(index)];
    if (value >= c.min && value <= c.max) return;
    error(place(),
          "must be from " + json_number(c.min) + " to " + json_number(c.max) + " (the range of criterion " +
              quote_for_message(c.id) + "), got " + json_number(value),
          "score_out_of_range");
}

// Scores read before the criteria: now that all criteria are known, check and place them.
void PortfolioReader::resolve_scores() {
    const std::size_t criteria = portfolio_.criteria.size();
    for (Account& a : portfolio_.accounts)
        if (a.scores.size() != criteria) a.scores.assign(criteria, kNoScore);
    std::vector<int> index_of_pending(pending_ids_.size(), -1);
    for (std::size_t i = 0; i < pending_ids_.size(); ++i)
        if (auto found = criterion_index_.find(pending_ids_[i]); found != criterion_index_.end())
            index_of_pending[i] = found->second;
    for (const PendingScore& s : pending_scores_) {
        std::string place = "/accounts/" + std::to_string(s.account) + "/scores";
        append_pointer_segment(place, pending_ids_[s.id]);
        const int index = index_of_pending[s.id];
        if (index < 0) {
            if (criteria_unreadable_) continue;   // the criteria error says it all
            error(place, "there is no criterion with id " + quote_for_message(pending_ids_[s.id]),
                  "unknown_criterion");
            continue;
        }
        check_score(index, s.value, [&place] { return place; });
        portfolio_.accounts[s.account].scores[static_cast<std::size_t>(index)] = s.value;
    }
    pending_scores_ = {};
}

// [SECTION] closing objects: required keys and whole-object rules ---------------------

void PortfolioReader::missing_keys(const Frame& f, std::initializer_list<int> required) {
    Names names = field_names(f.ctx);
    for (int field : required)
        if (!(f.seen & (1u << field)))
            error(pointer_of_frame(),
                  "missing required key \"" + std::string(names[static_cast<std::size_t>(field)]) + "\"",
                  "missing_key");
}

// The extension `labels` arrived as an unknown member; one with the extension's shape
// moves into the model, anything else stays where it was (see format.hpp).
void PortfolioReader::take_quadrant_labels(MatrixThresholds& matrix) {
    auto found = matrix.extra.find("labels");
    if (found == matrix.extra.end()) return;
    if (std::optional<QuadrantLabels> labels = quadrant_labels_from_json(*found)) {
        matrix.labels = std::move(labels);
        matrix.extra.erase(found);
    }
}

void PortfolioReader::close_frame(Frame& f) {
    Portfolio& p = portfolio_;
    switch (f.ctx) {
        case Ctx::root:
            if (!(f.seen & (1u << static_cast<int>(RootField::kamcanvas))))
                error("/kamcanvas", "missing required key \"kamcanvas\" (the format version, 1): "
                                    "is this a kamcanvas portfolio?",
                      "missing_key");
            missing_keys(f, {static_cast<int>(RootField::accounts)});
            break;
        case Ctx::pyramid: {
            const Pyramid& pyramid = p.info.pyramid;
            const double sum = pyramid.top + pyramid.large + pyramid.medium;
            if (sum > 100)
                error(pointer_of_frame(),
                      "top, large and medium must add up to at most 100 (percent), got " + json_number(pyramid.top) +
                          " + " + json_number(pyramid.large) + " + " + json_number(pyramid.medium) + " = " +
                          json_number(sum),
                      "pyramid_over_100");
            break;
        }
        case Ctx::matrix: take_quadrant_labels(p.info.matrix); break;
        case Ctx::criteria: {
            criteria_done_ = true;
            criterion_range_ok_.assign(p.criteria.size(), 1);
            for (std::size_t i = 0; i < p.criteria.size(); ++i) {
                const Criterion& c = p.criteria[i];
                if (c.max > c.min) continue;
                criterion_range_ok_[i] = 0;
                const bool blame_min = !c.present.has(Criterion::kMax);
                error("/criteria/" + std::to_string(i) + (blame_min ? "/min" : "/max"),
                      "max must be above min, got min " + json_number(c.min) + " and max " + json_number(c.max),
                      "max_not_above_min");
            }
            break;
        }
        case Ctx::criterion: missing_keys(f, {static_cast<int>(CriterionField::id)}); break;
        case Ctx::account:
            missing_keys(f, {static_cast<int>(AccountField::id), static_cast<int>(AccountField::name)});
            break;
        case Ctx::contact: missing_keys(f, {static_cast<int>(ContactField::name)}); break;
        case Ctx::member: missing_keys(f, {static_cast<int>(MemberField::name)}); break;
        case Ctx::evaluation: missing_keys(f, {static_cast<int>(EvaluationField::date)}); break;
        default: break;
    }
}

// Duplicate account ids, found by sorting indexes (4 bytes an account) rather than
// hashing a million strings; the later account of each pair is the one reported.
void PortfolioReader::check_account_ids() {
    const auto& accounts = portfolio_.accounts;
    std::vector<std::uint32_t> order(accounts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        int c = accounts[a].id.compare(accounts[b].id);
        return c != 0 ? c < 0 : a < b;
    });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates;   // (later, first)
    for (std::size_t i = 1; i < order.size(); ++i) {
        std::size_t first = i - 1;
        while (i < order.size() && accounts[order[i]].id == accounts[order[first]].id) {
            if (!accounts[order[i]].id.empty()) duplicates.emplace_back(order[i], order[first]);
            ++i;
        }
    }
    std::sort(duplicates.begin(), duplicates.end());
    for (auto [later, first] : duplicates)
        error("/accounts/" + std::to_string(later) + "/id",
              "account id " + quote_for_message(accounts[later].id) + " is already used by /accounts/" +
                  std::to_string(first),
              "duplicate_id");
}

}  // namespace kc::detail
