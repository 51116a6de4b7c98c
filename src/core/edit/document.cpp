// Mapathy core — the document and its delta-based history (see document.hpp).
//
// A history step is a list of entity deltas: for one note, section, stage, lane or action the value
// before and after, with its index in its list; for the board's own fields (title, persona, …) the
// header before and after. Redo applies the deltas in order, undo reverts them in reverse order.
// The logical clock and modifiedAt are not part of any delta: the clock only ever moves forward
// (so "modified" stamps stay comparable), and modifiedAt records when the board last changed,
// which includes undo and redo.
#include "core/edit/document.hpp"

#include <algorithm>
#include <chrono>
#include <deque>
#include <map>
#include <random>
#include <tuple>
#include <unordered_set>
#include <variant>

#include "core/io/format.hpp"
#include "core/edit/merge.hpp"
#include "core/model/templates.hpp"

namespace mapathy {

namespace {

// The board without its collections, clock and modifiedAt: what a "header" delta restores.
struct Header {
  std::string id;
  BoardKind kind = BoardKind::EmpathyMap;
  std::string templateId;
  std::string title;
  Lang lang = Lang::En;
  std::int64_t createdAt = 0;
  std::string appVersion;
  Persona persona;
  Rect personaRect;
  Extra extra;
  // Merge bookkeeping (core/merge.hpp): a merge is one replaceBoard step, and its undo must give
  // back the clocks it brought in. Tombstones are an entity list of their own (Delta<Tombstone>),
  // so that a deletion records one small delta, not a copy of every tombstone.
  std::map<std::string, std::uint64_t> stamps;
  bool operator==(const Header&) const = default;
};

Header headerOf(const Board& b) {
  return Header{b.id,         b.kind,    b.templateId,  b.title, b.lang,  b.createdAt,
                b.appVersion, b.persona, b.personaRect, b.extra, b.stamps};
}

void setHeader(Board& b, const Header& h) {
  b.id = h.id;
  b.kind = h.kind;
  b.templateId = h.templateId;
  b.title = h.title;
  b.lang = h.lang;
  b.createdAt = h.createdAt;
  b.appVersion = h.appVersion;
  b.persona = h.persona;
  b.personaRect = h.personaRect;
  b.extra = h.extra;
  b.stamps = h.stamps;
}

template <class T>
struct Delta {
  std::optional<T> before;  // absent: the entity was created
  std::optional<T> after;   // absent: the entity was deleted
  std::size_t indexBefore = 0;
  std::size_t indexAfter = 0;
};

using Change = std::variant<Delta<Note>, Delta<Section>, Delta<Stage>, Delta<Lane>, Delta<Action>, Delta<Tombstone>,
                            Delta<Header>>;

template <class T>
std::vector<T>& listOf(Board& b) {
  if constexpr (std::is_same_v<T, Note>) return b.notes;
  if constexpr (std::is_same_v<T, Section>) return b.sections;
  if constexpr (std::is_same_v<T, Stage>) return b.stages;
  if constexpr (std::is_same_v<T, Lane>) return b.lanes;
  if constexpr (std::is_same_v<T, Action>) return b.actions;
  if constexpr (std::is_same_v<T, Tombstone>) return b.tombstones;
}

// Removes `remove` (found by id, preferably at its recorded index) and inserts `insert` at its index.
template <class T>
void applyEntity(Board& b, const std::optional<T>& remove, std::size_t removeIndex, const std::optional<T>& insert,
                 std::size_t insertIndex) {
  if constexpr (std::is_same_v<T, Header>) {
    (void)remove;
    (void)removeIndex;
    (void)insertIndex;
    if (insert) setHeader(b, *insert);
  } else {
    auto& list = listOf<T>(b);
    if (remove) {
      if (removeIndex < list.size() && list[removeIndex].id == remove->id) {
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(removeIndex));
      } else {
        auto it = std::find_if(list.begin(), list.end(), [&](const T& x) { return x.id == remove->id; });
        if (it != list.end()) list.erase(it);
      }
    }
    if (insert) {
      std::size_t at = std::min(insertIndex, list.size());
      list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), *insert);
    }
  }
}

void applyForward(Board& b, const Change& c) {
  std::visit([&b](const auto& d) { applyEntity(b, d.before, d.indexBefore, d.after, d.indexAfter); }, c);
}

void applyBackward(Board& b, const Change& c) {
  std::visit([&b](const auto& d) { applyEntity(b, d.after, d.indexAfter, d.before, d.indexBefore); }, c);
}

// Folds `next` into `into` when both touch the same entity (used by coalescing).
bool mergeChange(Change& into, const Change& next) {
  if (into.index() != next.index()) return false;
  return std::visit(
      [&next](auto& d) {
        using D = std::decay_t<decltype(d)>;
        const D& n = std::get<D>(next);
        if (!d.after || !n.before) return false;
        if constexpr (!std::is_same_v<D, Delta<Header>>) {
          if (d.after->id != n.before->id) return false;
        }
        d.after = n.after;
        d.indexAfter = n.indexAfter;
        return true;
      },
      into);
}

std::string base36(std::uint64_t n) {
  static constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[n % 36]);
    n /= 36;
  } while (n != 0);
  return out;
}

// Cuts at a UTF-8 character boundary so a board always stays within the format's text limit.
std::string clampText(const std::string& text, std::size_t maxBytes) {
  if (text.size() <= maxBytes) return text;
  std::size_t end = maxBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  return text.substr(0, end);
}

constexpr std::int64_t kOrderGap = 1024;
const Limits kLimits{};
// Tombstones a board may hold (the same cap as loadJson's and the link codec's in format.cpp and
// board_codec.cpp): beyond it, a saved board could not be opened again.
constexpr std::size_t kMaxTombstones = 20000;

}  // namespace

struct HistoryStep {
  std::string label;
  std::string coalesce;
  std::vector<Change> changes;
};

class History {
 public:
  std::deque<HistoryStep> undo;
  std::deque<HistoryStep> redo;
  bool open = false;  // the top undo step may still absorb edits with the same coalesce key
};

namespace {

// Records deltas while it edits the board: every change to the board made by a Document method goes
// through one of these, so what is done is exactly what undo reverts.
class Recorder {
 public:
  Recorder(Board& board, std::string label, std::string coalesce = "") : board_(board) {
    step_.label = std::move(label);
    step_.coalesce = std::move(coalesce);
    stamp_ = board_.clock + 1;
  }

  template <class T>
  void replace(std::size_t index, T value) {
    auto& list = listOf<T>(board_);
    stampIfTimed(value);
    if (list[index] == value) return;
    step_.changes.push_back(Delta<T>{list[index], value, index, index});
    list[index] = std::move(value);
  }
  template <class T>
  void insert(std::size_t index, T value) {
    auto& list = listOf<T>(board_);
    index = std::min(index, list.size());
    stampIfTimed(value);
    if constexpr (std::is_same_v<T, Note> || std::is_same_v<T, Action>) value.created = stamp_;
    step_.changes.push_back(Delta<T>{std::nullopt, value, 0, index});
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
  }
  template <class T>
  void erase(std::size_t index) {
    auto& list = listOf<T>(board_);
    step_.changes.push_back(Delta<T>{list[index], std::nullopt, index, 0});
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
  }
  template <class T>
  void move(std::size_t from, std::size_t to) {
    auto& list = listOf<T>(board_);
    if (from == to) return;
    T value = list[from];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), value);
    step_.changes.push_back(Delta<T>{value, value, from, to});
  }
  void header(const Header& h) {
    Header old = headerOf(board_);
    if (old == h) return;
    step_.changes.push_back(Delta<Header>{old, h, 0, 0});
    setHeader(board_, h);
  }

  // Replaces a note but keeps its clock: a ballot carries its own clock, and a dot must never win
  // over an edit of the note's text made elsewhere.
  void replaceKeepingClock(std::size_t index, Note value) {
    auto& list = board_.notes;
    if (list[index] == value) return;
    step_.changes.push_back(Delta<Note>{list[index], value, index, index});
    list[index] = std::move(value);
  }
  // Records that `id` is deleted by this step: a tombstone at the step's clock (core/merge.hpp: it
  // beats every version up to that clock), carrying the dots that were on a deleted note. Undo
  // removes it with the deletion. The list stays sorted by id.
  void tombstone(const std::string& id, const std::map<std::string, Ballot>& ballots = {}) {
    auto& list = board_.tombstones;
    auto at = [&list](const std::string& key) {
      auto byId = [](const Tombstone& t, const std::string& k) { return t.id < k; };
      return static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), key, byId) - list.begin());
    };
    std::size_t index = at(id);
    Tombstone t{id, stamp_, ballots};
    if (index < list.size() && list[index].id == id) {
      t.clock = std::max(t.clock, list[index].clock);
      for (const auto& [voter, ballot] : list[index].ballots) {  // each voter's latest report, as merge keeps it
        auto it = t.ballots.find(voter);
        const bool later = it == t.ballots.end() ||
                           std::tie(it->second.clock, it->second.count) < std::tie(ballot.clock, ballot.count);
        if (later) t.ballots[voter] = ballot;
      }
      replace(index, std::move(t));
      return;
    }
    if (list.size() >= kMaxTombstones) {
      // The format's cap: the oldest deletion is forgotten rather than the board becoming unloadable.
      auto oldest = std::min_element(list.begin(), list.end(),
                                     [](const Tombstone& x, const Tombstone& y) { return x.clock < y.clock; });
      erase<Tombstone>(static_cast<std::size_t>(oldest - list.begin()));
      index = at(id);
    }
    insert(index, std::move(t));
  }
  // The step's logical clock: what it stamps, and what the board's clock becomes.
  [[nodiscard]] std::uint64_t stamp() const { return stamp_; }

  [[nodiscard]] bool empty() const { return step_.changes.empty(); }
  HistoryStep take() {
    board_.clock = stamp_;
    return std::move(step_);
  }

 private:
  template <class T>
  void stampIfTimed(T& value) const {
    if constexpr (std::is_same_v<T, Note> || std::is_same_v<T, Action>) value.modified = stamp_;
  }

  Board& board_;
  HistoryStep step_;
  std::uint64_t stamp_;
};

template <class T>
std::optional<std::size_t> indexOf(const std::vector<T>& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id == id) return i;
  }
  return std::nullopt;
}

bool placeExists(const Board& b, const Place& p) {
  if (b.kind == BoardKind::EmpathyMap) {
    return p.stage.empty() && p.lane.empty() && findSection(b, p.section) != nullptr;
  }
  return p.section.empty() && findStage(b, p.stage) != nullptr && findLane(b, p.lane) != nullptr;
}

// Order for a note entering `place` before `beforeId` (end when empty), ignoring `movingId`.
// Renumbers the place through the recorder when there is no room between two neighbours.
std::optional<std::int64_t> orderFor(Board& b, Recorder& rec, const Place& place, const std::string& beforeId,
                                     const std::string& movingId) {
  std::vector<std::string> ids;
  for (const Note* n : notesAt(b, place.section, place.stage, place.lane)) {
    if (n->id != movingId) ids.push_back(n->id);
  }
  auto orderOf = [&b](const std::string& id) { return findNote(b, id)->order; };
  constexpr std::int64_t kRoomy = std::int64_t{1} << 50;
  if (beforeId.empty()) {
    if (ids.empty()) return 0;
    std::int64_t last = orderOf(ids.back());
    if (last < kRoomy) return last + kOrderGap;
  }
  std::size_t pos = ids.size();
  if (!beforeId.empty()) {
    auto it = std::find(ids.begin(), ids.end(), beforeId);
    if (it == ids.end()) return std::nullopt;
    pos = static_cast<std::size_t>(it - ids.begin());
    std::int64_t next = orderOf(ids[pos]);
    std::int64_t prev = pos > 0 ? orderOf(ids[pos - 1]) : next - 2 * kOrderGap;
    if (next - prev >= 2 && next > -kRoomy) return prev + (next - prev) / 2;
  }
  // No room: renumber the place 0, gap, 2·gap, … and insert in the middle of the gap.
  for (std::size_t i = 0; i < ids.size(); ++i) {
    std::size_t index = *indexOf(b.notes, ids[i]);
    Note n = b.notes[index];
    n.order = static_cast<std::int64_t>(i) * kOrderGap;
    rec.replace(index, n);
  }
  return static_cast<std::int64_t>(pos) * kOrderGap - kOrderGap / 2;
}

// Deletes the notes matching `pred` (each leaves a tombstone) and unlinks them from actions, through
// the recorder.
template <class Pred>
void eraseNotesWhere(Board& b, Recorder& rec, Pred pred) {
  std::unordered_set<std::string> gone;
  for (std::size_t i = b.notes.size(); i-- > 0;) {
    if (pred(b.notes[i])) {
      gone.insert(b.notes[i].id);
      const Note note = b.notes[i];
      rec.erase<Note>(i);
      rec.tombstone(note.id, note.ballots);
    }
  }
  if (gone.empty()) return;
  for (std::size_t i = 0; i < b.actions.size(); ++i) {
    Action a = b.actions[i];
    auto end = std::remove_if(a.notes.begin(), a.notes.end(), [&](const std::string& id) { return gone.count(id); });
    if (end == a.notes.end()) continue;
    a.notes.erase(end, a.notes.end());
    rec.replace(i, a);
  }
}

std::string label(const Board& b, const char* en, const char* de) { return b.lang == Lang::De ? de : en; }

// Tags without empties and duplicates; nullopt when one is too long or there are too many.
std::optional<std::vector<std::string>> cleanTags(const std::vector<std::string>& tags) {
  std::vector<std::string> clean;
  for (const auto& t : tags) {
    if (t.empty() || std::find(clean.begin(), clean.end(), t) != clean.end()) continue;
    if (t.size() > kLimits.maxTagBytes) return std::nullopt;
    clean.push_back(t);
  }
  if (clean.size() > kLimits.maxTags) return std::nullopt;
  return clean;
}

std::string randomSite() {
  std::random_device rd;
  return base36(rd() % (36u * 36u * 36u));
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction and history
// ---------------------------------------------------------------------------------------------
Document::Document(Board board)
    : board_(std::move(board)), history_(std::make_unique<History>()), site_(randomSite()) {}
Document::~Document() = default;
Document::Document(Document&&) noexcept = default;
Document& Document::operator=(Document&&) noexcept = default;

std::int64_t Document::now() const {
  if (nowMs_) return nowMs_();
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string Document::newId() {
  std::unordered_set<std::string> used;
  for (const auto& n : board_.notes) used.insert(n.id);
  for (const auto& s : board_.sections) used.insert(s.id);
  for (const auto& s : board_.stages) used.insert(s.id);
  for (const auto& l : board_.lanes) used.insert(l.id);
  for (const auto& a : board_.actions) used.insert(a.id);
  for (const auto& t : board_.tombstones) used.insert(t.id);  // a deleted id stays taken: merges know it
  for (;;) {
    std::string id = site_.empty() ? base36(idCounter_++) : site_ + "-" + base36(idCounter_++);
    if (!used.count(id)) return id;
  }
}

void Document::commit(HistoryStep&& step) {
  ++revision_;
  board_.modifiedAt = now();
  History& h = *history_;
  h.redo.clear();
  if (h.open && !step.coalesce.empty() && !h.undo.empty() && h.undo.back().coalesce == step.coalesce) {
    auto& top = h.undo.back().changes;
    for (auto& c : step.changes) {
      bool merged = false;
      for (auto& t : top) {
        if (mergeChange(t, c)) {
          merged = true;
          break;
        }
      }
      if (!merged) top.push_back(std::move(c));
    }
    return;
  }
  h.undo.push_back(std::move(step));
  while (h.undo.size() > kMaxHistory) h.undo.pop_front();
  h.open = true;
}

bool Document::canUndo() const { return !history_->undo.empty(); }
bool Document::canRedo() const { return !history_->redo.empty(); }
std::size_t Document::undoDepth() const { return history_->undo.size(); }
std::string Document::undoLabel() const { return history_->undo.empty() ? "" : history_->undo.back().label; }
std::string Document::redoLabel() const { return history_->redo.empty() ? "" : history_->redo.back().label; }
std::size_t Document::undoStepSize() const {
  return history_->undo.empty() ? 0 : history_->undo.back().changes.size();
}
void Document::endGesture() { history_->open = false; }

bool Document::undo() {
  History& h = *history_;
  if (h.undo.empty()) return false;
  HistoryStep step = std::move(h.undo.back());
  h.undo.pop_back();
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it) applyBackward(board_, *it);
  h.redo.push_back(std::move(step));
  h.open = false;
  ++revision_;
  board_.modifiedAt = now();
  return true;
}

bool Document::redo() {
  History& h = *history_;
  if (h.redo.empty()) return false;
  HistoryStep step = std::move(h.redo.back());
  h.redo.pop_back();
  for (const auto& c : step.changes) applyForward(board_, c);
  h.undo.push_back(std::move(step));
  h.open = false;
  ++revision_;
  board_.modifiedAt = now();
  return true;
}

void Document::replaceBoard(Board board, bool clearHistory, const std::string& stepLabel) {
  std::uint64_t clock = std::max(board_.clock, board.clock);
  if (clearHistory) {
    board_ = std::move(board);
    board_.clock = clock;
    history_->undo.clear();
    history_->redo.clear();
    history_->open = false;
    ++revision_;
    return;
  }
  // Expressed as deltas like any other step: everything old goes, everything new comes.
  Recorder rec(board_, stepLabel.empty() ? label(board_, "Replace board", "Board ersetzen") : stepLabel);
  auto dropAll = [&rec](auto& list, auto tag) {
    using T = decltype(tag);
    for (std::size_t i = list.size(); i-- > 0;) rec.erase<T>(i);
  };
  dropAll(board_.notes, Note{});
  dropAll(board_.actions, Action{});
  dropAll(board_.sections, Section{});
  dropAll(board_.stages, Stage{});
  dropAll(board_.lanes, Lane{});
  dropAll(board_.tombstones, Tombstone{});
  rec.header(headerOf(board));
  // Inserted verbatim: the new board's own stamps are kept (Recorder::insert would restamp them).
  HistoryStep step = rec.take();
  auto addAll = [&](auto& from, auto& to) {
    using T = typename std::decay_t<decltype(from)>::value_type;
    for (std::size_t i = 0; i < from.size(); ++i) {
      step.changes.push_back(Delta<T>{std::nullopt, from[i], 0, i});
      to.push_back(from[i]);
    }
  };
  addAll(board.sections, board_.sections);
  addAll(board.stages, board_.stages);
  addAll(board.lanes, board_.lanes);
  addAll(board.notes, board_.notes);
  addAll(board.actions, board_.actions);
  addAll(board.tombstones, board_.tombstones);
  board_.clock = clock;
  history_->open = false;
  commit(std::move(step));
  board_.modifiedAt = board.modifiedAt;
  history_->open = false;
}

// ---------------------------------------------------------------------------------------------
// Board and persona
// ---------------------------------------------------------------------------------------------
bool Document::setTitle(const std::string& title, const std::string& coalesce) {
  Header h = headerOf(board_);
  h.title = clampText(title, kLimits.maxTextBytes);
  if (h == headerOf(board_)) return true;
  Recorder rec(board_, label(board_, "Edit title", "Titel bearbeiten"), coalesce);
  rec.header(h);
  commit(rec.take());
  return true;
}

bool Document::setLang(Lang lang) {
  if (lang == board_.lang) return true;
  Recorder rec(board_, label(board_, "Change language", "Sprache ändern"));
  // Template texts the team left untouched follow the language; anything they edited stays.
  auto from = makeBoard(board_.kind, board_.templateId, board_.lang);
  auto to = makeBoard(board_.kind, board_.templateId, lang);
  if (from.ok() && to.ok()) {
    auto translate = [](std::string& text, const std::string& oldText, const std::string& newText) {
      if (text == oldText) text = newText;
    };
    for (std::size_t i = 0; i < board_.sections.size(); ++i) {
      Section s = board_.sections[i];
      const Section* a = findSection(*from, s.id);
      const Section* z = findSection(*to, s.id);
      if (a == nullptr || z == nullptr) continue;
      translate(s.title, a->title, z->title);
      translate(s.hint, a->hint, z->hint);
      rec.replace(i, s);
    }
    for (std::size_t i = 0; i < board_.stages.size(); ++i) {
      Stage s = board_.stages[i];
      const Stage* a = findStage(*from, s.id);
      const Stage* z = findStage(*to, s.id);
      if (a == nullptr || z == nullptr) continue;
      translate(s.name, a->name, z->name);
      translate(s.description, a->description, z->description);
      rec.replace(i, s);
    }
    for (std::size_t i = 0; i < board_.lanes.size(); ++i) {
      Lane l = board_.lanes[i];
      const Lane* a = findLane(*from, l.id);
      const Lane* z = findLane(*to, l.id);
      if (a == nullptr || z == nullptr) continue;
      translate(l.name, a->name, z->name);
      rec.replace(i, l);
    }
    Header h = headerOf(board_);
    translate(h.title, from->title, to->title);
    h.lang = lang;
    rec.header(h);
  } else {
    Header h = headerOf(board_);
    h.lang = lang;
    rec.header(h);
  }
  commit(rec.take());
  return true;
}

bool Document::setPersonaField(const std::string& field, const std::string& value) {
  Header h = headerOf(board_);
  std::string* target = nullptr;
  if (field == "name") target = &h.persona.name;
  else if (field == "role") target = &h.persona.role;
  else if (field == "goal") target = &h.persona.goal;
  else if (field == "quote") target = &h.persona.quote;
  else if (field == "bio") target = &h.persona.bio;
  else if (field == "initials") target = &h.persona.initials;
  else if (field == "success") target = &h.persona.success;
  if (target == nullptr) return false;
  *target = clampText(value, kLimits.maxTextBytes);
  if (h == headerOf(board_)) return true;
  Recorder rec(board_, label(board_, "Edit persona", "Persona bearbeiten"), "persona:" + field);
  rec.header(h);
  commit(rec.take());
  return true;
}

bool Document::setPersonaColour(int colour) {
  if (colour < 0 || colour >= kPaletteSize) return false;
  Header h = headerOf(board_);
  h.persona.colour = colour;
  if (h == headerOf(board_)) return true;
  Recorder rec(board_, label(board_, "Persona colour", "Persona-Farbe"));
  rec.header(h);
  commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Notes
// ---------------------------------------------------------------------------------------------
std::string Document::addNote(const Place& place, const std::string& text, int colour, const std::string& beforeId,
                              const std::vector<std::string>& tags) {
  if (!placeExists(board_, place) || board_.notes.size() >= kLimits.maxNotes) return "";
  if (colour >= kPaletteSize) return "";
  const auto cleanedTags = cleanTags(tags);
  if (!cleanedTags) return "";
  Recorder rec(board_, label(board_, "Add note", "Notiz hinzufügen"));
  auto order = orderFor(board_, rec, place, beforeId, "");
  if (!order) return "";
  Note n;
  n.id = newId();
  n.text = clampText(text, kLimits.maxTextBytes);
  if (colour >= 0) {
    n.colour = colour;
  } else if (const Section* s = findSection(board_, place.section)) {
    n.colour = s->colour;
  } else {
    n.colour = static_cast<int>(*indexOf(board_.lanes, place.lane) % static_cast<std::size_t>(kPaletteSize));
  }
  n.section = place.section;
  n.stage = place.stage;
  n.lane = place.lane;
  n.order = *order;
  n.tags = *cleanedTags;
  std::string id = n.id;
  rec.insert(board_.notes.size(), std::move(n));
  commit(rec.take());
  return id;
}

namespace {
// Shared shape of the one-field note edits.
template <class Edit>
bool editNote(Board& board, const std::string& id, Recorder& rec, Edit edit) {
  auto index = indexOf(board.notes, id);
  if (!index) return false;
  Note n = board.notes[*index];
  if (!edit(n)) return false;
  Note old = board.notes[*index];
  Note probe = n;
  probe.modified = old.modified;
  if (probe == old) return true;
  rec.replace(*index, std::move(n));
  return true;
}
}  // namespace

bool Document::setNoteText(const std::string& id, const std::string& text) {
  Recorder rec(board_, label(board_, "Edit note", "Notiz bearbeiten"), "note-text:" + id);
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.text = clampText(text, kLimits.maxTextBytes);
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setNoteColour(const std::string& id, int colour) {
  if (colour < 0 || colour >= kPaletteSize) return false;
  Recorder rec(board_, label(board_, "Note colour", "Notizfarbe"));
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.colour = colour;
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setNoteTags(const std::string& id, const std::vector<std::string>& tags) {
  const auto cleaned = cleanTags(tags);
  if (!cleaned) return false;
  const std::vector<std::string>& clean = *cleaned;
  Recorder rec(board_, label(board_, "Edit tags", "Schlagwörter bearbeiten"));
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.tags = clean;
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setNoteEvidence(const std::string& id, Evidence e) {
  Recorder rec(board_, label(board_, e == Evidence::Observed ? "Mark observed" : "Mark assumed",
                              e == Evidence::Observed ? "Als beobachtet markieren" : "Als vermutet markieren"));
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.evidence = e;
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setNoteAuthor(const std::string& id, const std::string& author) {
  Recorder rec(board_, label(board_, "Edit author", "Autor bearbeiten"), "note-author:" + id);
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.author = clampText(author, kLimits.maxTextBytes);
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setNoteVotes(const std::string& id, int votes) {
  if (votes < 0) return false;
  Recorder rec(board_, label(board_, "Vote", "Abstimmen"));
  if (!editNote(board_, id, rec, [&](Note& n) {
        n.votes = votes;
        return true;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::moveNote(const std::string& id, const Place& place, const std::string& beforeId) {
  auto index = indexOf(board_.notes, id);
  if (!index || !placeExists(board_, place) || beforeId == id) return false;
  Recorder rec(board_, label(board_, "Move note", "Notiz verschieben"));
  auto order = orderFor(board_, rec, place, beforeId, id);
  if (!order) return false;
  Note n = board_.notes[*index];  // after a renumber: the moving note was not touched by it
  n.section = place.section;
  n.stage = place.stage;
  n.lane = place.lane;
  n.order = *order;
  rec.replace(*index, std::move(n));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteNote(const std::string& id) {
  if (!indexOf(board_.notes, id)) return false;
  Recorder rec(board_, label(board_, "Delete note", "Notiz löschen"));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.id == id; });
  commit(rec.take());
  return true;
}

bool Document::setNoteOrders(const std::vector<std::pair<std::string, std::int64_t>>& orders,
                             const std::string& stepLabel) {
  for (const auto& [id, order] : orders) {
    if (!indexOf(board_.notes, id)) return false;
  }
  Recorder rec(board_, stepLabel.empty() ? label(board_, "Sort notes", "Notizen sortieren") : stepLabel);
  for (const auto& [id, order] : orders) {
    const std::size_t index = *indexOf(board_.notes, id);
    if (board_.notes[index].order == order) continue;
    Note n = board_.notes[index];
    n.order = order;  // a move is an edit of the note: it takes the step's clock and travels in merges
    rec.replace(index, std::move(n));
  }
  if (!rec.empty()) commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Dot voting
// ---------------------------------------------------------------------------------------------
bool Document::placeVote(const std::string& noteId, const std::string& voter, int change) {
  auto index = indexOf(board_.notes, noteId);
  if (!index || voter.empty() || change == 0) return false;
  const Note& note = board_.notes[*index];
  auto mine = note.ballots.find(voter);
  const int now = mine == note.ballots.end() ? 0 : std::max(0, mine->second.count);
  const int wanted = now + change;
  if (wanted < 0) return false;
  if (change > 0 && votesUsed(board_, voter) + change > votesPerPerson(board_)) return false;
  Recorder rec(board_, label(board_, "Vote", "Abstimmen"));
  Note n = note;
  setBallot(n, voter, wanted, rec.stamp());
  rec.replaceKeepingClock(*index, std::move(n));
  if (rec.empty()) return false;
  commit(rec.take());
  return true;
}

bool Document::setVotesPerPerson(int votes) {
  if (mapathy::votesPerPerson(board_) == std::clamp(votes, 0, kMaxVotesPerPerson)) return false;
  // The budget lives in the board's info with an "@info" stamp (core/merge.hpp); computed on a scratch
  // board whose clock is the board's, so the stamp is this step's clock.
  Board scratch;
  scratch.extra = board_.extra;
  scratch.stamps = board_.stamps;
  scratch.clock = board_.clock;
  mapathy::setVotesPerPerson(scratch, votes);
  Recorder rec(board_, label(board_, "Dots per person", "Punkte pro Person"));
  Header h = headerOf(board_);
  h.extra = std::move(scratch.extra);
  h.stamps = std::move(scratch.stamps);
  rec.header(h);
  commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------
std::string Document::addSection(const std::string& title, const std::string& hint) {
  if (board_.kind != BoardKind::EmpathyMap || board_.sections.size() >= kLimits.maxSections) return "";
  // A new section goes in a full-width row below everything else on the canvas.
  float width = board_.personaRect.x + board_.personaRect.w;
  float bottom = board_.personaRect.y + board_.personaRect.h;
  for (const auto& s : board_.sections) {
    width = std::max(width, s.rect.x + s.rect.w);
    bottom = std::max(bottom, s.rect.y + s.rect.h);
  }
  Section s;
  s.id = newId();
  s.title = clampText(title, kLimits.maxTextBytes);
  s.hint = clampText(hint, kLimits.maxTextBytes);
  s.colour = static_cast<int>(board_.sections.size() % static_cast<std::size_t>(kPaletteSize));
  s.rect = Rect{0, bottom, width, 1};
  std::string id = s.id;
  Recorder rec(board_, label(board_, "Add section", "Bereich hinzufügen"));
  rec.insert(board_.sections.size(), std::move(s));
  commit(rec.take());
  return id;
}

bool Document::renameSection(const std::string& id, const std::string& title) {
  auto index = indexOf(board_.sections, id);
  if (!index) return false;
  Section s = board_.sections[*index];
  s.title = clampText(title, kLimits.maxTextBytes);
  Recorder rec(board_, label(board_, "Rename section", "Bereich umbenennen"), "section-title:" + id);
  rec.replace(*index, std::move(s));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setSectionHint(const std::string& id, const std::string& hint) {
  auto index = indexOf(board_.sections, id);
  if (!index) return false;
  Section s = board_.sections[*index];
  s.hint = clampText(hint, kLimits.maxTextBytes);
  Recorder rec(board_, label(board_, "Edit hint", "Hinweis bearbeiten"), "section-hint:" + id);
  rec.replace(*index, std::move(s));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteSection(const std::string& id) {
  auto index = indexOf(board_.sections, id);
  if (!index) return false;
  Recorder rec(board_, label(board_, "Delete section", "Bereich löschen"));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.section == id; });
  rec.erase<Section>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Stages and lanes
// ---------------------------------------------------------------------------------------------
std::string Document::addStage(const std::string& name, int index) {
  if (board_.kind != BoardKind::Journey || board_.stages.size() >= kLimits.maxStages) return "";
  std::size_t at = index < 0 ? board_.stages.size() : std::min(static_cast<std::size_t>(index), board_.stages.size());
  Stage s;
  s.id = newId();
  s.name = clampText(name, kLimits.maxTextBytes);
  std::string id = s.id;
  Recorder rec(board_, label(board_, "Add stage", "Phase hinzufügen"));
  rec.insert(at, std::move(s));
  commit(rec.take());
  return id;
}

bool Document::renameStage(const std::string& id, const std::string& name) {
  auto index = indexOf(board_.stages, id);
  if (!index) return false;
  Stage s = board_.stages[*index];
  s.name = clampText(name, kLimits.maxTextBytes);
  Recorder rec(board_, label(board_, "Rename stage", "Phase umbenennen"), "stage-name:" + id);
  rec.replace(*index, std::move(s));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setStageDescription(const std::string& id, const std::string& description) {
  auto index = indexOf(board_.stages, id);
  if (!index) return false;
  Stage s = board_.stages[*index];
  s.description = clampText(description, kLimits.maxTextBytes);
  Recorder rec(board_, label(board_, "Edit stage", "Phase bearbeiten"), "stage-description:" + id);
  rec.replace(*index, std::move(s));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::moveStage(const std::string& id, int newIndex) {
  auto index = indexOf(board_.stages, id);
  if (!index || newIndex < 0 || static_cast<std::size_t>(newIndex) >= board_.stages.size()) return false;
  Recorder rec(board_, label(board_, "Move stage", "Phase verschieben"));
  rec.move<Stage>(*index, static_cast<std::size_t>(newIndex));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteStage(const std::string& id) {
  auto index = indexOf(board_.stages, id);
  if (!index) return false;
  Recorder rec(board_, label(board_, "Delete stage", "Phase löschen"));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.stage == id; });
  for (std::size_t i = 0; i < board_.lanes.size(); ++i) {
    Lane l = board_.lanes[i];
    if (l.emotions.erase(id) + l.gaps.erase(id) > 0) rec.replace(i, std::move(l));
  }
  rec.erase<Stage>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

std::string Document::addLane(const std::string& name, LaneKind kind, const std::string& role, int index) {
  if (board_.kind != BoardKind::Journey || board_.lanes.size() >= kLimits.maxLanes) return "";
  std::size_t at = index < 0 ? board_.lanes.size() : std::min(static_cast<std::size_t>(index), board_.lanes.size());
  Lane l;
  l.id = newId();
  l.name = clampText(name, kLimits.maxTextBytes);
  l.kind = kind;
  l.role = clampText(role, kLimits.maxTagBytes);
  std::string id = l.id;
  Recorder rec(board_, label(board_, "Add lane", "Ebene hinzufügen"));
  rec.insert(at, std::move(l));
  commit(rec.take());
  return id;
}

bool Document::renameLane(const std::string& id, const std::string& name) {
  auto index = indexOf(board_.lanes, id);
  if (!index) return false;
  Lane l = board_.lanes[*index];
  l.name = clampText(name, kLimits.maxTextBytes);
  Recorder rec(board_, label(board_, "Rename lane", "Ebene umbenennen"), "lane-name:" + id);
  rec.replace(*index, std::move(l));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::moveLane(const std::string& id, int newIndex) {
  auto index = indexOf(board_.lanes, id);
  if (!index || newIndex < 0 || static_cast<std::size_t>(newIndex) >= board_.lanes.size()) return false;
  Recorder rec(board_, label(board_, "Move lane", "Ebene verschieben"));
  rec.move<Lane>(*index, static_cast<std::size_t>(newIndex));
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteLane(const std::string& id) {
  auto index = indexOf(board_.lanes, id);
  if (!index) return false;
  Recorder rec(board_, label(board_, "Delete lane", "Ebene löschen"));
  eraseNotesWhere(board_, rec, [&](const Note& n) { return n.lane == id; });
  rec.erase<Lane>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

bool Document::setShowToBe(const std::string& laneId, bool show) {
  auto index = indexOf(board_.lanes, laneId);
  if (!index || board_.lanes[*index].kind != LaneKind::Emotion) return false;
  Lane l = board_.lanes[*index];
  l.showToBe = show;
  Recorder rec(board_, label(board_, show ? "Show to-be curve" : "Hide to-be curve",
                              show ? "Soll-Kurve zeigen" : "Soll-Kurve ausblenden"));
  rec.replace(*index, std::move(l));
  if (!rec.empty()) commit(rec.take());
  return true;
}

namespace {
std::optional<int> clampScore(std::optional<int> s) {
  if (!s) return s;
  return std::clamp(*s, kScoreMin, kScoreMax);
}

// Shared shape of the score edits: lane of the right kind, existing stage, one map entry changed.
template <class Edit>
bool editLaneAt(Board& board, const std::string& laneId, const std::string& stageId, LaneKind kind,
                Recorder& rec, Edit edit) {
  auto index = indexOf(board.lanes, laneId);
  if (!index || board.lanes[*index].kind != kind || findStage(board, stageId) == nullptr) return false;
  Lane l = board.lanes[*index];
  edit(l);
  rec.replace(*index, std::move(l));
  return true;
}
}  // namespace

bool Document::setEmotion(const std::string& laneId, const std::string& stageId, std::optional<int> asIs,
                          const std::string& coalesce) {
  Recorder rec(board_, label(board_, "Set emotion", "Emotion setzen"), coalesce);
  if (!editLaneAt(board_, laneId, stageId, LaneKind::Emotion, rec, [&](Lane& l) {
        EmotionScore e = l.emotions[stageId];
        e.asIs = clampScore(asIs);
        if (e == EmotionScore{}) l.emotions.erase(stageId);
        else l.emotions[stageId] = e;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setEmotionToBe(const std::string& laneId, const std::string& stageId, std::optional<int> toBe,
                              const std::string& coalesce) {
  Recorder rec(board_, label(board_, "Set to-be emotion", "Soll-Emotion setzen"), coalesce);
  if (!editLaneAt(board_, laneId, stageId, LaneKind::Emotion, rec, [&](Lane& l) {
        EmotionScore e = l.emotions[stageId];
        e.toBe = clampScore(toBe);
        if (e == EmotionScore{}) l.emotions.erase(stageId);
        else l.emotions[stageId] = e;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setEmotionReason(const std::string& laneId, const std::string& stageId, const std::string& reason) {
  Recorder rec(board_, label(board_, "Edit reason", "Begründung bearbeiten"), "reason:" + laneId + ":" + stageId);
  if (!editLaneAt(board_, laneId, stageId, LaneKind::Emotion, rec, [&](Lane& l) {
        EmotionScore e = l.emotions[stageId];
        e.reason = clampText(reason, kLimits.maxTextBytes);
        if (e == EmotionScore{}) l.emotions.erase(stageId);
        else l.emotions[stageId] = e;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setGap(const std::string& laneId, const std::string& stageId, std::optional<int> expectation,
                      std::optional<int> experience, const std::string& coalesce) {
  Recorder rec(board_, label(board_, "Set expectation", "Erwartung setzen"), coalesce);
  if (!editLaneAt(board_, laneId, stageId, LaneKind::Expectation, rec, [&](Lane& l) {
        GapScore g{clampScore(expectation), clampScore(experience)};
        if (g == GapScore{}) l.gaps.erase(stageId);
        else l.gaps[stageId] = g;
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------
std::string Document::addAction(const std::string& text, const std::vector<std::string>& noteIds) {
  if (board_.actions.size() >= kLimits.maxActions) return "";
  for (const auto& id : noteIds) {
    if (findNote(board_, id) == nullptr) return "";
  }
  Action a;
  a.id = newId();
  a.text = clampText(text, kLimits.maxTextBytes);
  for (const auto& id : noteIds) {
    if (std::find(a.notes.begin(), a.notes.end(), id) == a.notes.end()) a.notes.push_back(id);
  }
  std::string id = a.id;
  Recorder rec(board_, label(board_, "Add action", "Maßnahme hinzufügen"));
  rec.insert(board_.actions.size(), std::move(a));
  commit(rec.take());
  return id;
}

namespace {
template <class Edit>
bool editAction(Board& board, const std::string& id, Recorder& rec, Edit edit) {
  auto index = indexOf(board.actions, id);
  if (!index) return false;
  Action a = board.actions[*index];
  edit(a);
  Action probe = a;
  probe.modified = board.actions[*index].modified;
  if (probe == board.actions[*index]) return true;
  rec.replace(*index, std::move(a));
  return true;
}
}  // namespace

bool Document::setActionText(const std::string& id, const std::string& text) {
  Recorder rec(board_, label(board_, "Edit action", "Maßnahme bearbeiten"), "action-text:" + id);
  if (!editAction(board_, id, rec, [&](Action& a) { a.text = clampText(text, kLimits.maxTextBytes); })) return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setActionOwner(const std::string& id, const std::string& owner) {
  Recorder rec(board_, label(board_, "Edit owner", "Verantwortlich bearbeiten"), "action-owner:" + id);
  if (!editAction(board_, id, rec, [&](Action& a) { a.owner = clampText(owner, kLimits.maxTextBytes); })) return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setActionStatus(const std::string& id, ActionStatus status) {
  Recorder rec(board_, label(board_, "Action status", "Maßnahmenstatus"));
  if (!editAction(board_, id, rec, [&](Action& a) { a.status = status; })) return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::setActionNotes(const std::string& id, const std::vector<std::string>& noteIds) {
  for (const auto& n : noteIds) {
    if (findNote(board_, n) == nullptr) return false;
  }
  Recorder rec(board_, label(board_, "Link notes", "Notizen verknüpfen"));
  if (!editAction(board_, id, rec, [&](Action& a) {
        a.notes.clear();
        for (const auto& n : noteIds) {
          if (std::find(a.notes.begin(), a.notes.end(), n) == a.notes.end()) a.notes.push_back(n);
        }
      }))
    return false;
  if (!rec.empty()) commit(rec.take());
  return true;
}

bool Document::deleteAction(const std::string& id) {
  auto index = indexOf(board_.actions, id);
  if (!index) return false;
  Recorder rec(board_, label(board_, "Delete action", "Maßnahme löschen"));
  rec.erase<Action>(*index);
  rec.tombstone(id);
  commit(rec.take());
  return true;
}

}  // namespace mapathy
