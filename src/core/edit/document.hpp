// Mapathy core — the document: a board plus its edit history.
//
// Every edit goes through a Document method; each records one undo step made of entity deltas
// (before/after of what it touched), never whole-board snapshots. Continuous edits (typing into one
// note, dragging a score) pass the same non-empty `coalesce` key and become one undo step until
// another key, an undo/redo or endGesture() breaks the run. Selection is view state and never touches
// the history, so it never clears the redo stack.
//
// One write path: the typed setters below are one line each over two private templates, edit<T>()
// (one note, action, section, stage or lane) and editInfo() (the board's own fields), which record the
// step and stamp the merge clock of whatever they wrote — notes and actions in `modified`, sections,
// stages and lanes in Board::stamps[id], title, language, persona and layout in Board::stamps["@info"]
// — so a merge with an older copy of the board keeps every newer edit made here
// (src/core/edit/document_history.hpp has the machinery).
//
// Methods that refer to unknown IDs or out-of-range values do nothing and return false (the UI may
// race a deletion); they never throw.
//
// Workshops (core/merge.hpp): every deletion (a note, an action, a section, stage or lane and the
// notes in it) also records a tombstone at the step's clock, so a merge of an older copy that still
// holds the entity cannot bring it back; undo takes the tombstone away again with the deletion.
// Dots (ballots), the dot budget and "sort by votes" are ordinary small steps too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {

// Where a note sits: a section (empathy map) or a stage × lane cell (journey board).
struct Place {
  std::string section;
  std::string stage;
  std::string lane;
  bool operator==(const Place&) const = default;
};

class History;       // private to document*.cpp (document_history.hpp)
struct HistoryStep;  // private to document*.cpp
namespace history {
struct Header;
}

// The name of an undo step in both languages; the board's language picks one ("Edit note").
struct StepName {
  const char* en;
  const char* de;
};

class Document {
 public:
  explicit Document(Board board = {});
  ~Document();
  Document(Document&&) noexcept;
  Document& operator=(Document&&) noexcept;

  [[nodiscard]] const Board& board() const { return board_; }
  // Replaces the whole board (open file, open link, a merge). One undo step unless `clearHistory`,
  // named `stepLabel` ("" = "Replace board"). Carries the merge bookkeeping (stamps, tombstones).
  void replaceBoard(Board board, bool clearHistory, const std::string& stepLabel = "");
  // Bumped on every change, undo and redo: autosave and dirty checks compare it.
  [[nodiscard]] std::uint64_t revision() const { return revision_; }
  // Called after every change of the board (an edit, undo, redo, replaceBoard, mergeWithoutUndo): the
  // session saves the board on this device from here, so nothing has to poll for changes.
  void setOnChange(std::function<void()> onChange) { onChange_ = std::move(onChange); }
  // Merges `other` (another copy of this board, e.g. what another browser tab saved) into the board
  // with core/edit/merge.hpp, beneath the history: no undo step, and the steps already recorded stay
  // (they find their entities by id). Why not undoable: it is somebody else's work, and the other copy
  // still holds it, so an undo would come back with the next merge anyway. Returns whether anything
  // changed; false (and nothing changes) when `other` is another kind of board.
  bool mergeWithoutUndo(const Board& other);

  // ---- history
  [[nodiscard]] bool canUndo() const;
  [[nodiscard]] bool canRedo() const;
  bool undo();
  bool redo();
  void endGesture();                       // the next edit starts a new undo step
  [[nodiscard]] std::size_t undoDepth() const;
  [[nodiscard]] std::string undoLabel() const;   // label of the step undo() would revert, or ""
  [[nodiscard]] std::string redoLabel() const;
  // How many entity deltas the step undo() would revert holds (0 when none): small edits stay small.
  [[nodiscard]] std::size_t undoStepSize() const;
  static constexpr std::size_t kMaxHistory = 1000;  // steps kept: a whole workshop's worth (at least 500)

  // ---- board
  bool setTitle(const std::string& title, const std::string& coalesce = "title");
  bool setLang(Lang lang);

  // ---- persona (field: "name", "role", "goal", "quote", "bio", "initials", "success")
  bool setPersonaField(const std::string& field, const std::string& value);
  bool setPersonaColour(int colour);

  // ---- notes
  // Adds at the end of `place` (or before `beforeId` when given). Returns the new note's id, or "" if
  // the place does not exist or the board is full.
  // `tags` are set in the same step (a workshop prompt is one undo step, tagged "prompt").
  std::string addNote(const Place& place, const std::string& text, int colour = -1,
                      const std::string& beforeId = "", const std::vector<std::string>& tags = {});
  bool setNoteText(const std::string& id, const std::string& text);  // coalesces per note
  bool setNoteColour(const std::string& id, int colour);
  bool setNoteTags(const std::string& id, const std::vector<std::string>& tags);
  bool setNoteEvidence(const std::string& id, Evidence e);
  bool setNoteAuthor(const std::string& id, const std::string& author);
  bool setNoteVotes(const std::string& id, int votes);
  // Moves to `place`, before `beforeId` (or to the end when empty). Reorders inside a place too.
  bool moveNote(const std::string& id, const Place& place, const std::string& beforeId = "");
  bool deleteNote(const std::string& id);  // also unlinks it from actions; leaves a tombstone
  // Sets the `order` of several notes in one step ("" label = "Sort notes"); unknown ids: nothing
  // happens and false. Notes whose order does not change are left untouched.
  bool setNoteOrders(const std::vector<std::pair<std::string, std::int64_t>>& orders,
                     const std::string& stepLabel = "");

  // ---- dot voting (core/merge.hpp): ballots of anonymous voters within the board's budget
  // Adds `change` dots (negative: takes them back) of `voter` to a note as a ballot at this step's
  // clock; the note's own clock stays (a dot is not an edit of the note). False, and no step, for
  // an unknown note, an empty voter, a zero change, a count below zero or beyond the budget.
  bool placeVote(const std::string& noteId, const std::string& voter, int change);
  // Dots per person (0: voting off), kept in the board's info. False when it is already that.
  bool setVotesPerPerson(int votes);

  // ---- empathy-map sections
  std::string addSection(const std::string& title, const std::string& hint = "");
  bool renameSection(const std::string& id, const std::string& title);
  bool setSectionHint(const std::string& id, const std::string& hint);
  bool deleteSection(const std::string& id);  // deletes its notes in the same step

  // ---- journey stages and lanes
  std::string addStage(const std::string& name, int index = -1);
  bool renameStage(const std::string& id, const std::string& name);
  bool setStageDescription(const std::string& id, const std::string& description);
  bool moveStage(const std::string& id, int newIndex);
  bool deleteStage(const std::string& id);     // deletes its notes and scores in the same step
  std::string addLane(const std::string& name, LaneKind kind, const std::string& role = "", int index = -1);
  bool renameLane(const std::string& id, const std::string& name);
  bool moveLane(const std::string& id, int newIndex);
  bool deleteLane(const std::string& id);      // deletes its notes in the same step
  bool setShowToBe(const std::string& laneId, bool show);
  // Scores are clamped to −2…+2; std::nullopt clears. `coalesce` lets a drag be one step.
  bool setEmotion(const std::string& laneId, const std::string& stageId, std::optional<int> asIs,
                  const std::string& coalesce = "");
  bool setEmotionToBe(const std::string& laneId, const std::string& stageId, std::optional<int> toBe,
                      const std::string& coalesce = "");
  bool setEmotionReason(const std::string& laneId, const std::string& stageId, const std::string& reason);
  bool setGap(const std::string& laneId, const std::string& stageId, std::optional<int> expectation,
              std::optional<int> experience, const std::string& coalesce = "");

  // ---- actions
  std::string addAction(const std::string& text, const std::vector<std::string>& noteIds = {});
  bool setActionText(const std::string& id, const std::string& text);
  bool setActionOwner(const std::string& id, const std::string& owner);
  bool setActionStatus(const std::string& id, ActionStatus status);
  bool deleteAction(const std::string& id);
  bool setActionNotes(const std::string& id, const std::vector<std::string>& noteIds);  // all must exist

  // IDs made by this document start with this site prefix (random per device/session), so that
  // boards edited on several devices never collide. Set once, before the first edit.
  void setSite(const std::string& site) { site_ = site; }
  // Wall clock used for modifiedAt (milliseconds); tests inject a fixed one.
  void setClock(std::function<std::int64_t()> nowMs) { nowMs_ = std::move(nowMs); }

 private:
  // The one write path (defined in document_history.hpp): applies `change` to a copy of the entity `id`
  // of type T (or of the board's header), and when that differs records it as one undo step named
  // `name` — continuing the last step when `coalesce` matches it — with the step's merge clock. False
  // for an unknown id or when `change` returns false.
  template <class T, class ChangeFn>
  bool edit(const std::string& id, StepName name, const std::string& coalesce, ChangeFn&& change);
  template <class ChangeFn>
  bool editInfo(StepName name, const std::string& coalesce, ChangeFn&& change);
  // Records `value` as the new version of the entity at `index` of its list (nothing when it did not
  // change, its clock aside), or `header` as the board's new fields. One step, stamped.
  template <class T>
  void record(std::size_t index, T value, StepName name, const std::string& coalesce);
  void recordInfo(history::Header header, StepName name, const std::string& coalesce);
  // Records a finished edit: bumps the revision, stamps modifiedAt, clears redo, merges into the
  // previous step when `step.coalesce` matches it and no gesture boundary came in between.
  void commit(HistoryStep&& step);
  void changed();  // bumps the revision and tells the onChange listener
  [[nodiscard]] std::int64_t now() const;
  std::string newId();  // "<site>-<base36 counter>", skipping ids already on the board

  Board board_;
  std::unique_ptr<History> history_;
  std::uint64_t revision_ = 0;
  std::string site_;
  std::uint64_t idCounter_ = 1;
  std::function<std::int64_t()> nowMs_;
  std::function<void()> onChange_;
};

}  // namespace mapathy
