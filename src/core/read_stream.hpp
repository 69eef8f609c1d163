// Reading a format-1 file handed over in pieces: what the browser does with a big file,
// so that the page draws (a progress bar) between pieces and the whole text never sits
// in wasm memory next to the portfolio made of it.
//
// The result is exactly read_portfolio's for the same bytes, with one exception by
// design: the place of a JSON syntax error is a line and column worked out from the
// whole text, and its message names what nlohmann's parser expected. So when the text
// is not well-formed JSON (or nests deeper than the reader allows, or holds a number
// beyond a double), finish() gives nothing and the caller reads the whole text with
// read_portfolio, which says exactly what is wrong where. Files that fail that way are
// broken files, rare and usually small; every well-formed file, with or without errors
// of the format, is read here alone.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

#include "format.hpp"

namespace kc {

class PortfolioStream {
public:
    // `expected_size`: the file's size in bytes when known (0: unknown). Once the first
    // accounts are read it tells how many more to make room for at once.
    explicit PortfolioStream(std::size_t expected_size = 0);
    ~PortfolioStream();
    PortfolioStream(PortfolioStream&&) noexcept;
    PortfolioStream& operator=(PortfolioStream&&) noexcept;

    // Reads the next piece. Pieces may split anything, a UTF-8 character included.
    // False once more pieces cannot change the outcome (the text is not well-formed, or
    // the reader has stopped): the caller can stop feeding and call finish().
    bool feed(std::string_view piece);

    // Bytes fed so far.
    std::size_t bytes_read() const;

    // After the last piece: read_portfolio's result for all pieces together, or nullopt
    // when that needs the whole text (see above). Call once.
    std::optional<ReadResult> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// read_portfolio's result for a whole text, read by PortfolioStream where it can (every
// well-formed text) and by read_portfolio otherwise. The stream is the quicker of the two,
// and in the browser its smaller code compiles sooner: the app opens files, its bundled
// example included, this way.
ReadResult read_portfolio_fast(std::string_view text);

}  // namespace kc
