// libFuzzer target for share-link decoding (core/share_link.hpp): any text must decode to a board or
// to an error with a message (never a crash, hang, sanitizer report or unbounded allocation), and a
// board it accepts must be valid and survive encode → decode unchanged, in link format 1 and in
// link format 2 (whichever format the input was in).
//
// Inputs are link text (full URLs, fragments in format 1 or 2, "json=…" forms). Built by
// tests/fuzz/CMakeLists.txt; run with tools/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/format.hpp"
#include "core/codec/share_link.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto board = mapathy::decodeLink(text);
  if (!board.ok()) {
    if (mapathy::ui::findErrorWording(board.error().code) == nullptr) std::abort();  // every refusal is worded  // every error needs a message
    return 0;
  }
  if (const auto valid = mapathy::validate(*board); !valid.ok()) {
    std::fprintf(stderr, "decoded board is invalid: %s\n", english(valid.error()).c_str());
    std::abort();
  }
  for (const char format : {mapathy::kLinkFormatCompact, mapathy::kLinkFormatFast}) {
    const std::string fragment = mapathy::encodeFragmentInFormat(*board, format);
    if (fragment.size() > mapathy::kMaxLinkChars) continue;  // (a json= link of incompressible text)
    const auto again = mapathy::decodeLink(fragment);
    if (!again.ok() || !(*again == *board)) {
      std::fprintf(stderr, "re-encoded link (format %c) does not round-trip: %s\n", format,
                   again.ok() ? "boards differ" : english(again.error()).c_str());
      std::abort();
    }
  }
  return 0;
}
