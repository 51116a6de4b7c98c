// Mapathy core — the document: history (undo, redo, coalescing), replacing and merging whole boards,
// and the Recorder behind every edit (see document.hpp and document_history.hpp). The typed edits are
// in document_edits.cpp.
#include "core/edit/document.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <tuple>
#include <unordered_set>

#include "core/base/ids.hpp"
#include "core/edit/document_history.hpp"
#include "core/edit/merge.hpp"
#include "core/edit/voting.hpp"
#include "core/model/limits.hpp"

namespace mapathy {
namespace history {

// ---------------------------------------------------------------------------------------------
// Header, deltas
// ---------------------------------------------------------------------------------------------
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

namespace {

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

}  // namespace

void applyForward(Board& b, const Change& c) {
  std::visit([&b](const auto& d) { applyEntity(b, d.before, d.indexBefore, d.after, d.indexAfter); }, c);
}

void applyBackward(Board& b, const Change& c) {
  std::visit([&b](const auto& d) { applyEntity(b, d.after, d.indexAfter, d.before, d.indexBefore); }, c);
}

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

// ---------------------------------------------------------------------------------------------
// Recorder
// ---------------------------------------------------------------------------------------------
Recorder::Recorder(Board& board, std::string label, std::string coalesce) : board_(board), stamp_(board.clock + 1) {
  step_.label = std::move(label);
  step_.coalesce = std::move(coalesce);
}

void Recorder::pushHeader(const Header& before, const Header& after) {
  // Consecutive header changes of one step are one delta (a language change stamps many things).
  if (!step_.changes.empty()) {
    if (auto* last = std::get_if<Delta<Header>>(&step_.changes.back())) {
      last->after = after;
      setHeader(board_, after);
      return;
    }
  }
  step_.changes.push_back(Delta<Header>{before, after, 0, 0});
  setHeader(board_, after);
}

void Recorder::header(Header h, bool verbatim) {
  const Header old = headerOf(board_);
  if (old == h) return;
  if (!verbatim) {
    Header withoutStamps = h;
    withoutStamps.stamps = old.stamps;
    if (!(withoutStamps == old)) h.stamps[kInfoStamp] = stamp_;
  }
  pushHeader(old, h);
}

void Recorder::stamp(const std::string& key) {
  Header h = headerOf(board_);
  if (auto it = h.stamps.find(key); it != h.stamps.end() && it->second == stamp_) return;
  const Header old = h;
  h.stamps[key] = stamp_;
  pushHeader(old, h);
}

void Recorder::unstamp(const std::string& key) {
  Header h = headerOf(board_);
  if (h.stamps.erase(key) == 0) return;
  pushHeader(headerOf(board_), h);
}

void Recorder::replaceKeepingClock(std::size_t index, Note value) {
  auto& list = board_.notes;
  if (list[index] == value) return;
  step_.changes.push_back(Delta<Note>{list[index], value, index, index});
  list[index] = std::move(value);
}

void Recorder::tombstone(const std::string& id, const std::map<std::string, Ballot>& ballots) {
  auto& list = board_.tombstones;  // sorted by id
  auto at = [&list](const std::string& key) {
    auto byId = [](const Tombstone& t, const std::string& k) { return t.id < k; };
    return static_cast<std::size_t>(std::lower_bound(list.begin(), list.end(), key, byId) - list.begin());
  };
  std::size_t index = at(id);
  Tombstone t{id, stamp_, ballots};
  if (index < list.size() && list[index].id == id) {
    t.clock = std::max(t.clock, list[index].clock);
    joinBallots(t.ballots, list[index].ballots);  // each voter's latest report, as a merge keeps it
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

HistoryStep Recorder::take() {
  board_.clock = stamp_;
  return std::move(step_);
}

std::string clampText(const std::string& text, std::size_t maxBytes) {
  if (text.size() <= maxBytes) return text;
  std::size_t end = maxBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  return text.substr(0, end);
}

std::string stepLabel(const Board& b, StepName name) { return b.lang == Lang::De ? name.de : name.en; }

}  // namespace history

namespace {

// A Document made without a session still needs a site of its own (tests, the CLI): random like the
// session's, three digits (ids of boards edited outside the app stay short).
std::string randomSite() {
  std::random_device rd;
  return ids::randomBase36((static_cast<std::uint64_t>(rd()) << 32) ^ rd(), 3);
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction, ids, commit
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
    std::string id = site_.empty() ? ids::base36(idCounter_++) : site_ + "-" + ids::base36(idCounter_++);
    if (!used.count(id)) return id;
  }
}

void Document::changed() {
  ++revision_;
  if (onChange_) onChange_();
}

void Document::commit(HistoryStep&& step) {
  board_.modifiedAt = now();
  History& h = *history_;
  h.redo.clear();
  const bool coalesces = h.open && !step.coalesce.empty() && !h.undo.empty() && h.undo.back().coalesce == step.coalesce;
  if (coalesces) {
    auto& top = h.undo.back().changes;
    for (auto& c : step.changes) {
      bool merged = false;
      for (auto& t : top) {
        if (history::mergeChange(t, c)) {
          merged = true;
          break;
        }
      }
      if (!merged) top.push_back(std::move(c));
    }
  } else {
    h.undo.push_back(std::move(step));
    while (h.undo.size() > kMaxHistory) h.undo.pop_front();
    h.open = true;
  }
  changed();
}

template <class T>
void Document::record(std::size_t index, T value, StepName name, const std::string& coalesce) {
  const T& old = history::listOf<T>(board_)[index];
  if constexpr (history::kCarriesClock<T>) value.modified = old.modified;
  if (value == old) return;  // the same value: no step, no clock
  history::Recorder rec(board_, history::stepLabel(board_, name), coalesce);
  rec.replace(index, std::move(value));
  commit(rec.take());
}

template void Document::record<Note>(std::size_t, Note, StepName, const std::string&);
template void Document::record<Action>(std::size_t, Action, StepName, const std::string&);
template void Document::record<Section>(std::size_t, Section, StepName, const std::string&);
template void Document::record<Stage>(std::size_t, Stage, StepName, const std::string&);
template void Document::record<Lane>(std::size_t, Lane, StepName, const std::string&);

void Document::recordInfo(history::Header header, StepName name, const std::string& coalesce) {
  if (header == history::headerOf(board_)) return;
  history::Recorder rec(board_, history::stepLabel(board_, name), coalesce);
  rec.header(std::move(header));
  commit(rec.take());
}

// ---------------------------------------------------------------------------------------------
// History
// ---------------------------------------------------------------------------------------------
bool Document::canUndo() const { return !history_->undo.empty(); }
bool Document::canRedo() const { return !history_->redo.empty(); }
std::size_t Document::undoDepth() const { return history_->undo.size(); }
std::string Document::undoLabel() const { return history_->undo.empty() ? "" : history_->undo.back().label; }
std::string Document::redoLabel() const { return history_->redo.empty() ? "" : history_->redo.back().label; }
std::size_t Document::undoStepSize() const { return history_->undo.empty() ? 0 : history_->undo.back().changes.size(); }
void Document::endGesture() { history_->open = false; }

bool Document::undo() {
  History& h = *history_;
  if (h.undo.empty()) return false;
  HistoryStep step = std::move(h.undo.back());
  h.undo.pop_back();
  for (auto it = step.changes.rbegin(); it != step.changes.rend(); ++it) history::applyBackward(board_, *it);
  h.redo.push_back(std::move(step));
  h.open = false;
  board_.modifiedAt = now();
  changed();
  return true;
}

bool Document::redo() {
  History& h = *history_;
  if (h.redo.empty()) return false;
  HistoryStep step = std::move(h.redo.back());
  h.redo.pop_back();
  for (const auto& c : step.changes) history::applyForward(board_, c);
  h.undo.push_back(std::move(step));
  h.open = false;
  board_.modifiedAt = now();
  changed();
  return true;
}

// ---------------------------------------------------------------------------------------------
// Whole boards
// ---------------------------------------------------------------------------------------------
void Document::replaceBoard(Board board, bool clearHistory, const std::string& stepLabel) {
  const std::uint64_t clock = std::max(board_.clock, board.clock);
  if (clearHistory) {
    board_ = std::move(board);
    board_.clock = clock;
    history_->undo.clear();
    history_->redo.clear();
    history_->open = false;
    changed();
    return;
  }
  // Expressed as deltas like any other step: everything old goes, everything new comes.
  history::Recorder rec(
      board_, stepLabel.empty() ? history::stepLabel(board_, {"Replace board", "Board ersetzen"}) : stepLabel);
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
  rec.header(history::headerOf(board), true);
  // Inserted verbatim: the new board's own clocks are kept (Recorder::insert would restamp them).
  HistoryStep step = rec.take();
  auto addAll = [&](auto& from, auto& to) {
    using T = typename std::decay_t<decltype(from)>::value_type;
    for (std::size_t i = 0; i < from.size(); ++i) {
      step.changes.push_back(history::Delta<T>{std::nullopt, from[i], 0, i});
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

bool Document::mergeWithoutUndo(const Board& other) {
  Result<MergeResult> merged = merge(board_, other);
  if (!merged.ok() || sameContent(merged->board, board_)) return false;
  const std::uint64_t clock = std::max(board_.clock, merged->board.clock);
  board_ = std::move(merged->board);
  board_.clock = clock;
  history_->open = false;  // what is typed next is a step of its own, after the merge
  changed();
  return true;
}

}  // namespace mapathy
