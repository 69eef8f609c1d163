// The CSV import dialog (see file_tools.hpp): the core reads and maps the file
// (core/csv.hpp, core/csv_import.hpp); this shows the guess, lets the user correct it
// and shows what the import would do, recomputed whenever a choice changes.
#include <algorithm>
#include <cstring>

#include "file_tools.hpp"
#include "imgui.h"
#include "palette.hpp"

namespace kc::ui {
namespace {

constexpr Bilingual kTitle("CSV importeren", "Import CSV");
constexpr Bilingual kFile("Bestand: {}", "File: {}");
constexpr Bilingual kSeparator("Scheidingsteken", "Separator");
constexpr Bilingual kDecimal("Decimaalteken", "Decimal mark");
constexpr Bilingual kSeparatorDetected("Automatisch ({})", "Automatic ({})");
constexpr Bilingual kComma("komma ,", "comma ,");
constexpr Bilingual kSemicolon("puntkomma ;", "semicolon ;");
constexpr Bilingual kTab("tab", "tab");
constexpr Bilingual kDecimalDetected("Automatisch ({})", "Automatic ({})");
constexpr Bilingual kDecimalUndecided("nog onbeslist", "not decided");
constexpr Bilingual kPoint("punt .", "point .");
constexpr Bilingual kDecimalComma("komma ,", "comma ,");
constexpr Bilingual kColumnsHint(
    "Per kolom wat hij vult; de gok staat al ingevuld. Kies \"—\" om een kolom over te slaan.",
    "What each column feeds; the guess is filled in. Choose \"—\" to leave a column out.");
constexpr Bilingual kIgnore("— (overslaan)", "— (leave out)");
constexpr Bilingual kOther("Anders, bijv. revenue_2019 of score_prijs:", "Other, e.g. revenue_2019 or score_price:");
constexpr Bilingual kOtherInvalid("Onbekend veld", "Unknown field");
constexpr Bilingual kMoreColumns("… en nog {} kolommen (worden niet getoond)", "… and {} more columns (not shown)");
constexpr Bilingual kSummary("{} rijen: {} worden geïmporteerd, {} geweigerd.", "{} rows: {} will be imported, {} refused.");
constexpr Bilingual kUnusable("Dit bestand kan zo niet geïmporteerd worden:", "This file cannot be imported like this:");
constexpr Bilingual kProblems("Problemen per regel en kolom (geweigerde rijen worden overgeslagen):",
                              "Problems by line and column (refused rows are left out):");
constexpr Bilingual kImport("{} accounts importeren", "Import {} accounts");
constexpr Bilingual kCancel("Annuleren", "Cancel");
constexpr Bilingual kConfirm(
    "De open portfolio heeft niet-opgeslagen wijzigingen. Importeren vervangt hem; de wijzigingen gaan verloren.",
    "The open portfolio has unsaved changes. Importing replaces it and the changes are lost.");
constexpr Bilingual kConfirmImport("Wijzigingen weggooien en importeren", "Discard changes and import");
constexpr Bilingual kBack("Terug", "Back");
constexpr Bilingual kPlace("Plaats", "Place");
constexpr Bilingual kMessage("Probleem", "Problem");

constexpr int kPreviewRows = 8;
constexpr std::size_t kShownColumns = 64;   // ImGui tables have a column limit; 64 fit a screen anyway
constexpr std::size_t kPreviewCellBytes = 40;

// "klanten.csv" -> "klanten".
std::string name_without_extension(std::string_view file_name) {
    const std::size_t slash = file_name.find_last_of("/\\");
    if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
    const std::size_t dot = file_name.rfind('.');
    if (dot != std::string_view::npos && dot > 0) file_name = file_name.substr(0, dot);
    return std::string(file_name);
}

// A cell as one short line: line ends shown as ¶, cut (at a UTF-8 boundary) with "…".
std::string preview_text(std::string_view cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (out.size() >= kPreviewCellBytes && (static_cast<unsigned char>(cell[i]) & 0xC0) != 0x80) {
            out += "…";
            break;
        }
        if (cell[i] == '\r' && i + 1 < cell.size() && cell[i + 1] == '\n') continue;
        if (cell[i] == '\r' || cell[i] == '\n') out += "¶";
        else if (cell[i] == '\t') out += ' ';
        else out += cell[i];
    }
    return out;
}

// Four-digit years (1900–2199) the headers mention: the revenue and wallet years offered.
std::vector<int> years_in_header(const std::vector<std::string>& header) {
    std::vector<int> years;
    for (const std::string& text : header) {
        for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
            const bool digits = std::all_of(text.begin() + i, text.begin() + i + 4, [](char c) { return c >= '0' && c <= '9'; });
            const bool bounded = (i == 0 || text[i - 1] < '0' || text[i - 1] > '9') &&
                                 (i + 4 == text.size() || text[i + 4] < '0' || text[i + 4] > '9');
            if (!digits || !bounded) continue;
            int year = 0;
            for (std::size_t d = i; d < i + 4; ++d) year = year * 10 + (text[d] - '0');
            if (year >= 1900 && year <= 2199) years.push_back(year);
        }
    }
    std::sort(years.begin(), years.end());
    years.erase(std::unique(years.begin(), years.end()), years.end());
    return years;
}

const char* separator_label(char separator) {
    switch (separator) {
        case ',': return tr(kComma);
        case ';': return tr(kSemicolon);
        case '\t': return tr(kTab);
        default: return "?";
    }
}

const char* decimal_label(DecimalMark mark) {
    switch (mark) {
        case DecimalMark::point: return tr(kPoint);
        case DecimalMark::comma: return tr(kDecimalComma);
        case DecimalMark::detect: break;
    }
    return tr(kDecimalUndecided);
}

ColumnTarget target_of(CsvField field, int year = 0, std::string criterion = {}) {
    ColumnTarget target;
    target.field = field;
    target.year = year;
    target.criterion = std::move(criterion);
    return target;
}

std::string target_label(const ColumnTarget& target) {
    return target.field == CsvField::ignore ? std::string(tr(kIgnore)) : to_string(target);
}

void problem_rows(const Problems& problems, const ImVec4& colour) {
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(problems.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::TextUnformatted(problems[static_cast<std::size_t>(i)].place.c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::PushStyleColor(ImGuiCol_Text, colour);
            ImGui::TextUnformatted(problems[static_cast<std::size_t>(i)].message.c_str());
            ImGui::PopStyleColor();
        }
    }
}

PixelRect last_item_rect() {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return {min.x, min.y, max.x, max.y};
}

}  // namespace

// [SECTION] state -------------------------------------------------------------------------

void CsvImportDialog::begin(std::string file_name, std::string bytes) {
    file_name_ = std::move(file_name);
    bytes_ = std::move(bytes);
    separator_ = 0;
    decimal_ = DecimalMark::detect;
    confirming_ = false;
    open_ = true;
    open_requested_ = true;
    reread();
}

void CsvImportDialog::close() {
    open_ = false;
    confirming_ = false;
    bytes_.clear();
    bytes_.shrink_to_fit();
    table_ = {};
    mapping_ = {};
    result_ = {};
}

void CsvImportDialog::set_separator(char separator) {
    if (separator == separator_) return;
    separator_ = separator;
    reread();
}

void CsvImportDialog::set_decimal(DecimalMark decimal) {
    if (decimal == decimal_) return;
    decimal_ = decimal;
    reimport();
}

bool CsvImportDialog::set_target(std::size_t column, const ColumnTarget& target) {
    if (column >= mapping_.columns.size()) return false;
    assign(mapping_, column, target);
    reimport();
    return true;
}

// Another separator makes other columns: the guess starts over.
void CsvImportDialog::reread() {
    CsvOptions options;
    options.separator = separator_;
    table_ = read_csv(bytes_, options);
    mapping_ = guess_mapping(table_.header.fields);
    header_years_ = years_in_header(table_.header.fields);
    reimport();
}

void CsvImportDialog::reimport() {
    CsvImportOptions options;
    options.decimal = decimal_;
    result_ = import_csv(table_, mapping_, options);
    confirming_ = false;
}

CsvImported CsvImportDialog::take_result() {
    CsvImported imported;
    imported.portfolio = std::move(result_.portfolio);
    if (imported.portfolio.info.name.empty()) imported.portfolio.info.name = name_without_extension(file_name_);
    imported.file_name = file_name_;
    imported.refused = result_.refused;
    close();
    return imported;
}

// [SECTION] drawing -----------------------------------------------------------------------

std::optional<CsvImported> CsvImportDialog::draw(const Context& context) {
    if (open_requested_) {
        ImGui::OpenPopup("###csv_import");
        open_requested_ = false;
    }
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x * 0.85f, viewport->WorkSize.y * 0.85f), ImGuiCond_Appearing);
    const std::string title = std::string(tr(kTitle)) + "###csv_import";
    bool keep_open = true;
    if (!ImGui::BeginPopupModal(title.c_str(), &keep_open, ImGuiWindowFlags_NoSavedSettings)) {
        if (open_) close();   // closed by its title bar's × or Escape
        return std::nullopt;
    }
    ImGui::TextUnformatted(fill(tr(kFile), {file_name_}).c_str());
    draw_settings();
    ImGui::Separator();
    draw_columns();
    ImGui::Separator();
    draw_problems();
    std::optional<CsvImported> imported = draw_buttons(context);
    if (!keep_open || !open_) {
        if (open_) close();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return imported;
}

void CsvImportDialog::draw_settings() {
    const float em = ImGui::GetFontSize();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr(kSeparator));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(12 * em);
    const std::string detected_separator = fill(tr(kSeparatorDetected), {separator_label(table_.separator)});
    const char* shown = separator_ == 0 ? detected_separator.c_str() : separator_label(separator_);
    if (ImGui::BeginCombo("##separator", shown)) {
        for (char choice : {'\0', ',', ';', '\t'}) {
            const std::string label = choice == 0 ? detected_separator : std::string(separator_label(choice));
            if (ImGui::Selectable(label.c_str(), choice == separator_)) set_separator(choice);
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, 2 * em);
    ImGui::TextUnformatted(tr(kDecimal));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(12 * em);
    const std::string detected_decimal =
        fill(tr(kDecimalDetected), {decimal_label(decimal_ == DecimalMark::detect ? result_.decimal : decimal_)});
    const char* shown_decimal = decimal_ == DecimalMark::detect ? detected_decimal.c_str() : decimal_label(decimal_);
    if (ImGui::BeginCombo("##decimal", shown_decimal)) {
        for (DecimalMark choice : {DecimalMark::detect, DecimalMark::point, DecimalMark::comma}) {
            const std::string label = choice == DecimalMark::detect ? detected_decimal : std::string(decimal_label(choice));
            if (ImGui::Selectable(label.c_str(), choice == decimal_)) set_decimal(choice);
        }
        ImGui::EndCombo();
    }
}

// One table column per CSV column: its header, the combo of its target, the first rows.
void CsvImportDialog::draw_columns() {
    const std::vector<std::string>& header = table_.header.fields;
    ImGui::TextDisabled("%s", tr(kColumnsHint));
    const std::size_t shown = std::min(header.size(), kShownColumns);
    if (shown == 0) return;
    const float em = ImGui::GetFontSize();
    const float height = (kPreviewRows + 3) * ImGui::GetFrameHeightWithSpacing();
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("columns", static_cast<int>(shown), flags, ImVec2(0, height))) {
        for (std::size_t c = 0; c < shown; ++c)
            ImGui::TableSetupColumn(csv_column_name(header, c).c_str(), ImGuiTableColumnFlags_WidthFixed, 11 * em);
        ImGui::TableSetupScrollFreeze(0, 2);
        ImGui::TableHeadersRow();
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < shown; ++c) {
            ImGui::TableSetColumnIndex(static_cast<int>(c));
            draw_target_combo(c);
        }
        const std::size_t rows = std::min<std::size_t>(table_.rows.size(), kPreviewRows);
        for (std::size_t r = 0; r < rows; ++r) {
            const CsvRow& row = table_.rows[r];
            ImGui::TableNextRow();
            for (std::size_t c = 0; c < shown && c < row.fields.size(); ++c) {
                ImGui::TableSetColumnIndex(static_cast<int>(c));
                ImGui::TextUnformatted(preview_text(row.fields[c]).c_str());
            }
        }
        ImGui::EndTable();
    }
    if (header.size() > shown)
        ImGui::TextDisabled("%s", fill(tr(kMoreColumns), {format_integer(static_cast<long long>(header.size() - shown))}).c_str());
}

void CsvImportDialog::draw_target_combo(std::size_t column) {
    const ColumnTarget current = column < mapping_.columns.size() ? mapping_.columns[column] : ColumnTarget{};
    ImGui::PushID(static_cast<int>(column));
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##target", target_label(current).c_str(), ImGuiComboFlags_HeightLarge)) {
        std::vector<ColumnTarget> choices;
        for (CsvField field : {CsvField::ignore, CsvField::id, CsvField::name, CsvField::segment, CsvField::region,
                               CsvField::status, CsvField::key})
            choices.push_back(target_of(field));
        std::vector<int> years = header_years_;
        for (const ColumnTarget& t : mapping_.columns)
            if (t.year != 0) years.push_back(t.year);
        std::sort(years.begin(), years.end());
        years.erase(std::unique(years.begin(), years.end()), years.end());
        for (int year : years) choices.push_back(target_of(CsvField::revenue, year));
        for (int year : years) choices.push_back(target_of(CsvField::wallet, year));
        const std::string own_criterion = criterion_id_from_header(csv_column_name(table_.header.fields, column));
        if (!own_criterion.empty()) choices.push_back(target_of(CsvField::score, 0, own_criterion));
        for (const ColumnTarget& t : mapping_.columns)
            if (t.field == CsvField::score && t.criterion != own_criterion) choices.push_back(t);
        for (const ColumnTarget& choice : choices)
            if (ImGui::Selectable(target_label(choice).c_str(), choice == current)) set_target(column, choice);

        ImGui::Separator();
        ImGui::TextDisabled("%s", tr(kOther));
        ImGui::SetNextItemWidth(-1);
        if (ImGui::InputText("##other", custom_target_, sizeof custom_target_, ImGuiInputTextFlags_EnterReturnsTrue)) {
            ColumnTarget typed;
            custom_invalid_ = !parse_column_target(custom_target_, typed);
            if (!custom_invalid_) {
                set_target(column, typed);
                custom_target_[0] = '\0';
                ImGui::CloseCurrentPopup();
            }
        }
        if (custom_invalid_) ImGui::TextColored(kErrorText, "%s", tr(kOtherInvalid));
        ImGui::EndCombo();
    }
    ImGui::PopID();
}

void CsvImportDialog::draw_problems() {
    if (!result_.usable) {
        ImGui::TextColored(kErrorText, "%s", tr(kUnusable));
    } else {
        ImGui::TextUnformatted(fill(tr(kSummary), {format_integer(result_.rows),
                                                   format_integer(static_cast<long long>(result_.portfolio.accounts.size())),
                                                   format_integer(result_.refused)})
                                   .c_str());
        if (result_.errors.empty() && result_.warnings.empty()) return;
        ImGui::TextUnformatted(tr(kProblems));
    }
    const float em = ImGui::GetFontSize();
    const float height = std::max(4 * em, ImGui::GetContentRegionAvail().y - 2.5f * ImGui::GetFrameHeightWithSpacing());
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("problems", 2, flags, ImVec2(0, height))) {
        ImGui::TableSetupColumn(tr(kPlace), ImGuiTableColumnFlags_WidthFixed, 16 * em);
        ImGui::TableSetupColumn(tr(kMessage), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableHeadersRow();
        problem_rows(result_.errors, kErrorText);
        problem_rows(result_.warnings, kWarningText);
        ImGui::EndTable();
    }
}

std::optional<CsvImported> CsvImportDialog::draw_buttons(const Context& context) {
    std::optional<CsvImported> imported;
    const bool importable = result_.usable && !result_.portfolio.accounts.empty();
    if (confirming_) {
        ImGui::TextColored(kWarningText, "%s", tr(kConfirm));
        if (ImGui::Button((std::string(tr(kConfirmImport)) + "###confirm").c_str())) imported = take_result();
        context.record_part("csv_import/confirm", last_item_rect());
        ImGui::SameLine();
        if (ImGui::Button((std::string(tr(kBack)) + "###back").c_str())) confirming_ = false;
        return imported;
    }
    ImGui::BeginDisabled(!importable);
    const std::string count = format_integer(static_cast<long long>(result_.portfolio.accounts.size()));
    if (ImGui::Button((fill(tr(kImport), {count}) + "###import").c_str())) {
        if (context.document().dirty()) confirming_ = true;
        else imported = take_result();
    }
    ImGui::EndDisabled();
    context.record_part("csv_import/import", last_item_rect());
    ImGui::SameLine();
    if (ImGui::Button((std::string(tr(kCancel)) + "###cancel").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        close();
    context.record_part("csv_import/cancel", last_item_rect());
    return imported;
}

}  // namespace kc::ui
