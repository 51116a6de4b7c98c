// The layout check: phones to laptops (320, 360, 390, 430, 768 and 1024 CSS px wide, in touch mode), both
// views (the one a board opens in, and the other one a tap away), German and English, an empathy map of 38
// German notes and a journey of 4 stages, both opened from share links as a person opening a chat link would.
// In every case: no two interactive items overlap, every toolbar action is reachable (in the bar or in its
// "More" menu) and is finger-sized, and at least one note card is wholly on screen and readable (≥ 120 px
// wide, text ≥ 14 px) at the opening zoom. The browser test phone_layout.test.mjs checks the same at 390 and
// 360 on three engines with the real fonts.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/edit/document.hpp"
#include "ui/note_card.hpp"
#include "ui/reading_view.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::AppHarness;

std::string fixtureLink(const std::string& name) {
  std::ifstream in(std::string(MAPATHY_FIXTURES_DIR) + "/links/" + name);
  std::string line;
  std::getline(in, line);
  return line;
}

const char* const kEmpathyLink = "phone-german-empathy-map-38.txt";
const char* const kJourneyLink = "phone-german-journey-4-stages.txt";

// The screens: width × height in CSS px (portrait phones, a portrait tablet, a landscape tablet).
ImVec2 screenOf(int width) {
  switch (width) {
    case 320:
      return ImVec2(320, 568);
    case 360:
      return ImVec2(360, 740);
    case 390:
      return ImVec2(390, 844);
    case 430:
      return ImVec2(430, 932);
    case 768:
      return ImVec2(768, 1024);
    default:
      return ImVec2(static_cast<float>(width), 768);
  }
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool overlap(const RecordedItem& a, const RecordedItem& b) {
  return a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f && b.y < a.y + a.h - 0.5f;
}

// The visible items of the last frame in windows whose name contains `window`, labelled (raw) with any of
// the given parts.
std::vector<RecordedItem> itemsIn(const AppHarness& h, const std::string& window) {
  std::vector<RecordedItem> out;
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    if (item.visible && item.window.find(window) != std::string::npos && !item.rawLabel.empty() && item.w > 0 &&
        item.h > 0 && item.rawLabel.find("/##") == std::string::npos) {  // not a child window itself
      out.push_back(item);
    }
  }
  return out;
}

void expectApart(const std::vector<RecordedItem>& items, const std::string& where) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      EXPECT_FALSE(overlap(items[i], items[j]))
          << where << ": " << items[i].rawLabel << " overlaps " << items[j].rawLabel;
    }
  }
}

// Every toolbar action, by the end of its raw label. The title is its field or, shortened, its button.
std::vector<std::string> toolbarActions(bool reading) {
  std::vector<std::string> ids = {
      "###toolbar.back",     "###toolbar.undo",    "###toolbar.redo",
      "###toolbar.filter",   "###toolbar.actions", "###export.textView",
      "###workshop.toolbar", "###toolbar.touch",   "###lang.de",
      "###lang.en",          "###toolbar.share",   reading ? "###toolbar.wholeBoard" : "###toolbar.reading"};
  if (!reading) {
    for (const char* z : {"###toolbar.zoomOut", "###toolbar.zoomIn", "###toolbar.fit"}) ids.emplace_back(z);
  }
  return ids;
}

const RecordedItem* findIn(const std::vector<RecordedItem>& items, const std::string& suffix) {
  for (const RecordedItem& item : items) {
    if (endsWith(item.rawLabel, suffix)) return &item;
  }
  return nullptr;
}

// Clicks a toolbar action wherever it is: in the bar, or in the "More" menu.
bool activateTool(AppHarness& h, const std::string& suffix) {
  const std::vector<RecordedItem> inBar = itemsIn(h, "/##toolbar_");
  if (const RecordedItem* direct = findIn(inBar, suffix)) {
    h.clickAt(AppHarness::centre(*direct));
    return true;
  }
  if (!h.clickRaw("###toolbar.more")) return false;
  const std::vector<RecordedItem> menu = itemsIn(h, "more-menu");
  const RecordedItem* inMenu = findIn(menu, suffix);
  EXPECT_NE(inMenu, nullptr) << suffix << " is neither in the bar nor in the More menu";
  if (inMenu == nullptr) return false;
  h.clickAt(AppHarness::centre(*inMenu));
  return true;
}

bool showsReading(const AppHarness& h) { return !itemsIn(h, "reading-canvas").empty(); }

enum class View { Opening, Other };

using Case = std::tuple<int, const char*, const char*, View>;  // width, language, board link, view

class PhoneLayout : public ::testing::TestWithParam<Case> {};

TEST_P(PhoneLayout, NothingOverlapsEveryActionIsReachableAndACardReads) {
  const auto [width, language, link, viewChoice] = GetParam();
  const ImVec2 screen = screenOf(width);
  AppHarness h(language, screen);
  h.app->setTouchMode(true);
  h.frames(2);
  ASSERT_TRUE(h.app->openLink("https://example.org/mapathy/#" + fixtureLink(link)));
  h.frames(3);
  const std::string before = h.app->documentJson();
  const bool narrow = width < 600;  // phones open in the reading layout, tablets on the whole board
  bool reading = showsReading(h);
  EXPECT_EQ(reading, narrow) << "phones open readable, tablets and laptops on the whole board";

  if (viewChoice == View::Other) {
    ASSERT_TRUE(activateTool(h, reading ? "###toolbar.wholeBoard" : "###toolbar.reading"));
    h.frames(3);
    reading = !reading;
    EXPECT_EQ(showsReading(h), reading) << "the toggle switched the view";
  }
  EXPECT_EQ(h.app->documentJson(), before) << "a view never changes the board";

  // 1. The toolbar: inside the screen, finger-sized, apart.
  const std::vector<RecordedItem> bar = itemsIn(h, "/##toolbar_");
  ASSERT_FALSE(bar.empty());
  for (const RecordedItem& item : bar) {
    EXPECT_GE(item.x, -0.5f) << item.rawLabel;
    EXPECT_LE(item.x + item.w, screen.x + 0.5f) << item.rawLabel << " leaves the screen";
    EXPECT_GE(item.h, 44.0f) << item.rawLabel;
    EXPECT_GE(item.w, 44.0f) << item.rawLabel;
  }
  expectApart(bar, "toolbar");
  EXPECT_TRUE(findIn(bar, "##toolbar.title") != nullptr || findIn(bar, "###toolbar.titleFull") != nullptr)
      << "the title is in the bar";

  // 2. Every action reachable: in the bar, or in the "More" menu (which also fits and keeps apart).
  std::vector<std::string> missing;
  for (const std::string& id : toolbarActions(reading)) {
    if (findIn(bar, id) == nullptr) missing.push_back(id);
  }
  if (!missing.empty()) {
    ASSERT_NE(findIn(bar, "###toolbar.more"), nullptr) << missing.front() << " is not in the bar and there is no More";
    ASSERT_TRUE(h.clickRaw("###toolbar.more"));
    const std::vector<RecordedItem> menu = itemsIn(h, "more-menu");
    for (const std::string& id : missing) {
      const RecordedItem* item = findIn(menu, id);
      ASSERT_NE(item, nullptr) << id << " is neither in the bar nor in the More menu";
      EXPECT_GE(item->x, -0.5f) << id;
      EXPECT_LE(item->x + item->w, screen.x + 0.5f) << id << " leaves the screen";
      EXPECT_LE(item->y + item->h, screen.y + 0.5f) << id << " is below the screen";
      EXPECT_GE(item->h, 44.0f) << id;
    }
    expectApart(menu, "More menu");
    h.key(ImGuiKey_Escape);
    EXPECT_EQ(itemsIn(h, "more-menu").size(), 0u) << "Escape closes the menu";
  }

  // 3. The board: cards and the board's own buttons never overlap, and one card is whole and readable.
  const std::vector<RecordedItem> canvas = itemsIn(h, "canvas");
  std::vector<RecordedItem> interactive;
  for (const RecordedItem& item : canvas) {
    if (item.rawLabel.rfind("note.", 0) == 0 || item.rawLabel.find("###section.add.") != std::string::npos ||
        item.rawLabel.rfind("add-note:", 0) == 0 || item.rawLabel.find("###persona.edit") != std::string::npos) {
      interactive.push_back(item);
    }
  }
  expectApart(interactive, "board");
  const float barBottom = bar.front().y + bar.front().h;
  const float zoom = h.app->zoom();
  int readable = 0;
  for (const RecordedItem& item : interactive) {
    if (item.rawLabel.rfind("note.", 0) != 0) continue;
    const bool whole = item.x >= -0.5f && item.y >= barBottom && item.x + item.w <= screen.x + 0.5f &&
                       item.y + item.h <= screen.y + 0.5f;
    if (whole && item.w >= 120.0f && CardMetrics::kFontSize * zoom >= 14.0f) ++readable;
  }
  EXPECT_GE(readable, 1) << "no note card is wholly on screen and readable (zoom " << zoom << ")";
  EXPECT_EQ(h.app->documentJson(), before) << "looking changes nothing";
}

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
  const auto& [width, language, link, view] = info.param;
  return std::to_string(width) + "_" + std::string(language).substr(0, 2) + "_" +
         (std::string(link) == kEmpathyLink ? "empathy" : "journey") + (view == View::Opening ? "_opening" : "_other");
}

INSTANTIATE_TEST_SUITE_P(Widths, PhoneLayout,
                         ::testing::Combine(::testing::Values(320, 360, 390, 430, 768, 1024),
                                            ::testing::Values("de-DE", "en-GB"),
                                            ::testing::Values(kEmpathyLink, kJourneyLink),
                                            ::testing::Values(View::Opening, View::Other)),
                         caseName);

// The reading layout is a view: switching to the whole board and back leaves the document byte for byte.
TEST(ReadingLayout, SwitchingViewsChangesNothingAndAddingANoteWorks) {
  AppHarness h("de-DE", ImVec2(390, 844));
  h.app->setTouchMode(true);
  h.frames(2);
  ASSERT_TRUE(h.app->openLink("https://example.org/mapathy/#" + fixtureLink(kEmpathyLink)));
  h.frames(3);
  ASSERT_TRUE(showsReading(h)) << "a phone opens the reading layout";
  EXPECT_FLOAT_EQ(h.app->zoom(), 1.0f);
  const std::string before = h.app->documentJson();
  ASSERT_TRUE(activateTool(h, "###toolbar.wholeBoard"));
  h.frames(2);
  EXPECT_FALSE(showsReading(h));
  ASSERT_TRUE(activateTool(h, "###toolbar.reading"));
  h.frames(2);
  EXPECT_TRUE(showsReading(h));
  EXPECT_EQ(h.app->documentJson(), before);

  // "+" of the first region in reading order, then type: the note is in the document and on screen.
  const Board& b = h.app->document()->board();
  const std::size_t notes = b.notes.size();
  ASSERT_TRUE(h.clickRaw("###section.add.says"));
  h.type("Ruft lieber an – möglichst früh");
  h.key(ImGuiKey_Escape);
  ASSERT_EQ(h.app->document()->board().notes.size(), notes + 1);
  const Note& added = h.app->document()->board().notes.back();
  EXPECT_EQ(added.text, "Ruft lieber an – möglichst früh");
  EXPECT_EQ(added.section, "says");
  const RecordedItem* card = h.findRaw("note." + added.id);
  ASSERT_NE(card, nullptr);
  EXPECT_GE(card->x, 0.0f);
  EXPECT_LE(card->x + card->w, 390.0f);
  EXPECT_LE(card->y + card->h, 844.0f);
}

TEST(ReadingLayout, AFingerScrollsTheColumnAndSidewaysSwipesTurnJourneyStages) {
  AppHarness h("de-DE", ImVec2(390, 844));
  h.app->setTouchMode(true);
  h.frames(2);
  ASSERT_TRUE(h.app->openLink("https://example.org/mapathy/#" + fixtureLink(kJourneyLink)));
  h.frames(3);
  ASSERT_NE(h.findRaw("###reading.next"), nullptr);
  EXPECT_NE(h.findRaw("add-note:actions:awareness"), nullptr) << "the first stage is shown";
  EXPECT_EQ(h.findRaw("add-note:actions:consideration"), nullptr);
  ASSERT_TRUE(h.clickRaw("###reading.next"));
  EXPECT_NE(h.findRaw("add-note:actions:consideration"), nullptr) << "▶ shows the next stage";
  // A sideways swipe to the left: the stage after.
  h.drag(ImVec2(340, 600), ImVec2(80, 610));
  EXPECT_NE(h.findRaw("add-note:actions:purchase"), nullptr) << "a swipe turns the stage";
  // A tap on a face in the strip goes there.
  ASSERT_TRUE(h.clickRaw("###reading.stage.awareness"));
  EXPECT_NE(h.findRaw("add-note:actions:awareness"), nullptr);
  // A finger drag upwards scrolls the lanes (a lane lower down moves up), and never past the end.
  std::string lowest;  // the lowest "+" on screen
  float y0 = 0.0f;
  for (const RecordedItem& item : itemsIn(h, "reading-canvas")) {
    if (item.rawLabel.rfind("add-note:", 0) == 0 && item.y > y0) {
      y0 = item.y;
      lowest = item.rawLabel;
    }
  }
  ASSERT_FALSE(lowest.empty());
  h.drag(ImVec2(200, 700), ImVec2(200, 580));
  const RecordedItem* moved = h.findRaw(lowest);
  ASSERT_NE(moved, nullptr);
  EXPECT_LE(moved->y, y0 - 115.0f) << lowest << " follows the finger (and a flick glides on)";
  h.drag(ImVec2(200, 300), ImVec2(200, 800));
  ASSERT_NE(h.findRaw(lowest), nullptr);
  EXPECT_NEAR(h.findRaw(lowest)->y, y0, 0.5f) << "back at the top, and no further";
  EXPECT_NE(h.app->documentJson(), "");
}

}  // namespace
}  // namespace mapathy::ui

namespace mapathy::ui {
namespace {

// A long title on a phone: shortened with "…" in the bar; a tap shows it whole, with the field to rename it.
TEST(PhoneToolbar, ALongTitleIsShortenedAndReadableInFullOnATap) {
  AppHarness h("de-DE", ImVec2(320, 568));
  h.app->setTouchMode(true);
  h.frames(2);
  ASSERT_TRUE(h.app->openLink("https://example.org/mapathy/#" + fixtureLink(kEmpathyLink)));
  h.frames(3);
  const std::string title = h.app->document()->board().title;
  ASSERT_GT(title.size(), 20u);
  EXPECT_EQ(h.findRaw("##toolbar.title"), nullptr) << "no field in the bar: the title does not fit";
  const RecordedItem* shortened = h.findRaw("###toolbar.titleFull");
  ASSERT_NE(shortened, nullptr);
  EXPECT_LT(shortened->w, 200.0f);
  h.clickAt(AppHarness::centre(*shortened));
  const RecordedItem* field = h.findRaw("##toolbar.title");
  ASSERT_NE(field, nullptr) << "a tap shows the whole title with its rename field";
  EXPECT_GE(field->x, 0.0f);
  EXPECT_LE(field->x + field->w, 320.0f);
  h.clickAt(AppHarness::centre(*field));
  h.key(ImGuiKey_End);
  h.type(" – Köln");
  EXPECT_EQ(h.app->document()->board().title, title + " – Köln");
  h.key(ImGuiKey_Enter);
  h.key(ImGuiKey_Escape);
  EXPECT_EQ(h.findRaw("##toolbar.title"), nullptr) << "Escape closes it";
  EXPECT_NE(h.findRaw("###toolbar.titleFull"), nullptr);
}

// The share dialog on a phone: its rows of buttons wrap instead of running off the screen's right edge.
TEST(PhoneDialogs, EveryShareAndExportButtonIsWhollyOnScreen) {
  for (const int width : {320, 360, 390}) {
    for (const char* locale : {"de-DE", "en-GB"}) {
      SCOPED_TRACE(std::string(locale) + " at " + std::to_string(width) + " px");
      const ImVec2 screen = screenOf(width);
      AppHarness h(locale, screen);
      h.app->setTouchMode(true);
      h.frames(2);
      ASSERT_TRUE(h.app->openLink("https://example.org/mapathy/#" + fixtureLink(kEmpathyLink)));
      h.frames(3);
      ASSERT_TRUE(h.clickRaw("###toolbar.share"));
      h.frames(3);
      int buttons = 0;
      for (const RecordedItem& item : h.recorder.lastFrame()) {
        const std::string& raw = item.rawLabel;
        const bool inDialog = raw.find("###share.") != std::string::npos ||
                              raw.find("###export.") != std::string::npos || raw.find("###qr.fullScreen") != std::string::npos;
        if (!inDialog || item.w <= 0.0f) continue;
        ++buttons;
        EXPECT_GE(item.x, 0.0f) << raw;
        EXPECT_LE(item.x + item.w, screen.x + 0.5f) << raw;
      }
      EXPECT_GE(buttons, 5) << "the share dialog's copy, file and export buttons were found (the rest scroll)";
    }
  }
}

}  // namespace
}  // namespace mapathy::ui
