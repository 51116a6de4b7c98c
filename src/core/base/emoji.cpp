#include "core/base/emoji.hpp"

#include "core/base/text.hpp"

namespace mapathy::text {
namespace {

constexpr char32_t kZwj = 0x200D;
constexpr char32_t kKeycap = 0x20E3;
constexpr char32_t kBlackFlag = 0x1F3F4;
constexpr char32_t kCancelTag = 0xE007F;
constexpr std::size_t kNone = std::string_view::npos;

bool isSkinTone(char32_t c) { return c >= 0x1F3FB && c <= 0x1F3FF; }
bool isVariation(char32_t c) { return c == 0xFE0E || c == 0xFE0F; }
bool isRegional(char32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }
bool isTag(char32_t c) { return c >= 0xE0020 && c <= 0xE007E; }
bool isPrivate(char32_t c) { return c >= EmojiGlyphs::kFirst && c <= EmojiGlyphs::kLast; }

// What may carry a skin tone or a variation selector, or follow a joiner: the symbols and pictographs from
// General Punctuation (‼) up, plus © and ®. Letters, digits and combining marks below are never bases.
bool isBase(char32_t c) {
  return c == 0xA9 || c == 0xAE ||
         (c >= 0x2000 && c != kZwj && c != kKeycap && !isInvisibleMark(c) && !isPrivate(c) && c != 0xFFFD &&
          !isRegional(c));
}

// The code point at `i` (0 past the end) and where the next starts.
char32_t peek(std::string_view s, std::size_t i, std::size_t* next) {
  if (i >= s.size()) {
    *next = i;
    return 0;
  }
  *next = i;
  return decodeUtf8(s, *next);
}

// One element of a ZWJ sequence at `i`: a base with an optional skin tone and variation selector. Returns
// its end, or kNone.
std::size_t elementEnd(std::string_view s, std::size_t i) {
  std::size_t next = i;
  if (!isBase(peek(s, i, &next))) return kNone;
  std::size_t after = next;
  char32_t c = peek(s, next, &after);
  if (isSkinTone(c)) {
    next = after;
    c = peek(s, next, &after);
  }
  if (isVariation(c)) next = after;
  return next;
}

}  // namespace

bool isInvisibleMark(char32_t c) { return c == kZwj || isVariation(c) || isSkinTone(c) || (c >= 0xE0020 && c <= 0xE007F); }

bool mayHaveEmojiSequence(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0xE2) continue;
    if (b >= 0xF0 || b == 0xEE) return true;  // planes 1–16 (emoji, skin tones, flags, tags); private use
    const auto b1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const auto b2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (b == 0xEF && (b1 <= 0xA3 || (b1 == 0xB8 && (b2 == 0x8E || b2 == 0x8F)))) return true;  // U+F000–F8FF, VS
    if (b == 0xE2 && ((b1 == 0x80 && b2 == 0x8D) || (b1 == 0x83 && b2 == 0xA3))) return true;   // ZWJ, keycap
  }
  return false;
}

std::size_t emojiSequenceLength(std::string_view text, std::size_t at) {
  std::size_t next = at;
  const char32_t c = peek(text, at, &next);
  std::size_t after = next;
  const char32_t d = peek(text, next, &after);
  if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
    std::size_t end = after;
    const char32_t e = d == 0xFE0F ? peek(text, after, &end) : d;
    if (e != kKeycap) return 0;
    return (d == 0xFE0F ? end : after) - at;
  }
  if (isRegional(c)) return isRegional(d) ? after - at : 0;
  if (c == kBlackFlag && isTag(d)) {
    std::size_t end = after;
    char32_t e = 0;
    while (isTag(e = peek(text, end, &after))) end = after;
    if (e == kCancelTag) return after - at;
  }
  std::size_t end = elementEnd(text, at);
  if (end == kNone) return 0;
  while (true) {
    if (peek(text, end, &after) != kZwj) break;
    const std::size_t joined = elementEnd(text, after);
    if (joined == kNone) break;
    end = joined;
  }
  return end > next ? end - at : 0;
}

char32_t EmojiGlyphs::glyphFor(std::string_view sequence) {
  for (std::size_t i = 0; i < sequences_.size(); ++i) {
    if (sequences_[i] == sequence) return kFirst + static_cast<char32_t>(i);
  }
  if (sequences_.size() > static_cast<std::size_t>(kLast - kFirst)) return 0;
  sequences_.emplace_back(sequence);
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
