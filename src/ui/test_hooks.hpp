// Mapathy test hooks — gives browser and UI tests "eyes": every frame, every Dear ImGui item's label, ID
// and rectangle, recorded through ImGui's test-engine item hooks (compiled in with IMGUI_ENABLE_TEST_ENGINE;
// we implement the hooks ourselves rather than linking the separate test-engine library).
//
// Usage: create one ItemRecorder per ImGui context and install() it after ImGui::CreateContext(). It hooks
// NewFrame/EndFrame itself, so lastFrame() always holds the LAST COMPLETED frame (the one on screen),
// never a half-built one. The web platform serves it as window.mapathy.widgets(); tests/ui finds items by
// label with find().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

struct ImGuiContext;

namespace mapathy::ui {

struct RecordedItem {
  std::uint32_t id = 0;    // ImGuiID
  std::string label;       // visible label: the text before "##" ("" for items without one)
  std::string rawLabel;    // the label as passed to ImGui, including any "##id" suffix
  std::string window;      // name of the window the item belongs to
  float x = 0, y = 0, w = 0, h = 0;  // rectangle in ImGui coordinates (the web platform: CSS pixels)
  bool visible = false;    // some part of the rectangle lies inside the window's clip rectangle
  int statusFlags = 0;     // ImGuiItemStatusFlags reported with the label (checkable, checked, open …)
};

class ItemRecorder {
 public:
  ItemRecorder() = default;
  ~ItemRecorder();
  ItemRecorder(const ItemRecorder&) = delete;
  ItemRecorder& operator=(const ItemRecorder&) = delete;

  // Starts recording on `context` (sets TestEngineHookItems and registers frame hooks).
  void install(ImGuiContext* context);
  // Stops recording; called by the destructor. The context must still exist.
  void uninstall();

  // Items of the last completed frame, in submission order.
  [[nodiscard]] const std::vector<RecordedItem>& lastFrame() const { return completed_; }
  // Frames completed since install().
  [[nodiscard]] std::uint64_t completedFrames() const { return completedFrames_; }
  // The first visible item of the last completed frame whose visible label equals `label` (falls back to
  // a hidden one); nullptr when there is none.
  [[nodiscard]] const RecordedItem* find(std::string_view label) const;
  // The last completed frame as a JSON array of {label, rawLabel, id, window, x, y, w, h, visible, flags},
  // coordinates multiplied by `scale` (1 when ImGui already works in CSS pixels) and offset by (dx, dy).
  [[nodiscard]] std::string toJson(float scale = 1.0f, float dx = 0.0f, float dy = 0.0f) const;

  // ---- called from the ImGui hooks (test_hooks.cpp); not for other callers.
  void onItemAdd(std::uint32_t id, float x0, float y0, float x1, float y1, bool visible, const char* window);
  void onItemInfo(std::uint32_t id, const char* label, int flags);
  [[nodiscard]] const char* labelOf(std::uint32_t id) const;
  void onFrameStart();
  void onFrameEnd();

 private:
  ImGuiContext* context_ = nullptr;
  std::vector<RecordedItem> current_;
  std::vector<RecordedItem> completed_;
  std::uint64_t completedFrames_ = 0;
  std::uint32_t newFrameHook_ = 0;
  std::uint32_t endFrameHook_ = 0;
};

}  // namespace mapathy::ui
