// The few colours the UI picks itself (everything else is the ImGui style), chosen to
// read well on the light theme app.cpp sets.
#pragma once

#include "imgui.h"

namespace kc::ui {

inline const ImVec4 kErrorText(0.75f, 0.10f, 0.10f, 1.0f);
inline const ImVec4 kWarningText(0.60f, 0.38f, 0.00f, 1.0f);
inline const ImVec4 kUnsavedText(0.78f, 0.35f, 0.00f, 1.0f);

}  // namespace kc::ui
