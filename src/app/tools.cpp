// Mapathy's tools behind one string-in, string-out call (see tools.hpp).
//
// The web build has no exceptions (JSON_NOEXCEPTION: a throw aborts), so every field is checked for its
// type before it is read, and the request is parsed without exceptions.
#include "app/tools.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/qr/qr.hpp"
#include "ui/i18n_errors.hpp"

namespace mapathy::tools {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRequestBytes = 64u * 1024u * 1024u;  // a few 4 MB boards and their links

// The module's own refusals of a request, in English and German like the core's (ui/i18n_errors.hpp). They
// live here, in the tools module, not in the editor's first download: the module words every refusal in
// the request's "lang" itself.
// clang-format off
const ui::ErrorWording kToolsWordings[] = {
    {"tools.notObject", "The request is not a JSON object.",
     "Die Anfrage ist kein JSON-Objekt."},
    {"tools.tooLarge", "The request is too large.",
     "Die Anfrage ist zu groß."},
    {"tools.noOp", "The request names no \"op\".",
     "Die Anfrage nennt keine Operation („op“)."},
    {"tools.unknownOp", "Unknown op \"{0}\".",
     "Unbekannte Operation „{0}“."},
    {"tools.noBoard", "The request has no board in \"{0}\".",
     "Die Anfrage enthält in „{0}“ kein Board."},
    {"tools.noText", "The request has no \"text\" to encode.",
     "Die Anfrage enthält keinen zu kodierenden Inhalt („text“)."},
    {"tools.noMarkdown", "The request has no Markdown \"text\".",
     "Die Anfrage enthält keinen Markdown-Inhalt („text“)."},
    {"tools.noIncoming", "The request has no \"incoming\" boards or links to merge.",
     "Die Anfrage enthält keine Boards oder Links zum Zusammenführen („incoming“)."},
    {"tools.incomingNotText", "Incoming item {0} is not text.",
     "Eingang {0} ist kein Text."},
    {"tools.incoming", "Incoming item {0}: {c}",
     "Eingang {0}: {c}"},
    {"tools.mergedInvalid", "The merged board is not valid: {c}",
     "Das zusammengeführte Board ist ungültig: {c}"},
    {"tools.otherKind", "The changed board is not the same kind of board as its base.",
     "Das geänderte Board ist nicht von derselben Art wie seine Vorlage."},
    // What only this module reads or makes, worded here so the editor's first download does without them:
    // the Markdown importer's refusals and the QR encoder's.
    {"md.line", "Line {0}: {c}",
     "Zeile {0}: {c}"},
    {"md.textTooLong", "{0} has {1} bytes of text (the limit is {2}).",
     "{0} hat {1} Bytes Text (die Grenze ist {2})."},
    {"md.tooManyTags", "a note has {0} tags (the limit is {1}).",
     "eine Notiz hat {0} Schlagwörter (die Grenze ist {1})."},
    {"md.tagTooLong", "the tag \"{0}\" has {1} bytes (the limit is {2}).",
     "das Schlagwort „{0}“ hat {1} Bytes (die Grenze ist {2})."},
    {"md.tooManyNotes", "too many notes (the limit is {0} per board).",
     "zu viele Notizen (die Grenze ist {0} pro Board)."},
    {"md.tooManyActions", "too many actions (the limit is {0}).",
     "zu viele Maßnahmen (die Grenze ist {0})."},
    {"md.tooBig", "The Markdown text is too big: {0} bytes (the limit is {1}).",
     "Der Markdown-Text ist zu groß: {0} Bytes (die Grenze ist {1})."},
    {"md.utf8", "The Markdown text is not valid UTF-8 (at byte {0}).",
     "Der Markdown-Text ist kein gültiges UTF-8 (bei Byte {0})."},
    {"md.empty", "The Markdown text is empty.",
     "Der Markdown-Text ist leer."},
    {"md.tooManySections", "too many sections (the limit is {0}).",
     "zu viele Bereiche (die Grenze ist {0})."},
    {"md.tableTooManyLanes", "the table has more than {0} lanes.",
     "die Tabelle hat mehr als {0} Zeilen."},
    {"md.tableStages", "the table has {0} stage columns (the limit is {1}).",
     "die Tabelle hat {0} Phasenspalten (die Grenze ist {1})."},
    {"md.tableLanes", "the table has {0} lane rows (the limit is {1}).",
     "die Tabelle hat {0} Zeilen (die Grenze ist {1})."},
    {"md.tooManySectionsAll", "Too many sections (the limit is {0}).",
     "Zu viele Bereiche (die Grenze ist {0})."},
    {"md.emotionScore", "the emotion score for \"{0}\" must be between −2 and +2.",
     "der Emotionswert für „{0}“ muss zwischen −2 und +2 liegen."},
    {"md.gapScore", "the expectation/experience scores for \"{0}\" must be between −2 and +2.",
     "die Werte für Erwartung/Erlebnis bei „{0}“ müssen zwischen −2 und +2 liegen."},
    {"md.gapCell", "the cell for \"{0}\" should read \"expectation / experience\", e.g. \"2 / -1\".",
     "die Zelle für „{0}“ sollte „Erwartung / Erlebnis“ lauten, z. B. „2 / -1“."},
    {"md.unreadable", "The Markdown text could not be read ({0}).",
     "Der Markdown-Text ließ sich nicht lesen ({0})."},
    {"md.tooManyItems", "Too many notes: the outline has more than {0} list items and paragraphs (a board holds fewer).",
     "Zu viele Notizen: die Gliederung hat mehr als {0} Listenpunkte und Absätze (ein Board fasst weniger)."},
    {"md.tooManyHeadings", "Too many headings: more than {0} (a board holds far fewer sections).",
     "Zu viele Überschriften: mehr als {0} (ein Board fasst weit weniger Bereiche)."},
    {"md.tableRows", "the table has more than {0} rows (a journey board holds at most {1} lanes).",
     "die Tabelle hat mehr als {0} Zeilen (ein Journey-Board fasst höchstens {1} Zeilen)."},
    {"md.itemTooLong", "this note is too long (more than {0} bytes of Markdown).",
     "diese Notiz ist zu lang (mehr als {0} Bytes Markdown)."},
    {"qr.versions", "QR code versions must lie between 1 and 40, the smallest first.",
     "QR-Code-Versionen müssen zwischen 1 und 40 liegen, die kleinste zuerst."},
    {"qr.mask", "A QR code mask is a number from 0 to 7.",
     "Eine QR-Code-Maske ist eine Zahl von 0 bis 7."},
    {"qr.tooLong", "The text is {0} bytes; a QR code at level {1} holds at most {2}.",
     "Der Text hat {0} Bytes; ein QR-Code der Stufe {1} fasst höchstens {2}."},
};
// clang-format on

Lang gLang = Lang::En;  // the language of the request being run ("lang"; English without)

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// A refusal's code, parameters and cause as JSON, for a caller that words it itself (ui/tools_client.cpp).
json refusalJson(const Error& error) {
  json params = json::array();
  for (const ErrorParam& p : error.params) params.push_back(json{{"text", p.text}, {"number", p.number}, {"term", p.term}});
  json out{{"code", error.code}, {"params", params}};
  if (error.cause) out["cause"] = refusalJson(*error.cause);
  return out;
}

// A refusal — the core's, or the request's own ("tools.*"): worded in the request's language, with its code,
// parameters and cause for a caller that words it itself.
std::string failure(const Error& error) {
  json out = refusalJson(error);
  out["ok"] = false;
  out["error"] = ui::describe(error, gLang);
  return dump(out);
}

std::string success(json result) {
  result["ok"] = true;
  return dump(result);
}

// A string field, or nothing when it is missing or not a string.
std::optional<std::string> stringField(const json& request, const char* name) {
  const auto it = request.find(name);
  if (it == request.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

bool boolField(const json& request, const char* name, bool fallback) {
  const auto it = request.find(name);
  return it != request.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

// The board a field holds: its JSON text, or (accepted too) a share link.
Result<Board> boardField(const json& request, const char* name) {
  const std::optional<std::string> text = stringField(request, name);
  if (!text) return Error{"tools.noBoard", {name}};
  std::size_t first = text->find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (*text)[first] == '{') return loadJson(*text);
  return decodeLink(*text);
}

Lang langField(const json& request) {
  const std::optional<std::string> lang = stringField(request, "lang");
  return lang && *lang == "de" ? Lang::De : Lang::En;
}

std::string csv(const json& request, bool actions) {
  auto board = boardField(request, "board");
  if (!board) return failure(board.error());
  CsvOptions options;
  const std::optional<std::string> delimiter = stringField(request, "delimiter");
  if (delimiter && *delimiter == ";") options.delimiter = ';';
  options.utf8Bom = boolField(request, "bom", false);
  return success({{"text", actions ? exportActionsCsv(*board, options) : exportNotesCsv(*board, options)}});
}

std::string qr(const json& request) {
  const std::optional<std::string> text = stringField(request, "text");
  if (!text) return failure(Error{"tools.noText"});
  const std::string ecc = stringField(request, "ecc").value_or("auto");
  QrOptions options;
  if (ecc == "L")
    options.ecc = QrEcc::L;
  else if (ecc == "Q")
    options.ecc = QrEcc::Q;
  else if (ecc == "H")
    options.ecc = QrEcc::H;
  else
    options.ecc = QrEcc::M;
  Result<QrCode> code = encodeQr(*text, options);
  if (!code && ecc == "auto") {  // level M when it fits (survives a smudged screen), else L
    options.ecc = QrEcc::L;
    code = encodeQr(*text, options);
  }
  if (!code) return failure(code.error());
  std::string modules(code->modules.size(), '0');
  for (std::size_t i = 0; i < modules.size(); ++i) modules[i] = code->modules[i] != 0 ? '1' : '0';
  return success(
      {{"size", code->size}, {"version", code->version}, {"ecc", toString(code->ecc)}, {"modules", modules}});
}

json conflictJson(const Conflict& conflict) {
  return {{"id", conflict.id},
          {"kind", conflict.kind == Conflict::Kind::BothEdited ? "bothEdited" : "editedAndDeleted"},
          {"isAction", conflict.isAction},
          {"baseText", conflict.baseText},
          {"incomingText", conflict.incomingText},
          {"incomingWon", conflict.incomingWon}};
}

std::string merge(const json& request) {
  auto board = boardField(request, "board");
  if (!board) return failure(board.error());
  const auto incoming = request.find("incoming");
  if (incoming == request.end() || !incoming->is_array() || incoming->empty())
    return failure(Error{"tools.noIncoming"});
  Board result = std::move(*board);
  MergeSummary total;
  std::vector<Conflict> conflicts;
  for (std::size_t i = 0; i < incoming->size(); ++i) {
    const json& item = (*incoming)[i];
    if (!item.is_string()) return failure(Error{"tools.incomingNotText", {i + 1}});
    const json wrapped = {{"board", item}};
    auto other = boardField(wrapped, "board");
    if (!other) return failure(Error{"tools.incoming", {i + 1}}.because(other.error()));
    auto report = mergeInto(result, *other);
    if (!report) return failure(Error{"tools.incoming", {i + 1}}.because(report.error()));
    const MergeSummary& s = report->summary;
    total.addedNotes.insert(total.addedNotes.end(), s.addedNotes.begin(), s.addedNotes.end());
    total.changedNotes.insert(total.changedNotes.end(), s.changedNotes.begin(), s.changedNotes.end());
    total.removedNotes.insert(total.removedNotes.end(), s.removedNotes.begin(), s.removedNotes.end());
    total.votedNotes.insert(total.votedNotes.end(), s.votedNotes.begin(), s.votedNotes.end());
    total.votesAdded += s.votesAdded;
    conflicts.insert(conflicts.end(), report->conflicts.begin(), report->conflicts.end());
  }
  if (auto valid = validate(result); !valid.ok()) return failure(Error{"tools.mergedInvalid"}.because(valid.error()));
  json conflictList = json::array();
  for (const Conflict& conflict : conflicts) conflictList.push_back(conflictJson(conflict));
  return success({{"board", saveJson(result)},
                  {"summary",
                   {{"addedNotes", total.addedNotes},
                    {"changedNotes", total.changedNotes},
                    {"removedNotes", total.removedNotes},
                    {"votedNotes", total.votedNotes},
                    {"votesAdded", total.votesAdded}}},
                  {"conflicts", std::move(conflictList)}});
}

std::string delta(const json& request) {
  auto base = boardField(request, "base");
  if (!base) return failure(base.error());
  auto changed = boardField(request, "board");
  if (!changed) return failure(changed.error());
  if (base->kind != changed->kind) return failure(Error{"tools.otherKind"});
  // The board may carry an id of its own: a participant's version put aside when the room's link was opened
  // again keeps the room's board as its base, and its contribution is for that board (makeDelta).
  const Board contribution = makeDelta(*base, *changed, stringField(request, "voter").value_or(""));
  return success({{"link", encodeLink(contribution, stringField(request, "baseUrl").value_or(""))}});
}

std::string run(const json& request) {
  const std::optional<std::string> op = stringField(request, "op");
  if (!op) return failure(Error{"tools.noOp"});
  if (*op == "qr") return qr(request);
  if (*op == "merge") return merge(request);
  if (*op == "delta") return delta(request);
  if (*op == "link") {
    auto board = boardField(request, "board");
    if (!board) return failure(board.error());
    return success({{"link", encodeLink(*board, stringField(request, "baseUrl").value_or(""))}});
  }
  if (*op == "markdownImport") {
    const std::optional<std::string> text = stringField(request, "text");
    if (!text) return failure(Error{"tools.noMarkdown"});
    auto board = importMarkdown(*text);
    if (!board) return failure(board.error());
    return success({{"board", saveJson(*board)}});
  }
  if (*op == "csvNotes" || *op == "csvActions") return csv(request, *op == "csvActions");
  if (*op != "svg" && *op != "textView" && *op != "print" && *op != "markdownExport")
    return failure(Error{"tools.unknownOp", {*op}});
  auto board = boardField(request, "board");
  if (!board) return failure(board.error());
  if (*op == "svg") {
    SvgOptions options;
    options.includeActions = boolField(request, "actions", true);
    return success({{"text", exportSvg(*board, options)}});
  }
  if (*op == "textView") return success({{"text", exportAccessibleHtml(*board, langField(request))}});
  if (*op == "print") {
    const std::optional<std::string> paper = stringField(request, "paper");
    const PaperSize size = paper && *paper == "letter" ? PaperSize::Letter : PaperSize::A4;
    const Lang lang = langField(request);
    return success({{"text", exportPrintHtml(*board, lang, size)}, {"scale", printFitScale(*board, lang, size)}});
  }
  return success({{"text", exportMarkdown(*board)}});
}

}  // namespace

std::span<const ui::ErrorWording> errorWordings() { return kToolsWordings; }

std::string runTool(std::string_view requestJson) {
  ui::addErrorWordings(kToolsWordings);
  gLang = Lang::En;
  if (requestJson.size() > kMaxRequestBytes) return failure(Error{"tools.tooLarge"});
  const json request = json::parse(requestJson, nullptr, false);
  if (request.is_discarded() || !request.is_object()) return failure(Error{"tools.notObject"});
  gLang = langField(request);
  return run(request);
}

}  // namespace mapathy::tools
