// read_portfolio: bytes of a format-1 file -> a Portfolio, or every error with its place.
// One pass of nlohmann's SAX parser feeds a handler (read_handler.hpp) that fills the typed
// model directly: no DOM of the document, only unknown members kept as small Json subtrees.
// Here: the handler's events, its places (each open object/array is a frame, so every
// error gets its JSON Pointer) and the end.
#include <algorithm>
#include <string>

#include "read_handler.hpp"
#include "read_syntax.hpp"

namespace kc::detail {

namespace {

// A number's text for a message; JSONTestSuite has some of several hundred digits.
std::string shortened(const std::string& number_text) {
    constexpr std::size_t kMaxLength = 40;
    if (number_text.size() <= kMaxLength) return number_text;
    return number_text.substr(0, kMaxLength) + "…";
}

// Appends a member to a Json object without looking it up: ordered_map is a vector,
// and duplicates were already caught by the frame's KeyGuard.
Json* append_member(Json& object, const std::string& key, Json&& value) {
    if (!object.is_object()) object = Json::object();
    auto* members = object.get_ptr<Json::object_t*>();
    members->emplace_back(key, std::move(value));
    return &members->back().second;
}

Json* append_element(Json& array, Json&& value) {
    auto* elements = array.get_ptr<Json::array_t*>();
    elements->push_back(std::move(value));
    return &elements->back();
}

}  // namespace

// [SECTION] places ------------------------------------------------------------------

std::string PortfolioReader::pointer_up_to(std::size_t levels) const {
    std::string pointer;
    for (std::size_t i = 0; i < levels; ++i) {
        const Frame& f = frames_[i];
        if (f.is_object) append_pointer_segment(pointer, f.key);
        else append_pointer_segment(pointer, std::to_string(f.index));
    }
    return pointer.empty() ? "/" : pointer;
}

void PortfolioReader::push(Ctx ctx, bool is_object, Json* extra) {
    Frame& f = frames_[depth_++];
    f.ctx = ctx;
    f.is_object = is_object;
    f.field = kUnknownKey;
    f.year = -1;
    f.index = 0;
    f.seen = 0;
    f.key.clear();
    f.extra = extra;
    f.other_keys.clear();
}

void PortfolioReader::error(std::string place, std::string message, const char* code) {
    if (errors_.size() >= kMaxErrors) {
        saturated_ = true;
        return;
    }
    errors_.push_back({Severity::error, std::move(place), std::move(message), code});
}

// [SECTION] events ------------------------------------------------------------------


template <typename MakeJson>
bool PortfolioReader::scalar(const Scalar& value, MakeJson make_json) {
    if (depth_ == 0) {
        error("/", "must be an object (a kamcanvas portfolio), got " + detail::describe(value),
              "not_a_portfolio");
        return true;
    }
    Frame& f = top();
    if (f.ctx == Ctx::skip || (f.is_object && f.field == kIgnoredKey) || (saturated_ && !is_version_member(f))) {
        // reported already, or nothing more will be reported
    } else if (f.ctx == Ctx::capture) {
        if (f.is_object) append_member(*f.extra, f.key, make_json());
        else append_element(*f.extra, make_json());
    } else if (f.is_object && f.field == kUnknownKey) {
        append_member(*f.extra, f.key, make_json());
    } else {
        read_field(f, value);
    }
    if (!f.is_object) ++f.index;
    return true;
}

// The scalar events of the SAX interface, each as a Scalar plus a way to make its Json.
bool PortfolioReader::null() { return scalar(Scalar{}, [] { return Json(nullptr); }); }

bool PortfolioReader::boolean(bool v) {
    Scalar s;
    s.kind = Scalar::Kind::boolean;
    s.boolean = v;
    return scalar(s, [v] { return Json(v); });
}

bool PortfolioReader::number_integer(std::int64_t v) {
    Scalar s;
    s.kind = Scalar::Kind::integer;
    s.integer = v;
    s.number = static_cast<double>(v);
    return scalar(s, [v] { return Json(v); });
}

bool PortfolioReader::number_unsigned(std::uint64_t v) {
    Scalar s;
    s.kind = Scalar::Kind::unsigned_integer;
    s.unsigned_integer = v;
    s.number = static_cast<double>(v);
    return scalar(s, [v] { return Json(v); });
}

bool PortfolioReader::number_float(double v, const std::string& text) {
    Scalar s;
    s.kind = Scalar::Kind::floating;
    s.number = v;
    s.text = text;
    return scalar(s, [v] { return Json(v); });
}

bool PortfolioReader::string(std::string& v) {
    Scalar s;
    s.kind = Scalar::Kind::string;
    s.text = v;
    return scalar(s, [&v] { return Json(v); });
}

// With the error list full, building more of the model only costs memory (hostile
// input can make millions of broken accounts). Only a newer format version could still
// change the outcome, so the rest is skipped until the version is known.
bool PortfolioReader::version_is_known() const {
    const Frame& root = frames_[0];
    return depth_ == 0 || root.ctx != Ctx::root || (root.seen & (1u << static_cast<int>(RootField::kamcanvas)));
}

bool PortfolioReader::is_version_member(const Frame& f) const {
    return depth_ == 1 && f.ctx == Ctx::root && f.field == static_cast<int>(RootField::kamcanvas);
}

bool PortfolioReader::open(bool is_object) {
    if (depth_ == kMaxDepth) {
        stop_ = Stop::too_deep;
        return false;   // the parser stops; finish() finds the place
    }
    if (saturated_) {
        if (version_is_known()) {
            stop_ = Stop::saturated;
            return false;
        }
        push(Ctx::skip, is_object, nullptr);
        return true;
    }
    Ctx ctx = Ctx::skip;
    Json* extra = nullptr;
    if (depth_ == 0) {
        if (is_object) {
            ctx = Ctx::root;
            extra = &portfolio_.extra;
        } else {
            error("/", "must be an object (a kamcanvas portfolio), got an array", "not_a_portfolio");
        }
    } else {
        Frame& f = top();
        auto empty = [is_object] { return is_object ? Json::object() : Json::array(); };
        if (f.ctx == Ctx::skip || (f.is_object && f.field == kIgnoredKey)) {
            ctx = Ctx::skip;
        } else if (f.ctx == Ctx::capture) {
            ctx = Ctx::capture;
            extra = f.is_object ? append_member(*f.extra, f.key, empty()) : append_element(*f.extra, empty());
        } else if (f.is_object && f.field == kUnknownKey) {
            ctx = Ctx::capture;
            extra = append_member(*f.extra, f.key, empty());
        } else {
            ctx = open_known(f, is_object, extra);
        }
    }
    push(ctx, is_object, extra);
    return true;
}

bool PortfolioReader::close() {
    close_frame(top());
    --depth_;
    if (depth_ > 0 && !top().is_object) ++top().index;
    return true;
}

bool PortfolioReader::key(std::string& name) {
    Frame& f = top();
    f.key.assign(name);
    if (f.ctx == Ctx::skip) return true;
    if (is_map(f.ctx)) {
        key_of_map(f, name);
        return true;
    }
    if (f.ctx != Ctx::capture) {
        Names names = field_names(f.ctx);
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (names[i].empty() || names[i] != name) continue;   // "" marks a field this kind lacks
            const std::uint32_t bit = 1u << i;
            if (f.seen & bit) {
                error(pointer_of_value(), "key \"" + name + "\" appears twice in this object",
                      "duplicate_key");
                f.field = kIgnoredKey;
            } else {
                f.seen |= bit;
                f.field = static_cast<int>(i);
            }
            return true;
        }
    }
    if (f.other_keys.insert(name)) {
        f.field = kUnknownKey;
    } else {
        error(pointer_of_value(), "key " + quote_for_message(name) + " appears twice in this object",
              "duplicate_key");
        f.field = kIgnoredKey;
    }
    return true;
}

void PortfolioReader::key_of_map(Frame& f, std::string_view name) {
    if (!f.other_keys.insert(name)) {
        error(pointer_of_value(), "key " + quote_for_message(name) + " appears twice in this object",
              "duplicate_key");
        f.field = kIgnoredKey;
        return;
    }
    f.field = kDataKey;
    if (f.ctx == Ctx::revenue || f.ctx == Ctx::wallet || f.ctx == Ctx::targets) {
        f.year = detail::parse_year_key(name);
        if (f.year < 0) {
            error(pointer_of_value(),
                  "a year must be four digits, like \"2025\"; got " + quote_for_message(name), "bad_year");
            f.field = kIgnoredKey;
        }
    }
}

bool PortfolioReader::parse_error(std::size_t position, const std::string& token,
                                  const nlohmann::detail::exception& e) {
    // The byte the parser stopped at; position counts bytes read, end of input included.
    const std::size_t offset = detail::error_offset(e.what(), input_, position > 0 ? position - 1 : 0);
    if (e.id == 406) {   // out_of_range: a number too large for a double (1e400)
        stop_ = Stop::number_overflow;
        stop_problem_ = {Severity::error, pointer_of_value(),
                         "number is too large (the limit is 1e15), got " + shortened(token), "number_too_large"};
        return false;
    }
    stop_ = Stop::syntax;
    stop_problem_ = {Severity::error, detail::text_place(input_, offset),
                     detail::syntax_message(e.what(), input_, offset), "syntax"};
    return false;
}

ReadResult PortfolioReader::finish(bool parsed) {
    ReadResult result;
    if (stop_ == Stop::syntax || stop_ == Stop::too_deep || (!parsed && stop_ == Stop::none)) {
        if (stop_ == Stop::too_deep) {
            const std::size_t offset = detail::offset_of_too_deep(input_, kMaxDepth);
            stop_problem_ = {Severity::error, detail::text_place(input_, offset),
                             "nested more than " + std::to_string(kMaxDepth) + " levels deep", "too_deep"};
        } else if (stop_ == Stop::none) {
            stop_problem_ = {Severity::error, "1:1", "could not be read as JSON", "syntax"};
        }
        result.errors.push_back(std::move(stop_problem_));
        return result;
    }
    if (stop_ == Stop::number_overflow) {
        error(stop_problem_.place, stop_problem_.message, stop_problem_.code.c_str());
    } else if (!saturated_) {
        resolve_scores();
        check_account_ids();
    }
    if (version_seen_ && version_ > kFormatVersion) {
        // A newer format may mean anything: say only that, never half-read it.
        result.errors.push_back({Severity::error, "/kamcanvas",
                                 "format " + version_text_ + " is newer than this program understands (" +
                                     std::to_string(kFormatVersion) + ")",
                                 "newer_version"});
        return result;
    }
    if (saturated_)
        errors_.push_back({Severity::error, "/",
                           "too many errors: only the first " + std::to_string(kMaxErrors) + " are listed",
                           "too_many_errors"});
    result.errors = std::move(errors_);
    if (result.errors.empty()) {
        portfolio_.format = kFormatVersion;
        result.warnings = check_warnings(portfolio_);
        result.portfolio.emplace(std::move(portfolio_));
    }
    return result;
}

}  // namespace kc::detail

namespace kc {
namespace {

// A UTF-8 byte order mark is allowed and skipped (editors on Windows write one).
std::string_view without_bom(std::string_view bytes) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    return bytes;
}

bool is_blank(std::string_view bytes) {
    return bytes.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

ReadResult single_error(std::string place, std::string message) {
    ReadResult result;
    result.errors.push_back({Severity::error, std::move(place), std::move(message), "syntax"});
    return result;
}

}  // namespace

ReadResult read_portfolio(std::string_view bytes) {
    const std::string_view text = without_bom(bytes);
    if (is_blank(text)) return single_error("1:1", "empty file: expected a JSON object");

    // nlohmann takes a NUL byte for the end of the input; JSON text cannot hold one,
    // so parse only what comes before it and refuse the NUL if that much is fine.
    const std::size_t nul = text.find('\0');
    const std::string_view parsed_text = text.substr(0, nul);
    detail::PortfolioReader reader(parsed_text);
    // The smallest valid account, {"id":"a","name":"b"}, takes 22 bytes: no hint can
    // make the reader reserve more than the text could hold.
    reader.reserve_accounts(std::min(detail::count_accounts_hint(parsed_text), parsed_text.size() / 22));
    const bool parsed = Json::sax_parse(parsed_text.data(), parsed_text.data() + parsed_text.size(), &reader);
    ReadResult result = reader.finish(parsed);
    if (nul != std::string_view::npos) {
        const std::string nul_place = detail::text_place(text, nul);
        const bool failed_before_nul = !result.errors.empty() && result.errors.front().place[0] != '/' &&
                                       result.errors.front().place != nul_place;
        if (!failed_before_nul)
            return single_error(nul_place, "a NUL character (byte 0x00) is not allowed in a JSON file");
    }
    return result;
}

}  // namespace kc

