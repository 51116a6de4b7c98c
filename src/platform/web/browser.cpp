// EM_JS trampolines behind browser.hpp. Kept tiny: logic lives in web/platform.js so that it can be read
// and changed as ordinary JavaScript. Strings come back as malloc'ed UTF-8 that takeString() frees.
#include "platform/web/browser.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace {

// clang-format off
EM_JS(void, mapathy_js_hide_loading, (), { MapathyWeb.hideLoading(); });
EM_JS(void, mapathy_js_fatal, (const char* message), { MapathyWeb.fatal(UTF8ToString(message)); });
EM_JS(char*, mapathy_js_string, (int which), {
  return MapathyWeb.toHeap(MapathyWeb.stringValue(which));
});
EM_JS(double, mapathy_js_now, (), { return Date.now(); });
EM_JS(void, mapathy_js_random, (void* out, int size), { crypto.getRandomValues(HEAPU8.subarray(out, out + size)); });
EM_JS(void, mapathy_js_clipboard_write, (const char* text), { MapathyWeb.writeClipboard(UTF8ToString(text)); });
EM_JS(void, mapathy_js_download, (const char* name, const char* mime, const void* bytes, int size), {
  MapathyWeb.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(bytes, bytes + size));
});
EM_JS(void, mapathy_js_pick_file, (), { MapathyWeb.pickFile(); });
EM_JS(void, mapathy_js_text_input, (int active, float x, float y, float lineHeight), {
  MapathyWeb.setTextInput(active !== 0, x, y, lineHeight);
});
EM_JS(void, mapathy_js_text_edit_begin, (const char* lang, const char* text, const char* label), {
  MapathyWeb.beginTextEdit(UTF8ToString(lang), UTF8ToString(text), UTF8ToString(label));
});
EM_JS(void, mapathy_js_text_edit_place, (float x, float y, float w, float h, float size, unsigned colour,
                                         const char* layout), {
  MapathyWeb.placeTextEdit(x, y, w, h, size, colour, UTF8ToString(layout));
});
EM_JS(void, mapathy_js_text_edit_end, (int finish), { MapathyWeb.endTextEdit(finish !== 0); });
EM_JS(void, mapathy_js_clear_fragment, (), { history.replaceState(history.state, "", location.href.split("#")[0]); });
EM_JS(int, mapathy_js_can_share, (), { return MapathyWeb.canShare() ? 1 : 0; });
EM_JS(void, mapathy_js_share, (const char* title, const char* url), {
  MapathyWeb.share(UTF8ToString(title), UTF8ToString(url));
});
EM_JS(void, mapathy_js_ask_persistent, (), { MapathyWeb.askPersistentStorage(); });
EM_JS(char*, mapathy_js_device_load, (const char* key), {
  return MapathyWeb.toHeap(MapathyWeb.deviceLoad(UTF8ToString(key)));
});
EM_JS(void, mapathy_js_device_save, (const char* key, const char* value), {
  MapathyWeb.deviceSave(UTF8ToString(key), UTF8ToString(value));
});
// Outputs.
EM_JS(void, mapathy_js_download_png, (const char* name, const char* svg), {
  MapathyWeb.downloadPng(UTF8ToString(name), UTF8ToString(svg));
});
EM_JS(void, mapathy_js_run_tool, (int ticket, const char* request), {
  MapathyWeb.runToolFor(ticket, UTF8ToString(request));
});
EM_JS(int, mapathy_js_tools_ready, (), { return MapathyWeb.toolsReady() ? 1 : 0; });
EM_JS(void, mapathy_js_request_texts, (int german), { MapathyWeb.requestTexts(german ? "de" : "en"); });
EM_JS(void, mapathy_js_show_html, (const char* name, const char* html), {
  MapathyWeb.showHtml(UTF8ToString(name), UTF8ToString(html));
});
// The camera QR scanner (web/scanner.js, loaded on first use) and sounds.
EM_JS(void, mapathy_js_scanner_start, (), { MapathyWeb.scanner.start(); });
EM_JS(void, mapathy_js_scanner_place, (float x, float y, float w, float h), { MapathyWeb.scanner.place(x, y, w, h); });
EM_JS(void, mapathy_js_scanner_stop, (), { MapathyWeb.scanner.stop(); });
EM_JS(void, mapathy_js_beep, (int kind), { MapathyWeb.beep(kind); });
// clang-format on

enum StringValue { kPageAddress = 0, kHref = 1, kHash = 2, kLanguage = 3, kPlatform = 4, kPointer = 5, kTextsLanguage = 6, kTexts = 7 };

std::string takeString(char* heap) {
  if (heap == nullptr) return {};
  std::string text(heap);
  std::free(heap);
  return text;
}

}  // namespace

namespace mapathy::platform::web::browser {

void hideLoadingMessage() { mapathy_js_hide_loading(); }
void showFatalError(const std::string& message) { mapathy_js_fatal(message.c_str()); }
std::string pageAddress() { return takeString(mapathy_js_string(kPageAddress)); }
std::string locationHref() { return takeString(mapathy_js_string(kHref)); }
bool hasFragment() { return takeString(mapathy_js_string(kHash)).size() > 1; }
bool isApplePlatform() { return takeString(mapathy_js_string(kPlatform)) == "mac"; }
std::string preferredLanguage() { return takeString(mapathy_js_string(kLanguage)); }
std::string uiTextsLanguage() { return takeString(mapathy_js_string(kTextsLanguage)); }
std::string takeUiTexts() { return takeString(mapathy_js_string(kTexts)); }
void requestUiTexts(bool german) { mapathy_js_request_texts(german ? 1 : 0); }
double nowMs() { return mapathy_js_now(); }
void randomBytes(void* out, std::size_t size) { mapathy_js_random(out, static_cast<int>(size)); }
void writeClipboard(const std::string& text) { mapathy_js_clipboard_write(text.c_str()); }
void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes) {
  mapathy_js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}
void pickFile() { mapathy_js_pick_file(); }
void clearFragment() { mapathy_js_clear_fragment(); }
bool coarsePointer() { return takeString(mapathy_js_string(kPointer)) == "coarse"; }
bool canShare() { return mapathy_js_can_share() != 0; }
void share(const std::string& title, const std::string& url) { mapathy_js_share(title.c_str(), url.c_str()); }
void askPersistentStorage() { mapathy_js_ask_persistent(); }
std::string deviceLoad(const std::string& key) { return takeString(mapathy_js_device_load(key.c_str())); }
void deviceSave(const std::string& key, const std::string& value) { mapathy_js_device_save(key.c_str(), value.c_str()); }
void setTextInput(bool active, float x, float y, float lineHeight) {
  mapathy_js_text_input(active ? 1 : 0, x, y, lineHeight);
}

void beginTextEdit(const std::string& lang, const std::string& text, const std::string& label) {
  mapathy_js_text_edit_begin(lang.c_str(), text.c_str(), label.c_str());
}
void placeTextEdit(float x, float y, float w, float h, float fontSize, std::uint32_t colour, const std::string& layout) {
  mapathy_js_text_edit_place(x, y, w, h, fontSize, colour, layout.c_str());
}
void endTextEdit() { mapathy_js_text_edit_end(0); }
void finishTextEdit() { mapathy_js_text_edit_end(1); }

// Outputs.
void downloadPng(const std::string& name, const std::string& svg) { mapathy_js_download_png(name.c_str(), svg.c_str()); }
void showHtml(const std::string& name, const std::string& html) { mapathy_js_show_html(name.c_str(), html.c_str()); }

void startScanner() { mapathy_js_scanner_start(); }
void placeScanner(float x, float y, float w, float h) { mapathy_js_scanner_place(x, y, w, h); }
void stopScanner() { mapathy_js_scanner_stop(); }
void beep(int kind) { mapathy_js_beep(kind); }
// The tools module.
void runTool(std::uint32_t ticket, const std::string& request) {
  mapathy_js_run_tool(static_cast<int>(ticket), request.c_str());
}
bool toolsReady() { return mapathy_js_tools_ready() != 0; }

}  // namespace mapathy::platform::web::browser
