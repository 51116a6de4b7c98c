// The layers, checked on the source tree: every `#include "…"` in src/ points the same way or down.
//
//   app (wiring)  →  platform (the browser)  →  ui (ImGui views)  →  core/session  →  core/edit, io, codec,
//   export, qr  →  core/model  →  core/base
//
// So the walk of a board — link → decode (core/codec) → session (core/session) → document (core/edit) →
// on screen (ui) → edited (core/edit) → saved on this device (core/session → BoardStorage, implemented by
// platform) → link (core/codec) — passes each layer once and in one direction: nothing below knows what
// is above it (the session reaches storage through the BoardStorage interface it declares, the UI through
// the SessionListener it implements). Also: the core includes neither Dear ImGui nor Emscripten, and the
// UI not Emscripten.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

// The rank of a file's layer (higher may include lower), by its path below src/.
int rankOf(const std::string& path) {
  if (path.rfind("core/base/", 0) == 0) return 0;
  if (path.rfind("core/model/", 0) == 0) return 1;
  for (const char* peer : {"core/edit/", "core/io/", "core/codec/", "core/export/", "core/qr/"}) {
    if (path.rfind(peer, 0) == 0) return 2;
  }
  if (path.rfind("core/session/", 0) == 0) return 3;
  if (path.rfind("ui/", 0) == 0) return 4;
  if (path.rfind("platform/", 0) == 0) return 5;
  if (path.rfind("app/", 0) == 0) return 6;
  return -1;
}

struct Include {
  std::string from;
  std::string to;
  int line;
};

std::vector<Include> includesUnder(const fs::path& src) {
  std::vector<Include> out;
  const std::regex quoted(R"(^\s*#\s*include\s*["<]([^">]+)[">])");
  for (const auto& entry : fs::recursive_directory_iterator(src)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".h") continue;
    const std::string from = fs::relative(entry.path(), src).generic_string();
    std::ifstream in(entry.path());
    std::string text;
    int line = 0;
    while (std::getline(in, text)) {
      ++line;
      std::smatch m;
      if (std::regex_search(text, m, quoted)) out.push_back({from, m[1].str(), line});
    }
  }
  return out;
}

TEST(Layering, EveryIncludeInSrcPointsTheSameWayOrDown) {
  const fs::path src = fs::path(MAPATHY_SOURCE_DIR) / "src";
  const std::vector<Include> includes = includesUnder(src);
  ASSERT_GT(includes.size(), 200u) << "the source tree was found and read";
  int checked = 0;
  for (const Include& inc : includes) {
    const int from = rankOf(inc.from);
    ASSERT_GE(from, 0) << inc.from << " is in no known layer: give it a folder of its layer";
    const int to = rankOf(inc.to);
    if (to < 0) continue;  // a system or third-party header (checked below)
    ++checked;
    EXPECT_LE(to, from) << inc.from << ":" << inc.line << " includes " << inc.to << ", a layer above it";
  }
  EXPECT_GT(checked, 100);
}

TEST(Layering, TheCoreHasNoImGuiNoEmscriptenAndTheUiNoEmscripten) {
  const fs::path src = fs::path(MAPATHY_SOURCE_DIR) / "src";
  for (const Include& inc : includesUnder(src)) {
    const bool imgui = inc.to.rfind("imgui", 0) == 0;
    const bool emscripten = inc.to.rfind("emscripten", 0) == 0 || inc.to.rfind("GLES", 0) == 0;
    if (inc.from.rfind("core/", 0) == 0) {
      EXPECT_FALSE(imgui || emscripten) << inc.from << ":" << inc.line << " includes " << inc.to;
    }
    if (inc.from.rfind("ui/", 0) == 0) {
      EXPECT_FALSE(emscripten) << inc.from << ":" << inc.line << " includes " << inc.to;
    }
  }
}

// The session is the one seam between the core and the device: only core/session knows the storage
// interface, only the platform implements it, and the UI never touches storage at all.
TEST(Layering, StorageIsReachedOnlyThroughTheSession) {
  const fs::path src = fs::path(MAPATHY_SOURCE_DIR) / "src";
  for (const Include& inc : includesUnder(src)) {
    if (inc.to != "core/session/board_storage.hpp") continue;
    const bool allowed = inc.from.rfind("core/session/", 0) == 0 || inc.from.rfind("platform/", 0) == 0;
    EXPECT_TRUE(allowed) << inc.from << " includes the storage interface";
  }
  for (const auto& entry : fs::recursive_directory_iterator(src / "ui")) {
    std::ifstream in(entry.path());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text.find("BoardStorage"), std::string::npos) << entry.path() << " talks to storage directly";
    EXPECT_EQ(text.find("localStorage"), std::string::npos) << entry.path() << " talks to storage directly";
  }
}

}  // namespace
