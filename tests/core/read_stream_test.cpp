// PortfolioStream against read_portfolio: for every text it reads, whatever the pieces,
// the same errors, warnings and portfolio; it leaves to read_portfolio (nullopt) only
// text that is not well-formed JSON, nests too deep or holds a number beyond a double.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/read_stream.hpp"
#include "format_support.hpp"

namespace {

using kc::test::file_name;
using kc::test::files_in;
using kc::test::listing;
using kc::test::shared_path;
using kc::test::slurp;

// `text` fed in pieces of `piece` bytes; `expected_size` as a caller would pass it.
std::optional<kc::ReadResult> streamed(std::string_view text, std::size_t piece, std::size_t expected_size) {
    kc::PortfolioStream stream(expected_size);
    for (std::size_t at = 0; at < text.size(); at += piece)
        if (!stream.feed(text.substr(at, piece))) break;
    return stream.finish();
}

std::optional<kc::ReadResult> streamed(std::string_view text, std::size_t piece) {
    return streamed(text, piece, text.size());
}

// `text` cut at the given offsets (sorted, each ≤ text.size()).
std::optional<kc::ReadResult> streamed_at(std::string_view text, const std::vector<std::size_t>& cuts) {
    kc::PortfolioStream stream(text.size());
    std::size_t from = 0;
    for (std::size_t cut : cuts) {
        stream.feed(text.substr(from, cut - from));
        from = cut;
    }
    stream.feed(text.substr(from));
    return stream.finish();
}

std::string outcome(const kc::ReadResult& result) {
    std::string text = "errors:\n" + listing(result.errors) + "warnings:\n" + listing(result.warnings);
    if (result.portfolio) text += "portfolio:\n" + kc::write_portfolio(*result.portfolio);
    return text;
}

// The stream read `text` (when `must_read`) and, when it did, as read_portfolio does.
void check_as_read_portfolio(const std::string& name, std::string_view text, std::size_t piece, bool must_read) {
    CAPTURE(name);
    CAPTURE(piece);
    const std::optional<kc::ReadResult> result = streamed(text, piece);
    if (must_read) REQUIRE(result.has_value());
    if (result) CHECK(outcome(*result) == outcome(kc::read_portfolio(text)));
}

// Whether read_portfolio refused the text for its JSON (a line:column place), rather than
// for what the JSON says (a pointer place).
bool refused_as_json(std::string_view text) {
    const kc::ReadResult result = kc::read_portfolio(text);
    for (const kc::Problem& p : result.errors)
        if (p.code == "syntax" || p.code == "too_deep" || p.code == "number_too_large") return true;
    return false;
}

std::vector<std::string> portfolio_files() {
    std::vector<std::string> paths = files_in(shared_path("data/examples"), ".json");
    for (const std::string& path : files_in(shared_path("data/real"), ".json")) paths.push_back(path);
    return paths;
}

}  // namespace

TEST_CASE("stream: every example and real portfolio, in pieces of any size, as read_portfolio reads it") {
    const std::vector<std::string> paths = portfolio_files();
    REQUIRE(paths.size() >= 5);
    for (const std::string& path : paths) {
        const std::string text = slurp(path);
        REQUIRE(!text.empty());
        for (std::size_t piece : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{4096}, text.size()})
            check_as_read_portfolio(file_name(path), text, piece, true);
    }
}

TEST_CASE("stream: generated portfolios (escapes, non-ASCII, unknown members, number styles) cut anywhere") {
    kc::test::GeneratorOptions options;
    options.accounts = 300;
    for (int variant = 0; variant < 4; ++variant) {
        options.seed = static_cast<std::uint64_t>(variant + 1);
        options.compact = variant % 2 == 1;
        options.criteria_after_accounts = variant >= 2;
        options.note_length = variant == 3 ? 5000 : 0;
        const std::string text = kc::test::generated_portfolio(options);
        REQUIRE(kc::read_portfolio(text).ok());
        check_as_read_portfolio("generated " + std::to_string(variant), text, 1, true);
        check_as_read_portfolio("generated " + std::to_string(variant), text, 1000, true);

        kc::test::Lcg rng(options.seed);
        for (int trial = 0; trial < 20; ++trial) {
            std::vector<std::size_t> cuts;
            for (std::size_t at = rng.below(200); at < text.size(); at += 1 + rng.below(5000)) cuts.push_back(at);
            const std::optional<kc::ReadResult> result = streamed_at(text, cuts);
            REQUIRE(result.has_value());
            CHECK(outcome(*result) == outcome(kc::read_portfolio(text)));
        }
    }
}

TEST_CASE("stream: the files of shared/data/bad give read_portfolio's errors; only the one that is not JSON is left to it") {
    const std::vector<std::string> paths = files_in(shared_path("data/bad"), ".json");
    REQUIRE(paths.size() >= 10);
    int left = 0;
    for (const std::string& path : paths) {
        const std::string text = slurp(path);
        for (std::size_t piece : {std::size_t{1}, std::size_t{5}, text.size() + 1})
            check_as_read_portfolio(file_name(path), text, piece, !refused_as_json(text));
        if (!streamed(text, 7)) ++left;
    }
    CHECK(left == 1);   // truncated.json
}

TEST_CASE("stream: JSONTestSuite — every valid text read as read_portfolio reads it, every invalid one left to it") {
    const std::vector<std::string> paths = files_in(shared_path("data/peers/jsontestsuite/test_parsing"), ".json");
    REQUIRE(paths.size() > 300);
    for (const std::string& path : paths) {
        const std::string text = slurp(path);
        const std::string name = file_name(path);
        const bool valid = name[0] == 'y';
        for (std::size_t piece : {std::size_t{1}, std::size_t{2}, text.size() + 1}) {
            CAPTURE(name);
            CAPTURE(piece);
            const std::optional<kc::ReadResult> result = streamed(text, piece);
            // A valid text the reader refuses only as too deep or too large is left to it too.
            if (valid && !refused_as_json(text)) CHECK(result.has_value());
            if (name[0] == 'n') CHECK(!result.has_value());
            if (result) CHECK(outcome(*result) == outcome(kc::read_portfolio(text)));
        }
    }
}

TEST_CASE("stream: a byte order mark is skipped whole; part of one, NUL, nesting too deep and 1e400 are left to read_portfolio") {
    const std::string example = slurp(shared_path("data/examples/one-customer.json"));
    REQUIRE(!example.empty());
    check_as_read_portfolio("BOM", "\xEF\xBB\xBF" + example, 1, true);
    check_as_read_portfolio("BOM", "\xEF\xBB\xBF" + example, 2, true);
    CHECK(!streamed("\xEF\xBB" + example, 1));
    CHECK(!streamed("\xEF\xBB\xBF\xEF\xBB\xBF" + example, 4));   // nlohmann skips a second one; we leave it
    CHECK(!streamed(example + std::string(1, '\0'), 16));
    CHECK(!streamed(std::string(300, '[') + std::string(300, ']'), 64));
    CHECK(!streamed("{\"kamcanvas\":1,\"x\":" + std::string(300, '[') + std::string(300, ']') + "}", 64));
    CHECK(!streamed("{\"kamcanvas\":1e400}", 3));
    CHECK(!streamed("", 1));
    CHECK(!streamed("  \n", 1));
    CHECK(!streamed("{\"kamcanvas\":1,\"portfolio\":{\"name\":\"a\"}", 5));   // unclosed
    CHECK(!streamed("{\"kamcanvas\":1} x", 5));
    CHECK(!streamed("{\"kamcanvas\":01}", 5));
    CHECK(!streamed("{\"kamcanvas\":-}", 5));
    CHECK(!streamed("{\"kamcanvas\":1.}", 5));
    CHECK(!streamed("{\"kamcanvas\":tru}", 5));
    CHECK(!streamed("{\"a\":\"\\ud800\"}", 1));        // a lone high surrogate
    CHECK(!streamed("{\"a\":\"\\udc00\"}", 1));        // a lone low one
    CHECK(!streamed("{\"a\":\"\xC0\xAF\"}", 1));       // an overlong form
    CHECK(!streamed("{\"a\":\"\xED\xA0\x80\"}", 1));   // a surrogate in UTF-8
    CHECK(!streamed("{\"a\":\"\xF4\x90\x80\x80\"}", 1));   // beyond U+10FFFF
    CHECK(!streamed("{\"a\":\"tab\there\"}", 1));      // a raw control character
}

TEST_CASE("stream: numbers are classified and converted as nlohmann does") {
    // Top-level numbers and texts are no portfolio, but the reader's message names the value.
    for (const char* text : {"0", "-0", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
                             "-9223372036854775809", "1.5e3", "1E-2", "-0.0", "123456789012345678901234567890"}) {
        CAPTURE(text);
        const std::string document = std::string("{\"kamcanvas\":1,\"portfolio\":{\"name\":\"n\",\"year\":") + text + "}}";
        for (std::size_t piece : {std::size_t{1}, std::size_t{1000}})
            check_as_read_portfolio(text, document, piece, true);
    }
}

TEST_CASE("stream: over a hundred errors stop the reader early, as they stop read_portfolio") {
    std::string text = "{\"kamcanvas\":1,\"accounts\":[";
    for (int i = 0; i < 500; ++i) text += (i ? "," : "") + std::string("{\"id\":5,\"name\":6}");
    text += "]}";
    const kc::ReadResult direct = kc::read_portfolio(text);
    REQUIRE(direct.errors.size() > kc::kMaxErrors);
    check_as_read_portfolio("many errors", text, 7, true);
}

TEST_CASE("stream: a wrong expected size changes nothing but the memory reserved") {
    kc::test::GeneratorOptions options;
    options.accounts = 2000;
    options.compact = true;
    const std::string text = kc::test::generated_portfolio(options);
    const std::string expected = outcome(kc::read_portfolio(text));
    for (std::size_t size : {std::size_t{0}, std::size_t{1}, text.size() / 10, text.size() * 10}) {
        CAPTURE(size);
        const std::optional<kc::ReadResult> result = streamed(text, 4096, size);
        REQUIRE(result.has_value());
        CHECK(outcome(*result) == expected);
    }
}

TEST_CASE("stream: mutated portfolios — whatever the stream reads, read_portfolio reads the same") {
    kc::test::GeneratorOptions options;
    options.accounts = 12;
    const std::string base = kc::test::generated_portfolio(options);
    kc::test::Lcg rng(99);
    int read = 0;
    for (int trial = 0; trial < 3000; ++trial) {
        std::string text = base;
        for (std::uint32_t edits = 1 + rng.below(3); edits > 0; --edits) {
            const std::size_t at = rng.below(static_cast<std::uint32_t>(text.size()));
            static const char kBytes[] = "{}[]\":,\\0123456789.eE+-tfnu \x80\xC3\xA9\xFF";
            const char byte = kBytes[rng.below(sizeof kBytes - 1)];
            switch (rng.below(3)) {
                case 0: text[at] = byte; break;
                case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), byte); break;
                default: text.erase(at, 1 + rng.below(8)); break;
            }
        }
        const std::optional<kc::ReadResult> result = streamed(text, 1 + rng.below(300));
        if (!result) continue;
        ++read;
        CAPTURE(text);
        CHECK(outcome(*result) == outcome(kc::read_portfolio(text)));
    }
    CHECK(read > 300);   // the mutations leave many texts well-formed: the comparison ran
}

TEST_CASE("read_portfolio_fast: read_portfolio's result for good, broken and not-JSON files alike") {
    std::vector<std::string> paths = portfolio_files();
    for (const std::string& path : files_in(shared_path("data/bad"), ".json")) paths.push_back(path);
    paths.push_back(std::string(KC_REPO_DIR) + "/web/examples/zuivelhoeve.kamcanvas.json");
    for (const std::string& path : paths) {
        CAPTURE(path);
        const std::string text = slurp(path);
        CHECK(outcome(kc::read_portfolio_fast(text)) == outcome(kc::read_portfolio(text)));
    }
    // Texts the stream leaves to read_portfolio: still its errors, with their places.
    using namespace std::string_literals;
    for (const std::string& text : {"{\"format\": 1,"s, "\xEF\xBB"s, "[1e400]"s, "{\"a\":\"\0\"}"s}) {
        CAPTURE(text);
        const kc::ReadResult fast = kc::read_portfolio_fast(text);
        CHECK_FALSE(fast.ok());
        CHECK(outcome(fast) == outcome(kc::read_portfolio(text)));
    }
}
