// Mapathy UI — the empathy-map view: the persona at the heart, sections as regions of the canvas,
// notes as sticky cards (through NoteCards).
//
// Layout: the template's grid (Section::rect, Board::personaRect in template units) becomes world
// rectangles. Columns share the screen's width at 100 % (300–440 world units); each grid row grows to fit the tallest section in it, so
// notes never spill out of their section and sections never overlap.
// Widget labels for tests and automation: "section.add.<id>" (the "+" button of a section),
// "persona.<field>" (persona fields while editing), "persona.edit" (the avatar / edit toggle).
#pragma once

#include <string>

#include "ui/editor_context.hpp"

namespace mapathy::ui {

struct EmpathyViewState {
  bool editingPersona = false;
};

void drawEmpathyView(EditorContext& ctx, EmpathyViewState& state);

}  // namespace mapathy::ui
