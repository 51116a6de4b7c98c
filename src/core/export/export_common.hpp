// Mapathy core — helpers shared by the exporters (SVG, CSV, HTML): text cleaning and escaping, text
// measuring and wrapping for a sans font, localised words, and the smooth emotion-curve geometry.
//
// Why a width table instead of a font engine: the core has no fonts and no I/O. The table holds, for
// each character of ASCII and Latin-1, the larger advance width of Inter and DejaVu Sans (the two fonts
// the exports name), so wrapped text never overflows a card whichever of the two the viewer has.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy::exporting {

// Valid UTF-8 with no control characters: invalid sequences become U+FFFD; CR LF and lone CR become LF;
// tab becomes a space; other C0 controls, DEL, C1 controls and the non-characters U+FFFE/U+FFFF are
// dropped. Newlines are kept unless `keepNewlines` is false (then they become spaces); tabs are kept
// when `keepTabs` (CSV), else they become spaces (SVG, HTML).
std::string cleanText(std::string_view text, bool keepNewlines = true, bool keepTabs = false);
// cleanText + escapes & < > " ' for XML/HTML text and attribute values.
std::string escapeXml(std::string_view text, bool keepNewlines = true);

// Estimated advance width of `text` in pixels at `fontSize` (bold or regular).
double textWidth(std::string_view text, double fontSize, bool bold = false);
// Greedy wrap on spaces; newlines force breaks; words wider than `maxWidth` are split between code
// points. Returns at least one line (possibly empty). Input should be cleanText()ed.
std::vector<std::string> wrapText(std::string_view text, double maxWidth, double fontSize, bool bold = false);

// `text` in the quotation marks of `lang` („…“ or “…”), unless it already starts with a quotation mark
// (people often type the quote marks themselves). Input should be cleanText()ed; the result is not escaped.
std::string quoted(std::string_view text, Lang lang);

// Fixed-point number for SVG/CSS: one decimal, no trailing ".0", never "-0". Locale-independent.
std::string num(double v);
// A score as text: "+2", "0", "−1" (typographic minus when `typographic`, else ASCII '-').
std::string scoreText(int score, bool typographic = true);

// Words the exports print, in German and English.
struct Words {
  const char* empathyMap;
  const char* journey;
  const char* persona;
  const char* name;
  const char* role;
  const char* goal;
  const char* quote;
  const char* bio;
  const char* success;
  const char* observed;
  const char* assumed;
  const char* vote;
  const char* votes;
  const char* votesHeader;  // CSV column
  const char* note;
  const char* notes;
  const char* noNotes;
  const char* tags;
  const char* author;
  const char* colour;
  const char* actions;
  const char* action;
  const char* noActions;
  const char* owner;
  const char* noOwner;
  const char* status;
  const char* open;
  const char* doing;
  const char* done;
  const char* linkedNotes;
  const char* board;
  const char* section;
  const char* stage;
  const char* stages;
  const char* lane;
  const char* text;
  const char* evidence;
  const char* id;
  const char* asIs;
  const char* toBe;
  const char* reason;
  const char* expectation;
  const char* experience;
  const char* gap;
  const char* worseThanExpected;
  const char* betterThanExpected;
  const char* asExpected;
  const char* noScore;
  const char* otherNotes;
  const char* textView;      // title suffix of the accessible view
  const char* journeyTable;  // caption of the journey table
  const char* stageDetails;  // heading above the per-stage details
  const char* printHint;     // print page, on screen only: how to print or save as PDF
  const char* scoreWords[5]; // −2 … +2
};
const Words& words(Lang lang);
const char* statusWord(ActionStatus s, Lang lang);
const char* scoreWord(int score, Lang lang);  // clamped
// "1 note" / "3 notes", "1 Notiz" / "3 Notizen"
std::string countNotes(std::size_t n, Lang lang);
std::string countVotes(int n, Lang lang);
std::string countActions(std::size_t n, Lang lang);  // "1 action item" / "2 Maßnahmen"

// Notes in reading order: per section (empathy map) or per stage then lane (journey), then the notes
// whose place does not exist on the board ("other notes"), sorted by id.
struct PlacedNotes {
  std::vector<const Note*> placed;
  std::vector<const Note*> unplaced;
};
PlacedNotes notesInReadingOrder(const Board& board);
std::vector<const Note*> unplacedNotes(const Board& board);

// A point of a curve.
struct Point {
  double x = 0, y = 0;
};
// SVG path data ("M … C …") of a smooth curve through `points` (x strictly increasing): monotone cubic
// Hermite (Fritsch–Carlson) turned into cubic Béziers, so the curve never overshoots a score. Empty for
// no points; a single point gives a zero-length move.
std::string smoothPath(const std::vector<Point>& points);
// An emotion face (disc, eyes, mouth bent by the score) centred at (cx, cy), as SVG elements.
std::string faceSvg(double cx, double cy, double radius, int score);

}  // namespace mapathy::exporting
