// libFuzzer target: read_csv on any bytes, the guessed column mapping, and import_csv with
// each decimal mark; then what the app does with an imported portfolio: save it, open the
// saved file, analyse it. A crash, a sanitizer report, a hang, or a broken promise of
// src/core/csv.hpp and csv_import.hpp (checked below) is a finding. See fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/analysis.hpp"
#include "core/csv.hpp"
#include "core/csv_import.hpp"
#include "core/format.hpp"

namespace {

// A broken promise is a finding like a crash: abort, so libFuzzer keeps the input.
void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

// Well-formed UTF-8: no stray continuation bytes, no overlong forms, no surrogates,
// nothing above U+10FFFF.
bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        const unsigned char lead = byte(i);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                                                                                : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((byte(i + k) & 0xC0) != 0x80) return false;
        const unsigned char second = length > 1 ? byte(i + 1) : 0;
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) || (lead == 0xF0 && second < 0x90) ||
            (lead == 0xF4 && second > 0x8F))
            return false;
        i += length;
    }
    return true;
}

void check_row(const kc::CsvRow& row, int& previous_line) {
    require(row.line > previous_line, "rows come in line order, from line 1");
    previous_line = row.line;
    for (const auto& field : row.fields) require(is_utf8(field), "every field is UTF-8");
    for (const auto& problem : row.problems) require(!problem.message.empty(), "every problem has a message");
}

// An imported portfolio is a format-1 portfolio like any other: it saves, the saved file
// opens without errors, and it can be analysed.
void check_import(const kc::CsvImportResult& result) {
    require(result.refused <= result.rows, "no more rows refused than there are");
    if (!result.usable) return;
    require(result.portfolio.accounts.size() == static_cast<std::size_t>(result.rows - result.refused),
            "every row not refused is an account");
    const std::string written = kc::write_portfolio(result.portfolio);
    const kc::ReadResult read = kc::read_portfolio(written);
    require(read.ok(), "an imported portfolio saves to a file that opens");
    require(kc::write_portfolio(*read.portfolio) == written, "and that file saves to the same text");
    const kc::Report report = kc::analyze(*read.portfolio);
    require(report.accounts == static_cast<int>(result.portfolio.accounts.size()), "every account is analysed");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const kc::CsvTable table = kc::read_csv(input);
    int line = 0;
    if (!table.header.fields.empty()) check_row(table.header, line);
    for (const auto& row : table.rows) check_row(row, line);

    const kc::CsvMapping mapping = kc::guess_mapping(table.header.fields);
    require(mapping.columns.size() == table.header.fields.size(), "one target per header column");
    for (const auto mark : {kc::DecimalMark::detect, kc::DecimalMark::point, kc::DecimalMark::comma})
        check_import(kc::import_csv(table, mapping, {.decimal = mark}));
    return 0;
}
