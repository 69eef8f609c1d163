// "About kamcanvas": what it is, the version, where the data stays. Hidden until asked for.
#include "imgui.h"
#include "version.hpp"
#include "views.hpp"

namespace kc::ui {

void AboutWindow::draw() {
    if (!open) return;
    const float em = ImGui::GetFontSize();
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(32 * em, 0), ImGuiCond_Appearing);
    const std::string title = std::string(tr(Key::about_title)) + "###about";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(tr(Key::about_text));
        ImGui::Spacing();
        ImGui::TextUnformatted(fill(tr(Key::about_version), {kVersion}).c_str());
        ImGui::TextUnformatted(tr(Key::about_privacy));
        ImGui::TextDisabled("%s", fill(tr(Key::about_built_with), {ImGui::GetVersion()}).c_str());
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
        if (ImGui::Button((std::string(tr(Key::problems_close)) + "###close").c_str())) open = false;
    }
    ImGui::End();
}

}  // namespace kc::ui
