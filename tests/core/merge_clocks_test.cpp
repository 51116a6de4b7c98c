// Merge clocks for every entity: an edit made in the Document (renaming a section, stage or lane, editing
// the title, a persona field, a hint, a description, a lane's scores, moving a stage) beats an older
// whole-board link in a merge, whichever side the link is on. Before every entity was stamped, such
// edits were decided by a fixed tie-break on the content, so an older link could undo them.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "core/codec/share_link.hpp"
#include "core/edit/document.hpp"
#include "core/edit/merge.hpp"
#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

Board templateBoard(BoardKind kind, const char* templateId) {
  Board b = makeBoard(kind, templateId, Lang::En).value();
  b.id = "board-1";
  return b;
}

// The board as a link shared before the edit: decoded from its share link, like a link pasted later.
Board olderLink(const Board& before) {
  Result<Board> decoded = decodeLink(encodeLink(before, "https://example.org/"));
  EXPECT_TRUE(decoded.ok()) << english(decoded.error());
  return decoded.value();
}

// Runs `edit` on a document of `start`, then merges the link of `start` into the result and the result
// into that link: `check` must hold for the edited board and for both merges.
void expectEditSurvivesOlderLink(const Board& start, const std::function<bool(Document&)>& edit,
                                 const std::function<void(const Board&)>& check) {
  Document d(start);
  d.setSite("a");
  ASSERT_TRUE(edit(d));
  check(d.board());
  const Board link = olderLink(start);
  Result<MergeResult> linkIntoEdited = merge(d.board(), link);
  ASSERT_TRUE(linkIntoEdited.ok()) << english(linkIntoEdited.error());
  SCOPED_TRACE("older link merged into the edited board");
  check(linkIntoEdited->board);
  Result<MergeResult> editedIntoLink = merge(link, d.board());
  ASSERT_TRUE(editedIntoLink.ok()) << english(editedIntoLink.error());
  SCOPED_TRACE("edited board merged into the older link");
  check(editedIntoLink->board);
  EXPECT_EQ(saveJson(linkIntoEdited->board), saveJson(editedIntoLink->board)) << "merge is commutative";
  // And through the editor's own path: the merged board replaces the open one as one undo step.
  d.replaceBoard(linkIntoEdited->board, false);
  check(d.board());
}

TEST(MergeClocks, SectionRenameAndHintSurviveAnOlderLink) {
  const Board start = templateBoard(BoardKind::EmpathyMap, "classic");
  expectEditSurvivesOlderLink(
      start, [](Document& d) { return d.renameSection("says", "Says out loud"); },
      [](const Board& b) { EXPECT_EQ(findSection(b, "says")->title, "Says out loud"); });
  expectEditSurvivesOlderLink(
      start, [](Document& d) { return d.setSectionHint("thinks", "Only what they admit"); },
      [](const Board& b) { EXPECT_EQ(findSection(b, "thinks")->hint, "Only what they admit"); });
}

TEST(MergeClocks, StageRenameDescriptionAndMoveSurviveAnOlderLink) {
  const Board start = templateBoard(BoardKind::Journey, "lifecycle");
  const std::string first = start.stages.front().id;
  const std::string second = start.stages[1].id;
  expectEditSurvivesOlderLink(
      start, [&](Document& d) { return d.renameStage(first, "Hears about us"); },
      [&](const Board& b) { EXPECT_EQ(findStage(b, first)->name, "Hears about us"); });
  expectEditSurvivesOlderLink(
      start, [&](Document& d) { return d.setStageDescription(second, "Compares three offers"); },
      [&](const Board& b) { EXPECT_EQ(findStage(b, second)->description, "Compares three offers"); });
  expectEditSurvivesOlderLink(
      start, [&](Document& d) { return d.moveStage(first, 2); },
      [&](const Board& b) {
        ASSERT_GE(b.stages.size(), 3u);
        EXPECT_EQ(b.stages[2].id, first) << "the order of stages is part of the board's info";
      });
}

TEST(MergeClocks, LaneRenameAndScoresSurviveAnOlderLink) {
  const Board start = templateBoard(BoardKind::Journey, "lifecycle");
  std::string textLane;
  std::string emotionLane;
  for (const Lane& l : start.lanes) {
    if (l.kind == LaneKind::Text && textLane.empty()) textLane = l.id;
    if (l.kind == LaneKind::Emotion && emotionLane.empty()) emotionLane = l.id;
  }
  ASSERT_FALSE(textLane.empty());
  ASSERT_FALSE(emotionLane.empty());
  const std::string stage = start.stages.front().id;
  expectEditSurvivesOlderLink(
      start, [&](Document& d) { return d.renameLane(textLane, "What they do"); },
      [&](const Board& b) { EXPECT_EQ(findLane(b, textLane)->name, "What they do"); });
  expectEditSurvivesOlderLink(
      start, [&](Document& d) { return d.setEmotion(emotionLane, stage, -2); },
      [&](const Board& b) { EXPECT_EQ(findLane(b, emotionLane)->emotions.at(stage).asIs, -2); });
}

TEST(MergeClocks, TitleAndPersonaSurviveAnOlderLink) {
  const Board start = templateBoard(BoardKind::EmpathyMap, "classic");
  expectEditSurvivesOlderLink(
      start, [](Document& d) { return d.setTitle("Stadtwerke: Umzug"); },
      [](const Board& b) { EXPECT_EQ(b.title, "Stadtwerke: Umzug"); });
  for (const char* field : {"name", "role", "goal", "quote", "bio", "initials", "success"}) {
    SCOPED_TRACE(field);
    const std::string value = std::string("Neu: ") + field;
    expectEditSurvivesOlderLink(
        start, [&](Document& d) { return d.setPersonaField(field, value); },
        [&](const Board& b) {
          const Persona& p = b.persona;
          const std::string& got = std::string(field) == "name"       ? p.name
                                   : std::string(field) == "role"     ? p.role
                                   : std::string(field) == "goal"     ? p.goal
                                   : std::string(field) == "quote"    ? p.quote
                                   : std::string(field) == "bio"      ? p.bio
                                   : std::string(field) == "initials" ? p.initials
                                                                      : p.success;
          EXPECT_EQ(got, value);
        });
  }
  expectEditSurvivesOlderLink(
      start, [](Document& d) { return d.setPersonaColour(5); }, [](const Board& b) { EXPECT_EQ(b.persona.colour, 5); });
}

TEST(MergeClocks, EveryEditStampsWhatItWroteAndUndoTakesTheStampBack) {
  Document d(templateBoard(BoardKind::EmpathyMap, "classic"));
  d.setSite("a");
  EXPECT_TRUE(d.board().stamps.empty());
  ASSERT_TRUE(d.renameSection("feels", "Fühlt"));
  const std::uint64_t clock = d.board().clock;
  EXPECT_EQ(d.board().stamps.at("feels"), clock);
  ASSERT_TRUE(d.setTitle("Neu"));
  EXPECT_EQ(d.board().stamps.at(kInfoStamp), d.board().clock);
  d.endGesture();
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(d.board().stamps.count(kInfoStamp), 0u);
  ASSERT_TRUE(d.undo());
  EXPECT_TRUE(d.board().stamps.empty());
  // A deleted section gives up its stamp: its tombstone speaks for it (stamps stay few).
  ASSERT_TRUE(d.redo());
  ASSERT_TRUE(d.deleteSection("feels"));
  EXPECT_EQ(d.board().stamps.count("feels"), 0u);
  ASSERT_FALSE(d.board().tombstones.empty());
}

TEST(MergeClocks, AnEditOnEachSideOfDifferentEntitiesKeepsBoth) {
  const Board start = templateBoard(BoardKind::Journey, "lifecycle");
  Document a(start);
  a.setSite("a");
  Document b(start);
  b.setSite("b");
  ASSERT_TRUE(a.renameStage(start.stages[0].id, "Entdecken"));
  ASSERT_TRUE(b.renameLane(start.lanes[0].id, "Handlungen"));
  ASSERT_TRUE(b.setTitle("Kundenreise"));
  for (const auto& [x, y] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    Result<MergeResult> m = merge(x->board(), y->board());
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(findStage(m->board, start.stages[0].id)->name, "Entdecken");
    EXPECT_EQ(findLane(m->board, start.lanes[0].id)->name, "Handlungen");
    EXPECT_EQ(m->board.title, "Kundenreise");
  }
}

}  // namespace
}  // namespace mapathy
