// Mapathy core — Markdown: small text helpers, inline text, attributes, tags and evidence (declared in markdown_syntax.hpp).
#include "core/io/markdown_syntax.hpp"

#include "core/base/text.hpp"

namespace mapathy::markdown_syntax {

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

void appendUtf8(std::string& out, std::uint32_t cp) { text::appendUtf8(out, cp == 0 ? char32_t{0xFFFD} : char32_t{cp}); }

std::pair<std::uint32_t, std::size_t> codePointAt(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
  std::uint32_t cp = c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return {cp, len};
}

Error atLine(std::size_t line, Error what) { return Error{"md.line", {line}}.because(std::move(what)); }

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

void entity(std::string& out, std::uint32_t cp) { out += "&#" + std::to_string(cp) + ";"; }

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

std::string encodeInline(std::string_view text, Ctx ctx, bool atLineStart) {
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

std::vector<std::string> encodeMulti(std::string_view text, Ctx ctx, bool firstAtLineStart) {
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

}  // namespace mapathy::markdown_syntax
