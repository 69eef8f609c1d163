// Pareto and ABC (see views.hpp): the cumulative share of revenue over the customers
// ranked by revenue, with the 80% and 20% guides, the point where 80% is reached and the
// A/B/C classes as coloured bands; or, toggled, the Lorenz curve (customers from the
// smallest up) against the line of equality, with the Gini coefficient. Every point is
// the engine's cumulative share; a click on a band lists that class's accounts.
#include <algorithm>
#include <cmath>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kPareto("Pareto", "Pareto");
constexpr Bilingual kLorenz("Lorenz", "Lorenz");
constexpr Bilingual kHeadline("{} van {} klanten ({}) brengen 80% van de omzet",
                              "{} of {} customers ({}) bring 80% of revenue");
constexpr Bilingual kTop20("De top 20% ({} klanten) brengt {} van de omzet · Gini {}",
                           "The top 20% ({} customers) bring {} of revenue · Gini {}");
constexpr Bilingual kGiniLine("Gini {}: 0 is gelijk verdeeld, 1 is alles bij één klant",
                              "Gini {}: 0 is evenly spread, 1 is all in one customer");
constexpr Bilingual kNoCustomers("Geen klanten met omzet in het analysejaar.", "No customers with revenue in the analysis year.");
constexpr Bilingual kXAxis("aandeel van de klanten", "share of customers");
constexpr Bilingual kXAxisLorenz("aandeel van de klanten, kleinste eerst", "share of customers, smallest first");
constexpr Bilingual kClass("Klasse {}: {} klanten, {} van de omzet", "Class {}: {} customers, {} of revenue");
constexpr Bilingual kClassHint[3] = {
    {"A: de klanten die samen 80% van de omzet brengen.", "A: the customers who together bring 80% of revenue."},
    {"B: de volgende, tot 95% van de omzet.", "B: the next ones, up to 95% of revenue."},
    {"C: de rest, samen 5% van de omzet.", "C: the rest, 5% of revenue together."}};
constexpr Bilingual kRankTip("Nr. {}: {}", "No. {}: {}");
constexpr Bilingual kRankFigures("{} · samen met de grotere {}", "{} · with the larger ones {}");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");
constexpr Bilingual kColClass("Klasse", "Class");
constexpr Bilingual kColCustomers("Klanten", "Customers");
constexpr Bilingual kColCustomerShare("Klantaandeel", "Customer share");
constexpr Bilingual kColRevenueShare("Omzetaandeel", "Revenue share");
constexpr Bilingual kFactCustomers("Klanten", "Customers");
constexpr Bilingual kFactRevenue("Omzet", "Revenue");
constexpr Bilingual kFact80("Klanten voor 80% van de omzet", "Customers for 80% of revenue");
constexpr Bilingual kFact80Share("Aandeel klanten voor 80%", "Share of customers for 80%");
constexpr Bilingual kFactTop20("Top 20% (klanten)", "Top 20% (customers)");
constexpr Bilingual kFactTop20Share("Omzetaandeel top 20%", "Revenue share of the top 20%");
constexpr Bilingual kFactGini("Gini", "Gini");

// C(k)/T for k = 0..n (C(0) = 0).
double cumulative(const ParetoReport& p, int k) {
    if (k <= 0) return 0.0;
    return p.cumulative_share[static_cast<std::size_t>(std::min(k, p.customers) - 1)];
}

struct ClassFigures {
    AbcClass value;
    int first_rank, last_rank;   // 1-based, inclusive; empty when first > last
    int count() const { return std::max(0, last_rank - first_rank + 1); }
};

std::array<ClassFigures, 3> classes(const ParetoReport& p) {
    return {ClassFigures{AbcClass::a, 1, p.accounts_for_80},
            ClassFigures{AbcClass::b, p.accounts_for_80 + 1, p.accounts_for_95},
            ClassFigures{AbcClass::c, p.accounts_for_95 + 1, p.customers}};
}

double revenue_share(const ParetoReport& p, const ClassFigures& c) {
    if (c.count() == 0 || p.total_revenue <= 0) return 0.0;
    return cumulative(p, c.last_rank) - cumulative(p, c.first_rank - 1);
}

// Plot coordinates: x and y in 0..1 map into [min, max] with y upwards.
struct Plot {
    ImVec2 min, max;
    ImVec2 at(double x, double y) const {
        return ImVec2(min.x + static_cast<float>(x) * (max.x - min.x), max.y - static_cast<float>(y) * (max.y - min.y));
    }
    double x_of(float screen_x) const { return std::clamp((screen_x - min.x) / (max.x - min.x), 0.0f, 1.0f); }
};

void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 colour) {
    const float length = std::hypot(b.x - a.x, b.y - a.y);
    const float dash = 5.0f;
    for (float s = 0; s < length; s += 2 * dash) {
        const float e = std::min(length, s + dash);
        draw->AddLine(ImVec2(a.x + (b.x - a.x) * s / length, a.y + (b.y - a.y) * s / length),
                      ImVec2(a.x + (b.x - a.x) * e / length, a.y + (b.y - a.y) * e / length), colour, 1.0f);
    }
}

}  // namespace

Figures ParetoView::figures(const Context& context) const {
    const Report& report = context.report();
    const ParetoReport& p = report.pareto;
    Figures out;
    out.title = std::string(tr(title())) + (report.year ? " " + std::to_string(*report.year) : std::string());
    out.columns = {{"class", tr(kColClass)},
                   {"customers", tr(kColCustomers)},
                   {"customer_share", tr(kColCustomerShare)},
                   {"revenue_share", tr(kColRevenueShare)}};
    for (const ClassFigures& c : classes(p))
        out.rows.push_back({std::string(to_string(c.value)), static_cast<double>(c.count()),
                            p.customers > 0 ? static_cast<double>(c.count()) / p.customers : 0.0, revenue_share(p, c)});
    out.add_fact("customers", tr(kFactCustomers), static_cast<double>(p.customers));
    out.add_fact("total_revenue", tr(kFactRevenue), p.total_revenue);
    out.add_fact("accounts_for_80", tr(kFact80), static_cast<double>(p.accounts_for_80));
    out.add_fact("share_of_accounts_for_80", tr(kFact80Share), p.share_of_accounts_for_80);
    out.add_fact("top20_count", tr(kFactTop20), static_cast<double>(p.top20_count));
    out.add_fact("top20_revenue_share", tr(kFactTop20Share), p.top20_revenue_share);
    out.add_fact("gini", tr(kFactGini), p.gini);
    return out;
}

void ParetoView::draw_header_tools(const Context&) {
    if (ImGui::RadioButton(tr(kPareto), !lorenz_)) lorenz_ = false;
    ImGui::SameLine();
    if (ImGui::RadioButton(tr(kLorenz), lorenz_)) lorenz_ = true;
}

void ParetoView::draw_body(const Context& context) {
    const Report& report = context.report();
    const ParetoReport& p = report.pareto;
    if (p.customers == 0 || p.total_revenue <= 0) {
        ImGui::TextDisabled("%s", tr(kNoCustomers));
        return;
    }
    const std::string gini = format_number(p.gini, 2);
    const std::string headline = fill(tr(kHeadline), {format_integer(p.accounts_for_80), format_integer(p.customers),
                                                      format_percent(p.share_of_accounts_for_80, 0)});
    const std::string second = lorenz_ ? fill(tr(kGiniLine), {gini})
                                       : fill(tr(kTop20), {format_integer(p.top20_count),
                                                           format_percent(p.top20_revenue_share, 0), gini});
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float line = ImGui::GetTextLineHeight();
    const float em = ImGui::GetFontSize();
    chart::text(draw, origin, chart::ink(), headline, avail.x);
    chart::text(draw, ImVec2(origin.x, origin.y + line), chart::faint_ink(), second, avail.x);

    // Plot area: y labels on the left ("100%"), x labels and the legend below.
    const float left = chart::text_width("100%") + em * 0.5f;
    Plot plot;
    plot.min = ImVec2(origin.x + left, origin.y + 2.5f * line);
    plot.max = ImVec2(origin.x + avail.x - em * 0.5f, origin.y + avail.y - 2.3f * line - 4);
    if (plot.max.y - plot.min.y < 3 * line || plot.max.x - plot.min.x < 6 * em) return;

    const int n = p.customers;
    const auto abc = classes(p);
    // Bands: where each class lies along x (reversed in the Lorenz view: smallest first).
    auto band_x = [&](const ClassFigures& c) {
        const double a = static_cast<double>(c.first_rank - 1) / n, b = static_cast<double>(c.last_rank) / n;
        return lorenz_ ? std::pair{1.0 - b, 1.0 - a} : std::pair{a, b};
    };
    for (const ClassFigures& c : abc) {
        if (c.count() == 0) continue;
        const auto [x0, x1] = band_x(c);
        const ImU32 colour = chart::abc_colour(c.value);
        const ImVec2 top_left = plot.at(x0, 1.0), bottom_right = plot.at(x1, 0.0);
        draw->AddRectFilled(top_left, bottom_right, (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 40));
        draw->AddRectFilled(ImVec2(top_left.x, bottom_right.y - 4), bottom_right, colour);
    }
    // Grid and axis labels every 20%.
    for (int step = 0; step <= 5; ++step) {
        const double v = step / 5.0;
        draw->AddLine(plot.at(0, v), plot.at(1, v), chart::grid_colour());
        draw->AddLine(plot.at(v, 0), plot.at(v, 1), chart::grid_colour());
        const std::string label = format_percent(v, 0);
        chart::text_right(draw, origin.x, plot.min.x - em * 0.3f, plot.at(0, v).y - line / 2, chart::faint_ink(), label);
        const float w = chart::text_width(label);
        const float x = std::clamp(plot.at(v, 0).x - w / 2, plot.min.x - w / 2, plot.max.x - w);
        draw->AddText(ImVec2(x, plot.max.y + 2), chart::faint_ink(), label.c_str());
    }

    // The curve, one point per customer or, for thousands of them, per pixel column.
    const int columns = std::max(2, static_cast<int>(plot.max.x - plot.min.x));
    const int points = std::min(n, columns);
    std::vector<ImVec2> curve;
    curve.reserve(static_cast<std::size_t>(points) + 2);
    curve.push_back(plot.at(0, 0));
    for (int j = 1; j <= points; ++j) {
        const int k = static_cast<int>(std::llround(static_cast<double>(j) * n / points));
        // Lorenz: the smallest k customers hold 1 − C(n − k)/T.
        curve.push_back(lorenz_ ? plot.at(static_cast<double>(k) / n, 1.0 - cumulative(p, n - k))
                                : plot.at(static_cast<double>(k) / n, cumulative(p, k)));
    }
    if (lorenz_) draw->AddLine(plot.at(0, 0), plot.at(1, 1), chart::faint_ink(), 1.0f);
    draw->AddPolyline(curve.data(), static_cast<int>(curve.size()), chart::ink(), 0, 2.0f);

    if (!lorenz_) {
        // 80%: across to the curve and down to the axis, the point marked and named.
        const double x80 = static_cast<double>(p.accounts_for_80) / n;
        dashed_line(draw, plot.at(0, 0.8), plot.at(x80, 0.8), chart::accent());
        dashed_line(draw, plot.at(x80, 0.8), plot.at(x80, 0), chart::accent());
        draw->AddCircleFilled(plot.at(x80, cumulative(p, p.accounts_for_80)), 4.0f, chart::accent());
        // 20%: up from the axis to the curve.
        const double x20 = static_cast<double>(p.top20_count) / n;
        dashed_line(draw, plot.at(x20, 0), plot.at(x20, p.top20_revenue_share), chart::faint_ink());
        const std::string label = format_integer(p.accounts_for_80) + " → 80%";
        const ImVec2 at = plot.at(x80, 0.8);
        const float w = chart::text_width(label);
        const float lx = at.x + em * 0.4f + w <= plot.max.x ? at.x + em * 0.4f : at.x - em * 0.4f - w;
        draw->AddText(ImVec2(lx, at.y + 2), chart::accent(), label.c_str());
    }

    // Under the tick labels: the classes with their counts (each clickable), then what the
    // x axis is, when there is room for it.
    float lx = origin.x;
    const float ly = plot.max.y + line + 4;
    for (const ClassFigures& c : abc) {
        const std::string label = std::string(to_string(c.value)) + " " + format_integer(c.count());
        const ImVec2 box_min(lx, ly + 2), box_max(lx + line - 4, ly + line - 2);
        const float w = line + chart::text_width(label);
        if (lx + w > plot.max.x) break;
        draw->AddRectFilled(box_min, box_max, chart::abc_colour(c.value), 2.0f);
        draw->AddText(ImVec2(lx + line, ly), chart::ink(), label.c_str());
        const ImVec2 part_min(lx, ly), part_max(lx + w, ly + line);
        record_part(context, "class:" + std::string(to_string(c.value)), {part_min.x, part_min.y, part_max.x, part_max.y});
        if (chart::hovered(part_min, part_max)) {
            chart::tooltip({fill(tr(kClass), {std::string(to_string(c.value)), format_integer(c.count()),
                                             format_percent(revenue_share(p, c), 0)}),
                            tr(kClassHint[static_cast<int>(c.value) - 1]), tr(kClickToList)});
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_abc(c.value));
        }
        lx += w + em;
    }
    chart::text(draw, ImVec2(lx, ly), chart::faint_ink(), std::string("x: ") + tr(lorenz_ ? kXAxisLorenz : kXAxis),
                plot.max.x - lx);

    // Hover in the plot: the customer under the mouse; a click lists its class.
    for (const ClassFigures& c : abc) {
        if (c.count() == 0) continue;
        const auto [x0, x1] = band_x(c);
        record_part(context, "band:" + std::string(to_string(c.value)),
                    {plot.at(x0, 1).x, plot.min.y, plot.at(x1, 0).x, plot.max.y});
    }
    if (!chart::hovered(plot.min, plot.max)) return;
    const double x = plot.x_of(ImGui::GetIO().MousePos.x);
    const int k = std::clamp(static_cast<int>(std::ceil(x * n)), 1, n);
    const int rank = lorenz_ ? n + 1 - k : k;
    const int account = report.pyramid.by_revenue[static_cast<std::size_t>(rank - 1)];
    const ImVec2 point = lorenz_ ? plot.at(static_cast<double>(k) / n, 1.0 - cumulative(p, n - k))
                                 : plot.at(static_cast<double>(k) / n, cumulative(p, k));
    draw->AddLine(ImVec2(point.x, plot.min.y), ImVec2(point.x, plot.max.y), chart::faint_ink());
    draw->AddCircle(point, 4.0f, chart::ink(), 0, 1.5f);
    const AbcClass value = p.abc_of[static_cast<std::size_t>(account)];
    chart::tooltip({fill(tr(kRankTip), {format_integer(rank), context.portfolio().accounts[static_cast<std::size_t>(account)].name}),
                    fill(tr(kRankFigures), {format_money(report.revenue_of[static_cast<std::size_t>(account)],
                                                         context.portfolio().info.currency, 0),
                                            format_percent(cumulative(p, rank), 1)}),
                    std::string(tr(kColClass)) + " " + std::string(to_string(value)), tr(kClickToList)});
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_abc(value));
}

}  // namespace kc::ui
