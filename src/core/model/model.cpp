// Mapathy core — lookups and enum text forms for the board model (see model.hpp).
#include "core/model/model.hpp"

#include <algorithm>

namespace mapathy {

// ---- Error (see model.hpp)
Error::Error() = default;
Error::Error(std::string errorCode) : code(std::move(errorCode)) {}
Error::Error(std::string errorCode, std::initializer_list<ErrorParam> parameters)
    : code(std::move(errorCode)), params(parameters) {}
Error::Error(const Error&) = default;
Error::Error(Error&&) noexcept = default;
Error& Error::operator=(const Error&) = default;
Error& Error::operator=(Error&&) noexcept = default;
Error::~Error() = default;

Error Error::because(Error reason) const {
  Error out = *this;
  out.cause = std::make_shared<const Error>(std::move(reason));
  return out;
}

std::string Error::debug() const {
  std::string out = code + "(";
  for (std::size_t i = 0; i < params.size(); ++i) out += (i ? ", " : "") + params[i].text;
  out += ")";
  if (cause) out += ": " + cause->debug();
  return out;
}

namespace {

template <class Vec, class Id>
auto findById(Vec& items, const Id& id) -> decltype(&items.front()) {
  for (auto& item : items) {
    if (item.id == id) return &item;
  }
  return nullptr;
}

}  // namespace

const Note* findNote(const Board& b, const std::string& id) { return findById(b.notes, id); }
Note* findNote(Board& b, const std::string& id) { return findById(b.notes, id); }
const Section* findSection(const Board& b, const std::string& id) { return findById(b.sections, id); }
const Stage* findStage(const Board& b, const std::string& id) { return findById(b.stages, id); }
const Lane* findLane(const Board& b, const std::string& id) { return findById(b.lanes, id); }
const Action* findAction(const Board& b, const std::string& id) { return findById(b.actions, id); }

std::vector<const Note*> notesAt(const Board& b, const std::string& section, const std::string& stage,
                                 const std::string& lane) {
  std::vector<const Note*> out;
  for (const Note& n : b.notes) {
    if (n.section == section && n.stage == stage && n.lane == lane) out.push_back(&n);
  }
  std::sort(out.begin(), out.end(), [](const Note* a, const Note* c) {
    if (a->order != c->order) return a->order < c->order;
    return a->id < c->id;
  });
  return out;
}

const char* toString(BoardKind k) {
  switch (k) {
    case BoardKind::EmpathyMap: return "empathy-map";
    case BoardKind::Journey: return "journey";
  }
  return "empathy-map";
}

const char* toString(Lang l) {
  switch (l) {
    case Lang::De: return "de";
    case Lang::En: return "en";
  }
  return "en";
}

const char* toString(Evidence e) {
  switch (e) {
    case Evidence::Assumed: return "assumed";
    case Evidence::Observed: return "observed";
  }
  return "assumed";
}

const char* toString(LaneKind k) {
  switch (k) {
    case LaneKind::Text: return "text";
    case LaneKind::Emotion: return "emotion";
    case LaneKind::Expectation: return "expectation";
  }
  return "text";
}

const char* toString(ActionStatus s) {
  switch (s) {
    case ActionStatus::Open: return "open";
    case ActionStatus::Doing: return "doing";
    case ActionStatus::Done: return "done";
  }
  return "open";
}

std::optional<BoardKind> boardKindFromString(std::string_view s) {
  if (s == "empathy-map") return BoardKind::EmpathyMap;
  if (s == "journey") return BoardKind::Journey;
  return std::nullopt;
}

std::optional<Lang> langFromString(std::string_view s) {
  if (s == "de") return Lang::De;
  if (s == "en") return Lang::En;
  return std::nullopt;
}

std::optional<Evidence> evidenceFromString(std::string_view s) {
  if (s == "assumed") return Evidence::Assumed;
  if (s == "observed") return Evidence::Observed;
  return std::nullopt;
}

std::optional<LaneKind> laneKindFromString(std::string_view s) {
  if (s == "text") return LaneKind::Text;
  if (s == "emotion") return LaneKind::Emotion;
  if (s == "expectation") return LaneKind::Expectation;
  return std::nullopt;
}

std::optional<ActionStatus> actionStatusFromString(std::string_view s) {
  if (s == "open") return ActionStatus::Open;
  if (s == "doing") return ActionStatus::Doing;
  if (s == "done") return ActionStatus::Done;
  return std::nullopt;
}

}  // namespace mapathy
