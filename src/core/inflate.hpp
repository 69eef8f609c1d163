// Raw DEFLATE (RFC 1951) decompression: what the browser's CompressionStream('deflate-raw')
// and zlib's raw deflate write, with no zlib or gzip wrapper around it.
//
// Written for input nobody can trust (a share link, src/core/share_link.hpp):
// - The output never grows beyond `max_output` bytes, and nothing is allocated for it
//   before the whole stream has been checked: a first pass decodes without writing,
//   counting the output and checking every length and distance, and only a stream that
//   passes gets a buffer of exactly its size and is decoded again into it.
// - Every Huffman code is checked before use (over-subscribed sets of lengths, an
//   end-of-block symbol without a code, code lengths repeated past their table), every
//   symbol outside its alphabet, every distance reaching before the start of the output.
// - Time is linear in the input plus the output: each symbol costs at most 15 bits of
//   input, and the output is bounded.
// - Nothing throws, recurses or reads outside `deflated`.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kc {

enum class InflateStatus {
    ok,
    truncated,   // the input ends before the final block does
    too_big,     // the output would pass max_output
    corrupt,     // not a valid DEFLATE stream (see InflateResult::reason)
    trailing,    // bytes after the final block (CompressionStream never writes any)
};

struct InflateResult {
    InflateStatus status = InflateStatus::ok;
    std::string output;      // the inflated bytes when ok; empty otherwise
    std::string reason;      // for corrupt: what is wrong, in plain words ("invalid block type 3")
    std::size_t input_used = 0;   // bytes of input read, up to the end of the final block

    bool ok() const { return status == InflateStatus::ok; }
};

// Inflates `deflated`, a complete raw DEFLATE stream, into at most `max_output` bytes.
InflateResult inflate_raw(std::string_view deflated, std::size_t max_output);

}  // namespace kc
