// The printable plans of plan_html.hpp. A Page collects the HTML; `text()` is the only way
// file text gets in, and it escapes. The pictures are inline SVG drawn from the report's
// figures, sized in the page's own units so they print sharp.
#include "plan_html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "html.hpp"
#include "plan.hpp"

namespace kc {
namespace {

constexpr std::string_view kStyle =
    "body{font:11pt/1.4 'DejaVu Sans',Arial,sans-serif;color:#222;margin:2em auto;max-width:60em;padding:0 1em}"
    "h1{font-size:18pt;margin:0 0 .2em}h2{font-size:14pt;border-bottom:2px solid #08306B;margin:1.4em 0 .4em;"
    "break-after:avoid}h3{font-size:12pt;margin:1em 0 .3em;break-after:avoid}"
    ".meta{color:#555;margin:0 0 1em}table{border-collapse:collapse;margin:.3em 0 .8em;width:100%}"
    "th,td{border-bottom:1px solid #ccc;padding:.2em .4em;text-align:left;vertical-align:top}"
    "th{background:#eef3f8}td.n{text-align:right;white-space:nowrap}tr{break-inside:avoid}"
    ".note{white-space:pre-wrap;background:#f7f7f7;padding:.4em .6em;border-left:3px solid #6BAED6}"
    ".warn{color:#a33c00}.ok{color:#0072B2}.done{font-weight:bold}svg{display:block;margin:.4em 0}"
    "figure{margin:0 0 1em;break-inside:avoid}figcaption{color:#555;font-size:10pt}"
    "@media print{body{margin:0;max-width:none}h2{break-before:auto}}";

// [SECTION] words and numbers ---------------------------------------------------------------

struct Words {
    PlanLanguage language;
    const char* operator()(const char* nl, const char* en) const { return language == PlanLanguage::nl ? nl : en; }
};

// 1234567.5 → "1.234.568" (nl) / "1,234,568" (en).
std::string grouped(double value, int decimals, PlanLanguage language) {
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
    std::string whole(digits), fraction;
    if (const std::size_t dot = whole.find('.'); dot != std::string::npos) {
        fraction = whole.substr(dot + 1);
        whole.resize(dot);
    }
    const char group = language == PlanLanguage::nl ? '.' : ',';
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
        out += whole[i];
    }
    if (!fraction.empty()) out += (language == PlanLanguage::nl ? ',' : '.') + fraction;
    const bool negative = value < 0 && out.find_first_not_of("0.,") != std::string::npos;
    return negative ? "−" + out : out;
}

std::string money(double value, const std::string& currency, PlanLanguage language) {
    const std::string amount = grouped(value, 0, language);
    const std::string sign = currency == "EUR" ? "€" : currency == "USD" ? "$" : currency == "GBP" ? "£" : "";
    if (sign.empty()) return html_text(currency) + " " + amount;
    return language == PlanLanguage::nl ? sign + " " + amount : sign + amount;
}

std::string percent(double fraction, PlanLanguage language) { return grouped(fraction * 100, 1, language) + "%"; }

std::string layer_word(Layer layer, const Words& w) {
    switch (layer) {
        case Layer::top: return w("top", "top");
        case Layer::large: return w("groot", "large");
        case Layer::medium: return w("middel", "medium");
        case Layer::small: return w("klein", "small");
        case Layer::inactive: return w("inactief", "inactive");
        case Layer::prospect: return w("prospect", "prospect");
        case Layer::suspect: return w("suspect", "suspect");
    }
    return "";
}

std::string quadrant_word(Quadrant q, const Portfolio& portfolio, const Words& w) {
    if (q == Quadrant::none) return "—";
    const auto slot = static_cast<std::size_t>(q) - 1;
    const std::optional<QuadrantLabels>& labels = portfolio.info.matrix.labels;
    if (labels && labels->naming == QuadrantNaming::own && labels->own[slot]) return html_text(*labels->own[slot]);
    const bool cranfield = labels && labels->naming == QuadrantNaming::cranfield;
    static constexpr const char* kNames[2][4][2] = {
        {{"Strategisch", "Strategic"}, {"Ster", "Star"}, {"Status", "Status"}, {"Stroomlijnen", "Streamline"}},
        {{"Key", "Key"}, {"Key development", "Key development"}, {"Onderhoud", "Maintenance"},
         {"Opportunistisch", "Opportunistic"}}};
    const auto& name = kNames[cranfield ? 1 : 0][slot];
    return w(name[0], name[1]);
}

std::string goal_word(Goal goal, const Words& w) {
    switch (goal) {
        case Goal::retention: return w("behoud", "retention");
        case Goal::growth: return w("groei", "growth");
        case Goal::none: break;
    }
    return "—";
}

std::string role_word(BuyingRole role, const Words& w) {
    switch (role) {
        case BuyingRole::initiator: return w("initiatiefnemer", "initiator");
        case BuyingRole::user: return w("gebruiker", "user");
        case BuyingRole::influencer: return w("beïnvloeder", "influencer");
        case BuyingRole::decider: return w("beslisser", "decider");
        case BuyingRole::buyer: return w("inkoper", "buyer");
        case BuyingRole::gatekeeper: return w("poortwachter", "gatekeeper");
        case BuyingRole::none: break;
    }
    return "—";
}

std::string attitude_word(Attitude attitude, const Words& w) {
    switch (attitude) {
        case Attitude::supporter: return w("voorstander", "supporter");
        case Attitude::neutral: return w("neutraal", "neutral");
        case Attitude::opponent: return w("tegenstander", "opponent");
        case Attitude::none: break;
    }
    return "—";
}

std::string status_word(EvalStatus status, const Words& w) {
    switch (status) {
        case EvalStatus::on_track: return w("op koers", "on track");
        case EvalStatus::at_risk: return w("risico", "at risk");
        case EvalStatus::off_track: return w("uit koers", "off track");
        case EvalStatus::none: break;
    }
    return "—";
}

std::string issue_word(TargetIssue issue, const Words& w) {
    switch (issue) {
        case TargetIssue::above_wallet: return w("target boven de wallet", "target above the wallet");
        case TargetIssue::growth_not_above_current:
            return w("groeidoel, target niet boven de huidige waarde", "growth goal, target not above the current value");
        case TargetIssue::retention_below_current:
            return w("behouddoel, target onder de huidige omzet", "retention goal, target below the current revenue");
        case TargetIssue::goal_without_target: return w("doel zonder target", "goal without a target");
    }
    return "";
}

std::string check_word(const std::string& name, const Words& w) {
    if (name == "fits_strategy") return w("Accountmanagement past in onze strategie", "Account management fits our strategy");
    if (name == "internal_support") return w("Er is intern draagvlak", "There is internal support");
    if (name == "long_term")
        return w("We zijn bereid voor de lange termijn samen te werken", "We are ready to work for the long term");
    return html_text(name);
}

std::string verdict_word(ChoiceVerdict verdict, const Words& w) {
    switch (verdict) {
        case ChoiceVerdict::unanswered: return w("nog geen antwoorden", "no answers yet");
        case ChoiceVerdict::not_ready: return w("niet klaar: een noodzakelijke voorwaarde ontbreekt",
                                                "not ready: a necessary condition is missing");
        case ChoiceVerdict::incomplete: return w("nog niet compleet", "not complete yet");
        case ChoiceVerdict::go: return w("ja: accountmanagement invoeren", "go: introduce account management");
        case ChoiceVerdict::go_with_reservations: return w("ja, met voorbehoud", "go, with reservations");
    }
    return "";
}

std::string date_or_dash(const std::optional<Date>& date) { return date ? to_string(*date) : "—"; }

// [SECTION] the page -----------------------------------------------------------------------------

class Page {
public:
    Page(const Words& words, std::string_view title) : w(words) {
        out_ += "<!DOCTYPE html>\n<html lang=\"";
        out_ += words.language == PlanLanguage::nl ? "nl" : "en";
        out_ += "\"><head><meta charset=\"utf-8\"><title>";
        out_ += html_text(title);
        out_ += "</title><style>";
        out_ += kStyle;
        out_ += "</style></head><body>\n";
    }
    std::string finish() {
        out_ += "</body></html>\n";
        return std::move(out_);
    }
    // Markup of our own (tags and our words): never text from the file.
    Page& raw(std::string_view markup) {
        out_ += markup;
        return *this;
    }
    // Text from the file, escaped.
    Page& text(std::string_view text) {
        append_html_text(out_, text);
        return *this;
    }
    Page& heading(const char* tag, std::string_view words) { return raw("<").raw(tag).raw(">").raw(words).raw("</").raw(tag).raw(">\n"); }
    // A note from the file in a box; nothing when empty.
    Page& note(const std::optional<std::string>& text) {
        if (!text || text->empty()) return *this;
        return raw("<div class=\"note\">").this_text(*text).raw("</div>\n");
    }
    // A table row of cells already made safe (our markup, or text passed through cell()).
    Page& row(std::initializer_list<std::string> cells, bool header = false) {
        raw("<tr>");
        for (const std::string& cell : cells) {
            const bool number = !header && !cell.empty() && cell.front() == '\x01';
            raw(header ? "<th>" : number ? "<td class=\"n\">" : "<td>");
            raw(number ? std::string_view(cell).substr(1) : std::string_view(cell));
            raw(header ? "</th>" : "</td>");
        }
        return raw("</tr>\n");
    }

    const Words& w;

private:
    Page& this_text(std::string_view t) { return text(t); }
    std::string out_;
};

// A cell of file text, escaped; a number cell (right-aligned) of our own figures.
std::string cell(std::string_view file_text) { return html_text(file_text); }
std::string number(std::string figure) { return '\x01' + figure; }

// [SECTION] pictures ---------------------------------------------------------------------------

// Curry's pyramid: one band per customer layer, widening downwards, with its figures.
void pyramid_svg(Page& page, const Report& report, const std::string& currency) {
    const Words& w = page.w;
    page.raw("<figure><svg width=\"640\" height=\"200\" viewBox=\"0 0 640 200\" role=\"img\">");
    static constexpr const char* kFill[kLayerCount] = {"#08306B", "#2171B5", "#6BAED6", "#C6DBEF",
                                                       "#BDBDBD", "#FDAE6B", "#FDD0A2"};
    for (int l = 0; l < kLayerCount; ++l) {
        const LayerFigures& f = report.pyramid.layers[static_cast<std::size_t>(l)];
        const double half = 30 + 20.0 * l;
        const double y = 4 + 27.0 * l;
        char shape[256];
        std::snprintf(shape, sizeof shape, "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"24\" fill=\"%s\"/>",
                      170 - half, y, 2 * half, kFill[l]);
        page.raw(shape);
        char label[64];
        std::snprintf(label, sizeof label, "<text x=\"340\" y=\"%.0f\" font-size=\"12\">", y + 17);
        page.raw(label).raw(layer_word(static_cast<Layer>(l), w)).raw(": ");
        page.raw(grouped(f.count, 0, w.language)).raw(f.count == 1 ? w(" account", " account") : w(" accounts", " accounts"));
        if (l < 4)
            page.raw(" · ").raw(money(f.revenue, currency, w.language)).raw(" · ").raw(percent(f.revenue_share, w.language));
        page.raw("</text>");
    }
    page.raw("</svg><figcaption>").raw(w("Klantenpiramide (Curry)", "Customer pyramid (Curry)")).raw("</figcaption></figure>\n");
}

// The Pareto curve: cumulative share of revenue over the ranked customers, the 80% guide.
void pareto_svg(Page& page, const Report& report) {
    const Words& w = page.w;
    const std::vector<double>& curve = report.pareto.cumulative_share;
    if (curve.empty()) return;
    page.raw("<figure><svg width=\"640\" height=\"220\" viewBox=\"0 0 640 220\" role=\"img\">");
    page.raw("<rect x=\"40\" y=\"10\" width=\"580\" height=\"180\" fill=\"none\" stroke=\"#ccc\"/>");
    page.raw("<line x1=\"40\" y1=\"46\" x2=\"620\" y2=\"46\" stroke=\"#E69F00\" stroke-dasharray=\"4 3\"/>");
    page.raw("<text x=\"4\" y=\"50\" font-size=\"11\">80%</text><text x=\"4\" y=\"194\" font-size=\"11\">0%</text>");
    std::string points = "40,190 ";
    const std::size_t n = curve.size();
    const std::size_t step = std::max<std::size_t>(1, n / 400);   // a few hundred points are enough to print
    for (std::size_t k = 0; k < n; k += step) {
        char point[48];
        std::snprintf(point, sizeof point, "%.1f,%.1f ", 40 + 580.0 * static_cast<double>(k + 1) / static_cast<double>(n),
                      190 - 180 * std::clamp(curve[k], 0.0, 1.0));
        points += point;
    }
    char last[48];
    std::snprintf(last, sizeof last, "620,%.1f", 190 - 180 * std::clamp(curve.back(), 0.0, 1.0));
    points += last;
    page.raw("<polyline fill=\"none\" stroke=\"#0072B2\" stroke-width=\"2\" points=\"").raw(points).raw("\"/>");
    page.raw("<text x=\"40\" y=\"208\" font-size=\"11\">").raw(w("klanten naar omzet →", "customers by revenue →")).raw("</text>");
    page.raw("</svg><figcaption>");
    page.raw(w("Pareto: ", "Pareto: ")).raw(grouped(report.pareto.accounts_for_80, 0, w.language));
    page.raw(w(" klanten maken 80% van de omzet (", " customers make 80% of revenue ("))
        .raw(percent(report.pareto.share_of_accounts_for_80, w.language))
        .raw(w(" van de klanten)", " of the customers)"))
        .raw("</figcaption></figure>\n");
}

// The portfolio matrix: attractiveness up, our position across with high at the left
// (McDonald & Woodburn), a dot per placed account, sized by revenue.
void matrix_svg(Page& page, const Portfolio& portfolio, const Report& report) {
    const Words& w = page.w;
    const MatrixReport& m = report.matrix;
    const double left = 40, top = 10, size = 300;
    page.raw("<figure><svg width=\"640\" height=\"340\" viewBox=\"0 0 640 340\" role=\"img\">");
    char frame[512];
    const double tx = left + size * (100 - m.x_threshold) / 100, ty = top + size * (100 - m.y_threshold) / 100;
    std::snprintf(frame, sizeof frame,
                  "<rect x=\"%.0f\" y=\"%.0f\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" stroke=\"#999\"/>"
                  "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
                  "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>",
                  left, top, size, size, tx, top, tx, top + size, left, ty, left + size, ty);
    page.raw(frame);
    double most = 0;
    for (double r : report.revenue_of) most = std::max(most, r);
    for (std::size_t i = 0; i < m.of.size() && i < portfolio.accounts.size(); ++i) {
        const MatrixPlacement& p = m.of[i];
        if (p.quadrant == Quadrant::none) continue;
        const double r = most > 0 ? 3 + 12 * std::sqrt(std::max(0.0, report.revenue_of[i]) / most) : 4;
        char dot[200];
        std::snprintf(dot, sizeof dot,
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#2171B5\" fill-opacity=\".6\" stroke=\"#08306B\">",
                      left + size * (100 - std::clamp(*p.position, 0.0, 100.0)) / 100,
                      top + size * (100 - std::clamp(*p.attractiveness, 0.0, 100.0)) / 100, r);
        page.raw(dot).raw("<title>").text(portfolio.accounts[i].name).raw("</title></circle>");
    }
    // The quadrants named beside the picture, with their counts.
    static constexpr Quadrant kOrder[4] = {Quadrant::key, Quadrant::key_development, Quadrant::maintenance,
                                           Quadrant::opportunistic};
    static constexpr const char* kWhere[4][2] = {{"linksboven", "top left"}, {"rechtsboven", "top right"},
                                                 {"linksonder", "bottom left"}, {"rechtsonder", "bottom right"}};
    for (int q = 0; q < 4; ++q) {
        char at[64];
        std::snprintf(at, sizeof at, "<text x=\"370\" y=\"%d\" font-size=\"12\">", 40 + 22 * q);
        page.raw(at).raw(w(kWhere[q][0], kWhere[q][1])).raw(": ").raw(quadrant_word(kOrder[q], portfolio, w));
        page.raw(" (").raw(grouped(m.quadrant_counts[static_cast<std::size_t>(kOrder[q])], 0, w.language)).raw(")</text>");
    }
    page.raw("<text x=\"40\" y=\"330\" font-size=\"11\">").raw(w("← onze positie: sterk links", "← our position: strong at the left"));
    page.raw("</text></svg><figcaption>").raw(w("Portfoliomatrix", "Portfolio matrix")).raw("</figcaption></figure>\n");
}

// [SECTION] parts of both plans --------------------------------------------------------------------

void account_facts(Page& page, const Portfolio& portfolio, const Report& report, int account) {
    const Words& w = page.w;
    const auto at = static_cast<std::size_t>(account);
    const Account& a = portfolio.accounts[at];
    const std::string& currency = portfolio.info.currency;
    const std::string y = report.year ? std::to_string(*report.year) : "—";
    const double* wallet = report.year ? a.wallet.find(*report.year) : nullptr;
    page.raw("<table>");
    page.row({w("Id", "Id"), cell(a.id)});
    page.row({w("Segment · regio", "Segment · region"), cell(a.segment.value_or("—")) + " · " + cell(a.region.value_or("—"))});
    page.row({std::string(w("Omzet ", "Revenue ")) + y, report.year ? money(report.revenue_of[at], currency, w.language) : "—"});
    page.row({std::string(w("Wallet ", "Wallet ")) + y, wallet ? money(*wallet, currency, w.language) : "—"});
    page.row({"Share of wallet", wallet && *wallet > 0 ? percent(report.revenue_of[at] / *wallet, w.language) : "—"});
    page.row({w("Laag", "Layer"), layer_word(report.pyramid.layer_of[at], w)});
    const AbcClass abc = report.pareto.abc_of[at];
    page.row({"ABC", abc == AbcClass::none ? "—" : std::string(to_string(abc))});
    const RatingFigures& rating = report.rating.of[at];
    page.row({w("Rating (gewogen index, plaats)", "Rating (weighted index, place)"),
              rating.weighted_index ? grouped(*rating.weighted_index, 1, w.language) + " (" +
                                          std::to_string(report.rating.place_of[at]) + ")"
                                    : "—"});
    page.row({w("Kwadrant", "Quadrant"), quadrant_word(report.matrix.of[at].quadrant, portfolio, w)});
    page.row({w("Key account", "Key account"), a.key ? w("ja", "yes") : w("nee", "no")});
    page.row({w("Doel", "Goal"), goal_word(a.goal, w)});
    page.raw("</table>\n");
}

void account_targets(Page& page, const Portfolio& portfolio, const Report& report, int account) {
    const Words& w = page.w;
    const Account& a = portfolio.accounts[static_cast<std::size_t>(account)];
    const std::string& currency = portfolio.info.currency;
    page.heading("h3", w("Targets en voortgang", "Targets and progress"));
    const std::vector<TargetProgress> progress = target_progress(a);
    if (progress.empty()) {
        page.raw("<p>").raw(w("Geen targets.", "No targets.")).raw("</p>\n");
    } else {
        page.raw("<table>");
        page.row({w("Jaar", "Year"), w("Target omzet", "Target revenue"), w("Werkelijk", "Actual"),
                  w("Behaald", "Attained"), w("Target SoW", "Target SoW"), w("Werkelijke SoW", "Actual SoW")},
                 true);
        const auto opt_money = [&](const std::optional<double>& v) { return v ? money(*v, currency, w.language) : "—"; };
        const auto opt_percent = [&](const std::optional<double>& v) { return v ? percent(*v, w.language) : "—"; };
        for (const TargetProgress& p : progress)
            page.row({std::to_string(p.year), number(opt_money(p.target_revenue)), number(opt_money(p.actual_revenue)),
                      number(opt_percent(p.revenue_attained)), number(opt_percent(p.target_share)),
                      number(opt_percent(p.actual_share))});
        page.raw("</table>\n");
    }
    const ResultsPlan results = results_plan(portfolio, report);
    for (const TargetCheck& check : results.checks)
        if (check.account == account)
            page.raw("<p class=\"warn\">! ").raw(std::to_string(check.year)).raw(": ").raw(issue_word(check.issue, w)).raw("</p>\n");
}

void account_people(Page& page, const Account& a) {
    const Words& w = page.w;
    page.heading("h3", w("Relatiekaart: DMIU van de klant", "Relationship map: the customer's DMIU"));
    if (a.contacts.empty()) {
        page.raw("<p>").raw(w("Geen contactpersonen.", "No contacts.")).raw("</p>\n");
    } else {
        page.raw("<table>");
        page.row({w("Naam", "Name"), w("Functie", "Function"), w("Rol", "Role"), w("Houding", "Attitude"),
                  w("Gedekt door", "Covered by")},
                 true);
        for (const Contact& c : a.contacts) {
            std::string covered;
            for (const std::string& name : c.covered_by) covered += (covered.empty() ? "" : ", ") + cell(name);
            page.row({cell(c.name), cell(c.function.value_or("")), role_word(c.role, w), attitude_word(c.attitude, w),
                      covered.empty() ? w("niemand", "nobody") : covered});
        }
        page.raw("</table>\n");
    }
    page.heading("h3", w("Ons team (PSU)", "Our team (PSU)"));
    if (a.team.empty()) {
        page.raw("<p>").raw(w("Geen team.", "No team.")).raw("</p>\n");
    } else {
        page.raw("<table>");
        page.row({w("Naam", "Name"), w("Functie", "Function"), w("Rol", "Role")}, true);
        for (const Member& m : a.team) page.row({cell(m.name), cell(m.function.value_or("")), cell(m.role.value_or(""))});
        page.raw("</table>\n");
    }
    const CoverageGaps gaps = coverage_gaps(a);
    const auto list = [&](const char* nl, const char* en, const auto& people, const std::vector<int>& indices) {
        if (indices.empty()) return;
        page.raw("<p class=\"warn\">! ").raw(w(nl, en)).raw(": ");
        for (std::size_t k = 0; k < indices.size(); ++k) {
            if (k > 0) page.raw(", ");
            page.text(people[static_cast<std::size_t>(indices[k])].name);
        }
        page.raw("</p>\n");
    };
    list("Beslissers en inkopers zonder dekking", "Deciders and buyers not covered", a.contacts, gaps.uncovered_deciders);
    list("Tegenstanders zonder dekking", "Opponents not covered", a.contacts, gaps.uncovered_opponents);
    list("Teamleden zonder contact", "Team members without a contact", a.team, gaps.idle_members);
    if (gaps.no_contacts) page.raw("<p class=\"warn\">! ").raw(w("Key account zonder contactpersonen", "Key account without contacts")).raw("</p>\n");
    if (gaps.no_team) page.raw("<p class=\"warn\">! ").raw(w("Key account zonder team", "Key account without a team")).raw("</p>\n");
}

void account_evaluations(Page& page, const Portfolio& portfolio, const Account& a) {
    const Words& w = page.w;
    page.heading("h3", w("Evaluaties", "Evaluations"));
    if (a.evaluations.empty()) {
        page.raw("<p>").raw(w("Nog geen evaluaties.", "No evaluations yet.")).raw("</p>\n");
    } else {
        page.raw("<table>");
        page.row({w("Datum", "Date"), w("Status", "Status"), w("Notitie", "Note")}, true);
        for (const Evaluation& e : a.evaluations)
            page.row({cell(e.date), status_word(e.status, w), cell(e.note.value_or(""))});
        page.raw("</table>\n");
    }
    const std::vector<TimelineYear> years = account_timeline(a);
    if (years.empty()) return;
    page.heading("h3", w("Tijdlijn", "Timeline"));
    page.raw("<table>");
    page.row({w("Jaar", "Year"), w("Omzet", "Revenue"), "Wallet", "Share of wallet", w("Target omzet", "Target revenue"),
              w("Status", "Status")},
             true);
    const std::string& currency = portfolio.info.currency;
    const auto opt_money = [&](const std::optional<double>& v) { return v ? money(*v, currency, w.language) : "—"; };
    for (const TimelineYear& y : years)
        page.row({std::to_string(y.year), number(opt_money(y.revenue)), number(opt_money(y.wallet)),
                  number(y.share_of_wallet ? percent(*y.share_of_wallet, w.language) : "—"),
                  number(opt_money(y.target_revenue)), status_word(y.status, w)});
    page.raw("</table>\n");
}

void page_title(Page& page, const Portfolio& portfolio, std::string_view title_words, std::string_view subject,
                const PlanPrint& print) {
    page.raw("<h1>").raw(title_words).text(subject).raw("</h1>\n<p class=\"meta\">");
    if (!portfolio.info.name.empty()) page.text(portfolio.info.name).raw(" · ");
    if (!portfolio.info.supplier.empty()) page.text(portfolio.info.supplier).raw(" · ");
    page.raw(page.w("afgedrukt ", "printed ")).raw(to_string(print.today)).raw("</p>\n");
}

// [SECTION] the CORE steps of the portfolio plan ---------------------------------------------------

void step_heading(Page& page, const Portfolio& portfolio, CoreStepId id, const char* nl, const char* en) {
    const CoreStep* step = portfolio.core ? portfolio.core->step(id) : nullptr;
    const bool done = step && step->done.value_or(false);
    page.raw("<h2>").raw(page.w(nl, en));
    page.raw(done ? page.w(" <span class=\"done ok\">✓ klaar</span>", " <span class=\"done ok\">✓ done</span>")
                  : page.w(" <span class=\"warn\">(open)</span>", " <span class=\"warn\">(open)</span>"));
    page.raw("</h2>\n");
    if (step) page.note(step->notes);
}

void choice_step(Page& page, const Portfolio& portfolio) {
    const Words& w = page.w;
    step_heading(page, portfolio, CoreStepId::choice, "1. Keuze", "1. Choice");
    page.raw("<table>");
    page.row({w("Punt", "Check"), w("Antwoord", "Answer")}, true);
    const CoreChoice* choice = portfolio.core && portfolio.core->choice ? &*portfolio.core->choice : nullptr;
    for (std::string_view standard : kStandardChoiceChecks) {
        std::string answer = w("open", "open");
        if (choice)
            for (const auto& [name, a] : choice->checks)
                if (name == standard) answer = a ? w("ja", "yes") : w("nee", "no");
        page.row({check_word(std::string(standard), w), answer});
    }
    if (choice)
        for (const auto& [name, a] : choice->checks)
            if (std::find(kStandardChoiceChecks.begin(), kStandardChoiceChecks.end(), name) == kStandardChoiceChecks.end())
                page.row({check_word(name, w), a ? w("ja", "yes") : w("nee", "no")});
    page.raw("</table>\n");
    const ChoiceAssessment assessment = assess_choice(portfolio);
    const bool go = assessment.verdict == ChoiceVerdict::go || assessment.verdict == ChoiceVerdict::go_with_reservations;
    page.raw(go ? "<p class=\"ok\"><b>" : "<p class=\"warn\"><b>").raw(w("Oordeel: ", "Verdict: "));
    page.raw(verdict_word(assessment.verdict, w)).raw("</b></p>\n");
}

void organisation_step(Page& page, const Portfolio& portfolio, const Report& report) {
    const Words& w = page.w;
    step_heading(page, portfolio, CoreStepId::organisation, "2. Organisatie", "2. Organisation");
    const Organisation organisation = portfolio.organisation.value_or(Organisation{});
    const OrganisationPlan plan = organisation_plan(portfolio, report);
    const auto level = organisation.level == OrgLevel::staff  ? w("staf", "staff")
                       : organisation.level == OrgLevel::line ? w("lijn", "line")
                                                              : w("niet gekozen", "not chosen");
    const auto form = plan.form == OrgForm::central     ? w("centraal", "central")
                      : plan.form == OrgForm::dedicated ? w("eigen eenheid per key account", "dedicated unit per key account")
                                                        : w("decentraal", "decentral");
    const auto basis = plan.basis == OrgBasis::product     ? w("product (P)", "product (P)")
                       : plan.basis == OrgBasis::geography ? w("gebied (G)", "geography (G)")
                                                           : w("markt (M)", "market (M)");
    page.raw("<p>").raw(w("Niveau: ", "Level: ")).raw(level).raw(" · ").raw(w("vorm: ", "form: ")).raw(form);
    page.raw(" · ").raw(w("indeling: ", "basis: ")).raw(basis).raw("</p>\n");
    page.note(organisation.notes);
    const std::string& currency = portfolio.info.currency;
    page.raw("<table>");
    page.row({w("Eenheid", "Unit"), w("Omzet", "Revenue"), w("Accounts", "Accounts"), "Key",
              w("Accountmanagers", "Account managers")},
             true);
    const auto joined = [](const std::vector<std::string>& names) {
        std::string out;
        for (const std::string& name : names) out += (out.empty() ? "" : ", ") + cell(name);
        return out;
    };
    for (const OrgGroup& g : plan.groups)
        page.row({g.key ? cell(*g.key) : w("(zonder)", "(none)"), number(money(g.revenue, currency, w.language)),
                  number(std::to_string(g.accounts.size())), number(std::to_string(g.key_accounts)),
                  joined(g.account_managers)});
    page.raw("</table>\n");
    if (!plan.units.empty()) {
        page.heading("h3", plan.form == OrgForm::central ? w("Centraal: gedeelde accounts", "Central: shared accounts")
                                                         : w("Eigen eenheden", "Dedicated units"));
        page.raw("<table>");
        page.row({w("Account", "Account"), w("Omzet", "Revenue"), w("Accountmanagers", "Account managers")}, true);
        for (const OrgUnit& u : plan.units)
            page.row({cell(portfolio.accounts[static_cast<std::size_t>(u.account)].name),
                      number(money(u.revenue, currency, w.language)), joined(u.account_managers)});
        page.raw("</table>\n");
    }
    const std::vector<MemberWorkload> people = team_workload(portfolio, report);
    if (people.empty()) return;
    page.heading("h3", w("Accountteams en werklast", "Account teams and workload"));
    page.raw("<table>");
    page.row({w("Persoon", "Person"), w("Accounts", "Accounts"), w("Omzet", "Revenue"), "Key", "AM",
              w("Dekt contacten", "Covers contacts")},
             true);
    for (const MemberWorkload& p : people) {
        std::string accounts;
        for (int a : p.accounts) accounts += (accounts.empty() ? "" : ", ") + cell(portfolio.accounts[static_cast<std::size_t>(a)].name);
        page.row({cell(p.name), accounts, number(money(p.revenue, currency, w.language)),
                  number(std::to_string(p.key_accounts)), number(std::to_string(p.managed)),
                  number(std::to_string(p.contacts_covered))});
    }
    page.raw("</table>\n");
}

void results_step(Page& page, const Portfolio& portfolio, const Report& report) {
    const Words& w = page.w;
    step_heading(page, portfolio, CoreStepId::results, "3. Resultaten", "3. Results");
    const ResultsPlan results = results_plan(portfolio, report);
    const std::string& currency = portfolio.info.currency;
    page.raw("<p>").raw(std::to_string(results.retention))
        .raw(results.retention == 1 ? w(" account met behouddoel, ", " account with a retention goal, ")
                                    : w(" accounts met behouddoel, ", " accounts with a retention goal, "));
    page.raw(std::to_string(results.growth)).raw(w(" met groeidoel.", " with a growth goal.")).raw("</p>\n");
    page.raw("<table>");
    page.row({w("Account", "Account"), w("Doel", "Goal"), w("Jaar", "Year"), w("Target omzet", "Target revenue"),
              w("Target SoW", "Target SoW"), w("Werkelijk", "Actual")},
             true);
    for (std::size_t i = 0; i < portfolio.accounts.size(); ++i) {
        const Account& a = portfolio.accounts[i];
        if (a.goal == Goal::none && a.targets.empty()) continue;
        if (a.targets.empty()) page.row({cell(a.name), goal_word(a.goal, w), "—", "—", "—", "—"});
        for (const TargetProgress& p : results.progress[i])
            page.row({cell(a.name), goal_word(a.goal, w), std::to_string(p.year),
                      number(p.target_revenue ? money(*p.target_revenue, currency, w.language) : "—"),
                      number(p.target_share ? percent(*p.target_share, w.language) : "—"),
                      number(p.actual_revenue ? money(*p.actual_revenue, currency, w.language) : "—")});
    }
    page.raw("</table>\n");
    if (!results.totals.empty()) {
        page.raw("<table>");
        page.row({w("Targetjaar", "Target year"), w("Accounts", "Accounts"), w("Target omzet", "Target revenue"),
                  w("Omzet jaar ervoor", "Revenue year before"), w("Werkelijk", "Actual")},
                 true);
        for (const TargetTotals& t : results.totals)
            page.row({std::to_string(t.year), number(std::to_string(t.accounts)),
                      number(money(t.target_revenue, currency, w.language)),
                      number(money(t.previous_revenue, currency, w.language)),
                      number(t.actual_revenue ? money(*t.actual_revenue, currency, w.language) : "—")});
        page.raw("</table>\n");
    }
    for (const TargetCheck& check : results.checks)
        page.raw("<p class=\"warn\">! ").text(portfolio.accounts[static_cast<std::size_t>(check.account)].name)
            .raw(" · ").raw(std::to_string(check.year)).raw(": ").raw(issue_word(check.issue, w)).raw("</p>\n");
}

void evaluation_step(Page& page, const Portfolio& portfolio, const PlanPrint& print) {
    const Words& w = page.w;
    step_heading(page, portfolio, CoreStepId::evaluation, "4. Evaluatie", "4. Evaluation");
    const ReviewPlan reviews = review_plan(portfolio, print.today);
    page.raw("<p>").raw(w("Review elke ", "Review every "));
    page.raw(reviews.interval_months ? std::to_string(*reviews.interval_months) : "—").raw(w(" maanden", " months"));
    page.raw(" · ").raw(w("volgende ronde: ", "next round: ")).raw(date_or_dash(reviews.next));
    if (reviews.next_overdue) page.raw(" <span class=\"warn\">(").raw(w("verlopen", "overdue")).raw(")</span>");
    page.raw("</p>\n");
    if (reviews.order.empty()) return;
    page.raw("<table>");
    page.row({w("Account", "Account"), w("Status", "Status"), w("Laatste review", "Last review"),
              w("Volgende", "Due"), w("Te laat", "Overdue")},
             true);
    for (int i : reviews.order) {
        const AccountReview& r = reviews.of[static_cast<std::size_t>(i)];
        page.row({cell(portfolio.accounts[static_cast<std::size_t>(i)].name), status_word(r.status, w),
                  r.last ? to_string(*r.last) : w("nooit", "never"), date_or_dash(r.due),
                  r.overdue ? std::string("<span class=\"warn\">! ") + (r.due ? std::to_string(r.days_overdue) + w(" dagen", " days") : w("ja", "yes")) + "</span>"
                            : std::string("—")});
    }
    page.raw("</table>\n");
}

}  // namespace

// [SECTION] the interface ----------------------------------------------------------------------------

std::string account_plan_html(const Portfolio& portfolio, const Report& report, int account, const PlanPrint& print) {
    const Words w{print.language};
    if (account < 0 || account >= static_cast<int>(portfolio.accounts.size())) {
        Page page(w, w("Accountplan", "Account plan"));
        page.raw("<p>").raw(w("Geen account.", "No account.")).raw("</p>\n");
        return page.finish();
    }
    const Account& a = portfolio.accounts[static_cast<std::size_t>(account)];
    Page page(w, std::string(w("Accountplan: ", "Account plan: ")) + a.name);
    page_title(page, portfolio, w("Accountplan: ", "Account plan: "), a.name, print);
    account_facts(page, portfolio, report, account);
    if (!a.notes.empty()) page.note(a.notes);
    account_targets(page, portfolio, report, account);
    account_people(page, a);
    account_evaluations(page, portfolio, a);
    return page.finish();
}

std::string portfolio_plan_html(const Portfolio& portfolio, const Report& report, const PlanPrint& print) {
    const Words w{print.language};
    const std::string subject = portfolio.info.name.empty() ? std::string(w("portfolio", "portfolio")) : portfolio.info.name;
    Page page(w, std::string(w("Portfolioplan: ", "Portfolio plan: ")) + subject);
    page_title(page, portfolio, w("Portfolioplan: ", "Portfolio plan: "), subject, print);
    page.heading("h2", w("De portfolio", "The portfolio"));
    pyramid_svg(page, report, portfolio.info.currency);
    pareto_svg(page, report);
    matrix_svg(page, portfolio, report);
    choice_step(page, portfolio);
    organisation_step(page, portfolio, report);
    results_step(page, portfolio, report);
    evaluation_step(page, portfolio, print);
    return page.finish();
}

}  // namespace kc
