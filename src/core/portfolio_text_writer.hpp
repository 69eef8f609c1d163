// PortfolioTextWriter: the text of write_portfolio (format.hpp) in pieces, for a caller
// that must not spend the whole time at once: the browser's autosave writes a portfolio
// of 100,000 accounts (35 MB of text) over many frames, a few milliseconds each.
//
// The pieces joined are exactly write_portfolio's bytes; write_portfolio is this writer
// run to the end in one piece. A piece ends after the file's head (everything before the
// first account), after an account, or at the end of the file: accounts are the bulk.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "model.hpp"

namespace kc {

class PortfolioTextWriter {
public:
    // `portfolio` must stay alive and unchanged until the writer is done or dropped: the
    // writer reads it piece by piece (a caller whose portfolio changed starts again).
    explicit PortfolioTextWriter(const Portfolio& portfolio);

    // The whole text has been handed out.
    bool done() const { return part_ == Part::done; }

    // The next piece: at least `about_bytes` unless the text ends sooner, and longer by
    // at most the part that crossed the mark (the head, one account or the end). Never
    // empty before done(), always empty after. Valid until the next call.
    std::string_view next(std::size_t about_bytes);

    // The same piece appended to `out` (no copy: how write_portfolio fills its string).
    void append_next(std::string& out, std::size_t about_bytes);

    // How far the writer is: accounts written so far, out of the portfolio's.
    std::size_t accounts_written() const { return next_account_; }

private:
    enum class Part { head, accounts, tail, done };
    // Appends the next part (the head, one account or the tail) and moves past it.
    void write_part(std::string& out);

    const Portfolio& portfolio_;
    Part part_ = Part::head;
    std::size_t next_account_ = 0;
    // Where the JSON emitter is between pieces: its nesting depth, and whether the
    // innermost open object or array has no member yet.
    std::size_t depth_ = 0;
    bool container_empty_ = true;
    std::string piece_;   // what next() returns
};

}  // namespace kc
