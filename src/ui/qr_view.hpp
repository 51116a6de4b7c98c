// Mapathy UI — a share link as a QR code, drawn with the draw list from core/qr.hpp.
//
// Used by the share dialog (facilitator → room) and by "Send back" (participant → facilitator).
// The code comes from the tools module (ui/tools_client.hpp: the QR encoder is not in the first download),
// asked for once per text; until its answer is there the widget shows "preparing…" in the same square.
// The code is drawn as dark squares on white with the standard's quiet zone of four modules, at a
// whole number of pixels per module so its edges stay crisp, as large as the space given: big enough
// to be scanned from a projector. Codes are cached per text (the dialog draws every frame).
// The widget is an item labelled "<id>" (e.g. "share.qr") so tests can find and measure it.
#pragma once

#include <string>

#include "imgui.h"
#include "ui/tools_client.hpp"

namespace mapathy::ui {

// The tools client the widgets below ask (the app sets its own at the start of every frame).
void setQrTools(ToolsClient* tools);

// Draws `text` as a QR code of at most `side` pixels square at the cursor. Returns false (and draws
// a short explanation instead) when the text is too long for a QR code or the code is still coming.
bool qrCodeWidget(const char* id, const std::string& text, float side);

// A button that opens the same code full-screen (for the projector) and the popup it opens; call
// both inside the dialog that shows the code.
void qrFullScreenButton(const char* id, const std::string& text);

}  // namespace mapathy::ui
