// The web app's UI texts, as its module is built (MAPATHY_UI_TEXTS_FROM_FILE: no text compiled in): the
// texts come from the language files tools/strings.mjs writes, the reader's language first, the other one
// when the reader switches. Walked the way the app meets it: start in German, switch to English while its
// file is still on the way, a file that fails, and error messages worded from the files.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ui/i18n.hpp"
#include "ui/i18n_errors.hpp"
#include "ui/ui_texts.hpp"

using namespace mapathy;
using namespace mapathy::ui;

namespace {

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<Lang>& asked() {
  static std::vector<Lang> langs;
  return langs;
}

}  // namespace

TEST(UiTextsFromFile, AGermanReaderSwitchesToEnglishWhileItsFileIsOnTheWay) {
  static_assert(sizeof(UiString) == 1, "the web build keeps no key and no text in a table row");

  // Before any file: keys show as themselves, errors as their codes (visible gaps, no crash).
  EXPECT_STREQ(tr("toolbar.undo"), "toolbar.undo");
  EXPECT_EQ(describe(Error("link.damaged"), Lang::De), "link.damaged");

  // The page fetched the reader's language with the module (web/platform.js) and hands it over.
  EXPECT_FALSE(uiTextsArrived(Lang::De, "<!doctype html><title>404</title>"));  // a server's error page
  EXPECT_FALSE(texts::loaded(Lang::De));
  ASSERT_TRUE(uiTextsArrived(Lang::De, readFile(MAPATHY_STRINGS_DIR "/strings-de.txt")));
  setUiLang(Lang::De);
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_STREQ(tr("toolbar.undo"), "Rückgängig");
  EXPECT_EQ(label("toolbar.undo"), "Rückgängig###toolbar.undo");
  EXPECT_EQ(countText("start.notes", 1), "1 Notiz");
  EXPECT_EQ(countText("start.notes", 38), "38 Notizen");
  EXPECT_EQ(describe(Error("link.tooLong", {12000, 8192}), Lang::De),
            "Der Link ist zu lang (12.000 Zeichen; höchstens 8.192 werden gelesen).");
  EXPECT_TRUE(hasString("toolbar.undo"));
  EXPECT_FALSE(hasString("toolbar.nothing"));

  // English is not loaded: asked for in English, a text comes in German rather than as its key.
  EXPECT_STREQ(tr("toolbar.undo", Lang::En), "Rückgängig");

  // Nobody to fetch files (no platform): switching to a language that is not there does nothing.
  setUiLang(Lang::En);
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_FALSE(pendingUiLang().has_value());

  // The platform fetches. The reader taps "EN": the file is asked for once, the UI stays German until it is
  // there (a second tap while it loads asks no second time).
  setUiTextsRequester([](Lang lang) { asked().push_back(lang); });
  setUiLang(Lang::En);
  setUiLang(Lang::En);
  ASSERT_EQ(asked().size(), 1u);
  EXPECT_EQ(asked()[0], Lang::En);
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_EQ(pendingUiLang(), Lang::En);
  EXPECT_STREQ(tr("toolbar.undo"), "Rückgängig");

  // The fetch failed (offline before the service worker cached it): nothing changes, and a later tap asks again.
  EXPECT_FALSE(uiTextsArrived(Lang::En, ""));
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_FALSE(pendingUiLang().has_value());
  setUiLang(Lang::En);
  ASSERT_EQ(asked().size(), 2u);

  // Now it arrives: the UI switches.
  ASSERT_TRUE(uiTextsArrived(Lang::En, readFile(MAPATHY_STRINGS_DIR "/strings-en.txt")));
  EXPECT_EQ(uiLang(), Lang::En);
  EXPECT_FALSE(pendingUiLang().has_value());
  EXPECT_STREQ(tr("toolbar.undo"), "Undo");
  EXPECT_EQ(countText("start.notes", 1), "1 note");
  EXPECT_EQ(describe(Error("link.tooLong", {12000, 8192}), Lang::En),
            "The link is too long (12,000 characters; at most 8,192 are read).");

  // Back to German: loaded, so at once and without a fetch.
  setUiLang(Lang::De);
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_EQ(asked().size(), 2u);
  EXPECT_STREQ(tr("toolbar.undo"), "Rückgängig");
  setUiTextsRequester(nullptr);
}
