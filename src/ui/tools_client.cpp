// Mapathy UI — the asynchronous way to the tools module (see tools_client.hpp).
#include "ui/tools_client.hpp"

#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/format.hpp"
#include "ui/app.hpp"
#include "ui/i18n.hpp"
#include "ui/i18n_errors.hpp"

namespace mapathy::ui {

namespace {

const UiString kToolsStrings[] = {
    {"tools.preparing", "Preparing…", "Wird vorbereitet …"},
    {"tools.failed", "That did not work: %s", "Das hat nicht geklappt: %s"},
};
const StringTableRegistrar kRegisterToolsStrings(kToolsStrings);

}  // namespace

std::uint32_t ToolsClient::request(const nlohmann::json& request, Done done) {
  const std::uint32_t ticket = next_++;
  waiting_.emplace(ticket, std::move(done));
  ++sent_;
  // The module words its refusals in the reader's language (app/tools.hpp); outputs that name a language
  // of their own keep it.
  nlohmann::json asked = request;
  if (!asked.contains("lang")) asked["lang"] = uiLang() == Lang::De ? "de" : "en";
  host_.runTool(ticket, asked.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  return ticket;
}

std::uint32_t ToolsClient::requestForBoard(nlohmann::json request, const Board& board, Done done) {
  request["board"] = saveJson(board);
  return this->request(request, std::move(done));
}

void ToolsClient::deliver(std::uint32_t ticket, const std::string& resultJson) {
  if (waiting_.count(ticket) != 0) inbox_[ticket] = resultJson;
}

void ToolsClient::dispatch() {
  if (inbox_.empty()) return;
  std::vector<std::pair<Done, std::string>> ready;
  for (auto& [ticket, result] : inbox_) {
    const auto it = waiting_.find(ticket);
    if (it == waiting_.end()) continue;
    ready.emplace_back(std::move(it->second), std::move(result));
    waiting_.erase(it);
  }
  inbox_.clear();
  for (auto& [done, result] : ready) {  // a callback may send a new request
    if (done) done(parseToolResult(result));
  }
}

bool ToolsClient::preparing() const { return waiting_.size() > inbox_.size() && !host_.toolsReady(); }

std::string ToolResult::message() const { return refusal ? describe(*refusal, uiLang()) : error; }

ToolResult parseToolResult(const std::string& resultJson) {
  ToolResult out;
  const nlohmann::json value = parseJson(resultJson);
  if (!value.is_object()) {
    out.refusal = Error("tools.noAnswer");
    return out;
  }
  const auto str = [&value](const char* name) {
    const auto it = value.find(name);
    return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto ok = value.find("ok");
  out.ok = ok != value.end() && ok->is_boolean() && ok->get<bool>();
  // The module words its refusals in the request's language ("error"); the editor words only what the
  // module could not say: that it did not load (web/platform.js: the reason in params) or gave no answer.
  out.error = str("error");
  if (!out.ok && str("code") == "tools.unavailable") {
    const auto params = value.find("params");
    const bool hasReason = params != value.end() && params->is_array() && !params->empty() &&
                           (*params)[0].is_object() && (*params)[0].value("text", nlohmann::json()).is_string();
    out.refusal = Error("tools.unavailable", {hasReason ? (*params)[0]["text"].get<std::string>() : std::string()});
  } else if (!out.ok && out.error.empty()) {
    out.refusal = Error("tools.noAnswer");
  }
  const auto unavailable = value.find("unavailable");
  out.unavailable = unavailable != value.end() && unavailable->is_boolean() && unavailable->get<bool>();
  out.text = str("text");
  out.board = str("board");
  out.link = str("link");
  out.modules = str("modules");
  const auto size = value.find("size");
  if (size != value.end() && size->is_number_integer()) out.size = size->get<int>();
  return out;
}

}  // namespace mapathy::ui
