// The drawn icons: every icon draws something and no two look the same, so the share dialog's
// print and text-view buttons have their own pictures (a printer, a page of text) instead of borrowing
// the share and eye icons.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imgui.h"
#include "ui/style.hpp"

namespace mapathy::ui {
namespace {

// The vertices drawIcon() emits for `icon` at 32 px into `dl`, as bytes for comparison.
std::string geometryOf(ImDrawList* dl, Icon icon) {
  const int before = dl->VtxBuffer.Size;
  drawIcon(dl, icon, ImVec2(100, 100), 32.0f, IM_COL32(20, 20, 20, 255));
  return std::string(reinterpret_cast<const char*>(dl->VtxBuffer.Data + before),
                     static_cast<std::size_t>(dl->VtxBuffer.Size - before) * sizeof(ImDrawVert));
}

TEST(Icons, EveryIconIsDrawnAndDistinct) {
  ImGuiContext* context = ImGui::CreateContext();
  ImGui::SetCurrentContext(context);
  unsigned char* pixels = nullptr;
  int w = 0;
  int h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  ImGui::GetIO().DisplaySize = ImVec2(800, 600);
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini left in the working directory
  ImGui::NewFrame();
  ImGui::Begin("icons");
  {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<Icon> all = {Icon::Plus,  Icon::Minus,  Icon::Undo,  Icon::Redo,     Icon::Share,   Icon::Fit,
                                   Icon::Back,  Icon::Search, Icon::Close, Icon::Tag,      Icon::Eye,     Icon::Vote,
                                   Icon::Check, Icon::Trash,  Icon::Action, Icon::Globe,   Icon::Hand,    Icon::Touch,
                                   Icon::Copy,  Icon::Download, Icon::Filter, Icon::Warning, Icon::Info, Icon::Print,
                                   Icon::TextView};
    std::vector<std::string> drawn;
    for (const Icon icon : all) drawn.push_back(geometryOf(dl, icon));
    for (std::size_t i = 0; i < all.size(); ++i) {
      EXPECT_FALSE(drawn[i].empty()) << "icon " << i << " draws something";
      for (std::size_t j = i + 1; j < all.size(); ++j) EXPECT_NE(drawn[i], drawn[j]) << "icons " << i << " and " << j;
    }
  }
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext(context);
}

}  // namespace
}  // namespace mapathy::ui
