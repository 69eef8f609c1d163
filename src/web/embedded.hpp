// Files compiled into the web app (generated at build time by cmake/web.cmake and
// cmake/embed_file.cmake): the UI font, its glyph ranges and the bundled example.
// Compiled in because the browser build has no filesystem and the page must show a
// portfolio at once, without a request of its own.
#pragma once

#include <cstddef>
#include <string_view>

#include "imgui.h"

namespace kc::web::embedded {

// DejaVu Sans, subset to ui_font_ranges (TTF bytes).
extern const unsigned char ui_font[];
extern const std::size_t ui_font_size;
// Code point pairs [first, last], 0-terminated, for ImFontAtlas::AddFontFromMemoryTTF.
extern const ImWchar ui_font_ranges[];

// web/examples/zuivelhoeve.kamcanvas.json (portfolio format 1).
extern const unsigned char example_portfolio[];
extern const std::size_t example_portfolio_size;

inline std::string_view example_portfolio_text() {
    return {reinterpret_cast<const char*>(example_portfolio), example_portfolio_size};
}

}  // namespace kc::web::embedded
