// Case-insensitive text matching and ordering for the filter and sort of tables.
//
// Works on UTF-8 code points, never on bytes, so "É" finds "é" and a search never
// matches half a character. Folding covers Latin (incl. Latin-1 and Extended-A), Greek
// and Cyrillic capitals, which is what account names in this product contain; other
// scripts compare as they are. No ImGui here.
#pragma once

#include <string>
#include <string_view>

namespace kc::ui {

// `text` with every capital it knows turned into its small letter. Invalid UTF-8
// bytes are kept as they are (they can only match themselves).
std::string fold_case(std::string_view text);
// Appends fold_case(text) to `out` (reuses out's capacity in loops).
void fold_case_into(std::string_view text, std::string& out);

// True when fold_case(haystack) contains `folded_needle` (already folded). An empty
// needle is found everywhere.
bool contains_folded(std::string_view haystack, std::string_view folded_needle, std::string& scratch);

}  // namespace kc::ui
