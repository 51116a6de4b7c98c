// Mapathy UI — PRIVATE to src/ui/app*.cpp: the app shell's state and the jobs it is split into.
//
// One App::Impl, one file per job (the way Tracy splits its one view class into feature files):
//   app.cpp          construction, the frame, messages and what the session tells, shortcuts, the public API
//   app_start.cpp    the start screen: brand, templates, "Open" and the boards on this device
//   app_library.cpp  rows of "Boards on this device" and their rename and delete dialogs
//   app_toolbar.cpp  the board's toolbar (tools ranked by importance; what does not fit goes into "More"),
//                    the title (shortened, whole on a tap), the filter bar and the language switch
//   app_board.cpp    the board screen: views (the whole board, or the reading layout on narrow screens:
//                    reading_view.hpp), actions panel, workshop panel, presentation
//   app_share.cpp    the share dialog (link, QR, files, outputs) and the paste-a-link dialog
//
// Document data lives in the session's Document (core/session/session.hpp); the shell keeps view state
// only. View state that belongs to one board (zoom, selection, filter, edits in progress) is a
// BoardView, started afresh whenever the session opens another board.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/session/session.hpp"
#include "imgui.h"
#include "ui/app.hpp"
#include "ui/canvas.hpp"
#include "ui/editor_context.hpp"
#include "ui/empathy_view.hpp"
#include "ui/export_menu.hpp"
#include "ui/journey_view.hpp"
#include "ui/note_card.hpp"
#include "ui/reading_view.hpp"
#include "ui/tools_client.hpp"
#include "ui/workshop_panel.hpp"

namespace mapathy::ui {

void registerLibraryStrings();  // i18n_library.cpp

// Which layout shows the board: the reading layout on narrow screens unless the person chose.
enum class BoardLayout { Auto, Whole, Reading };

// View state of the open board.
struct BoardView {
  BoardView() { readingCanvas.setScrollMode(true); }
  Canvas canvas;         // the whole board
  Canvas readingCanvas;  // the reading layout (scroll mode: its own scroll position, zoom 1)
  ReadingViewState reading;
  BoardLayout layout = BoardLayout::Auto;
  bool narrow = false;   // this frame: the canvas is too narrow for the whole board (prefersReadingLayout)
  NoteCards cards;
  NoteFilter filter;
  EmpathyViewState empathy;
  JourneyViewState journey;
  std::string titleBuffer;
  bool titleActive = false;
  std::string focusNote;  // "show note" from the actions panel: centred in the next frame
  bool focusAcross = false;  // centre focusNote across only (the view keeps its top)
};

struct App::Impl final : SessionListener {
  Impl(Host& h, Session& s);
  ~Impl() override;

  Host& host;
  Session& session;
  ToolsClient tools{host};
  int preparingMessage = 0;  // id of the "preparing…" banner while the tools module is on its way, else 0
  // The share link of the open board, made by the tools module once per board and revision (the share
  // dialog shows it every frame; encoding a big board takes milliseconds, and the link coder's encoder is
  // not part of the first download). Empty until the answer came.
  struct LinkCache {
    const Document* document = nullptr;
    std::uint64_t opened = 0;  // boardsOpened when asked
    std::uint64_t revision = 0;
    std::string base;
    bool asked = false;
    std::string link;
    std::string failure;      // why it could not be made (worded), "" when it could
    double failedAt = 0.0;    // ImGui time when the tools module did not load: asked again a few seconds later
  };
  LinkCache linkCache;
  bool shareLinkShown = false;   // the share dialog showed the link in its last frame
  int shareRecentreFrames = 0;   // frames left in which it is centred again (its content grew)
  int linkRequests = 0;  // links asked for (tests: once per revision, not per frame)
  std::uint64_t boardsOpened = 0;
  Screen screen = Screen::Start;
  BoardView view;
  WorkshopPanel workshop{host, session, tools};
  std::vector<Message> messages;
  int nextMessageId = 1;
  bool touch = false;
  bool styleApplied = false;
  // bars and panels
  bool showFilter = false;
  bool showActions = false;
  // dialogs
  bool openShare = false;
  ExportMenuState exportMenu;
  bool openPaste = false;
  std::string pasteBuffer;
  // "Boards on this device" dialogs: the board they act on ("" for none)
  std::string renameId;
  std::string deleteId;
  bool openRename = false;
  bool openDelete = false;
  std::string renameBuffer;
  std::unique_ptr<EditorContext> context;

  // True when this frame shows the reading layout.
  [[nodiscard]] bool readingLayout() const {
    return view.layout == BoardLayout::Reading || (view.layout == BoardLayout::Auto && view.narrow);
  }
  Canvas& activeCanvas() { return readingLayout() ? view.readingCanvas : view.canvas; }
  [[nodiscard]] const Canvas& activeCanvas() const { return readingLayout() ? view.readingCanvas : view.canvas; }

  Document* doc() { return session.document(); }
  const Document* doc() const { return session.document(); }

  // ---- app.cpp
  void frame();
  void ensureStyle();
  void shortcuts();
  void post(MessageKind kind, std::string text);
  void toolsBanner();
  void drawMessages(float width);
  void messagesOverlay(ImVec2 boardMin, ImVec2 boardMax);
  void boardOpened() override;
  void notice(const Notice& notice) override;
  bool openLink(const std::string& url, std::string* error);
  bool openFile(const std::string& name, const std::string& text, std::string* error);
  bool newBoard(BoardKind kind, const std::string& templateId, Lang lang);
  void shareLinkRows(const std::string& url, ImVec2 display);
  // The open board's share link ("" while the tools module makes it; see LinkCache).
  [[nodiscard]] const std::string& link();

  // ---- app_start.cpp
  void startScreen();
  void templateColumn(BoardKind kind, const char* titleKey, const char* whatKey, const char* newKey, float width);

  // ---- app_library.cpp
  void libraryList();
  bool libraryRow(const Board& b, bool current);  // true when it changed the list
  static void unopenableRow(const UnopenableBoard& u);
  void libraryDialogs();
  [[nodiscard]] const Board* libraryBoard(const std::string& id) const;

  // ---- app_toolbar.cpp
  void toolbar();
  void titlePopup();
  void filterBar();
  void languageSwitch();
  [[nodiscard]] float languageSwitchWidth() const;

  // ---- app_board.cpp
  void boardScreen();
  EditorContext& contextFor();
  void actionsPanel(float width, float height);
  void createActionFrom(const std::string& noteId);
  [[nodiscard]] float workshopPanelWidth(float full) const;
  [[nodiscard]] float canvasWidth() const;

  // ---- app_share.cpp
  void shareDialog();
  void pasteDialog();
  void downloadJson();
  void downloadMarkdown();
};

}  // namespace mapathy::ui
