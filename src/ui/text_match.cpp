// Case folding by code point (see text_match.hpp). Simple one-to-one folding, the kind
// a search box needs ("ß" stays "ß"). No fold makes the UTF-8 text longer.
#include "text_match.hpp"

#include <cstdint>

#include "core/json_text.hpp"

namespace kc::ui {
namespace {

// The small letter of `code`, or `code` itself.
std::uint32_t fold(std::uint32_t code) {
    if (code < 0x80) return (code >= 'A' && code <= 'Z') ? code + 32 : code;
    // Latin-1: À..Þ except × (U+00D7).
    if (code >= 0xC0 && code <= 0xDE && code != 0xD7) return code + 32;
    // Latin Extended-A: pairs capital/small, even/odd in two runs, odd/even in one.
    if (code == 0x130) return 'i';   // İ: its small letter is the plain i
    if (code >= 0x100 && code <= 0x137 && code != 0x131) return code | 1;
    if (code >= 0x139 && code <= 0x148) return (code & 1) ? code + 1 : code;
    if (code >= 0x14A && code <= 0x177) return code | 1;
    if (code == 0x178) return 0xFF;   // Ÿ
    if (code >= 0x179 && code <= 0x17E) return (code & 1) ? code + 1 : code;
    // Greek capitals (no U+03A2) and Cyrillic capitals.
    if (code >= 0x391 && code <= 0x3A9 && code != 0x3A2) return code + 32;
    if (code >= 0x410 && code <= 0x42F) return code + 32;
    if (code >= 0x400 && code <= 0x40F) return code + 80;
    return code;
}

// Decodes the code point at text[i] into `code` and returns its length in bytes; 0
// when the bytes there are not valid UTF-8.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& code) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const std::size_t length = byte < 0x80 ? 1 : (byte >> 5) == 0x6 ? 2 : (byte >> 4) == 0xE ? 3 : (byte >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) return 0;
    code = length == 1 ? byte : byte & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) return 0;
        code = (code << 6) | (next & 0x3Fu);
    }
    return length;
}

}  // namespace

void fold_case_into(std::string_view text, std::string& out) {
    std::size_t i = 0;
    while (i < text.size()) {
        // Plain ASCII runs are the common case: no decoding needed.
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            out += static_cast<char>((byte >= 'A' && byte <= 'Z') ? byte + 32 : byte);
            ++i;
            continue;
        }
        std::uint32_t code = 0;
        const std::size_t length = decode(text, i, code);
        if (length == 0) {
            out += text[i++];   // kept as is
            continue;
        }
        const std::uint32_t folded = fold(code);
        if (folded == code) out.append(text.substr(i, length));
        else append_utf8(out, folded);
        i += length;
    }
}

std::string fold_case(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    fold_case_into(text, out);
    return out;
}

bool contains_folded(std::string_view haystack, std::string_view folded_needle, std::string& scratch) {
    if (folded_needle.empty()) return true;
    if (haystack.size() < folded_needle.size()) return false;   // folding never makes text longer
    scratch.clear();
    fold_case_into(haystack, scratch);
    // A folded needle of whole code points can only match at code point starts, so a
    // byte search cannot match half a character.
    return scratch.find(folded_needle) != std::string::npos;
}

}  // namespace kc::ui
