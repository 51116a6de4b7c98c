// Mapathy core — how big a board may get, in one place for every reader and writer.
//
// The JSON loader (core/io/format.hpp), the share-link codec (core/codec/board_codec.hpp) and the editor
// (core/edit/document.hpp) all enforce these: a board one of them accepts or makes, the others accept
// too. Each limit is reported with its own message when a file or link exceeds it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace mapathy {

// Limits, each reported with its own message when exceeded.
struct Limits {
  std::size_t maxBytes = 4u * 1024u * 1024u;  // whole document text
  std::size_t maxDepth = 32;                  // JSON nesting
  std::size_t maxNotes = 5000;
  std::size_t maxTextBytes = 4000;  // one note's / field's text
  std::size_t maxTags = 16;         // per note
  std::size_t maxTagBytes = 64;
  std::size_t maxSections = 24;
  std::size_t maxStages = 24;
  std::size_t maxLanes = 24;
  std::size_t maxActions = 1000;
  std::size_t maxIdBytes = 64;  // any id (board, note, section, stage, lane, action)
};

// Largest whole number the format stores (2^53 − 1): every JSON reader, JavaScript included, keeps it exact.
inline constexpr std::int64_t kMaxSafeInteger = 9007199254740991;
// Template units are small numbers; anything beyond this is a corrupt file, not a layout.
inline constexpr float kMaxRectCoordinate = 1000.0f;

// Merge bookkeeping (core/edit/merge.hpp). Deleted things stay listed, so a board may hold more
// tombstones than notes; stamps name sections, stages, lanes and the board's info; voters are the
// people in one workshop room.
inline constexpr std::size_t kMaxTombstones = 20000;
inline constexpr std::size_t kMaxStamps = 200;
inline constexpr std::size_t kMaxBallotsPerNote = 500;

}  // namespace mapathy
