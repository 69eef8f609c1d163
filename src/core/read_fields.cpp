// The reader's handling of each kind of object's members (see read_handler.hpp): which
// child a member opens, and how each scalar member is checked and stored.
//
// Every check names the value found ("must be a number ≥ 0, got -5"); a container where
// a scalar belongs is reported by the scalar's own check, which sees "an object".
#include <algorithm>
#include <limits>
#include <string>

#include "read_handler.hpp"

namespace kc::detail {

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

namespace {

// What a known member opens when it holds the container the spec gives it.
struct Child {
    Ctx ctx;
    bool is_object;
};

std::optional<Child> child_of(Ctx parent, int field) {
    switch (parent) {
        case Ctx::root:
            switch (static_cast<RootField>(field)) {
                case RootField::portfolio: return Child{Ctx::info, true};
                case RootField::criteria: return Child{Ctx::criteria, false};
                case RootField::accounts: return Child{Ctx::accounts, false};
                case RootField::organisation: return Child{Ctx::organisation, true};
                case RootField::core: return Child{Ctx::core, true};
                default: return std::nullopt;
            }
        case Ctx::info:
            if (field == static_cast<int>(InfoField::pyramid)) return Child{Ctx::pyramid, true};
            if (field == static_cast<int>(InfoField::matrix)) return Child{Ctx::matrix, true};
            return std::nullopt;
        case Ctx::criteria: return Child{Ctx::criterion, true};
        case Ctx::accounts: return Child{Ctx::account, true};
        case Ctx::account:
            switch (static_cast<AccountField>(field)) {
                case AccountField::products: return Child{Ctx::products, false};
                case AccountField::revenue: return Child{Ctx::revenue, true};
                case AccountField::wallet: return Child{Ctx::wallet, true};
                case AccountField::scores: return Child{Ctx::scores, true};
                case AccountField::targets: return Child{Ctx::targets, true};
                case AccountField::contacts: return Child{Ctx::contacts, false};
                case AccountField::team: return Child{Ctx::team, false};
                case AccountField::evaluations: return Child{Ctx::evaluations, false};
                default: return std::nullopt;
            }
        case Ctx::targets: return Child{Ctx::target, true};
        case Ctx::contacts: return Child{Ctx::contact, true};
        case Ctx::contact:
            if (field == static_cast<int>(ContactField::covered_by)) return Child{Ctx::covered_by, false};
            return std::nullopt;
        case Ctx::team: return Child{Ctx::member, true};
        case Ctx::evaluations: return Child{Ctx::evaluation, true};
        case Ctx::core:
            switch (static_cast<CoreField>(field)) {
                case CoreField::choice: return Child{Ctx::core_choice, true};
                case CoreField::organisation:
                case CoreField::results: return Child{Ctx::core_step, true};
                case CoreField::evaluation: return Child{Ctx::core_evaluation, true};
            }
            return std::nullopt;
        case Ctx::core_choice:
            if (field == static_cast<int>(StepField::checks)) return Child{Ctx::checks, true};
            return std::nullopt;
        default: return std::nullopt;
    }
}

// The Present bit an account's container member sets.
int account_key_of(Ctx child) {
    switch (child) {
        case Ctx::products: return Account::kProducts;
        case Ctx::revenue: return Account::kRevenue;
        case Ctx::wallet: return Account::kWallet;
        case Ctx::scores: return Account::kScores;
        case Ctx::targets: return Account::kTargets;
        case Ctx::contacts: return Account::kContacts;
        case Ctx::team: return Account::kTeam;
        default: return Account::kEvaluations;
    }
}

}  // namespace

// The child a known member opens, or skip after reporting a wrong type (the member's
// scalar check words the message: it sees an "object"/"array" Scalar).
Ctx PortfolioReader::open_known(Frame& f, bool is_object, Json*& extra) {
    const std::optional<Child> child = child_of(f.ctx, f.field);
    if (!child || child->is_object != is_object) {
        Scalar container;
        container.kind = is_object ? Scalar::Kind::object : Scalar::Kind::array;
        read_field(f, container);
        return Ctx::skip;
    }
    extra = enter(child->ctx, f);
    return child->ctx;
}

// Makes the model element a child stands for; returns where its unknown members go
// (nullptr for arrays and maps, which have none).
Json* PortfolioReader::enter(Ctx child, const Frame& parent) {
    Portfolio& p = portfolio_;
    switch (child) {
        case Ctx::info:
            p.has_info = true;
            return &p.info.extra;
        case Ctx::criteria:
            p.has_criteria = true;
            return nullptr;
        case Ctx::pyramid:
            p.info.present.set(PortfolioInfo::kPyramid);
            return &p.info.pyramid.extra;
        case Ctx::matrix:
            p.info.present.set(PortfolioInfo::kMatrix);
            return &p.info.matrix.extra;
        case Ctx::criterion: return &p.criteria.emplace_back().extra;
        case Ctx::account: {
            Account& a = new_account();
            if (criteria_done_) a.scores.assign(p.criteria.size(), kNoScore);
            return &a.extra;
        }
        case Ctx::products:
        case Ctx::revenue:
        case Ctx::wallet:
        case Ctx::scores:
        case Ctx::targets:
        case Ctx::contacts:
        case Ctx::team:
        case Ctx::evaluations:
            account().present.set(account_key_of(child));
            return nullptr;
        case Ctx::target: {
            auto& targets = account().targets;   // kept sorted by year
            auto at = std::find_if(targets.begin(), targets.end(),
                                   [&](const auto& t) { return t.first >= parent.year; });
            return &targets.insert(at, {parent.year, Target{}})->second.extra;
        }
        case Ctx::contact: return &account().contacts.emplace_back().extra;
        case Ctx::covered_by:
            account().contacts.back().present.set(Contact::kCoveredBy);
            return nullptr;
        case Ctx::member: return &account().team.emplace_back().extra;
        case Ctx::evaluation: return &account().evaluations.emplace_back().extra;
        case Ctx::organisation: return &p.organisation.emplace().extra;
        case Ctx::core: return &p.core.emplace().extra;
        case Ctx::core_choice: return &p.core->choice.emplace().extra;
        case Ctx::core_step:
            return parent.field == static_cast<int>(CoreField::results) ? &p.core->results.emplace().extra
                                                                         : &p.core->organisation.emplace().extra;
        case Ctx::core_evaluation: return &p.core->evaluation.emplace().extra;
        case Ctx::checks:
            p.core->choice->has_checks = true;
            return nullptr;
        default: return nullptr;
    }
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
            // A placeholder keeps the vector index equal to the file's, so the places
            // of later errors (made from vector indexes) stay right.
            if (expect(v, Scalar::Kind::object, "an object")) break;
            if (f.ctx == Ctx::criteria) p.criteria.emplace_back();
            else new_account();
            break;
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
            if (auto [at, added] = criterion_index_.emplace(c.id, static_cast<int>(portfolio_.criteria.size() - 1));
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

}  // namespace kc::detail
