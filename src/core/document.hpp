// The open portfolio with its edit history: the one object the UI changes.
//
// Every change goes through Document::apply (an Edit, see edit.hpp), which keeps the
// inverse for undo, bumps the version and so makes the dirty flag and the cached
// analysis follow by themselves. No ImGui here: the same history works for tests and tools.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.hpp"
#include "edit.hpp"
#include "model.hpp"

namespace kc {

class Document {
public:
    Document() = default;
    explicit Document(Portfolio portfolio);

    const Portfolio& portfolio() const { return portfolio_; }

    // Another portfolio (a file was opened): history cleared, nothing unsaved.
    void replace(Portfolio portfolio);

    // Checks and performs `edit`; see ApplyResult. A performed edit that changed the
    // portfolio becomes an undo step (or joins one, below) and clears the redo steps.
    //
    // Coalescing: consecutive edits with the same non-empty `merge_key` form one undo
    // step (a slider drag: one key per widget), until seal() is called or an edit
    // with another key, an undo, a redo or a save comes between.
    ApplyResult apply(const Edit& edit, std::string_view merge_key = {});
    // The next edit starts a new undo step (call when a drag or a text field ends).
    void seal();
    // Everything applied between begin_group() and the matching end_group() is one
    // undo step. Groups nest; undo and redo end any open group.
    void begin_group();
    void end_group();

    bool can_undo() const { return !undo_steps_.empty(); }
    bool can_redo() const { return !redo_steps_.empty(); }
    // False when there was nothing to undo / redo.
    bool undo();
    bool redo();

    // Increases on every change of the portfolio: edits, undo, redo, replace.
    std::uint64_t version() const { return version_; }
    // Increases on every change but those of weights, axes and matrix thresholds alone:
    // the key of what those cannot change (the warnings), which a dragged weight would
    // otherwise recompute every frame over all accounts.
    std::uint64_t version_beyond_weighting() const { return version_beyond_weighting_; }

    // Unsaved changes: the portfolio is not in the state it was last saved (or opened)
    // in. Undoing back to that state makes the document clean again.
    bool dirty() const { return current_step_id() != saved_step_id_; }
    // Call after the portfolio was written out.
    void mark_saved();
    // The portfolio as it is now was never written out (an import from CSV, autosaved
    // work with unsaved changes brought back): dirty until mark_saved(), also after
    // undoing back to this state.
    void mark_unsaved() { saved_step_id_ = kNeverSaved; }

    // The analysis of the portfolio for `year` (nullopt: the portfolio's own analysis
    // year, as the spec defines it). Computed on first use after a change or for
    // another year, then cached; the reference is valid until the next change or the
    // next call with another year.
    //
    // Brought up to date by as little as the changes need: after edits of scores,
    // weights, criteria or matrix thresholds only the rating and the matrix are
    // recomputed (recompute_rating; after weights, axes and thresholds alone not even
    // the unweighted ranking), after a name, a key mark or quadrant labels nothing; the
    // result is always exactly what analyze() gives.
    const Report& report(std::optional<int> year = {}) const;

    // The report for a frame that must not wait (the app's, at 100,000 accounts): what
    // report() gives, except after edits of weights, axes or matrix thresholds alone. Then
    // the rating and the matrix are brought up to date a slice at a time
    // (WeightingUpdate), until `deadline` in each call, and meanwhile the report from
    // before those edits is given. An update that was started is finished before the next
    // begins, so a weight dragged on and on still shows its effect every few frames.
    // report() always finishes the work at once.
    const Report& report_by(std::chrono::steady_clock::time_point deadline) const;
    // True when the last report_by() gave a report older than the portfolio.
    bool report_behind() const { return report_stale_ != ReportImpact::none; }
    // Increases whenever the cached report changes (computed anew or brought up to date):
    // what was derived from a report given earlier is then out of date.
    std::uint64_t report_generation() const { return report_updates_.full + report_updates_.rating_only; }

    // How often report() ran a full analysis and how often only the rating part.
    struct ReportUpdates {
        std::uint64_t full = 0;
        std::uint64_t rating_only = 0;
    };
    ReportUpdates report_updates() const { return report_updates_; }

    // What of the report an edit can change, least first: nothing; the weighted side of
    // the rating and the matrix; the whole rating and the matrix; anything.
    enum class ReportImpact : std::uint8_t { none, weighting, rating, all };
    static ReportImpact report_impact(const Edit& edit);

private:
    // One undo (or redo) step: edits applied last to first, each undoing one change.
    struct Step {
        std::vector<Edit> edits;
        std::string merge_key;
        std::uint64_t id = 0;   // identifies a state of the portfolio for dirty()
    };

    static constexpr std::uint64_t kNeverSaved = ~std::uint64_t{0};   // no step gets this id
    std::uint64_t current_step_id() const { return undo_steps_.empty() ? 0 : undo_steps_.back().id; }
    void record(Edit inverse, std::string_view merge_key);
    // Applies a step's edits last to first; returns the step that reverses it.
    Step replay(Step step);

    Portfolio portfolio_;
    std::vector<Step> undo_steps_;
    std::vector<Step> redo_steps_;
    std::uint64_t version_ = 0;
    std::uint64_t version_beyond_weighting_ = 0;
    std::uint64_t next_step_id_ = 1;
    std::uint64_t saved_step_id_ = 0;
    int group_depth_ = 0;
    bool group_has_step_ = false;   // the open group already pushed its step
    bool top_step_mergeable_ = false;

    // The cached report must follow a change of this impact.
    void invalidate(ReportImpact impact);

    mutable std::optional<Report> report_;
    mutable std::optional<int> report_year_;
    // What changed since report_ was computed: the most far-reaching impact of the edits.
    mutable ReportImpact report_stale_ = ReportImpact::all;
    mutable ReportUpdates report_updates_;
    // The weighting being brought up to date by report_by(), and whether edits of the
    // weighting came after it started (it then finishes, and another one starts).
    mutable std::unique_ptr<WeightingUpdate> weighting_update_;
    mutable bool weighting_edited_since_update_ = false;
};

}  // namespace kc
