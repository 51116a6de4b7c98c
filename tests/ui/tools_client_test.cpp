// The editor's way to the tools module (ui/tools_client.hpp): outputs, Markdown import and QR codes come
// a frame after they were asked for, "preparing…" shows while the module is still on its way, nothing is
// asked for twice while it stays the same — and the share link is encoded once per board revision, not
// once per frame.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "app/tools.hpp"
#include "core/codec/share_link.hpp"
#include "core/edit/document.hpp"
#include "core/export/export_svg.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/model/templates.hpp"
#include "ui/tools_client.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui::testing {
namespace {

// QR codes are cached per text for the whole process: every test opens a board of its own.
void openSample(AppHarness& h, const std::string& id = "b-tools") {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value();
  b.id = id;
  b.title = "Tools";
  ASSERT_TRUE(h.app->openLink(encodeLink(b, "https://example.org/mapathy/")));
  h.frames(3);
}

bool hasMessage(const AppHarness& h, const std::string& text) {
  const auto& m = h.app->messages();
  return std::any_of(m.begin(), m.end(), [&text](const Message& x) { return x.text == text; });
}

int requestsFor(const AppHarness& h, const std::string& op) {
  const std::string needle = "\"op\":\"" + op + "\"";
  return static_cast<int>(std::count_if(h.host.toolLog.begin(), h.host.toolLog.end(), [&needle](const std::string& r) {
    return r.find(needle) != std::string::npos;
  }));
}

TEST(ToolsClient, AnswersArriveInALaterFrameNeverInTheFrameThatAsked) {
  AppHarness h;
  openSample(h);
  ASSERT_TRUE(h.click("Share"));
  const RecordedItem* svg = h.find("Picture (SVG)");
  ASSERT_NE(svg, nullptr);
  h.moveTo(AppHarness::centre(*svg));
  h.press();
  h.release();  // the click happens in this frame: the request is sent, nothing downloaded yet
  EXPECT_EQ(requestsFor(h, "svg"), 1);
  EXPECT_TRUE(h.host.downloads.empty());
  EXPECT_TRUE(h.app->tools().pending());
  h.frame();  // answered before this frame, handed over in it
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].bytes, exportSvg(h.app->document()->board()));
  EXPECT_FALSE(h.app->tools().pending());
}

TEST(ToolsClient, AnAnswerGivenAtOnceIsHandedOverInTheFrameOfTheClick) {
  AppHarness h;
  openSample(h);
  h.host.answerAtOnce = h.app.get();  // the browser once the module is loaded
  ASSERT_TRUE(h.click("Share"));
  const RecordedItem* print = h.find("Print or PDF (A4)");
  ASSERT_NE(print, nullptr);
  h.moveTo(AppHarness::centre(*print));
  h.press();
  h.release();  // the click's frame: the print page opens in it (WebKit opens tabs only there)
  ASSERT_EQ(h.host.pages.size(), 1u);
  EXPECT_NE(h.host.pages[0].bytes.find("<html"), std::string::npos);
  EXPECT_FALSE(h.app->tools().pending());
}

TEST(ToolsClient, AClickBeforeTheModuleIsThereShowsPreparingAndCompletesByItself) {
  AppHarness h;
  openSample(h);
  h.host.toolsLoaded = false;  // the page has not loaded mapathy-tools.wasm yet
  ASSERT_TRUE(h.click("Share"));
  ASSERT_TRUE(h.click("Download Markdown"));
  h.frames(10);
  EXPECT_TRUE(h.host.downloads.empty());
  EXPECT_TRUE(hasMessage(h, "Preparing…"));
  h.host.toolsLoaded = true;  // the module arrives
  h.frames(2);
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].name, "tools.md");
  EXPECT_EQ(h.host.downloads[0].bytes, exportMarkdown(h.app->document()->board()));
  EXPECT_FALSE(hasMessage(h, "Preparing…")) << "the banner goes once nothing waits";
  EXPECT_EQ(requestsFor(h, "markdownExport"), 1);
}

TEST(ToolsClient, MarkdownImportOpensTheBoardWithTheAnswer) {
  AppHarness h("de-DE");
  h.host.toolsLoaded = false;
  EXPECT_TRUE(h.app->openFileText("notizen.md", "# Ladenbesuch\n\n## Sagt\n- Zu teuer\n"));
  h.frames(3);
  EXPECT_EQ(h.app->document(), nullptr) << "nothing opens before the tools module has read the file";
  EXPECT_TRUE(hasMessage(h, "Wird vorbereitet …"));
  h.host.toolsLoaded = true;
  h.frames(2);
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(h.app->document()->board().title, "Ladenbesuch");
  EXPECT_EQ(h.app->document()->board().notes.size(), 1u);
}

TEST(ToolsClient, AFailedAnswerIsShownAndChangesNothing) {
  AppHarness h;
  openSample(h);
  const std::string before = h.app->documentJson();
  // Not Markdown the reader refuses, but an answer that says the module could not be loaded.
  h.host.toolsLoaded = false;
  ASSERT_TRUE(h.click("Share"));
  ASSERT_TRUE(h.click("Picture (SVG)"));
  // The SVG request (the QR code's may wait beside it when no earlier test drew this link's code).
  const auto svg = std::find_if(h.host.toolRequests.begin(), h.host.toolRequests.end(),
                                [](const auto& r) { return r.second.find("\"op\":\"svg\"") != std::string::npos; });
  ASSERT_NE(svg, h.host.toolRequests.end());
  h.app->toolResult(svg->first, R"({"ok": false, "error": "offline"})");
  h.host.toolRequests.clear();
  h.frames(2);
  EXPECT_TRUE(h.host.downloads.empty());
  EXPECT_TRUE(hasMessage(h, "That did not work: offline"));
  EXPECT_EQ(h.app->documentJson(), before);
}

TEST(ShareDialog, LinkAndQrCodeAreMadeOncePerBoardRevision) {
  AppHarness h;
  openSample(h, "b-tools-qr-once");
  ASSERT_TRUE(h.click("Share"));
  h.frames(2);
  ASSERT_NE(h.find("share.qr"), nullptr) << "the QR code is there a frame after the dialog opened";
  const int requests = h.app->shareLinkRequests();
  const int qrs = requestsFor(h, "qr");
  EXPECT_EQ(qrs, 1);
  h.frames(200);  // the dialog stays open
  EXPECT_EQ(h.app->shareLinkRequests(), requests) << "no request per frame";
  EXPECT_EQ(requestsFor(h, "qr"), qrs) << "no QR request per frame";
  EXPECT_EQ(h.app->shareLink(), encodeLink(h.app->document()->board(), "https://example.org/mapathy/"));

  // An edit is a new revision: one new link, one new code.
  EXPECT_FALSE(h.app->document()->addNote(Place{"says", "", ""}, "Neue Notiz").empty());
  h.frames(50);
  EXPECT_EQ(h.app->shareLinkRequests(), requests + 1);
  EXPECT_EQ(requestsFor(h, "qr"), qrs + 1);
  EXPECT_EQ(h.app->shareLink(), encodeLink(h.app->document()->board(), "https://example.org/mapathy/"));
  // Undo goes back to the earlier board: a new revision again, and the link follows it.
  h.app->document()->undo();
  h.frames(2);
  EXPECT_EQ(h.app->shareLinkRequests(), requests + 2);
  EXPECT_EQ(h.app->shareLink(), encodeLink(h.app->document()->board(), "https://example.org/mapathy/"));
}

TEST(ShareDialog, LinkAndQrCodeShowPreparingUntilTheModuleIsThere) {
  AppHarness h;
  openSample(h, "b-tools-qr-preparing");
  h.host.toolsLoaded = false;
  ASSERT_TRUE(h.click("Share"));
  h.frames(5);
  EXPECT_EQ(h.findRaw("##share.link"), nullptr) << "no link before the tools module made it";
  EXPECT_EQ(h.find("Copy link"), nullptr) << "nothing to copy yet";
  EXPECT_EQ(h.find("share.qr"), nullptr);
  EXPECT_NE(h.find("Download JSON"), nullptr) << "the files and outputs are there meanwhile";
  EXPECT_EQ(h.app->shareLink(), "");
  h.host.toolsLoaded = true;
  h.frames(4);  // the link, then its code
  ASSERT_NE(h.findRaw("##share.link"), nullptr);
  ASSERT_NE(h.find("share.qr"), nullptr);
  const RecordedItem* dialog = h.findRaw("###share");
  ASSERT_NE(dialog, nullptr);
  EXPECT_LE(dialog->y + dialog->h, 1100.0f) << "the dialog grew and stays on the screen";
  EXPECT_EQ(h.app->shareLink(), h.shareLink());
  EXPECT_EQ(requestsFor(h, "link"), 1);
  EXPECT_EQ(requestsFor(h, "qr"), 1);
  ASSERT_TRUE(h.click("Copy link"));
  EXPECT_EQ(h.host.clipboard, h.shareLink());
}

TEST(ShareDialog, LinkIsAskedForAgainWhenTheModuleCouldNotBeLoaded) {
  AppHarness h;
  openSample(h, "b-tools-qr-offline");
  h.host.toolsLoaded = false;  // offline on the first visit: the page cannot load the module
  ASSERT_TRUE(h.click("Share"));
  ASSERT_EQ(h.host.toolRequests.size(), 1u);
  EXPECT_EQ(requestsFor(h, "link"), 1);
  h.app->toolResult(h.host.toolRequests[0].first,
                    R"({"ok": false, "unavailable": true, "error": "Mapathy could not load its tools."})");
  h.host.toolRequests.clear();
  h.frames(3);
  EXPECT_EQ(h.findRaw("##share.link"), nullptr);
  EXPECT_EQ(h.find("share.qr"), nullptr);
  EXPECT_EQ(h.find("share.qr.coming"), nullptr);
  EXPECT_EQ(requestsFor(h, "link"), 1) << "not asked again every frame";
  h.host.toolsLoaded = true;  // the network is back
  h.frames(6 * 60);           // a little later the link is asked for again, and comes with its code
  EXPECT_EQ(requestsFor(h, "link"), 2);
  EXPECT_EQ(requestsFor(h, "qr"), 1);
  EXPECT_NE(h.find("share.qr"), nullptr);
  EXPECT_EQ(h.app->shareLink(), h.shareLink());
}

}  // namespace
}  // namespace mapathy::ui::testing

namespace mapathy::ui::testing {
namespace {

// The tools module's refusals of a request reach the editor as a code and parameters (with the core's
// reason as their cause), so the German UI shows them in German; the module's own text stays English.
TEST(ToolsErrorWording, RequestRefusalsAreShownInTheReadersLanguage) {
  const Lang before = uiLang();
  // The module words its own refusals in the request's language (they live in the module, not in the
  // editor's first download); the code, parameters and cause come along.
  const ToolResult unknown = parseToolResult(tools::runTool(R"({"op": "nope"})"));
  EXPECT_FALSE(unknown.ok);
  EXPECT_EQ(unknown.error, "Unknown op \"nope\".");
  EXPECT_NE(tools::runTool(R"({"op": "nope"})").find(R"("code":"tools.unknownOp")"), std::string::npos)
      << "the code comes along for other callers";
  setUiLang(Lang::De);
  EXPECT_EQ(parseToolResult(tools::runTool(R"({"op": "nope", "lang": "de"})")).message(),
            "Unbekannte Operation „nope“.");
  EXPECT_EQ(parseToolResult(tools::runTool(R"({"lang": "de"})")).message(),
            "Die Anfrage nennt keine Operation („op“).");
  EXPECT_EQ(parseToolResult(tools::runTool(R"({"op": "svg", "lang": "de"})")).message(),
            "Die Anfrage enthält in „board“ kein Board.");
  const nlohmann::json request = {{"op", "merge"},
                                  {"lang", "de"},
                                  {"board", saveJson(makeBoard(BoardKind::EmpathyMap, "classic", Lang::En).value())},
                                  {"incoming", {"https://example.org/#1AAAA"}}};
  const std::string badItem = parseToolResult(tools::runTool(request.dump())).message();
  EXPECT_EQ(badItem.rfind("Eingang 1: ", 0), 0u) << badItem;
  EXPECT_EQ(badItem.find("link"), std::string::npos) << "the cause is German too: " << badItem;
  // The editor's own refusals of an answer.
  EXPECT_EQ(parseToolResult("not json").message(), "Das Werkzeugmodul hat nicht geantwortet.");
  EXPECT_EQ(parseToolResult(R"({"ok": false, "unavailable": true, "code": "tools.unavailable",
                                 "params": [{"text": "offline"}], "error": "x"})")
                .message(),
            "Mapathy konnte seine Werkzeuge nicht laden (offline).");
  setUiLang(Lang::En);
  EXPECT_EQ(parseToolResult("not json").message(), "The tools module gave no answer.");
  setUiLang(before);
}

// The editor asks in the reader's language; an output that names its own keeps it.
TEST(ToolsErrorWording, TheEditorsRequestsNameTheReadersLanguage) {
  FakeHost host;
  ToolsClient client(host);
  const Lang before = uiLang();
  setUiLang(Lang::De);
  client.request({{"op", "nope"}}, [](const ToolResult&) {});
  client.request({{"op", "textView"}, {"lang", "en"}}, [](const ToolResult&) {});
  setUiLang(before);
  ASSERT_EQ(host.toolLog.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(host.toolLog[0]).value("lang", ""), "de");
  EXPECT_EQ(nlohmann::json::parse(host.toolLog[1]).value("lang", ""), "en");
}

}  // namespace
}  // namespace mapathy::ui::testing
