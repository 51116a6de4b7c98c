// Mapathy core — PRIVATE to src/core/io/markdown_*.cpp: the Markdown syntax both directions share.
//
// [SECTION] Small text helpers (UTF-8, numbers, names)            markdown_text.cpp
// [SECTION] Inline text: escaping on export, decoding on import   markdown_text.cpp
// [SECTION] Attributes `{colour=2 votes=3 …}`, tags, evidence      markdown_text.cpp
// [SECTION] Vocabulary: names of sections, lanes, stages, persona  markdown_vocabulary.cpp
// [SECTION] Scores and table cells                                 markdown_vocabulary.cpp
// [SECTION] Import: lines → blocks                                 markdown_blocks.cpp
// The two directions themselves: markdown_export.cpp and markdown_import.cpp (blocks → board).
//
// Why a "Decoded" string with a literal flag per byte: the importer must tell a structural `#`, `{`,
// `|` or `<br>` from one the exporter escaped (`\#`, `&#32;`). Decoding first and keeping the flag lets
// every later step look only at unescaped characters, so any text survives the round trip.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/limits.hpp"
#include "core/model/model.hpp"

namespace mapathy::markdown_syntax {

// ---------------------------------------------------------------------------------------------
// [SECTION] Small text helpers, inline text, attributes (markdown_text.cpp)
// ---------------------------------------------------------------------------------------------
// Where a piece of text is written decides what must be escaped in it.
enum class Ctx {
  Line,    // a line of a note, persona field or action (block markers matter at its start)
  Cell,    // a line inside a table cell (pipes, bullets, dashes)
  Attr,    // a quoted attribute value (quotes, newlines)
  Tag,     // a `#tag` (whitespace and `#` inside)
  Heading, // a heading's text (newlines)
  Label,   // a "Label: value" label (colons)
  Reason,  // the reason in an emotion cell (numbers, signs and arrows at its start)
  Action,  // an action's text or owner (`(@owner)` at its end)
};

// Text after decoding, with a flag per byte: true when the byte came from an escape or entity and so
// can never be structure.
struct Decoded {
  std::string s;
  std::vector<bool> lit;

  void add(char c, bool literal) {
    s += c;
    lit.push_back(literal);
  }
  void add(std::string_view piece, bool literal) {
    s += piece;
    lit.insert(lit.end(), piece.size(), literal);
  }
  void append(const Decoded& o) {
    s += o.s;
    lit.insert(lit.end(), o.lit.begin(), o.lit.end());
  }
  [[nodiscard]] std::size_t size() const { return s.size(); }
  [[nodiscard]] bool is(std::size_t i, char c) const { return i < s.size() && s[i] == c && !lit[i]; }
  [[nodiscard]] bool ws(std::size_t i) const {
    return i < s.size() && !lit[i] && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n');
  }
  [[nodiscard]] Decoded sub(std::size_t b, std::size_t e) const {
    Decoded d;
    e = std::min(e, s.size());
    if (b >= e) return d;
    d.s = s.substr(b, e - b);
    d.lit.assign(lit.begin() + static_cast<std::ptrdiff_t>(b), lit.begin() + static_cast<std::ptrdiff_t>(e));
    return d;
  }
  [[nodiscard]] Decoded trimmed() const {
    std::size_t b = 0;
    std::size_t e = s.size();
    while (b < e && ws(b)) ++b;
    while (e > b && ws(e - 1)) --e;
    return sub(b, e);
  }
  [[nodiscard]] bool startsWith(std::string_view p) const {
    if (s.size() < p.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i) {
      if (s[i] != p[i] || lit[i]) return false;
    }
    return true;
  }
};

struct Attrs {
  bool present = false;  // a `{…}` block was found (maybe empty)
  std::optional<int> colour;
  std::optional<int> votes;
  std::optional<std::string> author;
  std::vector<std::string> tags;
  std::optional<Evidence> evidence;
  std::optional<ActionStatus> status;
  std::vector<std::size_t> noteRefs;
  std::optional<LaneKind> kind;
  std::optional<std::string> role;
  std::optional<std::string> hint;
  bool toBe = false;
  bool section = false;
};

bool isSpace(char c);
bool isDigit(char c);
bool isAsciiPunct(char c);
std::string_view trimView(std::string_view s);
// As CommonMark does, NUL becomes U+FFFD too.
void appendUtf8(std::string& out, std::uint32_t cp);
// The code point starting at s[i] (s is valid UTF-8) and its length.
std::pair<std::uint32_t, std::size_t> codePointAt(std::string_view s, std::size_t i);
// A refusal about one line of the Markdown text ("Line 12: …").
Error atLine(std::size_t line, Error what);
// Lower-case, umlauts folded (ä→ae, ß→ss), punctuation dropped, spaces collapsed: "Think & Feel:
// Pains" → "think feel pains", "Fühlt" → "fuehlt". Used to match headings to known names.
std::string normalizeName(std::string_view s);
std::string hex64(std::uint64_t v);
void entity(std::string& out, std::uint32_t cp);
// True when `s` at `i` starts something the decoder would read as an entity.
bool looksLikeEntity(std::string_view s, std::size_t i);
// Escapes one line of text (no '\n' unless the context turns it into an entity) so the importer reads
// back exactly `text` and a Markdown viewer shows it literally.
std::string encodeInline(std::string_view text, Ctx ctx, bool atLineStart = true);
// Multi-line text as escaped lines. Leading and trailing line breaks become `&#10;` on the first and
// last line (a blank line at either end would vanish); blank lines inside stay blank lines.
std::vector<std::string> encodeMulti(std::string_view text, Ctx ctx, bool firstAtLineStart = true);
std::string joinWith(const std::vector<std::string>& lines, std::string_view sep);
Decoded decodeInline(std::string_view raw);
std::string lowerAscii(std::string_view s);
std::optional<int> smallInt(std::string_view s, int lo, int hi);
// Parses the inside of a `{…}` block. Returns false (the braces are then plain text) when a key is
// unknown or a value invalid, so hand-written "{placeholder}" stays in the note.
bool parseAttrBody(const Decoded& d, Attrs& out);
// Strips a trailing `{…}` attribute block from `d` (when it parses).
Attrs takeAttrs(Decoded& d);
// Strips trailing `#tag` words from the last line. A tag starts with a letter (or an escaped
// character), so "order #4711" and "C#" stay text.
std::vector<std::string> takeTags(Decoded& d);
// Strips a leading `[observed]` / `[beobachtet]` / `[assumed]` / `[vermutet]`.
std::optional<Evidence> takeEvidence(Decoded& d);

// ---------------------------------------------------------------------------------------------
// [SECTION] Vocabulary, scores and table cells (markdown_vocabulary.cpp)
// ---------------------------------------------------------------------------------------------
enum class Word { En, De, Both };

struct Alias {
  const char* id;
  const char* name;  // already normalised
  Word lang;
};

enum class Special { None, Actions, Persona, Stages };

// Persona field names (normalised) → field key.
struct PersonaLabel {
  const char* name;
  const char* field;
  Word lang;
};

// Known names of every built-in section, stage and lane: template titles in both languages plus the
// aliases above. Built once from the templates, so a new template is matched without code changes.
struct KnownPart {
  std::string id;
  Word lang;
};

struct Vocabulary {
  std::map<std::string, std::vector<KnownPart>> sections;  // normalised name → candidates
  std::map<std::string, std::vector<KnownPart>> stages;
  std::map<std::string, std::vector<KnownPart>> lanes;
  std::map<std::string, Section> sectionDefs[2];  // id → definition, per language (0 en, 1 de)
  std::map<std::string, Stage> stageDefs[2];
  std::map<std::string, Lane> laneDefs[2];
};

struct EmotionCell {
  EmotionScore score;
  bool hasScore = false;      // at least one number
  bool hasSeparator = false;  // "score: reason" form (or no reason)
  bool outOfRange = false;
};

struct GapCell {
  GapScore score;
  bool ok = false;  // reads as "a / b", "a /", "/ b" or "a"
  bool outOfRange = false;
};

struct CellParts {
  Decoded head;                 // text before the first bullet (scores in emotion/expectation lanes)
  std::vector<Decoded> bullets; // each a note (lines joined by '\n')
  std::vector<Decoded> plain;   // head segments, one note each, in text lanes
};

// Extra names people write for sections of an empathy map, beyond the template titles.
const std::vector<Alias>& sectionAliases();
const std::vector<Alias>& laneAliases();
const std::vector<Alias>& stageAliases();
Special specialHeading(const std::string& norm, Word& lang);
const std::vector<PersonaLabel>& personaLabels();
std::string* personaField(Persona& p, std::string_view field);
void addKnown(std::map<std::string, std::vector<KnownPart>>& m, const std::string& norm, const std::string& id, Word lang);
const Vocabulary& vocabulary();
const KnownPart* lookup(const std::map<std::string, std::vector<KnownPart>>& m, const std::string& norm);
int langIndex(Lang l);
// Scores in journey cells: "+1", "-2 → +1: reason", "2 / -1".
// True when d holds the unescaped bytes `p` at i.
bool hasAt(const Decoded& d, std::size_t i, std::string_view p);
// Reads a score at d[i] ("+2", "-1", "0", "−2", "±0"); on success advances i.
std::optional<int> readScore(const Decoded& d, std::size_t& i, bool& outOfRange);
void skipWs(const Decoded& d, std::size_t& i);
bool readArrow(const Decoded& d, std::size_t& i);
EmotionCell parseEmotion(const Decoded& d);
GapCell parseGap(const Decoded& in);
std::string scoreText(int v);
// Table cells: split a decoded cell at `<br>`; segments starting with a bullet begin a new note.
std::vector<Decoded> splitBr(const Decoded& d);
bool bulletSegment(Decoded& seg);
bool emptyMarker(const Decoded& seg);
// A name written across `<br>` (stage or lane with a line break in it).
std::string brToNewline(const Decoded& d);
CellParts splitCell(const Decoded& cell);
// What a lane's cells look like when its name says nothing: all scores → emotion, all "a / b" →
// expectation, otherwise text. Export runs the same test on what it writes, so it can add an
// explicit `{kind=…}` whenever the guess would be wrong.
LaneKind inferLaneKind(const std::vector<Decoded>& cells);
// Split a raw table row at unescaped pipes (leading and trailing pipes optional).
std::vector<std::string_view> splitRow(std::string_view row);
bool hasUnescapedPipe(std::string_view line);
bool isDelimiterRow(std::string_view line);

// The entry `id` of a definition table, or nullptr.
template <class T>
const T* definition(const std::map<std::string, T>& defs, const std::optional<std::string>& id) {
  if (!id) return nullptr;
  auto it = defs.find(*id);
  return it == defs.end() ? nullptr : &it->second;
}

// The defaults a known id gets on import: from the board's own template when it has that part
// (the canvas "Say" has another hint than the classic "Says"), else from the first template that does.
template <class T>
const T* partDefault(const std::vector<T>& templateParts, const std::map<std::string, T>& defs,
                     const std::optional<std::string>& id) {
  if (!id) return nullptr;
  for (const T& part : templateParts) {
    if (part.id == *id) return &part;
  }
  return definition(defs, id);
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Import: lines → blocks (markdown_blocks.cpp)
// ---------------------------------------------------------------------------------------------
struct Line {
  std::string_view text;  // without the line break, trailing whitespace removed
  std::size_t number;     // 1-based
};

struct Block {
  enum Type { Heading, Item, Paragraph, Table, Meta } type = Paragraph;
  std::size_t line = 0;
  int level = 0;                        // heading level
  std::string_view text;                // heading text
  std::vector<std::string_view> lines;  // item/paragraph lines (first after the marker); table rows
  std::vector<std::size_t> rowLines;    // table: line number per row
  bool numbered = false;
};

struct BlockLimits {
  std::size_t maxHeadings;
  std::size_t maxItems;
  std::size_t maxRows;
  std::size_t maxItemBytes;
};

std::vector<Line> splitDocument(std::string_view text);
std::size_t indentOf(std::string_view l);
std::string_view stripIndent(std::string_view l);
// "## Title ##" → level 2, "Title". Returns 0 when `content` is not a heading.
int headingLevel(std::string_view content, std::string_view& text);
// "- x", "* x", "+ x", "1. x", "2) x" → the text after the marker.
bool bulletMarker(std::string_view content, std::string_view& rest, bool& numbered);
bool thematicBreak(std::string_view content);
Result<std::vector<Block>> toBlocks(const std::vector<Line>& lines, const BlockLimits& lim);

}  // namespace mapathy::markdown_syntax
