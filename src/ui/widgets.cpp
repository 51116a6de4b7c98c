// Mapathy UI — std::string-bound ImGui inputs (see widgets.hpp).
#include "ui/widgets.hpp"

#include <algorithm>
#include <cfloat>

#include "imgui_internal.h"

#include "ui/i18n.hpp"
#include "ui/style.hpp"

namespace mapathy::ui {

namespace {

int resizeCallback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* text = static_cast<std::string*>(data->UserData);
    text->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = text->data();
  }
  return 0;
}

}  // namespace

bool inputText(const char* label, std::string* text, ImGuiInputTextFlags flags) {
  return ImGui::InputText(label, text->data(), text->capacity() + 1, flags | ImGuiInputTextFlags_CallbackResize,
                          resizeCallback, text);
}

bool inputTextWithHint(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags) {
  return ImGui::InputTextWithHint(label, hint, text->data(), text->capacity() + 1,
                                  flags | ImGuiInputTextFlags_CallbackResize, resizeCallback, text);
}

bool inputLineList(const char* label, std::string* text, ImVec2 size) {
  return ImGui::InputTextMultiline(label, text->data(), text->capacity() + 1, size, ImGuiInputTextFlags_CallbackResize,
                                   resizeCallback, text);
}

void hintText(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
}

void placeDialog(float maxWidth, float pivotY, bool recentre) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float w = std::min(maxWidth, std::max(200.0f, display.x - 16.0f));
  const float maxH = std::max(160.0f, display.y - 16.0f);
  ImGui::SetNextWindowSize(ImVec2(w, 0.0f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0.0f), ImVec2(w, maxH));
  // Placed when it appears, and again when asked: content that arrives later (a link the tools module makes)
  // grows the dialog, which is then centred again instead of growing off the bottom edge of the screen.
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, std::max(8.0f, display.y * pivotY)),
                          recentre ? ImGuiCond_Always : ImGuiCond_Appearing, ImVec2(0.5f, pivotY));
}

void dragScroll() {
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (ImGui::GetScrollMaxY() <= 0.0f || !ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) ||
      !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f)) {
    return;
  }
  const ImGuiID active = ImGui::GetActiveID();
  if (active != 0 && active != window->MoveId) {
    return;  // a slider, a text selection: the drag is theirs
  }
  if (active == window->MoveId) {
    ImGui::ClearActiveID();  // scroll, not move
  }
  ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

void endDialog(const char* scope, bool close) {
  ImGui::SameLine();
  if (ImGui::Button(label("common.cancel", scope).c_str(), ImVec2(0, minTarget())) ||
      ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    close = true;
  }
  if (close) {
    ImGui::CloseCurrentPopup();
  }
  dragScroll();
  ImGui::EndPopup();
}

std::string ellipsized(std::string_view text, float width, const ImFont* font, float size, bool always) {
  if (font == nullptr) font = ImGui::GetFont();
  if (size <= 0.0f) size = ImGui::GetFontSize();
  const auto measure = [&](std::size_t end) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + end).x;
  };
  if (!always && measure(text.size()) <= width) return std::string(text);
  const float dots = font->CalcTextSizeA(size, FLT_MAX, 0.0f, "…").x;
  std::size_t end = text.size();
  while (end > 0 && text[end - 1] == ' ') --end;
  while (end > 0 && measure(end) + dots > width) {
    do {
      --end;
    } while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80);
  }
  while (end > 0 && text[end - 1] == ' ') --end;  // "Preise …" reads as a gap: "Preise…"
  return std::string(text.substr(0, end)) + "…";
}

}  // namespace mapathy::ui
