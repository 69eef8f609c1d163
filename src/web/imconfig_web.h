// Dear ImGui compile-time configuration of the web app, injected into every file that
// includes imgui.h through IMGUI_USER_CONFIG (cmake/web.cmake), so ImGui, the UI and the
// platform agree on it. ImGui's own imconfig.h stays untouched.
#pragma once

// 32-bit draw indices: a 100,000-row table must never hit the 65,536-vertex limit of
// 16-bit indices (WebGL has no base-vertex draw, so ImGui cannot split draw lists).
#define ImDrawIdx unsigned int

// Smaller binary: the demo and debug windows are never shown to users.
#define IMGUI_DISABLE_DEMO_WINDOWS
#define IMGUI_DISABLE_DEBUG_TOOLS

// No filesystem in the browser build: settings are not read from or written to .ini files.
#define IMGUI_DISABLE_FILE_FUNCTIONS
