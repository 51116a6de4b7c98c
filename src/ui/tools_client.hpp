// Mapathy UI — the editor's way to the tools (src/app/tools.hpp: Markdown, the SVG/HTML/CSV outputs, QR
// codes), which live in a second WebAssembly module the page loads after the first frame.
//
// Why asynchronous: in the browser the tools module may still be on its way when someone clicks "Export";
// the answer then comes a moment later. So every request is a ticket whose answer arrives through
// App::toolResult, and its callback runs at the end of a frame (the frame that asked, when the platform
// answered at once) or at the start of the next one. The native test host answers before the next frame,
// so tests walk the delayed path. While an answer waits for the module, the app shows "preparing…".
//
// Requests and answers are the JSON objects tools.hpp describes; boards travel as saveJson() text.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json_fwd.hpp>

#include "core/model/model.hpp"

namespace mapathy {
struct Board;
}

namespace mapathy::ui {

class Host;

// An answer of the tools module, the fields the editor reads.
struct ToolResult {
  bool ok = false;
  std::string error;             // when !ok: the module's wording, in the request's language (app/tools.hpp)
  std::optional<Error> refusal;  // when !ok and the editor words it: the module did not load or did not answer
  bool unavailable = false;  // !ok because the module could not be loaded (offline before it was cached)
  std::string text;          // svg, textView, print, csv*, markdownExport
  std::string board;         // markdownImport: the board as JSON text
  std::string link;          // link, delta: a share or contribution link
  int size = 0;              // qr: modules per side
  std::string modules;       // qr: size × size '0'/'1', row by row

  // Why it failed, in the UI language.
  [[nodiscard]] std::string message() const;
};

class ToolsClient {
 public:
  using Done = std::function<void(const ToolResult&)>;

  explicit ToolsClient(Host& host) : host_(host) {}
  ToolsClient(const ToolsClient&) = delete;
  ToolsClient& operator=(const ToolsClient&) = delete;

  // Sends `request` ({"op": …, …}); `done` runs in a later frame with the answer. Returns the ticket.
  std::uint32_t request(const nlohmann::json& request, Done done);
  // The same with the board as the request's "board" field.
  std::uint32_t requestForBoard(nlohmann::json request, const Board& board, Done done);

  // From the platform (App::toolResult), at any time: the answer to `ticket`.
  void deliver(std::uint32_t ticket, const std::string& resultJson);
  // At the start of a frame: runs the callbacks of the answers that came in.
  void dispatch();

  // Requests sent and not yet answered.
  [[nodiscard]] bool pending() const { return !waiting_.empty(); }
  // Something waits and the platform says the tools module is not there yet ("preparing…").
  [[nodiscard]] bool preparing() const;
  // What to do with an answer that says it failed (the app shows it as an error banner).
  void setFailureHandler(std::function<void(const std::string&)> handler) { onFailure_ = std::move(handler); }
  void fail(const std::string& error) const {
    if (onFailure_) onFailure_(error);
  }
  // Requests sent so far (tests: a cached output is not asked for again).
  [[nodiscard]] int requestsSent() const { return sent_; }

 private:
  Host& host_;
  std::uint32_t next_ = 1;
  int sent_ = 0;
  std::map<std::uint32_t, Done> waiting_;       // sent, no answer yet
  std::map<std::uint32_t, std::string> inbox_;  // answered, callback not run yet
  std::function<void(const std::string&)> onFailure_;
};

// Parses an answer of the tools module (tolerant: anything malformed is {ok: false, error}).
ToolResult parseToolResult(const std::string& resultJson);

}  // namespace mapathy::ui
