// The browser's implementation of mapathy::ui::Host: clipboard, downloads, page address, language, time,
// outputs and the system share sheet, through browser.hpp — and the random bits the session makes ids
// from (crypto.getRandomValues).
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
  std::uint64_t random64();
  bool canShareNatively() override;
  void shareNatively(const std::string& title, const std::string& url) override;
  // Outputs: web/platform.js rasterises the SVG / opens the page in a new tab from a Blob URL.
  void downloadPng(const std::string& name, const std::string& svg) override;
  void showHtml(const std::string& name, const std::string& html) override;
  void runTool(std::uint32_t ticket, const std::string& requestJson) override;
  bool toolsReady() override;
  // Sounds and the camera scanner (web/scanner.js).
  void playSound(Sound sound) override;
  bool startScanner() override;
  void placeScanner(float x, float y, float w, float h) override;
  void stopScanner() override;
  // In-place text editing: the textarea of web/platform.js (MapathyWeb.beginTextEdit …). The page reports
  // through textEdited(); the app takes it with takeTextEdit() in its next frame.
  void beginTextEdit(const TextField& field, const std::string& text) override;
  void placeTextEdit(const TextField& field) override;
  void endTextEdit() override;
  TextEditReport takeTextEdit() override;
  void textEdited(std::string text, bool ended);
  [[nodiscard]] bool textEditOpen() const { return textEditOpen_; }

 private:
  bool textEditOpen_ = false;
  TextField placed_;  // the field's last place: sent to the page again only when it changed
  TextEditReport report_;
  // The last rectangle given to the preview: placing it again only when it moved.
  float scanX_ = -1, scanY_ = -1, scanW_ = -1, scanH_ = -1;
};

}  // namespace mapathy::platform::web
