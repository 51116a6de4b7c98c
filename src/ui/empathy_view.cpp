// Mapathy UI — the empathy-map view (see empathy_view.hpp).
#include "ui/empathy_view.hpp"

#include "ui/empathy_parts.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "ui/canvas.hpp"
#include "ui/drawn_text.hpp"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/text_box.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace empathy {

// The map fills the canvas at 100 %: one template unit is as wide as fills the canvas (within these
// bounds), and the rows share the canvas's height; a row grows beyond its share when its notes need more
// (the map then reaches below the screen and pans). So a map opens readable, with no empty band beside or
// below the regions, and the regions beside the persona are as tall as the persona's row needs, no taller.
constexpr float kMinColumnWidth = 300.0f;
constexpr float kMaxColumnWidth = 640.0f;  // wider regions only add empty space (cards keep their width)
constexpr float kFitMargin = 32.0f;        // Canvas::fit leaves this much on each side
constexpr float kAddSectionHeight = 48.0f; // the "Add section" button under the grid
constexpr float kMinRowHeight = 150.0f;
constexpr float kRoomToAdd = 48.0f;        // empty room under a region's notes to double-click into
constexpr float kGutter = 14.0f;         // between regions
constexpr float kInset = 14.0f;          // inside a region
constexpr float kTitleSize = 18.0f;
constexpr float kHintSize = 13.0f;
constexpr float kAddButton = 30.0f;      // the "+" of a section, world

struct Grid {
  int cols = 1;
  int rows = 1;
  std::vector<float> rowTop;     // world y of each row (rows + 1 entries)
};

// Wraps `text` at `width` world units and returns its height at `size`.
float textHeight(const char* text, float size, float width) {
  return ImGui::GetFont()->CalcTextSizeA(size, FLT_MAX, width, text).y;
}

float sectionHeaderHeight(const Section& s, float width) {
  return kInset + kTitleSize * 1.25f + 4.0f + textHeight(s.hint.empty() ? " " : s.hint.c_str(), kHintSize, width - kInset * 2.0f) +
         10.0f;
}

// First letters of the first two words, upper-cased for ASCII and umlauts.
std::string initialsOf(const Persona& p) {
  if (!p.initials.empty()) {
    return p.initials;
  }
  std::string out;
  bool atWordStart = true;
  for (std::size_t i = 0; i < p.name.size() && out.size() < 8;) {
    const auto c = static_cast<unsigned char>(p.name[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (c == ' ' || c == '-') {
      atWordStart = true;
    } else if (atWordStart) {
      std::string ch = p.name.substr(i, len);
      if (len == 1 && c >= 'a' && c <= 'z') {
        ch[0] = static_cast<char>(c - 'a' + 'A');
      } else if (len == 2 && c == 0xC3) {
        const auto d = static_cast<unsigned char>(ch[1]);
        if (d >= 0xA0 && d <= 0xBE && d != 0xB7) {
          ch[1] = static_cast<char>(d - 0x20);
        }
      }
      out += ch;
      atWordStart = false;
      if (out.size() >= 2 && (static_cast<unsigned char>(out[0]) < 0x80 ? out.size() >= 2 : true)) {
        // Two initials are enough (count code points, not bytes).
        int cps = 0;
        for (const char oc : out) {
          cps += (static_cast<unsigned char>(oc) & 0xC0) != 0x80 ? 1 : 0;
        }
        if (cps >= 2) {
          break;
        }
      }
    }
    i += len;
  }
  return out.empty() ? std::string("?") : out;
}

// The persona's quote in quotation marks, unless the person typed them already („…“, “…”, "…", «…»).
std::string quoted(const std::string& quote) {
  for (const char* mark : {"„", "“", "\"", "«", "»", "‚", "‘"}) {
    if (quote.rfind(mark, 0) == 0) {
      return quote;
    }
  }
  return "“" + quote + "”";
}

// The goal and the quote, as drawn on the card (world units, `width` the card's) and edited in its form: the
// quote's lines leave room for the quotation marks hung around them, so the form's field breaks them alike.
TextLook goalLook(float width, float zoom) { return TextLook{14.0f, width - kInset * 2.0f, zoom, colours::kInk}; }
float quoteMark(const char* mark) { return ImGui::GetIO().Fonts->Fonts[0]->CalcTextSizeA(15.0f, FLT_MAX, 0.0f, mark).x; }
TextLook quoteLook(float width, float zoom) {
  return TextLook{15.0f, width - kInset * 2.0f - 4.0f - quoteMark("“") - quoteMark("”"), zoom, colours::kInk};
}

// A wide persona card puts the disc beside the name and role (saves a third of its height, so the map
// fits a laptop screen); a narrow one stacks them, centred.
constexpr float kSideBySideWidth = 280.0f;
constexpr float kSideDiscRadius = 36.0f;

float sideTextWidth(float width) { return width - kInset * 2.0f - kSideDiscRadius * 2.0f - 16.0f; }

float personaHeight(const Persona& p, float width, bool editing) {
  if (editing) {  // the form: the goal and quote boxes grow beyond two lines with their text
    const auto more = [](const TextLook& look, const std::string& text) {
      return std::max(0.0f, wrappedHeight(look, text) - look.size * 2.0f);
    };
    return 110.0f + 6 * 44.0f + 104.0f + more(goalLook(width, 1.0f), p.goal) + more(quoteLook(width, 1.0f), p.quote);
  }
  float h = kInset + 96.0f + 10.0f + 26.0f + 20.0f;
  if (width >= kSideBySideWidth) {
    const float textW = sideTextWidth(width);
    const float nameH = textHeight(p.name.empty() ? " " : p.name.c_str(), 21.0f, textW);
    const float roleH = textHeight(p.role.empty() ? " " : p.role.c_str(), 14.0f, textW);
    h = kInset + std::max(kSideDiscRadius * 2.0f + 8.0f, nameH + 2.0f + roleH) + 14.0f;
  }
  if (!p.goal.empty()) {
    h += 18.0f + wrappedHeight(goalLook(width, 1.0f), p.goal) + 8.0f;
  }
  if (!p.quote.empty()) {
    h += wrappedHeight(quoteLook(width, 1.0f), p.quote) + 12.0f;
  }
  return h + kInset + (width >= kSideBySideWidth ? 12.0f : 30.0f);
}

struct PersonaField {
  const char* field;
  const char* labelKey;
  const char* placeholderKey;
  bool multiline;
};

const PersonaField kPersonaFields[] = {
    {"name", "persona.name", "persona.namePlaceholder", false},
    {"role", "persona.role", "persona.rolePlaceholder", false},
    {"goal", "persona.goal", "persona.goalPlaceholder", true},
    {"quote", "persona.quote", "persona.quotePlaceholder", true},
};

std::string personaValue(const Persona& p, const std::string& field) {
  if (field == "name") return p.name;
  if (field == "role") return p.role;
  if (field == "goal") return p.goal;
  if (field == "quote") return p.quote;
  if (field == "initials") return p.initials;
  return {};
}

void drawPersona(EditorContext& ctx, EmpathyViewState& state, ImVec2 wmin, ImVec2 wmax) {
  Canvas& cv = ctx.canvas;
  ImDrawList* dl = cv.drawList();
  const Persona& p = ctx.doc.board().persona;
  const float z = cv.zoom();
  const ImVec2 a = cv.toScreen(wmin);
  const ImVec2 b = cv.toScreen(wmax);
  drawShadow(dl, a, b, 16.0f * z, 6.0f * std::min(z, 1.5f));
  dl->AddRectFilled(a, b, colours::kSurface, 16.0f * z);
  dl->AddRect(a, b, colours::kBorder, 16.0f * z, 0, 1.0f);

  const float cx = (a.x + b.x) * 0.5f;
  const bool side = !state.editingPersona && wmax.x - wmin.x >= kSideBySideWidth;
  const float r = (side ? kSideDiscRadius : 44.0f) * z;
  // The card is as tall as its row. Its content starts at the top, like a profile, and the persona's
  // further details (about, success) use the room a tall row leaves below: centred content in a tall
  // card left a blank band above it that read as a gap.
  const ImVec2 disc = side ? ImVec2(a.x + (kInset + kSideDiscRadius) * z, a.y + (kInset + kSideDiscRadius + 4.0f) * z)
                           : ImVec2(cx, a.y + (kInset + 48.0f) * z);
  const NoteColour& pal = noteColour(p.colour);
  dl->AddCircleFilled(disc, r + 4.0f * z, pal.fill);
  dl->AddCircleFilled(disc, r, pal.accent);
  const std::string initials = initialsOf(p);
  {
    const float fs = cv.fontSize(30.0f);
    ImFont* font = fontForSize(fs, true, initials.c_str());
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, 0.0f, initials.c_str());
    dl->AddText(font, fs, ImVec2(disc.x - ts.x * 0.5f, disc.y - ts.y * 0.5f), pal.onAccent,
                initials.c_str());
  }
  // The disc is also the "edit persona" toggle.
  ImGui::SetCursorScreenPos(ImVec2(disc.x - r, disc.y - r));
  if (ImGui::InvisibleButton(label("persona.edit").c_str(), ImVec2(std::max(1.0f, r * 2), std::max(1.0f, r * 2)))) {
    state.editingPersona = !state.editingPersona;
    ctx.doc.endGesture();
  }
  if (ImGui::IsItemHovered()) {
    dl->AddCircle(disc, r + 6.0f * z, colours::kPrimary, 48, 2.0f);
    ImGui::SetTooltip("%s", tr("persona.edit"));
  }

  const float innerW = (wmax.x - wmin.x - kInset * 2.0f) * z;
  float y = disc.y + r + 14.0f * z;
  // Beside the disc: name and role, left-aligned and centred on the disc's height.
  float sideBottom = 0.0f;
  if (side && cv.fontSize(14.0f) >= 5.0f) {
    const float textW = sideTextWidth(wmax.x - wmin.x) * z;
    const float tx = disc.x + r + 16.0f * z;
    const std::string name = p.name.empty() ? tr("persona.namePlaceholder") : p.name;
    const std::string role = p.role.empty() ? tr("persona.rolePlaceholder") : p.role;
    const float nameFs = cv.fontSize(21.0f);
    const float roleFs = cv.fontSize(14.0f);
    ImFont* nameFont = fontForSize(nameFs, true, name.c_str());
    const float nameH = nameFont->CalcTextSizeA(nameFs, FLT_MAX, textW, name.c_str()).y;
    const float roleH = ImGui::GetFont()->CalcTextSizeA(roleFs, FLT_MAX, textW, role.c_str()).y;
    float ty = disc.y - (nameH + 2.0f * z + roleH) * 0.5f;
    dl->AddText(nameFont, nameFs, ImVec2(tx, ty), p.name.empty() ? colours::kInkMuted : colours::kInk, name.c_str(),
                nullptr, textW);
    ty += nameH + 2.0f * z;
    dl->AddText(fontForSize(roleFs, false, role.c_str()), roleFs, ImVec2(tx, ty), colours::kInkMuted, role.c_str(),
                nullptr, textW);
    sideBottom = ty + roleH;
  }
  if (side) y = std::max(disc.y + r + 4.0f * z, sideBottom) + 14.0f * z;
  const float x0 = a.x + kInset * z;
  auto centred = [&](const std::string& text, float size, ImU32 col) {
    const float fs = cv.fontSize(size);
    ImFont* font = fontForSize(fs, size >= 20.0f, text.c_str());
    const ImVec2 ts = font->CalcTextSizeA(fs, FLT_MAX, innerW, text.c_str());
    const float w = std::min(ts.x, innerW);
    dl->AddText(font, fs, ImVec2(cx - w * 0.5f, y), col, text.c_str(), nullptr, innerW);
    y += ts.y;
  };

  if (!state.editingPersona) {
    // Double-click anywhere on the persona card edits it too.
    ImGui::SetCursorScreenPos(ImVec2(a.x, y));
    if (b.y - y > 1.0f && b.x - a.x > 1.0f) {
      ImGui::InvisibleButton("##persona-card", ImVec2(b.x - a.x, b.y - y));
      if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        state.editingPersona = true;
      }
    }
    if (cv.fontSize(14.0f) < 5.0f) {
      return;
    }
    if (!side) {
      centred(p.name.empty() ? tr("persona.namePlaceholder") : p.name, 21.0f,
              p.name.empty() ? colours::kInkMuted : colours::kInk);
      y += 2.0f * z;
      centred(p.role.empty() ? tr("persona.rolePlaceholder") : p.role, 14.0f, colours::kInkMuted);
      y += 12.0f * z;
    }
    TextBoxes& boxes = ctx.cards.boxes();
    if (!p.goal.empty()) {
      const float fs = cv.fontSize(11.5f);
      dl->AddText(fontForSize(fs), fs, ImVec2(x0, y), pal.accent, tr("persona.goal"));
      y += fs * 1.4f;
      y += boxes.show("persona.goal", dl, ImVec2(x0, y), goalLook(wmax.x - wmin.x, z), p.goal) + 8.0f * z;
    }
    if (!p.quote.empty()) {
      // The quotation marks hang around the lines (unless the person typed their own).
      const TextLook look = quoteLook(wmax.x - wmin.x, z);
      const WrappedText lines = wrapLook(look, p.quote);
      const float fs = cv.fontSize(15.0f);
      const float h = static_cast<float>(lines.lines.size()) * fs;
      const float tx = x0 + (4.0f + quoteMark("“")) * z;
      dl->AddRectFilled(ImVec2(x0 - 6.0f * z, y), ImVec2(x0 - 3.0f * z, y + h), pal.accent);
      boxes.show("persona.quote", dl, ImVec2(tx, y), look, p.quote);
      if (quoted(p.quote) != p.quote && fs >= 3.0f) {
        ImFont* face = fontForSize(fs, false, p.quote.c_str());
        dl->AddText(face, fs, ImVec2(tx - quoteMark("“") * z, y), colours::kInk, "“");
        const TextLine& last = lines.lines.back();
        const float end = face->CalcTextSizeA(fs, FLT_MAX, 0.0f, p.quote.c_str() + last.begin, p.quote.c_str() + last.end).x;
        dl->AddText(face, fs, ImVec2(tx + end, y + h - fs), colours::kInk, "”");
      }
      y += h + 12.0f * z;
    }
    // About and success: shown while the card has room for them, cut at its bottom edge.
    const ImVec4 clip(a.x, a.y, b.x, b.y - kInset * 0.5f * z);
    for (const auto& [labelKey, value] : {std::pair<const char*, const std::string*>{"persona.bio", &p.bio},
                                          std::pair<const char*, const std::string*>{"persona.success", &p.success}}) {
      const float fs = cv.fontSize(11.5f);
      if (value->empty() || y + fs * 2.8f > b.y - kInset * z) continue;
      dl->AddText(fontForSize(fs), fs, ImVec2(x0, y), pal.accent, tr(labelKey), nullptr, innerW, &clip);
      y += fs * 1.4f;
      const float bodyFs = cv.fontSize(14.0f);
      dl->AddText(fontForSize(bodyFs, false, value->c_str()), bodyFs, ImVec2(x0, y), colours::kInk, value->c_str(),
                  nullptr, innerW, &clip);
      y += ImGui::GetFont()->CalcTextSizeA(bodyFs, FLT_MAX, innerW, value->c_str()).y + 8.0f * z;
    }
    if (p.name.empty() && p.goal.empty()) {
      y += 6.0f * z;
      centred(tr("persona.edit"), 12.0f, colours::kPrimary);
    }
    return;
  }

  // Editing in place: fields at the card's scale.
  const float base = ImGui::GetFontSize();
  ImGui::SetWindowFontScale(std::clamp(14.0f * z / std::max(base, 1.0f), 0.4f, 3.0f));
  ImGui::PushItemWidth(innerW);
  for (const auto& f : kPersonaFields) {
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
    ImGui::TextUnformatted(tr(f.labelKey));
    ImGui::PopStyleColor();
    y = ImGui::GetCursorScreenPos().y;
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    std::string value = personaValue(p, f.field);
    const std::string id = std::string("##persona.") + f.field;
    if (f.multiline) {  // wrapped as the card shows it, edited in the platform's field (text_box.hpp)
      const TextLook look = std::string(f.field) == "goal" ? goalLook(wmax.x - wmin.x, z) : quoteLook(wmax.x - wmin.x, z);
      ImGui::SetCursorScreenPos(ImVec2(x0 - ImGui::GetStyle().FramePadding.x, y));
      if (ctx.cards.boxes().field(ctx, id.c_str(), std::string("persona.") + f.field, look, &value,
                                  tr(f.placeholderKey))) {
        ctx.doc.setPersonaField(f.field, value);
      }
    } else {
      if (inputTextWithHint(id.c_str(), tr(f.placeholderKey), &value)) {
        ctx.doc.setPersonaField(f.field, value);
      }
      if (ImGui::IsItemDeactivated()) {
        ctx.doc.endGesture();
      }
    }
    y = ImGui::GetCursorScreenPos().y + 2.0f * z;
  }
  ImGui::SetCursorScreenPos(ImVec2(x0, y));
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kInkMuted);
  ImGui::TextUnformatted(tr("persona.colour"));
  ImGui::PopStyleColor();
  y = ImGui::GetCursorScreenPos().y;
  const float sw = std::min(innerW / static_cast<float>(kPaletteSize), ImGui::GetFrameHeight());
  for (int c = 0; c < kPaletteSize; ++c) {
    ImGui::SetCursorScreenPos(ImVec2(x0 + static_cast<float>(c) * sw, y));
    ImGui::PushID(c);
    const std::string lbl = std::string(tr(("colour." + std::to_string(c)).c_str())) + "###persona.colour." + std::to_string(c);
    if (ImGui::InvisibleButton(lbl.c_str(), ImVec2(std::max(sw, 1.0f), std::max(sw, 1.0f)))) {
      ctx.doc.setPersonaColour(c);
    }
    const ImVec2 cc(x0 + (static_cast<float>(c) + 0.5f) * sw, y + sw * 0.5f);
    dl->AddCircleFilled(cc, sw * 0.36f, noteColour(c).accent);
    if (p.colour == c) {
      dl->AddCircle(cc, sw * 0.46f, colours::kInk, 24, 2.0f);
    }
    ImGui::PopID();
  }
  y += sw + 8.0f * z;
  ImGui::SetCursorScreenPos(ImVec2(x0, y));
  if (ImGui::Button(label("note.done", "persona").c_str(), ImVec2(innerW, 0))) {
    state.editingPersona = false;
    ctx.doc.endGesture();
  }
  ImGui::PopItemWidth();
  ImGui::SetWindowFontScale(1.0f);
}

void drawSection(EditorContext& ctx, const Section& s, int noteCount, ImVec2 wmin, ImVec2 wmax) {
  Canvas& cv = ctx.canvas;
  if (!cv.visible(wmin, wmax)) {
    return;
  }
  ImDrawList* dl = cv.drawList();
  const float z = cv.zoom();
  const NoteColour& pal = noteColour(s.colour);
  const ImVec2 a = cv.toScreen(wmin);
  const ImVec2 b = cv.toScreen(wmax);
  const float rounding = 14.0f * z;
  dl->AddRectFilled(a, b, pal.tint, rounding);
  dl->AddRect(a, b, withAlpha(pal.accent, 0.25f), rounding, 0, 1.0f);
  // Accent bar at the top-left.
  dl->AddRectFilled(ImVec2(a.x + kInset * z, a.y + 8.0f * z), ImVec2(a.x + (kInset + 36.0f) * z, a.y + 12.0f * z),
                    pal.accent, 2.0f * z);

  const float titleFs = cv.fontSize(kTitleSize);
  const float x0 = a.x + kInset * z;
  float y = a.y + kInset * z + 2.0f * z;
  if (titleFs >= 5.0f) {
    const DrawnText title(s.title);
    ImFont* titleFont = fontForSize(titleFs, true, title.begin(), title.end());
    dl->AddText(titleFont, titleFs, ImVec2(x0, y), colours::kInk, title.begin(), title.end());
    const float tw = titleFont->CalcTextSizeA(titleFs, FLT_MAX, 0.0f, title.begin(), title.end()).x;
    // Count pill.
    const std::string count = std::to_string(noteCount);
    drawPill(dl, ImVec2(x0 + tw + 8.0f * z, y + titleFs * 0.12f), count.c_str(), withAlpha(pal.accent, 0.15f), pal.accent,
             cv.fontSize(12.5f));
    y += titleFs * 1.25f + 4.0f * z;
    const float hintFs = cv.fontSize(kHintSize);
    if (hintFs >= 5.0f && !s.hint.empty()) {
      const DrawnText hint(s.hint);
      dl->AddText(fontForSize(hintFs, false, hint.begin(), hint.end()), hintFs, ImVec2(x0, y), colours::kInkMuted,
                  hint.begin(), hint.end(), (wmax.x - wmin.x - kInset * 2.0f - kAddButton - 6.0f) * z);
    }
  }
  // "+" button (never smaller than a touch target allows).
  const float size = std::max(kAddButton * z, touchMode() ? 44.0f : 22.0f);
  const ImVec2 bp(b.x - kInset * z - size, a.y + kInset * z * 0.7f);
  ImGui::SetCursorScreenPos(bp);
  const std::string lbl = std::string(tr("section.add")) + "###section.add." + s.id;
  const bool clicked = ImGui::InvisibleButton(lbl.c_str(), ImVec2(size, size));
  const bool hovered = ImGui::IsItemHovered();
  const ImVec2 c(bp.x + size * 0.5f, bp.y + size * 0.5f);
  dl->AddCircleFilled(c, size * 0.5f, hovered ? pal.accent : colours::kSurface);
  dl->AddCircle(c, size * 0.5f, withAlpha(pal.accent, 0.6f), 32, 1.0f);
  drawIcon(dl, Icon::Plus, ImVec2(bp.x + size * 0.2f, bp.y + size * 0.2f), size * 0.6f,
           hovered ? pal.onAccent : pal.accent);
  if (hovered) {
    ImGui::SetTooltip("%s", tr("section.add"));
  }
  if (clicked) {
    ctx.cards.addNoteAndEdit(ctx, Place{s.id, "", ""}, s.colour);
  }
}

}  // namespace empathy

using namespace empathy;  // NOLINT(google-build-using-namespace): this file's own parts

void drawEmpathyView(EditorContext& ctx, EmpathyViewState& state) {
  const Board& board = ctx.doc.board();
  ImVec2 size = ctx.canvasSize;
  if (size.x <= 0 || size.y <= 0) {
    size = ImGui::GetContentRegionAvail();
  }

  // ---- layout: grid columns are fixed; rows grow to fit their content.
  Grid grid;
  auto extend = [&](const Rect& r) {
    grid.cols = std::max(grid.cols, static_cast<int>(std::ceil(r.x + r.w)));
    grid.rows = std::max(grid.rows, static_cast<int>(std::ceil(r.y + r.h)));
  };
  extend(board.personaRect);
  for (const auto& s : board.sections) {
    extend(s.rect);
  }
  std::vector<float> rowH(static_cast<std::size_t>(grid.rows), kMinRowHeight);
  const float columnWidth =
      std::clamp((size.x - kFitMargin * 2.0f) / static_cast<float>(grid.cols), kMinColumnWidth, kMaxColumnWidth);
  auto colX = [&](float gx) { return gx * columnWidth; };
  auto need = [&](const Rect& r, float contentH) {
    const int y0 = static_cast<int>(r.y);
    const int y1 = std::max(y0 + 1, static_cast<int>(std::ceil(r.y + r.h)));
    float have = 0.0f;
    for (int y = y0; y < y1; ++y) {
      have += rowH[static_cast<std::size_t>(y)];
    }
    if (have < contentH) {
      const float add = (contentH - have) / static_cast<float>(y1 - y0);
      for (int y = y0; y < y1; ++y) {
        rowH[static_cast<std::size_t>(y)] += add;
      }
    }
  };
  std::vector<float> headerH(board.sections.size(), 0.0f);
  for (std::size_t i = 0; i < board.sections.size(); ++i) {
    const Section& s = board.sections[i];
    const float w = colX(s.rect.w) - kGutter;
    headerH[i] = sectionHeaderHeight(s, w);
    const float cards = ctx.cards.measurePlace(ctx, Place{s.id, "", ""}, w - kInset * 2.0f);
    need(s.rect, headerH[i] + cards + kInset + kRoomToAdd + kGutter);
  }
  need(board.personaRect, personaHeight(board.persona, colX(board.personaRect.w) - kGutter, state.editingPersona) + kGutter);
  // Rows share what is left of the canvas's height, so the map fills the screen from top to bottom.
  {
    float total = 0.0f;
    for (const float h : rowH) total += h;
    const float room = size.y - kFitMargin * 2.0f - kAddSectionHeight;
    if (room > total) {
      const float add = (room - total) / static_cast<float>(grid.rows);
      for (float& h : rowH) h += add;
    }
  }
  grid.rowTop.assign(static_cast<std::size_t>(grid.rows) + 1, 0.0f);
  for (int r = 0; r < grid.rows; ++r) {
    grid.rowTop[static_cast<std::size_t>(r) + 1] = grid.rowTop[static_cast<std::size_t>(r)] + rowH[static_cast<std::size_t>(r)];
  }
  // The layout is known before anything is drawn: the canvas fits a just-opened board to it in this frame.
  const float gridBottom = grid.rowTop.back();
  ctx.contentMin = ImVec2(0, 0);
  ctx.contentMax = ImVec2(colX(static_cast<float>(grid.cols)), gridBottom + kAddSectionHeight);
  ctx.canvas.setContent(ctx.contentMin, ctx.contentMax);
  ctx.canvas.begin("##empathy-canvas", size);

  auto worldRect = [&](const Rect& r, ImVec2* mn, ImVec2* mx) {
    const auto y0 = static_cast<std::size_t>(std::clamp(static_cast<int>(r.y), 0, grid.rows));
    const auto y1 = static_cast<std::size_t>(std::clamp(static_cast<int>(std::ceil(r.y + r.h)), 0, grid.rows));
    *mn = ImVec2(colX(r.x) + kGutter * 0.5f, grid.rowTop[y0] + kGutter * 0.5f);
    *mx = ImVec2(colX(r.x + r.w) - kGutter * 0.5f, grid.rowTop[y1] - kGutter * 0.5f);
  };

  // ---- sections and their notes
  for (std::size_t i = 0; i < board.sections.size(); ++i) {
    const Section s = board.sections[i];  // copy: adding a note may reallocate the board's vectors
    ImVec2 mn, mx;
    worldRect(s.rect, &mn, &mx);
    int count = 0;
    for (const auto& n : ctx.doc.board().notes) {
      count += n.section == s.id ? 1 : 0;
    }
    drawSection(ctx, s, count, mn, mx);
    const char* hint = touchMode() ? tr("section.emptyTouch") : tr("section.empty");
    ctx.cards.drawPlace(ctx, Place{s.id, "", ""}, ImVec2(mn.x + kInset, mn.y + headerH[i]),
                        ImVec2(mx.x - kInset, mx.y - kInset), s.colour, hint);
  }

  // ---- persona at the heart
  ImVec2 pmin, pmax;
  worldRect(ctx.doc.board().personaRect, &pmin, &pmax);
  if (ctx.canvas.visible(pmin, pmax)) {
    drawPersona(ctx, state, pmin, pmax);
  }

  // ---- "Add section" under the grid
  {
    Canvas& cv = ctx.canvas;
    const ImVec2 a = cv.toScreen(ImVec2(kGutter * 0.5f, gridBottom + 6.0f));
    const float fs = cv.fontSize(14.0f);
    const char* text = tr("section.addSection");
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, text);
    const ImVec2 sz(ts.x + fs * 3.0f, std::max(fs * 2.4f, touchMode() ? 44.0f : 1.0f));
    ImGui::SetCursorScreenPos(a);
    const std::string lbl = std::string(text) + "###section.addSection";
    if (ImGui::InvisibleButton(lbl.c_str(), sz)) {
      ctx.doc.addSection(tr("section.newTitle"), "");
    }
    ImDrawList* dl = cv.drawList();
    const bool hov = ImGui::IsItemHovered();
    dl->AddRect(a, ImVec2(a.x + sz.x, a.y + sz.y), hov ? colours::kPrimary : colours::kInkMuted, 8.0f * cv.zoom(), 0, 1.2f);
    drawIcon(dl, Icon::Plus, ImVec2(a.x + fs * 0.5f, a.y + (sz.y - fs * 1.2f) * 0.5f), fs * 1.2f,
             hov ? colours::kPrimary : colours::kInkMuted);
    if (fs >= 5.0f) {
      dl->AddText(fontForSize(fs, false, text), fs, ImVec2(a.x + fs * 2.2f, a.y + (sz.y - ts.y) * 0.5f),
                  hov ? colours::kPrimary : colours::kInkMuted, text);
    }
  }

  CanvasEvents ev = ctx.canvas.end();
  // Double-click anywhere in a section (header included) adds a note there.
  if (ev.doubleClicked) {
    const Board& b = ctx.doc.board();
    for (const auto& s : b.sections) {
      ImVec2 mn, mx;
      worldRect(s.rect, &mn, &mx);
      if (ev.world.x >= mn.x && ev.world.x <= mx.x && ev.world.y >= mn.y && ev.world.y <= mx.y) {
        const std::string id = s.id;
        const int colour = s.colour;
        ctx.cards.addNoteAndEdit(ctx, Place{id, "", ""}, colour);
        break;
      }
    }
    ev.doubleClicked = false;
  }
  ctx.cards.handleCanvasEvents(ctx, ev);
}

}  // namespace mapathy::ui
