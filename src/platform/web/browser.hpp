// The few browser services the web platform needs beyond html5.h, as plain C++ calls. Each is a small
// EM_JS trampoline into web/platform.js (window.MapathyWeb), where the JavaScript side lives.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace mapathy::platform::web::browser {

void hideLoadingMessage();
void showFatalError(const std::string& message);  // replaces the canvas by a readable message

std::string pageAddress();  // location without the fragment
std::string locationHref();
bool hasFragment();
// Removes the fragment from the address bar (no navigation, no hashchange): a board opened from a link
// lives on in the local library, and a reload must not open the link's older version over local edits.
void clearFragment();
bool isApplePlatform();  // Cmd instead of Ctrl for shortcuts
std::string preferredLanguage();  // "de" or "en", from navigator.languages
// The UI's texts web/platform.js fetched with the module (src/ui/ui_texts.hpp): their language ("de", "en")
// and the file itself (handed over once). Another language's file is asked for with requestUiTexts; it
// arrives through the exported mapathy_ui_texts(german, text) in a later task.
std::string uiTextsLanguage();
std::string takeUiTexts();
void requestUiTexts(bool german);
double nowMs();                   // Date.now()
void randomBytes(void* out, std::size_t size);

void writeClipboard(const std::string& text);
void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes);
// Outputs: the SVG rasterised to `name`.png (falls back to `name`.svg when the browser cannot draw it); a
// standalone HTML page in a new tab from a Blob URL (falls back to downloading `name`).
void downloadPng(const std::string& name, const std::string& svg);
void showHtml(const std::string& name, const std::string& html);
// The tools module (web/platform.js loads it when needed): the answer comes back through the exported
// mapathy_tool_result(ticket, json) in a later task.
void runTool(std::uint32_t ticket, const std::string& request);
bool toolsReady();
void pickFile();

bool coarsePointer();  // a touch screen is the main pointer (phones, tablets)

// The system share sheet (navigator.share), where the browser offers one.
bool canShare();
void share(const std::string& title, const std::string& url);

// ---- storage beside the library (the library itself: local_library.hpp)
void askPersistentStorage();
// Small per-device values beside the library (localStorage "mapathy:device:<key>"); "" when absent.
std::string deviceLoad(const std::string& key);
void deviceSave(const std::string& key, const std::string& value);

// Focuses (active) or blurs the hidden textarea that receives typed text, placed at the text cursor so
// on-screen keyboards and IME candidate windows show up in the right place. Coordinates in CSS pixels.
void setTextInput(bool active, float x, float y, float lineHeight);

// In-place text editing (ui::Host::beginTextEdit): the page's note editor, a textarea opened with `text`
// (focused, caret at the end, named `label` for screen readers) and placed at once over the card's text box (CSS pixels; `fontSize` is Dear
// ImGui's size, ascent − descent, `colour` an ImU32, `layout` the text with U+0001 at the card's soft line
// breaks). What is typed comes back through the exported mapathy_text_edit(text, ended). finishTextEdit()
// ends it as a click outside does (the page reports the text, ended).
void beginTextEdit(const std::string& lang, const std::string& text, const std::string& label);
void placeTextEdit(float x, float y, float w, float h, float fontSize, std::uint32_t colour, const std::string& layout);
void endTextEdit();
void finishTextEdit();

// The camera QR scanner (web/scanner.js): start asks for the camera and shows its preview, place puts the
// preview over a rectangle (CSS pixels), stop turns the camera off. Codes and problems come back through
// the exported mapathy_scanned / mapathy_scanner_failed.
void startScanner();
void placeScanner(float x, float y, float w, float h);
void stopScanner();
// A short tone (Web Audio): 0 the countdown's end, 1 a scanned code.
void beep(int kind);

}  // namespace mapathy::platform::web::browser
