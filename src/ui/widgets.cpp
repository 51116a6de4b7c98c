// Mapathy UI — std::string-bound ImGui inputs (see widgets.hpp).
#include "ui/widgets.hpp"

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

bool inputTextMultiline(const char* label, std::string* text, ImVec2 size, ImGuiInputTextFlags flags) {
  return ImGui::InputTextMultiline(label, text->data(), text->capacity() + 1, size,
                                   flags | ImGuiInputTextFlags_CallbackResize, resizeCallback, text);
}

void hintText(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
  ImGui::TextWrapped("%s", text);
  ImGui::PopStyleColor();
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
  ImGui::EndPopup();
}

}  // namespace mapathy::ui
