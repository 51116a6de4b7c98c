// The wording of the core's refusals (src/ui/i18n_errors.cpp): every code the core can give and every
// term it names has an English and a German text, both use the same parameters, no German text
// contains English, numbers are grouped the reader's way and causes are worded inside their message.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>

#include "app/tools.hpp"
#include "core/model/model.hpp"
#include "error_wording.hpp"
#include "ui/i18n_errors.hpp"

namespace fs = std::filesystem;
using namespace mapathy;
using mapathy::ui::describe;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every core source file's text.
std::vector<std::pair<std::string, std::string>> coreSources() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(MAPATHY_SOURCE_DIR) / "src" / "core")) {
    if (e.path().extension() == ".cpp" || e.path().extension() == ".hpp")
      out.emplace_back(e.path().filename().string(), slurp(e.path()));
  }
  return out;
}

// The error codes written in the core: string literals in the code namespaces the core uses.
std::set<std::string> codesInCore() {
  static const std::regex code(
      R"re("((?:link|data|limit|json|valid|md|at|text|storage|template|merge|qr)\.[A-Za-z]+(?:\.[A-Za-z]+)?)")re");
  std::set<std::string> out;
  for (const auto& [name, text] : coreSources())
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1]);
  return out;
}

// The term keys the core passes as parameters (counted lists, Markdown fields, enum names).
std::set<std::string> termsInCore() {
  static const std::regex call(
      R"re((?:termOf\(|count\([^;]*?|enumValue\(\d+, |checkText\([^;]*?|tooMany\(|check\([^;]*?|limit, |limits\.max\w+, )"([A-Za-z]+)"[,)])re");
  std::set<std::string> out;
  for (const auto& [name, text] : coreSources())
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1]);
  return out;
}

std::set<std::string> placeholders(const std::string& pattern) {
  static const std::regex p(R"(\{[0-9c]\})");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(pattern.begin(), pattern.end(), p); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

}  // namespace

TEST(ErrorWording, TheScanFindsTheCodesItShould) {
  // Guards the scan itself: if these stop being found, the checks below would pass on nothing.
  const auto codes = codesInCore();
  for (const char* known : {"link.incomplete", "link.damaged", "json.tooDeep", "valid.duplicateId", "md.line",
                            "data.numberTooLarge", "limit.tooMany", "qr.tooLong"})
    EXPECT_EQ(codes.count(known), 1u) << known;
  EXPECT_GT(codes.size(), 100u);
  const auto terms = termsInCore();
  for (const char* known : {"notes", "sections", "boardKind", "aNote", "theTitle", "votersOnOneNote", "space"})
    EXPECT_EQ(terms.count(known), 1u) << known;
}

// The Markdown importer's and the QR encoder's refusals are worded by the tools module (the only one that runs
// them), the others by the editor; each code has its wording in exactly one of the two tables.
TEST(ErrorWording, EveryCodeOfTheCoreHasBothWordings) {
  ui::addErrorWordings(tools::errorWordings());  // what the module does when it runs
  for (const std::string& code : codesInCore()) {
    const bool toolsOnly = code.rfind("md.", 0) == 0 || code.rfind("qr.", 0) == 0;
    const auto in = [&code](std::span<const ui::ErrorWording> table) {
      return std::any_of(table.begin(), table.end(), [&code](const ui::ErrorWording& w) { return code == w.code; });
    };
    EXPECT_EQ(in(ui::errorWordings()), !toolsOnly) << code;
    EXPECT_EQ(in(tools::errorWordings()), toolsOnly) << code;
    const ui::ErrorWording* w = ui::findErrorWording(code);
    ASSERT_NE(w, nullptr) << "no wording for " << code;
    EXPECT_STRNE(w->en, "") << code;
    EXPECT_STRNE(w->de, "") << code;
  }
  for (const std::string& term : termsInCore()) {
    const ui::ErrorWording* w = ui::findErrorWording("term." + term);
    ASSERT_NE(w, nullptr) << "no wording for term." << term;
    EXPECT_STRNE(w->de, "") << term;
  }
}

// The core's tests word Markdown and QR refusals too (english()), which only the tools module words in the
// product: this test binary registers the module's wordings before any test runs, as the module does.
[[maybe_unused]] const bool kToolsWordingsRegistered = [] {
  ui::addErrorWordings(tools::errorWordings());
  return true;
}();

// The tools module's own refusal codes ("tools.*" in app/tools.cpp, ui/tools_client.cpp and, for a module that
// did not load, web/platform.js): the editor words them like the core's.
std::set<std::string> toolsCodes() {
  static const std::regex code(R"re(["'](tools\.[A-Za-z]+)["'])re");
  std::set<std::string> out;
  for (const char* file : {"src/app/tools.cpp", "src/ui/tools_client.cpp", "web/platform.js"}) {
    const std::string text = slurp(fs::path(MAPATHY_SOURCE_DIR) / file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), code); it != std::sregex_iterator(); ++it)
      out.insert((*it)[1]);
  }
  return out;
}

TEST(ErrorWording, EveryRefusalOfTheToolsModuleHasBothWordings) {
  ui::addErrorWordings(tools::errorWordings());  // what the module does when it runs
  const auto codes = toolsCodes();
  for (const char* known : {"tools.unknownOp", "tools.notObject", "tools.noBoard", "tools.incoming", "tools.noAnswer",
                            "tools.unavailable"})
    EXPECT_EQ(codes.count(known), 1u) << known;
  for (const std::string& code : codes) {
    if (code == "tools.preparing" || code == "tools.failed") continue;  // UI strings (i18n), not refusals
    const ui::ErrorWording* w = ui::findErrorWording(code);
    ASSERT_NE(w, nullptr) << "no wording for " << code;
    EXPECT_STRNE(w->en, "") << code;
    EXPECT_STRNE(w->de, "") << code;
  }
  for (const ui::ErrorWording& w : tools::errorWordings()) {
    EXPECT_EQ(placeholders(w.en), placeholders(w.de)) << w.code;
    EXPECT_EQ(wording::englishWordsIn(w.de), "") << w.code << ": " << w.de;
  }
  const Error unknown{"tools.unknownOp", {"nope"}};
  EXPECT_EQ(describe(unknown, Lang::En), "Unknown op \"nope\".");
  EXPECT_EQ(describe(unknown, Lang::De), "Unbekannte Operation „nope“.");
  const Error incoming = Error{"tools.incoming", {1}}.because(Error{"link.incomplete"});
  EXPECT_EQ(describe(incoming, Lang::De),
            "Eingang 1: Der Link ist unvollständig – vielleicht hat ihn eine Chat-App oder ein E-Mail-Programm "
            "abgeschnitten.");
  // The module words a refusal in the request's language; English without one (the CLI, scripts).
  EXPECT_NE(tools::runTool(R"({"op": "nope", "lang": "de"})").find("Unbekannte Operation „nope“."), std::string::npos);
  EXPECT_NE(tools::runTool(R"({"op": "nope"})").find("Unknown op"), std::string::npos);
}

TEST(ErrorWording, BothLanguagesUseTheSameParameters) {
  for (const ui::ErrorWording& w : ui::errorWordings())
    EXPECT_EQ(placeholders(w.en), placeholders(w.de)) << w.code << ": " << w.en << " / " << w.de;
  for (const ui::ErrorWording& w : tools::errorWordings())
    EXPECT_EQ(placeholders(w.en), placeholders(w.de)) << w.code << ": " << w.en << " / " << w.de;
}

TEST(ErrorWording, NoGermanTextContainsEnglish) {
  for (const std::span<const ui::ErrorWording> table : {ui::errorWordings(), tools::errorWordings()}) {
    for (const ui::ErrorWording& w : table) {
      EXPECT_EQ(wording::englishWordsIn(w.de), "") << w.code << ": " << w.de;
      EXPECT_STRNE(w.de, w.en) << w.code;
    }
  }
  // The check itself finds English.
  EXPECT_EQ(wording::englishWordsIn("Der Link is incomplete"), "is, incomplete");
  EXPECT_EQ(wording::englishWordsIn("board.notes[0].text muss Text sein."), "");
}

TEST(ErrorWording, NumbersAreGroupedTheReadersWay) {
  const Error e{"json.tooBig", {std::size_t{10485760}, std::size_t{4194304}}};
  EXPECT_EQ(describe(e, Lang::En), "The board is too big: 10,485,760 bytes (the limit is 4,194,304).");
  EXPECT_EQ(describe(e, Lang::De), "Das Board ist zu groß: 10.485.760 Bytes (die Grenze ist 4.194.304).");
  EXPECT_EQ(ui::groupDigits("-9007199254740991", Lang::En), "-9,007,199,254,740,991");
  EXPECT_EQ(ui::groupDigits("999", Lang::De), "999");
  // Text parameters are never grouped (an id made of digits stays as it is).
  EXPECT_EQ(describe(Error{"json.unknownVersion", {std::string("12345")}}, Lang::De),
            "Unbekannte Formatversion 12345.");
}

TEST(ErrorWording, CausesAndTermsAreWordedInTheSameLanguage) {
  const Error limit{"limit.tooMany", {ErrorParam::termOf("notes"), 6000, 5000}};
  EXPECT_EQ(describe(limit, Lang::En), "Too many notes: 6,000 (the limit is 5,000).");
  EXPECT_EQ(describe(limit, Lang::De), "Zu viele Notizen: 6.000 (die Grenze ist 5.000).");
  const Error data = Error{"link.data"}.because(Error{"data.numberTooLarge"});
  EXPECT_EQ(describe(data, Lang::En), "The link's board data does not make sense (a number is too large).");
  EXPECT_EQ(describe(data, Lang::De), "Die Board-Daten im Link ergeben keinen Sinn (eine Zahl ist zu groß).");
}
