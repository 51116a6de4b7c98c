// Replays saved fuzz inputs through a fuzz target's entry function, without libFuzzer: the program
// ctest runs (fuzz_replay_<target>) in every build, sanitizers included, so the minimized corpus and
// every past crash stay regression tests.
//
//   fuzz_replay_<target> DIR_OR_FILE...
// Every regular file in each directory (sorted, not recursive) is one input. A missing directory is
// skipped (crashes/<target>/ exists only once something was found); at least one input must run.
// Exit code 0 when all inputs ran; a crash or sanitizer report aborts with the input's name printed first.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

bool runFile(const std::filesystem::path& path) {
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

}  // namespace

int main(int argc, char** argv) {
  std::size_t ran = 0;
  for (int i = 1; i < argc; ++i) {
    const std::filesystem::path arg(argv[i]);
    std::error_code ec;
    if (std::filesystem::is_regular_file(arg, ec)) {
      if (!runFile(arg)) return 1;
      ++ran;
      continue;
    }
    if (!std::filesystem::is_directory(arg, ec)) {
      std::fprintf(stderr, "skipping %s (no such directory)\n", arg.string().c_str());
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(arg, ec))
      if (entry.is_regular_file() && entry.path().filename().string().front() != '.') files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (!runFile(file)) return 1;
      ++ran;
    }
  }
  std::fprintf(stderr, "%zu inputs replayed without a crash\n", ran);
  return ran > 0 ? 0 : 1;
}
