// Mapathy UI — the journey-board view: stages (columns) × lanes (rows) on the shared canvas.
//
// The shell calls drawJourneyView(ctx) once per frame for journey boards, between toolbar and
// overlays, inside its ctx.cards.beginFrame()/endFrame(). The view calls ctx.canvas.begin()/end()
// itself, draws notes through ctx.cards (the same sticky cards as the empathy map), passes the canvas
// events on to them and sets ctx.contentMin/contentMax to its world bounds ("fit").
//
// What it shows, per lane kind:
//   Text        one note place per stage × lane cell, a "+" per cell, double-click on empty cell space
//               adds a note (NoteCards).
//   Emotion     a smooth curve (Catmull-Rom) through the stages' scores, a face per stage (smile,
//               neutral, frown, colour-coded); drag a face up/down to set −2…+2 (one undo step per
//               drag); a reason under each face, edited in place; an optional dashed to-be curve.
//   Expectation two markers per stage (◆ expectation, ● experience), dragged like the faces; the gap
//               between them is shaded (red when experience falls short) and labelled with its size.
// Stage and lane headers rename in place on click, reorder with ◀ ▶ / ▲ ▼ buttons or by dragging the
// header, and delete with the bin button. New lanes pick their kind (and text role) from a menu.
//
// Widget labels for tests and automation (window.mapathy.widgets()):
//   "emotion:<laneId>:<stageId>", "emotion-tobe:<laneId>:<stageId>", "reason:<laneId>:<stageId>",
//   "expectation:<laneId>:<stageId>", "experience:<laneId>:<stageId>",
//   "stage:<stageId>" (name; click renames), "stage-description:<stageId>", "stage-left:<id>",
//   "stage-right:<id>", "stage-delete:<id>", "lane:<laneId>", "lane-up:<id>", "lane-down:<id>",
//   "lane-delete:<id>", "lane-tobe:<laneId>", "add-note:<laneId>:<stageId>", "journey.add-stage",
//   "journey.add-lane", "lane-kind:<choice>" (menu entries: actions, touchpoints, thoughts, painpoints,
//   opportunities, quotes, custom, emotion, expectation), and while editing "edit:stage:<id>",
//   "edit:stage-description:<id>", "edit:lane:<id>", "edit:reason:<laneId>:<stageId>".
#pragma once

#include <cstdint>
#include <string>

#include "ui/editor_context.hpp"

namespace mapathy::ui {

// Board geometry in world units (1 unit = 1 CSS pixel at zoom 1).
struct JourneyMetrics {
  static constexpr float kLaneHeaderWidth = 220.0f;
  static constexpr float kStageWidth = 260.0f;
  static constexpr float kStageHeaderHeight = 150.0f;
  static constexpr float kAddColumnWidth = 150.0f;
  static constexpr float kAddRowHeight = 76.0f;
  static constexpr float kCellPadding = 12.0f;
  static constexpr float kTextLaneMinHeight = 140.0f;
  static constexpr float kControl = 44.0f;        // header buttons and drag targets (touch-sized at zoom 1)
  static constexpr float kPlotTop = 34.0f;        // emotion/expectation lanes: top of the +2 level
  static constexpr float kLevelStep = 32.0f;      // vertical distance between two score levels
  static constexpr float kEmotionReasonHeight = 70.0f;
  static constexpr float kFaceRadius = 17.0f;
  static constexpr float kToBeOffset = 40.0f;     // to-be faces sit this far right of the as-is ones
  static constexpr float kMarkerOffset = 34.0f;   // expectation left / experience right of the centre
};

// View state of the journey board (never document data).
struct JourneyViewState {
  enum class Field { None, StageName, StageDescription, LaneName, Reason };
  struct Edit {
    Field field = Field::None;
    std::string id;      // stage or lane id (Reason: lane id)
    std::string stage;   // Reason: stage id
    std::string buffer;  // the text being edited
    bool focus = false;  // give the field keyboard focus on its first frame
    int frames = 0;      // frames since the edit started (a field that never got focus is dropped)
  };
  Edit edit;
  std::uint64_t dragSerial = 0;  // makes every drag its own coalesce key (one undo step per drag)
  std::string dragKey;           // coalesce key of the drag in progress ("" when none)
  bool headerDragged = false;    // the pressed header turned into a drag (so its release is no click)
  bool openLaneMenu = false;
};

// Draws the journey board of ctx.doc with the view state `state` (the app keeps one per open board).
void drawJourneyView(EditorContext& ctx, JourneyViewState& state);

// The world centre of a score level in an emotion/expectation lane whose top is `laneTop`.
[[nodiscard]] float journeyScoreY(float laneTop, int score);
// Inverse of journeyScoreY: the score nearest to a world y, clamped to −2…+2 (snapping while dragging).
[[nodiscard]] int journeyScoreAt(float laneTop, float worldY);

// The strings of this view (called by the view itself; safe to call more than once).
void registerJourneyStrings();

}  // namespace mapathy::ui
