// html.hpp: text from the file made safe for the printable plans. Hostile names show as
// text, quotes cannot close an attribute, and what comes out is always valid UTF-8.
#include <doctest/doctest.h>

#include <string>

#include "core/html.hpp"
#include "core/json_text.hpp"

using namespace kc;

TEST_CASE("html: markup in names is shown as text") {
    CHECK(html_text("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    CHECK(html_text("Fish & Chips \"Deluxe\"") == "Fish &amp; Chips &quot;Deluxe&quot;");
    CHECK(html_text("&amp;") == "&amp;amp;");   // an entity in the data stays text too
    CHECK(html_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
    CHECK(html_text("<!-- -->") == "&lt;!-- --&gt;");
    CHECK(html_text("]]><![CDATA[") == "]]&gt;&lt;![CDATA[");
}

TEST_CASE("html: attribute values cannot be left") {
    CHECK(html_attribute("\" onmouseover=\"alert(1)") == "&quot; onmouseover=&quot;alert(1)");
    CHECK(html_attribute("' autofocus onfocus='x") == "&#39; autofocus onfocus=&#39;x");
    CHECK(html_attribute("`x`") == "&#96;x&#96;");
    CHECK(html_attribute("line 1\nline 2\ttab\r") == "line 1&#10;line 2&#9;tab&#13;");
    CHECK(html_text("line 1\nline 2\ttab") == "line 1\nline 2\ttab");   // in content they are just white space
}

TEST_CASE("html: any language passes unchanged") {
    for (const char* text : {"Café Zoë", "中文 名字", "🧀🥛", "Ünal — “quotes” ‘too’", "\xF4\x8F\xBF\xBF"}) {
        CHECK(html_text(text) == text);
        CHECK(html_attribute(text) == text);
    }
    CHECK(html_text("Müller GmbH & Co. KG") == "Müller GmbH &amp; Co. KG");
}

TEST_CASE("html: invalid UTF-8 and forbidden controls become U+FFFD") {
    const std::string replacement = "\xEF\xBF\xBD";
    CHECK(html_text("a\xFFz") == "a" + replacement + "z");
    CHECK(html_text("\xC3(") == replacement + "(");                       // a lead byte without its follower
    CHECK(html_text("\xC0\xAF") == replacement + replacement);            // an overlong '/'
    CHECK(html_text("\xED\xA0\x80") == replacement + replacement + replacement);   // a surrogate
    CHECK(html_text("\xE2\x82") == replacement + replacement);             // cut short at the end
    CHECK(html_text(std::string("a\0b", 3)) == "a" + replacement + "b");
    CHECK(html_text("\x01\x1B[31m\x7F") == replacement + replacement + "[31m" + replacement);
    CHECK(html_text("\xC2\x85\xC2\x9F\xC2\xA0") == replacement + replacement + "\xC2\xA0");   // C1, then NBSP
    CHECK(html_text("\f") == "\f");

    // Whatever goes in, valid UTF-8 without '<', '>' or a quote comes out (nor a backtick
    // in an attribute value).
    std::string every_byte;
    for (int b = 0; b < 256; ++b) every_byte += static_cast<char>(b);
    const std::string text = html_text(every_byte + every_byte);
    CHECK(is_valid_utf8(text));
    CHECK(text.find_first_of("<>\"'") == std::string::npos);
    const std::string attribute = html_attribute(every_byte + every_byte);
    CHECK(is_valid_utf8(attribute));
    CHECK(attribute.find_first_of("<>\"'`") == std::string::npos);
}

TEST_CASE("html: appending keeps what is there") {
    std::string page = "<td title=\"";
    append_html_attribute(page, "A&B");
    page += "\">";
    append_html_text(page, "<b>");
    page += "</td>";
    CHECK(page == "<td title=\"A&amp;B\">&lt;b&gt;</td>");
    CHECK(html_text("").empty());
}
