// Mapathy core — a small vsnprintf: what the web build links instead of the C library's.
//
// Why: libc's printf core carries long-double float formatting and every conversion of the standard, about
// 3 KB gzip of the editor's first download, for format strings that are all short and simple here (Dear
// ImGui's window and popup ids such as "##Popup_%08x", nlohmann/json's "\u%04x", a few numbers). The web
// build links every vsnprintf call (snprintf's too) to formatV() with -Wl,--wrap=vsnprintf
// (src/platform/web/libc_shims.cpp); native builds keep the C library's.
//
// What it does: flags - + space # 0, width and precision (digits or *), the length modifiers hh h l ll z j t L,
// and the conversions d i u o x X c s p % f F e E g G (a A print like e; a long double, %Lf, is printed as the
// format stands, since converting it would link the long-double arithmetic this file exists to avoid). Integer and string output is what
// the C standard says. Floats are exact for what the UI prints (a few digits) but are rounded through
// double arithmetic, so the last of many digits may differ from the C library's; %n writes nothing.
#pragma once

#include <cstdarg>
#include <cstddef>

namespace mapathy::text {

// Like std::vsnprintf: writes at most `size` bytes including the terminating zero (none when size is 0) and
// returns the length the whole output has.
int formatV(char* out, std::size_t size, const char* format, std::va_list args);

// Like std::snprintf (for tests and callers that have the arguments at hand).
int formatTo(char* out, std::size_t size, const char* format, ...);

}  // namespace mapathy::text
