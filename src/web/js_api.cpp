// The KEEPALIVE exports behind window.kamcanvas (src/web/api.js, docs/js-api.md). Strings
// come in as UTF-8 buffers that JS owns; results go out as UTF-8 in one reply buffer that
// JS copies at once. Loading takes the same path as a file the user opens
// (App::open_file); the report is the CLI's (report_to_json of the document's analysis).
#include "js_api.hpp"

#include <optional>
#include <string>
#include <string_view>

#include <emscripten.h>

#include "core/analysis.hpp"
#include "core/document.hpp"
#include "core/model.hpp"
#include "core/report_json.hpp"
#include "ui/figures.hpp"
#include "ui/selection.hpp"

namespace {

kc::ui::App* g_app = nullptr;
std::string g_reply;   // the last result, read by JS right after the call

const char* reply(std::string text) {
    g_reply = std::move(text);
    return g_reply.c_str();
}

std::string dump(const kc::Json& json) {
    return json.dump(-1, ' ', false, kc::Json::error_handler_t::replace);
}

kc::Json problems_json(const kc::Problems& problems) {
    kc::Json list = kc::Json::array();
    for (const auto& problem : problems)
        list.push_back({{"place", problem.place}, {"message", problem.message}, {"code", problem.code}});
    return list;
}

// {title, columns: [{key, label}], rows: [[…]], facts: {key: value}}; empty cells are null.
kc::Json figures_json(const kc::ui::Figures& figures) {
    auto value = [](const kc::ui::FigureValue& v) -> kc::Json {
        if (const double* number = std::get_if<double>(&v)) return *number;
        if (const std::string* text = std::get_if<std::string>(&v)) return *text;
        return nullptr;
    };
    kc::Json columns = kc::Json::array(), rows = kc::Json::array(), facts = kc::Json::object();
    for (const auto& column : figures.columns) columns.push_back({{"key", column.key}, {"label", column.label}});
    for (const auto& row : figures.rows) {
        kc::Json cells = kc::Json::array();
        for (const auto& cell : row) cells.push_back(value(cell));
        rows.push_back(std::move(cells));
    }
    for (const auto& fact : figures.facts) facts[fact.name.key] = value(fact.value);
    return {{"title", figures.title}, {"columns", columns}, {"rows", rows}, {"facts", facts}};
}

}  // namespace

namespace kc::web {

void set_api_app(kc::ui::App* app) { g_app = app; }

std::string open_result_json(const kc::ui::OpenResult& result) {
    kc::Json json = {{"ok", result.ok},
                     {"errors", problems_json(result.errors)},
                     {"warnings", problems_json(result.warnings)}};
    return dump(json);
}

}  // namespace kc::web

extern "C" {

// kamcanvas.load(text, name): `size` bytes at `bytes` (UTF-8 of the JS string).
EMSCRIPTEN_KEEPALIVE const char* app_load(const char* name, const char* bytes, int size) {
    const auto result = g_app->open_file(name, std::string_view(bytes, static_cast<std::size_t>(size)));
    return reply(kc::web::open_result_json(result));
}

// kamcanvas.save(): the open portfolio as format-1 text, as Save writes it.
EMSCRIPTEN_KEEPALIVE const char* app_save() { return reply(g_app->save_text()); }

// kamcanvas.summary(): {name, accounts, year}; year is the analysis year or null.
EMSCRIPTEN_KEEPALIVE const char* app_summary() {
    const kc::Portfolio& portfolio = g_app->document().portfolio();
    const std::optional<int> year = kc::analysis_year(portfolio, std::nullopt);
    kc::Json json = {{"name", portfolio.info.name},
                     {"accounts", portfolio.accounts.size()},
                     {"year", year ? kc::Json(*year) : kc::Json(nullptr)}};
    return reply(dump(json));
}

// kamcanvas.analyze(year): the report of `kamcanvas analyze [--year Y]`.
EMSCRIPTEN_KEEPALIVE const char* app_analyze(int year, int has_year) {
    const kc::Document& document = g_app->document();
    const std::optional<int> requested = has_year ? std::optional<int>(year) : std::nullopt;
    return reply(dump(kc::report_to_json(document.report(requested), document.portfolio())));
}

// kamcanvas.language(code): sets the UI language when `code` is "nl" or "en" (anything
// else only reads it); returns the language now in use.
EMSCRIPTEN_KEEPALIVE const char* app_language(const char* code) {
    const std::string_view wanted = code ? code : "";
    if (wanted == "nl" || wanted == "en") g_app->set_language(wanted);
    return reply(std::string(g_app->language()));
}

// kamcanvas.views() / view(): every view's name and the one shown.
EMSCRIPTEN_KEEPALIVE const char* app_views() {
    kc::Json json = {{"views", g_app->view_names()}, {"active", g_app->active_view()}};
    return reply(dump(json));
}

// kamcanvas.view(name): brings that tab to the front from the next frame on.
EMSCRIPTEN_KEEPALIVE int app_show_view(const char* name) { return g_app->show_view(name ? name : "") ? 1 : 0; }

// kamcanvas.figures(view): what the view shows, or null.
EMSCRIPTEN_KEEPALIVE const char* app_figures(const char* view) {
    const std::optional<kc::ui::Figures> figures = g_app->figures(view ? view : "");
    return reply(figures ? dump(figures_json(*figures)) : "null");
}

// kamcanvas.parts(): the clickable chart parts of the last frame, in framebuffer pixels
// (api.js turns them into page coordinates).
EMSCRIPTEN_KEEPALIVE const char* app_parts() {
    kc::Json list = kc::Json::array();
    for (const kc::ui::Part& part : g_app->parts())
        list.push_back({{"name", part.name},
                        {"x", part.rect.x0},
                        {"y", part.rect.y0},
                        {"width", part.rect.x1 - part.rect.x0},
                        {"height", part.rect.y1 - part.rect.y0}});
    return reply(dump(list));
}

// kamcanvas.selection(): the clicked chart part and the ids of its accounts.
EMSCRIPTEN_KEEPALIVE const char* app_selection() {
    const kc::Portfolio& portfolio = g_app->document().portfolio();
    kc::Json ids = kc::Json::array();
    for (int i : g_app->selected_accounts()) ids.push_back(portfolio.accounts[static_cast<std::size_t>(i)].id);
    kc::Json json = {{"key", kc::ui::selection_key(g_app->selection())},
                     {"title", kc::ui::selection_title(g_app->selection(), portfolio)},
                     {"accounts", ids}};
    return reply(dump(json));
}

// Not part of window.kamcanvas: browser.js asks it before the page is left, so unsaved
// edits are not lost to a closed tab or a reload without the browser asking first.
EMSCRIPTEN_KEEPALIVE int app_has_unsaved_changes() { return g_app && g_app->document().dirty() ? 1 : 0; }

}  // extern "C"
