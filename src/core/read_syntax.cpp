// Places and messages for JSON syntax errors (see read_syntax.hpp).
//
// nlohmann's messages are precise but written for programmers ("syntax error while
// parsing object - unexpected end of input; expected '}'"); users get the same facts
// in fewer, plainer words, with the character that was found.
#include "read_syntax.hpp"

#include <array>
#include <cstdio>
#include <utility>

#include "json_text.hpp"

namespace kc::detail {

std::string text_place(std::string_view input, std::size_t offset) {
    if (offset > input.size()) offset = input.size();
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const unsigned char c = static_cast<unsigned char>(input[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {   // not a UTF-8 continuation byte
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string describe_character_at(std::string_view input, std::size_t offset) {
    if (offset >= input.size()) return "end of input";
    const unsigned char c = static_cast<unsigned char>(input[offset]);
    char buffer[48];
    if (c < 0x20 || c == 0x7F) {
        std::snprintf(buffer, sizeof buffer, "control character U+%04X", c);
        return buffer;
    }
    std::size_t n = utf8_sequence_length(input, offset);
    if (n == 0) {
        std::snprintf(buffer, sizeof buffer, "byte 0x%02X (not UTF-8)", c);
        return buffer;
    }
    std::string quoted(1, '\'');
    quoted.append(input.substr(offset, n));
    quoted += '\'';
    return quoted;
}

namespace {

void replace_all(std::string& text, std::string_view from, std::string_view to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// Drops "; last read: '...'" (raw bytes, possibly not UTF-8): the caller names the
// offending character itself.
void drop_last_read(std::string& text) {
    const std::string_view marker = "; last read: '";
    std::size_t start = text.find(marker);
    if (start == std::string::npos) return;
    std::size_t end = text.find("'; expected", start + marker.size());
    if (end == std::string::npos) text.erase(start);
    else text.erase(start, end + 1 - start);
}

}  // namespace

std::string syntax_message(std::string_view what, std::string_view input, std::size_t offset) {
    // "...: syntax error while parsing CONTEXT - DETAIL"
    std::string_view context;
    std::string detail(what);
    const std::string_view lead = "syntax error while parsing ";
    if (std::size_t at = what.find(lead); at != std::string_view::npos) {
        std::string_view rest = what.substr(at + lead.size());
        std::size_t dash = rest.find(" - ");
        if (dash != std::string_view::npos) {
            context = rest.substr(0, dash);
            detail = std::string(rest.substr(dash + 3));
        }
    } else if (std::size_t colon = what.find("] "); colon != std::string_view::npos) {
        detail = std::string(what.substr(colon + 2));   // other kinds: drop the "[json.exception...]"
    }
    drop_last_read(detail);

    // After a member or an element, a ',' is as welcome as the closing bracket.
    if (context == "object") replace_all(detail, "expected '}'", "expected ',' or '}'");
    if (context == "array") replace_all(detail, "expected ']'", "expected ',' or ']'");
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 11> kPlainer = {{
        {"'[', '{', or a literal", "a value"},
        {"unexpected string literal", "unexpected string"},
        {"unexpected number literal", "unexpected number"},
        {"string literal", "a string"},
        {"number literal", "a number"},
        {"true literal", "'true'"},
        {"false literal", "'false'"},
        {"null literal", "'null'"},
        {"; expected end of input", "; expected nothing more after the JSON value"},
        {"invalid literal", "invalid value"},
        {"ill-formed UTF-8 byte", "not valid UTF-8"},
    }};
    for (const auto& [from, to] : kPlainer) replace_all(detail, from, to);
    if (context == "object key") replace_all(detail, "expected a string", "expected a key in double quotes");

    if (detail.find("not valid UTF-8") != std::string::npos) {
        char byte[8];
        const unsigned char bad = offset < input.size() ? static_cast<unsigned char>(input[offset]) : 0;
        std::snprintf(byte, sizeof byte, "0x%02X", bad);
        return std::string("text is not valid UTF-8 (byte ") + byte + "); save the file as UTF-8";
    }
    if (detail.rfind("invalid value; expected nothing more", 0) == 0)
        detail = "unexpected text after the JSON value";
    // "unexpected X" and "control character U+..." already say what was found;
    // otherwise name the character.
    if (detail.rfind("unexpected", 0) != 0 && detail.find("control character") == std::string::npos)
        detail += "; found " + describe_character_at(input, offset);
    return detail;
}

std::size_t error_offset(std::string_view what, std::string_view input, std::size_t offset) {
    if (what.find("ill-formed UTF-8") == std::string_view::npos || offset > input.size()) return offset;
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(input[i]); };
    for (std::size_t back = 1; back <= 3 && back <= offset; ++back) {
        const std::size_t i = offset - back;
        if (byte(i) < 0x80) break;            // ASCII: the bad sequence starts after it
        if (byte(i) < 0xC0) continue;         // a continuation byte: look further back
        const std::size_t length = utf8_sequence_length(input, i);
        if (length == 0) return i;            // a lead byte whose sequence is broken
        break;                                // a good sequence ends before `offset`
    }
    return offset;
}

std::size_t offset_of_too_deep(std::string_view input, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return input.size();
}

}  // namespace kc::detail

namespace kc::detail {

std::size_t count_accounts_hint(std::string_view input) {
    constexpr std::string_view kAccountsKey = "\"accounts\"";
    std::size_t depth = 0, count = 0;
    bool last_string_was_accounts = false;   // at depth 1: the key before a '['
    bool in_accounts = false;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const char c = input[i];
        if (c == '"') {
            const std::size_t start = i;
            for (++i; i < input.size() && input[i] != '"'; ++i)
                if (input[i] == '\\') ++i;
            if (depth == 1) last_string_was_accounts = input.substr(start, i + 1 - start) == kAccountsKey;
        } else if (c == '[' || c == '{') {
            if (depth == 1 && c == '[') in_accounts = last_string_was_accounts;
            else if (depth == 2 && c == '{' && in_accounts) ++count;
            ++depth;
        } else if ((c == ']' || c == '}') && depth > 0) {
            if (--depth == 1) in_accounts = false;
        }
    }
    return count;
}

}  // namespace kc::detail
