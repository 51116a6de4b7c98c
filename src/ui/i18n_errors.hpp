// Mapathy UI — the wording of every refusal the core can give, in English and German.
//
// The core never writes sentences: a refusal is an Error (core/model/model.hpp) with a code and
// parameters. This table words it for a reader: the UI in the reader's language, the CLI in English.
// It has no ImGui in it, so the CLI links it as the small `mapathy_messages` library.
//
// Wordings fill in {0}, {1}, … with the parameters and {c} with the cause (worded the same way). A number
// parameter is grouped the reader's way ("1,000" / "1.000"); a term parameter ("notes") is looked up as
// "term.<key>" in the same table. A code without a wording shows as the code itself, so gaps are visible;
// tests/core/error_wording_test.cpp checks that every code the core can give has both wordings.
#pragma once

#include <span>
#include <string>

#include "core/model/model.hpp"

namespace mapathy::ui {

struct ErrorWording {
  const char* code;
  const char* en;
  const char* de;
};

[[nodiscard]] std::string describe(const Error& error, Lang lang);
[[nodiscard]] inline std::string english(const Error& error) { return describe(error, Lang::En); }

// The pattern of a code in `lang` ("The link is too long ({0} characters; …)"); nullptr when it has none.
// In the web app (MAPATHY_UI_TEXTS_FROM_FILE) the patterns come from the loaded language files
// (ui_texts.hpp), the other language's when the asked one is not loaded.
[[nodiscard]] const char* errorPattern(const std::string& code, Lang lang);

#if !MAPATHY_UI_TEXTS_FROM_FILE
// Every row of the table (tests check it is complete and that German rows read German).
[[nodiscard]] std::span<const ErrorWording> errorWordings();
[[nodiscard]] const ErrorWording* findErrorWording(const std::string& code);
// Wordings of refusals given outside the core, added by the code that gives them: the tools module's own
// (app/tools.cpp) live in that module, so they cost the first download nothing. One table; a second call
// replaces the first.
void addErrorWordings(std::span<const ErrorWording> more);
#endif

// "1234567" → "1,234,567" (English) / "1.234.567" (German); a leading '-' is kept.
[[nodiscard]] std::string groupDigits(const std::string& digits, Lang lang);

}  // namespace mapathy::ui
