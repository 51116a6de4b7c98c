// Mapathy core — the binary arithmetic coder both share-link compressors use (core/compress.hpp for link
// format 1, core/fast_compress.hpp for format 2): 32-bit range [low, high], carry-less (PAQ-style), 12-bit
// probabilities. Part of both link formats: changing a line changes every link's bytes.
//
// Why header-only: it runs once per coded bit, so the compilers must be able to inline it into the
// models' loops.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace mapathy::arithmetic {

// `p12` is the probability (1..4095, in 1/4096) that the bit is 1.
inline std::uint32_t splitPoint(std::uint32_t low, std::uint32_t high, std::uint32_t p12) {
  return low + static_cast<std::uint32_t>((static_cast<std::uint64_t>(high - low) * p12) >> 12);
}

class Encoder {
 public:
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  void encode(int bit, std::uint32_t p12) {
    const std::uint32_t mid = splitPoint(low_, high_, p12);
    if (bit) high_ = mid; else low_ = mid + 1;
    while (((low_ ^ high_) & 0xFF000000u) == 0) {
      out_.push_back(static_cast<std::uint8_t>(high_ >> 24));
      low_ <<= 8;
      high_ = (high_ << 8) | 0xFFu;
    }
  }
  // The stream: the shortest prefix v (the decoder reads zeros after it) with low <= v <= high, and
  // trailing zero bytes trimmed.
  std::vector<std::uint8_t> finish() {
    for (int k = 1; k <= 4; ++k) {
      const int shift = 32 - 8 * k;
      const std::uint64_t unit = std::uint64_t{1} << shift;
      const std::uint64_t v = (static_cast<std::uint64_t>(low_) + unit - 1) / unit * unit;
      if (v <= high_) {
        for (int j = 0; j < k; ++j) out_.push_back(static_cast<std::uint8_t>(v >> (24 - 8 * j)));
        break;
      }
    }
    while (!out_.empty() && out_.back() == 0) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::uint32_t low_ = 0, high_ = 0xFFFFFFFFu;
  std::vector<std::uint8_t> out_;
};

// Reads past the end of its input as zeros and counts how far, so callers can tell a cut-off stream.
class Decoder {
 public:
  explicit Decoder(std::span<const std::uint8_t> in) : in_(in) {
    for (int i = 0; i < 4; ++i) x_ = (x_ << 8) | next();
  }
  int decode(std::uint32_t p12) {
    const std::uint32_t mid = splitPoint(low_, high_, p12);
    const int bit = x_ <= mid ? 1 : 0;
    if (bit) high_ = mid; else low_ = mid + 1;
    while (((low_ ^ high_) & 0xFF000000u) == 0) {
      low_ <<= 8;
      high_ = (high_ << 8) | 0xFFu;
      x_ = (x_ << 8) | next();
    }
    return bit;
  }
  // Stream bytes read beyond the input (the first 4 are only the look-ahead window).
  std::size_t pastEnd() const { return pos_ > in_.size() ? pos_ - in_.size() : 0; }
  // Input bytes never read.
  std::size_t unused() const { return pos_ < in_.size() ? in_.size() - pos_ : 0; }

 private:
  std::uint32_t next() {
    const std::uint32_t b = pos_ < in_.size() ? in_[pos_] : 0u;
    ++pos_;
    return b;
  }
  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
  std::uint32_t low_ = 0, high_ = 0xFFFFFFFFu, x_ = 0;
};

}  // namespace mapathy::arithmetic
