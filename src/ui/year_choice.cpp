// The analysis-year combo (see views.hpp): "Automatic (2025)" and every year of the file,
// newest first. Choosing one is an edit of portfolio.year, so it is undoable and saved.
#include <algorithm>

#include "imgui.h"
#include "views.hpp"

namespace kc::ui {

void YearChoice::refresh(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    // Every account's years: not looked at again for a dragged weight, which changes none.
    if (years_version_ == context.document().version_beyond_weighting()) return;
    years_ = years_in(portfolio);
    if (portfolio.info.year && !std::binary_search(years_.begin(), years_.end(), *portfolio.info.year)) {
        years_.push_back(*portfolio.info.year);
        std::sort(years_.begin(), years_.end());
    }
    years_version_ = context.document().version_beyond_weighting();
}

void YearChoice::draw(const Context& context, const char* id, float width) {
    refresh(context);
    // "Automatic" is the spec's default: the latest year with revenue. Its year is only
    // known from the report while no year is set.
    const std::optional<int> set_year = context.portfolio().info.year;
    const std::optional<int> report_year = context.report().year;
    const std::string automatic =
        set_year      ? std::string(tr(Key::year_automatic_plain))
        : report_year ? fill(tr(Key::year_automatic), {std::to_string(*report_year)})
                      : std::string(tr(Key::year_automatic_none));
    const std::string preview = set_year ? std::to_string(*set_year) : automatic;

    ImGui::SetNextItemWidth(width);
    if (!ImGui::BeginCombo(id, preview.c_str())) return;
    if (ImGui::Selectable(automatic.c_str(), !set_year) && set_year) context.emit(SetAnalysisYear{std::nullopt});
    for (auto it = years_.rbegin(); it != years_.rend(); ++it) {
        const bool chosen = set_year == *it;
        if (ImGui::Selectable(std::to_string(*it).c_str(), chosen) && !chosen) context.emit(SetAnalysisYear{*it});
    }
    ImGui::EndCombo();
}

}  // namespace kc::ui
