// Problems found in input: errors make a file unreadable, warnings are told to the user.
// Errors are values: nothing in core throws across its interface (the wasm build runs
// without exceptions in the reader's path).
#pragma once

#include <string>
#include <vector>

namespace kc {

enum class Severity { error, warning };

struct Problem {
    Severity severity = Severity::error;
    // Where: "LINE:COLUMN" for JSON syntax errors (both from 1), else a JSON Pointer
    // ("/accounts/3/revenue/2025"; the whole document is "/").
    std::string place;
    // What, in plain words, with the value found ("must be a number ≥ 0, got -5").
    std::string message;
    // What kind, as a stable word ("syntax", "missing_key", "revenue_above_wallet", ...):
    // lets the UI translate or group problems without parsing English messages.
    std::string code;
};

using Problems = std::vector<Problem>;

}  // namespace kc
