// The browser as the app sees it: file picker, drag-and-drop, download, clipboard,
// shortcut keys, language, cursor. Everything here is a thin EM_JS bridge; results that
// arrive from JS callbacks (opened files, pastes) are queued and applied at the start of
// the next frame, never in the middle of one.
#pragma once

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/app.hpp"

namespace kc::web {

// kc::ui::Platform for the browser: what the app asks of its host.
class BrowserPlatform final : public kc::ui::Platform {
public:
    // A hidden <input type=file>; the file arrives later through take_opened_files().
    void pick_file(const char* accept) override;
    // A Blob offered through <a download>.
    void download(const std::string& filename, const std::string& mime,
                  const std::string& bytes) override;
    // navigator.clipboard plus a local copy that ImGui's paste reads.
    void copy_to_clipboard(const std::string& text) override;
    // Remembered until finish_frame(): the pixels exist only once the frame is rendered.
    void download_png(const std::string& filename, kc::ui::PixelRect rect) override;
    // Through start.js (session.cpp): a deflated #p= link, copied to the clipboard.
    void make_share_link(const std::string& portfolio_text) override;
    // Autosave off for this page, the IndexedDB database deleted (session.cpp).
    void forget_local_data() override;
    // The browser's own date (JS Date): localtime() would first work out the time zone's
    // names through Intl, milliseconds of the first frame for a date that needs none.
    kc::Date today() const override;

    // After the frame has been rendered, before the browser shows it: reads the pixels of
    // a pending PNG export (WebGL keeps them only until then) and offers the download.
    void finish_frame(int framebuffer_width, int framebuffer_height);

private:
    struct PendingPng {
        std::string filename;
        kc::ui::PixelRect rect;
    };
    std::vector<PendingPng> pending_png_;
};

// A file the user chose or dropped, read into memory, waiting for the next frame.
struct OpenedFile {
    std::string name;
    std::string bytes;
};

// Document listeners (drop, paste, the app's shortcut keys) and ImGui's clipboard hooks.
// Call once, after the ImGui context and its GLFW backend exist.
void install_browser_hooks();

// Files opened since the last call, oldest first.
std::vector<OpenedFile> take_opened_files();

// "nl" or "en": the first of navigator.languages that is Dutch or English; "en" otherwise.
std::string preferred_language();

// The canvas's CSS cursor, following what ImGui wants (GLFW-JS 3.1.6 sets none).
void update_cursor(ImGuiMouseCursor cursor);

// Resolves window.kamcanvas.ready (src/web/api.js).
void signal_ready();

// Shows `reason` on the page and rejects window.kamcanvas.ready.
void report_start_failure(const char* reason);

}  // namespace kc::web
