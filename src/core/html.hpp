// Text from the file written into HTML: the printable account plan and portfolio plan are
// HTML pages the browser prints, and every name, note and label in them comes from a file
// anyone may have written. Escaped, a name like `<script>` shows as those nine characters.
//
// Both functions give valid UTF-8 (a byte that is not UTF-8 becomes U+FFFD) without the
// control characters HTML forbids (C0 controls other than tab, line feed, form feed and
// carriage return, DEL, and the C1 controls U+0080–U+009F, each also U+FFFD).
#pragma once

#include <string>
#include <string_view>

namespace kc {

// For element content (between tags): & < > " ' as character references.
void append_html_text(std::string& out, std::string_view text);
std::string html_text(std::string_view text);

// For an attribute value written between double or single quotes: as for content, plus
// the backtick and tab, line feed and carriage return as references, so the value is
// kept exactly (e.g. a multi-line note in a title attribute).
void append_html_attribute(std::string& out, std::string_view text);
std::string html_attribute(std::string_view text);

}  // namespace kc
