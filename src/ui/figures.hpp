// The figures a chart shows, as a table: what "Copy figures" puts on the clipboard
// (tab-separated, pastes into a spreadsheet) and what window.kamcanvas.figures(view)
// returns to scripts and tests. A view builds it from the report with the same code
// paths it draws from, so the copied numbers are the drawn numbers.
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace kc::ui {

// A cell: empty (no figure), a number (amounts, counts, fractions 0..1) or a text.
using FigureValue = std::variant<std::monostate, double, std::string>;

struct FigureColumn {
    std::string key;     // stable, for scripts: "revenue_share"
    std::string label;   // in the UI language: "Omzetaandeel"
};

struct Figure {
    FigureColumn name;
    FigureValue value;
};

struct Figures {
    std::string title;                  // the view's title and the year, UI language
    std::vector<FigureColumn> columns;
    std::vector<std::vector<FigureValue>> rows;
    std::vector<Figure> facts;          // single figures shown beside the table

    void add_fact(std::string key, std::string label, FigureValue value) {
        facts.push_back({{std::move(key), std::move(label)}, std::move(value)});
    }
};

// The title, a header line of labels, a line per row, then a blank line and the facts
// as "label<TAB>value" lines. Numbers in the UI language's decimal mark without
// grouping; tabs and line breaks inside texts become spaces.
std::string figures_tsv(const Figures& figures);

}  // namespace kc::ui
