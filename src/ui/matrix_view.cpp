// The portfolio matrix (see views.hpp): the attractiveness of each account (up) against
// our position with it (across, strong at the left and weak at the right, as McDonald &
// Woodburn draw it and as the analysis spec's table reads), both the weighted index of
// their axis's criteria (analysis spec, section 4). A bubble per placed account, its area
// by revenue in the analysis year and its colour by pyramid layer; names where they fit
// without overlapping. The two thresholds are lines to drag (an edit per move, one undo
// step per drag); each quadrant is named, explains its strategy on hover and lists its
// accounts on a click.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "chart.hpp"
#include "imgui.h"
#include "quadrants.hpp"
#include "views.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kAttractiveness("Aantrekkelijkheid van de klant", "Customer attractiveness");
constexpr Bilingual kPositionAxis("← sterk · Onze positie · zwak →", "← strong · Our position · weak →");
constexpr Bilingual kAttractivenessShort("Aantrekkelijkheid", "Attractiveness");
constexpr Bilingual kPositionShort("Positie", "Position");
constexpr Bilingual kThresholds("Drempels:", "Thresholds:");
constexpr Bilingual kThresholdsHint(
    "Vanaf welke index een account hoog scoort op de as. Sleep de lijnen in de matrix, of sleep hier (Ctrl+klik om te "
    "typen).",
    "From which index an account counts as high on the axis. Drag the lines in the matrix, or drag here (Ctrl+click to "
    "type).");
constexpr Bilingual kUnplaced("{} zonder plaats", "{} not placed");
constexpr Bilingual kUnplacedHint(
    "Accounts zonder score op een criterium van de as aantrekkelijkheid of van de as positie.",
    "Accounts without a score on any criterion of the attractiveness axis or of the position axis.");
constexpr Bilingual kNoAxes(
    "Geef in het tabblad Criteria criteria een as (aantrekkelijkheid of positie) om accounts te plaatsen.",
    "Give criteria an axis (attractiveness or position) in the Criteria tab to place accounts.");
constexpr Bilingual kQuadrantTitle("{} ({})", "{} ({})");
constexpr Bilingual kQuadrantSize("{} accounts · {} omzet", "{} accounts · {} revenue");
constexpr Bilingual kStrategyLine("Strategie: {}", "Strategy: {}");
constexpr Bilingual kClickToList("Klik om de accounts van dit kwadrant te tonen.",
                                 "Click to list the accounts of this quadrant.");
constexpr Bilingual kAxesLine("Aantrekkelijkheid {} · positie {}", "Attractiveness {} · position {}");
constexpr Bilingual kQuadrantLine("Kwadrant: {} ({})", "Quadrant: {} ({})");
constexpr Bilingual kRevenueLine("Omzet {}: {} · {}", "Revenue {}: {} · {}");
constexpr Bilingual kRevenueNoYear("Geen analysejaar · {}", "No analysis year · {}");
constexpr Bilingual kKeyAccount("Key account", "Key account");
constexpr Bilingual kAxisScores("{}: {}", "{}: {}");
constexpr Bilingual kThresholdHint("{}: {} (slepen)", "{}: {} (drag)");
constexpr Bilingual kNaming("Namen", "Names");
constexpr Bilingual kOwnTitle("Eigen namen van de kwadranten", "Own names of the quadrants");
constexpr Bilingual kOwnHint("Leeg: de naam van McDonald & Woodburn.", "Empty: McDonald & Woodburn's name.");
constexpr Bilingual kDone("Klaar", "Done");
constexpr Bilingual kColQuadrant("Kwadrant", "Quadrant");
constexpr Bilingual kColLabel("Naam", "Name");
constexpr Bilingual kColStrategy("Strategie", "Strategy");
constexpr Bilingual kColAccounts("Accounts", "Accounts");
constexpr Bilingual kColKeys("Key accounts", "Key accounts");
constexpr Bilingual kColRevenue("Omzet", "Revenue");
constexpr Bilingual kColRevenueShare("Omzetaandeel", "Revenue share");
constexpr Bilingual kFactX("Drempel positie", "Position threshold");
constexpr Bilingual kFactY("Drempel aantrekkelijkheid", "Attractiveness threshold");
constexpr Bilingual kFactUnplaced("Zonder plaats", "Not placed");
constexpr Bilingual kFactNaming("Namen", "Names");

// Light, calm backgrounds: the bubbles carry the colour.
constexpr ImU32 kQuadrantFill[kQuadrantCount] = {IM_COL32(0xE3, 0xEE, 0xF8, 0xFF), IM_COL32(0xF0, 0xF5, 0xFA, 0xFF),
                                                 IM_COL32(0xF3, 0xF3, 0xF3, 0xFF), IM_COL32(0xFB, 0xF4, 0xEA, 0xFF)};

constexpr const char* kMergeKey = "matrix-thresholds";
constexpr int kMaxLabelled = 200;   // names tried, largest revenue first

// The plot: indexes 0..100 on both axes, position high at the left.
struct Plot {
    ImVec2 min, max;
    float x_of(double position) const {
        return min.x + static_cast<float>((100.0 - position) / 100.0) * (max.x - min.x);
    }
    float y_of(double attractiveness) const {
        return min.y + static_cast<float>((100.0 - attractiveness) / 100.0) * (max.y - min.y);
    }
    double position_at(float x) const { return 100.0 - 100.0 * (x - min.x) / std::max(1.0f, max.x - min.x); }
    double attractiveness_at(float y) const { return 100.0 - 100.0 * (y - min.y) / std::max(1.0f, max.y - min.y); }
};

struct Box {
    ImVec2 min, max;
    bool overlaps(const Box& o) const {
        return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
    }
    bool inside(const Box& o) const {
        return min.x >= o.min.x && max.x <= o.max.x && min.y >= o.min.y && max.y <= o.max.y;
    }
};

// The quadrant's rectangle: key at the top left, key_development top right, maintenance
// bottom left, opportunistic bottom right.
Box quadrant_box(const Plot& plot, Quadrant quadrant, double x_threshold, double y_threshold) {
    const float x = plot.x_of(x_threshold), y = plot.y_of(y_threshold);
    const bool left = quadrant == Quadrant::key || quadrant == Quadrant::maintenance;
    const bool top = quadrant == Quadrant::key || quadrant == Quadrant::key_development;
    return {ImVec2(left ? plot.min.x : x, top ? plot.min.y : y), ImVec2(left ? x : plot.max.x, top ? y : plot.max.y)};
}

struct QuadrantFigures {
    int accounts = 0, keys = 0;
    double revenue = 0;
};

std::array<QuadrantFigures, kQuadrantCount> quadrant_figures(const Portfolio& portfolio, const Report& report) {
    std::array<QuadrantFigures, kQuadrantCount> out{};
    for (std::size_t i = 0; i < report.matrix.of.size(); ++i) {
        const int slot = quadrant_slot(report.matrix.of[i].quadrant);
        if (slot < 0) continue;
        QuadrantFigures& f = out[static_cast<std::size_t>(slot)];
        ++f.accounts;
        f.keys += portfolio.accounts[i].key ? 1 : 0;
        f.revenue += report.revenue_of[i];
    }
    return out;
}

// "Omzetpotentie 5, Groei 3, Marge —" for the criteria of one axis.
std::string axis_scores(const Portfolio& portfolio, const Account& account, Axis axis) {
    std::string out;
    for (std::size_t c = 0; c < portfolio.criteria.size(); ++c) {
        const Criterion& k = portfolio.criteria[c];
        if (k.axis != axis) continue;
        if (!out.empty()) out += ", ";
        const double score = c < account.scores.size() ? account.scores[c] : kNoScore;
        out += k.display_name() + " " + (has_score(score) ? amount_for_editing(score) : std::string("—"));
    }
    return out;
}

std::vector<std::string> account_tooltip(const Context& context, int account) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const auto at = static_cast<std::size_t>(account);
    const Account& a = portfolio.accounts[at];
    const MatrixPlacement& place = report.matrix.of[at];
    std::vector<std::string> lines;
    lines.push_back(a.name);
    lines.push_back(fill(tr(kAxesLine), {format_number(*place.attractiveness, 1), format_number(*place.position, 1)}));
    lines.push_back(fill(tr(kQuadrantLine), {quadrant_label(place.quadrant, portfolio.info.matrix.labels),
                                             quadrant_strategy_word(place.quadrant)}));
    const std::string layer = capitalised(layer_text(report.pyramid.layer_of[at]));
    lines.push_back(
        report.year ? fill(tr(kRevenueLine), {std::to_string(*report.year),
                                              format_money(report.revenue_of[at], portfolio.info.currency, 0), layer})
                    : fill(tr(kRevenueNoYear), {layer}));
    if (a.key) lines.push_back(tr(kKeyAccount));
    lines.push_back(fill(tr(kAxisScores), {tr(kAttractivenessShort), axis_scores(portfolio, a, Axis::attractiveness)}));
    lines.push_back(fill(tr(kAxisScores), {tr(kPositionShort), axis_scores(portfolio, a, Axis::position)}));
    return lines;
}

// Draws `text` with a pale backing so it reads over bubbles and lines.
void backed_text(ImDrawList* draw, const Box& box, std::string_view text, ImU32 colour) {
    draw->AddRectFilled(ImVec2(box.min.x - 2, box.min.y), ImVec2(box.max.x + 2, box.max.y),
                        IM_COL32(255, 255, 255, 200), 3);
    chart::text(draw, box.min, colour, text, box.max.x - box.min.x + 0.5f);
}

// The threshold line of one axis with a grip to drag it, and its value beside the plot.
struct Grip {
    Box zone;                      // where the mouse takes it
    std::optional<double> moved;   // the value under the mouse while dragged
    bool released = false;         // the drag ended this frame
    bool hovered = false;
};

Grip threshold_grip(const Plot& plot, bool across, double value, const char* id, const Bilingual& axis) {
    const float em = ImGui::GetFontSize();
    const float half = 0.35f * em;
    Grip grip;
    if (across) {   // the position threshold: a vertical line
        const float x = plot.x_of(value);
        grip.zone = {ImVec2(x - half, plot.min.y), ImVec2(x + half, plot.max.y)};
    } else {        // the attractiveness threshold: a horizontal line
        const float y = plot.y_of(value);
        grip.zone = {ImVec2(plot.min.x, y - half), ImVec2(plot.max.x, y + half)};
    }
    ImGui::SetCursorScreenPos(grip.zone.min);
    ImGui::InvisibleButton(id, ImVec2(grip.zone.max.x - grip.zone.min.x, grip.zone.max.y - grip.zone.min.y));
    const bool active = ImGui::IsItemActive();
    grip.hovered = ImGui::IsItemHovered();
    grip.released = ImGui::IsItemDeactivated();
    if (grip.hovered || active) {
        ImGui::SetMouseCursor(across ? ImGuiMouseCursor_ResizeEW : ImGuiMouseCursor_ResizeNS);
        if (!active) chart::tooltip({fill(tr(kThresholdHint), {tr(axis), format_number(value, 1)})});
    }
    if (active) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        // Whole numbers while dragging; the field under the chart takes any value.
        const double at = across ? plot.position_at(mouse.x) : plot.attractiveness_at(mouse.y);
        const double snapped = std::clamp(std::round(at), 0.0, 100.0);
        if (snapped != value) grip.moved = snapped;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 colour = grip.hovered || active ? chart::accent() : chart::faint_ink();
    const float thickness = grip.hovered || active ? 3.0f : 1.5f;
    if (across)
        draw->AddLine(ImVec2(plot.x_of(value), plot.min.y), ImVec2(plot.x_of(value), plot.max.y), colour, thickness);
    else draw->AddLine(ImVec2(plot.min.x, plot.y_of(value)), ImVec2(plot.max.x, plot.y_of(value)), colour, thickness);
    return grip;
}

// The axis titles, the scales' ends and the thresholds' values around the plot; an end
// that would touch a threshold's value is left out.
void draw_axes(const Plot& plot, ImVec2 origin, double x_threshold, double y_threshold) {
    const float em = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    chart::text(draw, ImVec2(plot.min.x, origin.y), chart::ink(), std::string("↑ ") + tr(kAttractiveness),
                plot.max.x - plot.min.x);
    chart::text_centred(draw, ImVec2(plot.min.x + 3 * em, plot.max.y + line),
                        ImVec2(plot.max.x - 3 * em, plot.max.y + 2 * line), chart::ink(), tr(kPositionAxis));

    // Down the left: 100, the attractiveness threshold, 0.
    const float right = plot.min.x - 0.2f * em;
    const std::string y_value = format_number(y_threshold, 0);
    const float y_at = std::clamp(plot.y_of(y_threshold) - line / 2, plot.min.y, plot.max.y - line);
    chart::text_right(draw, origin.x, right, y_at, chart::accent(), y_value);
    if (y_at > plot.min.y + line) chart::text_right(draw, origin.x, right, plot.min.y, chart::faint_ink(), "100");
    if (y_at + line < plot.max.y - line)
        chart::text_right(draw, origin.x, right, plot.max.y - line, chart::faint_ink(), "0");

    // Along the bottom: 100 (strong, left), the position threshold, 0 (weak, right).
    const std::string x_value = format_number(x_threshold, 0);
    const float x_width = chart::text_width(x_value);
    const float x_at = std::clamp(plot.x_of(x_threshold) - x_width / 2, plot.min.x, plot.max.x - x_width);
    const float y = plot.max.y + 0.1f * em;
    chart::text(draw, ImVec2(x_at, y), chart::accent(), x_value, x_width + 1);
    if (x_at > plot.min.x + chart::text_width("100") + 0.5f * em)
        chart::text(draw, ImVec2(plot.min.x, y), chart::faint_ink(), "100", 3 * em);
    if (x_at + x_width < plot.max.x - chart::text_width("0") - 0.5f * em)
        chart::text_right(draw, plot.min.x, plot.max.x, y, chart::faint_ink(), "0");
}

// The quadrants: background, name and count in the outer corner, the strategy under it
// when there is room. Returns the rectangles the texts took; `hovered` (when not null)
// gets the quadrant under the mouse.
std::vector<Box> draw_quadrants(const Context& context, const Plot& plot,
                                const std::array<QuadrantFigures, kQuadrantCount>& figures, int* hovered) {
    const MatrixThresholds& thresholds = context.portfolio().info.matrix;
    const float em = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    std::vector<Box> taken;
    for (int slot = 0; slot < kQuadrantCount; ++slot) {
        const Quadrant q = kPlacedQuadrants[static_cast<std::size_t>(slot)];
        const Box box = quadrant_box(plot, q, thresholds.x_threshold, thresholds.y_threshold);
        draw->AddRectFilled(box.min, box.max, kQuadrantFill[slot]);
        context.record_part("matrix/quadrant:" + std::string(to_string(q)),
                            {box.min.x, box.min.y, box.max.x, box.max.y});
        if (hovered && chart::hovered(box.min, box.max)) *hovered = slot;

        const bool left = q == Quadrant::key || q == Quadrant::maintenance;
        const bool top = q == Quadrant::key || q == Quadrant::key_development;
        const float pad = 0.3f * em;
        const float room = box.max.x - box.min.x - 2 * pad;
        const std::string texts[2] = {
            fill(tr(kQuadrantTitle), {quadrant_label(q, thresholds.labels),
                                      format_integer(figures[static_cast<std::size_t>(slot)].accounts)}),
            quadrant_strategy_word(q)};
        const int lines = std::min(2, static_cast<int>((box.max.y - box.min.y - 2 * pad) / line));
        for (int k = 0; k < lines; ++k) {
            const float width = std::min(chart::text_width(texts[k]), room);
            if (width <= 0) break;
            const float x = left ? box.min.x + pad : box.max.x - pad - width;
            const float y = top ? box.min.y + pad + line * static_cast<float>(k)
                                : box.max.y - pad - line * static_cast<float>(lines - k);
            chart::text(draw, ImVec2(x, y), k == 0 ? chart::ink() : chart::faint_ink(), texts[k], room);
            taken.push_back({ImVec2(x, y), ImVec2(x + width, y + line)});
        }
    }
    draw->AddRect(plot.min, plot.max, chart::grid_colour());
    return taken;
}

void quadrant_tooltip(const Context& context, Quadrant q, const QuadrantFigures& f) {
    const Portfolio& portfolio = context.portfolio();
    chart::tooltip({quadrant_label(q, portfolio.info.matrix.labels),
                    fill(tr(kQuadrantSize),
                         {format_integer(f.accounts), format_money(f.revenue, portfolio.info.currency, 0)}),
                    fill(tr(kStrategyLine), {quadrant_strategy(q)}), tr(kClickToList)});
}

// The placed accounts as bubbles: the area by revenue, the colour by layer, a dark ring
// for a key account (so it does not rest on colour alone).
class Bubbles {
public:
    Bubbles(const Report& report, const Plot& plot, const std::vector<int>& placed)
        : report_(report), plot_(plot), placed_(placed) {
        const float em = ImGui::GetFontSize();
        for (int i : placed_) largest_ = std::max(largest_, report.revenue_of[static_cast<std::size_t>(i)]);
        const float side = std::min(plot.max.x - plot.min.x, plot.max.y - plot.min.y);
        r_max_ = std::clamp(side * 0.055f, 0.5f * em, 2.4f * em);
        r_min_ = std::max(2.0f, 0.2f * em);
    }

    float radius(int i) const {
        const double revenue = report_.revenue_of[static_cast<std::size_t>(i)];
        if (largest_ <= 0 || revenue <= 0) return r_min_;
        return r_min_ + (r_max_ - r_min_) * static_cast<float>(std::sqrt(revenue / largest_));
    }

    ImVec2 centre(int i) const {
        const MatrixPlacement& place = report_.matrix.of[static_cast<std::size_t>(i)];
        return ImVec2(plot_.x_of(std::clamp(*place.position, 0.0, 100.0)),
                      plot_.y_of(std::clamp(*place.attractiveness, 0.0, 100.0)));
    }

    // Largest first, so the small ones stay visible on top.
    void draw(const Portfolio& portfolio) const {
        ImDrawList* draw = ImGui::GetWindowDrawList();
        draw->PushClipRect(plot_.min, plot_.max, true);
        for (int i : placed_) {
            const ImVec2 c = centre(i);
            const float r = radius(i);
            const ImU32 colour = chart::layer_colour(report_.pyramid.layer_of[static_cast<std::size_t>(i)]);
            draw->AddCircleFilled(c, r, (colour & ~IM_COL32_A_MASK) | IM_COL32(0, 0, 0, 0xE0));
            draw->AddCircle(c, r, IM_COL32(255, 255, 255, 0xFF), 0, 1.0f);
            if (portfolio.accounts[static_cast<std::size_t>(i)].key)
                draw->AddCircle(c, r + 1.5f, chart::ink(), 0, 1.5f);
        }
        draw->PopClipRect();
    }

    // The account under the mouse: the last drawn (smallest on top) that contains it; -1.
    int under_mouse() const {
        if (!chart::hovered(plot_.min, plot_.max)) return -1;
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        const float least = 0.35f * ImGui::GetFontSize();   // tiny bubbles are still hit
        for (auto it = placed_.rbegin(); it != placed_.rend(); ++it) {
            const ImVec2 c = centre(*it);
            const float r = std::max(radius(*it), least);
            if ((mouse.x - c.x) * (mouse.x - c.x) + (mouse.y - c.y) * (mouse.y - c.y) <= r * r) return *it;
        }
        return -1;
    }

    // Names, largest revenue first, beside their bubble (right, left, above, below) where
    // they overlap no other text and no other of the larger bubbles; `taken` grows with each.
    void draw_names(const Context& context, std::vector<Box>& taken) const {
        const Portfolio& portfolio = context.portfolio();
        const float em = ImGui::GetFontSize(), line = ImGui::GetTextLineHeight();
        const Box plot_box{plot_.min, plot_.max};
        const int tries = std::min(static_cast<int>(placed_.size()), kMaxLabelled);
        // The bubbles that may have a name, as boxes a little inside their circles.
        std::vector<Box> circles;
        for (int n = 0; n < tries; ++n) {
            const int i = placed_[static_cast<std::size_t>(n)];
            const ImVec2 c = centre(i);
            const float r = radius(i) * 0.8f;
            circles.push_back({ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r)});
        }
        auto is_free = [&](const Box& option, int own) {
            for (const Box& t : taken)
                if (t.overlaps(option)) return false;
            for (int n = 0; n < tries; ++n)
                if (n != own && circles[static_cast<std::size_t>(n)].overlaps(option)) return false;
            return true;
        };
        ImDrawList* draw = ImGui::GetWindowDrawList();
        for (int n = 0; n < tries; ++n) {
            const int i = placed_[static_cast<std::size_t>(n)];
            const Account& account = portfolio.accounts[static_cast<std::size_t>(i)];
            const float width = std::min(chart::text_width(account.name), 10 * em);
            const ImVec2 c = centre(i);
            const float r = radius(i) + 2;
            const Box options[] = {{ImVec2(c.x + r, c.y - line / 2), ImVec2(c.x + r + width, c.y + line / 2)},
                                   {ImVec2(c.x - r - width, c.y - line / 2), ImVec2(c.x - r, c.y + line / 2)},
                                   {ImVec2(c.x - width / 2, c.y - r - line), ImVec2(c.x + width / 2, c.y - r)},
                                   {ImVec2(c.x - width / 2, c.y + r), ImVec2(c.x + width / 2, c.y + r + line)}};
            for (const Box& option : options) {
                if (!option.inside(plot_box) || !is_free(option, n)) continue;
                backed_text(draw, option, account.name, chart::ink());
                taken.push_back(option);
                context.record_part("matrix/account:" + account.id, {c.x - r, c.y - r, c.x + r, c.y + r});
                break;
            }
        }
    }

    void highlight(int i) const {
        ImGui::GetWindowDrawList()->AddCircle(centre(i), radius(i) + 2.5f, chart::accent(), 0, 2.5f);
    }

private:
    const Report& report_;
    const Plot& plot_;
    const std::vector<int>& placed_;
    double largest_ = 0;
    float r_min_ = 2, r_max_ = 10;
};

}  // namespace

// [SECTION] figures --------------------------------------------------------------------------

Figures MatrixView::figures(const Context& context) const {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    Figures out;
    out.title = std::string(tr(title())) + (report.year ? " " + std::to_string(*report.year) : std::string());
    out.columns = {{"quadrant", tr(kColQuadrant)},   {"label", tr(kColLabel)},
                   {"strategy", tr(kColStrategy)},   {"accounts", tr(kColAccounts)},
                   {"key_accounts", tr(kColKeys)},   {"revenue", tr(kColRevenue)},
                   {"revenue_share", tr(kColRevenueShare)}};
    const auto per_quadrant = quadrant_figures(portfolio, report);
    for (int slot = 0; slot < kQuadrantCount; ++slot) {
        const Quadrant q = kPlacedQuadrants[static_cast<std::size_t>(slot)];
        const QuadrantFigures& f = per_quadrant[static_cast<std::size_t>(slot)];
        const double total = report.pareto.total_revenue;
        out.rows.push_back({std::string(to_string(q)), quadrant_label(q, portfolio.info.matrix.labels),
                            std::string(quadrant_strategy_word(q)), static_cast<double>(f.accounts),
                            static_cast<double>(f.keys), f.revenue,
                            total > 0 ? FigureValue(f.revenue / total) : FigureValue()});
    }
    out.add_fact("x_threshold", tr(kFactX), report.matrix.x_threshold);
    out.add_fact("y_threshold", tr(kFactY), report.matrix.y_threshold);
    out.add_fact("not_placed", tr(kFactUnplaced), static_cast<double>(report.matrix.quadrant_counts[0]));
    const std::optional<QuadrantLabels>& labels = portfolio.info.matrix.labels;
    out.add_fact("naming", tr(kFactNaming),
                 std::string(naming_name(labels ? labels->naming : QuadrantNaming::mcdonald_woodburn)));
    return out;
}

// [SECTION] header: the names of the quadrants ------------------------------------------------

void MatrixView::draw_header_tools(const Context& context) {
    const std::optional<QuadrantLabels>& labels = context.portfolio().info.matrix.labels;
    const QuadrantNaming now = labels ? labels->naming : QuadrantNaming::mcdonald_woodburn;
    // As wide as the longest name of a set, so none is cut.
    float widest = 0;
    for (QuadrantNaming naming : {QuadrantNaming::mcdonald_woodburn, QuadrantNaming::cranfield, QuadrantNaming::own})
        widest = std::max(widest, chart::text_width(naming_name(naming)));
    ImGui::SetNextItemWidth(widest + ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().FramePadding.x);
    if (ImGui::BeginCombo("##naming", naming_name(now))) {
        for (QuadrantNaming naming :
             {QuadrantNaming::mcdonald_woodburn, QuadrantNaming::cranfield, QuadrantNaming::own}) {
            if (!ImGui::Selectable(naming_name(naming), naming == now)) continue;
            if (naming == QuadrantNaming::own) open_labels_ = true;
            if (naming == now) continue;
            // Absent labels already mean McDonald & Woodburn: choosing them again writes nothing.
            if (naming == QuadrantNaming::mcdonald_woodburn && !labels) continue;
            QuadrantLabels chosen = labels.value_or(QuadrantLabels{});
            chosen.naming = naming;
            context.emit(SetQuadrantLabels{chosen});
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) ImGui::SetItemTooltip("%s", tr(kNaming));
    record_part(context, "naming", {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x,
                                    ImGui::GetItemRectMax().y});
    draw_labels_popup(context);
}

// The user's own names, one field per quadrant, each taken when it is left.
void MatrixView::draw_labels_popup(const Context& context) {
    const std::optional<QuadrantLabels>& labels = context.portfolio().info.matrix.labels;
    if (open_labels_) {
        for (int slot = 0; slot < kQuadrantCount; ++slot) {
            const std::optional<std::string>& own = labels ? labels->own[static_cast<std::size_t>(slot)] : std::nullopt;
            std::snprintf(own_labels_[slot], sizeof own_labels_[slot], "%s", own ? own->c_str() : "");
        }
        ImGui::OpenPopup("own_labels");
        open_labels_ = false;
    }
    if (!ImGui::BeginPopup("own_labels")) return;
    ImGui::TextUnformatted(tr(kOwnTitle));
    ImGui::TextDisabled("%s", tr(kOwnHint));
    bool changed = false;
    for (int slot = 0; slot < kQuadrantCount; ++slot) {
        const Quadrant q = kPlacedQuadrants[static_cast<std::size_t>(slot)];
        ImGui::PushID(slot);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        ImGui::InputTextWithHint("##own", quadrant_name(q, QuadrantNaming::mcdonald_woodburn), own_labels_[slot],
                                 sizeof own_labels_[slot]);
        changed |= ImGui::IsItemDeactivatedAfterEdit();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", std::string(to_string(q)).c_str());
        ImGui::PopID();
    }
    if (changed) {
        QuadrantLabels chosen = labels.value_or(QuadrantLabels{});
        chosen.naming = QuadrantNaming::own;
        for (int slot = 0; slot < kQuadrantCount; ++slot) {
            const std::string text = own_labels_[slot];
            chosen.own[static_cast<std::size_t>(slot)] = text.empty() ? std::nullopt : std::optional<std::string>(text);
        }
        if (!labels || !(chosen == *labels)) context.emit(SetQuadrantLabels{chosen});
    }
    if (ImGui::Button(tr(kDone))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

// [SECTION] the chart ----------------------------------------------------------------------

const std::vector<int>& MatrixView::placed_accounts(const Context& context) {
    if (placed_version_ == context.version()) return placed_;
    const Report& report = context.report();
    placed_.clear();
    for (std::size_t i = 0; i < report.matrix.of.size(); ++i)
        if (report.matrix.of[i].quadrant != Quadrant::none) placed_.push_back(static_cast<int>(i));
    std::stable_sort(placed_.begin(), placed_.end(), [&](int a, int b) {
        return report.revenue_of[static_cast<std::size_t>(a)] > report.revenue_of[static_cast<std::size_t>(b)];
    });
    placed_version_ = context.version();
    return placed_;
}

void MatrixView::draw_body(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const MatrixThresholds& thresholds = portfolio.info.matrix;
    const float em = ImGui::GetFontSize();
    const float line = ImGui::GetTextLineHeight();
    const ImGuiStyle& style = ImGui::GetStyle();

    // Room: the axis titles above and below the plot, the controls under it.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float controls_height = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y;
    const float left_margin = chart::text_width("100") + 0.4f * em;
    Plot plot;
    plot.min = ImVec2(origin.x + left_margin, origin.y + line + 0.3f * em);
    plot.max = ImVec2(origin.x + avail.x - 0.5f * em,
                      origin.y + std::max(8 * line, avail.y - controls_height) - 2 * line);
    if (plot.max.x - plot.min.x < 4 * em || plot.max.y - plot.min.y < 4 * line) return;

    draw_axes(plot, origin, thresholds.x_threshold, thresholds.y_threshold);
    const auto per_quadrant = quadrant_figures(portfolio, report);
    // Only an item in use now hides the chart's hover: ImGui's "any item hovered" also
    // counts last frame's, and a click just after leaving a threshold line would be lost.
    // The lines themselves are checked once they are drawn, below.
    const bool over_item = ImGui::IsAnyItemActive();
    int hovered_quadrant = -1;
    std::vector<Box> taken = draw_quadrants(context, plot, per_quadrant, over_item ? nullptr : &hovered_quadrant);
    const Bubbles bubbles(report, plot, placed_accounts(context));
    bubbles.draw(portfolio);
    int hovered_account = over_item ? -1 : bubbles.under_mouse();
    bubbles.draw_names(context, taken);

    // The threshold lines to drag: every move is an edit (the quadrants follow at once),
    // one undo step per drag.
    const Grip x_grip = threshold_grip(plot, true, thresholds.x_threshold, "##x_grip", kPositionShort);
    record_part(context, "threshold:x", {x_grip.zone.min.x, x_grip.zone.min.y, x_grip.zone.max.x, x_grip.zone.max.y});
    const Grip y_grip = threshold_grip(plot, false, thresholds.y_threshold, "##y_grip", kAttractivenessShort);
    record_part(context, "threshold:y", {y_grip.zone.min.x, y_grip.zone.min.y, y_grip.zone.max.x, y_grip.zone.max.y});
    if (x_grip.moved || y_grip.moved)
        context.emit(SetMatrixThresholds{x_grip.moved.value_or(thresholds.x_threshold),
                                         y_grip.moved.value_or(thresholds.y_threshold)},
                     kMergeKey);
    if (x_grip.released || y_grip.released) context.seal();
    if (x_grip.hovered || y_grip.hovered) hovered_account = hovered_quadrant = -1;

    // Hover explains, a click lists the quadrant's accounts (also on a bubble: its quadrant).
    if (hovered_account >= 0) {
        bubbles.highlight(hovered_account);
        const std::vector<std::string> tip = account_tooltip(context, hovered_account);
        chart::tooltip_lines(tip.data(), tip.size());
        hovered_quadrant = quadrant_slot(report.matrix.of[static_cast<std::size_t>(hovered_account)].quadrant);
    } else if (hovered_quadrant >= 0) {
        quadrant_tooltip(context, kPlacedQuadrants[static_cast<std::size_t>(hovered_quadrant)],
                         per_quadrant[static_cast<std::size_t>(hovered_quadrant)]);
    }
    if (hovered_quadrant >= 0 && ImGui::IsMouseClicked(ImGuiMouseButton_Left))
        context.select(Selection::of_quadrant(kPlacedQuadrants[static_cast<std::size_t>(hovered_quadrant)]));

    ImGui::SetCursorScreenPos(ImVec2(origin.x, plot.max.y + 2 * line + style.ItemSpacing.y));
    draw_thresholds(context);
}

// Under the chart: both thresholds as fields to drag or type, and how many accounts have
// no place.
void MatrixView::draw_thresholds(const Context& context) {
    const Portfolio& portfolio = context.portfolio();
    const Report& report = context.report();
    const float em = ImGui::GetFontSize();
    if (!ImGui::IsAnyItemActive()) {
        x_threshold_ = portfolio.info.matrix.x_threshold;
        y_threshold_ = portfolio.info.matrix.y_threshold;
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", tr(kThresholds));
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(em * 28);
        ImGui::TextUnformatted(tr(kThresholdsHint));
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    bool changed = false, released = false;
    const double zero = 0, hundred = 100;
    struct Field {
        const Bilingual& label;
        double* value;
        const char* id;
    };
    for (const Field& field :
         {Field{kPositionShort, &x_threshold_, "##x"}, Field{kAttractivenessShort, &y_threshold_, "##y"}}) {
        const float pair_width = chart::text_width(tr(field.label)) + em * 4.5f;
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < pair_width) ImGui::NewLine();
        ImGui::TextUnformatted(tr(field.label));
        ImGui::SameLine(0, em * 0.25f);
        ImGui::SetNextItemWidth(em * 3.6f);
        if (ImGui::DragScalar(field.id, ImGuiDataType_Double, field.value, 0.2f, &zero, &hundred, "%.4g",
                              ImGuiSliderFlags_AlwaysClamp))
            changed = true;
        if (ImGui::IsItemDeactivatedAfterEdit()) released = true;
    }
    if (changed) context.emit(SetMatrixThresholds{x_threshold_, y_threshold_}, kMergeKey);
    if (released) context.seal();

    const int unplaced = report.matrix.quadrant_counts[0];
    if (unplaced > 0) {
        const std::string text = fill(tr(kUnplaced), {format_integer(unplaced)});
        ImGui::SameLine(0, em);
        if (ImGui::GetContentRegionAvail().x < chart::text_width(text)) ImGui::NewLine();
        ImGui::TextDisabled("%s", text.c_str());
        if (ImGui::IsItemHovered())
            ImGui::SetTooltip("%s",
                              tr(unplaced == static_cast<int>(portfolio.accounts.size()) ? kNoAxes : kUnplacedHint));
    }
}

}  // namespace kc::ui
