// Mapathy UI — board text as it is drawn and measured: each emoji sequence one glyph (core/base/emoji.hpp).
//
// Board text (notes, section, stage and lane titles, the board title) goes through DrawnText right before
// AddText / CalcTextSizeA: the document keeps the real text, the draw list gets one private-use code point per
// sequence, whose glyph the platform draws from the whole sequence into the font atlas (web: the browser's
// emoji font; native: placeholderGlyph). Text without emoji costs one byte scan and no copy.
#pragma once

#include <string>
#include <string_view>

#include "core/base/emoji.hpp"

namespace mapathy::ui {

// The process's table of sequences met so far; the platform asks it which sequence a glyph stands for.
text::EmojiGlyphs& emojiGlyphs();

// `text` ready to be drawn or measured: [begin(), end()) is `text` itself (the same pointer) when it surely has
// no emoji sequence (text::mayHaveEmojiSequence), else its drawable form (alive as long as this object).
class DrawnText {
 public:
  explicit DrawnText(std::string_view text);
  DrawnText(const DrawnText&) = delete;
  DrawnText& operator=(const DrawnText&) = delete;

  const char* begin() const { return view_.data(); }
  const char* end() const { return view_.data() + view_.size(); }
  std::string_view view() const { return view_; }

 private:
  std::string mapped_;
  std::string_view view_;
};

}  // namespace mapathy::ui
