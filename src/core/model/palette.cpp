// Mapathy core — palette lookups and contrast arithmetic (the tables are in palette.hpp).
#include "core/model/palette.hpp"

#include <cmath>

namespace mapathy {

namespace {

double channel(std::uint8_t v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

}  // namespace

int paletteIndex(int index) {
  const int m = index % kPaletteSize;
  return m < 0 ? m + kPaletteSize : m;
}

const PaletteColour& paletteColour(int index) { return kNotePalette[static_cast<std::size_t>(paletteIndex(index))]; }

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

double relativeLuminance(Rgb c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

double contrastRatio(Rgb a, Rgb b) {
  const double la = relativeLuminance(a);
  const double lb = relativeLuminance(b);
  const double hi = la > lb ? la : lb;
  const double lo = la > lb ? lb : la;
  return (hi + 0.05) / (lo + 0.05);
}

}  // namespace mapathy
