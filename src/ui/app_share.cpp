// Mapathy UI — the share dialog (the link and its size, the QR code, files and outputs) and the
// paste-a-link dialog.
#include "ui/app_internal.hpp"

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/text.hpp"
#include "core/io/format.hpp"
#include "ui/i18n.hpp"
#include "ui/qr_view.hpp"
#include "ui/style.hpp"
#include "ui/widgets.hpp"

namespace mapathy::ui {

void App::Impl::shareDialog() {
  if (openShare) {
    ImGui::OpenPopup("###share");
    openShare = false;
  }
  // Centred and never taller than the screen (the outputs make it long; it scrolls on small screens).
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // The link arrives a moment after the dialog opened and makes it taller: centred again for the two frames
  // the dialog takes to measure its new size.
  const bool linkShown = !linkCache.link.empty();
  if (linkShown != shareLinkShown) shareRecentreFrames = 2;
  shareLinkShown = linkShown;
  placeDialog(560.0f, 0.5f, shareRecentreFrames > 0);
  if (shareRecentreFrames > 0) --shareRecentreFrames;
  const std::string title = std::string(tr("share.title")) + "###share";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) {
    return;
  }
  if (doc() == nullptr) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  const std::string url = link();
  hintText(tr("share.explain"));
  if (url.empty()) {  // the tools module makes it: a moment after the first frame, or it could not load
    hintText(linkCache.failure.empty() ? tr("tools.preparing") : linkCache.failure.c_str());
  } else {
    shareLinkRows(url, display);
  }
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("share.files"));
  const int n = static_cast<int>(url.size());
  if (iconButton(label("share.downloadJson").c_str(), Icon::Download, false, true, n > kChatMaxChars)) {
    downloadJson();
  }
  sameLineIfFits(label("share.downloadMarkdown").c_str());
  if (iconButton(label("share.downloadMarkdown").c_str(), Icon::Download)) {
    downloadMarkdown();
  }
  ImGui::Spacing();
  exportButtons(host, tools, doc()->board(), exportMenu);  // PNG, SVG, CSV, print, text view
  ImGui::Spacing();
  if (ImGui::Button(label("common.close", "share").c_str(), ImVec2(-1, minTarget())) ||
      ImGui::IsKeyPressed(ImGuiKey_Escape)) {
    ImGui::CloseCurrentPopup();
  }
  dragScroll();
  ImGui::EndPopup();
}

// The link, its size against what chat apps and QR codes take, copy/share, and the QR code.
void App::Impl::shareLinkRows(const std::string& url, ImVec2 display) {
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
  ImGui::TextUnformatted(countText("share.length", n).c_str());
  ImGui::PushStyleColor(ImGuiCol_Text, col);
  if (band == 0) {
    ImGui::TextWrapped("%s", countText("share.qr", kQrMaxChars).c_str());
  } else if (band == 1) {
    ImGui::TextWrapped("%s", countText("share.chat", kChatMaxChars).c_str());
  } else {
    ImGui::TextWrapped("%s", countText("share.tooLong", kChatMaxChars).c_str());
  }
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (iconButton(label("share.copy").c_str(), Icon::Copy, false, true, band < 2)) {
    host.setClipboardText(url);
    post(MessageKind::Success, tr("msg.copied"));
  }
  if (host.canShareNatively()) {
    sameLineIfFits(label("library.shareNative").c_str());
    if (iconButton(label("library.shareNative").c_str(), Icon::Share)) {
      host.shareNatively(doc()->board().title, url);
    }
  }
  if (band == 0) {  // the link as a QR code, large enough to scan from a projector
    sameLineIfFits(label("qr.fullScreen", "share.qr").c_str());
    qrFullScreenButton("share.qr", url);
    hintText(tr("share.qrCaption"));
    // As large as the screen allows next to the rest of the dialog (which scrolls on small screens).
    const float side = std::clamp(display.y - 560.0f, 240.0f, std::max(240.0f, std::min(ImGui::GetContentRegionAvail().x, 460.0f)));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - side) * 0.5f);
    qrCodeWidget("share.qr", url, side);
  }
}

void App::Impl::downloadJson() {
  host.downloadFile(text::fileStem(doc()->board().title) + ".json", "application/json", saveJson(doc()->board(), true));
}

void App::Impl::downloadMarkdown() {
  const std::string name = text::fileStem(doc()->board().title) + ".md";
  tools.requestForBoard({{"op", "markdownExport"}}, doc()->board(), [this, name](const ToolResult& r) {
    if (!r.ok) return tools.fail(r.message());
    host.downloadFile(name, "text/markdown", r.text);
  });
}

void App::Impl::pasteDialog() {
  if (openPaste) {
    ImGui::OpenPopup("###paste");
    openPaste = false;
  }
  placeDialog(520.0f, 0.35f);
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
    openLink(pasteBuffer, &err);
    close = true;
  }
  endDialog("paste", close);
}

}  // namespace mapathy::ui
