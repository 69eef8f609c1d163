// read_csv: CSV text -> header and rows of fields (see csv.hpp).
//
// One forward pass over the bytes. The only step back is the recovery from a quote
// that is never closed: the field is read again as plain text up to the end of its
// line, so one stray quote costs one row, not the rest of the file. That happens at
// most once per text, which keeps the whole read linear.
#include "csv.hpp"

#include <array>
#include <cstdio>

#include "json_text.hpp"

namespace kc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";   // U+FFFD

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

void add_error(CsvRow& row, std::string place, std::string message, const char* code) {
    row.problems.push_back({Severity::error, std::move(place), std::move(message), code});
}

// `text` with every byte that is not part of well-formed UTF-8 replaced by U+FFFD;
// `first_bad` gets the first such byte.
std::string repair_utf8(std::string_view text, unsigned char& first_bad) {
    std::string out;
    out.reserve(text.size() + 8);
    bool found = false;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t n = utf8_sequence_length(text, i);
        if (n == 0) {
            if (!found) first_bad = static_cast<unsigned char>(text[i]);
            found = true;
            out += kReplacement;
            ++i;
        } else {
            out.append(text.substr(i, n));
            i += n;
        }
    }
    return out;
}

// Reads records one at a time from the text after the BOM and any "sep=" line.
class CsvParser {
public:
    CsvParser(std::string_view text, char separator, int first_line)
        : text_(text), separator_(separator), line_(first_line) {}

    // Header names for the places of later problems (the parser reads the header first).
    void set_header(const std::vector<std::string>* header) { header_ = header; }

    // The next record; false when only line ends (or nothing) are left.
    bool next(CsvRow& row) {
        while (pos_ < text_.size() && is_line_end(text_[pos_])) skip_line_end();
        if (pos_ >= text_.size()) return false;
        row = CsvRow{};
        row.line = line_;
        for (;;) {
            std::string field = read_field(row);
            check_utf8(row, field);
            row.fields.push_back(std::move(field));
            if (pos_ < text_.size() && text_[pos_] == separator_) {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size()) skip_line_end();   // the only other way a field ends
            return true;
        }
    }

private:
    std::string place(std::size_t column) const {
        static const std::vector<std::string> kNoHeader;
        return csv_place(line_, header_ ? *header_ : kNoHeader, column);
    }
    std::size_t column_of(const CsvRow& row) const { return row.fields.size(); }

    // A line end at pos_: "\r\n" is one, as are "\n" and "\r" alone.
    void skip_line_end() {
        if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
        ++pos_;
        ++line_;
    }

    std::string read_field(CsvRow& row) {
        if (pos_ < text_.size() && text_[pos_] == '"') return read_quoted(row);
        return read_plain();
    }

    // Up to the next separator or line end; quotes in here are ordinary characters.
    std::string read_plain() {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != separator_ && !is_line_end(text_[pos_])) ++pos_;
        return std::string(text_.substr(start, pos_ - start));
    }

    std::string read_quoted(CsvRow& row) {
        const std::size_t open = pos_;
        const int open_line = line_;
        std::string field;
        ++pos_;
        for (;;) {
            if (pos_ >= text_.size()) return unclosed(row, open, open_line, std::move(field));
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (is_line_end(c)) {   // kept as written, counted as a line
                const std::size_t start = pos_;
                skip_line_end();
                field.append(text_.substr(start, pos_ - start));
                continue;
            }
            const std::size_t start = pos_;
            while (pos_ < text_.size() && text_[pos_] != '"' && !is_line_end(text_[pos_])) ++pos_;
            field.append(text_.substr(start, pos_ - start));
        }
        after_closing_quote(row, field);
        return field;
    }

    // Spaces after the closing quote are dropped (`"a" ,b`); anything else there is an
    // error of the row, and is kept in the field so the user sees what was written.
    void after_closing_quote(CsvRow& row, std::string& field) {
        while (pos_ < text_.size() && text_[pos_] != separator_ && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
        if (pos_ >= text_.size() || text_[pos_] == separator_ || is_line_end(text_[pos_])) return;
        add_error(row, place(column_of(row)),
                  "text after the closing quote (a quote inside a quoted field must be doubled: \"\")",
                  "csv_quote");
        field += read_plain();
    }

    // The text ended inside quotes. The first time, the field is read again from its
    // opening quote as plain text to the end of its line, and reading goes on from there.
    std::string unclosed(CsvRow& row, std::size_t open, int open_line, std::string field) {
        if (!recovered_) {
            recovered_ = true;
            pos_ = open;
            line_ = open_line;
            add_error(row, place(column_of(row)),
                      "the quote that starts this field is never closed; read up to the end of its line",
                      "csv_quote");
            return read_plain();
        }
        add_error(row, place(column_of(row)),
                  "the quote that starts this field is never closed; the field runs to the end of the file",
                  "csv_quote");
        return field;
    }

    void check_utf8(CsvRow& row, std::string& field) {
        if (is_valid_utf8(field)) return;
        unsigned char bad = 0;
        field = repair_utf8(field, bad);
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", bad);
        add_error(row, place(column_of(row)),
                  std::string("not UTF-8 (byte ") + byte + "); save the file as \"CSV UTF-8\"", "csv_encoding");
    }

    std::string_view text_;
    char separator_;
    int line_;
    std::size_t pos_ = 0;
    bool recovered_ = false;
    const std::vector<std::string>* header_ = nullptr;
};

// "sep=X" alone on the first line, as Excel writes and reads it: X, else 0.
char excel_separator_line(std::string_view text) {
    if (text.size() < 5 || text.substr(0, 4) != "sep=") return 0;
    const char separator = text[4];
    if (separator == '"' || is_line_end(separator)) return 0;
    if (text.size() > 5 && !is_line_end(text[5])) return 0;
    return separator;
}

// The candidate that occurs most often outside quotes on the first record's lines.
char detect_separator(std::string_view text) {
    constexpr std::array<char, 3> kCandidates = {',', ';', '\t'};
    std::array<int, 3> counts{};
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;   // a doubled quote toggles twice
        else if (!quoted && is_line_end(c)) break;
        else if (!quoted)
            for (std::size_t k = 0; k < kCandidates.size(); ++k)
                if (c == kCandidates[k]) ++counts[k];
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < kCandidates.size(); ++k)
        if (counts[k] > counts[best]) best = k;
    return kCandidates[best];
}

std::string_view skip_first_line(std::string_view text, int& line) {
    std::size_t end = 0;
    while (end < text.size() && !is_line_end(text[end])) ++end;
    if (end < text.size()) {
        end += (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1;
        ++line;
    }
    return text.substr(end);
}

void add_table_error(CsvTable& table, std::string message, const char* code) {
    table.problems.push_back({Severity::error, "line 1", std::move(message), code});
}

}  // namespace

bool CsvRow::has_error() const {
    for (const Problem& p : problems)
        if (p.severity == Severity::error) return true;
    return false;
}

std::string csv_place(int line, const std::vector<std::string>& header, std::size_t column) {
    return csv_place(line) + ", column " + csv_column_name(header, column);
}

std::string csv_column_name(const std::vector<std::string>& header, std::size_t column) {
    if (column < header.size() && !header[column].empty()) return header[column];
    return std::to_string(column + 1);
}

std::string csv_place(int line) { return "line " + std::to_string(line); }

std::string separator_name(char separator) {
    switch (separator) {
        case ',': return "comma";
        case ';': return "semicolon";
        case '\t': return "tab";
        default: return std::string("'") + separator + "'";
    }
}

CsvTable read_csv(std::string_view text, CsvOptions options) {
    CsvTable table;
    if (text.size() >= 2 && ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
        add_table_error(table, "the file is UTF-16 text; save it as \"CSV UTF-8\"", "csv_encoding");
        return table;
    }
    if (text.substr(0, kUtf8Bom.size()) == kUtf8Bom) {
        table.had_bom = true;
        text.remove_prefix(kUtf8Bom.size());
    }
    int line = 1;
    char separator = options.separator;
    if (separator == '"' || is_line_end(separator)) separator = 0;   // cannot separate: detect
    if (const char excel = excel_separator_line(text)) {
        text = skip_first_line(text, line);
        if (!separator) separator = excel;
    }
    if (!separator) separator = detect_separator(text);
    table.separator = separator;

    CsvParser parser(text, separator, line);
    if (!parser.next(table.header)) {
        add_table_error(table, "the file is empty: there is no header line", "csv_empty");
        return table;
    }
    parser.set_header(&table.header.fields);
    CsvRow row;
    while (parser.next(row)) table.rows.push_back(std::move(row));
    return table;
}

}  // namespace kc
