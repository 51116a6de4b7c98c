// The web build's vsnprintf (core/base/printf.hpp) against the C library's, format by format.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "core/base/printf.hpp"

namespace mapathy {
namespace {

// Both formatters on the same format and arguments; the C library's output is the expectation.
template <typename... Args>
void same(const char* format, Args... args) {
  char expected[512];
  char actual[512];
  const int expectedLength = std::snprintf(expected, sizeof expected, format, args...);
  const int actualLength = text::formatTo(actual, sizeof actual, format, args...);
  EXPECT_EQ(std::string(actual), std::string(expected)) << "format \"" << format << "\"";
  EXPECT_EQ(actualLength, expectedLength) << "format \"" << format << "\"";
}

TEST(Printf, WhatDearImGuiAndJsonAskForIsWhatTheCLibraryWrites) {
  same("##Popup_%08x", 0x1234abcdu);
  same("%s/%08X", "Window", 0xdeadbeefu);
  same("%s/%s_%08X", "Parent", "child", 0x42u);
  same("##Menu_%02d", 7);
  same("\\u%04x", 0x1f);
  same("<U+%.4X>", 0x7fu);
  same("#%02X%02X%02X", 255, 8, 0);
  same("%.*s", 3, "abcdef");
  same("%d/%d", -12, 345);
  same("%s: %s  %s", "Freude", "+2", "sehr gut");
}

TEST(Printf, IntegersWithFlagsWidthsPrecisionsAndLengths) {
  for (const char* format : {"%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.3d", "%-8.3d|", "%+05d", "%i"}) {
    for (int v : {0, 1, -1, 42, -42, 12345, -2147483647 - 1, 2147483647}) same(format, v);
  }
  for (const char* format : {"%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%08x", "%#010x", "%.0u", "%.0x|"}) {
    for (unsigned v : {0u, 1u, 255u, 4096u, 4294967295u}) same(format, v);
  }
  same("%ld %lu %lx", -1234567890123L, 1234567890123UL, 0xabcdef012UL);
  same("%lld %llu", -9223372036854775807LL - 1, 18446744073709551615ULL);
  same("%zu %zx", std::size_t{123456}, std::size_t{0xbeef});
  same("%hhd %hd %hhu %hu", 300, 70000, 300, 70000);
  same("%jd %td", std::intmax_t{-5}, std::ptrdiff_t{77});
}

TEST(Printf, StringsCharactersPointersAndPercent) {
  same("[%s]", "Kundin");
  same("[%10s]", "Größe");
  same("[%-10s]", "abc");
  same("[%.2s]", "abc");
  same("[%*s]", 6, "ab");
  same("[%-*s]", 6, "ab");
  same("[%*s]", -6, "ab");
  same("[%c%c%3c%-3c]", 'a', 'b', 'c', 'd');
  same("100%% sicher");
  same("%p", reinterpret_cast<void*>(std::uintptr_t{0x1234}));
}

TEST(Printf, FloatsAsTheUiPrintsThem) {
  const double values[] = {0.0, 1.0, -1.0, 0.3, 2.5e-5, 3.14159, -2.71828, 99.996, 12345.678, 1e-10, 4.5e14};
  for (const char* format : {"%f", "%.0f", "%.1f", "%.2f", "%.3f", "%8.2f", "%-8.2f|", "%08.2f", "%+.1f", "%#.0f", "%F",
                             "%e", "%.2e", "%E", "%.0e", "%g", "%.3g", "%G", "%10.4g"}) {
    for (double v : values) same(format, v);
  }
  for (const char* format : {"%e", "%.2e", "%E", "%g", "%.3g", "%G", "%10.4g"}) {
    for (double v : {6.02e23, -1e100, 1.7e308, 4.9e-300}) same(format, v);
  }
  same("%.0f%%", 40.4);
  same("%g %g %g %g", 100000.0, 1000000.0, 0.0001, 0.00001);
  same("%f %f %F", 1.0 / 0.0, -1.0 / 0.0, 1.0 / 0.0);
  // Beyond 2^53 whole digits come from double arithmetic: close, not the C library's exact expansion.
  char out[64];
  text::formatTo(out, sizeof out, "%.0f", 6.02e23);
  EXPECT_EQ(std::string(out).substr(0, 4), "6020") << out;
  EXPECT_EQ(std::string(out).size(), 24u) << out;
}

TEST(Printf, TheBufferIsNeverOverrunAndTheFullLengthIsReturned) {
  char small[6] = {'x', 'x', 'x', 'x', 'x', 'x'};
  EXPECT_EQ(text::formatTo(small, 4, "%s-%d", "abcdef", 12), 9);
  EXPECT_STREQ(small, "abc");
  EXPECT_EQ(small[4], 'x');
  EXPECT_EQ(text::formatTo(nullptr, 0, "%d", 12345), 5);
  char one[1] = {'x'};
  EXPECT_EQ(text::formatTo(one, 1, "abc"), 3);
  EXPECT_EQ(one[0], '\0');
}

TEST(Printf, AnUnknownConversionIsPrintedAsItStands) {
  char out[32];
  EXPECT_EQ(text::formatTo(out, sizeof out, "a%qb"), 4);
  EXPECT_STREQ(out, "a%qb");
  EXPECT_EQ(text::formatTo(out, sizeof out, "end%"), 4);
  EXPECT_STREQ(out, "end%");
}

}  // namespace
}  // namespace mapathy
