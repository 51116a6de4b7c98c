// Mapathy UI — string registry and the tables of the app shell, start screen, empathy view, cards,
// toolbar and dialogs. The journey view registers its own table (see i18n.hpp).
#include "ui/i18n.hpp"

#include <string_view>

#include "core/base/text.hpp"
#include "ui/ui_texts.hpp"

#include <unordered_map>

namespace mapathy::ui {

namespace {

struct Registry {
#if !MAPATHY_UI_TEXTS_FROM_FILE
  std::unordered_map<std::string_view, const UiString*> byKey;
#endif
  Lang lang = Lang::En;
  std::optional<Lang> pending;
  void (*request)(Lang) = nullptr;
};

Registry& registry() {
  static Registry r;
  return r;
}

// clang-format off
const UiString kCoreStrings[] = {
    // ---- app and start screen
    {"app.name", "Mapathy", "Mapathy"},
    {"start.tagline", "Empathy maps and customer journeys for your team: in the browser, no account, shared as a link.",
                      "Empathy Maps und Customer Journeys für dein Team: im Browser, ohne Konto, geteilt als Link."},
    {"start.empathy.title", "Empathy map", "Empathy Map"},
    {"start.empathy.what", "Put one customer at the centre and collect what they say, think, do and feel. It helps a team see the person behind the numbers, and separate what was observed from what is only assumed.",
                           "Eine Kundin oder ein Kunde steht in der Mitte; ihr sammelt, was die Person sagt, denkt, tut und fühlt. So sieht das Team den Menschen hinter den Zahlen und trennt Beobachtetes von Vermutetem."},
    {"start.journey.title", "Customer journey board", "Customer-Journey-Board"},
    {"start.journey.what", "Follow the customer's path stage by stage: actions, touchpoints, thoughts, the emotional highs and lows, and where expectation and experience drift apart. Turn the pain points into actions.",
                           "Folgt dem Weg der Kundschaft Phase für Phase: Aktionen, Kontaktpunkte, Gedanken, emotionale Hochs und Tiefs und wo Erwartung und Erlebnis auseinandergehen. Macht aus Schmerzpunkten Maßnahmen."},
    {"start.newEmpathy", "New empathy map", "Neue Empathy Map"},
    {"start.newJourney", "New journey board", "Neues Journey-Board"},
    {"start.inGerman", "in German", "auf Deutsch"},
    {"start.inEnglish", "in English", "auf Englisch"},
    {"start.open", "Open file…", "Datei öffnen…"},
    {"start.paste", "Paste link…", "Link einfügen…"},
    {"start.openTitle", "Open a board", "Ein Board öffnen"},
    {"start.openHint", "Open a board saved as JSON or Markdown, or paste a Mapathy link someone shared with you.",
                       "Öffne ein als JSON oder Markdown gespeichertes Board oder füge einen geteilten Mapathy-Link ein."},
    {"start.recent", "Boards on this device", "Boards auf diesem Gerät"},
    {"start.recentNone", "Nothing here yet. Boards you open or put aside appear here.",
                         "Noch nichts hier. Geöffnete und beiseitegelegte Boards erscheinen hier."},
    {"start.continue", "Continue", "Weiter"},
    {"start.current", "open now", "gerade offen"},
    {"start.privacy", "Your boards stay on this device. A share link carries the whole board in the address; no server ever sees it.",
                      "Deine Boards bleiben auf diesem Gerät. Ein Teilen-Link trägt das ganze Board in der Adresse; kein Server sieht es."},
    {"start.untitled", "Untitled board", "Unbenanntes Board"},
    {"start.notes", "%d note|%d notes", "%d Notiz|%d Notizen"},
    {"paste.title", "Paste a link", "Link einfügen"},
    {"paste.hint", "Paste a Mapathy link (or just the part after #).", "Füge einen Mapathy-Link ein (oder nur den Teil nach #)."},
    {"paste.open", "Open link", "Link öffnen"},
    {"msg.textsFailed.de", "The German texts could not be loaded (no connection?). Mapathy stays in English; try again later.",
                           "Die deutschen Texte ließen sich nicht laden (keine Verbindung?). Mapathy bleibt auf Englisch; versuche es später noch einmal."},
    {"msg.textsFailed.en", "The English texts could not be loaded (no connection?). Mapathy stays in German; try again later.",
                           "Die englischen Texte ließen sich nicht laden (keine Verbindung?). Mapathy bleibt auf Deutsch; versuche es später noch einmal."},
    {"common.cancel", "Cancel", "Abbrechen"},
    {"common.close", "Close", "Schließen"},
    {"common.ok", "OK", "OK"},
    {"common.dismiss", "Dismiss", "Ausblenden"},
    {"common.delete", "Delete", "Löschen"},

    // ---- toolbar
    {"toolbar.back", "Boards", "Boards"},
    {"toolbar.backTip", "Back to the start screen (this board is kept)", "Zurück zum Start (dieses Board bleibt erhalten)"},
    {"toolbar.title", "Board title", "Board-Titel"},
    {"toolbar.undo", "Undo", "Rückgängig"},
    {"toolbar.redo", "Redo", "Wiederholen"},
    {"toolbar.undoTip", "Undo (Ctrl+Z)", "Rückgängig (Strg+Z)"},
    {"toolbar.redoTip", "Redo (Ctrl+Shift+Z or Ctrl+Y)", "Wiederholen (Strg+Umschalt+Z oder Strg+Y)"},
    {"toolbar.zoomIn", "Zoom in", "Vergrößern"},
    {"toolbar.zoomOut", "Zoom out", "Verkleinern"},
    {"toolbar.fit", "Fit", "Einpassen"},
    {"toolbar.fitTip", "Fit the whole board to the screen", "Das ganze Board auf den Bildschirm einpassen"},
    {"toolbar.share", "Share", "Teilen"},
    {"toolbar.actions", "Actions", "Maßnahmen"},
    {"toolbar.filter", "Filter", "Filter"},
    {"toolbar.language", "Language", "Sprache"},
    {"toolbar.touch", "Touch mode", "Touch-Modus"},
    {"toolbar.touchTip", "Bigger buttons and cards for fingers", "Größere Schaltflächen und Karten für Finger"},
    {"toolbar.saved", "All changes kept", "Alle Änderungen erhalten"},

    // ---- messages
    {"msg.badLink", "This link could not be opened: %s Your current board is unchanged.",
                    "Dieser Link ließ sich nicht öffnen: %s Dein aktuelles Board ist unverändert."},
    {"msg.badFile", "The file \"%s\" could not be opened: %s", "Die Datei „%s“ ließ sich nicht öffnen: %s"},
    {"msg.stashed", "Your previous board \"%s\" was kept under \"Boards on this device\".",
                    "Dein vorheriges Board „%s“ wurde unter „Boards auf diesem Gerät“ aufbewahrt."},
    {"msg.otherTab", "Changes from another tab came in.", "Änderungen aus einem anderen Tab sind eingetroffen."},
    {"msg.copied", "Link copied.", "Link kopiert."},
    {"msg.actionCreated", "Action created from the note.", "Maßnahme aus der Notiz erstellt."},
    {"msg.templateFailed", "The template could not be created: %s", "Die Vorlage ließ sich nicht anlegen: %s"},

    // ---- empathy view and persona
    {"persona.name", "Name", "Name"},
    {"persona.role", "Role", "Rolle"},
    {"persona.goal", "Goal: what do they need to do?", "Ziel: Was muss die Person erledigen?"},
    {"persona.quote", "A typical quote", "Ein typisches Zitat"},
    {"persona.namePlaceholder", "Who is it?", "Wer ist es?"},
    {"persona.rolePlaceholder", "Role or situation", "Rolle oder Situation"},
    {"persona.goalPlaceholder", "What do they need to get done?", "Was muss die Person erledigen?"},
    {"persona.quotePlaceholder", "Something they would say", "Etwas, das die Person sagen würde"},
    {"persona.edit", "Edit persona", "Persona bearbeiten"},
    {"persona.colour", "Avatar colour", "Avatarfarbe"},
    {"persona.initials", "Initials", "Initialen"},
    {"persona.bio", "About them", "Über die Person"},
    {"persona.success", "Success means", "Erfolg heißt"},
    {"section.add", "Add note", "Notiz hinzufügen"},
    {"section.empty", "Double-click to add a note", "Doppelklick fügt eine Notiz hinzu"},
    {"section.emptyTouch", "Double-tap to add a note", "Doppeltippen fügt eine Notiz hinzu"},
    {"section.addSection", "Add section", "Bereich hinzufügen"},
    {"section.newTitle", "New section", "Neuer Bereich"},

    // ---- note cards
    {"note.placeholder", "Type your note…", "Notiz eingeben…"},
    {"note.edit", "Edit text", "Text bearbeiten"},
    {"note.colour", "Colour", "Farbe"},
    {"note.tags", "Tags", "Tags"},
    {"note.tagsHint", "comma separated", "durch Komma getrennt"},
    {"note.observed", "Observed", "Beobachtet"},
    {"note.assumed", "Assumed", "Vermutet"},
    {"note.observedTip", "Someone heard or saw this from a real customer", "Jemand hat das bei echten Kunden gehört oder gesehen"},
    {"note.assumedTip", "The team imagines this; check it with real customers", "Das Team vermutet das; mit echten Kunden prüfen"},
    {"note.vote", "Vote", "Stimme geben"},
    {"note.unvote", "Remove vote", "Stimme entfernen"},
    {"note.delete", "Delete note", "Notiz löschen"},
    {"note.createAction", "Create action", "Maßnahme erstellen"},
    {"note.done", "Done", "Fertig"},
    {"note.votes", "%d vote|%d votes", "%d Stimme|%d Stimmen"},

    // ---- filter
    {"filter.search", "Search notes", "Notizen durchsuchen"},
    {"filter.tag", "Tag", "Tag"},
    {"filter.anyTag", "Any tag", "Alle Tags"},
    {"filter.colour", "Colour", "Farbe"},
    {"filter.anyColour", "Any colour", "Alle Farben"},
    {"filter.evidence", "Evidence", "Beleg"},
    {"filter.any", "Observed and assumed", "Beobachtet und vermutet"},
    {"filter.clear", "Clear filter", "Filter löschen"},
    {"filter.matches", "%d of %d note matches|%d of %d notes match", "%d von %d Notiz passt|%d von %d Notizen passen"},

    // ---- share dialog
    {"share.title", "Share this board", "Dieses Board teilen"},
    {"share.explain", "The link carries the whole board. Anyone with it can open a copy; no server stores it.",
                      "Der Link trägt das ganze Board. Wer ihn hat, öffnet eine Kopie; kein Server speichert es."},
    {"share.copy", "Copy link", "Link kopieren"},
    {"share.length", "%d character|%d characters", "%d Zeichen|%d Zeichen"},
    {"share.qr", "Fits a QR code (up to %d character).|Fits a QR code (up to %d characters).",
                 "Passt in einen QR-Code (bis %d Zeichen).|Passt in einen QR-Code (bis %d Zeichen)."},
    {"share.chat", "Too long for a QR code, safe for chat and email (up to %d character).|Too long for a QR code, safe for chat and email (up to %d characters).",
                   "Zu lang für einen QR-Code, sicher für Chat und E-Mail (bis %d Zeichen).|Zu lang für einen QR-Code, sicher für Chat und E-Mail (bis %d Zeichen)."},
    {"share.tooLong", "Too long for chat and email (over %d character): some apps cut it off. Send the file instead.|Too long for chat and email (over %d characters): some apps cut it off. Send the file instead.",
                      "Zu lang für Chat und E-Mail (über %d Zeichen): manche Apps schneiden ihn ab. Schicke lieber die Datei.|Zu lang für Chat und E-Mail (über %d Zeichen): manche Apps schneiden ihn ab. Schicke lieber die Datei."},
    {"share.downloadJson", "Download JSON", "JSON herunterladen"},
    {"share.downloadMarkdown", "Download Markdown", "Markdown herunterladen"},
    {"share.files", "As a file", "Als Datei"},

    // ---- actions panel
    {"note.fieldLabel", "Note", "Notiz"},
    {"actions.title", "Actions", "Maßnahmen"},
    {"actions.explain", "Empathy counts when it leads to action. Create actions from notes and give each an owner.",
                        "Empathie zählt, wenn sie zu Maßnahmen führt. Erstelle Maßnahmen aus Notizen und gib jeder eine verantwortliche Person."},
    {"actions.none", "No actions yet. Right-click a note (long-press on touch) and choose \"Create action\".",
                     "Noch keine Maßnahmen. Rechtsklick auf eine Notiz (lange drücken bei Touch) und „Maßnahme erstellen“ wählen."},
    {"actions.add", "New action", "Neue Maßnahme"},
    {"actions.text", "What will we do?", "Was tun wir?"},
    {"actions.owner", "Owner", "Verantwortlich"},
    {"actions.status", "Status", "Status"},
    {"actions.open", "Open", "Offen"},
    {"actions.doing", "Doing", "In Arbeit"},
    {"actions.done", "Done", "Erledigt"},
    {"actions.from", "From: %s", "Aus: %s"},
    {"actions.show", "Show note", "Notiz zeigen"},
    {"actions.delete", "Delete action", "Maßnahme löschen"},
    {"actions.newText", "Follow up: %s", "Nachfassen: %s"},

    // ---- palette names (accessible names for colour swatches)
    {"colour.0", "Yellow", "Gelb"},
    {"colour.1", "Orange", "Orange"},
    {"colour.2", "Pink", "Rosa"},
    {"colour.3", "Purple", "Lila"},
    {"colour.4", "Blue", "Blau"},
    {"colour.5", "Teal", "Türkis"},
    {"colour.6", "Green", "Grün"},
    {"colour.7", "Grey", "Grau"},
};
// clang-format on

const StringTableRegistrar kCoreRegistrar(kCoreStrings);

}  // namespace

#if MAPATHY_UI_TEXTS_FROM_FILE
void registerStrings(const UiString* /*table*/, std::size_t /*count*/) {}  // the texts come from the files

void setUiLang(Lang lang) {
  Registry& r = registry();
  if (texts::loaded(lang)) {
    r.lang = lang;
    r.pending.reset();
    return;
  }
  if (r.request == nullptr) return;
  const bool asked = r.pending == lang;
  r.pending = lang;
  if (!asked) r.request(lang);
}
#else
void registerStrings(const UiString* table, std::size_t count) {
  auto& byKey = registry().byKey;
  for (std::size_t i = 0; i < count; ++i) {
    byKey.emplace(table[i].key, &table[i]);  // first registration of a key wins
  }
}

void setUiLang(Lang lang) {
  registry().lang = lang;
  registry().pending.reset();
}
#endif

Lang uiLang() { return registry().lang; }
std::optional<Lang> pendingUiLang() { return registry().pending; }
void setUiTextsRequester(void (*request)(Lang lang)) { registry().request = request; }

bool uiTextsArrived(Lang lang, std::string_view file) {
  if (texts::load(lang, file) == 0) {
    if (registry().pending == lang) registry().pending.reset();
    return false;
  }
  if (registry().pending == lang) setUiLang(lang);
  return true;
}

Lang langFromTag(const std::string& tag) {
  if (tag.size() >= 2 && (tag[0] == 'd' || tag[0] == 'D') && (tag[1] == 'e' || tag[1] == 'E')) {
    return Lang::De;
  }
  return Lang::En;
}

const char* tr(const char* key, Lang lang) {
#if MAPATHY_UI_TEXTS_FROM_FILE
  const char* text = texts::find(key, lang);
  return text != nullptr ? text : key;
#else
  const auto& byKey = registry().byKey;
  const auto it = byKey.find(key);
  if (it == byKey.end()) {
    return key;
  }
  return lang == Lang::De ? it->second->de : it->second->en;
#endif
}

const char* tr(const char* key) { return tr(key, registry().lang); }

bool hasString(const char* key) {
#if MAPATHY_UI_TEXTS_FROM_FILE
  return texts::find(key, registry().lang) != nullptr;
#else
  return registry().byKey.count(key) != 0;
#endif
}

std::string plural(const char* key, long long n, Lang lang) {
  const std::string_view both = tr(key, lang);
  const std::size_t bar = both.find('|');
  if (bar == std::string_view::npos) return std::string(both);
  return std::string(n == 1 ? both.substr(0, bar) : both.substr(bar + 1));
}

std::string plural(const char* key, long long n) { return plural(key, n, registry().lang); }

std::string countText(const char* key, long long n, Lang lang) {
  return text::format(plural(key, n, lang).c_str(), static_cast<int>(n));
}

std::string countText(const char* key, long long n) { return countText(key, n, registry().lang); }

#if !MAPATHY_UI_TEXTS_FROM_FILE
std::vector<const UiString*> allStrings() {
  std::vector<const UiString*> out;
  out.reserve(registry().byKey.size());
  for (const auto& [key, row] : registry().byKey) out.push_back(row);
  return out;
}
#endif

std::string label(const char* key) { return std::string(tr(key)) + "###" + key; }

std::string label(const char* key, const std::string& idSuffix) {
  return std::string(tr(key)) + "###" + key + "." + idSuffix;
}

}  // namespace mapathy::ui
