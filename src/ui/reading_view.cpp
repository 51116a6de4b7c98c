// Mapathy UI — the reading layout (see reading_view.hpp).
#include "ui/reading_view.hpp"

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "core/base/text.hpp"
#include "ui/canvas.hpp"
#include "ui/drawn_text.hpp"
#include "ui/empathy_parts.hpp"
#include "ui/i18n.hpp"
#include "ui/journey_drawer.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"

namespace mapathy::ui {

namespace {

const UiString kReadingStrings[] = {
    {"toolbar.more", "More", "Mehr"},
    {"toolbar.wholeBoard", "Whole board", "Ganze Tafel"},
    {"toolbar.wholeBoardTip", "Show the whole board to zoom and arrange", "Die ganze Tafel zeigen (zoomen, anordnen)"},
    {"toolbar.reading", "Reading view", "Leseansicht"},
    {"toolbar.readingTip", "One column, readable on a phone", "Eine Spalte, auf dem Handy gut lesbar"},
    {"reading.prev", "Previous stage", "Vorige Phase"},
    {"reading.next", "Next stage", "Nächste Phase"},
    {"reading.stageOf", "Stage %d of %d", "Phase %d von %d"},
    {"reading.noStages", "This journey has no stages yet: add them on the whole board.",
     "Diese Journey hat noch keine Phasen: Füge sie auf der ganzen Tafel hinzu."},
    {"reading.noScore", "No score yet", "Noch keine Bewertung"},
};

constexpr float kMargin = 12.0f;  // between the screen's edge and the column, world = CSS px
constexpr float kGap = 12.0f;     // between regions
constexpr float kInset = 14.0f;   // inside a region (as on the whole board)
constexpr float kRoom = 20.0f;    // under a region's notes
constexpr float kLaneTitle = 17.0f;
constexpr float kBody = 15.0f;

// Section indices in reading order: the template's grid row by row, left to right.
std::vector<std::size_t> readingOrder(const Board& board) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < board.sections.size(); ++i) {  // insertion: a handful of regions, stable
    const Rect& r = board.sections[i].rect;
    auto at = order.end();
    while (at != order.begin()) {
      const Rect& before = board.sections[*(at - 1)].rect;
      if (before.y < r.y || (before.y == r.y && before.x <= r.x)) break;
      --at;
    }
    order.insert(at, i);
  }
  return order;
}

float wrappedHeight(const char* text, float size, float width) {
  return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, width, text).y;
}

// A note that just began to be edited ("+", double-tap) is scrolled into the upper part of the screen,
// where a phone's keyboard does not cover it. Call after the canvas ended (the cards know where they are).
void revealEditedNote(EditorContext& ctx, ReadingViewState& state) {
  const std::string& editing = ctx.cards.editing();
  if (editing.empty() || editing == state.revealed) {
    if (editing.empty()) state.revealed.clear();
    return;
  }
  const auto c = ctx.cards.lastWorldCentre(editing);
  if (!c) return;  // drawn next frame
  state.revealed = editing;
  const Canvas& cv = ctx.canvas;
  const float top = cv.viewMinWorld().y;
  const float h = cv.viewMaxWorld().y - top;
  if (c->y < top + 60.0f || c->y > top + h * 0.45f) {
    ctx.canvas.centreOn(ImVec2(c->x, c->y + h * 0.2f));  // its centre at 30 % of the height
  }
}

}  // namespace

void registerReadingStrings() { registerStrings(kReadingStrings, sizeof kReadingStrings / sizeof kReadingStrings[0]); }

bool prefersReadingLayout(const Board& board, float width) {
  constexpr float kFitMargins = 64.0f;  // Canvas::fit leaves 32 px on each side
  if (board.kind == BoardKind::EmpathyMap) {
    return width < 2.0f * 300.0f * kReadableZoom + kFitMargins;  // two region columns (empathy_view.cpp)
  }
  return width < (JourneyMetrics::kLaneHeaderWidth + JourneyMetrics::kStageWidth) * kReadableZoom + kFitMargins;
}

// ---------------------------------------------------------------------------------------------
// Empathy map: one column
// ---------------------------------------------------------------------------------------------
void drawEmpathyReading(EditorContext& ctx, EmpathyViewState& state, ReadingViewState& reading) {
  ImVec2 size = ctx.canvasSize;
  if (size.x <= 0 || size.y <= 0) size = ImGui::GetContentRegionAvail();
  const Board& board = ctx.doc.board();
  const float x0 = kMargin;
  const float x1 = std::max(x0 + 160.0f, size.x - kMargin);
  const float cw = x1 - x0;

  struct Block {
    std::size_t index;
    float top, header, bottom;
  };
  std::vector<Block> blocks;
  float y = kMargin;
  const float personaTop = y;
  const float personaH = empathy::personaHeight(board.persona, cw, state.editingPersona);
  y += personaH + kGap;
  for (const std::size_t i : readingOrder(board)) {
    const Section& s = board.sections[i];
    const float header = empathy::sectionHeaderHeight(s, cw);
    const float cards = ctx.cards.measurePlace(ctx, Place{s.id, "", ""}, cw - kInset * 2.0f);
    const float h = header + cards + kInset + kRoom;
    blocks.push_back(Block{i, y, header, y + h});
    y += h + kGap;
  }
  ctx.contentMin = ImVec2(0, 0);
  ctx.contentMax = ImVec2(size.x, y + kMargin);
  ctx.canvas.setContent(ctx.contentMin, ctx.contentMax);
  ctx.canvas.begin("##reading-canvas", size);

  for (const Block& bl : blocks) {
    if (bl.index >= ctx.doc.board().sections.size()) break;  // a "+" below removed nothing, but be safe
    const Section s = ctx.doc.board().sections[bl.index];    // copy: adding a note may reallocate
    int count = 0;
    for (const auto& n : ctx.doc.board().notes) count += n.section == s.id ? 1 : 0;
    empathy::drawSection(ctx, s, count, ImVec2(x0, bl.top), ImVec2(x1, bl.bottom));
    const char* hint = touchMode() ? tr("section.emptyTouch") : tr("section.empty");
    ctx.cards.drawPlace(ctx, Place{s.id, "", ""}, ImVec2(x0 + kInset, bl.top + bl.header),
                        ImVec2(x1 - kInset, bl.bottom - kInset), s.colour, hint);
  }
  if (ctx.canvas.visible(ImVec2(x0, personaTop), ImVec2(x1, personaTop + personaH))) {
    empathy::drawPersona(ctx, state, ImVec2(x0, personaTop), ImVec2(x1, personaTop + personaH));
  }

  CanvasEvents ev = ctx.canvas.end();
  if (ev.doubleClicked) {  // double-tap in a region adds a note there, as on the whole board
    for (const Block& bl : blocks) {
      if (bl.index < ctx.doc.board().sections.size() && ev.world.y >= bl.top && ev.world.y <= bl.bottom) {
        const Section& s = ctx.doc.board().sections[bl.index];
        const std::string id = s.id;
        const int colour = s.colour;
        ctx.cards.addNoteAndEdit(ctx, Place{id, "", ""}, colour);
        break;
      }
    }
    ev.doubleClicked = false;
  }
  ctx.cards.handleCanvasEvents(ctx, ev);
  revealEditedNote(ctx, reading);
}

// ---------------------------------------------------------------------------------------------
// Journey board: one stage at a time
// ---------------------------------------------------------------------------------------------
namespace {

// A round ◀ / ▶ button, 44 px.
bool chevron(const char* key, ImGuiDir dir, bool enabled) {
  const float s = std::max(44.0f, minTarget());
  const std::string lbl = std::string(tr(key)) + "###" + key;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (!enabled) ImGui::BeginDisabled();
  const bool clicked = ImGui::InvisibleButton(lbl.c_str(), ImVec2(s, s));
  const bool hovered = ImGui::IsItemHovered();
  if (!enabled) ImGui::EndDisabled();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 c(p.x + s * 0.5f, p.y + s * 0.5f);
  dl->AddCircleFilled(c, s * 0.42f, hovered && enabled ? colours::kPrimarySoft : colours::kCanvas);
  journey::drawChevron(dl, c, s * 0.5f, dir, enabled ? colours::kInk : withAlpha(colours::kInkMuted, 0.4f));
  return clicked && enabled;
}

// The bar above the lanes: ◀ stage name (n of N) ▶, then the emotion curve across all stages.
float stageBar(const Board& board, ReadingViewState& state, float width) {
  const Lane* emotion = nullptr;
  for (const Lane& l : board.lanes) {
    if (l.kind == LaneKind::Emotion) {
      emotion = &l;
      break;
    }
  }
  const float rowH = std::max(44.0f, minTarget());
  const float stripH = 44.0f;
  const float barH = rowH + stripH + 16.0f;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kSurface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 6));
  ImGui::BeginChild("##reading-stages", ImVec2(width, barH), ImGuiChildFlags_AlwaysUseWindowPadding,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  const std::size_t n = board.stages.size();
  const Stage& stage = board.stages[state.stage];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 start = ImGui::GetCursorScreenPos();
  const float inner = ImGui::GetContentRegionAvail().x;
  if (chevron("reading.prev", ImGuiDir_Left, state.stage > 0)) --state.stage;
  ImGui::SameLine(0, 0);
  {
    const float w = std::max(1.0f, inner - rowH * 2.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, rowH));
    const std::string name = stage.name.empty() ? std::string("—") : stage.name;
    const std::string of = text::format(tr("reading.stageOf"), static_cast<int>(state.stage) + 1, static_cast<int>(n));
    ImFont* bold = boldFont();
    const float fs = ImGui::GetFontSize() * 1.05f;
    const DrawnText drawnName(name);  // an emoji sequence in the name: one glyph
    ImVec2 ts = bold->CalcTextSizeA(fs, FLT_MAX, 0.0f, drawnName.begin(), drawnName.end());
    const ImVec2 os = ImGui::CalcTextSize(of.c_str());
    const float clipX = p.x + w - 4.0f;
    const ImVec4 clip(p.x + 4.0f, p.y, clipX, p.y + rowH);
    const float nx = std::max(p.x + 4.0f, p.x + (w - ts.x) * 0.5f);
    const float ty = p.y + (rowH - ts.y - os.y) * 0.5f;
    dl->AddText(bold, fs, ImVec2(nx, ty), colours::kInk, drawnName.begin(), drawnName.end(), 0.0f, &clip);
    dl->AddText(ImVec2(p.x + (w - os.x) * 0.5f, ty + ts.y), colours::kInkMuted, of.c_str());
  }
  ImGui::SameLine(0, 0);
  if (chevron("reading.next", ImGuiDir_Right, state.stage + 1 < n)) ++state.stage;

  // The strip: a face (or a dot) per stage on its score's height, joined; the shown stage ringed.
  const float top = start.y + rowH + 8.0f;
  const float step = inner / static_cast<float>(n);
  std::vector<ImVec2> pts;
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<int> score;
    if (emotion != nullptr) {
      const auto it = emotion->emotions.find(board.stages[i].id);
      if (it != emotion->emotions.end()) score = it->second.asIs;
    }
    const float cx = start.x + step * (static_cast<float>(i) + 0.5f);
    const float cy = top + stripH * 0.5f - static_cast<float>(score.value_or(0)) * 7.0f;
    pts.emplace_back(cx, cy);
  }
  if (emotion != nullptr && pts.size() > 1) {
    dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), withAlpha(colours::kInkMuted, 0.6f), 0, 2.0f);
  }
  for (std::size_t i = 0; i < n; ++i) {
    ImGui::SetCursorScreenPos(ImVec2(start.x + step * static_cast<float>(i), top));
    const std::string lbl = (board.stages[i].name.empty() ? std::string("—") : board.stages[i].name) +
                            "###reading.stage." + board.stages[i].id;
    if (ImGui::InvisibleButton(lbl.c_str(), ImVec2(std::max(step, 1.0f), stripH))) state.stage = i;
    std::optional<int> score;
    if (emotion != nullptr) {
      const auto it = emotion->emotions.find(board.stages[i].id);
      if (it != emotion->emotions.end()) score = it->second.asIs;
    }
    if (i == state.stage) dl->AddCircle(pts[i], 14.0f, colours::kPrimary, 32, 2.5f);
    if (score) {
      journey::drawFace(dl, pts[i], 10.0f, *score, toImU32(emotionColour(*score)), colours::kInk);
    } else {
      dl->AddCircleFilled(pts[i], 5.0f, i == state.stage ? colours::kPrimary : colours::kInkMuted);
    }
  }
  ImGui::EndChild();
  return barH;
}

}  // namespace

void drawJourneyReading(EditorContext& ctx, ReadingViewState& state) {
  registerJourneyStrings();  // lane names, hints and score words (the whole board's table)
  ImVec2 size = ctx.canvasSize;
  if (size.x <= 0 || size.y <= 0) size = ImGui::GetContentRegionAvail();
  const Board& board = ctx.doc.board();
  if (board.stages.empty()) {
    ctx.contentMin = ImVec2(0, 0);
    ctx.contentMax = size;
    ctx.canvas.setContent(ctx.contentMin, ctx.contentMax);
    ctx.canvas.begin("##reading-canvas", size);
    ImGui::SetCursorScreenPos(ImVec2(ctx.canvas.origin().x + kMargin, ctx.canvas.origin().y + kMargin));
    ImGui::PushTextWrapPos(ctx.canvas.origin().x + size.x - kMargin);
    ImGui::TextUnformatted(tr("reading.noStages"));
    ImGui::PopTextWrapPos();
    ctx.canvas.end();
    return;
  }
  state.stage = std::min(state.stage, board.stages.size() - 1);
  const float barH = stageBar(board, state, size.x);
  size.y = std::max(1.0f, size.y - barH);
  const Stage stage = ctx.doc.board().stages[state.stage];

  const float x0 = kMargin;
  const float x1 = std::max(x0 + 160.0f, size.x - kMargin);
  const float cw = x1 - x0;
  const float inner = cw - kInset * 2.0f;
  const float titleH = kInset + kLaneTitle * 1.3f + 14.0f;
  struct Block {
    std::size_t lane;  // index in the board's lanes
    float top, bottom;
  };
  std::vector<Block> blocks;
  float y = kMargin;
  float descH = 0.0f;
  if (!stage.description.empty()) {
    descH = wrappedHeight(stage.description.c_str(), kBody, cw) + 8.0f;
    y += descH;
  }
  const std::vector<Lane>& lanes = ctx.doc.board().lanes;
  for (std::size_t li = 0; li < lanes.size(); ++li) {
    const Lane& lane = lanes[li];
    float h = titleH;
    switch (lane.kind) {
      case LaneKind::Text:
        h += ctx.cards.measurePlace(ctx, Place{"", stage.id, lane.id}, inner) + kInset + kRoom;
        break;
      case LaneKind::Emotion: {
        const auto it = lane.emotions.find(stage.id);
        const std::string reason = it != lane.emotions.end() ? it->second.reason : std::string();
        h += 36.0f + (reason.empty() ? 0.0f : wrappedHeight(reason.c_str(), kBody, inner - 48.0f)) + kInset;
        break;
      }
      case LaneKind::Expectation:
        h += 30.0f + kInset;
        break;
    }
    blocks.push_back(Block{li, y, y + h});
    y += h + kGap;
  }
  ctx.contentMin = ImVec2(0, 0);
  ctx.contentMax = ImVec2(size.x, y + kMargin);
  Canvas& cv = ctx.canvas;
  cv.setContent(ctx.contentMin, ctx.contentMax);
  if (state.shown != state.stage) {
    cv.scrollToTop();  // another stage starts at its top
    state.shown = state.stage;
  }
  cv.begin("##reading-canvas", size);
  ImDrawList* dl = cv.drawList();
  if (descH > 0.0f) {
    dl->AddText(ImGui::GetFont(), kBody, cv.toScreen(ImVec2(x0, kMargin)), colours::kInkMuted,
                stage.description.c_str(), nullptr, cw);
  }
  for (const Block& bl : blocks) {
    if (!cv.visible(ImVec2(x0, bl.top), ImVec2(x1, bl.bottom)) || bl.lane >= ctx.doc.board().lanes.size()) continue;
    const Lane& lane = ctx.doc.board().lanes[bl.lane];  // "+" below adds a note: lanes stay as they are
    const std::string laneId = lane.id;
    const int colour = journey::defaultColourFor(lane);
    const NoteColour& pal = noteColour(colour);
    const ImVec2 a = cv.toScreen(ImVec2(x0, bl.top));
    const ImVec2 b = cv.toScreen(ImVec2(x1, bl.bottom));
    dl->AddRectFilled(a, b, lane.kind == LaneKind::Text ? pal.tint : colours::kSurface, 14.0f);
    dl->AddRect(a, b, withAlpha(pal.accent, 0.25f), 14.0f, 0, 1.0f);
    dl->AddRectFilled(ImVec2(a.x + kInset, a.y + 8.0f), ImVec2(a.x + kInset + 36.0f, a.y + 12.0f), pal.accent, 2.0f);
    ImFont* bold = fontForSize(kLaneTitle, true, lane.name.c_str());
    const ImVec4 clip(a.x, a.y, b.x - 56.0f, b.y);
    const DrawnText laneName(lane.name);
    dl->AddText(bold, kLaneTitle, ImVec2(a.x + kInset, a.y + kInset + 2.0f), colours::kInk, laneName.begin(),
                laneName.end(), 0.0f, &clip);
    const float body = a.y + titleH;
    switch (lane.kind) {
      case LaneKind::Text: {
        const float s = 44.0f;
        const ImVec2 bp(b.x - kInset - s + 6.0f, a.y + 4.0f);
        ImGui::SetCursorScreenPos(bp);
        const std::string id = "add-note:" + laneId + ":" + stage.id;
        const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(s, s));
        const bool hovered = ImGui::IsItemHovered();
        const ImVec2 c(bp.x + s * 0.5f, bp.y + s * 0.5f);
        dl->AddCircleFilled(c, s * 0.36f, hovered ? pal.accent : colours::kSurface);
        dl->AddCircle(c, s * 0.36f, withAlpha(pal.accent, 0.6f), 32, 1.0f);
        drawIcon(dl, Icon::Plus, ImVec2(c.x - s * 0.2f, c.y - s * 0.2f), s * 0.4f, hovered ? pal.onAccent : pal.accent);
        if (clicked) ctx.cards.addNoteAndEdit(ctx, Place{"", stage.id, laneId}, colour);
        ctx.cards.drawPlace(ctx, Place{"", stage.id, laneId}, ImVec2(x0 + kInset, bl.top + titleH),
                            ImVec2(x1 - kInset, bl.bottom - kInset), colour,
                            tr(touchMode() ? "journey.emptyCellTouch" : "journey.emptyCell"));
        break;
      }
      case LaneKind::Emotion: {
        const auto it = lane.emotions.find(stage.id);
        const std::optional<int> score = it != lane.emotions.end() ? it->second.asIs : std::nullopt;
        const ImVec2 c(a.x + kInset + 16.0f, body + 16.0f);
        if (score) {
          journey::drawFace(dl, c, 16.0f, *score, toImU32(emotionColour(*score)), colours::kInk);
        } else {
          journey::drawEmptyMarker(dl, c, 16.0f, colours::kInkMuted);
        }
        const std::string word = score ? journey::formatScore(*score) + "  " + tr(journey::scoreWordKey(*score))
                                       : std::string(tr("reading.noScore"));
        dl->AddText(ImGui::GetFont(), kBody, ImVec2(c.x + 28.0f, c.y - kBody * 0.6f), colours::kInk, word.c_str());
        if (it != lane.emotions.end() && !it->second.reason.empty()) {
          dl->AddText(ImGui::GetFont(), kBody, ImVec2(c.x + 28.0f, c.y + 20.0f), colours::kInkMuted,
                      it->second.reason.c_str(), nullptr, inner - 48.0f);
        }
        break;
      }
      case LaneKind::Expectation: {
        const auto it = lane.gaps.find(stage.id);
        auto fmt = [](const std::optional<int>& v) { return v ? journey::formatScore(*v) : std::string("–"); };
        const std::string line = std::string(tr("journey.expectation")) + " " +
                                 fmt(it != lane.gaps.end() ? it->second.expectation : std::nullopt) + "  ·  " +
                                 tr("journey.experience") + " " +
                                 fmt(it != lane.gaps.end() ? it->second.experience : std::nullopt);
        dl->AddText(ImGui::GetFont(), kBody, ImVec2(a.x + kInset, body + 4.0f), colours::kInk, line.c_str());
        break;
      }
    }
  }
  CanvasEvents ev = cv.end();
  if (ev.swipeX < 0.0f && state.stage + 1 < ctx.doc.board().stages.size()) {
    ++state.stage;
  } else if (ev.swipeX > 0.0f && state.stage > 0) {
    --state.stage;
  }
  if (ev.doubleClicked) {
    for (const Block& bl : blocks) {
      if (bl.lane >= ctx.doc.board().lanes.size()) continue;
      const Lane& lane = ctx.doc.board().lanes[bl.lane];
      if (lane.kind == LaneKind::Text && ev.world.y >= bl.top && ev.world.y <= bl.bottom) {
        const std::string id = lane.id;
        ctx.cards.addNoteAndEdit(ctx, Place{"", stage.id, id}, journey::defaultColourFor(lane));
        break;
      }
    }
    ev.doubleClicked = false;
  }
  ctx.cards.handleCanvasEvents(ctx, ev);
  revealEditedNote(ctx, state);
}

}  // namespace mapathy::ui
