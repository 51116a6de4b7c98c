// Tests of the board model's lookups and enum text forms.
#include "core/model/model.hpp"

#include <gtest/gtest.h>

namespace mapathy {
namespace {

Board sampleBoard() {
  Board b;
  b.sections = {Section{"says", "Says", "", 0, {}, {}}, Section{"thinks", "Thinks", "", 1, {}, {}}};
  b.stages = {Stage{"awareness", "Awareness", "", {}}};
  b.lanes = {Lane{"actions", "Actions", LaneKind::Text, "actions", false, {}, {}, {}}};
  Note a;
  a.id = "n2";
  a.section = "says";
  a.order = 5;
  Note c;
  c.id = "n1";
  c.section = "says";
  c.order = 5;
  Note d;
  d.id = "n0";
  d.section = "says";
  d.order = 1;
  Note e;
  e.id = "n3";
  e.section = "thinks";
  b.notes = {a, c, d, e};
  Action act;
  act.id = "a1";
  b.actions = {act};
  return b;
}

TEST(Model, FindsEntitiesById) {
  Board b = sampleBoard();
  ASSERT_NE(findNote(b, "n1"), nullptr);
  EXPECT_EQ(findNote(b, "n1")->id, "n1");
  EXPECT_EQ(findNote(b, "missing"), nullptr);
  const Board& cb = b;
  EXPECT_EQ(findNote(cb, "n3")->section, "thinks");
  EXPECT_EQ(findSection(b, "thinks")->title, "Thinks");
  EXPECT_EQ(findSection(b, "feels"), nullptr);
  EXPECT_EQ(findStage(b, "awareness")->name, "Awareness");
  EXPECT_EQ(findStage(b, "use"), nullptr);
  EXPECT_EQ(findLane(b, "actions")->role, "actions");
  EXPECT_EQ(findLane(b, "emotions"), nullptr);
  EXPECT_EQ(findAction(b, "a1")->id, "a1");
  EXPECT_EQ(findAction(b, "a2"), nullptr);
}

TEST(Model, MutableFindEditsInPlace) {
  Board b = sampleBoard();
  findNote(b, "n0")->text = "Grüße";
  EXPECT_EQ(b.notes[2].text, "Grüße");
}

TEST(Model, NotesAtSortsByOrderThenId) {
  Board b = sampleBoard();
  auto says = notesAt(b, "says", "", "");
  ASSERT_EQ(says.size(), 3u);
  EXPECT_EQ(says[0]->id, "n0");
  EXPECT_EQ(says[1]->id, "n1");
  EXPECT_EQ(says[2]->id, "n2");
  EXPECT_EQ(notesAt(b, "thinks", "", "").size(), 1u);
  EXPECT_TRUE(notesAt(b, "feels", "", "").empty());
  EXPECT_TRUE(notesAt(b, "", "awareness", "actions").empty());
}

TEST(Model, EnumTextFormsRoundTrip) {
  for (auto k : {BoardKind::EmpathyMap, BoardKind::Journey}) EXPECT_EQ(boardKindFromString(toString(k)), k);
  for (auto l : {Lang::De, Lang::En}) EXPECT_EQ(langFromString(toString(l)), l);
  for (auto e : {Evidence::Assumed, Evidence::Observed}) EXPECT_EQ(evidenceFromString(toString(e)), e);
  for (auto k : {LaneKind::Text, LaneKind::Emotion, LaneKind::Expectation}) EXPECT_EQ(laneKindFromString(toString(k)), k);
  for (auto s : {ActionStatus::Open, ActionStatus::Doing, ActionStatus::Done})
    EXPECT_EQ(actionStatusFromString(toString(s)), s);
}

TEST(Model, EnumTextFormsAreTheFormatWords) {
  EXPECT_STREQ(toString(BoardKind::EmpathyMap), "empathy-map");
  EXPECT_STREQ(toString(BoardKind::Journey), "journey");
  EXPECT_STREQ(toString(Lang::De), "de");
  EXPECT_STREQ(toString(Evidence::Observed), "observed");
  EXPECT_STREQ(toString(LaneKind::Expectation), "expectation");
  EXPECT_STREQ(toString(ActionStatus::Doing), "doing");
}

TEST(Model, UnknownEnumTextIsRejected) {
  EXPECT_FALSE(boardKindFromString("empathy"));
  EXPECT_FALSE(boardKindFromString(""));
  EXPECT_FALSE(langFromString("fr"));
  EXPECT_FALSE(langFromString("DE"));
  EXPECT_FALSE(evidenceFromString("heard"));
  EXPECT_FALSE(laneKindFromString("curve"));
  EXPECT_FALSE(actionStatusFromString("closed"));
}

}  // namespace
}  // namespace mapathy
