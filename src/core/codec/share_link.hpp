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

// Link formats 1, 2 and 3 share one frame: the format's digit, then base64url (RFC 4648 §5, no padding) of
//   varint(board bytes) · varint(stream bytes) · CRC-32 of the board bytes (4 bytes, little endian)
//   · the board's compact binary form (core/board_codec.hpp), compressed:
//     '3'  by the context-mixing coder of core/compress.hpp, primed with generic vocabulary (section
//          names, frequent German and English words of the field) — the shortest links, but a few µs
//          per byte;
//     '1'  the same coder primed with format 1's text, which also held whole phrases of the sample
//          board link sizes were measured on. Decoded forever; no longer written (except on request,
//          for tests and benchmarks: encodeFragmentInFormat);
//     '2'  by the LZ77 + adaptive binary coder of core/fast_compress.hpp — for boards of hundreds or
//          thousands of notes: a 1,000-note board encodes + decodes in 2 ms instead of 62 ms natively
//          (board codec and validation included); links 4–45% longer than the context-mixing ones.
// The encoder writes format 3 while the board's binary form is at most kFastLinkFromBytes. Above, it
// writes format 2, or format 3 when that is shorter and the board is small enough (kBothFormatsUpToBytes)
// that coding it both ways stays within the time a share link may take. Why 8 KiB (≈ 130 short notes),
// measured on the sample boards: below it the context-mixing link is 20–30% shorter, which is what keeps
// boards of about 100 notes within the 2,000 characters email and chat apps keep intact (format 2 would
// not), and it costs at most about 10 ms each way natively; it is also the size up to which the model
// works in its smallest, primed-once tables (16 bits, ≈ 1.5 MB). Above it links are past 2,000
// characters anyway, the context-mixing coder's time grows to 30 ms each way at 1,000 notes while
// format 2 stays at a few, and the size gap narrows (17% at 200 notes, 4% at 1,000 with repetitive
// texts; when every note's text differs format 2 stays about 45% longer, hence the second try).
// All formats decode forever: formats 1, 2 and 3 are frozen bit for bit.
// Why base64url: its 64 characters are all "unreserved" in RFC 3986, so browsers, mail clients and
// chat apps never percent-encode them. Larger fragment-safe alphabets ('~', '!', '$', '*', '\'',
// '(', ')', ',', ';', ':', '@' …) would save at most 3%, but chat apps treat them as markup
// (*bold*, ~strike~) or as sentence punctuation and cut them off the end of a detected link.
// For the same reason a link never ends on '-' or '_' (an 'A' is appended, decoding to zero bits).
// A newer encoding gets a new leading digit ('4' …); older apps then say the link is too new.
inline constexpr char kLinkFormatCompact1 = '1';  // read only
inline constexpr char kLinkFormatFast = '2';
inline constexpr char kLinkFormatCompact = '3';
inline constexpr char kLinkVersion = kLinkFormatCompact;           // the newest link format this app reads and writes
inline constexpr std::size_t kFastLinkFromBytes = 8u * 1024u;      // binary board size above which '2' may be written
inline constexpr std::size_t kBothFormatsUpToBytes = 16u * 1024u;  // above this, '2' without trying '3'

// Just the fragment (without '#'), in the format the board's size calls for (see above). The last board's
// fragment is remembered (per thread): asking again for an unchanged board costs only its binary form.
std::string encodeFragment(const Board& board);
// The fragment in a given link format ('1', '2' or '3'; anything else is taken as '2'), for tests,
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
