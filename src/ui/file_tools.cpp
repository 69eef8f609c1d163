// FileTools (see file_tools.hpp): the File menu's import, export, share and forget
// entries, the notice bar, and the accounts CSV export dialog.
#include "file_tools.hpp"

#include "app.hpp"
#include "core/csv_export.hpp"
#include "core/format.hpp"
#include "core/report_json.hpp"
#include "imgui.h"
#include "palette.hpp"

namespace kc::ui {
namespace {

constexpr const char* kCsvAccept = ".csv,.tsv,.txt,text/csv,text/plain";

// [SECTION] texts ---------------------------------------------------------------------------

constexpr Bilingual kImportCsv("CSV importeren…", "Import CSV…");
constexpr Bilingual kExport("Exporteren", "Export");
constexpr Bilingual kExportCsv("Accounts met analyse als CSV…", "Accounts with analysis as CSV…");
constexpr Bilingual kExportJson("Rapport als JSON", "Report as JSON");
constexpr Bilingual kExportAccountPlan("Accountplan (HTML, afdrukbaar)", "Account plan (HTML, printable)");
constexpr Bilingual kExportAccountPlanHint("Het plan van het account op de pagina Account; de browser drukt het af als PDF.",
                                           "The plan of the account on the Account page; the browser prints it to PDF.");
constexpr Bilingual kExportPortfolioPlan("Portfolioplan (HTML, afdrukbaar)", "Portfolio plan (HTML, printable)");
constexpr Bilingual kShareLink("Deellink kopiëren", "Copy share link");
constexpr Bilingual kForget("Lokale gegevens wissen", "Forget local data");
constexpr Bilingual kForgetHint("Wist het automatisch bewaarde werk uit deze browser (voor gedeelde computers).",
                                "Deletes the autosaved work from this browser (for shared computers).");

constexpr Bilingual kRestored("Uw werk van {} is teruggezet — in plaats daarvan het voorbeeld openen?",
                              "Restored your work from {} — open the example instead?");
constexpr Bilingual kOpenExample("Voorbeeld openen", "Open the example");
constexpr Bilingual kImported("{}: {} accounts geïmporteerd.", "{}: {} accounts imported.");
constexpr Bilingual kImportedRefused("{}: {} accounts geïmporteerd, {} rijen geweigerd (zie de importdialoog).",
                                     "{}: {} accounts imported, {} rows refused (as the import dialog listed).");
constexpr Bilingual kStorageFailed(
    "Deze browser kan uw werk niet automatisch bewaren ({}). De app werkt gewoon verder; bewaar uw werk met Opslaan.",
    "This browser cannot autosave your work ({}). The app keeps working; keep your work with Save.");
constexpr Bilingual kForgotten(
    "Het lokaal bewaarde werk is gewist. Automatisch bewaren staat uit tot u de pagina opnieuw laadt.",
    "The locally saved work is deleted. Autosave is off until you reload the page.");
constexpr Bilingual kShareMade(
    "Deellink gekopieerd ({} tekens). Wie hem opent, ziet deze portfolio: de gegevens zitten in de link zelf en "
    "gaan naar geen enkele server. Deel hem dus alleen met wie ze mag zien.",
    "Share link copied ({} characters). Whoever opens it sees this portfolio: the data is inside the link itself "
    "and goes to no server. So share it only with people who may see it.");
constexpr Bilingual kShareTooBig(
    "Deze portfolio is te groot voor een link ({} tekens, hoogstens {}). Sla hem op en deel het bestand.",
    "This portfolio is too big for a link ({} characters, at most {}). Save it and share the file instead.");
constexpr Bilingual kShareFailed("Er kon geen deellink gemaakt worden: {}", "No share link could be made: {}");
constexpr Bilingual kCopy("Kopiëren", "Copy");

constexpr Bilingual kExportTitle("Accounts exporteren als CSV", "Export accounts as CSV");
constexpr Bilingual kExportText(
    "Eén rij per account met de analyse van het analysejaar. UTF-8 met BOM; tekst die met = + - of @ begint, "
    "krijgt een ' ervoor, zodat een spreadsheet hem niet als formule uitvoert.",
    "One row per account with the analysis of the analysis year. UTF-8 with BOM; text starting with = + - or @ "
    "gets a ' in front, so a spreadsheet never runs it as a formula.");
constexpr Bilingual kSeparator("Scheidingsteken:", "Separator:");
constexpr Bilingual kComma("komma ,", "comma ,");
constexpr Bilingual kSemicolon("puntkomma ; (Nederlandse Excel)", "semicolon ; (Dutch Excel)");
constexpr Bilingual kDecimal("Decimaalteken:", "Decimal mark:");
constexpr Bilingual kPoint("punt .", "point .");
constexpr Bilingual kDecimalComma("komma , (Nederlandse Excel)", "comma , (Dutch Excel)");
constexpr Bilingual kDownload("Downloaden", "Download");
constexpr Bilingual kCancel("Annuleren", "Cancel");

std::string label(const Bilingual& text, const char* id) { return std::string(tr(text)) + "###" + id; }

PixelRect last_item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x, max.y};
}

}  // namespace

// [SECTION] menu and commands ---------------------------------------------------------------

bool is_csv_file(std::string_view file_name, std::string_view bytes) {
    const auto has_extension = [&](std::string_view extension) {
        if (file_name.size() < extension.size()) return false;
        for (std::size_t i = 0; i < extension.size(); ++i) {
            const char c = file_name[file_name.size() - extension.size() + i];
            if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != extension[i]) return false;
        }
        return true;
    };
    if (has_extension(".csv") || has_extension(".tsv") || has_extension(".txt")) return true;
    if (has_extension(".json")) return false;
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    const std::size_t first = bytes.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && bytes[first] != '{' && bytes[first] != '[';
}

Command file_tools_menu_items() {
    Command command = Command::none;
    ImGui::Separator();
    if (ImGui::MenuItem(label(kImportCsv, "import_csv").c_str())) command = Command::import_csv;
    if (ImGui::BeginMenu(label(kExport, "export").c_str())) {
        if (ImGui::MenuItem(label(kExportCsv, "export_csv").c_str())) command = Command::export_accounts_csv;
        if (ImGui::MenuItem(label(kExportJson, "export_json").c_str())) command = Command::export_report_json;
        ImGui::Separator();
        if (ImGui::MenuItem(label(kExportAccountPlan, "export_account_plan").c_str()))
            command = Command::export_account_plan;
        ImGui::SetItemTooltip("%s", tr(kExportAccountPlanHint));
        if (ImGui::MenuItem(label(kExportPortfolioPlan, "export_portfolio_plan").c_str()))
            command = Command::export_portfolio_plan;
        ImGui::EndMenu();
    }
    if (ImGui::MenuItem(label(kShareLink, "share_link").c_str())) command = Command::copy_share_link;
    ImGui::Separator();
    if (ImGui::MenuItem(label(kForget, "forget").c_str())) command = Command::forget_local_data;
    ImGui::SetItemTooltip("%s", tr(kForgetHint));
    return command;
}

std::optional<Command> FileTools::command_named(std::string_view name) {
    if (name == "import-csv") return Command::import_csv;
    if (name == "export-csv") return Command::export_accounts_csv;
    if (name == "export-json") return Command::export_report_json;
    if (name == "export-account-plan") return Command::export_account_plan;
    if (name == "export-portfolio-plan") return Command::export_portfolio_plan;
    if (name == "share-link") return Command::copy_share_link;
    if (name == "forget-local-data") return Command::forget_local_data;
    return std::nullopt;
}

void FileTools::run(Command command, const Document& document, const std::string& file_base) {
    switch (command) {
        case Command::import_csv: platform_.pick_file(kCsvAccept); break;
        case Command::export_accounts_csv:
            export_csv_requested_ = true;
            export_base_ = file_base;
            break;
        case Command::export_report_json:
            // The same text `kamcanvas analyze FILE` prints, final newline included.
            platform_.download(file_base + "-report.json", "application/json",
                               report_json_text(document.report(), document.portfolio()) + "\n");
            break;
        case Command::copy_share_link: platform_.make_share_link(write_portfolio(document.portfolio())); break;
        case Command::forget_local_data: platform_.forget_local_data(); break;
        default: break;
    }
}

void FileTools::begin_csv_import(std::string file_name, std::string bytes) {
    csv_import_.begin(std::move(file_name), std::move(bytes));
}

// [SECTION] notices ---------------------------------------------------------------------------

std::string_view FileTools::kind_name(NoticeKind kind) {
    switch (kind) {
        case NoticeKind::restored: return "restored";
        case NoticeKind::imported: return "imported";
        case NoticeKind::storage_failed: return "storage_failed";
        case NoticeKind::local_data_forgotten: return "local_data_forgotten";
        case NoticeKind::share_link: return "share_link";
        case NoticeKind::share_failed: return "share_failed";
    }
    return "";
}

std::string FileTools::notice_text(const Notice& notice) {
    const auto value = [&](std::size_t i) -> std::string_view {
        return i < notice.values.size() ? std::string_view(notice.values[i]) : std::string_view();
    };
    switch (notice.kind) {
        case NoticeKind::restored: return fill(tr(kRestored), {value(0)});
        case NoticeKind::imported:
            return value(2) == "0" ? fill(tr(kImported), {value(0), value(1)})
                                   : fill(tr(kImportedRefused), {value(0), value(1), value(2)});
        case NoticeKind::storage_failed: return fill(tr(kStorageFailed), {value(0)});
        case NoticeKind::local_data_forgotten: return tr(kForgotten);
        case NoticeKind::share_link: return fill(tr(kShareMade), {value(0)});
        case NoticeKind::share_failed:
            return value(1).empty() ? fill(tr(kShareFailed), {value(0)}) : fill(tr(kShareTooBig), {value(0), value(1)});
    }
    return "";
}

void FileTools::add_notice(NoticeKind kind, std::vector<std::string> values) {
    remove_notices(kind);
    notices_.push_back({kind, std::move(values)});
}

void FileTools::remove_notices(NoticeKind kind) {
    std::erase_if(notices_, [kind](const Notice& n) { return n.kind == kind; });
}

void FileTools::work_restored(std::string saved_at) { add_notice(NoticeKind::restored, {std::move(saved_at)}); }

void FileTools::imported(const std::string& file_name, std::size_t accounts, int refused) {
    add_notice(NoticeKind::imported,
               {file_name, format_integer(static_cast<long long>(accounts)), format_integer(refused)});
}

void FileTools::storage_failed(std::string reason) {
    if (storage_failure_told_) return;   // once per page: the user has understood
    storage_failure_told_ = true;
    add_notice(NoticeKind::storage_failed, {std::move(reason)});
}

void FileTools::local_data_forgotten() {
    remove_notices(NoticeKind::restored);
    add_notice(NoticeKind::local_data_forgotten, {});
}

void FileTools::portfolio_replaced() {
    remove_notices(NoticeKind::restored);
    remove_notices(NoticeKind::imported);
}

void FileTools::share_link_made(ShareLinkOutcome outcome) {
    remove_notices(NoticeKind::share_link);
    remove_notices(NoticeKind::share_failed);
    if (outcome.ok) {
        share_link_ = std::move(outcome.link);
        add_notice(NoticeKind::share_link, {format_integer(static_cast<long long>(outcome.size))});
    } else if (outcome.reason.empty()) {
        add_notice(NoticeKind::share_failed, {format_integer(static_cast<long long>(outcome.size)),
                                              format_integer(static_cast<long long>(outcome.limit))});
    } else {
        add_notice(NoticeKind::share_failed, {outcome.reason});
    }
}

void FileTools::draw_notices(const Context& context, FileToolsRequests& requests) {
    if (notices_.empty()) return;
    const float em = ImGui::GetFontSize();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.97f, 0.82f, 1.0f));
    ImGui::BeginChild("notices", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY);
    std::optional<NoticeKind> closed;
    for (const Notice& notice : notices_) {
        ImGui::PushID(static_cast<int>(notice.kind));
        if (ImGui::SmallButton("×")) closed = notice.kind;
        context.record_part(std::string("notice/close:") + std::string(kind_name(notice.kind)), last_item_rect());
        ImGui::SameLine();
        const bool failure = notice.kind == NoticeKind::storage_failed || notice.kind == NoticeKind::share_failed;
        if (failure) ImGui::PushStyleColor(ImGuiCol_Text, kErrorText);
        ImGui::TextWrapped("%s", notice_text(notice).c_str());
        if (failure) ImGui::PopStyleColor();
        if (notice.kind == NoticeKind::restored) {
            if (ImGui::Button(label(kOpenExample, "open_example").c_str())) {
                requests.open_example = true;
                closed = notice.kind;
            }
            context.record_part("notice/open_example", last_item_rect());
        } else if (notice.kind == NoticeKind::share_link) {
            ImGui::SetNextItemWidth(std::max(10 * em, ImGui::GetContentRegionAvail().x - 8 * em));
            // Read-only: ImGui never writes into the buffer.
            ImGui::InputText("##link", share_link_.data(), share_link_.size() + 1, ImGuiInputTextFlags_ReadOnly);
            ImGui::SameLine();
            if (ImGui::Button(label(kCopy, "copy_link").c_str())) context.copy(share_link_);
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (closed) remove_notices(*closed);
}

// [SECTION] dialogs ---------------------------------------------------------------------------

void FileTools::draw_dialogs(const Context& context, FileToolsRequests& requests) {
    if (csv_import_.is_open()) {
        std::optional<CsvImported> imported = csv_import_.draw(context);
        if (imported) requests.imported = std::move(imported);
    }
    draw_export_csv(context);
}

void FileTools::draw_export_csv(const Context& context) {
    if (export_csv_requested_) {
        ImGui::OpenPopup("###export_csv");
        export_csv_requested_ = false;
    }
    // Dutch users mostly have a Dutch Excel: semicolon and decimal comma; others comma and point.
    const bool dutch = language() == Language::nl;
    if (export_separator_ < 0) export_separator_ = dutch ? 1 : 0;
    if (export_decimal_ < 0) export_decimal_ = dutch ? 1 : 0;

    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = label(kExportTitle, "export_csv");
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(tr(kExportText));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr(kSeparator));
    ImGui::RadioButton(label(kComma, "sep_comma").c_str(), &export_separator_, 0);
    ImGui::SameLine();
    ImGui::RadioButton(label(kSemicolon, "sep_semicolon").c_str(), &export_separator_, 1);
    ImGui::TextUnformatted(tr(kDecimal));
    ImGui::RadioButton(label(kPoint, "dec_point").c_str(), &export_decimal_, 0);
    ImGui::SameLine();
    ImGui::RadioButton(label(kDecimalComma, "dec_comma").c_str(), &export_decimal_, 1);
    ImGui::Spacing();
    if (ImGui::Button(label(kDownload, "download").c_str())) {
        CsvExportOptions options;
        options.separator = export_separator_ == 1 ? ';' : ',';
        options.decimal = export_decimal_ == 1 ? DecimalMark::comma : DecimalMark::point;
        platform_.download(export_base_ + "-accounts.csv", "text/csv",
                           accounts_csv(context.portfolio(), context.report(), options));
        ImGui::CloseCurrentPopup();
    }
    context.record_part("csv_export/download", last_item_rect());
    ImGui::SameLine();
    if (ImGui::Button(label(kCancel, "cancel").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace kc::ui
