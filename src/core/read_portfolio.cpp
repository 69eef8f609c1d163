// read_portfolio: bytes of a format-1 file -> a Portfolio, or every error with its place.
//
// One pass of nlohmann's SAX parser (iterative, so deep input cannot overflow the stack)
// feeds a handler that fills the typed model directly: no DOM of the document is ever
// built, only the unknown members are kept as small Json subtrees. The handler keeps a
// stack of frames (one per open object/array) that knows where it is, so every error
// gets its JSON Pointer without the handler remembering the document.
#include <algorithm>
#include <cstring>
#include <limits>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "format.hpp"
#include "json_text.hpp"
#include "names.hpp"
#include "read_syntax.hpp"
#include "read_values.hpp"

namespace kc {
namespace {

using detail::Scalar;

// Deeper input is refused with a syntax-style error; 256 is far beyond any portfolio
// (which needs 5 levels) and keeps every structure the reader builds shallow.
constexpr std::size_t kMaxDepth = 256;
// The spec lets a reader refuse numbers above this magnitude; we do, so that sums of
// a million amounts stay exact enough.
constexpr double kMaxMagnitude = 1e15;

// What an open object or array is, in the spec's terms.
enum class Ctx : std::uint8_t {
    root, info, pyramid, matrix, criteria, criterion, accounts, account, products,
    revenue, wallet, scores, targets, target, contacts, contact, covered_by, team, member,
    evaluations, evaluation, organisation, core, core_choice, core_step, core_evaluation,
    checks,
    capture,   // inside an unknown member: copied into `extra` as it is
    skip,      // inside a value already reported as wrong: ignored
};

// The known members of each object kind, in the spec's order (index = field number).
enum class RootField { kamcanvas, portfolio, criteria, accounts, organisation, core };
enum class InfoField { name, supplier, currency, year, pyramid, matrix };
enum class PyramidField { top, large, medium };
enum class MatrixField { x_threshold, y_threshold };
enum class CriterionField { id, name, weight, min, max, axis };
enum class AccountField {
    id, name, status, segment, region, products, revenue, wallet, scores, key, goal,
    targets, contacts, team, evaluations, notes
};
enum class TargetField { revenue, share_of_wallet };
enum class ContactField { name, function, role, attitude, covered_by };
enum class MemberField { name, function, role };
enum class EvaluationField { date, note, status };
enum class OrganisationField { level, form, basis, notes };
enum class CoreField { choice, organisation, results, evaluation };
enum class StepField { notes, done, checks, interval_months, next };

using Names = std::span<const std::string_view>;
constexpr std::string_view kRootNames[] = {"kamcanvas", "portfolio", "criteria", "accounts",
                                           "organisation", "core"};
constexpr std::string_view kInfoNames[] = {"name", "supplier", "currency", "year", "pyramid", "matrix"};
constexpr std::string_view kPyramidNames[] = {"top", "large", "medium"};
constexpr std::string_view kMatrixNames[] = {"x_threshold", "y_threshold"};
constexpr std::string_view kCriterionNames[] = {"id", "name", "weight", "min", "max", "axis"};
constexpr std::string_view kAccountNames[] = {
    "id", "name", "status", "segment", "region", "products", "revenue", "wallet", "scores",
    "key", "goal", "targets", "contacts", "team", "evaluations", "notes"};
constexpr std::string_view kTargetNames[] = {"revenue", "share_of_wallet"};
constexpr std::string_view kContactNames[] = {"name", "function", "role", "attitude", "covered_by"};
constexpr std::string_view kMemberNames[] = {"name", "function", "role"};
constexpr std::string_view kEvaluationNames[] = {"date", "note", "status"};
constexpr std::string_view kOrganisationNames[] = {"level", "form", "basis", "notes"};
constexpr std::string_view kCoreNames[] = {"choice", "organisation", "results", "evaluation"};
// Steps share one field numbering; each kind of step knows only some of them.
constexpr std::string_view kChoiceNames[] = {"notes", "done", "checks"};
constexpr std::string_view kStepNames[] = {"notes", "done"};
constexpr std::string_view kCoreEvaluationNames[] = {"notes", "done", "", "interval_months", "next"};

Names field_names(Ctx ctx) {
    switch (ctx) {
        case Ctx::root: return kRootNames;
        case Ctx::info: return kInfoNames;
        case Ctx::pyramid: return kPyramidNames;
        case Ctx::matrix: return kMatrixNames;
        case Ctx::criterion: return kCriterionNames;
        case Ctx::account: return kAccountNames;
        case Ctx::target: return kTargetNames;
        case Ctx::contact: return kContactNames;
        case Ctx::member: return kMemberNames;
        case Ctx::evaluation: return kEvaluationNames;
        case Ctx::organisation: return kOrganisationNames;
        case Ctx::core: return kCoreNames;
        case Ctx::core_choice: return kChoiceNames;
        case Ctx::core_step: return kStepNames;
        case Ctx::core_evaluation: return kCoreEvaluationNames;
        default: return {};
    }
}

// Object kinds whose every key is data (a year, a criterion id, a check name).
bool is_map(Ctx ctx) {
    return ctx == Ctx::revenue || ctx == Ctx::wallet || ctx == Ctx::scores ||
           ctx == Ctx::targets || ctx == Ctx::checks;
}

// What the current key of an object frame is, besides a field number ≥ 0.
constexpr int kUnknownKey = -1;   // not in the spec: kept in `extra`
constexpr int kDataKey = -2;      // a key of a map kind
constexpr int kIgnoredKey = -3;   // already reported (duplicate, bad year): value ignored

// Spots duplicate keys: a short list first, a hash set once an object turns out to
// be large, so hostile input with a million keys stays linear.
class KeyGuard {
public:
    void clear() {
        small_.clear();
        if (!large_.empty()) large_.clear();
    }
    // False when `key` was already there.
    bool insert(std::string_view key) {
        constexpr std::size_t kSmall = 16;
        if (large_.empty()) {
            for (const auto& k : small_)
                if (k == key) return false;
            if (small_.size() < kSmall) {
                small_.emplace_back(key);
                return true;
            }
            for (auto& k : small_) large_.insert(std::move(k));
            small_.clear();
        }
        return large_.emplace(key).second;
    }

private:
    std::vector<std::string> small_;
    std::unordered_set<std::string> large_;
};

// One open object or array.
struct Frame {
    Ctx ctx = Ctx::skip;
    bool is_object = false;
    int field = kUnknownKey;     // objects: what the current key is
    int year = -1;               // year maps: the current key as a year (-1: not a year)
    std::uint32_t index = 0;     // arrays: index of the current element
    std::uint32_t seen = 0;      // objects: bit per known field already met
    std::string key;             // objects: the current key
    Json* extra = nullptr;       // known kinds: where unknown members go; capture: the container
    KeyGuard other_keys;         // objects: keys that are not fields, for duplicates
};

// Allowed range and wording of a numeric field.
struct NumberRule {
    double low, high;
    const char* phrase;          // "a number ≥ 0" — completes "must be ..."
};
constexpr NumberRule kAnyNumber{-kMaxMagnitude, kMaxMagnitude, "a number"};
constexpr NumberRule kNonNegative{0, kMaxMagnitude, "a number ≥ 0"};
constexpr NumberRule kPercentage{0, 100, "a number from 0 to 100"};
constexpr NumberRule kFraction{0, 1, "a number from 0 to 1"};

template <typename E>
std::string allowed_values(std::span<const E> values, bool with_null = false) {
    std::string text;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (i > 0) text += i + 1 == values.size() && !with_null ? " or " : ", ";
        text += '"';
        text += to_string(values[i]);
        text += '"';
    }
    if (with_null) text += " or null";
    return text;
}

class PortfolioReader {
public:
    explicit PortfolioReader(std::string_view input) : input_(input), frames_(kMaxDepth + 1) {}

    ReadResult finish(bool parsed);

    // ---- nlohmann SAX interface ----
    bool null() { return scalar(Scalar{}, [] { return Json(nullptr); }); }
    bool boolean(bool v) {
        Scalar s;
        s.kind = Scalar::Kind::boolean;
        s.boolean = v;
        return scalar(s, [v] { return Json(v); });
    }
    bool number_integer(std::int64_t v) {
        Scalar s;
        s.kind = Scalar::Kind::integer;
        s.integer = v;
        s.number = static_cast<double>(v);
        return scalar(s, [v] { return Json(v); });
    }
    bool number_unsigned(std::uint64_t v) {
        Scalar s;
        s.kind = Scalar::Kind::unsigned_integer;
        s.unsigned_integer = v;
        s.number = static_cast<double>(v);
        return scalar(s, [v] { return Json(v); });
    }
    bool number_float(double v, const std::string& text) {
        Scalar s;
        s.kind = Scalar::Kind::floating;
        s.number = v;
        s.text = text;
        return scalar(s, [v] { return Json(v); });
    }
    bool string(std::string& v) {
        Scalar s;
        s.kind = Scalar::Kind::string;
        s.text = v;
        return scalar(s, [&v] { return Json(v); });
    }
    bool binary(Json::binary_t&) { return true; }   // never produced by JSON text
    bool start_object(std::size_t) { return open(true); }
    bool start_array(std::size_t) { return open(false); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& name);
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& error);

private:
    // ---- the frame stack and places ----
    Frame& top() { return frames_[depth_ - 1]; }
    std::string pointer_of_value() const { return pointer_up_to(depth_); }
    std::string pointer_of_frame() const { return pointer_up_to(depth_ - 1); }
    std::string pointer_up_to(std::size_t levels) const;
    void push(Ctx ctx, bool is_object, Json* extra);

    // ---- events ----
    template <typename MakeJson>
    bool scalar(const Scalar& value, MakeJson make_json);
    bool open(bool is_object);
    bool close();
    Ctx open_known(Frame& parent, bool is_object, Json*& extra);
    void read_field(Frame& f, const Scalar& v);
    void close_frame(Frame& f);

    // ---- one handler per kind of object ----
    void read_root(Frame& f, const Scalar& v);
    void read_info(Frame& f, const Scalar& v);
    void read_criterion(Frame& f, const Scalar& v);
    void read_account(Frame& f, const Scalar& v);
    void read_contact(Frame& f, const Scalar& v);
    void read_step(Frame& f, const Scalar& v);
    void read_score(Frame& f, const Scalar& v);
    void key_of_map(Frame& f, std::string_view name);

    // ---- typed values: each reports its own error and returns false ----
    bool expect(const Scalar& v, Scalar::Kind kind, const char* phrase);
    bool read_number(const Scalar& v, double& out, const NumberRule& rule);
    bool read_integer(const Scalar& v, int& out, int low, int high, const char* phrase);
    bool read_string(const Scalar& v, std::string& out, bool non_empty = false);
    bool read_optional_string(const Scalar& v, std::optional<std::string>& out);
    bool read_bool(const Scalar& v, bool& out);
    bool read_date(const Scalar& v, std::string& out);
    template <typename E>
    bool read_enum(const Scalar& v, E& out, std::span<const E> values);
    void read_version(const Scalar& v);

    // ---- errors and checks at the end ----
    void error(std::string place, std::string message, const char* code);
    void missing_keys(const Frame& f, std::initializer_list<int> required);
    // `place` makes the pointer only when there is an error to place.
    template <typename Place>
    void check_score(int criterion, double value, Place place);
    void resolve_scores();
    void check_account_ids();
    Account& account() { return portfolio_.accounts.back(); }

    std::string_view input_;
    Portfolio portfolio_;
    std::vector<Frame> frames_;   // sized once: pushing never moves a frame
    std::size_t depth_ = 0;

    Problems errors_;
    std::size_t errors_left_out_ = 0;
    enum class Stop { none, syntax, too_deep, number_overflow } stop_ = Stop::none;
    Problem stop_problem_;

    bool version_seen_ = false;
    double version_ = 0;
    std::string version_text_;

    // Criteria: ids to indexes, once the whole `criteria` array is read.
    bool criteria_done_ = false;
    bool criteria_unreadable_ = false;   // `criteria` was not an array: scores cannot be checked
    std::unordered_map<std::string, int> criterion_index_;
    std::vector<char> criterion_range_ok_;   // max > min, so scores can be checked

    // Scores met before the criteria (the file may list accounts first): checked at
    // the end. Ids are interned so a pending score costs 16 bytes.
    struct PendingScore {
        std::uint32_t account;
        std::uint32_t id;
        double value;
    };
    std::vector<PendingScore> pending_scores_;
    std::vector<std::string> pending_ids_;
    std::unordered_map<std::string, std::uint32_t> pending_id_index_;
};

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
        ++errors_left_out_;
        return;
    }
    errors_.push_back({Severity::error, std::move(place), std::move(message), code});
}

// A number's text for a message; JSONTestSuite has some of several hundred digits.
std::string shortened(const std::string& number_text) {
    constexpr std::size_t kMaxLength = 40;
    if (number_text.size() <= kMaxLength) return number_text;
    return number_text.substr(0, kMaxLength) + "…";
}

// [SECTION] events ------------------------------------------------------------------

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

template <typename MakeJson>
bool PortfolioReader::scalar(const Scalar& value, MakeJson make_json) {
    if (depth_ == 0) {
        error("/", "must be an object (a kamcanvas portfolio), got " + detail::describe(value),
              "not_a_portfolio");
        return true;
    }
    Frame& f = top();
    if (f.ctx == Ctx::skip || (f.is_object && f.field == kIgnoredKey)) {
        // reported already
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

bool PortfolioReader::open(bool is_object) {
    if (depth_ == kMaxDepth) {
        stop_ = Stop::too_deep;
        return false;   // the parser stops; finish() finds the place
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
            if (names[i] != name) continue;
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

// [SECTION] typed values ------------------------------------------------------------

bool PortfolioReader::expect(const Scalar& v, Scalar::Kind kind, const char* phrase) {
    if (v.kind == kind) return true;
    error(pointer_of_value(), std::string("must be ") + phrase + ", got " + detail::describe(v),
          "wrong_type");
    return false;
}

bool PortfolioReader::read_number(const Scalar& v, double& out, const NumberRule& rule) {
    if (!v.is_number()) {
        error(pointer_of_value(), std::string("must be ") + rule.phrase + ", got " + detail::describe(v),
              "wrong_type");
        return false;
    }
    if (std::fabs(v.number) > kMaxMagnitude) {
        error(pointer_of_value(), "is too large (the limit is 1e15), got " + detail::describe(v),
              "number_too_large");
        return false;
    }
    if (v.number < rule.low || v.number > rule.high) {
        error(pointer_of_value(), std::string("must be ") + rule.phrase + ", got " + detail::describe(v),
              "out_of_range");
        return false;
    }
    out = v.number;
    return true;
}

bool PortfolioReader::read_integer(const Scalar& v, int& out, int low, int high, const char* phrase) {
    if (!v.is_number() || !v.is_integral() || v.number < low || v.number > high) {
        error(pointer_of_value(), std::string("must be ") + phrase + ", got " + detail::describe(v),
              v.is_number() ? "out_of_range" : "wrong_type");
        return false;
    }
    out = static_cast<int>(v.number);
    return true;
}

bool PortfolioReader::read_string(const Scalar& v, std::string& out, bool non_empty) {
    if (!expect(v, Scalar::Kind::string, "a string")) return false;
    if (non_empty && v.text.empty()) {
        error(pointer_of_value(), "must not be empty", "empty");
        return false;
    }
    out.assign(v.text);
    return true;
}

bool PortfolioReader::read_optional_string(const Scalar& v, std::optional<std::string>& out) {
    if (!expect(v, Scalar::Kind::string, "a string")) return false;
    out.emplace(v.text);
    return true;
}

bool PortfolioReader::read_bool(const Scalar& v, bool& out) {
    if (!expect(v, Scalar::Kind::boolean, "true or false")) return false;
    out = v.boolean;
    return true;
}

bool PortfolioReader::read_date(const Scalar& v, std::string& out) {
    if (v.kind != Scalar::Kind::string || !detail::is_calendar_date(v.text)) {
        error(pointer_of_value(), "must be a date written YYYY-MM-DD, got " + detail::describe(v),
              "bad_date");
        return false;
    }
    out.assign(v.text);
    return true;
}

template <typename E>
bool PortfolioReader::read_enum(const Scalar& v, E& out, std::span<const E> values) {
    if (v.kind == Scalar::Kind::string && parse(v.text, out)) return true;
    error(pointer_of_value(), "must be one of " + allowed_values(values) + ", got " + detail::describe(v),
          "not_allowed");
    return false;
}

void PortfolioReader::read_version(const Scalar& v) {
    if (!v.is_number() || !v.is_integral() || v.number < 1) {
        error("/kamcanvas", "must be the format version, an integer ≥ 1 (this program reads 1), got " +
                                detail::describe(v),
              "bad_version");
        return;
    }
    version_seen_ = true;
    version_ = v.number;
    version_text_ = detail::describe(v);
}

// [SECTION] known objects: containers ----------------------------------------------

// The child a known field opens, or skip after reporting a wrong type (the field's
// scalar handler words the message: it sees an "object"/"array" Scalar).
Ctx PortfolioReader::open_known(Frame& f, bool is_object, Json*& extra) {
    Portfolio& p = portfolio_;
    const int field = f.field;
    auto want_object = [&](Ctx ctx, Json* where) {
        if (is_object) {
            extra = where;
            return ctx;
        }
        return Ctx::skip;
    };
    Ctx child = Ctx::skip;
    switch (f.ctx) {
        case Ctx::root:
            switch (static_cast<RootField>(field)) {
                case RootField::portfolio:
                    if (is_object) p.has_info = true;
                    child = want_object(Ctx::info, &p.info.extra);
                    break;
                case RootField::criteria:
                    if (!is_object) {
                        p.has_criteria = true;
                        child = Ctx::criteria;
                    } else {
                        criteria_unreadable_ = true;
                    }
                    break;
                case RootField::accounts:
                    if (!is_object) child = Ctx::accounts;
                    break;
                case RootField::organisation:
                    if (is_object) child = want_object(Ctx::organisation, &p.organisation.emplace().extra);
                    break;
                case RootField::core:
                    if (is_object) child = want_object(Ctx::core, &p.core.emplace().extra);
                    break;
                default: break;
            }
            break;
        case Ctx::info:
            if (field == static_cast<int>(InfoField::pyramid) && is_object) {
                p.info.present.set(PortfolioInfo::kPyramid);
                child = want_object(Ctx::pyramid, &p.info.pyramid.extra);
            } else if (field == static_cast<int>(InfoField::matrix) && is_object) {
                p.info.present.set(PortfolioInfo::kMatrix);
                child = want_object(Ctx::matrix, &p.info.matrix.extra);
            }
            break;
        case Ctx::criteria:
            if (is_object) {
                p.criteria.emplace_back();
                child = want_object(Ctx::criterion, &p.criteria.back().extra);
            }
            break;
        case Ctx::accounts:
            if (is_object) {
                Account& a = p.accounts.emplace_back();
                if (criteria_done_) a.scores.assign(p.criteria.size(), kNoScore);
                child = want_object(Ctx::account, &a.extra);
            }
            break;
        case Ctx::account: {
            Account& a = account();
            auto present = [&](int key, Ctx ctx) {
                a.present.set(key);
                return ctx;
            };
            switch (static_cast<AccountField>(field)) {
                case AccountField::products:
                    if (!is_object) child = present(Account::kProducts, Ctx::products);
                    break;
                case AccountField::revenue:
                    if (is_object) child = present(Account::kRevenue, Ctx::revenue);
                    break;
                case AccountField::wallet:
                    if (is_object) child = present(Account::kWallet, Ctx::wallet);
                    break;
                case AccountField::scores:
                    if (is_object) child = present(Account::kScores, Ctx::scores);
                    break;
                case AccountField::targets:
                    if (is_object) child = present(Account::kTargets, Ctx::targets);
                    break;
                case AccountField::contacts:
                    if (!is_object) child = present(Account::kContacts, Ctx::contacts);
                    break;
                case AccountField::team:
                    if (!is_object) child = present(Account::kTeam, Ctx::team);
                    break;
                case AccountField::evaluations:
                    if (!is_object) child = present(Account::kEvaluations, Ctx::evaluations);
                    break;
                default: break;
            }
            break;
        }
        case Ctx::targets:
            if (is_object) {
                auto& targets = account().targets;
                auto at = std::find_if(targets.begin(), targets.end(),
                                       [&](const auto& t) { return t.first >= f.year; });
                at = targets.insert(at, {f.year, Target{}});
                child = want_object(Ctx::target, &at->second.extra);
            }
            break;
        case Ctx::contacts:
            if (is_object) child = want_object(Ctx::contact, &account().contacts.emplace_back().extra);
            break;
        case Ctx::contact:
            if (field == static_cast<int>(ContactField::covered_by) && !is_object) {
                account().contacts.back().present.set(Contact::kCoveredBy);
                child = Ctx::covered_by;
            }
            break;
        case Ctx::team:
            if (is_object) child = want_object(Ctx::member, &account().team.emplace_back().extra);
            break;
        case Ctx::evaluations:
            if (is_object) child = want_object(Ctx::evaluation, &account().evaluations.emplace_back().extra);
            break;
        case Ctx::core:
            if (is_object) {
                CorePlan& plan = *p.core;
                switch (static_cast<CoreField>(field)) {
                    case CoreField::choice:
                        child = want_object(Ctx::core_choice, &plan.choice.emplace().extra);
                        break;
                    case CoreField::organisation:
                        child = want_object(Ctx::core_step, &plan.organisation.emplace().extra);
                        break;
                    case CoreField::results:
                        child = want_object(Ctx::core_step, &plan.results.emplace().extra);
                        break;
                    case CoreField::evaluation:
                        child = want_object(Ctx::core_evaluation, &plan.evaluation.emplace().extra);
                        break;
                }
            }
            break;
        case Ctx::core_choice:
            if (field == static_cast<int>(StepField::checks) && is_object) {
                p.core->choice->has_checks = true;
                child = Ctx::checks;
            }
            break;
        default: break;
    }
    if (child == Ctx::skip) {
        Scalar container;
        container.kind = is_object ? Scalar::Kind::object : Scalar::Kind::array;
        read_field(f, container);   // words the "must be ..., got an object" error
    }
    return child;
}

// [SECTION] known objects: scalar members --------------------------------------------

void PortfolioReader::read_field(Frame& f, const Scalar& v) {
    Portfolio& p = portfolio_;
    switch (f.ctx) {
        case Ctx::root: read_root(f, v); break;
        case Ctx::info: read_info(f, v); break;
        case Ctx::pyramid: {
            Pyramid& pyramid = p.info.pyramid;
            double* slot[] = {&pyramid.top, &pyramid.large, &pyramid.medium};
            if (read_number(v, *slot[f.field], kNonNegative)) pyramid.present.set(f.field);
            break;
        }
        case Ctx::matrix: {
            MatrixThresholds& matrix = p.info.matrix;
            double* slot[] = {&matrix.x_threshold, &matrix.y_threshold};
            if (read_number(v, *slot[f.field], kPercentage)) matrix.present.set(f.field);
            break;
        }
        case Ctx::criteria:
        case Ctx::accounts:
        case Ctx::contacts:
        case Ctx::team:
        case Ctx::evaluations:
        case Ctx::targets:
            expect(v, Scalar::Kind::object, "an object");
            break;
        case Ctx::criterion: read_criterion(f, v); break;
        case Ctx::account: read_account(f, v); break;
        case Ctx::products: {
            std::string product;
            if (read_string(v, product)) account().products.push_back(std::move(product));
            break;
        }
        case Ctx::revenue:
        case Ctx::wallet: {
            double amount;
            if (read_number(v, amount, kNonNegative))
                (f.ctx == Ctx::revenue ? account().revenue : account().wallet).set(f.year, amount);
            break;
        }
        case Ctx::scores: read_score(f, v); break;
        case Ctx::target: {
            Target& target = std::find_if(account().targets.begin(), account().targets.end(),
                                          [&](const auto& t) { return t.first == frames_[depth_ - 2].year; })
                                 ->second;
            double value;
            if (static_cast<TargetField>(f.field) == TargetField::revenue) {
                if (read_number(v, value, kNonNegative)) target.revenue = value;
            } else if (read_number(v, value, kFraction)) {
                target.share_of_wallet = value;
            }
            break;
        }
        case Ctx::contact: read_contact(f, v); break;
        case Ctx::covered_by: {
            std::string name;
            if (read_string(v, name)) account().contacts.back().covered_by.push_back(std::move(name));
            break;
        }
        case Ctx::member: {
            Member& member = account().team.back();
            switch (static_cast<MemberField>(f.field)) {
                case MemberField::name: read_string(v, member.name, true); break;
                case MemberField::function: read_optional_string(v, member.function); break;
                case MemberField::role: read_optional_string(v, member.role); break;
            }
            break;
        }
        case Ctx::evaluation: {
            Evaluation& evaluation = account().evaluations.back();
            switch (static_cast<EvaluationField>(f.field)) {
                case EvaluationField::date: read_date(v, evaluation.date); break;
                case EvaluationField::note: read_optional_string(v, evaluation.note); break;
                case EvaluationField::status: read_enum(v, evaluation.status, all_eval_statuses()); break;
            }
            break;
        }
        case Ctx::organisation: {
            Organisation& org = *p.organisation;
            switch (static_cast<OrganisationField>(f.field)) {
                case OrganisationField::level: read_enum(v, org.level, all_org_levels()); break;
                case OrganisationField::form: read_enum(v, org.form, all_org_forms()); break;
                case OrganisationField::basis: read_enum(v, org.basis, all_org_bases()); break;
                case OrganisationField::notes: read_optional_string(v, org.notes); break;
            }
            break;
        }
        case Ctx::core: expect(v, Scalar::Kind::object, "an object"); break;
        case Ctx::core_choice:
        case Ctx::core_step:
        case Ctx::core_evaluation: read_step(f, v); break;
        case Ctx::checks: {
            bool answer;
            if (read_bool(v, answer)) p.core->choice->checks.emplace_back(f.key, answer);
            break;
        }
        case Ctx::capture:
        case Ctx::skip: break;
    }
}

void PortfolioReader::read_root(Frame& f, const Scalar& v) {
    switch (static_cast<RootField>(f.field)) {
        case RootField::kamcanvas: read_version(v); break;
        case RootField::criteria:
            criteria_unreadable_ = true;
            expect(v, Scalar::Kind::array, "an array");
            break;
        case RootField::accounts: expect(v, Scalar::Kind::array, "an array"); break;
        default: expect(v, Scalar::Kind::object, "an object"); break;
    }
}

void PortfolioReader::read_info(Frame& f, const Scalar& v) {
    PortfolioInfo& info = portfolio_.info;
    switch (static_cast<InfoField>(f.field)) {
        case InfoField::name:
            if (read_string(v, info.name)) info.present.set(PortfolioInfo::kName);
            break;
        case InfoField::supplier:
            if (read_string(v, info.supplier)) info.present.set(PortfolioInfo::kSupplier);
            break;
        case InfoField::currency:
            if (v.kind != Scalar::Kind::string || !detail::is_currency_code(v.text)) {
                error(pointer_of_value(),
                      "must be a three-letter currency code such as \"EUR\", got " + detail::describe(v),
                      "bad_currency");
            } else {
                info.currency.assign(v.text);
                info.present.set(PortfolioInfo::kCurrency);
            }
            break;
        case InfoField::year: {
            int year;
            if (read_integer(v, year, 1000, 9999, "a year from 1000 to 9999")) info.year = year;
            break;
        }
        case InfoField::pyramid:
        case InfoField::matrix: expect(v, Scalar::Kind::object, "an object"); break;
    }
}

void PortfolioReader::read_criterion(Frame& f, const Scalar& v) {
    Criterion& c = portfolio_.criteria.back();
    switch (static_cast<CriterionField>(f.field)) {
        case CriterionField::id:
            if (v.kind != Scalar::Kind::string || !detail::is_criterion_id(v.text)) {
                error(pointer_of_value(),
                      "must be 1 to 64 characters of a-z, 0-9, '_' and '-', got " + detail::describe(v),
                      "bad_criterion_id");
                return;
            }
            c.id.assign(v.text);
            if (auto [at, added] = criterion_index_.emplace(c.id, static_cast<int>(frames_[depth_ - 2].index));
                !added) {
                error(pointer_of_value(),
                      "criterion id " + quote_for_message(c.id) + " is already used by /criteria/" +
                          std::to_string(at->second),
                      "duplicate_id");
            }
            break;
        case CriterionField::name:
            if (read_string(v, c.name)) c.present.set(Criterion::kName);
            break;
        case CriterionField::weight:
            if (read_number(v, c.weight, kNonNegative)) c.present.set(Criterion::kWeight);
            break;
        case CriterionField::min:
            if (read_number(v, c.min, kAnyNumber)) c.present.set(Criterion::kMin);
            break;
        case CriterionField::max:
            if (read_number(v, c.max, kAnyNumber)) c.present.set(Criterion::kMax);
            break;
        case CriterionField::axis:
            if (v.kind == Scalar::Kind::null) {
                c.axis = Axis::none;
                c.axis_is_null = true;
                c.present.set(Criterion::kAxis);
            } else if (v.kind == Scalar::Kind::string && parse(v.text, c.axis)) {
                c.present.set(Criterion::kAxis);
            } else {
                error(pointer_of_value(),
                      "must be one of " + allowed_values(all_axes(), true) + ", got " + detail::describe(v),
                      "not_allowed");
            }
            break;
    }
}

void PortfolioReader::read_account(Frame& f, const Scalar& v) {
    Account& a = account();
    switch (static_cast<AccountField>(f.field)) {
        case AccountField::id: read_string(v, a.id, true); break;
        case AccountField::name: read_string(v, a.name, true); break;
        case AccountField::status: read_enum(v, a.status, all_statuses()); break;
        case AccountField::segment: read_optional_string(v, a.segment); break;
        case AccountField::region: read_optional_string(v, a.region); break;
        case AccountField::products:
        case AccountField::contacts:
        case AccountField::team:
        case AccountField::evaluations: expect(v, Scalar::Kind::array, "an array"); break;
        case AccountField::revenue:
        case AccountField::wallet:
        case AccountField::scores:
        case AccountField::targets: expect(v, Scalar::Kind::object, "an object"); break;
        case AccountField::key:
            if (read_bool(v, a.key)) a.present.set(Account::kKey);
            break;
        case AccountField::goal: read_enum(v, a.goal, all_goals()); break;
        case AccountField::notes:
            if (read_string(v, a.notes)) a.present.set(Account::kNotes);
            break;
    }
}

void PortfolioReader::read_contact(Frame& f, const Scalar& v) {
    Contact& c = account().contacts.back();
    switch (static_cast<ContactField>(f.field)) {
        case ContactField::name: read_string(v, c.name, true); break;
        case ContactField::function: read_optional_string(v, c.function); break;
        case ContactField::role: read_enum(v, c.role, all_buying_roles()); break;
        case ContactField::attitude: read_enum(v, c.attitude, all_attitudes()); break;
        case ContactField::covered_by: expect(v, Scalar::Kind::array, "an array"); break;
    }
}

void PortfolioReader::read_step(Frame& f, const Scalar& v) {
    CorePlan& plan = *portfolio_.core;
    const Frame& parent = frames_[depth_ - 2];
    CoreStep* step = nullptr;
    switch (static_cast<CoreField>(parent.field)) {
        case CoreField::choice: step = &*plan.choice; break;
        case CoreField::organisation: step = &*plan.organisation; break;
        case CoreField::results: step = &*plan.results; break;
        case CoreField::evaluation: step = &*plan.evaluation; break;
    }
    switch (static_cast<StepField>(f.field)) {
        case StepField::notes: read_optional_string(v, step->notes); break;
        case StepField::done: {
            bool done;
            if (read_bool(v, done)) step->done = done;
            break;
        }
        case StepField::checks: expect(v, Scalar::Kind::object, "an object"); break;
        case StepField::interval_months: {
            int months;
            if (read_integer(v, months, 1, std::numeric_limits<int>::max(), "an integer ≥ 1"))
                plan.evaluation->interval_months = months;
            break;
        }
        case StepField::next: {
            std::string date;
            if (read_date(v, date)) plan.evaluation->next = std::move(date);
            break;
        }
    }
}

// [SECTION] scores ------------------------------------------------------------------

void PortfolioReader::read_score(Frame& f, const Scalar& v) {
    double value;
    if (!read_number(v, value, kAnyNumber)) return;
    const auto account_index = static_cast<std::uint32_t>(portfolio_.accounts.size() - 1);
    if (!criteria_done_) {
        auto [at, added] = pending_id_index_.emplace(f.key, static_cast<std::uint32_t>(pending_ids_.size()));
        if (added) pending_ids_.push_back(f.key);
        pending_scores_.push_back({account_index, at->second, value});
        return;
    }
    auto found = criterion_index_.find(f.key);
    if (found == criterion_index_.end()) {
        error(pointer_of_value(), "there is no criterion with id " + quote_for_message(f.key),
              "unknown_criterion");
        return;
    }
    check_score(found->second, value, [this] { return pointer_of_value(); });
    account().scores[static_cast<std::size_t>(found->second)] = value;
}

template <typename Place>
void PortfolioReader::check_score(int index, double value, Place place) {
    if (!criterion_range_ok_[static_cast<std::size_t>(index)]) return;   // its max ≤ min is reported
    const Criterion& c = portfolio_.criteria[static_cast<std::size_t>(index)];
    if (value >= c.min && value <= c.max) return;
    error(place(),
          "must be from " + json_number(c.min) + " to " + json_number(c.max) + " (the range of criterion " +
              quote_for_message(c.id) + "), got " + json_number(value),
          "score_out_of_range");
}

// Scores read before the criteria: now that all criteria are known, check and place them.
void PortfolioReader::resolve_scores() {
    const std::size_t criteria = portfolio_.criteria.size();
    for (Account& a : portfolio_.accounts)
        if (a.scores.size() != criteria) a.scores.assign(criteria, kNoScore);
    std::vector<int> index_of_pending(pending_ids_.size(), -1);
    for (std::size_t i = 0; i < pending_ids_.size(); ++i)
        if (auto found = criterion_index_.find(pending_ids_[i]); found != criterion_index_.end())
            index_of_pending[i] = found->second;
    for (const PendingScore& s : pending_scores_) {
        std::string place = "/accounts/" + std::to_string(s.account) + "/scores";
        append_pointer_segment(place, pending_ids_[s.id]);
        const int index = index_of_pending[s.id];
        if (index < 0) {
            if (criteria_unreadable_) continue;   // the criteria error says it all
            error(place, "there is no criterion with id " + quote_for_message(pending_ids_[s.id]),
                  "unknown_criterion");
            continue;
        }
        check_score(index, s.value, [&place] { return place; });
        portfolio_.accounts[s.account].scores[static_cast<std::size_t>(index)] = s.value;
    }
    pending_scores_ = {};
}

// [SECTION] closing objects: required keys and whole-object rules ---------------------

void PortfolioReader::missing_keys(const Frame& f, std::initializer_list<int> required) {
    Names names = field_names(f.ctx);
    for (int field : required)
        if (!(f.seen & (1u << field)))
            error(pointer_of_frame(), "missing required key \"" + std::string(names[static_cast<std::size_t>(field)]) + "\"",
                  "missing_key");
}

void PortfolioReader::close_frame(Frame& f) {
    Portfolio& p = portfolio_;
    switch (f.ctx) {
        case Ctx::root:
            if (!(f.seen & (1u << static_cast<int>(RootField::kamcanvas))))
                error("/kamcanvas", "missing required key \"kamcanvas\" (the format version, 1): "
                                    "is this a kamcanvas portfolio?",
                      "missing_key");
            missing_keys(f, {static_cast<int>(RootField::accounts)});
            break;
        case Ctx::pyramid: {
            const Pyramid& pyramid = p.info.pyramid;
            const double sum = pyramid.top + pyramid.large + pyramid.medium;
            if (sum > 100)
                error(pointer_of_frame(),
                      "top, large and medium must add up to at most 100 (percent), got " + json_number(pyramid.top) +
                          " + " + json_number(pyramid.large) + " + " + json_number(pyramid.medium) + " = " +
                          json_number(sum),
                      "pyramid_over_100");
            break;
        }
        case Ctx::criteria: {
            criteria_done_ = true;
            criterion_range_ok_.assign(p.criteria.size(), 1);
            for (std::size_t i = 0; i < p.criteria.size(); ++i) {
                const Criterion& c = p.criteria[i];
                if (c.max > c.min) continue;
                criterion_range_ok_[i] = 0;
                const bool blame_min = !c.present.has(Criterion::kMax);
                error("/criteria/" + std::to_string(i) + (blame_min ? "/min" : "/max"),
                      "max must be above min, got min " + json_number(c.min) + " and max " + json_number(c.max),
                      "max_not_above_min");
            }
            break;
        }
        case Ctx::criterion: missing_keys(f, {static_cast<int>(CriterionField::id)}); break;
        case Ctx::account:
            missing_keys(f, {static_cast<int>(AccountField::id), static_cast<int>(AccountField::name)});
            break;
        case Ctx::contact: missing_keys(f, {static_cast<int>(ContactField::name)}); break;
        case Ctx::member: missing_keys(f, {static_cast<int>(MemberField::name)}); break;
        case Ctx::evaluation: missing_keys(f, {static_cast<int>(EvaluationField::date)}); break;
        default: break;
    }
}

// Duplicate account ids, found by sorting indexes (4 bytes an account) rather than
// hashing a million strings; the later account of each pair is the one reported.
void PortfolioReader::check_account_ids() {
    const auto& accounts = portfolio_.accounts;
    std::vector<std::uint32_t> order(accounts.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        int c = accounts[a].id.compare(accounts[b].id);
        return c != 0 ? c < 0 : a < b;
    });
    std::vector<std::pair<std::uint32_t, std::uint32_t>> duplicates;   // (later, first)
    for (std::size_t i = 1; i < order.size(); ++i) {
        std::size_t first = i - 1;
        while (i < order.size() && accounts[order[i]].id == accounts[order[first]].id) {
            if (!accounts[order[i]].id.empty()) duplicates.emplace_back(order[i], order[first]);
            ++i;
        }
    }
    std::sort(duplicates.begin(), duplicates.end());
    for (auto [later, first] : duplicates)
        error("/accounts/" + std::to_string(later) + "/id",
              "account id " + quote_for_message(accounts[later].id) + " is already used by /accounts/" +
                  std::to_string(first),
              "duplicate_id");
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
    } else {
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
    if (errors_left_out_ > 0)
        errors_.push_back({Severity::error, "/",
                           "too many errors: " + std::to_string(errors_left_out_) +
                               " more not listed after the first " + std::to_string(kMaxErrors),
                           "too_many_errors"});
    result.errors = std::move(errors_);
    if (result.errors.empty()) {
        portfolio_.format = kFormatVersion;
        result.warnings = check_warnings(portfolio_);
        result.portfolio.emplace(std::move(portfolio_));
    }
    return result;
}

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
    PortfolioReader reader(parsed_text);
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
