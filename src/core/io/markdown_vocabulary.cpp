// Mapathy core — Markdown: the vocabulary of names, scores and table cells (declared in markdown_syntax.hpp).
#include "core/io/markdown_syntax.hpp"

#include "core/base/text.hpp"
#include "core/model/templates.hpp"

namespace mapathy::markdown_syntax {

// ---------------------------------------------------------------------------------------------
// [SECTION] Vocabulary
// ---------------------------------------------------------------------------------------------

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

std::string brToNewline(const Decoded& d) {
  std::string out;
  auto segs = splitBr(d);
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (i > 0) out += '\n';
    out += segs[i].trimmed().s;
  }
  return out;
}

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

}  // namespace mapathy::markdown_syntax
