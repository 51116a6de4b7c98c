// DOM key names → ImGuiKey (see key_map.hpp).
#include "platform/web/key_map.hpp"

#include <cstring>
#include <string_view>

namespace mapathy::platform::web {
namespace {

struct CodeKey {
  std::string_view code;
  ImGuiKey key;
};

constexpr CodeKey kByCode[] = {
    {"Backspace", ImGuiKey_Backspace},   {"Tab", ImGuiKey_Tab},
    {"Enter", ImGuiKey_Enter},           {"NumpadEnter", ImGuiKey_KeypadEnter},
    {"Escape", ImGuiKey_Escape},         {"Space", ImGuiKey_Space},
    {"ArrowLeft", ImGuiKey_LeftArrow},   {"ArrowRight", ImGuiKey_RightArrow},
    {"ArrowUp", ImGuiKey_UpArrow},       {"ArrowDown", ImGuiKey_DownArrow},
    {"PageUp", ImGuiKey_PageUp},         {"PageDown", ImGuiKey_PageDown},
    {"Home", ImGuiKey_Home},             {"End", ImGuiKey_End},
    {"Insert", ImGuiKey_Insert},         {"Delete", ImGuiKey_Delete},
    {"ShiftLeft", ImGuiKey_LeftShift},   {"ShiftRight", ImGuiKey_RightShift},
    {"ControlLeft", ImGuiKey_LeftCtrl},  {"ControlRight", ImGuiKey_RightCtrl},
    {"AltLeft", ImGuiKey_LeftAlt},       {"AltRight", ImGuiKey_RightAlt},
    {"MetaLeft", ImGuiKey_LeftSuper},    {"MetaRight", ImGuiKey_RightSuper},
    {"ContextMenu", ImGuiKey_Menu},      {"CapsLock", ImGuiKey_CapsLock},
    {"F1", ImGuiKey_F1},                 {"F2", ImGuiKey_F2},
    {"F3", ImGuiKey_F3},                 {"F4", ImGuiKey_F4},
    {"F5", ImGuiKey_F5},                 {"F6", ImGuiKey_F6},
    {"F7", ImGuiKey_F7},                 {"F8", ImGuiKey_F8},
    {"F9", ImGuiKey_F9},                 {"F10", ImGuiKey_F10},
    {"F11", ImGuiKey_F11},               {"F12", ImGuiKey_F12},
    {"Numpad0", ImGuiKey_Keypad0},       {"Numpad1", ImGuiKey_Keypad1},
    {"Numpad2", ImGuiKey_Keypad2},       {"Numpad3", ImGuiKey_Keypad3},
    {"Numpad4", ImGuiKey_Keypad4},       {"Numpad5", ImGuiKey_Keypad5},
    {"Numpad6", ImGuiKey_Keypad6},       {"Numpad7", ImGuiKey_Keypad7},
    {"Numpad8", ImGuiKey_Keypad8},       {"Numpad9", ImGuiKey_Keypad9},
    {"NumpadDecimal", ImGuiKey_KeypadDecimal}, {"NumpadDivide", ImGuiKey_KeypadDivide},
    {"NumpadMultiply", ImGuiKey_KeypadMultiply}, {"NumpadSubtract", ImGuiKey_KeypadSubtract},
    {"NumpadAdd", ImGuiKey_KeypadAdd},   {"Minus", ImGuiKey_Minus},
    {"Equal", ImGuiKey_Equal},           {"BracketLeft", ImGuiKey_LeftBracket},
    {"BracketRight", ImGuiKey_RightBracket}, {"Backslash", ImGuiKey_Backslash},
    {"Semicolon", ImGuiKey_Semicolon},   {"Quote", ImGuiKey_Apostrophe},
    {"Backquote", ImGuiKey_GraveAccent}, {"Comma", ImGuiKey_Comma},
    {"Period", ImGuiKey_Period},         {"Slash", ImGuiKey_Slash},
};

}  // namespace

ImGuiKey imguiKeyFor(const char* key, const char* code) {
  const std::string_view produced = key != nullptr ? key : "";
  if (produced.size() == 1) {
    const char c = produced[0];
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
  }
  const std::string_view physical = code != nullptr ? code : "";
  // Letters that the layout turns into non-ASCII (ö on a German keyboard) still act as their physical key.
  if (physical.size() == 4 && physical.substr(0, 3) == "Key") {
    return static_cast<ImGuiKey>(ImGuiKey_A + (physical[3] - 'A'));
  }
  if (physical.size() == 6 && physical.substr(0, 5) == "Digit") {
    return static_cast<ImGuiKey>(ImGuiKey_0 + (physical[5] - '0'));
  }
  for (const CodeKey& entry : kByCode) {
    if (entry.code == physical) return entry.key;
  }
  return ImGuiKey_None;
}

bool producesText(const char* key, bool ctrl, bool alt, bool meta) {
  if (key == nullptr) return false;
  // A single Unicode character is at most 4 UTF-8 bytes; named keys ("Enter", "Dead") are longer ASCII.
  const std::size_t length = std::strlen(key);
  if (length == 0 || length > 4) return false;
  if (length > 1 && static_cast<unsigned char>(key[0]) < 0x80) return false;
  if (meta) return false;
  // Ctrl+Alt is AltGr on Windows (e.g. @ and € on German keyboards): that types text.
  if (ctrl && !alt) return false;
  return true;
}

}  // namespace mapathy::platform::web
