// Mapathy core — merging boards and contributions (deltas), and dot voting, for workshops without
// a server.
//
// [SECTION] Merge: merge(), mergeInto(), Conflict, MergeSummary
// [SECTION] Contributions: makeDelta()
// (Dot voting, whose ballots merge joins voter by voter, is core/edit/voting.hpp.)
//
// The facilitator's board and each participant's link are replicas of one board. merge() joins two
// of them entity by entity on stable IDs:
//   - notes, actions: union; of two versions the one with the higher logical clock (`modified`)
//     wins, ties broken by a fixed order on the content (64-bit FNV-1a hash, then the bytes);
//   - sections, stages, lanes and the board's info (title, language, persona, layout, extra): the
//     same, with their clocks in Board::stamps (id, or "@info"; 0 when never stamped);
//   - deletions: Board::tombstones {id, clock}; a tombstone beats every version with a clock up to
//     its own, so deleted things stay deleted; a later edit brings the entity back;
//   - votes: per voter (Note::ballots), each voter's latest report wins (a withdrawn vote is a zero
//     ballot, never erased); Note::votes is the winner's unsigned dots plus the sum of the ballots;
//   - the board clock and modifiedAt take the maximum, createdAt the minimum.
// Every rule is "take the greatest under a fixed total order", a maximum or a union, so merge is
// commutative, associative and idempotent (tests/core/merge_test.cpp checks it on random boards
// and edit sequences). Fix-ups that keep the result valid are lossless, so they do not break that:
// an action's links to deleted notes are hidden in its extra ("hiddenNotes") and come back with the
// note; a note whose section/stage/lane is gone moves to the first place left and remembers where it
// came from (extra "movedFrom"/"movedTo") until it is moved again. Known exceptions (documented, not
// met by the tests): the order of sections/stages/lanes added on several replicas at once, and
// scores of a deleted stage, which are dropped.
//
// Conflicts are computed from the two arguments only, symmetrically: a note or action changed on
// both sides since their common clock (a delta's baseClock; for two whole boards the newest
// creation, identical version or identical tombstone they share). A version that still has its
// creation clock is the original and never conflicts.
//
// A contribution (makeDelta) is a board with isDelta set: only new/edited notes and actions, vote
// changes as ballots, deletions as tombstones, and — so it stays a valid board — the sections,
// stages and lanes plus "stub" notes (no text) for votes on unchanged notes. Entities of a delta
// whose clock is not above its baseClock were merely carried along: they never override the other
// side's version, and a whole board that lacks them wins (it deleted them). Applying a
// contribution is merge(board, delta); merge accepts deltas and whole boards alike.
//
// Typical use by the editor (one undo step, then highlight what came in):
//   Result<MergeResult> m = merge(document.board(), incoming);
//   if (m) { document.replaceBoard(m->board, false); highlight(m->summary.addedNotes); review(m->conflicts); }
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/edit/voting.hpp"
#include "core/model/model.hpp"

namespace mapathy {

// ---------------------------------------------------------------------------------------------
// [SECTION] Merge
// ---------------------------------------------------------------------------------------------
// The same note (or action) changed on both sides since their common version, or edited on one
// side and deleted on the other. Listed for the facilitator to review; the merge already picked
// the winner by the rules above.
struct Conflict {
  enum class Kind { BothEdited, EditedAndDeleted };
  Kind kind = Kind::BothEdited;
  std::string id;            // note or action id
  bool isAction = false;
  std::string baseText;      // the first argument's text ("" when it deleted it)
  std::string incomingText;  // the second argument's text ("" when it deleted it)
  bool incomingWon = false;  // whether the result shows incomingText (or the deletion it made)
  bool operator==(const Conflict&) const = default;
};

// What the merge did to the first argument, for the "what came in" summary and highlighting.
struct MergeSummary {
  std::vector<std::string> addedNotes;    // live in the result, not in base
  std::vector<std::string> changedNotes;  // in both, content differs (votes excluded)
  std::vector<std::string> removedNotes;  // in base, not in the result
  std::vector<std::string> votedNotes;    // in both, vote total differs
  int votesAdded = 0;                     // Σ (result votes − base votes) over notes in both
  bool operator==(const MergeSummary&) const = default;
};

struct MergeResult {
  Board board;
  std::vector<Conflict> conflicts;  // sorted by id
  MergeSummary summary;
};

// Joins `incoming` (a whole board or a delta) into `base`. Error only when the two cannot be the
// same board: different kinds (an empathy map and a journey board).
Result<MergeResult> merge(const Board& base, const Board& incoming);

// The same, in place: `board` becomes the merged board (untouched on error); returns what came in.
struct MergeReport {
  std::vector<Conflict> conflicts;
  MergeSummary summary;
};
Result<MergeReport> mergeInto(Board& board, const Board& incoming);

// Whether two boards say the same, as a merge sees them: notes, actions and tombstones may be listed in
// any order (a merge lists them by creation); the order of sections, stages and lanes counts.
bool sameContent(const Board& a, const Board& b);

// ---------------------------------------------------------------------------------------------
// [SECTION] Contributions
// ---------------------------------------------------------------------------------------------
// A contribution: what `changed` (a participant's copy, opened from `base`) changed, as a delta
// board with base's id. Dots the participant added on their copy without a ballot (Note::votes
// going up) become ballots of `voter` (the participant's anonymous site id; when empty, one is
// derived from the note IDs they created, or from the changed board's content); dots they took
// away that nobody signed for are an edit of the note. `changed` may have another id than `base` (a
// local version kept as a board of its own): the delta is for base's board all the same, and the id alone
// is no change. It carries no times (createdAt, modifiedAt 0: unknown to a merge). Encode it with
// encodeLink (share_link.hpp):
// five short notes make a link of about 210 characters.
Board makeDelta(const Board& base, const Board& changed, const std::string& voter = "");

}  // namespace mapathy
