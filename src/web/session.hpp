// The app's life in the browser beyond one page view: what it opens at start (a share
// link, read by core/share_link.hpp; ?src=; or work autosaved earlier; src/web/start.js
// picks) and autosave, which writes the open portfolio to IndexedDB (src/web/storage.js)
// a moment after the last change. JS reports back through KEEPALIVE callbacks; those
// that change the open portfolio only queue, and update() applies them at the start of a
// frame, like opened files.
//
// Autosave makes the portfolio's text a few milliseconds a frame (core's
// PortfolioTextWriter), handing each frame's piece to JS, so a big portfolio (62 MB of
// text for 100,000 accounts) costs no long frame; JS stores the pieces once all are made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "core/portfolio_text_writer.hpp"
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
    // hidden or left, so a pending change, or the rest of a write being made, is written
    // at once (frames stop when hidden).
    void start_finished();
    void write_completed(double saved_at);
    void write_failed(const std::string& reason);
    void flush();

    // {"state": "starting"|"on"|"off"|"failed", "savedAt": ms since 1970 or null,
    //  "pending": bool, "writing": {"frames", "bytes", "ms"} or null, "lastWrite": the same
    //  or null, "restarts": count} for window.kamcanvas.autosave() (docs/js-api.md).
    std::string state_json() const;

    // A start source (share link, ?src=) that could not be opened, as the problems panel
    // shows it; kept for window.kamcanvas.startProblem(): {"source", "message"} or null.
    void start_failed(std::string source, std::string message);
    std::string start_problem_json() const;

private:
    enum class Autosave { starting, on, off, failed };

    // How much a write's text took so far.
    struct WriteCost {
        int frames = 0;           // frames in which a piece was made
        std::size_t bytes = 0;    // handed to JS
        double ms = 0;            // spent making and handing over the pieces
    };
    // A write whose text is being made, frame by frame; what is made so far is in JS.
    // The writer reads the open portfolio: it is dropped as soon as the document's
    // version moves on, before the portfolio could be read again.
    struct Write {
        explicit Write(const kc::Portfolio& portfolio) : text(portfolio) {}
        kc::PortfolioTextWriter text;
        WriteCost cost;
    };

    // The document changed: a write being made is of an older portfolio.
    void note_change(double now_ms);
    void begin_write();
    // Makes text until `deadline_ms` (emscripten_get_now's clock) or the end, hands it to
    // JS, and has JS store the whole once the end is made.
    void make_text_until(double deadline_ms);
    void drop_write();

    kc::ui::App* app_ = nullptr;
    Autosave autosave_ = Autosave::starting;
    std::uint64_t seen_version_ = 0;
    double changed_at_ = 0;
    bool pending_ = false;    // a change no write has begun with yet
    std::optional<Write> write_;
    std::string piece_;       // this frame's text, reused from frame to frame
    bool storing_ = false;    // a whole text handed to JS and not yet confirmed
    double saved_at_ = 0;     // when the last write completed (ms since 1970); 0: none yet
    std::optional<WriteCost> last_write_;   // of the last write whose text was whole
    int restarts_ = 0;        // writes dropped because the portfolio changed meanwhile
    std::string failed_source_;   // empty: the start opened what it was given
    std::string failed_message_;
};

// The one session of the page (the KEEPALIVE callbacks need a place to report to).
Session& session();

}  // namespace kc::web
