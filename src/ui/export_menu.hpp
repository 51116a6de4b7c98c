// Mapathy UI — the outputs people take away after a workshop: the board as a picture (PNG,
// SVG), its notes and action items as spreadsheets (CSV), a print page (print or save as PDF) and the
// accessible text view for screen readers. The tools module makes every one of them (src/app/tools.hpp,
// asked through ui/tools_client.hpp, so the outputs are not part of the first download); this module only
// offers them in the share dialog and the toolbar and hands the answers to the Host a moment later.
#pragma once

#include <string>

#include "core/model/model.hpp"
#include "ui/app.hpp"
#include "ui/tools_client.hpp"

namespace mapathy::ui {

// View state of the export block (not document data).
struct ExportMenuState {
  bool semicolons = false;  // CSV for spreadsheets set to a German locale (Excel there expects ';')
  bool initialised = false; // `semicolons` follows the UI language the first time the block is shown
};

// The share dialog's "Picture, print, spreadsheet" block: one button per output.
void exportButtons(Host& host, ToolsClient& tools, const Board& board, ExportMenuState& state);

// The accessible text view of `board`, headings and labels in the UI language, via Host::showHtml.
void openTextView(Host& host, ToolsClient& tools, const Board& board);

// The toolbar's "Text view" button (icon and text); true when clicked.
bool textViewButton();
// True in the frame Alt+Shift+A is pressed (the text view's keyboard shortcut; Ctrl/Cmd-free so it does not
// collide with browser shortcuts, and not a plain letter so typing never triggers it).
bool textViewShortcutPressed();

}  // namespace mapathy::ui
