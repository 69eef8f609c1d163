// HTML escaping of text from the file (html.hpp).
#include "html.hpp"

#include "json_text.hpp"

namespace kc {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";   // U+FFFD

// The reference for an ASCII character that must not appear as itself, or "".
std::string_view reference_for(char c, bool attribute) {
    switch (c) {
        case '&': return "&amp;";
        case '<': return "&lt;";
        case '>': return "&gt;";
        case '"': return "&quot;";
        case '\'': return "&#39;";
        default: break;
    }
    if (!attribute) return "";
    switch (c) {
        case '`': return "&#96;";
        case '\t': return "&#9;";
        case '\n': return "&#10;";
        case '\r': return "&#13;";
        default: return "";
    }
}

bool is_forbidden_control(unsigned char c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F;
}

void append_escaped(std::string& out, std::string_view text, bool attribute) {
    out.reserve(out.size() + text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            if (std::string_view reference = reference_for(text[i], attribute); !reference.empty()) out += reference;
            else if (is_forbidden_control(byte)) out += kReplacement;
            else out += text[i];
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(text, i);
        // U+0080..U+009F are C2 80..C2 9F: the C1 controls.
        const bool c1_control = length == 2 && byte == 0xC2 && static_cast<unsigned char>(text[i + 1]) < 0xA0;
        if (length == 0 || c1_control) {
            out += kReplacement;
            i += length == 0 ? 1 : length;
            continue;
        }
        out.append(text.substr(i, length));
        i += length;
    }
}

}  // namespace

void append_html_text(std::string& out, std::string_view text) { append_escaped(out, text, false); }

std::string html_text(std::string_view text) {
    std::string out;
    append_html_text(out, text);
    return out;
}

void append_html_attribute(std::string& out, std::string_view text) { append_escaped(out, text, true); }

std::string html_attribute(std::string_view text) {
    std::string out;
    append_html_attribute(out, text);
    return out;
}

}  // namespace kc
