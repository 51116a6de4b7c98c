#include "core/base/emoji.hpp"

#include "core/base/text.hpp"

namespace mapathy::text {
namespace {

constexpr char32_t kZwj = 0x200D;
constexpr char32_t kKeycap = 0x20E3;

bool isRegional(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool isPrivate(char32_t c) { return c >= EmojiGlyphs::kFirst && c <= EmojiGlyphs::kLast; }

// What may start a sequence, carry a skin tone or a selector, or follow a joiner: the symbols and pictographs
// from General Punctuation (‼) up, plus © and ®. Letters and combining marks below are never bases.
bool isBase(char32_t c) {
  return c == 0xA9 || c == 0xAE ||
         (c >= 0x2000 && c != kKeycap && c != 0xFFFD && !isInvisibleMark(c) && !isPrivate(c) && !isRegional(c));
}

// The code point at `i` (0 past the end); `i` moves past it.
char32_t next(std::string_view s, std::size_t& i) { return i < s.size() ? decodeUtf8(s, i) : 0; }

}  // namespace

bool isInvisibleMark(char32_t c) {
  return c == kZwj || c == 0xFE0E || c == 0xFE0F || (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

bool mayHaveEmojiSequence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    // U+E000 and up (private use, selectors, emoji, skin tones, flags, tags), the joiner U+200D, the keycap
    // U+20E3; German text has none of these lead bytes (ä, ß: C3; „ “ – €: E2 80/82).
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xEE) return true;
    if (b == 0xE2 && i + 2 < text.size() &&
        ((text[i + 1] == '\x80' && text[i + 2] == '\x8D') || (text[i + 1] == '\x83' && text[i + 2] == '\xA3')))
      return true;
  }
  return false;
}

// One rule for every kind: a base (or a keycap's digit, or a regional indicator) takes the marks that follow
// it (skin tones, selectors, tags, the keycap) and, after a joiner, the next base with its marks.
std::size_t emojiSequenceLength(std::string_view text, std::size_t at) {
  std::size_t end = at;
  const char32_t first = next(text, end);
  if (isRegional(first)) return isRegional(next(text, end)) ? end - at : 0;
  const bool key = (first >= '0' && first <= '9') || first == '#' || first == '*';
  if (!key && !isBase(first)) return 0;
  const std::size_t single = end;
  char32_t last = first;
  for (;;) {
    std::size_t i = end;
    const char32_t c = next(text, i);
    if (c == kZwj) {
      if (key || !isBase(next(text, i))) break;
    } else if (!isInvisibleMark(c) && c != kKeycap) {
      break;
    }
    end = i;
    last = c;
  }
  if (key) return last == kKeycap ? end - at : 0;
  return end > single ? end - at : 0;
}

char32_t EmojiGlyphs::glyphFor(std::string_view sequence) {
  for (std::size_t i = 0; i < sequences_.size(); ++i) {
    if (sequences_[i] == sequence) return kFirst + static_cast<char32_t>(i);
  }
  if (sequences_.size() > static_cast<std::size_t>(kLast - kFirst)) return 0;
  sequences_.push_back(std::string(sequence));
  return kFirst + static_cast<char32_t>(sequences_.size() - 1);
}

std::string_view EmojiGlyphs::sequenceOf(char32_t glyph) const {
  if (glyph < kFirst || glyph - kFirst >= sequences_.size()) return {};
  return sequences_[glyph - kFirst];
}

std::string drawableText(std::string_view text, EmojiGlyphs& glyphs) {
  if (!mayHaveEmojiSequence(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t length = emojiSequenceLength(text, i); length > 0) {
      const char32_t glyph = glyphs.glyphFor(text.substr(i, length));
      std::size_t first = i;
      appendUtf8(out, glyph != 0 ? glyph : decodeUtf8(text, first));  // a full table: the base alone
      i += length;
      continue;
    }
    const std::size_t start = i;
    const char32_t c = decodeUtf8(text, i);
    if (isInvisibleMark(c)) continue;
    if (isPrivate(c)) {
      appendUtf8(out, 0xFFFD);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace mapathy::text
