// Mapathy UI — the reading layout: a board on a narrow screen (a phone), readable without pinching.
//
// The whole board on a 390 px phone shows a corner of it at 100 % or everything too small to read. The
// reading layout is another *view* of the same document (it never changes the board by being shown):
//   empathy map   the persona first, then every region in the template's reading order (row by row), one
//                 column as wide as the screen, scrolled vertically with a finger (with momentum);
//   journey board one stage at a time: ◀ ▶ (or a sideways swipe) between stages, the emotion curve of all
//                 stages as a small strip on top (tap a face to go there), the stage's lanes stacked below.
// Cards are the same NoteCards as on the canvas, at zoom 1 (≥ 150 px wide, 15 px text), so editing, the
// card menu, dots (the card overlay) and "+" per region/lane work as on the whole board. Notes are not
// dragged here (a finger drag scrolls); moving notes is for the whole board, one tap away.
//
// The canvas passed in ctx.canvas must be in scroll mode (Canvas::setScrollMode). Widget labels for tests
// and automation: "section.add.<id>" and "add-note:<laneId>:<stageId>" (the "+", as on the whole board),
// "persona.edit", "reading.prev", "reading.next", "reading.stage.<stageId>" (a face in the strip).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/model/model.hpp"
#include "ui/editor_context.hpp"
#include "ui/empathy_view.hpp"

namespace mapathy::ui {

struct ReadingViewState {
  std::size_t stage = 0;         // journey: the stage shown
  std::size_t shown = SIZE_MAX;  // journey: the stage shown last frame (another one starts at the top)
  std::string revealed;          // the note last scrolled into view as it began to be edited
};

// The zoom at which card text is 14 CSS px (cards are then ≥ 140 px wide): the least that reads well.
inline constexpr float kReadableZoom = 14.0f / 15.0f;

// True when a canvas `width` CSS px wide cannot show the board at a readable zoom with room to work:
// narrower than two empathy-map region columns, or a journey's lane names and one stage.
[[nodiscard]] bool prefersReadingLayout(const Board& board, float width);

void drawEmpathyReading(EditorContext& ctx, EmpathyViewState& persona, ReadingViewState& state);
void drawJourneyReading(EditorContext& ctx, ReadingViewState& state);

// Registers the strings of the reading layout and the phone toolbar (its "More" menu, the view toggle).
void registerReadingStrings();

}  // namespace mapathy::ui
