// LocalLibrary (see local_library.hpp).
#include "platform/web/local_library.hpp"

#include <emscripten/eventloop.h>

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
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

// The format version of a stored board that a newer Mapathy wrote ("" when it is not newer than this
// app's): such a board is refused and left exactly as it is, never replaced by an older stored version.
std::string newerFormatVersion(const std::string& text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (!doc.is_object() || !doc.contains("version")) return {};
  const nlohmann::json& version = doc["version"];
  const bool newer = version.is_number_unsigned() ? version.get<std::uint64_t>() > static_cast<std::uint64_t>(kFormatVersion)
                     : version.is_number_integer() ? version.get<std::int64_t>() > kFormatVersion
                     : version.is_number_float()   ? version.get<double>() > static_cast<double>(kFormatVersion)
                                                   : false;
  return newer ? version.dump() : std::string();
}

// A stored board's title for the list when the board itself cannot be read: the index's, else the JSON's.
std::string titleOf(const nlohmann::json& entry, const std::string& text) {
  if (entry.contains("title") && entry["title"].is_string() && !entry["title"].get_ref<const std::string&>().empty()) {
    return entry["title"].get<std::string>();
  }
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
  if (doc.is_object() && doc.contains("board") && doc["board"].is_object() && doc["board"].contains("title") &&
      doc["board"]["title"].is_string()) {
    return doc["board"]["title"].get<std::string>();
  }
  return {};
}

// `message` with each "%s" replaced by the next of `values`.
std::string fill(std::string message, std::initializer_list<std::string> values) {
  std::size_t from = 0;
  for (const std::string& value : values) {
    const std::size_t at = message.find("%s", from);
    if (at == std::string::npos) break;
    message.replace(at, 2, value);
    from = at + value.size();
  }
  return message;
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
  if (stored.is_object() && stored.contains("newerLibrary") && stored["newerLibrary"].is_number()) {
    // Left as it is: this app saves nothing there (librarySave refuses) and says so once, now.
    newerLibraryVersion_ = stored["newerLibrary"].dump();
    app.showMessage(ui::MessageKind::Error, fill(ui::tr("library.newerLibrary"), {newerLibraryVersion_}));
    failure_ = static_cast<int>(browser::SaveResult::NewerLibrary);
    openStored_ = true;
    return;
  }
  if (!stored.is_object() || !stored.contains("boards") || !stored["boards"].is_array()) return;
  std::vector<Board> boards;
  std::vector<ui::UnopenableBoard> unopenable;
  std::string problems;
  std::vector<std::string> newer;  // one message per board made by a newer Mapathy
  for (const nlohmann::json& entry : stored["boards"]) {
    if (!entry.is_object()) continue;
    const std::string id = entry.contains("id") && entry["id"].is_string() ? entry["id"].get<std::string>() : "";
    // The newest version first; the one before it if the newest cannot be read. A version from a newer
    // Mapathy is not "unreadable": falling back to the older one would save that over the newer board.
    Result<Board> loaded = Error{"no stored version"};
    std::string newerVersion;
    std::string newerText;
    for (const char* key : {"json", "previous"}) {
      if (entry.contains(key) && entry[key].is_string()) {
        const std::string& version = entry[key].get_ref<const std::string&>();
        loaded = loadJson(version);
        if (loaded) break;
        newerVersion = newerFormatVersion(version);
        if (!newerVersion.empty()) {
          newerText = version;
          break;
        }
      }
    }
    if (loaded) {
      boards.push_back(std::move(loaded.value()));
      continue;
    }
    if (!newerVersion.empty()) {
      const std::string title = titleOf(entry, newerText);
      newer.push_back(fill(ui::tr("library.newerBoard"),
                           {title.empty() ? std::string(ui::tr("start.untitled")) : title, newerVersion,
                            std::to_string(kFormatVersion)}));
      if (!id.empty()) unopenable.push_back(ui::UnopenableBoard{id, title, newerVersion});
    } else {
      problems += loaded.error() + ' ';
      const std::string newest =
          entry.contains("json") && entry["json"].is_string() ? entry["json"].get<std::string>() : "";
      if (!id.empty()) unopenable.push_back(ui::UnopenableBoard{id, titleOf(entry, newest), ""});
    }
  }
  const std::string openId =
      stored.contains("open") && stored["open"].is_string() ? stored["open"].get<std::string>() : std::string();
  app.restoreLibrary(std::move(boards), openId, std::move(unopenable));
  for (const std::string& message : newer) app.showMessage(ui::MessageKind::Error, message);
  if (!problems.empty()) app.showMessage(ui::MessageKind::Error, fill(ui::tr("library.restoreFailed"), {problems}));
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
                    failure == static_cast<int>(browser::SaveResult::NewerLibrary)
                        ? fill(ui::tr("library.newerLibrary"), {newerLibraryVersion_.empty() ? "2+" : newerLibraryVersion_})
                        : std::string(ui::tr(failure == static_cast<int>(browser::SaveResult::Full)
                                                 ? "library.storageFull"
                                                 : "library.storageUnavailable")));
    if (wake_ != nullptr) wake_();
  }
  failure_ = failure;
  // Persistent storage is never asked for here: saving is not a reason to show a browser prompt
  // (web/platform.js, askPersistentStorage, says why).
}

}  // namespace mapathy::platform::web
