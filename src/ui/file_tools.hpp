// Files beyond Open and Save: the CSV import dialog, the exports (accounts as CSV, the
// report as JSON), share links, and the notices about autosaved work and the browser's
// storage. The app owns one FileTools; the platform reaches it through App::file_tools()
// for what arrives asynchronously (a share link made, storage that failed).
//
// Like the views, nothing here changes the document: what the user asked for that
// replaces the open portfolio (an import, the example instead of restored work) comes
// back as FileToolsRequests, which the app carries out after the frame.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv_import.hpp"
#include "core/model.hpp"
#include "view.hpp"
#include "views.hpp"

namespace kc::ui {

class Platform;

// [SECTION] csv_import_dialog.cpp ------------------------------------------------------

// What the import dialog hands the app when the user pressed Import.
struct CsvImported {
    Portfolio portfolio;
    std::string file_name;
    int refused = 0;   // rows left out
};

// The CSV import dialog: the guessed mapping per column with a combo to correct it,
// separator and decimal mark, the first rows, every problem by line and column, and
// Import (which asks first when the open portfolio has unsaved changes).
class CsvImportDialog {
public:
    // Reads `bytes` and opens the dialog with the guessed mapping.
    void begin(std::string file_name, std::string bytes);
    // Draws the dialog while it is open; the portfolio once the user imports.
    std::optional<CsvImported> draw(const Context& context);
    bool is_open() const { return open_; }
    void close();

    // What the controls show, and changing them as the controls do (also for the JS API).
    const std::string& file_name() const { return file_name_; }
    char separator_choice() const { return separator_; }   // 0: detected
    DecimalMark decimal_choice() const { return decimal_; }   // detect: from the numbers
    const CsvTable& table() const { return table_; }
    const CsvMapping& mapping() const { return mapping_; }
    const CsvImportResult& result() const { return result_; }
    void set_separator(char separator);   // 0, ',', ';' or '\t'; the mapping is guessed anew
    void set_decimal(DecimalMark decimal);
    bool set_target(std::size_t column, const ColumnTarget& target);   // false: no such column

private:
    void reread();
    void reimport();
    void draw_settings();
    void draw_columns();
    void draw_target_combo(std::size_t column);
    void draw_problems();
    std::optional<CsvImported> draw_buttons(const Context& context);
    CsvImported take_result();

    bool open_ = false;
    bool open_requested_ = false;
    bool confirming_ = false;   // Import pressed with unsaved changes: asking
    std::string file_name_;
    std::string bytes_;
    char separator_ = 0;
    DecimalMark decimal_ = DecimalMark::detect;
    CsvTable table_;
    CsvMapping mapping_;
    CsvImportResult result_;
    std::vector<int> header_years_;   // years named in the header: the combo offers them
    char custom_target_[80] = "";     // the combo's "other" field
    bool custom_invalid_ = false;
};

// [SECTION] file_tools.cpp -------------------------------------------------------------

// A share link as the platform made it (or why it could not).
struct ShareLinkOutcome {
    bool ok = false;
    std::string link;
    std::size_t size = 0;    // characters of the data in the link
    std::size_t limit = 0;   // the most a link may carry
    std::string reason;      // why not, when !ok and the size is not the problem
};

// What the user asked for in a frame that replaces the open portfolio.
struct FileToolsRequests {
    std::optional<CsvImported> imported;
    bool open_example = false;   // instead of the work restored at start
};

// Whether a file the user opened is a CSV file for the import: by its extension (.csv,
// .tsv, .txt; .json is not), else by its first character not opening JSON ('{' or '[').
bool is_csv_file(std::string_view file_name, std::string_view bytes);

// The File menu's entries for these tools (import, export, share, forget), drawn inside
// the open File menu; the command chosen, if any.
Command file_tools_menu_items();

class FileTools {
public:
    explicit FileTools(Platform& platform) : platform_(platform) {}

    // The bar of notices under the toolbar (restored work, storage, share link, import).
    void draw_notices(const Context& context, FileToolsRequests& requests);
    // The import and export dialogs (drawn at the top level, after the main window).
    void draw_dialogs(const Context& context, FileToolsRequests& requests);

    // The commands of file_tools_menu_items(). `file_base`: the start of a download's name
    // ("Zuivelhoeve" gives Zuivelhoeve-accounts.csv).
    void run(Command command, const Document& document, const std::string& file_base);

    // A CSV file the user chose, dropped or a start link brought: opens the dialog.
    void begin_csv_import(std::string file_name, std::string bytes);
    // Things that happened, told to the user in the notice bar.
    void work_restored(std::string saved_at);   // "14:32"
    void imported(const std::string& file_name, std::size_t accounts, int refused);
    void storage_failed(std::string reason);    // shown once per page
    void local_data_forgotten();
    // Another portfolio was opened: a notice about the one before it is no longer news.
    void portfolio_replaced();
    void share_link_made(ShareLinkOutcome outcome);

    enum class NoticeKind { restored, imported, storage_failed, local_data_forgotten, share_link, share_failed };
    struct Notice {
        NoticeKind kind;
        std::vector<std::string> values;   // filled into its text, which follows the language
    };
    const std::vector<Notice>& notices() const { return notices_; }
    static std::string notice_text(const Notice& notice);
    // The stable name of a notice kind ("restored", "storage_failed" …), for the JS API.
    static std::string_view kind_name(NoticeKind kind);

    CsvImportDialog& csv_import() { return csv_import_; }
    const CsvImportDialog& csv_import() const { return csv_import_; }
    // A command by its JS API name ("import-csv", "export-csv", …); nullopt: no such name.
    static std::optional<Command> command_named(std::string_view name);

private:
    void add_notice(NoticeKind kind, std::vector<std::string> values);
    void remove_notices(NoticeKind kind);
    void draw_export_csv(const Context& context);

    Platform& platform_;
    std::vector<Notice> notices_;
    std::string share_link_;         // the last link made, shown in its notice
    bool storage_failure_told_ = false;
    CsvImportDialog csv_import_;

    // The accounts CSV export's choices, asked in a small dialog.
    bool export_csv_requested_ = false;
    int export_separator_ = -1;   // 0: comma, 1: semicolon; -1: not chosen yet (by language)
    int export_decimal_ = -1;     // 0: point, 1: comma
    std::string export_base_;
};

}  // namespace kc::ui
