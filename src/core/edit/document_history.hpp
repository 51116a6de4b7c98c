// Mapathy core — PRIVATE to src/core/edit/document*.cpp: the history's data and the one write path.
//
// [SECTION] Header: the board without its collections
// [SECTION] Delta and Change: one entity before and after
// [SECTION] HistoryStep and History
// [SECTION] Recorder: makes a step while it edits the board, and stamps merge clocks
// [SECTION] Document::edit / Document::editInfo: the generic edit every typed setter calls
//
// A history step is a list of entity deltas: for one note, section, stage, lane, action or tombstone
// the value before and after, with its index in its list; for the board's own fields (title, persona,
// stamps …) the header before and after. Redo applies the deltas in order, undo reverts them in
// reverse order. The logical clock and modifiedAt are not part of any delta: the clock only ever moves
// forward (so merge clocks stay comparable), and modifiedAt records when the board last changed, which
// includes undo and redo.
//
// Merge clocks (core/edit/merge.hpp): the Recorder gives every entity it writes the step's clock —
// notes and actions in their own `modified`, sections, stages and lanes in Board::stamps[id], and the
// board's info (title, language, persona, layout, budget, and the order of sections, stages and lanes)
// in Board::stamps["@info"]. So any edit made here beats an older copy of the board in a merge.
#pragma once

#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "core/edit/document.hpp"
#include "core/model/limits.hpp"
#include "core/model/model.hpp"

namespace mapathy {
namespace history {

// ---------------------------------------------------------------------------------------------
// [SECTION] Header
// ---------------------------------------------------------------------------------------------
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
  // Merge bookkeeping: a merge is one replaceBoard step, and its undo must give back the clocks it
  // brought in. Tombstones are an entity list of their own (Delta<Tombstone>), so that a deletion
  // records one small delta, not a copy of every tombstone.
  std::map<std::string, std::uint64_t> stamps;
  bool operator==(const Header&) const = default;
};

Header headerOf(const Board& b);
void setHeader(Board& b, const Header& h);

// ---------------------------------------------------------------------------------------------
// [SECTION] Delta and Change
// ---------------------------------------------------------------------------------------------
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

// Sections, stages and lanes carry their merge clock in Board::stamps; notes and actions in themselves.
template <class T>
inline constexpr bool kStampedInBoard =
    std::is_same_v<T, Section> || std::is_same_v<T, Stage> || std::is_same_v<T, Lane>;
template <class T>
inline constexpr bool kCarriesClock = std::is_same_v<T, Note> || std::is_same_v<T, Action>;

void applyForward(Board& b, const Change& c);
void applyBackward(Board& b, const Change& c);
// Folds `next` into `into` when both touch the same entity (used by coalescing).
bool mergeChange(Change& into, const Change& next);

template <class T>
std::optional<std::size_t> indexOf(const std::vector<T>& list, const std::string& id) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i].id == id) return i;
  }
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] HistoryStep and History
// ---------------------------------------------------------------------------------------------
}  // namespace history

struct HistoryStep {
  std::string label;
  std::string coalesce;
  std::vector<history::Change> changes;
};

class History {
 public:
  std::deque<HistoryStep> undo;
  std::deque<HistoryStep> redo;
  bool open = false;  // the top undo step may still absorb edits with the same coalesce key
};

namespace history {

// ---------------------------------------------------------------------------------------------
// [SECTION] Recorder
// ---------------------------------------------------------------------------------------------
// Records deltas while it edits the board: every change a Document method makes goes through one of
// these, so what is done is exactly what undo reverts, and every entity written gets the step's clock.
class Recorder {
 public:
  Recorder(Board& board, std::string label, std::string coalesce = "");

  template <class T>
  void replace(std::size_t index, T value) {
    auto& list = listOf<T>(board_);
    if constexpr (kCarriesClock<T>) value.modified = stamp_;
    if (list[index] == value) return;
    const std::string id = value.id;
    step_.changes.push_back(Delta<T>{list[index], value, index, index});
    list[index] = std::move(value);
    if constexpr (kStampedInBoard<T>) stamp(id);
  }
  template <class T>
  void insert(std::size_t index, T value) {
    auto& list = listOf<T>(board_);
    index = std::min(index, list.size());
    if constexpr (kCarriesClock<T>) value.modified = value.created = stamp_;
    const std::string id = value.id;
    step_.changes.push_back(Delta<T>{std::nullopt, value, 0, index});
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(index), std::move(value));
    if constexpr (kStampedInBoard<T>) stamp(id);
  }
  template <class T>
  void erase(std::size_t index) {
    auto& list = listOf<T>(board_);
    const std::string id = list[index].id;
    step_.changes.push_back(Delta<T>{list[index], std::nullopt, index, 0});
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(index));
    if constexpr (kStampedInBoard<T>) unstamp(id);  // its tombstone speaks for it from now on
  }
  // Sections, stages and lanes: their order is part of the board's info (merge keeps the order of the
  // side whose info is newer), so a move stamps the info.
  template <class T>
  void move(std::size_t from, std::size_t to) {
    auto& list = listOf<T>(board_);
    if (from == to) return;
    T value = list[from];
    list.erase(list.begin() + static_cast<std::ptrdiff_t>(from));
    list.insert(list.begin() + static_cast<std::ptrdiff_t>(to), value);
    step_.changes.push_back(Delta<T>{value, value, from, to});
    stamp(kInfoStamp);
  }
  // The board's own fields. A change to anything but the stamps stamps the info; `verbatim` keeps the
  // header exactly as given (replacing the whole board keeps the new board's own clocks).
  void header(Header h, bool verbatim = false);
  // Replaces a note but keeps its clock: a ballot carries its own clock, and a dot must never win
  // over an edit of the note's text made elsewhere.
  void replaceKeepingClock(std::size_t index, Note value);
  // Records that `id` is deleted by this step: a tombstone at the step's clock (it beats every version
  // up to that clock), carrying the dots that were on a deleted note. Undo removes it with the deletion.
  void tombstone(const std::string& id, const std::map<std::string, Ballot>& ballots = {});

  // The step's logical clock: what it stamps, and what the board's clock becomes.
  [[nodiscard]] std::uint64_t stamp() const { return stamp_; }
  [[nodiscard]] bool empty() const { return step_.changes.empty(); }
  HistoryStep take();

 private:
  void stamp(const std::string& key);
  void unstamp(const std::string& key);
  void pushHeader(const Header& before, const Header& after);

  Board& board_;
  HistoryStep step_;
  std::uint64_t stamp_;
};

// Cuts at a UTF-8 character boundary so a board always stays within the format's text limit.
std::string clampText(const std::string& text, std::size_t maxBytes = Limits{}.maxTextBytes);
std::string stepLabel(const Board& b, StepName name);

}  // namespace history

// ---------------------------------------------------------------------------------------------
// [SECTION] Document::edit / Document::editInfo
// ---------------------------------------------------------------------------------------------
// Only the change itself depends on the caller; recording it (record<T>, recordInfo in document.cpp) is
// one function per entity type.
template <class T, class ChangeFn>
bool Document::edit(const std::string& id, StepName name, const std::string& coalesce, ChangeFn&& change) {
  const auto index = history::indexOf(history::listOf<T>(board_), id);
  if (!index) return false;
  T value = history::listOf<T>(board_)[*index];
  if constexpr (std::is_same_v<std::invoke_result_t<ChangeFn, T&>, bool>) {
    if (!change(value)) return false;
  } else {
    change(value);
  }
  record(*index, std::move(value), name, coalesce);
  return true;
}

template <class ChangeFn>
bool Document::editInfo(StepName name, const std::string& coalesce, ChangeFn&& change) {
  history::Header h = history::headerOf(board_);
  if constexpr (std::is_same_v<std::invoke_result_t<ChangeFn, history::Header&>, bool>) {
    if (!change(h)) return false;
  } else {
    change(h);
  }
  recordInfo(std::move(h), name, coalesce);
  return true;
}

}  // namespace mapathy
