// Canvas size, devicePixelRatio, fonts and style (see display.hpp).
#include "display.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <emscripten.h>
#include <emscripten/html5.h>

#include "embedded.hpp"
#include "imgui_impl_opengl3.h"

// Resizes the backbuffer through Browser.setCanvasSize, the resize GLFW-JS listens to: it
// sets canvas.width/height, and GLFW's resize listener (onCanvasResize) updates the window
// size and calls the size callbacks, so ImGui's DisplaySize follows. We do not call
// glfwSetWindowSize: in Emscripten 3.1.6 it calls requestFullscreen() whenever the size
// equals screen.width × screen.height (library_glfw.js, setWindowSize), which a page filling
// the screen at ratio 1 hits, and which headless Chromium answers with "Permissions check
// failed". setCanvasSize has no such branch, so no size can ever trigger it.
EM_JS(void, js_set_canvas_size, (int width, int height), {
    Module['setCanvasSize'](width, height);
});

namespace kc::web {

int CanvasMetrics::pixel_width() const {
    return std::max(1, static_cast<int>(std::lround(css_width * pixel_ratio)));
}

int CanvasMetrics::pixel_height() const {
    return std::max(1, static_cast<int>(std::lround(css_height * pixel_ratio)));
}

CanvasMetrics read_canvas_metrics() {
    CanvasMetrics metrics;
    emscripten_get_element_css_size("#canvas", &metrics.css_width, &metrics.css_height);
    const double ratio = emscripten_get_device_pixel_ratio();
    metrics.pixel_ratio = ratio > 0 ? ratio : 1.0;
    return metrics;
}

void Display::start(const CanvasMetrics& metrics) {
    base_style_ = ImGui::GetStyle();
    metrics_ = metrics;
    resize_backbuffer(metrics.pixel_width(), metrics.pixel_height());
    rebuild_fonts_and_style(static_cast<float>(metrics.pixel_ratio));
}

void Display::update() {
    const CanvasMetrics now = read_canvas_metrics();
    const bool ratio_changed = now.pixel_ratio != metrics_.pixel_ratio;
    metrics_ = now;
    if (now.pixel_width() != width_ || now.pixel_height() != height_)
        resize_backbuffer(now.pixel_width(), now.pixel_height());
    if (ratio_changed) rebuild_fonts_and_style(static_cast<float>(now.pixel_ratio));
}

void Display::resize_backbuffer(int width, int height) {
    width_ = width;
    height_ = height;
    js_set_canvas_size(width, height);
}

void Display::rebuild_fonts_and_style(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts->Clear();
    // The cursor is the browser's (browser.cpp), never drawn by ImGui; a texture only as
    // high as the glyphs need is less to build and to upload.
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoPowerOfTwoHeight;

    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;   // the bytes are compiled in, never freed
    // Glyphs rasterised once at whole pixels and placed on whole pixels: sharp text, and half
    // the rasterising of ImGui's default 2x horizontal oversampling, which is start-up time.
    config.OversampleH = 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    const float size = std::round(kBaseFontSize * scale);
    std::snprintf(config.Name, sizeof config.Name, "DejaVu Sans %.0fpx", size);
    // AddFontFromMemoryTTF takes a non-const pointer but does not write through it.
    io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(embedded::ui_font),
                                   static_cast<int>(embedded::ui_font_size), size, &config,
                                   embedded::ui_font_ranges);
    ImGui_ImplOpenGL3_CreateFontsTexture();

    // Sizes from the unscaled style; colours from the current one, so a theme the app set
    // after start() survives a zoom.
    ImGuiStyle& style = ImGui::GetStyle();
    ImGuiStyle scaled = base_style_;
    std::copy(std::begin(style.Colors), std::end(style.Colors), std::begin(scaled.Colors));
    scaled.ScaleAllSizes(scale);
    style = scaled;
}

}  // namespace kc::web
