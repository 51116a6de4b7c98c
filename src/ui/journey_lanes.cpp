// Mapathy UI — the journey view: text lanes, score dragging, the emotion curve and expectation vs
// experience (see journey_drawer.hpp).
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

void JourneyDrawer::drawTextLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
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

// A touch-sized invisible button centred on a score marker. While it is held, the score follows the
// pointer's level; `apply(score, coalesceKey)` is called when the level changes.
JourneyDrawer::ScoreHandle JourneyDrawer::scoreHandle(const std::string& label, ImVec2 worldCentre, float laneTop, std::optional<int> current,
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

void JourneyDrawer::drawLevelLines(float top) {
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

void JourneyDrawer::tooltipForScore(const Stage& stage, const char* whichKey, std::optional<int> score, const std::string& reason) {
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
void JourneyDrawer::dragBadge(ImVec2 worldCentre, float worldOffset, int score) {
  const std::string text = formatScore(score) + "  " + tr(scoreWordKey(score));
  const ImVec2 pos = p_.at(ImVec2(worldCentre.x + worldOffset, worldCentre.y - 10.0f));
  drawPill(p_.dl, pos, text.c_str(), colours::kInk, colours::kSurface, std::max(p_.len(kSmallFont), 9.0f));
}

void JourneyDrawer::drawEmotionLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
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
      drawEditField("edit:reason:" + key, ImVec2(rMin.x, rMin.y + 4.0f), rMax, kBodyFont, true, tr("journey.reasonPlaceholder"),
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
        // Centred, in the lines its editing shows (text_box.hpp).
        const ImVec2 at = p_.at(ImVec2(rMin.x, rMin.y + 4.0f));
        const ImVec2 end = p_.at(rMax);
        const ImVec4 clip(at.x, at.y, end.x, end.y);
        ctx_.cards.boxes().show("reason:" + key, p_.dl, at,
                                TextLook{kBodyFont, rMax.x - rMin.x, ctx_.canvas.zoom(), rgb(colours_.text)}, reason, &clip,
                                true);
      }
    }
  }
}

void JourneyDrawer::drawExpectationLane(const std::vector<Stage>& stages, const Lane& lane, float top, float height) {
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
          if (diff < 0) ImGui::TextUnformatted(text::format(tr("journey.gapWorse"), -diff).c_str());
          else if (diff > 0) ImGui::TextUnformatted(text::format(tr("journey.gapBetter"), diff).c_str());
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
      const std::string text = diff < 0   ? text::format(tr("journey.gapWorse"), -diff)
                               : diff > 0 ? text::format(tr("journey.gapBetter"), diff)
                                          : std::string(tr("journey.gapNone"));
      const ImVec2 tMin(Geometry::stageLeft(i) + M::kCellPadding, journeyScoreY(top, kScoreMin) + 16.0f);
      const ImVec2 tMax(Geometry::stageLeft(i + 1) - M::kCellPadding, top + height - 4.0f);
      const ImVec2 ts = p_.measure(kSmallFont, text, tMax.x - tMin.x);
      p_.textIn(ImVec2(std::max(tMin.x, (tMin.x + tMax.x - ts.x) * 0.5f), tMin.y), tMax, kSmallFont,
                diff < 0 ? rgb(colours_.gapWorse) : rgb(colours_.muted), text, true);
    }
  }
}

}  // namespace journey

}  // namespace mapathy::ui
