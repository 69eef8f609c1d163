// Small pieces of JSON text shared by the reader, the writer and the report printer:
// string escaping, number formatting, JSON Pointer segments and values quoted in messages.
//
// Numbers: an integral double below 2^53 is written as an integer ("100", not "100.0");
// anything else as the shortest text that reads back to the same double.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kc {

// Appends `text` as a JSON string literal: quotes, `"` `\` and control characters
// escaped, everything else (é, 中, emoji) as UTF-8. Invalid UTF-8 becomes U+FFFD so
// the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

// Appends a JSON number; NaN and infinities (which JSON cannot hold) become `null`.
void append_json_number(std::string& out, double value);
void append_json_integer(std::string& out, std::int64_t value);
void append_json_unsigned(std::string& out, std::uint64_t value);
std::string json_number(double value);

// Appends "/" and `key` escaped per RFC 6901 (`~` -> `~0`, `/` -> `~1`).
void append_pointer_segment(std::string& out, std::string_view key);

// `text` as a JSON string for an error message, cut to about 60 characters with "…".
std::string quote_for_message(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Length in bytes of the well-formed UTF-8 sequence starting at text[i], or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Appends the UTF-8 bytes of the code point `code` (at most U+10FFFF, not a surrogate).
void append_utf8(std::string& out, std::uint32_t code);

}  // namespace kc
