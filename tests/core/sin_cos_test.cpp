// The web build's sinf and cosf (core/base/sin_cos.hpp) against the double functions, rounded to float.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>

#include "core/base/sin_cos.hpp"

namespace mapathy {
namespace {

// Distance in units in the last place between two floats of the same sign (0 when equal).
std::int64_t ulps(float a, float b) {
  if (a == b) return 0;
  std::int32_t ia = 0, ib = 0;
  std::memcpy(&ia, &a, sizeof a);
  std::memcpy(&ib, &b, sizeof b);
  if (ia < 0) ia = std::numeric_limits<std::int32_t>::min() - ia;
  if (ib < 0) ib = std::numeric_limits<std::int32_t>::min() - ib;
  return std::llabs(static_cast<std::int64_t>(ia) - ib);
}

void expectClose(float x) {
  const auto wantSin = static_cast<float>(std::sin(static_cast<double>(x)));
  const auto wantCos = static_cast<float>(std::cos(static_cast<double>(x)));
  const float gotSin = text::sinFloat(x);
  const float gotCos = text::cosFloat(x);
  // Within one unit in the last place, or (near a zero of the function) within 2^-50 absolutely.
  EXPECT_TRUE(ulps(gotSin, wantSin) <= 1 || std::fabs(gotSin - wantSin) < 0x1p-50f) << "sin(" << x << ") = " << gotSin
                                                                                  << ", want " << wantSin;
  EXPECT_TRUE(ulps(gotCos, wantCos) <= 1 || std::fabs(gotCos - wantCos) < 0x1p-50f) << "cos(" << x << ") = " << gotCos
                                                                                  << ", want " << wantCos;
}

TEST(SinCos, TheAnglesDearImGuiDrawsWith) {
  // Arcs and circles: multiples of a segment's angle over a few turns, both signs.
  for (int segments : {4, 12, 24, 48, 64, 128}) {
    for (int i = -3 * segments; i <= 3 * segments; ++i) {
      expectClose(static_cast<float>(i) * 2.0f * 3.14159265f / static_cast<float>(segments));
    }
  }
}

TEST(SinCos, ExactValuesAndSpecialCases) {
  EXPECT_EQ(text::sinFloat(0.0f), 0.0f);
  EXPECT_TRUE(std::signbit(text::sinFloat(-0.0f)));
  EXPECT_EQ(text::cosFloat(0.0f), 1.0f);
  EXPECT_EQ(text::cosFloat(-0.0f), 1.0f);
  EXPECT_TRUE(std::isnan(text::sinFloat(std::numeric_limits<float>::infinity())));
  EXPECT_TRUE(std::isnan(text::cosFloat(-std::numeric_limits<float>::infinity())));
  EXPECT_TRUE(std::isnan(text::sinFloat(std::numeric_limits<float>::quiet_NaN())));
  EXPECT_TRUE(std::isnan(text::cosFloat(std::numeric_limits<float>::quiet_NaN())));
  EXPECT_FLOAT_EQ(text::sinFloat(1.5707964f), 1.0f);
  EXPECT_FLOAT_EQ(text::cosFloat(3.1415927f), -1.0f);
}

TEST(SinCos, RandomAnglesUpToAMillionRadians) {
  std::mt19937 random(20261206);
  std::uniform_real_distribution<float> small(-10.0f, 10.0f);
  std::uniform_real_distribution<float> large(-1048576.0f, 1048576.0f);
  for (int i = 0; i < 20000; ++i) expectClose(small(random));
  for (int i = 0; i < 20000; ++i) expectClose(large(random));
}

}  // namespace
}  // namespace mapathy
