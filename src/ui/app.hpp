// Mapathy UI — the application root that a platform drives once per frame: a view of the session.
//
// The session (core/session/session.hpp) owns the boards — the open Document, the boards on this
// device, how they reach storage; the App draws them and turns clicks and keys into edits of the
// Document and calls of the session. It owns view state only (screen, zoom, selection, open dialogs)
// and hears from the session when another board opens and what to tell the person (SessionListener).
// It knows nothing about where it runs: everything outside ImGui and the session (clipboard,
// downloads, the page address, the time) goes through the Host interface that the platform implements
// (src/platform/web for the browser, a fake in tests/ui for headless tests).
//
// The shell is one App::Impl split into feature files (src/ui/app_internal.hpp lists them).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {
class Document;
class Session;
}

namespace mapathy::ui {

class NoteCards;
class ToolsClient;
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

// Share-link size bands shown in the share dialog. A QR code in byte mode holds at most 1,273 bytes at
// error-correction level H (version 40); we keep a little margin. Chat apps and mail clients commonly
// cut or break links beyond about 2,000 characters.
inline constexpr int kQrMaxChars = 1200;
inline constexpr int kChatMaxChars = 2000;

// What the UI asks of the platform. The platform's answers are needed for the app to work, so they
// are pure virtual; only the optional services have a default that says what happens without them.
class Host {
 public:
  virtual ~Host() = default;
  virtual void setClipboardText(const std::string& text) = 0;
  // Offer a file to the user (browser download). `mime` e.g. "application/json".
  virtual void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) = 0;
  // The page address without fragment, used as the base of share links ("https://x.github.io/mapathy/").
  virtual std::string pageAddress() = 0;
  // "de" or "en": the first start follows the browser's language.
  virtual std::string preferredLanguage() = 0;
  // Ask the platform to open a file picker (JSON or Markdown); the result arrives via App::openFileText.
  virtual void pickFile() = 0;
  // Milliseconds since the Unix epoch (the workshop countdown).
  virtual std::int64_t nowMs() = 0;
  // Show a standalone HTML document (the accessible text view or the print page, core/export/export_html.hpp)
  // outside the app, e.g. in a new browser tab. It must never be injected into the app's own page.
  virtual void showHtml(const std::string& name, const std::string& html) = 0;
  // The system share sheet (Web Share API), where the platform has one: the share dialog then offers it.
  // Without one (the default) the dialog offers copying the link only.
  virtual bool canShareNatively() { return false; }
  virtual void shareNatively(const std::string& /*title*/, const std::string& /*url*/) {}
  // Offer `svg` (a whole board from core/export/export_svg.hpp) as the PNG download `name`.png: the
  // browser rasterises it. A platform that cannot rasterise (the default) offers the SVG itself.
  virtual void downloadPng(const std::string& name, const std::string& svg) {
    downloadFile(name + ".svg", "image/svg+xml", svg);
  }
  // A short sound (the countdown's end, a scanned code), only ever when the person turned it on.
  enum class Sound { TimeUp, Scanned };
  virtual void playSound(Sound /*sound*/) {}
  // The camera QR scanner behind "Scan QR codes": startScanner() opens the camera (asking permission),
  // placeScanner() puts its preview over a rectangle of the UI (ImGui coordinates, called every frame
  // while scanning), stopScanner() turns the camera off. Codes arrive through App::scannedCode, problems
  // through App::scannerFailed. Without a camera service (the default) startScanner() is false.
  virtual bool startScanner() { return false; }
  virtual void placeScanner(float /*x*/, float /*y*/, float /*w*/, float /*h*/) {}
  virtual void stopScanner() {}
  // The tools module (src/app/tools.hpp via ui/tools_client.hpp): run `requestJson` and answer with
  // App::toolResult(ticket, result) — from inside this call (the answer is only stored; it is handed over
  // at the end of the frame, so a tab opens in the frame of the click, which WebKit requires) or later.
  // The browser answers at once when the module is loaded, after loading it otherwise; the native test
  // host answers before the next frame.
  virtual void runTool(std::uint32_t ticket, const std::string& requestJson) = 0;
  // True once the tools module is loaded, so answers come at once; false makes the app show "preparing…".
  virtual bool toolsReady() { return true; }

  // In-place text editing (a note's text, ui/note_card.hpp): the platform's own multi-line text field laid
  // over the card, so people get the platform's caret, selection (mouse, keyboard, touch handles), IME
  // composition, autocorrect and dictation. The UI draws the card without its text; the field draws the
  // text, transparent over the card, in the card's font at `fontSize` (Dear ImGui's size: ascent − descent),
  // line height `fontSize`, wrapping as ui::wrapText does (pre-wrap, long words broken anywhere) and where
  // the card does: `layout` is the text with U+0001 at the card's soft breaks, and the platform picks a
  // width near `w` that gives exactly those breaks in its own glyph metrics (which differ from the card's
  // rounded ones by a few per cent).
  // The field owns the keyboard: keys typed into it never reach the UI's shortcuts.
  struct TextField {
    float x = 0, y = 0, w = 0, h = 0;  // the text's box, UI coordinates (CSS pixels)
    float fontSize = 0;
    std::uint32_t colour = 0;  // ImU32 ink
    std::string lang;          // "de" / "en": the field's language (spelling, autocorrect, dictation)
    std::string label;         // its accessible name ("Note", the persona's goal …), in the UI's language
    std::string layout;        // the text with U+0001 where the card breaks a line without a newline
  };
  // Opens the field with `text`, focused, caret at the end. Every host has one: Dear ImGui 1.90's own
  // multi-line field cannot wrap, and a note must never be edited as a cut-off line.
  virtual void beginTextEdit(const TextField& field, const std::string& text) = 0;
  virtual void placeTextEdit(const TextField& field) = 0;  // every frame while editing (pan, zoom, growth)
  virtual void endTextEdit() = 0;                          // the UI ended editing: the field goes away
  // What the person did in the field since the last call: its text when it changed, and whether they
  // ended editing (Escape, Ctrl/Cmd+Enter, a click or tap outside, focus gone). The UI asks every frame.
  struct TextEditReport {
    bool changed = false;
    std::string text;
    bool ended = false;
  };
  virtual TextEditReport takeTextEdit() = 0;
};

// Why the camera scanner stopped or could not start.
enum class ScannerProblem { Refused, NoCamera, Failed };

class App {
 public:
  // The session must outlive the App. The App listens to it (one listener per session).
  App(Host& host, Session& session);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Builds the whole interface. Call between ImGui::NewFrame() and ImGui::Render().
  void frame();

  // ---- used by the platform and by window.mapathy (test and automation API)
  [[nodiscard]] std::string documentJson() const;  // current board as JSON, "" when none is open
  // The open board's share link as the share dialog shows it: made by the tools module once per revision
  // while the dialog is open, so "" before that, while it is being made, and when no board is open.
  [[nodiscard]] std::string shareLink() const;
  // Opens a share link or a bare fragment. On failure keeps the current board, shows a message and
  // returns false with `error` set.
  bool openLink(const std::string& url, std::string* error = nullptr);
  // Opens file contents (JSON board, Markdown outline or a link) chosen through Host::pickFile or dropped.
  // A Markdown outline is read by the tools module: it opens (or its error shows) a frame or two later, and
  // the call returns true once it is handed over.
  bool openFileText(const std::string& name, const std::string& text, std::string* error = nullptr);
  // Opens the accessible text view of the open board (Host::showHtml); false when no board is open.
  // Same as the toolbar's "Text view" button and Alt+Shift+A; the page's own "Open text view" button
  // (web/index.html) calls it.
  bool openTextView();
  // When the next frame is due without input, in Host::nowMs() time: kNoFrameDue when nothing changes on
  // its own, a time at or before now for an animation (a pan or drag in progress: every display frame),
  // a later time for a display that changes then (the countdown's seconds: one frame per second).
  static constexpr std::int64_t kNoFrameDue = -1;
  [[nodiscard]] std::int64_t nextFrameDueMs() const;
  // The camera scanner's reports (Host::startScanner): a code's text as read, or why it stopped.
  void scannedCode(const std::string& text);
  void scannerFailed(ScannerProblem problem);
  // The platform's answer to Host::runTool; the waiting callback runs at the start of the next frame.
  void toolResult(std::uint32_t ticket, const std::string& resultJson);
  [[nodiscard]] const ToolsClient& tools() const;
  // How often the share link was asked for (once per board revision, however many frames show it).
  [[nodiscard]] int shareLinkRequests() const;

  // ---- state for the platform, automation and tests
  [[nodiscard]] Session& session();
  [[nodiscard]] Document* document();              // the session's open board, nullptr when none
  [[nodiscard]] const Document* document() const;
  [[nodiscard]] Screen screen() const;
  [[nodiscard]] const std::vector<Message>& messages() const;
  // Same as the start-screen buttons. Returns false (and shows a message) for an unknown template.
  bool newBoard(BoardKind kind, const std::string& templateId, Lang lang);
  // Pinch zoom from the platform: factor around a screen point (ImGui coordinates).
  void zoomAt(float factor, float screenX, float screenY);
  [[nodiscard]] float zoom() const;
  // A banner from the platform, already in the UI language.
  void showMessage(MessageKind kind, const std::string& text);
  // Touch mode: larger targets (≥ 44 CSS px). The platform turns it on for touch devices.
  void setTouchMode(bool touch);
  [[nodiscard]] bool touchMode() const;
  [[nodiscard]] const NoteCards& noteCards() const;
  // The workshop panel (merge, send back, dot voting, prompts, timer, presentation).
  [[nodiscard]] WorkshopPanel& workshop();
  [[nodiscard]] const NoteFilter& filter() const;
  [[nodiscard]] NoteFilter& filter();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mapathy::ui
