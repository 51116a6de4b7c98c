// Tests of the Document: every edit, its undo and redo, coalescing, history depth, ids and clocks.
#include "core/edit/document.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <set>

#include "core/io/format.hpp"
#include "core/model/templates.hpp"
#include "random_board.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

// Undo restores content; the logical clock only moves forward and modifiedAt records the undo,
// so those two are left out of the comparison.
Board content(Board b) {
  b.clock = 0;
  b.modifiedAt = 0;
  return b;
}

Document makeDoc(BoardKind kind, const char* templ, Lang lang = Lang::En) {
  Document d(makeBoard(kind, templ, lang).value());
  d.setSite("t");
  std::int64_t t = 1000;
  d.setClock([t]() mutable { return t += 10; });
  return d;
}

Place sec(const std::string& s) { return Place{s, "", ""}; }
Place cell(const std::string& stage, const std::string& lane) { return Place{"", stage, lane}; }

// Runs `edit`, which must succeed and change the board as one undo step; then checks that undo
// gives back the exact content before, redo the exact content after, and the board stays valid.
void expectUndoable(Document& d, const std::function<bool()>& edit) {
  Board before = content(d.board());
  std::size_t depth = d.undoDepth();
  ASSERT_TRUE(edit());
  Board after = content(d.board());
  ASSERT_NE(before, after) << "the edit changed nothing";
  EXPECT_EQ(d.undoDepth(), depth + 1);
  EXPECT_TRUE(validate(d.board()).ok()) << english(validate(d.board()).error());
  d.endGesture();
  ASSERT_TRUE(d.undo());
  EXPECT_EQ(content(d.board()), before);
  ASSERT_TRUE(d.redo());
  EXPECT_EQ(content(d.board()), after);
  d.endGesture();
}

TEST(Document, StartsWithoutHistory) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  EXPECT_FALSE(d.canUndo());
  EXPECT_FALSE(d.canRedo());
  EXPECT_FALSE(d.undo());
  EXPECT_FALSE(d.redo());
  EXPECT_EQ(d.undoLabel(), "");
  EXPECT_EQ(d.revision(), 0u);
}

TEST(Document, AddNoteGivesShortSiteIdsAndStamps) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string a = d.addNote(sec("says"), "„Ich will nicht dreimal anrufen.“");
  std::string b = d.addNote(sec("says"), "zweite");
  EXPECT_EQ(a, "t-1");
  EXPECT_EQ(b, "t-2");
  const Note* n = findNote(d.board(), a);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->section, "says");
  EXPECT_EQ(n->colour, findSection(d.board(), "says")->colour);
  EXPECT_EQ(n->created, 1u);
  EXPECT_EQ(n->modified, 1u);
  EXPECT_EQ(d.board().clock, 2u);
  EXPECT_GT(findNote(d.board(), b)->order, n->order);
  EXPECT_EQ(d.board().modifiedAt, 1020);
  EXPECT_EQ(d.revision(), 2u);
  EXPECT_EQ(d.undoLabel(), "Add note");
}

TEST(Document, IdsSkipThoseAlreadyOnTheBoardAndGoBase36) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  Note existing;
  existing.id = "t-1";
  existing.section = "says";
  b.notes.push_back(existing);
  Document d(b);
  d.setSite("t");
  EXPECT_EQ(d.addNote(sec("says"), "x"), "t-2");
  for (int i = 0; i < 40; ++i) d.addNote(sec("thinks"), "y");
  EXPECT_EQ(d.board().notes.back().id, "t-16");  // 42 in base 36
  std::set<std::string> ids;
  for (const auto& n : d.board().notes) ids.insert(n.id);
  EXPECT_EQ(ids.size(), d.board().notes.size());
}

TEST(Document, DefaultSiteIsRandomButShort) {
  Document d(makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value());
  std::string id = d.addNote(sec("says"), "x");
  auto dash = id.find('-');
  ASSERT_NE(dash, std::string::npos);
  EXPECT_LE(dash, 3u);
  EXPECT_LE(id.size(), 6u);
}

TEST(Document, AddNoteRefusesUnknownPlaces) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  EXPECT_EQ(d.addNote(sec("nope"), "x"), "");
  EXPECT_EQ(d.addNote(Place{"says", "awareness", ""}, "x"), "");
  EXPECT_EQ(d.addNote(sec("says"), "x", kPaletteSize), "");
  EXPECT_EQ(d.addNote(sec("says"), "x", -1, "missing"), "");
  Document j = makeDoc(BoardKind::Journey, "lifecycle");
  EXPECT_EQ(j.addNote(cell("awareness", "nope"), "x"), "");
  EXPECT_EQ(j.addNote(cell("nope", "actions"), "x"), "");
  EXPECT_EQ(j.addNote(sec("says"), "x"), "");
  EXPECT_FALSE(d.canUndo());
  EXPECT_FALSE(j.canUndo());
}

TEST(Document, EveryNoteEditUndoesAndRedoes) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic", Lang::De);
  std::string id;
  expectUndoable(d, [&] { return !(id = d.addNote(sec("says"), "Grüße")).empty(); });
  std::string other = d.addNote(sec("thinks"), "b");
  expectUndoable(d, [&] { return d.setNoteText(id, "Schöne Grüße 😀\nZeile zwei"); });
  expectUndoable(d, [&] { return d.setNoteColour(id, 5); });
  expectUndoable(d, [&] { return d.setNoteTags(id, {"wichtig", "#hotline"}); });
  expectUndoable(d, [&] { return d.setNoteEvidence(id, Evidence::Observed); });
  expectUndoable(d, [&] { return d.setNoteAuthor(id, "Jürgen"); });
  expectUndoable(d, [&] { return d.setNoteVotes(id, 3); });
  expectUndoable(d, [&] { return d.moveNote(id, sec("feels")); });
  expectUndoable(d, [&] { return d.moveNote(id, sec("thinks"), other); });
  const Note* n = findNote(d.board(), id);
  EXPECT_EQ(n->text, "Schöne Grüße 😀\nZeile zwei");
  EXPECT_EQ(n->colour, 5);
  EXPECT_EQ(n->tags, (std::vector<std::string>{"wichtig", "#hotline"}));
  EXPECT_EQ(n->evidence, Evidence::Observed);
  EXPECT_EQ(n->author, "Jürgen");
  EXPECT_EQ(n->votes, 3);
  EXPECT_EQ(n->section, "thinks");
  auto thinks = notesAt(d.board(), "thinks", "", "");
  ASSERT_EQ(thinks.size(), 2u);
  EXPECT_EQ(thinks[0]->id, id);
  EXPECT_EQ(n->modified, d.board().clock);
  expectUndoable(d, [&] { return d.deleteNote(id); });
  EXPECT_EQ(findNote(d.board(), id), nullptr);
}

TEST(Document, NoteEditsRejectBadInput) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "x");
  std::size_t depth = d.undoDepth();
  EXPECT_FALSE(d.setNoteText("missing", "x"));
  EXPECT_FALSE(d.setNoteColour(id, -1));
  EXPECT_FALSE(d.setNoteColour(id, kPaletteSize));
  EXPECT_FALSE(d.setNoteVotes(id, -1));
  std::vector<std::string> many;
  for (int i = 0; i < 17; ++i) many.push_back("t" + std::to_string(i));
  EXPECT_FALSE(d.setNoteTags(id, many));
  EXPECT_FALSE(d.setNoteTags(id, {std::string(65, 'x')}));
  EXPECT_FALSE(d.moveNote(id, sec("nope")));
  EXPECT_FALSE(d.moveNote(id, sec("says"), id));
  EXPECT_FALSE(d.moveNote("missing", sec("says")));
  EXPECT_FALSE(d.deleteNote("missing"));
  EXPECT_FALSE(d.setNoteEvidence("missing", Evidence::Observed));
  EXPECT_FALSE(d.setNoteAuthor("missing", "x"));
  EXPECT_EQ(d.undoDepth(), depth);
}

TEST(Document, SameValueEditsRecordNothing) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "x");
  std::size_t depth = d.undoDepth();
  std::uint64_t revision = d.revision();
  EXPECT_TRUE(d.setNoteText(id, "x"));
  EXPECT_TRUE(d.setNoteColour(id, findNote(d.board(), id)->colour));
  EXPECT_TRUE(d.setTitle(d.board().title));
  EXPECT_TRUE(d.setLang(Lang::En));
  EXPECT_EQ(d.undoDepth(), depth);
  EXPECT_EQ(d.revision(), revision);
}

TEST(Document, TagsAreCleanedOfEmptiesAndDuplicates) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "x");
  EXPECT_TRUE(d.setNoteTags(id, {"a", "", "b", "a"}));
  EXPECT_EQ(findNote(d.board(), id)->tags, (std::vector<std::string>{"a", "b"}));
}

TEST(Document, LongTextIsCutAtACharacterBoundary) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string text;
  while (text.size() < 5000) text += "ä";  // two bytes each
  text = "x" + text;                          // so the limit falls inside a character
  std::string id = d.addNote(sec("says"), text);
  const std::string& stored = findNote(d.board(), id)->text;
  EXPECT_LE(stored.size(), Limits{}.maxTextBytes);
  EXPECT_GE(stored.size(), Limits{}.maxTextBytes - 1);
  EXPECT_TRUE(validate(d.board()).ok()) << english(validate(d.board()).error());
}

TEST(Document, InsertBeforeAndRenumberWhenOrdersAreTight) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  for (int i = 0; i < 3; ++i) {
    Note n;
    n.id = "n" + std::to_string(i);
    n.section = "says";
    n.order = i;  // no room between neighbours
    b.notes.push_back(n);
  }
  Document d(b);
  d.setSite("t");
  Board before = content(d.board());
  std::string id = d.addNote(sec("says"), "middle", -1, "n2");
  auto says = notesAt(d.board(), "says", "", "");
  ASSERT_EQ(says.size(), 4u);
  EXPECT_EQ(says[0]->id, "n0");
  EXPECT_EQ(says[1]->id, "n1");
  EXPECT_EQ(says[2]->id, id);
  EXPECT_EQ(says[3]->id, "n2");
  EXPECT_EQ(d.undoDepth(), 1u);  // renumbering is part of the same step
  d.undo();
  EXPECT_EQ(content(d.board()), before);
  EXPECT_TRUE(d.moveNote("n2", sec("says"), "n0"));
  says = notesAt(d.board(), "says", "", "");
  EXPECT_EQ(says[0]->id, "n2");
  EXPECT_EQ(says[1]->id, "n0");
}

TEST(Document, DeletingANoteUnlinksItFromActions) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string a = d.addNote(sec("says"), "a");
  std::string b = d.addNote(sec("says"), "b");
  std::string act = d.addAction("Rückruf anbieten", {a, b});
  ASSERT_FALSE(act.empty());
  expectUndoable(d, [&] { return d.deleteNote(a); });
  EXPECT_EQ(findAction(d.board(), act)->notes, (std::vector<std::string>{b}));
}

TEST(Document, TitleLanguageAndPersonaUndo) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  expectUndoable(d, [&] { return d.setTitle("Stadtwerke: Umzug"); });
  for (const char* field : {"name", "role", "goal", "quote", "bio", "initials", "success"}) {
    expectUndoable(d, [&] { return d.setPersonaField(field, std::string("Wert für ") + field); });
  }
  expectUndoable(d, [&] { return d.setPersonaColour(4); });
  EXPECT_FALSE(d.setPersonaField("shoeSize", "42"));
  EXPECT_FALSE(d.setPersonaColour(kPaletteSize));
  EXPECT_EQ(d.board().persona.goal, "Wert für goal");
  EXPECT_EQ(d.board().persona.colour, 4);
  EXPECT_EQ(d.board().title, "Stadtwerke: Umzug");
}

TEST(Document, SwitchingLanguageTranslatesUntouchedTemplateTexts) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic", Lang::En);
  d.renameSection("thinks", "Inner voice");
  expectUndoable(d, [&] { return d.setLang(Lang::De); });
  EXPECT_EQ(d.board().lang, Lang::De);
  EXPECT_EQ(findSection(d.board(), "says")->title, "Sagt");
  EXPECT_EQ(findSection(d.board(), "says")->hint, "Was sagt die Person laut? Zitiere sie.");
  EXPECT_EQ(findSection(d.board(), "thinks")->title, "Inner voice");  // edited by the team: kept
  EXPECT_EQ(d.board().title, "Neue Empathy Map");
  EXPECT_EQ(d.undoLabel(), "Change language");  // labelled in the language it was made in
  ASSERT_TRUE(d.setTitle("Titel"));
  EXPECT_EQ(d.undoLabel(), "Titel bearbeiten");
  Document j = makeDoc(BoardKind::Journey, "lifecycle", Lang::De);
  ASSERT_TRUE(j.setLang(Lang::En));
  EXPECT_EQ(findStage(j.board(), "purchase")->name, "Purchase");
  EXPECT_EQ(findLane(j.board(), "emotions")->name, "Emotions");
}

TEST(Document, SectionsAddRenameHintDelete) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id;
  expectUndoable(d, [&] { return !(id = d.addSection("Hört", "Was hört die Person?")).empty(); });
  const Section* s = findSection(d.board(), id);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->rect.y, 3.0f);  // below the 3×3 grid
  EXPECT_EQ(s->rect.w, 3.0f);
  expectUndoable(d, [&] { return d.renameSection(id, "Hears"); });
  expectUndoable(d, [&] { return d.setSectionHint(id, "Radio, friends"); });
  std::string n1 = d.addNote(sec(id), "Radio");
  std::string n2 = d.addNote(sec("says"), "stays");
  d.addAction("listen", {n1, n2});
  expectUndoable(d, [&] { return d.deleteSection(id); });
  EXPECT_EQ(findSection(d.board(), id), nullptr);
  EXPECT_EQ(findNote(d.board(), n1), nullptr);
  EXPECT_NE(findNote(d.board(), n2), nullptr);
  EXPECT_EQ(d.board().actions[0].notes, (std::vector<std::string>{n2}));
  EXPECT_FALSE(d.renameSection("missing", "x"));
  EXPECT_FALSE(d.setSectionHint("missing", "x"));
  EXPECT_FALSE(d.deleteSection("missing"));
  Document j = makeDoc(BoardKind::Journey, "lifecycle");
  EXPECT_EQ(j.addSection("x"), "");
}

TEST(Document, SectionLimit) {
  Document d = makeDoc(BoardKind::EmpathyMap, "empty");
  for (std::size_t i = 0; i < Limits{}.maxSections; ++i) ASSERT_FALSE(d.addSection("s").empty());
  EXPECT_EQ(d.addSection("one too many"), "");
}

TEST(Document, StagesAddRenameMoveDelete) {
  Document d = makeDoc(BoardKind::Journey, "lifecycle");
  std::string id;
  expectUndoable(d, [&] { return !(id = d.addStage("Kündigung", 2)).empty(); });
  EXPECT_EQ(d.board().stages[2].id, id);
  expectUndoable(d, [&] { return d.renameStage(id, "Cancellation"); });
  expectUndoable(d, [&] { return d.setStageDescription(id, "Why they leave"); });
  expectUndoable(d, [&] { return d.moveStage(id, 6); });
  EXPECT_EQ(d.board().stages.back().id, id);
  expectUndoable(d, [&] { return d.moveStage(id, 0); });
  EXPECT_EQ(d.board().stages.front().id, id);
  EXPECT_FALSE(d.moveStage(id, 7));
  EXPECT_FALSE(d.moveStage(id, -1));
  std::string note = d.addNote(cell(id, "actions"), "kündigt per Brief");
  std::string keep = d.addNote(cell("use", "actions"), "nutzt");
  d.setEmotion("emotions", id, -2);
  d.setGap("expectations", id, 2, -1);
  d.setEmotion("emotions", "use", 1);
  expectUndoable(d, [&] { return d.deleteStage(id); });
  EXPECT_EQ(findNote(d.board(), note), nullptr);
  EXPECT_NE(findNote(d.board(), keep), nullptr);
  EXPECT_EQ(findLane(d.board(), "emotions")->emotions.count(id), 0u);
  EXPECT_EQ(findLane(d.board(), "emotions")->emotions.count("use"), 1u);
  EXPECT_TRUE(findLane(d.board(), "expectations")->gaps.empty());
  EXPECT_FALSE(d.deleteStage("missing"));
  EXPECT_FALSE(d.renameStage("missing", "x"));
  std::string last = d.addStage("at end", 99);
  EXPECT_EQ(last, d.board().stages.back().id);
}

TEST(Document, LanesAddRenameMoveDelete) {
  Document d = makeDoc(BoardKind::Journey, "lifecycle");
  std::string id;
  expectUndoable(d, [&] { return !(id = d.addLane("Zitate", LaneKind::Text, "quotes", 0)).empty(); });
  EXPECT_EQ(d.board().lanes[0].id, id);
  EXPECT_EQ(d.board().lanes[0].role, "quotes");
  expectUndoable(d, [&] { return d.renameLane(id, "Quotes"); });
  expectUndoable(d, [&] { return d.moveLane(id, 3); });
  EXPECT_EQ(d.board().lanes[3].id, id);
  std::string note = d.addNote(cell("use", id), "„Geht doch!“");
  expectUndoable(d, [&] { return d.deleteLane(id); });
  EXPECT_EQ(findNote(d.board(), note), nullptr);
  EXPECT_FALSE(d.deleteLane("missing"));
  EXPECT_FALSE(d.moveLane("emotions", 42));
  Document e = makeDoc(BoardKind::EmpathyMap, "classic");
  EXPECT_EQ(e.addLane("x", LaneKind::Text), "");
  EXPECT_EQ(e.addStage("x"), "");
}

TEST(Document, EmotionAndGapScores) {
  Document d = makeDoc(BoardKind::Journey, "lifecycle");
  expectUndoable(d, [&] { return d.setEmotion("emotions", "purchase", 2); });
  expectUndoable(d, [&] { return d.setEmotionToBe("emotions", "purchase", -7); });  // clamped
  expectUndoable(d, [&] { return d.setEmotionReason("emotions", "purchase", "Bezahlung klappt nicht"); });
  expectUndoable(d, [&] { return d.setShowToBe("emotions", true); });
  expectUndoable(d, [&] { return d.setGap("expectations", "support", 2, -2); });
  const EmotionScore& e = findLane(d.board(), "emotions")->emotions.at("purchase");
  EXPECT_EQ(e.asIs, 2);
  EXPECT_EQ(e.toBe, -2);
  EXPECT_EQ(e.reason, "Bezahlung klappt nicht");
  EXPECT_TRUE(findLane(d.board(), "emotions")->showToBe);
  const GapScore& g = findLane(d.board(), "expectations")->gaps.at("support");
  EXPECT_EQ(g.expectation, 2);
  EXPECT_EQ(g.experience, -2);
  // Wrong lane kinds and unknown ids are refused.
  EXPECT_FALSE(d.setEmotion("expectations", "purchase", 1));
  EXPECT_FALSE(d.setGap("emotions", "purchase", 1, 1));
  EXPECT_FALSE(d.setEmotion("emotions", "missing", 1));
  EXPECT_FALSE(d.setShowToBe("actions", true));
  EXPECT_FALSE(d.setEmotionReason("actions", "purchase", "x"));
  // Clearing everything removes the entry.
  d.setEmotion("emotions", "purchase", std::nullopt);
  d.setEmotionToBe("emotions", "purchase", std::nullopt);
  d.setEmotionReason("emotions", "purchase", "");
  EXPECT_EQ(findLane(d.board(), "emotions")->emotions.count("purchase"), 0u);
  d.setGap("expectations", "support", std::nullopt, std::nullopt);
  EXPECT_TRUE(findLane(d.board(), "expectations")->gaps.empty());
  EXPECT_TRUE(validate(d.board()).ok());
}

TEST(Document, ActionsEveryEdit) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string n1 = d.addNote(sec("says"), "a");
  std::string n2 = d.addNote(sec("feels"), "b");
  std::string id;
  expectUndoable(d, [&] { return !(id = d.addAction("Rückrufservice einführen", {n1})).empty(); });
  expectUndoable(d, [&] { return d.setActionText(id, "Rückruf binnen 24 h"); });
  expectUndoable(d, [&] { return d.setActionOwner(id, "Jörg"); });
  expectUndoable(d, [&] { return d.setActionStatus(id, ActionStatus::Doing); });
  expectUndoable(d, [&] { return d.setActionNotes(id, {n2, n1, n2}); });
  const Action* a = findAction(d.board(), id);
  EXPECT_EQ(a->notes, (std::vector<std::string>{n2, n1}));
  EXPECT_EQ(a->owner, "Jörg");
  EXPECT_EQ(a->status, ActionStatus::Doing);
  EXPECT_EQ(a->modified, d.board().clock);
  EXPECT_FALSE(d.setActionNotes(id, {"missing"}));
  EXPECT_EQ(d.addAction("x", {"missing"}), "");
  EXPECT_FALSE(d.setActionText("missing", "x"));
  EXPECT_FALSE(d.setActionStatus("missing", ActionStatus::Done));
  expectUndoable(d, [&] { return d.deleteAction(id); });
  EXPECT_FALSE(d.deleteAction(id));
}

TEST(Document, TypingIntoOneNoteIsOneUndoStep) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "");
  d.endGesture();
  std::size_t depth = d.undoDepth();
  std::string text;
  for (const char* piece : {"H", "a", "l", "l", "o", " ", "W", "e", "l", "t"}) {
    text += piece;
    ASSERT_TRUE(d.setNoteText(id, text));
  }
  EXPECT_EQ(d.undoDepth(), depth + 1);
  EXPECT_EQ(findNote(d.board(), id)->text, "Hallo Welt");
  d.undo();
  EXPECT_EQ(findNote(d.board(), id)->text, "");
  d.redo();
  EXPECT_EQ(findNote(d.board(), id)->text, "Hallo Welt");
}

TEST(Document, CoalescingBreaksOnGestureEndOtherKeysAndUndo) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string a = d.addNote(sec("says"), "");
  std::string b = d.addNote(sec("says"), "");
  std::size_t depth = d.undoDepth();
  d.setNoteText(a, "1");
  d.setNoteText(a, "12");
  EXPECT_EQ(d.undoDepth(), depth + 1);
  d.endGesture();
  d.setNoteText(a, "123");
  EXPECT_EQ(d.undoDepth(), depth + 2);
  d.setNoteText(b, "x");  // another note: another key
  EXPECT_EQ(d.undoDepth(), depth + 3);
  d.setNoteText(a, "1234");
  EXPECT_EQ(d.undoDepth(), depth + 4);
  d.undo();
  d.setNoteText(a, "12345");  // after an undo, a new step
  EXPECT_EQ(d.undoDepth(), depth + 4);
  EXPECT_EQ(findNote(d.board(), a)->text, "12345");
  d.undo();
  EXPECT_EQ(findNote(d.board(), a)->text, "123");
}

TEST(Document, DraggingAScoreIsOneStep) {
  Document d = makeDoc(BoardKind::Journey, "lifecycle");
  for (int v : {-2, -1, 0, 1, 2, 1}) d.setEmotion("emotions", "use", v, "drag:emotions:use");
  EXPECT_EQ(d.undoDepth(), 1u);
  EXPECT_EQ(findLane(d.board(), "emotions")->emotions.at("use").asIs, 1);
  d.undo();
  EXPECT_TRUE(findLane(d.board(), "emotions")->emotions.empty());
  d.redo();
  d.endGesture();
  for (int v : {2, -2}) d.setGap("expectations", "use", v, -v, "drag:gap");
  EXPECT_EQ(d.undoDepth(), 2u);
}

TEST(Document, TitleTypingCoalescesByDefault) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  d.setTitle("K");
  d.setTitle("Ku");
  d.setTitle("Kun");
  EXPECT_EQ(d.undoDepth(), 1u);
  d.undo();
  EXPECT_EQ(d.board().title, "New empathy map");
}

TEST(Document, RedoSurvivesEverythingButANewEdit) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "a");
  d.setNoteText(id, "b");
  d.undo();
  EXPECT_TRUE(d.canRedo());
  EXPECT_EQ(d.redoLabel(), "Edit note");
  d.endGesture();  // what a selection change or a view change does at most
  (void)d.board();
  (void)d.undoLabel();
  EXPECT_TRUE(d.canRedo());
  EXPECT_FALSE(d.setNoteText("missing", "x"));  // a failed edit changes nothing
  EXPECT_TRUE(d.setNoteText(id, "a"));           // a same-value edit changes nothing
  EXPECT_TRUE(d.canRedo());
  d.setNoteColour(id, 2);  // a real edit clears redo
  EXPECT_FALSE(d.canRedo());
}

TEST(Document, KeepsAtLeastFiveHundredSteps) {
  static_assert(Document::kMaxHistory >= 500);
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "0");
  for (int i = 1; i <= 1100; ++i) {
    d.setNoteVotes(id, i);
  }
  EXPECT_EQ(d.undoDepth(), Document::kMaxHistory);
  int undone = 0;
  while (d.undo()) ++undone;
  EXPECT_EQ(undone, static_cast<int>(Document::kMaxHistory));
  EXPECT_EQ(findNote(d.board(), id)->votes, 1100 - static_cast<int>(Document::kMaxHistory));
  int redone = 0;
  while (d.redo()) ++redone;
  EXPECT_EQ(redone, undone);
  EXPECT_EQ(findNote(d.board(), id)->votes, 1100);
}

TEST(Document, RevisionMovesOnEveryChangeUndoAndRedo) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  d.addNote(sec("says"), "a");
  EXPECT_EQ(d.revision(), 1u);
  d.undo();
  EXPECT_EQ(d.revision(), 2u);
  d.redo();
  EXPECT_EQ(d.revision(), 3u);
}

TEST(Document, ClockNeverGoesBack) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  std::string id = d.addNote(sec("says"), "a");
  d.setNoteText(id, "b");
  std::uint64_t clock = d.board().clock;
  d.undo();
  d.undo();
  EXPECT_EQ(d.board().clock, clock);
  std::string again = d.addNote(sec("says"), "c");
  EXPECT_GT(findNote(d.board(), again)->created, clock);
}

TEST(Document, ReplaceBoardIsOneUndoStepOrClearsHistory) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  d.addNote(sec("says"), "a");
  Board before = content(d.board());
  std::mt19937_64 rng(7);
  Board other = randomBoard(rng, BoardKind::Journey, 30);
  d.replaceBoard(other, false);
  EXPECT_EQ(d.board().notes, other.notes);
  EXPECT_EQ(d.board().kind, BoardKind::Journey);
  EXPECT_EQ(d.board().modifiedAt, other.modifiedAt);
  Board replaced = d.board();
  replaced.clock = other.clock;
  EXPECT_EQ(replaced, other);
  EXPECT_EQ(d.undoDepth(), 2u);
  d.undo();
  EXPECT_EQ(content(d.board()), before);
  d.redo();
  EXPECT_EQ(content(d.board()), content(other));
  d.replaceBoard(makeBoard(BoardKind::EmpathyMap, "canvas", Lang::De).value(), true);
  EXPECT_FALSE(d.canUndo());
  EXPECT_FALSE(d.canRedo());
  EXPECT_EQ(d.board().templateId, "canvas");
  EXPECT_GE(d.board().clock, other.clock);  // the clock never goes back
}

// A random walk of edits, undos and redos: undoing everything gives back the start, redoing
// everything gives back the end, and the board stays valid throughout.
TEST(Document, RandomEditsUndoAndRedoExactly) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::mt19937_64 rng(seed);
    BoardKind kind = seed % 2 ? BoardKind::EmpathyMap : BoardKind::Journey;
    Document d(randomBoard(rng, kind, 15));
    d.setSite("r");
    Board start = content(d.board());
    auto anyNote = [&]() -> std::string {
      if (d.board().notes.empty()) return "x";
      return d.board().notes[rng() % d.board().notes.size()].id;
    };
    auto anyPlace = [&]() {
      const Board& b = d.board();
      if (b.kind == BoardKind::EmpathyMap) return sec(b.sections[rng() % b.sections.size()].id);
      std::vector<std::string> text;
      for (const auto& l : b.lanes) if (l.kind == LaneKind::Text) text.push_back(l.id);
      return cell(b.stages[rng() % b.stages.size()].id, text[rng() % text.size()]);
    };
    for (int i = 0; i < 200; ++i) {
      switch (rng() % 9) {
        case 0: d.addNote(anyPlace(), "neu " + std::to_string(i)); break;
        case 1: d.setNoteText(anyNote(), "Text " + std::to_string(i)); break;
        case 2: d.moveNote(anyNote(), anyPlace(), rng() % 2 ? anyNote() : ""); break;
        case 3: d.deleteNote(anyNote()); break;
        case 4: d.setNoteVotes(anyNote(), static_cast<int>(rng() % 5)); break;
        case 5: d.addAction("Maßnahme", {anyNote()}); break;
        case 6: d.undo(); break;
        case 7: d.redo(); break;
        default: d.endGesture(); break;
      }
      ASSERT_TRUE(validate(d.board()).ok()) << "seed " << seed << " step " << i << ": " << english(validate(d.board()).error());
    }
    Board end = content(d.board());
    while (d.redo()) {
    }
    end = content(d.board());
    while (d.undo()) {
    }
    EXPECT_EQ(content(d.board()), start) << "seed " << seed;
    while (d.redo()) {
    }
    EXPECT_EQ(content(d.board()), end) << "seed " << seed;
  }
}

TEST(Document, MovableDocument) {
  Document d = makeDoc(BoardKind::EmpathyMap, "classic");
  d.addNote(sec("says"), "a");
  Document moved = std::move(d);
  EXPECT_TRUE(moved.canUndo());
  EXPECT_TRUE(moved.undo());
  EXPECT_TRUE(moved.board().notes.empty());
}

}  // namespace
}  // namespace mapathy
