// Workshop details, against the headless app: the facilitator's own deletions stay deleted
// when an older link is merged (and undo brings them back); dots, "sort by votes" and prompts are
// small single undo steps; the voter id survives an app restart on the same device; the
// presentation mode steps through a journey board's stages and is read-only.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
#include "core/edit/merge.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "ui/workshop.hpp"
#include "ui/workshop_panel.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

const Board& board(AppHarness& h) { return h.app->document()->board(); }

void newClassicMap(AppHarness& h) {
  ASSERT_TRUE(h.clickRaw("###start.newEmpathy.classic.en"));
  ASSERT_NE(h.app->document(), nullptr);
  h.frames(3);
}

void openPanel(AppHarness& h) {
  ASSERT_TRUE(h.clickRaw("###workshop.toolbar"));
  ASSERT_TRUE(h.app->workshop().open());
  h.frames(2);
}

TEST(WorkshopDeletion, ANoteDeletedWithTheKeyStaysDeletedWhenAnOlderLinkIsMerged) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string keep = doc.addNote(Place{"says", "", ""}, "Bleibt");
  const std::string gone = doc.addNote(Place{"says", "", ""}, "Wird gelöscht");
  doc.endGesture();
  h.frames(2);
  const std::string olderLink = h.shareLink();  // sent to the room before the deletion

  ASSERT_TRUE(h.click("note." + gone));  // select the card, then the Delete key
  h.key(ImGuiKey_Delete);
  ASSERT_EQ(findNote(board(h), gone), nullptr);
  ASSERT_NE(findNote(board(h), keep), nullptr);

  MergeOutcome m = mergeLinks(doc, olderLink);
  EXPECT_EQ(m.linksMerged, 1);
  EXPECT_EQ(findNote(board(h), gone), nullptr) << "the older link does not bring it back";
  EXPECT_TRUE(m.addedNotes.empty());

  // Undo the deletion with the toolbar: the note is back, and an older link no longer deletes it.
  while (findNote(board(h), gone) == nullptr && doc.canUndo()) ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
  ASSERT_NE(findNote(board(h), gone), nullptr);
  mergeLinks(doc, olderLink);
  ASSERT_NE(findNote(board(h), gone), nullptr) << "after undo the merge keeps it";
  EXPECT_EQ(findNote(board(h), gone)->text, "Wird gelöscht");
}

TEST(WorkshopSteps, DotsSortAndPromptsAreSmallSingleUndoSteps) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string a = doc.addNote(Place{"says", "", ""}, "Erste");
  const std::string b = doc.addNote(Place{"says", "", ""}, "Zweite");
  for (int i = 0; i < 20; ++i) doc.addNote(Place{"thinks", "", ""}, "Füller " + std::to_string(i));
  doc.endGesture();
  h.frames(2);
  openPanel(h);

  std::size_t depth = doc.undoDepth();
  ASSERT_TRUE(h.clickRaw("###workshop.dots.more"));
  ASSERT_TRUE(h.clickRaw("###workshop.dots.more"));
  EXPECT_EQ(votesPerPerson(board(h)), 2);
  EXPECT_EQ(doc.undoDepth(), depth + 2);
  EXPECT_EQ(doc.undoStepSize(), 1u) << "the budget is one small delta";
  h.frames(2);

  // A dot: one step with one delta; undo and redo from the toolbar.
  const std::string voter = h.app->workshop().voter();
  depth = doc.undoDepth();
  const Board beforeDot = board(h);
  ASSERT_TRUE(h.click("vote.add." + b));
  EXPECT_EQ(doc.undoDepth(), depth + 1);
  EXPECT_EQ(doc.undoStepSize(), 1u) << "one note delta, not a copy of the board";
  EXPECT_EQ(dotsOn(*findNote(board(h), b), voter), 1);
  EXPECT_EQ(findNote(board(h), b)->modified, findNote(beforeDot, b)->modified);
  ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
  EXPECT_EQ(board(h).notes, beforeDot.notes);
  EXPECT_EQ(votesLeft(board(h), voter), 2);
  ASSERT_TRUE(h.clickRaw("###toolbar.redo"));
  EXPECT_EQ(dotsOn(*findNote(board(h), b), voter), 1);

  // Sort by votes: one step, only the moved notes in it.
  depth = doc.undoDepth();
  const Board beforeSort = board(h);
  ASSERT_TRUE(h.clickRaw("###workshop.sort"));
  EXPECT_EQ(doc.undoDepth(), depth + 1);
  EXPECT_LE(doc.undoStepSize(), 2u) << "only the two notes of 'says' move";
  EXPECT_GE(doc.undoStepSize(), 1u);
  auto says = notesAt(board(h), "says", "", "");
  ASSERT_EQ(says.size(), 2u);
  EXPECT_EQ(says[0]->id, b);
  EXPECT_EQ(says[1]->id, a);
  ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
  EXPECT_EQ(board(h).notes, beforeSort.notes);
  EXPECT_EQ(notesAt(board(h), "says", "", "")[0]->id, a);
  ASSERT_TRUE(h.clickRaw("###toolbar.redo"));
  EXPECT_EQ(notesAt(board(h), "says", "", "")[0]->id, b);

  // A prompt: one step that adds the tagged note; one undo removes it entirely.
  depth = doc.undoDepth();
  const Board beforePrompt = board(h);
  const std::size_t notes = beforePrompt.notes.size();
  ASSERT_TRUE(h.clickRaw("###workshop.prompt.1"));
  EXPECT_EQ(doc.undoDepth(), depth + 1) << "insert prompt is one undo step";
  ASSERT_EQ(board(h).notes.size(), notes + 1);
  const Note& prompt = board(h).notes.back();
  EXPECT_EQ(prompt.tags, std::vector<std::string>{"prompt"});
  EXPECT_EQ(prompt.text, workshopPrompts()[1].en);
  ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
  EXPECT_EQ(board(h).notes, beforePrompt.notes);
  ASSERT_TRUE(h.clickRaw("###toolbar.redo"));
  EXPECT_EQ(board(h).notes.back().tags, std::vector<std::string>{"prompt"});
}

TEST(WorkshopVoter, TheVoterIdSurvivesAnAppRestartOnTheSameDevice) {
  AppHarness h;
  const std::string voter = h.app->workshop().voter();
  ASSERT_GE(voter.size(), 4u);
  EXPECT_EQ(h.store.deviceValues["voter"], voter) << "kept on the device";

  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string a = doc.addNote(Place{"says", "", ""}, "Erste");
  doc.endGesture();
  ASSERT_TRUE(doc.setVotesPerPerson(3));
  h.frames(2);
  ASSERT_TRUE(h.click("vote.add." + a));
  ASSERT_TRUE(h.click("vote.add." + a));
  EXPECT_EQ(votesLeft(board(h), voter), 1);
  const std::string link = h.shareLink();

  // Restart: a new session and App on the same device open the same board again.
  h.reload();
  EXPECT_EQ(h.app->workshop().voter(), voter) << "same device, same voter";
  ASSERT_TRUE(h.app->openLink(link));
  h.frames(3);
  EXPECT_EQ(votesLeft(board(h), h.app->workshop().voter()), 1) << "no fresh dots after a reload";
  ASSERT_TRUE(h.click("vote.add." + a));
  EXPECT_EQ(dotsOn(*findNote(board(h), a), voter), 3);
  const std::uint64_t rev = h.app->document()->revision();
  ASSERT_TRUE(h.click("vote.add." + a));  // the budget is spent
  EXPECT_EQ(h.app->document()->revision(), rev);

  // Another device gets another id; a device whose stored value is unusable gets a new one.
  AppHarness other;
  other.store.deviceValues.clear();  // a device that never ran Mapathy, with its own randomness
  other.host.seed = 4711;
  other.reload();
  EXPECT_NE(other.app->workshop().voter(), voter);
  other.store.deviceValues["voter"] = "<script>";
  other.reload();
  EXPECT_NE(other.app->workshop().voter(), "<script>");
  EXPECT_EQ(other.store.deviceValues["voter"], other.app->workshop().voter());
}

TEST(WorkshopPresentation, StepsThroughAJourneyBoardsStagesReadOnly) {
  AppHarness h("en-GB", ImVec2(1600, 1600));  // tall: the panel's "Presentation mode" button needs no scrolling
  ASSERT_TRUE(h.app->newBoard(BoardKind::Journey, "lifecycle", Lang::En));
  h.frames(3);
  Document& doc = *h.app->document();
  const std::vector<Stage> stages = board(h).stages;
  ASSERT_GE(stages.size(), 3u);
  std::string lane;
  for (const Lane& l : board(h).lanes) {
    if (l.kind == LaneKind::Text) {
      lane = l.id;
      break;
    }
  }
  ASSERT_FALSE(lane.empty());
  std::vector<std::string> noteOfStage;
  for (std::size_t i = 0; i < stages.size(); ++i) {
    noteOfStage.push_back(doc.addNote(Place{"", stages[i].id, lane}, "Notiz in " + stages[i].name));
  }
  ASSERT_TRUE(doc.setVotesPerPerson(2));  // dot controls would be on the cards outside presentation
  doc.endGesture();
  h.frames(2);
  ASSERT_NE(h.find("note." + noteOfStage[0]), nullptr);

  openPanel(h);
  ASSERT_TRUE(h.clickRaw("###workshop.present"));
  ASSERT_TRUE(h.app->workshop().presenting());
  h.frames(2);
  EXPECT_EQ(h.find("note." + noteOfStage[0]), nullptr) << "no editable cards while presenting";
  EXPECT_EQ(h.find("vote.add." + noteOfStage[0]), nullptr) << "no dot controls while presenting";
  EXPECT_EQ(h.findRaw("###toolbar.undo"), nullptr);

  // Each step shows one stage: its name and only its notes.
  auto expectStage = [&](std::size_t i) {
    EXPECT_EQ(h.app->workshop().presentationStep(), static_cast<int>(i));
    const RecordedItem* title = h.findRaw("###workshop.present.title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->label, stages[i].name);
    for (std::size_t j = 0; j < stages.size(); ++j) {
      const RecordedItem* note = h.findRaw("###workshop.present.note." + noteOfStage[j]);
      if (j == i) {
        ASSERT_NE(note, nullptr) << "stage " << i;
        EXPECT_EQ(note->label, "Notiz in " + stages[i].name);
        EXPECT_GE(note->h, 40.0f) << "large type";
      } else {
        EXPECT_EQ(note, nullptr) << "stage " << i << " shows a note of stage " << j;
      }
    }
  };
  expectStage(0);
  ASSERT_TRUE(h.clickRaw("###workshop.present.next"));
  expectStage(1);
  h.key(ImGuiKey_RightArrow);
  expectStage(2);
  h.key(ImGuiKey_LeftArrow);
  expectStage(1);
  ASSERT_TRUE(h.clickRaw("###workshop.present.prev"));
  expectStage(0);
  for (std::size_t i = 0; i < stages.size() + 5; ++i) h.key(ImGuiKey_PageDown);
  expectStage(stages.size() - 1);

  // Read-only: shortcuts, typing, clicks and double-clicks on the shown notes change nothing.
  const std::uint64_t rev = doc.revision();
  const std::string before = saveJson(board(h));
  const RecordedItem* shown = h.findRaw("###workshop.present.note." + noteOfStage.back());
  ASSERT_NE(shown, nullptr);
  const ImVec2 at = AppHarness::centre(*shown);
  h.clickAt(at);
  h.key(ImGuiKey_Delete);
  h.key(ImGuiKey_Z, true);  // Ctrl+Z
  h.key(ImGuiKey_Y, true);
  h.doubleClickAt(at);
  h.type("x");
  h.key(ImGuiKey_Enter);
  h.doubleClickAt(ImVec2(800, 900));
  h.type("neu");
  EXPECT_EQ(doc.revision(), rev);
  EXPECT_EQ(saveJson(board(h)), before);
  EXPECT_TRUE(h.app->workshop().presenting());

  // Exit with the button: the editable board is back.
  ASSERT_TRUE(h.clickRaw("###workshop.present.exit"));
  EXPECT_FALSE(h.app->workshop().presenting());
  h.frames(2);
  EXPECT_NE(h.find("note." + noteOfStage[0]), nullptr);
  EXPECT_NE(h.findRaw("###toolbar.undo"), nullptr);
}

}  // namespace
}  // namespace mapathy::ui
