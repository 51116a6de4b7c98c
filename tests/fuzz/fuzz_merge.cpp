// libFuzzer target for merging (core/merge.hpp): two boards from one input (JSON documents separated
// by the first NUL byte, each loaded by loadJson) are merged both ways and as a contribution
// (makeDelta → merge). Must never crash; a merge of two valid boards must be a board that encodes
// to a link and decodes back equal, and merging it with itself again changes nothing.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/io/format.hpp"
#include "core/edit/merge.hpp"
#include "core/codec/share_link.hpp"
#include "ui/i18n_errors.hpp"

using mapathy::ui::english;

namespace {

void checkMerged(const mapathy::Board& merged, const char* what) {
  const auto linked = mapathy::decodeLink(mapathy::encodeFragment(merged), mapathy::Limits{});
  // Limits can be exceeded by a union of two full boards; that is reported, not a crash.
  if (!linked.ok()) return;
  if (!(*linked == merged)) {
    std::fprintf(stderr, "%s: merged board does not survive a link\n", what);
    std::abort();
  }
  const auto twice = mapathy::merge(merged, merged);
  if (!twice.ok()) {
    std::fprintf(stderr, "%s: merging a board with itself failed: %s\n", what, english(twice.error()).c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find('\0');
  if (split == std::string_view::npos) return 0;
  const auto a = mapathy::loadJson(input.substr(0, split));
  const auto b = mapathy::loadJson(input.substr(split + 1));
  if (!a.ok() || !b.ok()) return 0;
  const auto ab = mapathy::merge(*a, *b);
  const auto ba = mapathy::merge(*b, *a);
  if (ab.ok() != ba.ok()) std::abort();  // refusing (different kinds) must not depend on the order
  if (ab.ok()) {
    checkMerged(ab->board, "merge(a, b)");
    checkMerged(ba->board, "merge(b, a)");
  }
  const mapathy::Board delta = mapathy::makeDelta(*a, *b, "fuzz");
  const auto applied = mapathy::merge(*a, delta);
  if (applied.ok()) checkMerged(applied->board, "merge(a, delta(a, b))");
  return 0;
}
