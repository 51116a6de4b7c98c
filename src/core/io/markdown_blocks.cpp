// Mapathy core — Markdown: import, lines → blocks (declared in markdown_syntax.hpp).
#include "core/io/markdown_syntax.hpp"

#include "core/base/text.hpp"

namespace mapathy::markdown_syntax {

// ---------------------------------------------------------------------------------------------
// [SECTION] Import: lines → blocks
// ---------------------------------------------------------------------------------------------

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

Result<std::vector<Block>> toBlocks(const std::vector<Line>& lines, const BlockLimits& lim) {
  std::vector<Block> blocks;
  std::size_t headings = 0;
  std::size_t items = 0;
  auto tooManyItems = [&lim]() {
    return Error{"md.tooManyItems", {lim.maxItems}};
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
          return Error{"md.tooManyHeadings", {lim.maxHeadings}};
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
          return atLine(lines[i].number, Error{"md.tableRows", {lim.maxRows, lim.maxRows - 1}});
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
        return atLine(b.line, Error{"md.itemTooLong", {lim.maxItemBytes}});
      }
      ++i;
    }
    if (bytes > lim.maxItemBytes) {
      return atLine(b.line, Error{"md.itemTooLong", {lim.maxItemBytes}});
    }
    if (b.type == Block::Heading && ++headings > lim.maxHeadings) {
      return Error{"md.tooManyHeadings", {lim.maxHeadings}};
    }
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace mapathy::markdown_syntax
