// Mapathy core — compact binary board form for share links (see board_codec.hpp).
//
// Layout: varint(text length) · text stream · structure stream. Strings in the text stream end with
// 0x00; a literal 0x00 inside a string is written 0x01 0x01, a literal 0x01 as 0x01 0x02.
#include "core/codec/board_codec.hpp"

#include <algorithm>
#include <cstring>  // std::memcpy: Emscripten 3.1.6's libc++ has no std::bit_cast
#include <map>
#include <string>
#include <tuple>

#include "core/base/ids.hpp"
#include "core/base/text.hpp"
#include "core/io/format.hpp"
#include "core/model/limits.hpp"
#include "core/model/templates.hpp"

namespace mapathy::board_codec {
namespace {

using Bytes = std::vector<std::uint8_t>;

std::uint64_t zigzag(std::uint64_t twosComplement) {
  return (twosComplement << 1) ^ (0u - (twosComplement >> 63));
}
std::uint64_t unzigzag(std::uint64_t z) { return (z >> 1) ^ (0u - (z & 1u)); }

// Exact-value references to template parts: the template in the board's language, then in the other.
template <class T>
std::vector<T> templateParts(const Board& board, std::vector<T> Board::*member) {
  std::vector<T> out;
  for (const Lang lang : {board.lang, board.lang == Lang::De ? Lang::En : Lang::De}) {
    auto t = makeBoard(board.kind, board.templateId, lang);
    if (!t.ok()) break;
    for (auto& part : (*t).*member) out.push_back(std::move(part));
  }
  return out;
}

std::vector<std::string> knownTemplateIds(BoardKind kind) {
  std::vector<std::string> ids;
  for (const auto& info : listTemplates(Lang::En))
    if (info.kind == kind) ids.push_back(info.id);
  return ids;
}

// "<site>-<base36 counter>" in canonical form (lowercase, no leading zeros) → site, counter.
bool splitId(const std::string& id, std::string& site, std::uint64_t& counter) {
  const auto dash = id.rfind('-');
  if (dash == std::string::npos || dash + 1 >= id.size() || id.size() - dash - 1 > 12) return false;
  std::uint64_t value = 0;
  if (!ids::parseBase36(std::string_view(id.data() + dash + 1, id.size() - dash - 1), value)) return false;
  site = id.substr(0, dash);
  counter = value;
  return true;
}

std::string dumpExtra(const Extra& extra) {
  return extra.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// ---------------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------------
class Writer {
 public:
  void varint(std::uint64_t v) {
    while (v >= 0x80) {
      structure_.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    structure_.push_back(static_cast<std::uint8_t>(v));
  }
  void signedInt(std::int64_t v) { varint(zigzag(static_cast<std::uint64_t>(v))); }
  void delta(std::uint64_t value, std::uint64_t base) { varint(zigzag(value - base)); }
  void floatBits(float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    for (int shift = 24; shift >= 0; shift -= 8) structure_.push_back(static_cast<std::uint8_t>(bits >> shift));
  }
  void rect(const Rect& r) {
    floatBits(r.x);
    floatBits(r.y);
    floatBits(r.w);
    floatBits(r.h);
  }
  void text(std::string_view s) {
    for (const char ch : s) {
      const auto b = static_cast<std::uint8_t>(ch);
      if (b <= 1) {
        text_.push_back(1);
        text_.push_back(static_cast<std::uint8_t>(b + 1));
      } else {
        text_.push_back(b);
      }
    }
    text_.push_back(0);
  }
  void extra(const Extra& e) {
    if (e.is_null()) {
      varint(0);
    } else {
      varint(1);
      text(dumpExtra(e));
    }
  }
  // An optional reference into `names`: 0 = empty, 1..n = index + 1, n + 1 = literal in the text.
  void ref(const std::string& value, const std::vector<std::string>& names) {
    if (value.empty()) return varint(0);
    const auto it = std::find(names.begin(), names.end(), value);
    if (it != names.end()) return varint(static_cast<std::uint64_t>(it - names.begin()) + 1);
    varint(names.size() + 1);
    text(value);
  }
  // IDs: 0 = literal; k ≥ 1 = site k-1 of the table (k-1 == table size: a new site, its name in
  // the text), followed by the counter as a delta from the site's previous counter + 1.
  void id(const std::string& value) {
    std::string site;
    std::uint64_t counter = 0;
    if (!splitId(value, site, counter)) {
      varint(0);
      text(value);
      return;
    }
    const auto it = std::find(sites_.begin(), sites_.end(), site);
    const auto index = static_cast<std::size_t>(it - sites_.begin());
    varint(index + 1);
    if (it == sites_.end()) {
      sites_.push_back(site);
      lastCounter_.push_back(0);
      text(site);
    }
    delta(counter, lastCounter_[index] + 1);
    lastCounter_[index] = counter;
  }
  Bytes finish() const {
    Writer out;
    out.varint(text_.size());
    Bytes bytes = out.structure_;
    bytes.insert(bytes.end(), text_.begin(), text_.end());
    bytes.insert(bytes.end(), structure_.begin(), structure_.end());
    return bytes;
  }

 private:
  Bytes structure_;
  Bytes text_;
  std::vector<std::string> sites_;
  std::vector<std::uint64_t> lastCounter_;
};

// ---------------------------------------------------------------------------------------------
// Reader: every read checks bounds; the first failure sticks and later reads return zeros.
// ---------------------------------------------------------------------------------------------
class Reader {
 public:
  explicit Reader(std::span<const std::uint8_t> bytes) {
    structure_ = bytes;
    const std::uint64_t textLength = varint();
    if (failed() || textLength > structure_.size() - pos_) {
      fail("data.textPartTooLong");
      return;
    }
    text_ = structure_.subspan(pos_, static_cast<std::size_t>(textLength));
    structure_ = structure_.subspan(pos_ + static_cast<std::size_t>(textLength));
    pos_ = 0;
  }

  [[nodiscard]] bool failed() const { return !problem_.code.empty(); }
  [[nodiscard]] const Error& problem() const { return problem_; }
  void fail(Error why) {
    if (problem_.code.empty()) problem_ = std::move(why);
  }
  void fail(const char* code) { fail(Error{code}); }
  [[nodiscard]] bool atEnd() const { return pos_ == structure_.size() && textPos_ == text_.size(); }
  [[nodiscard]] std::size_t bytesLeft() const { return structure_.size() - pos_; }

  std::uint64_t varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (failed() || pos_ >= structure_.size()) {
        fail("data.endsInNumber");
        return 0;
      }
      const std::uint8_t b = structure_[pos_++];
      if (shift == 63 && b > 1) break;
      v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if ((b & 0x80) == 0) return v;
    }
    fail("data.numberTooLarge");
    return 0;
  }
  std::int64_t signedInt() { return static_cast<std::int64_t>(unzigzag(varint())); }
  std::uint64_t delta(std::uint64_t base) { return base + unzigzag(varint()); }
  int smallInt() {
    const std::int64_t v = signedInt();
    if (v < -1000000000 || v > 1000000000) {
      fail("data.numberOutOfRange");
      return 0;
    }
    return static_cast<int>(v);
  }
  int enumValue(int count, const char* what) {
    const std::uint64_t v = varint();
    if (v >= static_cast<std::uint64_t>(count)) {
      fail(Error{"data.unknown", {ErrorParam::termOf(what)}});
      return 0;
    }
    return static_cast<int>(v);
  }
  // A count of items that each take at least one structure byte (or, for lists of strings, one
  // text byte), so a count can never make the reader allocate more than the data could fill.
  std::size_t count(std::size_t limit, const char* what, bool textItems = false) {
    const std::uint64_t n = varint();
    if (n > limit) {
      // Behind a correct checksum a count over the limit is what the sender's board really holds:
      // said as loadJson() says it (share_link passes "Too many …" messages on unwrapped).
      fail(Error{"limit.tooMany", {ErrorParam::termOf(what), n, limit}});
      return 0;
    }
    if (n > (textItems ? text_.size() - textPos_ : bytesLeft())) {
      fail(Error{"data.countDoesNotFit", {ErrorParam::termOf(what)}});
      return 0;
    }
    return static_cast<std::size_t>(n);
  }
  float floatBits() {
    std::uint32_t bits = 0;
    for (int i = 0; i < 4; ++i) {
      if (failed() || pos_ >= structure_.size()) {
        fail("data.endsInNumber");
        return 0;
      }
      bits = (bits << 8) | structure_[pos_++];
    }
    float value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return value;
  }
  Rect rect() {
    Rect r;
    r.x = floatBits();
    r.y = floatBits();
    r.w = floatBits();
    r.h = floatBits();
    return r;
  }
  std::string text() {
    std::string out;
    while (!failed()) {
      if (textPos_ >= text_.size()) {
        fail("data.textEnds");
        break;
      }
      const std::uint8_t b = text_[textPos_++];
      if (b == 0) break;
      if (b == 1) {
        const std::uint8_t e = textPos_ < text_.size() ? text_[textPos_++] : 0;
        if (e != 1 && e != 2) {
          fail("data.escape");
          break;
        }
        out.push_back(static_cast<char>(e - 1));
      } else {
        out.push_back(static_cast<char>(b));
      }
    }
    if (!failed() && firstInvalidUtf8(out) != std::string_view::npos) fail("data.utf8");
    return out;
  }
  Extra extra(const Limits& limits) {
    if (varint() == 0 || failed()) return nullptr;
    const std::string json = text();
    if (failed()) return nullptr;
    // Depth check before parsing, so a deeply nested value cannot hurt the parser.
    std::size_t depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size(); ++i) {
      const char c = json[i];
      if (inString) {
        if (c == '\\') ++i;
        else if (c == '"') inString = false;
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (++depth > limits.maxDepth) {
          fail("data.extraDeep");
          return nullptr;
        }
      } else if ((c == '}' || c == ']') && depth > 0) {
        --depth;
      }
    }
    Extra parsed = parseJson(json);
    if (parsed.is_discarded() || !parsed.is_object()) {
      fail("data.extraNotObject");
      return nullptr;
    }
    return parsed;
  }
  std::string ref(const std::vector<std::string>& names) {
    const std::uint64_t v = varint();
    if (v == 0 || failed()) return {};
    if (v <= names.size()) return names[static_cast<std::size_t>(v - 1)];
    if (v == names.size() + 1) {
      std::string literal = text();
      if (literal.empty()) fail("data.emptyLiteral");
      return literal;
    }
    fail("data.refNowhere");
    return {};
  }
  std::string id() {
    const std::uint64_t k = varint();
    if (failed()) return {};
    if (k == 0) return text();
    const auto index = static_cast<std::size_t>(std::min<std::uint64_t>(k - 1, sites_.size() + 1));
    if (index > sites_.size()) {
      fail("data.unknownSite");
      return {};
    }
    if (index == sites_.size()) {
      sites_.push_back(text());
      lastCounter_.push_back(0);
    }
    const std::uint64_t counter = delta(lastCounter_[index] + 1);
    lastCounter_[index] = counter;
    return sites_[index] + "-" + ids::base36(counter);
  }

 private:
  std::span<const std::uint8_t> structure_;
  std::span<const std::uint8_t> text_;
  std::size_t pos_ = 0;
  std::size_t textPos_ = 0;
  Error problem_;
  std::vector<std::string> sites_;
  std::vector<std::uint64_t> lastCounter_;
};

template <class T>
std::vector<std::string> idsOf(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

// Lanes match a template lane on their fixed parts; scores and the to-be switch are always written.
bool sameLaneShape(const Lane& a, const Lane& b) {
  return a.id == b.id && a.name == b.name && a.kind == b.kind && a.role == b.role;
}

enum NoteFlag : unsigned {
  kNoteColour = 1u << 0,
  kNoteTags = 1u << 1,
  kNoteVotes = 1u << 2,
  kNoteAuthor = 1u << 3,
  kNoteObserved = 1u << 4,
  kNoteExtra = 1u << 5,
  kNoteModified = 1u << 6,
};

using PlaceKey = std::tuple<std::string, std::string, std::string>;

// Notes of one place usually have evenly spaced orders (the editor leaves gaps between them), so
// an order is written as its difference from "previous order + previous step" of its place.
class OrderPredictor {
 public:
  [[nodiscard]] std::uint64_t expected(const PlaceKey& place) const {
    const auto it = last_.find(place);
    if (it == last_.end()) return 0;
    return it->second.order + it->second.step;
  }
  void record(const PlaceKey& place, std::int64_t order) {
    const auto value = static_cast<std::uint64_t>(order);
    auto [it, fresh] = last_.try_emplace(place, Last{value, kFirstStep});
    if (!fresh) it->second = Last{value, value - it->second.order};
  }
  // Writer side: the expectation, then remember the actual value.
  std::uint64_t next(const PlaceKey& place, std::int64_t order) {
    const std::uint64_t e = expected(place);
    record(place, order);
    return e;
  }

 private:
  static constexpr std::uint64_t kFirstStep = 1024;
  struct Last {
    std::uint64_t order;
    std::uint64_t step;
  };
  std::map<PlaceKey, Last> last_;
};

enum MergeFlag : unsigned {
  kMergeDelta = 1u << 0,
  kMergeBaseClock = 1u << 1,
  kMergeStamps = 1u << 2,
  kMergeTombstones = 1u << 3,
  kMergeBallots = 1u << 4,
  kMergeTombstoneBallots = 1u << 5,
};
constexpr std::size_t kMaxTrailerStamps = kMaxStamps;
constexpr std::size_t kMaxTrailerTombstones = kMaxTombstones;
constexpr std::size_t kMaxTrailerBallots = kMaxBallotsPerNote;

// What Board::stamps may name: sections, stages, lanes and the board's info.
std::vector<std::string> stampableIds(const Board& board) {
  std::vector<std::string> ids{"@info"};
  for (const auto& s : board.sections) ids.push_back(s.id);
  for (const auto& s : board.stages) ids.push_back(s.id);
  for (const auto& l : board.lanes) ids.push_back(l.id);
  return ids;
}

void readMergeTrailer(Reader& r, Board& board) {
  const std::uint64_t flags = r.varint();
  if (flags == 0 || flags >= (1u << 6)) return r.fail("data.unknownMergeFields");
  std::vector<std::string> voters;
  auto readBallots = [&](std::map<std::string, Ballot>& out, bool mayBeEmpty) {
    const std::size_t count = r.count(kMaxTrailerBallots, "votes");
    if (count == 0 && !mayBeEmpty) r.fail("data.votesEmpty");
    for (std::size_t b = 0; b < count && !r.failed(); ++b) {
      std::string voter = r.ref(voters);
      if (voter.empty()) r.fail("data.noVoter");
      if (std::find(voters.begin(), voters.end(), voter) == voters.end()) voters.push_back(voter);
      Ballot ballot;
      ballot.count = r.smallInt();
      ballot.clock = r.delta(board.clock);
      if (!out.emplace(std::move(voter), ballot).second) r.fail("data.voterTwice");
    }
  };
  board.isDelta = (flags & kMergeDelta) != 0;
  if (flags & kMergeBaseClock) board.baseClock = r.delta(board.clock);
  if (flags & kMergeStamps) {
    const auto places = stampableIds(board);
    const std::size_t n = r.count(kMaxTrailerStamps, "stamps");
    for (std::size_t i = 0; i < n && !r.failed(); ++i) {
      std::string id = r.ref(places);
      const std::uint64_t clock = r.delta(board.clock);
      if (!board.stamps.emplace(std::move(id), clock).second) r.fail("data.stampTwice");
    }
  }
  if (flags & kMergeTombstones) {
    const std::size_t n = r.count(kMaxTrailerTombstones, "tombstones");
    for (std::size_t i = 0; i < n && !r.failed(); ++i) {
      Tombstone t;
      t.id = r.id();
      t.clock = r.delta(board.clock);
      if (flags & kMergeTombstoneBallots) readBallots(t.ballots, true);
      board.tombstones.push_back(std::move(t));
    }
  }
  if (flags & kMergeBallots) {
    const std::size_t n = r.count(board.notes.size(), "notesWithVotes");
    std::size_t index = 0;
    for (std::size_t i = 0; i < n && !r.failed(); ++i) {
      const std::uint64_t step = r.varint();
      if (step >= board.notes.size() - index || (i > 0 && step == 0)) {
        r.fail("data.votesUnknownNote");
        break;
      }
      index += static_cast<std::size_t>(step);
      readBallots(board.notes[index].ballots, false);
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
std::vector<std::uint8_t> serialize(const Board& board) {
  Writer w;
  w.varint(board.kind == BoardKind::Journey ? 1 : 0);
  w.varint(board.lang == Lang::De ? 1 : 0);
  w.ref(board.templateId, knownTemplateIds(board.kind));
  w.text(board.id);
  w.text(board.title);
  w.text(board.appVersion);
  w.signedInt(board.createdAt);
  w.delta(static_cast<std::uint64_t>(board.modifiedAt), static_cast<std::uint64_t>(board.createdAt));
  w.varint(board.clock);
  w.extra(board.extra);

  // Persona: a mask of the fields that are set, then those fields.
  const Persona& p = board.persona;
  const std::string* personaTexts[] = {&p.name, &p.role, &p.goal, &p.quote, &p.bio, &p.initials, &p.success};
  unsigned mask = 0;
  for (unsigned i = 0; i < 7; ++i)
    if (!personaTexts[i]->empty()) mask |= 1u << i;
  if (p.colour != 0) mask |= 1u << 7;
  if (!p.extra.is_null()) mask |= 1u << 8;
  w.varint(mask);
  for (unsigned i = 0; i < 7; ++i)
    if (mask & (1u << i)) w.text(*personaTexts[i]);
  if (mask & (1u << 7)) w.signedInt(p.colour);
  if (mask & (1u << 8)) w.extra(p.extra);

  const auto templateSections = templateParts(board, &Board::sections);
  w.varint(board.sections.size());
  for (const auto& s : board.sections) {
    const auto it = std::find(templateSections.begin(), templateSections.end(), s);
    if (it != templateSections.end()) {
      w.varint(static_cast<std::uint64_t>(it - templateSections.begin()) + 1);
      continue;
    }
    w.varint(0);
    w.text(s.id);
    w.text(s.title);
    w.text(s.hint);
    w.signedInt(s.colour);
    w.rect(s.rect);
    w.extra(s.extra);
  }
  const auto templateBoard = makeBoard(board.kind, board.templateId, board.lang);
  if (templateBoard.ok() && templateBoard->personaRect == board.personaRect) {
    w.varint(0);
  } else {
    w.varint(1);
    w.rect(board.personaRect);
  }

  const auto templateStages = templateParts(board, &Board::stages);
  w.varint(board.stages.size());
  for (const auto& s : board.stages) {
    const auto it = std::find(templateStages.begin(), templateStages.end(), s);
    if (it != templateStages.end()) {
      w.varint(static_cast<std::uint64_t>(it - templateStages.begin()) + 1);
      continue;
    }
    w.varint(0);
    w.text(s.id);
    w.text(s.name);
    w.text(s.description);
    w.extra(s.extra);
  }

  const auto stageIds = idsOf(board.stages);
  const auto templateLanes = templateParts(board, &Board::lanes);
  w.varint(board.lanes.size());
  for (const auto& lane : board.lanes) {
    const auto it = std::find_if(templateLanes.begin(), templateLanes.end(),
                                 [&](const Lane& t) { return sameLaneShape(t, lane); });
    if (it != templateLanes.end()) {
      w.varint(static_cast<std::uint64_t>(it - templateLanes.begin()) + 1);
    } else {
      w.varint(0);
      w.text(lane.id);
      w.text(lane.name);
      w.varint(static_cast<std::uint64_t>(lane.kind));
      w.text(lane.role);
    }
    w.varint(lane.showToBe ? 1 : 0);
    w.varint(lane.emotions.size());
    for (const auto& [stage, score] : lane.emotions) {
      w.ref(stage, stageIds);
      w.varint(score.asIs ? zigzag(static_cast<std::uint64_t>(static_cast<std::int64_t>(*score.asIs))) + 1 : 0);
      w.varint(score.toBe ? zigzag(static_cast<std::uint64_t>(static_cast<std::int64_t>(*score.toBe))) + 1 : 0);
      w.text(score.reason);
    }
    w.varint(lane.gaps.size());
    for (const auto& [stage, gap] : lane.gaps) {
      w.ref(stage, stageIds);
      w.varint(gap.expectation ? zigzag(static_cast<std::uint64_t>(static_cast<std::int64_t>(*gap.expectation))) + 1 : 0);
      w.varint(gap.experience ? zigzag(static_cast<std::uint64_t>(static_cast<std::int64_t>(*gap.experience))) + 1 : 0);
    }
    w.extra(lane.extra);
  }

  const auto sectionIds = idsOf(board.sections);
  const auto laneIds = idsOf(board.lanes);
  OrderPredictor orders;
  std::uint64_t lastCreated = 0;
  w.varint(board.notes.size());
  for (const auto& n : board.notes) {
    unsigned flags = 0;
    if (n.colour != 0) flags |= kNoteColour;
    if (!n.tags.empty()) flags |= kNoteTags;
    if (n.votes != 0) flags |= kNoteVotes;
    if (!n.author.empty()) flags |= kNoteAuthor;
    if (n.evidence == Evidence::Observed) flags |= kNoteObserved;
    if (!n.extra.is_null()) flags |= kNoteExtra;
    if (n.modified != n.created) flags |= kNoteModified;
    w.varint(flags);
    w.id(n.id);
    w.text(n.text);
    w.ref(n.section, sectionIds);
    w.ref(n.stage, stageIds);
    w.ref(n.lane, laneIds);
    w.delta(static_cast<std::uint64_t>(n.order), orders.next(PlaceKey{n.section, n.stage, n.lane}, n.order));
    w.delta(n.created, lastCreated + 1);
    lastCreated = n.created;
    if (flags & kNoteModified) w.delta(n.modified, n.created);
    if (flags & kNoteColour) w.signedInt(n.colour);
    if (flags & kNoteTags) {
      w.varint(n.tags.size());
      for (const auto& t : n.tags) w.text(t);
    }
    if (flags & kNoteVotes) w.signedInt(n.votes);
    if (flags & kNoteAuthor) w.text(n.author);
    if (flags & kNoteExtra) w.extra(n.extra);
  }

  const auto noteIds = idsOf(board.notes);
  std::uint64_t lastActionCreated = 0;
  w.varint(board.actions.size());
  for (const auto& a : board.actions) {
    w.id(a.id);
    w.text(a.text);
    w.text(a.owner);
    w.varint(static_cast<std::uint64_t>(a.status));
    w.varint(a.notes.size());
    for (const auto& linked : a.notes) w.ref(linked, noteIds);
    w.delta(a.created, lastActionCreated + 1);
    lastActionCreated = a.created;
    w.delta(a.modified, a.created);
    w.extra(a.extra);
  }

  // Merge bookkeeping (core/merge.hpp) as an optional trailer: boards without it encode exactly as
  // before, and links made before it existed still decode. Clocks are written relative to the
  // board's clock (they are close to it).
  std::vector<std::size_t> votedNotes;
  for (std::size_t i = 0; i < board.notes.size(); ++i)
    if (!board.notes[i].ballots.empty()) votedNotes.push_back(i);
  unsigned mergeFlags = 0;
  if (board.isDelta) mergeFlags |= kMergeDelta;
  if (board.baseClock != 0) mergeFlags |= kMergeBaseClock;
  if (!board.stamps.empty()) mergeFlags |= kMergeStamps;
  if (!board.tombstones.empty()) mergeFlags |= kMergeTombstones;
  if (!votedNotes.empty()) mergeFlags |= kMergeBallots;
  if (std::any_of(board.tombstones.begin(), board.tombstones.end(), [](const Tombstone& t) { return !t.ballots.empty(); }))
    mergeFlags |= kMergeTombstoneBallots;
  std::vector<std::string> voters;
  auto writeBallots = [&](const std::map<std::string, Ballot>& ballots) {
    w.varint(ballots.size());
    for (const auto& [voter, ballot] : ballots) {
      const bool known = std::find(voters.begin(), voters.end(), voter) != voters.end();
      w.ref(voter, voters);
      if (!known) voters.push_back(voter);
      w.signedInt(ballot.count);
      w.delta(ballot.clock, board.clock);
    }
  };
  if (mergeFlags != 0) {
    w.varint(mergeFlags);
    if (mergeFlags & kMergeBaseClock) w.delta(board.baseClock, board.clock);
    if (mergeFlags & kMergeStamps) {
      const auto places = stampableIds(board);
      w.varint(board.stamps.size());
      for (const auto& [id, clock] : board.stamps) {
        w.ref(id, places);
        w.delta(clock, board.clock);
      }
    }
    if (mergeFlags & kMergeTombstones) {
      w.varint(board.tombstones.size());
      for (const auto& t : board.tombstones) {
        w.id(t.id);
        w.delta(t.clock, board.clock);
        if (mergeFlags & kMergeTombstoneBallots) writeBallots(t.ballots);
      }
    }
    if (mergeFlags & kMergeBallots) {
      w.varint(votedNotes.size());
      std::size_t previous = 0;
      for (const std::size_t i : votedNotes) {
        w.varint(i - previous);  // ascending note indices
        previous = i;
        writeBallots(board.notes[i].ballots);
      }
    }
  }
  return w.finish();
}

// ---------------------------------------------------------------------------------------------
Result<Board> deserialize(std::span<const std::uint8_t> bytes, const Limits& limits) {
  Reader r(bytes);
  Board board;
  board.kind = r.enumValue(2, "boardKind") == 1 ? BoardKind::Journey : BoardKind::EmpathyMap;
  board.lang = r.enumValue(2, "language") == 1 ? Lang::De : Lang::En;
  board.templateId = r.ref(knownTemplateIds(board.kind));
  board.id = r.text();
  board.title = r.text();
  board.appVersion = r.text();
  board.createdAt = r.signedInt();
  board.modifiedAt = static_cast<std::int64_t>(r.delta(static_cast<std::uint64_t>(board.createdAt)));
  board.clock = r.varint();
  board.extra = r.extra(limits);

  Persona& p = board.persona;
  std::string* personaTexts[] = {&p.name, &p.role, &p.goal, &p.quote, &p.bio, &p.initials, &p.success};
  const std::uint64_t mask = r.varint();
  if (mask >= (1u << 9)) r.fail("data.unknownPersonaFields");
  for (unsigned i = 0; i < 7; ++i)
    if (mask & (1u << i)) *personaTexts[i] = r.text();
  if (mask & (1u << 7)) p.colour = r.smallInt();
  if (mask & (1u << 8)) p.extra = r.extra(limits);
  if (r.failed()) return r.problem();

  const auto templateSections = templateParts(board, &Board::sections);
  const std::size_t sectionCount = r.count(limits.maxSections, "sections");
  for (std::size_t i = 0; i < sectionCount && !r.failed(); ++i) {
    const std::uint64_t k = r.varint();
    if (k > 0) {
      if (k > templateSections.size()) r.fail("data.unknownTemplateSection");
      else board.sections.push_back(templateSections[static_cast<std::size_t>(k - 1)]);
      continue;
    }
    Section s;
    s.id = r.text();
    s.title = r.text();
    s.hint = r.text();
    s.colour = r.smallInt();
    s.rect = r.rect();
    s.extra = r.extra(limits);
    board.sections.push_back(std::move(s));
  }
  if (r.varint() == 0) {
    const auto templateBoard = makeBoard(board.kind, board.templateId, board.lang);
    if (templateBoard.ok()) board.personaRect = templateBoard->personaRect;
    else r.fail("data.unknownTemplate");
  } else {
    board.personaRect = r.rect();
  }

  const auto templateStages = templateParts(board, &Board::stages);
  const std::size_t stageCount = r.count(limits.maxStages, "stages");
  for (std::size_t i = 0; i < stageCount && !r.failed(); ++i) {
    const std::uint64_t k = r.varint();
    if (k > 0) {
      if (k > templateStages.size()) r.fail("data.unknownTemplateStage");
      else board.stages.push_back(templateStages[static_cast<std::size_t>(k - 1)]);
      continue;
    }
    Stage s;
    s.id = r.text();
    s.name = r.text();
    s.description = r.text();
    s.extra = r.extra(limits);
    board.stages.push_back(std::move(s));
  }

  const auto stageIds = idsOf(board.stages);
  const auto templateLanes = templateParts(board, &Board::lanes);
  const std::size_t laneCount = r.count(limits.maxLanes, "lanes");
  auto optionalScore = [&r]() -> std::optional<int> {
    const std::uint64_t v = r.varint();
    if (v == 0) return std::nullopt;
    const auto s = static_cast<std::int64_t>(unzigzag(v - 1));
    if (s < -1000000 || s > 1000000) {
      r.fail("data.scoreOutOfRange");
      return std::nullopt;
    }
    return static_cast<int>(s);
  };
  for (std::size_t i = 0; i < laneCount && !r.failed(); ++i) {
    Lane lane;
    const std::uint64_t k = r.varint();
    if (k > 0) {
      if (k > templateLanes.size()) {
        r.fail("data.unknownTemplateLane");
        break;
      }
      lane = templateLanes[static_cast<std::size_t>(k - 1)];
    } else {
      lane.id = r.text();
      lane.name = r.text();
      lane.kind = static_cast<LaneKind>(r.enumValue(3, "laneKind"));
      lane.role = r.text();
    }
    lane.showToBe = r.enumValue(2, "toBeSwitch") == 1;
    const std::size_t emotionCount = r.count(limits.maxStages, "emotionScores");
    for (std::size_t e = 0; e < emotionCount && !r.failed(); ++e) {
      const std::string stage = r.ref(stageIds);
      EmotionScore score;
      score.asIs = optionalScore();
      score.toBe = optionalScore();
      score.reason = r.text();
      if (!lane.emotions.emplace(stage, std::move(score)).second) r.fail("data.twoEmotionScores");
    }
    const std::size_t gapCount = r.count(limits.maxStages, "expectationScores");
    for (std::size_t g = 0; g < gapCount && !r.failed(); ++g) {
      const std::string stage = r.ref(stageIds);
      GapScore gap;
      gap.expectation = optionalScore();
      gap.experience = optionalScore();
      if (!lane.gaps.emplace(stage, gap).second) r.fail("data.twoExpectationScores");
    }
    lane.extra = r.extra(limits);
    board.lanes.push_back(std::move(lane));
  }
  if (r.failed()) return r.problem();

  const auto sectionIds = idsOf(board.sections);
  const auto laneIds = idsOf(board.lanes);
  OrderPredictor orders;
  std::uint64_t lastCreated = 0;
  const std::size_t noteCount = r.count(limits.maxNotes, "notes");
  board.notes.reserve(noteCount);
  for (std::size_t i = 0; i < noteCount && !r.failed(); ++i) {
    Note n;
    const std::uint64_t flags = r.varint();
    if (flags >= (1u << 7)) r.fail("data.unknownNoteFields");
    n.id = r.id();
    n.text = r.text();
    n.section = r.ref(sectionIds);
    n.stage = r.ref(stageIds);
    n.lane = r.ref(laneIds);
    const PlaceKey place{n.section, n.stage, n.lane};
    const std::uint64_t expected = orders.expected(place);
    n.order = static_cast<std::int64_t>(r.delta(expected));
    orders.record(place, n.order);
    n.created = r.delta(lastCreated + 1);
    lastCreated = n.created;
    n.modified = (flags & kNoteModified) ? r.delta(n.created) : n.created;
    if (flags & kNoteColour) n.colour = r.smallInt();
    if (flags & kNoteTags) {
      const std::size_t tagCount = r.count(limits.maxTags, "tagsOnANote", true);
      for (std::size_t t = 0; t < tagCount && !r.failed(); ++t) n.tags.push_back(r.text());
      if (tagCount == 0) r.fail("data.tagsEmpty");
    }
    if (flags & kNoteVotes) n.votes = r.smallInt();
    if (flags & kNoteAuthor) n.author = r.text();
    if (flags & kNoteObserved) n.evidence = Evidence::Observed;
    if (flags & kNoteExtra) n.extra = r.extra(limits);
    board.notes.push_back(std::move(n));
  }
  if (r.failed()) return r.problem();

  const auto noteIds = idsOf(board.notes);
  std::uint64_t lastActionCreated = 0;
  const std::size_t actionCount = r.count(limits.maxActions, "actions");
  for (std::size_t i = 0; i < actionCount && !r.failed(); ++i) {
    Action a;
    a.id = r.id();
    a.text = r.text();
    a.owner = r.text();
    a.status = static_cast<ActionStatus>(r.enumValue(3, "actionStatus"));
    const std::size_t linked = r.count(limits.maxNotes, "linkedNotes");
    for (std::size_t l = 0; l < linked && !r.failed(); ++l) a.notes.push_back(r.ref(noteIds));
    a.created = r.delta(lastActionCreated + 1);
    lastActionCreated = a.created;
    a.modified = r.delta(a.created);
    a.extra = r.extra(limits);
    board.actions.push_back(std::move(a));
  }
  if (r.failed()) return r.problem();
  if (!r.atEnd()) readMergeTrailer(r, board);
  if (r.failed()) return r.problem();
  if (!r.atEnd()) return Error{"data.trailing"};
  return board;
}

}  // namespace mapathy::board_codec
