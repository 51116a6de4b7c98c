// libFuzzer target for the share link's inner layers, which the link's checksum hides from a link
// fuzzer: the compact binary board form (core/board_codec.hpp) and the decompressors of link
// format 1 (core/compress.hpp) and link format 2 (core/fast_compress.hpp).
//
// Input: one selector byte, then the payload.
//   selector even: payload is board bytes → deserialize; an accepted, valid board must serialize
//                  and deserialize back equal;
//   selector odd:  payload is a compressed stream; both decompressors, asked for a size taken from
//                  the selector (at most 64 KiB), must never give more bytes than asked for.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "core/codec/compress.hpp"
#include "core/codec/fast_compress.hpp"
#include "core/io/format.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::span<const std::uint8_t> payload(data + 1, size - 1);
  if ((selector & 1u) == 1u) {
    const std::size_t want = (static_cast<std::size_t>(selector) >> 1) * 512u;  // 0 … 65,024 bytes
    const auto out = mapathy::compress::decompress(payload, want);
    if (out.bytes.size() > want) std::abort();
    const auto fast = mapathy::fast_compress::decompress(payload, want);
    if (fast.bytes.size() > want || fast.bytes.capacity() > want) std::abort();
    return 0;
  }
  const auto board = mapathy::board_codec::deserialize(payload);
  if (!board.ok()) {
    if (mapathy::ui::findErrorWording(board.error().code) == nullptr) std::abort();  // every refusal is worded
    return 0;
  }
  if (!mapathy::validate(*board).ok()) return 0;  // deserialize checks structure; validate() is the link's next step
  const std::vector<std::uint8_t> bytes = mapathy::board_codec::serialize(*board);
  const auto again = mapathy::board_codec::deserialize(bytes);
  if (!again.ok() || !(*again == *board)) {
    std::fprintf(stderr, "board codec round trip differs: %s\n", again.ok() ? "boards differ" : english(again.error()).c_str());
    std::abort();
  }
  const auto packed = mapathy::compress::compress(bytes);
  const auto unpacked = mapathy::compress::decompress(packed, bytes.size());
  if (unpacked.bytes != bytes) {
    std::fprintf(stderr, "compress round trip differs\n");
    std::abort();
  }
  const auto fastUnpacked = mapathy::fast_compress::decompress(mapathy::fast_compress::compress(bytes), bytes.size());
  if (fastUnpacked.damaged || fastUnpacked.bytes != bytes) {
    std::fprintf(stderr, "fast_compress round trip differs\n");
    std::abort();
  }
  return 0;
}
