// The font atlas (platform/fonts.hpp) and the face the canvas draws with (ui::fontForSize): text zoomed to
// 400 % comes from a raster at least four times the text size times the pixel ratio, capped on phones;
// glyphs the embedded face lacks (emoji) go into every face as colour glyphs and make the atlas RGBA.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "imgui.h"
#include "platform/fonts.hpp"
#include "ui/canvas.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"

namespace mapathy::ui {
namespace {

using platform::AtlasOptions;
using platform::ExtraGlyph;
using platform::FontSet;
using platform::loadFonts;

// An ImGui context with the embedded fonts, inside a frame (fontForSize reads the current context).
class AtlasFixture {
 public:
  AtlasFixture(float rasterScale, const AtlasOptions& options) {
    context_ = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(800, 600);
    loadFonts(io, 16.0f, rasterScale, platform::embeddedBoldFace(), FontSet::Full, options);
    ImGui::NewFrame();
  }
  ~AtlasFixture() {
    ImGui::EndFrame();
    ImGui::DestroyContext(context_);
  }
  AtlasFixture(const AtlasFixture&) = delete;
  AtlasFixture& operator=(const AtlasFixture&) = delete;
  ImFontAtlas& atlas() { return *ImGui::GetIO().Fonts; }

 private:
  ImGuiContext* context_;
};

// The raster a face was built at, in device pixels (its glyph coordinates' unit).
float rasterPixels(const ImFont* font) { return font->FontSize; }

TEST(FontAtlas, CanvasTextAt400PercentIsRasterisedAtFourTimesTextSizeTimesPixelRatio) {
  const float zoom = Canvas::kMaxZoom;
  ASSERT_EQ(zoom, 4.0f);
  for (const float ratio : {1.0f, 2.0f}) {
    AtlasOptions options;
    options.zoomStep = platform::zoomStepFor(zoom);
    AtlasFixture fixture(ratio, options);
    const float onScreen = CardMetrics::kFontSize * zoom;  // a note's text at 400 %
    for (const bool bold : {false, true}) {
      const ImFont* face = fontForSize(onScreen, bold, "Stem Größe");
      EXPECT_GE(rasterPixels(face), 4.0f * 16.0f * ratio) << "ratio " << ratio << " bold " << bold;
      EXPECT_GE(rasterPixels(face), onScreen * ratio) << "no enlargement at 400 %";
      EXPECT_NE(face->FindGlyphNoFallback(U'ö'), nullptr);
    }
    // At 100 % the UI-size raster is used: small text stays as it was.
    EXPECT_EQ(rasterPixels(fontForSize(CardMetrics::kFontSize)), 16.0f * ratio);
  }
}

TEST(FontAtlas, ZoomStepsFollowTheZoomInUse) {
  EXPECT_EQ(platform::zoomStepFor(0.25f), 1.0f);
  EXPECT_EQ(platform::zoomStepFor(1.0f), 1.0f);
  EXPECT_EQ(platform::zoomStepFor(2.5f), 1.0f);  // the large raster (×2) serves
  EXPECT_EQ(platform::zoomStepFor(3.0f), 3.0f);
  EXPECT_EQ(platform::zoomStepFor(4.0f), 4.0f);
  // Without zoom faces (the zoom has not settled yet) 400 % text is drawn from the largest raster there is.
  AtlasFixture fixture(1.0f, {});
  EXPECT_EQ(fixture.atlas().Fonts.Size, 4);
  EXPECT_EQ(rasterPixels(fontForSize(60.0f)), 32.0f);
}

TEST(FontAtlas, ZoomFacesArePhoneSized) {
  // Pixel ratio 3 at 400 %: the zoom faces are capped, the atlas stays within 2048 × 1536 (3 MB as coverage).
  AtlasOptions options;
  options.zoomStep = 4.0f;
  AtlasFixture fixture(3.0f, options);
  ASSERT_EQ(fixture.atlas().Fonts.Size, 6);
  EXPECT_EQ(rasterPixels(fixture.atlas().Fonts[4]), platform::kMaxZoomRasterPixels);
  EXPECT_LE(fixture.atlas().TexWidth * fixture.atlas().TexHeight, 2048 * 1536);
  EXPECT_GE(rasterPixels(fontForSize(60.0f)), platform::kMaxZoomRasterPixels);
}

TEST(FontAtlas, ZoomFacesHoldTheBoardsLettersOrTextFallsBackToAFaceThatHasThem) {
  const char* text = "Ősz";  // Ő is in the UI-size face only, unless the board's letters are given
  {
    AtlasOptions options;
    options.zoomStep = 4.0f;
    AtlasFixture fixture(1.0f, options);
    EXPECT_EQ(rasterPixels(fontForSize(60.0f, false, text)), 16.0f) << "every glyph drawn, if soft";
  }
  const std::vector<char32_t> used = {U'Ő'};
  AtlasOptions options;
  options.zoomStep = 4.0f;
  options.zoomGlyphs = used;
  AtlasFixture fixture(1.0f, options);
  EXPECT_EQ(rasterPixels(fontForSize(60.0f, false, text)), 64.0f);
}

TEST(FontAtlas, WithoutExtraGlyphsTheAtlasIsCoverageOnly) {
  AtlasFixture fixture(2.0f, {});
  EXPECT_EQ(fixture.atlas().TexPixelsRGBA32, nullptr) << "the renderer uploads one channel";
  EXPECT_NE(fixture.atlas().TexPixelsAlpha8, nullptr);
}

// A red square standing for an emoji the browser drew.
ExtraGlyph redGlyph(char32_t codepoint, int height) {
  ExtraGlyph glyph;
  glyph.codepoint = codepoint;
  glyph.width = glyph.height = height;
  glyph.coloured = true;
  for (int i = 0; i < height * height; ++i) glyph.rgba.insert(glyph.rgba.end(), {220, 30, 30, 255});
  return glyph;
}

TEST(FontAtlas, ExtraGlyphsAreColourGlyphsInEveryFace) {
  const std::vector<ExtraGlyph> extra = {redGlyph(U'😀', 40), platform::placeholderGlyph(U'❗', 40)};
  AtlasOptions options;
  options.zoomStep = 4.0f;
  options.extraGlyphs = extra;
  AtlasFixture fixture(1.0f, options);
  ImFontAtlas& atlas = fixture.atlas();
  ASSERT_NE(atlas.TexPixelsRGBA32, nullptr);
  ASSERT_EQ(atlas.Fonts.Size, 6);
  for (const ImFont* font : atlas.Fonts) {
    const ImFontGlyph* smile = font->FindGlyphNoFallback(U'😀');
    ASSERT_NE(smile, nullptr);
    EXPECT_TRUE(smile->Colored);
    EXPECT_FLOAT_EQ(smile->Y1 - smile->Y0, font->FontSize) << "one line tall in every face";
    // The atlas holds the glyph's pixels where its UVs point.
    const int x = static_cast<int>((smile->U0 + smile->U1) * 0.5f * static_cast<float>(atlas.TexWidth));
    const int y = static_cast<int>((smile->V0 + smile->V1) * 0.5f * static_cast<float>(atlas.TexHeight));
    const unsigned char* pixel = reinterpret_cast<const unsigned char*>(atlas.TexPixelsRGBA32) +
                                 (static_cast<std::size_t>(y) * atlas.TexWidth + x) * 4;
    EXPECT_EQ(pixel[0], 220);
    EXPECT_EQ(pixel[1], 30);
    const ImFontGlyph* placeholder = font->FindGlyphNoFallback(U'❗');
    ASSERT_NE(placeholder, nullptr);
    EXPECT_FALSE(placeholder->Colored) << "a grey glyph takes the text's colour";
  }
  // Sequences: a skin tone, a variation selector and a joiner take no room, so 👍🏽 and ❤️ are one glyph wide.
  const ImFont* regular = atlas.Fonts[0];
  const float one = regular->CalcTextSizeA(16.0f, 1e6f, 0.0f, "😀").x;
  EXPECT_GT(one, 0.0f);
  EXPECT_FLOAT_EQ(regular->CalcTextSizeA(16.0f, 1e6f, 0.0f, "😀🏽").x, one);
  EXPECT_FLOAT_EQ(regular->CalcTextSizeA(16.0f, 1e6f, 0.0f, "😀\xEF\xB8\x8F").x, one);
  EXPECT_FLOAT_EQ(regular->CalcTextSizeA(16.0f, 1e6f, 0.0f, "😀\xE2\x80\x8D😀").x, 2.0f * one);
  // Text with emoji still picks the zoom face at 400 % (the emoji are in it).
  EXPECT_EQ(rasterPixels(fontForSize(60.0f, false, "Super 😀🏽 ❗")), 64.0f);
}

TEST(FontAtlas, NativePlaceholderIsAVisibleBox) {
  const ExtraGlyph box = platform::placeholderGlyph(U'👍', 32);
  ASSERT_EQ(box.rgba.size(), static_cast<std::size_t>(box.width * box.height) * 4);
  int opaque = 0;
  for (std::size_t i = 3; i < box.rgba.size(); i += 4) opaque += box.rgba[i] == 255 ? 1 : 0;
  EXPECT_GT(opaque, 40) << "an outline, not nothing";
  EXPECT_LT(opaque, box.width * box.height / 2) << "an outline, not a filled block";
}

}  // namespace
}  // namespace mapathy::ui

namespace mapathy::ui {
namespace {

// The web app's first atlas (FontSet::FirstFrame with firstFrameGlyphs): Basic Latin, the ellipsis, the
// replacement character and the listed code points the face has — far fewer glyphs than the whole face, so
// the start rasterises less; without a list, the face's whole range as before.
TEST(FontAtlas, FirstFrameAtlasHoldsBasicLatinAndTheListedCharactersOnly) {
  const std::vector<char32_t> used = {U'ä', U'ö', U'ü', U'ß', U'–', U'„', U'“', U'€', 0x1F600};  // and an emoji
  auto build = [](const std::vector<char32_t>* list) {
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    AtlasOptions options;
    options.firstFrameGlyphs = list;
    loadFonts(io, 16.0f, 1.0f, {}, FontSet::FirstFrame, options);
    const ImFont* regular = io.Fonts->Fonts[0];
    struct Result {
      int glyphs;
      int height;
      bool has(const ImFont* font, char32_t c) const { return font->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr; }
    } result{regular->Glyphs.Size, io.Fonts->TexHeight};
    std::vector<bool> present;
    for (const char32_t c : {U'A', U'z', U'~', U'ä', U'ß', U'–', U'€', U'…', U'é', U'Ł', U'→'})
      present.push_back(result.has(regular, c));
    ImGui::DestroyContext(context);
    return std::make_pair(result, present);
  };
  const auto [lean, leanHas] = build(&used);
  const auto [whole, wholeHas] = build(nullptr);
  // A, z, ~, ä, ß, –, €, … are there; é, Ł and → (not listed) are not.
  EXPECT_EQ(leanHas, (std::vector<bool>{true, true, true, true, true, true, true, true, false, false, false}));
  EXPECT_EQ(wholeHas, (std::vector<bool>{true, true, true, true, true, true, true, true, true, true, true}));
  EXPECT_LT(lean.glyphs * 3, whole.glyphs) << "a third of the glyphs at most";
  EXPECT_LT(lean.height, whole.height);
  EXPECT_TRUE(platform::faceHas(U'é'));
  EXPECT_TRUE(platform::faceHas(U'→'));
  EXPECT_FALSE(platform::faceHas(0x1F600));
  EXPECT_FALSE(platform::faceHas(U'中'));
}

}  // namespace
}  // namespace mapathy::ui
