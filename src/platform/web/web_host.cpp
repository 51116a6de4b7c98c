// WebHost (see web_host.hpp).
#include "platform/web/web_host.hpp"

#include "platform/web/browser.hpp"

namespace mapathy::platform::web {

void WebHost::setClipboardText(const std::string& text) { browser::writeClipboard(text); }

void WebHost::downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) {
  browser::downloadFile(name, mime, bytes);
}

std::string WebHost::pageAddress() { return browser::pageAddress(); }

std::string WebHost::preferredLanguage() { return browser::preferredLanguage(); }

void WebHost::pickFile() { browser::pickFile(); }

std::int64_t WebHost::nowMs() { return static_cast<std::int64_t>(browser::nowMs()); }

std::uint64_t WebHost::random64() {
  std::uint64_t bits = 0;
  browser::randomBytes(&bits, sizeof bits);
  return bits;
}

bool WebHost::canShareNatively() { return browser::canShare(); }

void WebHost::shareNatively(const std::string& title, const std::string& url) { browser::share(title, url); }

// Outputs.
void WebHost::downloadPng(const std::string& name, const std::string& svg) { browser::downloadPng(name, svg); }

void WebHost::showHtml(const std::string& name, const std::string& html) { browser::showHtml(name, html); }
void WebHost::runTool(std::uint32_t ticket, const std::string& requestJson) { browser::runTool(ticket, requestJson); }
bool WebHost::toolsReady() { return browser::toolsReady(); }

void WebHost::playSound(Sound sound) { browser::beep(sound == Sound::TimeUp ? 0 : 1); }

bool WebHost::startScanner() {
  scanX_ = scanY_ = scanW_ = scanH_ = -1;
  browser::startScanner();  // a refused or missing camera is reported later (mapathy_scanner_failed)
  return true;
}

void WebHost::placeScanner(float x, float y, float w, float h) {
  if (x == scanX_ && y == scanY_ && w == scanW_ && h == scanH_) return;
  scanX_ = x;
  scanY_ = y;
  scanW_ = w;
  scanH_ = h;
  browser::placeScanner(x, y, w, h);
}

void WebHost::stopScanner() { browser::stopScanner(); }

}  // namespace mapathy::platform::web
