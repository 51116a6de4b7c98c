// Links built by hand, byte by byte, for tests that need links the app would never write (wrong sizes,
// wrong checksums, hostile streams): an independent writer of the share-link layout, so a test does not
// trust the code under test to make its input. Used by share_link_test.cpp and hostile_input_test.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/codec/compress.hpp"

namespace mapathy::crafted {

inline std::string base64url(const std::vector<std::uint8_t>& bytes) {
  constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
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

// A fragment (format 1 unless told): declared size, stream length, CRC-32 of `raw`, then `stream`.
inline std::string craftFragment(const std::vector<std::uint8_t>& raw, std::uint64_t declaredSize,
                                 const std::vector<std::uint8_t>& stream, char format = '1') {
  std::vector<std::uint8_t> bytes;
  auto varint = [&bytes](std::uint64_t v) {
    while (v >= 0x80) {
      bytes.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    bytes.push_back(static_cast<std::uint8_t>(v));
  };
  varint(declaredSize);
  varint(stream.size());
  const std::uint32_t crc = compress::crc32(raw);
  for (int k = 0; k < 4; ++k) bytes.push_back(static_cast<std::uint8_t>(crc >> (8 * k)));
  bytes.insert(bytes.end(), stream.begin(), stream.end());
  return std::string(1, format) + base64url(bytes);
}

// RFC 3986 percent-encoding of everything but unreserved characters.
inline std::string percentEncode(std::string_view text) {
  std::string out;
  constexpr char hex[] = "0123456789ABCDEF";
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_' ||
        b == '.' || b == '~') {
      out.push_back(c);
    } else {
      out += '%';
      out += hex[b >> 4];
      out += hex[b & 15];
    }
  }
  return out;
}

}  // namespace mapathy::crafted
