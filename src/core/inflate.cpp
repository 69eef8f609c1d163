// inflate_raw (see inflate.hpp), written from RFC 1951. Section numbers below are the RFC's.
//
// One decoder, run twice over the same input with a different sink: CountingSink only
// counts what would be written, WritingSink writes into a buffer of the counted size.
// Both runs make the same checks, so the second cannot go wrong where the first did not.
#include "inflate.hpp"

#include <array>
#include <cstdint>

namespace kc {
namespace {

constexpr int kMaxCodeBits = 15;
constexpr int kLiteralLengthSymbols = 288;   // 0-255 literals, 256 end of block, 257-285 lengths; 286-287 unused
constexpr int kDistanceSymbols = 32;         // 0-29; 30-31 unused
constexpr int kCodeLengthSymbols = 19;
constexpr int kMaxLiteralLengthCodes = 286;  // HLIT + 257 may not say more (3.2.7)
constexpr int kMaxDistanceCodes = 30;
constexpr int kEndOfBlock = 256;

// Lengths of symbols 257..285: base value and extra bits (3.2.5).
constexpr std::array<std::uint16_t, 29> kLengthBase = {
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtraBits = {
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
// Distances of symbols 0..29 (3.2.5).
constexpr std::array<std::uint16_t, 30> kDistanceBase = {
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistanceExtraBits = {
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block sends the lengths of the code length code (3.2.7).
constexpr std::array<std::uint8_t, kCodeLengthSymbols> kCodeLengthOrder = {
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

// The input as a stream of bits, each byte's lowest bit first (3.1.1). Reading past the
// end fails instead of making bits up.
class BitReader {
public:
    explicit BitReader(std::string_view bytes) : bytes_(bytes) {}

    bool read_bit(unsigned& bit) {
        if (byte_ >= bytes_.size()) return false;
        bit = (static_cast<unsigned char>(bytes_[byte_]) >> bit_) & 1u;
        if (++bit_ == 8) {
            bit_ = 0;
            ++byte_;
        }
        return true;
    }

    // `count` (≤ 16) bits as a number whose lowest bit came first: how DEFLATE packs
    // everything but Huffman codes.
    bool read_bits(int count, unsigned& value) {
        value = 0;
        for (int i = 0; i < count; ++i) {
            unsigned bit = 0;
            if (!read_bit(bit)) return false;
            value |= bit << i;
        }
        return true;
    }

    // Stored blocks start on a byte boundary: the rest of the current byte is skipped.
    void skip_to_byte() {
        if (bit_ == 0) return;
        bit_ = 0;
        ++byte_;
    }

    // The next `count` whole bytes (after skip_to_byte); false when fewer are left.
    bool read_bytes(std::size_t count, std::string_view& bytes) {
        if (bytes_.size() - byte_ < count) return false;
        bytes = bytes_.substr(byte_, count);
        byte_ += count;
        return true;
    }

    std::size_t bytes_used() const { return byte_ + (bit_ != 0 ? 1 : 0); }

private:
    std::string_view bytes_;
    std::size_t byte_ = 0;
    int bit_ = 0;
};

// What decoding one symbol gave when it gave none.
constexpr int kInputEnded = -1;
constexpr int kNoSuchCode = -2;

// A canonical Huffman code (3.2.2), kept as how many codes each length has and the
// symbols in code order. Decoding walks the lengths one bit at a time: codes of one
// length are consecutive numbers, so a code is found by its offset from the first code
// of its length. No lookup table, so no table size to get wrong.
class HuffmanCode {
public:
    // From each symbol's code length (0: the symbol has no code). → nullptr, or why the
    // lengths make no code. Every bit pattern must be used, as zlib (and so the browser
    // that made the link) requires, except by a lone code of one bit, which is how RFC
    // 1951 sends a single distance code (`lone_code_allowed`), or by no code at all (a
    // block without copies); decoding a pattern with no code then fails.
    const char* build(const std::uint8_t* lengths, int symbols, bool lone_code_allowed) {
        count_.fill(0);
        for (int s = 0; s < symbols; ++s) ++count_[lengths[s]];
        count_[0] = 0;
        int codes = 0;
        int unused = 1;   // codes of the current length not taken by shorter ones
        for (int length = 1; length <= kMaxCodeBits; ++length) {
            codes += count_[length];
            unused = unused * 2 - count_[length];
            if (unused < 0) return "more codes of some length than there are bit patterns";
        }
        const bool lone_one_bit_code = codes == 1 && count_[1] == 1;
        if (unused > 0 && codes > 0 && !(lone_code_allowed && lone_one_bit_code))
            return "an incomplete code (bit patterns left without a symbol)";
        std::array<std::uint16_t, kMaxCodeBits + 2> first_index{};
        for (int length = 1; length <= kMaxCodeBits; ++length)
            first_index[length + 1] = static_cast<std::uint16_t>(first_index[length] + count_[length]);
        for (int s = 0; s < symbols; ++s)
            if (lengths[s] != 0) symbols_[first_index[lengths[s]]++] = static_cast<std::uint16_t>(s);
        return nullptr;
    }

    // The next symbol, or kInputEnded, or kNoSuchCode. Huffman codes are packed with
    // their most significant bit first (3.1.1), unlike every other field.
    int decode(BitReader& in) const {
        int code = 0;          // the bits read so far
        int first_code = 0;    // the first code of the current length
        int index = 0;         // where the codes of the current length start in symbols_
        for (int length = 1; length <= kMaxCodeBits; ++length) {
            unsigned bit = 0;
            if (!in.read_bit(bit)) return kInputEnded;
            code |= static_cast<int>(bit);
            const int count = count_[length];
            if (code - first_code < count) return symbols_[index + code - first_code];
            index += count;
            first_code = (first_code + count) << 1;
            code <<= 1;
        }
        return kNoSuchCode;
    }

private:
    std::array<std::uint16_t, kMaxCodeBits + 1> count_{};
    std::array<std::uint16_t, kLiteralLengthSymbols> symbols_{};
};

// The codes of fixed-Huffman blocks (3.2.6).
struct FixedCodes {
    HuffmanCode literal_length;
    HuffmanCode distance;

    FixedCodes() {
        std::array<std::uint8_t, kLiteralLengthSymbols> lengths{};
        for (int s = 0; s < kLiteralLengthSymbols; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        literal_length.build(lengths.data(), kLiteralLengthSymbols, false);
        std::array<std::uint8_t, kDistanceSymbols> distance_lengths{};
        distance_lengths.fill(5);
        distance.build(distance_lengths.data(), kDistanceSymbols, false);
    }
};

const FixedCodes& fixed_codes() {
    static const FixedCodes codes;
    return codes;
}

// First pass: the size the output would have; writes nothing.
class CountingSink {
public:
    std::size_t size() const { return size_; }
    void literal(unsigned char) { ++size_; }
    void bytes(std::string_view bytes) { size_ += bytes.size(); }
    void copy(std::size_t /*distance*/, std::size_t length) { size_ += length; }

private:
    std::size_t size_ = 0;
};

// Second pass: writes into `out`, already as long as the first pass counted. The decoder
// checks every write against that size before it is made.
class WritingSink {
public:
    explicit WritingSink(std::string& out) : out_(out) {}
    std::size_t size() const { return size_; }
    void literal(unsigned char byte) { out_[size_++] = static_cast<char>(byte); }
    void bytes(std::string_view bytes) {
        out_.replace(size_, bytes.size(), bytes);
        size_ += bytes.size();
    }
    // Byte by byte: a copy may overlap what it writes (distance 1, length 258 repeats a byte).
    void copy(std::size_t distance, std::size_t length) {
        for (std::size_t i = 0; i < length; ++i, ++size_) out_[size_] = out_[size_ - distance];
    }

private:
    std::string& out_;
    std::size_t size_ = 0;
};

template <class Sink>
class Inflater {
public:
    Inflater(std::string_view input, Sink& sink, std::size_t max_output)
        : in_(input), input_size_(input.size()), sink_(sink), max_output_(max_output) {}

    InflateStatus run() {
        bool final_block = false;
        while (!final_block) {
            unsigned header = 0;
            if (!in_.read_bits(3, header)) return InflateStatus::truncated;
            final_block = (header & 1u) != 0;
            const InflateStatus status = block(header >> 1);
            if (status != InflateStatus::ok) return status;
        }
        if (in_.bytes_used() < input_size_) return InflateStatus::trailing;
        return InflateStatus::ok;
    }

    const std::string& reason() const { return reason_; }
    std::size_t bytes_used() const { return in_.bytes_used(); }

private:
    InflateStatus corrupt(std::string reason) {
        reason_ = std::move(reason);
        return InflateStatus::corrupt;
    }

    bool has_room(std::size_t bytes) const { return bytes <= max_output_ - sink_.size(); }

    InflateStatus block(unsigned type) {
        switch (type) {
            case 0: return stored_block();
            case 1: return compressed_block(fixed_codes().literal_length, fixed_codes().distance);
            case 2: return dynamic_block();
            default: return corrupt("invalid block type 3");
        }
    }

    // 3.2.4: LEN, its one's complement NLEN, then LEN bytes as they are.
    InflateStatus stored_block() {
        in_.skip_to_byte();
        unsigned length = 0, complement = 0;
        if (!in_.read_bits(16, length) || !in_.read_bits(16, complement)) return InflateStatus::truncated;
        if ((length ^ 0xFFFFu) != complement) return corrupt("a stored block's length and its check differ");
        std::string_view bytes;
        if (!in_.read_bytes(length, bytes)) return InflateStatus::truncated;
        if (!has_room(bytes.size())) return InflateStatus::too_big;
        sink_.bytes(bytes);
        return InflateStatus::ok;
    }

    // 3.2.7: the two codes of the block, sent as code lengths, which are themselves
    // Huffman-coded with a code whose lengths come first.
    InflateStatus dynamic_block() {
        unsigned literal_count = 0, distance_count = 0, code_length_count = 0;
        if (!in_.read_bits(5, literal_count) || !in_.read_bits(5, distance_count) ||
            !in_.read_bits(4, code_length_count))
            return InflateStatus::truncated;
        literal_count += 257;
        distance_count += 1;
        code_length_count += 4;
        if (literal_count > kMaxLiteralLengthCodes) return corrupt("more than 286 literal/length codes");
        if (distance_count > kMaxDistanceCodes) return corrupt("more than 30 distance codes");

        std::array<std::uint8_t, kCodeLengthSymbols> code_length_lengths{};
        for (unsigned i = 0; i < code_length_count; ++i) {
            unsigned length = 0;
            if (!in_.read_bits(3, length)) return InflateStatus::truncated;
            code_length_lengths[kCodeLengthOrder[i]] = static_cast<std::uint8_t>(length);
        }
        HuffmanCode code_length_code;
        if (const char* why = code_length_code.build(code_length_lengths.data(), kCodeLengthSymbols, false))
            return corrupt(std::string("code length code: ") + why);

        std::array<std::uint8_t, kMaxLiteralLengthCodes + kMaxDistanceCodes> lengths{};
        const InflateStatus status =
            read_code_lengths(code_length_code, lengths.data(), static_cast<int>(literal_count + distance_count));
        if (status != InflateStatus::ok) return status;
        if (lengths[kEndOfBlock] == 0) return corrupt("the block has no code for its end");

        HuffmanCode literal_length, distance;
        if (const char* why = literal_length.build(lengths.data(), static_cast<int>(literal_count), true))
            return corrupt(std::string("literal/length code: ") + why);
        if (const char* why = distance.build(lengths.data() + literal_count, static_cast<int>(distance_count), true))
            return corrupt(std::string("distance code: ") + why);
        return compressed_block(literal_length, distance);
    }

    // Symbols 0-15 are a length; 16 repeats the previous length 3-6 times, 17 and 18 give
    // 3-10 and 11-138 zeros. Repeats run on from the literal/length lengths into the
    // distance lengths, but never past the last.
    InflateStatus read_code_lengths(const HuffmanCode& code, std::uint8_t* lengths, int total) {
        int filled = 0;
        while (filled < total) {
            const int symbol = code.decode(in_);
            if (symbol == kInputEnded) return InflateStatus::truncated;
            if (symbol == kNoSuchCode) return corrupt("a code length with no code");
            if (symbol < 16) {
                lengths[filled++] = static_cast<std::uint8_t>(symbol);
                continue;
            }
            std::uint8_t repeated = 0;
            unsigned extra = 0;
            int times = 0;
            if (symbol == 16) {
                if (filled == 0) return corrupt("a repeat of the previous code length before the first");
                repeated = lengths[filled - 1];
                if (!in_.read_bits(2, extra)) return InflateStatus::truncated;
                times = 3 + static_cast<int>(extra);
            } else if (symbol == 17) {
                if (!in_.read_bits(3, extra)) return InflateStatus::truncated;
                times = 3 + static_cast<int>(extra);
            } else {
                if (!in_.read_bits(7, extra)) return InflateStatus::truncated;
                times = 11 + static_cast<int>(extra);
            }
            if (times > total - filled) return corrupt("code lengths repeated past the end of the table");
            for (int i = 0; i < times; ++i) lengths[filled++] = repeated;
        }
        return InflateStatus::ok;
    }

    // 3.2.5: literals, and <length, distance> pairs copying earlier output, up to the
    // end-of-block symbol.
    InflateStatus compressed_block(const HuffmanCode& literal_length, const HuffmanCode& distance_code) {
        for (;;) {
            const int symbol = literal_length.decode(in_);
            if (symbol == kInputEnded) return InflateStatus::truncated;
            if (symbol == kNoSuchCode) return corrupt("a literal/length code that the block's code does not have");
            if (symbol < kEndOfBlock) {
                if (!has_room(1)) return InflateStatus::too_big;
                sink_.literal(static_cast<unsigned char>(symbol));
                continue;
            }
            if (symbol == kEndOfBlock) return InflateStatus::ok;

            const std::size_t length_index = static_cast<std::size_t>(symbol - 257);
            if (length_index >= kLengthBase.size()) return corrupt("invalid length symbol " + std::to_string(symbol));
            unsigned extra = 0;
            if (!in_.read_bits(kLengthExtraBits[length_index], extra)) return InflateStatus::truncated;
            const std::size_t length = kLengthBase[length_index] + extra;

            const int distance_symbol = distance_code.decode(in_);
            if (distance_symbol == kInputEnded) return InflateStatus::truncated;
            if (distance_symbol == kNoSuchCode) return corrupt("a distance code that the block's code does not have");
            if (distance_symbol >= static_cast<int>(kDistanceBase.size()))
                return corrupt("invalid distance symbol " + std::to_string(distance_symbol));
            if (!in_.read_bits(kDistanceExtraBits[distance_symbol], extra)) return InflateStatus::truncated;
            const std::size_t distance = kDistanceBase[distance_symbol] + extra;

            if (distance > sink_.size())
                return corrupt("distance " + std::to_string(distance) + " reaches before the start of the data");
            if (!has_room(length)) return InflateStatus::too_big;
            sink_.copy(distance, length);
        }
    }

    BitReader in_;
    std::size_t input_size_;
    Sink& sink_;
    std::size_t max_output_;
    std::string reason_;
};

}  // namespace

InflateResult inflate_raw(std::string_view deflated, std::size_t max_output) {
    InflateResult result;
    CountingSink counter;
    Inflater<CountingSink> check(deflated, counter, max_output);
    result.status = check.run();
    result.reason = check.reason();
    result.input_used = check.bytes_used();
    if (!result.ok()) return result;

    result.output.assign(counter.size(), '\0');
    WritingSink writer(result.output);
    Inflater<WritingSink> write(deflated, writer, counter.size());
    result.status = write.run();
    if (!result.ok() || writer.size() != counter.size()) {   // both passes decode the same bits: never
        result.status = InflateStatus::corrupt;
        result.reason = "the second pass differed from the first";
        result.output.clear();
    }
    return result;
}

}  // namespace kc
