// ImGui configuration of the UI smoke test (IMGUI_USER_CONFIG): every IM_ASSERT stays
// on in Release builds and ends the test with the failed expression and its place,
// instead of being compiled out by NDEBUG. Draw indices are 32-bit, as in the web app.
#pragma once

void kc_imgui_assert_failed(const char* expression, const char* file, int line);
#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : kc_imgui_assert_failed(#_EXPR, __FILE__, __LINE__))
#define ImDrawIdx unsigned int
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
