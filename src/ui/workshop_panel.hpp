// Mapathy UI — the workshop panel: merge participants' links, send a contribution back, dot voting,
// facilitation prompts, a countdown timer and a presentation mode. Logic in workshop.hpp.
//
// The app shell owns one WorkshopPanel and calls, per frame:
//   toolbarButton()                    in the toolbar ("Workshop" toggles the panel)
//   drawPanel(ctx, w, h)               the side panel, when open()
//   decorateCard(ctx, note, a, b, i)   through EditorContext::cardOverlay: dot controls on each card
//                                      (when voting is set up) and the highlight of notes a merge brought
//   drawOverlay(doc, min, max)         the countdown and "dots left" floating over the board
//   drawPresentation(doc, size)        instead of the board view while presenting()
//   dialogs(doc)                       the "Merge links" and "Send back" dialogs
// and onBoardOpened() whenever another board is opened (highlights and presentation start afresh).
// What a participant's "Send back" compares against is the board's workshop base, which the session
// keeps with the board (core/session/session.hpp), and the voter id is the session's too.
//
// Widget labels for tests and automation (window.mapathy.widgets()), all "###workshop.<name>":
//   toolbar, close, merge, send, dots.more, dots.less, dots.show, sort, prompt.<n>, prompt.place,
//   timer.start, timer.pause, timer.reset, timer.more, timer.less, present; in the merge dialog
//   mergeLinks (the text field "##workshop.mergeText"), mergeRun, mergeDone, scan (start scanning),
//   scanStop, scanSound, the preview's place "workshop.scanArea" and the scan count "workshop.scanCount";
//   timer.sound, and the countdown's end banner "workshop.timeUp" with its button timeUpOk; in the send-back dialog
//   sendCopy, sendClose and the QR item "workshop.sendQr"; on cards "vote.add.<noteId>" and
//   "vote.remove.<noteId>"; in presentation present.prev, present.next, present.exit, and (inert,
//   readable) the step's title "workshop.present.title" and its notes "workshop.present.note.<id>";
//   the timer display "workshop.timerDisplay".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/app.hpp"
#include "ui/editor_context.hpp"
#include "ui/workshop.hpp"

namespace mapathy {
class Session;
}

namespace mapathy::ui {

class Host;
class ToolsClient;

void registerWorkshopStrings();
// Why a link or code was not merged, as one sentence in the UI language.
std::string describeLinkIssue(const LinkIssue& issue);

class WorkshopPanel {
 public:
  WorkshopPanel(Host& host, Session& session, ToolsClient& tools);

  void onBoardOpened();

  [[nodiscard]] bool open() const { return open_; }
  void setOpen(bool isOpen) { open_ = isOpen; }
  // The toolbar toggle. Returns true when clicked.
  bool toolbarButton(bool iconOnly = false);  // icon only: narrow toolbars (tablets)
  void drawPanel(EditorContext& ctx, float width, float height);
  // Whether cards need decorateCard this frame (voting set up, or notes highlighted after a merge).
  [[nodiscard]] bool decoratesCards(const Board& board) const;
  // Whether cards show the dot buttons (voting set up, shown, not presenting).
  [[nodiscard]] bool showsDotControls(const Board& board) const;
  void decorateCard(EditorContext& ctx, const Note& note, ImVec2 screenMin, ImVec2 screenMax, bool interact);
  void drawOverlay(const Document& doc, ImVec2 canvasMin, ImVec2 canvasMax);
  void dialogs(Document* doc);

  [[nodiscard]] bool presenting() const { return presenting_; }
  void startPresentation() { presenting_ = true; step_ = 0; }
  void stopPresentation() { presenting_ = false; }
  [[nodiscard]] int presentationStep() const { return step_; }
  void drawPresentation(const Document& doc, ImVec2 size);

  // When the panel next needs a frame without input (App::nextFrameDueMs): the countdown's next second,
  // the end of a scan confirmation's flash; App::kNoFrameDue when nothing changes on its own.
  [[nodiscard]] std::int64_t nextFrameDueMs(std::int64_t nowMs) const;

  // The camera scanner (Host::startScanner): each code read is merged at once as its own undo step.
  void scannedCode(Document* doc, const std::string& text);
  void scannerFailed(ScannerProblem problem);
  [[nodiscard]] bool scanning() const { return scanning_; }
  // Contributions merged into the open board since it opened (pasted links and scanned codes).
  [[nodiscard]] int contributionsMerged() const { return contributions_; }
  [[nodiscard]] const ScanOutcome& lastScan() const { return lastScan_; }
  // The countdown ended and the end is shown until someone acknowledges it.
  [[nodiscard]] bool timeUpShown() const { return timeUpShown_; }

  // ---- state for tests and automation
  // The participant's anonymous voter id (the session's: random, kept per device; never a name).
  [[nodiscard]] const std::string& voter() const;
  [[nodiscard]] const MergeOutcome& lastMerge() const { return lastMerge_; }
  [[nodiscard]] const std::vector<std::string>& highlighted() const { return highlighted_; }
  [[nodiscard]] const WorkshopTimer& timer() const { return timer_; }
  [[nodiscard]] const std::string& lastSendBackLink() const { return sendLink_; }

 private:
  void mergeDialog(Document& doc);
  void scanArea();
  void startScanning();
  void stopScanning();
  void timeUpBanner();
  [[nodiscard]] BoardTitleLookup titleLookup() const;
  void sendBackDialog(Document& doc);
  void votingSection(EditorContext& ctx);
  void promptsSection(EditorContext& ctx);
  void timerSection();
  void heading(const char* key);

  Host& host_;
  Session& session_;
  ToolsClient& tools_;
  bool open_ = false;
  // merge
  bool openMerge_ = false;
  std::string mergeText_;
  bool mergeDone_ = false;
  MergeOutcome lastMerge_;
  std::vector<std::string> highlighted_;
  int contributions_ = 0;
  // scanning (inside the merge dialog)
  bool scanning_ = false;
  bool scanSound_ = false;
  int scanMerged_ = 0;  // in this scanning session
  ScanOutcome lastScan_;
  std::string scanMessage_;        // what the last code did, in the UI language
  std::string cameraProblem_;      // why the camera is not available (pasting still works)
  std::int64_t flashUntilMs_ = 0;  // the confirmation's flash around the preview
  // send back
  bool openSend_ = false;
  std::string sendLink_;
  std::uint32_t sendRequest_ = 0;  // the latest "send back" click's request
  // voting
  bool showDots_ = true;
  // prompts
  int promptPlace_ = 0;
  // timer
  WorkshopTimer timer_;
  bool timerSound_ = false;   // a sound at the end, only when the facilitator turned it on
  bool timeUpShown_ = false;  // the end's banner, until acknowledged
  bool okPressedUnderModal_ = false;  // its OK pressed while a modal dialog had the input (timeUpBanner)
  // presentation
  bool presenting_ = false;
  int step_ = 0;
};

}  // namespace mapathy::ui
