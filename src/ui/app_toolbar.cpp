// Mapathy UI — the board's toolbar (title, undo, zoom, filter, actions, text view, workshop, touch,
// language, share), the filter bar and the language switch.
#include "ui/app_internal.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/base/text.hpp"
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

  // What fits: at level 0 every button shows its text; each level turns more of them into icons (with
  // tooltips and the same labels), so tablets and narrow windows never get overlapping buttons and the
  // title keeps room: 1 text view and workshop, 2 filter and actions, 3 back, 4 share.
  const float pctW = ImGui::CalcTextSize("000%").x;
  const float iconW = iconButtonWidth("x", true);
  auto rightWidth = [&](int level) {
    return iconW + languageSwitchWidth() + iconButtonWidth(shareLabel.c_str(), level >= 4) + kSpacing * 2.0f;
  };
  auto leftWidth = [&](int level) {
    return iconButtonWidth(backLabel.c_str(), level >= 3) + iconW * 5.0f + pctW +
           iconButtonWidth(filterLabel.c_str(), level >= 2) + iconButtonWidth(actionsLabel.c_str(), level >= 2) +
           iconButtonWidth(textViewLabel.c_str(), level >= 1) + iconButtonWidth(workshopLabel.c_str(), level >= 1) +
           3.0f + kSpacing * 15.0f;
  };
  const float avail = ImGui::GetContentRegionAvail().x;
  int level = 0;
  while (level < 4 && avail - leftWidth(level) - rightWidth(level) - 12.0f < kMinTitle) {
    ++level;
  }
  const bool compact = level >= 2;
  const float titleW = std::clamp(avail - leftWidth(level) - rightWidth(level) - 12.0f, kMinTitle, 360.0f);

  if (iconButtonTip(backLabel.c_str(), Icon::Back, tr("toolbar.backTip"), level >= 3)) {
    if (view.titleActive) {
      d.endGesture();
    }
    view.cards.stopEditing(contextFor());
    screen = Screen::Start;
  }
  ImGui::SameLine();
  // Editable title.
  if (!view.titleActive && view.titleBuffer != d.board().title) {
    view.titleBuffer = d.board().title;
  }
  ImGui::SetNextItemWidth(titleW);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                      ImVec2(ImGui::GetStyle().FramePadding.x, (h - ImGui::GetFontSize()) * 0.5f));
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
  ImGui::SameLine();
  toolbarRule(h);
  ImGui::SameLine();
  if (iconButtonTip(label("toolbar.undo").c_str(), Icon::Undo, tr("toolbar.undoTip"), true, d.canUndo())) {
    view.cards.stopEditing(contextFor());
    d.undo();
  }
  ImGui::SameLine();
  if (iconButtonTip(label("toolbar.redo").c_str(), Icon::Redo, tr("toolbar.redoTip"), true, d.canRedo())) {
    view.cards.stopEditing(contextFor());
    d.redo();
  }
  ImGui::SameLine();
  toolbarRule(h);
  ImGui::SameLine();
  if (iconButton(label("toolbar.zoomOut").c_str(), Icon::Minus, true)) {
    view.canvas.zoomBy(1.0f / 1.25f);
  }
  ImGui::SameLine();
  {
    const std::string zoomText = text::format("%d%%", static_cast<int>(view.canvas.zoom() * 100.0f + 0.5f));
    const char* pct = zoomText.c_str();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(pctW, h));
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(p.x + (pctW - ImGui::CalcTextSize(pct).x) * 0.5f, p.y + (h - ImGui::GetFontSize()) * 0.5f),
        colours::kInkMuted, pct);
  }
  ImGui::SameLine();
  if (iconButton(label("toolbar.zoomIn").c_str(), Icon::Plus, true)) {
    view.canvas.zoomBy(1.25f);
  }
  ImGui::SameLine();
  if (iconButtonTip(label("toolbar.fit").c_str(), Icon::Fit, tr("toolbar.fitTip"), true)) {
    view.canvas.fitContent();
  }
  ImGui::SameLine();
  toolbarRule(h);
  ImGui::SameLine();
  if (iconButton(filterLabel.c_str(), Icon::Filter, compact, true, false)) {
    showFilter = !showFilter;
  }
  if (view.filter.active()) {
    const ImVec2 mx = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(mx.x - 6, ImGui::GetItemRectMin().y + 6), 4.0f,
                                                colours::kPrimary);
  }
  ImGui::SameLine();
  if (iconButton(actionsLabel.c_str(), Icon::Action, compact)) {
    showActions = !showActions;
  }
  ImGui::SameLine();
  // The accessible text view, one click away (export_menu's textViewButton, as an icon when narrow).
  if (level >= 1 ? iconButtonTip(textViewLabel.c_str(), Icon::TextView, tr("export.textViewTip"), true)
                 : textViewButton()) {
    ui::openTextView(host, tools, d.board());
  }
  ImGui::SameLine();
  workshop.toolbarButton(level >= 1);

  // Right side, flush with the edge: touch toggle, language, share.
  ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, ImGui::GetWindowContentRegionMax().x - rightWidth(level)));
  if (iconButtonTip(label("toolbar.touch").c_str(), Icon::Touch, tr("toolbar.touchTip"), true)) {
    touch = !touch;
    applyStyle(touch);
  }
  if (touch) {  // on: a soft background and an indigo bar under the icon
    const ImVec2 a = ImGui::GetItemRectMin();
    const ImVec2 b = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(a, b, withAlpha(colours::kPrimarySoft, 0.7f), ImGui::GetStyle().FrameRounding);
    dl->AddLine(ImVec2(a.x + 10.0f, b.y - 2.0f), ImVec2(b.x - 10.0f, b.y - 2.0f), colours::kPrimary, 3.0f);
    drawIcon(dl, Icon::Touch, ImVec2(a.x + (b.x - a.x - ImGui::GetFontSize() * 1.1f) * 0.5f,
                                     a.y + (b.y - a.y - ImGui::GetFontSize() * 1.1f) * 0.5f),
             std::round(ImGui::GetFontSize() * 1.1f), colours::kPrimary);
  }
  ImGui::SameLine();
  languageSwitch();
  ImGui::SameLine();
  if (iconButton(shareLabel.c_str(), Icon::Share, level >= 4, true, true)) {
    openShare = true;
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
    const std::string id = c < 0 ? label("filter.anyColour") : std::string(tr(("colour." + std::to_string(c)).c_str())) +
                                                                   "###filter.colour." + std::to_string(c);
    if (ImGui::InvisibleButton(id.c_str(), ImVec2(s * 0.8f, s))) {
      view.filter.colour = c;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cc(p.x + s * 0.4f, p.y + s * 0.5f);
    const float r = s * 0.26f;
    if (c < 0) {
      dl->AddCircle(cc, r, colours::kInkMuted, 20, 1.5f);
      dl->AddLine(ImVec2(cc.x - r * 0.7f, cc.y + r * 0.7f), ImVec2(cc.x + r * 0.7f, cc.y - r * 0.7f), colours::kInkMuted,
                  1.5f);
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
  const char* evLabel = !view.filter.evidence ? tr("filter.any")
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
    ImGui::TextDisabled("%s", text::format(tr("filter.matches"), matching, static_cast<int>(b.notes.size())).c_str());
  }
  ImGui::PopStyleVar();
}

}  // namespace mapathy::ui
