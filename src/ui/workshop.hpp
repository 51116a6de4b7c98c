// Mapathy UI — workshops without a server: the logic behind the workshop panel (workshop_panel.hpp).
//
// Everything here edits the board through the Document, so each action is one undo step:
//   mergeLinks()      the facilitator pastes participants' links (whole boards or contributions) and
//                     they are merged (core/merge.hpp) into the open board as ONE replaceBoard step;
//   placeDot() …      dot voting: ballots under the participant's anonymous voter id, within the
//                     budget the facilitator set (kept in the board, so it travels in links);
//   sortNotesByVotes  reorders the notes of every place, most dots first;
//   insertPrompt()    a facilitation prompt becomes a note at the top of a place (tag "prompt").
// The countdown timer is view state (WorkshopTimer) driven by the host's clock.
// No drawing here: that lives in workshop_panel.cpp, so tests can drive the logic directly too.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/edit/merge.hpp"
#include "core/model/model.hpp"

namespace mapathy::ui {

// ---- merge ------------------------------------------------------------------------------------
// Why a pasted or scanned link was not merged. The panel says it in the UI language; `detail` is the
// core's explanation (in the UI language) or, for OtherBoard, the title of the board the contribution belongs to.
enum class LinkProblem {
  NotMapathy,  // not a Mapathy link at all (another site's QR code, a Wi-Fi code, plain text)
  Damaged,     // a Mapathy link, but cut off or damaged (a chat app shortened it, a code half read)
  Newer,       // made by a newer Mapathy (a link format this app does not know)
  OtherBoard,  // a contribution for another board
  OtherKind,   // a journey board merged into an empathy map, or the other way round
};
struct LinkIssue {
  LinkProblem problem = LinkProblem::NotMapathy;
  std::string detail;
  std::string boardId;  // OtherBoard: the id of the board it belongs to (`detail` its title, when known)
  bool operator==(const LinkIssue&) const = default;
};
// Names a board by its id, for "belongs to another board" (the title of a board on this device, or "").
using BoardTitleLookup = std::function<std::string(const std::string& id)>;

// Reads one link for merging into `open`: the board (whole or a contribution), or why not. A
// contribution must be for `open` itself (its id); a whole board may be another replica of it.
Result<Board> readMergeLink(const Board& open, const std::string& link, LinkIssue& issue,
                            const BoardTitleLookup& titleOf = {});

// What one "Merge links" did, compared with the board before it.
struct MergeOutcome {
  int linksMerged = 0;
  std::vector<LinkIssue> errors;          // one per link that could not be merged (nothing of it merged)
  std::vector<std::string> addedNotes;    // highlighted on the board
  std::vector<std::string> editedNotes;
  std::vector<std::string> deletedNotes;
  int votesAdded = 0;
  std::vector<Conflict> conflicts;        // for the facilitator to review
  bool changed = false;                   // an undo step was recorded
};

// Splits pasted text into links (whitespace, newlines or commas between them).
std::vector<std::string> splitLinks(const std::string& text);

// Merges every link in `text` into the document's board: one undo step ("Merge links") for all of
// them, none when nothing changed. Links that cannot be read or belong to another kind of board are
// reported in `errors` and skipped; the others are still merged.
MergeOutcome mergeLinks(Document& doc, const std::string& text, const BoardTitleLookup& titleOf = {});

// One code read by the camera while scanning, merged at once as its own undo step (a wrong code is
// taken back alone, without the ones read before or after it).
struct ScanOutcome {
  enum class Kind { Merged, AlreadyMerged, Problem };
  Kind kind = Kind::Problem;
  LinkIssue issue;     // when Problem
  int notesAdded = 0;  // when Merged
  std::vector<std::string> addedNotes;
};
ScanOutcome mergeScanned(Document& doc, const std::string& code, const BoardTitleLookup& titleOf = {});

// ---- contributions ----------------------------------------------------------------------------
// The participant's contribution link itself is made by the tools module ("delta": core/edit/merge.hpp
// makeDelta, then the share link), a moment after the first frame.
// True when `current` holds anything to send back (notes, edits, deletions or dots).
bool hasContribution(const Board& base, const Board& current, const std::string& voter);

// ---- dot voting -------------------------------------------------------------------------------
// Sets the number of dots per person (0 turns voting off). One undo step.
bool setDotsPerPerson(Document& doc, int dots);
// Adds (change > 0) or takes back (change < 0) dots of `voter` on a note; false when the budget or
// the note's own dots do not allow it. One undo step ("Vote").
bool placeDot(Document& doc, const std::string& noteId, const std::string& voter, int change);
// The voter's dots on one note.
int dotsOn(const Note& note, const std::string& voter);
// Reorders the notes of every place by votes (most first, ties keep their order). One undo step.
bool sortNotesByVotes(Document& doc);

// ---- facilitation -----------------------------------------------------------------------------
struct Prompt {
  const char* en;
  const char* de;
};
// The prompts that open up the customer's perspective, in both languages.
const std::vector<Prompt>& workshopPrompts();
// Adds `text` as the first note of `place` with the tag "prompt". Returns the note id or "".
std::string insertPrompt(Document& doc, const Place& place, const std::string& text);
// The places a prompt can go to, with a readable name: sections (empathy map) or text-lane cells
// (journey board, "Stage · Lane").
struct NamedPlace {
  Place place;
  std::string name;
};
std::vector<NamedPlace> promptPlaces(const Board& board);

// A countdown. Times are the host's milliseconds; the timer never edits the board.
class WorkshopTimer {
 public:
  void setMinutes(int minutes);                       // 1…120, only while stopped
  [[nodiscard]] int minutes() const { return minutes_; }
  void start(std::int64_t nowMs);                     // starts or resumes
  void pause(std::int64_t nowMs);
  void reset();
  [[nodiscard]] bool running() const { return running_; }
  [[nodiscard]] bool started() const { return running_ || remainingMs_ != fullMs(); }
  [[nodiscard]] std::int64_t remainingMs(std::int64_t nowMs) const;
  [[nodiscard]] bool finished(std::int64_t nowMs) const { return started() && remainingMs(nowMs) == 0; }
  // "mm:ss" of the remaining time (rounded up, so 0:00 shows only when the time is up).
  [[nodiscard]] std::string display(std::int64_t nowMs) const;
  // When display() changes next (host milliseconds), or -1 when it will not (stopped or finished): a
  // running countdown needs one frame per second, not one per display refresh.
  [[nodiscard]] std::int64_t nextChangeMs(std::int64_t nowMs) const;

 private:
  [[nodiscard]] std::int64_t fullMs() const { return static_cast<std::int64_t>(minutes_) * 60000; }
  int minutes_ = 5;
  bool running_ = false;
  std::int64_t endMs_ = 0;          // while running
  std::int64_t remainingMs_ = 300000;  // while stopped
};

}  // namespace mapathy::ui
