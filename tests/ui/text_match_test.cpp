// text_match.hpp: the accounts filter finds text whatever its case, in any Latin,
// Greek or Cyrillic script, and never matches half a UTF-8 character.
#include <doctest/doctest.h>

#include <string>

#include "text_match.hpp"

using namespace kc::ui;

TEST_CASE("text match: case folding by code point") {
    CHECK(fold_case("ZUIVELHOEVE De Weide") == "zuivelhoeve de weide");
    CHECK(fold_case("ÉCOLE Ärzte ØRESUND") == "école ärzte øresund");
    CHECK(fold_case("ŁÓDŹ ŠKODA ĲSSEL Ÿ") == "łódź škoda ĳssel ÿ");
    CHECK(fold_case("ΑΘΗΝΑ МОСКВА ЁЛКА") == "αθηνα москва ёлка");
    CHECK(fold_case("İstanbul") == "istanbul");
    CHECK(fold_case("× ß 中国 🧀") == "× ß 中国 🧀");   // no case: unchanged
    CHECK(fold_case("bad \xC3( byte") == "bad \xC3( byte");   // invalid UTF-8 kept as is
}

TEST_CASE("text match: contains, case-insensitive and UTF-8 safe") {
    std::string scratch;
    CHECK(contains_folded("Café Zoë", fold_case("ZOË"), scratch));
    CHECK(contains_folded("Horeca Zwolle 1", fold_case("zwolle"), scratch));
    CHECK(contains_folded("anything", "", scratch));
    CHECK_FALSE(contains_folded("Café", fold_case("cafe"), scratch));   // é is not e
    // "é" is C3 A9 and "©" is C2 A9: they share a byte, yet "©" is not found in "é".
    CHECK_FALSE(contains_folded("é", fold_case("©"), scratch));
    CHECK_FALSE(contains_folded("ab", "abc", scratch));
}
