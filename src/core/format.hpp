// Reading and writing the portfolio file, format 1 (../shared/spec/portfolio-format.md).
//
// Bytes in, a Portfolio or every error out; a Portfolio in, bytes out. No I/O here:
// the CLI reads files, the browser passes what the user opened, tests pass strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model.hpp"
#include "problem.hpp"

namespace kc {

// The newest format this program reads and writes.
inline constexpr int kFormatVersion = 1;

// At least this many errors are reported before the reader stops listing them.
inline constexpr std::size_t kMaxErrors = 100;

struct ReadResult {
    std::optional<Portfolio> portfolio;   // set exactly when errors is empty
    Problems errors;                      // all of them, up to kMaxErrors
    Problems warnings;                    // only meaningful when the file was read
    bool ok() const { return errors.empty(); }
};

// Parses and validates. Never throws, never crashes, never recurses without bound
// (deep nesting, 1e400, invalid UTF-8, empty input, 100 MB input are all just input).
ReadResult read_portfolio(std::string_view bytes);

// The warnings of the spec for a portfolio already in memory (after edits, say).
Problems check_warnings(const Portfolio& portfolio);

// The extension `portfolio.matrix.labels` (docs/format-extensions.md) read from its JSON
// value; nullopt when the value does not have the extension's shape (the reader then
// keeps it as an unknown member, unused, and check_warnings says so).
std::optional<QuadrantLabels> quadrant_labels_from_json(const Json& value);

// Known keys in the spec's order, then the kept unknown ones; 2-space indent,
// UTF-8, trailing newline. read_portfolio(write_portfolio(p)) gives p back.
std::string write_portfolio(const Portfolio& portfolio);

}  // namespace kc
