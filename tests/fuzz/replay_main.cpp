// Replays saved fuzz inputs through a fuzz target's entry function, without libFuzzer: the program
// ctest runs (fuzz_replay.<target>) in every build, sanitizers included, so the committed corpus and
// every past crash stay regression tests.
//
//   fuzz_replay_<target> --corpus DIR [--crashes DIR] [FILE...]
// Every regular file in a directory (sorted, not recursive, dot files skipped) is one input.
// The corpus directory must exist and hold at least one input: an empty or missing corpus would make
// the test pass while checking nothing. The crashes directory is optional (it exists only once a
// fuzzer has found something; git keeps no empty directories).
// Exit code 0 when all inputs ran; 1 for a missing/empty corpus or an unreadable file; a crash or a
// sanitizer report aborts with the input's name printed first.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

namespace fs = std::filesystem;

bool runFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.string().c_str());
    return false;
  }
  const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  std::fprintf(stderr, "replay %s (%zu bytes)\n", path.string().c_str(), bytes.size());
  // A private copy of exactly `size` bytes, so reading one past the end is an ASan report as in libFuzzer.
  std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
  data.shrink_to_fit();
  LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
  return true;
}

// The inputs in `dir`, sorted; `exists` tells a missing directory from an empty one.
std::vector<fs::path> inputsIn(const fs::path& dir, bool& exists) {
  std::vector<fs::path> files;
  std::error_code ec;
  exists = fs::is_directory(dir, ec);
  if (!exists) return files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  bool haveCorpus = false;
  for (int i = 1; i < argc; ++i) {
    const bool corpus = std::strcmp(argv[i], "--corpus") == 0;
    const bool crashes = std::strcmp(argv[i], "--crashes") == 0;
    if (corpus || crashes) {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a directory\n", argv[i]);
        return 1;
      }
      const fs::path dir(argv[++i]);
      bool exists = false;
      const std::vector<fs::path> found = inputsIn(dir, exists);
      if (corpus) {
        if (!exists || found.empty()) {
          std::fprintf(stderr, "the corpus %s is %s: nothing to replay\n", dir.string().c_str(),
                       exists ? "empty" : "missing");
          return 1;
        }
        haveCorpus = true;
      } else if (!exists) {
        std::fprintf(stderr, "no crashes directory %s (nothing was ever found)\n", dir.string().c_str());
      }
      std::fprintf(stderr, "%zu inputs in %s\n", found.size(), dir.string().c_str());
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (!haveCorpus && files.empty()) {
    std::fprintf(stderr, "usage: %s --corpus DIR [--crashes DIR] [FILE...]\n", argc > 0 ? argv[0] : "fuzz_replay");
    return 1;
  }
  for (const auto& file : files)
    if (!runFile(file)) return 1;
  std::fprintf(stderr, "%zu inputs replayed without a crash\n", files.size());
  return 0;
}
