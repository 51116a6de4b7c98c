// Mapathy core — the session: the board that is open, the boards on this device, and how they reach
// storage. The app's one owner of a board's lifecycle; the UI (src/ui/app.hpp) is a view of it and the
// platform gives it a BoardStorage (core/session/board_storage.hpp) plus time and randomness.
//
// [SECTION] What a session holds
// [SECTION] Opening boards: the open / replace / put-aside policy
// [SECTION] The boards on this device
// [SECTION] Workshops: the base "Send back" compares against, and the voter
// [SECTION] Saving, and other tabs of the same browser
// [SECTION] Notices: what the person should be told
//
// What a session holds:
//   - the open board, as a Document (core/edit/document.hpp), or none;
//   - the boards put aside ("Boards on this device"), newest first — every board that held work stays
//     until the person deletes it;
//   - the stored boards it cannot open (made by a newer Mapathy, or unreadable): listed, never opened,
//     saved over, replaced by an older version or deleted, so a newer Mapathy finds them as they were;
//   - per board its workshop base: the board as it arrived on this device (from a link, a file or a
//     template). A participant's "Send back" is what changed since (core/edit/merge.hpp makeDelta); the
//     base is stored with the board, so it survives reloads, discarded tabs and switching boards, and
//     stays until the board is deleted (sending twice is harmless: merging is idempotent). A board that
//     moves to a new id (the local version kept aside when the facilitator's link is opened again, or a
//     board whose id a newer Mapathy owns) keeps its base, whose id stays the facilitator's board's.
//
// Opening policy (never lose work): a board that arrives replaces the open one; the open one is put
// aside if it holds work (a change since it was opened, notes, actions, a persona's name, or it came
// from the library), else dropped. If the arriving board is the open board itself (same id) but
// different, the local version is kept as a board of its own (new id) and the person is told. A board
// arriving with the id of a board only a newer Mapathy can read gets a new id (never saved over it).
//
// Saving: the session hears of every change through Document::setOnChange and asks the storage to
// call save() soon. save() writes what changed, read-merge-write: a board that another tab saved since
// this session last read it is merged first (the merge is commutative and idempotent), so neither tab's
// notes, renames or deletions are lost, whichever order saves and storage events come in. When another
// tab saves a board, the platform calls storageChanged() and the session merges that version into the
// open Document at once — beneath the undo history (Document::mergeWithoutUndo says why) — and tells
// the person with a ChangesFromOtherTab notice.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "core/session/board_storage.hpp"

namespace mapathy {

// ---------------------------------------------------------------------------------------------
// [SECTION] What a session holds
// ---------------------------------------------------------------------------------------------
// A board on this device that is not open ("Boards on this device").
class LibraryBoard {
 public:
  [[nodiscard]] const Board& board() const { return board_; }

 private:
  friend class Session;
  Board board_;
  std::optional<Board> base_;     // the workshop base, when loaded (see baseLoaded_)
  bool baseLoaded_ = false;       // false: whatever storage holds (loaded when the board opens)
  bool baseDirty_ = false;        // base_ differs from what is stored
  bool dirty_ = true;             // board_ differs from what is stored
  std::uint64_t generation_ = 0;  // the stored generation last read or written here; 0: not stored
};

// A stored board this app cannot open: made by a newer Mapathy (`newerVersion` is its format version)
// or unreadable (`newerVersion` empty).
struct UnopenableBoard {
  std::string id;
  std::string title;
  std::string newerVersion;
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Notices
// ---------------------------------------------------------------------------------------------
struct Notice {
  enum class Kind {
    BoardKeptAside,           // `title`: the open board, put aside because another one opened
    ChangesFromOtherTab,      // `title`: the open board, which another tab of this browser changed
    BoardFromNewerVersion,    // `title`, `version`: a stored board only a newer Mapathy can open
    LibraryFromNewerVersion,  // `version`: a newer Mapathy wrote the library; nothing is saved here
    BoardsUnreadable,         // `problems`: why stored boards could not be read (they stay untouched)
    StorageFull,              // a save failed: the device's storage is full
    StorageUnavailable,       // a save failed: the browser keeps nothing (private mode?)
  };
  Kind kind = Kind::BoardKeptAside;
  std::string title;
  std::string version;
  std::string detail;
  std::vector<Error> problems;  // BoardsUnreadable: one refusal per board
};

// What the view of a session (the UI) hears. Both default to nothing.
class SessionListener {
 public:
  virtual ~SessionListener() = default;
  // Another board is open now, or none: view state that belongs to a board (zoom, selection, edits in
  // progress) starts afresh.
  virtual void boardOpened() {}
  virtual void notice(const Notice& /*notice*/) {}
};

class Session {
 public:
  // `nowMs`: milliseconds since the Unix epoch; `random64`: random bits for ids. Both from the platform.
  Session(BoardStorage& storage, std::function<std::int64_t()> nowMs, std::function<std::uint64_t()> random64);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void setListener(SessionListener* listener) { listener_ = listener; }

  // Reads the library at start: the board open at the last visit opens again, the others are put aside
  // (newest first), the ones this app cannot open are listed. Call once, before anything opens a board.
  void restore();

  // The open board, nullptr when none.
  [[nodiscard]] Document* document() { return doc_.get(); }
  [[nodiscard]] const Document* document() const { return doc_.get(); }

  // ---------------------------------------------------------------------------------------------
  // [SECTION] Opening boards
  // ---------------------------------------------------------------------------------------------
  // A board that arrives (decoded, loaded, made): opened by the policy above.
  void openArrived(Board board);
  // A share link (or bare fragment). On failure nothing changes and the error says why.
  Result<bool> openLink(const std::string& url);
  // File contents: JSON, Markdown or a link (core/io/board_input.hpp). On failure nothing changes.
  Result<bool> openFile(const std::string& name, const std::string& text);
  // A new board from a built-in template. On failure (unknown template) nothing changes.
  Result<bool> newBoard(BoardKind kind, const std::string& templateId, Lang lang);

  // ---------------------------------------------------------------------------------------------
  // [SECTION] The boards on this device
  // ---------------------------------------------------------------------------------------------
  [[nodiscard]] const std::vector<LibraryBoard>& library() const { return library_; }  // put aside, newest first
  [[nodiscard]] const std::vector<UnopenableBoard>& unopenable() const { return unopenable_; }
  // Opens a board put aside (the open one is put aside in turn). False for an unknown id.
  bool openFromLibrary(const std::string& id);
  // The open board or one put aside. The open board's rename is an undo step like any other edit.
  bool renameBoard(const std::string& id, const std::string& title);
  // A copy under a new id with `title`, put aside at the top; returns its id ("" for an unknown id).
  std::string duplicateBoard(const std::string& id, const std::string& title);
  // Removes the open board or one put aside from the session and from the device.
  bool deleteBoard(const std::string& id);

  // ---------------------------------------------------------------------------------------------
  // [SECTION] Workshops
  // ---------------------------------------------------------------------------------------------
  // The open board's workshop base (nullptr when no board is open).
  [[nodiscard]] const Board* workshopBase() const;
  // This device's anonymous voter id for dot voting: random, made on first use and kept in the device
  // values, so a reload does not hand out fresh dots.
  const std::string& voter();

  // ---------------------------------------------------------------------------------------------
  // [SECTION] Saving, and other tabs
  // ---------------------------------------------------------------------------------------------
  // Writes every change not stored yet (read-merge-write, see the top). The storage calls it after
  // saveSoon(); the platform also calls it when the page is hidden or closed.
  void save();
  // True while something is not stored yet.
  [[nodiscard]] bool hasUnsavedChanges() const;
  // Another tab of this browser wrote the library: merge what changed into the boards held here.
  void storageChanged();

 private:
  struct Open;  // the open board's bookkeeping (session.cpp)

  bool hasWork() const;
  void putAsideOpen();
  void open(LibraryBoard entry, bool fromLibrary);
  void replaceOpen(Board board);
  void changed();
  void keepBaseUnderNewId(LibraryBoard& entry, const std::string& oldId);
  void tell(Notice notice);
  LibraryBoard* findInLibrary(const std::string& id);
  bool isUnopenable(const std::string& id) const;
  // Reads a stored board: true with `board` set, or false with `unopenable` and `problem` set.
  bool readStored(const StoredIndex::Entry& entry, Board& board, UnopenableBoard& unopenable, Error& problem);
  // The same as a clean library entry; a board it cannot open is listed as such (and, when a newer
  // Mapathy made it, told), an unreadable one adds its reason to `problems`.
  std::optional<LibraryBoard> takeStored(const StoredIndex::Entry& stored, std::vector<Error>& problems);
  Result<Board> readTheirs(const std::string& id, std::string& newer);
  bool takeInOpen(std::uint64_t storedGeneration);
  void takeInLibraryBoard(LibraryBoard& entry, std::uint64_t storedGeneration);
  SaveResult write(LibraryBoard& entry, const Board& board);

  BoardStorage& storage_;
  std::function<std::int64_t()> nowMs_;
  std::function<std::uint64_t()> random64_;
  SessionListener* listener_ = nullptr;
  std::string site_;  // the id prefix of everything this session creates (core/base/ids.hpp)
  std::string voter_;

  std::unique_ptr<Document> doc_;
  std::unique_ptr<Open> open_;
  std::vector<LibraryBoard> library_;
  std::vector<UnopenableBoard> unopenable_;
  std::vector<std::string> removed_;  // ids to remove from storage at the next save
  std::string storedOpenId_;
  bool openIdStored_ = false;
  bool readOnly_ = false;  // a newer Mapathy owns the library: nothing is written
  bool saving_ = false;    // inside save() or storageChanged(): changes do not ask for another save
  SaveResult lastFailure_ = SaveResult::Saved;
};

}  // namespace mapathy
