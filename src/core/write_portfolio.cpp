// write_portfolio: a Portfolio -> the bytes of a format-1 file, and PortfolioTextWriter,
// which hands out the same bytes in pieces (write_portfolio runs it to the end).
//
// Known keys in the spec's order, then each object's kept unknown members in file
// order; a defaulted key only when the file had it or its value is not the default.
// Text goes straight into std::string (no Json tree of the whole portfolio), in the
// layout of nlohmann's dump(2): 2-space indent, one member or element a line.
#include <cstdio>
#include <limits>
#include <string>

#include "format.hpp"
#include "json_text.hpp"
#include "names.hpp"
#include "portfolio_text_writer.hpp"

namespace kc {
namespace {

// Writes JSON text with indentation. One `first` flag suffices: a child container
// is only ever opened right after its parent's member/element separator was written.
// The depth and the flag live with the caller, so writing can stop between two parts
// and go on later with another Emitter (PortfolioTextWriter).
class Emitter {
public:
    Emitter(std::string& out, std::size_t& depth, bool& first) : out_(out), depth_(depth), first_(first) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // Starts a member: separator, indent, key and ": ". The value follows.
    Emitter& key(std::string_view name) {
        next_line();
        append_json_string(out_, name);
        out_ += ": ";
        return *this;
    }
    // Starts an array element. The value follows.
    Emitter& element() {
        next_line();
        return *this;
    }

    void string(std::string_view text) { append_json_string(out_, text); }
    void number(double value) { append_json_number(out_, value); }
    void boolean(bool value) { out_ += value ? "true" : "false"; }
    void null() { out_ += "null"; }
    void json(const Json& value);   // a kept unknown value, any shape

    // Conveniences for the common member shapes.
    void member(std::string_view name, std::string_view text) { key(name).string(text); }
    void member(std::string_view name, double value) { key(name).number(value); }
    void member_bool(std::string_view name, bool value) { key(name).boolean(value); }
    void optional_member(std::string_view name, const std::optional<std::string>& text) {
        if (text) member(name, std::string_view(*text));
    }
    template <typename E>
    void member_enum(std::string_view name, E value) {
        if (value != E::none) member(name, to_string(value));
    }
    // `except`: a member the model now writes itself (an unused `labels` replaced by a set one).
    void extra_members(const Json& extra, std::string_view except = {}) {
        if (!extra.is_object()) return;
        for (const auto& [name, value] : extra.items())
            if (except.empty() || name != except) key(name).json(value);
    }

private:
    void open(char bracket) {
        out_ += bracket;
        ++depth_;
        first_ = true;
    }
    void close(char bracket) {
        --depth_;
        if (!first_) {
            out_ += '\n';
            indent();
        }
        out_ += bracket;
        first_ = false;
    }
    void next_line() {
        out_ += first_ ? "\n" : ",\n";
        indent();
        first_ = false;
    }
    void indent() { out_.append(2 * depth_, ' '); }

    std::string& out_;
    std::size_t& depth_;
    bool& first_;
};

// Kept values are at most as deep as the reader allowed (256 levels), so recursion is bounded.
void Emitter::json(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object:
            begin_object();
            for (const auto& [name, member] : value.items()) key(name).json(member);
            end_object();
            break;
        case Json::value_t::array:
            begin_array();
            for (const auto& item : value) element().json(item);
            end_array();
            break;
        case Json::value_t::string: string(*value.get_ptr<const Json::string_t*>()); break;
        case Json::value_t::boolean: boolean(*value.get_ptr<const Json::boolean_t*>()); break;
        case Json::value_t::number_integer:
            append_json_integer(out_, *value.get_ptr<const Json::number_integer_t*>());
            break;
        case Json::value_t::number_unsigned:
            append_json_unsigned(out_, *value.get_ptr<const Json::number_unsigned_t*>());
            break;
        case Json::value_t::number_float: number(*value.get_ptr<const Json::number_float_t*>()); break;
        default: null(); break;
    }
}

bool has_members(const Json& extra) { return extra.is_object() && !extra.empty(); }

void write_year_values(Emitter& e, const YearValues& values) {
    e.begin_object();
    char year[8];
    for (const auto& [y, amount] : values.items) {
        std::snprintf(year, sizeof year, "%04d", y);
        e.member(year, amount);
    }
    e.end_object();
}

void write_strings(Emitter& e, const std::vector<std::string>& items) {
    e.begin_array();
    for (const auto& item : items) e.element().string(item);
    e.end_array();
}

// [SECTION] portfolio header ------------------------------------------------------

bool pyramid_is_default(const Pyramid& p) {
    return p.present.bits == 0 && p.top == 1 && p.large == 4 && p.medium == 15 && !has_members(p.extra);
}

bool matrix_is_default(const MatrixThresholds& m) {
    return m.present.bits == 0 && m.x_threshold == 50 && m.y_threshold == 50 && !m.labels &&
           !has_members(m.extra);
}

bool info_is_default(const PortfolioInfo& info) {
    return info.present.bits == 0 && info.name.empty() && info.supplier.empty() && info.currency == "EUR" &&
           !info.year && pyramid_is_default(info.pyramid) && matrix_is_default(info.matrix) &&
           !has_members(info.extra);
}

void write_pyramid(Emitter& e, const Pyramid& p) {
    e.begin_object();
    if (p.present.has(Pyramid::kTop) || p.top != 1) e.member("top", p.top);
    if (p.present.has(Pyramid::kLarge) || p.large != 4) e.member("large", p.large);
    if (p.present.has(Pyramid::kMedium) || p.medium != 15) e.member("medium", p.medium);
    e.extra_members(p.extra);
    e.end_object();
}

// Extension (docs/format-extensions.md): a named set as its name, the user's own as an
// object of labels by quadrant id, then that object's kept members.
void write_quadrant_labels(Emitter& e, const QuadrantLabels& labels) {
    if (labels.naming != QuadrantNaming::own) {
        e.string(to_string(labels.naming));
        return;
    }
    e.begin_object();
    for (std::size_t q = 0; q < labels.own.size(); ++q)
        e.optional_member(kQuadrantIds[q], labels.own[q]);
    e.extra_members(labels.extra);
    e.end_object();
}

void write_matrix(Emitter& e, const MatrixThresholds& m) {
    e.begin_object();
    if (m.present.has(MatrixThresholds::kX) || m.x_threshold != 50) e.member("x_threshold", m.x_threshold);
    if (m.present.has(MatrixThresholds::kY) || m.y_threshold != 50) e.member("y_threshold", m.y_threshold);
    if (m.labels) {
        e.key("labels");
        write_quadrant_labels(e, *m.labels);
    }
    e.extra_members(m.extra, m.labels ? "labels" : "");
    e.end_object();
}

void write_info(Emitter& e, const PortfolioInfo& info) {
    e.begin_object();
    if (info.present.has(PortfolioInfo::kName) || !info.name.empty()) e.member("name", info.name);
    if (info.present.has(PortfolioInfo::kSupplier) || !info.supplier.empty()) e.member("supplier", info.supplier);
    if (info.present.has(PortfolioInfo::kCurrency) || info.currency != "EUR") e.member("currency", info.currency);
    if (info.year) e.member("year", static_cast<double>(*info.year));
    if (info.present.has(PortfolioInfo::kPyramid) || !pyramid_is_default(info.pyramid)) {
        e.key("pyramid");
        write_pyramid(e, info.pyramid);
    }
    if (info.present.has(PortfolioInfo::kMatrix) || !matrix_is_default(info.matrix)) {
        e.key("matrix");
        write_matrix(e, info.matrix);
    }
    e.extra_members(info.extra);
    e.end_object();
}

void write_criterion(Emitter& e, const Criterion& c) {
    e.begin_object();
    e.member("id", c.id);
    if (c.present.has(Criterion::kName) || !c.name.empty()) e.member("name", c.name);
    if (c.present.has(Criterion::kWeight) || c.weight != 1) e.member("weight", c.weight);
    if (c.present.has(Criterion::kMin) || c.min != 1) e.member("min", c.min);
    if (c.present.has(Criterion::kMax) || c.max != 5) e.member("max", c.max);
    if (c.axis != Axis::none) e.member("axis", to_string(c.axis));
    else if (c.axis_is_null || c.present.has(Criterion::kAxis)) e.key("axis").null();
    e.extra_members(c.extra);
    e.end_object();
}

// [SECTION] account -------------------------------------------------------------------

void write_contact(Emitter& e, const Contact& c) {
    e.begin_object();
    e.member("name", c.name);
    e.optional_member("function", c.function);
    e.member_enum("role", c.role);
    e.member_enum("attitude", c.attitude);
    if (c.present.has(Contact::kCoveredBy) || !c.covered_by.empty()) {
        e.key("covered_by");
        write_strings(e, c.covered_by);
    }
    e.extra_members(c.extra);
    e.end_object();
}

void write_member(Emitter& e, const Member& m) {
    e.begin_object();
    e.member("name", m.name);
    e.optional_member("function", m.function);
    e.optional_member("role", m.role);
    e.extra_members(m.extra);
    e.end_object();
}

void write_evaluation(Emitter& e, const Evaluation& ev) {
    e.begin_object();
    e.member("date", ev.date);
    e.optional_member("note", ev.note);
    e.member_enum("status", ev.status);
    e.extra_members(ev.extra);
    e.end_object();
}

void write_targets(Emitter& e, const std::vector<std::pair<int, Target>>& targets) {
    e.begin_object();
    char year[8];
    for (const auto& [y, target] : targets) {
        std::snprintf(year, sizeof year, "%04d", y);
        e.key(year).begin_object();
        if (target.revenue) e.member("revenue", *target.revenue);
        if (target.share_of_wallet) e.member("share_of_wallet", *target.share_of_wallet);
        e.extra_members(target.extra);
        e.end_object();
    }
    e.end_object();
}

template <typename T, typename WriteOne>
void write_list(Emitter& e, std::string_view name, const std::vector<T>& items, bool present, WriteOne write_one) {
    if (!present && items.empty()) return;
    e.key(name).begin_array();
    for (const auto& item : items) {
        e.element();
        write_one(e, item);
    }
    e.end_array();
}

bool has_any_score(const std::vector<double>& scores) {
    for (double s : scores)
        if (has_score(s)) return true;
    return false;
}

void write_account(Emitter& e, const Account& a, const std::vector<Criterion>& criteria) {
    e.begin_object();
    e.member("id", a.id);
    e.member("name", a.name);
    e.member_enum("status", a.status);
    e.optional_member("segment", a.segment);
    e.optional_member("region", a.region);
    if (a.present.has(Account::kProducts) || !a.products.empty()) {
        e.key("products");
        write_strings(e, a.products);
    }
    if (a.present.has(Account::kRevenue) || !a.revenue.empty()) {
        e.key("revenue");
        write_year_values(e, a.revenue);
    }
    if (a.present.has(Account::kWallet) || !a.wallet.empty()) {
        e.key("wallet");
        write_year_values(e, a.wallet);
    }
    if (a.present.has(Account::kScores) || has_any_score(a.scores)) {
        e.key("scores").begin_object();
        for (std::size_t i = 0; i < a.scores.size() && i < criteria.size(); ++i)
            if (has_score(a.scores[i])) e.member(criteria[i].id, a.scores[i]);
        e.end_object();
    }
    if (a.present.has(Account::kKey) || a.key) e.member_bool("key", a.key);
    e.member_enum("goal", a.goal);
    if (a.present.has(Account::kTargets) || !a.targets.empty()) {
        e.key("targets");
        write_targets(e, a.targets);
    }
    write_list(e, "contacts", a.contacts, a.present.has(Account::kContacts), write_contact);
    write_list(e, "team", a.team, a.present.has(Account::kTeam), write_member);
    write_list(e, "evaluations", a.evaluations, a.present.has(Account::kEvaluations), write_evaluation);
    if (a.present.has(Account::kNotes) || !a.notes.empty()) e.member("notes", a.notes);
    e.extra_members(a.extra);
    e.end_object();
}

// [SECTION] organisation and CORE plan --------------------------------------------

void write_organisation(Emitter& e, const Organisation& o) {
    e.begin_object();
    e.member_enum("level", o.level);
    e.member_enum("form", o.form);
    e.member_enum("basis", o.basis);
    e.optional_member("notes", o.notes);
    e.extra_members(o.extra);
    e.end_object();
}

void write_step_start(Emitter& e, const CoreStep& step) {
    e.begin_object();
    e.optional_member("notes", step.notes);
    if (step.done) e.member_bool("done", *step.done);
}

void write_core(Emitter& e, const CorePlan& plan) {
    e.begin_object();
    if (plan.choice) {
        const CoreChoice& choice = *plan.choice;
        write_step_start(e.key("choice"), choice);
        if (choice.has_checks || !choice.checks.empty()) {
            e.key("checks").begin_object();
            for (const auto& [name, answer] : choice.checks) e.member_bool(name, answer);
            e.end_object();
        }
        e.extra_members(choice.extra);
        e.end_object();
    }
    for (const auto& [name, step] :
         {std::pair{"organisation", &plan.organisation}, std::pair{"results", &plan.results}}) {
        if (!*step) continue;
        write_step_start(e.key(name), **step);
        e.extra_members((*step)->extra);
        e.end_object();
    }
    if (plan.evaluation) {
        const CoreEvaluation& evaluation = *plan.evaluation;
        write_step_start(e.key("evaluation"), evaluation);
        if (evaluation.interval_months) e.member("interval_months", static_cast<double>(*evaluation.interval_months));
        e.optional_member("next", evaluation.next);
        e.extra_members(evaluation.extra);
        e.end_object();
    }
    e.extra_members(plan.extra);
    e.end_object();
}

// [SECTION] the file: head, accounts, tail -------------------------------------------

// Everything before the first account, the accounts array opened.
void write_head(Emitter& e, const Portfolio& p) {
    e.begin_object();
    e.member("kamcanvas", static_cast<double>(kFormatVersion));   // the layout written is format 1
    if (p.has_info || !info_is_default(p.info)) {
        e.key("portfolio");
        write_info(e, p.info);
    }
    if (p.has_criteria || !p.criteria.empty()) {
        e.key("criteria").begin_array();
        for (const Criterion& c : p.criteria) write_criterion(e.element(), c);
        e.end_array();
    }
    e.key("accounts").begin_array();
}

// Everything after the last account.
void write_tail(Emitter& e, const Portfolio& p) {
    e.end_array();   // of the accounts
    if (p.organisation) write_organisation(e.key("organisation"), *p.organisation);
    if (p.core) write_core(e.key("core"), *p.core);
    e.extra_members(p.extra);
    e.end_object();
}

}  // namespace

// [SECTION] the writer in pieces ----------------------------------------------------

PortfolioTextWriter::PortfolioTextWriter(const Portfolio& portfolio) : portfolio_(portfolio) {}

std::string_view PortfolioTextWriter::next(std::size_t about_bytes) {
    piece_.clear();   // keeps its capacity: the pieces of one text are alike in size
    append_next(piece_, about_bytes);
    return piece_;
}

void PortfolioTextWriter::append_next(std::string& out, std::size_t about_bytes) {
    const std::size_t start = out.size();
    // `about_bytes` 0 still gets a part: a piece is never empty before the end.
    do {
        write_part(out);
    } while (!done() && out.size() - start < about_bytes);
}

void PortfolioTextWriter::write_part(std::string& out) {
    Emitter e(out, depth_, container_empty_);
    switch (part_) {
        case Part::head:
            write_head(e, portfolio_);
            part_ = portfolio_.accounts.empty() ? Part::tail : Part::accounts;
            break;
        case Part::accounts:
            write_account(e.element(), portfolio_.accounts[next_account_], portfolio_.criteria);
            if (++next_account_ == portfolio_.accounts.size()) part_ = Part::tail;
            break;
        case Part::tail:
            write_tail(e, portfolio_);
            out += '\n';
            part_ = Part::done;
            break;
        case Part::done: break;
    }
}

std::string write_portfolio(const Portfolio& p) {
    std::string out;
    // About 300 bytes an account in practice: one allocation for most files.
    out.reserve(256 + 320 * p.accounts.size());
    PortfolioTextWriter(p).append_next(out, std::numeric_limits<std::size_t>::max());
    return out;
}

}  // namespace kc
