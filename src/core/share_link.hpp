// Reading a share link: the portfolio text carried in a URL fragment.
//
// A link is the page's address + "#p=" + base64url (RFC 4648 §5, no padding) of the
// portfolio text deflated raw (RFC 1951), as the browser's CompressionStream('deflate-raw')
// writes it (src/web/share.js makes links; this reads them, in the app and in tests).
// Browsers never send the fragment to a server.
//
// Anything is input: a link typed by hand, cut off in a mail, or made to hurt. Each step
// is checked and refused with a message in plain words, in this order: the "#p=" prefix,
// at most kShareLinkMaxData characters, only base64url characters in a length base64url
// can have (with the unused bits of the last character zero), a complete deflate stream
// that inflates to at most kShareLinkMaxText bytes (nothing is allocated for more), and
// UTF-8 text. The text is then a file like any other: read_portfolio checks the rest.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kc {

// The most characters of data a link may carry (32,000: a link stays usable in mail,
// chat and address bars; about 24 KB deflated, a portfolio of a few hundred accounts).
// src/web/share.js refuses to make a longer one.
constexpr std::size_t kShareLinkMaxData = 32000;
// The most bytes a link may inflate to: deflate reaches about 1:1000, so 32,000
// characters could otherwise unpack to tens of megabytes.
constexpr std::size_t kShareLinkMaxText = 8 * 1024 * 1024;

enum class ShareLinkError {
    none,
    not_a_link,      // a fragment that does not start with "#p="
    no_data,         // "#p=" and nothing after it
    too_long,        // more than kShareLinkMaxData characters of data
    not_base64url,   // a character outside A-Z a-z 0-9 - _, or stray bits in the last one
    cut_off,         // a length base64url cannot have, or the deflate stream ends early
    too_big,         // inflates to more than kShareLinkMaxText bytes
    corrupt,         // not a valid deflate stream, or bytes after its end
    not_utf8,        // the inflated bytes are not UTF-8 text
};

struct ShareLinkResult {
    ShareLinkError error = ShareLinkError::none;
    std::string text;      // the portfolio text when ok; empty otherwise
    std::string message;   // why not, for the user ("the link is cut off: …"); empty when ok

    bool ok() const { return error == ShareLinkError::none; }
};

// Reads a link's fragment ("#p=…", as location.hash gives it) or its data alone (what
// follows "#p="): a text that starts with '#' is taken as a fragment.
ShareLinkResult read_share_link(std::string_view fragment_or_data);

// "not_base64url", "too_big", …: a stable word for the UI and tests.
const char* to_string(ShareLinkError error);

// base64url without padding (RFC 4648 §5) → bytes; false when `text` is not exactly
// that (a character outside the alphabet, a length of 1 mod 4, stray bits at the end).
bool decode_base64url(std::string_view text, std::string& bytes);
// bytes → base64url without padding: the inverse of decode_base64url (links themselves are
// made in the browser; tests and the fuzz target make theirs with this).
std::string encode_base64url(std::string_view bytes);

}  // namespace kc
