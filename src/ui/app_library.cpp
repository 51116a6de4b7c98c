// Mapathy UI — "Boards on this device": one row per board (continue, rename, duplicate, delete), the
// boards this app cannot open, and the rename and delete dialogs. The session does the work.
#include "ui/app_internal.hpp"

#include <algorithm>
#include <string>

#include "core/base/text.hpp"
#include "ui/i18n.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

// The open board first, then the boards put aside (newest first), then the ones this app cannot open.
void App::Impl::libraryList() {
  bool any = false;
  if (doc() != nullptr) {
    any = true;
    libraryRow(doc()->board(), true);
  }
  for (const LibraryBoard& entry : session.library()) {
    any = true;
    if (libraryRow(entry.board(), false)) {
      break;  // the list changed under the loop
    }
  }
  for (const UnopenableBoard& u : session.unopenable()) {
    any = true;
    unopenableRow(u);
  }
  if (!any) {
    hintText(tr("start.recentNone"));
  }
}

// One row in "Boards on this device"; returns true when it changed the list.
bool App::Impl::libraryRow(const Board& b, bool current) {
  const std::string id = b.id;  // `b` may go away with the row's action
  ImGui::PushID(current ? "current" : id.c_str());
  const int noteCount = static_cast<int>(b.notes.size());
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::TextUnformatted(b.title.empty() ? tr("start.untitled") : b.title.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("· %s%s%s", text::format(tr("start.notes"), noteCount).c_str(), current ? " · " : "",
                      current ? tr("start.current") : "");
  ImGui::SameLine();
  bool changed = false;
  if (ImGui::Button(label("start.continue").c_str())) {
    if (current) {
      screen = Screen::Board;
    } else {
      session.openFromLibrary(id);
      changed = true;
    }
  }
  ImGui::SameLine();
  if (!changed && ImGui::Button(label("library.rename").c_str())) {
    renameId = id;
    renameBuffer = b.title;
    openRename = true;
  }
  ImGui::SameLine();
  if (!changed && ImGui::Button(label("library.duplicate").c_str())) {
    session.duplicateBoard(id, (b.title.empty() ? std::string(tr("start.untitled")) : b.title) + tr("library.copySuffix"));
    changed = true;
  }
  ImGui::SameLine();
  if (!changed && ImGui::Button(label("library.delete").c_str())) {
    deleteId = id;
    openDelete = true;
  }
  ImGui::PopID();
  return changed;
}

// A stored board this app cannot open: its title and why, without any button that could change it.
void App::Impl::unopenableRow(const UnopenableBoard& u) {
  ImGui::PushID(u.id.c_str());
  const std::string title = u.title.empty() ? std::string(tr("start.untitled")) : u.title;
  const std::string why = u.newerVersion.empty() ? std::string(tr("library.unreadableRow"))
                                                 : text::format(tr("library.newerRow"), u.newerVersion);
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

// The board a library dialog acts on (the open one or one put aside); nullptr when it is gone.
const Board* App::Impl::libraryBoard(const std::string& id) const {
  if (doc() != nullptr && doc()->board().id == id) return &doc()->board();
  for (const LibraryBoard& entry : session.library()) {
    if (entry.board().id == id) return &entry.board();
  }
  return nullptr;
}

void App::Impl::libraryDialogs() {
  if (openRename) {
    ImGui::OpenPopup("###library.renameDialog");
    openRename = false;
  }
  placeDialog(480.0f, 0.35f);
  std::string title = std::string(tr("library.renameTitle")) + "###library.renameDialog";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    if (ImGui::IsWindowAppearing()) {
      ImGui::SetKeyboardFocusHere();
    }
    ImGui::SetNextItemWidth(-1);
    const bool enter = inputText("##library.renameText", &renameBuffer, ImGuiInputTextFlags_EnterReturnsTrue);
    bool close = false;
    if (ImGui::Button(label("common.ok", "rename").c_str(), ImVec2(0, minTarget())) || enter) {
      session.renameBoard(renameId, renameBuffer);
      if (doc() != nullptr && doc()->board().id == renameId) view.titleBuffer = doc()->board().title;
      close = true;
    }
    endDialog("rename", close);
  }

  if (openDelete) {
    ImGui::OpenPopup("###library.deleteDialog");
    openDelete = false;
  }
  placeDialog(480.0f, 0.35f);
  title = std::string(tr("library.deleteTitle")) + "###library.deleteDialog";
  if (ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    const Board* b = libraryBoard(deleteId);
    if (b != nullptr) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextUnformatted(
          text::format(tr("library.deleteQuestion"), b->title.empty() ? tr("start.untitled") : b->title).c_str());
      ImGui::PopTextWrapPos();
    }
    bool close = b == nullptr;
    if (b != nullptr && ImGui::Button(label("library.deleteConfirm").c_str(), ImVec2(0, minTarget()))) {
      session.deleteBoard(deleteId);
      close = true;
    }
    endDialog("delete", close);
  }
}

}  // namespace mapathy::ui
