// Emoji sequences on the board (ui/drawn_text.hpp): drawn and measured as one glyph each from the atlas (the
// native placeholder box per sequence here, the browser's emoji picture on the web), and wrapped by the card's
// rule (ui::wrapText) as one unit that never breaks, as the browser's text field keeps a grapheme whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <cfloat>
#include <string>
#include <vector>

#include "imgui.h"
#include "platform/fonts.hpp"
#include "ui/drawn_text.hpp"
#include "ui/note_card.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui {
namespace {

using testing::Lines;
using testing::linesOf;

const std::string kThumb = "👍🏽";
const std::string kFamily = "👩\u200D👩\u200D👧";
const std::string kGermany = "🇩🇪";

// An ImGui context whose atlas holds a placeholder glyph for each of `sequences` (as the platform adds them).
class SequenceAtlas {
 public:
  explicit SequenceAtlas(const std::vector<std::string>& sequences) {
    for (const std::string& s : sequences) glyphs_.push_back(platform::placeholderGlyph(emojiGlyphs().glyphFor(s), 40));
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    platform::AtlasOptions options;
    options.extraGlyphs = glyphs_;
    platform::loadFonts(io, 16.0f, 1.0f, platform::embeddedBoldFace(), platform::FontSet::Full, options);
  }
  ~SequenceAtlas() { ImGui::DestroyContext(context_); }
  SequenceAtlas(const SequenceAtlas&) = delete;
  SequenceAtlas& operator=(const SequenceAtlas&) = delete;
  const ImFont* font() const { return ImGui::GetIO().Fonts->Fonts[0]; }
  float width(std::string_view text) const {
    const DrawnText drawn(text);
    return font()->CalcTextSizeA(16.0f, FLT_MAX, 0.0f, drawn.begin(), drawn.end()).x;
  }

 private:
  std::vector<platform::ExtraGlyph> glyphs_;
  ImGuiContext* context_;
};

TEST(FontAtlas, AnEmojiSequenceIsDrawnAsOneGlyph) {
  const SequenceAtlas atlas({kThumb, kFamily, kGermany});
  const float box = atlas.width("😀");  // no glyph natively: the fallback, one character wide
  const float one = atlas.width(kFamily);
  ASSERT_GT(one, 0.0f);
  EXPECT_FLOAT_EQ(atlas.width(kThumb), one);
  EXPECT_FLOAT_EQ(atlas.width(kGermany), one);
  EXPECT_FLOAT_EQ(atlas.width(kFamily + kFamily), 2.0f * one);
  // "Top 👍🏽 Familie 👩‍👩‍👧 Flagge 🇩🇪": the words plus one glyph per sequence, nothing for the
  // members.
  EXPECT_FLOAT_EQ(atlas.width("Top " + kThumb + " Familie " + kFamily + " Flagge " + kGermany),
                  atlas.width("Top  Familie  Flagge ") + 3.0f * one);
  // Drawn code point by code point, the family would be its three members (and two joiners) side by side.
  const ImFont* font = atlas.font();
  EXPECT_GT(font->CalcTextSizeA(16.0f, FLT_MAX, 0.0f, kFamily.c_str()).x, 2.0f * std::min(one, box));
  // The glyph is the sequence's own, in every face.
  for (const ImFont* face : ImGui::GetIO().Fonts->Fonts) {
    EXPECT_NE(face->FindGlyphNoFallback(static_cast<ImWchar>(emojiGlyphs().glyphFor(kFamily))), nullptr);
  }
}

TEST(FontAtlas, TextWithoutSequencesIsDrawnFromItself) {
  const std::string plain = "Größter Wunsch: „Rückruf“ – 5 €";
  const DrawnText drawn(plain);
  EXPECT_EQ(drawn.begin(), plain.data()) << "no copy";
  EXPECT_EQ(drawn.end(), plain.data() + plain.size());
  const DrawnText empty{std::string_view()};
  EXPECT_NE(empty.begin(), nullptr) << "ImGui reads a null text up to its terminator";
  EXPECT_EQ(empty.begin(), empty.end());
  const std::string lone = "ok\uFE0F\u200D";
  EXPECT_EQ(DrawnText(lone).view(), "ok") << "a lone selector or joiner draws as nothing, never as a box";
}

TEST(NoteCardWrap, AnEmojiSequenceIsOneUnbreakableUnit) {
  const SequenceAtlas atlas({kThumb, kFamily, kGermany});
  const ImFont* font = atlas.font();
  const float a = font->GetCharAdvance('a');
  const float e = font->GetCharAdvance(static_cast<ImWchar>(emojiGlyphs().glyphFor(kFamily)));
  ASSERT_GT(e, a);
  // The family fits on the first line only as one glyph (its three members would not).
  EXPECT_EQ(linesOf(font, 3.0f * a + 1.5f * e, "aa " + kFamily + " bb"), (Lines{"aa " + kFamily + " ", "bb"}));
  // Too narrow for it after "aa ": it moves to the next line whole.
  EXPECT_EQ(linesOf(font, 3.0f * a + 0.5f * e, "aa " + kFamily), (Lines{"aa ", kFamily}));
  // A run of sequences longer than a line breaks between them, never inside one.
  const std::string thumbs = kThumb + kThumb + kThumb;
  EXPECT_EQ(linesOf(font, 2.5f * e, thumbs), (Lines{kThumb + kThumb, kThumb}));
  EXPECT_EQ(linesOf(font, 0.5f * e, kGermany + kGermany), (Lines{kGermany, kGermany}));
  // German text around it, and a lone selector takes no room.
  const float groesse = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, "Größe ").x;
  EXPECT_EQ(linesOf(font, groesse + e + 0.5f * a, "Größe " + kThumb + " gut"), (Lines{"Größe " + kThumb + " ", "gut"}));
  EXPECT_EQ(linesOf(font, 4.5f * a, "aaaa\uFE0F bb"), (Lines{"aaaa\uFE0F ", "bb"}));
}

// The board title in the toolbar: with an emoji it is drawn by the bar (one glyph per sequence) and renamed
// after a click, as a title too long for the bar; without, the rename field shows it.
TEST(EmojiTitle, ATitleWithASequenceIsDrawnByTheBar) {
  testing::AppHarness h("de-DE");
  ASSERT_TRUE(h.click("Neue Empathy Map"));
  h.frames(2);
  ASSERT_NE(h.app->document(), nullptr);
  ASSERT_TRUE(h.app->document()->setTitle("Team"));
  h.frames(2);
  EXPECT_NE(h.findRaw("##toolbar.title"), nullptr);
  EXPECT_EQ(h.findRaw("###toolbar.titleFull"), nullptr);
  ASSERT_TRUE(h.app->document()->setTitle("Team " + kThumb));
  h.frames(2);
  EXPECT_EQ(h.findRaw("##toolbar.title"), nullptr) << "the field would draw the thumb and its skin tone apart";
  const RecordedItem* drawn = h.findRaw("###toolbar.titleFull");
  ASSERT_NE(drawn, nullptr);
  h.clickAt(testing::AppHarness::centre(*drawn));
  EXPECT_NE(h.findRaw("##toolbar.title"), nullptr) << "a click shows the rename field";
  EXPECT_EQ(h.app->document()->board().title, "Team " + kThumb) << "the document keeps the real text";
}

}  // namespace
}  // namespace mapathy::ui
