// Mapathy core — a board's notes and actions as CSV for spreadsheets (RFC 4180).
//
// Rows end with CRLF (the last one too); a field is quoted when it holds the delimiter, a quote, CR or
// LF, and quotes inside are doubled. Line breaks inside a note stay in its cell as LF. Text is cleaned
// like every export (valid UTF-8, control characters other than tab and LF removed, CR LF → LF).
// Headers and words (colour, evidence, status) are in the board's language.
//
// Columns — notes of an empathy map: Board, Section, Text, Colour, Tags, Votes, Evidence, Author, ID;
// of a journey: Board, Stage, Lane, Text, Colour, Tags, Votes, Evidence, Author, ID. Tags are joined
// with "; ". Notes come in reading order (section by section, or stage by stage then lane by lane),
// followed by notes whose place is missing (their raw place ids are written instead of names).
// Actions: Text, Owner, Status, Linked notes (the linked notes' texts, one per line), ID.
//
// Byte order mark: OFF by default (RFC 4180 and most tools expect none, and the CLI's output is piped
// into other programs). Excel on Windows needs it to read UTF-8 umlauts correctly, so the app's
// "for Excel" download sets `utf8Bom`.
//
// Formula injection guard (ON by default): a spreadsheet evaluates a cell that starts with = + - or @
// (and some also tab or CR) as a formula, so a note like "=HYPERLINK(…)" could run when the file is
// opened. Such text cells get a leading apostrophe ('), which spreadsheets show as plain text. This is
// lossy for a note that really starts with "-" or "=": a program reading the CSV back sees the
// apostrophe (guardSpreadsheetCell tells what to expect; turn `formulaGuard` off for lossless output).
// Number cells (votes) are ours and never guarded.
#pragma once

#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace mapathy {

struct CsvOptions {
  bool utf8Bom = false;      // prefix EF BB BF (for Excel)
  bool formulaGuard = true;  // prefix ' to text cells starting with = + - @ tab CR
  char delimiter = ',';      // ';' for spreadsheets set to a German locale
};

std::string exportNotesCsv(const Board& board, const CsvOptions& options = {});
std::string exportActionsCsv(const Board& board, const CsvOptions& options = {});

// The text a guarded cell holds: `text` with a leading apostrophe when it starts with = + - @ tab CR.
std::string guardSpreadsheetCell(std::string_view text);
// One field, quoted if needed (no guard, no cleaning).
std::string csvField(std::string_view text, char delimiter = ',');

}  // namespace mapathy
