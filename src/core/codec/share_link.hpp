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

#include "core/io/format.hpp"
#include "core/model/model.hpp"

namespace mapathy {

inline constexpr std::size_t kMaxLinkChars = 256u * 1024u;   // longer fragments are refused unread

// Link formats 1 and 2 share one frame: the format's digit, then base64url (RFC 4648 §5, no padding) of
//   varint(board bytes) · varint(stream bytes) · CRC-32 of the board bytes (4 bytes, little endian)
//   · the board's compact binary form (core/board_codec.hpp), compressed:
//     '1'  by the context-mixing coder of core/compress.hpp  — the shortest links, but a few µs per byte;
//     '2'  by the LZ77 + adaptive binary coder of core/fast_compress.hpp — for boards of hundreds or
//          thousands of notes: a 1,000-note board encodes + decodes in 2 ms instead of 62 ms natively
//          (board codec and validation included); links 4–45% longer than format 1 (4% for the
//          1,000-note sample board, 45% when every note's text differs, 29% at 40 notes).
// The encoder writes format 1 while the board's binary form is at most kFastLinkFromBytes and format 2
// above. Why 8 KiB (≈ 130 short notes), measured on the sample boards: below it format 1's link is
// 20–30% shorter, which is what keeps boards of about 100 notes within the 2,000 characters email and
// chat apps keep intact (format 2 would not), and it costs at most about 10 ms each way natively; it is
// also the size up to which format 1 works in its smallest, primed-once tables (16 bits, ≈ 1.5 MB).
// Above it links are past 2,000 characters anyway, format 1's time grows to 30 ms each way at 1,000
// notes while format 2 stays at a few, and the size gap narrows (17% at 200 notes, 4% at 1,000).
// Both formats decode forever: format 1 is frozen bit for bit, and so is format 2 from now on.
// Why base64url: its 64 characters are all "unreserved" in RFC 3986, so browsers, mail clients and
// chat apps never percent-encode them. Larger fragment-safe alphabets ('~', '!', '$', '*', '\'',
// '(', ')', ',', ';', ':', '@' …) would save at most 3%, but chat apps treat them as markup
// (*bold*, ~strike~) or as sentence punctuation and cut them off the end of a detected link.
// For the same reason a link never ends on '-' or '_' (an 'A' is appended, decoding to zero bits).
// A newer encoding gets a new leading digit ('3' …); older apps then say the link is too new.
inline constexpr char kLinkFormatCompact = '1';
inline constexpr char kLinkFormatFast = '2';
inline constexpr char kLinkVersion = kLinkFormatFast;  // the newest link format this app reads and writes
inline constexpr std::size_t kFastLinkFromBytes = 8u * 1024u;  // binary board size above which '2' is written

// Just the fragment (without '#'), in the format the board's size calls for (see above).
std::string encodeFragment(const Board& board);
// The fragment in a given link format ('1' or '2'; anything else is taken as '2'), for tests,
// benchmarks and tools that compare the formats. Links people share come from encodeFragment().
std::string encodeFragmentInFormat(const Board& board, char format);
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
