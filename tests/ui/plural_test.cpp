// Counted strings: each has a "one" and an "other" form in both languages, chosen by the count
// (1 → one; 0, 2, … → other), and no row that counts something was left without its forms.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "ui/i18n.hpp"

using namespace mapathy;
using namespace mapathy::ui;

namespace {

bool isPlural(const UiString& row) { return std::string(row.en).find('|') != std::string::npos; }

int formatCount(const std::string& s) {
  int n = 0;
  for (std::size_t i = s.find("%d"); i != std::string::npos; i = s.find("%d", i + 2)) ++n;
  return n;
}

}  // namespace

TEST(Plurals, EachCountedStringIn0And1And2InBothLanguages) {
  // The expected words, by key: {English one, English other, German one, German other}.
  struct Expected {
    const char* key;
    const char* en0;
    const char* en1;
    const char* en2;
    const char* de0;
    const char* de1;
    const char* de2;
  };
  const Expected expected[] = {
      {"start.notes", "0 notes", "1 note", "2 notes", "0 Notizen", "1 Notiz", "2 Notizen"},
      {"note.votes", "0 votes", "1 vote", "2 votes", "0 Stimmen", "1 Stimme", "2 Stimmen"},
      {"share.length", "0 characters", "1 character", "2 characters", "0 Zeichen", "1 Zeichen", "2 Zeichen"},
  };
  for (const Expected& e : expected) {
    EXPECT_EQ(countText(e.key, 0, Lang::En), e.en0);
    EXPECT_EQ(countText(e.key, 1, Lang::En), e.en1);
    EXPECT_EQ(countText(e.key, 2, Lang::En), e.en2);
    EXPECT_EQ(countText(e.key, 0, Lang::De), e.de0);
    EXPECT_EQ(countText(e.key, 1, Lang::De), e.de1);
    EXPECT_EQ(countText(e.key, 2, Lang::De), e.de2);
  }
  // Two numbers, the form chosen by the total.
  EXPECT_EQ(plural("filter.matches", 1, Lang::En), "%d of %d note matches");
  EXPECT_EQ(plural("filter.matches", 2, Lang::En), "%d of %d notes match");
  EXPECT_EQ(plural("filter.matches", 0, Lang::En), "%d of %d notes match");
  EXPECT_EQ(plural("filter.matches", 1, Lang::De), "%d von %d Notiz passt");
  EXPECT_EQ(plural("filter.matches", 2, Lang::De), "%d von %d Notizen passen");
  EXPECT_EQ(plural("filter.matches", 0, Lang::De), "%d von %d Notizen passen");
}

TEST(Plurals, EveryPluralRowHasTwoMatchingFormsInBothLanguages) {
  int plurals = 0;
  for (const UiString* row : allStrings()) {
    if (!isPlural(*row)) continue;
    ++plurals;
    for (const std::string& both : {std::string(row->en), std::string(row->de)}) {
      const auto bar = both.find('|');
      ASSERT_NE(bar, std::string::npos) << row->key << ": both languages need one|other";
      EXPECT_EQ(both.find('|', bar + 1), std::string::npos) << row->key;
      const std::string one = both.substr(0, bar), other = both.substr(bar + 1);
      EXPECT_FALSE(one.empty() || other.empty()) << row->key;
      EXPECT_EQ(formatCount(one), formatCount(other)) << row->key;
      EXPECT_GE(formatCount(one), 1) << row->key;
    }
  }
  EXPECT_GE(plurals, 4);
}

TEST(Plurals, NoCountedRowIsLeftWithoutItsForms) {
  // "%d notes", "%d Notizen": a number followed by a plural noun is a count and needs both forms.
  const std::regex countedEn(R"(%d (?:[a-z]+ )?(?:notes|votes|characters|dots|people|links|stages|sections)\b)");
  const std::regex countedDe(R"(%d (?:Notizen|Stimmen|Punkte|Personen|Links|Phasen|Bereiche)\b)");
  for (const UiString* row : allStrings()) {
    if (isPlural(*row)) continue;
    EXPECT_FALSE(std::regex_search(row->en, countedEn)) << row->key << ": " << row->en;
    EXPECT_FALSE(std::regex_search(row->de, countedDe)) << row->key << ": " << row->de;
  }
}
