// WebHost (see web_host.hpp).
#include "platform/web/web_host.hpp"

#include <utility>

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

namespace {
bool samePlace(const ui::Host::TextField& a, const ui::Host::TextField& b) {
  return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h && a.fontSize == b.fontSize && a.colour == b.colour &&
         a.layout == b.layout;
}
}  // namespace

void WebHost::beginTextEdit(const TextField& field, const std::string& text) {
  textEditOpen_ = true;
  report_ = {};
  placed_ = field;
  browser::beginTextEdit(field.lang, text, field.label);
  browser::placeTextEdit(field.x, field.y, field.w, field.h, field.fontSize, field.colour, field.layout);
}

void WebHost::placeTextEdit(const TextField& field) {
  if (!textEditOpen_ || samePlace(field, placed_)) return;
  placed_ = field;
  browser::placeTextEdit(field.x, field.y, field.w, field.h, field.fontSize, field.colour, field.layout);
}

void WebHost::endTextEdit() {
  if (!textEditOpen_) return;
  textEditOpen_ = false;
  report_ = {};
  browser::endTextEdit();
}

ui::Host::TextEditReport WebHost::takeTextEdit() {
  TextEditReport report = std::move(report_);
  report_ = {};
  return report;
}

void WebHost::textEdited(std::string text, bool ended) {
  if (!textEditOpen_) return;
  report_.changed = true;
  report_.text = std::move(text);
  report_.ended = report_.ended || ended;
}

}  // namespace mapathy::platform::web
