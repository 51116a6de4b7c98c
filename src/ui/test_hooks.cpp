// Implements Dear ImGui's test-engine item hooks (declared in imgui_internal.h) on top of ItemRecorder.
// ImGui calls ImGuiTestEngineHook_ItemAdd for every item with an ID (its rectangle) and, for most widgets,
// ImGuiTestEngineHook_ItemInfo right after (its label and status). The recorder lives in the context's
// TestEngine pointer, so several contexts (UI tests) can record independently.
#include "ui/test_hooks.hpp"

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "imgui_internal.h"

namespace mapathy::ui {
namespace {

ItemRecorder* recorderOf(ImGuiContext* context) {
  return context != nullptr ? static_cast<ItemRecorder*>(context->TestEngine) : nullptr;
}

std::string visibleLabel(std::string_view raw) {
  const auto hidden = raw.find("##");
  return std::string(hidden == std::string_view::npos ? raw : raw.substr(0, hidden));
}

}  // namespace

ItemRecorder::~ItemRecorder() { uninstall(); }

void ItemRecorder::install(ImGuiContext* context) {
  uninstall();
  context_ = context;
  context_->TestEngine = this;
  context_->TestEngineHookItems = true;

  ImGuiContextHook start;
  start.Type = ImGuiContextHookType_NewFramePre;
  start.UserData = this;
  start.Callback = [](ImGuiContext*, ImGuiContextHook* hook) {
    static_cast<ItemRecorder*>(hook->UserData)->onFrameStart();
  };
  newFrameHook_ = ImGui::AddContextHook(context_, &start);

  ImGuiContextHook end;
  end.Type = ImGuiContextHookType_EndFramePost;
  end.UserData = this;
  end.Callback = [](ImGuiContext*, ImGuiContextHook* hook) {
    static_cast<ItemRecorder*>(hook->UserData)->onFrameEnd();
  };
  endFrameHook_ = ImGui::AddContextHook(context_, &end);
}

void ItemRecorder::uninstall() {
  if (context_ == nullptr) return;
  ImGui::RemoveContextHook(context_, newFrameHook_);
  ImGui::RemoveContextHook(context_, endFrameHook_);
  if (context_->TestEngine == this) {
    context_->TestEngine = nullptr;
    context_->TestEngineHookItems = false;
  }
  context_ = nullptr;
}

const RecordedItem* ItemRecorder::find(std::string_view label) const {
  const RecordedItem* hidden = nullptr;
  for (const RecordedItem& item : completed_) {
    if (item.label != label) continue;
    if (item.visible) return &item;
    if (hidden == nullptr) hidden = &item;
  }
  return hidden;
}

std::string ItemRecorder::toJson(float scale, float dx, float dy) const {
  nlohmann::json items = nlohmann::json::array();
  for (const RecordedItem& item : completed_) {
    items.push_back({{"label", item.label},
                     {"rawLabel", item.rawLabel},
                     {"id", item.id},
                     {"window", item.window},
                     {"x", item.x * scale + dx},
                     {"y", item.y * scale + dy},
                     {"w", item.w * scale},
                     {"h", item.h * scale},
                     {"visible", item.visible},
                     {"flags", item.statusFlags}});
  }
  // Labels come from the UI and may hold invalid UTF-8 (a cut string): replace rather than throw.
  return items.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void ItemRecorder::onItemAdd(std::uint32_t id, float x0, float y0, float x1, float y1, bool visible,
                             const char* window) {
  RecordedItem item;
  item.id = id;
  item.x = x0;
  item.y = y0;
  item.w = x1 - x0;
  item.h = y1 - y0;
  item.visible = visible;
  item.window = window != nullptr ? window : "";
  current_.push_back(std::move(item));
}

void ItemRecorder::onItemInfo(std::uint32_t id, const char* label, int flags) {
  // The label belongs to the item just added; search backwards a little in case of nesting.
  for (auto it = current_.rbegin(); it != current_.rend(); ++it) {
    if (it->id != id) continue;
    if (label != nullptr) {
      it->rawLabel = label;
      it->label = visibleLabel(it->rawLabel);
    }
    it->statusFlags = flags;
    return;
  }
}

const char* ItemRecorder::labelOf(std::uint32_t id) const {
  for (const auto* frame : {&current_, &completed_}) {
    for (const RecordedItem& item : *frame) {
      if (item.id == id && !item.rawLabel.empty()) return item.rawLabel.c_str();
    }
  }
  return nullptr;
}

void ItemRecorder::onFrameStart() { current_.clear(); }

void ItemRecorder::onFrameEnd() {
  completed_.swap(current_);
  current_.clear();
  ++completedFrames_;
}

}  // namespace mapathy::ui

// ---- The hooks Dear ImGui calls (global functions declared in imgui_internal.h).

void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& navRect, const ImGuiLastItemData* data) {
  mapathy::ui::ItemRecorder* recorder = mapathy::ui::recorderOf(ctx);
  if (recorder == nullptr || id == 0) return;
  const ImRect& bb = data != nullptr ? data->Rect : navRect;
  const ImGuiWindow* window = ctx->CurrentWindow;
  const bool visible = window == nullptr || window->ClipRect.Overlaps(bb);
  recorder->onItemAdd(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y, visible, window != nullptr ? window->Name : "");
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  mapathy::ui::ItemRecorder* recorder = mapathy::ui::recorderOf(ctx);
  if (recorder != nullptr) recorder->onItemInfo(id, label, flags);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {
  // ImGui's own debug log lines for a test engine; the recorder has no use for them.
}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext* ctx, ImGuiID id) {
  const mapathy::ui::ItemRecorder* recorder = mapathy::ui::recorderOf(ctx);
  return recorder != nullptr ? recorder->labelOf(id) : nullptr;
}
