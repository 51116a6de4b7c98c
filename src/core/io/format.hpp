// Mapathy core — the versioned JSON file format.
//
// Envelope: {"format": "mapathy", "version": N, "kind": "empathy-map" | "journey", "board": {...}}.
// Loading checks the size and nesting depth before any DOM is built, then: envelope → migrate
// (contiguous version steps on the JSON, v1 → v2 → …, so restore only ever sees the current shape) →
// restore (defaults for missing fields, wrong types reported with the field's path, unknown fields
// kept in `extra`) → validate (ranges, unique IDs, references, limits).
// A document from a newer format version is refused with a message saying so. Parsing is
// all-or-nothing: nothing is returned unless everything succeeded. The JSON Schema of the format
// lives in assets/mapathy.schema.json.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace mapathy {

inline constexpr int kFormatVersion = 1;          // the version this build writes
inline constexpr const char* kFormatName = "mapathy";

// Limits, each reported with its own message when exceeded.
struct Limits {
  std::size_t maxBytes = 4u * 1024u * 1024u;  // whole document text
  std::size_t maxDepth = 32;                  // JSON nesting
  std::size_t maxNotes = 5000;
  std::size_t maxTextBytes = 4000;            // one note's / field's text
  std::size_t maxTags = 16;                   // per note
  std::size_t maxTagBytes = 64;
  std::size_t maxSections = 24;
  std::size_t maxStages = 24;
  std::size_t maxLanes = 24;
  std::size_t maxActions = 1000;
  std::size_t maxIdBytes = 64;                // any id (board, note, section, stage, lane, action)
};

// Largest whole number the format stores (2^53 − 1): every JSON reader, JavaScript included, keeps it exact.
inline constexpr std::int64_t kMaxSafeInteger = 9007199254740991;
// Template units are small numbers; anything beyond this is a corrupt file, not a layout.
inline constexpr float kMaxRectCoordinate = 1000.0f;

// Serialises a board (always the current version). `pretty` indents by two spaces.
std::string saveJson(const Board& board, bool pretty = false);
// restore → migrate → validate. Never throws.
Result<Board> loadJson(std::string_view text, const Limits& limits = {});
// The same on an already parsed document (the caller is responsible for its depth and size), and
// the document saveJson writes, as a DOM (for codecs that serialise it their own way).
Result<Board> loadJsonValue(const nlohmann::json& document, const Limits& limits = {});
nlohmann::json toJsonValue(const Board& board);
// Validates an in-memory board (used after decoding a link and by tests).
Result<bool> validate(const Board& board, const Limits& limits = {});

}  // namespace mapathy
