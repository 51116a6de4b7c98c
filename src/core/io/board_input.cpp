// Mapathy core — reading a board from what a person hands over (see board_input.hpp).
#include "core/io/board_input.hpp"

#include "core/base/ids.hpp"
#include "core/codec/share_link.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/model/templates.hpp"

namespace mapathy {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool endsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

std::string_view trimmed(std::string_view text) {
  if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF && static_cast<unsigned char>(text[1]) == 0xBB &&
      static_cast<unsigned char>(text[2]) == 0xBF) {
    text.remove_prefix(3);  // UTF-8 byte-order mark
  }
  while (!text.empty() && isSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && isSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool isBase64Url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool looksLikeLink(std::string_view word) {
  if (word.empty()) return false;
  for (const char c : word) {
    if (isSpace(c)) return false;
  }
  if (word.find('#') != std::string_view::npos && word.front() != '#') return true;  // a URL with a fragment
  if (word.front() == '#') word.remove_prefix(1);                                    // "#…": a fragment
  if (word.substr(0, 5) == "json=") return true;
  if (word.size() < 8 || (word.front() != kLinkFormatCompact && word.front() != kLinkFormatFast)) return false;
  for (const char c : word) {
    if (!isBase64Url(c)) return false;
  }
  return true;
}

}  // namespace

BoardInput sniffBoardInput(std::string_view text, std::string_view fileName) {
  const std::string_view content = trimmed(text);
  if (looksLikeLink(content)) return BoardInput::Link;  // one word: never a Markdown outline, whatever the name
  const bool markdownName =
      endsWithNoCase(fileName, ".md") || endsWithNoCase(fileName, ".markdown") || endsWithNoCase(fileName, ".txt");
  if (!markdownName && !content.empty() && content.front() == '{') return BoardInput::Json;
  return BoardInput::Markdown;
}

Result<Board> readBoardInput(std::string_view text, std::string_view fileName) {
  switch (sniffBoardInput(text, fileName)) {
    case BoardInput::Json:
      return loadJson(text);
    case BoardInput::Link:
      return decodeLink(trimmed(text));
    case BoardInput::Markdown:
      break;
  }
  return importMarkdown(text);
}

Result<Board> newBoardFromTemplate(BoardKind kind, const std::string& templateId, Lang lang, std::uint64_t randomBits,
                                   std::int64_t nowMs) {
  Result<Board> made = makeBoard(kind, templateId, lang);
  if (!made) return made;
  Board& b = made.value();
  b.id = ids::newBoardId(randomBits);
  for (const TemplateInfo& t : listTemplates(lang)) {
    if (t.id == templateId && t.kind == kind) b.title = t.name;
  }
  b.createdAt = b.modifiedAt = nowMs;
  return made;
}

}  // namespace mapathy
