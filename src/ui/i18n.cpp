// The string table (Dutch and English side by side) and number formatting by language.
//
// The table lists every Key once, in enum order; static_asserts below refuse to compile
// when a key is missing, out of order or has an empty translation.
#include "i18n.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kc::ui {
namespace {

struct Text {
    Key key;
    const char* nl;
    const char* en;
};

// clang-format off
constexpr Text kTexts[] = {
    {Key::menu_file,      "Bestand",   "File"},
    {Key::menu_edit,      "Bewerken",  "Edit"},
    {Key::menu_view,      "Beeld",     "View"},
    {Key::menu_language,  "Taal",      "Language"},
    {Key::menu_help,      "Help",      "Help"},
    {Key::action_open,    "Openen…",   "Open…"},
    {Key::action_save,    "Opslaan",   "Save"},
    {Key::action_undo,    "Ongedaan maken", "Undo"},
    {Key::action_redo,    "Opnieuw",   "Redo"},
    {Key::action_about,   "Over kamcanvas", "About kamcanvas"},
    {Key::language_dutch,   "Nederlands", "Nederlands (Dutch)"},
    {Key::language_english, "English (Engels)", "English"},
    {Key::year_label,     "Analysejaar", "Analysis year"},
    {Key::year_automatic, "Automatisch ({})", "Automatic ({})"},
    {Key::year_automatic_plain, "Automatisch", "Automatic"},
    {Key::year_automatic_none, "Automatisch (geen omzet)", "Automatic (no revenue)"},

    {Key::confirm_discard_title, "Niet-opgeslagen wijzigingen", "Unsaved changes"},
    {Key::confirm_discard_text,  "Deze portfolio heeft wijzigingen die nog niet zijn opgeslagen. "
                                 "Als u een ander bestand opent, gaan ze verloren.",
                                 "This portfolio has changes that are not saved yet. "
                                 "Opening another file discards them."},
    {Key::confirm_discard_open,  "Toch openen…", "Open anyway…"},
    {Key::confirm_cancel,        "Annuleren", "Cancel"},
    {Key::example_file_name,     "voorbeeld", "example"},
    {Key::opening_file,          "{} openen…", "Opening {}…"},
    {Key::opening_progress,      "{} van {} MB gelezen", "{} of {} MB read"},

    {Key::status_file,          "Bestand: {}", "File: {}"},
    {Key::status_accounts,      "{} accounts", "{} accounts"},
    {Key::status_warnings_none, "geen waarschuwingen", "no warnings"},
    {Key::status_warnings,      "{} waarschuwingen", "{} warnings"},
    {Key::status_unsaved,       "• niet opgeslagen", "• unsaved changes"},
    {Key::status_saved,         "opgeslagen", "saved"},
    {Key::status_year,          "analysejaar {}", "analysis year {}"},
    {Key::status_no_year,       "geen analysejaar (geen omzet)", "no analysis year (no revenue)"},

    {Key::problems_title,       "Meldingen", "Problems"},
    {Key::problems_open_failed, "{} is niet geopend: {} fouten.", "{} was not opened: {} errors."},
    {Key::problems_still_open,  "De portfolio die al open was, is nog steeds open en ongewijzigd.",
                                "The portfolio that was open is still open, unchanged."},
    {Key::problems_edit_refused, "Wijziging niet doorgevoerd:", "Change not made:"},
    {Key::problems_opened_with_warnings, "{} is geopend, met {} waarschuwingen.",
                                         "{} was opened, with {} warnings."},
    {Key::problems_warnings_now, "Waarschuwingen bij de huidige portfolio ({}):",
                                 "Warnings for the portfolio as it is now ({}):"},
    {Key::problems_place,   "Plaats", "Place"},
    {Key::problems_message, "Melding", "Message"},
    {Key::problems_close,   "Sluiten", "Close"},
    {Key::problems_show,    "Meldingen tonen", "Show problems"},

    {Key::view_dashboard,  "Overzicht", "Dashboard"},
    {Key::view_accounts,   "Accounts", "Accounts"},
    {Key::view_pyramid,    "Klantenpiramide", "Customer pyramid"},
    {Key::view_migration,  "Migratie", "Migration"},
    {Key::view_pareto,     "Pareto / ABC", "Pareto / ABC"},
    {Key::view_wallet,     "Share of wallet", "Share of wallet"},
    {Key::view_retention,  "Klantbehoud", "Retention"},
    {Key::view_breakdowns, "Verdeling", "Breakdowns"},
    {Key::view_criteria,   "Criteria", "Criteria"},
    {Key::view_rating,     "Klantwaardering", "Customer rating"},
    {Key::view_matrix,     "Portfoliomatrix", "Portfolio matrix"},
    {Key::view_keyaccounts, "Key accounts", "Key accounts"},
    {Key::view_plan,       "Plan", "Plan"},
    {Key::view_account,    "Account", "Account"},

    {Key::column_id,       "Id", "Id"},
    {Key::column_name,     "Naam", "Name"},
    {Key::column_segment,  "Segment", "Segment"},
    {Key::column_region,   "Regio", "Region"},
    {Key::column_status,   "Status", "Status"},
    {Key::column_revenue,  "Omzet {}", "Revenue {}"},
    {Key::column_revenue_no_year, "Omzet", "Revenue"},
    {Key::column_layer,    "Piramidelaag", "Pyramid layer"},
    {Key::filter_hint,     "Zoeken op id, naam, segment of regio", "Search id, name, segment or region"},
    {Key::filter_count,    "{} van {} accounts", "{} of {} accounts"},
    {Key::filter_clear,    "Wissen", "Clear"},
    {Key::filter_selection, "Alleen: {}", "Only: {}"},
    {Key::no_accounts,     "Deze portfolio heeft nog geen accounts.", "This portfolio has no accounts yet."},
    {Key::edit_hint,       "Dubbelklik of Enter om te wijzigen; Enter bevestigt, Esc annuleert. "
                           "Rechtsklik op een omzet om die te wissen.",
                           "Double-click or Enter to edit; Enter confirms, Esc cancels. "
                           "Right-click a revenue to clear it."},
    {Key::name_required,    "Een account moet een naam hebben", "An account must have a name"},
    {Key::revenue_clear,    "Omzet {} wissen", "Clear revenue {}"},
    {Key::revenue_invalid,  "Geen bedrag: typ bijvoorbeeld 1250,50", "Not an amount: type e.g. 1250.50"},
    {Key::revenue_negative, "De omzet moet 0 of meer zijn", "Revenue must be 0 or more"},
    {Key::revenue_ambiguous, "Dubbelzinnig: typ het bedrag zonder duizendtallen-punt (1234 of 1,234)",
                             "Ambiguous: type the amount without a thousands comma (1234 or 1.234)"},
    {Key::revenue_too_large, "Te groot: het maximum is 10^15", "Too large: the maximum is 10^15"},

    {Key::status_none,     "—", "—"},
    {Key::status_active,   "actief", "active"},
    {Key::status_inactive, "inactief", "inactive"},
    {Key::status_prospect, "prospect", "prospect"},
    {Key::status_suspect,  "suspect", "suspect"},
    {Key::layer_top,       "top", "top"},
    {Key::layer_large,     "groot", "large"},
    {Key::layer_medium,    "middelgroot", "medium"},
    {Key::layer_small,     "klein", "small"},
    {Key::layer_inactive,  "inactief", "inactive"},
    {Key::layer_prospect,  "prospect", "prospect"},
    {Key::layer_suspect,   "suspect", "suspect"},

    {Key::about_title,   "Over kamcanvas", "About kamcanvas"},
    {Key::about_text,    "kamcanvas: een werkbank voor key-accountmanagement. Klantpiramide, "
                         "Pareto en ABC, klantwaardering, portfoliomatrix, share of wallet en retentie.",
                         "kamcanvas: a key-account-management workbench. Customer pyramid, Pareto "
                         "and ABC, customer rating, portfolio matrix, share of wallet and retention."},
    {Key::about_version, "Versie {}", "Version {}"},
    {Key::about_privacy, "Alles draait in uw browser: uw bestanden verlaten uw computer niet.",
                         "Everything runs in your browser: your files never leave your computer."},
    {Key::about_built_with, "Gebouwd met Dear ImGui {}", "Built with Dear ImGui {}"},
};
// clang-format on

constexpr bool table_is_complete() {
    if (std::size(kTexts) != static_cast<std::size_t>(Key::count)) return false;
    for (std::size_t i = 0; i < std::size(kTexts); ++i) {
        if (kTexts[i].key != static_cast<Key>(i)) return false;
        if (kTexts[i].nl[0] == '\0' || kTexts[i].en[0] == '\0') return false;
    }
    return true;
}
static_assert(table_is_complete(), "kTexts must list every Key once, in enum order, with both texts");

Language current_language = Language::en;

struct Separators {
    char decimal;
    char group;
};
Separators separators() {
    return current_language == Language::nl ? Separators{',', '.'} : Separators{'.', ','};
}

}  // namespace

void set_language(Language language) { current_language = language; }
Language language() { return current_language; }

std::string_view language_code(Language language) { return language == Language::nl ? "nl" : "en"; }

Language language_from_code(std::string_view code) {
    if (code.size() >= 2 && (code[0] == 'n' || code[0] == 'N') && (code[1] == 'l' || code[1] == 'L') &&
        (code.size() == 2 || code[2] == '-' || code[2] == '_'))
        return Language::nl;
    return Language::en;
}

const char* tr(Key key, Language language) {
    const auto index = static_cast<std::size_t>(key);
    if (index >= std::size(kTexts)) return "";
    return language == Language::nl ? kTexts[index].nl : kTexts[index].en;
}

const char* tr(Key key) { return tr(key, current_language); }

const char* tr(const Bilingual& text) { return text.in(current_language); }

void Bilingual::empty_translation() {}

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values) {
    std::string out;
    out.reserve(pattern.size() + 16);
    auto next = values.begin();
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 1 < pattern.size() && pattern[i + 1] == '}' && next != values.end()) {
            out += *next++;
            ++i;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

const char* status_text(Status status) {
    switch (status) {
        case Status::none: return tr(Key::status_none);
        case Status::active: return tr(Key::status_active);
        case Status::inactive: return tr(Key::status_inactive);
        case Status::prospect: return tr(Key::status_prospect);
        case Status::suspect: return tr(Key::status_suspect);
    }
    return "";
}

const char* layer_text(Layer layer) {
    static constexpr Key kLayerKeys[kLayerCount] = {Key::layer_top, Key::layer_large, Key::layer_medium,
                                                    Key::layer_small, Key::layer_inactive,
                                                    Key::layer_prospect, Key::layer_suspect};
    const auto index = static_cast<std::size_t>(layer);
    return index < std::size(kLayerKeys) ? tr(kLayerKeys[index]) : "";
}

std::string capitalised(std::string_view text) {
    std::string out(text);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

// [SECTION] numbers ----------------------------------------------------------------------

std::string format_number(double value, int decimals) {
    if (!std::isfinite(value)) return "—";
    decimals = decimals < 0 ? 0 : (decimals > 9 ? 9 : decimals);
    // printf rounds the binary value exactly; 2.675 is 2.67499… and shows as 2,67, which
    // is what the number is. Amounts of a portfolio stay below 1e15, well inside double.
    char digits[64];
    std::snprintf(digits, sizeof digits, "%.*f", decimals, std::fabs(value));
    const char* point = std::strchr(digits, '.');
    const std::size_t integer_length = point ? static_cast<std::size_t>(point - digits) : std::strlen(digits);

    const Separators sep = separators();
    std::string out;
    bool all_zero = true;
    for (const char* c = digits; *c; ++c)
        if (*c >= '1' && *c <= '9') all_zero = false;
    if (value < 0 && !all_zero) out += '-';
    for (std::size_t i = 0; i < integer_length; ++i) {
        if (i > 0 && (integer_length - i) % 3 == 0) out += sep.group;
        out += digits[i];
    }
    if (point) {
        out += sep.decimal;
        out += point + 1;
    }
    return out;
}

std::string format_integer(long long value) { return format_number(static_cast<double>(value), 0); }

std::string format_money(double value, std::string_view currency, int decimals) {
    const char* sign = currency == "EUR" ? "€" : currency == "USD" ? "$" : currency == "GBP" ? "£" : nullptr;
    std::string number = format_number(value, decimals);
    const bool negative = !number.empty() && number[0] == '-';
    if (negative) number.erase(0, 1);
    // Dutch: "€ 1.234" and "€ -1.234"; English: "€1,234" and "-€1,234"; a code always
    // stands apart: "CHF 1.234" / "CHF 1,234".
    std::string symbol = sign ? std::string(sign) : std::string(currency) + " ";
    if (current_language == Language::nl) {
        if (sign) symbol += ' ';
        return symbol + (negative ? "-" : "") + number;
    }
    return (negative ? "-" : "") + symbol + number;
}

std::string format_percent(double fraction, int decimals) {
    return format_number(fraction * 100.0, decimals) + "%";
}

std::string format_money_short(double value, std::string_view currency) {
    const double size = std::fabs(value);
    if (size < 100000.0) return format_money(value, currency, 0);
    const bool billions = size >= 1e9;
    const double scaled = value / (billions ? 1e9 : 1e6);
    // Two decimals below 10 (1,25 mln), one below 100 (12,5 mln), none above.
    const double magnitude = std::fabs(scaled);
    const int decimals = magnitude < 10 ? 2 : magnitude < 100 ? 1 : 0;
    std::string number = format_money(scaled, currency, decimals);
    // Trailing zeros of the decimals say nothing: "1,20 mln" → "1,2 mln".
    const char decimal = separators().decimal;
    if (number.find(decimal) != std::string::npos) {
        while (!number.empty() && number.back() == '0') number.pop_back();
        if (!number.empty() && number.back() == decimal) number.pop_back();
    }
    if (current_language == Language::nl) return number + (billions ? " mld" : " mln");
    return number + (billions ? "bn" : "M");
}

std::string number_for_spreadsheet(double value) {
    if (!std::isfinite(value)) return "";
    return amount_for_editing(value);
}

std::string amount_for_editing(double value) {
    // nlohmann prints the shortest digits that read back as the same double.
    std::string text = Json(value).dump();
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
    const char decimal = separators().decimal;
    for (char& c : text)
        if (c == '.') c = decimal;
    return text;
}

ParsedAmount parse_amount(std::string_view text) {
    std::string compact;
    for (char c : text)
        if (c != ' ' && c != '\t' && c != '\'') compact += c;   // spaces and 1'234 are grouping only
    if (compact.empty()) return {ParsedAmount::empty, 0};

    int separator_count = 0;
    std::size_t separator_at = 0;
    for (std::size_t i = 0; i < compact.size(); ++i)
        if (compact[i] == '.' || compact[i] == ',') {
            ++separator_count;
            separator_at = i;
        }
    if (separator_count > 1) return {ParsedAmount::ambiguous, 0};
    if (separator_count == 1) {
        // "1.234" in Dutch (or "1,234" in English) is how that language groups thousands:
        // exactly three digits after the language's grouping sign cannot be read safely.
        const std::size_t digits_after = compact.size() - separator_at - 1;
        bool three_digits = digits_after == 3;
        for (std::size_t i = separator_at + 1; i < compact.size(); ++i)
            if (compact[i] < '0' || compact[i] > '9') three_digits = false;
        if (three_digits && compact[separator_at] == separators().group) return {ParsedAmount::ambiguous, 0};
        compact[separator_at] = '.';
    }
    // Only digits, one point and a leading sign; no hex, no "inf", no exponents.
    for (std::size_t i = 0; i < compact.size(); ++i) {
        const char c = compact[i];
        const bool sign = (c == '-' || c == '+') && i == 0;
        if (!(c >= '0' && c <= '9') && c != '.' && !sign) return {ParsedAmount::invalid, 0};
    }
    char* end = nullptr;
    const double value = std::strtod(compact.c_str(), &end);
    if (end != compact.c_str() + compact.size() || !std::isfinite(value)) return {ParsedAmount::invalid, 0};
    bool has_digit = false;
    for (char c : compact)
        if (c >= '0' && c <= '9') has_digit = true;
    if (!has_digit) return {ParsedAmount::invalid, 0};
    return {ParsedAmount::number, value};
}

}  // namespace kc::ui
