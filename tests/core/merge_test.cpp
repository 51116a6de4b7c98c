// Tests of merging and contributions: the rules one by one (last writer wins, tie-break,
// tombstones, conflicts, votes per voter, dangling references), then properties over random
// boards and random edit sequences on several replicas — merge is commutative, associative and
// idempotent, applying contributions in any order gives the same board, results stay valid — and
// the size promise of workshops (five short notes fit a 400-character link).
#include "core/edit/merge.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "core/base/ids.hpp"
#include "core/io/format.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "random_board.hpp"
#include "sample_boards.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

// ---- a replica that edits like the editor does ------------------------------------------------

using ids::base36;

void addTombstone(Board& b, const std::string& id, std::uint64_t clock) {
  auto it = std::lower_bound(b.tombstones.begin(), b.tombstones.end(), id,
                             [](const Tombstone& t, const std::string& key) { return t.id < key; });
  if (it != b.tombstones.end() && it->id == id) {
    it->clock = std::max(it->clock, clock);
  } else {
    Tombstone t;
    t.id = id;
    t.clock = clock;
    b.tombstones.insert(it, t);
  }
}

// `bookkeeping` = the editor records tombstones, ballots and stamps itself (what merge.hpp asks of
// the Document); without it, it edits like an editor that knows nothing of merging (votes as a plain
// number, deletions forgotten, sections unstamped) and makeDelta has to infer the changes.
struct Replica {
  Replica(Board b, std::string siteId, bool keepsBooks = true)
      : board(std::move(b)), site(std::move(siteId)), bookkeeping(keepsBooks) {}
  Board board;
  std::string site;
  bool bookkeeping = true;
  std::uint64_t counter = 0;

  std::string newId() { return site + "-" + base36(++counter); }

  void sync(const Board& other) {
    Result<MergeResult> m = merge(board, other);
    ASSERT_TRUE(m.ok()) << english(m.error());
    board = m->board;
  }

  void randomEdit(std::mt19937_64& rng) {
    using namespace random_board_detail;
    Board& b = board;
    const std::uint64_t clock = ++b.clock;
    const int op = between(rng, 0, 11);
    Note* note = b.notes.empty() ? nullptr : &b.notes[pick(rng, b.notes.size())];
    switch (op) {
      case 0:
      case 1: {  // add a note somewhere
        Note n;
        n.id = newId();
        n.text = words(rng, 1, 6);
        n.colour = between(rng, 0, kPaletteSize - 1);
        n.created = n.modified = clock;
        if (b.kind == BoardKind::EmpathyMap) {
          n.section = b.sections[pick(rng, b.sections.size())].id;
        } else {
          n.stage = b.stages[pick(rng, b.stages.size())].id;
          std::vector<std::string> text;
          for (const auto& l : b.lanes) {
            if (l.kind == LaneKind::Text) text.push_back(l.id);
          }
          n.lane = text[pick(rng, text.size())];
        }
        n.order = between(rng, -5000, 50000);
        b.notes.push_back(n);
        break;
      }
      case 2:
      case 3:  // edit a note's text
        if (note != nullptr) {
          note->text = words(rng, 1, 6);
          note->modified = clock;
        }
        break;
      case 4:  // move it
        if (note != nullptr) {
          note->order = between(rng, -5000, 50000);
          note->colour = between(rng, 0, kPaletteSize - 1);
          note->modified = clock;
        }
        break;
      case 5:  // delete it (the editor also unlinks it from actions)
        if (note != nullptr) {
          const std::string id = note->id;
          std::erase_if(b.notes, [&](const Note& n) { return n.id == id; });
          for (auto& a : b.actions) {
            if (std::erase(a.notes, id) > 0) a.modified = clock;
          }
          if (bookkeeping) addTombstone(b, id, clock);
        }
        break;
      case 6:
      case 7:  // dots
        if (note != nullptr) {
          const int count = between(rng, 0, 3);
          if (bookkeeping) {
            setBallot(*note, site, count, clock);
          } else {
            note->votes = std::max(0, note->votes + count - 1);
          }
        }
        break;
      case 8:  // board info
        if (chance(rng, 0.5)) {
          b.title = words(rng, 1, 4);
        } else {
          b.persona.quote = words(rng, 1, 6);
        }
        if (bookkeeping) b.stamps["@info"] = clock;
        break;
      case 9:  // rename a section or stage
        if (b.kind == BoardKind::EmpathyMap) {
          Section& s = b.sections[pick(rng, b.sections.size())];
          s.title = words(rng, 1, 2);
          if (bookkeeping) b.stamps[s.id] = clock;
        } else {
          Stage& s = b.stages[pick(rng, b.stages.size())];
          s.name = words(rng, 1, 2);
          if (bookkeeping) b.stamps[s.id] = clock;
        }
        break;
      case 10:  // add or edit an action
        if (b.actions.empty() || chance(rng, 0.5)) {
          Action a;
          a.id = newId();
          a.text = words(rng, 1, 6);
          if (note != nullptr) a.notes.push_back(note->id);
          a.created = a.modified = clock;
          b.actions.push_back(a);
        } else {
          Action& a = b.actions[pick(rng, b.actions.size())];
          a.status = static_cast<ActionStatus>(between(rng, 0, 2));
          a.modified = clock;
        }
        break;
      default:  // delete an action
        if (!b.actions.empty()) {
          const std::size_t i = pick(rng, b.actions.size());
          const std::string id = b.actions[i].id;
          b.actions.erase(b.actions.begin() + static_cast<std::ptrdiff_t>(i));
          if (bookkeeping) addTombstone(b, id, clock);
        }
        break;
    }
  }

  void edits(std::mt19937_64& rng, int count) {
    for (int i = 0; i < count; ++i) randomEdit(rng);
  }
};

// A readable difference between two boards for failure messages (a JSON patch from a to b).
std::string diff(const Board& a, const Board& b) {
  std::string patch = nlohmann::json::diff(toJsonValue(a), toJsonValue(b)).dump();
  return patch.size() > 1500 ? patch.substr(0, 1500) + "…" : patch;
}

Board merged(const Board& a, const Board& b) {
  Result<MergeResult> m = merge(a, b);
  EXPECT_TRUE(m.ok()) << english(m.error());
  return m.ok() ? m->board : Board{};
}

Board empathyBase() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.id = "b-test";
  b.title = "Umzug melden";
  b.clock = 10;
  Note n;
  n.id = "f-1";
  n.text = "Wartet lange in der Hotline";
  n.section = "says";
  n.created = n.modified = 5;
  b.notes.push_back(n);
  n.id = "f-2";
  n.text = "Will nicht dreimal anrufen";
  n.section = "thinks";
  n.created = n.modified = 6;
  b.notes.push_back(n);
  return b;
}

// ---- the rules ----------------------------------------------------------------------------------

TEST(Merge, AdditionsAreUnioned) {
  Board a = empathyBase();
  Board b = empathyBase();
  Note n = a.notes[0];
  n.id = "pa-1";
  n.text = "Neue Karte A";
  n.created = n.modified = 11;
  a.notes.push_back(n);
  a.clock = 11;
  n.id = "pb-1";
  n.text = "Neue Karte B";
  b.notes.push_back(n);
  b.clock = 11;
  Result<MergeResult> m = merge(a, b);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->board.notes.size(), 4u);
  EXPECT_NE(findNote(m->board, "pa-1"), nullptr);
  EXPECT_NE(findNote(m->board, "pb-1"), nullptr);
  EXPECT_EQ(m->summary.addedNotes, std::vector<std::string>{"pb-1"});
  EXPECT_TRUE(m->conflicts.empty());
  EXPECT_EQ(m->board.clock, 11u);
}

TEST(Merge, LastWriterWinsAndTiesAreBrokenByContentNotBySide) {
  Board a = empathyBase();
  Board b = empathyBase();
  findNote(a, "f-1")->text = "älter";
  findNote(a, "f-1")->modified = 11;
  findNote(b, "f-1")->text = "neuer";
  findNote(b, "f-1")->modified = 12;
  a.clock = 11;
  b.clock = 12;
  EXPECT_EQ(findNote(merged(a, b), "f-1")->text, "neuer");
  EXPECT_EQ(findNote(merged(b, a), "f-1")->text, "neuer");
  findNote(b, "f-1")->modified = 11;  // same clock: the fixed content order decides, either way round
  EXPECT_EQ(findNote(merged(a, b), "f-1")->text, findNote(merged(b, a), "f-1")->text);
}

TEST(Merge, ConcurrentEditsAreListedWithBothTexts) {
  Board base = empathyBase();
  Board a = base;
  Board b = base;
  findNote(a, "f-1")->text = "Facilitator-Text";
  findNote(a, "f-1")->modified = 11;
  a.clock = 11;
  findNote(b, "f-1")->text = "Teilnehmer-Text";
  findNote(b, "f-1")->modified = 12;
  b.clock = 12;
  // Not a conflict: only one side changed f-2.
  findNote(b, "f-2")->text = "Nur hier geändert";
  findNote(b, "f-2")->modified = 12;
  Result<MergeResult> m = merge(a, b);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->conflicts.size(), 1u);
  const Conflict& c = m->conflicts[0];
  EXPECT_EQ(c.id, "f-1");
  EXPECT_EQ(c.kind, Conflict::Kind::BothEdited);
  EXPECT_EQ(c.baseText, "Facilitator-Text");
  EXPECT_EQ(c.incomingText, "Teilnehmer-Text");
  EXPECT_TRUE(c.incomingWon);
  EXPECT_EQ(findNote(m->board, "f-1")->text, "Teilnehmer-Text");
  EXPECT_EQ(findNote(m->board, "f-2")->text, "Nur hier geändert");
  EXPECT_EQ(m->summary.changedNotes, (std::vector<std::string>{"f-1", "f-2"}));
}

TEST(Merge, TombstonesKeepDeletedNotesDeletedUnlessEditedLater) {
  Board base = empathyBase();
  Board a = base;
  std::erase_if(a.notes, [](const Note& n) { return n.id == "f-1"; });
  addTombstone(a, "f-1", 12);
  a.clock = 12;
  Board b = base;  // still has f-1 at clock 5
  Result<MergeResult> m = merge(b, a);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(findNote(m->board, "f-1"), nullptr) << "an older version does not bring it back";
  EXPECT_EQ(m->summary.removedNotes, std::vector<std::string>{"f-1"});
  EXPECT_EQ(merged(m->board, b), m->board) << "merging the old copy again changes nothing";
  ASSERT_EQ(m->board.tombstones.size(), 1u);

  findNote(b, "f-1")->text = "später bearbeitet";
  findNote(b, "f-1")->modified = 13;  // edited after the deletion
  b.clock = 13;
  Result<MergeResult> m2 = merge(a, b);
  ASSERT_TRUE(m2.ok());
  ASSERT_NE(findNote(m2->board, "f-1"), nullptr);
  EXPECT_EQ(findNote(m2->board, "f-1")->text, "später bearbeitet");
  ASSERT_EQ(m2->conflicts.size(), 1u);
  EXPECT_EQ(m2->conflicts[0].kind, Conflict::Kind::EditedAndDeleted);
  EXPECT_TRUE(m2->conflicts[0].incomingWon);
}

TEST(Merge, VotesAreMergedPerVoter) {
  Board base = empathyBase();
  Board a = base;
  Board b = base;
  setBallot(*findNote(a, "f-1"), "anna", 2, 11);
  setBallot(*findNote(b, "f-1"), "ben", 1, 11);
  findNote(b, "f-1")->votes += 3;  // three unsigned dots from an older app
  Board m = merged(a, b);
  // Both voters counted; the unsigned dots come with the winning version's content.
  const Note* n = findNote(m, "f-1");
  EXPECT_EQ(n->ballots.size(), 2u);
  EXPECT_EQ(n->votes, 3 + unsignedVotes(*n));
  EXPECT_EQ(merged(m, a), m) << "the same ballot twice counts once";
  setBallot(*findNote(a, "f-1"), "anna", 3, 12);  // anna changes her mind: replaces, not adds
  EXPECT_EQ(findNote(merged(m, a), "f-1")->ballots.at("anna").count, 3);
  // Anna withdraws her dots: a zero ballot, kept so that merging an older copy (m still holds her
  // 2 dots) cannot bring them back.
  setBallot(*findNote(a, "f-1"), "anna", 0, 13);
  EXPECT_EQ(findNote(a, "f-1")->ballots.at("anna").count, 0);
  const Board afterWithdrawal = merged(m, a);
  const Note* withdrawn = findNote(afterWithdrawal, "f-1");
  EXPECT_EQ(withdrawn->ballots.at("anna").count, 0);
  EXPECT_EQ(withdrawn->votes, 1 + unsignedVotes(*withdrawn)) << "only ben's dot is signed now";
}

TEST(Merge, DifferentKindsAreRefused) {
  Board e = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  Board j;
  j.kind = BoardKind::Journey;
  Result<MergeResult> m = merge(e, j);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(english(m.error()), "Cannot merge an empathy map with a journey board.");
}

TEST(Merge, NotesOfADeletedSectionMoveToTheFirstSection) {
  Board a = empathyBase();
  Section custom;
  custom.id = "s-x";
  custom.title = "Eigene";
  custom.rect = Rect{0, 4, 2, 1};
  a.sections.push_back(custom);
  Board b = a;
  // a deletes the section, b adds a note to it
  a.sections.pop_back();
  addTombstone(a, "s-x", 11);
  a.clock = 11;
  Note n;
  n.id = "pb-1";
  n.text = "In der eigenen Sektion";
  n.section = "s-x";
  n.created = n.modified = 11;
  b.notes.push_back(n);
  b.clock = 11;
  Board m = merged(a, b);
  ASSERT_NE(findNote(m, "pb-1"), nullptr);
  EXPECT_EQ(findNote(m, "pb-1")->section, m.sections.front().id);
  EXPECT_TRUE(validate(m).ok()) << english(validate(m).error());
}

// ---- contributions ------------------------------------------------------------------------------

TEST(Delta, CarriesOnlyWhatChanged) {
  Board base = samples::typicalGermanEmpathyMap();
  base.clock = 100;
  Board changed = base;
  Note n = changed.notes[0];
  n.id = "pa-1";
  n.text = "Neu";
  n.created = n.modified = 101;
  changed.notes.push_back(n);
  changed.notes[3].text = "Geändert";
  changed.notes[3].modified = 102;
  changed.notes[5].votes += 2;  // two dots
  const std::string deleted = changed.notes[7].id;
  changed.notes.erase(changed.notes.begin() + 7);
  changed.clock = 103;

  Board d = makeDelta(base, changed, "anna");
  EXPECT_TRUE(d.isDelta);
  EXPECT_EQ(d.id, base.id);
  EXPECT_EQ(d.baseClock, 100u);
  ASSERT_EQ(d.notes.size(), 3u) << "new, edited, and a stub for the votes";
  const Note* stub = findNote(d, base.notes[5].id);
  ASSERT_NE(stub, nullptr);
  EXPECT_EQ(stub->text, "") << "a vote-only change does not carry the text";
  EXPECT_EQ(stub->ballots.at("anna").count, 2);
  ASSERT_EQ(d.tombstones.size(), 1u);
  EXPECT_EQ(d.tombstones[0].id, deleted);
  EXPECT_EQ(d.tombstones[0].clock, 103u);
  EXPECT_EQ(d.title, "") << "unchanged info is not carried";
  EXPECT_TRUE(validate(d).ok()) << english(validate(d).error());

  Result<MergeResult> applied = merge(base, d);
  ASSERT_TRUE(applied.ok());
  Board expect = changed;
  EXPECT_EQ(applied->board.notes.size(), expect.notes.size());
  EXPECT_EQ(applied->board.title, base.title);
  EXPECT_EQ(findNote(applied->board, base.notes[5].id)->text, base.notes[5].text);
  EXPECT_EQ(findNote(applied->board, base.notes[5].id)->votes, base.notes[5].votes + 2);
  EXPECT_EQ(findNote(applied->board, base.notes[3].id)->text, "Geändert");
  EXPECT_EQ(findNote(applied->board, deleted), nullptr);
  EXPECT_EQ(applied->summary.addedNotes, std::vector<std::string>{"pa-1"});
  EXPECT_EQ(applied->summary.votesAdded, 2);
  EXPECT_TRUE(applied->conflicts.empty());
  EXPECT_EQ(merged(applied->board, d), applied->board) << "applying the same contribution twice";
}

TEST(Delta, TwoParticipantsVotesAddUp) {
  Board base = empathyBase();
  Board p1 = base;
  Board p2 = base;
  findNote(p1, "f-1")->votes = 2;
  p1.clock = 11;
  findNote(p2, "f-1")->votes = 1;
  p2.clock = 11;
  Board d1 = makeDelta(base, p1, "anna");
  Board d2 = makeDelta(base, p2, "ben");
  Board f = merged(merged(base, d1), d2);
  EXPECT_EQ(findNote(f, "f-1")->votes, 3);
  EXPECT_EQ(f, merged(merged(base, d2), d1));
  // Anna adds a third dot on her copy and sends again: her ballot is replaced, not added.
  findNote(p1, "f-1")->votes = 3;
  p1.clock = 12;
  EXPECT_EQ(findNote(merged(f, makeDelta(base, p1, "anna")), "f-1")->votes, 4);
}

TEST(Delta, FacilitatorEditsAfterTheForkAreNotOverwrittenByCarriedData) {
  Board base = empathyBase();
  Board f = base;
  f.title = "Neuer Titel vom Facilitator";  // the editor does not stamp: stamps stay 0
  f.sections[0].title = "Sagt (neu)";
  findNote(f, "f-1")->votes = 5;
  f.clock = 12;
  Board p = base;
  findNote(p, "f-1")->votes = 1;
  Note n = p.notes[0];
  n.id = "pa-1";
  n.created = n.modified = 11;
  p.notes.push_back(n);
  p.clock = 11;
  Board m = merged(f, makeDelta(base, p, "anna"));
  EXPECT_EQ(m.title, f.title);
  EXPECT_EQ(m.sections[0].title, "Sagt (neu)");
  EXPECT_EQ(findNote(m, "f-1")->votes, 6) << "the facilitator's 5 plus anna's 1";
  EXPECT_EQ(findNote(m, "f-1")->text, base.notes[0].text);
}

TEST(Delta, FiveShortNotesFitA400CharacterLink) {
  const std::string baseUrl = "https://workshop.example.org/mapathy/app";
  ASSERT_EQ(baseUrl.size(), 40u);
  Board base = samples::typicalGermanEmpathyMap();
  Board changed = base;
  const std::vector<std::string> texts = {"Wartezeit zu lang", "Will Rückruf", "Kennt Tarif nicht", "Ärger über Brief",
                                          "Sucht Kundennummer"};
  const std::vector<std::string> sections = {"says", "thinks", "does", "feels", "says"};
  std::int64_t order = 100000;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    Note n;
    n.id = "q7k2-" + base36(i + 1);
    n.text = texts[i];
    n.section = sections[i];
    n.created = n.modified = ++changed.clock;
    n.order = (order += 1024);
    changed.notes.push_back(n);
  }
  Board d = makeDelta(base, changed);
  const std::string link = encodeLink(d, baseUrl);
  std::cout << "[ delta ] five short notes: " << link.size() << " characters (full link, 40-char base URL)\n";
  EXPECT_LE(link.size(), 400u) << link;
  Result<Board> back = decodeLink(link);
  ASSERT_TRUE(back.ok()) << english(back.error());
  EXPECT_EQ(*back, d) << "the link must carry isDelta, baseClock, stamps, tombstones and ballots";
  Board m = merged(base, *back);
  EXPECT_EQ(m.notes.size(), base.notes.size() + 5);
  EXPECT_EQ(m.title, base.title);
}

TEST(Delta, JsonCarriesTheMergeFields) {
  Board base = empathyBase();
  Board changed = base;
  findNote(changed, "f-1")->votes = 2;
  changed.notes.pop_back();
  changed.title = "Neu";
  changed.clock = 12;
  Board d = makeDelta(base, changed, "anna");
  Result<Board> back = loadJson(saveJson(d));
  ASSERT_TRUE(back.ok()) << english(back.error());
  EXPECT_EQ(*back, d);
}

// ---- properties over random boards and edit sequences -------------------------------------------

TEST(MergeProperties, CommutativeAssociativeIdempotentOnRandomReplicas) {
  std::mt19937_64 rng(20261123);
  for (int round = 0; round < 60; ++round) {
    const BoardKind kind = round % 2 == 0 ? BoardKind::EmpathyMap : BoardKind::Journey;
    const Board base = randomBoard(rng, kind, static_cast<int>(rng() % 15));
    Replica a{base, "pa"};
    Replica b{base, "pb"};
    Replica c{base, "pc"};
    a.edits(rng, static_cast<int>(rng() % 12));
    b.edits(rng, static_cast<int>(rng() % 12));
    if (round % 3 == 0) b.sync(a.board);  // some replicas saw each other before diverging again
    c.edits(rng, static_cast<int>(rng() % 12));
    b.edits(rng, static_cast<int>(rng() % 6));
    if (round % 4 == 1) c.sync(b.board);
    c.edits(rng, static_cast<int>(rng() % 6));
    const Board& A = a.board;
    const Board& B = b.board;
    const Board& C = c.board;

    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_EQ(merged(A, A), A) << "idempotent " << diff(merged(A, A), A);
    EXPECT_EQ(merged(B, B), B) << "idempotent " << diff(merged(B, B), B);
    const Board ab = merged(A, B);
    EXPECT_EQ(ab, merged(B, A)) << "commutative " << diff(ab, merged(B, A));
    EXPECT_EQ(merged(ab, B), ab) << "absorbing what it already holds " << diff(merged(ab, B), ab);
    EXPECT_EQ(merged(ab, A), ab) << diff(merged(ab, A), ab);
    EXPECT_EQ(merged(ab, C), merged(A, merged(B, C))) << "associative " << diff(merged(ab, C), merged(A, merged(B, C)));
    EXPECT_EQ(merged(merged(A, C), B), merged(ab, C)) << "any order " << diff(merged(merged(A, C), B), merged(ab, C));
    Result<bool> valid = validate(ab);
    EXPECT_TRUE(valid.ok()) << english(valid.error());
    Result<MergeResult> withConflicts = merge(A, B);
    Result<MergeResult> reversed = merge(B, A);
    EXPECT_EQ(withConflicts->conflicts.size(), reversed->conflicts.size()) << "the same conflicts either way round";
  }
}

TEST(MergeProperties, ContributionsApplyInAnyOrderAndCombine) {
  std::mt19937_64 rng(4711);
  for (int round = 0; round < 60; ++round) {
    const BoardKind kind = round % 2 == 0 ? BoardKind::EmpathyMap : BoardKind::Journey;
    Board base = randomBoard(rng, kind, 1 + static_cast<int>(rng() % 15));
    Replica facilitator{base, "fa", round % 2 == 0};
    Replica p1{base, "p1", round % 3 != 0};  // participants with and without a merge-aware editor
    Replica p2{base, "p2", round % 3 != 1};
    facilitator.edits(rng, static_cast<int>(rng() % 8));
    p1.edits(rng, 1 + static_cast<int>(rng() % 10));
    p2.edits(rng, 1 + static_cast<int>(rng() % 10));
    const Board d1 = makeDelta(base, p1.board, "v1");
    const Board d2 = makeDelta(base, p2.board, "v2");
    const Board& f = facilitator.board;

    SCOPED_TRACE("round " + std::to_string(round));
    for (const Board* d : {&d1, &d2}) {
      Result<bool> valid = validate(*d);
      EXPECT_TRUE(valid.ok()) << "a contribution is a valid board: " << english(valid.error());
    }
    const Board f12 = merged(merged(f, d1), d2);
    EXPECT_EQ(f12, merged(merged(f, d2), d1)) << "contributions in any order " << diff(f12, merged(merged(f, d2), d1));
    EXPECT_EQ(merged(f12, d1), f12) << "a contribution applied twice " << diff(merged(f12, d1), f12);
    EXPECT_EQ(merged(f, merged(d1, d2)), f12) << "contributions combined first " << diff(merged(f, merged(d1, d2)), f12);
    Result<bool> valid = validate(f12);
    EXPECT_TRUE(valid.ok()) << english(valid.error());

    // Applied to the untouched base, a contribution reproduces the participant's notes.
    const Board applied = merged(base, d1);
    ASSERT_EQ(applied.notes.size(), p1.board.notes.size());
    for (const auto& n : p1.board.notes) {
      const Note* got = findNote(applied, n.id);
      ASSERT_NE(got, nullptr) << n.id;
      EXPECT_EQ(got->text, n.text);
      EXPECT_EQ(got->order, n.order);
      EXPECT_EQ(got->votes, n.votes) << n.id;
    }
    EXPECT_EQ(applied.title, p1.board.title);
    EXPECT_EQ(applied.sections, p1.board.sections);
    EXPECT_EQ(applied.stages, p1.board.stages);
  }
}

}  // namespace
}  // namespace mapathy
