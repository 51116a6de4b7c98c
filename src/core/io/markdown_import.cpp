// Mapathy core — Markdown: import, blocks → board (see markdown.hpp for the outline).
#include "core/io/markdown.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/base/hash.hpp"
#include "core/base/text.hpp"
#include "core/io/markdown_syntax.hpp"
#include "core/model/templates.hpp"

namespace mapathy {
namespace {

using namespace markdown_syntax;

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
  Error error;
  int wordsEn = 0;
  int wordsDe = 0;

  bool fail(Error e) {
    if (error.code.empty()) error = std::move(e);
    return false;
  }

  void count(Word w) {
    if (w == Word::En) ++wordsEn;
    if (w == Word::De) ++wordsDe;
  }

  bool checkText(const std::string& text, std::size_t line, const char* what) {
    if (text.size() > limits.maxTextBytes) {
      return fail(atLine(line, Error{"md.textTooLong", {ErrorParam::termOf(what), text.size(), limits.maxTextBytes}}));
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
    if (!checkText(n.text, line, "aNote")) return false;
    if (!checkText(n.author, line, "theAuthor")) return false;
    if (n.tags.size() > limits.maxTags) {
      return fail(atLine(line, Error{"md.tooManyTags", {n.tags.size(), limits.maxTags}}));
    }
    for (const auto& t : n.tags) {
      if (t.size() > limits.maxTagBytes) {
        return fail(atLine(line, Error{"md.tagTooLong", {t.substr(0, 40) + "…", t.size(), limits.maxTagBytes}}));
      }
    }
    return true;
  }

  bool addNote(Note n, std::size_t line) {
    if (++noteCount > limits.maxNotes) {
      return fail(atLine(line, Error{"md.tooManyNotes", {limits.maxNotes}}));
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
    if (!checkText(a.text, b.line, "anAction") || !checkText(a.owner, b.line, "theOwner")) return false;
    if (actions.size() >= limits.maxActions) {
      return fail(atLine(b.line, Error{"md.tooManyActions", {limits.maxActions}}));
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
      checkText(*field, b.line, "aPersonaField");  // the caller looks at `error`
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
    return Error{"md.tooBig", {text.size(), limits.maxBytes}};
  }
  if (auto bad = text::firstInvalidUtf8(text); bad != std::string_view::npos) {
    return Error{"md.utf8", {bad}};
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
    return Error{"md.empty"};
  }
  const std::vector<Line> lines = splitDocument(text);
  BlockLimits bl;
  bl.maxHeadings = limits.maxSections + 16;
  bl.maxItems = limits.maxNotes + limits.maxActions + limits.maxStages + 64;
  bl.maxRows = std::max(limits.maxLanes, limits.maxStages) + 1;
  bl.maxItemBytes = limits.maxTextBytes * 8 + 256;
  auto blocksResult = toBlocks(lines, bl);
  if (!blocksResult.ok()) return blocksResult.error();
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
      return im.fail(atLine(b.line, Error{"md.tooManyNotes", {im.limits.maxNotes}}));
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
        if (!im.checkText(board.title, b.line, "theTitle")) return im.error;
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
      if (!im.checkText(title, b.line, "aSectionHeading")) return im.error;
      if (sections.size() + 1 > limits.maxSections) {
        return atLine(b.line, Error{"md.tooManySections", {limits.maxSections}});
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
        if (!im.addAction(b)) return im.error;
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
            if (!im.error.code.empty()) return im.error;
            continue;
          }
          if (lastPersonaField && b.type == Block::Paragraph && rest.lines.empty()) {
            *lastPersonaField += "\n" + joinLines(piece.lines).trimmed().s;  // "Bio: …" over several lines
            if (!im.checkText(*lastPersonaField, piece.line, "aPersonaField")) return im.error;
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
          if (!im.checkText(board.persona.bio, rest.line, "thePersonasBio")) return im.error;
          break;
        }
        if (journey) break;  // free text around a journey table has no place on the board
        if (!unsorted) {
          unsorted = PendingSection{};
          unsorted->line = rest.line;
        }
        if (!noteFrom(rest, unsorted->notes)) return im.error;
        ++pendingNotes;
        break;
      }
      case Ctx2::Section:
        if (!noteFrom(b, sections.back().notes)) return im.error;
        ++pendingNotes;
        break;
      case Ctx2::Ignored:
        break;
    }
    if (pendingNotes > limits.maxNotes * 2 + 16) {
      return atLine(b.line, Error{"md.tooManyNotes", {limits.maxNotes}});
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
        return atLine(table->line, Error{"md.tableTooManyLanes", {bl.maxRows - 1}});
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
      return atLine(table->line, Error{"md.tableStages", {stagesWidth - 1, limits.maxStages}});
    }
    for (std::size_t c = 1; c < stagesWidth; ++c) {
      Column col;
      col.name = brToNewline(grid.front()[c]);
      if (!im.checkText(col.name, table->line, "aStageName")) return im.error;
      if (const KnownPart* k = lookup(vocabulary().stages, normalizeName(col.name))) {
        col.canonical = k->id;
        im.count(k->lang);
        canonicalIds.push_back(k->id);
      }
      columns.push_back(std::move(col));
    }
    if (grid.size() - 1 > limits.maxLanes) {
      return atLine(table->line, Error{"md.tableLanes", {grid.size() - 1, limits.maxLanes}});
    }
    for (std::size_t r = 1; r < grid.size(); ++r) {
      Row row;
      row.line = gridLines[r];
      Decoded head = grid[r].empty() ? Decoded{} : grid[r].front();
      row.attrs = takeAttrs(head);
      row.name = brToNewline(head.trimmed());
      if (!im.checkText(row.name, row.line, "aLaneName")) return im.error;
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
  if (!base.ok()) return base.error();
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
        return Error{"md.tooManySectionsAll", {limits.maxSections}};
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
      if (!im.checkText(s.hint, ps.line, "aSectionHint")) return im.error;
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
        if (!im.addNote(std::move(n), ps.line)) return im.error;
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
        if (!im.checkText(board.stages[s].description, stageDescriptionLines[k], "aStageDescription")) {
          return im.error;
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
      if (!im.checkText(lane.role, row.line, "aLaneRole")) return im.error;
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
              return atLine(row.line, Error{"md.emotionScore", {board.stages[c].name}});
            }
            if (!im.checkText(e.score.reason, row.line, "anEmotionReason")) return im.error;
            lane.emotions[stageId] = e.score;
          } else {
            GapCell g = parseGap(parts.head);
            if (g.outOfRange) {
              return atLine(row.line, Error{"md.gapScore", {board.stages[c].name}});
            }
            if (!g.ok) {
              return atLine(row.line, Error{"md.gapCell", {board.stages[c].name}});
            }
            lane.gaps[stageId] = g.score;
          }
        }
        noteTexts.insert(noteTexts.end(), parts.bullets.begin(), parts.bullets.end());
        std::int64_t order = 0;
        for (Decoded& d : noteTexts) {
          Note n;
          bool skip = false;
          if (!im.makeNote(d, row.line, n, skip)) return im.error;
          if (skip) continue;
          if (n.colour < 0) n.colour = 0;
          n.stage = stageId;
          n.lane = lane.id;
          n.order = order;
          order += 1024;
          if (!im.addNote(std::move(n), row.line)) return im.error;
        }
      }
      board.lanes.push_back(std::move(lane));
    }
  }
  im.finishActions();
  // Language counts from persona labels are recorded while walking, so detection ran above; the id
  // is a hash of the text, stable for the same input.
  board.id = "md-" + hex64(fnv1a64(text));
  if (auto valid = validate(board, limits); !valid.ok()) return valid.error();
  return std::move(im.board);
}

}  // namespace

Result<Board> importMarkdown(std::string_view text, const Limits& limits) {
  try {
    return importImpl(text, limits);
  } catch (const std::exception& e) {  // only std::bad_alloc can get here; never let it cross the API
    return Error{"md.unreadable", {std::string(e.what())}};
  }
}

}  // namespace mapathy
