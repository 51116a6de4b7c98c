// Mapathy UI — outputs (see export_menu.hpp).
#include "ui/export_menu.hpp"

#include <functional>
#include <string_view>
#include <utility>

#include "core/base/text.hpp"
#include <nlohmann/json.hpp>

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

namespace {

const char* langCode() { return uiLang() == Lang::De ? "de" : "en"; }

// Asks the tools module for one output and hands its text to `use` when it comes.
void makeOutput(ToolsClient& tools, const Board& board, nlohmann::json request,
                std::function<void(const std::string&)> use) {
  tools.requestForBoard(std::move(request), board, [&tools, use = std::move(use)](const ToolResult& r) {
    if (!r.ok) return tools.fail(r.message());
    use(r.text);
  });
}

}  // namespace

void openTextView(Host& host, ToolsClient& tools, const Board& board) {
  const std::string name = text::fileStem(board.title) + "-text.html";
  makeOutput(tools, board, {{"op", "textView"}, {"lang", langCode()}},
             [&host, name](const std::string& html) { host.showHtml(name, html); });
}

bool textViewButton() { return iconButtonTip(label("export.textView").c_str(), Icon::TextView, tr("export.textViewTip")); }

bool textViewShortcutPressed() {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyAlt && io.KeyShift && !io.KeyCtrl && !io.KeySuper && ImGui::IsKeyPressed(ImGuiKey_A, false);
}

void exportButtons(Host& host, ToolsClient& tools, const Board& board, ExportMenuState& state) {
  if (!state.initialised) {
    state.semicolons = uiLang() == Lang::De;
    state.initialised = true;
  }
  const std::string stem = text::fileStem(board.title);
  ImGui::TextUnformatted(tr("export.heading"));
  if (iconButton(label("export.png").c_str(), Icon::Download)) {
    makeOutput(tools, board, {{"op", "svg"}}, [&host, stem](const std::string& svg) { host.downloadPng(stem, svg); });
  }
  sameLineIfFits(label("export.svg").c_str());
  if (iconButton(label("export.svg").c_str(), Icon::Download)) {
    makeOutput(tools, board, {{"op", "svg"}}, [&host, stem](const std::string& svg) {
      host.downloadFile(stem + ".svg", "image/svg+xml", svg);
    });
  }
  // Spreadsheet apps read UTF-8 umlauts correctly only with a byte-order mark (Excel).
  const nlohmann::json csv = {{"bom", true}, {"delimiter", state.semicolons ? ";" : ","}};
  if (iconButton(label("export.csvNotes").c_str(), Icon::Download)) {
    nlohmann::json request = csv;
    request["op"] = "csvNotes";
    makeOutput(tools, board, request, [&host, stem](const std::string& text) {
      host.downloadFile(stem + "-notes.csv", "text/csv", text);
    });
  }
  sameLineIfFits(label("export.csvActions").c_str());
  if (iconButton(label("export.csvActions").c_str(), Icon::Download, false, !board.actions.empty())) {
    nlohmann::json request = csv;
    request["op"] = "csvActions";
    makeOutput(tools, board, request, [&host, stem](const std::string& text) {
      host.downloadFile(stem + "-actions.csv", "text/csv", text);
    });
  }
  ImGui::Checkbox(label("export.semicolons").c_str(), &state.semicolons);
  const auto print = [&](const char* paper) {
    makeOutput(tools, board, {{"op", "print"}, {"lang", langCode()}, {"paper", paper}},
               [&host, stem](const std::string& html) { host.showHtml(stem + "-print.html", html); });
  };
  if (iconButton(label("export.printA4").c_str(), Icon::Print)) print("a4");
  sameLineIfFits(label("export.printLetter").c_str());
  if (iconButton(label("export.printLetter").c_str(), Icon::Print)) print("letter");
  if (iconButtonTip(label("export.textView", "share").c_str(), Icon::TextView, tr("export.textViewTip"))) {
    openTextView(host, tools, board);
  }
  hintText(tr("export.hint"));
}

}  // namespace mapathy::ui
