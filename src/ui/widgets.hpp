// Mapathy UI — small ImGui helpers used by several views: text inputs bound to std::string (growing
// buffers, so long German text never gets cut off), a hint line and the ending of a modal dialog.
#pragma once

#include <string>
#include <string_view>

#include "imgui.h"

namespace mapathy::ui {

// Returns true when the text changed this frame.
bool inputText(const char* label, std::string* text, ImGuiInputTextFlags flags = 0);
bool inputTextWithHint(const char* label, const char* hint, std::string* text, ImGuiInputTextFlags flags = 0);
// A box of one-line entries (pasted links), one per line. Dear ImGui's multi-line input does not wrap: prose
// (notes, a persona's goal, a stage's description, an action) goes through TextBoxes (text_box.hpp).
bool inputLineList(const char* label, std::string* text, ImVec2 size);

// Wrapped, muted text (hints under headings).
void hintText(const char* text);

// Size and place of the next dialog: `maxWidth` wide or the screen's width less a margin, never taller than
// the screen (its content then scrolls), centred across and at `pivotY` of the height. Phones get dialogs
// that fit; laptops the usual size.
void placeDialog(float maxWidth, float pivotY = 0.5f, bool recentre = false);
// `text` cut to fit `width` pixels with "…" at the end (whole UTF-8 characters), in `font` at `size` (the
// current font and size when null/0); unchanged when it fits, unless `always` (more text follows elsewhere).
std::string ellipsized(std::string_view text, float width, const ImFont* font = nullptr, float size = 0.0f,
                       bool always = false);
// A finger dragged on a dialog scrolls it when it is taller than the screen (ImGui scrolls by wheel only;
// the drag would otherwise move the window). Call inside the dialog, before EndPopup (endDialog does).
void dragScroll();

// The end of a modal dialog: a "Cancel" button beside what came before (`scope` keeps its ID apart from
// other dialogs' "###common.cancel.<scope>"), Escape does the same; the popup closes when either was
// used or `close` is already true. Call where ImGui::EndPopup() would go.
void endDialog(const char* scope, bool close);

}  // namespace mapathy::ui
