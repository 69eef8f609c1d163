// The menu bar and the button row under it: open, save, undo, redo, the analysis
// year, the language. Returns what was chosen; the app carries it out.
#include <algorithm>
#include <tuple>

#include "file_tools.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

// "Text###id": the text follows the language, the ImGui id stays the same.
std::string label(Key key, const char* id) { return std::string(tr(key)) + "###" + id; }

bool menu_item(Key key, const char* id, const char* shortcut, bool enabled = true) {
    return ImGui::MenuItem(label(key, id).c_str(), shortcut, false, enabled);
}

bool button(Key key, const char* id, bool enabled = true) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label(key, id).c_str());
    ImGui::EndDisabled();
    return pressed;
}

}  // namespace

Command Toolbar::draw(const Context& context, std::span<const std::unique_ptr<View>> views) {
    Command command = draw_menus(context, views);
    const Command from_buttons = draw_buttons(context);
    return command != Command::none ? command : from_buttons;
}

Command Toolbar::draw_menus(const Context& context, std::span<const std::unique_ptr<View>> views) {
    Command command = Command::none;
    if (!ImGui::BeginMenuBar()) return command;
    const Document& document = context.document();
    if (ImGui::BeginMenu(label(Key::menu_file, "file").c_str())) {
        if (menu_item(Key::action_open, "open", "Ctrl+O")) command = Command::open;
        if (menu_item(Key::action_save, "save", "Ctrl+S")) command = Command::save;
        if (const Command tool = file_tools_menu_items(); tool != Command::none) command = tool;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(label(Key::menu_edit, "edit").c_str())) {
        if (menu_item(Key::action_undo, "undo", "Ctrl+Z", document.can_undo())) command = Command::undo;
        if (menu_item(Key::action_redo, "redo", "Ctrl+Shift+Z", document.can_redo())) command = Command::redo;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(label(Key::menu_view, "view").c_str())) {
        for (const auto& view : views)
            ImGui::MenuItem((std::string(tr(view->title())) + "###" + std::string(view->name())).c_str(), nullptr,
                            &view->open);
        ImGui::Separator();
        if (menu_item(Key::problems_show, "problems", nullptr)) command = Command::show_problems;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(label(Key::menu_language, "language").c_str())) {
        if (ImGui::MenuItem(label(Key::language_dutch, "nl").c_str(), nullptr, language() == Language::nl))
            command = Command::use_dutch;
        if (ImGui::MenuItem(label(Key::language_english, "en").c_str(), nullptr, language() == Language::en))
            command = Command::use_english;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu(label(Key::menu_help, "help").c_str())) {
        if (menu_item(Key::action_about, "about", nullptr)) command = Command::show_about;
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
    return command;
}

Command Toolbar::draw_buttons(const Context& context) {
    Command command = Command::none;
    const Document& document = context.document();
    if (button(Key::action_open, "open_button")) command = Command::open;
    ImGui::SameLine();
    if (button(Key::action_save, "save_button")) command = Command::save;
    ImGui::SameLine(0, ImGui::GetFontSize());
    if (button(Key::action_undo, "undo_button", document.can_undo())) command = Command::undo;
    ImGui::SameLine();
    if (button(Key::action_redo, "redo_button", document.can_redo())) command = Command::redo;
    ImGui::SameLine(0, ImGui::GetFontSize());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(Key::year_label));
    ImGui::SameLine();
    year_choice_.draw(context, "##year", ImGui::GetFontSize() * 11);

    // The language switch sits at the right end of the row.
    const float em = ImGui::GetFontSize();
    const float switch_width = 2 * ImGui::CalcTextSize("NL").x + 4 * ImGui::GetStyle().FramePadding.x + em * 0.5f;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - switch_width));
    for (const auto& [code, lang, chosen] : {std::tuple{"NL", Language::nl, Command::use_dutch},
                                             std::tuple{"EN", Language::en, Command::use_english}}) {
        const bool current = language() == lang;
        if (current) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(code)) command = chosen;
        if (current) ImGui::PopStyleColor();
        if (lang == Language::nl) ImGui::SameLine(0, em * 0.25f);
    }
    return command;
}

}  // namespace kc::ui
