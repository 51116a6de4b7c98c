// Mapathy UI — the board screen: the view of the board (empathy map or journey), the actions panel, the
// workshop panel and overlays, and presentation mode instead of all of them.
#include "ui/app_internal.hpp"

#include <algorithm>
#include <string>

#include "core/base/text.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/text_box.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

void App::Impl::boardScreen() {
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  if (workshop.presenting()) {  // read-only, large type, instead of toolbar and canvas
    view.cards.stopEditing(contextFor());
    workshop.drawPresentation(*doc(), avail);
    workshop.drawOverlay(*doc(), ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return;
  }
  {
    const float full = avail.x;
    const float board = (showActions ? full - std::min(360.0f, full * 0.45f) : full) - workshopPanelWidth(full);
    view.narrow = prefersReadingLayout(doc()->board(), board);
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
  const ImVec2 rest = ImGui::GetContentRegionAvail();
  const float panelW = showActions ? std::min(360.0f, rest.x * 0.45f) : 0.0f;
  EditorContext& ctx = contextFor();

  ImGui::BeginGroup();
  view.cards.beginFrame(ctx);
  if (readingLayout()) {  // a phone: one column (empathy map) or one stage at a time (journey)
    if (doc()->board().kind == BoardKind::EmpathyMap) {
      drawEmpathyReading(ctx, view.empathy, view.reading);
    } else {
      drawJourneyReading(ctx, view.reading);
    }
  } else if (doc()->board().kind == BoardKind::EmpathyMap) {
    drawEmpathyView(ctx, view.empathy);
  } else {
    drawJourneyView(ctx, view.journey);
  }
  view.cards.endFrame(ctx);
  ImGui::EndGroup();
  const ImVec2 boardMin = ImGui::GetItemRectMin(), boardMax = ImGui::GetItemRectMax();
  workshop.drawOverlay(*doc(), boardMin, boardMax);  // countdown, dots left
  messagesOverlay(boardMin, boardMax);
  if (!view.focusNote.empty()) {
    if (auto c = view.cards.lastWorldCentre(view.focusNote)) {
      Canvas& cv = activeCanvas();
      if (view.focusAcross) {
        c->y = (cv.viewMinWorld().y + cv.viewMaxWorld().y) * 0.5f;
      }
      cv.centreOn(*c);
    }
    view.focusNote.clear();
    view.focusAcross = false;
  }
  const std::string req = view.cards.takeActionRequest();
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

// Messages float over the bottom of the board instead of pushing it down: a note that arrives while someone
// taps (another tab's changes, "link copied") never moves the card under their finger.
void App::Impl::messagesOverlay(ImVec2 boardMin, ImVec2 boardMax) {
  if (messages.empty()) return;
  const float width = std::min(560.0f, std::max(200.0f, boardMax.x - boardMin.x - 24.0f));
  ImGui::SetNextWindowPos(ImVec2((boardMin.x + boardMax.x) * 0.5f, boardMax.y - 12.0f), ImGuiCond_Always,
                          ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin("##messages", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoMove);
  ImGui::PopStyleVar();
  drawMessages(width);
  ImGui::End();
}

// The workshop panel's width in a board area `full` wide (0 when closed).
float App::Impl::workshopPanelWidth(float full) const {
  return workshop.open() ? std::min(380.0f, full * 0.4f) : 0.0f;
}

// The canvas width the views may use (leaves room for the actions and workshop panels).
float App::Impl::canvasWidth() const {
  const float full = ImGui::GetContentRegionAvail().x;
  return (showActions ? full - std::min(360.0f, full * 0.45f) : full) - workshopPanelWidth(full);
}

// What a board view gets this frame (editor_context.hpp): the document, the canvas, the cards, the
// filter, the room it may take, and the workshop's decorations of cards when there are any.
EditorContext& App::Impl::contextFor() {
  context = std::make_unique<EditorContext>(EditorContext{*doc(), host, activeCanvas(), view.cards, view.filter});
  context->canvasSize = ImVec2(canvasWidth(), ImGui::GetContentRegionAvail().y);
  if (workshop.decoratesCards(doc()->board())) {  // dot controls, merge highlights
    context->cardOverlay = [this](EditorContext& c, const Note& n, ImVec2 a, ImVec2 b, bool interact) {
      workshop.decorateCard(c, n, a, b, interact);
    };
    context->dotControls = workshop.showsDotControls(doc()->board());
  }
  return *context;
}

void App::Impl::actionsPanel(float width, float height) {
  Document& d = *doc();
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
    const TextLook look{ImGui::GetFontSize(), ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2.0f,
                        1.0f, colours::kInk};
    if (view.cards.boxes().field(*context, "##action.text", "action.text:" + a.id, look, &text, tr("actions.text"))) {
      d.setActionText(a.id, text);
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
      ImGui::TextDisabled("%s", text::format(tr("actions.from"), preview).c_str());
      ImGui::PopTextWrapPos();
      ImGui::SameLine();
      if (ImGui::SmallButton(label("actions.show").c_str())) {
        view.focusNote = nid;
        view.cards.select(nid);
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

void App::Impl::createActionFrom(const std::string& noteId) {
  const Note* n = findNote(doc()->board(), noteId);
  if (n == nullptr) {
    return;
  }
  std::string text = n->text;
  if (text.size() > 120) {
    text = text.substr(0, 120);
  }
  const std::string id = doc()->addAction(text::format(tr("actions.newText"), text), {noteId});
  if (!id.empty()) {
    showActions = true;
    post(MessageKind::Success, tr("msg.actionCreated"));
  }
}

}  // namespace mapathy::ui
