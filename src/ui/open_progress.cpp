// The frame shown while a big file is read (open_progress.hpp).
#include "open_progress.hpp"

#include <algorithm>
#include <string>

#include "i18n.hpp"
#include "imgui.h"

namespace kc::ui {

namespace {

// "12.5" for 12,500,000 bytes, in the language's number style.
std::string megabytes(std::size_t bytes) { return format_number(static_cast<double>(bytes) / 1e6, 1); }

}  // namespace

void draw_open_progress(std::string_view file_name, std::size_t bytes, std::size_t total) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float width = std::min(viewport->WorkSize.x * 0.8f, ImGui::GetFontSize() * 32);
    ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + viewport->WorkSize.x * 0.5f,
                                   viewport->WorkPos.y + viewport->WorkSize.y * 0.4f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;
    ImGui::Begin("###open_progress", nullptr, flags);
    ImGui::TextUnformatted(fill(tr(Key::opening_file), {file_name}).c_str());
    const float fraction = total > 0 ? std::clamp(static_cast<float>(bytes) / static_cast<float>(total), 0.0f, 1.0f) : 0.0f;
    const std::string done = total > 0 ? fill(tr(Key::opening_progress), {megabytes(std::min(bytes, total)), megabytes(total)})
                                       : megabytes(bytes) + " MB";
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), done.c_str());
    ImGui::End();
}

}  // namespace kc::ui
