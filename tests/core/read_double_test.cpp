// The web build's strtod (core/base/read_double.hpp) against the C library's.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/read_double.hpp"

namespace mapathy {
namespace {

struct Read {
  double value;
  std::ptrdiff_t length;
};

Read ours(const char* text) {
  char* end = nullptr;
  const double v = text::readDouble(text, &end);
  return {v, end - text};
}

Read libc(const char* text) {
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  return {v, end - text};
}

TEST(ReadDouble, ShortNumbersAreExactlyTheCLibrarysWithTheSameEnd) {
  for (const char* text : {"0", "-0", "1", "-1", "0.5", "3.14159", "-2.71828", "1e10", "1E-10", "2.5e-5", "123456789012345",
                           "0.1", "0.2", "0.3", "1.5e+22", "9007199254740992", "  42", "\t-7.25", "7.", ".5", "-.5e1",
                           "12abc", "1e", "1e+", "1.5e-x", "00012.5000", "5e-324", "1e22", "4e-22", "1e400",
                           "-1e400", "1e-400", "inf", "-Infinity", "NaN", "infinite"}) {
    const Read a = ours(text), b = libc(text);
    EXPECT_EQ(a.length, b.length) << text;
    if (std::isnan(b.value)) {
      EXPECT_TRUE(std::isnan(a.value)) << text;
    } else if (std::fabs(b.value) < 1e-300 && b.value != 0.0) {
      EXPECT_NEAR(a.value, b.value, 1e-323) << text;  // denormals: within a unit
    } else {
      EXPECT_EQ(a.value, b.value) << text;
      EXPECT_EQ(std::signbit(a.value), std::signbit(b.value)) << text;
    }
  }
}

TEST(ReadDouble, NoNumberReadsNothing) {
  for (const char* text : {"", "-", "+", ".", "-.", "abc", "e5", " "}) {
    const Read a = ours(text), b = libc(text);
    EXPECT_EQ(a.length, 0) << text;
    EXPECT_EQ(a.length, b.length) << text;
    EXPECT_EQ(a.value, 0.0) << text;
  }
}

// What a board keeps: floats, written by nlohmann/json (shortest digits of the double, up to 17) and read back.
TEST(ReadDouble, EveryFloatAJsonFileHoldsComesBackExactly) {
  std::mt19937 random(20261206);
  std::uniform_real_distribution<float> coordinate(-100000.0f, 100000.0f);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 20000; ++i) {
    const float f = i % 2 == 0 ? coordinate(random) : unit(random);
    const std::string written = nlohmann::json(static_cast<double>(f)).dump();
    const Read a = ours(written.c_str());
    EXPECT_EQ(static_cast<float>(a.value), f) << written;
    EXPECT_EQ(a.length, static_cast<std::ptrdiff_t>(written.size())) << written;
  }
  for (const float f : {1.0f / 3.0f, 0.1f, 2.0f / 3.0f, 1e-7f, 123456.789f}) {
    const std::string written = nlohmann::json(static_cast<double>(f)).dump();
    EXPECT_EQ(static_cast<float>(ours(written.c_str()).value), f) << written;
  }
}

TEST(ReadDouble, LongNumbersAreWithinAFewUnitsInTheLastPlace) {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> mantissa(1.0, 10.0);
  std::uniform_int_distribution<int> exponent(-300, 300);
  for (int i = 0; i < 20000; ++i) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17ge%d", mantissa(random), exponent(random));
    const double a = ours(text).value, b = libc(text).value;
    EXPECT_LE(std::fabs(a - b), 8.0 * std::fabs(std::nextafter(b, 0.0) - b)) << text;
  }
  const double largest = ours("1.7976931348623157e308").value;
  EXPECT_TRUE(std::isfinite(largest));
  EXPECT_NEAR(largest / 1.7976931348623157e308, 1.0, 1e-15);
}

}  // namespace
}  // namespace mapathy
