// Mapathy core — what a session needs from the device's storage. The platform implements it (the
// browser: localStorage, src/platform/web/local_library.hpp; tests: tests/core/fake_storage.hpp).
//
// The model is a small library: an index (which boards are stored, under which title, which one was
// open) and per board its newest stored version, the version before it (a fallback when the newest
// cannot be read) and, optionally, its workshop base. Every save of a board — by this session or by
// another tab of the same browser — gives it a new `generation`; comparing generations is how a
// session sees that somebody else wrote a board since it last read it (Session::save merges first).
//
// The session calls these only when something happened (an edit, a board opened, a save timer the
// storage itself set through saveSoon()); nothing is polled per frame. Storage never interprets the
// board JSON: a board from a newer Mapathy is stored and loaded byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace mapathy {

// The index: what is stored, without the boards themselves (cheap to read on every save).
struct StoredIndex {
  struct Entry {
    std::string id;
    std::string title;             // shown when the board itself cannot be read
    std::uint64_t generation = 0;  // ≥ 1; bumped by every save
  };
  std::string openId;  // the board open at the last visit, "" for none
  std::vector<Entry> boards;
  // Non-empty (its version) when a newer Mapathy wrote the index: the session then writes nothing.
  std::string newerLibrary;
};

// One stored board: its newest version and the one before ("" when absent).
struct StoredBoard {
  std::string json;
  std::string previousJson;
};

enum class SaveResult { Saved, Full, Unavailable, NewerLibrary };

class BoardStorage {
 public:
  virtual ~BoardStorage() = default;

  virtual StoredIndex loadIndex() = 0;
  virtual StoredBoard loadBoard(const std::string& id) = 0;
  // Writes a new version of a board (the previous one stays as the fallback). On success `generation`
  // is set to the generation now stored.
  virtual SaveResult saveBoard(const std::string& id, const std::string& title, const std::string& json,
                               std::uint64_t& generation) = 0;
  // Removes a board, its fallback and its workshop base.
  virtual void removeBoard(const std::string& id) = 0;
  // Remembers which board is open, so the next visit opens it again ("" for none).
  virtual void setOpenBoard(const std::string& id) = 0;

  // A board's workshop base (core/session/session.hpp), "" when none is stored. Saving "" removes it.
  virtual std::string loadBase(const std::string& id) = 0;
  virtual SaveResult saveBase(const std::string& id, const std::string& json) = 0;

  // Small values kept on this device beside the boards ("" when absent), e.g. the anonymous voter id.
  virtual std::string loadDeviceValue(const std::string& key) = 0;
  virtual void saveDeviceValue(const std::string& key, const std::string& value) = 0;

  // The session has changes to write: call Session::save() soon (the browser waits a moment, so that
  // typing is not written letter by letter; a test may save at once).
  virtual void saveSoon() = 0;
};

}  // namespace mapathy
