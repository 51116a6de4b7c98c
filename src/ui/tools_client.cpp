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
  host_.runTool(ticket, request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
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

namespace {

// A refusal as app/tools.cpp writes it: {code, params: [{text, number, term}], cause?}.
Error refusalOf(const nlohmann::json& value) {
  Error refusal(value.value("code", std::string()));
  const auto params = value.find("params");
  if (params != value.end() && params->is_array()) {
    for (const nlohmann::json& p : *params) {
      if (!p.is_object() || !p.contains("text") || !p["text"].is_string()) continue;
      ErrorParam param(p["text"].get<std::string>());
      param.number = p.value("number", false);
      param.term = p.value("term", false);
      refusal.params.push_back(std::move(param));
    }
  }
  const auto cause = value.find("cause");
  if (cause != value.end() && cause->is_object() && cause->contains("code")) return refusal.because(refusalOf(*cause));
  return refusal;
}

}  // namespace

ToolResult parseToolResult(const std::string& resultJson) {
  ToolResult out;
  const nlohmann::json value = nlohmann::json::parse(resultJson, nullptr, false);
  const Error noAnswer("tools.noAnswer");
  if (!value.is_object()) {
    out.error = english(noAnswer);
    out.refusal = noAnswer;
    return out;
  }
  const auto str = [&value](const char* name) {
    const auto it = value.find(name);
    return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto ok = value.find("ok");
  out.ok = ok != value.end() && ok->is_boolean() && ok->get<bool>();
  out.error = str("error");
  if (!out.ok && !str("code").empty()) {
    out.refusal = refusalOf(value);
  } else if (!out.ok && out.error.empty()) {
    out.error = english(noAnswer);
    out.refusal = noAnswer;
  }
  const auto unavailable = value.find("unavailable");
  out.unavailable = unavailable != value.end() && unavailable->is_boolean() && unavailable->get<bool>();
  out.text = str("text");
  out.board = str("board");
  out.modules = str("modules");
  const auto size = value.find("size");
  if (size != value.end() && size->is_number_integer()) out.size = size->get<int>();
  return out;
}

}  // namespace mapathy::ui
