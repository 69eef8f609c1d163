// libFuzzer target: read_portfolio on any bytes, then everything the app does next with a
// portfolio that reads: warnings, saving, opening the saved file again, the analysis and
// its JSON report. A crash, a sanitizer report, a hang, or a broken promise of
// src/core/format.hpp (checked below) is a finding. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/analysis.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"

namespace {

// A broken promise is a finding like a crash: abort, so libFuzzer keeps the input.
void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

bool same_problems(const kc::Problems& a, const kc::Problems& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].place != b[i].place || a[i].message != b[i].message || a[i].code != b[i].code) return false;
    return true;
}

void check_refusal(const kc::ReadResult& read) {
    require(!read.portfolio.has_value(), "a refused file gives no portfolio");
    for (const auto& error : read.errors) {
        require(!error.place.empty(), "every error has a place");
        require(!error.message.empty(), "every error has a message");
    }
}

// Saving and opening again gives the same portfolio: the same text when saved once more,
// the same JSON value as the input (key order and number spelling aside), the same warnings.
void check_round_trip(std::string_view input, const kc::Portfolio& portfolio) {
    const std::string written = kc::write_portfolio(portfolio);
    const kc::ReadResult again = kc::read_portfolio(written);
    require(again.ok(), "a written portfolio reads back");
    require(kc::write_portfolio(*again.portfolio) == written, "writing what was read back gives the same text");
    require(same_problems(kc::check_warnings(*again.portfolio), kc::check_warnings(portfolio)),
            "a round trip keeps the warnings");
    const auto input_value = nlohmann::json::parse(input.begin(), input.end(), nullptr, false);
    if (!input_value.is_discarded())
        require(nlohmann::json::parse(written, nullptr, false) == input_value, "a round trip keeps every value");
}

void check_analysis(const kc::Portfolio& portfolio) {
    const kc::Report report = kc::analyze(portfolio);
    require(report.accounts == static_cast<int>(portfolio.accounts.size()), "every account is analysed");
    const std::string text = kc::report_json_text(report, portfolio);
    require(!nlohmann::json::parse(text, nullptr, false).is_discarded(), "the report is JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const kc::ReadResult read = kc::read_portfolio(input);
    if (!read.ok()) {
        check_refusal(read);
        return 0;
    }
    require(read.portfolio.has_value(), "a file without errors gives a portfolio");
    require(same_problems(read.warnings, kc::check_warnings(*read.portfolio)),
            "the reader's warnings are check_warnings'");
    check_round_trip(input, *read.portfolio);
    check_analysis(*read.portfolio);
    return 0;
}
