// i18n.hpp: both languages for every key, placeholders, and numbers, money, percentages
// and typed amounts the way Dutch and English readers write them.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "i18n.hpp"

using namespace kc::ui;

namespace {

// Sets the language for one test and puts English back after it.
struct InLanguage {
    explicit InLanguage(Language language) { set_language(language); }
    ~InLanguage() { set_language(Language::en); }
};

}  // namespace

TEST_CASE("i18n: every key has a Dutch and an English text, and the switch works at runtime") {
    for (int k = 0; k < static_cast<int>(Key::count); ++k) {
        const auto key = static_cast<Key>(k);
        CHECK(std::strlen(tr(key, Language::nl)) > 0);
        CHECK(std::strlen(tr(key, Language::en)) > 0);
    }
    InLanguage dutch(Language::nl);
    CHECK(std::string(tr(Key::action_save)) == "Opslaan");
    set_language(Language::en);
    CHECK(std::string(tr(Key::action_save)) == "Save");
    CHECK(std::string(status_text(kc::Status::inactive)) == "inactive");
    set_language(Language::nl);
    CHECK(std::string(status_text(kc::Status::inactive)) == "inactief");
    CHECK(std::string(layer_text(kc::Layer::medium)) == "middelgroot");
}

TEST_CASE("i18n: language codes") {
    CHECK(language_from_code("nl") == Language::nl);
    CHECK(language_from_code("nl-BE") == Language::nl);
    CHECK(language_from_code("NL") == Language::nl);
    CHECK(language_from_code("en-GB") == Language::en);
    CHECK(language_from_code("nld") == Language::en);   // not a code this app knows
    CHECK(language_from_code("") == Language::en);
    CHECK(language_code(Language::nl) == "nl");
    CHECK(language_code(Language::en) == "en");
}

TEST_CASE("i18n: fill puts values in order and leaves extra braces alone") {
    CHECK(fill("{} van {} accounts", {"3", "40"}) == "3 van 40 accounts");
    CHECK(fill("{} and {}", {"one"}) == "one and {}");
    CHECK(fill("no placeholder", {"x"}) == "no placeholder");
    CHECK(fill("{%s}", {"x"}) == "{%s}");   // printf formats mean nothing here
}

TEST_CASE("i18n: numbers and money in Dutch") {
    InLanguage dutch(Language::nl);
    CHECK(format_money(1234567, "EUR", 0) == "€ 1.234.567");
    CHECK(format_money(1234567.891, "EUR", 2) == "€ 1.234.567,89");
    CHECK(format_money(-1234, "EUR", 0) == "€ -1.234");
    CHECK(format_money(999.5, "EUR", 0) == "€ 1.000");
    CHECK(format_money(12, "USD", 0) == "$ 12");
    CHECK(format_money(12, "CHF", 0) == "CHF 12");
    CHECK(format_number(0.004, 2) == "0,00");
    CHECK(format_number(-0.004, 2) == "0,00");   // no "-0,00"
    CHECK(format_number(100, 0) == "100");
    CHECK(format_number(1000, 0) == "1.000");
    CHECK(format_number(1e15, 0) == "1.000.000.000.000.000");
    CHECK(format_integer(40) == "40");
    CHECK(format_percent(0.125, 1) == "12,5%");
    CHECK(amount_for_editing(11946.22) == "11946,22");
    CHECK(amount_for_editing(250) == "250");
}

TEST_CASE("i18n: numbers and money in English") {
    InLanguage english(Language::en);
    CHECK(format_money(1234567, "EUR", 0) == "€1,234,567");
    CHECK(format_money(1234567.891, "EUR", 2) == "€1,234,567.89");
    CHECK(format_money(-1234, "EUR", 0) == "-€1,234");
    CHECK(format_money(12, "GBP", 2) == "£12.00");
    CHECK(format_money(12, "SEK", 0) == "SEK 12");
    CHECK(format_number(123456.5, 1) == "123,456.5");
    CHECK(format_percent(0.8, 0) == "80%");
    CHECK(amount_for_editing(11946.22) == "11946.22");
    CHECK(amount_for_editing(0.1 + 0.2) == "0.30000000000000004");   // exact, never rounded
}

TEST_CASE("i18n: typed amounts are read exactly or refused, never guessed") {
    InLanguage dutch(Language::nl);
    CHECK(parse_amount("").outcome == ParsedAmount::empty);
    CHECK(parse_amount("   ").outcome == ParsedAmount::empty);
    CHECK(parse_amount("1250,50").value == 1250.5);
    CHECK(parse_amount("1250.50").value == 1250.5);     // a point is a decimal point too
    CHECK(parse_amount("12,5").value == 12.5);
    CHECK(parse_amount("1,234").value == 1.234);        // Dutch decimal comma: fine
    CHECK(parse_amount("1.234").outcome == ParsedAmount::ambiguous);   // 1234 or 1,234?
    CHECK(parse_amount("1.234.567").outcome == ParsedAmount::ambiguous);
    CHECK(parse_amount("1.234,56").outcome == ParsedAmount::ambiguous);
    CHECK(parse_amount("1 234 567").value == 1234567);
    CHECK(parse_amount("-5").value == -5);               // read; the caller refuses it
    CHECK(parse_amount("abc").outcome == ParsedAmount::invalid);
    CHECK(parse_amount("1e5").outcome == ParsedAmount::invalid);
    CHECK(parse_amount("inf").outcome == ParsedAmount::invalid);
    CHECK(parse_amount("-").outcome == ParsedAmount::invalid);
    CHECK(parse_amount(",").outcome == ParsedAmount::invalid);
    CHECK(parse_amount("5-").outcome == ParsedAmount::invalid);

    set_language(Language::en);
    CHECK(parse_amount("1,234").outcome == ParsedAmount::ambiguous);
    CHECK(parse_amount("1.234").value == 1.234);
    CHECK(parse_amount("0.30000000000000004").value == 0.1 + 0.2);
}
