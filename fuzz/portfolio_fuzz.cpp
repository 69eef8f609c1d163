// libFuzzer target: read_portfolio on any bytes, then everything the app does next with a
// portfolio that reads: warnings, saving, opening the saved file again, the analysis and
// its JSON report; and PortfolioStream on the same bytes in pieces, which must give the
// same or leave the bytes to read_portfolio. A crash, a sanitizer report, a hang, or a broken promise of
// src/core/format.hpp (checked below) is a finding. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/analysis.hpp"
#include "core/format.hpp"
#include "core/read_stream.hpp"
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

// The bytes in pieces whose sizes come from the bytes themselves (so the fuzzer varies
// them too): whatever the stream reads, it reads as read_portfolio did.
void check_stream(std::string_view input, const kc::ReadResult& whole) {
    kc::PortfolioStream stream(input.size());
    const std::size_t piece = 1 + (input.empty() ? 0 : static_cast<unsigned char>(input[0]) % 64);
    for (std::size_t at = 0; at < input.size(); at += piece)
        if (!stream.feed(input.substr(at, piece))) break;
    const std::optional<kc::ReadResult> streamed = stream.finish();
    if (!streamed) return;
    require(same_problems(streamed->errors, whole.errors), "the stream finds read_portfolio's errors");
    require(same_problems(streamed->warnings, whole.warnings), "the stream gives read_portfolio's warnings");
    require(streamed->portfolio.has_value() == whole.portfolio.has_value(), "the stream reads what read_portfolio reads");
    if (whole.portfolio)
        require(kc::write_portfolio(*streamed->portfolio) == kc::write_portfolio(*whole.portfolio),
                "the stream reads the same portfolio");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const kc::ReadResult read = kc::read_portfolio(input);
    check_stream(input, read);
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
