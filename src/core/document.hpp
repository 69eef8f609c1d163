// The open portfolio with its edit history: the one object the UI changes.
//
// Every change goes through Document::apply (an Edit, see edit.hpp), which keeps the
// inverse for undo, bumps the version and so makes the dirty flag and the cached
// analysis follow by themselves. No ImGui here: the same history works for tests and tools.
#pragma once

#include <cstdint>
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
};

}  // namespace kc
