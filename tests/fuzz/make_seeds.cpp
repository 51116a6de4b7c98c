// Writes seed inputs for the fuzz targets into OUT_DIR/<target>/, from the JSON fixture files given on
// the command line and from every built-in template (both languages, with a few notes added): the
// forms a fuzzer cannot easily find by itself (valid links with correct checksums, binary board
// forms, compressed streams, Markdown outlines, board pairs for merging).
//
//   fuzz_make_seeds OUT_DIR FIXTURE.json...      (tools/fuzz.sh calls it before a run)
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/codec/board_codec.hpp"
#include "core/codec/compress.hpp"
#include "core/codec/fast_compress.hpp"
#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "core/edit/merge.hpp"
#include "core/codec/share_link.hpp"
#include "core/model/templates.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace fs = std::filesystem;
using mapathy::Board;

namespace {

void writeSeed(const fs::path& dir, const std::string& name, const std::string& bytes) {
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << bytes;
}

std::string asString(const std::vector<std::uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

// A template board with a few notes (and, on journey boards, scores) so every part of the forms shows up.
Board withNotes(Board board) {
  board.id = "seed-board";
  board.title = "Seed: Grüße 😀";
  board.persona.name = "Anna Müller";
  for (int i = 0; i < 5; ++i) {
    mapathy::Note note;
    note.id = "s1-" + std::to_string(i + 1);
    note.text = i % 2 ? "Wartet zu lange auf den Termin" : "Wants a clear price\nsecond line";
    if (!board.sections.empty()) note.section = board.sections[static_cast<std::size_t>(i) % board.sections.size()].id;
    if (!board.stages.empty() && !board.lanes.empty()) {
      note.stage = board.stages[static_cast<std::size_t>(i) % board.stages.size()].id;
      note.lane = board.lanes[0].id;
    }
    note.votes = i;
    note.tags = {"#tag" + std::to_string(i)};
    board.notes.push_back(note);
  }
  return board;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUT_DIR [FIXTURE.json...]\n");
    return 1;
  }
  const fs::path out(argv[1]);
  std::vector<std::pair<std::string, Board>> boards;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto board = mapathy::loadJson(text);
    if (!board.ok()) {
      std::fprintf(stderr, "skipping %s: %s\n", argv[i], english(board.error()).c_str());
      continue;
    }
    boards.emplace_back(fs::path(argv[i]).stem().string(), *board);
  }
  for (const mapathy::Lang lang : {mapathy::Lang::De, mapathy::Lang::En}) {
    for (const auto& info : mapathy::listTemplates(lang)) {
      auto board = mapathy::makeBoard(info.kind, info.id, lang);
      if (board.ok())
        boards.emplace_back(std::string("template-") + info.id + (lang == mapathy::Lang::De ? "-de" : "-en"),
                            withNotes(*board));
    }
  }
  int written = 0;
  for (std::size_t i = 0; i < boards.size(); ++i) {
    const auto& [name, board] = boards[i];
    const std::string json = mapathy::saveJson(board);
    const std::vector<std::uint8_t> raw = mapathy::board_codec::serialize(board);
    writeSeed(out / "json", name + ".json", json);
    writeSeed(out / "link", name + ".link", mapathy::encodeLink(board, "https://example.org/mapathy/"));
    writeSeed(out / "link", name + ".fragment", mapathy::encodeFragment(board));
    writeSeed(out / "link", name + ".fragment2", mapathy::encodeFragmentInFormat(board, mapathy::kLinkFormatFast));
    writeSeed(out / "markdown", name + ".md", mapathy::exportMarkdown(board));
    writeSeed(out / "board_codec", name + ".board", std::string(1, '\0') + asString(raw));
    // Odd selector: a compressed stream to unpack to (selector >> 1) × 512 bytes.
    writeSeed(out / "board_codec", name + ".stream",
              std::string(1, static_cast<char>(3)) + asString(mapathy::compress::compress(raw)));
    writeSeed(out / "board_codec", name + ".stream2",
              std::string(1, static_cast<char>(3)) + asString(mapathy::fast_compress::compress(raw)));
    const Board& other = boards[(i + 1) % boards.size()].second;
    writeSeed(out / "merge", name + ".pair", json + std::string(1, '\0') + mapathy::saveJson(other));
    Board edited = board;
    if (!edited.notes.empty()) {
      edited.notes.front().text += " (bearbeitet)";
      edited.notes.front().modified += 5;
      edited.notes.pop_back();
    }
    edited.title += " v2";
    writeSeed(out / "merge", name + ".edit", json + std::string(1, '\0') + mapathy::saveJson(edited));
    written += 10;
  }
  std::printf("%d seed inputs written to %s\n", written, out.string().c_str());
  return 0;
}
