// Context's requests (see view.hpp), kept out of line so each view does not inline the
// queue's growth for every kind of Edit, and the frame every chart is drawn in.
#include "view.hpp"

#include <algorithm>

#include "chart.hpp"
#include "imgui.h"

// GCC 12 warns that moving a variant holding an Account "may use" an uninitialised
// string of another alternative it never constructs (a known false positive of its
// -Wmaybe-uninitialized with std::variant).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace kc::ui {

void Context::emit(Edit change, std::string merge_key) const {
    EditRequest request;
    request.change = std::move(change);
    request.merge_key = std::move(merge_key);
    frame_.edits.push_back(std::move(request));
}

void Context::seal() const {
    EditRequest request;
    request.kind = EditRequest::seal;
    frame_.edits.push_back(std::move(request));
}

// [SECTION] ChartView --------------------------------------------------------------------

namespace {

constexpr Bilingual kCopy("Kopiëren", "Copy");
constexpr Bilingual kCopyHint("De cijfers van deze grafiek als tabel naar het klembord (plakken in een spreadsheet).",
                              "The figures of this chart as a table to the clipboard (paste into a spreadsheet).");
constexpr Bilingual kPngHint("Deze grafiek als PNG-afbeelding downloaden.", "Download this chart as a PNG image.");

bool small_button_with_hint(const char* label, const Bilingual& hint) {
    const bool pressed = ImGui::SmallButton(label);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetItemTooltip("%s", tr(hint));
    return pressed;
}

}  // namespace

void ChartView::draw(const Context& context) {
    const std::string view_name(name());
    // Everything from here to the end of the region is what a PNG export shows.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 region = ImGui::GetContentRegionAvail();
    const PixelRect whole{origin.x, origin.y, origin.x + region.x, origin.y + region.y};

    ImGui::PushID(view_name.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(title()));
    ImGui::SameLine(0, ImGui::GetFontSize());
    draw_header_tools(context);

    // Copy and PNG at the right end of the header, or after the tools when that is further.
    const std::string copy_label = std::string(tr(kCopy)) + "###copy";
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttons_width = ImGui::CalcTextSize(tr(kCopy)).x + ImGui::CalcTextSize("PNG").x +
                                4 * style.FramePadding.x + style.ItemSpacing.x;
    ImGui::SameLine();
    ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - buttons_width));
    const ImVec2 copy_at = ImGui::GetCursorScreenPos();
    if (small_button_with_hint(copy_label.c_str(), kCopyHint)) context.copy(figures_tsv(figures(context)));
    record_part(context, "copy", {copy_at.x, copy_at.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});
    ImGui::SameLine();
    const ImVec2 png_at = ImGui::GetCursorScreenPos();
    if (small_button_with_hint("PNG###png", kPngHint)) {
        const std::optional<int> year = context.report().year;
        context.snapshot(view_name + (year ? "-" + std::to_string(*year) : std::string()), whole);
    }
    record_part(context, "png", {png_at.x, png_at.y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y});

    // The body has no scroll bar of its own: a chart fits its room; lists scroll inside.
    ImGui::BeginChild("body", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    draw_body(context);
    ImGui::EndChild();
    ImGui::PopID();
}

void ChartView::record_part(const Context& context, std::string_view part, PixelRect rect) const {
    context.record_part(std::string(name()) + "/" + std::string(part), rect);
}

}  // namespace kc::ui
