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
Fonts loadFonts(ImGuiIO& io, float sizePixels, float rasterScale, std::span<const unsigned char> boldFace,
                FontSet set = FontSet::Full);

// The semibold face built into this binary: the whole font natively, empty in the web build.
std::span<const unsigned char> embeddedBoldFace();

}  // namespace mapathy::platform
