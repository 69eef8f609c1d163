// The accounts behind a chart part, its title and its key (see selection.hpp).
#include "selection.hpp"

#include "i18n.hpp"
#include "quadrants.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kLayer("Laag {}", "Layer {}");
constexpr Bilingual kAbc("ABC-klasse {}", "ABC class {}");
constexpr Bilingual kWithout("(zonder)", "(none)");
constexpr Bilingual kSegment("Segment: {}", "Segment: {}");
constexpr Bilingual kRegion("Regio: {}", "Region: {}");
constexpr Bilingual kProduct("Productgroep: {}", "Product group: {}");
constexpr Bilingual kAboveWallet("Omzet boven potentieel", "Revenue above wallet");
constexpr Bilingual kGrowthGoal("Accounts met groeidoel", "Accounts with a growth goal");
constexpr Bilingual kRetained("Behouden klanten", "Retained customers");
constexpr Bilingual kLost("Verloren klanten", "Lost customers");
constexpr Bilingual kNew("Nieuwe klanten", "New customers");
constexpr Bilingual kReactivated("Teruggewonnen klanten", "Reactivated customers");
constexpr Bilingual kQuadrant("Kwadrant {}", "Quadrant {}");

bool in_group(const std::optional<std::string>& value, const std::optional<std::string>& group) {
    return value == group;
}

bool in_product_group(const Account& account, const std::optional<std::string>& group) {
    if (!group) return account.products.empty();
    for (const std::string& product : account.products)
        if (product == *group) return true;
    return false;
}

bool is_selected(const Selection& s, const Portfolio& portfolio, const Report& report, int i) {
    const Account& account = portfolio.accounts[static_cast<std::size_t>(i)];
    const auto at = static_cast<std::size_t>(i);
    switch (s.kind) {
        case Selection::Kind::none: return false;
        case Selection::Kind::layer: return static_cast<int>(report.pyramid.layer_of[at]) == s.first;
        case Selection::Kind::migration:
            return report.migration.from_year &&
                   static_cast<int>(report.migration.previous_layer_of[at]) == s.first &&
                   static_cast<int>(report.pyramid.layer_of[at]) == s.second;
        case Selection::Kind::abc: return static_cast<int>(report.pareto.abc_of[at]) == s.first;
        case Selection::Kind::retention: return static_cast<int>(report.retention.status_of[at]) == s.first;
        case Selection::Kind::segment: return in_group(account.segment, s.group);
        case Selection::Kind::region: return in_group(account.region, s.group);
        case Selection::Kind::product: return in_product_group(account, s.group);
        case Selection::Kind::above_wallet: {
            const WalletFigures& wallet = report.wallet.of[at];
            return wallet.has_wallet() && *wallet.share_of_wallet > 1.0;
        }
        case Selection::Kind::growth_goal: return account.goal == Goal::growth;
        case Selection::Kind::quadrant: return static_cast<int>(report.matrix.of[at].quadrant) == s.first;
    }
    return false;
}

const char* group_name(const std::optional<std::string>& group) { return group ? group->c_str() : tr(kWithout); }

}  // namespace

std::vector<int> selected_accounts(const Selection& selection, const Portfolio& portfolio, const Report& report) {
    std::vector<int> accounts;
    if (selection.empty() || report.pyramid.layer_of.size() != portfolio.accounts.size()) return accounts;
    for (int i : report_layer_order(report))
        if (is_selected(selection, portfolio, report, i)) accounts.push_back(i);
    return accounts;
}

std::string selection_title(const Selection& s, const Portfolio& portfolio) {
    switch (s.kind) {
        case Selection::Kind::none: return "";
        case Selection::Kind::layer: return fill(tr(kLayer), {layer_text(static_cast<Layer>(s.first))});
        case Selection::Kind::migration:
            return std::string(layer_text(static_cast<Layer>(s.first))) + " → " + layer_text(static_cast<Layer>(s.second));
        case Selection::Kind::abc: return fill(tr(kAbc), {to_string(static_cast<AbcClass>(s.first))});
        case Selection::Kind::retention:
            switch (static_cast<RetentionStatus>(s.first)) {
                case RetentionStatus::retained: return tr(kRetained);
                case RetentionStatus::lost: return tr(kLost);
                case RetentionStatus::new_customer: return tr(kNew);
                case RetentionStatus::reactivated: return tr(kReactivated);
                case RetentionStatus::none: return "";
            }
            return "";
        case Selection::Kind::segment: return fill(tr(kSegment), {group_name(s.group)});
        case Selection::Kind::region: return fill(tr(kRegion), {group_name(s.group)});
        case Selection::Kind::product: return fill(tr(kProduct), {group_name(s.group)});
        case Selection::Kind::above_wallet: return tr(kAboveWallet);
        case Selection::Kind::growth_goal: return tr(kGrowthGoal);
        case Selection::Kind::quadrant:
            return fill(tr(kQuadrant), {quadrant_label(static_cast<Quadrant>(s.first), portfolio.info.matrix.labels)});
    }
    return "";
}

std::string selection_key(const Selection& s) {
    const std::string group = s.group.value_or("");
    switch (s.kind) {
        case Selection::Kind::none: return "";
        case Selection::Kind::layer: return "layer:" + std::string(to_string(static_cast<Layer>(s.first)));
        case Selection::Kind::migration:
            return "migration:" + std::string(to_string(static_cast<Layer>(s.first))) + ">" +
                   std::string(to_string(static_cast<Layer>(s.second)));
        case Selection::Kind::abc: return "abc:" + std::string(to_string(static_cast<AbcClass>(s.first)));
        case Selection::Kind::retention:
            return "retention:" + std::string(to_string(static_cast<RetentionStatus>(s.first)));
        case Selection::Kind::segment: return "segment:" + group;
        case Selection::Kind::region: return "region:" + group;
        case Selection::Kind::product: return "product:" + group;
        case Selection::Kind::above_wallet: return "above_wallet";
        case Selection::Kind::growth_goal: return "growth_goal";
        case Selection::Kind::quadrant: return "quadrant:" + std::string(to_string(static_cast<Quadrant>(s.first)));
    }
    return "";
}

}  // namespace kc::ui
