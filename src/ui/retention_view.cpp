// Retention (see views.hpp): the customers of Y − 1 split into retained and lost, and the
// customers of Y into retained, new and reactivated, as two bars on one scale so the
// retained part lines up; retention rate and net revenue retention beside them. A click
// on a part (or its legend entry) lists its accounts.
#include <algorithm>

#include "chart.hpp"
#include "imgui.h"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kNoPrevious("Geen vorig jaar: er is geen analysejaar.", "No previous year: there is no analysis year.");
constexpr Bilingual kCustomersIn("{}: {} klanten", "{}: {} customers");
constexpr Bilingual kStatusName[4] = {{"behouden", "retained"}, {"verloren", "lost"}, {"nieuw", "new"},
                                      {"teruggewonnen", "reactivated"}};
constexpr Bilingual kStatusHint[4] = {
    {"Klant in beide jaren.", "A customer in both years."},
    {"Klant vorig jaar, dit jaar geen omzet.", "A customer last year, no revenue this year."},
    {"Voor het eerst klant: nooit eerder omzet.", "A customer for the first time: never revenue before."},
    {"Weer klant na minstens een jaar zonder omzet.", "A customer again after at least a year without revenue."}};
constexpr Bilingual kRate("Klantbehoud {}", "Retention rate {}");
constexpr Bilingual kRateHint("Het deel van de klanten van vorig jaar dat dit jaar klant bleef.",
                              "The share of last year's customers who are customers this year.");
constexpr Bilingual kNrr("Netto omzetretentie {}", "Net revenue retention {}");
constexpr Bilingual kNrrHint("Wat de klanten van vorig jaar nu kopen, gedeeld door wat zij vorig jaar kochten.",
                             "What last year's customers buy now, divided by what they bought last year.");
constexpr Bilingual kRevenueFlow("Omzet van de klanten van {}: {} → {}", "Revenue of {}'s customers: {} → {}");
constexpr Bilingual kClickToList("Klik om de accounts te tonen.", "Click to list the accounts.");
constexpr Bilingual kColStatus("Status", "Status");
constexpr Bilingual kColCount("Accounts", "Accounts");
constexpr Bilingual kFactPrevious("Vorig jaar", "Previous year");
constexpr Bilingual kFactYear("Jaar", "Year");
constexpr Bilingual kFactCustomersPrevious("Klanten vorig jaar", "Customers previous year");
constexpr Bilingual kFactCustomers("Klanten dit jaar", "Customers this year");
constexpr Bilingual kFactRate("Klantbehoud", "Retention rate");
constexpr Bilingual kFactNrr("Netto omzetretentie", "Net revenue retention");
constexpr Bilingual kFactRevenuePrevious("Omzet vorig jaar (klanten vorig jaar)", "Revenue previous year (its customers)");
constexpr Bilingual kFactRevenueNow("Omzet dit jaar (klanten vorig jaar)", "Revenue this year (last year's customers)");

constexpr RetentionStatus kStatuses[4] = {RetentionStatus::retained, RetentionStatus::lost,
                                          RetentionStatus::new_customer, RetentionStatus::reactivated};

int count_of(const RetentionReport& r, RetentionStatus status) {
    switch (status) {
        case RetentionStatus::retained: return r.retained;
        case RetentionStatus::lost: return r.lost;
        case RetentionStatus::new_customer: return r.new_customers;
        case RetentionStatus::reactivated: return r.reactivated;
        case RetentionStatus::none: break;
    }
    return 0;
}

std::size_t index_of(RetentionStatus status) { return static_cast<std::size_t>(status) - 1; }

std::string optional_percent(std::optional<double> value) { return value ? format_percent(*value, 0) : "—"; }

}  // namespace

Figures RetentionView::figures(const Context& context) const {
    const Report& report = context.report();
    const RetentionReport& r = report.retention;
    Figures out;
    out.title = std::string(tr(title())) +
                (r.previous_year ? " " + std::to_string(*r.previous_year) + " → " + std::to_string(*report.year) : std::string());
    out.columns = {{"status", tr(kColStatus)}, {"count", tr(kColCount)}};
    for (RetentionStatus status : kStatuses)
        out.rows.push_back({std::string(to_string(status)), static_cast<double>(count_of(r, status))});
    auto optional = [](auto value) { return value ? FigureValue(static_cast<double>(*value)) : FigureValue(); };
    out.add_fact("previous_year", tr(kFactPrevious), optional(r.previous_year));
    out.add_fact("year", tr(kFactYear), optional(report.year));
    out.add_fact("customers_previous", tr(kFactCustomersPrevious), static_cast<double>(r.customers_previous));
    out.add_fact("customers", tr(kFactCustomers), static_cast<double>(r.retained + r.new_customers + r.reactivated));
    out.add_fact("retention_rate", tr(kFactRate), optional(r.retention_rate));
    out.add_fact("net_revenue_retention", tr(kFactNrr), optional(r.net_revenue_retention));
    out.add_fact("revenue_previous", tr(kFactRevenuePrevious), r.revenue_previous);
    out.add_fact("revenue_of_previous_now", tr(kFactRevenueNow), r.revenue_of_previous_now);
    return out;
}

void RetentionView::draw_body(const Context& context) {
    const Report& report = context.report();
    const RetentionReport& r = report.retention;
    if (!r.previous_year) {
        ImGui::TextDisabled("%s", tr(kNoPrevious));
        return;
    }
    const std::string& currency = context.portfolio().info.currency;
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();

    // The rates first: they are what a sales director asks for.
    ImGui::TextUnformatted(fill(tr(kRate), {optional_percent(r.retention_rate)}).c_str());
    ImGui::SetItemTooltip("%s", tr(kRateHint));
    ImGui::SameLine(0, 2 * em);
    ImGui::TextUnformatted(fill(tr(kNrr), {optional_percent(r.net_revenue_retention)}).c_str());
    ImGui::SetItemTooltip("%s", tr(kNrrHint));
    const std::string previous_year = std::to_string(*r.previous_year), year = std::to_string(*report.year);
    chart::text(draw, ImGui::GetCursorScreenPos(), chart::faint_ink(),
                fill(tr(kRevenueFlow), {previous_year, format_money_short(r.revenue_previous, currency),
                                        format_money_short(r.revenue_of_previous_now, currency)}),
                avail.x);
    ImGui::Dummy(ImVec2(avail.x, line + em * 0.5f));

    // Two bars on one scale: Y − 1 (retained | lost) and Y (retained | new | reactivated).
    const int customers_now = r.retained + r.new_customers + r.reactivated;
    const int widest = std::max({1, r.customers_previous, customers_now});
    const float top = ImGui::GetCursorScreenPos().y;
    const float legend_height = line * 2.4f;   // room for two legend lines
    const float bar_gap = line * 1.6f;   // room for the caption above each bar
    const float bar_height = std::clamp((origin.y + avail.y - top - legend_height - 2 * bar_gap) / 2, line, 3.5f * line);
    const float bar_width = avail.x - em * 0.5f;
    struct BarPart {
        RetentionStatus status;
        int count;
    };
    auto draw_bar = [&](float y, const std::string& caption, std::initializer_list<BarPart> parts, const char* id) {
        chart::text(draw, ImVec2(origin.x, y), chart::ink(), caption, bar_width);
        float x = origin.x;
        const float y0 = y + line * 1.2f, y1 = y0 + bar_height;
        for (const BarPart& part : parts) {
            if (part.count == 0) continue;
            const float w = bar_width * static_cast<float>(part.count) / static_cast<float>(widest);
            const ImU32 colour = chart::retention_colour(part.status);
            draw->AddRectFilled(ImVec2(x, y0), ImVec2(x + w - 1, y1), colour);
            chart::text_centred(draw, ImVec2(x, y0), ImVec2(x + w - 1, y1), chart::ink_on(colour), format_integer(part.count));
            const ImVec2 min(x, y0), max(x + w, y1);
            record_part(context, std::string(id) + ":" + std::string(to_string(part.status)), {min.x, min.y, max.x, max.y});
            if (chart::hovered(min, max)) {
                draw->AddRect(min, max, chart::ink(), 0, 0, 2.0f);
                chart::tooltip({capitalised(tr(kStatusName[index_of(part.status)])) + ": " + format_integer(part.count),
                                tr(kStatusHint[index_of(part.status)]), tr(kClickToList)});
                if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_retention(part.status));
            }
            x += w;
        }
    };
    draw_bar(top, fill(tr(kCustomersIn), {previous_year, format_integer(r.customers_previous)}),
             {{RetentionStatus::retained, r.retained}, {RetentionStatus::lost, r.lost}}, "previous");
    draw_bar(top + bar_gap + bar_height, fill(tr(kCustomersIn), {year, format_integer(customers_now)}),
             {{RetentionStatus::retained, r.retained},
              {RetentionStatus::new_customer, r.new_customers},
              {RetentionStatus::reactivated, r.reactivated}},
             "current");

    // Legend: each status with its count, clickable too; a second line when one is too short.
    float x = origin.x;
    float y = top + 2 * (bar_gap + bar_height) - line * 0.2f;
    for (RetentionStatus status : kStatuses) {
        const std::string label = capitalised(tr(kStatusName[index_of(status)])) + " " + format_integer(count_of(r, status));
        const float w = line + chart::text_width(label);
        if (x + w > origin.x + avail.x && x > origin.x) {
            x = origin.x;
            y += line;
        }
        draw->AddRectFilled(ImVec2(x, y + 2), ImVec2(x + line - 4, y + line - 2), chart::retention_colour(status), 2.0f);
        draw->AddText(ImVec2(x + line, y), chart::ink(), label.c_str());
        const ImVec2 min(x, y), max(x + w, y + line);
        record_part(context, "status:" + std::string(to_string(status)), {min.x, min.y, max.x, max.y});
        if (chart::hovered(min, max)) {
            chart::tooltip({label, tr(kStatusHint[index_of(status)]), tr(kClickToList)});
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) context.select(Selection::of_retention(status));
        }
        x += w + em;
    }
}

}  // namespace kc::ui
