// PortfolioStream (read_stream.hpp): a push parser for JSON text that arrives in pieces,
// feeding the same SAX handler as read_portfolio (detail::PortfolioReader), so that both
// build the model in one way.
//
// nlohmann's parser pulls its input and cannot stop in the middle of a piece, so this one
// keeps all its state between pieces: the lexer's (inside a string, an escape, a UTF-8
// sequence, a number, a literal) and the parser's (open containers, what may come next).
// It accepts exactly well-formed JSON (RFC 8259) and produces the events nlohmann's
// sax_parse produces for it, numbers classified and converted as nlohmann does (strtoull,
// strtoll, strtod). Anything it does not accept makes it give up, and read_portfolio
// decides; so it may only ever be stricter than nlohmann, never looser.
#include "read_stream.hpp"

#include <cerrno>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "json_text.hpp"
#include "read_handler.hpp"

namespace kc {

namespace {

// What may come next, between tokens.
enum class Expect : std::uint8_t {
    value,                // start of the text, after ':' and after ',' in an array
    value_or_end_array,   // after '['
    key_or_end_object,    // after '{'
    key,                  // after ',' in an object
    colon,                // after a key
    comma_or_end,         // after a value inside a container
    nothing,              // after the top-level value: only white space
};

// Where the lexer is: between tokens or inside one.
enum class Lex : std::uint8_t {
    bom,            // the start: an optional UTF-8 byte order mark
    between,
    string,
    escape,         // after '\' in a string
    hex,            // the four digits of \uXXXX
    low_backslash,  // after a high surrogate's \uXXXX: its low half's '\' must follow
    low_u,          // ... then 'u'
    number,
    literal,
};

// States of a number's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
enum class Num : std::uint8_t { minus, zero, integer, dot, fraction, exp, exp_sign, exponent };

bool number_can_end(Num n) {
    return n == Num::zero || n == Num::integer || n == Num::fraction || n == Num::exponent;
}

bool is_white(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// A byte that stands for itself inside a string: printable ASCII but '"' and '\'.
bool is_plain(unsigned char c) { return c >= 0x20 && c < 0x80 && c != '"' && c != '\\'; }

int hex_value(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// After this many accounts the reader's pace tells how many the rest of the file holds.
constexpr std::size_t kAccountsBeforeEstimate = 256;

}  // namespace

struct PortfolioStream::Impl {
    explicit Impl(std::size_t expected) : reader(std::string_view{}), expected_size(expected) {}

    detail::PortfolioReader reader;
    std::size_t expected_size;
    std::size_t bytes = 0;
    bool failed = false;    // not well-formed, or beyond what this parser decides: read_portfolio's turn
    bool stopped = false;   // the reader stopped the parse (too many errors, too deep)

    Lex lex = Lex::bom;
    Expect expect = Expect::value;
    std::vector<bool> in_object;   // the open containers, innermost last
    bool string_is_key = false;
    std::string text;              // the string, number or literal being read
    // Inside a string: the UTF-8 continuation bytes still due and the range of the next.
    int utf8_due = 0;
    unsigned char utf8_low = 0x80, utf8_high = 0xBF;
    // \uXXXX: digits read, value so far, and a high surrogate waiting for its low half.
    int hex_digits = 0;
    std::uint32_t code = 0;
    std::uint32_t high_surrogate = 0;
    Num num = Num::minus;
    std::string_view literal;      // "true", "false" or "null"; text.size() bytes matched

    // Each returns the position after what it consumed, or null when parsing must stop
    // (failed or stopped is then set).
    const char* between(const char* p, const char* end);
    const char* in_string(const char* p, const char* end);
    const char* in_escape(const char* p);
    const char* in_hex(const char* p, const char* end);
    const char* in_surrogate_gap(const char* p);
    const char* in_number(const char* p, const char* end);
    const char* in_literal(const char* p, const char* end);

    void feed(const char* p, const char* end);
    bool value_allowed() const { return expect == Expect::value || expect == Expect::value_or_end_array; }
    void after_value() { expect = in_object.empty() ? Expect::nothing : Expect::comma_or_end; }
    const char* fail() {
        failed = true;
        return nullptr;
    }
    // The handler's answer: false stops the parse, as it stops nlohmann's.
    bool handled(bool go_on) {
        if (!go_on) stopped = true;
        return go_on;
    }
    bool end_string();
    bool end_number();
    void reserve_by_pace(std::size_t last_piece);
};

void PortfolioStream::Impl::feed(const char* p, const char* end) {
    while (p && p < end) {
        switch (lex) {
            case Lex::bom: {
                // Only a whole mark is skipped; a text starting with part of one is not JSON.
                while (p < end && text.size() < kBom.size() && *p == kBom[text.size()]) text += *p++;
                if (p == end && text.size() < kBom.size()) return;
                if (text.size() != 0 && text.size() != kBom.size()) p = fail();
                text.clear();
                lex = Lex::between;
                break;
            }
            case Lex::between: p = between(p, end); break;
            case Lex::string: p = in_string(p, end); break;
            case Lex::escape: p = in_escape(p); break;
            case Lex::hex: p = in_hex(p, end); break;
            case Lex::low_backslash:
            case Lex::low_u: p = in_surrogate_gap(p); break;
            case Lex::number: p = in_number(p, end); break;
            case Lex::literal: p = in_literal(p, end); break;
        }
    }
}

const char* PortfolioStream::Impl::between(const char* p, const char* end) {
    while (p < end && is_white(static_cast<unsigned char>(*p))) ++p;
    if (p == end) return p;
    const char c = *p;
    switch (c) {
        case '{':
        case '[': {
            if (!value_allowed()) return fail();
            const bool object = c == '{';
            if (!handled(object ? reader.start_object(std::size_t(-1)) : reader.start_array(std::size_t(-1))))
                return nullptr;
            in_object.push_back(object);
            expect = object ? Expect::key_or_end_object : Expect::value_or_end_array;
            return p + 1;
        }
        case '}':
        case ']': {
            const bool object = c == '}';
            const bool empty_ok = expect == (object ? Expect::key_or_end_object : Expect::value_or_end_array);
            const bool after_value_ok = expect == Expect::comma_or_end && in_object.back() == object;
            if (!empty_ok && !after_value_ok) return fail();
            if (!handled(object ? reader.end_object() : reader.end_array())) return nullptr;
            in_object.pop_back();
            after_value();
            return p + 1;
        }
        case ',':
            if (expect != Expect::comma_or_end) return fail();
            expect = in_object.back() ? Expect::key : Expect::value;
            return p + 1;
        case ':':
            if (expect != Expect::colon) return fail();
            expect = Expect::value;
            return p + 1;
        case '"':
            if (expect == Expect::key || expect == Expect::key_or_end_object) string_is_key = true;
            else if (value_allowed()) string_is_key = false;
            else return fail();
            text.clear();
            lex = Lex::string;
            return p + 1;
        case 't':
        case 'f':
        case 'n':
            if (!value_allowed()) return fail();
            literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
            text.assign(1, c);
            lex = Lex::literal;
            return p + 1;
        default:
            if (c != '-' && (c < '0' || c > '9')) return fail();
            if (!value_allowed()) return fail();
            text.assign(1, c);
            num = c == '-' ? Num::minus : c == '0' ? Num::zero : Num::integer;
            lex = Lex::number;
            return p + 1;
    }
}

const char* PortfolioStream::Impl::in_string(const char* p, const char* end) {
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (utf8_due > 0) {
            if (c < utf8_low || c > utf8_high) return fail();
            text += static_cast<char>(c);
            utf8_low = 0x80;
            utf8_high = 0xBF;
            --utf8_due;
            ++p;
            continue;
        }
        const char* run = p;
        while (p < end && is_plain(static_cast<unsigned char>(*p))) ++p;
        text.append(run, p);
        if (p == end) break;
        const auto stop = static_cast<unsigned char>(*p++);
        if (stop == '"') {
            lex = Lex::between;
            return end_string() ? p : nullptr;
        }
        if (stop == '\\') {
            lex = Lex::escape;
            return p;
        }
        if (stop < 0x20) return fail();   // control characters must be escaped
        // A UTF-8 lead byte: how many continuation bytes follow, and the range of the first
        // (which rules out overlong forms, surrogates and code points beyond U+10FFFF).
        if (stop >= 0xC2 && stop <= 0xDF) utf8_due = 1;
        else if (stop == 0xE0) utf8_due = 2, utf8_low = 0xA0;
        else if (stop == 0xED) utf8_due = 2, utf8_high = 0x9F;
        else if (stop >= 0xE1 && stop <= 0xEF) utf8_due = 2;
        else if (stop == 0xF0) utf8_due = 3, utf8_low = 0x90;
        else if (stop >= 0xF1 && stop <= 0xF3) utf8_due = 3;
        else if (stop == 0xF4) utf8_due = 3, utf8_high = 0x8F;
        else return fail();
        text += static_cast<char>(stop);
    }
    return p;
}

const char* PortfolioStream::Impl::in_escape(const char* p) {
    char out = 0;
    switch (*p) {
        case '"': out = '"'; break;
        case '\\': out = '\\'; break;
        case '/': out = '/'; break;
        case 'b': out = '\b'; break;
        case 'f': out = '\f'; break;
        case 'n': out = '\n'; break;
        case 'r': out = '\r'; break;
        case 't': out = '\t'; break;
        case 'u':
            lex = Lex::hex;
            hex_digits = 0;
            code = 0;
            return p + 1;
        default: return fail();
    }
    text += out;
    lex = Lex::string;
    return p + 1;
}

// Between a high surrogate's \uXXXX and its low half's: "\u" must come.
const char* PortfolioStream::Impl::in_surrogate_gap(const char* p) {
    if (*p != (lex == Lex::low_backslash ? '\\' : 'u')) return fail();
    if (lex == Lex::low_backslash) {
        lex = Lex::low_u;
    } else {
        lex = Lex::hex;
        hex_digits = 0;
        code = 0;
    }
    return p + 1;
}

const char* PortfolioStream::Impl::in_hex(const char* p, const char* end) {
    for (; p < end && hex_digits < 4; ++p, ++hex_digits) {
        const int digit = hex_value(static_cast<unsigned char>(*p));
        if (digit < 0) return fail();
        code = code * 16 + static_cast<std::uint32_t>(digit);
    }
    if (hex_digits < 4) return p;
    const bool high = code >= 0xD800 && code <= 0xDBFF;
    const bool low = code >= 0xDC00 && code <= 0xDFFF;
    if (high_surrogate != 0) {
        if (!low) return fail();
        append_utf8(text, 0x10000 + ((high_surrogate - 0xD800) << 10) + (code - 0xDC00));
        high_surrogate = 0;
    } else if (high) {
        high_surrogate = code;
        lex = Lex::low_backslash;
        return p;
    } else if (low) {
        return fail();
    } else {
        append_utf8(text, code);
    }
    lex = Lex::string;
    return p;
}

// The number's next state with `c`, or false when `c` is not part of it.
bool continues(Num& n, char c) {
    const bool digit = c >= '0' && c <= '9';
    const bool exp = c == 'e' || c == 'E';
    switch (n) {
        case Num::minus: n = c == '0' ? Num::zero : Num::integer; return digit;
        case Num::zero: n = c == '.' ? Num::dot : Num::exp; return c == '.' || exp;
        case Num::integer: n = digit ? Num::integer : c == '.' ? Num::dot : Num::exp; return digit || c == '.' || exp;
        case Num::dot: n = Num::fraction; return digit;
        case Num::fraction: n = digit ? Num::fraction : Num::exp; return digit || exp;
        case Num::exp: n = digit ? Num::exponent : Num::exp_sign; return digit || c == '+' || c == '-';
        case Num::exp_sign:
        case Num::exponent: n = Num::exponent; return digit;
    }
    return false;
}

const char* PortfolioStream::Impl::in_number(const char* p, const char* end) {
    for (; p < end; ++p) {
        Num next = num;
        if (!continues(next, *p)) {
            // The number ends before this character, if its grammar lets it end here.
            if (!number_can_end(num)) return fail();
            lex = Lex::between;
            return end_number() ? p : nullptr;
        }
        num = next;
        text += *p;
    }
    return p;
}

const char* PortfolioStream::Impl::in_literal(const char* p, const char* end) {
    for (; p < end && text.size() < literal.size(); ++p) {
        if (*p != literal[text.size()]) return fail();
        text += *p;
    }
    if (text.size() < literal.size()) return p;
    lex = Lex::between;
    bool go_on = true;
    if (literal == "null") go_on = reader.null();
    else go_on = reader.boolean(literal == "true");
    if (!handled(go_on)) return nullptr;
    after_value();
    return p;
}

bool PortfolioStream::Impl::end_string() {
    if (string_is_key) {
        if (!handled(reader.key(text))) return false;
        expect = Expect::colon;
        return true;
    }
    if (!handled(reader.string(text))) return false;
    after_value();
    return true;
}

// Converted as nlohmann's lexer converts: an integer that fits 64 bits stays one,
// anything else is a double; one beyond a double's range is nlohmann's error 406.
bool PortfolioStream::Impl::end_number() {
    const bool integral = num == Num::zero || num == Num::integer;
    bool go_on = true;
    char* stop = nullptr;
    errno = 0;
    if (integral && text[0] != '-') {
        const unsigned long long value = std::strtoull(text.c_str(), &stop, 10);
        if (errno == 0) go_on = reader.number_unsigned(static_cast<std::uint64_t>(value));
    } else if (integral) {
        const long long value = std::strtoll(text.c_str(), &stop, 10);
        if (errno == 0) go_on = reader.number_integer(static_cast<std::int64_t>(value));
    }
    if (!integral || errno != 0) {
        const double value = std::strtod(text.c_str(), &stop);
        if (!std::isfinite(value)) return fail() != nullptr;   // read_portfolio names it
        go_on = reader.number_float(value, text);
    }
    if (!handled(go_on)) return false;
    after_value();
    return true;
}

// One vector of about the right size instead of a dozen copies while it grows (a vector
// that doubles at 100,000 accounts also holds twice their memory): the accounts read so
// far, scaled by the bytes still to come, with some room for a pace that changes. Made
// again, bigger, only when the pace turns out to need more than that room.
void PortfolioStream::Impl::reserve_by_pace(std::size_t last_piece) {
    const std::size_t read = reader.accounts_read();
    if (expected_size == 0 || bytes == 0 || read < kAccountsBeforeEstimate) return;
    const double pace = static_cast<double>(read) / static_cast<double>(bytes);
    const double expected = pace * static_cast<double>(std::max(expected_size, bytes));
    // Room for the next two pieces at least: the vector must not fill up inside a piece.
    const double needed = std::max(expected, static_cast<double>(read) + 2 * pace * static_cast<double>(last_piece));
    if (static_cast<double>(reader.accounts_reserved()) >= needed) return;
    // Never more than the text could hold: the smallest account takes 22 bytes.
    const double most = static_cast<double>(std::max(expected_size, bytes)) / 22;
    reader.plan_accounts(static_cast<std::size_t>(std::min(needed * 1.05 + 16, most)));
}

PortfolioStream::PortfolioStream(std::size_t expected_size) : impl_(std::make_unique<Impl>(expected_size)) {}
PortfolioStream::~PortfolioStream() = default;
PortfolioStream::PortfolioStream(PortfolioStream&&) noexcept = default;
PortfolioStream& PortfolioStream::operator=(PortfolioStream&&) noexcept = default;

bool PortfolioStream::feed(std::string_view piece) {
    Impl& s = *impl_;
    if (s.failed || s.stopped) return false;
    s.feed(piece.data(), piece.data() + piece.size());
    s.bytes += piece.size();
    s.reserve_by_pace(piece.size());
    return !s.failed && !s.stopped;
}

std::size_t PortfolioStream::bytes_read() const { return impl_->bytes; }

std::optional<ReadResult> PortfolioStream::finish() {
    Impl& s = *impl_;
    if (s.stopped) {
        if (s.reader.stopped_too_deep()) return std::nullopt;   // its place is found in the text
        return s.reader.finish(false);
    }
    if (!s.failed && s.lex == Lex::number) {
        if (!number_can_end(s.num)) return std::nullopt;
        s.lex = Lex::between;
        if (!s.end_number()) return s.stopped ? std::optional(s.reader.finish(false)) : std::nullopt;
    }
    if (s.failed || s.lex != Lex::between || s.expect != Expect::nothing) return std::nullopt;
    return s.reader.finish(true);
}

ReadResult read_portfolio_fast(std::string_view text) {
    PortfolioStream stream(text.size());
    stream.feed(text);
    if (auto read = stream.finish()) return std::move(*read);
    return read_portfolio(text);
}

}  // namespace kc
