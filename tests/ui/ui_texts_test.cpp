// The web app's language files (tools/strings.mjs writes them from the tables in src/ui; src/ui/ui_texts.hpp)
// hold exactly what the compiled tables hold: every key with the same English and German text, and
// nothing else. A table the generator misreads (a new kind of row, an escape it does not know) fails here,
// not in a browser where a text would show as its key.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "ui/app_internal.hpp"
#include "ui/i18n.hpp"
#include "ui/i18n_errors.hpp"
#include "ui/journey_view.hpp"
#include "ui/reading_view.hpp"
#include "ui/ui_texts.hpp"
#include "ui/workshop_panel.hpp"

using namespace mapathy;
using namespace mapathy::ui;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST(UiTexts, TheLanguageFilesHoldExactlyTheCompiledTables) {
  // Every table registered, as the app does by the time it has shown every view.
  registerLibraryStrings();
  registerReadingStrings();
  registerJourneyStrings();
  registerWorkshopStrings();

  const std::string en = readFile(MAPATHY_STRINGS_DIR "/strings-en.txt");
  const std::string de = readFile(MAPATHY_STRINGS_DIR "/strings-de.txt");
  ASSERT_FALSE(en.empty()) << MAPATHY_STRINGS_DIR "/strings-en.txt";
  ASSERT_FALSE(de.empty()) << MAPATHY_STRINGS_DIR "/strings-de.txt";
  const std::size_t rows = allStrings().size() + errorWordings().size();
  ASSERT_EQ(texts::load(Lang::En, en), rows);
  ASSERT_EQ(texts::load(Lang::De, de), rows);
  EXPECT_EQ(texts::count(Lang::De), allStrings().size());
  EXPECT_EQ(texts::errorCount(Lang::De), errorWordings().size());

  std::set<std::string> seen;
  for (const UiString* row : allStrings()) {
    seen.insert(row->key);
    const char* inEnglish = texts::find(row->key, Lang::En);
    const char* inGerman = texts::find(row->key, Lang::De);
    ASSERT_NE(inEnglish, nullptr) << row->key;
    ASSERT_NE(inGerman, nullptr) << row->key;
    EXPECT_STREQ(inEnglish, row->en) << row->key;
    EXPECT_STREQ(inGerman, row->de) << row->key;
  }
  for (const ErrorWording& row : errorWordings()) {
    const char* inEnglish = texts::findError(row.code, Lang::En);
    const char* inGerman = texts::findError(row.code, Lang::De);
    ASSERT_NE(inEnglish, nullptr) << row.code;
    ASSERT_NE(inGerman, nullptr) << row.code;
    EXPECT_STREQ(inEnglish, row.en) << row.code;
    EXPECT_STREQ(inGerman, row.de) << row.code;
  }
  // Texts with quotes and typographic marks came through as written.
  EXPECT_STREQ(texts::find("msg.badFile", Lang::En), "The file \"%s\" could not be opened: %s");
  EXPECT_STREQ(texts::find("msg.badFile", Lang::De), "Die Datei „%s“ ließ sich nicht öffnen: %s");
  EXPECT_EQ(texts::find("no.such.key", Lang::De), nullptr);
  EXPECT_EQ(texts::findError("toolbar.undo", Lang::De), nullptr) << "UI strings and error wordings are apart";
}

TEST(UiTexts, ALoadedLanguageStaysAsItIs) {
  // tr() hands out texts as pointers that must stay valid: a language loaded before is not replaced.
  if (!texts::loaded(Lang::De)) {
    ASSERT_GT(texts::load(Lang::De, readFile(MAPATHY_STRINGS_DIR "/strings-de.txt")), 0u);
  }
  const char* before = texts::find("toolbar.undo", Lang::De);
  ASSERT_NE(before, nullptr);
  texts::load(Lang::De, "toolbar.undo\tetwas anderes\n");
  EXPECT_EQ(texts::find("toolbar.undo", Lang::De), before);
  EXPECT_STREQ(texts::find("toolbar.undo", Lang::De), "Rückgängig");
}

TEST(UiTexts, AFileIsReadLineByLineWithItsEscapes) {
  const std::vector<texts::Row> rows = texts::rowsOf(
      "# a comment\n"
      "\n"
      "a.one\tLine one\\nline two\r\n"
      "a.two\tback\\\\slash and\\ttab\n"
      "no tab here\n"
      "!err.one\tFehler {0}: „{1}“\n"
      "!\tno key\n"
      "\tno key either\n"
      "a.three\tlast line without a line end");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].key, "a.one");
  EXPECT_EQ(rows[0].text, "Line one\nline two");
  EXPECT_FALSE(rows[0].error);
  EXPECT_EQ(rows[1].text, "back\\slash and\ttab");
  EXPECT_EQ(rows[2].key, "err.one");
  EXPECT_EQ(rows[2].text, "Fehler {0}: „{1}“");
  EXPECT_TRUE(rows[2].error);
  EXPECT_EQ(rows[3].key, "a.three");
  EXPECT_EQ(rows[3].text, "last line without a line end");
  EXPECT_TRUE(texts::rowsOf("<!doctype html>\n<title>404</title>").empty());
}
