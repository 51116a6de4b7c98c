// Mapathy core — SVG export (see export_svg.hpp). Layout first (sizes from wrapped text), then drawing;
// every coordinate goes through num() so output is byte-for-byte deterministic.
#include "core/export/export_svg.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/export/export_common.hpp"
#include "core/model/palette.hpp"

namespace mapathy {

namespace {

using exporting::escapeXml;
using exporting::num;
using exporting::Point;
using exporting::wrapText;

constexpr const char* kFontFamily = "Inter, 'DejaVu Sans', sans-serif";
constexpr double kMargin = 32;
constexpr double kGap = 10;            // between cards
constexpr double kInset = 6;           // between neighbouring sections
constexpr double kSectionPad = 14;
constexpr double kMinCardWidth = 150;
constexpr double kCardPad = 10;
constexpr double kCardFont = 14;
constexpr double kCardLine = 18;
constexpr double kMetaFont = 11;
constexpr double kMetaLine = 14;
constexpr double kFooter = 20;

std::string hex(Rgb c) { return toHex(c); }

struct TextStyle {
  double size = 14;
  Rgb fill;
  bool bold = false;
  bool italic = false;
  const char* anchor = nullptr;  // "middle", "end" or nullptr (start)
};

// Lines of text, one <tspan> per line with absolute positions (baseline of the first line at y).
void drawLines(std::string& out, const std::vector<std::string>& lines, double x, double y, double lineHeight,
               const TextStyle& style) {
  if (lines.empty()) return;
  out += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" font-size=\"" + num(style.size) + "\" fill=\"" +
         hex(style.fill) + "\"";
  if (style.bold) out += " font-weight=\"bold\"";
  if (style.italic) out += " font-style=\"italic\"";
  if (style.anchor != nullptr) out += std::string(" text-anchor=\"") + style.anchor + "\"";
  out += ">";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += "<tspan x=\"" + num(x) + "\" y=\"" + num(y + static_cast<double>(i) * lineHeight) + "\">" +
           escapeXml(lines[i], false) + "</tspan>";
  }
  out += "</text>";
}

void drawText(std::string& out, const std::string& text, double x, double y, const TextStyle& style) {
  drawLines(out, {text}, x, y, 0, style);
}

void rect(std::string& out, double x, double y, double w, double h, double rx, const std::string& fill,
          const std::string& extra = "") {
  out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"";
  if (rx > 0) out += " rx=\"" + num(rx) + "\"";
  out += " fill=\"" + fill + "\"";
  if (!extra.empty()) out += " " + extra;
  out += "/>";
}

void line(std::string& out, double x1, double y1, double x2, double y2, const std::string& stroke, double width,
          const std::string& extra = "") {
  out += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
         "\" stroke=\"" + stroke + "\" stroke-width=\"" + num(width) + "\"";
  if (!extra.empty()) out += " " + extra;
  out += "/>";
}

// ---------------------------------------------------------------------------------------------
// Cards
// ---------------------------------------------------------------------------------------------
struct CardLayout {
  const Note* note = nullptr;
  std::vector<std::string> lines;
  std::vector<std::string> meta;  // tags and author
  double width = 0;
  double height = 0;
  double x = 0, y = 0;  // relative to the card area
};

CardLayout layoutCard(const Note& note, double width) {
  CardLayout c;
  c.note = &note;
  c.width = width;
  const double inner = width - 2 * kCardPad;
  c.lines = wrapText(exporting::cleanText(note.text), inner, kCardFont);
  std::string meta;
  for (const std::string& tag : note.tags) {
    if (!meta.empty()) meta += ' ';
    const std::string clean = exporting::cleanText(tag, false);
    meta += (clean.rfind('#', 0) == 0 ? "" : "#") + clean;
  }
  if (!note.author.empty()) {
    if (!meta.empty()) meta += "  ";
    meta += "\xE2\x80\x94 " + exporting::cleanText(note.author, false);  // em dash
  }
  if (!meta.empty()) c.meta = wrapText(meta, inner, kMetaFont);
  c.height = kCardPad + static_cast<double>(c.lines.size()) * kCardLine + 2 +
             (c.meta.empty() ? 0.0 : 4 + static_cast<double>(c.meta.size()) * kMetaLine) + kFooter + 4;
  return c;
}

void drawCard(std::string& out, const CardLayout& c, double x, double y, Lang lang) {
  const Note& n = *c.note;
  const PaletteColour& pc = paletteColour(n.colour);
  const BoardColours& bc = boardColours();
  const exporting::Words& w = exporting::words(lang);
  out += "<g>";
  out += "<title>" + escapeXml(n.text) + "</title>";
  rect(out, x + 1.5, y + 2, c.width, c.height, 6, "#000000", "fill-opacity=\"0.08\"");
  rect(out, x, y, c.width, c.height, 6, hex(pc.fill), "stroke=\"" + hex(pc.accent) + "\" stroke-width=\"1\"");
  double ty = y + kCardPad + kCardFont - 1;
  drawLines(out, c.lines, x + kCardPad, ty, kCardLine, {kCardFont, pc.ink});
  ty += static_cast<double>(c.lines.size()) * kCardLine + 2;
  if (!c.meta.empty()) {
    ty += 4;
    drawLines(out, c.meta, x + kCardPad, ty - kCardLine + kMetaLine, kMetaLine, {kMetaFont, pc.ink});
    ty += static_cast<double>(c.meta.size()) * kMetaLine;
  }
  // Footer: evidence badge left, votes right.
  const double fy = y + c.height - kFooter / 2 - 3;
  const bool observed = n.evidence == Evidence::Observed;
  if (observed) {
    out += "<circle cx=\"" + num(x + kCardPad + 4) + "\" cy=\"" + num(fy) + "\" r=\"4\" fill=\"" +
           hex(bc.observed) + "\"/>";
  } else {
    out += "<circle cx=\"" + num(x + kCardPad + 4) + "\" cy=\"" + num(fy) + "\" r=\"3.5\" fill=\"none\" stroke=\"" +
           hex(bc.assumed) + "\" stroke-width=\"1.5\" stroke-dasharray=\"2 1.5\"/>";
  }
  drawText(out, observed ? w.observed : w.assumed, x + kCardPad + 12, fy + 4, {kMetaFont, pc.ink});
  if (n.votes > 0) {
    const double right = x + c.width - kCardPad;
    const std::string voteFill = hex(bc.vote);
    if (n.votes <= 5) {
      for (int i = 0; i < n.votes; ++i) {
        out += "<circle cx=\"" + num(right - 4 - i * 11) + "\" cy=\"" + num(fy) + "\" r=\"4.5\" fill=\"" + voteFill +
               "\"/>";
      }
    } else {
      out += "<circle cx=\"" + num(right - 4) + "\" cy=\"" + num(fy) + "\" r=\"4.5\" fill=\"" + voteFill + "\"/>";
      drawText(out, std::to_string(n.votes), right - 13, fy + 4,
               {kMetaFont, pc.ink, true, false, "end"});
    }
  }
  out += "</g>";
}

// Cards in columns (each card goes to the shortest column, ties to the leftmost), reading order kept
// as far as columns allow.
struct CardGrid {
  std::vector<CardLayout> cards;
  double height = 0;
};

CardGrid layoutCards(const std::vector<const Note*>& notes, double width) {
  CardGrid grid;
  const int columns = std::max(1, static_cast<int>(std::floor((width + kGap) / (kMinCardWidth + kGap))));
  const double cardWidth = (width - (columns - 1) * kGap) / columns;
  std::vector<double> bottoms(static_cast<std::size_t>(columns), 0.0);
  for (const Note* n : notes) {
    CardLayout c = layoutCard(*n, cardWidth);
    std::size_t col = 0;
    for (std::size_t i = 1; i < bottoms.size(); ++i) {
      if (bottoms[i] < bottoms[col] - 0.5) col = i;
    }
    c.x = static_cast<double>(col) * (cardWidth + kGap);
    c.y = bottoms[col];
    bottoms[col] += c.height + kGap;
    grid.cards.push_back(std::move(c));
  }
  for (double b : bottoms) grid.height = std::max(grid.height, b > 0 ? b - kGap : 0.0);
  return grid;
}

void drawCards(std::string& out, const CardGrid& grid, double x, double y, Lang lang) {
  for (const CardLayout& c : grid.cards) drawCard(out, c, x + c.x, y + c.y, lang);
}

// ---------------------------------------------------------------------------------------------
// Empathy map
// ---------------------------------------------------------------------------------------------
Rect saneRect(Rect r) {
  auto fix = [](float v, float lo, float hi, float fallback) {
    if (!std::isfinite(v)) return fallback;
    return std::clamp(v, lo, hi);
  };
  r.x = fix(r.x, 0, 64, 0);
  r.y = fix(r.y, 0, 64, 0);
  r.w = fix(r.w, 0.25f, 64, 1);
  r.h = fix(r.h, 0.25f, 64, 1);
  return r;
}

struct SectionLayout {
  const Section* section = nullptr;
  Rect rect;
  std::vector<std::string> title;
  std::vector<std::string> hint;
  std::size_t count = 0;
  CardGrid cards;
  double headerHeight = 0;
  double need = 0;  // pixels, including insets
};

struct PersonaLayout {
  Rect rect;
  std::vector<std::string> name, role, goal, quote, bio, success;
  double need = 0;
};

// Rows of the grid as bands between the distinct y edges of all rectangles; each band grows so that
// every rectangle spanning it gets at least the height its content needs.
class RowBands {
 public:
  RowBands(const std::vector<Rect>& rects, double unitHeight) {
    for (const Rect& r : rects) {
      edges_.push_back(r.y);
      edges_.push_back(r.y + r.h);
    }
    std::sort(edges_.begin(), edges_.end());
    edges_.erase(std::unique(edges_.begin(), edges_.end()), edges_.end());
    // Bands no rectangle covers (a custom section placed far below the template) take no space.
    for (std::size_t i = 0; i + 1 < edges_.size(); ++i) {
      bool covered = false;
      for (const Rect& r : rects) covered = covered || (r.y <= edges_[i] && r.y + r.h >= edges_[i + 1]);
      heights_.push_back(covered ? (edges_[i + 1] - edges_[i]) * unitHeight : 0.0);
    }
  }
  void require(const Rect& r, double need) {
    const std::size_t a = index(r.y);
    const std::size_t b = index(r.y + r.h);
    double have = 0;
    double units = 0;
    for (std::size_t i = a; i < b; ++i) {
      have += heights_[i];
      units += edges_[i + 1] - edges_[i];
    }
    if (have >= need || units <= 0) return;
    const double deficit = need - have;
    for (std::size_t i = a; i < b; ++i) heights_[i] += deficit * (edges_[i + 1] - edges_[i]) / units;
  }
  [[nodiscard]] double at(double u) const {  // pixel offset of grid row coordinate u
    double y = 0;
    for (std::size_t i = 0; i + 1 < edges_.size(); ++i) {
      if (u >= edges_[i + 1]) {
        y += heights_[i];
      } else if (u > edges_[i]) {
        y += heights_[i] * (u - edges_[i]) / (edges_[i + 1] - edges_[i]);
        break;
      } else {
        break;
      }
    }
    return y;  // rows above the first edge take no space
  }
  [[nodiscard]] double total() const {
    double t = 0;
    for (double h : heights_) t += h;
    return t;
  }

 private:
  [[nodiscard]] std::size_t index(double u) const {
    return static_cast<std::size_t>(std::lower_bound(edges_.begin(), edges_.end(), u) - edges_.begin());
  }
  std::vector<double> edges_;
  std::vector<double> heights_;
};

constexpr double kTitleFont = 17;
constexpr double kTitleLine = 22;

PersonaLayout layoutPersona(const Board& b, const Rect& r, double cellWidth) {
  PersonaLayout p;
  p.rect = r;
  const double inner = r.w * cellWidth - 2 * kInset - 2 * kSectionPad;
  const Persona& ps = b.persona;
  const exporting::Words& w = exporting::words(b.lang);
  using exporting::cleanText;
  if (!ps.name.empty()) p.name = wrapText(cleanText(ps.name), inner, 20, true);
  if (!ps.role.empty()) p.role = wrapText(cleanText(ps.role), inner, 14);
  if (!ps.goal.empty()) p.goal = wrapText(std::string(w.goal) + ": " + cleanText(ps.goal), inner, 14);
  if (!ps.quote.empty()) {
    p.quote = wrapText(exporting::quoted(cleanText(ps.quote), b.lang), inner, 14);
  }
  if (!ps.bio.empty()) p.bio = wrapText(cleanText(ps.bio), inner, 12);
  if (!ps.success.empty()) p.success = wrapText(std::string(w.success) + ": " + cleanText(ps.success), inner, 12);
  double h = kInset + kSectionPad + 76 + 12;  // disc
  h += static_cast<double>(p.name.size()) * 25 + static_cast<double>(p.role.size()) * 18;
  for (const auto* block : {&p.goal, &p.quote}) {
    if (!block->empty()) h += 10 + static_cast<double>(block->size()) * 18;
  }
  for (const auto* block : {&p.bio, &p.success}) {
    if (!block->empty()) h += 8 + static_cast<double>(block->size()) * 16;
  }
  p.need = h + kSectionPad + kInset;
  return p;
}

std::string initialsOf(const Persona& p) {
  std::string src = exporting::cleanText(p.initials, false);
  if (!src.empty()) return src;
  // First letters (code points) of up to two words of the name.
  const std::string name = exporting::cleanText(p.name, false);
  std::string out;
  bool atWordStart = true;
  int taken = 0;
  for (std::size_t i = 0; i < name.size() && taken < 2;) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    len = std::min(len, name.size() - i);
    if (name[i] == ' ') {
      atWordStart = true;
    } else if (atWordStart) {
      out += name.substr(i, len);
      ++taken;
      atWordStart = false;
    }
    i += len;
  }
  return out.empty() ? "?" : out;
}

void drawPersona(std::string& out, const Board& b, const PersonaLayout& p, double x, double y, double w, double h) {
  const BoardColours& bc = boardColours();
  const PaletteColour& pc = paletteColour(b.persona.colour);
  rect(out, x + kInset, y + kInset, w - 2 * kInset, h - 2 * kInset, 12, hex(bc.panel),
       "stroke=\"" + hex(pc.accent) + "\" stroke-width=\"2\"");
  const double cx = x + w / 2;
  double cy = y + kInset + kSectionPad + 38;
  out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"38\" fill=\"" + hex(pc.accent) + "\"/>";
  drawText(out, initialsOf(b.persona), cx, cy + 9, {26, pc.onAccent, true, false, "middle"});
  double ty = cy + 38 + 12 + 19;
  const auto block = [&](const std::vector<std::string>& lines, double gapBefore, double size, double lh,
                         Rgb colour, bool bold, bool italic) {
    if (lines.empty()) return;
    ty += gapBefore;
    drawLines(out, lines, cx, ty, lh, {size, colour, bold, italic, "middle"});
    ty += static_cast<double>(lines.size()) * lh;
  };
  block(p.name, 0, 20, 25, bc.heading, true, false);
  block(p.role, 0, 14, 18, bc.muted, false, false);
  block(p.goal, 10, 14, 18, bc.text, false, false);
  block(p.quote, 10, 14, 18, bc.text, false, true);
  block(p.bio, 8, 12, 16, bc.muted, false, false);
  block(p.success, 8, 12, 16, bc.muted, false, false);
}

void drawSection(std::string& out, const SectionLayout& s, double x, double y, double w, double h, Lang lang) {
  const BoardColours& bc = boardColours();
  const PaletteColour& pc = paletteColour(s.section->colour);
  rect(out, x + kInset, y + kInset, w - 2 * kInset, h - 2 * kInset, 10, hex(pc.tint),
       "stroke=\"" + hex(bc.gridLine) + "\" stroke-width=\"1\"");
  rect(out, x + kInset, y + kInset + 12, 5, 24, 2, hex(pc.accent));
  const double left = x + kInset + kSectionPad;
  drawLines(out, s.title, left, y + kInset + 31, kTitleLine, {kTitleFont, bc.heading, true});
  // Count pill, top right.
  const std::string count = std::to_string(s.count);
  const double pillW = 14 + exporting::textWidth(count, 12, true);
  const double pillX = x + w - kInset - kSectionPad - pillW;
  out += "<g><title>" + escapeXml(exporting::countNotes(s.count, lang)) + "</title>";
  rect(out, pillX, y + kInset + 15, pillW, 20, 10, hex(bc.panel),
       "stroke=\"" + hex(pc.accent) + "\" stroke-width=\"1\"");
  drawText(out, count, pillX + pillW / 2, y + kInset + 29.5, {12, bc.heading, true, false, "middle"});
  out += "</g>";
  const double top = y + kInset + s.headerHeight;
  if (s.cards.cards.empty()) {
    drawLines(out, s.hint, left, top + 14, 16, {12, bc.muted, false, true});
  } else {
    drawCards(out, s.cards, left, top, lang);
  }
}

double drawEmpathyMap(std::string& out, const Board& b, const SvgOptions& o, double originY, double& widthOut) {
  std::vector<SectionLayout> sections;
  std::vector<Rect> rects;
  double cols = 1;
  const Rect personaRect = saneRect(b.personaRect);
  rects.push_back(personaRect);
  cols = std::max(cols, static_cast<double>(personaRect.x + personaRect.w));
  for (const Section& s : b.sections) {
    SectionLayout L;
    L.section = &s;
    L.rect = saneRect(s.rect);
    const double inner = L.rect.w * o.cellWidth - 2 * kInset - 2 * kSectionPad;
    L.title = wrapText(exporting::cleanText(s.title, false), inner - 48, kTitleFont, true);
    L.headerHeight = 20 + static_cast<double>(L.title.size()) * kTitleLine;
    const auto notes = notesAt(b, s.id, "", "");
    L.count = notes.size();
    L.cards = layoutCards(notes, inner);
    double content = L.cards.height;
    if (notes.empty()) {
      L.hint = wrapText(exporting::cleanText(s.hint), inner, 12);
      content = static_cast<double>(L.hint.size()) * 16;
    }
    L.need = 2 * kInset + L.headerHeight + content + kSectionPad;
    rects.push_back(L.rect);
    cols = std::max(cols, static_cast<double>(L.rect.x + L.rect.w));
    sections.push_back(std::move(L));
  }
  const PersonaLayout persona = layoutPersona(b, personaRect, o.cellWidth);
  RowBands bands(rects, o.cellHeight);
  // Two passes: a tall section spanning rows may need more after single-row sections grew the rows.
  for (int pass = 0; pass < 2; ++pass) {
    bands.require(personaRect, persona.need);
    for (const SectionLayout& s : sections) bands.require(s.rect, s.need);
  }
  const double gx = kMargin;
  const auto X = [&](double u) { return gx + u * o.cellWidth; };
  const auto Y = [&](double u) { return originY + bands.at(u); };
  for (const SectionLayout& s : sections) {
    drawSection(out, s, X(s.rect.x), Y(s.rect.y), s.rect.w * o.cellWidth, Y(s.rect.y + s.rect.h) - Y(s.rect.y),
                b.lang);
  }
  drawPersona(out, b, persona, X(personaRect.x), Y(personaRect.y), personaRect.w * o.cellWidth,
              Y(personaRect.y + personaRect.h) - Y(personaRect.y));
  widthOut = cols * o.cellWidth;
  return originY + bands.total();
}

// ---------------------------------------------------------------------------------------------
// Journey board
// ---------------------------------------------------------------------------------------------
constexpr double kLabelWidth = 200;
constexpr double kPlotHeight = 168;  // −2 … +2
constexpr double kPlotPad = 24;

double scoreY(double plotTop, int score) {
  const int s = std::clamp(score, kScoreMin, kScoreMax);
  return plotTop + static_cast<double>(kScoreMax - s) / (kScoreMax - kScoreMin) * kPlotHeight;
}

void drawScale(std::string& out, double labelRight, double plotTop, double gridLeft, double gridRight) {
  const BoardColours& bc = boardColours();
  for (int s = kScoreMin; s <= kScoreMax; ++s) {
    const double yy = scoreY(plotTop, s);
    line(out, gridLeft, yy, gridRight, yy, hex(bc.gridLine), s == 0 ? 1.2 : 0.8,
         s == 0 ? "" : "stroke-dasharray=\"3 4\"");
    drawText(out, exporting::scoreText(s), labelRight - 10, yy + 4, {11, bc.muted, false, false, "end"});
  }
}

void legendLine(std::string& out, double x, double y, const std::string& stroke, bool dashed, const char* label) {
  const BoardColours& bc = boardColours();
  line(out, x, y - 4, x + 22, y - 4, stroke, 3, dashed ? "stroke-dasharray=\"6 4\"" : "");
  drawText(out, label, x + 28, y, {12, bc.muted});
}

double drawJourney(std::string& out, const Board& b, const SvgOptions& o, double originY, double& widthOut) {
  const BoardColours& bc = boardColours();
  const exporting::Words& w = exporting::words(b.lang);
  const double colW = o.stageWidth;
  const double gx = kMargin;
  const double gridLeft = gx + kLabelWidth;
  const double gridRight = gridLeft + colW * static_cast<double>(b.stages.size());
  const auto colX = [&](std::size_t i) { return gridLeft + colW * static_cast<double>(i); };
  widthOut = std::max(kLabelWidth + colW * static_cast<double>(b.stages.size()), 600.0);

  // Header row: stage names and descriptions.
  struct StageHead {
    std::vector<std::string> name, description;
  };
  std::vector<StageHead> heads;
  double headerH = 48;
  for (const Stage& s : b.stages) {
    StageHead h;
    h.name = wrapText(exporting::cleanText(s.name, false), colW - 24, 16, true);
    if (!s.description.empty()) h.description = wrapText(exporting::cleanText(s.description), colW - 24, 12);
    headerH = std::max(headerH, 20 + static_cast<double>(h.name.size()) * 21 +
                                    (h.description.empty() ? 0.0 : 4 + static_cast<double>(h.description.size()) * 16) +
                                    12);
    heads.push_back(std::move(h));
  }
  double y = originY;
  rect(out, gx, y, widthOut, headerH, 0, hex(bc.panel), "stroke=\"" + hex(bc.gridLine) + "\"");
  drawText(out, w.stage + std::string(" \xE2\x86\x92"), gx + 14, y + 30, {13, bc.muted, true});
  for (std::size_t i = 0; i < heads.size(); ++i) {
    const double x = colX(i);
    line(out, x, y, x, y + headerH, hex(bc.gridLine), 1);
    drawLines(out, heads[i].name, x + 12, y + 28, 21, {16, bc.heading, true});
    drawLines(out, heads[i].description, x + 12, y + 28 + static_cast<double>(heads[i].name.size()) * 21 + 4, 16,
              {12, bc.muted});
  }
  y += headerH;

  for (std::size_t li = 0; li < b.lanes.size(); ++li) {
    const Lane& lane = b.lanes[li];
    const auto label = wrapText(exporting::cleanText(lane.name, false), kLabelWidth - 28, 15, true);
    const double labelH = 24 + static_cast<double>(label.size()) * 20;
    double rowH = std::max(80.0, labelH + 12);
    std::vector<CardGrid> cells;
    std::vector<std::vector<std::string>> reasons;
    double reasonH = 0;
    if (lane.kind == LaneKind::Text) {
      for (const Stage& s : b.stages) {
        cells.push_back(layoutCards(notesAt(b, "", s.id, lane.id), colW - 20));
        rowH = std::max(rowH, cells.back().height + 20);
      }
    } else if (lane.kind == LaneKind::Emotion) {
      for (const Stage& s : b.stages) {
        auto it = lane.emotions.find(s.id);
        std::vector<std::string> r;
        if (it != lane.emotions.end() && !it->second.reason.empty())
          r = wrapText(exporting::cleanText(it->second.reason), colW - 20, 12);
        reasonH = std::max(reasonH, static_cast<double>(r.size()) * 15);
        reasons.push_back(std::move(r));
      }
      rowH = std::max(rowH, std::max(labelH + 70, kPlotPad * 2 + kPlotHeight + (reasonH > 0 ? reasonH + 8 : 0)));
    } else {
      rowH = std::max(rowH, std::max(labelH + 70, kPlotPad * 2 + kPlotHeight));
    }
    // Lane background, label and grid.
    rect(out, gx, y, kLabelWidth, rowH, 0, hex(bc.background), "stroke=\"" + hex(bc.gridLine) + "\"");
    rect(out, gridLeft, y, gridRight - gridLeft, rowH, 0, hex(bc.panel), "stroke=\"" + hex(bc.gridLine) + "\"");
    for (std::size_t i = 1; i < b.stages.size(); ++i) line(out, colX(i), y, colX(i), y + rowH, hex(bc.gridLine), 1);
    drawLines(out, label, gx + 14, y + 28, 20, {15, bc.heading, true});
    const double plotTop = y + kPlotPad;
    const double legendY = y + 28 + static_cast<double>(label.size()) * 20 + 8;

    if (lane.kind == LaneKind::Text) {
      for (std::size_t i = 0; i < cells.size(); ++i) drawCards(out, cells[i], colX(i) + 10, y + 10, b.lang);
    } else if (lane.kind == LaneKind::Emotion) {
      drawScale(out, gridLeft, plotTop, gridLeft, gridRight);
      legendLine(out, gx + 14, legendY, hex(bc.curveAsIs), false, w.asIs);
      // One smooth curve through every scored stage; a stage without a score is passed over, as in the
      // app's journey view (journey_view.cpp), so the picture looks like the board people made.
      const auto curves = [&](bool toBe) {
        std::vector<std::vector<Point>> runs(1);
        for (std::size_t i = 0; i < b.stages.size(); ++i) {
          auto it = lane.emotions.find(b.stages[i].id);
          const std::optional<int> v =
              it == lane.emotions.end() ? std::nullopt : (toBe ? it->second.toBe : it->second.asIs);
          if (v) runs.back().push_back({colX(i) + colW / 2, scoreY(plotTop, *v)});
        }
        return runs;
      };
      if (lane.showToBe) {
        for (const auto& run : curves(true)) {
          if (run.empty()) continue;
          if (run.size() > 1)
            out += "<path d=\"" + exporting::smoothPath(run) + "\" fill=\"none\" stroke=\"" + hex(bc.curveToBe) +
                   "\" stroke-width=\"2.5\" stroke-dasharray=\"8 6\" stroke-linecap=\"round\"/>";
          for (const Point& p : run)
            out += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"5\" fill=\"#FFFFFF\" stroke=\"" +
                   hex(bc.curveToBe) + "\" stroke-width=\"2\"/>";
        }
        legendLine(out, gx + 14, legendY + 20, hex(bc.curveToBe), true, w.toBe);
      }
      for (const auto& run : curves(false)) {
        if (run.size() > 1)
          out += "<path d=\"" + exporting::smoothPath(run) + "\" fill=\"none\" stroke=\"" + hex(bc.curveAsIs) +
                 "\" stroke-width=\"3\" stroke-linecap=\"round\"/>";
      }
      for (std::size_t i = 0; i < b.stages.size(); ++i) {
        auto it = lane.emotions.find(b.stages[i].id);
        if (it == lane.emotions.end() || !it->second.asIs) continue;
        const int s = *it->second.asIs;
        out += "<g><title>" + escapeXml(w.asIs + std::string(": ") + exporting::scoreText(s) + " (" +
                                        exporting::scoreWord(s, b.lang) + ")") +
               "</title>" + exporting::faceSvg(colX(i) + colW / 2, scoreY(plotTop, s), 14, s) + "</g>";
      }
      for (std::size_t i = 0; i < reasons.size(); ++i) {
        drawLines(out, reasons[i], colX(i) + colW / 2, plotTop + kPlotHeight + kPlotPad + 8, 15,
                  {12, bc.muted, false, true, "middle"});
      }
    } else {  // expectation vs experience
      drawScale(out, gridLeft, plotTop, gridLeft, gridRight);
      std::vector<Point> expected;
      std::vector<Point> experienced;
      for (std::size_t i = 0; i < b.stages.size(); ++i) {
        auto it = lane.gaps.find(b.stages[i].id);
        if (it == lane.gaps.end()) continue;
        const double cx = colX(i) + colW / 2;
        const GapScore& g = it->second;
        if (g.expectation && g.experience) {
          const double y1 = scoreY(plotTop, *g.expectation);
          const double y2 = scoreY(plotTop, *g.experience);
          const int gap = std::clamp(*g.experience, kScoreMin, kScoreMax) - std::clamp(*g.expectation, kScoreMin, kScoreMax);
          if (gap != 0) {
            rect(out, cx - 16, std::min(y1, y2), 32, std::abs(y2 - y1), 3, hex(gap < 0 ? bc.gapWorse : bc.gapBetter),
                 "fill-opacity=\"0.22\"");
            drawText(out, exporting::scoreText(gap), cx + 24, (y1 + y2) / 2 + 4, {12, bc.heading, true});
          }
        }
        if (g.expectation) expected.push_back({cx - 10, scoreY(plotTop, *g.expectation)});
        if (g.experience) experienced.push_back({cx + 10, scoreY(plotTop, *g.experience)});
      }
      const auto polyline = [&](const std::vector<Point>& pts, const std::string& stroke, const char* dash) {
        if (pts.size() < 2) return;
        std::string p;
        for (const Point& pt : pts) p += (p.empty() ? "" : " ") + num(pt.x) + "," + num(pt.y);
        out += "<polyline points=\"" + p + "\" fill=\"none\" stroke=\"" + stroke +
               "\" stroke-width=\"1.5\" stroke-opacity=\"0.6\"" + dash + "/>";
      };
      polyline(expected, hex(bc.expectation), " stroke-dasharray=\"5 4\"");
      polyline(experienced, hex(bc.experience), "");
      for (const Point& p : expected) {
        out += "<path d=\"M" + num(p.x) + "," + num(p.y - 7) + " L" + num(p.x + 7) + "," + num(p.y) + " L" +
               num(p.x) + "," + num(p.y + 7) + " L" + num(p.x - 7) + "," + num(p.y) + " Z\" fill=\"#FFFFFF\" stroke=\"" +
               hex(bc.expectation) + "\" stroke-width=\"2\"/>";
      }
      for (const Point& p : experienced) {
        out += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"6\" fill=\"" + hex(bc.experience) +
               "\" stroke=\"#FFFFFF\" stroke-width=\"1.5\"/>";
      }
      // Legend: diamond = expectation, disc = experience.
      const double lx = gx + 14;
      out += "<path d=\"M" + num(lx + 11) + "," + num(legendY - 11) + " l6,6 l-6,6 l-6,-6 Z\" fill=\"#FFFFFF\" stroke=\"" +
             hex(bc.expectation) + "\" stroke-width=\"2\"/>";
      drawText(out, w.expectation, lx + 28, legendY, {12, bc.muted});
      out += "<circle cx=\"" + num(lx + 11) + "\" cy=\"" + num(legendY + 15) + "\" r=\"6\" fill=\"" +
             hex(bc.experience) + "\"/>";
      drawText(out, w.experience, lx + 28, legendY + 20, {12, bc.muted});
    }
    y += rowH;
  }
  return y;
}

// ---------------------------------------------------------------------------------------------
// Actions and other notes
// ---------------------------------------------------------------------------------------------
double drawActions(std::string& out, const Board& b, double x, double y, double width) {
  const BoardColours& bc = boardColours();
  const exporting::Words& w = exporting::words(b.lang);
  drawText(out, w.actions, x, y + 24, {20, bc.heading, true});
  y += 40;
  for (const Action& a : b.actions) {
    const auto text = wrapText(exporting::cleanText(a.text), width - 40, 14);
    std::string meta = std::string(w.owner) + ": " +
                       (a.owner.empty() ? std::string(w.noOwner) : exporting::cleanText(a.owner, false)) + "  \xC2\xB7  " +
                       exporting::statusWord(a.status, b.lang);
    if (!a.notes.empty()) meta += "  \xC2\xB7  " + std::string(w.linkedNotes) + ": " + std::to_string(a.notes.size());
    const auto metaLines = wrapText(meta, width - 40, 12);
    const double h = static_cast<double>(text.size()) * 19 + static_cast<double>(metaLines.size()) * 16 + 18;
    rect(out, x, y, width, h - 6, 6, hex(bc.panel), "stroke=\"" + hex(bc.gridLine) + "\"");
    // Status box: empty (open), half (doing), ticked (done).
    const double bx = x + 12;
    const double by = y + 11;
    rect(out, bx, by, 14, 14, 3, "#FFFFFF", "stroke=\"" + hex(bc.heading) + "\" stroke-width=\"1.5\"");
    if (a.status == ActionStatus::Doing) rect(out, bx, by, 7, 14, 0, hex(bc.heading), "fill-opacity=\"0.6\"");
    if (a.status == ActionStatus::Done) {
      out += "<path d=\"M" + num(bx + 3) + "," + num(by + 7) + " l3,4 l6,-8\" fill=\"none\" stroke=\"" +
             hex(bc.observed) + "\" stroke-width=\"2.2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>";
    }
    drawLines(out, text, x + 36, y + 23, 19, {14, bc.text, a.status != ActionStatus::Done});
    drawLines(out, metaLines, x + 36, y + 23 + static_cast<double>(text.size()) * 19, 16, {12, bc.muted});
    y += h;
  }
  return y;
}

double drawOtherNotes(std::string& out, const std::vector<const Note*>& notes, Lang lang, double x, double y,
                      double width) {
  const BoardColours& bc = boardColours();
  drawText(out, exporting::words(lang).otherNotes, x, y + 24, {20, bc.heading, true});
  const CardGrid grid = layoutCards(notes, width);
  drawCards(out, grid, x, y + 40, lang);
  return y + 40 + grid.height;
}

}  // namespace

std::string exportSvg(const Board& b, const SvgOptions& o) {
  const BoardColours& bc = boardColours();
  const exporting::Words& w = exporting::words(b.lang);
  const bool journey = b.kind == BoardKind::Journey;
  SvgOptions opt = o;
  opt.cellWidth = std::clamp(std::isfinite(opt.cellWidth) ? opt.cellWidth : 340.0, 200.0, 1000.0);
  opt.cellHeight = std::clamp(std::isfinite(opt.cellHeight) ? opt.cellHeight : 240.0, 80.0, 1000.0);
  opt.stageWidth = std::clamp(std::isfinite(opt.stageWidth) ? opt.stageWidth : 240.0, 160.0, 800.0);

  std::string body;
  double contentWidth = 0;
  const double boardTop = kMargin + 80;
  double y = journey ? drawJourney(body, b, opt, boardTop, contentWidth)
                     : drawEmpathyMap(body, b, opt, boardTop, contentWidth);
  const auto others = exporting::unplacedNotes(b);
  if (!others.empty()) y = drawOtherNotes(body, others, b.lang, kMargin, y + 24, contentWidth);
  if (opt.includeActions && !b.actions.empty()) y = drawActions(body, b, kMargin, y + 24, contentWidth);
  const double width = contentWidth + 2 * kMargin;
  const double height = y + kMargin;

  // Header: title and a one-line summary.
  std::string title = exporting::cleanText(b.title, false);
  if (title.empty()) title = journey ? w.journey : w.empathyMap;
  const auto titleLines = wrapText(title, contentWidth, 28, true);
  std::string summary = std::string(journey ? w.journey : w.empathyMap) + "  \xC2\xB7  " +
                        exporting::countNotes(b.notes.size(), b.lang);
  if (!b.actions.empty()) summary += "  \xC2\xB7  " + exporting::countActions(b.actions.size(), b.lang);
  if (!b.persona.name.empty()) summary += "  \xC2\xB7  " + exporting::cleanText(b.persona.name, false);

  std::string out;
  if (opt.xmlDeclaration) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  const double headerExtra = static_cast<double>(titleLines.size() - 1) * 34;
  const double totalH = height + headerExtra;
  out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(width) + "\" height=\"" +
         num(totalH) + "\" viewBox=\"0 0 " + num(width) + " " + num(totalH) + "\" role=\"img\" font-family=\"" +
         kFontFamily + "\">\n";
  out += "<title>" + escapeXml(title, false) + "</title>\n";
  out += "<desc>" + escapeXml(summary, false) + "</desc>\n";
  rect(out, 0, 0, width, totalH, 0, hex(bc.background));
  out += "\n";
  drawLines(out, titleLines, kMargin, kMargin + 28, 34, {28, bc.heading, true});
  drawText(out, summary, kMargin, kMargin + 28 + headerExtra + 28, {14, bc.muted});
  out += "\n";
  if (headerExtra > 0) out += "<g transform=\"translate(0," + num(headerExtra) + ")\">";
  out += body;
  if (headerExtra > 0) out += "</g>";
  out += "\n</svg>\n";
  return out;
}

}  // namespace mapathy
