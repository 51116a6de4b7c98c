// Mapathy core — a whole board as a standalone SVG 1.1 picture (for slides, wikis, reports; the app
// rasterises it for PNG). Generated from the model so it is tested natively and uses the same palette as
// the app (palette.hpp).
//
// Empathy map: sections laid out from Section::rect (template units scaled to `cellWidth` ×
// `cellHeight` pixels; rows grow so every section fits its notes), the persona in Board::personaRect,
// notes as sticky cards with wrapped text, observed/assumed badge, votes and tags.
// Journey board: a stages × lanes grid; text lanes hold cards, the emotion lane is a smooth curve with
// face markers (plus the dashed to-be curve when Lane::showToBe), the expectation lane shows expectation
// vs experience with the gap shaded. Actions are listed below either board.
//
// Text is estimated with a width table (export_common.hpp), all of it escaped; output is deterministic
// (same board → same bytes). Each card carries its full text in a <title>, so the picture has a text
// alternative and tools can search it.
#pragma once

#include <string>

#include "core/model/model.hpp"

namespace mapathy {

struct SvgOptions {
  double cellWidth = 340;     // empathy map: pixels per template unit, horizontally
  double cellHeight = 240;    // empathy map: minimum pixels per template unit, vertically
  double stageWidth = 240;    // journey: width of one stage column
  bool includeActions = true; // list the board's actions below the board
  bool xmlDeclaration = true; // start with <?xml …?> (off when inlining into HTML)
};

std::string exportSvg(const Board& board, const SvgOptions& options = {});

}  // namespace mapathy
