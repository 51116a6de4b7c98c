// The web platform: drives mapathy::ui::App in the browser. Owns the WebGL2 context, the Dear ImGui
// context and its renderer (gl_renderer.hpp); turns html5.h events (mouse, touch, wheel, keys, resize) and the
// hidden textarea's text (web/platform.js) into ImGuiIO events; renders on demand only (input, timers and
// App::nextFrameDueMs wake it, an idle page draws nothing); serves window.mapathy.
//
// Coordinates: ImGui works in CSS pixels (io.DisplaySize); the canvas backing store is CSS size ×
// devicePixelRatio (io.DisplayFramebufferScale), and fonts are rasterised at that ratio so text is crisp.
#pragma once

namespace mapathy::platform::web {

// Creates everything and starts listening. Returns at once; the browser's event loop drives the rest.
// Returns false (after showing a message in the page) when WebGL2 is not available.
bool start();

}  // namespace mapathy::platform::web
