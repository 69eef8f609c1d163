// The reader's SAX handler (internal): frames, field tables, the PortfolioReader class;
// read_portfolio.cpp has its events, read_fields.cpp each object's members, read_rules.cpp
// the rules across values. nlohmann's sax_parse is iterative and basic_json's destructor
// flattens children onto a heap stack, so neither parsing nor freeing kept subtrees can
// overflow the call stack; kMaxDepth bounds both anyway.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "format.hpp"
#include "json_text.hpp"
#include "names.hpp"
#include "read_values.hpp"

namespace kc::detail {

// Deeper input is refused with a syntax-style error; 256 is far beyond any portfolio
// (which needs 5 levels) and keeps every structure the reader builds shallow.
inline constexpr std::size_t kMaxDepth = 256;
// The spec lets a reader refuse numbers above this magnitude; we do, so that sums of
// a million amounts stay exact enough.
inline constexpr double kMaxMagnitude = 1e15;

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
inline constexpr std::string_view kRootNames[] = {"kamcanvas", "portfolio", "criteria", "accounts",
                                           "organisation", "core"};
inline constexpr std::string_view kInfoNames[] = {"name", "supplier", "currency", "year", "pyramid", "matrix"};
inline constexpr std::string_view kPyramidNames[] = {"top", "large", "medium"};
inline constexpr std::string_view kMatrixNames[] = {"x_threshold", "y_threshold"};
inline constexpr std::string_view kCriterionNames[] = {"id", "name", "weight", "min", "max", "axis"};
inline constexpr std::string_view kAccountNames[] = {
    "id", "name", "status", "segment", "region", "products", "revenue", "wallet", "scores",
    "key", "goal", "targets", "contacts", "team", "evaluations", "notes"};
inline constexpr std::string_view kTargetNames[] = {"revenue", "share_of_wallet"};
inline constexpr std::string_view kContactNames[] = {"name", "function", "role", "attitude", "covered_by"};
inline constexpr std::string_view kMemberNames[] = {"name", "function", "role"};
inline constexpr std::string_view kEvaluationNames[] = {"date", "note", "status"};
inline constexpr std::string_view kOrganisationNames[] = {"level", "form", "basis", "notes"};
inline constexpr std::string_view kCoreNames[] = {"choice", "organisation", "results", "evaluation"};
// Steps share one field numbering; each kind of step knows only some of them.
inline constexpr std::string_view kChoiceNames[] = {"notes", "done", "checks"};
inline constexpr std::string_view kStepNames[] = {"notes", "done"};
inline constexpr std::string_view kCoreEvaluationNames[] = {"notes", "done", "", "interval_months", "next"};

inline Names field_names(Ctx ctx) {
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
inline bool is_map(Ctx ctx) {
    return ctx == Ctx::revenue || ctx == Ctx::wallet || ctx == Ctx::scores ||
           ctx == Ctx::targets || ctx == Ctx::checks;
}

// What the current key of an object frame is, besides a field number ≥ 0.
inline constexpr int kUnknownKey = -1;   // not in the spec: kept in `extra`
inline constexpr int kDataKey = -2;      // a key of a map kind
inline constexpr int kIgnoredKey = -3;   // already reported (duplicate, bad year): value ignored

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
inline constexpr NumberRule kAnyNumber{-kMaxMagnitude, kMaxMagnitude, "a number"};
inline constexpr NumberRule kNonNegative{0, kMaxMagnitude, "a number ≥ 0"};
inline constexpr NumberRule kPercentage{0, 100, "a number from 0 to 100"};
inline constexpr NumberRule kFraction{0, 1, "a number from 0 to 1"};

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

    void reserve_accounts(std::size_t count) { portfolio_.accounts.reserve(count); }
    std::size_t accounts_read() const { return portfolio_.accounts.size(); }
    std::size_t accounts_reserved() const { return portfolio_.accounts.capacity(); }
    // Room for `count` accounts, made when the next account begins: never while one is
    // being read, as the frames point into it (a reader fed in pieces learns the count
    // as it goes).
    void plan_accounts(std::size_t count) { planned_accounts_ = count; }
    ReadResult finish(bool parsed);
    // The reader stopped the parse because the input nests too deep: finish() then
    // places the error by scanning the input's text.
    bool stopped_too_deep() const { return stop_ == Stop::too_deep; }

    // ---- nlohmann SAX interface ----
    bool null();
    bool boolean(bool v);
    bool number_integer(std::int64_t v);
    bool number_unsigned(std::uint64_t v);
    bool number_float(double v, const std::string& text);
    bool string(std::string& v);
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
    bool version_is_known() const;
    bool is_version_member(const Frame& f) const;
    bool close();
    Ctx open_known(Frame& parent, bool is_object, Json*& extra);
    Json* enter(Ctx child, const Frame& parent);
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
    void take_quadrant_labels(MatrixThresholds& matrix);
    void check_account_ids();
    Account& account() { return portfolio_.accounts.back(); }

    std::string_view input_;
    Portfolio portfolio_;
    std::size_t planned_accounts_ = 0;
    Account& new_account() {
        if (planned_accounts_ > portfolio_.accounts.capacity()) portfolio_.accounts.reserve(planned_accounts_);
        return portfolio_.accounts.emplace_back();
    }
    std::vector<Frame> frames_;   // sized once: pushing never moves a frame
    std::size_t depth_ = 0;

    Problems errors_;
    bool saturated_ = false;   // an error did not fit in the list: stop building the model
    enum class Stop { none, syntax, too_deep, number_overflow, saturated } stop_ = Stop::none;
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

}  // namespace kc::detail
