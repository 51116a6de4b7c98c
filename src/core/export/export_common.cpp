// Mapathy core — shared export helpers (see export_common.hpp).
#include "core/export/export_common.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <charconv>
#include <cmath>
#include <cstdint>

#include "core/base/emoji.hpp"
#include "core/base/text.hpp"
#include "core/model/palette.hpp"

namespace mapathy::exporting {

namespace {

// Advance widths in 1/1000 em: max(Inter, DejaVu Sans) for U+0020…U+007E then U+00A0…U+00FF.
constexpr std::array<std::uint16_t, 191> kRegularWidths = {{
    318, 401, 460, 838, 638, 950, 780, 275, 390, 390, 500, 838, 318, 460, 318, 357,
    636, 636, 636, 636, 642, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531,
    1000, 684, 686, 727, 770, 632, 587, 775, 752, 295, 543, 656, 562, 889, 753, 787,
    635, 787, 695, 638, 642, 741, 684, 989, 685, 665, 685, 390, 357, 390, 838, 500,
    500, 613, 635, 558, 635, 615, 361, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 523, 392, 634, 592, 818, 592, 592, 541, 636, 337, 636, 838, 318,
    401, 636, 636, 723, 636, 337, 551, 591, 1000, 471, 612, 838, 460, 1000, 500, 500,
    838, 420, 430, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969, 531, 684,
    684, 684, 684, 684, 684, 990, 727, 632, 632, 632, 632, 295, 295, 295, 295, 775,
    753, 787, 787, 787, 787, 787, 838, 787, 741, 741, 741, 741, 665, 631, 630, 613,
    613, 613, 613, 613, 613, 982, 558, 615, 615, 615, 615, 278, 278, 278, 278, 612,
    634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592, 635, 592,
}};
constexpr std::array<std::uint16_t, 191> kBoldWidths = {{
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 565, 838, 380, 469, 380, 390,
    696, 696, 696, 696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580,
    1031, 774, 762, 752, 830, 683, 683, 821, 837, 372, 570, 775, 637, 995, 837, 850,
    733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 390, 457, 838, 500,
    500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687,
    716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 374, 712, 838, 348,
    456, 696, 696, 765, 696, 365, 593, 535, 1000, 564, 646, 838, 469, 1000, 565, 500,
    838, 438, 442, 500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035, 580, 774,
    774, 774, 774, 774, 774, 1085, 752, 683, 683, 683, 683, 372, 372, 372, 372, 838,
    837, 850, 850, 850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675,
    675, 675, 675, 675, 675, 1048, 593, 678, 678, 678, 678, 343, 343, 343, 343, 687,
    712, 687, 687, 687, 687, 687, 838, 687, 712, 712, 712, 712, 652, 716, 652,
}};

double advance(char32_t cp, bool bold) {
  const auto& table = bold ? kBoldWidths : kRegularWidths;
  if (cp >= 0x20 && cp <= 0x7E) return table[cp - 0x20] / 1000.0;
  if (cp >= 0xA0 && cp <= 0xFF) return table[95 + (cp - 0xA0)] / 1000.0;
  // Zero-width: combining marks, joiners, variation selectors.
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0.0;
  // Wide: CJK, Hangul, full-width forms.
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 1.0;
  // Emoji and pictographs are drawn wider than an em by most fallback fonts.
  if ((cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF)) return 1.25;
  if (cp == 0x2014 || cp == 0x2026) return 1.0;  // em dash, ellipsis
  return bold ? 0.75 : 0.7;  // anything else: a wide Latin-like guess, so we err on wrapping early
}

// The advance of the character at `i` (an emoji sequence is one, as wide as an emoji) and where the next starts.
double advanceAt(std::string_view text, std::size_t& i, bool bold) {
  if (const std::size_t sequence = text::emojiSequenceLength(text, i); sequence > 0) {
    i += sequence;
    return 1.25;
  }
  const char32_t cp = text::decodeUtf8(text, i);
  return text::isInvisibleMark(cp) ? 0.0 : advance(cp, bold);
}

}  // namespace

std::string cleanText(std::string_view text, bool keepNewlines, bool keepTabs) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = text::decodeUtf8(text, i);
    if (cp == '\r') {
      if (i < text.size() && text[i] == '\n') ++i;
      out += keepNewlines ? '\n' : ' ';
      continue;
    }
    if (cp == '\n') {
      out += keepNewlines ? '\n' : ' ';
      continue;
    }
    if (cp == '\t') {
      out += keepTabs ? '\t' : ' ';
      continue;
    }
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF) continue;
    text::appendUtf8(out, cp);
  }
  return out;
}

std::string escapeXml(std::string_view text, bool keepNewlines) {
  const std::string clean = cleanText(text, keepNewlines);
  std::string out;
  out.reserve(clean.size() + clean.size() / 8);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

double textWidth(std::string_view text, double fontSize, bool bold) {
  double em = 0;
  std::size_t i = 0;
  while (i < text.size()) em += advanceAt(text, i, bold);
  return em * fontSize;
}

std::vector<std::string> wrapText(std::string_view text, double maxWidth, double fontSize, bool bold) {
  std::vector<std::string> lines;
  const double space = advance(' ', bold) * fontSize;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view paragraph = text.substr(start, end - start);
    std::string line;
    double lineWidth = 0;
    bool any = false;
    std::size_t p = 0;
    while (p < paragraph.size()) {
      while (p < paragraph.size() && paragraph[p] == ' ') ++p;
      if (p >= paragraph.size()) break;
      std::size_t q = paragraph.find(' ', p);
      if (q == std::string_view::npos) q = paragraph.size();
      std::string_view word = paragraph.substr(p, q - p);
      p = q;
      double wordWidth = textWidth(word, fontSize, bold);
      if (!line.empty() && lineWidth + space + wordWidth <= maxWidth) {
        line += ' ';
        line += word;
        lineWidth += space + wordWidth;
        continue;
      }
      if (!line.empty()) {
        lines.push_back(std::move(line));
        line.clear();
        lineWidth = 0;
      }
      any = true;
      // Split a word that is wider than the line between code points.
      while (wordWidth > maxWidth) {
        std::size_t k = 0;
        double w = 0;
        std::size_t lastFit = 0;
        while (k < word.size()) {
          std::size_t next = k;
          const double a = advanceAt(word, next, bold) * fontSize;  // never inside an emoji sequence
          if (w + a > maxWidth && lastFit > 0) break;
          w += a;
          k = next;
          lastFit = k;
        }
        lines.emplace_back(word.substr(0, lastFit));
        word = word.substr(lastFit);
        wordWidth = textWidth(word, fontSize, bold);
      }
      line = std::string(word);
      lineWidth = wordWidth;
    }
    if (!line.empty() || !any) lines.push_back(std::move(line));
    if (end == text.size()) break;
    start = end + 1;
  }
  if (lines.empty()) lines.emplace_back();
  return lines;
}

std::string quoted(std::string_view text, Lang lang) {
  // " ' „ “ ” ‚ ‘ ’ « » ‹ ›
  static constexpr std::string_view kMarks[] = {"\"", "'", "\xE2\x80\x9E", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9A",
                                                "\xE2\x80\x98", "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", "\xE2\x80\xB9", "\xE2\x80\xBA"};
  for (std::string_view mark : kMarks) {
    if (text.substr(0, mark.size()) == mark) return std::string(text);
  }
  return lang == Lang::De ? "\xE2\x80\x9E" + std::string(text) + "\xE2\x80\x9C"
                          : "\xE2\x80\x9C" + std::string(text) + "\xE2\x80\x9D";
}

std::string num(double v) {
  if (!std::isfinite(v)) return "0";
  double r = std::round(v * 10.0) / 10.0;
  if (r == 0.0) r = 0.0;  // no "-0"
  std::array<char, 64> buf{};
  // snprintf, not std::to_chars: Emscripten 3.1.6's libc++ has no floating-point to_chars. The program
  // never calls setlocale, so "%.1f" uses the C locale's '.'.
  const int length = std::snprintf(buf.data(), buf.size(), "%.1f", r);
  std::string s(buf.data(), length > 0 ? static_cast<std::size_t>(length) : 0);
  if (s.size() >= 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  if (s == "-0") s = "0";
  return s;
}

std::string scoreText(int score, bool typographic) {
  if (score > 0) return "+" + std::to_string(score);
  if (score == 0) return "0";
  return (typographic ? std::string("\xE2\x88\x92") : std::string("-")) + std::to_string(-score);
}

namespace {

const Words kEnglish = {
    "Empathy map", "Customer journey", "Persona", "Name", "Role", "Goal", "Quote", "About", "Success means",
    "observed", "assumed", "vote", "votes", "Votes", "note", "notes", "No notes", "Tags", "Author", "Colour",
    "Action items", "Action item", "No action items yet", "Owner", "no owner", "Status", "open", "in progress", "done", "Linked notes",
    "Board", "Section", "Stage", "Stages", "Lane", "Text", "Evidence", "ID", "As is", "To be", "Reason",
    "Expectation", "Experience", "Gap", "worse than expected", "better than expected", "as expected", "no score",
    "Other notes", "text view", "Customer journey: lanes by stage", "Stages in detail",
    "To print or save as PDF, press Ctrl+P (\xE2\x8C\x98P on a Mac). The page is laid out in landscape.",
    {"very negative", "negative", "neutral", "positive", "very positive"}};

const Words kGerman = {
    "Empathy Map", "Customer Journey", "Persona", "Name", "Rolle", "Ziel", "Zitat", "Über die Person",
    "Erfolg bedeutet", "beobachtet", "vermutet", "Stimme", "Stimmen", "Stimmen", "Notiz", "Notizen", "Keine Notizen",
    "Tags", "Autor:in", "Farbe", "Maßnahmen", "Maßnahme", "Noch keine Maßnahmen", "Verantwortlich",
    "niemand verantwortlich", "Status", "offen", "in Arbeit", "erledigt", "Verknüpfte Notizen", "Board",
    "Bereich", "Phase", "Phasen", "Ebene", "Text", "Beleg", "ID", "Ist", "Soll", "Grund", "Erwartung",
    "Erlebnis", "Lücke", "schlechter als erwartet", "besser als erwartet", "wie erwartet", "keine Bewertung",
    "Weitere Notizen", "Textansicht", "Customer Journey: Ebenen je Phase", "Phasen im Detail",
    "Zum Drucken oder Speichern als PDF Strg+P dr\xC3\xBC" "cken (\xE2\x8C\x98P auf dem Mac). Die Seite ist im Querformat angelegt.",
    {"sehr negativ", "negativ", "neutral", "positiv", "sehr positiv"}};

}  // namespace

const Words& words(Lang lang) { return lang == Lang::De ? kGerman : kEnglish; }

const char* statusWord(ActionStatus s, Lang lang) {
  const Words& w = words(lang);
  switch (s) {
    case ActionStatus::Open: return w.open;
    case ActionStatus::Doing: return w.doing;
    case ActionStatus::Done: return w.done;
  }
  return w.open;
}

const char* scoreWord(int score, Lang lang) {
  const int s = std::clamp(score, kScoreMin, kScoreMax);
  return words(lang).scoreWords[s - kScoreMin];
}

std::string countNotes(std::size_t n, Lang lang) {
  const Words& w = words(lang);
  return std::to_string(n) + " " + (n == 1 ? w.note : w.notes);
}

std::string countVotes(int n, Lang lang) {
  const Words& w = words(lang);
  return std::to_string(n) + " " + (n == 1 ? w.vote : w.votes);
}

std::string countActions(std::size_t n, Lang lang) {
  const Words& w = words(lang);
  if (lang == Lang::De) return std::to_string(n) + " " + (n == 1 ? w.action : w.actions);
  return std::to_string(n) + " " + (n == 1 ? "action item" : "action items");
}

std::vector<const Note*> unplacedNotes(const Board& board) {
  std::vector<const Note*> out;
  for (const Note& n : board.notes) {
    const bool placed = board.kind == BoardKind::EmpathyMap
                            ? (n.stage.empty() && n.lane.empty() && findSection(board, n.section) != nullptr)
                            : (n.section.empty() && findStage(board, n.stage) != nullptr &&
                               findLane(board, n.lane) != nullptr);
    if (!placed) out.push_back(&n);
  }
  std::sort(out.begin(), out.end(), [](const Note* a, const Note* b) {
    if (a->id != b->id) return a->id < b->id;
    return a->text < b->text;
  });
  return out;
}

PlacedNotes notesInReadingOrder(const Board& board) {
  PlacedNotes out;
  if (board.kind == BoardKind::EmpathyMap) {
    for (const Section& s : board.sections) {
      for (const Note* n : notesAt(board, s.id, "", "")) out.placed.push_back(n);
    }
  } else {
    for (const Stage& st : board.stages) {
      for (const Lane& l : board.lanes) {
        for (const Note* n : notesAt(board, "", st.id, l.id)) out.placed.push_back(n);
      }
    }
  }
  out.unplaced = unplacedNotes(board);
  return out;
}

std::string smoothPath(const std::vector<Point>& pts) {
  if (pts.empty()) return {};
  std::string d = "M" + num(pts[0].x) + "," + num(pts[0].y);
  const std::size_t n = pts.size();
  if (n == 1) return d;
  // Secant slopes (dy/dx) and Fritsch–Carlson tangents.
  std::vector<double> delta(n - 1);
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const double dx = pts[k + 1].x - pts[k].x;
    delta[k] = dx != 0.0 ? (pts[k + 1].y - pts[k].y) / dx : 0.0;
  }
  std::vector<double> m(n);
  m[0] = delta[0];
  m[n - 1] = delta[n - 2];
  for (std::size_t k = 1; k + 1 < n; ++k) {
    m[k] = delta[k - 1] * delta[k] <= 0.0 ? 0.0 : (delta[k - 1] + delta[k]) / 2.0;
  }
  for (std::size_t k = 0; k + 1 < n; ++k) {
    if (delta[k] == 0.0) {
      m[k] = 0.0;
      m[k + 1] = 0.0;
      continue;
    }
    const double a = m[k] / delta[k];
    const double b = m[k + 1] / delta[k];
    const double s = a * a + b * b;
    if (s > 9.0) {
      const double t = 3.0 / std::sqrt(s);
      m[k] = t * a * delta[k];
      m[k + 1] = t * b * delta[k];
    }
  }
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const double h = (pts[k + 1].x - pts[k].x) / 3.0;
    d += " C" + num(pts[k].x + h) + "," + num(pts[k].y + m[k] * h) + " " + num(pts[k + 1].x - h) + "," +
         num(pts[k + 1].y - m[k + 1] * h) + " " + num(pts[k + 1].x) + "," + num(pts[k + 1].y);
  }
  return d;
}

std::string faceSvg(double cx, double cy, double r, int score) {
  const int s = std::clamp(score, kScoreMin, kScoreMax);
  const std::string ink = "#1F2933";
  std::string out;
  out += "<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" fill=\"" +
         toHex(emotionColour(s)) + "\" stroke=\"#FFFFFF\" stroke-width=\"2\"/>";
  const double eye = r * 0.13;
  out += "<circle cx=\"" + num(cx - r * 0.35) + "\" cy=\"" + num(cy - r * 0.25) + "\" r=\"" + num(eye) +
         "\" fill=\"" + ink + "\"/>";
  out += "<circle cx=\"" + num(cx + r * 0.35) + "\" cy=\"" + num(cy - r * 0.25) + "\" r=\"" + num(eye) +
         "\" fill=\"" + ink + "\"/>";
  const double mouthY = cy + r * 0.3;
  const double bend = s * r * 0.18;  // positive: corners up (a smile), negative: a frown
  out += "<path d=\"M" + num(cx - r * 0.42) + "," + num(mouthY - bend * 0.5) + " Q" + num(cx) + "," +
         num(mouthY + bend * 1.5) + " " + num(cx + r * 0.42) + "," + num(mouthY - bend * 0.5) +
         "\" fill=\"none\" stroke=\"" + ink + "\" stroke-width=\"" + num(r * 0.13) +
         "\" stroke-linecap=\"round\"/>";
  return out;
}

}  // namespace mapathy::exporting
