// The browser's BoardStorage (core/session/board_storage.hpp): the boards on this device in localStorage,
// in the layout web/platform.js describes (an index, two versions per board, a workshop base, device
// values), written crash-safe. It also gives the session its two clocks:
//   - saveSoon() starts a timer: kSaveDelayMs later the session saves (typing is not written letter by
//     letter); flush() saves at once (the page is being hidden or closed);
//   - otherTabWrote() is the 'storage' event of another tab of this browser: the session merges what that
//     tab stored into the boards it holds.
// What cannot be saved (storage full, private mode) the session tells the person. Saving never asks the
// browser for persistent storage: that would show Firefox's permission prompt at the first autosave.
#pragma once

#include <cstdint>
#include <string>

#include "core/session/board_storage.hpp"

namespace mapathy {
class Session;
}

namespace mapathy::platform::web {

class LocalLibrary final : public BoardStorage {
 public:
  static constexpr double kSaveDelayMs = 300.0;

  // The session to save and to tell about other tabs; `wake` asks the platform for a frame (a board or
  // a message changed without input).
  void attach(Session& session, void (*wake)());
  void flush();
  void otherTabWrote();

  StoredIndex loadIndex() override;
  StoredBoard loadBoard(const std::string& id) override;
  SaveResult saveBoard(const std::string& id, const std::string& title, const std::string& json,
                       std::uint64_t& generation) override;
  void removeBoard(const std::string& id) override;
  void setOpenBoard(const std::string& id) override;
  std::string loadBase(const std::string& id) override;
  SaveResult saveBase(const std::string& id, const std::string& json) override;
  std::string loadDeviceValue(const std::string& key) override;
  void saveDeviceValue(const std::string& key, const std::string& value) override;
  void saveSoon() override;

 private:
  static void onTimer(void* self);

  Session* session_ = nullptr;
  void (*wake_)() = nullptr;
  long timer_ = 0;
};

}  // namespace mapathy::platform::web
