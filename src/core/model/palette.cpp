// Mapathy core — palette data (see palette.hpp). Shades chosen so each text pair passes WCAG AA;
// tests/core/export_test.cpp checks the ratios.
#include "core/model/palette.hpp"

#include <array>
#include <cmath>

namespace mapathy {

namespace {

constexpr Rgb hex(std::uint32_t v) {
  return Rgb{static_cast<std::uint8_t>((v >> 16) & 0xFFu), static_cast<std::uint8_t>((v >> 8) & 0xFFu),
             static_cast<std::uint8_t>(v & 0xFFu)};
}

const std::array<PaletteColour, kPaletteSize> kPalette = {{
    {"yellow", "Yellow", "Gelb", hex(0xFFE58F), hex(0x3D3200), hex(0xB88A00), hex(0x1A1A1A), hex(0xFFF8DB)},
    {"orange", "Orange", "Orange", hex(0xFFCA99), hex(0x4A2500), hex(0xC4450C), hex(0xFFFFFF), hex(0xFFF1E6)},
    {"pink", "Pink", "Rosa", hex(0xFFC2D4), hex(0x4A0F22), hex(0xC2255C), hex(0xFFFFFF), hex(0xFFEEF3)},
    {"purple", "Purple", "Lila", hex(0xDCCBFF), hex(0x2A1457), hex(0x6741D9), hex(0xFFFFFF), hex(0xF4EEFF)},
    {"blue", "Blue", "Blau", hex(0xB5D8FF), hex(0x0B2A4A), hex(0x1864AB), hex(0xFFFFFF), hex(0xEAF4FF)},
    {"teal", "Teal", "Türkis", hex(0xAEEBDF), hex(0x0A3B33), hex(0x0B7285), hex(0xFFFFFF), hex(0xE8F8F5)},
    {"green", "Green", "Grün", hex(0xCDEDAE), hex(0x1F3A0C), hex(0x237032), hex(0xFFFFFF), hex(0xEEF8E6)},
    {"grey", "Grey", "Grau", hex(0xDDE1E6), hex(0x23272E), hex(0x495057), hex(0xFFFFFF), hex(0xF3F4F6)},
}};

const BoardColours kBoardColours = {
    hex(0xF8F9FA),  // background
    hex(0xFFFFFF),  // panel
    hex(0xCED4DA),  // gridLine
    hex(0x1F2933),  // heading
    hex(0x1F2933),  // text
    hex(0x52606D),  // muted
    hex(0x1971C2),  // curveAsIs
    hex(0xD9480F),  // curveToBe
    hex(0x495057),  // expectation
    hex(0x1971C2),  // experience
    hex(0xE03131),  // gapWorse
    hex(0x2F9E44),  // gapBetter
    hex(0x237032),  // observed
    hex(0x6741D9),  // assumed
    hex(0xC2255C),  // vote
};

const std::array<Rgb, kScoreLevels> kEmotionColours = {
    hex(0xE03131), hex(0xF76707), hex(0xFAB005), hex(0x82C91E), hex(0x2F9E44)};

double channel(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

int paletteIndex(int index) {
  const int m = index % kPaletteSize;
  return m < 0 ? m + kPaletteSize : m;
}

const PaletteColour& paletteColour(int index) { return kPalette[static_cast<std::size_t>(paletteIndex(index))]; }

const char* colourName(int index, Lang lang) {
  const PaletteColour& c = paletteColour(index);
  return lang == Lang::De ? c.nameDe : c.nameEn;
}

const BoardColours& boardColours() { return kBoardColours; }

Rgb emotionColour(int score) {
  const int s = score < kScoreMin ? kScoreMin : (score > kScoreMax ? kScoreMax : score);
  return kEmotionColours[static_cast<std::size_t>(s - kScoreMin)];
}

std::string toHex(Rgb c) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out = "#";
  for (std::uint8_t v : {c.r, c.g, c.b}) {
    out += kDigits[v >> 4];
    out += kDigits[v & 0xF];
  }
  return out;
}

std::uint32_t toImU32(Rgb c, std::uint8_t alpha) {
  return (static_cast<std::uint32_t>(alpha) << 24) | (static_cast<std::uint32_t>(c.b) << 16) |
         (static_cast<std::uint32_t>(c.g) << 8) | static_cast<std::uint32_t>(c.r);
}

double relativeLuminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrastRatio(Rgb a, Rgb b) {
  const double la = relativeLuminance(a);
  const double lb = relativeLuminance(b);
  const double hi = la > lb ? la : lb;
  const double lo = la > lb ? lb : la;
  return (hi + 0.05) / (lo + 0.05);
}

}  // namespace mapathy
