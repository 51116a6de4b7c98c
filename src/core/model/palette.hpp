// Mapathy core — the colours of a board, as data.
//
// One table for everything that draws a board: the app on screen (src/ui/style.hpp takes its note
// colours and its ink, muted text, canvas and panel colours from here), the SVG export and the print
// page. So an exported picture looks like the screen, and the contrast of every text/background pair
// is checked once, by a unit test (WCAG 2.1: at least 4.5:1 for text). The tables are constexpr so the
// UI can name them in its own constants.
//
// Notes, sections and the persona's avatar disc pick a colour by palette index 0..kPaletteSize-1
// (model.hpp). Out-of-range indices (from hand-edited files) wrap around instead of failing.
#pragma once

#include <array>
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

// ---- the tables (shades chosen so each text pair passes WCAG AA; tests/core/export_test.cpp checks them)
constexpr Rgb rgbHex(std::uint32_t v) {
  return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xFFu), static_cast<std::uint8_t>((v >> 8) & 0xFFu),
             static_cast<std::uint8_t>(v & 0xFFu)};
}

inline constexpr std::array<PaletteColour, kPaletteSize> kNotePalette = {{
    {"yellow", "Yellow", "Gelb", rgbHex(0xFFE58F), rgbHex(0x3D3200), rgbHex(0xB88A00), rgbHex(0x1A1A1A), rgbHex(0xFFF8DB)},
    {"orange", "Orange", "Orange", rgbHex(0xFFCA99), rgbHex(0x4A2500), rgbHex(0xC4450C), rgbHex(0xFFFFFF), rgbHex(0xFFF1E6)},
    {"pink", "Pink", "Rosa", rgbHex(0xFFC2D4), rgbHex(0x4A0F22), rgbHex(0xC2255C), rgbHex(0xFFFFFF), rgbHex(0xFFEEF3)},
    {"purple", "Purple", "Lila", rgbHex(0xDCCBFF), rgbHex(0x2A1457), rgbHex(0x6741D9), rgbHex(0xFFFFFF), rgbHex(0xF4EEFF)},
    {"blue", "Blue", "Blau", rgbHex(0xB5D8FF), rgbHex(0x0B2A4A), rgbHex(0x1864AB), rgbHex(0xFFFFFF), rgbHex(0xEAF4FF)},
    {"teal", "Teal", "Türkis", rgbHex(0xAEEBDF), rgbHex(0x0A3B33), rgbHex(0x0B7285), rgbHex(0xFFFFFF), rgbHex(0xE8F8F5)},
    {"green", "Green", "Grün", rgbHex(0xCDEDAE), rgbHex(0x1F3A0C), rgbHex(0x237032), rgbHex(0xFFFFFF), rgbHex(0xEEF8E6)},
    {"grey", "Grey", "Grau", rgbHex(0xDDE1E6), rgbHex(0x23272E), rgbHex(0x495057), rgbHex(0xFFFFFF), rgbHex(0xF3F4F6)},
}};

inline constexpr BoardColours kBoardColours = {
    rgbHex(0xF8F9FA),  // background
    rgbHex(0xFFFFFF),  // panel
    rgbHex(0xCED4DA),  // gridLine
    rgbHex(0x1F2933),  // heading
    rgbHex(0x1F2933),  // text
    rgbHex(0x52606D),  // muted
    rgbHex(0x1971C2),  // curveAsIs
    rgbHex(0xD9480F),  // curveToBe
    rgbHex(0x495057),  // expectation
    rgbHex(0x1971C2),  // experience
    rgbHex(0xE03131),  // gapWorse
    rgbHex(0x2F9E44),  // gapBetter
    rgbHex(0x237032),  // observed
    rgbHex(0x6741D9),  // assumed
    rgbHex(0xC2255C),  // vote
};

inline constexpr std::array<Rgb, kScoreLevels> kEmotionColours = {
    rgbHex(0xE03131), rgbHex(0xF76707), rgbHex(0xFAB005), rgbHex(0x82C91E), rgbHex(0x2F9E44)};

const PaletteColour& paletteColour(int index);  // wraps out-of-range indices
int paletteIndex(int index);                    // the wrapped index (0..kPaletteSize-1)
const char* colourName(int index, Lang lang);   // "Yellow" / "Gelb"
const BoardColours& boardColours();
Rgb emotionColour(int score);                   // clamped to −2…+2

// "#RRGGBB" (upper case) for SVG, CSS and tests.
std::string toHex(Rgb c);
// Packs like Dear ImGui's IM_COL32(r, g, b, a) with its default layout (A in the high byte, R in the
// low byte; not IMGUI_USE_BGRA_PACKED_COLOR), so the UI can use the palette without conversions.
constexpr std::uint32_t toImU32(Rgb c, std::uint8_t alpha = 255) {
  return (static_cast<std::uint32_t>(alpha) << 24) | (static_cast<std::uint32_t>(c.b) << 16) |
         (static_cast<std::uint32_t>(c.g) << 8) | static_cast<std::uint32_t>(c.r);
}

// WCAG 2.1 relative luminance and contrast ratio (1 … 21).
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);

}  // namespace mapathy
