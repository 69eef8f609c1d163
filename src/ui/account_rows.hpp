// Which accounts the accounts table shows, in which order: the filter and the sort,
// as a plain function of the model and the report (no ImGui), so it can be tested
// and reused by later views that list accounts.
#pragma once

#include <string_view>
#include <vector>

#include "core/analysis.hpp"
#include "core/model.hpp"

namespace kc::ui {

enum class AccountColumn { id, name, segment, region, status, revenue, layer };

// Indices of the accounts whose id, name, segment or region contains `filter`
// (case-insensitive, see text_match.hpp), sorted by `column`; ties keep file order
// in both directions. Sort keys: ids in byte order (as the spec sorts ids); names,
// segments and regions case-insensitively, absent as ""; status in the spec's order
// with no status last; revenue of the report's year with "no figure" below 0; layer
// from top to suspect.
std::vector<int> account_rows(const Portfolio& portfolio, const Report& report, std::string_view filter,
                              AccountColumn column, bool descending);

}  // namespace kc::ui
