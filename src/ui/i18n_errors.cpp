// Mapathy UI — wordings of the core's refusals (see i18n_errors.hpp).
#include "ui/i18n_errors.hpp"

#include "ui/ui_texts.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace mapathy::ui {

namespace {

#if MAPATHY_UI_TEXTS_FROM_FILE
// The web app: rows keep nothing; the wordings come from the language files (ui_texts.hpp).
struct ErrorRow {
  constexpr ErrorRow(const char* /*code*/, const char* /*en*/, const char* /*de*/) {}
};
#else
using ErrorRow = ErrorWording;
#endif

// clang-format off
[[maybe_unused]] const ErrorRow kErrorWordings[] = {
    // The editor's own refusals of a tools answer (ui/tools_client.cpp; web/platform.js when the module did not
    // load). The module's refusals of a request are worded in app/tools.cpp.
    {"tools.noAnswer", "The tools module gave no answer.",
     "Das Werkzeugmodul hat nicht geantwortet."},
    {"tools.unavailable", "Mapathy could not load its tools ({0}).",  // web/platform.js: the module did not load
     "Mapathy konnte seine Werkzeuge nicht laden ({0})."},
    {"link.incomplete", "The link is incomplete — it may have been cut off by a chat app or email.",
     "Der Link ist unvollständig – vielleicht hat ihn eine Chat-App oder ein E-Mail-Programm abgeschnitten."},
    {"link.damaged", "The link is damaged — some of its characters were changed, so the board cannot be read.",
     "Der Link ist beschädigt – einige seiner Zeichen wurden verändert, daher lässt sich das Board nicht lesen."},
    {"link.emptyJson", "The link has no board in it (nothing follows 'json=').",
     "Der Link enthält kein Board (nach „json=“ folgt nichts)."},
    {"link.json.percent", "The link's JSON has a broken percent escape at position {0} (a '%' must be followed by two hexadecimal digits).",
     "Das JSON im Link hat an Position {0} eine kaputte Prozent-Kodierung (auf „%“ müssen zwei Hexadezimalziffern folgen)."},
    {"link.json.control", "The link's JSON contains a control character ({0}) at position {1}.",
     "Das JSON im Link enthält an Position {1} ein Steuerzeichen ({0})."},
    {"link.json.utf8", "The link's JSON is not valid UTF-8 text (at byte {0}).",
     "Das JSON im Link ist kein gültiger UTF-8-Text (bei Byte {0})."},
    {"link.character", "The link contains a character that cannot be part of it: {0} at position {1}.",
     "Der Link enthält ein Zeichen, das nicht hineingehört: {0} an Position {1}."},
    {"link.bomb", "The link says its board is {0} bytes unpacked, more than the limit of {1} bytes — it was not unpacked.",
     "Laut Link wäre sein Board entpackt {0} Bytes groß, mehr als die Grenze von {1} Bytes – es wurde nicht entpackt."},
    {"link.data", "The link's board data does not make sense ({c}).",
     "Die Board-Daten im Link ergeben keinen Sinn ({c})."},
    {"link.tooLong", "The link is too long ({0} characters; at most {1} are read).",
     "Der Link ist zu lang ({0} Zeichen; höchstens {1} werden gelesen)."},
    {"link.nothingAfterHash", "The link has no board in it (nothing follows '#').",
     "Der Link enthält kein Board (nach „#“ folgt nichts)."},
    {"link.empty", "The link is empty.",
     "Der Link ist leer."},
    {"link.noHash", "The link has no board in it (it has no '#' part).",
     "Der Link enthält kein Board (er hat keinen Teil nach „#“)."},
    {"link.newer", "This link was made by a newer version of Mapathy (link format {0}) — please update the app to open it.",
     "Dieser Link stammt von einer neueren Mapathy-Version (Linkformat {0}) – bitte aktualisiere die App, um ihn zu öffnen."},
    {"link.notMapathy", "This is not a Mapathy board link (it starts with {0}; expected '1', '2', '3' or 'json=').",
     "Das ist kein Mapathy-Board-Link (er beginnt mit {0}; erwartet: „1“, „2“, „3“ oder „json=“)."},
    {"data.textPartTooLong", "the text part is longer than the data",
     "der Textteil ist länger als die Daten"},
    {"data.endsInNumber", "the data ends in the middle of a number",
     "die Daten enden mitten in einer Zahl"},
    {"data.numberTooLarge", "a number is too large",
     "eine Zahl ist zu groß"},
    {"data.numberOutOfRange", "a number is out of range",
     "eine Zahl liegt außerhalb des erlaubten Bereichs"},
    {"data.unknown", "unknown {0}",
     "unbekannt: {0}"},
    {"limit.tooMany", "Too many {0}: {1} (the limit is {2}).",
     "Zu viele {0}: {1} (die Grenze ist {2})."},
    {"data.countDoesNotFit", "the number of {0} does not fit the data",
     "die Anzahl ({0}) passt nicht zu den Daten"},
    {"data.textEnds", "the text ends in the middle of a string",
     "der Text endet mitten in einer Zeichenkette"},
    {"data.escape", "a text escape is broken",
     "eine Text-Maskierung ist kaputt"},
    {"data.utf8", "a text is not valid UTF-8",
     "ein Text ist kein gültiges UTF-8"},
    {"data.extraDeep", "extra fields are nested too deeply",
     "zusätzliche Felder sind zu tief verschachtelt"},
    {"data.extraNotObject", "extra fields are not a JSON object",
     "zusätzliche Felder sind kein JSON-Objekt"},
    {"data.emptyLiteral", "an empty reference is written as a literal",
     "ein leerer Verweis steht als Literal da"},
    {"data.refNowhere", "a reference points nowhere",
     "ein Verweis zeigt ins Leere"},
    {"data.unknownSite", "an ID refers to an unknown site",
     "eine ID verweist auf eine unbekannte Quelle"},
    {"data.unknownMergeFields", "unknown merge fields",
     "unbekannte Zusammenführungsfelder"},
    {"data.votesEmpty", "a note's votes are flagged but empty",
     "die Stimmen einer Notiz sind markiert, aber leer"},
    {"data.noVoter", "a vote has no voter",
     "eine Stimme hat keine abstimmende Person"},
    {"data.voterTwice", "a voter is written twice in one place",
     "eine abstimmende Person steht zweimal an einer Stelle"},
    {"data.stampTwice", "a stamp is written twice",
     "ein Zeitstempel steht zweimal da"},
    {"data.votesUnknownNote", "votes refer to an unknown note",
     "Stimmen verweisen auf eine unbekannte Notiz"},
    {"data.unknownPersonaFields", "unknown persona fields",
     "unbekannte Persona-Felder"},
    {"data.unknownTemplateSection", "a section refers to an unknown template section",
     "ein Bereich verweist auf einen unbekannten Vorlagenbereich"},
    {"data.unknownTemplate", "the persona refers to an unknown template",
     "die Persona verweist auf eine unbekannte Vorlage"},
    {"data.unknownTemplateStage", "a stage refers to an unknown template stage",
     "eine Phase verweist auf eine unbekannte Vorlagenphase"},
    {"data.scoreOutOfRange", "a score is out of range",
     "ein Wert liegt außerhalb des erlaubten Bereichs"},
    {"data.unknownTemplateLane", "a lane refers to an unknown template lane",
     "eine Zeile verweist auf eine unbekannte Vorlagenzeile"},
    {"data.twoEmotionScores", "a stage has two emotion scores",
     "eine Phase hat zwei Emotionswerte"},
    {"data.twoExpectationScores", "a stage has two expectation scores",
     "eine Phase hat zwei Erwartungswerte"},
    {"data.unknownNoteFields", "unknown note fields",
     "unbekannte Notizfelder"},
    {"data.tagsEmpty", "a note's tag list is flagged but empty",
     "die Schlagwortliste einer Notiz ist markiert, aber leer"},
    {"data.trailing", "there is data after the end of the board",
     "nach dem Ende des Boards folgen noch Daten"},
    {"term.space", "a space",
     "ein Leerzeichen"},
    {"term.votes", "votes",
     "Stimmen"},
    {"term.stamps", "stamps",
     "Zeitstempel"},
    {"term.tombstones", "tombstones",
     "Löschvermerke"},
    {"term.notesWithVotes", "notes with votes",
     "Notizen mit Stimmen"},
    {"term.boardKind", "board kind",
     "Board-Art"},
    {"term.language", "language",
     "Sprache"},
    {"term.sections", "sections",
     "Bereiche"},
    {"term.stages", "stages",
     "Phasen"},
    {"term.lanes", "lanes",
     "Zeilen"},
    {"term.laneKind", "lane kind",
     "Zeilenart"},
    {"term.toBeSwitch", "to-be switch",
     "Soll-Schalter"},
    {"term.emotionScores", "emotion scores",
     "Emotionswerte"},
    {"term.expectationScores", "expectation scores",
     "Erwartungswerte"},
    {"term.notes", "notes",
     "Notizen"},
    {"term.tagsOnANote", "tags on a note",
     "Schlagwörter an einer Notiz"},
    {"term.actions", "actions",
     "Maßnahmen"},
    {"term.actionStatus", "action status",
     "Maßnahmenstatus"},
    {"term.linkedNotes", "linked notes",
     "verknüpfte Notizen"},
    {"at.byte", "at byte {0}",
     "bei Byte {0}"},
    {"at.lineColumn", "at line {0}, column {1}",
     "in Zeile {0}, Spalte {1}"},
    {"json.numberTooLarge", "A number is too large to read {c}.",
     "Eine Zahl ist zu groß zum Lesen ({c})."},
    {"json.utf8At", "The text is not valid UTF-8 {c}.",
     "Der Text ist kein gültiges UTF-8 ({c})."},
    {"json.cutOff", "The board is cut off: the JSON ends too early {c}.",
     "Das Board ist abgeschnitten: das JSON endet zu früh ({c})."},
    {"json.syntax", "This is not valid JSON (syntax error {c}).",
     "Das ist kein gültiges JSON (Syntaxfehler {c})."},
    {"json.invalid", "This is not valid JSON.",
     "Das ist kein gültiges JSON."},
    {"json.mustBeText", "{0} must be text.",
     "{0} muss Text sein."},
    {"json.mustBeBool", "{0} must be true or false.",
     "{0} muss true oder false sein."},
    {"json.tooLarge", "{0} is too large (the largest allowed is {1}).",
     "{0} ist zu groß (höchstens erlaubt: {1})."},
    {"json.tooSmall", "{0} is too small (the smallest allowed is {1}).",
     "{0} ist zu klein (mindestens erlaubt: {1})."},
    {"json.mustBeWhole", "{0} must be a whole number.",
     "{0} muss eine ganze Zahl sein."},
    {"json.mustBeNumber", "{0} must be a number.",
     "{0} muss eine Zahl sein."},
    {"json.rectRange", "{0} is out of range (template units between −1,000 and 1,000).",
     "{0} liegt außerhalb des erlaubten Bereichs (Vorlageneinheiten zwischen −1.000 und 1.000)."},
    {"json.mustBeTextList", "{0} must be a list of text.",
     "{0} muss eine Liste von Texten sein."},
    {"json.mustBeOneOf", "{0} must be text ({1}).",
     "{0} muss Text sein ({1})."},
    {"json.mustBeOneOfGot", "{0} must be one of {1} (got {2}).",
     "{0} muss einer dieser Werte sein: {1} (gefunden: {2})."},
    {"json.mustBeObject", "{0} must be an object.",
     "{0} muss ein Objekt sein."},
    {"json.mustBeList", "{0} must be a list.",
     "{0} muss eine Liste sein."},
    {"term.votersOnOneNote", "voters on one note",
     "Abstimmende an einer Notiz"},
    {"valid.tombstoneId", "{0} is empty or too long.",
     "{0} ist leer oder zu lang."},
    {"valid.textTooLong", "Text too long in {0}: {1} bytes (the limit is {2}).",
     "Text zu lang in {0}: {1} Bytes (die Grenze ist {2})."},
    {"valid.utf8", "{0} is not valid UTF-8 (at byte {1}).",
     "{0} ist kein gültiges UTF-8 (bei Byte {1})."},
    {"valid.colour", "{0} must be a palette index 0…{1} (got {2}).",
     "{0} muss eine Farbnummer von 0 bis {1} sein (gefunden: {2})."},
    {"valid.rectSize", "{0} must have a positive width and height.",
     "{0} muss eine positive Breite und Höhe haben."},
    {"valid.idEmpty", "{0} must not be empty.",
     "{0} darf nicht leer sein."},
    {"valid.idTooLong", "Id too long in {0}: {1} bytes (the limit is {2}).",
     "ID zu lang in {0}: {1} Bytes (die Grenze ist {2})."},
    {"valid.duplicateId", "Duplicate id {0} ({1} and {2}).",
     "Doppelte ID {0} ({1} und {2})."},
    {"valid.outOfRange", "{0} is out of range.",
     "{0} liegt außerhalb des erlaubten Bereichs."},
    {"valid.score", "{0} must be between −2 and +2 (got {1}).",
     "{0} muss zwischen −2 und +2 liegen (gefunden: {1})."},
    {"valid.emotionsOnWrongLane", "{0} holds emotion scores but is not an emotion lane.",
     "{0} enthält Emotionswerte, ist aber keine Emotionszeile."},
    {"valid.gapsOnWrongLane", "{0} holds expectation scores but is not an expectation lane.",
     "{0} enthält Erwartungswerte, ist aber keine Erwartungszeile."},
    {"valid.unknownStage", "{0} refers to unknown stage {1}.",
     "{0} verweist auf die unbekannte Phase {1}."},
    {"valid.negativeVotes", "{0} must not be negative (got {1}).",
     "{0} darf nicht negativ sein (gefunden: {1})."},
    {"valid.voterId", "{0} has a voter id that is empty or too long.",
     "{0} enthält eine leere oder zu lange Abstimmenden-ID."},
    {"valid.ballotCount", "{0} must be between 0 and 1,000 (got {1}).",
     "{0} muss zwischen 0 und 1.000 liegen (gefunden: {1})."},
    {"valid.tooManyTags", "Too many tags on {0}: {1} (the limit is {2}).",
     "Zu viele Schlagwörter an {0}: {1} (die Grenze ist {2})."},
    {"valid.tagTooLong", "Tag too long in {0}: {1} bytes (the limit is {2}).",
     "Schlagwort zu lang in {0}: {1} Bytes (die Grenze ist {2})."},
    {"valid.unknownSection", "{0} refers to unknown section {1}.",
     "{0} verweist auf den unbekannten Bereich {1}."},
    {"valid.empathyNoteInJourney", "{0} is on an empathy map but names a stage or lane.",
     "{0} liegt auf einer Empathy Map, nennt aber eine Phase oder Zeile."},
    {"valid.unknownLane", "{0} refers to unknown lane {1}.",
     "{0} verweist auf die unbekannte Zeile {1}."},
    {"valid.journeyNoteInSection", "{0} is on a journey board but names a section.",
     "{0} liegt auf einem Journey-Board, nennt aber einen Bereich."},
    {"valid.unknownNote", "{0} refers to unknown note {1}.",
     "{0} verweist auf die unbekannte Notiz {1}."},
    {"json.notObject", "This is not a Mapathy board (expected a JSON object).",
     "Das ist kein Mapathy-Board (erwartet: ein JSON-Objekt)."},
    {"json.noFormat", "This is not a Mapathy board (the \"format\" field is missing).",
     "Das ist kein Mapathy-Board (das Feld „format“ fehlt)."},
    {"json.formatNotText", "This is not a Mapathy board (format is not text, expected \"{0}\").",
     "Das ist kein Mapathy-Board („format“ ist kein Text, erwartet: „{0}“)."},
    {"json.wrongFormat", "This is not a Mapathy board (format is {0}, expected \"{1}\").",
     "Das ist kein Mapathy-Board („format“ ist {0}, erwartet: „{1}“)."},
    {"json.noVersion", "This board has no format version.",
     "Dieses Board hat keine Formatversion."},
    {"json.versionNotWhole", "The format version must be a whole number.",
     "Die Formatversion muss eine ganze Zahl sein."},
    {"json.newer", "This board was made by a newer Mapathy (format version {0}; this app reads up to {1}). Please update.",
     "Dieses Board stammt von einer neueren Mapathy (Formatversion {0}; diese App liest bis {1}). Bitte aktualisiere die App."},
    {"json.unknownVersion", "Unknown format version {0}.",
     "Unbekannte Formatversion {0}."},
    {"json.noKind", "This board does not say what it is (the \"kind\" field is missing).",
     "Dieses Board sagt nicht, was es ist (das Feld „kind“ fehlt)."},
    {"json.unknownKind", "Unknown board kind (expected \"empathy-map\" or \"journey\").",
     "Unbekannte Board-Art (erwartet: „empathy-map“ oder „journey“)."},
    {"json.noBoard", "This file has no board (the \"board\" object is missing).",
     "Diese Datei enthält kein Board (das Objekt „board“ fehlt)."},
    {"json.tooBig", "The board is too big: {0} bytes (the limit is {1}).",
     "Das Board ist zu groß: {0} Bytes (die Grenze ist {1})."},
    {"text.utf8", "The text is not valid UTF-8 (at byte {0}).",
     "Der Text ist kein gültiges UTF-8 (bei Byte {0})."},
    {"json.tooDeep", "The board is nested too deeply (more than {0} levels).",
     "Das Board ist zu tief verschachtelt (mehr als {0} Ebenen)."},
    {"term.theTitle", "the title",
     "der Titel"},
    {"term.aSectionHeading", "a section heading",
     "eine Bereichsüberschrift"},
    {"term.aPersonaField", "a persona field",
     "ein Persona-Feld"},
    {"term.thePersonasBio", "the persona's bio",
     "die Beschreibung der Persona"},
    {"term.aStageName", "a stage name",
     "ein Phasenname"},
    {"term.aStageDescription", "a stage description",
     "eine Phasenbeschreibung"},
    {"term.aLaneName", "a lane name",
     "ein Zeilenname"},
    {"term.aSectionHint", "a section hint",
     "ein Bereichshinweis"},
    {"term.aLaneRole", "a lane role",
     "eine Zeilenrolle"},
    {"term.anEmotionReason", "an emotion reason",
     "ein Emotionsgrund"},
    {"term.aNote", "a note",
     "eine Notiz"},
    {"term.theAuthor", "the author",
     "die Autorin oder der Autor"},
    {"term.anAction", "an action",
     "eine Maßnahme"},
    {"term.theOwner", "the owner",
     "die verantwortliche Person"},
    {"storage.nothingStored", "Nothing readable is stored for this board.",
     "Für dieses Board ist nichts Lesbares gespeichert."},
    {"template.unknownEmpathy", "Unknown empathy-map template \"{0}\" (known: {1}).",
     "Unbekannte Empathy-Map-Vorlage „{0}“ (bekannt: {1})."},
    {"template.unknownJourney", "Unknown journey template \"{0}\" (known: {1}).",
     "Unbekannte Journey-Vorlage „{0}“ (bekannt: {1})."},
    {"merge.empathyWithJourney", "Cannot merge an empathy map with a journey board.",
     "Eine Empathy Map lässt sich nicht mit einem Journey-Board zusammenführen."},
    {"merge.journeyWithEmpathy", "Cannot merge a journey board with an empathy map.",
     "Ein Journey-Board lässt sich nicht mit einer Empathy Map zusammenführen."},
};
// clang-format on

std::string paramText(const ErrorParam& p, Lang lang) {
  if (p.number) return groupDigits(p.text, lang);
  if (p.term) {
    const char* term = errorPattern("term." + p.text, lang);
    return term == nullptr ? p.text : term;
  }
  return p.text;
}

#if !MAPATHY_UI_TEXTS_FROM_FILE
const std::unordered_map<std::string_view, const ErrorWording*>& byCode() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const ErrorWording*> m;
    for (const ErrorWording& w : kErrorWordings) m.emplace(w.code, &w);
    return m;
  }();
  return map;
}

std::span<const ErrorWording>& addedWordings() {
  static std::span<const ErrorWording> added;
  return added;
}
#endif

}  // namespace

#if MAPATHY_UI_TEXTS_FROM_FILE
const char* errorPattern(const std::string& code, Lang lang) { return texts::findError(code, lang); }
#else
std::span<const ErrorWording> errorWordings() { return kErrorWordings; }

void addErrorWordings(std::span<const ErrorWording> more) { addedWordings() = more; }

const ErrorWording* findErrorWording(const std::string& code) {
  const auto it = byCode().find(code);
  if (it != byCode().end()) return it->second;
  for (const ErrorWording& w : addedWordings()) {
    if (code == w.code) return &w;
  }
  return nullptr;
}

const char* errorPattern(const std::string& code, Lang lang) {
  const ErrorWording* w = findErrorWording(code);
  return w == nullptr ? nullptr : (lang == Lang::De ? w->de : w->en);
}
#endif

std::string groupDigits(const std::string& digits, Lang lang) {
  const bool negative = !digits.empty() && digits.front() == '-';
  const std::string_view d = std::string_view(digits).substr(negative ? 1 : 0);
  if (d.empty() || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return digits;
  const char sep = lang == Lang::De ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < d.size(); ++i) {
    if (i > 0 && (d.size() - i) % 3 == 0) out.push_back(sep);
    out.push_back(d[i]);
  }
  return (negative ? "-" : "") + out;
}

std::string describe(const Error& error, Lang lang) {
  const char* wording = errorPattern(error.code, lang);
  if (wording == nullptr) {  // a gap: show the code and its parameters rather than nothing
    std::string out = error.code;
    for (const ErrorParam& p : error.params) out += " " + paramText(p, lang);
    if (error.cause) out += ": " + describe(*error.cause, lang);
    return out;
  }
  const std::string_view pattern = wording;
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const std::string_view name = pattern.substr(i + 1, close - i - 1);
        if (name == "c") {
          if (error.cause) out += describe(*error.cause, lang);
          i = close;
          continue;
        }
        if (!name.empty() && std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          std::size_t k = 0;
          for (const char c : name) k = k * 10 + static_cast<std::size_t>(c - '0');
          if (k < error.params.size()) out += paramText(error.params[k], lang);
          i = close;
          continue;
        }
      }
    }
    out.push_back(pattern[i]);
  }
  return out;
}

}  // namespace mapathy::ui
