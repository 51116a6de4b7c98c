// Mapathy core — Markdown: export (see markdown.hpp for the outline).
#include "core/io/markdown.hpp"

#include <map>
#include <string>
#include <vector>

#include "core/io/markdown_syntax.hpp"
#include "core/model/templates.hpp"

namespace mapathy {
namespace {

using namespace markdown_syntax;

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

}  // namespace

std::string exportMarkdown(const Board& board) {
  return board.kind == BoardKind::Journey ? exportJourney(board) : exportEmpathy(board);
}

}  // namespace mapathy
