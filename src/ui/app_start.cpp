// Mapathy UI — the start screen: brand and language, the two template columns, "Open" and the boards on
// this device (rows in app_library.cpp).
#include "ui/app_internal.hpp"

#include <algorithm>
#include <string>

#include "core/model/templates.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

void App::Impl::templateColumn(BoardKind kind, const char* titleKey, const char* whatKey, const char* newKey, float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 top = ImGui::GetCursorScreenPos();
  dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(1);
  ImGui::BeginGroup();
  const float pad = 20.0f;
  ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(top.x + width - pad);
  {
    const float big = ImGui::GetFontSize() * 1.35f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddText(fontForSize(big, true), big, p, colours::kInk, tr(titleKey));
    ImGui::Dummy(ImVec2(width - pad * 2.0f, big + 4.0f));
  }
  hintText(tr(whatKey));
  ImGui::Spacing();
  // The main button: the first template, in the UI language.
  const Lang lang = uiLang();
  const auto templates = listTemplates(lang);
  std::string firstId;
  for (const auto& t : templates) {
    if (t.kind == kind) {
      firstId = t.id;
      break;
    }
  }
  const std::string mainLabel =
      std::string(tr(newKey)) + "###" + newKey + (kind == BoardKind::EmpathyMap ? ".main" : ".main");
  if (!firstId.empty() && iconButton(mainLabel.c_str(), Icon::Plus, false, true, true)) {
    newBoard(kind, firstId, lang);
  }
  ImGui::Spacing();
  // Every template in both languages.
  for (const auto& t : templates) {
    if (t.kind != kind) {
      continue;
    }
    ImGui::PushID(t.id.c_str());
    {
      // A hairline across the card's inner width (ImGui::Separator would run to the window's edge).
      const ImVec2 at = ImGui::GetCursorScreenPos();
      dl->AddLine(ImVec2(top.x + pad, at.y), ImVec2(top.x + width - pad, at.y), colours::kBorder, 1.0f);
      ImGui::Dummy(ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y * 0.5f));
    }
    ImGui::TextUnformatted(t.name.c_str());
    hintText(t.description.c_str());
    const std::string base = std::string(tr(newKey)) + " · " + t.name;
    const std::string de = std::string("Deutsch###") + newKey + "." + t.id + ".de";
    const std::string en = std::string("English###") + newKey + "." + t.id + ".en";
    if (ImGui::Button(de.c_str(), ImVec2(0, minTarget()))) {
      newBoard(kind, t.id, Lang::De);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
      ImGui::SetTooltip("%s (%s)", base.c_str(), tr("start.inGerman"));
    }
    ImGui::SameLine();
    if (ImGui::Button(en.c_str(), ImVec2(0, minTarget()))) {
      newBoard(kind, t.id, Lang::En);
    }
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
      ImGui::SetTooltip("%s (%s)", base.c_str(), tr("start.inEnglish"));
    }
    ImGui::PopID();
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  const ImVec2 end = ImGui::GetItemRectMax();
  ImGui::EndGroup();
  const ImVec2 bottom(top.x + width, end.y + pad);
  dl->ChannelsSetCurrent(0);
  drawShadow(dl, top, bottom, 14.0f, 8.0f);
  dl->AddRectFilled(top, bottom, colours::kSurface, 14.0f);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(top);
  ImGui::Dummy(ImVec2(width, bottom.y - top.y));
}

void App::Impl::startScreen() {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float maxW = 1040.0f;
  const float width = std::min(avail.x, maxW);
  const float left = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;

  // Header row: brand + language switch.
  ImGui::SetCursorPosX(left);
  ImGui::BeginGroup();
  {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float big = ImGui::GetFontSize() * 2.4f;
    // Logo: two overlapping sticky notes.
    dl->AddRectFilled(ImVec2(p.x, p.y + 6), ImVec2(p.x + big * 0.8f, p.y + 6 + big * 0.8f), noteColour(0).fill, 6.0f);
    dl->AddRectFilled(ImVec2(p.x + big * 0.35f, p.y + 6 + big * 0.3f),
                      ImVec2(p.x + big * 1.15f, p.y + 6 + big * 1.1f), noteColour(3).fill, 6.0f);
    dl->AddText(fontForSize(big, true), big, ImVec2(p.x + big * 1.4f, p.y + big * 0.1f), colours::kInk,
                tr("app.name"));
    const float langW = languageSwitchWidth();
    ImGui::Dummy(ImVec2(width - langW - 12.0f, big * 1.3f));
    ImGui::SameLine(width - langW);  // inside the group: relative to its left edge
    languageSwitch();
  }
  ImGui::SetCursorPosX(left);
  ImGui::PushTextWrapPos(left + width);
  hintText(tr("start.tagline"));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::Spacing();

  ImGui::SetCursorPosX(left);
  ImGui::BeginGroup();
  drawMessages(width);
  ImGui::EndGroup();
  ImGui::Spacing();

  const bool twoColumns = width > 640.0f;
  const float gap = 24.0f;
  const float colW = twoColumns ? (width - gap) * 0.5f : width;
  ImGui::SetCursorPosX(left);
  const ImVec2 rowTop = ImGui::GetCursorScreenPos();
  templateColumn(BoardKind::EmpathyMap, "start.empathy.title", "start.empathy.what", "start.newEmpathy", colW);
  float afterFirst = ImGui::GetCursorScreenPos().y;
  if (twoColumns) {
    ImGui::SetCursorScreenPos(ImVec2(rowTop.x + colW + gap, rowTop.y));
  } else {
    ImGui::SetCursorPosX(left);
    ImGui::Dummy(ImVec2(0, gap * 0.5f));
    ImGui::SetCursorPosX(left);
  }
  templateColumn(BoardKind::Journey, "start.journey.title", "start.journey.what", "start.newJourney", colW);
  afterFirst = std::max(afterFirst, ImGui::GetCursorScreenPos().y);
  ImGui::SetCursorScreenPos(ImVec2(rowTop.x, afterFirst + gap));

  // Open and recent.
  ImGui::SetCursorPosX(left);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(left + width);
  ImGui::TextUnformatted(tr("start.openTitle"));
  hintText(tr("start.openHint"));
  if (iconButton(label("start.open").c_str(), Icon::Download)) {
    host.pickFile();
  }
  ImGui::SameLine();
  if (iconButton(label("start.paste").c_str(), Icon::Share)) {
    openPaste = true;
    pasteBuffer.clear();
  }
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("start.recent"));
  libraryList();
  ImGui::Spacing();
  hintText(tr("start.privacy"));
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::Dummy(ImVec2(0, 24.0f));
}

}  // namespace mapathy::ui
