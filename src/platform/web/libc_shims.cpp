// Mapathy web platform — C library functions replaced at link time (-Wl,--wrap=…, CMakeLists.txt),
// because the library's versions cost the first download more than they give here.
//
// vsnprintf (and so snprintf): core/base/printf.hpp formats what Dear ImGui, nlohmann/json and the app ask
// for; libc's printf core with its long-double float formatting is then not linked (about 3 KB gzip).
// strtod: core/base/read_double.hpp reads the numbers nlohmann/json hands it (exact for every float a board
// keeps); musl's reads through software long-double arithmetic (about 3 KB gzip).
// sscanf: its only callers are Dear ImGui's .ini settings readers, and the web build never reads settings
// (io.IniFilename is null, nothing calls LoadIniSettingsFromMemory). Should one ever run, it reads nothing,
// as sscanf does with input that does not match, and ImGui keeps its defaults.
// sinf, cosf: core/base/sin_cos.hpp, for Dear ImGui's arcs and circles; musl's bring their reduction of
// huge angles (__rem_pio2f), which no caller here needs (about 1 KB gzip).
// qsort: core/base/sort.hpp, a heap sort, for Dear ImGui's windows and the font atlas's rectangles; musl's is a
// smoothsort.
#include <cstdarg>
#include <cstddef>

#include "core/base/printf.hpp"
#include "core/base/read_double.hpp"
#include "core/base/sin_cos.hpp"
#include "core/base/sort.hpp"

extern "C" {

int __wrap_vsnprintf(char* out, std::size_t size, const char* format, std::va_list args) {
  return mapathy::text::formatV(out, size, format, args);
}

double __wrap_strtod(const char* text, char** end) { return mapathy::text::readDouble(text, end); }

int __wrap_sscanf(const char*, const char*, ...) { return 0; }

float __wrap_sinf(float x) { return mapathy::text::sinFloat(x); }
float __wrap_cosf(float x) { return mapathy::text::cosFloat(x); }

void __wrap_qsort(void* items, std::size_t count, std::size_t size, int (*compare)(const void*, const void*)) {
  mapathy::text::sortItems(items, count, size, compare);
}

}  // extern "C"
