// LocalLibrary (see local_library.hpp).
#include "platform/web/local_library.hpp"

#include <emscripten/eventloop.h>

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/document.hpp"
#include "core/format.hpp"
#include "platform/web/browser.hpp"
#include "ui/app.hpp"
#include "ui/i18n.hpp"

namespace mapathy::platform::web {
namespace {

// Changes to a board put aside are rare (rename); its title, time and size identify its version well
// enough. The open board's Document counts every edit in its revision.
std::string signatureOf(const Board& board) {
  return board.title + '\x1f' + std::to_string(board.modifiedAt) + '\x1f' + std::to_string(board.notes.size()) +
         '\x1f' + std::to_string(board.actions.size());
}

}  // namespace

std::map<std::string, std::string> LocalLibrary::signatures(ui::App& app, std::string* openId) {
  std::map<std::string, std::string> result;
  for (const ui::RecentBoard& recent : app.recentBoards()) result[recent.board.id] = signatureOf(recent.board);
  openId->clear();
  if (const Document* doc = app.document()) {
    *openId = doc->board().id;
    result[*openId] = "open\x1f" + std::to_string(doc->revision()) + '\x1f' + signatureOf(doc->board());
  }
  return result;
}

void LocalLibrary::restore(ui::App& app, void (*wake)()) {
  app_ = &app;
  wake_ = wake;
  const std::string text = browser::libraryLoad();
  const nlohmann::json stored = nlohmann::json::parse(text, nullptr, false);
  if (!stored.is_object() || !stored.contains("boards") || !stored["boards"].is_array()) return;
  std::vector<Board> boards;
  std::string problems;
  for (const nlohmann::json& entry : stored["boards"]) {
    if (!entry.is_object()) continue;
    // The newest version first; the one before it if the newest cannot be read.
    Result<Board> loaded = Error{"no stored version"};
    for (const char* key : {"json", "previous"}) {
      if (entry.contains(key) && entry[key].is_string()) {
        loaded = loadJson(entry[key].get_ref<const std::string&>());
        if (loaded) break;
      }
    }
    if (loaded) {
      boards.push_back(std::move(loaded.value()));
    } else {
      problems += loaded.error() + ' ';
    }
  }
  const std::string openId =
      stored.contains("open") && stored["open"].is_string() ? stored["open"].get<std::string>() : std::string();
  app.restoreLibrary(std::move(boards), openId);
  if (!problems.empty()) {
    std::string message = ui::tr("library.restoreFailed");
    const auto at = message.find("%s");
    if (at != std::string::npos) message.replace(at, 2, problems);
    app.showMessage(ui::MessageKind::Error, message);
  }
  // What was just loaded is what is stored: no need to write it back.
  stored_ = signatures(app, &storedOpen_);
  openStored_ = true;
}

void LocalLibrary::afterFrame(ui::App& app) {
  app_ = &app;
  if (timer_ != 0) return;
  std::string openId;
  if (signatures(app, &openId) == stored_ && openStored_ && openId == storedOpen_) return;
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
  if (app_ == nullptr) return;
  ui::App& app = *app_;
  std::string openId;
  const std::map<std::string, std::string> now = signatures(app, &openId);

  int failure = 0;
  auto save = [&](const std::string& id, const Board& board) {
    const auto stored = stored_.find(id);
    if (stored != stored_.end() && stored->second == now.at(id)) return;
    const browser::SaveResult result = browser::librarySave(id, saveJson(board), board.title);
    if (result == browser::SaveResult::Saved) {
      stored_[id] = now.at(id);
    } else {
      failure = static_cast<int>(result);
    }
  };
  if (const Document* doc = app.document()) save(openId, doc->board());
  for (const ui::RecentBoard& recent : app.recentBoards()) save(recent.board.id, recent.board);
  for (auto it = stored_.begin(); it != stored_.end();) {
    if (now.count(it->first) == 0) {
      browser::libraryRemove(it->first);
      it = stored_.erase(it);
    } else {
      ++it;
    }
  }
  if (!openStored_ || openId != storedOpen_) {
    browser::librarySetOpen(openId);
    storedOpen_ = openId;
    openStored_ = true;
  }

  if (failure != 0 && failure != failure_) {
    app.showMessage(ui::MessageKind::Error,
                    ui::tr(failure == static_cast<int>(browser::SaveResult::Full) ? "library.storageFull"
                                                                                   : "library.storageUnavailable"));
    if (wake_ != nullptr) wake_();
  }
  failure_ = failure;
  if (failure == 0 && !stored_.empty() && !askedPersistence_) {
    askedPersistence_ = true;  // after the first save: ask the browser not to evict the library
    browser::askPersistentStorage();
  }
}

}  // namespace mapathy::platform::web
