// Mapathy UI — the UI's texts read at run time from a language file (the web app's strings-de.txt and
// strings-en.txt).
//
// Every text is written once, in the {key, English, German} tables next to the code that shows it
// (i18n.hpp, i18n_errors.hpp). Native builds compile the tables in. The web app's first download has room
// for one language only (the start-up budget, tools/sitesize.mjs), so its build compiles the tables without
// their texts (MAPATHY_UI_TEXTS_FROM_FILE) and tools/strings.mjs writes each language's texts into a file of
// the site: web/platform.js fetches the reader's language together with the module, the other one when the
// reader switches (ui::setUiLang), and the service worker precaches both.
//
// A language file is UTF-8 text, one row per line: "key<TAB>text". An error wording's key starts with '!'
// ("!link.damaged\tThe link is damaged …"). In a text, "\n" stands for a line break, "\t" for a tab and "\\"
// for a backslash. Empty lines and lines starting with '#' are comments. A later row of a key replaces an
// earlier one. tests/ui/ui_texts_test.cpp checks that the generated files hold exactly the compiled tables.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy::ui::texts {

// Keeps the rows of one language's file for the program's life (tr() hands out its texts as pointers that
// stay valid). Returns how many rows the language has: 0 when the file has none, which keeps nothing (an
// empty or foreign file, e.g. a server's error page). A language that is loaded already stays as it is.
std::size_t load(Lang lang, std::string_view file);
[[nodiscard]] bool loaded(Lang lang);

// The text of a key (a UI string) or of an error code (an error wording) in `lang`; when that language is
// not loaded, the other language's; nullptr when no loaded file has the key.
[[nodiscard]] const char* find(std::string_view key, Lang lang);
[[nodiscard]] const char* findError(std::string_view code, Lang lang);

// A file's rows as load() reads them (tests).
struct Row {
  std::string key;   // without the '!' of an error wording
  std::string text;  // unescaped
  bool error = false;
};
[[nodiscard]] std::vector<Row> rowsOf(std::string_view file);

// How many UI strings and error wordings a loaded language holds (tests).
[[nodiscard]] std::size_t count(Lang lang);
[[nodiscard]] std::size_t errorCount(Lang lang);

}  // namespace mapathy::ui::texts
