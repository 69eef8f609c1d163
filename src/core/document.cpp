// Document: undo/redo steps, version, dirty flag and the cached report (see document.hpp).
//
// Dirty tracking uses step ids instead of comparing versions: a step keeps its id when it
// moves between the undo and redo stacks, so undoing back to the saved state is clean.
#include "document.hpp"

#include <type_traits>
#include <utility>

namespace kc {

Document::ReportImpact Document::report_impact(const Edit& edit) {
    return std::visit(
        [](const auto& e) {
            using Kind = std::decay_t<decltype(e)>;
            // Nothing of the report reads account names, key marks, criterion names, labels
            // or the plan (CORE, organisation, goals, targets, people, evaluations, notes).
            if constexpr (std::is_same_v<Kind, SetKeyAccount> || std::is_same_v<Kind, RenameCriterion> ||
                          std::is_same_v<Kind, SetQuadrantLabels> || is_plan_edit<Kind>)
                return ReportImpact::none;
            else if constexpr (std::is_same_v<Kind, SetAccountText>)
                return e.field == AccountText::name ? ReportImpact::none : ReportImpact::all;   // breakdowns
            // Weights, axes and thresholds feed the weighted index and the matrix only.
            else if constexpr (std::is_same_v<Kind, SetCriterionWeight> || std::is_same_v<Kind, SetCriterionAxis> ||
                               std::is_same_v<Kind, SetMatrixThresholds>)
                return ReportImpact::weighting;
            // Scores, scales and the criteria themselves feed the rating and the matrix only.
            else if constexpr (std::is_same_v<Kind, SetScore> || std::is_same_v<Kind, AddCriterion> ||
                               std::is_same_v<Kind, RemoveCriterion> || std::is_same_v<Kind, MoveCriterion> ||
                               std::is_same_v<Kind, SetCriterionRange>)
                return ReportImpact::rating;
            else
                return ReportImpact::all;
        },
        edit);
}

void Document::invalidate(ReportImpact impact) {
    if (impact != ReportImpact::weighting) ++version_beyond_weighting_;
    if (impact > report_stale_) report_stale_ = impact;
    if (impact == ReportImpact::weighting) weighting_edited_since_update_ = true;
    // The update reads the accounts' scores as it goes: anything more than the weighting
    // may have changed them.
    if (impact > ReportImpact::weighting) weighting_update_.reset();
}

Document::Document(Portfolio portfolio) : portfolio_(std::move(portfolio)) {}

void Document::replace(Portfolio portfolio) {
    portfolio_ = std::move(portfolio);
    undo_steps_.clear();
    redo_steps_.clear();
    saved_step_id_ = 0;
    group_depth_ = 0;
    group_has_step_ = false;
    top_step_mergeable_ = false;
    // Views cache by version: a new portfolio must never look like the old one.
    ++version_;
    invalidate(ReportImpact::all);
}

ApplyResult Document::apply(const Edit& edit, std::string_view merge_key) {
    ApplyResult result = kc::apply(portfolio_, edit);
    // A refused edit or one that set what was already there leaves no trace.
    if (!result.ok() || !result.changed) return result;
    ++version_;
    invalidate(report_impact(edit));
    redo_steps_.clear();
    record(*result.inverse, merge_key);
    return result;
}

void Document::record(Edit inverse, std::string_view merge_key) {
    const bool join_group = group_depth_ > 0 && group_has_step_;
    const bool join_merge = !merge_key.empty() && top_step_mergeable_ && !undo_steps_.empty() &&
                            undo_steps_.back().merge_key == merge_key;
    if (join_group || join_merge) {
        undo_steps_.back().edits.push_back(std::move(inverse));
    } else {
        Step step;
        step.edits.push_back(std::move(inverse));
        step.merge_key = std::string(merge_key);
        step.id = next_step_id_++;
        undo_steps_.push_back(std::move(step));
        if (group_depth_ > 0) group_has_step_ = true;
    }
    top_step_mergeable_ = group_depth_ == 0 && !merge_key.empty();
}

void Document::seal() { top_step_mergeable_ = false; }

void Document::begin_group() {
    if (group_depth_++ == 0) {
        group_has_step_ = false;
        top_step_mergeable_ = false;
    }
}

void Document::end_group() {
    if (group_depth_ == 0) return;   // unbalanced: nothing open
    if (--group_depth_ == 0) group_has_step_ = false;
}

Document::Step Document::replay(Step step) {
    Step reverse;
    reverse.id = step.id;
    reverse.edits.reserve(step.edits.size());
    for (auto it = step.edits.rbegin(); it != step.edits.rend(); ++it) {
        // Each edit is the inverse of one that was applied to exactly this state, so
        // it always passes its check; a refusal would be a bug in edit.cpp's inverses.
        ApplyResult result = kc::apply(portfolio_, *it);
        invalidate(report_impact(*it));
        if (result.ok()) reverse.edits.push_back(std::move(*result.inverse));
    }
    return reverse;
}

bool Document::undo() {
    group_depth_ = 0;
    group_has_step_ = false;
    top_step_mergeable_ = false;
    if (undo_steps_.empty()) return false;
    Step step = std::move(undo_steps_.back());
    undo_steps_.pop_back();
    redo_steps_.push_back(replay(std::move(step)));
    ++version_;
    return true;
}

bool Document::redo() {
    group_depth_ = 0;
    group_has_step_ = false;
    top_step_mergeable_ = false;
    if (redo_steps_.empty()) return false;
    Step step = std::move(redo_steps_.back());
    redo_steps_.pop_back();
    undo_steps_.push_back(replay(std::move(step)));
    ++version_;
    return true;
}

void Document::mark_saved() {
    saved_step_id_ = current_step_id();
    // What was saved must stay what that step id stands for.
    top_step_mergeable_ = false;
    group_has_step_ = false;
}

const Report& Document::report(std::optional<int> year) const {
    weighting_update_.reset();   // done at once below
    if (!report_ || report_year_ != year || report_stale_ == ReportImpact::all) {
        report_ = analyze(portfolio_, year);
        report_year_ = year;
        ++report_updates_.full;
    } else if (report_stale_ != ReportImpact::none) {
        recompute_rating(portfolio_, *report_,
                         report_stale_ == ReportImpact::weighting ? RatingChange::weights : RatingChange::scores);
        ++report_updates_.rating_only;
    }
    report_stale_ = ReportImpact::none;
    return *report_;
}

const Report& Document::report_by(std::chrono::steady_clock::time_point deadline) const {
    const bool weighting_only = report_ && !report_year_ && report_stale_ == ReportImpact::weighting &&
                                report_->rating.unweighted_ranking.size() == portfolio_.accounts.size();
    if (!weighting_only) return report();
    if (!weighting_update_) {
        weighting_update_ = std::make_unique<WeightingUpdate>(portfolio_, *report_);
        weighting_edited_since_update_ = false;
    }
    if (weighting_update_->advance(deadline)) {
        weighting_update_->finish(*report_);
        weighting_update_.reset();
        ++report_updates_.rating_only;
        if (!weighting_edited_since_update_) report_stale_ = ReportImpact::none;
    }
    return *report_;
}

}  // namespace kc
