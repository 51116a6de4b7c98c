// UI benchmark: one whole frame of the app (NewFrame → App::frame → Render; no renderer) against a
// headless Dear ImGui context with the app's embedded fonts, for boards of 100, 1,000 and 5,000 notes,
// zoomed to fit and zoomed in to 100 %. The cost must follow what is visible, not the board's size:
// compare the "cards" counter (cards drawn in the frame) with the time.
// Target: under 2 ms per frame at 5,000 notes zoomed in.
#include <benchmark/benchmark.h>

#include <cfloat>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "bench_boards.hpp"
#include "core/session/session.hpp"
#include "fake_storage.hpp"
#include "core/io/format.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/note_card.hpp"
#include "ui/test_hooks.hpp"
#ifdef MAPATHY_BENCH_FONTS
#include "platform/fonts.hpp"
#endif

namespace {

using mapathy::Board;
using mapathy::Lang;

class BenchHost : public mapathy::ui::Host {
 public:
  void setClipboardText(const std::string& /*text*/) override {}
  void downloadFile(const std::string& /*name*/, const std::string& /*mime*/, const std::string& /*bytes*/) override {}
  std::string pageAddress() override { return "https://example.org/mapathy/"; }
  std::string preferredLanguage() override { return "de"; }
  void pickFile() override {}
  std::int64_t nowMs() override { return now; }
  void showHtml(const std::string& /*name*/, const std::string& /*html*/) override {}
  // The benchmark draws board frames only; a tool request would mean it measures something else.
  void runTool(std::uint32_t /*ticket*/, const std::string& /*requestJson*/) override { std::abort(); }
  // No note is edited in a benchmark frame.
  void beginTextEdit(const TextField& /*field*/, const std::string& /*text*/) override {}
  void placeTextEdit(const TextField& /*field*/) override {}
  void endTextEdit() override {}
  TextEditReport takeTextEdit() override { return {}; }
  std::uint64_t random64() {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    return seed >> 11;
  }
  std::int64_t now = 1'700'000'000'000;
  std::uint64_t seed = 7;
};

// An ImGui context the size of a laptop browser window, the app, and a board opened in it.
class HeadlessApp {
 public:
  HeadlessApp(const Board& board, ImVec2 display) {
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(context_);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = display;
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
#ifdef MAPATHY_BENCH_FONTS
    mapathy::platform::loadFonts(io, 16.0f, 1.0f, mapathy::platform::embeddedBoldFace());
#endif
    unsigned char* pixels = nullptr;
    int w = 0;
    int h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    recorder_.install(context_);  // the web app records every widget each frame (window.mapathy.widgets())
    app_ = std::make_unique<mapathy::ui::App>(host_, session_);
    frames(2);
    std::string error;
    opened_ = app_->openFileText("board.json", mapathy::saveJson(board, false), &error);
    error_ = error;
    frames(3);  // fit, lay out, fill the text-layout cache
  }
  ~HeadlessApp() {
    ImGui::SetCurrentContext(context_);
    app_.reset();
    recorder_.uninstall();
    ImGui::DestroyContext(context_);
  }
  HeadlessApp(const HeadlessApp&) = delete;
  HeadlessApp& operator=(const HeadlessApp&) = delete;

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    host_.now += 16;
    ImGui::NewFrame();
    app_->frame();
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }
  // Zooms around the middle of the window to an absolute zoom.
  void zoomTo(float zoom) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    app_->zoomAt(zoom / app_->zoom(), size.x * 0.5f, size.y * 0.5f);
    frames(3);
  }
  // Clicks the toolbar's "fit" button (found by its label through the widget recorder, like the browser
  // tests do), which zooms out until the whole board is on screen. False when there is no such button.
  bool fitWholeBoard() {
    const mapathy::ui::RecordedItem* button = nullptr;
    for (const auto& item : recorder_.lastFrame()) {
      if (item.visible && (item.rawLabel.find("toolbar.fit") != std::string::npos || item.label == "Einpassen")) {
        button = &item;
        break;
      }
    }
    if (button == nullptr) return false;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(button->x + button->w * 0.5f, button->y + button->h * 0.5f);
    frame();
    io.AddMouseButtonEvent(0, true);
    frame();
    io.AddMouseButtonEvent(0, false);
    frame();
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    frames(3);
    return true;
  }
  mapathy::ui::App& app() { return *app_; }
  [[nodiscard]] bool opened() const { return opened_; }
  [[nodiscard]] const std::string& error() const { return error_; }
  [[nodiscard]] int vertices() const {
    const ImDrawData* data = ImGui::GetDrawData();
    return data != nullptr ? data->TotalVtxCount : 0;
  }

 private:
  BenchHost host_;
  mapathy::testing::FakeLocalStorage store_;  // a browser's storage, in memory (the session saves into it)
  mapathy::testing::FakeStorage storage_{store_};
  mapathy::Session session_{storage_, [this] { return host_.now; }, [this] { return host_.random64(); }};
  ImGuiContext* context_ = nullptr;
  mapathy::ui::ItemRecorder recorder_;
  std::unique_ptr<mapathy::ui::App> app_;
  bool opened_ = false;
  std::string error_;
};

Board boardFor(int kind, int notes) {
  if (kind == 1) return mapathy::bench::journeyBoard(Lang::De, notes);
  return mapathy::bench::largeEmpathyMap(mapathy::samples::typicalGermanEmpathyMap(), notes);
}

// range(0): notes; range(1): 0 = zoomed to fit (the toolbar's "fit"), 1 = zoomed in to 100 %; range(2): 0 empathy map, 1 journey.
void BM_UiFrame(benchmark::State& state) {
  const int notes = static_cast<int>(state.range(0));
  const bool zoomedIn = state.range(1) != 0;
  HeadlessApp headless(boardFor(static_cast<int>(state.range(2)), notes), ImVec2(1280, 800));
  if (!headless.opened()) {
    state.SkipWithError(headless.error().c_str());
    return;
  }
  if (zoomedIn) {
    headless.zoomTo(1.0f);
  } else if (!headless.fitWholeBoard()) {
    state.SkipWithError("the toolbar has no fit button");
    return;
  }
  for (auto _ : state) {
    headless.frame();
  }
  state.counters["zoom"] = static_cast<double>(headless.app().zoom());
  state.counters["cards"] = static_cast<double>(headless.app().noteCards().cardsDrawnLastFrame());
  state.counters["layouts"] = static_cast<double>(headless.app().noteCards().layoutCacheSize());
  state.counters["vertices"] = static_cast<double>(headless.vertices());
}

void uiArgs(benchmark::internal::Benchmark* b) {
  b->ArgNames({"notes", "zoomedIn", "journey"});
  for (int notes : {100, 1000, 5000}) {
    for (int zoomedIn : {0, 1}) b->Args({notes, zoomedIn, 0});
  }
  for (int zoomedIn : {0, 1}) b->Args({1000, zoomedIn, 1});
}

BENCHMARK(BM_UiFrame)->Apply(uiArgs)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
