// The headless UI harness of the UI tests: ImGui's core without a backend (as in ImGui's
// example_null), a fake platform that records what the app asks of it, and input helpers
// that feed events the way a backend does.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"
#include "imgui.h"

namespace kc::ui::testing {

struct FakePlatform : Platform {
    struct Download {
        std::string name, mime, bytes;
    };
    int picks = 0;
    std::string accept;
    std::vector<Download> downloads;
    std::string clipboard;

    void pick_file(const char* what) override {
        ++picks;
        accept = what;
    }
    void download(const std::string& name, const std::string& mime, const std::string& bytes) override {
        downloads.push_back({name, mime, bytes});
    }
    void copy_to_clipboard(const std::string& text) override { clipboard = text; }
    void download_png(const std::string& name, PixelRect rect) override {
        snapshots.push_back({name, rect});
    }
    struct Snapshot {
        std::string name;
        PixelRect rect;
    };
    std::vector<Snapshot> snapshots;
};

// An ImGui context with a built font atlas and a display, and input helpers that
// feed events the way a backend does (one change per frame).
class Headless {
public:
    explicit Headless(float width = 1280, float height = 800) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.Fonts->AddFontDefault();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    void frames(App& app, int count = 1) {
        for (int i = 0; i < count; ++i) {
            ImGui::NewFrame();
            app.draw();
            ImGui::Render();
        }
    }

    void press(App& app, ImGuiKey key, ImGuiKeyChord mods = 0) {
        ImGuiIO& io = ImGui::GetIO();
        set_mods(mods, true);
        io.AddKeyEvent(key, true);
        frames(app);
        io.AddKeyEvent(key, false);
        set_mods(mods, false);
        frames(app);
    }

    void type(App& app, const char* utf8) {
        ImGui::GetIO().AddInputCharactersUTF8(utf8);
        frames(app, 2);
    }

    void double_click(App& app, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(at.x, at.y);
        // Half a second of quiet first: clicks closer together than io.MouseDoubleClickTime
        // would count as a triple click.
        frames(app, 30);
        for (int click = 0; click < 2; ++click) {
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            frames(app);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
            frames(app);
        }
        frames(app, 2);
    }

    void click(App& app, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(at.x, at.y);
        frames(app);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frames(app);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(app, 2);
    }

    // A move and a click delivered at once, as a browser does for a quick click: ImGui
    // sees the new position and the press on the same frame.
    void click_at_once(App& app, ImVec2 at) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(at.x, at.y);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frames(app);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(app, 2);
    }

    // Presses the left button at `from`, moves to `to` in a few steps, releases there.
    void drag(App& app, ImVec2 from, ImVec2 to, int steps = 6) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(from.x, from.y);
        frames(app, 2);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        frames(app);
        for (int step = 1; step <= steps; ++step) {
            const float t = static_cast<float>(step) / static_cast<float>(steps);
            io.AddMousePosEvent(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
            frames(app);
        }
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        frames(app, 2);
    }

private:
    static void set_mods(ImGuiKeyChord mods, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        if (mods & ImGuiMod_Ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, down);
        if (mods & ImGuiMod_Shift) io.AddKeyEvent(ImGuiMod_Shift, down);
    }
};

inline std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// The usual start of a UI test: the harness at 1366×768 and an app in `language` with the
// file at `path` open, `view` shown and a few frames drawn. Members in this order: ImGui's
// context exists before the app and outlives it.
struct OpenedView {
    Headless imgui{1366, 768};
    FakePlatform platform;
    App app;

    OpenedView(const char* language, const std::filesystem::path& path, std::string_view view)
        : app(platform, language) {
        ok = app.open_file(path.filename().string(), read_text(path)).ok && app.show_view(view);
        imgui.frames(app, 3);
    }
    bool ok = false;   // the file opened and the view exists: REQUIRE it
};

}  // namespace kc::ui::testing
