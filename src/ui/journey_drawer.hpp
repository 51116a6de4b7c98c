// Mapathy UI — PRIVATE to src/ui/journey_*.cpp: the journey view's drawing helpers and its drawer class.
//
// The view is one JourneyDrawer per frame, split by what it draws:
//   journey_view.cpp     drawJourneyView, layout, helpers, the drawer's frame, buttons, in-place editing, grid
//   journey_headers.cpp  stage and lane headers (rename, reorder, delete), their legends, "add stage/lane"
//   journey_lanes.cpp    text lanes, score dragging, the emotion curve, expectation vs experience
//
// Layout is recomputed every frame from the board (it is small): stage columns of fixed width, lanes
// whose height depends on their kind (text lanes grow with their tallest cell). Everything is placed in
// world units and drawn through the canvas transform, so zoom and pan need no special cases.
// Drags on scores write through Document::setEmotion/…/setGap with one coalesce key per drag and end
// with endGesture(), so a drag across four levels is one undo step.
#pragma once

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "core/model/palette.hpp"
#include "imgui.h"
#include "ui/canvas.hpp"
#include "ui/drawn_text.hpp"
#include "ui/editor_context.hpp"
#include "ui/journey_view.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/text_box.hpp"

namespace mapathy::ui::journey {

using M = JourneyMetrics;

using Field = JourneyViewState::Field;

constexpr const char* kStagePayload = "MAPATHY_STAGE";

constexpr const char* kLanePayload = "MAPATHY_LANE";

constexpr float kHeadingFont = 17.0f;

constexpr float kBodyFont = 13.5f;

constexpr float kSmallFont = 12.0f;

constexpr float kPlotHeight = static_cast<float>(kScoreMax - kScoreMin) * M::kLevelStep;

// Small helpers
ImVec2 add(ImVec2 a, ImVec2 b);

ImVec2 sub(ImVec2 a, ImVec2 b);

ImVec2 scale(ImVec2 a, float s);

ImU32 rgb(Rgb c, std::uint8_t alpha = 255);

std::string formatScore(int score);

const char* scoreWordKey(int score);

// Lane heights by kind.
float emotionLaneHeight();

float expectationLaneHeight();

// A text lane's notes get the colour that goes with its role (pain points pink, opportunities green …).
int defaultColourFor(const Lane& lane);

// Choices of the "add lane" menu.
struct LaneChoice {
  const char* id;       // stable, used in the widget label "lane-kind:<id>"
  const char* nameKey;  // menu text and the new lane's default name (board language)
  LaneKind kind;
  const char* role;
};

constexpr LaneChoice kLaneChoices[] = {
    {"actions", "journey.role.actions", LaneKind::Text, "actions"},
    {"touchpoints", "journey.role.touchpoints", LaneKind::Text, "touchpoints"},
    {"thoughts", "journey.role.thoughts", LaneKind::Text, "thoughts"},
    {"painpoints", "journey.role.painpoints", LaneKind::Text, "painpoints"},
    {"opportunities", "journey.role.opportunities", LaneKind::Text, "opportunities"},
    {"quotes", "journey.role.quotes", LaneKind::Text, "quotes"},
    {"custom", "journey.role.custom", LaneKind::Text, ""},
    {"emotion", "journey.kindEmotion", LaneKind::Emotion, ""},
    {"expectation", "journey.kindExpectation", LaneKind::Expectation, ""},
};

const char* defaultLaneNameKey(const LaneChoice& c);

// What kind of lane this is, in words, for the lane header.
std::string laneKindText(const Lane& lane);

const char* laneHint(const Lane& lane);

// The platform loads a semibold face as the second font (platform/fonts.hpp); tests run without it.
ImFont* headingFont();

// ---------------------------------------------------------------------------------------------
// Drawing in world units
// ---------------------------------------------------------------------------------------------
struct Painter {
  Canvas& canvas;
  ImDrawList* dl;
  ImFont* font;
  ImFont* heading;

  ImVec2 at(ImVec2 world) const { return canvas.toScreen(world); }
  // The face to draw `text` `px` tall with: `with`, or for the regular and heading faces the raster for this
  // zoom (fontForSize: sharp when zoomed in).
  ImFont* face(float px, std::string_view text, ImFont* with) const;
  float len(float world) const { return canvas.toScreen(world); }

  ImVec2 measure(float size, std::string_view text, float wrapWorld = 0.0f) const {
    // Measured at the on-screen size and converted back, so wrapping matches what is drawn.
    const float px = std::max(canvas.fontSize(size), 1.0f);
    const DrawnText drawn(text);
    const ImVec2 s =
        font->CalcTextSizeA(px, FLT_MAX, wrapWorld > 0 ? len(wrapWorld) : 0.0f, drawn.begin(), drawn.end());
    return ImVec2(s.x / canvas.zoom(), s.y / canvas.zoom());
  }

  void text(ImVec2 world, float size, ImU32 col, std::string_view text, float wrapWorld = 0.0f,
            ImFont* with = nullptr) const {
    const float px = canvas.fontSize(size);
    if (px < 3.0f) return;  // unreadable anyway; skip the work
    const DrawnText drawn(text);
    dl->AddText(face(px, drawn.view(), with), px, at(world), col, drawn.begin(), drawn.end(),
                wrapWorld > 0 ? len(wrapWorld) : 0.0f);
  }

  // Text clipped to a world rectangle.
  void textIn(ImVec2 worldMin, ImVec2 worldMax, float size, ImU32 col, std::string_view s, bool wrap,
              ImFont* with = nullptr) const {
    dl->PushClipRect(at(worldMin), at(worldMax), true);
    text(worldMin, size, col, s, wrap ? worldMax.x - worldMin.x : 0.0f, with);
    dl->PopClipRect();
  }

  void card(ImVec2 worldMin, ImVec2 worldMax, ImU32 fill, ImU32 border, float rounding, bool shadow) const {
    const ImVec2 a = at(worldMin);
    const ImVec2 b = at(worldMax);
    if (shadow) drawShadow(dl, a, b, len(rounding), len(6.0f), 0.8f);
    dl->AddRectFilled(a, b, fill, len(rounding));
    if (border != 0) dl->AddRect(a, b, border, len(rounding), 0, std::max(1.0f, len(1.0f)));
  }
};

// A chevron pointing in `dir` inside a square of `size` pixels at `centre` (screen).
void drawChevron(ImDrawList* dl, ImVec2 centre, float size, ImGuiDir dir, ImU32 col);

// A face for an emotion score: smile, neutral or frown, filled with the score's colour.
void drawFace(ImDrawList* dl, ImVec2 c, float r, int score, ImU32 fill, ImU32 ink);

// The dashed outline of a score that is not set yet, with a "+" inside.
void drawEmptyMarker(ImDrawList* dl, ImVec2 c, float r, ImU32 col);

void drawDiamond(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 border);

// Points of a Catmull-Rom spline through `p` (as cubic Bézier segments), sampled for drawing.
std::vector<ImVec2> smoothCurve(const std::vector<ImVec2>& p, int samplesPerSegment);

void dashedPolyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thickness, float dash, float gap);

// ---------------------------------------------------------------------------------------------
// Geometry
// ---------------------------------------------------------------------------------------------
struct Geometry {
  std::vector<float> laneTop;
  std::vector<float> laneHeight;
  float gridLeft = M::kLaneHeaderWidth;
  float gridRight = M::kLaneHeaderWidth;
  float gridTop = M::kStageHeaderHeight;
  float gridBottom = M::kStageHeaderHeight;

  static float stageLeft(std::size_t index) { return M::kLaneHeaderWidth + static_cast<float>(index) * M::kStageWidth; }
  static float stageCentre(std::size_t index) { return stageLeft(index) + M::kStageWidth * 0.5f; }
};

// Height of a text lane: its tallest cell (cards + the "+" strip), at least kTextLaneMinHeight.
float textLaneHeight(EditorContext& ctx, const Board& board, const Lane& lane);

Geometry layout(EditorContext& ctx, const Board& board);

// ---------------------------------------------------------------------------------------------
// The drawer: one per frame
// ---------------------------------------------------------------------------------------------
class JourneyDrawer {
 public:
  JourneyDrawer(EditorContext& ctx, JourneyViewState& st)
      : ctx_(ctx), st_(st), doc_(ctx.doc), colours_(boardColours()),
        p_{ctx.canvas, ctx.canvas.drawList(), ImGui::GetFont(), headingFont()} {}

  // `geometry`: this frame's layout, computed before the canvas began (see drawJourneyView).
  void draw(Geometry geometry);

 private:
  // ---- buttons on the canvas ---------------------------------------------------------------
  // A square icon button at a world position; `icon` draws into the screen square.
  bool iconButtonAt(const std::string& id, ImVec2 worldMin, float worldSize, const char* tip, bool enabled,
                    const std::function<void(ImVec2 centre, float size, ImU32 col)>& icon, ImU32 hoverFill = 0);

  bool chevronButton(const std::string& id, ImVec2 worldMin, ImGuiDir dir, const char* tip, bool enabled);

  bool trashButton(const std::string& id, ImVec2 worldMin, const char* tip);

  // ---- in-place text editing ----------------------------------------------------------------
  bool editing(Field field, const std::string& id, const std::string& stage = "") const;

  void startEdit(Field field, const std::string& id, const std::string& stage, const std::string& text);

  // Draws the text field for the edit in progress over a world rectangle. `apply` receives every
  // change (the document coalesces typing into one step per field).
  void drawEditField(const std::string& label, ImVec2 worldMin, ImVec2 worldMax, float worldFont, bool multiline,
                     const char* hint, const std::function<void(const std::string&)>& apply);

  // ---- background and grid ------------------------------------------------------------------
  void drawGridBackground(const Board& board);

  // ---- stage header -------------------------------------------------------------------------
  void drawStageHeader(const Stage& stage, std::size_t index, std::size_t count);

  // ---- lane header --------------------------------------------------------------------------
  void drawLaneHeader(const Lane& lane, std::size_t index, std::size_t count, float top, float height);

  // Legend of the emotion lane plus the to-be toggle; returns the y below it.
  float drawEmotionLegend(const Lane& lane, ImVec2 at, float right);

  float drawExpectationLegend(ImVec2 at);

  // ---- text lanes ---------------------------------------------------------------------------
  void drawTextLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height);

  // ---- score dragging (shared by the emotion and expectation lanes) ---------------------------
  struct ScoreHandle {
    bool hovered = false;
    bool active = false;
  };

  // A touch-sized invisible button centred on a score marker. While it is held, the score follows the
  // pointer's level; `apply(score, coalesceKey)` is called when the level changes.
  ScoreHandle scoreHandle(const std::string& label, ImVec2 worldCentre, float laneTop, std::optional<int> current,
                          const std::function<void(std::optional<int>, const std::string&)>& apply);

  void drawLevelLines(float top);

  void tooltipForScore(const Stage& stage, const char* whichKey, std::optional<int> score, const std::string& reason);

  // Live value next to a marker while it is dragged.
  void dragBadge(ImVec2 worldCentre, float worldOffset, int score);

  // ---- emotion lane -------------------------------------------------------------------------
  void drawEmotionLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height);

  // ---- expectation vs experience lane -------------------------------------------------------
  void drawExpectationLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height);

  // ---- add stage / add lane -----------------------------------------------------------------
  // A dashed "add" tile with a plus and a label.
  bool addTile(const std::string& id, ImVec2 worldMin, ImVec2 worldMax, const char* text, const char* tip);

  void drawAddStage(std::size_t stageCount);

  void drawAddLane();

  EditorContext& ctx_;
  JourneyViewState& st_;
  Document& doc_;
  const BoardColours& colours_;
  Painter p_;
  Geometry geometry_;
};

}  // namespace mapathy::ui::journey
