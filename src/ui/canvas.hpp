// Mapathy UI — a zoomable, pannable canvas shared by the empathy-map and journey views.
//
// Views lay their content out in *world* units (1 unit = 1 CSS pixel at zoom 1) and draw it through the
// transform here. Usage per frame:
//
//   canvas.setContent(min, max);          // the view's layout, known before drawing (for "fit")
//   canvas.begin("empathy", size);        // a child region; wheel zooms around the cursor
//   if (canvas.visible(worldRect)) …      // culling: skip what is off screen
//   draw with canvas.toScreen(…), canvas.fontSize(base), canvas.drawList()
//   CanvasEvents ev = canvas.end();       // last: empty space pans on drag, reports clicks/double-clicks
//
// Items submitted between begin() and end() (cards, buttons) take the mouse before the empty-space
// background, because end() submits the background last. Fit requests made before begin() (fit()
// from a toolbar button) are applied as soon as the region's size is known. fitContent() (a board just
// opened, the toolbar's "fit") is applied in the next begin() to the content that frame's view reports
// through setContent(): so a board's very first frame is drawn at its opening zoom, whatever the window
// size and however slow that first frame is, and the zoom never jumps a frame later.
#pragma once

#include "imgui.h"

namespace mapathy::ui {

struct CanvasEvents {
  bool clicked = false;        // a click (press + release without drag) on empty space
  bool doubleClicked = false;  // a double-click/double-tap on empty space
  ImVec2 world{0, 0};          // where, in world units
  float swipeX = 0.0f;         // scroll mode: a finished sideways swipe on empty space, screen px (left < 0)
};

class Canvas {
 public:
  static constexpr float kMinZoom = 0.15f;
  static constexpr float kMaxZoom = 4.0f;

  void begin(const char* id, ImVec2 size);
  CanvasEvents end();

  // ---- transform
  [[nodiscard]] ImVec2 toScreen(ImVec2 world) const {
    return ImVec2(origin_.x + (world.x - pan_.x) * zoom_, origin_.y + (world.y - pan_.y) * zoom_);
  }
  [[nodiscard]] ImVec2 toWorld(ImVec2 screen) const {
    return ImVec2(pan_.x + (screen.x - origin_.x) / zoom_, pan_.y + (screen.y - origin_.y) / zoom_);
  }
  [[nodiscard]] float toScreen(float length) const { return length * zoom_; }
  [[nodiscard]] float zoom() const { return zoom_; }
  // A world-space font size (e.g. 15) as pixels on screen at the current zoom.
  [[nodiscard]] float fontSize(float worldSize) const { return worldSize * zoom_; }

  // ---- culling: true when any part of the world rectangle is inside the visible region.
  [[nodiscard]] bool visible(ImVec2 worldMin, ImVec2 worldMax) const;
  [[nodiscard]] ImVec2 viewMinWorld() const { return toWorld(origin_); }
  [[nodiscard]] ImVec2 viewMaxWorld() const { return toWorld(ImVec2(origin_.x + size_.x, origin_.y + size_.y)); }

  // ---- view changes
  void zoomAt(float factor, ImVec2 screenPivot);  // keeps the world point under the pivot fixed
  void zoomBy(float factor);                      // around the centre of the region
  void panBy(ImVec2 screenDelta);
  // Shows the whole world rectangle (with a margin) at the largest zoom ≤ 1.25 that fits.
  // `readable` (a board just opened): never below 100 %, so text is readable from the start; a board
  // larger than the screen then shows its top-left part (centred when its width fits).
  void fit(ImVec2 worldMin, ImVec2 worldMax, bool readable = false);
  // Fits, in the next begin(), the rectangle the view passes to setContent() just before it.
  void fitContent(bool readable = false);
  // The world rectangle of everything the view will draw this frame; call before begin().
  void setContent(ImVec2 worldMin, ImVec2 worldMax);
  // Moves so the world point is in the centre (keeps zoom).
  void centreOn(ImVec2 world);
  [[nodiscard]] bool hasBeenFitted() const { return fitted_; }

  // ---- scroll mode (the reading layout): zoom stays at 1, the content is one column as wide as the region,
  // the wheel and a finger scroll it vertically (with momentum after a flick), sideways drags are reported
  // as swipes instead of panning, and the view never leaves the content.
  void setScrollMode(bool on) { scrollMode_ = on; }
  [[nodiscard]] bool scrollMode() const { return scrollMode_; }
  // True while a flick is still gliding (the platform keeps drawing frames).
  [[nodiscard]] bool gliding() const { return scrollMode_ && velocityY_ != 0.0f; }
  void scrollToTop() {
    pan_ = contentMin_;
    velocityY_ = 0.0f;
  }

  // ---- where the region is this frame (valid between begin and end, and after end until next begin)
  [[nodiscard]] ImVec2 origin() const { return origin_; }
  [[nodiscard]] ImVec2 size() const { return size_; }
  [[nodiscard]] ImDrawList* drawList() const { return drawList_; }
  [[nodiscard]] bool panning() const { return panning_; }

 private:
  void applyPendingFit();
  void clampScroll();
  void scrollInput(CanvasEvents* ev);

  float zoom_ = 1.0f;
  ImVec2 pan_{0, 0};     // world point at the region's top-left corner
  ImVec2 origin_{0, 0};  // region's top-left on screen
  ImVec2 size_{1, 1};
  ImDrawList* drawList_ = nullptr;
  bool panning_ = false;
  bool fitted_ = false;
  bool fitPending_ = false;
  bool fitReadable_ = false;
  bool fitToContent_ = false;  // the pending fit takes its rectangle from setContent()
  ImVec2 contentMin_{0, 0};
  ImVec2 contentMax_{0, 0};
  ImVec2 fitMin_{0, 0};
  ImVec2 fitMax_{0, 0};
  bool scrollMode_ = false;
  float velocityY_ = 0.0f;    // scroll mode: screen px per second, after the finger lifts
  float swipeX_ = 0.0f;       // scroll mode: sideways travel of the drag in progress
  bool pressInside_ = false;  // scroll mode: the finger went down in the region
};

}  // namespace mapathy::ui
