// The version the About window shows. Keep it equal to project(... VERSION) in CMakeLists.txt.
#pragma once

namespace kc::ui {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace kc::ui
