// libFuzzer target: the share-link decoder (src/core/share_link.hpp) and its inflater
// (src/core/inflate.hpp) on any bytes, three ways: the bytes as a fragment ("#p=…" or the
// data alone, as the address bar gives it), the bytes as a deflate stream inside a
// well-formed link (so the fuzzer need not learn base64url to reach the inflater through
// the link), and the bytes as a deflate stream given to inflate_raw with a small limit.
// A link that reads is then opened as the app opens it (read_portfolio). A crash, a
// sanitizer report, a hang, or a broken promise (checked below) is a finding; see
// fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/format.hpp"
#include "core/inflate.hpp"
#include "core/json_text.hpp"
#include "core/share_link.hpp"

namespace {

// A broken promise is a finding like a crash: abort, so libFuzzer keeps the input.
void require(bool holds, const char* promise) {
    if (holds) return;
    std::fprintf(stderr, "broken promise: %s\n", promise);
    std::abort();
}

// What share_link.hpp promises of every result; a link that reads is opened like a file.
void check_link(const kc::ShareLinkResult& link) {
    if (!link.ok()) {
        require(!link.message.empty(), "a refused link says why");
        require(link.text.empty(), "a refused link gives no text");
        return;
    }
    require(link.message.empty(), "a link that reads has no message");
    require(link.text.size() <= kc::kShareLinkMaxText, "a link's text stays within the limit");
    require(kc::is_valid_utf8(link.text), "a link's text is UTF-8");
    const kc::ReadResult read = kc::read_portfolio(link.text);
    require(read.ok() == read.portfolio.has_value(), "the text opens as a portfolio or is refused");
}

// inflate_raw's promises: output only when ok, never beyond the limit, and the same
// output when the limit is exactly its size; one byte less is too big.
void check_inflate(std::string_view stream) {
    constexpr std::size_t kLimit = 1 << 20;   // small: many inputs a second
    const kc::InflateResult result = kc::inflate_raw(stream, kLimit);
    require(result.input_used <= stream.size(), "the input read stays within the input");
    if (!result.ok()) {
        require(result.output.empty(), "a refused stream gives no output");
        require(result.status != kc::InflateStatus::corrupt || !result.reason.empty(), "a corrupt stream says why");
        return;
    }
    require(result.output.size() <= kLimit, "the output stays within the limit");
    require(result.input_used == stream.size(), "a stream that inflates is read to its end");
    const kc::InflateResult exact = kc::inflate_raw(stream, result.output.size());
    require(exact.ok() && exact.output == result.output, "the same output at a limit of exactly its size");
    if (!result.output.empty())
        require(kc::inflate_raw(stream, result.output.size() - 1).status == kc::InflateStatus::too_big,
                "one byte less than the output is too big");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check_link(kc::read_share_link(input));
    const std::string wrapped = "#p=" + kc::encode_base64url(input);
    const kc::ShareLinkResult link = kc::read_share_link(wrapped);
    check_link(link);
    require(link.error != kc::ShareLinkError::not_base64url && link.error != kc::ShareLinkError::not_a_link,
            "a well-formed link is never refused for its form");
    check_inflate(input);
    return 0;
}
