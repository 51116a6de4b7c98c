// Mapathy core — the fast share-link compressor (link format 2): LZ77 with a hash-chain match finder,
// whose tokens are coded by a small adaptive binary arithmetic coder.
//
// Why a second compressor: the context-mixing coder of link format 1 (core/compress.hpp) gives the
// shortest links for the boards people usually share (a few kilobytes), but it works bit by bit
// through seven models and costs a few microseconds per byte both ways, so a 1,000-note board took
// well over 100 ms to encode and again to decode. This one codes a match (often dozens of bytes of a
// board's repeated structure and phrases) as one token of a few dozen binary decisions, and the
// literals in between with an order-1 model, so it runs at tens of megabytes per second while
// staying far smaller than deflate-style byte tokens. The link chooses by size (share_link.hpp).
//
// Determinism: integers only, no platform-dependent sizes; the stream is a pure function of the input,
// so native and WebAssembly builds produce and accept identical bytes. Every constant below is part of
// link format 2: changing one needs a new link version prefix.
//
// Hostile input: decompress() never produces more than the caller's `size` bytes (the output buffer is
// reserved once and never grows past it), checks every match's distance against what was already
// decoded and its length against what is left before copying, reads past the end of the stream only
// as zeros (and stops soon after), and reports a stream that makes no sense as `damaged`. Work is
// bounded by `size`: every token produces at least one byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mapathy::fast_compress {

// Compresses `data` into a raw arithmetic-coded stream (no header, no length: the caller stores the
// size and a checksum). Trailing zero bytes are trimmed (the decoder reads zeros past the end).
std::vector<std::uint8_t> compress(std::span<const std::uint8_t> data);

struct Decompressed {
  std::vector<std::uint8_t> bytes;
  bool damaged = false;           // a token pointed before the start or past the declared size
  std::size_t bytesPastEnd = 0;   // stream bytes the decoder needed beyond what it was given
  std::size_t bytesUnused = 0;    // stream bytes it was given but never needed
};
// Decodes exactly `size` bytes unless the stream is damaged (then `damaged` is set and `bytes` holds
// what was decoded before) or it reads more than `maxPastEnd` bytes beyond the stream's end.
Decompressed decompress(std::span<const std::uint8_t> stream, std::size_t size, std::size_t maxPastEnd = 16);

// The stream's tokens, exposed so tests and fuzz seeds can build streams the compressor would never
// write (matches reaching before the start, longer than the declared size, huge lengths).
struct Token {
  std::uint8_t literal = 0;   // when length == 0
  std::uint64_t length = 0;   // 0 for a literal, else a match of this many bytes (at least kMinMatch)
  std::uint64_t distance = 0; // how far back the match starts (1 = the previous byte); 0 = repeat the last distance
};
inline constexpr std::size_t kMinMatch = 3;
std::vector<std::uint8_t> encodeTokens(std::span<const Token> tokens);

}  // namespace mapathy::fast_compress
