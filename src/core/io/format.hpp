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

#include "core/model/limits.hpp"
#include "core/model/model.hpp"

namespace mapathy {

inline constexpr int kFormatVersion = 1;          // the version this build writes
inline constexpr const char* kFormatName = "mapathy";

// Serialises a board (always the current version). `pretty` indents by two spaces.
std::string saveJson(const Board& board, bool pretty = false);
// restore → migrate → validate. Never throws.
Result<Board> loadJson(std::string_view text, const Limits& limits = {});
// The same on an already parsed document (the caller is responsible for its depth and size), and
// the document saveJson writes, as a DOM (for codecs that serialise it their own way).
Result<Board> loadJsonValue(const nlohmann::json& document, const Limits& limits = {});
nlohmann::json toJsonValue(const Board& board);
// The format version of a document a newer Mapathy wrote ("" when `text` is not such a document): loadJson
// refuses it, and whoever stores it must leave it exactly as it is, never replace it by an older version.
std::string newerFormatVersion(std::string_view text);
// Any JSON text as a value: nlohmann's `discarded` value when the text is not JSON or nests deeper than
// `maxDepth`, as json::parse(text, nullptr, false) gives, and never a throw. Every other parse of the app goes
// through here and loadJson, so the web module links one parser (one input type, one SAX handler) instead of
// one per way of calling nlohmann.
nlohmann::json parseJson(std::string_view text, std::size_t maxDepth = 512);
// Validates an in-memory board (used after decoding a link and by tests).
Result<bool> validate(const Board& board, const Limits& limits = {});

}  // namespace mapathy
