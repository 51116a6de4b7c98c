// Mapathy core — share links (see share_link.hpp).
//
// Link formats 1, 2 and 3:  digit · base64url( varint(board bytes) · varint(stream bytes) · CRC-32 (4 bytes, LE)
//                                              · compressed stream )
// The board bytes are board_codec::serialize(); the stream is compress::compress() of them (formats 1
// and 3, each with its priming text) or fast_compress::compress() (format 2). Everything but the stream
// is shared by all three.
#include "core/codec/share_link.hpp"

#include <array>
#include <string>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "core/codec/compress.hpp"
#include "core/codec/fast_compress.hpp"
#include "core/base/text.hpp"

namespace mapathy {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr std::array<std::int8_t, 256> makeAlphabetIndex() {
  std::array<std::int8_t, 256> index{};
  for (auto& v : index) v = -1;
  for (int i = 0; i < 64; ++i) index[static_cast<unsigned char>(kAlphabet[i])] = static_cast<std::int8_t>(i);
  return index;
}
constexpr auto kAlphabetIndex = makeAlphabetIndex();

const char* const kIncomplete = "link.incomplete";
const char* const kDamaged = "link.damaged";

// The context-mixing formats differ only in what the model is primed with.
compress::Priming primingOf(char format) {
  return format == kLinkFormatCompact1 ? compress::Priming::Format1 : compress::Priming::Format3;
}

// A character named in a message: 'x' when printable, else a term ("a space") or its byte value.
ErrorParam describeChar(char c) {
  const auto b = static_cast<unsigned char>(c);
  if (b > 32 && b < 127) return std::string("'") + c + "'";
  if (b == ' ') return ErrorParam::termOf("space");
  constexpr char hex[] = "0123456789ABCDEF";
  return std::string("0x") + hex[b >> 4] + hex[b & 15];
}


std::string base64url(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  out.reserve(bytes.size() * 4 / 3 + 2);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const std::uint8_t b : bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out.push_back(kAlphabet[(acc >> bits) & 63u]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << (6 - bits)) & 63u]);
  return out;
}

void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(v));
}

// Reads a varint at `pos`; false when the bytes end first or it is longer than 9 bytes.
bool getVarint(const std::vector<std::uint8_t>& in, std::size_t& pos, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 63; shift += 7) {
    if (pos >= in.size()) return false;
    const std::uint8_t b = in[pos++];
    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) return true;
  }
  return false;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Result<Board> decodeJsonForm(std::string_view encoded, const Limits& limits) {
  if (encoded.empty()) return Error{"link.emptyJson"};
  std::string text;
  text.reserve(encoded.size());
  for (std::size_t i = 0; i < encoded.size(); ++i) {
    const char c = encoded[i];
    if (c == '%') {
      const int hi = i + 1 < encoded.size() ? hexValue(encoded[i + 1]) : -1;
      const int lo = i + 2 < encoded.size() ? hexValue(encoded[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        return Error{"link.json.percent", {i + 6}};
      text.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      const auto b = static_cast<unsigned char>(c);
      if (b < 0x20 || b == 0x7F)
        return Error{"link.json.control", {describeChar(c), i + 6}};
      text.push_back(c);
    }
  }
  const std::size_t bad = board_codec::firstInvalidUtf8(text);
  if (bad != std::string::npos)
    return Error{"link.json.utf8", {bad + 1}};
  return loadJson(text, limits);
}

Result<Board> decodeFramed(char format, std::string_view payload, const Limits& limits) {
  // Strict alphabet; positions count from the first character after '#', starting at 1.
  for (std::size_t i = 0; i < payload.size(); ++i) {
    if (kAlphabetIndex[static_cast<unsigned char>(payload[i])] < 0)
      return Error{"link.character", {describeChar(payload[i]), i + 2}};
  }
  if (payload.size() % 4 == 1) return Error{kIncomplete};  // 6 bits cannot end a byte
  std::vector<std::uint8_t> bytes;
  bytes.reserve(payload.size() * 3 / 4);
  std::uint32_t acc = 0;
  int bits = 0;
  for (const char c : payload) {
    acc = (acc << 6) | static_cast<std::uint32_t>(kAlphabetIndex[static_cast<unsigned char>(c)]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<std::uint8_t>(acc >> bits));
    }
  }
  const bool cleanPadding = (acc & ((1u << bits) - 1u)) == 0;

  std::size_t pos = 0;
  std::uint64_t size = 0, streamLength = 0;
  if (!getVarint(bytes, pos, size) || !getVarint(bytes, pos, streamLength) || bytes.size() - pos < 4)
    return Error{kIncomplete};
  const std::size_t cap = std::min<std::size_t>(limits.maxBytes, kMaxLinkChars * 64);
  if (size > cap)
    return Error{"link.bomb", {size, cap}};
  std::uint32_t crc = 0;
  for (int k = 0; k < 4; ++k) crc |= static_cast<std::uint32_t>(bytes[pos++]) << (8 * k);
  const std::size_t available = bytes.size() - pos;
  if (streamLength > available) return Error{kIncomplete};
  // The encoder may add one zero byte so the link does not end on '-' or '_'; anything more is extra.
  for (std::size_t i = pos + static_cast<std::size_t>(streamLength); i < bytes.size(); ++i)
    if (bytes[i] != 0 || i > pos + streamLength) return Error{kDamaged};

  if (!cleanPadding) return Error{kDamaged};  // checked after the lengths: a cut link is "incomplete"

  const auto stream = std::span<const std::uint8_t>(bytes).subspan(pos, static_cast<std::size_t>(streamLength));
  std::vector<std::uint8_t> unpacked;
  if (format == kLinkFormatCompact || format == kLinkFormatCompact1) {
    auto result = compress::decompress(stream, static_cast<std::size_t>(size), primingOf(format));
    if (result.bytesUnused > 0) return Error{kDamaged};
    unpacked = std::move(result.bytes);
  } else {
    auto result = fast_compress::decompress(stream, static_cast<std::size_t>(size));
    if (result.damaged || result.bytesUnused > 0) return Error{kDamaged};
    unpacked = std::move(result.bytes);
  }
  if (unpacked.size() != size || compress::crc32(unpacked) != crc) return Error{kDamaged};

  auto board = board_codec::deserialize(unpacked, limits);
  if (!board.ok()) {
    // A limit is a clear statement about the board; anything else means the data is inconsistent.
    if (board.error().code.rfind("limit.", 0) == 0) return board.error();
    return Error{"link.data"}.because(board.error());
  }
  const auto valid = validate(*board, limits);
  if (!valid.ok()) return valid.error();
  return board;
}

// The fragment of a board's binary form in link format `format` ('1', '2' or '3').
std::string encodeRaw(const std::vector<std::uint8_t>& raw, char format) {
  const std::vector<std::uint8_t> stream =
      format == kLinkFormatFast ? fast_compress::compress(raw) : compress::compress(raw, primingOf(format));
  std::vector<std::uint8_t> bytes;
  bytes.reserve(stream.size() + 16);
  putVarint(bytes, raw.size());
  putVarint(bytes, stream.size());
  const std::uint32_t crc = compress::crc32(raw);
  for (int k = 0; k < 4; ++k) bytes.push_back(static_cast<std::uint8_t>(crc >> (8 * k)));
  bytes.insert(bytes.end(), stream.begin(), stream.end());
  std::string fragment = std::string(1, format) + base64url(bytes);
  // Chat apps and mail clients often leave trailing '-' or '_' out of the link they detect; end on a
  // letter instead ('A' adds only zero bits, which the decoder accepts as padding).
  // Two when one would leave a length no base64 text can have (4k + 1 characters); the second
  // completes one zero byte, which the decoder also accepts.
  if (fragment.back() == '-' || fragment.back() == '_') fragment += (fragment.size() - 1) % 4 == 0 ? "AA" : "A";
  return fragment;
}

}  // namespace

std::string encodeFragmentInFormat(const Board& board, char format) {
  if (format != kLinkFormatCompact1 && format != kLinkFormatCompact) format = kLinkFormatFast;
  return encodeRaw(board_codec::serialize(board), format);
}

std::string encodeFragment(const Board& board) {
  std::vector<std::uint8_t> raw = board_codec::serialize(board);
  // The fragment depends on these bytes alone, and the editor asks for the same board's link again and
  // again (every frame the share dialog is open): the last one is kept, so a repeat costs the board codec
  // (12 µs for 40 notes natively) instead of the compression (1.2 ms).
  thread_local std::vector<std::uint8_t> lastRaw;
  thread_local std::string lastFragment;
  if (!lastFragment.empty() && raw == lastRaw) return lastFragment;
  std::string fragment;
  if (raw.size() <= kFastLinkFromBytes) {
    fragment = encodeRaw(raw, kLinkFormatCompact);
  } else {
    fragment = encodeRaw(raw, kLinkFormatFast);
    if (raw.size() <= kBothFormatsUpToBytes) {
      std::string compact = encodeRaw(raw, kLinkFormatCompact);
      if (compact.size() < fragment.size()) fragment = std::move(compact);
    }
  }
  lastRaw = std::move(raw);
  lastFragment = fragment;
  return fragment;
}

std::string encodeLink(const Board& board, std::string_view baseUrl) {
  std::string_view base = baseUrl;
  const auto cut = base.find_first_of("#?");
  if (cut != std::string_view::npos) base = base.substr(0, cut);
  return std::string(base) + "#" + encodeFragment(board);
}

std::string_view linkFragment(std::string_view linkOrFragment) {
  std::string_view s = linkOrFragment;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  const auto hash = s.find('#');
  if (hash != std::string_view::npos) return s.substr(hash + 1);
  return s;
}

Result<Board> decodeLink(std::string_view linkOrFragment, const Limits& limits) {
  if (linkOrFragment.size() > kMaxLinkChars)
    return Error{"link.tooLong", {linkOrFragment.size(), kMaxLinkChars}};
  const bool hadHash = linkOrFragment.find('#') != std::string_view::npos;
  const std::string_view fragment = linkFragment(linkOrFragment);
  if (fragment.empty())
    return Error{hadHash ? "link.nothingAfterHash" : "link.empty"};
  if (!hadHash && fragment.find("://") != std::string_view::npos)
    return Error{"link.noHash"};
  if (fragment.substr(0, 5) == "json=") return decodeJsonForm(fragment.substr(5), limits);
  const char version = fragment.front();
  if (version == kLinkFormatCompact1 || version == kLinkFormatFast || version == kLinkFormatCompact)
    return decodeFramed(version, fragment.substr(1), limits);
  if (version > kLinkVersion && version <= '9')
    return Error{"link.newer", {std::string(1, version)}};
  return Error{"link.notMapathy", {describeChar(version)}};
}

}  // namespace mapathy
