// Enum <-> spec string tables (see names.hpp).
//
// Each enum's values are listed once, in the spec's order; to_string, parse and
// all_*() are all read off that one list, so they cannot disagree.
#include "names.hpp"

#include <array>
#include <utility>

namespace kc {
namespace {

template <typename E>
using NameTable = std::span<const std::pair<E, std::string_view>>;

constexpr std::pair<Status, std::string_view> kStatusNames[] = {
    {Status::active, "active"}, {Status::inactive, "inactive"},
    {Status::prospect, "prospect"}, {Status::suspect, "suspect"}};
constexpr std::pair<Axis, std::string_view> kAxisNames[] = {
    {Axis::attractiveness, "attractiveness"}, {Axis::position, "position"}};
constexpr std::pair<Goal, std::string_view> kGoalNames[] = {
    {Goal::retention, "retention"}, {Goal::growth, "growth"}};
constexpr std::pair<BuyingRole, std::string_view> kBuyingRoleNames[] = {
    {BuyingRole::initiator, "initiator"}, {BuyingRole::user, "user"},
    {BuyingRole::influencer, "influencer"}, {BuyingRole::decider, "decider"},
    {BuyingRole::buyer, "buyer"}, {BuyingRole::gatekeeper, "gatekeeper"}};
constexpr std::pair<Attitude, std::string_view> kAttitudeNames[] = {
    {Attitude::supporter, "supporter"}, {Attitude::neutral, "neutral"},
    {Attitude::opponent, "opponent"}};
constexpr std::pair<EvalStatus, std::string_view> kEvalStatusNames[] = {
    {EvalStatus::on_track, "on_track"}, {EvalStatus::at_risk, "at_risk"},
    {EvalStatus::off_track, "off_track"}};
constexpr std::pair<OrgLevel, std::string_view> kOrgLevelNames[] = {
    {OrgLevel::staff, "staff"}, {OrgLevel::line, "line"}};
constexpr std::pair<OrgForm, std::string_view> kOrgFormNames[] = {
    {OrgForm::decentral, "decentral"}, {OrgForm::central, "central"},
    {OrgForm::dedicated, "dedicated"}};
constexpr std::pair<OrgBasis, std::string_view> kOrgBasisNames[] = {
    {OrgBasis::product, "product"}, {OrgBasis::market, "market"},
    {OrgBasis::geography, "geography"}};
constexpr std::pair<QuadrantNaming, std::string_view> kQuadrantNamingNames[] = {
    {QuadrantNaming::mcdonald_woodburn, "mcdonald_woodburn"}, {QuadrantNaming::cranfield, "cranfield"}};

template <typename E>
std::string_view name_in(NameTable<E> table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

template <typename E>
bool parse_in(NameTable<E> table, std::string_view text, E& out) {
    for (const auto& [v, name] : table)
        if (name == text) {
            out = v;
            return true;
        }
    return false;
}

// The values alone, built once from a name table.
template <typename E, std::size_t N>
std::array<E, N> values_of(const std::pair<E, std::string_view> (&table)[N]) {
    std::array<E, N> values{};
    for (std::size_t i = 0; i < N; ++i) values[i] = table[i].first;
    return values;
}

}  // namespace

#define KC_ENUM_NAMES(Enum, table, all_fn)                                          \
    std::string_view to_string(Enum value) { return name_in<Enum>(table, value); } \
    bool parse(std::string_view text, Enum& out) { return parse_in<Enum>(table, text, out); } \
    std::span<const Enum> all_fn() {                                               \
        static const auto values = values_of(table);                               \
        return values;                                                             \
    }

KC_ENUM_NAMES(Status, kStatusNames, all_statuses)
KC_ENUM_NAMES(Axis, kAxisNames, all_axes)
KC_ENUM_NAMES(Goal, kGoalNames, all_goals)
KC_ENUM_NAMES(BuyingRole, kBuyingRoleNames, all_buying_roles)
KC_ENUM_NAMES(Attitude, kAttitudeNames, all_attitudes)
KC_ENUM_NAMES(EvalStatus, kEvalStatusNames, all_eval_statuses)
KC_ENUM_NAMES(OrgLevel, kOrgLevelNames, all_org_levels)
KC_ENUM_NAMES(OrgForm, kOrgFormNames, all_org_forms)
KC_ENUM_NAMES(OrgBasis, kOrgBasisNames, all_org_bases)

#undef KC_ENUM_NAMES

std::string_view to_string(QuadrantNaming value) { return name_in<QuadrantNaming>(kQuadrantNamingNames, value); }
bool parse(std::string_view text, QuadrantNaming& out) {
    return parse_in<QuadrantNaming>(kQuadrantNamingNames, text, out);
}

}  // namespace kc
