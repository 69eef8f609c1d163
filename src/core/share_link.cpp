// read_share_link (see share_link.hpp): the checks in the order a link is unpacked, each
// with its own message.
#include "share_link.hpp"

#include <array>
#include <cstdint>

#include "inflate.hpp"
#include "json_text.hpp"

namespace kc {
namespace {

constexpr std::string_view kFragmentPrefix = "#p=";

// Each byte's 6-bit value in the base64url alphabet, or -1.
constexpr std::array<std::int8_t, 256> base64url_values() {
    std::array<std::int8_t, 256> values{};
    values.fill(-1);
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        values[static_cast<unsigned char>(alphabet[i])] = static_cast<std::int8_t>(i);
    return values;
}
constexpr std::array<std::int8_t, 256> kBase64UrlValue = base64url_values();

int base64url_value(char c) { return kBase64UrlValue[static_cast<unsigned char>(c)]; }

ShareLinkResult refuse(ShareLinkError error, std::string message) {
    ShareLinkResult result;
    result.error = error;
    result.message = std::move(message);
    return result;
}

// "character 12 ('%')", or "character 12 (byte 0xE2)" for what cannot be shown as it is.
std::string describe_character(std::string_view data, std::size_t at) {
    const auto byte = static_cast<unsigned char>(data[at]);
    std::string text = "character " + std::to_string(at + 1) + " (";
    if (byte >= 0x21 && byte < 0x7F) {
        text += '\'';
        text += static_cast<char>(byte);
        text += '\'';
    } else {
        static constexpr char kHex[] = "0123456789ABCDEF";
        text += "byte 0x";
        text += kHex[byte >> 4];
        text += kHex[byte & 0xF];
    }
    return text + ")";
}

ShareLinkResult refuse_inflate(const InflateResult& inflated) {
    switch (inflated.status) {
        case InflateStatus::truncated:
            return refuse(ShareLinkError::cut_off, "the link is cut off: its data ends before the portfolio does");
        case InflateStatus::too_big:
            return refuse(ShareLinkError::too_big, "the link unpacks to more than " +
                                                       std::to_string(kShareLinkMaxText / (1024 * 1024)) + " MB");
        case InflateStatus::trailing:
            return refuse(ShareLinkError::corrupt, "the link is damaged: it carries data after the portfolio's end");
        case InflateStatus::corrupt:
        case InflateStatus::ok:
            break;
    }
    return refuse(ShareLinkError::corrupt, "the link is damaged: its data cannot be unpacked (" + inflated.reason + ")");
}

}  // namespace

std::string encode_base64url(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string text;
    std::uint32_t bits = 0;
    int pending = 0;
    for (char c : bytes) {
        bits = (bits << 8) | static_cast<unsigned char>(c);
        pending += 8;
        while (pending >= 6) {
            pending -= 6;
            text += kAlphabet[(bits >> pending) & 63u];
        }
    }
    if (pending > 0) text += kAlphabet[(bits << (6 - pending)) & 63u];
    return text;
}

bool decode_base64url(std::string_view text, std::string& bytes) {
    bytes.clear();
    if (text.size() % 4 == 1) return false;
    bytes.reserve(text.size() / 4 * 3 + 2);
    std::uint32_t bits = 0;   // bits read and not yet written, lowest `pending` of them
    int pending = 0;
    for (char c : text) {
        const int value = base64url_value(c);
        if (value < 0) return false;
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        pending += 6;
        if (pending >= 8) {
            pending -= 8;
            bytes += static_cast<char>((bits >> pending) & 0xFFu);
        }
    }
    // What is left (2 or 4 bits) only pads the last character; an encoder writes zeros.
    // Anything else means a second text decodes to the same bytes: not this link.
    return (bits & ((1u << pending) - 1u)) == 0;
}

ShareLinkResult read_share_link(std::string_view fragment_or_data) {
    std::string_view data = fragment_or_data;
    if (!data.empty() && data.front() == '#') {
        if (data.substr(0, kFragmentPrefix.size()) != kFragmentPrefix)
            return refuse(ShareLinkError::not_a_link, "the address holds no kamcanvas link (#p=…)");
        data.remove_prefix(kFragmentPrefix.size());
    }
    if (data.empty()) return refuse(ShareLinkError::no_data, "the link carries no data");
    if (data.size() > kShareLinkMaxData)
        return refuse(ShareLinkError::too_long, "the link carries " + std::to_string(data.size()) +
                                                    " characters; at most " + std::to_string(kShareLinkMaxData) +
                                                    " are read");
    for (std::size_t i = 0; i < data.size(); ++i)
        if (base64url_value(data[i]) < 0)
            return refuse(ShareLinkError::not_base64url,
                          "the link is damaged: " + describe_character(data, i) + " is not base64url");
    if (data.size() % 4 == 1)
        return refuse(ShareLinkError::cut_off, "the link is cut off (its length cannot be base64url)");

    std::string deflated;
    if (!decode_base64url(data, deflated))
        return refuse(ShareLinkError::not_base64url, "the link is damaged: its last character is not base64url as written");

    InflateResult inflated = inflate_raw(deflated, kShareLinkMaxText);
    if (!inflated.ok()) return refuse_inflate(inflated);
    if (!is_valid_utf8(inflated.output))
        return refuse(ShareLinkError::not_utf8, "the link is damaged: its text is not UTF-8");

    ShareLinkResult result;
    result.text = std::move(inflated.output);
    return result;
}

const char* to_string(ShareLinkError error) {
    switch (error) {
        case ShareLinkError::none: return "none";
        case ShareLinkError::not_a_link: return "not_a_link";
        case ShareLinkError::no_data: return "no_data";
        case ShareLinkError::too_long: return "too_long";
        case ShareLinkError::not_base64url: return "not_base64url";
        case ShareLinkError::cut_off: return "cut_off";
        case ShareLinkError::too_big: return "too_big";
        case ShareLinkError::corrupt: return "corrupt";
        case ShareLinkError::not_utf8: return "not_utf8";
    }
    return "unknown";
}

}  // namespace kc
