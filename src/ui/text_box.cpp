// Mapathy UI — wrapped multi-line board text and its in-place editing (see text_box.hpp).
#include "ui/text_box.hpp"

#include <algorithm>
#include <cfloat>
#include <utility>

#include "core/edit/document.hpp"
#include "ui/app.hpp"
#include "ui/editor_context.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

WrappedText wrapLook(const TextLook& look, std::string_view text) {
  return wrapText(ImGui::GetIO().Fonts->Fonts[0], look.size, look.width, text);
}

float wrappedHeight(const TextLook& look, std::string_view text) {
  return static_cast<float>(wrapLook(look, text).lines.size()) * look.size * look.scale;
}

namespace {

float drawLines(ImDrawList* dl, ImVec2 pos, const TextLook& look, std::string_view text, const WrappedText& lines,
                const ImVec4* clip, bool centred) {
  const float px = look.size * look.scale;
  const float h = static_cast<float>(lines.lines.size()) * px;
  if (px < 3.0f) return h;  // unreadable anyway
  ImFont* face = fontForSize(px, false, text.data(), text.data() + text.size());
  float shift = 0.0f;
  if (centred) {
    float widest = 0.0f;
    for (const TextLine& line : lines.lines) {
      widest =
          std::max(widest, face->CalcTextSizeA(px, FLT_MAX, 0.0f, text.data() + line.begin, text.data() + line.end).x);
    }
    shift = std::max(0.0f, (look.width * look.scale - widest) * 0.5f);
  }
  for (std::size_t i = 0; i < lines.lines.size(); ++i) {
    const ImVec2 at(pos.x + shift, pos.y + static_cast<float>(i) * px);
    if (clip != nullptr && at.y + px > clip->w + 0.5f) break;  // whole lines only
    const TextLine& line = lines.lines[i];
    const std::string_view shown = text.substr(line.begin, line.end - line.begin);
    if (clip != nullptr && i + 1 < lines.lines.size() && at.y + 2.0f * px > clip->w + 0.5f) {
      // The last line that fits, with more text after it: it ends in "…" so nobody takes it for the whole text.
      const std::string last = ellipsized(shown, look.width * look.scale, face, px, true);
      dl->AddText(face, px, at, look.colour, last.data(), last.data() + last.size(), 0.0f, clip);
      break;
    }
    dl->AddText(face, px, at, look.colour, shown.data(), shown.data() + shown.size(), 0.0f, clip);
  }
  return h;
}

}  // namespace

float drawWrapped(ImDrawList* dl, ImVec2 pos, const TextLook& look, std::string_view text, const ImVec4* clip,
                  bool centred) {
  return drawLines(dl, pos, look, text, wrapLook(look, text), clip, centred);
}

void TextBoxes::record(const std::string& key, const WrappedText& lines, std::string_view text) {
  std::string joined = lines.marked(text);
  std::replace(joined.begin(), joined.end(), '\x01', '\n');
  lines_.emplace_back(key, std::move(joined));
}

float TextBoxes::show(const std::string& key, ImDrawList* dl, ImVec2 pos, const TextLook& look, std::string_view text,
                      const ImVec4* clip, bool centred) {
  const WrappedText lines = wrapLook(look, text);
  record(key, lines, text);
  return drawLines(dl, pos, look, text, lines, clip, centred);
}

int TextBoxes::edit(EditorContext& ctx, const std::string& key, ImVec2 pos, const TextLook& look, std::string* text,
                    float minHeight, const char* label) {
  if (key == closed_) {  // ended while its caller was not looking (not drawn, a note took the field)
    closed_.clear();
    return kEnded;
  }
  const bool opening = open_ != key;
  int result = 0;
  if (!opening) {  // what the person did since the last frame, laid out at once
    Host::TextEditReport report = ctx.host.takeTextEdit();
    if (report.changed && report.text != *text) {
      *text = std::move(report.text);
      result = kChanged;
    }
    if (report.ended) result |= kEnded;
  }
  const std::string& shown = *text;
  const WrappedText lines = wrapLook(look, shown);
  record(key, lines, shown);
  drawn_ = true;
  if ((result & kEnded) != 0) {
    ctx.host.endTextEdit();
    open_.clear();
    endGesture_ = true;  // next frame: the caller writes the last change first
    return result;
  }
  Host::TextField field;
  field.x = pos.x;
  field.y = pos.y;
  field.w = look.width * look.scale;
  field.fontSize = look.size * look.scale;
  field.h = std::max(minHeight, static_cast<float>(lines.lines.size()) * field.fontSize);
  field.colour = look.colour;
  field.lang = ctx.doc.board().lang == Lang::De ? "de" : "en";
  field.label = label != nullptr ? label : "";
  field.layout = lines.marked(shown);
  // The field draws the text; a surface under it shows where it is (it may grow past the caller's box).
  const float pad = 3.0f * look.scale;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + field.w + pad, pos.y + field.h + pad),
                    colours::kSurface, pad);
  dl->AddRect(ImVec2(pos.x - pad, pos.y - pad), ImVec2(pos.x + field.w + pad, pos.y + field.h + pad), colours::kPrimary,
              pad);
  if (opening) {
    if (!open_.empty()) end(ctx);
    if (!ctx.cards.editing().empty()) ctx.cards.stopEditing(ctx);
    closed_.clear();
    open_ = key;
    ctx.doc.endGesture();  // typing starts its own undo step
    ctx.host.beginTextEdit(field, *text);
  } else {
    ctx.host.placeTextEdit(field);
  }
  return result;
}

bool TextBoxes::field(EditorContext& ctx, const char* label, const std::string& key, const TextLook& look,
                      std::string* text, const char* placeholder, int minLines) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 pad(style.FramePadding.x, style.FramePadding.y);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 textPos(at.x + pad.x, at.y + pad.y);
  const float lineH = look.size * look.scale;
  const float minH = static_cast<float>(minLines) * lineH;
  const float textH = std::max(minH, wrappedHeight(look, *text));
  const ImVec2 size(look.width * look.scale + pad.x * 2.0f, textH + pad.y * 2.0f);
  const bool clicked = ImGui::InvisibleButton(label, ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f)));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (clicked && closed_ == key) closed_.clear();  // a new editing session
  if (editing(key) || clicked) {
    return (edit(ctx, key, textPos, look, text, minH, placeholder) & kChanged) != 0;
  }
  dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y),
                    ImGui::GetColorU32(ImGui::IsItemHovered() ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg),
                    style.FrameRounding);
  const ImVec4 clip(at.x, at.y, at.x + size.x, at.y + size.y);
  if (text->empty() && placeholder != nullptr) {
    TextLook muted = look;
    muted.colour = colours::kInkMuted;
    drawWrapped(dl, textPos, muted, placeholder, &clip);
    record(key, wrapLook(look, ""), "");
  } else {
    show(key, dl, textPos, look, *text, &clip);
  }
  return false;
}

void TextBoxes::end(EditorContext& ctx) {
  if (open_.empty()) return;
  ctx.host.endTextEdit();
  ctx.doc.endGesture();
  closed_ = std::move(open_);
  closedFrames_ = 0;
  open_.clear();
}

void TextBoxes::beginFrame(EditorContext& ctx) {
  if (endGesture_) ctx.doc.endGesture();
  endGesture_ = false;
  if (!open_.empty() && !drawn_) end(ctx);
  if (!closed_.empty() && ++closedFrames_ > 1) closed_.clear();  // its caller had a frame to see it
  drawn_ = false;
  lastLines_ = std::move(lines_);
  lines_.clear();
}

std::vector<std::string> TextBoxes::linesOf(const std::string& key) const {
  std::vector<std::string> out;
  for (const Drawn* drawn : {&lines_, &lastLines_}) {
    for (auto it = drawn->rbegin(); it != drawn->rend(); ++it) {
      if (it->first != key) continue;
      out.emplace_back();
      for (char c : it->second) {
        if (c == '\n') {
          out.emplace_back();
        } else {
          out.back() += c;
        }
      }
      return out;
    }
  }
  return out;
}

}  // namespace mapathy::ui
