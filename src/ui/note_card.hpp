// Mapathy UI — sticky-note cards and everything a person does with them, shared by both board views.
//
// A view hands NoteCards the *places* it shows (an empathy-map section, a journey stage × lane cell)
// with their world rectangles; NoteCards lays the notes of each place out in rows of cards, draws the
// visible ones (culled through the Canvas) and handles:
//   click → select · double-click → edit text in place (multi-line, wrapped like the card: the platform's own
//   text field laid over the card, Host::beginTextEdit) · drag → reorder or move to another
//   place (one moveNote on release = one undo step) · right-click or long-press → menu (colour, tags,
//   observed/assumed, votes, create action, delete) · double-click on empty space in a place → new note.
// Per frame:
//
//   cards.beginFrame(ctx);
//   float h = cards.measurePlace(ctx, place, width);   // optional: how tall the place needs to be
//   cards.drawPlace(ctx, place, worldMin, worldMax, defaultColour);   // for every place
//   CanvasEvents ev = ctx.canvas.end();
//   cards.handleCanvasEvents(ctx, ev);                 // double-click on empty space adds a note
//   cards.endFrame(ctx);                               // drop, dragged card on top, menu
//
// Card widgets carry stable labels for tests and automation: "note.<id>" (the card).
//
// Editing: the text is typed into the platform's text field (a DOM textarea in the browser), placed over
// the card's text box every frame, with the card's font, size and line height, told where the card breaks
// its lines (wrapText, WrappedText::marked) so that it breaks them there too. The card draws its box and footer, the
// field draws the text, caret, selection and IME composition. Each change the field reports is written to
// the note (the card grows with it); the whole session is one undo step (the document coalesces a note's
// typing until endGesture(), called when editing ends).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/edit/document.hpp"
#include "imgui.h"
#include "ui/canvas.hpp"
#include "ui/editor_context.hpp"
#include "ui/text_box.hpp"

namespace mapathy::ui {

// Card geometry in world units.
struct CardMetrics {
  static constexpr float kMinWidth = 150.0f;  // cards are at least this wide; rows fill the place
  static constexpr float kMaxWidth = 220.0f;
  static constexpr float kPadding = 10.0f;
  static constexpr float kGap = 10.0f;
  static constexpr float kFontSize = 15.0f;   // card text, world units
  static constexpr float kSmallFont = 12.0f;  // badges
  static constexpr float kMinTextHeight = 38.0f;
};

// The side of the workshop's dot buttons ("+" and "−" dot) on a card at `zoom`, in screen pixels (finger-sized
// in touch mode). They sit at the right end of the card's footer, which keeps room for them
// (EditorContext::dotControls), so they never cover the note's text.
float dotControlSide(float zoom);

// A card's text broken into lines. The rule, shared by the card and the platform's text field (CSS
// `white-space: pre-wrap; overflow-wrap: anywhere; word-break: normal`): a newline always breaks; a line
// otherwise breaks after the last run of spaces that still fits (the spaces hang at the line's end and
// never wrap by themselves); a word longer than a whole line breaks before the first character that does
// not fit; an emoji sequence (👍🏽, 👩‍👩‍👧, 🇩🇪) is one character as wide as its glyph (ui/drawn_text.hpp), as the
// browser keeps a grapheme whole. Widths are in the units of `size` (world units for cards).
struct TextLine {
  std::size_t begin = 0;  // bytes [begin, end) of the text: no newline, trailing spaces included
  std::size_t end = 0;
};
struct WrappedText {
  std::vector<TextLine> lines;
  // The text with U+0001 where a line breaks without a newline (a platform text field is laid out in its
  // own glyph metrics and must still break where the card does: Host::TextField::layout).
  [[nodiscard]] std::string marked(std::string_view text) const;
};
WrappedText wrapText(const ImFont* font, float size, float width, std::string_view text);

class NoteCards {
 public:
  void beginFrame(EditorContext& ctx);
  // World height the notes of `place` need when laid out in a place `width` wide (without padding
  // outside the cards). Uses the text-layout cache, so it is cheap to call every frame.
  float measurePlace(EditorContext& ctx, const Place& place, float width);
  // Lays out and draws the notes of one place inside the world rectangle; registers it as a drop target.
  void drawPlace(EditorContext& ctx, const Place& place, ImVec2 worldMin, ImVec2 worldMax, int defaultColour,
                 const char* emptyHint = nullptr);
  void handleCanvasEvents(EditorContext& ctx, const CanvasEvents& ev);
  void endFrame(EditorContext& ctx);

  // Adds an empty note at the end of a place and starts editing it. Returns its id ("" on failure).
  std::string addNoteAndEdit(EditorContext& ctx, const Place& place, int colour);
  void startEditing(const std::string& noteId);
  void stopEditing(EditorContext& ctx);
  void select(const std::string& noteId) { selected_ = noteId; }
  [[nodiscard]] const std::string& editing() const { return editing_; }
  [[nodiscard]] const std::string& selected() const { return selected_; }
  [[nodiscard]] bool dragging() const { return drag_.active; }
  // Where a note was drawn in the last frame, in world units (for "show note").
  [[nodiscard]] std::optional<ImVec2> lastWorldCentre(const std::string& noteId) const;
  // The place under a world point (last registered frame), if any.
  [[nodiscard]] std::optional<Place> placeAt(ImVec2 world) const;
  // "Create action" chosen in a card menu: the app takes the note id and creates the action.
  std::string takeActionRequest();
  // Figures for tests and performance checks.
  [[nodiscard]] int cardsDrawnLastFrame() const { return drawnLastFrame_; }
  [[nodiscard]] std::size_t layoutCacheSize() const { return layoutCache_.size(); }
  // The lines a note's text is drawn in, at its card's width in the last frame (tests and automation:
  // window.mapathy.noteLines); empty when the note was not laid out.
  [[nodiscard]] std::vector<std::string> linesOf(const std::string& noteId, const std::string& text) const;
  // The board's other multi-line texts (text_box.hpp): they share the platform's one text field with the
  // notes, so their editing lives here too.
  TextBoxes& boxes() { return boxes_; }
  [[nodiscard]] const TextBoxes& boxes() const { return boxes_; }

 private:
  struct Slot {
    std::string noteId;
    ImVec2 min, max;  // world
  };
  struct PlaceArea {
    Place place;
    ImVec2 min, max;  // world
    std::vector<Slot> slots;
  };
  struct Drag {
    bool active = false;
    std::string noteId;
    ImVec2 grabOffset{0, 0};  // world, from card min to the mouse
    ImVec2 size{0, 0};        // world
  };
  struct LayoutEntry {
    std::string text;  // the text laid out (compared, not hashed, on every lookup)
    std::array<std::pair<float, float>, 2> sizes{};  // (card width, card height), most recent first
  };

  float cardHeight(const Note& note, float width);
  void drawCard(EditorContext& ctx, const Note& note, ImVec2 worldMin, ImVec2 worldMax, bool ghost);
  void placeEditor(EditorContext& ctx, const Note& note, ImVec2 a, ImVec2 b);
  // Takes what the platform's text field reported: the text into the note, its end into stopEditing.
  void takeFieldReport(EditorContext& ctx);
  void drawMenu(EditorContext& ctx);
  // Saves the tags typed into the open menu's field for the note the menu belongs to.
  void commitMenuTags(EditorContext& ctx);
  // Where a drop at `world` would go: place + id of the note it would go before ("" = end).
  bool dropTarget(ImVec2 world, Place* place, std::string* beforeId, ImVec2* markerA, ImVec2* markerB) const;

  TextBoxes boxes_;
  std::vector<PlaceArea> places_;      // this frame
  std::vector<PlaceArea> lastPlaces_;  // last frame (for hit tests after the canvas ended)
  std::unordered_map<std::string, LayoutEntry> layoutCache_;
  Drag drag_;
  std::string selected_;
  std::string editing_;
  std::string fieldNote_;      // the note the platform's text field is open for ("" = none)
  bool fieldPlaced_ = false;  // placed over its card in this frame
  bool longPressFired_ = false;
  bool menuWasOpen_ = false;
  std::string menuNote_;
  bool openMenu_ = false;
  bool reopenMenu_ = false;  // right-click on a card while the menu was open: open it again next frame
  std::string menuTags_;
  std::string actionRequest_;
  int drawnThisFrame_ = 0;
  int drawnLastFrame_ = 0;
};

}  // namespace mapathy::ui
