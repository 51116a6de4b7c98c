// Mapathy core — HTML exports (see export_html.hpp).
#include "core/export/export_html.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/export/export_common.hpp"
#include "core/model/palette.hpp"

namespace mapathy {

namespace {

using exporting::escapeXml;
using exporting::num;
using exporting::Words;

constexpr const char* kFontFamily = "Inter, 'DejaVu Sans', sans-serif";
// The page's own policy: nothing but its inline CSS and inline SVG may load or run.
// The app opens these pages from Blob URLs, where the app page's own policy (style-src 'self' blob:) applies
// as well: there the stylesheet is moved into a Blob of its own (web/platform.js), so no board page ever
// needs inline style attributes, and the one <style> element comes before any board text.
constexpr const char* kPolicy = "default-src 'none'; style-src 'unsafe-inline' blob:; img-src data:";

std::string esc(std::string_view s) { return escapeXml(s, false); }

// Escaped text with line breaks kept as <br>.
std::string escLines(std::string_view s) {
  const std::string e = escapeXml(s, true);
  std::string out;
  out.reserve(e.size());
  for (char c : e) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

std::string hex(Rgb c) { return toHex(c); }

// lang attribute for board text when it differs from the page's language.
std::string boardLangAttr(const Board& b, Lang ui) {
  return b.lang == ui ? std::string() : std::string(" lang=\"") + toString(b.lang) + "\"";
}

std::string boardTitle(const Board& b, const Words& w) {
  const std::string t = exporting::cleanText(b.title, false);
  if (!t.empty()) return t;
  return b.kind == BoardKind::Journey ? w.journey : w.empathyMap;
}

std::string summaryLine(const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  std::string s = std::string(b.kind == BoardKind::Journey ? w.journey : w.empathyMap) + " \xC2\xB7 " +
                  exporting::countNotes(b.notes.size(), ui);
  if (!b.actions.empty()) s += " \xC2\xB7 " + exporting::countActions(b.actions.size(), ui);
  return esc(s);
}

std::string head(const std::string& title, Lang ui, const std::string& css) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"";
  out += toString(ui);
  out += "\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += std::string("<meta http-equiv=\"Content-Security-Policy\" content=\"") + kPolicy + "\">\n";
  out += "<meta name=\"generator\" content=\"Mapathy\">\n";
  out += "<style>\n" + css + "</style>\n<title>" + esc(title) + "</title>\n</head>\n";
  return out;
}

// "observed · 2 votes · Tags: a, b · Author: X · Yellow" (escaped).
std::string noteMeta(const Note& n, Lang ui) {
  const Words& w = exporting::words(ui);
  std::string s = n.evidence == Evidence::Observed ? w.observed : w.assumed;
  if (n.votes > 0) s += ", " + exporting::countVotes(n.votes, ui);
  if (!n.tags.empty()) {
    s += std::string(", ") + w.tags + ": ";
    for (std::size_t i = 0; i < n.tags.size(); ++i) s += (i > 0 ? ", " : "") + exporting::cleanText(n.tags[i], false);
  }
  if (!n.author.empty()) s += std::string(", ") + w.author + ": " + exporting::cleanText(n.author, false);
  s += std::string(", ") + w.colour + ": " + colourName(n.colour, ui);
  return esc(s);
}

std::string scoreInWords(int score, Lang ui) {
  return exporting::scoreText(score) + " (" + exporting::scoreWord(score, ui) + ")";
}

// Emotion / expectation of one stage in words (escaped), or "" when the lane has nothing there.
std::string emotionText(const Lane& lane, const std::string& stageId, Lang ui) {
  const Words& w = exporting::words(ui);
  auto it = lane.emotions.find(stageId);
  if (it == lane.emotions.end() || (!it->second.asIs && !it->second.toBe && it->second.reason.empty())) return {};
  const EmotionScore& e = it->second;
  std::string s = std::string(w.asIs) + ": " + (e.asIs ? scoreInWords(*e.asIs, ui) : std::string(w.noScore)) + ".";
  if (e.toBe) s += std::string(" ") + w.toBe + ": " + scoreInWords(*e.toBe, ui) + ".";
  std::string out = esc(s);
  if (!e.reason.empty()) out += " " + esc(std::string(w.reason) + ": ") + escLines(e.reason);
  return out;
}

std::string gapText(const Lane& lane, const std::string& stageId, Lang ui) {
  const Words& w = exporting::words(ui);
  auto it = lane.gaps.find(stageId);
  if (it == lane.gaps.end() || (!it->second.expectation && !it->second.experience)) return {};
  const GapScore& g = it->second;
  std::string s = std::string(w.expectation) + ": " +
                  (g.expectation ? scoreInWords(*g.expectation, ui) : std::string(w.noScore)) + ". " + w.experience +
                  ": " + (g.experience ? scoreInWords(*g.experience, ui) : std::string(w.noScore)) + ".";
  if (g.expectation && g.experience) {
    const int gap = std::clamp(*g.experience, kScoreMin, kScoreMax) - std::clamp(*g.expectation, kScoreMin, kScoreMax);
    s += std::string(" ") + w.gap + ": " + exporting::scoreText(gap) + ", " +
         (gap < 0 ? w.worseThanExpected : gap > 0 ? w.betterThanExpected : w.asExpected) + ".";
  }
  return esc(s);
}

std::string laneCellText(const Lane& lane, const std::string& stageId, Lang ui) {
  return lane.kind == LaneKind::Emotion ? emotionText(lane, stageId, ui) : gapText(lane, stageId, ui);
}

// ---------------------------------------------------------------------------------------------
// Accessible view
// ---------------------------------------------------------------------------------------------
std::string accessibleCss() {
  const BoardColours& c = boardColours();
  std::string css;
  css += "body{font-family:" + std::string(kFontFamily) + ";line-height:1.5;color:" + hex(c.text) +
         ";background:#FFFFFF;margin:0;padding:1rem}\n";
  css += "main{max-width:60rem;margin:0 auto}\n";
  css += "h1{font-size:1.8rem;margin:0 0 .25rem}h2{font-size:1.35rem;margin:2rem 0 .5rem}"
         "h3{font-size:1.15rem;margin:1.5rem 0 .4rem}h4{font-size:1rem;margin:1rem 0 .25rem}\n";
  css += ".summary,.meta,.hint,.empty{color:" + hex(c.muted) + "}\n";
  css += "ul{padding-left:1.4rem}li{margin:.35rem 0}\n";
  css += "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:bold}dd{margin:0}\n";
  css += "table{border-collapse:collapse;width:100%;margin:1rem 0}caption{text-align:left;font-weight:bold;"
         "padding:.25rem 0}\n";
  css += "th,td{border:1px solid " + hex(c.gridLine) + ";padding:.4rem .5rem;vertical-align:top;text-align:left}"
         "thead th{background:" + hex(c.background) + "}th[scope=row]{background:" + hex(c.background) + "}\n";
  css += "td ul{margin:0;padding-left:1.1rem}\n";
  css += "@media (prefers-color-scheme: dark){body{background:#111418;color:#E9ECEF}.summary,.meta,.hint,.empty"
         "{color:#ADB5BD}thead th,th[scope=row]{background:#1F2933}th,td{border-color:#495057}}\n";
  return css;
}

std::string notesListHtml(const std::vector<const Note*>& notes, const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  if (notes.empty()) return "<p class=\"empty\">" + esc(w.noNotes) + "</p>\n";
  std::string out = "<ul>\n";
  for (const Note* n : notes) {
    out += "<li><span" + boardLangAttr(b, ui) + ">" + escLines(n->text) + "</span> <span class=\"meta\">(" +
           noteMeta(*n, ui) + ")</span></li>\n";
  }
  out += "</ul>\n";
  return out;
}

std::string personaHtml(const Board& b, Lang ui, int& nextId) {
  const Words& w = exporting::words(ui);
  const Persona& p = b.persona;
  const std::pair<const char*, const std::string*> fields[] = {
      {w.name, &p.name}, {w.role, &p.role}, {w.goal, &p.goal}, {w.quote, &p.quote}, {w.bio, &p.bio},
      {w.success, &p.success}};
  std::string items;
  for (const auto& [label, value] : fields) {
    if (value->empty()) continue;
    items += "<dt>" + esc(label) + "</dt><dd" + boardLangAttr(b, ui) + ">" + escLines(*value) + "</dd>\n";
  }
  if (items.empty()) return {};
  const std::string id = "h" + std::to_string(nextId++);
  return "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(w.persona) + "</h2>\n<dl>\n" +
         items + "</dl>\n</section>\n";
}

std::string actionsHtml(const Board& b, Lang ui, int& nextId) {
  const Words& w = exporting::words(ui);
  const std::string id = "h" + std::to_string(nextId++);
  std::string out = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(w.actions) + "</h2>\n";
  if (b.actions.empty()) return out + "<p class=\"empty\">" + esc(w.noActions) + "</p>\n</section>\n";
  out += "<ul>\n";
  for (const Action& a : b.actions) {
    out += "<li><span" + boardLangAttr(b, ui) + ">" + escLines(a.text) + "</span> <span class=\"meta\">(" +
           esc(std::string(w.status) + ": " + exporting::statusWord(a.status, ui) + ", " + w.owner + ": " +
               (a.owner.empty() ? std::string(w.noOwner) : exporting::cleanText(a.owner, false))) +
           ")</span>";
    std::vector<const Note*> linked;
    for (const std::string& nid : a.notes) {
      if (const Note* n = findNote(b, nid)) linked.push_back(n);
    }
    if (!linked.empty()) {
      out += "\n<br>" + esc(std::string(w.linkedNotes) + ":") + "\n<ul>\n";
      for (const Note* n : linked) out += "<li" + boardLangAttr(b, ui) + ">" + escLines(n->text) + "</li>\n";
      out += "</ul>\n";
    }
    out += "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

std::string otherNotesHtml(const Board& b, Lang ui, int& nextId) {
  const auto others = exporting::unplacedNotes(b);
  if (others.empty()) return {};
  const std::string id = "h" + std::to_string(nextId++);
  return "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(exporting::words(ui).otherNotes) +
         "</h2>\n" + notesListHtml(others, b, ui) + "</section>\n";
}

std::string journeyTableHtml(const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  std::string out = "<table>\n<caption>" + esc(w.journeyTable) + "</caption>\n<thead>\n<tr><th scope=\"col\">" +
                    esc(w.lane) + "</th>";
  for (const Stage& s : b.stages) out += "<th scope=\"col\"" + boardLangAttr(b, ui) + ">" + esc(s.name) + "</th>";
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const Lane& lane : b.lanes) {
    out += "<tr><th scope=\"row\"" + boardLangAttr(b, ui) + ">" + esc(lane.name) + "</th>";
    for (const Stage& s : b.stages) {
      out += "<td>";
      if (lane.kind == LaneKind::Text) {
        const auto notes = notesAt(b, "", s.id, lane.id);
        if (notes.empty()) {
          out += "<span class=\"empty\">" + esc(w.noNotes) + "</span>";
        } else {
          out += "<ul>";
          for (const Note* n : notes) {
            out += "<li><span" + boardLangAttr(b, ui) + ">" + escLines(n->text) + "</span> <span class=\"meta\">(" +
                   noteMeta(*n, ui) + ")</span></li>";
          }
          out += "</ul>";
        }
      } else {
        const std::string t = laneCellText(lane, s.id, ui);
        out += t.empty() ? "<span class=\"empty\">" + esc(w.noScore) + "</span>" : t;
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  return out;
}

std::string stageDetailsHtml(const Board& b, Lang ui, int& nextId) {
  const Words& w = exporting::words(ui);
  const std::string id = "h" + std::to_string(nextId++);
  std::string out = "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(w.stageDetails) + "</h2>\n";
  for (const Stage& s : b.stages) {
    out += "<section>\n<h3" + boardLangAttr(b, ui) + ">" + esc(s.name) + "</h3>\n";
    if (!s.description.empty())
      out += "<p class=\"hint\"" + boardLangAttr(b, ui) + ">" + escLines(s.description) + "</p>\n";
    for (const Lane& lane : b.lanes) {
      out += "<h4" + boardLangAttr(b, ui) + ">" + esc(lane.name) + "</h4>\n";
      if (lane.kind == LaneKind::Text) {
        out += notesListHtml(notesAt(b, "", s.id, lane.id), b, ui);
      } else {
        const std::string t = laneCellText(lane, s.id, ui);
        out += "<p>" + (t.empty() ? esc(w.noScore) : t) + "</p>\n";
      }
    }
    out += "</section>\n";
  }
  return out + "</section>\n";
}

// ---------------------------------------------------------------------------------------------
// Print page
// ---------------------------------------------------------------------------------------------
constexpr double kPageMarginMm = 10;
constexpr double kLaneLabelMm = 30;
constexpr double kCurveHeightMm = 28;
// A journey taller than one page is scaled down to fit it, but never below this: 9 pt card text stays
// above 7.5 pt. A board that still does not fit goes on over more pages (rows are never split).
constexpr double kMinFitScale = 0.84;

double contentWidthMm(PaperSize p) { return (p == PaperSize::A4 ? 297.0 : 279.4) - 2 * kPageMarginMm; }
double contentHeightMm(PaperSize p) { return (p == PaperSize::A4 ? 210.0 : 215.9) - 2 * kPageMarginMm; }

std::string printCss(PaperSize paper, int gridColumns) {
  const BoardColours& c = boardColours();
  const std::string size = paper == PaperSize::A4 ? "A4" : "letter";
  std::string css;
  css += "@page{size:" + size + " landscape;margin:" + num(kPageMarginMm) + "mm}\n";
  css += "*{box-sizing:border-box}html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n";
  css += "body{font-family:" + std::string(kFontFamily) + ";color:" + hex(c.text) +
         ";margin:0;font-size:10pt;line-height:1.3}\n";
  css += ".page{width:" + num(contentWidthMm(paper)) + "mm;break-after:page;page-break-after:always}"
         ".page:last-child{break-after:auto;page-break-after:auto}\n";
  css += "h1{font-size:18pt;margin:0 0 1mm}h2{font-size:12pt;margin:0 0 2mm;break-after:avoid;"
         "page-break-after:avoid}.summary{color:" + hex(c.muted) + ";margin:0 0 4mm;font-size:9pt}\n";
  css += ".map{display:grid;grid-template-columns:repeat(" + std::to_string(gridColumns) +
         ",minmax(0,1fr));gap:0}\n";
  css += ".area{margin:1.2mm;padding:2.5mm;border:0.3mm solid " + hex(c.gridLine) +
         ";border-radius:2mm;min-height:20mm}\n";
  css += ".area h2{border-left:1.4mm solid;padding-left:2mm;display:flex;justify-content:space-between}"
         ".count{font-weight:normal;color:" + hex(c.muted) + ";font-size:9pt}\n";
  css += ".hint{color:" + hex(c.muted) + ";font-style:italic;font-size:8.5pt;margin:0}\n";
  css += ".cards{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1.8mm}\n";
  css += ".card{flex:1 1 34mm;max-width:100%;border:0.3mm solid;border-radius:1.5mm;padding:1.6mm 2mm;"
         "font-size:9pt;break-inside:avoid;page-break-inside:avoid;overflow-wrap:anywhere}\n";
  css += ".card .meta{display:block;font-size:7.5pt;margin-top:1mm}.votes{float:right;font-weight:bold}\n";
  css += ".persona{background:" + hex(c.panel) + ";border-width:0.6mm;text-align:center}\n";
  css += ".avatar{display:inline-block;width:14mm;height:14mm;line-height:14mm;border-radius:50%;font-weight:bold;"
         "font-size:14pt;margin-bottom:1.5mm}\n";
  css += ".persona p{margin:0.8mm 0}.persona .name{font-weight:bold;font-size:13pt}.persona .role{color:" +
         hex(c.muted) + "}.persona .quote{font-style:italic}\n";
  css += "table{width:100%;border-collapse:collapse;table-layout:fixed;font-size:8.5pt}\n";
  css += "th,td{border:0.3mm solid " + hex(c.gridLine) + ";vertical-align:top;text-align:left;padding:1.4mm}\n";
  css += "thead{display:table-header-group}tr{break-inside:avoid;page-break-inside:avoid}\n";
  css += "thead th{background:" + hex(c.background) + ";font-size:9.5pt}th[scope=row]{background:" + hex(c.background) +
         ";width:" + num(kLaneLabelMm) + "mm}\n";
  css += ".journey th.lane{width:" + num(kLaneLabelMm) + "mm}";
  css += ".journey th .desc{display:block;font-weight:normal;color:" + hex(c.muted) + ";font-size:7.5pt}\n";
  css += ".journey td .card{margin-bottom:1.5mm}td.curve{padding:0}td.curve svg{display:block;width:100%;height:" +
         num(kCurveHeightMm) + "mm}\n";
  css += ".gap{display:inline-block;border-radius:1mm;padding:0 1.2mm;margin-top:0.8mm}\n";
  css += ".gap.worse{background:#FFE3E3}.gap.better{background:#D3F9D8}\n";
  css += ".empty{color:" + hex(c.muted) + "}\n";
  for (int i = 0; i < kPaletteSize; ++i) {
    const PaletteColour& p = paletteColour(i);
    const std::string n = std::to_string(i);
    css += ".c" + n + "{background:" + hex(p.fill) + ";color:" + hex(p.ink) + ";border-color:" + hex(p.accent) + "}";
    css += ".t" + n + "{background:" + hex(p.tint) + "}.t" + n + " h2{border-color:" + hex(p.accent) + "}";
    css += ".p" + n + "{border-color:" + hex(p.accent) + "}.p" + n + " .avatar{background:" + hex(p.accent) +
           ";color:" + hex(p.onAccent) + "}\n";
  }
  css += ".print-hint{display:none}@media print{.print-hint{display:none!important}}\n";
  css += "@media screen{.print-hint{display:block;max-width:" + num(contentWidthMm(paper) + 2 * kPageMarginMm) +
         "mm;margin:0 auto 4mm;padding:2mm 4mm;background:#FFF9DB;border:0.3mm solid #E9C46A;border-radius:1.5mm}"
         "body{background:#DEE2E6;padding:8mm 0}.page{background:" + hex(c.panel) +
         ";margin:0 auto 8mm;padding:" + num(kPageMarginMm) + "mm;width:" + num(contentWidthMm(paper) + 2 * kPageMarginMm) +
         "mm;min-height:" + num(contentHeightMm(paper) + 2 * kPageMarginMm) + "mm;box-shadow:0 1mm 4mm rgba(0,0,0,.2)}}\n";
  return css;
}

std::string cardHtml(const Note& n, const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  std::string out = "<li class=\"card c" + std::to_string(paletteIndex(n.colour)) + "\"" + boardLangAttr(b, ui) + ">";
  out += escLines(n.text);
  std::string meta = n.evidence == Evidence::Observed ? w.observed : w.assumed;
  for (const std::string& t : n.tags) {
    const std::string clean = exporting::cleanText(t, false);
    meta += " \xC2\xB7 " + (clean.rfind('#', 0) == 0 ? "" : std::string("#")) + clean;
  }
  if (!n.author.empty()) meta += " \xC2\xB7 " + exporting::cleanText(n.author, false);
  out += "<span class=\"meta\">";
  if (n.votes > 0) out += "<span class=\"votes\">" + esc(exporting::countVotes(n.votes, ui)) + "</span>";
  out += esc(meta) + "</span></li>";
  return out;
}

std::string cardsHtml(const std::vector<const Note*>& notes, const Board& b, Lang ui) {
  std::string out = "<ul class=\"cards\">";
  for (const Note* n : notes) out += cardHtml(*n, b, ui);
  return out + "</ul>";
}

// Grid lines of a rectangle in quarter units (templates use whole units; custom ones may use fractions).
int quarter(float v) {
  if (!std::isfinite(v)) return 0;
  return static_cast<int>(std::lround(std::clamp(v, 0.0f, 64.0f) * 4.0f));
}

std::string gridPlacement(const Rect& r) {
  const int x = quarter(r.x);
  const int y = quarter(r.y);
  const int w = std::max(1, quarter(r.w));
  const int h = std::max(1, quarter(r.h));
  return "grid-column:" + std::to_string(x + 1) + " / span " + std::to_string(w) + ";grid-row:" +
         std::to_string(y + 1) + " / span " + std::to_string(h);
}

std::string printPersona(const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  const Persona& p = b.persona;
  std::string initials = exporting::cleanText(p.initials, false);
  if (initials.empty() && !p.name.empty()) {
    std::size_t len = 1;
    const unsigned char c0 = static_cast<unsigned char>(p.name[0]);
    if (c0 >= 0xC0) len = c0 >= 0xF0 ? 4 : c0 >= 0xE0 ? 3 : 2;
    initials = exporting::cleanText(p.name.substr(0, std::min(len, p.name.size())), false);
  }
  if (initials.empty()) initials = "?";
  std::string out = "<div class=\"area at0 persona p" + std::to_string(paletteIndex(p.colour)) + "\"" +
                    boardLangAttr(b, ui) + ">";
  out += "<div class=\"avatar\" aria-hidden=\"true\">" + esc(initials) + "</div>";
  if (!p.name.empty()) out += "<p class=\"name\">" + esc(p.name) + "</p>";
  if (!p.role.empty()) out += "<p class=\"role\">" + escLines(p.role) + "</p>";
  if (!p.goal.empty()) out += "<p><strong>" + esc(w.goal) + ":</strong> " + escLines(p.goal) + "</p>";
  if (!p.quote.empty()) {
    out += "<p class=\"quote\">" + escLines(exporting::quoted(exporting::cleanText(p.quote), b.lang)) + "</p>";
  }
  if (!p.bio.empty()) out += "<p class=\"hint\">" + escLines(p.bio) + "</p>";
  if (!p.success.empty()) out += "<p class=\"hint\">" + esc(std::string(w.success) + ": ") + escLines(p.success) + "</p>";
  return out + "</div>\n";
}

// Columns of the print grid, in quarter template units.
int mapColumns(const Board& b) {
  int columns = std::max(1, quarter(b.personaRect.x) + std::max(1, quarter(b.personaRect.w)));
  for (const Section& s : b.sections) columns = std::max(columns, quarter(s.rect.x) + std::max(1, quarter(s.rect.w)));
  return columns;
}

// Where the persona (at0) and each section (at1, at2, …) sit on the grid: rules of the page's stylesheet,
// not style attributes (the app's policy allows no inline styles).
std::string printPlacementCss(const Board& b) {
  std::string css = ".at0{" + gridPlacement(b.personaRect) + "}";
  for (std::size_t i = 0; i < b.sections.size(); ++i) {
    css += ".at" + std::to_string(i + 1) + "{" + gridPlacement(b.sections[i].rect) + "}";
  }
  return css + "\n";
}

std::string printEmpathyMap(const Board& b, Lang ui) {
  std::string out = "<div class=\"map\">\n";
  out += printPersona(b, ui);
  std::size_t place = 1;  // grid placement class (printPlacementCss): at0 is the persona
  for (const Section& s : b.sections) {
    const auto notes = notesAt(b, s.id, "", "");
    out += "<section class=\"area at" + std::to_string(place++) + " t" + std::to_string(paletteIndex(s.colour)) + "\">";
    out += "<h2><span" + boardLangAttr(b, ui) + ">" + esc(s.title) + "</span><span class=\"count\">" +
           esc(exporting::countNotes(notes.size(), ui)) + "</span></h2>";
    if (notes.empty()) {
      out += "<p class=\"hint\"" + boardLangAttr(b, ui) + ">" + escLines(s.hint) + "</p>";
    } else {
      out += cardsHtml(notes, b, ui);
    }
    out += "</section>\n";
  }
  return out + "</div>\n";
}

// The emotion curve across all stage columns, sized so one viewBox unit is the same length both ways
// on paper (faces stay round).
std::string printCurve(const Lane& lane, const Board& b, double layoutWidthMm) {
  const BoardColours& c = boardColours();
  const double columns = static_cast<double>(b.stages.size());
  const double unitMm = (layoutWidthMm - kLaneLabelMm) / (columns * 100.0);
  const double height = kCurveHeightMm / unitMm;
  const double radius = 3.2 / unitMm;
  const double pad = radius + 1.5 / unitMm;
  const auto yOf = [&](int s) {
    return pad + static_cast<double>(kScoreMax - std::clamp(s, kScoreMin, kScoreMax)) / (kScoreMax - kScoreMin) *
                     (height - 2 * pad);
  };
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(columns * 100) + " " + num(height) +
                    "\" aria-hidden=\"true\">";
  for (int s = kScoreMin; s <= kScoreMax; ++s) {
    out += "<line x1=\"0\" y1=\"" + num(yOf(s)) + "\" x2=\"" + num(columns * 100) + "\" y2=\"" + num(yOf(s)) +
           "\" stroke=\"" + hex(c.gridLine) + "\" stroke-width=\"" + num(s == 0 ? 0.35 / unitMm : 0.2 / unitMm) + "\"" +
           (s == 0 ? "" : " stroke-dasharray=\"" + num(1 / unitMm) + " " + num(1.2 / unitMm) + "\"") + "/>";
  }
  for (std::size_t i = 1; i < b.stages.size(); ++i) {
    const double x = static_cast<double>(i) * 100;
    out += "<line x1=\"" + num(x) + "\" y1=\"0\" x2=\"" + num(x) + "\" y2=\"" + num(height) + "\" stroke=\"" +
           hex(c.gridLine) + "\" stroke-width=\"" + num(0.3 / unitMm) + "\"/>";
  }
  const auto runs = [&](bool toBe) {
    std::vector<std::vector<exporting::Point>> out2(1);
    for (std::size_t i = 0; i < b.stages.size(); ++i) {
      auto it = lane.emotions.find(b.stages[i].id);
      const std::optional<int> v = it == lane.emotions.end() ? std::nullopt : (toBe ? it->second.toBe : it->second.asIs);
      // A stage without a score is passed over (as in the app), not a break in the curve.
      if (v) out2.back().push_back({static_cast<double>(i) * 100 + 50, yOf(*v)});
    }
    return out2;
  };
  if (lane.showToBe) {
    for (const auto& run : runs(true)) {
      if (run.size() > 1)
        out += "<path d=\"" + exporting::smoothPath(run) + "\" fill=\"none\" stroke=\"" + hex(c.curveToBe) +
               "\" stroke-width=\"" + num(0.6 / unitMm) + "\" stroke-dasharray=\"" + num(2 / unitMm) + " " +
               num(1.5 / unitMm) + "\"/>";
      for (const auto& p : run)
        out += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(1.2 / unitMm) +
               "\" fill=\"#FFFFFF\" stroke=\"" + hex(c.curveToBe) + "\" stroke-width=\"" + num(0.5 / unitMm) + "\"/>";
    }
  }
  for (const auto& run : runs(false)) {
    if (run.size() > 1)
      out += "<path d=\"" + exporting::smoothPath(run) + "\" fill=\"none\" stroke=\"" + hex(c.curveAsIs) +
             "\" stroke-width=\"" + num(0.8 / unitMm) + "\"/>";
  }
  for (std::size_t i = 0; i < b.stages.size(); ++i) {
    auto it = lane.emotions.find(b.stages[i].id);
    if (it == lane.emotions.end() || !it->second.asIs) continue;
    out += exporting::faceSvg(static_cast<double>(i) * 100 + 50, yOf(*it->second.asIs), radius, *it->second.asIs);
  }
  return out + "</svg>";
}

// ---- fitting a journey on one page
// The page has no script, so it cannot measure itself: the core estimates the height of the journey
// table from the same width table the SVG uses (the wider of Inter and DejaVu Sans, so the estimate errs
// on the tall side) and the print CSS above, and scales the page down (CSS zoom) just enough to fit.
constexpr double kMmPerPt = 25.4 / 72.0;
constexpr double kLineHeight = 1.3;   // body line-height in printCss
constexpr double kCellPadMm = 2 * 1.4 + 0.3;  // th/td padding on both sides plus one border

double lineMm(double pt) { return pt * kLineHeight * kMmPerPt; }

// Height in mm of `text` (plain, may hold newlines) wrapped into `widthMm` at `pt` points.
double textHeightMm(std::string_view text, double widthMm, double pt, bool bold = false) {
  const std::string clean = exporting::cleanText(text);
  return static_cast<double>(exporting::wrapText(clean, std::max(1.0, widthMm), pt * kMmPerPt, bold).size()) *
         lineMm(pt);
}

// The escaped HTML of a table cell as text to measure: <br> becomes a line break, other tags go.
std::string measurableText(std::string_view html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 4, "<br>") == 0) {
      out += '\n';
      i += 3;
    } else if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end;
    } else {
      out += html[i];
    }
  }
  return out;
}

// One card of cardHtml(): padding, border, text at 9 pt, the meta line(s) at 7.5 pt, the gap below it.
double cardHeightMm(const Note& n, Lang ui, double cellWidthMm) {
  const Words& w = exporting::words(ui);
  const double inner = cellWidthMm - 2 * 2.0 - 0.6;
  std::string meta = n.evidence == Evidence::Observed ? w.observed : w.assumed;
  for (const std::string& t : n.tags) meta += " \xC2\xB7 #" + t;
  if (!n.author.empty()) meta += " \xC2\xB7 " + n.author;
  if (n.votes > 0) meta += "    " + exporting::countVotes(n.votes, ui);
  return 2 * 1.6 + 0.6 + textHeightMm(n.text, inner, 9) + 1.0 + textHeightMm(meta, inner, 7.5, false) + 1.5;
}

// Estimated height in mm of the journey page (title, summary, table) laid out `layoutWidthMm` wide.
double journeyPageHeightMm(const Board& b, Lang ui, double layoutWidthMm) {
  const Words& w = exporting::words(ui);
  double height = textHeightMm(boardTitle(b, w), layoutWidthMm, 18, true) + 1.0 + lineMm(9) * 2 + 4.0;
  if (b.stages.empty() || b.lanes.empty()) return height;
  const double column = (layoutWidthMm - kLaneLabelMm) / static_cast<double>(b.stages.size());
  const double cell = column - kCellPadMm;
  const double laneCell = kLaneLabelMm - kCellPadMm;
  double head = textHeightMm(w.lane, laneCell, 9.5, true);
  for (const Stage& s : b.stages) {
    double h = textHeightMm(s.name, cell, 9.5, true);
    if (!s.description.empty()) h += textHeightMm(s.description, cell, 7.5);
    head = std::max(head, h);
  }
  height += head + kCellPadMm;
  for (const Lane& lane : b.lanes) {
    const double label = textHeightMm(lane.name, laneCell, 8.5, true);
    double row = 0;
    for (const Stage& s : b.stages) {
      double h = 0;
      if (lane.kind == LaneKind::Text) {
        for (const Note* n : notesAt(b, "", s.id, lane.id)) h += cardHeightMm(*n, ui, cell);
      } else if (lane.kind == LaneKind::Emotion) {
        h = textHeightMm(measurableText(emotionText(lane, s.id, ui)), cell, 8.5);
      } else {
        h = textHeightMm(measurableText(gapText(lane, s.id, ui)), cell, 8.5) + 0.8;
      }
      row = std::max(row, h);
    }
    if (lane.kind == LaneKind::Emotion) {
      height += std::max(label, kCurveHeightMm) + 0.3 + std::max(row, lineMm(8.5)) + kCellPadMm;
    } else {
      height += std::max(label, row) + kCellPadMm;
    }
  }
  return height;
}

}  // namespace

double printFitScale(const Board& b, Lang ui, PaperSize paper) {
  if (b.kind != BoardKind::Journey) return 1.0;
  const double width = contentWidthMm(paper);
  const double height = contentHeightMm(paper);
  // Largest scale, in steps of 1 %, at which the page fits: a smaller scale lays the table out wider
  // (width / scale), so cards wrap less and the board gets shorter as well as smaller.
  for (int percent = 100; percent >= static_cast<int>(std::lround(kMinFitScale * 100)); --percent) {
    const double scale = percent / 100.0;
    if (journeyPageHeightMm(b, ui, width / scale) * scale <= height) return scale;
  }
  return kMinFitScale;
}

namespace {

std::string printJourney(const Board& b, Lang ui, double layoutWidthMm) {
  const Words& w = exporting::words(ui);
  if (b.stages.empty() || b.lanes.empty()) return "<p class=\"empty\">" + esc(w.noNotes) + "</p>\n";
  std::string out = "<table class=\"journey\">\n<thead><tr><th scope=\"col\" class=\"lane\">" + esc(w.lane) + "</th>";
  for (const Stage& s : b.stages) {
    out += "<th scope=\"col\"" + boardLangAttr(b, ui) + ">" + esc(s.name);
    if (!s.description.empty()) out += "<span class=\"desc\">" + escLines(s.description) + "</span>";
    out += "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const Lane& lane : b.lanes) {
    const std::string laneHead = "<th scope=\"row\"" + boardLangAttr(b, ui) + ">" + esc(lane.name) + "</th>";
    if (lane.kind == LaneKind::Emotion) {
      out += "<tr><th scope=\"row\" rowspan=\"2\"" + boardLangAttr(b, ui) + ">" + esc(lane.name) +
             "</th><td class=\"curve\" colspan=\"" + std::to_string(b.stages.size()) + "\">" + printCurve(lane, b, layoutWidthMm) +
             "</td></tr>\n<tr>";
      for (const Stage& s : b.stages) {
        const std::string t = emotionText(lane, s.id, ui);
        out += "<td>" + (t.empty() ? "<span class=\"empty\">" + esc(w.noScore) + "</span>" : t) + "</td>";
      }
      out += "</tr>\n";
      continue;
    }
    out += "<tr>" + laneHead;
    for (const Stage& s : b.stages) {
      out += "<td>";
      if (lane.kind == LaneKind::Text) {
        const auto notes = notesAt(b, "", s.id, lane.id);
        if (!notes.empty()) out += cardsHtml(notes, b, ui);
      } else {
        auto it = lane.gaps.find(s.id);
        if (it != lane.gaps.end() && (it->second.expectation || it->second.experience)) {
          const GapScore& g = it->second;
          out += esc(std::string(w.expectation) + " " +
                     (g.expectation ? exporting::scoreText(*g.expectation) : std::string("\xE2\x80\x94")) + " \xC2\xB7 " +
                     w.experience + " " +
                     (g.experience ? exporting::scoreText(*g.experience) : std::string("\xE2\x80\x94")));
          if (g.expectation && g.experience) {
            const int gap = std::clamp(*g.experience, kScoreMin, kScoreMax) - std::clamp(*g.expectation, kScoreMin, kScoreMax);
            out += "<br><span class=\"gap " + std::string(gap < 0 ? "worse" : gap > 0 ? "better" : "same") + "\">" +
                   esc(std::string(w.gap) + " " + exporting::scoreText(gap) + ", " +
                       (gap < 0 ? w.worseThanExpected : gap > 0 ? w.betterThanExpected : w.asExpected)) +
                   "</span>";
          }
        }
      }
      out += "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string printActionsPage(const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  const auto others = exporting::unplacedNotes(b);
  if (b.actions.empty() && others.empty()) return {};
  std::string out = "<section class=\"page\">\n";
  if (!others.empty()) {
    out += "<h2>" + esc(w.otherNotes) + "</h2>\n" + cardsHtml(others, b, ui) + "\n";
  }
  if (!b.actions.empty()) {
    out += "<h2>" + esc(w.actions) + "</h2>\n<table>\n<thead><tr><th scope=\"col\">" + esc(w.action) +
           "</th><th scope=\"col\">" + esc(w.owner) + "</th><th scope=\"col\">" + esc(w.status) +
           "</th><th scope=\"col\">" + esc(w.linkedNotes) + "</th></tr></thead>\n<tbody>\n";
    for (const Action& a : b.actions) {
      out += "<tr><td" + boardLangAttr(b, ui) + ">" + escLines(a.text) + "</td><td>" + esc(a.owner) + "</td><td>" +
             esc(exporting::statusWord(a.status, ui)) + "</td><td" + boardLangAttr(b, ui) + ">";
      bool first = true;
      for (const std::string& id : a.notes) {
        const Note* n = findNote(b, id);
        if (n == nullptr) continue;
        out += (first ? "" : "<br>") + escLines(n->text);
        first = false;
      }
      out += "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
  }
  return out + "</section>\n";
}

}  // namespace

std::string exportAccessibleHtml(const Board& b, Lang ui) {
  const Words& w = exporting::words(ui);
  const std::string title = boardTitle(b, w);
  std::string out = head(title + " \xE2\x80\x93 " + w.textView, ui, accessibleCss());
  out += "<body>\n<main>\n<header>\n<h1" + boardLangAttr(b, ui) + ">" + esc(title) + "</h1>\n<p class=\"summary\">" +
         summaryLine(b, ui) + "</p>\n</header>\n";
  int nextId = 1;
  out += personaHtml(b, ui, nextId);
  if (b.kind == BoardKind::EmpathyMap) {
    for (const Section& s : b.sections) {
      const auto notes = notesAt(b, s.id, "", "");
      const std::string id = "h" + std::to_string(nextId++);
      out += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\"><span" + boardLangAttr(b, ui) + ">" +
             esc(s.title) + "</span> <span class=\"meta\">(" + esc(exporting::countNotes(notes.size(), ui)) +
             ")</span></h2>\n";
      if (!s.hint.empty()) out += "<p class=\"hint\"" + boardLangAttr(b, ui) + ">" + escLines(s.hint) + "</p>\n";
      out += notesListHtml(notes, b, ui) + "</section>\n";
    }
  } else {
    const std::string id = "h" + std::to_string(nextId++);
    out += "<section aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + esc(w.journey) + "</h2>\n";
    out += journeyTableHtml(b, ui) + "</section>\n";
    out += stageDetailsHtml(b, ui, nextId);
  }
  out += otherNotesHtml(b, ui, nextId);
  out += actionsHtml(b, ui, nextId);
  out += "</main>\n</body>\n</html>\n";
  return out;
}

std::string exportPrintHtml(const Board& b, Lang ui, PaperSize paper) {
  const Words& w = exporting::words(ui);
  const std::string title = boardTitle(b, w);
  const int columns = b.kind == BoardKind::EmpathyMap ? mapColumns(b) : 1;
  // A journey that would run over its page is scaled to fit it (printFitScale); the wrapper is laid out
  // wider by the same factor, so it fills the page's width after scaling.
  const double scale = printFitScale(b, ui, paper);
  const double layoutWidth = contentWidthMm(paper) / scale;
  std::string css = printCss(paper, columns);
  if (b.kind == BoardKind::EmpathyMap) css += printPlacementCss(b);
  if (scale < 1.0) {
    css += ".fit{zoom:" + std::to_string(std::lround(scale * 100)) + "%;width:" + num(layoutWidth) + "mm}\n";
  }
  std::string out = head(title, ui, css);
  out += "<body>\n<p class=\"print-hint\">" + esc(w.printHint) + "</p>\n";
  out += "<section class=\"page\">\n";
  if (scale < 1.0) out += "<div class=\"fit\">\n";
  out += "<h1" + boardLangAttr(b, ui) + ">" + esc(title) +
         "</h1>\n<p class=\"summary\">" + summaryLine(b, ui);
  if (b.kind == BoardKind::Journey && !b.persona.name.empty())
    out += " \xC2\xB7 " + esc(w.persona) + ": <span" + boardLangAttr(b, ui) + ">" + esc(b.persona.name) + "</span>";
  out += "</p>\n";
  out += b.kind == BoardKind::EmpathyMap ? printEmpathyMap(b, ui) : printJourney(b, ui, layoutWidth);
  if (scale < 1.0) out += "</div>\n";
  out += "</section>\n";
  out += printActionsPage(b, ui);
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace mapathy
