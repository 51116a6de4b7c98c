// Mapathy core — the colours of a board, as data.
//
// One table for everything that draws a board: the app (Dear ImGui), the SVG export and the print
// page. Keeping it in the core means an exported picture looks like the screen, and the contrast of
// every text/background pair is checked by a unit test (WCAG 2.1: at least 4.5:1 for text).
//
// Notes, sections and the persona's avatar disc pick a colour by palette index 0..kPaletteSize-1
// (model.hpp). Out-of-range indices (from hand-edited files) wrap around instead of failing.
#pragma once

#include <cstdint>
#include <string>

#include "core/model/model.hpp"

namespace mapathy {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

// One note colour and the colours that go with it.
struct PaletteColour {
  const char* id;       // stable English key, e.g. "yellow" (CSV, tests, CSS class names)
  const char* nameEn;   // shown name, English
  const char* nameDe;   // shown name, German
  Rgb fill;             // sticky-note card background
  Rgb ink;              // text on `fill` (≥ 7:1)
  Rgb accent;           // strong shade: card border, section bar, avatar disc
  Rgb onAccent;         // text on `accent` (initials on the avatar disc; ≥ 4.5:1)
  Rgb tint;             // very light shade: a section's background
};

// The colours around the notes (board background, headings, curves). Graphics colours (curves,
// markers) keep ≥ 3:1 against the background, text colours ≥ 4.5:1.
struct BoardColours {
  Rgb background;    // the page / canvas
  Rgb panel;         // persona card, journey header cells
  Rgb gridLine;      // section borders, journey grid
  Rgb heading;       // titles and section headings (≥ 4.5:1 on background, panel and every tint)
  Rgb text;          // body text outside cards
  Rgb muted;         // hints, counts, secondary text (≥ 4.5:1 on background, panel and every tint)
  Rgb curveAsIs;     // emotion curve (as-is)
  Rgb curveToBe;     // emotion curve (to-be), drawn dashed
  Rgb expectation;   // expectation marker / line
  Rgb experience;    // experience marker / line
  Rgb gapWorse;      // shading where experience falls short of expectation
  Rgb gapBetter;     // shading where experience beats expectation
  Rgb observed;      // "observed" badge
  Rgb assumed;       // "assumed" badge
  Rgb vote;          // vote dots
};

// Colours of the five emotion faces, score −2 … +2 (index score − kScoreMin).
inline constexpr int kScoreLevels = kScoreMax - kScoreMin + 1;

const PaletteColour& paletteColour(int index);  // wraps out-of-range indices
int paletteIndex(int index);                    // the wrapped index (0..kPaletteSize-1)
const char* colourName(int index, Lang lang);   // "Yellow" / "Gelb"
const BoardColours& boardColours();
Rgb emotionColour(int score);                   // clamped to −2…+2

// "#RRGGBB" (upper case) for SVG, CSS and tests.
std::string toHex(Rgb c);
// Packs like Dear ImGui's IM_COL32(r, g, b, a) with its default layout (A in the high byte, R in the
// low byte; not IMGUI_USE_BGRA_PACKED_COLOR), so the UI can use the palette without conversions.
std::uint32_t toImU32(Rgb c, std::uint8_t alpha = 255);

// WCAG 2.1 relative luminance and contrast ratio (1 … 21).
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);

}  // namespace mapathy
