// libFuzzer target for JSON loading (core/format.hpp: size/depth check → parse → migrate → restore →
// validate): any bytes must give a board or an error with a message, and a board it accepts must be
// valid and come back equal through saveJson → loadJson and through a share link.
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
  const auto board = mapathy::loadJson(text);
  if (!board.ok()) {
    if (mapathy::ui::findErrorWording(board.error().code) == nullptr) std::abort();  // every refusal is worded
    return 0;
  }
  if (const auto valid = mapathy::validate(*board); !valid.ok()) {
    std::fprintf(stderr, "loaded board is invalid: %s\n", english(valid.error()).c_str());
    std::abort();
  }
  const std::string saved = mapathy::saveJson(*board);
  const auto reloaded = mapathy::loadJson(saved);
  if (!reloaded.ok() || !(*reloaded == *board)) {
    std::fprintf(stderr, "saveJson → loadJson differs: %s\n--- saved:\n%s\n",
                 reloaded.ok() ? "boards differ" : english(reloaded.error()).c_str(), saved.c_str());
    std::abort();
  }
  const std::string fragment = mapathy::encodeFragment(*board);
  if (fragment.size() > mapathy::kMaxLinkChars) return 0;  // a board of incompressible megabytes: no link
  const auto linked = mapathy::decodeLink(fragment);
  if (!linked.ok() || !(*linked == *board)) {
    std::fprintf(stderr, "link round trip differs: %s\n--- board:\n%s\n",
                 linked.ok() ? "boards differ" : english(linked.error()).c_str(), saved.c_str());
    std::abort();
  }
  return 0;
}
