#include "ui/drawn_text.hpp"

namespace mapathy::ui {

text::EmojiGlyphs& emojiGlyphs() {
  static auto* glyphs = new text::EmojiGlyphs;  // never destroyed: no exit-time code
  return *glyphs;
}

DrawnText::DrawnText(std::string_view text) {
  if (text.empty()) {
    view_ = std::string_view("", 0);  // never a null pointer: CalcTextSizeA would read it
  } else if (!text::mayHaveEmojiSequence(text)) {
    view_ = text;
  } else {
    mapped_ = text::drawableText(text, emojiGlyphs());
    view_ = std::string_view(mapped_.c_str(), mapped_.size());
  }
}

}  // namespace mapathy::ui
