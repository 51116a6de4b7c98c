// Mapathy UI — the application shell: start screen, toolbar, board views, dialogs and messages.
//
// The shell owns the Document of the open board plus view state. Boards that get replaced (a new board,
// an opened link or file) are never dropped: if they hold anything, they move to the in-memory list of
// "Boards on this device" on the start screen (the browser platform's local library persists them later).
#include "ui/app.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/edit/document.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "imgui.h"
#include "ui/canvas.hpp"
#include "ui/empathy_view.hpp"
#include "ui/export_menu.hpp"
#include "ui/i18n.hpp"
#include "ui/journey_view.hpp"
#include "ui/note_card.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"
#include "ui/qr_view.hpp"
#include "ui/workshop_panel.hpp"

namespace mapathy::ui {

void registerLibraryStrings();  // i18n_library.cpp

namespace {

std::string format(const char* fmt, const std::string& a) {
  std::vector<char> buf(a.size() + std::char_traits<char>::length(fmt) + 64);
  std::snprintf(buf.data(), buf.size(), fmt, a.c_str());
  return buf.data();
}

std::string format(const char* fmt, const std::string& a, const std::string& b) {
  std::vector<char> buf(a.size() + b.size() + std::char_traits<char>::length(fmt) + 64);
  std::snprintf(buf.data(), buf.size(), fmt, a.c_str(), b.c_str());
  return buf.data();
}

std::string formatInt(const char* fmt, int n) {
  char buf[256];
  std::snprintf(buf, sizeof buf, fmt, n);
  return buf;
}

std::string toBase36(std::uint64_t v, std::size_t digits) {
  static const char* kDigits = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string s;
  for (std::size_t i = 0; i < digits; ++i) {
    s.push_back(kDigits[v % 36]);
    v /= 36;
  }
  return s;
}

std::string fileStem(const std::string& title) {
  std::string s;
  for (const char ch : title) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      s.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      s.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (!s.empty() && s.back() != '-') {
      s.push_back('-');
    }
  }
  while (!s.empty() && s.back() == '-') {
    s.pop_back();
  }
  return s.empty() ? std::string("mapathy-board") : s;
}

bool endsWith(const std::string& s, const char* suffix) {
  const std::string x(suffix);
  if (s.size() < x.size()) {
    return false;
  }
  std::string tail = s.substr(s.size() - x.size());
  std::transform(tail.begin(), tail.end(), tail.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return tail == x;
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Impl
// ------------------------------------------------------------------------------------------------
struct App::Impl {
  explicit Impl(Host& h) : host(h) {
    registerLibraryStrings();
    setUiLang(langFromTag(host.preferredLanguage()));
    site = toBase36(host.random64(), 4);
    // Issue 8: dots are ballots under the device's anonymous voter id, which the workshop panel keeps
    // on the device (Host::loadDeviceValue) so a reload does not hand out fresh dots. The site id for
    // new note ids stays per session: two tabs on one device must never make the same ids.
  }

  Host& host;
  std::string site;
  std::unique_ptr<Document> doc;
  std::uint64_t revisionAtOpen = 0;  // the document's revision when it was opened or created
  bool fromLibrary = false;          // restored from the device's storage: kept even when unchanged
  // "Boards on this device" dialogs: index into `recent`, -1 for the open board, -2 for none.
  int renameIndex = -2;
  int deleteIndex = -2;
  bool openRename = false;
  bool openDelete = false;
  std::string renameBuffer;
  Screen screen = Screen::Start;
  std::vector<RecentBoard> recent;   // boards put aside (newest first)
  std::vector<UnopenableBoard> unopenable;  // stored boards this app cannot open: listed, never touched
  std::vector<Message> messages;
  int nextMessageId = 1;

  Canvas canvas;
  NoteCards cards;
  NoteFilter filter;
  EmpathyViewState empathy;
  bool showFilter = false;
  bool showActions = false;
  bool openShare = false;
  ExportMenuState exportMenu;  // outputs block of the share dialog (issue 9)
  bool openPaste = false;
  std::string pasteBuffer;
  std::string titleBuffer;
  bool titleActive = false;
  bool touch = false;
  bool styleApplied = false;
  std::string focusNote;  // "show note" from the actions panel
  WorkshopPanel workshop{host};  // issue 8: merge, send back, dot voting, prompts, timer, presentation

  // ---- documents
  bool hasWork() const {
    return doc && (fromLibrary || doc->revision() != revisionAtOpen || !doc->board().notes.empty() ||
                   !doc->board().actions.empty() || !doc->board().persona.name.empty());
  }

  void putAsideCurrent() {
    if (!doc) {
      return;
    }
    if (hasWork()) {
      const Board& b = doc->board();
      recent.erase(std::remove_if(recent.begin(), recent.end(), [&](const RecentBoard& r) { return r.board.id == b.id; }),
                   recent.end());
      recent.insert(recent.begin(), RecentBoard{b});  // no cap: the local library keeps every one
    }
  }

  void open(Board board) {
    // A board stored here by a newer Mapathy keeps its id: an older copy of it (e.g. from a link shared
    // before) becomes a board of its own, so saving it can never write over the newer one.
    if (std::any_of(unopenable.begin(), unopenable.end(), [&](const UnopenableBoard& u) { return u.id == board.id; })) {
      board.id = toBase36(host.random64(), 10);
    }
    recent.erase(std::remove_if(recent.begin(), recent.end(),
                                [&](const RecentBoard& r) { return r.board.id == board.id; }),
                 recent.end());
    const std::int64_t now = host.nowMs();
    if (board.createdAt == 0) {
      board.createdAt = now;
    }
    if (board.modifiedAt == 0) {
      board.modifiedAt = now;
    }
    doc = std::make_unique<Document>();
    doc->setSite(site);
    Host* hp = &host;
    doc->setClock([hp] { return hp->nowMs(); });
    doc->replaceBoard(std::move(board), true);
    revisionAtOpen = doc->revision();
    fromLibrary = false;
    screen = Screen::Board;
    cards = NoteCards();
    canvas = Canvas();
    // A board opens at a readable zoom, fitted in its first frame to the layout that frame computes (see
    // Canvas::fitContent); the toolbar's "fit" shows everything.
    canvas.fitContent(true);
    filter = NoteFilter();
    empathy = EmpathyViewState();
    titleBuffer = doc->board().title;
    workshop.onBoardOpened(doc->board());  // what a participant's "Send back" compares against
  }

  // Replaces the open board, keeping the old one in "recent" and telling the person so.
  void replaceWith(Board board, bool announce) {
    if (hasWork() && doc->board().id == board.id && saveJson(doc->board()) != saveJson(board)) {
      // The same board, changed here and elsewhere: keep the local version as its own board.
      Board local = doc->board();
      local.id = toBase36(host.random64(), 10);
      recent.insert(recent.begin(), RecentBoard{std::move(local)});
      const std::string oldTitle = doc->board().title;
      open(std::move(board));
      if (announce) {
        post(MessageKind::Info, format(tr("msg.stashed"), oldTitle.empty() ? tr("start.untitled") : oldTitle));
      }
      return;
    }
    const bool kept = hasWork() && doc->board().id != board.id;
    const std::string oldTitle = doc ? doc->board().title : std::string();
    putAsideCurrent();
    open(std::move(board));
    if (kept && announce) {
      post(MessageKind::Info, format(tr("msg.stashed"), oldTitle.empty() ? tr("start.untitled") : oldTitle));
    }
  }

  bool newBoard(BoardKind kind, const std::string& templateId, Lang lang) {
    auto made = makeBoard(kind, templateId, lang);
    if (!made) {
      post(MessageKind::Error, format(tr("msg.templateFailed"), made.error()));
      return false;
    }
    Board b = std::move(made.value());
    b.id = toBase36(host.random64(), 10);
    for (const auto& t : listTemplates(lang)) {
      if (t.id == templateId && t.kind == kind) {
        b.title = t.name;
      }
    }
    replaceWith(std::move(b), true);
    return true;
  }

  void post(MessageKind kind, std::string text) {
    // Same text twice in a row: keep one.
    if (!messages.empty() && messages.back().text == text) {
      return;
    }
    messages.push_back(Message{nextMessageId++, kind, std::move(text)});
    if (messages.size() > 4) {
      messages.erase(messages.begin());
    }
  }

  std::string link() const { return doc ? encodeLink(doc->board(), host.pageAddress()) : std::string(); }

  // ---- frame pieces
  void ensureStyle() {
    if (!styleApplied) {
      applyStyle(touch);
      styleApplied = true;
    }
  }

  void shortcuts() {
    const ImGuiIO& io = ImGui::GetIO();
    if (!doc || io.WantTextInput) {
      return;  // text fields keep their own undo (Ctrl+Z inside a field edits the field)
    }
    if (textViewShortcutPressed()) {  // issue 9: Alt+Shift+A opens the accessible text view
      ui::openTextView(host, doc->board());
      return;
    }
    const bool mod = io.KeyCtrl || io.KeySuper;
    if (!mod) {
      if (ImGui::IsKeyPressed(ImGuiKey_Delete, false) && !cards.selected().empty() && cards.editing().empty()) {
        doc->deleteNote(cards.selected());
        cards.select("");
      }
      return;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
      if (io.KeyShift) {
        doc->redo();
      } else {
        doc->undo();
      }
    } else if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) {
      doc->redo();
    }
  }

  void drawMessages(float width) {
    for (std::size_t i = 0; i < messages.size();) {
      const Message& m = messages[i];
      ImU32 bg = colours::kPrimarySoft;
      ImU32 fg = colours::kPrimary;
      Icon icon = Icon::Info;
      if (m.kind == MessageKind::Error) {
        bg = colours::kDangerSoft;
        fg = colours::kDanger;
        icon = Icon::Warning;
      } else if (m.kind == MessageKind::Success) {
        bg = colours::kSuccessSoft;
        fg = colours::kSuccess;
        icon = Icon::Check;
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 pos = ImGui::GetCursorScreenPos();
      const float pad = 10.0f;
      const float closeW = minTarget();
      const float iconSize = ImGui::GetFontSize() * 1.2f;
      const float textW = width - pad * 3.0f - iconSize - closeW - 8.0f;
      const ImVec2 ts = ImGui::CalcTextSize(m.text.c_str(), nullptr, false, textW);
      const float h = std::max(ts.y + pad * 2.0f, closeW + 8.0f);
      dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), bg, 10.0f);
      drawIcon(dl, icon, ImVec2(pos.x + pad, pos.y + (h - iconSize) * 0.5f), iconSize, fg);
      ImGui::SetCursorScreenPos(ImVec2(pos.x + pad * 2.0f + iconSize, pos.y + (h - ts.y) * 0.5f));
      ImGui::PushTextWrapPos(pos.x + pad * 2.0f + iconSize + textW);
      ImGui::TextUnformatted(m.text.c_str());
      ImGui::PopTextWrapPos();
      ImGui::SetCursorScreenPos(ImVec2(pos.x + width - closeW - 4.0f, pos.y + (h - closeW) * 0.5f));
      ImGui::PushID(m.id);
      const bool dismissed = iconButton(label("common.dismiss").c_str(), Icon::Close, true);
      ImGui::PopID();
      ImGui::SetCursorScreenPos(ImVec2(pos.x, pos.y + h + 6.0f));
      ImGui::Dummy(ImVec2(width, 0.0f));
      if (dismissed) {
        messages.erase(messages.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  void languageSwitch() {
    const Lang cur = uiLang();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, 0));
    const float h = std::max(minTarget(), ImGui::GetFrameHeight());
    auto one = [&](const char* text, const char* id, Lang l) {
      const bool on = cur == l;
      ImGui::PushStyleColor(ImGuiCol_Button, on ? colours::kPrimarySoft : colours::kSurface);
      ImGui::PushStyleColor(ImGuiCol_Text, on ? colours::kPrimary : colours::kInkMuted);
      const std::string lbl = std::string(text) + "###" + id;
      const float w = std::max(ImGui::CalcTextSize(text).x + ImGui::GetStyle().FramePadding.x * 2.0f, h);
      if (ImGui::Button(lbl.c_str(), ImVec2(w, h))) {  // square at least: a finger-sized target in touch mode
        setUiLang(l);
      }
      ImGui::PopStyleColor(2);
    };
    one("DE", "lang.de", Lang::De);
    ImGui::SameLine();
    one("EN", "lang.en", Lang::En);
    ImGui::PopStyleVar();
  }

  // ---------------------------------------------------------------------------------------------
  // Start screen
  // ---------------------------------------------------------------------------------------------
  void templateColumn(BoardKind kind, const char* titleKey, const char* whatKey, const char* newKey, float width) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 top = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::BeginGroup();
    const float pad = 20.0f;
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(top.x + width - pad);
    {
      const float big = ImGui::GetFontSize() * 1.35f;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      dl->AddText(fontForSize(big, true), big, p, colours::kInk, tr(titleKey));
      ImGui::Dummy(ImVec2(width - pad * 2.0f, big + 4.0f));
    }
    hintText(tr(whatKey));
    ImGui::Spacing();
    // The main button: the first template, in the UI language.
    const Lang lang = uiLang();
    const auto templates = listTemplates(lang);
    std::string firstId;
    for (const auto& t : templates) {
      if (t.kind == kind) {
        firstId = t.id;
        break;
      }
    }
    const std::string mainLabel =
        std::string(tr(newKey)) + "###" + newKey + (kind == BoardKind::EmpathyMap ? ".main" : ".main");
    if (!firstId.empty() && iconButton(mainLabel.c_str(), Icon::Plus, false, true, true)) {
      newBoard(kind, firstId, lang);
    }
    ImGui::Spacing();
    // Every template in both languages.
    for (const auto& t : templates) {
      if (t.kind != kind) {
        continue;
      }
      ImGui::PushID(t.id.c_str());
      {
        // A hairline across the card's inner width (ImGui::Separator would run to the window's edge).
        const ImVec2 at = ImGui::GetCursorScreenPos();
        dl->AddLine(ImVec2(top.x + pad, at.y), ImVec2(top.x + width - pad, at.y), colours::kBorder, 1.0f);
        ImGui::Dummy(ImVec2(0.0f, ImGui::GetStyle().ItemSpacing.y * 0.5f));
      }
      ImGui::TextUnformatted(t.name.c_str());
      hintText(t.description.c_str());
      const std::string base = std::string(tr(newKey)) + " · " + t.name;
      const std::string de = std::string("Deutsch###") + newKey + "." + t.id + ".de";
      const std::string en = std::string("English###") + newKey + "." + t.id + ".en";
      if (ImGui::Button(de.c_str(), ImVec2(0, minTarget()))) {
        newBoard(kind, t.id, Lang::De);
      }
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
        ImGui::SetTooltip("%s (%s)", base.c_str(), tr("start.inGerman"));
      }
      ImGui::SameLine();
      if (ImGui::Button(en.c_str(), ImVec2(0, minTarget()))) {
        newBoard(kind, t.id, Lang::En);
      }
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
        ImGui::SetTooltip("%s (%s)", base.c_str(), tr("start.inEnglish"));
      }
      ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    const ImVec2 end = ImGui::GetItemRectMax();
    ImGui::EndGroup();
    const ImVec2 bottom(top.x + width, end.y + pad);
    dl->ChannelsSetCurrent(0);
    drawShadow(dl, top, bottom, 14.0f, 8.0f);
    dl->AddRectFilled(top, bottom, colours::kSurface, 14.0f);
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(top);
    ImGui::Dummy(ImVec2(width, bottom.y - top.y));
  }

  void startScreen() {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float maxW = 1040.0f;
    const float width = std::min(avail.x, maxW);
    const float left = ImGui::GetCursorPosX() + (avail.x - width) * 0.5f;

    // Header row: brand + language switch.
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    {
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float big = ImGui::GetFontSize() * 2.4f;
      // Logo: two overlapping sticky notes.
      dl->AddRectFilled(ImVec2(p.x, p.y + 6), ImVec2(p.x + big * 0.8f, p.y + 6 + big * 0.8f), noteColour(0).fill, 6.0f);
      dl->AddRectFilled(ImVec2(p.x + big * 0.35f, p.y + 6 + big * 0.3f),
                        ImVec2(p.x + big * 1.15f, p.y + 6 + big * 1.1f), noteColour(3).fill, 6.0f);
      dl->AddText(fontForSize(big, true), big, ImVec2(p.x + big * 1.4f, p.y + big * 0.1f), colours::kInk,
                  tr("app.name"));
      const float langW = languageSwitchWidth();
      ImGui::Dummy(ImVec2(width - langW - 12.0f, big * 1.3f));
      ImGui::SameLine(width - langW);  // inside the group: relative to its left edge
      languageSwitch();
    }
    ImGui::SetCursorPosX(left);
    ImGui::PushTextWrapPos(left + width);
    hintText(tr("start.tagline"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Spacing();

    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    drawMessages(width);
    ImGui::EndGroup();
    ImGui::Spacing();

    const bool twoColumns = width > 640.0f;
    const float gap = 24.0f;
    const float colW = twoColumns ? (width - gap) * 0.5f : width;
    ImGui::SetCursorPosX(left);
    const ImVec2 rowTop = ImGui::GetCursorScreenPos();
    templateColumn(BoardKind::EmpathyMap, "start.empathy.title", "start.empathy.what", "start.newEmpathy", colW);
    float afterFirst = ImGui::GetCursorScreenPos().y;
    if (twoColumns) {
      ImGui::SetCursorScreenPos(ImVec2(rowTop.x + colW + gap, rowTop.y));
    } else {
      ImGui::SetCursorPosX(left);
      ImGui::Dummy(ImVec2(0, gap * 0.5f));
      ImGui::SetCursorPosX(left);
    }
    templateColumn(BoardKind::Journey, "start.journey.title", "start.journey.what", "start.newJourney", colW);
    afterFirst = std::max(afterFirst, ImGui::GetCursorScreenPos().y);
    ImGui::SetCursorScreenPos(ImVec2(rowTop.x, afterFirst + gap));

    // Open and recent.
    ImGui::SetCursorPosX(left);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(left + width);
    ImGui::TextUnformatted(tr("start.openTitle"));
    hintText(tr("start.openHint"));
    if (iconButton(label("start.open").c_str(), Icon::Download)) {
      host.pickFile();
    }
    ImGui::SameLine();
    if (iconButton(label("start.paste").c_str(), Icon::Share)) {
      openPaste = true;
      pasteBuffer.clear();
    }
    ImGui::Spacing();
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("start.recent"));
    bool any = false;
    if (doc) {
      any = true;
      recentRow(doc->board(), true, -1);
    }
    for (std::size_t i = 0; i < recent.size(); ++i) {
      any = true;
      if (recentRow(recent[i].board, false, static_cast<int>(i))) {
        break;  // the list changed
      }
    }
    for (const UnopenableBoard& u : unopenable) {
      any = true;
      unopenableRow(u);
    }
    if (!any) {
      hintText(tr("start.recentNone"));
    }
    ImGui::Spacing();
    hintText(tr("start.privacy"));
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(0, 24.0f));
  }

  // One row in "Boards on this device"; returns true when it changed the list.
  bool recentRow(const Board& b, bool current, int index) {
    ImGui::PushID(current ? "current" : b.id.c_str());
    const int noteCount = static_cast<int>(b.notes.size());
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextUnformatted(b.title.empty() ? tr("start.untitled") : b.title.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("· %s%s%s", formatInt(tr("start.notes"), noteCount).c_str(), current ? " · " : "",
                        current ? tr("start.current") : "");
    ImGui::SameLine();
    bool changed = false;
    if (ImGui::Button(label("start.continue").c_str())) {
      if (current) {
        screen = Screen::Board;
      } else {
        Board copy = recent[static_cast<std::size_t>(index)].board;
        putAsideCurrent();
        open(std::move(copy));
        changed = true;
      }
    }
    ImGui::SameLine();
    if (ImGui::Button(label("library.rename").c_str())) {
      renameIndex = index;
      renameBuffer = b.title;
      openRename = true;
    }
    ImGui::SameLine();
    if (!changed && ImGui::Button(label("library.duplicate").c_str())) {
      Board copy = b;
      copy.id = toBase36(host.random64(), 10);
      copy.title = (b.title.empty() ? std::string(tr("start.untitled")) : b.title) + tr("library.copySuffix");
      copy.modifiedAt = host.nowMs();
      recent.insert(recent.begin(), RecentBoard{std::move(copy)});
      changed = true;
    }
    ImGui::SameLine();
    if (!changed && ImGui::Button(label("library.delete").c_str())) {
      deleteIndex = index;
      openDelete = true;
    }
    ImGui::PopID();
    return changed;
  }

  // A stored board this app cannot open: its title and why, without any button that could change it.
  static void unopenableRow(const UnopenableBoard& u) {
    ImGui::PushID(u.id.c_str());
    const std::string title = u.title.empty() ? std::string(tr("start.untitled")) : u.title;
    const std::string why = u.newerVersion.empty() ? std::string(tr("library.unreadableRow"))
                                                   : format(tr("library.newerRow"), u.newerVersion);
    ImGui::BeginGroup();
    ImGui::Bullet();
    ImGui::SameLine();
    ImGui::TextUnformatted(title.c_str());
    ImGui::SameLine();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colours::kDanger), "· %s", why.c_str());
    ImGui::EndGroup();
    // The row as one labelled item over the text, so tests and automation can read it (text has no ID).
    const ImVec2 rowMin = ImGui::GetItemRectMin();
    const ImVec2 rowSize = ImGui::GetItemRectSize();
    ImGui::SetCursorScreenPos(rowMin);
    ImGui::InvisibleButton((title + " · " + why + "###library.unopenable").c_str(), rowSize);
    ImGui::PopID();
  }

  // The board a library dialog acts on: the open one (-1) or one put aside; nullptr when gone.
  const Board* libraryBoard(int index) const {
    if (index == -1) {
      return doc ? &doc->board() : nullptr;
    }
    if (index >= 0 && static_cast<std::size_t>(index) < recent.size()) {
      return &recent[static_cast<std::size_t>(index)].board;
    }
    return nullptr;
  }

  void libraryDialogs() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (openRename) {
      ImGui::OpenPopup("###library.renameDialog");
      openRename = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, display.x - 24.0f), 0.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.35f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    std::string title = std::string(tr("library.renameTitle")) + "###library.renameDialog";
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
      if (ImGui::IsWindowAppearing()) {
        ImGui::SetKeyboardFocusHere();
      }
      ImGui::SetNextItemWidth(-1);
      const bool enter = inputText("##library.renameText", &renameBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
      bool close = false;
      if (ImGui::Button(label("common.ok", "rename").c_str(), ImVec2(0, minTarget())) || enter) {
        if (renameIndex == -1 && doc) {
          doc->setTitle(renameBuffer);
          titleBuffer = doc->board().title;
        } else if (libraryBoard(renameIndex) != nullptr) {
          Board& b = recent[static_cast<std::size_t>(renameIndex)].board;
          b.title = renameBuffer;
          b.modifiedAt = host.nowMs();
        }
        close = true;
      }
      ImGui::SameLine();
      if (ImGui::Button(label("common.cancel", "rename").c_str(), ImVec2(0, minTarget())) ||
          ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close = true;
      }
      if (close) {
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }

    if (openDelete) {
      ImGui::OpenPopup("###library.deleteDialog");
      openDelete = false;
    }
    ImGui::SetNextWindowSize(ImVec2(std::min(480.0f, display.x - 24.0f), 0.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.35f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    title = std::string(tr("library.deleteTitle")) + "###library.deleteDialog";
    if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
      const Board* b = libraryBoard(deleteIndex);
      if (b != nullptr) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(
            format(tr("library.deleteQuestion"), b->title.empty() ? tr("start.untitled") : b->title).c_str());
        ImGui::PopTextWrapPos();
      }
      bool close = b == nullptr;
      if (b != nullptr && ImGui::Button(label("library.deleteConfirm").c_str(), ImVec2(0, minTarget()))) {
        if (deleteIndex == -1) {
          doc.reset();
          screen = Screen::Start;
        } else {
          recent.erase(recent.begin() + deleteIndex);
        }
        close = true;
      }
      ImGui::SameLine();
      if (ImGui::Button(label("common.cancel", "delete").c_str(), ImVec2(0, minTarget())) ||
          ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        close = true;
      }
      if (close) {
        ImGui::CloseCurrentPopup();
      }
      ImGui::EndPopup();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Board screen
  // ---------------------------------------------------------------------------------------------
  // A thin vertical rule between toolbar groups.
  static void toolbarRule(float h) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(1.0f, h));
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y + h * 0.22f), ImVec2(p.x, p.y + h * 0.78f), colours::kBorder,
                                        1.0f);
  }

  float languageSwitchWidth() const {
    const float pad = ImGui::GetStyle().FramePadding.x * 2.0f;
    const float h = std::max(minTarget(), ImGui::GetFrameHeight());
    return std::max(ImGui::CalcTextSize("DE").x + pad, h) + std::max(ImGui::CalcTextSize("EN").x + pad, h) + 2.0f;
  }

  void toolbar() {
    Document& d = *doc;
    const float h = std::max(minTarget(), ImGui::GetFrameHeight());
    constexpr float kSpacing = 6.0f;
    constexpr float kMinTitle = 220.0f;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(kSpacing, 6));

    std::string actionsLabel = std::string(tr("toolbar.actions"));
    if (!d.board().actions.empty()) {
      actionsLabel += " (" + std::to_string(d.board().actions.size()) + ")";
    }
    actionsLabel += "###toolbar.actions";
    const std::string backLabel = label("toolbar.back");
    const std::string filterLabel = label("toolbar.filter");
    const std::string textViewLabel = label("export.textView");
    const std::string workshopLabel = label("workshop.toolbar");
    const std::string shareLabel = label("toolbar.share");

    // What fits: at level 0 every button shows its text; each level turns more of them into icons (with
    // tooltips and the same labels), so tablets and narrow windows never get overlapping buttons and the
    // title keeps room: 1 text view and workshop, 2 filter and actions, 3 back, 4 share.
    const float pctW = ImGui::CalcTextSize("000%").x;
    const float iconW = iconButtonWidth("x", true);
    auto rightWidth = [&](int level) {
      return iconW + languageSwitchWidth() + iconButtonWidth(shareLabel.c_str(), level >= 4) + kSpacing * 2.0f;
    };
    auto leftWidth = [&](int level) {
      return iconButtonWidth(backLabel.c_str(), level >= 3) + iconW * 5.0f + pctW +
             iconButtonWidth(filterLabel.c_str(), level >= 2) + iconButtonWidth(actionsLabel.c_str(), level >= 2) +
             iconButtonWidth(textViewLabel.c_str(), level >= 1) + iconButtonWidth(workshopLabel.c_str(), level >= 1) +
             3.0f + kSpacing * 15.0f;
    };
    const float avail = ImGui::GetContentRegionAvail().x;
    int level = 0;
    while (level < 4 && avail - leftWidth(level) - rightWidth(level) - 12.0f < kMinTitle) {
      ++level;
    }
    const bool compact = level >= 2;
    const float titleW = std::clamp(avail - leftWidth(level) - rightWidth(level) - 12.0f, kMinTitle, 360.0f);

    if (iconButtonTip(backLabel.c_str(), Icon::Back, tr("toolbar.backTip"), level >= 3)) {
      if (titleActive) {
        d.endGesture();
      }
      cards.stopEditing(*ctxFor());
      screen = Screen::Start;
    }
    ImGui::SameLine();
    // Editable title.
    if (!titleActive && titleBuffer != d.board().title) {
      titleBuffer = d.board().title;
    }
    ImGui::SetNextItemWidth(titleW);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        ImVec2(ImGui::GetStyle().FramePadding.x, (h - ImGui::GetFontSize()) * 0.5f));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    if (inputTextWithHint("##toolbar.title", tr("start.untitled"), &titleBuffer)) {
      d.setTitle(titleBuffer);
    }
    titleActive = ImGui::IsItemActive();
    if (ImGui::IsItemDeactivated()) {
      d.endGesture();
    }
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal) && !titleActive) {
      ImGui::SetTooltip("%s", tr("toolbar.title"));
    }
    ImGui::SameLine();
    toolbarRule(h);
    ImGui::SameLine();
    if (iconButtonTip(label("toolbar.undo").c_str(), Icon::Undo, tr("toolbar.undoTip"), true, d.canUndo())) {
      cards.stopEditing(*ctxFor());
      d.undo();
    }
    ImGui::SameLine();
    if (iconButtonTip(label("toolbar.redo").c_str(), Icon::Redo, tr("toolbar.redoTip"), true, d.canRedo())) {
      cards.stopEditing(*ctxFor());
      d.redo();
    }
    ImGui::SameLine();
    toolbarRule(h);
    ImGui::SameLine();
    if (iconButton(label("toolbar.zoomOut").c_str(), Icon::Minus, true)) {
      canvas.zoomBy(1.0f / 1.25f);
    }
    ImGui::SameLine();
    {
      char pct[16];
      std::snprintf(pct, sizeof pct, "%d%%", static_cast<int>(canvas.zoom() * 100.0f + 0.5f));
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(pctW, h));
      ImGui::GetWindowDrawList()->AddText(
          ImVec2(p.x + (pctW - ImGui::CalcTextSize(pct).x) * 0.5f, p.y + (h - ImGui::GetFontSize()) * 0.5f),
          colours::kInkMuted, pct);
    }
    ImGui::SameLine();
    if (iconButton(label("toolbar.zoomIn").c_str(), Icon::Plus, true)) {
      canvas.zoomBy(1.25f);
    }
    ImGui::SameLine();
    if (iconButtonTip(label("toolbar.fit").c_str(), Icon::Fit, tr("toolbar.fitTip"), true)) {
      canvas.fitContent();
    }
    ImGui::SameLine();
    toolbarRule(h);
    ImGui::SameLine();
    if (iconButton(filterLabel.c_str(), Icon::Filter, compact, true, false)) {
      showFilter = !showFilter;
    }
    if (filter.active()) {
      const ImVec2 mx = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(mx.x - 6, ImGui::GetItemRectMin().y + 6), 4.0f,
                                                  colours::kPrimary);
    }
    ImGui::SameLine();
    if (iconButton(actionsLabel.c_str(), Icon::Action, compact)) {
      showActions = !showActions;
    }
    ImGui::SameLine();
    // issue 9: the accessible text view, one click away (export_menu's textViewButton, as an icon when narrow)
    if (level >= 1 ? iconButtonTip(textViewLabel.c_str(), Icon::TextView, tr("export.textViewTip"), true)
                   : textViewButton()) {
      ui::openTextView(host, d.board());
    }
    ImGui::SameLine();
    workshop.toolbarButton(level >= 1);  // issue 8

    // Right side, flush with the edge: touch toggle, language, share.
    ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 12.0f, ImGui::GetWindowContentRegionMax().x - rightWidth(level)));
    if (iconButtonTip(label("toolbar.touch").c_str(), Icon::Touch, tr("toolbar.touchTip"), true)) {
      touch = !touch;
      applyStyle(touch);
    }
    if (touch) {  // on: a soft background and an indigo bar under the icon
      const ImVec2 a = ImGui::GetItemRectMin();
      const ImVec2 b = ImGui::GetItemRectMax();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      dl->AddRectFilled(a, b, withAlpha(colours::kPrimarySoft, 0.7f), ImGui::GetStyle().FrameRounding);
      dl->AddLine(ImVec2(a.x + 10.0f, b.y - 2.0f), ImVec2(b.x - 10.0f, b.y - 2.0f), colours::kPrimary, 3.0f);
      drawIcon(dl, Icon::Touch, ImVec2(a.x + (b.x - a.x - ImGui::GetFontSize() * 1.1f) * 0.5f,
                                       a.y + (b.y - a.y - ImGui::GetFontSize() * 1.1f) * 0.5f),
               std::round(ImGui::GetFontSize() * 1.1f), colours::kPrimary);
    }
    ImGui::SameLine();
    languageSwitch();
    ImGui::SameLine();
    if (iconButton(shareLabel.c_str(), Icon::Share, level >= 4, true, true)) {
      openShare = true;
    }
    ImGui::PopStyleVar();
  }

  void filterBar() {
    const Board& b = doc->board();
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 6));
    const float h = std::max(minTarget(), ImGui::GetFrameHeight());
    ImGui::SetNextItemWidth(240.0f);
    inputTextWithHint("##filter.search", tr("filter.search"), &filter.text);
    ImGui::SameLine();
    // Tags in use.
    std::vector<std::string> tags;
    for (const auto& n : b.notes) {
      for (const auto& t : n.tags) {
        if (std::find(tags.begin(), tags.end(), t) == tags.end()) {
          tags.push_back(t);
        }
      }
    }
    std::sort(tags.begin(), tags.end());
    ImGui::SetNextItemWidth(160.0f);
    if (ImGui::BeginCombo("##filter.tag", filter.tag.empty() ? tr("filter.anyTag") : filter.tag.c_str())) {
      if (ImGui::Selectable(tr("filter.anyTag"), filter.tag.empty())) {
        filter.tag.clear();
      }
      for (const auto& t : tags) {
        if (ImGui::Selectable(("#" + t + "###tag." + t).c_str(), filter.tag == t)) {
          filter.tag = t;
        }
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    // Colour swatches.
    for (int c = -1; c < kPaletteSize; ++c) {
      ImGui::PushID(c);
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float s = h;
      const std::string id = c < 0 ? label("filter.anyColour") : std::string(tr(("colour." + std::to_string(c)).c_str())) +
                                                                     "###filter.colour." + std::to_string(c);
      if (ImGui::InvisibleButton(id.c_str(), ImVec2(s * 0.8f, s))) {
        filter.colour = c;
      }
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 cc(p.x + s * 0.4f, p.y + s * 0.5f);
      const float r = s * 0.26f;
      if (c < 0) {
        dl->AddCircle(cc, r, colours::kInkMuted, 20, 1.5f);
        dl->AddLine(ImVec2(cc.x - r * 0.7f, cc.y + r * 0.7f), ImVec2(cc.x + r * 0.7f, cc.y - r * 0.7f), colours::kInkMuted,
                    1.5f);
      } else {
        dl->AddCircleFilled(cc, r, noteColour(c).fill);
        dl->AddCircle(cc, r, noteColour(c).accent, 20, 1.0f);
      }
      if (filter.colour == c) {
        dl->AddCircle(cc, r + 3.5f, colours::kPrimary, 24, 2.0f);
      }
      if (ImGui::IsItemHovered(ImGuiHoveredFlags_DelayNormal)) {
        ImGui::SetTooltip("%s", c < 0 ? tr("filter.anyColour") : tr(("colour." + std::to_string(c)).c_str()));
      }
      ImGui::PopID();
      ImGui::SameLine(0, 0);
    }
    ImGui::SameLine(0, 8);
    ImGui::SetNextItemWidth(200.0f);
    const char* evLabel = !filter.evidence ? tr("filter.any")
                          : *filter.evidence == Evidence::Observed ? tr("note.observed")
                                                                    : tr("note.assumed");
    if (ImGui::BeginCombo("##filter.evidence", evLabel)) {
      if (ImGui::Selectable(label("filter.any").c_str(), !filter.evidence)) {
        filter.evidence.reset();
      }
      if (ImGui::Selectable(label("note.observed").c_str(), filter.evidence == Evidence::Observed)) {
        filter.evidence = Evidence::Observed;
      }
      if (ImGui::Selectable(label("note.assumed").c_str(), filter.evidence == Evidence::Assumed)) {
        filter.evidence = Evidence::Assumed;
      }
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (iconButton(label("filter.clear").c_str(), Icon::Close, false, filter.active())) {
      filter = NoteFilter();
    }
    if (filter.active()) {
      int matching = 0;
      for (const auto& n : b.notes) {
        matching += filter.matches(n) ? 1 : 0;
      }
      ImGui::SameLine();
      ImGui::AlignTextToFramePadding();
      char buf[128];
      std::snprintf(buf, sizeof buf, tr("filter.matches"), matching, static_cast<int>(b.notes.size()));
      ImGui::TextDisabled("%s", buf);
    }
    ImGui::PopStyleVar();
  }

  std::unique_ptr<EditorContext> ctx_;
  EditorContext* ctxFor() {
    ctx_ = std::make_unique<EditorContext>(EditorContext{*doc, host, canvas, cards, filter});
    ctx_->canvasSize = ImVec2(canvasWidth(), ImGui::GetContentRegionAvail().y);
    if (workshop.decoratesCards(doc->board())) {  // issue 8: dot controls, merge highlights
      ctx_->cardOverlay = [this](EditorContext& c, const Note& n, ImVec2 a, ImVec2 b, bool interact) {
        workshop.decorateCard(c, n, a, b, interact);
      };
    }
    return ctx_.get();
  }

  void actionsPanel(float width, float height) {
    Document& d = *doc;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(14, 12));
    ImGui::BeginChild("##actions-panel", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    {
      const float big = ImGui::GetFontSize() * 1.2f;
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), big, p, colours::kInk, tr("actions.title"));
      ImGui::Dummy(ImVec2(10, big + 2));
      ImGui::SameLine(ImGui::GetContentRegionMax().x - minTarget());
      if (iconButton(label("common.close", "actions").c_str(), Icon::Close, true)) {
        showActions = false;
      }
    }
    hintText(tr("actions.explain"));
    if (iconButton(label("actions.add").c_str(), Icon::Plus)) {
      d.addAction("");
    }
    ImGui::Separator();
    const auto& actions = d.board().actions;
    if (actions.empty()) {
      hintText(tr("actions.none"));
    }
    std::string toDelete;
    for (const auto& a : actions) {
      ImGui::PushID(a.id.c_str());
      std::string text = a.text;
      ImGui::SetNextItemWidth(-1);
      if (inputTextMultiline("##action.text", &text, ImVec2(-1, ImGui::GetTextLineHeight() * 2.6f))) {
        d.setActionText(a.id, text);
      }
      if (ImGui::IsItemDeactivated()) {
        d.endGesture();
      }
      std::string owner = a.owner;
      ImGui::SetNextItemWidth(std::max(80.0f, ImGui::GetContentRegionAvail().x * 0.45f));
      if (inputTextWithHint("##action.owner", tr("actions.owner"), &owner)) {
        d.setActionOwner(a.id, owner);
      }
      if (ImGui::IsItemDeactivated()) {
        d.endGesture();
      }
      ImGui::SameLine();
      const ActionStatus statuses[] = {ActionStatus::Open, ActionStatus::Doing, ActionStatus::Done};
      const char* keys[] = {"actions.open", "actions.doing", "actions.done"};
      ImGui::SetNextItemWidth(-1);
      int cur = static_cast<int>(a.status);
      if (ImGui::BeginCombo("##action.status", tr(keys[cur]))) {
        for (int i = 0; i < 3; ++i) {
          if (ImGui::Selectable(label(keys[i]).c_str(), cur == i)) {
            d.setActionStatus(a.id, statuses[i]);
          }
        }
        ImGui::EndCombo();
      }
      for (const auto& nid : a.notes) {
        const Note* n = findNote(d.board(), nid);
        if (n == nullptr) {
          continue;
        }
        ImGui::PushID(nid.c_str());
        std::string preview = n->text.substr(0, 60);
        if (n->text.size() > 60) {
          preview += "…";
        }
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - 90.0f);
        ImGui::TextDisabled("%s", format(tr("actions.from"), preview).c_str());
        ImGui::PopTextWrapPos();
        ImGui::SameLine();
        if (ImGui::SmallButton(label("actions.show").c_str())) {
          focusNote = nid;
          cards.select(nid);
        }
        ImGui::PopID();
      }
      if (ImGui::SmallButton(label("actions.delete").c_str())) {
        toDelete = a.id;
      }
      ImGui::Separator();
      ImGui::PopID();
    }
    if (!toDelete.empty()) {
      d.deleteAction(toDelete);
    }
    ImGui::EndChild();
  }

  void createActionFrom(const std::string& noteId) {
    const Note* n = findNote(doc->board(), noteId);
    if (n == nullptr) {
      return;
    }
    std::string text = n->text;
    if (text.size() > 120) {
      text = text.substr(0, 120);
    }
    const std::string id = doc->addAction(format(tr("actions.newText"), text), {noteId});
    if (!id.empty()) {
      showActions = true;
      post(MessageKind::Success, tr("msg.actionCreated"));
    }
  }

  void boardScreen() {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (workshop.presenting()) {  // issue 8: read-only, large type, instead of toolbar and canvas
      cards.stopEditing(*ctxFor());
      workshop.drawPresentation(*doc, avail);
      workshop.drawOverlay(*doc, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
      return;
    }
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colours::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 8));
    const float barH = std::max(minTarget(), ImGui::GetFrameHeight()) + 16.0f;
    ImGui::BeginChild("##toolbar", ImVec2(avail.x, barH), ImGuiChildFlags_AlwaysUseWindowPadding,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    toolbar();
    ImGui::EndChild();
    if (showFilter) {
      ImGui::BeginChild("##filterbar", ImVec2(avail.x, barH), ImGuiChildFlags_AlwaysUseWindowPadding,
                        ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
      filterBar();
      ImGui::EndChild();
    }
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
    {
      // Hairline under the bars.
      const ImVec2 p = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y - 1), ImVec2(p.x + avail.x, p.y - 1), colours::kBorder);
    }
    if (!messages.empty()) {
      ImGui::Indent(8.0f);
      ImGui::Dummy(ImVec2(0, 2));
      drawMessages(avail.x - 16.0f);
      ImGui::Unindent(8.0f);
    }

    const ImVec2 rest = ImGui::GetContentRegionAvail();
    const float panelW = showActions ? std::min(360.0f, rest.x * 0.45f) : 0.0f;
    EditorContext& ctx = *ctxFor();
    const ImVec2 canvasPos = ImGui::GetCursorScreenPos();
    ImGui::SetNextWindowPos(canvasPos);  // no-op for children, kept for clarity of layout
    (void)canvasPos;

    ImGui::BeginGroup();
    cards.beginFrame(ctx);
    if (doc->board().kind == BoardKind::EmpathyMap) {
      drawEmpathyView(ctx, empathy);
    } else {
      drawJourneyView(ctx);
    }
    cards.endFrame(ctx);
    ImGui::EndGroup();
    workshop.drawOverlay(*doc, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());  // countdown, dots left
    (void)rest;
    if (!focusNote.empty()) {
      if (auto c = cards.lastWorldCentre(focusNote)) {
        canvas.centreOn(*c);
      }
      focusNote.clear();
    }
    const std::string req = cards.takeActionRequest();
    if (!req.empty()) {
      createActionFrom(req);
    }
    if (showActions) {
      ImGui::SameLine(0, 0);
      actionsPanel(panelW, rest.y);
    }
    if (workshop.open()) {
      ImGui::SameLine(0, 0);
      workshop.drawPanel(ctx, workshopPanelWidth(rest.x), rest.y);
    }
  }

  // The workshop panel's width in a board area `full` wide (0 when closed).
  float workshopPanelWidth(float full) const { return workshop.open() ? std::min(380.0f, full * 0.4f) : 0.0f; }

  // The canvas width the views may use (leaves room for the actions and workshop panels).
  float canvasWidth() const {
    const float full = ImGui::GetContentRegionAvail().x;
    return (showActions ? full - std::min(360.0f, full * 0.45f) : full) - workshopPanelWidth(full);
  }

  // ---------------------------------------------------------------------------------------------
  // Dialogs
  // ---------------------------------------------------------------------------------------------
  void shareDialog() {
    if (openShare) {
      ImGui::OpenPopup("###share");
      openShare = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // Centred and never taller than the screen (the outputs make it long; it scrolls on small screens).
    const float shareW = std::min(560.0f, display.x - 24.0f);
    ImGui::SetNextWindowSize(ImVec2(shareW, 0.0f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(shareW, 0.0f), ImVec2(shareW, std::max(200.0f, display.y - 32.0f)));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("share.title")) + "###share";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
      return;
    }
    if (!doc) {
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
      return;
    }
    const std::string url = link();
    hintText(tr("share.explain"));
    std::string shown = url;
    ImGui::SetNextItemWidth(-1);
    inputText("##share.link", &shown, ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
    // Size meter.
    const int n = static_cast<int>(url.size());
    const int band = n <= kQrMaxChars ? 0 : n <= kChatMaxChars ? 1 : 2;
    const ImU32 col = band == 0 ? colours::kSuccess : band == 1 ? colours::kWarning : colours::kDanger;
    {
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const float w = ImGui::GetContentRegionAvail().x;
      const float bh = 8.0f;
      const float scaleMax = static_cast<float>(kChatMaxChars) * 1.5f;
      dl->AddRectFilled(p, ImVec2(p.x + w, p.y + bh), IM_COL32(235, 238, 242, 255), bh * 0.5f);
      const float qrX = p.x + w * static_cast<float>(kQrMaxChars) / scaleMax;
      const float chatX = p.x + w * static_cast<float>(kChatMaxChars) / scaleMax;
      const float fill = std::min(1.0f, static_cast<float>(n) / scaleMax);
      dl->AddRectFilled(p, ImVec2(p.x + std::max(bh, w * fill), p.y + bh), col, bh * 0.5f);
      dl->AddLine(ImVec2(qrX, p.y - 3), ImVec2(qrX, p.y + bh + 3), colours::kInkMuted, 1.5f);
      dl->AddLine(ImVec2(chatX, p.y - 3), ImVec2(chatX, p.y + bh + 3), colours::kInkMuted, 1.5f);
      ImGui::Dummy(ImVec2(w, bh + 6));
    }
    ImGui::TextUnformatted(formatInt(tr("share.length"), n).c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    if (band == 0) {
      ImGui::TextWrapped("%s", formatInt(tr("share.qr"), kQrMaxChars).c_str());
    } else if (band == 1) {
      ImGui::TextWrapped("%s", formatInt(tr("share.chat"), kChatMaxChars).c_str());
    } else {
      ImGui::TextWrapped("%s", formatInt(tr("share.tooLong"), kChatMaxChars).c_str());
    }
    ImGui::PopStyleColor();
    ImGui::Spacing();
    if (iconButton(label("share.copy").c_str(), Icon::Copy, false, true, band < 2)) {
      host.setClipboardText(url);
      post(MessageKind::Success, tr("msg.copied"));
    }
    if (host.canShareNatively()) {
      ImGui::SameLine();
      if (iconButton(label("library.shareNative").c_str(), Icon::Share)) {
        host.shareNatively(doc->board().title, url);
      }
    }
    if (band == 0) {  // issue 8: the link as a QR code, large enough to scan from a projector
      ImGui::SameLine();
      qrFullScreenButton("share.qr", url);
      hintText(tr("share.qrCaption"));
      // As large as the screen allows next to the rest of the dialog (which scrolls on small screens).
      const float side = std::clamp(display.y - 560.0f, 240.0f, std::max(240.0f, std::min(ImGui::GetContentRegionAvail().x, 460.0f)));
      ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) * 0.5f);
      qrCodeWidget("share.qr", url, side);
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(tr("share.files"));
    if (iconButton(label("share.downloadJson").c_str(), Icon::Download, false, true, band == 2)) {
      downloadJson();
    }
    ImGui::SameLine();
    if (iconButton(label("share.downloadMarkdown").c_str(), Icon::Download)) {
      downloadMarkdown();
    }
    ImGui::Spacing();
    exportButtons(host, doc->board(), exportMenu);  // issue 9: PNG, SVG, CSV, print, text view
    ImGui::Spacing();
    if (ImGui::Button(label("common.close", "share").c_str(), ImVec2(-1, minTarget())) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  void downloadJson() {
    host.downloadFile(fileStem(doc->board().title) + ".json", "application/json", saveJson(doc->board(), true));
  }
  void downloadMarkdown() {
    host.downloadFile(fileStem(doc->board().title) + ".md", "text/markdown", exportMarkdown(doc->board()));
  }

  void pasteDialog() {
    if (openPaste) {
      ImGui::OpenPopup("###paste");
      openPaste = false;
    }
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize(ImVec2(std::min(520.0f, display.x - 24.0f), 0.0f));
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.35f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const std::string title = std::string(tr("paste.title")) + "###paste";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
      return;
    }
    hintText(tr("paste.hint"));
    if (ImGui::IsWindowAppearing()) {
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = inputTextWithHint("##paste.link", "https://…/#…", &pasteBuffer,
                                         ImGuiInputTextFlags_EnterReturnsTrue);
    bool close = false;
    if (iconButton(label("paste.open").c_str(), Icon::Check, false, !pasteBuffer.empty(), true) ||
        (enter && !pasteBuffer.empty())) {
      std::string err;
      // On failure openLink posts a message; the dialog closes either way so the banner is visible.
      openLinkImpl(pasteBuffer, &err);
      close = true;
    }
    ImGui::SameLine();
    if (ImGui::Button(label("common.cancel", "paste").c_str(), ImVec2(0, minTarget())) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
      close = true;
    }
    if (close) {
      ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
  }

  bool openLinkImpl(const std::string& url, std::string* error) {
    auto decoded = decodeLink(url);
    if (!decoded) {
      if (error != nullptr) {
        *error = decoded.error();
      }
      post(MessageKind::Error, format(tr("msg.badLink"), decoded.error()));
      return false;
    }
    replaceWith(std::move(decoded.value()), true);
    return true;
  }

  bool openFileImpl(const std::string& name, const std::string& text, std::string* error) {
    std::size_t i = 0;
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF) {
      i = 3;  // UTF-8 byte-order mark
    }
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) {
      ++i;
    }
    const bool looksJson = i < text.size() && text[i] == '{';
    const bool markdownName = endsWith(name, ".md") || endsWith(name, ".markdown") || endsWith(name, ".txt");
    Result<Board> loaded = (looksJson && !markdownName) ? loadJson(text) : importMarkdown(text);
    if (!loaded) {
      if (error != nullptr) {
        *error = loaded.error();
      }
      post(MessageKind::Error, format(tr("msg.badFile"), name, loaded.error()));
      return false;
    }
    replaceWith(std::move(loaded.value()), true);
    return true;
  }

  void frame() {
    ensureStyle();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const bool onStart = screen == Screen::Start || !doc;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, onStart ? colours::kCanvas : colours::kSurface);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, onStart ? ImVec2(24, 24) : ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::Begin("Mapathy###mapathy-main", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | (onStart ? 0 : ImGuiWindowFlags_NoScrollbar) |
                     (onStart ? 0 : ImGuiWindowFlags_NoScrollWithMouse));
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
    if (onStart) {
      startScreen();
      libraryDialogs();
    } else {
      if (!workshop.presenting()) {  // presentation mode is read-only: no edit shortcuts
        shortcuts();
      }
      boardScreen();
    }
    shareDialog();
    pasteDialog();
    workshop.dialogs(doc.get());  // issue 8: merge links, send back
    ImGui::End();
  }
};

// ------------------------------------------------------------------------------------------------
// App
// ------------------------------------------------------------------------------------------------
App::App(Host& host) : impl_(std::make_unique<Impl>(host)) {}
App::~App() = default;

void App::frame() { impl_->frame(); }

std::string App::documentJson() const { return impl_->doc ? saveJson(impl_->doc->board()) : std::string(); }

std::string App::shareLink() const { return impl_->link(); }

bool App::openLink(const std::string& url, std::string* error) { return impl_->openLinkImpl(url, error); }

bool App::openFileText(const std::string& name, const std::string& text, std::string* error) {
  return impl_->openFileImpl(name, text, error);
}

bool App::openTextView() {
  if (!impl_->doc) return false;
  ui::openTextView(impl_->host, impl_->doc->board());
  return true;
}

bool App::wantsAnimationFrames() const {
  return impl_->canvas.panning() || impl_->cards.dragging() || impl_->workshop.wantsAnimationFrames();
}

Document* App::document() { return impl_->doc.get(); }
const Document* App::document() const { return impl_->doc.get(); }
Screen App::screen() const { return impl_->doc ? impl_->screen : Screen::Start; }
const std::vector<RecentBoard>& App::recentBoards() const { return impl_->recent; }
const std::vector<Message>& App::messages() const { return impl_->messages; }
const std::vector<UnopenableBoard>& App::unopenableBoards() const { return impl_->unopenable; }
bool App::newBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  return impl_->newBoard(kind, templateId, lang);
}
void App::restoreLibrary(std::vector<Board> boards, const std::string& openId,
                         std::vector<UnopenableBoard> unopenable) {
  Impl& m = *impl_;
  for (UnopenableBoard& u : unopenable) {
    if (std::none_of(m.unopenable.begin(), m.unopenable.end(), [&](const UnopenableBoard& k) { return k.id == u.id; })) {
      m.unopenable.push_back(std::move(u));
    }
  }
  std::stable_sort(boards.begin(), boards.end(),
                   [](const Board& a, const Board& b) { return a.modifiedAt > b.modifiedAt; });
  for (Board& b : boards) {
    if (b.id == openId && !m.doc) {
      m.open(std::move(b));
      m.fromLibrary = true;
    } else if (std::none_of(m.recent.begin(), m.recent.end(), [&](const RecentBoard& r) { return r.board.id == b.id; })) {
      m.recent.push_back(RecentBoard{std::move(b)});
    }
  }
}
void App::showMessage(MessageKind kind, const std::string& text) { impl_->post(kind, text); }
void App::zoomAt(float factor, float screenX, float screenY) {
  impl_->canvas.zoomAt(factor, ImVec2(screenX, screenY));
}
float App::zoom() const { return impl_->canvas.zoom(); }
void App::setTouchMode(bool touch) {
  impl_->touch = touch;
  impl_->styleApplied = false;
}
bool App::touchMode() const { return impl_->touch; }
const NoteCards& App::noteCards() const { return impl_->cards; }
WorkshopPanel& App::workshop() { return impl_->workshop; }
const NoteFilter& App::filter() const { return impl_->filter; }
NoteFilter& App::filter() { return impl_->filter; }

}  // namespace mapathy::ui
