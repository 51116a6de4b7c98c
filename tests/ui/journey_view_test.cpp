// Journey board view against a headless Dear ImGui context: simulated mouse and keyboard input
// through ImGuiIO must produce the expected edits on the Document (and the expected undo steps).
// Widgets are found by label through the test-hook ItemRecorder, exactly as the browser tests do.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/edit/document.hpp"
#include "core/model/model.hpp"
#include "core/model/templates.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/canvas.hpp"
#include "ui/editor_context.hpp"
#include "ui/i18n.hpp"
#include "ui/journey_view.hpp"
#include "ui/note_card.hpp"
#include "ui/test_hooks.hpp"
#include "ui_harness.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy::ui {
namespace {

Board lifecycleBoard() {
  auto board = makeBoard(BoardKind::Journey, "lifecycle", Lang::En);
  EXPECT_TRUE(board.ok()) << english(board.error());
  return board.value();
}

// One ImGui context with a full-screen window that hosts the journey view.
class JourneyHarness {
 public:
  explicit JourneyHarness(Board board) : doc_(std::move(board)) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(2100.0f, 2200.0f);  // the whole lifecycle board at zoom 1
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    recorder_.install(context_);
    doc_.setSite("t");
    setUiLang(Lang::En);
    frame();
    frame();
  }
  ~JourneyHarness() {
    recorder_.uninstall();
    ImGui::DestroyContext(context_);
  }
  JourneyHarness(const JourneyHarness&) = delete;
  JourneyHarness& operator=(const JourneyHarness&) = delete;

  void frame() {
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("journey-test", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    EditorContext ctx{doc_, host_, canvas_, cards_, filter_};
    cards_.beginFrame(ctx);  // as the app does around every board view
    drawJourneyView(ctx, state_);
    cards_.endFrame(ctx);
    ImGui::End();
    ImGui::Render();
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  // ---- finding widgets
  const RecordedItem* find(const std::string& label) const { return recorder_.find(label); }
  const RecordedItem* findRaw(const std::string& rawSuffix) const {
    for (const RecordedItem& item : recorder_.lastFrame()) {
      if (item.rawLabel.size() >= rawSuffix.size() &&
          item.rawLabel.compare(item.rawLabel.size() - rawSuffix.size(), rawSuffix.size(), rawSuffix) == 0) {
        return &item;
      }
    }
    return nullptr;
  }
  ImVec2 centre(const std::string& label) const {
    const RecordedItem* item = find(label);
    EXPECT_NE(item, nullptr) << "no widget labelled " << label;
    if (item == nullptr) return ImVec2(-1, -1);
    return ImVec2(item->x + item->w * 0.5f, item->y + item->h * 0.5f);
  }

  // ---- input
  void moveTo(ImVec2 p) {
    ImGui::GetIO().AddMousePosEvent(p.x, p.y);
    frame();
  }
  void press() {
    if (host_.fieldOpen) {  // a note's text field ends on a press anywhere, as in the browser
      host_.fieldEnd();
    }
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
  }
  void release() {
    ImGui::GetIO().AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frame();
  }
  void click(ImVec2 p) {
    moveTo(p);
    press();
    release();
  }
  void click(const std::string& label) { click(centre(label)); }
  // Presses at `from`, moves in `steps` frames to `to`, releases there.
  void drag(ImVec2 from, ImVec2 to, int steps = 8) {
    moveTo(from);
    press();
    for (int i = 1; i <= steps; ++i) {
      const float t = static_cast<float>(i) / static_cast<float>(steps);
      moveTo(ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t));
    }
    release();
  }
  void type(const char* utf8) {
    if (host_.fieldOpen) {  // a note's text goes into its text field (FakeHost), as keys go to the textarea
      host_.fieldType(utf8);
    } else {
      ImGui::GetIO().AddInputCharactersUTF8(utf8);
    }
    frame();
  }
  void key(ImGuiKey k) {
    if (host_.fieldOpen) {  // the text field has the keyboard: Enter is a new line, Escape ends
      if (k == ImGuiKey_Escape) {
        host_.fieldEnd();
      } else if (k == ImGuiKey_Enter) {
        host_.fieldType("\n");
      }
      frame();
      return;
    }
    ImGui::GetIO().AddKeyEvent(k, true);
    frame();
    ImGui::GetIO().AddKeyEvent(k, false);
    frame();
  }

  // One score level on screen (world kLevelStep × zoom).
  float levelStep() const { return JourneyMetrics::kLevelStep * canvas_.zoom(); }

  Document& doc() { return doc_; }
  testing::FakeHost& host() { return host_; }
  NoteCards& cards() { return cards_; }
  JourneyViewState& state() { return state_; }
  Canvas& canvas() { return canvas_; }

 private:
  ImGuiContext* context_ = nullptr;
  ItemRecorder recorder_;
  Document doc_;
  testing::FakeHost host_;
  Canvas canvas_;
  NoteCards cards_;
  NoteFilter filter_;
  JourneyViewState state_;
};

const EmotionScore* emotionAt(const Document& doc, const std::string& lane, const std::string& stage) {
  const Lane* l = findLane(doc.board(), lane);
  if (l == nullptr) return nullptr;
  auto it = l->emotions.find(stage);
  return it == l->emotions.end() ? nullptr : &it->second;
}

const GapScore* gapAt(const Document& doc, const std::string& lane, const std::string& stage) {
  const Lane* l = findLane(doc.board(), lane);
  if (l == nullptr) return nullptr;
  auto it = l->gaps.find(stage);
  return it == l->gaps.end() ? nullptr : &it->second;
}

std::vector<std::string> stageIds(const Document& doc) {
  std::vector<std::string> ids;
  for (const Stage& s : doc.board().stages) ids.push_back(s.id);
  return ids;
}

std::vector<std::string> laneIds(const Document& doc) {
  std::vector<std::string> ids;
  for (const Lane& l : doc.board().lanes) ids.push_back(l.id);
  return ids;
}

// ---------------------------------------------------------------------------------------------
TEST(JourneyScale, ScoreLevelsRoundTripAndSnap) {
  for (int s = kScoreMin; s <= kScoreMax; ++s) {
    EXPECT_EQ(journeyScoreAt(100.0f, journeyScoreY(100.0f, s)), s);
    // Snapping: anything within less than half a level goes to the nearest level.
    EXPECT_EQ(journeyScoreAt(100.0f, journeyScoreY(100.0f, s) + JourneyMetrics::kLevelStep * 0.4f), s);
    EXPECT_EQ(journeyScoreAt(100.0f, journeyScoreY(100.0f, s) - JourneyMetrics::kLevelStep * 0.4f), s);
  }
  EXPECT_LT(journeyScoreY(0.0f, 2), journeyScoreY(0.0f, -2));  // +2 is at the top
  EXPECT_EQ(journeyScoreAt(0.0f, -1000.0f), kScoreMax);        // clamped
  EXPECT_EQ(journeyScoreAt(0.0f, 1000.0f), kScoreMin);
}

TEST(JourneyView, EveryEmotionPointHasAStableLabelAndRect) {
  JourneyHarness h(lifecycleBoard());
  for (const Stage& stage : h.doc().board().stages) {
    const RecordedItem* item = h.find("emotion:emotions:" + stage.id);
    ASSERT_NE(item, nullptr) << stage.id;
    EXPECT_TRUE(item->visible);
    EXPECT_GE(item->w, 44.0f);  // touch-sized at zoom 1
    EXPECT_GE(item->h, 44.0f);
  }
  // Points run left to right in stage order.
  const auto ids = stageIds(h.doc());
  EXPECT_LT(h.centre("emotion:emotions:" + ids[0]).x, h.centre("emotion:emotions:" + ids[1]).x);
}

TEST(JourneyView, DraggingAnEmotionPointFromZeroToPlusTwoIsOneUndoStep) {
  JourneyHarness h(lifecycleBoard());
  ASSERT_TRUE(h.doc().setEmotion("emotions", "awareness", 0));
  h.doc().endGesture();
  h.frames(2);
  const std::size_t depth = h.doc().undoDepth();

  const ImVec2 from = h.centre("emotion:emotions:awareness");
  h.drag(from, ImVec2(from.x, from.y - 2.0f * h.levelStep()), 10);

  const EmotionScore* score = emotionAt(h.doc(), "emotions", "awareness");
  ASSERT_NE(score, nullptr);
  ASSERT_TRUE(score->asIs.has_value());
  EXPECT_EQ(*score->asIs, 2);
  EXPECT_EQ(h.doc().undoDepth(), depth + 1);  // passing through +1 did not add a step
  // The point moved with the score.
  h.frame();
  EXPECT_NEAR(h.centre("emotion:emotions:awareness").y, from.y - 2.0f * h.levelStep(), 1.0f);

  ASSERT_TRUE(h.doc().undo());
  score = emotionAt(h.doc(), "emotions", "awareness");
  ASSERT_NE(score, nullptr);
  EXPECT_EQ(score->asIs, 0);
}

TEST(JourneyView, SettingTwoEmotionScoresByDraggingGivesTwoUndoSteps) {
  JourneyHarness h(lifecycleBoard());
  const std::size_t depth = h.doc().undoDepth();
  // Unrated points sit on the neutral line; dragging one rates it.
  const ImVec2 a = h.centre("emotion:emotions:purchase");
  h.drag(a, ImVec2(a.x, a.y + 2.0f * h.levelStep()));  // down to −2
  const ImVec2 b = h.centre("emotion:emotions:use");
  h.drag(b, ImVec2(b.x + 5.0f, b.y - 1.0f * h.levelStep()));  // up to +1 (a little sideways is fine)

  const EmotionScore* purchase = emotionAt(h.doc(), "emotions", "purchase");
  const EmotionScore* use = emotionAt(h.doc(), "emotions", "use");
  ASSERT_NE(purchase, nullptr);
  ASSERT_NE(use, nullptr);
  EXPECT_EQ(purchase->asIs, -2);
  EXPECT_EQ(use->asIs, 1);
  EXPECT_EQ(h.doc().undoDepth(), depth + 2);
  EXPECT_EQ(emotionAt(h.doc(), "emotions", "awareness"), nullptr);  // untouched stages stay unrated

  ASSERT_TRUE(h.doc().undo());
  EXPECT_EQ(emotionAt(h.doc(), "emotions", "use"), nullptr);
  EXPECT_EQ(emotionAt(h.doc(), "emotions", "purchase")->asIs, -2);
}

TEST(JourneyView, DraggingPastTheTopClampsToPlusTwo) {
  JourneyHarness h(lifecycleBoard());
  const ImVec2 a = h.centre("emotion:emotions:support");
  h.drag(a, ImVec2(a.x, a.y - 9.0f * h.levelStep()));
  ASSERT_NE(emotionAt(h.doc(), "emotions", "support"), nullptr);
  EXPECT_EQ(emotionAt(h.doc(), "emotions", "support")->asIs, kScoreMax);
}

TEST(JourneyView, ToBeCurveToggleAndDrag) {
  JourneyHarness h(lifecycleBoard());
  EXPECT_EQ(h.find("emotion-tobe:emotions:support"), nullptr);  // hidden until switched on
  h.click("To-be curve");
  ASSERT_TRUE(findLane(h.doc().board(), "emotions")->showToBe);
  h.frame();
  const ImVec2 p = h.centre("emotion-tobe:emotions:support");
  const std::size_t depth = h.doc().undoDepth();
  h.drag(p, ImVec2(p.x, p.y - 1.0f * h.levelStep()));
  const EmotionScore* s = emotionAt(h.doc(), "emotions", "support");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->toBe, 1);
  EXPECT_FALSE(s->asIs.has_value());
  EXPECT_EQ(h.doc().undoDepth(), depth + 1);
}

TEST(JourneyView, DraggingGapMarkersSetsExpectationAndExperience) {
  JourneyHarness h(lifecycleBoard());
  const std::size_t depth = h.doc().undoDepth();
  const ImVec2 e = h.centre("expectation:expectations:support");
  h.drag(e, ImVec2(e.x, e.y - 2.0f * h.levelStep()));  // expectation +2
  h.frame();
  const ImVec2 x = h.centre("experience:expectations:support");
  h.drag(x, ImVec2(x.x, x.y + 1.0f * h.levelStep()));  // experience −1

  const GapScore* g = gapAt(h.doc(), "expectations", "support");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->expectation, 2);
  EXPECT_EQ(g->experience, -1);
  EXPECT_EQ(h.doc().undoDepth(), depth + 2);

  // Dragging the experience back up changes only the experience, in one more step.
  h.frame();
  const ImVec2 x2 = h.centre("experience:expectations:support");
  h.drag(x2, ImVec2(x2.x, x2.y - 3.0f * h.levelStep()));
  g = gapAt(h.doc(), "expectations", "support");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->expectation, 2);
  EXPECT_EQ(g->experience, 2);
  EXPECT_EQ(h.doc().undoDepth(), depth + 3);
}

TEST(JourneyView, PlusInACellAddsANoteThere) {
  JourneyHarness h(lifecycleBoard());
  ASSERT_TRUE(h.doc().board().notes.empty());
  h.click("add-note:painpoints:support");
  ASSERT_EQ(h.doc().board().notes.size(), 1u);
  const Note& note = h.doc().board().notes.front();
  EXPECT_EQ(note.stage, "support");
  EXPECT_EQ(note.lane, "painpoints");
  EXPECT_TRUE(note.section.empty());
  // The new note is open for typing: German text with umlauts lands in the note.
  h.frames(2);
  h.type("Warteschleife über 20 Minuten, große Frustration");
  h.frame();
  EXPECT_EQ(h.doc().board().notes.front().text, "Warteschleife über 20 Minuten, große Frustration");
}

TEST(JourneyView, DraggingANoteMovesItToAnotherStageAndLane) {
  JourneyHarness h(lifecycleBoard());
  const std::string id = h.doc().addNote(Place{"", "awareness", "actions"}, "Sieht Werbung");
  ASSERT_FALSE(id.empty());
  h.doc().endGesture();
  h.frames(2);
  const std::size_t depth = h.doc().undoDepth();
  // Aim at the empty part of the target cell, just left of its "+" button.
  const ImVec2 plus = h.centre("add-note:thoughts:purchase");
  h.drag(h.centre("note." + id), ImVec2(plus.x - 80.0f, plus.y - 40.0f), 12);
  const Note* note = findNote(h.doc().board(), id);
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->stage, "purchase");
  EXPECT_EQ(note->lane, "thoughts");
  EXPECT_EQ(h.doc().undoDepth(), depth + 1);
}

TEST(JourneyView, DoubleClickOnEmptyCellSpaceAddsANote) {
  JourneyHarness h(lifecycleBoard());
  const ImVec2 plus = h.centre("add-note:opportunities:use");
  const ImVec2 p(plus.x - 100.0f, plus.y - 50.0f);
  h.moveTo(p);
  h.press();
  h.release();
  h.press();
  h.release();
  ASSERT_EQ(h.doc().board().notes.size(), 1u);
  EXPECT_EQ(h.doc().board().notes[0].stage, "use");
  EXPECT_EQ(h.doc().board().notes[0].lane, "opportunities");
}

TEST(JourneyView, ClickingAStageNameRenamesItInPlace) {
  JourneyHarness h(lifecycleBoard());
  const std::size_t depth = h.doc().undoDepth();
  h.click("stage:awareness");
  h.frames(2);
  EXPECT_NE(h.find("edit:stage:awareness"), nullptr);  // the field replaced the name
  h.type("Entdeckung & Neugier");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(findStage(h.doc().board(), "awareness")->name, "Entdeckung & Neugier");
  EXPECT_EQ(h.doc().undoDepth(), depth + 1);  // typing is one step
  EXPECT_EQ(h.find("edit:stage:awareness"), nullptr);
  EXPECT_NE(h.find("stage:awareness"), nullptr);
}

TEST(JourneyView, RenamingALaneAndEditingAReason) {
  JourneyHarness h(lifecycleBoard());
  h.click("lane:thoughts");
  h.frames(2);
  h.type("Gedanken");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(findLane(h.doc().board(), "thoughts")->name, "Gedanken");

  h.click("reason:emotions:purchase");
  h.frames(2);
  h.type("Zu viele Formularfelder");
  h.key(ImGuiKey_Escape);  // a multi-line text: Enter would be a new line
  const EmotionScore* s = emotionAt(h.doc(), "emotions", "purchase");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->reason, "Zu viele Formularfelder");
}

// A stage's description is multi-line text: edited in the platform's field (text_box.hpp) at the size and
// width it is shown with, told the lines the header draws; Enter is a new line; one session, one undo step.
TEST(JourneyView, AStageDescriptionIsEditedInThePlatformFieldWrappedAsShown) {
  JourneyHarness h(lifecycleBoard());
  const std::size_t depth = h.doc().undoDepth();
  h.click("stage-description:awareness");
  h.frames(2);
  ASSERT_TRUE(h.host().fieldOpen) << "the platform's field, not Dear ImGui's unwrapped one";
  EXPECT_NE(h.find("edit:stage-description:awareness"), nullptr);
  EXPECT_FLOAT_EQ(h.host().field.fontSize, 13.5f * h.canvas().zoom());  // the body text size of the board
  h.type("");  // the field starts with the description as it was
  EXPECT_EQ(h.host().fieldText, findStage(h.doc().board(), "awareness")->description);
  const std::string text = "Sieht Werbung für günstigere Tarife, vergleicht abends auf dem Sofa Preise und fragt Freunde";
  while (!h.host().fieldText.empty()) h.host().fieldBackspace();
  h.type(text.c_str());
  h.key(ImGuiKey_Enter);
  EXPECT_TRUE(h.host().fieldOpen) << "Enter is a new line";
  h.type("Zweite Zeile");
  std::vector<std::string> typing(1);
  for (char c : h.host().field.layout) {
    if (c == '\x01' || c == '\n') {
      typing.emplace_back();
    } else {
      typing.back() += c;
    }
  }
  ASSERT_GE(typing.size(), 3u) << h.host().field.layout;
  h.key(ImGuiKey_Escape);
  EXPECT_FALSE(h.host().fieldOpen);
  EXPECT_EQ(findStage(h.doc().board(), "awareness")->description, text + "\nZweite Zeile");
  EXPECT_EQ(h.doc().undoDepth(), depth + 1) << "one editing session, one undo step";
  h.frames(2);
  EXPECT_EQ(h.find("edit:stage-description:awareness"), nullptr);
  EXPECT_EQ(h.cards().boxes().linesOf("stage-description:awareness"), typing)
      << "the header draws the lines the field had";
}

TEST(JourneyView, AddMoveAndDeleteStages) {
  JourneyHarness h(lifecycleBoard());
  const auto before = stageIds(h.doc());
  ASSERT_EQ(before.size(), 6u);

  h.click("Add stage");
  ASSERT_EQ(h.doc().board().stages.size(), 7u);
  EXPECT_EQ(h.doc().board().stages.back().name, "Stage 7");
  h.key(ImGuiKey_Escape);  // leave the name as proposed

  h.click("stage-right:awareness");
  EXPECT_EQ(stageIds(h.doc())[1], "awareness");
  EXPECT_EQ(stageIds(h.doc())[0], "consideration");
  h.frame();
  h.click("stage-left:awareness");
  EXPECT_EQ(stageIds(h.doc())[0], "awareness");

  // Deleting a stage removes its notes and scores in one step.
  ASSERT_FALSE(h.doc().addNote(Place{"", "purchase", "actions"}, "Bezahlt").empty());
  ASSERT_TRUE(h.doc().setEmotion("emotions", "purchase", -1));
  h.doc().endGesture();
  const std::size_t depth = h.doc().undoDepth();
  h.frame();
  h.click("stage-delete:purchase");
  EXPECT_EQ(findStage(h.doc().board(), "purchase"), nullptr);
  EXPECT_TRUE(h.doc().board().notes.empty());
  EXPECT_EQ(emotionAt(h.doc(), "emotions", "purchase"), nullptr);
  EXPECT_EQ(h.doc().undoDepth(), depth + 1);
  ASSERT_TRUE(h.doc().undo());
  EXPECT_NE(findStage(h.doc().board(), "purchase"), nullptr);
  EXPECT_EQ(h.doc().board().notes.size(), 1u);
}

TEST(JourneyView, FirstStageCannotMoveLeftNorLastRight) {
  JourneyHarness h(lifecycleBoard());
  const auto before = stageIds(h.doc());
  h.click("stage-left:awareness");
  h.click("stage-right:loyalty");
  EXPECT_EQ(stageIds(h.doc()), before);
}

TEST(JourneyView, AddLanesOfEveryKindMoveAndDeleteThem) {
  JourneyHarness h(lifecycleBoard());
  const std::size_t lanes = h.doc().board().lanes.size();

  h.click("Add lane");
  h.frame();
  ASSERT_NE(h.find("Quotes"), nullptr) << "the lane-kind menu is open";
  h.click("Quotes");
  ASSERT_EQ(h.doc().board().lanes.size(), lanes + 1);
  const Lane quotes = h.doc().board().lanes.back();
  EXPECT_EQ(quotes.kind, LaneKind::Text);
  EXPECT_EQ(quotes.role, "quotes");
  EXPECT_EQ(quotes.name, "Quotes");

  h.frame();
  h.click("Add lane");
  h.frame();
  h.click("Emotion curve");
  ASSERT_EQ(h.doc().board().lanes.size(), lanes + 2);
  EXPECT_EQ(h.doc().board().lanes.back().kind, LaneKind::Emotion);

  h.frame();
  h.click("Add lane");
  h.frame();
  h.click("Expectation vs experience");
  ASSERT_EQ(h.doc().board().lanes.size(), lanes + 3);
  const Lane gapLane = h.doc().board().lanes.back();
  EXPECT_EQ(gapLane.kind, LaneKind::Expectation);

  // The new emotion lane is immediately draggable.
  h.frames(2);
  const std::string emotionLane = h.doc().board().lanes[lanes + 1].id;
  const ImVec2 p = h.centre("emotion:" + emotionLane + ":use");
  h.drag(p, ImVec2(p.x, p.y - h.levelStep()));
  ASSERT_NE(emotionAt(h.doc(), emotionLane, "use"), nullptr);
  EXPECT_EQ(emotionAt(h.doc(), emotionLane, "use")->asIs, 1);

  // Move the quotes lane up one row, then delete it.
  const auto ids = laneIds(h.doc());
  h.click("lane-up:" + quotes.id);
  const auto moved = laneIds(h.doc());
  ASSERT_EQ(moved.size(), ids.size());
  EXPECT_EQ(moved[lanes - 1], quotes.id);
  EXPECT_EQ(moved[lanes], ids[lanes - 1]);
  h.frame();
  h.click("lane-down:" + quotes.id);
  EXPECT_EQ(laneIds(h.doc()), ids);
  h.frame();
  h.click("lane-delete:" + gapLane.id);
  EXPECT_EQ(findLane(h.doc().board(), gapLane.id), nullptr);
  EXPECT_EQ(h.doc().board().lanes.size(), lanes + 2);
}

TEST(JourneyView, CustomLaneStartsWithItsNameOpenForEditing) {
  JourneyHarness h(lifecycleBoard());
  h.click("Add lane");
  h.frame();
  h.click("Custom notes lane");
  const Lane lane = h.doc().board().lanes.back();
  EXPECT_EQ(lane.role, "");
  EXPECT_EQ(lane.name, "New lane");
  h.frames(2);
  h.type("Kanäle intern");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(findLane(h.doc().board(), lane.id)->name, "Kanäle intern");
}

TEST(JourneyView, GermanBoardGetsGermanNamesAndGermanUi) {
  auto board = makeBoard(BoardKind::Journey, "empty", Lang::De);
  ASSERT_TRUE(board.ok());
  JourneyHarness h(board.value());
  setUiLang(Lang::De);
  h.frames(2);
  h.click("Phase hinzufügen");
  ASSERT_EQ(h.doc().board().stages.size(), 1u);
  EXPECT_EQ(h.doc().board().stages[0].name, "Phase 1");
  h.key(ImGuiKey_Escape);
  h.click("Ebene hinzufügen");
  h.frame();
  h.click("Schmerzpunkte");
  ASSERT_EQ(h.doc().board().lanes.size(), 1u);
  EXPECT_EQ(h.doc().board().lanes[0].name, "Schmerzpunkte");
  setUiLang(Lang::En);
}

TEST(JourneyView, EveryJourneyStringHasBothLanguages) {
  registerJourneyStrings();
  for (const char* key : {"journey.addStage", "journey.addLane", "journey.toBe", "journey.expectation",
                          "journey.experience", "journey.gapWorse", "journey.score.m2", "journey.score.p2",
                          "journey.kindEmotion", "journey.role.painpoints"}) {
    EXPECT_TRUE(hasString(key)) << key;
    EXPECT_STRNE(tr(key, Lang::En), key);
    EXPECT_STRNE(tr(key, Lang::De), key);
  }
  EXPECT_STREQ(tr("journey.stageDelete", Lang::De), "Phase löschen (mit ihren Notizen)");
}

TEST(JourneyView, ReportsItsContentBoundsForFit) {
  Board board = lifecycleBoard();
  Document doc(board);
  testing::FakeHost host;
  Canvas canvas;
  NoteCards cards;
  NoteFilter filter;
  ImGuiContext* context = ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(800, 600);
  io.IniFilename = nullptr;
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  EditorContext ctx{doc, host, canvas, cards, filter};
  JourneyViewState state;
  ImGui::NewFrame();
  ImGui::Begin("fit");
  cards.beginFrame(ctx);
  drawJourneyView(ctx, state);
  cards.endFrame(ctx);
  ImGui::End();
  ImGui::Render();
  ImGui::DestroyContext(context);
  const float expectedWidth = JourneyMetrics::kLaneHeaderWidth + 6.0f * JourneyMetrics::kStageWidth +
                              JourneyMetrics::kAddColumnWidth;
  EXPECT_FLOAT_EQ(ctx.contentMax.x, expectedWidth);
  EXPECT_GT(ctx.contentMax.y, JourneyMetrics::kStageHeaderHeight + 7.0f * JourneyMetrics::kTextLaneMinHeight * 0.9f);
}

}  // namespace
}  // namespace mapathy::ui
