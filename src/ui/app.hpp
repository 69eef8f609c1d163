// The application as the platform sees it: one object that owns the open document and
// draws every view inside an ImGui frame. The platform (src/web) owns the window, the
// main loop, fonts and the browser; it talks to the app only through this header, and
// the app talks back only through kc::ui::Platform. No Emscripten call is made from src/ui.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/format.hpp"
#include "core/problem.hpp"
#include "figures.hpp"
#include "selection.hpp"
#include "view.hpp"

namespace kc { class Document; }

namespace kc::ui {

class FileTools;

// What the app asks of its host. Implemented by src/web (and by test doubles).
class Platform {
public:
    virtual ~Platform() = default;
    // Show the browser's file picker; the chosen file comes back through App::open_file.
    virtual void pick_file(const char* accept) = 0;
    // Offer bytes as a download named `filename`.
    virtual void download(const std::string& filename, const std::string& mime,
                          const std::string& bytes) = 0;
    virtual void copy_to_clipboard(const std::string& text) = 0;
    // Offer what is on screen inside `rect` (framebuffer pixels) as a PNG download, read
    // once the frame being drawn has been rendered.
    virtual void download_png(const std::string& filename, PixelRect rect) = 0;
    // Make a share link carrying `portfolio_text`; the outcome comes back later through
    // App::file_tools().share_link_made. Hosts without links (tests) do nothing.
    virtual void make_share_link(const std::string& portfolio_text) { (void)portfolio_text; }
    // Delete the work the host keeps for the user (autosave) and keep no more this session;
    // then tell App::file_tools().local_data_forgotten().
    virtual void forget_local_data() {}
    // The day it is for the user (local calendar day): when reviews are due and overdue
    // in the plan. Tests fix it by overriding.
    virtual Date today() const;
};

// Outcome of opening bytes as a portfolio: errors mean nothing changed.
struct OpenResult {
    bool ok = false;
    Problems errors;
    Problems warnings;
};

class App {
public:
    // language: "nl" or "en" (the platform passes the browser's preference).
    App(Platform& platform, std::string_view language);
    ~App();

    // Open a portfolio from bytes (file picker, drop, JS API). On errors the open
    // portfolio stays as it was and the error panel lists every problem.
    OpenResult open_file(std::string_view file_name, std::string_view bytes);
    // The same with what a reader already made of the bytes (a big file read in pieces).
    OpenResult open_read(std::string_view file_name, ReadResult read);

    // A file being read in pieces: until end_progress(), each frame shows only how far
    // the reading is (`bytes` of about `total`), so that those frames cost nearly nothing.
    void show_progress(std::string_view file_name, std::size_t bytes, std::size_t total);
    void end_progress();

    // The document (model + edit history) for the JS API.
    const Document& document() const;
    // The file name the open portfolio was loaded from ("" for the bundled example).
    const std::string& file_name() const;
    // The portfolio as format-1 text, as Save writes it.
    std::string save_text() const;

    // [SECTION] files beyond Open and Save (file_tools.hpp) --------------------------------
    // A file the user picked or dropped, or a start link brought: a CSV file (by its
    // extension, else by not looking like JSON) goes to the import dialog, anything else
    // opens as a portfolio.
    void open_user_file(std::string_view file_name, std::string_view bytes);
    // Work autosaved earlier (`text` as save_text() wrote it): opened, with a notice that
    // offers the example instead. Nothing happens when it is the example as bundled.
    // `unsaved`: it had changes that were never saved to a file.
    OpenResult restore_work(std::string_view file_name, std::string_view text, std::string saved_at, bool unsaved);
    // The same with what a reader made of the text (big work, read in pieces: never the example).
    OpenResult restore_read(std::string_view file_name, ReadResult read, std::string saved_at, bool unsaved);
    // A start source (share link, ?src=) that could not be read: shown like a refused file.
    void report_open_failure(std::string_view source, Problems errors);
    // Runs a command of the File menu's tools by its JS API name; false: no such command.
    bool run_command(std::string_view name);
    FileTools& file_tools();
    const FileTools& file_tools() const;

    // Draw everything for this frame (call between ImGui::NewFrame and ImGui::Render).
    void draw();

    // UI language: "nl" or "en".
    void set_language(std::string_view language);
    std::string_view language() const;

    // [SECTION] for scripts and browser tests (window.kamcanvas) --------------------------
    // The views by name ("dashboard", "accounts", "pyramid" …), in tab order.
    std::vector<std::string> view_names() const;
    // The tab shown in the last frame.
    const std::string& active_view() const;
    // Shows that tab from the next frame on; false when there is no such view.
    bool show_view(std::string_view name);
    // What the view shows, as figures; nullopt for a view without figures or no such view.
    std::optional<Figures> figures(std::string_view view) const;
    // The clickable chart parts drawn in the last frame.
    const std::vector<Part>& parts() const;
    // The chart part whose accounts are listed, and those accounts (report order).
    const Selection& selection() const;
    std::vector<int> selected_accounts() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace kc::ui
