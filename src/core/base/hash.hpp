// Mapathy core — the one content hash: 64-bit FNV-1a.
//
// Used where a short, stable fingerprint of text is needed and nothing is secret: the fixed tie-break
// between two versions of an entity in a merge (core/edit/merge.hpp), the anonymous voter derived
// from a contribution, the id of a board imported from Markdown. Stable across platforms and
// versions: changing it would change merge results and ids, so tests pin known values.
#pragma once

#include <cstdint>
#include <string_view>

namespace mapathy {

inline constexpr std::uint64_t kFnv1aOffsetBasis = 0xcbf29ce484222325ull;  // 14695981039346656037
inline constexpr std::uint64_t kFnv1aPrime = 0x100000001b3ull;             // 1099511628211

constexpr std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = kFnv1aOffsetBasis;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnv1aPrime;
  }
  return h;
}

}  // namespace mapathy
