// The local library: every board the App holds (the open one and those put aside under "Boards on this
// device") is kept in the browser's storage, so a reload or a crash loses nothing. It mirrors the App:
// after each frame it notices what changed and saves it within kSaveDelayMs; a board that left the App
// (deleted from the list, or an empty board replaced by another) leaves storage too. What cannot be saved
// (storage full, private mode) is said plainly with a hint to download the board instead.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace mapathy::ui {
class App;
}

namespace mapathy::platform::web {

class LocalLibrary {
 public:
  static constexpr double kSaveDelayMs = 300.0;

  // Puts the stored boards back into the app (the one open at the last visit opens again). Call once at
  // start, before anything else opens a board. `wake` asks the platform for a frame (to show a message).
  void restore(ui::App& app, void (*wake)());
  // After each frame: schedules a save when anything the app holds differs from what is stored.
  void afterFrame(ui::App& app);
  // Writes pending changes now (timer, page being hidden or closed).
  void flush();

 private:
  static void onTimer(void* self);
  // What identifies a stored version of each board: id → signature.
  [[nodiscard]] static std::map<std::string, std::string> signatures(ui::App& app, std::string* openId);

  ui::App* app_ = nullptr;
  void (*wake_)() = nullptr;
  std::map<std::string, std::string> stored_;
  std::string storedOpen_;
  bool openStored_ = false;
  long timer_ = 0;
  int failure_ = 0;  // the last save's failure (browser::SaveResult), 0 when it worked
  std::string newerLibraryVersion_;  // the index's version when a newer Mapathy wrote the library
};

}  // namespace mapathy::platform::web
