// Mapathy UI — the journey-board view (see journey_view.hpp): drawJourneyView, the layout, drawing
// helpers and the drawer's frame (the rest of the drawer: journey_headers.cpp, journey_lanes.cpp).
#include "ui/journey_view.hpp"

#include "ui/journey_drawer.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "core/base/text.hpp"
#include "imgui_internal.h"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {
namespace journey {

ImVec2 add(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }

ImVec2 sub(ImVec2 a, ImVec2 b) { return ImVec2(a.x - b.x, a.y - b.y); }

ImVec2 scale(ImVec2 a, float s) { return ImVec2(a.x * s, a.y * s); }

ImU32 rgb(Rgb c, std::uint8_t alpha) { return toImU32(c, alpha); }

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

float emotionLaneHeight() { return M::kPlotTop + kPlotHeight + 26.0f + M::kEmotionReasonHeight; }

float expectationLaneHeight() { return M::kPlotTop + kPlotHeight + 44.0f; }

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

const char* defaultLaneNameKey(const LaneChoice& c) {
  if (c.kind == LaneKind::Emotion) return "journey.emotionName";
  if (c.kind == LaneKind::Expectation) return "journey.expectationName";
  if (c.role[0] == '\0') return "journey.role.customName";
  return c.nameKey;
}

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

ImFont* Painter::face(float px, std::string_view text, ImFont* with) const {
  if (with != nullptr && with != heading) return with;
  return fontForSize(px, with != nullptr, text.data(), text.data() + text.size());
}

ImFont* headingFont() {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : ImGui::GetFont();
}

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

// `geometry`: this frame's layout, computed before the canvas began (see drawJourneyView).
void JourneyDrawer::draw(Geometry geometry) {
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

// A square icon button at a world position; `icon` draws into the screen square.
bool JourneyDrawer::iconButtonAt(const std::string& id, ImVec2 worldMin, float worldSize, const char* tip, bool enabled,
                  const std::function<void(ImVec2 centre, float size, ImU32 col)>& icon, ImU32 hoverFill) {
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

bool JourneyDrawer::chevronButton(const std::string& id, ImVec2 worldMin, ImGuiDir dir, const char* tip, bool enabled) {
  return iconButtonAt(id, worldMin, M::kControl, tip, enabled,
                      [&](ImVec2 c, float s, ImU32 col) { drawChevron(p_.dl, c, s, dir, col); });
}

bool JourneyDrawer::trashButton(const std::string& id, ImVec2 worldMin, const char* tip) {
  return iconButtonAt(
      id, worldMin, M::kControl, tip, true,
      [&](ImVec2 c, float s, ImU32 col) {
        const float icon = s * 0.46f;
        drawIcon(p_.dl, Icon::Trash, ImVec2(c.x - icon * 0.5f, c.y - icon * 0.5f), icon, col);
      },
      colours::kDangerSoft);
}

bool JourneyDrawer::editing(Field field, const std::string& id, const std::string& stage) const {
  return st_.edit.field == field && st_.edit.id == id && st_.edit.stage == stage;
}

void JourneyDrawer::startEdit(Field field, const std::string& id, const std::string& stage, const std::string& text) {
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
void JourneyDrawer::drawEditField(const std::string& label, ImVec2 worldMin, ImVec2 worldMax, float worldFont, bool multiline,
                   const char* hint, const std::function<void(const std::string&)>& apply) {
  auto& e = st_.edit;
  const ImVec2 a = p_.at(worldMin);
  const ImVec2 b = p_.at(worldMax);
  if (multiline) {
    // Wrapped as it is shown (the same key's lines: "edit:reason:…" edits what "reason:…" shows), in the
    // platform's text field (text_box.hpp); the gesture ends with the editing.
    ImGui::SetCursorScreenPos(a);
    ImGui::InvisibleButton(label.c_str(), ImVec2(std::max(b.x - a.x, 1.0f), std::max(b.y - a.y, 1.0f)));
    const TextLook look{worldFont, worldMax.x - worldMin.x, ctx_.canvas.zoom(), rgb(colours_.text)};
    const int r = ctx_.cards.boxes().edit(ctx_, label.substr(label.find(':') + 1), a, look, &e.buffer, b.y - a.y, hint);
    if ((r & TextBoxes::kChanged) != 0) apply(e.buffer);
    if ((r & TextBoxes::kEnded) != 0) e = JourneyViewState::Edit{};
    return;
  }
  const float baseSize = ImGui::GetFontSize();
  ImGui::SetWindowFontScale(baseSize > 0 ? ctx_.canvas.fontSize(worldFont) / baseSize : 1.0f);
  ImGui::SetCursorScreenPos(a);
  if (e.focus) {
    ImGui::SetKeyboardFocusHere();
    e.focus = false;
  }
  ImGui::SetNextItemWidth(b.x - a.x);
  const bool changed = inputTextWithHint(label.c_str(), hint, &e.buffer, ImGuiInputTextFlags_AutoSelectAll);
  ImGui::SetWindowFontScale(1.0f);
  if (changed) apply(e.buffer);
  ++e.frames;
  if (ImGui::IsItemDeactivated() || (!ImGui::IsItemActive() && e.frames > 2)) {
    doc_.endGesture();
    e = JourneyViewState::Edit{};
  }
}

void JourneyDrawer::drawGridBackground(const Board& board) {
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

}  // namespace journey

using journey::Field;
using journey::Geometry;
using journey::JourneyDrawer;
using journey::layout;
using M = JourneyMetrics;

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

}  // namespace mapathy::ui
