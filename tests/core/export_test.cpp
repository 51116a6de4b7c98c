// Tests of the exports (SVG, CSV, accessible and print HTML) and the shared palette.
//
// The checkers here are written for the tests, strict on purpose: a small XML well-formedness parser
// (with entity decoding, so we can compare what a reader gets back with the note text), an RFC 4180
// CSV parser that insists on CRLF row ends, and an HTML tag scanner that checks nesting and collects
// elements. One CSV test also reads the file with Python's csv module, a standard parser we did not write.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/export/export_common.hpp"
#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "core/model/palette.hpp"
#include "core/model/templates.hpp"
#include "random_board.hpp"
#include "sample_boards.hpp"

namespace mapathy {
namespace {

using exporting::cleanText;
using exporting::escapeXml;

// ---------------------------------------------------------------------------------------------
// Strict UTF-8 decoding shared by the checkers
// ---------------------------------------------------------------------------------------------
// Decodes one code point; returns false on any invalid sequence (overlong, surrogate, > U+10FFFF).
bool nextCodePoint(std::string_view s, std::size_t& i, char32_t& cp) {
  const auto b = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = b(i);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 < 0x80) {
    cp = b0;
    ++i;
    return true;
  }
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1Fu;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0Fu;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07u;
    min = 0x10000;
  } else {
    return false;
  }
  if (i + len > s.size()) return false;
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b(i + k) & 0x3Fu);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  i += len;
  return true;
}

bool validUtf8(std::string_view s) {
  std::size_t i = 0;
  char32_t cp = 0;
  while (i < s.size()) {
    if (!nextCodePoint(s, i, cp)) return false;
  }
  return true;
}

void appendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// ---------------------------------------------------------------------------------------------
// A strict XML 1.0 well-formedness checker (no DTDs: our SVG has none)
// ---------------------------------------------------------------------------------------------
struct XmlNode {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<XmlNode> children;
  std::string text;  // decoded character data directly inside this element, in order
};

class XmlChecker {
 public:
  explicit XmlChecker(std::string_view s) : s_(s) {}

  // Returns "" when well-formed, else a message with the byte offset.
  std::string check(XmlNode& root) {
    if (!validUtf8(s_)) return "invalid UTF-8";
    if (s_.substr(0, 5) == "<?xml" && !skipPi()) return fail("bad XML declaration");
    skipMisc();
    if (!at('<')) return fail("no root element");
    if (!element(root, 0)) return error_;
    skipMisc();
    if (pos_ != s_.size()) return fail("content after the root element");
    return {};
  }

 private:
  bool at(char c) const { return pos_ < s_.size() && s_[pos_] == c; }
  bool startsWith(std::string_view p) const { return s_.substr(pos_, p.size()) == p; }
  std::string fail(const std::string& why) {
    error_ = why + " at byte " + std::to_string(pos_);
    return error_;
  }
  bool failed(const std::string& why) {
    fail(why);
    return false;
  }
  void skipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\t' || s_[pos_] == '\r')) ++pos_;
  }
  bool skipPi() {
    const std::size_t end = s_.find("?>", pos_);
    if (end == std::string_view::npos) return false;
    pos_ = end + 2;
    return true;
  }
  bool skipComment() {
    const std::size_t end = s_.find("-->", pos_ + 4);
    if (end == std::string_view::npos) return false;
    if (s_.substr(pos_ + 4, end - pos_ - 4).find("--") != std::string_view::npos) return false;
    pos_ = end + 3;
    return true;
  }
  void skipMisc() {
    for (;;) {
      skipSpace();
      if (startsWith("<!--")) {
        if (!skipComment()) return;
      } else if (startsWith("<?")) {
        if (!skipPi()) return;
      } else {
        return;
      }
    }
  }
  static bool nameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
  }
  static bool nameChar(char c) { return nameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
  bool name(std::string& out) {
    if (!(pos_ < s_.size() && nameStart(s_[pos_]))) return failed("expected a name");
    const std::size_t start = pos_;
    while (pos_ < s_.size() && nameChar(s_[pos_])) ++pos_;
    out = std::string(s_.substr(start, pos_ - start));
    return true;
  }
  static bool xmlChar(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
  }
  // Character data up to `stop` (exclusive), decoding references.
  bool chars(std::string& out, std::string_view stops) {
    while (pos_ < s_.size() && stops.find(s_[pos_]) == std::string_view::npos) {
      if (s_[pos_] == '&') {
        const std::size_t semi = s_.find(';', pos_);
        if (semi == std::string_view::npos || semi - pos_ > 12) return failed("unterminated reference");
        const std::string_view ref = s_.substr(pos_ + 1, semi - pos_ - 1);
        if (ref == "amp") {
          out += '&';
        } else if (ref == "lt") {
          out += '<';
        } else if (ref == "gt") {
          out += '>';
        } else if (ref == "quot") {
          out += '"';
        } else if (ref == "apos") {
          out += '\'';
        } else if (ref.size() >= 2 && ref[0] == '#') {
          const bool hex = ref[1] == 'x';
          const std::string digits(ref.substr(hex ? 2 : 1));
          if (digits.empty() || digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") !=
                                    std::string::npos)
            return failed("bad character reference");
          const unsigned long v = std::stoul(digits, nullptr, hex ? 16 : 10);
          if (v > 0x10FFFF || !xmlChar(static_cast<char32_t>(v))) return failed("reference to an illegal character");
          appendUtf8(static_cast<char32_t>(v), out);
        } else {
          return failed("unknown entity &" + std::string(ref) + ";");
        }
        pos_ = semi + 1;
        continue;
      }
      if (s_[pos_] == '<') return failed("'<' in character data");
      std::size_t i = pos_;
      char32_t cp = 0;
      if (!nextCodePoint(s_, i, cp) || !xmlChar(cp)) return failed("illegal character");
      if (startsWith("]]>")) return failed("']]>' in character data");
      out.append(s_.substr(pos_, i - pos_));
      pos_ = i;
    }
    return true;
  }
  bool element(XmlNode& node, int depth) {
    if (depth > 256) return failed("nesting too deep");
    ++pos_;  // '<'
    if (!name(node.name)) return false;
    for (;;) {
      const std::size_t before = pos_;
      skipSpace();
      if (startsWith("/>")) {
        pos_ += 2;
        return true;
      }
      if (at('>')) {
        ++pos_;
        break;
      }
      if (pos_ == before) return failed("expected whitespace before an attribute");
      std::string attr;
      if (!name(attr)) return false;
      skipSpace();
      if (!at('=')) return failed("expected '=' after attribute " + attr);
      ++pos_;
      skipSpace();
      if (!at('"') && !at('\'')) return failed("attribute value not quoted");
      const char quote = s_[pos_++];
      std::string value;
      if (!chars(value, quote == '"' ? std::string_view("\"<") : std::string_view("'<"))) return false;
      if (!at(quote)) return failed("'<' in attribute value");
      ++pos_;
      if (!node.attrs.emplace(attr, value).second) return failed("duplicate attribute " + attr);
    }
    // Content.
    for (;;) {
      if (pos_ >= s_.size()) return failed("unclosed element <" + node.name + ">");
      if (startsWith("</")) {
        pos_ += 2;
        std::string closing;
        if (!name(closing)) return false;
        skipSpace();
        if (!at('>')) return failed("bad end tag");
        ++pos_;
        if (closing != node.name) return failed("</" + closing + "> closes <" + node.name + ">");
        return true;
      }
      if (startsWith("<!--")) {
        if (!skipComment()) return failed("bad comment");
        continue;
      }
      if (startsWith("<![CDATA[")) {
        const std::size_t end = s_.find("]]>", pos_);
        if (end == std::string_view::npos) return failed("unterminated CDATA");
        node.text.append(s_.substr(pos_ + 9, end - pos_ - 9));
        pos_ = end + 3;
        continue;
      }
      if (startsWith("<?")) {
        if (!skipPi()) return failed("bad processing instruction");
        continue;
      }
      if (at('<')) {
        node.children.emplace_back();
        if (!element(node.children.back(), depth + 1)) return false;
        continue;
      }
      if (!chars(node.text, "<")) return false;
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  std::string error_;
};

void collect(const XmlNode& n, const std::string& name, std::vector<const XmlNode*>& out) {
  if (n.name == name) out.push_back(&n);
  for (const XmlNode& c : n.children) collect(c, name, out);
}

std::vector<const XmlNode*> findAll(const XmlNode& root, const std::string& name) {
  std::vector<const XmlNode*> out;
  collect(root, name, out);
  return out;
}

std::string allText(const XmlNode& n) {
  std::string out = n.text;
  for (const XmlNode& c : n.children) out += allText(c);
  return out;
}

XmlNode parseXmlOrFail(const std::string& text) {
  XmlNode root;
  const std::string error = XmlChecker(text).check(root);
  EXPECT_EQ(error, "") << text.substr(0, 400);
  return root;
}

// ---------------------------------------------------------------------------------------------
// RFC 4180 parser: CRLF row ends, quotes doubled inside quoted fields, nothing else tolerated
// ---------------------------------------------------------------------------------------------
struct CsvParse {
  std::vector<std::vector<std::string>> rows;
  std::string error;
};

CsvParse parseCsv(std::string_view s, char delimiter = ',') {
  CsvParse r;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  bool fieldStart = true;
  while (i < s.size()) {
    const char c = s[i];
    if (fieldStart && c == '"') {
      ++i;
      for (;;) {
        if (i >= s.size()) {
          r.error = "unterminated quoted field";
          return r;
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += s[i++];
      }
      if (i < s.size() && s[i] != delimiter && s[i] != '\r') {
        r.error = "text after a closing quote at byte " + std::to_string(i);
        return r;
      }
      fieldStart = false;
      continue;
    }
    if (c == delimiter) {
      row.push_back(std::move(field));
      field.clear();
      fieldStart = true;
      ++i;
      continue;
    }
    if (c == '\r') {
      if (i + 1 >= s.size() || s[i + 1] != '\n') {
        r.error = "CR without LF at byte " + std::to_string(i);
        return r;
      }
      row.push_back(std::move(field));
      field.clear();
      r.rows.push_back(std::move(row));
      row.clear();
      fieldStart = true;
      i += 2;
      continue;
    }
    if (c == '\n') {
      r.error = "bare LF outside quotes at byte " + std::to_string(i);
      return r;
    }
    if (c == '"') {
      r.error = "quote inside an unquoted field at byte " + std::to_string(i);
      return r;
    }
    field += c;
    fieldStart = false;
    ++i;
  }
  if (!fieldStart || !row.empty()) r.error = "last row does not end with CRLF";
  return r;
}

// ---------------------------------------------------------------------------------------------
// HTML tag scanner: start/end tags with attributes, void elements, raw-text <style>; checks nesting
// ---------------------------------------------------------------------------------------------
struct HtmlElement {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::vector<std::string> ancestors;  // outermost first
  std::string text;                    // text directly inside the element (not inside its children)
};

struct HtmlScan {
  std::vector<HtmlElement> elements;
  std::string error;
  [[nodiscard]] std::vector<const HtmlElement*> all(const std::string& name) const {
    std::vector<const HtmlElement*> out;
    for (const auto& e : elements) {
      if (e.name == name) out.push_back(&e);
    }
    return out;
  }
  [[nodiscard]] std::size_t count(const std::string& name) const { return all(name).size(); }
};

bool isVoid(const std::string& n) {
  static const std::vector<std::string> kVoid = {"meta", "br", "link", "img", "input", "hr", "col", "source", "wbr"};
  return std::find(kVoid.begin(), kVoid.end(), n) != kVoid.end();
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

HtmlScan scanHtml(std::string_view s) {
  HtmlScan r;
  if (!validUtf8(s)) {
    r.error = "invalid UTF-8";
    return r;
  }
  std::vector<std::string> stack;
  std::vector<std::size_t> open;  // element index of each stack entry
  std::size_t i = 0;
  if (s.substr(0, 15) != "<!DOCTYPE html>") {
    r.error = "missing <!DOCTYPE html>";
    return r;
  }
  i = 15;
  while (i < s.size()) {
    const std::size_t lt = s.find('<', i);
    if (lt == std::string_view::npos) break;
    const std::string_view between = s.substr(i, lt - i);
    if (between.find('>') != std::string_view::npos) {
      r.error = "stray '>' in text at byte " + std::to_string(i);
      return r;
    }
    if (!open.empty()) r.elements[open.back()].text += std::string(between);
    const std::size_t gt = s.find('>', lt);
    if (gt == std::string_view::npos) {
      r.error = "unterminated tag";
      return r;
    }
    std::string_view tag = s.substr(lt + 1, gt - lt - 1);
    i = gt + 1;
    if (tag.substr(0, 3) == "!--") continue;
    if (!tag.empty() && tag[0] == '/') {
      const std::string name = lower(std::string(tag.substr(1)));
      if (stack.empty() || stack.back() != name) {
        r.error = "</" + name + "> does not close <" + (stack.empty() ? std::string("nothing") : stack.back()) + ">";
        return r;
      }
      stack.pop_back();
      open.pop_back();
      continue;
    }
    const bool selfClosing = !tag.empty() && tag.back() == '/';
    if (selfClosing) tag.remove_suffix(1);
    HtmlElement e;
    std::size_t k = 0;
    while (k < tag.size() && tag[k] != ' ' && tag[k] != '\n') ++k;
    e.name = lower(std::string(tag.substr(0, k)));
    while (k < tag.size()) {
      while (k < tag.size() && (tag[k] == ' ' || tag[k] == '\n')) ++k;
      if (k >= tag.size()) break;
      std::size_t a = k;
      while (k < tag.size() && tag[k] != '=' && tag[k] != ' ') ++k;
      const std::string attr = lower(std::string(tag.substr(a, k - a)));
      std::string value;
      if (k < tag.size() && tag[k] == '=') {
        ++k;
        if (k >= tag.size() || tag[k] != '"') {
          r.error = "unquoted attribute " + attr + " on <" + e.name + ">";
          return r;
        }
        const std::size_t close = tag.find('"', k + 1);
        if (close == std::string_view::npos) {
          r.error = "unterminated attribute value";
          return r;
        }
        value = std::string(tag.substr(k + 1, close - k - 1));
        if (value.find('<') != std::string::npos) {
          r.error = "'<' in attribute value";
          return r;
        }
        k = close + 1;
      }
      if (!e.attrs.emplace(attr, value).second) {
        r.error = "duplicate attribute " + attr;
        return r;
      }
    }
    e.ancestors = stack;
    const std::string name = e.name;
    r.elements.push_back(std::move(e));
    if (name == "style") {  // raw text up to </style>
      const std::size_t end = s.find("</style>", i);
      if (end == std::string_view::npos) {
        r.error = "unterminated <style>";
        return r;
      }
      i = end + 8;
      continue;
    }
    if (!selfClosing && !isVoid(name)) {
      stack.push_back(name);
      open.push_back(r.elements.size() - 1);
    }
  }
  if (!stack.empty()) r.error = "unclosed <" + stack.back() + ">";
  return r;
}

bool hasAncestor(const HtmlElement& e, const std::string& name) {
  return std::find(e.ancestors.begin(), e.ancestors.end(), name) != e.ancestors.end();
}

// ---------------------------------------------------------------------------------------------
// Boards
// ---------------------------------------------------------------------------------------------
Board typicalJourney() {
  Board b = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  b.id = "b-journey";
  b.title = "Moving house: new address & meter reading";
  b.persona.name = "Sabine Krüger";
  const std::vector<std::string> texts = {"Sees a leaflet in the letterbox", "Googles \"electricity move\"",
                                          "Calls the hotline, waits 20 minutes", "Fills in the online form twice",
                                          "App crashes when uploading the meter photo"};
  int k = 0;
  for (const Stage& st : b.stages) {
    for (Lane& l : b.lanes) {
      if (l.kind == LaneKind::Emotion) {
        EmotionScore e;
        e.asIs = (k % 5) - 2;
        e.toBe = std::min(2, (k % 5) - 1);
        e.reason = k % 2 == 1 ? "Waited too long for an answer" : "";
        l.emotions[st.id] = e;
        l.showToBe = true;
      } else if (l.kind == LaneKind::Expectation) {
        l.gaps[st.id] = GapScore{1 + (k % 2), (k % 5) - 2};
      } else if (k % 3 != 2) {
        Note n;
        n.id = "n" + std::to_string(b.notes.size());
        n.text = texts[b.notes.size() % texts.size()];
        n.stage = st.id;
        n.lane = l.id;
        n.colour = static_cast<int>(b.notes.size() % kPaletteSize);
        n.votes = static_cast<int>(b.notes.size() % 4);
        n.order = static_cast<std::int64_t>(b.notes.size());
        n.evidence = b.notes.size() % 2 == 1 ? Evidence::Observed : Evidence::Assumed;
        b.notes.push_back(n);
      }
      ++k;
    }
  }
  Action a;
  a.id = "a1";
  a.text = "Let customers upload the meter photo without the app";
  a.owner = "Team Web";
  a.status = ActionStatus::Doing;
  a.notes = {"n0", "n3"};
  b.actions.push_back(a);
  return b;
}

// Text that breaks naive exporters.
const std::string kHostile =
    "<script>alert('x')</script> & \"quoted\" 'single' \x01\x07\x1B\x7F bell, CR\r\nLF and \xFF invalid "
    "]]> =SUM(A1) Grüße ß 中文 😀";

Board hostileBoard(BoardKind kind) {
  Board b = kind == BoardKind::EmpathyMap ? samples::typicalGermanEmpathyMap() : typicalJourney();
  b.title = kHostile;
  b.persona.name = kHostile;
  b.persona.quote = kHostile;
  b.persona.initials = "<&>";
  if (kind == BoardKind::EmpathyMap) {
    b.sections[0].title = kHostile;
    b.sections[1].hint = kHostile;
  } else {
    b.stages[0].name = kHostile;
    b.lanes[0].name = kHostile;
    for (Lane& l : b.lanes) {
      if (l.kind == LaneKind::Emotion) l.emotions[b.stages[1].id].reason = kHostile;
    }
  }
  b.notes[0].text = kHostile;
  b.notes[1].tags = {kHostile, "=cmd|' /C calc'!A0"};
  b.notes[1].author = kHostile;
  std::string big;
  while (big.size() < 10 * 1024) big += "Lorem ipsum <dolor> & sit amet, Übergröße; ";
  b.notes[2].text = big;
  b.notes[3].text = std::string(5000, 'W');  // one word far wider than any card
  b.actions[0].text = kHostile;
  b.actions[0].owner = "@owner";
  return b;
}

std::vector<Board> variedBoards() {
  std::vector<Board> out = {samples::typicalGermanEmpathyMap(), typicalJourney(), hostileBoard(BoardKind::EmpathyMap),
                            hostileBoard(BoardKind::Journey)};
  for (Lang lang : {Lang::De, Lang::En}) {
    for (const auto& t : listTemplates(lang)) out.push_back(makeBoard(t.kind, t.id, lang).value());
  }
  std::mt19937_64 rng(20261123);
  for (int i = 0; i < 12; ++i) {
    out.push_back(randomBoard(rng, i % 2 == 0 ? BoardKind::EmpathyMap : BoardKind::Journey, i * 7));
  }
  return out;
}

// Titles of the cards: the full note texts, decoded by the XML checker.
std::vector<std::string> svgTitles(const XmlNode& root) {
  std::vector<std::string> out;
  for (const XmlNode* t : findAll(root, "title")) out.push_back(t->text);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The checkers check: they must reject what they are meant to reject
// ---------------------------------------------------------------------------------------------
TEST(ExportCheckers, XmlCheckerRejectsMalformedDocuments) {
  XmlNode root;
  EXPECT_EQ(XmlChecker("<a x=\"1\"><b>t &amp; &#252; &#x1F600;</b></a>").check(root), "");
  EXPECT_EQ(root.children.at(0).text, "t & ü 😀");
  for (const char* bad : {"<a><b></a></b>", "<a>x & y</a>", "<a x=1/>", "<a x=\"1\" x=\"2\"/>", "<a>\x01</a>",
                          "<a>&nbsp;</a>", "<a/><b/>", "<a>]]></a>", "<a x=\"<\"/>", "<a>&#0;</a>", "<a>\xFF</a>",
                          "<a>", "text"}) {
    XmlNode r;
    EXPECT_NE(XmlChecker(bad).check(r), "") << bad;
  }
}

TEST(ExportCheckers, CsvParserIsStrict) {
  const CsvParse ok = parseCsv("a,\"b,\"\"c\"\"\nd\"\r\n,x\r\n");
  ASSERT_EQ(ok.error, "");
  ASSERT_EQ(ok.rows.size(), 2u);
  EXPECT_EQ(ok.rows[0][1], "b,\"c\"\nd");
  EXPECT_EQ(ok.rows[1][0], "");
  for (const char* bad : {"a\nb\r\n", "a\"b\r\n", "\"a\"b\r\n", "\"a\r\n", "a,b"}) {
    EXPECT_NE(parseCsv(bad).error, "") << bad;
  }
}

TEST(ExportCheckers, HtmlScannerChecksNesting) {
  EXPECT_EQ(scanHtml("<!DOCTYPE html><html><body><p>a<br>b</p></body></html>").error, "");
  EXPECT_NE(scanHtml("<!DOCTYPE html><html><p><b></p></b></html>").error, "");
  EXPECT_NE(scanHtml("<!DOCTYPE html><html><p a=b></p></html>").error, "");
  EXPECT_NE(scanHtml("<html></html>").error, "");
}

// ---------------------------------------------------------------------------------------------
// Palette
// ---------------------------------------------------------------------------------------------
TEST(Palette, TextColoursPassWcagContrast) {
  const BoardColours& c = boardColours();
  for (int i = 0; i < kPaletteSize; ++i) {
    const PaletteColour& p = paletteColour(i);
    EXPECT_GE(contrastRatio(p.fill, p.ink), 7.0) << p.id;
    EXPECT_GE(contrastRatio(p.accent, p.onAccent), 4.5) << p.id;
    EXPECT_GE(contrastRatio(p.tint, c.heading), 4.5) << p.id;
    EXPECT_GE(contrastRatio(p.tint, c.muted), 4.5) << p.id;
    EXPECT_GE(contrastRatio(p.accent, p.fill), 2.0) << p.id << ": card border must be visible";
  }
  for (Rgb bg : {c.background, c.panel}) {
    EXPECT_GE(contrastRatio(bg, c.heading), 4.5);
    EXPECT_GE(contrastRatio(bg, c.text), 4.5);
    EXPECT_GE(contrastRatio(bg, c.muted), 4.5);
    for (Rgb g : {c.curveAsIs, c.curveToBe, c.expectation, c.experience, c.observed, c.assumed, c.vote}) {
      EXPECT_GE(contrastRatio(bg, g), 3.0) << toHex(g);  // graphics: WCAG 1.4.11
    }
  }
  EXPECT_DOUBLE_EQ(contrastRatio(Rgb{0, 0, 0}, Rgb{255, 255, 255}), 21.0);
}

TEST(Palette, IndicesWrapAndNamesAreBilingual) {
  EXPECT_EQ(paletteIndex(-1), kPaletteSize - 1);
  EXPECT_EQ(paletteIndex(kPaletteSize), 0);
  EXPECT_EQ(&paletteColour(kPaletteSize + 2), &paletteColour(2));
  EXPECT_STREQ(colourName(0, Lang::En), "Yellow");
  EXPECT_STREQ(colourName(0, Lang::De), "Gelb");
  EXPECT_STREQ(colourName(6, Lang::De), "Grün");
  std::vector<std::string> ids;
  for (int i = 0; i < kPaletteSize; ++i) ids.emplace_back(paletteColour(i).id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(std::unique(ids.begin(), ids.end()), ids.end());
}

TEST(Palette, HexAndImGuiPacking) {
  EXPECT_EQ(toHex(Rgb{0x1F, 0xA0, 0x0B}), "#1FA00B");
  // IM_COL32(R,G,B,A) = A<<24 | B<<16 | G<<8 | R
  EXPECT_EQ(toImU32(Rgb{0x11, 0x22, 0x33}, 0x44), 0x44332211u);
  EXPECT_EQ(emotionColour(-9), emotionColour(kScoreMin));
  EXPECT_NE(emotionColour(-2), emotionColour(2));
}

// ---------------------------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------------------------
TEST(ExportText, CleanTextKeepsUtf8AndDropsControls) {
  EXPECT_EQ(cleanText("Grüße\x01\x1B\x7F ß 😀"), "Grüße ß 😀");
  EXPECT_EQ(cleanText("a\r\nb\rc\nd"), "a\nb\nc\nd");
  EXPECT_EQ(cleanText("a\r\nb", false), "a b");
  EXPECT_EQ(cleanText("a\tb"), "a b");
  EXPECT_EQ(cleanText("a\tb", true, true), "a\tb");
  EXPECT_EQ(cleanText("bad \xFF\xC3 end"), "bad \xEF\xBF\xBD\xEF\xBF\xBD end");
  EXPECT_EQ(cleanText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // encoded surrogate
  EXPECT_EQ(cleanText("\xC2\x85 C1"), " C1");                                      // NEL, a C1 control
  EXPECT_TRUE(validUtf8(cleanText(kHostile)));
  EXPECT_EQ(escapeXml("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
}

TEST(ExportText, WrapKeepsWordsAndFitsWidth) {
  const std::string text = "Wartet zwanzig Minuten in der Hotline und legt dann entnervt auf, weil niemand abnimmt";
  for (double width : {120.0, 200.0, 400.0}) {  // wider than any single word
    const auto lines = exporting::wrapText(text, width, 14);
    std::string joined;
    for (const auto& l : lines) {
      EXPECT_LE(exporting::textWidth(l, 14), width + 1e-9) << l;
      joined += (joined.empty() ? "" : " ") + l;
    }
    EXPECT_EQ(joined, text);
  }
  EXPECT_EQ(exporting::wrapText("one\ntwo", 500, 14), (std::vector<std::string>{"one", "two"}));
  EXPECT_EQ(exporting::wrapText("", 500, 14).size(), 1u);
  // A long word of multi-byte characters is split between code points.
  const std::string word = "ÄÖÜäöüß中文😀ÄÖÜäöüß中文😀ÄÖÜäöüß中文😀";
  const auto pieces = exporting::wrapText(word, 40, 14);
  EXPECT_GT(pieces.size(), 3u);
  std::string rejoined;
  for (const auto& p : pieces) {
    EXPECT_TRUE(validUtf8(p)) << p;
    rejoined += p;
  }
  EXPECT_EQ(rejoined, word);
  // Wide and bold text measure wider.
  EXPECT_GT(exporting::textWidth("WWW", 14), exporting::textWidth("iii", 14));
  EXPECT_GT(exporting::textWidth("Hallo", 14, true), exporting::textWidth("Hallo", 14));
  EXPECT_GT(exporting::textWidth("中文", 14), exporting::textWidth("ab", 14));
}

TEST(ExportText, NumbersAreLocaleFreeAndShort) {
  EXPECT_EQ(exporting::num(12.0), "12");
  EXPECT_EQ(exporting::num(12.25), "12.3");  // one decimal
  EXPECT_EQ(exporting::num(-0.01), "0");
  EXPECT_EQ(exporting::num(-3.5), "-3.5");
  EXPECT_EQ(exporting::scoreText(2), "+2");
  EXPECT_EQ(exporting::scoreText(0), "0");
  EXPECT_EQ(exporting::scoreText(-1), "\xE2\x88\x92" "1");
  EXPECT_EQ(exporting::scoreText(-1, false), "-1");
}

TEST(ExportText, QuotesAreAddedOnlyWhenMissing) {
  EXPECT_EQ(exporting::quoted("Nie wieder Hotline", Lang::De), "\xE2\x80\x9E" "Nie wieder Hotline\xE2\x80\x9C");
  EXPECT_EQ(exporting::quoted("Never again", Lang::En), "\xE2\x80\x9C" "Never again\xE2\x80\x9D");
  // Typed quote marks are kept as they are (no „„doubled““ marks).
  for (const char* typed : {"\"Schon gequotet\"", "\xE2\x80\x9E" "Ja\xE2\x80\x9C", "\xC2\xAB" "Oui\xC2\xBB", "'single'"}) {
    EXPECT_EQ(exporting::quoted(typed, Lang::De), typed);
  }
  Board b = samples::typicalGermanEmpathyMap();  // its persona quote has no marks of its own
  b.persona.quote = "\xE2\x80\x9E" "Ich will nicht dreimal anrufen müssen.\xE2\x80\x9C";
  for (const std::string& out : {exportSvg(b), exportPrintHtml(b, Lang::De)}) {
    EXPECT_EQ(out.find("\xE2\x80\x9E\xE2\x80\x9E"), std::string::npos);
    EXPECT_NE(out.find("\xE2\x80\x9E" "Ich will nicht dreimal anrufen"), std::string::npos);
  }
}

TEST(ExportText, SmoothCurveNeverOvershootsItsPoints) {
  const std::vector<exporting::Point> pts = {{0, 0}, {100, 168}, {200, 0}, {300, 0}, {400, 84}, {500, 168}};
  const std::string d = exporting::smoothPath(pts);
  ASSERT_EQ(d.rfind("M0,0", 0), 0u);
  // Parse "C x1,y1 x2,y2 x,y" triples and check every control point's y stays within its segment.
  std::istringstream in(d.substr(d.find('C')));
  std::size_t segment = 0;
  std::string token;
  while (in >> token) {
    if (token[0] == 'C') token = token.substr(1);
    double cx1 = 0, cy1 = 0, cx2 = 0, cy2 = 0, x = 0, y = 0;
    std::string t2, t3;
    in >> t2 >> t3;
    ASSERT_EQ(std::sscanf(token.c_str(), "%lf,%lf", &cx1, &cy1), 2);
    ASSERT_EQ(std::sscanf(t2.c_str(), "%lf,%lf", &cx2, &cy2), 2);
    ASSERT_EQ(std::sscanf(t3.c_str(), "%lf,%lf", &x, &y), 2);
    const double lo = std::min(pts[segment].y, pts[segment + 1].y);
    const double hi = std::max(pts[segment].y, pts[segment + 1].y);
    EXPECT_GE(cy1, lo - 0.05);
    EXPECT_LE(cy1, hi + 0.05);
    EXPECT_GE(cy2, lo - 0.05);
    EXPECT_LE(cy2, hi + 0.05);
    EXPECT_DOUBLE_EQ(x, pts[segment + 1].x);
    EXPECT_DOUBLE_EQ(y, pts[segment + 1].y);
    ++segment;
  }
  EXPECT_EQ(segment, pts.size() - 1);
  EXPECT_EQ(exporting::smoothPath({}), "");
  EXPECT_EQ(exporting::smoothPath({{5, 6}}), "M5,6");
}

// ---------------------------------------------------------------------------------------------
// SVG
// ---------------------------------------------------------------------------------------------
TEST(ExportSvg, IsWellFormedAndHoldsEveryNoteText) {
  for (const Board& b : variedBoards()) {
    const std::string svg = exportSvg(b);
    const XmlNode root = parseXmlOrFail(svg);
    ASSERT_EQ(root.name, "svg");
    EXPECT_EQ(root.attrs.at("xmlns"), "http://www.w3.org/2000/svg");
    EXPECT_EQ(root.attrs.at("version"), "1.1");
    EXPECT_EQ(root.attrs.at("font-family"), "Inter, 'DejaVu Sans', sans-serif");
    EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
    const auto titles = svgTitles(root);
    for (const Note& n : b.notes) {
      EXPECT_NE(svg.find("<title>" + escapeXml(n.text) + "</title>"), std::string::npos) << n.id;
      EXPECT_NE(std::find(titles.begin(), titles.end(), cleanText(n.text)), titles.end()) << n.id;
    }
    if (!b.title.empty()) {
      EXPECT_EQ(findAll(root, "title").front()->text, cleanText(b.title, false));
    }
  }
}

TEST(ExportSvg, HostileTextIsEscapedNotInterpreted) {
  for (BoardKind kind : {BoardKind::EmpathyMap, BoardKind::Journey}) {
    const Board b = hostileBoard(kind);
    const std::string svg = exportSvg(b);
    const XmlNode root = parseXmlOrFail(svg);
    EXPECT_EQ(svg.find("<script"), std::string::npos);
    EXPECT_TRUE(findAll(root, "script").empty());
    EXPECT_EQ(svg.find('\x01'), std::string::npos);
    EXPECT_EQ(svg.find('\x1B'), std::string::npos);
    EXPECT_EQ(svg.find('\r'), std::string::npos);
    EXPECT_NE(svg.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), std::string::npos);
    // The visible lines, read back, hold the hostile words in order.
    EXPECT_NE(allText(root).find("<script>alert('x')</script>"), std::string::npos);
    // The 10 KB note becomes a tall card with many lines; the long word is broken into several lines.
    const auto lines = findAll(root, "tspan");
    std::size_t loremLines = 0;
    std::size_t wLines = 0;
    for (const XmlNode* t : lines) {
      if (t->text.find("Lorem ipsum") != std::string::npos) ++loremLines;
      if (t->text.size() > 3 && t->text.find_first_not_of('W') == std::string::npos) ++wLines;
    }
    EXPECT_GT(loremLines, 100u);
    EXPECT_GT(wLines, 20u);
  }
}

// Card <g> elements: the group whose <title> is the note's text; its second <rect> is the card.
const XmlNode* cardOf(const XmlNode& root, const std::string& text) {
  for (const XmlNode* g : findAll(root, "g")) {
    if (!g->children.empty() && g->children[0].name == "title" && g->children[0].text == text) return g;
  }
  return nullptr;
}

TEST(ExportSvg, CardsGrowToFitAndStayInsideTheirSection) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  Note shortNote;
  shortNote.id = "a";
  shortNote.section = "says";
  shortNote.text = "Short";
  Note longNote = shortNote;
  longNote.id = "b";
  longNote.order = 1;
  longNote.text = "A much longer note that certainly needs several lines on a sticky card of this width, "
                  "because it goes on and on about the hotline and the waiting music.";
  b.notes = {shortNote, longNote};
  const XmlNode root = parseXmlOrFail(exportSvg(b));
  const XmlNode* a = cardOf(root, "Short");
  const XmlNode* c = cardOf(root, longNote.text);
  ASSERT_NE(a, nullptr);
  ASSERT_NE(c, nullptr);
  const auto height = [](const XmlNode* g) { return std::stod(g->children.at(2).attrs.at("height")); };
  EXPECT_GT(height(c), height(a) + 40);
  EXPECT_GT(findAll(*c, "tspan").size(), 4u);

  // Many notes in one section: the section (its rect) grows to hold every card.
  for (int i = 0; i < 30; ++i) {
    Note n = longNote;
    n.id = "m" + std::to_string(i);
    n.order = 10 + i;
    b.notes.push_back(n);
  }
  const XmlNode big = parseXmlOrFail(exportSvg(b));
  double lowestCard = 0;
  for (const XmlNode* g : findAll(big, "g")) {
    if (g->children.size() < 3 || g->children[0].name != "title" || g->children[0].text != longNote.text) continue;
    const XmlNode& r = g->children.at(2);
    lowestCard = std::max(lowestCard, std::stod(r.attrs.at("y")) + std::stod(r.attrs.at("height")));
  }
  const double svgHeight = std::stod(big.attrs.at("height"));
  EXPECT_GT(lowestCard, 1000.0);
  EXPECT_LT(lowestCard, svgHeight);
}

TEST(ExportSvg, JourneyDrawsCurvesFacesAndGaps) {
  const Board b = typicalJourney();
  const std::string svg = exportSvg(b);
  const XmlNode root = parseXmlOrFail(svg);
  const Lane* emotions = findLane(b, "emotions");
  ASSERT_NE(emotions, nullptr);
  std::size_t smooth = 0;
  std::size_t dashedSmooth = 0;
  for (const XmlNode* p : findAll(root, "path")) {
    const std::string& d = p->attrs.at("d");
    if (d.find(" C") == std::string::npos) continue;
    ++smooth;
    if (p->attrs.count("stroke-dasharray") != 0) ++dashedSmooth;
  }
  EXPECT_EQ(smooth, 2u);  // as-is and to-be
  EXPECT_EQ(dashedSmooth, 1u);
  EXPECT_NE(svg.find(toHex(boardColours().curveToBe)), std::string::npos);
  // One face (titled with the score in words) per scored stage.
  std::size_t faces = 0;
  for (const XmlNode* t : findAll(root, "title")) {
    if (t->text.rfind("As is: ", 0) == 0) ++faces;
  }
  EXPECT_EQ(faces, b.stages.size());
  EXPECT_NE(svg.find("As is: \xE2\x88\x92" "2 (very negative)"), std::string::npos);
  // Gap shading: a worse and a better band with their colours.
  EXPECT_NE(svg.find("fill=\"" + toHex(boardColours().gapWorse) + "\" fill-opacity"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"" + toHex(boardColours().gapBetter) + "\" fill-opacity"), std::string::npos);
  // Stage and lane names and the action item.
  for (const Stage& s : b.stages) EXPECT_NE(allText(root).find(s.name), std::string::npos);
  EXPECT_NE(allText(root).find("Team Web"), std::string::npos);
  // Without to-be the dashed curve disappears.
  Board noToBe = b;
  for (Lane& l : noToBe.lanes) l.showToBe = false;
  EXPECT_EQ(exportSvg(noToBe).find("stroke-dasharray=\"8 6\""), std::string::npos);
}

// A stage nobody scored is passed over, as in the app: the curve goes on through the next scored stage
// instead of falling apart into pieces (or vanishing when no two scored stages are neighbours).
TEST(ExportSvg, CurvePassesOverStagesWithoutScore) {
  Board b = typicalJourney();
  Lane* emotions = nullptr;
  for (Lane& l : b.lanes) {
    if (l.kind == LaneKind::Emotion) emotions = &l;
  }
  ASSERT_NE(emotions, nullptr);
  ASSERT_GE(b.stages.size(), 4u);
  emotions->showToBe = false;
  // Every other stage unscored: no two scored stages are next to each other.
  for (std::size_t i = 1; i < b.stages.size(); i += 2) emotions->emotions.erase(b.stages[i].id);
  const std::size_t scored = (b.stages.size() + 1) / 2;
  for (const std::string& page : {exportSvg(b), exportPrintHtml(b, Lang::En, PaperSize::A4)}) {
    const std::size_t start = page.find("<svg");
    const XmlNode root = parseXmlOrFail(page.substr(start, page.rfind("</svg>") + 6 - start));
    std::size_t curves = 0;
    std::size_t segments = 0;
    for (const XmlNode* p : findAll(root, "path")) {
      const std::string& d = p->attrs.at("d");
      if (d.find(" C") == std::string::npos) continue;
      ++curves;
      for (std::size_t at = d.find('C'); at != std::string::npos; at = d.find('C', at + 1)) ++segments;
    }
    EXPECT_EQ(curves, 1u);
    EXPECT_EQ(segments, scored - 1) << "one Bézier segment between each pair of scored stages";
  }
}

TEST(ExportSvg, PersonaAndSectionsAreShown) {
  const Board b = samples::typicalGermanEmpathyMap();
  const XmlNode root = parseXmlOrFail(exportSvg(b));
  const std::string text = allText(root);
  for (const Section& s : b.sections) EXPECT_NE(text.find(s.title), std::string::npos);
  EXPECT_NE(text.find("SK"), std::string::npos);
  EXPECT_NE(text.find("Sabine Krüger"), std::string::npos);
  EXPECT_NE(text.find("beobachtet"), std::string::npos);
  EXPECT_NE(text.find("vermutet"), std::string::npos);
  EXPECT_NE(text.find("Maßnahmen"), std::string::npos);
  // The persona disc takes the persona's palette colour.
  EXPECT_NE(exportSvg(b).find("r=\"38\" fill=\"" + toHex(paletteColour(b.persona.colour).accent) + "\""),
            std::string::npos);
}

TEST(ExportSvg, OutputIsDeterministic) {
  for (const Board& b : variedBoards()) {
    Board shuffled = b;
    std::mt19937_64 rng(3);
    std::shuffle(shuffled.notes.begin(), shuffled.notes.end(), rng);
    const std::string svg = exportSvg(b);
    EXPECT_EQ(svg, exportSvg(b));
    EXPECT_EQ(svg, exportSvg(shuffled)) << "storage order of notes must not matter";
  }
}

TEST(ExportSvg, OptionsAndOddLayoutsStayWellFormed) {
  Board b = samples::typicalGermanEmpathyMap();
  SvgOptions o;
  o.xmlDeclaration = false;
  o.includeActions = false;
  const std::string svg = exportSvg(b, o);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg.find("Maßnahmen</tspan>"), std::string::npos);
  // Broken rectangles (NaN, negative, huge) and notes in missing places.
  b.sections[0].rect = Rect{std::nanf(""), -5, 1e9f, 0};
  b.personaRect = Rect{-1, -1, -1, -1};
  b.notes[0].section = "gone";
  b.notes[1].colour = 99;
  b.notes[2].votes = 40;
  const std::string odd = exportSvg(b);
  const XmlNode root = parseXmlOrFail(odd);
  EXPECT_NE(allText(root).find("Weitere Notizen"), std::string::npos);
  EXPECT_NE(odd.find("<title>" + escapeXml(b.notes[0].text) + "</title>"), std::string::npos);
  // Every coordinate is a finite number.
  std::size_t numbers = 0;
  for (const char* name : {"rect", "circle", "line", "text", "tspan"}) {
    for (const XmlNode* n : findAll(root, name)) {
      for (const auto& [attr, value] : n->attrs) {
        if (attr != "x" && attr != "y" && attr != "width" && attr != "height" && attr != "cx" && attr != "cy" &&
            attr != "r" && attr != "x1" && attr != "y2")
          continue;
        std::size_t used = 0;
        const double v = std::stod(value, &used);
        EXPECT_EQ(used, value.size()) << attr << "=" << value;
        EXPECT_TRUE(std::isfinite(v)) << attr << "=" << value;
        ++numbers;
      }
    }
  }
  EXPECT_GT(numbers, 100u);
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------
// What a reader gets back for a text cell: cleaned, then guarded.
std::string expectedCell(const std::string& text, bool guard = true) {
  const std::string clean = cleanText(text, true, true);
  return guard ? guardSpreadsheetCell(clean) : clean;
}

TEST(ExportCsv, NotesParseBackAndRoundTripSpecialCharacters) {
  Board b = samples::typicalGermanEmpathyMap();
  b.notes[0].text = "Comma, \"quotes\" and\nnew line; Grüße ß Äpfel";
  b.notes[1].tags = {"Hotline", "Rückruf, bitte"};
  b.notes[2].author = "Jörg \"JJ\" Müller";
  const std::string csv = exportNotesCsv(b);
  const CsvParse p = parseCsv(csv);
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.rows.size(), b.notes.size() + 1);
  EXPECT_EQ(p.rows[0], (std::vector<std::string>{"Board", "Bereich", "Text", "Farbe", "Tags", "Stimmen", "Beleg",
                                                   "Autor:in", "ID"}));
  std::map<std::string, std::vector<std::string>> byId;
  for (std::size_t i = 1; i < p.rows.size(); ++i) {
    ASSERT_EQ(p.rows[i].size(), 9u);
    byId[p.rows[i][8]] = p.rows[i];
  }
  for (const Note& n : b.notes) {
    ASSERT_EQ(byId.count(n.id), 1u) << n.id;
    const auto& row = byId[n.id];
    EXPECT_EQ(row[0], b.title);
    EXPECT_EQ(row[1], findSection(b, n.section)->title);
    EXPECT_EQ(row[2], expectedCell(n.text));
    EXPECT_EQ(row[3], colourName(n.colour, Lang::De));
    std::string tags;
    for (const auto& t : n.tags) tags += (tags.empty() ? "" : "; ") + t;
    EXPECT_EQ(row[4], tags);
    EXPECT_EQ(row[5], std::to_string(n.votes));
    EXPECT_EQ(row[6], n.evidence == Evidence::Observed ? "beobachtet" : "vermutet");
    EXPECT_EQ(row[7], n.author);
  }
  EXPECT_EQ(byId[b.notes[0].id][2], "Comma, \"quotes\" and\nnew line; Grüße ß Äpfel");
  // Rows follow the board's reading order: section by section.
  EXPECT_EQ(p.rows[1][1], "Sagt");
  EXPECT_EQ(p.rows.back()[1], "Fühlt");
  EXPECT_NE(csv.find("\"Comma, \"\"quotes\"\" and\nnew line; Grüße ß Äpfel\""), std::string::npos);
}

TEST(ExportCsv, JourneyNotesNameStageAndLane) {
  const Board b = typicalJourney();
  const CsvParse p = parseCsv(exportNotesCsv(b));
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.rows.size(), b.notes.size() + 1);
  EXPECT_EQ(p.rows[0], (std::vector<std::string>{"Board", "Stage", "Lane", "Text", "Colour", "Tags", "Votes",
                                                   "Evidence", "Author", "ID"}));
  EXPECT_EQ(p.rows[1][1], "Awareness");
  for (std::size_t i = 1; i < p.rows.size(); ++i) {
    const Note* n = findNote(b, p.rows[i][9]);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(p.rows[i][1], findStage(b, n->stage)->name);
    EXPECT_EQ(p.rows[i][2], findLane(b, n->lane)->name);
    EXPECT_EQ(p.rows[i][3], n->text);
  }
}

TEST(ExportCsv, FormulaInjectionGuard) {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  const std::vector<std::string> risky = {"=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tTAB", "plain = fine"};
  for (std::size_t i = 0; i < risky.size(); ++i) {
    Note n;
    n.id = "n" + std::to_string(i);
    n.order = static_cast<std::int64_t>(i);
    n.section = "says";
    n.text = risky[i];
    n.votes = -1;  // numbers we write ourselves are never guarded
    b.notes.push_back(n);
  }
  b.title = "=title";
  const CsvParse guarded = parseCsv(exportNotesCsv(b));
  ASSERT_EQ(guarded.error, "");
  for (std::size_t i = 0; i < risky.size(); ++i) {
    const auto& row = guarded.rows[i + 1];
    EXPECT_EQ(row[0], "'=title");
    EXPECT_EQ(row[2], i + 1 < risky.size() ? "'" + risky[i] : risky[i]);
    EXPECT_EQ(row[5], "-1");
  }
  CsvOptions raw;
  raw.formulaGuard = false;
  const CsvParse plain = parseCsv(exportNotesCsv(b, raw));
  ASSERT_EQ(plain.error, "");
  for (std::size_t i = 0; i < risky.size(); ++i) EXPECT_EQ(plain.rows[i + 1][2], risky[i]);
  EXPECT_EQ(guardSpreadsheetCell("=1"), "'=1");
  EXPECT_EQ(guardSpreadsheetCell("1=1"), "1=1");
  EXPECT_EQ(guardSpreadsheetCell(""), "");
}

TEST(ExportCsv, BomAndDelimiterOptions) {
  const Board b = samples::typicalGermanEmpathyMap();
  const std::string plain = exportNotesCsv(b);
  EXPECT_NE(plain.rfind("\xEF\xBB\xBF", 0), 0u) << "no BOM by default";
  CsvOptions excel;
  excel.utf8Bom = true;
  excel.delimiter = ';';
  const std::string withBom = exportNotesCsv(b, excel);
  ASSERT_EQ(withBom.rfind("\xEF\xBB\xBF", 0), 0u);
  const CsvParse p = parseCsv(std::string_view(withBom).substr(3), ';');
  ASSERT_EQ(p.error, "");
  EXPECT_EQ(p.rows.size(), b.notes.size() + 1);
  EXPECT_EQ(p.rows[1][2], b.notes[0].text);
}

TEST(ExportCsv, ActionsListOwnersStatusAndLinkedNoteTexts) {
  Board b = typicalJourney();
  Action extra;
  extra.id = "a2";
  extra.text = "Second, with \"quotes\"";
  extra.status = ActionStatus::Done;
  extra.notes = {"missing", "n1"};
  b.actions.push_back(extra);
  const CsvParse p = parseCsv(exportActionsCsv(b));
  ASSERT_EQ(p.error, "");
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0], (std::vector<std::string>{"Text", "Owner", "Status", "Linked notes", "ID"}));
  EXPECT_EQ(p.rows[1][0], b.actions[0].text);
  EXPECT_EQ(p.rows[1][1], "Team Web");
  EXPECT_EQ(p.rows[1][2], "in progress");
  EXPECT_EQ(p.rows[1][3], findNote(b, "n0")->text + "\n" + findNote(b, "n3")->text);
  EXPECT_EQ(p.rows[2][0], "Second, with \"quotes\"");
  EXPECT_EQ(p.rows[2][2], "done");
  EXPECT_EQ(p.rows[2][3], findNote(b, "n1")->text);
  EXPECT_EQ(p.rows[2][4], "a2");
}

TEST(ExportCsv, RandomAndHostileBoardsRoundTrip) {
  std::vector<Board> boards = variedBoards();
  for (const Board& b : boards) {
    const CsvParse notes = parseCsv(exportNotesCsv(b));
    ASSERT_EQ(notes.error, "") << b.title;
    ASSERT_EQ(notes.rows.size(), b.notes.size() + 1);
    const std::size_t textColumn = b.kind == BoardKind::Journey ? 3 : 2;
    std::map<std::string, std::string> texts;
    for (std::size_t i = 1; i < notes.rows.size(); ++i) {
      ASSERT_EQ(notes.rows[i].size(), notes.rows[0].size());
      texts[notes.rows[i].back()] = notes.rows[i][textColumn];
    }
    for (const Note& n : b.notes) EXPECT_EQ(texts[expectedCell(n.id)], expectedCell(n.text)) << n.id;
    const CsvParse actions = parseCsv(exportActionsCsv(b));
    ASSERT_EQ(actions.error, "");
    ASSERT_EQ(actions.rows.size(), b.actions.size() + 1);
    for (std::size_t i = 0; i < b.actions.size(); ++i) {
      EXPECT_EQ(actions.rows[i + 1][0], expectedCell(b.actions[i].text));
      EXPECT_EQ(actions.rows[i + 1][1], expectedCell(b.actions[i].owner));
    }
  }
}

// Reads the CSV with Python's csv module (a standard parser we did not write) and compares cells.
TEST(ExportCsv, PythonCsvModuleReadsTheSameCells) {
  Board b = hostileBoard(BoardKind::Journey);
  b.notes[4].text = "Umlaute äöü ÄÖÜ ß, \"Zitat\", Komma,\nZeile zwei\n\nZeile vier";
  CsvOptions o;
  o.utf8Bom = true;
  const std::string csv = exportNotesCsv(b, o);
  const CsvParse mine = parseCsv(std::string_view(csv).substr(3));
  ASSERT_EQ(mine.error, "");

  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("mapathy_export_csv_" + std::to_string(std::random_device{}()));
  std::filesystem::create_directories(dir);
  const auto in = dir / "notes.csv";
  const auto out = dir / "rows.json";
  {
    std::ofstream f(in, std::ios::binary);
    f << csv;
  }
  const std::string script =
      "import csv,json,sys\n"
      "with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:\n"
      "    rows = list(csv.reader(f, strict=True))\n"
      "with open(sys.argv[2], 'w', encoding='utf-8') as f:\n"
      "    json.dump(rows, f, ensure_ascii=False)\n";
  const auto scriptPath = dir / "read.py";
  {
    std::ofstream f(scriptPath);
    f << script;
  }
  const std::string command = "python3 \"" + scriptPath.string() + "\" \"" + in.string() + "\" \"" + out.string() + "\"";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  std::ifstream jf(out);
  const nlohmann::json rows = nlohmann::json::parse(jf, nullptr, false);
  ASSERT_FALSE(rows.is_discarded());
  ASSERT_EQ(rows.size(), mine.rows.size());
  for (std::size_t i = 0; i < mine.rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), mine.rows[i].size());
    for (std::size_t k = 0; k < mine.rows[i].size(); ++k) EXPECT_EQ(rows[i][k].get<std::string>(), mine.rows[i][k]);
  }
  bool found = false;
  for (const auto& row : rows) {
    if (row[3].get<std::string>() == b.notes[4].text) found = true;
  }
  EXPECT_TRUE(found) << "umlauts, quotes, commas and newlines survive Python's csv reader";
  std::filesystem::remove_all(dir);
}

// ---------------------------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------------------------
// How note text appears in the HTML views: escaped, line breaks as <br>.
std::string htmlText(const std::string& text) {
  std::string out;
  for (char c : escapeXml(text)) {
    if (c == '\n') {
      out += "<br>";
    } else {
      out += c;
    }
  }
  return out;
}

void expectSelfContained(const std::string& html) {
  EXPECT_EQ(lower(html).find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src="), std::string::npos);
  EXPECT_EQ(html.find("href="), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"), std::string::npos);
  EXPECT_NE(html.find("<meta charset=\"utf-8\">"), std::string::npos);
}

TEST(ExportHtml, AccessibleEmpathyMapHasHeadingsAndLists) {
  const Board b = samples::typicalGermanEmpathyMap();
  const std::string html = exportAccessibleHtml(b, Lang::De);
  const HtmlScan s = scanHtml(html);
  ASSERT_EQ(s.error, "");
  expectSelfContained(html);
  ASSERT_EQ(s.count("html"), 1u);
  EXPECT_EQ(s.all("html")[0]->attrs.at("lang"), "de");
  ASSERT_EQ(s.count("h1"), 1u);
  EXPECT_EQ(s.all("h1")[0]->text, b.title);
  EXPECT_EQ(s.count("main"), 1u);
  // Persona as a section with a definition list.
  ASSERT_EQ(s.count("dl"), 1u);
  EXPECT_TRUE(hasAncestor(*s.all("dl")[0], "section"));
  EXPECT_EQ(s.count("dt"), 6u);
  // One h2 per section (+ persona + actions), a list item per note (+ the action and its linked notes).
  const auto h2 = s.all("h2");
  EXPECT_EQ(h2.size(), b.sections.size() + 2);
  std::size_t noteItems = 0;
  for (const HtmlElement* li : s.all("li")) {
    if (!li->ancestors.empty() && std::count(li->ancestors.begin(), li->ancestors.end(), "li") == 0) ++noteItems;
  }
  EXPECT_EQ(noteItems, b.notes.size() + b.actions.size());
  EXPECT_EQ(s.count("ul"), b.sections.size() + 2);  // sections, actions, linked notes of the one action
  // Evidence and votes in words.
  EXPECT_NE(html.find("(beobachtet"), std::string::npos);
  EXPECT_NE(html.find("(vermutet"), std::string::npos);
  EXPECT_NE(html.find("2 Stimmen"), std::string::npos);
  for (const Note& n : b.notes) EXPECT_NE(html.find(escapeXml(n.text)), std::string::npos) << n.id;
  // Headings are referenced by their sections.
  for (const HtmlElement* section : s.all("section")) {
    const auto it = section->attrs.find("aria-labelledby");
    ASSERT_NE(it, section->attrs.end());
    EXPECT_NE(html.find("id=\"" + it->second + "\""), std::string::npos);
  }
}

TEST(ExportHtml, AccessibleJourneyIsATableWithHeaders) {
  const Board b = typicalJourney();
  const std::string html = exportAccessibleHtml(b, Lang::De);  // German UI, English board
  const HtmlScan s = scanHtml(html);
  ASSERT_EQ(s.error, "");
  expectSelfContained(html);
  ASSERT_EQ(s.count("table"), 1u);
  ASSERT_EQ(s.count("caption"), 1u);
  EXPECT_TRUE(hasAncestor(*s.all("caption")[0], "table"));
  std::size_t colHeads = 0;
  std::size_t rowHeads = 0;
  for (const HtmlElement* th : s.all("th")) {
    const std::string scope = th->attrs.count("scope") != 0 ? th->attrs.at("scope") : "";
    if (scope == "col") {
      ++colHeads;
      EXPECT_TRUE(hasAncestor(*th, "thead"));
    } else if (scope == "row") {
      ++rowHeads;
      EXPECT_TRUE(hasAncestor(*th, "tbody"));
    } else {
      ADD_FAILURE() << "th without scope";
    }
  }
  EXPECT_EQ(colHeads, b.stages.size() + 1);
  EXPECT_EQ(rowHeads, b.lanes.size());
  EXPECT_EQ(s.count("td"), b.stages.size() * b.lanes.size());
  // Every stage has its own h3; lanes are h4 under it.
  EXPECT_EQ(s.count("h3"), b.stages.size());
  EXPECT_EQ(s.count("h4"), b.stages.size() * b.lanes.size());
  // Scores as words and numbers, in the UI language; board text marked with the board's language.
  EXPECT_NE(html.find("Ist: \xE2\x88\x92" "2 (sehr negativ)."), std::string::npos);
  EXPECT_NE(html.find("Lücke: \xE2\x88\x92" "3, schlechter als erwartet."), std::string::npos);
  EXPECT_NE(html.find("<th scope=\"col\" lang=\"en\">Awareness</th>"), std::string::npos);
  EXPECT_NE(html.find("<h1 lang=\"en\">"), std::string::npos);
  EXPECT_EQ(s.all("html")[0]->attrs.at("lang"), "de");
  // Each note appears in the table and in the stage details.
  for (const Note& n : b.notes) {
    const std::string t = escapeXml(n.text);
    const std::size_t first = html.find(t);
    ASSERT_NE(first, std::string::npos);
    EXPECT_NE(html.find(t, first + t.size()), std::string::npos);
  }
}

TEST(ExportHtml, HostileTextIsEscapedInBothViews) {
  for (BoardKind kind : {BoardKind::EmpathyMap, BoardKind::Journey}) {
    const Board b = hostileBoard(kind);
    for (const std::string& html : {exportAccessibleHtml(b, Lang::En), exportPrintHtml(b, Lang::En, PaperSize::A4)}) {
      const HtmlScan s = scanHtml(html);
      ASSERT_EQ(s.error, "");
      expectSelfContained(html);
      EXPECT_EQ(html.find("<script>alert"), std::string::npos);
      EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), std::string::npos);
      EXPECT_EQ(html.find('\x01'), std::string::npos);
      EXPECT_EQ(html.find('\x1B'), std::string::npos);
      EXPECT_EQ(html.find('\r'), std::string::npos);
      EXPECT_TRUE(validUtf8(html));
    }
  }
}

TEST(ExportHtml, PrintPageIsLandscapeWithPageBreakRules) {
  const Board map = samples::typicalGermanEmpathyMap();
  const std::string a4 = exportPrintHtml(map, Lang::De, PaperSize::A4);
  const HtmlScan s = scanHtml(a4);
  ASSERT_EQ(s.error, "");
  expectSelfContained(a4);
  EXPECT_NE(a4.find("@page{size:A4 landscape"), std::string::npos);
  EXPECT_NE(exportPrintHtml(map, Lang::De, PaperSize::Letter).find("@page{size:letter landscape"), std::string::npos);
  EXPECT_NE(a4.find("break-inside:avoid"), std::string::npos);
  EXPECT_NE(a4.find("break-after:page"), std::string::npos);
  EXPECT_NE(a4.find("print-color-adjust:exact"), std::string::npos);
  // Two pages: the board, then the action items.
  std::size_t pages = 0;
  for (const HtmlElement* sec : s.all("section")) {
    if (sec->attrs.count("class") != 0 && sec->attrs.at("class") == "page") ++pages;
  }
  EXPECT_EQ(pages, 2u);
  // A card per note in its palette colour; a grid area per section placed from its rect.
  std::size_t cards = 0;
  for (const HtmlElement* li : s.all("li")) {
    if (li->attrs.count("class") != 0 && li->attrs.at("class").rfind("card c", 0) == 0) ++cards;
  }
  EXPECT_EQ(cards, map.notes.size());
  EXPECT_NE(a4.find("grid-column:1 / span 8;grid-row:1 / span 4"), std::string::npos);  // "says" {0,0,2,1}
  EXPECT_NE(a4.find("grid-template-columns:repeat(12,"), std::string::npos);             // 3 units
  EXPECT_EQ(s.count("h1"), 1u);
  EXPECT_EQ(s.count("h2"), map.sections.size() + 1);
}

TEST(ExportHtml, PrintJourneyHasTableAndWellFormedCurve) {
  const Board b = typicalJourney();
  const std::string html = exportPrintHtml(b, Lang::En, PaperSize::Letter);
  const HtmlScan s = scanHtml(html);
  ASSERT_EQ(s.error, "");
  expectSelfContained(html);
  EXPECT_GE(s.count("table"), 1u);
  EXPECT_NE(html.find("thead{display:table-header-group}"), std::string::npos);
  // The inline SVG curve is well-formed XML on its own and has one face per scored stage.
  const std::size_t start = html.find("<svg");
  const std::size_t end = html.find("</svg>");
  ASSERT_NE(start, std::string::npos);
  ASSERT_NE(end, std::string::npos);
  const XmlNode svg = parseXmlOrFail(html.substr(start, end + 6 - start));
  std::size_t smooth = 0;
  for (const XmlNode* p : findAll(svg, "path")) {
    if (p->attrs.at("d").find(" C") != std::string::npos) ++smooth;
  }
  EXPECT_EQ(smooth, 2u);
  EXPECT_EQ(findAll(svg, "circle").size(), b.stages.size() * 3 + b.stages.size());  // faces (3 each) + to-be dots
  EXPECT_NE(html.find("Gap \xE2\x88\x92" "3, worse than expected"), std::string::npos);
  for (const Note& n : b.notes) EXPECT_NE(html.find(escapeXml(n.text)), std::string::npos);
}

// One board per page: a journey that would run over its page is scaled down to fit (not below the
// readable minimum), the wrapper is laid out wider by the same factor so it still fills the page's width,
// and the emotion curve is drawn for that wider layout. A board that fits is left at its designed size.
TEST(ExportHtml, PrintJourneyIsScaledToFitOnePage) {
  Board small = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  EXPECT_DOUBLE_EQ(printFitScale(small, Lang::En, PaperSize::A4), 1.0);
  EXPECT_EQ(exportPrintHtml(small, Lang::En, PaperSize::A4).find("class=\"fit\""), std::string::npos);

  // The typical journey plus a few long notes in one cell: a little too tall for A4.
  Board tall = typicalJourney();
  const Lane* textLane = nullptr;
  for (const Lane& l : tall.lanes) {
    if (l.kind == LaneKind::Text && textLane == nullptr) textLane = &l;
  }
  ASSERT_NE(textLane, nullptr);
  for (int i = 0; i < 4; ++i) {
    Note n;
    n.id = "long" + std::to_string(i);
    n.text = "Reads every line of the contract twice, because the last provider hid a fee in it.";
    n.stage = tall.stages[1].id;
    n.lane = textLane->id;
    n.order = 100 + i;
    tall.notes.push_back(n);
  }
  const double a4 = printFitScale(tall, Lang::En, PaperSize::A4);
  EXPECT_LT(a4, 1.0);
  EXPECT_GE(a4, 0.84);
  const std::string html = exportPrintHtml(tall, Lang::En, PaperSize::A4);
  ASSERT_EQ(scanHtml(html).error, "");
  const long percent = std::lround(a4 * 100);
  EXPECT_NE(html.find("<div class=\"fit\">"), std::string::npos);
  EXPECT_NE(html.find(".fit{zoom:" + std::to_string(percent) + "%;width:" + exporting::num(277.0 / a4) + "mm}"),
            std::string::npos);
  // Scaling never grows a board, and more notes never need less scaling.
  tall.notes.push_back(tall.notes.back());
  tall.notes.back().id = "one-more";
  EXPECT_LE(printFitScale(tall, Lang::En, PaperSize::A4), a4);

  // Far too many notes for one page: the readable minimum, and the rest goes on over more pages.
  Board huge = tall;
  for (int i = 0; i < 60; ++i) {
    Note n = huge.notes.front();
    n.id = "many" + std::to_string(i);
    n.stage = tall.stages[static_cast<std::size_t>(i) % tall.stages.size()].id;
    n.lane = textLane->id;
    huge.notes.push_back(n);
  }
  EXPECT_DOUBLE_EQ(printFitScale(huge, Lang::En, PaperSize::A4), 0.84);

  // An empathy map keeps its size (its grid flows; cards are never split across pages).
  EXPECT_DOUBLE_EQ(printFitScale(samples::typicalGermanEmpathyMap(), Lang::De, PaperSize::Letter), 1.0);
}

TEST(ExportHtml, EveryBoardProducesValidPages) {
  for (const Board& b : variedBoards()) {
    for (Lang ui : {Lang::De, Lang::En}) {
      const std::string a = exportAccessibleHtml(b, ui);
      const std::string p = exportPrintHtml(b, ui, PaperSize::A4);
      ASSERT_EQ(scanHtml(a).error, "") << b.title;
      ASSERT_EQ(scanHtml(p).error, "") << b.title;
      // The app's Content-Security-Policy allows no inline styles, so the app moves the one <style>
      // element (before any board text, even the title) into a stylesheet Blob: no style attributes.
      for (const std::string* page : {&a, &p}) {
        const HtmlScan scan = scanHtml(*page);
        EXPECT_EQ(scan.count("style"), 1u);
        EXPECT_LT(page->find("<style>"), page->find("<title>"));
        for (const HtmlElement& e : scan.elements) EXPECT_EQ(e.attrs.count("style"), 0u) << e.name << " in " << b.title;
      }
      EXPECT_EQ(a, exportAccessibleHtml(b, ui));
      EXPECT_EQ(p, exportPrintHtml(b, ui, PaperSize::A4));
      for (const Note& n : b.notes) EXPECT_NE(a.find(htmlText(n.text)), std::string::npos) << n.id;
    }
  }
}

}  // namespace
}  // namespace mapathy
