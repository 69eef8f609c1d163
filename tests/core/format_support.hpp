// Helpers for the format tests: reading shared files, finding errors by place, comparing
// JSON by value, and generating portfolios in C++ (so no test needs python or a big
// checked-in file). Header-only: each test file includes what it uses.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/format.hpp"

namespace kc::test {

inline std::string shared_path(std::string_view relative) {
    return std::string(KC_SHARED_DIR) + "/" + std::string(relative);
}

// The whole file, or "" when it cannot be read (tests check the size where it matters).
inline std::string slurp(const std::string& path) {
    std::string bytes;
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return bytes;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) bytes.append(buffer, n);
    std::fclose(f);
    return bytes;
}

// Files in `dir` whose names end with `suffix`, sorted (directory order is not stable).
inline std::vector<std::string> files_in(const std::string& dir, std::string_view suffix) {
    std::vector<std::string> paths;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
        const std::string path = entry.path().string();
        if (path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0)
            paths.push_back(path);
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

inline std::string file_name(const std::string& path) {
    return std::filesystem::path(path).filename().string();
}

// "place: message" of every problem, for readable failure output.
inline std::string listing(const Problems& problems) {
    std::string text;
    for (const auto& p : problems) text += p.place + ": " + p.message + " [" + p.code + "]\n";
    return text;
}

// The first problem at exactly `place`, or nullptr.
inline const Problem* at_place(const Problems& problems, std::string_view place) {
    for (const auto& p : problems)
        if (p.place == place) return &p;
    return nullptr;
}

// "LINE:COLUMN" with both numbers ≥ 1.
inline bool is_text_place(std::string_view place) {
    const std::size_t colon = place.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == place.size()) return false;
    auto all_digits = [](std::string_view s) {
        return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }) && s[0] != '0';
    };
    return all_digits(place.substr(0, colon)) && all_digits(place.substr(colon + 1));
}

// Parsed as a plain (unordered) nlohmann::json: key order does not matter and
// numbers compare by value (100 == 100.0). Discarded when not JSON.
inline nlohmann::json as_value(std::string_view text) {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
}

// [SECTION] generated portfolios ----------------------------------------------------

// Deterministic pseudo-random numbers (the same on every platform, unlike <random>'s
// distributions).
class Lcg {
public:
    explicit Lcg(std::uint64_t seed) : state_(seed * 6364136223846793005ULL + 1442695040888963407ULL) {}
    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state_ >> 33);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }
    bool chance(std::uint32_t percent) { return below(100) < percent; }

private:
    std::uint64_t state_;
};

struct GeneratorOptions {
    std::size_t accounts = 50;
    std::uint64_t seed = 1;
    bool criteria_after_accounts = false;   // the spec allows any member order
    bool compact = false;                   // no whitespace, as big exports are
    std::size_t note_length = 0;            // > 0: every account gets notes this long
};

// A valid format-1 portfolio that uses every field of the spec, unknown members at
// every level, escapes, non-ASCII text and numbers written in several styles.
inline std::string generated_portfolio(const GeneratorOptions& options) {
    Lcg rng(options.seed);
    const char* nl = options.compact ? "" : "\n";
    std::string out;
    out.reserve(options.accounts * 600 + 2000);
    static const char* kNames[] = {"Bakkerij", "Café \\\"De Hoek\\\"", "Zuivel 中文", "Hôtel 🍀",
                                   "Back\\\\slash", "Tab\\tName", "Slash/Tilde~", "Königlich Essen"};
    static const char* kAmounts[] = {"1234.5", "1e3", "100.0", "0", "0.1", "987654.32", "12", "2.5E2", "7.125"};
    static const char* kStatuses[] = {"active", "inactive", "prospect", "suspect"};
    static const char* kRoles[] = {"initiator", "user", "influencer", "decider", "buyer", "gatekeeper"};
    static const char* kAttitudes[] = {"supporter", "neutral", "opponent"};
    static const char* kEvalStatuses[] = {"on_track", "at_risk", "off_track"};
    auto amount = [&] { return std::string(kAmounts[rng.below(9)]); };

    const std::string criteria =
        std::string("\"criteria\":[") +
        "{\"id\":\"revenue\",\"name\":\"Omzet\",\"weight\":3,\"min\":1,\"max\":5,\"axis\":\"attractiveness\",\"x_c\":{\"a\":[1]}}," +
        "{\"id\":\"fit\",\"weight\":0.5,\"min\":0,\"max\":10,\"axis\":\"position\"}," +
        "{\"id\":\"ref-2\",\"axis\":null},{\"id\":\"plain\"}]," + nl;

    out += "{\"kamcanvas\":1,";
    out += nl;
    out += "\"x_top\":{\"nested\":[1,2.5,-3,{\"deep\":null}],\"e\":\"\\u00e9\\n\",\"big\":12345678901234567890},";
    out += nl;
    out += "\"portfolio\":{\"name\":\"Gen ~/ \\\"quoted\\\"\",\"supplier\":\"Zuivelhoeve\",\"currency\":\"EUR\","
           "\"year\":2025,\"pyramid\":{\"top\":1.5,\"large\":4,\"medium\":15,\"x_p\":true},"
           "\"matrix\":{\"x_threshold\":40,\"y_threshold\":60.5},\"x_port\":[]},";
    out += nl;
    if (!options.criteria_after_accounts) out += criteria;
    out += "\"accounts\":[";
    out += nl;
    for (std::size_t i = 0; i < options.accounts; ++i) {
        if (i > 0) {
            out += ",";
            out += nl;
        }
        out += "{\"id\":\"ACC-" + std::to_string(i) + "\",\"name\":\"" + kNames[rng.below(8)] + " " +
               std::to_string(i) + "\"";
        if (rng.chance(70)) out += std::string(",\"status\":\"") + kStatuses[rng.below(4)] + "\"";
        if (rng.chance(60)) out += ",\"segment\":\"Retail\",\"region\":\"Noord\"";
        if (rng.chance(50)) out += rng.chance(20) ? ",\"products\":[]" : ",\"products\":[\"Kaas\",\"Melk\"]";
        if (rng.chance(85)) {
            out += ",\"revenue\":{";
            out += "\"2023\":" + amount() + ",\"2025\":" + amount();
            if (rng.chance(30)) out += ",\"2024\":" + amount();   // years out of order
            out += "}";
        }
        if (rng.chance(50)) out += ",\"wallet\":{\"2025\":" + amount() + "}";
        if (rng.chance(90)) {
            out += ",\"scores\":{";
            bool first = true;
            for (const char* id : {"revenue", "fit", "ref-2", "plain"}) {
                if (rng.chance(15)) continue;
                if (!first) out += ",";
                first = false;
                const bool wide = std::string_view(id) == "fit";
                out += std::string("\"") + id + "\":" + std::to_string(rng.below(wide ? 11 : 5) + (wide ? 0 : 1));
            }
            out += "}";
        }
        if (rng.chance(40)) out += rng.chance(50) ? ",\"key\":true" : ",\"key\":false";
        if (rng.chance(50)) out += rng.chance(50) ? ",\"goal\":\"retention\"" : ",\"goal\":\"growth\"";
        if (rng.chance(30))
            out += ",\"targets\":{\"2026\":{\"revenue\":" + amount() +
                   ",\"share_of_wallet\":0.25,\"x_t\":1},\"2025\":{\"share_of_wallet\":1}}";
        if (rng.chance(30)) {
            out += ",\"team\":[{\"name\":\"Sanne de Vries\",\"function\":\"Accountmanager\",\"role\":\"account manager\"},"
                   "{\"name\":\"Joost\",\"x_m\":[]}]";
            out += std::string(",\"contacts\":[{\"name\":\"Contact ") + std::to_string(i) +
                   "\",\"function\":\"Inkoper\",\"role\":\"" + kRoles[rng.below(6)] + "\",\"attitude\":\"" +
                   kAttitudes[rng.below(3)] + "\",\"covered_by\":[\"Sanne de Vries\"]},{\"name\":\"Other\",\"covered_by\":[]}]";
        }
        if (rng.chance(20))
            out += std::string(",\"evaluations\":[{\"date\":\"2024-02-29\",\"note\":\"Geëvalueerd\",\"status\":\"") +
                   kEvalStatuses[rng.below(3)] + "\",\"x_ev\":\"kept\"},{\"date\":\"2025-12-31\"}]";
        if (options.note_length > 0) {
            out += ",\"notes\":\"";
            for (std::size_t k = 0; k < options.note_length; ++k) out += static_cast<char>('a' + k % 26);
            out += "\"";
        } else if (rng.chance(30)) {
            out += ",\"notes\":\"line 1\\nline 2\\u0001\"";
        }
        if (rng.chance(10)) out += ",\"x_crm\":{\"system\":\"legacy\",\"key\":" + std::to_string(i) + ",\"f\":0.5}";
        out += "}";
    }
    out += "],";
    out += nl;
    if (options.criteria_after_accounts) out += criteria;
    out += "\"organisation\":{\"level\":\"line\",\"form\":\"decentral\",\"basis\":\"geography\",\"notes\":\"n\",\"x_o\":{}},";
    out += nl;
    out += "\"core\":{\"choice\":{\"notes\":\"c\",\"done\":true,\"checks\":{\"fits_strategy\":true,\"long_term\":false},"
           "\"x_ch\":1},\"organisation\":{\"done\":false},\"results\":{\"notes\":\"r\"},"
           "\"evaluation\":{\"notes\":\"e\",\"done\":false,\"interval_months\":3,\"next\":\"2026-02-28\",\"x_e\":\"k\"},"
           "\"x_core\":null},";
    out += nl;
    out += "\"x_last\":\"end\"}";
    out += nl;
    return out;
}

}  // namespace kc::test
