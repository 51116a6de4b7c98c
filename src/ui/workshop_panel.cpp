// Mapathy UI — the workshop panel, its dialogs, the dot controls on cards, the countdown and the
// presentation mode (see workshop_panel.hpp).
#include "ui/workshop_panel.hpp"

#include <algorithm>
#include <cfloat>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "core/base/text.hpp"
#include "core/io/format.hpp"
#include "core/session/session.hpp"
#include "imgui_internal.h"
#include "ui/app.hpp"
#include "ui/i18n.hpp"
#include "ui/note_card.hpp"
#include "ui/qr_view.hpp"
#include "ui/style.hpp"
#include "ui/tools_client.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

namespace {

// clang-format off
const UiString kWorkshopStrings[] = {
    {"workshop.toolbar", "Workshop", "Workshop"},
    {"workshop.toolbarTip", "Merge links, send back, dot voting, prompts, timer, presentation",
                            "Links zusammenführen, zurücksenden, Punkte vergeben, Impulsfragen, Timer, Präsentation"},
    {"workshop.title", "Workshop", "Workshop"},
    {"workshop.close", "Close workshop panel", "Workshop-Bereich schließen"},
    {"workshop.collect", "Collect contributions", "Beiträge einsammeln"},
    {"workshop.collectHint", "Paste the links participants sent you. Their notes, edits and dots are merged into this board; one undo takes the merge back.",
                             "Füge die Links ein, die dir Teilnehmende geschickt haben. Ihre Notizen, Änderungen und Punkte werden in dieses Board übernommen; ein Rückgängig nimmt das wieder zurück."},
    {"workshop.merge", "Merge links…", "Links zusammenführen…"},
    {"workshop.mergeTitle", "Merge links", "Links zusammenführen"},
    {"workshop.mergeHint", "One or more links, one per line: whole boards or contributions (\"Send back\").",
                           "Ein oder mehrere Links, einer pro Zeile: ganze Boards oder Beiträge („Zurücksenden“)."},
    {"workshop.mergeRun", "Merge", "Zusammenführen"},
    {"workshop.mergeDone", "Done", "Fertig"},
    {"workshop.summary.new", "%d new note|%d new notes", "%d neue Notiz|%d neue Notizen"},
    {"workshop.summary.edited", "%d edited|%d edited", "%d bearbeitet|%d bearbeitet"},
    {"workshop.summary.deleted", "%d deleted|%d deleted", "%d gelöscht|%d gelöscht"},
    {"workshop.summary.dots", "%d dot|%d dots", "%d Punkt|%d Punkte"},
    {"workshop.linksMerged", "Links merged: %d", "Zusammengeführte Links: %d"},
    {"workshop.nothingNew", "Nothing new: the board already had all of it.", "Nichts Neues: Das Board enthielt schon alles."},
    {"workshop.linkError", "A link could not be merged: %s", "Ein Link ließ sich nicht zusammenführen: %s"},
    {"workshop.err.notMapathy", "This is not a Mapathy link (a code or link of another kind); nothing was changed.",
                                "Das ist kein Mapathy-Link (ein Code oder Link anderer Art); nichts wurde geändert."},
    {"workshop.err.damaged", "This contribution is incomplete or damaged (cut off?); nothing was changed. Ask for the link again.",
                             "Dieser Beitrag ist unvollständig oder beschädigt (abgeschnitten?); nichts wurde geändert. Bitte den Link noch einmal schicken lassen."},
    {"workshop.err.newer", "This contribution was made by a newer Mapathy; update the app to merge it. Nothing was changed.",
                           "Dieser Beitrag stammt von einer neueren Mapathy-Version; aktualisiere die App, um ihn zu übernehmen. Nichts wurde geändert."},
    {"workshop.err.otherBoard", "This contribution belongs to another board (%s). Nothing was changed.",
                                "Dieser Beitrag gehört zu einem anderen Board (%s). Nichts wurde geändert."},
    {"workshop.err.otherBoardNamed", "This contribution belongs to another board: “%s” (%s). Nothing was changed.",
                                     "Dieser Beitrag gehört zu einem anderen Board: „%s“ (%s). Nichts wurde geändert."},
    {"workshop.err.otherKind", "This link is for another kind of board (empathy map or journey); nothing was changed.",
                               "Dieser Link gehört zu einer anderen Board-Art (Empathy Map oder Journey); nichts wurde geändert."},
    {"workshop.contributions", "%d contributions merged", "%d Beiträge zusammengeführt"},
    {"workshop.contribution1", "1 contribution merged", "1 Beitrag zusammengeführt"},
    {"workshop.scan", "Scan QR codes", "QR-Codes scannen"},
    {"workshop.scanHint", "Hold a participant's \"Send back\" code in front of the camera. Each code is merged at once; one undo takes one code back.",
                          "Halte den „Zurücksenden“-Code einer Person vor die Kamera. Jeder Code wird sofort übernommen; ein Rückgängig nimmt einen Code zurück."},
    {"workshop.scanStop", "Stop scanning", "Scannen beenden"},
    {"workshop.scanSound", "Sound for each code", "Ton bei jedem Code"},
    {"workshop.scanWaiting", "Waiting for a code…", "Warte auf einen Code …"},
    {"workshop.scanMerged", "Merged: %d new note.|Merged: %d new notes.", "Übernommen: %d neue Notiz.|Übernommen: %d neue Notizen."},
    {"workshop.scanAlready", "Already merged: this code brought nothing new.", "Schon übernommen: Dieser Code bringt nichts Neues."},
    {"workshop.cameraRefused", "The camera is not allowed for this page. Allow it in the browser's site settings, or paste the links instead.",
                               "Die Kamera ist für diese Seite nicht erlaubt. Erlaube sie in den Website-Einstellungen des Browsers oder füge die Links stattdessen ein."},
    {"workshop.cameraMissing", "No camera found on this device. Paste the links instead.",
                               "Auf diesem Gerät wurde keine Kamera gefunden. Füge die Links stattdessen ein."},
    {"workshop.cameraFailed", "The camera could not be started. Paste the links instead.",
                              "Die Kamera ließ sich nicht starten. Füge die Links stattdessen ein."},
    {"workshop.timer.sound", "Sound at the end", "Ton am Ende"},
    {"workshop.timeUpOk", "OK", "OK"},
    {"workshop.conflicts", "To review (%d): changed in two places", "Zu prüfen (%d): an zwei Stellen geändert"},
    {"workshop.conflictBoth", "Kept „%s“, not „%s“", "Behalten: „%s“, nicht „%s“"},
    {"workshop.conflictDeleted", "Deleted on one side, changed on the other: „%s“", "Auf einer Seite gelöscht, auf der anderen geändert: „%s“"},
    {"workshop.show", "Show", "Zeigen"},
    {"workshop.clearHighlight", "Clear highlight", "Hervorhebung entfernen"},
    {"workshop.new", "NEW", "NEU"},
    {"workshop.sendTitle", "Send back", "Zurücksenden"},
    {"workshop.sendHint", "Participant? Send your notes and dots back to the facilitator as a short link or QR code.",
                          "Teilnehmend? Schicke deine Notizen und Punkte als kurzen Link oder QR-Code an die Moderation zurück."},
    {"workshop.send", "Send back…", "Zurücksenden…"},
    {"workshop.sendNothing", "Add notes or dots first: there is nothing to send back yet.", "Füge zuerst Notizen oder Punkte hinzu: Noch gibt es nichts zurückzusenden."},
    {"workshop.sendExplain", "This link carries only what you changed. Send it to the facilitator, or let them scan the code.",
                             "Dieser Link enthält nur deine Änderungen. Schicke ihn an die Moderation oder lass sie den Code scannen."},
    {"workshop.sendLength", "%d character|%d characters", "%d Zeichen|%d Zeichen"},
    {"workshop.sendCopy", "Copy link", "Link kopieren"},
    {"workshop.sendClose", "Close", "Schließen"},
    {"workshop.copied", "Link copied.", "Link kopiert."},
    {"workshop.voting", "Dot voting", "Punkte vergeben"},
    {"workshop.votingOff", "Set how many dots each person gets; then everyone places them on the notes that matter most.",
                           "Lege fest, wie viele Punkte jede Person bekommt; dann verteilen alle ihre Punkte auf die wichtigsten Notizen."},
    {"workshop.dotsPerPerson", "Dots per person: %d", "Punkte pro Person: %d"},
    {"workshop.dots.more", "More dots", "Mehr Punkte"},
    {"workshop.dots.less", "Fewer dots", "Weniger Punkte"},
    {"workshop.dotsLeft", "Your dots: %d of %d left", "Deine Punkte: %d von %d übrig"},
    {"workshop.dots.show", "Dot controls on cards", "Punkte-Knöpfe auf Karten"},
    {"workshop.sort", "Sort notes by votes", "Notizen nach Stimmen sortieren"},
    {"workshop.results", "Most votes (anonymous)", "Meiste Stimmen (anonym)"},
    {"workshop.resultRow.dots", "%d dot|%d dots", "%d Punkt|%d Punkte"},
    {"workshop.resultRow.people", "from %d person|from %d people", "von %d Person|von %d Personen"},
    {"workshop.noVotes", "No dots placed yet.", "Noch keine Punkte vergeben."},
    {"workshop.vote.add", "Place a dot", "Punkt setzen"},
    {"workshop.vote.remove", "Take a dot back", "Punkt zurücknehmen"},
    {"workshop.prompts", "Prompts", "Impulsfragen"},
    {"workshop.promptsHint", "Questions that open up the customer's view. Click one to add it as a heading note to:",
                             "Fragen, die den Blick der Kundschaft öffnen. Klicke eine an, um sie als Überschrift-Notiz einzufügen in:"},
    {"workshop.prompt.place", "Where prompts go", "Wohin Impulsfragen kommen"},
    {"workshop.timer", "Timer", "Timer"},
    {"workshop.timerMinutes", "%d min", "%d Min."},
    {"workshop.timer.more", "One minute more", "Eine Minute mehr"},
    {"workshop.timer.less", "One minute less", "Eine Minute weniger"},
    {"workshop.timer.start", "Start", "Start"},
    {"workshop.timer.pause", "Pause", "Pause"},
    {"workshop.timer.reset", "Reset", "Zurücksetzen"},
    {"workshop.timeUp", "Time is up", "Die Zeit ist um"},
    {"workshop.present", "Presentation mode", "Präsentationsmodus"},
    {"workshop.presentHint", "Read-only, large type, one section or stage at a time; arrow keys step through.",
                             "Nur lesen, große Schrift, ein Bereich oder eine Phase nach der anderen; Pfeiltasten blättern."},
    {"workshop.present.prev", "Previous", "Zurück"},
    {"workshop.present.next", "Next", "Weiter"},
    {"workshop.present.exit", "Exit presentation", "Präsentation beenden"},
    {"workshop.present.step", "%d / %d", "%d / %d"},
    {"workshop.present.empty", "No notes here yet.", "Hier gibt es noch keine Notizen."},
    {"workshop.present.votes", "%d dot|%d dots", "%d Punkt|%d Punkte"},
    {"qr.tooLong", "Too long for a QR code: send the link or download the file instead.",
                   "Zu lang für einen QR-Code: Schicke den Link oder lade die Datei herunter."},
    {"qr.fullScreen", "Show code full screen", "Code im Vollbild zeigen"},
    {"qr.fullTitle", "Scan to open", "Zum Öffnen scannen"},
    {"share.qrCaption", "Scan with a phone camera to open this board.", "Mit der Handykamera scannen, um dieses Board zu öffnen."},
};
// clang-format on

std::string preview(const std::string& text, std::size_t max = 60) {
  if (text.size() <= max) return text;
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 character
  return text.substr(0, cut) + "…";
}

const StringTableRegistrar kRegister(kWorkshopStrings);

// "2 new notes, 1 edited, 0 deleted, 3 dots": each count in its own number's form.
std::string mergeSummary(const MergeOutcome& m) {
  return countText("workshop.summary.new", static_cast<long long>(m.addedNotes.size())) + ", " +
         countText("workshop.summary.edited", static_cast<long long>(m.editedNotes.size())) + ", " +
         countText("workshop.summary.deleted", static_cast<long long>(m.deletedNotes.size())) + ", " +
         countText("workshop.summary.dots", m.votesAdded);
}

}  // namespace

void registerWorkshopStrings() { registerStrings(kWorkshopStrings, sizeof kWorkshopStrings / sizeof kWorkshopStrings[0]); }

WorkshopPanel::WorkshopPanel(Host& host, Session& session, ToolsClient& tools)
    : host_(host), session_(session), tools_(tools) {
  registerWorkshopStrings();
  session_.voter();  // made and kept on the device on the first visit, before any dot is placed
}

const std::string& WorkshopPanel::voter() const { return session_.voter(); }

void WorkshopPanel::onBoardOpened() {
  highlighted_.clear();
  lastMerge_ = MergeOutcome();
  contributions_ = 0;
  stopScanning();
  presenting_ = false;
  step_ = 0;
  promptPlace_ = 0;
}

std::int64_t WorkshopPanel::nextFrameDueMs(std::int64_t nowMs) const {
  std::int64_t due = App::kNoFrameDue;
  auto consider = [&](std::int64_t at) {
    if (at >= 0 && (due == App::kNoFrameDue || at < due)) due = at;
  };
  consider(timer_.nextChangeMs(nowMs));
  if (flashUntilMs_ > nowMs) consider(flashUntilMs_);
  return due;
}

BoardTitleLookup WorkshopPanel::titleLookup() const {
  return [this](const std::string& id) {
    for (const LibraryBoard& b : session_.library()) {
      if (b.board().id == id) return b.board().title;
    }
    return std::string();
  };
}

std::string describeLinkIssue(const LinkIssue& issue) {
  switch (issue.problem) {
    case LinkProblem::NotMapathy:
      return tr("workshop.err.notMapathy");
    case LinkProblem::Damaged:
      return tr("workshop.err.damaged");
    case LinkProblem::Newer:
      return tr("workshop.err.newer");
    case LinkProblem::OtherBoard:
      return issue.detail.empty() ? text::format(tr("workshop.err.otherBoard"), issue.boardId)
                                  : text::format(tr("workshop.err.otherBoardNamed"), issue.detail, issue.boardId);
    case LinkProblem::OtherKind:
      return tr("workshop.err.otherKind");
  }
  return tr("workshop.err.notMapathy");
}

void WorkshopPanel::startScanning() {
  cameraProblem_.clear();
  scanMessage_ = tr("workshop.scanWaiting");
  scanMerged_ = 0;
  lastScan_ = ScanOutcome();
  if (!host_.startScanner()) {
    cameraProblem_ = tr("workshop.cameraMissing");
    return;
  }
  scanning_ = true;
}

void WorkshopPanel::stopScanning() {
  if (!scanning_) return;
  scanning_ = false;
  flashUntilMs_ = 0;
  host_.stopScanner();
}

void WorkshopPanel::scannedCode(Document* doc, const std::string& text) {
  if (!scanning_ || doc == nullptr) return;
  lastScan_ = mergeScanned(*doc, text, titleLookup());
  switch (lastScan_.kind) {
    case ScanOutcome::Kind::Merged:
      ++scanMerged_;
      ++contributions_;
      for (const std::string& id : lastScan_.addedNotes) highlighted_.push_back(id);
      scanMessage_ = countText("workshop.scanMerged", lastScan_.notesAdded);
      flashUntilMs_ = host_.nowMs() + 700;
      if (scanSound_) host_.playSound(Host::Sound::Scanned);
      break;
    case ScanOutcome::Kind::AlreadyMerged:
      scanMessage_ = tr("workshop.scanAlready");
      break;
    case ScanOutcome::Kind::Problem:
      scanMessage_ = describeLinkIssue(lastScan_.issue);
      break;
  }
}

void WorkshopPanel::scannerFailed(ScannerProblem problem) {
  const bool was = scanning_;
  scanning_ = false;
  flashUntilMs_ = 0;
  if (was) host_.stopScanner();
  switch (problem) {
    case ScannerProblem::Refused:
      cameraProblem_ = tr("workshop.cameraRefused");
      break;
    case ScannerProblem::NoCamera:
      cameraProblem_ = tr("workshop.cameraMissing");
      break;
    case ScannerProblem::Failed:
      cameraProblem_ = tr("workshop.cameraFailed");
      break;
  }
}

bool WorkshopPanel::toolbarButton(bool iconOnly) {
  const bool clicked = iconButtonTip(label("workshop.toolbar").c_str(), Icon::Hand, tr("workshop.toolbarTip"), iconOnly,
                                     true, open_);
  if (clicked) open_ = !open_;
  return clicked;
}

void WorkshopPanel::heading(const char* key) {
  ImGui::Spacing();
  const float big = ImGui::GetFontSize() * 1.08f;
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), big, p, colours::kInk, tr(key));
  ImGui::Dummy(ImVec2(10, big + 2));
}

// ------------------------------------------------------------------------------------------------
// The panel
// ------------------------------------------------------------------------------------------------
void WorkshopPanel::drawPanel(EditorContext& ctx, float width, float height) {
  Document& doc = ctx.doc;
  ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kSurface);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
  ImGui::BeginChild("##workshop-panel", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding);
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
  {
    const float big = ImGui::GetFontSize() * 1.2f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), big, p, colours::kInk, tr("workshop.title"));
    ImGui::Dummy(ImVec2(10, big + 2));
    ImGui::SameLine(ImGui::GetContentRegionMax().x - minTarget());
    if (iconButton(label("workshop.close").c_str(), Icon::Close, true)) open_ = false;
  }
  ImGui::PushTextWrapPos(0.0f);

  // ---- collect contributions (facilitator)
  heading("workshop.collect");
  hintText(tr("workshop.collectHint"));
  if (iconButton(label("workshop.merge").c_str(), Icon::Download, false, true, true)) {
    openMerge_ = true;
    mergeText_.clear();
    mergeDone_ = false;
  }
  if (contributions_ > 0) {
    const std::string count = contributions_ == 1 ? std::string(tr("workshop.contribution1"))
                                                  : text::format(tr("workshop.contributions"), contributions_);
    ImGui::PushStyleColor(ImGuiCol_Text, colours::kSuccess);
    ImGui::TextUnformatted(count.c_str());
    ImGui::PopStyleColor();
    ImGui::SameLine(0, 0);
    ImGui::InvisibleButton((count + "###workshop.contributions").c_str(), ImVec2(1, 1));  // readable for tests
  }
  if (lastMerge_.linksMerged > 0) {
    ImGui::TextUnformatted(mergeSummary(lastMerge_).c_str());
    if (!lastMerge_.conflicts.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, colours::kWarning);
      ImGui::TextUnformatted(
          text::format(tr("workshop.conflicts"), static_cast<int>(lastMerge_.conflicts.size())).c_str());
      ImGui::PopStyleColor();
      for (const Conflict& c : lastMerge_.conflicts) {
        ImGui::PushID(c.id.c_str());
        const std::string text =
            c.kind == Conflict::Kind::BothEdited
                ? text::format(tr("workshop.conflictBoth"), preview(c.incomingWon ? c.incomingText : c.baseText, 40),
                            preview(c.incomingWon ? c.baseText : c.incomingText, 40))
                : text::format(tr("workshop.conflictDeleted"),
                            preview(c.baseText.empty() ? c.incomingText : c.baseText, 60));
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextUnformatted(text.c_str());
        if (!c.isAction && findNote(doc.board(), c.id) != nullptr) {
          if (ImGui::SmallButton(label("workshop.show", c.id).c_str())) {
            ctx.cards.select(c.id);
            if (auto centre = ctx.cards.lastWorldCentre(c.id)) ctx.canvas.centreOn(*centre);
          }
        }
        ImGui::PopID();
      }
    }
    if (!highlighted_.empty() && ImGui::SmallButton(label("workshop.clearHighlight").c_str())) {
      highlighted_.clear();
    }
  }
  ImGui::Separator();

  // ---- send back (participant)
  heading("workshop.sendTitle");
  hintText(tr("workshop.sendHint"));
  const Board* base = session_.workshopBase();
  const bool canSend = base != nullptr && hasContribution(*base, doc.board(), voter());
  if (iconButton(label("workshop.send").c_str(), Icon::Share, false, canSend, canSend)) {
    // The contribution link is made by the tools module (its encoder is not in the first download): at
    // once when the module is there, a moment later when it is still loading.
    sendLink_.clear();
    ++sendRequest_;
    const std::uint32_t asked = sendRequest_;
    tools_.requestForBoard({{"op", "delta"}, {"base", saveJson(*base)}, {"voter", voter()}, {"baseUrl", host_.pageAddress()}},
                           doc.board(), [this, asked](const ToolResult& r) {
                             if (asked != sendRequest_) return;  // clicked again since: that answer counts
                             if (!r.ok) return tools_.fail(r.message());
                             sendLink_ = r.link;
                             openSend_ = !sendLink_.empty();
                           });
  }
  if (!canSend) hintText(tr("workshop.sendNothing"));
  ImGui::Separator();

  votingSection(ctx);
  ImGui::Separator();
  promptsSection(ctx);
  ImGui::Separator();
  timerSection();
  ImGui::Separator();

  heading("workshop.present");
  hintText(tr("workshop.presentHint"));
  if (iconButton(label("workshop.present").c_str(), Icon::Eye)) startPresentation();
  ImGui::PopTextWrapPos();
  ImGui::EndChild();
}

void WorkshopPanel::votingSection(EditorContext& ctx) {
  Document& doc = ctx.doc;
  const Board& b = doc.board();
  heading("workshop.voting");
  const int budget = votesPerPerson(b);
  if (budget == 0) hintText(tr("workshop.votingOff"));
  if (iconButton(label("workshop.dots.less").c_str(), Icon::Minus, true, budget > 0)) setDotsPerPerson(doc, budget - 1);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text::format(tr("workshop.dotsPerPerson"), votesPerPerson(doc.board())).c_str());
  ImGui::SameLine();
  if (iconButton(label("workshop.dots.more").c_str(), Icon::Plus, true, budget < kMaxVotesPerPerson)) {
    setDotsPerPerson(doc, budget + 1);
  }
  const int now = votesPerPerson(doc.board());
  if (now == 0) return;
  ImGui::TextUnformatted(text::format(tr("workshop.dotsLeft"), votesLeft(doc.board(), voter()), now).c_str());
  ImGui::Checkbox(label("workshop.dots.show").c_str(), &showDots_);
  if (iconButton(label("workshop.sort").c_str(), Icon::Vote)) sortNotesByVotes(doc);
  ImGui::TextDisabled("%s", tr("workshop.results"));
  int shown = 0;
  for (const VoteTally& t : tallyVotes(doc.board())) {
    if (t.votes <= 0 || shown >= 10) break;
    const Note* n = findNote(doc.board(), t.noteId);
    if (n == nullptr) continue;
    ++shown;
    ImGui::PushID(t.noteId.c_str());
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextUnformatted((preview(n->text, 50) + " — " + countText("workshop.resultRow.dots", t.votes) + " " + countText("workshop.resultRow.people", t.voters)).c_str());
    if (ImGui::SmallButton(label("workshop.show", "result." + t.noteId).c_str())) {
      ctx.cards.select(t.noteId);
      if (auto centre = ctx.cards.lastWorldCentre(t.noteId)) ctx.canvas.centreOn(*centre);
    }
    ImGui::PopID();
  }
  if (shown == 0) hintText(tr("workshop.noVotes"));
}

void WorkshopPanel::promptsSection(EditorContext& ctx) {
  Document& doc = ctx.doc;
  heading("workshop.prompts");
  hintText(tr("workshop.promptsHint"));
  const std::vector<NamedPlace> places = promptPlaces(doc.board());
  if (places.empty()) return;
  promptPlace_ = std::clamp(promptPlace_, 0, static_cast<int>(places.size()) - 1);
  ImGui::SetNextItemWidth(-1);
  const std::string comboId = std::string("##") + "workshop.prompt.place";
  if (ImGui::BeginCombo(comboId.c_str(), places[static_cast<std::size_t>(promptPlace_)].name.c_str())) {
    for (std::size_t i = 0; i < places.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      if (ImGui::Selectable(places[i].name.c_str(), static_cast<int>(i) == promptPlace_)) {
        promptPlace_ = static_cast<int>(i);
      }
      ImGui::PopID();
    }
    ImGui::EndCombo();
  }
  const auto& prompts = workshopPrompts();
  const Lang lang = uiLang();
  for (std::size_t i = 0; i < prompts.size(); ++i) {
    const char* text = lang == Lang::De ? prompts[i].de : prompts[i].en;
    const std::string id = std::string(text) + "###workshop.prompt." + std::to_string(i);
    const float w = ImGui::GetContentRegionAvail().x;
    const ImVec2 ts = ImGui::CalcTextSize(text, nullptr, false, w - 16.0f);
    // A wrapped button: the text is drawn by hand inside an invisible button of the right height.
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float h = std::max(minTarget(), ts.y + 12.0f);
    const bool clicked = ImGui::InvisibleButton(id.c_str(), ImVec2(w, h));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::IsItemHovered() ? colours::kPrimarySoft : IM_COL32(246, 247, 250, 255),
                      8.0f);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + 8.0f, p.y + (h - ts.y) * 0.5f), colours::kInk, text,
                nullptr, w - 16.0f);
    if (clicked) {
      const std::string noteId = insertPrompt(doc, places[static_cast<std::size_t>(promptPlace_)].place, text);
      if (!noteId.empty()) ctx.cards.select(noteId);
    }
  }
}

void WorkshopPanel::timerSection() {
  heading("workshop.timer");
  const std::int64_t now = host_.nowMs();
  if (iconButton(label("workshop.timer.less").c_str(), Icon::Minus, true, !timer_.running() && timer_.minutes() > 1)) {
    timer_.setMinutes(timer_.minutes() - 1);
  }
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text::format(tr("workshop.timerMinutes"), timer_.minutes()).c_str());
  ImGui::SameLine();
  if (iconButton(label("workshop.timer.more").c_str(), Icon::Plus, true, !timer_.running() && timer_.minutes() < 120)) {
    timer_.setMinutes(timer_.minutes() + 1);
  }
  ImGui::SameLine();
  ImGui::TextUnformatted(timer_.display(now).c_str());
  if (timer_.running()) {
    if (iconButton(label("workshop.timer.pause").c_str(), Icon::Minus)) timer_.pause(now);
  } else if (iconButton(label("workshop.timer.start").c_str(), Icon::Check, false, true, true)) {
    timer_.start(now);
  }
  ImGui::SameLine();
  if (iconButton(label("workshop.timer.reset").c_str(), Icon::Undo, false, timer_.started())) {
    timer_.reset();
    timeUpShown_ = false;
  }
  // On the same row when it fits: the panel stays as tall as it was.
  const float soundWidth = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                           ImGui::CalcTextSize(tr("workshop.timer.sound")).x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < soundWidth) ImGui::NewLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Checkbox(label("workshop.timer.sound").c_str(), &timerSound_);
}

// The countdown's end: a banner across the top of the window that stays until acknowledged, over the
// board, the presentation and the start screen alike (a sound too, when turned on).
void WorkshopPanel::timeUpBanner() {
  const std::int64_t now = host_.nowMs();
  if (timer_.running() && timer_.finished(now) && !timeUpShown_) {
    timeUpShown_ = true;
    if (timerSound_) host_.playSound(Host::Sound::TimeUp);
  }
  if (!timeUpShown_) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = std::max(minTarget() + 24.0f, ImGui::GetFontSize() * 3.2f);
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, colours::kDanger);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(24, 12));
  ImGui::Begin("##workshop-timeup", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor();
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  const char* text = tr("workshop.timeUp");
  const float big = ImGui::GetFontSize() * 1.8f;
  const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(big, FLT_MAX, 0.0f, text);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (h - 24.0f - ts.y) * 0.5f;
  ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), big, ImVec2(p.x, y), IM_COL32(255, 255, 255, 255), text);
  ImGui::SetCursorScreenPos(ImVec2(p.x, y));
  ImGui::InvisibleButton((std::string(text) + "###workshop.timeUp").c_str(), ts);
  ImGui::SameLine(vp->WorkSize.x - 24.0f - 160.0f);
  ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x, p.y + (h - 24.0f - minTarget()) * 0.5f));
  const ImVec2 okMin = ImGui::GetCursorScreenPos();
  const ImVec2 okMax(okMin.x + 160.0f, okMin.y + minTarget());
  bool ok = ImGui::Button(label("workshop.timeUpOk").c_str(), ImVec2(160.0f, minTarget()));
  // A dialog open when the time runs out (merging links, sending back) is modal: ImGui gives this banner no
  // input then, though it is drawn in front. Its OK still answers a press and release on it, so the end can be
  // acknowledged without closing the dialog first.
  if (ImGui::GetTopMostPopupModal() != nullptr) {
    const bool over = ImGui::IsMouseHoveringRect(okMin, okMax, false);
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) okPressedUnderModal_ = over;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      ok = ok || (okPressedUnderModal_ && over);
      okPressedUnderModal_ = false;
    }
  }
  if (ok) {
    timeUpShown_ = false;
    okPressedUnderModal_ = false;
    timer_.reset();
  }
  ImGui::End();
}

// ------------------------------------------------------------------------------------------------
// On the board: dot controls, highlights, countdown
// ------------------------------------------------------------------------------------------------
bool WorkshopPanel::showsDotControls(const Board& board) const {
  return votesPerPerson(board) > 0 && showDots_ && !presenting_;
}

bool WorkshopPanel::decoratesCards(const Board& board) const {
  return !highlighted_.empty() || showsDotControls(board);
}

void WorkshopPanel::decorateCard(EditorContext& ctx, const Note& note, ImVec2 a, ImVec2 b, bool interact) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float z = ctx.canvas.zoom();
  const bool highlighted = std::find(highlighted_.begin(), highlighted_.end(), note.id) != highlighted_.end();
  if (!interact && highlighted) {
    dl->AddRect(ImVec2(a.x - 4, a.y - 4), ImVec2(b.x + 4, b.y + 4), colours::kSuccess, 9.0f * z, 0, 3.0f);
    const float fs = std::max(9.0f, ctx.canvas.fontSize(CardMetrics::kSmallFont));
    drawPill(dl, ImVec2(a.x + 4.0f, a.y - fs * 0.9f), tr("workshop.new"), colours::kSuccess, IM_COL32(255, 255, 255, 255), fs);
  }
  const Board& board = ctx.doc.board();
  const int budget = votesPerPerson(board);
  if (budget == 0 || !showDots_ || presenting_) return;
  const float side = dotControlSide(z);
  if (b.x - a.x < side * 2.5f || b.y - a.y < side * 1.5f) return;  // too small at this zoom
  const int mine = dotsOn(note, voter());
  const int left = votesLeft(board, voter());
  const bool canAdd = left > 0;
  // "+ dot" at the bottom-right corner, in the room the card's footer keeps (never over the text); "− dot"
  // left of it once I placed dots here.
  const ImVec2 addMin(b.x - side - 4.0f, b.y - side - 4.0f);
  const ImVec2 remMin(addMin.x - side - 4.0f, addMin.y);
  if (interact) {
    // Submitted before the card's own button, so these take the mouse first.
    ImGui::SetCursorScreenPos(addMin);
    const std::string addId = "vote.add." + note.id;
    const bool add = ImGui::InvisibleButton(addId.c_str(), ImVec2(side, side));
    if (ImGui::IsItemHovered()) {
      ImGui::SetTooltip("%s · %s", tr("workshop.vote.add"), text::format(tr("workshop.dotsLeft"), left, budget).c_str());
    }
    bool remove = false;
    if (mine > 0) {
      ImGui::SetCursorScreenPos(remMin);
      const std::string remId = "vote.remove." + note.id;
      remove = ImGui::InvisibleButton(remId.c_str(), ImVec2(side, side));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr("workshop.vote.remove"));
    }
    if (add && canAdd) placeDot(ctx.doc, note.id, voter(), +1);
    if (remove) placeDot(ctx.doc, note.id, voter(), -1);
    return;
  }
  const float r = side * 0.42f;
  const ImVec2 c(addMin.x + side * 0.5f, addMin.y + side * 0.5f);
  const bool addHovered = ImGui::IsMouseHoveringRect(addMin, ImVec2(addMin.x + side, addMin.y + side));
  if (mine > 0) {
    dl->AddCircleFilled(c, r, colours::kPrimary);
    const std::string n = std::to_string(mine);
    const float fs = side * 0.6f;
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0.0f, n.c_str());
    dl->AddText(ImGui::GetFont(), fs, ImVec2(c.x - ts.x * 0.5f, c.y - ts.y * 0.5f), IM_COL32(255, 255, 255, 255), n.c_str());
    const ImVec2 rc(remMin.x + side * 0.5f, remMin.y + side * 0.5f);
    const bool remHovered = ImGui::IsMouseHoveringRect(remMin, ImVec2(remMin.x + side, remMin.y + side));
    dl->AddCircleFilled(rc, r, withAlpha(IM_COL32(255, 255, 255, 255), remHovered ? 1.0f : 0.8f));
    dl->AddCircle(rc, r, colours::kInkMuted, 24, 1.5f);
    dl->AddLine(ImVec2(rc.x - r * 0.5f, rc.y), ImVec2(rc.x + r * 0.5f, rc.y), colours::kInk, 2.0f);
  } else {
    const ImU32 col = canAdd ? colours::kPrimary : colours::kInkMuted;
    dl->AddCircleFilled(c, r, withAlpha(IM_COL32(255, 255, 255, 255), addHovered ? 1.0f : 0.8f));
    dl->AddCircle(c, r, col, 24, 2.0f);
    dl->AddLine(ImVec2(c.x - r * 0.5f, c.y), ImVec2(c.x + r * 0.5f, c.y), col, 2.0f);
    dl->AddLine(ImVec2(c.x, c.y - r * 0.5f), ImVec2(c.x, c.y + r * 0.5f), col, 2.0f);
  }
  if (addHovered && canAdd) dl->AddCircle(c, r + 2.0f, colours::kPrimaryHover, 24, 1.5f);
}

void WorkshopPanel::drawOverlay(const Document& doc, ImVec2 canvasMin, ImVec2 canvasMax) {
  const std::int64_t now = host_.nowMs();
  const int budget = votesPerPerson(doc.board());
  const bool showTimer = timer_.started();
  const bool showDots = budget > 0 && showDots_;
  if (!showTimer && !showDots) return;
  (void)canvasMax;
  ImGui::SetNextWindowPos(ImVec2(canvasMax.x - 12.0f, canvasMin.y + 12.0f), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowBgAlpha(0.96f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 12.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 8));
  ImGui::Begin("##workshop-overlay", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove);
  ImGui::PopStyleVar(2);
  if (showTimer) {
    const bool up = timer_.finished(now);
    const bool urgent = timer_.remainingMs(now) < 60000;
    const std::string shown = up ? std::string(tr("workshop.timeUp")) : timer_.display(now);
    const float big = ImGui::GetFontSize() * 2.0f;
    const ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(big, FLT_MAX, 0.0f, shown.c_str());
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string id = shown + "###workshop.timerDisplay";
    // An item (so tests and automation can read the time); clicking it pauses or resumes.
    if (ImGui::InvisibleButton(id.c_str(), ts)) {
      if (timer_.running()) {
        timer_.pause(now);
      } else if (!up) {
        timer_.start(now);
      }
    }
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), big, p,
                                        up ? colours::kDanger : urgent ? colours::kWarning : colours::kInk, shown.c_str());
  }
  if (showDots) {
    ImGui::TextUnformatted(text::format(tr("workshop.dotsLeft"), votesLeft(doc.board(), voter()), budget).c_str());
  }
  ImGui::End();
}

// ------------------------------------------------------------------------------------------------
// Dialogs
// ------------------------------------------------------------------------------------------------
void WorkshopPanel::dialogs(Document* doc) {
  timeUpBanner();
  if (doc == nullptr) {
    openMerge_ = false;
    openSend_ = false;
    stopScanning();
    return;
  }
  mergeDialog(*doc);
  sendBackDialog(*doc);
}

void WorkshopPanel::mergeDialog(Document& doc) {
  if (openMerge_) {
    ImGui::OpenPopup("###workshop.mergeDialog");
    openMerge_ = false;
  }
  placeDialog(600.0f, 0.35f);  // fits a phone, scrolls when taller than the screen
  const std::string title = std::string(tr("workshop.mergeTitle")) + "###workshop.mergeDialog";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    stopScanning();  // the dialog closed (Escape, another board): the camera goes off with it
    return;
  }
  ImGui::PushTextWrapPos(0.0f);
  bool close = false;
  if (scanning_) {
    scanArea();
    if (scanning_ && ImGui::IsKeyPressed(ImGuiKey_Escape)) close = true;
  } else if (!mergeDone_) {
    hintText(tr("workshop.mergeHint"));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    inputLineList("##workshop.mergeText", &mergeText_, ImVec2(-1, ImGui::GetTextLineHeight() * 6.0f));
    if (!cameraProblem_.empty()) {
      ImGui::PushStyleColor(ImGuiCol_Text, colours::kDanger);
      ImGui::TextUnformatted(cameraProblem_.c_str());
      ImGui::PopStyleColor();
    }
    const bool any = !splitLinks(mergeText_).empty();
    if (iconButton(label("workshop.mergeRun").c_str(), Icon::Check, false, any, true)) {
      lastMerge_ = mergeLinks(doc, mergeText_, titleLookup());
      highlighted_ = lastMerge_.addedNotes;
      contributions_ += lastMerge_.changed ? lastMerge_.linksMerged : 0;
      mergeDone_ = true;
    }
    ImGui::SameLine();
    if (iconButton(label("workshop.scan").c_str(), Icon::Eye)) startScanning();
    ImGui::SameLine();
    if (ImGui::Button(label("common.cancel", "workshop.merge").c_str(), ImVec2(0, minTarget())) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      close = true;
    }
  } else {
    const MergeOutcome& m = lastMerge_;
    if (m.linksMerged > 0) {
      ImGui::PushStyleColor(ImGuiCol_Text, colours::kSuccess);
      ImGui::TextUnformatted(text::format(tr("workshop.linksMerged"), m.linksMerged).c_str());
      ImGui::PopStyleColor();
      ImGui::TextUnformatted(mergeSummary(m).c_str());
      if (!m.changed) hintText(tr("workshop.nothingNew"));
      if (!m.conflicts.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, colours::kWarning);
        ImGui::TextUnformatted(text::format(tr("workshop.conflicts"), static_cast<int>(m.conflicts.size())).c_str());
        ImGui::PopStyleColor();
        for (const Conflict& c : m.conflicts) {
          ImGui::Bullet();
          ImGui::SameLine();
          ImGui::TextUnformatted(
              (c.kind == Conflict::Kind::BothEdited
                   ? text::format(tr("workshop.conflictBoth"), preview(c.incomingWon ? c.incomingText : c.baseText, 40),
                               preview(c.incomingWon ? c.baseText : c.incomingText, 40))
                   : text::format(tr("workshop.conflictDeleted"), preview(c.baseText.empty() ? c.incomingText : c.baseText)))
                  .c_str());
        }
      }
    }
    for (const LinkIssue& e : m.errors) {
      ImGui::PushStyleColor(ImGuiCol_Text, colours::kDanger);
      ImGui::TextUnformatted(describeLinkIssue(e).c_str());
      ImGui::PopStyleColor();
    }
    if (iconButton(label("workshop.mergeDone").c_str(), Icon::Check, false, true, true) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      close = true;
    }
  }
  ImGui::PopTextWrapPos();
  if (close) {
    stopScanning();
    ImGui::CloseCurrentPopup();
  }
  dragScroll();
  ImGui::EndPopup();
}

// The scanning mode of the merge dialog: a place for the camera's preview (a DOM <video> the platform puts
// over it: the canvas cannot show video cheaply), what the last code did, how many were merged.
void WorkshopPanel::scanArea() {
  hintText(tr("workshop.scanHint"));
  const float w = ImGui::GetContentRegionAvail().x;
  const float h = std::min(w * 0.75f, std::max(200.0f, ImGui::GetIO().DisplaySize.y * 0.45f));
  const float side = std::min(w, h / 0.75f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (w - side) * 0.5f);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const ImVec2 size(side, side * 0.75f);
  ImGui::InvisibleButton("###workshop.scanArea", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), IM_COL32(30, 30, 30, 255), 8.0f);
  const bool flash = flashUntilMs_ > host_.nowMs();
  // The preview sits inside the frame, so the flash around it shows.
  const float inset = 6.0f;
  host_.placeScanner(p.x + inset, p.y + inset, size.x - 2 * inset, size.y - 2 * inset);
  dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), flash ? colours::kSuccess : colours::kInkMuted, 8.0f, 0,
              flash ? inset : 1.5f);
  const std::string count = scanMerged_ == 1 ? std::string(tr("workshop.contribution1"))
                                             : text::format(tr("workshop.contributions"), scanMerged_);
  ImGui::PushStyleColor(ImGuiCol_Text, colours::kSuccess);
  ImGui::TextUnformatted(count.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  ImGui::InvisibleButton((count + "###workshop.scanCount").c_str(), ImVec2(1, 1));
  const bool bad = lastScan_.kind == ScanOutcome::Kind::Problem && scanMessage_ != tr("workshop.scanWaiting");
  ImGui::PushStyleColor(ImGuiCol_Text, bad ? colours::kDanger : colours::kInk);
  ImGui::TextUnformatted(scanMessage_.c_str());
  ImGui::PopStyleColor();
  ImGui::SameLine(0, 0);
  ImGui::InvisibleButton((scanMessage_ + "###workshop.scanMessage").c_str(), ImVec2(1, 1));
  ImGui::Checkbox(label("workshop.scanSound").c_str(), &scanSound_);
  if (iconButton(label("workshop.scanStop").c_str(), Icon::Close, false, true, true)) stopScanning();
}

void WorkshopPanel::sendBackDialog(Document& doc) {
  (void)doc;
  if (openSend_) {
    ImGui::OpenPopup("###workshop.sendDialog");
    openSend_ = false;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  placeDialog(520.0f, 0.45f);  // fits a phone, scrolls when taller than the screen
  const std::string title = std::string(tr("workshop.sendTitle")) + "###workshop.sendDialog";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  hintText(tr("workshop.sendExplain"));
  std::string shown = sendLink_;
  ImGui::SetNextItemWidth(-1);
  inputText("##workshop.sendLink", &shown, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
  ImGui::TextDisabled("%s", countText("workshop.sendLength", static_cast<long long>(sendLink_.size())).c_str());
  if (iconButton(label("workshop.sendCopy").c_str(), Icon::Copy, false, true, true)) {
    host_.setClipboardText(sendLink_);
  }
  ImGui::SameLine();
  qrFullScreenButton("workshop.sendQr", sendLink_);
  const float side = std::min(ImGui::GetContentRegionAvail().x, std::max(220.0f, display.y * 0.45f));
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) * 0.5f);
  qrCodeWidget("workshop.sendQr", sendLink_, side);
  if (ImGui::Button(label("workshop.sendClose").c_str(), ImVec2(-1, minTarget())) ||
      ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    ImGui::CloseCurrentPopup();
  }
  dragScroll();
  ImGui::EndPopup();
}

// ------------------------------------------------------------------------------------------------
// Presentation mode: read-only, large type, one section or stage per step
// ------------------------------------------------------------------------------------------------
void WorkshopPanel::drawPresentation(const Document& doc, ImVec2 size) {
  const Board& b = doc.board();
  const bool empathy = b.kind == BoardKind::EmpathyMap;
  const int steps = std::max(1, static_cast<int>(empathy ? b.sections.size() : b.stages.size()));
  step_ = std::clamp(step_, 0, steps - 1);
  // Keys: arrows and page keys step, Escape leaves.
  if (!ImGui::GetIO().WantTextInput) {
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, false) || ImGui::IsKeyPressed(ImGuiKey_PageDown, false) ||
        ImGui::IsKeyPressed(ImGuiKey_Space, false)) {
      step_ = std::min(steps - 1, step_ + 1);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, false) || ImGui::IsKeyPressed(ImGuiKey_PageUp, false)) {
      step_ = std::max(0, step_ - 1);
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) presenting_ = false;
  }

  ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kCanvas);
  ImGui::BeginChild("##presentation", size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
  ImGui::PopStyleColor();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = std::max(24.0f, size.x * 0.03f);
  const float titleSize = std::clamp(size.y * 0.06f, 30.0f, 64.0f);
  const float noteSize = std::clamp(size.y * 0.032f, 22.0f, 40.0f);

  // Bar: board title, step count, previous / next / exit (touch-sized).
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pad, origin.y + pad * 0.5f));
  if (iconButton(label("workshop.present.prev").c_str(), Icon::Back, false, step_ > 0)) step_ = std::max(0, step_ - 1);
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(text::format(tr("workshop.present.step"), step_ + 1, steps).c_str());
  ImGui::SameLine();
  if (iconButton(label("workshop.present.next").c_str(), Icon::Share, false, step_ < steps - 1, true)) {
    step_ = std::min(steps - 1, step_ + 1);
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", b.title.c_str());
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), size.x - pad - 240.0f));
  if (iconButton(label("workshop.present.exit").c_str(), Icon::Close)) presenting_ = false;

  float y = ImGui::GetCursorScreenPos().y + pad * 0.5f;
  std::string title;
  std::string sub;
  std::vector<std::pair<std::string, std::vector<const Note*>>> groups;  // (lane name or "", notes)
  int colour = 0;
  if (empathy && !b.sections.empty()) {
    const Section& s = b.sections[static_cast<std::size_t>(step_)];
    title = s.title;
    sub = s.hint;
    colour = s.colour;
    groups.push_back({"", notesAt(b, s.id, "", "")});
  } else if (!empathy && !b.stages.empty()) {
    const Stage& s = b.stages[static_cast<std::size_t>(step_)];
    title = s.name;
    sub = s.description;
    for (const Lane& l : b.lanes) {
      if (l.kind != LaneKind::Text) continue;
      groups.push_back({l.name, notesAt(b, "", s.id, l.id)});
    }
  }
  const float textW = size.x - pad * 2.0f;
  // What is shown is also an item (inert), so tests and automation can read the step's title and notes.
  auto readable = [](const std::string& text, const char* id, ImVec2 at, ImVec2 itemSize) {
    ImGui::SetCursorScreenPos(at);
    ImGui::PushID(id);  // a "###" inside the text cannot make two items share an ID
    ImGui::InvisibleButton((text + "###" + id).c_str(), ImVec2(std::max(1.0f, itemSize.x), std::max(1.0f, itemSize.y)));
    ImGui::PopID();
  };
  const ImVec2 titleExtent = ImGui::GetFont()->CalcTextSizeA(titleSize, FLT_MAX, textW, title.c_str());
  readable(title, "workshop.present.title", ImVec2(origin.x + pad, y), titleExtent);
  dl->AddText(ImGui::GetFont(), titleSize, ImVec2(origin.x + pad, y), colours::kInk, title.c_str(), nullptr, textW);
  y += titleExtent.y + 6.0f;
  if (!sub.empty()) {
    dl->AddText(ImGui::GetFont(), noteSize * 0.8f, ImVec2(origin.x + pad, y), colours::kInkMuted, sub.c_str(), nullptr, textW);
    y += ImGui::GetFont()->CalcTextSizeA(noteSize * 0.8f, FLT_MAX, textW, sub.c_str()).y + 10.0f;
  }
  bool any = false;
  const float cardW = std::max(220.0f, (textW - 3.0f * 16.0f) / 4.0f);
  const int perRow = std::max(1, static_cast<int>((textW + 16.0f) / (cardW + 16.0f)));
  for (const auto& [laneName, notes] : groups) {
    if (notes.empty()) continue;
    any = true;
    if (!laneName.empty()) {
      dl->AddText(ImGui::GetFont(), noteSize * 0.85f, ImVec2(origin.x + pad, y + 6.0f), colours::kInkMuted, laneName.c_str());
      y += noteSize * 0.85f + 14.0f;
    }
    float rowH = 0.0f;
    for (std::size_t i = 0; i < notes.size(); ++i) {
      const int col = static_cast<int>(i) % perRow;
      if (col == 0 && i > 0) {
        y += rowH + 16.0f;
        rowH = 0.0f;
      }
      const Note& n = *notes[i];
      const float inner = cardW - 28.0f;
      const float th = ImGui::GetFont()->CalcTextSizeA(noteSize, FLT_MAX, inner, n.text.c_str()).y;
      const float h = th + 28.0f + (n.votes > 0 ? noteSize : 0.0f);
      const ImVec2 a(origin.x + pad + static_cast<float>(col) * (cardW + 16.0f), y);
      const ImVec2 e(a.x + cardW, a.y + h);
      readable(n.text, ("workshop.present.note." + n.id).c_str(), a, ImVec2(cardW, h));
      const NoteColour& pal = noteColour(empathy ? colour : n.colour);
      drawShadow(dl, a, e, 10.0f, 6.0f);
      dl->AddRectFilled(a, e, pal.fill, 10.0f);
      dl->AddText(ImGui::GetFont(), noteSize, ImVec2(a.x + 14.0f, a.y + 14.0f), colours::kInk, n.text.c_str(), nullptr, inner);
      if (n.votes > 0) {
        drawPill(dl, ImVec2(a.x + 14.0f, e.y - noteSize - 6.0f), countText("workshop.present.votes", n.votes).c_str(),
                 colours::kPrimary, IM_COL32(255, 255, 255, 255), noteSize * 0.7f);
      }
      rowH = std::max(rowH, h);
    }
    y += rowH + 24.0f;
  }
  if (!any) dl->AddText(ImGui::GetFont(), noteSize, ImVec2(origin.x + pad, y), colours::kInkMuted, tr("workshop.present.empty"));
  ImGui::EndChild();
}

}  // namespace mapathy::ui
