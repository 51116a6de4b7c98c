// Mapathy core — built-in templates (empathy maps and journey boards), in German and English.
// Templates are data: a new board is a copy of one, so custom layouts need no code.
#pragma once

#include <string>
#include <vector>

#include "core/model/model.hpp"

namespace mapathy {

struct TemplateInfo {
  std::string id;         // "classic", "canvas", "customer" (empathy); "lifecycle", "empty" (journey)
  BoardKind kind;
  std::string name;       // in the requested language
  std::string description;
};

std::vector<TemplateInfo> listTemplates(Lang lang);
// A fresh board from a template (ids of sections/stages/lanes are stable template ids; board id,
// times and persona left for the caller). Unknown id → error naming the known ones.
Result<Board> makeBoard(BoardKind kind, const std::string& templateId, Lang lang);

}  // namespace mapathy
