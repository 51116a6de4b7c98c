// Mapathy core — Markdown import and export (see markdown.hpp for the outline).
//
// [SECTION] Small text helpers (UTF-8, numbers, names)
// [SECTION] Inline text: escaping on export, decoding on import (Decoded keeps which bytes were escaped)
// [SECTION] Attributes `{colour=2 votes=3 …}`, tags `#tag`, evidence `[observed]`
// [SECTION] Vocabulary: section, lane, stage, persona and heading names in German and English
// [SECTION] Export
// [SECTION] Import: lines → blocks
// [SECTION] Import: blocks → board
//
// Why a "Decoded" string with a literal flag per byte: the importer must tell a structural `#`, `{`,
// `|` or `<br>` from one the exporter escaped (`\#`, `&#32;`). Decoding first and keeping the flag lets
// every later step look only at unescaped characters, so any text survives the round trip.
#include "core/io/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/base/hash.hpp"
#include "core/base/text.hpp"
#include "core/model/templates.hpp"

namespace mapathy {

namespace {

// ---------------------------------------------------------------------------------------------
// [SECTION] Small text helpers
// ---------------------------------------------------------------------------------------------
bool isSpace(char c) { return c == ' ' || c == '\t'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

std::string_view trimView(std::string_view s) {
  std::size_t b = 0;
  std::size_t e = s.size();
  while (b < e && isSpace(s[b])) ++b;
  while (e > b && isSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// As CommonMark does, NUL becomes U+FFFD too.
void appendUtf8(std::string& out, std::uint32_t cp) { text::appendUtf8(out, cp == 0 ? char32_t{0xFFFD} : char32_t{cp}); }

// The code point starting at s[i] (s is valid UTF-8) and its length.
std::pair<std::uint32_t, std::size_t> codePointAt(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  std::uint32_t cp = c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return {cp, len};
}

std::string lineRef(std::size_t line) { return "Line " + text::groupedThousands(line) + ": "; }

// Lower-case, umlauts folded (ä→ae, ß→ss), punctuation dropped, spaces collapsed: "Think & Feel:
// Pains" → "think feel pains", "Fühlt" → "fuehlt". Used to match headings to known names.
std::string normalizeName(std::string_view s) {
  std::string out;
  bool space = false;
  auto put = [&out, &space](std::string_view piece) {
    if (space && !out.empty()) out += ' ';
    space = false;
    out += piece;
  };
  for (std::size_t i = 0; i < s.size();) {
    auto [cp, len] = codePointAt(s, i);
    i += len;
    if (cp < 0x80) {
      auto c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if ((c >= 'a' && c <= 'z') || isDigit(c)) {
        put(std::string_view(&c, 1));
      } else {
        space = true;
      }
      continue;
    }
    switch (cp) {
      case 0xE4: case 0xC4: put("ae"); break;  // ä Ä
      case 0xF6: case 0xD6: put("oe"); break;  // ö Ö
      case 0xFC: case 0xDC: put("ue"); break;  // ü Ü
      case 0xDF: case 0x1E9E: put("ss"); break;  // ß ẞ
      case 0xA0: case 0x2013: case 0x2014: case 0x2019: case 0x201C: case 0x201D: case 0x201E: case 0xB7:
        space = true;
        break;
      default: {
        std::string piece;
        appendUtf8(piece, cp);
        put(piece);
      }
    }
  }
  return out;
}

std::string hex64(std::uint64_t v) {
  static const char* kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[v & 0xF];
    v >>= 4;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Inline text
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

void entity(std::string& out, std::uint32_t cp) { out += "&#" + std::to_string(cp) + ";"; }

// True when `s` at `i` starts something the decoder would read as an entity.
bool looksLikeEntity(std::string_view s, std::size_t i) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '#') {
    ++j;
    if (j < s.size() && (s[j] == 'x' || s[j] == 'X')) ++j;
    std::size_t start = j;
    while (j < s.size() && j - start < 8 && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
    return j > start && j < s.size() && s[j] == ';';
  }
  std::size_t start = j;
  while (j < s.size() && j - start < 32 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
  return j > start && j < s.size() && s[j] == ';';
}

// Escapes one line of text (no '\n' unless the context turns it into an entity) so the importer reads
// back exactly `text` and a Markdown viewer shows it literally.
std::string encodeInline(std::string_view text, Ctx ctx, bool atLineStart = true) {
  std::string out;
  out.reserve(text.size() + 8);
  std::size_t lead = 0;
  while (lead < text.size() && isSpace(text[lead])) ++lead;
  std::size_t trail = text.size();
  while (trail > lead && isSpace(text[trail - 1])) --trail;
  for (std::size_t i = 0; i < lead; ++i) entity(out, static_cast<unsigned char>(text[i]));
  const std::size_t first = lead;
  bool markerDone = !atLineStart;
  for (std::size_t i = lead; i < trail;) {
    const char c = text[i];
    const bool start = i == first;
    if (start && !markerDone) {
      markerDone = true;
      // Block markers and things the importer reads at the start of a line or cell.
      if (c == '-' || c == '+' || c == '=' || c == '>' || c == ':') {
        out += '\\';
        out += c;
        ++i;
        continue;
      }
      if (isDigit(c)) {
        std::size_t j = i;
        while (j < trail && isDigit(text[j])) ++j;
        if (ctx == Ctx::Reason || ctx == Ctx::Tag) {
          entity(out, static_cast<unsigned char>(c));
          ++i;
          continue;
        }
        if (j < trail && (text[j] == '.' || text[j] == ')')) {
          out.append(text.substr(i, j - i));
          out += '\\';
          out += text[j];
          i = j + 1;
          continue;
        }
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        auto [cp, len] = codePointAt(text, i);
        // bullet, dashes, minus, plus-minus and arrow: read as markers or signs in cells and scores
        if (cp == 0x2022 || cp == 0x2013 || cp == 0x2014 || cp == 0x2212 || cp == 0xB1 || cp == 0x2192) {
          entity(out, cp);
          i += len;
          continue;
        }
      }
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc < 0x20 || uc == 0x7F) {
      if (c == '\t' && ctx != Ctx::Tag && ctx != Ctx::Attr) {
        out += c;
      } else {
        entity(out, uc);
      }
      ++i;
      continue;
    }
    switch (c) {
      case '\\': case '*': case '_': case '`': case '[': case ']': case '<': case '>': case '{': case '}':
      case '~': case '|': case '"':
        out += '\\';
        out += c;
        break;
      case '#':
        if (ctx == Ctx::Tag || i == 0 || isSpace(text[i - 1]) || text[i - 1] == '\n') out += '\\';
        out += c;
        break;
      case '@':
      case '(':
        if (ctx == Ctx::Action) out += '\\';  // `(@owner)` and `(Owner: …)` at the end of an action
        out += c;
        break;
      case ':':
        if (ctx == Ctx::Label) out += '\\';
        out += c;
        break;
      case '/':
        if (ctx == Ctx::Reason) out += '\\';
        out += c;
        break;
      case ' ':
        if (ctx == Ctx::Tag) {
          entity(out, ' ');
        } else {
          out += c;
        }
        break;
      case '&':
        if (looksLikeEntity(text, i)) out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
    ++i;
  }
  for (std::size_t i = std::max(trail, lead); i < text.size(); ++i) entity(out, static_cast<unsigned char>(text[i]));
  return out;
}

// Multi-line text as escaped lines. Leading and trailing line breaks become `&#10;` on the first and
// last line (a blank line at either end would vanish); blank lines inside stay blank lines.
std::vector<std::string> encodeMulti(std::string_view text, Ctx ctx, bool firstAtLineStart = true) {
  std::size_t leading = 0;
  while (leading < text.size() && text[leading] == '\n') ++leading;
  text.remove_prefix(leading);
  std::size_t trailing = 0;
  while (!text.empty() && text.back() == '\n') {
    text.remove_suffix(1);
    ++trailing;
  }
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    lines.push_back(encodeInline(line, ctx, lines.empty() ? firstAtLineStart : true));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  std::string lead;
  for (std::size_t i = 0; i < leading; ++i) lead += "&#10;";
  lines.front() = lead + lines.front();
  for (std::size_t i = 0; i < trailing; ++i) lines.back() += "&#10;";
  return lines;
}

std::string joinWith(const std::vector<std::string>& lines, std::string_view sep) {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += sep;
    out += lines[i];
  }
  return out;
}

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

Decoded decodeInline(std::string_view raw) {
  Decoded d;
  d.s.reserve(raw.size());
  d.lit.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == '\\' && i + 1 < raw.size() && isAsciiPunct(raw[i + 1])) {
      d.add(raw[i + 1], true);
      i += 2;
      continue;
    }
    if (c == '&' && looksLikeEntity(raw, i)) {
      std::size_t semi = raw.find(';', i);
      std::string_view body = raw.substr(i + 1, semi - i - 1);
      std::optional<std::uint32_t> cp;
      if (body.size() >= 2 && body[0] == '#') {
        std::uint32_t v = 0;
        bool hex = body[1] == 'x' || body[1] == 'X';
        for (std::size_t k = hex ? 2 : 1; k < body.size(); ++k) {
          auto ch = static_cast<unsigned char>(body[k]);
          std::uint32_t digit = isDigit(body[k]) ? ch - '0' : static_cast<std::uint32_t>(std::tolower(ch) - 'a' + 10);
          if (!hex && digit > 9) {
            v = 0xFFFD;
            break;
          }
          v = v * (hex ? 16u : 10u) + digit;
          if (v > 0x10FFFF) v = 0x110000;
        }
        cp = v;
      } else if (body == "amp") {
        cp = '&';
      } else if (body == "lt") {
        cp = '<';
      } else if (body == "gt") {
        cp = '>';
      } else if (body == "quot") {
        cp = '"';
      } else if (body == "apos") {
        cp = '\'';
      } else if (body == "nbsp") {
        cp = 0xA0;
      }
      if (cp) {
        std::string piece;
        appendUtf8(piece, *cp);
        d.add(piece, true);
        i = semi + 1;
        continue;
      }
    }
    d.add(c, false);
    ++i;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Attributes, tags, evidence
// ---------------------------------------------------------------------------------------------
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

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<int> smallInt(std::string_view s, int lo, int hi) {
  if (s.empty() || s.size() > 6) return std::nullopt;
  int v = 0;
  for (char c : s) {
    if (!isDigit(c)) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v < lo || v > hi) return std::nullopt;
  return v;
}

// Parses the inside of a `{…}` block. Returns false (the braces are then plain text) when a key is
// unknown or a value invalid, so hand-written "{placeholder}" stays in the note.
bool parseAttrBody(const Decoded& d, Attrs& out) {
  std::size_t i = 0;
  while (true) {
    while (i < d.size() && (d.ws(i) || d.is(i, ','))) ++i;
    if (i >= d.size()) return true;
    std::size_t k = i;
    while (k < d.size() && !d.ws(k) && !d.is(k, '=') && !d.is(k, ',')) ++k;
    std::string key = lowerAscii(d.s.substr(i, k - i));
    std::optional<std::string> value;
    i = k;
    if (d.is(i, '=')) {
      ++i;
      std::string v;
      if (d.is(i, '"')) {
        ++i;
        while (i < d.size() && !d.is(i, '"')) v += d.s[i++];
        if (i >= d.size()) return false;
        ++i;
      } else {
        while (i < d.size() && !d.ws(i)) v += d.s[i++];
      }
      value = std::move(v);
    }
    auto need = [&value]() { return value.has_value(); };
    if (key == "colour" || key == "color" || key == "farbe") {
      if (!need()) return false;
      out.colour = smallInt(*value, 0, kPaletteSize - 1);
      if (!out.colour) return false;
    } else if (key == "votes" || key == "vote" || key == "stimmen" || key == "stimme" || key == "punkte") {
      if (!need()) return false;
      out.votes = smallInt(*value, 0, 999999);
      if (!out.votes) return false;
    } else if (key == "author" || key == "autor" || key == "autorin" || key == "by" || key == "von") {
      if (!need()) return false;
      out.author = *value;
    } else if (key == "tag" || key == "tags" || key == "schlagwort") {
      if (!need()) return false;
      out.tags.push_back(*value);
    } else if (key == "observed" || key == "beobachtet") {
      if (value) return false;
      out.evidence = Evidence::Observed;
    } else if (key == "assumed" || key == "vermutet") {
      if (value) return false;
      out.evidence = Evidence::Assumed;
    } else if (key == "status") {
      if (!need()) return false;
      std::string v = normalizeName(*value);
      if (v == "open" || v == "offen") {
        out.status = ActionStatus::Open;
      } else if (v == "doing" || v == "in arbeit" || v == "in progress" || v == "laeuft") {
        out.status = ActionStatus::Doing;
      } else if (v == "done" || v == "erledigt" || v == "fertig") {
        out.status = ActionStatus::Done;
      } else {
        return false;
      }
    } else if (key == "notes" || key == "notizen" || key == "note" || key == "notiz") {
      if (!need()) return false;
      std::string_view v = *value;
      while (!v.empty()) {
        std::size_t comma = v.find(',');
        std::string_view piece = v.substr(0, comma);
        auto n = smallInt(piece, 1, 999999);
        if (!n) return false;
        out.noteRefs.push_back(static_cast<std::size_t>(*n));
        v = comma == std::string_view::npos ? std::string_view{} : v.substr(comma + 1);
      }
    } else if (key == "kind" || key == "art") {
      if (!need()) return false;
      std::string v = normalizeName(*value);
      if (v == "text") {
        out.kind = LaneKind::Text;
      } else if (v == "emotion" || v == "emotionen" || v == "emotions") {
        out.kind = LaneKind::Emotion;
      } else if (v == "expectation" || v == "erwartung") {
        out.kind = LaneKind::Expectation;
      } else {
        return false;
      }
    } else if (key == "role" || key == "rolle") {
      if (!need()) return false;
      out.role = *value;
    } else if (key == "hint" || key == "hinweis") {
      if (!need()) return false;
      out.hint = *value;
    } else if (key == "to-be" || key == "soll") {
      if (value) return false;
      out.toBe = true;
    } else if (key == "section" || key == "bereich") {
      if (value) return false;
      out.section = true;
    } else {
      return false;
    }
  }
}

// Strips a trailing `{…}` attribute block from `d` (when it parses).
Attrs takeAttrs(Decoded& d) {
  Attrs attrs;
  Decoded t = d.trimmed();
  if (t.size() < 2 || !t.is(t.size() - 1, '}')) return attrs;
  std::size_t open = t.size() - 1;
  while (open > 0 && !t.is(open - 1, '{')) --open;
  if (open == 0) return attrs;
  --open;
  Attrs parsed;
  if (!parseAttrBody(t.sub(open + 1, t.size() - 1), parsed)) return attrs;
  parsed.present = true;
  d = t.sub(0, open).trimmed();
  return parsed;
}

// Strips trailing `#tag` words from the last line. A tag starts with a letter (or an escaped
// character), so "order #4711" and "C#" stay text.
std::vector<std::string> takeTags(Decoded& d) {
  std::vector<std::string> tags;
  d = d.trimmed();
  while (d.size() > 0) {
    std::size_t p = d.size();
    while (p > 0 && !d.ws(p - 1)) --p;
    if (!d.is(p, '#') || p + 1 >= d.size()) break;
    const char next = d.s[p + 1];
    if (!d.lit[p + 1] && (next == '#' || isDigit(next) || isAsciiPunct(next))) break;
    tags.push_back(d.s.substr(p + 1));
    if (p > 0 && d.is(p - 1, '\n')) {
      d = d.sub(0, p - 1);
      break;
    }
    d = d.sub(0, p).trimmed();
  }
  std::reverse(tags.begin(), tags.end());
  return tags;
}

// Strips a leading `[observed]` / `[beobachtet]` / `[assumed]` / `[vermutet]`.
std::optional<Evidence> takeEvidence(Decoded& d) {
  d = d.trimmed();
  if (!d.is(0, '[')) return std::nullopt;
  std::size_t close = 1;
  while (close < d.size() && close < 40 && !d.is(close, ']') && !d.is(close, '\n')) ++close;
  if (!d.is(close, ']')) return std::nullopt;
  std::string word = normalizeName(d.s.substr(1, close - 1));
  std::optional<Evidence> e;
  if (word == "observed" || word == "beobachtet") e = Evidence::Observed;
  if (word == "assumed" || word == "vermutet") e = Evidence::Assumed;
  if (e) d = d.sub(close + 1, d.size()).trimmed();
  return e;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Vocabulary
// ---------------------------------------------------------------------------------------------
enum class Word { En, De, Both };

struct Alias {
  const char* id;
  const char* name;  // already normalised
  Word lang;
};

// Extra names people write for sections of an empathy map, beyond the template titles.
const std::vector<Alias>& sectionAliases() {
  static const std::vector<Alias> k = {
      {"says", "says", Word::En}, {"says", "say", Word::En}, {"says", "sagt", Word::De}, {"says", "sagen", Word::De},
      {"says", "what they say", Word::En}, {"says", "was sagt sie", Word::De}, {"says", "was sagt er", Word::De},
      {"thinks", "thinks", Word::En}, {"thinks", "think", Word::En}, {"thinks", "thoughts", Word::En},
      {"thinks", "denkt", Word::De}, {"thinks", "denken", Word::De}, {"thinks", "gedanken", Word::De},
      {"does", "does", Word::En}, {"does", "do", Word::En}, {"does", "doing", Word::En}, {"does", "behaviour", Word::En},
      {"does", "behavior", Word::En}, {"does", "tut", Word::De}, {"does", "tun", Word::De}, {"does", "macht", Word::De},
      {"does", "handelt", Word::De}, {"does", "verhalten", Word::De},
      {"feels", "feels", Word::En}, {"feels", "feel", Word::En}, {"feels", "feelings", Word::En},
      {"feels", "emotions", Word::En}, {"feels", "fuehlt", Word::De}, {"feels", "fuehlen", Word::De},
      {"feels", "gefuehle", Word::De}, {"feels", "emotionen", Word::De},
      {"sees", "sees", Word::En}, {"sees", "see", Word::En}, {"sees", "sieht", Word::De}, {"sees", "sehen", Word::De},
      {"hears", "hears", Word::En}, {"hears", "hear", Word::En}, {"hears", "hoert", Word::De}, {"hears", "hoeren", Word::De},
      {"pains", "pains", Word::En}, {"pains", "pain", Word::En}, {"pains", "pain points", Word::Both},
      {"pains", "painpoints", Word::Both}, {"pains", "frustrations", Word::En}, {"pains", "schmerzpunkte", Word::De},
      {"pains", "schmerzen", Word::De}, {"pains", "frust", Word::De}, {"pains", "aengste", Word::De},
      {"pains", "probleme", Word::De},
      {"gains", "gains", Word::En}, {"gains", "gain", Word::En}, {"gains", "wants", Word::En},
      {"gains", "needs", Word::En}, {"gains", "gewinne", Word::De}, {"gains", "gewinn", Word::De},
      {"gains", "wuensche", Word::De}, {"gains", "nutzen", Word::De}, {"gains", "beduerfnisse", Word::De},
      {"goal", "goal", Word::En}, {"goal", "goals", Word::En}, {"goal", "ziel", Word::De}, {"goal", "ziele", Word::De},
  };
  return k;
}

const std::vector<Alias>& laneAliases() {
  static const std::vector<Alias> k = {
      {"actions", "actions", Word::En}, {"actions", "customer actions", Word::En}, {"actions", "activities", Word::En},
      {"actions", "steps", Word::En}, {"actions", "does", Word::En}, {"actions", "aktionen", Word::De},
      {"actions", "handlungen", Word::De}, {"actions", "aktivitaeten", Word::De}, {"actions", "schritte", Word::De},
      {"actions", "tut", Word::De}, {"actions", "kundenaktionen", Word::De},
      {"touchpoints", "touchpoints", Word::Both}, {"touchpoints", "touchpoint", Word::Both},
      {"touchpoints", "channels", Word::En}, {"touchpoints", "touchpoints channels", Word::En},
      {"touchpoints", "touchpoints kanaele", Word::De}, {"touchpoints", "kontaktpunkte", Word::De},
      {"touchpoints", "kontaktpunkt", Word::De}, {"touchpoints", "kanaele", Word::De},
      {"touchpoints", "beruehrungspunkte", Word::De},
      {"thoughts", "thoughts", Word::En}, {"thoughts", "thinks", Word::En}, {"thoughts", "gedanken", Word::De},
      {"thoughts", "denkt", Word::De},
      {"emotions", "emotions", Word::En}, {"emotions", "emotion", Word::Both}, {"emotions", "emotion curve", Word::En},
      {"emotions", "emotional curve", Word::En}, {"emotions", "feelings", Word::En}, {"emotions", "mood", Word::En},
      {"emotions", "emotionen", Word::De}, {"emotions", "emotionskurve", Word::De}, {"emotions", "gefuehle", Word::De},
      {"emotions", "gefuehlskurve", Word::De}, {"emotions", "stimmung", Word::De},
      {"expectations", "expectations", Word::En}, {"expectations", "expectation", Word::En},
      {"expectations", "expectation vs experience", Word::En}, {"expectations", "expectation experience", Word::En},
      {"expectations", "erwartung", Word::De}, {"expectations", "erwartungen", Word::De},
      {"expectations", "erwartung vs erlebnis", Word::De}, {"expectations", "erwartung erlebnis", Word::De},
      {"expectations", "erwartung vs erfahrung", Word::De},
      {"painpoints", "pain points", Word::Both}, {"painpoints", "painpoints", Word::Both},
      {"painpoints", "pain point", Word::Both}, {"painpoints", "pains", Word::En}, {"painpoints", "schmerzpunkte", Word::De},
      {"painpoints", "schmerzpunkt", Word::De}, {"painpoints", "probleme", Word::De}, {"painpoints", "frust", Word::De},
      {"opportunities", "opportunities", Word::En}, {"opportunities", "opportunity", Word::En},
      {"opportunities", "ideas", Word::En}, {"opportunities", "chancen", Word::De}, {"opportunities", "chance", Word::De},
      {"opportunities", "ideen", Word::De}, {"opportunities", "verbesserungen", Word::De},
      {"quotes", "quotes", Word::En}, {"quotes", "says", Word::En}, {"quotes", "zitate", Word::De},
      {"quotes", "sagt", Word::De}, {"quotes", "o toene", Word::De},
  };
  return k;
}

const std::vector<Alias>& stageAliases() {
  static const std::vector<Alias> k = {
      {"awareness", "discover", Word::En}, {"awareness", "discovery", Word::En}, {"awareness", "bewusstsein", Word::De},
      {"awareness", "wahrnehmung", Word::De}, {"consideration", "research", Word::En}, {"consideration", "compare", Word::En},
      {"consideration", "evaluation", Word::En}, {"consideration", "abwaegen", Word::De},
      {"consideration", "recherche", Word::De}, {"consideration", "vergleich", Word::De},
      {"purchase", "buy", Word::En}, {"purchase", "kaufen", Word::De}, {"purchase", "kaufentscheidung", Word::De},
      {"use", "usage", Word::En}, {"use", "verwendung", Word::De}, {"support", "hilfe", Word::De},
      {"support", "kundenservice", Word::De}, {"loyalty", "retention", Word::En}, {"loyalty", "bindung", Word::De},
      {"loyalty", "kundenbindung", Word::De}, {"loyalty", "loyalitaet", Word::De},
      {"trigger", "trigger", Word::En}, {"trigger", "ausloeser", Word::De}, {"contact", "contact", Word::En},
      {"contact", "kontakt", Word::De}, {"waiting", "waiting", Word::En}, {"waiting", "warteschleife", Word::De},
      {"followup", "followup", Word::En},
  };
  return k;
}

enum class Special { None, Actions, Persona, Stages };

Special specialHeading(const std::string& norm, Word& lang) {
  static const std::vector<std::pair<const char*, Word>> kActions = {
      {"actions", Word::En}, {"action items", Word::En}, {"next steps", Word::En}, {"todos", Word::En},
      {"to dos", Word::En}, {"massnahmen", Word::De}, {"nächste schritte", Word::De}, {"naechste schritte", Word::De},
      {"aufgaben", Word::De}, {"todo", Word::Both}};
  for (const auto& [name, l] : kActions) {
    if (norm == name) {
      lang = l;
      return Special::Actions;
    }
  }
  if (norm == "persona" || norm == "who" || norm == "wer") {
    lang = norm == "who" ? Word::En : norm == "wer" ? Word::De : Word::Both;
    return Special::Persona;
  }
  if (norm == "stages" || norm == "phasen" || norm == "stage descriptions" || norm == "phasenbeschreibungen") {
    lang = norm.front() == 's' ? Word::En : Word::De;
    return Special::Stages;
  }
  return Special::None;
}

// Persona field names (normalised) → field key.
struct PersonaLabel {
  const char* name;
  const char* field;
  Word lang;
};

const std::vector<PersonaLabel>& personaLabels() {
  static const std::vector<PersonaLabel> k = {
      {"name", "name", Word::Both}, {"persona", "name", Word::Both}, {"role", "role", Word::En},
      {"job", "role", Word::En}, {"rolle", "role", Word::De}, {"beruf", "role", Word::De}, {"goal", "goal", Word::En},
      {"needs to do", "goal", Word::En}, {"ziel", "goal", Word::De}, {"aufgabe", "goal", Word::De},
      {"quote", "quote", Word::En}, {"zitat", "quote", Word::De}, {"motto", "quote", Word::Both},
      {"bio", "bio", Word::Both}, {"about", "bio", Word::En}, {"background", "bio", Word::En},
      {"biografie", "bio", Word::De}, {"hintergrund", "bio", Word::De}, {"steckbrief", "bio", Word::De},
      {"initials", "initials", Word::En}, {"initialen", "initials", Word::De}, {"kuerzel", "initials", Word::De},
      {"success", "success", Word::En}, {"success measure", "success", Word::En}, {"erfolg", "success", Word::De},
      {"erfolgsmass", "success", Word::De}, {"erfolgskriterium", "success", Word::De}};
  return k;
}

std::string* personaField(Persona& p, std::string_view field) {
  if (field == "name") return &p.name;
  if (field == "role") return &p.role;
  if (field == "goal") return &p.goal;
  if (field == "quote") return &p.quote;
  if (field == "bio") return &p.bio;
  if (field == "initials") return &p.initials;
  if (field == "success") return &p.success;
  return nullptr;
}

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

void addKnown(std::map<std::string, std::vector<KnownPart>>& m, const std::string& norm, const std::string& id, Word lang) {
  auto& list = m[norm];
  for (auto& k : list) {
    if (k.id == id) {
      if (k.lang != lang) k.lang = Word::Both;
      return;
    }
  }
  list.push_back({id, lang});
}

const Vocabulary& vocabulary() {
  static const Vocabulary v = [] {
    Vocabulary voc;
    for (int li = 0; li < 2; ++li) {
      const Lang lang = li == 0 ? Lang::En : Lang::De;
      const Word w = li == 0 ? Word::En : Word::De;
      for (const auto& t : listTemplates(lang)) {
        auto b = makeBoard(t.kind, t.id, lang);
        if (!b.ok()) continue;
        for (const auto& s : b->sections) {
          addKnown(voc.sections, normalizeName(s.title), s.id, w);
          voc.sectionDefs[li].emplace(s.id, s);
        }
        for (const auto& s : b->stages) {
          addKnown(voc.stages, normalizeName(s.name), s.id, w);
          voc.stageDefs[li].emplace(s.id, s);
        }
        for (const auto& l : b->lanes) {
          addKnown(voc.lanes, normalizeName(l.name), l.id, w);
          voc.laneDefs[li].emplace(l.id, l);
        }
      }
    }
    for (const auto& a : sectionAliases()) addKnown(voc.sections, a.name, a.id, a.lang);
    for (const auto& a : laneAliases()) addKnown(voc.lanes, a.name, a.id, a.lang);
    for (const auto& a : stageAliases()) addKnown(voc.stages, a.name, a.id, a.lang);
    return voc;
  }();
  return v;
}

const KnownPart* lookup(const std::map<std::string, std::vector<KnownPart>>& m, const std::string& norm) {
  auto it = m.find(norm);
  if (it == m.end() || it->second.empty()) return nullptr;
  return &it->second.front();
}

int langIndex(Lang l) { return l == Lang::De ? 1 : 0; }

// ---------------------------------------------------------------------------------------------
// Scores in journey cells: "+1", "-2 → +1: reason", "2 / -1"
// ---------------------------------------------------------------------------------------------
// True when d holds the unescaped bytes `p` at i.
bool hasAt(const Decoded& d, std::size_t i, std::string_view p) {
  if (i + p.size() > d.size()) return false;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (d.s[i + k] != p[k] || d.lit[i + k]) return false;
  }
  return true;
}

// Reads a score at d[i] ("+2", "-1", "0", "−2", "±0"); on success advances i.
std::optional<int> readScore(const Decoded& d, std::size_t& i, bool& outOfRange) {
  std::size_t j = i;
  int sign = 1;
  if (d.is(j, '+')) {
    ++j;
  } else if (d.is(j, '-')) {
    sign = -1;
    ++j;
  } else if (hasAt(d, j, "\xE2\x88\x92")) {  // − (minus sign)
    sign = -1;
    j += 3;
  } else if (hasAt(d, j, "\xC2\xB1")) {  // ±
    j += 2;
  }
  std::size_t start = j;
  int v = 0;
  while (j < d.size() && !d.lit[j] && isDigit(d.s[j]) && j - start < 4) v = v * 10 + (d.s[j++] - '0');
  if (j == start) return std::nullopt;
  if (j < d.size() && !d.ws(j) && !d.is(j, ':') && !d.is(j, '/') && !d.is(j, '-') && !hasAt(d, j, "\xE2\x86\x92")) {
    return std::nullopt;  // "1.5", "3x": not a score
  }
  v *= sign;
  outOfRange = v < kScoreMin || v > kScoreMax;
  i = j;
  return v;
}

void skipWs(const Decoded& d, std::size_t& i) {
  while (d.ws(i)) ++i;
}

bool readArrow(const Decoded& d, std::size_t& i) {
  if (hasAt(d, i, "\xE2\x86\x92")) {  // →
    i += 3;
    return true;
  }
  if (d.is(i, '-') && d.is(i + 1, '>')) {
    i += 2;
    return true;
  }
  return false;
}

struct EmotionCell {
  EmotionScore score;
  bool hasScore = false;      // at least one number
  bool hasSeparator = false;  // "score: reason" form (or no reason)
  bool outOfRange = false;
};

EmotionCell parseEmotion(const Decoded& d) {
  EmotionCell out;
  std::size_t i = 0;
  skipWs(d, i);
  bool oor = false;
  if (auto v = readScore(d, i, oor)) {
    out.score.asIs = *v;
    out.hasScore = true;
    out.outOfRange |= oor;
  }
  std::size_t save = i;
  skipWs(d, i);
  if (readArrow(d, i)) {
    skipWs(d, i);
    if (auto v = readScore(d, i, oor)) {
      out.score.toBe = *v;
      out.hasScore = true;
      out.outOfRange |= oor;
    } else {
      i = save;
    }
  } else {
    i = save;
  }
  std::size_t afterScores = i;
  skipWs(d, i);
  if (out.hasScore && d.is(i, ':')) {
    ++i;
    out.hasSeparator = true;
  } else {
    i = afterScores;
    out.hasSeparator = i >= d.size() || d.trimmed().size() == 0 || d.sub(i, d.size()).trimmed().size() == 0;
  }
  out.score.reason = d.sub(i, d.size()).trimmed().s;
  return out;
}

struct GapCell {
  GapScore score;
  bool ok = false;  // reads as "a / b", "a /", "/ b" or "a"
  bool outOfRange = false;
};

GapCell parseGap(const Decoded& in) {
  GapCell out;
  Decoded d = in.trimmed();
  if (d.size() == 0) {
    out.ok = true;
    return out;
  }
  std::size_t i = 0;
  bool oor = false;
  if (auto v = readScore(d, i, oor)) {
    out.score.expectation = *v;
    out.outOfRange |= oor;
  }
  skipWs(d, i);
  if (d.is(i, '/')) {
    ++i;
    skipWs(d, i);
    if (auto v = readScore(d, i, oor)) {
      out.score.experience = *v;
      out.outOfRange |= oor;
    }
    skipWs(d, i);
  }
  out.ok = i >= d.size() && (out.score.expectation || out.score.experience);
  return out;
}

std::string scoreText(int v) { return v > 0 ? "+" + std::to_string(v) : std::to_string(v); }

// ---------------------------------------------------------------------------------------------
// Table cells: split a decoded cell at `<br>`; segments starting with a bullet begin a new note.
// ---------------------------------------------------------------------------------------------
std::vector<Decoded> splitBr(const Decoded& d) {
  std::vector<Decoded> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (!d.is(i, '<')) continue;
    std::size_t j = i + 1;
    if (j + 2 <= d.size() && (d.s[j] == 'b' || d.s[j] == 'B') && (d.s[j + 1] == 'r' || d.s[j + 1] == 'R')) {
      j += 2;
      while (d.is(j, ' ')) ++j;
      if (d.is(j, '/')) ++j;
      if (d.is(j, '>')) {
        out.push_back(d.sub(start, i));
        start = j + 1;
        i = j;
      }
    }
  }
  out.push_back(d.sub(start, d.size()));
  return out;
}

bool bulletSegment(Decoded& seg) {
  Decoded t = seg.trimmed();
  if (t.startsWith("\xE2\x80\xA2")) {
    seg = t.sub(3, t.size()).trimmed();
    return true;
  }
  if ((t.is(0, '-') || t.is(0, '*') || t.is(0, '+')) && t.ws(1)) {
    seg = t.sub(2, t.size()).trimmed();
    return true;
  }
  return false;
}

bool emptyMarker(const Decoded& seg) {
  Decoded t = seg.trimmed();
  return t.size() == 0 || (t.size() == 1 && t.is(0, '-')) || (t.size() == 3 && hasAt(t, 0, "\xE2\x80\x93")) ||
         (t.size() == 3 && hasAt(t, 0, "\xE2\x80\x94"));
}

// A name written across `<br>` (stage or lane with a line break in it).
std::string brToNewline(const Decoded& d) {
  std::string out;
  auto segs = splitBr(d);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (i > 0) out += '\n';
    out += segs[i].trimmed().s;
  }
  return out;
}

struct CellParts {
  Decoded head;                 // text before the first bullet (scores in emotion/expectation lanes)
  std::vector<Decoded> bullets; // each a note (lines joined by '\n')
  std::vector<Decoded> plain;   // head segments, one note each, in text lanes
};

CellParts splitCell(const Decoded& cell) {
  CellParts parts;
  bool inBullet = false;
  bool firstHead = true;
  for (Decoded& seg : splitBr(cell)) {
    if (bulletSegment(seg)) {
      parts.bullets.push_back(seg);
      inBullet = true;
    } else if (inBullet) {
      parts.bullets.back().add('\n', false);
      parts.bullets.back().append(seg.trimmed());
    } else {
      if (!firstHead) parts.head.add('\n', false);
      parts.head.append(seg.trimmed());
      firstHead = false;
      if (!emptyMarker(seg)) parts.plain.push_back(seg.trimmed());
    }
  }
  if (emptyMarker(parts.head)) parts.head = Decoded{};
  return parts;
}

// What a lane's cells look like when its name says nothing: all scores → emotion, all "a / b" →
// expectation, otherwise text. Export runs the same test on what it writes, so it can add an
// explicit `{kind=…}` whenever the guess would be wrong.
LaneKind inferLaneKind(const std::vector<Decoded>& cells) {
  bool any = false;
  bool allEmotion = true;
  bool allGap = true;
  for (const Decoded& c : cells) {
    CellParts p = splitCell(c);
    if (p.head.size() == 0) continue;
    any = true;
    EmotionCell e = parseEmotion(p.head);
    if (!(e.hasScore && e.hasSeparator)) allEmotion = false;
    GapCell g = parseGap(p.head);
    bool slash = false;
    for (std::size_t i = 0; i < p.head.size(); ++i) slash = slash || p.head.is(i, '/');
    if (!(g.ok && slash)) allGap = false;
  }
  if (!any) return LaneKind::Text;
  if (allGap) return LaneKind::Expectation;
  if (allEmotion) return LaneKind::Emotion;
  return LaneKind::Text;
}

// Split a raw table row at unescaped pipes (leading and trailing pipes optional).
std::vector<std::string_view> splitRow(std::string_view row) {
  std::vector<std::string_view> cells;
  row = trimView(row);
  std::size_t start = 0;
  bool endsWithPipe = false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    endsWithPipe = false;
    if (row[i] == '\\' && i + 1 < row.size()) {
      ++i;
      continue;
    }
    if (row[i] == '|') {
      cells.push_back(trimView(row.substr(start, i - start)));
      start = i + 1;
      endsWithPipe = true;
    }
  }
  if (!endsWithPipe) cells.push_back(trimView(row.substr(start)));
  if (!row.empty() && row.front() == '|' && !cells.empty()) cells.erase(cells.begin());
  return cells;
}

bool hasUnescapedPipe(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == '|') return true;
  }
  return false;
}

bool isDelimiterRow(std::string_view line) {
  line = trimView(line);
  if (line.empty() || !hasUnescapedPipe(line)) return false;
  auto cells = splitRow(line);
  if (cells.empty()) return false;
  for (auto c : cells) {
    if (!c.empty() && c.front() == ':') c.remove_prefix(1);
    if (!c.empty() && c.back() == ':') c.remove_suffix(1);
    if (c.empty()) return false;
    for (char ch : c) {
      if (ch != '-') return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Export
// ---------------------------------------------------------------------------------------------
struct Words {
  const char* colour;
  const char* votes;
  const char* author;
  const char* tag;
  const char* observed;
  const char* notes;
  const char* kind;
  const char* role;
  const char* toBe;
  const char* section;
  const char* hint;
  const char* actions;
  const char* stages;
  const char* lane;
  const char* journey;
  const char* emotion;
  const char* expectation;
  const char* text;
};

const Words& words(Lang lang) {
  static const Words en{"colour", "votes", "author", "tag", "observed", "notes", "kind", "role", "to-be", "section",
                        "hint", "Actions", "Stages", "Lane", "Customer journey", "emotion", "expectation", "text"};
  static const Words de{"Farbe", "Stimmen", "Autor", "Tag", "beobachtet", "Notizen", "Art", "Rolle", "Soll", "Bereich",
                        "Hinweis", "Maßnahmen", "Phasen", "Ebene", "Customer Journey", "Emotion", "Erwartung", "Text"};
  return lang == Lang::De ? de : en;
}

std::string attrValue(std::string_view v) {
  bool bare = !v.empty();
  for (char c : v) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) bare = false;
  }
  if (bare) return std::string(v);
  return "\"" + encodeInline(v, Ctx::Attr, false) + "\"";
}

void addAttr(std::vector<std::string>& attrs, std::string_view key, std::optional<std::string_view> value = {}) {
  std::string a(key);
  if (value) a += "=" + attrValue(*value);
  attrs.push_back(std::move(a));
}

std::string attrBlock(const std::vector<std::string>& attrs, bool forceEmpty = false) {
  if (attrs.empty()) return forceEmpty ? "{}" : "";
  std::string out = "{";
  for (std::size_t i = 0; i < attrs.size(); ++i) {
    if (i > 0) out += ' ';
    out += attrs[i];
  }
  return out + "}";
}

bool simpleTag(std::string_view tag) {
  if (tag.empty()) return false;
  auto first = static_cast<unsigned char>(tag[0]);
  if (first < 0x80 && !std::isalpha(first)) return false;
  return true;
}

// A note as escaped lines, with the evidence prefix on the first and tags + attributes on the last.
std::vector<std::string> noteLines(const Note& n, int defaultColour, Lang lang, Ctx ctx) {
  const Words& w = words(lang);
  std::vector<std::string> lines = encodeMulti(n.text, ctx);
  if (n.evidence == Evidence::Observed) {
    lines.front() = std::string("[") + w.observed + "]" + (lines.front().empty() ? "" : " ") + lines.front();
  }
  std::vector<std::string> attrs;
  std::string tags;
  // `#tag` words while the tags allow it; from the first one that does not (spaces at the start,
  // a leading digit or punctuation), the rest go into the attribute block, so the order survives.
  bool hashtags = true;
  for (const auto& t : n.tags) {
    hashtags = hashtags && simpleTag(t);
    if (hashtags) {
      tags += " #" + encodeInline(t, Ctx::Tag, false);
    } else {
      addAttr(attrs, w.tag, t);
    }
  }
  if (n.colour != defaultColour) addAttr(attrs, w.colour, std::to_string(n.colour));
  if (n.votes != 0) addAttr(attrs, w.votes, std::to_string(n.votes));
  if (!n.author.empty()) addAttr(attrs, w.author, n.author);
  const bool bare = n.text.empty() && n.evidence != Evidence::Observed && n.tags.empty();
  std::string suffix = tags;
  std::string block = attrBlock(attrs, bare);
  if (!block.empty()) suffix += " " + block;
  if (lines.back().empty() && !suffix.empty()) suffix.erase(0, 1);
  lines.back() += suffix;
  return lines;
}

// What a fresh import would give a section/lane/stage with this name (for "only write what differs").
std::optional<std::string> canonicalIdFor(const std::map<std::string, std::vector<KnownPart>>& m, const std::string& name) {
  const KnownPart* k = lookup(m, normalizeName(name));
  if (!k) return std::nullopt;
  return k->id;
}

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

// "- first line" + continuation lines indented by two spaces (blank lines stay blank).
void writeItem(std::string& out, std::string_view marker, const std::vector<std::string>& lines) {
  out += marker;
  if (!lines.front().empty()) {
    out += ' ';
    out += lines.front();
  }
  out += '\n';
  for (std::size_t i = 1; i < lines.size(); ++i) out += lines[i].empty() ? "\n" : "  " + lines[i] + "\n";
}

void writeActions(std::string& out, const Board& b, const std::map<std::string, std::size_t>& noteIndex) {
  if (b.actions.empty()) return;
  const Words& w = words(b.lang);
  out += std::string("\n## ") + w.actions + "\n\n";
  for (const Action& a : b.actions) {
    std::vector<std::string> lines = encodeMulti(a.text, Ctx::Action);
    std::string suffix;
    if (!a.owner.empty()) suffix += " (@" + encodeInline(a.owner, Ctx::Action, false) + ")";
    std::string refs;
    for (const auto& id : a.notes) {
      auto it = noteIndex.find(id);
      if (it == noteIndex.end()) continue;
      if (!refs.empty()) refs += ',';
      refs += std::to_string(it->second);
    }
    if (!refs.empty()) suffix += std::string(" {") + w.notes + "=" + refs + "}";
    if (a.text.empty() && suffix.empty()) suffix = " {}";  // keeps an empty action
    if (lines.back().empty() && !suffix.empty()) suffix.erase(0, 1);
    lines.back() += suffix;
    const char* box = a.status == ActionStatus::Done ? "- [x]" : a.status == ActionStatus::Doing ? "- [~]" : "- [ ]";
    writeItem(out, box, lines);
  }
}

void writeHeader(std::string& out, const Board& b) {
  out += "#";
  if (!b.title.empty()) out += " " + joinWith(encodeMulti(b.title, Ctx::Heading), "&#10;");
  out += "\n\n<!-- mapathy template=" + attrValue(b.templateId.empty() ? "-" : b.templateId) +
         " lang=" + toString(b.lang) + " avatar=" + std::to_string(b.persona.colour) + " -->\n";
  const bool de = b.lang == Lang::De;
  const std::pair<const char*, const std::string*> fields[] = {
      {"Name", &b.persona.name},
      {de ? "Rolle" : "Role", &b.persona.role},
      {de ? "Ziel" : "Goal", &b.persona.goal},
      {de ? "Zitat" : "Quote", &b.persona.quote},
      {"Bio", &b.persona.bio},
      {de ? "Initialen" : "Initials", &b.persona.initials},
      {de ? "Erfolg" : "Success", &b.persona.success}};
  bool any = false;
  for (const auto& [label, value] : fields) {
    if (value->empty()) continue;
    if (!any) out += "\n";
    any = true;
    writeItem(out, std::string("- **") + label + ":**", encodeMulti(*value, Ctx::Line, false));
  }
}

std::string exportEmpathy(const Board& b) {
  std::string out;
  writeHeader(out, b);
  const Words& w = words(b.lang);
  std::map<std::string, std::size_t> noteIndex;
  std::size_t counter = 0;
  auto templ = makeBoard(b.kind, b.templateId, b.lang);
  const std::vector<Section> templateSections = templ.ok() ? templ->sections : std::vector<Section>{};
  for (std::size_t si = 0; si < b.sections.size(); ++si) {
    const Section& s = b.sections[si];
    out += "\n##";
    if (!s.title.empty()) out += " " + joinWith(encodeMulti(s.title, Ctx::Heading), "&#10;");
    // Attributes only where a fresh import would guess differently.
    std::vector<std::string> attrs;
    Word unused = Word::Both;
    if (specialHeading(normalizeName(s.title), unused) != Special::None) addAttr(attrs, w.section);
    const Section* def = partDefault(templateSections, vocabulary().sectionDefs[langIndex(b.lang)],
                                     canonicalIdFor(vocabulary().sections, s.title));
    const int defColour = def ? def->colour : static_cast<int>(si % kPaletteSize);
    const std::string defHint = def ? def->hint : "";
    if (s.colour != defColour) addAttr(attrs, w.colour, std::to_string(s.colour));
    if (s.hint != defHint) addAttr(attrs, w.hint, s.hint);
    if (!attrs.empty()) out += " " + attrBlock(attrs);
    out += "\n\n";
    for (const Note* n : notesAt(b, s.id, "", "")) {
      noteIndex[n->id] = ++counter;
      writeItem(out, "-", noteLines(*n, s.colour, b.lang, Ctx::Line));
    }
  }
  writeActions(out, b, noteIndex);
  return out;
}

std::string exportJourney(const Board& b) {
  std::string out;
  writeHeader(out, b);
  const Words& w = words(b.lang);
  out += std::string("\n## ") + w.journey + "\n\n| " + w.lane + " |";
  for (const Stage& s : b.stages) out += " " + joinWith(encodeMulti(s.name, Ctx::Cell), "<br>") + " |";
  out += "\n|---|";
  for (std::size_t i = 0; i < b.stages.size(); ++i) out += "---|";
  out += "\n";
  std::map<std::string, std::size_t> noteIndex;
  std::size_t counter = 0;
  for (const Lane& lane : b.lanes) {
    std::vector<std::string> cells;
    for (const Stage& st : b.stages) {
      std::string cell;
      if (lane.kind == LaneKind::Emotion) {
        auto it = lane.emotions.find(st.id);
        if (it != lane.emotions.end()) {
          const EmotionScore& e = it->second;
          if (e.asIs) cell += scoreText(*e.asIs);
          if (e.toBe) cell += std::string(cell.empty() ? "" : " ") + "→ " + scoreText(*e.toBe);
          if (!e.reason.empty()) {
            std::string reason = joinWith(encodeMulti(e.reason, Ctx::Reason), "<br>");
            cell += cell.empty() ? reason : ": " + reason;
          }
        }
      } else if (lane.kind == LaneKind::Expectation) {
        auto it = lane.gaps.find(st.id);
        if (it != lane.gaps.end() && (it->second.expectation || it->second.experience)) {
          const GapScore& g = it->second;
          cell = (g.expectation ? scoreText(*g.expectation) + " " : std::string()) + "/" +
                 (g.experience ? " " + scoreText(*g.experience) : std::string());
        }
      }
      auto notes = notesAt(b, "", st.id, lane.id);
      // One plain note per cell reads best; several (or scores first) get "• " bullets.
      const bool bullets = lane.kind != LaneKind::Text || notes.size() > 1 ||
                           (notes.size() == 1 && notes.front()->text.find('\n') != std::string::npos);
      for (const Note* n : notes) {
        noteIndex[n->id] = ++counter;
        std::string text = joinWith(noteLines(*n, 0, b.lang, Ctx::Cell), "<br>");
        if (!cell.empty()) cell += "<br>";
        cell += bullets ? "• " + text : text;
      }
      cells.push_back(cell);
    }
    // Row header: the lane's name, plus attributes where the name and cells would mislead an import.
    std::vector<std::string> attrs;
    auto canonical = canonicalIdFor(vocabulary().lanes, lane.name);
    LaneKind guessKind = LaneKind::Text;
    std::string guessRole;
    if (const Lane* def = definition(vocabulary().laneDefs[0], canonical)) {
      guessKind = def->kind;
      guessRole = lane.kind == def->kind ? def->role : "";
    } else {
      std::vector<Decoded> decoded;
      for (const auto& c : cells) decoded.push_back(decodeInline(c));
      guessKind = inferLaneKind(decoded);
    }
    if (lane.kind != guessKind) {
      addAttr(attrs, w.kind, lane.kind == LaneKind::Emotion ? w.emotion : lane.kind == LaneKind::Expectation ? w.expectation : w.text);
    }
    if (lane.role != guessRole) addAttr(attrs, w.role, lane.role);
    if (lane.showToBe) addAttr(attrs, w.toBe);
    std::string head = joinWith(encodeMulti(lane.name, Ctx::Cell), "<br>");
    if (!attrs.empty() || head.empty()) head += (head.empty() ? "" : " ") + attrBlock(attrs, true);
    out += "| " + head + " |";
    for (const auto& c : cells) out += " " + c + " |";
    out += "\n";
  }
  // Stage descriptions that differ from what the template would give.
  std::string descriptions;
  auto templ = makeBoard(b.kind, b.templateId, b.lang);
  const std::vector<Stage> templateStages = templ.ok() ? templ->stages : std::vector<Stage>{};
  for (const Stage& st : b.stages) {
    const Stage* def = partDefault(templateStages, vocabulary().stageDefs[langIndex(b.lang)],
                                   canonicalIdFor(vocabulary().stages, st.name));
    if (st.description == (def ? def->description : std::string())) continue;
    std::string label = joinWith(encodeMulti(st.name, Ctx::Label), "&#10;");
    writeItem(descriptions, "- **" + label + ":**", encodeMulti(st.description, Ctx::Line, false));
  }
  if (!descriptions.empty()) out += std::string("\n## ") + w.stages + "\n\n" + descriptions;
  writeActions(out, b, noteIndex);
  return out;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Import: lines → blocks
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

std::vector<Line> splitDocument(std::string_view text) {
  std::vector<Line> lines;
  std::size_t number = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n' || text[i] == '\r') {
      std::string_view l = text.substr(start, i - start);
      while (!l.empty() && isSpace(l.back())) l.remove_suffix(1);
      lines.push_back({l, number++});
      if (i < text.size() && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  return lines;
}

std::size_t indentOf(std::string_view l) {
  std::size_t n = 0;
  for (char c : l) {
    if (c == ' ') {
      ++n;
    } else if (c == '\t') {
      n += 4;
    } else {
      break;
    }
  }
  return n;
}

std::string_view stripIndent(std::string_view l) {
  std::size_t i = 0;
  while (i < l.size() && isSpace(l[i])) ++i;
  return l.substr(i);
}

// "## Title ##" → level 2, "Title". Returns 0 when `content` is not a heading.
int headingLevel(std::string_view content, std::string_view& text) {
  int level = 0;
  while (static_cast<std::size_t>(level) < content.size() && content[static_cast<std::size_t>(level)] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  auto rest = content.substr(static_cast<std::size_t>(level));
  if (!rest.empty() && !isSpace(rest.front())) return 0;
  rest = trimView(rest);
  // optional closing sequence: " ##"
  std::size_t e = rest.size();
  while (e > 0 && rest[e - 1] == '#') --e;
  if (e == 0) {
    rest = {};
  } else if (e < rest.size() && isSpace(rest[e - 1]) && !(e >= 2 && rest[e - 2] == '\\')) {
    rest = trimView(rest.substr(0, e));
  }
  text = rest;
  return level;
}

// "- x", "* x", "+ x", "1. x", "2) x" → the text after the marker.
bool bulletMarker(std::string_view content, std::string_view& rest, bool& numbered) {
  if (content.empty()) return false;
  if (content[0] == '-' || content[0] == '*' || content[0] == '+') {
    if (content.size() == 1 || isSpace(content[1])) {
      rest = trimView(content.substr(1));
      numbered = false;
      return true;
    }
    return false;
  }
  std::size_t i = 0;
  while (i < content.size() && i < 9 && isDigit(content[i])) ++i;
  if (i == 0 || i >= content.size() || (content[i] != '.' && content[i] != ')')) return false;
  if (i + 1 < content.size() && !isSpace(content[i + 1])) return false;
  rest = trimView(content.substr(i + 1));
  numbered = true;
  return true;
}

bool thematicBreak(std::string_view content) {
  if (content.empty()) return false;
  char m = content[0];
  if (m != '-' && m != '*' && m != '_') return false;
  int count = 0;
  for (char c : content) {
    if (c == m) {
      ++count;
    } else if (!isSpace(c)) {
      return false;
    }
  }
  return count >= 3;
}

struct BlockLimits {
  std::size_t maxHeadings;
  std::size_t maxItems;
  std::size_t maxRows;
  std::size_t maxItemBytes;
};

Result<std::vector<Block>> toBlocks(const std::vector<Line>& lines, const BlockLimits& lim) {
  std::vector<Block> blocks;
  std::size_t headings = 0;
  std::size_t items = 0;
  auto tooManyItems = [&lim]() {
    return Error{"Too many notes: the outline has more than " + text::groupedThousands(lim.maxItems) +
                 " list items and paragraphs (a board holds fewer)."};
  };
  for (std::size_t i = 0; i < lines.size();) {
    const Line& line = lines[i];
    std::string_view content = stripIndent(line.text);
    const std::size_t indent = indentOf(line.text);
    if (content.empty() || thematicBreak(content)) {
      ++i;
      continue;
    }
    // HTML comments (skipped; ours carries template, language and avatar colour)
    if (indent < 4 && content.substr(0, 4) == "<!--") {
      Block meta;
      meta.type = Block::Meta;
      meta.line = line.number;
      std::size_t j = i;
      while (j < lines.size() && lines[j].text.find("-->") == std::string_view::npos) ++j;
      if (j == i) {
        meta.text = content;
        blocks.push_back(meta);
      }
      i = j + 1;
      continue;
    }
    std::string_view htext;
    if (indent < 4) {
      if (int level = headingLevel(content, htext)) {
        if (++headings > lim.maxHeadings) {
          return Error{"Too many headings: more than " + text::groupedThousands(lim.maxHeadings) +
                       " (a board holds far fewer sections)."};
        }
        Block h;
        h.type = Block::Heading;
        h.level = level;
        h.text = htext;
        h.line = line.number;
        blocks.push_back(h);
        ++i;
        continue;
      }
    }
    // table: a row with pipes followed by a delimiter row
    if (indent < 4 && hasUnescapedPipe(content) && i + 1 < lines.size() && isDelimiterRow(lines[i + 1].text)) {
      Block t;
      t.type = Block::Table;
      t.line = line.number;
      t.lines.push_back(content);
      t.rowLines.push_back(line.number);
      i += 2;
      while (i < lines.size() && !stripIndent(lines[i].text).empty() && hasUnescapedPipe(lines[i].text)) {
        if (t.lines.size() > lim.maxRows) {
          return Error{lineRef(lines[i].number) + "the table has more than " + text::groupedThousands(lim.maxRows) +
                       " rows (a journey board holds at most " + text::groupedThousands(lim.maxRows - 1) + " lanes)."};
        }
        t.lines.push_back(stripIndent(lines[i].text));
        t.rowLines.push_back(lines[i].number);
        ++i;
      }
      blocks.push_back(t);
      continue;
    }
    Block b;
    b.line = line.number;
    std::string_view rest;
    bool numbered = false;
    bool item = bulletMarker(content, rest, numbered);
    bool quote = false;
    if (item) {
      b.type = Block::Item;
      b.numbered = numbered;
      b.lines.push_back(rest);
    } else {
      if (content.front() == '>') {  // "> > nested" quotes: all markers go
        quote = true;
        while (!content.empty() && (content.front() == '>' || isSpace(content.front()))) content.remove_prefix(1);
      }
      b.type = Block::Paragraph;
      b.lines.push_back(content);
    }
    if (++items > lim.maxItems) return tooManyItems();
    std::size_t bytes = b.lines.front().size();
    ++i;
    std::size_t blanks = 0;
    while (i < lines.size()) {
      std::string_view next = lines[i].text;
      std::string_view nc = stripIndent(next);
      const std::size_t nIndent = indentOf(next);
      if (nc.empty()) {
        ++blanks;
        ++i;
        continue;
      }
      std::string_view dummy;
      bool dummyNum = false;
      const bool structural = (nIndent < 4 && headingLevel(nc, dummy) > 0) || bulletMarker(nc, dummy, dummyNum) ||
                              thematicBreak(nc) || (nIndent < 4 && nc.substr(0, 4) == "<!--") ||
                              (hasUnescapedPipe(nc) && i + 1 < lines.size() && isDelimiterRow(lines[i + 1].text));
      if (structural) break;
      const bool nQuote = nc.front() == '>';
      if (nQuote != quote && (b.type == Block::Paragraph || nIndent < 4)) break;  // a quote interrupts
      if (blanks > 0 && (b.type == Block::Paragraph || nIndent == 0)) break;
      if (b.type == Block::Paragraph && nIndent == 0 && !quote && i + 1 <= lines.size()) {
        // setext heading underline ("===", "---" handled as a thematic break above) ends a paragraph
        bool allEq = true;
        for (char c : nc) allEq = allEq && c == '=';
        if (allEq && b.lines.size() == 1) {
          b.type = Block::Heading;
          b.level = 1;
          b.text = trimView(b.lines.front());
          b.lines.clear();
          ++i;
          break;
        }
      }
      for (std::size_t k = 0; k < blanks; ++k) b.lines.emplace_back();
      blanks = 0;
      if (nQuote) {
        while (!nc.empty() && (nc.front() == '>' || isSpace(nc.front()))) nc.remove_prefix(1);
      }
      b.lines.push_back(nc);
      bytes += nc.size() + 1;
      if (bytes > lim.maxItemBytes) {
        return Error{lineRef(b.line) + "this note is too long (more than " + text::groupedThousands(lim.maxItemBytes) +
                     " bytes of Markdown)."};
      }
      ++i;
    }
    if (bytes > lim.maxItemBytes) {
      return Error{lineRef(b.line) + "this note is too long (more than " + text::groupedThousands(lim.maxItemBytes) +
                   " bytes of Markdown)."};
    }
    if (b.type == Block::Heading && ++headings > lim.maxHeadings) {
      return Error{"Too many headings: more than " + text::groupedThousands(lim.maxHeadings) + " (a board holds far fewer sections)."};
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Import: blocks → board
// ---------------------------------------------------------------------------------------------
Decoded joinLines(const std::vector<std::string_view>& lines) {
  Decoded d;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) d.add('\n', false);
    d.append(decodeInline(lines[i]));
  }
  return d;
}

// "**Label:** value", "**Label**: value", "Label: value" → (label, value).
bool labelValue(const Decoded& line, std::string& label, Decoded& value) {
  Decoded t = line.trimmed();
  std::size_t i = 0;
  bool bold = t.is(0, '*') && t.is(1, '*');
  if (bold) i = 2;
  std::size_t colon = i;
  while (colon < t.size() && !t.is(colon, ':') && !t.is(colon, '\n') && !(bold && t.is(colon, '*'))) {
    ++colon;
  }
  std::size_t labelEnd = colon;
  if (bold && t.is(colon, '*') && t.is(colon + 1, '*') && t.is(colon + 2, ':')) {
    colon += 2;  // "**Label**:"
  }
  if (!t.is(colon, ':')) return false;
  label = t.s.substr(i, labelEnd - i);
  std::size_t v = colon + 1;
  if (bold && !(labelEnd + 2 == colon)) {
    if (!(t.is(v, '*') && t.is(v + 1, '*'))) return false;  // "**Label:**"
    v += 2;
  }
  if (label.empty() || trimView(label).size() != label.size()) return false;
  value = t.sub(v, t.size()).trimmed();
  return true;
}

struct Importer {
  const Limits& limits;
  Board board;
  std::size_t noteCount = 0;
  std::vector<std::string> noteIds;  // by document order (1-based refs → index + 1)
  struct PendingAction {
    Action action;
    std::vector<std::size_t> refs;
  };
  std::vector<PendingAction> actions;
  std::string error;
  int wordsEn = 0;
  int wordsDe = 0;

  bool fail(std::string message) {
    if (error.empty()) error = std::move(message);
    return false;
  }

  void count(Word w) {
    if (w == Word::En) ++wordsEn;
    if (w == Word::De) ++wordsDe;
  }

  bool checkText(const std::string& text, std::size_t line, const char* what) {
    if (text.size() > limits.maxTextBytes) {
      return fail(lineRef(line) + what + " has " + text::groupedThousands(text.size()) + " bytes of text (the limit is " +
                  text::groupedThousands(limits.maxTextBytes) + ").");
    }
    return true;
  }

  // Builds a note from decoded text (evidence prefix, tags, attributes). Returns false on a limit;
  // `skip` is set for an empty bullet.
  bool makeNote(Decoded d, std::size_t line, Note& n, bool& skip) {
    Attrs attrs = takeAttrs(d);
    std::vector<std::string> tags = takeTags(d);
    std::optional<Evidence> ev = takeEvidence(d);
    if (!attrs.present) {
      // "text {attrs} #tag" is not written by export, but tolerate tags before the block
      Attrs again = takeAttrs(d);
      if (again.present) attrs = again;
    }
    n.text = d.trimmed().s;
    skip = n.text.empty() && !attrs.present && tags.empty() && !ev;
    if (skip) return true;
    n.tags = std::move(tags);
    n.tags.insert(n.tags.end(), attrs.tags.begin(), attrs.tags.end());
    n.evidence = attrs.evidence ? *attrs.evidence : ev ? *ev : Evidence::Assumed;
    n.colour = attrs.colour ? *attrs.colour : -1;  // -1: the place's default, filled in later
    if (attrs.votes) n.votes = *attrs.votes;
    if (attrs.author) n.author = *attrs.author;
    if (!checkText(n.text, line, "a note")) return false;
    if (!checkText(n.author, line, "the author")) return false;
    if (n.tags.size() > limits.maxTags) {
      return fail(lineRef(line) + "a note has " + text::groupedThousands(n.tags.size()) + " tags (the limit is " +
                  text::groupedThousands(limits.maxTags) + ").");
    }
    for (const auto& t : n.tags) {
      if (t.size() > limits.maxTagBytes) {
        return fail(lineRef(line) + "the tag \"" + t.substr(0, 40) + "…\" has " + text::groupedThousands(t.size()) +
                    " bytes (the limit is " + text::groupedThousands(limits.maxTagBytes) + ").");
      }
    }
    return true;
  }

  bool addNote(Note n, std::size_t line) {
    if (++noteCount > limits.maxNotes) {
      return fail(lineRef(line) + "too many notes (the limit is " + text::groupedThousands(limits.maxNotes) + " per board).");
    }
    n.id = "m-" + std::to_string(noteCount);
    n.created = n.modified = noteCount;
    noteIds.push_back(n.id);
    board.notes.push_back(std::move(n));
    return true;
  }

  bool addAction(const Block& b) {
    Decoded d = joinLines(b.lines);
    Action a;
    a.status = ActionStatus::Open;
    Decoded t = d.trimmed();
    if (t.size() >= 3 && t.is(0, '[') && t.is(2, ']') && !t.lit[1]) {
      const char box = t.s[1];
      if (box == 'x' || box == 'X') {
        a.status = ActionStatus::Done;
      } else if (box == '~' || box == '-' || box == '/' || box == '.' || box == '>') {
        a.status = ActionStatus::Doing;
      }
      if (box == ' ' || a.status != ActionStatus::Open || box == 'x') t = t.sub(3, t.size()).trimmed();
    }
    Attrs attrs = takeAttrs(t);
    if (attrs.status) a.status = *attrs.status;
    // owner: "(@Ben)", "(Owner: Ben)", "(Verantwortlich: Ben)" or a trailing "@Ben"
    if (t.is(t.size() - 1, ')') && t.size() > 0) {
      std::size_t open = t.size() - 1;
      while (open > 0 && !t.is(open - 1, '(')) --open;
      if (open > 0) {
        Decoded inner = t.sub(open, t.size() - 1).trimmed();
        std::string owner;
        std::string label;
        Decoded value;
        if (inner.is(0, '@')) {
          owner = inner.sub(1, inner.size()).trimmed().s;
        } else if (labelValue(inner, label, value)) {
          std::string norm = normalizeName(label);
          if (norm == "owner" || norm == "verantwortlich" || norm == "verantwortung" || norm == "wer" || norm == "who") {
            owner = value.s;
          }
        }
        if (!owner.empty() || inner.is(0, '@')) {
          a.owner = owner;
          t = t.sub(0, open - 1).trimmed();
        }
      }
    } else {
      std::size_t p = t.size();
      while (p > 0 && !t.ws(p - 1)) --p;
      if (p > 0 && t.is(p, '@') && p + 1 < t.size()) {
        a.owner = t.sub(p + 1, t.size()).s;
        t = t.sub(0, p).trimmed();
      }
    }
    a.text = t.trimmed().s;
    if (a.text.empty() && a.owner.empty() && !attrs.present) return true;
    if (!checkText(a.text, b.line, "an action") || !checkText(a.owner, b.line, "the owner")) return false;
    if (actions.size() >= limits.maxActions) {
      return fail(lineRef(b.line) + "too many actions (the limit is " + text::groupedThousands(limits.maxActions) + ").");
    }
    actions.push_back({std::move(a), attrs.noteRefs});
    return true;
  }

  void finishActions() {
    for (std::size_t i = 0; i < actions.size(); ++i) {
      Action a = std::move(actions[i].action);
      a.id = "a-" + std::to_string(i + 1);
      for (std::size_t ref : actions[i].refs) {
        if (ref == 0 || ref > noteIds.size()) continue;
        const std::string& id = noteIds[ref - 1];
        if (std::find(a.notes.begin(), a.notes.end(), id) == a.notes.end()) a.notes.push_back(id);
      }
      a.created = a.modified = noteCount + i + 1;
      board.actions.push_back(std::move(a));
    }
    board.clock = noteCount + actions.size();
  }

  // A persona line; returns false when `line` is not "Label: value" with a known label.
  bool personaLine(const Block& b, std::string*& lastField) {
    Decoded d = joinLines(b.lines);
    // only the first line carries the label; the rest continues the value
    std::string label;
    Decoded value;
    if (!labelValue(d, label, value)) return false;
    std::string norm = normalizeName(label);
    for (const auto& pl : personaLabels()) {
      if (norm != pl.name) continue;
      count(pl.lang);
      std::string* field = personaField(board.persona, pl.field);
      if (!field) return false;
      *field = value.s;
      lastField = field;
      checkText(*field, b.line, "a persona field");  // the caller looks at `error`
      return true;
    }
    return false;
  }
};

struct Meta {
  std::optional<std::string> templateId;
  std::optional<Lang> lang;
  std::optional<int> avatar;
};

Meta parseMeta(std::string_view comment) {
  Meta m;
  auto pos = comment.find("mapathy");
  if (pos == std::string_view::npos) return m;
  Decoded d = decodeInline(comment.substr(pos + 7));
  std::size_t end = d.s.find("-->");
  if (end != std::string::npos) d = d.sub(0, end);
  std::size_t i = 0;
  while (i < d.size()) {
    while (d.ws(i)) ++i;
    std::size_t k = i;
    while (k < d.size() && !d.ws(k) && !d.is(k, '=')) ++k;
    std::string key = d.s.substr(i, k - i);
    std::string value;
    i = k;
    if (d.is(i, '=')) {
      ++i;
      if (d.is(i, '"')) {
        ++i;
        while (i < d.size() && !d.is(i, '"')) value += d.s[i++];
        ++i;
      } else {
        while (i < d.size() && !d.ws(i)) value += d.s[i++];
      }
    }
    if (key == "template" && value != "-") m.templateId = value;
    if (key == "lang") m.lang = langFromString(value);
    if (key == "avatar") m.avatar = smallInt(value, 0, kPaletteSize - 1);
    if (k == i && value.empty() && i < d.size() && !d.ws(i)) ++i;
  }
  return m;
}

// Picks the template of `kind` whose parts best match the canonical ids found (2 per match, −1 per
// template part missing). Nothing matched → the empty template.
std::string bestTemplate(BoardKind kind, const std::vector<std::string>& ids) {
  std::string best = "empty";
  int bestScore = 0;
  for (const auto& t : listTemplates(Lang::En)) {
    if (t.kind != kind || t.id == "empty") continue;
    auto b = makeBoard(kind, t.id, Lang::En);
    if (!b.ok()) continue;
    std::set<std::string> parts;
    for (const auto& s : b->sections) parts.insert(s.id);
    for (const auto& s : b->stages) parts.insert(s.id);
    for (const auto& l : b->lanes) parts.insert(l.id);
    int matched = 0;
    for (const auto& id : std::set<std::string>(ids.begin(), ids.end())) matched += parts.count(id) ? 1 : 0;
    int score = 2 * matched - (static_cast<int>(parts.size()) - matched);
    if (matched > 0 && (best == "empty" || score > bestScore)) {
      best = t.id;
      bestScore = score;
    }
  }
  return best;
}

// Language from the words found, then from the text itself (umlauts, common words).
Lang detectLang(const Importer& im, std::string_view text) {
  if (im.wordsDe != im.wordsEn) return im.wordsDe > im.wordsEn ? Lang::De : Lang::En;
  int de = 0;
  int en = 0;
  std::string norm = " " + normalizeName(text.substr(0, 20000)) + " ";
  for (const char* w : {" und ", " der ", " die ", " das ", " nicht ", " ist ", " ich ", " sie ", " mit ", " zu "}) {
    for (auto p = norm.find(w); p != std::string::npos; p = norm.find(w, p + 1)) ++de;
  }
  for (const char* w : {" the ", " and ", " is ", " not ", " they ", " with ", " to ", " of ", " it "}) {
    for (auto p = norm.find(w); p != std::string::npos; p = norm.find(w, p + 1)) ++en;
  }
  for (const char* u : {"ä", "ö", "ü", "ß"}) {
    for (auto p = text.find(u); p != std::string_view::npos && p < 20000; p = text.find(u, p + 1)) ++de;
  }
  return de > en ? Lang::De : Lang::En;
}

struct PendingSection {
  std::string title;
  Attrs attrs;
  std::optional<std::string> canonical;
  std::size_t line = 0;
  std::vector<Note> notes;
};

Result<Board> importImpl(std::string_view text, const Limits& limits) {
  if (text.size() > limits.maxBytes) {
    return Error{"The Markdown text is too big: " + text::groupedThousands(text.size()) + " bytes (the limit is " +
                 text::groupedThousands(limits.maxBytes) + ")."};
  }
  if (auto bad = text::firstInvalidUtf8(text); bad != std::string_view::npos) {
    return Error{"The Markdown text is not valid UTF-8 (at byte " + text::groupedThousands(bad) + ")."};
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  // As CommonMark says, U+0000 reads as U+FFFD. Kept as it was, a NUL byte would be exported as "&#0;",
  // which reads back as U+FFFD: the text would change on its first round trip (found by fuzz_markdown).
  std::string withoutNul;
  if (text.find('\0') != std::string_view::npos) {
    withoutNul.reserve(text.size() + 16);
    for (const char c : text) {
      if (c == '\0') {
        withoutNul += "\xEF\xBF\xBD";
      } else {
        withoutNul += c;
      }
    }
    text = withoutNul;
  }
  if (trimView(text).find_first_not_of("\r\n \t") == std::string_view::npos) {
    return Error{"The Markdown text is empty."};
  }
  const std::vector<Line> lines = splitDocument(text);
  BlockLimits bl;
  bl.maxHeadings = limits.maxSections + 16;
  bl.maxItems = limits.maxNotes + limits.maxActions + limits.maxStages + 64;
  bl.maxRows = std::max(limits.maxLanes, limits.maxStages) + 1;
  bl.maxItemBytes = limits.maxTextBytes * 8 + 256;
  auto blocksResult = toBlocks(lines, bl);
  if (!blocksResult.ok()) return Error{blocksResult.error()};
  const std::vector<Block>& blocks = *blocksResult;

  Importer im{limits, {}, 0, {}, {}, {}, 0, 0};
  Meta meta;
  const Block* table = nullptr;
  int level1 = 0;
  for (const Block& b : blocks) {
    if (b.type == Block::Table && !table) table = &b;
    if (b.type == Block::Heading && b.level == 1) ++level1;
    if (b.type == Block::Meta) {
      Meta m = parseMeta(b.text);
      if (m.templateId) meta.templateId = m.templateId;
      if (m.lang) meta.lang = m.lang;
      if (m.avatar) meta.avatar = m.avatar;
    }
  }
  const bool journey = table != nullptr;
  Board& board = im.board;
  board.kind = journey ? BoardKind::Journey : BoardKind::EmpathyMap;

  // ---- walk the blocks: title, persona, sections, actions, stage descriptions
  enum class Ctx2 { Preamble, Section, Actions, Persona, Stages, Ignored };
  Ctx2 ctx = Ctx2::Preamble;
  std::vector<PendingSection> sections;
  std::optional<PendingSection> unsorted;
  std::vector<std::pair<std::string, Decoded>> stageDescriptions;
  std::vector<std::size_t> stageDescriptionLines;
  std::string* lastPersonaField = nullptr;
  bool titleSet = false;
  bool firstHeading = true;

  auto noteFrom = [&im](const Block& b, std::vector<Note>& into) -> bool {
    Note n;
    bool skip = false;
    if (!im.makeNote(joinLines(b.lines), b.line, n, skip)) return false;
    if (!skip) into.push_back(std::move(n));
    if (im.noteCount + into.size() > im.limits.maxNotes + 1) {
      return im.fail(lineRef(b.line) + "too many notes (the limit is " + text::groupedThousands(im.limits.maxNotes) + " per board).");
    }
    return true;
  };
  std::size_t pendingNotes = 0;

  for (const Block& b : blocks) {
    if (b.type == Block::Meta || b.type == Block::Table) continue;
    if (b.type == Block::Heading) {
      lastPersonaField = nullptr;
      if (firstHeading && b.level == 1 && level1 == 1) {
        firstHeading = false;
        Decoded t = decodeInline(b.text);
        board.title = t.trimmed().s;
        if (!im.checkText(board.title, b.line, "the title")) return Error{im.error};
        titleSet = true;
        ctx = Ctx2::Preamble;
        continue;
      }
      firstHeading = false;
      Decoded t = decodeInline(b.text);
      Attrs attrs = takeAttrs(t);
      std::string title = t.trimmed().s;
      std::string norm = normalizeName(title);
      Word w = Word::Both;
      Special special = attrs.section ? Special::None : specialHeading(norm, w);
      if (special == Special::Actions) {
        im.count(w);
        ctx = Ctx2::Actions;
        continue;
      }
      if (special == Special::Persona) {
        ctx = Ctx2::Persona;
        continue;
      }
      if (special == Special::Stages && journey) {
        im.count(w);
        ctx = Ctx2::Stages;
        continue;
      }
      if (journey) {
        ctx = Ctx2::Ignored;
        continue;
      }
      if (!im.checkText(title, b.line, "a section heading")) return Error{im.error};
      if (sections.size() + 1 > limits.maxSections) {
        return Error{lineRef(b.line) + "too many sections (the limit is " + text::groupedThousands(limits.maxSections) + ")."};
      }
      PendingSection s;
      s.title = title;
      s.attrs = attrs;
      s.line = b.line;
      if (const KnownPart* k = lookup(vocabulary().sections, norm)) {
        s.canonical = k->id;
        im.count(k->lang);
      }
      sections.push_back(std::move(s));
      ctx = Ctx2::Section;
      continue;
    }
    // items and paragraphs
    switch (ctx) {
      case Ctx2::Actions:
        if (!im.addAction(b)) return Error{im.error};
        break;
      case Ctx2::Stages: {
        std::string label;
        Decoded value;
        if (labelValue(joinLines(b.lines), label, value)) {
          stageDescriptions.emplace_back(label, value);
          stageDescriptionLines.push_back(b.line);
        }
        break;
      }
      case Ctx2::Persona:
      case Ctx2::Preamble: {
        // A list item is one "Label: value" (continuation lines continue the value); a paragraph
        // is read line by line, since people type "Name: Anna" and "Rolle: …" on consecutive lines.
        std::vector<Block> pieces;
        if (b.type == Block::Item) {
          pieces.push_back(b);
        } else {
          for (std::size_t k = 0; k < b.lines.size(); ++k) {
            Block piece = b;
            piece.lines = {b.lines[k]};
            piece.line = b.line + k;
            pieces.push_back(std::move(piece));
          }
        }
        Block rest = b;
        rest.lines.clear();
        lastPersonaField = nullptr;
        for (const Block& piece : pieces) {
          if (im.personaLine(piece, lastPersonaField)) {
            if (!im.error.empty()) return Error{im.error};
            continue;
          }
          if (lastPersonaField && b.type == Block::Paragraph && rest.lines.empty()) {
            *lastPersonaField += "\n" + joinLines(piece.lines).trimmed().s;  // "Bio: …" over several lines
            if (!im.checkText(*lastPersonaField, piece.line, "a persona field")) return Error{im.error};
            continue;
          }
          rest.lines.insert(rest.lines.end(), piece.lines.begin(), piece.lines.end());
          if (rest.lines.size() == piece.lines.size()) rest.line = piece.line;
        }
        if (rest.lines.empty()) break;
        if (ctx == Ctx2::Persona) {
          Decoded d = joinLines(rest.lines).trimmed();
          if (!board.persona.bio.empty()) board.persona.bio += "\n";
          board.persona.bio += d.s;
          if (!im.checkText(board.persona.bio, rest.line, "the persona's bio")) return Error{im.error};
          break;
        }
        if (journey) break;  // free text around a journey table has no place on the board
        if (!unsorted) {
          unsorted = PendingSection{};
          unsorted->line = rest.line;
        }
        if (!noteFrom(rest, unsorted->notes)) return Error{im.error};
        ++pendingNotes;
        break;
      }
      case Ctx2::Section:
        if (!noteFrom(b, sections.back().notes)) return Error{im.error};
        ++pendingNotes;
        break;
      case Ctx2::Ignored:
        break;
    }
    if (pendingNotes > limits.maxNotes * 2 + 16) {
      return Error{lineRef(b.line) + "too many notes (the limit is " + text::groupedThousands(limits.maxNotes) + " per board)."};
    }
  }
  (void)titleSet;

  // ---- language and template
  std::vector<std::string> canonicalIds;
  // journey parts
  struct Column {
    std::string name;
    std::optional<std::string> canonical;
  };
  struct Row {
    std::string name;
    Attrs attrs;
    std::optional<std::string> canonical;
    std::vector<Decoded> cells;
    std::size_t line;
  };
  std::vector<Column> columns;
  std::vector<Row> rows;
  if (journey) {
    std::vector<std::vector<Decoded>> grid;
    std::vector<std::size_t> gridLines;
    for (std::size_t r = 0; r < table->lines.size(); ++r) {
      std::vector<Decoded> row;
      for (auto c : splitRow(table->lines[r])) row.push_back(decodeInline(c));
      grid.push_back(std::move(row));
      gridLines.push_back(table->rowLines[r]);
    }
    const std::size_t width = grid.front().size();
    // Transposed tables (stages as rows, lanes as columns) are turned around when the header names
    // lanes and the first column names stages.
    auto laneMatches = [](const std::vector<Decoded>& names) {
      int n = 0;
      for (std::size_t i = 1; i < names.size(); ++i) {
        Decoded d = names[i];
        takeAttrs(d);
        n += lookup(vocabulary().lanes, normalizeName(d.trimmed().s)) ? 1 : 0;
      }
      return n;
    };
    std::vector<Decoded> firstColumn;
    for (const auto& row : grid) firstColumn.push_back(row.empty() ? Decoded{} : row.front());
    std::string corner = normalizeName(grid.front().empty() ? "" : grid.front().front().s);
    const bool cornerSaysLane = corner == "lane" || corner == "lanes" || corner == "ebene" || corner == "ebenen";
    const bool cornerSaysStage = corner == "stage" || corner == "stages" || corner == "phase" || corner == "phasen";
    if (!cornerSaysLane && (cornerSaysStage || laneMatches(grid.front()) > laneMatches(firstColumn))) {
      std::size_t maxW = 0;
      for (const auto& row : grid) maxW = std::max(maxW, row.size());
      if (maxW > bl.maxRows) {
        return Error{lineRef(table->line) + "the table has more than " + text::groupedThousands(bl.maxRows - 1) + " lanes."};
      }
      std::vector<std::vector<Decoded>> t(maxW, std::vector<Decoded>(grid.size()));
      for (std::size_t r = 0; r < grid.size(); ++r) {
        for (std::size_t c = 0; c < grid[r].size(); ++c) t[c][r] = grid[r][c];
      }
      std::vector<std::size_t> tl(maxW, table->line);
      grid = std::move(t);
      gridLines = std::move(tl);
    }
    const std::size_t stagesWidth = grid.front().size();
    (void)width;
    if (stagesWidth > limits.maxStages + 1) {
      return Error{lineRef(table->line) + "the table has " + text::groupedThousands(stagesWidth - 1) +
                   " stage columns (the limit is " + text::groupedThousands(limits.maxStages) + ")."};
    }
    for (std::size_t c = 1; c < stagesWidth; ++c) {
      Column col;
      col.name = brToNewline(grid.front()[c]);
      if (!im.checkText(col.name, table->line, "a stage name")) return Error{im.error};
      if (const KnownPart* k = lookup(vocabulary().stages, normalizeName(col.name))) {
        col.canonical = k->id;
        im.count(k->lang);
        canonicalIds.push_back(k->id);
      }
      columns.push_back(std::move(col));
    }
    if (grid.size() - 1 > limits.maxLanes) {
      return Error{lineRef(table->line) + "the table has " + text::groupedThousands(grid.size() - 1) + " lane rows (the limit is " +
                   text::groupedThousands(limits.maxLanes) + ")."};
    }
    for (std::size_t r = 1; r < grid.size(); ++r) {
      Row row;
      row.line = gridLines[r];
      Decoded head = grid[r].empty() ? Decoded{} : grid[r].front();
      row.attrs = takeAttrs(head);
      row.name = brToNewline(head.trimmed());
      if (!im.checkText(row.name, row.line, "a lane name")) return Error{im.error};
      for (std::size_t c = 1; c < stagesWidth; ++c) row.cells.push_back(c < grid[r].size() ? grid[r][c] : Decoded{});
      if (const KnownPart* k = lookup(vocabulary().lanes, normalizeName(row.name))) {
        row.canonical = k->id;
        im.count(k->lang);
        canonicalIds.push_back(k->id);
      }
      rows.push_back(std::move(row));
    }
  } else {
    for (const auto& s : sections) {
      if (s.canonical) canonicalIds.push_back(*s.canonical);
    }
  }
  board.lang = meta.lang ? *meta.lang : detectLang(im, text);
  if (meta.avatar) board.persona.colour = *meta.avatar;
  std::string templateId;
  if (meta.templateId && makeBoard(board.kind, *meta.templateId, board.lang).ok()) {
    templateId = *meta.templateId;
  } else if (!journey && sections.empty() && !unsorted) {
    templateId = "classic";  // only a title and a persona: start from the classic four quadrants
  } else {
    templateId = bestTemplate(board.kind, canonicalIds);
  }
  auto base = makeBoard(board.kind, templateId, board.lang);
  if (!base.ok()) return Error{base.error()};
  board.templateId = templateId;
  board.personaRect = base->personaRect;
  if (!titleSet) board.title = base->title;
  const int li = langIndex(board.lang);
  std::set<std::string> usedIds;

  if (!journey) {
    if (!meta.templateId && sections.empty() && !unsorted) {
      board.sections = base->sections;
    }
    if (unsorted) {
      unsorted->title = board.lang == Lang::De ? "Unsortiert" : "Unsorted";
      sections.insert(sections.begin(), std::move(*unsorted));
      if (sections.size() > limits.maxSections) {
        return Error{"Too many sections (the limit is " + text::groupedThousands(limits.maxSections) + ")."};
      }
    }
    // Layout for parts the template does not place: a row under the template's grid.
    float bottom = base->personaRect.y + base->personaRect.h;
    for (const auto& s : base->sections) bottom = std::max(bottom, s.rect.y + s.rect.h);
    int extra = 0;
    std::size_t customCounter = 0;
    for (std::size_t si = 0; si < sections.size(); ++si) {
      PendingSection& ps = sections[si];
      Section s;
      s.title = ps.title;
      // A known name gives the template's id, hint and colour; a second "Says" keeps hint and
      // colour but needs an id of its own.
      const Section* named = partDefault(base->sections, vocabulary().sectionDefs[li], ps.canonical);
      const Section* inTemplate = nullptr;
      if (named && !usedIds.count(named->id)) {
        s.id = named->id;
        for (const auto& ts : base->sections) {
          if (ts.id == named->id) inTemplate = &ts;
        }
      } else {
        do {
          s.id = "s-" + std::to_string(++customCounter);
        } while (usedIds.count(s.id));
      }
      s.hint = named ? named->hint : "";
      s.colour = named ? named->colour : static_cast<int>(si % kPaletteSize);
      usedIds.insert(s.id);
      if (inTemplate) {
        s.rect = inTemplate->rect;
      } else {
        s.rect = Rect{static_cast<float>(extra % 4), bottom + static_cast<float>(extra / 4), 1, 1};
        ++extra;
      }
      if (ps.attrs.colour) s.colour = *ps.attrs.colour;
      if (ps.attrs.hint) s.hint = *ps.attrs.hint;
      if (!im.checkText(s.hint, ps.line, "a section hint")) return Error{im.error};
      std::int64_t order = 0;
      for (Note& n : ps.notes) {
        n.section = s.id;
        n.order = order;
        order += 1024;
        if (n.colour < 0) n.colour = s.colour;
      }
      board.sections.push_back(std::move(s));
    }
    // notes keep document order (ids m-1, m-2, … in the order they were written)
    for (PendingSection& ps : sections) {
      for (Note& n : ps.notes) {
        if (!im.addNote(std::move(n), ps.line)) return Error{im.error};
      }
    }
  } else {
    std::size_t custom = 0;
    for (const Column& col : columns) {
      Stage st;
      st.name = col.name;
      const Stage* named = partDefault(base->stages, vocabulary().stageDefs[li], col.canonical);
      if (named) st.description = named->description;
      if (named && !usedIds.count(named->id)) st.id = named->id;
      if (st.id.empty()) {
        do {
          st.id = "st-" + std::to_string(++custom);
        } while (usedIds.count(st.id));
      }
      usedIds.insert(st.id);
      board.stages.push_back(std::move(st));
    }
    // stage descriptions: "- Name: description", matched by name, first unassigned
    std::vector<bool> described(board.stages.size(), false);
    for (std::size_t k = 0; k < stageDescriptions.size(); ++k) {
      for (std::size_t s = 0; s < board.stages.size(); ++s) {
        if (described[s] || board.stages[s].name != stageDescriptions[k].first) continue;
        described[s] = true;
        board.stages[s].description = stageDescriptions[k].second.s;
        if (!im.checkText(board.stages[s].description, stageDescriptionLines[k], "a stage description")) {
          return Error{im.error};
        }
        break;
      }
    }
    custom = 0;
    for (Row& row : rows) {
      Lane lane;
      lane.name = row.name;
      const Lane* def = nullptr;
      if (row.canonical && !usedIds.count(*row.canonical)) {
        auto it = vocabulary().laneDefs[li].find(*row.canonical);
        if (it != vocabulary().laneDefs[li].end()) def = &it->second;
      }
      if (def && row.attrs.kind && *row.attrs.kind != def->kind) def = nullptr;
      if (def && row.attrs.role && *row.attrs.role != def->role) def = nullptr;
      if (def) {
        lane.id = def->id;
        lane.kind = def->kind;
        lane.role = def->role;
      } else {
        do {
          lane.id = "l-" + std::to_string(++custom);
        } while (usedIds.count(lane.id));
        // kind of a lane whose canonical id is taken: still from its name
        const Lane* named = nullptr;
        if (row.canonical) {
          auto it = vocabulary().laneDefs[li].find(*row.canonical);
          if (it != vocabulary().laneDefs[li].end()) named = &it->second;
        }
        lane.kind = row.attrs.kind ? *row.attrs.kind : named ? named->kind : inferLaneKind(row.cells);
        lane.role = row.attrs.role ? *row.attrs.role : named && lane.kind == named->kind ? named->role : "";
      }
      if (!im.checkText(lane.role, row.line, "a lane role")) return Error{im.error};
      usedIds.insert(lane.id);
      lane.showToBe = row.attrs.toBe;
      for (std::size_t c = 0; c < board.stages.size(); ++c) {
        const std::string& stageId = board.stages[c].id;
        CellParts parts = splitCell(row.cells[c]);
        std::vector<Decoded> noteTexts;
        if (lane.kind == LaneKind::Text) {
          noteTexts = parts.plain;
        } else if (parts.head.size() > 0) {
          if (lane.kind == LaneKind::Emotion) {
            EmotionCell e = parseEmotion(parts.head);
            if (e.outOfRange) {
              return Error{lineRef(row.line) + "the emotion score for \"" + board.stages[c].name +
                           "\" must be between −2 and +2."};
            }
            if (!im.checkText(e.score.reason, row.line, "an emotion reason")) return Error{im.error};
            lane.emotions[stageId] = e.score;
          } else {
            GapCell g = parseGap(parts.head);
            if (g.outOfRange) {
              return Error{lineRef(row.line) + "the expectation/experience scores for \"" + board.stages[c].name +
                           "\" must be between −2 and +2."};
            }
            if (!g.ok) {
              return Error{lineRef(row.line) + "the cell for \"" + board.stages[c].name +
                           "\" should read \"expectation / experience\", e.g. \"2 / -1\"."};
            }
            lane.gaps[stageId] = g.score;
          }
        }
        noteTexts.insert(noteTexts.end(), parts.bullets.begin(), parts.bullets.end());
        std::int64_t order = 0;
        for (Decoded& d : noteTexts) {
          Note n;
          bool skip = false;
          if (!im.makeNote(d, row.line, n, skip)) return Error{im.error};
          if (skip) continue;
          if (n.colour < 0) n.colour = 0;
          n.stage = stageId;
          n.lane = lane.id;
          n.order = order;
          order += 1024;
          if (!im.addNote(std::move(n), row.line)) return Error{im.error};
        }
      }
      board.lanes.push_back(std::move(lane));
    }
  }
  im.finishActions();
  // Language counts from persona labels are recorded while walking, so detection ran above; the id
  // is a hash of the text, stable for the same input.
  board.id = "md-" + hex64(fnv1a64(text));
  if (auto valid = validate(board, limits); !valid.ok()) return Error{valid.error()};
  return std::move(im.board);
}

}  // namespace

std::string exportMarkdown(const Board& board) {
  return board.kind == BoardKind::Journey ? exportJourney(board) : exportEmpathy(board);
}

Result<Board> importMarkdown(std::string_view text, const Limits& limits) {
  try {
    return importImpl(text, limits);
  } catch (const std::exception& e) {  // only std::bad_alloc can get here; never let it cross the API
    return Error{std::string("The Markdown text could not be read (") + e.what() + ")."};
  }
}

}  // namespace mapathy
