// The status line at the bottom: file, number of accounts, warnings, unsaved changes,
// analysis year. Clicking the warnings asks to show them.
#include "imgui.h"
#include "palette.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

void separator_dot() {
    ImGui::SameLine();
    ImGui::TextDisabled("·");
    ImGui::SameLine();
}

}  // namespace

Command StatusLine::draw(const Context& context, const StatusFacts& facts) {
    Command command = Command::none;
    const Document& document = context.document();
    ImGui::Separator();
    ImGui::TextUnformatted(fill(tr(Key::status_file), {facts.file_name}).c_str());
    separator_dot();
    ImGui::TextUnformatted(
        fill(tr(Key::status_accounts), {format_integer(static_cast<long long>(context.portfolio().accounts.size()))})
            .c_str());
    separator_dot();
    if (facts.warnings == 0) {
        ImGui::TextDisabled("%s", tr(Key::status_warnings_none));
    } else {
        const std::string text =
            fill(tr(Key::status_warnings), {format_integer(static_cast<long long>(facts.warnings))}) + "###warnings";
        ImGui::PushStyleColor(ImGuiCol_Text, kWarningText);
        if (ImGui::SmallButton(text.c_str())) command = Command::show_problems;
        ImGui::PopStyleColor();
    }
    separator_dot();
    const std::optional<int> year = context.report().year;
    ImGui::TextUnformatted(year ? fill(tr(Key::status_year), {std::to_string(*year)}).c_str() : tr(Key::status_no_year));
    separator_dot();
    if (document.dirty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, kUnsavedText);
        ImGui::TextUnformatted(tr(Key::status_unsaved));
        ImGui::PopStyleColor();
    } else {
        ImGui::TextDisabled("%s", tr(Key::status_saved));
    }
    return command;
}

}  // namespace kc::ui
