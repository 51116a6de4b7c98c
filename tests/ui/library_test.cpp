// "Boards on this device" and boards this app cannot open (nothing lost): a board stored by a
// newer Mapathy is listed with the reason, offers nothing that could change it, and an older copy of it
// opened here becomes a board of its own so that saving it never writes over the newer one.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

Board namedBoard(const std::string& id, const std::string& title) {
  auto made = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En);
  EXPECT_TRUE(made.ok());
  Board b = made.value();
  b.id = id;
  b.title = title;
  b.modifiedAt = 1'600'000'000'000;
  return b;
}

std::vector<RecordedItem> itemsLabelled(AppHarness& h, const std::string& text) {
  std::vector<RecordedItem> found;
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    if (item.label == text) found.push_back(item);
  }
  return found;
}

bool anyItemContains(AppHarness& h, const std::string& text) {
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    if (item.label.find(text) != std::string::npos) return true;
  }
  return false;
}

// A board a newer Mapathy saved on this device (format version 7).
std::string newerBoardJson(const std::string& id, const std::string& title) {
  return R"({"format":"mapathy","version":7,"kind":"empathy-map","board":{"id":")" + id + R"(","title":")" + title +
         R"("}})";
}

TEST(Library, ABoardFromANewerMapathyIsListedWithItsVersionAndOffersNoAction) {
  AppHarness h;
  h.store.boards["mine"] = {1, "Meine Karte", saveJson(namedBoard("mine", "Meine Karte")), ""};
  h.store.boards["future"] = {4, "Aus der Zukunft", newerBoardJson("future", "Aus der Zukunft"), ""};
  h.reload();
  ASSERT_EQ(h.app->session().unopenable().size(), 1u);
  EXPECT_TRUE(anyItemContains(h, "Aus der Zukunft"));
  EXPECT_TRUE(anyItemContains(h, "made by a newer Mapathy (format version 7)"));
  // One row of buttons: the readable board's. The newer board has none (nothing can change it here).
  EXPECT_EQ(itemsLabelled(h, "Continue").size(), 1u);
  EXPECT_EQ(itemsLabelled(h, "Delete").size(), 1u);
  EXPECT_EQ(itemsLabelled(h, "Rename").size(), 1u);
}

TEST(Library, TheReasonIsSaidInGermanToo) {
  AppHarness de("de-DE");
  de.store.boards["future"] = {1, "Aus der Zukunft", newerBoardJson("future", "Aus der Zukunft"), ""};
  de.reload();
  EXPECT_TRUE(anyItemContains(de, "mit einer neueren Mapathy erstellt (Formatversion 7)"));
}

TEST(Library, AnOlderCopyOfANewerBoardOpensAsABoardOfItsOwn) {
  AppHarness h;
  h.store.boards["shared-id"] = {2, "Neu", newerBoardJson("shared-id", "Neu"), ""};
  h.reload();
  // The same board as it was before a newer Mapathy changed it, e.g. from a link shared back then.
  const Board older = namedBoard("shared-id", "Alt");
  const std::string link = encodeLink(older, h.host.pageAddress());
  ASSERT_TRUE(h.app->openLink(link));
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(h.app->document()->board().title, "Alt");
  EXPECT_NE(h.app->document()->board().id, "shared-id") << "saving it must never write over the newer board";
  ASSERT_EQ(h.app->session().unopenable().size(), 1u);
  EXPECT_EQ(h.app->session().unopenable()[0].id, "shared-id");
  h.frames(3);
  EXPECT_EQ(h.store.boards.at("shared-id").json, newerBoardJson("shared-id", "Neu")) << "left byte for byte";
}

}  // namespace
}  // namespace mapathy::ui
