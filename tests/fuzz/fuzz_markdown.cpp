// libFuzzer target for the Markdown importer: any bytes must give a board or an error (never a crash,
// hang or sanitizer report), and every board it gives must export to Markdown that imports again
// with the same text on a second export (the round trip is stable).
//
// Built and run by tools/fuzz.sh (see its header for the flags).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/format.hpp"
#include "core/io/markdown.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto board = mapathy::importMarkdown(text);
  if (!board.ok()) {
    if (english(board.error()).empty()) std::abort();  // every error needs a message
    return 0;
  }
  if (!mapathy::validate(*board).ok()) std::abort();
  const std::string md = mapathy::exportMarkdown(*board);
  if (md.size() > mapathy::Limits{}.maxBytes) return 0;  // escaping can grow a board past the size limit
  auto again = mapathy::importMarkdown(md);
  if (!again.ok()) {
    std::fprintf(stderr, "re-import failed: %s\n--- exported:\n%s\n", english(again.error()).c_str(), md.c_str());
    std::abort();
  }
  const std::string md2 = mapathy::exportMarkdown(*again);
  if (md2 != md) {
    std::fprintf(stderr, "export not stable\n--- first:\n%s\n--- second:\n%s\n", md.c_str(), md2.c_str());
    std::abort();
  }
  return 0;
}
