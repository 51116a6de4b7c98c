// Mapathy core — the compact binary form of a board that share links compress (link format 1).
//
// Why not compress the JSON: most of a board's JSON is repeated keys, template titles and hints,
// IDs and defaults. This form writes only what the template does not already know:
//   - two streams, text first (every string, NUL-terminated, so the compressor sees one run of
//     sticky-note text) then structure (varints, enums as small ints, zigzag deltas);
//   - sections, stages and lanes that equal the board's template (in either language) are a
//     reference by index; customised ones are written in full;
//   - note and action IDs of the form "<site>-<base36 counter>" become a site-table index plus a
//     counter delta; notes point at their section/stage/lane by index;
//   - defaults (colour 0, no tags, no votes, "assumed", modified == created…) cost one flag bit;
//   - unknown `extra` fields travel as compact JSON text, only when present.
// The round trip is exact: deserialize(serialize(b)) == b for every board (including custom layouts,
// unusual IDs and non-finite rectangles). Deserializing is hostile-input safe: every count is checked
// against the bytes left and the limits before anything is allocated, strings must be valid UTF-8.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/io/format.hpp"
#include "core/model/model.hpp"
#include "core/base/text.hpp"

namespace mapathy::board_codec {

std::vector<std::uint8_t> serialize(const Board& board);
// Checks structure, UTF-8 and counts (against `limits`); the caller still runs validate().
Result<Board> deserialize(std::span<const std::uint8_t> bytes, const Limits& limits = {});

// Offset of the first byte that is not part of well-formed UTF-8 (core/text.hpp; the codec and every other
// loader share one definition), or std::string_view::npos when all of `text` is valid.
using text::firstInvalidUtf8;

}  // namespace mapathy::board_codec
