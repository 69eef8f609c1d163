# The web app: ImGui + the UI + the core, compiled to WebAssembly, served as plain static
# files. Included by CMakeLists.txt under Emscripten only. Target `site` builds
# <build>/site/ = index.html (from shell.html), kamcanvas.js, kamcanvas.wasm and the static
# assets of web/ (stylesheet, icon).
#
#   NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B build-web -DCMAKE_BUILD_TYPE=Release
#   cmake --build build-web -j2 --target site
#
# NODE_PATH: Debian's emcc needs acorn from /usr/share/nodejs at -O1 and above.
# Why each flag is here: /work/shared/design/imgui-wasm-notes.md (Emscripten 3.1.6 traps).

if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(WARNING "No Dear ImGui in '${IMGUI_DIR}' (run scripts/setup): the web app is not part of this build.")
  return()
endif()

set(KC_WEB_DIR "${CMAKE_SOURCE_DIR}/src/web")
set(KC_WEB_GENERATED "${CMAKE_BINARY_DIR}/generated/web")
set(KC_SITE_DIR "${CMAKE_BINARY_DIR}/site")
file(MAKE_DIRECTORY "${KC_WEB_GENERATED}" "${KC_SITE_DIR}")

# One optimisation policy for every wasm object of the app (LTO needs it at compile and link).
# Release: -Os -flto. Measured with ImGui 1.90.1 + the app: the .wasm is 239 KB gzipped at
# -Os, 238 KB at -Oz, 299 KB at -O2, and opening or analysing 100,000 accounts took no
# measurably longer at -Os than at -O2. Debug: runtime and GL assertions, symbols.
# (One generator expression per flag: a list inside one would be split apart.)
set(kc_optimized "$<CONFIG:Release,MinSizeRel,RelWithDebInfo>")
set(KC_WEB_OPT_LEVEL "-Os" CACHE STRING "Optimisation level of the release web app (-O2, -Os or -Oz)")
option(KC_WEB_LTO "Link-time optimisation of the release web app" ON)
set(KC_WEB_OPTIMIZE "$<${kc_optimized}:${KC_WEB_OPT_LEVEL}>")
if(KC_WEB_LTO)
  list(APPEND KC_WEB_OPTIMIZE "$<${kc_optimized}:-flto>")
endif()
set(KC_WEB_DEBUG "$<$<CONFIG:Debug>:-sASSERTIONS=2>" "$<$<CONFIG:Debug>:-sGL_ASSERTIONS=1>"
  "$<$<CONFIG:Debug>:-g>")
set(KC_WEB_COMPILE_FLAGS ${KC_WEB_OPTIMIZE} -fno-exceptions)

# ---- Dear ImGui: core + GLFW and OpenGL3 (WebGL 2) backends -----------------------------
# Our imconfig override goes to every file that includes imgui.h (ImGui, the UI, the
# platform): 32-bit draw indices, no demo/debug windows, no file functions.
add_library(kc_imgui STATIC
  "${IMGUI_DIR}/imgui.cpp" "${IMGUI_DIR}/imgui_draw.cpp" "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp" "${IMGUI_DIR}/imgui_demo.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_glfw.cpp" "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(kc_imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
target_compile_definitions(kc_imgui PUBLIC
  IMGUI_USER_CONFIG="${KC_WEB_DIR}/imconfig_web.h"
  IMGUI_IMPL_OPENGL_ES3)   # WebGL 2: "#version 300 es" shaders, native 32-bit indices
target_compile_options(kc_imgui PRIVATE ${KC_WEB_COMPILE_FLAGS})

# ---- the core once more, with the app's flags (the core_tests build keeps its own) -------
add_library(kc_core_web STATIC ${KC_CORE_SOURCES})
target_include_directories(kc_core_web PUBLIC "${CMAKE_SOURCE_DIR}/src")
target_include_directories(kc_core_web SYSTEM PUBLIC "${KC_DEPS_INCLUDE}")
target_compile_definitions(kc_core_web PUBLIC JSON_NOEXCEPTION)
target_compile_options(kc_core_web PRIVATE ${KC_WEB_COMPILE_FLAGS} -Wall -Wextra -Wpedantic)
kc_precompile(kc_core_web)

# ---- embedded font: DejaVu Sans, cut down to the glyphs we draw --------------------------
# One list of code point ranges feeds both the font subset and ImGui's glyph ranges.
# Latin, Latin-1, Latin Extended-A (Dutch, German, French, Nordic, Polish, Czech names),
# Romanian ș ț, then typography and symbols the UI and error messages use.
set(KC_FONT_RANGES
  0x0020-0x007E   # Basic Latin
  0x00A0-0x00FF   # Latin-1: é ë ü ß ø å ½ × ·
  0x0100-0x017F   # Latin Extended-A: ł ő č š ž ij
  0x0218-0x021B   # Ș ș Ț ț
  0x2013-0x2014   # – —
  0x2018-0x201E   # ‘ ’ ‚ “ ” „
  0x2020-0x2022   # † ‡ •
  0x2026-0x2026   # …
  0x2030-0x2030   # ‰
  0x2039-0x203A   # ‹ ›
  0x20AC-0x20AC   # €
  0x2122-0x2122   # ™
  0x2190-0x2195   # ← ↑ → ↓ ↔ ↕
  0x2212-0x2212   # − (minus)
  0x2248-0x2248   # ≈
  0x2260-0x2265   # ≠ ≤ ≥
  0x25B2-0x25B2   # ▲
  0x25BC-0x25BC   # ▼
  0x2713-0x2713   # ✓
  0x2717-0x2717   # ✗
  0xFFFD-0xFFFD)  # � shown for anything else
set(KC_FONT_SOURCE "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf" CACHE FILEPATH "TTF embedded as the UI font")
if(NOT EXISTS "${KC_FONT_SOURCE}")
  message(FATAL_ERROR "UI font ${KC_FONT_SOURCE} is missing (Debian package fonts-dejavu-core; scripts/setup installs it)")
endif()

set(font_unicodes "")
set(font_ranges_cpp "")
foreach(range IN LISTS KC_FONT_RANGES)
  string(REPLACE "-" ";" bounds "${range}")
  list(GET bounds 0 first)
  list(GET bounds 1 last)
  string(SUBSTRING "${first}" 2 -1 first_hex)
  string(SUBSTRING "${last}" 2 -1 last_hex)
  list(APPEND font_unicodes "U+${first_hex}-${last_hex}")
  string(APPEND font_ranges_cpp "    ${first}, ${last},\n")
endforeach()
list(JOIN font_unicodes "," font_unicodes)

file(CONFIGURE OUTPUT "${KC_WEB_GENERATED}/font_ranges.cpp" CONTENT
"// Generated by cmake/web.cmake from KC_FONT_RANGES: do not edit.
#include \"imgui.h\"

namespace kc::web::embedded {

extern const ImWchar ui_font_ranges[];
const ImWchar ui_font_ranges[] = {
${font_ranges_cpp}    0};

}  // namespace kc::web::embedded
" @ONLY)

# pyftsubset (Debian's fonttools) shrinks the TTF from ~740 KB to ~50 KB; without it the
# whole font is embedded and the app still works, only bigger.
find_program(KC_PYFTSUBSET pyftsubset)
set(font_ttf "${KC_WEB_GENERATED}/ui_font.ttf")
if(KC_PYFTSUBSET)
  add_custom_command(OUTPUT "${font_ttf}"
    COMMAND "${KC_PYFTSUBSET}" "${KC_FONT_SOURCE}" "--unicodes=${font_unicodes}"
            --layout-features= --no-hinting --notdef-outline --name-IDs=0,1,2
            "--output-file=${font_ttf}"
    DEPENDS "${KC_FONT_SOURCE}" "${CMAKE_CURRENT_LIST_FILE}"
    COMMENT "Subsetting the UI font" VERBATIM)
else()
  message(STATUS "pyftsubset not found (Debian package fonttools): embedding the whole UI font")
  add_custom_command(OUTPUT "${font_ttf}"
    COMMAND "${CMAKE_COMMAND}" -E copy "${KC_FONT_SOURCE}" "${font_ttf}"
    DEPENDS "${KC_FONT_SOURCE}" VERBATIM)
endif()

function(kc_embed_file input symbol)
  add_custom_command(OUTPUT "${KC_WEB_GENERATED}/${symbol}.cpp"
    COMMAND "${CMAKE_COMMAND}" -DINPUT=${input} -DOUTPUT=${KC_WEB_GENERATED}/${symbol}.cpp
            -DSYMBOL=${symbol} -P "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    DEPENDS "${input}" "${CMAKE_SOURCE_DIR}/cmake/embed_file.cmake"
    COMMENT "Embedding ${symbol}" VERBATIM)
endfunction()
kc_embed_file("${font_ttf}" ui_font)

# ---- the bundled example, shown at start ----------------------------------------------
set(KC_EXAMPLE_PORTFOLIO "${CMAKE_SOURCE_DIR}/web/examples/zuivelhoeve.kamcanvas.json")
if(NOT EXISTS "${KC_EXAMPLE_PORTFOLIO}")
  set(KC_EXAMPLE_PORTFOLIO "${KC_SHARED_DIR}/data/examples/synthetic-40.json")
  message(STATUS "web/examples/zuivelhoeve.kamcanvas.json not there yet: bundling ${KC_EXAMPLE_PORTFOLIO}")
endif()
# Reconfigure when web/examples changes, so the real example replaces the stand-in.
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/examples")
kc_embed_file("${KC_EXAMPLE_PORTFOLIO}" example_portfolio)

# ---- the app -------------------------------------------------------------------------
file(GLOB KC_WEB_SOURCES CONFIGURE_DEPENDS "${KC_WEB_DIR}/*.cpp")
file(GLOB KC_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp")
if(NOT EXISTS "${CMAKE_SOURCE_DIR}/src/ui/app.cpp")
  message(WARNING "src/ui/app.cpp does not exist yet: the web app is not part of this build.")
  return()
endif()

# Compiled once, linked twice: the site's kamcanvas.js + .wasm, and the one-file build.
add_library(kc_web_objects OBJECT ${KC_WEB_SOURCES} ${KC_UI_SOURCES}
  "${KC_WEB_GENERATED}/ui_font.cpp" "${KC_WEB_GENERATED}/font_ranges.cpp"
  "${KC_WEB_GENERATED}/example_portfolio.cpp")
target_link_libraries(kc_web_objects PUBLIC kc_core_web kc_imgui)
target_compile_options(kc_web_objects PRIVATE ${KC_WEB_COMPILE_FLAGS} -Wall -Wextra)
kc_precompile(kc_web_objects)

# JS exports: callbacks of browser.js and start.js (src/web/browser.cpp, session.cpp,
# js_api.cpp) and the window.kamcanvas API (src/web/js_api.cpp, file_api.cpp).
set(KC_WEB_EXPORTS _main _malloc _free _app_file_opened _app_clipboard_pasted
  _app_has_unsaved_changes _app_load _app_save _app_summary _app_analyze _app_language
  _app_views _app_show_view _app_figures _app_parts _app_selection
  _app_start_failed _app_start_restore _app_start_finished _app_storage_saved _app_storage_failed
  _app_local_data_forgotten _app_share_link_made _app_autosave_flush
  _app_command _app_csv_import _app_notices _app_autosave_state _app_open_share_link _app_start_problem
  _app_pieces_begin _app_pieces_restoring _app_pieces_feed _app_pieces_end _app_pieces_cancel)
list(JOIN KC_WEB_EXPORTS "," KC_WEB_EXPORTS)
# Linked before the program, in this order: Module settings, the browser bridge, share
# links, storage, the start sequence; api.js after it (window.kamcanvas).
set(KC_WEB_PRE_JS pre.js browser.js share.js storage.js start.js)
set(KC_WEB_JS_OPTIONS)
set(KC_WEB_JS_FILES)
foreach(js IN LISTS KC_WEB_PRE_JS)
  list(APPEND KC_WEB_JS_OPTIONS "SHELL:--pre-js ${KC_WEB_DIR}/${js}")
  list(APPEND KC_WEB_JS_FILES "${KC_WEB_DIR}/${js}")
endforeach()
list(APPEND KC_WEB_JS_OPTIONS "SHELL:--post-js ${KC_WEB_DIR}/api.js")
list(APPEND KC_WEB_JS_FILES "${KC_WEB_DIR}/api.js")

# kc_web_program(TARGET DIR [link options]): the app as DIR/kamcanvas.js (+ .wasm).
function(kc_web_program target dir)
  add_executable(${target} $<TARGET_OBJECTS:kc_web_objects>)
  target_link_libraries(${target} PRIVATE kc_core_web kc_imgui)
  set_target_properties(${target} PROPERTIES OUTPUT_NAME kamcanvas SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${dir}")
  target_link_options(${target} PRIVATE
    -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
    -sALLOW_MEMORY_GROWTH=1 -sNO_FILESYSTEM=1 -sENVIRONMENT=web -sMALLOC=emmalloc
    # LTO may turn malloc+memset into calloc after the libraries were chosen (seen at -O2):
    # pull calloc in from the start so that can never end in "undefined symbol: calloc".
    -Wl,-u,calloc
    -sEXPORTED_FUNCTIONS=${KC_WEB_EXPORTS}
    -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
    ${KC_WEB_JS_OPTIONS}
    ${KC_WEB_OPTIMIZE} ${KC_WEB_DEBUG} ${ARGN})
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${KC_WEB_JS_FILES})
endfunction()

kc_web_program(kamcanvas_web "${KC_SITE_DIR}")

# ---- the served folder ------------------------------------------------------------------
# The page and its static assets (web/*.css, web/*.svg, the web app manifest), copied as
# they are; the service worker (web/sw.js) with the site's version filled in.
set(KC_SITE_FILES "${KC_SITE_DIR}/index.html")
add_custom_command(OUTPUT "${KC_SITE_DIR}/index.html"
  COMMAND "${CMAKE_COMMAND}" -E copy "${CMAKE_SOURCE_DIR}/shell.html" "${KC_SITE_DIR}/index.html"
  DEPENDS "${CMAKE_SOURCE_DIR}/shell.html" VERBATIM)
file(GLOB KC_WEB_ASSETS CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*.css" "${CMAKE_SOURCE_DIR}/web/*.svg"
  "${CMAKE_SOURCE_DIR}/web/*.webmanifest")
foreach(asset IN LISTS KC_WEB_ASSETS)
  get_filename_component(asset_name "${asset}" NAME)
  add_custom_command(OUTPUT "${KC_SITE_DIR}/${asset_name}"
    COMMAND "${CMAKE_COMMAND}" -E copy "${asset}" "${KC_SITE_DIR}/${asset_name}"
    DEPENDS "${asset}" VERBATIM)
  list(APPEND KC_SITE_FILES "${KC_SITE_DIR}/${asset_name}")
endforeach()
# The worker's version is a hash of every file it caches: a build that changes any of
# them changes sw.js, which is how browsers learn of a new version.
set(kc_cached_files ${KC_SITE_FILES} "${KC_SITE_DIR}/kamcanvas.js" "${KC_SITE_DIR}/kamcanvas.wasm")
list(JOIN kc_cached_files "|" kc_cached_list)
add_custom_command(OUTPUT "${KC_SITE_DIR}/sw.js"
  COMMAND "${CMAKE_COMMAND}" -DTEMPLATE=${CMAKE_SOURCE_DIR}/web/sw.js -DOUTPUT=${KC_SITE_DIR}/sw.js
          -DFILES=${kc_cached_list} -P "${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/sw.js" "${CMAKE_SOURCE_DIR}/cmake/service_worker.cmake" kamcanvas_web
          ${KC_SITE_FILES}
  COMMENT "Versioning the service worker" VERBATIM)
add_custom_target(site ALL DEPENDS kamcanvas_web ${KC_SITE_FILES} "${KC_SITE_DIR}/sw.js")

# ---- the one-file build: dist/kamcanvas.html (scripts/build-onefile) ----------------------
# The same program with the .wasm inside the JS (-sSINGLE_FILE=1, base64), and the JS,
# the stylesheet and the icon inlined into the page by scripts/inline-onefile.mjs: one
# HTML file that works from file:// (a USB stick, an e-mail attachment). Not part of ALL.
set(KC_ONEFILE_DIR "${CMAKE_BINARY_DIR}/onefile")
kc_web_program(kamcanvas_onefile "${KC_ONEFILE_DIR}" -sSINGLE_FILE=1)
set_target_properties(kamcanvas_onefile PROPERTIES EXCLUDE_FROM_ALL TRUE)
find_program(KC_NODE node REQUIRED)
add_custom_command(OUTPUT "${KC_ONEFILE_DIR}/kamcanvas.html"
  COMMAND "${KC_NODE}" "${CMAKE_SOURCE_DIR}/scripts/inline-onefile.mjs"
          --page "${CMAKE_SOURCE_DIR}/shell.html" --script "${KC_ONEFILE_DIR}/kamcanvas.js"
          --style "${CMAKE_SOURCE_DIR}/web/kamcanvas.css" --icon "${CMAKE_SOURCE_DIR}/web/favicon.svg"
          --out "${KC_ONEFILE_DIR}/kamcanvas.html"
  DEPENDS kamcanvas_onefile "${CMAKE_SOURCE_DIR}/scripts/inline-onefile.mjs" "${CMAKE_SOURCE_DIR}/shell.html"
          "${CMAKE_SOURCE_DIR}/web/kamcanvas.css" "${CMAKE_SOURCE_DIR}/web/favicon.svg"
  COMMENT "Inlining the one-file build" VERBATIM)
add_custom_target(onefile DEPENDS "${KC_ONEFILE_DIR}/kamcanvas.html")
