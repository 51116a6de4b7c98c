// Mapathy UI — QR codes on screen (see qr_view.hpp).
#include "ui/qr_view.hpp"

#include <algorithm>
#include <cmath>

#include "core/qr/qr.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

constexpr int kQuietZone = 4;

struct QrCache {
  std::string text;
  bool ok = false;
  QrCode code;
};

// The code for `text`: level M when it fits (survives a smudged screen), else L.
const QrCache& cached(const std::string& text) {
  static QrCache cache;
  static bool filled = false;
  if (!filled || cache.text != text) {
    filled = true;
    cache.text = text;
    QrOptions options;
    options.ecc = QrEcc::M;
    Result<QrCode> code = encodeQr(text, options);
    if (!code) {
      options.ecc = QrEcc::L;
      code = encodeQr(text, options);
    }
    cache.ok = code.ok();
    cache.code = code.ok() ? *code : QrCode{};
  }
  return cache;
}

void drawModules(ImDrawList* dl, ImVec2 pos, float side, const QrCode& code) {
  const int total = code.size + 2 * kQuietZone;
  // Whole pixels per module keep every module the same size (a scanner reads the grid).
  const float module = std::max(1.0f, std::floor(side / static_cast<float>(total)));
  const float drawn = module * static_cast<float>(total);
  const ImVec2 o(std::round(pos.x + (side - drawn) * 0.5f), std::round(pos.y + (side - drawn) * 0.5f));
  dl->AddRectFilled(o, ImVec2(o.x + drawn, o.y + drawn), IM_COL32(255, 255, 255, 255));
  const ImU32 dark = IM_COL32(0, 0, 0, 255);
  for (int y = 0; y < code.size; ++y) {
    int x = 0;
    while (x < code.size) {
      if (!code.at(x, y)) {
        ++x;
        continue;
      }
      int run = x;
      while (run < code.size && code.at(run, y)) ++run;
      const float x0 = o.x + module * static_cast<float>(x + kQuietZone);
      const float y0 = o.y + module * static_cast<float>(y + kQuietZone);
      dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + module * static_cast<float>(run - x), y0 + module), dark);
      x = run;
    }
  }
}

}  // namespace

bool qrCodeWidget(const char* id, const std::string& text, float side) {
  const QrCache& c = cached(text);
  if (!c.ok) {
    hintText(tr("qr.tooLong"));
    return false;
  }
  side = std::floor(side);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const std::string widgetId = std::string(id) + "##qr";
  ImGui::InvisibleButton(widgetId.c_str(), ImVec2(side, side));
  drawModules(ImGui::GetWindowDrawList(), pos, side, c.code);
  return true;
}

void qrFullScreenButton(const char* id, const std::string& text) {
  const std::string popup = std::string("###") + id + ".full";
  if (iconButton(label("qr.fullScreen", id).c_str(), Icon::Fit, false, cached(text).ok)) {
    ImGui::OpenPopup(popup.c_str());
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(display);
  ImGui::PushStyleColor(ImGuiCol_PopupBg, IM_COL32(255, 255, 255, 255));
  const std::string title = std::string(tr("qr.fullTitle")) + popup;
  if (ImGui::BeginPopupModal(title.c_str(), nullptr,
                             ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize)) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float closeH = minTarget() + 8.0f;
    const float side = std::max(64.0f, std::min(avail.x, avail.y - closeH));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail.x - side) * 0.5f);
    qrCodeWidget((std::string(id) + ".large").c_str(), text, side);
    if (ImGui::Button(label("common.close", std::string(id) + ".full").c_str(), ImVec2(-1, minTarget())) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }
  ImGui::PopStyleColor();
}

}  // namespace mapathy::ui
