// The empathy map fills the canvas: at 100 % its regions span the canvas's width (up to a
// sensible column width) and its rows share the canvas's height, so there is no empty band beside or
// below the map on a wide screen, and a row grows (the map then pans) only when its notes need the room.
#include <gtest/gtest.h>

#include <string>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

struct Screen {
  float width;
  float height;
};

class EmpathyLayout : public ::testing::TestWithParam<Screen> {};

TEST_P(EmpathyLayout, TheMapFillsTheCanvasAtOneHundredPercent) {
  const Screen screen = GetParam();
  AppHarness h("en-GB", ImVec2(screen.width, screen.height));
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::En));
  h.frames(2);
  EXPECT_FLOAT_EQ(h.app->zoom(), 1.0f);
  const RecordedItem* feels = h.findRaw("###section.add.feels");     // right edge of the map
  const RecordedItem* addSection = h.findRaw("###section.addSection");  // under the map
  ASSERT_NE(feels, nullptr);
  ASSERT_NE(addSection, nullptr);
  // Canvas margin 32 + the region's inset 14 on the right; margin 32 + the button's slack 8 at the bottom.
  EXPECT_NEAR(feels->x + feels->w, screen.width - 46.0f, 8.0f) << "the regions reach the right edge";
  EXPECT_NEAR(addSection->y + addSection->h, screen.height - 40.0f, 8.0f) << "the rows reach the bottom";
}

INSTANTIATE_TEST_SUITE_P(Screens, EmpathyLayout,
                         ::testing::Values(Screen{1920.0f, 1080.0f}, Screen{1600.0f, 1100.0f}, Screen{1024.0f, 1366.0f}));

TEST(EmpathyLayout, ARowWithManyNotesGrowsAndTheMapPans) {
  AppHarness h("en-GB", ImVec2(1600, 1000));
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::En));
  for (int i = 0; i < 40; ++i) {
    h.app->document()->addNote(Place{"says", "", ""}, "Eine längere Notiz, die zwei Zeilen braucht: Nummer " + std::to_string(i));
  }
  h.frames(3);
  EXPECT_FLOAT_EQ(h.app->zoom(), 1.0f);
  // The top row grew: the bottom row ("Feels") starts below the screen (off-screen items are not recorded).
  const RecordedItem* feels = h.findRaw("###section.add.feels");
  EXPECT_TRUE(feels == nullptr || feels->y > 1000.0f) << "forty notes need more than the screen";
  const RecordedItem* says = h.findRaw("###section.add.says");
  ASSERT_NE(says, nullptr);
  EXPECT_LT(says->y, 140.0f) << "the map opens at its top";
}

TEST(EmpathyLayout, ThePersonaStartsAtTheTopOfItsRowWhateverItsHeight) {
  // A tall middle row (a portrait tablet) used to centre the persona, leaving a blank band above it;
  // now the disc sits at the row's top like the neighbouring region's header, at every screen size.
  for (const Screen screen : {Screen{1024.0f, 1366.0f}, Screen{1280.0f, 800.0f}, Screen{1920.0f, 1080.0f}}) {
    AppHarness h("de-DE", ImVec2(screen.width, screen.height));
    ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
    h.frames(2);
    const RecordedItem* disc = h.findRaw("###persona.edit");
    const RecordedItem* does = h.findRaw("###section.add.does");  // the region beside it, same row
    ASSERT_NE(disc, nullptr);
    ASSERT_NE(does, nullptr);
    EXPECT_NEAR(disc->y, does->y, 24.0f) << screen.width << "x" << screen.height;
  }
}

}  // namespace
}  // namespace mapathy::ui
