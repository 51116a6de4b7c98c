// Mapathy UI — sticky-note cards: layout, drawing, editing, drag and drop, menu (see note_card.hpp).
#include "ui/note_card.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <functional>

#include "imgui_internal.h"
#include "ui/app.hpp"
#include "ui/drawn_text.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

// ------------------------------------------------------------------------------------------------
// Filter
// ------------------------------------------------------------------------------------------------
std::string foldCase(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // Ä Ö Ü (C3 84 / C3 96 / C3 9C) → ä ö ü (C3 A4 / C3 B6 / C3 BC); other Latin-1 capitals alike.
      auto d = static_cast<unsigned char>(text[i + 1]);
      if (d >= 0x80 && d <= 0x9E && d != 0x97) {
        d = static_cast<unsigned char>(d + 0x20);
      }
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(d));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool NoteFilter::matches(const Note& note) const {
  if (colour >= 0 && note.colour != colour) {
    return false;
  }
  if (evidence && note.evidence != *evidence) {
    return false;
  }
  if (!tag.empty() && std::find(note.tags.begin(), note.tags.end(), tag) == note.tags.end()) {
    return false;
  }
  if (!text.empty()) {
    const std::string needle = foldCase(text);
    if (foldCase(note.text).find(needle) == std::string::npos) {
      // Tags count as text too ("#pricing" or "pricing").
      bool inTags = false;
      for (const auto& t : note.tags) {
        const std::string ft = foldCase(t);
        if (ft.find(needle) != std::string::npos || ("#" + ft).find(needle) != std::string::npos) {
          inTags = true;
        }
      }
      if (!inTags) {
        return false;
      }
    }
  }
  return true;
}

namespace {

struct CardBox {
  std::size_t index;  // into the notes list
  ImVec2 min, max;    // world
};

float footerHeight() { return CardMetrics::kSmallFont * 1.6f; }
}  // namespace

float dotControlSide(float zoom) { return std::max(18.0f, std::min(26.0f * zoom, touchMode() ? 44.0f : 30.0f)); }

namespace {

std::vector<std::string> splitTags(const std::string& text) {
  std::vector<std::string> tags;
  std::string cur;
  auto flush = [&] {
    std::size_t a = 0;
    while (a < cur.size() && (cur[a] == ' ' || cur[a] == '#')) {
      ++a;
    }
    std::size_t b = cur.size();
    while (b > a && cur[b - 1] == ' ') {
      --b;
    }
    std::string t = cur.substr(a, b - a);
    if (!t.empty() && std::find(tags.begin(), tags.end(), t) == tags.end()) {
      tags.push_back(t);
    }
    cur.clear();
  };
  for (const char ch : text) {
    if (ch == ',' || ch == ';') {
      flush();
    } else {
      cur.push_back(ch);
    }
  }
  flush();
  return tags;
}

std::string joinTags(const std::vector<std::string>& tags) {
  std::string s;
  for (const auto& t : tags) {
    if (!s.empty()) {
      s += ", ";
    }
    s += t;
  }
  return s;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Text lines
// ------------------------------------------------------------------------------------------------
namespace {

// One character of UTF-8 text: its code point and byte length (invalid bytes count as U+FFFD, one byte).
unsigned charAt(std::string_view text, std::size_t i, int* length) {
  unsigned c = 0;
  const int n = ImTextCharFromUtf8(&c, text.data() + i, text.data() + text.size());
  *length = n > 0 ? n : 1;
  return n > 0 ? c : 0xFFFDu;
}

}  // namespace

WrappedText wrapText(const ImFont* font, float size, float width, std::string_view text) {
  WrappedText out;
  const float scale = size / font->FontSize;
  constexpr std::size_t kNone = std::string_view::npos;
  std::size_t lineStart = 0;
  std::size_t brk = kNone;  // where the next line would start after the last spaces of this one
  float x = 0.0f;           // pen position from the line's start
  const bool sequences = text::mayHaveEmojiSequence(text);
  for (std::size_t i = 0; i < text.size();) {
    int len = 1;
    unsigned c = charAt(text, i, &len);
    bool invisible = false;
    if (sequences) {
      // Measured as drawn (DrawnText): an emoji sequence is one glyph and one unit that never breaks, a lone
      // joiner or selector takes no room.
      if (const std::size_t sequence = text::emojiSequenceLength(text, i); sequence > 0) {
        const char32_t glyph = emojiGlyphs().glyphFor(text.substr(i, sequence));
        if (glyph != 0) c = glyph;
        len = static_cast<int>(sequence);
      } else {
        invisible = text::isInvisibleMark(c);
      }
    }
    const std::size_t next = i + static_cast<std::size_t>(len);
    if (c == '\n') {
      out.lines.push_back(TextLine{lineStart, i});
      lineStart = i = next;
      x = 0.0f;
      brk = kNone;
      continue;
    }
    // ImGui skips \r.
    const float adv = c == '\r' || invisible ? 0.0f : font->GetCharAdvance(static_cast<ImWchar>(c)) * scale;
    // Spaces hang at a line's end and never wrap by themselves. Anything else that does not fit breaks the
    // line after its last spaces, or (a word longer than the line) before this character; the next line
    // starts over from there.
    if (c != ' ' && x + adv > width && i > lineStart) {
      const std::size_t at = brk != kNone ? brk : i;
      out.lines.push_back(TextLine{lineStart, at});
      lineStart = i = at;
      x = 0.0f;
      brk = kNone;
      continue;
    }
    x += adv;
    i = next;
    if (c == ' ') {
      brk = i;
    }
  }
  out.lines.push_back(TextLine{lineStart, text.size()});
  return out;
}

std::string WrappedText::marked(std::string_view text) const {
  std::string out;
  out.reserve(text.size() + lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) {
      out.push_back(lines[i].begin == lines[i - 1].end ? '\x01' : '\n');
    }
    out.append(text.substr(lines[i].begin, lines[i].end - lines[i].begin));
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Layout
// ------------------------------------------------------------------------------------------------
float NoteCards::cardHeight(const Note& note, float width) {
  // Called for every note every frame (layout precedes culling), so a hit must be cheap: one map
  // lookup and a comparison of the text with the one laid out (no hashing of the whole text). Two
  // widths are kept: a view may measure a place at one width and draw it at a slightly different one,
  // and a single slot would then lay out every note's text twice per frame.
  auto& e = layoutCache_[note.id];
  if (e.text != note.text) {
    e.text = note.text;
    e.sizes = {};
  }
  for (const auto& [w, h] : e.sizes) {
    if (w == width && h > 0.0f) {
      return h;
    }
  }
  const float wrap = width - CardMetrics::kPadding * 2.0f;
  const WrappedText lines = wrapText(ImGui::GetFont(), CardMetrics::kFontSize, wrap, note.text);
  const float textH = static_cast<float>(lines.lines.size()) * CardMetrics::kFontSize;
  const float height =
      CardMetrics::kPadding * 2.0f + std::max(textH, CardMetrics::kMinTextHeight) + 6.0f + footerHeight();
  e.sizes[1] = e.sizes[0];
  e.sizes[0] = {width, height};
  return height;
}

namespace {

// Rows of cards filling `width`: as many columns of at least kMinWidth as fit.
void cardColumns(float width, int* cols, float* cardW) {
  const float gap = CardMetrics::kGap;
  int n = static_cast<int>(std::floor((width + gap) / (CardMetrics::kMinWidth + gap)));
  n = std::max(1, n);
  float w = (width - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  w = std::min(w, CardMetrics::kMaxWidth);
  *cols = n;
  *cardW = std::max(w, 40.0f);
}

}  // namespace

float NoteCards::measurePlace(EditorContext& ctx, const Place& place, float width) {
  const auto notes = notesAt(ctx.doc.board(), place.section, place.stage, place.lane);
  if (notes.empty()) {
    return 0.0f;
  }
  int cols = 1;
  float cardW = width;
  cardColumns(width, &cols, &cardW);
  float total = 0.0f;
  float rowH = 0.0f;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    rowH = std::max(rowH, cardHeight(*notes[i], cardW));
    if (static_cast<int>(i % static_cast<std::size_t>(cols)) == cols - 1 || i + 1 == notes.size()) {
      total += rowH + (i + 1 == notes.size() ? 0.0f : CardMetrics::kGap);
      rowH = 0.0f;
    }
  }
  return total;
}

// ------------------------------------------------------------------------------------------------
// Frame
// ------------------------------------------------------------------------------------------------
void NoteCards::beginFrame(EditorContext& ctx) {
  lastPlaces_ = std::move(places_);
  places_.clear();
  drawnLastFrame_ = drawnThisFrame_;
  drawnThisFrame_ = 0;
  boxes_.beginFrame(ctx);
  if (!editing_.empty() && findNote(ctx.doc.board(), editing_) == nullptr) {
    stopEditing(ctx);  // deleted (by another tab, an undo, a merge)
  }
  takeFieldReport(ctx);
  if (!selected_.empty() && findNote(ctx.doc.board(), selected_) == nullptr) {
    selected_.clear();
  }
  if (drag_.active && findNote(ctx.doc.board(), drag_.noteId) == nullptr) {
    drag_ = Drag();
  }
  if (layoutCache_.size() > ctx.doc.board().notes.size() * 2 + 64) {
    layoutCache_.clear();
  }
  fieldPlaced_ = false;
}

void NoteCards::takeFieldReport(EditorContext& ctx) {
  if (fieldNote_.empty()) {
    return;
  }
  Host::TextEditReport report = ctx.host.takeTextEdit();
  if (report.changed && fieldNote_ == editing_) {
    const Note* n = findNote(ctx.doc.board(), fieldNote_);
    if (n != nullptr && n->text != report.text) {
      ctx.doc.setNoteText(fieldNote_, report.text);
    }
  }
  if (report.ended) {
    stopEditing(ctx);
  }
}

void NoteCards::drawPlace(EditorContext& ctx, const Place& place, ImVec2 worldMin, ImVec2 worldMax,
                          int defaultColour, const char* emptyHint) {
  (void)defaultColour;
  PlaceArea area{place, worldMin, worldMax, {}};
  const auto notes = notesAt(ctx.doc.board(), place.section, place.stage, place.lane);
  const float width = worldMax.x - worldMin.x;
  int cols = 1;
  float cardW = width;
  cardColumns(width, &cols, &cardW);

  // Layout first (rows in reading order), then draw only what is visible.
  std::vector<CardBox> boxes;
  boxes.reserve(notes.size());
  float y = worldMin.y;
  std::size_t rowStart = 0;
  float rowH = 0.0f;
  for (std::size_t i = 0; i < notes.size(); ++i) {
    const int col = static_cast<int>(i % static_cast<std::size_t>(cols));
    if (col == 0) {
      rowStart = i;
      rowH = 0.0f;
    }
    const float h = cardHeight(*notes[i], cardW);
    rowH = std::max(rowH, h);
    const float x = worldMin.x + static_cast<float>(col) * (cardW + CardMetrics::kGap);
    boxes.push_back(CardBox{i, ImVec2(x, y), ImVec2(x + cardW, y + h)});
    if (col == cols - 1 || i + 1 == notes.size()) {
      // Cards in one row share the row's height so the grid reads calmly.
      for (std::size_t k = rowStart; k <= i; ++k) {
        boxes[k].max.y = y + rowH;
      }
      y += rowH + CardMetrics::kGap;
    }
  }
  for (const auto& b : boxes) {
    const Note& n = *notes[b.index];
    area.slots.push_back(Slot{n.id, b.min, b.max});
  }

  ImDrawList* dl = ctx.canvas.drawList();
  if (notes.empty() && emptyHint != nullptr && ctx.canvas.visible(worldMin, worldMax)) {
    const float fs = ctx.canvas.fontSize(13.0f);
    if (fs >= 6.0f) {
      const ImVec2 a = ctx.canvas.toScreen(worldMin);
      const ImVec2 b = ctx.canvas.toScreen(worldMax);
      const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, b.x - a.x, emptyHint);
      dl->AddText(ImGui::GetFont(), fs, ImVec2(a.x + (b.x - a.x - ts.x) * 0.5f, a.y + (b.y - a.y - ts.y) * 0.4f),
                  withAlpha(colours::kInkMuted, 0.8f), emptyHint, nullptr, b.x - a.x);
    }
  }

  // Copy the visible notes before drawing: drawing may edit the document (typing into a card).
  std::vector<std::pair<Note, CardBox>> visible;
  for (const auto& b : boxes) {
    if (ctx.canvas.visible(b.min, b.max)) {
      visible.emplace_back(*notes[b.index], b);
    }
  }
  places_.push_back(std::move(area));
  for (const auto& [note, box] : visible) {
    drawCard(ctx, note, box.min, box.max, false);
    ++drawnThisFrame_;
  }
}

void NoteCards::drawCard(EditorContext& ctx, const Note& note, ImVec2 worldMin, ImVec2 worldMax, bool ghost) {
  Canvas& cv = ctx.canvas;
  ImDrawList* dl = ghost ? ImGui::GetForegroundDrawList() : cv.drawList();
  ImVec2 a = cv.toScreen(worldMin);
  ImVec2 b = cv.toScreen(worldMax);
  if (ghost) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const ImVec2 off(drag_.grabOffset.x * cv.zoom(), drag_.grabOffset.y * cv.zoom());
    const ImVec2 sz(b.x - a.x, b.y - a.y);
    a = ImVec2(m.x - off.x, m.y - off.y);
    b = ImVec2(a.x + sz.x, a.y + sz.y);
  }
  const bool isDragged = !ghost && drag_.active && drag_.noteId == note.id;
  const bool dim = ctx.filter.active() && !ctx.filter.matches(note);
  const float alpha = dim ? 0.28f : 1.0f;
  const NoteColour& pal = noteColour(note.colour);
  const float z = cv.zoom();
  const float rounding = 6.0f * z;

  // Interaction (the dragged card keeps its widget so the drag stays alive).
  bool hovered = false;
  if (!ghost && b.x - a.x >= 1.0f && b.y - a.y >= 1.0f) {
    ImGui::SetCursorScreenPos(a);
    const std::string id = "note." + note.id;
    if (ctx.cardOverlay) {
      ctx.cardOverlay(ctx, note, a, b, true);  // its controls take the mouse before the card
      ImGui::SetCursorScreenPos(a);
    }
    ImGui::InvisibleButton(id.c_str(), ImVec2(b.x - a.x, b.y - a.y),
                           ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
    hovered = ImGui::IsItemHovered();
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemActivated()) {
      selected_ = note.id;
      longPressFired_ = false;
    }
    if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left) && editing_ != note.id) {
      selected_ = note.id;
      startEditing(note.id);
    }
    if (ImGui::IsItemActive() && !drag_.active && editing_ != note.id && !cv.scrollMode() &&  // scroll mode: a drag scrolls
        ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f)) {
      drag_.active = true;
      drag_.noteId = note.id;
      const ImVec2 clickWorld = cv.toWorld(io.MouseClickedPos[0]);
      drag_.grabOffset = ImVec2(clickWorld.x - worldMin.x, clickWorld.y - worldMin.y);
      drag_.size = ImVec2(worldMax.x - worldMin.x, worldMax.y - worldMin.y);
      if (editing_ == note.id) {
        stopEditing(ctx);
      }
    }
    // Right-click, or long-press without moving (touch), opens the card's menu.
    const bool longPress = ImGui::IsItemActive() && !drag_.active && !longPressFired_ &&
                           io.MouseDownDuration[0] > 0.55f && !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f);
    // While the menu is open ImGui blocks hovering elsewhere, so a right-click on another card would only
    // close the menu: look through the popup, and reopen the menu for this card once the old one closed.
    const bool rightClicked = ImGui::IsMouseClicked(ImGuiMouseButton_Right) &&
                              ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByPopup);
    if (rightClicked || longPress) {
      longPressFired_ = longPressFired_ || longPress;
      selected_ = note.id;
      if (menuWasOpen_) {
        commitMenuTags(ctx);
        reopenMenu_ = true;
      } else {
        openMenu_ = true;
      }
      menuNote_ = note.id;
      menuTags_ = joinTags(note.tags);
    }
  }

  if (isDragged) {
    // The card's old spot: a dashed outline where it came from.
    dl->AddRect(a, b, withAlpha(pal.accent, 0.5f), rounding, 0, 1.5f);
    return;
  }

  if (z > 0.35f) {
    drawShadow(dl, a, b, rounding, (ghost ? 10.0f : (hovered ? 5.0f : 3.0f)) * std::min(z, 1.5f),
               alpha * (ghost ? 1.6f : 1.0f));
  }
  dl->AddRectFilled(a, b, withAlpha(pal.fill, alpha), rounding);
  // A slightly deeper band at the bottom, like the glue edge of a sticky note.
  dl->AddRectFilled(ImVec2(a.x, b.y - 3.0f * z), b, withAlpha(mix(pal.fill, pal.accent, 0.18f), alpha), rounding,
                    ImDrawFlags_RoundCornersBottom);
  if (selected_ == note.id) {
    dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), colours::kPrimary, rounding + 2, 0, 2.0f);
  } else if (hovered) {
    dl->AddRect(a, b, withAlpha(pal.accent, 0.6f), rounding, 0, 1.0f);
  }

  const float pad = CardMetrics::kPadding * z;
  const float fs = cv.fontSize(CardMetrics::kFontSize);
  const ImVec2 textPos(a.x + pad, a.y + pad);
  const float wrap = (b.x - a.x) - pad * 2.0f;
  const ImVec4 clip(a.x, a.y, b.x, b.y - footerHeight() * z);
  if (!ghost && editing_ == note.id) {
    placeEditor(ctx, note, a, b);  // the platform's field draws the text
  } else if (fs >= 5.0f) {
    const std::string_view text = note.text.empty() ? std::string_view(tr("note.placeholder")) : note.text;
    const ImU32 ink = withAlpha(note.text.empty() ? colours::kInkMuted : pal.ink, alpha);
    // Lines broken in the UI face at text size (the editor's rule, the same at every zoom); each drawn from
    // the raster for this zoom (sharp at 400 %).
    const WrappedText lines = wrapText(ImGui::GetFont(), CardMetrics::kFontSize, wrap / z, text);
    const DrawnText drawn(text);
    ImFont* face = fontForSize(fs, false, drawn.begin(), drawn.end());
    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
      const ImVec2 at(textPos.x, textPos.y + static_cast<float>(i) * fs);
      if (at.y > clip.w) {
        break;
      }
      const TextLine& line = lines.lines[i];
      const DrawnText shown(text.substr(line.begin, line.end - line.begin));
      dl->AddText(face, fs, at, ink, shown.begin(), shown.end(), 0.0f, &clip);
    }
  } else {
    // Far away: grey bars stand in for text (drawing glyphs this small costs and shows nothing).
    const float lineH = CardMetrics::kFontSize * 1.3f * z;
    for (int i = 0; i < 3; ++i) {
      const float yy = textPos.y + static_cast<float>(i) * lineH;
      if (yy + lineH * 0.5f > clip.w) {
        break;
      }
      dl->AddRectFilled(ImVec2(textPos.x, yy), ImVec2(textPos.x + wrap * (i == 2 ? 0.5f : 0.9f), yy + lineH * 0.45f),
                        withAlpha(colours::kInk, 0.18f * alpha));
    }
  }

  // Footer: evidence badge, tags, votes.
  const float sfs = cv.fontSize(CardMetrics::kSmallFont);
  const float footerY = b.y - pad - footerHeight() * z * 0.85f;
  float x = a.x + pad;
  // The workshop's dot buttons take the footer's right end (WorkshopPanel::decorateCard).
  const float right = b.x - pad - (ctx.dotControls ? 2.0f * (dotControlSide(z) + 4.0f) : 0.0f);
  if (sfs >= 6.0f) {
    const bool observed = note.evidence == Evidence::Observed;
    const char* ev = observed ? tr("note.observed") : tr("note.assumed");
    const ImU32 evFill = observed ? withAlpha(pal.accent, 0.92f * alpha) : withAlpha(colours::kInk, 0.07f * alpha);
    const ImU32 evText = observed ? withAlpha(pal.onAccent, alpha) : withAlpha(pal.ink, 0.75f * alpha);
    const ImVec2 ps = drawPill(dl, ImVec2(x, footerY), ev, evFill, evText, sfs);
    x += ps.x + 4.0f * z;
    // Votes at the right: a dot and the count in a pill (the dot is drawn: the UI font has no "●").
    float votesW = 0.0f;
    if (note.votes > 0) {
      const std::string v = std::to_string(note.votes);
      const ImVec2 vs = ImGui::GetFont()->CalcTextSizeA(sfs, FLT_MAX, 0.0f, v.c_str());
      const float padX = sfs * 0.45f;
      const float dot = sfs * 0.32f;
      const ImVec2 size(padX * 2.0f + dot * 2.0f + sfs * 0.3f + vs.x, vs.y + sfs * 0.3f);
      const ImVec2 at(right - size.x, footerY);
      dl->AddRectFilled(at, ImVec2(at.x + size.x, at.y + size.y), withAlpha(colours::kPrimary, alpha), size.y * 0.5f);
      dl->AddCircleFilled(ImVec2(at.x + padX + dot, at.y + size.y * 0.5f), dot, withAlpha(IM_COL32(255, 255, 255, 255), alpha));
      dl->AddText(fontForSize(sfs), sfs, ImVec2(at.x + padX + dot * 2.0f + sfs * 0.3f, at.y + sfs * 0.15f),
                  withAlpha(IM_COL32(255, 255, 255, 255), alpha), v.c_str());
      votesW = size.x + 4.0f * z;
    }
    // Tags while they fit; then "+n" for the rest (room for it is kept before the votes).
    const float moreW = ImGui::GetFont()->CalcTextSizeA(sfs, FLT_MAX, 0.0f, "+99").x + sfs;
    for (std::size_t i = 0; i < note.tags.size(); ++i) {
      const std::string t = "#" + note.tags[i];
      const ImVec2 tsz = ImGui::GetFont()->CalcTextSizeA(sfs, FLT_MAX, 0.0f, t.c_str());
      const bool last = i + 1 == note.tags.size();
      if (x + tsz.x + sfs + (last ? 0.0f : moreW) > right - votesW) {
        if (x + moreW <= right - votesW) {
          const std::string more = "+" + std::to_string(note.tags.size() - i);
          drawPill(dl, ImVec2(x, footerY), more.c_str(), withAlpha(IM_COL32(255, 255, 255, 140), alpha),
                   withAlpha(colours::kInk, alpha), sfs);
        }
        break;
      }
      const ImVec2 ps2 = drawPill(dl, ImVec2(x, footerY), t.c_str(), withAlpha(IM_COL32(255, 255, 255, 150), alpha),
                                  withAlpha(colours::kInk, alpha), sfs);
      x += ps2.x + 4.0f * z;
    }
  }
  if (!ghost && ctx.cardOverlay) {
    ctx.cardOverlay(ctx, note, a, b, false);
  }
}

void NoteCards::placeEditor(EditorContext& ctx, const Note& note, ImVec2 a, ImVec2 b) {
  const float z = ctx.canvas.zoom();
  const float pad = CardMetrics::kPadding * z;
  const float wrap = (b.x - a.x) / z - CardMetrics::kPadding * 2.0f;  // world units, as the card wraps
  const WrappedText lines = wrapText(ImGui::GetFont(), CardMetrics::kFontSize, wrap, note.text);
  Host::TextField field;
  field.x = a.x + pad;
  field.y = a.y + pad;
  field.w = wrap * z;
  field.layout = lines.marked(note.text);
  field.h = std::max(CardMetrics::kFontSize * z, (b.y - a.y) - pad * 2.0f - footerHeight() * z);
  field.fontSize = CardMetrics::kFontSize * z;
  field.colour = noteColour(note.colour).ink;
  field.lang = ctx.doc.board().lang == Lang::De ? "de" : "en";
  field.label = tr("note.fieldLabel");
  if (fieldNote_ != note.id) {
    boxes_.end(ctx);  // a persona's or stage's text being edited
    if (!fieldNote_.empty()) {
      ctx.host.endTextEdit();  // another note's field (editing moved on without ending)
      ctx.doc.endGesture();
    }
    fieldNote_ = note.id;
    ctx.host.beginTextEdit(field, note.text);
  } else {
    ctx.host.placeTextEdit(field);
  }
  fieldPlaced_ = true;
}

void NoteCards::startEditing(const std::string& noteId) {
  editing_ = noteId;
}

void NoteCards::stopEditing(EditorContext& ctx) {
  if (!fieldNote_.empty()) {
    ctx.host.endTextEdit();
    fieldNote_.clear();
  }
  if (!editing_.empty()) {
    ctx.doc.endGesture();
  }
  editing_.clear();
}

std::vector<std::string> NoteCards::linesOf(const std::string& noteId, const std::string& text) const {
  std::vector<std::string> out;
  for (const auto* list : {&places_, &lastPlaces_}) {
    for (const auto& area : *list) {
      for (const auto& slot : area.slots) {
        if (slot.noteId != noteId) {
          continue;
        }
        const float wrap = (slot.max.x - slot.min.x) - CardMetrics::kPadding * 2.0f;
        for (const TextLine& line : wrapText(ImGui::GetFont(), CardMetrics::kFontSize, wrap, text).lines) {
          out.push_back(text.substr(line.begin, line.end - line.begin));
        }
        return out;
      }
    }
  }
  return out;
}

std::string NoteCards::addNoteAndEdit(EditorContext& ctx, const Place& place, int colour) {
  stopEditing(ctx);
  const std::string id = ctx.doc.addNote(place, "", colour);
  if (!id.empty()) {
    selected_ = id;
    startEditing(id);
    ctx.doc.endGesture();
  }
  return id;
}

std::optional<ImVec2> NoteCards::lastWorldCentre(const std::string& noteId) const {
  // Searched on demand (rare: "show note") instead of keeping a map up to date for every note every
  // frame. This frame's places first (they may be partly laid out), then last frame's complete set.
  for (const auto* list : {&places_, &lastPlaces_}) {
    for (const auto& area : *list) {
      for (const auto& slot : area.slots) {
        if (slot.noteId == noteId) {
          return ImVec2((slot.min.x + slot.max.x) * 0.5f, (slot.min.y + slot.max.y) * 0.5f);
        }
      }
    }
  }
  return std::nullopt;
}

std::optional<Place> NoteCards::placeAt(ImVec2 world) const {
  const auto& list = places_.empty() ? lastPlaces_ : places_;
  for (auto it = list.rbegin(); it != list.rend(); ++it) {
    if (world.x >= it->min.x && world.x <= it->max.x && world.y >= it->min.y && world.y <= it->max.y) {
      return it->place;
    }
  }
  return std::nullopt;
}

std::string NoteCards::takeActionRequest() {
  std::string r;
  r.swap(actionRequest_);
  return r;
}

void NoteCards::handleCanvasEvents(EditorContext& ctx, const CanvasEvents& ev) {
  if (ev.clicked) {
    selected_.clear();
    stopEditing(ctx);
  }
  if (ev.doubleClicked) {
    if (auto place = placeAt(ev.world)) {
      int colour = -1;
      if (!place->section.empty()) {
        if (const Section* s = findSection(ctx.doc.board(), place->section)) {
          colour = s->colour;
        }
      }
      addNoteAndEdit(ctx, *place, colour);
    }
  }
}

// ------------------------------------------------------------------------------------------------
// Drop
// ------------------------------------------------------------------------------------------------
bool NoteCards::dropTarget(ImVec2 world, Place* place, std::string* beforeId, ImVec2* markerA,
                           ImVec2* markerB) const {
  const PlaceArea* target = nullptr;
  // The place under the pointer, else the nearest one within reach (so a drop just outside still lands).
  float best = 60.0f;
  for (const auto& p : places_) {
    const float dx = std::max({p.min.x - world.x, 0.0f, world.x - p.max.x});
    const float dy = std::max({p.min.y - world.y, 0.0f, world.y - p.max.y});
    const float d = std::sqrt(dx * dx + dy * dy);
    if (d < best || (d == 0.0f && best == 0.0f)) {
      best = d;
      target = &p;
    }
  }
  if (target == nullptr) {
    return false;
  }
  *place = target->place;
  beforeId->clear();
  const Slot* last = nullptr;
  for (const auto& s : target->slots) {
    if (s.noteId == drag_.noteId) {
      continue;
    }
    const bool before = world.y < s.min.y || (world.y <= s.max.y + CardMetrics::kGap && world.x < (s.min.x + s.max.x) * 0.5f);
    if (before) {
      *beforeId = s.noteId;
      *markerA = ImVec2(s.min.x - CardMetrics::kGap * 0.5f, s.min.y);
      *markerB = ImVec2(s.min.x - CardMetrics::kGap * 0.5f, s.max.y);
      return true;
    }
    last = &s;
  }
  if (last != nullptr) {
    *markerA = ImVec2(last->max.x + CardMetrics::kGap * 0.5f, last->min.y);
    *markerB = ImVec2(last->max.x + CardMetrics::kGap * 0.5f, last->max.y);
  } else {
    *markerA = ImVec2(target->min.x, target->min.y + 2.0f);
    *markerB = ImVec2(target->min.x + std::min(CardMetrics::kMaxWidth, target->max.x - target->min.x), target->min.y + 2.0f);
  }
  return true;
}

void NoteCards::endFrame(EditorContext& ctx) {
  if (!fieldNote_.empty() && !fieldPlaced_) {
    // The card is out of view (panned or scrolled away): the field waits off-screen, keeping its focus
    // (and the on-screen keyboard) and its text, until the card is back.
    Host::TextField away;
    away.x = -10000.0f;
    away.y = -10000.0f;
    away.w = 100.0f;
    away.h = 20.0f;
    away.fontSize = CardMetrics::kFontSize;
    ctx.host.placeTextEdit(away);
  }
  if (drag_.active) {
    const ImVec2 mouseWorld = ctx.canvas.toWorld(ImGui::GetIO().MousePos);
    // The grabbed point of the card decides where it lands: its top-left plus the grab offset.
    Place place;
    std::string before;
    ImVec2 ma, mb;
    const bool ok = dropTarget(mouseWorld, &place, &before, &ma, &mb);
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      if (ok) {
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        fg->AddLine(ctx.canvas.toScreen(ma), ctx.canvas.toScreen(mb), colours::kPrimary, 3.0f);
      }
      if (const Note* n = findNote(ctx.doc.board(), drag_.noteId)) {
        const Note copy = *n;
        drawCard(ctx, copy, ImVec2(0, 0), drag_.size, true);
      }
    } else {
      if (ok) {
        const Note* n = findNote(ctx.doc.board(), drag_.noteId);
        if (n != nullptr) {
          const Place from{n->section, n->stage, n->lane};
          // Dropping right where it was (before its own successor) changes nothing: record no step.
          bool same = false;
          if (from == place) {
            const auto siblings = notesAt(ctx.doc.board(), place.section, place.stage, place.lane);
            for (std::size_t i = 0; i < siblings.size(); ++i) {
              if (siblings[i]->id == drag_.noteId) {
                const std::string next = i + 1 < siblings.size() ? siblings[i + 1]->id : std::string();
                same = next == before;
              }
            }
          }
          if (!same) {
            ctx.doc.endGesture();
            ctx.doc.moveNote(drag_.noteId, place, before);
            ctx.doc.endGesture();
          }
        }
      }
      drag_ = Drag();
    }
  }
  drawMenu(ctx);
}

// ------------------------------------------------------------------------------------------------
// Menu
// ------------------------------------------------------------------------------------------------
void NoteCards::commitMenuTags(EditorContext& ctx) {
  if (const Note* n = findNote(ctx.doc.board(), menuNote_)) {
    const auto tags = splitTags(menuTags_);
    if (tags != n->tags) {
      ctx.doc.setNoteTags(menuNote_, tags);
    }
  }
}

void NoteCards::drawMenu(EditorContext& ctx) {
  if (reopenMenu_ && !menuWasOpen_) {
    reopenMenu_ = false;
    openMenu_ = true;
  }
  if (openMenu_) {
    ImGui::OpenPopup("###note-menu");
    openMenu_ = false;
  }
  if (!ImGui::BeginPopup("###note-menu")) {
    if (menuWasOpen_) {
      // Closed by a click outside: keep the tags typed so far.
      menuWasOpen_ = false;
      commitMenuTags(ctx);
    }
    return;
  }
  menuWasOpen_ = true;
  const Note* found = findNote(ctx.doc.board(), menuNote_);
  if (found == nullptr) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const Note note = *found;
  Document& d = ctx.doc;
  const float h = minTarget();

  if (ImGui::Selectable(label("note.edit").c_str(), false, 0, ImVec2(0, h * 0.8f))) {
    selected_ = note.id;
    startEditing(note.id);
  }
  ImGui::SeparatorText(tr("note.colour"));
  for (int c = 0; c < kPaletteSize; ++c) {
    ImGui::PushID(c);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string lbl = std::string(tr(("colour." + std::to_string(c)).c_str())) + "###note.colour." + std::to_string(c);
    if (ImGui::InvisibleButton(lbl.c_str(), ImVec2(h * 0.8f, h * 0.8f))) {
      d.setNoteColour(note.id, c);
      ImGui::CloseCurrentPopup();
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 cc(p.x + h * 0.4f, p.y + h * 0.4f);
    dl->AddCircleFilled(cc, h * 0.28f, noteColour(c).fill);
    dl->AddCircle(cc, h * 0.28f, noteColour(c).accent, 24, ImGui::IsItemHovered() ? 2.0f : 1.0f);
    if (note.colour == c) {
      drawIcon(dl, Icon::Check, ImVec2(cc.x - h * 0.18f, cc.y - h * 0.18f), h * 0.36f, colours::kInk);
    }
    ImGui::PopID();
    if (c + 1 < kPaletteSize) {
      ImGui::SameLine(0, 2);
    }
  }
  ImGui::SeparatorText(tr("filter.evidence"));
  if (ImGui::RadioButton(label("note.observed").c_str(), note.evidence == Evidence::Observed)) {
    d.setNoteEvidence(note.id, Evidence::Observed);
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
    ImGui::SetTooltip("%s", tr("note.observedTip"));
  }
  ImGui::SameLine();
  if (ImGui::RadioButton(label("note.assumed").c_str(), note.evidence == Evidence::Assumed)) {
    d.setNoteEvidence(note.id, Evidence::Assumed);
  }
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
    ImGui::SetTooltip("%s", tr("note.assumedTip"));
  }
  ImGui::SeparatorText(tr("note.tags"));
  ImGui::SetNextItemWidth(260.0f);
  inputTextWithHint("##note.tags", tr("note.tagsHint"), &menuTags_, 0);
  if (ImGui::IsItemDeactivated() && splitTags(menuTags_) != note.tags) {
    d.setNoteTags(note.id, splitTags(menuTags_));
  }
  ImGui::Separator();
  if (ImGui::Selectable(label("note.vote").c_str(), false, ImGuiSelectableFlags_DontClosePopups, ImVec2(0, h * 0.8f))) {
    d.setNoteVotes(note.id, note.votes + 1);
  }
  if (note.votes > 0 &&
      ImGui::Selectable(label("note.unvote").c_str(), false, ImGuiSelectableFlags_DontClosePopups, ImVec2(0, h * 0.8f))) {
    d.setNoteVotes(note.id, note.votes - 1);
  }
  if (ImGui::Selectable(label("note.createAction").c_str(), false, 0, ImVec2(0, h * 0.8f))) {
    actionRequest_ = note.id;
  }
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kDanger);
  if (ImGui::Selectable(label("note.delete").c_str(), false, 0, ImVec2(0, h * 0.8f))) {
    if (editing_ == note.id) {
      stopEditing(ctx);
    }
    d.deleteNote(note.id);
    selected_.clear();
  }
  ImGui::PopStyleColor();
  ImGui::EndPopup();
}

}  // namespace mapathy::ui
