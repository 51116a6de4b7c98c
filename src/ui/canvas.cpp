// Mapathy UI — zoom/pan canvas (see canvas.hpp).
#include "ui/canvas.hpp"

#include <algorithm>
#include <cmath>

#include "imgui_internal.h"
#include "ui/style.hpp"

namespace mapathy::ui {

void Canvas::begin(const char* id, ImVec2 size) {
  size.x = std::max(size.x, 1.0f);
  size.y = std::max(size.y, 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kCanvas);
  ImGui::BeginChild(id, size, ImGuiChildFlags_None,
                    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
  ImGui::PopStyleColor();
  ImGui::PopStyleVar();
  origin_ = ImGui::GetCursorScreenPos();
  size_ = size;
  drawList_ = ImGui::GetWindowDrawList();
  applyPendingFit();
  const ImGuiIO& io = ImGui::GetIO();
  if (scrollMode_) {
    zoom_ = 1.0f;
    if (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MouseWheel != 0.0f && !io.KeyCtrl) {
      velocityY_ = 0.0f;
      pan_.y -= io.MouseWheel * 60.0f;
    }
    if (velocityY_ != 0.0f) {  // a flick glides on and slows down
      const float dt = std::clamp(io.DeltaTime, 0.0f, 0.1f);
      pan_.y -= velocityY_ * dt;
      velocityY_ *= std::exp(-4.0f * dt);
      if (std::fabs(velocityY_) < 20.0f) velocityY_ = 0.0f;
    }
    clampScroll();
  }

  // Wheel (and trackpad pinch, which browsers send as ctrl+wheel) zooms around the cursor.
  if (!scrollMode_ && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MouseWheel != 0.0f) {
    const float factor = std::pow(1.15f, io.MouseWheel);
    zoomAt(factor, io.MousePos);
  }
  if (!scrollMode_ && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MouseWheelH != 0.0f) {
    panBy(ImVec2(io.MouseWheelH * 40.0f, 0.0f));
  }

  // Dot grid: a quiet texture that makes panning visible. Spacing adapts so dots never get dense.
  float step = 32.0f * zoom_;
  while (step < 14.0f) {
    step *= 2.0f;
  }
  const float offX = std::fmod(-pan_.x * zoom_, step);
  const float offY = std::fmod(-pan_.y * zoom_, step);
  const float r = std::clamp(1.2f * zoom_, 0.8f, 1.6f);
  for (float y = origin_.y + (offY < 0 ? offY + step : offY); y < origin_.y + size_.y; y += step) {
    for (float x = origin_.x + (offX < 0 ? offX + step : offX); x < origin_.x + size_.x; x += step) {
      drawList_->AddRectFilled(ImVec2(x - r, y - r), ImVec2(x + r, y + r), colours::kCanvasDots);
    }
  }
}

CanvasEvents Canvas::end() {
  CanvasEvents ev;
  // The empty-space background goes last so every item drawn before it wins the mouse.
  ImGui::SetCursorScreenPos(origin_);
  ImGui::InvisibleButton("##canvas-background", size_,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonMiddle);
  const ImGuiIO& io = ImGui::GetIO();
  if (scrollMode_) {
    scrollInput(&ev);
  } else if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f) ||
                                       ImGui::IsMouseDragging(ImGuiMouseButton_Middle, 2.0f))) {
    panning_ = true;
    panBy(io.MouseDelta);
  }
  if (!ImGui::IsItemActive() && !scrollMode_) {
    panning_ = false;
  }
  if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    ev.doubleClicked = true;
    ev.world = toWorld(io.MousePos);
  } else if (ImGui::IsItemDeactivated() && !panning_ && ImGui::IsItemHovered() && io.MouseClickedLastCount[0] < 2) {
    ev.clicked = true;
    ev.world = toWorld(io.MousePos);
  }
  if (ImGui::IsItemDeactivated()) {
    panning_ = false;
  }
  ImGui::EndChild();
  return ev;
}

// Scroll mode: a finger scrolls wherever it lands in the region — on a card or a button too (a drag
// never becomes their click), since in one narrow column cards cover most of the screen.
void Canvas::scrollInput(CanvasEvents* ev) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    // (a card or button under the finger is already active in this frame: the region counts as hovered anyway)
    pressInside_ =
        ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows | ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        !io.WantTextInput;
    velocityY_ = 0.0f;  // a finger on the glass stops a glide
    swipeX_ = 0.0f;
  }
  if (pressInside_ && ImGui::IsMouseDown(ImGuiMouseButton_Left) &&
      ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f)) {
    if (!panning_) {
      ImGui::ClearActiveID();  // the card or button under the finger lets go: this is a scroll
    }
    panning_ = true;
    pan_.y -= io.MouseDelta.y;
    swipeX_ += io.MouseDelta.x;
    const float dt = std::max(io.DeltaTime, 1.0f / 240.0f);
    velocityY_ = velocityY_ * 0.5f + (io.MouseDelta.y / dt) * 0.5f;  // smoothed: the last moves count most
    clampScroll();
  }
  if (pressInside_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    const ImVec2 drag = ImGui::GetMouseDragDelta(ImGuiMouseButton_Left, 0.0f);
    if (std::fabs(swipeX_) > 60.0f && std::fabs(swipeX_) > std::fabs(drag.y) * 1.5f) {
      ev->swipeX = swipeX_;  // mostly sideways: a swipe, not a flick
      velocityY_ = 0.0f;
    } else if (std::fabs(velocityY_) < 150.0f) {
      velocityY_ = 0.0f;
    }
    swipeX_ = 0.0f;
    pressInside_ = false;
  }
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left) && !ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    panning_ = false;
  }
}

bool Canvas::visible(ImVec2 worldMin, ImVec2 worldMax) const {
  const ImVec2 a = toScreen(worldMin);
  const ImVec2 b = toScreen(worldMax);
  return b.x >= origin_.x && b.y >= origin_.y && a.x <= origin_.x + size_.x && a.y <= origin_.y + size_.y;
}

void Canvas::zoomAt(float factor, ImVec2 screenPivot) {
  if (scrollMode_) {
    return;  // the reading layout keeps its size; "Whole board" zooms
  }
  const ImVec2 before = toWorld(screenPivot);
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  // Keep `before` under the pivot: pivot = origin + (before - pan) * zoom.
  pan_.x = before.x - (screenPivot.x - origin_.x) / zoom_;
  pan_.y = before.y - (screenPivot.y - origin_.y) / zoom_;
}

void Canvas::zoomBy(float factor) { zoomAt(factor, ImVec2(origin_.x + size_.x * 0.5f, origin_.y + size_.y * 0.5f)); }

void Canvas::panBy(ImVec2 screenDelta) {
  pan_.x -= screenDelta.x / zoom_;
  pan_.y -= screenDelta.y / zoom_;
}

void Canvas::fit(ImVec2 worldMin, ImVec2 worldMax, bool readable) {
  fitPending_ = true;
  fitToContent_ = false;
  fitReadable_ = readable;
  fitMin_ = worldMin;
  fitMax_ = worldMax;
  fitted_ = true;
}

void Canvas::fitContent(bool readable) {
  fit(contentMin_, contentMax_, readable);
  fitToContent_ = true;
}

void Canvas::setContent(ImVec2 worldMin, ImVec2 worldMax) {
  contentMin_ = worldMin;
  contentMax_ = worldMax;
}

void Canvas::applyPendingFit() {
  if (!fitPending_) {
    return;
  }
  fitPending_ = false;
  if (fitToContent_) {
    fitMin_ = contentMin_;
    fitMax_ = contentMax_;
    fitToContent_ = false;
  }
  const float margin = 32.0f;
  const float w = std::max(fitMax_.x - fitMin_.x, 1.0f);
  const float h = std::max(fitMax_.y - fitMin_.y, 1.0f);
  const float zx = (size_.x - margin * 2.0f) / w;
  const float zy = (size_.y - margin * 2.0f) / h;
  zoom_ = std::clamp(std::min({zx, zy, 1.25f}), kMinZoom, kMaxZoom);
  // Centre the rectangle.
  pan_.x = fitMin_.x + w * 0.5f - size_.x * 0.5f / zoom_;
  pan_.y = fitMin_.y + h * 0.5f - size_.y * 0.5f / zoom_;
  if (fitReadable_ && zoom_ < 1.0f) {
    zoom_ = 1.0f;
    pan_.x = w + margin * 2.0f <= size_.x ? fitMin_.x + w * 0.5f - size_.x * 0.5f : fitMin_.x - margin;
    pan_.y = h + margin * 2.0f <= size_.y ? fitMin_.y + h * 0.5f - size_.y * 0.5f : fitMin_.y - margin;
  }
  fitReadable_ = false;
}

void Canvas::centreOn(ImVec2 world) {
  pan_.x = world.x - size_.x * 0.5f / zoom_;
  pan_.y = world.y - size_.y * 0.5f / zoom_;
  if (scrollMode_) clampScroll();
}

void Canvas::clampScroll() {
  pan_.x = contentMin_.x;
  const float bottom = std::max(contentMin_.y, contentMax_.y - size_.y);
  const float y = std::clamp(pan_.y, contentMin_.y, bottom);
  if (y != pan_.y) {
    velocityY_ = 0.0f;  // a glide stops at either end
    pan_.y = y;
  }
}

}  // namespace mapathy::ui
