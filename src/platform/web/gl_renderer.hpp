// Draws Dear ImGui's draw data into the page's WebGL2 canvas. Mapathy's own replacement for ImGui's OpenGL3
// backend, written for one fact: this renderer owns its GL context and nothing else ever draws into it.
//
// Why not the stock backend: it is written to live inside somebody else's engine, so every frame it saves
// and restores the GL state it touches (about twenty glGetIntegerv/glIsEnabled calls). In a browser each of
// those is a synchronous round trip to the GPU process: the page's main thread waits until the GPU has run
// everything sent before (Chromium's CommandBufferHelper::Finish) — hundreds of milliseconds per frame under
// software rendering, during which input, timers and text events wait too (tools/bench-trace.mjs measures it).
//
// So: every piece of state is set once at start (blend, scissor, program, vertex layout, texture unit) and
// never read back; nothing on the frame path asks the GPU anything. Vertex and index buffers persist and
// grow only when a frame needs more; the font atlas goes up as a one-channel texture only when it changed
// (at start and when the semibold face arrives or the pixel ratio changes).
//
// A frame whose draw data is the same as the last one's (ImGui's settle frames after input mostly are) sends
// nothing to the GPU at all: the canvas keeps showing the last picture, and the GPU process (software
// rendering takes it a large part of a second for a full window) has no work.
//
// Identical pixels to the stock backend: same projection, same blend function, same sampling. The atlas is
// uploaded as its alpha channel alone (R8) instead of white RGBA; the shader multiplies the vertex colour's
// alpha by it, which is exactly what white × alpha gave. Once the atlas holds colour glyphs (emoji drawn by
// the browser) it goes up as RGBA and the shader multiplies like the stock one; a constant vertex attribute
// set at upload tells the shader which, so the frame path still sets nothing.
#pragma once

#include <cstddef>
#include "imgui.h"  // ImVector

struct ImDrawData;
struct ImFontAtlas;

namespace mapathy::platform::web {

class GlRenderer {
 public:
  // Takes the canvas's WebGL2 context and the program web/platform.js created early (the GPU process sets the
  // context up and links the shaders while the module downloads) and sets up everything once. False when
  // the browser offers no WebGL2.
  bool init(const char* canvasSelector);

  // Uploads the atlas's pixels as the font texture and points the atlas at it. Call after every rebuild of
  // the atlas (and only then). Builds the atlas first when it has not been built.
  void uploadFontAtlas(ImFontAtlas& atlas);

  // Once at start, after the first atlas upload and before the app's first frame (which waits for a board
  // to be decoded): clears the canvas to `clear` (RGB, the page's own background, so nothing changes on
  // screen) and draws one invisible triangle with the frame's exact pipeline (program, vertex layout, blend,
  // scissor, texture). The GPU process then compiles that pipeline — with software rendering the longest
  // part of the first frame's GPU work, which delays the frames after it — while the main thread decodes the
  // board, instead of after the first frame.
  void warmUp(int framebufferWidth, int framebufferHeight, const float clear[3]);

  // Clears to `clear` (RGB) and draws the frame — unless it would draw exactly what the canvas shows
  // already. `framebufferWidth/Height` are the canvas's pixel size. Returns whether it drew.
  bool render(const ImDrawData& drawData, int framebufferWidth, int framebufferHeight, const float clear[3]);

 private:
  unsigned program_ = 0;
  unsigned vertexArray_ = 0;
  unsigned vertexBuffer_ = 0;
  unsigned indexBuffer_ = 0;
  unsigned fontTexture_ = 0;
  std::size_t vertexCapacity_ = 0;  // bytes allocated in the GL buffers
  std::size_t indexCapacity_ = 0;
  // State last sent, so unchanged values are not sent again.
  int viewportWidth_ = -1, viewportHeight_ = -1;
  float projectionSize_[2] = {0, 0};
  float clear_[3] = {-1, -1, -1};
  std::size_t vertexOffset_ = static_cast<std::size_t>(-1);  // byte offset the attribute pointers use
  // Everything the last drawn frame depended on (draw commands, vertices, indices, clear colour), and
  // whether the canvas still shows it (a new atlas or a resized canvas means it does not).
  ImVector<unsigned char> shown_, next_;  // the frame drawn and the next, as bytes (render())
  bool canvasCurrent_ = false;
  bool programInUse_ = false;
};

}  // namespace mapathy::platform::web
