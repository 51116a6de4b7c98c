// core/base/emoji.hpp: which runs of code points are one emoji picture (skin tones, ZWJ sequences, variation
// selectors, keycaps, flags, tag flags), what is malformed, and the private-use glyph each sequence is drawn
// and measured by (the real text stays untouched).
#include "core/base/emoji.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/base/text.hpp"
#include "core/export/export_common.hpp"

namespace mapathy::text {
namespace {

// The pieces `text` falls into: each emoji sequence one piece, every other code point one piece.
std::vector<std::string> pieces(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t length = emojiSequenceLength(text, i);
    if (length == 0) {
      std::size_t next = i;
      decodeUtf8(text, next);
      length = next - i;
    }
    out.emplace_back(text.substr(i, length));
    i += length;
  }
  return out;
}

using Pieces = std::vector<std::string>;

const std::string kThumbMedium = "👍🏽";     // U+1F44D U+1F3FD
const std::string kFamily = "👩\u200D👩\u200D👧";   // woman ZWJ woman ZWJ girl
const std::string kGermany = "🇩🇪";               // regional indicators D E
const std::string kKeycapOne = "1\uFE0F\u20E3";  // 1️⃣
const std::string kHeart = "\u2764\uFE0F";       // ❤️
const std::string kScotland = "🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F";

TEST(Emoji, EachKindOfSequenceIsOnePiece) {
  for (const std::string& sequence : {kThumbMedium, kFamily, kGermany, kKeycapOne, kHeart, kScotland,
                                      std::string("#\u20E3"), std::string("🏃🏽\u200D\u2640\uFE0F"),
                                      std::string("🏴\u200D\u2620\uFE0F"), std::string("\u00A9\uFE0F")}) {
    EXPECT_EQ(emojiSequenceLength(sequence, 0), sequence.size()) << sequence;
    EXPECT_EQ(pieces("a" + sequence + "b"), (Pieces{"a", sequence, "b"})) << sequence;
  }
}

TEST(Emoji, GermanTextAroundASequence) {
  EXPECT_EQ(pieces("Größe 👍🏽 gut"), (Pieces{"G", "r", "ö", "ß", "e", " ", kThumbMedium, " ", "g", "u", "t"}));
  EXPECT_EQ(pieces("Flagge " + kGermany + kGermany), (Pieces{"F", "l", "a", "g", "g", "e", " ", kGermany, kGermany}));
  // A single emoji is no sequence (it has a glyph of its own).
  EXPECT_EQ(emojiSequenceLength("😀 gut", 0), 0u);
}

TEST(Emoji, MalformedRunsAreNoSequences) {
  // A skin tone without a base, a joiner at the end or before a letter, a single regional indicator.
  EXPECT_EQ(pieces("🏽x"), (Pieces{"🏽", "x"}));
  EXPECT_EQ(pieces(" 🏽"), (Pieces{" ", "🏽"}));
  EXPECT_EQ(pieces("👩\u200D"), (Pieces{"👩", "\u200D"}));
  EXPECT_EQ(pieces("👩\u200Dx"), (Pieces{"👩", "\u200D", "x"}));
  EXPECT_EQ(pieces("🇩 x"), (Pieces{"🇩", " ", "x"}));
  EXPECT_EQ(pieces("🇩🇪🇦"), (Pieces{kGermany, "🇦"}));  // pairs from the left
  // Letters and digits take no selector or skin tone; a digit with a selector but no keycap is no keycap.
  EXPECT_EQ(pieces("e\uFE0F"), (Pieces{"e", "\uFE0F"}));
  EXPECT_EQ(pieces("1\uFE0F"), (Pieces{"1", "\uFE0F"}));
  EXPECT_EQ(pieces("ö🏽"), (Pieces{"ö", "🏽"}));
  // Cut or broken UTF-8 never reads past the end.
  EXPECT_EQ(emojiSequenceLength("👍\xF0\x9F", 0), 0u);
  EXPECT_EQ(emojiSequenceLength("", 0), 0u);
}

TEST(Emoji, TheQuickCheckPassesOverPlainGermanText) {
  EXPECT_FALSE(mayHaveEmojiSequence("Größter Wunsch: „Rückruf“ – übermorgen, 5 € (ÄÖÜ)"));
  EXPECT_FALSE(mayHaveEmojiSequence(""));
  for (const std::string& text : {kThumbMedium, kFamily, kGermany, kKeycapOne, kHeart, kScotland,
                                  std::string("x\u200D"), std::string("e\uFE0F"), std::string("\uE000")}) {
    EXPECT_TRUE(mayHaveEmojiSequence(text)) << text;
  }
}

TEST(Emoji, EachSequenceGetsOneGlyphTheSameEachTime) {
  EmojiGlyphs glyphs;
  const char32_t thumb = glyphs.glyphFor(kThumbMedium);
  const char32_t family = glyphs.glyphFor(kFamily);
  EXPECT_EQ(thumb, EmojiGlyphs::kFirst);
  EXPECT_EQ(family, EmojiGlyphs::kFirst + 1);
  EXPECT_EQ(glyphs.glyphFor(kThumbMedium), thumb);
  EXPECT_EQ(glyphs.sequenceOf(family), kFamily);
  EXPECT_EQ(glyphs.sequenceOf(EmojiGlyphs::kFirst + 2), "");
  EXPECT_EQ(glyphs.sequenceOf(U'a'), "");

  std::string expected = "Top ";
  appendUtf8(expected, thumb);
  expected += " Familie ";
  appendUtf8(expected, family);
  expected += " Flagge ";
  appendUtf8(expected, EmojiGlyphs::kFirst + 2);
  expected += " 😀";
  EXPECT_EQ(drawableText("Top " + kThumbMedium + " Familie " + kFamily + " Flagge " + kGermany + " 😀", glyphs),
            expected);
  EXPECT_EQ(glyphs.size(), 3u);
}

TEST(Emoji, TextWithoutSequencesIsDrawnAsItIsAndLoneMarksAsNothing) {
  EmojiGlyphs glyphs;
  for (const std::string text : {"Größe gut", "„Rückruf“ – 5 €", "Super 😀 👍 ❗", ""}) {
    EXPECT_EQ(drawableText(text, glyphs), text);
  }
  EXPECT_EQ(glyphs.size(), 0u) << "no sequence, no glyph";
  // A lone selector, joiner, skin tone or tag never shows as a box.
  EXPECT_EQ(drawableText("e\uFE0F x\u200D 🏽 \U000E0067!", glyphs), "e x  !");
  // The text's own private-use characters cannot show a sequence's picture.
  EXPECT_EQ(drawableText("\uE000", glyphs), "\uFFFD");
  EXPECT_EQ(glyphs.size(), 0u);
}

TEST(Emoji, AFullTableDrawsTheBaseAlone) {
  EmojiGlyphs glyphs;
  std::string last;
  for (int i = 0; glyphs.size() <= static_cast<std::size_t>(EmojiGlyphs::kLast - EmojiGlyphs::kFirst); ++i) {
    last = "👍" + std::to_string(i);  // any distinct keys fill it
    ASSERT_NE(glyphs.glyphFor(last), 0u);
  }
  EXPECT_EQ(glyphs.glyphFor(kThumbMedium), 0u);
  EXPECT_EQ(drawableText(kThumbMedium, glyphs), "👍");
  EXPECT_EQ(glyphs.glyphFor(last), EmojiGlyphs::kLast) << "the ones met stay";
}

TEST(Emoji, TheSvgExportWrapsASequenceAsOneCharacter) {
  // A family is as wide as one emoji in the SVG's text measure, and a run of them longer than a line breaks
  // between them, never inside one (the SVG keeps the real text).
  EXPECT_DOUBLE_EQ(exporting::textWidth(kFamily, 10.0), exporting::textWidth("😀", 10.0));
  std::string run;
  for (int i = 0; i < 8; ++i) run += kFamily;
  const auto lines = exporting::wrapText(run, 30.0, 10.0);
  ASSERT_GT(lines.size(), 1u);
  std::string joined;
  for (const std::string& line : lines) {
    ASSERT_FALSE(line.empty());
    EXPECT_EQ(line.size() % kFamily.size(), 0u) << line;
    EXPECT_EQ(emojiSequenceLength(line, 0), kFamily.size()) << line;
    joined += line;
  }
  EXPECT_EQ(joined, run);
}

}  // namespace
}  // namespace mapathy::text
