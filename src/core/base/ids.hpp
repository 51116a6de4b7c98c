// Mapathy core — identifiers: the one base-36 writer and the ids made from random bits.
//
// Two kinds of ids, both lowercase base 36 ("0-9a-z"):
//   - counters: a Document numbers the notes, sections … it makes as "<site>-<counter>" (core/edit/document.hpp);
//     counters are written canonically (most significant digit first, no leading zeros), which the
//     share-link codec relies on to pack them (core/codec/board_codec.hpp);
//   - random ids: boards, sites (one per editing session, so two tabs never make the same note id) and
//     anonymous voters take a fixed number of digits from 64 random bits. The caller brings the bits
//     (the browser's crypto, std::random_device in the CLI, a seeded generator in tests), so the app and
//     the CLI make ids the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mapathy::ids {

inline constexpr std::size_t kBoardDigits = 10;  // 36^10 ≈ 3.7·10^15: boards never collide on one device
inline constexpr std::size_t kSiteDigits = 4;    // one per editing session; note ids stay short in links
inline constexpr std::size_t kVoterDigits = 6;   // one per device; short ballots in contribution links

// Canonical base 36 of a counter: 0 → "0", 35 → "z", 36 → "10".
std::string base36(std::uint64_t value);
// The value of canonical base-36 text (no leading zeros, at most 64 bits); false for anything else.
bool parseBase36(std::string_view text, std::uint64_t& value);
// `digits` base-36 digits taken from `randomBits` (least significant first).
std::string randomBase36(std::uint64_t randomBits, std::size_t digits);
// True for non-empty text made of base-36 digits only.
bool isBase36(std::string_view text);

inline std::string newBoardId(std::uint64_t randomBits) { return randomBase36(randomBits, kBoardDigits); }
inline std::string newSiteId(std::uint64_t randomBits) { return randomBase36(randomBits, kSiteDigits); }
inline std::string newVoterId(std::uint64_t randomBits) { return randomBase36(randomBits, kVoterDigits); }

}  // namespace mapathy::ids
