// The problems panel: every error of a failed open (and that the previous portfolio is
// still open), a refused edit, and the warnings of the portfolio as it is now; each
// with its place and message. Long lists are clipped, so 100,000 warnings cost nothing.
#include <algorithm>

#include "imgui.h"
#include "palette.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

void problem_table(const char* id, const Problems& problems, const ImVec4& colour) {
    if (problems.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable(id, 2, flags)) return;
    ImGui::TableSetupColumn(tr(Key::problems_place), ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 14);
    ImGui::TableSetupColumn(tr(Key::problems_message), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(problems.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const Problem& problem = problems[i];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(problem.place.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(problem.message.c_str());
            ImGui::PopStyleColor();
        }
    }
    ImGui::EndTable();
}

}  // namespace

void ProblemsPanel::show_open_failure(std::string file_name, Problems errors) {
    notice_ = Notice::open_failed;
    file_name_ = std::move(file_name);
    notice_problems_ = std::move(errors);
    open = true;
}

void ProblemsPanel::show_opened_with_warnings(std::string file_name, std::size_t warning_count) {
    notice_ = Notice::opened_with_warnings;
    file_name_ = std::move(file_name);
    notice_problems_.clear();
    warnings_at_open_ = warning_count;
    open = true;
}

void ProblemsPanel::show_refusal(Problems problems) {
    notice_ = Notice::edit_refused;
    notice_problems_ = std::move(problems);
    open = true;
}

void ProblemsPanel::forget_notice() {
    notice_ = Notice::none;
    notice_problems_.clear();
}

void ProblemsPanel::draw(const Context&, const Problems& warnings_now) {
    if (!open) return;
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    // As tall as its content, at most a third of the window; it scrolls beyond that.
    const std::size_t lines = 2 + (notice_ != Notice::none ? 2 + notice_problems_.size() : 0) +
                              (warnings_now.empty() ? 1 : 2 + warnings_now.size());
    const float height = std::min(static_cast<float>(lines) * line + 2 * ImGui::GetStyle().WindowPadding.y,
                                  std::max(8 * em, ImGui::GetContentRegionAvail().y / 3));
    ImGui::BeginChild("problems", ImVec2(0, height), ImGuiChildFlags_Border);

    ImGui::TextUnformatted(tr(Key::problems_title));
    const std::string close = std::string(tr(Key::problems_close)) + "###close_problems";
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(),
                             ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(close.c_str(), nullptr, true).x -
                                 2 * ImGui::GetStyle().FramePadding.x));
    if (ImGui::SmallButton(close.c_str())) {
        open = false;
        forget_notice();
    }

    switch (notice_) {
        case Notice::open_failed:
            ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
            ImGui::TextWrapped("%s", fill(tr(Key::problems_open_failed),
                                          {file_name_, format_integer(static_cast<long long>(notice_problems_.size()))})
                                         .c_str());
            ImGui::PopStyleColor();
            ImGui::TextWrapped("%s", tr(Key::problems_still_open));
            problem_table("open_errors", notice_problems_, kErrorText);
            break;
        case Notice::edit_refused:
            ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
            ImGui::TextUnformatted(tr(Key::problems_edit_refused));
            ImGui::PopStyleColor();
            problem_table("refusal", notice_problems_, kErrorText);
            break;
        case Notice::opened_with_warnings:
            ImGui::TextWrapped("%s", fill(tr(Key::problems_opened_with_warnings),
                                          {file_name_, format_integer(static_cast<long long>(warnings_at_open_))})
                                         .c_str());
            break;
        case Notice::none: break;
    }

    if (!warnings_now.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted(
            fill(tr(Key::problems_warnings_now), {format_integer(static_cast<long long>(warnings_now.size()))}).c_str());
        problem_table("warnings", warnings_now, kWarningText);
    } else if (notice_ == Notice::none) {
        ImGui::TextDisabled("%s", tr(Key::status_warnings_none));
    }
    ImGui::EndChild();
}

}  // namespace kc::ui
