// The KEEPALIVE exports behind window.kamcanvas's file tools (src/web/api.js,
// docs/js-api.md): the File menu's commands by name, the CSV import dialog's state and
// controls, the notices shown, and autosave's state. Like js_api.cpp: strings in as UTF-8
// that JS owns, results out as JSON in one reply buffer that JS copies at once.
#include <optional>
#include <string>
#include <string_view>

#include <emscripten.h>

#include "core/model.hpp"
#include "session.hpp"
#include "ui/app.hpp"
#include "ui/file_tools.hpp"

namespace {

std::string g_reply;

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}

std::string dump(const kc::Json& json) { return json.dump(-1, ' ', false, kc::Json::error_handler_t::replace); }

kc::Json problems_json(const kc::Problems& problems) {
    kc::Json list = kc::Json::array();
    for (const kc::Problem& p : problems) list.push_back({{"place", p.place}, {"message", p.message}, {"code", p.code}});
    return list;
}

std::string separator_text(char separator) { return separator == '\t' ? "tab" : std::string(1, separator); }

std::string decimal_text(kc::DecimalMark mark) {
    switch (mark) {
        case kc::DecimalMark::point: return ".";
        case kc::DecimalMark::comma: return ",";
        case kc::DecimalMark::detect: break;
    }
    return "";
}

// {file, separator, separatorChoice, decimal, decimalChoice, columns: [{header, target}],
//  rows, accounts, refused, usable, errors, warnings}; null when the dialog is closed.
kc::Json csv_import_json(const kc::ui::CsvImportDialog& dialog) {
    if (!dialog.is_open()) return nullptr;
    const kc::CsvImportResult& result = dialog.result();
    kc::Json columns = kc::Json::array();
    const std::vector<std::string>& header = dialog.table().header.fields;
    for (std::size_t c = 0; c < header.size(); ++c) {
        const kc::ColumnTarget target = c < dialog.mapping().columns.size() ? dialog.mapping().columns[c] : kc::ColumnTarget{};
        columns.push_back({{"header", header[c]}, {"target", kc::to_string(target)}});
    }
    return {{"file", dialog.file_name()},
            {"separator", separator_text(dialog.table().separator)},
            {"separatorChoice", dialog.separator_choice() ? separator_text(dialog.separator_choice()) : "auto"},
            {"decimal", decimal_text(result.decimal)},
            {"decimalChoice", dialog.decimal_choice() == kc::DecimalMark::detect ? "auto" : decimal_text(dialog.decimal_choice())},
            {"columns", columns},
            {"rows", result.rows},
            {"accounts", result.portfolio.accounts.size()},
            {"refused", result.refused},
            {"usable", result.usable},
            {"errors", problems_json(result.errors)},
            {"warnings", problems_json(result.warnings)}};
}

// Applies {separator, decimal, map: {header: target}} as the dialog's controls would;
// the first thing that cannot be applied is the error returned.
std::string apply_csv_changes(kc::ui::CsvImportDialog& dialog, const kc::Json& changes) {
    if (!changes.is_object()) return "changes must be an object";
    if (changes.contains("separator")) {
        const kc::Json& s = changes["separator"];
        const std::string text = s.is_string() ? s.get<std::string>() : "";
        if (text == "auto") dialog.set_separator(0);
        else if (text == "," || text == ";") dialog.set_separator(text[0]);
        else if (text == "tab" || text == "\t") dialog.set_separator('\t');
        else return "separator must be \"auto\", \",\", \";\" or \"tab\"";
    }
    if (changes.contains("decimal")) {
        const kc::Json& d = changes["decimal"];
        const std::string text = d.is_string() ? d.get<std::string>() : "";
        if (text == "auto") dialog.set_decimal(kc::DecimalMark::detect);
        else if (text == ".") dialog.set_decimal(kc::DecimalMark::point);
        else if (text == ",") dialog.set_decimal(kc::DecimalMark::comma);
        else return "decimal must be \"auto\", \".\" or \",\"";
    }
    if (changes.contains("map")) {
        const kc::Json& map = changes["map"];
        if (!map.is_object()) return "map must be an object of column header: target";
        for (const auto& [column_name, target_json] : map.items()) {
            const int column = kc::find_column(dialog.table().header.fields, column_name);
            if (column < 0) return "no column " + column_name;
            kc::ColumnTarget target;
            if (!target_json.is_string() || !kc::parse_column_target(target_json.get<std::string>(), target))
                return "not a target for " + column_name + " (id, name, revenue_2024, score_fit, ignore …)";
            dialog.set_target(static_cast<std::size_t>(column), target);
        }
    }
    return "";
}

}  // namespace

extern "C" {

// kamcanvas.command(name): runs a File menu tool; 0 when there is no such command.
EMSCRIPTEN_KEEPALIVE int app_command(const char* name) { return kc::web::session().app()->run_command(name ? name : "") ? 1 : 0; }

// kamcanvas.csvImport(changes): applies `changes_json` (may be null) to the open dialog,
// then → {"state": …, "error": ""}.
EMSCRIPTEN_KEEPALIVE const char* app_csv_import(const char* changes_json) {
    kc::ui::CsvImportDialog& dialog = kc::web::session().app()->file_tools().csv_import();
    std::string error;
    if (changes_json && dialog.is_open()) {
        const kc::Json changes = kc::Json::parse(changes_json, nullptr, false);
        error = changes.is_discarded() ? "changes are not JSON" : apply_csv_changes(dialog, changes);
    }
    return reply(dump({{"state", csv_import_json(dialog)}, {"error", error}}));
}

// kamcanvas.notices(): [{kind, text}] as the notice bar shows them.
EMSCRIPTEN_KEEPALIVE const char* app_notices() {
    kc::Json list = kc::Json::array();
    for (const auto& notice : kc::web::session().app()->file_tools().notices())
        list.push_back({{"kind", kc::ui::FileTools::kind_name(notice.kind)},
                        {"text", kc::ui::FileTools::notice_text(notice)}});
    return reply(dump(list));
}

// kamcanvas.autosave(): session.hpp's state_json.
EMSCRIPTEN_KEEPALIVE const char* app_autosave_state() { return reply(kc::web::session().state_json()); }

// kamcanvas.startProblem(): session.hpp's start_problem_json.
EMSCRIPTEN_KEEPALIVE const char* app_start_problem() { return reply(kc::web::session().start_problem_json()); }

}  // extern "C"
