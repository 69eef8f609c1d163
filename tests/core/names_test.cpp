// names.hpp: every enum value has its spec string and parses back; unknown text is refused.
#include <doctest/doctest.h>

#include <string>

#include "core/names.hpp"

namespace {

template <typename E, typename All>
void check_round_trip(All all, std::size_t expected_count) {
    CHECK(all.size() == expected_count);
    for (E value : all) {
        std::string_view name = to_string(value);
        CHECK_FALSE(name.empty());
        E back = E::none;
        CHECK(kc::parse(name, back));
        CHECK(back == value);
    }
    CHECK(to_string(E::none).empty());
    E untouched = E::none;
    CHECK_FALSE(kc::parse("", untouched));
    CHECK_FALSE(kc::parse("nonsense", untouched));
    CHECK(untouched == E::none);
}

}  // namespace

TEST_CASE("names: every enum round-trips through its spec strings") {
    using namespace kc;
    check_round_trip<Status>(all_statuses(), 4);
    check_round_trip<Axis>(all_axes(), 2);
    check_round_trip<Goal>(all_goals(), 2);
    check_round_trip<BuyingRole>(all_buying_roles(), 6);
    check_round_trip<Attitude>(all_attitudes(), 3);
    check_round_trip<EvalStatus>(all_eval_statuses(), 3);
    check_round_trip<OrgLevel>(all_org_levels(), 2);
    check_round_trip<OrgForm>(all_org_forms(), 3);
    check_round_trip<OrgBasis>(all_org_bases(), 3);
}

TEST_CASE("names: spellings are the spec's") {
    using namespace kc;
    CHECK(to_string(Status::prospect) == "prospect");
    CHECK(to_string(EvalStatus::on_track) == "on_track");
    CHECK(to_string(BuyingRole::gatekeeper) == "gatekeeper");
    CHECK(to_string(OrgBasis::geography) == "geography");
    Status s = Status::none;
    CHECK_FALSE(parse("Active", s));   // case matters: the file format is exact
}
