// The workshop in the room, against the headless app: contributions survive a restart of the participant's
// app, re-opening the facilitator's link and switching boards, and merge once however often they are sent;
// the facilitator scans codes (each merged at once, one undo step each, counted, repeats "already merged");
// bad input — another site's code, a cut-off contribution, one for another board, one from a newer
// Mapathy — gets a message in the UI language and changes nothing, pasted or scanned; a refused camera
// says so and pasting still works; the countdown asks for one frame per second and its end stays on
// screen until acknowledged, with a sound only when turned on.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/model/templates.hpp"
#include "ui/i18n.hpp"
#include "ui/workshop.hpp"
#include "ui/workshop_panel.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

const Board& board(AppHarness& h) { return h.app->document()->board(); }

bool hasNote(const Board& b, const std::string& text) {
  return std::any_of(b.notes.begin(), b.notes.end(), [&](const Note& n) { return n.text == text; });
}

int countNotes(const Board& b, const std::string& text) {
  return static_cast<int>(std::count_if(b.notes.begin(), b.notes.end(), [&](const Note& n) { return n.text == text; }));
}

void openPanel(AppHarness& h) {
  if (!h.app->workshop().open()) {
    ASSERT_TRUE(h.clickRaw("###workshop.toolbar"));
  }
  ASSERT_TRUE(h.app->workshop().open());
  h.frames(2);
}

// The participant's "Send back…" then "Copy link": the contribution link, or "" when the button is disabled.
std::string sendBack(AppHarness& h) {
  openPanel(h);
  h.host.clipboard.clear();
  if (!h.clickRaw("###workshop.send")) return "";
  h.frames(2);
  if (!h.clickRaw("###workshop.sendCopy")) return "";
  const std::string link = h.host.clipboard;
  h.key(ImGuiKey_Escape);
  h.frames(2);
  return link;
}

// A facilitator with a German board, and its room link.
struct Room {
  AppHarness facilitator{"de-DE"};
  std::string link;
  Room() {
    EXPECT_TRUE(facilitator.clickRaw("###start.newEmpathy.classic.de"));
    facilitator.frames(3);
    link = facilitator.shareLink();
  }
};

// ---------------------------------------------------------------------------------------------
// Reload-proof contributions
// ---------------------------------------------------------------------------------------------
TEST(WorkshopRoom, AContributionSurvivesRestartsRelinkingAndSwitchingAndMergesOnce) {
  Room room;
  AppHarness p("de-DE");
  p.host.seed = 4242;  // another device: other ids
  p.reload();
  ASSERT_TRUE(p.app->openLink(room.link));
  p.frames(2);
  const std::string roomId = board(p).id;
  p.app->document()->addNote(Place{"says", "", ""}, "Ärgert sich über Wartezeiten");
  p.frames(2);

  // The app restarts (a reload, a discarded tab): the note and what to send back are still there.
  p.reload();
  p.frames(2);
  ASSERT_TRUE(hasNote(board(p), "Ärgert sich über Wartezeiten"));
  const std::string first = sendBack(p);
  ASSERT_FALSE(first.empty()) << "after a restart there is still something to send back";

  // Another board in between, then back.
  ASSERT_TRUE(p.app->newBoard(BoardKind::Journey, "lifecycle", Lang::De));
  p.frames(2);
  ASSERT_TRUE(p.app->session().openFromLibrary(roomId));
  p.frames(2);
  EXPECT_FALSE(sendBack(p).empty());

  // Sent, then more added: sending again carries both notes; merging both links merges each note once.
  p.app->document()->addNote(Place{"thinks", "", ""}, "Zweifelt an der Rechnung");
  p.frames(2);
  const std::string second = sendBack(p);
  ASSERT_FALSE(second.empty());
  Document& f = *room.facilitator.app->document();
  const MergeOutcome m1 = mergeLinks(f, first);
  EXPECT_EQ(m1.addedNotes.size(), 1u);
  const MergeOutcome m2 = mergeLinks(f, second + "\n" + first + "\n" + second);
  EXPECT_EQ(m2.addedNotes.size(), 1u) << "only the second note is new";
  EXPECT_EQ(countNotes(f.board(), "Ärgert sich über Wartezeiten"), 1);
  EXPECT_EQ(countNotes(f.board(), "Zweifelt an der Rechnung"), 1);
  const std::size_t depth = f.undoDepth();
  EXPECT_FALSE(mergeLinks(f, first + " " + second).changed) << "sending twice merges once";
  EXPECT_EQ(f.undoDepth(), depth);

  // The participant opens the facilitator's link again (it now holds other people's notes): the local
  // version is kept as a board of its own — and can still be sent back, to the facilitator's board.
  f.addNote(Place{"does", "", ""}, "Von der Moderation");
  room.facilitator.frames(2);
  const std::string newerRoom = room.facilitator.shareLink();
  ASSERT_TRUE(p.app->openLink(newerRoom));
  p.frames(2);
  const auto& library = p.app->session().library();
  const auto copy = std::find_if(library.begin(), library.end(), [](const LibraryBoard& b) {
    return hasNote(b.board(), "Zweifelt an der Rechnung") && b.board().kind == BoardKind::EmpathyMap;
  });
  ASSERT_NE(copy, library.end());
  const std::string copyId = copy->board().id;
  EXPECT_NE(copyId, roomId);
  p.app->document()->addNote(Place{"feels", "", ""}, "Nach dem Neuladen dazu");  // on the room board again
  p.frames(2);
  p.reload();
  ASSERT_TRUE(p.app->session().openFromLibrary(copyId));
  p.frames(2);
  const std::string fromCopy = sendBack(p);
  ASSERT_FALSE(fromCopy.empty()) << "the local version kept its workshop base";
  Result<Board> delta = decodeLink(fromCopy);
  ASSERT_TRUE(delta.ok()) << delta.error().debug();
  EXPECT_EQ(delta->id, roomId) << "a contribution for the facilitator's board";
  const Board beforeAgain = f.board();
  EXPECT_FALSE(mergeLinks(f, fromCopy).changed) << "nothing new: both notes came in already";
  EXPECT_EQ(f.board(), beforeAgain);
}

// ---------------------------------------------------------------------------------------------
// Bad input: pasted and scanned, in both languages
// ---------------------------------------------------------------------------------------------
struct BadInput {
  std::string otherSite = "https://example.com/speisekarte";
  std::string wifi = "WIFI:S:Gast;T:WPA;P:geheim;;";
  std::string truncated;
  std::string otherBoard;
  std::string newer = "https://example.org/mapathy/#4AbCdEfGh";
};

BadInput badInputFor(AppHarness& facilitator) {
  BadInput bad;
  facilitator.app->document()->addNote(Place{"says", "", ""}, "Notiz der Moderation");  // work: kept when put aside
  facilitator.frames(2);
  const Board here = board(facilitator);
  Document p(here);
  p.setSite("pp");
  p.addNote(Place{"says", "", ""}, "Möchte schneller eine Antwort");
  const std::string good = encodeLink(makeDelta(here, p.board(), "pp"), "https://example.org/mapathy/");
  bad.truncated = good.substr(0, good.size() - 12);
  // A contribution for another board the facilitator has on this device.
  EXPECT_TRUE(facilitator.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
  facilitator.frames(2);
  EXPECT_TRUE(facilitator.app->session().renameBoard(board(facilitator).id, "Kundendienst Nord"));
  facilitator.frames(2);
  const Board other = board(facilitator);
  Document q(other);
  q.setSite("qq");
  q.addNote(Place{"says", "", ""}, "Gehört woandershin");
  bad.otherBoard = encodeLink(makeDelta(other, q.board(), "qq"), "https://example.org/mapathy/");
  EXPECT_TRUE(facilitator.app->session().openFromLibrary(here.id));
  facilitator.frames(2);
  return bad;
}

TEST(WorkshopRoom, BadPastedLinksGetAMessageInEachLanguageAndChangeNothing) {
  for (const char* language : {"de-DE", "en-GB"}) {
    AppHarness h(language);
    ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
    h.frames(2);
    const BadInput bad = badInputFor(h);
    const Board before = board(h);
    const std::size_t depth = h.app->document()->undoDepth();
    const MergeOutcome m =
        mergeLinks(*h.app->document(),
                   bad.otherSite + "\n" + bad.wifi + "\n" + bad.truncated + "\n" + bad.otherBoard + "\n" + bad.newer,
                   [&](const std::string& id) {
                     for (const LibraryBoard& b : h.app->session().library()) {
                       if (b.board().id == id) return b.board().title;
                     }
                     return std::string();
                   });
    EXPECT_EQ(m.linksMerged, 0);
    EXPECT_FALSE(m.changed);
    EXPECT_EQ(board(h), before);
    EXPECT_EQ(h.app->document()->undoDepth(), depth);
    ASSERT_EQ(m.errors.size(), 5u);
    EXPECT_EQ(m.errors[0].problem, LinkProblem::NotMapathy);
    EXPECT_EQ(m.errors[1].problem, LinkProblem::NotMapathy);
    EXPECT_EQ(m.errors[2].problem, LinkProblem::Damaged);
    EXPECT_EQ(m.errors[3].problem, LinkProblem::OtherBoard);
    EXPECT_EQ(m.errors[4].problem, LinkProblem::Newer);
    const bool de = std::string(language) == "de-DE";
    EXPECT_NE(describeLinkIssue(m.errors[0]).find(de ? "kein Mapathy-Link" : "not a Mapathy link"), std::string::npos);
    EXPECT_NE(describeLinkIssue(m.errors[2]).find(de ? "unvollständig" : "incomplete"), std::string::npos);
    const std::string other = describeLinkIssue(m.errors[3]);
    EXPECT_NE(other.find(de ? "anderen Board" : "another board"), std::string::npos) << other;
    EXPECT_NE(other.find("Kundendienst Nord"), std::string::npos) << "names the board it belongs to: " << other;
    EXPECT_NE(describeLinkIssue(m.errors[4]).find(de ? "neueren Mapathy" : "newer Mapathy"), std::string::npos);

    // The same through the dialog: the messages are on screen, the board is unchanged.
    openPanel(h);
    ASSERT_TRUE(h.clickRaw("###workshop.merge"));
    h.frames(2);
    h.type(bad.truncated + "\n" + bad.newer);
    ASSERT_TRUE(h.clickRaw("###workshop.mergeRun"));
    EXPECT_EQ(h.app->workshop().lastMerge().errors.size(), 2u);
    EXPECT_EQ(board(h), before);
    EXPECT_EQ(h.app->workshop().contributionsMerged(), 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Scanning
// ---------------------------------------------------------------------------------------------
TEST(WorkshopRoom, ScannedCodesAreMergedAtOnceCountedAndEachIsOneUndoStep) {
  for (const char* language : {"de-DE", "en-GB"}) {
    AppHarness h(language);
    ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
    h.frames(2);
    const BadInput bad = badInputFor(h);
    const Board start = board(h);
    auto contribution = [&](const std::string& site, const std::string& text) {
      Document p(start);
      p.setSite(site);
      p.addNote(Place{"says", "", ""}, text);
      return encodeLink(makeDelta(start, p.board(), site), "https://example.org/mapathy/");
    };
    const std::string anna = contribution("anna", "Wünscht sich einen Rückruf");
    const std::string ben = contribution("ben", "Liest die Briefe nicht");

    openPanel(h);
    ASSERT_TRUE(h.clickRaw("###workshop.merge"));
    h.frames(2);
    ASSERT_TRUE(h.clickRaw("###workshop.scan"));
    h.frames(2);
    ASSERT_TRUE(h.host.scannerOn) << "the camera is on while scanning";
    const RecordedItem* area = h.findRaw("###workshop.scanArea");
    ASSERT_NE(area, nullptr);
    EXPECT_GT(h.host.scannerRect.z, 150.0f) << "the preview is placed over the dialog's preview area";
    EXPECT_NEAR(h.host.scannerRect.x, area->x + 6.0f, 1.0f);

    Document& doc = *h.app->document();
    const std::size_t depth = doc.undoDepth();
    h.app->scannedCode(anna);
    h.frames(2);
    EXPECT_EQ(h.app->workshop().lastScan().kind, ScanOutcome::Kind::Merged);
    EXPECT_TRUE(hasNote(doc.board(), "Wünscht sich einen Rückruf"));
    EXPECT_EQ(doc.undoDepth(), depth + 1);
    EXPECT_GT(h.app->nextFrameDueMs(), h.host.now) << "a frame to end the confirmation's flash";
    EXPECT_TRUE(h.host.sounds.empty()) << "no sound unless turned on";

    h.app->scannedCode(anna);  // the same code shown again
    h.frames(2);
    EXPECT_EQ(h.app->workshop().lastScan().kind, ScanOutcome::Kind::AlreadyMerged);
    const RecordedItem* message = h.findRaw("###workshop.scanMessage");
    ASSERT_NE(message, nullptr);
    EXPECT_EQ(message->label, tr("workshop.scanAlready"));
    EXPECT_EQ(doc.undoDepth(), depth + 1);

    ASSERT_TRUE(h.clickRaw("###workshop.scanSound"));
    h.app->scannedCode(ben);
    h.frames(2);
    EXPECT_EQ(doc.undoDepth(), depth + 2) << "one undo step per code";
    ASSERT_EQ(h.host.sounds.size(), 1u);
    const RecordedItem* count = h.findRaw("###workshop.scanCount");
    ASSERT_NE(count, nullptr);
    EXPECT_EQ(count->label, std::string(language) == "de-DE" ? "2 Beiträge zusammengeführt" : "2 contributions merged");

    // Bad codes: a message each, nothing changes.
    const Board merged = doc.board();
    for (const std::string& code : {bad.otherSite, bad.wifi, bad.truncated, bad.otherBoard, bad.newer}) {
      h.app->scannedCode(code);
      h.frames(2);
      EXPECT_EQ(h.app->workshop().lastScan().kind, ScanOutcome::Kind::Problem) << code;
      message = h.findRaw("###workshop.scanMessage");
      ASSERT_NE(message, nullptr);
      EXPECT_EQ(message->label, describeLinkIssue(h.app->workshop().lastScan().issue));
      EXPECT_EQ(doc.board(), merged) << code;
      EXPECT_EQ(doc.undoDepth(), depth + 2);
    }
    EXPECT_NE(describeLinkIssue(h.app->workshop().lastScan().issue)
                  .find(std::string(language) == "de-DE" ? "neueren" : "newer"),
              std::string::npos);

    // Undo takes back the last code alone.
    h.key(ImGuiKey_Escape);  // closes the dialog: the camera goes off
    h.frames(2);
    EXPECT_FALSE(h.host.scannerOn);
    ASSERT_TRUE(h.clickRaw("###toolbar.undo"));
    EXPECT_TRUE(hasNote(board(h), "Wünscht sich einen Rückruf"));
    EXPECT_FALSE(hasNote(board(h), "Liest die Briefe nicht"));
    EXPECT_EQ(h.app->workshop().contributionsMerged(), 2);
  }
}

TEST(WorkshopRoom, ARefusedOrMissingCameraSaysSoAndPastingStillWorks) {
  AppHarness h("de-DE");
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
  h.frames(2);
  const Board start = board(h);
  Document p(start);
  p.setSite("pp");
  p.addNote(Place{"says", "", ""}, "Über den Link gekommen");
  const std::string link = encodeLink(makeDelta(start, p.board(), "pp"), "https://example.org/mapathy/");

  openPanel(h);
  ASSERT_TRUE(h.clickRaw("###workshop.merge"));
  h.frames(2);
  ASSERT_TRUE(h.clickRaw("###workshop.scan"));
  h.frames(2);
  ASSERT_TRUE(h.app->workshop().scanning());
  h.app->scannerFailed(ScannerProblem::Refused);  // the person said no to the camera
  h.frames(2);
  EXPECT_FALSE(h.app->workshop().scanning());
  EXPECT_FALSE(h.host.scannerOn);
  ASSERT_NE(h.findRaw("##workshop.mergeText"), nullptr) << "back to pasting";
  ASSERT_TRUE(h.clickRaw("##workshop.mergeText"));
  h.type(link);
  ASSERT_TRUE(h.clickRaw("###workshop.mergeRun"));
  EXPECT_TRUE(hasNote(board(h), "Über den Link gekommen"));
  EXPECT_EQ(h.app->workshop().contributionsMerged(), 1);
  EXPECT_EQ(std::string(tr("workshop.cameraRefused")).rfind("Die Kamera ist für diese Seite nicht erlaubt", 0), 0u);

  // No camera service at all: the same, without ever turning the camera on.
  h.host.camera = false;
  ASSERT_TRUE(h.clickRaw("###workshop.mergeDone"));
  ASSERT_TRUE(h.clickRaw("###workshop.merge"));
  h.frames(2);
  ASSERT_TRUE(h.clickRaw("###workshop.scan"));
  h.frames(2);
  EXPECT_FALSE(h.app->workshop().scanning());
  EXPECT_NE(h.findRaw("##workshop.mergeText"), nullptr);
}

// ---------------------------------------------------------------------------------------------
// The countdown: one frame a second, an end that stays
// ---------------------------------------------------------------------------------------------
TEST(WorkshopRoom, TheCountdownAsksForOneFrameASecondAndItsEndStaysUntilAcknowledged) {
  AppHarness h("de-DE");
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
  h.frames(2);
  openPanel(h);
  EXPECT_EQ(h.app->nextFrameDueMs(), App::kNoFrameDue) << "an idle board needs no frames";
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(h.clickRaw("###workshop.timer.less"));  // 1 minute
  ASSERT_TRUE(h.clickRaw("###workshop.timer.start"));
  // Over the whole minute, the frames the app asks for: one per second of the display.
  int asked = 0;
  const std::int64_t end = h.host.now + 60'000;
  while (true) {
    const std::int64_t due = h.app->nextFrameDueMs();
    if (due == App::kNoFrameDue) break;
    ASSERT_GT(due, h.host.now) << "never a frame per display refresh";
    ASSERT_LE(due - h.host.now, 1000);
    h.host.now = due;
    h.frames(1);
    ++asked;
    ASSERT_LE(asked, 70);
  }
  EXPECT_GE(h.host.now, end - 100);  // each harness frame moves the clock on by 16 ms
  EXPECT_LE(asked, 61);
  EXPECT_TRUE(h.app->workshop().timeUpShown());
  EXPECT_TRUE(h.host.sounds.empty()) << "the sound is off by default";
  // The end stays: minutes later it is still on screen, and no frames are asked for in between.
  h.host.now += 5 * 60'000;
  h.frames(2);
  const RecordedItem* up = h.findRaw("###workshop.timeUp");
  ASSERT_NE(up, nullptr);
  EXPECT_EQ(up->label, "Die Zeit ist um");
  ASSERT_TRUE(h.clickRaw("###workshop.timeUpOk"));
  h.frames(2);
  EXPECT_EQ(h.findRaw("###workshop.timeUp"), nullptr);
  EXPECT_FALSE(h.app->workshop().timer().started());

  // With the sound turned on, the end plays it once.
  ASSERT_TRUE(h.clickRaw("###workshop.timer.sound"));
  ASSERT_TRUE(h.clickRaw("###workshop.timer.start"));
  h.host.now += 60'000;
  h.frames(3);
  ASSERT_EQ(h.host.sounds.size(), 1u);
  EXPECT_EQ(h.host.sounds[0], Host::Sound::TimeUp);
}

// The facilitator is pasting links when the time runs out: the banner's OK works with the dialog still open
// (a modal dialog takes ImGui's input), and the dialog keeps what was typed.
TEST(WorkshopRoom, TheCountdownsEndIsAcknowledgedWhileTheMergeDialogIsOpen) {
  AppHarness h("de-DE");
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
  h.frames(2);
  openPanel(h);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(h.clickRaw("###workshop.timer.less"));  // 1 minute
  ASSERT_TRUE(h.clickRaw("###workshop.timer.start"));
  ASSERT_TRUE(h.clickRaw("###workshop.merge"));
  h.frames(2);
  ASSERT_NE(h.findRaw("###workshop.mergeRun"), nullptr) << "the merge dialog is open";
  h.host.now += 61'000;
  h.frames(2);
  ASSERT_TRUE(h.app->workshop().timeUpShown());
  ASSERT_NE(h.findRaw("###workshop.timeUpOk"), nullptr);
  ASSERT_TRUE(h.clickRaw("###workshop.timeUpOk"));
  h.frames(2);
  EXPECT_FALSE(h.app->workshop().timeUpShown()) << "OK acknowledged the end under the open dialog";
  EXPECT_EQ(h.findRaw("###workshop.timeUp"), nullptr);
  EXPECT_FALSE(h.app->workshop().timer().started());
  EXPECT_NE(h.findRaw("###workshop.mergeRun"), nullptr) << "the dialog stays open";
}

}  // namespace
}  // namespace mapathy::ui
