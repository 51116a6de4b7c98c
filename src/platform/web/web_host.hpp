// The browser's implementation of mapathy::ui::Host: clipboard, downloads, page address, language, time
// and randomness for the UI, and the system share sheet, through browser.hpp.
#pragma once

#include <string>

#include "ui/app.hpp"

namespace mapathy::platform::web {

class WebHost final : public ui::Host {
 public:
  void setClipboardText(const std::string& text) override;
  void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) override;
  std::string pageAddress() override;
  std::string preferredLanguage() override;
  void pickFile() override;
  std::int64_t nowMs() override;
  std::uint64_t random64() override;
  bool canShareNatively() override;
  void shareNatively(const std::string& title, const std::string& url) override;
  // Outputs (issue 9): web/platform.js rasterises the SVG / opens the page in a new tab from a Blob URL.
  void downloadPng(const std::string& name, const std::string& svg) override;
  void showHtml(const std::string& name, const std::string& html) override;
  // Per-device values (issue 8: the voter id) in localStorage.
  std::string loadDeviceValue(const std::string& key) override;
  void saveDeviceValue(const std::string& key, const std::string& value) override;
};

}  // namespace mapathy::platform::web
