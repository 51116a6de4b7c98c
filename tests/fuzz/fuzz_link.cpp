// libFuzzer target for share-link decoding (core/share_link.hpp): any text must decode to a board or
// to an error with a message (never a crash, hang, sanitizer report or unbounded allocation), and a
// board it accepts must be valid and survive encode → decode unchanged.
//
// Inputs are link text (full URLs, fragments, "json=…" forms). Built by tests/fuzz/CMakeLists.txt;
// run with tools/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/format.hpp"
#include "core/share_link.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto board = mapathy::decodeLink(text);
  if (!board.ok()) {
    if (board.error().empty()) std::abort();  // every error needs a message
    return 0;
  }
  if (const auto valid = mapathy::validate(*board); !valid.ok()) {
    std::fprintf(stderr, "decoded board is invalid: %s\n", valid.error().c_str());
    std::abort();
  }
  const std::string fragment = mapathy::encodeFragment(*board);
  if (fragment.size() > mapathy::kMaxLinkChars) return 0;  // (a json= link of incompressible text)
  const auto again = mapathy::decodeLink(fragment);
  if (!again.ok() || !(*again == *board)) {
    std::fprintf(stderr, "re-encoded link does not round-trip: %s\n", again.ok() ? "boards differ" : again.error().c_str());
    std::abort();
  }
  return 0;
}
