// Loads the fonts embedded by cmake/embed_file.cmake into Dear ImGui's atlas (see fonts.hpp).
#include "platform/fonts.hpp"

#include <cstddef>
#include <cstdio>

#include "imgui.h"

namespace mapathy::embedded {
extern const unsigned char font_regular[];
extern const std::size_t font_regular_size;
#ifdef MAPATHY_EMBED_BOLD_FONT
extern const unsigned char font_bold[];
extern const std::size_t font_bold_size;
#endif
}  // namespace mapathy::embedded

namespace mapathy::platform {
namespace {

// What the subset in third_party/fonts contains (emsdk-setup.sh keeps the two lists in step).
constexpr ImWchar kTextRanges[] = {
    0x0020, 0x017F,  // Basic Latin, Latin-1 (ä ö ü ß), Latin Extended-A
    0x1E9E, 0x1E9E,  // capital sharp s
    0x2010, 0x2027,  // General punctuation (– — „ “ … •)
    0x2030, 0x203A,  // ‰ ‹ ›
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // ← ↑ → ↓
    0x2212, 0x2212,  // minus sign
    0x2248, 0x2248,  // ≈
    0x2264, 0x2265,  // ≤ ≥
    0x25B2, 0x25C0,  // triangles
    0x25C6, 0x25C6,  // ◆
    0x25CF, 0x25CF,  // ●
    0x2713, 0x2717,  // check and cross marks
    0xFFFD, 0xFFFD,  // replacement character
    0,
};

// The large raster (headings, zoomed-in canvas text) holds fewer glyphs, so the atlas stays small on phones
// with a pixel ratio of 3: Basic Latin and Latin-1 (German, French, Spanish …), quotes and dashes, €.
constexpr ImWchar kDisplayRanges[] = {
    0x0020, 0x00FF,
    0x2013, 0x2026,  // – — ‘ ’ ‚ “ ” „ † ‡ • …
    0x20AC, 0x20AC,
    0xFFFD, 0xFFFD,
    0,
};

// Headings and big canvas text are drawn from a raster this many times the UI size (scaled down a little
// at most sizes, which stays sharp; scaled up from the UI-size raster, text turns blurry).
constexpr float kDisplayFactor = 2.0f;

ImFont* addTextFont(ImGuiIO& io, const unsigned char* data, std::size_t size, float pixels, const char* name,
                    const ImWchar* ranges, int oversample) {
  ImFontConfig config;
  config.FontDataOwnedByAtlas = false;  // the bytes live in the binary's read-only data
  config.PixelSnapH = true;
  config.OversampleH = oversample;
  config.OversampleV = 1;
  std::snprintf(config.Name, sizeof(config.Name), "%s", name);
  ImFont* font = io.Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), pixels,
                                                &config, ranges);
  return font;
}

// A copy of `font` (glyphs, metrics) that the atlas owns as one more font: the bold places of an atlas
// without a bold face. Never rasterised itself; it samples the regular face's glyphs in the texture.
ImFont* addCopy(ImFontAtlas& atlas, const ImFont& font) {
  ImFont* copy = IM_NEW(ImFont)(font);
  copy->FallbackGlyph = copy->FindGlyphNoFallback(copy->FallbackChar);  // its own glyph, not the original's
  atlas.Fonts.push_back(copy);
  return copy;
}

}  // namespace

std::span<const unsigned char> embeddedBoldFace() {
#ifdef MAPATHY_EMBED_BOLD_FONT
  return {embedded::font_bold, embedded::font_bold_size};
#else
  return {};
#endif
}

Fonts loadFonts(ImGuiIO& io, float sizePixels, float rasterScale, std::span<const unsigned char> boldFace,
                FontSet set) {
  if (rasterScale < 1.0f) rasterScale = 1.0f;
  io.Fonts->Clear();
  const float pixels = sizePixels * rasterScale;
  const unsigned char* regular = embedded::font_regular;
  const std::size_t regularSize = embedded::font_regular_size;
  Fonts fonts;
  fonts.regular = addTextFont(io, regular, regularSize, pixels, "Inter Regular", kTextRanges, 2);
  fonts.regular->Scale = 1.0f / rasterScale;
  if (set == FontSet::FirstFrame) {
    io.Fonts->Build();
    io.FontDefault = fonts.regular;
    fonts.bold = fonts.regularLarge = fonts.boldLarge = fonts.regular;
    return fonts;
  }
  // The UI finds its faces by position in the atlas (style.cpp: 0 regular, 1 bold, 2 and 3 their large
  // rasters).
  const bool haveBold = !boldFace.empty();
  if (haveBold) fonts.bold = addTextFont(io, boldFace.data(), boldFace.size(), pixels, "Inter SemiBold", kTextRanges, 2);
  fonts.regularLarge =
      addTextFont(io, regular, regularSize, pixels * kDisplayFactor, "Inter Regular Large", kDisplayRanges, 1);
  if (haveBold) {
    fonts.boldLarge = addTextFont(io, boldFace.data(), boldFace.size(), pixels * kDisplayFactor,
                                  "Inter SemiBold Large", kDisplayRanges, 1);
  }
  fonts.regularLarge->Scale = 1.0f / rasterScale;
  if (haveBold) {
    fonts.bold->Scale = 1.0f / rasterScale;
    fonts.boldLarge->Scale = 1.0f / rasterScale;
  }
  io.Fonts->Build();
  if (!haveBold) {
    // Places 1 and 3 copy the regular faces, in the order style.cpp expects.
    ImVector<ImFont*>& list = io.Fonts->Fonts;
    fonts.bold = addCopy(*io.Fonts, *fonts.regular);
    fonts.boldLarge = addCopy(*io.Fonts, *fonts.regularLarge);
    list[0] = fonts.regular;
    list[1] = fonts.bold;
    list[2] = fonts.regularLarge;
    list[3] = fonts.boldLarge;
  }
  io.FontDefault = fonts.regular;
  return fonts;
}

}  // namespace mapathy::platform

#ifdef __EMSCRIPTEN__
// The web build links with --wrap for ImFontAtlas::AddFontDefault: loadFonts() always adds Inter before the
// atlas is built, so ImGui's embedded ProggyClean font (12 KB of base85 data plus its decompressor) is never
// used; routing the only call to this stub lets the linker drop it. Returning no font is safe because
// ImFontAtlas::Build() calls it only for an atlas without fonts, which Mapathy never builds.
extern "C" ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*) {
  return nullptr;
}
#endif
