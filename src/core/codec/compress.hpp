// Mapathy core — the share-link compressor: a small context-mixing byte compressor written for
// short texts (a board is a few kilobytes of mostly German/English sticky-note text).
//
// Why not deflate: on 1–3 KB inputs deflate barely starts matching before the input ends, and its
// Huffman tables cost bytes of their own. A bitwise arithmetic coder whose probabilities come from
// order-0…6 contexts, a word model and a match model (mixed by a tiny online neural mixer, PAQ-style)
// learns from the first byte on, and a built-in priming text of frequent workshop words (German and
// English) lets it know "Kunde", "wartet", "Termin"… before it has seen them. Link format 3 primes with
// generic vocabulary only; format 1's priming also held whole phrases, kept for its old links.
//
// Determinism: integer arithmetic only (no floats, no platform-dependent shifts or sizes), so the
// native build and WebAssembly produce and accept identical bytes. The priming text and every
// constant are part of the link format: changing any of them needs a new link version prefix.
//
// Hostile input: decompress() never produces more than the caller's `size` bytes, reads past the
// end of the stream only as zeros, and reports how far it read so the caller can tell a cut-off
// link from a damaged one. Memory is bounded by `size` (tables are sized from it, capped).
//
// Speed (the format is frozen, so only the implementation may change): each table size's primed model
// is built once and copied (the 16-bit one, which every link of up to 8 KiB uses, ≈ 1.5 MB; the
// larger ones only once a large format-1 link is decoded: 3 and 6.5 MB more, kept for the process's
// life); a counter's probability and count share one cache line; the next bit's two possible
// counters are prefetched while the current bit is coded. Large boards use link format 2 instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace mapathy::compress {

// Which priming text the model learns before the data: the one of link format 1 (kept so those links
// decode forever) or the generic vocabulary of link format 3 (what the encoder writes).
enum class Priming { Format1, Format3 };

// Compresses `data` into a raw arithmetic-coded stream (no header, no length: the caller stores
// the size and a checksum). Trailing zero bytes are trimmed (the decoder reads zeros past the end).
// (The default priming is format 1's: the tests and fuzzers that craft format-1 streams by hand use it.)
std::vector<std::uint8_t> compress(std::span<const std::uint8_t> data, Priming priming = Priming::Format1);

struct Decompressed {
  std::vector<std::uint8_t> bytes;
  std::size_t bytesPastEnd = 0;  // stream bytes the decoder needed beyond what it was given
  std::size_t bytesUnused = 0;   // stream bytes it was given but never needed
};
// Decodes exactly `size` bytes. Never fails by itself (a damaged stream decodes to wrong bytes,
// which the caller's checksum catches); stops early once it has read more than `maxPastEnd` bytes
// beyond the end (a truncated stream), returning what it has so far.
Decompressed decompress(std::span<const std::uint8_t> stream, std::size_t size, Priming priming = Priming::Format1,
                        std::size_t maxPastEnd = 16);

// CRC-32 (IEEE 802.3 polynomial, reflected), the checksum links carry of their decoded bytes.
std::uint32_t crc32(std::span<const std::uint8_t> data);

// The priming text (exposed for tests and for measuring what it buys).
std::string_view primingText(Priming priming = Priming::Format1);

// Compress without the priming text (only for measuring what it buys; links always prime).
std::vector<std::uint8_t> compressUnprimed(std::span<const std::uint8_t> data);

}  // namespace mapathy::compress
