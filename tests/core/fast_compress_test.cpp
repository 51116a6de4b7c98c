// Tests of the fast compressor of link format 2 (core/fast_compress.hpp): exact round trips of empty,
// tiny, random, repetitive and board-shaped inputs, and every hostile stream — truncated, corrupted,
// matches reaching before the start or past the declared size, huge lengths, repeats without a
// distance, a bomb that declares less than it carries — each stopped with bounded output.
#include "core/codec/fast_compress.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "random_board.hpp"
#include "sample_boards.hpp"

namespace mapathy {
namespace {

using Bytes = std::vector<std::uint8_t>;
using fast_compress::Token;

void expectRoundTrip(const Bytes& data, const char* what) {
  const Bytes stream = fast_compress::compress(data);
  const auto back = fast_compress::decompress(stream, data.size());
  ASSERT_FALSE(back.damaged) << what;
  ASSERT_EQ(back.bytes, data) << what;
  EXPECT_EQ(back.bytesUnused, 0u) << what;
  EXPECT_EQ(back.bytesPastEnd, 0u) << what;
  // Deterministic: the same input gives the same stream.
  EXPECT_EQ(fast_compress::compress(data), stream) << what;
}

Token literal(char c) { return Token{static_cast<std::uint8_t>(c), 0, 0}; }
Token match(std::uint64_t length, std::uint64_t distance) { return Token{0, length, distance}; }

TEST(FastCompress, RoundTripsEmptyTinyAndRunLengthInputs) {
  expectRoundTrip({}, "empty");
  expectRoundTrip({0}, "one zero");
  expectRoundTrip({'a', 'b'}, "two bytes");
  expectRoundTrip({'a', 'a', 'a'}, "three equal bytes");
  expectRoundTrip(Bytes(5000, 'x'), "a run (overlapping match at distance 1)");
  Bytes pattern;
  for (int i = 0; i < 3000; ++i) pattern.push_back(static_cast<std::uint8_t>("abcab"[i % 5]));
  expectRoundTrip(pattern, "a short period");
}

TEST(FastCompress, RoundTripsRandomAndSkewedBytes) {
  std::mt19937_64 rng(2024);
  for (int i = 0; i < 40; ++i) {
    Bytes data(rng() % 20000);
    const unsigned alphabet = i % 4 == 0 ? 256u : i % 4 == 1 ? 2u : i % 4 == 2 ? 17u : 64u;
    for (auto& b : data) b = static_cast<std::uint8_t>(rng() % alphabet);
    expectRoundTrip(data, "random bytes");
  }
}

TEST(FastCompress, RoundTripsBoardsOfEverySize) {
  for (const int notes : {0, 1, 40, 200, 1000, 3000}) {
    const Bytes raw = board_codec::serialize(samples::largeGermanEmpathyMap(notes));
    expectRoundTrip(raw, "sample board");
  }
  std::mt19937_64 rng(77);
  for (int i = 0; i < 30; ++i) {
    const Bytes raw =
        board_codec::serialize(randomBoard(rng, i % 2 ? BoardKind::Journey : BoardKind::EmpathyMap, static_cast<int>(rng() % 300)));
    expectRoundTrip(raw, "random board");
  }
}

TEST(FastCompress, LargeBoardsShrinkAndCodeQuickly) {
  const Bytes raw = board_codec::serialize(samples::largeGermanEmpathyMap(1000));
  const Bytes stream = fast_compress::compress(raw);
  const auto back = fast_compress::decompress(stream, raw.size());
  ASSERT_EQ(back.bytes, raw);
  EXPECT_LT(stream.size() * 10, raw.size()) << "a 1,000-note board repeats phrases; it must shrink tenfold";
  // Its speed is measured by the benchmarks (bench/), not here.
}

TEST(FastCompress, TokensDecodeToWhatTheyDescribe) {
  const std::vector<Token> tokens = {literal('a'), literal('b'), literal('c'), match(6, 3), literal('-'), match(4, 0)};
  const auto back = fast_compress::decompress(fast_compress::encodeTokens(tokens), 14);
  ASSERT_FALSE(back.damaged);
  // "abc" + "abcabc" (distance 3, overlapping) + "-" + 4 bytes at the repeated distance 3 ("bc-b").
  EXPECT_EQ(std::string(back.bytes.begin(), back.bytes.end()), "abcabcabc-bc-b");
  EXPECT_EQ(back.bytesUnused, 0u);
}

// ---- hostile streams -------------------------------------------------------------------------

TEST(FastCompressHostile, MatchBeforeTheFirstByteIsDamaged) {
  for (const std::uint64_t distance : {std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{1000}, std::uint64_t{1} << 30}) {
    const auto back =
        fast_compress::decompress(fast_compress::encodeTokens(std::vector<Token>{literal('a'), match(3, distance)}), 10);
    EXPECT_TRUE(back.damaged) << distance;
    EXPECT_EQ(back.bytes.size(), 1u) << "nothing is copied from before the start";
  }
  // A match as the very first token has nothing to copy from.
  EXPECT_TRUE(fast_compress::decompress(fast_compress::encodeTokens(std::vector<Token>{match(3, 1)}), 10).damaged);
}

TEST(FastCompressHostile, RepeatWithoutAnEarlierDistanceIsDamaged) {
  const auto back = fast_compress::decompress(
      fast_compress::encodeTokens(std::vector<Token>{literal('a'), literal('b'), match(3, 0)}), 10);
  EXPECT_TRUE(back.damaged);
  EXPECT_EQ(back.bytes.size(), 2u);
}

TEST(FastCompressHostile, MatchPastTheDeclaredSizeIsDamagedBeforeCopying) {
  const auto back =
      fast_compress::decompress(fast_compress::encodeTokens(std::vector<Token>{literal('a'), match(1000, 1)}), 50);
  EXPECT_TRUE(back.damaged);
  EXPECT_EQ(back.bytes.size(), 1u);
  EXPECT_LE(back.bytes.capacity(), 50u) << "the output never grows past the declared size";
}

TEST(FastCompressHostile, HugeLengthsAndDistancesAreDamaged) {
  for (const std::uint64_t huge : {std::uint64_t{1} << 31, std::uint64_t{1} << 40, ~std::uint64_t{0} >> 1}) {
    EXPECT_TRUE(fast_compress::decompress(
                    fast_compress::encodeTokens(std::vector<Token>{literal('a'), match(huge, 1)}), 1u << 20)
                    .damaged)
        << "length " << huge;
    EXPECT_TRUE(fast_compress::decompress(
                    fast_compress::encodeTokens(std::vector<Token>{literal('a'), match(3, huge)}), 1u << 20)
                    .damaged)
        << "distance " << huge;
  }
}

TEST(FastCompressHostile, ABombStopsAtTheDeclaredSize) {
  // 8 MiB of zeros code to a few dozen bytes; declared as 64 KiB, decoding produces exactly that much
  // (the buffer never grows), and the unread rest of the stream gives the lie away.
  const Bytes zeros(8u * 1024u * 1024u, 0);
  const Bytes stream = fast_compress::compress(zeros);
  ASSERT_LT(stream.size(), 200u);
  const std::size_t declared = 64u * 1024u;
  const auto back = fast_compress::decompress(stream, declared);
  EXPECT_LE(back.bytes.size(), declared);
  const bool stopped = back.damaged || back.bytesUnused > 0;
  EXPECT_TRUE(stopped) << "a stream carrying more than declared must not look complete";
  EXPECT_LE(back.bytes.size(), declared);
  EXPECT_LE(back.bytes.capacity(), declared);
}

TEST(FastCompressHostile, TruncatedStreamsStopSoonAfterTheEnd) {
  const Bytes raw = board_codec::serialize(samples::largeGermanEmpathyMap(300));
  const Bytes stream = fast_compress::compress(raw);
  for (const std::size_t keep : {std::size_t{0}, std::size_t{1}, stream.size() / 3, stream.size() - 5}) {
    const auto back = fast_compress::decompress(std::span<const std::uint8_t>(stream).first(keep), raw.size());
    EXPECT_TRUE(back.bytes != raw) << keep;
    EXPECT_TRUE(back.damaged || back.bytesPastEnd > 0 || back.bytes.size() < raw.size()) << keep;
    EXPECT_LE(back.bytes.size(), raw.size());
  }
}

TEST(FastCompressHostile, CorruptedStreamsNeverReadOrWriteOutOfBounds) {
  // Under AddressSanitizer this is the proof: every flipped byte decodes within bounds.
  const Bytes raw = board_codec::serialize(samples::largeGermanEmpathyMap(60));
  const Bytes stream = fast_compress::compress(raw);
  std::mt19937_64 rng(5);
  int noticed = 0;
  for (std::size_t at = 0; at < stream.size(); ++at) {
    Bytes bad = stream;
    bad[at] = static_cast<std::uint8_t>(bad[at] ^ (1u + rng() % 255u));
    const auto back = fast_compress::decompress(bad, raw.size());
    ASSERT_LE(back.bytes.size(), raw.size());
    if (back.damaged || back.bytes != raw || back.bytesUnused > 0) ++noticed;
  }
  // The last few bytes may only carry bits below the coder's precision; everything else changes the output.
  EXPECT_GE(noticed + 4, static_cast<int>(stream.size()));
  // Random garbage of any length, with any declared size.
  for (int i = 0; i < 300; ++i) {
    Bytes garbage(rng() % 300);
    for (auto& b : garbage) b = static_cast<std::uint8_t>(rng());
    const std::size_t declared = rng() % 5000;
    const auto back = fast_compress::decompress(garbage, declared);
    ASSERT_LE(back.bytes.size(), declared);
  }
}

}  // namespace
}  // namespace mapathy
