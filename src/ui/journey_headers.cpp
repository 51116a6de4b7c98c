// Mapathy UI — the journey view: stage and lane headers, their legends and the "add stage / add lane"
// tiles (see journey_drawer.hpp).
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

void JourneyDrawer::drawStageHeader(const Stage& stage, std::size_t index, std::size_t count) {
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
    drawEditField("edit:stage-description:" + stage.id, descMin, descMax, kBodyFont, true, tr("journey.stageDescription"),
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
    const TextLook look{kBodyFont, descMax.x - descMin.x, ctx_.canvas.zoom(),
                        empty ? withAlpha(rgb(colours_.muted), 0.6f) : rgb(colours_.muted)};
    const ImVec2 clipMin = p_.at(descMin);
    const ImVec2 clipMax = p_.at(descMax);
    const ImVec4 clip(clipMin.x, clipMin.y, clipMax.x, clipMax.y);
    if (empty) {
      drawWrapped(p_.dl, clipMin, look, tr("journey.stageDescription"), &clip);
    } else {
      ctx_.cards.boxes().show("stage-description:" + stage.id, p_.dl, clipMin, look, stage.description, &clip);
    }
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

void JourneyDrawer::drawLaneHeader(const Lane& lane, std::size_t index, std::size_t count, float top, float height) {
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
float JourneyDrawer::drawEmotionLegend(const Lane& lane, ImVec2 at, float right) {
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

float JourneyDrawer::drawExpectationLegend(ImVec2 at) {
  const float r = 6.0f;
  drawDiamond(p_.dl, p_.at(ImVec2(at.x + r, at.y + 8.0f)), p_.len(r), rgb(colours_.expectation),
              rgb(colours_.expectation));
  p_.text(ImVec2(at.x + 2.0f * r + 6.0f, at.y), kSmallFont, rgb(colours_.text), tr("journey.expectation"));
  const float y = at.y + 18.0f;
  p_.dl->AddCircleFilled(p_.at(ImVec2(at.x + r, y + 8.0f)), p_.len(r), rgb(colours_.experience), 16);
  p_.text(ImVec2(at.x + 2.0f * r + 6.0f, y), kSmallFont, rgb(colours_.text), tr("journey.experience"));
  return y + 22.0f;
}

// A dashed "add" tile with a plus and a label.
bool JourneyDrawer::addTile(const std::string& id, ImVec2 worldMin, ImVec2 worldMax, const char* text, const char* tip) {
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

void JourneyDrawer::drawAddStage(std::size_t stageCount) {
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
    // The board's language, not the reader's: the name becomes part of the board (like a template's words),
    // so it is not a UI string (the web app loads only the reader's language).
    const char* pattern = board.lang == Lang::De ? "Phase %d" : "Stage %d";
    const std::string name = text::format(pattern, static_cast<int>(board.stages.size()) + 1);
    const std::string newId = doc_.addStage(name);
    if (!newId.empty()) startEdit(Field::StageName, newId, "", name);
  }
}

void JourneyDrawer::drawAddLane() {
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

}  // namespace journey

}  // namespace mapathy::ui
