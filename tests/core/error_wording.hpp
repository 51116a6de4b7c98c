// Checks that a refusal reads well in German: every code in it (and in its causes and terms) has a
// wording, and the German wording contains no English sentence. Shared by the hostile-input tests and
// the wording table's own test.
#pragma once

#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <string_view>

#include "core/model/model.hpp"
#include "ui/i18n_errors.hpp"

namespace mapathy::wording {

// Common English words that never belong in a German sentence. Matched as whole words, case-insensitive.
// Words German shares (in, so, was, Link, Board, Text, Position, Version, Byte, Tag) are left out.
inline const std::set<std::string>& englishWords() {
  static const std::set<std::string> words = {
      "the",    "is",    "are",     "not",    "must",    "be",         "has",        "have",      "this",  "that",
      "with",   "of",    "to",      "from",   "too",     "many",       "more",       "than",      "limit", "could",
      "cannot", "can",   "please",  "update", "unknown", "valid",      "expected",   "got",       "at",    "line",
      "column", "its",   "it",      "no",     "nothing", "follows",    "made",       "by",        "newer", "empty",
      "number", "large", "small",   "whole",  "list",    "object",     "refers",     "note",      "notes", "section",
      "stage",  "lane",  "tags",    "long",   "damaged", "incomplete", "characters", "character", "and",   "or",
      "a",      "for",   "between", "should", "read",    "were",       "changed",    "holds",     "file"};
  return words;
}

// The English words found in `text`, leaving out JSON paths such as board.notes[0].tags.
inline std::string englishWordsIn(const std::string& withQuotes) {
  // What is quoted is the reader's own data ("no-such-section"), not the message's words.
  std::string text;
  bool quoted = false;
  for (std::size_t i = 0; i < withQuotes.size(); ++i) {
    const std::string_view rest = std::string_view(withQuotes).substr(i);
    if (withQuotes[i] == '"' || rest.rfind("\u201E", 0) == 0 || rest.rfind("\u201C", 0) == 0) {
      quoted = withQuotes[i] == '"' ? !quoted : rest.rfind("\u201E", 0) == 0;
      if (withQuotes[i] != '"') i += 2;  // the rest of the three-byte quotation mark
      text.push_back(' ');
      continue;
    }
    if (!quoted) text.push_back(withQuotes[i]);
  }
  std::string found;
  auto isTokenChar = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '[' || c == ']' || c == '_';
  };
  for (std::size_t i = 0; i < text.size();) {
    if (!isTokenChar(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && isTokenChar(text[end])) ++end;
    const std::string token = text.substr(i, end - i);
    i = end;
    bool path = false;  // a '.' or '[' between two characters: board.notes[0].tags
    for (std::size_t k = 1; k + 1 < token.size(); ++k)
      if ((token[k] == '.' || token[k] == '[') && std::isalnum(static_cast<unsigned char>(token[k + 1])) != 0)
        path = true;
    if (path) continue;
    std::string word;
    for (std::size_t k = 0; k <= token.size(); ++k) {
      if (k < token.size() && std::isalpha(static_cast<unsigned char>(token[k])) != 0) {
        word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(token[k]))));
      } else if (!word.empty()) {
        if (englishWords().count(word) != 0) found += (found.empty() ? "" : ", ") + word;
        word.clear();
      }
    }
  }
  return found;
}

// Every code in `e` has a wording (its causes and term parameters too).
inline bool fullyWorded(const Error& e, std::string& missing) {
  if (ui::findErrorWording(e.code) == nullptr) missing += e.code + " ";
  for (const ErrorParam& p : e.params)
    if (p.term && ui::findErrorWording("term." + p.text) == nullptr) missing += "term." + p.text + " ";
  if (e.cause) fullyWorded(*e.cause, missing);
  return missing.empty();
}

// The German wording of `e`: complete, free of English words, and different from the English one.
inline void expectReadsGerman(const Error& e, const std::string& what) {
  std::string missing;
  EXPECT_TRUE(fullyWorded(e, missing)) << what << ": no wording for " << missing << "(" << e.debug() << ")";
  const std::string de = ui::describe(e, Lang::De);
  EXPECT_EQ(englishWordsIn(de), "") << what << ": English in the German message: " << de;
  EXPECT_NE(de, ui::describe(e, Lang::En)) << what;
}

}  // namespace mapathy::wording
