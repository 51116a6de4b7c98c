// The few browser services the web platform needs beyond html5.h, as plain C++ calls. Each is a small
// EM_JS trampoline into web/platform.js (window.MapathyWeb), where the JavaScript side lives.
#pragma once

#include <cstddef>
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
double nowMs();                   // Date.now()
void randomBytes(void* out, std::size_t size);

void writeClipboard(const std::string& text);
void downloadFile(const std::string& name, const std::string& mime, const std::string& bytes);
// Outputs (issue 9): the SVG rasterised to `name`.png (falls back to `name`.svg when the browser cannot
// draw it); a standalone HTML page in a new tab from a Blob URL (falls back to downloading `name`).
void downloadPng(const std::string& name, const std::string& svg);
void showHtml(const std::string& name, const std::string& html);
void pickFile();

bool coarsePointer();  // a touch screen is the main pointer (phones, tablets)

// The system share sheet (navigator.share), where the browser offers one.
bool canShare();
void share(const std::string& title, const std::string& url);

// ---- the local library's storage (localStorage, see web/platform.js). Each save writes the new version
// under a new key first and then switches the index to it, so an interrupted save leaves the previous
// version in place; the version before that is kept as a fallback.
// NewerLibrary: the library's index was written by a newer Mapathy; nothing is written to it then.
enum class SaveResult { Saved = 0, Full = 1, Unavailable = 2, NewerLibrary = 3 };
SaveResult librarySave(const std::string& id, const std::string& json, const std::string& title);
void libraryRemove(const std::string& id);
void librarySetOpen(const std::string& id);  // "" when no board is open
// Everything stored, as JSON: {"open": id, "boards": [{"id", "title", "json", "previous"}]} ("json" and
// "previous" may be null; "title" is the index's). A library whose index a newer Mapathy wrote gives no
// boards and "newerLibrary": its version.
std::string libraryLoad();
void askPersistentStorage();
// Small per-device values beside the library (localStorage "mapathy:device:<key>"); "" when absent.
std::string deviceLoad(const std::string& key);
void deviceSave(const std::string& key, const std::string& value);

// Focuses (active) or blurs the hidden textarea that receives typed text, placed at the text cursor so
// on-screen keyboards and IME candidate windows show up in the right place. Coordinates in CSS pixels.
void setTextInput(bool active, float x, float y, float lineHeight);

}  // namespace mapathy::platform::web::browser
