// figures_tsv (see figures.hpp).
#include "figures.hpp"

#include "i18n.hpp"

namespace kc::ui {
namespace {

// A cell may not break the table: a tab or a line break inside a text would.
std::string cell_text(const std::string& text) {
    std::string out = text;
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

std::string cell(const FigureValue& value) {
    if (const double* number = std::get_if<double>(&value)) return number_for_spreadsheet(*number);
    if (const std::string* text = std::get_if<std::string>(&value)) return cell_text(*text);
    return "";
}

}  // namespace

std::string figures_tsv(const Figures& figures) {
    std::string out = cell_text(figures.title) + "\n";
    for (std::size_t i = 0; i < figures.columns.size(); ++i)
        out += (i ? "\t" : "") + cell_text(figures.columns[i].label);
    out += "\n";
    for (const auto& row : figures.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? "\t" : "") + cell(row[i]);
        out += "\n";
    }
    if (!figures.facts.empty()) out += "\n";
    for (const Figure& fact : figures.facts) out += cell_text(fact.name.label) + "\t" + cell(fact.value) + "\n";
    return out;
}

}  // namespace kc::ui
