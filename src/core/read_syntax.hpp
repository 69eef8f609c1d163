// Text-level help for the reader: turning a byte offset into "LINE:COLUMN", nlohmann's
// parse errors into plain sentences, and quick scans of the raw text. Internal to the reader.
//
// Columns count UTF-8 code points, so "é" is one column, as in any editor.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kc::detail {

// "LINE:COLUMN" (both from 1) of the byte at `offset`; offset == input.size() is
// the position just after the last character.
std::string text_place(std::string_view input, std::size_t offset);

// A plain-words version of nlohmann's parse_error text (`what`), naming what was
// found at `offset` when that helps.
std::string syntax_message(std::string_view what, std::string_view input, std::size_t offset);

// Offset of the first '[' or '{' that opens level `max_depth + 1`, or input.size()
// when the input never nests that deep. Only meaningful for input that is valid
// JSON up to that point (the parser has checked it).
std::size_t offset_of_too_deep(std::string_view input, std::size_t max_depth);

// Where to place an error the parser found at `offset`: for ill-formed UTF-8 the
// parser stops inside the bad sequence; the user wants to see where it starts.
std::size_t error_offset(std::string_view what, std::string_view input, std::size_t offset);

// About how many objects the top-level "accounts" array holds, from a quick scan of
// the text (strings skipped, nesting counted). Only a hint for reserving memory: one
// vector of the right size instead of growing and copying it a dozen times.
std::size_t count_accounts_hint(std::string_view input);

// What the character at `offset` is, for messages: "'x'", "end of input",
// "control character U+0009", "byte 0xFF (not UTF-8)".
std::string describe_character_at(std::string_view input, std::size_t offset);

}  // namespace kc::detail
