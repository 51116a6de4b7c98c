// A browser's storage for tests: one FakeLocalStorage is the profile's localStorage, shared by any
// number of FakeStorage "tabs" (core/session/board_storage.hpp). It keeps what web/platform.js keeps —
// an index with a generation per board, the newest version and the one before, workshop bases and
// device values — and, like the browser, tells every OTHER tab when one tab wrote (a storage event the
// test delivers whenever it likes, late or not at all, with deliver()).
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/session/board_storage.hpp"
#include "core/session/session.hpp"

namespace mapathy::testing {

class FakeStorage;

struct FakeLocalStorage {
  struct Slot {
    std::uint64_t generation = 0;
    std::string title;
    std::string json;
    std::string previousJson;
  };
  std::map<std::string, Slot> boards;
  std::string openId;
  std::map<std::string, std::string> bases;
  std::map<std::string, std::string> deviceValues;
  std::string newerLibrary;                 // set: the index is a newer Mapathy's
  SaveResult failWith = SaveResult::Saved;  // a full or unavailable storage
  int boardWrites = 0;
  std::vector<FakeStorage*> tabs;
};

class FakeStorage final : public BoardStorage {
 public:
  explicit FakeStorage(FakeLocalStorage& store) : store_(store) { store_.tabs.push_back(this); }
  ~FakeStorage() override { std::erase(store_.tabs, this); }
  FakeStorage(const FakeStorage&) = delete;
  FakeStorage& operator=(const FakeStorage&) = delete;

  StoredIndex loadIndex() override {
    StoredIndex index;
    index.newerLibrary = store_.newerLibrary;
    if (!store_.newerLibrary.empty()) return index;
    index.openId = store_.openId;
    for (const auto& [id, slot] : store_.boards) index.boards.push_back({id, slot.title, slot.generation});
    return index;
  }
  StoredBoard loadBoard(const std::string& id) override {
    auto it = store_.boards.find(id);
    if (it == store_.boards.end()) return {};
    return StoredBoard{it->second.json, it->second.previousJson};
  }
  SaveResult saveBoard(const std::string& id, const std::string& title, const std::string& json,
                       std::uint64_t& generation) override {
    if (!store_.newerLibrary.empty()) return SaveResult::NewerLibrary;
    if (store_.failWith != SaveResult::Saved) return store_.failWith;
    FakeLocalStorage::Slot& slot = store_.boards[id];
    slot.previousJson = slot.json;
    slot.json = json;
    slot.title = title;
    generation = ++slot.generation;
    ++store_.boardWrites;
    notifyOthers();
    return SaveResult::Saved;
  }
  void removeBoard(const std::string& id) override {
    if (!store_.newerLibrary.empty()) return;
    store_.boards.erase(id);
    store_.bases.erase(id);
    if (store_.openId == id) store_.openId.clear();
    notifyOthers();
  }
  void setOpenBoard(const std::string& id) override {
    if (!store_.newerLibrary.empty()) return;
    store_.openId = id;
    notifyOthers();
  }
  std::string loadBase(const std::string& id) override {
    auto it = store_.bases.find(id);
    return it == store_.bases.end() ? std::string() : it->second;
  }
  SaveResult saveBase(const std::string& id, const std::string& json) override {
    if (!store_.newerLibrary.empty()) return SaveResult::NewerLibrary;
    if (json.empty()) {
      store_.bases.erase(id);
    } else {
      store_.bases[id] = json;
    }
    return SaveResult::Saved;
  }
  std::string loadDeviceValue(const std::string& key) override {
    auto it = store_.deviceValues.find(key);
    return it == store_.deviceValues.end() ? std::string() : it->second;
  }
  void saveDeviceValue(const std::string& key, const std::string& value) override { store_.deviceValues[key] = value; }
  void saveSoon() override { saveAsked = true; }

  // What the session asked for, and what the other tabs did.
  bool saveAsked = false;
  bool storageEvent = false;

  // The browser's timer: saves when the session asked for it.
  void runSaveTimer(Session& session) {
    if (!saveAsked) return;
    saveAsked = false;
    session.save();
  }
  // The browser's 'storage' event, when another tab wrote since the last one.
  void deliver(Session& session) {
    if (!storageEvent) return;
    storageEvent = false;
    session.storageChanged();
  }

 private:
  void notifyOthers() {
    for (FakeStorage* tab : store_.tabs) {
      if (tab != this) tab->storageEvent = true;
    }
  }

  FakeLocalStorage& store_;
};

// A deterministic clock and random source for sessions in tests.
struct FakeDevice {
  std::int64_t now = 1'700'000'000'000;
  std::uint64_t seed = 42;
  std::function<std::int64_t()> clock() {
    return [this] { return now += 7; };
  }
  std::function<std::uint64_t()> random() {
    return [this] {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      return seed >> 11;
    };
  }
};

}  // namespace mapathy::testing
