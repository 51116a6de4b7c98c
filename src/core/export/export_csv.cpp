// Mapathy core — CSV export (see export_csv.hpp).
#include "core/export/export_csv.hpp"

#include <vector>

#include "core/export/export_common.hpp"
#include "core/model/palette.hpp"

namespace mapathy {

namespace {

class CsvWriter {
 public:
  explicit CsvWriter(const CsvOptions& o) : options_(o) {
    if (o.utf8Bom) out_ = "\xEF\xBB\xBF";
  }
  void text(std::string_view value) {
    std::string clean = exporting::cleanText(value, true, true);
    if (options_.formulaGuard) clean = guardSpreadsheetCell(clean);
    raw(csvField(clean, options_.delimiter));
  }
  void number(int value) { raw(std::to_string(value)); }
  void endRow() {
    out_ += "\r\n";
    first_ = true;
  }
  std::string take() { return std::move(out_); }

 private:
  void raw(const std::string& field) {
    if (!first_) out_ += options_.delimiter;
    out_ += field;
    first_ = false;
  }
  CsvOptions options_;
  std::string out_;
  bool first_ = true;
};

std::string joinTags(const std::vector<std::string>& tags) {
  std::string out;
  for (const std::string& t : tags) {
    if (!out.empty()) out += "; ";
    out += t;
  }
  return out;
}

}  // namespace

std::string guardSpreadsheetCell(std::string_view text) {
  if (!text.empty()) {
    const char c = text.front();
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return "'" + std::string(text);
  }
  return std::string(text);
}

std::string csvField(std::string_view text, char delimiter) {
  bool quote = false;
  for (char c : text) {
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string exportNotesCsv(const Board& b, const CsvOptions& o) {
  const exporting::Words& w = exporting::words(b.lang);
  const bool journey = b.kind == BoardKind::Journey;
  CsvWriter csv(o);
  csv.text(w.board);
  if (journey) {
    csv.text(w.stage);
    csv.text(w.lane);
  } else {
    csv.text(w.section);
  }
  for (const char* h : {w.text, w.colour, w.tags, w.votesHeader, w.evidence, w.author, w.id}) csv.text(h);
  csv.endRow();
  const exporting::PlacedNotes notes = exporting::notesInReadingOrder(b);
  const auto row = [&](const Note& n) {
    csv.text(b.title);
    if (journey) {
      const Stage* st = findStage(b, n.stage);
      const Lane* ln = findLane(b, n.lane);
      csv.text(st != nullptr ? st->name : n.stage);
      csv.text(ln != nullptr ? ln->name : n.lane);
    } else {
      const Section* s = findSection(b, n.section);
      csv.text(s != nullptr ? s->title : n.section);
    }
    csv.text(n.text);
    csv.text(colourName(n.colour, b.lang));
    csv.text(joinTags(n.tags));
    csv.number(n.votes);
    csv.text(n.evidence == Evidence::Observed ? w.observed : w.assumed);
    csv.text(n.author);
    csv.text(n.id);
    csv.endRow();
  };
  for (const Note* n : notes.placed) row(*n);
  for (const Note* n : notes.unplaced) row(*n);
  return csv.take();
}

std::string exportActionsCsv(const Board& b, const CsvOptions& o) {
  const exporting::Words& w = exporting::words(b.lang);
  CsvWriter csv(o);
  for (const char* h : {w.text, w.owner, w.status, w.linkedNotes, w.id}) csv.text(h);
  csv.endRow();
  for (const Action& a : b.actions) {
    csv.text(a.text);
    csv.text(a.owner);
    csv.text(exporting::statusWord(a.status, b.lang));
    std::string linked;
    for (const std::string& id : a.notes) {
      const Note* n = findNote(b, id);
      if (n == nullptr) continue;  // a dangling link (note deleted elsewhere) has no text to show
      if (!linked.empty()) linked += '\n';
      linked += n->text;
    }
    csv.text(linked);
    csv.text(a.id);
    csv.endRow();
  }
  return csv.take();
}

}  // namespace mapathy
