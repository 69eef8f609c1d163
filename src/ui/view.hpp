// What every view gets to draw one frame (Context) and what a view is (View, ChartView).
//
// Views read the document and its report and ask for changes with emit(); they never
// change the model and never compute a figure. The app applies the emitted edits after
// all views have drawn, so nothing a view holds a reference to changes under it. The
// same goes for the other requests of a frame (a click that selects accounts, a copy,
// a PNG export): views put them into the Frame, the app carries them out afterwards.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/document.hpp"
#include "core/edit.hpp"
#include "figures.hpp"
#include "i18n.hpp"
#include "selection.hpp"

namespace kc::ui {

// A change a view asked for this frame, in order.
struct EditRequest {
    enum Kind { edit, seal } kind = edit;
    Edit change;
    std::string merge_key;   // see Document::apply
};

// A rectangle in framebuffer pixels (ImGui's screen coordinates).
struct PixelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// A clickable part of a chart as drawn this frame ("pyramid/layer:top"): lets scripts
// and browser tests click what a user clicks.
struct Part {
    std::string name;
    PixelRect rect;
};

// Everything the views of one frame hand back to the app.
struct Frame {
    std::vector<EditRequest> edits;
    std::optional<Selection> selection;        // a chart part was clicked (empty: clear)
    std::optional<std::string> copy_text;      // figures to put on the clipboard
    struct Snapshot {
        std::string file_name;
        PixelRect rect;
    };
    std::optional<Snapshot> snapshot;          // a view to export as PNG after rendering
    std::optional<std::string> show_view;      // switch to this tab
    std::vector<Part> parts;
};

class Context {
public:
    Context(const Document& document, const Report& report, Frame& frame, const Selection& selection,
            Date today = {})
        : document_(document), report_(report), frame_(frame), selection_(selection), today_(today) {}

    const Document& document() const { return document_; }
    const Portfolio& portfolio() const { return document_.portfolio(); }
    // The analysis of the portfolio as it is this frame; for a few frames after a change of
    // weights, axes or thresholds at many accounts, as it was before (Document::report_by).
    const Report& report() const { return report_; }
    // Changes whenever the portfolio or the report does: the key for what a view derives
    // from them and keeps between frames.
    std::uint64_t version() const { return document_.version() + document_.report_generation(); }
    const char* tr(Key key) const { return ui::tr(key); }
    // The day it is (Platform::today): reviews due and overdue are counted from it.
    Date today() const { return today_; }

    // Ask for a change. Edits with one merge key join into one undo step (a drag);
    // call seal() when the drag or the typing ends.
    void emit(Edit change, std::string merge_key = {}) const;
    void seal() const;

    // The chart part whose accounts are listed (empty when none), and asking for another.
    const Selection& selection() const { return selection_; }
    void select(const Selection& selection) const { frame_.selection = selection; }

    void copy(std::string text) const { frame_.copy_text = std::move(text); }
    void snapshot(std::string file_name, PixelRect rect) const { frame_.snapshot = Frame::Snapshot{std::move(file_name), rect}; }
    void show_view(std::string name) const { frame_.show_view = std::move(name); }
    void record_part(std::string name, PixelRect rect) const { frame_.parts.push_back({std::move(name), rect}); }

private:
    const Document& document_;
    const Report& report_;
    Frame& frame_;
    const Selection& selection_;
    Date today_;
};

// A view: a tab of the main area, registered in app.cpp.
class View {
public:
    virtual ~View() = default;
    // Stable name, the same in every language ("accounts"): ImGui id and API name.
    virtual std::string_view name() const = 0;
    virtual Key title() const = 0;
    virtual void draw(const Context& context) = 0;
    // The figures the view shows (for Copy and the JS API); views without a chart have none.
    virtual bool has_figures() const { return false; }
    virtual Figures figures(const Context&) const { return {}; }
    // Whether a click on the view's parts lists accounts beside it.
    virtual bool lists_selection() const { return false; }

    bool open = true;
};

// A chart: a header (title, Copy figures, Save as PNG) above a body that fills the
// space it is given, in its own tab or in a cell of the dashboard.
class ChartView : public View {
public:
    void draw(const Context& context) final;
    bool has_figures() const override { return true; }
    bool lists_selection() const override { return true; }

protected:
    // Tools of the view drawn in the header after the title (a toggle, a year), if any.
    virtual void draw_header_tools(const Context&) {}
    virtual void draw_body(const Context& context) = 0;
    // Names a clickable part for scripts: "<view>/<part>".
    void record_part(const Context& context, std::string_view part, PixelRect rect) const;
};

}  // namespace kc::ui
