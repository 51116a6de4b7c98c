// The Document's side of workshops (core/edit/merge.hpp): every deletion in the editor leaves a
// tombstone at the step's clock, so merging an older whole-board link or a participant's
// contribution that still holds the deleted thing cannot bring it back; undo takes the tombstone
// away with the deletion (and the thing then survives a merge again). Dots, the dot budget and note
// reordering are small undo steps of their own, never copies of the board.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
#include "core/edit/merge.hpp"
#include "core/model/templates.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

Document makeDoc(BoardKind kind, const char* templ, const std::string& site = "fa") {
  Document d(makeBoard(kind, templ, Lang::En).value());
  d.setSite(site);
  std::int64_t t = 1000;
  d.setClock([t]() mutable { return t += 10; });
  return d;
}

Place sec(const std::string& s) { return Place{s, "", ""}; }

const Tombstone* tombstoneOf(const Board& b, const std::string& id) {
  for (const Tombstone& t : b.tombstones) {
    if (t.id == id) return &t;
  }
  return nullptr;
}

Board merged(const Board& a, const Board& b) {
  Result<MergeResult> m = merge(a, b);
  EXPECT_TRUE(m.ok()) << (m.ok() ? "" : english(m.error()));
  return m.ok() ? m->board : Board{};
}

TEST(DocumentTombstones, DeletedNoteStaysDeletedWhenAnOlderBoardIsMergedAndUndoBringsItBack) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string keep = d.addNote(sec("says"), "Bleibt");
  const std::string gone = d.addNote(sec("says"), "Wird gelöscht");
  d.endGesture();
  const Board older = d.board();  // e.g. the whole-board link sent to the room before the deletion

  ASSERT_TRUE(d.deleteNote(gone));
  const Tombstone* t = tombstoneOf(d.board(), gone);
  ASSERT_NE(t, nullptr) << "the deletion leaves a tombstone";
  EXPECT_EQ(t->clock, d.board().clock) << "at the deletion's clock";
  EXPECT_GT(t->clock, findNote(older, gone)->modified);
  EXPECT_EQ(d.undoDepth(), 3u) << "still one step";
  EXPECT_TRUE(validate(d.board()).ok());

  Board after = merged(d.board(), older);
  EXPECT_EQ(findNote(after, gone), nullptr) << "the older board cannot bring it back";
  EXPECT_NE(findNote(after, keep), nullptr);
  EXPECT_EQ(merged(older, d.board()), after) << "either way round";

  // The tombstone survives saving and opening again.
  Result<Board> reopened = loadJson(saveJson(d.board()));
  ASSERT_TRUE(reopened.ok()) << english(reopened.error());
  EXPECT_NE(tombstoneOf(*reopened, gone), nullptr);
  EXPECT_EQ(findNote(merged(*reopened, older), gone), nullptr);

  // Undo gives the note back and takes the tombstone away: the older board then merges cleanly.
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(tombstoneOf(d.board(), gone), nullptr);
  EXPECT_TRUE(d.board().tombstones.empty());
  after = merged(d.board(), older);
  ASSERT_NE(findNote(after, gone), nullptr) << "after undo the note is present";
  EXPECT_EQ(findNote(after, gone)->text, "Wird gelöscht");

  // Redo deletes it again, tombstone included.
  ASSERT_TRUE(d.redo());
  EXPECT_NE(tombstoneOf(d.board(), gone), nullptr);
  EXPECT_EQ(findNote(merged(d.board(), older), gone), nullptr);
}

TEST(DocumentTombstones, AParticipantsContributionCannotBringBackWhatTheFacilitatorDeleted) {
  Document facilitator = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string a = facilitator.addNote(sec("says"), "Erste");
  const std::string b = facilitator.addNote(sec("thinks"), "Zweite");
  ASSERT_TRUE(facilitator.setVotesPerPerson(3));
  facilitator.endGesture();
  const Board room = facilitator.board();  // what the participants opened

  // A participant votes on both notes and adds one; the contribution carries stubs of a and b.
  Document participant(room);
  participant.setSite("pa");
  ASSERT_TRUE(participant.placeVote(a, "voter1", 2));
  ASSERT_TRUE(participant.placeVote(b, "voter1", 1));
  const std::string added = participant.addNote(sec("does"), "Neu");
  const Board delta = makeDelta(room, participant.board(), "voter1");

  // Meanwhile the facilitator deleted a.
  ASSERT_TRUE(facilitator.deleteNote(a));
  const Board result = merged(facilitator.board(), delta);
  EXPECT_EQ(findNote(result, a), nullptr) << "the deleted note stays deleted";
  ASSERT_NE(findNote(result, b), nullptr);
  EXPECT_EQ(findNote(result, b)->votes, 1);
  EXPECT_NE(findNote(result, added), nullptr);
  const Tombstone* t = tombstoneOf(result, a);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->ballots.at("voter1").count, 2) << "the dots on it are kept with its tombstone";

  // Had the facilitator undone the deletion, the same contribution lands on the note.
  ASSERT_TRUE(facilitator.undo());
  const Board restored = merged(facilitator.board(), delta);
  ASSERT_NE(findNote(restored, a), nullptr);
  EXPECT_EQ(findNote(restored, a)->votes, 2);
}

TEST(DocumentTombstones, DeletingASectionOrAnActionLeavesTombstonesForItAndItsNotes) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string n1 = d.addNote(sec("thinks"), "Eins");
  const std::string n2 = d.addNote(sec("thinks"), "Zwei");
  const std::string other = d.addNote(sec("says"), "Woanders");
  const std::string act = d.addAction("Anrufen", {other});
  d.endGesture();
  const Board older = d.board();

  ASSERT_TRUE(d.deleteSection("thinks"));
  for (const std::string& id : {std::string("thinks"), n1, n2}) {
    EXPECT_NE(tombstoneOf(d.board(), id), nullptr) << id;
  }
  ASSERT_TRUE(d.deleteAction(act));
  EXPECT_NE(tombstoneOf(d.board(), act), nullptr);
  EXPECT_TRUE(validate(d.board()).ok());

  const Board after = merged(d.board(), older);
  EXPECT_EQ(findSection(after, "thinks"), nullptr);
  EXPECT_EQ(findNote(after, n1), nullptr);
  EXPECT_EQ(findNote(after, n2), nullptr);
  EXPECT_EQ(findAction(after, act), nullptr);
  EXPECT_NE(findNote(after, other), nullptr);

  // Two undos: everything is back and nothing is tombstoned any more.
  ASSERT_TRUE(d.undo());
  ASSERT_TRUE(d.undo());
  EXPECT_TRUE(d.board().tombstones.empty());
  const Board back = merged(d.board(), older);
  EXPECT_NE(findSection(back, "thinks"), nullptr);
  EXPECT_NE(findNote(back, n1), nullptr);
  EXPECT_NE(findAction(back, act), nullptr);
}

TEST(DocumentTombstones, DeletingAStageOrALaneLeavesTombstonesForItAndItsNotes) {
  Document d = makeDoc(BoardKind::Journey, "lifecycle");
  ASSERT_GE(d.board().stages.size(), 2u);
  const std::string stage = d.board().stages[0].id;
  const std::string keptStage = d.board().stages[1].id;
  std::string lane;
  std::string otherLane;
  for (const Lane& l : d.board().lanes) {
    if (l.kind != LaneKind::Text) continue;
    if (lane.empty()) lane = l.id;
    else if (otherLane.empty()) otherLane = l.id;
  }
  ASSERT_FALSE(otherLane.empty());
  const std::string inStage = d.addNote(Place{"", stage, otherLane}, "In der Phase");
  const std::string inLane = d.addNote(Place{"", keptStage, lane}, "In der Ebene");
  const std::string stays = d.addNote(Place{"", keptStage, otherLane}, "Bleibt");
  d.endGesture();
  const Board older = d.board();

  ASSERT_TRUE(d.deleteStage(stage));
  ASSERT_TRUE(d.deleteLane(lane));
  for (const std::string& id : {stage, lane, inStage, inLane}) EXPECT_NE(tombstoneOf(d.board(), id), nullptr) << id;
  EXPECT_EQ(tombstoneOf(d.board(), stays), nullptr);

  const Board after = merged(d.board(), older);
  EXPECT_EQ(findStage(after, stage), nullptr);
  EXPECT_EQ(findLane(after, lane), nullptr);
  EXPECT_EQ(findNote(after, inStage), nullptr) << "not moved to another stage: it was deleted";
  EXPECT_EQ(findNote(after, inLane), nullptr);
  EXPECT_NE(findNote(after, stays), nullptr);
  EXPECT_TRUE(validate(after).ok());

  ASSERT_TRUE(d.undo());
  ASSERT_TRUE(d.undo());
  EXPECT_TRUE(d.board().tombstones.empty());
  EXPECT_EQ(merged(d.board(), older).notes.size(), 3u);
}

std::set<std::string> noteIdsOf(const Board& b) {
  std::set<std::string> ids;
  for (const Note& n : b.notes) ids.insert(n.id);
  return ids;
}

// Random editing sessions through the real Document (adds, edits, deletions of notes and sections,
// dots, undo) on two copies of one board: the merge is the same either way round, absorbs both
// copies, and the board they started from brings back nothing either of them deleted.
TEST(DocumentTombstones, RandomEditorSessionsMergeAndNothingDeletedComesBack) {
  std::mt19937_64 rng(20261123);
  for (int round = 0; round < 40; ++round) {
    Document start = makeDoc(BoardKind::EmpathyMap, "classic", "st");
    const std::vector<Section> sections = start.board().sections;
    for (int i = 0; i < 8; ++i) {
      start.addNote(sec(sections[rng() % sections.size()].id), "Notiz " + std::to_string(i));
    }
    ASSERT_TRUE(start.setVotesPerPerson(4));
    const Board base = start.board();
    Document a(base);
    a.setSite("pa");
    Document b(base);
    b.setSite("pb");
    for (Document* d : {&a, &b}) {
      const std::string voter = d == &a ? "va" : "vb";
      for (int step = 0; step < 12; ++step) {
        const Board& now = d->board();
        const std::string some = now.notes.empty() ? "" : now.notes[rng() % now.notes.size()].id;
        switch (rng() % 7) {
          case 0: d->addNote(sec(now.sections[rng() % now.sections.size()].id), "Neu " + std::to_string(step)); break;
          case 1: d->setNoteText(some, "Geändert " + std::to_string(step)); break;
          case 2:
          case 3: d->deleteNote(some); break;
          case 4: d->placeVote(some, voter, 1); break;
          case 5:
            if (rng() % 4 == 0 && now.sections.size() > 1) d->deleteSection(now.sections.back().id);
            break;
          default: d->undo(); break;
        }
        d->endGesture();
      }
    }
    const Board& A = a.board();
    const Board& B = b.board();
    SCOPED_TRACE("round " + std::to_string(round));
    EXPECT_TRUE(validate(A).ok());
    const Board ab = merged(A, B);
    EXPECT_EQ(ab, merged(B, A)) << "commutative";
    EXPECT_EQ(merged(ab, A), ab) << "absorbs A";
    EXPECT_EQ(merged(ab, B), ab) << "absorbs B";
    EXPECT_EQ(merged(ab, base), ab) << "the older board brings nothing back";
    EXPECT_EQ(noteIdsOf(merged(A, base)), noteIdsOf(A)) << "nor into one copy alone";
    EXPECT_EQ(noteIdsOf(merged(B, base)), noteIdsOf(B));
    EXPECT_TRUE(validate(ab).ok());
  }
}

TEST(DocumentTombstones, ADeletedIdIsNeverGivenToANewNote) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.tombstones.push_back(Tombstone{"fa-1", 3, {}});
  Document d(b);
  d.setSite("fa");
  const std::string id = d.addNote(sec("says"), "Neu");
  EXPECT_NE(id, "fa-1");
  EXPECT_FALSE(id.empty());
}

TEST(DocumentTombstones, TombstonesStaySortedByIdAndReplaceBoardUndoesThem) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::vector<std::string> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(d.addNote(sec("says"), "N" + std::to_string(i)));
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) ASSERT_TRUE(d.deleteNote(*it));
  ASSERT_EQ(d.board().tombstones.size(), 5u);
  for (std::size_t i = 1; i < d.board().tombstones.size(); ++i) {
    EXPECT_LT(d.board().tombstones[i - 1].id, d.board().tombstones[i].id);
  }
  // A replaced board brings its own tombstones; undo gives back these.
  const std::vector<Tombstone> mine = d.board().tombstones;
  d.replaceBoard(makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value(), false);
  EXPECT_TRUE(d.board().tombstones.empty());
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.board().tombstones, mine);
}

// ---- dots, budget and order: small steps ------------------------------------------------------

TEST(DocumentVoting, APlacedDotIsOneSmallStepAndNotAnEditOfTheNote) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string a = d.addNote(sec("says"), "Erste");
  for (int i = 0; i < 30; ++i) d.addNote(sec("thinks"), "Füller " + std::to_string(i));
  d.endGesture();

  const std::size_t depth = d.undoDepth();
  EXPECT_FALSE(d.placeVote(a, "v1", 1)) << "no budget set: no dots";
  EXPECT_EQ(d.undoDepth(), depth);
  ASSERT_TRUE(d.setVotesPerPerson(2));
  EXPECT_EQ(d.undoDepth(), depth + 1);
  EXPECT_EQ(d.undoStepSize(), 1u) << "the budget is one header delta";
  EXPECT_EQ(votesPerPerson(d.board()), 2);
  EXPECT_FALSE(d.setVotesPerPerson(2)) << "same value: no step";
  EXPECT_EQ(d.undoDepth(), depth + 1);

  const std::uint64_t noteClock = findNote(d.board(), a)->modified;
  const Board beforeVote = d.board();
  ASSERT_TRUE(d.placeVote(a, "v1", 2));
  EXPECT_EQ(d.undoDepth(), depth + 2) << "one step per dot action";
  EXPECT_EQ(d.undoStepSize(), 1u) << "one note delta, not the board";
  EXPECT_EQ(d.undoLabel(), "Vote");
  const Note& voted = *findNote(d.board(), a);
  EXPECT_EQ(voted.votes, 2);
  EXPECT_EQ(voted.ballots.at("v1").count, 2);
  EXPECT_EQ(voted.ballots.at("v1").clock, d.board().clock) << "the ballot takes the step's clock";
  EXPECT_GT(d.board().clock, beforeVote.clock);
  EXPECT_EQ(voted.modified, noteClock) << "a dot is not an edit of the note";
  EXPECT_EQ(votesLeft(d.board(), "v1"), 0);

  EXPECT_FALSE(d.placeVote(a, "v1", 1)) << "beyond the budget";
  EXPECT_FALSE(d.placeVote(a, "v2", -1)) << "below zero";
  EXPECT_FALSE(d.placeVote(a, "", 1)) << "no voter";
  EXPECT_FALSE(d.placeVote("nope", "v1", 1));
  EXPECT_EQ(d.undoDepth(), depth + 2);

  ASSERT_TRUE(d.undo());
  EXPECT_EQ(findNote(d.board(), a)->votes, 0);
  EXPECT_TRUE(findNote(d.board(), a)->ballots.empty());
  EXPECT_EQ(d.board().notes, beforeVote.notes);
  ASSERT_TRUE(d.redo());
  EXPECT_EQ(findNote(d.board(), a)->ballots.at("v1").count, 2);

  // Taking one back is its own step; the withdrawn dot stays as a smaller ballot.
  ASSERT_TRUE(d.placeVote(a, "v1", -1));
  EXPECT_EQ(findNote(d.board(), a)->votes, 1);
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(findNote(d.board(), a)->votes, 2);

  // The budget undoes like any step.
  ASSERT_TRUE(d.undo());  // the dots
  ASSERT_TRUE(d.undo());  // the budget
  EXPECT_EQ(votesPerPerson(d.board()), 0);
}

TEST(DocumentVoting, SetNoteOrdersIsOneStepWithADeltaPerMovedNote) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string a = d.addNote(sec("says"), "A");
  const std::string b = d.addNote(sec("says"), "B");
  const std::string c = d.addNote(sec("says"), "C");
  d.endGesture();
  const Board before = d.board();
  const std::size_t depth = d.undoDepth();
  const std::int64_t orderB = findNote(before, b)->order;
  ASSERT_TRUE(d.setNoteOrders({{c, -10}, {b, orderB}, {a, 5000}}, "Sort by votes"));
  EXPECT_EQ(d.undoDepth(), depth + 1);
  EXPECT_EQ(d.undoStepSize(), 2u) << "b kept its order and is untouched";
  EXPECT_EQ(d.undoLabel(), "Sort by votes");
  EXPECT_EQ(findNote(d.board(), b)->modified, findNote(before, b)->modified);
  EXPECT_EQ(findNote(d.board(), c)->modified, d.board().clock) << "a move travels in merges";
  const auto says = notesAt(d.board(), "says", "", "");
  ASSERT_EQ(says.size(), 3u);
  EXPECT_EQ(says[0]->id, c);
  EXPECT_EQ(says[2]->id, a);
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.board().notes, before.notes);
  ASSERT_TRUE(d.redo());
  EXPECT_EQ(notesAt(d.board(), "says", "", "")[0]->id, c);
  EXPECT_FALSE(d.setNoteOrders({{"nope", 1}}));
  EXPECT_EQ(d.undoDepth(), depth + 1);
}

TEST(DocumentVoting, AddNoteWithTagsIsOneStep) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  const std::string id = d.addNote(sec("says"), "Was hassen sie an uns?", -1, "", {"prompt", "", "prompt"});
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(findNote(d.board(), id)->tags, std::vector<std::string>{"prompt"});
  EXPECT_EQ(d.undoDepth(), 1u);
  ASSERT_TRUE(d.undo());
  EXPECT_TRUE(d.board().notes.empty());
  EXPECT_EQ(d.addNote(sec("says"), "x", -1, "", {std::string(200, 'a')}), "") << "a tag too long";
}

}  // namespace
}  // namespace mapathy
