// read_share_link and inflate_raw: links made by the real encoders (the browser's
// CompressionStream through share.js, node's zlib: share_link_fixtures.hpp) give back the
// files they were made from, byte for byte; streams built here bit by bit reach each
// kind of block and each check of RFC 1951; every kind of broken link is refused with its
// own error; a deflate bomb stops at the limit; every cut and many bit flips of a real
// link end in a refusal or in text, never in a crash or a read outside the input.
#include <doctest/doctest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "core/inflate.hpp"
#include "core/json_text.hpp"
#include "core/share_link.hpp"
#include "format_support.hpp"
#include "share_link_fixtures.hpp"

using namespace kc;

namespace {

// DEFLATE's bit order (RFC 1951 3.1.1): fields lowest bit first, Huffman codes highest
// bit first, each byte filled from its lowest bit.
class BitWriter {
public:
    void bits(unsigned value, int count) {
        for (int i = 0; i < count; ++i) put((value >> i) & 1u);
    }
    void code(unsigned code, int length) {
        for (int i = length - 1; i >= 0; --i) put((code >> i) & 1u);
    }
    void align() { used_ = 0; }
    void byte(std::uint8_t value) {
        align();
        bytes_ += static_cast<char>(value);
    }
    void raw(std::initializer_list<unsigned> values) {
        for (unsigned value : values) byte(static_cast<std::uint8_t>(value));
    }
    std::string bytes() const { return bytes_; }

private:
    void put(unsigned bit) {
        if (used_ == 0) bytes_ += '\0';
        bytes_.back() = static_cast<char>(static_cast<unsigned char>(bytes_.back()) | (bit << used_));
        used_ = (used_ + 1) % 8;
    }
    std::string bytes_;
    int used_ = 0;
};

// The fixed Huffman code of a literal/length symbol (3.2.6).
void fixed_symbol(BitWriter& out, unsigned symbol) {
    if (symbol < 144) out.code(0x30 + symbol, 8);
    else if (symbol < 256) out.code(0x190 + symbol - 144, 9);
    else if (symbol < 280) out.code(symbol - 256, 7);
    else out.code(0xC0 + symbol - 280, 8);
}

// One final fixed-Huffman block of `text` as literals.
std::string fixed_block_of(std::string_view text) {
    BitWriter out;
    out.bits(1, 1);
    out.bits(1, 2);
    for (char c : text) fixed_symbol(out, static_cast<unsigned char>(c));
    fixed_symbol(out, 256);
    return out.bytes();
}

// A dynamic-Huffman bomb: one zero byte, then `copies` times <length 258, distance 1> at 3
// bits each (1 + 258 × copies bytes out). Its literal/length code has three symbols: 0
// ("0"), end of block ("10") and length 258 ("11"); its distance code the one symbol 0 ("0").
std::string zero_bomb(int copies) {
    BitWriter out;
    out.bits(1, 1);            // final block
    out.bits(2, 2);            // dynamic Huffman
    out.bits(286 - 257, 5);    // HLIT: literal/length codes 0..285
    out.bits(1 - 1, 5);        // HDIST: distance code 0 only
    out.bits(18 - 4, 4);       // HCLEN: the first 18 entries of the order 16 17 18 0 8 7 9 6 10 5 11 4 12 3 13 2 14 1
    // Code length code: 18 → "0", 1 → "10", 2 → "11".
    const unsigned order_lengths[18] = {0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2};
    for (unsigned length : order_lengths) out.bits(length, 3);
    auto zeros = [&](unsigned count) {   // 11..138 zero lengths
        out.code(0, 1);
        out.bits(count - 11, 7);
    };
    out.code(2, 2);    // symbol 0: length 1
    zeros(138);        // symbols 1..138
    zeros(117);        // symbols 139..255
    out.code(3, 2);    // symbol 256: length 2
    zeros(28);         // symbols 257..284
    out.code(3, 2);    // symbol 285: length 2
    out.code(2, 2);    // distance symbol 0: length 1
    out.code(0, 1);    // literal 0
    for (int i = 0; i < copies; ++i) {
        out.code(3, 2);   // length 258
        out.code(0, 1);   // distance 1
    }
    out.code(2, 2);       // end of block
    return out.bytes();
}

std::string fixture_text(const test::ShareLinkFixture& fixture) {
    return fixture.in_repo ? test::slurp(std::string(KC_REPO_DIR) + "/" + fixture.file)
                           : test::slurp(test::shared_path(fixture.file));
}

const test::ShareLinkFixture& fixture(std::string_view name) {
    for (const auto& f : test::kShareLinkFixtures)
        if (f.name == name) return f;
    FAIL("no fixture " << name);
    return test::kShareLinkFixtures[0];
}

// The block type (BTYPE) of a stream's first block.
unsigned first_block_type(std::string_view data) {
    std::string bytes;
    REQUIRE(decode_base64url(data, bytes));
    REQUIRE_FALSE(bytes.empty());
    return (static_cast<unsigned char>(bytes[0]) >> 1) & 3u;
}

// A result keeps its promise: an error with a message and no text, or text and no message.
void check_consistent(const ShareLinkResult& result) {
    if (result.ok()) {
        CHECK(result.message.empty());
        CHECK(is_valid_utf8(result.text));
        CHECK(result.text.size() <= kShareLinkMaxText);
    } else {
        CHECK_FALSE(result.message.empty());
        CHECK(result.text.empty());
    }
}

ShareLinkError error_of(std::string_view link) {
    const ShareLinkResult result = read_share_link(link);
    check_consistent(result);
    return result.error;
}

}  // namespace

// [SECTION] links made by real encoders ---------------------------------------------------

TEST_CASE("share link: links made by the browser and by zlib give back their file byte for byte") {
    for (const auto& f : test::kShareLinkFixtures) {
        INFO(f.name << " (" << f.made_by << ")");
        const std::string expected = fixture_text(f);
        REQUIRE_FALSE(expected.empty());
        const ShareLinkResult from_data = read_share_link(f.data);
        REQUIRE_MESSAGE(from_data.ok(), from_data.message);
        CHECK(from_data.text == expected);
        const ShareLinkResult from_fragment = read_share_link("#p=" + std::string(f.data));
        REQUIRE_MESSAGE(from_fragment.ok(), from_fragment.message);
        CHECK(from_fragment.text == expected);
    }
}

TEST_CASE("share link: the fixtures reach stored, fixed and dynamic blocks") {
    CHECK(first_block_type(fixture("stored_unicode").data) == 0);
    CHECK(first_block_type(fixture("fixed_unicode").data) == 1);
    CHECK(first_block_type(fixture("dynamic_ties").data) == 2);
    CHECK(first_block_type(fixture("browser_synthetic_40").data) == 2);
}

TEST_CASE("share link: the deflated empty text is an empty portfolio text, not an error") {
    const ShareLinkResult result = read_share_link(test::kEmptyTextLink);
    REQUIRE_MESSAGE(result.ok(), result.message);
    CHECK(result.text.empty());
}

// [SECTION] streams built bit by bit -------------------------------------------------------

TEST_CASE("inflate: blocks of each type, one after the other") {
    SUBCASE("two stored blocks") {
        BitWriter out;
        out.bits(0, 1);
        out.bits(0, 2);
        out.raw({2, 0, 0xFD, 0xFF, 'a', 'b'});
        out.bits(1, 1);
        out.bits(0, 2);
        out.raw({1, 0, 0xFE, 0xFF, 'c'});
        const InflateResult result = inflate_raw(out.bytes(), 100);
        REQUIRE(result.ok());
        CHECK(result.output == "abc");
    }
    SUBCASE("a fixed block, then a stored one") {
        BitWriter out;
        out.bits(0, 1);
        out.bits(1, 2);
        for (char c : std::string_view("xyz")) fixed_symbol(out, static_cast<unsigned char>(c));
        fixed_symbol(out, 257);    // length 3
        out.code(2, 5);            // distance 3
        fixed_symbol(out, 256);
        out.bits(1, 1);
        out.bits(0, 2);
        out.raw({0, 0, 0xFF, 0xFF});   // an empty stored block
        const InflateResult result = inflate_raw(out.bytes(), 100);
        REQUIRE_MESSAGE(result.ok(), result.reason);
        CHECK(result.output == "xyzxyz");
    }
    SUBCASE("a copy that overlaps what it writes") {
        BitWriter out;
        out.bits(1, 1);
        out.bits(1, 2);
        fixed_symbol(out, 'a');
        fixed_symbol(out, 'b');
        fixed_symbol(out, 265);   // length 11 + 1 extra bit
        out.bits(1, 1);           // → 12
        out.code(1, 5);           // distance 2
        fixed_symbol(out, 256);
        const InflateResult result = inflate_raw(out.bytes(), 100);
        REQUIRE_MESSAGE(result.ok(), result.reason);
        CHECK(result.output == "ab" + std::string("abababababab"));
    }
}

TEST_CASE("inflate: every broken stream is refused for its own reason") {
    auto corrupt_because = [](const std::string& stream, std::string_view why) {
        const InflateResult result = inflate_raw(stream, 1000);
        CHECK(result.status == InflateStatus::corrupt);
        CHECK_MESSAGE(result.reason.find(why) != std::string::npos, result.reason);
        CHECK(result.output.empty());
    };
    BitWriter type3;
    type3.bits(1, 1);
    type3.bits(3, 2);
    corrupt_because(type3.bytes(), "block type 3");

    BitWriter bad_check;
    bad_check.bits(1, 1);
    bad_check.bits(0, 2);
    bad_check.raw({3, 0, 0, 0, 'a', 'b', 'c'});
    corrupt_because(bad_check.bytes(), "length and its check differ");

    BitWriter too_far;
    too_far.bits(1, 1);
    too_far.bits(1, 2);
    fixed_symbol(too_far, 'a');
    fixed_symbol(too_far, 257);
    too_far.code(1, 5);   // distance 2, with 1 byte written
    fixed_symbol(too_far, 256);
    corrupt_because(too_far.bytes(), "distance 2 reaches before the start");

    BitWriter length_286;
    length_286.bits(1, 1);
    length_286.bits(1, 2);
    fixed_symbol(length_286, 'a');
    fixed_symbol(length_286, 286);
    corrupt_because(length_286.bytes(), "invalid length symbol 286");

    BitWriter distance_30;
    distance_30.bits(1, 1);
    distance_30.bits(1, 2);
    fixed_symbol(distance_30, 'a');
    fixed_symbol(distance_30, 257);
    distance_30.code(30, 5);
    corrupt_because(distance_30.bytes(), "invalid distance symbol 30");

    // Dynamic headers: HLIT, HDIST, HCLEN, then the code length code's lengths (3 bits each).
    auto dynamic = [](unsigned hlit, unsigned hdist, std::vector<unsigned> order_lengths) {
        BitWriter out;
        out.bits(1, 1);
        out.bits(2, 2);
        out.bits(hlit, 5);
        out.bits(hdist, 5);
        out.bits(static_cast<unsigned>(order_lengths.size()) - 4, 4);
        for (unsigned length : order_lengths) out.bits(length, 3);
        return out;
    };
    corrupt_because(dynamic(30, 0, {0, 0, 1, 1}).bytes(), "more than 286 literal/length codes");
    corrupt_because(dynamic(0, 30, {0, 0, 1, 1}).bytes(), "more than 30 distance codes");
    corrupt_because(dynamic(0, 0, {1, 1, 1, 1}).bytes(), "more codes of some length");
    corrupt_because(dynamic(0, 0, {0, 0, 1, 0}).bytes(), "code length code: an incomplete code");

    // 18 → "1", 2 → "0"; 256 zero lengths, then end of block and the distance code: 2 bits
    // each, so half the literal/length bit patterns have no symbol.
    std::vector<unsigned> lengths_18_and_2(16, 0);
    lengths_18_and_2[2] = lengths_18_and_2[15] = 1;
    BitWriter incomplete = dynamic(0, 0, lengths_18_and_2);
    incomplete.code(1, 1);
    incomplete.bits(138 - 11, 7);
    incomplete.code(1, 1);
    incomplete.bits(118 - 11, 7);
    incomplete.code(0, 1);
    incomplete.code(0, 1);
    corrupt_because(incomplete.bytes(), "literal/length code: an incomplete code");

    BitWriter repeat_first = dynamic(0, 0, {1, 0, 0, 1});   // 16 → "1", 0 → "0"
    repeat_first.code(1, 1);
    repeat_first.bits(0, 2);
    corrupt_because(repeat_first.bytes(), "before the first");

    // 18 → "1", 0 → "0". 258 lengths: 138 + 120 zeros, so symbol 256 has no code.
    BitWriter no_end = dynamic(0, 0, {0, 0, 1, 1});
    no_end.code(1, 1);
    no_end.bits(127, 7);
    no_end.code(1, 1);
    no_end.bits(120 - 11, 7);
    corrupt_because(no_end.bytes(), "no code for its end");

    BitWriter past_end = dynamic(0, 0, {0, 0, 1, 1});
    past_end.code(1, 1);
    past_end.bits(127, 7);
    past_end.code(1, 1);
    past_end.bits(127, 7);
    corrupt_because(past_end.bytes(), "past the end of the table");
}

TEST_CASE("inflate: a stream that stops early is truncated, one with more after its end is refused") {
    CHECK(inflate_raw("", 100).status == InflateStatus::truncated);
    const std::string abc = fixed_block_of("abc");
    for (std::size_t cut = 0; cut < abc.size(); ++cut)
        CHECK(inflate_raw(abc.substr(0, cut), 100).status == InflateStatus::truncated);
    BitWriter short_stored;
    short_stored.bits(1, 1);
    short_stored.bits(0, 2);
    short_stored.raw({10, 0, 0xF5, 0xFF, 'a', 'b'});
    CHECK(inflate_raw(short_stored.bytes(), 100).status == InflateStatus::truncated);

    const InflateResult trailing = inflate_raw(abc + "\x01", 100);
    CHECK(trailing.status == InflateStatus::trailing);
    CHECK(trailing.output.empty());
    CHECK(read_share_link(encode_base64url(abc + "\x01")).error == ShareLinkError::corrupt);
}

TEST_CASE("inflate: the output stops at the limit, not a byte later") {
    const std::string bomb = zero_bomb(1000);   // 258,001 zero bytes
    const InflateResult exact = inflate_raw(bomb, 258001);
    REQUIRE_MESSAGE(exact.ok(), exact.reason);
    CHECK(exact.output == std::string(258001, '\0'));
    const InflateResult over = inflate_raw(bomb, 258000);
    CHECK(over.status == InflateStatus::too_big);
    CHECK(over.output.empty());
    CHECK(over.output.capacity() < 1000);   // nothing was allocated for what was refused
    CHECK(inflate_raw(fixed_block_of("abc"), 2).status == InflateStatus::too_big);
    CHECK(inflate_raw(fixed_block_of("abc"), 3).ok());
}

// [SECTION] broken links ------------------------------------------------------------------

TEST_CASE("share link: each broken link is refused with its own error and a message") {
    CHECK(error_of("#q=AAAA") == ShareLinkError::not_a_link);
    CHECK(error_of("#") == ShareLinkError::not_a_link);
    CHECK(error_of("#p=") == ShareLinkError::no_data);
    CHECK(error_of("") == ShareLinkError::no_data);
    CHECK(error_of("#p=" + std::string(kShareLinkMaxData + 1, 'A')) == ShareLinkError::too_long);
    CHECK(error_of(std::string(kShareLinkMaxData + 1, 'A')) == ShareLinkError::too_long);
    // Exactly at the limit the data is read (and 32,000 'A's are zero bytes: not deflate).
    CHECK(error_of(std::string(kShareLinkMaxData, 'A')) == ShareLinkError::corrupt);

    for (std::string_view bad : {"AAAA+/==", "AA=", "AA AA", "%E2%82%AC", "\xC3\xBC\xE2\x82\xAC", "AA\nAA", "AA.A"}) {
        INFO(bad);
        CHECK(error_of(bad) == ShareLinkError::not_base64url);
    }
    CHECK(read_share_link("#p=ab%cd").message == "the link is damaged: character 3 ('%') is not base64url");
    CHECK(read_share_link("abc\xFF").message == "the link is damaged: character 4 (byte 0xFF) is not base64url");

    CHECK(error_of("#p=a") == ShareLinkError::cut_off);
    CHECK(error_of("AAAAA") == ShareLinkError::cut_off);
    // "AB": 12 bits, the last 4 not zero: no encoder writes it.
    CHECK(error_of("AB") == ShareLinkError::not_base64url);
    CHECK(error_of(encode_base64url(fixed_block_of("{}")).substr(0, 4)) == ShareLinkError::cut_off);

    // {"é"} in Latin-1.
    const ShareLinkResult latin1 = read_share_link(encode_base64url(fixed_block_of("{\"\xE9\"}")));
    CHECK(latin1.error == ShareLinkError::not_utf8);
    CHECK(latin1.message == "the link is damaged: its text is not UTF-8");

    BitWriter type3;
    type3.bits(1, 1);
    type3.bits(3, 2);
    const ShareLinkResult corrupt = read_share_link(encode_base64url(type3.bytes()));
    CHECK(corrupt.error == ShareLinkError::corrupt);
    CHECK(corrupt.message == "the link is damaged: its data cannot be unpacked (invalid block type 3)");
}

TEST_CASE("share link: a deflate bomb that fits in a link stops at 8 MB") {
    const int copies = static_cast<int>(kShareLinkMaxText / 258) + 1;   // 1 + 258 × copies > 8 MB
    const std::string link = encode_base64url(zero_bomb(copies));
    REQUIRE(link.size() <= kShareLinkMaxData);
    const ShareLinkResult result = read_share_link("#p=" + link);
    CHECK(result.error == ShareLinkError::too_big);
    CHECK(result.message == "the link unpacks to more than 8 MB");
    CHECK(result.text.capacity() < 1000);

    // One copy fewer is 8,388,355 bytes: under the limit, and NUL bytes are UTF-8.
    const ShareLinkResult under = read_share_link(encode_base64url(zero_bomb(copies - 1)));
    REQUIRE_MESSAGE(under.ok(), under.message);
    CHECK(under.text.size() == 1 + 258u * static_cast<unsigned>(copies - 1));
}

TEST_CASE("share link: every cut of a real link is refused") {
    const std::string data(fixture("browser_synthetic_40").data);
    for (std::size_t cut = 0; cut < data.size(); ++cut) {
        const ShareLinkError error = error_of(data.substr(0, cut));
        if (error != ShareLinkError::cut_off && error != ShareLinkError::not_base64url && error != ShareLinkError::no_data) {
            FAIL_CHECK("cut at " << cut << ": " << to_string(error));
            break;
        }
    }
}

TEST_CASE("share link: a bit flipped in a real link is refused or gives other text, never more") {
    for (std::string_view name : {"browser_unicode", "browser_synthetic_40"}) {
        INFO(name);
        const test::ShareLinkFixture& f = fixture(name);
        const std::string original = fixture_text(f);
        std::string bytes;
        REQUIRE(decode_base64url(f.data, bytes));
        // Every bit of the small link; every 7th of the big one (about 3,500 flips).
        const std::size_t step = bytes.size() < 1000 ? 1 : 7;
        int refused = 0, read = 0;
        for (std::size_t bit = 0; bit < bytes.size() * 8; bit += step) {
            std::string flipped = bytes;
            flipped[bit / 8] = static_cast<char>(flipped[bit / 8] ^ (1 << (bit % 8)));
            const ShareLinkResult result = read_share_link(encode_base64url(flipped));
            check_consistent(result);
            if (!result.ok()) {
                ++refused;
            } else if (result.text != original) {
                ++read;
            } else {
                // Deflate has no checksum, but every bit up to the end of the stream counts:
                // only the padding after the end-of-block code, in the last byte, changes nothing.
                INFO("bit " << bit << " of " << bytes.size() * 8);
                CHECK(bit / 8 == bytes.size() - 1);
            }
        }
        MESSAGE(name << ": " << refused << " flips refused, " << read << " read as other text");
        // A flipped Huffman code often is another valid code: both outcomes occur.
        CHECK(refused > 0);
        CHECK(read > 0);
    }
}
