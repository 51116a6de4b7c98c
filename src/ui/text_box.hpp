// Mapathy UI — multi-line text on the board other than a note's (a persona's goal and quote, a journey stage's
// description, an emotion's reason, an action's text): drawn in lines broken by the one rule of the note
// cards (wrapText), and edited in place in the platform's own text field (Host::beginTextEdit) laid over it
// at the size, width and line height it is drawn with, so the lines while typing are the lines afterwards.
// Dear ImGui 1.90's multi-line input cannot wrap: board text never goes through it.
//
// Editing behaves as a note's: Enter makes a new line; Escape, Ctrl/Cmd+Enter or a press outside end it and
// keep the text; every change is written at once and the whole session is one undo step (the document
// coalesces the typing until endGesture(), called when editing ends). One field at a time: opening a box
// ends a note's editing and the other way round (NoteCards owns both). A box that is not drawn in a frame
// (its view closed, scrolled out of view) ends its editing in the next one.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "imgui.h"

namespace mapathy::ui {

struct EditorContext;
struct WrappedText;

// How a text is laid out and drawn. `size` and `width` are layout units (world units on the canvas, UI units
// in a panel): the lines do not change with the zoom. `scale` is screen pixels per unit (the canvas's zoom).
struct TextLook {
  float size = 0;
  float width = 0;
  float scale = 1;
  ImU32 colour = 0;
};

// The lines of `text` in this look (wrapText in the UI face).
WrappedText wrapLook(const TextLook& look, std::string_view text);
// Its height in screen pixels (one line at least).
float wrappedHeight(const TextLook& look, std::string_view text);
// Draws `text` from `pos` (screen), each line in the raster for its on-screen size, line height = size,
// within `clip` the lines that fit whole; `centred` centres the block (its widest line) in the width.
// Returns the screen height of all lines.
float drawWrapped(ImDrawList* dl, ImVec2 pos, const TextLook& look, std::string_view text, const ImVec4* clip = nullptr,
                  bool centred = false);

class TextBoxes {
 public:
  // Draws a text shown on the board and keeps its lines under `key` for tests (linesOf).
  float show(const std::string& key, ImDrawList* dl, ImVec2 pos, const TextLook& look, std::string_view text,
             const ImVec4* clip = nullptr, bool centred = false);
  // Call every frame while the caller edits `*text` under `key` with its text at `pos` (screen): opens the
  // platform field there the first time and places it. kChanged: *text is what the person typed now (write
  // it to the document: the edits until the end are one undo step, the gesture ends in the next frame);
  // kEnded: editing ended, the caller stops calling. `minHeight` (screen) keeps the field as tall as the
  // caller's box; `label` names it for screen readers.
  static constexpr int kChanged = 1;
  static constexpr int kEnded = 2;
  int edit(EditorContext& ctx, const std::string& key, ImVec2 pos, const TextLook& look, std::string* text,
           float minHeight, const char* label);
  // A box of a form (persona, actions): the ImGui item `label` (an invisible button over the frame) shows the
  // wrapped text or `placeholder` (also the field's accessible name); a click edits it. Returns true when *text
  // changed. Advances the cursor.
  bool field(EditorContext& ctx, const char* label, const std::string& key, const TextLook& look, std::string* text,
             const char* placeholder, int minLines = 2);

  [[nodiscard]] bool editing(const std::string& key) const { return open_ == key && !open_.empty(); }
  [[nodiscard]] bool open() const { return !open_.empty(); }
  // Ends the open box's editing at once (a note's editing starts, the board closes).
  void end(EditorContext& ctx);
  // Called by NoteCards::beginFrame: ends a box not drawn in the last frame; starts a new frame of lines.
  void beginFrame(EditorContext& ctx);
  // The lines a text under `key` was drawn in (this frame, else the last); empty when not drawn.
  [[nodiscard]] std::vector<std::string> linesOf(const std::string& key) const;

 private:
  void record(const std::string& key, const WrappedText& lines, std::string_view text);
  // Drawn texts by key, each as its lines joined by newlines (this frame's and the last's).
  using Drawn = std::vector<std::pair<std::string, std::string>>;

  std::string open_;    // key of the box being edited
  std::string closed_;  // key of a box whose editing ended without its caller knowing
  int closedFrames_ = 0;
  bool drawn_ = false;
  bool endGesture_ = false;  // editing ended last frame: end the document's gesture  // the open box was drawn since the last beginFrame
  Drawn lines_, lastLines_;
};

}  // namespace mapathy::ui
