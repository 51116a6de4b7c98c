// The session (core/session/session.hpp) over a fake browser storage: the opening policy, what reaches
// storage and when, boards this app cannot open, the workshop base across reloads, and two tabs of one
// browser editing the same board — interleaved notes, renames and deletions in both orders, storage
// events on time, late or never, and a reload in the middle — after which a fresh tab shows every edit.
#include "core/session/session.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "fake_storage.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

using testing::FakeDevice;
using testing::FakeLocalStorage;
using testing::FakeStorage;

// One browser tab: its view of the storage and its session, and the notices it showed.
struct Tab final : SessionListener {
  Tab(FakeLocalStorage& store, FakeDevice& device) : storage(store), session(storage, device.clock(), device.random()) {
    session.setListener(this);
    session.restore();
  }
  void notice(const Notice& n) override { notices.push_back(n); }
  void boardOpened() override { ++opened; }

  Document& doc() { return *session.document(); }
  const Board& board() { return session.document()->board(); }
  void saveTimer() { storage.runSaveTimer(session); }
  void storageEvent() { storage.deliver(session); }
  bool noticed(Notice::Kind kind) const {
    return std::any_of(notices.begin(), notices.end(), [&](const Notice& n) { return n.kind == kind; });
  }

  FakeStorage storage;
  Session session;
  std::vector<Notice> notices;
  int opened = 0;
};

Place says() { return Place{"says", "", ""}; }
Place thinks() { return Place{"thinks", "", ""}; }

bool hasNoteWithText(const Board& b, const std::string& text) {
  return std::any_of(b.notes.begin(), b.notes.end(), [&](const Note& n) { return n.text == text; });
}

Board storedBoard(FakeLocalStorage& store, const std::string& id) {
  Result<Board> b = loadJson(store.boards.at(id).json);
  EXPECT_TRUE(b.ok()) << english(b.error());
  return b.ok() ? b.value() : Board{};
}

// ---------------------------------------------------------------------------------------------
// Opening policy and storage
// ---------------------------------------------------------------------------------------------
TEST(Session, ANewBoardIsStoredAndOpensAgainAfterAReload) {
  FakeLocalStorage store;
  FakeDevice device;
  std::string id;
  {
    Tab tab(store, device);
    ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::De).ok());
    id = tab.board().id;
    EXPECT_EQ(id.size(), 10u);
    EXPECT_EQ(tab.board().title, listTemplates(Lang::De).front().name);
    EXPECT_TRUE(tab.storage.saveAsked) << "the session asks to be saved; it never polls";
    EXPECT_TRUE(store.boards.empty()) << "nothing is written before the timer";
    tab.doc().addNote(says(), "Zu teuer");
    tab.saveTimer();
    EXPECT_FALSE(tab.session.hasUnsavedChanges());
    EXPECT_EQ(store.openId, id);
  }
  Tab reloaded(store, device);
  ASSERT_NE(reloaded.session.document(), nullptr);
  EXPECT_EQ(reloaded.board().id, id);
  EXPECT_TRUE(hasNoteWithText(reloaded.board(), "Zu teuer"));
  EXPECT_FALSE(reloaded.session.hasUnsavedChanges()) << "what was just read is what is stored";
}

TEST(Session, AGoodLinkPutsWorkAsideAndAnEmptyBoardLeavesTheDevice) {
  FakeLocalStorage store;
  FakeDevice device;
  Tab tab(store, device);
  Board other = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  other.id = "from-link";
  const std::string link = encodeLink(other, "https://example.org/");

  ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::En).ok());
  const std::string empty = tab.board().id;
  tab.saveTimer();
  ASSERT_EQ(store.boards.count(empty), 1u);
  ASSERT_TRUE(tab.session.openLink(link).ok());
  tab.saveTimer();
  EXPECT_EQ(store.boards.count(empty), 0u) << "an untouched board is not kept";
  EXPECT_TRUE(tab.session.library().empty());
  EXPECT_FALSE(tab.noticed(Notice::Kind::BoardKeptAside));

  tab.doc().addNote(Place{"", other.stages.front().id, "actions"}, "ruft an");
  ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::En).ok());
  tab.saveTimer();
  ASSERT_EQ(tab.session.library().size(), 1u);
  EXPECT_EQ(tab.session.library()[0].board().id, "from-link");
  EXPECT_TRUE(tab.noticed(Notice::Kind::BoardKeptAside));
  EXPECT_EQ(store.boards.count("from-link"), 1u);

  std::string error;
  EXPECT_FALSE(tab.session.openLink("https://example.org/#not-a-board").ok());
  EXPECT_EQ(tab.board().kind, BoardKind::EmpathyMap) << "a bad link changes nothing";
}

TEST(Session, TheSameBoardChangedElsewhereKeepsTheLocalVersionAsItsOwnBoard) {
  FakeLocalStorage store;
  FakeDevice device;
  Tab tab(store, device);
  Board shared = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  shared.id = "shared";
  ASSERT_TRUE(tab.session.openLink(encodeLink(shared, "https://example.org/")).ok());
  tab.doc().addNote(says(), "meins");
  tab.saveTimer();  // the local version is stored under the board's id first
  Board newer = shared;
  newer.title = "Changed elsewhere";
  ASSERT_TRUE(tab.session.openLink(encodeLink(newer, "https://example.org/")).ok());
  EXPECT_EQ(tab.board().title, "Changed elsewhere");
  ASSERT_EQ(tab.session.library().size(), 1u);
  EXPECT_NE(tab.session.library()[0].board().id, "shared");
  EXPECT_TRUE(hasNoteWithText(tab.session.library()[0].board(), "meins"));
  EXPECT_TRUE(tab.noticed(Notice::Kind::BoardKeptAside));
  // Stored: the link's version under the id (this session wrote what was there, so it is no other tab's
  // to merge), the local version under its new id.
  tab.saveTimer();
  EXPECT_EQ(storedBoard(store, "shared").title, "Changed elsewhere");
  EXPECT_FALSE(hasNoteWithText(storedBoard(store, "shared"), "meins"));
  EXPECT_TRUE(hasNoteWithText(storedBoard(store, tab.session.library()[0].board().id), "meins"));
}

TEST(Session, LibraryRenameDuplicateDeleteReachStorage) {
  FakeLocalStorage store;
  FakeDevice device;
  Tab tab(store, device);
  ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::En).ok());
  tab.doc().addNote(says(), "eins");
  const std::string first = tab.board().id;
  ASSERT_TRUE(tab.session.newBoard(BoardKind::Journey, "lifecycle", Lang::En).ok());
  tab.saveTimer();
  ASSERT_TRUE(tab.session.renameBoard(first, "Umbenannt"));
  tab.saveTimer();
  EXPECT_EQ(store.boards.at(first).title, "Umbenannt");
  EXPECT_EQ(storedBoard(store, first).title, "Umbenannt");
  EXPECT_GT(storedBoard(store, first).stamps.at(kInfoStamp), 0u) << "a rename in the list is stamped like any edit";
  const std::string copy = tab.session.duplicateBoard(first, "Umbenannt (Kopie)");
  ASSERT_FALSE(copy.empty());
  tab.saveTimer();
  EXPECT_EQ(storedBoard(store, copy).notes.size(), 1u);
  ASSERT_TRUE(tab.session.deleteBoard(first));
  tab.saveTimer();
  EXPECT_EQ(store.boards.count(first), 0u);
  ASSERT_TRUE(tab.session.openFromLibrary(copy));
  EXPECT_EQ(tab.board().title, "Umbenannt (Kopie)");
}

TEST(Session, BoardsFromANewerMapathyAreListedAndNeverTouched) {
  FakeLocalStorage store;
  FakeDevice device;
  const std::string future =
      R"({"format":"mapathy","version":7,"kind":"empathy-map","board":{"id":"future","title":"Aus der Zukunft"}})";
  store.boards["future"] = {3, "Aus der Zukunft", future, ""};
  Board mine = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  mine.id = "mine";
  store.boards["mine"] = {1, "Mine", saveJson(mine), ""};
  store.boards["broken"] = {1, "Kaputt", "{not json", ""};
  store.openId = "mine";
  Tab tab(store, device);
  ASSERT_EQ(tab.session.unopenable().size(), 2u);
  EXPECT_TRUE(tab.noticed(Notice::Kind::BoardFromNewerVersion));
  EXPECT_TRUE(tab.noticed(Notice::Kind::BoardsUnreadable));
  // An older copy of the newer board, e.g. from a link shared before: a board of its own.
  Board older = mine;
  older.id = "future";
  ASSERT_TRUE(tab.session.openLink(encodeLink(older, "https://example.org/")).ok());
  EXPECT_NE(tab.board().id, "future");
  tab.doc().addNote(says(), "x");
  tab.saveTimer();
  EXPECT_EQ(store.boards.at("future").json, future) << "byte for byte";
  EXPECT_EQ(store.boards.at("future").generation, 3u);
  EXPECT_EQ(store.boards.at("broken").json, "{not json");
}

TEST(Session, ALibraryFromANewerMapathyIsNeverWritten) {
  FakeLocalStorage store;
  FakeDevice device;
  store.newerLibrary = "3";
  Tab tab(store, device);
  EXPECT_TRUE(tab.noticed(Notice::Kind::LibraryFromNewerVersion));
  ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::En).ok());
  tab.saveTimer();
  tab.session.save();
  EXPECT_TRUE(store.boards.empty());
  EXPECT_EQ(store.boardWrites, 0);
}

TEST(Session, AFullStorageIsToldOnceAndTheWorkStaysInMemory) {
  FakeLocalStorage store;
  FakeDevice device;
  store.failWith = SaveResult::Full;
  Tab tab(store, device);
  ASSERT_TRUE(tab.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::En).ok());
  tab.doc().addNote(says(), "a");
  tab.saveTimer();
  tab.doc().addNote(says(), "b");
  tab.saveTimer();
  const auto full = std::count_if(tab.notices.begin(), tab.notices.end(),
                                  [](const Notice& n) { return n.kind == Notice::Kind::StorageFull; });
  EXPECT_EQ(full, 1);
  EXPECT_TRUE(tab.session.hasUnsavedChanges());
  store.failWith = SaveResult::Saved;
  tab.session.save();
  EXPECT_FALSE(tab.session.hasUnsavedChanges());
  EXPECT_EQ(storedBoard(store, tab.board().id).notes.size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Workshops: the base survives reloads and switching boards
// ---------------------------------------------------------------------------------------------
TEST(Session, TheWorkshopBaseSurvivesReloadsAndSwitchingBoards) {
  FakeLocalStorage store;
  FakeDevice device;
  Board room = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  room.id = "room";
  room.clock = 5;
  const std::string link = encodeLink(room, "https://example.org/");
  {
    Tab participant(store, device);
    ASSERT_TRUE(participant.session.openLink(link).ok());
    ASSERT_NE(participant.session.workshopBase(), nullptr);
    participant.doc().addNote(says(), "Ruft lieber an als zu mailen");
    participant.saveTimer();
  }
  Tab reloaded(store, device);
  ASSERT_NE(reloaded.session.workshopBase(), nullptr);
  const Board& base = *reloaded.session.workshopBase();
  EXPECT_EQ(base.id, "room");
  EXPECT_TRUE(base.notes.empty()) << "the base is the board as it arrived, not as it was reloaded";
  Board delta = makeDelta(base, reloaded.board(), reloaded.session.voter());
  EXPECT_TRUE(hasNoteWithText(delta, "Ruft lieber an als zu mailen"));

  // Another board in between, then back: still the same base.
  ASSERT_TRUE(reloaded.session.newBoard(BoardKind::Journey, "lifecycle", Lang::De).ok());
  reloaded.saveTimer();
  ASSERT_TRUE(reloaded.session.openFromLibrary("room"));
  ASSERT_NE(reloaded.session.workshopBase(), nullptr);
  EXPECT_TRUE(reloaded.session.workshopBase()->notes.empty());
  EXPECT_TRUE(hasNoteWithText(makeDelta(*reloaded.session.workshopBase(), reloaded.board(), "v"),
                              "Ruft lieber an als zu mailen"));
}

TEST(Session, TheVoterIdIsKeptOnTheDevice) {
  FakeLocalStorage store;
  FakeDevice device;
  std::string voter;
  {
    Tab tab(store, device);
    voter = tab.session.voter();
    EXPECT_EQ(voter.size(), 6u);
  }
  Tab again(store, device);
  EXPECT_EQ(again.session.voter(), voter);
  store.deviceValues["voter"] = "<script>";
  Tab other(store, device);
  EXPECT_NE(other.session.voter(), "<script>");
  EXPECT_EQ(store.deviceValues["voter"], other.session.voter());
}

// ---------------------------------------------------------------------------------------------
// Two tabs of one browser
// ---------------------------------------------------------------------------------------------
enum class Events { OnTime, Late, Never };

struct TabsCase {
  bool firstTabFirst;  // which tab starts the interleaving
  Events events;
  bool reloadInTheMiddle;
};

class TwoTabs : public ::testing::TestWithParam<TabsCase> {};

TEST_P(TwoTabs, InterleavedNotesRenamesAndDeletionsAreAllKept) {
  const TabsCase c = GetParam();
  FakeLocalStorage store;
  FakeDevice device;
  auto first = std::make_unique<Tab>(store, device);
  ASSERT_TRUE(first->session.newBoard(BoardKind::EmpathyMap, "classic", Lang::De).ok());
  const std::string doomed = first->doc().addNote(says(), "wird gelöscht");
  first->saveTimer();
  auto second = std::make_unique<Tab>(store, device);
  ASSERT_NE(second->session.document(), nullptr);
  ASSERT_EQ(second->board().id, first->board().id) << "the second tab opens the board open at the last visit";

  Tab* x = c.firstTabFirst ? first.get() : second.get();
  Tab* y = c.firstTabFirst ? second.get() : first.get();
  auto events = [&](Tab& t) {
    if (c.events == Events::OnTime) t.storageEvent();
  };

  x->doc().addNote(says(), "X eins");
  x->saveTimer();
  events(*y);
  y->doc().addNote(thinks(), "Y eins");
  y->doc().renameSection("feels", "Was fühlt sie?");
  y->saveTimer();
  events(*x);
  x->doc().deleteNote(doomed);
  x->doc().addNote(says(), "X zwei");
  x->doc().setTitle("Kundin im Umzug");
  x->saveTimer();
  events(*y);
  if (c.reloadInTheMiddle) {  // the page is hidden (saves), then reloaded
    y->session.save();
    Tab*& reloaded = y;
    const bool yIsFirst = y == first.get();
    (yIsFirst ? first : second).reset();
    (yIsFirst ? first : second) = std::make_unique<Tab>(store, device);
    reloaded = (yIsFirst ? first : second).get();
  }
  y->doc().addNote(Place{"does", "", ""}, "Y zwei");
  y->saveTimer();
  if (c.events == Events::Late) {  // the events arrive after all the edits
    x->storageEvent();
    y->storageEvent();
  }
  x->session.save();
  y->session.save();

  Tab fresh(store, device);
  const Board& b = fresh.board();
  for (const char* text : {"X eins", "Y eins", "X zwei", "Y zwei"}) EXPECT_TRUE(hasNoteWithText(b, text)) << text;
  EXPECT_FALSE(hasNoteWithText(b, "wird gelöscht")) << "the deletion stays";
  EXPECT_EQ(findSection(b, "feels")->title, "Was fühlt sie?");
  EXPECT_EQ(b.title, "Kundin im Umzug");
  EXPECT_TRUE(validate(b).ok());
}

INSTANTIATE_TEST_SUITE_P(BothOrders, TwoTabs,
                         ::testing::Values(TabsCase{true, Events::OnTime, false},
                                           TabsCase{false, Events::OnTime, false}, TabsCase{true, Events::Late, false},
                                           TabsCase{false, Events::Late, false}, TabsCase{true, Events::Never, false},
                                           TabsCase{false, Events::Never, false}, TabsCase{true, Events::OnTime, true},
                                           TabsCase{false, Events::OnTime, true}, TabsCase{true, Events::Never, true},
                                           TabsCase{false, Events::Never, true}),
                         [](const ::testing::TestParamInfo<TabsCase>& param) {
                           const TabsCase& c = param.param;
                           return std::string(c.firstTabFirst ? "FirstTabFirst" : "SecondTabFirst") +
                                  (c.events == Events::OnTime ? "_EventsOnTime"
                                   : c.events == Events::Late ? "_EventsLate"
                                                              : "_NoEvents") +
                                  (c.reloadInTheMiddle ? "_ReloadInTheMiddle" : "");
                         });

TEST(TwoTabsNotice, ChangesFromTheOtherTabComeInAtOnceWithANoteAndAreNotUndone) {
  FakeLocalStorage store;
  FakeDevice device;
  Tab a(store, device);
  ASSERT_TRUE(a.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::De).ok());
  a.saveTimer();
  Tab b(store, device);
  b.doc().addNote(thinks(), "B war hier");
  b.saveTimer();
  a.doc().addNote(says(), "A war hier");
  ASSERT_TRUE(a.storage.storageEvent);
  a.storageEvent();
  EXPECT_TRUE(hasNoteWithText(a.board(), "B war hier")) << "merged in at the event, not at the next save";
  EXPECT_TRUE(hasNoteWithText(a.board(), "A war hier"));
  EXPECT_TRUE(a.noticed(Notice::Kind::ChangesFromOtherTab));
  // Undo reverts this tab's own step only: the other tab's note stays.
  ASSERT_TRUE(a.doc().undo());
  EXPECT_FALSE(hasNoteWithText(a.board(), "A war hier"));
  EXPECT_TRUE(hasNoteWithText(a.board(), "B war hier"));
  // A tab with nothing new of its own writes nothing back (no ping-pong between tabs).
  b.storageEvent();
  b.saveTimer();
  const int writes = store.boardWrites;
  a.saveTimer();
  b.storageEvent();
  b.saveTimer();
  a.storageEvent();
  a.saveTimer();
  EXPECT_LE(store.boardWrites, writes + 1);
  EXPECT_FALSE(b.noticed(Notice::Kind::BoardKeptAside));
}

TEST(TwoTabsNotice, BoardsMadeOrDeletedInAnotherTabShowUpInTheList) {
  FakeLocalStorage store;
  FakeDevice device;
  Tab a(store, device);
  ASSERT_TRUE(a.session.newBoard(BoardKind::EmpathyMap, "classic", Lang::De).ok());
  a.doc().addNote(says(), "a");
  a.saveTimer();
  Tab b(store, device);
  ASSERT_TRUE(b.session.newBoard(BoardKind::Journey, "lifecycle", Lang::De).ok());
  b.saveTimer();
  a.storageEvent();
  ASSERT_EQ(a.session.library().size(), 1u);
  EXPECT_EQ(a.session.library()[0].board().kind, BoardKind::Journey);
  ASSERT_TRUE(b.session.deleteBoard(b.board().id));
  b.saveTimer();
  a.storageEvent();
  EXPECT_TRUE(a.session.library().empty());
}

}  // namespace
}  // namespace mapathy
