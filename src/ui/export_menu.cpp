// Mapathy UI — outputs (see export_menu.hpp).
#include "ui/export_menu.hpp"

#include <string_view>

#include "core/base/text.hpp"
#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "imgui.h"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

const UiString kExportStrings[] = {
    {"export.heading", "Picture, print, spreadsheet", "Bild, Druck, Tabelle"},
    {"export.png", "Picture (PNG)", "Bild (PNG)"},
    {"export.svg", "Picture (SVG)", "Bild (SVG)"},
    {"export.csvNotes", "Notes (CSV)", "Notizen (CSV)"},
    {"export.csvActions", "Action items (CSV)", "Maßnahmen (CSV)"},
    {"export.semicolons", "Semicolons (German Excel)", "Semikolons (deutsches Excel)"},
    {"export.printA4", "Print or PDF (A4)", "Drucken oder PDF (A4)"},
    {"export.printLetter", "Print or PDF (Letter)", "Drucken oder PDF (Letter)"},
    {"export.textView", "Text view", "Textansicht"},
    {"export.textViewTip", "The board as plain text for screen readers, in a new tab (Alt+Shift+A)",
     "Das Board als einfacher Text für Screenreader, in einem neuen Tab (Alt+Umschalt+A)"},
    {"export.hint", "Print and text view open in a new tab.", "Druck und Textansicht öffnen sich in einem neuen Tab."},
};
const StringTableRegistrar kRegisterExportStrings(kExportStrings);

}  // namespace

void openTextView(Host& host, const Board& board) {
  host.showHtml(text::fileStem(board.title) + "-text.html", exportAccessibleHtml(board, uiLang()));
}

bool textViewButton() { return iconButtonTip(label("export.textView").c_str(), Icon::TextView, tr("export.textViewTip")); }

bool textViewShortcutPressed() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyAlt && io.KeyShift && !io.KeyCtrl && !io.KeySuper && ImGui::IsKeyPressed(ImGuiKey_A, false);
}

void exportButtons(Host& host, const Board& board, ExportMenuState& state) {
  if (!state.initialised) {
    state.semicolons = uiLang() == Lang::De;
    state.initialised = true;
  }
  const std::string stem = text::fileStem(board.title);
  ImGui::TextUnformatted(tr("export.heading"));
  if (iconButton(label("export.png").c_str(), Icon::Download)) host.downloadPng(stem, exportSvg(board));
  ImGui::SameLine();
  if (iconButton(label("export.svg").c_str(), Icon::Download)) {
    host.downloadFile(stem + ".svg", "image/svg+xml", exportSvg(board));
  }
  CsvOptions csv;
  csv.utf8Bom = true;  // spreadsheet apps read UTF-8 umlauts correctly only with it (Excel)
  csv.delimiter = state.semicolons ? ';' : ',';
  if (iconButton(label("export.csvNotes").c_str(), Icon::Download)) {
    host.downloadFile(stem + "-notes.csv", "text/csv", exportNotesCsv(board, csv));
  }
  ImGui::SameLine();
  if (iconButton(label("export.csvActions").c_str(), Icon::Download, false, !board.actions.empty())) {
    host.downloadFile(stem + "-actions.csv", "text/csv", exportActionsCsv(board, csv));
  }
  ImGui::Checkbox(label("export.semicolons").c_str(), &state.semicolons);
  if (iconButton(label("export.printA4").c_str(), Icon::Print)) {
    host.showHtml(stem + "-print.html", exportPrintHtml(board, uiLang(), PaperSize::A4));
  }
  ImGui::SameLine();
  if (iconButton(label("export.printLetter").c_str(), Icon::Print)) {
    host.showHtml(stem + "-print.html", exportPrintHtml(board, uiLang(), PaperSize::Letter));
  }
  if (iconButtonTip(label("export.textView", "share").c_str(), Icon::TextView, tr("export.textViewTip"))) {
    openTextView(host, board);
  }
  hintText(tr("export.hint"));
}

}  // namespace mapathy::ui
