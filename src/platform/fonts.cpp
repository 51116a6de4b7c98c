// Loads the fonts embedded by cmake/embed_file.cmake into Dear ImGui's atlas (see fonts.hpp).
#include "platform/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstring>

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
constexpr float kDisplayFactor = kLargeStep;

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

// Basic Latin, the replacement character and `used` (those of the face), one range per code point.
ImVector<ImWchar> firstFrameRanges(const std::vector<char32_t>& used) {
  ImVector<ImWchar> ranges;
  for (const ImWchar c : {ImWchar{0x0020}, ImWchar{0x007E}, ImWchar{0x2026}, ImWchar{0x2026}, ImWchar{0xFFFD}, ImWchar{0xFFFD}})
    ranges.push_back(c);
  for (const char32_t c : used) {
    if (c < 0x80 || !faceHas(c)) continue;
    ranges.push_back(static_cast<ImWchar>(c));
    ranges.push_back(static_cast<ImWchar>(c));
  }
  ranges.push_back(0);
  return ranges;
}

// A copy of `font` (glyphs, metrics) that the atlas owns as one more font: the bold places of an atlas
// without a bold face. Never rasterised itself; it samples the regular face's glyphs in the texture.
ImFont* addCopy(ImFontAtlas& atlas, const ImFont& font) {
  ImFont* copy = IM_NEW(ImFont)(font);
  copy->FallbackGlyph = copy->FindGlyphNoFallback(copy->FallbackChar);  // its own glyph, not the original's
  atlas.Fonts.push_back(copy);
  return copy;
}

// The zoom faces hold Basic Latin, German letters and the other code points the board uses (those the face
// has): a few glyphs more instead of Latin-1's two hundred, at up to 128 px each.
ImVector<ImWchar> zoomRanges(std::span<const char32_t> used) {
  // Basic Latin, German letters and quotes, dashes, …, € (typed at 400 % without a rebuild), the fallback.
  constexpr ImWchar kAlways[] = {0x20,   0x7E,   0xC4,   0xC4,   0xD6,   0xD6,   0xDC,   0xDC,   0xDF,
                                 0xDF,   0xE4,   0xE4,   0xF6,   0xF6,   0xFC,   0xFC,   0x2013, 0x2014,
                                 0x2018, 0x201E, 0x2026, 0x2026, 0x20AC, 0x20AC, 0xFFFD, 0xFFFD};
  ImVector<ImWchar> ranges;
  for (const ImWchar c : kAlways) ranges.push_back(c);
  for (const char32_t c : used) {  // a range per code point (ImGui accepts any order)
    ranges.push_back(static_cast<ImWchar>(c));
    ranges.push_back(static_cast<ImWchar>(c));
  }
  ranges.push_back(0);
  return ranges;
}

// Adds the extra glyphs' rectangles to the atlas (before Build) and, after it, one glyph per face that
// samples them, scaled to the face's size, plus zero-width joining marks. Copies the pixels into the
// atlas's RGBA data.
struct ExtraPlacer {
  std::span<const ExtraGlyph> glyphs;
  std::vector<int> rects;

  void reserve(ImFontAtlas& atlas) {
    for (const ExtraGlyph& g : glyphs)
      rects.push_back(g.width > 0 ? atlas.AddCustomRectRegular(g.width, g.height) : -1);
  }

  void place(ImFontAtlas& atlas) {
    if (glyphs.empty()) return;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
      const ExtraGlyph& g = glyphs[i];
      if (rects[i] < 0) continue;  // nobody could draw it
      const ImFontAtlasCustomRect* rect = atlas.GetCustomRectByIndex(rects[i]);
      for (int y = 0; y < g.height; ++y) {
        std::memcpy(pixels + ((rect->Y + y) * width + rect->X) * 4,
                    g.rgba.data() + static_cast<std::size_t>(y * g.width) * 4, static_cast<std::size_t>(g.width) * 4);
      }
      ImVec2 uv0, uv1;
      atlas.CalcCustomRectUV(rect, &uv0, &uv1);
      for (ImFont* font : atlas.Fonts) {
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(g.codepoint)) != nullptr) continue;
        const float k = font->FontSize / static_cast<float>(g.height);
        font->AddGlyph(nullptr, static_cast<ImWchar>(g.codepoint), 0, 0, static_cast<float>(g.width) * k,
                       static_cast<float>(g.height) * k, uv0.x, uv0.y, uv1.x, uv1.y, static_cast<float>(g.width) * k);
        font->Glyphs.back().Colored = g.coloured ? 1 : 0;
      }
    }
    constexpr char32_t kMarks[] = {0x200D, 0xFE0E, 0xFE0F, 0x1F3FB, 0x1F3FC, 0x1F3FD, 0x1F3FE, 0x1F3FF};
    for (ImFont* font : atlas.Fonts) {
      for (const char32_t mark : kMarks) {
        if (font->FindGlyphNoFallback(static_cast<ImWchar>(mark)) == nullptr) {
          font->AddGlyph(nullptr, static_cast<ImWchar>(mark), 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
      }
      font->BuildLookupTable();
    }
  }
};

}  // namespace

float zoomStepFor(float zoom) {
  // Canvas text is 15 px at 100 %: the raster it needs in UI sizes (16 px). The large raster serves up to a
  // fifth above its size, as fontForSize allows.
  const float need = zoom * 15.0f / 16.0f;
  if (need <= kLargeStep * 1.2f) return 1.0f;
  return need <= 3.0f ? 3.0f : 4.0f;
}

ExtraGlyph placeholderGlyph(char32_t codepoint, int height) {
  ExtraGlyph g;
  g.codepoint = codepoint;
  g.height = std::max(height, 4);
  g.width = std::max(4, static_cast<int>(std::lround(static_cast<float>(g.height) * 0.75f)));
  g.rgba.assign(static_cast<std::size_t>(g.width * g.height) * 4, 0);
  // An outlined box from a little above the baseline to the cap height, one pixel per 16 of the line.
  const int stroke = std::max(1, g.height / 16);
  const int x0 = g.width / 8, x1 = g.width - g.width / 8, y0 = g.height / 6, y1 = g.height * 4 / 5;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const bool edge = x < x0 + stroke || x >= x1 - stroke || y < y0 + stroke || y >= y1 - stroke;
      unsigned char* p = g.rgba.data() + static_cast<std::size_t>(y * g.width + x) * 4;
      p[0] = p[1] = p[2] = 255;
      p[3] = edge ? 255 : 0;
    }
  }
  return g;
}

std::span<const unsigned char> embeddedBoldFace() {
#ifdef MAPATHY_EMBED_BOLD_FONT
  return {embedded::font_bold, embedded::font_bold_size};
#else
  return {};
#endif
}

Fonts loadFonts(ImGuiIO& io, float sizePixels, float rasterScale, std::span<const unsigned char> boldFace, FontSet set,
                const AtlasOptions& options) {
  if (rasterScale < 1.0f) rasterScale = 1.0f;
  io.Fonts->Clear();
  // As tall as the glyphs need, not the next power of two (WebGL2 takes any size): up to half the memory.
  io.Fonts->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
  const float pixels = sizePixels * rasterScale;
  const unsigned char* regular = embedded::font_regular;
  const std::size_t regularSize = embedded::font_regular_size;
  Fonts fonts;
  // (The atlas reads the ranges when it is built, below: they live until then.)
  const ImVector<ImWchar> firstFrame = set == FontSet::FirstFrame && options.firstFrameGlyphs != nullptr
                                           ? firstFrameRanges(*options.firstFrameGlyphs)
                                           : ImVector<ImWchar>{};
  fonts.regular = addTextFont(io, regular, regularSize, pixels, "Inter Regular",
                              firstFrame.empty() ? kTextRanges : firstFrame.Data, 2);
  fonts.regular->Scale = 1.0f / rasterScale;
  ExtraPlacer extras{options.extraGlyphs, {}};
  extras.reserve(*io.Fonts);
  if (set == FontSet::FirstFrame) {
    io.Fonts->Build();
    extras.place(*io.Fonts);
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
  // Zoomed-in canvas text: one more pair of faces at the zoom step, capped in device pixels.
  ImVector<ImWchar> zoomGlyphs;
  if (options.zoomStep > kLargeStep) {
    zoomGlyphs = zoomRanges(options.zoomGlyphs);
    const float zoomPixels = std::min(pixels * options.zoomStep, std::max(kMaxZoomRasterPixels, pixels * kLargeStep));
    fonts.regularZoom = addTextFont(io, regular, regularSize, zoomPixels, "Inter Regular Zoom", zoomGlyphs.Data, 1);
    fonts.regularZoom->Scale = 1.0f / rasterScale;
    if (haveBold) {
      fonts.boldZoom =
          addTextFont(io, boldFace.data(), boldFace.size(), zoomPixels, "Inter SemiBold Zoom", zoomGlyphs.Data, 1);
      fonts.boldZoom->Scale = 1.0f / rasterScale;
    }
  }
  io.Fonts->Build();
  ImVector<ImFont*>& list = io.Fonts->Fonts;
  if (!haveBold) {
    // Places 1, 3 and 5 copy the regular faces, in the order style.cpp expects.
    fonts.bold = addCopy(*io.Fonts, *fonts.regular);
    fonts.boldLarge = addCopy(*io.Fonts, *fonts.regularLarge);
    if (fonts.regularZoom != nullptr) fonts.boldZoom = addCopy(*io.Fonts, *fonts.regularZoom);
  }
  ImFont* const order[] = {fonts.regular,   fonts.bold,        fonts.regularLarge,
                           fonts.boldLarge, fonts.regularZoom, fonts.boldZoom};
  for (int i = 0; i < list.Size; ++i) list[i] = order[i];
  extras.place(*io.Fonts);
  io.FontDefault = fonts.regular;
  return fonts;
}

bool faceHas(char32_t c) {
  for (const ImWchar* range = kTextRanges; range[0] != 0; range += 2)
    if (c >= range[0] && c <= range[1]) return true;
  return false;
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
