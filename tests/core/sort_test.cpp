// The web build's qsort (core/base/sort.hpp): sorted, and every item still there, for the sizes and kinds of
// items its callers sort (Dear ImGui's window pointers, stb_rect_pack's rectangles), ties included.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "core/base/sort.hpp"

namespace mapathy {
namespace {

struct Rect {  // like stbrp_rect: the sort key and fields that must travel with it
  int id, w, h, x, y, packed;
};

int byHeightThenWidth(const void* a, const void* b) {
  const auto& p = *static_cast<const Rect*>(a);
  const auto& q = *static_cast<const Rect*>(b);
  if (p.h != q.h) return p.h > q.h ? -1 : 1;  // taller first, as stb_rect_pack sorts
  return p.w > q.w ? -1 : p.w < q.w ? 1 : 0;
}

int ascending(const void* a, const void* b) {
  const int p = *static_cast<const int*>(a), q = *static_cast<const int*>(b);
  return p < q ? -1 : p > q ? 1 : 0;
}

TEST(SortItems, SortsAndKeepsEveryItem) {
  std::mt19937 random(1206);
  for (const std::size_t count : {0u, 1u, 2u, 3u, 7u, 64u, 257u, 1000u}) {
    std::vector<Rect> rects(count);
    std::uniform_int_distribution<int> side(1, 12);  // few distinct values: many ties
    for (std::size_t i = 0; i < count; ++i) rects[i] = Rect{static_cast<int>(i), side(random), side(random), 0, 0, 0};
    std::vector<Rect> sorted = rects;
    text::sortItems(sorted.data(), sorted.size(), sizeof(Rect), byHeightThenWidth);
    for (std::size_t i = 1; i < count; ++i) EXPECT_LE(byHeightThenWidth(&sorted[i - 1], &sorted[i]), 0) << count << " at " << i;
    std::vector<int> ids;
    for (const Rect& r : sorted) {
      ids.push_back(r.id);
      EXPECT_EQ(r.w, rects[static_cast<std::size_t>(r.id)].w);  // an item moved whole
      EXPECT_EQ(r.h, rects[static_cast<std::size_t>(r.id)].h);
    }
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < count; ++i) EXPECT_EQ(ids[i], static_cast<int>(i));
  }
  std::vector<int> numbers = {5, -1, 3, 3, 0, 9, -7, 3};
  text::sortItems(numbers.data(), numbers.size(), sizeof(int), ascending);
  EXPECT_EQ(numbers, (std::vector<int>{-7, -1, 0, 3, 3, 3, 5, 9}));
}

}  // namespace
}  // namespace mapathy
