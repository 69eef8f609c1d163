// PortfolioTextWriter: over every shared example and real file and a generated portfolio,
// the pieces joined are write_portfolio's text for piece sizes from one byte to a
// megabyte; a piece is never empty before the end, is as long as asked unless it is the
// last, and ends only after the head, an account or the end of the file.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/format.hpp"
#include "core/portfolio_text_writer.hpp"
#include "format_support.hpp"

using namespace kc;
using kc::test::listing;

namespace {

// The pieces of one run of the writer, each copied (next() reuses its buffer).
std::vector<std::string> pieces_of(const Portfolio& portfolio, std::size_t about_bytes) {
    std::vector<std::string> pieces;
    PortfolioTextWriter writer(portfolio);
    while (!writer.done()) pieces.emplace_back(writer.next(about_bytes));
    CHECK(writer.next(about_bytes).empty());   // and stays empty after the end
    CHECK(writer.accounts_written() == portfolio.accounts.size());
    return pieces;
}

std::string joined(const std::vector<std::string>& pieces) {
    std::string text;
    for (const std::string& piece : pieces) text += piece;
    return text;
}

constexpr std::size_t kPieceSizes[] = {1, 1024, 1024 * 1024};

void check_pieces(const std::string& label, const std::string& text) {
    INFO(label);
    const ReadResult read = read_portfolio(text);
    REQUIRE_MESSAGE(read.ok(), listing(read.errors));
    const Portfolio& portfolio = *read.portfolio;
    const std::string whole = write_portfolio(portfolio);
    // write_portfolio is the writer in one piece: also compare with the input by value.
    CHECK(test::as_value(whole) == test::as_value(text));

    for (std::size_t about_bytes : kPieceSizes) {
        INFO("pieces of about " << about_bytes << " bytes");
        const std::vector<std::string> pieces = pieces_of(portfolio, about_bytes);
        CHECK(joined(pieces) == whole);
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            CHECK_FALSE(pieces[i].empty());
            if (i + 1 < pieces.size()) CHECK(pieces[i].size() >= about_bytes);
        }
        // One byte asked: every piece is one part, so the head, each account, the tail.
        if (about_bytes == 1) CHECK(pieces.size() == portfolio.accounts.size() + 2);
    }
}

std::vector<std::string> shared_portfolio_files() {
    auto files = test::files_in(test::shared_path("data/examples"), ".json");
    for (const auto& path : test::files_in(test::shared_path("data/real"), ".kamcanvas.json")) files.push_back(path);
    return files;
}

}  // namespace

TEST_CASE("text writer: the pieces of every shared example and real file are write_portfolio's text") {
    const std::vector<std::string> files = shared_portfolio_files();
    REQUIRE(files.size() >= 14);
    for (const auto& path : files) check_pieces(path, test::slurp(path));
}

TEST_CASE("text writer: the pieces of a generated portfolio using every field") {
    check_pieces("generated", test::generated_portfolio({.accounts = 3000, .seed = 7}));
    check_pieces("generated, criteria last",
                 test::generated_portfolio({.accounts = 50, .seed = 8, .criteria_after_accounts = true}));
}

TEST_CASE("text writer: a portfolio without accounts is a head and a tail") {
    const ReadResult read = read_portfolio(R"({"kamcanvas": 1, "accounts": [], "x_after": [1]})");
    REQUIRE_MESSAGE(read.ok(), listing(read.errors));
    const std::vector<std::string> pieces = pieces_of(*read.portfolio, 1);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0] == "{\n  \"kamcanvas\": 1,\n  \"accounts\": [");
    CHECK(pieces[1] == "],\n  \"x_after\": [\n    1\n  ]\n}\n");
    CHECK(joined(pieces) == write_portfolio(*read.portfolio));
}

TEST_CASE("text writer: progress by accounts, and append_next gives the pieces next() gives") {
    const ReadResult read = read_portfolio(test::generated_portfolio({.accounts = 200, .seed = 9}));
    REQUIRE_MESSAGE(read.ok(), listing(read.errors));
    PortfolioTextWriter by_piece(*read.portfolio);
    PortfolioTextWriter appending(*read.portfolio);
    std::string appended;
    std::size_t last_written = 0;
    while (!by_piece.done()) {
        const std::string piece(by_piece.next(4096));
        const std::size_t before = appended.size();
        appending.append_next(appended, 4096);
        CHECK(appended.substr(before) == piece);
        CHECK(appending.accounts_written() == by_piece.accounts_written());
        CHECK(by_piece.accounts_written() >= last_written);
        last_written = by_piece.accounts_written();
    }
    CHECK(appending.done());
    CHECK(appended == write_portfolio(*read.portfolio));
}
