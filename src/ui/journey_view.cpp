// Mapathy UI — the journey-board view (see journey_view.hpp).
//
// Layout is recomputed every frame from the board (it is small): stage columns of fixed width, lanes
// whose height depends on their kind (text lanes grow with their tallest cell). Everything is placed in
// world units and drawn through the canvas transform, so zoom and pan need no special cases.
// Drags on scores write through Document::setEmotion/…/setGap with one coalesce key per drag and end
// with endGesture(), so a drag across four levels is one undo step.
#include "ui/journey_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "core/model/palette.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "ui/canvas.hpp"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

using M = JourneyMetrics;
using Field = JourneyViewState::Field;

constexpr const char* kStagePayload = "MAPATHY_STAGE";
constexpr const char* kLanePayload = "MAPATHY_LANE";
constexpr float kHeadingFont = 17.0f;
constexpr float kBodyFont = 13.5f;
constexpr float kSmallFont = 12.0f;
constexpr float kPlotHeight = static_cast<float>(kScoreMax - kScoreMin) * M::kLevelStep;

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------
ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }
ImVec2 sub(ImVec2 a, ImVec2 b) { return ImVec2(a.x - b.x, a.y - b.y); }
ImVec2 scale(ImVec2 a, float s) { return ImVec2(a.x * s, a.y * s); }

ImU32 rgb(Rgb c, std::uint8_t alpha = 255) { return toImU32(c, alpha); }

std::string formatScore(int score) {
  if (score > 0) return "+" + std::to_string(score);
  return std::to_string(score);
}

const char* scoreWordKey(int score) {
  switch (std::clamp(score, kScoreMin, kScoreMax)) {
    case -2: return "journey.score.m2";
    case -1: return "journey.score.m1";
    case 1: return "journey.score.p1";
    case 2: return "journey.score.p2";
    default: return "journey.score.0";
  }
}

std::string format1(const char* fmt, int value) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, value);
  return buf;
}

// Lane heights by kind.
float emotionLaneHeight() { return M::kPlotTop + kPlotHeight + 26.0f + M::kEmotionReasonHeight; }
float expectationLaneHeight() { return M::kPlotTop + kPlotHeight + 44.0f; }

// A text lane's notes get the colour that goes with its role (pain points pink, opportunities green …).
int defaultColourFor(const Lane& lane) {
  const std::string& r = lane.role;
  if (r == "actions") return 4;
  if (r == "touchpoints") return 5;
  if (r == "thoughts") return 3;
  if (r == "painpoints") return 2;
  if (r == "opportunities") return 6;
  if (r == "quotes") return 1;
  return 0;
}

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

const char* defaultLaneNameKey(const LaneChoice& c) {
  if (c.kind == LaneKind::Emotion) return "journey.emotionName";
  if (c.kind == LaneKind::Expectation) return "journey.expectationName";
  if (c.role[0] == '\0') return "journey.role.customName";
  return c.nameKey;
}

// What kind of lane this is, in words, for the lane header.
std::string laneKindText(const Lane& lane) {
  switch (lane.kind) {
    case LaneKind::Emotion: return tr("journey.kindEmotion");
    case LaneKind::Expectation: return tr("journey.kindExpectation");
    case LaneKind::Text: break;
  }
  return tr("journey.kindText");
}

const char* laneHint(const Lane& lane) {
  if (lane.kind == LaneKind::Emotion) return tr("journey.hint.emotion");
  if (lane.kind == LaneKind::Expectation) return tr("journey.hint.expectation");
  static const char* const kRoles[] = {"actions", "touchpoints", "thoughts", "painpoints", "opportunities", "quotes"};
  for (const char* role : kRoles) {
    if (lane.role == role) return tr(("journey.hint." + lane.role).c_str());
  }
  return "";
}

// The platform loads a semibold face as the second font (platform/fonts.hpp); tests run without it.
ImFont* headingFont() {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : ImGui::GetFont();
}

// ---------------------------------------------------------------------------------------------
// Drawing in world units
// ---------------------------------------------------------------------------------------------
struct Painter {
  Canvas& canvas;
  ImDrawList* dl;
  ImFont* font;
  ImFont* heading;

  ImVec2 at(ImVec2 world) const { return canvas.toScreen(world); }
  float len(float world) const { return canvas.toScreen(world); }

  ImVec2 measure(float size, std::string_view text, float wrapWorld = 0.0f) const {
    // Measured at the on-screen size and converted back, so wrapping matches what is drawn.
    const float px = std::max(canvas.fontSize(size), 1.0f);
    const ImVec2 s = font->CalcTextSizeA(px, FLT_MAX, wrapWorld > 0 ? len(wrapWorld) : 0.0f, text.data(),
                                         text.data() + text.size());
    return ImVec2(s.x / canvas.zoom(), s.y / canvas.zoom());
  }

  void text(ImVec2 world, float size, ImU32 col, std::string_view text, float wrapWorld = 0.0f,
            ImFont* with = nullptr) const {
    const float px = canvas.fontSize(size);
    if (px < 3.0f) return;  // unreadable anyway; skip the work
    dl->AddText(with != nullptr ? with : font, px, at(world), col, text.data(), text.data() + text.size(),
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
void drawChevron(ImDrawList* dl, ImVec2 centre, float size, ImGuiDir dir, ImU32 col) {
  const float h = size * 0.22f;
  ImVec2 a, b, c;
  switch (dir) {
    case ImGuiDir_Left: a = ImVec2(h * 0.6f, -h); b = ImVec2(-h * 0.6f, 0); c = ImVec2(h * 0.6f, h); break;
    case ImGuiDir_Right: a = ImVec2(-h * 0.6f, -h); b = ImVec2(h * 0.6f, 0); c = ImVec2(-h * 0.6f, h); break;
    case ImGuiDir_Up: a = ImVec2(-h, h * 0.6f); b = ImVec2(0, -h * 0.6f); c = ImVec2(h, h * 0.6f); break;
    default: a = ImVec2(-h, -h * 0.6f); b = ImVec2(0, h * 0.6f); c = ImVec2(h, -h * 0.6f); break;
  }
  const ImVec2 pts[3] = {add(centre, a), add(centre, b), add(centre, c)};
  dl->AddPolyline(pts, 3, col, ImDrawFlags_None, std::max(1.5f, size * 0.07f));
}

// A face for an emotion score: smile, neutral or frown, filled with the score's colour.
void drawFace(ImDrawList* dl, ImVec2 c, float r, int score, ImU32 fill, ImU32 ink) {
  const float t = std::max(1.2f, r * 0.12f);
  dl->AddCircleFilled(c, r, fill, 32);
  dl->AddCircle(c, r, withAlpha(ink, 0.55f), 32, std::max(1.0f, r * 0.07f));
  const float eyeR = std::max(1.0f, r * 0.11f);
  dl->AddCircleFilled(ImVec2(c.x - r * 0.34f, c.y - r * 0.22f), eyeR, ink, 12);
  dl->AddCircleFilled(ImVec2(c.x + r * 0.34f, c.y - r * 0.22f), eyeR, ink, 12);
  const float k = static_cast<float>(std::clamp(score, kScoreMin, kScoreMax)) / 2.0f;  // −1 … +1
  const float baseY = c.y + (k < 0 ? r * 0.42f : r * 0.28f);
  const ImVec2 left(c.x - r * 0.45f, baseY);
  const ImVec2 right(c.x + r * 0.45f, baseY);
  if (score == 0) {
    dl->AddLine(left, right, ink, t);
  } else {
    dl->AddBezierQuadratic(left, ImVec2(c.x, baseY + k * r * 0.5f), right, ink, t, 12);
  }
}

// The dashed outline of a score that is not set yet, with a "+" inside.
void drawEmptyMarker(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
  constexpr int kDashes = 12;
  for (int i = 0; i < kDashes; ++i) {
    const float a0 = static_cast<float>(i) * 2.0f * IM_PI / kDashes;
    const float a1 = a0 + IM_PI / kDashes;
    dl->PathArcTo(c, r, a0, a1, 4);
    dl->PathStroke(col, ImDrawFlags_None, std::max(1.0f, r * 0.09f));
  }
  dl->AddLine(ImVec2(c.x - r * 0.4f, c.y), ImVec2(c.x + r * 0.4f, c.y), col, std::max(1.0f, r * 0.1f));
  dl->AddLine(ImVec2(c.x, c.y - r * 0.4f), ImVec2(c.x, c.y + r * 0.4f), col, std::max(1.0f, r * 0.1f));
}

void drawDiamond(ImDrawList* dl, ImVec2 c, float r, ImU32 fill, ImU32 border) {
  const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
  dl->AddQuadFilled(a, b, d, e, fill);
  dl->AddQuad(a, b, d, e, border, std::max(1.0f, r * 0.12f));
}

// Points of a Catmull-Rom spline through `p` (as cubic Bézier segments), sampled for drawing.
std::vector<ImVec2> smoothCurve(const std::vector<ImVec2>& p, int samplesPerSegment) {
  if (p.size() < 3) return p;
  std::vector<ImVec2> out;
  const std::size_t n = p.size();
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const ImVec2 p0 = p[i == 0 ? 0 : i - 1];
    const ImVec2 p1 = p[i];
    const ImVec2 p2 = p[i + 1];
    const ImVec2 p3 = p[std::min(i + 2, n - 1)];
    const ImVec2 c1 = add(p1, scale(sub(p2, p0), 1.0f / 6.0f));
    const ImVec2 c2 = sub(p2, scale(sub(p3, p1), 1.0f / 6.0f));
    for (int s = 0; s < samplesPerSegment; ++s) {
      const float t = static_cast<float>(s) / static_cast<float>(samplesPerSegment);
      const float u = 1.0f - t;
      const float w0 = u * u * u, w1 = 3 * u * u * t, w2 = 3 * u * t * t, w3 = t * t * t;
      out.emplace_back(w0 * p1.x + w1 * c1.x + w2 * c2.x + w3 * p2.x, w0 * p1.y + w1 * c1.y + w2 * c2.y + w3 * p2.y);
    }
  }
  out.push_back(p.back());
  return out;
}

void dashedPolyline(ImDrawList* dl, const std::vector<ImVec2>& pts, ImU32 col, float thickness, float dash, float gap) {
  float phase = 0.0f;  // distance into the current dash+gap period
  const float period = dash + gap;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    ImVec2 a = pts[i];
    const ImVec2 b = pts[i + 1];
    float segment = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
    const ImVec2 dir = segment > 0 ? scale(sub(b, a), 1.0f / segment) : ImVec2(0, 0);
    while (segment > 0.0f) {
      const bool on = phase < dash;
      const float step = std::min(segment, on ? dash - phase : period - phase);
      const ImVec2 next = add(a, scale(dir, step));
      if (on) dl->AddLine(a, next, col, thickness);
      a = next;
      segment -= step;
      phase += step;
      if (phase >= period) phase -= period;
    }
  }
}

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
float textLaneHeight(EditorContext& ctx, const Board& board, const Lane& lane) {
  float tallest = 0.0f;
  const float width = M::kStageWidth - 2.0f * M::kCellPadding;
  for (const Stage& stage : board.stages) {
    tallest = std::max(tallest, ctx.cards.measurePlace(ctx, Place{"", stage.id, lane.id}, width));
  }
  return std::max(M::kTextLaneMinHeight, tallest + 2.0f * M::kCellPadding + M::kControl + 8.0f);
}

Geometry layout(EditorContext& ctx, const Board& board) {
  Geometry g;
  g.gridRight = Geometry::stageLeft(board.stages.size());
  float y = g.gridTop;
  for (const Lane& lane : board.lanes) {
    float h = M::kTextLaneMinHeight;
    switch (lane.kind) {
      case LaneKind::Text: h = textLaneHeight(ctx, board, lane); break;
      case LaneKind::Emotion: h = emotionLaneHeight(); break;
      case LaneKind::Expectation: h = expectationLaneHeight(); break;
    }
    g.laneTop.push_back(y);
    g.laneHeight.push_back(h);
    y += h;
  }
  g.gridBottom = y;
  return g;
}

// ---------------------------------------------------------------------------------------------
// The view
// ---------------------------------------------------------------------------------------------
class JourneyDrawer {
 public:
  JourneyDrawer(EditorContext& ctx, JourneyViewState& st)
      : ctx_(ctx), st_(st), doc_(ctx.doc), colours_(boardColours()),
        p_{ctx.canvas, ctx.canvas.drawList(), ImGui::GetFont(), headingFont()} {}

  // `geometry`: this frame's layout, computed before the canvas began (see drawJourneyView).
  void draw(Geometry geometry) {
    const Board& board = doc_.board();
    geometry_ = std::move(geometry);

    drawGridBackground(board);
    // Copies of the ids: buttons below may add, move or delete stages and lanes mid-frame.
    const std::vector<Stage> stages = board.stages;
    const std::vector<Lane> lanes = board.lanes;
    for (std::size_t i = 0; i < stages.size(); ++i) drawStageHeader(stages[i], i, stages.size());
    for (std::size_t i = 0; i < lanes.size(); ++i) {
      drawLaneHeader(lanes[i], i, lanes.size(), geometry_.laneTop[i], geometry_.laneHeight[i]);
    }
    for (std::size_t i = 0; i < lanes.size() && i < geometry_.laneTop.size(); ++i) {
      const float top = geometry_.laneTop[i];
      const float h = geometry_.laneHeight[i];
      if (!ctx_.canvas.visible(ImVec2(geometry_.gridLeft, top), ImVec2(geometry_.gridRight, top + h))) continue;
      // Look the lane up again: an earlier widget this frame may have changed it.
      // A copy, because the handles below edit the document while the lane is drawn.
      const Lane* found = findLane(doc_.board(), lanes[i].id);
      if (found == nullptr) continue;
      const Lane lane = *found;
      switch (lane.kind) {
        case LaneKind::Text: drawTextLane(stages, lane, top, h); break;
        case LaneKind::Emotion: drawEmotionLane(stages, lane, top, h); break;
        case LaneKind::Expectation: drawExpectationLane(stages, lane, top, h); break;
      }
    }
    drawAddStage(stages.size());
    drawAddLane();
  }

 private:
  // ---- buttons on the canvas ---------------------------------------------------------------
  // A square icon button at a world position; `icon` draws into the screen square.
  bool iconButtonAt(const std::string& id, ImVec2 worldMin, float worldSize, const char* tip, bool enabled,
                    const std::function<void(ImVec2 centre, float size, ImU32 col)>& icon, ImU32 hoverFill = 0) {
    const ImVec2 a = p_.at(worldMin);
    const float size = std::max(p_.len(worldSize), 1.0f);
    ImGui::SetCursorScreenPos(a);
    if (!enabled) ImGui::BeginDisabled();
    const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(size, size));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    if (!enabled) ImGui::EndDisabled();
    const ImVec2 b(a.x + size, a.y + size);
    if (enabled && (hovered || held)) {
      p_.dl->AddRectFilled(a, b, hoverFill != 0 ? hoverFill : colours::kPrimarySoft, size * 0.25f);
    }
    const ImU32 col = enabled ? (hovered ? colours::kInk : colours::kInkMuted) : withAlpha(colours::kInkMuted, 0.35f);
    icon(ImVec2(a.x + size * 0.5f, a.y + size * 0.5f), size, col);
    if (tip != nullptr && enabled && hovered && !touchMode()) ImGui::SetTooltip("%s", tip);
    return clicked && enabled;
  }

  bool chevronButton(const std::string& id, ImVec2 worldMin, ImGuiDir dir, const char* tip, bool enabled) {
    return iconButtonAt(id, worldMin, M::kControl, tip, enabled,
                        [&](ImVec2 c, float s, ImU32 col) { drawChevron(p_.dl, c, s, dir, col); });
  }

  bool trashButton(const std::string& id, ImVec2 worldMin, const char* tip) {
    return iconButtonAt(
        id, worldMin, M::kControl, tip, true,
        [&](ImVec2 c, float s, ImU32 col) {
          const float icon = s * 0.46f;
          drawIcon(p_.dl, Icon::Trash, ImVec2(c.x - icon * 0.5f, c.y - icon * 0.5f), icon, col);
        },
        colours::kDangerSoft);
  }

  // ---- in-place text editing ----------------------------------------------------------------
  bool editing(Field field, const std::string& id, const std::string& stage = "") const {
    return st_.edit.field == field && st_.edit.id == id && st_.edit.stage == stage;
  }

  void startEdit(Field field, const std::string& id, const std::string& stage, const std::string& text) {
    st_.edit = JourneyViewState::Edit{};
    st_.edit.field = field;
    st_.edit.id = id;
    st_.edit.stage = stage;
    st_.edit.buffer = text;
    st_.edit.focus = true;
    doc_.endGesture();  // typing starts its own undo step
  }

  // Draws the text field for the edit in progress over a world rectangle. `apply` receives every
  // change (the document coalesces typing into one step per field).
  void drawEditField(const std::string& label, ImVec2 worldMin, ImVec2 worldMax, float worldFont, bool multiline,
                     const char* hint, const std::function<void(const std::string&)>& apply) {
    auto& e = st_.edit;
    const ImVec2 a = p_.at(worldMin);
    const ImVec2 b = p_.at(worldMax);
    const float baseSize = ImGui::GetFontSize();
    ImGui::SetWindowFontScale(baseSize > 0 ? ctx_.canvas.fontSize(worldFont) / baseSize : 1.0f);
    ImGui::SetCursorScreenPos(a);
    if (e.focus) {
      ImGui::SetKeyboardFocusHere();
      e.focus = false;
    }
    bool changed = false;
    if (multiline) {
      changed = inputTextMultiline(label.c_str(), &e.buffer, ImVec2(b.x - a.x, b.y - a.y),
                                   ImGuiInputTextFlags_CtrlEnterForNewLine);
    } else {
      ImGui::SetNextItemWidth(b.x - a.x);
      changed = inputTextWithHint(label.c_str(), hint, &e.buffer, ImGuiInputTextFlags_AutoSelectAll);
    }
    ImGui::SetWindowFontScale(1.0f);
    if (changed) apply(e.buffer);
    ++e.frames;
    if (ImGui::IsItemDeactivated() || (!ImGui::IsItemActive() && e.frames > 2)) {
      doc_.endGesture();
      e = JourneyViewState::Edit{};
    }
  }

  // ---- background and grid ------------------------------------------------------------------
  void drawGridBackground(const Board& board) {
    const ImVec2 a = p_.at(ImVec2(geometry_.gridLeft, geometry_.gridTop));
    const ImVec2 b = p_.at(ImVec2(geometry_.gridRight, geometry_.gridBottom));
    if (board.stages.empty() || board.lanes.empty()) return;
    drawShadow(p_.dl, a, b, p_.len(10.0f), p_.len(8.0f), 0.6f);
    p_.dl->AddRectFilled(a, b, colours::kSurface, p_.len(10.0f));
    for (std::size_t i = 0; i < board.lanes.size(); ++i) {
      const float top = geometry_.laneTop[i];
      if (board.lanes[i].kind != LaneKind::Text) {
        // Curves sit on a faint tint so they read as a different kind of row.
        p_.dl->AddRectFilled(p_.at(ImVec2(geometry_.gridLeft, top)),
                             p_.at(ImVec2(geometry_.gridRight, top + geometry_.laneHeight[i])),
                             rgb(colours_.panel, 110));
      }
      if (i > 0) {
        p_.dl->AddLine(p_.at(ImVec2(geometry_.gridLeft, top)), p_.at(ImVec2(geometry_.gridRight, top)),
                       rgb(colours_.gridLine), 1.0f);
      }
    }
    for (std::size_t i = 1; i < board.stages.size(); ++i) {
      const float x = Geometry::stageLeft(i);
      p_.dl->AddLine(p_.at(ImVec2(x, geometry_.gridTop)), p_.at(ImVec2(x, geometry_.gridBottom)),
                     rgb(colours_.gridLine), 1.0f);
    }
    p_.dl->AddRect(a, b, rgb(colours_.gridLine), p_.len(10.0f), 0, 1.0f);
  }

  // ---- stage header -------------------------------------------------------------------------
  void drawStageHeader(const Stage& stage, std::size_t index, std::size_t count) {
    const float x0 = Geometry::stageLeft(index) + 6.0f;
    const float x1 = Geometry::stageLeft(index + 1) - 6.0f;
    const float y0 = 8.0f;
    const float y1 = M::kStageHeaderHeight - 10.0f;
    if (!ctx_.canvas.visible(ImVec2(x0, y0), ImVec2(x1, y1))) return;

    // Drop target for dragging another stage here (the whole header card).
    bool dropHere = false;
    if (ImGui::GetDragDropPayload() != nullptr && ImGui::BeginDragDropTargetCustom(
                                                       ImRect(p_.at(ImVec2(x0, y0)), p_.at(ImVec2(x1, y1))),
                                                       ImGui::GetID(("stage-drop:" + stage.id).c_str()))) {
      if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kStagePayload, ImGuiDragDropFlags_AcceptBeforeDelivery)) {
        dropHere = true;
        if (payload->IsDelivery()) {
          const std::string moved(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
          doc_.moveStage(moved, static_cast<int>(index));
        }
      }
      ImGui::EndDragDropTarget();
    }

    p_.card(ImVec2(x0, y0), ImVec2(x1, y1), rgb(colours_.panel), dropHere ? colours::kPrimary : rgb(colours_.gridLine),
            10.0f, true);
    // Stage number badge and a thin accent bar: the order reads at a glance.
    p_.dl->AddRectFilled(p_.at(ImVec2(x0 + 10.0f, y0)), p_.at(ImVec2(x1 - 10.0f, y0 + 4.0f)),
                         withAlpha(colours::kPrimary, 0.7f), p_.len(2.0f));
    const std::string number = std::to_string(index + 1);
    const float badge = 22.0f;
    p_.dl->AddCircleFilled(p_.at(ImVec2(x0 + 12.0f + badge * 0.5f, y0 + 14.0f + badge * 0.5f)), p_.len(badge * 0.5f),
                           colours::kPrimarySoft, 24);
    const ImVec2 ns = p_.measure(kSmallFont, number);
    p_.text(ImVec2(x0 + 12.0f + (badge - ns.x) * 0.5f, y0 + 14.0f + (badge - ns.y) * 0.5f), kSmallFont,
            colours::kPrimary, number);

    // Name: click renames, drag reorders.
    const ImVec2 nameMin(x0 + 12.0f + badge + 8.0f, y0 + 12.0f);
    const ImVec2 nameMax(x1 - 10.0f, y0 + 40.0f);
    if (editing(Field::StageName, stage.id)) {
      drawEditField("edit:stage:" + stage.id, nameMin, nameMax, kHeadingFont - 2.0f, false, tr("journey.stageName"),
                    [&](const std::string& text) { doc_.renameStage(stage.id, text); });
    } else {
      ImGui::SetCursorScreenPos(p_.at(nameMin));
      const ImVec2 size = sub(p_.at(nameMax), p_.at(nameMin));
      const bool clicked = ImGui::InvisibleButton(("stage:" + stage.id).c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
      const bool hovered = ImGui::IsItemHovered();
      if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_None)) {
        st_.headerDragged = true;
        ImGui::SetDragDropPayload(kStagePayload, stage.id.data(), stage.id.size());
        ImGui::TextUnformatted(stage.name.c_str());
        ImGui::EndDragDropSource();
      }
      if (clicked && !st_.headerDragged) startEdit(Field::StageName, stage.id, "", stage.name);
      if (hovered && !touchMode() && ImGui::GetDragDropPayload() == nullptr) {
        p_.dl->AddRectFilled(p_.at(nameMin), p_.at(nameMax), withAlpha(colours::kPrimarySoft, 0.6f), p_.len(6.0f));
        ImGui::SetItemTooltip("%s", tr("journey.stageRenameTip"));
      }
      p_.textIn(ImVec2(nameMin.x + 4.0f, nameMin.y + 4.0f), ImVec2(nameMax.x - 2.0f, nameMax.y), kHeadingFont,
                rgb(colours_.heading), stage.name.empty() ? tr("journey.stageName") : stage.name, false, p_.heading);
    }

    // Description: a short line of context, click to edit.
    const float controlsTop = y1 - 8.0f - M::kControl;
    const ImVec2 descMin(x0 + 12.0f, y0 + 44.0f);
    const ImVec2 descMax(x1 - 10.0f, controlsTop - 4.0f);
    if (editing(Field::StageDescription, stage.id)) {
      drawEditField("edit:stage-description:" + stage.id, descMin, descMax, kBodyFont, true, nullptr,
                    [&](const std::string& text) { doc_.setStageDescription(stage.id, text); });
    } else {
      ImGui::SetCursorScreenPos(p_.at(descMin));
      const ImVec2 size = sub(p_.at(descMax), p_.at(descMin));
      if (ImGui::InvisibleButton(("stage-description:" + stage.id).c_str(),
                                 ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)))) {
        startEdit(Field::StageDescription, stage.id, "", stage.description);
      }
      if (ImGui::IsItemHovered() && !touchMode()) {
        p_.dl->AddRectFilled(p_.at(descMin), p_.at(descMax), withAlpha(colours::kPrimarySoft, 0.5f), p_.len(6.0f));
        ImGui::SetItemTooltip("%s", tr("journey.descriptionTip"));
      }
      const bool empty = stage.description.empty();
      p_.textIn(descMin, descMax, kBodyFont, empty ? withAlpha(rgb(colours_.muted), 0.6f) : rgb(colours_.muted),
                empty ? tr("journey.stageDescription") : stage.description, true);
    }

    // Controls: ◀ ▶ … 🗑
    const int i = static_cast<int>(index);
    if (chevronButton("stage-left:" + stage.id, ImVec2(x0 + 8.0f, controlsTop), ImGuiDir_Left, tr("journey.stageLeft"),
                      index > 0)) {
      doc_.moveStage(stage.id, i - 1);
    }
    if (chevronButton("stage-right:" + stage.id, ImVec2(x0 + 8.0f + M::kControl + 4.0f, controlsTop), ImGuiDir_Right,
                      tr("journey.stageRight"), index + 1 < count)) {
      doc_.moveStage(stage.id, i + 1);
    }
    if (trashButton("stage-delete:" + stage.id, ImVec2(x1 - 8.0f - M::kControl, controlsTop), tr("journey.stageDelete"))) {
      if (st_.edit.id == stage.id || st_.edit.stage == stage.id) st_.edit = JourneyViewState::Edit{};
      doc_.deleteStage(stage.id);
    }
  }

  // ---- lane header --------------------------------------------------------------------------
  void drawLaneHeader(const Lane& lane, std::size_t index, std::size_t count, float top, float height) {
    const float x0 = 8.0f;
    const float x1 = M::kLaneHeaderWidth - 8.0f;
    const float y0 = top + 5.0f;
    const float y1 = top + height - 5.0f;
    if (!ctx_.canvas.visible(ImVec2(x0, y0), ImVec2(x1, y1))) return;

    bool dropHere = false;
    if (ImGui::GetDragDropPayload() != nullptr &&
        ImGui::BeginDragDropTargetCustom(ImRect(p_.at(ImVec2(x0, y0)), p_.at(ImVec2(x1, y1))),
                                         ImGui::GetID(("lane-drop:" + lane.id).c_str()))) {
      if (const ImGuiPayload* payload = ImGui::AcceptDragDropPayload(kLanePayload, ImGuiDragDropFlags_AcceptBeforeDelivery)) {
        dropHere = true;
        if (payload->IsDelivery()) {
          const std::string moved(static_cast<const char*>(payload->Data), static_cast<std::size_t>(payload->DataSize));
          doc_.moveLane(moved, static_cast<int>(index));
        }
      }
      ImGui::EndDragDropTarget();
    }

    p_.card(ImVec2(x0, y0), ImVec2(x1, y1), rgb(colours_.panel), dropHere ? colours::kPrimary : rgb(colours_.gridLine),
            10.0f, true);
    if (lane.kind == LaneKind::Text) {
      p_.dl->AddRectFilled(p_.at(ImVec2(x0, y0 + 10.0f)), p_.at(ImVec2(x0 + 4.0f, y1 - 10.0f)),
                           noteColour(defaultColourFor(lane)).accent, p_.len(2.0f));
    }

    const ImVec2 nameMin(x0 + 10.0f, y0 + 8.0f);
    const ImVec2 nameMax(x1 - 8.0f, y0 + 34.0f);
    if (editing(Field::LaneName, lane.id)) {
      drawEditField("edit:lane:" + lane.id, nameMin, nameMax, kHeadingFont - 3.0f, false, tr("journey.laneName"),
                    [&](const std::string& text) { doc_.renameLane(lane.id, text); });
    } else {
      ImGui::SetCursorScreenPos(p_.at(nameMin));
      const ImVec2 size = sub(p_.at(nameMax), p_.at(nameMin));
      const bool clicked =
          ImGui::InvisibleButton(("lane:" + lane.id).c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
      const bool hovered = ImGui::IsItemHovered();
      if (ImGui::BeginDragDropSource(ImGuiDragDropFlags_None)) {
        st_.headerDragged = true;
        ImGui::SetDragDropPayload(kLanePayload, lane.id.data(), lane.id.size());
        ImGui::TextUnformatted(lane.name.c_str());
        ImGui::EndDragDropSource();
      }
      if (clicked && !st_.headerDragged) startEdit(Field::LaneName, lane.id, "", lane.name);
      if (hovered && !touchMode() && ImGui::GetDragDropPayload() == nullptr) {
        p_.dl->AddRectFilled(p_.at(nameMin), p_.at(nameMax), withAlpha(colours::kPrimarySoft, 0.6f), p_.len(6.0f));
        ImGui::SetItemTooltip("%s", tr("journey.laneRenameTip"));
      }
      p_.textIn(ImVec2(nameMin.x + 4.0f, nameMin.y + 4.0f), nameMax, kHeadingFont - 1.0f, rgb(colours_.heading),
                lane.name.empty() ? tr("journey.laneName") : lane.name, false, p_.heading);
    }

    // Kind (for curve lanes whose name does not say it) and what belongs here.
    float y = y0 + 38.0f;
    const float textRight = lane.kind == LaneKind::Text ? x1 - 8.0f : x1 - 30.0f;  // room for the scale
    const std::string kind = laneKindText(lane);
    if (lane.kind != LaneKind::Text && kind != lane.name) {
      p_.textIn(ImVec2(x0 + 14.0f, y), ImVec2(textRight, y + 16.0f), kSmallFont, rgb(colours_.muted), kind, false);
      y += 18.0f;
    }
    const float controlsTop = y1 - 6.0f - M::kControl;
    if (lane.kind == LaneKind::Emotion) {
      y = drawEmotionLegend(lane, ImVec2(x0 + 14.0f, y), textRight);
    } else if (lane.kind == LaneKind::Expectation) {
      y = drawExpectationLegend(ImVec2(x0 + 14.0f, y));
    }
    const char* hint = laneHint(lane);
    if (hint[0] != '\0' && controlsTop - 4.0f > y + 10.0f) {
      p_.textIn(ImVec2(x0 + 14.0f, y), ImVec2(textRight, controlsTop - 4.0f), kSmallFont,
                withAlpha(rgb(colours_.muted), 0.85f), hint, true);
    }

    // Score scale for curve lanes: +2 … −2 next to the plot levels.
    if (lane.kind != LaneKind::Text) {
      for (int s = kScoreMin; s <= kScoreMax; ++s) {
        const std::string label = formatScore(s);
        const ImVec2 ts = p_.measure(kSmallFont, label);
        p_.text(ImVec2(x1 - 10.0f - ts.x, journeyScoreY(top, s) - ts.y * 0.5f), kSmallFont, rgb(colours_.muted), label);
      }
    }

    const int i = static_cast<int>(index);
    if (chevronButton("lane-up:" + lane.id, ImVec2(x0 + 8.0f, controlsTop), ImGuiDir_Up, tr("journey.laneUp"), index > 0)) {
      doc_.moveLane(lane.id, i - 1);
    }
    if (chevronButton("lane-down:" + lane.id, ImVec2(x0 + 8.0f + M::kControl + 4.0f, controlsTop), ImGuiDir_Down,
                      tr("journey.laneDown"), index + 1 < count)) {
      doc_.moveLane(lane.id, i + 1);
    }
    if (trashButton("lane-delete:" + lane.id, ImVec2(x0 + 8.0f + 2.0f * (M::kControl + 4.0f), controlsTop),
                    tr("journey.laneDelete"))) {
      if (st_.edit.id == lane.id) st_.edit = JourneyViewState::Edit{};
      doc_.deleteLane(lane.id);
    }
  }

  // Legend of the emotion lane plus the to-be toggle; returns the y below it.
  float drawEmotionLegend(const Lane& lane, ImVec2 at, float right) {
    const float lineY = at.y + 8.0f;
    p_.dl->AddLine(p_.at(ImVec2(at.x, lineY)), p_.at(ImVec2(at.x + 18.0f, lineY)), rgb(colours_.curveAsIs),
                   p_.len(3.0f));
    p_.text(ImVec2(at.x + 24.0f, at.y), kSmallFont, rgb(colours_.text), tr("journey.asIs"));
    float y = at.y + 20.0f;
    // The to-be toggle: a pill with a check box, touch-sized.
    const ImVec2 min(at.x - 4.0f, y);
    const ImVec2 max(std::min(right, at.x + 150.0f), y + M::kControl * 0.8f);
    ImGui::SetCursorScreenPos(p_.at(min));
    const ImVec2 size = sub(p_.at(max), p_.at(min));
    const std::string id = std::string(tr("journey.toBe")) + "###lane-tobe:" + lane.id;
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)))) {
      doc_.setShowToBe(lane.id, !lane.showToBe);
    }
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && !touchMode()) ImGui::SetItemTooltip("%s", tr("journey.toBeTip"));
    p_.dl->AddRectFilled(p_.at(min), p_.at(max), hovered ? colours::kPrimarySoft : withAlpha(colours::kPrimarySoft, 0.5f),
                         p_.len(8.0f));
    const float box = 14.0f;
    const ImVec2 boxMin(min.x + 8.0f, (min.y + max.y - box) * 0.5f);
    p_.dl->AddRect(p_.at(boxMin), p_.at(add(boxMin, ImVec2(box, box))), rgb(colours_.curveToBe), p_.len(3.0f), 0,
                   p_.len(1.5f));
    if (lane.showToBe) {
      p_.dl->AddRectFilled(p_.at(boxMin), p_.at(add(boxMin, ImVec2(box, box))), rgb(colours_.curveToBe), p_.len(3.0f));
      drawIcon(p_.dl, Icon::Check, p_.at(ImVec2(boxMin.x + 1.0f, boxMin.y + 1.0f)), p_.len(box - 2.0f),
               colours::kSurface);
    }
    p_.text(ImVec2(boxMin.x + box + 6.0f, (min.y + max.y) * 0.5f - kSmallFont * 0.6f), kSmallFont, rgb(colours_.text),
            tr("journey.toBe"));
    return max.y + 6.0f;
  }

  float drawExpectationLegend(ImVec2 at) {
    const float r = 6.0f;
    drawDiamond(p_.dl, p_.at(ImVec2(at.x + r, at.y + 8.0f)), p_.len(r), rgb(colours_.expectation),
                rgb(colours_.expectation));
    p_.text(ImVec2(at.x + 2.0f * r + 6.0f, at.y), kSmallFont, rgb(colours_.text), tr("journey.expectation"));
    const float y = at.y + 18.0f;
    p_.dl->AddCircleFilled(p_.at(ImVec2(at.x + r, y + 8.0f)), p_.len(r), rgb(colours_.experience), 16);
    p_.text(ImVec2(at.x + 2.0f * r + 6.0f, y), kSmallFont, rgb(colours_.text), tr("journey.experience"));
    return y + 22.0f;
  }

  // ---- text lanes ---------------------------------------------------------------------------
  void drawTextLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
    const char* hint = tr(touchMode() ? "journey.emptyCellTouch" : "journey.emptyCell");
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const float x0 = Geometry::stageLeft(i);
      const ImVec2 cellMin(x0 + M::kCellPadding, top + M::kCellPadding);
      const ImVec2 cellMax(x0 + M::kStageWidth - M::kCellPadding, top + height - M::kCellPadding);
      if (!ctx_.canvas.visible(cellMin, cellMax)) continue;
      const Place place{"", stages[i].id, lane.id};
      ctx_.cards.drawPlace(ctx_, place, cellMin, cellMax, defaultColourFor(lane), hint);
      // "+" in the bottom-right corner of every cell.
      const ImVec2 plusMin(cellMax.x - M::kControl, cellMax.y - M::kControl);
      const bool added = iconButtonAt(
          "add-note:" + lane.id + ":" + stages[i].id, plusMin, M::kControl, tr("journey.addNote"), true,
          [&](ImVec2 c, float s, ImU32 col) {
            p_.dl->AddCircle(c, s * 0.34f, withAlpha(col, 0.5f), 24, std::max(1.0f, s * 0.03f));
            const float icon = s * 0.4f;
            drawIcon(p_.dl, Icon::Plus, ImVec2(c.x - icon * 0.5f, c.y - icon * 0.5f), icon, col);
          });
      if (added) ctx_.cards.addNoteAndEdit(ctx_, place, defaultColourFor(lane));
    }
  }

  // ---- score dragging (shared by the emotion and expectation lanes) ---------------------------
  struct ScoreHandle {
    bool hovered = false;
    bool active = false;
  };

  // A touch-sized invisible button centred on a score marker. While it is held, the score follows the
  // pointer's level; `apply(score, coalesceKey)` is called when the level changes.
  ScoreHandle scoreHandle(const std::string& label, ImVec2 worldCentre, float laneTop, std::optional<int> current,
                          const std::function<void(std::optional<int>, const std::string&)>& apply) {
    ScoreHandle h;
    const float size = std::max(p_.len(M::kControl), touchMode() ? minTarget() : 0.0f);
    const ImVec2 c = p_.at(worldCentre);
    ImGui::SetCursorScreenPos(ImVec2(c.x - size * 0.5f, c.y - size * 0.5f));
    ImGui::InvisibleButton(label.c_str(), ImVec2(std::max(size, 1.0f), std::max(size, 1.0f)));
    h.hovered = ImGui::IsItemHovered();
    h.active = ImGui::IsItemActive();
    if (ImGui::IsItemActivated()) {
      doc_.endGesture();
      st_.dragKey = "drag:" + label + ":" + std::to_string(++st_.dragSerial);
    }
    if (h.active) {
      const int score = journeyScoreAt(laneTop, ctx_.canvas.toWorld(ImGui::GetIO().MousePos).y);
      if (!current || *current != score) apply(score, st_.dragKey);
    }
    if (ImGui::IsItemDeactivated()) {
      doc_.endGesture();
      st_.dragKey.clear();
    }
    // Keyboard: arrow keys nudge a hovered marker (one undo step each).
    if (h.hovered && !h.active) {
      const int base = current.value_or(0);
      if (ImGui::IsKeyPressed(ImGuiKey_UpArrow) && base < kScoreMax) apply(base + 1, "");
      if (ImGui::IsKeyPressed(ImGuiKey_DownArrow) && base > kScoreMin) apply(base - 1, "");
    }
    // Right-click (long-press menus come from the platform as right-clicks): clear the score.
    if (current && ImGui::BeginPopupContextItem(("menu:" + label).c_str())) {
      if (ImGui::MenuItem(tr("journey.clearScore"))) apply(std::nullopt, "");
      ImGui::EndPopup();
    }
    return h;
  }

  void drawLevelLines(float top) {
    for (int s = kScoreMin; s <= kScoreMax; ++s) {
      const float y = journeyScoreY(top, s);
      const ImU32 col = s == 0 ? rgb(colours_.gridLine) : withAlpha(rgb(colours_.gridLine), 0.55f);
      const ImVec2 a = p_.at(ImVec2(geometry_.gridLeft + 8.0f, y));
      const ImVec2 b = p_.at(ImVec2(geometry_.gridRight - 8.0f, y));
      if (s == 0) {
        p_.dl->AddLine(a, b, col, 1.5f);
      } else {
        dashedPolyline(p_.dl, {a, b}, col, 1.0f, p_.len(6.0f), p_.len(6.0f));
      }
    }
  }

  void tooltipForScore(const Stage& stage, const char* whichKey, std::optional<int> score, const std::string& reason) {
    if (touchMode() || !ImGui::BeginTooltip()) return;
    ImGui::TextUnformatted(stage.name.c_str());
    if (score) {
      ImGui::Text("%s: %s  %s", tr(whichKey), formatScore(*score).c_str(), tr(scoreWordKey(*score)));
    } else {
      ImGui::Text("%s: %s", tr(whichKey), tr("journey.notRated"));
    }
    if (!reason.empty()) {
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
      ImGui::TextUnformatted(reason.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
    ImGui::TextUnformatted(tr("journey.dragHint"));
    ImGui::PopStyleColor();
    ImGui::EndTooltip();
  }

  // Live value next to a marker while it is dragged.
  void dragBadge(ImVec2 worldCentre, float worldOffset, int score) {
    const std::string text = formatScore(score) + "  " + tr(scoreWordKey(score));
    const ImVec2 pos = p_.at(ImVec2(worldCentre.x + worldOffset, worldCentre.y - 10.0f));
    drawPill(p_.dl, pos, text.c_str(), colours::kInk, colours::kSurface, std::max(p_.len(kSmallFont), 9.0f));
  }

  // ---- emotion lane -------------------------------------------------------------------------
  void drawEmotionLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
    drawLevelLines(top);
    const ImU32 asIsCol = rgb(colours_.curveAsIs);
    const ImU32 toBeCol = rgb(colours_.curveToBe);
    const float r = M::kFaceRadius;

    auto curveThrough = [&](bool toBe) {
      std::vector<ImVec2> pts;
      for (std::size_t i = 0; i < stages.size(); ++i) {
        auto it = lane.emotions.find(stages[i].id);
        if (it == lane.emotions.end()) continue;
        const std::optional<int> s = toBe ? it->second.toBe : it->second.asIs;
        if (!s) continue;
        const float x = Geometry::stageCentre(i) + (toBe ? M::kToBeOffset : 0.0f);
        pts.push_back(p_.at(ImVec2(x, journeyScoreY(top, *s))));
      }
      return smoothCurve(pts, 16);
    };
    if (lane.showToBe) {
      const auto pts = curveThrough(true);
      dashedPolyline(p_.dl, pts, toBeCol, std::max(1.5f, p_.len(2.5f)), p_.len(9.0f), p_.len(6.0f));
    }
    {
      const auto pts = curveThrough(false);
      if (pts.size() >= 2) {
        p_.dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), withAlpha(asIsCol, 0.25f), ImDrawFlags_None,
                           std::max(3.0f, p_.len(9.0f)));  // soft glow under the line
        p_.dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), asIsCol, ImDrawFlags_None,
                           std::max(1.5f, p_.len(3.0f)));
      }
    }

    const float reasonTop = journeyScoreY(top, kScoreMin) + r + 12.0f;
    for (std::size_t i = 0; i < stages.size(); ++i) {
      const Stage& stage = stages[i];
      const float cx = Geometry::stageCentre(i);
      const EmotionScore score = [&] {
        auto it = lane.emotions.find(stage.id);
        return it == lane.emotions.end() ? EmotionScore{} : it->second;
      }();
      const std::string key = lane.id + ":" + stage.id;

      // To-be first (behind), then as-is on top; the as-is handle is submitted first so it wins the
      // mouse where the two overlap.
      const ImVec2 asIsWorld(cx, journeyScoreY(top, score.asIs.value_or(0)));
      const ScoreHandle asIs = scoreHandle("emotion:" + key, asIsWorld, top, score.asIs,
                                           [&](std::optional<int> s, const std::string& coalesce) {
                                             doc_.setEmotion(lane.id, stage.id, s, coalesce);
                                           });
      ScoreHandle toBe;
      const ImVec2 toBeWorld(cx + M::kToBeOffset, journeyScoreY(top, score.toBe.value_or(0)));
      if (lane.showToBe) {
        toBe = scoreHandle("emotion-tobe:" + key, toBeWorld, top, score.toBe,
                           [&](std::optional<int> s, const std::string& coalesce) {
                             doc_.setEmotionToBe(lane.id, stage.id, s, coalesce);
                           });
        // Re-read: the handle may just have changed it.
        const Lane* now = findLane(doc_.board(), lane.id);
        std::optional<int> shown;
        if (now != nullptr) {
          auto it = now->emotions.find(stage.id);
          if (it != now->emotions.end()) shown = it->second.toBe;
        }
        const ImVec2 c = p_.at(ImVec2(toBeWorld.x, journeyScoreY(top, shown.value_or(0))));
        if (shown) {
          const float rr = p_.len(r * 0.78f) * (toBe.hovered || toBe.active ? 1.12f : 1.0f);
          drawFace(p_.dl, c, rr, *shown, withAlpha(rgb(emotionColour(*shown)), 0.55f), withAlpha(colours::kInk, 0.8f));
          p_.dl->AddCircle(c, rr + p_.len(2.0f), toBeCol, 32, std::max(1.5f, p_.len(2.0f)));
        } else {
          drawEmptyMarker(p_.dl, c, p_.len(r * 0.78f), withAlpha(toBeCol, toBe.hovered ? 1.0f : 0.6f));
        }
        if (toBe.active && shown) dragBadge(toBeWorld, r + 6.0f, *shown);
        if (toBe.hovered && !toBe.active) tooltipForScore(stage, "journey.toBeShort", shown, "");
      }

      std::optional<int> shown;
      std::string reason;
      if (const Lane* now = findLane(doc_.board(), lane.id)) {
        auto it = now->emotions.find(stage.id);
        if (it != now->emotions.end()) {
          shown = it->second.asIs;
          reason = it->second.reason;
        }
      }
      const ImVec2 c = p_.at(ImVec2(cx, journeyScoreY(top, shown.value_or(0))));
      if (shown) {
        const float rr = p_.len(r) * (asIs.hovered || asIs.active ? 1.12f : 1.0f);
        if (asIs.hovered || asIs.active) p_.dl->AddCircleFilled(c, rr + p_.len(6.0f), withAlpha(asIsCol, 0.18f), 32);
        drawFace(p_.dl, c, rr, *shown, rgb(emotionColour(*shown)), colours::kInk);
      } else {
        drawEmptyMarker(p_.dl, c, p_.len(r), withAlpha(asIsCol, asIs.hovered ? 1.0f : 0.55f));
      }
      if (asIs.active && shown) dragBadge(ImVec2(cx, journeyScoreY(top, *shown)), -(r + 6.0f) - 96.0f, *shown);
      if (asIs.hovered && !asIs.active) tooltipForScore(stage, "journey.asIs", shown, reason);

      // Reason under the curve, edited in place.
      const ImVec2 rMin(Geometry::stageLeft(i) + M::kCellPadding, reasonTop);
      const ImVec2 rMax(Geometry::stageLeft(i + 1) - M::kCellPadding, top + height - 8.0f);
      if (editing(Field::Reason, lane.id, stage.id)) {
        drawEditField("edit:reason:" + key, rMin, rMax, kBodyFont, true, nullptr,
                      [&](const std::string& text) { doc_.setEmotionReason(lane.id, stage.id, text); });
      } else {
        ImGui::SetCursorScreenPos(p_.at(rMin));
        const ImVec2 size = sub(p_.at(rMax), p_.at(rMin));
        if (ImGui::InvisibleButton(("reason:" + key).c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)))) {
          startEdit(Field::Reason, lane.id, stage.id, reason);
        }
        const bool hovered = ImGui::IsItemHovered();
        if (hovered) p_.dl->AddRectFilled(p_.at(rMin), p_.at(rMax), withAlpha(colours::kPrimarySoft, 0.6f), p_.len(6.0f));
        if (reason.empty()) {
          if (shown || hovered) {
            const char* ph = tr("journey.reasonPlaceholder");
            const ImVec2 ts = p_.measure(kBodyFont, ph, rMax.x - rMin.x);
            p_.textIn(ImVec2(std::max(rMin.x, (rMin.x + rMax.x - ts.x) * 0.5f), rMin.y + 4.0f), rMax, kBodyFont,
                      withAlpha(rgb(colours_.muted), 0.75f), ph, true);
          }
        } else {
          const ImVec2 ts = p_.measure(kBodyFont, reason, rMax.x - rMin.x);
          p_.textIn(ImVec2(std::max(rMin.x, (rMin.x + rMax.x - ts.x) * 0.5f), rMin.y + 4.0f), rMax, kBodyFont,
                    rgb(colours_.text), reason, true);
        }
      }
    }
  }

  // ---- expectation vs experience lane -------------------------------------------------------
  void drawExpectationLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
    drawLevelLines(top);
    const ImU32 expCol = rgb(colours_.expectation);
    const ImU32 xpCol = rgb(colours_.experience);
    const float r = 10.0f;

    // Lines through the expectations (dashed) and the experiences (solid) across the stages.
    std::vector<ImVec2> expPts, xpPts;
    for (std::size_t i = 0; i < stages.size(); ++i) {
      auto it = lane.gaps.find(stages[i].id);
      if (it == lane.gaps.end()) continue;
      const float cx = Geometry::stageCentre(i);
      if (it->second.expectation) {
        expPts.push_back(p_.at(ImVec2(cx - M::kMarkerOffset, journeyScoreY(top, *it->second.expectation))));
      }
      if (it->second.experience) {
        xpPts.push_back(p_.at(ImVec2(cx + M::kMarkerOffset, journeyScoreY(top, *it->second.experience))));
      }
    }
    dashedPolyline(p_.dl, expPts, withAlpha(expCol, 0.7f), std::max(1.0f, p_.len(2.0f)), p_.len(7.0f), p_.len(5.0f));
    if (xpPts.size() >= 2) {
      p_.dl->AddPolyline(xpPts.data(), static_cast<int>(xpPts.size()), withAlpha(xpCol, 0.7f), ImDrawFlags_None,
                         std::max(1.0f, p_.len(2.0f)));
    }

    for (std::size_t i = 0; i < stages.size(); ++i) {
      const Stage& stage = stages[i];
      const float cx = Geometry::stageCentre(i);
      const std::string key = lane.id + ":" + stage.id;
      auto current = [&]() {
        const Lane* now = findLane(doc_.board(), lane.id);
        if (now == nullptr) return GapScore{};
        auto it = now->gaps.find(stage.id);
        return it == now->gaps.end() ? GapScore{} : it->second;
      };
      const GapScore before = current();
      const ImVec2 expWorld(cx - M::kMarkerOffset, journeyScoreY(top, before.expectation.value_or(0)));
      const ImVec2 xpWorld(cx + M::kMarkerOffset, journeyScoreY(top, before.experience.value_or(0)));
      const ScoreHandle exp = scoreHandle("expectation:" + key, expWorld, top, before.expectation,
                                          [&](std::optional<int> s, const std::string& coalesce) {
                                            doc_.setGap(lane.id, stage.id, s, current().experience, coalesce);
                                          });
      const ScoreHandle xp = scoreHandle("experience:" + key, xpWorld, top, before.experience,
                                         [&](std::optional<int> s, const std::string& coalesce) {
                                           doc_.setGap(lane.id, stage.id, current().expectation, s, coalesce);
                                         });
      const GapScore g = current();
      const float ey = journeyScoreY(top, g.expectation.value_or(0));
      const float xy = journeyScoreY(top, g.experience.value_or(0));

      // The gap: a band between the two levels, red when experience falls short, green when it beats
      // the expectation, with the difference written next to it.
      if (g.expectation && g.experience && *g.expectation != *g.experience) {
        const int diff = *g.experience - *g.expectation;
        const bool worse = diff < 0;
        const ImU32 band = rgb(worse ? colours_.gapWorse : colours_.gapBetter);
        const ImVec2 bandMin(cx - M::kMarkerOffset, std::min(ey, xy));
        const ImVec2 bandMax(cx + M::kMarkerOffset, std::max(ey, xy));
        p_.dl->AddRectFilled(p_.at(bandMin), p_.at(bandMax), withAlpha(band, 0.22f), p_.len(4.0f));
        p_.dl->AddLine(p_.at(ImVec2(cx, bandMin.y)), p_.at(ImVec2(cx, bandMax.y)), withAlpha(band, 0.9f),
                       std::max(1.0f, p_.len(2.0f)));
        const std::string label = formatScore(diff);
        const float font = kBodyFont + 1.0f;
        const ImVec2 ts = p_.measure(font, label);
        const ImVec2 pill(cx - ts.x * 0.5f - 6.0f, (ey + xy) * 0.5f - ts.y * 0.5f - 3.0f);
        p_.dl->AddRectFilled(p_.at(pill), p_.at(ImVec2(pill.x + ts.x + 12.0f, pill.y + ts.y + 6.0f)), band,
                             p_.len(8.0f));
        p_.text(ImVec2(pill.x + 6.0f, pill.y + 3.0f), font, colours::kSurface, label);
      }

      // Markers.
      const ImVec2 ec = p_.at(ImVec2(expWorld.x, ey));
      const ImVec2 xc = p_.at(ImVec2(xpWorld.x, xy));
      const float grow = 1.15f;
      if (g.expectation) {
        drawDiamond(p_.dl, ec, p_.len(r * 1.25f) * (exp.hovered || exp.active ? grow : 1.0f), expCol, colours::kInk);
      } else {
        drawEmptyMarker(p_.dl, ec, p_.len(r), withAlpha(expCol, exp.hovered ? 1.0f : 0.6f));
      }
      if (g.experience) {
        const float rr = p_.len(r) * (xp.hovered || xp.active ? grow : 1.0f);
        p_.dl->AddCircleFilled(xc, rr, xpCol, 24);
        p_.dl->AddCircle(xc, rr, colours::kInk, 24, std::max(1.0f, p_.len(1.2f)));
      } else {
        drawEmptyMarker(p_.dl, xc, p_.len(r), withAlpha(xpCol, xp.hovered ? 1.0f : 0.6f));
      }
      if (exp.active && g.expectation) dragBadge(ImVec2(expWorld.x, ey), -r - 110.0f, *g.expectation);
      if (xp.active && g.experience) dragBadge(ImVec2(xpWorld.x, xy), r + 8.0f, *g.experience);
      if ((exp.hovered && !exp.active) || (xp.hovered && !xp.active)) {
        if (!touchMode() && ImGui::BeginTooltip()) {
          ImGui::TextUnformatted(stage.name.c_str());
          auto line = [&](const char* which, std::optional<int> s) {
            if (s) ImGui::Text("%s: %s  %s", tr(which), formatScore(*s).c_str(), tr(scoreWordKey(*s)));
            else ImGui::Text("%s: %s", tr(which), tr("journey.notRated"));
          };
          line("journey.expectation", g.expectation);
          line("journey.experience", g.experience);
          if (g.expectation && g.experience) {
            const int diff = *g.experience - *g.expectation;
            if (diff < 0) ImGui::TextUnformatted(format1(tr("journey.gapWorse"), -diff).c_str());
            else if (diff > 0) ImGui::TextUnformatted(format1(tr("journey.gapBetter"), diff).c_str());
            else ImGui::TextUnformatted(tr("journey.gapNone"));
          }
          ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
          ImGui::TextUnformatted(tr("journey.dragHint"));
          ImGui::PopStyleColor();
          ImGui::EndTooltip();
        }
      }
      // Gap summary under the plot.
      if (g.expectation && g.experience) {
        const int diff = *g.experience - *g.expectation;
        const std::string text = diff < 0   ? format1(tr("journey.gapWorse"), -diff)
                                 : diff > 0 ? format1(tr("journey.gapBetter"), diff)
                                            : std::string(tr("journey.gapNone"));
        const ImVec2 tMin(Geometry::stageLeft(i) + M::kCellPadding, journeyScoreY(top, kScoreMin) + 16.0f);
        const ImVec2 tMax(Geometry::stageLeft(i + 1) - M::kCellPadding, top + height - 4.0f);
        const ImVec2 ts = p_.measure(kSmallFont, text, tMax.x - tMin.x);
        p_.textIn(ImVec2(std::max(tMin.x, (tMin.x + tMax.x - ts.x) * 0.5f), tMin.y), tMax, kSmallFont,
                  diff < 0 ? rgb(colours_.gapWorse) : rgb(colours_.muted), text, true);
      }
    }
  }

  // ---- add stage / add lane -----------------------------------------------------------------
  // A dashed "add" tile with a plus and a label.
  bool addTile(const std::string& id, ImVec2 worldMin, ImVec2 worldMax, const char* text, const char* tip) {
    ImGui::SetCursorScreenPos(p_.at(worldMin));
    const ImVec2 size = sub(p_.at(worldMax), p_.at(worldMin));
    const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
    const bool hovered = ImGui::IsItemHovered();
    if (hovered && tip != nullptr && !touchMode()) ImGui::SetItemTooltip("%s", tip);
    const ImU32 col = hovered ? colours::kPrimary : colours::kInkMuted;
    p_.dl->AddRectFilled(p_.at(worldMin), p_.at(worldMax), hovered ? colours::kPrimarySoft : withAlpha(colours::kSurface, 0.6f),
                         p_.len(10.0f));
    const ImVec2 a = p_.at(worldMin);
    const ImVec2 b = p_.at(worldMax);
    dashedPolyline(p_.dl, {a, ImVec2(b.x, a.y), b, ImVec2(a.x, b.y), a}, withAlpha(col, 0.8f), 1.5f, p_.len(7.0f),
                   p_.len(5.0f));
    const float icon = 18.0f;
    const ImVec2 ts = p_.measure(kBodyFont, text, worldMax.x - worldMin.x - 16.0f);
    const float total = icon + 6.0f + ts.y;
    const float cy = (worldMin.y + worldMax.y) * 0.5f;
    const float wide = worldMax.x - worldMin.x;
    const bool row = wide > 3.0f * (ts.x + icon);  // wide tiles: icon and text side by side
    if (row) {
      const float startX = (worldMin.x + worldMax.x - (icon + 8.0f + ts.x)) * 0.5f;
      drawIcon(p_.dl, Icon::Plus, p_.at(ImVec2(startX, cy - icon * 0.5f)), p_.len(icon), col);
      p_.text(ImVec2(startX + icon + 8.0f, cy - ts.y * 0.5f), kBodyFont, col, text);
    } else {
      const float cx = (worldMin.x + worldMax.x) * 0.5f;
      drawIcon(p_.dl, Icon::Plus, p_.at(ImVec2(cx - icon * 0.5f, cy - total * 0.5f)), p_.len(icon), col);
      p_.text(ImVec2(cx - ts.x * 0.5f, cy - total * 0.5f + icon + 6.0f), kBodyFont, col, text,
              worldMax.x - worldMin.x - 16.0f);
    }
    return clicked;
  }

  void drawAddStage(std::size_t stageCount) {
    const float x0 = Geometry::stageLeft(stageCount) + 10.0f;
    const ImVec2 min(x0, 8.0f);
    const ImVec2 max(x0 + M::kAddColumnWidth - 20.0f, M::kStageHeaderHeight - 10.0f);
    if (stageCount == 0) {
      // An empty journey: say what to do next, right where the first stage will appear.
      p_.textIn(ImVec2(x0 + M::kAddColumnWidth, 20.0f), ImVec2(x0 + M::kAddColumnWidth + 360.0f, 140.0f), kBodyFont + 1.0f,
                rgb(colours_.text), tr("journey.emptyBoard"), true);
    }
    const std::string id = std::string(tr("journey.addStage")) + "###journey.add-stage";
    if (addTile(id, min, max, tr("journey.addStage"), tr("journey.addStageTip"))) {
      const Board& board = doc_.board();
      const std::string name = format1(tr("journey.newStage", board.lang), static_cast<int>(board.stages.size()) + 1);
      const std::string newId = doc_.addStage(name);
      if (!newId.empty()) startEdit(Field::StageName, newId, "", name);
    }
  }

  void drawAddLane() {
    const Board& board = doc_.board();
    const float y0 = geometry_.gridBottom + 12.0f;
    const ImVec2 min(8.0f, y0);
    const ImVec2 max(M::kLaneHeaderWidth - 8.0f, y0 + M::kAddRowHeight - 16.0f);
    if (board.lanes.empty() && !board.stages.empty()) {
      p_.textIn(ImVec2(M::kLaneHeaderWidth + 12.0f, y0 + 8.0f), ImVec2(geometry_.gridRight, y0 + M::kAddRowHeight),
                kBodyFont + 1.0f, rgb(colours_.text), tr("journey.noLanes"), true);
    }
    const std::string id = std::string(tr("journey.addLane")) + "###journey.add-lane";
    if (addTile(id, min, max, tr("journey.addLane"), tr("journey.addLaneTip"))) {
      ImGui::OpenPopup("journey.lane-kind-menu");
    }
    if (ImGui::BeginPopup("journey.lane-kind-menu")) {
      ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
      ImGui::TextUnformatted(tr("journey.pickKind"));
      ImGui::PopStyleColor();
      ImGui::Separator();
      const float rowHeight = std::max(minTarget(), ImGui::GetFrameHeight());
      for (const LaneChoice& c : kLaneChoices) {
        if (c.kind == LaneKind::Emotion) ImGui::Separator();
        const std::string label = std::string(tr(c.nameKey)) + "###lane-kind:" + c.id;
        if (ImGui::Selectable(label.c_str(), false, ImGuiSelectableFlags_None, ImVec2(0, rowHeight))) {
          const std::string newId = doc_.addLane(tr(defaultLaneNameKey(c), doc_.board().lang), c.kind, c.role);
          if (!newId.empty() && c.role[0] == '\0' && c.kind == LaneKind::Text) {
            startEdit(Field::LaneName, newId, "", doc_.board().lanes.back().name);
          }
        }
      }
      ImGui::EndPopup();
    }
  }

  EditorContext& ctx_;
  JourneyViewState& st_;
  Document& doc_;
  const BoardColours& colours_;
  Painter p_;
  Geometry geometry_;
};

JourneyViewState& moduleState() {
  static JourneyViewState state;
  return state;
}

}  // namespace

float journeyScoreY(float laneTop, int score) {
  const int s = std::clamp(score, kScoreMin, kScoreMax);
  return laneTop + M::kPlotTop + static_cast<float>(kScoreMax - s) * M::kLevelStep;
}

int journeyScoreAt(float laneTop, float worldY) {
  const float levels = (laneTop + M::kPlotTop - worldY) / M::kLevelStep;  // 0 at +2, −4 at −2
  const int s = kScoreMax + static_cast<int>(std::lround(levels));
  return std::clamp(s, kScoreMin, kScoreMax);
}

void drawJourneyView(EditorContext& ctx, JourneyViewState& state) {
  registerJourneyStrings();
  // A release ends any header drag; the flag only has to survive until the release's click check.
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    state.headerDragged = false;
  }
  // Forget an edit whose target disappeared (undo, another device's merge).
  const Board& board = ctx.doc.board();
  if (state.edit.field != Field::None) {
    const bool stageGone = (state.edit.field == Field::StageName || state.edit.field == Field::StageDescription) &&
                           findStage(board, state.edit.id) == nullptr;
    const bool laneGone = (state.edit.field == Field::LaneName || state.edit.field == Field::Reason) &&
                          findLane(board, state.edit.id) == nullptr;
    const bool reasonStageGone = state.edit.field == Field::Reason && findStage(board, state.edit.stage) == nullptr;
    if (stageGone || laneGone || reasonStageGone) state.edit = JourneyViewState::Edit{};
  }

  // The app calls ctx.cards.beginFrame()/endFrame() around every board view.
  // The layout comes first: the canvas fits a just-opened board to it before anything is drawn.
  Geometry geometry = layout(ctx, board);
  ctx.contentMin = ImVec2(0, 0);
  ctx.contentMax = ImVec2(geometry.gridRight + M::kAddColumnWidth, geometry.gridBottom + M::kAddRowHeight);
  ctx.canvas.setContent(ctx.contentMin, ctx.contentMax);
  // The app's canvas size leaves room for the actions and workshop panels beside the board.
  const ImVec2 size = ctx.canvasSize.x > 0 && ctx.canvasSize.y > 0 ? ctx.canvasSize : ImGui::GetContentRegionAvail();
  ctx.canvas.begin("##journey-canvas", size);
  JourneyDrawer(ctx, state).draw(std::move(geometry));
  const CanvasEvents events = ctx.canvas.end();
  ctx.cards.handleCanvasEvents(ctx, events);
}

void drawJourneyView(EditorContext& ctx) { drawJourneyView(ctx, moduleState()); }

}  // namespace mapathy::ui
