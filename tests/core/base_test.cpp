// core/base: the one base-36 id writer (counters and random ids) and the one content hash.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/base/hash.hpp"
#include "core/base/ids.hpp"

namespace mapathy {
namespace {

TEST(Ids, CountersAreCanonicalBase36AndReadBack) {
  EXPECT_EQ(ids::base36(0), "0");
  EXPECT_EQ(ids::base36(35), "z");
  EXPECT_EQ(ids::base36(36), "10");
  EXPECT_EQ(ids::base36(UINT64_MAX), "3w5e11264sgsf");
  for (const std::uint64_t v : {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{35}, std::uint64_t{36},
                                std::uint64_t{1295}, std::uint64_t{1296}, std::uint64_t{123456789}, UINT64_MAX}) {
    std::uint64_t back = 1;
    ASSERT_TRUE(ids::parseBase36(ids::base36(v), back)) << v;
    EXPECT_EQ(back, v);
  }
  std::uint64_t ignored = 0;
  EXPECT_FALSE(ids::parseBase36("", ignored));
  EXPECT_FALSE(ids::parseBase36("01", ignored)) << "leading zeros are not canonical";
  EXPECT_FALSE(ids::parseBase36("A", ignored)) << "upper case is not canonical";
  EXPECT_FALSE(ids::parseBase36("3w5e11264sgsg", ignored)) << "above 64 bits";
}

TEST(Ids, RandomIdsHaveTheirLengthAndOnlyBase36Digits) {
  EXPECT_EQ(ids::newBoardId(0), "0000000000");
  EXPECT_EQ(ids::randomBase36(37, 3), "110") << "least significant digit first";
  std::set<std::string> seen;
  std::uint64_t bits = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 1000; ++i) {
    bits = bits * 6364136223846793005ull + 1442695040888963407ull;
    const std::string board = ids::newBoardId(bits);
    EXPECT_EQ(board.size(), ids::kBoardDigits);
    EXPECT_TRUE(ids::isBase36(board)) << board;
    seen.insert(board);
    EXPECT_EQ(ids::newSiteId(bits).size(), ids::kSiteDigits);
    EXPECT_EQ(ids::newVoterId(bits).size(), ids::kVoterDigits);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_FALSE(ids::isBase36(""));
  EXPECT_FALSE(ids::isBase36("ab-c"));
}

TEST(Hash, IsFnv1aWithTheStandardOffsetBasis) {
  static_assert(kFnv1aOffsetBasis == 14695981039346656037ull);
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ull);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ull);
}

}  // namespace
}  // namespace mapathy
