// The portfolio model: format 1 (../shared/spec/portfolio-format.md) as C++ values.
//
// Pure data, no behaviour beyond small lookups. Everything the program knows about
// a file lives here; the reader fills it, the writer turns it back into JSON, the
// analyses read it and core::apply (edit.hpp) is the only thing that changes it
// once it is open.
//
// Two rules keep "open + save loses nothing" true:
//  * every object keeps the members it does not recognise in `extra`, in file order;
//  * a key that has a default is written back when it was in the file (`present`)
//    or when its value differs from the default, so an explicit `"products": []`
//    survives and a default never appears out of nowhere.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace kc {

// Ordered: unknown members are written back in the order the file had them.
using Json = nlohmann::ordered_json;

// Which defaulted keys an object had in the file. One bit per key; each struct
// names its bits in a nested enum.
struct Present {
    std::uint32_t bits = 0;
    bool has(int key) const { return (bits >> key) & 1u; }
    void set(int key) { bits |= (1u << key); }
    friend bool operator==(const Present&, const Present&) = default;
};

// year -> amount, kept sorted by year. Years are few per account (a handful), so
// a sorted vector beats a map in memory and speed.
struct YearValues {
    std::vector<std::pair<int, double>> items;

    double get(int year) const {
        for (const auto& [y, v] : items)
            if (y == year) return v;
        return 0.0;
    }
    const double* find(int year) const {
        for (const auto& kv : items)
            if (kv.first == year) return &kv.second;
        return nullptr;
    }
    void set(int year, double value);   // inserts in order or replaces
    bool erase(int year);               // true when something was removed
    bool empty() const { return items.empty(); }
};

inline void YearValues::set(int year, double value) {
    auto it = items.begin();
    while (it != items.end() && it->first < year) ++it;
    if (it != items.end() && it->first == year) it->second = value;
    else items.insert(it, {year, value});
}

inline bool YearValues::erase(int year) {
    for (auto it = items.begin(); it != items.end(); ++it)
        if (it->first == year) { items.erase(it); return true; }
    return false;
}

// Missing score marker in Account::scores.
inline constexpr double kNoScore = std::numeric_limits<double>::quiet_NaN();
inline bool has_score(double s) { return !std::isnan(s); }

// [SECTION] enums -------------------------------------------------------------
// Each enum's `none` means "key absent"; the others map 1:1 to the spec's strings
// (names.hpp converts).

enum class Status { none, active, inactive, prospect, suspect };
enum class Axis { none, attractiveness, position };          // none = null or absent
enum class Goal { none, retention, growth };
enum class BuyingRole { none, initiator, user, influencer, decider, buyer, gatekeeper };
enum class Attitude { none, supporter, neutral, opponent };
enum class EvalStatus { none, on_track, at_risk, off_track };
enum class OrgLevel { none, staff, line };
enum class OrgForm { none, decentral, central, dedicated };
enum class OrgBasis { none, product, market, geography };

// [SECTION] portfolio header ------------------------------------------------------

struct Pyramid {
    enum Key { kTop, kLarge, kMedium };
    double top = 1, large = 4, medium = 15;
    Present present;
    Json extra = Json::object();
};

// Extension (docs/format-extensions.md): how the portfolio matrix names its quadrants,
// `portfolio.matrix.labels`. The quadrant ids of the analysis never change; only what
// the screen calls them. The named sets are worded by the app in the user's language.
enum class QuadrantNaming { mcdonald_woodburn, cranfield, own };
inline constexpr int kQuadrantCount = 4;   // key, key_development, maintenance, opportunistic

struct QuadrantLabels {
    QuadrantNaming naming = QuadrantNaming::mcdonald_woodburn;
    // With `own`: the user's label per quadrant, in the order of kQuadrantIds;
    // nullopt where the user gave none (the app shows McDonald & Woodburn's name).
    std::array<std::optional<std::string>, kQuadrantCount> own;
    Json extra = Json::object();   // with `own`: members that are not quadrant ids, kept

    friend bool operator==(const QuadrantLabels&, const QuadrantLabels&) = default;
};

// The quadrant ids of the analysis spec, in the order of QuadrantLabels::own.
inline constexpr std::array<const char*, kQuadrantCount> kQuadrantIds = {
    "key", "key_development", "maintenance", "opportunistic"};

struct MatrixThresholds {
    enum Key { kX, kY };
    double x_threshold = 50, y_threshold = 50;
    // Absent from the file: nullopt (McDonald & Woodburn's names). A `labels` member
    // that does not have the extension's shape stays in `extra`, untouched and unused;
    // a set `labels` takes its place when the file is written.
    std::optional<QuadrantLabels> labels;
    Present present;
    Json extra = Json::object();
};

struct PortfolioInfo {
    enum Key { kName, kSupplier, kCurrency, kPyramid, kMatrix };
    std::string name;                 // default ""
    std::string supplier;             // default ""
    std::string currency = "EUR";
    std::optional<int> year;          // absent: latest year with revenue
    Pyramid pyramid;
    MatrixThresholds matrix;
    Present present;
    Json extra = Json::object();
};

struct Criterion {
    enum Key { kName, kWeight, kMin, kMax, kAxis };
    std::string id;
    std::string name;                 // absent: shown as the id (display_name())
    double weight = 1;
    double min = 1;
    double max = 5;
    Axis axis = Axis::none;
    bool axis_is_null = false;        // file said "axis": null (kept on save)
    Present present;
    Json extra = Json::object();

    const std::string& display_name() const { return name.empty() ? id : name; }
};

// [SECTION] account and its parts ------------------------------------------------

// The plan's parts compare equal when they would be written the same (an edit that sets
// what is already there changes nothing).
struct Target {
    std::optional<double> revenue;
    std::optional<double> share_of_wallet;
    Json extra = Json::object();
    friend bool operator==(const Target&, const Target&) = default;
};

struct Contact {
    enum Key { kCoveredBy };
    std::string name;
    std::optional<std::string> function;
    BuyingRole role = BuyingRole::none;
    Attitude attitude = Attitude::none;
    std::vector<std::string> covered_by;   // team member names
    Present present;
    Json extra = Json::object();
    friend bool operator==(const Contact&, const Contact&) = default;
};

struct Member {
    std::string name;
    std::optional<std::string> function;
    std::optional<std::string> role;       // free text, e.g. "account manager"
    Json extra = Json::object();
    friend bool operator==(const Member&, const Member&) = default;
};

struct Evaluation {
    std::string date;                      // YYYY-MM-DD
    std::optional<std::string> note;
    EvalStatus status = EvalStatus::none;
    Json extra = Json::object();
    friend bool operator==(const Evaluation&, const Evaluation&) = default;
};

struct Account {
    enum Key { kProducts, kRevenue, kWallet, kScores, kKey, kTargets, kContacts, kTeam,
               kEvaluations, kNotes };
    std::string id;
    std::string name;
    Status status = Status::none;
    std::optional<std::string> segment;
    std::optional<std::string> region;
    std::vector<std::string> products;
    YearValues revenue;
    YearValues wallet;
    // One entry per Portfolio::criteria, same order; kNoScore where the account
    // has no score. Invariant kept by the reader and by every edit.
    std::vector<double> scores;
    bool key = false;
    Goal goal = Goal::none;
    std::vector<std::pair<int, Target>> targets;   // sorted by year
    std::vector<Contact> contacts;
    std::vector<Member> team;
    std::vector<Evaluation> evaluations;
    std::string notes;
    Present present;
    Json extra = Json::object();
};

// [SECTION] organisation and CORE plan -------------------------------------------

struct Organisation {
    OrgLevel level = OrgLevel::none;
    OrgForm form = OrgForm::none;
    OrgBasis basis = OrgBasis::none;
    std::optional<std::string> notes;
    Json extra = Json::object();
    friend bool operator==(const Organisation&, const Organisation&) = default;
};

struct CoreStep {
    std::optional<std::string> notes;
    std::optional<bool> done;
    Json extra = Json::object();
    friend bool operator==(const CoreStep&, const CoreStep&) = default;
};

struct CoreChoice : CoreStep {
    bool has_checks = false;                               // `checks` was present
    std::vector<std::pair<std::string, bool>> checks;      // in file order
    friend bool operator==(const CoreChoice&, const CoreChoice&) = default;
};

struct CoreEvaluation : CoreStep {
    std::optional<int> interval_months;
    std::optional<std::string> next;                       // YYYY-MM-DD
    friend bool operator==(const CoreEvaluation&, const CoreEvaluation&) = default;
};

// The four steps of the CORE plan, in the plan's order.
enum class CoreStepId { choice, organisation, results, evaluation };
inline constexpr std::array<CoreStepId, 4> kCoreSteps = {CoreStepId::choice, CoreStepId::organisation,
                                                         CoreStepId::results, CoreStepId::evaluation};

struct CorePlan {
    std::optional<CoreChoice> choice;
    std::optional<CoreStep> organisation;
    std::optional<CoreStep> results;
    std::optional<CoreEvaluation> evaluation;
    Json extra = Json::object();
    friend bool operator==(const CorePlan&, const CorePlan&) = default;

    // The step's common part (notes, done), or nullptr when the file has no such step.
    const CoreStep* step(CoreStepId id) const {
        switch (id) {
            case CoreStepId::choice: return choice ? &*choice : nullptr;
            case CoreStepId::organisation: return organisation ? &*organisation : nullptr;
            case CoreStepId::results: return results ? &*results : nullptr;
            case CoreStepId::evaluation: return evaluation ? &*evaluation : nullptr;
        }
        return nullptr;
    }
};

// [SECTION] the whole file ---------------------------------------------------------

struct Portfolio {
    int format = 1;                                // `kamcanvas`
    bool has_info = false;                         // `portfolio` object was present
    PortfolioInfo info;
    bool has_criteria = false;                     // `criteria` array was present
    std::vector<Criterion> criteria;
    std::vector<Account> accounts;
    std::optional<Organisation> organisation;
    std::optional<CorePlan> core;
    Json extra = Json::object();                   // unknown top-level members

    // Index of the criterion / account with this id, or -1.
    int criterion_index(const std::string& id) const {
        for (std::size_t i = 0; i < criteria.size(); ++i)
            if (criteria[i].id == id) return static_cast<int>(i);
        return -1;
    }
};

}  // namespace kc
