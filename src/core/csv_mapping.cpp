// The CSV column mapping: target spellings, the guess from the header, corrections
// (see csv_import.hpp).
//
// Headers are compared normalised: ASCII lowercase, accents of Latin-1 letters taken
// off, and every other ASCII character but letters and digits dropped, so "Customer
// ID", "customer_id" and "CUSTOMER-ID" are all "customerid".
#include <array>
#include <map>
#include <span>
#include <string>

#include "csv_import.hpp"
#include "read_values.hpp"

namespace kc {
namespace {

// [SECTION] normalisation -----------------------------------------------------------

// U+00C0..U+00FF (UTF-8 C3 80..C3 BF) without their accents; '_' for × and ÷.
constexpr std::string_view kLatin1Folded = "aaaaaaaceeeeiiiidnooooo_ouuuuyts"
                                           "aaaaaaaceeeeiiiidnooooo_ouuuuyty";

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Calls `emit` with each character of `text` lowercased and folded: ASCII as one char,
// an accented Latin-1 letter as its plain letter, other non-ASCII bytes as they are.
template <typename Emit>
void for_each_folded(std::string_view text, Emit emit) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == 0xC3 && i + 1 < text.size()) {
            const unsigned char next = static_cast<unsigned char>(text[i + 1]);
            if (next >= 0x80 && next <= 0xBF) {
                emit(kLatin1Folded[next - 0x80]);
                ++i;
                continue;
            }
        }
        emit(ascii_lower(text[i]));
    }
}

std::string normalise(std::string_view header) {
    std::string out;
    for_each_folded(header, [&](char c) {
        if (is_ascii_alnum(c) || static_cast<unsigned char>(c) >= 0x80) out += c;
    });
    return out;
}

// A criterion id from free text: "Prijs/kwaliteit" -> "prijs_kwaliteit"; "" when
// nothing usable is left.
std::string criterion_id_from(std::string_view text) {
    std::string id;
    for_each_folded(text, [&](char c) {
        if (is_ascii_alnum(c) || c == '-') id += c;
        else if (!id.empty() && id.back() != '_') id += '_';
    });
    while (!id.empty() && id.back() == '_') id.pop_back();
    if (id.size() > 64) id.resize(64);
    return id;
}

// [SECTION] the words recognised -----------------------------------------------------

// A header word and how specific it is: tier 0 is the field's own word ("region"), higher
// tiers are less sure ("state", then "country"). Where several columns fit one field,
// the lowest tier wins, then the leftmost column.
struct Word {
    std::string_view text;   // normalised
    int tier;
};

struct FieldWords {
    CsvField field;
    std::span<const Word> words;
};

constexpr Word kIdWords[] = {
    {"id", 0}, {"customerid", 1}, {"accountid", 1}, {"klantid", 1}, {"clientid", 1}, {"companyid", 1},
    {"relatieid", 1}, {"debiteurid", 1}, {"recordid", 1}, {"klantnummer", 1}, {"klantnr", 1},
    {"customernumber", 1}, {"customerno", 1}, {"customernr", 1}, {"accountnumber", 1}, {"accountnr", 1},
    {"accountno", 1}, {"relatienummer", 1}, {"relatienr", 1}, {"debiteurnummer", 1}, {"debiteurnr", 1},
    {"debnr", 1}, {"clientnumber", 1}, {"klantcode", 1}, {"customercode", 1}, {"accountcode", 1},
    {"relatiecode", 1}, {"debiteurcode", 1}, {"code", 2}};
constexpr Word kNameWords[] = {
    {"name", 0}, {"naam", 0}, {"accountname", 1}, {"customername", 1}, {"companyname", 1}, {"clientname", 1},
    {"klantnaam", 1}, {"bedrijfsnaam", 1}, {"organisatienaam", 1}, {"organisationname", 1},
    {"organizationname", 1}, {"relatienaam", 1}, {"debiteurnaam", 1}, {"handelsnaam", 1}, {"company", 2},
    {"bedrijf", 2}, {"organisatie", 2}, {"organisation", 2}, {"organization", 2}, {"customer", 2}, {"klant", 2},
    {"client", 2}, {"account", 2}, {"relatie", 2}, {"debiteur", 2}, {"firma", 2}};
constexpr Word kSegmentWords[] = {
    {"segment", 0}, {"customersegment", 1}, {"klantsegment", 1}, {"marketsegment", 1}, {"marktsegment", 1},
    {"klantgroep", 1}, {"customergroup", 1}, {"doelgroep", 1}, {"branche", 2}, {"industry", 2}, {"sector", 2},
    {"industrie", 2}, {"bedrijfstak", 2}, {"vertical", 2}};
constexpr Word kRegionWords[] = {
    {"region", 0}, {"regio", 0}, {"salesregion", 1}, {"verkoopregio", 1}, {"verkoopgebied", 1},
    {"salesterritory", 1}, {"territory", 1}, {"gebied", 1}, {"rayon", 1}, {"area", 1}, {"district", 1},
    {"provincie", 2}, {"province", 2}, {"state", 2}, {"land", 3}, {"country", 3}};
constexpr Word kStatusWords[] = {{"status", 0}, {"accountstatus", 1}, {"customerstatus", 1}, {"klantstatus", 1},
                                 {"relatiestatus", 1}};
constexpr Word kKeyWords[] = {{"keyaccount", 0}, {"key", 0}, {"iskeyaccount", 1}, {"iskey", 1}, {"keyklant", 1},
                              {"sleutelklant", 1}, {"strategischeklant", 1}, {"strategicaccount", 1},
                              {"strategisch", 2}, {"strategic", 2}};

constexpr FieldWords kFieldWords[] = {
    {CsvField::id, kIdWords},         {CsvField::name, kNameWords},     {CsvField::segment, kSegmentWords},
    {CsvField::region, kRegionWords}, {CsvField::status, kStatusWords}, {CsvField::key, kKeyWords},
};

constexpr std::string_view kRevenueWords[] = {"revenue", "revenues", "omzet", "nettoomzet", "netrevenue", "sales",
                                              "netsales", "turnover", "verkoop", "verkopen"};
constexpr std::string_view kWalletWords[] = {"wallet", "walletsize", "potentieel", "potential", "potentie",
                                             "klantpotentieel", "marktpotentieel", "totalspend", "categoryspend"};
// May stand before or after the word of a year column: "Sales FY2024", "Omzet 2024 excl. btw".
constexpr std::string_view kYearFillers[] = {"", "fy", "jaar", "year", "boekjaar", "in", "excl", "exclbtw",
                                             "inclbtw", "exbtw", "eur", "euro", "usd", "gbp"};

// Header words that introduce a score column: "Score Innovatie", "rating: fit".
constexpr std::string_view kScorePrefixes[] = {"score", "rating", "beoordeling", "criterium", "criterion"};

bool is_one_of(std::string_view text, std::span<const std::string_view> words) {
    for (std::string_view w : words)
        if (text == w) return true;
    return false;
}

// [SECTION] recognising one header -----------------------------------------------------

struct Guess {
    ColumnTarget target;
    int tier = 0;   // see Word
};

bool single_field(const std::string& normalised, Guess& guess) {
    for (const FieldWords& fw : kFieldWords)
        for (const Word& word : fw.words)
            if (normalised == word.text) {
                guess = {{fw.field, 0, {}}, word.tier};
                return true;
            }
    return false;
}

// `letters` is <filler><word><filler> for one of `words`.
bool is_year_word(std::string_view letters, std::span<const std::string_view> words) {
    for (std::string_view word : words)
        for (std::size_t at = letters.find(word); at != std::string_view::npos; at = letters.find(word, at + 1))
            if (is_one_of(letters.substr(0, at), kYearFillers) &&
                is_one_of(letters.substr(at + word.size()), kYearFillers))
                return true;
    return false;
}

// One run of exactly four digits (a year from 1000) and a revenue or wallet word.
bool year_field(const std::string& normalised, Guess& guess) {
    const std::size_t start = normalised.find_first_of("0123456789");
    if (start == std::string::npos) return false;
    std::size_t end = start;
    while (end < normalised.size() && normalised[end] >= '0' && normalised[end] <= '9') ++end;
    if (end - start != 4 || normalised[start] == '0' ||
        normalised.find_first_of("0123456789", end) != std::string::npos)
        return false;
    const int year = detail::parse_year_key(std::string_view(normalised).substr(start, 4));
    const std::string letters = normalised.substr(0, start) + normalised.substr(end);
    if (is_year_word(letters, kRevenueWords)) guess = {{CsvField::revenue, year, {}}, 0};
    else if (is_year_word(letters, kWalletWords)) guess = {{CsvField::wallet, year, {}}, 0};
    else return false;
    return true;
}

// The text after a score prefix and its separators ("Score: Innovatie" -> "Innovatie"),
// or "" when the header has no such prefix.
std::string_view after_score_prefix(std::string_view header) {
    header = trim_spaces(header);
    for (std::string_view prefix : kScorePrefixes) {
        if (header.size() <= prefix.size()) continue;
        bool same = true;
        for (std::size_t i = 0; i < prefix.size() && same; ++i) same = ascii_lower(header[i]) == prefix[i];
        if (!same) continue;
        std::size_t i = prefix.size();
        const std::size_t separators_start = i;
        while (i < header.size() && std::string_view(" _-:.").find(header[i]) != std::string_view::npos) ++i;
        if (i > separators_start && i < header.size()) return trim_spaces(header.substr(i));
    }
    return {};
}

// The existing criterion whose id or name is `text` (normalised), or -1.
int matching_criterion(std::string_view text, const std::vector<Criterion>& criteria) {
    const std::string wanted = normalise(text);
    if (wanted.empty()) return -1;
    for (std::size_t i = 0; i < criteria.size(); ++i)
        if (normalise(criteria[i].id) == wanted || (!criteria[i].name.empty() && normalise(criteria[i].name) == wanted))
            return static_cast<int>(i);
    return -1;
}

bool score_field(std::string_view header, const std::vector<Criterion>& criteria, Guess& guess) {
    if (int c = matching_criterion(header, criteria); c >= 0) {
        guess = {{CsvField::score, 0, criteria[c].id}, 0};
        return true;
    }
    const std::string_view rest = after_score_prefix(header);
    if (rest.empty()) return false;
    const int c = matching_criterion(rest, criteria);
    std::string id = c >= 0 ? criteria[c].id : criterion_id_from(rest);
    if (id.empty()) return false;
    guess = {{CsvField::score, 0, std::move(id)}, 0};
    return true;
}

Guess guess_column(std::string_view header, const std::vector<Criterion>& criteria) {
    const std::string normalised = normalise(header);
    Guess guess;
    if (normalised.empty()) return guess;
    if (single_field(normalised, guess) || year_field(normalised, guess) || score_field(header, criteria, guess))
        return guess;
    return Guess{};
}

int parse_year(std::string_view text) {
    const int year = detail::parse_year_key(text);
    return year >= 1000 ? year : 0;
}

}  // namespace

// [SECTION] public -------------------------------------------------------------------

std::string to_string(const ColumnTarget& target) {
    switch (target.field) {
        case CsvField::ignore: return "ignore";
        case CsvField::id: return "id";
        case CsvField::name: return "name";
        case CsvField::segment: return "segment";
        case CsvField::region: return "region";
        case CsvField::status: return "status";
        case CsvField::key: return "key";
        case CsvField::revenue: return "revenue_" + std::to_string(target.year);
        case CsvField::wallet: return "wallet_" + std::to_string(target.year);
        case CsvField::score: return "score_" + target.criterion;
    }
    return "ignore";
}

bool parse_column_target(std::string_view text, ColumnTarget& out) {
    std::string lower;
    for (char c : trim_spaces(text)) lower += ascii_lower(c);
    static const std::map<std::string, CsvField, std::less<>> kPlain = {
        {"", CsvField::ignore},       {"-", CsvField::ignore},       {"ignore", CsvField::ignore},
        {"id", CsvField::id},         {"name", CsvField::name},      {"naam", CsvField::name},
        {"segment", CsvField::segment}, {"region", CsvField::region}, {"regio", CsvField::region},
        {"status", CsvField::status}, {"key", CsvField::key}};
    if (auto it = kPlain.find(lower); it != kPlain.end()) {
        out = ColumnTarget{it->second, 0, {}};
        return true;
    }
    const std::size_t underscore = lower.find('_');
    if (underscore == std::string::npos) return false;
    const std::string_view word = std::string_view(lower).substr(0, underscore);
    const std::string_view rest = std::string_view(lower).substr(underscore + 1);
    if (word == "score") {
        if (!detail::is_criterion_id(rest)) return false;
        out = ColumnTarget{CsvField::score, 0, std::string(rest)};
        return true;
    }
    const int year = parse_year(rest);
    if (year == 0) return false;
    if (word == "revenue" || word == "omzet") out = ColumnTarget{CsvField::revenue, year, {}};
    else if (word == "wallet" || word == "potentieel") out = ColumnTarget{CsvField::wallet, year, {}};
    else return false;
    return true;
}

CsvMapping guess_mapping(const std::vector<std::string>& header, const std::vector<Criterion>& criteria) {
    CsvMapping mapping;
    mapping.columns.resize(header.size());
    std::vector<int> tiers(header.size(), 0);
    std::map<std::string, std::size_t> holder;   // target spelling -> the column that has it
    for (std::size_t column = 0; column < header.size(); ++column) {
        Guess guess = guess_column(header[column], criteria);
        if (guess.target.field == CsvField::ignore) continue;
        const auto [it, fresh] = holder.emplace(to_string(guess.target), column);
        if (!fresh) {
            if (tiers[it->second] <= guess.tier) continue;   // the earlier one is as specific
            mapping.columns[it->second] = ColumnTarget{};
            it->second = column;
        }
        mapping.columns[column] = std::move(guess.target);
        tiers[column] = guess.tier;
    }
    return mapping;
}

void assign(CsvMapping& mapping, std::size_t column, const ColumnTarget& target) {
    if (mapping.columns.size() <= column) mapping.columns.resize(column + 1);
    if (target.field != CsvField::ignore)
        for (ColumnTarget& other : mapping.columns)
            if (other == target) other = ColumnTarget{};
    mapping.columns[column] = target;
}

int find_column(const std::vector<std::string>& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return static_cast<int>(i);
    const std::string wanted = normalise(name);
    if (wanted.empty()) return -1;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (normalise(header[i]) == wanted) return static_cast<int>(i);
    return -1;
}

std::string criterion_name_from_header(std::string_view header) {
    const std::string_view rest = after_score_prefix(header);
    return std::string(rest.empty() ? trim_spaces(header) : rest);
}

std::string criterion_id_from_header(std::string_view header) {
    return criterion_id_from(criterion_name_from_header(header));
}

}  // namespace kc
