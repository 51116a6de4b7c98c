// Mapathy UI — what a board view gets from the app shell each frame.
//
// Both board views (empathy map, journey board) are free functions of an EditorContext: the document to
// read and edit, the canvas to draw on, the shared note-card interaction (selection, editing, drag and
// drop, context menu) and the active filter. Views keep their own extra view state wherever they like;
// document data only ever lives in the Document.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "imgui.h"

namespace mapathy::ui {

class Canvas;
class Host;
class NoteCards;

// Search and filter: notes that do not match are dimmed (never hidden, so the layout stays put).
struct NoteFilter {
  std::string text;                 // case-insensitive substring of the note text (UTF-8 aware for ä/Ä …)
  std::string tag;                  // exact tag, "" = any
  int colour = -1;                  // palette index, -1 = any
  std::optional<Evidence> evidence; // nullopt = any

  [[nodiscard]] bool active() const { return !text.empty() || !tag.empty() || colour >= 0 || evidence.has_value(); }
  [[nodiscard]] bool matches(const Note& note) const;
};

// Lower-cases ASCII and the German umlauts (Ä Ö Ü → ä ö ü) for searching.
std::string foldCase(const std::string& text);

struct EditorContext {
  Document& doc;
  Host& host;
  Canvas& canvas;
  NoteCards& cards;
  const NoteFilter& filter;
  // Size the view's canvas should take at the cursor (leaves room for side panels).
  ImVec2 canvasSize{0, 0};
  // Set by the view every frame: the world rectangle of everything on the board (used by "fit").
  ImVec2 contentMin{0, 0};
  ImVec2 contentMax{0, 0};
  // Extra controls on every card (screen rectangle), e.g. the workshop's dot controls and merge
  // highlights (workshop_panel.hpp). Called twice per card: with `interact` true just before the
  // card's own button (so the controls' items take the mouse first), then with false after the card
  // is drawn (to draw on top of it).
  std::function<void(EditorContext&, const Note&, ImVec2, ImVec2, bool interact)> cardOverlay{};
  // The overlay puts dot buttons into each card's footer: the card keeps room for them there.
  bool dotControls = false;
};

}  // namespace mapathy::ui
