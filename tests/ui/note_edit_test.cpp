// In-place editing of a note's text: the card's line-breaking rule (wrapText, shared with the platform's
// text field) and the editing session through the Host's text field (one undo step, the field placed over
// the card with the card's size and a width that gives the card's line breaks).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "ui/note_card.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui::testing {
namespace {

TEST(NoteCardWrap, BreaksAfterSpacesKeepsNewlinesAndBreaksLongWordsAnywhere) {
  AppHarness h;
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const float a = font->GetCharAdvance('a');
  ASSERT_GT(a, 0.0f);
  // After the last spaces that still fit; the spaces stay at the end of the line.
  EXPECT_EQ(linesOf(font, 8.5f * a, "aaa bbb ccc"), (Lines{"aaa bbb ", "ccc"}));
  // Spaces hang: however many, they never wrap by themselves.
  EXPECT_EQ(linesOf(font, 6.5f * a, "aaaa      bbb"), (Lines{"aaaa      ", "bbb"}));
  // Newlines always break, empty lines and a trailing newline included (the caret's line).
  EXPECT_EQ(linesOf(font, 50.0f * a, "eins\n\nzwei\n"), (Lines{"eins", "", "zwei", ""}));
  EXPECT_EQ(linesOf(font, 50.0f * a, ""), (Lines{""}));
  // A word longer than a line breaks before the first character that does not fit …
  EXPECT_EQ(linesOf(font, 8.5f * a, std::string(20, 'x')), (Lines{"xxxxxxxx", "xxxxxxxx", "xxxx"}));
  // … after moving to a line of its own first.
  EXPECT_EQ(linesOf(font, 8.5f * a, "ab " + std::string(20, 'x')), (Lines{"ab ", "xxxxxxxx", "xxxxxxxx", "xxxx"}));
  // Umlauts and ß count as one character each and are never cut in the middle of their bytes.
  EXPECT_EQ(linesOf(font, 6.5f * a, "Größe Überfluß"), (Lines{"Größe ", "Überfl", "uß"}));
  // Punctuation is no break opportunity (only spaces are): the browser's field agrees for these.
  EXPECT_EQ(linesOf(font, 9.5f * a, "Wunsch: Rückruf."), (Lines{"Wunsch: ", "Rückruf."}));
}

TEST(NoteCardWrap, TheMarkedTextTellsSoftBreaksFromNewlines) {
  AppHarness h;
  const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
  const float a = font->GetCharAdvance('a');
  const std::string text = "aaa bbb ccc\n" + std::string(12, 'x');
  const WrappedText wrapped = wrapText(font, font->FontSize, 8.5f * a, text);
  EXPECT_EQ(wrapped.marked(text), "aaa bbb \x01" "ccc\nxxxxxxxx\x01xxxx");
}

// The 120-character German note of the browser test.
const std::string kLongNote =
    "Größter Wunsch: Rückruf übermorgen früh, bevor die Schicht beginnt – "
    "am liebsten persönlich und ohne lange Warteschleife";

std::string addAndEdit(AppHarness& h, const std::string& section) {
  EXPECT_TRUE(h.clickRaw("###start.newEmpathy.classic.de"));
  h.frames(3);
  EXPECT_TRUE(h.clickRaw("###section.add." + section));
  return h.app->noteCards().editing();
}

TEST(NoteCardEdit, TheFieldOpensOverTheCardWithTheCardsSizeAndWrapsLikeIt) {
  AppHarness h("de-DE");
  const std::string id = addAndEdit(h, "says");
  ASSERT_FALSE(id.empty());
  ASSERT_TRUE(h.host.fieldOpen);
  EXPECT_EQ(h.host.fieldBegins, 1);
  EXPECT_EQ(h.host.field.lang, "de");
  const float zoom = h.app->zoom();
  EXPECT_FLOAT_EQ(h.host.field.fontSize, CardMetrics::kFontSize * zoom);
  const RecordedItem* card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  const float before = card->h;

  h.type(kLongNote);
  EXPECT_EQ(findNote(h.app->document()->board(), id)->text, kLongNote);  // written while typing
  card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  EXPECT_GT(card->h, before) << "the card grows with the text";
  const auto lines = h.app->noteCards().linesOf(id, kLongNote);
  ASSERT_GE(lines.size(), 4u);
  std::string joined;
  for (const auto& line : lines) {
    joined += line;
  }
  EXPECT_EQ(joined, kLongNote) << "soft breaks drop nothing";
  // The field covers the card's text box: inside the card, tall enough for every line.
  const auto& f = h.host.field;
  const float pad = CardMetrics::kPadding * zoom;
  EXPECT_NEAR(f.x, card->x + pad, 0.5f);
  EXPECT_NEAR(f.y, card->y + pad, 0.5f);
  EXPECT_GE(f.h + 0.5f, static_cast<float>(lines.size()) * f.fontSize);
  EXPECT_LE(f.y + f.h, card->y + card->h);
  // It is told where the card breaks the lines (its own metrics may differ), and the card's wrap width.
  std::string expected;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    expected += (i > 0 ? "\x01" : "") + lines[i];
  }
  EXPECT_EQ(f.layout, expected);
  EXPECT_NEAR(f.w, card->w - pad * 2.0f, 0.5f);
}

TEST(NoteCardEdit, OneEditingSessionIsOneUndoStep) {
  AppHarness h("de-DE");
  const std::string id = addAndEdit(h, "thinks");
  ASSERT_FALSE(id.empty());
  const std::size_t depth = h.app->document()->undoDepth();
  h.type("Größter ");
  h.type("Wunsch");
  h.key(ImGuiKey_Backspace);
  h.type("h");
  h.key(ImGuiKey_Enter);  // a new line, not the end
  EXPECT_TRUE(h.host.fieldOpen);
  h.type("übermorgen");
  h.key(ImGuiKey_Escape);  // ends editing and keeps the text
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_TRUE(h.app->noteCards().editing().empty());
  EXPECT_EQ(findNote(h.app->document()->board(), id)->text, "Größter Wunsch\nübermorgen");
  EXPECT_EQ(h.app->document()->undoDepth(), depth + 1);
  h.key(ImGuiKey_Z, true);  // the app's undo: the whole session at once
  const Note* n = findNote(h.app->document()->board(), id);
  ASSERT_NE(n, nullptr) << "the note itself is the step before";
  EXPECT_EQ(n->text, "");
}

TEST(NoteCardEdit, APressOutsideOrCtrlEnterEndsEditingAndKeepsTheText) {
  AppHarness h("de-DE");
  const std::string id = addAndEdit(h, "does");
  ASSERT_FALSE(id.empty());
  h.type("Ruft an");
  const RecordedItem* add = h.findRaw("###section.add.feels");
  ASSERT_NE(add, nullptr);
  h.clickAt(ImVec2(add->x - 60.0f, add->y + 120.0f));  // empty space in another section
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_TRUE(h.app->noteCards().editing().empty());
  EXPECT_EQ(findNote(h.app->document()->board(), id)->text, "Ruft an");

  // Double-click on the card edits it again, from its text; Ctrl+Enter ends.
  const RecordedItem* card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  h.doubleClickAt(ImVec2(card->x + card->w * 0.5f, card->y + card->h * 0.5f));
  ASSERT_TRUE(h.host.fieldOpen);
  EXPECT_EQ(h.host.fieldText, "Ruft an");
  EXPECT_EQ(h.app->noteCards().editing(), id);
  h.type(" – früh");
  h.key(ImGuiKey_Enter, true);
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_EQ(findNote(h.app->document()->board(), id)->text, "Ruft an – früh");
}

TEST(NoteCardEdit, TheFieldFollowsAZoomAndWaitsOffScreenWhileItsCardIsOutOfView) {
  AppHarness h("de-DE");
  const std::string id = addAndEdit(h, "says");
  ASSERT_FALSE(id.empty());
  h.type("Zoom");
  const float size = h.host.field.fontSize;
  const RecordedItem* card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  h.app->zoomAt(2.0f, card->x + card->w * 0.5f, card->y + card->h * 0.5f);  // around the card
  h.frames(2);
  ASSERT_TRUE(h.host.fieldOpen);
  EXPECT_NEAR(h.host.field.fontSize, size * 2.0f, 0.01f);
  card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  EXPECT_NEAR(h.host.field.x, card->x + CardMetrics::kPadding * h.app->zoom(), 0.5f);
  // Zoomed in around a point far from the card: it is culled, the field keeps its text off-screen.
  h.app->zoomAt(4.0f, card->x > 800.0f ? 10.0f : 1590.0f, card->y > 550.0f ? 10.0f : 1090.0f);
  h.frames(2);
  EXPECT_EQ(h.find("note." + id), nullptr);
  EXPECT_TRUE(h.host.fieldOpen);
  EXPECT_LT(h.host.field.x, -1000.0f);
  h.key(ImGuiKey_Escape);
  EXPECT_EQ(findNote(h.app->document()->board(), id)->text, "Zoom");
}

}  // namespace
}  // namespace mapathy::ui::testing
