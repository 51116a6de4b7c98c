// The app shell and the empathy-map editor against a headless ImGui context: simulated mouse and
// keyboard input must produce the expected Document changes (and undo steps).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "ui/canvas.hpp"
#include "ui/editor_context.hpp"
#include "ui/note_card.hpp"
#include "ui_harness.hpp"
#include "ui/i18n_errors.hpp"
#include "ui/style.hpp"
#include "imgui_internal.h"

using mapathy::ui::english;

namespace mapathy::ui {
namespace {

using testing::AppHarness;

const Board& board(AppHarness& h) { return h.app->document()->board(); }

std::vector<const Note*> notesIn(AppHarness& h, const std::string& section) {
  return notesAt(board(h), section, "", "");
}

// Starts a classic English empathy map through the start screen.
void newClassicMap(AppHarness& h) {
  ASSERT_TRUE(h.clickRaw("###start.newEmpathy.classic.en"));
  ASSERT_NE(h.app->document(), nullptr);
  h.frames(3);  // fit to screen happens once the canvas knows its size
}

// Adds a note with the section's "+" button and types `text` into it; returns the note id.
std::string addNoteWithPlus(AppHarness& h, const std::string& section, const std::string& text) {
  const std::size_t before = notesIn(h, section).size();
  EXPECT_TRUE(h.clickRaw("###section.add." + section));
  const auto after = notesIn(h, section);
  EXPECT_EQ(after.size(), before + 1);
  if (after.size() != before + 1) {
    return "";
  }
  const std::string id = after.back()->id;
  EXPECT_EQ(h.app->noteCards().editing(), id);
  h.type(text);
  // Click on empty canvas far from everything to finish editing.
  h.key(ImGuiKey_Escape);
  return id;
}

TEST(StartScreen, ShowsTitleExplanationsAndButtonsInTheBrowserLanguage) {
  AppHarness en("en-US");
  EXPECT_EQ(en.app->screen(), Screen::Start);
  EXPECT_NE(en.find("New empathy map"), nullptr);
  EXPECT_NE(en.find("New journey board"), nullptr);
  EXPECT_NE(en.find("Open file…"), nullptr);
  EXPECT_NE(en.find("Paste link…"), nullptr);
  EXPECT_NE(en.findRaw("###start.newEmpathy.canvas.de"), nullptr);
  EXPECT_NE(en.findRaw("###start.newJourney.lifecycle.en"), nullptr);

  AppHarness de("de-AT");
  EXPECT_NE(de.find("Neue Empathy Map"), nullptr);
  EXPECT_NE(de.find("Neues Journey-Board"), nullptr);
  EXPECT_NE(de.find("Datei öffnen…"), nullptr);
  EXPECT_EQ(de.find("New empathy map"), nullptr);
}

TEST(StartScreen, NewEmpathyMapOpensTheBoardAndOpenFileAsksThePlatform) {
  AppHarness h;
  ASSERT_TRUE(h.click("New empathy map"));
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(h.app->screen(), Screen::Board);
  EXPECT_EQ(board(h).kind, BoardKind::EmpathyMap);
  EXPECT_EQ(board(h).templateId, "classic");
  EXPECT_FALSE(board(h).id.empty());
  h.frames(2);
  EXPECT_NE(h.findRaw("###section.add.says"), nullptr);
  EXPECT_NE(h.find("Share"), nullptr);

  ASSERT_TRUE(h.click("Boards"));
  EXPECT_EQ(h.app->screen(), Screen::Start);
  ASSERT_TRUE(h.click("Open file…"));
  EXPECT_EQ(h.host.pickFileCalls, 1);
}

TEST(StartScreen, GermanTemplateButtonMakesAGermanBoard) {
  AppHarness h;
  ASSERT_TRUE(h.clickRaw("###start.newEmpathy.classic.de"));
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(board(h).lang, Lang::De);
  EXPECT_EQ(findSection(board(h), "says")->title, "Sagt");
}

TEST(StartScreen, NewJourneyBoardOpensTheJourneyView) {
  AppHarness h;
  ASSERT_TRUE(h.click("New journey board"));
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(board(h).kind, BoardKind::Journey);
  EXPECT_FALSE(board(h).stages.empty());
}

TEST(EmpathyView, PlusButtonAddsANoteAndTypingGermanTextEditsIt) {
  AppHarness h;
  newClassicMap(h);
  const std::string id = addNoteWithPlus(h, "says", "Prüfung für Öl & Straße");
  ASSERT_FALSE(id.empty());
  const Note* n = findNote(board(h), id);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->text, "Prüfung für Öl & Straße");
  EXPECT_EQ(n->section, "says");
  EXPECT_EQ(n->colour, findSection(board(h), "says")->colour);
  EXPECT_TRUE(h.app->noteCards().editing().empty());
  // The card is on screen with a stable label.
  EXPECT_NE(h.find("note." + id), nullptr);
}

TEST(EmpathyView, MultiLineTextKeepsNewlines) {
  AppHarness h;
  newClassicMap(h);
  ASSERT_TRUE(h.clickRaw("###section.add.feels"));
  h.type("erste Zeile");
  h.key(ImGuiKey_Enter);
  h.type("zweite Zeile");
  h.key(ImGuiKey_Escape);
  const auto notes = notesIn(h, "feels");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0]->text, "erste Zeile\nzweite Zeile");
}

TEST(EmpathyView, DoubleClickOnEmptySpaceInASectionAddsANoteThere) {
  AppHarness h;
  newClassicMap(h);
  const RecordedItem* plus = h.findRaw("###section.add.thinks");
  ASSERT_NE(plus, nullptr);
  // Below the section's "+" and its header: empty space inside "thinks".
  const ImVec2 p(plus->x - 40.0f, plus->y + 150.0f);
  h.doubleClickAt(p);
  const auto notes = notesIn(h, "thinks");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(h.app->noteCards().editing(), notes[0]->id);
  h.type("Hoffentlich klappt's");
  h.key(ImGuiKey_Escape);
  EXPECT_EQ(findNote(board(h), notes[0]->id)->text, "Hoffentlich klappt's");
}

TEST(EmpathyView, DragMovesANoteToAnotherSectionAsOneUndoStep) {
  AppHarness h;
  newClassicMap(h);
  const std::string id = addNoteWithPlus(h, "says", "Zu teuer");
  ASSERT_FALSE(id.empty());
  const RecordedItem* card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  const RecordedItem* target = h.findRaw("###section.add.feels");
  ASSERT_NE(target, nullptr);
  const std::size_t depth = h.app->document()->undoDepth();
  h.drag(AppHarness::centre(*card), ImVec2(target->x - 60.0f, target->y + 120.0f));
  EXPECT_EQ(findNote(board(h), id)->section, "feels");
  EXPECT_EQ(h.app->document()->undoDepth(), depth + 1);
  h.key(ImGuiKey_Z, true);
  EXPECT_EQ(findNote(board(h), id)->section, "says");
}

TEST(EmpathyView, DragReordersWithinASection) {
  AppHarness h;
  newClassicMap(h);
  const std::string a = addNoteWithPlus(h, "says", "A");
  const std::string b = addNoteWithPlus(h, "says", "B");
  ASSERT_FALSE(a.empty());
  ASSERT_FALSE(b.empty());
  const RecordedItem* cardA = h.find("note." + a);
  const RecordedItem* cardB = h.find("note." + b);
  ASSERT_NE(cardA, nullptr);
  ASSERT_NE(cardB, nullptr);
  const ImVec2 from = AppHarness::centre(*cardB);
  const ImVec2 to(cardA->x + 10.0f, cardA->y + cardA->h * 0.5f);
  h.drag(from, to);
  const auto notes = notesIn(h, "says");
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0]->id, b);
  EXPECT_EQ(notes[1]->id, a);
}

TEST(EmpathyView, UndoRedoWithKeysAndToolbarButtons) {
  AppHarness h;
  newClassicMap(h);
  const std::string id = addNoteWithPlus(h, "does", "Ruft an");
  ASSERT_FALSE(id.empty());
  // Undo the text, then the note.
  h.key(ImGuiKey_Z, true);
  EXPECT_EQ(findNote(board(h), id)->text, "");
  h.key(ImGuiKey_Z, true);
  EXPECT_EQ(findNote(board(h), id), nullptr);
  // Redo with Ctrl+Shift+Z and Ctrl+Y.
  h.key(ImGuiKey_Z, true, true);
  ASSERT_NE(findNote(board(h), id), nullptr);
  h.key(ImGuiKey_Y, true);
  EXPECT_EQ(findNote(board(h), id)->text, "Ruft an");
  // Toolbar buttons (tablets have no keyboard).
  ASSERT_TRUE(h.click("Undo"));
  EXPECT_EQ(findNote(board(h), id)->text, "");
  ASSERT_TRUE(h.click("Redo"));
  EXPECT_EQ(findNote(board(h), id)->text, "Ruft an");
}

TEST(EmpathyView, LanguageSwitchChangesLabels) {
  AppHarness h;
  newClassicMap(h);
  EXPECT_NE(h.find("Undo"), nullptr);
  ASSERT_TRUE(h.clickRaw("###lang.de"));
  EXPECT_EQ(uiLang(), Lang::De);
  EXPECT_EQ(h.find("Undo"), nullptr);
  EXPECT_NE(h.find("Rückgängig"), nullptr);
  EXPECT_NE(h.find("Teilen"), nullptr);
  EXPECT_NE(h.find("Notiz hinzufügen"), nullptr);
  ASSERT_TRUE(h.clickRaw("###lang.en"));
  EXPECT_NE(h.find("Share"), nullptr);
}

TEST(EmpathyView, FilterDimsNonMatchingCardsAndCounts) {
  AppHarness h;
  newClassicMap(h);
  const std::string a = addNoteWithPlus(h, "says", "Öffnungszeiten sind zu kurz");
  const std::string b = addNoteWithPlus(h, "thinks", "Preis ist fair");
  ASSERT_TRUE(h.click("Filter"));
  const RecordedItem* search = h.findRaw("##filter.search");
  ASSERT_NE(search, nullptr);
  h.clickAt(AppHarness::centre(*search));
  h.type("öFFNUNG");  // case-insensitive, umlauts included
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(h.app->filter().text, "öFFNUNG");
  EXPECT_TRUE(h.app->filter().matches(*findNote(board(h), a)));
  EXPECT_FALSE(h.app->filter().matches(*findNote(board(h), b)));
  // Evidence filter through the model: b becomes observed, filter for observed only.
  h.app->filter().text.clear();
  h.app->filter().evidence = Evidence::Observed;
  h.app->document()->setNoteEvidence(b, Evidence::Observed);
  h.frames(2);
  EXPECT_FALSE(h.app->filter().matches(*findNote(board(h), a)));
  EXPECT_TRUE(h.app->filter().matches(*findNote(board(h), b)));
  ASSERT_TRUE(h.click("Clear filter"));
  EXPECT_FALSE(h.app->filter().active());
}

TEST(EmpathyView, ContextMenuSetsColourEvidenceAndCreatesAnAction) {
  AppHarness h;
  newClassicMap(h);
  const std::string id = addNoteWithPlus(h, "feels", "Frustriert in der Warteschleife");
  const RecordedItem* card = h.find("note." + id);
  ASSERT_NE(card, nullptr);
  h.clickAt(AppHarness::centre(*card), 1);
  ASSERT_TRUE(h.click("Blue"));
  EXPECT_EQ(findNote(board(h), id)->colour, 4);
  h.clickAt(AppHarness::centre(*h.find("note." + id)), 1);
  ASSERT_TRUE(h.click("Observed"));
  EXPECT_EQ(findNote(board(h), id)->evidence, Evidence::Observed);
  h.clickAt(AppHarness::centre(*h.find("note." + id)), 1);
  ASSERT_TRUE(h.click("Create action"));
  ASSERT_EQ(board(h).actions.size(), 1u);
  EXPECT_EQ(board(h).actions[0].notes, std::vector<std::string>{id});
  // The actions panel opened; set the owner.
  const RecordedItem* owner = h.findRaw("##action.owner");
  ASSERT_NE(owner, nullptr);
  h.clickAt(AppHarness::centre(*owner));
  h.type("Jürgen");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(board(h).actions[0].owner, "Jürgen");
  // Delete through the menu.
  h.clickAt(AppHarness::centre(*h.find("note." + id)), 1);
  ASSERT_TRUE(h.click("Delete note"));
  EXPECT_EQ(findNote(board(h), id), nullptr);
}

TEST(EmpathyView, PersonaIsEditableInPlace) {
  AppHarness h;
  newClassicMap(h);
  ASSERT_TRUE(h.click("Edit persona"));
  const RecordedItem* name = h.findRaw("##persona.name");
  ASSERT_NE(name, nullptr);
  h.clickAt(AppHarness::centre(*name));
  h.type("Jörg Müller");
  h.key(ImGuiKey_Enter);
  EXPECT_EQ(board(h).persona.name, "Jörg Müller");
}

TEST(EmpathyView, ZoomButtonsAndWheelChangeZoom) {
  AppHarness h;
  newClassicMap(h);
  const float z0 = h.app->zoom();
  ASSERT_TRUE(h.click("Zoom in"));
  EXPECT_GT(h.app->zoom(), z0);
  ASSERT_TRUE(h.click("Zoom out"));
  EXPECT_NEAR(h.app->zoom(), z0, 1e-4f);
  // Wheel over the canvas zooms around the cursor.
  const RecordedItem* plus = h.findRaw("###section.add.feels");
  ASSERT_NE(plus, nullptr);
  h.moveTo(ImVec2(plus->x - 100.0f, plus->y + 100.0f));
  ImGui::GetIO().AddMouseWheelEvent(0.0f, 1.0f);
  h.frames(2);
  EXPECT_GT(h.app->zoom(), z0);
  ASSERT_TRUE(h.click("Fit"));
  h.frames(2);
  EXPECT_NEAR(h.app->zoom(), z0, 1e-3f);
}

TEST(ShareDialog, ShowsALinkThatDecodesToTheSameBoardAndCopiesIt) {
  AppHarness h;
  newClassicMap(h);
  addNoteWithPlus(h, "says", "Prüfung für Öl & Straße");
  ASSERT_TRUE(h.click("Share"));
  const RecordedItem* field = h.findRaw("##share.link");
  ASSERT_NE(field, nullptr);
  const std::string link = h.shareLink();
  EXPECT_EQ(link.rfind("https://example.org/mapathy/#", 0), 0u);
  auto decoded = decodeLink(link);
  ASSERT_TRUE(decoded.ok()) << english(decoded.error());
  EXPECT_EQ(saveJson(decoded.value()), saveJson(board(h)));
  ASSERT_TRUE(h.click("Copy link"));
  EXPECT_EQ(h.host.clipboard, link);
  ASSERT_TRUE(h.click("Download JSON"));
  ASSERT_EQ(h.host.downloads.size(), 1u);
  EXPECT_EQ(h.host.downloads[0].mime, "application/json");
  EXPECT_TRUE(loadJson(h.host.downloads[0].bytes).ok());
  ASSERT_TRUE(h.click("Download Markdown"));
  ASSERT_EQ(h.host.downloads.size(), 2u);
  EXPECT_NE(h.host.downloads[1].bytes.find("Prüfung für Öl & Straße"), std::string::npos);
}

TEST(OpenLink, ABadLinkKeepsTheBoardAndShowsAMessage) {
  AppHarness h;
  newClassicMap(h);
  addNoteWithPlus(h, "says", "bleibt");
  const std::string before = saveJson(board(h));
  std::string error;
  EXPECT_FALSE(h.app->openLink("https://example.org/mapathy/#not-a-board", &error));
  EXPECT_FALSE(error.empty());
  h.frames(2);
  EXPECT_EQ(saveJson(board(h)), before);
  ASSERT_FALSE(h.app->messages().empty());
  EXPECT_EQ(h.app->messages().back().kind, MessageKind::Error);
  ASSERT_TRUE(h.click("Dismiss"));
  EXPECT_TRUE(h.app->messages().empty());
}

TEST(OpenLink, AGoodLinkNeverSilentlyReplacesUnsavedWork) {
  AppHarness other;
  other.host.seed = 4711;  // another device: its boards get other IDs than this harness's
  newClassicMap(other);
  addNoteWithPlus(other, "thinks", "aus dem Link");
  const std::string link = other.shareLink();

  AppHarness h;
  newClassicMap(h);
  addNoteWithPlus(h, "says", "meine Arbeit");
  const std::string mine = board(h).id;
  ASSERT_TRUE(h.app->openLink(link));
  h.frames(2);
  EXPECT_EQ(board(h).id, board(other).id);
  ASSERT_EQ(h.app->session().library().size(), 1u);
  EXPECT_EQ(h.app->session().library()[0].board().id, mine);
  EXPECT_EQ(h.app->messages().back().kind, MessageKind::Info);
  // The kept board can be continued from the start screen.
  ASSERT_TRUE(h.click("Boards"));
  // Rows: the open board first, then the boards put aside.
  std::vector<RecordedItem> continues;
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    if (item.label == "Continue") {
      continues.push_back(item);
    }
  }
  ASSERT_EQ(continues.size(), 2u);
  h.clickAt(AppHarness::centre(continues[1]));
  ASSERT_NE(h.app->document(), nullptr);
  EXPECT_EQ(board(h).id, mine);
  EXPECT_EQ(h.app->screen(), Screen::Board);
  // …and the board from the link was put aside in turn, not dropped.
  ASSERT_FALSE(h.app->session().library().empty());
  EXPECT_EQ(h.app->session().library()[0].board().id, board(other).id);
}

TEST(OpenFile, JsonAndMarkdownOpenAndBadFilesAreReported) {
  AppHarness h;
  auto made = makeBoard(BoardKind::EmpathyMap, "classic", Lang::De);
  ASSERT_TRUE(made.ok());
  made.value().id = "file-board";
  made.value().title = "Aus Datei";
  EXPECT_TRUE(h.app->openFileText("board.json", saveJson(made.value())));
  EXPECT_EQ(board(h).title, "Aus Datei");
  EXPECT_TRUE(h.app->openFileText("notes.md", "# Workshop\n\n## Sagt\n- Zu teuer\n"));
  h.frames(2);  // Markdown is read by the tools module: the board opens with its answer, a frame later
  EXPECT_EQ(board(h).title, "Workshop");
  std::string error;
  EXPECT_FALSE(h.app->openFileText("broken.json", "{\"format\": 1", &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(board(h).title, "Workshop");
}

TEST(Canvas, TransformRoundTripsAndZoomKeepsThePivotFixed) {
  Canvas c;
  c.fit(ImVec2(0, 0), ImVec2(1000, 800));
  // Outside a frame, origin is (0,0) and size (1,1): use zoomAt on explicit points only.
  const ImVec2 w(123.0f, 456.0f);
  const ImVec2 s = c.toScreen(w);
  const ImVec2 back = c.toWorld(s);
  EXPECT_NEAR(back.x, w.x, 1e-3f);
  EXPECT_NEAR(back.y, w.y, 1e-3f);
  const ImVec2 pivot(300.0f, 200.0f);
  const ImVec2 before = c.toWorld(pivot);
  c.zoomAt(1.7f, pivot);
  const ImVec2 after = c.toWorld(pivot);
  EXPECT_NEAR(after.x, before.x, 1e-3f);
  EXPECT_NEAR(after.y, before.y, 1e-3f);
  c.zoomAt(1000.0f, pivot);
  EXPECT_FLOAT_EQ(c.zoom(), Canvas::kMaxZoom);
}

TEST(Filter, FoldsCaseForUmlautsAndMatchesTags) {
  NoteFilter f;
  Note n;
  n.text = "ÄRGER über die Straße";
  n.tags = {"preis"};
  f.text = "ärger";
  EXPECT_TRUE(f.matches(n));
  f.text = "#preis";
  EXPECT_TRUE(f.matches(n));
  f.text = "nichts";
  EXPECT_FALSE(f.matches(n));
  f.text.clear();
  f.colour = 3;
  EXPECT_FALSE(f.matches(n));
  EXPECT_EQ(foldCase("ÖLÜBERÄ"), "ölüberä");
}

// The toolbar's buttons (and the language switch) of the last frame.
std::vector<RecordedItem> toolbarItems(AppHarness& h) {
  std::vector<RecordedItem> out;
  for (const RecordedItem& item : h.recorder.lastFrame()) {
    for (const char* id : {"###toolbar.", "###lang.", "###export.textView", "###workshop.toolbar"}) {
      if (item.visible && item.rawLabel.find(id) != std::string::npos) {
        out.push_back(item);
        break;
      }
    }
  }
  return out;
}

void expectNoOverlapsOnScreen(const std::vector<RecordedItem>& items, float width) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const RecordedItem& a = items[i];
    EXPECT_GE(a.x, 0.0f) << a.rawLabel;
    EXPECT_LE(a.x + a.w, width + 0.5f) << a.rawLabel << " leaves the screen";
    for (std::size_t j = i + 1; j < items.size(); ++j) {
      const RecordedItem& b = items[j];
      const bool overlap = a.x < b.x + b.w - 0.5f && b.x < a.x + a.w - 0.5f && a.y < b.y + b.h - 0.5f &&
                           b.y < a.y + a.h - 0.5f;
      EXPECT_FALSE(overlap) << a.rawLabel << " overlaps " << b.rawLabel;
    }
  }
}

TEST(Toolbar, ATabletInTouchModeGetsFingerSizedButtonsThatNeverOverlap) {
  AppHarness h("de-DE", ImVec2(1024, 768));
  h.app->setTouchMode(true);
  h.frames(2);
  ASSERT_TRUE(h.click("Neue Empathy Map"));
  h.frames(3);
  const auto items = toolbarItems(h);
  ASSERT_GE(items.size(), 10u);
  expectNoOverlapsOnScreen(items, 1024.0f);
  for (const RecordedItem& item : items) {
    EXPECT_GE(item.h, 44.0f) << item.rawLabel;
    EXPECT_GE(item.w, 44.0f) << item.rawLabel;
  }
  // Share stays at the right edge (only "More" may follow it); the narrow toolbar still acts: Filter (now an
  // icon) opens the filter bar.
  const RecordedItem* share = h.findRaw("###toolbar.share");
  ASSERT_NE(share, nullptr);
  const RecordedItem* more = h.findRaw("###toolbar.more");
  EXPECT_GT(share->x + share->w + (more != nullptr ? more->w + 6.0f : 0.0f), 1024.0f - 40.0f);
  ASSERT_TRUE(h.clickRaw("###toolbar.filter"));
  EXPECT_NE(h.findRaw("##filter.search"), nullptr);
}

TEST(Toolbar, AWideWindowShowsTheButtonTexts) {
  AppHarness h("en-GB", ImVec2(1600, 900));
  newClassicMap(h);
  const auto items = toolbarItems(h);
  expectNoOverlapsOnScreen(items, 1600.0f);
  const RecordedItem* filter = h.findRaw("###toolbar.filter");
  ASSERT_NE(filter, nullptr);
  EXPECT_GT(filter->w, filter->h * 1.5f) << "icon and text";
  const RecordedItem* redo = h.findRaw("###toolbar.redo");
  const RecordedItem* undo = h.findRaw("###toolbar.undo");
  ASSERT_NE(redo, nullptr);
  ASSERT_NE(undo, nullptr);
  EXPECT_GT(redo->x, undo->x + undo->w - 0.5f);
}

TEST(Canvas, BoardsOpenReadableAndFitShowsEverything) {
  AppHarness h("en-GB", ImVec2(1280, 800));
  // An empathy map uses the window's width at 100 %.
  newClassicMap(h);
  EXPECT_GE(h.app->zoom(), 1.0f - 1e-4f);
  const RecordedItem* feels = h.findRaw("###section.add.feels");  // right column
  ASSERT_NE(feels, nullptr);
  EXPECT_GT(feels->x + feels->w, 1280.0f - 120.0f) << "the map spans the window";
  EXPECT_LT(feels->x + feels->w, 1280.0f);
  // A journey board is larger than the window: it opens at 100 % (top-left part); "Fit" shows all of it.
  ASSERT_TRUE(h.click("Boards"));
  ASSERT_TRUE(h.click("New journey board"));
  h.frames(3);
  EXPECT_NEAR(h.app->zoom(), 1.0f, 1e-4f);
  ASSERT_TRUE(h.click("Fit"));
  h.frames(2);
  EXPECT_LT(h.app->zoom(), 0.9f);
}

TEST(Canvas, ReadableFitNeverZoomsBelowOneAndCentresWhatFits) {
  AppHarness h("en-GB", ImVec2(1280, 800));  // for its ImGui context; the frames below are our own
  auto frameWith = [](Canvas& c) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 700));
    ImGui::Begin("probe", nullptr, ImGuiWindowFlags_NoDecoration);
    c.begin("##probe-canvas", ImVec2(800, 600));
    c.end();
    ImGui::End();
    ImGui::Render();
  };
  const float margin = 32.0f;
  Canvas big;  // larger than the region: 100 %, top-left corner in view
  big.fit(ImVec2(0, 0), ImVec2(4000, 3000), true);
  frameWith(big);
  EXPECT_FLOAT_EQ(big.zoom(), 1.0f);
  EXPECT_NEAR(big.toScreen(ImVec2(0, 0)).x, big.origin().x + margin, 0.01f);
  EXPECT_NEAR(big.toScreen(ImVec2(0, 0)).y, big.origin().y + margin, 0.01f);

  Canvas narrow;  // as wide as fits, taller than the region: centred across, top in view
  narrow.fit(ImVec2(0, 0), ImVec2(700, 3000), true);
  frameWith(narrow);
  EXPECT_FLOAT_EQ(narrow.zoom(), 1.0f);
  EXPECT_NEAR(narrow.toScreen(ImVec2(350, 0)).x, narrow.origin().x + 400.0f, 0.01f);
  EXPECT_NEAR(narrow.toScreen(ImVec2(0, 0)).y, narrow.origin().y + margin, 0.01f);

  Canvas small;  // fits: zoomed in up to 125 %, centred
  small.fit(ImVec2(0, 0), ImVec2(400, 300), true);
  frameWith(small);
  EXPECT_FLOAT_EQ(small.zoom(), 1.25f);
  EXPECT_NEAR(small.toScreen(ImVec2(200, 150)).x, small.origin().x + 400.0f, 0.01f);
  EXPECT_NEAR(small.toScreen(ImVec2(200, 150)).y, small.origin().y + 300.0f, 0.01f);

  Canvas all;  // the toolbar's "fit": everything, however small
  all.fit(ImVec2(0, 0), ImVec2(4000, 3000));
  frameWith(all);
  EXPECT_NEAR(all.zoom(), (600.0f - 2.0f * margin) / 3000.0f, 1e-4f);
}

TEST(I18n, EveryCoreKeyHasGermanAndEnglish) {
  for (const char* key : {"start.newEmpathy", "toolbar.undo", "share.copy", "note.observed", "actions.owner"}) {
    EXPECT_TRUE(hasString(key)) << key;
    EXPECT_STRNE(tr(key, Lang::De), tr(key, Lang::En)) << key;
  }
  EXPECT_EQ(langFromTag("de-CH"), Lang::De);
  EXPECT_EQ(langFromTag("en"), Lang::En);
  EXPECT_EQ(langFromTag("fr-FR"), Lang::En);
  EXPECT_STREQ(tr("no.such.key"), "no.such.key");
}

// View state belongs to the board it was made on: a stage rename in progress on one journey board is not
// carried over to the next board opened (both have a stage "awareness"), and comes back empty too.
TEST(BoardView, AnEditInProgressDoesNotFollowToAnotherBoard) {
  AppHarness h;
  ASSERT_TRUE(h.app->newBoard(BoardKind::Journey, "lifecycle", Lang::En));
  h.frames(3);
  ASSERT_TRUE(h.click("stage:awareness"));
  h.frames(2);
  ASSERT_NE(h.find("edit:stage:awareness"), nullptr);
  h.type("Ent");  // half-way through a rename (typing is applied as it goes: the board holds work)
  ASSERT_TRUE(h.app->newBoard(BoardKind::Journey, "lifecycle", Lang::En));
  h.frames(3);
  EXPECT_EQ(h.find("edit:stage:awareness"), nullptr) << "the other board's rename field is not open here";
  EXPECT_NE(h.find("stage:awareness"), nullptr);
  const std::string first = h.app->session().library().empty() ? "" : h.app->session().library()[0].board().id;
  ASSERT_FALSE(first.empty()) << "the first board (renamed in part) was kept";
  ASSERT_TRUE(h.app->session().openFromLibrary(first));
  h.frames(3);
  EXPECT_EQ(h.find("edit:stage:awareness"), nullptr);
}

// The session's notices become messages in the UI language.
TEST(SessionNotices, ChangesFromAnotherTabAreToldInGerman) {
  AppHarness h("de-DE");
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::De));
  h.frames(2);
  // Another tab of the same browser adds a note and saves.
  mapathy::testing::FakeStorage otherTab(h.store);
  Session other(otherTab, [&] { return h.host.now; }, [&] { return h.host.random64(); });
  other.restore();
  ASSERT_NE(other.document(), nullptr);
  ASSERT_EQ(other.document()->board().id, board(h).id);
  other.document()->addNote(Place{"says", "", ""}, "aus dem anderen Tab");
  other.save();
  h.storage->deliver(*h.session);
  h.frames(2);
  ASSERT_FALSE(h.app->messages().empty());
  EXPECT_EQ(h.app->messages().back().text, "Änderungen aus einem anderen Tab sind eingetroffen.");
  ASSERT_EQ(board(h).notes.size(), 1u);
  EXPECT_EQ(board(h).notes[0].text, "aus dem anderen Tab");
}

// A long message on the board wraps inside its banner: every glyph of it is drawn (none clipped away at
// the banner's edge), and none runs under the dismiss button. (The banner floats in its own window over
// the board, so a wrap position given in screen coordinates instead of the window's once let the text run
// on in one line, cut off after "Mapathy stays in English;".)
TEST(Messages, ALongMessageWrapsInsideItsBanner) {
  AppHarness h("en-GB", ImVec2(1280, 800));
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::En));
  h.frames(2);
  const std::string text = tr("msg.textsFailed.de");
  h.app->showMessage(MessageKind::Error, text);
  h.frames(3);
  ImGuiWindow* window = ImGui::FindWindowByName("##messages");
  ASSERT_NE(window, nullptr);
  const ImDrawList* list = window->DrawList;
  const ImVec2 white = ImGui::GetIO().Fonts->TexUvWhitePixel;
  const ImU32 textColour = ImGui::GetColorU32(ImGuiCol_Text);
  int glyphs = 0;
  float right = -1e9f, top = 1e9f, bottom = -1e9f;
  for (int i = 0; i + 3 < list->VtxBuffer.Size; ++i) {
    const ImDrawVert& v = list->VtxBuffer[i];
    // The message's glyphs: textured quads of 4 vertices one after another (PrimRectUV) in the text colour
    // (the icons are drawn in the message kind's colour).
    if ((v.uv.x == white.x && v.uv.y == white.y) || v.col != textColour) continue;
    ++glyphs;
    for (int k = 0; k < 4; ++k) {
      right = std::max(right, list->VtxBuffer[i + k].pos.x);
      top = std::min(top, list->VtxBuffer[i + k].pos.y);
      bottom = std::max(bottom, list->VtxBuffer[i + k].pos.y);
    }
    i += 3;
  }
  int visible = 0;
  for (const char c : text) visible += c != ' ' ? 1 : 0;
  EXPECT_EQ(glyphs, visible) << "every character of the message is drawn";
  const float closeLeft = window->Pos.x + window->Size.x - minTarget() - 4.0f;
  EXPECT_LE(right, closeLeft) << "the text stays left of the dismiss button";
  EXPECT_GT(bottom - top, ImGui::GetFontSize() * 1.5f) << "it takes more than one line";
}

}  // namespace
}  // namespace mapathy::ui

namespace mapathy::ui {
namespace {

// A new message's banner takes its height one frame late (an auto-sized window is sized from the frame
// before; the first frame after a dismissed one-line message still has that height), then holds still: a
// person (or a test) clicks "Dismiss" where it has come to rest. The browser tests find it with
// `settled: true` for this reason (tests/browser/platform_badlinks.test.mjs, writing_messages.test.mjs).
TEST(Messages, ANewMessagesBannerComesToRestInItsSecondFrame) {
  AppHarness h("en-GB", ImVec2(1280, 800));
  ASSERT_TRUE(h.app->newBoard(BoardKind::EmpathyMap, "classic", Lang::En));
  h.frames(3);
  h.app->showMessage(MessageKind::Error, "Short one.");
  h.frames(3);
  ASSERT_TRUE(h.clickRaw("###common.dismiss"));
  h.frames(3);
  ASSERT_TRUE(h.app->messages().empty());
  h.app->showMessage(MessageKind::Error, tr("msg.textsFailed.de") + std::string(" ") + tr("msg.textsFailed.de"));
  std::vector<float> ys;
  for (int i = 0; i < 4; ++i) {
    h.frame();
    const RecordedItem* dismiss = h.findRaw("###common.dismiss");
    ASSERT_NE(dismiss, nullptr);
    ys.push_back(dismiss->y);
  }
  EXPECT_GT(ys[0], ys[1]) << "the first frame still has the shorter banner's height (ImGui's auto-size)";
  EXPECT_EQ(ys[1], ys[2]);
  EXPECT_EQ(ys[2], ys[3]) << "from the second frame on the button stays where it is";
  ImGuiWindow* window = ImGui::FindWindowByName("##messages");
  ASSERT_NE(window, nullptr);
  EXPECT_GE(ys[3], window->Pos.y);
  EXPECT_LE(ys[3] + minTarget(), window->Pos.y + window->Size.y) << "the button lies inside the banner";
}

}  // namespace
}  // namespace mapathy::ui
