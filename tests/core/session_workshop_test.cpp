// The session's workshop base where a board moves to a new id: a participant's local version, kept as a
// board of its own when the facilitator's link is opened again, keeps the base it was opened from — open or
// put aside, and across a reload — so what the participant added can still be sent back, to the
// facilitator's board.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "core/session/session.hpp"
#include "fake_storage.hpp"

namespace mapathy {
namespace {

using testing::FakeDevice;
using testing::FakeLocalStorage;
using testing::FakeStorage;

struct Device {
  explicit Device(FakeLocalStorage& store, FakeDevice& device)
      : storage(store), session(storage, device.clock(), device.random()) {
    session.restore();
  }
  void saveTimer() { storage.runSaveTimer(session); }
  FakeStorage storage;
  Session session;
};

bool hasNote(const Board& b, const std::string& text) {
  return std::any_of(b.notes.begin(), b.notes.end(), [&](const Note& n) { return n.text == text; });
}

const LibraryBoard* withNote(const Session& s, const std::string& text) {
  for (const LibraryBoard& b : s.library()) {
    if (hasNote(b.board(), text)) return &b;
  }
  return nullptr;
}

Board room() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.id = "room";
  b.clock = 7;
  return b;
}

TEST(SessionWorkshop, ALocalVersionPutAsideKeepsItsBaseWhenTheLinkArrivesAgain) {
  FakeLocalStorage store;
  FakeDevice device;
  const std::string link = encodeLink(room(), "https://example.org/");
  std::string copyId;
  {
    Device p(store, device);
    ASSERT_TRUE(p.session.openLink(link).ok());
    p.session.document()->addNote(Place{"says", "", ""}, "Möchte den Status sehen");
    // Another board opens: the room is put aside (and stored, base and all).
    ASSERT_TRUE(p.session.newBoard(BoardKind::Journey, "lifecycle", Lang::De).ok());
    p.saveTimer();
    // The facilitator's link again, now with a note of the facilitator's.
    Board newer = room();
    Document f(newer);
    f.setSite("ff");
    f.addNote(Place{"does", "", ""}, "Von der Moderation");
    ASSERT_TRUE(p.session.openLink(encodeLink(f.board(), "https://example.org/")).ok());
    EXPECT_EQ(p.session.document()->board().id, "room");
    const LibraryBoard* copy = withNote(p.session, "Möchte den Status sehen");
    ASSERT_NE(copy, nullptr) << "the local version is kept";
    copyId = copy->board().id;
    EXPECT_NE(copyId, "room");
    p.saveTimer();
  }
  // After a reload: the copy opens with the base it came from.
  Device again(store, device);
  ASSERT_TRUE(again.session.openFromLibrary(copyId));
  const Board* base = again.session.workshopBase();
  ASSERT_NE(base, nullptr);
  EXPECT_EQ(base->id, "room");
  EXPECT_TRUE(base->notes.empty()) << "the room as it first arrived";
  const Board delta = makeDelta(*base, again.session.document()->board(), again.session.voter());
  EXPECT_EQ(delta.id, "room") << "a contribution for the facilitator's board";
  EXPECT_TRUE(hasNote(delta, "Möchte den Status sehen"));
  EXPECT_FALSE(hasNote(delta, "Von der Moderation"));
}

TEST(SessionWorkshop, TheOpenLocalVersionKeepsItsBaseToo) {
  FakeLocalStorage store;
  FakeDevice device;
  Device p(store, device);
  ASSERT_TRUE(p.session.openLink(encodeLink(room(), "https://example.org/")).ok());
  p.session.document()->addNote(Place{"says", "", ""}, "Zählt die Tage");
  p.saveTimer();
  Board newer = room();
  newer.title = "Raum 2";
  ASSERT_TRUE(p.session.openLink(encodeLink(newer, "https://example.org/")).ok());
  // The room board that arrived has its own base: the room as it arrived this time.
  ASSERT_NE(p.session.workshopBase(), nullptr);
  EXPECT_EQ(p.session.workshopBase()->title, "Raum 2");
  const LibraryBoard* copy = withNote(p.session, "Zählt die Tage");
  ASSERT_NE(copy, nullptr);
  const std::string copyId = copy->board().id;
  ASSERT_TRUE(p.session.openFromLibrary(copyId));
  ASSERT_NE(p.session.workshopBase(), nullptr);
  EXPECT_EQ(p.session.workshopBase()->id, "room");
  EXPECT_TRUE(hasNote(makeDelta(*p.session.workshopBase(), p.session.document()->board(), "v"), "Zählt die Tage"));
}

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(MAPATHY_FIXTURES_DIR) + "/links/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A contribution link as this version writes them (three German notes, a dot), kept as a fixture: later
// versions must still merge it into its board, once.
TEST(SessionWorkshop, AStoredContributionLinkStillMergesIntoItsBoardOnce) {
  Result<Board> base = loadJson(fixture("contribution-v3-base.json"));
  ASSERT_TRUE(base.ok()) << base.error().debug();
  const std::string link = fixture("contribution-v3-three-notes.txt");
  Result<Board> delta = decodeLink(link);
  ASSERT_TRUE(delta.ok()) << delta.error().debug();
  EXPECT_TRUE(delta->isDelta);
  EXPECT_EQ(delta->id, base->id);
  Result<MergeResult> once = merge(*base, *delta);
  ASSERT_TRUE(once.ok()) << once.error().debug();
  EXPECT_EQ(once->summary.addedNotes.size(), 3u);
  EXPECT_TRUE(hasNote(once->board, "Ärgert sich, dass Rückfragen dreimal gestellt werden müssen"));
  const Note* voted = findNote(once->board, "p8w2-1");
  ASSERT_NE(voted, nullptr);
  EXPECT_EQ(voted->votes, 1);
  Result<MergeResult> twice = merge(once->board, *delta);
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->board, once->board) << "merging the same contribution again changes nothing";
}

}  // namespace
}  // namespace mapathy
