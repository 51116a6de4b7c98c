// The workshop panel against a headless ImGui context: merging links is one undo step and
// highlights what came in, "Send back" makes a short contribution link, dots stay within the budget
// and travel in that link, prompts land at the top of the chosen place, the presentation mode is
// read-only, the countdown runs on the host's clock, and the share dialog shows a large QR code.
#include <gtest/gtest.h>

#include <algorithm>
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
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy::ui {
namespace {

using testing::AppHarness;

const Board& board(AppHarness& h) { return h.app->document()->board(); }

void newClassicMap(AppHarness& h, const char* lang = "en") {
  ASSERT_TRUE(h.clickRaw(std::string("###start.newEmpathy.classic.") + lang));
  ASSERT_NE(h.app->document(), nullptr);
  h.frames(3);
}

void openPanel(AppHarness& h) {
  ASSERT_TRUE(h.clickRaw("###workshop.toolbar"));
  ASSERT_TRUE(h.app->workshop().open());
  h.frames(2);
}

// A participant's copy of `base` with notes added through a Document (as their app would).
Board participantCopy(const Board& base, const std::string& site, const std::vector<std::string>& texts,
                      const std::string& section = "says") {
  Document d(base);
  d.setSite(site);
  for (const auto& t : texts) EXPECT_FALSE(d.addNote(Place{section, "", ""}, t).empty());
  return d.board();
}

std::vector<std::string> noteIds(const Board& b) {
  std::vector<std::string> ids;
  for (const Note& n : b.notes) ids.push_back(n.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(WorkshopMerge, TwoLinksMergeAsOneUndoStepWithSummaryAndHighlight) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  doc.addNote(Place{"says", "", ""}, "Ruft dreimal an");
  h.frames(2);
  const Board before = board(h);
  const std::size_t depth = doc.undoDepth();

  // One participant sends a contribution (delta), another a whole board.
  const Board anna = participantCopy(before, "anna", {"Wartet zu lange", "Will einen Rückruf"});
  const std::string annaLink = encodeLink(makeDelta(before, anna, "anna"), "https://example.org/mapathy/");
  const Board ben = participantCopy(before, "ben", {"Sucht die Kundennummer"}, "thinks");
  const std::string benLink = encodeLink(ben, "https://example.org/mapathy/");

  openPanel(h);
  ASSERT_TRUE(h.clickRaw("###workshop.merge"));
  h.frames(2);
  h.type(annaLink + "\n" + benLink);
  ASSERT_TRUE(h.clickRaw("###workshop.mergeRun"));

  EXPECT_EQ(board(h).notes.size(), before.notes.size() + 3);
  EXPECT_EQ(doc.undoDepth(), depth + 1) << "two links, one undo step";
  const MergeOutcome& m = h.app->workshop().lastMerge();
  EXPECT_EQ(m.linksMerged, 2);
  EXPECT_TRUE(m.errors.empty());
  EXPECT_EQ(m.addedNotes.size(), 3u);
  EXPECT_TRUE(m.editedNotes.empty());
  EXPECT_TRUE(m.deletedNotes.empty());
  EXPECT_EQ(h.app->workshop().highlighted().size(), 3u);
  EXPECT_NE(h.findRaw("###workshop.mergeDone"), nullptr) << "the dialog shows the summary";
  ASSERT_TRUE(h.clickRaw("###workshop.mergeDone"));

  // One undo takes the whole merge back; redo brings it again.
  ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
  EXPECT_EQ(noteIds(board(h)), noteIds(before));
  EXPECT_EQ(board(h).notes, before.notes);
  ASSERT_TRUE(h.clickRaw("###toolbar.redo"));
  EXPECT_EQ(board(h).notes.size(), before.notes.size() + 3);
}

TEST(WorkshopMerge, ConflictsAreListedAndBadLinksReported) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string id = doc.addNote(Place{"says", "", ""}, "Original");
  const Board base = board(h);
  Document p(base);
  p.setSite("pp");
  p.setNoteText(id, "Teilnehmerin hat es geändert");
  const std::string link = encodeLink(makeDelta(base, p.board(), "pp"), "https://example.org/mapathy/");
  doc.setNoteText(id, "Moderation hat es geändert");
  doc.endGesture();

  const MergeOutcome m = mergeLinks(doc, link + "\nhttps://example.org/#1zz!!");
  EXPECT_EQ(m.linksMerged, 1);
  ASSERT_EQ(m.errors.size(), 1u);
  ASSERT_EQ(m.conflicts.size(), 1u);
  EXPECT_EQ(m.conflicts[0].id, id);
  // Merging the same link again changes nothing and records no step.
  const std::size_t depth = doc.undoDepth();
  const MergeOutcome again = mergeLinks(doc, link);
  EXPECT_FALSE(again.changed);
  EXPECT_EQ(doc.undoDepth(), depth);
}

TEST(WorkshopMerge, DeletionsStayDeletedAndUndoGivesBackTheTombstones) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string keep = doc.addNote(Place{"says", "", ""}, "Bleibt");
  const std::string gone = doc.addNote(Place{"says", "", ""}, "Wird gelöscht");
  doc.endGesture();
  const Board before = board(h);
  Document p(before);
  p.setSite("pp");
  ASSERT_TRUE(p.deleteNote(gone));
  const std::string link = encodeLink(makeDelta(before, p.board(), "pp"), "https://example.org/mapathy/");

  const MergeOutcome m = mergeLinks(doc, link);
  EXPECT_EQ(m.deletedNotes, std::vector<std::string>{gone});
  EXPECT_EQ(findNote(board(h), gone), nullptr);
  EXPECT_NE(findNote(board(h), keep), nullptr);
  ASSERT_FALSE(board(h).tombstones.empty()) << "the document keeps the merge's tombstones";

  // An old copy of the whole board (that still has the note) cannot bring it back.
  const MergeOutcome old = mergeLinks(doc, encodeLink(before, "https://example.org/mapathy/"));
  EXPECT_EQ(findNote(board(h), gone), nullptr);
  EXPECT_TRUE(old.addedNotes.empty());

  // Undo of the first merge gives back the note and takes its tombstone away again.
  while (!board(h).tombstones.empty() && doc.canUndo()) doc.undo();
  EXPECT_NE(findNote(board(h), gone), nullptr);
  EXPECT_EQ(board(h).notes, before.notes);
}

TEST(WorkshopSendBack, FiveShortNotesMakeALinkOfAtMost400Characters) {
  // The facilitator's board, opened by a participant from its link.
  AppHarness facilitator;
  newClassicMap(facilitator, "de");
  const Board start = board(facilitator);
  const std::string roomLink = facilitator.shareLink();

  AppHarness h;
  ASSERT_TRUE(h.app->openLink(roomLink));
  h.frames(3);
  ASSERT_NE(h.app->session().workshopBase(), nullptr);
  EXPECT_EQ(h.app->session().workshopBase()->id, start.id);
  Document& doc = *h.app->document();
  for (const char* t : {"Wartezeit zu lang", "Will Rückruf", "Kennt Tarif nicht", "Ärger über Brief", "Sucht Kundennummer"}) {
    EXPECT_FALSE(doc.addNote(Place{"says", "", ""}, t).empty());
  }
  openPanel(h);
  ASSERT_TRUE(h.clickRaw("###workshop.send"));
  h.frames(2);
  const RecordedItem* qr = h.find("workshop.sendQr");
  ASSERT_NE(qr, nullptr) << "the send-back dialog shows the link as a QR code";
  EXPECT_GE(qr->w, 220.0f);
  ASSERT_TRUE(h.clickRaw("###workshop.sendCopy"));
  const std::string link = h.host.clipboard;
  ASSERT_FALSE(link.empty());
  EXPECT_EQ(link, h.app->workshop().lastSendBackLink());
  EXPECT_LE(link.size(), 400u) << link;
  EXPECT_EQ(link.rfind("https://example.org/mapathy/#", 0), 0u);

  // The facilitator merges it: five new notes.
  const MergeOutcome m = mergeLinks(*facilitator.app->document(), link);
  EXPECT_EQ(m.addedNotes.size(), 5u);
  EXPECT_EQ(board(facilitator).notes.size(), 5u);
}

TEST(WorkshopVoting, DotsStayWithinTheBudgetAndTravelInTheContribution) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string a = doc.addNote(Place{"says", "", ""}, "Erste Notiz");
  const std::string b = doc.addNote(Place{"thinks", "", ""}, "Zweite Notiz");
  h.frames(2);
  const Board base = board(h);
  openPanel(h);
  EXPECT_EQ(h.find("vote.add." + a), nullptr) << "no dot controls before voting is set up";
  ASSERT_TRUE(h.clickRaw("###workshop.dots.more"));
  ASSERT_TRUE(h.clickRaw("###workshop.dots.more"));
  EXPECT_EQ(votesPerPerson(board(h)), 2);
  h.frames(2);

  const std::string voter = h.app->workshop().voter();
  ASSERT_TRUE(h.click("vote.add." + a));
  ASSERT_TRUE(h.click("vote.add." + a));
  EXPECT_EQ(dotsOn(*findNote(board(h), a), voter), 2);
  EXPECT_EQ(votesLeft(board(h), voter), 0);
  const std::uint64_t rev = doc.revision();
  ASSERT_TRUE(h.click("vote.add." + b));  // the budget is spent: nothing happens
  EXPECT_EQ(doc.revision(), rev);
  EXPECT_EQ(findNote(board(h), b)->votes, 0);

  ASSERT_TRUE(h.click("vote.remove." + a));
  EXPECT_EQ(dotsOn(*findNote(board(h), a), voter), 1);
  ASSERT_TRUE(h.click("vote.add." + b));
  EXPECT_EQ(findNote(board(h), b)->votes, 1);
  EXPECT_EQ(findNote(board(h), a)->votes, 1);
  EXPECT_EQ(findNote(board(h), a)->text, "Erste Notiz") << "a dot is not an edit of the note";
  EXPECT_EQ(findNote(board(h), a)->modified, findNote(base, a)->modified);

  // The dots travel in the contribution and are tallied at the facilitator's.
  Board facilitator = base;
  // (The participant's "Send back" link is made by the tools module: its "delta" request, as the app asks.)
  const nlohmann::json sent = nlohmann::json::parse(tools::runTool(
      nlohmann::json{{"op", "delta"}, {"base", saveJson(base)}, {"board", saveJson(board(h))}, {"voter", voter},
                     {"baseUrl", "https://example.org/mapathy/"}}
          .dump()));
  ASSERT_TRUE(sent["ok"].get<bool>()) << sent.dump();
  Result<Board> delta = decodeLink(sent["link"].get<std::string>());
  ASSERT_TRUE(delta.ok()) << english(delta.error());
  Result<MergeResult> merged = merge(facilitator, *delta);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(findNote(merged->board, a)->votes, 1);
  EXPECT_EQ(findNote(merged->board, b)->votes, 1);
  EXPECT_EQ(votesPerPerson(merged->board), 2);

  // Sort by votes: one undo step, most dots first in each place.
  const std::string c = doc.addNote(Place{"says", "", ""}, "Dritte Notiz");
  ASSERT_TRUE(placeDot(doc, a, voter, -1));
  ASSERT_TRUE(placeDot(doc, c, voter, +1));
  const std::size_t depth = doc.undoDepth();
  ASSERT_TRUE(h.clickRaw("###workshop.sort"));
  EXPECT_EQ(doc.undoDepth(), depth + 1);
  auto says = notesAt(board(h), "says", "", "");
  ASSERT_EQ(says.size(), 2u);
  EXPECT_EQ(says[0]->id, c);
}

TEST(WorkshopPrompts, ClickAddsThePromptAtTheTopOfTheChosenSection) {
  AppHarness h("de-DE");
  newClassicMap(h, "de");
  Document& doc = *h.app->document();
  const std::string first = board(h).sections.front().id;
  doc.addNote(Place{first, "", ""}, "Schon da");
  openPanel(h);
  const RecordedItem* prompt = h.findRaw("###workshop.prompt.2");
  ASSERT_NE(prompt, nullptr);
  EXPECT_EQ(prompt->label, "Was hassen sie an uns?");
  const std::size_t depth = doc.undoDepth();
  ASSERT_TRUE(h.clickRaw("###workshop.prompt.2"));
  auto notes = notesAt(board(h), first, "", "");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]->text, "Was hassen sie an uns?");
  EXPECT_EQ(notes[0]->tags, std::vector<std::string>{"prompt"});
  EXPECT_EQ(notes[1]->text, "Schon da");
  EXPECT_GT(doc.undoDepth(), depth);

  // Journey boards offer their text cells as places, named "Stage · Lane".
  Board journey = *makeBoard(BoardKind::Journey, "lifecycle", Lang::En);
  const auto places = promptPlaces(journey);
  ASSERT_FALSE(places.empty());
  EXPECT_NE(places.front().name.find(" · "), std::string::npos);
  EXPECT_FALSE(places.front().place.stage.empty());
  // Every prompt exists in both languages.
  for (const Prompt& p : workshopPrompts()) {
    EXPECT_GT(std::string(p.en).size(), 10u);
    EXPECT_GT(std::string(p.de).size(), 10u);
  }
}

TEST(WorkshopPresentation, IsReadOnlyAndStepsThroughSections) {
  AppHarness h;
  newClassicMap(h);
  Document& doc = *h.app->document();
  const std::string id = doc.addNote(Place{"says", "", ""}, "Bleibt stehen");
  doc.endGesture();
  h.frames(2);
  openPanel(h);
  ASSERT_TRUE(h.clickRaw("###workshop.present"));
  ASSERT_TRUE(h.app->workshop().presenting());
  EXPECT_EQ(h.find("note." + id), nullptr) << "no editable cards while presenting";
  EXPECT_EQ(h.findRaw("###toolbar.undo"), nullptr);
  const std::uint64_t rev = doc.revision();
  const std::string before = saveJson(board(h));
  h.key(ImGuiKey_Z, true);  // Ctrl+Z
  h.key(ImGuiKey_Delete);
  h.doubleClickAt(ImVec2(800, 600));
  h.type("x");
  EXPECT_EQ(doc.revision(), rev);
  EXPECT_EQ(saveJson(board(h)), before);

  EXPECT_EQ(h.app->workshop().presentationStep(), 0);
  h.key(ImGuiKey_RightArrow);
  EXPECT_EQ(h.app->workshop().presentationStep(), 1);
  ASSERT_TRUE(h.clickRaw("###workshop.present.next"));
  EXPECT_EQ(h.app->workshop().presentationStep(), 2);
  h.key(ImGuiKey_LeftArrow);
  EXPECT_EQ(h.app->workshop().presentationStep(), 1);
  for (int i = 0; i < 20; ++i) h.key(ImGuiKey_RightArrow);
  EXPECT_EQ(h.app->workshop().presentationStep(), static_cast<int>(board(h).sections.size()) - 1);
  h.key(ImGuiKey_Escape);
  EXPECT_FALSE(h.app->workshop().presenting());
  EXPECT_NE(h.find("note." + id), nullptr);
}

TEST(WorkshopTimer, CountsDownOnTheHostClockAndNeverTouchesTheBoard) {
  AppHarness h;
  newClassicMap(h);
  openPanel(h);
  const std::uint64_t rev = h.app->document()->revision();
  ASSERT_TRUE(h.clickRaw("###workshop.timer.less"));  // 4 minutes
  EXPECT_EQ(h.app->workshop().timer().minutes(), 4);
  ASSERT_TRUE(h.clickRaw("###workshop.timer.start"));
  EXPECT_GT(h.app->nextFrameDueMs(), h.host.now) << "the countdown's next second, not every display frame";
  EXPECT_LE(h.app->nextFrameDueMs(), h.host.now + 1000);
  h.host.now += 61'000;
  h.frames(2);
  const RecordedItem* shown = h.findRaw("###workshop.timerDisplay");
  ASSERT_NE(shown, nullptr) << "the countdown is visible on the board";
  EXPECT_EQ(shown->label.rfind("2:5", 0), 0u) << shown->label;
  h.host.now += 4 * 60'000;
  h.frames(2);
  shown = h.findRaw("###workshop.timerDisplay");
  ASSERT_NE(shown, nullptr);
  EXPECT_EQ(shown->label, "Time is up");
  EXPECT_EQ(h.app->document()->revision(), rev);

  WorkshopTimer t;
  t.setMinutes(1);
  t.start(1000);
  EXPECT_EQ(t.display(1000), "1:00");
  EXPECT_EQ(t.display(1001), "1:00");
  EXPECT_EQ(t.display(31'000), "0:30");
  t.pause(31'000);
  EXPECT_EQ(t.display(99'000), "0:30");
  t.start(100'000);
  EXPECT_EQ(t.display(129'500), "0:01");
  EXPECT_TRUE(t.finished(130'000));
  t.reset();
  EXPECT_FALSE(t.started());
}

TEST(WorkshopShare, ShareDialogShowsALargeQrCodeOfTheLink) {
  AppHarness h;
  newClassicMap(h);
  ASSERT_TRUE(h.click("Share"));
  h.frames(2);
  const RecordedItem* qr = h.find("share.qr");
  ASSERT_NE(qr, nullptr);
  EXPECT_GE(qr->w, 300.0f) << "large enough to scan from a projector";
  EXPECT_EQ(qr->w, qr->h);
  EXPECT_NE(h.findRaw("###qr.fullScreen.share.qr"), nullptr);
  ASSERT_TRUE(h.clickRaw("###qr.fullScreen.share.qr"));
  const RecordedItem* large = h.find("share.qr.large");
  ASSERT_NE(large, nullptr);
  EXPECT_GE(large->w, 800.0f);
}

}  // namespace
}  // namespace mapathy::ui
