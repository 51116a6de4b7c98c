// Merging boards and contributions. See merge.hpp for the rules and why they make merge
// commutative, associative and idempotent.
#include "core/edit/merge.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <tuple>
#include <type_traits>

#include "core/base/hash.hpp"

namespace mapathy {
namespace {

// ---------------------------------------------------------------------------------------------
// Fingerprints: every field of an entity in a fixed byte order. They give the fixed total order
// that breaks clock ties, and tell whether two versions differ.
// ---------------------------------------------------------------------------------------------
class Print {
 public:
  Print& operator<<(const std::string& s) {
    out_ += s;
    out_ += '\x1f';
    return *this;
  }
  Print& operator<<(const char* s) { return *this << std::string(s); }
  Print& operator<<(std::int64_t v) { return *this << std::to_string(v); }
  Print& operator<<(std::uint64_t v) { return *this << std::to_string(v); }
  Print& operator<<(int v) { return *this << std::to_string(v); }
  Print& operator<<(bool v) { return *this << (v ? "1" : "0"); }
  Print& operator<<(float v) {  // exact bits: NaN payloads and -0 included
    std::uint32_t bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return *this << static_cast<std::uint64_t>(bits);
  }
  Print& operator<<(const Rect& r) { return *this << r.x << r.y << r.w << r.h; }
  Print& operator<<(const Extra& e) { return *this << (e.is_null() ? std::string() : e.dump()); }
  Print& operator<<(const std::optional<int>& v) { return *this << (v ? std::to_string(*v) : std::string("-")); }
  Print& operator<<(const std::vector<std::string>& list) {
    *this << static_cast<std::uint64_t>(list.size());
    for (const auto& s : list) *this << s;
    return *this;
  }
  [[nodiscard]] const std::string& str() const { return out_; }

 private:
  std::string out_;
};

// ---------------------------------------------------------------------------------------------
// Lossless fix-ups. A merge can leave an action linking a deleted note, or a note in a deleted
// section. The board must stay valid, so the view is fixed up — but a later merge may bring the
// note or section back, so what was hidden is kept in `extra` and every comparison below uses the
// canonical form (as if nothing had been hidden). That keeps merge a true join.
// ---------------------------------------------------------------------------------------------
constexpr const char* kHiddenLinks = "hiddenNotes";  // action extra: [[position, note id], …]
constexpr const char* kMovedFrom = "movedFrom";      // note extra: the place it was moved away from
constexpr const char* kMovedTo = "movedTo";          // note extra: where the merge put it

Extra withoutKeys(const Extra& extra, std::initializer_list<const char*> keys) {
  if (!extra.is_object()) return extra;
  Extra out = extra;
  for (const char* k : keys) out.erase(k);
  if (out.empty()) return nullptr;
  return out;
}

std::vector<std::string> allLinks(const Action& a) {
  std::vector<std::string> links = a.notes;
  if (!a.extra.is_object() || !a.extra.contains(kHiddenLinks)) return links;
  const Extra& hidden = a.extra[kHiddenLinks];
  if (!hidden.is_array()) return links;
  for (const auto& entry : hidden) {
    if (!entry.is_array() || entry.size() != 2 || !entry[0].is_number_unsigned() || !entry[1].is_string()) continue;
    const auto at = std::min<std::size_t>(entry[0].get<std::size_t>(), links.size());
    links.insert(links.begin() + static_cast<std::ptrdiff_t>(at), entry[1].get<std::string>());
  }
  return links;
}

void showLinks(Action& a, const std::vector<std::string>& links, const std::set<std::string>& live) {
  a.notes.clear();
  Extra hidden = Extra::array();
  for (std::size_t i = 0; i < links.size(); ++i) {
    if (live.count(links[i]) != 0) {
      a.notes.push_back(links[i]);
    } else {
      hidden.push_back(Extra::array({i, links[i]}));
    }
  }
  a.extra = withoutKeys(a.extra, {kHiddenLinks});
  if (!hidden.empty()) {
    if (!a.extra.is_object()) a.extra = Extra::object();
    a.extra[kHiddenLinks] = std::move(hidden);
  }
}

Extra placeJson(const std::string& section, const std::string& stage, const std::string& lane) {
  return Extra{{"section", section}, {"stage", stage}, {"lane", lane}};
}

struct PlaceOf {
  std::string section, stage, lane;
};

// Where the note belongs: where it was before a merge moved it, unless it was moved on since.
PlaceOf canonicalPlace(const Note& n) {
  PlaceOf here{n.section, n.stage, n.lane};
  if (!n.extra.is_object() || !n.extra.contains(kMovedFrom) || !n.extra.contains(kMovedTo)) return here;
  if (n.extra[kMovedTo] != placeJson(n.section, n.stage, n.lane)) return here;
  const Extra& from = n.extra[kMovedFrom];
  auto field = [&](const char* k) {
    return from.is_object() && from.contains(k) && from[k].is_string() ? from[k].get<std::string>() : std::string();
  };
  return PlaceOf{field("section"), field("stage"), field("lane")};
}

// What a note says and where it belongs: no clocks, no votes (used for "did it change?").
std::string noteContent(const Note& n) {
  const PlaceOf place = canonicalPlace(n);
  Print p;
  p << n.text << n.colour << n.tags << n.author << static_cast<int>(n.evidence) << place.section << place.stage
    << place.lane << n.order << withoutKeys(n.extra, {kMovedFrom, kMovedTo});
  return p.str();
}

std::string actionContent(const Action& a) {
  Print p;
  p << a.text << a.owner << static_cast<int>(a.status) << allLinks(a) << withoutKeys(a.extra, {kHiddenLinks});
  return p.str();
}

std::string printOf(const Note& n) {
  Print p;
  p << noteContent(n) << n.created << unsignedVotes(n);
  return p.str();
}
std::string printOf(const Action& a) {
  Print p;
  p << actionContent(a) << a.created;
  return p.str();
}
std::string printOf(const Section& s) {
  Print p;
  p << s.title << s.hint << s.colour << s.rect << s.extra;
  return p.str();
}
std::string printOf(const Stage& s) {
  Print p;
  p << s.name << s.description << s.extra;
  return p.str();
}
std::string printOf(const Lane& l) {
  Print p;
  p << l.name << static_cast<int>(l.kind) << l.role << l.showToBe << l.extra;
  for (const auto& [stage, e] : l.emotions) p << stage << e.asIs << e.toBe << e.reason;
  p << "|";
  for (const auto& [stage, g] : l.gaps) p << stage << g.expectation << g.experience;
  return p.str();
}

// The board's info: everything that is neither a collection nor a clock.
std::string infoOf(const Board& b, bool withAppVersion) {
  Print p;
  p << b.id << static_cast<int>(b.kind) << b.templateId << b.title << static_cast<int>(b.lang) << b.persona.name
    << b.persona.role << b.persona.goal << b.persona.quote << b.persona.bio << b.persona.initials << b.persona.colour
    << b.persona.success << b.persona.extra << b.personaRect << b.extra;
  if (withAppVersion) p << b.appVersion;
  return p.str();
}


std::uint64_t stampOf(const Board& b, const std::string& id) {
  auto it = b.stamps.find(id);
  return it == b.stamps.end() ? 0 : it->second;
}

// Entities of a delta whose clock is not above its base's were carried along, not changed.
bool carried(const Board& b, std::uint64_t clock) { return b.isDelta && clock <= b.baseClock; }

// The fixed total order of versions: clock, then changed before carried, then content hash, then
// the content bytes. The greatest wins.
struct Rank {
  std::uint64_t clock = 0;
  bool changed = false;
  std::uint64_t hash = 0;
  std::string print;
  bool operator<(const Rank& o) const {
    return std::tie(clock, changed, hash, print) < std::tie(o.clock, o.changed, o.hash, o.print);
  }
};

Rank rankOfPrint(std::string print, std::uint64_t clock, const Board& side) {
  Rank r;
  r.clock = clock;
  r.changed = !carried(side, clock);
  r.hash = fnv1a64(print);
  r.print = std::move(print);
  return r;
}

template <class T>
Rank rankOf(const T& value, std::uint64_t clock, const Board& side) {
  return rankOfPrint(printOf(value), clock, side);
}

template <class T>
std::map<std::string, const T*> byId(const std::vector<T>& list) {
  std::map<std::string, const T*> out;
  for (const auto& x : list) out.emplace(x.id, &x);
  return out;
}

template <class T>
const T* find(const std::map<std::string, const T*>& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? nullptr : it->second;
}

template <class T>
std::set<std::string> unionIds(const std::map<std::string, const T*>& a, const std::map<std::string, const T*>& b) {
  std::set<std::string> ids;
  for (const auto& [id, p] : a) ids.insert(id);
  for (const auto& [id, p] : b) ids.insert(id);
  return ids;
}

using ClockMap = std::map<std::string, std::uint64_t>;

ClockMap tombstonesOf(const Board& b) {
  ClockMap out;
  for (const auto& t : b.tombstones) out[t.id] = std::max(out[t.id], t.clock);
  return out;
}

std::uint64_t lookup(const ClockMap& m, const std::string& id) {
  auto it = m.find(id);
  return it == m.end() ? 0 : it->second;
}
bool has(const ClockMap& m, const std::string& id) { return m.count(id) != 0; }

// One side's version of an entity, or nothing. A version that a delta merely carried is dropped
// when the other side is a whole board without it: the whole board deleted it (an editor that
// keeps no tombstones), and a carried copy must never bring it back.
template <class T>
const T* pickWinner(const T* pa, std::uint64_t clockA, const Board& a, const T* pb, std::uint64_t clockB,
                    const Board& b) {
  if (pa != nullptr && pb == nullptr && carried(a, clockA) && !b.isDelta) return nullptr;
  if (pb != nullptr && pa == nullptr && carried(b, clockB) && !a.isDelta) return nullptr;
  if (pa == nullptr) return pb;
  if (pb == nullptr) return pa;
  return rankOf(*pa, clockA, a) < rankOf(*pb, clockB, b) ? pb : pa;
}

// Sections, stages, lanes: union on id, the higher rank wins, tombstones delete. Order: the
// sequence of the side whose info won, then the others by id.
template <class T>
std::vector<T> mergeStructure(const Board& a, const std::vector<T>& la, const Board& b, const std::vector<T>& lb,
                              const ClockMap& tombs, bool bLeads) {
  auto ma = byId(la);
  auto mb = byId(lb);
  std::map<std::string, T> merged;
  for (const auto& id : unionIds(ma, mb)) {
    const T* pa = find(ma, id);
    const T* pb = find(mb, id);
    const T* winner = pickWinner(pa, stampOf(a, id), a, pb, stampOf(b, id), b);
    if (winner == nullptr) continue;
    const std::uint64_t clock = winner == pa ? stampOf(a, id) : stampOf(b, id);
    if (has(tombs, id) && lookup(tombs, id) >= clock) continue;
    merged.emplace(id, *winner);
  }
  std::vector<T> out;
  for (const auto& x : bLeads ? lb : la) {
    auto it = merged.find(x.id);
    if (it == merged.end()) continue;
    out.push_back(std::move(it->second));
    merged.erase(it);
  }
  for (auto& [id, x] : merged) out.push_back(std::move(x));
  return out;
}

template <class T>
void sortByCreation(std::vector<T>& list) {
  std::sort(list.begin(), list.end(),
            [](const T& x, const T& y) { return std::tie(x.created, x.id) < std::tie(y.created, y.id); });
}

std::string sitePrefix(const std::string& id) {
  auto dash = id.rfind('-');
  return dash == std::string::npos || dash == 0 ? std::string() : id.substr(0, dash);
}

// The clock up to which both sides provably saw the same history. A delta says so (baseClock).
// For two whole boards it is what they share: the creation of every note and action both hold,
// identical versions and identical tombstones. A conflict needs a change above it on both sides.
std::uint64_t commonClock(const Board& a, const Board& b) {
  if (a.isDelta || b.isDelta) return std::max(a.isDelta ? a.baseClock : 0, b.isDelta ? b.baseClock : 0);
  std::uint64_t fork = 0;
  auto shared = [&fork](const auto& mine, const auto& theirs, auto content) {
    const auto other = byId(theirs);
    for (const auto& x : mine) {
      const auto* y = find(other, x.id);
      if (y == nullptr) continue;
      fork = std::max(fork, std::min(x.created, y->created));
      if (x.modified == y->modified && content(x) == content(*y)) fork = std::max(fork, x.modified);
    }
  };
  shared(a.notes, b.notes, [](const Note& n) { return noteContent(n); });
  shared(a.actions, b.actions, [](const Action& x) { return actionContent(x); });
  const ClockMap tb = tombstonesOf(b);
  for (const auto& t : a.tombstones) {
    if (lookup(tb, t.id) == t.clock) fork = std::max(fork, t.clock);
  }
  return fork;
}

}  // namespace

// =============================================================================================
// Merge
// =============================================================================================
Result<MergeResult> merge(const Board& a, const Board& b) {
  if (a.kind != b.kind) {
    return Error{a.kind == BoardKind::EmpathyMap ? "merge.empathyWithJourney" : "merge.journeyWithEmpathy"};
  }
  MergeResult result;
  Board& r = result.board;
  const std::uint64_t fork = commonClock(a, b);

  // ---- info
  const bool bLeads = rankOfPrint(infoOf(a, true), stampOf(a, kInfoStamp), a) <
                      rankOfPrint(infoOf(b, true), stampOf(b, kInfoStamp), b);
  const Board& lead = bLeads ? b : a;
  r.id = lead.id;
  r.kind = lead.kind;
  r.templateId = lead.templateId;
  r.title = lead.title;
  r.lang = lead.lang;
  r.appVersion = lead.appVersion;
  r.persona = lead.persona;
  r.personaRect = lead.personaRect;
  r.extra = lead.extra;
  r.createdAt = a.createdAt == 0 ? b.createdAt : b.createdAt == 0 ? a.createdAt : std::min(a.createdAt, b.createdAt);
  r.modifiedAt = std::max(a.modifiedAt, b.modifiedAt);
  r.clock = std::max(a.clock, b.clock);
  r.isDelta = a.isDelta && b.isDelta;
  r.baseClock = r.isDelta ? std::min(a.baseClock, b.baseClock) : 0;
  r.stamps = a.stamps;
  for (const auto& [id, clock] : b.stamps) r.stamps[id] = std::max(r.stamps[id], clock);

  // ---- tombstones (written to the result after the notes: a dead note's ballots go into its tombstone)
  const ClockMap tombsA = tombstonesOf(a);
  const ClockMap tombsB = tombstonesOf(b);
  ClockMap tombs = tombsA;
  for (const auto& [id, clock] : tombsB) tombs[id] = std::max(tombs[id], clock);
  // A whole board that lacks a note a delta shows from before its base deleted it (an editor that
  // keeps no tombstones): an implicit tombstone at the base clock, which beats what the delta only
  // carried and loses to what it changed — and keeps the note's ballots, whatever the order.
  ClockMap implicit;
  auto implicitDeletions = [&](const Board& whole, const Board& delta) {
    if (whole.isDelta || !delta.isDelta) return;
    const auto present = byId(whole.notes);
    for (const auto& n : delta.notes) {
      if (n.created <= delta.baseClock && present.count(n.id) == 0) implicit[n.id] = delta.baseClock;
    }
  };
  implicitDeletions(a, b);
  implicitDeletions(b, a);
  for (const auto& [id, clock] : implicit) tombs[id] = std::max(tombs[id], clock);
  std::map<std::string, Tombstone> tombsOut;
  for (const auto& [id, clock] : implicit) {
    tombsOut[id].id = id;
    tombsOut[id].clock = clock;
  }
  for (const Board* side : {&a, &b}) {
    for (const auto& t : side->tombstones) {
      Tombstone& out = tombsOut[t.id];
      out.id = t.id;
      out.clock = std::max(out.clock, t.clock);
      joinBallots(out.ballots, t.ballots);
    }
  }

  // ---- structure
  r.sections = mergeStructure(a, a.sections, b, b.sections, tombs, bLeads);
  r.stages = mergeStructure(a, a.stages, b, b.stages, tombs, bLeads);
  r.lanes = mergeStructure(a, a.lanes, b, b.lanes, tombs, bLeads);
  for (auto& lane : r.lanes) {  // scores of stages that are gone
    std::erase_if(lane.emotions, [&](const auto& e) { return findStage(r, e.first) == nullptr; });
    std::erase_if(lane.gaps, [&](const auto& g) { return findStage(r, g.first) == nullptr; });
  }

  // ---- notes and actions: LWW, tombstones, conflicts
  auto conflictCheck = [&](const auto* pa, const auto* pb, const std::string& id, bool isAction, bool incomingWon) {
    using T = std::remove_cv_t<std::remove_pointer_t<decltype(pa)>>;
    auto contentOf = [](const T& x) {
      if constexpr (std::is_same_v<T, Note>) {
        return noteContent(x);
      } else {
        return actionContent(x);
      }
    };
    // A version whose clock is its creation's is the original, which every other version descends
    // from: never one side of a conflict.
    auto editedSinceFork = [&](const T* x, const Board& side) {
      return x != nullptr && !carried(side, x->modified) && x->modified > fork && x->modified > x->created;
    };
    const bool editedA = editedSinceFork(pa, a);
    const bool editedB = editedSinceFork(pb, b);
    Conflict c;
    c.id = id;
    c.isAction = isAction;
    c.incomingWon = incomingWon;
    if (editedA && editedB && contentOf(*pa) != contentOf(*pb)) {
      c.kind = Conflict::Kind::BothEdited;
      c.baseText = pa->text;
      c.incomingText = pb->text;
      result.conflicts.push_back(c);
    } else if (editedA && pb == nullptr && lookup(tombsB, id) > fork) {
      c.kind = Conflict::Kind::EditedAndDeleted;
      c.baseText = pa->text;
      result.conflicts.push_back(c);
    } else if (editedB && pa == nullptr && lookup(tombsA, id) > fork) {
      c.kind = Conflict::Kind::EditedAndDeleted;
      c.incomingText = pb->text;
      result.conflicts.push_back(c);
    }
  };

  auto na = byId(a.notes);
  auto nb = byId(b.notes);
  for (const auto& id : unionIds(na, nb)) {
    const Note* pa = find(na, id);
    const Note* pb = find(nb, id);
    const Note* winner = pickWinner(pa, pa ? pa->modified : 0, a, pb, pb ? pb->modified : 0, b);
    const bool dead = winner == nullptr || (has(tombs, id) && lookup(tombs, id) >= winner->modified);
    if (winner != nullptr) {
      const bool incomingWon = dead ? lookup(tombsB, id) >= winner->modified : winner == pb;
      conflictCheck(pa, pb, id, false, incomingWon);
    }
    // Every ballot on this note, wherever it was kept, lands on the note or on its tombstone (a
    // note dropped without one, deleted by an editor that keeps no tombstones, loses them).
    Ballots ballots;
    if (pa != nullptr) joinBallots(ballots, pa->ballots);
    if (pb != nullptr) joinBallots(ballots, pb->ballots);
    auto tomb = tombsOut.find(id);
    if (tomb != tombsOut.end()) {
      joinBallots(ballots, tomb->second.ballots);
      tomb->second.ballots.clear();
    }
    if (dead) {
      if (tomb != tombsOut.end()) tomb->second.ballots = std::move(ballots);
      continue;
    }
    Note n = *winner;
    n.ballots = std::move(ballots);
    n.votes = unsignedVotes(*winner) + ballotSum(n.ballots);
    r.notes.push_back(std::move(n));
  }
  for (auto& [id, t] : tombsOut) r.tombstones.push_back(std::move(t));

  auto aa = byId(a.actions);
  auto ab = byId(b.actions);
  for (const auto& id : unionIds(aa, ab)) {
    const Action* pa = find(aa, id);
    const Action* pb = find(ab, id);
    const Action* winner = pickWinner(pa, pa ? pa->modified : 0, a, pb, pb ? pb->modified : 0, b);
    if (winner == nullptr) continue;
    const bool dead = has(tombs, id) && lookup(tombs, id) >= winner->modified;
    const bool incomingWon = dead ? lookup(tombsB, id) >= winner->modified : winner == pb;
    conflictCheck(pa, pb, id, true, incomingWon);
    if (dead) continue;
    r.actions.push_back(*winner);
  }

  // ---- fix-ups of the view (lossless, see canonicalPlace and allLinks)
  // A note whose place is gone moves to the first place left; it returns if the place comes back.
  const Lane* firstTextLane = nullptr;
  for (const auto& l : r.lanes) {
    if (l.kind == LaneKind::Text) {
      firstTextLane = &l;
      break;
    }
  }
  std::erase_if(r.notes, [&](Note& n) {
    const PlaceOf home = canonicalPlace(n);
    n.extra = withoutKeys(n.extra, {kMovedFrom, kMovedTo});
    n.section = home.section;
    n.stage = home.stage;
    n.lane = home.lane;
    if (r.kind == BoardKind::EmpathyMap) {
      if (findSection(r, n.section) != nullptr) return false;
      if (r.sections.empty()) return true;
      n.section = r.sections.front().id;
    } else {
      const Lane* lane = findLane(r, n.lane);
      if (findStage(r, n.stage) != nullptr && lane != nullptr && lane->kind == LaneKind::Text) return false;
      if (r.stages.empty() || firstTextLane == nullptr) return true;
      if (findStage(r, n.stage) == nullptr) n.stage = r.stages.front().id;
      if (lane == nullptr || lane->kind != LaneKind::Text) n.lane = firstTextLane->id;
    }
    if (!n.extra.is_object()) n.extra = Extra::object();
    n.extra[kMovedFrom] = placeJson(home.section, home.stage, home.lane);
    n.extra[kMovedTo] = placeJson(n.section, n.stage, n.lane);
    return false;
  });
  sortByCreation(r.notes);
  sortByCreation(r.actions);
  std::set<std::string> live;
  for (const auto& n : r.notes) live.insert(n.id);
  for (auto& action : r.actions) showLinks(action, allLinks(action), live);
  std::sort(result.conflicts.begin(), result.conflicts.end(),
            [](const Conflict& x, const Conflict& y) { return std::tie(x.id, x.isAction) < std::tie(y.id, y.isAction); });

  // ---- what changed for the first argument
  MergeSummary& s = result.summary;
  for (const auto& n : r.notes) {
    auto it = na.find(n.id);
    if (it == na.end()) {
      s.addedNotes.push_back(n.id);
      continue;
    }
    if (noteContent(*it->second) != noteContent(n)) s.changedNotes.push_back(n.id);
    if (it->second->votes != n.votes) {
      s.votedNotes.push_back(n.id);
      s.votesAdded += n.votes - it->second->votes;
    }
  }
  for (const auto& [id, n] : na) {
    if (live.count(id) == 0) s.removedNotes.push_back(id);
  }
  return result;
}

Result<MergeReport> mergeInto(Board& board, const Board& incoming) {
  Result<MergeResult> m = merge(board, incoming);
  if (!m.ok()) return m.error();
  board = std::move(m->board);
  return MergeReport{std::move(m->conflicts), std::move(m->summary)};
}

bool sameContent(const Board& a, const Board& b) {
  auto byId = [](const auto& list) {
    using T = typename std::decay_t<decltype(list)>::value_type;
    std::vector<const T*> out;
    for (const auto& x : list) out.push_back(&x);
    std::sort(out.begin(), out.end(), [](const T* x, const T* y) { return x->id < y->id; });
    return out;
  };
  auto same = [&](const auto& x, const auto& y) {
    const auto sx = byId(x);
    const auto sy = byId(y);
    return std::equal(sx.begin(), sx.end(), sy.begin(), sy.end(), [](const auto* p, const auto* q) { return *p == *q; });
  };
  if (!same(a.notes, b.notes) || !same(a.actions, b.actions) || !same(a.tombstones, b.tombstones)) return false;
  Board x = a;
  Board y = b;
  x.notes.clear();
  y.notes.clear();
  x.actions.clear();
  y.actions.clear();
  x.tombstones.clear();
  y.tombstones.clear();
  return x == y;
}

// =============================================================================================
// Contributions
// =============================================================================================
Board makeDelta(const Board& base, const Board& changedIn, const std::string& voterIn) {
  // A local version kept under an id of its own (core/session/session.hpp) still sends its changes to the
  // base's board: compared as if it had the base's id, so the id alone is no change of the board's info.
  Board renamed;
  if (changedIn.id != base.id) {
    renamed = changedIn;
    renamed.id = base.id;
  }
  const Board& changed = changedIn.id != base.id ? renamed : changedIn;
  // Changes the editor did not stamp (sections, info, or a note edited without a clock) get one
  // clock above the base, so they win over the base's versions.
  const std::uint64_t stampClock = std::max(changed.clock, base.clock + 1);
  auto restamp = [&](std::uint64_t clock) { return clock > base.clock ? clock : stampClock; };

  std::string voter = voterIn;
  if (voter.empty()) {
    for (const auto& n : changed.notes) {
      if (findNote(base, n.id) == nullptr && !sitePrefix(n.id).empty()) {
        voter = sitePrefix(n.id);
        break;
      }
    }
  }
  if (voter.empty()) {
    std::string all;
    for (const auto& n : changed.notes) all += printOf(n);
    static const char kHex[] = "0123456789abcdef";
    std::uint64_t h = fnv1a64(infoOf(changed, false) + all);
    voter = "v-";
    for (int i = 0; i < 8; ++i, h >>= 4) voter += kHex[h & 15];
  }

  Board d;
  d.id = base.id;
  d.kind = changed.kind;
  d.templateId = changed.templateId;
  d.lang = changed.lang;
  d.personaRect = changed.personaRect;
  // No times: the board's creation is the base's (a merge takes 0 as unknown), and a contribution's
  // arrival is an edit of the facilitator's board that stamps its own time. 16 characters less per link.
  d.createdAt = 0;
  d.modifiedAt = 0;
  d.clock = stampClock;
  d.isDelta = true;
  d.baseClock = base.clock;
  if (infoOf(base, false) != infoOf(changed, false)) {
    d.title = changed.title;
    d.persona = changed.persona;
    d.extra = changed.extra;
    d.appVersion = changed.appVersion;
    d.stamps[kInfoStamp] = restamp(stampOf(changed, kInfoStamp));
  }

  ClockMap tombs;
  std::map<std::string, Ballots> tombBallots;  // ballots on notes deleted on this copy
  for (const auto& t : changed.tombstones) {
    if (t.clock > base.clock) {
      tombs[t.id] = std::max(tombs[t.id], t.clock);
      joinBallots(tombBallots[t.id], t.ballots);
    }
  }

  // Structure travels whole (notes must have their places to make a valid board); what changed
  // gets a stamp, what is gone a tombstone.
  auto structure = [&](const auto& baseList, const auto& changedList, auto& out) {
    for (const auto& x : changedList) {
      out.push_back(x);
      const auto* old = [&]() -> const std::remove_cvref_t<decltype(x)>* {
        for (const auto& y : baseList) {
          if (y.id == x.id) return &y;
        }
        return nullptr;
      }();
      if (old == nullptr || !(*old == x)) d.stamps[x.id] = restamp(stampOf(changed, x.id));
    }
    for (const auto& y : baseList) {
      const bool kept = std::any_of(changedList.begin(), changedList.end(), [&](const auto& x) { return x.id == y.id; });
      if (!kept) tombs[y.id] = std::max(tombs[y.id], stampClock);
    }
  };
  structure(base.sections, changed.sections, d.sections);
  structure(base.stages, changed.stages, d.stages);
  structure(base.lanes, changed.lanes, d.lanes);

  // Notes: new and edited ones whole; vote-only changes as stubs (no text) carrying ballots.
  auto stubOf = [&](const Note& old) {
    Note stub;
    stub.id = old.id;
    stub.section = old.section;
    stub.stage = old.stage;
    stub.lane = old.lane;
    stub.order = old.order;
    stub.created = std::min(old.created, base.clock);
    stub.modified = std::min(old.modified, base.clock);  // never above the base: carried, never wins
    stub.votes = unsignedVotes(old);
    return stub;
  };
  std::map<std::string, Note> out;
  for (const auto& n : changed.notes) {
    const Note* old = findNote(base, n.id);
    const int ownNow = unsignedVotes(n);
    const int ownBefore = old ? unsignedVotes(*old) : 0;
    std::map<std::string, Ballot> ballots;
    for (const auto& [v, ballot] : n.ballots) {
      const bool same = old != nullptr && old->ballots.count(v) && old->ballots.at(v) == ballot;
      if (!same) ballots[v] = ballot;
    }
    // Dots added on this copy become this voter's ballot. Dots taken away that nobody signed for
    // change the note's own count: an edit of the note, sent whole.
    const bool removedUnsigned = old != nullptr && ownNow < ownBefore;
    if (ownNow > ownBefore) {
      const int current = n.ballots.count(voter) ? n.ballots.at(voter).count : 0;
      ballots[voter] = Ballot{current + ownNow - ownBefore, stampClock};
    }
    const bool edited = old == nullptr || removedUnsigned || noteContent(*old) != noteContent(n);
    if (!edited && ballots.empty()) continue;
    Note x = edited ? n : stubOf(*old);
    if (edited) {
      x.modified = restamp(n.modified);
      if (old == nullptr && x.created <= base.clock) x.created = x.modified;
    }
    x.ballots = ballots;
    x.votes = std::min(ownNow, ownBefore) + ballotSum(x.ballots);  // the unsigned dots, then the ballots
    out.emplace(x.id, std::move(x));
  }
  for (const auto& n : base.notes) {
    if (findNote(changed, n.id) == nullptr) tombs[n.id] = std::max(tombs[n.id], stampClock);
  }

  // Actions: new and edited ones; the notes they link travel as stubs when not already there.
  for (const auto& act : changed.actions) {
    const Action* old = findAction(base, act.id);
    if (old != nullptr && *old == act) continue;
    Action x = act;
    x.modified = restamp(act.modified);
    if (old == nullptr && x.created <= base.clock) x.created = x.modified;
    for (const auto& noteId : x.notes) {
      if (out.count(noteId)) continue;
      const Note* n = findNote(changed, noteId);
      if (n == nullptr) continue;
      const Note* old2 = findNote(base, noteId);
      out.emplace(noteId, old2 ? stubOf(*old2) : *n);
    }
    d.actions.push_back(std::move(x));
  }
  for (const auto& act : base.actions) {
    if (findAction(changed, act.id) == nullptr) tombs[act.id] = std::max(tombs[act.id], stampClock);
  }

  for (auto& [id, n] : out) d.notes.push_back(std::move(n));
  sortByCreation(d.notes);
  sortByCreation(d.actions);
  for (const auto& [id, clock] : tombs) {
    Tombstone t;
    t.id = id;
    t.clock = clock;
    if (auto it = tombBallots.find(id); it != tombBallots.end()) t.ballots = it->second;
    d.tombstones.push_back(std::move(t));
  }
  return d;
}

}  // namespace mapathy
