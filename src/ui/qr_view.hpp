// Mapathy UI — a share link as a QR code, drawn with the draw list from core/qr.hpp.
//
// Used by the share dialog (facilitator → room) and by "Send back" (participant → facilitator).
// The code is drawn as dark squares on white with the standard's quiet zone of four modules, at a
// whole number of pixels per module so its edges stay crisp, as large as the space given: big enough
// to be scanned from a projector. Encoding is cached per text (the dialog draws every frame).
// The widget is an item labelled "<id>" (e.g. "share.qr") so tests can find and measure it.
#pragma once

#include <string>

#include "imgui.h"

namespace mapathy::ui {

// Draws `text` as a QR code of at most `side` pixels square at the cursor. Returns false (and draws
// a short explanation instead) when the text is too long for a QR code.
bool qrCodeWidget(const char* id, const std::string& text, float side);

// A button that opens the same code full-screen (for the projector) and the popup it opens; call
// both inside the dialog that shows the code.
void qrFullScreenButton(const char* id, const std::string& text);

}  // namespace mapathy::ui
