// The spec's strings for every enum of model.hpp, both ways.
//
// One table per enum keeps reader, writer, analyses and UI agreeing on spelling.
// `none` (key absent) has no spec string: to_string gives "" and parse never yields it.
#pragma once

#include <span>
#include <string_view>

#include "model.hpp"

namespace kc {

std::string_view to_string(Status value);
std::string_view to_string(Axis value);
std::string_view to_string(Goal value);
std::string_view to_string(BuyingRole value);
std::string_view to_string(Attitude value);
std::string_view to_string(EvalStatus value);
std::string_view to_string(OrgLevel value);
std::string_view to_string(OrgForm value);
std::string_view to_string(OrgBasis value);
// The named sets only; `own` (an object in the file) gives "".
std::string_view to_string(QuadrantNaming value);

// True and `out` set when `text` is one of the spec's strings for that enum;
// false and `out` untouched otherwise (including for "").
bool parse(std::string_view text, Status& out);
bool parse(std::string_view text, Axis& out);
bool parse(std::string_view text, Goal& out);
bool parse(std::string_view text, BuyingRole& out);
bool parse(std::string_view text, Attitude& out);
bool parse(std::string_view text, EvalStatus& out);
bool parse(std::string_view text, OrgLevel& out);
bool parse(std::string_view text, OrgForm& out);
bool parse(std::string_view text, OrgBasis& out);
bool parse(std::string_view text, QuadrantNaming& out);   // never yields `own`

// Every value except `none`, in the spec's order: for menus and for listing
// the allowed values in an error message.
std::span<const Status> all_statuses();
std::span<const Axis> all_axes();
std::span<const Goal> all_goals();
std::span<const BuyingRole> all_buying_roles();
std::span<const Attitude> all_attitudes();
std::span<const EvalStatus> all_eval_statuses();
std::span<const OrgLevel> all_org_levels();
std::span<const OrgForm> all_org_forms();
std::span<const OrgBasis> all_org_bases();

}  // namespace kc
