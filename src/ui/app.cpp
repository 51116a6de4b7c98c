// Mapathy UI — the application shell: construction, the frame, messages, what the session tells, keyboard
// shortcuts and the public API. The shell's other jobs are in app_*.cpp (see app_internal.hpp).
#include "ui/app.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "core/codec/share_link.hpp"
#include "core/io/board_input.hpp"
#include "core/io/format.hpp"
#include "ui/app_internal.hpp"
#include "ui/i18n.hpp"
#include "ui/i18n_errors.hpp"
#include "ui/qr_view.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

App::Impl::Impl(Host& h, Session& s) : host(h), session(s) {
  registerLibraryStrings();
  registerReadingStrings();
  setUiLang(langFromTag(host.preferredLanguage()));
  session.setListener(this);
  tools.setFailureHandler([this](const std::string& error) { post(MessageKind::Error, text::format(tr("tools.failed"), error)); });
}

App::Impl::~Impl() {
  session.setListener(nullptr);
  setQrTools(nullptr);
}

// ---------------------------------------------------------------------------------------------
// The frame
// ---------------------------------------------------------------------------------------------
void App::Impl::frame() {
  ensureStyle();
  setQrTools(&tools);
  tools.dispatch();  // answers of the tools module that came in since the last frame
  toolsBanner();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const bool onStart = screen == Screen::Start || doc() == nullptr;
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
  workshop.dialogs(doc());  // merge links, send back
  ImGui::End();
  tools.dispatch();  // answers given at once (the browser, once the tools module is loaded)
}

void App::Impl::ensureStyle() {
  if (!styleApplied) {
    applyStyle(touch);
    styleApplied = true;
  }
}

void App::Impl::shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (doc() == nullptr || io.WantTextInput) {
    return;  // text fields keep their own undo (Ctrl+Z inside a field edits the field)
  }
  if (textViewShortcutPressed()) {  // Alt+Shift+A opens the accessible text view
    ui::openTextView(host, tools, doc()->board());
    return;
  }
  const bool mod = io.KeyCtrl || io.KeySuper;
  if (!mod) {
    if (ImGui::IsKeyPressed(ImGuiKey_Delete, false) && !view.cards.selected().empty() && view.cards.editing().empty()) {
      doc()->deleteNote(view.cards.selected());
      view.cards.select("");
    }
    return;
  }
  if (ImGui::IsKeyPressed(ImGuiKey_Z, false)) {
    if (io.KeyShift) {
      doc()->redo();
    } else {
      doc()->undo();
    }
  } else if (ImGui::IsKeyPressed(ImGuiKey_Y, false)) {
    doc()->redo();
  }
}

// ---------------------------------------------------------------------------------------------
// Messages, and what the session tells
// ---------------------------------------------------------------------------------------------
void App::Impl::post(MessageKind kind, std::string text) {
  // Same text twice in a row: keep one.
  if (!messages.empty() && messages.back().text == text) {
    return;
  }
  messages.push_back(Message{nextMessageId++, kind, std::move(text)});
  if (messages.size() > 4) {
    messages.erase(messages.begin());
  }
}

// "Preparing…" while a request waits for the tools module to arrive; gone as soon as nothing waits.
void App::Impl::toolsBanner() {
  const bool waiting = tools.preparing();
  if (waiting && preparingMessage == 0) {
    post(MessageKind::Info, tr("tools.preparing"));
    preparingMessage = messages.empty() ? 0 : messages.back().id;
  } else if (!waiting && preparingMessage != 0) {
    std::erase_if(messages, [this](const Message& m) { return m.id == preparingMessage; });
    preparingMessage = 0;
  }
}

void App::Impl::drawMessages(float width) {
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
    dl->AddRectFilled(ImVec2(pos.x, pos.y + 2.0f), ImVec2(pos.x + width, pos.y + h + 3.0f), IM_COL32(0, 0, 0, 28), 10.0f);
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), bg, 10.0f);  // over the board: a shadow and an edge
    dl->AddRect(pos, ImVec2(pos.x + width, pos.y + h), withAlpha(fg, 0.35f), 10.0f);
    drawIcon(dl, icon, ImVec2(pos.x + pad, pos.y + (h - iconSize) * 0.5f), iconSize, fg);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + pad * 2.0f + iconSize, pos.y + (h - ts.y) * 0.5f));
    ImGui::PushTextWrapPos(ImGui::GetCursorPos().x + textW);  // window-local, as ImGui wants it (not screen)
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

void App::Impl::boardOpened() {
  view = BoardView();
  ++boardsOpened;
  // A board opens at a readable zoom, fitted in its first frame to the layout that frame computes (see
  // Canvas::fitContent); the toolbar's "fit" shows everything.
  view.canvas.fitContent(true);
  if (doc() != nullptr) {
    view.titleBuffer = doc()->board().title;
    screen = Screen::Board;
  } else {
    screen = Screen::Start;
  }
  workshop.onBoardOpened();
}

void App::Impl::notice(const Notice& n) {
  const std::string title = n.title.empty() ? std::string(tr("start.untitled")) : n.title;
  switch (n.kind) {
    case Notice::Kind::BoardKeptAside:
      post(MessageKind::Info, text::format(tr("msg.stashed"), title));
      break;
    case Notice::Kind::ChangesFromOtherTab:
      post(MessageKind::Info, tr("msg.otherTab"));
      break;
    case Notice::Kind::BoardFromNewerVersion:
      post(MessageKind::Error,
           text::format(tr("library.newerBoard"), title, n.version, std::to_string(kFormatVersion)));
      break;
    case Notice::Kind::LibraryFromNewerVersion:
      post(MessageKind::Error,
           text::format(tr("library.newerLibrary"), n.version.empty() ? std::string("2+") : n.version));
      break;
    case Notice::Kind::BoardsUnreadable:
      {
      std::string reasons;
      for (const Error& e : n.problems) reasons += (reasons.empty() ? "" : " ") + describe(e, uiLang());
      post(MessageKind::Error, text::format(tr("library.restoreFailed"), reasons));
    }
      break;
    case Notice::Kind::StorageFull:
      post(MessageKind::Error, tr("library.storageFull"));
      break;
    case Notice::Kind::StorageUnavailable:
      post(MessageKind::Error, tr("library.storageUnavailable"));
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// Opening boards: the session decides, the shell reports failures
// ---------------------------------------------------------------------------------------------
bool App::Impl::openLink(const std::string& url, std::string* error) {
  const Result<bool> opened = session.openLink(url);
  if (!opened) {
    const std::string why = describe(opened.error(), uiLang());
    if (error != nullptr) *error = why;
    post(MessageKind::Error, text::format(tr("msg.badLink"), why));
    return false;
  }
  return true;
}

bool App::Impl::openFile(const std::string& name, const std::string& text, std::string* error) {
  const auto failed = [this, name, error](const Error& refusal) {
    const std::string why = describe(refusal, uiLang());
    if (error != nullptr) *error = why;
    post(MessageKind::Error, text::format(tr("msg.badFile"), name, why));
    return false;
  };
  switch (sniffBoardInput(text, name)) {
    case BoardInput::Json: {
      Result<Board> loaded = loadJson(text);
      if (!loaded) return failed(loaded.error());
      session.openArrived(std::move(loaded.value()));
      return true;
    }
    case BoardInput::Link: {  // one word, perhaps after a byte-order mark and white space
      std::string_view word = text;
      if (word.substr(0, 3) == "\xEF\xBB\xBF") word.remove_prefix(3);
      const std::size_t first = word.find_first_not_of(" \t\r\n");
      const std::size_t last = word.find_last_not_of(" \t\r\n");
      const Result<bool> opened = session.openLink(std::string(word.substr(first, last - first + 1)));
      return opened ? true : failed(opened.error());
    }
    case BoardInput::Markdown:
      break;
  }
  // A Markdown outline: the tools module reads it; the board opens when its answer comes (a frame later).
  tools.request({{"op", "markdownImport"}, {"text", text}}, [this, name](const ToolResult& r) {
    if (!r.ok) {
      post(MessageKind::Error, text::format(tr("msg.badFile"), name, r.message()));
      return;
    }
    Result<Board> loaded = loadJson(r.board);
    if (!loaded) {
      post(MessageKind::Error, text::format(tr("msg.badFile"), name, describe(loaded.error(), uiLang())));
      return;
    }
    session.openArrived(std::move(loaded.value()));
  });
  return true;
}

bool App::Impl::newBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  const Result<bool> made = session.newBoard(kind, templateId, lang);
  if (!made) {
    post(MessageKind::Error, text::format(tr("msg.templateFailed"), describe(made.error(), uiLang())));
    return false;
  }
  return true;
}

const std::string& App::Impl::link() {
  static const std::string none;
  const Document* d = doc();
  if (d == nullptr) return none;
  std::string base = host.pageAddress();
  LinkCache& c = linkCache;
  if (c.document != d || c.opened != boardsOpened || c.revision != d->revision() || c.base != base) {
    c = LinkCache{d, boardsOpened, d->revision(), std::move(base), false, {}, {}, 0.0};
  }
  constexpr double kRetrySeconds = 5.0;  // the tools module could not be loaded: perhaps the network is back
  if (c.asked && c.failedAt > 0.0 && ImGui::GetTime() - c.failedAt > kRetrySeconds) c.asked = false;
  if (!c.asked) {
    c.asked = true;
    ++linkRequests;
    const std::uint64_t opened = c.opened, revision = c.revision;
    tools.requestForBoard({{"op", "link"}, {"baseUrl", c.base}}, d->board(),
                          [this, d, opened, revision, base = c.base](const ToolResult& r) {
                            LinkCache& now = linkCache;
                            if (now.document != d || now.opened != opened || now.revision != revision || now.base != base)
                              return;  // the board moved on: its own request is on its way
                            now.link = r.ok ? r.link : std::string();
                            now.failure = r.ok ? std::string() : r.message();
                            now.failedAt = !r.ok && r.unavailable ? std::max(ImGui::GetTime(), 1e-3) : 0.0;
                          });
  }
  return c.link;
}

// ---------------------------------------------------------------------------------------------
// App
// ---------------------------------------------------------------------------------------------
App::App(Host& host, Session& session) : impl_(std::make_unique<Impl>(host, session)) {
  if (session.document() != nullptr) impl_->boardOpened();  // restored before the App existed
}
App::~App() = default;

void App::frame() { impl_->frame(); }

std::string App::documentJson() const { return impl_->doc() ? saveJson(impl_->doc()->board()) : std::string(); }

std::string App::shareLink() const {
  const Impl::LinkCache& c = impl_->linkCache;
  const Document* d = impl_->doc();
  const bool current = d != nullptr && c.document == d && c.opened == impl_->boardsOpened && c.revision == d->revision();
  return current ? c.link : std::string();
}

bool App::openLink(const std::string& url, std::string* error) { return impl_->openLink(url, error); }

bool App::openFileText(const std::string& name, const std::string& text, std::string* error) {
  return impl_->openFile(name, text, error);
}

bool App::openTextView() {
  if (impl_->doc() == nullptr) return false;
  ui::openTextView(impl_->host, impl_->tools, impl_->doc()->board());
  impl_->tools.dispatch();  // answered at once (module loaded): the tab opens inside the page's click handler
  return true;
}

std::int64_t App::nextFrameDueMs() const {
  const std::int64_t now = impl_->host.nowMs();
  if (impl_->view.canvas.panning() || impl_->view.readingCanvas.panning() || impl_->view.readingCanvas.gliding() ||
      impl_->view.cards.dragging())
    return now;
  return impl_->workshop.nextFrameDueMs(now);
}

void App::toolResult(std::uint32_t ticket, const std::string& resultJson) { impl_->tools.deliver(ticket, resultJson); }
const ToolsClient& App::tools() const { return impl_->tools; }
int App::shareLinkRequests() const { return impl_->linkRequests; }

void App::scannedCode(const std::string& text) { impl_->workshop.scannedCode(impl_->doc(), text); }
void App::scannerFailed(ScannerProblem problem) { impl_->workshop.scannerFailed(problem); }

Session& App::session() { return impl_->session; }
Document* App::document() { return impl_->doc(); }
const Document* App::document() const { return impl_->doc(); }
Screen App::screen() const { return impl_->doc() ? impl_->screen : Screen::Start; }
const std::vector<Message>& App::messages() const { return impl_->messages; }
bool App::newBoard(BoardKind kind, const std::string& templateId, Lang lang) {
  return impl_->newBoard(kind, templateId, lang);
}
void App::showMessage(MessageKind kind, const std::string& text) { impl_->post(kind, text); }
void App::zoomAt(float factor, float screenX, float screenY) {
  impl_->activeCanvas().zoomAt(factor, ImVec2(screenX, screenY));
}
float App::zoom() const { return impl_->activeCanvas().zoom(); }
void App::setTouchMode(bool touch) {
  impl_->touch = touch;
  impl_->styleApplied = false;
}
bool App::touchMode() const { return impl_->touch; }
const NoteCards& App::noteCards() const { return impl_->view.cards; }
WorkshopPanel& App::workshop() { return impl_->workshop; }
const NoteFilter& App::filter() const { return impl_->view.filter; }
NoteFilter& App::filter() { return impl_->view.filter; }

}  // namespace mapathy::ui
