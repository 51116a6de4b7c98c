// Mapathy fonts — the proportional UI font (Inter regular and semibold; German umlauts, ß, €, arrows),
// embedded at build time. Icons are drawn with the draw list (src/ui/style.hpp), so no icon font is shipped. emsdk-setup.sh subsets them from the
// distribution's font packages into third_party/fonts; CMake turns them into byte arrays
// (cmake/embed_file.cmake). The platform calls loadFonts() at start and whenever the pixel ratio changes.
#pragma once

struct ImFont;
struct ImGuiIO;

namespace mapathy::platform {

struct Fonts {
  ImFont* regular = nullptr;  // io.Fonts->Fonts[0], the default font
  ImFont* bold = nullptr;     // io.Fonts->Fonts[1], for headings
  // [2] and [3]: the same faces rasterised larger, for big headings and zoomed-in canvas text
  // (ui::fontForSize picks them; style.hpp).
  ImFont* regularLarge = nullptr;
  ImFont* boldLarge = nullptr;
};

// Replaces everything in io.Fonts by the embedded fonts. `sizePixels` is the logical text size; glyphs are
// rasterised at sizePixels * rasterScale (the display's pixel ratio) and drawn scaled back by
// 1 / rasterScale, so text is crisp on HiDPI screens while layout stays in logical (CSS) pixels.
// The caller rebuilds the renderer's font texture afterwards.
Fonts loadFonts(ImGuiIO& io, float sizePixels, float rasterScale);

}  // namespace mapathy::platform
