// Curry's customer pyramid (see views.hpp): top, large, medium and small as the pyramid,
// inactive accounts, prospects and suspects beneath it. Each layer is labelled with its
// count, revenue and shares, next to the revenue share Curry finds typical; hovering
// shows the figures and the layer's strategy, a click lists the layer's accounts.
#include <algorithm>
#include <array>
#include <cmath>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

// Curry's typical revenue shares of the customer layers (top ≈ 40%, large ≈ 25%,
// medium ≈ 15%, small ≈ 20%); the three lower layers bring no revenue.
constexpr std::array<double, 4> kCurryShare = {0.40, 0.25, 0.15, 0.20};

constexpr Bilingual kStrategy[kLayerCount] = {
    {"Behouden en uitbouwen: persoonlijke aandacht en key-accountmanagement.",
     "Retain and develop: personal attention and key account management."},
    {"Behouden en laten doorgroeien naar de top (upgraden).", "Retain, and upgrade towards the top."},
    {"Upgraden: het groeipotentieel benutten en een laag omhoog helpen.",
     "Upgrade: use the growth potential and help them move up a layer."},
    {"Upgraden waar potentieel is; de rest efficiënt bedienen of afbouwen (divest).",
     "Upgrade where there is potential; serve the rest efficiently or divest."},
    {"Terugwinnen waar het loont, anders loslaten.", "Win back where it pays, otherwise let go."},
    {"Werven (acquire): prospects tot klant maken.", "Acquire: turn prospects into customers."},
    {"Identificeren: suspects kwalificeren tot prospects.", "Identify: qualify suspects into prospects."},
};
constexpr Bilingual kCustomers("{} klanten ({})", "{} customers ({})");
constexpr Bilingual kAccounts("{} accounts ({})", "{} accounts ({})");
constexpr Bilingual kCustomer("{} klant ({})", "{} customer ({})");
constexpr Bilingual kAccount("{} account ({})", "{} account ({})");
constexpr Bilingual kRevenueLine("{} · {} · Curry ≈{}", "{} · {} · Curry ≈{}");
constexpr Bilingual kCountDetail("{} van de accounts", "{} of all accounts");
constexpr Bilingual kRevenueDetail("Omzet {}: {} van de omzet van de klanten", "Revenue {}: {} of the customers' revenue");
constexpr Bilingual kCurryDetail("Curry: typisch ≈{} van de omzet", "Curry: typically ≈{} of revenue");
constexpr Bilingual kStrategyLabel("Strategie: {}", "Strategy: {}");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");
constexpr Bilingual kPercentages("Grenzen:", "Boundaries:");
constexpr Bilingual kPercentagesHint(
    "Welk deel van de klanten, op omzet gerangschikt, in de top-, grote en middelgrote laag valt. "
    "De rest van de klanten is klein. Slepen of Ctrl+klik om te typen.",
    "Which share of the customers, ranked by revenue, makes the top, large and medium layers. "
    "The other customers are small. Drag, or Ctrl+click to type.");
constexpr Bilingual kNoYear("Geen analysejaar: de portfolio heeft nog geen omzet.",
                            "No analysis year: the portfolio has no revenue yet.");

// Column keys and labels of the figures.
constexpr Bilingual kColLayer("Laag", "Layer");
constexpr Bilingual kColCount("Accounts", "Accounts");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kColRevenueShare("Omzetaandeel", "Revenue share");
constexpr Bilingual kColAccountShare("Accountaandeel", "Account share");
constexpr Bilingual kColCurry("Curry typisch", "Curry typical");
constexpr Bilingual kFactYear("Analysejaar", "Analysis year");
constexpr Bilingual kFactCustomers("Klanten", "Customers");
constexpr Bilingual kFactRevenue("Omzet van de klanten", "Customers' revenue");
constexpr Bilingual kFactTop("Top (% van de klanten)", "Top (% of customers)");
constexpr Bilingual kFactLarge("Groot (% van de klanten)", "Large (% of customers)");
constexpr Bilingual kFactMedium("Middelgroot (% van de klanten)", "Medium (% of customers)");

std::optional<double> curry_share(Layer layer) {
    if (!is_customer_layer(layer)) return std::nullopt;
    return kCurryShare[static_cast<std::size_t>(layer)];
}

int customer_count(const PyramidReport& pyramid) {
    int customers = 0;
    for (Layer layer : kAllLayers)
        if (is_customer_layer(layer)) customers += pyramid.layers[static_cast<std::size_t>(layer)].count;
    return customers;
}

// "3 customers (10%)", "1 account (3%)": the count line's text for the layer and count.
const char* count_text(Layer layer, int count) {
    if (is_customer_layer(layer)) return tr(count == 1 ? kCustomer : kCustomers);
    return tr(count == 1 ? kAccount : kAccounts);
}

// The lines shown beside a layer; the drawing takes as many as fit.
std::vector<std::string> layer_lines(Layer layer, const LayerFigures& figures, std::string_view currency) {
    std::vector<std::string> lines;
    const std::string count = format_integer(figures.count), share = format_percent(figures.account_share, 0);
    lines.push_back(capitalised(layer_text(layer)) + " · " +
                    fill(count_text(layer, figures.count), {count, share}));
    if (is_customer_layer(layer))
        lines.push_back(fill(tr(kRevenueLine), {format_money_short(figures.revenue, currency),
                                                format_percent(figures.revenue_share, 0),
                                                format_percent(*curry_share(layer), 0)}));
    return lines;
}

// The tooltip: every figure spelled out, and the layer's strategy.
std::vector<std::string> layer_tooltip(Layer layer, const LayerFigures& figures, std::string_view currency) {
    std::vector<std::string> lines;
    lines.push_back(capitalised(layer_text(layer)) + " · " +
                    fill(count_text(layer, figures.count),
                         {format_integer(figures.count), fill(tr(kCountDetail), {format_percent(figures.account_share, 1)})}));
    if (is_customer_layer(layer)) {
        lines.push_back(fill(tr(kRevenueDetail), {format_money(figures.revenue, currency, 0),
                                                  format_percent(figures.revenue_share, 1)}));
        lines.push_back(fill(tr(kCurryDetail), {format_percent(*curry_share(layer), 0)}));
    }
    lines.push_back(fill(tr(kStrategyLabel), {tr(kStrategy[static_cast<std::size_t>(layer)])}));
    lines.push_back(tr(kClickToList));
    return lines;
}

// Geometry: the pyramid's four bands share the upper part of the drawing as a triangle,
// the three lower layers are bars of the base's width beneath a small gap.
struct Band {
    ImVec2 min, max;       // bounding box of the band (the whole row, labels included)
    float top_half_width;  // half widths of the trapezoid at its top and bottom edges
    float bottom_half_width;
};

std::array<Band, kLayerCount> layout_bands(ImVec2 origin, ImVec2 size, float shape_width, float gap) {
    std::array<Band, kLayerCount> bands{};
    const float pyramid_height = (size.y - gap) * 4.0f / 7.0f;
    const float band_height = pyramid_height / 4.0f;
    const float lower_height = (size.y - gap - pyramid_height) / 3.0f;
    const float half_base = shape_width / 2.0f;
    for (int i = 0; i < kLayerCount; ++i) {
        Band& band = bands[static_cast<std::size_t>(i)];
        if (i < 4) {
            band.min = ImVec2(origin.x, origin.y + band_height * static_cast<float>(i));
            band.max = ImVec2(origin.x + size.x, band.min.y + band_height);
            band.top_half_width = half_base * static_cast<float>(i) / 4.0f;
            band.bottom_half_width = half_base * static_cast<float>(i + 1) / 4.0f;
        } else {
            band.min = ImVec2(origin.x, origin.y + pyramid_height + gap + lower_height * static_cast<float>(i - 4));
            band.max = ImVec2(origin.x + size.x, band.min.y + lower_height);
            band.top_half_width = band.bottom_half_width = half_base;
        }
    }
    return bands;
}

}  // namespace

// [SECTION] figures --------------------------------------------------------------------------

Figures PyramidView::figures(const Context& context) const {
    const Report& report = context.report();
    const Pyramid& percentages = context.portfolio().info.pyramid;
    Figures out;
    out.title = std::string(tr(title())) + (report.year ? " " + std::to_string(*report.year) : std::string());
    out.columns = {{"layer", tr(kColLayer)},
                   {"count", tr(kColCount)},
                   {"revenue", tr(kColRevenue)},
                   {"revenue_share", tr(kColRevenueShare)},
                   {"account_share", tr(kColAccountShare)},
                   {"curry_revenue_share", tr(kColCurry)}};
    for (Layer layer : kAllLayers) {
        const LayerFigures& f = report.pyramid.layers[static_cast<std::size_t>(layer)];
        const std::optional<double> curry = curry_share(layer);
        out.rows.push_back({std::string(to_string(layer)), static_cast<double>(f.count), f.revenue, f.revenue_share,
                            f.account_share, curry ? FigureValue(*curry) : FigureValue()});
    }
    out.add_fact("year", tr(kFactYear), report.year ? FigureValue(static_cast<double>(*report.year)) : FigureValue());
    out.add_fact("customers", tr(kFactCustomers), static_cast<double>(customer_count(report.pyramid)));
    out.add_fact("revenue", tr(kFactRevenue), report.pareto.total_revenue);
    out.add_fact("top_percent", tr(kFactTop), percentages.top);
    out.add_fact("large_percent", tr(kFactLarge), percentages.large);
    out.add_fact("medium_percent", tr(kFactMedium), percentages.medium);
    return out;
}

// [SECTION] drawing ----------------------------------------------------------------------------

void PyramidView::draw_header_tools(const Context& context) {
    year_choice_.draw(context, "##pyramid_year", ImGui::GetFontSize() * 10);
}

void PyramidView::draw_body(const Context& context) {
    const Report& report = context.report();
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (!report.year) ImGui::TextDisabled("%s", tr(kNoYear));

    // Room: everything above the percentages row.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float controls_height = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const ImVec2 size(avail.x, std::max(7 * line, avail.y - controls_height));
    const float shape_width = std::clamp(size.x * 0.38f, 6 * em, size.y * 1.1f);
    const float gap = std::max(4.0f, line * 0.5f);
    const auto bands = layout_bands(origin, size, shape_width, gap);

    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float centre_x = origin.x + shape_width / 2.0f;
    const float label_x = origin.x + shape_width + em;
    const std::string& currency = context.portfolio().info.currency;
    for (Layer layer : kAllLayers) {
        const auto i = static_cast<std::size_t>(layer);
        const Band& band = bands[i];
        const LayerFigures& f = report.pyramid.layers[i];
        const ImU32 fill_colour = chart::layer_colour(layer);
        const float inset = 1.0f;   // a hairline of background between bands
        const float y0 = band.min.y + inset, y1 = band.max.y - inset;
        if (is_customer_layer(layer)) {
            const ImVec2 shape[4] = {ImVec2(centre_x - band.top_half_width, y0), ImVec2(centre_x + band.top_half_width, y0),
                                     ImVec2(centre_x + band.bottom_half_width, y1),
                                     ImVec2(centre_x - band.bottom_half_width, y1)};
            if (i == 0) draw->AddTriangleFilled(shape[0], shape[2], shape[3], fill_colour);
            else draw->AddConvexPolyFilled(shape, 4, fill_colour);
        } else {
            draw->AddRectFilled(ImVec2(origin.x, y0), ImVec2(origin.x + shape_width, y1), fill_colour, 2.0f);
        }
        // The count inside the band when it fits (the top of the triangle is narrow).
        const float text_y_mid = (y0 + y1) / 2.0f;
        const float half_width_mid = (band.top_half_width + band.bottom_half_width) / 2.0f;
        chart::text_centred(draw, ImVec2(centre_x - half_width_mid * 0.9f, text_y_mid - line / 2),
                            ImVec2(centre_x + half_width_mid * 0.9f, text_y_mid + line / 2), chart::ink_on(fill_colour),
                            format_integer(f.count));

        // Labels beside the band: as many lines as its height holds.
        const std::vector<std::string> lines = layer_lines(layer, f, currency);
        const int fitting = std::clamp(static_cast<int>((y1 - y0) / line), 1, static_cast<int>(lines.size()));
        float y = text_y_mid - line * static_cast<float>(fitting) / 2.0f;
        for (int k = 0; k < fitting; ++k, y += line)
            chart::text(draw, ImVec2(label_x, y), k == 0 ? chart::ink() : chart::faint_ink(),
                        lines[static_cast<std::size_t>(k)], origin.x + size.x - label_x);

        record_part(context, std::string("layer:") + std::string(to_string(layer)),
                    {band.min.x, band.min.y, band.max.x, band.max.y});
        if (chart::hovered(band.min, band.max)) {
            draw->AddRect(ImVec2(band.min.x, y0), ImVec2(band.max.x, y1), chart::accent(), 2.0f);
            const std::vector<std::string> tip = layer_tooltip(layer, f, currency);
            chart::tooltip_lines(tip.data(), tip.size());
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_layer(layer));
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y + style.ItemSpacing.y));
    draw_percentages(context);
}

// Top, large and medium as percentages of the customers: an edit of portfolio.pyramid per
// change, one undo step per drag or typed value.
void PyramidView::draw_percentages(const Context& context) {
    const Pyramid& now = context.portfolio().info.pyramid;
    if (!ImGui::IsAnyItemActive()) {
        top_ = now.top;
        large_ = now.large;
        medium_ = now.medium;
    }
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr(kPercentages));
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em * 28);
        ImGui::TextUnformatted(tr(kPercentagesHint));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    bool changed = false, released = false;
    const double zero = 0;
    struct Field {
        Layer layer;
        double* value;
        const char* id;
    };
    for (const Field& field : {Field{Layer::top, &top_, "##top"}, Field{Layer::large, &large_, "##large"},
                               Field{Layer::medium, &medium_, "##medium"}}) {
        // Each may take what the other two leave of 100%.
        const double others = top_ + large_ + medium_ - *field.value;
        const double most = std::max(0.0, 100.0 - others);
        // Label and field stay together; the pair goes to the next line when it does not fit.
        const std::string label = capitalised(layer_text(field.layer));
        const float pair_width = ImGui::CalcTextSize(label.c_str()).x + em * 4.2f;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < pair_width) ImGui::NewLine();
        ImGui::TextUnformatted(label.c_str());
        ImGui::SameLine(0, em * 0.25f);
        ImGui::SetNextItemWidth(em * 3.6f);
        if (ImGui::DragScalar(field.id, ImGuiDataType_Double, field.value, 0.1f, &zero, &most, "%.4g%%",
                              ImGuiSliderFlags_AlwaysClamp))
            changed = true;
        if (ImGui::IsItemDeactivatedAfterEdit()) released = true;
    }
    if (changed) context.emit(SetPyramid{top_, large_, medium_}, "pyramid");
    if (released) context.seal();
}

}  // namespace kc::ui
