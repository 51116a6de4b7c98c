// Mapathy UI — style, palette, shadows and drawn icons (see style.hpp).
#include "ui/style.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "imgui_internal.h"

namespace mapathy::ui {

namespace {

// The core's note palette as ImGui colours (built once: toImU32 is constexpr, the table is data).
const std::array<NoteColour, kPaletteSize> kPalette = [] {
  std::array<NoteColour, kPaletteSize> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const PaletteColour& c = kNotePalette[i];
    out[i] = NoteColour{toImU32(c.fill), toImU32(c.ink), toImU32(c.accent), toImU32(c.onAccent), toImU32(c.tint)};
  }
  return out;
}();

bool gTouch = false;
float gScale = 1.0f;

ImVec4 v4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

const NoteColour& noteColour(int index) { return kPalette[static_cast<std::size_t>(paletteIndex(index))]; }

ImU32 withAlpha(ImU32 col, float alpha) {
  const auto a = static_cast<float>((col >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f);
  return (col & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a + 0.5f) << IM_COL32_A_SHIFT);
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = v4(a);
  const ImVec4 y = v4(b);
  return ImGui::ColorConvertFloat4ToU32(
      ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t, x.z + (y.z - x.z) * t, x.w + (y.w - x.w) * t));
}

void applyStyle(bool touch, float scale) {
  gTouch = touch;
  gScale = scale;
  ImGuiStyle style;  // fresh defaults, then ours (so switching touch mode back and forth is exact)
  ImGui::StyleColorsLight(&style);
  style.WindowRounding = 12.0f;
  style.ChildRounding = 10.0f;
  style.FrameRounding = 8.0f;
  style.PopupRounding = 10.0f;
  style.GrabRounding = 8.0f;
  style.TabRounding = 8.0f;
  style.ScrollbarRounding = 8.0f;
  style.WindowBorderSize = 0.0f;
  style.ChildBorderSize = 0.0f;
  style.PopupBorderSize = 1.0f;
  style.FrameBorderSize = 1.0f;
  style.WindowPadding = ImVec2(16, 14);
  style.FramePadding = ImVec2(10, 7);
  style.ItemSpacing = ImVec2(10, 8);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.ScrollbarSize = 12.0f;
  style.GrabMinSize = 12.0f;
  style.WindowTitleAlign = ImVec2(0.5f, 0.5f);
  style.SeparatorTextBorderSize = 1.0f;
  if (touch) {
    style.FramePadding = ImVec2(14, 13);
    style.ItemSpacing = ImVec2(12, 12);
    style.ItemInnerSpacing = ImVec2(10, 8);
    style.ScrollbarSize = 20.0f;
    style.GrabMinSize = 24.0f;
    style.TouchExtraPadding = ImVec2(4, 4);
  }

  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = v4(colours::kInk);
  c[ImGuiCol_TextDisabled] = v4(colours::kInkMuted);
  c[ImGuiCol_WindowBg] = v4(colours::kSurface);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = v4(colours::kSurface);
  c[ImGuiCol_Border] = v4(colours::kBorder);
  c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_FrameBg] = v4(IM_COL32(248, 249, 251, 255));
  c[ImGuiCol_FrameBgHovered] = v4(IM_COL32(241, 243, 246, 255));
  c[ImGuiCol_FrameBgActive] = v4(IM_COL32(235, 238, 242, 255));
  c[ImGuiCol_TitleBg] = v4(colours::kSurface);
  c[ImGuiCol_TitleBgActive] = v4(colours::kSurface);
  c[ImGuiCol_TitleBgCollapsed] = v4(colours::kSurface);
  c[ImGuiCol_MenuBarBg] = v4(colours::kSurface);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = v4(IM_COL32(203, 208, 215, 255));
  c[ImGuiCol_ScrollbarGrabHovered] = v4(IM_COL32(170, 177, 187, 255));
  c[ImGuiCol_ScrollbarGrabActive] = v4(IM_COL32(140, 148, 160, 255));
  c[ImGuiCol_CheckMark] = v4(colours::kPrimary);
  c[ImGuiCol_SliderGrab] = v4(colours::kPrimary);
  c[ImGuiCol_SliderGrabActive] = v4(colours::kPrimaryHover);
  c[ImGuiCol_Button] = v4(IM_COL32(255, 255, 255, 255));
  c[ImGuiCol_ButtonHovered] = v4(IM_COL32(241, 243, 246, 255));
  c[ImGuiCol_ButtonActive] = v4(IM_COL32(229, 232, 237, 255));
  c[ImGuiCol_Header] = v4(colours::kPrimarySoft);
  c[ImGuiCol_HeaderHovered] = v4(IM_COL32(238, 242, 255, 255));
  c[ImGuiCol_HeaderActive] = v4(IM_COL32(199, 210, 254, 255));
  c[ImGuiCol_Separator] = v4(colours::kBorder);
  c[ImGuiCol_SeparatorHovered] = v4(colours::kPrimary);
  c[ImGuiCol_SeparatorActive] = v4(colours::kPrimary);
  c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_Tab] = v4(IM_COL32(241, 243, 246, 255));
  c[ImGuiCol_TabHovered] = v4(colours::kPrimarySoft);
  c[ImGuiCol_TabActive] = v4(colours::kSurface);
  c[ImGuiCol_TextSelectedBg] = v4(IM_COL32(199, 210, 254, 255));
  c[ImGuiCol_NavHighlight] = v4(colours::kPrimary);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.06f, 0.09f, 0.16f, 0.35f);
  c[ImGuiCol_PlotHistogram] = v4(colours::kPrimary);

  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

float minTarget() {
  if (gTouch) {
    return 44.0f * gScale;
  }
  return ImGui::GetFrameHeight();
}

bool touchMode() { return gTouch; }

ImFont* boldFont() {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : ImGui::GetFont();
}

namespace {

// Whether `font` has every glyph of [text, end) (code points below the space are never drawn).
bool hasGlyphs(const ImFont* font, const char* text, const char* end) {
  for (const char* at = text; at != nullptr && at != end && *at != '\0';) {
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, at, end);
    if (length <= 0) break;
    at += length;
    if (c >= 0x20 && font->FindGlyphNoFallback(static_cast<ImWchar>(c)) == nullptr) return false;
  }
  return true;
}

}  // namespace

ImFont* fontForSize(float pixels, bool bold, const char* text, const char* textEnd) {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  const int small = bold ? 1 : 0;
  if (atlas->Fonts.Size <= small) {
    return ImGui::GetFont();
  }
  // The faces from small to large: the UI size, the large raster, the zoom raster (when the platform built
  // one for the zoom in use). Up to a fifth above a raster stays sharp enough; beyond that the next larger
  // raster (scaled down) is crisper. A face missing a glyph of the text is passed over.
  ImFont* chosen = atlas->Fonts[small];
  for (int index = small + 2; index < atlas->Fonts.Size; index += 2) {
    if (pixels <= chosen->FontSize * chosen->Scale * 1.2f) break;
    ImFont* larger = atlas->Fonts[index];
    if (hasGlyphs(larger, text, textEnd)) chosen = larger;
  }
  return chosen;
}

void drawShadow(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, float size, float strength) {
  // Layers from wide and faint to tight and darker, offset a little downwards like a light from above.
  constexpr int kLayers = 4;
  for (int i = kLayers; i >= 1; --i) {
    const float t = static_cast<float>(i) / static_cast<float>(kLayers);
    const float grow = size * t;
    const float alpha = 0.045f * strength * (1.2f - t);
    const ImVec2 off(0.0f, size * 0.35f);
    dl->AddRectFilled(ImVec2(min.x - grow + off.x, min.y - grow + off.y),
                      ImVec2(max.x + grow + off.x, max.y + grow + off.y), withAlpha(colours::kShadow, alpha),
                      rounding + grow);
  }
}

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 min, float size, ImU32 col) {
  const float s = size;
  const float th = std::max(1.5f, s * 0.1f);
  const ImVec2 c(min.x + s * 0.5f, min.y + s * 0.5f);
  auto p = [&](float x, float y) { return ImVec2(min.x + x * s, min.y + y * s); };
  switch (icon) {
    case Icon::Plus:
      dl->AddLine(p(0.5f, 0.2f), p(0.5f, 0.8f), col, th);
      dl->AddLine(p(0.2f, 0.5f), p(0.8f, 0.5f), col, th);
      break;
    case Icon::Minus:
      dl->AddLine(p(0.2f, 0.5f), p(0.8f, 0.5f), col, th);
      break;
    case Icon::Undo:
    case Icon::Redo: {
      // An arc over the top with a downward arrow head at its start; redo is the mirror image of undo
      // (angle a becomes pi - a, and the arc runs the other way).
      const bool redo = icon == Icon::Redo;
      const float r = s * 0.28f;
      const ImVec2 ac(c.x, c.y + s * 0.06f);
      const float a0 = redo ? -IM_PI * 0.05f : IM_PI * 1.05f;
      const float a1 = redo ? -IM_PI * 1.35f : IM_PI * 2.35f;
      dl->PathArcTo(ac, r, a0, a1, 16);
      dl->PathStroke(col, 0, th);
      const ImVec2 tip(ac.x + std::cos(a0) * r, ac.y + std::sin(a0) * r + s * 0.04f);
      dl->AddLine(tip, ImVec2(tip.x - s * 0.13f, tip.y - s * 0.15f), col, th);
      dl->AddLine(tip, ImVec2(tip.x + s * 0.13f, tip.y - s * 0.15f), col, th);
      break;
    }
    case Icon::Share: {
      const ImVec2 a = p(0.72f, 0.25f), b = p(0.28f, 0.5f), d = p(0.72f, 0.75f);
      dl->AddLine(a, b, col, th);
      dl->AddLine(b, d, col, th);
      dl->AddCircleFilled(a, s * 0.11f, col);
      dl->AddCircleFilled(b, s * 0.11f, col);
      dl->AddCircleFilled(d, s * 0.11f, col);
      break;
    }
    case Icon::Fit: {
      const float k = 0.22f;
      dl->AddLine(p(0.18f, 0.18f + k), p(0.18f, 0.18f), col, th);
      dl->AddLine(p(0.18f, 0.18f), p(0.18f + k, 0.18f), col, th);
      dl->AddLine(p(0.82f - k, 0.18f), p(0.82f, 0.18f), col, th);
      dl->AddLine(p(0.82f, 0.18f), p(0.82f, 0.18f + k), col, th);
      dl->AddLine(p(0.82f, 0.82f - k), p(0.82f, 0.82f), col, th);
      dl->AddLine(p(0.82f, 0.82f), p(0.82f - k, 0.82f), col, th);
      dl->AddLine(p(0.18f + k, 0.82f), p(0.18f, 0.82f), col, th);
      dl->AddLine(p(0.18f, 0.82f), p(0.18f, 0.82f - k), col, th);
      break;
    }
    case Icon::Back:
      dl->AddLine(p(0.62f, 0.2f), p(0.32f, 0.5f), col, th);
      dl->AddLine(p(0.32f, 0.5f), p(0.62f, 0.8f), col, th);
      break;
    case Icon::Search:
      dl->AddCircle(p(0.44f, 0.44f), s * 0.24f, col, 20, th);
      dl->AddLine(p(0.62f, 0.62f), p(0.82f, 0.82f), col, th * 1.2f);
      break;
    case Icon::Close:
      dl->AddLine(p(0.25f, 0.25f), p(0.75f, 0.75f), col, th);
      dl->AddLine(p(0.75f, 0.25f), p(0.25f, 0.75f), col, th);
      break;
    case Icon::Tag:
      dl->PathLineTo(p(0.18f, 0.18f));
      dl->PathLineTo(p(0.52f, 0.18f));
      dl->PathLineTo(p(0.84f, 0.5f));
      dl->PathLineTo(p(0.5f, 0.84f));
      dl->PathLineTo(p(0.18f, 0.52f));
      dl->PathStroke(col, ImDrawFlags_Closed, th);
      dl->AddCircleFilled(p(0.36f, 0.36f), s * 0.06f, col);
      break;
    case Icon::Eye:
      dl->PathArcTo(p(0.5f, 0.95f), s * 0.55f, -IM_PI * 0.78f, -IM_PI * 0.22f, 14);
      dl->PathStroke(col, 0, th);
      dl->PathArcTo(p(0.5f, 0.05f), s * 0.55f, IM_PI * 0.22f, IM_PI * 0.78f, 14);
      dl->PathStroke(col, 0, th);
      dl->AddCircleFilled(c, s * 0.12f, col);
      break;
    case Icon::Vote:
      dl->AddCircleFilled(c, s * 0.3f, col);
      break;
    case Icon::Check:
      dl->AddLine(p(0.2f, 0.52f), p(0.42f, 0.74f), col, th);
      dl->AddLine(p(0.42f, 0.74f), p(0.8f, 0.28f), col, th);
      break;
    case Icon::Trash:
      dl->AddLine(p(0.2f, 0.28f), p(0.8f, 0.28f), col, th);
      dl->AddLine(p(0.4f, 0.28f), p(0.42f, 0.18f), col, th);
      dl->AddLine(p(0.6f, 0.28f), p(0.58f, 0.18f), col, th);
      dl->AddLine(p(0.42f, 0.18f), p(0.58f, 0.18f), col, th);
      dl->AddRect(p(0.28f, 0.32f), p(0.72f, 0.84f), col, s * 0.06f, 0, th);
      break;
    case Icon::Action:  // a flag
      dl->AddLine(p(0.28f, 0.15f), p(0.28f, 0.88f), col, th);
      dl->AddTriangleFilled(p(0.3f, 0.17f), p(0.8f, 0.33f), p(0.3f, 0.5f), col);
      break;
    case Icon::Globe:
      dl->AddCircle(c, s * 0.34f, col, 24, th);
      dl->AddLine(p(0.16f, 0.5f), p(0.84f, 0.5f), col, th * 0.8f);
      dl->AddEllipse(c, s * 0.14f, s * 0.34f, col, 0.0f, 20, th * 0.8f);
      break;
    case Icon::Hand:  // a raised open hand: palm, four fingers, thumb
      dl->AddRect(p(0.3f, 0.46f), p(0.72f, 0.86f), col, s * 0.12f, 0, th);
      for (int f = 0; f < 4; ++f) {
        const float x = 0.35f + 0.1f * static_cast<float>(f);
        dl->AddLine(p(x, 0.48f), p(x, f == 0 || f == 3 ? 0.22f : 0.14f), col, th);
      }
      dl->AddLine(p(0.31f, 0.64f), p(0.16f, 0.46f), col, th);
      break;
    case Icon::Touch:  // a fingertip touching a screen, with a small ripple either side
      dl->PathLineTo(p(0.4f, 0.14f));
      dl->PathLineTo(p(0.4f, 0.58f));
      dl->PathArcTo(p(0.5f, 0.58f), s * 0.1f, IM_PI, 0.0f, 8);
      dl->PathLineTo(p(0.6f, 0.14f));
      dl->PathStroke(col, 0, th);
      dl->AddLine(p(0.14f, 0.86f), p(0.86f, 0.86f), col, th);
      dl->AddLine(p(0.22f, 0.62f), p(0.3f, 0.7f), col, th);
      dl->AddLine(p(0.78f, 0.62f), p(0.7f, 0.7f), col, th);
      break;
    case Icon::Copy:
      dl->AddRect(p(0.34f, 0.34f), p(0.82f, 0.82f), col, s * 0.08f, 0, th);
      dl->AddLine(p(0.18f, 0.66f), p(0.18f, 0.18f), col, th);
      dl->AddLine(p(0.18f, 0.18f), p(0.66f, 0.18f), col, th);
      break;
    case Icon::Download:
      dl->AddLine(p(0.5f, 0.15f), p(0.5f, 0.62f), col, th);
      dl->AddLine(p(0.3f, 0.44f), p(0.5f, 0.64f), col, th);
      dl->AddLine(p(0.7f, 0.44f), p(0.5f, 0.64f), col, th);
      dl->AddLine(p(0.2f, 0.84f), p(0.8f, 0.84f), col, th);
      break;
    case Icon::Filter:
      dl->PathLineTo(p(0.15f, 0.22f));
      dl->PathLineTo(p(0.85f, 0.22f));
      dl->PathLineTo(p(0.58f, 0.54f));
      dl->PathLineTo(p(0.58f, 0.82f));
      dl->PathLineTo(p(0.42f, 0.74f));
      dl->PathLineTo(p(0.42f, 0.54f));
      dl->PathStroke(col, ImDrawFlags_Closed, th);
      break;
    case Icon::Warning:
      dl->AddTriangle(p(0.5f, 0.14f), p(0.88f, 0.84f), p(0.12f, 0.84f), col, th);
      dl->AddLine(p(0.5f, 0.4f), p(0.5f, 0.6f), col, th);
      dl->AddCircleFilled(p(0.5f, 0.72f), s * 0.05f, col);
      break;
    case Icon::Info:
      dl->AddCircle(c, s * 0.36f, col, 24, th);
      dl->AddLine(p(0.5f, 0.45f), p(0.5f, 0.7f), col, th);
      dl->AddCircleFilled(p(0.5f, 0.32f), s * 0.05f, col);
      break;
    case Icon::Print:
      // Paper tray on top, the printer's body, and the printed sheet with two lines below it.
      dl->AddRect(p(0.3f, 0.1f), p(0.7f, 0.36f), col, 0.0f, 0, th);
      dl->AddRect(p(0.1f, 0.36f), p(0.9f, 0.7f), col, s * 0.08f, 0, th);
      dl->AddRectFilled(p(0.28f, 0.58f), p(0.72f, 0.92f), IM_COL32(255, 255, 255, 255));
      dl->AddRect(p(0.28f, 0.58f), p(0.72f, 0.92f), col, 0.0f, 0, th);
      dl->AddLine(p(0.37f, 0.7f), p(0.63f, 0.7f), col, th * 0.8f);
      dl->AddLine(p(0.37f, 0.8f), p(0.63f, 0.8f), col, th * 0.8f);
      dl->AddCircleFilled(p(0.78f, 0.46f), s * 0.045f, col);
      break;
    case Icon::TextView:
      // A page with a folded corner and lines of text.
      dl->PathLineTo(p(0.2f, 0.08f));
      dl->PathLineTo(p(0.6f, 0.08f));
      dl->PathLineTo(p(0.8f, 0.28f));
      dl->PathLineTo(p(0.8f, 0.92f));
      dl->PathLineTo(p(0.2f, 0.92f));
      dl->PathStroke(col, ImDrawFlags_Closed, th);
      dl->AddLine(p(0.6f, 0.08f), p(0.6f, 0.28f), col, th * 0.8f);
      dl->AddLine(p(0.6f, 0.28f), p(0.8f, 0.28f), col, th * 0.8f);
      for (const float y : {0.44f, 0.59f, 0.74f}) {
        dl->AddLine(p(0.32f, y), p(y > 0.7f ? 0.56f : 0.68f, y), col, th * 0.8f);
      }
      break;
  }
}

void sameLineIfFits(const char* nextLabel) {
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float right = ImGui::GetItemRectMax().x + spacing + iconButtonWidth(nextLabel, false);
  if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
}

float iconButtonWidth(const char* label, bool iconOnly) {
  const float iconSize = std::round(ImGui::GetFontSize() * 1.1f);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float textW = iconOnly ? 0.0f : ImGui::CalcTextSize(label, ImGui::FindRenderedTextEnd(label)).x;
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  return std::max(style.FramePadding.x * 2.0f + iconSize + (iconOnly ? 0.0f : style.ItemInnerSpacing.x + textW), h);
}

bool iconButtonTip(const char* label, Icon icon, const char* tooltip, bool iconOnly, bool enabled, bool primary) {
  const char* labelEnd = ImGui::FindRenderedTextEnd(label);
  const float fontSize = ImGui::GetFontSize();
  const float iconSize = std::round(fontSize * 1.1f);
  const ImGuiStyle& style = ImGui::GetStyle();
  const float textW = iconOnly ? 0.0f : ImGui::CalcTextSize(label, labelEnd).x;
  const float h = std::max(minTarget(), ImGui::GetFrameHeight());
  float w = style.FramePadding.x * 2.0f + iconSize + (iconOnly ? 0.0f : style.ItemInnerSpacing.x + textW);
  w = std::max(w, h);

  if (!enabled) {
    ImGui::BeginDisabled();
  }
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(label, ImVec2(w, h));
  const bool hovered = ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled);
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 bg = primary ? colours::kPrimary : IM_COL32(255, 255, 255, 0);
  if (primary && hovered && enabled) {
    bg = colours::kPrimaryHover;
  } else if (!primary && held) {
    bg = IM_COL32(229, 232, 237, 255);
  } else if (!primary && hovered && enabled) {
    bg = IM_COL32(241, 243, 246, 255);
  }
  dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), bg, style.FrameRounding);
  ImU32 fg = primary ? IM_COL32(255, 255, 255, 255) : colours::kInk;
  if (!enabled) {
    fg = withAlpha(fg, 0.35f);
  }
  const float contentW = iconSize + (iconOnly ? 0.0f : style.ItemInnerSpacing.x + textW);
  const float x0 = pos.x + (w - contentW) * 0.5f;
  drawIcon(dl, icon, ImVec2(x0, pos.y + (h - iconSize) * 0.5f), iconSize, fg);
  if (!iconOnly) {
    dl->AddText(ImVec2(x0 + iconSize + style.ItemInnerSpacing.x, pos.y + (h - fontSize) * 0.5f), fg, label,
                labelEnd);
  }
  if (!enabled) {
    ImGui::EndDisabled();
  }
  const char* tip = tooltip != nullptr ? tooltip : (iconOnly ? label : nullptr);
  if (tip != nullptr && hovered && !touchMode() &&
      ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal | ImGuiHoveredFlags_AllowWhenDisabled)) {
    const char* tipEnd = tip == label ? labelEnd : nullptr;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(tip, tipEnd);
    ImGui::EndTooltip();
  }
  return clicked && enabled;
}

bool iconButton(const char* label, Icon icon, bool iconOnly, bool enabled, bool primary) {
  return iconButtonTip(label, icon, nullptr, iconOnly, enabled, primary);
}

ImVec2 drawPill(ImDrawList* dl, ImVec2 pos, const char* text, ImU32 fill, ImU32 textCol, float fontSize) {
  ImFont* font = ImGui::GetFont();
  const ImVec2 ts = font->CalcTextSizeA(fontSize, 1e6f, 0.0f, text);
  const ImVec2 pad(fontSize * 0.45f, fontSize * 0.15f);
  const ImVec2 size(ts.x + pad.x * 2.0f, ts.y + pad.y * 2.0f);
  dl->AddRectFilled(pos, ImVec2(pos.x + size.x, pos.y + size.y), fill, size.y * 0.5f);
  dl->AddText(fontForSize(fontSize, false, text), fontSize, ImVec2(pos.x + pad.x, pos.y + pad.y), textCol, text);
  return size;
}

}  // namespace mapathy::ui
