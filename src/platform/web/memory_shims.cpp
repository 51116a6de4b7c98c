// Mapathy web platform — memcpy, memmove and memset for the editor's module.
//
// An -Oz build links Emscripten's size-optimised C library, whose memcpy and memset copy and fill one byte at a
// time (emscripten_memcpy.c, emscripten_memset.c: "#ifdef EMSCRIPTEN_OPTIMIZE_FOR_OZ"). A CPU profile of the
// start showed 18 ms of 100 in that memcpy alone (the link coder's 1.5 MB model, the font atlas, ImGui's
// buffers), before V8 had optimised it. These are as small: a block of 512 bytes or more goes to the browser's
// own TypedArray copyWithin/fill, which copy at memory speed; a shorter one is copied four bytes at a time
// where both ends allow it. Defined here, the C library's versions are not linked. This file is compiled
// with -fno-builtin (CMakeLists.txt), so the compiler never turns these loops back into calls of themselves.
#include <emscripten.h>

#include <cstddef>
#include <cstdint>

namespace {

constexpr std::size_t kLargeBytes = 512;

// Within the module's memory; copyWithin copies as if through a temporary buffer, so overlapping blocks are fine.
EM_JS(void, mapathy_js_copy_bytes, (void* to, const void* from, std::size_t count),
      { HEAPU8.copyWithin(to, from, from + count); });
EM_JS(void, mapathy_js_fill_bytes, (void* to, int value, std::size_t count),
      { HEAPU8.fill(value, to, to + count); });

// A word that may alias any other type (the blocks hold whatever their callers copy).
using Word = std::uint32_t __attribute__((may_alias));

bool wordAligned(const void* a, const void* b) {
  return ((reinterpret_cast<std::uintptr_t>(a) | reinterpret_cast<std::uintptr_t>(b)) & 3u) == 0;
}

void copyForward(unsigned char* to, const unsigned char* from, std::size_t count) {
  if (wordAligned(to, from)) {
    for (; count >= 4; count -= 4, to += 4, from += 4)
      *reinterpret_cast<Word*>(to) = *reinterpret_cast<const Word*>(from);
  }
  while (count-- > 0) *to++ = *from++;
}

}  // namespace

extern "C" {

void* memcpy(void* to, const void* from, std::size_t count) {
  if (count >= kLargeBytes) {
    mapathy_js_copy_bytes(to, from, count);
  } else {
    copyForward(static_cast<unsigned char*>(to), static_cast<const unsigned char*>(from), count);
  }
  return to;
}

void* memmove(void* to, const void* from, std::size_t count) {
  auto* out = static_cast<unsigned char*>(to);
  const auto* in = static_cast<const unsigned char*>(from);
  if (count >= kLargeBytes) {
    mapathy_js_copy_bytes(to, from, count);
  } else if (out <= in || out >= in + count) {
    copyForward(out, in, count);
  } else {  // overlapping, the destination after the source: from the end
    while (count-- > 0) out[count] = in[count];
  }
  return to;
}

void* memset(void* to, int value, std::size_t count) {
  auto* out = static_cast<unsigned char*>(to);
  if (count >= kLargeBytes) {
    mapathy_js_fill_bytes(to, value & 0xFF, count);
    return to;
  }
  if ((reinterpret_cast<std::uintptr_t>(out) & 3u) == 0) {
    const std::uint32_t word = 0x01010101u * static_cast<std::uint8_t>(value);
    for (; count >= 4; count -= 4, out += 4) *reinterpret_cast<Word*>(out) = word;
  }
  while (count-- > 0) *out++ = static_cast<unsigned char>(value);
  return to;
}

}  // extern "C"
