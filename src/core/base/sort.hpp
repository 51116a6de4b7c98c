// Mapathy core — a small qsort: what the web build links instead of the C library's (libc_shims.cpp).
//
// Why: musl's qsort is a smoothsort (Leonardo heaps, about 1 KB of code) for callers that sort a handful of
// items: Dear ImGui's windows and the font atlas's rectangles (stb_rect_pack). This is a heap sort: no
// recursion, no allocation, O(n log n) at worst. Like qsort (and musl's), it is not stable: equal items may
// end in any order. tests/core/sort_test.cpp checks it sorts and keeps every item.
#pragma once

#include <cstddef>

namespace mapathy::text {

void sortItems(void* items, std::size_t count, std::size_t size, int (*compare)(const void*, const void*));

}  // namespace mapathy::text
