// Mapathy UI — the application root that a platform drives once per frame.
//
// The UI reads the Document and emits edits through it; it owns view state only (screen, zoom,
// selection, open dialogs). It knows nothing about where it runs: everything outside ImGui (clipboard,
// downloads, the page address, storage) goes through the Host interface that the platform implements
// (src/platform/web for the browser, a fake in tests/ui for headless tests).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {
class Document;
}

namespace mapathy::ui {

class NoteCards;
struct NoteFilter;
class WorkshopPanel;

enum class Screen { Start, Board };
enum class MessageKind { Info, Success, Error };

// A dismissible banner (bad link, board kept aside, link copied …).
struct Message {
  int id = 0;
  MessageKind kind = MessageKind::Info;
  std::string text;
};

// A board put aside when another one replaced it (never silently dropped). In memory; the browser
// platform's local library can persist these.
struct RecentBoard {
  Board board;
};

// A board in the device's storage that this app cannot open: made by a newer Mapathy (`newerVersion` is
// its format version) or unreadable (`newerVersion` empty). It is listed on the start screen so it is not
// lost from sight, and never opened, saved over or deleted: a newer Mapathy opens it again as it was.
struct UnopenableBoard {
  std::string id;
  std::string title;
  std::string newerVersion;
};

// Share-link size bands shown in the share dialog. A QR code in byte mode holds at most 1,273 bytes at
// error-correction level H (version 40); we keep a little margin. Chat apps and mail clients commonly
// cut or break links beyond about 2,000 characters.
inline constexpr int kQrMaxChars = 1200;
inline constexpr int kChatMaxChars = 2000;

// What the UI asks of the platform. Every method has a harmless default so tests can override a few.
class Host {
 public:
  virtual ~Host() = default;
  virtual void setClipboardText(const std::string& /*text*/) {}
  // Offer a file to the user (browser download). `mime` e.g. "application/json".
  virtual void downloadFile(const std::string& /*name*/, const std::string& /*mime*/, const std::string& /*bytes*/) {}
  // The page address without fragment, used as the base of share links ("https://x.github.io/mapathy/").
  virtual std::string pageAddress() { return "https://mapathy.app/"; }
  // "de" or "en": the first start follows the browser's language.
  virtual std::string preferredLanguage() { return "en"; }
  // Ask the platform to open a file picker (JSON or Markdown); the result arrives via App::openFileText.
  virtual void pickFile() {}
  // Milliseconds since the Unix epoch (document timestamps).
  virtual std::int64_t nowMs() { return 0; }
  // Random bits for IDs.
  virtual std::uint64_t random64() { return 0x9E3779B97F4A7C15ull; }
  // The system share sheet (Web Share API), where the platform has one: the share dialog then offers it.
  virtual bool canShareNatively() { return false; }
  virtual void shareNatively(const std::string& /*title*/, const std::string& /*url*/) {}
  // ---- outputs (issue 9)
  // Offer `svg` (a whole board from core/export_svg.hpp) as the PNG download `name`.png: the browser
  // rasterises it. A platform that cannot rasterise offers the SVG itself.
  virtual void downloadPng(const std::string& name, const std::string& svg) {
    downloadFile(name + ".svg", "image/svg+xml", svg);
  }
  // Show a standalone HTML document (the accessible text view or the print page, core/export_html.hpp)
  // outside the app, e.g. in a new browser tab. It must never be injected into the app's own page.
  virtual void showHtml(const std::string& /*name*/, const std::string& /*html*/) {}
  // ---- small values kept on this device across visits (the browser: localStorage), e.g. the
  // anonymous voter id of dot voting (issue 8). "" when nothing is stored or there is no storage.
  virtual std::string loadDeviceValue(const std::string& /*key*/) { return ""; }
  virtual void saveDeviceValue(const std::string& /*key*/, const std::string& /*value*/) {}
};

class App {
 public:
  explicit App(Host& host);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Builds the whole interface. Call between ImGui::NewFrame() and ImGui::Render().
  void frame();

  // ---- used by the platform and by window.mapathy (test and automation API)
  [[nodiscard]] std::string documentJson() const;  // current board as JSON, "" when none is open
  [[nodiscard]] std::string shareLink() const;     // current share link, "" when none is open
  // Opens a share link or a bare fragment. On failure keeps the current board, shows a message and
  // returns false with `error` set.
  bool openLink(const std::string& url, std::string* error = nullptr);
  // Opens file contents (JSON board or Markdown outline) chosen through Host::pickFile or dropped.
  bool openFileText(const std::string& name, const std::string& text, std::string* error = nullptr);
  // Opens the accessible text view of the open board (Host::showHtml); false when no board is open.
  // Same as the toolbar's "Text view" button and Alt+Shift+A; the page's own "Open text view" button
  // (web/index.html) calls it.
  bool openTextView();
  // True while something animates, so the platform keeps drawing frames without input.
  [[nodiscard]] bool wantsAnimationFrames() const;

  // ---- state for the platform, automation and tests
  [[nodiscard]] Document* document();              // nullptr when no board is open
  [[nodiscard]] const Document* document() const;
  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const std::vector<RecentBoard>& recentBoards() const;
  [[nodiscard]] const std::vector<Message>& messages() const;
  // Same as the start-screen buttons. Returns false (and shows a message) for an unknown template.
  bool newBoard(BoardKind kind, const std::string& templateId, Lang lang);
  // Pinch zoom from the platform: factor around a screen point (ImGui coordinates).
  void zoomAt(float factor, float screenX, float screenY);
  [[nodiscard]] float zoom() const;
  // ---- the local library (the browser platform keeps every board the App holds in the device's storage)
  // Puts stored boards back at start: the one with `openId` (open at the last visit) opens, the others are
  // listed under "Boards on this device". Restored boards count as work: they are never dropped silently.
  // `unopenable`: stored boards this app cannot open (listed, never touched; see UnopenableBoard).
  void restoreLibrary(std::vector<Board> boards, const std::string& openId,
                      std::vector<UnopenableBoard> unopenable = {});
  [[nodiscard]] const std::vector<UnopenableBoard>& unopenableBoards() const;
  // A banner from the platform (e.g. storage full), already in the UI language.
  void showMessage(MessageKind kind, const std::string& text);
  // Touch mode: larger targets (≥ 44 CSS px). The platform turns it on for touch devices.
  void setTouchMode(bool touch);
  [[nodiscard]] bool touchMode() const;
  [[nodiscard]] const NoteCards& noteCards() const;
  // Issue 8: the workshop panel (merge, send back, dot voting, prompts, timer, presentation).
  [[nodiscard]] WorkshopPanel& workshop();
  [[nodiscard]] const NoteFilter& filter() const;
  [[nodiscard]] NoteFilter& filter();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mapathy::ui
