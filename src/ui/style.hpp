// Mapathy UI — the look: a calm, light ImGui style, the note palette, soft shadows and drawn icons.
//
// Every colour a view uses comes from here so the views agree. The colours of the board itself (note
// fills and their ink, accents, tints, text, muted text, canvas, panels) are the core's one table
// (core/model/palette.hpp), so the screen looks like the exports and one contrast test covers both; the
// colours below that have no counterpart on a board (buttons, banners, focus) belong to the app's chrome.
// Touch mode scales paddings and minimum target sizes so every control is at least 44 CSS pixels.
// Icons are drawn with the draw list (no icon font needed), sized to the current font.
#pragma once

#include "core/model/palette.hpp"
#include "imgui.h"

namespace mapathy::ui {

// One palette entry (core PaletteColour) as ImGui colours.
struct NoteColour {
  ImU32 fill;      // card background
  ImU32 ink;       // text on the card (≥ 7:1 on fill)
  ImU32 accent;    // borders, badges, section heading bar, avatar disc
  ImU32 onAccent;  // text on the accent (initials on the avatar disc)
  ImU32 tint;      // section background
};

namespace colours {
// From the board's table (core/model/palette.hpp).
inline constexpr ImU32 kInk = toImU32(kBoardColours.text);          // main text
inline constexpr ImU32 kInkMuted = toImU32(kBoardColours.muted);    // hints (≥ 4.5:1 on canvas and panels)
inline constexpr ImU32 kCanvas = toImU32(kBoardColours.background);  // canvas background
inline constexpr ImU32 kSurface = toImU32(kBoardColours.panel);      // panels, toolbar
// The app's chrome.
inline constexpr ImU32 kCanvasDots = IM_COL32(214, 218, 224, 255);
inline constexpr ImU32 kBorder = IM_COL32(222, 226, 231, 255);
inline constexpr ImU32 kPrimary = IM_COL32(79, 70, 229, 255);      // indigo: main actions, focus
inline constexpr ImU32 kPrimaryHover = IM_COL32(67, 56, 202, 255);
inline constexpr ImU32 kPrimarySoft = IM_COL32(224, 231, 255, 255);
inline constexpr ImU32 kDanger = IM_COL32(185, 28, 28, 255);
inline constexpr ImU32 kDangerSoft = IM_COL32(254, 226, 226, 255);
inline constexpr ImU32 kSuccess = IM_COL32(21, 128, 61, 255);
inline constexpr ImU32 kSuccessSoft = IM_COL32(220, 252, 231, 255);
inline constexpr ImU32 kWarning = IM_COL32(180, 83, 9, 255);
inline constexpr ImU32 kWarningSoft = IM_COL32(254, 243, 199, 255);
inline constexpr ImU32 kShadow = IM_COL32(15, 23, 42, 255);        // alpha applied by drawShadow
}  // namespace colours

// Fonts loaded by the platform (platform/fonts.hpp): [0] regular and [1] semibold at the UI size, [2] regular
// and [3] semibold rasterised large for headings and zoomed-in canvas text, and while the canvas is zoomed in
// far, [4] and [5] rasterised for that zoom. Text drawn much larger than its raster looks blurry, so big text
// picks a large raster. Headless tests load only ImGui's default font: every helper falls back to it.
ImFont* boldFont();
// The font to draw text `pixels` tall on screen (regular or semibold), the raster nearest above that size.
// The larger rasters hold fewer glyphs: pass `text` (up to `textEnd`, or its terminating zero) when it may
// contain others (user text), and a smaller raster that has them all is used instead.
ImFont* fontForSize(float pixels, bool bold = false, const char* text = nullptr, const char* textEnd = nullptr);

// Palette entry for a note/section/avatar colour index; out-of-range indices wrap.
const NoteColour& noteColour(int index);

// Installs the Mapathy style on the current context. `touch` enlarges paddings and targets;
// `scale` multiplies everything (device pixel ratio is handled by the platform through the font size).
void applyStyle(bool touch, float scale = 1.0f);
// Minimum height/width of an interactive control in the current mode (44 px in touch mode).
float minTarget();
bool touchMode();

// A soft drop shadow under a rounded rectangle (a few expanding translucent layers).
void drawShadow(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, float size, float strength = 1.0f);

// Icons drawn into a square box [min, min+size]. Stroke colour `col`.
enum class Icon {
  Plus, Minus, Undo, Redo, Share, Fit, Back, Search, Close, Tag, Eye, Vote, Check, Trash, Action, Globe,
  Hand, Touch, Copy, Download, Filter, Warning, Info,
  Print,     // a printer with a sheet coming out (print page / PDF)
  TextView   // a page of text lines (the accessible text view)
};
void drawIcon(ImDrawList* dl, Icon icon, ImVec2 min, float size, ImU32 col);

// A toolbar-style button: icon + optional text, rounded, at least minTarget() tall. The label is the
// ImGui ID and the visible text (before "##"/"###" as usual); `iconOnly` hides the text but keeps it as
// the ID and shows it as a tooltip. Returns true when clicked.
bool iconButton(const char* label, Icon icon, bool iconOnly = false, bool enabled = true, bool primary = false);
// The width iconButton() takes for `label` (toolbars use it to decide what fits).
float iconButtonWidth(const char* label, bool iconOnly);
// ImGui::SameLine() when an iconButton labelled `nextLabel` still fits beside the last item, otherwise
// nothing (the button starts a new row): rows of buttons in dialogs wrap on a phone instead of running off.
void sameLineIfFits(const char* nextLabel);
// Same as iconButton but with an explicit tooltip shown on hover.
bool iconButtonTip(const char* label, Icon icon, const char* tooltip, bool iconOnly = false, bool enabled = true,
                   bool primary = false);

// A small pill (rounded label) e.g. for counts and badges; returns its size. Draw-only.
ImVec2 drawPill(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 fill, ImU32 textCol, float fontSize);

// Colour helpers.
ImU32 withAlpha(ImU32 col, float alpha);
ImU32 mix(ImU32 a, ImU32 b, float t);

}  // namespace mapathy::ui
