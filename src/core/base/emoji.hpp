// Mapathy core — emoji sequences: the runs of code points a font draws as one picture
// (👍🏽 👩‍👩‍👧 🇩🇪 1️⃣ ❤️, 🏴 with tags),
// found by a compact rule set instead of ICU's grapheme tables, and a table that gives each
// distinct sequence one private-use code point to draw and measure it by.
//
// Why: the UI draws text one code point at a time from a font atlas, so a sequence would show as its members
// side by side (a thumb and a brown square). The views draw and measure text through drawableText(): each
// sequence becomes one code point whose glyph the platform draws from the whole sequence (the browser's emoji
// font renders it as one picture). The document, links and exports keep the real text; only drawing maps.
//
// Why the Basic Multilingual Plane's private use area (U+E000–U+F8FF), not plane 15: Dear ImGui's glyph
// lookup is an array up to the highest code point of the face (8 bytes per entry and face, six faces), so a
// glyph at U+F0000 would cost ~47 MB; U+E000 lies below the emoji the atlas already holds.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mapathy::text {

// False when `text` surely holds no emoji sequence, no lone joiner or variation selector and no private-use
// character (a scan for the few lead bytes they need); text without them is drawn as it is.
bool mayHaveEmojiSequence(std::string_view text);

// The byte length of the emoji sequence starting at byte `at` (two or more code points drawn as one glyph:
// base + skin tone, + U+FE0F/U+FE0E, ZWJ-joined elements, keycap, a pair of regional indicators, 🏴 + tags +
// cancel tag), or 0 when none starts there. Malformed runs are not sequences: a lone skin tone, a joiner at
// the end, a single regional indicator, a digit with a selector but no keycap.
std::size_t emojiSequenceLength(std::string_view text, std::size_t at);

// Characters that draw as nothing outside a sequence: joiner, variation selectors, skin tones, tags.
bool isInvisibleMark(char32_t c);

// One private-use code point per distinct sequence, in the order they were first met. A board holds a few
// distinct sequences, so a list searched from the start is enough (and adds no hash table to the first download).
class EmojiGlyphs {
 public:
  static constexpr char32_t kFirst = 0xE000;
  static constexpr char32_t kLast = 0xF8FF;

  // The code point drawn for `sequence`; the same sequence gives the same one. 0 once the area is full.
  char32_t glyphFor(std::string_view sequence);
  // The sequence `glyph` stands for, or empty.
  std::string_view sequenceOf(char32_t glyph) const;
  std::size_t size() const { return sequences_.size(); }

 private:
  std::vector<std::string> sequences_;  // [i] is drawn as kFirst + i
};

// `text` as drawn: each sequence one code point of `glyphs`, invisible marks left out, a private-use
// character of the text itself shown as U+FFFD (it would otherwise draw somebody's emoji). Text for which
// mayHaveEmojiSequence() is false comes back unchanged.
std::string drawableText(std::string_view text, EmojiGlyphs& glyphs);

}  // namespace mapathy::text
