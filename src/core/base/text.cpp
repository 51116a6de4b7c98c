// Mapathy core — UTF-8 and number formatting helpers (see text.hpp).
#include "core/base/text.hpp"

namespace mapathy::text {
namespace {

// Length of the sequence a lead byte starts (0: not a lead byte of well-formed UTF-8), and the
// lead byte's payload bits.
struct Lead {
  std::size_t length = 0;
  char32_t bits = 0;
};

Lead lead(unsigned char b0) {
  if (b0 < 0x80) return {1, b0};
  if (b0 >= 0xC2 && b0 <= 0xDF) return {2, b0 & 0x1Fu};
  if (b0 >= 0xE0 && b0 <= 0xEF) return {3, b0 & 0x0Fu};
  if (b0 >= 0xF0 && b0 <= 0xF4) return {4, b0 & 0x07u};
  return {};
}

// The code point of the sequence at `i` (lead already checked), or U+FFFD-worthy failure as false.
bool sequenceAt(std::string_view s, std::size_t i, Lead l, char32_t& cp) {
  if (i + l.length > s.size()) return false;
  cp = l.bits;
  for (std::size_t k = 1; k < l.length; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0u) != 0x80u) return false;
    cp = (cp << 6) | (b & 0x3Fu);
  }
  if (l.length == 3 && cp < 0x800) return false;                          // overlong
  if (l.length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;     // overlong or too big
  return !(cp >= 0xD800 && cp <= 0xDFFF);                                 // UTF-16 surrogate
}

}  // namespace

std::size_t firstInvalidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const Lead l = lead(static_cast<unsigned char>(s[i]));
    char32_t cp = 0;
    if (l.length == 0 || (l.length > 1 && !sequenceAt(s, i, l, cp))) return i;
    i += l.length;
  }
  return std::string_view::npos;
}

char32_t decodeUtf8(std::string_view s, std::size_t& i) {
  const Lead l = lead(static_cast<unsigned char>(s[i]));
  char32_t cp = l.bits;
  if (l.length == 0 || (l.length > 1 && !sequenceAt(s, i, l, cp))) {
    ++i;
    return 0xFFFD;
  }
  i += l.length;
  return cp;
}

void appendUtf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string groupedThousands(std::uint64_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string fileStem(std::string_view title) {
  std::string s;
  const auto dash = [&s] {
    if (!s.empty() && s.back() != '-') s.push_back('-');
  };
  for (std::size_t i = 0; i < title.size(); ++i) {
    const auto c = static_cast<unsigned char>(title[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      s.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      s.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < title.size()) {  // the Latin-1 letters German titles use
      const std::string_view spelled = [&]() -> std::string_view {
        switch (static_cast<unsigned char>(title[i + 1])) {
          case 0xA4: case 0x84: return "ae";  // ä Ä
          case 0xB6: case 0x96: return "oe";  // ö Ö
          case 0xBC: case 0x9C: return "ue";  // ü Ü
          case 0x9F: return "ss";             // ß
          default: return "";
        }
      }();
      if (spelled.empty()) {
        dash();
      } else {
        s += spelled;
      }
      ++i;
    } else {
      dash();
    }
  }
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s.empty() ? std::string("mapathy-board") : s;
}

}  // namespace mapathy::text
