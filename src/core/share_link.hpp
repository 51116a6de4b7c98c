// Mapathy core — share links: the whole board lives in the URL fragment and never reaches a server.
//
//   https://host/path/#<prefix><payload>     versioned compact form (prefix names the encoding)
//   https://host/path/#json=<percent-encoded JSON>   plain, human-writable form
//
// Decoding treats the link as hostile: a length cap first, a strict alphabet, bounded decompression
// (a decompression bomb fails fast with bounded memory), UTF-8 checked, then loadJson-equivalent
// restore/migrate/validate. Never a crash; always a clear message.
#pragma once

#include <string>
#include <string_view>

#include "core/format.hpp"
#include "core/model.hpp"

namespace mapathy {

inline constexpr std::size_t kMaxLinkChars = 256u * 1024u;   // longer fragments are refused unread

// Link format 1 (the only one so far): '1' then base64url (RFC 4648 §5, no padding) of
//   varint(board bytes) · varint(stream bytes) · CRC-32 of the board bytes (4 bytes, little endian)
//   · the board's compact binary form (core/board_codec.hpp) compressed by core/compress.hpp.
// Why base64url: its 64 characters are all "unreserved" in RFC 3986, so browsers, mail clients and
// chat apps never percent-encode them. Larger fragment-safe alphabets ('~', '!', '$', '*', '\'',
// '(', ')', ',', ';', ':', '@' …) would save at most 3%, but chat apps treat them as markup
// (*bold*, ~strike~) or as sentence punctuation and cut them off the end of a detected link.
// For the same reason a link never ends on '-' or '_' (an 'A' is appended, decoding to zero bits).
// A newer encoding gets a new leading digit ('2' …); older apps then say the link is too new.
inline constexpr char kLinkVersion = '1';

// Just the fragment (without '#').
std::string encodeFragment(const Board& board);
// A full link: base (page address, fragment and query stripped) + '#' + fragment.
std::string encodeLink(const Board& board, std::string_view baseUrl);
// Accepts a full URL, a fragment with or without '#', or "json=…" (percent-encoded JSON, decoded
// strictly: every '%' needs two hex digits; '+' stays '+'). Surrounding whitespace is ignored.
// Errors: too long, empty, unknown/newer prefix, bad character (with its position, counted from the
// first character after '#'), incomplete (cut off), damaged (checksum), too large unpacked, invalid
// UTF-8, then every message of validate()/loadJson().
Result<Board> decodeLink(std::string_view linkOrFragment, const Limits& limits = {});

// The fragment of a link: surrounding whitespace trimmed, everything up to and including the first
// '#' removed (a string without '#' is taken as a bare fragment).
std::string_view linkFragment(std::string_view linkOrFragment);

}  // namespace mapathy
