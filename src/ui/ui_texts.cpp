// Mapathy UI — the UI's texts from a language file (see ui_texts.hpp).
#include "ui/ui_texts.hpp"

#include <array>
#include <memory>
#include <unordered_map>

namespace mapathy::ui::texts {

namespace {

// One language's file, unescaped in place once: keys and texts are NUL-terminated pieces of `bytes`, which
// never changes afterwards. (Read at start-up, before the first frame: no copy per row.)
struct LanguageFile {
  std::unique_ptr<char[]> bytes;
  std::unordered_map<std::string_view, const char*> strings;
  std::unordered_map<std::string_view, const char*> errors;
};

std::array<std::unique_ptr<LanguageFile>, 2>& files() {
  static std::array<std::unique_ptr<LanguageFile>, 2> all;
  return all;
}

std::size_t slot(Lang lang) { return lang == Lang::De ? 0 : 1; }

// Calls row(key, text, error) for each row of the file in bytes[0..size) (NUL at bytes[size]): the key
// and the text are NUL-terminated in place, the text unescaped ("\n" line break, "\t" tab, "\\" backslash;
// any other escaped character stands for itself).
template <class Row>
void forEachRow(char* bytes, std::size_t size, Row&& row) {
  std::size_t start = 0;
  while (start < size) {
    std::size_t end = start;
    while (end < size && bytes[end] != '\n') ++end;
    std::size_t lineEnd = end;
    if (lineEnd > start && bytes[lineEnd - 1] == '\r') --lineEnd;
    char* line = bytes + start;
    const std::size_t length = lineEnd - start;
    start = end + 1;
    std::size_t tab = 0;
    while (tab < length && line[tab] != '\t') ++tab;
    if (length == 0 || line[0] == '#' || tab == length) continue;
    const bool error = line[0] == '!';
    char* key = line + (error ? 1 : 0);
    if (key == line + tab) continue;  // no key
    line[tab] = '\0';
    char* text = line + tab + 1;
    std::size_t out = 0;
    for (std::size_t i = 0; i < length - tab - 1; ++i) {
      char c = text[i];
      if (c == '\\' && i + 1 < length - tab - 1) {
        c = text[++i];
        if (c == 'n') c = '\n';
        else if (c == 't') c = '\t';
      }
      text[out++] = c;
    }
    text[out] = '\0';
    row(std::string_view(key, static_cast<std::size_t>(line + tab - key)), text, error);
  }
}

std::unique_ptr<char[]> copyOf(std::string_view text) {
  auto bytes = std::make_unique<char[]>(text.size() + 1);
  text.copy(bytes.get(), text.size());
  bytes[text.size()] = '\0';
  return bytes;
}

const char* lookup(std::unordered_map<std::string_view, const char*> LanguageFile::*table, std::string_view key,
                   Lang lang) {
  for (const std::size_t i : {slot(lang), 1 - slot(lang)}) {
    const LanguageFile* file = files()[i].get();
    if (file == nullptr) continue;
    const auto it = (file->*table).find(key);
    if (it != (file->*table).end()) return it->second;
  }
  return nullptr;
}

}  // namespace

std::vector<Row> rowsOf(std::string_view file) {
  std::vector<Row> rows;
  const std::unique_ptr<char[]> bytes = copyOf(file);
  forEachRow(bytes.get(), file.size(), [&](std::string_view key, const char* text, bool error) {
    rows.push_back(Row{std::string(key), text, error});
  });
  return rows;
}

std::size_t load(Lang lang, std::string_view text) {
  if (loaded(lang)) return count(lang) + errorCount(lang);
  auto file = std::make_unique<LanguageFile>();
  file->bytes = copyOf(text);
  file->strings.reserve(512);
  forEachRow(file->bytes.get(), text.size(), [&](std::string_view key, const char* value, bool error) {
    (error ? file->errors : file->strings)[key] = value;
  });
  const std::size_t rows = file->strings.size() + file->errors.size();
  if (rows > 0) files()[slot(lang)] = std::move(file);
  return rows;
}

bool loaded(Lang lang) { return files()[slot(lang)] != nullptr; }

const char* find(std::string_view key, Lang lang) { return lookup(&LanguageFile::strings, key, lang); }

const char* findError(std::string_view code, Lang lang) { return lookup(&LanguageFile::errors, code, lang); }

std::size_t count(Lang lang) {
  const LanguageFile* file = files()[slot(lang)].get();
  return file == nullptr ? 0 : file->strings.size();
}

std::size_t errorCount(Lang lang) {
  const LanguageFile* file = files()[slot(lang)].get();
  return file == nullptr ? 0 : file->errors.size();
}

}  // namespace mapathy::ui::texts
