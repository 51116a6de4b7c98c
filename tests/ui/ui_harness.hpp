// Headless harness for the whole app: an ImGui context without a renderer (font atlas built, frames run
// with NewFrame / App::frame / Render), a fake Host that records what the app asks of the platform, a
// session over a fake browser storage (tests/core/fake_storage.hpp; its save timer runs after each
// frame), and simulated mouse and keyboard input through ImGuiIO. Widgets are found by label through
// the test-hook ItemRecorder, as the browser tests do through window.mapathy.widgets().
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "../core/fake_storage.hpp"
#include <nlohmann/json.hpp>

#include "app/tools.hpp"
#include "core/io/format.hpp"
#include "core/session/session.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/test_hooks.hpp"

namespace mapathy::ui::testing {

class FakeHost : public Host {
 public:
  void setClipboardText(const std::string& text) override { clipboard = text; }
  void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) override {
    downloads.push_back(Download{name, mime, bytes});
  }
  std::string pageAddress() override { return "https://example.org/mapathy/"; }
  std::string preferredLanguage() override { return language; }
  void pickFile() override { ++pickFileCalls; }
  std::int64_t nowMs() override { return now; }
  // Random bits for the session (ids): a fixed sequence per seed, so two harnesses with other seeds are
  // two devices.
  std::uint64_t random64() {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 11;
  }

  // What the app asked to rasterise or to show in a new tab.
  void downloadPng(const std::string& name, const std::string& svg) override {
    pngs.push_back(Download{name, "image/svg+xml", svg});
  }
  void showHtml(const std::string& name, const std::string& html) override {
    pages.push_back(Download{name, "text/html", html});
  }
  // The tools module: requests wait here and are answered (tools::runTool) before the next frame, while
  // `toolsLoaded` says the module is there — the browser's order, one frame later.
  void runTool(std::uint32_t ticket, const std::string& requestJson) override {
    toolLog.push_back(requestJson);
    if (answerAtOnce != nullptr) {  // the browser once the module is loaded: the answer inside the call
      answerAtOnce->toolResult(ticket, tools::runTool(requestJson));
      return;
    }
    toolRequests.emplace_back(ticket, requestJson);
  }
  bool toolsReady() override { return toolsLoaded; }

  // Sounds and the camera scanner: recorded; `camera` false makes startScanner() fail (no camera service).
  void playSound(Sound sound) override { sounds.push_back(sound); }
  bool startScanner() override {
    ++scannerStarts;
    scannerOn = camera;
    return camera;
  }
  void placeScanner(float x, float y, float w, float h) override { scannerRect = ImVec4(x, y, w, h); }
  void stopScanner() override { scannerOn = false; }

  // In-place text editing: a simulated platform text field (the browser's textarea). While it is open,
  // AppHarness::type and ::key go to it, as keys go to the focused textarea in the browser, and a press
  // anywhere ends it first (the web platform does the same); the field reports its whole text.
  void beginTextEdit(const TextField& f, const std::string& text) override {
    field = f;
    fieldOpen = true;
    fieldText = text;
    report = {};
    ++fieldBegins;
  }
  void placeTextEdit(const TextField& f) override { field = f; }
  void endTextEdit() override {
    fieldOpen = false;
    report = {};
  }
  TextEditReport takeTextEdit() override {
    TextEditReport r = report;
    report = {};
    return r;
  }
  void fieldType(const std::string& utf8) {
    fieldText += utf8;
    report.changed = true;
    report.text = fieldText;
  }
  void fieldBackspace() {
    while (!fieldText.empty() && (static_cast<unsigned char>(fieldText.back()) & 0xC0) == 0x80) {
      fieldText.pop_back();
    }
    if (!fieldText.empty()) {
      fieldText.pop_back();
    }
    report.changed = true;
    report.text = fieldText;
  }
  void fieldEnd() {
    report.changed = true;
    report.text = fieldText;
    report.ended = true;
  }

  struct Download {
    std::string name, mime, bytes;
  };
  bool fieldOpen = false;
  TextField field;
  std::string fieldText;
  TextEditReport report;
  int fieldBegins = 0;
  std::vector<Sound> sounds;
  bool camera = true;
  bool scannerOn = false;
  int scannerStarts = 0;
  ImVec4 scannerRect{0, 0, 0, 0};
  std::string clipboard;
  std::vector<Download> downloads;
  std::vector<Download> pngs;   // downloadPng: name stem and the SVG
  std::vector<Download> pages;  // showHtml
  std::vector<std::pair<std::uint32_t, std::string>> toolRequests;  // not answered yet
  std::vector<std::string> toolLog;                                 // every request so far
  bool toolsLoaded = true;
  App* answerAtOnce = nullptr;  // set: runTool answers from inside the call
  std::string language = "en-GB";
  int pickFileCalls = 0;
  std::int64_t now = 1'700'000'000'000;
  std::uint64_t seed = 42;
};

// The lines wrapText breaks `text` into at `width`, in `font` at its own size (the card's one rule).
inline std::vector<std::string> linesOf(const ImFont* font, float width, const std::string& text) {
  std::vector<std::string> out;
  for (const TextLine& line : wrapText(font, font->FontSize, width, text).lines) {
    out.push_back(text.substr(line.begin, line.end - line.begin));
  }
  return out;
}
using Lines = std::vector<std::string>;

class AppHarness {
 public:
  explicit AppHarness(const std::string& language = "en-GB", ImVec2 display = ImVec2(1600, 1100)) {
    host.language = language;
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);  // CreateContext keeps an existing current context current
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    recorder.install(context_);
    start();
    frames(2);
  }
  ~AppHarness() {
    ImGui::SetCurrentContext(context_);
    app.reset();
    session.reset();
    storage.reset();
    recorder.uninstall();
    ImGui::DestroyContext(context_);
  }

  // The open board's share link as the tools module makes it for the share dialog and
  // window.mapathy.shareLink() (the app itself no longer encodes links: src/app/tools.hpp, "link").
  [[nodiscard]] std::string shareLink() const {
    if (app->document() == nullptr) return "";
    const nlohmann::json request = {{"op", "link"}, {"board", saveJson(app->document()->board())}, {"baseUrl", "https://example.org/mapathy/"}};
    const nlohmann::json answer = nlohmann::json::parse(tools::runTool(request.dump()));
    return answer.value("ok", false) ? answer.value("link", std::string()) : std::string();
  }

  // A reload of the page: what is not stored yet is saved (the page is hidden first), then a new
  // session reads the same storage and a new App views it.
  void reload() {
    session->save();
    app.reset();
    session.reset();
    storage.reset();
    start();
    frames(2);
  }
  AppHarness(const AppHarness&) = delete;
  AppHarness& operator=(const AppHarness&) = delete;

  void frame() {
    ImGui::SetCurrentContext(context_);  // several harnesses may live side by side
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    host.now += 16;
    answerTools();
    ImGui::NewFrame();
    app->frame();
    ImGui::Render();
    storage->runSaveTimer(*session);
  }
  // The tools module answers what was asked in earlier frames (when it is "loaded").
  void answerTools() {
    if (!host.toolsLoaded) return;
    const auto requests = std::move(host.toolRequests);
    host.toolRequests.clear();
    for (const auto& [ticket, request] : requests) app->toolResult(ticket, tools::runTool(request));
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) {
      frame();
    }
  }

  // ---- finding widgets (last completed frame)
  const RecordedItem* find(const std::string& label) const { return recorder.find(label); }
  // An item whose raw label (with its ##/### part) ends with `suffix`.
  const RecordedItem* findRaw(const std::string& suffix) const {
    for (const RecordedItem& item : recorder.lastFrame()) {
      if (item.rawLabel.size() >= suffix.size() &&
          item.rawLabel.compare(item.rawLabel.size() - suffix.size(), suffix.size(), suffix) == 0) {
        return &item;
      }
    }
    return nullptr;
  }
  static ImVec2 centre(const RecordedItem& item) { return ImVec2(item.x + item.w * 0.5f, item.y + item.h * 0.5f); }

  // ---- mouse
  void moveTo(ImVec2 p) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().AddMousePosEvent(p.x, p.y);
    frame();
  }
  void press(int button = 0) {
    ImGui::SetCurrentContext(context_);
    if (host.fieldOpen) {
      host.fieldEnd();
    }
    ImGui::GetIO().AddMouseButtonEvent(button, true);
    frame();
  }
  void release(int button = 0) {
    ImGui::SetCurrentContext(context_);
    ImGui::GetIO().AddMouseButtonEvent(button, false);
    frame();
  }
  void clickAt(ImVec2 p, int button = 0) {
    moveTo(p);
    press(button);
    release(button);
    frames(2);
  }
  void doubleClickAt(ImVec2 p) {
    moveTo(p);
    press();
    release();
    press();
    release();
    frames(2);
  }
  // Clicks the widget with this visible label (fails the test when it is missing).
  bool click(const std::string& label) {
    const RecordedItem* item = find(label);
    EXPECT_NE(item, nullptr) << "no widget labelled '" << label << "'";
    if (item == nullptr) {
      return false;
    }
    clickAt(centre(*item));
    return true;
  }
  bool clickRaw(const std::string& suffix) {
    const RecordedItem* item = findRaw(suffix);
    EXPECT_NE(item, nullptr) << "no widget whose raw label ends with '" << suffix << "'";
    if (item == nullptr) {
      return false;
    }
    clickAt(centre(*item));
    return true;
  }
  void drag(ImVec2 from, ImVec2 to, int steps = 8) {
    moveTo(from);
    press();
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      moveTo(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    }
    release();
    frames(2);
  }

  // ---- keyboard
  void type(const std::string& utf8) {
    ImGui::SetCurrentContext(context_);
    if (host.fieldOpen) {
      host.fieldType(utf8);
    } else {
      ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
    }
    frames(2);
  }
  void key(ImGuiKey k, bool ctrl = false, bool shift = false) {
    ImGui::SetCurrentContext(context_);
    if (host.fieldOpen) {  // the text field has the keyboard: Enter is a new line, Escape or Ctrl+Enter end
      if (k == ImGuiKey_Escape || (k == ImGuiKey_Enter && ctrl)) {
        host.fieldEnd();
      } else if (k == ImGuiKey_Enter) {
        host.fieldType("\n");
      } else if (k == ImGuiKey_Backspace) {
        host.fieldBackspace();
      }
      frames(2);
      return;
    }
    ImGuiIO& io = ImGui::GetIO();
    if (ctrl) {
      io.AddKeyEvent(ImGuiMod_Ctrl, true);
    }
    if (shift) {
      io.AddKeyEvent(ImGuiMod_Shift, true);
    }
    io.AddKeyEvent(k, true);
    frame();
    io.AddKeyEvent(k, false);
    if (shift) {
      io.AddKeyEvent(ImGuiMod_Shift, false);
    }
    if (ctrl) {
      io.AddKeyEvent(ImGuiMod_Ctrl, false);
    }
    frames(2);
  }

  FakeHost host;
  mapathy::testing::FakeLocalStorage store;  // the device's storage: outlives reloads
  std::unique_ptr<mapathy::testing::FakeStorage> storage;
  std::unique_ptr<Session> session;
  ItemRecorder recorder;
  std::unique_ptr<App> app;

 private:
  void start() {
    storage = std::make_unique<mapathy::testing::FakeStorage>(store);
    session = std::make_unique<Session>(
        *storage, [this] { return host.now; }, [this] { return host.random64(); });
    session->restore();
    app = std::make_unique<App>(host, *session);
  }

  ImGuiContext* context_ = nullptr;
};

}  // namespace mapathy::ui::testing
