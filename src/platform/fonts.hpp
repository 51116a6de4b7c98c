// Mapathy fonts — the proportional UI font (Inter regular and semibold; German umlauts, ß, €, arrows).
// Icons are drawn with the draw list (src/ui/style.hpp), so no icon font is shipped. emsdk-setup.sh subsets
// the faces from the distribution's font package into third_party/fonts; CMake turns them into byte arrays
// (cmake/embed_file.cmake). The platform calls loadFonts() at start and whenever the pixel ratio changes.
//
// Why the web build embeds only the regular face: everything loaded before the first frame must fit in
// the start-up budget (tools/sitesize.mjs), and the semibold face is 16 KB of gzip. The web build copies it next to the app
// (mapathy-bold.otf); web/platform.js fetches it after the first frame and the platform loads the fonts
// again with it. Until it arrives (or if it never does: offline without a cache) headings use the regular
// face, like a web page's font-display: swap. Native builds (tests, tools) embed both.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

struct ImFont;
struct ImGuiIO;

namespace mapathy::platform {

struct Fonts {
  ImFont* regular = nullptr;  // io.Fonts->Fonts[0], the default font
  ImFont* bold = nullptr;     // io.Fonts->Fonts[1], for headings (the regular face while no bold face is given)
  // (With FontSet::FirstFrame, bold, regularLarge and boldLarge are all `regular`.)
  // [2] and [3]: the same faces rasterised larger, for big headings and zoomed-in canvas text
  // (ui::fontForSize picks them; style.hpp).
  ImFont* regularLarge = nullptr;
  ImFont* boldLarge = nullptr;
  // [4] and [5]: canvas text zoomed beyond the large raster (AtlasOptions::zoomStep > kLargeStep), else null.
  ImFont* regularZoom = nullptr;
  ImFont* boldZoom = nullptr;
};

// The large raster is this many times the UI size; zoom steps above it add the zoom faces.
inline constexpr float kLargeStep = 2.0f;
// The zoom faces' raster never exceeds this many device pixels: at 400 % on a phone with a pixel ratio of 3
// the faces would be 192 px tall; capped, such text is drawn from a 128 px raster, 1.5 times enlarged on a
// screen whose pixels are a third as wide, and the atlas stays at 2048 × 1411 (2.8 MB as one channel; the
// atlas without zoom faces is 1024 × 1976 there). At pixel ratio 1 and 400 %: 512 × 1006 (0.5 MB).
inline constexpr float kMaxZoomRasterPixels = 128.0f;

// The zoom step for text drawn at `zoom` on the canvas: the faces needed to draw canvas text (15–22 px at
// 100 %) from a raster no smaller than on screen. 1 up to 2.4 (the large raster is enough), then 3, then 4.
float zoomStepFor(float zoom);

// A glyph the embedded face lacks (emoji, other scripts), drawn by somebody else: the browser's own fonts in
// the web build, a placeholder box natively. Pixels are RGBA for a line `height` pixels tall; a glyph of width 0
// (nothing drawn) is left out.
struct ExtraGlyph {
  char32_t codepoint = 0;
  int width = 0, height = 0;
  bool coloured = false;  // drawn as is (emoji); otherwise white with the coverage in alpha, tinted like text
  std::vector<unsigned char> rgba;
};

// A placeholder for a code point nobody drew: an outlined box as wide as an emoji, `height` pixels tall.
ExtraGlyph placeholderGlyph(char32_t codepoint, int height);

// What an atlas holds besides the faces of the FontSet.
struct AtlasOptions {
  float zoomStep = 1.0f;                    // zoomStepFor(): > kLargeStep adds faces [4] and [5]
  std::span<const char32_t> zoomGlyphs;     // code points the zoom faces hold besides Basic Latin (the board's)
  std::span<const ExtraGlyph> extraGlyphs;  // added to every face; the atlas becomes RGBA when non-empty
  // FontSet::FirstFrame only: when set, the face holds Basic Latin and these code points (those of the face,
  // the UI texts' and the board's) instead of its whole range — a third of the glyphs to rasterise at start.
  const std::vector<char32_t>* firstFrameGlyphs = nullptr;
};

// Which faces an atlas holds. The web app starts with the first one: building the atlas is a good part of
// its start-up (every glyph rasterised, at first by not yet optimised WebAssembly), and the first frame
// needs no more than the regular face at text size — headings and zoomed-in text are drawn from it
// scaled (ui::fontForSize falls back to it when the atlas has no other faces), a little soft until the
// full atlas replaces it a moment later, built once the semibold face has arrived (or failed to).
enum class FontSet {
  FirstFrame,  // [0] only: the regular face at text size
  Full,        // [0]–[3]
};

// Replaces everything in io.Fonts by the embedded fonts. `sizePixels` is the logical text size; glyphs are
// rasterised at sizePixels * rasterScale (the display's pixel ratio) and drawn scaled back by
// 1 / rasterScale, so text is crisp on HiDPI screens while layout stays in logical (CSS) pixels.
// `boldFace` is the semibold font file (OpenType bytes, kept alive by the caller as long as the atlas uses
// them); empty means "draw bold text with the regular face" (the regular faces' glyphs are then copied
// into the bold places, not rasterised twice). The caller rebuilds the renderer's font texture afterwards.
// With extra glyphs the atlas's pixels are RGBA (TexPixelsRGBA32 set, the glyphs in place), otherwise Alpha8.
Fonts loadFonts(ImGuiIO& io, float sizePixels, float rasterScale, std::span<const unsigned char> boldFace,
                FontSet set = FontSet::Full, const AtlasOptions& options = {});

// Whether the embedded faces have a glyph for `c` (the subset's ranges; emsdk-setup.sh keeps them in step).
bool faceHas(char32_t c);

// The semibold face built into this binary: the whole font natively, empty in the web build.
std::span<const unsigned char> embeddedBoldFace();

}  // namespace mapathy::platform
