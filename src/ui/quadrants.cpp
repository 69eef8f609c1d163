// Quadrant names and strategies (see quadrants.hpp).
#include "quadrants.hpp"

#include "i18n.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kMcDonaldWoodburn[kQuadrantCount] = {
    {"Strategisch", "Strategic"}, {"Ster", "Star"}, {"Status", "Status"}, {"Stroomlijnen", "Streamline"}};
constexpr Bilingual kCranfield[kQuadrantCount] = {
    {"Key", "Key"}, {"Key in ontwikkeling", "Key development"}, {"Onderhoud", "Maintenance"},
    {"Opportunistisch", "Opportunistic"}};
constexpr Bilingual kStrategyWord[kQuadrantCount] = {
    {"Investeren", "Invest"}, {"Opbouwen", "Build"}, {"Onderhouden", "Maintain"},
    {"Melken (manage for cash)", "Manage for cash"}};
constexpr Bilingual kStrategy[kQuadrantCount] = {
    {"Investeren: de relatie verdiepen en samen met de klant groeien.",
     "Invest: deepen the relationship and grow together with the customer."},
    {"Opbouwen: een aantrekkelijke klant waar onze positie nog zwak is; investeren om die te versterken.",
     "Build: an attractive customer where our position is still weak; invest to strengthen it."},
    {"Onderhouden: de goede positie houden met minder inzet; niet overinvesteren.",
     "Maintain: keep the good position with less effort; do not overinvest."},
    {"Melken (manage for cash): efficiënt bedienen, kosten laag houden, standaardaanbod.",
     "Manage for cash: serve efficiently, keep the cost to serve low, standard offer."}};
constexpr Bilingual kNamingNames[] = {
    {"McDonald & Woodburn", "McDonald & Woodburn"}, {"Cranfield (eerdere namen)", "Cranfield (earlier names)"},
    {"Eigen namen", "Own names"}};

}  // namespace

int quadrant_slot(Quadrant quadrant) {
    for (int i = 0; i < kQuadrantCount; ++i)
        if (kPlacedQuadrants[static_cast<std::size_t>(i)] == quadrant) return i;
    return -1;
}

const char* quadrant_name(Quadrant quadrant, QuadrantNaming naming) {
    const int slot = quadrant_slot(quadrant);
    if (slot < 0) return "";
    return tr(naming == QuadrantNaming::cranfield ? kCranfield[slot] : kMcDonaldWoodburn[slot]);
}

std::string quadrant_label(Quadrant quadrant, const std::optional<QuadrantLabels>& labels) {
    const int slot = quadrant_slot(quadrant);
    if (slot < 0) return "";
    if (!labels) return quadrant_name(quadrant, QuadrantNaming::mcdonald_woodburn);
    if (labels->naming == QuadrantNaming::own) {
        const std::optional<std::string>& own = labels->own[static_cast<std::size_t>(slot)];
        if (own && !own->empty()) return *own;
    }
    return quadrant_name(quadrant, labels->naming);
}

const char* quadrant_strategy_word(Quadrant quadrant) {
    const int slot = quadrant_slot(quadrant);
    return slot < 0 ? "" : tr(kStrategyWord[slot]);
}

const char* quadrant_strategy(Quadrant quadrant) {
    const int slot = quadrant_slot(quadrant);
    return slot < 0 ? "" : tr(kStrategy[slot]);
}

const char* naming_name(QuadrantNaming naming) { return tr(kNamingNames[static_cast<int>(naming)]); }

}  // namespace kc::ui
