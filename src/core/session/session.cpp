// Mapathy core — the session (see session.hpp for the policy and how saving works).
#include "core/session/session.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/base/ids.hpp"
#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/io/board_input.hpp"
#include "core/io/format.hpp"

namespace mapathy {
namespace {

constexpr const char* kVoterKey = "voter";  // device value: the anonymous voter id

// A stored voter id this app could have made (anything else, e.g. a hand-edited value, is replaced).
bool plausibleVoter(const std::string& voter) {
  return voter.size() >= 4 && voter.size() <= 16 && ids::isBase36(voter);
}

// A stored board's title for the list when the board itself cannot be read: the index's, else the JSON's.
std::string titleOf(const std::string& indexTitle, const std::string& text) {
  if (!indexTitle.empty()) return indexTitle;
  const nlohmann::json doc = parseJson(text);
  if (doc.is_object() && doc.contains("board") && doc["board"].is_object() && doc["board"].contains("title") &&
      doc["board"]["title"].is_string()) {
    return doc["board"]["title"].get<std::string>();
  }
  return {};
}

std::uint64_t generationOf(const StoredIndex& index, const std::string& id) {
  for (const StoredIndex::Entry& e : index.boards) {
    if (e.id == id) return e.generation;
  }
  return 0;
}

}  // namespace

// The open board's bookkeeping beside its Document.
struct Session::Open {
  LibraryBoard entry;  // generation, base and dirty flag (entry.board_ is unused while open)
  std::uint64_t revisionAtOpen = 0;
  bool fromLibrary = false;  // it was on this device before it opened: it counts as work
};

Session::Session(BoardStorage& storage, std::function<std::int64_t()> nowMs, std::function<std::uint64_t()> random64)
    : storage_(storage), nowMs_(std::move(nowMs)), random64_(std::move(random64)), site_(ids::newSiteId(random64_())) {}

Session::~Session() = default;

void Session::tell(Notice notice) {
  if (listener_ != nullptr) listener_->notice(notice);
}

// A board that moves to a new id (kept as a board of its own) keeps its workshop base: what the
// participant added since the facilitator's link arrived can still be sent back from the copy. The base
// keeps the facilitator's board id, so the contribution goes to the facilitator's board.
void Session::keepBaseUnderNewId(LibraryBoard& entry, const std::string& oldId) {
  if (!entry.baseLoaded_) {
    const std::string stored = readOnly_ ? std::string() : storage_.loadBase(oldId);
    Result<Board> base = stored.empty() ? Result<Board>(Error{"none"}) : loadJson(stored);
    if (base.ok() && base->kind == entry.board_.kind) entry.base_ = std::move(base.value());
    entry.baseLoaded_ = true;
  }
  entry.baseDirty_ = entry.base_.has_value();
}

void Session::changed() {
  if (open_) open_->entry.dirty_ = true;
  if (!saving_) storage_.saveSoon();
}

LibraryBoard* Session::findInLibrary(const std::string& id) {
  for (LibraryBoard& e : library_) {
    if (e.board_.id == id) return &e;
  }
  return nullptr;
}

bool Session::isUnopenable(const std::string& id) const {
  return std::any_of(unopenable_.begin(), unopenable_.end(), [&](const UnopenableBoard& u) { return u.id == id; });
}

// ---------------------------------------------------------------------------------------------
// Restoring
// ---------------------------------------------------------------------------------------------
bool Session::readStored(const StoredIndex::Entry& entry, Board& board, UnopenableBoard& unopenable,
                         Error& problem) {
  const StoredBoard stored = storage_.loadBoard(entry.id);
  // The newest version first; the one before it if the newest cannot be read. A version from a newer
  // Mapathy is not "unreadable": falling back to the older one would save that over the newer board.
  Result<Board> loaded = Error{"storage.nothingStored"};
  std::string newerVersion;
  std::string newerText;
  for (const std::string* text : {&stored.json, &stored.previousJson}) {
    if (text->empty()) continue;
    loaded = loadJson(*text);
    if (loaded) break;
    newerVersion = newerFormatVersion(*text);
    if (!newerVersion.empty()) {
      newerText = *text;
      break;
    }
  }
  if (loaded) {
    board = std::move(loaded.value());
    return true;
  }
  unopenable =
      UnopenableBoard{entry.id, titleOf(entry.title, newerVersion.empty() ? stored.json : newerText), newerVersion};
  problem = loaded.error();
  return false;
}

std::optional<LibraryBoard> Session::takeStored(const StoredIndex::Entry& stored, std::vector<Error>& problems) {
  LibraryBoard entry;
  UnopenableBoard unopenable;
  Error problem;
  if (readStored(stored, entry.board_, unopenable, problem)) {
    entry.dirty_ = false;
    entry.generation_ = stored.generation;
    return entry;
  }
  if (!unopenable.newerVersion.empty()) {
    tell(Notice{Notice::Kind::BoardFromNewerVersion, unopenable.title, unopenable.newerVersion, "", {}});
  } else {
    problems.push_back(std::move(problem));
  }
  if (!isUnopenable(unopenable.id)) unopenable_.push_back(std::move(unopenable));
  return std::nullopt;
}

void Session::restore() {
  const StoredIndex index = storage_.loadIndex();
  if (!index.newerLibrary.empty()) {
    readOnly_ = true;  // this app would not know what it drops by rewriting a newer library
    tell(Notice{Notice::Kind::LibraryFromNewerVersion, "", index.newerLibrary, "", {}});
    return;
  }
  std::vector<LibraryBoard> boards;
  std::vector<Error> problems;
  for (const StoredIndex::Entry& stored : index.boards) {
    std::optional<LibraryBoard> entry = takeStored(stored, problems);
    if (entry) boards.push_back(std::move(*entry));
  }
  std::stable_sort(boards.begin(), boards.end(), [](const LibraryBoard& a, const LibraryBoard& b) {
    return a.board_.modifiedAt > b.board_.modifiedAt;
  });
  for (LibraryBoard& entry : boards) {
    if (entry.board_.id == index.openId && !doc_) {
      open(std::move(entry), true);
    } else if (findInLibrary(entry.board_.id) == nullptr) {
      library_.push_back(std::move(entry));
    }
  }
  if (!problems.empty()) tell(Notice{Notice::Kind::BoardsUnreadable, "", "", {}, std::move(problems)});
  // What was just read is what is stored. (An "open" pointer at a board that did not open — one only a
  // newer Mapathy can read — is left as it is until another board opens.)
  storedOpenId_ = doc_ ? index.openId : std::string();
  openIdStored_ = doc_ == nullptr || doc_->board().id == index.openId;
}

// ---------------------------------------------------------------------------------------------
// Opening boards
// ---------------------------------------------------------------------------------------------
bool Session::hasWork() const {
  if (!doc_) return false;
  const Board& b = doc_->board();
  return open_->fromLibrary || doc_->revision() != open_->revisionAtOpen || !b.notes.empty() || !b.actions.empty() ||
         !b.persona.name.empty();
}

void Session::putAsideOpen() {
  if (!doc_) return;
  if (hasWork()) {
    LibraryBoard entry = std::move(open_->entry);
    entry.board_ = doc_->board();
    std::erase_if(library_, [&](const LibraryBoard& e) { return e.board_.id == entry.board_.id; });
    library_.insert(library_.begin(), std::move(entry));  // no cap: the device keeps every one
  } else {
    removed_.push_back(doc_->board().id);  // nothing in it: it leaves the device too
  }
  doc_.reset();
  open_.reset();
}

void Session::open(LibraryBoard entry, bool fromLibrary) {
  Board board = std::move(entry.board_);
  // A board stored here by a newer Mapathy keeps its id: an older copy of it (e.g. from a link shared
  // before) becomes a board of its own, so saving it can never write over the newer one.
  if (isUnopenable(board.id)) {
    const std::string oldId = board.id;
    board.id = ids::newBoardId(random64_());
    entry.generation_ = 0;
    entry.dirty_ = true;
    entry.board_.kind = board.kind;
    keepBaseUnderNewId(entry, oldId);
  }
  // Leaving the list for the open slot. A board arriving under the id of one held here takes over what
  // this session knows is stored under that id (it wrote or read that version), so saving it writes over
  // it instead of taking it for another tab's.
  for (const LibraryBoard& held : library_) {
    if (held.board_.id == board.id && entry.generation_ == 0) entry.generation_ = held.generation_;
  }
  std::erase_if(library_, [&](const LibraryBoard& e) { return e.board_.id == board.id; });
  std::erase(removed_, board.id);
  const std::int64_t now = nowMs_();
  if (board.createdAt == 0) board.createdAt = now;
  if (board.modifiedAt == 0) board.modifiedAt = now;
  // The workshop base: what storage keeps for a board from the library, else the board as it arrives.
  if (!entry.baseLoaded_) {
    const std::string stored = readOnly_ ? std::string() : storage_.loadBase(board.id);
    Result<Board> base = stored.empty() ? Result<Board>(Error{"storage.nothingStored"}) : loadJson(stored);
    if (base.ok() && base->kind == board.kind) entry.base_ = std::move(base.value());
    entry.baseLoaded_ = true;
  }
  if (!entry.base_) {
    entry.base_ = board;
    entry.baseDirty_ = true;
  }
  doc_ = std::make_unique<Document>();
  doc_->setSite(site_);
  doc_->setClock(nowMs_);
  doc_->replaceBoard(std::move(board), true);
  doc_->setOnChange([this] { changed(); });
  open_ = std::make_unique<Open>();
  open_->entry = std::move(entry);
  open_->revisionAtOpen = doc_->revision();
  open_->fromLibrary = fromLibrary;
  if (listener_ != nullptr) listener_->boardOpened();
  storage_.saveSoon();  // at least the index's "open" pointer changes
}

void Session::replaceOpen(Board board) {
  LibraryBoard arriving;
  arriving.board_ = std::move(board);
  arriving.baseLoaded_ = true;  // its base is the board as it arrives (open() takes it)
  const Board& incoming = arriving.board_;
  if (hasWork() && doc_->board().id == incoming.id && saveJson(doc_->board()) != saveJson(incoming)) {
    // The same board, changed here and elsewhere: the local version is kept as a board of its own.
    arriving.generation_ = open_->entry.generation_;  // what is stored under the id is this session's
    LibraryBoard local = std::move(open_->entry);
    local.board_ = doc_->board();
    local.board_.id = ids::newBoardId(random64_());
    local.generation_ = 0;
    local.dirty_ = true;
    keepBaseUnderNewId(local, incoming.id);
    const std::string title = local.board_.title;
    library_.insert(library_.begin(), std::move(local));
    doc_.reset();
    open_.reset();
    open(std::move(arriving), false);
    tell(Notice{Notice::Kind::BoardKeptAside, title, "", "", {}});
    return;
  }
  const bool kept = hasWork() && doc_->board().id != incoming.id;
  const std::string oldTitle = doc_ ? doc_->board().title : std::string();
  if (doc_ && doc_->board().id == incoming.id) arriving.generation_ = open_->entry.generation_;
  putAsideOpen();
  // The same board put aside with other content: kept as a board of its own too, never dropped.
  if (LibraryBoard* same = findInLibrary(incoming.id);
      same != nullptr && saveJson(same->board_) != saveJson(incoming)) {
    arriving.generation_ = same->generation_;  // what is stored under the id is this session's
    same->board_.id = ids::newBoardId(random64_());
    same->generation_ = 0;
    same->dirty_ = true;
    keepBaseUnderNewId(*same, incoming.id);
    if (!kept) tell(Notice{Notice::Kind::BoardKeptAside, same->board_.title, "", "", {}});
  }
  open(std::move(arriving), false);
  if (kept) tell(Notice{Notice::Kind::BoardKeptAside, oldTitle, "", "", {}});
}

void Session::openArrived(Board board) { replaceOpen(std::move(board)); }

Result<bool> Session::openLink(const std::string& url) {
  Result<Board> decoded = decodeLink(url);
  if (!decoded) return decoded.error();
  replaceOpen(std::move(decoded.value()));
  return true;
}

Result<bool> Session::openFile(const std::string& name, const std::string& text) {
  Result<Board> loaded = readBoardInput(text, name);
  if (!loaded) return loaded.error();
  replaceOpen(std::move(loaded.value()));
  return true;
}

Result<bool> Session::newBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  Result<Board> made = newBoardFromTemplate(kind, templateId, lang, random64_(), nowMs_());
  if (!made) return made.error();
  replaceOpen(std::move(made.value()));
  return true;
}

// ---------------------------------------------------------------------------------------------
// The boards on this device
// ---------------------------------------------------------------------------------------------
bool Session::openFromLibrary(const std::string& idRef) {
  const std::string id = idRef;  // it may point into the list that changes
  LibraryBoard* found = findInLibrary(id);
  if (found == nullptr) return false;
  LibraryBoard entry = *found;
  putAsideOpen();
  open(std::move(entry), true);
  return true;
}

bool Session::renameBoard(const std::string& id, const std::string& title) {
  if (doc_ && doc_->board().id == id) return doc_->setTitle(title);
  LibraryBoard* entry = findInLibrary(id);
  if (entry == nullptr) return false;
  // Through a Document like any edit: the title gets its merge clock and modifiedAt moves.
  Document scratch(entry->board_);
  scratch.setClock(nowMs_);
  scratch.setTitle(title);
  if (scratch.board() == entry->board_) return true;
  entry->board_ = scratch.board();
  entry->dirty_ = true;
  storage_.saveSoon();
  return true;
}

std::string Session::duplicateBoard(const std::string& id, const std::string& title) {
  const LibraryBoard* source = doc_ && doc_->board().id == id ? nullptr : findInLibrary(id);
  if (source == nullptr && !(doc_ && doc_->board().id == id)) return "";
  LibraryBoard copy;
  copy.board_ = source != nullptr ? source->board_ : doc_->board();
  copy.board_.id = ids::newBoardId(random64_());
  copy.board_.title = title;
  copy.board_.modifiedAt = nowMs_();
  copy.baseLoaded_ = true;  // a copy starts its own workshop base when it opens
  const std::string newId = copy.board_.id;
  library_.insert(library_.begin(), std::move(copy));
  storage_.saveSoon();
  return newId;
}

bool Session::deleteBoard(const std::string& idRef) {
  const std::string id = idRef;  // it may name the board that goes away
  if (doc_ && doc_->board().id == id) {
    doc_.reset();
    open_.reset();
    removed_.push_back(id);
    if (listener_ != nullptr) listener_->boardOpened();
    storage_.saveSoon();
    return true;
  }
  const auto before = library_.size();
  std::erase_if(library_, [&](const LibraryBoard& e) { return e.board_.id == id; });
  if (library_.size() == before) return false;
  removed_.push_back(id);
  storage_.saveSoon();
  return true;
}

// ---------------------------------------------------------------------------------------------
// Workshops
// ---------------------------------------------------------------------------------------------
const Board* Session::workshopBase() const { return open_ && open_->entry.base_ ? &*open_->entry.base_ : nullptr; }

const std::string& Session::voter() {
  if (voter_.empty()) {
    voter_ = storage_.loadDeviceValue(kVoterKey);
    if (!plausibleVoter(voter_)) {
      voter_ = ids::newVoterId(random64_());
      storage_.saveDeviceValue(kVoterKey, voter_);
    }
  }
  return voter_;
}

// ---------------------------------------------------------------------------------------------
// Saving, and other tabs
// ---------------------------------------------------------------------------------------------
bool Session::hasUnsavedChanges() const {
  if (readOnly_) return false;
  if (!removed_.empty()) return true;
  const std::string openId = doc_ ? doc_->board().id : std::string();
  if (!openIdStored_ || openId != storedOpenId_) return true;
  if (open_ && (open_->entry.dirty_ || open_->entry.baseDirty_)) return true;
  return std::any_of(library_.begin(), library_.end(), [](const LibraryBoard& e) { return e.dirty_ || e.baseDirty_; });
}

SaveResult Session::write(LibraryBoard& entry, const Board& board) {
  if (entry.dirty_) {
    std::uint64_t generation = 0;
    const SaveResult result = storage_.saveBoard(board.id, board.title, saveJson(board), generation);
    if (result != SaveResult::Saved) return result;
    entry.generation_ = generation;
    entry.dirty_ = false;
  }
  if (entry.baseDirty_) {  // after the board: a base without its board would be garbage
    const SaveResult base = storage_.saveBase(board.id, entry.base_ ? saveJson(*entry.base_) : std::string());
    if (base != SaveResult::Saved) return base;
    entry.baseDirty_ = false;
  }
  return SaveResult::Saved;
}

// The version another tab stored, when it can be read ("" error when the slot is empty or unreadable;
// `newer` set when only a newer Mapathy can read it).
Result<Board> Session::readTheirs(const std::string& id, std::string& newer) {
  const StoredBoard stored = storage_.loadBoard(id);
  Result<Board> theirs = stored.json.empty() ? Result<Board>(Error{"storage.nothingStored"}) : loadJson(stored.json);
  if (!theirs.ok()) newer = newerFormatVersion(stored.json);
  return theirs;
}

// Takes in what another tab stored for the open board, beneath the undo history; true when that brought
// anything new. Afterwards the board is clean when it equals what is stored.
bool Session::takeInOpen(std::uint64_t storedGeneration) {
  LibraryBoard& entry = open_->entry;
  std::string newer;
  Result<Board> theirs = readTheirs(doc_->board().id, newer);
  if (!theirs.ok()) {
    if (!newer.empty()) {
      // Another tab runs a newer Mapathy and saved this board in its format: ours becomes a board of
      // its own (a new id) instead of being saved over it. Rare enough to start its history afresh.
      Board copy = doc_->board();
      unopenable_.push_back(UnopenableBoard{copy.id, copy.title, newer});
      tell(Notice{Notice::Kind::BoardFromNewerVersion, copy.title, newer, "", {}});
      const std::string oldId = copy.id;
      copy.id = ids::newBoardId(random64_());
      entry.board_.kind = copy.kind;
      doc_->replaceBoard(std::move(copy), true);
      entry.generation_ = 0;
      entry.dirty_ = true;
      keepBaseUnderNewId(entry, oldId);
    }
    return false;  // unreadable: ours is written over it
  }
  const bool cameIn = doc_->mergeWithoutUndo(theirs.value());
  entry.generation_ = storedGeneration;
  entry.dirty_ = !sameContent(doc_->board(), theirs.value());
  if (cameIn) tell(Notice{Notice::Kind::ChangesFromOtherTab, doc_->board().title, "", "", {}});
  return cameIn;
}

// The same for a board put aside: merged when it has changes of its own here, else replaced.
void Session::takeInLibraryBoard(LibraryBoard& entry, std::uint64_t storedGeneration) {
  std::string newer;
  Result<Board> theirs = readTheirs(entry.board_.id, newer);
  if (!theirs.ok()) {
    if (!newer.empty()) {
      unopenable_.push_back(UnopenableBoard{entry.board_.id, entry.board_.title, newer});
      const std::string oldId = entry.board_.id;
      entry.board_.id = ids::newBoardId(random64_());
      entry.generation_ = 0;
      entry.dirty_ = true;
      keepBaseUnderNewId(entry, oldId);
    }
    return;
  }
  if (entry.dirty_) {
    Result<MergeResult> merged = merge(theirs.value(), entry.board_);
    if (merged.ok()) entry.board_ = std::move(merged->board);
    entry.dirty_ = !sameContent(entry.board_, theirs.value());
  } else {
    entry.board_ = std::move(theirs.value());
  }
  entry.generation_ = storedGeneration;
}

void Session::save() {
  if (readOnly_ || saving_ || !hasUnsavedChanges()) return;
  saving_ = true;
  for (const std::string& id : removed_) storage_.removeBoard(id);
  removed_.clear();
  const StoredIndex index = storage_.loadIndex();
  if (!index.newerLibrary.empty()) {  // a newer Mapathy (another tab) took the library over meanwhile
    readOnly_ = true;
    saving_ = false;
    tell(Notice{Notice::Kind::LibraryFromNewerVersion, "", index.newerLibrary, "", {}});
    return;
  }
  SaveResult failure = SaveResult::Saved;
  auto note = [&failure](SaveResult r) {
    if (r != SaveResult::Saved) failure = r;
  };
  if (doc_) {
    LibraryBoard& entry = open_->entry;
    const std::uint64_t stored = generationOf(index, doc_->board().id);
    // Read-merge-write: what another tab stored since this session last read it comes in first.
    if (stored != 0 && stored != entry.generation_) takeInOpen(stored);
    if (entry.dirty_ || entry.baseDirty_) note(write(entry, doc_->board()));
  }
  for (LibraryBoard& entry : library_) {
    if (!entry.dirty_ && !entry.baseDirty_) continue;
    const std::uint64_t stored = generationOf(index, entry.board_.id);
    if (stored != 0 && stored != entry.generation_) takeInLibraryBoard(entry, stored);
    if (entry.dirty_ || entry.baseDirty_) note(write(entry, entry.board_));
  }
  const std::string openId = doc_ ? doc_->board().id : std::string();
  if (!openIdStored_ || openId != storedOpenId_) {
    storage_.setOpenBoard(openId);
    storedOpenId_ = openId;
    openIdStored_ = true;
  }
  saving_ = false;
  if (failure != SaveResult::Saved && failure != lastFailure_) {
    if (failure == SaveResult::NewerLibrary) {
      tell(Notice{Notice::Kind::LibraryFromNewerVersion, "", "", "", {}});
    } else {
      tell(Notice{failure == SaveResult::Full ? Notice::Kind::StorageFull : Notice::Kind::StorageUnavailable, "", "",
                  "", {}});
    }
  }
  lastFailure_ = failure;
}

void Session::storageChanged() {
  if (readOnly_ || saving_) return;
  const StoredIndex index = storage_.loadIndex();
  if (!index.newerLibrary.empty()) {
    readOnly_ = true;
    tell(Notice{Notice::Kind::LibraryFromNewerVersion, "", index.newerLibrary, "", {}});
    return;
  }
  saving_ = true;  // what comes in here is written back by save(), not from inside this call
  if (doc_) {
    LibraryBoard& entry = open_->entry;
    const std::uint64_t stored = generationOf(index, doc_->board().id);
    // (Deleted in another tab: it stays open here, and is stored again when it is edited.)
    if (stored != 0 && stored != entry.generation_) takeInOpen(stored);
  }
  for (auto it = library_.begin(); it != library_.end();) {
    const std::uint64_t stored = generationOf(index, it->board_.id);
    if (stored == 0 && it->generation_ != 0 && !it->dirty_) {
      it = library_.erase(it);  // deleted in another tab
      continue;
    }
    if (stored != 0 && stored != it->generation_) takeInLibraryBoard(*it, stored);
    ++it;
  }
  // Boards another tab made or opened since: listed here too.
  std::vector<Error> problems;
  for (const StoredIndex::Entry& stored : index.boards) {
    const bool known = (doc_ && doc_->board().id == stored.id) || findInLibrary(stored.id) != nullptr ||
                       isUnopenable(stored.id) ||
                       std::find(removed_.begin(), removed_.end(), stored.id) != removed_.end();
    if (known) continue;
    std::optional<LibraryBoard> entry = takeStored(stored, problems);
    if (entry) library_.insert(library_.begin(), std::move(*entry));
  }
  if (!problems.empty()) tell(Notice{Notice::Kind::BoardsUnreadable, "", "", {}, std::move(problems)});
  saving_ = false;
  if (hasUnsavedChanges()) storage_.saveSoon();
}

}  // namespace mapathy
