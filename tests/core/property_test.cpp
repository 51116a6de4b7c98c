// Property tests of the format: any valid board → JSON → the same board.
#include <gtest/gtest.h>

#include <random>

#include "core/io/format.hpp"
#include "random_board.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace mapathy {
namespace {

TEST(FormatProperty, RandomBoardsAreValid) {
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    std::mt19937_64 rng(seed);
    Board b = randomBoard(rng, seed % 2 ? BoardKind::Journey : BoardKind::EmpathyMap, static_cast<int>(seed % 60));
    auto valid = validate(b);
    ASSERT_TRUE(valid.ok()) << "seed " << seed << ": " << english(valid.error());
  }
}

TEST(FormatProperty, AnyBoardSurvivesJsonRoundTrip) {
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    std::mt19937_64 rng(seed * 7919 + 1);
    Board b = randomBoard(rng, seed % 2 ? BoardKind::Journey : BoardKind::EmpathyMap, static_cast<int>(seed % 80));
    for (bool pretty : {false, true}) {
      auto r = loadJson(saveJson(b, pretty));
      ASSERT_TRUE(r.ok()) << "seed " << seed << ": " << english(r.error());
      ASSERT_EQ(*r, b) << "seed " << seed;
    }
  }
}

TEST(FormatProperty, SavingIsDeterministic) {
  std::mt19937_64 rng(42);
  Board b = randomBoard(rng, BoardKind::Journey, 50);
  EXPECT_EQ(saveJson(b), saveJson(b));
  EXPECT_EQ(saveJson(*loadJson(saveJson(b))), saveJson(b));
}

TEST(FormatProperty, LargeBoardsLoadWithinLimits) {
  std::mt19937_64 rng(5);
  Board b = randomBoard(rng, BoardKind::EmpathyMap, 5000);
  std::string text = saveJson(b);
  EXPECT_LT(text.size(), Limits{}.maxBytes);
  auto r = loadJson(text);
  ASSERT_TRUE(r.ok()) << english(r.error());
  EXPECT_EQ(r->notes.size(), 5000u);
}

}  // namespace
}  // namespace mapathy
