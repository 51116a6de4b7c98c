// The board's other multi-line texts (a persona's goal and quote, a stage's description, an emotion's reason,
// an action's text) are edited in the platform's text field like a note's (text_box.hpp): it opens over the
// text with its size and width, it is told the lines the board draws (so it wraps as they do), Enter is a
// new line, Escape or a press outside end it and keep the text, and one editing session is one undo step.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "ui/note_card.hpp"
#include "ui/widgets.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui::testing {
namespace {

// A text cut to a width ends in "…", never splits a character, and marks more text when asked even if it fits
// (the last line a box shows of a longer text).
TEST(Ellipsized, CutsWholeCharactersToTheWidthAndMarksMoreWhenAsked) {
  AppHarness h;
  const std::string text = "Größter Wunsch: Rückruf übermorgen";
  const float whole = ImGui::CalcTextSize(text.c_str()).x;
  EXPECT_EQ(ellipsized(text, whole + 1.0f), text) << "fits: unchanged";
  EXPECT_EQ(ellipsized(text, whole + 50.0f, nullptr, 0.0f, true), text + "…") << "more follows";
  EXPECT_EQ(ellipsized("Preise ", 500.0f, nullptr, 0.0f, true), "Preise…") << "no gap before the dots";
  for (float width = 10.0f; width < whole; width += 7.0f) {
    const std::string cut = ellipsized(text, width);
    ASSERT_GE(cut.size(), 3u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
    const std::string kept = cut.substr(0, cut.size() - 3);
    EXPECT_EQ(text.compare(0, kept.size(), kept), 0) << "a beginning of the text: " << cut;
    if (!kept.empty()) {
      EXPECT_NE(static_cast<unsigned char>(kept.back()) & 0xC0, 0xC0) << "no character cut in half: " << cut;
      EXPECT_LE(ImGui::CalcTextSize(cut.c_str()).x, width + 0.01f) << cut;
    }
  }
}

using Lines = std::vector<std::string>;

const std::string kGoal =
    "Den Stromvertrag zum Umzugstermin ummelden, ohne in der Hotline zu warten und ohne Papierformulare "
    "auszudrucken";

// The lines the field was told to break the text into (soft breaks U+0001, newlines).
Lines fieldLines(const std::string& layout) {
  Lines out(1);
  for (char c : layout) {
    if (c == '\x01' || c == '\n') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

const Board& board(AppHarness& h) { return h.app->document()->board(); }

// A new German empathy map with its persona form open (the arrange step of the persona tests).
bool openPersonaForm(AppHarness& h) {
  if (!h.clickRaw("###start.newEmpathy.classic.de")) return false;
  h.frames(3);
  return h.clickRaw("###persona.edit");
}

TEST(PersonaTextBox, TheGoalIsEditedInThePlatformFieldWrappedAsTheCardShowsItInOneUndoStep) {
  AppHarness h("de-DE");
  ASSERT_TRUE(openPersonaForm(h));
  const RecordedItem* goal = h.findRaw("##persona.goal");
  ASSERT_NE(goal, nullptr);
  const std::size_t depth = h.app->document()->undoDepth();
  h.clickAt(AppHarness::centre(*goal));
  ASSERT_TRUE(h.host.fieldOpen) << "a click on the goal opens the platform's field";
  EXPECT_EQ(h.host.fieldBegins, 1);
  EXPECT_EQ(h.host.field.lang, "de");
  EXPECT_EQ(h.host.field.label, "Was muss die Person erledigen?");
  const float zoom = h.app->zoom();
  EXPECT_FLOAT_EQ(h.host.field.fontSize, 14.0f * zoom) << "the card's size for the goal";

  h.type(kGoal);
  EXPECT_EQ(board(h).persona.goal, kGoal) << "written while typing";
  h.key(ImGuiKey_Enter);  // a new line, not the end
  EXPECT_TRUE(h.host.fieldOpen);
  h.type("Schnell");
  const Lines typing = fieldLines(h.host.field.layout);
  ASSERT_GE(typing.size(), 3u) << h.host.field.layout;
  EXPECT_EQ(typing.back(), "Schnell");
  EXPECT_GE(h.host.field.h + 0.5f, static_cast<float>(typing.size()) * h.host.field.fontSize)
      << "the field is as tall as its lines";
  EXPECT_EQ(h.app->noteCards().boxes().linesOf("persona.goal"), typing);
  h.key(ImGuiKey_Escape);  // ends and keeps the text
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_EQ(board(h).persona.goal, kGoal + "\nSchnell");
  EXPECT_EQ(h.app->document()->undoDepth(), depth + 1) << "one editing session, one undo step";

  // The card, after the form is closed, draws the goal in the lines the field had.
  ASSERT_TRUE(h.clickRaw("###note.done.persona"));
  h.frames(2);
  EXPECT_EQ(h.app->noteCards().boxes().linesOf("persona.goal"), typing);

  h.key(ImGuiKey_Z, true);
  EXPECT_EQ(board(h).persona.goal, "") << "one Ctrl+Z takes the whole session back";
}

TEST(PersonaTextBox, TheQuoteLeavesRoomForItsMarksAndAPressOutsideEndsEditing) {
  AppHarness h("de-DE");
  ASSERT_TRUE(openPersonaForm(h));
  ASSERT_TRUE(h.clickRaw("##persona.quote"));
  ASSERT_TRUE(h.host.fieldOpen);
  const std::string quote = "Ich will nicht dreimal anrufen müssen, nur weil niemand meine Zählernummer notiert hat";
  h.type(quote);
  const Lines typing = fieldLines(h.host.field.layout);
  ASSERT_GE(typing.size(), 2u);
  // A press on the goal ends the quote's field (keeping it) and the click then opens the goal's.
  ASSERT_TRUE(h.clickRaw("##persona.goal"));
  EXPECT_EQ(board(h).persona.quote, quote);
  ASSERT_TRUE(h.host.fieldOpen);
  EXPECT_EQ(h.host.fieldBegins, 2);
  EXPECT_FLOAT_EQ(h.host.field.fontSize, 14.0f * h.app->zoom());
  h.key(ImGuiKey_Escape);
  ASSERT_TRUE(h.clickRaw("###note.done.persona"));
  h.frames(2);
  EXPECT_EQ(h.app->noteCards().boxes().linesOf("persona.quote"), typing)
      << "the card hangs its quotation marks around the same lines";
}

TEST(PersonaTextBox, OpeningANoteEndsTheBoxAndTheOtherWayRound) {
  AppHarness h("de-DE");
  ASSERT_TRUE(openPersonaForm(h));
  ASSERT_TRUE(h.clickRaw("##persona.goal"));
  h.type("Umziehen");
  ASSERT_TRUE(h.clickRaw("###section.add.says"));  // a new note, edited at once
  const std::string id = h.app->noteCards().editing();
  ASSERT_FALSE(id.empty());
  EXPECT_TRUE(h.host.fieldOpen);
  h.type("Notiz");
  EXPECT_EQ(findNote(board(h), id)->text, "Notiz");
  EXPECT_EQ(board(h).persona.goal, "Umziehen") << "the goal kept its text and got none of the note's";
  ASSERT_TRUE(h.clickRaw("##persona.goal"));
  EXPECT_TRUE(h.app->noteCards().editing().empty()) << "the note's editing ended";
  EXPECT_TRUE(h.host.fieldOpen);
  h.type(" bald");
  EXPECT_EQ(board(h).persona.goal, "Umziehen bald");
  EXPECT_EQ(findNote(board(h), id)->text, "Notiz");
  // Closing the form while the field is open ends it (the text stays).
  ASSERT_TRUE(h.clickRaw("###persona.edit"));
  h.frames(2);
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_EQ(board(h).persona.goal, "Umziehen bald");
}

TEST(ActionTextBox, AnActionsTextIsEditedInThePlatformField) {
  AppHarness h("de-DE");
  ASSERT_TRUE(h.clickRaw("###start.newEmpathy.classic.de"));
  h.frames(3);
  h.app->document()->addAction("");
  h.app->document()->endGesture();
  h.frames(1);
  const RecordedItem* toggle = h.findRaw("###toolbar.actions");
  ASSERT_NE(toggle, nullptr);
  h.clickAt(AppHarness::centre(*toggle));
  const RecordedItem* text = h.findRaw("##action.text");
  ASSERT_NE(text, nullptr);
  const std::size_t depth = h.app->document()->undoDepth();
  h.clickAt(AppHarness::centre(*text));
  ASSERT_TRUE(h.host.fieldOpen);
  EXPECT_FLOAT_EQ(h.host.field.fontSize, ImGui::GetFontSize());
  h.type("Rückrufservice für Umzüge einführen, damit niemand mehr in der Warteschleife hängt");
  EXPECT_GE(fieldLines(h.host.field.layout).size(), 2u) << "wrapped in the panel's width";
  h.key(ImGuiKey_Enter, true);  // Ctrl+Enter ends
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_EQ(board(h).actions.at(0).text,
            "Rückrufservice für Umzüge einführen, damit niemand mehr in der Warteschleife hängt");
  EXPECT_EQ(h.app->document()->undoDepth(), depth + 1);

  // Typed and ended within one frame (a last word, then Escape, before the app's next frame): still one step.
  h.clickAt(AppHarness::centre(*h.findRaw("##action.text")));
  ASSERT_TRUE(h.host.fieldOpen);
  h.host.fieldType(" – sofort");
  h.host.fieldEnd();
  h.frames(2);
  EXPECT_FALSE(h.host.fieldOpen);
  EXPECT_EQ(board(h).actions.at(0).text,
            "Rückrufservice für Umzüge einführen, damit niemand mehr in der Warteschleife hängt – sofort");
  EXPECT_EQ(h.app->document()->undoDepth(), depth + 2);
}

}  // namespace
}  // namespace mapathy::ui::testing
