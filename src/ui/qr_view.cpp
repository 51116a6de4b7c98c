// Mapathy UI — QR codes on screen (see qr_view.hpp).
#include "ui/qr_view.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

constexpr int kQuietZone = 4;

struct QrCode {
  int size = 0;
  std::string modules;  // size × size, row by row, '1' = dark
  [[nodiscard]] bool at(int x, int y) const {
    return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) + static_cast<std::size_t>(x)] == '1';
  }
};

enum class QrState { Coming, Ready, Failed };

struct QrCache {
  std::string text;
  QrState state = QrState::Coming;
  const ToolsClient* askedBy = nullptr;
  QrCode code;
  std::string unavailable;  // the tools module could not be loaded: why (asked again a little later)
  double failedAt = 0.0;
};

constexpr double kRetrySeconds = 5.0;

ToolsClient* currentTools = nullptr;
std::vector<QrCache> cache;  // the few codes on screen lately (share dialog, send back, full screen)
constexpr std::size_t kCacheSize = 4;

QrCache* find(const std::string& text) {
  for (QrCache& c : cache) {
    if (c.text == text) return &c;
  }
  return nullptr;
}

// The code for `text`, asked for the first time it is needed: level M when it fits (survives a smudged
// screen), else L (the tools module's "auto").
const QrCache& cached(const std::string& text) {
  QrCache* c = find(text);
  if (c == nullptr) {
    if (cache.size() >= kCacheSize) cache.erase(cache.begin());
    cache.push_back(QrCache{text, QrState::Coming, nullptr, {}, {}, 0.0});
    c = &cache.back();
  }
  if (!c->unavailable.empty() && ImGui::GetTime() - c->failedAt > kRetrySeconds) {
    *c = QrCache{text, QrState::Coming, nullptr, {}, {}, 0.0};  // perhaps the network is back
  }
  // Asked by an app that is gone (tests run several one after the other): ask again.
  if (c->state == QrState::Coming && c->askedBy != currentTools && currentTools != nullptr) {
    c->askedBy = currentTools;
    currentTools->request({{"op", "qr"}, {"text", text}, {"ecc", "auto"}}, [text](const ToolResult& r) {
      QrCache* entry = find(text);
      if (entry == nullptr) return;
      const bool valid = r.ok && r.size > 0 &&
                         r.modules.size() == static_cast<std::size_t>(r.size) * static_cast<std::size_t>(r.size);
      entry->state = valid ? QrState::Ready : QrState::Failed;
      if (valid) entry->code = QrCode{r.size, r.modules};
      if (r.unavailable) {
        entry->unavailable = r.message();
        entry->failedAt = ImGui::GetTime();
      }
    });
  }
  return *c;
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

void setQrTools(ToolsClient* tools) { currentTools = tools; }

bool qrCodeWidget(const char* id, const std::string& text, float side) {
  const QrCache& c = cached(text);
  if (c.state == QrState::Failed) {
    hintText(c.unavailable.empty() ? tr("qr.tooLong") : text::format(tr("tools.failed"), c.unavailable).c_str());
    return false;
  }
  side = std::floor(side);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (c.state == QrState::Coming) {  // the same square, so nothing moves when the code arrives
    const std::string waitId = std::string(id) + ".coming##qr";
    ImGui::InvisibleButton(waitId.c_str(), ImVec2(side, side));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRect(pos, ImVec2(pos.x + side, pos.y + side), colours::kInkMuted, 6.0f);
    const char* note = tr("tools.preparing");
    const ImVec2 ts = ImGui::CalcTextSize(note);
    dl->AddText(ImVec2(pos.x + (side - ts.x) * 0.5f, pos.y + (side - ts.y) * 0.5f), colours::kInkMuted, note);
    return false;
  }
  const std::string widgetId = std::string(id) + "##qr";
  ImGui::InvisibleButton(widgetId.c_str(), ImVec2(side, side));
  drawModules(ImGui::GetWindowDrawList(), pos, side, c.code);
  return true;
}

void qrFullScreenButton(const char* id, const std::string& text) {
  const std::string popup = std::string("###") + id + ".full";
  if (iconButton(label("qr.fullScreen", id).c_str(), Icon::Fit, false, cached(text).state == QrState::Ready)) {
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
