// What the edit kinds share (internal to edit.cpp and edit_plan.cpp): places and messages
// of refusals, the rules of the format that several kinds check, and how a performed edit
// hands back its inverse.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "edit.hpp"

namespace kc::edit_rules {

// [SECTION] messages and places -------------------------------------------------------

// A number as the file would hold it ("5", "0.25"); the values JSON cannot hold by name.
std::string number_text(double value);

// One reference token of a JSON Pointer, escaped ("a/b" → "a~1b").
std::string pointer_token(std::string_view text);

std::string account_place(int account);

// `code` names the rule (see Problem::code), so the UI can word the refusal itself.
void refuse(Problems& out, const char* code, std::string place, std::string message);

// [SECTION] rules shared by several kinds -------------------------------------------

bool account_exists(const Portfolio& portfolio, int account, Problems& out);

// Valid UTF-8, and not empty when `required`.
void check_text(std::string_view text, const std::string& place, bool required, Problems& out);

void check_year(int year, const std::string& place, Problems& out);

// A finite number in low..high (a high of kMaxMagnitude reads "≥ low").
void check_number(double value, const std::string& place, double low, double high, Problems& out,
                  const char* code = "out_of_range");

// An amount of money: a finite number from 0 to kMaxMagnitude.
void check_amount(double value, const std::string& place, Problems& out);

// [SECTION] performing ---------------------------------------------------------------

// Records the inverse of a performed edit and whether it changed anything.
template <typename Kind>
void done(ApplyResult& result, Kind inverse, bool changed) {
    result.inverse = Edit{std::move(inverse)};
    result.changed = changed;
}

// [SECTION] the plan kinds (edit_plan.hpp), checked and performed in edit_plan.cpp -----

// Adds the problems of `edit`, which holds one of the plan kinds (is_plan_edit).
void check_plan_edit(const Portfolio& portfolio, const Edit& edit, Problems& out);

// Performs `edit`, which holds one of the plan kinds and passed check_plan_edit.
void perform_plan_edit(Portfolio& portfolio, const Edit& edit, ApplyResult& result);

}  // namespace kc::edit_rules
