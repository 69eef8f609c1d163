// What every view gets to draw one frame (Context) and what a view is (View).
//
// Views read the document and its report and ask for changes with emit(); they never
// change the model and never compute a figure. The app applies the emitted edits after
// all views have drawn, so nothing a view holds a reference to changes under it.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/edit.hpp"
#include "i18n.hpp"

namespace kc::ui {

// A change a view asked for this frame, in order.
struct EditRequest {
    enum Kind { edit, seal } kind = edit;
    Edit change;
    std::string merge_key;   // see Document::apply
};

class Context {
public:
    Context(const Document& document, const Report& report, std::vector<EditRequest>& requests)
        : document_(document), report_(report), requests_(requests) {}

    const Document& document() const { return document_; }
    const Portfolio& portfolio() const { return document_.portfolio(); }
    // The analysis of the portfolio as it is this frame.
    const Report& report() const { return report_; }
    const char* tr(Key key) const { return ui::tr(key); }

    // Ask for a change. Edits with one merge key join into one undo step (a drag);
    // call seal() when the drag or the typing ends.
    void emit(Edit change, std::string merge_key = {}) const;
    void seal() const;

private:
    const Document& document_;
    const Report& report_;
    std::vector<EditRequest>& requests_;
};

// A view: a tab of the main area. Later views (pyramid, Pareto, matrix, account page …)
// are one more subclass each, registered in app.cpp.
class View {
public:
    virtual ~View() = default;
    // Stable name, the same in every language ("accounts"): ImGui id and API name.
    virtual std::string_view name() const = 0;
    virtual Key title() const = 0;
    virtual void draw(const Context& context) = 0;

    bool open = true;
};

}  // namespace kc::ui
