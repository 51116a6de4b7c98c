// Outputs in the app: the share dialog's outputs (PNG, SVG, CSV, print page, text view), the toolbar's
// "Text view" button and its keyboard shortcut. The fake host records what the app hands the platform;
// the bytes are the core's exports of the open board (made by the tools module, src/app/tools.hpp, and
// handed over a frame after the click: ui/tools_client.hpp).
#include <gtest/gtest.h>

#include "core/edit/document.hpp"
#include "core/export/export_csv.hpp"
#include "core/export/export_html.hpp"
#include "core/export/export_svg.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "ui/export_menu.hpp"
#include "ui_harness.hpp"

namespace mapathy::ui::testing {
namespace {

Board workshopBoard() {
  Board b = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De).value();
  b.id = "b-outputs";
  b.title = "Straßenbahn: Fahrgäste & \"Störungen\"";
  Note n;
  n.id = "n1";
  n.text = "Sagt: \"Wann kommt die nächste?\", fragt zweimal";
  n.section = b.sections[0].id;
  b.notes.push_back(n);
  Action a;
  a.id = "a1";
  a.text = "Anzeige prüfen";
  b.actions.push_back(a);
  return b;
}

void openBoard(AppHarness& h, const Board& b) {
  ASSERT_TRUE(h.app->openLink(encodeLink(b, "https://example.org/mapathy/")));
  h.frames(3);
}

TEST(ExportMenu, ShareDialogOffersEveryOutputOfTheOpenBoard) {
  AppHarness h;
  const Board b = workshopBoard();
  openBoard(h, b);
  const Board& open = h.app->document()->board();
  ASSERT_TRUE(h.click("Share"));

  ASSERT_TRUE(h.click("Picture (PNG)"));
  ASSERT_EQ(h.host.pngs.size(), 1u);
  EXPECT_EQ(h.host.pngs[0].name, "strassenbahn-fahrgaeste-stoerungen");
  EXPECT_EQ(h.host.pngs[0].bytes, exportSvg(open));

  ASSERT_TRUE(h.click("Picture (SVG)"));
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].name, "strassenbahn-fahrgaeste-stoerungen.svg");
  EXPECT_EQ(h.host.downloads[0].mime, "image/svg+xml");
  EXPECT_EQ(h.host.downloads[0].bytes, exportSvg(open));

  // English UI: commas; the checkbox switches to semicolons. Always with a BOM for spreadsheet apps.
  CsvOptions csv;
  csv.utf8Bom = true;
  ASSERT_TRUE(h.click("Notes (CSV)"));
  ASSERT_EQ(h.host.downloads.size(), 2u);
  EXPECT_EQ(h.host.downloads[1].name, "strassenbahn-fahrgaeste-stoerungen-notes.csv");
  EXPECT_EQ(h.host.downloads[1].mime, "text/csv");
  EXPECT_EQ(h.host.downloads[1].bytes, exportNotesCsv(open, csv));
  ASSERT_TRUE(h.click("Semicolons (German Excel)"));
  ASSERT_TRUE(h.click("Action items (CSV)"));
  ASSERT_EQ(h.host.downloads.size(), 3u);
  csv.delimiter = ';';
  EXPECT_EQ(h.host.downloads[2].bytes, exportActionsCsv(open, csv));

  ASSERT_TRUE(h.click("Print or PDF (A4)"));
  ASSERT_TRUE(h.click("Print or PDF (Letter)"));
  ASSERT_EQ(h.host.pages.size(), 2u);
  EXPECT_EQ(h.host.pages[0].bytes, exportPrintHtml(open, Lang::En, PaperSize::A4));
  EXPECT_EQ(h.host.pages[1].bytes, exportPrintHtml(open, Lang::En, PaperSize::Letter));

  ASSERT_TRUE(h.clickRaw("###export.textView.share"));
  ASSERT_EQ(h.host.pages.size(), 3u);
  EXPECT_EQ(h.host.pages[2].name, "strassenbahn-fahrgaeste-stoerungen-text.html");
  EXPECT_EQ(h.host.pages[2].bytes, exportAccessibleHtml(open, Lang::En));
}

TEST(ExportMenu, GermanUiStartsWithSemicolonsAndGermanHeadings) {
  AppHarness h("de-DE");
  openBoard(h, workshopBoard());
  ASSERT_TRUE(h.click("Teilen"));
  ASSERT_TRUE(h.click("Notizen (CSV)"));
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_NE(h.host.downloads[0].bytes.find("Board;Bereich;Text"), std::string::npos);
  ASSERT_TRUE(h.click("Drucken oder PDF (A4)"));
  ASSERT_EQ(h.host.pages.size(), 1u);
  EXPECT_NE(h.host.pages[0].bytes.find("<html lang=\"de\""), std::string::npos);
}

TEST(ExportMenu, TextViewIsOneClickOrOneShortcutAway) {
  AppHarness h;
  EXPECT_FALSE(h.app->openTextView()) << "no board open on the start screen";
  EXPECT_TRUE(h.host.pages.empty());
  openBoard(h, workshopBoard());
  ASSERT_TRUE(h.clickRaw("###export.textView"));  // the toolbar button
  ASSERT_EQ(h.host.pages.size(), 1u);
  EXPECT_EQ(h.host.pages[0].bytes, exportAccessibleHtml(h.app->document()->board(), Lang::En));

  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(ImGuiMod_Alt, true);
  io.AddKeyEvent(ImGuiMod_Shift, true);
  io.AddKeyEvent(ImGuiKey_A, true);
  h.frame();
  io.AddKeyEvent(ImGuiKey_A, false);
  io.AddKeyEvent(ImGuiMod_Shift, false);
  io.AddKeyEvent(ImGuiMod_Alt, false);
  h.frames(2);
  EXPECT_EQ(h.host.pages.size(), 2u) << "Alt+Shift+A opens it once";

  EXPECT_TRUE(h.app->openTextView());  // what the page's own button calls
  h.frames(2);                         // the tools module's answer comes a frame later
  EXPECT_EQ(h.host.pages.size(), 3u);
}

}  // namespace
}  // namespace mapathy::ui::testing
