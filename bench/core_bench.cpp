// Core benchmarks: share link encode/decode, JSON save/load and Markdown import/export for a 40-note
// and a 1,000-note board. Target: encode + decode of 1,000 notes under 5 ms natively.
// BM_LinkRoundTripInFormat compares link formats 1 and 2 on the same boards (and on 1,000 notes
// whose texts all differ).
//
//   mapathy_bench_core [Google Benchmark flags]
//   mapathy_bench_core --dump-boards DIR   writes DIR/<name>.json (compact JSON, as saveJson writes it)
//                                          and DIR/<name>.link (our fragment) for every board of the
//                                          link-size table, plus DIR/boards.tsv (name, notes, description,
//                                          the fragment's length in link formats 1, 2 and 3, binary bytes);
//                                          tools/bench.mjs compares them with zlib and lz-string. Also
//                                          DIR/browser-empty.link and DIR/browser-2000.link for
//                                          tools/bench-browser.mjs.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "bench_boards.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/codec/board_codec.hpp"
#include "core/codec/share_link.hpp"

namespace {

using mapathy::Board;

const Board& boardOfSize(int notes) {
  static const Board small = mapathy::samples::typicalGermanEmpathyMap();
  static const Board large = mapathy::bench::largeEmpathyMap(small, 1000);
  return notes <= 40 ? small : large;
}

// encodeFragment() keeps the last board's fragment (the share dialog asks for the same link every
// frame), so the link benchmarks alternate between the board and a twin whose title differs in one
// character: every iteration compresses for real.
const Board& twinOf(const Board& board) {
  static const Board smallTwin = [] {
    Board b = boardOfSize(40);
    b.title += "!";
    return b;
  }();
  static const Board largeTwin = [] {
    Board b = boardOfSize(1000);
    b.title += "!";
    return b;
  }();
  return &board == &boardOfSize(40) ? smallTwin : largeTwin;
}

void setCounters(benchmark::State& state, std::size_t bytes) {
  state.counters["notes"] = static_cast<double>(boardOfSize(static_cast<int>(state.range(0))).notes.size());
  state.counters["bytes"] = static_cast<double>(bytes);
}

void BM_LinkEncode(benchmark::State& state) {
  const Board& board = boardOfSize(static_cast<int>(state.range(0)));
  const Board* boards[2] = {&board, &twinOf(board)};
  std::string fragment;
  std::size_t i = 0;
  for (auto _ : state) {
    fragment = mapathy::encodeFragment(*boards[i++ & 1]);
    benchmark::DoNotOptimize(fragment.data());
  }
  setCounters(state, mapathy::encodeFragment(board).size());  // the board's own link, not its twin's
}

void BM_LinkDecode(benchmark::State& state) {
  const std::string fragment = mapathy::encodeFragment(boardOfSize(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    auto board = mapathy::decodeLink(fragment);
    if (!board.ok()) {
      state.SkipWithError(board.error().debug().c_str());
      break;
    }
    benchmark::DoNotOptimize(board->notes.data());
  }
  setCounters(state, fragment.size());
}

void BM_LinkRoundTrip(benchmark::State& state) {
  const Board& board = boardOfSize(static_cast<int>(state.range(0)));
  const Board* boards[2] = {&board, &twinOf(board)};
  std::size_t size = 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string fragment = mapathy::encodeFragment(*boards[i++ & 1]);
    auto decoded = mapathy::decodeLink(fragment);
    if (!decoded.ok()) {
      state.SkipWithError(decoded.error().debug().c_str());
      break;
    }
    size = fragment.size();
    benchmark::DoNotOptimize(decoded->notes.data());
  }
  if (size != 0) size = mapathy::encodeFragment(board).size();  // the board's own link, not its twin's
  setCounters(state, size);
}

// Encode + decode in a given link format (second argument: 1, 2 or 3), whatever the board's size, to
// compare the formats; the 1,000-note board with all-different texts is the third argument's 1.
void BM_LinkRoundTripInFormat(benchmark::State& state) {
  static const Board distinct =
      mapathy::bench::distinctTextEmpathyMap(mapathy::samples::typicalGermanEmpathyMap(), 1000);
  const Board& board = state.range(2) == 1 ? distinct : boardOfSize(static_cast<int>(state.range(0)));
  const char format = static_cast<char>('0' + state.range(1));
  std::size_t size = 0;
  for (auto _ : state) {
    const std::string fragment = mapathy::encodeFragmentInFormat(board, format);
    auto decoded = mapathy::decodeLink(fragment);
    if (!decoded.ok()) {
      state.SkipWithError(decoded.error().debug().c_str());
      break;
    }
    size = fragment.size();
    benchmark::DoNotOptimize(decoded->notes.data());
  }
  state.counters["notes"] = static_cast<double>(board.notes.size());
  state.counters["bytes"] = static_cast<double>(size);
}

void BM_JsonSave(benchmark::State& state) {
  const Board& board = boardOfSize(static_cast<int>(state.range(0)));
  std::string text;
  for (auto _ : state) {
    text = mapathy::saveJson(board, false);
    benchmark::DoNotOptimize(text.data());
  }
  setCounters(state, text.size());
}

void BM_JsonLoad(benchmark::State& state) {
  const std::string text = mapathy::saveJson(boardOfSize(static_cast<int>(state.range(0))), false);
  for (auto _ : state) {
    auto board = mapathy::loadJson(text);
    if (!board.ok()) {
      state.SkipWithError(board.error().debug().c_str());
      break;
    }
    benchmark::DoNotOptimize(board->notes.data());
  }
  setCounters(state, text.size());
}

void BM_MarkdownExport(benchmark::State& state) {
  const Board& board = boardOfSize(static_cast<int>(state.range(0)));
  std::string text;
  for (auto _ : state) {
    text = mapathy::exportMarkdown(board);
    benchmark::DoNotOptimize(text.data());
  }
  setCounters(state, text.size());
}

void BM_MarkdownImport(benchmark::State& state) {
  const std::string text = mapathy::exportMarkdown(boardOfSize(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    auto board = mapathy::importMarkdown(text);
    if (!board.ok()) {
      state.SkipWithError(board.error().debug().c_str());
      break;
    }
    benchmark::DoNotOptimize(board->notes.data());
  }
  setCounters(state, text.size());
}

BENCHMARK(BM_LinkEncode)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LinkDecode)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LinkRoundTrip)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_LinkRoundTripInFormat)
    ->ArgNames({"notes", "format", "distinct"})
    ->Args({40, 1, 0})
    ->Args({40, 2, 0})
    ->Args({40, 3, 0})
    ->Args({1000, 1, 0})
    ->Args({1000, 2, 0})
    ->Args({1000, 3, 0})
    ->Args({1000, 1, 1})
    ->Args({1000, 2, 1})
    ->Args({1000, 3, 1})
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_JsonSave)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_JsonLoad)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MarkdownExport)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_MarkdownImport)->Arg(40)->Arg(1000)->Unit(benchmark::kMicrosecond);

bool writeFile(const std::string& path, const std::string& text) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    return false;
  }
  const bool ok = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  return std::fclose(file) == 0 && ok;
}

int dumpBoards(const std::string& dir) {
  std::string index;
  for (const auto& named : mapathy::bench::linkSizeBoards()) {
    const std::string fragment = mapathy::encodeFragment(named.board);
    // The fragment must give the board back, or its size means nothing.
    auto decoded = mapathy::decodeLink(fragment);
    if (!decoded.ok() || !(*decoded == named.board)) {
      std::fprintf(stderr, "%s: the link does not decode to the same board (%s)\n", named.name.c_str(),
                   decoded.ok() ? "different board" : decoded.error().debug().c_str());
      return 2;
    }
    if (!writeFile(dir + "/" + named.name + ".json", mapathy::saveJson(named.board, false)) ||
        !writeFile(dir + "/" + named.name + ".link", fragment)) {
      return 2;
    }
    // The same board in each link format, to show what the encoder chose from and what format 1's
    // priming (sample phrases in it) would have made of it.
    std::string formats;
    for (const char format : {'1', '2', '3'})
      formats += "\t" + std::to_string(mapathy::encodeFragmentInFormat(named.board, format).size());
    index += named.name + "\t" + std::to_string(named.board.notes.size()) + "\t" + named.description + formats + "\t" +
             std::to_string(mapathy::board_codec::serialize(named.board).size()) + "\n";
  }
  // The browser benchmark's boards (tools/bench-browser.mjs): an empty map and one of 2,000 notes.
  const Board small = mapathy::samples::typicalGermanEmpathyMap();
  if (!writeFile(dir + "/browser-empty.link", mapathy::encodeFragment(mapathy::bench::largeEmpathyMap(small, 0))) ||
      !writeFile(dir + "/browser-2000.link", mapathy::encodeFragment(mapathy::bench::largeEmpathyMap(small, 2000)))) {
    return 2;
  }
  return writeFile(dir + "/boards.tsv", index) ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--dump-boards") == 0) {
    return dumpBoards(argv[2]);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
