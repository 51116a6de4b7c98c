// Mapathy core — Markdown import and export.
//
// A board becomes an outline anyone can read, and workshop notes typed into any document become a
// board. The outline:
//
//   # Title
//   Name: Anna · Role: … · Goal: … · Quote: …   (German: Name:, Rolle:, Ziel:, Zitat: — one per line)
//   ## Says                                      (empathy map: one heading per section)
//   - a note #tag [observed] {colour=2 votes=3 author=Ben}
//   ## Actions                                   (German: ## Maßnahmen)
//   - [ ] call the customer back (@Ben)
//   | Lane | Stage 1 | Stage 2 |                  (journey board: one column per stage, one row per lane)
//
// Export then import gives back the same content (text, place, order, tags, evidence, colour, votes,
// author, persona, actions, scores); ids and clocks are generated fresh. Import is lenient about what
// people type (`*`/`+`/numbered bullets, `###` headings, CRLF, BOM, blank lines, either language,
// mixed "Pain Points"/"Schmerzpunkte" vocabulary) and strict about limits. Never throws.
#pragma once

#include <string>
#include <string_view>

#include "core/io/format.hpp"
#include "core/model/model.hpp"

namespace mapathy {

// The board as a Markdown outline, in the board's language.
std::string exportMarkdown(const Board& board);

// Parses an outline into a board that validate() accepts. The kind is detected (a table → journey
// board; headings → empathy map), the template is the built-in one whose sections/lanes best match
// the headings, the language is detected from the heading words. Unknown headings/lanes become custom
// sections/lanes. Notes get deterministic ids "m-1", "m-2", …; the board id is derived from a hash of
// the text ("md-<hex>"), times are 0 (the caller stamps them). Errors: invalid UTF-8, a limit exceeded
// (each with its own message), nothing that looks like a board.
Result<Board> importMarkdown(std::string_view text, const Limits& limits = {});

}  // namespace mapathy
