// Mapathy core — reading a board from whatever a person hands over, and making a new one.
//
// The app (a dropped or picked file, a pasted link) and the CLI (a file argument, standard input, a
// link on the command line) both come here, so they accept the same things and make new boards the
// same way:
//   - a share link (core/codec/share_link.hpp): one word without spaces that holds a '#', or is a bare
//     fragment ("json=…", or a link format digit and base64url) — also in a *.txt file;
//   - JSON (the file format, core/io/format.hpp): the text starts with '{' (after a byte-order mark and
//     white space) and the file name is not a Markdown one (*.md, *.markdown, *.txt);
//   - otherwise a Markdown outline (core/io/markdown.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace mapathy {

enum class BoardInput { Json, Link, Markdown };

// What `text` holds, by the rules above. `fileName` may be empty (pasted text, standard input).
BoardInput sniffBoardInput(std::string_view text, std::string_view fileName = "");

// The board `text` holds, read as sniffBoardInput says. Errors are the reader's own sentence.
Result<Board> readBoardInput(std::string_view text, std::string_view fileName = "");

// A new board from a built-in template: a random id (core/base/ids.hpp) from `randomBits`, the
// template's name as its title, created and modified at `nowMs`.
Result<Board> newBoardFromTemplate(BoardKind kind, const std::string& templateId, Lang lang, std::uint64_t randomBits,
                                   std::int64_t nowMs);

}  // namespace mapathy
