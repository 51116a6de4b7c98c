// A board's opening zoom is settled in its very first frame: the canvas is fitted to the layout
// that frame computes, before anything is drawn, so the zoom and every widget's place are the same in the
// first frame as in all later ones, whatever the window size. (It used to be fitted a frame later, to the
// previous frame's layout, so the first frame showed the board at another zoom and place.)
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <tuple>

#include "core/model/model.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

using Places = std::map<std::string, std::tuple<float, float, float, float>>;

// Where every labelled widget of the board's canvas is in the last completed frame.
Places canvasWidgets(const AppHarness& h) {
  Places places;
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    if (item.window.find("canvas") != std::string::npos && !item.rawLabel.empty()) {
      places[item.rawLabel] = {item.x, item.y, item.w, item.h};
    }
  }
  return places;
}

struct Case {
  BoardKind kind;
  const char* templateId;
  ImVec2 display;
};

class OpeningZoom : public ::testing::TestWithParam<Case> {};

TEST_P(OpeningZoom, IsSettledInTheFirstFrameAndNeverJumps) {
  const Case c = GetParam();
  AppHarness h("en-GB", c.display);
  ASSERT_TRUE(h.app->newBoard(c.kind, c.templateId, Lang::En));
  h.frame();  // the board's first frame
  const float first = h.app->zoom();
  const Places firstPlaces = canvasWidgets(h);
  EXPECT_GE(first, 1.0f) << "a new board opens readable";
  ASSERT_FALSE(firstPlaces.empty()) << "the first frame drew the board";
  h.frames(6);
  EXPECT_FLOAT_EQ(h.app->zoom(), first) << "the zoom did not change after the first frame";
  const Places later = canvasWidgets(h);
  for (const auto& [label, place] : firstPlaces) {
    const auto it = later.find(label);
    if (it == later.end()) continue;
    EXPECT_NEAR(std::get<0>(it->second), std::get<0>(place), 0.01f) << label;
    EXPECT_NEAR(std::get<1>(it->second), std::get<1>(place), 0.01f) << label;
  }
}

INSTANTIATE_TEST_SUITE_P(
    BoardsAndWindows, OpeningZoom,
    ::testing::Values(Case{BoardKind::Journey, "empty", ImVec2(1280, 800)},        // fits: zoomed in
                      Case{BoardKind::Journey, "lifecycle", ImVec2(1280, 800)},    // larger: 100 %, top left
                      Case{BoardKind::EmpathyMap, "classic", ImVec2(1600, 1100)},  // fills a wide window
                      Case{BoardKind::EmpathyMap, "classic", ImVec2(820, 1180)},   // portrait tablet
                      Case{BoardKind::EmpathyMap, "empty", ImVec2(1280, 800)}));

TEST(OpeningZoom, ASmallBoardOpensZoomedInAtOnce) {
  AppHarness h("en-GB", ImVec2(1280, 800));
  ASSERT_TRUE(h.app->newBoard(BoardKind::Journey, "empty", Lang::En));
  h.frame();
  EXPECT_FLOAT_EQ(h.app->zoom(), 1.25f) << "an empty journey fits: the largest readable zoom, from the first frame";
}

}  // namespace
}  // namespace mapathy::ui
