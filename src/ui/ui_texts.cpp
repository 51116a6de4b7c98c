// Mapathy UI — the UI's texts from a language file (see ui_texts.hpp).
#include "ui/ui_texts.hpp"

#include <array>
#include <memory>
#include <unordered_map>

namespace mapathy::ui::texts {

namespace {

// One language's rows; the maps point into them (the vector is never changed once the maps are built).
struct LanguageFile {
  std::vector<Row> rows;
  std::unordered_map<std::string_view, const char*> strings;
  std::unordered_map<std::string_view, const char*> errors;
};

std::array<std::unique_ptr<LanguageFile>, 2>& files() {
  static std::array<std::unique_ptr<LanguageFile>, 2> all;
  return all;
}

std::size_t slot(Lang lang) { return lang == Lang::De ? 0 : 1; }

// "\n" → line break, "\t" → tab, "\\" → backslash; any other escaped character stands for itself.
std::string unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' && i + 1 < text.size()) {
      c = text[++i];
      if (c == 'n') c = '\n';
      else if (c == 't') c = '\t';
    }
    out.push_back(c);
  }
  return out;
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
  std::size_t start = 0;
  while (start < file.size()) {
    std::size_t end = file.find('\n', start);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    start = end + 1;
    const std::size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    const bool error = line[0] == '!';
    const std::string_view key = line.substr(error ? 1 : 0, tab - (error ? 1 : 0));
    if (key.empty()) continue;
    rows.push_back(Row{std::string(key), unescape(line.substr(tab + 1)), error});
  }
  return rows;
}

std::size_t load(Lang lang, std::string_view text) {
  if (loaded(lang)) return count(lang) + errorCount(lang);
  auto file = std::make_unique<LanguageFile>();
  file->rows = rowsOf(text);
  for (const Row& row : file->rows) (row.error ? file->errors : file->strings)[row.key] = row.text.c_str();
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
