// The C side of window.kamcanvas (docs/js-api.md): KEEPALIVE exports in js_api.cpp that
// src/web/api.js calls. They run between frames (JS calls never interrupt a frame), so
// they may use the app directly. Each returns JSON or text in a buffer valid until the
// next call.
#pragma once

#include "ui/app.hpp"

namespace kc::web {

// The app the exports talk to; set once by main() before the first frame.
void set_api_app(kc::ui::App* app);

// JSON of an OpenResult: {"ok":…, "errors":[{place,message,code}], "warnings":[…]}.
std::string open_result_json(const kc::ui::OpenResult& result);

}  // namespace kc::web
