// The app's life in the browser beyond one page view: what it opens at start (a share
// link, read by core/share_link.hpp; ?src=; or work autosaved earlier; src/web/start.js
// picks) and autosave, which writes the open portfolio to IndexedDB (src/web/storage.js)
// a moment after the last change. JS reports back through KEEPALIVE callbacks; those
// that change the open portfolio only queue, and update() applies them at the start of a
// frame, like opened files.
#pragma once

#include <cstdint>
#include <string>

#include "ui/app.hpp"

namespace kc::web {

class Session {
public:
    // Asks JS for the start document. Call once, with the bundled example open; `app`
    // outlives the session.
    void start(kc::ui::App& app);

    // Each frame, before drawing: applies what JS reported and writes the portfolio when
    // it changed and then stayed unchanged for a moment. `now_ms`: a monotonic clock.
    void update(double now_ms);

    // The app given to start(); null before.
    kc::ui::App* app() const { return app_; }

    // True once the start document is open (or known to be none).
    bool started() const { return autosave_ != Autosave::starting; }

    // Stops autosaving for this page and deletes what was stored.
    void forget_local_data();

    // From JS: a write completed (`saved_at`: ms since 1970) or failed; the page is being
    // hidden or left, so a pending change is written at once (frames stop when hidden).
    void start_finished();
    void write_completed(double saved_at);
    void write_failed(const std::string& reason);
    void flush(double now_ms);

    // {"state": "starting"|"on"|"off"|"failed", "savedAt": ms since 1970 or null,
    //  "pending": bool} for window.kamcanvas.autosave().
    std::string state_json() const;

    // A start source (share link, ?src=) that could not be opened, as the problems panel
    // shows it; kept for window.kamcanvas.startProblem(): {"source", "message"} or null.
    void start_failed(std::string source, std::string message);
    std::string start_problem_json() const;

private:
    enum class Autosave { starting, on, off, failed };
    void write(double now_ms);

    kc::ui::App* app_ = nullptr;
    Autosave autosave_ = Autosave::starting;
    std::uint64_t seen_version_ = 0;
    double changed_at_ = 0;
    bool pending_ = false;    // a change not written yet
    bool writing_ = false;    // a write handed to JS and not yet confirmed
    double quiet_ms_ = 500;   // how long after the last change to write
    double saved_at_ = 0;     // when the last write completed (ms since 1970); 0: none yet
    std::string failed_source_;   // empty: the start opened what it was given
    std::string failed_message_;
};

// The one session of the page (the KEEPALIVE callbacks need a place to report to).
Session& session();

}  // namespace kc::web
