// The session of session.hpp: EM_JS calls into Module.kcSession (start.js) and the
// KEEPALIVE callbacks through which JS reports back. Callbacks only queue; Session::update
// applies the queue at the start of a frame. Also the two BrowserPlatform requests that
// go through start.js: a share link, and forgetting local data.
#include "session.hpp"

#include <cstdlib>
#include <functional>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

#include <emscripten.h>

#include "browser.hpp"
#include "core/document.hpp"
#include "core/model.hpp"
#include "core/problem.hpp"
#include "core/share_link.hpp"
#include "ui/file_tools.hpp"

// [SECTION] JS side (start.js) ---------------------------------------------------------

EM_JS(void, js_session_start, (), {
    Module['kcSession'].installFlush();
    Module['kcSession'].start();
});

// A piece of the text being written, copied out of the wasm memory as bytes (no
// decoding: the text is stored as the bytes the file would have).
EM_JS(void, js_storage_add_piece, (const char* text, size_t size), {
    Module['kcSession'].addPiece(HEAPU8.slice(text, text + size));
});

EM_JS(void, js_storage_drop_pieces, (), { Module['kcSession'].dropPieces(); });

// The pieces added since the last save or drop are the whole text: store them.
EM_JS(void, js_storage_save, (const char* name, int unsaved), {
    Module['kcSession'].save(UTF8ToString(name), !!unsaved);
});

EM_JS(void, js_storage_forget, (), { Module['kcSession'].forget(); });

EM_JS(void, js_make_share_link, (const char* text, size_t size), {
    Module['kcSession'].makeShareLink(new TextDecoder().decode(HEAPU8.subarray(text, text + size)));
});

namespace {

// What JS reported that changes the open portfolio: applied at the start of a frame.
using Event = std::function<void(kc::ui::App&)>;
std::vector<Event> g_events;

// A malloc'ed string from JS, taken over and freed; null gives "".
std::string take(char* text) {
    std::string out = text ? text : "";
    std::free(text);
    return out;
}

// The name a portfolio from a share link opens under (a link carries no file name).
constexpr const char* kShareLinkFileName = "share-link.kamcanvas.json";

// In the problems panel, like a file that does not open; the open portfolio stays.
void report_start_failure(kc::ui::App& app, const std::string& source, const std::string& message) {
    kc::Problem problem;
    problem.place = "/";
    problem.message = message;
    problem.code = "start_source";
    app.report_open_failure(source, {problem});
    kc::web::session().start_failed(source, message);
}

// How long after the last change a write begins: a burst of typing is one write.
constexpr double kQuietMs = 500;
// How long a frame spends making the text of a write: little next to a 16 ms frame. The
// copy of the text to JS comes on top (docs/benchmarks.md has the measured costs).
constexpr double kTextMsPerFrame = 4;
// The writer is asked for pieces of this size, and the clock read after each: small
// enough that a frame's budget is not overrun by much.
constexpr std::size_t kPieceBytes = 16 * 1024;
// Text is handed to JS at the end of a frame's share, or once this much is made: a
// write finished at once (flush) never holds the whole text in wasm memory.
constexpr std::size_t kHandOverBytes = 1024 * 1024;

}  // namespace

// [SECTION] callbacks from JS (exported in cmake/web.cmake) ------------------------------

extern "C" {

// A start source (share link, ?src=) that could not be read.
EMSCRIPTEN_KEEPALIVE void app_start_failed(char* source, char* message) {
    g_events.push_back([source = take(source), message = take(message)](kc::ui::App& app) {
        report_start_failure(app, source, message);
    });
}

// The fragment of the page's address (location.hash, "#p=…"): read by the core's decoder
// at the start of the next frame and opened as a portfolio file (a link is never a CSV),
// or refused with the decoder's message. Takes over `fragment`.
EMSCRIPTEN_KEEPALIVE void app_open_share_link(char* fragment) {
    g_events.push_back([fragment = take(fragment)](kc::ui::App& app) {
        const kc::ShareLinkResult link = kc::read_share_link(fragment);
        if (!link.ok()) {
            report_start_failure(app, "share link", link.message);
            return;
        }
        // open_file lists a refused portfolio's errors in the problems panel itself.
        const kc::ui::OpenResult opened = app.open_file(kShareLinkFileName, link.text);
        if (!opened.ok && !opened.errors.empty()) {
            const kc::Problem& first = opened.errors.front();
            kc::web::session().start_failed("share link", "the portfolio in the link cannot be opened: " +
                                                              first.place + ": " + first.message);
        }
    });
}

// Work autosaved earlier; `text` holds `size` bytes. Takes over every buffer.
EMSCRIPTEN_KEEPALIVE void app_start_restore(char* name, char* text, int size, char* saved_at, int unsaved) {
    std::string content(text, static_cast<std::size_t>(size));
    std::free(text);
    g_events.push_back([name = take(name), content = std::move(content), saved_at = take(saved_at),
                        unsaved](kc::ui::App& app) { app.restore_work(name, content, saved_at, unsaved != 0); });
}

// The start is over; `storage_problem` (may be null) says why storage cannot be used.
EMSCRIPTEN_KEEPALIVE void app_start_finished(char* storage_problem) {
    g_events.push_back([problem = take(storage_problem)](kc::ui::App&) {
        if (problem.empty()) kc::web::session().start_finished();
        else kc::web::session().write_failed(problem);
    });
}

EMSCRIPTEN_KEEPALIVE void app_storage_saved(double saved_at) { kc::web::session().write_completed(saved_at); }

EMSCRIPTEN_KEEPALIVE void app_storage_failed(char* message) { kc::web::session().write_failed(take(message)); }

// `problem` is null when the stored work is gone.
EMSCRIPTEN_KEEPALIVE void app_local_data_forgotten(char* problem) {
    g_events.push_back([problem = take(problem)](kc::ui::App& app) {
        if (problem.empty()) app.file_tools().local_data_forgotten();
        else app.file_tools().storage_failed(problem);
    });
}

EMSCRIPTEN_KEEPALIVE void app_share_link_made(int ok, char* link, double size, double limit, char* reason) {
    kc::ui::ShareLinkOutcome outcome;
    outcome.ok = ok != 0;
    outcome.link = take(link);
    outcome.size = static_cast<std::size_t>(size);
    outcome.limit = static_cast<std::size_t>(limit);
    outcome.reason = take(reason);
    g_events.push_back([outcome = std::move(outcome)](kc::ui::App& app) mutable {
        app.file_tools().share_link_made(std::move(outcome));
    });
}

// The page is being hidden or left. Frames stop when it is hidden, so this writes now.
EMSCRIPTEN_KEEPALIVE void app_autosave_flush() { kc::web::session().flush(); }

}  // extern "C"

namespace kc::web {

Session& session() {
    static Session the_session;
    return the_session;
}

// [SECTION] start --------------------------------------------------------------------------

void Session::start(kc::ui::App& app) {
    app_ = &app;
    js_session_start();
}

void Session::start_finished() {
    if (autosave_ != Autosave::starting) return;
    autosave_ = Autosave::on;
    // What the start opened is not written until it changes: the example, a link or a
    // file on the site can be opened again, and stored work stays as it was until then.
    seen_version_ = app_->document().version();
}

// [SECTION] autosave -----------------------------------------------------------------------

void Session::update(double now_ms) {
    if (!app_) return;   // not started yet (main.cpp starts it after the first frame)
    std::vector<Event> events;
    events.swap(g_events);
    for (Event& event : events) event(*app_);

    if (autosave_ != Autosave::on) return;
    if (app_->document().version() != seen_version_) note_change(now_ms);
    if (!write_ && pending_ && !storing_ && now_ms - changed_at_ >= kQuietMs) begin_write();
    if (write_) make_text_until(emscripten_get_now() + kTextMsPerFrame);
}

void Session::flush() {
    if (autosave_ != Autosave::on || !app_) return;
    if (app_->document().version() != seen_version_) note_change(emscripten_get_now());
    if (!write_ && pending_ && !storing_) begin_write();
    if (write_) make_text_until(std::numeric_limits<double>::infinity());
}

void Session::note_change(double now_ms) {
    seen_version_ = app_->document().version();
    changed_at_ = now_ms;
    pending_ = true;
    if (write_) {
        drop_write();
        ++restarts_;
    }
}

void Session::begin_write() {
    pending_ = false;
    write_.emplace(app_->document().portfolio());
}

void Session::make_text_until(double deadline_ms) {
    const double started = emscripten_get_now();
    WriteCost& cost = write_->cost;
    const auto hand_over = [&] {
        js_storage_add_piece(piece_.data(), piece_.size());
        cost.bytes += piece_.size();
        piece_.clear();
    };
    do {
        write_->text.append_next(piece_, kPieceBytes);
        if (piece_.size() >= kHandOverBytes) hand_over();
    } while (!write_->text.done() && emscripten_get_now() < deadline_ms);
    if (!piece_.empty()) hand_over();
    ++cost.frames;
    cost.ms += emscripten_get_now() - started;
    if (!write_->text.done()) return;

    last_write_ = cost;
    write_.reset();
    storing_ = true;
    js_storage_save(app_->file_name().c_str(), app_->document().dirty() ? 1 : 0);
}

void Session::drop_write() {
    write_.reset();
    js_storage_drop_pieces();
}

void Session::write_completed(double saved_at) {
    storing_ = false;
    saved_at_ = saved_at;
}

void Session::write_failed(const std::string& reason) {
    storing_ = false;
    pending_ = false;
    if (write_) drop_write();
    if (autosave_ == Autosave::off) return;   // forgotten meanwhile: nothing to tell
    autosave_ = Autosave::failed;
    if (app_) app_->file_tools().storage_failed(reason);
}

void Session::forget_local_data() {
    autosave_ = Autosave::off;
    pending_ = false;
    if (write_) drop_write();
    js_storage_forget();
}

std::string Session::state_json() const {
    const char* state = "starting";
    switch (autosave_) {
        case Autosave::starting: break;
        case Autosave::on: state = "on"; break;
        case Autosave::off: state = "off"; break;
        case Autosave::failed: state = "failed"; break;
    }
    const auto cost_json = [](const WriteCost& cost) {
        return kc::Json{{"frames", cost.frames}, {"bytes", cost.bytes}, {"ms", cost.ms}};
    };
    kc::Json json = {{"state", state},
                     {"savedAt", nullptr},
                     {"pending", pending_ || write_.has_value() || storing_},
                     {"writing", write_ ? cost_json(write_->cost) : kc::Json()},
                     {"lastWrite", last_write_ ? cost_json(*last_write_) : kc::Json()},
                     {"restarts", restarts_}};
    if (saved_at_ > 0) json["savedAt"] = static_cast<long long>(saved_at_);
    return json.dump();
}

void Session::start_failed(std::string source, std::string message) {
    failed_source_ = std::move(source);
    failed_message_ = std::move(message);
}

std::string Session::start_problem_json() const {
    if (failed_source_.empty()) return "null";
    const kc::Json problem = {{"source", failed_source_}, {"message", failed_message_}};
    return problem.dump(-1, ' ', false, kc::Json::error_handler_t::replace);
}

// [SECTION] the platform's requests that go through start.js ----------------------------------

void BrowserPlatform::make_share_link(const std::string& portfolio_text) {
    js_make_share_link(portfolio_text.data(), portfolio_text.size());
}

void BrowserPlatform::forget_local_data() { session().forget_local_data(); }

}  // namespace kc::web
