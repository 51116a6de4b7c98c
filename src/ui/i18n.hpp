// Mapathy UI — every user-facing string in German and English.
//
// Strings live in tables of {key, English, German} rows. Each view owns its own table and registers it,
// so views can be written in parallel without editing one shared file:
//
//   namespace { const mapathy::ui::UiString kJourneyStrings[] = {
//       {"journey.addStage", "Add stage", "Phase hinzufügen"}, … };
//   const mapathy::ui::StringTableRegistrar kRegister(kJourneyStrings); }
//
// Put the registrar in a .cpp that the app references anyway (a view's own .cpp): object files in a
// static library are only linked when something in them is used. Or call registerStrings() from the
// view's first frame — registering the same table twice is harmless.
//
// tr() is cheap (a hash lookup) and returns a pointer that stays valid for the program's life, so it
// can go straight into ImGui calls. A missing key returns the key itself, which makes gaps visible.
// The UI language is view state (what the person reads), separate from the board's language (what the
// board's template text was written in).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy::ui {

#if MAPATHY_UI_TEXTS_FROM_FILE
// The web app: a table row keeps nothing, so neither its key nor its texts are compiled in; the texts come
// from the site's language files (ui_texts.hpp), which tools/strings.mjs writes from these same tables.
struct UiString {
  constexpr UiString(const char* /*key*/, const char* /*en*/, const char* /*de*/) {}
};
#else
struct UiString {
  const char* key;
  const char* en;
  const char* de;
};
#endif

void registerStrings(const UiString* table, std::size_t count);

struct StringTableRegistrar {
  template <std::size_t N>
  explicit StringTableRegistrar(const UiString (&table)[N]) {
    registerStrings(table, N);
  }
};

// Switches the UI language. With texts from language files (the web app), a language whose file is not
// loaded yet is asked for (setUiTextsRequester) and the switch happens when the file arrives
// (uiTextsArrived); until then the UI stays in the language it is in.
void setUiLang(Lang lang);
[[nodiscard]] Lang uiLang();
// The language asked for by the last setUiLang() whose file has not arrived; nullopt when none is pending.
[[nodiscard]] std::optional<Lang> pendingUiLang();
// Who fetches a language file (the web platform). Without one, a language that is not loaded is not
// switched to.
void setUiTextsRequester(void (*request)(Lang lang));
// A language file arrived (texts::load): keeps it and, when it is the pending language, switches to it.
// Returns false when the file holds no texts (the UI stays as it is).
bool uiTextsArrived(Lang lang, std::string_view file);
// "de…"/"DE-…" → German, everything else → English (browser language tags such as "de-AT").
[[nodiscard]] Lang langFromTag(const std::string& tag);

[[nodiscard]] const char* tr(const char* key);             // in the current UI language
[[nodiscard]] const char* tr(const char* key, Lang lang);  // in a given language
[[nodiscard]] bool hasString(const char* key);

// Counted strings hold both forms, "one|other": {"start.notes", "%d note|%d notes", "%d Notiz|%d Notizen"}.
// German and English both take "one" for exactly 1 and "other" for everything else, 0 included
// ("0 notes", "0 Notizen"). plural() returns the form for n, still to be formatted (it may hold more
// numbers than n, e.g. "%d of %d notes match"); countText() formats a form with n as its only number.
[[nodiscard]] std::string plural(const char* key, long long n, Lang lang);
[[nodiscard]] std::string plural(const char* key, long long n);
[[nodiscard]] std::string countText(const char* key, long long n, Lang lang);
[[nodiscard]] std::string countText(const char* key, long long n);

#if !MAPATHY_UI_TEXTS_FROM_FILE
// Every registered row (tests check the tables: both languages, plural rows well-formed).
[[nodiscard]] std::vector<const UiString*> allStrings();
#endif

// A visible, translated label with a stable ImGui ID: "Rückgängig###toolbar.undo". The ID part stays
// the same in both languages, so switching language keeps widget state, and tests can find widgets
// by either the visible text or the key.
[[nodiscard]] std::string label(const char* key);
[[nodiscard]] std::string label(const char* key, const std::string& idSuffix);

}  // namespace mapathy::ui
