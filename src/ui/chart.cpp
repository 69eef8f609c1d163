// The chart helpers of chart.hpp.
#include "chart.hpp"

#include <algorithm>
#include <cmath>

namespace kc::ui::chart {
namespace {

constexpr ImU32 rgb(unsigned hex) {
    return IM_COL32((hex >> 16) & 0xFF, (hex >> 8) & 0xFF, hex & 0xFF, 0xFF);
}

float channel(ImU32 colour, int shift) { return static_cast<float>((colour >> shift) & 0xFF) / 255.0f; }

// Relative luminance (WCAG) of an sRGB colour.
float luminance(ImU32 colour) {
    auto linear = [](float c) { return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f); };
    return 0.2126f * linear(channel(colour, IM_COL32_R_SHIFT)) + 0.7152f * linear(channel(colour, IM_COL32_G_SHIFT)) +
           0.0722f * linear(channel(colour, IM_COL32_B_SHIFT));
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a);
    const ImVec4 y = ImGui::ColorConvertU32ToFloat4(b);
    return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                                 x.z + (y.z - x.z) * t, 1.0f));
}

const char* const kEllipsis = "…";

}  // namespace

ImU32 layer_colour(Layer layer) {
    static constexpr unsigned kColours[kLayerCount] = {0x08306B, 0x2171B5, 0x6BAED6, 0xC6DBEF,
                                                       0xBDBDBD, 0xFDAE6B, 0xFDD0A2};
    return rgb(kColours[static_cast<int>(layer)]);
}

ImU32 abc_colour(AbcClass value) {
    switch (value) {
        case AbcClass::a: return rgb(0x0072B2);
        case AbcClass::b: return rgb(0xE69F00);
        case AbcClass::c: return rgb(0xBDBDBD);
        case AbcClass::none: break;
    }
    return rgb(0xE0E0E0);
}

ImU32 retention_colour(RetentionStatus status) {
    switch (status) {
        case RetentionStatus::retained: return rgb(0x0072B2);
        case RetentionStatus::lost: return rgb(0xD55E00);
        case RetentionStatus::new_customer: return rgb(0x56B4E9);
        case RetentionStatus::reactivated: return rgb(0xCC79A7);
        case RetentionStatus::none: break;
    }
    return rgb(0xE0E0E0);
}

ImU32 move_colour(int direction, float strength) {
    const float t = 0.15f + 0.85f * std::clamp(strength, 0.0f, 1.0f);
    if (direction > 0) return mix(rgb(0xFFFFFF), rgb(0x2171B5), t);
    if (direction < 0) return mix(rgb(0xFFFFFF), rgb(0xE6550D), t);
    return mix(rgb(0xFFFFFF), rgb(0x969696), t * 0.8f);
}

ImU32 score_colour(double fraction) {
    const float t = static_cast<float>(std::clamp(fraction, 0.0, 1.0));
    return mix(rgb(0xEFF3FF), rgb(0x2171B5), 0.1f + 0.9f * t);
}

ImU32 ink_on(ImU32 fill) { return luminance(fill) > 0.30f ? rgb(0x111111) : rgb(0xFFFFFF); }
ImU32 ink() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 faint_ink() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_colour() { return rgb(0xD0D0D0); }
ImU32 accent() { return rgb(0x0072B2); }
ImU32 alert() { return rgb(0xD55E00); }

float text_width(std::string_view text) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x;
}

float text(ImDrawList* draw, ImVec2 pos, ImU32 colour, std::string_view text, float max_width) {
    const float full = text_width(text);
    if (full <= max_width) {
        draw->AddText(pos, colour, text.data(), text.data() + text.size());
        return full;
    }
    const float ellipsis = text_width(kEllipsis);
    if (ellipsis > max_width) return 0;
    // Whole UTF-8 characters only, as many as fit before the "…".
    std::size_t end = 0;
    for (std::size_t next = 0; next < text.size();) {
        std::size_t step = 1;
        while (next + step < text.size() && (static_cast<unsigned char>(text[next + step]) & 0xC0) == 0x80) ++step;
        if (text_width(text.substr(0, next + step)) + ellipsis > max_width) break;
        next += step;
        end = next;
    }
    std::string cut(text.substr(0, end));
    cut += kEllipsis;
    draw->AddText(pos, colour, cut.c_str());
    return text_width(cut);
}

bool text_centred(ImDrawList* draw, ImVec2 min, ImVec2 max, ImU32 colour, std::string_view text) {
    const ImVec2 size = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    if (size.x > max.x - min.x || size.y > max.y - min.y) return false;
    draw->AddText(ImVec2(std::floor((min.x + max.x - size.x) / 2), std::floor((min.y + max.y - size.y) / 2)), colour,
                  text.data(), text.data() + text.size());
    return true;
}

bool text_right(ImDrawList* draw, float x_left, float x_right, float y, ImU32 colour, std::string_view text) {
    const float width = text_width(text);
    if (width > x_right - x_left) return false;
    draw->AddText(ImVec2(std::floor(x_right - width), y), colour, text.data(), text.data() + text.size());
    return true;
}

void tooltip_lines(const std::string* lines, std::size_t count) {
    if (count == 0 || !ImGui::BeginTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    for (std::size_t i = 0; i < count; ++i) {
        ImGui::TextUnformatted(lines[i].c_str());
        if (i == 0 && count > 1) ImGui::Separator();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void tooltip(std::initializer_list<std::string> lines) { tooltip_lines(lines.begin(), lines.size()); }

bool hovered(ImVec2 min, ImVec2 max) {
    return ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
           ImGui::IsMouseHoveringRect(min, max, false);
}

bool clicked(ImVec2 min, ImVec2 max) { return hovered(min, max) && ImGui::IsMouseClicked(ImGuiMouseButton_Left); }

void right_aligned(std::string_view text) {
    const float width = text_width(text);
    const float room = ImGui::GetContentRegionAvail().x;
    if (room > width) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + room - width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
}

bool take_sort_change(ImGuiID& column, bool& descending) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return false;
    if (specs->SpecsCount > 0) {
        column = specs->Specs[0].ColumnUserID;
        descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    specs->SpecsDirty = false;
    return true;
}

}  // namespace kc::ui::chart
