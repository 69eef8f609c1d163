// Sharp rendering at any devicePixelRatio, following window resizes and browser zoom.
// GLFW-JS 3.1.6 knows nothing of high DPI, so the app works in physical pixels: the canvas
// backbuffer is CSS size × devicePixelRatio, the font is rasterised at base size × ratio
// and the style's sizes are scaled by the ratio. Mouse positions from GLFW-JS are already
// in backbuffer pixels (it scales by canvas.width / CSS width), so everything agrees.
#pragma once

#include "imgui.h"

namespace kc::web {

// Canvas size in CSS pixels and the device pixel ratio, as the browser reports them now.
struct CanvasMetrics {
    double css_width = 0;
    double css_height = 0;
    double pixel_ratio = 1;
    int pixel_width() const;    // backbuffer size: CSS size × ratio, at least 1
    int pixel_height() const;
};

CanvasMetrics read_canvas_metrics();

class Display {
public:
    // UI font size in CSS pixels; the atlas is built at this × devicePixelRatio.
    static constexpr float kBaseFontSize = 15.0f;

    // Remembers the style to scale from (call after the app has set its style) and sizes
    // fonts, style and backbuffer for the current metrics. Needs the OpenGL3 backend.
    void start(const CanvasMetrics& metrics);

    // Once per frame, before the backends' NewFrame: follows a changed CSS size (new
    // backbuffer size) or pixel ratio (fonts and style rebuilt).
    void update();

    double pixel_ratio() const { return metrics_.pixel_ratio; }

private:
    void resize_backbuffer(int width, int height);
    void rebuild_fonts_and_style(float scale);

    CanvasMetrics metrics_;
    int width_ = 0;
    int height_ = 0;
    ImGuiStyle base_style_;
};

}  // namespace kc::web
