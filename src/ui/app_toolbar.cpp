// Mapathy UI — the board's toolbar (title, undo, zoom, filter, actions, text view, workshop, touch,
// language, share), the filter bar and the language switch.
#include "ui/app_internal.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/text.hpp"
#include "ui/drawn_text.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

// A thin vertical rule between toolbar groups.
void toolbarRule(float h) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(1.0f, h));
  ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + h * 0.22f), ImVec2(p.x, p.y + h * 0.78f), colours::kBorder,
                                      1.0f);
}
}  // namespace

float App::Impl::languageSwitchWidth() const {
  const float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  return std::max(ImGui::CalcTextSize("DE").x + pad, h) + std::max(ImGui::CalcTextSize("EN").x + pad, h) + 2.0f;
}

void App::Impl::languageSwitch() {
  const Lang cur = uiLang();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, 0));
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  auto one = [&](const char* text, const char* id, Lang l) {
    const bool on = cur == l;
    ImGui::PushStyleColor(ImGuiCol_Button, on ? colours::kPrimarySoft : colours::kSurface);
    ImGui::PushStyleColor(ImGuiCol_Text, on ? colours::kPrimary : colours::kInkMuted);
    const std::string lbl = std::string(text) + "###" + id;
    const float w = std::max(ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2.0f, h);
    if (ImGui::Button(lbl.c_str(), ImVec2(w, h))) {  // square at least: a finger-sized target in touch mode
      setUiLang(l);
    }
    ImGui::PopStyleColor(2);
  };
  one("DE", "lang.de", Lang::De);
  ImGui::SameLine();
  one("EN", "lang.en", Lang::En);
  ImGui::PopStyleVar();
}

namespace {

// Toolbar items that may move into the "More" menu, most important first: on a narrow screen the bar
// keeps as many of them as fit, in this order, and the menu holds the rest with the same labels. (The
// layout toggle counts as third only where the reading layout is chosen by itself; elsewhere as last.)
enum class Tool { Undo, Redo, Layout, Workshop, Language, Zoom, Filter, Actions, TextView, Touch };
constexpr Tool kRanked[] = {Tool::Undo, Tool::Redo,   Tool::Layout,  Tool::Workshop, Tool::Language,
                            Tool::Zoom, Tool::Filter, Tool::Actions, Tool::TextView, Tool::Touch};
constexpr int kTools = static_cast<int>(sizeof kRanked / sizeof kRanked[0]);

// The note of the first stage and lane that has one ("" when there is none).
std::string firstJourneyNote(const Board& board) {
  for (const Stage& stage : board.stages) {
    for (const Lane& lane : board.lanes) {
      for (const Note& n : board.notes) {
        if (n.stage == stage.id && n.lane == lane.id) return n.id;
      }
    }
  }
  return {};
}

// The "More" button: three dots, a finger-sized square.
bool moreButton(const std::string& lbl, float h, bool open) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(lbl.c_str(), ImVec2(h, h));
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (hovered || open) {
    dl->AddRectFilled(p, ImVec2(p.x + h, p.y + h), open ? colours::kPrimarySoft : IM_COL32(241, 243, 246, 255),
                      ImGui::GetStyle().FrameRounding);
  }
  const float r = std::max(2.0f, ImGui::GetFontSize() * 0.13f);
  for (int i = -1; i <= 1; ++i) {
    dl->AddCircleFilled(ImVec2(p.x + h * 0.5f + static_cast<float>(i) * r * 3.2f, p.y + h * 0.5f), r, colours::kInk);
  }
  if (hovered) {
    ImGui::SetTooltip("%s", lbl.substr(0, lbl.find("###")).c_str());
  }
  return clicked;
}

}  // namespace

void App::Impl::toolbar() {
  Document& d = *doc();
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  constexpr float kSpacing = 6.0f;
  constexpr float kMinTitle = 220.0f;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(kSpacing, 6));

  std::string actionsLabel = std::string(tr("toolbar.actions"));
  if (!d.board().actions.empty()) {
    actionsLabel += " (" + std::to_string(d.board().actions.size()) + ")";
  }
  actionsLabel += "###toolbar.actions";
  const std::string backLabel = label("toolbar.back");
  const std::string filterLabel = label("toolbar.filter");
  const std::string textViewLabel = label("export.textView");
  const std::string workshopLabel = label("workshop.toolbar");
  const std::string shareLabel = label("toolbar.share");
  const std::string moreLabel = label("toolbar.more");
  const bool reading = readingLayout();
  const std::string layoutLabel = reading ? label("toolbar.wholeBoard") : label("toolbar.reading");
  // The layout toggle: with its text where the reading layout is chosen by itself (a narrow screen), as an
  // icon elsewhere (the reading view is there for anyone, e.g. to read a big board on a tablet).
  const bool layoutIcon = !view.narrow;
  const bool hasZoom = !reading;  // the reading layout has one size; "Whole board" zooms

  // What fits, from measured widths (German labels are longer). Level 0: every button shows its text;
  // each level turns more of them into icons (tooltips, same labels): 1 text view and workshop, 2 filter and
  // actions, 3 back, 4 share. When even level 4 leaves the title too little room, the least important tools
  // move into the "More" menu, one by one (kRanked), and the title shrinks to an ellipsis.
  const float pctW = ImGui::CalcTextSize("000%").x;
  const float iconW = iconButtonWidth("x", true);
  auto toolWidth = [&](Tool t, int level) -> float {
    switch (t) {
      case Tool::Undo:
      case Tool::Redo:
      case Tool::Touch:
        return iconW;
      case Tool::Layout:
        return iconButtonWidth(layoutLabel.c_str(), layoutIcon || level >= 4);
      case Tool::Workshop:
        return iconButtonWidth(workshopLabel.c_str(), level >= 1);
      case Tool::Language:
        return languageSwitchWidth();
      case Tool::Zoom:
        return hasZoom ? iconW * 3.0f + pctW + kSpacing * 3.0f : -kSpacing;
      case Tool::Filter:
        return iconButtonWidth(filterLabel.c_str(), level >= 2);
      case Tool::Actions:
        return iconButtonWidth(actionsLabel.c_str(), level >= 2);
      case Tool::TextView:
        return iconButtonWidth(textViewLabel.c_str(), level >= 1);
    }
    return 0.0f;
  };
  auto fixedWidth = [&](int level) {  // back, share and the spaces around the title
    return iconButtonWidth(backLabel.c_str(), level >= 3) + iconButtonWidth(shareLabel.c_str(), level >= 4) +
           kSpacing * 3.0f + 12.0f;
  };
  const float avail = ImGui::GetContentRegionAvail().x;
  bool inBar[kTools];  // by Tool
  std::fill(inBar, inBar + kTools, true);
  Tool order[kTools];  // by importance here
  std::copy(kRanked, kRanked + kTools, order);
  if (!view.narrow) {
    std::rotate(order + 2, order + 3, order + kTools);  // the layout toggle last
  }
  int level = 0;
  auto allWidth = [&](int lv) {
    float w = fixedWidth(lv) + 2.0f * (1.0f + kSpacing) * 3.0f;  // three rules between groups
    for (const Tool t : kRanked) w += toolWidth(t, lv) + kSpacing;
    return w;
  };
  while (level < 4 && avail - allWidth(level) < kMinTitle) {
    ++level;
  }
  const bool overflow = avail - allWidth(level) < kMinTitle;
  float titleW = std::clamp(avail - allWidth(level), kMinTitle, 360.0f);
  if (overflow) {
    level = 4;
    // The title keeps at least a few words; the rest of the width goes to tools in order of importance.
    const float minTitle = std::clamp(avail * 0.28f, 72.0f, kMinTitle);
    float used = fixedWidth(level) + iconW + kSpacing + minTitle;
    bool full = false;
    for (const Tool t : order) {
      const float w = toolWidth(t, level) + kSpacing;
      full = full || used + w > avail;
      inBar[static_cast<int>(t)] = !full;
      if (!full) used += w;
    }
    titleW = std::clamp(avail - used + minTitle, minTitle, 360.0f);
  }
  auto shown = [&](Tool t) { return inBar[static_cast<int>(t)]; };
  bool clickedMore = false;

  if (iconButtonTip(backLabel.c_str(), Icon::Back, tr("toolbar.backTip"), level >= 3)) {
    if (view.titleActive) {
      d.endGesture();
    }
    view.cards.stopEditing(contextFor());
    screen = Screen::Start;
  }
  ImGui::SameLine();
  // The title: edited in place when it fits; else shortened with "…", and a tap shows it whole (with the
  // field to rename it) in a popup.
  if (!view.titleActive && view.titleBuffer != d.board().title) {
    view.titleBuffer = d.board().title;
  }
  const char* shownTitle = d.board().title.empty() ? tr("start.untitled") : d.board().title.c_str();
  const float titlePad = ImGui::GetStyle().FramePadding.x;
  // A title with emoji is drawn here too (a sequence as one glyph; the field would draw its members).
  const DrawnText drawnTitle(shownTitle);
  if (!view.titleActive && (ImGui::CalcTextSize(drawnTitle.begin(), drawnTitle.end()).x > titleW - titlePad * 2.0f ||
                            drawnTitle.begin() != shownTitle)) {
    const std::string shortTitle = ellipsized(std::string(drawnTitle.view()), titleW - titlePad * 2.0f);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton((std::string(tr("toolbar.title")) + "###toolbar.titleFull").c_str(),
                               ImVec2(titleW, h))) {
      ImGui::OpenPopup("##title-popup");
    }
    if (ImGui::IsItemHovered()) {
      ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + titleW, p.y + h), IM_COL32(241, 243, 246, 255),
                                                ImGui::GetStyle().FrameRounding);
    }
    ImGui::GetWindowDrawList()->AddText(ImVec2(p.x + titlePad, p.y + (h - ImGui::GetFontSize()) * 0.5f),
                                        d.board().title.empty() ? colours::kInkMuted : colours::kInk,
                                        shortTitle.c_str());
  } else {
    ImGui::SetNextItemWidth(titleW);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(titlePad, (h - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (inputTextWithHint("##toolbar.title", tr("start.untitled"), &view.titleBuffer)) {
      d.setTitle(view.titleBuffer);
    }
    view.titleActive = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivated()) {
      d.endGesture();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && !view.titleActive) {
      ImGui::SetTooltip("%s", tr("toolbar.title"));
    }
  }
  titlePopup();

  auto rule = [&]() {
    if (!overflow) {
      ImGui::SameLine();
      toolbarRule(h);
    }
  };
  auto undoButton = [&](bool iconOnly) {
    if (iconButtonTip(label("toolbar.undo").c_str(), Icon::Undo, tr("toolbar.undoTip"), iconOnly, d.canUndo())) {
      view.cards.stopEditing(contextFor());
      d.undo();
      return true;
    }
    return false;
  };
  auto redoButton = [&](bool iconOnly) {
    if (iconButtonTip(label("toolbar.redo").c_str(), Icon::Redo, tr("toolbar.redoTip"), iconOnly, d.canRedo())) {
      view.cards.stopEditing(contextFor());
      d.redo();
      return true;
    }
    return false;
  };
  auto zoomGroup = [&]() {
    if (iconButton(label("toolbar.zoomOut").c_str(), Icon::Minus, true)) {
      view.canvas.zoomBy(1.0f / 1.25f);
    }
    ImGui::SameLine();
    const std::string zoomText = text::format("%d%%", static_cast<int>(view.canvas.zoom() * 100.0f + 0.5f));
    const char* pct = zoomText.c_str();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(pctW, h));
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(p.x + (pctW - ImGui::CalcTextSize(pct).x) * 0.5f, p.y + (h - ImGui::GetFontSize()) * 0.5f),
        colours::kInkMuted, pct);
    ImGui::SameLine();
    if (iconButton(label("toolbar.zoomIn").c_str(), Icon::Plus, true)) {
      view.canvas.zoomBy(1.25f);
    }
    ImGui::SameLine();
    if (iconButtonTip(label("toolbar.fit").c_str(), Icon::Fit, tr("toolbar.fitTip"), true)) {
      view.canvas.fitContent();
    }
  };
  auto filterButton = [&](bool iconOnly) {
    const bool clicked = iconButton(filterLabel.c_str(), Icon::Filter, iconOnly, true, false);
    if (clicked) {
      showFilter = !showFilter;
    }
    if (view.filter.active()) {
      const ImVec2 mx = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(mx.x - 6, ImGui::GetItemRectMin().y + 6), 4.0f,
                                                  colours::kPrimary);
    }
    return clicked;
  };
  auto actionsButton = [&](bool iconOnly) {
    const bool clicked = iconButton(actionsLabel.c_str(), Icon::Action, iconOnly);
    if (clicked) {
      showActions = !showActions;
    }
    return clicked;
  };
  auto textViewTool = [&](bool iconOnly) {
    // The accessible text view, one click away (export_menu's textViewButton, as an icon when narrow).
    const bool clicked = iconOnly ? iconButtonTip(textViewLabel.c_str(), Icon::TextView, tr("export.textViewTip"), true)
                                  : textViewButton();
    if (clicked) {
      ui::openTextView(host, tools, d.board());
    }
    return clicked;
  };
  auto layoutButton = [&](bool iconOnly) {
    const bool clicked = iconButtonTip(layoutLabel.c_str(), reading ? Icon::Fit : Icon::Eye,
                                       tr(reading ? "toolbar.wholeBoardTip" : "toolbar.readingTip"), iconOnly);
    if (clicked) {
      view.cards.stopEditing(contextFor());
      view.layout = reading ? BoardLayout::Whole : BoardLayout::Reading;
      if (reading) {
        view.canvas.fitContent(true);  // the whole board opens as a board does: readable, its top left
        if (view.narrow && d.board().kind == BoardKind::Journey) {
          // On a phone the lane names alone fill the screen: show the first note instead, whole.
          view.focusNote = firstJourneyNote(d.board());
          view.focusAcross = true;
        }
      }
    }
    return clicked;
  };
  auto touchButton = [&](bool iconOnly) {
    const bool clicked = iconButtonTip(label("toolbar.touch").c_str(), Icon::Touch, tr("toolbar.touchTip"), iconOnly);
    if (clicked) {
      touch = !touch;
      applyStyle(touch);
    }
    if (touch && iconOnly) {  // on: a soft background and an indigo bar under the icon
      const ImVec2 a = ImGui::GetItemRectMin();
      const ImVec2 b = ImGui::GetItemRectMax();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(a, b, withAlpha(colours::kPrimarySoft, 0.7f), ImGui::GetStyle().FrameRounding);
      dl->AddLine(ImVec2(a.x + 10.0f, b.y - 2.0f), ImVec2(b.x - 10.0f, b.y - 2.0f), colours::kPrimary, 3.0f);
      drawIcon(dl, Icon::Touch,
               ImVec2(a.x + (b.x - a.x - ImGui::GetFontSize() * 1.1f) * 0.5f,
                      a.y + (b.y - a.y - ImGui::GetFontSize() * 1.1f) * 0.5f),
               std::round(ImGui::GetFontSize() * 1.1f), colours::kPrimary);
    }
    return clicked;
  };

  // Left: undo/redo, zoom, panels.
  rule();
  if (shown(Tool::Undo)) {
    ImGui::SameLine();
    undoButton(true);
  }
  if (shown(Tool::Redo)) {
    ImGui::SameLine();
    redoButton(true);
  }
  if (hasZoom && shown(Tool::Zoom)) {
    rule();
    ImGui::SameLine();
    zoomGroup();
  }
  rule();
  if (shown(Tool::Filter)) {
    ImGui::SameLine();
    filterButton(level >= 2);
  }
  if (shown(Tool::Actions)) {
    ImGui::SameLine();
    actionsButton(level >= 2);
  }
  if (shown(Tool::TextView)) {
    ImGui::SameLine();
    textViewTool(level >= 1);
  }
  if (shown(Tool::Workshop)) {
    ImGui::SameLine();
    workshop.toolbarButton(level >= 1);
  }

  // Right side, flush with the edge: view toggle, touch toggle, language, share, "More".
  float right = iconButtonWidth(shareLabel.c_str(), level >= 4);
  if (shown(Tool::Layout)) right += toolWidth(Tool::Layout, level) + kSpacing;
  if (shown(Tool::Touch)) right += iconW + kSpacing;
  if (shown(Tool::Language)) right += languageSwitchWidth() + kSpacing;
  if (overflow) right += iconW + kSpacing;
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, ImGui::GetWindowContentRegionMax().x - right));
  if (shown(Tool::Layout)) {
    layoutButton(layoutIcon || level >= 4);
    ImGui::SameLine();
  }
  if (shown(Tool::Touch)) {
    touchButton(true);
    ImGui::SameLine();
  }
  if (shown(Tool::Language)) {
    languageSwitch();
    ImGui::SameLine();
  }
  if (iconButton(shareLabel.c_str(), Icon::Share, level >= 4, true, true)) {
    openShare = true;
  }
  if (overflow) {
    ImGui::SameLine();
    const bool open = ImGui::IsPopupOpen("##toolbar-more");
    if (moreButton(moreLabel, h, open)) {
      clickedMore = true;
    }
  }
  const ImVec2 moreAnchor(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y + 4.0f);
  if (clickedMore) {
    ImGui::OpenPopup("##toolbar-more");
  }
  // The "More" menu: the tools that did not fit, most important first, each with its text.
  ImGui::SetNextWindowPos(moreAnchor, ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 10));
  if (ImGui::BeginPopup("##toolbar-more")) {
    // A named child, so tests and automation can tell the menu's items from the bar's (same labels).
    ImGui::BeginChild("##more-menu", ImVec2(0, 0), ImGuiChildFlags_AutoResizeX | ImGuiChildFlags_AutoResizeY);
    bool close = false;
    for (int i = 0; i < kTools; ++i) {
      if (inBar[static_cast<int>(order[i])]) continue;
      switch (order[i]) {
        case Tool::Undo:
          close = undoButton(false) || close;
          break;
        case Tool::Redo:
          close = redoButton(false) || close;
          break;
        case Tool::Layout:
          close = layoutButton(false) || close;
          break;
        case Tool::Workshop:
          close = workshop.toolbarButton(false) || close;
          break;
        case Tool::Language:
          languageSwitch();
          break;
        case Tool::Zoom:
          if (!hasZoom) continue;
          zoomGroup();
          break;
        case Tool::Filter:
          close = filterButton(false) || close;
          break;
        case Tool::Actions:
          close = actionsButton(false) || close;
          break;
        case Tool::TextView:
          close = textViewTool(false) || close;
          break;
        case Tool::Touch:
          close = touchButton(false) || close;
          break;
      }
    }
    ImGui::EndChild();
    if (close || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar();
  ImGui::PopStyleVar();
}

// The whole title, wrapped, and the field to rename it: what a tap on a shortened title shows.
void App::Impl::titlePopup() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float w = std::min(420.0f, vp->WorkSize.x - 16.0f);
  ImGui::SetNextWindowSize(ImVec2(w, 0.0f));
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8.0f, ImGui::GetItemRectMax().y + 4.0f), ImGuiCond_Appearing);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(12, 12));
  if (ImGui::BeginPopup("##title-popup")) {
    Document& d = *doc();
    ImGui::PushFont(boldFont());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(d.board().title.empty() ? tr("start.untitled") : d.board().title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::Spacing();
    hintText(tr("toolbar.title"));
    ImGui::SetNextItemWidth(-1);
    if (inputTextWithHint("##toolbar.title", tr("start.untitled"), &view.titleBuffer)) {
      d.setTitle(view.titleBuffer);
    }
    view.titleActive = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivated()) {
      d.endGesture();
    }
    if (!view.titleActive && ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleVar();
}

void App::Impl::filterBar() {
  const Board& b = doc()->board();
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 6));
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  ImGui::SetNextItemWidth(240.0f);
  inputTextWithHint("##filter.search", tr("filter.search"), &view.filter.text);
  ImGui::SameLine();
  // Tags in use.
  std::vector<std::string> tags;
  for (const auto& n : b.notes) {
    for (const auto& t : n.tags) {
      if (std::find(tags.begin(), tags.end(), t) == tags.end()) {
        tags.push_back(t);
      }
    }
  }
  std::sort(tags.begin(), tags.end());
  ImGui::SetNextItemWidth(160.0f);
  if (ImGui::BeginCombo("##filter.tag", view.filter.tag.empty() ? tr("filter.anyTag") : view.filter.tag.c_str())) {
    if (ImGui::Selectable(tr("filter.anyTag"), view.filter.tag.empty())) {
      view.filter.tag.clear();
    }
    for (const auto& t : tags) {
      if (ImGui::Selectable(("#" + t + "###tag." + t).c_str(), view.filter.tag == t)) {
        view.filter.tag = t;
      }
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  // Colour swatches.
  for (int c = -1; c < kPaletteSize; ++c) {
    ImGui::PushID(c);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float s = h;
    const std::string id =
        c < 0 ? label("filter.anyColour")
              : std::string(tr(("colour." + std::to_string(c)).c_str())) + "###filter.colour." + std::to_string(c);
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(s * 0.8f, s))) {
      view.filter.colour = c;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cc(p.x + s * 0.4f, p.y + s * 0.5f);
    const float r = s * 0.26f;
    if (c < 0) {
      dl->AddCircle(cc, r, colours::kInkMuted, 20, 1.5f);
      dl->AddLine(ImVec2(cc.x - r * 0.7f, cc.y + r * 0.7f), ImVec2(cc.x + r * 0.7f, cc.y - r * 0.7f),
                  colours::kInkMuted, 1.5f);
    } else {
      dl->AddCircleFilled(cc, r, noteColour(c).fill);
      dl->AddCircle(cc, r, noteColour(c).accent, 20, 1.0f);
    }
    if (view.filter.colour == c) {
      dl->AddCircle(cc, r + 3.5f, colours::kPrimary, 24, 2.0f);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
      ImGui::SetTooltip("%s", c < 0 ? tr("filter.anyColour") : tr(("colour." + std::to_string(c)).c_str()));
    }
    ImGui::PopID();
    ImGui::SameLine(0, 0);
  }
  ImGui::SameLine(0, 8);
  ImGui::SetNextItemWidth(200.0f);
  const char* evLabel = !view.filter.evidence                         ? tr("filter.any")
                        : *view.filter.evidence == Evidence::Observed ? tr("note.observed")
                                                                      : tr("note.assumed");
  if (ImGui::BeginCombo("##filter.evidence", evLabel)) {
    if (ImGui::Selectable(label("filter.any").c_str(), !view.filter.evidence)) {
      view.filter.evidence.reset();
    }
    if (ImGui::Selectable(label("note.observed").c_str(), view.filter.evidence == Evidence::Observed)) {
      view.filter.evidence = Evidence::Observed;
    }
    if (ImGui::Selectable(label("note.assumed").c_str(), view.filter.evidence == Evidence::Assumed)) {
      view.filter.evidence = Evidence::Assumed;
    }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  if (iconButton(label("filter.clear").c_str(), Icon::Close, false, view.filter.active())) {
    view.filter = NoteFilter();
  }
  if (view.filter.active()) {
    int matching = 0;
    for (const auto& n : b.notes) {
      matching += view.filter.matches(n) ? 1 : 0;
    }
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", text::format(plural("filter.matches", static_cast<long long>(b.notes.size())).c_str(), matching, static_cast<int>(b.notes.size())).c_str());
  }
  ImGui::PopStyleVar();
}

}  // namespace mapathy::ui
