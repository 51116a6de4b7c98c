// Mapathy UI — PRIVATE to src/ui/empathy_view.cpp and src/ui/reading_view.cpp: the empathy map's persona
// card and section regions, drawn at any world rectangle, so the reading layout stacks the very same
// regions the canvas arranges in a grid.
#pragma once

#include "core/model/model.hpp"
#include "imgui.h"
#include "ui/editor_context.hpp"
#include "ui/empathy_view.hpp"

namespace mapathy::ui::empathy {

// World height of a section's heading and hint in a region `width` wide (the notes start below it).
float sectionHeaderHeight(const Section& s, float width);
// World height the persona card needs `width` wide (editing: with its fields).
float personaHeight(const Persona& p, float width, bool editing);
// The persona card in a world rectangle; its disc toggles editing (label "persona.edit").
void drawPersona(EditorContext& ctx, EmpathyViewState& state, ImVec2 wmin, ImVec2 wmax);
// A section region (tint, heading, count, hint, the "+" labelled "section.add.<id>") in a world
// rectangle; the notes are drawn by NoteCards::drawPlace below its header.
void drawSection(EditorContext& ctx, const Section& s, int noteCount, ImVec2 wmin, ImVec2 wmax);

}  // namespace mapathy::ui::empathy
