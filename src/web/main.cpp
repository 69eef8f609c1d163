// The web app's entry point: a GLFW window on the page's <canvas id="canvas">, a Dear ImGui
// context with the GLFW and OpenGL3 (WebGL 2) backends, the app with the bundled example
// open, and a main loop run by the browser (requestAnimationFrame). main() hands control to
// the browser and never comes back, so everything the loop needs lives in `g` below.
#include <cstdio>
#include <memory>

#include <GLFW/glfw3.h>
#include <emscripten.h>

#include "browser.hpp"
#include "display.hpp"
#include "embedded.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "js_api.hpp"
#include "session.hpp"
#include "ui/app.hpp"

namespace {

// window.kamcanvas.ready resolves after this many frames: ImGui lays auto-sized windows
// out on the first frame and shows them from the second, so by the third the example
// is on screen.
constexpr int kFramesBeforeReady = 3;

struct WebState {
    GLFWwindow* window = nullptr;
    kc::web::BrowserPlatform platform;
    std::unique_ptr<kc::ui::App> app;
    kc::web::Display display;
    int frames = 0;   // drawn with the start document open
    bool session_asked = false;   // for the start document (after the first frame)
};
WebState g;

// Files the user opened or dropped (or a start link brought) since the last frame, in the
// order they arrived; CSV files go to the import dialog.
void open_pending_files() {
    for (auto& file : kc::web::take_opened_files()) g.app->open_user_file(file.name, file.bytes);
}

void frame() {
    open_pending_files();
    kc::web::session().update(emscripten_get_now());
    g.display.update();

    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    g.app->draw();
    ImGui::Render();
    kc::web::update_cursor(ImGui::GetMouseCursor());

    int width = 0, height = 0;
    glfwGetFramebufferSize(g.window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(background.x, background.y, background.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    g.platform.finish_frame(width, height);
    if (!g.session_asked) {
        g.session_asked = true;
        kc::web::session().start(*g.app);
    }

    // Frames are counted once the start document (the example, a share link, restored
    // work) is open, so scripts that await ready see what the user sees.
    if (kc::web::session().started() && ++g.frames == kFramesBeforeReady) kc::web::signal_ready();
}

// Messages go to the browser console (stderr: console.error).
void report_glfw_error(int code, const char* description) {
    std::fprintf(stderr, "GLFW error %d: %s\n", code, description);
}

}  // namespace

int main() {
    glfwSetErrorCallback(report_glfw_error);
    if (!glfwInit()) {
        kc::web::report_start_failure("GLFW");
        return 1;
    }
    // ImGui draws with neither depth nor stencil, and the page behind the canvas never shows
    // through it: a WebGL context without them is quicker to make and to draw into.
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    // The window is the canvas; create it at its final size so the first frame is right.
    const kc::web::CanvasMetrics metrics = kc::web::read_canvas_metrics();
    g.window = glfwCreateWindow(metrics.pixel_width(), metrics.pixel_height(), "kamcanvas",
                                nullptr, nullptr);
    if (!g.window) {
        kc::web::report_start_failure("WebGL 2");
        return 1;
    }
    glfwMakeContextCurrent(g.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // no filesystem; nothing is written behind the user's back
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    // The CSS cursor is ours (browser.cpp); GLFW-JS 3.1.6 cannot set one.
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplGlfw_InitForOpenGL(g.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    kc::web::install_browser_hooks();

    g.app = std::make_unique<kc::ui::App>(g.platform, kc::web::preferred_language());
    kc::web::set_api_app(g.app.get());
    // The app may have set its style; the display scales that one.
    g.display.start(metrics);

    // The bundled example ("" = the example, see app.hpp) is open when the page appears.
    const auto example = g.app->open_file("", kc::web::embedded::example_portfolio_text());
    if (!example.ok && !example.errors.empty())   // a build defect: the tests catch it
        std::fprintf(stderr, "kamcanvas: the bundled example did not open: %s: %s\n",
                     example.errors[0].place.c_str(), example.errors[0].message.c_str());

    // Then what the address or the browser's storage holds (session.hpp): asked for once the
    // first frame is drawn, so that opening IndexedDB does not hold that frame back.

    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
