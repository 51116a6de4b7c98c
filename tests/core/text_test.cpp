// core/base/text.hpp: the UTF-8 rules every loader shares, decoding that always makes progress, the
// thousands grouping of messages, printf-style messages and download file names.
#include "core/base/text.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mapathy::text {
namespace {

std::vector<char32_t> decodeAll(std::string_view s) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t before = i;
    out.push_back(decodeUtf8(s, i));
    EXPECT_GT(i, before) << "decoding must advance";
  }
  return out;
}

TEST(Text, DecodesWellFormedUtf8) {
  EXPECT_EQ(decodeAll("aß€😀"), (std::vector<char32_t>{U'a', U'ß', U'€', U'😀'}));
}

TEST(Text, IllFormedBytesBecomeReplacementCharactersOneByteAtATime) {
  // cut sequence, overlong '/', surrogate, above U+10FFFF, lone continuation byte
  EXPECT_EQ(decodeAll("\xC3"), (std::vector<char32_t>{0xFFFD}));
  EXPECT_EQ(decodeAll("\xC0\xAF"), (std::vector<char32_t>{0xFFFD, 0xFFFD}));
  EXPECT_EQ(decodeAll("\xED\xA0\x80x"), (std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD, U'x'}));
  EXPECT_EQ(decodeAll("\xF4\x90\x80\x80"), (std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD}));
  EXPECT_EQ(decodeAll("\x80"), (std::vector<char32_t>{0xFFFD}));
}

TEST(Text, ValidationAgreesWithDecoding) {
  const std::string samples[] = {"Grüße „so“ 😀", "ab\xC3", "a\xC0\xAF", "\xED\xA0\x80", "x\xF4\x90\x80\x80", "ok\xFF"};
  for (const std::string& s : samples) {
    const std::size_t bad = firstInvalidUtf8(s);
    std::size_t i = 0;
    std::size_t firstReplacement = std::string_view::npos;
    while (i < s.size()) {
      const std::size_t at = i;
      if (decodeUtf8(s, i) == 0xFFFD && firstReplacement == std::string_view::npos) firstReplacement = at;
    }
    EXPECT_EQ(bad, firstReplacement) << s;
  }
}

TEST(Text, EncodesEveryRangeAndReplacesWhatUtf8CannotHold) {
  std::string out;
  for (const char32_t cp : {U'A', U'ä', U'€', U'😀'}) appendUtf8(out, cp);
  EXPECT_EQ(out, "Aä€😀");
  out.clear();
  appendUtf8(out, 0xD800);
  appendUtf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(firstInvalidUtf8(out), std::string_view::npos);
}

TEST(Text, GroupsThousands) {
  EXPECT_EQ(groupedThousands(0), "0");
  EXPECT_EQ(groupedThousands(999), "999");
  EXPECT_EQ(groupedThousands(1000), "1,000");
  EXPECT_EQ(groupedThousands(100000), "100,000");
  EXPECT_EQ(groupedThousands(1234567), "1,234,567");
}

TEST(Text, FileStemSpellsOutUmlautsAndDropsTheRest) {
  EXPECT_EQ(fileStem("Straßenbahn: Fahrgäste & \"Störungen\""), "strassenbahn-fahrgaeste-stoerungen");
  EXPECT_EQ(fileStem("ÄÖÜ 2025"), "aeoeue-2025");
  EXPECT_EQ(fileStem("漢字"), "mapathy-board");
  EXPECT_EQ(fileStem(""), "mapathy-board");
}

TEST(Text, FormatFillsPatternsOfAnyLength) {
  EXPECT_EQ(format("%d notes", 3), "3 notes");
  EXPECT_EQ(format("%s · %s", std::string("Sagt"), "Denkt"), "Sagt · Denkt");
  const std::string long_(5000, 'x');
  EXPECT_EQ(format("<%s>", long_).size(), 5002u);
  EXPECT_EQ(format("%d:%02d", 4, 5), "4:05");
  EXPECT_EQ(format("no arguments, 100%%"), "no arguments, 100%%");
}

}  // namespace
}  // namespace mapathy::text
