// Mapathy core — heap sort behind qsort's interface (see sort.hpp).
#include "core/base/sort.hpp"

namespace mapathy::text {
namespace {

void swapItems(unsigned char* a, unsigned char* b, std::size_t size) {
  for (std::size_t i = 0; i < size; ++i) {
    const unsigned char t = a[i];
    a[i] = b[i];
    b[i] = t;
  }
}

// Moves item `at` down the max-heap of the first `count` items until its children are not greater.
void siftDown(unsigned char* items, std::size_t at, std::size_t count, std::size_t size,
              int (*compare)(const void*, const void*)) {
  for (;;) {
    std::size_t largest = at;
    const std::size_t left = 2 * at + 1;
    const std::size_t right = left + 1;
    if (left < count && compare(items + left * size, items + largest * size) > 0) largest = left;
    if (right < count && compare(items + right * size, items + largest * size) > 0) largest = right;
    if (largest == at) return;
    swapItems(items + at * size, items + largest * size, size);
    at = largest;
  }
}

}  // namespace

void sortItems(void* itemsIn, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
  auto* items = static_cast<unsigned char*>(itemsIn);
  if (count < 2 || size == 0) return;
  for (std::size_t i = count / 2; i-- > 0;) siftDown(items, i, count, size, compare);
  for (std::size_t end = count - 1; end > 0; --end) {
    swapItems(items, items + end * size, size);
    siftDown(items, 0, end, size, compare);
  }
}

}  // namespace mapathy::text
