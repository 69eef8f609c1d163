// Every text the UI shows, in Dutch and English, and numbers formatted by language.
//
// Texts are looked up by an enum key (a typo is a compile error, a missing translation
// too: i18n.cpp checks the table at compile time). Placeholders are "{}", filled in
// order by fill(); no printf formats, so a translation can never break a call.
// No ImGui here: the table and the formatting are plain C++ and tested as such.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "core/analysis.hpp"
#include "core/model.hpp"

namespace kc::ui {

enum class Language { nl, en };

enum class Key {
    // menus and toolbar
    menu_file, menu_edit, menu_view, menu_language, menu_help,
    action_open, action_save, action_undo, action_redo, action_about,
    language_dutch, language_english,
    year_label, year_automatic, year_automatic_plain, year_automatic_none,
    // open / save
    confirm_discard_title, confirm_discard_text, confirm_discard_open, confirm_cancel,
    example_file_name, opening_file, opening_progress,
    // status line
    status_file, status_accounts, status_warnings_none, status_warnings, status_unsaved, status_saved,
    status_year, status_no_year,
    // error panel
    problems_title, problems_open_failed, problems_still_open, problems_edit_refused,
    problems_opened_with_warnings, problems_warnings_now, problems_place, problems_message,
    problems_close, problems_show,
    // views
    view_dashboard, view_accounts, view_pyramid, view_migration, view_pareto, view_wallet,
    view_retention, view_breakdowns, view_criteria, view_rating, view_matrix, view_keyaccounts,
    view_plan, view_account,
    // accounts table
    column_id, column_name, column_segment, column_region, column_status, column_revenue,
    column_revenue_no_year, column_layer,
    filter_hint, filter_count, filter_clear, filter_selection, no_accounts, edit_hint, name_required,
    revenue_clear, revenue_invalid, revenue_negative, revenue_ambiguous, revenue_too_large,
    // values
    status_none, status_active, status_inactive, status_prospect, status_suspect,
    layer_top, layer_large, layer_medium, layer_small, layer_inactive, layer_prospect, layer_suspect,
    // about
    about_title, about_text, about_version, about_privacy, about_built_with,
    count   // number of keys; not a text
};

void set_language(Language language);
Language language();
// "nl" / "en"; from_code takes "nl", "nl-BE", "NL" … as Dutch and anything else as English.
std::string_view language_code(Language language);
Language language_from_code(std::string_view code);

// The text for `key` in the current language.
const char* tr(Key key);

// A text kept beside the code that shows it, in both languages. The chart views have
// many texts of their own and keep them in their own file this way; the common texts
// stay Keys. An empty translation does not compile (the constructor is consteval).
class Bilingual {
public:
    consteval Bilingual(const char* nl, const char* en) : nl_(nl), en_(en) {
        if (nl[0] == '\0' || en[0] == '\0') empty_translation();
    }
    const char* in(Language language) const { return language == Language::nl ? nl_ : en_; }

private:
    static void empty_translation();   // not constexpr: calling it stops compilation
    const char* nl_;
    const char* en_;
};
// The text in the current language.
const char* tr(const Bilingual& text);
// The text for `key` in `language` (tests, and the language menu naming each language in itself).
const char* tr(Key key, Language language);

// `pattern` with each "{}" replaced by the next value ("{} accounts" + "12" → "12 accounts").
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values);

// Display names of model and report values.
const char* status_text(Status status);
const char* layer_text(Layer layer);
// The text with its first letter upper case (ASCII letters only: enough for our own texts).
std::string capitalised(std::string_view text);

// [SECTION] numbers ----------------------------------------------------------------------
// Dutch: 1.234.567,89 and "€ 1.234.567"; English: 1,234,567.89 and "€1,234,567".
// Rounded half away from zero to `decimals` places; -0 shows as 0.

std::string format_number(double value, int decimals);
std::string format_integer(long long value);
// `currency` is the portfolio's ISO code: EUR, USD, GBP get their sign; others show the code.
std::string format_money(double value, std::string_view currency, int decimals);
// A fraction (0.125) as a percentage ("12,5%" / "12.5%").
std::string format_percent(double fraction, int decimals);

// An amount short enough for a chart label: in full below 100,000, else in millions or
// billions with up to two significant decimals ("€ 1,25 mln" / "€1.25M", "€ 3,4 mld" / "€3.4bn").
std::string format_money_short(double value, std::string_view currency);

// A number as a spreadsheet cell: no grouping, the language's decimal mark, shortest
// exact digits ("0,125" / "0.125"); pasted into Excel it is a number in either locale.
std::string number_for_spreadsheet(double value);

// An amount as it is put into an edit field: no grouping, shortest exact digits,
// the language's decimal separator ("11946,22" / "11946.22").
std::string amount_for_editing(double value);

// What the user typed into an amount field. Accepts "." and "," as the decimal
// separator and ignores spaces; refuses what could be read two ways ("1.234" in Dutch
// is that 1234 or 1,234?) instead of guessing.
struct ParsedAmount {
    enum Outcome { empty, number, invalid, ambiguous } outcome = empty;
    double value = 0;
};
ParsedAmount parse_amount(std::string_view text);

}  // namespace kc::ui
