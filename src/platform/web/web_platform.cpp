// The web platform (see web_platform.hpp). One instance lives for the page's lifetime; html5.h callbacks
// and the functions exported to web/platform.js reach it through `platform()`.
//
// Frame policy: a frame is drawn only when something happened. Input queues ImGui events and asks for
// kSettleFrames frames (ImGui needs a couple of frames for layout changes and trickles queued input one
// step per frame); one late frame follows after kLateFrameMs for hover delays; a blinking text cursor gets
// a slow timer. The app says when it next needs a frame on its own (App::nextFrameDueMs): at once for an
// animation (a pan, a drag: every display frame), at a later time for a display that changes then (the
// workshop countdown: one frame per second, by a timer, instead of a frame per display refresh).
// Inside user gestures (mouse button, touch end, key press, paste) frames are drawn at once, so that
// focusing the hidden textarea (on-screen keyboard) and writing the clipboard happen while the browser
// still counts the user's gesture.
#include "platform/web/web_platform.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <array>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/emoji.hpp"
#include "core/base/text.hpp"
#include "core/edit/document.hpp"
#include "core/session/session.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/fonts.hpp"
#include "platform/web/browser.hpp"
#include "platform/web/gl_renderer.hpp"
#include "platform/web/key_map.hpp"
#include "platform/web/local_library.hpp"
#include "platform/web/web_host.hpp"
#include "ui/app.hpp"
#include "ui/drawn_text.hpp"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/test_hooks.hpp"

namespace mapathy::embedded {
extern const unsigned char font_regular[];  // the card's face (platform/fonts.cpp); also the note editor's
extern const std::size_t font_regular_size;
}  // namespace mapathy::embedded

namespace mapathy::platform::web {
namespace {

constexpr const char* kCanvas = "#canvas";
constexpr float kFontSize = 16.0f;
constexpr int kSettleFrames = 3;
constexpr double kLateFrameMs = 600.0;
constexpr double kBlinkMs = 530.0;
constexpr double kLongPressMs = 550.0;
constexpr float kTouchSlop = 8.0f;  // CSS pixels a finger may wander before a touch becomes a drag
constexpr int kMaxPumpedFrames = 6;
// The zoom must rest this long before the atlas is rebuilt for it (platform/fonts.hpp: zoom steps); while
// zooming, text is drawn from the rasters the atlas has.
constexpr double kZoomSettleMs = 250.0;
// Glyphs drawn by the browser (emoji) are rastered for a line this tall at most (device pixels).
constexpr float kMaxExtraGlyphPixels = 96.0f;

// ImGui buttons: 0 left, 1 right, 2 middle. DOM buttons: 0 left, 1 middle, 2 right.
int imguiButton(unsigned short domButton) {
  switch (domButton) {
    case 0: return 0;
    case 1: return 2;
    case 2: return 1;
    default: return domButton < ImGuiMouseButton_COUNT ? domButton : -1;
  }
}

// The finger that drives ImGui's mouse. A touch is a tap until it moves beyond kTouchSlop (then the left
// button goes down at the start point and it drags) or stays put for kLongPressMs (then it is a right
// click: context menus). So taps work the first time and nothing hovers after the finger lifts.
struct Touch {
  long id = -1;
  float startX = 0, startY = 0;
  float x = 0, y = 0;
  bool dragging = false;
  bool longPressed = false;
  long timer = 0;
  // A second finger turns the gesture into a pinch: the board zooms around the fingers' centre and the
  // gesture does nothing else until every finger has left the screen.
  bool pinching = false;
  long secondId = -1;
  float pinchDistance = 0;
};

class WebPlatform {
 public:
  bool start();

  // ---- used by the exported functions (window.mapathy, platform.js)
  ui::ItemRecorder& recorder() { return recorder_; }
  [[nodiscard]] bool running() const { return app_ != nullptr; }
  // The texts of a language the reader switched to: the first-frame atlas gets their characters too.
  void noteUiTextGlyphs(const char* text) {
    if (noteStartGlyphs(text)) glyphsChanged_ = true;
  }
  ui::App& app() { return *app_; }
  [[nodiscard]] std::uint64_t frames() const { return frames_; }
  void typeText(const char* utf8);
  void virtualKey(ImGuiKey key);
  void paste(const char* utf8);
  void openFragment();
  void releaseAllKeys();
  void wakeForInput();
  void pumpNow();
  void flushLibrary() { library_.flush(); }
  WebHost& host() { return host_; }
  // The note editor (web/platform.js) reports its text; `ended` when the person ended editing.
  void textEdited(const char* utf8, bool ended);
  void storageChanged() { library_.otherTabWrote(); }
  // The semibold face arrived (web/platform.js fetches it after the first frame) or will not come (empty):
  // either way the full atlas replaces the first frame's.
  void setBoldFace(std::vector<unsigned char> bytes);
  [[nodiscard]] bool hasBoldFace() const { return !boldFace_.empty(); }
  // The atlas as built last (window.mapathy.atlas()): 0 width, 1 height, 2 RGBA (1) or coverage (0), 3 faces,
  // 4 zoom step, 5 the zoom faces' raster in pixels, 6 glyphs drawn by the browser, 7 build time in ms.
  [[nodiscard]] double atlasFigure(int which) const;

  // ---- html5.h callbacks
  static EM_BOOL onMouse(int type, const EmscriptenMouseEvent* event, void* self);
  static EM_BOOL onWheel(int type, const EmscriptenWheelEvent* event, void* self);
  static EM_BOOL onKey(int type, const EmscriptenKeyboardEvent* event, void* self);
  static EM_BOOL onTouch(int type, const EmscriptenTouchEvent* event, void* self);
  static EM_BOOL onResize(int type, const EmscriptenUiEvent* event, void* self);
  static EM_BOOL onFocus(int type, const EmscriptenFocusEvent* event, void* self);
  static EM_BOOL onAnimationFrame(double time, void* self);
  static void onTimer(void* self);
  static void onLongPress(void* self);

 private:
  void installCallbacks();
  void updateDisplay();
  // ---- the font atlas (fonts.hpp): faces for the zoom in use and glyphs the embedded face lacks
  void rebuildFonts();
  void collectGlyphs();  // before a frame: code points of the board and of the field being edited
  void noteCodepoints(const char* utf8);
  void noteCodepoint(char32_t c);
  bool noteStartGlyphs(std::string_view utf8);  // the UI texts' code points; true when the atlas lacks some
  void followZoom();  // after a frame: a settled zoom that needs other faces rebuilds the atlas
  [[nodiscard]] int extraGlyphPixels() const;
  bool renderFrame();  // true when the frame differed from the last one (and was drawn)
  void scheduleAfterFrame();
  void requestAnimationFrame();
  void setTimer(double ms);
  void syncModifiers(bool ctrl, bool shift, bool alt, bool meta);
  void syncTextInput();
  void keyEvent(ImGuiKey key, bool down);
  void touchMousePos(float x, float y);
  void startPinch(const EmscriptenTouchEvent& event, long secondId);
  void movePinch(const EmscriptenTouchEvent& event);

  WebHost host_;
  LocalLibrary library_;
  std::unique_ptr<Session> session_;
  std::unique_ptr<ui::App> app_;
  ui::ItemRecorder recorder_;
  GlRenderer renderer_;
  std::string clipboard_;

  double cssWidth_ = 0, cssHeight_ = 0;
  int framebufferWidth_ = 0, framebufferHeight_ = 0;
  float fontScale_ = 0;
  FontSet fontSet_ = FontSet::FirstFrame;  // fonts.hpp: the first frame needs only the regular face
  std::vector<unsigned char> boldFace_;  // the atlas points into it: replaced only together with a reload
  float zoomStep_ = 1.0f;                // the atlas's zoom faces (1: none)
  float pendingStep_ = 1.0f;             // the step the zoom asks for, since pendingSinceMs_
  double pendingSinceMs_ = 0;
  std::vector<char32_t> boardCodepoints_;  // beyond ASCII, seen on the board: the zoom faces hold them
  // Beyond ASCII, of the face: what the first-frame atlas holds besides (the UI texts', the board's).
  std::vector<char32_t> startGlyphs_;
  bool fontsDeferred_ = true;  // start(): the first atlas is built once the board is open, with its glyphs
  std::vector<char32_t> extraCodepoints_;  // drawn by the browser (emoji …)
  std::vector<ExtraGlyph> extraGlyphs_;
  int extraPixels_ = 0;  // the line height extraGlyphs_ were rastered for
  bool glyphsChanged_ = false;
  const void* scannedDocument_ = nullptr;
  std::uint64_t scannedRevision_ = 0;
  double atlasBuildMs_ = 0;

  std::uint64_t frames_ = 0;
  double lastFrameMs_ = 0;
  int settleFrames_ = 0;
  bool frameRequested_ = false;
  bool lateFramePending_ = false;
  long timer_ = 0;

  bool textInputActive_ = false;
  ImVec2 textInputPos_{-1, -1};
  std::array<bool, ImGuiKey_NamedKey_COUNT> keysDown_{};
  int keysDownCount_ = 0;
  Touch touch_;
};

// A named moment of the start-up in the page's performance timeline (tools/bench-startup.mjs reads them).
EM_JS(void, mapathy_js_mark, (const char* name), { performance.mark(UTF8ToString(name)); });

// The glyph section of web/platform.js draws a text (one code point or one emoji sequence) with the browser's
// fonts (emoji first) into RGBA pixels for a line `height` pixels tall and returns its width (0: nothing drawn).
EM_JS(int, mapathy_js_draw_glyph, (const char* text, int height, void* out, int capacity),
      { return MapathyWeb.drawGlyph(UTF8ToString(text), height, out, capacity); });

// A glyph the embedded face lacks, as the browser draws it: coloured (emoji) or, when every pixel is grey,
// white with the coverage in alpha so it takes the text's colour. A private-use code point of
// ui::emojiGlyphs() is drawn from its whole sequence: one picture where the browser's emoji font has one.
ExtraGlyph drawGlyph(char32_t codepoint, int height) {
  ExtraGlyph glyph;
  glyph.codepoint = codepoint;
  glyph.height = height;
  std::string text(ui::emojiGlyphs().sequenceOf(codepoint));
  // A sequence is an emoji picture, drawn as is even when grey (Noto's families are grey tiles).
  glyph.coloured = !text.empty();
  if (text.empty()) text::appendUtf8(text, codepoint);
  // A sequence the font lacks is drawn as its members side by side (as the browser's text field shows it).
  const int maxWidth = height * (text.size() > 4 ? 5 : 2);
  glyph.rgba.resize(static_cast<std::size_t>(maxWidth * height) * 4);
  glyph.width = mapathy_js_draw_glyph(text.c_str(), height, glyph.rgba.data(), static_cast<int>(glyph.rgba.size()));
  if (glyph.width <= 0 || glyph.width > maxWidth) return {};  // nothing drawn: ImGui's fallback glyph shows
  glyph.rgba.resize(static_cast<std::size_t>(glyph.width * height) * 4);
  for (std::size_t i = 0; i < glyph.rgba.size(); i += 4) {
    const unsigned char* p = &glyph.rgba[i];
    const int spread = std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]});
    if (p[3] > 32 && spread > 24) glyph.coloured = true;
  }
  if (!glyph.coloured) {
    for (std::size_t i = 0; i < glyph.rgba.size(); i += 4) glyph.rgba[i] = glyph.rgba[i + 1] = glyph.rgba[i + 2] = 255;
  }
  return glyph;
}

WebPlatform& platform() {
  static WebPlatform instance;
  return instance;
}

WebPlatform* self(void* userData) { return static_cast<WebPlatform*>(userData); }

bool WebPlatform::start() {
  mapathy_js_mark("mapathy-main");
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  if (!renderer_.init(kCanvas)) {
    browser::showFatalError(
        "Mapathy braucht WebGL 2, das dieser Browser nicht bietet. / Mapathy needs WebGL 2, which this browser "
        "does not offer.");
    return false;
  }
  mapathy_js_mark("mapathy-gl-ready");
  recorder_.install(ImGui::GetCurrentContext());
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no file system; the UI keeps its own settings
  io.LogFilename = nullptr;
  io.BackendPlatformName = "mapathy_web";
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  io.ConfigMacOSXBehaviors = browser::isApplePlatform();
  io.SetClipboardTextFn = [](void*, const char* text) {
    platform().clipboard_ = text != nullptr ? text : "";
    browser::writeClipboard(platform().clipboard_);
  };
  io.GetClipboardTextFn = [](void*) { return platform().clipboard_.c_str(); };
  ImGui::StyleColorsLight();

  // web/platform.js sized the canvas before it created the context: keep that size when it is right.
  emscripten_get_canvas_element_size(kCanvas, &framebufferWidth_, &framebufferHeight_);
  session_ = std::make_unique<Session>(
      library_, [] { return static_cast<std::int64_t>(browser::nowMs()); }, [] { return platform().host_.random64(); });
  library_.attach(*session_, [] { platform().wakeForInput(); });
  // The UI's texts (src/ui/ui_texts.hpp): the language web/platform.js fetched with the module (the reader's,
  // or the other one when that file could not be had); another language is fetched when the reader switches.
  const Lang textsLang = ui::langFromTag(browser::uiTextsLanguage());
  const std::string texts = browser::takeUiTexts();
  noteStartGlyphs(texts);
  ui::uiTextsArrived(textsLang, texts);
  ui::setUiLang(textsLang);
  ui::setUiTextsRequester([](Lang lang) { browser::requestUiTexts(lang == Lang::De); });
  mapathy_js_mark("mapathy-texts-ready");
  app_ = std::make_unique<ui::App>(host_, *session_);
  if (browser::coarsePointer()) app_->setTouchMode(true);  // phones and tablets: finger-sized targets
  mapathy_js_mark("mapathy-app-ready");
  updateDisplay();  // the display's size and pixel ratio; the atlas waits for the board (fontsDeferred_)
  installCallbacks();
  // The library first: a link opened afterwards puts the restored board aside instead of losing it.
  session_->restore();
  mapathy_js_mark("mapathy-library-read");
  if (browser::hasFragment()) openFragment();
  mapathy_js_mark("mapathy-board-ready");
  // The first frame's atlas: the regular face with ASCII and the code points the UI texts and the open board
  // use (collectGlyphs notes the board's), not the face's whole range: a third of the glyphs to rasterise.
  // The full atlas follows when the semibold face arrives; a character typed before then is added at once.
  fontsDeferred_ = false;
  glyphsChanged_ = true;
  collectGlyphs();
  mapathy_js_mark("mapathy-fonts-ready");
  {
    // The page's background (web/style.css, #f4f1ea): the canvas shows what the page showed.
    const float page[3] = {0xf4 / 255.0f, 0xf1 / 255.0f, 0xea / 255.0f};
    renderer_.warmUp(framebufferWidth_, framebufferHeight_, page);
  }
  mapathy_js_mark("mapathy-gl-warm");
  // The first frame now, in this task, not at the next animation frame: the browser shows a picture drawn
  // outside an animation frame at its next one all the same, and the board is there one frame sooner
  // (the wait was 9–70 ms, tools/bench-startup.mjs). The frames that let the UI settle follow as usual.
  settleFrames_ = kSettleFrames;
  lateFramePending_ = true;
  onAnimationFrame(0, this);
  return true;
}

void WebPlatform::installCallbacks() {
  const char* window = EMSCRIPTEN_EVENT_TARGET_WINDOW;
  emscripten_set_mousedown_callback(kCanvas, this, EM_FALSE, &WebPlatform::onMouse);
  emscripten_set_mouseup_callback(window, this, EM_FALSE, &WebPlatform::onMouse);
  emscripten_set_mousemove_callback(window, this, EM_FALSE, &WebPlatform::onMouse);
  emscripten_set_mouseleave_callback(kCanvas, this, EM_FALSE, &WebPlatform::onMouse);
  emscripten_set_wheel_callback(kCanvas, this, EM_FALSE, &WebPlatform::onWheel);
  emscripten_set_keydown_callback(window, this, EM_FALSE, &WebPlatform::onKey);
  emscripten_set_keyup_callback(window, this, EM_FALSE, &WebPlatform::onKey);
  emscripten_set_touchstart_callback(kCanvas, this, EM_FALSE, &WebPlatform::onTouch);
  emscripten_set_touchmove_callback(kCanvas, this, EM_FALSE, &WebPlatform::onTouch);
  emscripten_set_touchend_callback(kCanvas, this, EM_FALSE, &WebPlatform::onTouch);
  emscripten_set_touchcancel_callback(kCanvas, this, EM_FALSE, &WebPlatform::onTouch);
  emscripten_set_resize_callback(window, this, EM_FALSE, &WebPlatform::onResize);
  emscripten_set_focus_callback(window, this, EM_FALSE, &WebPlatform::onFocus);
  emscripten_set_blur_callback(window, this, EM_FALSE, &WebPlatform::onFocus);
}

// ---- display and rendering

void WebPlatform::updateDisplay() {
  double width = 0, height = 0;
  emscripten_get_element_css_size(kCanvas, &width, &height);
  width = std::max(width, 1.0);
  height = std::max(height, 1.0);
  const double ratio = std::max(emscripten_get_device_pixel_ratio(), 1.0);
  const int framebufferWidth = static_cast<int>(std::lround(width * ratio));
  const int framebufferHeight = static_cast<int>(std::lround(height * ratio));
  if (framebufferWidth != framebufferWidth_ || framebufferHeight != framebufferHeight_) {
    emscripten_set_canvas_element_size(kCanvas, framebufferWidth, framebufferHeight);
    framebufferWidth_ = framebufferWidth;
    framebufferHeight_ = framebufferHeight;
  }
  cssWidth_ = width;
  cssHeight_ = height;

  ImGuiIO& io = ImGui::GetIO();
  const auto scale = static_cast<float>(ratio);
  if (scale != fontScale_) {
    fontScale_ = scale;
    rebuildFonts();
  }
  io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
  io.DisplayFramebufferScale = ImVec2(static_cast<float>(framebufferWidth_ / width),
                                      static_cast<float>(framebufferHeight_ / height));
}

void WebPlatform::setBoldFace(std::vector<unsigned char> bytes) {
  if (fontSet_ == FontSet::Full && bytes.empty()) return;
  fontSet_ = FontSet::Full;
  // The atlas refers to the old bytes until it is rebuilt, so build it right away with the new ones.
  if (fontScale_ <= 0) {  // no fonts loaded yet: the first updateDisplay() uses it
    boldFace_ = std::move(bytes);
    return;
  }
  if (!bytes.empty()) boldFace_ = std::move(bytes);
  rebuildFonts();
  // The full atlas decides from now on which code points the face lacks (the first one went by its ranges).
  scannedDocument_ = nullptr;
  wakeForInput();
}

int WebPlatform::extraGlyphPixels() const {
  return static_cast<int>(
      std::lround(std::min(kMaxExtraGlyphPixels, kFontSize * fontScale_ * std::max(kLargeStep, zoomStep_))));
}

// Builds the atlas with what it needs now: the faces of the font set, the zoom faces for the settled zoom,
// the browser-drawn glyphs (rastered again when the line height they need changed).
void WebPlatform::rebuildFonts() {
  if (fontsDeferred_) return;
  const double start = emscripten_get_now();
  const int pixels = extraGlyphPixels();
  if (pixels != extraPixels_) {
    extraPixels_ = pixels;
    extraGlyphs_.clear();
    for (const char32_t c : extraCodepoints_) extraGlyphs_.push_back(drawGlyph(c, pixels));
  }
  AtlasOptions options;
  options.zoomStep = zoomStep_;
  options.zoomGlyphs = boardCodepoints_;
  options.extraGlyphs = extraGlyphs_;
  if (fontSet_ == FontSet::FirstFrame) options.firstFrameGlyphs = &startGlyphs_;
  ImGuiIO& io = ImGui::GetIO();
  loadFonts(io, kFontSize, fontScale_, boldFace_, fontSet_, options);
  renderer_.uploadFontAtlas(*io.Fonts);
  glyphsChanged_ = false;
  atlasBuildMs_ = emscripten_get_now() - start;
}

namespace {
// Adds `c` to the sorted list; false when it was there already.
bool insertSorted(std::vector<char32_t>& list, char32_t c) {
  const auto at = std::lower_bound(list.begin(), list.end(), c);
  if (at != list.end() && *at == c) return false;
  list.insert(at, c);
  return true;
}
}  // namespace

void WebPlatform::noteCodepoint(char32_t c) {
  if (c < 0x80 || text::isInvisibleMark(c) || std::binary_search(extraCodepoints_.begin(), extraCodepoints_.end(), c))
    return;
  // The first-frame atlas holds only some of the face's glyphs: what the face has decides there.
  const bool firstFrame = fontSet_ == FontSet::FirstFrame;
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const bool inFace = firstFrame || atlas.Fonts.empty()
                          ? platform::faceHas(c)
                          : atlas.Fonts[0]->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr;
  if (!inFace) {
    insertSorted(extraCodepoints_, c);
    if (extraPixels_ > 0) extraGlyphs_.push_back(drawGlyph(c, extraPixels_));
    glyphsChanged_ = true;
    return;
  }
  if (insertSorted(boardCodepoints_, c) && zoomStep_ > kLargeStep) glyphsChanged_ = true;
  if (firstFrame && insertSorted(startGlyphs_, c)) glyphsChanged_ = true;
}

bool WebPlatform::noteStartGlyphs(std::string_view utf8) {
  bool added = false;
  for (std::size_t at = 0; at < utf8.size();) {
    if (static_cast<unsigned char>(utf8[at]) < 0x80) {  // most of the texts: Basic Latin is always there
      ++at;
      continue;
    }
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, utf8.data() + at, utf8.data() + utf8.size());
    if (length <= 0) break;
    at += static_cast<std::size_t>(length);
    if (c >= 0x80 && platform::faceHas(c) && insertSorted(startGlyphs_, c)) added = true;
  }
  return added && fontSet_ == FontSet::FirstFrame;
}

void WebPlatform::noteCodepoints(const char* utf8) {
  // Emoji sequences get one glyph each, drawn from the whole sequence (ui/drawn_text.hpp), not their members.
  std::string drawn;
  if (text::mayHaveEmojiSequence(utf8)) {
    drawn = text::drawableText(utf8, ui::emojiGlyphs());
    utf8 = drawn.c_str();
  }
  for (const char* at = utf8; *at != '\0';) {
    unsigned int c = 0;
    const int length = ImTextCharFromUtf8(&c, at, nullptr);
    if (length <= 0) break;
    at += length;
    if (c >= 0x80) noteCodepoint(c);
  }
}

// Code points the board uses that the embedded face lacks are drawn by the browser into the atlas before
// the frame that shows them; the board is read when it changed (typing changes it with every character).
void WebPlatform::collectGlyphs() {
  const Document* document = session_->document();
  const std::uint64_t revision = document != nullptr ? document->revision() : 0;
  if (document != scannedDocument_ || revision != scannedRevision_) {
    scannedDocument_ = document;
    scannedRevision_ = revision;
    if (document != nullptr) noteCodepoints(app_->documentJson().c_str());
  }
  if (glyphsChanged_) rebuildFonts();
}

void WebPlatform::followZoom() {
  const float wanted = fontSet_ == FontSet::Full ? zoomStepFor(app_->zoom()) : 1.0f;
  if (wanted == zoomStep_) {
    pendingStep_ = wanted;
    return;
  }
  const double now = emscripten_get_now();
  if (wanted != pendingStep_) {
    pendingStep_ = wanted;
    pendingSinceMs_ = now;
  } else if (now - pendingSinceMs_ >= kZoomSettleMs) {
    zoomStep_ = wanted;
    rebuildFonts();
    wakeForInput();
  }
}

double WebPlatform::atlasFigure(int which) const {
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  switch (which) {
    case 0:
      return atlas.TexWidth;
    case 1:
      return atlas.TexHeight;
    case 2:
      return atlas.TexPixelsRGBA32 != nullptr ? 1 : 0;
    case 3:
      return atlas.Fonts.Size;
    case 4:
      return zoomStep_;
    case 5:
      return atlas.Fonts.Size > 4 ? atlas.Fonts[4]->FontSize : 0.0f;
    case 6:
      return static_cast<double>(extraGlyphs_.size());
    default:
      return atlasBuildMs_;
  }
}

bool WebPlatform::renderFrame() {
  updateDisplay();
  ImGuiIO& io = ImGui::GetIO();
  const double now = emscripten_get_now();
  // While a key is held, a slow frame (a busy tablet) must not count as holding it long enough for ImGui's
  // key repeat: a quick Ctrl+X would cut twice (the second time, the now empty field onto the clipboard).
  const double maxDelta = keysDownCount_ > 0 ? 1.0 / 30.0 : 1.0;
  io.DeltaTime = lastFrameMs_ > 0 ? static_cast<float>(std::clamp((now - lastFrameMs_) / 1000.0, 1e-4, maxDelta))
                                   : 1.0f / 60.0f;
  lastFrameMs_ = now;

  if (frames_ == 0) mapathy_js_mark("mapathy-first-frame-start");
  if (frames_ > 0) collectGlyphs();  // not before the first frame: the start-up stays as it was
  ImGui::NewFrame();
  app_->frame();
  ImGui::Render();
  if (frames_ == 0) mapathy_js_mark("mapathy-first-frame-ui");  // the rest of the first frame is GL
  followZoom();

  const ImVec4 background = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  const float clear[3] = {background.x, background.y, background.z};
  const bool drew = renderer_.render(*ImGui::GetDrawData(), framebufferWidth_, framebufferHeight_, clear);

  if (++frames_ == 1) browser::hideLoadingMessage();
  syncTextInput();
  return drew;
}

// A tooltip or popup that appeared in this frame is hidden while ImGui measures it; it shows in the next
// frame. Without that frame a tooltip whose hover delay ran out in the late frame would never show.
bool popupAppearing() {
  for (const ImGuiWindow* window : GImGui->Windows) {
    if (window->Active && window->HiddenFramesCannotSkipItems > 0 &&
        (window->Flags & (ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_Popup)) != 0)
      return true;
  }
  return false;
}

bool busy(std::int64_t due, std::int64_t now, int keysDown) {
  return GImGui->InputEventsQueue.Size > 0 || (due != ui::App::kNoFrameDue && due <= now) || ImGui::IsAnyMouseDown() ||
         keysDown > 0 || popupAppearing();
}

void WebPlatform::scheduleAfterFrame() {
  const std::int64_t now = host_.nowMs();
  const std::int64_t due = app_->nextFrameDueMs();
  if (settleFrames_ > 0 || busy(due, now, keysDownCount_)) {
    requestAnimationFrame();
    return;
  }
  double delay = -1;  // the earliest of the late frame, the cursor's blink and the app's next frame
  if (lateFramePending_) {
    lateFramePending_ = false;
    delay = kLateFrameMs;
  } else if (ImGui::GetIO().WantTextInput) {
    delay = kBlinkMs;
  }
  if (due != ui::App::kNoFrameDue) {
    const auto appDelay = static_cast<double>(due - now);
    if (delay < 0 || appDelay < delay) delay = appDelay;
  }
  if (pendingStep_ != zoomStep_) {  // the zoom rests: a frame when it has rested long enough
    const double zoomDelay = std::max(0.0, pendingSinceMs_ + kZoomSettleMs - emscripten_get_now()) + 1.0;
    if (delay < 0 || zoomDelay < delay) delay = zoomDelay;
  }
  if (delay >= 0) setTimer(delay);
}

void WebPlatform::requestAnimationFrame() {
  if (frameRequested_) return;
  frameRequested_ = true;
  emscripten_request_animation_frame(&WebPlatform::onAnimationFrame, this);
}

void WebPlatform::setTimer(double ms) {
  if (timer_ != 0) emscripten_clear_timeout(timer_);
  timer_ = emscripten_set_timeout(&WebPlatform::onTimer, ms, this);
}

EM_BOOL WebPlatform::onAnimationFrame(double, void* userData) {
  WebPlatform& p = *self(userData);
  p.frameRequested_ = false;
  p.renderFrame();
  if (p.settleFrames_ > 0) --p.settleFrames_;
  p.scheduleAfterFrame();
  return EM_FALSE;
}

void WebPlatform::onTimer(void* userData) {
  WebPlatform& p = *self(userData);
  p.timer_ = 0;
  p.settleFrames_ = std::max(p.settleFrames_, 1);
  p.requestAnimationFrame();
}

void WebPlatform::wakeForInput() {
  settleFrames_ = std::max(settleFrames_, kSettleFrames);
  lateFramePending_ = true;
  if (timer_ != 0) {
    emscripten_clear_timeout(timer_);
    timer_ = 0;
  }
  requestAnimationFrame();
}

// Draws until the UI has settled: every queued event consumed, no focus or activation pending (ImGui applies
// them a frame later) and a frame that looks like the one before.
// A click that adds a note opens its text field only a frame or two later; settled, the field is active
// and the hidden textarea focused while the browser still counts the person's gesture (on-screen
// keyboards open only then), and keys typed right after the click reach it.
bool settling() {
  const ImGuiContext& g = *GImGui;
  const bool textInputChanges =
      g.WantTextInputNextFrame != -1 && (g.WantTextInputNextFrame != 0) != ImGui::GetIO().WantTextInput;
  return g.InputEventsQueue.Size > 0 || g.NavMoveSubmitted || g.NavMoveScoringItems || g.NavMoveForwardToNextFrame ||
         g.NavNextActivateId != 0 || g.NavActivateId != 0 || textInputChanges;
}

void WebPlatform::pumpNow() {
  for (int i = 0; i < kMaxPumpedFrames; ++i) {
    const bool changed = renderFrame();
    // The first frame after an event may not show its effect yet (a note added late in a frame appears
    // in the next one), so at least two frames.
    if (i > 0 && !changed && !settling()) break;
  }
  wakeForInput();
}

// ---- text input (the hidden textarea in web/platform.js)

void WebPlatform::syncTextInput() {
  const bool wanted = ImGui::GetIO().WantTextInput;
  const ImGuiPlatformImeData& ime = GImGui->PlatformImeData;
  const ImVec2 pos = ime.WantVisible ? ime.InputPos : ImVec2(0, 0);
  if (wanted == textInputActive_ && (!wanted || (pos.x == textInputPos_.x && pos.y == textInputPos_.y))) return;
  textInputActive_ = wanted;
  textInputPos_ = pos;
  browser::setTextInput(wanted, pos.x, pos.y, ime.InputLineHeight > 0 ? ime.InputLineHeight : kFontSize);
}

void WebPlatform::textEdited(const char* utf8, bool ended) {
  host_.textEdited(utf8 != nullptr ? utf8 : "", ended);
  // Typing: the card grows and the editor is placed again before the browser lays the new text out.
  if (ended) {
    wakeForInput();
  } else {
    pumpNow();
  }
}

// CSS sizes a font by its em; Dear ImGui (stb_truetype's ScaleForPixelHeight) by the hhea table's
// ascent − descent. The note editor's CSS font size is the card's size times this.
float emPerPixelHeight(const unsigned char* font, std::size_t size) {
  auto u16 = [&](std::size_t at) { return at + 2 <= size ? (font[at] << 8) | font[at + 1] : 0; };
  auto s16 = [&](std::size_t at) { return static_cast<std::int16_t>(u16(at)); };
  auto u32 = [&](std::size_t at) { return (static_cast<std::uint32_t>(u16(at)) << 16) | u16(at + 2); };
  std::size_t head = 0, hhea = 0;
  for (int i = 0, n = u16(4); i < n; ++i) {
    const std::size_t record = 12 + static_cast<std::size_t>(i) * 16;
    const std::uint32_t tag = u32(record);
    if (tag == 0x68656164u) head = u32(record + 8);  // 'head'
    if (tag == 0x68686561u) hhea = u32(record + 8);  // 'hhea'
  }
  const int unitsPerEm = head != 0 ? u16(head + 18) : 0;
  const int height = hhea != 0 ? s16(hhea + 4) - s16(hhea + 6) : 0;
  return unitsPerEm > 0 && height > 0 ? static_cast<float>(unitsPerEm) / static_cast<float>(height) : 1.0f;
}

void WebPlatform::typeText(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  pumpNow();
}

void WebPlatform::virtualKey(ImGuiKey key) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(key, true);
  io.AddKeyEvent(key, false);
  pumpNow();
}

void WebPlatform::paste(const char* utf8) {
  // ImGui reads the clipboard synchronously, the browser hands it over only in a paste event: keep the
  // text and replay the paste shortcut so ImGui's own paste (replacing the selection) runs.
  clipboard_ = utf8 != nullptr ? utf8 : "";
  ImGuiIO& io = ImGui::GetIO();
  const ImGuiKey modifier = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
  const bool wasDown = modifier == ImGuiMod_Ctrl ? io.KeyCtrl : io.KeySuper;
  io.AddKeyEvent(modifier, true);
  io.AddKeyEvent(ImGuiKey_V, true);
  io.AddKeyEvent(ImGuiKey_V, false);
  if (!wasDown) io.AddKeyEvent(modifier, false);
  pumpNow();
}

// ---- keyboard

void WebPlatform::keyEvent(ImGuiKey key, bool down) {
  if (key == ImGuiKey_None) return;
  const int index = key - ImGuiKey_NamedKey_BEGIN;
  if (index < 0 || index >= ImGuiKey_NamedKey_COUNT) return;
  if (keysDown_[index] != down) {
    keysDown_[index] = down;
    keysDownCount_ += down ? 1 : -1;
  }
  ImGui::GetIO().AddKeyEvent(key, down);
}

void WebPlatform::releaseAllKeys() {
  for (int index = 0; index < ImGuiKey_NamedKey_COUNT; ++index) {
    if (keysDown_[index]) keyEvent(static_cast<ImGuiKey>(ImGuiKey_NamedKey_BEGIN + index), false);
  }
  syncModifiers(false, false, false, false);
}

void WebPlatform::syncModifiers(bool ctrl, bool shift, bool alt, bool meta) {
  ImGuiIO& io = ImGui::GetIO();  // AddKeyEvent drops events that change nothing
  io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
  io.AddKeyEvent(ImGuiMod_Shift, shift);
  io.AddKeyEvent(ImGuiMod_Alt, alt);
  io.AddKeyEvent(ImGuiMod_Super, meta);
}

EM_BOOL WebPlatform::onKey(int type, const EmscriptenKeyboardEvent* event, void* userData) {
  WebPlatform& p = *self(userData);
  const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
  const std::string_view key = event->key;
  // Keys that start or continue a composition (dead keys, IME, Android keyboards) produce text through
  // the textarea's composition and input events; they are not keys for ImGui.
  if (key == "Process" || key == "Unidentified" || key == "Dead" || event->keyCode == 229) return EM_FALSE;

  p.syncModifiers(event->ctrlKey, event->shiftKey, event->altKey, event->metaKey);
  const ImGuiKey imguiKey = imguiKeyFor(event->key, event->code);
  const bool shortcut = (event->ctrlKey || event->metaKey) && !(event->ctrlKey && event->altKey);
  if (down && shortcut && imguiKey == ImGuiKey_V) return EM_FALSE;  // the browser's paste event follows

  p.keyEvent(imguiKey, down);
  if (!down) {
    p.wakeForInput();
    return EM_FALSE;
  }
  p.pumpNow();
  if (producesText(event->key, event->ctrlKey, event->altKey, event->metaKey)) return EM_FALSE;
  const ImGuiIO& io = ImGui::GetIO();
  const bool functionKey = imguiKey >= ImGuiKey_F1 && imguiKey <= ImGuiKey_F12;
  // Keep Tab, arrows, Backspace … from acting on the page while the app uses the keyboard; leave browser
  // shortcuts (reload, devtools, zoom) alone otherwise.
  return imguiKey != ImGuiKey_None && !functionKey && (io.WantCaptureKeyboard || io.WantTextInput || shortcut)
             ? EM_TRUE
             : EM_FALSE;
}

EM_BOOL WebPlatform::onFocus(int type, const EmscriptenFocusEvent*, void* userData) {
  WebPlatform& p = *self(userData);
  const bool focused = type == EMSCRIPTEN_EVENT_FOCUS;
  if (!focused) p.releaseAllKeys();  // keys released while another window had focus never report
  ImGui::GetIO().AddFocusEvent(focused);
  p.wakeForInput();
  return EM_FALSE;
}

// ---- mouse and wheel

EM_BOOL WebPlatform::onMouse(int type, const EmscriptenMouseEvent* event, void* userData) {
  WebPlatform& p = *self(userData);
  ImGuiIO& io = ImGui::GetIO();
  p.syncModifiers(event->ctrlKey, event->shiftKey, event->altKey, event->metaKey);
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  if (type == EMSCRIPTEN_EVENT_MOUSELEAVE) {
    if (!ImGui::IsAnyMouseDown()) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    p.wakeForInput();
    return EM_FALSE;
  }
  // A press on the canvas while a note is edited ends editing first (the canvas keeps the focus from
  // moving, so the note editor would not notice on its own), then counts as the press it is.
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN && p.host_.textEditOpen()) browser::finishTextEdit();
  const ImVec2 at(static_cast<float>(event->clientX), static_cast<float>(event->clientY));
  const int button = imguiButton(event->button);
  // A release right after moves no frame has seen yet (Firefox and WebKit deliver each move as it comes, so a
  // quick drag can end between two frames): the moves get a frame of their own with the button still down,
  // so a drag starts and follows them, and the release lands where the pointer is.
  if (type == EMSCRIPTEN_EVENT_MOUSEUP && button >= 0 && io.MouseDown[button] &&
      (GImGui->InputEventsQueue.Size > 0 || at.x != io.MousePos.x || at.y != io.MousePos.y)) {
    io.AddMousePosEvent(at.x, at.y);
    p.pumpNow();
  }
  io.AddMousePosEvent(at.x, at.y);
  if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
    const bool down = type == EMSCRIPTEN_EVENT_MOUSEDOWN;
    if (button >= 0 && (down || io.MouseDown[button])) io.AddMouseButtonEvent(button, down);
    p.pumpNow();
    // Mouse down on the canvas: no text selection, and focus stays in the textarea while editing.
    return down ? EM_TRUE : EM_FALSE;
  }
  p.wakeForInput();
  return EM_FALSE;
}

EM_BOOL WebPlatform::onWheel(int, const EmscriptenWheelEvent* event, void* userData) {
  WebPlatform& p = *self(userData);
  ImGuiIO& io = ImGui::GetIO();
  const EmscriptenMouseEvent& mouse = event->mouse;
  p.syncModifiers(mouse.ctrlKey, mouse.shiftKey, mouse.altKey, mouse.metaKey);
  io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
  io.AddMousePosEvent(static_cast<float>(mouse.clientX), static_cast<float>(mouse.clientY));
  // ImGui counts one wheel notch as 1.0: browsers report about 100 pixels or 3 lines per notch.
  double perNotch = 1.0;
  if (event->deltaMode == DOM_DELTA_PIXEL) perNotch = 100.0;
  if (event->deltaMode == DOM_DELTA_LINE) perNotch = 3.0;
  io.AddMouseWheelEvent(static_cast<float>(-event->deltaX / perNotch), static_cast<float>(-event->deltaY / perNotch));
  p.wakeForInput();
  return EM_TRUE;  // no page scrolling, and Ctrl+wheel (trackpad pinch) zooms the board, not the page
}

// ---- touch

void WebPlatform::touchMousePos(float x, float y) {
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
  io.AddMousePosEvent(x, y);
}

void WebPlatform::onLongPress(void* userData) {
  WebPlatform& p = *self(userData);
  p.touch_.timer = 0;
  if (p.touch_.id < 0 || p.touch_.dragging) return;
  p.touch_.longPressed = true;
  p.touchMousePos(p.touch_.startX, p.touch_.startY);
  p.pumpNow();
  ImGuiIO& io = ImGui::GetIO();
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
  p.wakeForInput();
}

// Where two fingers are: their distance and centre, from all touches currently on the screen.
bool pinchGeometry(const EmscriptenTouchEvent& event, long first, long second, float* distance, ImVec2* centre) {
  const EmscriptenTouchPoint* a = nullptr;
  const EmscriptenTouchPoint* b = nullptr;
  for (int i = 0; i < event.numTouches; ++i) {
    if (event.touches[i].identifier == first) a = &event.touches[i];
    if (event.touches[i].identifier == second) b = &event.touches[i];
  }
  if (a == nullptr || b == nullptr) return false;
  const auto ax = static_cast<float>(a->clientX), ay = static_cast<float>(a->clientY);
  const auto bx = static_cast<float>(b->clientX), by = static_cast<float>(b->clientY);
  *distance = std::hypot(ax - bx, ay - by);
  *centre = ImVec2((ax + bx) * 0.5f, (ay + by) * 0.5f);
  return true;
}

void WebPlatform::startPinch(const EmscriptenTouchEvent& event, long secondId) {
  Touch& touch = touch_;
  if (touch.timer != 0) emscripten_clear_timeout(touch.timer);
  touch.timer = 0;
  ImGuiIO& io = ImGui::GetIO();
  if (touch.dragging) {  // the first finger was dragging: end that drag where it is
    touchMousePos(touch.x, touch.y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  }
  touchMousePos(-FLT_MAX, -FLT_MAX);
  touch.dragging = false;
  touch.pinching = true;
  touch.secondId = secondId;
  ImVec2 centre;
  if (!pinchGeometry(event, touch.id, secondId, &touch.pinchDistance, &centre)) touch.pinchDistance = 0;
}

void WebPlatform::movePinch(const EmscriptenTouchEvent& event) {
  Touch& touch = touch_;
  float distance = 0;
  ImVec2 centre;
  if (!pinchGeometry(event, touch.id, touch.secondId, &distance, &centre)) return;
  // Tiny distances (fingers together) would give wild factors; the canvas clamps the zoom anyway.
  if (touch.pinchDistance > 10.0f && distance > 10.0f) app_->zoomAt(distance / touch.pinchDistance, centre.x, centre.y);
  touch.pinchDistance = distance;
}

EM_BOOL WebPlatform::onTouch(int type, const EmscriptenTouchEvent* event, void* userData) {
  WebPlatform& p = *self(userData);
  Touch& touch = p.touch_;
  ImGuiIO& io = ImGui::GetIO();
  if (type == EMSCRIPTEN_EVENT_TOUCHSTART && p.host_.textEditOpen()) browser::finishTextEdit();  // as onMouse
  if (touch.pinching) {
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      p.movePinch(*event);
    } else if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) {
      int remaining = 0;
      for (int i = 0; i < event->numTouches; ++i) remaining += event->touches[i].isChanged ? 0 : 1;
      if (remaining == 0) touch = Touch{};  // with one finger still down the pinch waits for it to lift
    }
    p.wakeForInput();
    return EM_TRUE;
  }
  for (int i = 0; i < event->numTouches; ++i) {
    const EmscriptenTouchPoint& point = event->touches[i];
    if (!point.isChanged) continue;
    const auto x = static_cast<float>(point.clientX);
    const auto y = static_cast<float>(point.clientY);
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
      if (touch.id >= 0) {
        if (point.identifier != touch.id && !touch.longPressed) {
          p.startPinch(*event, point.identifier);
          break;
        }
        continue;
      }
      touch = Touch{};
      touch.id = point.identifier;
      touch.startX = touch.x = x;
      touch.startY = touch.y = y;
      touch.timer = emscripten_set_timeout(&WebPlatform::onLongPress, kLongPressMs, &p);
      p.touchMousePos(x, y);  // hover first, so the item under the finger is known when it presses
      continue;
    }
    if (point.identifier != touch.id) continue;
    touch.x = x;
    touch.y = y;
    if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
      if (!touch.dragging && !touch.longPressed &&
          std::hypot(x - touch.startX, y - touch.startY) > kTouchSlop) {
        touch.dragging = true;
        if (touch.timer != 0) emscripten_clear_timeout(touch.timer);
        touch.timer = 0;
        p.touchMousePos(touch.startX, touch.startY);
        p.pumpNow();  // ImGui picks the item under the finger from the previous frame's position
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
      }
      if (touch.dragging) p.touchMousePos(x, y);
      continue;
    }
    // Finger lifted (or the touch was cancelled).
    if (touch.timer != 0) emscripten_clear_timeout(touch.timer);
    const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
    if (touch.dragging) {
      p.touchMousePos(x, y);
      io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    } else if (!touch.longPressed && !cancelled) {
      p.touchMousePos(touch.startX, touch.startY);
      p.pumpNow();  // hover first: a tap works the first time even when no frame ran since touchstart
      io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
      io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    }
    p.touchMousePos(-FLT_MAX, -FLT_MAX);  // no hover (tooltips) left behind by a finger
    touch = Touch{};
    p.pumpNow();  // inside the gesture: a tapped text field can focus the textarea (keyboard)
    return EM_TRUE;
  }
  p.wakeForInput();
  return EM_TRUE;  // no mouse emulation, scrolling or page zoom
}

EM_BOOL WebPlatform::onResize(int, const EmscriptenUiEvent*, void* userData) {
  self(userData)->wakeForInput();  // the next frame reads the new size and pixel ratio
  return EM_FALSE;
}

void WebPlatform::openFragment() {
  std::string error;
  app_->openLink(browser::locationHref(), &error);
  browser::clearFragment();  // opened or refused (with a message): either way it has been read
  wakeForInput();
}

// Strings returned to JavaScript stay valid until the next call of the same function.
const char* keep(std::string& slot, std::string value) {
  slot = std::move(value);
  return slot.c_str();
}

}  // namespace

bool start() { return platform().start(); }

}  // namespace mapathy::platform::web

// ---- Functions web/platform.js calls (window.mapathy and the textarea, clipboard, file and URL glue).

using mapathy::platform::web::platform;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* mapathy_widgets_json() {
  static std::string json;
  return mapathy::platform::web::keep(json, platform().recorder().toJson());
}

EMSCRIPTEN_KEEPALIVE double mapathy_frames() { return static_cast<double>(platform().frames()); }

EMSCRIPTEN_KEEPALIVE const char* mapathy_document_json() {
  static std::string json;
  return mapathy::platform::web::keep(json, platform().running() ? platform().app().documentJson() : "");
}

EMSCRIPTEN_KEEPALIVE int mapathy_open_link(const char* url) {
  if (!platform().running()) return 0;
  const bool opened = platform().app().openLink(url != nullptr ? url : "");
  platform().wakeForInput();
  return opened ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int mapathy_open_file(const char* name, const char* text) {
  if (!platform().running()) return 0;
  const bool opened = platform().app().openFileText(name != nullptr ? name : "", text != nullptr ? text : "");
  platform().wakeForInput();
  return opened ? 1 : 0;
}

// The tools module's answer to Host::runTool (web/platform.js runToolFor).
EMSCRIPTEN_KEEPALIVE void mapathy_tool_result(int ticket, const char* json) {
  if (!platform().running()) return;
  platform().app().toolResult(static_cast<std::uint32_t>(ticket), json != nullptr ? json : "");
  platform().wakeForInput();
}

EMSCRIPTEN_KEEPALIVE void mapathy_hash_changed() {
  if (platform().running()) platform().openFragment();
}

// The note editor (web/platform.js): its whole text after each change, and once more when editing ends.
EMSCRIPTEN_KEEPALIVE void mapathy_text_edit(const char* utf8, int ended) {
  if (platform().running()) platform().textEdited(utf8, ended != 0);
}

// The card's face for the note editor's FontFace (no second download): 0 its address, 1 its size in bytes,
// 2 its em per Dear ImGui pixel height.
EMSCRIPTEN_KEEPALIVE double mapathy_card_font(int which) {
  const unsigned char* bytes = mapathy::embedded::font_regular;
  const std::size_t size = mapathy::embedded::font_regular_size;
  if (which == 0) return static_cast<double>(reinterpret_cast<std::uintptr_t>(bytes));
  if (which == 1) return static_cast<double>(size);
  return mapathy::platform::web::emPerPixelHeight(bytes, size);
}

// The lines a note's text is drawn in on its card, one per line of the answer ("" when not laid out); for an
// id that is no note's, those of the board text under that key (ui/text_box.hpp: "persona.goal",
// "stage-description:<id>", "reason:<lane>:<stage>", "action.text:<id>").
EMSCRIPTEN_KEEPALIVE const char* mapathy_note_lines(const char* id) {
  static std::string lines;
  lines.clear();
  const mapathy::Document* doc = platform().running() ? platform().app().document() : nullptr;
  const mapathy::Note* note = doc != nullptr && id != nullptr ? mapathy::findNote(doc->board(), id) : nullptr;
  if (note != nullptr) {
    for (const std::string& line : platform().app().noteCards().linesOf(id, note->text)) lines += line + '\n';
  } else if (doc != nullptr && id != nullptr) {
    for (const std::string& line : platform().app().noteCards().boxes().linesOf(id)) lines += line + '\n';
  }
  return lines.c_str();
}

EMSCRIPTEN_KEEPALIVE void mapathy_type_text(const char* utf8) {
  if (platform().running() && utf8 != nullptr && utf8[0] != '\0') platform().typeText(utf8);
}

// 0: Backspace, 1: Enter — from on-screen keyboards that send no usable keydown.
EMSCRIPTEN_KEEPALIVE void mapathy_virtual_key(int which) {
  if (!platform().running()) return;
  platform().virtualKey(which == 0 ? ImGuiKey_Backspace : ImGuiKey_Enter);
}

EMSCRIPTEN_KEEPALIVE void mapathy_paste(const char* utf8) {
  if (platform().running()) platform().paste(utf8);
}

// The banners on screen: [{"kind": "info"|"success"|"error", "text": …}].
EMSCRIPTEN_KEEPALIVE const char* mapathy_messages_json() {
  static std::string json;
  nlohmann::json messages = nlohmann::json::array();
  if (platform().running()) {
    for (const mapathy::ui::Message& message : platform().app().messages()) {
      const char* kind = message.kind == mapathy::ui::MessageKind::Error     ? "error"
                         : message.kind == mapathy::ui::MessageKind::Success ? "success"
                                                                             : "info";
      messages.push_back({{"kind", kind}, {"text", message.text}});
    }
  }
  return mapathy::platform::web::keep(json, messages.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EMSCRIPTEN_KEEPALIVE double mapathy_zoom() { return platform().running() ? platform().app().zoom() : 1.0; }

// A figure of the font atlas (WebPlatform::atlasFigure).
EMSCRIPTEN_KEEPALIVE double mapathy_atlas_figure(int which) {
  return platform().running() ? platform().atlasFigure(which) : 0;
}

// The page is being hidden or closed: write what the library has not saved yet.
EMSCRIPTEN_KEEPALIVE void mapathy_flush_library() {
  if (platform().running()) platform().flushLibrary();
}

// Another tab of this browser wrote the library (the 'storage' event): merge what it stored.
EMSCRIPTEN_KEEPALIVE void mapathy_storage_changed() {
  if (platform().running()) platform().storageChanged();
}

// web/platform.js: the semibold face's bytes (copied; the caller frees its buffer). 1 when taken. No bytes
// (size 0): the face could not be fetched; the full atlas is built without it.
EMSCRIPTEN_KEEPALIVE int mapathy_bold_font(const unsigned char* bytes, int size) {
  if (!platform().running()) return 0;
  if (bytes == nullptr || size <= 0) {
    platform().setBoldFace({});
    return 0;
  }
  platform().setBoldFace(std::vector<unsigned char>(bytes, bytes + size));
  return 1;
}

EMSCRIPTEN_KEEPALIVE int mapathy_has_bold_font() { return platform().running() && platform().hasBoldFace() ? 1 : 0; }

// web/scanner.js: a QR code's text as read by the camera, or why the camera stopped (0 refused, 1 no camera,
// 2 anything else).
EMSCRIPTEN_KEEPALIVE void mapathy_scanned(const char* text) {
  if (!platform().running() || text == nullptr) return;
  platform().app().scannedCode(text);
  platform().pumpNow();
}

EMSCRIPTEN_KEEPALIVE void mapathy_scanner_failed(int problem) {
  if (!platform().running()) return;
  platform().app().scannerFailed(problem == 0   ? mapathy::ui::ScannerProblem::Refused
                                 : problem == 1 ? mapathy::ui::ScannerProblem::NoCamera
                                                : mapathy::ui::ScannerProblem::Failed);
  platform().wakeForInput();
}

// The web build links with --wrap for ImGui::StyleColorsDark (CMakeLists.txt): ImGuiStyle's constructor
// calls it, and every style the app uses then gets ImGui's light colours and its own (ui::applyStyle, which
// starts from StyleColorsLight), so the dark palette would only be written to be overwritten.
void __wrap__ZN5ImGui15StyleColorsDarkEP10ImGuiStyle(ImGuiStyle*) {}

// web/platform.js: the texts of a language the reader switched to (german: 1 German, 0 English); empty when
// they could not be fetched: the UI stays in its language and says so.
EMSCRIPTEN_KEEPALIVE void mapathy_ui_texts(int german, const char* text) {
  if (!platform().running()) return;
  if (text != nullptr) platform().noteUiTextGlyphs(text);
  if (!mapathy::ui::uiTextsArrived(german != 0 ? mapathy::Lang::De : mapathy::Lang::En, text != nullptr ? text : "")) {
    platform().app().showMessage(mapathy::ui::MessageKind::Error,
                                 mapathy::ui::tr(german != 0 ? "msg.textsFailed.de" : "msg.textsFailed.en"));
  }
  platform().wakeForInput();
}

EMSCRIPTEN_KEEPALIVE void mapathy_wake() {
  if (platform().running()) platform().wakeForInput();
}

// The page's "Open text view" button (web/index.html). 1 when a board was open.
EMSCRIPTEN_KEEPALIVE int mapathy_open_text_view() {
  return platform().running() && platform().app().openTextView() ? 1 : 0;
}

}  // extern "C"
