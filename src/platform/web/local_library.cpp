// LocalLibrary (see local_library.hpp). The localStorage layout and the crash-safe writes live in
// web/platform.js (window.MapathyWeb.library*); these are thin EM_JS trampolines to it.
#include "platform/web/local_library.hpp"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/io/format.hpp"
#include "core/session/session.hpp"
#include "platform/web/browser.hpp"

namespace {

// clang-format off
EM_JS(char*, mapathy_js_library_index, (), { return MapathyWeb.toHeap(MapathyWeb.libraryIndex()); });
EM_JS(char*, mapathy_js_library_board, (const char* id), {
  return MapathyWeb.toHeap(MapathyWeb.libraryBoard(UTF8ToString(id)));
});
EM_JS(double, mapathy_js_library_save, (const char* id, const char* json, const char* title), {
  return MapathyWeb.librarySave(UTF8ToString(id), UTF8ToString(json), UTF8ToString(title));
});
EM_JS(void, mapathy_js_library_remove, (const char* id), { MapathyWeb.libraryRemove(UTF8ToString(id)); });
EM_JS(void, mapathy_js_library_set_open, (const char* id), { MapathyWeb.librarySetOpen(UTF8ToString(id)); });
EM_JS(char*, mapathy_js_library_base_load, (const char* id), {
  return MapathyWeb.toHeap(MapathyWeb.libraryBaseLoad(UTF8ToString(id)));
});
EM_JS(int, mapathy_js_library_base_save, (const char* id, const char* json), {
  return MapathyWeb.libraryBaseSave(UTF8ToString(id), UTF8ToString(json));
});
// clang-format on

std::string takeString(char* heap) {
  if (heap == nullptr) return {};
  std::string text(heap);
  std::free(heap);
  return text;
}

std::string stringOr(const nlohmann::json& object, const char* key) {
  return object.is_object() && object.contains(key) && object[key].is_string() ? object[key].get<std::string>()
                                                                               : std::string();
}

// web/platform.js answers a failed write with a negative code.
mapathy::SaveResult failure(double code) {
  return code == -1   ? mapathy::SaveResult::Full
         : code == -3 ? mapathy::SaveResult::NewerLibrary
                      : mapathy::SaveResult::Unavailable;
}

}  // namespace

namespace mapathy::platform::web {

void LocalLibrary::attach(Session& session, void (*wake)()) {
  session_ = &session;
  wake_ = wake;
}

StoredIndex LocalLibrary::loadIndex() {
  // {"open": id, "boards": [{"id", "title", "gen"}]} or {"newerLibrary": version}
  const nlohmann::json stored = parseJson(takeString(mapathy_js_library_index()));
  StoredIndex index;
  if (!stored.is_object()) return index;
  if (stored.contains("newerLibrary") && stored["newerLibrary"].is_number()) {
    index.newerLibrary = stored["newerLibrary"].dump();
    return index;
  }
  index.openId = stringOr(stored, "open");
  if (!stored.contains("boards") || !stored["boards"].is_array()) return index;
  for (const nlohmann::json& entry : stored["boards"]) {
    const std::string id = stringOr(entry, "id");
    if (id.empty() || !entry.contains("gen") || !entry["gen"].is_number_unsigned()) continue;
    index.boards.push_back({id, stringOr(entry, "title"), entry["gen"].get<std::uint64_t>()});
  }
  return index;
}

StoredBoard LocalLibrary::loadBoard(const std::string& id) {
  const nlohmann::json stored = parseJson(takeString(mapathy_js_library_board(id.c_str())));
  return StoredBoard{stringOr(stored, "json"), stringOr(stored, "previous")};
}

SaveResult LocalLibrary::saveBoard(const std::string& id, const std::string& title, const std::string& json,
                                   std::uint64_t& generation) {
  const double result = mapathy_js_library_save(id.c_str(), json.c_str(), title.c_str());
  if (result < 1) return failure(result);
  generation = static_cast<std::uint64_t>(result);
  // Persistent storage is never asked for here: saving is not a reason to show a browser prompt
  // (web/platform.js, askPersistentStorage, says why).
  return SaveResult::Saved;
}

void LocalLibrary::removeBoard(const std::string& id) { mapathy_js_library_remove(id.c_str()); }

void LocalLibrary::setOpenBoard(const std::string& id) { mapathy_js_library_set_open(id.c_str()); }

std::string LocalLibrary::loadBase(const std::string& id) {
  return takeString(mapathy_js_library_base_load(id.c_str()));
}

SaveResult LocalLibrary::saveBase(const std::string& id, const std::string& json) {
  const int result = mapathy_js_library_base_save(id.c_str(), json.c_str());
  return result >= 0 ? SaveResult::Saved : failure(result);
}

std::string LocalLibrary::loadDeviceValue(const std::string& key) { return browser::deviceLoad(key); }

void LocalLibrary::saveDeviceValue(const std::string& key, const std::string& value) {
  browser::deviceSave(key, value);
}

void LocalLibrary::saveSoon() {
  if (timer_ != 0) return;
  timer_ = emscripten_set_timeout(&LocalLibrary::onTimer, kSaveDelayMs, this);
}

void LocalLibrary::onTimer(void* self) {
  auto& library = *static_cast<LocalLibrary*>(self);
  library.timer_ = 0;
  library.flush();
}

void LocalLibrary::flush() {
  if (timer_ != 0) {
    emscripten_clear_timeout(timer_);
    timer_ = 0;
  }
  if (session_ == nullptr) return;
  session_->save();
  if (wake_ != nullptr) wake_();  // a save can bring a message (storage full) or another tab's changes
}

void LocalLibrary::otherTabWrote() {
  if (session_ == nullptr) return;
  session_->storageChanged();
  if (wake_ != nullptr) wake_();
}

}  // namespace mapathy::platform::web
