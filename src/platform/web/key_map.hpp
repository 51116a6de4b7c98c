// Maps DOM keyboard events to Dear ImGui keys. Letters and digits follow the *produced* key (`key`), so
// Ctrl+Z means Z on a German QWERTZ keyboard too; everything else follows the physical key (`code`).
#pragma once

#include "imgui.h"

namespace mapathy::platform::web {

// ImGuiKey_None when the key means nothing to ImGui.
ImGuiKey imguiKeyFor(const char* key, const char* code);

// True when the browser will turn this key press into text (a single character, no Ctrl/Meta shortcut):
// such presses must reach the hidden textarea unhindered so `input` and composition events follow.
bool producesText(const char* key, bool ctrl, bool alt, bool meta);

}  // namespace mapathy::platform::web
