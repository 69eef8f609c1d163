// The browser bridge (see browser.hpp): EM_JS calls into Module.kcBrowser (browser.js) and
// the two KEEPALIVE callbacks through which JS hands files and pastes back. Callbacks only
// queue; main.cpp drains the queues at the start of a frame, outside ImGui::NewFrame/Render.
#include "browser.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <utility>

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

// [SECTION] JS side (browser.js) -------------------------------------------------------

EM_JS(void, js_install_hooks, (), { Module['kcBrowser'].installHooks(); });

EM_JS(void, js_pick_file, (const char* accept), {
    Module['kcBrowser'].pickFile(UTF8ToString(accept));
});

EM_JS(void, js_download, (const char* name, const char* mime, const char* data, size_t size), {
    // slice() copies: the Blob must not see wasm memory change or move under it.
    Module['kcBrowser'].download(UTF8ToString(name), UTF8ToString(mime),
                                 HEAPU8.slice(data, data + size));
});

EM_JS(void, js_download_png, (const char* name, const unsigned char* rgba, int width, int height), {
    Module['kcBrowser'].downloadPng(UTF8ToString(name), HEAPU8.slice(rgba, rgba + width * height * 4), width, height);
});

EM_JS(void, js_copy_text, (const char* text), {
    Module['kcBrowser'].copyText(UTF8ToString(text));
});

EM_JS(int, js_prefers_dutch, (), { return Module['kcBrowser'].prefersDutch() ? 1 : 0; });

EM_JS(void, js_set_cursor, (const char* css), {
    Module['kcBrowser'].setCursor(UTF8ToString(css));
});

// Today in the browser's time zone as year * 10000 + month * 100 + day.
EM_JS(int, js_local_date, (), {
    const now = new Date();
    return now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
});

EM_JS(void, js_signal_ready, (), {
    if (Module['kcSignalReady']) Module['kcSignalReady']();
});

EM_JS(void, js_fail_to_start, (const char* reason), {
    Module['kcFailToStart'](UTF8ToString(reason));
});

namespace {

std::vector<kc::web::OpenedFile> g_opened_files;
// What ImGui pastes on Ctrl+V: the last text copied in the app or pasted into the page.
std::string g_clipboard;

void set_clipboard_text(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_copy_text(g_clipboard.c_str());
}

const char* get_clipboard_text(void*) { return g_clipboard.c_str(); }

}  // namespace

// [SECTION] callbacks from JS (exported in cmake/web.cmake) ------------------------------

extern "C" {

// A file read by browser.js. Takes ownership of both buffers (allocated with _malloc).
EMSCRIPTEN_KEEPALIVE void app_file_opened(char* name, char* bytes, int size) {
    kc::web::OpenedFile file;
    file.name = name;
    file.bytes.assign(bytes, static_cast<std::size_t>(size));
    std::free(name);
    std::free(bytes);
    g_opened_files.push_back(std::move(file));
}

// Text from a 'paste' event. Ownership of `text` passes here. When the paste came from
// Ctrl+V, ImGui pastes it itself from the clipboard copy; otherwise it is typed in.
EMSCRIPTEN_KEEPALIVE void app_clipboard_pasted(char* text, int imgui_pastes_it) {
    g_clipboard = text;
    std::free(text);
    if (!imgui_pastes_it) ImGui::GetIO().AddInputCharactersUTF8(g_clipboard.c_str());
}

}  // extern "C"

namespace kc::web {

// [SECTION] Platform -------------------------------------------------------------------

kc::Date BrowserPlatform::today() const {
    const int date = js_local_date();
    return kc::Date{date / 10000, date / 100 % 100, date % 100};
}

void BrowserPlatform::pick_file(const char* accept) { js_pick_file(accept ? accept : ""); }

void BrowserPlatform::download(const std::string& filename, const std::string& mime,
                               const std::string& bytes) {
    js_download(filename.c_str(), mime.c_str(), bytes.data(), bytes.size());
}

void BrowserPlatform::copy_to_clipboard(const std::string& text) {
    set_clipboard_text(nullptr, text.c_str());
}

void BrowserPlatform::download_png(const std::string& filename, kc::ui::PixelRect rect) {
    pending_png_.push_back({filename, rect});
}

void BrowserPlatform::finish_frame(int framebuffer_width, int framebuffer_height) {
    for (const PendingPng& png : pending_png_) {
        const int x0 = std::clamp(static_cast<int>(std::floor(png.rect.x0)), 0, framebuffer_width);
        const int y0 = std::clamp(static_cast<int>(std::floor(png.rect.y0)), 0, framebuffer_height);
        const int x1 = std::clamp(static_cast<int>(std::ceil(png.rect.x1)), 0, framebuffer_width);
        const int y1 = std::clamp(static_cast<int>(std::ceil(png.rect.y1)), 0, framebuffer_height);
        const int width = x1 - x0, height = y1 - y0;
        if (width <= 0 || height <= 0) continue;
        // GL's rows run bottom-up; a PNG's top-down. The canvas may be translucent where
        // ImGui blended, so alpha is made opaque: the picture is what the user saw.
        std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(x0, framebuffer_height - y1, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        std::vector<unsigned char> top_down(pixels.size());
        const std::size_t row_bytes = static_cast<std::size_t>(width) * 4;
        for (int row = 0; row < height; ++row)
            std::copy_n(pixels.data() + (height - 1 - row) * row_bytes, row_bytes, top_down.data() + row * row_bytes);
        for (std::size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;
        js_download_png(png.filename.c_str(), top_down.data(), width, height);
    }
    pending_png_.clear();
}

// [SECTION] the rest ---------------------------------------------------------------------

namespace {

// The mouse wheel, as ImGui's GLFW backend reads it (100 pixels or 3 lines a step), but
// from the canvas. The backend listens on the document, where browsers make wheel
// listeners passive: its preventDefault() then fails with a console error on every turn
// of the wheel. On the canvas the listener may prevent the page from scrolling or zooming.
EM_BOOL on_canvas_wheel(int, const EmscriptenWheelEvent* event, void*) {
    float step = 0;
    switch (event->deltaMode) {
        case DOM_DELTA_PIXEL: step = 1.0f / 100.0f; break;
        case DOM_DELTA_LINE: step = 1.0f / 3.0f; break;
        case DOM_DELTA_PAGE: step = 80.0f; break;
        default: break;
    }
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(event->deltaX) * -step,
                                      static_cast<float>(event->deltaY) * -step);
    return EM_TRUE;
}

void take_wheel_to_canvas() {
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_FALSE, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_canvas_wheel);
}

}  // namespace

void install_browser_hooks() {
    take_wheel_to_canvas();
    ImGuiIO& io = ImGui::GetIO();
    // Replaces GLFW's clipboard functions, which do nothing in the browser.
    io.SetClipboardTextFn = set_clipboard_text;
    io.GetClipboardTextFn = get_clipboard_text;
    io.ClipboardUserData = nullptr;
    js_install_hooks();
}

std::vector<OpenedFile> take_opened_files() {
    std::vector<OpenedFile> files;
    files.swap(g_opened_files);
    return files;
}

std::string preferred_language() { return js_prefers_dutch() ? "nl" : "en"; }

void update_cursor(ImGuiMouseCursor cursor) {
    const char* css = "default";
    switch (cursor) {
        case ImGuiMouseCursor_None: css = "none"; break;
        case ImGuiMouseCursor_TextInput: css = "text"; break;
        case ImGuiMouseCursor_ResizeAll: css = "move"; break;
        case ImGuiMouseCursor_ResizeNS: css = "ns-resize"; break;
        case ImGuiMouseCursor_ResizeEW: css = "ew-resize"; break;
        case ImGuiMouseCursor_ResizeNESW: css = "nesw-resize"; break;
        case ImGuiMouseCursor_ResizeNWSE: css = "nwse-resize"; break;
        case ImGuiMouseCursor_Hand: css = "pointer"; break;
        case ImGuiMouseCursor_NotAllowed: css = "not-allowed"; break;
        default: break;
    }
    static const char* current = nullptr;
    if (css != current) {   // only tell the DOM when it changes
        current = css;
        js_set_cursor(css);
    }
}

void signal_ready() { js_signal_ready(); }

void report_start_failure(const char* reason) { js_fail_to_start(reason); }

}  // namespace kc::web
