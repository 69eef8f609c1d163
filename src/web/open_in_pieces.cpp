// Opening a big portfolio file in pieces (browser.js openInPieces, behind the file picker,
// drop and kamcanvas.open). JS copies each piece into one buffer in wasm memory and calls
// app_pieces_feed, which reads it at once with a kc::PortfolioStream; between pieces the
// page draws a frame that shows only how far the reading is (App::show_progress). So the
// page never freezes for the whole file, and the text is never whole in wasm memory next
// to the portfolio made of it. A file the stream leaves to read_portfolio (not well-formed
// JSON, read_stream.hpp) is then handed over whole, the usual way, by JS.
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include <emscripten.h>

#include "core/read_stream.hpp"
#include "js_api.hpp"
#include "session.hpp"

namespace {

struct PieceReading {
    PieceReading(std::string name, std::size_t expected, std::size_t piece_size)
        : file_name(std::move(name)), total(expected), stream(expected),
          buffer(static_cast<char*>(std::malloc(piece_size)), &std::free) {}

    std::string file_name;
    std::size_t total;
    // Work autosaved earlier, being restored at start (App::restore_read): when it was saved, and whether it had unsaved changes.
    std::optional<std::string> restoring_saved_at;
    bool restoring_unsaved = false;
    kc::PortfolioStream stream;
    // malloc'ed, so that no memory for it is an answer rather than an abort.
    std::unique_ptr<char, decltype(&std::free)> buffer;
};

std::optional<PieceReading> g_reading;
std::string g_reply;

kc::ui::App& app() { return *kc::web::session().app(); }

}  // namespace

extern "C" {

// Starts reading `name` (about `total` bytes; 0: unknown) in pieces of at most
// `piece_size` bytes. → the buffer JS copies each piece into; null when there is no
// memory for it (then JS hands the file over whole). Takes over `name`.
EMSCRIPTEN_KEEPALIVE char* app_pieces_begin(char* name, double total, int piece_size) {
    std::string file_name = name ? name : "";
    std::free(name);
    g_reading.reset();
    g_reading.emplace(std::move(file_name), static_cast<std::size_t>(total), static_cast<std::size_t>(piece_size));
    if (!g_reading->buffer) {
        g_reading.reset();
        return nullptr;
    }
    app().show_progress(g_reading->file_name, 0, g_reading->total);
    return g_reading->buffer.get();
}

// The file being read is work autosaved earlier (start.js): it opens as App::restore_work
// opens it. `saved_at`: when it was written, as the notice shows it. Takes over `saved_at`.
EMSCRIPTEN_KEEPALIVE void app_pieces_restoring(char* saved_at, int unsaved) {
    std::string when = saved_at ? saved_at : "";
    std::free(saved_at);
    if (!g_reading) return;
    g_reading->restoring_saved_at = std::move(when);
    g_reading->restoring_unsaved = unsaved != 0;
}

// Reads the `size` bytes JS put into the buffer. → 1: send the next piece; 0: stop, the
// outcome is known (call app_pieces_end).
EMSCRIPTEN_KEEPALIVE int app_pieces_feed(int size) {
    if (!g_reading) return 0;
    const bool go_on = g_reading->stream.feed(std::string_view(g_reading->buffer.get(), static_cast<std::size_t>(size)));
    app().show_progress(g_reading->file_name, g_reading->stream.bytes_read(), g_reading->total);
    return go_on ? 1 : 0;
}

// After the last piece, or a 0 from app_pieces_feed: opens what was read as open_file
// would have (a refused file changes nothing and its errors are listed) and → the result
// as kamcanvas.load gives it; null when the whole file must be handed over instead.
EMSCRIPTEN_KEEPALIVE const char* app_pieces_end() {
    if (!g_reading) return nullptr;
    std::optional<kc::ReadResult> read = g_reading->stream.finish();
    PieceReading reading = std::move(*g_reading);
    g_reading.reset();
    app().end_progress();
    if (!read) return nullptr;
    const kc::ui::OpenResult opened =
        reading.restoring_saved_at
            ? app().restore_read(reading.file_name, std::move(*read), std::move(*reading.restoring_saved_at),
                                 reading.restoring_unsaved)
            : app().open_read(reading.file_name, std::move(*read));
    g_reply = kc::web::open_result_json(opened);
    return g_reply.c_str();
}

// JS could not go on (reading the file failed): nothing opens.
EMSCRIPTEN_KEEPALIVE void app_pieces_cancel() {
    g_reading.reset();
    app().end_progress();
}

}  // extern "C"
