// The tools call (src/app/tools.hpp) — the code of mapathy-tools.wasm, run natively: each operation gives
// what the core function it wraps gives, and every bad request a message instead of a crash.
#include "app/tools.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/codec/share_link.hpp"
#include "core/edit/merge.hpp"
#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/qr/qr.hpp"
#include "sample_boards.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

using nlohmann::json;

json call(const json& request) { return json::parse(tools::runTool(request.dump())); }

TEST(Tools, OutputsAreThoseOfTheCoreFunctions) {
  const Board board = samples::typicalGermanEmpathyMap();
  const std::string text = saveJson(board);
  EXPECT_EQ(call({{"op", "svg"}, {"board", text}})["text"], exportSvg(board));
  SvgOptions noActions;
  noActions.includeActions = false;
  EXPECT_EQ(call({{"op", "svg"}, {"board", text}, {"actions", false}})["text"], exportSvg(board, noActions));
  EXPECT_EQ(call({{"op", "textView"}, {"board", text}, {"lang", "de"}})["text"], exportAccessibleHtml(board, Lang::De));
  const json print = call({{"op", "print"}, {"board", text}, {"lang", "en"}, {"paper", "letter"}});
  EXPECT_EQ(print["text"], exportPrintHtml(board, Lang::En, PaperSize::Letter));
  EXPECT_DOUBLE_EQ(print["scale"].get<double>(), printFitScale(board, Lang::En, PaperSize::Letter));
  CsvOptions excel;
  excel.delimiter = ';';
  excel.utf8Bom = true;
  EXPECT_EQ(call({{"op", "csvNotes"}, {"board", text}, {"delimiter", ";"}, {"bom", true}})["text"],
            exportNotesCsv(board, excel));
  EXPECT_EQ(call({{"op", "csvActions"}, {"board", text}})["text"], exportActionsCsv(board));
  EXPECT_EQ(call({{"op", "markdownExport"}, {"board", text}})["text"], exportMarkdown(board));
  // A share link is accepted wherever a board is.
  EXPECT_EQ(call({{"op", "svg"}, {"board", encodeLink(board, "https://example.org/")}})["text"], exportSvg(board));
}

TEST(Tools, MarkdownComesBackAsTheBoardImportMarkdownMakes) {
  const std::string markdown = exportMarkdown(samples::typicalGermanEmpathyMap());
  const json result = call({{"op", "markdownImport"}, {"text", markdown}});
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  EXPECT_EQ(result["board"], saveJson(importMarkdown(markdown).value()));
}

TEST(Tools, QrModulesAreThoseOfEncodeQrAtLevelMThenL) {
  const std::string link = encodeLink(samples::typicalGermanEmpathyMap(), "https://example.org/");
  const json result = call({{"op", "qr"}, {"text", link}});
  ASSERT_TRUE(result["ok"].get<bool>()) << result.dump();
  QrOptions options;
  options.ecc = QrEcc::M;
  Result<QrCode> expected = encodeQr(link, options);
  if (!expected) {  // too long for M: the tool falls back to L, as the share dialog does
    options.ecc = QrEcc::L;
    expected = encodeQr(link, options);
  }
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(result["size"], expected->size);
  EXPECT_EQ(result["version"], expected->version);
  EXPECT_EQ(result["ecc"], toString(expected->ecc));
  const std::string modules = result["modules"];
  ASSERT_EQ(modules.size(), expected->modules.size());
  for (std::size_t i = 0; i < modules.size(); ++i) EXPECT_EQ(modules[i] == '1', expected->modules[i] != 0) << i;
  // Forcing a level that cannot hold the text is an error with the core's message.
  const json forced = call({{"op", "qr"}, {"text", std::string(3000, 'x')}, {"ecc", "H"}});
  EXPECT_FALSE(forced["ok"].get<bool>());
  EXPECT_EQ(forced["error"], english(encodeQr(std::string(3000, 'x'), QrOptions{QrEcc::H}).error()));
}

TEST(Tools, AContributionMadeByDeltaMergesBack) {
  const Board base = samples::typicalGermanEmpathyMap();
  Board changed = base;
  Note note = changed.notes.front();
  note.id = "tools-1";
  note.text = "Neu aus dem Workshop";
  note.created = note.modified = ++changed.clock;
  changed.notes.push_back(note);
  const json delta = call({{"op", "delta"},
                           {"base", saveJson(base)},
                           {"board", saveJson(changed)},
                           {"voter", "v-1"},
                           {"baseUrl", "https://example.org/"}});
  ASSERT_TRUE(delta["ok"].get<bool>()) << delta.dump();
  EXPECT_EQ(delta["link"], encodeLink(makeDelta(base, changed, "v-1"), "https://example.org/"));
  const json merged = call({{"op", "merge"}, {"board", saveJson(base)}, {"incoming", json::array({delta["link"]})}});
  ASSERT_TRUE(merged["ok"].get<bool>()) << merged.dump();
  EXPECT_EQ(merged["summary"]["addedNotes"], json::array({"tools-1"}));
  EXPECT_EQ(merged["conflicts"], json::array());
  EXPECT_EQ(merged["board"], saveJson(merge(base, decodeLink(delta["link"].get<std::string>()).value())->board));
}

TEST(Tools, BadRequestsGetAMessage) {
  const std::string board = saveJson(samples::typicalGermanEmpathyMap());
  const auto error = [](const std::string& request) {
    const json result = json::parse(tools::runTool(request));
    EXPECT_FALSE(result["ok"].get<bool>()) << request;
    return result["error"].get<std::string>();
  };
  EXPECT_EQ(error("not json"), "The request is not a JSON object.");
  EXPECT_EQ(error("[1, 2]"), "The request is not a JSON object.");
  EXPECT_EQ(error("{}"), "The request names no \"op\".");
  EXPECT_EQ(error(R"({"op": 7})"), "The request names no \"op\".");
  EXPECT_EQ(error(R"({"op": "nope", "board": "{}"})"), "Unknown op \"nope\".");
  EXPECT_EQ(error(R"({"op": "svg"})"), "The request has no board in \"board\".");
  EXPECT_EQ(error(R"({"op": "svg", "board": 42})"), "The request has no board in \"board\".");
  EXPECT_EQ(error(R"({"op": "svg", "board": "{\"format\": \"mapathy\", \"version\": 99}"})"),
            english(loadJson(R"({"format": "mapathy", "version": 99})").error()));
  EXPECT_EQ(error(R"({"op": "svg", "board": "#9abc"})"), english(decodeLink("#9abc").error()));
  EXPECT_EQ(error(R"({"op": "markdownImport", "text": 3})"), "The request has no Markdown \"text\".");
  EXPECT_EQ(error(R"({"op": "qr"})"), "The request has no \"text\" to encode.");
  EXPECT_EQ(error(json{{"op", "merge"}, {"board", board}}.dump()),
            "The request has no \"incoming\" boards or links to merge.");
  EXPECT_EQ(error(json{{"op", "merge"}, {"board", board}, {"incoming", json::array({1})}}.dump()),
            "Incoming item 1 is not text.");
  EXPECT_EQ(error(json{{"op", "merge"}, {"board", board}, {"incoming", json::array({"#1AAAA"})}}.dump()),
            "Incoming item 1: " + english(decodeLink("#1AAAA").error()));
  Board journey = makeBoard(BoardKind::Journey, "lifecycle", Lang::En).value();
  EXPECT_EQ(error(json{{"op", "delta"}, {"base", board}, {"board", saveJson(journey)}}.dump()),
            "The changed board is not the same kind of board as its base.");
}

}  // namespace
}  // namespace mapathy
